/* finger_solve.c - the continuous phase of a master finger's ridges
 * (finger_phase.c draws the ridges from it, with the minutiae).
 *
 * The phase's gradient should be 2 pi / period along the ridges' normal,
 * but the normal of an orientation field with cores and deltas has no
 * consistent sign: going once round a core turns it by pi. We trace a fold
 * line from each singular point along the ridge flow to the canvas edge (or
 * to a partner: a whorl's two cores, a tented arch's core and delta), give
 * the normal a sign everywhere else by a search that never crosses a fold,
 * and solve for psi by least squares (conjugate gradients on the normal
 * equations, CGLS): across a fold psi is reflected (psi -> 2c - psi, which
 * cos cannot see when c is a multiple of pi), and the fold is a level line
 * of psi (a ridge or valley centre, as a loop's axis and a delta's prongs
 * are). On an 8 px grid each fold's c is solved for and rounded to a
 * multiple of pi; a 4 px grid starts from that answer; sweeps round each
 * singular point mend what the coarse grid could not draw there.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "finger_int.h"

#define MAX_CUT_PTS 2400 /* a fold line's points, one a px */
#ifndef ITER0
#define ITER0 300 /* CG steps on the 8 px grid (and a third more after rounding) */
#endif
#define ITER1  60  /* and on the 4 px grid, from the 8 px answer */
#define WLO    0.3 /* the weight of equations next to a singular point */
#define NLEVEL 2   /* grids of 8 and 4 px: the coarse one finds the folds' constants */

typedef struct ph_edge {
    int a, b;
    int8_t fold; /* 0 same sheet, 1 across a fold */
    int8_t cut;  /* fold: which cut's constant */
    float g;     /* target */
    float w;     /* sqrt of the weight */
} ph_edge;

/* One grid: nodes every S px over the canvas. */
typedef struct ph_level {
    int S, nx, ny, nn;
    float *nrx, *nry, *fr, *wn; /* lifted normal, 2 pi / period, weight */
    uint8_t *cut_h, *cut_v;     /* cut id + 1 on the edge to the right / below */
    float *cut_th, *cut_tv;     /* where along that edge the fold crosses it, 0..1 */
    uint8_t *seen;
    int *queue;
    double *psi;
    float (*cell)[4]; /* per cell, its corners' psi in the first corner's frame */
    ph_edge *e;
    int ne;
} ph_level;

struct ph_ws {
    ph_level lv[NLEVEL];
    double c[FM_MAX_CUT];
    int ncut;
    int cut_n[FM_MAX_CUT];
    float cut_xy[FM_MAX_CUT][MAX_CUT_PTS * 2];
};

static void level_free(ph_level *l) {
    free(l->nrx), free(l->nry), free(l->fr), free(l->wn), free(l->cut_h), free(l->cut_v);
    free(l->cut_th), free(l->cut_tv);
    free(l->seen), free(l->queue), free(l->psi), free(l->cell), free(l->e);
}

static int level_init(ph_level *l, int S) {
    memset(l, 0, sizeof *l);
    l->S = S, l->nx = FM_W / S + 1, l->ny = FM_H / S + 1, l->nn = l->nx * l->ny;
    size_t n = (size_t)l->nn;
    l->nrx = malloc(sizeof(float) * n), l->nry = malloc(sizeof(float) * n);
    l->fr = malloc(sizeof(float) * n), l->wn = malloc(sizeof(float) * n);
    l->cut_h = calloc(n, 1), l->cut_v = calloc(n, 1), l->seen = calloc(n, 1);
    l->cut_th = calloc(n, sizeof(float)), l->cut_tv = calloc(n, sizeof(float));
    l->queue = malloc(sizeof(int) * n), l->psi = calloc(n, sizeof(double));
    l->cell = malloc(sizeof(float) * 4 * n), l->e = malloc(sizeof(ph_edge) * 3 * n);
    return l->nrx && l->nry && l->fr && l->wn && l->cut_h && l->cut_v && l->cut_th && l->cut_tv &&
                   l->seen && l->queue && l->psi && l->cell && l->e
               ? 0
               : -1;
}

