/* finger_orient.c - what a fingerprint image shows block by block (8 px):
 * the ridge orientation and how certain it is, the ridge period, the local
 * contrast, which blocks are finger and which background, and the singular
 * points. Extraction (finger_extract.c) and quality (finger_quality.c) both
 * start here; nothing here knows how the image was made.
 *
 * Orientation: the gradient's structure tensor summed over 24 px windows
 * (Bazen and Gerez; Kass and Witkin's doubled angles), then smoothed; its
 * coherence is the orientation certainty NFIQ 2 also measures. Period: the
 * x-signature of Hong, Wan and Jain (gray levels along the ridges' normal,
 * averaged along the ridge) and the distance between its peaks.
 * Singular points: the Poincare index of the smoothed field round each
 * block (Kawagoe and Tojo).
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "finger_int.h"

#define FG_STD 14.0 /* a block is finger when its gray levels spread more than this */

static void fa_zero(fa_map *a) {
    memset(a, 0, sizeof *a);
}

void fa_free(fa_map *a) {
    free(a->theta), free(a->coh), free(a->period), free(a->contrast), free(a->fg);
    fa_zero(a);
}

/* Per block: sums of the gradient's products (Sobel) and of gray levels. */
static void block_sums(const finger_image *img, const fa_map *a, double *gxx, double *gyy,
                       double *gxy, double *sum, double *sum2) {
    int w = img->w, h = img->h;
    const uint8_t *p = img->px;
    for (int y = 1; y < h - 1; y++)
        for (int x = 1; x < w - 1; x++) {
            const uint8_t *q = p + y * w + x;
            int gx = (q[-w + 1] + 2 * q[1] + q[w + 1]) - (q[-w - 1] + 2 * q[-1] + q[w - 1]);
            int gy = (q[w - 1] + 2 * q[w] + q[w + 1]) - (q[-w - 1] + 2 * q[-w] + q[-w + 1]);
            int b = (y / FA_B) * a->bw + x / FA_B;
            gxx[b] += gx * gx, gyy[b] += gy * gy, gxy[b] += gx * gy;
            sum[b] += *q, sum2[b] += (double)*q * *q;
        }
}

/* The sum over the 3x3 blocks round each block. */
static void box3(const fa_map *a, const double *in, double *out) {
    for (int by = 0; by < a->bh; by++)
        for (int bx = 0; bx < a->bw; bx++) {
            double s = 0;
            for (int j = -1; j <= 1; j++)
                for (int i = -1; i <= 1; i++) {
                    int x = bx + i, y = by + j;
                    if (x >= 0 && y >= 0 && x < a->bw && y < a->bh) s += in[y * a->bw + x];
                }
            out[by * a->bw + bx] = s;
        }
}

static void orientation(fa_map *a, double *gxx, double *gyy, double *gxy, double *tmp) {
    int nb = a->bw * a->bh;
    double *c2 = tmp, *s2 = tmp + nb, *sc2 = tmp + 2 * nb, *ss2 = tmp + 3 * nb;
    box3(a, gxx, c2), memcpy(gxx, c2, sizeof(double) * nb);
    box3(a, gyy, c2), memcpy(gyy, c2, sizeof(double) * nb);
    box3(a, gxy, c2), memcpy(gxy, c2, sizeof(double) * nb);
    for (int b = 0; b < nb; b++) {
        double dx = gxx[b] - gyy[b], dy = 2 * gxy[b], e = gxx[b] + gyy[b];
        double m = sqrt(dx * dx + dy * dy);
        a->coh[b] = (float)(e > 0 ? m / e : 0);
        c2[b] = dx, s2[b] = dy; /* the doubled angle, weighted by the energy that agrees */
    }
    /* smooth the doubled-angle field twice over 3x3 blocks (about a 5x5 Gaussian) */
    box3(a, c2, sc2), box3(a, s2, ss2);
    box3(a, sc2, c2), box3(a, ss2, s2);
    for (int b = 0; b < nb; b++) {
        double t = 0.5 * atan2(s2[b], c2[b]) + M_PI / 2; /* ridges run across the gradient */
        if (t >= M_PI) t -= M_PI;
        a->theta[b] = (float)t;
    }
}

