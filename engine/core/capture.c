/* capture.c - see capture.h */
#include "capture.h"

#include <cjson/cJSON.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "defect.h"
#include "mrz.h"
#include "fsio.h"

static int str_field(const cJSON *o, const char *key, char *out, size_t cap, const char *name,
                     const char *where, bl_err *err) {
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, key);
    if (!v) return err_set(err, "%s: %s: missing \"%s\"", name, where, key);
    if (!cJSON_IsString(v) || !v->valuestring[0])
        return err_set(err, "%s: %s.%s: expected a non-empty string", name, where, key);
    size_t n = strlen(v->valuestring);
    if (n >= cap)
        return err_set(err, "%s: %s.%s: longer than %zu characters", name, where, key, cap - 1);
    memcpy(out, v->valuestring, n + 1);
    return 0;
}

static int parse_items(const cJSON *arr, doc_item *items, int *n, int is_defect, const char *name,
                       const char *what, bl_err *err) {
    /* a document's truth holds one region per defect kind at most */
    const int max = is_defect ? DEFECT_COUNT : DOC_MAX_ITEMS;
    static const char *keys[] = {
        "id", "kind", "region_px", "lights", "follows_from", "varies_with_tilt", "tilt_views_deg",
        NULL};
    if (!cJSON_IsArray(arr)) return err_set(err, "%s: %s: expected an array", name, what);
    *n = 0;
    for (const cJSON *o = arr->child; o; o = o->next) {
        char where[48];
        snprintf(where, sizeof where, "%s[%d]", what, *n);
        if (*n >= max) return err_set(err, "%s: %s: more than %d entries", name, what, max);
        if (!cJSON_IsObject(o)) return err_set(err, "%s: %s: expected an object", name, where);
        for (const cJSON *c = o->child; c; c = c->next) {
            int ok = 0;
            for (int k = 0; keys[k]; k++)
                ok |= !strcmp(c->string, keys[k]);
            if (!ok) return err_set(err, "%s: %s: unknown key \"%s\"", name, where, c->string);
        }
        doc_item *it = &items[*n];
        memset(it, 0, sizeof *it);
        if (str_field(o, "id", it->id, sizeof it->id, name, where, err) ||
            str_field(o, "kind", it->kind, sizeof it->kind, name, where, err))
            return -1;
        const cJSON *of = cJSON_GetObjectItemCaseSensitive(o, "follows_from");
        if (of && (!is_defect || !cJSON_IsString(of) || defect_from_id(of->valuestring) < 0))
            return err_set(err, "%s: %s.follows_from: expected a defect kind, on a defect", name,
                           where);
        if (of) snprintf(it->of, sizeof it->of, "%s", of->valuestring);
        /* whether it changes with the tilt, and two tilts to compare (as truth.json) */
        const cJSON *vt = cJSON_GetObjectItemCaseSensitive(o, "varies_with_tilt");
        const cJSON *tv = cJSON_GetObjectItemCaseSensitive(o, "tilt_views_deg");
        if (vt && !cJSON_IsBool(vt))
            return err_set(err, "%s: %s.varies_with_tilt: expected true or false", name, where);
        it->varies = cJSON_IsTrue(vt);
        if (tv && (!cJSON_IsArray(tv) || cJSON_GetArraySize(tv) != 2 ||
                   !cJSON_IsNumber(tv->child) || !cJSON_IsNumber(tv->child->next)))
            return err_set(err, "%s: %s.tilt_views_deg: expected two angles in degrees", name,
                           where);
        if (tv) it->views[0] = tv->child->valueint, it->views[1] = tv->child->next->valueint;
        if (is_defect && defect_from_id(it->kind) < 0)
            return err_set(err,
                           "%s: %s.kind: \"%s\" is not a borderlab defect kind "
                           "('borderlab templates' lists them)",
                           name, where, it->kind);
        const cJSON *r = cJSON_GetObjectItemCaseSensitive(o, "region_px");
        double v[4];
        int i = 0;
        if (!cJSON_IsArray(r) || cJSON_GetArraySize(r) != 4)
            return err_set(err, "%s: %s.region_px: expected [x, y, w, h] in pixels", name, where);
        for (const cJSON *c = r->child; c; c = c->next, i++) {
            if (!cJSON_IsNumber(c) || c->valuedouble < 0 || c->valuedouble > 100000 ||
                c->valuedouble != (double)(int)c->valuedouble)
                return err_set(err,
                               "%s: %s.region_px[%d]: expected a whole number of pixels "
                               "from 0 to 100000",
                               name, where, i);
            v[i] = c->valuedouble;
        }
        if (v[2] < 1 || v[3] < 1)
            return err_set(err, "%s: %s.region_px: width and height must be at least 1", name,
                           where);
        it->x = (int)v[0], it->y = (int)v[1], it->w = (int)v[2], it->h = (int)v[3];
        const cJSON *ls = cJSON_GetObjectItemCaseSensitive(o, "lights");
        if (!cJSON_IsArray(ls) || cJSON_GetArraySize(ls) < 1)
            return err_set(err, "%s: %s.lights: expected a list of lights", name, where);
        for (const cJSON *c = ls->child; c; c = c->next) {
            int l = cJSON_IsString(c) ? light_from_name(c->valuestring) : -1;
            if (l < 0)
                return err_set(err,
                               "%s: %s.lights: \"%s\" is not a light (visible, uv, ir, "
                               "oblique, transmitted, coaxial)",
                               name, where, cJSON_IsString(c) ? c->valuestring : "?");
            it->lights |= LIGHT_BIT(l);
        }
        for (int k = 0; k < *n; k++)
            if (!strcmp(items[k].id, it->id))
                return err_set(err, "%s: %s.id: \"%s\" is used twice", name, where, it->id);
        (*n)++;
    }
    return 0;
}

