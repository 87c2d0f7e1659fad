/* tpl.c - see tpl.h. Every key is checked: an unknown key is an error, so a
 * typo in an academy's template is caught instead of silently ignored. */
#include "tpl.h"

#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fsio.h"
#include "material.h"
#include "mrz.h"

#include "bl_builtin_templates.h"

static const char *feature_kinds[] = {"guilloche",
                                      "rainbow",
                                      "microtext",
                                      "uv_emblem",
                                      "uv_fibres",
                                      "uv_overprint",
                                      "metameric_pair",
                                      "intaglio",
                                      "emboss",
                                      "stamp",
                                      "ghost_image",
                                      "watermark",
                                      "see_through_register",
                                      "portrait",
                                      "ir_mrz",
                                      "ir_data",
                                      "signature",
                                      "hologram",
                                      "colour_shift",
                                      "cli",
                                      "retroreflective",
                                      "perforation",
                                      NULL};

static int in_list(const char *s, const char *const *list) {
    for (int i = 0; list[i]; i++)
        if (strcmp(s, list[i]) == 0) return 1;
    return 0;
}

static int check_keys(const cJSON *obj, const char *const *allowed, const char *name,
                      const char *where, bl_err *err) {
    for (const cJSON *c = obj->child; c; c = c->next)
        if (!in_list(c->string, allowed))
            return err_set(err, "%s: %s: unknown key \"%s\"", name, where, c->string);
    return 0;
}

static int get_str(const cJSON *obj, const char *key, char *out, size_t cap, int required,
                   const char *name, const char *where, bl_err *err) {
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, key);
    if (!v) {
        if (required) return err_set(err, "%s: %s: missing \"%s\"", name, where, key);
        return 0;
    }
    if (!cJSON_IsString(v)) return err_set(err, "%s: %s.%s: expected a string", name, where, key);
    if (strlen(v->valuestring) >= cap)
        return err_set(err, "%s: %s.%s: longer than %zu characters", name, where, key, cap - 1);
    strcpy(out, v->valuestring);
    return 0;
}

static int get_num(const cJSON *obj, const char *key, double *out, double lo, double hi,
                   int required, const char *name, const char *where, bl_err *err) {
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, key);
    if (!v) {
        if (required) return err_set(err, "%s: %s: missing \"%s\"", name, where, key);
        return 0;
    }
    if (!cJSON_IsNumber(v) || v->valuedouble < lo || v->valuedouble > hi)
        return err_set(err, "%s: %s.%s: expected a number from %g to %g", name, where, key, lo, hi);
    *out = v->valuedouble;
    return 0;
}

static int get_nums(const cJSON *obj, const char *key, double *out, int n, int required,
                    const char *name, const char *where, bl_err *err) {
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, key);
    if (!v) {
        if (required) return err_set(err, "%s: %s: missing \"%s\"", name, where, key);
        return 0;
    }
    if (!cJSON_IsArray(v) || cJSON_GetArraySize(v) != n)
        return err_set(err, "%s: %s.%s: expected %d numbers", name, where, key, n);
    int i = 0;
    for (const cJSON *c = v->child; c; c = c->next, i++) {
        if (!cJSON_IsNumber(c) || c->valuedouble < -1000 || c->valuedouble > 1000)
            return err_set(err, "%s: %s.%s[%d]: expected a number of millimetres", name, where, key,
                           i);
        out[i] = c->valuedouble;
    }
    return 0;
}

static int get_rect(const cJSON *obj, const char *key, tpl_rect *r, int required, const char *name,
                    const char *where, bl_err *err) {
    double v[4] = {0, 0, 0, 0};
    if (get_nums(obj, key, v, 4, required, name, where, err)) return -1;
    if (cJSON_GetObjectItemCaseSensitive(obj, key) && (v[2] <= 0 || v[3] <= 0))
        return err_set(err, "%s: %s.%s: width and height must be positive", name, where, key);
    *r = (tpl_rect){v[0], v[1], v[2], v[3]};
    return 0;
}

static int get_align(const cJSON *obj, int *right, const char *name, const char *where,
                     bl_err *err) {
    char a[8] = "left";
    if (get_str(obj, "align", a, sizeof a, 0, name, where, err)) return -1;
    if (strcmp(a, "left") && strcmp(a, "right"))
        return err_set(err, "%s: %s.align: expected \"left\" or \"right\"", name, where);
    *right = !strcmp(a, "right");
    return 0;
}

static int parse_color(const char *s, unsigned *out) {
    if (s[0] != '#' || strlen(s) != 7) return -1;
    char *end;
    unsigned long v = strtoul(s + 1, &end, 16);
    if (*end) return -1;
    *out = (unsigned)v;
    return 0;
}

