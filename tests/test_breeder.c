/* test_breeder.c - breeder documents (template kind civil_record): the birth
 * certificate, the civil register extract and the family booklet. Each
 * builds and renders under every light as a supporting document (no MRZ, no
 * portrait; paper, seal, stamp and signature of the registry); every text
 * key a scenario may set prints in its field, and each default fits its
 * field's box; defaults that name the holder's data in braces print that
 * data; an altered entry (data_alteration_ir) shows in infrared, raking
 * light and UV where the entry is and nowhere else; the security features'
 * defects show under their lights only; and defects with no place on such a
 * document (an MRZ's, an expiry's, a portrait's) are refused. */
#include <math.h>
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

#define DPI 100.0
#define PPM (DPI / 25.4)

typedef fonts_fixture fixture;

/* The three templates and the texts docs/templates.md says each takes. */
static const struct {
    const char *id;
    const char *keys[14];
} breeders[] = {
    {"uto-birth-certificate",
     {"entry", "office", "place_of_birth", "father", "mother", "declarant", "registered",
      "marginal", "issued", "registrar"}},
    {"qwh-civil-register-extract",
     {"office", "entry", "volume", "place_of_birth", "place_of_birth_native", "father",
      "father_native", "mother", "mother_native", "registered", "declarant", "marginal", "issued",
      "registrar"}},
    {"uto-family-booklet",
     {"booklet_no", "husband", "wife", "married", "marriage_entry", "child1", "child1_entry",
      "place_of_birth", "entry", "child_note", "child3", "marginal"}},
};
#define N_BREEDERS (sizeof breeders / sizeof breeders[0])

/* A document built from spec, with its truth and its images under the lights asked for. */
typedef struct {
    doc_truth truth;
    bl_image img[LIGHT_COUNT];
} lit;

static lit *build(fixture *f, const doc_spec *spec, light_set lights) {
    lit *o = calloc(1, sizeof *o);
    assert_non_null(o);
    matbuf mb;
    bl_err err = {0};
    if (doc_build(spec, &f->fonts, &mb, &o->truth, &err))
        fail_msg("doc_build %s: %s", spec->t->id, err.msg);
    light_scene *sc = light_scene_create(&mb, &err);
    assert_non_null(sc);
    for (int l = 0; l < LIGHT_COUNT; l++)
        if (lights & LIGHT_BIT(l) && light_scene_render(sc, (light_kind)l, &o->img[l], &err))
            fail_msg("%s under %s: %s", spec->t->id, light_name((light_kind)l), err.msg);
    light_scene_destroy(sc);
    matbuf_deinit(&mb);
    return o;
}

static void lit_free(lit *o) {
    for (int l = 0; l < LIGHT_COUNT; l++)
        image_deinit(&o->img[l]);
    free(o);
}

static void load(tpl *t, const char *id) {
    bl_err err = {0};
    if (tpl_builtin(t, id, &err)) fail_msg("%s", err.msg);
}

static void set_text(doc_spec *s, const char *key, const char *value) {
    assert_true(s->n_texts < DOC_MAX_TEXTS);
    snprintf(s->texts[s->n_texts].key, sizeof s->texts[0].key, "%s", key);
    snprintf(s->texts[s->n_texts].value, sizeof s->texts[0].value, "%s", value);
    s->n_texts++;
}

static doc_spec spec_of(const tpl *t, uint64_t seed) {
    return (doc_spec){.t = t, .seed = seed, .dpi = DPI, .today = {2026, 6, 1}};
}

/* A field's value in pixels: from under its label to below the descenders,
 * across its width, `pad` mm wider all round. */
typedef struct {
    int x, y, w, h;
} box;

static box value_box(const tpl_field *fl, double pad) {
    double left = fl->align_right ? fl->x - fl->width_mm : fl->x;
    /* Naskh (the right-aligned Arabic values) reaches further below the
     * baseline than DejaVu Sans */
    double top = fl->y + 0.2, bottom = fl->y + 0.6 + fl->size_mm * (fl->align_right ? 1.6 : 1.3);
    int x0 = (int)floor((left - pad) * PPM), y0 = (int)floor((top - pad) * PPM);
    int x1 = (int)ceil((left + fl->width_mm + pad) * PPM), y1 = (int)ceil((bottom + pad) * PPM);
    return (box){x0, y0, x1 - x0, y1 - y0};
}

