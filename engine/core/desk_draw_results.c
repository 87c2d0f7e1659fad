/* desk_draw_results.c - what the trainee learns: the debrief after a
 * decision (or reviewed after the session) and the session's summary with
 * its verdict. The app scores; these only show what desk_set_debrief,
 * desk_set_result and desk_set_verdict handed in. See desk_draw_internal.h.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "desk_draw_internal.h"

/* ------------------------------------------------------------ the debrief */

/* "Refused entry", "Protection (Child protection)", or "none". */
static void decision_words(const desk_state *st, int dec, int prot, char *out, size_t cap) {
    if (dec < 0 || dec >= DECIDE_COUNT) dec = 0;
    const char *words =
        dec ? desk_tr(st, desk_decision_keys[dec]) : desk_tr(st, "debrief.no_decision");
    if (dec == DECIDE_PROTECTION && prot > 0 && prot < PROTECT_COUNT)
        snprintf(out, cap, "%s (%s)", words, desk_tr(st, desk_protection_keys[prot]));
    else
        snprintf(out, cap, "%s", words);
}

/* The points, passed or not, the decision against the expected one (the
 * first thing to learn), a bar per competency, the critical errors. */
static void draw_debrief_head(const desk_state *st, draw_list *dl, desk_rect p) {
    const desk_debrief *d = &st->debrief;
    char buf[256];
    dl_text(dl, p.x + 20, p.y + 34, 22, C_ACCENT, 1, 0, "%s",
            desk_fmt(st, buf, sizeof buf, "debrief.title", (long)(d->points + 0.5), 0, NULL, NULL,
                     NULL));
    dl_text(dl, p.x + 330, p.y + 34, 18, d->passed ? C_GREEN : C_RED, 1, 0, "%s",
            desk_tr(st, d->passed ? "debrief.passed" : "debrief.failed"));
    if (d->expected) {
        char mine[96], want[96];
        decision_words(st, d->decision, d->protection, mine, sizeof mine);
        decision_words(st, d->expected, d->expected_protection, want, sizeof want);
        int right = d->decision == d->expected &&
                    (d->expected != DECIDE_PROTECTION || d->protection == d->expected_protection);
        dl_text(dl, p.x + 500, p.y + 34, 15, right ? C_GREEN : C_RED, 1, 0, "%s",
                desk_fmt(st, buf, sizeof buf, "debrief.decision", 0, 0, mine, NULL, want));
        dl->cmd[dl->n - 1].max_w = p.w - 520;
    }
    for (int c = 0; c < 4; c++) {
        int yy = p.y + 64 + c * 28;
        dl_text(dl, p.x + 20, yy + 15, 14, C_TEXT, 0, 0, "%s",
                desk_tr(st, desk_competency_keys[c]));
        dl_fill(dl, (desk_rect){p.x + 160, yy, 220, 18}, 0xFF3A342Eu);
        dl_fill(dl, (desk_rect){p.x + 160, yy, (int)(220 * d->competency[c] + 0.5), 18},
                d->competency[c] >= 0.7 ? C_GREEN : C_RED);
    }
}

/* Each defect, found, located or missed, from height y on; returns the
 * height below them and sets *missed to the first not found (-1: none). */
static int draw_defects(const desk_state *st, draw_list *dl, desk_rect p, int y, int *missed) {
    static const char *status[3] = {"debrief.missed", "debrief.located", "debrief.found"};
    const desk_debrief *d = &st->debrief;
    if (!d->n_items) {
        dl_text(dl, p.x + 20, y, 14, C_DIM, 0, 0, "%s", desk_tr(st, "debrief.none"));
        y += 22;
    }
    *missed = -1;
    for (int i = 0; i < d->n_items; i++, y += 22) {
        char key[64];
        snprintf(key, sizeof key, "defect.%s", d->items[i].defect);
        int f = d->items[i].found;
        dl_text(dl, p.x + 20, y, 14,
                f == 2 ? C_GREEN
                : f    ? C_ACCENT
                       : C_RED,
                0, 0, "%s %s: %s",
                f == 2 ? "+"
                : f    ? "~"
                       : "-",
                desk_tr(st, key), desk_tr(st, status[f]));
        if (f < 2 && *missed < 0) *missed = i;
    }
    return y;
}

/* The lessons besides the defects, as far as the page has room (the right
 * half shows a missed defect's document when there is one). */
