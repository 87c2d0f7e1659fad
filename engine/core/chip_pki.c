/* chip_pki.c - each issuing state's fictional PKI (Doc 9303 Part 12): the
 * CSCA, its Document Signers, its CRL, and a forger's look-alike CSCA.
 *
 * Keys are ECDSA P-256 whose private scalar is SHA-256 of a public label
 * ("borderlab chip key v1|CSCA|UTO|genuine", a DS's with its quarter and
 * number) reduced into 1..n-1; the public point is computed from it and the
 * pair made with EVP_PKEY_fromdata, so the same label is the same key on
 * every machine. Serial numbers hash the same labels. Certificate and CRL
 * signatures are OpenSSL's ECDSA with a random nonce (see chip.h).
 * See chip_int.h. */
#include "chip_int.h"

#include <openssl/core_names.h>
#include <openssl/err.h>
#include <openssl/param_build.h>
#include <openssl/pem.h>
#include <openssl/x509v3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The fictional states' two-letter codes and names; another state's code is
 * its own name, its first two letters its country code. */
static const struct {
    const char *code, *alpha2, *name, *org;
} states[] = {
    {"UTO", "UT", "Utopia", "Republic of Utopia"},
    {"QWH", "QW", "Wahat", "Federation of Wahat"},
    {"QNV", "QN", "Nordavia", "Nordavia"},
};

typedef struct state_names {
    char alpha2[3], name[48], org[64];
} state_names;

static int names_of(const char *state, state_names *n, bl_err *err) {
    size_t len = state ? strlen(state) : 0;
    if (len != 3 || !state[0] || state[0] < 'A' || state[0] > 'Z' || state[1] < 'A' ||
        state[1] > 'Z' || state[2] < 'A' || state[2] > 'Z')
        return err_set(err, "'%s' is not a three-letter issuing state code", state ? state : "");
    for (size_t i = 0; i < sizeof states / sizeof states[0]; i++)
        if (!strcmp(states[i].code, state)) {
            snprintf(n->alpha2, sizeof n->alpha2, "%s", states[i].alpha2);
            snprintf(n->name, sizeof n->name, "%s", states[i].name);
            snprintf(n->org, sizeof n->org, "%s", states[i].org);
            return 0;
        }
    snprintf(n->alpha2, sizeof n->alpha2, "%.2s", state);
    snprintf(n->name, sizeof n->name, "%s", state);
    snprintf(n->org, sizeof n->org, "%s", state);
    return 0;
}

int chip_ossl_err(bl_err *err, const char *what) {
    char buf[256] = "no detail";
    unsigned long e = ERR_get_error();
    if (e) ERR_error_string_n(e, buf, sizeof buf);
    ERR_clear_error();
    return err_set(err, "%s: OpenSSL: %s", what, buf);
}

long long chip_date_time(bl_date d) {
    return (long long)date_to_days(d) * 86400LL;
}

void chip_signer_free(chip_signer *s) {
    if (!s) return;
    EVP_PKEY_free(s->key);
    X509_free(s->cert);
    s->key = NULL, s->cert = NULL;
}

/* ------------------------------------------------------------ keys */

/* The scalar of a label: SHA-256 reduced into 1..n-1 (n, P-256's order). */
static BIGNUM *scalar_of(const char *label, const EC_GROUP *g, BN_CTX *bc) {
    uint8_t h[32];
    if (!EVP_Digest(label, strlen(label), h, NULL, EVP_sha256(), NULL)) return NULL;
    BIGNUM *d = BN_bin2bn(h, 32, NULL), *m = BN_dup(EC_GROUP_get0_order(g));
    int ok = d && m && BN_sub_word(m, 1) && BN_nnmod(d, d, m, bc) && BN_add_word(d, 1);
    BN_free(m);
    if (!ok) BN_free(d);
    return ok ? d : NULL;
}

