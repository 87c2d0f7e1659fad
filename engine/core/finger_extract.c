/* finger_extract.c - minutiae from a fingerprint image, by the classical
 * chain (Maltoni, Maio, Jain and Prabhakar, Handbook of Fingerprint
 * Recognition, ch. 3): the block analysis (finger_orient.c), contextual
 * enhancement (a filter tuned to each place's ridge direction and period:
 * smoothing along the ridge, an even Gabor profile across it, as Hong, Wan
 * and Jain's Gabor bank but in two passes), the sign as the binary ridge
 * map, Zhang-Suen thinning with a pass that takes off staircase corners,
 * crossing numbers, and the false minutiae removed that this chain is known
 * to make: at the finger's rim, spurs and bridges, broken ridges, short
 * ridges and clusters.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "finger_int.h"

#define NBIN_T   24 /* orientation bins */
#define NBIN_P   21 /* period bins: 5 .. 15 px by 0.5 */
#define ALONG    3  /* along-ridge taps each side */
#define ACROSS   5  /* across-ridge taps each side */
#define MAX_RAW  1500
#define TRACE_PX 11

typedef struct fx_kern {
    int8_t al[NBIN_T][2 * ALONG + 1][2];  /* along-ridge offsets */
    int8_t ac[NBIN_T][2 * ACROSS + 1][2]; /* across-ridge offsets */
    float wal[2 * ALONG + 1];
    float wac[NBIN_P][2 * ACROSS + 1];
} fx_kern;

typedef struct fx_cand {
    float x, y, angle;
    uint8_t kind, dead, quality;
} fx_cand;

static void make_kernels(fx_kern *k) {
    for (int t = 0; t < NBIN_T; t++) {
        double th = M_PI * t / NBIN_T, tx = cos(th), ty = sin(th);
        for (int i = -ALONG; i <= ALONG; i++) {
            k->al[t][i + ALONG][0] = (int8_t)lround(1.5 * i * tx);
            k->al[t][i + ALONG][1] = (int8_t)lround(1.5 * i * ty);
        }
        for (int i = -ACROSS; i <= ACROSS; i++) {
            k->ac[t][i + ACROSS][0] = (int8_t)lround(-i * ty);
            k->ac[t][i + ACROSS][1] = (int8_t)lround(i * tx);
        }
    }
    for (int i = -ALONG; i <= ALONG; i++)
        k->wal[i + ALONG] = (float)exp(-(1.5 * i) * (1.5 * i) / (2 * 2.5 * 2.5));
    for (int p = 0; p < NBIN_P; p++) {
        double T = 5 + 0.5 * p, sg = 0.38 * T, mean = 0;
        for (int i = -ACROSS; i <= ACROSS; i++) {
            double v = cos(2 * M_PI * i / T) * exp(-i * i / (2 * sg * sg));
            k->wac[p][i + ACROSS] = (float)v, mean += v;
        }
        mean /= 2 * ACROSS + 1;
        for (int i = 0; i < 2 * ACROSS + 1; i++)
            k->wac[p][i] -= (float)mean; /* no response to flat gray */
    }
}

/* Orientation and period bins on a 4 px grid, interpolated from the blocks. */
static void bins(const fa_map *a, int w, int h, uint8_t *tb, uint8_t *pb) {
    int cw = (w + 3) / 4, ch = (h + 3) / 4;
    for (int cy = 0; cy < ch; cy++)
        for (int cx = 0; cx < cw; cx++) {
            double u = (cx * 4 + 2.0) / FA_B - 0.5, v = (cy * 4 + 2.0) / FA_B - 0.5;
            int bx = (int)floor(u), by = (int)floor(v);
            double fx = u - bx, fy = v - by, c = 0, s = 0, per = 0, wsum = 0;
            for (int j = 0; j < 2; j++)
                for (int i = 0; i < 2; i++) {
                    int x = bx + i < 0 ? 0 : bx + i >= a->bw ? a->bw - 1 : bx + i;
                    int y = by + j < 0 ? 0 : by + j >= a->bh ? a->bh - 1 : by + j;
                    double wgt = (i ? fx : 1 - fx) * (j ? fy : 1 - fy);
                    int b = y * a->bw + x;
                    c += wgt * cos(2 * a->theta[b]), s += wgt * sin(2 * a->theta[b]);
                    if (a->period[b] > 0) per += wgt * a->period[b], wsum += wgt;
                }
            double th = 0.5 * atan2(s, c);
            if (th < 0) th += M_PI;
            int t = (int)lround(th / M_PI * NBIN_T) % NBIN_T;
            double T = wsum > 0 ? per / wsum : 9;
            int p = (int)lround((fm_clamp(T, 5, 15) - 5) * 2);
            tb[cy * cw + cx] = (uint8_t)t, pb[cy * cw + cx] = (uint8_t)p;
        }
}

