/* chip.h - the eMRTD's contactless chip: its files, its PKI, passive authentication.
 *
 * Which documents have a chip: a template with "chip": true (tpl.h), which only
 * a passport or an ID card with an MRZ may have. Built in: uto-passport-td3,
 * qwh-passport-td3 and uto-id-td1. Visas, letters and boarding passes have none.
 *
 * The chip holds the files of ICAO Doc 9303 Part 10's Logical Data Structure,
 * each a BER-TLV whose length is in the short form up to 127 bytes and the
 * long form (0x81, 0x82, 0x83) above:
 *   EF.COM  60 { 5F01 "0107", 5F36 "040000", 5C tag list (61 75 63) }
 *   DG1     61 { 5F1F MRZ characters, the lines joined: 90 (TD1), 72 (TD2), 88 (TD3) }
 *   DG2     75 { 7F61 { 02 count, 7F60 { A1 header, 5F2E ISO/IEC 19794-5 facial
 *                record holding a JPEG of the portrait, 240 x 320, colour } } }
 *   DG3     63 { 7F61 { 02 count, 7F60 { A1 header, 5F2E ISO/IEC 19794-4 finger
 *                image record, one finger, 8-bit grey JPEG, 500 ppi } }... }
 *   EF.SOD  77 { CMS ContentInfo: SignedData over the LDSSecurityObject
 *                (eContentType id-icao-mrtd-security-ldsSecurityObject,
 *                2.23.136.1.1.1; version 0, SHA-256, the hash of each DG), signed
 *                by the Document Signer (DS) whose certificate it carries }
 * (Doc 9303 Part 10 section 4.6-4.7, Part 11 section 5.1, Part 12 section 4.)
 *
 * The PKI, per issuing state (any three-letter code; UTO, QWH and QNV have
 * names, another code is its own name): a Country Signing CA (CSCA) with a
 * self-signed X.509 v3 certificate "C=UT, O=Republic of Utopia, CN=CSCA Utopia"
 * (C: the fictional two-letter code; basicConstraints CA, keyUsage keyCertSign
 * and cRLSign, subject and authority key identifiers), valid 2000-01-01 to
 * 2049-12-31; a Document Signer per quarter ("CN=Document Signer Utopia
 * 2026-Q2"), keyUsage digitalSignature, valid from the quarter's start for 10
 * years and 3 months (its key signs for three months, then its documents stay
 * valid ten years); and the CSCA's CRL. Keys are ECDSA P-256, signatures
 * ECDSA with SHA-256.
 *
 * Deterministic: every private key is derived from the state code (and the
 * signer's quarter) by hashing, so UTO's CSCA always has the same key; serial
 * numbers, names, validity dates, the CMS signingTime (the document's issue
 * date) and every data group's bytes come from the spec. Only the ECDSA
 * signatures differ from run to run: OpenSSL 3.0 draws a random nonce (RFC
 * 6979's deterministic nonces came in 3.2). So the same seed gives the same
 * DG1, DG2, DG3 and EF.COM bytes and the same public keys, while the SOD,
 * certificate and CRL bytes differ in their signature values only; every one
 * verifies.
 *
 * Nothing here is a real state's PKI: the keys are derived from public
 * strings, so anyone can make them again. A trainer's PKI, not a secure one.
 */
#ifndef BL_CHIP_H
#define BL_CHIP_H

#include <stddef.h>
#include <stdint.h>

#include "date.h"
#include "doc.h"
#include "err.h"
#include "image.h"

/* ------------------------------------------------------------ defects */

/* What is wrong with a chip. Independent of the printed document's defects
 * (defect.h): the chip always holds the document's data as the state issued
 * them, so a printed-page forgery (photo substitution, altered data, a wrong
 * check digit, another name) shows as a difference between the chip and the
 * print (compare DG1 and DG2 with them), not as a failed check. A counterfeit
 * has no genuine chip: the scenario gives it ds_untrusted (a forger's own
 * PKI) or dead, as it chooses. */