/* The optional name, physical size and printed MRZ. */
static int parse_extras(const cJSON *root, capture_regions *out, const char *name, bl_err *err) {
    if (cJSON_GetObjectItemCaseSensitive(root, "name") &&
        str_field(root, "name", out->name, sizeof out->name, name, "region file", err))
        return -1;
    const cJSON *sz = cJSON_GetObjectItemCaseSensitive(root, "size_mm");
    if (sz) {
        int ok = cJSON_IsArray(sz) && cJSON_GetArraySize(sz) == 2;
        for (int i = 0; ok && i < 2; i++) {
            const cJSON *v = cJSON_GetArrayItem(sz, i);
            ok = cJSON_IsNumber(v) && v->valuedouble >= 20 && v->valuedouble <= 400;
            if (ok) out->size_mm[i] = v->valuedouble;
        }
        if (!ok)
            return err_set(err,
                           "%s: size_mm: expected [width, height] in millimetres, each from 20 "
                           "to 400 (a passport page is [125, 88])",
                           name);
    }
    const cJSON *mrz = cJSON_GetObjectItemCaseSensitive(root, "mrz");
    if (!mrz) return 0;
    if (!cJSON_IsArray(mrz) || cJSON_GetArraySize(mrz) < 2 || cJSON_GetArraySize(mrz) > 3)
        return err_set(err, "%s: mrz: expected the 2 or 3 lines of the MRZ as printed", name);
    for (const cJSON *l = mrz->child; l; l = l->next, out->mrz_lines++) {
        size_t n = cJSON_IsString(l) ? strlen(l->valuestring) : 0;
        int ok = n >= 30 && n <= 44;
        for (size_t i = 0; ok && i < n; i++) {
            char ch = l->valuestring[i];
            ok = ch == '<' || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9');
        }
        if (!ok)
            return err_set(err,
                           "%s: mrz[%d]: expected an MRZ line of 30 to 44 characters A-Z, 0-9 "
                           "and <",
                           name, out->mrz_lines);
        memcpy(out->mrz[out->mrz_lines], l->valuestring, n + 1);
    }
    return 0;
}