/* The P-256 key pair of a label. */
static EVP_PKEY *derive_key(const char *label, bl_err *err) {
    EVP_PKEY *pkey = NULL;
    BN_CTX *bc = BN_CTX_new();
    EC_GROUP *g = EC_GROUP_new_by_curve_name(NID_X9_62_prime256v1);
    BIGNUM *d = g && bc ? scalar_of(label, g, bc) : NULL;
    EC_POINT *pub = g ? EC_POINT_new(g) : NULL;
    uint8_t pt[65];
    size_t pl = 0;
    if (d && pub && EC_POINT_mul(g, pub, d, NULL, NULL, bc))
        pl = EC_POINT_point2oct(g, pub, POINT_CONVERSION_UNCOMPRESSED, pt, sizeof pt, bc);
    OSSL_PARAM_BLD *bld = pl ? OSSL_PARAM_BLD_new() : NULL;
    OSSL_PARAM *params = NULL;
    if (bld && OSSL_PARAM_BLD_push_utf8_string(bld, OSSL_PKEY_PARAM_GROUP_NAME, "prime256v1", 0) &&
        OSSL_PARAM_BLD_push_BN(bld, OSSL_PKEY_PARAM_PRIV_KEY, d) &&
        OSSL_PARAM_BLD_push_octet_string(bld, OSSL_PKEY_PARAM_PUB_KEY, pt, pl))
        params = OSSL_PARAM_BLD_to_param(bld);
    EVP_PKEY_CTX *pc = params ? EVP_PKEY_CTX_new_from_name(NULL, "EC", NULL) : NULL;
    if (pc && EVP_PKEY_fromdata_init(pc) > 0 &&
        EVP_PKEY_fromdata(pc, &pkey, EVP_PKEY_KEYPAIR, params) <= 0)
        pkey = NULL;
    if (!pkey) chip_ossl_err(err, "deriving a P-256 key");
    EVP_PKEY_CTX_free(pc);
    OSSL_PARAM_free(params);
    OSSL_PARAM_BLD_free(bld);
    EC_POINT_free(pub);
    BN_clear_free(d);
    EC_GROUP_free(g);
    BN_CTX_free(bc);
    return pkey;
}

/* A positive 8-byte serial number from a label. */
static ASN1_INTEGER *serial_of(const char *label) {
    uint8_t h[32];
    if (!EVP_Digest(label, strlen(label), h, NULL, EVP_sha256(), NULL)) return NULL;
    h[0] = (uint8_t)((h[0] & 0x7F) | 0x10); /* positive, and eight bytes long */
    BIGNUM *bn = BN_bin2bn(h, 8, NULL);
    ASN1_INTEGER *s = bn ? BN_to_ASN1_INTEGER(bn, NULL) : NULL;
    BN_free(bn);
    return s;
}

/* ------------------------------------------------------------ labels */

static const char *side_name(chip_pki_side side) {
    return side == PKI_FORGED ? "forged" : "genuine";
}

/* The quarter holding day: "2026-Q2". */
static void quarter_of(bl_date day, char out[16]) {
    snprintf(out, 16, "%04d-Q%d", day.y % 10000, ((day.m + 2) / 3) % 10);
}

static bl_date quarter_start(bl_date day) {
    return (bl_date){day.y, (day.m - 1) / 3 * 3 + 1, 1};
}

static void csca_label(const char *state, chip_pki_side side, char *out, size_t cap) {
    snprintf(out, cap, "borderlab chip key v1|CSCA|%s|%s", state, side_name(side));
}

static void ds_label(const char *state, chip_pki_side side, bl_date day, int no, char *out,
                     size_t cap) {
    char q[16];
    quarter_of(day, q);
    snprintf(out, cap, "borderlab chip key v1|DS|%s|%s|%s|%d", state, side_name(side), q, no);
}

/* ------------------------------------------------------------ certificates */

typedef struct cert_spec {
    const state_names *names;
    const char *cn, *label; /* subject common name; the serial's label */
    int ca;
    long long not_before, not_after;
    EVP_PKEY *key;             /* the subject's */
    const chip_signer *issuer; /* NULL: self-signed with key */
} cert_spec;

static int add_ext(X509 *x, X509V3_CTX *ctx, int nid, const char *value) {
    X509_EXTENSION *e = X509V3_EXT_nconf_nid(NULL, ctx, nid, value);
    int ok = e && X509_add_ext(x, e, -1);
    X509_EXTENSION_free(e);
    return ok;
}

static int set_name(X509_NAME *nm, const state_names *n, const char *cn) {
    return X509_NAME_add_entry_by_txt(nm, "C", MBSTRING_ASC, (const unsigned char *)n->alpha2, -1,
                                      -1, 0) &&
           X509_NAME_add_entry_by_txt(nm, "O", MBSTRING_ASC, (const unsigned char *)n->org, -1, -1,
                                      0) &&
           X509_NAME_add_entry_by_txt(nm, "CN", MBSTRING_ASC, (const unsigned char *)cn, -1, -1, 0);
}

