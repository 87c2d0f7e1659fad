/* test_chip.c - the passport chip (chip.h): its files as Doc 9303 Part 10
 * encodes them (TLV lengths in short and long form, DG1 for TD1 and TD3,
 * DG2's JPEG of the portrait, DG3's fingers), readers that refuse malformed
 * bytes with an error instead of crashing, passive authentication of a
 * genuine chip, exactly the check each chip defect breaks, and what stays
 * the same from run to run (the data groups, the keys). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include <openssl/pem.h>
#include <openssl/x509.h>

#include "chip.h"
#include "test_fonts.h"

static const bl_date TODAY = {2026, 6, 1};

/* A document of a built-in template, generated holder. */
typedef struct docf {
    tpl t;
    doc_spec spec;
} docf;

static void doc_of(docf *d, const char *id, uint64_t seed) {
    bl_err err = {0};
    memset(d, 0, sizeof *d);
    assert_int_equal(tpl_builtin(&d->t, id, &err), 0);
    d->spec.t = &d->t;
    d->spec.seed = seed;
    d->spec.dpi = 300;
    d->spec.today = TODAY;
}

static void build(const docf *d, int defect, chip *c) {
    bl_err err = {0};
    chip_spec cs = {&d->spec, defect, NULL, 0};
    if (chip_build(&cs, c, &err)) fail_msg("chip_build: %s", err.msg);
}

/* The MRZ the document prints when no forger touched it. */
static int printed_mrz(const docf *d, char mrz[3][48]) {
    doc_holder h;
    int n = 0;
    bl_err err = {0};
    doc_issued_holder(&d->spec, &h);
    assert_int_equal(doc_mrz_lines(&d->t, &h, mrz, &n, &err), 0);
    return n;
}

/* ------------------------------------------------------------ TLV */

static void tlv_lengths_use_the_short_form_to_127_and_the_long_form_above(void **state) {
    (void)state;
    static const struct {
        size_t len;
        uint8_t head[5];
        size_t n;
    } rows[] = {
        {0, {0x61, 0x00}, 2},
        {127, {0x61, 0x7F}, 2},
        {128, {0x61, 0x81, 0x80}, 3},
        {255, {0x61, 0x81, 0xFF}, 3},
        {256, {0x61, 0x82, 0x01, 0x00}, 4},
        {65535, {0x61, 0x82, 0xFF, 0xFF}, 4},
        {65536, {0x61, 0x83, 0x01, 0x00, 0x00}, 5},
    };
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        uint8_t h[8];
        size_t n = chip_tlv_header(0x61, rows[i].len, h);
        assert_int_equal(n, rows[i].n);
        assert_memory_equal(h, rows[i].head, n);
        uint8_t *buf = calloc(1, n + rows[i].len);
        memcpy(buf, h, n);
        chip_tlv t;
        bl_err err = {0};
        assert_int_equal(chip_tlv_read(buf, n + rows[i].len, &t, &err), 0);
        assert_int_equal(t.tag, 0x61);
        assert_int_equal(t.len, rows[i].len);
        assert_int_equal(t.total, n + rows[i].len);
        assert_ptr_equal(t.value, buf + n);
        /* one byte short: the value (or the length) runs past the end */
        assert_int_equal(chip_tlv_read(buf, n + rows[i].len - 1, &t, &err), -1);
        free(buf);
    }
    uint8_t h[8]; /* a two-byte tag, a three-byte tag */
    assert_int_equal(chip_tlv_header(0x5F1F, 3, h), 3);
    assert_memory_equal(h, "\x5F\x1F\x03", 3);
    assert_int_equal(chip_tlv_header(0x7F61, 200, h), 4);
    assert_memory_equal(h, "\x7F\x61\x81\xC8", 4);
}

