/* chip_build.c - personalising a document's chip from what the document
 * knows (its holder as issued, its MRZ, its portrait), then applying the
 * chip's defect; and the names the reader panel and chip.json use.
 * See chip.h. */
#include "chip_int.h"

#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "face.h"
#include "rng.h"

static const struct {
    const char *name, *summary;
} defects[CHIP_DEFECT_COUNT] = {
    {"none", "a genuine chip: every check passes"},
    {"cloned", "another genuine document's chip: passive authentication passes, but its data and "
               "portrait are another person's and active authentication fails"},
    {"dg1_altered", "DG1 rewritten after signing (the birth date moved): its hash does not match "
                    "the security object"},
    {"ds_untrusted", "signed by a forger's Document Signer under a look-alike CSCA that is not in "
                     "the master list"},
    {"ds_expired", "signed with an old Document Signer key whose certificate has expired"},
    {"ds_revoked", "signed with a Document Signer key the state revoked (on its CSCA's CRL)"},
    {"dead", "the chip does not answer (a failed chip is not a forgery by itself)"},
};

const char *chip_defect_name(int d) {
    return d >= 0 && d < CHIP_DEFECT_COUNT ? defects[d].name : NULL;
}

const char *chip_defect_summary(int d) {
    return d >= 0 && d < CHIP_DEFECT_COUNT ? defects[d].summary : NULL;
}

int chip_defect_from_name(const char *s) {
    for (int d = 0; s && d < CHIP_DEFECT_COUNT; d++)
        if (!strcmp(defects[d].name, s)) return d;
    return -1;
}

void chip_deinit(chip *c) {
    if (!c) return;
    chip_bytes_free(&c->com);
    chip_bytes_free(&c->dg1);
    chip_bytes_free(&c->dg2);
    chip_bytes_free(&c->dg3);
    chip_bytes_free(&c->sod);
    memset(c, 0, sizeof *c);
}

void chip_clone_holder(const doc_spec *doc, doc_holder *out) {
    doc_holder_generate(rng_derive(doc->seed, "chip clone"), doc->t, doc->today, out);
}

/* ------------------------------------------------------------ the data groups */

/* DG2: the issued portrait, in colour, CHIP_FACE_W x CHIP_FACE_H. */
static int make_dg2(const doc_spec *doc, const doc_holder *h, chip_bytes *out, bl_err *err) {
    doc_spec genuine = *doc; /* the chip keeps the photo taken at issue, whatever was glued on */
    genuine.defects = 0;
    face_params fp;
    doc_portrait_face(&genuine, h, &fp);
    bl_image img;
    if (image_init(&img, CHIP_FACE_W, CHIP_FACE_H, err)) return -1;
    face_render(&fp, img.px, img.w, img.h, img.w * 4, 0);
    int rc = chip_dg2_encode(&img, h->sex, out, err);
    image_deinit(&img);
    return rc;
}

static int make_dg1(const tpl *t, const doc_holder *h, chip_bytes *out, bl_err *err) {
    char mrz[3][48];
    int n;
    if (doc_mrz_lines(t, h, mrz, &n, err)) return err_prefix(err, "DG1");
    return chip_dg1_encode(mrz, n, out, err);
}

/* The signer a defect calls for: the issue quarter's, a forger's, an old
 * one's, or the compromised one's. */
static int pick_signer(const doc_spec *doc, const doc_holder *h, int defect, chip_signer *ds,
                       bl_err *err) {
    const char *st = doc->t->issuing_state;
    bl_date issue = h->issue.y ? h->issue : doc->today;
    switch (defect) {
    case CHIP_DS_UNTRUSTED:
        return chip_pki_ds(st, PKI_FORGED, issue, 1, ds, err);
    case CHIP_DS_EXPIRED:
        return chip_pki_ds(st, PKI_GENUINE, date_add_years(doc->today, -11), 1, ds, err);
    case CHIP_DS_REVOKED:
        return chip_pki_ds(st, PKI_GENUINE, chip_pki_compromised_quarter(doc->today), 2, ds, err);
    default:
        return chip_pki_ds(st, PKI_GENUINE, issue, 1, ds, err);
    }
}

/* EF.SOD over DG1..DG3, signed as the defect says, wrapped in tag 77. */
static int make_sod(const doc_spec *doc, const doc_holder *h, int defect, chip *c, bl_err *err) {
    chip_dg_hash hs[3];
    const chip_bytes *dgs[3] = {&c->dg1, &c->dg2, &c->dg3};
    for (int i = 0; i < 3; i++) {
        hs[i].dg = i + 1;
        if (!EVP_Digest(dgs[i]->data, dgs[i]->len, hs[i].sha256, NULL, EVP_sha256(), NULL))
            return chip_ossl_err(err, "hashing a data group");
    }
    chip_bytes so = {0}, cms = {0};
    chip_signer ds = {0};
    int rc = chip_lds_so_encode(hs, 3, &so, err);
    if (rc == 0) rc = pick_signer(doc, h, defect, &ds, err);
    if (rc == 0) rc = chip_sod_sign(&so, &ds, h->issue.y ? h->issue : doc->today, &cms, err);
    chip_signer_free(&ds);
    chip_bytes_free(&so);
    if (rc) return -1;
    chip_buf b = {0};
    cbuf_tlv(&b, 0x77, cms.data, cms.len);
    chip_bytes_free(&cms);
    return cbuf_finish(&b, &c->sod, "EF.SOD", err);
}

/* dg1_altered: the birth date three years earlier, check digits and all,
 * written after the SOD was signed. */
static int alter_dg1(const tpl *t, const doc_holder *h, chip *c, bl_err *err) {
    doc_holder older = *h;
    older.birth = date_add_years(h->birth, -3);
    chip_bytes_free(&c->dg1);
    return make_dg1(t, &older, &c->dg1, err);
}