/* ---- fold lines ---- */

/* Marks the grid edges the fold crosses (steps are cut into pieces shorter
 * than a grid step, so no crossing is missed). */
static void mark_step(ph_level *l, int id, double x0, double y0, double x1, double y1) {
    int S = l->S;
    int gy0 = (int)floor(y0 / S), gy1 = (int)floor(y1 / S);
    if (gy0 != gy1) { /* crosses a horizontal grid line: a horizontal edge */
        int iy = gy0 > gy1 ? gy0 : gy1;
        double t = (S * iy - y0) / (y1 - y0), cx = (x0 + t * (x1 - x0)) / S;
        int ix = (int)floor(cx);
        if (ix >= 0 && ix < l->nx - 1 && iy >= 0 && iy < l->ny) {
            l->cut_h[iy * l->nx + ix] = (uint8_t)(id + 1);
            l->cut_th[iy * l->nx + ix] = (float)(cx - ix);
        }
    }
    int gx0 = (int)floor(x0 / S), gx1 = (int)floor(x1 / S);
    if (gx0 != gx1) {
        int ix = gx0 > gx1 ? gx0 : gx1;
        double t = (S * ix - x0) / (x1 - x0), cy = (y0 + t * (y1 - y0)) / S;
        int iy = (int)floor(cy);
        if (ix >= 0 && ix < l->nx && iy >= 0 && iy < l->ny - 1) {
            l->cut_v[iy * l->nx + ix] = (uint8_t)(id + 1);
            l->cut_tv[iy * l->nx + ix] = (float)(cy - iy);
        }
    }
}

static void mark_cut(ph_level *l, int id, const float *p, int n) {
    for (int k = 0; k + 1 < n; k++) {
        double x0 = p[2 * k], y0 = p[2 * k + 1], x1 = p[2 * k + 2], y1 = p[2 * k + 3];
        int parts = (int)ceil(hypot(x1 - x0, y1 - y0)) + 1;
        for (int j = 0; j < parts; j++) {
            double a = (double)j / parts, b = (double)(j + 1) / parts;
            mark_step(l, id, x0 + a * (x1 - x0), y0 + a * (y1 - y0), x0 + b * (x1 - x0),
                      y0 + b * (y1 - y0));
        }
    }
}

static void add_cut(ph_ws *w, const float *p, int n) {
    int id = w->ncut++;
    memcpy(w->cut_xy[id], p, sizeof(float) * 2 * (size_t)n);
    w->cut_n[id] = n;
    for (int k = 0; k < NLEVEL; k++)
        mark_cut(&w->lv[k], id, p, n);
}

/* One fold per singular point that has no partner: cores first (a core's
 * axis may lead into its delta or its twin), then deltas along their
 * shortest prong to the edge. */
static int make_cuts(const fm_field *f, ph_ws *w, bl_err *err) {
    int done[FM_MAX_SING] = {0};
    float *best = malloc(sizeof(float) * MAX_CUT_PTS * 2),
          *tmp = malloc(sizeof(float) * MAX_CUT_PTS * 2);
    if (!best || !tmp) {
        free(best), free(tmp);
        return err_setc(err, BL_E_NOMEM, "out of memory tracing a finger's folds");
    }
    for (int pass = 0; pass < 2; pass++) {
        for (int i = 0; i < f->nsing; i++) {
            if (done[i] || (pass == 0) != (f->s[i].kind > 0)) continue;
            double dir[8];
            int nd = fm_prongs(f, i, dir, 8), bn = 0, bto = -2;
            for (int k = 0; k < nd; k++) {
                int n = 0, to = fm_trace(f, i, dir[k], tmp, MAX_CUT_PTS, &n);
                if (to >= 0 && done[to]) to = -2;
                if (to == -2) continue;
                if (bto == -2 || n < bn) {
                    bn = n, bto = to;
                    memcpy(best, tmp, sizeof(float) * 2 * (size_t)n);
                }
            }
            if (bto == -2) { /* a whorl's cores that the flow does not join: join them */
                int j = -1;
                for (int k = 0; k < f->nsing; k++)
                    if (k != i && !done[k] && f->s[k].kind == f->s[i].kind) j = k;
                if (j < 0) {
                    free(best), free(tmp);
                    return err_set(err, "finger: no fold line from a singular point");
                }
                double dx = f->s[j].x - f->s[i].x, dy = f->s[j].y - f->s[i].y;
                int n = (int)ceil(sqrt(dx * dx + dy * dy)) + 1;
                for (int k = 0; k < n; k++) {
                    best[2 * k] = (float)(f->s[i].x + dx * k / (n - 1));
                    best[2 * k + 1] = (float)(f->s[i].y + dy * k / (n - 1));
                }
                bn = n, bto = j;
            }
            add_cut(w, best, bn);
            done[i] = 1;
            if (bto >= 0) done[bto] = 1;
        }
    }
    free(best), free(tmp);
    return 0;
}