static int load_texts(tpl *t, const cJSON *arr, const char *name, bl_err *err) {
    static const char *keys[] = {"text",   "at_mm", "size_mm", "ink",
                                 "relief", "bold",  "align",   NULL};
    if (!cJSON_IsArray(arr)) return err_set(err, "%s: texts: expected an array", name);
    for (const cJSON *o = arr->child; o; o = o->next) {
        char where[32];
        snprintf(where, sizeof where, "texts[%d]", t->n_texts);
        if (t->n_texts >= TPL_MAX_TEXTS)
            return err_set(err, "%s: texts: more than %d", name, TPL_MAX_TEXTS);
        if (!cJSON_IsObject(o)) return err_set(err, "%s: %s: expected an object", name, where);
        tpl_text *x = &t->texts[t->n_texts++];
        double at[2], relief = 0, bold = 0;
        strcpy(x->ink, "offset_navy");
        if (check_keys(o, keys, name, where, err) ||
            get_str(o, "text", x->text, sizeof x->text, 1, name, where, err) ||
            get_nums(o, "at_mm", at, 2, 1, name, where, err) ||
            get_num(o, "size_mm", &x->size_mm, 0.2, 30, 1, name, where, err) ||
            get_str(o, "ink", x->ink, sizeof x->ink, 0, name, where, err) ||
            get_num(o, "relief", &relief, 0, 255, 0, name, where, err) ||
            get_num(o, "bold", &bold, 0, 1, 0, name, where, err) ||
            get_align(o, &x->align_right, name, where, err))
            return -1;
        if (!mat_ink_find(x->ink))
            return err_set(err, "%s: %s.ink: unknown ink \"%s\"", name, where, x->ink);
        x->x = at[0], x->y = at[1], x->relief = (int)relief, x->bold = (int)bold;
    }
    return 0;
}

static int load_fields(tpl *t, const cJSON *arr, const char *name, bl_err *err) {
    static const char *keys[] = {"key",      "label", "at_mm", "size_mm",
                                 "width_mm", "align", "value", NULL};
    static const char *field_keys[] = {"document_code",
                                       "issuing_state",
                                       "document_number",
                                       "passport_number",
                                       "surname",
                                       "given_names",
                                       "nationality",
                                       "birth_date",
                                       "sex",
                                       "place_of_birth",
                                       "issue_date",
                                       "authority",
                                       "expiry_date",
                                       "personal_number",
                                       "visa_type",
                                       "entries",
                                       "duration",
                                       "valid_from",
                                       "remarks",
                                       "surname_native",
                                       "given_names_native",
                                       "place_of_birth_native",
                                       NULL};
    if (!cJSON_IsArray(arr)) return err_set(err, "%s: fields: expected an array", name);
    for (const cJSON *o = arr->child; o; o = o->next) {
        char where[32];
        snprintf(where, sizeof where, "fields[%d]", t->n_fields);
        if (t->n_fields >= TPL_MAX_FIELDS)
            return err_set(err, "%s: fields: more than %d", name, TPL_MAX_FIELDS);
        if (!cJSON_IsObject(o)) return err_set(err, "%s: %s: expected an object", name, where);
        tpl_field *f = &t->fields[t->n_fields++];
        double at[2];
        f->size_mm = 2.4;
        f->width_mm = 40;
        if (check_keys(o, keys, name, where, err) ||
            get_str(o, "key", f->key, sizeof f->key, 1, name, where, err) ||
            get_str(o, "label", f->label, sizeof f->label, 0, name, where, err) ||
            get_nums(o, "at_mm", at, 2, 1, name, where, err) ||
            get_num(o, "size_mm", &f->size_mm, 0.5, 20, 0, name, where, err) ||
            get_num(o, "width_mm", &f->width_mm, 1, 200, 0, name, where, err) ||
            get_align(o, &f->align_right, name, where, err) ||
            get_str(o, "value", f->value, sizeof f->value, 0, name, where, err))
            return -1;
        /* "text.NAME": a text of the document's own (a letter's inviter, a
         * flight), its default in "value", the scenario's in texts */
        int text = !strncmp(f->key, "text.", 5) && f->key[5];
        if (!text && !in_list(f->key, field_keys))
            return err_set(err, "%s: %s.key: unknown holder datum \"%s\" (or text.NAME)", name,
                           where, f->key);
        f->x = at[0], f->y = at[1];
    }
    return 0;
}

