/* imgtool.c - looks at screenshots for the shell tests, the way a person would
 * compare two pictures: how many pixels changed in a region, how much fine
 * detail a region holds, what colour a pixel is, how many colours an image has. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "image.h"
#include "loupe.h"

static int load(const char *path, bl_image *img) {
    bl_err err = {""};
    if (image_load_file(img, path, &err) != 0) {
        fprintf(stderr, "imgtool: %s\n", err.msg);
        return -1;
    }
    return 0;
}

static int run(int argc, char **argv, bl_image *pa, bl_image *pb);

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
        bl_err err = {""};
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
    if (argc == 5 && !strcmp(argv[1], "pixel")) {
        if (load(argv[2], &a)) return 2;
        int x = atoi(argv[3]), y = atoi(argv[4]);
        if (x < 0 || y < 0 || x >= a.w || y >= a.h) return 2;
        const uint8_t *p = a.px + ((size_t)y * a.w + x) * 4;
        printf("%d %d %d\n", p[0], p[1], p[2]);
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