/* The certificate's fields and extensions, then its issuer's signature. */
static X509 *make_cert(const cert_spec *cs, bl_err *err) {
    X509 *x = X509_new();
    ASN1_INTEGER *serial = serial_of(cs->label);
    int ok =
        x && serial && X509_set_version(x, X509_VERSION_3) && X509_set_serialNumber(x, serial) &&
        set_name(X509_get_subject_name(x), cs->names, cs->cn) &&
        X509_set_issuer_name(x, cs->issuer ? X509_get_subject_name(cs->issuer->cert)
                                           : X509_get_subject_name(x)) &&
        ASN1_TIME_set(X509_getm_notBefore(x), (time_t)cs->not_before) &&
        ASN1_TIME_set(X509_getm_notAfter(x), (time_t)cs->not_after) && X509_set_pubkey(x, cs->key);
    X509V3_CTX ctx;
    X509V3_set_ctx(&ctx, cs->issuer ? cs->issuer->cert : x, x, NULL, NULL, 0);
    if (ok && cs->ca)
        ok = add_ext(x, &ctx, NID_basic_constraints, "critical,CA:TRUE,pathlen:0") &&
             add_ext(x, &ctx, NID_key_usage, "critical,keyCertSign,cRLSign");
    if (ok && !cs->ca) ok = add_ext(x, &ctx, NID_key_usage, "critical,digitalSignature");
    ok = ok && add_ext(x, &ctx, NID_subject_key_identifier, "hash") &&
         add_ext(x, &ctx, NID_authority_key_identifier, "keyid:always") &&
         X509_sign(x, cs->issuer ? cs->issuer->key : cs->key, EVP_sha256()) > 0;
    ASN1_INTEGER_free(serial);
    if (ok) return x;
    X509_free(x);
    chip_ossl_err(err, cs->ca ? "making a CSCA certificate" : "making a DS certificate");
    return NULL;
}

int chip_pki_csca(const char *state, chip_pki_side side, chip_signer *out, bl_err *err) {
    state_names n;
    char label[128], cn[80];
    memset(out, 0, sizeof *out);
    if (names_of(state, &n, err)) return -1;
    csca_label(state, side, label, sizeof label);
    snprintf(cn, sizeof cn, "CSCA %s", n.name); /* the forger's looks the same */
    out->key = derive_key(label, err);
    if (!out->key) return -1;
    cert_spec cs = {&n,
                    cn,
                    label,
                    1,
                    chip_date_time((bl_date){2000, 1, 1}),
                    chip_date_time((bl_date){2049, 12, 31}) + 86399,
                    out->key,
                    NULL};
    out->cert = make_cert(&cs, err);
    if (!out->cert) {
        chip_signer_free(out);
        return -1;
    }
    return 0;
}

int chip_pki_ds(const char *state, chip_pki_side side, bl_date day, int no, chip_signer *out,
                bl_err *err) {
    state_names n;
    chip_signer csca;
    char label[160], cn[96], q[16];
    memset(out, 0, sizeof *out);
    if (names_of(state, &n, err) || chip_pki_csca(state, side, &csca, err)) return -1;
    ds_label(state, side, day, no, label, sizeof label);
    quarter_of(day, q);
    if (no == 1)
        snprintf(cn, sizeof cn, "Document Signer %s %s", n.name, q);
    else
        snprintf(cn, sizeof cn, "Document Signer %s %s #%d", n.name, q, no);
    /* its key signs for a quarter; its certificate outlives the last
     * document it signed: ten years and a quarter */
    bl_date from = quarter_start(day);
    bl_date to = date_add_years(from, 10);
    to = (bl_date){to.m > 9 ? to.y + 1 : to.y, to.m > 9 ? to.m - 9 : to.m + 3, 1};
    out->key = derive_key(label, err);
    cert_spec cs = {&n,       cn,   label, 0, chip_date_time(from), chip_date_time(to) - 1,
                    out->key, &csca};
    out->cert = out->key ? make_cert(&cs, err) : NULL;
    chip_signer_free(&csca);
    if (!out->cert) {
        chip_signer_free(out);
        return -1;
    }
    return 0;
}

/* ------------------------------------------------------------ the CRL */

bl_date chip_pki_compromised_quarter(bl_date today) {
    return quarter_start((bl_date){today.y - 2, today.m, 1});
}

/* The CRL's one entry: the compromised signer, revoked for key compromise
 * seven weeks into its quarter. */
static X509_REVOKED *compromised_entry(const char *state, bl_date today) {
    char label[160];
    bl_date q = chip_pki_compromised_quarter(today);
    ds_label(state, PKI_GENUINE, q, 2, label, sizeof label);
    X509_REVOKED *r = X509_REVOKED_new();
    ASN1_INTEGER *serial = serial_of(label);
    ASN1_TIME *when = ASN1_TIME_set(NULL, (time_t)(chip_date_time(q) + 49LL * 86400));
    ASN1_ENUMERATED *reason = ASN1_ENUMERATED_new();
    int ok = r && serial && when && reason && X509_REVOKED_set_serialNumber(r, serial) &&
             X509_REVOKED_set_revocationDate(r, when) &&
             ASN1_ENUMERATED_set(reason, CRL_REASON_KEY_COMPROMISE) &&
             X509_REVOKED_add1_ext_i2d(r, NID_crl_reason, reason, 0, 0);
    ASN1_INTEGER_free(serial);
    ASN1_TIME_free(when);
    ASN1_ENUMERATED_free(reason);
    if (ok) return r;
    X509_REVOKED_free(r);
    return NULL;
}

