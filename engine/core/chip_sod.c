/* chip_sod.c - the Document Security Object (Doc 9303 Part 10 section 4.6.2):
 * the LDSSecurityObject, written and read as DER by hand (five TLVs), and the
 * CMS SignedData around it, made with OpenSSL's CMS. See chip.h. */
#include "chip_int.h"

#include <openssl/pem.h>
#include <stdlib.h>
#include <string.h>

/* id-sha256, 2.16.840.1.101.3.4.2.1, as DER content octets */
static const uint8_t sha256_oid[9] = {0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x01};

int chip_lds_so_encode(const chip_dg_hash *h, int n, chip_bytes *out, bl_err *err) {
    if (n < 2 || n > CHIP_MAX_DG)
        return err_set(err, "LDSSecurityObject: %d data group hashes (2..16)", n);
    chip_buf b = {0};
    cbuf_tlv(&b, 0x02, "\x00", 1); /* version v0 */
    size_t alg = b.len;
    cbuf_tlv(&b, 0x06, sha256_oid, sizeof sha256_oid);
    cbuf_wrap(&b, alg, 0x30);
    size_t list = b.len;
    for (int i = 0; i < n; i++) {
        if (h[i].dg < 1 || h[i].dg > CHIP_MAX_DG) {
            free(b.p);
            return err_set(err, "LDSSecurityObject: no data group %d", h[i].dg);
        }
        size_t one = b.len;
        cbuf_tlv(&b, 0x02, (uint8_t[]){(uint8_t)h[i].dg}, 1);
        cbuf_tlv(&b, 0x04, h[i].sha256, 32);
        cbuf_wrap(&b, one, 0x30);
    }
    cbuf_wrap(&b, list, 0x30);
    cbuf_wrap(&b, 0, 0x30);
    return cbuf_finish(&b, out, "LDSSecurityObject", err);
}

/* One DataGroupHash: SEQUENCE { INTEGER 1..16, OCTET STRING of 32 bytes }. */
static int read_dg_hash(const uint8_t *p, size_t len, chip_dg_hash *h, size_t *used, bl_err *err) {
    chip_tlv seq, num, val;
    if (chip_tlv_expect(p, len, 0x30, "DataGroupHash", &seq, err) ||
        chip_tlv_expect(seq.value, seq.len, 0x02, "dataGroupNumber", &num, err) ||
        chip_tlv_expect(seq.value + num.total, seq.len - num.total, 0x04, "dataGroupHashValue",
                        &val, err))
        return -1;
    if (num.len != 1 || num.value[0] < 1 || num.value[0] > CHIP_MAX_DG)
        return err_set(err, "DataGroupHash: data group number is not 1..16");
    if (val.len != 32)
        return err_set(err, "DataGroupHash of DG%d: %zu bytes (SHA-256 gives 32)", num.value[0],
                       val.len);
    h->dg = num.value[0];
    memcpy(h->sha256, val.value, 32);
    *used = seq.total;
    return 0;
}

int chip_lds_so_decode(const uint8_t *p, size_t len, chip_dg_hash h[CHIP_MAX_DG], int *n,
                       bl_err *err) {
    chip_tlv so, ver, alg, oid, list;
    *n = 0;
    if (chip_tlv_expect(p, len, 0x30, "LDSSecurityObject", &so, err) ||
        chip_tlv_expect(so.value, so.len, 0x02, "LDSSecurityObject version", &ver, err) ||
        chip_tlv_expect(so.value + ver.total, so.len - ver.total, 0x30, "hashAlgorithm", &alg,
                        err) ||
        chip_tlv_expect(alg.value, alg.len, 0x06, "hashAlgorithm", &oid, err))
        return err_prefix(err, "LDS security object");
    if (ver.len != 1 || ver.value[0] > 1)
        return err_set(err, "LDS security object: version is not 0 or 1");
    if (oid.len != sizeof sha256_oid || memcmp(oid.value, sha256_oid, sizeof sha256_oid))
        return err_set(err, "LDS security object: hash algorithm is not SHA-256 (the only one "
                            "read)");
    size_t at = ver.total + alg.total;
    if (chip_tlv_expect(so.value + at, so.len - at, 0x30, "dataGroupHashValues", &list, err))
        return err_prefix(err, "LDS security object");
    for (size_t k = 0, used = 0; k < list.len; k += used) {
        if (*n >= CHIP_MAX_DG) return err_set(err, "LDS security object: over 16 hashes");
        if (read_dg_hash(list.value + k, list.len - k, &h[*n], &used, err))
            return err_prefix(err, "LDS security object, hash %d", *n + 1);
        for (int i = 0; i < *n; i++)
            if (h[i].dg == h[*n].dg)
                return err_set(err, "LDS security object: DG%d hashed twice", h[i].dg);
        (*n)++;
    }
    if (*n < 2) return err_set(err, "LDS security object: %d hashes (at least 2)", *n);
    return 0;
}

