/* desk_sys.h - the systems panel (Y): the airline's API line beside the
 * document, the PNR and its risk rules' hits, the database checks (watch
 * list, lost and stolen documents, national alerts) and the civil registry
 * and consulate; internal to the desk.
 *
 * Like the identity panel (desk_ident.h), its buttons are one list that
 * drawing, the mouse and the keyboard share: Up and Down move the focus,
 * Return presses, Tab turns the tabs. What the panel shows comes from the
 * app (desk_sys_info); what the trainee does with it is logged for scoring
 * (score_border.c), and nothing here decides anything by itself: a hit is
 * a lead an officer verifies, a risk rule's hit one a person reviews
 * (Directive (EU) 2016/681, art. 6).
 */
#ifndef BL_DESK_SYS_H
#define BL_DESK_SYS_H

#include "desk_pbtn.h"

typedef enum {
    SB_TAB,      /* arg: the tab */
    SB_MISMATCH, /* record that the API line and the document differ (on/off) */
    SB_CONCERN,  /* arg: a PNR line, marked as a concern (on/off) */
    SB_REVIEW,   /* arg: a risk rule's hit, reviewed by the officer */
    SB_SEARCH,   /* arg: the list searched */
    SB_HIT,      /* arg: list * SYS_HITS + hit: open it */
    SB_COMPARE,  /* compare the open hit's record with the traveler */
    SB_SAME,     /* the record is the traveler */
    SB_NOT_SAME,
    SB_ACTION, /* arg: chk_action, or SYS_ACT_INFORM: tell the traveler about the alert */
    SB_BACK,
    SB_REGISTRY, /* query the civil registry */
    SB_CONSULATE,
    SB_ETD,
    SB_VOLUNTARY,
    SB_BEST_INTERESTS,
    SB_KINDS
} sys_button_kind;

typedef pbtn sys_button;

#define SYS_MAX_BUTTONS 48

desk_rect desk_sys_panel(void);
/* The buttons of the current tab, in focus order; returns how many. */
int desk_sys_buttons(const desk_state *st, sys_button *out, int cap);
/* Where the open hit's record photo and the traveler's picture sit. */
desk_rect desk_sys_photo_rect(int i); /* 0 the record's, 1 the traveler's */

/* Y (or its button): open or close; logged. */
void desk_act_sys(desk_state *st, desk_log_fn log, void *ud);
/* An event while the panel is open: 1 when the panel used it. */
int desk_sys_input(desk_state *st, const input_event *ev, desk_log_fn log, void *ud);
/* A new traveler at the counter: nothing searched or marked yet. */
void desk_sys_reset(desk_state *st);

void desk_draw_sys(const desk_state *st, draw_list *dl);

#endif
