/* desk_draw_transcript.c - the interview so far (H, or a click on the
 * answer panel): every question asked and the answer it got, in order, in
 * the language each was heard in, the newest at the foot; the wheel or the
 * arrow keys scroll back through it. An officer checks one answer against
 * another, and against the documents, with it. */
#include <stdio.h>
#include <string.h>

#include "desk_draw_internal.h"

#define TR_PAD  16
#define TR_TOP  48 /* below the title */
#define TR_SIZE 14
#define TR_GAP  8

/* The panel's text area. */
static desk_rect area(void) {
    const desk_rect p = desk_layout.transcript;
    return (desk_rect){p.x + TR_PAD, p.y + TR_TOP, p.w - 2 * TR_PAD, p.h - TR_TOP - 12};
}

/* Entry i's question ("3. Where will you stay?", in the interface's
 * language) and answer (as heard) as text commands at y 0; the question's
 * words go into qbuf. *n: how many (1 while unanswered). */
static void entry_cmds(const desk_state *st, int i, char *qbuf, size_t cap, draw_cmd c[2], int *n) {
    const desk_traveler *t = desk_current_traveler(st);
    const desk_rect a = area();
    const char *qkey = t->questions[st->said[i]].text;
    char num[16];
    snprintf(qbuf, cap, "%s. %s", desk_num(st, i + 1, num, sizeof num),
             desk_scn_text(st, st->lang, qkey));
    c[0] = (draw_cmd){.kind = DRAW_TEXT,
                      .text = qbuf,
                      .size = TR_SIZE,
                      .bold = 1,
                      .max_w = -(a.w - 6),
                      .dir = desk_scn_dir(st, st->lang, qkey)};
    *n = 1;
    if (!st->said_answer[i][0]) return;
    const char *key = st->said_answer[i];
    c[1] = (draw_cmd){.kind = DRAW_TEXT,
                      .text = desk_scn_text(st, st->said_lang[i], key),
                      .size = TR_SIZE,
                      .max_w = -(a.w - 16),
                      .dir = desk_scn_dir(st, st->said_lang[i], key)};
    *n = 2;
}

static int entry_height(const desk_state *st, int i) {
    draw_cmd c[2];
    char q[320];
    int n, h = TR_GAP;
    entry_cmds(st, i, q, sizeof q, c, &n);
    for (int k = 0; k < n; k++)
        h += desk_text_lines(st, &c[k]) * DESK_LINE_H(TR_SIZE) + 2;
    return n == 1 ? h + DESK_LINE_H(TR_SIZE) : h;
}

int desk_transcript_scroll_max(const desk_state *st) {
    return st->n_said > 1 ? st->n_said - 1 : 0;
}

/* The entries shown: the newest one `scroll` back from the last, and as
 * many older ones as fit whole above it (a scrolled view never cuts one). */
static int first_shown(const desk_state *st, int last, int room) {
    int first = last, used = entry_height(st, last);
    while (first > 0 && used + entry_height(st, first - 1) <= room)
        used += entry_height(st, --first);
    return first;
}