int capture_regions_parse(capture_regions *out, const char *json, size_t len, const char *name,
                          bl_err *err) {
    static const char *keys[] = {"id",     "name",     "size_mm", "mrz",
                                 "lights", "features", "defects", NULL};
    memset(out, 0, sizeof *out);
    cJSON *root = cJSON_ParseWithLength(json, len);
    if (!root) {
        const char *at = cJSON_GetErrorPtr();
        long off = at && at >= json && at <= json + len ? (long)(at - json) : -1;
        return err_set(err, "%s: not valid JSON (near byte %ld)", name, off);
    }
    int rc = -1;
    if (!cJSON_IsObject(root)) {
        err_set(err, "%s: expected a JSON object", name);
        goto done;
    }
    for (const cJSON *c = root->child; c; c = c->next) {
        int ok = 0;
        for (int k = 0; keys[k]; k++)
            ok |= !strcmp(c->string, keys[k]);
        if (!ok) {
            err_set(err,
                    "%s: unknown key \"%s\" (expected id, name, size_mm, mrz, lights, "
                    "features, defects)",
                    name, c->string);
            goto done;
        }
    }
    if (str_field(root, "id", out->id, sizeof out->id, name, "region file", err)) goto done;
    if (parse_extras(root, out, name, err) != 0) goto done;
    const cJSON *ls = cJSON_GetObjectItemCaseSensitive(root, "lights");
    if (ls) {
        if (!cJSON_IsObject(ls)) {
            err_set(err, "%s: lights: expected an object {\"uv\": \"file.png\", ...}", name);
            goto done;
        }
        for (const cJSON *c = ls->child; c; c = c->next) {
            int l = light_from_name(c->string);
            if (l < 0) {
                err_set(err,
                        "%s: lights: \"%s\" is not a light (visible, uv, ir, oblique, "
                        "transmitted, coaxial)",
                        name, c->string);
                goto done;
            }
            if (!cJSON_IsString(c) || !c->valuestring[0] || strlen(c->valuestring) >= 256 ||
                strstr(c->valuestring, "..") || c->valuestring[0] == '/') {
                err_set(err, "%s: lights.%s: expected a file name inside the capture folder", name,
                        c->string);
                goto done;
            }
            strcpy(out->files[l], c->valuestring);
        }
    }
    const cJSON *fs = cJSON_GetObjectItemCaseSensitive(root, "features");
    const cJSON *ds = cJSON_GetObjectItemCaseSensitive(root, "defects");
    if ((fs && parse_items(fs, out->features, &out->n_features, 0, name, "features", err)) ||
        (ds && parse_items(ds, out->defects, &out->n_defects, 1, name, "defects", err)))
        goto done;
    rc = 0;
done:
    cJSON_Delete(root);
    return rc;
}

static int file_exists(const char *path) {
    FILE *f = fopen(path, "rb");
    if (!f) return 0;
    fclose(f);
    return 1;
}

/* The file that holds light l's image ("" when that light was not captured). */
static void light_path(const capture *c, const char *dir, int l, char *path, size_t cap) {
    const char *name = light_name((light_kind)l);
    if (c->regions.files[l][0]) {
        snprintf(path, cap, "%s/%s", dir, c->regions.files[l]);
        return;
    }
    snprintf(path, cap, "%s/%s.png", dir, name);
    if (!file_exists(path)) snprintf(path, cap, "%s/%s.jpg", dir, name);
    if (!file_exists(path)) path[0] = 0;
}

/* The region file and each light's image (decoded, or only its header). */
static int capture_open(capture *c, const char *dir, int decode, bl_err *err) {
    memset(c, 0, sizeof *c);
    char path[4096];
    snprintf(path, sizeof path, "%s/regions.json", dir);
    size_t len = 0;
    char *json = fs_read_all(path, 4u << 20, &len, err);
    if (!json) return err_prefix(err, "capture '%s' needs a regions.json", dir);
    int rc = capture_regions_parse(&c->regions, json, len, path, err);
    free(json);
    if (rc) return -1;
    for (int l = 0; l < LIGHT_COUNT; l++) {
        light_path(c, dir, l, path, sizeof path);
        if (!path[0]) continue; /* that light was not captured */
        int w, h;
        if (decode ? image_load_file(&c->img[l], path, err) : image_probe_file(path, &w, &h, err))
            goto fail;
        if (decode) w = c->img[l].w, h = c->img[l].h;
        if (c->have && (w != c->w || h != c->h)) {
            err_set(err,
                    "capture '%s': %s is %dx%d but the other images are %dx%d; export all "
                    "lights at one size",
                    dir, path, w, h, c->w, c->h);
            goto fail;
        }
        c->w = w, c->h = h;
        c->have |= LIGHT_BIT(l);
    }
    if (!(c->have & LIGHT_BIT(LIGHT_VISIBLE))) {
        err_set(err, "capture '%s' has no visible-light image (visible.png or visible.jpg)", dir);
        goto fail;
    }
    for (int i = 0; i < c->regions.n_features + c->regions.n_defects; i++) {
        const doc_item *it = i < c->regions.n_features
                                 ? &c->regions.features[i]
                                 : &c->regions.defects[i - c->regions.n_features];
        if (it->x + it->w > c->w || it->y + it->h > c->h) {
            err_set(err,
                    "capture '%s': region of \"%s\" [%d, %d, %d, %d] reaches outside the "
                    "%dx%d images",
                    dir, it->id, it->x, it->y, it->w, it->h, c->w, c->h);
            goto fail;
        }
    }
    const double *mm = c->regions.size_mm;
    if (mm[0] > 0) { /* a stated size must have the images' proportions (5 %) */
        double want = mm[0] / mm[1], got = (double)c->w / c->h;
        if (fabs(want / got - 1) > 0.05) {
            err_set(err,
                    "capture '%s': size_mm [%g, %g] is not the shape of the %dx%d images "
                    "(%.2f wide to 1 tall against %.2f); give the size of the whole image",
                    dir, mm[0], mm[1], c->w, c->h, want, got);
            goto fail;
        }
    }
    return 0;
fail:
    capture_unload(c);
    return -1;
}

