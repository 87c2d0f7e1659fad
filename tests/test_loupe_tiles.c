/* test_loupe_tiles.c - the loupe's tile cache: what it draws is the page
 * at that resolution (tile seams included), built in a worker or on
 * demand alike, and the memory it holds never exceeds its budget however
 * far the loupe travels at 2400 dpi. */
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
#include "loupe_tiles.h"
#include "test_fonts.h"
#include "tpl.h"

typedef struct {
    doc_fonts fonts;
    tpl t;
    doc_spec spec;
} fixture;

static int setup(void **state) {
    fixture *f = calloc(1, sizeof *f);
    bl_err err = {0};
    if (!f || test_fonts_load(&f->fonts, &err) || tpl_builtin(&f->t, "uto-passport-td3", &err)) {
        fprintf(stderr, "setup: %s\n", err.msg);
        free(f);
        return -1;
    }
    f->spec = (doc_spec){
        .t = &f->t, .seed = 9, .today = {2026, 6, 1}, .defects = 1u << DEFECT_PHOTO_SUBSTITUTION};
    *state = f;
    return 0;
}

static int teardown(void **state) {
    fixture *f = *state;
    doc_fonts_unload(&f->fonts);
    free(f);
    return 0;
}

/* The rectangle (x, y, w, h) at dpi under light l, straight from a region
 * build: what the tiles must give. */
static void reference(fixture *f, int dpi, light_kind l, int x, int y, int w, int h,
                      bl_image *out) {
    doc_spec spec = f->spec;
    spec.dpi = dpi;
    bl_err err = {0};
    matbuf mb;
    if (doc_build_region(&spec, &f->fonts, x, y, w, h, &mb, NULL, &err)) fail_msg("%s", err.msg);
    assert_int_equal(light_render(&mb, l, out, &err), 0);
    matbuf_deinit(&mb);
}

/* A rectangle across four tiles' seams (over the substituted photo's
 * edge: relief, so oblique light tests the tiles' margins). */
static void check_draw(fixture *f, loupe_tiles *lt, int dpi) {
    const int x = 3 * LOUPE_TILE - 90, y = 4 * LOUPE_TILE - 70, w = 200, h = 160;
    bl_err err = {0};
    bl_image got = {0, 0, NULL}, want = {0, 0, NULL};
    assert_int_equal(image_init(&got, w, h, &err), 0);
    for (int l = 0; l < LIGHT_COUNT; l++) {
        assert_int_equal(loupe_tiles_missing(lt, 0, dpi, x, y, w, h), 0);
        memset(got.px, 0x5a, (size_t)w * h * 4);
        assert_int_equal(loupe_tiles_draw(lt, 0, dpi, (light_kind)l, x, y, &got, &err), 0);
        reference(f, dpi, (light_kind)l, x, y, w, h, &want);
        int ring = l == LIGHT_OBLIQUE; /* the reference's own edge lacks neighbours */
        for (int yy = ring; yy < h - ring; yy++)
            for (int xx = ring; xx < w - ring; xx++)
                if (memcmp(got.px + ((size_t)yy * w + xx) * 4, want.px + ((size_t)yy * w + xx) * 4,
                           4))
                    fail_msg("%s at %d dpi: pixel %d,%d differs", light_name((light_kind)l), dpi,
                             x + xx, y + yy);
    }
    image_deinit(&got);
    image_deinit(&want);
}

static void tiles_draw_the_page_built_on_demand(void **state) {
    fixture *f = *state;
    bl_err err = {0};
    loupe_tiles *lt = loupe_tiles_create(&f->fonts, 16u << 20, 0, NULL, &err);
    assert_non_null(lt);
    assert_int_equal(loupe_tiles_set_doc(lt, 0, &f->spec, &err), 0);
    /* unthreaded: asking builds, so nothing is missing after the first ask */
    assert_int_equal(
        loupe_tiles_missing(lt, 0, 1200, 3 * LOUPE_TILE - 90, 4 * LOUPE_TILE - 70, 200, 160), 0);
    check_draw(f, lt, 1200);
    loupe_tiles_stats st;
    loupe_tiles_get_stats(lt, &st);
    assert_int_equal(st.built, 4);
    assert_int_equal(st.failed, 0);
    loupe_tiles_destroy(lt);
}

static void tiles_draw_the_page_built_by_the_worker(void **state) {
    fixture *f = *state;
    bl_err err = {0};
    loupe_tiles *lt = loupe_tiles_create(&f->fonts, 16u << 20, 1, NULL, &err);
    assert_non_null(lt);
    assert_int_equal(loupe_tiles_set_doc(lt, 0, &f->spec, &err), 0);
    int asked =
        loupe_tiles_missing(lt, 0, 1200, 3 * LOUPE_TILE - 90, 4 * LOUPE_TILE - 70, 200, 160);
    assert_true(asked > 0 && asked <= 4); /* the worker may have one already */
    loupe_tiles_wait(lt);
    check_draw(f, lt, 1200);
    /* a document replaced drops its tiles */
    assert_int_equal(loupe_tiles_set_doc(lt, 0, &f->spec, &err), 0);
    loupe_tiles_stats st;
    loupe_tiles_get_stats(lt, &st);
    assert_int_equal(st.tiles, 0);
    assert_int_equal(st.bytes, 0);
    loupe_tiles_destroy(lt);
}

/* The loupe's view at 40x (2400 dpi) sweeping the page from corner to
 * corner: many more tiles than the budget holds are built, the oldest
 * evicted, and what is held never exceeds the budget. */
static void memory_never_exceeds_the_budget(void **state) {
    fixture *f = *state;
    bl_err err = {0};
    const size_t budget = 1200u * 1024u; /* three tiles and a bit */
    loupe_tiles *lt = loupe_tiles_create(&f->fonts, budget, 0, NULL, &err);
    assert_non_null(lt);
    assert_int_equal(loupe_tiles_set_doc(lt, 0, &f->spec, &err), 0);
    assert_int_equal(loupe_tiles_set_doc(lt, 1, &f->spec, &err), 0);
    bl_image view = {0, 0, NULL};
    assert_int_equal(image_init(&view, 160, 160, &err), 0);
    loupe_tiles_stats st;
    for (int i = 0; i < 12; i++) {
        int x = 600 + i * 850, y = 500 + i * 600, doc = i % 2;
        loupe_tiles_missing(lt, doc, 2400, x, y, 160, 160);
        assert_int_equal(loupe_tiles_draw(lt, doc, 2400, LIGHT_UV, x, y, &view, &err), 0);
        loupe_tiles_get_stats(lt, &st);
        assert_true(st.bytes <= budget);
    }
    loupe_tiles_get_stats(lt, &st);
    print_message("budget %zu bytes: %d tiles built, %d evicted, peak %zu bytes, %d held\n",
                  st.budget, st.built, st.evicted, st.peak, st.tiles);
    assert_true(st.peak <= budget);
    assert_true(st.built >= 12);
    assert_true(st.evicted >= st.built - 3);
    assert_int_equal(st.failed, 0);
    image_deinit(&view);
    loupe_tiles_clear(lt);
    loupe_tiles_get_stats(lt, &st);
    assert_int_equal(st.bytes, 0);
    loupe_tiles_destroy(lt);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(tiles_draw_the_page_built_on_demand),
        cmocka_unit_test(tiles_draw_the_page_built_by_the_worker),
        cmocka_unit_test(memory_never_exceeds_the_budget),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
