/* test_supporting.c - supporting documents and signatures: each built-in
 * letter prints the texts it is given, has no MRZ and no portrait, and is
 * stamped and signed; a holder signs alike on every document and a writer in
 * their own hand; a signature that does not match is another hand's, seen in
 * white light where the holder's signature is, and recorded in the truth. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "doc.h"
#include "image.h"
#include "light.h"
#include "test_fonts.h"
#include "tpl.h"

typedef fonts_fixture fixture;

/* One document under white light (and its truth), built from spec. */
typedef struct {
    bl_image img;
    doc_truth truth;
} lit;

static void build_lit(fixture *f, const doc_spec *spec, light_kind l, lit *out) {
    matbuf mb;
    bl_err err = {0};
    memset(out, 0, sizeof *out);
    int rc = doc_build(spec, &f->fonts, &mb, &out->truth, &err);
    if (rc) fail_msg("doc_build %s: %s", spec->t->id, err.msg);
    light_scene *sc = light_scene_create(&mb, &err);
    assert_non_null(sc);
    assert_int_equal(light_scene_render(sc, l, &out->img, &err), 0);
    light_scene_destroy(sc);
    matbuf_deinit(&mb);
}

static const doc_item *item(const doc_item *items, int n, const char *id) {
    for (int i = 0; i < n; i++)
        if (!strcmp(items[i].id, id)) return &items[i];
    return NULL;
}

static void set_text(doc_spec *s, const char *key, const char *value) {
    snprintf(s->texts[s->n_texts].key, sizeof s->texts[0].key, "%s", key);
    snprintf(s->texts[s->n_texts].value, sizeof s->texts[0].value, "%s", value);
    s->n_texts++;
}

/* The new letters: each prints a text the scenario gives in its place (the
 * field's pixels change), has no MRZ and no portrait, a stamp, and the
 * signatures its template says. */
static const struct {
    const char *id;
    const char *text, *value; /* a text.NAME the scenario sets */
    const char *holder_sig;   /* the feature signed by the holder, or NULL */
} letters[] = {
    {"qnv-police-loss-report", "reported", "30 MAY 2026", "signature_declarant"},
    {"uto-school-enrolment", "course", "EVENING CLASS, LEVEL A2", NULL},
    {"qnv-escort-order", "escorts", "OFFR. INGA DAHL", "signature_removed"},
    {"uto-invitation-letter", "purpose", "VISITOR", NULL},
    {"qwh-parental-consent", "destination", "NORDAVIA", NULL},
    {"nordair-boarding-pass", "seat", "31F", NULL},
};

static void letters_print_their_texts_and_are_stamped(void **state) {
    fixture *f = *state;
    for (size_t k = 0; k < sizeof letters / sizeof letters[0]; k++) {
        tpl t;
        bl_err err = {0};
        if (tpl_builtin(&t, letters[k].id, &err)) fail_msg("%s", err.msg);
        assert_true(tpl_is_supporting(&t));
        doc_spec spec = {.t = &t, .seed = 11, .dpi = 120, .today = {2026, 6, 1}};
        doc_spec plain = spec;
        set_text(&spec, letters[k].text, letters[k].value);
        lit *a = malloc(sizeof *a), *b = malloc(sizeof *b);
        build_lit(f, &spec, LIGHT_VISIBLE, a);
        build_lit(f, &plain, LIGHT_VISIBLE, b);
        assert_int_equal(a->truth.mrz_lines, 0);
        for (int i = 0; i < a->truth.n_features; i++)
            if (!strcmp(a->truth.features[i].kind, "portrait"))
                fail_msg("%s has a portrait", letters[k].id);
        /* the text's field changed; a stamp (a boarding pass has none) and
         * the holder's signature where the template has one */
        char key[40];
        snprintf(key, sizeof key, "text.%s", letters[k].text);
        const tpl_field *fl = tpl_field_of(&t, key);
        assert_non_null(fl);
        double ppm = 120 / 25.4;
        long n = image_count_diff(&a->img, &b->img, (int)(fl->x * ppm), (int)(fl->y * ppm),
                                  (int)(fl->width_mm * ppm), (int)((fl->size_mm + 3) * ppm), 40);
        if (n < 40) fail_msg("%s: text.%s printed no differently (%ld px)", t.id, key, n);
        if (strcmp(t.kind, "boarding_pass"))
            assert_non_null(item(a->truth.features, a->truth.n_features, "stamp"));
        const tpl_feature *hs = tpl_holder_signature(&t);
        if (letters[k].holder_sig) {
            assert_non_null(hs);
            assert_string_equal(hs->id, letters[k].holder_sig);
            assert_non_null(item(a->truth.features, a->truth.n_features, hs->id));
        } else {
            assert_null(hs);
        }
        image_deinit(&a->img);
        image_deinit(&b->img);
        free(a);
        free(b);
    }
}

