/* render_scenario.c - `borderlab render --scenario FILE --out-dir DIR`: every
 * document of a scenario as the desk shows it (its holder, the passport a
 * visa names), under every light, with its truth.json; and documents.json,
 * what the documents say of each other, so an instructor sees the generated
 * names before writing the dialogue and tests can check documents against
 * each other.
 *
 *   DIR/documents.json   {"scenario", "today", "traveler": {"age", "sex",
 *                        "impostor"}, "documents": [{"document": 1, "template",
 *                        "kind", "dir", "belongs_to": "traveler"|"companion",
 *                        "same_holder", "holder": {...}, "names_passport": N|null}]}
 *   DIR/doc1-<template>/          visible.png ... transmitted.png, truth.json
 */
#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fsio.h"
#include "pack.h"
#include "render_out.h"
#include "render_scenario.h"
#include "scn_docs.h"

/* The document whose number a visa prints as its passport's (1-based), or 0. */
static int passport_named(const scenario *s, const doc_spec *specs, int v) {
    const char *n = specs[v].holder.passport_number;
    for (int d = 0; d < s->n_docs; d++)
        if (d != v && specs[d].t && !strcmp(specs[d].t->kind, "passport") &&
            !strcmp(specs[d].holder.document_number, n))
            return d + 1;
    return 0;
}

static cJSON *holder_json(const doc_holder *h, const tpl *t) {
    cJSON *o = cJSON_CreateObject();
    cJSON_AddStringToObject(o, "surname", h->surname);
    cJSON_AddStringToObject(o, "given_names", h->given_names);
    if (h->surname_native[0]) cJSON_AddStringToObject(o, "surname_native", h->surname_native);
    if (h->given_names_native[0])
        cJSON_AddStringToObject(o, "given_names_native", h->given_names_native);
    cJSON_AddStringToObject(o, "sex", h->sex);
    char b[16];
    snprintf(b, sizeof b, "%04d-%02d-%02d", h->birth.y, h->birth.m, h->birth.d);
    cJSON_AddStringToObject(o, "birth_date", b);
    cJSON_AddStringToObject(o, "nationality", h->nationality);
    cJSON_AddStringToObject(o, "document_number", h->document_number);
    if (tpl_is_supporting(t)) cJSON_AddStringToObject(o, "passport_number", h->passport_number);
    if (!strcmp(t->kind, "visa")) {
        cJSON_AddStringToObject(o, "passport_number", h->passport_number);
        cJSON_AddStringToObject(o, "visa_type", h->visa_type);
        cJSON_AddStringToObject(o, "entries", h->entries);
        cJSON_AddStringToObject(o, "duration", h->duration);
    }
    return o;
}

/* One document into its folder; its entry into list. */
static int render_one(const scenario *s, const tpl *tpls, const doc_spec *specs, int d,
                      const char *dir, cJSON *list, bl_err *err) {
    char sub[4096], name[320];
    const scn_doc *sd = &s->docs[d];
    snprintf(name, sizeof name, "doc%d-%s", d + 1, sd->capture[0] ? "capture" : tpls[d].id);
    snprintf(sub, sizeof sub, "%s/%s", dir, name);
    cJSON *o = cJSON_CreateObject();
    cJSON_AddItemToArray(list, o);
    cJSON_AddNumberToObject(o, "document", d + 1);
    cJSON_AddStringToObject(o, "dir", name);
    cJSON_AddStringToObject(o, "belongs_to", sd->companion ? "companion" : "traveler");
    cJSON_AddBoolToObject(o, "same_holder", sd->same_holder);
    if (sd->capture[0]) {
        cJSON_AddStringToObject(o, "capture", sd->capture);
        return render_capture_dir(sd->capture, sub, err);
    }
    cJSON_AddStringToObject(o, "template", tpls[d].id);
    cJSON_AddStringToObject(o, "kind", tpls[d].kind);
    cJSON_AddItemToObject(o, "holder", holder_json(&specs[d].holder, &tpls[d]));
    int named = !strcmp(tpls[d].kind, "visa") ? passport_named(s, specs, d) : 0;
    if (!strcmp(tpls[d].kind, "visa"))
        cJSON_AddItemToObject(o, "names_passport",
                              named ? cJSON_CreateNumber(named) : cJSON_CreateNull());
    render_request rq;
    render_request_init(&rq);
    rq.spec = specs[d];
    rq.chip_defect = s->docs[d].spec.chip; /* documents[i].chip */
    int rc = render_write_dir(&rq, sub, err);
    /* a passport's other pages, each in a folder of its own: page-3 .. page-9 */
    for (int pg = 1; rc == 0 && !strcmp(tpls[d].kind, "passport") && pg < BOOKLET_PAGES; pg++) {
        char page_dir[4200];
        snprintf(page_dir, sizeof page_dir, "%s/page-%d", sub, booklet_printed(pg));
        rq.spec.page = pg;
        rc = render_write_dir(&rq, page_dir, err);
    }
    return rc;
}

int render_scenario(const char *file, double dpi, const char *dir, bl_err *err) {
    char *paths[1] = {(char *)file};
    pack *p = pack_create(err);
    struct docs {
        tpl tpls[DESK_MAX_DOCS];
        doc_spec specs[DESK_MAX_DOCS];
    } *k = malloc(sizeof *k);
    int rc = !p || !k ? -1 : 0;
    if (rc == 0 && !p) rc = err_set(err, "out of memory");
    if (rc == 0) rc = pack_load_files(p, paths, 1, err);
    const scenario *s = rc == 0 ? &p->scn[0] : NULL;
    if (rc == 0) rc = scn_docs_specs(s, dpi, k->tpls, k->specs, err);
    if (rc == 0) rc = fs_mkdir(dir, err);
    cJSON *all = cJSON_CreateObject();
    if (rc == 0) {
        char today[16];
        snprintf(today, sizeof today, "%04d-%02d-%02d", s->today.y, s->today.m, s->today.d);
        cJSON_AddStringToObject(all, "scenario", s->id);
        cJSON_AddStringToObject(all, "today", today);
        cJSON *tr = cJSON_AddObjectToObject(all, "traveler");
        cJSON_AddNumberToObject(tr, "age", s->age);
        cJSON_AddStringToObject(tr, "sex", s->sex);
        cJSON_AddNumberToObject(tr, "impostor", s->impostor);
    }
    cJSON *list = cJSON_AddArrayToObject(all, "documents");
    for (int d = 0; rc == 0 && d < s->n_docs; d++)
        rc = render_one(s, k->tpls, k->specs, d, dir, list, err);
    if (rc == 0) {
        char path[4096];
        snprintf(path, sizeof path, "%s/documents.json", dir);
        char *json = cJSON_Print(all);
        rc = json ? fs_write_atomic(path, json, strlen(json), err) : err_set(err, "out of memory");
        free(json);
    }
    cJSON_Delete(all);
    free(k);
    pack_destroy(p);
    return rc;
}