static long diff_in(const bl_image *a, const bl_image *b, box r, int thr) {
    return image_count_diff(a, b, r.x, r.y, r.w, r.h, thr);
}

static long diff_all(const bl_image *a, const bl_image *b, int thr) {
    return image_count_diff(a, b, 0, 0, a->w, a->h, thr);
}

static const doc_item *item(const doc_item *items, int n, const char *id) {
    for (int i = 0; i < n; i++)
        if (!strcmp(items[i].id, id)) return &items[i];
    return NULL;
}

/* Each builds as a supporting document and renders under every light; the
 * registry's paper, seal, stamp and signature are in its truth, each seen
 * under the light that shows it. */
static void each_renders_under_every_light(void **state) {
    fixture *f = *state;
    for (size_t k = 0; k < N_BREEDERS; k++) {
        tpl t;
        load(&t, breeders[k].id);
        assert_string_equal(t.kind, "civil_record");
        assert_true(tpl_is_supporting(&t));
        assert_int_equal(t.mrz_format, TPL_NO_MRZ);
        doc_spec s = spec_of(&t, 41);
        lit *a = build(f, &s, LIGHT_ALL);
        assert_int_equal(a->truth.mrz_lines, 0);
        assert_null(item(a->truth.features, a->truth.n_features, "portrait"));
        static const struct {
            const char *id;
            light_kind l;
        } want[] = {{"watermark", LIGHT_TRANSMITTED},
                    {"uv_fibres", LIGHT_UV},
                    {"seal", LIGHT_OBLIQUE},
                    {"stamp", LIGHT_VISIBLE},
                    {"signature", LIGHT_VISIBLE}};
        for (size_t w = 0; w < sizeof want / sizeof want[0]; w++) {
            const doc_item *it = item(a->truth.features, a->truth.n_features, want[w].id);
            if (!it) fail_msg("%s: no %s", t.id, want[w].id);
            if (!(it->lights & LIGHT_BIT(want[w].l)))
                fail_msg("%s: %s not seen under %s", t.id, want[w].id, light_name(want[w].l));
        }
        for (int l = 0; l < LIGHT_COUNT; l++) {
            assert_int_equal(a->img[l].w, a->truth.w);
            assert_int_equal(a->img[l].h, a->truth.h);
        }
        /* the lights show different things: not one picture six times */
        assert_true(diff_all(&a->img[LIGHT_VISIBLE], &a->img[LIGHT_UV], 40) > a->truth.w);
        assert_true(diff_all(&a->img[LIGHT_VISIBLE], &a->img[LIGHT_IR], 40) > a->truth.w);
        lit_free(a);
    }
}

/* Every text key a scenario may set prints in its field: a value of the
 * scenario's changes the field's pixels. */
static void every_text_key_takes_the_scenarios_value(void **state) {
    fixture *f = *state;
    for (size_t k = 0; k < N_BREEDERS; k++) {
        tpl t;
        load(&t, breeders[k].id);
        doc_spec plain = spec_of(&t, 42);
        lit *a = build(f, &plain, LIGHT_BIT(LIGHT_VISIBLE));
        for (size_t i = 0; i < sizeof breeders[k].keys / sizeof breeders[k].keys[0]; i++) {
            const char *key = breeders[k].keys[i];
            if (!key) break;
            char fk[40];
            snprintf(fk, sizeof fk, "text.%s", key);
            const tpl_field *fl = tpl_field_of(&t, fk);
            if (!fl) fail_msg("%s has no %s", t.id, fk);
            doc_spec s = plain;
            set_text(&s, key, strstr(key, "native") ? "زيد عمر" : "QX 4711 ZW");
            lit *b = build(f, &s, LIGHT_BIT(LIGHT_VISIBLE));
            long in = diff_in(&a->img[LIGHT_VISIBLE], &b->img[LIGHT_VISIBLE], value_box(fl, 0), 40);
            if (in < 40) fail_msg("%s: text.%s printed no differently (%ld px)", t.id, key, in);
            lit_free(b);
        }
        lit_free(a);
    }
}

/* Each text's default stays inside its field's box: printed or left out,
 * nothing changes outside it (a little ink reaches past the box's edges for
 * the sake of the anti-aliasing, hence 0.3 mm), but where another default
 * names it. Several holders, whose names the defaults carry. */
