/* cmd_bench.c - `borderlab bench render|score` (desk: cmd_desk.c; results:
 * bench_results.c): speed figures, printed, not asserted.
 * The last line is one JSON object so scripts can read the figures. */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fonts.h"
#include "args.h"
#include "bench.h"
#include "cmd.h"
#include "jsonfmt.h"
#include "doc.h"
#include "light.h"
#include "pack.h"
#include "score.h"

static int cmp_double(const void *a, const void *b) {
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static double median(double *v, int n) {
    qsort(v, (size_t)n, sizeof *v, cmp_double);
    return n % 2 ? v[n / 2] : 0.5 * (v[n / 2 - 1] + v[n / 2]);
}

static int bench_render(int argc, char **argv) {
    uint64_t reps = 15;
    double dpi = 300;
    const args_opt opts[] = {ARGS_U64("--reps", &reps, 1, 1000),
                             ARGS_DOUBLE("--dpi", &dpi, 72, 1200), ARGS_END};
    int rc = args_parse("bench render", opts, bench_usage, argc, argv);
    if (rc != ARGS_GO) return rc;
    bl_err err = {0};
    tpl t;
    doc_fonts fonts;
    if (tpl_builtin(&t, "uto-passport-td3", &err) || fonts_load(&fonts, &err)) {
        return cmd_fail("bench", &err);
    }
    doc_spec spec = {.t = &t, .seed = 42, .dpi = dpi, .today = {2026, 6, 1}};
    doc_truth *truth = malloc(sizeof *truth);
    double *build = malloc(sizeof(double) * reps), *all = malloc(sizeof(double) * reps),
           *sw = malloc(sizeof(double) * reps * LIGHT_COUNT), *prep = malloc(sizeof(double) * reps);
    bl_image img[LIGHT_COUNT];
    memset(img, 0, sizeof img);
    int w = 0, h = 0, stacks = 0;
    rc = 0;
    for (uint64_t r = 0; r < reps && rc == 0; r++) {
        matbuf mb;
        double t0 = bench_now_ms();
        if (doc_build(&spec, &fonts, &mb, truth, &err)) {
            rc = -1;
            break;
        }
        double t1 = bench_now_ms();
        /* All lights: prepare the scene from the material buffer, then five passes. */
        light_scene *sc = light_scene_create(&mb, &err);
        if (!sc) {
            rc = -1;
            matbuf_deinit(&mb);
            break;
        }
        stacks = light_scene_stacks(sc);
        prep[r] = bench_now_ms() - t1;
        for (int l = 0; l < LIGHT_COUNT && rc == 0; l++)
            rc = light_scene_render(sc, (light_kind)l, &img[l], &err);
        double t2 = bench_now_ms();
        /* A light switch: one pass over the prepared scene for the new light. */
        for (int l = 0; l < LIGHT_COUNT && rc == 0; l++) {
            double a = bench_now_ms();
            rc = light_scene_render(sc, (light_kind)l, &img[l], &err);
            sw[r * LIGHT_COUNT + (uint64_t)l] = bench_now_ms() - a;
        }
        light_scene_destroy(sc);
        build[r] = t1 - t0;
        all[r] = t2 - t1;
        w = mb.w, h = mb.h;
        matbuf_deinit(&mb);
    }
    if (rc == 0) {
        double b = median(build, (int)reps), a = median(all, (int)reps),
               s = median(sw, (int)(reps * LIGHT_COUNT));
        printf("document: uto-passport-td3 at %g dpi, %dx%d px, %d reps (medians)\n", dpi, w, h,
               (int)reps);
        printf("  material build (paint once): %8.2f ms\n", b);
        printf("  all six lights from it:      %8.2f ms (of which %.2f ms numbering %d material "
               "stacks)\n",
               a, median(prep, (int)reps), stacks);
        printf("  one light switch (one pass): %8.2f ms\n", s);
        printf("{\"all_lights_ms\": %.3f, \"light_switch_ms\": %.3f, \"build_ms\": %.3f, "
               "\"width\": %d, \"height\": %d, \"dpi\": %g}\n",
               a, s, b, w, h, dpi);
    } else {
        fprintf(stderr, "borderlab bench: %s\n", err.msg);
    }
    for (int l = 0; l < LIGHT_COUNT; l++)
        image_deinit(&img[l]);
    free(build), free(all), free(sw), free(prep), free(truth);
    doc_fonts_unload(&fonts);
    return rc == 0 ? 0 : 2;
}

/* What bench score reads: the built-in pack, each scenario's truth and a
 * recorded case per scenario (large: on the heap). */
typedef struct bench_cases {
    pack *p;
    score_truth truth[PACK_MAX];
    char logs[PACK_MAX][8192];
    size_t lens[PACK_MAX];
} bench_cases;

static void bench_cases_destroy(bench_cases *b) {
    if (b) pack_destroy(b->p);
    free(b);
}

/* NULL with err set. */
static bench_cases *bench_cases_create(bl_err *err) {
    bench_cases *b = calloc(1, sizeof *b);
    if (!b) {
        err_setc(err, BL_E_NOMEM, "out of memory");
        return NULL;
    }
    doc_fonts fonts;
    if (!(b->p = pack_create(err)) || pack_load_builtin(b->p, err) != 0) {
        bench_cases_destroy(b);
        return NULL;
    }
    if (b->p->n == 0) {
        err_set(err, "no built-in scenarios");
        bench_cases_destroy(b);
        return NULL;
    }
    if (fonts_load(&fonts, err) != 0) {
        bench_cases_destroy(b);
        return NULL;
    }
    int rc = 0;
    for (int i = 0; i < b->p->n && rc == 0; i++) {
        rc = score_truth_build(&b->p->scn[i], &fonts, &b->truth[i], err);
        if (rc == 0)
            b->lens[i] =
                bench_case_log(&b->p->scn[i], &b->truth[i], NULL, b->logs[i], sizeof b->logs[i]);
    }
    doc_fonts_unload(&fonts);
    if (rc != 0) {
        bench_cases_destroy(b);
        return NULL;
    }
    return b;
}

static int bench_score(int argc, char **argv) {
    uint64_t cases = 100000;
    const args_opt opts[] = {ARGS_U64("--cases", &cases, 100, 100000000), ARGS_END};
    int rc = args_parse("bench score", opts, bench_usage, argc, argv);
    if (rc != ARGS_GO) return rc;
    bl_err err = {0};
    bench_cases *b = bench_cases_create(&err);
    if (!b) return cmd_fail("bench", &err);
    const pack *p = b->p;
    double t0 = bench_now_ms(), points = 0;
    int passed = 0;
    for (uint64_t c = 0; c < cases; c++) {
        int i = (int)(c % (uint64_t)p->n);
        score_actions a;
        score_result r;
        if (score_actions_from_log(b->logs[i], b->lens[i], &p->scn[i], p->scn[i].id, &a, &err) !=
            0) {
            bench_cases_destroy(b);
            return cmd_fail("bench", &err);
        }
        score_case(&p->scn[i], &b->truth[i], &a, 70, &r);
        points += r.points;
        passed += r.passed;
    }
    double ms = bench_now_ms() - t0;
    printf("score: %llu recorded cases of the %d-scenario pack (read from the action log, then "
           "scored)\n",
           (unsigned long long)cases, p->n);
    printf("  %.0f cases per second (%.2f us each); mean %.1f points, %d passed\n",
           cases / (ms / 1000.0), ms * 1000.0 / cases, points / cases, passed);
    printf("{\"cases_per_s\": %.0f, \"cases\": %llu}\n", cases / (ms / 1000.0),
           (unsigned long long)cases);
    bench_cases_destroy(b);
    return 0;
}

void bench_usage(FILE *o) {
    fprintf(o, "usage: borderlab bench render [--reps N] [--dpi N]\n"
               "       borderlab bench desk [--frames N] [--zoom N]\n"
               "       borderlab bench loupe [--reps N]\n"
               "       borderlab bench chip [--reps N]\n"
               "       borderlab bench score [--cases N]\n"
               "       borderlab bench results [--trainees N] [--cases N] [--dir DIR]\n"
               "       borderlab bench biometrics [--pairs N] [--seed N] [--impostors K] "
               "[--threads N]\n"
               "       borderlab bench face [--pairs N] [--seed N]\n"
               "       borderlab bench checks [--records N] [--queries Q] [--seed S]\n\n"
               "bench render prints milliseconds per TD3 data page: the material build, all\n"
               "five lights, one light switch. bench desk prints frame-time p50/p99 of a busy\n"
               "desk and the time to the first frame, the loupe moving at --zoom (default 4;\n"
               "above 8 it is drawn from tiles built as it moves). bench loupe prints, for\n"
               "zooms 10, 20 and 40, the milliseconds to build the loupe's view at the zoom's\n"
               "resolution, its tiles from cold, one tile, and one frame. bench chip prints the\n"
               "milliseconds to make a desk's master list, personalise a passport's chip and\n"
               "authenticate it (passive authentication). bench score prints how "
               "many recorded\n"
               "cases per second are read from the action log and scored. bench results\n"
               "generates a cohort of N trainees (default 1000; --cases scenarios a session,\n"
               "default 6) as signed session journals and prints the milliseconds to import\n"
               "them, query, report on the cohort and one trainee, and export; --dir keeps the\n"
               "cohort, its key, store and reports there (a new or empty folder). bench\n"
               "biometrics makes N fingers (default 1000) with two captures each, extracts\n"
               "their minutiae and prints the matcher's FNMR and FMR (N mated, N x K non-mated\n"
               "comparisons, K default 10), the times and the quality distribution. bench\n"
               "checks prints the precision and recall of name hits in the database checks\n"
               "(watch list, lost/stolen documents, national alerts) and the query time.\n"
               "The last line of each is a JSON object.\n");
}

int cmd_bench(int argc, char **argv) {
    static const args_cmd subs[] = {
        {"render", bench_render, NULL},         {"desk", bench_desk, NULL},
        {"score", bench_score, NULL},           {"results", bench_results, NULL},
        {"loupe", bench_loupe, NULL},           {"chip", bench_chip, NULL},
        {"biometrics", bench_biometrics, NULL}, {"face", bench_face, NULL},
        {"checks", bench_checks, NULL},         {NULL, NULL, NULL}};
    return args_dispatch("bench", subs, bench_usage, argc, argv);
}
