/* face_camera.c - the traveler as the counter camera sees them: the booth's
 * light from above or a side, its colour, the camera a little above the eyes,
 * a slight turn of the head, softness, sensor noise and JPEG-like blocks.
 *
 * Unlike the portrait, the capture is made whole: the blur and the 8x8 block
 * compression need neighbouring pixels. */
#include "face_int.h"

#include <stdlib.h>
#include <string.h>

void face_capture_counter(uint64_t seed, face_capture *out) {
    rng r;
    rng_init(&r, rng_derive(seed, "counter capture"));
    memset(out, 0, sizeof *out);
    out->light_az = rng_range(&r, -0.9, 0.9);
    out->light_el = rng_range(&r, 0.35, 0.95);
    out->light_kelv = rng_range(&r, 3000, 6200);
    out->contrast = rng_range(&r, 0.45, 0.9);
    out->yaw = rng_range(&r, -0.12, 0.12);
    out->pitch = rng_range(&r, -0.02, 0.1);
    out->roll = rng_range(&r, -0.05, 0.05);
    out->blur = rng_range(&r, 0.5, 1.8);
    out->noise = rng_range(&r, 2, 6);
    out->jpeg = rng_unit(&r) < 0.7 ? 25 + (int)rng_below(&r, 55) : 0;
    out->exposure = rng_range(&r, 0.85, 1.12);
    out->seed = rng_u64(&r);
}

/* A light's colour at a colour temperature (2700 K warm .. 6500 K white). */
static void kelvin(double k, double c[3]) {
    double t = face_clamp((k - 2700) / 3800, 0, 1);
    c[0] = 1.0, c[1] = 0.78 + 0.22 * t, c[2] = 0.56 + 0.44 * t;
}

static void capture_light(const face_capture *cap, fg_light *lt) {
    memset(lt, 0, sizeof *lt);
    double az = cap->light_az, el = cap->light_el;
    lt->L[0] = sin(az) * cos(el), lt->L[1] = -sin(el), lt->L[2] = cos(az) * cos(el);
    double H[3] = {lt->L[0], lt->L[1], lt->L[2] + 1};
    double n = sqrt(H[0] * H[0] + H[1] * H[1] + H[2] * H[2]);
    double kc[3];
    kelvin(cap->light_kelv, kc);
    double c = face_clamp(cap->contrast, 0.2, 1);
    for (int i = 0; i < 3; i++) {
        lt->H[i] = H[i] / n;
        lt->key[i] = (0.45 + 0.55 * c) * kc[i];
        lt->amb[i] = (0.6 - 0.35 * c) * (i == 2 ? 1.0 : 0.96);
    }
    const double wall[3] = {196, 192, 182}, wall2[3] = {150, 150, 146};
    for (int i = 0; i < 3; i++)
        lt->bg[i] = wall[i] * (0.7 + 0.3 * kc[i]), lt->bg2[i] = wall2[i] * (0.7 + 0.3 * kc[i]);
    lt->booth = 1;
}

/* Separable box blur of radius r (a float image, 3 channels), twice: close to a
 * Gaussian of the camera's defocus. */
static void blur(float *im, int w, int h, int r) {
    if (r <= 0) return;
    float *tmp = malloc(sizeof(float) * (size_t)(w > h ? w : h) * 3);
    if (!tmp) return;
    for (int pass = 0; pass < 4; pass++) {
        int horiz = pass % 2 == 0, n = horiz ? w : h, lines = horiz ? h : w;
        for (int l = 0; l < lines; l++) {
            for (int i = 0; i < n; i++) {
                double s[3] = {0, 0, 0};
                for (int k = -r; k <= r; k++) {
                    int j = i + k < 0 ? 0 : i + k >= n ? n - 1 : i + k;
                    const float *p =
                        horiz ? im + ((size_t)l * w + j) * 3 : im + ((size_t)j * w + l) * 3;
                    s[0] += p[0], s[1] += p[1], s[2] += p[2];
                }
                for (int c = 0; c < 3; c++)
                    tmp[i * 3 + c] = (float)(s[c] / (2 * r + 1));
            }
            for (int i = 0; i < n; i++) {
                float *p = horiz ? im + ((size_t)l * w + i) * 3 : im + ((size_t)i * w + l) * 3;
                memcpy(p, tmp + i * 3, sizeof(float) * 3);
            }
        }
    }
    free(tmp);
}

