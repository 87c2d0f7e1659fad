/* bench_face.c - the face part of `borderlab bench biometrics` (issue 17):
 * the simulated face matcher's error rates on generated pairs (face_bench),
 * comparisons per second, and what a portrait and a counter capture cost to
 * render. The lead hooks bench_face into the biometrics bench (cmd_bench.c,
 * bench_biometrics.c belong to others); the last line is one JSON object.
 *
 * Targets (face.h): FNMR about 3% (the same person, up to ten years apart),
 * FMR at most 0.1% (different people of the same sex), look-alikes accepted
 * about a quarter of the time, 50:50 morphs of look-alikes accepted against
 * both people most of the time. The matcher is a simulation of a matcher's
 * score distributions, not an image-based recogniser. */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>

#include "args.h"
#include "bench.h"
#include "cmd.h"
#include "face.h"

static void usage(FILE *o) {
    fprintf(o, "usage: borderlab bench face [--pairs N] [--seed N]\n\n"
               "Runs the simulated face matcher on N generated pairs of each kind (default\n"
               "2000): the same person (photographed again, or up to ten years later),\n"
               "different people of the same sex, look-alikes, morphs of look-alikes, a child\n"
               "of 8 against the young adult; prints the error rates at the threshold, the\n"
               "comparisons per second, and the milliseconds of a 300 dpi portrait and a\n"
               "counter capture.\n");
}

/* Milliseconds to render one face `reps` times (the median would need more
 * bookkeeping than this figure deserves: the mean of a warm loop). */
static double render_ms(int camera, int reps) {
    int w = 413, h = 531; /* 35 x 45 mm at 300 dpi */
    uint8_t *px = malloc((size_t)w * h * 4);
    if (!px) return -1;
    face_params p;
    face_capture cap;
    face_capture_counter(1, &cap);
    double t0 = bench_now_ms();
    for (int i = 0; i < reps; i++) {
        face_from_seed((uint64_t)i + 1, &p);
        if (camera)
            face_render_camera(&p, &cap, px, w, h, w * 4);
        else
            face_render(&p, px, w, h, w * 4, 1);
    }
    double ms = (bench_now_ms() - t0) / reps;
    free(px);
    return ms;
}

int bench_face(int argc, char **argv) {
    uint64_t pairs = 2000, seed = 1;
    const args_opt opts[] = {ARGS_U64("--pairs", &pairs, 10, 1000000),
                             ARGS_U64("--seed", &seed, 0, 9007199254740991ull), ARGS_END};
    int rc = args_parse("bench face", opts, usage, argc, argv);
    if (rc != ARGS_GO) return rc;
    face_bench_result r;
    double t0 = bench_now_ms();
    face_bench((int)pairs, seed, &r);
    double ms = bench_now_ms() - t0;
    double per_s = r.comparisons / (ms / 1000.0);
    double portrait = render_ms(0, 10), camera = render_ms(1, 10);
    printf("face matcher (simulated): %d pairs of each kind, threshold %.2f\n", r.n,
           face_match_threshold());
    printf("  FNMR (same person, <= 10 years):  %6.2f%%   (target ~3%%)\n", 100 * r.fnmr);
    printf("  FMR (different people, same sex): %6.3f%%   (target <= 0.1%%)\n", 100 * r.fmr);
    printf("  look-alikes accepted:             %6.2f%%   (target ~25%%)\n",
           100 * r.lookalike_accept);
    printf("  morphs accepted against both:     %6.2f%%   (target: most)\n", 100 * r.morph_accept);
    printf("  child of 8 vs young adult, FNMR:  %6.2f%%\n", 100 * r.child_fnmr);
    printf("  mean scores: same %.3f, different %.3f, look-alike %.3f, morph %.3f\n", r.mean_same,
           r.mean_diff, r.mean_lookalike, r.mean_morph);
    printf("  %.0f comparisons per second (with the faces' generation)\n", per_s);
    printf("  a 300 dpi portrait (413x531): %.1f ms; a counter capture: %.1f ms\n", portrait,
           camera);
    printf("{\"face_fnmr\": %.4f, \"face_fmr\": %.5f, \"face_lookalike_accept\": %.4f, "
           "\"face_morph_accept\": %.4f, \"face_child_fnmr\": %.4f, \"face_comparisons_per_s\": "
           "%.0f, \"face_portrait_ms\": %.2f, \"face_camera_ms\": %.2f, \"pairs\": %d}\n",
           r.fnmr, r.fmr, r.lookalike_accept, r.morph_accept, r.child_fnmr, per_s, portrait, camera,
           r.n);
    return 0;
}
