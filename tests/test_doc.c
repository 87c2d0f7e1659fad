/* test_doc.c - documents as a trainee sees them: defects show only under the
 * lights where they would in reality; renders are reproducible; truth regions
 * lie on the document. */
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
#include "test_fonts.h"
#include "image.h"
#include "light.h"
#include "tpl.h"
#include "mrz.h"

#define V LIGHT_BIT(LIGHT_VISIBLE)
#define U LIGHT_BIT(LIGHT_UV)
#define I LIGHT_BIT(LIGHT_IR)
#define O LIGHT_BIT(LIGHT_OBLIQUE)
#define T LIGHT_BIT(LIGHT_TRANSMITTED)
#define C LIGHT_BIT(LIGHT_COAXIAL)

typedef struct {
    doc_fonts fonts;
    tpl passport;  /* uto-passport-td3 */
    tpl bilingual; /* qwh-passport-td3: Arabic and Latin names */
    tpl visa;      /* uto-visa-mrva: names the passport it is in */
    tpl letter;    /* uto-invitation-letter: a supporting document, stamped */
    tpl card;      /* uto-id-td1: a polycarbonate card, laser image and laminate */
} fixture;

static int setup(void **state) {
    fixture *f = calloc(1, sizeof *f);
    bl_err err = {0};
    if (test_fonts_load(&f->fonts, &err) || tpl_builtin(&f->passport, "uto-passport-td3", &err) ||
        tpl_builtin(&f->bilingual, "qwh-passport-td3", &err) ||
        tpl_builtin(&f->visa, "uto-visa-mrva", &err) ||
        tpl_builtin(&f->letter, "uto-invitation-letter", &err) ||
        tpl_builtin(&f->card, "uto-id-td1", &err)) {
        fprintf(stderr, "setup: %s\n", err.msg);
        free(f);
        return -1;
    }
    *state = f;
    return 0;
}

static int teardown(void **state) {
    fixture *f = *state;
    doc_fonts_unload(&f->fonts);
    free(f);
    return 0;
}

typedef struct {
    bl_image img[LIGHT_COUNT];
    doc_truth truth;
} rendered;

/* Renders every light of a document from its spec, tilted `tilt` degrees. */
static void render_spec_tilted(fixture *f, const doc_spec *spec, double tilt, rendered *out) {
    matbuf mb;
    bl_err err = {0};
    memset(out, 0, sizeof *out);
    int rc = doc_build(spec, &f->fonts, &mb, &out->truth, &err);
    if (rc) fprintf(stderr, "doc_build: %s\n", err.msg);
    assert_int_equal(rc, 0);
    light_scene *sc = light_scene_create(&mb, &err);
    assert_non_null(sc);
    for (int l = 0; l < LIGHT_COUNT; l++)
        assert_int_equal(light_scene_render_tilt(sc, (light_kind)l, tilt, &out->img[l], &err), 0);
    light_scene_destroy(sc);
    matbuf_deinit(&mb);
}

/* Renders every light of a document with the given defects, tilted `tilt` degrees. */
static void render_tilted(fixture *f, const tpl *t, uint64_t seed, unsigned defects,
                          unsigned imitated, double dpi, double tilt, rendered *out) {
    doc_spec spec = {.t = t,
                     .seed = seed,
                     .dpi = dpi,
                     .today = {2026, 6, 1},
                     .defects = defects,
                     .imitated = imitated};
    render_spec_tilted(f, &spec, tilt, out);
}

/* The passport's booklet (booklet.h): doc 5 its centre page, where the
 * binding's thread shows; doc 6 its first visa page with one entry stamp,
 * the stamp carrying the defects (a conflicting date is another date than
 * the genuine stamp's). */
static void render_booklet(fixture *f, int doc, unsigned defects, rendered *out) {
    doc_spec spec = {.t = &f->passport, .seed = 5, .dpi = 150, .today = {2026, 6, 1}};
    if (doc == 5) {
        spec.page = BOOKLET_CENTRE, spec.defects = defects;
    } else {
        booklet_stamp *st = &spec.stamps[0];
        spec.page = st->page = BOOKLET_FIRST_VISA, spec.n_stamps = 1;
        snprintf(st->port, sizeof st->port, "NORDAIR TERMINAL 2");
        snprintf(st->state, sizeof st->state, "UTO");
        st->post = 27, st->defects = defects;
        st->date = defects >> DEFECT_STAMP_DATE_CONFLICT & 1 ? (bl_date){2026, 6, 20}
                                                             : (bl_date){2026, 5, 10};
    }
    render_spec_tilted(f, &spec, 0, out);
}

static void render_imitated(fixture *f, const tpl *t, uint64_t seed, unsigned defects,
                            unsigned imitated, double dpi, rendered *out) {
    render_tilted(f, t, seed, defects, imitated, dpi, 0, out);
}

static void render_all(fixture *f, const tpl *t, uint64_t seed, unsigned defects, double dpi,
                       rendered *out) {
    render_imitated(f, t, seed, defects, 0, dpi, out);
}

static void release(rendered *r) {
    for (int l = 0; l < LIGHT_COUNT; l++)
        image_deinit(&r->img[l]);
}

static const doc_item *find_defect(const doc_truth *t, const char *kind) {
    for (int i = 0; i < t->n_defects; i++)
        if (!strcmp(t->defects[i].kind, kind)) return &t->defects[i];
    return NULL;
}

