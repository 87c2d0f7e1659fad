/* test_doc_tilt.c - features that change with the angle: tilted, a
 * hologram's image, a colour-shifting ink's colour and a changeable laser
 * image change, and their printed imitations do not; the tilt changes
 * nothing under UV, IR or transmitted light; a perforation lets the light
 * box through where printed dots do not; truth.json says which features
 * vary with the tilt. */
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

typedef struct {
    doc_fonts fonts;
    tpl passport, card, visa;
} fixture;

static int setup(void **state) {
    fixture *f = calloc(1, sizeof *f);
    bl_err err = {0};
    if (!f || test_fonts_load(&f->fonts, &err) ||
        tpl_builtin(&f->passport, "uto-passport-td3", &err) ||
        tpl_builtin(&f->card, "uto-id-td1", &err) || tpl_builtin(&f->visa, "uto-visa-mrva", &err)) {
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

/* A document built once, rendered at any tilt. */
typedef struct {
    matbuf mb;
    doc_truth truth;
    light_scene *sc;
} built;

static built *build(fixture *f, const tpl *t, unsigned defects) {
    built *b = calloc(1, sizeof *b);
    doc_spec spec = {.t = t, .seed = 5, .dpi = 150, .today = {2026, 6, 1}, .defects = defects};
    bl_err err = {0};
    if (doc_build(&spec, &f->fonts, &b->mb, &b->truth, &err)) fail_msg("%s", err.msg);
    b->sc = light_scene_create(&b->mb, &err);
    assert_non_null(b->sc);
    return b;
}

static void unbuild(built *b) {
    light_scene_destroy(b->sc);
    matbuf_deinit(&b->mb);
    free(b);
}

static bl_image at(const built *b, light_kind l, double tilt) {
    bl_image img = {0, 0, NULL};
    bl_err err = {0};
    assert_int_equal(light_scene_render_tilt(b->sc, l, tilt, &img, &err), 0);
    return img;
}

static const doc_item *feature(const doc_truth *t, const char *kind) {
    for (int i = 0; i < t->n_features; i++)
        if (!strcmp(t->features[i].kind, kind)) return &t->features[i];
    fail_msg("no feature %s", kind);
    return NULL;
}

/* Pixels of feature `kind`'s region that differ by more than `level`
 * between tilts t0 and t1 under light l. */
static long change(const built *b, const char *kind, light_kind l, double t0, double t1,
                   int level) {
    const doc_item *it = feature(&b->truth, kind);
    bl_image a = at(b, l, t0), c = at(b, l, t1);
    long n = image_count_diff(&a, &c, it->x, it->y, it->w, it->h, level);
    image_deinit(&a);
    image_deinit(&c);
    return n;
}

static void the_ovd_changes_with_the_tilt_and_its_print_does_not(void **state) {
    fixture *f = *state;
    built *g = build(f, &f->passport, 0),
          *p = build(f, &f->passport, 1u << DEFECT_PRINTED_HOLOGRAM);
    const doc_item *h = feature(&g->truth, "hologram");
    long area = (long)h->w * h->h;
    light_kind ls[3] = {LIGHT_VISIBLE, LIGHT_OBLIQUE, LIGHT_COAXIAL};
    for (int i = 0; i < 3; i++) {
        long n = change(g, "hologram", ls[i], -10, 15, 24);
        print_message("hologram under %s, -10 against 15 degrees: %ld of %ld pixels change\n",
                      light_name(ls[i]), n, area);
        assert_true(n > area / 20);                                    /* the image changes */
        assert_int_equal(change(p, "hologram", ls[i], -10, 15, 2), 0); /* the print does not */
    }
    /* the two images: the emblem tilted towards the viewer, the text away */
    bl_image a = at(g, LIGHT_VISIBLE, -10), b = at(g, LIGHT_VISIBLE, 15);
    long top = image_count_diff(&a, &b, h->x, h->y, h->w, h->h * 3 / 4, 24),
         bottom = image_count_diff(&a, &b, h->x, h->y + h->h * 3 / 4, h->w, h->h / 4, 24);
    assert_true(top > 0 && bottom > 0);
    image_deinit(&a);
    image_deinit(&b);
    unbuild(g);
    unbuild(p);
}

/* Mean of channel c over a region's pixels that differ from paper (the emblem). */
static double mean_channel(const bl_image *img, const doc_item *r, int c) {
    double sum = 0;
    long n = 0;
    for (int y = r->y; y < r->y + r->h; y++)
        for (int x = r->x; x < r->x + r->w; x++) {
            const uint8_t *p = img->px + ((size_t)y * img->w + x) * 4;
            if (p[0] + p[1] + p[2] < 450) sum += p[c], n++;
        }
    return n ? sum / n : 0;
}

static void the_colour_shift_turns_blue_and_its_imitations_do_not(void **state) {
    fixture *f = *state;
    built *g = build(f, &f->passport, 0),
          *m = build(f, &f->passport, 1u << DEFECT_COLOUR_SHIFT_MISSING),
          *w = build(f, &f->passport, 1u << DEFECT_COLOUR_SHIFT_WRONG);
    assert_true(change(g, "colour_shift", LIGHT_VISIBLE, 0, 25, 24) > 100);
    assert_int_equal(change(m, "colour_shift", LIGHT_VISIBLE, 0, 25, 2), 0);
    /* flat, under white light, the plain green is the genuine ink */
    bl_image a = at(g, LIGHT_VISIBLE, 0), b = at(m, LIGHT_VISIBLE, 0);
    assert_int_equal(image_count_diff(&a, &b, 0, 0, a.w, a.h, 2), 0);
    image_deinit(&a);
    image_deinit(&b);
    /* tilted: green, blue, gold */
    const doc_item *r = feature(&g->truth, "colour_shift");
    bl_image gt = at(g, LIGHT_VISIBLE, 25), mt = at(m, LIGHT_VISIBLE, 25),
             wt = at(w, LIGHT_VISIBLE, 25);
    print_message("colour shift at 25 degrees, mean R/G/B: genuine %.0f/%.0f/%.0f, missing "
                  "%.0f/%.0f/%.0f, wrong %.0f/%.0f/%.0f\n",
                  mean_channel(&gt, r, 0), mean_channel(&gt, r, 1), mean_channel(&gt, r, 2),
                  mean_channel(&mt, r, 0), mean_channel(&mt, r, 1), mean_channel(&mt, r, 2),
                  mean_channel(&wt, r, 0), mean_channel(&wt, r, 1), mean_channel(&wt, r, 2));
    assert_true(mean_channel(&gt, r, 2) > mean_channel(&gt, r, 1)); /* blue */
    assert_true(mean_channel(&mt, r, 1) > mean_channel(&mt, r, 2)); /* still green */
    assert_true(mean_channel(&wt, r, 0) > mean_channel(&wt, r, 2)); /* gold */
    image_deinit(&gt);
    image_deinit(&mt);
    image_deinit(&wt);
    unbuild(g);
    unbuild(m);
    unbuild(w);
}

static void the_laser_image_changes_and_its_print_does_not(void **state) {
    fixture *f = *state;
    built *g = build(f, &f->card, 0), *p = build(f, &f->card, 1u << DEFECT_CLI_STATIC);
    assert_true(change(g, "cli", LIGHT_VISIBLE, -10, 10, 24) > 100);
    assert_int_equal(change(p, "cli", LIGHT_VISIBLE, -10, 10, 2), 0);
    unbuild(g);
    unbuild(p);
}

/* UV, IR and the light box do not care how the document is held; a
 * document with nothing optically variable is the same at any tilt. */
static void the_tilt_changes_only_reflected_white_light(void **state) {
    fixture *f = *state;
    const tpl *docs[3] = {&f->passport, &f->card, &f->visa};
    for (int d = 0; d < 3; d++) {
        built *b = build(f, docs[d], 0);
        assert_int_equal(light_scene_varies_with_tilt(b->sc), d < 2);
        for (int l = 0; l < LIGHT_COUNT; l++) {
            if (light_tilts((light_kind)l) && d < 2) continue;
            bl_image x = at(b, (light_kind)l, -30), y = at(b, (light_kind)l, 30),
                     z = at(b, (light_kind)l, 0);
            if (image_count_diff(&x, &y, 0, 0, x.w, x.h, 0) ||
                image_count_diff(&x, &z, 0, 0, x.w, x.h, 0))
                fail_msg("%s under %s changes with the tilt", docs[d]->id,
                         light_name((light_kind)l));
            image_deinit(&x);
            image_deinit(&y);
            image_deinit(&z);
        }
        unbuild(b);
    }
}

/* Pixels of a region brighter than any paper in the light box. */
static long light_through(const built *b, const doc_item *r) {
    bl_image t = at(b, LIGHT_TRANSMITTED, 0);
    long n = 0;
    for (int y = r->y; y < r->y + r->h; y++)
        for (int x = r->x; x < r->x + r->w; x++)
            n += t.px[((size_t)y * t.w + x) * 4] > 245;
    image_deinit(&t);
    return n;
}

static void perforations_let_the_light_through_printed_dots_do_not(void **state) {
    fixture *f = *state;
    built *g = build(f, &f->passport, 0),
          *p = build(f, &f->passport, 1u << DEFECT_PERFORATION_PRINTED);
    const doc_item *r = feature(&g->truth, "perforation");
    long holes = light_through(g, r);
    print_message("perforation: %ld pixels of light through the holes at 150 dpi\n", holes);
    assert_true(holes > 100);
    assert_int_equal(light_through(p, r), 0);
    /* nowhere else on the page does the light box shine so */
    const doc_item page = {.x = 0, .y = 0, .w = g->truth.w, .h = g->truth.h};
    assert_int_equal(light_through(g, &page), holes);
    unbuild(g);
    unbuild(p);
}

static void the_truth_says_what_varies_with_the_tilt(void **state) {
    fixture *f = *state;
    built *p = build(f, &f->passport, 0), *c = build(f, &f->card, 0);
    const char *varies[] = {"hologram", "colour_shift"}, *fixed[] = {"perforation", "watermark"};
    for (int i = 0; i < 2; i++) {
        const doc_item *v = feature(&p->truth, varies[i]);
        assert_true(v->varies);
        assert_int_not_equal(v->views[0], v->views[1]);
        assert_false(feature(&p->truth, fixed[i])->varies);
    }
    assert_true(feature(&c->truth, "cli")->varies);
    assert_false(feature(&c->truth, "retroreflective")->varies);
    assert_int_equal(feature(&c->truth, "retroreflective")->lights, LIGHT_BIT(LIGHT_COAXIAL));
    doc_spec spec = {.t = &f->passport, .seed = 5, .dpi = 150, .today = {2026, 6, 1}};
    char *json = doc_truth_json(&spec, &p->truth);
    const char *h = strstr(json, "\"kind\":\t\"hologram\"");
    assert_non_null(h);
    const char *end = strchr(h, '}');
    const char *v = strstr(h, "\"varies_with_tilt\":\ttrue"), *a = strstr(h, "\"tilt_views_deg\"");
    assert_true(v && v < end && a && a < end);
    assert_non_null(strstr(json, "\"coaxial\""));
    free(json);
    unbuild(p);
    unbuild(c);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(the_ovd_changes_with_the_tilt_and_its_print_does_not),
        cmocka_unit_test(the_colour_shift_turns_blue_and_its_imitations_do_not),
        cmocka_unit_test(the_laser_image_changes_and_its_print_does_not),
        cmocka_unit_test(the_tilt_changes_only_reflected_white_light),
        cmocka_unit_test(perforations_let_the_light_through_printed_dots_do_not),
        cmocka_unit_test(the_truth_says_what_varies_with_the_tilt),
    };
    return cmocka_run_group_tests_name("doc_tilt", tests, setup, teardown);
}
