/* fingersheet.c - the docs' picture of synthetic fingerprints
 * (docs/fingerprints.png): three fingers of different classes, each as the
 * scanner shows it after a good touch (with the minutiae and singular
 * points extraction finds marked), a light one, dry skin, and half a
 * fingertip or a turned one; every impression labelled with its quality.
 *
 *     fingersheet OUT.png
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "finger.h"
#include "image.h"
#include "test_fonts.h"
#include "text.h"

#ifndef M_PI
#define M_PI 3.14159265358979323846
#endif

#define COLS 4
#define HEAD 30 /* a label strip over each impression */
#define GAP  12

typedef struct sheet {
    bl_image img;
    doc_fonts fonts;
    uint32_t ink;
} sheet;

static void plot(void *ud, int x, int y, int cov) {
    sheet *s = ud;
    image_blend_pixel(&s->img, x, y, s->ink, cov);
}

static void label(sheet *s, int x, int y, double size, int bold, const char *txt) {
    text_style st = {bold ? s->fonts.sans_bold : s->fonts.sans, NULL, size, 0, 0};
    bl_err err;
    text_draw(&st, txt, x, y, plot, s, &err);
}

static void dot(bl_image *im, double x, double y, uint32_t rgba) {
    int ix = (int)lround(x), iy = (int)lround(y);
    if (ix >= 0 && iy >= 0 && ix < im->w && iy < im->h) image_blend_pixel(im, ix, iy, rgba, 255);
}

/* A minutia: a ring (ending) or a square (bifurcation) and its direction. */
static void mark_minutia(bl_image *im, int ox, int oy, const finger_minutia *m) {
    uint32_t col = m->kind == FINGER_ENDING ? 0xff2020e0u : 0xffe05010u; /* ABGR: red, blue */
    double x = ox + m->x, y = oy + m->y;
    if (m->kind == FINGER_ENDING)
        for (int a = 0; a < 64; a++)
            dot(im, x + 5 * cos(a * M_PI / 32), y + 5 * sin(a * M_PI / 32), col);
    else
        for (int k = -5; k <= 5; k++) {
            dot(im, x + k, y - 5, col), dot(im, x + k, y + 5, col);
            dot(im, x - 5, y + k, col), dot(im, x + 5, y + k, col);
        }
    for (double r = 5; r <= 15; r += 0.5)
        dot(im, x + r * cos(m->angle), y + r * sin(m->angle), col);
}

static void mark_singular(bl_image *im, int ox, int oy, finger_point p, int core) {
    uint32_t col = 0xff10a010u; /* green */
    for (int a = 0; a < 90; a++) {
        double t = a * 2 * M_PI / 90, r = core ? 11 : 12;
        if (core) {
            dot(im, ox + p.x + r * cos(t), oy + p.y + r * sin(t), col);
            dot(im, ox + p.x + (r + 1) * cos(t), oy + p.y + (r + 1) * sin(t), col);
        } else { /* a triangle for a delta */
            int side = a / 30;
            double f = (a % 30) / 30.0, a0 = -M_PI / 2 + side * 2 * M_PI / 3,
                   a1 = a0 + 2 * M_PI / 3;
            double x = (1 - f) * cos(a0) + f * cos(a1), y = (1 - f) * sin(a0) + f * sin(a1);
            dot(im, ox + p.x + r * x, oy + p.y + r * y, col);
            dot(im, ox + p.x + (r + 1) * x, oy + p.y + (r + 1) * y, col);
        }
    }
}

