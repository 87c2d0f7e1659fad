/* chip_int.h - what the chip_*.c files share and nobody else needs: a byte
 * builder for TLVs, and the PKI's keys and certificates as OpenSSL objects.
 * Only chip_*.c include it (it pulls in OpenSSL's headers). */
#ifndef BL_CHIP_INT_H
#define BL_CHIP_INT_H

/* Only OpenSSL 3's API: a deprecated call fails to compile. */
#ifndef OPENSSL_NO_DEPRECATED
#define OPENSSL_NO_DEPRECATED
#endif
#include <openssl/cms.h>
#include <openssl/evp.h>
#include <openssl/x509.h>

#include "chip.h"

/* A growable byte buffer; the first failed append sets `failed` and every
 * later one is a no-op, so a builder checks once at the end. */
typedef struct chip_buf {
    uint8_t *p;
    size_t len, cap;
    int failed;
} chip_buf;

void cbuf_put(chip_buf *b, const void *p, size_t n);
void cbuf_u8(chip_buf *b, unsigned v);
void cbuf_be(chip_buf *b, uint64_t v, int bytes); /* big-endian, `bytes` bytes */
void cbuf_tlv(chip_buf *b, uint32_t tag, const void *v, size_t n);
/* Wraps b[from..] in a TLV of `tag` (the value is what was appended since). */
void cbuf_wrap(chip_buf *b, size_t from, uint32_t tag);
/* Hands the bytes to out (0), or frees them and fails with err (-1). */
int cbuf_finish(chip_buf *b, chip_bytes *out, const char *what, bl_err *err);

/* Reads the TLV at p expecting `tag`; `what` names it in messages. */
int chip_tlv_expect(const uint8_t *p, size_t len, uint32_t tag, const char *what, chip_tlv *out,
                    bl_err *err);

/* A key and its certificate. */
typedef struct chip_signer {
    EVP_PKEY *key;
    X509 *cert;
} chip_signer;

void chip_signer_free(chip_signer *s);

/* Who signs: the state's own CSCA, or a forger's that imitates its name. */
typedef enum { PKI_GENUINE, PKI_FORGED } chip_pki_side;

/* The state's CSCA (or the forger's), key and self-signed certificate. */
int chip_pki_csca(const char *state, chip_pki_side side, chip_signer *out, bl_err *err);
/* A Document Signer of the quarter holding `day`: signer number `no` (1 the
 * regular one, 2 the one whose key was stolen), certified by the side's CSCA. */
int chip_pki_ds(const char *state, chip_pki_side side, bl_date day, int no, chip_signer *out,
                bl_err *err);
/* The day in the quarter of the compromised signer (CHIP_DS_REVOKED), and
 * the day it was revoked, for the CRL published on `today`. */
bl_date chip_pki_compromised_quarter(bl_date today);
/* The state's CRL as published on `today`. */
X509_CRL *chip_pki_crl(const char *state, bl_date today, bl_err *err);

/* The master list's store (chip_trust.c), for chip_verify; NULL for NULL. */
X509_STORE *chip_trust_store(const chip_trust *t);

/* The CMS SignedData (ContentInfo, DER) over an LDSSecurityObject, signed by
 * ds with SHA-256, signingTime `when`, the DS certificate included. */
int chip_sod_sign(const chip_bytes *lds_so, const chip_signer *ds, bl_date when, chip_bytes *out,
                  bl_err *err);

/* A certificate as PEM text (caller frees). */
char *chip_cert_pem(X509 *x, bl_err *err);

/* An OpenSSL error as text into err, after `what`. Always -1. */
int chip_ossl_err(bl_err *err, const char *what);

/* The date's midnight UTC as seconds since 1970. */
long long chip_date_time(bl_date d);

#endif
