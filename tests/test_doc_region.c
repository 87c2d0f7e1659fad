/* test_doc_region.c - a window of the page painted on its own
 * (doc_build_region, what the loupe magnifies at up to 2400 dpi) is the
 * same as that part of the whole page: every material plane pixel for
 * pixel, and every light; and at 20x the 2400 dpi window makes 0.2 mm
 * microtext crisp where the 600 dpi page, magnified, is blurred. */
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
#include "loupe.h"
#include "test_fonts.h"
#include "tpl.h"

typedef fonts_fixture fixture;

/* Planes of window w against the same pixels of the whole page p. */
static void assert_planes_equal(const matbuf *p, const matbuf *w, const char *what) {
    assert_int_equal(p->n_inks, w->n_inks); /* the same palette, in the same order */
    assert_int_equal(p->n_subs, w->n_subs);
    assert_int_equal(p->back_ink, w->back_ink);
    for (int y = 0; y < w->h; y++)
        for (int x = 0; x < w->w; x++) {
            size_t i = (size_t)y * w->w + x, j = matbuf_at(p, w->ox + x, w->oy + y);
            int same = p->sub[j] == w->sub[i] && p->relief[j] == w->relief[i] &&
                       p->thick[j] == w->thick[i] && p->back[j] == w->back[i] &&
                       p->ovd[j] == w->ovd[i] && p->ovd_cov[j] == w->ovd_cov[i] &&
                       p->ovd_arg[j] == w->ovd_arg[i] && p->retro[j] == w->retro[i];
            for (int l = 0; l < LAYER_COUNT; l++)
                same = same && p->ink[l][j] == w->ink[l][i] && p->cov[l][j] == w->cov[l][i];
            if (!same) fail_msg("%s: page pixel %d,%d differs", what, w->ox + x, w->oy + y);
        }
}

/* Every light of the window against the same crop of the whole page's,
 * flat and tilted (the optically variable pixels).
 * Oblique light shades a pixel by its neighbours' relief: on the window's
 * own edge the neighbour outside is not there, so its outermost ring of
 * pixels is left out under that light (the loupe's tiles keep a margin for
 * this; see loupe_tiles.c). */
static void assert_lights_equal(const matbuf *p, const matbuf *w, const char *what) {
    bl_err err = {0};
    light_scene *ps = light_scene_create(p, &err), *ws = light_scene_create(w, &err);
    assert_non_null(ps);
    assert_non_null(ws);
    bl_image a = {0, 0, NULL}, b = {0, 0, NULL};
    for (int k = 0; k < LIGHT_COUNT + 1; k++) {
        /* the last pass: visible light, tilted */
        int l = k < LIGHT_COUNT ? k : LIGHT_VISIBLE;
        double tilt = k < LIGHT_COUNT ? 0 : 15;
        assert_int_equal(light_scene_render_region_tilt(ps, (light_kind)l, tilt, w->ox, w->oy, w->w,
                                                        w->h, &a, &err),
                         0);
        assert_int_equal(light_scene_render_tilt(ws, (light_kind)l, tilt, &b, &err), 0);
        int ring = l == LIGHT_OBLIQUE;
        for (int y = ring; y < w->h - ring; y++)
            for (int x = ring; x < w->w - ring; x++)
                if (memcmp(a.px + ((size_t)y * w->w + x) * 4, b.px + ((size_t)y * w->w + x) * 4, 4))
                    fail_msg("%s under %s: pixel %d,%d differs", what, light_name((light_kind)l),
                             w->ox + x, w->oy + y);
    }
    image_deinit(&a);
    image_deinit(&b);
    light_scene_destroy(ps);
    light_scene_destroy(ws);
}

/* The forger's printer of the next check_windows (doc_printer; 0: default). */
static int test_printer;
static void check_spec_windows(fixture *f, const doc_spec *sp, const double (*mm)[4], int n);

/* Builds the whole page and windows of it at `dpi`; each window, given in
 * mm (x, y, w, h) and clipped to the page, must be that part of the page. */
static void check_windows(fixture *f, const char *tpl_id, unsigned defects, double dpi,
                          const double (*mm)[4], int n) {
    tpl t;
    bl_err err = {0};
    assert_int_equal(tpl_builtin(&t, tpl_id, &err), 0);
    doc_spec spec = {.t = &t,
                     .seed = 77,
                     .dpi = dpi,
                     .today = {2026, 6, 1},
                     .defects = defects,
                     .printer = test_printer};
    check_spec_windows(f, &spec, mm, n);
}