/* ---- the sheet (sign of the normal) and the least squares ---- */

static int cut_between(const ph_level *l, int i, int j) {
    if (j == i + 1) return l->cut_h[i];
    if (j == i - 1) return l->cut_h[j];
    if (j == i + l->nx) return l->cut_v[i];
    return l->cut_v[j];
}

/* The field at the nodes, and the normal's sign chosen by a search that
 * never crosses a fold, so it flips only there. */
static void lift(const fm_field *f, ph_level *l) {
    static const int8_t dxy[4][2] = {{1, 0}, {-1, 0}, {0, 1}, {0, -1}};
    for (int i = 0; i < l->nn; i++) {
        double x = (i % l->nx) * l->S, y = (i / l->nx) * l->S, t = fm_theta(f, x, y);
        l->nrx[i] = (float)-sin(t), l->nry[i] = (float)cos(t);
        l->fr[i] = (float)(2 * M_PI / fm_period(f, x, y));
        double d = 1e9;
        for (int k = 0; k < f->nsing; k++)
            d = fmin(d, hypot(x - f->s[k].x, y - f->s[k].y));
        l->wn[i] = (float)(WLO + (1 - WLO) * fm_smooth(3, 12, d));
    }
    /* first only where neighbours' directions are clearly alike (or clearly
     * opposite), so the sign never turns by a wrong guess next to a
     * singular point; then the few nodes left */
    memset(l->seen, 0, (size_t)l->nn);
    int tail = 0;
    l->queue[tail++] = 0, l->seen[0] = 1;
    for (int pass = 0; pass < 2; pass++) {
        int head = 0;
        if (pass == 1) {
            tail = 0;
            for (int i = 0; i < l->nn; i++)
                if (l->seen[i]) l->queue[tail++] = i;
        }
        while (head < tail) {
            int i = l->queue[head++], ix = i % l->nx, iy = i / l->nx;
            for (int k = 0; k < 4; k++) {
                int jx = ix + dxy[k][0], jy = iy + dxy[k][1], j = jy * l->nx + jx;
                if (jx < 0 || jy < 0 || jx >= l->nx || jy >= l->ny || l->seen[j]) continue;
                double d = l->nrx[i] * l->nrx[j] + l->nry[i] * l->nry[j];
                if (cut_between(l, i, j) || (pass == 0 && (fabs(d) < 0.6 || l->wn[j] < 0.99)))
                    continue; /* round a singular point only at a distance, where the fold is whole
                               */
                if (d < 0) l->nrx[j] = -l->nrx[j], l->nry[j] = -l->nry[j];
                l->seen[j] = 1;
                l->queue[tail++] = j;
            }
        }
    }
}

/* What psi_b - psi_a should be (same sheet), or -(psi_a + psi_b - 2c) (across
 * a fold), from the normals and periods at both ends. */
