/* loupe.c - see loupe.h */
#include "loupe.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

static void sample(const bl_image *s, double x, double y, uint8_t out[4]) {
    int x0 = (int)floor(x - 0.5), y0 = (int)floor(y - 0.5);
    double fx = x - 0.5 - x0, fy = y - 0.5 - y0;
    double acc[4] = {0, 0, 0, 0};
    for (int j = 0; j < 2; j++)
        for (int i = 0; i < 2; i++) {
            int xx = x0 + i, yy = y0 + j;
            double w = (i ? fx : 1 - fx) * (j ? fy : 1 - fy);
            if (xx < 0 || yy < 0 || xx >= s->w || yy >= s->h) continue; /* transparent */
            const uint8_t *p = s->px + ((size_t)yy * s->w + xx) * 4;
            for (int c = 0; c < 4; c++)
                acc[c] += w * p[c];
        }
    for (int c = 0; c < 4; c++)
        out[c] = (uint8_t)(acc[c] + 0.5);
}

int loupe_render(const bl_image *src, double cx, double cy, double src_per_out, int diameter,
                 bl_image *out, bl_err *err) {
    if (diameter < 8 || diameter > 2048)
        return err_set(err, "loupe diameter %d out of range", diameter);
    if (!(src_per_out > 0)) return err_set(err, "loupe magnification must be positive");
    if (!out->px || out->w != diameter || out->h != diameter) {
        image_deinit(out);
        if (image_init(out, diameter, diameter, err) != 0) return -1;
    }
    double r = diameter * 0.5, rim = fmax(2.0, diameter * 0.025);
    for (int y = 0; y < diameter; y++)
        for (int x = 0; x < diameter; x++) {
            uint8_t *o = out->px + ((size_t)y * diameter + x) * 4;
            double dx = x + 0.5 - r, dy = y + 0.5 - r, d = sqrt(dx * dx + dy * dy);
            if (d > r) {
                memset(o, 0, 4);
                continue;
            }
            uint8_t c[4];
            sample(src, cx + dx * src_per_out, cy + dy * src_per_out, c);
            /* outside the document: the desk's dark wood, not a hole */
            double a = c[3] / 255.0;
            for (int k = 0; k < 3; k++)
                o[k] = (uint8_t)(c[k] * a + 40 * (1 - a));
            o[3] = 255;
            if (d > r - rim) { /* metal rim, anti-aliased on the outside */
                double edge = fmin(1.0, r - d);
                o[0] = 70, o[1] = 72, o[2] = 78;
                o[3] = (uint8_t)(255 * edge);
            }
        }
    return 0;
}

void image_resample(const bl_image *src, int sx, int sy, int sw, int sh, bl_image *dst) {
    if (sw <= 0 || sh <= 0 || dst->w <= 0 || dst->h <= 0) return;
    double kx = (double)sw / dst->w, ky = (double)sh / dst->h;
    for (int y = 0; y < dst->h; y++) {
        int y0 = sy + (int)floor(y * ky), y1 = sy + (int)floor((y + 1) * ky);
        if (y1 <= y0) y1 = y0 + 1;
        for (int x = 0; x < dst->w; x++) {
            int x0 = sx + (int)floor(x * kx), x1 = sx + (int)floor((x + 1) * kx);
            if (x1 <= x0) x1 = x0 + 1;
            unsigned acc[4] = {0, 0, 0, 0}, n = 0;
            for (int yy = y0; yy < y1; yy++) {
                if (yy < 0 || yy >= src->h) continue;
                for (int xx = x0; xx < x1; xx++) {
                    if (xx < 0 || xx >= src->w) continue;
                    const uint8_t *p = src->px + ((size_t)yy * src->w + xx) * 4;
                    for (int c = 0; c < 4; c++)
                        acc[c] += p[c];
                    n++;
                }
            }
            uint8_t *o = dst->px + ((size_t)y * dst->w + x) * 4;
            for (int c = 0; c < 4; c++)
                o[c] = (uint8_t)(n ? (acc[c] + n / 2) / n : 0);
        }
    }
}

/* One axis of loupe_upsample: for each destination index, the first of
 * the two source pixels and the second's weight (0..256); a source pixel
 * off the image is -1 (transparent). */
static void upsample_axis(int n, double s0, double k, int size, int *i0, int *i1, int *w) {
    for (int d = 0; d < n; d++) {
        double s = s0 + (d + 0.5) * k - 0.5;
        int a = (int)floor(s);
        w[d] = (int)((s - a) * 256 + 0.5);
        i0[d] = a >= 0 && a < size ? a : -1;
        i1[d] = a + 1 >= 0 && a + 1 < size ? a + 1 : -1;
    }
}

void loupe_upsample(const bl_image *src, double sx0, double sy0, double k, bl_image *dst) {
    int n = dst->w > dst->h ? dst->w : dst->h;
    int *buf = malloc(sizeof(int) * 6 * (size_t)n);
    if (!buf) { /* the slow way, which needs nothing */
        for (int y = 0; y < dst->h; y++)
            for (int x = 0; x < dst->w; x++)
                sample(src, sx0 + (x + 0.5) * k, sy0 + (y + 0.5) * k,
                       dst->px + ((size_t)y * dst->w + x) * 4);
        return;
    }
    int *x0 = buf, *x1 = buf + n, *wx = buf + 2 * n, *y0 = buf + 3 * n, *y1 = buf + 4 * n,
        *wy = buf + 5 * n;
    upsample_axis(dst->w, sx0, k, src->w, x0, x1, wx);
    upsample_axis(dst->h, sy0, k, src->h, y0, y1, wy);
    static const uint8_t clear[4] = {0, 0, 0, 0};
    for (int y = 0; y < dst->h; y++) {
        const uint8_t *r0 = y0[y] >= 0 ? src->px + (size_t)y0[y] * src->w * 4 : NULL;
        const uint8_t *r1 = y1[y] >= 0 ? src->px + (size_t)y1[y] * src->w * 4 : NULL;
        uint8_t *o = dst->px + (size_t)y * dst->w * 4;
        int b = wy[y], a = 256 - b;
        for (int x = 0; x < dst->w; x++, o += 4) {
            const uint8_t *p00 = r0 && x0[x] >= 0 ? r0 + x0[x] * 4 : clear;
            const uint8_t *p01 = r0 && x1[x] >= 0 ? r0 + x1[x] * 4 : clear;
            const uint8_t *p10 = r1 && x0[x] >= 0 ? r1 + x0[x] * 4 : clear;
            const uint8_t *p11 = r1 && x1[x] >= 0 ? r1 + x1[x] * 4 : clear;
            int d = wx[x], c = 256 - d;
            for (int ch = 0; ch < 4; ch++) {
                int top = p00[ch] * c + p01[ch] * d, bot = p10[ch] * c + p11[ch] * d;
                o[ch] = (uint8_t)((top * a + bot * b + 32768) >> 16);
            }
        }
    }
    free(buf);
}