void desk_draw_transcript(const desk_state *st, draw_list *dl) {
    const desk_rect p = desk_layout.transcript, a = area();
    char buf[160];
    dl_fill(dl, p, C_PANEL_SOLID);
    dl_frame(dl, p, 2, C_ACCENT);
    dl_box(dl, p);
    dl_text(dl, p.x + TR_PAD, p.y + 30, 18, C_ACCENT, 1, 0, "%s",
            desk_fmt(st, buf, sizeof buf, "transcript.title", st->n_said, 0, NULL, NULL, NULL));
    dl->cmd[dl->n - 1].max_w = p.w - 2 * TR_PAD;
    if (st->n_said == 0) {
        dl_text(dl, a.x, a.y + 16, 15, C_TEXT, 0, 0, "%s", desk_tr(st, "transcript.empty"));
        dl->cmd[dl->n - 1].max_w = -a.w;
        return;
    }
    int max = desk_transcript_scroll_max(st);
    int scroll = st->transcript_scroll < max ? st->transcript_scroll : max;
    int last = st->n_said - 1 - scroll, first = first_shown(st, last, a.h - 8);
    int y = a.y + 16;
    dl_box(dl, a);
    for (int i = first; i <= last; i++) {
        draw_cmd c[2];
        char q[320];
        int n;
        entry_cmds(st, i, q, sizeof q, c, &n);
        for (int k = 0; k < n; k++) {
            int m = dl->n;
            dl_text(dl, k ? a.x + 12 : a.x + 2, y, TR_SIZE, k ? C_TEXT : C_ACCENT, c[k].bold, 0,
                    "%s", c[k].text);
            if (dl->n == m) break; /* the list is full */
            dl->cmd[m].max_w = c[k].max_w, dl->cmd[m].dir = c[k].dir;
            y += desk_text_lines(st, &c[k]) * DESK_LINE_H(TR_SIZE) + 2;
        }
        if (n == 1) { /* asked; the answer not yet given */
            dl_text(dl, a.x + 12, y, TR_SIZE, C_DIM, 0, 0, "%s", desk_tr(st, "transcript.waiting"));
            y += DESK_LINE_H(TR_SIZE);
        }
        y += TR_GAP;
    }
    if (first > 0 || last < st->n_said - 1) /* more above or below: where the view is */
        dl_fill(
            dl,
            (desk_rect){p.x + p.w - 8, a.y + (a.h - 40) * (max - scroll) / (max ? max : 1), 4, 40},
            C_DIM);
}

/* The findings of the traveler at the counter (E, or a click on "Findings:
 * 3"): each with its number, kind, document and note, as flagged. */
void desk_draw_findings_list(const desk_state *st, draw_list *dl) {
    const desk_rect p = desk_layout.findings;
    char buf[256], n1[16];
    dl_fill(dl, p, C_PANEL_SOLID);
    dl_frame(dl, p, 2, C_ACCENT);
    dl_box(dl, p);
    dl_text(dl, p.x + TR_PAD, p.y + 30, 18, C_ACCENT, 1, 0, "%s",
            desk_fmt(st, buf, sizeof buf, "findings.title", st->n_findings, 0, NULL, NULL, NULL));
    dl->cmd[dl->n - 1].max_w = p.w - 2 * TR_PAD;
    int y = p.y + TR_TOP + 16, w = p.w - 2 * TR_PAD;
    if (st->n_findings == 0) {
        dl_text(dl, p.x + TR_PAD, y, 15, C_TEXT, 0, 0, "%s", desk_tr(st, "findings.none"));
        dl->cmd[dl->n - 1].max_w = -w;
        return;
    }
    for (int i = 0; i < st->n_findings && y < p.y + p.h - 20; i++) {
        const desk_finding *f = &st->findings[i];
        const desk_finding_kind *k = desk_finding_kind_get(f->kind);
        desk_num(st, f->id, n1, sizeof n1);
        dl_text(dl, p.x + TR_PAD, y, 15, C_ACCENT, 1, 0, "%s. %s", n1,
                k ? desk_tr(st, k->label) : "?");
        dl->cmd[dl->n - 1].max_w = w;
        y += DESK_LINE_H(15);
        desk_fmt(st, buf, sizeof buf, f->side ? "findings.where_back" : "findings.where",
                 f->doc + 1, 0, NULL, NULL, NULL);
        dl_text(dl, p.x + TR_PAD + 12, y, 14, C_DIM, 0, 0, "%s", buf);
        dl->cmd[dl->n - 1].max_w = w - 12;
        y += DESK_LINE_H(14);
        if (f->note[0]) { /* the trainee's own words, in their own direction */
            int m = dl->n;
            dl_text(dl, p.x + TR_PAD + 12, y, 14, C_TEXT, 0, 0, "“%s”", f->note);
            if (dl->n > m) {
                dl->cmd[m].max_w = -(w - 12);
                y += desk_text_lines(st, &dl->cmd[m]) * DESK_LINE_H(14);
            }
        }
        y += TR_GAP;
    }
}
