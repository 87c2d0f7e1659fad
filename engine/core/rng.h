/* rng.h - a small deterministic random generator (splitmix64).
 *
 * Everything generated from a seed (holder data, portraits, fibres, defects)
 * draws from an rng passed in explicitly, so the same seed gives the same
 * document on every machine and run. Never use rand().
 */
#ifndef BL_RNG_H
#define BL_RNG_H

#include <stdint.h>

typedef struct rng {
    uint64_t s;
} rng;

static inline void rng_init(rng *r, uint64_t seed) {
    r->s = seed ^ 0x9E3779B97F4A7C15ull;
}

static inline uint64_t rng_u64(rng *r) {
    uint64_t z = (r->s += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

/* Uniform in [0, n); n > 0. */
static inline uint32_t rng_below(rng *r, uint32_t n) {
    return (uint32_t)((rng_u64(r) >> 32) % n);
}

/* Uniform in [0, 1). */
static inline double rng_unit(rng *r) {
    return (double)(rng_u64(r) >> 11) * (1.0 / 9007199254740992.0);
}

/* Uniform in [lo, hi). */
static inline double rng_range(rng *r, double lo, double hi) {
    return lo + (hi - lo) * rng_unit(r);
}

/* A child seed for a named sub-stream, so adding draws to one part of a
 * document does not shift the random numbers of another. */
static inline uint64_t rng_derive(uint64_t seed, const char *name) {
    uint64_t h = 1469598103934665603ull ^ seed;
    for (const char *p = name; *p; p++)
        h = (h ^ (unsigned char)*p) * 1099511628211ull;
    rng r;
    rng_init(&r, h);
    return rng_u64(&r);
}

#endif