/* Where each defect must show (its region differs from the genuine document)
 * and where it must stay invisible (the whole image is identical). Physical
 * reasons in the comments; the table is the specification. */
static const struct {
    defect_kind k;
    light_set shows;
    light_set hidden;
    int doc;  /* 0 the passport, 1 the Arabic/Latin passport, 2 the visa, 3 a letter, 4 the card,
                 5 and 6 the passport's centre page and a visa page with a stamp (render_booklet) */
    int tilt; /* degrees: both documents seen tilted so (what changes with the angle) */
} defect_table[] = {
    /* brighteners glow at 365 nm; the forger matched the paper's tint. What
     * else ordinary paper lacks shows too: counterfeit_holds_together */
    {DEFECT_COUNTERFEIT_PAPER, U, 0, 0, 0},
    /* the emblem is printed in invisible fluorescent ink */
    {DEFECT_UV_EMBLEM_MISSING, U, V | I | O | T, 0, 0},
    {DEFECT_UV_EMBLEM_WRONG, U, V | I | O | T, 0, 0},
    /* fibres are faintly visible in white light too, but never dark in IR */
    {DEFECT_FIBRES_MISSING, U, I, 0, 0},
    /* a printed imitation is seen in reflected light and lacks the multitone */
    {DEFECT_PRINTED_WATERMARK, V | T, I, 0, 0},
    /* a dot screen of IR-transparent process ink: the loupe shows dots; IR shows nothing */
    {DEFECT_HALFTONE_PRINT, V, I, 0, 0},
    {DEFECT_PHOTO_SUBSTITUTION, V | U | I | O, 0, 0, 0},
    /* the reprinted field matches in colour and opacity; IR tells the ink,
     * raking light the scraped paper, UV the washed paper's halo */
    {DEFECT_DATA_ALTERATION_IR, I | U | O, V | T, 0, 0},
    {DEFECT_MRZ_VIZ_MISMATCH, V | I, 0, 0, 0},
    {DEFECT_MRZ_CHECK_DIGIT, V | I, 0, 0, 0},
    {DEFECT_EXPIRED, V, 0, 0, 0},
    {DEFECT_MICROTEXT_MISSING, V, 0, 0, 0},
    {DEFECT_MICROTEXT_BLURRED, V, 0, 0, 0},
    /* same ink, no relief: only raking light differs */
    {DEFECT_INTAGLIO_MISSING, O, V | U | I | T, 0, 0},
    /* both halves in the IR-transparent twin: the message no longer appears in IR */
    {DEFECT_METAMERIC_MISMATCH, I, V | U | O | T, 0, 0},
    /* the Latin and MRZ names no longer match the Arabic script: a reading check */
    {DEFECT_NAME_SCRIPT_MISMATCH, V | I, 0, 1, 0},
    /* another passport's number printed on the visa: read against the passport */
    {DEFECT_VISA_PASSPORT, V, 0, 2, 0},
    /* a stamp printed with a dot screen: the same ink and tone, dots under the loupe */
    {DEFECT_STAMP_COUNTERFEIT, V, 0, 3, 0},
    /* the holder's signature in another hand: compared in white light; the
     * pen's ink is IR-transparent, so neither hand shows in IR */
    {DEFECT_SIGNATURE_MISMATCH, V, I, 0, 0},
    /* even paper where the watermark belongs: only light from behind shows it */
    {DEFECT_WATERMARK_MISSING, T, V | U | I | O, 0, 0},
    /* no relief where the seal belongs: only raking light shows it (it has no ink) */
    {DEFECT_SEAL_MISSING, O, V | U | I | T, 0, 0},
    /* tilted, the foil's image changes and the print's does not; its inks
     * neither fluoresce, absorb IR nor block the light box, nor does the foil */
    {DEFECT_PRINTED_HOLOGRAM, V | O | C, U | I | T, 0, 15},
    {DEFECT_HOLOGRAM_MISSING, V | O | C, U | I | T, 0, 15},
    /* the same green ink flat; tilted (or in raking light) only the genuine
     * turns blue, the wrong pigment gold (colour_shift_matches_flat: hidden flat) */
    {DEFECT_COLOUR_SHIFT_MISSING, V | O | C, U | I | T, 0, 25},
    {DEFECT_COLOUR_SHIFT_WRONG, V | O | C, U | I | T, 0, 25},
    /* dots the colour of the holes: only the light box (no light through
     * toner) and raking light (no burred rims) tell */
    {DEFECT_PERFORATION_PRINTED, T | O, V, 0, 0},
    /* both images printed at half strength: tilted, the genuine shows one;
     * the process ink vanishes in IR, where the laser's carbon stays */
    {DEFECT_CLI_STATIC, V | O | C | I, 0, 4, 10},
    /* the laminate's beads answer only light along the line of sight */
    {DEFECT_RETRO_MISSING, C, V | U | I | O | T, 4, 0},
    /* a booklet sewn again: another thread (colour; blue-white, not yellow and
     * green, at 365 nm), stitches moved, the first sewing's holes against the light */
    {DEFECT_RESTITCHED_BOOKLET, V | U | T, 0, 5, 0},
    /* a stamp dated otherwise: read in white light; stamp ink vanishes in IR */
    {DEFECT_STAMP_DATE_CONFLICT, V, I, 6, 0},
    /* a strip of the page gone at its outer edge: its outline in white light
     * and against the light, the cut's raised fibres in raking light */
    {DEFECT_EDGE_TRIMMED, V | O | T, 0, 0, 0},
};