static double edge_target(const ph_level *l, int a, int b, int fold) {
    double s = fold ? -1 : 1, dx = (b - a == 1) * l->S, dy = (b - a != 1) * l->S;
    double gx = 0.5 * (l->fr[a] * l->nrx[a] + s * l->fr[b] * l->nrx[b]);
    double gy = 0.5 * (l->fr[a] * l->nry[a] + s * l->fr[b] * l->nry[b]);
    return gx * dx + gy * dy;
}

/* An edge's equations. Across a fold, besides the reflection, the fold
 * line is a level line of the phase (a ridge or valley centre, as a loop's
 * axis and a delta's prongs are): psi - c grows with the distance from the
 * fold alike on both sides. Without this the solver may shift the two
 * sides against each other, and a core's innermost ridges cannot turn. */
static void add_edge(ph_level *l, int a, int b, int cut, double t) {
    double d = l->nrx[a] * l->nrx[b] + l->nry[a] * l->nry[b];
    int fold = cut > 0;
    if ((fold && d > -0.2) || (!fold && d < 0.2)) return; /* the field turns too fast here */
    ph_edge *e = &l->e[l->ne++];
    double g = edge_target(l, a, b, fold);
    e->a = a, e->b = b, e->fold = (int8_t)fold, e->cut = (int8_t)(cut - 1);
    e->g = (float)(fold ? -g : g);
    e->w = sqrtf(fminf(l->wn[a], l->wn[b]));
    if (!fold) return;
    double ex = (b - a == 1), ey = 1 - ex, S = l->S;
    double sa = -(t * S) * (l->nrx[a] * ex + l->nry[a] * ey);
    double sb = (1 - t) * S * (l->nrx[b] * ex + l->nry[b] * ey);
    ph_edge *v = &l->e[l->ne++];
    *v = *e;
    v->fold = 0, v->a = b, v->b = a; /* psi_a - psi_b */
    v->g = (float)(l->fr[a] * sa - l->fr[b] * sb);
}

static void make_edges(ph_level *l) {
    l->ne = 0;
    for (int i = 0; i < l->nn; i++) {
        if (i % l->nx + 1 < l->nx) add_edge(l, i, i + 1, l->cut_h[i], l->cut_th[i]);
        if (i / l->nx + 1 < l->ny) add_edge(l, i, i + l->nx, l->cut_v[i], l->cut_tv[i]);
    }
}

/* y = A x (per edge, weighted); x = [psi, c]. */
static void op_a(const ph_level *l, const double *x, double *y) {
    const double *c = x + l->nn;
    for (int k = 0; k < l->ne; k++) {
        const ph_edge *e = &l->e[k];
        double v = e->fold ? x[e->a] + x[e->b] - 2 * c[e->cut] : x[e->b] - x[e->a];
        y[k] = e->w * v;
    }
}

/* x = A^T y; the constants whose mask is 0 stay fixed. */
static void op_at(const ph_level *l, const double *y, double *x, const int *free_c) {
    memset(x, 0, sizeof(double) * (size_t)(l->nn + FM_MAX_CUT));
    double *c = x + l->nn;
    for (int k = 0; k < l->ne; k++) {
        const ph_edge *e = &l->e[k];
        double v = e->w * y[k];
        if (e->fold) {
            x[e->a] += v, x[e->b] += v;
            c[e->cut] -= 2 * v;
        } else {
            x[e->b] += v, x[e->a] -= v;
        }
    }
    for (int k = 0; k < FM_MAX_CUT; k++)
        if (!free_c[k]) c[k] = 0;
}

static double dot(const double *a, const double *b, size_t n) {
    double s = 0;
    for (size_t k = 0; k < n; k++)
        s += a[k] * b[k];
    return s;
}

