/* bench.h - what the benchmarks share (cmd_bench.c, bench_results.c): a
 * monotonic clock, and a recorded case as the desk logs it, played as the
 * scenario expects or by a generated trainee who skips steps. */
#ifndef BL_BENCH_H
#define BL_BENCH_H

#include <stddef.h>
#include <stdint.h>

#include "scenario.h"
#include "score.h"

/* Milliseconds on a monotonic clock. */
double bench_now_ms(void);

/* How a generated trainee plays a case: each expected step (a light, a
 * flag on a true defect, an expected question) is taken with probability
 * skill, and the decision is the expected one with probability
 * (1 + skill) / 2, drawn from seed; the decision comes at `seconds`. */
typedef struct bench_play {
    uint64_t seed;
    double skill;   /* 0..1 */
    double seconds; /* > 4: after the other steps */
} bench_play;

/* One traveler's action log (JSON lines, as the desk writes them) into out
 * (cap bytes, NUL-terminated, cut at cap): the traveler arrives, UV and
 * oblique light, a flag on each true defect, the expected questions, a
 * decision (a generated trainee also calls the interpreter a case needs and
 * gives a refusal's reasons). play NULL: every step, the expected decision at 60 s. Returns
 * the length written. */
size_t bench_case_log(const scenario *s, const score_truth *t, const bench_play *play, char *out,
                      size_t cap);

#endif
