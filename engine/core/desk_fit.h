/* desk_fit.h - how a text fits its place on the desk at 1280x720.
 *
 * The one measurement of the desk's words: the app draws every sized text
 * command with it (engine/app/desk_text.c) and `borderlab check` measures a
 * scenario's questions, answers and things carried with it, at the places
 * desk_layout.text describes, so what check warns about is what the desk
 * would draw. Texts are laid out with the desk's fonts by text.h (FriBidi,
 * HarfBuzz): pixels, not characters.
 *
 * A text command is drawn one of three ways (draw_cmd.max_w):
 *   0     one line, as long as it is;
 *   > 0   one line no wider than max_w: shrunk, down to DESK_TEXT_MIN_PX,
 *         and cut at max_w when even that is too long;
 *   < 0   broken into lines no wider than -max_w at spaces, at most
 *         draw_cmd.lines of them (the rest cut off); a word wider than the
 *         place is cut at its edge.
 */
#ifndef BL_DESK_FIT_H
#define BL_DESK_FIT_H

#include "desk.h"
#include "desk_layout.h"
#include "doc.h"
#include "i18n.h"
#include "text.h"

typedef struct desk_fit {
    text_para para; /* the lines laid out as drawn, at `size` */
    int size;       /* px drawn at: the command's, or smaller to fit one line */
    int lines;      /* lines the text needs */
    int shown;      /* lines drawn (at most the command's `lines`) */
    double width;   /* one line: px at the command's size; wrapped: the widest line */
    double min_w;   /* one line: px at the smallest size it may shrink to */
    int cut;        /* part of the text is not drawn (too wide, or too many lines) */
} desk_fit;

/* Lays out a DRAW_TEXT command's text as the desk draws it. `rtl_ui`: the
 * interface is right to left (a command of dir 0 then is too; else its
 * direction comes from its first strong letter). Free with desk_fit_free,
 * also after an error. */
int desk_fit_cmd(const doc_fonts *f, const draw_cmd *c, int rtl_ui, desk_fit *out, bl_err *err);
void desk_fit_free(desk_fit *fit);

/* Where the app puts a fitted text's picture (engine/app/desk_text.c) and
 * its lines in it, in desk px multiplied by `zoom` (1: the desk's 1280x720;
 * 1.5: a 1920x1080 window's pixels: the corner on a whole pixel, the lines
 * zoomed from it, as engine/app/desk_text.c rasterises them). What falls
 * outside the picture is not drawn: that is the cut desk_fit reports. */
typedef struct desk_fit_pic {
    double x, y; /* the picture's top-left */
    double w, h;
    double line_x[64]; /* each shown line's origin (left end of its baseline) */
    double line_y[64];
    int n; /* lines placed (at most 64) */
} desk_fit_pic;
void desk_fit_picture(const desk_fit *fit, const draw_cmd *c, double zoom, desk_fit_pic *out);

/* The text command the desk draws `text` at a place of desk_layout.text
 * with (at x, y 0; dir as draw_cmd.dir). */
draw_cmd desk_text_cmd(int place, const char *text, int dir);

/* The things a traveler carries as the desk lists them beside the face:
 * one paragraph of catalogue `cat`'s texts for `keys`, each thing on a line
 * of its own after a bullet. ends[i] (may be NULL) receives the byte where
 * thing i's text ends. */
void desk_carried_text(const i18n *cat, const char (*keys)[48], int n, char *out, size_t cap,
                       int *ends);

/* The direction (draw_cmd.dir, 1 or 2) of a catalogue's text for a key: that
 * of the language the text is in (the catalogue that holds it, a fallback's
 * when this one lacks it), whatever the interface's. */
int desk_text_dir(const i18n *cat, const char *key);

#endif
