/* doc_truth.c - a document's truth (see doc.h): the items painters record
 * (features and defects, each with its region in image pixels and the lights
 * that show it), the regions of the data defects (the fields an examiner
 * would point at), the check that every defect asked for found a place, and
 * truth.json. */
#include <stdio.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "doc_kit.h"

static void add_item(doc_item *items, int *n, int max, const char *id, const char *kind, irect r,
                     light_set lights) {
    if (*n >= max) return;
    doc_item *it = &items[(*n)++];
    doc_copy(it->id, sizeof it->id, id);
    doc_copy(it->kind, sizeof it->kind, kind);
    it->x = r.x, it->y = r.y, it->w = r.w, it->h = r.h;
    it->lights = lights;
}

void doc_truth_feature(doc_truth *t, const char *id, const char *kind, irect r, light_set lights) {
    add_item(t->features, &t->n_features, DOC_MAX_ITEMS, id, kind, r, lights);
}

void doc_truth_defect(doc_truth *t, defect_kind k, irect r) {
    const defect_info *d = defect_get(k);
    add_item(t->defects, &t->n_defects, DEFECT_COUNT, d->id, d->id, r, d->lights);
}

/* The region of a field's value in the visual zone. */
static irect field_rect(const matbuf *mb, const tpl_field *f) {
    tpl_rect r = {f->align_right ? f->x - f->width_mm : f->x, f->y + 0.2, f->width_mm,
                  f->size_mm * 1.15 + 0.8};
    return doc_px_rect(mb, r);
}

static irect rect_union(irect a, irect b) {
    if (a.w <= 0 || a.h <= 0) return b;
    if (b.w <= 0 || b.h <= 0) return a;
    int x0 = a.x < b.x ? a.x : b.x, y0 = a.y < b.y ? a.y : b.y;
    int x1 = a.x + a.w > b.x + b.w ? a.x + a.w : b.x + b.w;
    int y1 = a.y + a.h > b.y + b.h ? a.y + a.h : b.y + b.h;
    return (irect){x0, y0, x1 - x0, y1 - y0};
}

void doc_truth_data_defects(doc_ctx *b, int script_mismatch) {
    const tpl *t = b->t;
    matbuf *mb = b->mb;
    const tpl_field *bd = tpl_field_of(t, "birth_date");
    const tpl_field *ed = tpl_field_of(t, "expiry_date");
    const tpl_field *al = tpl_field_of(t, doc_alterable(b->spec));
    irect mrz_r = doc_px_rect(mb, t->mrz);
    irect birth = bd ? field_rect(mb, bd) : mrz_r;
    if (doc_has(b->spec, DEFECT_DATA_ALTERATION_IR) && al)
        doc_truth_defect(b->truth, DEFECT_DATA_ALTERATION_IR, field_rect(mb, al));
    /* a document without an MRZ (a letter, a civil record) has none to
     * disagree or to carry a check digit, and one without a date of expiry
     * cannot have expired: left unplaced, doc_truth_check_placed refuses them */
    int mrz = t->mrz_format != TPL_NO_MRZ;
    if (doc_has(b->spec, DEFECT_MRZ_VIZ_MISMATCH) && mrz)
        doc_truth_defect(b->truth, DEFECT_MRZ_VIZ_MISMATCH, birth);
    if (doc_has(b->spec, DEFECT_MRZ_CHECK_DIGIT) && mrz)
        doc_truth_defect(b->truth, DEFECT_MRZ_CHECK_DIGIT, mrz_r);
    if (script_mismatch) {
        irect r = mrz_r;
        static const char *keys[] = {"surname", "given_names", "surname_native",
                                     "given_names_native"};
        for (int k = 0; k < 4; k++) {
            const tpl_field *fl = tpl_field_of(t, keys[k]);
            if (fl) r = rect_union(r, field_rect(mb, fl));
        }
        doc_truth_defect(b->truth, DEFECT_NAME_SCRIPT_MISMATCH, r);
    }
    const tpl_field *pn = tpl_field_of(t, "passport_number");
    if (doc_has(b->spec, DEFECT_VISA_PASSPORT) && pn)
        doc_truth_defect(b->truth, DEFECT_VISA_PASSPORT, field_rect(mb, pn));
    if (doc_has(b->spec, DEFECT_EXPIRED) && (ed || mrz))
        doc_truth_defect(b->truth, DEFECT_EXPIRED, ed ? field_rect(mb, ed) : mrz_r);
}

int doc_truth_check_placed(const doc_ctx *b) {
    const doc_truth *truth = b->truth;
    for (int k = 0; k < DEFECT_COUNT; k++) {
        if (!doc_has(b->spec, (defect_kind)k)) continue;
        int found = 0;
        for (int i = 0; i < truth->n_defects; i++)
            if (!strcmp(truth->defects[i].kind, defect_get((defect_kind)k)->id)) found = 1;
        /* the booklet's binding is shown on its centre page (doc_booklet.c) */
        int elsewhere = k == DEFECT_RESTITCHED_BOOKLET && !strcmp(b->t->kind, "passport");
        if (!found && k != DEFECT_COUNTERFEIT_PAPER && !elsewhere)
            return err_set(b->err, "template \"%s\" has no feature that defect \"%s\" applies to",
                           b->t->id, defect_get((defect_kind)k)->id);
    }
    return 0;
}

