/* desk_draw_results.c - the session's summary with its verdict: every
 * decided case, and the marks the session was held to. The app scores;
 * this only shows what desk_set_result and desk_set_verdict handed in (the
 * debrief of each case is desk_draw_debrief.c's). See desk_draw_internal.h.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "desk_draw_internal.h"

/* ------------------------------------------------------------ the summary */

/* The session's verdict, when the app judged one: passed or not, the
 * overall points and each competency against its mark. */
static void draw_verdict(const desk_state *st, draw_list *dl) {
    const desk_verdict *v = &st->verdict;
    char buf[256], n1[24], n2[24];
    if (!v->ready) return;
    dl_text(dl, 320, 128, 18, v->passed ? C_GREEN : C_RED, 1, 0, "%s",
            desk_fmt(st, buf, sizeof buf, v->passed ? "done.session_passed" : "done.session_failed",
                     (long)(v->overall + 0.5), (long)(v->pass_overall + 0.5), NULL, NULL, NULL));
    for (int c = 0; c < 4; c++) {
        int x = 320 + c * 232;
        const char *comp = desk_tr(st, desk_competency_keys[c]);
        if (v->competency[c] < 0) {
            dl_text(dl, x, 156, 13, C_DIM, 0, 0, "%s: -", comp);
            continue;
        }
        int below = v->pass_comp[c] > 0 && v->competency[c] < v->pass_comp[c];
        desk_num(st, (long)(v->competency[c] * 100 + 0.5), n1, sizeof n1);
        desk_num(st, (long)(v->pass_comp[c] * 100 + 0.5), n2, sizeof n2);
        if (v->pass_comp[c] > 0)
            dl_text(dl, x, 156, 13, below ? C_RED : C_TEXT, below, 0, "%s: %s%% (%s %s%%)", comp,
                    n1, desk_tr(st, "done.mark"), n2);
        else
            dl_text(dl, x, 156, 13, C_TEXT, 0, 0, "%s: %s%%", comp, n1);
        dl->cmd[dl->n - 1].max_w = 226;
    }
    int crit = v->critical_fails && v->criticals;
    if (crit)
        dl_text(dl, 320, 176, 13, C_RED, 1, 0, "%s",
                desk_fmt(st, buf, sizeof buf, "done.criticals", v->criticals, 0, NULL, NULL, NULL));
    if (v->wrong > v->wrong_allowed) /* on the same line, right of the critical errors */
        dl_text(dl, crit ? 800 : 320, 176, 13, C_RED, 1, 0, "%s",
                desk_fmt(st, buf, sizeof buf, "done.wrong", v->wrong, 0, NULL, NULL, NULL));
}

/* One decided case's row: its number (the key that opens it), its title,
 * the decision, the points, what was missed. */
static void draw_case_row(const desk_state *st, draw_list *dl, int i, int row) {
    const desk_debrief *d = &st->debriefs[i];
    const int y = desk_layout_summary_row(row, st->n_decided).y + 17; /* the baseline */
    char buf[256], n[24];
    uint32_t col = st->points[i] < 0 ? C_DIM : st->passed[i] ? C_GREEN : C_RED;
    if (row < 10)
        dl_text(dl, 320, y, 14, C_ACCENT, 1, 0, "%s", desk_num(st, (row + 1) % 10, n, sizeof n));
    /* the scenario's title, as the trainee knows the case (its id without one) */
    const char *title = desk_scn_text_of(st, i, st->lang, "title");
    dl_text(dl, 346, y, 14, C_TEXT, 0, 0, "%s",
            title && strcmp(title, "title") ? title : st->session->travelers[i].id);
    dl->cmd[dl->n - 1].max_w = 330;
    int dec = st->decisions[i] >= 0 && st->decisions[i] < DECIDE_COUNT ? st->decisions[i] : 0;
    dl_text(dl, 690, y, 14, st->timed_out[i] ? C_RED : C_DIM, 0, 0, "%s",
            st->timed_out[i] ? desk_tr(st, "done.timed_out")
            : dec            ? desk_tr(st, desk_decision_keys[dec])
                             : "");
    dl->cmd[dl->n - 1].max_w = 190;
    if (desk_draw_tutorial_row(st, dl, i, y)) return; /* practice: no points */
    if (st->points[i] >= 0) {
        dl_text(dl, 930, y, 14, col, 1, 2, "%s",
                desk_num(st, (long)(st->points[i] + 0.5), n, sizeof n));
        dl_text(dl, 944, y, 14, col, 0, 0, "%s",
                desk_tr(st, st->passed[i] ? "debrief.passed" : "debrief.failed"));
    }
    int missed = 0;
    for (int k = 0; k < d->n_items; k++)
        missed += d->items[k].found < 2;
    if (d->ready && (missed || d->n_critical)) {
        dl_text(
            dl, 1040, y, 13, C_RED, 0, 0, "%s",
            desk_fmt(st, buf, sizeof buf, "done.missed", missed, d->n_critical, NULL, NULL, NULL));
        dl->cmd[dl->n - 1].max_w = 230;
    }
}

/* The end of the session: every decided traveler with the decision, the
 * points and what was missed; in an exam, the first time results are shown.
 * A number or a click opens that case's debrief. */
void desk_draw_summary(const desk_state *st, draw_list *dl) {
    const desk_session *s = st->session;
    char buf[256];
    dl_text(dl, 780, 84, 24, C_ACCENT, 1, 1, "%s",
            desk_tr(st, st->time_up ? "done.time_up_title" : "done.title"));
    if (!st->verdict.ready)
        dl_text(dl, 780, 120, 16, C_TEXT, 0, 1, "%s",
                desk_fmt(st, buf, sizeof buf, "done.text", st->n_decided, 0, NULL, NULL, NULL));
    draw_verdict(st, dl);
    for (int i = 0, row = 0; i < s->n_travelers && row < DESK_MAX_TRAVELERS; i++)
        if (st->decided[i]) draw_case_row(st, dl, i, row++);
    dl_text(dl, 780, 600, 14, C_DIM, 0, 1, "%s", desk_tr(st, "done.review_hint"));
}