typedef enum {
    CHIP_DEFECT_NONE,
    /* The chip of another genuine document (same state and template, another
     * holder): passive authentication passes, but DG1 and DG2 are not the
     * printed holder's, and Active Authentication fails (a clone copies the
     * readable files; it cannot copy the chip's private key). */
    CHIP_CLONED,
    /* DG1 rewritten after signing (another birth date): DG1's hash mismatches. */
    CHIP_DG1_ALTERED,
    /* Signed by a forger's DS, certified by a forger's CSCA with the same-looking
     * name ("CSCA Utopia") and another key: not in the master list. */
    CHIP_DS_UNTRUSTED,
    /* Signed with a Document Signer key of a quarter eleven years before
     * today: its certificate has expired. (A genuinely expired document's
     * chip usually shows an expired DS too: its signer's certificate ends a
     * quarter after the documents it signed. Not a second finding.) */
    CHIP_DS_EXPIRED,
    /* Signed with the state's compromised Document Signer key (the second
     * signer of the quarter two years before today, revoked for key
     * compromise): its certificate is on the CSCA's CRL. */
    CHIP_DS_REVOKED,
    /* The chip does not answer: no file can be read. A genuine document whose
     * chip fails is NOT a forgery by itself (chips break: bent cards, a
     * washing machine); the examiner examines the document without it, and
     * scoring must not reward refusing for this alone. */
    CHIP_DEAD,
    CHIP_DEFECT_COUNT
} chip_defect;

const char *chip_defect_name(int d);      /* "none", "cloned", "dg1_altered", "ds_untrusted",
                                             "ds_expired", "ds_revoked", "dead"; NULL otherwise */
int chip_defect_from_name(const char *s); /* -1 when unknown */
const char *chip_defect_summary(int d);   /* one line for people; NULL out of range */

/* ------------------------------------------------------------ bytes and TLVs */

typedef struct chip_bytes {
    uint8_t *data; /* malloc'd; NULL when empty */
    size_t len;
} chip_bytes;

void chip_bytes_free(chip_bytes *b); /* frees and empties; NULL-safe */

/* One BER-TLV as read: the tag (1 to 3 bytes, as a number: 0x61, 0x5F1F,
 * 0x7F61), the value's place, and the whole TLV's size. */
typedef struct chip_tlv {
    uint32_t tag;
    const uint8_t *value;
    size_t len;   /* the value's length */
    size_t total; /* header + value */
} chip_tlv;

/* Reads the TLV at p[0..len-1]. -1 with err (what, at which byte) when the
 * tag runs past 3 bytes or the end, the length is indefinite (0x80), longer
 * than 3 bytes or not minimal, or the value runs past the end. Never reads
 * outside p[0..len-1]. */
int chip_tlv_read(const uint8_t *p, size_t len, chip_tlv *out, bl_err *err);

/* Writes the header (tag and length) of a TLV whose value is `len` bytes
 * into out (at most 8 bytes); returns its size. Lengths: 0..127 one byte,
 * then 81 xx, 82 xx xx, 83 xx xx xx (the value must be under 16 MiB). */
size_t chip_tlv_header(uint32_t tag, size_t len, uint8_t out[8]);

/* ------------------------------------------------------------ the LDS files */

#define CHIP_MAX_DG      16 /* data groups 1..16 */
#define CHIP_MAX_FINGERS 10
#define CHIP_FACE_W      240 /* DG2's portrait, pixels */
#define CHIP_FACE_H      320

/* EF.COM listing the data groups dgs[0..n-1] (numbers 1..16). */
int chip_com_encode(const int *dgs, int n, chip_bytes *out, bl_err *err);
/* The data group numbers EF.COM lists (at most CHIP_MAX_DG). */
int chip_com_decode(const uint8_t *p, size_t len, int dgs[CHIP_MAX_DG], int *n, bl_err *err);

