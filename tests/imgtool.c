/* imgtool.c - looks at screenshots for the shell tests, the way a person would
 * compare two pictures: how many pixels changed in a region, how much fine
 * detail a region holds, what colour a pixel is, how many colours an image has. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "image.h"
#include "test_fonts.h"
#include "doc.h"
#include "loupe.h"
#include "text.h"

static int load(const char *path, bl_image *img) {
    bl_err err = {0};
    if (image_load_file(img, path, &err) != 0) {
        fprintf(stderr, "imgtool: %s\n", err.msg);
        return -1;
    }
    return 0;
}

static int run(int argc, char **argv, bl_image *pa, bl_image *pb);

/* Keeps the strongest coverage per pixel in the alpha channel. */
static void cov_plot(void *ud, int x, int y, int cov) {
    bl_image *m = ud;
    if (x < 0 || y < 0 || x >= m->w || y >= m->h) return;
    uint8_t *p = m->px + ((size_t)y * m->w + x) * 4 + 3;
    if (cov > *p) *p = (uint8_t)cov;
}

int main(int argc, char **argv) {
    bl_image a = {0, 0, NULL}, b = {0, 0, NULL};
    int rc = run(argc, argv, &a, &b);
    image_deinit(&a);
    image_deinit(&b);
    return rc;
}

