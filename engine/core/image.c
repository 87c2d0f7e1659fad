/* image.c - see image.h. PNG in with libpng; JPEG in and PNG out with the
 * system libstb (stb_image, stb_image_write). */
#include "image.h"

#include <stdlib.h>
#include <string.h>

#include <png.h>
#include <zlib.h>
#include <setjmp.h>
#include <stdio.h>
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

/* ---- PNG, with libpng ---- */

typedef struct {
    const unsigned char *p;
    size_t left;
    char why[200]; /* libpng's own words for what went wrong */
} png_src;

static void png_read_mem(png_structp png, png_bytep out, size_t n) {
    png_src *s = png_get_io_ptr(png);
    if (n > s->left) png_error(png, "the file ends inside the image (truncated)");
    memcpy(out, s->p, n);
    s->p += n, s->left -= n;
}

static void png_fail(png_structp png, png_const_charp msg) {
    png_src *s = png_get_error_ptr(png);
    snprintf(s->why, sizeof s->why, "%s", msg);
    png_longjmp(png, 1);
}

/* Warnings are libpng's "benign" problems: an academy's image has none. */
static void png_warn(png_structp png, png_const_charp msg) {
    png_fail(png, msg);
}

/* Decodes into img (RGBA8) whatever the PNG's colour type and depth. The
 * locals libpng's longjmp may skip over are kept in *rows and img. */
static int png_decode(png_structp png, png_infop info, bl_image *img, png_bytep **rows,
                      const char *name, bl_err *err) {
    png_read_info(png, info);
    png_uint_32 w = png_get_image_width(png, info), h = png_get_image_height(png, info);
    if ((uint64_t)w * h > IMAGE_MAX_DECODE_PIXELS)
        return err_set(err, "'%s' has %ux%u pixels, more than the %u we read; re-export it smaller",
                       name, (unsigned)w, (unsigned)h, IMAGE_MAX_DECODE_PIXELS);
    png_set_expand(png); /* palette, low bit depths and tRNS to 8-bit channels */
    png_set_strip_16(png);
    png_set_gray_to_rgb(png);
    png_set_add_alpha(png, 0xFF, PNG_FILLER_AFTER);
    png_set_interlace_handling(png);
    png_read_update_info(png, info);
    if (png_get_rowbytes(png, info) != (size_t)w * 4)
        return err_set(err, "'%s': a PNG layout this reader does not know", name);
    if (image_init(img, (int)w, (int)h, err) != 0) return -1;
    if (!(*rows = malloc(sizeof **rows * h))) return err_set(err, "out of memory for '%s'", name);
    for (png_uint_32 y = 0; y < h; y++)
        (*rows)[y] = img->px + (size_t)y * w * 4;
    png_read_image(png, *rows);
    png_read_end(png, NULL); /* the last chunks' CRCs too */
    return 0;
}

static uint32_t be32(const unsigned char *b) {
    return (uint32_t)b[0] << 24 | (uint32_t)b[1] << 16 | (uint32_t)b[2] << 8 | b[3];
}

/* The bit depths each colour type allows (PNG specification, table 11.1). */
static int png_depth_ok(int depth, int colour) {
    switch (colour) {
    case 0:
        return depth == 1 || depth == 2 || depth == 4 || depth == 8 || depth == 16;
    case 3:
        return depth == 1 || depth == 2 || depth == 4 || depth == 8;
    case 2:
    case 4:
    case 6:
        return depth == 8 || depth == 16;
    default:
        return 0;
    }
}

/* The bytes of image data (filter bytes included) a PNG of this header
 * inflates to: one filtered row per line, or per line of each Adam7 pass. */
static uint64_t png_raw_size(uint32_t w, uint32_t h, int depth, int colour, int interlaced) {
    static const int channels[7] = {1, 0, 3, 1, 2, 0, 4};
    uint64_t bits = (uint64_t)depth * (colour >= 0 && colour < 7 ? channels[colour] : 4);
    if (!interlaced) return (uint64_t)h * (1 + (w * bits + 7) / 8);
    static const int x0[7] = {0, 4, 0, 2, 0, 1, 0}, dx[7] = {8, 8, 4, 4, 2, 2, 1};
    static const int y0[7] = {0, 0, 4, 0, 2, 0, 1}, dy[7] = {8, 8, 8, 4, 4, 2, 2};
    uint64_t total = 0;
    for (int p = 0; p < 7; p++) {
        uint64_t pw = w > (uint32_t)x0[p] ? (w - x0[p] + dx[p] - 1) / dx[p] : 0;
        uint64_t ph = h > (uint32_t)y0[p] ? (h - y0[p] + dy[p] - 1) / dy[p] : 0;
        if (pw && ph) total += ph * (1 + (pw * bits + 7) / 8);
    }
    return total;
}

