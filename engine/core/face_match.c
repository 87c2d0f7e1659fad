/* face_match.c - a simulated face matcher for the automated gate, and its
 * figures on generated pairs.
 *
 * Not a recogniser: it never looks at pixels. Each face becomes a vector of
 * its weighted stable parameters as they appear at the face's age and weight
 * (a child's face is not yet the adult's), in units of the population's
 * spread. Each capture adds noise to that vector, drawn from the capture
 * seed and larger when the pose or expression is off, when glasses or a
 * beard come or go, and with the years between the two images; the score
 * falls with the distance between the two noisy vectors. The constants are
 * calibrated with face_bench against the rates face.h states: a score
 * distribution shaped like an operational matcher's, so the gate's decisions
 * (and its mistakes with look-alikes and morphs) are the ones trainees meet. */
#include "face_int.h"

#include <stdlib.h>
#include <string.h>

#define MATCH_D0    0.48 /* the distance scoring 0.5 (the threshold) */
#define MATCH_SLOPE 0.07 /* how quickly the score falls around it */
#define MATCH_NOISE 0.11 /* per-component capture noise of a good capture */
#define MATCH_POOR  0.06 /* share of poor captures (blur, glare, a turned head) */

double face_match_threshold(void) {
    return 0.5;
}

/* The parameter as it appears at this age and weight. */
static double apparent(const face_params *p, const face_pdesc *d) {
    double v = face_pget(p, d), y = p->years, fat = face_clamp(p->weight, -1, 1);
    double k = face_clamp((17.0 - y) / 13.0, 0, 1), old = face_clamp((y - 30) / 45.0, 0, 1);
    k = k * k * (3 - 2 * k);
    static const struct {
        size_t off;
        double child, old, fat;
    } grow[] = {
        {offsetof(face_params, face_h), -0.24, 0.01, 0.01},
        {offsetof(face_params, face_w), 0.05, 0, 0.035},
        {offsetof(face_params, jaw), -0.12, 0.02, 0.05},
        {offsetof(face_params, nose_len), -0.28, 0.04, 0},
        {offsetof(face_params, nose_w), -0.18, 0.05, 0.02},
        {offsetof(face_params, tip_size), -0.15, 0.15, 0},
        {offsetof(face_params, mouth_w), -0.15, 0, 0.02},
        {offsetof(face_params, lip_up), 0, -0.3, 0},
        {offsetof(face_params, lip_lo), 0, -0.2, 0},
        {offsetof(face_params, eye_w), 0.1, 0, -0.02},
        {offsetof(face_params, brow_thick), -0.3, -0.2, 0},
        {offsetof(face_params, ear_h), -0.12, 0.06, 0},
        {offsetof(face_params, cheek_full), 0.8, -0.2, 1.0},
    };
    for (size_t i = 0; i < sizeof grow / sizeof grow[0]; i++)
        if (grow[i].off == d->off)
            return v * (1 + grow[i].child * k + grow[i].old * old + grow[i].fat * fat);
    return v;
}

/* How far a capture of p is from a frontal, neutral one: noise multiplier. */
static double capture_spread(const face_params *p) {
    return 1 + 3.0 * (fabs(p->yaw) + fabs(p->pitch)) + 0.8 * p->expression + 0.5 * p->morph_ghost;
}