/* DG1 from MRZ lines (2 of 44, 2 of 36 or 3 of 30 characters, A-Z 0-9 <). */
int chip_dg1_encode(const char mrz[][48], int n_lines, chip_bytes *out, bl_err *err);
/* DG1's MRZ, split into lines by its length (90: 3 x 30, 72: 2 x 36, 88: 2 x 44). */
int chip_dg1_decode(const uint8_t *p, size_t len, char mrz[3][48], int *n_lines, bl_err *err);

/* DG2 from a portrait (RGBA, any size up to 1024 x 1024; CHIP_FACE_W x
 * CHIP_FACE_H is what chip_build gives) and the holder's sex ("M", "F",
 * "X"; the 19794-5 gender). The JPEG is stb_image_write's, quality 90. */
int chip_dg2_encode(const bl_image *portrait, const char *sex, chip_bytes *out, bl_err *err);
/* The JPEG inside DG2's first facial record, pointing into p (not a copy),
 * with the size its image information block states. */
int chip_dg2_jpeg(const uint8_t *p, size_t len, const uint8_t **jpeg, size_t *jpeg_len, int *w,
                  int *h, bl_err *err);
/* DG2's portrait decoded (image_load_mem's checks) into img (image_deinit it);
 * refused when the JPEG's size is not what the record says. */
int chip_dg2_decode(const uint8_t *p, size_t len, bl_image *img, bl_err *err);

/* A finger given to DG3 (the fingerprint module makes them). */
typedef struct chip_finger {
    int position;        /* ISO/IEC 19794-4: 1 right thumb, 2 right index .. 5 right
                            little, 6 left thumb .. 10 left little */
    int w, h;            /* pixels at 500 ppi; 16..2048 each */
    const uint8_t *gray; /* w*h bytes, rows packed, 8-bit grey (0 black) */
    int quality;         /* 0..100 (NFIQ-like), written as the image quality */
} chip_finger;

/* A finger read back from DG3. */
typedef struct chip_finger_image {
    int position, quality, w, h;
    uint8_t *gray; /* w*h bytes, malloc'd (chip_finger_image_free) */
} chip_finger_image;

/* DG3 with one biometric information template per finger, in the order
 * given. n == 0 writes a DG3 with no finger (7F61 { 02 01 00 }): what a
 * document has until the fingerprint module supplies images, and what a
 * holder exempt from fingerprinting has (a young child). */
int chip_dg3_encode(const chip_finger *f, int n, chip_bytes *out, bl_err *err);
/* The fingers of DG3 (at most CHIP_MAX_FINGERS), each decoded to grey. On
 * failure nothing is left allocated. */
int chip_dg3_decode(const uint8_t *p, size_t len, chip_finger_image out[CHIP_MAX_FINGERS], int *n,
                    bl_err *err);
void chip_finger_image_free(chip_finger_image *f);

/* One data group's hash in the LDS Security Object. */
typedef struct chip_dg_hash {
    int dg;             /* 1..16 */
    uint8_t sha256[32]; /* SHA-256 of the DG file's bytes, TLV included */
} chip_dg_hash;

/* The LDSSecurityObject (DER): version 0, SHA-256 (2.16.840.1.101.3.4.2.1,
 * no parameters), the hashes in the order given (at least 2, at most 16). */
int chip_lds_so_encode(const chip_dg_hash *h, int n, chip_bytes *out, bl_err *err);
/* The hashes of an LDSSecurityObject; refused when it is not one, or its
 * hash algorithm is not SHA-256. */
int chip_lds_so_decode(const uint8_t *p, size_t len, chip_dg_hash h[CHIP_MAX_DG], int *n,
                       bl_err *err);

/* ------------------------------------------------------------ the chip */

