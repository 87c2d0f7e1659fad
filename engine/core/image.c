/* image.c - see image.h. Uses the system libstb (stb_image, stb_image_write). */
#include "image.h"

#include <stdlib.h>
#include <string.h>

#include <stb_image.h>
#include <stb_image_write.h>

#include "fsio.h"

int image_init(bl_image *img, int w, int h, bl_err *err) {
    img->w = img->h = 0;
    img->px = NULL;
    if (w <= 0 || h <= 0 || w > IMAGE_MAX_SIDE || h > IMAGE_MAX_SIDE ||
        (size_t)w * (size_t)h > IMAGE_MAX_PIXELS)
        return err_set(err, "image size %dx%d is out of range (1..%d per side, at most %u pixels)",
                       w, h, IMAGE_MAX_SIDE, IMAGE_MAX_PIXELS);
    img->px = malloc((size_t)w * (size_t)h * 4);
    if (!img->px) return err_set(err, "out of memory for a %dx%d image", w, h);
    for (size_t i = 0; i < (size_t)w * (size_t)h; i++) {
        img->px[i * 4 + 0] = img->px[i * 4 + 1] = img->px[i * 4 + 2] = 0;
        img->px[i * 4 + 3] = 255;
    }
    img->w = w;
    img->h = h;
    return 0;
}

void image_deinit(bl_image *img) {
    free(img->px);
    img->px = NULL;
    img->w = img->h = 0;
}

typedef struct {
    unsigned char *data;
    size_t len, cap;
    int failed;
} png_sink;

static void png_write(void *ctx, void *data, int size) {
    png_sink *s = ctx;
    if (s->failed || size <= 0) return;
    if (s->len + (size_t)size > s->cap) {
        size_t cap = s->cap ? s->cap * 2 : 65536;
        while (cap < s->len + (size_t)size)
            cap *= 2;
        unsigned char *nd = realloc(s->data, cap);
        if (!nd) {
            s->failed = 1;
            return;
        }
        s->data = nd;
        s->cap = cap;
    }
    memcpy(s->data + s->len, data, (size_t)size);
    s->len += (size_t)size;
}

int image_save_png(const bl_image *img, const char *path, bl_err *err) {
    png_sink s = {NULL, 0, 0, 0};
    if (!stbi_write_png_to_func(png_write, &s, img->w, img->h, 4, img->px, img->w * 4) ||
        s.failed) {
        free(s.data);
        return err_set(err, "cannot encode '%s' as PNG (out of memory?)", path);
    }
    int rc = fs_write_atomic(path, s.data, s.len, err);
    free(s.data);
    return rc;
}

