/* render_chip.c - see render_chip.h */
#include "render_chip.h"

#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fsio.h"

static int write_file(const char *dir, const char *name, const void *data, size_t len,
                      bl_err *err) {
    char path[4200];
    if (snprintf(path, sizeof path, "%s/%s", dir, name) >= (int)sizeof path)
        return err_set(err, "the folder's path is too long for %s", name);
    return fs_write_atomic(path, data, len, err);
}

/* Writes a heap string (NULL: its maker failed and said why) and frees it. */
static int write_text(const char *dir, const char *name, char *text, bl_err *err) {
    if (!text) return -1;
    int rc = write_file(dir, name, text, strlen(text), err);
    free(text);
    return rc;
}

/* The chip's files: the data groups, the SOD and its DS certificate. */
static int write_files(const chip *c, const char *dir, bl_err *err) {
    const uint8_t *cms;
    size_t cms_len;
    if (write_file(dir, "com.bin", c->com.data, c->com.len, err) ||
        write_file(dir, "dg1.bin", c->dg1.data, c->dg1.len, err) ||
        write_file(dir, "dg2.bin", c->dg2.data, c->dg2.len, err) ||
        write_file(dir, "dg3.bin", c->dg3.data, c->dg3.len, err) ||
        chip_sod_cms(c, &cms, &cms_len, err) || write_file(dir, "sod.der", cms, cms_len, err))
        return -1;
    return write_text(dir, "ds.pem", chip_sod_ds_pem(c, err), err);
}

/* chip.json: the defect and what a desk's reader shows on spec->today. */
static char *chip_json(const doc_spec *spec, int defect, const chip *c, const doc_truth *truth,
                       bl_err *err) {
    chip_trust *tr = chip_trust_create(spec->today, err);
    chip_result *r = malloc(sizeof *r);
    int rc = tr && r ? chip_trust_add_builtin(tr, err) : -1;
    if (rc == 0) rc = chip_trust_add_state(tr, spec->t->issuing_state, err);
    if (rc == 0) rc = chip_verify(c, tr, spec->today, r, err);
    chip_trust_destroy(tr);
    if (rc) {
        free(r);
        return NULL;
    }
    char today[16];
    snprintf(today, sizeof today, "%04d-%02d-%02d", spec->today.y % 10000, spec->today.m % 100,
             spec->today.d % 100);
    cJSON *o = cJSON_CreateObject();
    cJSON_AddStringToObject(o, "template", spec->t->id);
    cJSON_AddStringToObject(o, "issuing_state", spec->t->issuing_state);
    cJSON_AddStringToObject(o, "today", today);
    cJSON_AddStringToObject(o, "defect", chip_defect_name(defect));
    cJSON_AddStringToObject(o, "defect_summary", chip_defect_summary(defect));
    cJSON_AddBoolToObject(o, "answers", c->answers);
    cJSON_AddBoolToObject(o, "dg1_matches_print",
                          chip_dg1_matches(r, truth->mrz, truth->mrz_lines));
    cJSON *enc = cJSON_AddObjectToObject(o, "encodings");
    cJSON_AddStringToObject(enc, "sod.der", "DER CMS ContentInfo (EF.SOD without its tag 77)");
    cJSON_AddStringToObject(enc, "ds.pem", "PEM");
    cJSON_AddStringToObject(enc, "csca.pem", "PEM");
    cJSON_AddStringToObject(enc, "csca.crl", "PEM");
    cJSON_AddItemToObject(o, "reader", chip_result_json(r));
    free(r);
    char *s = cJSON_Print(o);
    cJSON_Delete(o);
    if (!s) err_setc(err, BL_E_NOMEM, "out of memory writing chip.json");
    return s;
}

int render_chip_dir(const doc_spec *spec, int defect, const doc_truth *truth, const char *dir,
                    bl_err *err) {
    char sub[4100];
    if (snprintf(sub, sizeof sub, "%s/chip", dir) >= (int)sizeof sub)
        return err_set(err, "the folder's path is too long: %s", dir);
    chip c;
    chip_spec cs = {spec, defect, NULL, 0};
    if (chip_build(&cs, &c, err)) return -1;
    int rc = fs_mkdir(sub, err);
    if (rc == 0 && c.answers) rc = write_files(&c, sub, err);
    if (rc == 0) rc = write_text(sub, "csca.pem", chip_csca_pem(spec->t->issuing_state, err), err);
    if (rc == 0)
        rc = write_text(sub, "csca.crl", chip_crl_pem(spec->t->issuing_state, spec->today, err),
                        err);
    if (rc == 0) rc = write_text(sub, "chip.json", chip_json(spec, defect, &c, truth, err), err);
    chip_deinit(&c);
    return rc ? err_prefix(err, "chip") : 0;
}