static int load_features(tpl *t, const cJSON *arr, const char *name, bl_err *err) {
    static const char *keys[] = {"id", "kind", "rect_mm", "text", "ink", "param", "signer", NULL};
    if (!cJSON_IsArray(arr)) return err_set(err, "%s: features: expected an array", name);
    for (const cJSON *o = arr->child; o; o = o->next) {
        char where[32];
        snprintf(where, sizeof where, "features[%d]", t->n_features);
        if (t->n_features >= TPL_MAX_FEATURES)
            return err_set(err, "%s: features: more than %d", name, TPL_MAX_FEATURES);
        if (!cJSON_IsObject(o)) return err_set(err, "%s: %s: expected an object", name, where);
        tpl_feature *f = &t->features[t->n_features++];
        /* a travel document is signed by its holder, a letter by its writer */
        char signer[8] = "";
        if (check_keys(o, keys, name, where, err) ||
            get_str(o, "signer", signer, sizeof signer, 0, name, where, err) ||
            get_str(o, "id", f->id, sizeof f->id, 1, name, where, err) ||
            get_str(o, "kind", f->kind, sizeof f->kind, 1, name, where, err) ||
            get_rect(o, "rect_mm", &f->r, 1, name, where, err) ||
            get_str(o, "text", f->text, sizeof f->text, 0, name, where, err) ||
            get_str(o, "ink", f->ink, sizeof f->ink, 0, name, where, err) ||
            get_num(o, "param", &f->param, 0, 10000, 0, name, where, err))
            return -1;
        if (!in_list(f->kind, feature_kinds))
            return err_set(err, "%s: %s.kind: unknown feature kind \"%s\"", name, where, f->kind);
        if (signer[0] && (strcmp(f->kind, "signature") ||
                          (strcmp(signer, "holder") && strcmp(signer, "writer"))))
            return err_set(err, "%s: %s.signer: \"holder\" or \"writer\", on a signature only",
                           name, where);
        f->by_holder = !strcmp(f->kind, "signature") &&
                       (signer[0] ? !strcmp(signer, "holder") : !tpl_is_supporting(t));
        if (f->ink[0] && !mat_ink_find(f->ink))
            return err_set(err, "%s: %s.ink: unknown ink \"%s\"", name, where, f->ink);
        for (int i = 0; i < t->n_features - 1; i++)
            if (strcmp(t->features[i].id, f->id) == 0)
                return err_set(err, "%s: %s.id: \"%s\" is used twice", name, where, f->id);
    }
    return 0;
}

static const char *template_keys[] = {"id",
                                      "name",
                                      "kind",
                                      "issuing_state",
                                      "state_name",
                                      "nationality_name",
                                      "document_code",
                                      "mrz_format",
                                      "size_mm",
                                      "pieces_mm",
                                      "corner_mm",
                                      "substrate",
                                      "rainbow",
                                      "label_ink",
                                      "texts",
                                      "fields",
                                      "portrait_mm",
                                      "mrz_mm",
                                      "alterable",
                                      "features",
                                      "chip",
                                      NULL};

/* chip: whether the document is an eMRTD (chip.h). Only a passport or an ID
 * card carries a chip: a visa sticker or a letter has none. Checked after
 * the kind and the MRZ format are known (load_header calls it last). */
static int load_chip(tpl *t, const cJSON *v, const char *name, bl_err *err) {
    if (!v) return 0;
    if (!cJSON_IsBool(v)) return err_set(err, "%s: chip: expected true or false", name);
    t->chip = cJSON_IsTrue(v);
    return 0;
}

