/* bench_loupe.c - `borderlab bench loupe`: what the loupe costs above 8x,
 * at each zoom's resolution (loupe_tiles.h), over the passport's microtext.
 * For each zoom: the view's region (pixels at its dpi), building that
 * region alone (doc_build_region and its light scene), building the tiles
 * that cover it from cold (what an examiner who stops the loupe waits
 * for), one tile, and one loupe frame from ready tiles and from the 600
 * dpi page while tiles are missing. Medians of --reps; the last line is one
 * JSON object. */
#define _POSIX_C_SOURCE 200809L
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "args.h"
#include "bench.h"
#include "cmd.h"
#include "doc.h"
#include "fonts.h"
#include "light.h"
#include "loupe.h"
#include "loupe_tiles.h"

#define DESK_PPM 3.4 /* the desk's pixels per mm (desk_app_int.h) */
#define LENS     220

static int cmp_d(const void *a, const void *b) {
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static double med(double *v, int n) {
    qsort(v, (size_t)n, sizeof *v, cmp_d);
    return n % 2 ? v[n / 2] : 0.5 * (v[n / 2 - 1] + v[n / 2]);
}

typedef struct {
    int zoom, dpi, view_px, tiles;
    double region_ms, cold_ms, tile_ms, frame_ms, fallback_ms;
} level_fig;

/* One zoom's figures, centred at (u, v) mm of the page. */
static int measure(const doc_fonts *fonts, const doc_spec *base, light_scene *page, int zoom,
                   double u, double v, int reps, level_fig *fig, bl_err *err) {
    int dpi = loupe_tiles_level(DESK_PPM * 25.4 * zoom, 600);
    double ppm = dpi / 25.4, spo = ppm / (DESK_PPM * zoom);
    int r = (int)ceil(LENS * spo * 0.5) + 2, n = 2 * r;
    int x0 = (int)floor(u * ppm) - r, y0 = (int)floor(v * ppm) - r;
    double *t[5];
    for (int i = 0; i < 5; i++)
        t[i] = malloc(sizeof(double) * (size_t)reps);
    bl_image region = {0, 0, NULL}, lo = {0, 0, NULL}, out = {0, 0, NULL};
    int rc = image_init(&region, n, n, err);
    doc_spec spec = *base;
    spec.dpi = dpi;
    for (int k = 0; k < reps && rc == 0; k++) {
        double a = bench_now_ms();
        matbuf mb;
        light_scene *sc = NULL;
        rc = doc_build_region(&spec, fonts, x0, y0, n, n, &mb, NULL, err);
        if (rc == 0 && !(sc = light_scene_create(&mb, err))) rc = -1;
        light_scene_destroy(sc);
        if (rc == 0) matbuf_deinit(&mb);
        double b = bench_now_ms();
        loupe_tiles *lt = rc ? NULL : loupe_tiles_create(fonts, 64u << 20, 0, NULL, err);
        if (!lt || loupe_tiles_set_doc(lt, 0, base, err) != 0) rc = -1;
        fig->tiles = lt ? loupe_tiles_missing(lt, 0, dpi, x0, y0, n, n) : 0; /* builds them */
        loupe_tiles_stats st;
        if (lt) loupe_tiles_get_stats(lt, &st);
        fig->tiles = lt ? st.built : 0;
        double c = bench_now_ms();
        /* a frame from ready tiles: what is missing, draw, the lens */
        if (rc == 0) loupe_tiles_missing(lt, 0, dpi, x0, y0, n, n);
        if (rc == 0) rc = loupe_tiles_draw(lt, 0, dpi, LIGHT_VISIBLE, x0, y0, &region, err);
        if (rc == 0) rc = loupe_render(&region, u * ppm - x0, v * ppm - y0, spo, LENS, &out, err);
        double d = bench_now_ms();
        /* a frame while tiles are missing: the 600 dpi page magnified */
        double kk = 600 / 25.4 / ppm;
        int hx = (int)floor(x0 * kk) - 1, hy = (int)floor(y0 * kk) - 1, hn = (int)ceil(n * kk) + 3;
        if (rc == 0) rc = light_scene_render_region(page, LIGHT_VISIBLE, hx, hy, hn, hn, &lo, err);
        if (rc == 0) loupe_upsample(&lo, x0 * kk - hx, y0 * kk - hy, kk, &region);
        if (rc == 0) rc = loupe_render(&region, u * ppm - x0, v * ppm - y0, spo, LENS, &out, err);
        double e = bench_now_ms();
        loupe_tiles_destroy(lt);
        t[0][k] = b - a, t[1][k] = c - b, t[2][k] = fig->tiles ? (c - b) / fig->tiles : 0;
        t[3][k] = d - c, t[4][k] = e - d;
    }
    if (rc == 0)
        *fig = (level_fig){zoom,
                           dpi,
                           n,
                           fig->tiles,
                           med(t[0], reps),
                           med(t[1], reps),
                           med(t[2], reps),
                           med(t[3], reps),
                           med(t[4], reps)};
    for (int i = 0; i < 5; i++)
        free(t[i]);
    image_deinit(&region), image_deinit(&lo), image_deinit(&out);
    return rc;
}

int bench_loupe(int argc, char **argv) {
    uint64_t reps = 5;
    const args_opt opts[] = {ARGS_U64("--reps", &reps, 1, 1000), ARGS_END};
    int rc = args_parse("bench loupe", opts, bench_usage, argc, argv);
    if (rc != ARGS_GO) return rc;
    rc = 0;
    bl_err err = {0};
    tpl t;
    doc_fonts fonts;
    if (tpl_builtin(&t, "uto-passport-td3", &err) || fonts_load(&fonts, &err))
        return cmd_fail("bench", &err);
    doc_spec spec = {.t = &t, .seed = 42, .dpi = 600, .today = {2026, 6, 1}};
    const tpl_feature *m = tpl_feature_of(&t, "microtext");
    double u = m ? m->r.x + 30 : 40, v = m ? m->r.y + m->r.h * 0.5 : 12.6;
    /* the 600 dpi page the desk builds once per document, for comparison */
    doc_truth *truth = malloc(sizeof *truth);
    matbuf page;
    double p0 = bench_now_ms();
    light_scene *sc = NULL;
    if (!truth || doc_build(&spec, &fonts, &page, truth, &err) != 0) {
        free(truth);
        doc_fonts_unload(&fonts);
        return cmd_fail("bench", &err);
    }
    sc = light_scene_create(&page, &err);
    double page_ms = bench_now_ms() - p0;
    static const int zooms[] = {10, 20, 40};
    level_fig fig[3];
    memset(fig, 0, sizeof fig);
    for (int i = 0; i < 3 && sc && rc == 0; i++)
        rc = measure(&fonts, &spec, sc, zooms[i], u, v, (int)reps, &fig[i], &err);
    if (!sc) rc = -1;
    if (rc == 0) {
        printf("loupe: uto-passport-td3 over its microtext, %d-pixel tiles, medians of %d\n",
               LOUPE_TILE, (int)reps);
        printf("  the 600 dpi page (built once per document, serves up to 8x): %.0f ms, %dx%d px\n",
               page_ms, page.w, page.h);
        printf("  zoom   dpi  view px  region build  tiles cold (n)  per tile  frame  fallback\n");
        for (int i = 0; i < 3; i++)
            printf("  %3dx  %4d  %4dx%-4d %9.1f ms  %9.1f ms (%d)  %5.1f ms  %4.2f ms  %5.2f ms\n",
                   fig[i].zoom, fig[i].dpi, fig[i].view_px, fig[i].view_px, fig[i].region_ms,
                   fig[i].cold_ms, fig[i].tiles, fig[i].tile_ms, fig[i].frame_ms,
                   fig[i].fallback_ms);
        printf("{\"page_600_ms\": %.1f, \"tile_px\": %d", page_ms, LOUPE_TILE);
        for (int i = 0; i < 3; i++)
            printf(", \"z%d\": {\"dpi\": %d, \"view_px\": %d, \"region_ms\": %.2f, \"tiles\": %d, "
                   "\"tiles_cold_ms\": %.2f, \"tile_ms\": %.2f, \"frame_ms\": %.3f, "
                   "\"fallback_frame_ms\": %.3f}",
                   fig[i].zoom, fig[i].dpi, fig[i].view_px, fig[i].region_ms, fig[i].tiles,
                   fig[i].cold_ms, fig[i].tile_ms, fig[i].frame_ms, fig[i].fallback_ms);
        printf("}\n");
    }
    light_scene_destroy(sc);
    matbuf_deinit(&page);
    free(truth);
    doc_fonts_unload(&fonts);
    return rc == 0 ? 0 : cmd_fail("bench", &err);
}