static void malformed_tlvs_are_refused_with_a_message(void **state) {
    (void)state;
    static const struct {
        const char *bytes;
        size_t n;
    } bad[] = {
        {"", 0},                                 /* nothing */
        {"\x61", 1},                             /* no length */
        {"\x5F", 1},                             /* a two-byte tag cut */
        {"\x5F\xFF\xFF\x01\x00", 5},             /* a tag of four bytes */
        {"\x61\x05\x01\x02", 4},                 /* length past the end */
        {"\x61\x80\x00\x00", 4},                 /* indefinite length */
        {"\x61\x84\x00\x00\x00\x01\x00", 7},     /* four length bytes */
        {"\x61\x81\x05\x01\x02\x03\x04\x05", 8}, /* not the shortest form */
        {"\x61\x82\x00", 3},                     /* length bytes cut */
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        chip_tlv t;
        bl_err err = {0};
        assert_int_equal(chip_tlv_read((const uint8_t *)bad[i].bytes, bad[i].n, &t, &err), -1);
        assert_true(err.msg[0] != '\0');
    }
}

/* ------------------------------------------------------------ DG1 */

static void dg1_round_trip(const char (*lines)[48], int n, size_t chars) {
    chip_bytes b = {0};
    bl_err err = {0};
    assert_int_equal(chip_dg1_encode(lines, n, &b, &err), 0);
    /* 61 L 5F1F L MRZ, both lengths in the short form */
    assert_int_equal(b.len, 5 + chars);
    assert_int_equal(b.data[0], 0x61);
    assert_int_equal(b.data[1], 3 + chars);
    assert_memory_equal(b.data + 2, "\x5F\x1F", 2);
    assert_int_equal(b.data[4], chars);
    char back[3][48];
    int nb = 0;
    assert_int_equal(chip_dg1_decode(b.data, b.len, back, &nb, &err), 0);
    assert_int_equal(nb, n);
    for (int i = 0; i < n; i++)
        assert_string_equal(back[i], lines[i]);
    chip_bytes_free(&b);
}

static void dg1_holds_the_mrz_of_td3_and_td1(void **state) {
    (void)state;
    /* the specimens of Doc 9303 Parts 4 and 5 */
    const char td3[2][48] = {"P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<",
                             "L898902C36UTO7408122F1204159ZE184226B<<<<<10"};
    const char td1[3][48] = {"I<UTOD231458907<<<<<<<<<<<<<<<", "7408122F1204159UTO<<<<<<<<<<<6",
                             "ERIKSSON<<ANNA<MARIA<<<<<<<<<<"};
    dg1_round_trip(td3, 2, 88);
    dg1_round_trip(td1, 3, 90);
    const char bad[2][48] = {"P<UTOeriksson", "L898902C36UTO7408122F1204159ZE184226B<<<<<10"};
    chip_bytes b = {0};
    bl_err err = {0};
    assert_int_equal(chip_dg1_encode(bad, 2, &b, &err), -1);
    assert_null(b.data);
}

/* ------------------------------------------------------------ DG2, DG3 */

static void dg2_holds_a_jpeg_of_the_portrait_at_its_size(void **state) {
    (void)state;
    docf d;
    doc_of(&d, "uto-passport-td3", 42);
    chip c;
    build(&d, CHIP_DEFECT_NONE, &c);
    const uint8_t *jpg;
    size_t jl;
    int w, h;
    bl_err err = {0};
    assert_int_equal(chip_dg2_jpeg(c.dg2.data, c.dg2.len, &jpg, &jl, &w, &h, &err), 0);
    assert_int_equal(w, CHIP_FACE_W);
    assert_int_equal(h, CHIP_FACE_H);
    assert_memory_equal(jpg, "\xFF\xD8", 2); /* a JPEG's start of image */
    bl_image img;
    assert_int_equal(chip_dg2_decode(c.dg2.data, c.dg2.len, &img, &err), 0);
    assert_int_equal(img.w, CHIP_FACE_W);
    assert_int_equal(img.h, CHIP_FACE_H);
    /* a face, not a blank: the centre differs from the corner */
    long lum_c = 0, lum_k = 0;
    for (int y = 0; y < 20; y++)
        for (int x = 0; x < 20; x++) {
            lum_c += img.px[((size_t)(150 + y) * img.w + 110 + x) * 4];
            lum_k += img.px[((size_t)y * img.w + x) * 4];
        }
    assert_true(labs(lum_c - lum_k) > 20 * 400);
    image_deinit(&img);
    chip_deinit(&c);
}