/* The same for any spec (a passport's other page, with its stamps). */
static void check_spec_windows(fixture *f, const doc_spec *sp, const double (*mm)[4], int n) {
    const doc_spec spec = *sp;
    const char *tpl_id = spec.t->id;
    double dpi = spec.dpi;
    bl_err err = {0};
    doc_truth *pt = malloc(sizeof *pt), *wt = malloc(sizeof *wt);
    matbuf page;
    if (doc_build(&spec, &f->fonts, &page, pt, &err)) fail_msg("%s: %s", tpl_id, err.msg);
    double ppm = dpi / 25.4;
    for (int i = 0; i < n; i++) {
        int x = (int)(mm[i][0] * ppm), y = (int)(mm[i][1] * ppm);
        int w = (int)(mm[i][2] * ppm), h = (int)(mm[i][3] * ppm);
        if (x + w > page.w) w = page.w - x;
        if (y + h > page.h) h = page.h - y;
        matbuf win;
        if (doc_build_region(&spec, &f->fonts, x, y, w, h, &win, wt, &err))
            fail_msg("%s window %d: %s", tpl_id, i, err.msg);
        char what[96];
        snprintf(what, sizeof what, "%s at %g dpi, window %d,%d %dx%d", tpl_id, dpi, x, y, w, h);
        assert_planes_equal(&page, &win, what);
        assert_lights_equal(&page, &win, what);
        /* the truth is the whole page's */
        assert_int_equal(wt->n_features, pt->n_features);
        assert_int_equal(wt->n_defects, pt->n_defects);
        assert_int_equal(wt->w, pt->w);
        assert_string_equal(wt->mrz[0], pt->mrz[0]);
        matbuf_deinit(&win);
    }
    matbuf_deinit(&page);
    free(pt);
    free(wt);
}

/* Windows over the portrait's edge, the microtext, the rosette of the
 * guilloche, the MRZ, the data, a corner of the page, and odd sizes; the
 * hologram, the colour-shifting emblem and the perforation. */
static const double passport_windows[][4] = {
    {30, 25, 12, 9},  {4, 11, 20, 3},  {70, 30, 14, 14},      {2, 68, 40, 12},
    {50, 20, 25, 7},  {0, 0, 6, 5},    {118, 82, 7, 6},       {37.3, 41.9, 3.1, 2.2},
    {29, 44, 12, 13}, {109, 1, 10, 9}, {80.2, 62.9, 13, 6.3},
};

static void passport_window_is_the_page_crop_at_600_dpi(void **state) {
    check_windows(*state, "uto-passport-td3", 0, 600, passport_windows, 3);
}

static void windows_are_crops_with_every_painter_and_counterfeit(void **state) {
    fixture *f = *state;
    const unsigned forged = 1u << DEFECT_PHOTO_SUBSTITUTION | 1u << DEFECT_MICROTEXT_BLURRED |
                            1u << DEFECT_HALFTONE_PRINT | 1u << DEFECT_PRINTED_WATERMARK |
                            1u << DEFECT_SIGNATURE_MISMATCH | 1u << DEFECT_UV_EMBLEM_WRONG;
    const int n = (int)(sizeof passport_windows / sizeof passport_windows[0]);
    check_windows(f, "uto-passport-td3", 0, 300, passport_windows, n);
    check_windows(f, "uto-passport-td3", forged, 300, passport_windows, n);
    check_windows(f, "uto-passport-td3", 1u << DEFECT_MICROTEXT_MISSING, 300, passport_windows, 2);
    /* the forger's hologram, colour shift and perforation */
    const unsigned ovd = 1u << DEFECT_PRINTED_HOLOGRAM | 1u << DEFECT_COLOUR_SHIFT_WRONG |
                         1u << DEFECT_PERFORATION_PRINTED;
    check_windows(f, "uto-passport-td3", ovd, 300, passport_windows + 8, 3);
    /* a counterfeit and all it lacks, by each printer (whose marks read their
     * neighbours: a window is painted with a margin); an altered field's
     * traces; the metameric twin */
    for (test_printer = PRINTER_NONE; test_printer < PRINTER_COUNT; test_printer++)
        check_windows(f, "uto-passport-td3", 1u << DEFECT_COUNTERFEIT_PAPER, 600, passport_windows,
                      n);
    test_printer = 0;
    check_windows(f, "uto-passport-td3",
                  1u << DEFECT_DATA_ALTERATION_IR | 1u << DEFECT_METAMERIC_MISMATCH |
                      1u << DEFECT_EDGE_TRIMMED,
                  300, passport_windows, n);
    check_windows(f, "qwh-passport-td3", 1u << DEFECT_NAME_SCRIPT_MISMATCH, 300, passport_windows,
                  n);
    /* a card's two sides and its fibres, its laser image, hologram and
     * laminate; a letter's stamp and signature */
    static const double card[][4] = {
        {0, 0, 60, 20}, {20, 30, 30, 24}, {90, 10, 40, 30}, {70.3, 9.1, 14, 14.2}};
    check_windows(f, "uto-id-td1", 0, 300, card, 4);
    check_windows(f, "uto-id-td1", 1u << DEFECT_CLI_STATIC | 1u << DEFECT_HOLOGRAM_MISSING, 300,
                  card, 4);
    static const double letter[][4] = {{80, 60, 40, 40}, {10, 10, 60, 30}, {95, 70, 13, 9}};
    check_windows(f, "uto-invitation-letter", 0, 300, letter, 3);
    check_windows(f, "uto-invitation-letter", 1u << DEFECT_STAMP_COUNTERFEIT, 300, letter, 3);
}