static void draw_notes(const desk_state *st, draw_list *dl, desk_rect p, int y) {
    static const char *keys[] = {"debrief.ask_missed", "debrief.forbidden", "debrief.interpreter",
                                 "debrief.light_unused"};
    const desk_debrief *d = &st->debrief;
    char buf[256];
    int room = p.w - 40;
    for (int i = 0; i < d->n_items; i++)
        if (d->items[i].found < 2) room = 450;
    for (int i = 0; i < d->n_notes && y < p.y + p.h - 110; i++, y += 22) {
        const desk_debrief_note *n = &d->notes[i];
        const char *q = n->key[0] ? desk_scn_text(st, st->lang, n->key) : NULL;
        dl_text(dl, p.x + 20, y, 14, n->kind == NOTE_FORBIDDEN ? C_RED : C_ACCENT, 0, 0, "- %s",
                desk_fmt(st, buf, sizeof buf, keys[n->kind], 0, 0, NULL,
                         n->kind == NOTE_LIGHT ? desk_light_label(st, n->light) : NULL, q));
        dl->cmd[dl->n - 1].max_w = room;
    }
}

/* A defect not found, on its document, under a light that shows it, framed. */
static void draw_missed(const desk_state *st, draw_list *dl, desk_rect p,
                        const desk_debrief_item *it) {
    const desk_doc_spec *ds = &desk_current_traveler(st)->docs[it->doc];
    char buf[256], key[64];
    double k = fmin(470 / ds->mm_w, 300 / ds->mm_h);
    int iw = (int)(ds->mm_w * k), ih = (int)(ds->mm_h * k);
    int ix = p.x + p.w - iw - 20, iy = p.y + 90;
    snprintf(key, sizeof key, "defect.%s", it->defect);
    dl_text(dl, ix, iy - 12, 14, C_ACCENT, 1, 0, "%s",
            desk_fmt(st, buf, sizeof buf, "debrief.missed_under", 0, 0, desk_tr(st, key),
                     desk_light_label(st, it->light), NULL));
    dl->cmd[dl->n - 1].max_w = iw;
    dl_tex(dl, TEX_DOC, it->doc, it->light, it->side, (desk_rect){ix, iy, iw, ih});
    int fx = desk_rtl(st) ? ix + iw - (int)((it->x + it->w) * k) : ix + (int)(it->x * k);
    dl_frame(
        dl,
        (desk_rect){fx - 2, iy + (int)(it->y * k) - 2, (int)(it->w * k) + 4, (int)(it->h * k) + 4},
        3, C_RED);
}

/* The debrief, over the desk: the head, each defect, the other lessons,
 * the first missed defect shown, why the case is what it is. */
void desk_draw_debrief(const desk_state *st, draw_list *dl) {
    const desk_debrief *d = &st->debrief;
    const desk_rect p = desk_layout.desk;
    dl_fill(dl, p, 0xFF1C1815u);
    dl_frame(dl, p, 2, C_ACCENT);
    if (!d->ready) return;
    draw_debrief_head(st, dl, p);
    int y = p.y + 190;
    for (int i = 0; i < d->n_critical; i++, y += 22) {
        char key[80];
        snprintf(key, sizeof key, "critical.%s", d->critical[i]);
        dl_text(dl, p.x + 20, y, 15, C_RED, 1, 0, "%s", desk_tr(st, key));
    }
    int missed;
    y = draw_defects(st, dl, p, y + 10, &missed);
    draw_notes(st, dl, p, y);
    if (missed >= 0) draw_missed(st, dl, p, &d->items[missed]);
    if (desk_current_traveler(st)->n_questions > 0 || d->why[0]) {
        dl_text(dl, p.x + 20, p.y + p.h - 90, 14, C_TEXT, 0, 0, "%s",
                desk_scn_text(st, st->lang, d->why));
        dl->cmd[dl->n - 1].max_w = -(p.w - 40);
    }
    dl_text(dl, p.x + p.w - 20, p.y + p.h - 16, 15, C_ACCENT, 1, 2, "%s",
            desk_tr(st, st->mode == DESK_REVIEW ? "debrief.back" : "debrief.next"));
}

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
    if (v->critical_fails && v->criticals)
        dl_text(dl, 320, 176, 13, C_RED, 1, 0, "%s",
                desk_fmt(st, buf, sizeof buf, "done.criticals", v->criticals, 0, NULL, NULL, NULL));
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
                desk_fmt(st, buf, sizeof buf, "done.text", s->n_travelers, 0, NULL, NULL, NULL));
    draw_verdict(st, dl);
    for (int i = 0, row = 0; i < s->n_travelers && row < DESK_MAX_TRAVELERS; i++)
        if (st->decided[i]) draw_case_row(st, dl, i, row++);
    dl_text(dl, 780, 600, 14, C_DIM, 0, 1, "%s", desk_tr(st, "done.review_hint"));
}