static void dg3_holds_the_fingers_given_or_none(void **state) {
    (void)state;
    enum { W = 160, H = 200 };
    uint8_t *g1 = malloc(W * H), *g2 = malloc(W * H);
    for (int y = 0; y < H; y++)
        for (int x = 0; x < W; x++) {
            g1[y * W + x] = (uint8_t)((x * 255) / W);                    /* a ramp */
            g2[y * W + x] = (uint8_t)(((x / 8 + y / 8) & 1) ? 220 : 30); /* a checker */
        }
    chip_finger f[2] = {{2, W, H, g1, 71}, {7, W, H, g2, 40}};
    chip_bytes b = {0};
    bl_err err = {0};
    assert_int_equal(chip_dg3_encode(f, 2, &b, &err), 0);
    assert_int_equal(b.data[0], 0x63);
    chip_finger_image out[CHIP_MAX_FINGERS];
    int n = 0;
    assert_int_equal(chip_dg3_decode(b.data, b.len, out, &n, &err), 0);
    assert_int_equal(n, 2);
    assert_int_equal(out[0].position, 2);
    assert_int_equal(out[1].position, 7);
    assert_int_equal(out[0].quality, 71);
    assert_int_equal(out[1].w, W);
    assert_int_equal(out[1].h, H);
    long diff = 0; /* JPEG is lossy; the picture must still be the one given */
    for (int i = 0; i < W * H; i++)
        diff += labs((long)out[1].gray[i] - g2[i]);
    assert_true(diff / (W * H) < 12);
    chip_finger_image_free(&out[0]);
    chip_finger_image_free(&out[1]);
    chip_bytes_free(&b);
    /* no finger: a DG3 that says so */
    assert_int_equal(chip_dg3_encode(NULL, 0, &b, &err), 0);
    assert_int_equal(chip_dg3_decode(b.data, b.len, out, &n, &err), 0);
    assert_int_equal(n, 0);
    chip_bytes_free(&b);
    f[0].position = 11; /* no such finger */
    assert_int_equal(chip_dg3_encode(f, 1, &b, &err), -1);
    free(g1);
    free(g2);
}

/* ------------------------------------------------------------ malformed files */

static void every_cut_of_a_file_is_an_error_not_a_crash(void **state) {
    (void)state;
    docf d;
    doc_of(&d, "uto-id-td1", 7);
    chip c;
    build(&d, CHIP_DEFECT_NONE, &c);
    bl_err err = {0};
    char mrz[3][48];
    int n;
    for (size_t cut = 0; cut < c.dg1.len; cut++)
        assert_int_equal(chip_dg1_decode(c.dg1.data, cut, mrz, &n, &err), -1);
    bl_image img;
    for (size_t cut = 0; cut < c.dg2.len; cut += 97)
        assert_int_equal(chip_dg2_decode(c.dg2.data, cut, &img, &err), -1);
    chip_dg_hash h[CHIP_MAX_DG];
    /* wrong tags: DG2 read as DG1, DG1 as DG2, EF.COM as a security object */
    assert_int_equal(chip_dg1_decode(c.dg2.data, c.dg2.len, mrz, &n, &err), -1);
    assert_non_null(strstr(err.msg, "tag"));
    assert_int_equal(chip_dg2_decode(c.dg1.data, c.dg1.len, &img, &err), -1);
    assert_int_equal(chip_lds_so_decode(c.com.data, c.com.len, h, &n, &err), -1);
    /* a facial record that says it is shorter than its own header (found by fuzz_chip) */
    uint8_t *fac = malloc(c.dg2.len);
    memcpy(fac, c.dg2.data, c.dg2.len);
    uint8_t *rec = NULL;
    for (size_t i = 0; !rec && i + 8 <= c.dg2.len; i++)
        if (!memcmp(fac + i,
                    "FAC\0"
                    "010\0",
                    8))
            rec = fac + i;
    assert_non_null(rec);
    memcpy(rec + 8, "\x00\x00\x00\x0A", 4);
    assert_int_equal(chip_dg2_decode(fac, c.dg2.len, &img, &err), -1);
    free(fac);
    /* a length that runs past the end */
    uint8_t *bad = malloc(c.dg1.len);
    memcpy(bad, c.dg1.data, c.dg1.len);
    bad[4] = 0x7F;
    assert_int_equal(chip_dg1_decode(bad, c.dg1.len, mrz, &n, &err), -1);
    assert_non_null(strstr(err.msg, "past the end"));
    free(bad);
    chip_deinit(&c);
}