static void defects_show_only_under_their_lights(void **state) {
    fixture *f = *state;
    rendered *genuine = malloc(sizeof *genuine), *forged = malloc(sizeof *forged);
    rendered *genuine2 = malloc(sizeof *genuine2), *genuine3 = malloc(sizeof *genuine3);
    rendered *genuine4 = malloc(sizeof *genuine4), *tilted = malloc(sizeof *tilted);
    const tpl *docs[5] = {&f->passport, &f->bilingual, &f->visa, &f->letter, &f->card};
    render_all(f, &f->passport, 5, 0, 150, genuine);
    render_all(f, &f->bilingual, 5, 0, 150, genuine2);
    render_all(f, &f->visa, 5, 0, 150, genuine3);
    render_all(f, &f->letter, 5, 0, 150, genuine4);
    assert_int_equal(genuine->truth.n_defects, 0);
    assert_int_equal((int)(sizeof defect_table / sizeof defect_table[0]), DEFECT_COUNT);
    for (size_t i = 0; i < sizeof defect_table / sizeof defect_table[0]; i++) {
        const defect_info *d = defect_get(defect_table[i].k);
        const rendered *bases[4] = {genuine, genuine2, genuine3, genuine4};
        int dk = defect_table[i].doc, tilt = defect_table[i].tilt;
        const rendered *base = bases[dk < 4 ? dk : 0];
        if (dk >= 5) { /* a page of the booklet: the genuine page, the forged page */
            render_booklet(f, dk, 0, tilted);
            base = tilted;
            render_booklet(f, dk, 1u << defect_table[i].k, forged);
        } else {
            if (tilt || dk >= 4) { /* the genuine one seen the same way */
                render_tilted(f, docs[dk], 5, 0, 0, 150, tilt, tilted);
                base = tilted;
            }
            render_tilted(f, docs[dk], 5, 1u << defect_table[i].k, 0, 150, tilt, forged);
        }
        const doc_item *it = find_defect(&forged->truth, d->id);
        if (!it) fail_msg("defect %s is not in the truth", d->id);
        /* The truth's lights are the table's "shows". */
        if (it->lights != defect_table[i].shows)
            fail_msg("defect %s: truth lists lights %#x, expected %#x", d->id, it->lights,
                     defect_table[i].shows);
        for (int l = 0; l < LIGHT_COUNT; l++) {
            const bl_image *a = &base->img[l], *b = &forged->img[l];
            /* Shows: a clearly visible change (over 24 levels) on at least 30
             * pixels of its region. Hidden: no pixel of the whole image moves
             * by more than 2 levels. */
            if (defect_table[i].shows & LIGHT_BIT(l)) {
                long n = image_count_diff(a, b, it->x, it->y, it->w, it->h, 24);
                if (n < 30)
                    fail_msg("defect %s should show under %s: only %ld pixels of its region "
                             "change visibly",
                             d->id, light_name((light_kind)l), n);
            }
            if (defect_table[i].hidden & LIGHT_BIT(l)) {
                long n = image_count_diff(a, b, 0, 0, a->w, a->h, 2);
                if (n > 0)
                    fail_msg("defect %s should be invisible under %s: %ld pixels change", d->id,
                             light_name((light_kind)l), n);
            }
        }
        release(forged);
        if (base == tilted) release(tilted);
    }
    release(genuine);
    release(genuine2);
    release(genuine3);
    release(genuine4);
    free(tilted);
    free(genuine);
    free(genuine2);
    free(genuine3);
    free(genuine4);
    free(forged);
}

static void same_seed_same_pixels_other_seed_other_document(void **state) {
    fixture *f = *state;
    rendered *a = malloc(sizeof *a), *b = malloc(sizeof *b);
    render_all(f, &f->passport, 99, 1u << DEFECT_PHOTO_SUBSTITUTION, 100, a);
    render_all(f, &f->passport, 99, 1u << DEFECT_PHOTO_SUBSTITUTION, 100, b);
    for (int l = 0; l < LIGHT_COUNT; l++)
        assert_memory_equal(a->img[l].px, b->img[l].px, (size_t)a->img[l].w * a->img[l].h * 4);
    assert_string_equal(a->truth.mrz[1], b->truth.mrz[1]);
    release(b);
    render_all(f, &f->passport, 100, 1u << DEFECT_PHOTO_SUBSTITUTION, 100, b);
    assert_true(image_mean_diff(&a->img[0], &b->img[0], 0, 0, a->img[0].w, a->img[0].h) > 1.0);
    assert_string_not_equal(a->truth.mrz[1], b->truth.mrz[1]);
    release(a);
    release(b);
    free(a);
    free(b);
}

/* Every feature and defect lies on the document, names at least one light,
 * and the security features examiners are taught are all there. */