/* What the chip answers with: its files' bytes. */
typedef struct chip {
    int answers; /* 0: a dead chip; the files below are then empty */
    chip_bytes com, dg1, dg2, dg3;
    chip_bytes sod; /* EF.SOD: tag 77 around the CMS ContentInfo (chip_sod_cms) */
    /* Active Authentication, modelled: whether the chip holds the private key
     * matching its document's Active Authentication public key, so that it
     * signs a reader's challenge correctly. A genuine chip does; a clone (its
     * files copied from another chip) cannot, since a chip never gives out
     * its private key. No DG15 is written; the reader's challenge is this
     * flag. */
    int aa_key;
} chip;

/* What chip_build makes a chip from. */
typedef struct chip_spec {
    const doc_spec *doc;        /* the document the chip is in (a template with chip) */
    int defect;                 /* chip_defect */
    const chip_finger *fingers; /* DG3's; NULL with n_fingers 0: a DG3 with no finger */
    int n_fingers;              /* 0..CHIP_MAX_FINGERS */
} chip_spec;

/* Personalises the chip of a document: DG1 is the MRZ as issued
 * (doc_issued_holder, doc_mrz_lines), DG2 the holder's portrait as issued
 * (doc_portrait_face of the genuine document, in colour, CHIP_FACE_W x
 * CHIP_FACE_H), DG3 the fingers given, EF.COM, and EF.SOD signed by the
 * issuing state's Document Signer of the issue date's quarter; then the
 * defect. Refused when the template has no chip. `out` is owned by the caller
 * (chip_deinit). Costs about 12 ms (key derivation, the portrait, JPEG, ECDSA; bench chip). */
int chip_build(const chip_spec *cs, chip *out, bl_err *err);
void chip_deinit(chip *c);

/* The person whose chip a CHIP_CLONED chip is (its DG1 and DG2): another
 * holder of the same template, derived from the document's seed, so the
 * fingerprint module can give DG3 their fingers. */
void chip_clone_holder(const doc_spec *doc, doc_holder *out);

/* The CMS ContentInfo inside EF.SOD (pointing into c->sod): what
 * `openssl cms -verify -inform DER` reads (render's chip/sod.der). */
int chip_sod_cms(const chip *c, const uint8_t **der, size_t *len, bl_err *err);
/* The Document Signer certificate the SOD carries, PEM (caller frees). */
char *chip_sod_ds_pem(const chip *c, bl_err *err);

/* ------------------------------------------------------------ the PKI */

/* The state's genuine CSCA certificate, PEM (caller frees). */
char *chip_csca_pem(const char *state, bl_err *err);
/* The state's CRL as published on `today` (thisUpdate the month's first day,
 * nextUpdate 90 days later), signed by its CSCA, listing the compromised
 * Document Signer (CHIP_DS_REVOKED's), PEM (caller frees). */
char *chip_crl_pem(const char *state, bl_date today, bl_err *err);

/* The master list a desk trusts: CSCA certificates and their CRLs, as an
 * OpenSSL X509_STORE inside. */
typedef struct chip_trust chip_trust;

/* An empty master list whose CRLs are those published on `today`. Making
 * one with the built-in states costs about 3 ms (bench chip): make it once
 * per session or case, not per frame. */
chip_trust *chip_trust_create(bl_date today, bl_err *err);
/* Adds a state's CSCA and its CRL. */
int chip_trust_add_state(chip_trust *t, const char *state, bl_err *err);
/* Adds every state whose built-in templates carry a chip (UTO, QWH). */
int chip_trust_add_builtin(chip_trust *t, bl_err *err);
/* Adds the certificates and CRLs of PEM text (an academy's own CSCAs). */
int chip_trust_add_pem(chip_trust *t, const char *pem, size_t len, bl_err *err);
int chip_trust_count(const chip_trust *t); /* CSCA certificates held */
void chip_trust_destroy(chip_trust *t);    /* NULL-safe */

/* ------------------------------------------------------------ passive authentication */

typedef enum {
    CHIP_CHECK_NOT_RUN, /* could not be made (an earlier step failed) */
    CHIP_CHECK_PASSED,
    CHIP_CHECK_FAILED,
} chip_check;