/* thisUpdate the first of today's month, nextUpdate 90 days on; CRL number
 * the months since 2000. */
static int crl_fields(X509_CRL *crl, const chip_signer *csca, bl_date today) {
    long long from = chip_date_time((bl_date){today.y, today.m, 1});
    ASN1_TIME *t0 = ASN1_TIME_set(NULL, (time_t)from);
    ASN1_TIME *t1 = ASN1_TIME_set(NULL, (time_t)(from + 90LL * 86400));
    ASN1_INTEGER *num = ASN1_INTEGER_new();
    X509V3_CTX ctx;
    X509V3_set_ctx(&ctx, csca->cert, NULL, NULL, crl, 0);
    X509_EXTENSION *aki =
        X509V3_EXT_nconf_nid(NULL, &ctx, NID_authority_key_identifier, "keyid:always");
    int ok = t0 && t1 && num && aki && X509_CRL_set_version(crl, X509_CRL_VERSION_2) &&
             X509_CRL_set_issuer_name(crl, X509_get_subject_name(csca->cert)) &&
             X509_CRL_set1_lastUpdate(crl, t0) && X509_CRL_set1_nextUpdate(crl, t1) &&
             ASN1_INTEGER_set(num, (long)((today.y - 2000) * 12 + today.m)) &&
             X509_CRL_add_ext(crl, aki, -1) &&
             X509_CRL_add1_ext_i2d(crl, NID_crl_number, num, 0, 0);
    ASN1_TIME_free(t0);
    ASN1_TIME_free(t1);
    ASN1_INTEGER_free(num);
    X509_EXTENSION_free(aki);
    return ok;
}

X509_CRL *chip_pki_crl(const char *state, bl_date today, bl_err *err) {
    chip_signer csca;
    if (chip_pki_csca(state, PKI_GENUINE, &csca, err)) return NULL;
    X509_CRL *crl = X509_CRL_new();
    X509_REVOKED *r = compromised_entry(state, today);
    int ok = crl && r && crl_fields(crl, &csca, today) && X509_CRL_add0_revoked(crl, r);
    if (ok) r = NULL; /* the CRL owns it */
    ok = ok && X509_CRL_sort(crl) && X509_CRL_sign(crl, csca.key, EVP_sha256()) > 0;
    X509_REVOKED_free(r);
    chip_signer_free(&csca);
    if (ok) return crl;
    X509_CRL_free(crl);
    chip_ossl_err(err, "making the CRL");
    return NULL;
}

/* ------------------------------------------------------------ PEM */

/* A memory BIO's bytes as a NUL-terminated heap string. */
static char *bio_text(BIO *b, bl_err *err) {
    char *data;
    long n = BIO_get_mem_data(b, &data);
    char *s = n >= 0 ? malloc((size_t)n + 1) : NULL;
    if (!s) {
        err_setc(err, BL_E_NOMEM, "out of memory for PEM text");
        return NULL;
    }
    memcpy(s, data, (size_t)n);
    s[n] = '\0';
    return s;
}

char *chip_cert_pem(X509 *x, bl_err *err) {
    BIO *b = BIO_new(BIO_s_mem());
    char *s = b && PEM_write_bio_X509(b, x) ? bio_text(b, err) : NULL;
    if (!s && b) chip_ossl_err(err, "writing a certificate as PEM");
    BIO_free(b);
    return s;
}

char *chip_csca_pem(const char *state, bl_err *err) {
    chip_signer csca;
    if (chip_pki_csca(state, PKI_GENUINE, &csca, err)) return NULL;
    char *s = chip_cert_pem(csca.cert, err);
    chip_signer_free(&csca);
    return s;
}

char *chip_crl_pem(const char *state, bl_date today, bl_err *err) {
    X509_CRL *crl = chip_pki_crl(state, today, err);
    if (!crl) return NULL;
    BIO *b = BIO_new(BIO_s_mem());
    char *s = b && PEM_write_bio_X509_CRL(b, crl) ? bio_text(b, err) : NULL;
    if (!s && b) chip_ossl_err(err, "writing the CRL as PEM");
    BIO_free(b);
    X509_CRL_free(crl);
    return s;
}
