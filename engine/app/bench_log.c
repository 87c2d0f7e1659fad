/* bench_log.c - the benchmarks' clock and recorded cases (bench.h). */
#define _POSIX_C_SOURCE 200809L
#include <time.h>

#include "bench.h"
#include "decision.h"
#include "desk.h"
#include "jsonfmt.h"
#include "rng.h"

double bench_now_ms(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

/* Whether a generated trainee takes the next expected step (always without one). */
static int takes(rng *r, const bench_play *play) {
    return !play || rng_unit(r) < play->skill;
}

/* The decision the trainee takes: the expected one, or (a wrong decision)
 * one of admit, refuse and second line that is not. */
static void decide(rng *r, const scenario *s, const bench_play *play, int *decision,
                   int *protection) {
    *decision = s->expected.decision, *protection = s->expected.protection;
    if (!play || rng_unit(r) < (1 + play->skill) / 2) return;
    int other = DECIDE_ADMIT + (int)rng_below(r, 3);
    if (other == *decision) other = other == DECIDE_SECOND_LINE ? DECIDE_ADMIT : other + 1;
    *decision = other, *protection = PROTECT_NONE;
}

size_t bench_case_log(const scenario *s, const score_truth *t, const bench_play *play, char *out,
                      size_t cap) {
    size_t n = 0;
    rng r;
    rng_init(&r, play ? play->seed : 0);
#define PUT(...) n += (size_t)json_fmt(out + n, n < cap ? cap - n : 0, __VA_ARGS__)
    PUT("{\"t\": 0.000, \"frame\": 0, \"action\": \"traveler\", \"target\": \"%s\", \"params\": "
        "{\"index\": 1}}\n",
        s->id);
    if (takes(&r, play))
        PUT("{\"t\": 1.000, \"frame\": 60, \"action\": \"light\", \"target\": \"uv\", \"params\": "
            "{}}\n");
    if (takes(&r, play))
        PUT("{\"t\": 2.000, \"frame\": 120, \"action\": \"light\", \"target\": \"oblique\", "
            "\"params\": {}}\n");
    for (int d = 0; d < t->n; d++) {
        if (!takes(&r, play)) continue;
        const desk_finding_kind *k = desk_finding_kind_get(score_finding_kind_of(t->d[d].kind));
        PUT("{\"t\": 3.000, \"frame\": 180, \"action\": \"flag\", \"target\": \"%s/doc%d:%s\", "
            "\"params\": {\"id\": %d, \"kind\": \"%s\", \"side\": %d, \"region_mm\": [%.2f, %.2f, "
            "%.2f, %.2f], \"light\": \"uv\", \"note\": \"\"}}\n",
            s->id, t->d[d].doc + 1, s->docs[t->d[d].doc].spec.template_id, d + 1, k ? k->id : "",
            t->d[d].side, t->d[d].x, t->d[d].y, t->d[d].w, t->d[d].h);
    }
    /* a generated trainee also calls the interpreter a case needs (bench
     * score's cases never did: its figures stay comparable) */
    if (play && s->expected.interpreter && takes(&r, play))
        PUT("{\"t\": 3.500, \"frame\": 210, \"action\": \"interpreter\", \"target\": \"%s\", "
            "\"params\": {}}\n",
            s->id);
    for (int i = 0; i < s->expected.n_ask; i++)
        if (takes(&r, play))
            PUT("{\"t\": 4.000, \"frame\": 240, \"action\": \"ask\", \"target\": \"%s\", "
                "\"params\": {\"question\": \"%s\", \"forbidden\": false, \"times\": 1}}\n",
                s->id, s->expected.ask[i]);
    int decision, protection;
    decide(&r, s, play, &decision, &protection);
    double at = play ? play->seconds : 60;
    if (play && decision == DECIDE_REFUSE && takes(&r, play)) /* and gives a refusal's reasons */
        PUT("{\"t\": %.3f, \"frame\": %ld, \"action\": \"reasons\", \"target\": \"%s\", "
            "\"params\": {\"interpreter\": false}}\n",
            at - 1, (long)((at - 1) * DESK_FPS), s->id);
    PUT("{\"t\": %.3f, \"frame\": %ld, \"action\": \"decide\", \"target\": \"%s\", \"params\": "
        "{\"decision\": \"%s\", \"protection\": \"%s\"}}\n",
        at, (long)(at * DESK_FPS), s->id, decision_name(decision), protection_name(protection));
#undef PUT
    return n < cap ? n : cap - 1;
}