static void a_sod_that_is_not_cms_fails_reading_without_a_crash(void **state) {
    (void)state;
    docf d;
    doc_of(&d, "uto-passport-td3", 3);
    chip c;
    build(&d, CHIP_DEFECT_NONE, &c);
    chip_trust *tr = chip_trust_create(TODAY, NULL);
    assert_int_equal(chip_trust_add_builtin(tr, NULL), 0);
    chip_bytes_free(&c.sod);
    c.sod.data = malloc(5);
    memcpy(c.sod.data, "\x77\x03\x30\x01\x00", 5); /* a SEQUENCE that is no ContentInfo */
    c.sod.len = 5;
    chip_result r;
    bl_err err = {0};
    assert_int_equal(chip_verify(&c, tr, TODAY, &r, &err), 0);
    assert_int_equal(r.verdict, CHIP_VERDICT_FAILED);
    assert_int_equal(r.read, CHIP_CHECK_FAILED);
    assert_int_equal(r.signature, CHIP_CHECK_NOT_RUN);
    assert_int_equal(r.chain, CHIP_CHECK_NOT_RUN);
    assert_true(r.n_reasons >= 1);
    /* a SOD cut short, one byte at a time from its end */
    chip good;
    build(&d, CHIP_DEFECT_NONE, &good);
    for (size_t cut = good.sod.len - 1; cut > good.sod.len - 40; cut--) {
        chip_bytes_free(&c.sod);
        c.sod.data = malloc(cut);
        memcpy(c.sod.data, good.sod.data, cut);
        c.sod.len = cut;
        assert_int_equal(chip_verify(&c, tr, TODAY, &r, &err), 0);
        assert_int_equal(r.verdict, CHIP_VERDICT_FAILED);
    }
    chip_deinit(&good);
    chip_deinit(&c);
    chip_trust_destroy(tr);
}

/* ------------------------------------------------------------ passive authentication */

typedef struct expect {
    int defect;
    int verdict, read, hashes, signature, chain, validity, revocation, aa;
    int dg1; /* DG1's status */
    int matches_print;
} expect;

#define P CHIP_CHECK_PASSED
#define F CHIP_CHECK_FAILED
#define N CHIP_CHECK_NOT_RUN

/* Exactly what each defect breaks: every other check passes. */
static const expect rows[] = {
    {CHIP_DEFECT_NONE, CHIP_VERDICT_AUTHENTIC, P, P, P, P, CHIP_VALIDITY_OK, CHIP_REVOCATION_GOOD,
     P, CHIP_DG_OK, 1},
    {CHIP_CLONED, CHIP_VERDICT_FAILED, P, P, P, P, CHIP_VALIDITY_OK, CHIP_REVOCATION_GOOD, F,
     CHIP_DG_OK, 0},
    {CHIP_DG1_ALTERED, CHIP_VERDICT_FAILED, P, F, P, P, CHIP_VALIDITY_OK, CHIP_REVOCATION_GOOD, P,
     CHIP_DG_MISMATCH, 0},
    {CHIP_DS_UNTRUSTED, CHIP_VERDICT_FAILED, P, P, P, F, CHIP_VALIDITY_OK, CHIP_REVOCATION_UNKNOWN,
     P, CHIP_DG_OK, 1},
    {CHIP_DS_EXPIRED, CHIP_VERDICT_FAILED, P, P, P, P, CHIP_VALIDITY_EXPIRED, CHIP_REVOCATION_GOOD,
     P, CHIP_DG_OK, 1},
    {CHIP_DS_REVOKED, CHIP_VERDICT_FAILED, P, P, P, P, CHIP_VALIDITY_OK, CHIP_REVOCATION_REVOKED, P,
     CHIP_DG_OK, 1},
    {CHIP_DEAD, CHIP_VERDICT_NO_ANSWER, N, N, N, N, CHIP_VALIDITY_UNKNOWN, CHIP_REVOCATION_UNKNOWN,
     N, -1, 0},
};

