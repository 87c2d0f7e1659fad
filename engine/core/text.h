/* text.h - every string borderlab draws: UTF-8 in, shaped and ordered glyphs out.
 *
 * FriBidi orders a line (Arabic right to left, Latin and digits left to right,
 * mixed as the Unicode bidirectional algorithm says), HarfBuzz shapes each run
 * (Arabic contextual forms and ligatures, kerning), stb_truetype rasterises the
 * glyphs. A style names a Latin font and an Arabic font; each character goes
 * to the first of them that has it. One line (text_layout_make), or a
 * paragraph broken into lines at spaces (text_para_make: the bidirectional
 * levels are resolved once for the whole paragraph, then each line is put
 * in visual order on its own, as UAX #9 says). No hand-made shaping.
 */
#ifndef BL_TEXT_H
#define BL_TEXT_H

#include <stdint.h>
#include "err.h"

typedef struct text_font text_font;

/* Loads a TrueType/OpenType font file. */
text_font *text_font_load(const char *path, bl_err *err);
void text_font_destroy(text_font *f);

/* The glyph a font draws a character with (0: the font lacks it). */
uint32_t text_font_glyph(const text_font *f, uint32_t codepoint);

/* A paragraph's direction: from its first strong letter (names, document
 * data), or set (a text in a language's own direction). */
typedef enum { TEXT_DIR_AUTO, TEXT_DIR_LTR, TEXT_DIR_RTL } text_dir;

typedef struct text_style {
    const text_font *latin;  /* required */
    const text_font *arabic; /* may be NULL: Arabic then falls back to latin */
    double size_px;          /* em size in pixels */
    double tracking_px;      /* extra space after each glyph (0 for normal text) */
    int dir;                 /* text_dir of the paragraph */
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

/* A line of a paragraph: bytes [start, start + len) of its text (the
 * spaces it was broken at left out), laid out in visual order. */
typedef struct text_line {
    int start, len;
    text_layout lay;
} text_line;

typedef struct text_para {
    text_line *line;
    int n;        /* lines (0 for an empty text) */
    int rtl;      /* the paragraph's direction as resolved */
    double width; /* of the widest line, pixels */
} text_para;

/* Breaks a paragraph into lines no wider than `width` pixels, at spaces and
 * at line feeds, filling each line with as many words as fit (a word wider
 * than `width` gets a line of its own, and the line is that wide); width <=
 * 0: one line. Lines are in logical order (the first line is read first,
 * whatever the direction); each is laid out with the paragraph's embedding
 * levels. Errors as text_layout_make. Free with text_para_free. */
int text_para_make(const text_style *st, const char *utf8, double width, text_para *out,
                   bl_err *err);
void text_para_free(text_para *p);

/* Receives one pixel of glyph coverage (0-255). */
typedef void (*text_plot_fn)(void *ud, int x, int y, int cov);

/* Rasterises a layout with its origin (left end of the baseline) at (x, y). */
void text_layout_draw(const text_layout *lay, double x, double y, text_plot_fn plot, void *ud);

/* text_layout_draw for a target that holds only the pixels x0 <= x < x1,
 * y0 <= y < y1: glyphs wholly outside are not rasterised (the others are
 * plotted whole, so the pixels inside are the same). */
void text_layout_draw_clip(const text_layout *lay, double x, double y, int x0, int y0, int x1,
                           int y1, text_plot_fn plot, void *ud);

/* The same with every length multiplied by `zoom` (glyphs rasterised at
 * zoom times the layout's size, placed at zoom times their offsets from
 * (x, y)): a text laid out for the desk's 1280x720 drawn in a bigger
 * window's own pixels, breaking and spacing exactly as laid out. */
void text_layout_draw_zoomed(const text_layout *lay, double x, double y, double zoom,
                             text_plot_fn plot, void *ud);

/* The pixels text_layout_draw_zoomed may cover: the union of its glyphs'
 * bitmap boxes, box = {x0, y0, x1, y1} (x1, y1 exclusive). Returns 0, box
 * untouched, when no glyph has ink (an empty or all-space line). */
int text_layout_ink(const text_layout *lay, double x, double y, double zoom, int box[4]);

/* Layout + draw in one call; returns the width in pixels, or -1 on error. */
double text_draw(const text_style *st, const char *utf8, double x, double y, text_plot_fn plot,
                 void *ud, bl_err *err);

#endif