/* JPEG's standard luminance quantisation table (ITU T.81, Annex K). */
static const int jpeg_q[64] = {16,  11,  10,  16,  24, 40, 51,  61,  12,  12,  14,  19,  26,
                               58,  60,  55,  14,  13, 16, 24,  40,  57,  69,  56,  14,  17,
                               22,  29,  51,  87,  80, 62, 18,  22,  37,  56,  68,  109, 103,
                               77,  24,  35,  55,  64, 81, 104, 113, 92,  49,  64,  78,  87,
                               103, 121, 120, 101, 72, 92, 95,  98,  112, 100, 103, 99};

/* One 8x8 block of a channel through DCT, quantisation and back; cs[x][u] is
 * c(u) cos((2x + 1) u pi / 16). */
static void jpeg_block(float *ch, int w, int h, int bx, int by, double scale,
                       const double cs[8][8]) {
    double in[8][8], co[8][8];
    for (int y = 0; y < 8; y++)
        for (int x = 0; x < 8; x++) {
            int sx = bx + x < w ? bx + x : w - 1, sy = by + y < h ? by + y : h - 1;
            in[y][x] = ch[(size_t)sy * w + sx] - 128;
        }
    double row[8][8]; /* separable: rows, then columns */
    for (int y = 0; y < 8; y++)
        for (int u = 0; u < 8; u++) {
            double s = 0;
            for (int x = 0; x < 8; x++)
                s += in[y][x] * cs[x][u];
            row[y][u] = s;
        }
    for (int v = 0; v < 8; v++)
        for (int u = 0; u < 8; u++) {
            double s = 0;
            for (int y = 0; y < 8; y++)
                s += row[y][u] * cs[y][v];
            double q = fmax(1, jpeg_q[v * 8 + u] * scale);
            co[v][u] = round(0.25 * s / q) * q;
        }
    for (int v = 0; v < 8; v++)
        for (int x = 0; x < 8; x++) {
            double s = 0;
            for (int u = 0; u < 8; u++)
                s += co[v][u] * cs[x][u];
            row[v][x] = s;
        }
    for (int y = 0; y < 8 && by + y < h; y++)
        for (int x = 0; x < 8 && bx + x < w; x++) {
            double s = 0;
            for (int v = 0; v < 8; v++)
                s += row[v][x] * cs[y][v];
            ch[(size_t)(by + y) * w + bx + x] = (float)(0.25 * s + 128);
        }
}