static int in_fg(const fa_map *a, int x, int y) {
    return a->fg[(y / FA_B) * a->bw + x / FA_B];
}

/* Whether (x, y) is on the finger or the block next to it. */
static int near_fg(const fa_map *a, int x, int y) {
    int bx = x / FA_B, by = y / FA_B;
    for (int j = by - 1; j <= by + 1; j++)
        for (int i = bx - 1; i <= bx + 1; i++)
            if (i >= 0 && j >= 0 && i < a->bw && j < a->bh && a->fg[j * a->bw + i]) return 1;
    return 0;
}

/* Two passes: along the ridge (a Gaussian), then across it (an even Gabor
 * profile of the local period); the sign of the result is the ridge map. */
static void enhance(const finger_image *img, const fa_map *a, const fx_kern *k, const uint8_t *tb,
                    const uint8_t *pb, float *s, uint8_t *bin) {
    int w = img->w, h = img->h, cw = (w + 3) / 4;
    for (int y = 0; y < h; y++)
        for (int x = 0; x < w; x++) {
            if (!near_fg(a, x, y)) continue; /* pass 2 reads only within 6 px of the finger */
            int t = tb[(y / 4) * cw + x / 4];
            float acc = 0;
            for (int i = 0; i < 2 * ALONG + 1; i++) {
                int xx = x + k->al[t][i][0], yy = y + k->al[t][i][1];
                xx = xx < 0 ? 0 : xx >= w ? w - 1 : xx;
                yy = yy < 0 ? 0 : yy >= h ? h - 1 : yy;
                acc += k->wal[i] * (float)(255 - img->px[yy * w + xx]);
            }
            s[y * w + x] = acc;
        }
    for (int y = 0; y < h; y++)
        for (int x = 0; x < w; x++) {
            bin[y * w + x] = 0;
            if (!in_fg(a, x, y)) continue;
            int c = (y / 4) * cw + x / 4, t = tb[c], p = pb[c];
            float acc = 0;
            for (int i = 0; i < 2 * ACROSS + 1; i++) {
                int xx = x + k->ac[t][i][0], yy = y + k->ac[t][i][1];
                xx = xx < 0 ? 0 : xx >= w ? w - 1 : xx;
                yy = yy < 0 ? 0 : yy >= h ? h - 1 : yy;
                acc += k->wac[p][i] * s[yy * w + xx];
            }
            bin[y * w + x] = acc > 0;
        }
}

/* ---- thinning ---- */

/* Neighbours clockwise from north: P2 N, P3 NE, P4 E, P5 SE, P6 S, P7 SW, P8 W, P9 NW. */
static const int8_t NB[8][2] = {{0, -1}, {1, -1}, {1, 0},  {1, 1},
                                {0, 1},  {-1, 1}, {-1, 0}, {-1, -1}};

static int ring(const uint8_t *b, int w, int x, int y) {
    int code = 0;
    for (int k = 0; k < 8; k++)
        code |= (b[(y + NB[k][1]) * w + x + NB[k][0]] != 0) << k;
    return code;
}

static int transitions(int code) {
    int a = 0;
    for (int k = 0; k < 8; k++)
        a += !((code >> k) & 1) && ((code >> ((k + 1) % 8)) & 1);
    return a;
}

static int popcount8(int c) {
    int n = 0;
    for (; c; c >>= 1)
        n += c & 1;
    return n;
}

static int ring_at(const uint8_t *p, int w) {
    return (p[-w] != 0) | (p[-w + 1] != 0) << 1 | (p[1] != 0) << 2 | (p[w + 1] != 0) << 3 |
           (p[w] != 0) << 4 | (p[w - 1] != 0) << 5 | (p[-1] != 0) << 6 | (p[-w - 1] != 0) << 7;
}

/* Zhang and Suen (1984): two sub-passes until nothing changes, over a list
 * of the pixels still set (deletions of a sub-pass are applied together). */