static void defaults_fit_their_boxes(void **state) {
    fixture *f = *state;
    for (size_t k = 0; k < N_BREEDERS; k++) {
        tpl t;
        load(&t, breeders[k].id);
        for (uint64_t seed = 50; seed < 52; seed++) {
            doc_spec full = spec_of(&t, seed);
            lit *a = build(f, &full, LIGHT_BIT(LIGHT_VISIBLE));
            for (int i = 0; i < t.n_fields; i++) {
                const tpl_field *fl = &t.fields[i];
                if (strncmp(fl->key, "text.", 5) || !fl->value[0]) continue;
                doc_spec s = full;
                set_text(&s, fl->key + 5, "");
                lit *b = build(f, &s, LIGHT_BIT(LIGHT_VISIBLE));
                /* the field's box, and those of the defaults that name this
                 * text in braces (an office at the place of birth) */
                char named[40];
                snprintf(named, sizeof named, "{%s}", fl->key + 5);
                long in = 0;
                for (int j = 0; j < t.n_fields; j++)
                    if (j == i || strstr(t.fields[j].value, named))
                        in += diff_in(&a->img[LIGHT_VISIBLE], &b->img[LIGHT_VISIBLE],
                                      value_box(&t.fields[j], 0.3), 0);
                long all = diff_all(&a->img[LIGHT_VISIBLE], &b->img[LIGHT_VISIBLE], 0);
                if (in < 20) fail_msg("%s: %s's default prints nothing", t.id, fl->key);
                if (all != in)
                    fail_msg("%s seed %d: %s's default spills out of its box (%ld px)", t.id,
                             (int)seed, fl->key, all - in);
                lit_free(b);
            }
            lit_free(a);
        }
    }
}

/* A default that names the holder's data in braces prints that data: the
 * same pixels as the text spelt out for this holder. A scenario's text of a
 * datum's name stands for the datum. */
static void defaults_name_the_holder(void **state) {
    fixture *f = *state;
    static const struct {
        const char *id, *key, *spelt;
        const char *given_key, *given; /* a text the scenario sets first, or NULL */
    } rows[] = {
        {"uto-birth-certificate", "father", "MARCUS HALVARSEN, ENGINEER", NULL, NULL},
        {"uto-birth-certificate", "registered", "16 MAR 1990", NULL, NULL},
        {"uto-birth-certificate", "place_of_birth", "LINDOR", NULL, NULL},
        {"qwh-civil-register-extract", "father_native", "محمود حداد", NULL, NULL},
        {"qwh-civil-register-extract", "registered", "19 MAR 1990", NULL, NULL},
        {"qwh-civil-register-extract", "office", "BIR NAJM", "place_of_birth", "BIR NAJM"},
        {"uto-family-booklet", "married", "10 MAR 1987, VALMORE", NULL, NULL},
        {"uto-family-booklet", "child1", "MARA HALVARSEN, 13 MAR 1988, VALMORE", NULL, NULL},
    };
    for (size_t r = 0; r < sizeof rows / sizeof rows[0]; r++) {
        tpl t;
        load(&t, rows[r].id);
        doc_spec a = spec_of(&t, 61);
        a.has_holder = 1;
        doc_holder_generate(61, &t, a.today, &a.holder);
        snprintf(a.holder.surname, sizeof a.holder.surname, "HALVARSEN");
        snprintf(a.holder.surname_native, sizeof a.holder.surname_native, "حداد");
        snprintf(a.holder.place_of_birth, sizeof a.holder.place_of_birth, "LINDOR");
        a.holder.birth = (bl_date){1990, 3, 14};
        if (rows[r].given_key) set_text(&a, rows[r].given_key, rows[r].given);
        doc_spec b = a;
        set_text(&b, rows[r].key, rows[r].spelt);
        lit *la = build(f, &a, LIGHT_BIT(LIGHT_VISIBLE)),
            *lb = build(f, &b, LIGHT_BIT(LIGHT_VISIBLE));
        long d = diff_all(&la->img[LIGHT_VISIBLE], &lb->img[LIGHT_VISIBLE], 0);
        if (d) fail_msg("%s: text.%s is not \"%s\" (%ld px)", t.id, rows[r].key, rows[r].spelt, d);
        lit_free(la);
        lit_free(lb);
    }
}

