/* desk_pbtn.h - the buttons of a panel whose controls are one list that
 * drawing, the mouse and the keyboard share (the systems panel, the
 * second-line stage): a click presses the button under it, Up and Down move
 * a focus through the list, Return presses the focused one, Tab turns the
 * tabs. Internal to the desk. */
#ifndef BL_DESK_PBTN_H
#define BL_DESK_PBTN_H

#include "desk_internal.h"

typedef struct pbtn {
    int kind, arg;
    desk_rect r;
    char key[48]; /* its label, a catalogue key ("" : drawn by the panel) */
    int on;       /* chosen (a tab shown, a step done, a toggle on) */
    int active;   /* does something now (else drawn dim, and pressing it does nothing) */
} pbtn;

typedef struct pbtn_list {
    pbtn *b;
    int n, cap;
} pbtn_list;

/* Appends a button (nothing when the list is full); returns it or NULL. */
pbtn *pbtn_add(pbtn_list *l, int kind, int arg, desk_rect r, const char *key, int on, int active);

/* What a panel does with a pressed button. */
typedef void (*pbtn_press_fn)(desk_state *st, const pbtn *b, desk_log_fn log, void *ud);

/* An event on a panel at `panel` with buttons bs[0..n): presses through
 * `press` (an inactive button is not pressed), moves *focus; Tab presses
 * `tab` when not NULL. Returns 1 when the panel used the event (every click
 * on it: it is not on what lies under it). */
int pbtn_input(desk_state *st, const input_event *ev, desk_rect panel, const pbtn *bs, int n,
               int *focus, const pbtn *tab, pbtn_press_fn press, desk_log_fn log, void *ud);

/* Draws the buttons: filled, framed (the focused one thicker), labelled
 * from the catalogue (a tick when on); a button without a key gets no label:
 * its panel writes on it. */
void pbtn_draw(const desk_state *st, draw_list *dl, const pbtn *bs, int n, int focus);

/* A line of text whose baseline is at (x, y), shrunk to fit w px. */
draw_cmd *pbtn_line(const desk_state *st, draw_list *dl, int x, int y, int w, int size,
                    uint32_t rgba, int bold, const char *s);
/* A paragraph wrapped into w px, at most `lines` of 15 px; returns the next
 * baseline. */
int pbtn_para(const desk_state *st, draw_list *dl, int x, int y, int w, int lines, uint32_t rgba,
              const char *s);

#endif
