/* text.h - every string borderlab draws: UTF-8 in, shaped and ordered glyphs out.
 *
 * FriBidi orders a line (Arabic right to left, Latin and digits left to right,
 * mixed as the Unicode bidirectional algorithm says), HarfBuzz shapes each run
 * (Arabic contextual forms and ligatures, kerning), stb_truetype rasterises the
 * glyphs. A style names a Latin font and an Arabic font; each character goes
 * to the first of them that has it. Single lines only; no hand-made shaping.
 */
#ifndef BL_TEXT_H
#define BL_TEXT_H

#include <stdint.h>
#include "err.h"

typedef struct text_font text_font;

/* Loads a TrueType/OpenType font file. */
text_font *text_font_load(const char *path, bl_err *err);
void text_font_destroy(text_font *f);

typedef struct text_style {
    const text_font *latin;  /* required */
    const text_font *arabic; /* may be NULL: Arabic then falls back to latin */
    double size_px;          /* em size in pixels */
    double tracking_px;      /* extra space after each glyph (0 for normal text) */
    int rtl; /* paragraph direction: 1 right to left, 0 from its first strong letter */
} text_style;

typedef struct text_glyph {
    const text_font *font;
    uint32_t gid;     /* glyph index in that font */
    uint32_t cluster; /* byte offset of the UTF-8 character it came from */
    double x, y;      /* pen position, pixels, relative to the line origin */
    int rtl;          /* from a right-to-left run */
} text_glyph;

typedef struct text_layout {
    text_glyph *g;
    int n;
    double width;   /* advance of the whole line, pixels */
    double ascent;  /* above the baseline, pixels */
    double descent; /* below the baseline (positive), pixels */
    double size_px; /* the style's em size */
} text_layout;

/* Orders, shapes and positions one line in visual order (left to right).
 * Invalid UTF-8 is an error with its byte offset. Free with text_layout_free. */
int text_layout_make(const text_style *st, const char *utf8, text_layout *out, bl_err *err);
void text_layout_free(text_layout *lay);

/* Receives one pixel of glyph coverage (0-255). */
typedef void (*text_plot_fn)(void *ud, int x, int y, int cov);

/* Rasterises a layout with its origin (left end of the baseline) at (x, y). */
void text_layout_draw(const text_layout *lay, double x, double y, text_plot_fn plot, void *ud);

/* Layout + draw in one call; returns the width in pixels, or -1 on error. */
double text_draw(const text_style *st, const char *utf8, double x, double y, text_plot_fn plot,
                 void *ud, bl_err *err);

#endif
