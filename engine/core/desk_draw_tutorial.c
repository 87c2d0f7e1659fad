/* desk_draw_tutorial.c - what a tutorial adds to the screen (see
 * desk_tutorial.h): the microtext line outlined while the loupe step waits
 * for it, the banner with the step's instruction and how to skip, the
 * tutorial's own debrief (what was practised, the decision, why; no
 * points), and its row in the summary. desk_draw calls in; see
 * desk_draw_internal.h. Texts are at least 14 px and fitted to their place
 * (draw_cmd.max_w, desk_fit.h).
 */
#include <stdio.h>
#include <string.h>

#include "desk_draw_internal.h"
#include "desk_tutorial.h"

/* The last command pushed, when it is a text: its fitting. */
static void fit_last(draw_list *dl, int n_before, int max_w, int lines, int dir) {
    if (dl->n == n_before || dl->cmd[dl->n - 1].kind != DRAW_TEXT) return;
    draw_cmd *c = &dl->cmd[dl->n - 1];
    c->max_w = max_w, c->lines = lines, c->dir = dir;
}

/* Under the panels and the loupe: the line the loupe step asks for. */
void desk_draw_tutorial_marks(const desk_state *st, draw_list *dl) {
    desk_rect r;
    if (desk_tutorial_current(st) != TUT_LOUPE || st->mode >= DESK_DEBRIEF) return;
    if (desk_tutorial_target(st, &r)) dl_frame(dl, r, 2, C_ACCENT);
}

/* The step shown, in a banner: "Tutorial · step 3 of 10", how to skip, and
 * the instruction (three lines at most). */
void desk_draw_tutorial(const desk_state *st, draw_list *dl) {
    int s = desk_tutorial_current(st);
    if (s < 0 || st->mode >= DESK_DEBRIEF) return;
    const desk_rect b = desk_tutorial_banner();
    char buf[160];
    int shown = 0, total = 0;
    for (int k = 0; k < TUT_STEPS; k++)
        if (desk_tutorial_available(st, st->traveler, k)) total++, shown += k <= s;
    dl_fill(dl, b, C_DIALOG);
    dl_frame(dl, b, 2, C_ACCENT);
    dl_box(dl, b);
    int n = dl->n;
    dl_text(dl, b.x + 12, b.y + 21, 14, C_ACCENT, 1, 0, "%s",
            desk_fmt(st, buf, sizeof buf, "tutorial.title", shown, total, NULL, NULL, NULL));
    fit_last(dl, n, b.w / 2 - 18, 0, 0);
    n = dl->n;
    dl_text(dl, b.x + b.w - 12, b.y + 21, 14, C_DIM, 0, 2, "%s", desk_tr(st, "tutorial.skip"));
    fit_last(dl, n, b.w / 2 - 18, 0, 0);
    n = dl->n;
    dl_text(dl, b.x + 12, b.y + 46, 15, C_TEXT, 0, 0, "%s", desk_tr(st, desk_tutorial_step_key(s)));
    fit_last(dl, n, -(b.w - 24), 3, 0);
}

/* ------------------------------------------------------------ the debrief */

/* "Admit", "Protection (Child protection)". */
static void decision_words(const desk_state *st, int dec, int prot, char *out, size_t cap) {
    if (dec <= 0 || dec >= DECIDE_COUNT) {
        snprintf(out, cap, "%s", desk_tr(st, "debrief.no_decision"));
        return;
    }
    if (dec == DECIDE_PROTECTION && prot > 0 && prot < PROTECT_COUNT)
        snprintf(out, cap, "%s (%s)", desk_tr(st, desk_decision_keys[dec]),
                 desk_tr(st, desk_protection_keys[prot]));
    else
        snprintf(out, cap, "%s", desk_tr(st, desk_decision_keys[dec]));
}

/* Each step, a filled box when practised and an empty one when not (a
 * shape, not only a colour), with its name. */
