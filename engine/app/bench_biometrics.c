/* bench_biometrics.c - `borderlab bench biometrics`: the fingerprint
 * generator, extractor and matcher measured together (finger.h).
 *
 * For each of --pairs fingers (each a new person's, positions 1..10 in
 * turn): a master, two captures as travellers give them
 * (finger_capture_random: mostly good, some light, heavy, dry, wet,
 * partial or turned), each rendered and its minutiae extracted from the
 * pixels. Mated comparisons: a finger's two impressions. Non-mated: each
 * finger's first impression against the second impressions of --impostors
 * other people's fingers. Printed: the score distributions, FNMR and FMR
 * at FINGER_MATCH_THRESHOLD, FNMR at FMR 1 % and 0.1 %, an approximate EER,
 * the times, the quality distribution, and each target met or not. The
 * last line is one JSON object.
 *
 * Targets (README, Biometrics): at the operating threshold FMR <= 0.1 %
 * and FNMR <= 3 %. The anchor: the EU Entry/Exit System's implementing
 * decision (EU) 2019/329 asks, for fingerprint verification, FNMR below
 * 0.5 % at FMR 0.05 % (as Biometric Update reported it, March 2019): a
 * whole system, several fingers, quality-controlled captures. For one flat
 * finger, one attempt, with about a sixth of the captures deliberately
 * poor, we ask FMR 0.1 % and FNMR 3 %, and print the FNMR of the pairs a
 * desk would not have captured again apart. Speed: at least 2,000
 * comparisons a second of one thread (a 100-entry watch list in 0.05 s) and
 * under 50 ms of CPU to generate and extract one impression.
 */
#define _POSIX_C_SOURCE 200809L
#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "args.h"
#include "bench.h"
#include "cmd.h"
#include "finger.h"
#include "rng.h"

/* A thread's CPU time, ms: what an operation costs, whatever else runs on
 * the machine (the whole run's clock time is printed too). */