/* data_alteration_ir on a civil record: the altered entry's new ink
 * vanishes in infrared, the scraped paper is rough in raking light and the
 * washed paper glows under UV, where the entry is; nothing changes anywhere
 * else under those lights, nor outside the entry in white light. The truth
 * places the defect on the entry: the template's alterable, or the one the
 * spec names (a scenario's "altered"). */
static void an_altered_entry_shows_where_it_is(void **state) {
    fixture *f = *state;
    static const struct {
        const char *id, *altered; /* NULL: the template's alterable */
    } rows[] = {
        {"uto-birth-certificate", NULL},
        {"uto-birth-certificate", "text.father"},
        {"qwh-civil-register-extract", NULL},
        {"qwh-civil-register-extract", "birth_date"},
        {"qwh-civil-register-extract", "text.mother_native"},
        {"uto-family-booklet", NULL},
        {"uto-family-booklet", "text.husband"},
    };
    for (size_t k = 0; k < sizeof rows / sizeof rows[0]; k++) {
        tpl t;
        load(&t, rows[k].id);
        const char *key = rows[k].altered ? rows[k].altered : t.alterable;
        const tpl_field *fl = tpl_field_of(&t, key);
        if (!fl) fail_msg("%s: %s is not a field", t.id, key);
        doc_spec g = spec_of(&t, 71), x = g;
        x.defects = 1u << DEFECT_DATA_ALTERATION_IR;
        if (rows[k].altered) snprintf(x.altered, sizeof x.altered, "%s", rows[k].altered);
        lit *lg = build(f, &g, LIGHT_ALL), *lx = build(f, &x, LIGHT_ALL);
        box entry = value_box(fl, 0), around = value_box(fl, 2.0);
        static const light_kind shows[] = {LIGHT_IR, LIGHT_OBLIQUE, LIGHT_UV};
        for (size_t i = 0; i < sizeof shows / sizeof shows[0]; i++) {
            const bl_image *a = &lg->img[shows[i]], *b = &lx->img[shows[i]];
            long in = diff_in(a, b, entry, 24);
            if (in < 40)
                fail_msg("%s: %s shows no alteration under %s (%ld px)", t.id, fl->key,
                         light_name(shows[i]), in);
            long out = diff_all(a, b, 0) - diff_in(a, b, around, 0);
            if (out)
                fail_msg("%s: %ld px changed under %s away from %s", t.id, out,
                         light_name(shows[i]), fl->key);
        }
        const bl_image *a = &lg->img[LIGHT_VISIBLE], *b = &lx->img[LIGHT_VISIBLE];
        assert_int_equal(diff_all(a, b, 0) - diff_in(a, b, around, 0), 0);
        const doc_item *d = item(lx->truth.defects, lx->truth.n_defects, "data_alteration_ir");
        if (!d) fail_msg("%s: data_alteration_ir not in the truth", t.id);
        int cx = d->x + d->w / 2, cy = d->y + d->h / 2;
        assert_true(cx >= entry.x && cx < entry.x + entry.w && cy >= entry.y &&
                    cy < entry.y + entry.h);
        lit_free(lg);
        lit_free(lx);
    }
}

/* The security features' defects apply to every civil record: each shows
 * under its lights, in the feature's place when it has one, and leaves
 * white light alone when white light is not among them. */
