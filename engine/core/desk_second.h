/* desk_second.h - the second-line stage: what happens when the trainee
 * refers a traveler whose scenario has one (second_line = {...}) to second
 * line. The case goes on with its own clock; each safeguard of the OHCHR
 * Recommended Principles and Guidelines on Human Rights at International
 * Borders is a step the trainee takes (an objective reason recorded, the
 * purpose explained in a language the person understands, a search only by
 * an officer of the same sex in private, vulnerability screened and
 * referred, holding only as a last resort and never for children, a lawyer
 * or consul offered, a decision given individually in writing with reasons
 * and the remedy), each logged for scoring (score_border.c). The decision
 * itself is the toolbar's (A, X, P), as at the first line. Internal to the
 * desk. */
#ifndef BL_DESK_SECOND_H
#define BL_DESK_SECOND_H

#include "desk_pbtn.h"

typedef enum {
    SLB_REASON,  /* arg: SL_REASON_* (on/off) */
    SLB_RECORD,  /* record the reasons chosen */
    SLB_EXPLAIN, /* explain the purpose of second line */
    SLB_SEARCH,  /* arg: SL_SEARCH_* */
    SLB_SCREEN,  /* screen for vulnerability */
    SLB_REFER,   /* arg: scn_vuln (on/off) */
    SLB_FAMILY,  /* assess each family member individually */
    SLB_HOLD,    /* arg: SL_HOLD_* */
    SLB_LAWYER,
    SLB_CONSUL,
    SLB_AUTHORITY, /* refer to the competent authority (on/off) */
    SLB_WRITTEN,   /* the decision in writing, with reasons and the remedy */
    SLB_SYSTEMS,   /* the systems panel (Y) */
    SLB_KINDS
} second_button_kind;

#define SECOND_MAX_BUTTONS 40

desk_rect desk_second_panel(void);
int desk_second_buttons(const desk_state *st, pbtn *out, int cap);

/* The trainee confirmed "second line" for a traveler with a stage: it
 * begins (logged "second_line_start"). */
void desk_second_begin(desk_state *st, desk_log_fn log, void *ud);
/* S during the stage: its panel shown or hidden. */
void desk_act_second_panel(desk_state *st, desk_log_fn log, void *ud);
/* Seconds on the stage's clock. */
double desk_second_clock(const desk_state *st);
int desk_second_input(desk_state *st, const input_event *ev, desk_log_fn log, void *ud);
void desk_second_reset(desk_state *st);

void desk_draw_second(const desk_state *st, draw_list *dl);

#endif