static int run(int argc, char **argv, bl_image *pa, bl_image *pb) {
#define a (*pa)
#define b (*pb)
    if (argc == 8 && !strcmp(argv[1], "diff")) { /* diff A B x y w h: pixels changed by > 8 */
        if (load(argv[2], &a) || load(argv[3], &b)) return 2;
        printf("%ld\n", image_count_diff(&a, &b, atoi(argv[4]), atoi(argv[5]), atoi(argv[6]),
                                         atoi(argv[7]), 8));
        return 0;
    }
    if (argc == 10 && !strcmp(argv[1], "diffat")) { /* diffat A ax ay B bx by w h */
        if (load(argv[2], &a) || load(argv[5], &b)) return 2;
        int ax = atoi(argv[3]), ay = atoi(argv[4]), bx = atoi(argv[6]), by = atoi(argv[7]);
        int w = atoi(argv[8]), h = atoi(argv[9]);
        long n = 0;
        for (int y = 0; y < h; y++)
            for (int x = 0; x < w; x++) {
                if (ax + x < 0 || ay + y < 0 || ax + x >= a.w || ay + y >= a.h || bx + x < 0 ||
                    by + y < 0 || bx + x >= b.w || by + y >= b.h) {
                    n++;
                    continue;
                }
                const uint8_t *p = a.px + ((size_t)(ay + y) * a.w + ax + x) * 4;
                const uint8_t *q = b.px + ((size_t)(by + y) * b.w + bx + x) * 4;
                for (int c = 0; c < 3; c++)
                    if (abs((int)p[c] - (int)q[c]) > 8) {
                        n++;
                        break;
                    }
            }
        printf("%ld\n", n);
        return 0;
    }
    if (argc == 7 &&
        !strcmp(argv[1], "detail")) { /* detail A x y w h: mean |horizontal gradient| */
        if (load(argv[2], &a)) return 2;
        int x0 = atoi(argv[3]), y0 = atoi(argv[4]), w = atoi(argv[5]), h = atoi(argv[6]);
        double sum = 0;
        long n = 0;
        for (int y = y0; y < y0 + h && y < a.h; y++)
            for (int x = x0; x + 1 < x0 + w && x + 1 < a.w; x++) {
                const uint8_t *p = a.px + ((size_t)y * a.w + x) * 4;
                for (int c = 0; c < 3; c++)
                    sum += abs((int)p[c] - (int)p[c + 4]);
                n++;
            }
        printf("%.3f\n", n ? sum / (3.0 * n) : 0.0);
        return 0;
    }
    if (argc == 7 && !strcmp(argv[1], "magnify")) { /* magnify A cx cy zoom OUT: 220 px lens */
        bl_err err = {0};
        bl_image out = {0, 0, NULL};
        if (load(argv[2], &a)) return 2;
        if (loupe_render(&a, atof(argv[3]), atof(argv[4]), 1.0 / atof(argv[5]), 220, &out, &err) ||
            image_save_png(&out, argv[6], &err)) {
            fprintf(stderr, "imgtool: %s\n", err.msg);
            image_deinit(&out);
            return 2;
        }
        image_deinit(&out);
        return 0;
    }
    if (argc == 14 && !strcmp(argv[1], "text")) {
        /* text OUT W H BG FG SIZE BOLD RTL X BASELINE ALIGN STRING: renders a line the
         * way the desk's text cache and SDL's blending do, on a plain background. */
        bl_err err = {0};
        doc_fonts f;
        if (test_fonts_load(&f, &err) || image_init(&a, atoi(argv[3]), atoi(argv[4]), &err)) {
            fprintf(stderr, "imgtool: %s\n", err.msg);
            return 2;
        }
        unsigned bg = (unsigned)strtoul(argv[5], NULL, 16),
                 fg = (unsigned)strtoul(argv[6], NULL, 16);
        image_fill_rect(&a, 0, 0, a.w, a.h,
                        0xFF000000u | (bg & 0xFF) << 16 | (bg & 0xFF00) | (bg >> 16 & 0xFF));
        text_style st = {atoi(argv[8]) ? f.sans_bold : f.sans, f.arabic, atoi(argv[7]), 0,
                         atoi(argv[9]) ? TEXT_DIR_RTL : TEXT_DIR_AUTO};
        text_layout lay;
        if (text_layout_make(&st, argv[13], &lay, &err) != 0) {
            fprintf(stderr, "imgtool: %s\n", err.msg);
            doc_fonts_unload(&f);
            return 2;
        }
        int w = (int)ceil(lay.width) + 2, h = (int)ceil(lay.ascent + lay.descent) + 2;
        int asc = (int)ceil(lay.ascent) + 1, align = atoi(argv[12]);
        int x = atoi(argv[10]) - (align == 1   ? w / 2
                                  : align == 2 ? w
                                               : 0),
            y = atoi(argv[11]) - asc;
        if (image_init(&b, w, h, &err) == 0) {
            memset(b.px, 0, (size_t)w * h * 4);
            text_layout_draw(&lay, 1, lay.ascent + 1, cov_plot, &b);
            uint32_t rgba = 0xFF000000u | (fg & 0xFF) << 16 | (fg & 0xFF00) | (fg >> 16 & 0xFF);
            for (int yy = 0; yy < h; yy++)
                for (int xx = 0; xx < w; xx++)
                    image_blend_pixel(&a, x + xx, y + yy, rgba,
                                      b.px[((size_t)yy * w + xx) * 4 + 3]);
        }
        text_layout_free(&lay);
        doc_fonts_unload(&f);
        return image_save_png(&a, argv[2], &err) == 0 ? 0 : 2;
    }
    if (argc == 5 && !strcmp(argv[1], "pixel")) {
        if (load(argv[2], &a)) return 2;
        int x = atoi(argv[3]), y = atoi(argv[4]);
        if (x < 0 || y < 0 || x >= a.w || y >= a.h) return 2;
        const uint8_t *p = a.px + ((size_t)y * a.w + x) * 4;
        printf("%d %d %d\n", p[0], p[1], p[2]);
        return 0;
    }
    if (argc == 5 && !strcmp(argv[1], "rgba")) { /* rgba A x y: the pixel, alpha too */
        if (load(argv[2], &a)) return 2;
        int x = atoi(argv[3]), y = atoi(argv[4]);
        if (x < 0 || y < 0 || x >= a.w || y >= a.h) return 2;
        const uint8_t *p = a.px + ((size_t)y * a.w + x) * 4;
        printf("%d %d %d %d\n", p[0], p[1], p[2], p[3]);
        return 0;
    }
    if (argc == 3 && !strcmp(argv[1], "colors")) { /* distinct colours (up to 4096 counted) */
        if (load(argv[2], &a)) return 2;
        static uint32_t seen[4096];
        int n = 0;
        for (size_t i = 0; i < (size_t)a.w * a.h && n < 4096; i += 7) {
            uint32_t c;
            memcpy(&c, a.px + i * 4, 4);
            int k = 0;
            while (k < n && seen[k] != c)
                k++;
            if (k == n) seen[n++] = c;
        }
        printf("%d\n", n);
        return 0;
    }
    fprintf(stderr,
            "usage: imgtool diff A B x y w h | detail A x y w h | pixel A x y | colors A\n");
    return 2;
#undef a
#undef b
}
