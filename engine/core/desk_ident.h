/* desk_ident.h - the identity panel (B): the chip reader, the face
 * comparison and the fingerprint scanner; internal to the desk.
 *
 * Its buttons are one list (desk_ident_buttons) that drawing, the mouse and
 * the keyboard share: a click presses the button under it; Up and Down move
 * a focus through the list and Return presses the focused one, so every
 * check can be done without a mouse. Tab turns the tabs.
 */
#ifndef BL_DESK_IDENT_H
#define BL_DESK_IDENT_H

#include "desk_pbtn.h"

typedef enum {
    IB_TAB,        /* arg: the tab */
    IB_READ_CHIP,  /* read the chip of the document that has one */
    IB_VIEW,       /* arg: FACE_VIEW_* */
    IB_ZOOM,       /* arg: FACE_ZOOM_* */
    IB_ANSWER,     /* arg: FACE_ANSWER_* */
    IB_CONFIDENCE, /* arg: 1..3 */
    IB_FEATURE,    /* arg: FEATURE_* (cited or not) */
    IB_RECORD,     /* record the face answer */
    IB_EXPLAIN,    /* tell the person why their prints are taken */
    IB_FINGER,     /* arg: -1 the previous finger, +1 the next */
    IB_CAPTURE,
    IB_INJURED, /* record the finger at the scanner as injured */
    IB_MISSING, /* ... as missing */
    IB_VERIFY,  /* 1:1 against the chip's prints */
    IB_SEARCH,  /* 1:N against the watch list */
    IB_CAND,    /* arg: open candidate arg */
    IB_CAND_SAME,
    IB_CAND_NOT,
    IB_CAND_BACK,
    IB_MARK, /* mark corresponding minutiae on the capture and the chip's print (on/off) */
    IB_KINDS
} ident_button_kind;

typedef pbtn ident_button; /* desk_pbtn.h: kind, arg, r, key, on, active */

#define IDENT_MAX_BUTTONS 40

/* The panel's buttons on the current tab, in focus order; returns how many. */
int desk_ident_buttons(const desk_state *st, ident_button *out, int cap);

/* The panel, its tabs and the pictures' places. */
desk_rect desk_ident_panel(void);
/* Where the picture of kind IDENT_PIC_* sits on the face tab (side by side),
 * and the single big picture of the overlay and flicker views. */
desk_rect desk_ident_face_pic(int i);
desk_rect desk_ident_face_big(void);

/* The fingerprint tab's two prints: the capture and the chip's. */
desk_rect desk_ident_capture_rect(void);
desk_rect desk_ident_ref_rect(void);
/* The index (0 right, 1 left) of an index finger, whose print the chip holds;
 * -1 for another finger. */
int desk_ident_index_finger(int finger);

/* B (or its button): open or close; logged. */
void desk_act_ident(desk_state *st, desk_log_fn log, void *ud);
/* An event while the panel is open: 1 when the panel used it. */
int desk_ident_input(desk_state *st, const input_event *ev, desk_log_fn log, void *ud);
/* A new traveler at the counter: nothing read, captured or answered yet. */
void desk_ident_reset(desk_state *st);

/* The picture the flicker view shows now: the camera's or the portrait's
 * (they alternate every DESK_FLICKER_FRAMES). */
#define DESK_FLICKER_FRAMES 30
int desk_ident_flicker_pic(const desk_state *st);

/* The fingers the scanner takes: the index and middle fingers, right then
 * left (2, 7, 3, 8 in ISO/IEC 19794-4's numbers); the one `step` (+1, -1)
 * from `finger` in that order. */
#define DESK_SCAN_FINGERS 4
int desk_ident_next_finger(int finger, int step);

/* The quality of capture `attempt` (0-based) of finger f (1..10). */
int desk_ident_quality(const desk_state *st, int f, int attempt);
/* The best capture of finger f so far is good enough to compare. */
int desk_ident_captured(const desk_state *st, int f);

void desk_draw_ident(const desk_state *st, draw_list *dl);

#endif