static void thin(uint8_t *b, int w, int h, int *list, int *dels) {
    uint8_t del[2][256];
    for (int c = 0; c < 256; c++) {
        int n = popcount8(c), a = transitions(c);
        int p2 = c & 1, p4 = (c >> 2) & 1, p6 = (c >> 4) & 1, p8 = (c >> 6) & 1;
        int ok = n >= 2 && n <= 6 && a == 1;
        del[0][c] = (uint8_t)(ok && !(p2 && p4 && p6) && !(p4 && p6 && p8));
        del[1][c] = (uint8_t)(ok && !(p2 && p4 && p8) && !(p2 && p6 && p8));
    }
    int n = 0;
    for (int y = 1; y < h - 1; y++)
        for (int x = 1; x < w - 1; x++)
            if (b[y * w + x]) list[n++] = y * w + x;
    for (int y = 0; y < h; y++) /* the frame's edge is never skeleton */
        b[y * w] = b[y * w + w - 1] = 0;
    memset(b, 0, (size_t)w), memset(b + (size_t)(h - 1) * w, 0, (size_t)w);
    for (int changed = 1; changed;) {
        changed = 0;
        for (int pass = 0; pass < 2; pass++) {
            int keep = 0, nd = 0;
            for (int k = 0; k < n; k++) {
                int i = list[k];
                if (del[pass][ring_at(b + i, w)])
                    dels[nd++] = i;
                else
                    list[keep++] = i;
            }
            for (int k = 0; k < nd; k++)
                b[dels[k]] = 0;
            changed |= keep < n;
            n = keep;
        }
    }
    /* staircases: a pixel with two 4-neighbours at a right angle whose removal
     * keeps the skeleton connected (Yokoi's 8-connectivity number 1) */
    for (int k = 0; k < n; k++) {
        int i = list[k], c = ring_at(b + i, w), cn = 0;
        for (int q = 0; q < 8; q += 2) {
            int x1 = !((c >> q) & 1), x2 = !((c >> (q + 1)) & 1), x3 = !((c >> ((q + 2) % 8)) & 1);
            cn += x1 - x1 * x2 * x3;
        }
        int corner = ((c & 1) && (c & 4)) || ((c & 4) && (c & 16)) || ((c & 16) && (c & 64)) ||
                     ((c & 64) && (c & 1));
        if (cn == 1 && corner && popcount8(c) >= 2) b[i] = 0;
    }
}

/* ---- minutiae ---- */

/* Follows the skeleton from (x, y) leaving by neighbour `first` for at most
 * `len` px. Returns the steps taken; *ex, *ey where it stopped; *hit 1 when
 * it stopped at a junction, 2 at an end, 0 when it went the whole way. */
static int follow(const uint8_t *b, int w, int h, int x, int y, int first, int len, int *ex,
                  int *ey, int *hit) {
    int px = x, py = y, cx = x + NB[first][0], cy = y + NB[first][1], steps = 1;
    *hit = 0;
    while (steps < len) {
        if (cx < 1 || cy < 1 || cx >= w - 1 || cy >= h - 1) break;
        int nx = -1, ny = -1, count = 0;
        for (int k = 0; k < 8; k++) {
            int qx = cx + NB[k][0], qy = cy + NB[k][1];
            if (!b[qy * w + qx] || (qx == px && qy == py)) continue;
            if (abs(qx - px) <= 1 && abs(qy - py) <= 1)
                continue; /* a corner back to where we were */
            if (qx == x && qy == y) continue;
            count++, nx = qx, ny = qy;
        }
        if (count == 0) {
            *hit = 2;
            break;
        }
        if (count > 1) {
            *hit = 1;
            break;
        }
        px = cx, py = cy, cx = nx, cy = ny, steps++;
    }
    *ex = cx, *ey = cy;
    return steps;
}

/* The local ridge direction nearest to a traced direction, when they agree. */
static double refine(const fa_map *a, double x, double y, double dir) {
    int bx = (int)(x / FA_B), by = (int)(y / FA_B);
    double t = a->theta[by * a->bw + bx];
    double d0 = fabs(fm_wrap(dir - t)), d1 = fabs(fm_wrap(dir - t - M_PI));
    double best = d0 < d1 ? t : t + M_PI;
    if (fmin(d0, d1) > 0.6) best = dir;
    best = fmod(best, 2 * M_PI);
    return best < 0 ? best + 2 * M_PI : best;
}