/* A passport's other pages: windows over the fold (holes, the thread),
 * stamps (stamped and printed, in two inks), the printed and the
 * perforated page number, the heading. */
static void booklet_page_windows_are_crops(void **state) {
    fixture *f = *state;
    static const double page_windows[][4] = {
        {0, 0, 30, 5},    {60, 1, 22, 3},    {6, 10, 30, 16}, {44, 12, 36, 20},
        {90, 50, 30, 30}, {105, 74, 18, 10}, {56, 80, 12, 7}, {3, 5, 20, 6},
    };
    tpl t;
    bl_err err = {0};
    assert_int_equal(tpl_builtin(&t, "uto-passport-td3", &err), 0);
    doc_spec spec = {.t = &t, .seed = 77, .dpi = 300, .today = {2026, 6, 1}};
    static const char *const ports[] = {"NORDAIR TERMINAL 2", "CITADEL HARBOUR",
                                        "EL QASRA INTERNATIONAL", "NORDHAVEN AIRPORT"};
    for (int i = 0; i < 4; i++) {
        booklet_stamp *st = &spec.stamps[i];
        snprintf(st->port, sizeof st->port, "%s", ports[i]);
        snprintf(st->state, sizeof st->state, "%s", i < 2 ? "UTO" : "QNV");
        st->date = (bl_date){2026, 4 + i, 10};
        st->exit = i & 1;
        snprintf(st->ink, sizeof st->ink, "%s", i == 3 ? "green" : "");
        st->defects = i == 1 ? 1u << DEFECT_STAMP_COUNTERFEIT : 0;
    }
    spec.n_stamps = 4;
    assert_int_equal(booklet_place(spec.stamps, 4, 0, spec.seed, NULL), 0);
    spec.page = BOOKLET_FIRST_VISA;
    check_spec_windows(f, &spec, page_windows, 8);
    spec.page = BOOKLET_CENTRE, spec.defects = 1u << DEFECT_RESTITCHED_BOOKLET;
    check_spec_windows(f, &spec, page_windows, 3);
    spec.page = 1, spec.defects = 1u << DEFECT_COUNTERFEIT_PAPER; /* observations, ordinary paper */
    check_spec_windows(f, &spec, page_windows, 4);
}

static void a_window_off_the_page_is_refused(void **state) {
    fixture *f = *state;
    tpl t;
    bl_err err = {0};
    assert_int_equal(tpl_builtin(&t, "uto-passport-td3", &err), 0);
    doc_spec spec = {.t = &t, .seed = 1, .dpi = 2400, .today = {2026, 6, 1}};
    int w, h;
    assert_int_equal(doc_page_size(&spec, &w, &h, &err), 0);
    assert_int_equal(w, 11811);
    matbuf mb;
    assert_int_not_equal(doc_build_region(&spec, &f->fonts, w - 10, 0, 20, 20, &mb, NULL, &err), 0);
    assert_non_null(strstr(err.msg, "not on the"));
    spec.dpi = 4800;
    assert_int_not_equal(doc_build_region(&spec, &f->fonts, 0, 0, 20, 20, &mb, NULL, &err), 0);
    assert_non_null(strstr(err.msg, "out of range"));
    /* the whole page at 2400 dpi is a region build's business, not doc_build's */
    spec.dpi = 2400;
    doc_truth *tr = malloc(sizeof *tr);
    assert_int_not_equal(doc_build(&spec, &f->fonts, &mb, tr, &err), 0);
    free(tr);
}