static void segment(fa_map *a, const double *sum, const double *sum2) {
    int nb = a->bw * a->bh;
    uint8_t *raw = malloc((size_t)nb);
    if (!raw) return;
    for (int b = 0; b < nb; b++) {
        double n = FA_B * FA_B, m = sum[b] / n, v = sum2[b] / n - m * m;
        a->contrast[b] = (float)sqrt(v > 0 ? v : 0);
        raw[b] = a->contrast[b] > FG_STD && m < 232;
    }
    /* a block is finger when most of its 3x3 neighbourhood is (closes holes,
     * drops specks), then the background is grown by one block (the rim) */
    for (int by = 0; by < a->bh; by++)
        for (int bx = 0; bx < a->bw; bx++) {
            int n = 0;
            for (int j = -1; j <= 1; j++)
                for (int i = -1; i <= 1; i++) {
                    int x = bx + i, y = by + j;
                    n += x >= 0 && y >= 0 && x < a->bw && y < a->bh && raw[y * a->bw + x];
                }
            a->fg[by * a->bw + bx] = n >= 5;
        }
    memcpy(raw, a->fg, (size_t)nb);
    a->nfg = 0;
    for (int by = 0; by < a->bh; by++)
        for (int bx = 0; bx < a->bw; bx++) {
            int keep = raw[by * a->bw + bx];
            for (int j = -1; j <= 1 && keep; j++)
                for (int i = -1; i <= 1 && keep; i++) {
                    int x = bx + i, y = by + j;
                    keep = x >= 0 && y >= 0 && x < a->bw && y < a->bh && raw[y * a->bw + x];
                }
            a->fg[by * a->bw + bx] = (uint8_t)keep;
            a->nfg += keep;
        }
    free(raw);
}

static double sample(const finger_image *img, double x, double y) {
    if (x < 0 || y < 0 || x > img->w - 1.001 || y > img->h - 1.001) return 255;
    int ix = (int)x, iy = (int)y;
    double tx = x - ix, ty = y - iy;
    const uint8_t *p = img->px + iy * img->w + ix;
    return (p[0] * (1 - tx) + p[1] * tx) * (1 - ty) +
           (p[img->w] * (1 - tx) + p[img->w + 1] * tx) * ty;
}

/* The ridge period at one block from its x-signature, or 0. */
static double block_period(const finger_image *img, double cx, double cy, double theta) {
    enum { L = 33 };
    double sig[L], tx = cos(theta), ty = sin(theta), nx = -ty, ny = tx;
    for (int k = 0; k < L; k++) {
        double s = 0, o = k - L / 2;
        for (int d = -6; d <= 6; d += 2)
            s += sample(img, cx + o * nx + d * tx, cy + o * ny + d * ty);
        sig[k] = -s; /* ridges are dark: make them the peaks */
    }
    double lo = 1e9, hi = -1e9, mean = 0;
    for (int k = 0; k < L; k++)
        lo = fmin(lo, sig[k]), hi = fmax(hi, sig[k]), mean += sig[k] / L;
    if (hi - lo < 7 * 12) return 0; /* no ridges worth the name */
    /* where the signature rises through its mean (once a period; a plateau's
     * noise cannot add one, as a peak count's would) */
    double first = -1, last = -1;
    int ups = 0;
    for (int k = 0; k + 1 < L; k++)
        if (sig[k] < mean && sig[k + 1] >= mean) {
            double pos = k + (mean - sig[k]) / (sig[k + 1] - sig[k]);
            if (first < 0) first = pos;
            last = pos, ups++;
        }
    if (ups < 2) return 0;
    double p = (last - first) / (ups - 1);
    return p >= 4.5 && p <= 16 ? p : 0;
}

static void frequency(const finger_image *img, fa_map *a, float *tmp) {
    int nb = a->bw * a->bh;
    for (int b = 0; b < nb; b++) {
        a->period[b] = 0;
        /* measured on every other block each way (the period changes slowly);
         * the rest are filled in below like any block without a measure */
        if (!a->fg[b] || (b % a->bw) % 2 || (b / a->bw) % 2) continue;
        double cx = (b % a->bw) * FA_B + FA_B / 2.0, cy = (b / a->bw) * FA_B + FA_B / 2.0;
        a->period[b] = (float)block_period(img, cx, cy, a->theta[b]);
        a->nperiod += 4 * (a->period[b] > 0); /* it stands for four blocks */
    }
    /* fill unknown periods from the neighbours', then smooth over 3x3 */
    for (int it = 0; it < 6; it++) {
        memcpy(tmp, a->period, sizeof(float) * (size_t)nb);
        for (int b = 0; b < nb; b++) {
            double s = 0;
            int n = 0;
            int bx = b % a->bw, by = b / a->bw;
            for (int j = -1; j <= 1; j++)
                for (int i = -1; i <= 1; i++) {
                    int x = bx + i, y = by + j;
                    if (x < 0 || y < 0 || x >= a->bw || y >= a->bh) continue;
                    if (tmp[y * a->bw + x] > 0) s += tmp[y * a->bw + x], n++;
                }
            if (it < 5 ? (tmp[b] == 0 && n > 0) : (n > 0)) a->period[b] = (float)(s / n);
        }
    }
}

