/* chip_trust.c - the master list a desk trusts: CSCA certificates and their
 * CRLs in an OpenSSL X509_STORE, which chip_verify builds the DS certificate's
 * path through. See chip.h. */
#include "chip_int.h"

#include <openssl/pem.h>
#include <stdlib.h>
#include <string.h>

#include "tpl.h"

struct chip_trust {
    X509_STORE *store;
    STACK_OF(X509) * cscas; /* what the store trusts, to count and to skip doubles */
    bl_date today;
};

X509_STORE *chip_trust_store(const chip_trust *t) {
    return t ? t->store : NULL;
}

chip_trust *chip_trust_create(bl_date today, bl_err *err) {
    chip_trust *t = calloc(1, sizeof *t);
    if (t) t->store = X509_STORE_new(), t->cscas = sk_X509_new_null();
    if (!t || !t->store || !t->cscas) {
        chip_trust_destroy(t);
        err_setc(err, BL_E_NOMEM, "out of memory for the master list");
        return NULL;
    }
    t->today = today;
    return t;
}

void chip_trust_destroy(chip_trust *t) {
    if (!t) return;
    X509_STORE_free(t->store);
    sk_X509_pop_free(t->cscas, X509_free);
    free(t);
}

int chip_trust_count(const chip_trust *t) {
    return t ? sk_X509_num(t->cscas) : 0;
}

/* Whether the list holds a CSCA of that subject and key already. */
static int holds(const chip_trust *t, X509 *x) {
    for (int i = 0; i < sk_X509_num(t->cscas); i++) {
        X509 *y = sk_X509_value(t->cscas, i);
        if (!X509_NAME_cmp(X509_get_subject_name(y), X509_get_subject_name(x)) &&
            EVP_PKEY_eq(X509_get0_pubkey(y), X509_get0_pubkey(x)) == 1)
            return 1;
    }
    return 0;
}

/* Adds a CSCA certificate (a new reference); one already held is skipped. */
static int add_cert(chip_trust *t, X509 *x, bl_err *err) {
    if (holds(t, x)) return 0;
    if (!X509_STORE_add_cert(t->store, x) || !X509_up_ref(x))
        return chip_ossl_err(err, "master list");
    if (!sk_X509_push(t->cscas, x)) {
        X509_free(x);
        return err_setc(err, BL_E_NOMEM, "out of memory for the master list");
    }
    return 0;
}

int chip_trust_add_state(chip_trust *t, const char *state, bl_err *err) {
    chip_signer csca;
    if (chip_pki_csca(state, PKI_GENUINE, &csca, err)) return -1;
    if (holds(t, csca.cert)) { /* added before, with its CRL */
        chip_signer_free(&csca);
        return 0;
    }
    int rc = add_cert(t, csca.cert, err);
    chip_signer_free(&csca);
    X509_CRL *crl = rc ? NULL : chip_pki_crl(state, t->today, err);
    if (!rc && !crl) rc = -1;
    if (crl && !X509_STORE_add_crl(t->store, crl)) rc = chip_ossl_err(err, "master list CRL");
    X509_CRL_free(crl);
    return rc;
}

int chip_trust_add_builtin(chip_trust *t, bl_err *err) {
    char done[16][4];
    int n_done = 0;
    for (int i = 0; i < tpl_builtin_count(); i++) {
        tpl tp;
        if (tpl_builtin(&tp, tpl_builtin_id(i), err)) return -1;
        int seen = 0;
        for (int k = 0; k < n_done; k++)
            seen |= !strcmp(done[k], tp.issuing_state);
        if (!tp.chip || seen || n_done >= 16) continue;
        snprintf(done[n_done++], 4, "%s", tp.issuing_state);
        if (chip_trust_add_state(t, tp.issuing_state, err)) return -1;
    }
    return 0;
}

int chip_trust_add_pem(chip_trust *t, const char *pem, size_t len, bl_err *err) {
    if (len > (1u << 24)) return err_set(err, "master list: PEM text over 16 MiB");
    BIO *b = BIO_new_mem_buf(pem, (int)len);
    STACK_OF(X509_INFO) *infos = b ? PEM_X509_INFO_read_bio(b, NULL, NULL, NULL) : NULL;
    int rc = 0, n = 0;
    for (int i = 0; infos && i < sk_X509_INFO_num(infos) && rc == 0; i++) {
        X509_INFO *in = sk_X509_INFO_value(infos, i);
        if (in->x509) rc = add_cert(t, in->x509, err), n++;
        if (in->crl && rc == 0) {
            if (!X509_STORE_add_crl(t->store, in->crl)) rc = chip_ossl_err(err, "master list CRL");
            n++;
        }
    }
    if (!infos && rc == 0)
        rc = chip_ossl_err(err, "master list: reading PEM");
    else if (n == 0 && rc == 0)
        rc = err_set(err, "master list: no certificate or CRL in the PEM text");
    sk_X509_INFO_pop_free(infos, X509_INFO_free);
    BIO_free(b);
    return rc;
}
