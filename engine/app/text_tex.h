/* text_tex.h - the desk's words as textures: each text command of a draw
 * list is laid out by desk_fit_cmd (engine/core/desk_fit.h: shrunk to its
 * place, or wrapped into it, ordered and shaped by FriBidi and HarfBuzz)
 * once per text, size, place, direction, colour and window scale and kept
 * in a cache, the least recently used dropped first. Used by the desk and
 * by the sign-in screen before it (the same window, the same rule). */
#ifndef BL_TEXT_TEX_H
#define BL_TEXT_TEX_H

#include <stdint.h>

#include "desk.h"
#include "doc.h"
#include "plat.h"

#define TEXT_CACHE    1024
#define MEASURE_CACHE 256

typedef struct {
    char *s;
    int size, bold, max_w, lines, dir, rtl_ui; /* the draw_cmd's, and the interface's */
    uint32_t rgba;
    int zoom_pct; /* rasterised at this many window pixels per 100 logical ones */
    plat_tex *t;
    int w, h;       /* the picture, window pixels */
    int lw, ascent; /* its width, and its top above the baseline, logical px */
    long used;
} text_entry;

typedef struct {
    char *s;
    uint64_t hash; /* of the command, as the text cache's */
    int lines;
} text_measured;

typedef struct text_tex {
    plat *p;
    const doc_fonts *fonts;
    double zoom; /* window pixels per logical one this frame (plat_pixel_scale) */
    long frame;  /* now, for "least recently used" */
    int rtl;     /* the interface is right to left (when is_rtl is NULL) */
    /* or asked each time (the desk's language can change within a step) */
    int (*is_rtl)(const void *ud);
    const void *rtl_ud;
    text_entry text[TEXT_CACHE];
    text_measured measured[MEASURE_CACHE]; /* text_tex_lines' answers */
} text_tex;

/* A text command's picture, fitted to its place (desk_fit.h), cached; NULL
 * when it cannot be made. */
text_entry *text_tex_get(text_tex *t, const draw_cmd *c);
/* Draws a text command: its baseline's left end, centre or right end at
 * (x, y) (a wrapped text: its place's). */
void text_tex_draw(text_tex *t, const draw_cmd *c);
/* A desk_measure_fn (ud: the text_tex): the lines a wrapped text command
 * takes as drawn, remembered. */
int text_tex_lines(void *ud, const draw_cmd *c);
/* The width a one-line text command takes as drawn (desk_width_fn). */
int text_tex_width(void *ud, const draw_cmd *c);
/* Frees every texture and string (the platform must still be alive). */
void text_tex_free(text_tex *t);

#endif