/* The holder signs in their own hand whatever the document (another seed,
 * the same face_seed: the same strokes); the writer's hand is the
 * document's (another seed, other strokes). */
static void a_hand_is_its_signer(void **state) {
    fixture *f = *state;
    tpl t;
    bl_err err = {0};
    assert_int_equal(tpl_builtin(&t, "qnv-police-loss-report", &err), 0);
    doc_spec a = {.t = &t, .seed = 21, .dpi = 120, .today = {2026, 6, 1}, .has_holder = 1};
    doc_holder_generate(77, &t, a.today, &a.holder);
    doc_spec b = a;
    b.seed = 22;
    lit *la = malloc(sizeof *la), *lb = malloc(sizeof *lb);
    build_lit(f, &a, LIGHT_VISIBLE, la);
    build_lit(f, &b, LIGHT_VISIBLE, lb);
    const doc_item *d = item(la->truth.features, la->truth.n_features, "signature_declarant");
    const doc_item *o = item(la->truth.features, la->truth.n_features, "signature_officer");
    assert_non_null(d);
    assert_non_null(o);
    assert_int_equal(image_count_diff(&la->img, &lb->img, d->x, d->y, d->w, d->h, 24), 0);
    assert_true(image_count_diff(&la->img, &lb->img, o->x, o->y, o->w, o->h, 24) > 100);
    image_deinit(&la->img);
    image_deinit(&lb->img);
    free(la);
    free(lb);
}

/* signature_mismatch: the holder's signature, and only it, is another
 * hand's in white light; the truth records the defect over that signature;
 * a template signed only by its writer has no place for it. */