double face_match_score(const face_params *a, const face_params *b, uint64_t capture_seed) {
    rng ra, rb;
    rng_init(&ra, rng_derive(capture_seed, "capture a"));
    rng_init(&rb, rng_derive(capture_seed, "capture b"));
    /* now and then a capture is poor: a genuine pair's long tail of low scores */
    double qa = rng_unit(&ra) < MATCH_POOR ? 2.5 + 2.5 * rng_unit(&ra) : 1;
    double qb = rng_unit(&rb) < MATCH_POOR ? 2.5 + 2.5 * rng_unit(&rb) : 1;
    double sa = MATCH_NOISE * qa * capture_spread(a), sb = MATCH_NOISE * qb * capture_spread(b);
    /* what comes or goes between the captures blurs the comparison */
    double extra = 0.025 * abs(a->years - b->years);
    if ((a->glasses != 0) != (b->glasses != 0)) extra += 0.08;
    if ((a->beard == FACE_BEARD_FULL || a->beard == FACE_BEARD_LONG) !=
        (b->beard == FACE_BEARD_FULL || b->beard == FACE_BEARD_LONG))
        extra += 0.08;
    double s2 = 0, wsum = 0;
    for (int i = 0; i < face_n_pdescs; i++) {
        const face_pdesc *d = &face_pdescs[i];
        if (d->weight <= 0) continue;
        double spread = d->sd > 0 ? d->sd : 1.2 * d->jnd;
        double za = apparent(a, d) / spread + (sa + extra) * face_gauss(&ra);
        double zb = apparent(b, d) / spread + sb * face_gauss(&rb);
        s2 += d->weight * (za - zb) * (za - zb);
        wsum += d->weight;
    }
    double dist = sqrt(s2 / (2 * wsum));
    if (a->sex != b->sex) dist += 0.5;
    return 1 / (1 + exp((dist - MATCH_D0) / MATCH_SLOPE));
}

/* Pair i's base face: an adult, both sexes. */
static void bench_base(uint64_t seed, int i, face_params *p) {
    face_from_seed(rng_derive(seed, "bench base") + (uint64_t)i * 0x9E3779B97F4A7C15ull, p);
}

static int accept(const face_params *a, const face_params *b, uint64_t cap, long *calls) {
    (*calls)++;
    return face_match_score(a, b, cap) >= face_match_threshold();
}

void face_bench(int n, uint64_t seed, face_bench_result *out) {
    memset(out, 0, sizeof *out);
    out->n = n;
    long fnm = 0, fm = 0, la = 0, ma = 0, cf = 0;
    for (int i = 0; i < n; i++) {
        face_params a, b, o;
        uint64_t c = rng_derive(seed, "capture") + (uint64_t)i * 7919u;
        bench_base(seed, i, &a);
        face_relate(&a, FACE_REL_SAME, c + 1, 0, &b);
        fnm += !accept(&a, &b, c + 2, &out->comparisons);
        out->mean_same += face_match_score(&a, &b, c + 2);
        face_relate(&a, FACE_REL_AGED, c + 3, 1 + i % 10, &b);
        fnm += !accept(&a, &b, c + 4, &out->comparisons);
        bench_base(seed ^ 0x5eedu, i, &o);
        face_set_sex(&o, a.sex == FACE_MALE ? 'M' : 'F');
        fm += accept(&a, &o, c + 5, &out->comparisons);
        out->mean_diff += face_match_score(&a, &o, c + 5);
        face_relate(&a, FACE_REL_LOOKALIKE, c + 6, 0, &b);
        la += accept(&a, &b, c + 7, &out->comparisons);
        out->mean_lookalike += face_match_score(&a, &b, c + 7);
        face_params m;
        face_morph(&a, &b, 0.5, &m);
        ma += accept(&m, &a, c + 8, &out->comparisons) && accept(&m, &b, c + 9, &out->comparisons);
        out->mean_morph += face_match_score(&m, &a, c + 8);
        face_params child = a, adult = a;
        face_fit_age(&child, 8);
        face_fit_age(&adult, 18 + i % 8);
        cf += !accept(&child, &adult, c + 10, &out->comparisons);
        out->comparisons += 4;
    }
    double k = n > 0 ? 1.0 / n : 0;
    out->fnmr = fnm * k * 0.5, out->fmr = fm * k, out->lookalike_accept = la * k;
    out->morph_accept = ma * k, out->child_fnmr = cf * k;
    out->mean_same *= k, out->mean_diff *= k, out->mean_lookalike *= k, out->mean_morph *= k;
}
