/* image.h - RGBA8 images in memory, PNG out, PNG/JPEG in.
 *
 * Pixels are RGBA, 4 bytes, rows packed (stride = 4*w), the byte order stb and
 * SDL_PIXELFORMAT_RGBA32 use.
 *
 * Images read in come from academies (captured specimens): untrusted. PNG is
 * decoded by libpng, which checks every chunk's CRC (a CRC error is refused,
 * ancillary chunks too), bounds the size it accepts before allocating
 * (png_set_user_limits) and the memory an ancillary chunk may take, and
 * refuses compressed data beyond the image (a file that says 64x64 but
 * inflates to 1.5 GiB); JPEG by stb_image, after its header's size is
 * checked. At most IMAGE_MAX_DECODE_PIXELS are decoded, so decoding the
 * largest image accepted holds under 300 MB: the file (at most
 * IMAGE_MAX_FILE_BYTES), the RGBA result (4 bytes a pixel) and, for JPEG,
 * stb's planes (3 bytes a pixel). Anything else is refused with a message.
 */
#ifndef BL_IMAGE_H
#define BL_IMAGE_H

#include <stdint.h>
#include <stddef.h>
#include "err.h"

#define IMAGE_MAX_SIDE          16384                 /* widest/tallest image we accept */
#define IMAGE_MAX_PIXELS        (64u * 1024u * 1024u) /* 64 Mpx: a 1200 dpi TD3 page is 35 Mpx */
#define IMAGE_MAX_DECODE_PIXELS (36u * 1000u * 1000u) /* an image read in: 36 Mpx at most */
#define IMAGE_MAX_FILE_BYTES    (32u << 20)           /* and a file of 32 MiB at most */

typedef struct bl_image {
    int w, h;
    uint8_t *px; /* w*h*4 bytes, RGBA */
} bl_image;

/* Allocates a w x h image filled with opaque black. */
int image_init(bl_image *img, int w, int h, bl_err *err);
void image_deinit(bl_image *img);

/* Encodes as PNG and writes atomically (temporary file, then rename). */
int image_save_png(const bl_image *img, const char *path, bl_err *err);

/* Decodes PNG or JPEG from memory; `name` is used in messages only. A file
 * that is neither, is damaged, or is larger than the limits above is refused
 * (BL_E_INPUT) with what is wrong and what to do. */
int image_load_mem(bl_image *img, const void *data, size_t len, const char *name, bl_err *err);
int image_load_file(bl_image *img, const char *path, bl_err *err);

/* The size a PNG or JPEG file's header claims, without decoding it: what
 * image_load_file would refuse for its kind or size is refused the same way. */
int image_probe_file(const char *path, int *w, int *h, bl_err *err);

/* Mean absolute difference per channel (0-255) inside the rectangle; the
 * rectangle is clipped to both images. Used by tests and the contact sheet. */
double image_mean_diff(const bl_image *a, const bl_image *b, int x, int y, int w, int h);

/* Draws src over dst (alpha-composited) with its top-left corner at (x, y), clipped. */
void image_blit(bl_image *dst, const bl_image *src, int x, int y);
/* Fills / outlines a rectangle (outline `t` pixels thick, inside the rectangle). */
void image_fill_rect(bl_image *img, int x, int y, int w, int h, uint32_t rgba);
void image_stroke_rect(bl_image *img, int x, int y, int w, int h, int t, uint32_t rgba);
/* Blends colour `rgba` into one pixel with coverage 0-255 (text, anti-aliasing). */
void image_blend_pixel(bl_image *img, int x, int y, uint32_t rgba, int cov);

/* How many pixels inside the rectangle differ by more than `threshold` in
 * some channel: "can a person see a change here", for tests and reports. */
long image_count_diff(const bl_image *a, const bl_image *b, int x, int y, int w, int h,
                      int threshold);

#endif