static void truth_regions_lie_on_the_document(void **state) {
    fixture *f = *state;
    static const char *ids[] = {"uto-passport-td3", "uto-id-td1", "uto-visa-mrva",
                                "qwh-passport-td3"};
    for (size_t k = 0; k < sizeof ids / sizeof ids[0]; k++) {
        tpl t;
        bl_err err = {0};
        assert_int_equal(tpl_builtin(&t, ids[k], &err), 0);
        rendered *r = malloc(sizeof *r);
        render_all(f, &t, 3, (1u << DEFECT_MRZ_CHECK_DIGIT) | (1u << DEFECT_EXPIRED), 100, r);
        const doc_truth *tr = &r->truth;
        assert_true(tr->n_features >= 12);
        assert_int_equal(tr->n_defects, 2);
        for (int i = 0; i < tr->n_features + tr->n_defects; i++) {
            const doc_item *it =
                i < tr->n_features ? &tr->features[i] : &tr->defects[i - tr->n_features];
            if (it->x < 0 || it->y < 0 || it->w <= 0 || it->h <= 0 || it->x + it->w > tr->w + 1 ||
                it->y + it->h > tr->h + 1)
                fail_msg("%s: %s region [%d %d %d %d] is off the %dx%d image", ids[k], it->id,
                         it->x, it->y, it->w, it->h, tr->w, tr->h);
            assert_true(it->lights != 0);
        }
        static const char *kinds[] = {"guilloche",   "microtext",      "uv_emblem",
                                      "uv_fibres",   "metameric_pair", "intaglio",
                                      "ghost_image", "portrait",       "ir_mrz"};
        for (size_t j = 0; j < sizeof kinds / sizeof kinds[0]; j++) {
            int found = 0;
            for (int i = 0; i < tr->n_features; i++)
                found |= !strcmp(tr->features[i].kind, kinds[j]);
            if (!found) fail_msg("%s has no %s feature", ids[k], kinds[j]);
        }
        release(r);
        free(r);
    }
}

/* The expired defect really dates the document before "today"; the MRZ check
 * digit defect really breaks a check digit. */
/* On a bilingual document the MRZ carries the Latin name of the visual zone,
 * as issuing states print it (docs/mrz.md); the mismatch defect gives the
 * Latin zone and the MRZ another person's name, while the Arabic script,
 * which a forger could not write, still names the holder. */
static void bilingual_mrz_carries_the_latin_name(void **state) {
    fixture *f = *state;
    rendered *r = malloc(sizeof *r);
    for (uint64_t seed = 1; seed <= 6; seed++) {
        render_all(f, &f->bilingual, seed, 0, 72, r);
        const doc_holder *h = &r->truth.holder;
        assert_true(h->surname_native[0] && h->given_names_native[0]);
        mrz_fields mf = {0};
        char lines[3][45], want[300], native[128], genuine[48];
        int n;
        bl_err err = {0};
        snprintf(mf.document_code, sizeof mf.document_code, "P");
        snprintf(mf.issuing_state, sizeof mf.issuing_state, "QWH");
        snprintf(mf.surname, sizeof mf.surname, "%s", h->surname);
        snprintf(mf.given_names, sizeof mf.given_names, "%s", h->given_names);
        snprintf(mf.document_number, sizeof mf.document_number, "%s", h->document_number);
        snprintf(mf.nationality, sizeof mf.nationality, "QWH");
        snprintf(mf.sex, sizeof mf.sex, "%s", h->sex);
        snprintf(mf.birth_date, sizeof mf.birth_date, "900101");
        snprintf(mf.expiry_date, sizeof mf.expiry_date, "300101");
        assert_int_equal(mrz_make(MRZ_TD3, &mf, lines, &n, &err), 0);
        snprintf(want, sizeof want, "%s", lines[0]);
        if (strcmp(r->truth.mrz[0], want) != 0)
            fail_msg("seed %d: MRZ %s is not the Latin name's %s", (int)seed, r->truth.mrz[0],
                     want);
        snprintf(native, sizeof native, "%s", h->surname_native);
        snprintf(genuine, sizeof genuine, "%s", r->truth.mrz[0]);
        release(r);
        render_all(f, &f->bilingual, seed, 1u << DEFECT_NAME_SCRIPT_MISMATCH, 72, r);
        if (!strcmp(r->truth.mrz[0], genuine))
            fail_msg("seed %d: mismatch defect left the MRZ name %s", (int)seed, genuine);
        /* the MRZ still agrees with the Latin zone: both are the other person's */
        assert_non_null(strstr(r->truth.mrz[0], r->truth.holder.given_names));
        /* the Arabic-script name printed is still the true one */
        assert_string_equal(r->truth.holder.surname_native, native);
        release(r);
    }
    free(r);
}

/* A supporting document: no MRZ, no portrait; its texts come from the
 * scenario, else its template's defaults. */
static void a_letter_prints_its_texts(void **state) {
    fixture *f = *state;
    doc_spec spec = {.t = &f->letter, .seed = 3, .dpi = 100, .today = {2026, 6, 1}};
    snprintf(spec.texts[0].key, sizeof spec.texts[0].key, "until");
    snprintf(spec.texts[0].value, sizeof spec.texts[0].value, "09 JUN 2026");
    spec.n_texts = 1;
    doc_spec plain = spec;
    plain.n_texts = 0;
    matbuf a, b;
    doc_truth *ta = malloc(sizeof *ta), *tb = malloc(sizeof *tb);
    bl_err err = {0};
    assert_int_equal(doc_build(&spec, &f->fonts, &a, ta, &err), 0);
    assert_int_equal(doc_build(&plain, &f->fonts, &b, tb, &err), 0);
    assert_int_equal(ta->mrz_lines, 0);
    for (int i = 0; i < ta->n_features; i++)
        assert_string_not_equal(ta->features[i].kind, "portrait");
    /* the "until" field differs, the rest is the same paper */
    const tpl_field *u = tpl_field_of(&f->letter, "text.until");
    assert_non_null(u);
    int ux = (int)(u->x * a.px_per_mm), uy = (int)((u->y + 1) * a.px_per_mm), differ = 0;
    for (int y = uy; y < uy + (int)(4 * a.px_per_mm); y++)
        for (int x = ux; x < ux + (int)(40 * a.px_per_mm); x++)
            differ += a.cov[LAYER_FG][(size_t)y * a.w + x] != b.cov[LAYER_FG][(size_t)y * b.w + x];
    assert_true(differ > 20);
    matbuf_deinit(&a);
    matbuf_deinit(&b);
    free(ta);
    free(tb);
}