static void check_row(const char *tid, uint64_t seed, const expect *e, const chip_trust *tr) {
    docf d;
    doc_of(&d, tid, seed);
    chip c;
    build(&d, e->defect, &c);
    chip_result r;
    bl_err err = {0};
    assert_int_equal(chip_verify(&c, tr, TODAY, &r, &err), 0);
    const char *name = chip_defect_name(e->defect);
    if (r.verdict != e->verdict || r.read != e->read || r.hashes != e->hashes ||
        r.signature != e->signature || r.chain != e->chain || r.validity != e->validity ||
        r.revocation != e->revocation || r.active_auth != e->aa)
        fail_msg("%s %s: verdict %s read %s hashes %s signature %s chain %s validity %s "
                 "revocation %s aa %s; first reason: %s",
                 tid, name, chip_verdict_name(r.verdict), chip_check_name(r.read),
                 chip_check_name(r.hashes), chip_check_name(r.signature), chip_check_name(r.chain),
                 chip_validity_name(r.validity), chip_revocation_name(r.revocation),
                 chip_check_name(r.active_auth), r.n_reasons ? r.reasons[0] : "-");
    if (e->dg1 >= 0) { /* DG1 as the row says; DG2 and DG3 always intact */
        assert_int_equal(r.n_dgs, 3);
        for (int i = 0; i < r.n_dgs; i++)
            assert_int_equal(r.dgs[i].status, r.dgs[i].dg == 1 ? e->dg1 : CHIP_DG_OK);
    }
    char mrz[3][48];
    int n = printed_mrz(&d, mrz);
    assert_int_equal(chip_dg1_matches(&r, mrz, n), e->matches_print);
    assert_true(e->verdict == CHIP_VERDICT_AUTHENTIC ? r.n_reasons == 0 : r.n_reasons >= 1);
    chip_deinit(&c);
}

static void each_defect_fails_exactly_its_check(void **state) {
    (void)state;
    bl_err err = {0};
    chip_trust *tr = chip_trust_create(TODAY, &err);
    assert_non_null(tr);
    assert_int_equal(chip_trust_add_builtin(tr, &err), 0);
    assert_int_equal(chip_trust_count(tr), 2); /* UTO and QWH issue eMRTDs */
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        check_row("uto-passport-td3", 11 + i, &rows[i], tr);
        check_row("uto-id-td1", 21 + i, &rows[i], tr);
        check_row("qwh-passport-td3", 31 + i, &rows[i], tr);
    }
    chip_trust_destroy(tr);
}

static void a_dead_chip_answers_nothing(void **state) {
    (void)state;
    docf d;
    doc_of(&d, "uto-passport-td3", 5);
    chip c;
    build(&d, CHIP_DEAD, &c);
    assert_int_equal(c.answers, 0);
    assert_null(c.dg1.data);
    assert_null(c.sod.data);
    chip_result r;
    assert_int_equal(chip_verify(&c, NULL, TODAY, &r, NULL), 0);
    assert_int_equal(r.verdict, CHIP_VERDICT_NO_ANSWER);
    assert_string_equal(chip_verdict_name(r.verdict), "no_answer");
    assert_int_equal(r.mrz_lines, 0);
    assert_non_null(strstr(r.reasons[0], "not a forgery by itself"));
}

static void a_state_missing_from_the_master_list_is_untrusted(void **state) {
    (void)state;
    docf d;
    doc_of(&d, "qwh-passport-td3", 8);
    chip c;
    build(&d, CHIP_DEFECT_NONE, &c);
    bl_err err = {0};
    chip_trust *tr = chip_trust_create(TODAY, &err);
    assert_int_equal(chip_trust_add_state(tr, "UTO", &err), 0);
    chip_result r;
    assert_int_equal(chip_verify(&c, tr, TODAY, &r, &err), 0);
    assert_int_equal(r.chain, CHIP_CHECK_FAILED);
    assert_int_equal(r.verdict, CHIP_VERDICT_FAILED);
    /* given as PEM text (an academy's master list), it is trusted */
    char *pem = chip_csca_pem("QWH", &err), *crl = chip_crl_pem("QWH", TODAY, &err);
    assert_non_null(pem);
    assert_non_null(crl);
    assert_int_equal(chip_trust_add_pem(tr, pem, strlen(pem), &err), 0);
    assert_int_equal(chip_trust_add_pem(tr, crl, strlen(crl), &err), 0);
    assert_int_equal(chip_trust_add_pem(tr, "junk", 4, &err), -1);
    assert_int_equal(chip_verify(&c, tr, TODAY, &r, &err), 0);
    assert_int_equal(r.verdict, CHIP_VERDICT_AUTHENTIC);
    free(pem);
    free(crl);
    chip_trust_destroy(tr);
    chip_deinit(&c);
    /* a visa has no chip */
    doc_of(&d, "uto-visa-mrva", 8);
    chip_spec cs = {&d.spec, CHIP_DEFECT_NONE, NULL, 0};
    assert_int_equal(chip_build(&cs, &c, &err), -1);
    assert_non_null(strstr(err.msg, "no chip"));
}