/* Mean absolute luminance step between neighbouring pixels, along x, over
 * the rows [y0, y1) of the lens (inside its rim): how sharp the strokes
 * crossing those rows are. A crisp letter edge is one big step; the same
 * edge magnified from too few pixels is several small ones, whose sum is
 * the same but whose absolute values are spread into a ramp, so this mean
 * stays the same for a ramp. Hence the squares: the mean squared step
 * (an edge energy), whose ratio to the blurred image's is the figure. */
static double edge_energy(const bl_image *img, int y0, int y1) {
    double sum = 0;
    int n = 0, r = img->w / 2;
    for (int y = y0; y < y1; y++)
        for (int x = r - 80; x < r + 80; x++) {
            const uint8_t *a = img->px + ((size_t)y * img->w + x) * 4, *b = a + 4;
            double la = 0.3 * a[0] + 0.59 * a[1] + 0.11 * a[2];
            double lb = 0.3 * b[0] + 0.59 * b[1] + 0.11 * b[2];
            sum += (la - lb) * (la - lb);
            n++;
        }
    return n ? sum / n : 0;
}

/* The loupe at 20x (68 screen pixels per mm on the desk's 3.4) centred at
 * (u, v) mm, from the window built at `dpi` around it. */
static void loupe_at(fixture *f, const doc_spec *base, double dpi, double u, double v,
                     bl_image *out) {
    doc_spec spec = *base;
    spec.dpi = dpi;
    bl_err err = {0};
    double ppm = dpi / 25.4, spo = ppm / (3.4 * 20);
    int r = (int)ceil(220 * spo * 0.5) + 2;
    int x0 = (int)floor(u * ppm) - r, y0 = (int)floor(v * ppm) - r;
    matbuf mb;
    if (doc_build_region(&spec, &f->fonts, x0, y0, 2 * r, 2 * r, &mb, NULL, &err))
        fail_msg("%s", err.msg);
    bl_image src = {0, 0, NULL};
    assert_int_equal(light_render(&mb, LIGHT_VISIBLE, &src, &err), 0);
    assert_int_equal(loupe_render(&src, u * ppm - x0, v * ppm - y0, spo, 220, out, &err), 0);
    image_deinit(&src);
    matbuf_deinit(&mb);
}

static void microtext_of_0_2_mm_is_crisp_at_20x(void **state) {
    fixture *f = *state;
    tpl t;
    bl_err err = {0};
    assert_int_equal(tpl_builtin(&t, "uto-passport-td3", &err), 0);
    for (int i = 0; i < t.n_features; i++) /* letters 0.2 mm high */
        if (!strcmp(t.features[i].kind, "microtext")) t.features[i].param = 0.2;
    doc_spec spec = {.t = &t, .seed = 5, .today = {2026, 6, 1}};
    const tpl_feature *m = tpl_feature_of(&t, "microtext");
    double u = m->r.x + 20, v = m->r.y + m->r.h * 0.5;
    bl_image crisp = {0, 0, NULL}, blurred = {0, 0, NULL};
    loupe_at(f, &spec, 2400, u, v, &crisp);
    loupe_at(f, &spec, 600, u, v, &blurred);
    /* the letters' rows: 0.2 mm at 68 px/mm round the lens's middle */
    int y0 = 110 - 7, y1 = 110 + 7;
    double ec = edge_energy(&crisp, y0, y1), eb = edge_energy(&blurred, y0, y1);
    print_message("0.2 mm microtext at 20x: edge energy %.0f from 2400 dpi, %.0f from 600 dpi "
                  "(x%.2f)\n",
                  ec, eb, ec / eb);
    assert_true(ec > 2.0 * eb);
    if (getenv("BL_SAVE_LOUPE")) { /* to look at: tests write nothing by default */
        image_save_png(&crisp, "out/loupe-20x-2400dpi.png", &err);
        image_save_png(&blurred, "out/loupe-20x-600dpi.png", &err);
    }
    image_deinit(&crisp);
    image_deinit(&blurred);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(passport_window_is_the_page_crop_at_600_dpi),
        cmocka_unit_test(windows_are_crops_with_every_painter_and_counterfeit),
        cmocka_unit_test(booklet_page_windows_are_crops),
        cmocka_unit_test(a_window_off_the_page_is_refused),
        cmocka_unit_test(microtext_of_0_2_mm_is_crisp_at_20x),
    };
    return cmocka_run_group_tests(tests, test_fonts_setup, test_fonts_teardown);
}