static void data_defects_change_the_data(void **state) {
    fixture *f = *state;
    rendered *r = malloc(sizeof *r);
    render_all(f, &f->passport, 8, 1u << DEFECT_EXPIRED, 100, r);
    assert_true(date_to_days(r->truth.holder.expiry) < date_to_days((bl_date){2026, 6, 1}));
    release(r);
    render_all(f, &f->passport, 8, 0, 100, r);
    assert_true(date_to_days(r->truth.holder.expiry) >= date_to_days((bl_date){2026, 6, 1}));
    char good[48];
    strcpy(good, r->truth.mrz[1]);
    release(r);
    render_all(f, &f->passport, 8, 1u << DEFECT_MRZ_CHECK_DIGIT, 100, r);
    assert_string_not_equal(good, r->truth.mrz[1]);
    assert_int_equal(memcmp(good, r->truth.mrz[1], 9), 0); /* same number, other check digit */
    assert_true(good[9] != r->truth.mrz[1][9]);
    release(r);
    free(r);
}

/* A counterfeit on ordinary paper lacks, on its own, everything the genuine
 * paper and printer make (defect.h: defect_counterfeit_implies): each
 * missing feature is in the truth as following from the counterfeit and
 * shows under its light; what the forger imitated is not missing, and
 * then the lights that only those features answer do not move at all. */
/* Pixels that differ by more than 2 levels outside the items' regions. */
static long diff_outside(const bl_image *a, const bl_image *b, const doc_item *const *it, int n) {
    long out = 0;
    for (int y = 0; y < a->h; y++)
        for (int x = 0; x < a->w; x++) {
            int inside = 0;
            for (int k = 0; k < n; k++)
                inside |= x >= it[k]->x && y >= it[k]->y && x < it[k]->x + it[k]->w &&
                          y < it[k]->y + it[k]->h;
            const uint8_t *p = a->px + ((size_t)y * a->w + x) * 4, *q = b->px + (p - a->px);
            if (!inside && (abs(p[0] - q[0]) > 2 || abs(p[1] - q[1]) > 2 || abs(p[2] - q[2]) > 2))
                out++;
        }
    return out;
}