/* Conjugate gradients on the normal equations (CGLS), from x as given. */
static int solve(const ph_level *l, double *x, const int *free_c, int iters, bl_err *err) {
    size_t nx = (size_t)l->nn + FM_MAX_CUT, ne = (size_t)l->ne;
    double *r = malloc(sizeof(double) * ne), *q = malloc(sizeof(double) * ne);
    double *s = malloc(sizeof(double) * nx), *p = malloc(sizeof(double) * nx);
    if (!r || !q || !s || !p) {
        free(r), free(q), free(s), free(p);
        return err_setc(err, BL_E_NOMEM, "out of memory solving a finger's phase");
    }
    op_a(l, x, q);
    for (size_t k = 0; k < ne; k++)
        r[k] = l->e[k].w * l->e[k].g - q[k];
    op_at(l, r, s, free_c);
    memcpy(p, s, sizeof(double) * nx);
    double gamma = dot(s, s, nx), g0 = gamma;
    for (int it = 0; it < iters && gamma > 1e-10 * g0 && gamma > 1e-18; it++) {
        op_a(l, p, q);
        double qq = dot(q, q, ne);
        if (qq <= 0) break;
        double alpha = gamma / qq;
        for (size_t k = 0; k < nx; k++)
            x[k] += alpha * p[k];
        for (size_t k = 0; k < ne; k++)
            r[k] -= alpha * q[k];
        op_at(l, r, s, free_c);
        double g1 = dot(s, s, nx), beta = g1 / gamma;
        gamma = g1;
        for (size_t k = 0; k < nx; k++)
            p[k] = s[k] + beta * p[k];
    }
    free(r), free(q), free(s), free(p);
    return 0;
}

/* v seen from the other side of an edge: reflected about its fold's
 * constant when the edge crosses one. */
static double across(const double *c, int cut, double v) {
    return cut ? 2 * c[cut - 1] - v : v;
}

/* Per cell, the four corners' phase in the frame of its top-left corner
 * (reflected across the folds between them), for bilinear interpolation. */
static void make_cells(ph_level *l, const double *c) {
    for (int i = 0; i < l->nn; i++) {
        if (i % l->nx + 1 >= l->nx || i / l->nx + 1 >= l->ny) continue;
        float *out = l->cell[i];
        int r = i + 1, d = i + l->nx;
        out[0] = (float)l->psi[i];
        out[1] = (float)across(c, l->cut_h[i], l->psi[r]);
        out[2] = (float)across(c, l->cut_v[i], l->psi[d]);
        out[3] = (float)across(c, l->cut_h[i], across(c, l->cut_v[r], l->psi[d + 1]));
    }
}

/* psi at (x, y) in the frame of the level's cell there. */
static double level_psi(const ph_level *l, double x, double y, int *ref) {
    double u = fm_clamp(x / l->S, 0, l->nx - 1.001), v = fm_clamp(y / l->S, 0, l->ny - 1.001);
    int ix = (int)u, iy = (int)v;
    double tx = u - ix, ty = v - iy;
    const float *c = l->cell[iy * l->nx + ix];
    if (ref) *ref = iy * l->nx + ix;
    return (c[0] * (1 - tx) + c[1] * tx) * (1 - ty) + (c[2] * (1 - tx) + c[3] * tx) * ty;
}

double ph_psi(const ph_ws *w, double x, double y) {
    return level_psi(&w->lv[NLEVEL - 1], x, y, NULL);
}

/* A search from node 0 that never crosses a fold nor a place where the
 * field turns fast: each node reached takes its neighbour's phase plus the
 * target difference (unwrap 0: integrates the targets, a start for the
 * solver), or keeps its own value less the 2 pi that would break that
 * difference (unwrap 1). */
static void bfs_phase(ph_level *l, double *v, int unwrap) {
    int head = 0, tail = 0;
    memset(l->seen, 0, (size_t)l->nn);
    l->queue[tail++] = 0, l->seen[0] = 1;
    while (head < tail) {
        int i = l->queue[head++];
        int nb[4] = {i + 1, i - 1, i + l->nx, i - l->nx};
        for (int k = 0; k < 4; k++) {
            int j = nb[k];
            if (j < 0 || j >= l->nn || (k < 2 && j / l->nx != i / l->nx) || l->seen[j]) continue;
            if (cut_between(l, i, j) || l->wn[i] < 0.9 ||
                l->nrx[i] * l->nrx[j] + l->nry[i] * l->nry[j] < 0.5)
                continue;
            double pred = v[i] + (j > i ? 1 : -1) * edge_target(l, i < j ? i : j, i < j ? j : i, 0);
            v[j] = unwrap ? v[j] + 2 * M_PI * floor((pred - v[j]) / (2 * M_PI) + 0.5) : pred;
            l->seen[j] = 1;
            l->queue[tail++] = j;
        }
    }
}