static void a_signature_that_does_not_match(void **state) {
    fixture *f = *state;
    static const char *ids[] = {"qnv-police-loss-report", "qnv-escort-order", "uto-passport-td3"};
    for (size_t k = 0; k < sizeof ids / sizeof ids[0]; k++) {
        tpl t;
        bl_err err = {0};
        assert_int_equal(tpl_builtin(&t, ids[k], &err), 0);
        doc_spec g = {.t = &t, .seed = 31, .dpi = 120, .today = {2026, 6, 1}};
        doc_spec x = g;
        x.defects = 1u << DEFECT_SIGNATURE_MISMATCH;
        lit *lg = malloc(sizeof *lg), *lx = malloc(sizeof *lx);
        build_lit(f, &g, LIGHT_VISIBLE, lg);
        build_lit(f, &x, LIGHT_VISIBLE, lx);
        const doc_item *sig =
            item(lg->truth.features, lg->truth.n_features, tpl_holder_signature(&t)->id);
        const doc_item *def = item(lx->truth.defects, lx->truth.n_defects, "signature_mismatch");
        assert_non_null(sig);
        if (!def) fail_msg("%s: signature_mismatch is not in the truth", ids[k]);
        assert_int_equal(def->lights, LIGHT_BIT(LIGHT_VISIBLE));
        assert_true(def->x == sig->x && def->y == sig->y && def->w == sig->w && def->h == sig->h);
        long in = image_count_diff(&lg->img, &lx->img, sig->x, sig->y, sig->w, sig->h, 24);
        long in2 = image_count_diff(&lg->img, &lx->img, sig->x, sig->y, sig->w, sig->h, 2);
        long all = image_count_diff(&lg->img, &lx->img, 0, 0, lg->img.w, lg->img.h, 2);
        if (in < 150) fail_msg("%s: only %ld px of the signature differ", ids[k], in);
        if (all > in2) fail_msg("%s: %ld px differ outside the signature", ids[k], all - in2);
        image_deinit(&lg->img);
        image_deinit(&lx->img);
        free(lg);
        free(lx);
    }
    tpl t;
    bl_err err = {0};
    /* many hands, genuine and not: the strokes stay inside the signature's box */
    assert_int_equal(tpl_builtin(&t, "uto-passport-td3", &err), 0);
    for (uint64_t seed = 100; seed < 116; seed++) {
        doc_spec g = {.t = &t, .seed = seed, .dpi = 100, .today = {2026, 6, 1}};
        doc_spec x = g;
        x.defects = 1u << DEFECT_SIGNATURE_MISMATCH;
        lit *lg = malloc(sizeof *lg), *lx = malloc(sizeof *lx);
        build_lit(f, &g, LIGHT_VISIBLE, lg);
        build_lit(f, &x, LIGHT_VISIBLE, lx);
        const doc_item *sig = item(lg->truth.features, lg->truth.n_features, "signature");
        long in = image_count_diff(&lg->img, &lx->img, sig->x, sig->y, sig->w, sig->h, 0);
        long all = image_count_diff(&lg->img, &lx->img, 0, 0, lg->img.w, lg->img.h, 0);
        if (all != in)
            fail_msg("seed %d: %ld px differ outside the signature", (int)seed, all - in);
        image_deinit(&lg->img);
        image_deinit(&lx->img);
        free(lg);
        free(lx);
    }
    assert_int_equal(tpl_builtin(&t, "uto-school-enrolment", &err), 0);
    doc_spec s = {.t = &t, .seed = 1, .dpi = 72, .today = {2026, 6, 1}};
    s.defects = 1u << DEFECT_SIGNATURE_MISMATCH;
    matbuf mb;
    doc_truth *tr = malloc(sizeof *tr);
    assert_int_equal(doc_build(&s, &f->fonts, &mb, tr, &err), -1);
    assert_non_null(strstr(err.msg, "signature_mismatch"));
    free(tr);
}

/* The template format: "signer" is holder or writer, on a signature only. */
static void signer_is_checked(void **state) {
    (void)state;
    static const char *head =
        "{\"id\": \"x\", \"name\": \"x\", \"kind\": \"letter\", \"issuing_state\": \"UTO\", "
        "\"state_name\": \"X\", "
        "\"document_code\": \"L\", \"mrz_format\": \"none\", \"size_mm\": [148, 105], "
        "\"substrate\": \"plain_paper\", \"features\": [";
    static const struct {
        const char *feature;
        int ok, by_holder;
    } rows[] = {
        {"{\"id\": \"s\", \"kind\": \"signature\", \"rect_mm\": [1, 1, 9, 9]}", 1, 0},
        {"{\"id\": \"s\", \"kind\": \"signature\", \"rect_mm\": [1, 1, 9, 9], \"signer\": "
         "\"holder\"}",
         1, 1},
        {"{\"id\": \"s\", \"kind\": \"signature\", \"rect_mm\": [1, 1, 9, 9], \"signer\": "
         "\"notary\"}",
         0, 0},
        {"{\"id\": \"s\", \"kind\": \"stamp\", \"rect_mm\": [1, 1, 9, 9], \"signer\": "
         "\"holder\"}",
         0, 0},
    };
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        char json[1024];
        snprintf(json, sizeof json, "%s%s]}", head, rows[i].feature);
        tpl *t = malloc(sizeof *t);
        bl_err err = {0};
        int rc = tpl_load_json(t, json, "x.json", &err);
        if ((rc == 0) != rows[i].ok) fail_msg("row %d: rc %d: %s", (int)i, rc, err.msg);
        if (rc == 0) assert_int_equal(t->features[0].by_holder, rows[i].by_holder);
        if (rc) assert_non_null(strstr(err.msg, "signer"));
        free(t);
    }
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(letters_print_their_texts_and_are_stamped),
        cmocka_unit_test(a_hand_is_its_signer),
        cmocka_unit_test(a_signature_that_does_not_match),
        cmocka_unit_test(signer_is_checked),
    };
    return cmocka_run_group_tests_name("supporting", tests, test_fonts_setup, test_fonts_teardown);
}