static double cpu_ms(void) {
    struct timespec ts;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

#define TARGET_FMR     0.001
#define TARGET_FNMR    0.03
#define TARGET_CMP_S   2000.0
#define TARGET_IMPR_MS 50.0

typedef struct bb_work {
    uint64_t seed;
    int from, to; /* fingers [from, to) */
    finger_template *a, *b;
    int *quality; /* 2 per finger */
    double master_ms, impress_ms, extract_ms;
    int rc;
    bl_err err;
} bb_work;

static void *bb_run(void *arg) {
    bb_work *w = arg;
    for (int i = w->from; i < w->to && w->rc == 0; i++) {
        uint64_t s = rng_derive(w->seed, "bench/finger") + (uint64_t)i * 0x9E3779B97F4A7C15ull;
        double t0 = cpu_ms();
        finger_master *m = finger_master_create(s, 1 + i % 10, &w->err);
        if (!m) {
            w->rc = -1;
            break;
        }
        w->master_ms += cpu_ms() - t0;
        for (int k = 0; k < 2 && w->rc == 0; k++) {
            finger_capture c;
            finger_impression imp;
            finger_capture_random(&c, s * 2 + (uint64_t)k);
            double t1 = cpu_ms();
            if (finger_impress(m, &c, &imp, &w->err) != 0) {
                w->rc = -1;
                break;
            }
            double t2 = cpu_ms();
            w->rc = finger_extract(&imp.img, k ? &w->b[i] : &w->a[i], &w->err);
            w->impress_ms += t2 - t1, w->extract_ms += cpu_ms() - t2;
            w->quality[2 * i + k] = (k ? &w->b[i] : &w->a[i])->quality;
            finger_impression_deinit(&imp);
        }
        finger_master_destroy(m);
    }
    return NULL;
}

static int cmp_d(const void *x, const void *y) {
    double a = *(const double *)x, b = *(const double *)y;
    return (a > b) - (a < b);
}

/* The share of v (n values) at or above t. */
static double share_at_or_above(const double *v, int n, double t) {
    int k = 0;
    for (int i = 0; i < n; i++)
        k += v[i] >= t;
    return n ? (double)k / n : 0;
}

/* The lowest threshold whose FMR is at most fmr (non-mated scores sorted). */
static double threshold_for(const double *non, int n, double fmr) {
    int allowed = (int)floor(fmr * n);
    if (allowed >= n) return non[0];
    return non[n - 1 - allowed] + 1e-9; /* above the (allowed+1)-th highest */
}

static void eer(const double *mat, int nm, const double *non, int nn, double *e, double *at) {
    double best = 2;
    *e = 1, *at = 0;
    for (double t = 0; t <= 100; t += 0.25) {
        double fnmr = 1 - share_at_or_above(mat, nm, t), fmr = share_at_or_above(non, nn, t);
        if (fabs(fnmr - fmr) < best) best = fabs(fnmr - fmr), *e = 0.5 * (fnmr + fmr), *at = t;
    }
}

static void print_dist(const char *name, double *v, int n) {
    qsort(v, (size_t)n, sizeof *v, cmp_d);
    printf("  %-10s n=%6d  min %5.1f  p5 %5.1f  median %5.1f  p95 %5.1f  max %5.1f\n", name, n,
           v[0], v[n / 20], v[n / 2], v[n - 1 - n / 20], v[n - 1]);
}

static const char *met(int ok) {
    return ok ? "met" : "MISSED";
}

static int bb_generate(uint64_t pairs, uint64_t seed, int threads, finger_template *a,
                       finger_template *b, int *quality, double *ms, bl_err *err) {
    bb_work w[8];
    pthread_t th[8];
    memset(w, 0, sizeof w);
    for (int t = 0; t < threads; t++) {
        w[t].seed = seed, w[t].a = a, w[t].b = b, w[t].quality = quality;
        w[t].from = (int)(pairs * (uint64_t)t / (uint64_t)threads);
        w[t].to = (int)(pairs * (uint64_t)(t + 1) / (uint64_t)threads);
        if (t > 0 && pthread_create(&th[t], NULL, bb_run, &w[t]) != 0) w[t].rc = -1;
    }
    bb_run(&w[0]);
    ms[0] = ms[1] = ms[2] = 0;
    int rc = 0;
    for (int t = 0; t < threads; t++) {
        if (t > 0) pthread_join(th[t], NULL);
        if (w[t].rc != 0 && rc == 0) rc = -1, *err = w[t].err;
        ms[0] += w[t].master_ms, ms[1] += w[t].impress_ms, ms[2] += w[t].extract_ms;
    }
    return rc;
}

static void print_quality(const int *q, int n) {
    int level[6] = {0}, below = 0;
    double sum = 0;
    for (int i = 0; i < n; i++) {
        int l = q[i] >= 70 ? 1 : q[i] >= 55 ? 2 : q[i] >= 40 ? 3 : q[i] >= 20 ? 4 : 5;
        level[l]++, sum += q[i], below += q[i] < FINGER_QUALITY_MIN;
    }
    printf("quality of the %d impressions: mean %.1f; level 1 (excellent) %d, 2 %d, 3 %d, 4 %d, "
           "5 (poor) %d; below the recapture line (%d) %d (%.1f %%)\n",
           n, sum / n, level[1], level[2], level[3], level[4], level[5], FINGER_QUALITY_MIN, below,
           100.0 * below / n);
}

int bench_biometrics(int argc, char **argv) {
    uint64_t pairs = 1000, seed = 1, impostors = 10, threads = 2;
    const args_opt opts[] = {ARGS_U64("--pairs", &pairs, 10, 100000),
                             ARGS_U64("--seed", &seed, 0, 9007199254740991ull),
                             ARGS_U64("--impostors", &impostors, 1, 100),
                             ARGS_U64("--threads", &threads, 1, 8), ARGS_END};
    int rc = args_parse("bench biometrics", opts, bench_usage, argc, argv);
    if (rc != ARGS_GO) return rc;
    if (impostors >= pairs) impostors = pairs - 1;
    int n = (int)pairs, nn = n * (int)impostors;
    finger_template *a = malloc(sizeof *a * pairs), *b = malloc(sizeof *b * pairs);
    int *quality = malloc(sizeof(int) * 2 * pairs);
    double *mat = malloc(sizeof(double) * pairs), *non = malloc(sizeof(double) * (size_t)nn);
    bl_err err = {0};
    double ms[3], t0 = bench_now_ms();
    if (!a || !b || !quality || !mat || !non) {
        err_setc(&err, BL_E_NOMEM, "out of memory for %d fingers", n);
        rc = -1;
    } else {
        rc = bb_generate(pairs, seed, (int)threads, a, b, quality, ms, &err);
    }
    if (rc != 0) {
        free(a), free(b), free(quality), free(mat), free(non);
        return cmd_fail("bench", &err);
    }
    double gen_wall = bench_now_ms() - t0, t1 = cpu_ms();
    for (int i = 0; i < n; i++)
        mat[i] = finger_match(&a[i], &b[i], NULL);
    for (int i = 0, k = 0; i < n; i++)
        for (int j = 1; j <= (int)impostors; j++)
            non[k++] = finger_match(
                &a[i], &b[(i + j * 7919) % n == i ? (i + 1) % n : (i + j * 7919) % n], NULL);
    double cmp_ms = cpu_ms() - t1, cmp_s = (n + nn) / (cmp_ms / 1000);
    int gated = 0, gated_miss = 0; /* as a desk that asks for another capture below the line */
    for (int i = 0; i < n; i++)
        if (quality[2 * i] >= FINGER_QUALITY_MIN && quality[2 * i + 1] >= FINGER_QUALITY_MIN)
            gated++, gated_miss += mat[i] < FINGER_MATCH_THRESHOLD;
    qsort(non, (size_t)nn, sizeof *non, cmp_d);
    double thr = FINGER_MATCH_THRESHOLD;
    double fnmr = 1 - share_at_or_above(mat, n, thr), fmr = share_at_or_above(non, nn, thr);
    double t1pc = threshold_for(non, nn, 0.01), t01pc = threshold_for(non, nn, 0.001);
    double fnmr1 = 1 - share_at_or_above(mat, n, t1pc),
           fnmr01 = 1 - share_at_or_above(mat, n, t01pc);
    double e, eat;
    eer(mat, n, non, nn, &e, &eat);
    double per_impr = (ms[0] / 2 + ms[1]) / (2.0 * n), per_ext = ms[2] / (2.0 * n);
    printf("biometrics: %d fingers (%d people, positions 1-10), two captures each "
           "(finger_capture_random), seed %llu, %d thread(s)\n",
           n, n, (unsigned long long)seed, (int)threads);
    printf("  %d mated comparisons, %d non-mated (each first impression against %d other "
           "people's)\n",
           n, nn, (int)impostors);
    print_dist("mated", mat, n);
    print_dist("non-mated", non, nn);
    printf("at the threshold %.1f: FNMR %.2f %%, FMR %.3f %%; FNMR %.2f %% over the %d pairs "
           "whose two captures reach quality %d (the rest would be captured again)\n",
           thr, 100 * fnmr, 100 * fmr, gated ? 100.0 * gated_miss / gated : 0, gated,
           FINGER_QUALITY_MIN);
    printf("FNMR at FMR 1 %%: %.2f %% (threshold %.1f); at FMR 0.1 %%: %.2f %% (threshold %.1f)\n",
           100 * fnmr1, t1pc, 100 * fnmr01, t01pc);
    printf("EER about %.2f %% (threshold %.1f)\n", 100 * e, eat);
    printf("CPU time (one thread): %.1f ms a master, %.1f ms an impression (%.1f ms each with "
           "half a master); extraction %.1f ms an image; %.0f comparisons a second; the run "
           "took %.1f s on the clock (generation %.1f s)\n",
           ms[0] / n, ms[1] / (2.0 * n), per_impr, per_ext, cmp_s, (bench_now_ms() - t0) / 1000,
           gen_wall / 1000);
    print_quality(quality, 2 * n);
    printf("targets: FMR <= %.1f %% at the threshold: %s; FNMR <= %.0f %% at the threshold: %s; "
           ">= %.0f comparisons/s: %s; <= %.0f ms to make and extract an impression: %s\n",
           100 * TARGET_FMR, met(fmr <= TARGET_FMR), 100 * TARGET_FNMR, met(fnmr <= TARGET_FNMR),
           TARGET_CMP_S, met(cmp_s >= TARGET_CMP_S), TARGET_IMPR_MS,
           met(per_impr + per_ext <= TARGET_IMPR_MS));
    printf("{\"fnmr\": %.5f, \"fmr\": %.6f, \"threshold\": %.1f, \"fnmr_at_fmr_1pc\": %.5f, "
           "\"fnmr_at_fmr_0_1pc\": %.5f, \"eer\": %.5f, \"master_ms\": %.2f, \"impression_ms\": "
           "%.2f, \"extract_ms\": %.2f, \"comparisons_per_s\": %.0f, \"mated\": %d, "
           "\"non_mated\": %d, \"fnmr_quality_gated\": %.5f}\n",
           fnmr, fmr, thr, fnmr1, fnmr01, e, ms[0] / n, ms[1] / (2.0 * n), per_ext, cmp_s, n, nn,
           gated ? (double)gated_miss / gated : 0);
    free(a), free(b), free(quality), free(mat), free(non);
    return 0;
}