static int tile(sheet *s, const finger_master *m, finger_capture_kind kind, uint64_t seed, int ox,
                int oy, int marks, bl_err *err) {
    finger_capture c;
    finger_impression imp;
    finger_template t;
    finger_quality_report q;
    finger_capture_preset(&c, kind, seed);
    if (kind == FINGER_CAPTURE_GOOD) c.dx = c.dy = 0, c.rotation = 0;
    if (finger_impress(m, &c, &imp, err) != 0) return -1;
    if (finger_extract(&imp.img, &t, err) != 0 || finger_quality(&imp.img, &q, err) != 0) {
        finger_impression_deinit(&imp);
        return -1;
    }
    for (int y = 0; y < imp.img.h; y++)
        for (int x = 0; x < imp.img.w; x++) {
            uint8_t v = imp.img.px[y * imp.img.w + x],
                    *p = s->img.px + 4 * ((size_t)(oy + y) * s->img.w + ox + x);
            p[0] = p[1] = p[2] = v, p[3] = 255;
        }
    if (marks) {
        for (int i = 0; i < t.n; i++)
            mark_minutia(&s->img, ox, oy, &t.m[i]);
        for (int i = 0; i < t.ncores; i++)
            mark_singular(&s->img, ox, oy, t.cores[i], 1);
        for (int i = 0; i < t.ndeltas; i++)
            mark_singular(&s->img, ox, oy, t.deltas[i], 0);
    }
    char txt[160];
    if (marks)
        snprintf(txt, sizeof txt, "%s: quality %d (level %d), %d minutiae found",
                 finger_capture_name(kind), q.score, q.level, t.n);
    else
        snprintf(txt, sizeof txt, "%s: quality %d (level %d)", finger_capture_name(kind), q.score,
                 q.level);
    s->ink = 0xff303030u;
    label(s, ox + 2, oy - 9, 14, 0, txt);
    finger_impression_deinit(&imp);
    return 0;
}

int main(int argc, char **argv) {
    if (argc != 2) {
        fprintf(stderr, "usage: fingersheet OUT.png\n");
        return 2;
    }
    static const struct {
        finger_class cls;
        int position;
        finger_capture_kind last;
    } rows[3] = {{FINGER_RIGHT_LOOP, 2, FINGER_CAPTURE_PARTIAL},
                 {FINGER_WHORL, 1, FINGER_CAPTURE_ROTATED},
                 {FINGER_TENTED_ARCH, 7, FINGER_CAPTURE_WET}};
    sheet s = {0};
    bl_err err = {0};
    int rowh = HEAD + FINGER_IMG_H + 34 + GAP, w = COLS * FINGER_IMG_W + (COLS + 1) * GAP;
    if (test_fonts_load(&s.fonts, &err) != 0 || image_init(&s.img, w, 3 * rowh + GAP, &err) != 0) {
        fprintf(stderr, "fingersheet: %s\n", err.msg);
        return 2;
    }
    image_fill_rect(&s.img, 0, 0, s.img.w, s.img.h, 0xfff4f4f4u);
    int rc = 0;
    for (int r = 0; r < 3 && rc == 0; r++) {
        uint64_t seed = 11;
        while (finger_class_for(seed, rows[r].position) != rows[r].cls)
            seed++;
        finger_master *m = finger_master_create(seed, rows[r].position, &err);
        if (!m) {
            rc = -1;
            break;
        }
        const finger_info *in = finger_master_info(m);
        char txt[200];
        snprintf(txt, sizeof txt,
                 "%s, %s (seed %llu): %d minutiae in the finger, ridge period %.1f px (%.2f mm)",
                 finger_class_name(in->cls), finger_position_name(in->position),
                 (unsigned long long)seed, in->nminutiae, in->period,
                 in->period * 25.4 / FINGER_PPI);
        s.ink = 0xff101010u;
        int oy = GAP + r * rowh;
        label(&s, GAP, oy + 20, 17, 1, txt);
        const finger_capture_kind kinds[COLS] = {FINGER_CAPTURE_GOOD, FINGER_CAPTURE_LIGHT,
                                                 FINGER_CAPTURE_DRY, rows[r].last};
        for (int k = 0; k < COLS && rc == 0; k++)
            rc = tile(&s, m, kinds[k], 100 * (uint64_t)r + (uint64_t)k,
                      GAP + k * (FINGER_IMG_W + GAP), oy + HEAD + 34, k == 0, &err);
        finger_master_destroy(m);
    }
    if (rc == 0) rc = image_save_png(&s.img, argv[1], &err);
    if (rc != 0) fprintf(stderr, "fingersheet: %s\n", err.msg);
    image_deinit(&s.img);
    doc_fonts_unload(&s.fonts);
    return rc == 0 ? 0 : 2;
}