/* Before libpng sees it: every chunk whole and its CRC right, and the image
 * data inflating to no more than the header's size needs. libpng would
 * inflate whatever follows the last row before it complains, so a 1.5 MB
 * file could cost seconds (a 32 MiB one, a minute); here inflating stops at
 * the first byte too many. */
static int png_precheck(const unsigned char *b, size_t len, const char *name, bl_err *err) {
    uint64_t need = 0, got = 0;
    z_stream z;
    memset(&z, 0, sizeof z);
    if (inflateInit(&z) != Z_OK) return err_set(err, "out of memory reading '%s'", name);
    int rc = 0, ended = 0;
    unsigned char sink[16384];
    for (size_t at = 8; rc == 0 && !ended;) {
        if (len - at < 12) {
            rc = err_set(err, "'%s' ends inside a chunk (truncated)", name);
            break;
        }
        uint32_t n = be32(b + at);
        const unsigned char *type = b + at + 4, *body = b + at + 8;
        if (n > len - at - 12) {
            rc = err_set(err, "'%s': the %.4s chunk runs past the end of the file (truncated)",
                         name, (const char *)type);
            break;
        }
        if ((uint32_t)crc32(crc32(0, type, 4), body, n) != be32(body + n)) {
            rc = err_set(err, "'%s': the %.4s chunk's CRC is wrong (damaged in transfer?)", name,
                         (const char *)type);
            break;
        }
        if (!memcmp(type, "IHDR", 4) && n >= 13) {
            if (!png_depth_ok(body[8], body[9])) {
                rc = err_set(err, "'%s': bit depth %d does not go with colour type %d", name,
                             body[8], body[9]);
                break;
            }
            need = png_raw_size(be32(body), be32(body + 4), body[8], body[9], body[12]);
        }
        if (!memcmp(type, "IDAT", 4)) {
            z.next_in = (unsigned char *)body, z.avail_in = n;
            while (z.avail_in && rc == 0) {
                z.next_out = sink, z.avail_out = sizeof sink;
                int zr = inflate(&z, Z_NO_FLUSH);
                got += sizeof sink - z.avail_out;
                if (got > need)
                    rc = err_set(err,
                                 "'%s' holds more image data than its %ux%u pixels need (a "
                                 "decompression bomb?)",
                                 name, be32(b + 16), be32(b + 20));
                else if (zr == Z_STREAM_END)
                    break;
                else if (zr != Z_OK)
                    rc = err_set(err, "'%s': its image data is not valid zlib", name);
            }
        }
        ended = !memcmp(type, "IEND", 4);
        at += 12 + (size_t)n;
    }
    inflateEnd(&z);
    return rc;
}

static int load_png(bl_image *img, const void *data, size_t len, const char *name, bl_err *err) {
    /* the size the first chunk claims, said plainly before anything is read */
    const unsigned char *b = data;
    if (len >= 24 && memcmp(b + 12, "IHDR", 4) == 0) {
        uint32_t pw = (uint32_t)b[16] << 24 | (uint32_t)b[17] << 16 | (uint32_t)b[18] << 8 | b[19];
        uint32_t ph = (uint32_t)b[20] << 24 | (uint32_t)b[21] << 16 | (uint32_t)b[22] << 8 | b[23];
        if (pw == 0 || ph == 0 || pw > IMAGE_MAX_SIDE || ph > IMAGE_MAX_SIDE ||
            (uint64_t)pw * ph > IMAGE_MAX_DECODE_PIXELS)
            return err_set(err,
                           "'%s' claims %ux%u pixels, outside the 1..%d-pixel side / %u-pixel "
                           "limit; re-export it at a lower resolution",
                           name, (unsigned)pw, (unsigned)ph, IMAGE_MAX_SIDE,
                           IMAGE_MAX_DECODE_PIXELS);
    }
    if (png_precheck(data, len, name, err) != 0) return -1;
    png_src src = {data, len, ""};
    png_structp png = png_create_read_struct(PNG_LIBPNG_VER_STRING, &src, png_fail, png_warn);
    png_infop info = png ? png_create_info_struct(png) : NULL;
    png_bytep *volatile rows = NULL;
    volatile int rc = -1;
    if (!info) {
        err_set(err, "out of memory reading '%s'", name);
    } else if (setjmp(png_jmpbuf(png))) {
        err_set(err,
                "'%s' is not a PNG we can trust: %s (save it again with an image editor, or "
                "capture it again)",
                name, src.why[0] ? src.why : "damaged");
    } else {
        png_set_read_fn(png, &src, png_read_mem);
        png_set_user_limits(png, IMAGE_MAX_SIDE, IMAGE_MAX_SIDE);
        png_set_chunk_malloc_max(png, 8u << 20); /* an ancillary chunk: 8 MiB at most */
        png_set_crc_action(png, PNG_CRC_ERROR_QUIT, PNG_CRC_ERROR_QUIT); /* every chunk's CRC */
        png_set_benign_errors(png, 0);
        rc = png_decode(png, info, img, (png_bytep **)&rows, name, err);
    }
    png_destroy_read_struct(&png, info ? &info : NULL, NULL);
    free((void *)rows);
    if (rc != 0) image_deinit(img);
    return rc;
}