static void counterfeit_holds_together(void **state) {
    fixture *f = *state;
    rendered *g = malloc(sizeof *g), *c = malloc(sizeof *c);
    render_all(f, &f->passport, 5, 0, 150, g);
    render_all(f, &f->passport, 5, 1u << DEFECT_COUNTERFEIT_PAPER, 150, c);
    static const struct {
        defect_kind k;
        light_set shows;
    } lacks[] = {{DEFECT_WATERMARK_MISSING, T},
                 {DEFECT_FIBRES_MISSING, U},
                 {DEFECT_UV_EMBLEM_MISSING, U},
                 {DEFECT_INTAGLIO_MISSING, O},
                 {DEFECT_SEAL_MISSING, O},
                 {DEFECT_METAMERIC_MISMATCH, I},
                 {DEFECT_HOLOGRAM_MISSING, V | O | C},
                 {DEFECT_COLOUR_SHIFT_MISSING, O},
                 {DEFECT_PERFORATION_PRINTED, T | O}};
    for (size_t i = 0; i < sizeof lacks / sizeof lacks[0]; i++) {
        const char *id = defect_get(lacks[i].k)->id;
        const doc_item *it = find_defect(&c->truth, id);
        if (!it) fail_msg("a counterfeit on ordinary paper should lack it: %s", id);
        assert_string_equal(it->of, "counterfeit_paper");
        /* its lights are the defect's; the table lists those that show it flat */
        assert_int_equal(it->lights, defect_get(lacks[i].k)->lights);
        for (int l = 0; l < LIGHT_COUNT; l++)
            if (lacks[i].shows & LIGHT_BIT(l) &&
                image_count_diff(&g->img[l], &c->img[l], it->x, it->y, it->w, it->h, 24) < 30)
                fail_msg("%s should show under %s", id, light_name((light_kind)l));
    }
    /* the paper itself is not "missing" anything: it stands alone */
    assert_string_equal(find_defect(&c->truth, "counterfeit_paper")->of, "");
    release(c);
    /* every feature imitated: only the paper, the watermark and the
     * hologram printed, the wrong colour shift, and the holes printed (no
     * printer makes a hole) */
    unsigned all = IMITATED_WATERMARK | IMITATED_FIBRES | IMITATED_UV | IMITATED_INTAGLIO |
                   IMITATED_SEAL | IMITATED_IR | IMITATED_HOLOGRAM | IMITATED_COLOUR_SHIFT;
    render_imitated(f, &f->passport, 5, 1u << DEFECT_COUNTERFEIT_PAPER, all, 150, c);
    assert_int_equal(c->truth.n_defects, 5);
    assert_non_null(find_defect(&c->truth, "counterfeit_paper"));
    assert_string_equal(find_defect(&c->truth, "printed_watermark")->of, "counterfeit_paper");
    assert_string_equal(find_defect(&c->truth, "printed_hologram")->of, "counterfeit_paper");
    assert_string_equal(find_defect(&c->truth, "colour_shift_wrong")->of, "counterfeit_paper");
    assert_string_equal(find_defect(&c->truth, "perforation_printed")->of, "counterfeit_paper");
    assert_null(find_defect(&c->truth, "hologram_missing"));
    assert_null(find_defect(&c->truth, "colour_shift_missing"));
    /* nothing lacking shows in infrared but the printed holes (toner is
     * carbon; a hole shows the page beneath); in raking light only the
     * watermark's place moves (true watermarks have a faint relief of
     * their own, which a printed one lacks), and the OVD's and the holes' */
    const doc_item *pf = find_defect(&c->truth, "perforation_printed");
    const bl_image *gi = &g->img[LIGHT_IR], *ci = &c->img[LIGHT_IR];
    assert_int_equal(image_count_diff(gi, ci, 0, 0, gi->w, gi->h, 2),
                     image_count_diff(gi, ci, pf->x, pf->y, pf->w, pf->h, 2));
    const doc_item *wm = find_defect(&c->truth, "printed_watermark");
    const doc_item *ho = find_defect(&c->truth, "printed_hologram");
    const doc_item *cs = find_defect(&c->truth, "colour_shift_wrong");
    const doc_item *moved[4] = {wm, ho, cs, pf};
    assert_int_equal(diff_outside(&g->img[LIGHT_OBLIQUE], &c->img[LIGHT_OBLIQUE], moved, 4), 0);
    release(c);
    /* a wrong UV emblem is the forger's own: not also a missing one */
    render_all(f, &f->passport, 5, 1u << DEFECT_COUNTERFEIT_PAPER | 1u << DEFECT_UV_EMBLEM_WRONG,
               150, c);
    assert_null(find_defect(&c->truth, "uv_emblem_missing"));
    assert_string_equal(find_defect(&c->truth, "uv_emblem_wrong")->of, "");
    release(c);
    /* a counterfeit card: its laser image printed, no laminate pattern */
    render_all(f, &f->card, 5, 1u << DEFECT_COUNTERFEIT_PAPER, 150, c);
    assert_string_equal(find_defect(&c->truth, "cli_static")->of, "counterfeit_paper");
    assert_string_equal(find_defect(&c->truth, "retroreflective_missing")->of, "counterfeit_paper");
    assert_null(find_defect(&c->truth, "perforation_printed")); /* a card has none */
    release(c);
    /* a template without a feature lacks nothing there (and builds: no
     * "defect without a place" error) */
    const tpl *docs[2] = {&f->visa, &f->letter};
    for (int d = 0; d < 2; d++) {
        if (d) release(c);
        render_all(f, docs[d], 5, 1u << DEFECT_COUNTERFEIT_PAPER, 150, c);
        if (!tpl_feature_of(docs[d], "emboss")) assert_null(find_defect(&c->truth, "seal_missing"));
        if (!tpl_feature_of(docs[d], "watermark"))
            assert_null(find_defect(&c->truth, "watermark_missing"));
    }
    release(c);
    release(g);
    free(g);
    free(c);
}

static const doc_item *find_feature(const doc_truth *t, const char *kind) {
    for (int i = 0; i < t->n_features; i++)
        if (!strcmp(t->features[i].kind, kind)) return &t->features[i];
    return NULL;
}

/* A photo put in later breaks what was laid across the old one at its
 * edge: the dry seal's relief and the UV overprint stop at the new photo,
 * and continue unchanged beyond it. */
static void a_substituted_photo_breaks_what_crossed_it(void **state) {
    fixture *f = *state;
    rendered *g = malloc(sizeof *g), *c = malloc(sizeof *c);
    render_all(f, &f->passport, 5, 0, 150, g);
    render_all(f, &f->passport, 5, 1u << DEFECT_PHOTO_SUBSTITUTION, 150, c);
    const doc_item *ph = find_feature(&g->truth, "portrait");
    static const struct {
        const char *kind;
        light_kind light;
    } crossing[] = {{"emboss", LIGHT_OBLIQUE}, {"uv_overprint", LIGHT_UV}};
    for (int k = 0; k < 2; k++) {
        const doc_item *x = find_feature(&g->truth, crossing[k].kind);
        assert_non_null(x);
        const bl_image *a = &g->img[crossing[k].light], *b = &c->img[crossing[k].light];
        /* where it crosses the photo: broken */
        int x0 = x->x > ph->x ? x->x : ph->x, y0 = x->y > ph->y ? x->y : ph->y;
        int x1 = ph->x + ph->w, y1 = ph->y + ph->h;
        assert_true(x1 > x0 && y1 > y0); /* the template lays it across the photo's corner */
        long inside = image_count_diff(a, b, x0 + 3, y0 + 3, x1 - x0 - 6, y1 - y0 - 6, 24);
        if (inside < 30)
            fail_msg("%s: only %ld pixels change where it crosses the substituted photo",
                     crossing[k].kind, inside);
        /* beyond the photo and its new laminate's edge: as it was */
        int m = 4;
        long right = image_count_diff(a, b, x1 + m, x->y, x->x + x->w - x1 - m, x->h, 2);
        long below = image_count_diff(a, b, x->x, y1 + m, x->w, x->y + x->h - y1 - m, 2);
        if (right || below)
            fail_msg("%s changed beyond the photo: %ld and %ld pixels", crossing[k].kind, right,
                     below);
    }
    release(g);
    release(c);
    free(g);
    free(c);
}

