/* plat.h - the platform layer: a window (or a headless framebuffer), input,
 * textures and drawing. The only code in borderlab that includes SDL.
 *
 * Everything is in the desk's logical coordinates (1280x720 by default): a
 * real window scales them to its size and DPI (letterboxed), and mouse
 * positions come back in logical coordinates. Headless mode draws with SDL's
 * software renderer into a memory surface, with no display at all, so tests
 * and replays run anywhere and give the same pixels.
 */
#ifndef BL_PLAT_H
#define BL_PLAT_H

#include <stdint.h>

#include "err.h"
#include "image.h"
#include "input.h"

typedef struct plat plat;
typedef struct plat_tex plat_tex;

typedef struct plat_config {
    int width, height; /* logical size */
    int headless;      /* 1: no window, software renderer into memory */
    const char *title;
} plat_config;

plat *plat_create(const plat_config *cfg, bl_err *err);
void plat_destroy(plat *p);

/* Next pending input event, translated; 0 when none is waiting. Window
 * events that need no action (exposure, enter/leave) are skipped. */
int plat_poll(plat *p, input_event *ev);

/* Text entry (notes): turns SDL's text input events on or off. */
void plat_text_input(plat *p, int on);

/* Textures: static ones are uploaded once; streaming ones can be updated
 * every frame (the loupe). `blend` 0 draws opaque (faster), 1 alpha-blends. */
plat_tex *plat_tex_create(plat *p, const bl_image *img, int streaming, int blend, bl_err *err);
int plat_tex_update(plat_tex *t, const bl_image *img, bl_err *err);
void plat_tex_destroy(plat_tex *t);
void plat_tex_size(const plat_tex *t, int *w, int *h);

void plat_fill(plat *p, int x, int y, int w, int h, uint32_t rgba); /* 0xAABBGGRR */
void plat_frame(plat *p, int x, int y, int w, int h, int thick, uint32_t rgba);
void plat_draw(plat *p, plat_tex *t, int x, int y, int w, int h);
/* The same over a rectangle given in fractions of a logical pixel: a
 * texture made at plat_pixel_scale's size lands on whole window pixels. */
void plat_draw_f(plat *p, plat_tex *t, double x, double y, double w, double h);
/* How many of the window's pixels a logical pixel spans (1 headless; 1.5 in
 * a 1920x1080 window of the 1280x720 desk): text is rasterised at it. */
double plat_pixel_scale(const plat *p);
/* Restricts drawing to a rectangle; w <= 0 removes the restriction. */
void plat_clip(plat *p, int x, int y, int w, int h);
void plat_present(plat *p);

/* The last presented frame at logical size (a screenshot). */
int plat_read(plat *p, bl_image *out, bl_err *err);

/* Resizes the window (replayed resize events); nothing when headless. */
void plat_resize(plat *p, int w, int h);

double plat_now_ms(void);
void plat_sleep_ms(int ms);

#endif