/* ------------------------------------------------------------ CMS */

/* signingTime as a signed attribute, so CMS_final does not take the clock's. */
static int add_signing_time(CMS_SignerInfo *si, bl_date when) {
    ASN1_TIME *t = ASN1_TIME_set(NULL, (time_t)(chip_date_time(when) + 12 * 3600));
    int ok = t && CMS_signed_add1_attr_by_NID(si, NID_pkcs9_signingTime, t->type, t, -1);
    ASN1_TIME_free(t);
    return ok;
}

int chip_sod_sign(const chip_bytes *lds_so, const chip_signer *ds, bl_date when, chip_bytes *out,
                  bl_err *err) {
    out->data = NULL, out->len = 0;
    const unsigned flags = CMS_BINARY | CMS_NOSMIMECAP;
    BIO *in = BIO_new_mem_buf(lds_so->data, (int)lds_so->len);
    CMS_ContentInfo *cms = CMS_sign(NULL, NULL, NULL, NULL, flags | CMS_PARTIAL);
    ASN1_OBJECT *type =
        OBJ_txt2obj("2.23.136.1.1.1", 1); /* id-icao-mrtd-security-ldsSecurityObject */
    CMS_SignerInfo *si = NULL;
    int ok = in && cms && type && CMS_set1_eContentType(cms, type) &&
             (si = CMS_add1_signer(cms, ds->cert, ds->key, EVP_sha256(), flags)) &&
             add_signing_time(si, when) && CMS_final(cms, in, NULL, flags);
    unsigned char *der = NULL;
    int n = ok ? i2d_CMS_ContentInfo(cms, &der) : -1;
    if (n > 0) {
        out->data = malloc((size_t)n);
        if (out->data) memcpy(out->data, der, (size_t)n), out->len = (size_t)n;
    }
    OPENSSL_free(der);
    ASN1_OBJECT_free(type);
    CMS_ContentInfo_free(cms);
    BIO_free(in);
    if (!out->data) return chip_ossl_err(err, "signing the Document Security Object");
    return 0;
}

int chip_sod_cms(const chip *c, const uint8_t **der, size_t *len, bl_err *err) {
    chip_tlv t;
    *der = NULL, *len = 0;
    if (!c->answers) return err_set(err, "EF.SOD: the chip does not answer");
    if (chip_tlv_expect(c->sod.data, c->sod.len, 0x77, "EF.SOD", &t, err)) return -1;
    *der = t.value, *len = t.len;
    return 0;
}

char *chip_sod_ds_pem(const chip *c, bl_err *err) {
    const uint8_t *der;
    size_t len;
    if (chip_sod_cms(c, &der, &len, err)) return NULL;
    const unsigned char *p = der;
    CMS_ContentInfo *cms = d2i_CMS_ContentInfo(NULL, &p, (long)len);
    STACK_OF(X509) *certs = cms ? CMS_get1_certs(cms) : NULL;
    STACK_OF(CMS_SignerInfo) *sis = cms ? CMS_get0_SignerInfos(cms) : NULL;
    CMS_SignerInfo *si =
        sis && sk_CMS_SignerInfo_num(sis) > 0 ? sk_CMS_SignerInfo_value(sis, 0) : NULL;
    char *pem = NULL;
    for (int i = 0; si && certs && i < sk_X509_num(certs) && !pem; i++)
        if (CMS_SignerInfo_cert_cmp(si, sk_X509_value(certs, i)) == 0)
            pem = chip_cert_pem(sk_X509_value(certs, i), err);
    if (!pem && cms && si) err_set(err, "EF.SOD: the signer's certificate is not in it");
    if (!cms || !si) chip_ossl_err(err, "EF.SOD: not a CMS SignedData with a signer");
    sk_X509_pop_free(certs, X509_free);
    CMS_ContentInfo_free(cms);
    return pem;
}