typedef struct {
    int x, y, w, h;
} px_rect;

/* Correlation of two images' brightness in a rectangle, averaged over
 * blocks of n x n px. */
static double block_correlation(const bl_image *a, const bl_image *b, px_rect r, int n) {
    double sa = 0, sb = 0, saa = 0, sbb = 0, sab = 0;
    long k = 0;
    for (int by = r.y; by + n <= r.y + r.h; by += n)
        for (int bx = r.x; bx + n <= r.x + r.w; bx += n) {
            double ma = 0, mb = 0;
            for (int y = by; y < by + n; y++)
                for (int x = bx; x < bx + n; x++) {
                    ma += a->px[((size_t)y * a->w + x) * 4 + 1];
                    mb += b->px[((size_t)y * b->w + x) * 4 + 1];
                }
            sa += ma, sb += mb, saa += ma * ma, sbb += mb * mb, sab += ma * mb, k++;
        }
    double cov = sab / k - sa / k * sb / k;
    return cov / sqrt((saa / k - sa / k * sa / k) * (sbb / k - sb / k * sb / k));
}

/* A dot-screen copy keeps the design's line pattern, built from dots: at a
 * quarter of a millimetre it follows the genuine lines (a uniform screen
 * would not correlate at all), while pixel for pixel it is dots. */
static void halftone_keeps_the_line_pattern(void **state) {
    fixture *f = *state;
    rendered *g = malloc(sizeof *g), *c = malloc(sizeof *c);
    render_all(f, &f->passport, 5, 0, 300, g);
    render_all(f, &f->passport, 5, 1u << DEFECT_HALFTONE_PRINT, 300, c);
    const bl_image *a = &g->img[LIGHT_VISIBLE], *b = &c->img[LIGHT_VISIBLE];
    /* guilloche alone, between the expiry date and the see-through register */
    const double ppm = 300 / 25.4;
    px_rect r = {(int)(106 * ppm), (int)(50 * ppm), (int)(14 * ppm), (int)(7 * ppm)};
    double coarse = block_correlation(a, b, r, 3); /* 3 px at 300 dpi: 0.25 mm */
    double fine = block_correlation(a, b, r, 1);
    print_message("halftone vs genuine: correlation %.2f at 0.25 mm, %.2f per pixel\n", coarse,
                  fine);
    assert_true(coarse > 0.5);
    assert_true(fine < coarse);
    release(g);
    release(c);
    free(g);
    free(c);
}

/* Ink pixels of a layer in a window with no inked 8-neighbour (a speck),
 * and of those how many have ink within 6 px on their left side only. */
static void specks(const matbuf *mb, int layer, px_rect r, int *n, int *left_only) {
    *n = *left_only = 0;
    for (int y = r.y + 7; y < r.y + r.h - 7; y++)
        for (int x = r.x + 7; x < r.x + r.w - 7; x++) {
            if (!mb->cov[layer][matbuf_at(mb, x, y)]) continue;
            int alone = 1, left = 0, right = 0;
            for (int dy = -1; dy <= 1; dy++)
                for (int dx = -1; dx <= 1; dx++)
                    if ((dx || dy) && mb->cov[layer][matbuf_at(mb, x + dx, y + dy)]) alone = 0;
            if (!alone) continue;
            ++*n;
            for (int d = 2; d <= 6; d++)
                for (int e = -d; e <= d; e++) {
                    left |= mb->cov[layer][matbuf_at(mb, x - d, y + e)] > 160;
                    right |= mb->cov[layer][matbuf_at(mb, x + d, y + e)] > 160;
                }
            *left_only += left && !right;
        }
}

/* The separate pieces of a layer's ink in a window (4-connected): a few
 * for line work that crosses itself, many for a screen's dots. */
static int ink_pieces(const matbuf *mb, int layer, px_rect r) {
    size_t n = (size_t)r.w * r.h;
    uint8_t *seen = calloc(n, 1);
    int *stack = malloc(n * sizeof *stack), pieces = 0;
    for (size_t s0 = 0; s0 < n; s0++) {
        int x0 = r.x + (int)(s0 % r.w), y0 = r.y + (int)(s0 / r.w);
        if (seen[s0] || mb->cov[layer][matbuf_at(mb, x0, y0)] <= 60) continue;
        pieces++;
        int top = 0;
        stack[top++] = (int)s0, seen[s0] = 1;
        while (top) {
            int i = stack[--top], x = i % r.w, y = i / r.w;
            static const int d4[4][2] = {{1, 0}, {-1, 0}, {0, 1}, {0, -1}};
            for (int k = 0; k < 4; k++) {
                int X = x + d4[k][0], Y = y + d4[k][1];
                if (X < 0 || Y < 0 || X >= r.w || Y >= r.h) continue;
                size_t j = (size_t)Y * r.w + X;
                if (!seen[j] && mb->cov[layer][matbuf_at(mb, r.x + X, r.y + Y)] > 60)
                    seen[j] = 1, stack[top++] = (int)j;
            }
        }
    }
    free(stack);
    free(seen);
    return pieces;
}