/* ------------------------------------------------------------ the chip and the print */

/* The printed MRZ of the document with these defects, and its chip. */
static void printed_and_chip(const docf *d, unsigned defects, doc_truth *truth, chip *c) {
    doc_fonts fonts;
    bl_err err = {0};
    doc_spec spec = d->spec;
    spec.defects = defects;
    spec.dpi = 72;
    if (test_fonts_load(&fonts, &err)) fail_msg("fonts: %s", err.msg);
    matbuf mb;
    if (doc_build(&spec, &fonts, &mb, truth, &err)) fail_msg("doc_build: %s", err.msg);
    matbuf_deinit(&mb);
    doc_fonts_unload(&fonts);
    chip_spec cs = {&spec, CHIP_DEFECT_NONE, NULL, 0};
    if (chip_build(&cs, c, &err)) fail_msg("chip_build: %s", err.msg);
}

/* A forger changes the print, not the chip: the chip keeps the document as
 * issued, so the change shows between the chip and the print, and passive
 * authentication still passes. */
static void the_chip_keeps_the_document_as_issued(void **state) {
    (void)state;
    docf d;
    doc_of(&d, "uto-passport-td3", 61);
    chip_trust *tr = chip_trust_create(TODAY, NULL);
    assert_int_equal(chip_trust_add_builtin(tr, NULL), 0);
    doc_truth *t = malloc(sizeof *t);
    chip genuine, c;
    chip_result r;
    printed_and_chip(&d, 0, t, &genuine);
    assert_int_equal(chip_verify(&genuine, tr, TODAY, &r, NULL), 0);
    assert_true(chip_dg1_matches(&r, t->mrz, t->mrz_lines));
    static const struct {
        int defect, dg1_matches;
    } rows[] = {
        {DEFECT_EXPIRED, 1},           /* a genuine expired document: its chip expired with it */
        {DEFECT_MRZ_CHECK_DIGIT, 0},   /* the printed MRZ's digit, not the chip's */
        {DEFECT_MRZ_VIZ_MISMATCH, 1},  /* the visual zone changed; MRZ and chip agree */
        {DEFECT_PHOTO_SUBSTITUTION, 1} /* the photo changed; the chip keeps the face */
    };
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        printed_and_chip(&d, 1u << rows[i].defect, t, &c);
        assert_int_equal(chip_verify(&c, tr, TODAY, &r, NULL), 0);
        /* an expired document's signer expired a quarter after its last document did:
         * its certificate may have too (the one check that may fail, and only then) */
        int expired = rows[i].defect == DEFECT_EXPIRED && r.validity == CHIP_VALIDITY_EXPIRED;
        assert_int_equal(r.verdict, expired ? CHIP_VERDICT_FAILED : CHIP_VERDICT_AUTHENTIC);
        assert_true(r.read == P && r.hashes == P && r.signature == P && r.chain == P &&
                    r.revocation == CHIP_REVOCATION_GOOD && r.active_auth == P);
        assert_int_equal(chip_dg1_matches(&r, t->mrz, t->mrz_lines), rows[i].dg1_matches);
        if (rows[i].defect == DEFECT_PHOTO_SUBSTITUTION) { /* the genuine face, byte for byte */
            assert_int_equal(c.dg2.len, genuine.dg2.len);
            assert_memory_equal(c.dg2.data, genuine.dg2.data, c.dg2.len);
        }
        if (rows[i].defect == DEFECT_EXPIRED) /* its dates are the expired document's */
            assert_memory_not_equal(c.dg1.data, genuine.dg1.data, c.dg1.len);
        chip_deinit(&c);
    }
    chip_deinit(&genuine);
    free(t);
    chip_trust_destroy(tr);
}