/* ------------------------------------------------------------- truth.json */

static cJSON *rect_json(const doc_item *it) {
    double v[4] = {it->x, it->y, it->w, it->h};
    return cJSON_CreateDoubleArray(v, 4);
}

cJSON *doc_items_json(const doc_item *items, int n) {
    cJSON *arr = cJSON_CreateArray();
    for (int i = 0; i < n; i++) {
        cJSON *o = cJSON_CreateObject();
        cJSON_AddStringToObject(o, "id", items[i].id);
        cJSON_AddStringToObject(o, "kind", items[i].kind);
        cJSON_AddItemToObject(o, "region_px", rect_json(&items[i]));
        cJSON *ls = cJSON_CreateArray();
        for (int l = 0; l < LIGHT_COUNT; l++)
            if (items[i].lights & LIGHT_BIT(l))
                cJSON_AddItemToArray(ls, cJSON_CreateString(light_name((light_kind)l)));
        cJSON_AddItemToObject(o, "lights", ls);
        /* a counterfeit's missing features: what they follow from */
        if (items[i].of[0]) cJSON_AddStringToObject(o, "follows_from", items[i].of);
        /* whether tilting the document changes it, and two tilts to compare */
        cJSON_AddBoolToObject(o, "varies_with_tilt", items[i].varies);
        if (items[i].varies) {
            double v[2] = {items[i].views[0], items[i].views[1]};
            cJSON_AddItemToObject(o, "tilt_views_deg", cJSON_CreateDoubleArray(v, 2));
        }
        cJSON_AddItemToArray(arr, o);
    }
    return arr;
}

static void add_date(cJSON *o, const char *key, bl_date d) {
    char s[16];
    snprintf(s, sizeof s, "%04d-%02d-%02d", d.y, d.m, d.d);
    cJSON_AddStringToObject(o, key, s);
}

char *doc_truth_json(const doc_spec *spec, const doc_truth *t) {
    cJSON *o = cJSON_CreateObject();
    cJSON_AddStringToObject(o, "template", spec->t->id);
    /* what a forger printed shows its printer under the loupe (doc_print.c) */
    int forged =
        doc_has(spec, DEFECT_COUNTERFEIT_PAPER) || doc_has(spec, DEFECT_DATA_ALTERATION_IR);
    if (forged)
        cJSON_AddStringToObject(o, "printer",
                                doc_printer_name(spec->printer ? spec->printer
                                                 : doc_has(spec, DEFECT_COUNTERFEIT_PAPER)
                                                     ? PRINTER_LASER
                                                     : PRINTER_INKJET));
    char seed[32];
    snprintf(seed, sizeof seed, "%llu", (unsigned long long)spec->seed);
    cJSON_AddNumberToObject(o, "seed", (double)spec->seed);
    cJSON_AddNumberToObject(o, "dpi", spec->dpi);
    if (spec->page > 0) /* a passport's other page, by its printed number */
        cJSON_AddNumberToObject(o, "page", booklet_printed(spec->page));
    double size[2] = {t->w, t->h};
    cJSON_AddItemToObject(o, "size_px", cJSON_CreateDoubleArray(size, 2));
    add_date(o, "today", spec->today);
    cJSON *m = cJSON_CreateArray();
    for (int i = 0; i < t->mrz_lines; i++)
        cJSON_AddItemToArray(m, cJSON_CreateString(t->mrz[i]));
    cJSON_AddItemToObject(o, "mrz", m);
    const doc_holder *h = &t->holder;
    cJSON *ho = cJSON_CreateObject();
    cJSON_AddStringToObject(ho, "surname", h->surname);
    cJSON_AddStringToObject(ho, "given_names", h->given_names);
    if (h->surname_native[0]) cJSON_AddStringToObject(ho, "surname_native", h->surname_native);
    if (h->given_names_native[0])
        cJSON_AddStringToObject(ho, "given_names_native", h->given_names_native);
    cJSON_AddStringToObject(ho, "nationality", h->nationality);
    add_date(ho, "birth_date", h->birth);
    cJSON_AddStringToObject(ho, "sex", h->sex);
    cJSON_AddStringToObject(ho, "place_of_birth", h->place_of_birth);
    if (h->place_of_birth_native[0])
        cJSON_AddStringToObject(ho, "place_of_birth_native", h->place_of_birth_native);
    cJSON_AddStringToObject(ho, "document_number", h->document_number);
    add_date(ho, "issue_date", h->issue);
    add_date(ho, "expiry_date", h->expiry);
    cJSON_AddStringToObject(ho, "personal_number", h->personal_number);
    cJSON_AddStringToObject(
        ho, "face_seed",
        (snprintf(seed, sizeof seed, "%llu", (unsigned long long)h->face_seed), seed));
    cJSON_AddItemToObject(o, "holder", ho);
    cJSON_AddItemToObject(o, "features", doc_items_json(t->features, t->n_features));
    cJSON_AddItemToObject(o, "defects", doc_items_json(t->defects, t->n_defects));
    char *s = cJSON_Print(o);
    cJSON_Delete(o);
    return s;
}