/* One candidate at skeleton pixel (x, y) with crossing number cn; 0 added. */
static int candidate(const uint8_t *b, int w, int h, const fa_map *a, int x, int y, int c,
                     fx_cand *out, int *suspect) {
    int starts[3], ns = 0;
    for (int k = 0; k < 8 && ns < 3; k++) /* one neighbour per run of set neighbours */
        if (((c >> k) & 1) && !((c >> ((k + 7) % 8)) & 1)) starts[ns++] = k;
    double vx[3], vy[3];
    *suspect = 0;
    for (int i = 0; i < ns; i++) {
        int ex, ey, hit, n = follow(b, w, h, x, y, starts[i], TRACE_PX, &ex, &ey, &hit);
        if (hit && n < 8) *suspect = 1; /* a spur, a bridge or a short piece */
        vx[i] = ex - x, vy[i] = ey - y;
    }
    double dir;
    if (ns == 1) {
        dir = atan2(vy[0], vx[0]);
        out->kind = FINGER_ENDING;
    } else if (ns == 3) {
        int bi = 0, bj = 1;
        double best = -2;
        for (int i = 0; i < 3; i++)
            for (int j = i + 1; j < 3; j++) {
                double ci = (vx[i] * vx[j] + vy[i] * vy[j]) /
                            (hypot(vx[i], vy[i]) * hypot(vx[j], vy[j]) + 1e-9);
                if (ci > best) best = ci, bi = i, bj = j;
            }
        dir = atan2(
            vy[bi] / (hypot(vx[bi], vy[bi]) + 1e-9) + vy[bj] / (hypot(vx[bj], vy[bj]) + 1e-9),
            vx[bi] / (hypot(vx[bi], vy[bi]) + 1e-9) + vx[bj] / (hypot(vx[bj], vy[bj]) + 1e-9));
        out->kind = FINGER_BIFURCATION;
    } else {
        return -1;
    }
    out->x = (float)x, out->y = (float)y;
    out->angle = (float)refine(a, x, y, dir);
    int blk = (y / FA_B) * a->bw + x / FA_B;
    out->quality =
        (uint8_t)fm_clamp(100 * sqrt(a->coh[blk]) * fm_clamp(a->contrast[blk] / 35, 0, 1), 1, 100);
    out->dead = 0;
    return 0;
}

/* Blocks' distance (in blocks) to the background, by a breadth-first search. */
static void rim_distance(const fa_map *a, uint8_t *dist, int *queue) {
    int nb = a->bw * a->bh, head = 0, tail = 0;
    for (int i = 0; i < nb; i++) {
        int bx = i % a->bw, by = i / a->bw;
        int edge = bx == 0 || by == 0 || bx == a->bw - 1 || by == a->bh - 1;
        dist[i] = (uint8_t)(a->fg[i] && !edge ? 255 : 0);
        if (!dist[i]) queue[tail++] = i;
    }
    while (head < tail) {
        int i = queue[head++], bx = i % a->bw, by = i / a->bw;
        for (int k = 0; k < 8; k += 2) {
            int x = bx + NB[k][0], y = by + NB[k][1];
            if (x < 0 || y < 0 || x >= a->bw || y >= a->bh) continue;
            int j = y * a->bw + x;
            if (dist[j] > dist[i] + 1) dist[j] = (uint8_t)(dist[i] + 1), queue[tail++] = j;
        }
    }
}

static int detect(const uint8_t *b, int w, int h, const fa_map *a, const uint8_t *rim, fx_cand *c,
                  int cap) {
    int n = 0;
    for (int y = 2; y < h - 2 && n < cap; y++)
        for (int x = 2; x < w - 2 && n < cap; x++) {
            if (!b[y * w + x] || rim[(y / FA_B) * a->bw + x / FA_B] < 2) continue;
            int code = ring(b, w, x, y), cn = transitions(code);
            if (cn != 1 && cn != 3) continue;
            int suspect;
            if (candidate(b, w, h, a, x, y, code, &c[n], &suspect) != 0) continue;
            c[n].dead = (uint8_t)suspect;
            n++;
        }
    return n;
}

/* The pairs thinning makes out of noise: two endings facing each other
 * across a gap (a broken ridge), two forks close together (a bridge or a
 * hole), an ending next to a fork (a spur), and crowds. */