/* A finer level's start from a coarser one's answer: each node takes the
 * coarse phase in its own sheet, then the search takes off the 2 pi that
 * would break the neighbours' differences. */
static void prolong(const ph_level *co, ph_level *fi) {
    for (int i = 0; i < fi->nn; i++) {
        int ref;
        double v = level_psi(co, (i % fi->nx) * fi->S, (i / fi->nx) * fi->S, &ref);
        if (co->nrx[ref] * fi->nrx[i] + co->nry[ref] * fi->nry[i] < 0) v = -v;
        fi->psi[i] = v;
    }
    bfs_phase(fi, fi->psi, 1);
}

/* The folds' constants as a level's phase shows them (rounded to pi when
 * asked). */
static void fold_constants(const ph_level *l, double *c, int ncut, int round) {
    double sum[FM_MAX_CUT] = {0}, wsum[FM_MAX_CUT] = {0};
    for (int k = 0; k < l->ne; k++) {
        const ph_edge *e = &l->e[k];
        if (!e->fold) continue;
        sum[e->cut] += e->w * 0.5 * (l->psi[e->a] + l->psi[e->b] - e->g);
        wsum[e->cut] += e->w;
    }
    for (int k = 0; k < ncut; k++)
        if (wsum[k] > 0)
            c[k] = round ? M_PI * floor(sum[k] / wsum[k] / M_PI + 0.5) : sum[k] / wsum[k];
}

/* Node i's least-squares value with its neighbours held (over-relaxed by
 * omega). Near a singular point the coarse grids cannot draw the pattern,
 * and the global solver mends a local error slowly: these sweeps mend it. */
static void relax_node(const ph_level *l, const int *first, const int *list, int i, const double *c,
                       double omega) {
    double num = 0, den = 0;
    for (int k = first[i]; k < first[i + 1]; k++) {
        const ph_edge *e = &l->e[list[k]];
        int other = e->a == i ? e->b : e->a;
        double v, w2 = e->w * e->w;
        if (e->fold)
            v = e->g + 2 * c[e->cut] - l->psi[other];
        else
            v = e->a == i ? l->psi[other] - e->g : l->psi[other] + e->g;
        num += w2 * v, den += w2;
    }
    if (den > 0) l->psi[i] += omega * (num / den - l->psi[i]);
}

static int relax_singular(const fm_field *f, ph_level *l, const double *c, bl_err *err) {
    int *first = calloc((size_t)l->nn + 1, sizeof(int)),
        *list = malloc(sizeof(int) * 2 * (size_t)l->ne);
    if (!first || !list) {
        free(first), free(list);
        return err_setc(err, BL_E_NOMEM, "out of memory solving a finger's phase");
    }
    for (int k = 0; k < l->ne; k++)
        first[l->e[k].a + 1]++, first[l->e[k].b + 1]++;
    for (int i = 0; i < l->nn; i++)
        first[i + 1] += first[i];
    int *fill = l->queue; /* scratch */
    memcpy(fill, first, sizeof(int) * (size_t)l->nn);
    for (int k = 0; k < l->ne; k++)
        list[fill[l->e[k].a]++] = k, list[fill[l->e[k].b]++] = k;
    const int R = 32 / l->S + 2;
    for (int s = 0; s < f->nsing; s++) {
        int cx = (int)(f->s[s].x / l->S), cy = (int)(f->s[s].y / l->S);
        for (int sweep = 0; sweep < 150; sweep++)
            for (int y = cy - R; y <= cy + R; y++)
                for (int x = cx - R; x <= cx + R; x++)
                    if (x >= 0 && y >= 0 && x < l->nx && y < l->ny)
                        relax_node(l, first, list, y * l->nx + x, c, 1.7);
    }
    free(first), free(list);
    return 0;
}

