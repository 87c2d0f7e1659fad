/* finger_match.c - 1:1 comparison of two minutia templates, a 1:N candidate
 * list, and an ISO/IEC 19794-2-like record.
 *
 * The comparison is the two-stage scheme of Jiang and Yau (2000) and of
 * most minutia matchers since: (1) local structures that neither rotation
 * nor translation change (each minutia's nearest neighbours as distance,
 * direction to the neighbour and the neighbour's direction, relative to the
 * minutia's own) propose which minutiae may correspond; (2) for the best
 * proposals, the whole of one template is turned and moved onto the other
 * and minutiae are paired within tolerances (12 px and 30 degrees, wider
 * away from the anchor, since skin stretches); the alignment refined by
 * least squares on its pairs is paired again. The score compares the pairs
 * with the minutiae each print has where the two overlap, so a small
 * partial print is not punished for what it cannot show, and a floor keeps
 * a handful of pairs in a tiny overlap from scoring high.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "finger_int.h"

#define K_NB     7   /* neighbours in a local structure */
#define NB_RANGE 130 /* px: farther minutiae are not neighbours */
#define N_ANCHOR 12  /* alignments tried */
#define OV_FLOOR 15  /* the overlap counts at least this many minutiae */
#define LS_BASE  0.3 /* a pair whose neighbourhoods disagree counts this much */
#define TOL1     12  /* px: pairing tolerance round the anchor, first pass */
#define TOL2     9   /* and after the least-squares refit */
#define ATOL     0.4 /* radians: direction tolerance round the anchor */

typedef struct mt_nb {
    float d, phi, psi; /* distance, direction to it (relative), its direction (relative) */
} mt_nb;

typedef struct mt_local {
    int n;
    mt_nb nb[K_NB];
} mt_local;

typedef struct mt_pair {
    float s;
    short i, j;
} mt_pair;

static float wrap2pi(double a) {
    a = fmod(a, 2 * M_PI);
    return (float)(a < 0 ? a + 2 * M_PI : a);
}

static void locals(const finger_template *t, mt_local *l) {
    for (int i = 0; i < t->n; i++) {
        float best[K_NB];
        int idx[K_NB], n = 0;
        for (int j = 0; j < t->n; j++) {
            if (j == i) continue;
            float dx = t->m[j].x - t->m[i].x, dy = t->m[j].y - t->m[i].y;
            if (fabsf(dx) > NB_RANGE || fabsf(dy) > NB_RANGE) continue;
            float d = sqrtf(dx * dx + dy * dy);
            if (d > NB_RANGE) continue;
            int k = n < K_NB ? n++ : K_NB;
            if (k == K_NB && d >= best[K_NB - 1]) continue;
            if (k == K_NB) k = K_NB - 1;
            while (k > 0 && best[k - 1] > d) /* insertion, nearest first */
                best[k] = best[k - 1], idx[k] = idx[k - 1], k--;
            best[k] = d, idx[k] = j;
        }
        l[i].n = n;
        for (int k = 0; k < n; k++) {
            const finger_minutia *a = &t->m[i], *b = &t->m[idx[k]];
            l[i].nb[k].d = best[k];
            l[i].nb[k].phi = wrap2pi(atan2(b->y - a->y, b->x - a->x) - a->angle);
            l[i].nb[k].psi = wrap2pi(b->angle - a->angle);
        }
    }
}

static float adiff(float a, float b) {
    float d = fabsf(a - b);
    return d > (float)M_PI ? (float)(2 * M_PI) - d : d;
}

/* How alike two local structures are: the share of neighbours that agree.
 * Both lists are sorted by distance, so each neighbour of a is compared
 * only with b's at about its distance. */
static float local_sim(const mt_local *a, const mt_local *b) {
    if (a->n < 2 || b->n < 2) return 0;
    int used = 0, hits = 0, v0 = 0;
    for (int u = 0; u < a->n; u++) {
        const mt_nb *p = &a->nb[u];
        float tol = 6 + 0.08f * p->d;
        while (v0 < b->n && b->nb[v0].d < p->d - tol)
            v0++;
        for (int v = v0; v < b->n && b->nb[v].d <= p->d + tol; v++) {
            const mt_nb *q = &b->nb[v];
            if ((used & (1 << v)) || adiff(p->phi, q->phi) > 0.35f || adiff(p->psi, q->psi) > 0.5f)
                continue;
            used |= 1 << v, hits++;
            break;
        }
    }
    return (float)hits / (float)(a->n < b->n ? a->n : b->n);
}

static int cmp_pair(const void *x, const void *y) {
    const mt_pair *a = x, *b = y;
    return (a->s < b->s) - (a->s > b->s);
}

/* An alignment: b ~ R(rot) (a - (ax, ay)) + (bx, by). */
typedef struct mt_align {
    double rot, ax, ay, bx, by;
} mt_align;

static void apply(const mt_align *g, double x, double y, double *ox, double *oy) {
    double c = cos(g->rot), s = sin(g->rot), dx = x - g->ax, dy = y - g->ay;
    *ox = g->bx + c * dx - s * dy, *oy = g->by + s * dx + c * dy;
}