typedef enum {
    CHIP_DG_OK,       /* its hash is the SOD's */
    CHIP_DG_MISMATCH, /* changed since it was signed */
    CHIP_DG_MISSING,  /* the SOD or EF.COM lists it, the chip does not give it */
    CHIP_DG_UNSIGNED, /* on the chip, not in the SOD */
} chip_dg_status;

typedef enum {
    CHIP_VALIDITY_UNKNOWN, /* no DS certificate to look at */
    CHIP_VALIDITY_OK,
    CHIP_VALIDITY_NOT_YET, /* the check date is before notBefore */
    CHIP_VALIDITY_EXPIRED, /* ...after notAfter */
} chip_validity;

typedef enum {
    CHIP_REVOCATION_UNKNOWN, /* no CRL of a trusted CSCA covers it (untrusted, no CRL) */
    CHIP_REVOCATION_GOOD,
    CHIP_REVOCATION_REVOKED,
} chip_revocation;

typedef enum {
    CHIP_VERDICT_NO_ANSWER, /* a dead chip: nothing was read ("no answer") */
    CHIP_VERDICT_AUTHENTIC, /* every check passed */
    CHIP_VERDICT_FAILED,    /* at least one check failed: see the reasons */
} chip_verdict;

#define CHIP_MAX_REASONS 12

typedef struct chip_result {
    int verdict; /* chip_verdict */
    int read;    /* chip_check: every file parsed (EF.COM, DG1, DG2, DG3, EF.SOD) */
    int n_dgs;   /* data groups looked at, by number */
    struct {
        int dg, status; /* chip_dg_status */
    } dgs[CHIP_MAX_DG];
    int hashes;      /* chip_check: every DG's status CHIP_DG_OK */
    int signature;   /* chip_check: the SOD's signature by the DS certificate it carries */
    int chain;       /* chip_check: the DS certificate issued by a CSCA of the master list */
    int validity;    /* chip_validity of the DS certificate at the check date */
    int revocation;  /* chip_revocation per the CSCA's CRL */
    int active_auth; /* chip_check: the chip answered the challenge (chip.aa_key) */
    char ds_subject[160], ds_issuer[160];
    char ds_serial[48];                  /* hex */
    bl_date ds_not_before, ds_not_after; /* zero when unknown */
    char mrz[3][48];                     /* DG1, for comparison with the print */
    int mrz_lines;                       /* 0 when DG1 could not be read */
    int n_reasons;
    char reasons[CHIP_MAX_REASONS][200]; /* for people, one per failed or skipped check */
} chip_result;

/* Passive authentication (Doc 9303 Part 11 section 5.1) and the modelled
 * Active Authentication of chip c, against the master list at date `today`.
 * Malformed files (a defective chip) are a result, never a crash or an
 * error: -1 only when memory runs out. A dead chip gives verdict
 * CHIP_VERDICT_NO_ANSWER and nothing else. Costs about 1 ms. */
int chip_verify(const chip *c, const chip_trust *trust, bl_date today, chip_result *out,
                bl_err *err);

/* Whether the chip's DG1 is the printed MRZ (lines mrz[0..n-1]). */
int chip_dg1_matches(const chip_result *r, const char mrz[][48], int n);

/* Names for logs, JSON and the reader panel: "not_run", "passed", "failed";
 * "ok", "mismatch", "missing", "unsigned"; "unknown", "valid", "not_yet_valid",
 * "expired"; "unknown", "good", "revoked"; "no_answer", "authentic", "failed". */
const char *chip_check_name(int c);
const char *chip_dg_status_name(int s);
const char *chip_validity_name(int v);
const char *chip_revocation_name(int r);
const char *chip_verdict_name(int v);

/* The result as a JSON object (what render's chip.json calls "reader"). */
struct cJSON;
struct cJSON *chip_result_json(const chip_result *r);

#endif