int fa_analyse(const finger_image *img, fa_map *a, bl_err *err) {
    fa_zero(a);
    if (!img->px || img->w < 4 * FA_B || img->h < 4 * FA_B)
        return err_set(err, "fingerprint image %dx%d: too small to analyse", img->w, img->h);
    a->bw = (img->w + FA_B - 1) / FA_B, a->bh = (img->h + FA_B - 1) / FA_B;
    size_t nb = (size_t)a->bw * (size_t)a->bh;
    a->theta = malloc(sizeof(float) * nb), a->coh = malloc(sizeof(float) * nb);
    a->period = malloc(sizeof(float) * nb), a->contrast = malloc(sizeof(float) * nb);
    a->fg = malloc(nb);
    double *acc = calloc(9 * nb, sizeof(double));
    if (!a->theta || !a->coh || !a->period || !a->contrast || !a->fg || !acc) {
        free(acc);
        fa_free(a);
        return err_setc(err, BL_E_NOMEM, "out of memory analysing a fingerprint");
    }
    double *gxx = acc, *gyy = acc + nb, *gxy = acc + 2 * nb, *sum = acc + 3 * nb,
           *sum2 = acc + 4 * nb, *tmp = acc + 5 * nb;
    block_sums(img, a, gxx, gyy, gxy, sum, sum2);
    orientation(a, gxx, gyy, gxy, tmp);
    segment(a, sum, sum2);
    frequency(img, a, (float *)tmp);
    free(acc);
    return 0;
}

/* ---- singular points ---- */

static double angle_diff(double a, double b) {
    double d = b - a;
    while (d > M_PI / 2)
        d -= M_PI;
    while (d <= -M_PI / 2)
        d += M_PI;
    return d;
}

/* The Poincare index round block (bx, by) on a square of radius 2 blocks,
 * in half turns: +1 a core, +2 two cores (a whorl's centre), -1 a delta,
 * 0 none, 9 unknown (background on the square). */
static int poincare(const fa_map *a, int bx, int by) {
    static const int8_t ring[16][2] = {{-2, -2}, {-1, -2}, {0, -2}, {1, -2}, {2, -2}, {2, -1},
                                       {2, 0},   {2, 1},   {2, 2},  {1, 2},  {0, 2},  {-1, 2},
                                       {-2, 2},  {-2, 1},  {-2, 0}, {-2, -1}};
    double s = 0;
    for (int k = 0; k < 16; k++) {
        int x0 = bx + ring[k][0], y0 = by + ring[k][1];
        int x1 = bx + ring[(k + 1) % 16][0], y1 = by + ring[(k + 1) % 16][1];
        if (x0 < 0 || y0 < 0 || x0 >= a->bw || y0 >= a->bh || !a->fg[y0 * a->bw + x0]) return 9;
        s += angle_diff(a->theta[y0 * a->bw + x0], a->theta[y1 * a->bw + x1]);
    }
    return (int)lround(s / M_PI);
}

/* Blocks with an index of the same sign that touch are one cluster; it
 * holds as many singular points as its largest index (a whorl's two cores
 * close together show as one cluster of index 2), placed at its centre
 * (two: either side of it along the cluster's longer extent). */
int fa_singular(const fa_map *a, finger_point *cores, int *ncores, finger_point *deltas,
                int *ndeltas, int cap) {
    int nb = a->bw * a->bh;
    int8_t *idx = malloc((size_t)nb);
    int *stack = malloc(sizeof(int) * (size_t)nb);
    *ncores = *ndeltas = 0;
    if (!idx || !stack) {
        free(idx), free(stack);
        return -1;
    }
    for (int b = 0; b < nb; b++) {
        int v = poincare(a, b % a->bw, b / a->bw);
        idx[b] = (int8_t)(v == 9 || v < -2 || v > 2 ? 0 : v);
    }
    for (int b = 0; b < nb; b++) {
        if (!idx[b]) continue;
        int sign = idx[b] > 0 ? 1 : -1, top = 0, n = 0, most = 0;
        double sx = 0, sy = 0, sxx = 0, syy = 0;
        stack[top++] = b;
        most = abs(idx[b]), idx[b] = 0;
        while (top > 0) {
            int c = stack[--top], cx = c % a->bw, cy = c / a->bw;
            sx += cx, sy += cy, sxx += (double)cx * cx, syy += (double)cy * cy, n++;
            for (int j = -1; j <= 1; j++)
                for (int i = -1; i <= 1; i++) {
                    int x = cx + i, y = cy + j, q = y * a->bw + x;
                    if (x < 0 || y < 0 || x >= a->bw || y >= a->bh || idx[q] * sign <= 0) continue;
                    if (abs(idx[q]) > most) most = abs(idx[q]);
                    idx[q] = 0, stack[top++] = q;
                }
        }
        double mx = sx / n, my = sy / n, vx = sxx / n - mx * mx, vy = syy / n - my * my;
        for (int k = 0; k < most; k++) {
            double off = most == 2 ? (k ? 1 : -1) * 1.0 : 0;
            finger_point p = {(float)((mx + (vx >= vy ? off : 0) + 0.5) * FA_B),
                              (float)((my + (vx < vy ? off : 0) + 0.5) * FA_B)};
            if (sign > 0 && *ncores < cap) cores[(*ncores)++] = p;
            if (sign < 0 && *ndeltas < cap) deltas[(*ndeltas)++] = p;
        }
    }
    free(idx), free(stack);
    return 0;
}
