/* desk_verify.h - whether a screen of the desk keeps the layout's rule for
 * text (desk_layout.h: "How the desk's words fit"), measured on its draw list
 * as the app draws it.
 *
 * Each text command is laid out by desk_fit_cmd with the desk's fonts and
 * placed by desk_fit_picture, exactly as engine/app/desk_text.c does; its ink
 * is the pixels its glyphs cover (text_layout_ink), line by line. A fault is
 * one of:
 *
 *   FULL        the draw list ran out of room: later commands were dropped
 *   NO_BOX      a text nobody gave a box (draw_cmd.box)
 *   SMALL       drawn below DESK_TEXT_MIN_PX (a region's number: below
 *               DESK_TEXT_LABEL_PX)
 *   CUT         part of it is not drawn (too long for one line even at the
 *               smallest size, or more lines than its place has)
 *   OUTSIDE     ink less than DESK_TEXT_MARGIN inside its box
 *   OVERLAP     ink over another text's ink that nothing opaque drawn in
 *               between covers
 *   FAINT       less contrast with what is under it than WCAG 2's AA (4.5:1;
 *               3:1 for large text)
 *   ON_PICTURE  straight over a picture (a document, the loupe) with no
 *               backing of its own: its contrast is the picture's chance
 *   COVERED     a picture drawn later lies over it (not the loupe, which
 *               follows the pointer over everything, nor a document on the
 *               desk, which may lie on another's findings)
 *
 * Opaque means a fill of alpha 0xE0 or more. `zoom` checks the screen in a
 * bigger window's pixels (1.5: 1920x1080). The draw list is the same: SDL
 * scales the logical 1280x720 by 1.5 (no letterbox at 16:9), and the app
 * rasterises each text at the window's pixels from the layout made at
 * 1280x720 (desk_text.c), its corner on a whole window pixel. So lines
 * break and shrink exactly as at 1280x720; what can differ is where glyph
 * edges round to pixels (a window pixel either way), which is what this
 * checks; the rule's margin absorbs it.
 */
#ifndef BL_DESK_VERIFY_H
#define BL_DESK_VERIFY_H

#include "desk.h"
#include "doc.h"

typedef enum {
    DESK_FAULT_FULL,
    DESK_FAULT_NO_BOX,
    DESK_FAULT_SMALL,
    DESK_FAULT_CUT,
    DESK_FAULT_OUTSIDE,
    DESK_FAULT_OVERLAP,
    DESK_FAULT_FAINT,
    DESK_FAULT_ON_PICTURE,
    DESK_FAULT_COVERED,
    DESK_FAULT_KINDS
} desk_fault_kind;

typedef struct desk_fault {
    int kind;       /* desk_fault_kind */
    int cmd;        /* the text's index in the draw list (-1: FULL) */
    int other;      /* OVERLAP: the other text's index; else -1 */
    int ink[4];     /* the text's ink, x0 y0 x1 y1 (exclusive), px at the zoom checked */
    char what[200]; /* what is wrong, in a sentence (the text itself is dl->cmd[cmd].text) */
} desk_fault;

/* The fault kind's name: "small", "outside", ... */
const char *desk_fault_name(int kind);

typedef void (*desk_fault_fn)(void *ud, const desk_fault *f);

/* Checks every text of a draw list (rtl_ui: the interface is right to
 * left, as desk_rtl) at `zoom`, calling fn for each fault. Returns the
 * number of faults, or -1 with err set when a text cannot be laid out. */
int desk_verify(const draw_list *dl, const doc_fonts *f, int rtl_ui, double zoom, desk_fault_fn fn,
                void *ud, bl_err *err);

/* WCAG 2's contrast ratio of two opaque colours (0xAABBGGRR; alpha ignored). */
double desk_contrast(uint32_t a, uint32_t b);

#endif