/* ---- JPEG, with stb_image ---- */

static int load_jpeg(bl_image *img, const void *data, size_t len, const char *name, bl_err *err) {
    int w = 0, h = 0, comp = 0;
    if (!stbi_info_from_memory(data, (int)len, &w, &h, &comp))
        return err_set(err, "'%s' is not a readable JPEG image (%s)", name, stbi_failure_reason());
    if (w <= 0 || h <= 0 || w > IMAGE_MAX_SIDE || h > IMAGE_MAX_SIDE ||
        (size_t)w * (size_t)h > IMAGE_MAX_DECODE_PIXELS)
        return err_set(err,
                       "'%s' claims %dx%d pixels, more than the %d-pixel side / %u-pixel limit; "
                       "re-export it at a lower resolution",
                       name, w, h, IMAGE_MAX_SIDE, IMAGE_MAX_DECODE_PIXELS);
    unsigned char *px = stbi_load_from_memory(data, (int)len, &w, &h, &comp, 4);
    if (!px) return err_set(err, "'%s' is truncated or corrupt (%s)", name, stbi_failure_reason());
    img->px = px; /* stb allocates with malloc: image_deinit frees it */
    img->w = w, img->h = h;
    return 0;
}

int image_load_mem(bl_image *img, const void *data, size_t len, const char *name, bl_err *err) {
    static const unsigned char png_sig[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    static const unsigned char jpeg_sig[3] = {0xFF, 0xD8, 0xFF};
    img->w = img->h = 0;
    img->px = NULL;
    if (len == 0) return err_set(err, "'%s' is empty; expected a PNG or JPEG image", name);
    if (len > IMAGE_MAX_FILE_BYTES)
        return err_set(err, "'%s' is larger than %u MiB; re-export it smaller", name,
                       IMAGE_MAX_FILE_BYTES >> 20);
    if (len >= 8 && !memcmp(data, png_sig, 8)) return load_png(img, data, len, name, err);
    if (len >= 3 && !memcmp(data, jpeg_sig, 3)) return load_jpeg(img, data, len, name, err);
    return err_set(err, "'%s' is not a PNG or JPEG image", name);
}

int image_load_file(bl_image *img, const char *path, bl_err *err) {
    size_t len = 0;
    char *data = fs_read_all(path, IMAGE_MAX_FILE_BYTES + 1, &len, err);
    if (!data) {
        img->w = img->h = 0;
        img->px = NULL;
        return -1;
    }
    int rc = image_load_mem(img, data, len, path, err);
    free(data);
    return rc;
}

int image_probe_file(const char *path, int *w, int *h, bl_err *err) {
    static const unsigned char png_sig[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    size_t len = 0;
    unsigned char *b = (unsigned char *)fs_read_all(path, IMAGE_MAX_FILE_BYTES + 1, &len, err);
    if (!b) return -1;
    int rc = 0, comp = 0;
    *w = *h = 0;
    if (len > IMAGE_MAX_FILE_BYTES) {
        rc = err_set(err, "'%s' is larger than %u MiB; re-export it smaller", path,
                     IMAGE_MAX_FILE_BYTES >> 20);
    } else if (len >= 24 && !memcmp(b, png_sig, 8) && !memcmp(b + 12, "IHDR", 4)) {
        *w = (int)((uint32_t)b[16] << 24 | (uint32_t)b[17] << 16 | (uint32_t)b[18] << 8 | b[19]);
        *h = (int)((uint32_t)b[20] << 24 | (uint32_t)b[21] << 16 | (uint32_t)b[22] << 8 | b[23]);
    } else if (len >= 3 && b[0] == 0xFF && b[1] == 0xD8 && b[2] == 0xFF) {
        if (!stbi_info_from_memory(b, (int)len, w, h, &comp))
            rc =
                err_set(err, "'%s' is not a readable JPEG image (%s)", path, stbi_failure_reason());
    } else {
        rc = err_set(err, "'%s' is not a PNG or JPEG image", path);
    }
    if (rc == 0 && (*w <= 0 || *h <= 0 || *w > IMAGE_MAX_SIDE || *h > IMAGE_MAX_SIDE ||
                    (uint64_t)*w * (uint64_t)*h > IMAGE_MAX_DECODE_PIXELS))
        rc = err_set(err,
                     "'%s' claims %dx%d pixels, outside the 1..%d-pixel side / %u-pixel limit; "
                     "re-export it at a lower resolution",
                     path, *w, *h, IMAGE_MAX_SIDE, IMAGE_MAX_DECODE_PIXELS);
    free(b);
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