static void prune(fx_cand *c, int n, double period) {
    double r = fm_clamp(period, 6, 13);
    for (int i = 0; i < n; i++) {
        int crowd = 0;
        for (int j = 0; j < n; j++) {
            if (i == j) continue;
            double dx = c[j].x - c[i].x, dy = c[j].y - c[i].y, d = hypot(dx, dy);
            if (d < 1.2 * r) crowd++;
            if (j < i) continue;
            double da = fabs(fm_wrap(c[i].angle - c[j].angle));
            if (c[i].kind == FINGER_ENDING && c[j].kind == FINGER_ENDING && d < 1.6 * r &&
                da > 2.4) {
                double along = fabs(fm_wrap(atan2(dy, dx) - c[i].angle - M_PI));
                if (along < 0.7 || d < 0.6 * r) c[i].dead = c[j].dead = 1;
            }
            if (c[i].kind != c[j].kind && d < r) c[i].dead = c[j].dead = 1;
            if (c[i].kind == FINGER_BIFURCATION && c[j].kind == FINGER_BIFURCATION &&
                (d < r || (d < 1.7 * r && da > 2.0))) /* a bridge: two forks facing each other */
                c[i].dead = c[j].dead = 1;
        }
        if (crowd >= 3) c[i].dead = 1;
    }
}

static double median_period(const fa_map *a) {
    double s = 0;
    int n = 0;
    for (int b = 0; b < a->bw * a->bh; b++)
        if (a->fg[b] && a->period[b] > 0) s += a->period[b], n++;
    return n ? s / n : 9;
}

/* The whole chain on an analysed image; fills t's minutiae. */
static int extract(const finger_image *img, const fa_map *a, finger_template *t, bl_err *err) {
    int w = img->w, h = img->h, cw = (w + 3) / 4, ch = (h + 3) / 4, nb = a->bw * a->bh;
    fx_kern *k = malloc(sizeof *k);
    float *s = malloc(sizeof(float) * (size_t)w * (size_t)h);
    uint8_t *bin = malloc((size_t)w * (size_t)h);
    int *list = malloc(sizeof(int) * 2 * (size_t)w * (size_t)h);
    uint8_t *tb = malloc((size_t)cw * (size_t)ch), *pb = malloc((size_t)cw * (size_t)ch);
    uint8_t *rim = malloc((size_t)nb);
    int *queue = malloc(sizeof(int) * (size_t)nb);
    fx_cand *c = malloc(sizeof(fx_cand) * MAX_RAW);
    int rc = 0;
    if (!k || !s || !bin || !list || !tb || !pb || !rim || !queue || !c) {
        rc = err_setc(err, BL_E_NOMEM, "out of memory extracting minutiae");
    } else {
        make_kernels(k);
        bins(a, w, h, tb, pb);
        enhance(img, a, k, tb, pb, s, bin);
        thin(bin, w, h, list, list + (size_t)w * (size_t)h);
        rim_distance(a, rim, queue);
        int n = detect(bin, w, h, a, rim, c, MAX_RAW);
        prune(c, n, median_period(a));
        /* more survivors than a template holds (a noisy image): the surest */
        int alive = 0, floor_q = 0;
        for (int i = 0; i < n; i++)
            alive += !c[i].dead;
        while (alive > FINGER_MAX_MINUTIAE && floor_q < 100) {
            floor_q += 5, alive = 0;
            for (int i = 0; i < n; i++)
                alive += !c[i].dead && c[i].quality >= floor_q;
        }
        t->n = 0;
        for (int i = 0; i < n && t->n < FINGER_MAX_MINUTIAE; i++) {
            if (c[i].dead || c[i].quality < floor_q) continue;
            finger_minutia *m = &t->m[t->n++];
            m->x = c[i].x, m->y = c[i].y, m->angle = c[i].angle;
            m->kind = c[i].kind, m->quality = c[i].quality;
        }
    }
    free(k), free(s), free(bin), free(list), free(tb), free(pb), free(rim), free(queue), free(c);
    return rc;
}

int fx_run(const finger_image *img, finger_template *t, finger_quality_report *q, bl_err *err) {
    finger_quality_report tmp;
    if (!q) q = &tmp;
    memset(t, 0, sizeof *t);
    t->w = img->w, t->h = img->h, t->ppi = img->ppi ? img->ppi : FINGER_PPI;
    fa_map a;
    if (fa_analyse(img, &a, err) != 0) return -1;
    int rc = extract(img, &a, t, err);
    if (rc == 0) {
        fq_score(&a, t->n, q);
        t->quality = q->score;
        fa_singular(&a, t->cores, &t->ncores, t->deltas, &t->ndeltas, FINGER_MAX_SINGULAR);
    }
    fa_free(&a);
    return rc;
}

int finger_extract(const finger_image *img, finger_template *t, bl_err *err) {
    return fx_run(img, t, NULL, err);
}