static void draw_steps(const desk_state *st, draw_list *dl, int x, int y) {
    unsigned done = desk_tutorial_practised(st, st->traveler);
    for (int s = 0; s < TUT_STEPS; s++, y += 26) {
        int on = (int)(done >> s & 1u), offered = desk_tutorial_available(st, st->traveler, s);
        const desk_rect box = {x, y - 14, 16, 16};
        if (on)
            dl_fill(dl, box, C_GREEN);
        else
            dl_frame(dl, box, 2, C_DIM);
        char line[200];
        snprintf(line, sizeof line, "%s%s%s", desk_tr(st, desk_tutorial_name_key(s)),
                 offered ? "" : "  ", offered ? "" : desk_tr(st, "tutorial.not_offered"));
        int n = dl->n;
        dl_text(dl, x + 28, y, 15, on ? C_TEXT : C_DIM, 0, 0, "%s", line);
        fit_last(dl, n, 560, 0, 0);
    }
}

/* A tutorial's debrief, in place of a case's (1 when the traveler's is
 * one): no points, what was practised, the decision and why. */
int desk_draw_tutorial_debrief(const desk_state *st, draw_list *dl) {
    if (!desk_current_traveler(st)->tutorial) return 0;
    const desk_debrief *d = &st->debrief;
    const desk_rect p = desk_layout.desk;
    const int x = p.x + 24, w = p.w - 48;
    char buf[256], mine[96], want[96];
    int total, done = desk_tutorial_count(st, st->traveler, &total);
    int n = dl->n;
    dl_text(dl, x, p.y + 38, 22, C_ACCENT, 1, 0, "%s",
            desk_tr(st, done < total ? "tutorial.ended_title" : "tutorial.done_title"));
    fit_last(dl, n, w, 0, 0);
    decision_words(st, d->decision, d->protection, mine, sizeof mine);
    decision_words(st, d->expected, d->expected_protection, want, sizeof want);
    n = dl->n;
    dl_text(dl, x, p.y + 72, 17, d->decision_ok ? C_GREEN : C_RED, 1, 0, "%s",
            desk_fmt(st, buf, sizeof buf,
                     d->decision_ok ? "debrief.decision_right" : "debrief.decision_wrong", 0, 0,
                     mine, NULL, want));
    fit_last(dl, n, w, 0, 0);
    n = dl->n;
    dl_text(dl, x, p.y + 112, 16, C_TEXT, 1, 0, "%s",
            desk_fmt(st, buf, sizeof buf, "tutorial.practised", done, total, NULL, NULL, NULL));
    fit_last(dl, n, w, 0, 0);
    draw_steps(st, dl, x, p.y + 146);
    if (d->why[0]) {
        n = dl->n;
        dl_text(dl, x, p.y + 420, 15, C_TEXT, 0, 0, "%s", desk_scn_text(st, st->lang, d->why));
        fit_last(dl, n, -w, 3, desk_scn_dir(st, st->lang, d->why));
    }
    n = dl->n;
    dl_text(dl, x, p.y + 492, 14, C_DIM, 0, 0, "%s", desk_tr(st, "tutorial.not_scored"));
    fit_last(dl, n, -w, 2, 0);
    n = dl->n;
    dl_text(dl, p.x + p.w - 20, p.y + p.h - 16, 14, C_ACCENT, 1, 2, "%s",
            desk_tr(st, st->mode == DESK_REVIEW ? "debrief.back" : "debrief.next"));
    fit_last(dl, n, w, 0, 0);
    return 1;
}

/* ------------------------------------------------------------ the summary */

/* A tutorial's row, right of its decision: how many steps were practised,
 * in place of points (1 when traveler i's is one). */
int desk_draw_tutorial_row(const desk_state *st, draw_list *dl, int i, int y) {
    if (!st->session->travelers[i].tutorial) return 0;
    char buf[160];
    int total, done = desk_tutorial_count(st, i, &total);
    int n = dl->n;
    dl_box(dl, (desk_rect){926, y - 20, 1270 - 926 + 4, 30}); /* the points' and marks' columns */
    dl_text(dl, 930, y, 14, C_DIM, 0, 0, "%s",
            desk_fmt(st, buf, sizeof buf, "tutorial.row", done, total, NULL, NULL, NULL));
    fit_last(dl, n, 1270 - 930, 0, 0);
    return 1;
}
