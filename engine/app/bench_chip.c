/* bench_chip.c - `borderlab bench chip`: what the passport chip costs
 * (chip.h): a desk's master list (each state's CSCA and CRL derived and
 * signed), personalising one chip (keys derived, the portrait drawn and
 * JPEG-encoded, two certificates and the SOD signed), and passive
 * authentication of it at the desk. Medians of --reps over UTO passports of
 * successive seeds; the last line is one JSON object. */
#include <stdio.h>
#include <stdlib.h>

#include "args.h"
#include "bench.h"
#include "chip.h"
#include "cmd.h"

static int cmp_d(const void *a, const void *b) {
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static double median(double *v, int n) {
    qsort(v, (size_t)n, sizeof *v, cmp_d);
    return n % 2 ? v[n / 2] : 0.5 * (v[n / 2 - 1] + v[n / 2]);
}

typedef struct chip_times {
    double trust, build, verify;
    size_t dg2_bytes, sod_bytes;
} chip_times;

/* One round: the master list, one chip, its verification. */
static int one_round(const tpl *t, uint64_t seed, chip_times *out, bl_err *err) {
    const bl_date today = {2026, 6, 1};
    doc_spec spec = {.t = t, .seed = seed, .dpi = 300, .today = today};
    chip_spec cs = {&spec, CHIP_DEFECT_NONE, NULL, 0};
    double t0 = bench_now_ms();
    chip_trust *ml = chip_trust_create(today, err);
    if (!ml || chip_trust_add_builtin(ml, err)) {
        chip_trust_destroy(ml);
        return -1;
    }
    double t1 = bench_now_ms();
    chip c;
    chip_result r;
    int rc = chip_build(&cs, &c, err);
    double t2 = bench_now_ms();
    if (rc == 0) rc = chip_verify(&c, ml, today, &r, err);
    double t3 = bench_now_ms();
    if (rc == 0 && r.verdict != CHIP_VERDICT_AUTHENTIC)
        rc = err_set(err, "a genuine chip did not verify: %s", r.reasons[0]);
    *out = (chip_times){t1 - t0, t2 - t1, t3 - t2, c.dg2.len, c.sod.len};
    chip_deinit(&c);
    chip_trust_destroy(ml);
    return rc;
}

int bench_chip(int argc, char **argv) {
    uint64_t reps = 20;
    const args_opt opts[] = {ARGS_U64("--reps", &reps, 1, 10000), ARGS_END};
    int rc = args_parse("bench chip", opts, bench_usage, argc, argv);
    if (rc != ARGS_GO) return rc;
    bl_err err = {0};
    tpl t;
    double *v = calloc(reps * 3, sizeof *v);
    if (!v) return err_setc(&err, BL_E_NOMEM, "out of memory"), cmd_fail("bench chip", &err);
    chip_times ct = {0};
    rc = tpl_builtin(&t, "uto-passport-td3", &err);
    for (uint64_t i = 0; rc == 0 && i < reps; i++) {
        rc = one_round(&t, 1000 + i, &ct, &err);
        v[i] = ct.trust, v[reps + i] = ct.build, v[2 * reps + i] = ct.verify;
    }
    if (rc) {
        free(v);
        return cmd_fail("bench chip", &err);
    }
    double trust = median(v, (int)reps), build = median(v + reps, (int)reps);
    double verify = median(v + 2 * reps, (int)reps);
    printf("master list (UTO, QWH): %.2f ms; chip build: %.2f ms; passive authentication: "
           "%.2f ms (medians of %llu; DG2 %zu bytes, EF.SOD %zu bytes)\n",
           trust, build, verify, (unsigned long long)reps, ct.dg2_bytes, ct.sod_bytes);
    printf("{\"trust_ms\": %.3f, \"build_ms\": %.3f, \"verify_ms\": %.3f, \"dg2_bytes\": %zu, "
           "\"sod_bytes\": %zu}\n",
           trust, build, verify, ct.dg2_bytes, ct.sod_bytes);
    free(v);
    return 0;
}