/* ------------------------------------------------------------ determinism */

static EVP_PKEY *pem_key(const char *pem) {
    BIO *b = BIO_new_mem_buf(pem, -1);
    X509 *x = PEM_read_bio_X509(b, NULL, NULL, NULL);
    EVP_PKEY *k = x ? X509_get_pubkey(x) : NULL;
    X509_free(x);
    BIO_free(b);
    return k;
}

static void same_seed_same_data_groups_and_keys(void **state) {
    (void)state;
    docf d;
    doc_of(&d, "uto-passport-td3", 99);
    chip a, b;
    build(&d, CHIP_DEFECT_NONE, &a);
    build(&d, CHIP_DEFECT_NONE, &b);
    const chip_bytes *fa[4] = {&a.com, &a.dg1, &a.dg2, &a.dg3};
    const chip_bytes *fb[4] = {&b.com, &b.dg1, &b.dg2, &b.dg3};
    for (int i = 0; i < 4; i++) {
        assert_int_equal(fa[i]->len, fb[i]->len);
        assert_memory_equal(fa[i]->data, fb[i]->data, fa[i]->len);
    }
    bl_err err = {0};
    char *ds_a = chip_sod_ds_pem(&a, &err), *ds_b = chip_sod_ds_pem(&b, &err);
    char *ca_a = chip_csca_pem("UTO", &err), *ca_b = chip_csca_pem("UTO", &err);
    char *ca_q = chip_csca_pem("QWH", &err);
    EVP_PKEY *k[5] = {pem_key(ds_a), pem_key(ds_b), pem_key(ca_a), pem_key(ca_b), pem_key(ca_q)};
    for (int i = 0; i < 5; i++)
        assert_non_null(k[i]);
    assert_int_equal(EVP_PKEY_eq(k[0], k[1]), 1); /* the same DS key */
    assert_int_equal(EVP_PKEY_eq(k[2], k[3]), 1); /* the same CSCA key */
    assert_int_not_equal(EVP_PKEY_eq(k[0], k[2]), 1);
    assert_int_not_equal(EVP_PKEY_eq(k[2], k[4]), 1); /* another state, another key */
    for (int i = 0; i < 5; i++)
        EVP_PKEY_free(k[i]);
    free(ds_a), free(ds_b), free(ca_a), free(ca_b), free(ca_q);
    chip c; /* another seed, another holder */
    doc_of(&d, "uto-passport-td3", 100);
    build(&d, CHIP_DEFECT_NONE, &c);
    assert_true(c.dg1.len != a.dg1.len || memcmp(c.dg1.data, a.dg1.data, a.dg1.len));
    chip_deinit(&a);
    chip_deinit(&b);
    chip_deinit(&c);
}

static void names_round_trip(void **state) {
    (void)state;
    for (int d = 0; d < CHIP_DEFECT_COUNT; d++) {
        assert_int_equal(chip_defect_from_name(chip_defect_name(d)), d);
        assert_non_null(chip_defect_summary(d));
    }
    assert_int_equal(chip_defect_from_name("cloned"), CHIP_CLONED);
    assert_int_equal(chip_defect_from_name("broken"), -1);
    assert_null(chip_defect_name(CHIP_DEFECT_COUNT));
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(tlv_lengths_use_the_short_form_to_127_and_the_long_form_above),
        cmocka_unit_test(malformed_tlvs_are_refused_with_a_message),
        cmocka_unit_test(dg1_holds_the_mrz_of_td3_and_td1),
        cmocka_unit_test(dg2_holds_a_jpeg_of_the_portrait_at_its_size),
        cmocka_unit_test(dg3_holds_the_fingers_given_or_none),
        cmocka_unit_test(every_cut_of_a_file_is_an_error_not_a_crash),
        cmocka_unit_test(a_sod_that_is_not_cms_fails_reading_without_a_crash),
        cmocka_unit_test(each_defect_fails_exactly_its_check),
        cmocka_unit_test(a_dead_chip_answers_nothing),
        cmocka_unit_test(a_state_missing_from_the_master_list_is_untrusted),
        cmocka_unit_test(the_chip_keeps_the_document_as_issued),
        cmocka_unit_test(same_seed_same_data_groups_and_keys),
        cmocka_unit_test(names_round_trip),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