/* Pairs a's minutiae, moved by g, with b's: nearest first, each once. */
static int pair_up(const finger_template *a, const finger_template *b, const mt_align *g,
                   double tol, int (*out)[2], int cap) {
    enum { MAXC = 2048 };
    struct {
        float d;
        short i, j;
    } c[MAXC];
    int nc = 0;
    for (int i = 0; i < a->n; i++) {
        double x, y;
        apply(g, a->m[i].x, a->m[i].y, &x, &y);
        double fx = a->m[i].x - g->ax, fy = a->m[i].y - g->ay, far = sqrt(fx * fx + fy * fy);
        double rt = tol * (1 + far / 250), at = ATOL * (1 + far / 400);
        float ang = wrap2pi(a->m[i].angle + g->rot);
        for (int j = 0; j < b->n && nc < MAXC; j++) {
            double dx = b->m[j].x - x, dy = b->m[j].y - y, d2 = dx * dx + dy * dy;
            if (d2 > rt * rt || adiff(ang, b->m[j].angle) > at) continue;
            c[nc].d = (float)d2, c[nc].i = (short)i, c[nc].j = (short)j, nc++;
        }
    }
    /* nearest first (a short insertion sort: the lists are small) */
    for (int k = 1; k < nc; k++)
        for (int q = k; q > 0 && c[q - 1].d > c[q].d; q--) {
            float td = c[q].d;
            short ti = c[q].i, tj = c[q].j;
            c[q].d = c[q - 1].d, c[q].i = c[q - 1].i, c[q].j = c[q - 1].j;
            c[q - 1].d = td, c[q - 1].i = ti, c[q - 1].j = tj;
        }
    uint8_t ua[FINGER_MAX_MINUTIAE] = {0}, ub[FINGER_MAX_MINUTIAE] = {0};
    int n = 0;
    for (int k = 0; k < nc; k++) {
        if (ua[c[k].i] || ub[c[k].j]) continue;
        ua[c[k].i] = ub[c[k].j] = 1;
        if (n < cap) out[n][0] = c[k].i, out[n][1] = c[k].j;
        n++;
    }
    return n < cap ? n : cap;
}

/* The rigid motion that best carries the paired a-minutiae onto b's. */
static void refit(const finger_template *a, const finger_template *b, int (*p)[2], int n,
                  mt_align *g) {
    double ax = 0, ay = 0, bx = 0, by = 0, sxx = 0, sxy = 0;
    for (int k = 0; k < n; k++)
        ax += a->m[p[k][0]].x, ay += a->m[p[k][0]].y, bx += b->m[p[k][1]].x, by += b->m[p[k][1]].y;
    ax /= n, ay /= n, bx /= n, by /= n;
    for (int k = 0; k < n; k++) {
        double ux = a->m[p[k][0]].x - ax, uy = a->m[p[k][0]].y - ay;
        double vx = b->m[p[k][1]].x - bx, vy = b->m[p[k][1]].y - by;
        sxx += ux * vx + uy * vy, sxy += ux * vy - uy * vx;
    }
    g->rot = atan2(sxy, sxx), g->ax = ax, g->ay = ay, g->bx = bx, g->by = by;
}

/* How many of a's minutiae, moved by g, fall where b has finger (near one
 * of b's minutiae). */
static int overlap(const finger_template *a, const finger_template *b, const mt_align *g) {
    int n = 0;
    for (int i = 0; i < a->n; i++) {
        double x, y;
        apply(g, a->m[i].x, a->m[i].y, &x, &y);
        for (int j = 0; j < b->n; j++)
            if (fabs(b->m[j].x - x) < 40 && fabs(b->m[j].y - y) < 40) {
                n++;
                break;
            }
    }
    return n;
}

/* The pairs, each counted by how well its two neighbourhoods agree (a pair
 * chance made has neighbours that do not), against the overlap's minutiae. */
static double score_of(const finger_template *a, const finger_template *b, const mt_align *g,
                       int (*p)[2], int npairs, const mt_local *la, const mt_local *lb) {
    mt_align inv = {-g->rot, g->bx, g->by, g->ax, g->ay};
    int na = overlap(a, b, g), nb = overlap(b, a, &inv);
    double fa = na > OV_FLOOR ? na : OV_FLOOR, fb = nb > OV_FLOOR ? nb : OV_FLOOR, eff = 0;
    for (int k = 0; k < npairs; k++)
        eff += LS_BASE + (1 - LS_BASE) * local_sim(&la[p[k][0]], &lb[p[k][1]]);
    return fm_clamp(100.0 * eff / sqrt(fa * fb), 0, 100);
}