static void feature_defects_show_under_their_lights(void **state) {
    fixture *f = *state;
    static const struct {
        defect_kind k;
        const char *feature; /* where it shows; NULL: the whole page */
        light_kind l;
    } rows[] = {
        {DEFECT_SEAL_MISSING, "seal", LIGHT_OBLIQUE},
        {DEFECT_WATERMARK_MISSING, "watermark", LIGHT_TRANSMITTED},
        {DEFECT_PRINTED_WATERMARK, "watermark", LIGHT_TRANSMITTED},
        {DEFECT_FIBRES_MISSING, NULL, LIGHT_UV},
        {DEFECT_STAMP_COUNTERFEIT, "stamp", LIGHT_VISIBLE},
        {DEFECT_COUNTERFEIT_PAPER, NULL, LIGHT_UV},
    };
    for (size_t k = 0; k < N_BREEDERS; k++) {
        tpl t;
        load(&t, breeders[k].id);
        doc_spec g = spec_of(&t, 81);
        lit *lg = build(f, &g, LIGHT_ALL);
        for (size_t r = 0; r < sizeof rows / sizeof rows[0]; r++) {
            doc_spec x = g;
            x.defects = 1u << rows[r].k;
            lit *lx = build(f, &x, LIGHT_BIT(rows[r].l) | LIGHT_BIT(LIGHT_VISIBLE));
            const char *id = defect_get(rows[r].k)->id;
            const doc_item *d = item(lx->truth.defects, lx->truth.n_defects, id);
            if (!d) fail_msg("%s: %s not in the truth", t.id, id);
            box where = {0, 0, lg->truth.w, lg->truth.h};
            if (rows[r].feature) {
                const doc_item *ft =
                    item(lg->truth.features, lg->truth.n_features, rows[r].feature);
                assert_non_null(ft);
                where = (box){ft->x, ft->y, ft->w, ft->h};
                assert_true(d->x == ft->x && d->y == ft->y && d->w == ft->w && d->h == ft->h);
            }
            const bl_image *a = &lg->img[rows[r].l], *b = &lx->img[rows[r].l];
            long in = diff_in(a, b, where, 16);
            if (in < 40)
                fail_msg("%s: %s does not show under %s (%ld px)", t.id, id, light_name(rows[r].l),
                         in);
            long vis = diff_all(&lg->img[LIGHT_VISIBLE], &lx->img[LIGHT_VISIBLE], 0);
            if (!(defect_get(rows[r].k)->lights & LIGHT_BIT(LIGHT_VISIBLE)) &&
                /* ordinary paper is whiter, and fibres are faintly coloured in daylight */
                rows[r].k != DEFECT_COUNTERFEIT_PAPER && rows[r].k != DEFECT_FIBRES_MISSING && vis)
                fail_msg("%s: %s changes white light (%ld px)", t.id, id, vis);
            lit_free(lx);
        }
        lit_free(lg);
    }
}

/* What a civil record has no place for is refused, naming the defect: it
 * has no MRZ, no date of expiry, no portrait and no signature of its
 * holder's; nor can an entry it does not have be altered. */
static void defects_without_a_place_are_refused(void **state) {
    fixture *f = *state;
    {
        tpl t; /* nor an altered entry the template does not have */
        load(&t, "uto-birth-certificate");
        doc_spec s = spec_of(&t, 91);
        s.dpi = 72;
        s.defects = 1u << DEFECT_DATA_ALTERATION_IR;
        snprintf(s.altered, sizeof s.altered, "text.godparent");
        matbuf mb;
        bl_err err = {0};
        doc_truth *tr = malloc(sizeof *tr);
        assert_non_null(tr);
        assert_int_equal(doc_build(&s, &f->fonts, &mb, tr, &err), -1);
        assert_non_null(strstr(err.msg, "text.godparent"));
        free(tr);
    }
    static const defect_kind none[] = {DEFECT_MRZ_CHECK_DIGIT, DEFECT_MRZ_VIZ_MISMATCH,
                                       DEFECT_EXPIRED, DEFECT_PHOTO_SUBSTITUTION,
                                       DEFECT_SIGNATURE_MISMATCH};
    for (size_t k = 0; k < N_BREEDERS; k++) {
        tpl t;
        load(&t, breeders[k].id);
        for (size_t i = 0; i < sizeof none / sizeof none[0]; i++) {
            doc_spec s = spec_of(&t, 91);
            s.dpi = 72;
            s.defects = 1u << none[i];
            matbuf mb;
            bl_err err = {0};
            doc_truth *tr = malloc(sizeof *tr);
            assert_non_null(tr);
            int rc = doc_build(&s, &f->fonts, &mb, tr, &err);
            if (rc == 0) {
                matbuf_deinit(&mb);
                fail_msg("%s accepts %s", t.id, defect_get(none[i])->id);
            }
            assert_non_null(strstr(err.msg, defect_get(none[i])->id));
            free(tr);
        }
    }
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(each_renders_under_every_light),
        cmocka_unit_test(every_text_key_takes_the_scenarios_value),
        cmocka_unit_test(defaults_fit_their_boxes),
        cmocka_unit_test(defaults_name_the_holder),
        cmocka_unit_test(an_altered_entry_shows_where_it_is),
        cmocka_unit_test(feature_defects_show_under_their_lights),
        cmocka_unit_test(defects_without_a_place_are_refused),
    };
    return cmocka_run_group_tests_name("breeder", tests, test_fonts_setup, test_fonts_teardown);
}