/* A forger's printer shows under the loupe (1200 dpi, 21 microns a pixel,
 * around the surname): toner spatter and satellite droplets are specks
 * apart from the letters, the droplets trailing to the right of them (the
 * head's travel); the genuine print has none. A copier breaks the
 * background's lines into its screen's dots. */
static void a_forgers_printer_shows_under_the_loupe(void **state) {
    fixture *f = *state;
    const tpl_field *sn = tpl_field_of(&f->passport, "surname");
    assert_non_null(sn);
    const double ppm = 1200 / 25.4;
    px_rect r = {(int)(sn->x * ppm), (int)((sn->y + 0.5) * ppm), (int)(25 * ppm),
                 (int)((sn->size_mm + 1.5) * ppm)};
    int n[PRINTER_COUNT], left[PRINTER_COUNT], bg[PRINTER_COUNT], bg_left;
    int pieces[PRINTER_COUNT];
    for (int p = PRINTER_NONE; p < PRINTER_COUNT; p++) {
        doc_spec spec = {.t = &f->passport,
                         .seed = 5,
                         .dpi = 1200,
                         .today = {2026, 6, 1},
                         .defects = p ? 1u << DEFECT_COUNTERFEIT_PAPER : 0,
                         .printer = p};
        matbuf mb;
        bl_err err = {0};
        if (doc_build_region(&spec, &f->fonts, r.x - 8, r.y - 8, r.w + 16, r.h + 16, &mb, NULL,
                             &err) != 0)
            fail_msg("%s", err.msg);
        specks(&mb, LAYER_FG, r, &n[p], &left[p]);
        specks(&mb, LAYER_BG, r, &bg[p], &bg_left);
        pieces[p] = ink_pieces(&mb, LAYER_BG, r);
        matbuf_deinit(&mb);
        print_message("%s: %d specks by the letters (%d trailing right), %d in the background, "
                      "its lines in %d pieces\n",
                      p ? doc_printer_name(p) : "genuine", n[p], left[p], bg[p], pieces[p]);
    }
    assert_true(n[PRINTER_NONE] <= 2);
    assert_true(n[PRINTER_LASER] >= 20);
    assert_true(n[PRINTER_INKJET] >= 20);
    /* spatter falls all round; satellites trail the drops */
    double inkjet = (double)left[PRINTER_INKJET] / n[PRINTER_INKJET];
    double laser = (double)left[PRINTER_LASER] / n[PRINTER_LASER];
    assert_true(inkjet > 0.6 && inkjet > laser + 0.2);
    assert_true(pieces[PRINTER_COPIER] > 3 * pieces[PRINTER_NONE]); /* lines become dots */
}

/* Physical sanity of the lights on plain paper: security paper is dull under
 * UV, brightened paper glows; IR is grey; transmitted shows the watermark. */
static void lights_answer_materials(void **state) {
    fixture *f = *state;
    rendered *g = malloc(sizeof *g), *c = malloc(sizeof *c);
    render_all(f, &f->passport, 2, 0, 100, g);
    render_all(f, &f->passport, 2, 1u << DEFECT_COUNTERFEIT_PAPER, 100, c);
    /* a patch of margin near the bottom right corner */
    int x = g->img[0].w - 30, y = g->img[0].h - 12;
    const uint8_t *pg = g->img[LIGHT_UV].px + ((size_t)y * g->img[0].w + x) * 4;
    const uint8_t *pc = c->img[LIGHT_UV].px + ((size_t)y * c->img[0].w + x) * 4;
    assert_true(pg[0] + pg[1] + pg[2] < 200); /* dull */
    assert_true(pc[0] + pc[1] + pc[2] > 300); /* glows */
    assert_true(pc[2] > pc[0]);               /* blue-white */
    const uint8_t *ir = g->img[LIGHT_IR].px + ((size_t)y * g->img[0].w + x) * 4;
    assert_true(ir[0] == ir[1] && ir[1] == ir[2]); /* monochrome */
    /* The watermark differs from plain paper only under transmitted light. */
    const doc_item *wm = NULL;
    for (int i = 0; i < g->truth.n_features; i++)
        if (!strcmp(g->truth.features[i].kind, "watermark")) wm = &g->truth.features[i];
    assert_non_null(wm);
    assert_int_equal(wm->lights, T);
    release(g);
    release(c);
    free(g);
    free(c);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(defects_show_only_under_their_lights),
        cmocka_unit_test(same_seed_same_pixels_other_seed_other_document),
        cmocka_unit_test(truth_regions_lie_on_the_document),
        cmocka_unit_test(a_letter_prints_its_texts),
        cmocka_unit_test(data_defects_change_the_data),
        cmocka_unit_test(bilingual_mrz_carries_the_latin_name),
        cmocka_unit_test(lights_answer_materials),
        cmocka_unit_test(counterfeit_holds_together),
        cmocka_unit_test(a_substituted_photo_breaks_what_crossed_it),
        cmocka_unit_test(halftone_keeps_the_line_pattern),
        cmocka_unit_test(a_forgers_printer_shows_under_the_loupe),
    };
    return cmocka_run_group_tests_name("doc", tests, setup, teardown);
}