/* JPEG-like compression: luma in quantised 8x8 blocks, chroma halved. */
static void jpeg(float *im, int w, int h, int quality) {
    double scale = quality < 50 ? 50.0 / quality : 2 - quality / 50.0;
    double cs[8][8];
    for (int x = 0; x < 8; x++)
        for (int u = 0; u < 8; u++)
            cs[x][u] = (u ? 1 : 0.70710678) * cos((2 * x + 1) * u * 3.14159265358979 / 16);
    size_t n = (size_t)w * h;
    float *Y = malloc(sizeof(float) * n * 3);
    if (!Y) return;
    float *Cb = Y + n, *Cr = Y + 2 * n;
    for (size_t i = 0; i < n; i++) {
        const float *p = im + i * 3;
        Y[i] = 0.299f * p[0] + 0.587f * p[1] + 0.114f * p[2];
        Cb[i] = -0.1687f * p[0] - 0.3313f * p[1] + 0.5f * p[2];
        Cr[i] = 0.5f * p[0] - 0.4187f * p[1] - 0.0813f * p[2];
    }
    for (int by = 0; by < h; by += 8)
        for (int bx = 0; bx < w; bx += 8)
            jpeg_block(Y, w, h, bx, by, scale, (const double(*)[8])cs);
    for (int y = 0; y < h; y++) /* chroma: one value per 2x2 */
        for (int x = 0; x < w; x++) {
            size_t a = (size_t)(y & ~1) * w + (x & ~1);
            size_t b = a + (x + 1 < w), c = a + (y + 1 < h ? (size_t)w : 0), d = c + (x + 1 < w);
            size_t i = (size_t)y * w + x;
            float cb = 0.25f * (Cb[a] + Cb[b] + Cb[c] + Cb[d]),
                  cr = 0.25f * (Cr[a] + Cr[b] + Cr[c] + Cr[d]);
            im[i * 3 + 0] = Y[i] + 1.402f * cr;
            im[i * 3 + 1] = Y[i] - 0.34414f * cb - 0.71414f * cr;
            im[i * 3 + 2] = Y[i] + 1.772f * cb;
        }
    free(Y);
}

void face_render_camera(const face_params *p, const face_capture *cap, uint8_t *rgba, int w, int h,
                        int stride) {
    if (w <= 0 || h <= 0) return;
    face_params q = *p;
    q.yaw += cap->yaw, q.pitch += cap->pitch, q.roll += cap->roll;
    fg_light lt;
    capture_light(cap, &lt);
    face_geom gs, *g = &gs;
    face_geom_build(g, &q, &lt, w, h, 1 + 0.5 * cap->blur);
    /* the counter camera frames looser than a studio, a little off centre */
    rng r;
    rng_init(&r, rng_derive(cap->seed, "framing"));
    double k = rng_range(&r, 1.12, 1.3);
    g->upx *= k, g->px *= k;
    double x0 = g->ox * w + rng_range(&r, -0.05, 0.05) * w,
           y0 = g->oy * h + rng_range(&r, 0, 0.06) * h;
    float *im = malloc(sizeof(float) * (size_t)w * h * 3);
    if (!im) return;
    for (int y = 0; y < h; y++)
        for (int x = 0; x < w; x++) {
            double c[3];
            face_pixel(g, NULL, (x + 0.5 - x0) * g->upx, (y + 0.5 - y0) * g->upx, c);
            for (int i = 0; i < 3; i++)
                im[((size_t)y * w + x) * 3 + i] = (float)(c[i] * cap->exposure);
        }
    blur(im, w, h, (int)(cap->blur * 0.6));
    for (int y = 0; y < h; y++) /* sensor noise: more in the shadows */
        for (int x = 0; x < w; x++) {
            float *o = im + ((size_t)y * w + x) * 3;
            double l = (o[0] + o[1] + o[2]) / 765.0, amp = cap->noise * (1.4 - 0.8 * l);
            double nl =
                fz_corner(x, y, (uint32_t)cap->seed) + fz_corner(x, y, (uint32_t)cap->seed + 1);
            for (int i = 0; i < 3; i++)
                o[i] +=
                    (float)(amp *
                            (nl + 0.5 * fz_corner(x, y, (uint32_t)cap->seed + 2 + (uint32_t)i)));
        }
    if (cap->jpeg > 0) jpeg(im, w, h, cap->jpeg < 5 ? 5 : cap->jpeg > 95 ? 95 : cap->jpeg);
    for (int y = 0; y < h; y++)
        for (int x = 0; x < w; x++) {
            const float *c = im + ((size_t)y * w + x) * 3;
            uint8_t *o = rgba + (size_t)y * (size_t)stride + (size_t)x * 4;
            for (int i = 0; i < 3; i++)
                o[i] = (uint8_t)(c[i] < 0 ? 0 : c[i] > 255 ? 255 : c[i] + 0.5f);
            o[3] = 255;
        }
    free(im);
}
