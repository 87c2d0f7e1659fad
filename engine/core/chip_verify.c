/* chip_verify.c - passive authentication (Doc 9303 Part 11 section 5.1) as a
 * border inspection system makes it, one check at a time so the reader panel
 * can say which failed: the files read, each data group's hash against the
 * SOD's, the SOD's signature, the DS certificate's path to a CSCA of the
 * master list, its validity at the check date and its revocation; then the
 * modelled Active Authentication. Every check is made even after another
 * failed, so one defect shows as the one check it breaks. See chip.h. */
#include "chip_int.h"

#include <openssl/err.h>
#include <openssl/sha.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

static void reason(chip_result *r, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;

static void reason(chip_result *r, const char *fmt, ...) {
    if (r->n_reasons >= CHIP_MAX_REASONS) return;
    va_list ap;
    va_start(ap, fmt);
    char *s = r->reasons[r->n_reasons++];
    vsnprintf(s, sizeof r->reasons[0], fmt, ap);
    va_end(ap);
}

/* ------------------------------------------------------------ the files */

/* Whether the chip gives DG `dg`, and its bytes. */
static const chip_bytes *dg_file(const chip *c, int dg) {
    const chip_bytes *f = dg == 1 ? &c->dg1 : dg == 2 ? &c->dg2 : dg == 3 ? &c->dg3 : NULL;
    return f && f->data && f->len ? f : NULL;
}

/* Parses every file the chip gives: a malformed one fails `read`. */
static void read_files(const chip *c, chip_result *r, int com[CHIP_MAX_DG], int *n_com) {
    bl_err e = {0};
    r->read = CHIP_CHECK_PASSED;
    *n_com = 0;
    if (chip_com_decode(c->com.data, c->com.len, com, n_com, &e))
        r->read = CHIP_CHECK_FAILED, reason(r, "EF.COM unreadable: %s", e.msg);
    if (!dg_file(c, 1) || chip_dg1_decode(c->dg1.data, c->dg1.len, r->mrz, &r->mrz_lines, &e))
        r->read = CHIP_CHECK_FAILED,
        reason(r, "DG1 unreadable: %s", dg_file(c, 1) ? e.msg : "not on the chip");
    bl_image img;
    if (dg_file(c, 2) && chip_dg2_decode(c->dg2.data, c->dg2.len, &img, &e) == 0)
        image_deinit(&img);
    else
        r->read = CHIP_CHECK_FAILED,
        reason(r, "DG2 unreadable: %s", dg_file(c, 2) ? e.msg : "not on the chip");
    chip_finger_image f[CHIP_MAX_FINGERS];
    int nf = 0;
    if (dg_file(c, 3) && chip_dg3_decode(c->dg3.data, c->dg3.len, f, &nf, &e) == 0) {
        for (int i = 0; i < nf; i++)
            chip_finger_image_free(&f[i]);
    } else if (dg_file(c, 3)) {
        r->read = CHIP_CHECK_FAILED, reason(r, "DG3 unreadable: %s", e.msg);
    }
}

/* ------------------------------------------------------------ hashes */

static void set_dg(chip_result *r, int dg, int status) {
    for (int i = 0; i < r->n_dgs; i++)
        if (r->dgs[i].dg == dg) return;
    if (r->n_dgs >= CHIP_MAX_DG) return;
    r->dgs[r->n_dgs].dg = dg, r->dgs[r->n_dgs].status = status, r->n_dgs++;
}

/* Each DG against the SOD's hashes; the DGs EF.COM lists must be there. */
static void check_hashes(const chip *c, const chip_dg_hash *h, int n, const int *com, int n_com,
                         chip_result *r) {
    static const char *const why[] = {"", "has changed since it was signed (hash mismatch)",
                                      "is listed but the chip does not give it",
                                      "is on the chip but the SOD does not sign it"};
    for (int i = 0; i < n; i++) {
        const chip_bytes *f = dg_file(c, h[i].dg);
        uint8_t md[32];
        if (f) SHA256(f->data, f->len, md);
        set_dg(r, h[i].dg,
               !f                            ? CHIP_DG_MISSING
               : memcmp(md, h[i].sha256, 32) ? CHIP_DG_MISMATCH
                                             : CHIP_DG_OK);
    }
    for (int dg = 1; dg <= 3; dg++)
        if (dg_file(c, dg)) set_dg(r, dg, CHIP_DG_UNSIGNED);
    for (int i = 0; i < n_com; i++)
        set_dg(r, com[i], CHIP_DG_MISSING);
    r->hashes = CHIP_CHECK_PASSED;
    for (int i = 0; i < r->n_dgs; i++)
        if (r->dgs[i].status != CHIP_DG_OK) {
            r->hashes = CHIP_CHECK_FAILED;
            reason(r, "DG%d %s", r->dgs[i].dg, why[r->dgs[i].status]);
        }
}

/* ------------------------------------------------------------ the SOD */

/* The SOD's CMS, or NULL with a reason. */
static CMS_ContentInfo *open_sod(const chip *c, chip_result *r) {
    const uint8_t *der;
    size_t len;
    bl_err e = {0};
    if (chip_sod_cms(c, &der, &len, &e)) {
        reason(r, "EF.SOD unreadable: %s", e.msg);
        return NULL;
    }
    const unsigned char *p = der;
    CMS_ContentInfo *cms = d2i_CMS_ContentInfo(NULL, &p, (long)len);
    ERR_clear_error();
    char oid[64] = "";
    if (cms) OBJ_obj2txt(oid, sizeof oid, CMS_get0_eContentType(cms), 1);
    if (!cms || OBJ_obj2nid(CMS_get0_type(cms)) != NID_pkcs7_signed ||
        strcmp(oid, "2.23.136.1.1.1")) {
        reason(r, "EF.SOD is not a CMS SignedData over an LDS security object");
        CMS_ContentInfo_free(cms);
        return NULL;
    }
    return cms;
}

/* The signer's certificate from the SOD (a new reference), or NULL. */
static X509 *signer_cert(CMS_ContentInfo *cms) {
    STACK_OF(X509) *certs = CMS_get1_certs(cms);
    STACK_OF(CMS_SignerInfo) *sis = CMS_get0_SignerInfos(cms);
    X509 *found = NULL;
    if (sis && sk_CMS_SignerInfo_num(sis) == 1)
        for (int i = 0; certs && i < sk_X509_num(certs) && !found; i++)
            if (CMS_SignerInfo_cert_cmp(sk_CMS_SignerInfo_value(sis, 0), sk_X509_value(certs, i)) ==
                0)
                found = sk_X509_value(certs, i);
    if (found) X509_up_ref(found);
    sk_X509_pop_free(certs, X509_free);
    return found;
}

/* The LDS security object's hashes, from the SOD's eContent. */
static int sod_hashes(CMS_ContentInfo *cms, chip_dg_hash h[CHIP_MAX_DG], int *n, chip_result *r) {
    ASN1_OCTET_STRING **oc = CMS_get0_content(cms);
    bl_err e = {0};
    if (!oc || !*oc) {
        reason(r, "EF.SOD carries no LDS security object");
        return -1;
    }
    if (chip_lds_so_decode(ASN1_STRING_get0_data(*oc), (size_t)ASN1_STRING_length(*oc), h, n, &e)) {
        reason(r, "EF.SOD: %s", e.msg);
        return -1;
    }
    return 0;
}

/* ------------------------------------------------------------ the DS certificate */

static bl_date tm_date(const ASN1_TIME *t) {
    struct tm tm;
    if (!t || !ASN1_TIME_to_tm(t, &tm)) return (bl_date){0, 0, 0};
    return (bl_date){tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday};
}

static void name_text(const X509_NAME *nm, char *out, size_t cap) {
    BIO *b = BIO_new(BIO_s_mem());
    char *data = NULL;
    long n = 0;
    if (b && X509_NAME_print_ex(b, nm, 0, XN_FLAG_ONELINE & ~ASN1_STRFLGS_ESC_MSB) >= 0)
        n = BIO_get_mem_data(b, &data);
    snprintf(out, cap, "%.*s", (int)(n > 0 ? n : 0), data ? data : "");
    BIO_free(b);
}

static void describe_ds(X509 *ds, chip_result *r) {
    name_text(X509_get_subject_name(ds), r->ds_subject, sizeof r->ds_subject);
    name_text(X509_get_issuer_name(ds), r->ds_issuer, sizeof r->ds_issuer);
    BIGNUM *bn = ASN1_INTEGER_to_BN(X509_get0_serialNumber(ds), NULL);
    char *hex = bn ? BN_bn2hex(bn) : NULL;
    snprintf(r->ds_serial, sizeof r->ds_serial, "%s", hex ? hex : "");
    OPENSSL_free(hex);
    BN_free(bn);
    r->ds_not_before = tm_date(X509_get0_notBefore(ds));
    r->ds_not_after = tm_date(X509_get0_notAfter(ds));
}

static void check_validity(X509 *ds, time_t at, chip_result *r) {
    if (X509_cmp_time(X509_get0_notBefore(ds), &at) > 0) {
        r->validity = CHIP_VALIDITY_NOT_YET;
        reason(r, "the DS certificate is not valid before %04d-%02d-%02d", r->ds_not_before.y,
               r->ds_not_before.m, r->ds_not_before.d);
    } else if (X509_cmp_time(X509_get0_notAfter(ds), &at) < 0) {
        r->validity = CHIP_VALIDITY_EXPIRED;
        reason(r, "the DS certificate expired on %04d-%02d-%02d", r->ds_not_after.y,
               r->ds_not_after.m, r->ds_not_after.d);
    } else {
        r->validity = CHIP_VALIDITY_OK;
    }
}

/* What OpenSSL's path validation found, sorted by the check it belongs to. */
typedef struct path_state {
    int chain_error, csca_time_error, crl_error, revoked;
} path_state;

/* Records each error and lets validation go on, so that every check is
 * made: the DS certificate's own dates are check_validity's business. */
static int path_cb(int ok, X509_STORE_CTX *ctx) {
    if (ok) return 1;
    path_state *st = X509_STORE_CTX_get_app_data(ctx);
    int e = X509_STORE_CTX_get_error(ctx), depth = X509_STORE_CTX_get_error_depth(ctx);
    switch (e) {
    case X509_V_ERR_CERT_NOT_YET_VALID:
    case X509_V_ERR_CERT_HAS_EXPIRED:
        if (depth > 0 && !st->csca_time_error) st->csca_time_error = e;
        break;
    case X509_V_ERR_CERT_REVOKED:
        st->revoked = 1;
        break;
    case X509_V_ERR_UNABLE_TO_GET_CRL:
    case X509_V_ERR_CRL_NOT_YET_VALID:
    case X509_V_ERR_CRL_HAS_EXPIRED:
    case X509_V_ERR_CRL_SIGNATURE_FAILURE:
    case X509_V_ERR_UNABLE_TO_DECRYPT_CRL_SIGNATURE:
    case X509_V_ERR_UNABLE_TO_GET_CRL_ISSUER:
    case X509_V_ERR_DIFFERENT_CRL_SCOPE:
        if (!st->crl_error) st->crl_error = e;
        break;
    default:
        if (!st->chain_error) st->chain_error = e;
    }
    return 1;
}

/* The DS certificate's path to a trusted CSCA, with the CSCA's CRL. */
static int check_path(X509 *ds, const chip_trust *trust, time_t at, chip_result *r) {
    X509_STORE *store = chip_trust_store(trust);
    if (!store || chip_trust_count(trust) == 0) {
        r->chain = CHIP_CHECK_FAILED, r->revocation = CHIP_REVOCATION_UNKNOWN;
        reason(r, "no master list to check the DS certificate against");
        return 0;
    }
    X509_STORE_CTX *ctx = X509_STORE_CTX_new();
    path_state st = {0};
    if (!ctx || !X509_STORE_CTX_init(ctx, store, ds, NULL)) {
        X509_STORE_CTX_free(ctx);
        return -1;
    }
    X509_STORE_CTX_set_time(ctx, 0, at);
    X509_STORE_CTX_set_flags(ctx, X509_V_FLAG_CRL_CHECK);
    X509_STORE_CTX_set_verify_cb(ctx, path_cb);
    X509_STORE_CTX_set_app_data(ctx, &st);
    X509_verify_cert(ctx);
    X509_STORE_CTX_free(ctx);
    ERR_clear_error();
    int chained = !st.chain_error && !st.csca_time_error;
    r->chain = chained ? CHIP_CHECK_PASSED : CHIP_CHECK_FAILED;
    if (!chained)
        reason(r, "the DS certificate does not chain to a trusted CSCA: %s (issuer %s)",
               X509_verify_cert_error_string(st.chain_error ? st.chain_error : st.csca_time_error),
               r->ds_issuer);
    r->revocation = !chained || st.crl_error ? CHIP_REVOCATION_UNKNOWN
                    : st.revoked             ? CHIP_REVOCATION_REVOKED
                                             : CHIP_REVOCATION_GOOD;
    if (r->revocation == CHIP_REVOCATION_REVOKED)
        reason(r, "the DS certificate (serial %s) is on its CSCA's revocation list", r->ds_serial);
    if (chained && st.crl_error)
        reason(r, "revocation not checked: %s", X509_verify_cert_error_string(st.crl_error));
    return 0;
}

/* ------------------------------------------------------------ the whole */

/* The SOD's checks: hashes, signature, DS certificate. -1 out of memory. */
static int check_sod(const chip *c, const chip_trust *trust, time_t at, const int *com, int n_com,
                     chip_result *r) {
    CMS_ContentInfo *cms = open_sod(c, r);
    if (!cms) {
        r->read = CHIP_CHECK_FAILED;
        return 0;
    }
    chip_dg_hash h[CHIP_MAX_DG];
    int n = 0;
    if (sod_hashes(cms, h, &n, r) == 0)
        check_hashes(c, h, n, com, n_com, r);
    else
        r->read = CHIP_CHECK_FAILED;
    int sig = CMS_verify(cms, NULL, NULL, NULL, NULL, CMS_NO_SIGNER_CERT_VERIFY | CMS_BINARY);
    ERR_clear_error();
    r->signature = sig == 1 ? CHIP_CHECK_PASSED : CHIP_CHECK_FAILED;
    if (sig != 1) reason(r, "the SOD's signature does not verify with the DS certificate in it");
    X509 *ds = signer_cert(cms);
    int rc = 0;
    if (ds) {
        describe_ds(ds, r);
        check_validity(ds, at, r);
        rc = check_path(ds, trust, at, r);
    } else {
        reason(r, "the SOD carries no DS certificate for its signer");
    }
    X509_free(ds);
    CMS_ContentInfo_free(cms);
    return rc;
}

static int all_passed(const chip_result *r) {
    return r->read == CHIP_CHECK_PASSED && r->hashes == CHIP_CHECK_PASSED &&
           r->signature == CHIP_CHECK_PASSED && r->chain == CHIP_CHECK_PASSED &&
           r->validity == CHIP_VALIDITY_OK && r->revocation != CHIP_REVOCATION_REVOKED &&
           r->active_auth == CHIP_CHECK_PASSED;
}

int chip_verify(const chip *c, const chip_trust *trust, bl_date today, chip_result *r,
                bl_err *err) {
    memset(r, 0, sizeof *r);
    if (!c || !c->answers) {
        r->verdict = CHIP_VERDICT_NO_ANSWER;
        reason(r, "the chip does not answer: examine the document without it (a failed chip is "
                  "not a forgery by itself)");
        return 0;
    }
    int com[CHIP_MAX_DG], n_com = 0;
    read_files(c, r, com, &n_com);
    time_t at = (time_t)(chip_date_time(today) + 12 * 3600); /* the check date's midday */
    if (check_sod(c, trust, at, com, n_com, r))
        return err_setc(err, BL_E_NOMEM, "passive authentication: out of memory");
    r->active_auth = c->aa_key ? CHIP_CHECK_PASSED : CHIP_CHECK_FAILED;
    if (!c->aa_key)
        reason(r, "active authentication failed: the chip cannot prove it holds the document's "
                  "private key (a copied chip)");
    r->verdict = all_passed(r) ? CHIP_VERDICT_AUTHENTIC : CHIP_VERDICT_FAILED;
    return 0;
}

int chip_dg1_matches(const chip_result *r, const char mrz[][48], int n) {
    if (r->mrz_lines != n || n < 1) return 0;
    for (int i = 0; i < n; i++)
        if (strcmp(r->mrz[i], mrz[i])) return 0;
    return 1;
}