int capture_load(capture *c, const char *dir, bl_err *err) {
    return capture_open(c, dir, 1, err);
}

int capture_probe(capture *c, const char *dir, bl_err *err) {
    return capture_open(c, dir, 0, err);
}

void capture_size_mm(const capture *c, double *w_mm, double *h_mm) {
    if (c->regions.size_mm[0] > 0) {
        *w_mm = c->regions.size_mm[0], *h_mm = c->regions.size_mm[1];
        return;
    }
    *w_mm = CAPTURE_DEFAULT_W_MM;
    *h_mm = c->w > 0 ? CAPTURE_DEFAULT_W_MM * c->h / c->w : CAPTURE_DEFAULT_W_MM;
}

void capture_as_doc(const capture *c, tpl *t, doc_truth *tr) {
    double w_mm, h_mm;
    capture_size_mm(c, &w_mm, &h_mm);
    memset(t, 0, sizeof *t);
    snprintf(t->id, sizeof t->id, "capture");
    if (c->regions.name[0])
        snprintf(t->name, sizeof t->name, "%s", c->regions.name);
    else
        snprintf(t->name, sizeof t->name, "%.60s (captured)", c->regions.id);
    snprintf(t->kind, sizeof t->kind, "capture");
    const capture_regions *r = &c->regions;
    size_t len = r->mrz_lines ? strlen(r->mrz[0]) : 0;
    t->mrz_format = !r->mrz_lines       ? TPL_NO_MRZ
                    : r->mrz_lines == 3 ? MRZ_TD1
                    : len == 44         ? MRZ_TD3
                                        : MRZ_TD2;
    t->w_mm = w_mm, t->h_mm = h_mm;
    t->n_pieces = 1;
    t->pieces[0] = (tpl_rect){0, 0, w_mm, h_mm};
    memset(tr, 0, sizeof *tr);
    tr->w = c->w, tr->h = c->h;
    tr->dpi = c->w / w_mm * 25.4;
    tr->mrz_lines = c->regions.mrz_lines;
    memcpy(tr->mrz, c->regions.mrz, sizeof tr->mrz);
    tr->n_features = c->regions.n_features;
    memcpy(tr->features, c->regions.features, sizeof tr->features[0] * (size_t)tr->n_features);
    tr->n_defects = c->regions.n_defects;
    memcpy(tr->defects, c->regions.defects, sizeof tr->defects[0] * (size_t)tr->n_defects);
}

void capture_unload(capture *c) {
    for (int l = 0; l < LIGHT_COUNT; l++)
        image_deinit(&c->img[l]);
    c->have = 0;
}

char *capture_truth_json(const capture *c) {
    cJSON *o = cJSON_CreateObject();
    cJSON_AddStringToObject(o, "capture", c->regions.id);
    double size[2] = {c->w, c->h};
    cJSON_AddItemToObject(o, "size_px", cJSON_CreateDoubleArray(size, 2));
    cJSON *have = cJSON_CreateArray();
    for (int l = 0; l < LIGHT_COUNT; l++)
        if (c->have & LIGHT_BIT(l))
            cJSON_AddItemToArray(have, cJSON_CreateString(light_name((light_kind)l)));
    cJSON_AddItemToObject(o, "lights_captured", have);
    cJSON_AddItemToObject(o, "features",
                          doc_items_json(c->regions.features, c->regions.n_features));
    cJSON_AddItemToObject(o, "defects", doc_items_json(c->regions.defects, c->regions.n_defects));
    char *s = cJSON_Print(o);
    cJSON_Delete(o);
    return s;
}