static int check_spec(const chip_spec *cs, bl_err *err) {
    if (!cs || !cs->doc || !cs->doc->t) return err_set(err, "chip: no document");
    if (!cs->doc->t->chip)
        return err_set(err, "template %s has no chip (only eMRTDs do: \"chip\": true)",
                       cs->doc->t->id);
    if (cs->defect < 0 || cs->defect >= CHIP_DEFECT_COUNT)
        return err_set(err, "chip: no defect %d", cs->defect);
    if (cs->n_fingers < 0 || cs->n_fingers > CHIP_MAX_FINGERS || (cs->n_fingers && !cs->fingers))
        return err_set(err, "chip: %d fingers (0..%d)", cs->n_fingers, CHIP_MAX_FINGERS);
    return 0;
}

int chip_build(const chip_spec *cs, chip *out, bl_err *err) {
    memset(out, 0, sizeof *out);
    if (check_spec(cs, err)) return -1;
    if (cs->defect == CHIP_DEAD) return 0; /* nothing answers */
    const doc_spec *doc = cs->doc;
    doc_holder h;
    if (cs->defect == CHIP_CLONED)
        chip_clone_holder(doc, &h);
    else
        doc_issued_holder(doc, &h);
    static const int dgs[3] = {1, 2, 3};
    int rc = make_dg1(doc->t, &h, &out->dg1, err);
    if (rc == 0) rc = make_dg2(doc, &h, &out->dg2, err);
    if (rc == 0) rc = chip_dg3_encode(cs->fingers, cs->n_fingers, &out->dg3, err);
    if (rc == 0) rc = chip_com_encode(dgs, 3, &out->com, err);
    if (rc == 0) rc = make_sod(doc, &h, cs->defect, out, err);
    if (rc == 0 && cs->defect == CHIP_DG1_ALTERED) rc = alter_dg1(doc->t, &h, out, err);
    if (rc) {
        chip_deinit(out);
        return err_prefix(err, "chip of %s", doc->t->id);
    }
    out->answers = 1;
    out->aa_key = cs->defect != CHIP_CLONED;
    return 0;
}

/* ------------------------------------------------------------ names and JSON */

static const char *name_in(const char *const *names, int n, int v) {
    return v >= 0 && v < n ? names[v] : "?";
}

const char *chip_check_name(int c) {
    static const char *const n[] = {"not_run", "passed", "failed"};
    return name_in(n, 3, c);
}

const char *chip_dg_status_name(int s) {
    static const char *const n[] = {"ok", "mismatch", "missing", "unsigned"};
    return name_in(n, 4, s);
}

const char *chip_validity_name(int v) {
    static const char *const n[] = {"unknown", "valid", "not_yet_valid", "expired"};
    return name_in(n, 4, v);
}

const char *chip_revocation_name(int r) {
    static const char *const n[] = {"unknown", "good", "revoked"};
    return name_in(n, 3, r);
}

const char *chip_verdict_name(int v) {
    static const char *const n[] = {"no_answer", "authentic", "failed"};
    return name_in(n, 3, v);
}

static void add_date(cJSON *o, const char *key, bl_date d) {
    char s[16];
    snprintf(s, sizeof s, "%04d-%02d-%02d", d.y % 10000, d.m % 100, d.d % 100);
    if (d.y)
        cJSON_AddStringToObject(o, key, s);
    else
        cJSON_AddNullToObject(o, key);
}

/* The DS certificate as read: subject, issuer, serial, validity. */
static cJSON *ds_json(const chip_result *r) {
    cJSON *o = cJSON_CreateObject();
    cJSON_AddStringToObject(o, "subject", r->ds_subject);
    cJSON_AddStringToObject(o, "issuer", r->ds_issuer);
    cJSON_AddStringToObject(o, "serial", r->ds_serial);
    add_date(o, "not_before", r->ds_not_before);
    add_date(o, "not_after", r->ds_not_after);
    return o;
}

cJSON *chip_result_json(const chip_result *r) {
    cJSON *o = cJSON_CreateObject();
    cJSON_AddStringToObject(o, "verdict", chip_verdict_name(r->verdict));
    if (r->verdict != CHIP_VERDICT_NO_ANSWER) {
        cJSON_AddStringToObject(o, "read", chip_check_name(r->read));
        cJSON *dgs = cJSON_AddObjectToObject(o, "data_groups");
        for (int i = 0; i < r->n_dgs; i++) {
            char k[8];
            snprintf(k, sizeof k, "DG%d", r->dgs[i].dg);
            cJSON_AddStringToObject(dgs, k, chip_dg_status_name(r->dgs[i].status));
        }
        cJSON_AddStringToObject(o, "hashes", chip_check_name(r->hashes));
        cJSON_AddStringToObject(o, "signature", chip_check_name(r->signature));
        cJSON_AddStringToObject(o, "chain", chip_check_name(r->chain));
        cJSON_AddStringToObject(o, "ds_validity", chip_validity_name(r->validity));
        cJSON_AddStringToObject(o, "revocation", chip_revocation_name(r->revocation));
        cJSON_AddStringToObject(o, "active_authentication", chip_check_name(r->active_auth));
        cJSON_AddItemToObject(o, "ds_certificate", ds_json(r));
        cJSON *m = cJSON_AddArrayToObject(o, "dg1_mrz");
        for (int i = 0; i < r->mrz_lines; i++)
            cJSON_AddItemToArray(m, cJSON_CreateString(r->mrz[i]));
    }
    cJSON *why = cJSON_AddArrayToObject(o, "reasons");
    for (int i = 0; i < r->n_reasons; i++)
        cJSON_AddItemToArray(why, cJSON_CreateString(r->reasons[i]));
    return o;
}