/* The template's own keys: names, kind, MRZ format, size, substrate and inks. */
static int load_header(tpl *t, const cJSON *root, const char *name, bl_err *err) {
    char fmt[8] = "";
    double size[2] = {0, 0};
    if (check_keys(root, template_keys, name, "template", err) ||
        get_str(root, "id", t->id, sizeof t->id, 1, name, "template", err) ||
        get_str(root, "name", t->name, sizeof t->name, 1, name, "template", err) ||
        get_str(root, "kind", t->kind, sizeof t->kind, 1, name, "template", err) ||
        get_str(root, "issuing_state", t->issuing_state, sizeof t->issuing_state, 1, name,
                "template", err) ||
        get_str(root, "state_name", t->state_name, sizeof t->state_name, 1, name, "template",
                err) ||
        get_str(root, "nationality_name", t->nationality_name, sizeof t->nationality_name, 0, name,
                "template", err) ||
        get_str(root, "document_code", t->document_code, sizeof t->document_code, 1, name,
                "template", err) ||
        get_str(root, "mrz_format", fmt, sizeof fmt, 1, name, "template", err) ||
        get_nums(root, "size_mm", size, 2, 1, name, "template", err) ||
        get_num(root, "corner_mm", &t->corner_mm, 0, 20, 0, name, "template", err) ||
        get_str(root, "substrate", t->substrate, sizeof t->substrate, 0, name, "template", err) ||
        get_str(root, "label_ink", t->label_ink, sizeof t->label_ink, 0, name, "template", err) ||
        get_rect(root, "portrait_mm", &t->portrait, 0, name, "template", err) ||
        get_rect(root, "mrz_mm", &t->mrz, 0, name, "template", err) ||
        get_str(root, "alterable", t->alterable, sizeof t->alterable, 0, name, "template", err))
        return -1;
    if (!t->alterable[0]) snprintf(t->alterable, sizeof t->alterable, "birth_date");
    if (load_chip(t, cJSON_GetObjectItemCaseSensitive(root, "chip"), name, err)) return -1;
    if (strcmp(t->kind, "passport") && strcmp(t->kind, "id_card") && strcmp(t->kind, "visa") &&
        !tpl_is_supporting(t))
        return err_set(err,
                       "%s: kind: \"%s\" is not one of passport, id_card, visa, letter, "
                       "boarding_pass, civil_record",
                       name, t->kind);
    t->mrz_format = strcmp(fmt, "none") ? mrz_format_from_name(fmt) : TPL_NO_MRZ;
    if (t->mrz_format < 0 && (strcmp(fmt, "none") || !tpl_is_supporting(t)))
        return err_set(err,
                       "%s: mrz_format: \"%s\" is not one of TD1, TD2, TD3, MRV-A, MRV-B (or "
                       "none, for a supporting document)",
                       name, fmt);
    /* a travel document has its portrait and its MRZ; a supporting one may not */
    if (!tpl_is_supporting(t) && t->portrait.w <= 0)
        return err_set(err, "%s: portrait_mm: missing (a %s has a portrait)", name, t->kind);
    if (t->mrz_format != TPL_NO_MRZ && t->mrz.w <= 0)
        return err_set(err, "%s: mrz_mm: missing (the MRZ's place)", name);
    if (t->chip && ((strcmp(t->kind, "passport") && strcmp(t->kind, "id_card")) ||
                    t->mrz_format == TPL_NO_MRZ))
        return err_set(err,
                       "%s: chip: a %s has no chip (only a passport or an ID card with an "
                       "MRZ is an eMRTD)",
                       name, t->kind);
    if (size[0] < 20 || size[0] > 300 || size[1] < 20 || size[1] > 300)
        return err_set(err, "%s: size_mm: %gx%g is not a document size (20..300 mm)", name, size[0],
                       size[1]);
    t->w_mm = size[0], t->h_mm = size[1];
    if (!mat_substrate_find(t->substrate) || !strcmp(t->substrate, "none"))
        return err_set(err, "%s: substrate: unknown substrate \"%s\"", name, t->substrate);
    if (!mat_ink_find(t->label_ink))
        return err_set(err, "%s: label_ink: unknown ink \"%s\"", name, t->label_ink);
    return 0;
}

/* pieces_mm: the faces a card is shown as (front, back), inside size_mm. */
static int load_pieces(tpl *t, const cJSON *pc, const char *name, bl_err *err) {
    t->n_pieces = 1;
    t->pieces[0] = (tpl_rect){0, 0, t->w_mm, t->h_mm};
    if (!pc) return 0;
    if (!cJSON_IsArray(pc) || cJSON_GetArraySize(pc) < 1 || cJSON_GetArraySize(pc) > 2)
        return err_set(err, "%s: pieces_mm: expected one or two [x, y, w, h] rectangles", name);
    t->n_pieces = 0;
    for (const cJSON *c = pc->child; c; c = c->next) {
        double v[4];
        int i = 0, ok = cJSON_IsArray(c) && cJSON_GetArraySize(c) == 4;
        for (const cJSON *n = ok ? c->child : NULL; n; n = n->next, i++) {
            if (!cJSON_IsNumber(n)) ok = 0;
            if (ok) v[i] = n->valuedouble;
        }
        if (!ok || v[2] <= 0 || v[3] <= 0 || v[0] < 0 || v[1] < 0 || v[0] + v[2] > t->w_mm + 1e-6 ||
            v[1] + v[3] > t->h_mm + 1e-6)
            return err_set(err, "%s: pieces_mm[%d]: expected [x, y, w, h] inside size_mm", name,
                           t->n_pieces);
        t->pieces[t->n_pieces++] = (tpl_rect){v[0], v[1], v[2], v[3]};
    }
    return 0;
}

