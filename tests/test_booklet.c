/* test_booklet.c - a passport as a booklet (booklet.h, doc_booklet.c,
 * doc_entry_stamp.c): where stamps go, which routes hold together, and
 * what the pages show under the lights: the binding's thread at the
 * centre, a restitched booklet's thread and extra holes, the perforated
 * page number, an entry stamp stamped or printed. */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "booklet.h"
#include "doc.h"
#include "light.h"
#include "test_fonts.h"

typedef struct {
    doc_fonts fonts;
    tpl passport, visa;
} fixture;

static int setup(void **state) {
    fixture *f = calloc(1, sizeof *f);
    bl_err err = {0};
    if (!f || test_fonts_load(&f->fonts, &err) ||
        tpl_builtin(&f->passport, "uto-passport-td3", &err) ||
        tpl_builtin(&f->visa, "uto-visa-mrva", &err)) {
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

static booklet_stamp stamp(const char *state, const char *date, int exit) {
    booklet_stamp s;
    memset(&s, 0, sizeof s);
    snprintf(s.port, sizeof s.port, "NORDAIR TERMINAL 2");
    snprintf(s.state, sizeof s.state, "%s", state);
    assert_int_equal(date_parse_iso(date, &s.date), 0);
    s.exit = exit;
    return s;
}

/* ------------------------------------------------------------ placement */

static void stamps_fill_the_visa_pages_around_the_visas(void **state) {
    (void)state;
    booklet_stamp s[BOOKLET_MAX_STAMPS];
    for (int i = 0; i < 14; i++)
        s[i] = stamp("UTO", "2026-05-10", i & 1);
    s[13].page = BOOKLET_FIRST_VISA + 3; /* asked for: page 7 */
    unsigned visa = 1u << (BOOKLET_FIRST_VISA + 1);
    assert_int_equal(booklet_place(s, 14, visa, 42, NULL), 0);
    for (int i = 0; i < 6; i++) /* six to the first visa page, in the order travelled */
        assert_int_equal(s[i].page, BOOKLET_FIRST_VISA), assert_int_equal(s[i].slot, i);
    for (int i = 6; i < 12; i++) /* the next page holds the visa: the one after */
        assert_int_equal(s[i].page, BOOKLET_FIRST_VISA + 2);
    assert_int_equal(s[12].page, BOOKLET_FIRST_VISA + 3);
    assert_int_equal(s[13].page, BOOKLET_FIRST_VISA + 3), assert_int_equal(s[13].slot, 1);
    /* the first visa page is full: a stamp asked there finds no room */
    int bad = -1;
    for (int i = 0; i < 14; i++)
        s[i].page = 0, s[i].slot = 0;
    s[6].page = BOOKLET_FIRST_VISA;
    assert_int_equal(booklet_place(s, 7, visa, 42, &bad), -1);
    assert_int_equal(bad, 6);
    for (int i = 0; i < 6; i++) /* border posts drawn from the seed, in 1..120 */
        assert_true(s[i].post >= 1 && s[i].post <= 120);
}

static void stamps_stay_in_their_slot_on_the_page(void **state) {
    (void)state;
    booklet_stamp s[BOOKLET_SLOTS];
    for (int i = 0; i < BOOKLET_SLOTS; i++)
        s[i] = stamp("UTO", "2026-05-10", 0);
    assert_int_equal(booklet_place(s, BOOKLET_SLOTS, 0, 7, NULL), 0);
    double r[BOOKLET_SLOTS][4];
    for (int i = 0; i < BOOKLET_SLOTS; i++) {
        booklet_stamp_rect(&s[i], i, 7, 125, 88, r[i]);
        assert_true(r[i][0] >= 0 && r[i][0] + r[i][2] <= 125);
        assert_true(r[i][1] >= BOOKLET_FOLD_MM && r[i][1] + r[i][3] <= 88 - 5); /* the number */
        for (int j = 0; j < i; j++)                                             /* no two overlap */
            assert_true(r[i][0] >= r[j][0] + r[j][2] || r[j][0] >= r[i][0] + r[i][2] ||
                        r[i][1] >= r[j][1] + r[j][3] || r[j][1] >= r[i][1] + r[i][3]);
    }
}

/* ------------------------------------------------------------ the route */

static const bl_date today = {2026, 6, 1};

static int problems(const booklet_stamp *s, int n, const booklet_terms *t, int *first) {
    booklet_problem p[8];
    int k = booklet_route_check(s, n, t, today, p, 8);
    if (k > 0 && first) *first = p[0].stamp;
    for (int i = 0; i < k && i < 8; i++)
        print_message("    %d: %s\n", p[i].stamp + 1, p[i].msg);
    return k;
}

static void a_route_that_holds_together_passes(void **state) {
    (void)state;
    booklet_stamp s[] = {stamp("QWH", "2026-04-01", 1), stamp("UTO", "2026-04-01", 0),
                         stamp("UTO", "2026-04-20", 1), stamp("QNV", "2026-04-20", 0),
                         stamp("QNV", "2026-05-30", 1)};
    booklet_terms t = {"UTO", "MULT", 30, {2026, 3, 1}, {2026, 9, 1}};
    assert_int_equal(problems(s, 5, &t, NULL), 0);
}

static void a_route_against_itself_is_reported_on_its_stamp(void **state) {
    (void)state;
    int first = -1;
    /* an exit before its entry */
    booklet_stamp a[] = {stamp("UTO", "2026-05-10", 0), stamp("UTO", "2026-05-03", 1)};
    assert_int_equal(problems(a, 2, NULL, &first), 1);
    assert_int_equal(first, 1);
    /* overlapping stays: into Nordavia while still in Utopia */
    booklet_stamp b[] = {stamp("UTO", "2026-05-01", 0), stamp("QNV", "2026-05-05", 0)};
    assert_int_equal(problems(b, 2, NULL, &first), 1);
    assert_int_equal(first, 1);
    /* out of a state they were not in, and two exits in a row */
    booklet_stamp c[] = {stamp("UTO", "2026-05-01", 0), stamp("QNV", "2026-05-05", 1)};
    assert_int_equal(problems(c, 2, NULL, NULL), 1);
    booklet_stamp d[] = {stamp("UTO", "2026-05-01", 1), stamp("UTO", "2026-05-05", 1)};
    assert_int_equal(problems(d, 2, NULL, &first), 1);
    assert_int_equal(first, 1);
    /* a stamp dated after today */
    booklet_stamp e[] = {stamp("UTO", "2026-06-02", 0)};
    assert_int_equal(problems(e, 1, NULL, NULL), 1);
    /* a first exit alone is not a contradiction (entered on an older passport) */
    booklet_stamp g[] = {stamp("QWH", "2026-05-01", 1)};
    assert_int_equal(problems(g, 1, NULL, NULL), 0);
}

static void a_route_against_the_visa_is_reported(void **state) {
    (void)state;
    booklet_terms t = {"UTO", "1", 30, {2026, 4, 1}, {2026, 8, 1}};
    int first = -1;
    /* an entry before the visa's validity */
    booklet_stamp a[] = {stamp("UTO", "2026-03-20", 0)};
    assert_int_equal(problems(a, 1, &t, NULL), 1);
    /* a second entry on a single-entry visa */
    booklet_stamp b[] = {stamp("UTO", "2026-04-02", 0), stamp("UTO", "2026-04-10", 1),
                         stamp("UTO", "2026-05-02", 0)};
    assert_int_equal(problems(b, 3, &t, &first), 1);
    assert_int_equal(first, 2);
    /* 31 days on a 30-day stay, counting both ends */
    booklet_stamp c[] = {stamp("UTO", "2026-04-02", 0), stamp("UTO", "2026-05-02", 1)};
    assert_int_equal(problems(c, 2, &t, &first), 1);
    assert_int_equal(first, 1);
    c[1].date = (bl_date){2026, 5, 1}; /* 30 days: kept */
    assert_int_equal(problems(c, 2, &t, NULL), 0);
    /* another state's stamps answer to no visa of Utopia's */
    booklet_stamp d[] = {stamp("QNV", "2026-01-02", 0), stamp("QNV", "2026-05-02", 1)};
    assert_int_equal(problems(d, 2, &t, NULL), 0);
}

static void a_stamp_marked_as_the_defect_is_not_reported(void **state) {
    (void)state;
    booklet_stamp a[] = {stamp("UTO", "2026-05-10", 0), stamp("UTO", "2026-05-03", 1)};
    a[1].defects = 1u << DEFECT_STAMP_DATE_CONFLICT;
    assert_int_equal(problems(a, 2, NULL, NULL), 0);
    a[1].defects = 0, a[0].defects = 1u << DEFECT_STAMP_DATE_CONFLICT; /* the one it contradicts */
    assert_int_equal(problems(a, 2, NULL, NULL), 0);
    a[0].defects = 1u << DEFECT_STAMP_COUNTERFEIT; /* another defect excuses nothing */
    assert_int_equal(problems(a, 2, NULL, NULL), 1);
}

/* ------------------------------------------------------------ the pages */

typedef struct {
    bl_image img[LIGHT_COUNT];
    doc_truth truth;
    matbuf mb;
} page;

static void build(fixture *f, const doc_spec *spec, page *out) {
    bl_err err = {0};
    memset(out, 0, sizeof *out);
    if (doc_build(spec, &f->fonts, &out->mb, &out->truth, &err)) fail_msg("%s", err.msg);
    light_scene *sc = light_scene_create(&out->mb, &err);
    assert_non_null(sc);
    for (int l = 0; l < LIGHT_COUNT; l++)
        assert_int_equal(light_scene_render(sc, (light_kind)l, &out->img[l], &err), 0);
    light_scene_destroy(sc);
}

static void release(page *p) {
    for (int l = 0; l < LIGHT_COUNT; l++)
        image_deinit(&p->img[l]);
    matbuf_deinit(&p->mb);
}

static const doc_item *item(const doc_item *it, int n, const char *kind) {
    for (int i = 0; i < n; i++)
        if (!strcmp(it[i].kind, kind)) return &it[i];
    return NULL;
}

/* Mean of channel c over a region of an image. */
static double mean(const bl_image *im, int x, int y, int w, int h, int c) {
    double s = 0;
    for (int j = y; j < y + h; j++)
        for (int i = x; i < x + w; i++)
            s += im->px[((size_t)j * im->w + i) * 4 + c];
    return s / ((double)w * h);
}

/* Pixels of a region brighter than `level` in all three channels. */
static long bright(const bl_image *im, int x, int y, int w, int h, int level) {
    long n = 0;
    for (int j = y; j < y + h; j++)
        for (int i = x; i < x + w; i++) {
            const uint8_t *p = &im->px[((size_t)j * im->w + i) * 4];
            n += p[0] > level && p[1] > level && p[2] > level;
        }
    return n;
}

static void the_thread_shows_at_the_centre_and_a_restitched_one_glows_wrong(void **state) {
    fixture *f = *state;
    doc_spec spec = {.t = &f->passport, .seed = 9, .dpi = 300, .today = today};
    page *g = malloc(sizeof *g), *r = malloc(sizeof *r);
    spec.page = BOOKLET_CENTRE;
    build(f, &spec, g);
    spec.defects = 1u << DEFECT_RESTITCHED_BOOKLET;
    build(f, &spec, r);
    const doc_item *th = item(g->truth.features, g->truth.n_features, "booklet_thread");
    assert_non_null(th);
    assert_null(item(g->truth.defects, g->truth.n_defects, "restitched_booklet"));
    const doc_item *d = item(r->truth.defects, r->truth.n_defects, "restitched_booklet");
    assert_non_null(d);
    /* under UV the genuine thread glows yellow and green (red and green over
     * blue), the cotton blue-white (blue over red); channels are R, G, B */
    const bl_image *gu = &g->img[LIGHT_UV], *ru = &r->img[LIGHT_UV];
    int y = th->y + th->h / 2 - 1;
    double g_rb = mean(gu, th->x, y, th->w, 3, 0) - mean(gu, th->x, y, th->w, 3, 2);
    double r_rb = mean(ru, th->x, y, th->w, 3, 0) - mean(ru, th->x, y, th->w, 3, 2);
    print_message("    thread under UV: red - blue %.0f genuine, %.0f restitched\n", g_rb, r_rb);
    assert_true(g_rb > 40 && r_rb < -20);
    /* against the light, the first sewing's empty holes shine through, on
     * every page (the stitches go through them all) */
    spec.page = BOOKLET_FIRST_VISA;
    page *g2 = malloc(sizeof *g2), *r2 = malloc(sizeof *r2);
    build(f, &spec, r2);
    spec.defects = 0;
    build(f, &spec, g2);
    long gb = bright(&g2->img[LIGHT_TRANSMITTED], 0, 0, g2->img[0].w, d->h, 235);
    long rb = bright(&r2->img[LIGHT_TRANSMITTED], 0, 0, r2->img[0].w, d->h, 235);
    print_message("    holes shining through at the fold: %ld genuine, %ld restitched\n", gb, rb);
    assert_true(gb > 20 && rb > gb * 3 / 2);
    /* only the centre page records the binding's defect */
    assert_null(item(r2->truth.defects, r2->truth.n_defects, "restitched_booklet"));
    release(g), release(r), release(g2), release(r2);
    free(g), free(r), free(g2), free(r2);
}

static void the_data_page_is_the_same_whatever_the_binding(void **state) {
    fixture *f = *state;
    doc_spec spec = {.t = &f->passport, .seed = 9, .dpi = 100, .today = today};
    page *a = malloc(sizeof *a), *b = malloc(sizeof *b);
    build(f, &spec, a);
    spec.defects = 1u << DEFECT_RESTITCHED_BOOKLET; /* placed on the centre page, not here */
    build(f, &spec, b);
    for (int l = 0; l < LIGHT_COUNT; l++)
        assert_memory_equal(a->img[l].px, b->img[l].px, (size_t)a->img[l].w * a->img[l].h * 4);
    assert_null(item(b->truth.defects, b->truth.n_defects, "restitched_booklet"));
    release(a), release(b);
    free(a), free(b);
}

static void the_page_number_is_printed_and_perforated(void **state) {
    fixture *f = *state;
    doc_spec spec = {.t = &f->passport, .seed = 9, .dpi = 300, .today = today, .page = 5};
    page *p = malloc(sizeof *p);
    build(f, &spec, p);
    const doc_item *num = item(p->truth.features, p->truth.n_features, "page_number");
    const doc_item *perf = item(p->truth.features, p->truth.n_features, "page_perforation");
    assert_non_null(num), assert_non_null(perf);
    /* the holes of the perforated "7" let the light through; the print does not */
    long through = bright(&p->img[LIGHT_TRANSMITTED], perf->x, perf->y, perf->w, perf->h, 235);
    long printed = bright(&p->img[LIGHT_TRANSMITTED], num->x, num->y, num->w, num->h, 235);
    print_message("    page 7 against the light: %ld bright pixels in the perforation, %ld in "
                  "the print\n",
                  through, printed);
    assert_true(through > 30 && printed == 0);
    release(p);
    free(p);
}

/* The variance of the stamp ink's coverage over a stamp: a rubber stamp's
 * ink is nearly solid, a dot screen is all or nothing. */
static double ink_spread(const matbuf *mb, const doc_item *it) {
    double s = 0, s2 = 0;
    long n = 0;
    for (int y = it->y; y < it->y + it->h; y++)
        for (int x = it->x; x < it->x + it->w; x++) {
            double c = mb->cov[LAYER_FG][matbuf_at(mb, x, y)] / 255.0;
            if (c <= 0) continue;
            s += c, s2 += c * c, n++;
        }
    return n ? s2 / n - (s / n) * (s / n) : 0;
}

static void an_entry_stamp_printed_is_a_dot_screen(void **state) {
    fixture *f = *state;
    doc_spec spec = {.t = &f->passport, .seed = 9, .dpi = 600, .today = today};
    spec.page = spec.stamps[0].page = BOOKLET_FIRST_VISA, spec.n_stamps = 1;
    spec.stamps[0] = stamp("UTO", "2026-05-10", 0);
    spec.stamps[0].page = BOOKLET_FIRST_VISA;
    page *a = malloc(sizeof *a), *b = malloc(sizeof *b);
    build(f, &spec, a);
    spec.stamps[0].defects = 1u << DEFECT_STAMP_COUNTERFEIT;
    build(f, &spec, b);
    const doc_item *st = item(a->truth.features, a->truth.n_features, "entry_stamp");
    assert_non_null(st);
    assert_int_equal(a->truth.n_defects, 0);
    const doc_item *d = item(b->truth.defects, b->truth.n_defects, "stamp_counterfeit");
    assert_non_null(d);
    assert_memory_equal(&d->x, &st->x, 4 * sizeof(int)); /* on the stamp */
    double sa = ink_spread(&a->mb, st), sb = ink_spread(&b->mb, st);
    print_message("    stamp ink coverage variance: %.3f stamped, %.3f printed\n", sa, sb);
    assert_true(sb > 2 * sa);
    /* the ink vanishes in IR either way */
    assert_memory_equal(a->img[LIGHT_IR].px, b->img[LIGHT_IR].px,
                        (size_t)a->img[0].w * a->img[0].h * 4);
    release(a), release(b);
    free(a), free(b);
}

static void only_a_passport_has_pages(void **state) {
    fixture *f = *state;
    doc_spec spec = {.t = &f->visa, .seed = 9, .dpi = 100, .today = today, .page = 3};
    matbuf mb;
    doc_truth *tr = malloc(sizeof *tr);
    bl_err err = {0};
    assert_int_equal(doc_build(&spec, &f->fonts, &mb, tr, &err), -1);
    assert_non_null(strstr(err.msg, "only a passport has pages"));
    spec.t = &f->passport, spec.page = BOOKLET_PAGES;
    assert_int_equal(doc_build(&spec, &f->fonts, &mb, tr, &err), -1);
    free(tr);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(stamps_fill_the_visa_pages_around_the_visas),
        cmocka_unit_test(stamps_stay_in_their_slot_on_the_page),
        cmocka_unit_test(a_route_that_holds_together_passes),
        cmocka_unit_test(a_route_against_itself_is_reported_on_its_stamp),
        cmocka_unit_test(a_route_against_the_visa_is_reported),
        cmocka_unit_test(a_stamp_marked_as_the_defect_is_not_reported),
        cmocka_unit_test(the_thread_shows_at_the_centre_and_a_restitched_one_glows_wrong),
        cmocka_unit_test(the_data_page_is_the_same_whatever_the_binding),
        cmocka_unit_test(the_page_number_is_printed_and_perforated),
        cmocka_unit_test(an_entry_stamp_printed_is_a_dot_screen),
        cmocka_unit_test(only_a_passport_has_pages),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