/* Coarse to fine: on the coarsest grid the folds' constants are free (the
 * first is 0: it fixes psi's offset), then rounded to multiples of pi and
 * kept; each finer grid starts from the coarser answer. */
static int solve_levels(const fm_field *f, ph_ws *w, bl_err *err) {
    static const int iters[NLEVEL] = {ITER0, ITER1};
    double *x = malloc(sizeof(double) * (size_t)(w->lv[NLEVEL - 1].nn + FM_MAX_CUT));
    if (!x) return err_setc(err, BL_E_NOMEM, "out of memory solving a finger's phase");
    int rc = 0;
    for (int L = 0; L < NLEVEL && rc == 0; L++) {
        ph_level *l = &w->lv[L];
        lift(f, l);
        make_edges(l);
        int free_c[FM_MAX_CUT] = {0};
        if (L == 0) { /* from the targets integrated along a search tree */
            memset(l->psi, 0, sizeof(double) * (size_t)l->nn);
            bfs_phase(l, l->psi, 0);
            fold_constants(l, w->c, w->ncut, 0);
            for (int k = 1; k < w->ncut; k++)
                free_c[k] = 1;
            double c0 = w->ncut ? w->c[0] : 0; /* the first fold's constant is 0: psi's offset */
            for (int k = 0; k < w->ncut; k++)
                w->c[k] -= c0;
            for (int i = 0; i < l->nn; i++)
                x[i] = l->psi[i] - c0;
            memcpy(x + l->nn, w->c, sizeof(double) * FM_MAX_CUT);
            rc = solve(l, x, free_c, iters[0], err);
            memcpy(l->psi, x, sizeof(double) * (size_t)l->nn);
            for (int k = 0; k < w->ncut; k++)
                w->c[k] = M_PI * floor(x[l->nn + k] / M_PI + 0.5);
            memset(free_c, 0, sizeof free_c);
        } else {
            prolong(&w->lv[L - 1], l);
            fold_constants(l, w->c, w->ncut, 1);
            rc = relax_singular(f, l, w->c, err);
        }
        if (rc != 0) break;
        memcpy(x, l->psi, sizeof(double) * (size_t)l->nn);
        memcpy(x + l->nn, w->c, sizeof(double) * FM_MAX_CUT);
        rc = solve(l, x, free_c, iters[L] / (L == 0 ? 3 : 1), err);
        memcpy(l->psi, x, sizeof(double) * (size_t)l->nn);
        make_cells(l, w->c);
    }
    free(x);
    return rc;
}

ph_ws *ph_create(void) {
    ph_ws *w = calloc(1, sizeof *w);
    if (!w) return NULL;
    for (int L = 0; L < NLEVEL; L++)
        if (level_init(&w->lv[L], 8 >> L) != 0) {
            ph_destroy(w);
            return NULL;
        }
    return w;
}

void ph_destroy(ph_ws *w) {
    if (!w) return;
    for (int L = 0; L < NLEVEL; L++)
        level_free(&w->lv[L]);
    free(w);
}

int ph_solve(const fm_field *f, ph_ws *w, bl_err *err) {
    int rc = make_cuts(f, w, err);
    return rc == 0 ? solve_levels(f, w, err) : rc;
}

double ph_fold_dist(const ph_ws *w, double ax, double ay, double bx, double by) {
    double best = 1e9;
    for (int c = 0; c < w->ncut; c++)
        for (int k = 0; k < w->cut_n[c]; k++) {
            double px = w->cut_xy[c][2 * k] - ax, py = w->cut_xy[c][2 * k + 1] - ay;
            double vx = bx - ax, vy = by - ay, l2 = vx * vx + vy * vy;
            double t = l2 > 0 ? fm_clamp((px * vx + py * vy) / l2, 0, 1) : 0;
            best = fmin(best, hypot(px - t * vx, py - t * vy));
        }
    return best;
}