/* rainbow: the three colours of the background's rainbow print. */
static int load_rainbow(tpl *t, const cJSON *rb, const char *name, bl_err *err) {
    if (!rb) return 0;
    if (!cJSON_IsArray(rb) || cJSON_GetArraySize(rb) != 3)
        return err_set(err, "%s: rainbow: expected three \"#rrggbb\" colours", name);
    int i = 0;
    for (const cJSON *c = rb->child; c; c = c->next, i++)
        if (!cJSON_IsString(c) || parse_color(c->valuestring, &t->rainbow[i]))
            return err_set(err, "%s: rainbow[%d]: expected a \"#rrggbb\" colour", name, i);
    return 0;
}

int tpl_load_json(tpl *t, const char *json, const char *name, bl_err *err) {
    memset(t, 0, sizeof *t);
    cJSON *root = cJSON_Parse(json);
    if (!root) {
        const char *at = cJSON_GetErrorPtr();
        long off = at ? (long)(at - json) : -1;
        return err_set(err, "%s: not valid JSON (near byte %ld)", name, off);
    }
    int rc = -1;
    const cJSON *arr;
    strcpy(t->label_ink, "offset_navy");
    strcpy(t->substrate, "security_paper");
    t->rainbow[0] = 0xE9C2CC, t->rainbow[1] = 0xC9D6EE, t->rainbow[2] = 0xCDE6C8;
    if (!cJSON_IsObject(root))
        err_set(err, "%s: expected a JSON object", name);
    else if (load_header(t, root, name, err) == 0 &&
             load_pieces(t, cJSON_GetObjectItemCaseSensitive(root, "pieces_mm"), name, err) == 0 &&
             load_rainbow(t, cJSON_GetObjectItemCaseSensitive(root, "rainbow"), name, err) == 0 &&
             (!(arr = cJSON_GetObjectItemCaseSensitive(root, "texts")) ||
              load_texts(t, arr, name, err) == 0) &&
             (!(arr = cJSON_GetObjectItemCaseSensitive(root, "fields")) ||
              load_fields(t, arr, name, err) == 0) &&
             (!(arr = cJSON_GetObjectItemCaseSensitive(root, "features")) ||
              load_features(t, arr, name, err) == 0))
        rc = 0;
    cJSON_Delete(root);
    return rc;
}

int tpl_load_file(tpl *t, const char *path, bl_err *err) {
    char *text = fs_read_all(path, 1u << 20, NULL, err);
    if (!text) return -1;
    int rc = tpl_load_json(t, text, path, err);
    free(text);
    return rc;
}

int tpl_builtin_count(void) {
    int n = 0;
    while (bl_builtin_templates[n].name)
        n++;
    return n;
}

const char *tpl_builtin_id(int i) {
    return (i >= 0 && i < tpl_builtin_count()) ? bl_builtin_templates[i].name : NULL;
}

int tpl_builtin(tpl *t, const char *id, bl_err *err) {
    for (int i = 0; bl_builtin_templates[i].name; i++)
        if (strcmp(bl_builtin_templates[i].name, id) == 0) {
            char name[96];
            snprintf(name, sizeof name, "assets/templates/%s.json", id);
            return tpl_load_json(t, bl_builtin_templates[i].text, name, err);
        }
    char known[512] = "";
    for (int i = 0; bl_builtin_templates[i].name; i++) {
        if (i) strncat(known, ", ", sizeof known - strlen(known) - 1);
        strncat(known, bl_builtin_templates[i].name, sizeof known - strlen(known) - 1);
    }
    return err_set(err, "unknown template \"%s\" (known: %s; 'borderlab templates' lists them)", id,
                   known);
}

const tpl_feature *tpl_feature_of(const tpl *t, const char *kind) {
    for (int i = 0; i < t->n_features; i++)
        if (strcmp(t->features[i].kind, kind) == 0) return &t->features[i];
    return NULL;
}

int tpl_is_supporting(const tpl *t) {
    return !strcmp(t->kind, "letter") || !strcmp(t->kind, "boarding_pass") ||
           !strcmp(t->kind, "civil_record");
}

const tpl_feature *tpl_holder_signature(const tpl *t) {
    for (int i = 0; i < t->n_features; i++)
        if (t->features[i].by_holder) return &t->features[i];
    return NULL;
}

const tpl_field *tpl_field_of(const tpl *t, const char *key) {
    for (int i = 0; i < t->n_fields; i++)
        if (strcmp(t->fields[i].key, key) == 0) return &t->fields[i];
    return NULL;
}