double finger_match(const finger_template *a, const finger_template *b, finger_match_result *r) {
    finger_match_result tmp;
    if (!r) r = &tmp;
    memset(r, 0, sizeof *r);
    if (a->n < 3 || b->n < 3) return 0;
    mt_local *la = malloc(sizeof(mt_local) * (size_t)a->n),
             *lb = malloc(sizeof(mt_local) * (size_t)b->n);
    mt_pair *cand = malloc(sizeof(mt_pair) * (size_t)a->n * (size_t)b->n);
    if (!la || !lb || !cand) {
        free(la), free(lb), free(cand);
        return 0;
    }
    locals(a, la), locals(b, lb);
    int nc = 0;
    for (int i = 0; i < a->n; i++)
        for (int j = 0; j < b->n; j++) {
            float s = local_sim(&la[i], &lb[j]);
            if (s >= 0.3f) cand[nc].s = s, cand[nc].i = (short)i, cand[nc].j = (short)j, nc++;
        }
    qsort(cand, (size_t)nc, sizeof *cand, cmp_pair);
    int pairs[FINGER_MAX_PAIRS][2];
    for (int k = 0; k < nc && k < N_ANCHOR; k++) {
        const finger_minutia *p = &a->m[cand[k].i], *q = &b->m[cand[k].j];
        mt_align g = {fm_wrap(q->angle - p->angle), p->x, p->y, q->x, q->y};
        int n = pair_up(a, b, &g, TOL1, pairs, FINGER_MAX_PAIRS);
        if (n >= 3) {
            refit(a, b, pairs, n, &g);
            n = pair_up(a, b, &g, TOL2, pairs, FINGER_MAX_PAIRS);
        }
        if (n < 2) continue;
        double s = score_of(a, b, &g, pairs, n, la, lb);
        if (s > r->score) {
            r->score = s, r->npairs = n;
            memcpy(r->pairs, pairs, sizeof(int) * 2 * (size_t)n);
            double c = cos(g.rot), sn = sin(g.rot);
            r->rotation = g.rot;
            r->dx = g.bx - (c * g.ax - sn * g.ay), r->dy = g.by - (sn * g.ax + c * g.ay);
        }
    }
    free(la), free(lb), free(cand);
    return r->score;
}

static int cmp_cand(const void *x, const void *y) {
    const finger_candidate *a = x, *b = y;
    if (a->score != b->score) return (a->score < b->score) - (a->score > b->score);
    return (a->index > b->index) - (a->index < b->index);
}

int finger_search(const finger_template *probe, const finger_template *gallery, int n,
                  double threshold, finger_candidate *out, int cap) {
    int k = 0;
    finger_candidate *all = malloc(sizeof *all * (size_t)(n > 0 ? n : 1));
    if (!all) return 0;
    for (int i = 0; i < n; i++) {
        double s = finger_match(probe, &gallery[i], NULL);
        if (s >= threshold) all[k].index = i, all[k].score = s, k++;
    }
    qsort(all, (size_t)k, sizeof *all, cmp_cand);
    if (k > cap) k = cap;
    memcpy(out, all, sizeof *all * (size_t)k);
    free(all);
    return k;
}

/* ---- ISO/IEC 19794-2:2005-like record ---- */

static size_t put16(uint8_t *o, size_t at, size_t cap, unsigned v) {
    if (at + 2 <= cap) o[at] = (uint8_t)(v >> 8), o[at + 1] = (uint8_t)v;
    return at + 2;
}

size_t finger_template_iso(const finger_template *t, int position, uint8_t *out, size_t cap) {
    size_t len = 24 + 4 + 6 * (size_t)t->n + 2, at = 0;
    static const uint8_t magic[8] = {'F', 'M', 'R', 0, ' ', '2', '0', 0};
    for (int i = 0; i < 8; i++, at++)
        if (at < cap) out[at] = magic[i];
    at = put16(out, at, cap, 0), at = put16(out, at, cap, (unsigned)len); /* 4-byte length */
    at = put16(out, at, cap, 0);                                          /* capture equipment */
    at = put16(out, at, cap, (unsigned)t->w), at = put16(out, at, cap, (unsigned)t->h);
    unsigned res = (unsigned)lround((t->ppi ? t->ppi : FINGER_PPI) / 2.54); /* px per cm */
    at = put16(out, at, cap, res), at = put16(out, at, cap, res);
    if (at < cap) out[at] = 1; /* one finger view */
    at++;
    if (at < cap) out[at] = 0;
    at++;
    if (at + 4 <= cap) {
        out[at] = (uint8_t)position, out[at + 1] = 0; /* view 0, impression: live-scan plain */
        out[at + 2] = (uint8_t)t->quality, out[at + 3] = (uint8_t)t->n;
    }
    at += 4;
    for (int i = 0; i < t->n; i++) {
        const finger_minutia *m = &t->m[i];
        unsigned type = m->kind == FINGER_ENDING ? 1 : 2;
        unsigned x = (unsigned)fm_clamp(lround(m->x), 0, 16383);
        unsigned y = (unsigned)fm_clamp(lround(m->y), 0, 16383);
        double ccw = fmod(2 * M_PI - m->angle, 2 * M_PI); /* ISO counts counter-clockwise */
        at = put16(out, at, cap, (type << 14) | x), at = put16(out, at, cap, y);
        if (at + 2 <= cap) {
            out[at] = (uint8_t)((unsigned)lround(ccw / (2 * M_PI) * 256) & 255);
            out[at + 1] = m->quality;
        }
        at += 2;
    }
    at = put16(out, at, cap, 0); /* no extended data */
    return at;
}