int image_load_mem(bl_image *img, const void *data, size_t len, const char *name, bl_err *err) {
    img->w = img->h = 0;
    img->px = NULL;
    if (len == 0) return err_set(err, "'%s' is empty; expected a PNG or JPEG image", name);
    if (len > (size_t)INT32_MAX) return err_set(err, "'%s' is too large", name);
    int w = 0, h = 0, comp = 0;
    /* A PNG states its size in the first chunk: read it ourselves, because
     * stb refuses huge sizes with only "unknown image type". */
    const unsigned char *b = data;
    static const unsigned char sig[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    if (len >= 24 && memcmp(b, sig, 8) == 0 && memcmp(b + 12, "IHDR", 4) == 0) {
        uint32_t pw = (uint32_t)b[16] << 24 | (uint32_t)b[17] << 16 | (uint32_t)b[18] << 8 | b[19];
        uint32_t ph = (uint32_t)b[20] << 24 | (uint32_t)b[21] << 16 | (uint32_t)b[22] << 8 | b[23];
        if (pw == 0 || ph == 0 || pw > IMAGE_MAX_SIDE || ph > IMAGE_MAX_SIDE ||
            (uint64_t)pw * ph > IMAGE_MAX_PIXELS)
            return err_set(err,
                           "'%s' claims %ux%u pixels, outside the 1..%d-pixel side / %u-pixel "
                           "limit; re-export it at a lower resolution",
                           name, (unsigned)pw, (unsigned)ph, IMAGE_MAX_SIDE, IMAGE_MAX_PIXELS);
    }
    if (!stbi_info_from_memory(data, (int)len, &w, &h, &comp))
        return err_set(err, "'%s' is not a readable PNG or JPEG image (%s)", name,
                       stbi_failure_reason());
    if (w <= 0 || h <= 0 || w > IMAGE_MAX_SIDE || h > IMAGE_MAX_SIDE ||
        (size_t)w * (size_t)h > IMAGE_MAX_PIXELS)
        return err_set(err,
                       "'%s' claims %dx%d pixels, more than the %d-pixel side / %u-pixel limit; "
                       "re-export it at a lower resolution",
                       name, w, h, IMAGE_MAX_SIDE, IMAGE_MAX_PIXELS);
    unsigned char *px = stbi_load_from_memory(data, (int)len, &w, &h, &comp, 4);
    if (!px) return err_set(err, "'%s' is truncated or corrupt (%s)", name, stbi_failure_reason());
    size_t n = (size_t)w * (size_t)h * 4;
    img->px = malloc(n);
    if (!img->px) {
        stbi_image_free(px);
        return err_set(err, "out of memory decoding '%s'", name);
    }
    memcpy(img->px, px, n);
    stbi_image_free(px);
    img->w = w;
    img->h = h;
    return 0;
}

int image_load_file(bl_image *img, const char *path, bl_err *err) {
    size_t len = 0;
    char *data = fs_read_all(path, 256u * 1024u * 1024u, &len, err);
    if (!data) {
        img->w = img->h = 0;
        img->px = NULL;
        return -1;
    }
    int rc = image_load_mem(img, data, len, path, err);
    free(data);
    return rc;
}

/* Clips a rectangle to both images; returns 0 when nothing is left. */
static int clip_pair(const bl_image *a, const bl_image *b, int *x0, int *y0, int *x1, int *y1) {
    if (*x0 < 0) *x0 = 0;
    if (*y0 < 0) *y0 = 0;
    if (*x1 > a->w) *x1 = a->w;
    if (*x1 > b->w) *x1 = b->w;
    if (*y1 > a->h) *y1 = a->h;
    if (*y1 > b->h) *y1 = b->h;
    return *x1 > *x0 && *y1 > *y0;
}

long image_count_diff(const bl_image *a, const bl_image *b, int x, int y, int w, int h,
                      int threshold) {
    int x0 = x, y0 = y, x1 = x + w, y1 = y + h;
    if (!clip_pair(a, b, &x0, &y0, &x1, &y1)) return 0;
    long n = 0;
    for (int yy = y0; yy < y1; yy++)
        for (int xx = x0; xx < x1; xx++) {
            const uint8_t *p = a->px + ((size_t)yy * a->w + xx) * 4;
            const uint8_t *q = b->px + ((size_t)yy * b->w + xx) * 4;
            for (int c = 0; c < 3; c++)
                if (abs((int)p[c] - (int)q[c]) > threshold) {
                    n++;
                    break;
                }
        }
    return n;
}

double image_mean_diff(const bl_image *a, const bl_image *b, int x, int y, int w, int h) {
    int x0 = x, y0 = y, x1 = x + w, y1 = y + h;
    if (!clip_pair(a, b, &x0, &y0, &x1, &y1)) return 0.0;
    double sum = 0;
    for (int yy = y0; yy < y1; yy++)
        for (int xx = x0; xx < x1; xx++) {
            const uint8_t *p = a->px + ((size_t)yy * a->w + xx) * 4;
            const uint8_t *q = b->px + ((size_t)yy * b->w + xx) * 4;
            for (int c = 0; c < 3; c++)
                sum += abs((int)p[c] - (int)q[c]);
        }
    return sum / (3.0 * (double)(x1 - x0) * (double)(y1 - y0));
}

void image_blit(bl_image *dst, const bl_image *src, int x, int y) {
    for (int sy = 0; sy < src->h; sy++) {
        int dy = y + sy;
        if (dy < 0 || dy >= dst->h) continue;
        for (int sx = 0; sx < src->w; sx++) {
            int dx = x + sx;
            if (dx < 0 || dx >= dst->w) continue;
            const uint8_t *p = src->px + ((size_t)sy * src->w + sx) * 4;
            uint8_t *q = dst->px + ((size_t)dy * dst->w + dx) * 4;
            if (p[3] == 255) {
                memcpy(q, p, 4);
            } else if (p[3]) { /* source over destination */
                for (int c = 0; c < 3; c++)
                    q[c] = (uint8_t)((p[c] * p[3] + q[c] * (255 - p[3])) / 255);
                q[3] = (uint8_t)(p[3] + q[3] * (255 - p[3]) / 255);
            }
        }
    }
}

static void put(bl_image *img, int x, int y, uint32_t c) {
    if (x < 0 || y < 0 || x >= img->w || y >= img->h) return;
    uint8_t *p = img->px + ((size_t)y * img->w + x) * 4;
    p[0] = (uint8_t)c, p[1] = (uint8_t)(c >> 8), p[2] = (uint8_t)(c >> 16),
    p[3] = (uint8_t)(c >> 24);
}

void image_fill_rect(bl_image *img, int x, int y, int w, int h, uint32_t rgba) {
    for (int yy = y; yy < y + h; yy++)
        for (int xx = x; xx < x + w; xx++)
            put(img, xx, yy, rgba);
}

void image_stroke_rect(bl_image *img, int x, int y, int w, int h, int t, uint32_t rgba) {
    image_fill_rect(img, x, y, w, t, rgba);
    image_fill_rect(img, x, y + h - t, w, t, rgba);
    image_fill_rect(img, x, y, t, h, rgba);
    image_fill_rect(img, x + w - t, y, t, h, rgba);
}

void image_blend_pixel(bl_image *img, int x, int y, uint32_t rgba, int cov) {
    if (x < 0 || y < 0 || x >= img->w || y >= img->h || cov <= 0) return;
    if (cov > 255) cov = 255;
    uint8_t *p = img->px + ((size_t)y * img->w + x) * 4;
    for (int c = 0; c < 3; c++) {
        int v = (int)((rgba >> (8 * c)) & 255);
        p[c] = (uint8_t)(p[c] + (v - p[c]) * cov / 255);
    }
}
