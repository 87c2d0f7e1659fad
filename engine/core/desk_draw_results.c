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

/* A paragraph of the summary's left column; returns the next baseline. */
static int side_para(const desk_state *st, draw_list *dl, int y, int size, uint32_t rgba, int bold,
                     const char *text) {
    const desk_rect col = desk_layout.traveler;
    dl_text(dl, col.x + 16, y, size, rgba, bold, 0, "%s", text);
    draw_cmd *c = &dl->cmd[dl->n - 1];
    c->max_w = -(col.w - 32);
    return y + desk_text_lines(st, c) * DESK_LINE_H(size) + 8;
}

/* The session's verdict, when the app judged one, down the left column:
 * passed or not, the overall points, each competency against its mark,
 * the critical errors and wrong decisions that failed it. */
static int draw_verdict(const desk_state *st, draw_list *dl, int y) {
    const desk_verdict *v = &st->verdict;
    char buf[256], n1[24], n2[24];
    if (!v->ready) return y;
    y = side_para(
        st, dl, y, 18, v->passed ? C_GREEN : C_RED, 1,
        desk_fmt(st, buf, sizeof buf, v->passed ? "done.session_passed" : "done.session_failed",
                 (long)(v->overall + 0.5), (long)(v->pass_overall + 0.5), NULL, NULL, NULL));
    for (int c = 0; c < 4; c++) {
        const char *comp = desk_tr(st, desk_competency_keys[c]);
        int below =
            v->competency[c] >= 0 && v->pass_comp[c] > 0 && v->competency[c] < v->pass_comp[c];
        desk_num(st, (long)(v->competency[c] * 100 + 0.5), n1, sizeof n1);
        desk_num(st, (long)(v->pass_comp[c] * 100 + 0.5), n2, sizeof n2);
        if (v->competency[c] < 0)
            snprintf(buf, sizeof buf, "%s: -", comp);
        else if (v->pass_comp[c] > 0) /* below the mark: bold and marked, not red alone */
            snprintf(buf, sizeof buf, "%s%s: %s%% (%s %s%%)", below ? "\u2717 " : "", comp, n1,
                     desk_tr(st, "done.mark"), n2);
        else
            snprintf(buf, sizeof buf, "%s: %s%%", comp, n1);
        y = side_para(st, dl, y - 4, 14,
                      below                  ? C_RED
                      : v->competency[c] < 0 ? C_DIM
                                             : C_TEXT,
                      below, buf);
    }
    if (v->critical_fails && v->criticals)
        y = side_para(
            st, dl, y, 14, C_RED, 1,
            desk_fmt(st, buf, sizeof buf, "done.criticals", v->criticals, 0, NULL, NULL, NULL));
    if (v->wrong > v->wrong_allowed)
        y = side_para(st, dl, y, 14, C_RED, 1,
                      desk_fmt(st, buf, sizeof buf, "done.wrong", v->wrong, 0, NULL, NULL, NULL));
    return y;
}

/* A text of a summary row in its column: from x (or ending there), at
 * most w wide; its box the row's height and a little (rows are close). */
static void row_text(draw_list *dl, desk_rect row, int x, int w, int align) {
    int left = align == 2 ? x - w : x;
    dl_box(dl, (desk_rect){left - 2, row.y - 4, w + 4, row.h + 8});
}

/* One decided case's row: its number (the key that opens it), its title,
 * the decision, the points, what was missed. */
static void draw_case_row(const desk_state *st, draw_list *dl, int i, int row) {
    const desk_debrief *d = &st->debriefs[i];
    const desk_rect r = desk_layout_summary_row(row, st->n_decided);
    const int y = r.y + (r.h >= 22 ? 16 : 14); /* the baseline: descenders in the row */
    char buf[256], n[24];
    uint32_t col = st->points[i] < 0 ? C_DIM : st->passed[i] ? C_GREEN : C_RED;
    row_text(dl, r, 318, 26, 0);
    if (row < 10)
        dl_text(dl, 320, y, 14, C_ACCENT, 1, 0, "%s", desk_num(st, (row + 1) % 10, n, sizeof n));
    /* the scenario's title, as the trainee knows the case (its id without one) */
    const char *title = desk_scn_text_of(st, i, st->lang, "title");
    row_text(dl, r, 346, 334, 0);
    dl_text(dl, 346, y, 14, C_TEXT, 0, 0, "%s",
            title && strcmp(title, "title") ? title : st->session->travelers[i].id);
    int dec = st->decisions[i] >= 0 && st->decisions[i] < DECIDE_COUNT ? st->decisions[i] : 0;
    row_text(dl, r, 690, 190, 0);
    dl_text(dl, 690, y, 14, st->timed_out[i] ? C_RED : C_DIM, 0, 0, "%s",
            st->timed_out[i] ? desk_tr(st, "done.timed_out")
            : dec            ? desk_tr(st, desk_decision_keys[dec])
                             : "");
    dl->cmd[dl->n - 1].max_w = 190;
    if (desk_draw_tutorial_row(st, dl, i, y)) return; /* practice: no points */
    if (st->points[i] >= 0) {
        row_text(dl, r, 934, 50, 2);
        dl_text(dl, 930, y, 14, col, 1, 2, "%s",
                desk_num(st, (long)(st->points[i] + 0.5), n, sizeof n));
        row_text(dl, r, 944, 92, 0);
        dl_text(dl, 944, y, 14, col, 0, 0, "%s",
                desk_tr(st, st->passed[i] ? "debrief.passed" : "debrief.failed"));
    }
    int missed = 0;
    for (int k = 0; k < d->n_items; k++)
        missed += d->items[k].found < 2;
    if (d->ready && (missed || d->n_critical)) {
        row_text(dl, r, 1040, 226, 0);
        dl_text(
            dl, 1040, y, 14, C_RED, 0, 0, "%s",
            desk_fmt(st, buf, sizeof buf, "done.missed", missed, d->n_critical, NULL, NULL, NULL));
    }
}

/* A button that turns the summary's pages (they go round: never dim), drawn
 * as the layout table's buttons are. */
static void draw_page_button(const desk_state *st, draw_list *dl, desk_rect r, const char *label) {
    dl_fill(dl, r, C_BUTTON);
    dl_frame(dl, r, 1, 0xFF6A625Cu);
    const desk_rect keep = dl->box;
    dl_box(dl, r); /* a longer label shrinks to fit */
    dl_text(dl, r.x + r.w / 2, r.y + r.h / 2 + 6, 15, C_TEXT, 0, 1, "%s", desk_tr(st, label));
    dl_box(dl, keep);
}

/* The end of the session: every decided traveler with the decision, the
 * points and what was missed; in an exam, the first time results are shown.
 * A number or a click opens that case's debrief. The title, the verdict and
 * that hint go down the traveler's column (empty now), the cases' rows fill
 * the desk. */
void desk_draw_summary(const desk_state *st, draw_list *dl) {
    const desk_session *s = st->session;
    char buf[256];
    dl_fill(dl, desk_layout.desk, 0xFF1C1815u);
    const desk_rect col = desk_layout.traveler;
    int pages = desk_summary_pages(st), page = desk_summary_page(st);
    /* with pages the words end above their buttons (the layout test holds them to it) */
    int foot = pages > 1 ? desk_layout.page_prev.y : desk_layout.status.y;
    dl_box(dl, (desk_rect){col.x, col.y, col.w, foot - col.y});
    int y = side_para(st, dl, col.y + 36, 22, C_ACCENT, 1,
                      desk_tr(st, st->time_up ? "done.time_up_title" : "done.title")) +
            8;
    if (!st->verdict.ready)
        y = side_para(
            st, dl, y, 16, C_TEXT, 0,
            desk_fmt(st, buf, sizeof buf, "done.text", st->n_decided, 0, NULL, NULL, NULL));
    y = draw_verdict(st, dl, y) + 8;
    y = side_para(st, dl, y, 14, C_DIM, 0, desk_tr(st, "done.review_hint"));
    if (pages > 1) {
        side_para(st, dl, y, 14, C_ACCENT, 1,
                  desk_fmt(st, buf, sizeof buf, "done.page", page + 1, pages, NULL, NULL, NULL));
        draw_page_button(st, dl, desk_layout.page_prev, "done.page_prev");
        draw_page_button(st, dl, desk_layout.page_next, "done.page_next");
    }
    /* this page's cases, numbered from 1 on each page (the keys that open them) */
    int first = page * DESK_SUMMARY_ROWS;
    for (int i = 0, k = 0; i < s->n_travelers && k < first + DESK_SUMMARY_ROWS; i++)
        if (st->decided[i] && k++ >= first) draw_case_row(st, dl, i, k - 1 - first);
}
