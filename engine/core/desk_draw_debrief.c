/* desk_draw_debrief.c - the debrief a trainee reads after a decision (or
 * reviews after an exam): the decision as the headline (a wrong one never
 * passes), the verdict and points, then one of two pages (Tab switches):
 *
 *   documents  the competencies with their numbers, each critical error in
 *              a sentence with the principle it breaks, the waivers, each
 *              defect found or missed and each false finding with what is
 *              really there, the other lessons; on the right a document with
 *              the true regions (thick: green found, red missed) and the
 *              trainee's own flags (thin: green found, yellow false); Up and
 *              Down show the other documents
 *   interview  the transcript: each question and answer in order, marked
 *              required, never to ask, or asked before the interpreter
 *
 * and why the case is what it is. The app scores; this only shows what
 * desk_set_debrief handed in. See desk_draw_internal.h.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "critical.h"
#include "desk_draw_internal.h"
#include "exam.h"

#define C_YELLOW 0xFF30E0F0u

/* The height a paragraph of `s` takes, wrapped to w at `size`. */
static int para_height(const desk_state *st, const char *s, int w, int size, int bold, int dir) {
    draw_cmd c = {
        .kind = DRAW_TEXT, .text = s, .size = size, .bold = bold, .max_w = -w, .dir = dir};
    return desk_text_lines(st, &c) * DESK_LINE_H(size) + 2;
}

/* Wrapped text in direction `dir` (draw_cmd.dir); returns the height below it. */
static int para_dir(const desk_state *st, draw_list *dl, int x, int y, int w, int size,
                    uint32_t col, int bold, int dir, const char *s) {
    int n = dl->n;
    dl_text(dl, x, y, size, col, bold, 0, "%s", s);
    if (dl->n == n) return y + DESK_LINE_H(size);
    dl->cmd[n].max_w = -w, dl->cmd[n].dir = dir;
    return y + desk_text_lines(st, &dl->cmd[n]) * DESK_LINE_H(size) + 2;
}

/* Wrapped text in the interface's direction. */
static int para(const desk_state *st, draw_list *dl, int x, int y, int w, int size, uint32_t col,
                int bold, const char *s) {
    return para_dir(st, dl, x, y, w, size, col, bold, 0, s);
}

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

/* The headline, wrapped (a protection referral's names are long): the
 * decision against the expected one; then passed or not, the points and the
 * pass mark. Returns the baseline of the second row. */
static int draw_head(const desk_state *st, draw_list *dl, desk_rect p) {
    const desk_debrief *d = &st->debrief;
    char buf[256], mine[96], want[96];
    decision_words(st, d->decision, d->protection, mine, sizeof mine);
    decision_words(st, d->expected, d->expected_protection, want, sizeof want);
    const char *key = d->decision_ok
                          ? (d->accepted ? "debrief.decision_accepted" : "debrief.decision_right")
                          : "debrief.decision_wrong";
    uint32_t col = d->decision_ok ? (d->accepted ? C_ACCENT : C_GREEN) : C_RED;
    int y = para(st, dl, p.x + 20, p.y + 32, p.w - 40, 19, col, 1,
                 desk_fmt(st, buf, sizeof buf, key, 0, 0, mine, NULL, want)) +
            4;
    dl_text(dl, p.x + 20, y, 16, d->passed ? C_GREEN : C_RED, 1, 0, "%s",
            desk_tr(st, d->passed ? "debrief.passed" : "debrief.failed"));
    int x = p.x + 20 + desk_text_width(st, &dl->cmd[dl->n - 1]) + 24;
    desk_fmt(st, buf, sizeof buf, "debrief.points_line", (long)(d->points + 0.5),
             (long)(d->pass_mark + 0.5), NULL, NULL, NULL);
    dl_text(dl, x, y, 14, C_DIM, 0, 0, "%s", buf);
    x += desk_text_width(st, &dl->cmd[dl->n - 1]) + 32;
    if (!d->decision_ok && d->expected)
        dl_text(dl, x, y, 14, C_RED, 0, 0, "%s", desk_tr(st, "debrief.wrong_never_passes"));
    return y;
}

/* A bar per competency, with its number and a tick at the 70% a case
 * needs (the length, not the colour, says which side of it). */
static int draw_bars(const desk_state *st, draw_list *dl, desk_rect p, int y) {
    const desk_debrief *d = &st->debrief;
    char n[16];
    for (int c = 0; c < 4; c++, y += 24) {
        dl_box(dl, dl_line_box(p.x + 20, y + 13, 146));
        dl_text(dl, p.x + 20, y + 13, 14, C_TEXT, 0, 0, "%s", desk_tr(st, desk_competency_keys[c]));
        dl_fill(dl, (desk_rect){p.x + 170, y, 200, 16}, 0xFF3A342Eu);
        dl_fill(dl, (desk_rect){p.x + 170, y, (int)(200 * d->competency[c] + 0.5), 16},
                d->competency[c] >= 0.7 ? C_GREEN : C_RED);
        dl_fill(dl, (desk_rect){p.x + 170 + 140, y - 2, 2, 20}, C_TEXT);
        dl_box(dl, dl_line_box(p.x + 380, y + 13, 64));
        dl_text(dl, p.x + 380, y + 13, 14, C_TEXT, 1, 0, "%s%%",
                desk_num(st, (long)(d->competency[c] * 100 + 0.5), n, sizeof n));
    }
    dl_box(dl, p);
    return y + 10;
}

/* The left column's lessons: each drawn when it fits above the column's
 * foot, else counted, so that a last line can say how many did not fit. */
typedef struct column {
    const desk_state *st;
    draw_list *dl;
    int x, y, w; /* y: the next baseline */
    int bottom;  /* the ink ends above it */
    int hidden;
} column;

/* One paragraph of the column (indented by `indent`, in direction dir). */
static void lesson_at(column *c, int indent, uint32_t col, int bold, int dir, const char *text) {
    int need = para_height(c->st, text, c->w - indent, 14, bold, dir) - 2;
    /* its last line's ink, and a line kept for saying what did not fit */
    if (c->hidden || c->y + need + 9 > c->bottom) {
        c->hidden++;
        return;
    }
    c->y = para_dir(c->st, c->dl, c->x + indent, c->y, c->w - indent, 14, col, bold, dir, text);
}

static void lesson(column *c, uint32_t col, const char *text) {
    lesson_at(c, 0, col, 0, 0, text);
}

/* Each critical error in a sentence, the principle under it; then the
 * errors this scenario waived, and why. */
static void draw_criticals(column *c) {
    const desk_state *st = c->st;
    const desk_debrief *d = &st->debrief;
    size_t plen = strlen(CRITICAL_AUTHORED_PREFIX);
    char key[96], buf[320];
    for (int i = 0; i < d->n_critical; i++) {
        const char *id = d->critical[i];
        int authored = !strncmp(id, CRITICAL_AUTHORED_PREFIX, plen);
        snprintf(key, sizeof key, "critical.%s", id);
        lesson_at(c, 0, C_RED, 1, authored ? desk_scn_dir(st, st->lang, id + plen) : 0,
                  authored ? desk_scn_text(st, st->lang, id + plen) : desk_tr(st, key));
        const char *pr = critical_principle(id);
        if (pr && !authored) {
            snprintf(key, sizeof key, "principle.%s", pr);
            lesson_at(c, 12, C_DIM, 0, 0, desk_tr(st, key));
        }
        c->y += 4;
    }
    for (int i = 0; i < d->n_waived; i++) {
        snprintf(key, sizeof key, "critical.%s", d->waived[i]);
        snprintf(buf, sizeof buf, "%s %s", desk_tr(st, key),
                 desk_scn_text(st, st->lang, d->waived_reason[i]));
        char head[128];
        desk_fmt(st, head, sizeof head, "debrief.waived", 0, 0, "", NULL, NULL);
        lesson_at(c, 0, C_DIM, 0, 0, head);
        lesson_at(c, 12, C_DIM, 0, 0, buf);
    }
}

/* Each defect found, located or missed (marked +, ~, -: not by colour
 * alone); each false finding with what is really there; the other lessons;
 * as many as the column has room for, and how many more. */
static void draw_findings(column *c) {
    static const char *status[3] = {"debrief.missed", "debrief.located", "debrief.found"};
    static const char *notes[] = {"debrief.ask_missed",  "debrief.forbidden",
                                  "debrief.interpreter", "debrief.light_unused",
                                  "debrief.must_missed", "debrief.step_skipped",
                                  "debrief.ident",       "debrief.border"};
    const desk_state *st = c->st;
    const desk_debrief *d = &st->debrief;
    char key[96], key2[96], buf[320];
    if (!d->n_items) lesson(c, C_DIM, desk_tr(st, "debrief.none"));
    for (int i = 0; i < d->n_items; i++) {
        int f = d->items[i].found;
        snprintf(key, sizeof key, "defect.%s", d->items[i].defect);
        snprintf(buf, sizeof buf, "%s %s: %s",
                 f == 2 ? "+"
                 : f    ? "~"
                        : "-",
                 desk_tr(st, key), desk_tr(st, status[f]));
        lesson(c, f == 2 ? C_GREEN : f ? C_ACCENT : C_RED, buf);
    }
    for (int i = 0; i < d->n_flags; i++) {
        const desk_debrief_flag *fl = &d->flags[i];
        if (fl->status == FLAG_IMPOSTOR) {
            lesson(c, C_GREEN, desk_tr(st, "debrief.impostor_flag"));
            continue;
        }
        if (fl->status != FLAG_FALSE) continue;
        const desk_finding_kind *k = NULL;
        for (int j = 0; j < desk_finding_kind_count(); j++)
            if (!strcmp(desk_finding_kind_get(j)->id, fl->kind)) k = desk_finding_kind_get(j);
        snprintf(key2, sizeof key2, "feature.%s", fl->there);
        desk_fmt(st, buf, sizeof buf,
                 fl->there[0] ? "debrief.false_flag" : "debrief.false_flag_nothing", 0, 0,
                 k ? desk_tr(st, k->label) : fl->kind, NULL, desk_tr(st, key2));
        lesson(c, C_YELLOW, buf);
    }
    for (int i = 0; i < d->n_notes; i++) {
        const desk_debrief_note *n = &d->notes[i];
        const char *q = n->key[0] ? desk_scn_text(st, st->lang, n->key) : NULL;
        if (n->kind == NOTE_STEP_SKIPPED) { /* the step's name in the interface */
            snprintf(key, sizeof key, "step.%s", n->key);
            q = desk_tr(st, key);
        }
        const char *fmt = notes[n->kind];
        if (n->kind == NOTE_IDENT || n->kind == NOTE_BORDER) { /* its own sentence */
            snprintf(key2, sizeof key2, "debrief.%s.%s", n->kind == NOTE_IDENT ? "ident" : "border",
                     n->key);
            fmt = key2, q = NULL;
        }
        desk_fmt(st, buf, sizeof buf, fmt, 0, 0, NULL,
                 n->kind == NOTE_LIGHT ? desk_light_label(st, n->light) : NULL, q);
        lesson(c,
               n->kind == NOTE_FORBIDDEN || n->kind == NOTE_MUST_MISSED ||
                       n->kind == NOTE_STEP_SKIPPED || n->kind == NOTE_IDENT ||
                       n->kind == NOTE_BORDER
                   ? C_RED
                   : C_ACCENT,
               buf);
    }
    if (c->hidden)
        dl_text(c->dl, c->x, c->y, 14, C_DIM, 0, 0, "%s",
                desk_fmt(st, buf, sizeof buf, "debrief.more", c->hidden, 0, NULL, NULL, NULL));
}

/* The documents worth showing, most telling first: with a missed defect,
 * with a false flag, with anything found, then the rest. */
static int shown_docs(const desk_state *st, int *order) {
    const desk_debrief *d = &st->debrief;
    int n = 0, rank[DESK_MAX_DOCS];
    for (int doc = 0; doc < st->n_docs; doc++) {
        rank[doc] = 3;
        for (int i = 0; i < d->n_items; i++)
            if (d->items[i].doc == doc) rank[doc] = fmin(rank[doc], d->items[i].found < 2 ? 0 : 2);
        for (int i = 0; i < d->n_flags; i++)
            if (d->flags[i].doc == doc && d->flags[i].status == FLAG_FALSE)
                rank[doc] = fmin(rank[doc], 1);
    }
    for (int r = 0; r <= 3; r++)
        for (int doc = 0; doc < st->n_docs; doc++)
            if (rank[doc] == r) order[n++] = doc;
    return n;
}

/* Which side of a document to show and under which light: where its first
 * missed defect is, under the light that shows it; else its first region. */
static void doc_view(const desk_debrief *d, int doc, int *side, int *light) {
    *side = 0, *light = LIGHT_VISIBLE;
    for (int pass = 0; pass < 2; pass++)
        for (int i = 0; i < d->n_items; i++)
            if (d->items[i].doc == doc && (pass || d->items[i].found < 2)) {
                *side = d->items[i].side, *light = d->items[i].light;
                return;
            }
    for (int i = 0; i < d->n_flags; i++)
        if (d->flags[i].doc == doc) {
            *side = d->flags[i].side;
            return;
        }
}

/* How the debrief marks what it shows on a document (desk.h): a defect
 * found solid, one missed dashed, the trainee's flags thin and a false one
 * dotted; colours say the same to those who see them. */
desk_mark_style desk_debrief_mark(int what) {
    switch (what) {
    case DESK_MARK_FOUND:
        return (desk_mark_style){3, DESK_LINE_SOLID, C_GREEN};
    case DESK_MARK_LOCATED:
        return (desk_mark_style){3, DESK_LINE_SOLID, C_ACCENT};
    case DESK_MARK_MISSED:
        return (desk_mark_style){3, DESK_LINE_DASHED, C_RED};
    case DESK_MARK_FALSE:
        return (desk_mark_style){2, DESK_LINE_DOTTED, C_YELLOW};
    default: /* DESK_MARK_FLAG */
        return (desk_mark_style){1, DESK_LINE_SOLID, C_GREEN};
    }
}

/* A region in mm, framed over the picture (mirrored with the desk). */
static void frame_mm(const desk_state *st, draw_list *dl, desk_rect pic, double k, double x,
                     double y, double w, double h, int what) {
    const desk_mark_style m = desk_debrief_mark(what);
    int fx = desk_rtl(st) ? pic.x + pic.w - (int)((x + w) * k) : pic.x + (int)(x * k);
    dl_frame_pattern(dl,
                     (desk_rect){fx - m.thick, pic.y + (int)(y * k) - m.thick,
                                 (int)(w * k) + 2 * m.thick, (int)(h * k) + 2 * m.thick},
                     m.thick, m.pattern, m.rgba);
}

/* Under the picture, each mark drawn as it is over it and named, one after
 * the other, a new line when the next does not fit (dl NULL: only counts).
 * Returns the lines it takes. */
static int draw_key(const desk_state *st, draw_list *dl, int x0, int w, int y) {
    static const char *const keys[4] = {"debrief.key_found", "debrief.key_missed",
                                        "debrief.key_flag", "debrief.key_false"};
    static const int marks[4] = {DESK_MARK_FOUND, DESK_MARK_MISSED, DESK_MARK_FLAG,
                                 DESK_MARK_FALSE};
    int x = x0, lines = 1;
    for (int i = 0; i < 4; i++) {
        draw_cmd c = {.kind = DRAW_TEXT, .text = desk_tr(st, keys[i]), .size = 14};
        int tw = 50 + desk_text_width(st, &c);
        if (x > x0 && x + tw > x0 + w) x = x0, y += 24, lines++;
        if (dl) {
            const desk_mark_style m = desk_debrief_mark(marks[i]);
            dl_frame_pattern(dl, (desk_rect){x, y - 12, 40, 14}, m.thick, m.pattern, m.rgba);
            dl_box(dl, dl_line_box(x + 48, y, x0 + w - x - 48));
            dl_text(dl, x + 48, y, 14, C_TEXT, 0, 0, "%s", c.text);
        }
        x += tw + 18;
    }
    return lines;
}

/* One document on the right, with the true regions and the trainee's flags. */
static void draw_document(const desk_state *st, draw_list *dl, desk_rect p, int top, int bottom) {
    const desk_debrief *d = &st->debrief;
    int order[DESK_MAX_DOCS], n = shown_docs(st, order);
    if (n == 0) return;
    int which = st->debrief_doc >= 0 && st->debrief_doc < n ? st->debrief_doc : 0;
    int doc = order[which], side, light;
    doc_view(d, doc, &side, &light);
    const desk_doc_spec *ds = &desk_current_traveler(st)->docs[doc];
    char buf[256], name[96];
    snprintf(name, sizeof name, "template.%s", ds->template_id);
    const char *tname = desk_tr(st, name);
    if (!strcmp(tname, name)) tname = st->info[doc].name; /* an academy's capture: its own */
    snprintf(buf, sizeof buf, "%s (%s)", tname, desk_light_label(st, light));
    /* its name over it, in two lines when it needs them; the picture as big
     * as the room left above the key, the hint and `bottom` allows */
    const int lh = DESK_LINE_H(14), wide = 460;
    /* from the foot up: the hint, the key, then the picture in what is left
     * under a title of two lines */
    int hint_y = bottom - 8, key_lines = draw_key(st, NULL, 0, wide, 0);
    int key_y = hint_y - (n > 1 ? 26 : 0) - (key_lines - 1) * 24;
    int room = key_y - 24 - (top + 4 + lh + 12);
    double k = fmin(wide / ds->mm_w, fmin(250, room) / ds->mm_h);
    desk_rect pic = {p.x + p.w - (int)(ds->mm_w * k) - 20, 0, (int)(ds->mm_w * k),
                     (int)(ds->mm_h * k)};
    dl_text(dl, pic.x, top + 4, 14, C_ACCENT, 1, 0, "%s", buf);
    draw_cmd *title = &dl->cmd[dl->n - 1];
    title->max_w = -pic.w, title->lines = 2;
    int lines = desk_text_lines(st, title);
    const desk_rect line = dl_line_box(pic.x, top + 4, pic.w);
    title->box = (desk_rect){line.x, line.y, line.w, line.h + (lines - 1) * lh};
    pic.y = top + 4 + (lines - 1) * lh + 12;
    dl_tex(dl, TEX_DOC, doc, light, side, pic);
    for (int i = 0; i < d->n_items; i++)
        if (d->items[i].doc == doc && d->items[i].side == side)
            frame_mm(st, dl, pic, k, d->items[i].x, d->items[i].y, d->items[i].w, d->items[i].h,
                     d->items[i].found == 2 ? DESK_MARK_FOUND
                     : d->items[i].found    ? DESK_MARK_LOCATED
                                            : DESK_MARK_MISSED);
    for (int i = 0; i < d->n_flags; i++) {
        const desk_debrief_flag *f = &d->flags[i];
        if (f->doc == doc && f->side == side && f->status != FLAG_IMPOSTOR)
            frame_mm(st, dl, pic, k, f->x, f->y, f->w, f->h,
                     f->status == FLAG_FALSE ? DESK_MARK_FALSE : DESK_MARK_FLAG);
    }
    int y = pic.y + pic.h + 22;
    y += draw_key(st, dl, p.x + p.w - 20 - wide, wide, y) * 24 + 2;
    if (n > 1) {
        char a[16], b[16];
        dl_box(dl, dl_line_box(pic.x, y, pic.w));
        dl_text(dl, pic.x, y, 14, C_ACCENT, 0, 0, "%s (%s/%s)", desk_tr(st, "debrief.doc_hint"),
                desk_num(st, which + 1, a, sizeof a), desk_num(st, n, b, sizeof b));
    }
    dl_box(dl, p);
}

/* The examination's steps in the manual's order, F.A.L.S.E.D.O.C.: each
 * done or not (+ and -: not by colour alone), framed where the case's
 * evidence lay, "n/a" where its documents have no such step. Returns the
 * baseline below. */
static int draw_steps(const desk_state *st, draw_list *dl, desk_rect p, int y) {
    const desk_debrief *d = &st->debrief;
    if (!d->steps_possible) return y; /* no document: no examination */
    dl_box(dl, dl_line_box(p.x + 20, y, p.w - 40));
    dl_text(dl, p.x + 20, y, 15, C_ACCENT, 1, 0, "%s", desk_tr(st, "debrief.steps"));
    /* two rows of four, in reading order (mirrored with the page in Arabic) */
    const int gap = 8, per_row = EXAM_STEPS / 2, ch = 50;
    const int cw = (p.w - 40 - gap * (per_row - 1)) / per_row;
    int top = y + 12;
    char key[48];
    for (int s = 0; s < EXAM_STEPS; s++) {
        desk_rect c = {p.x + 20 + (s % per_row) * (cw + gap), top + (s / per_row) * (ch + 6), cw,
                       ch};
        int possible = d->steps_possible >> s & 1, done = d->steps_covered >> s & 1;
        int needed = d->steps_needed >> s & 1, required = d->steps_required >> s & 1;
        /* on the dialog's own dark: every status reads at 4.5:1 */
        dl_fill(dl, c, C_DIALOG);
        dl_frame(dl, c, needed ? 2 : 1, needed ? C_ACCENT : possible ? C_BUTTON_ON : C_BUTTON);
        dl_box(dl, c);
        snprintf(key, sizeof key, "step.%s", exam_step_id(s));
        dl_text(dl, c.x + 8, c.y + 19, 14, possible ? C_TEXT : C_DIM, 1, 0, "%c  %s",
                exam_step_letter(s), desk_tr(st, key));
        dl->cmd[dl->n - 1].max_w = c.w - 16;
        uint32_t col = !possible ? C_DIM
                       : done    ? (needed ? C_GREEN : C_TEXT)
                       : needed  ? C_RED
                                 : C_DIM;
        const char *status = !possible ? "step.na" : done ? "step.done" : "step.missed";
        dl_text(dl, c.x + 8, c.y + 42, 14, col, needed, 0, "%s%s%s", desk_tr(st, status),
                required ? " · " : "", required ? desk_tr(st, "step.required") : "");
        dl->cmd[dl->n - 1].max_w = c.w - 16;
    }
    top += ch + 6;
    int ly = top + ch + 22;
    dl_box(dl, dl_line_box(p.x + 20, ly, p.w - 40));
    dl_text(dl, p.x + 20, ly, 14, C_DIM, 0, 0, "%s", desk_tr(st, "debrief.steps_legend"));
    dl_box(dl, p);
    return ly + 30;
}

/* The interview as it went, in two columns. */
static void draw_transcript(const desk_state *st, draw_list *dl, desk_rect p, int y0, int bottom) {
    const desk_debrief *d = &st->debrief;
    const int w = 450;
    int x = p.x + 20, y = y0, col = 0;
    dl_text(dl, x, y, 15, C_ACCENT, 1, 0, "%s", desk_tr(st, "debrief.transcript"));
    y += 24;
    if (!d->n_asks) para(st, dl, x, y, w, 14, C_DIM, 0, desk_tr(st, "debrief.no_questions"));
    for (int i = 0; i < d->n_asks; i++) {
        const desk_debrief_ask *a = &d->asks[i];
        const char *q = desk_scn_text(st, st->lang, a->text);
        const char *ans = a->answer[0] ? desk_scn_text(st, st->lang, a->answer)
                                       : desk_tr(st, "debrief.no_answer");
        char num[16], line[320];
        desk_num(st, i + 1, num, sizeof num);
        snprintf(line, sizeof line, "%s. %s", num, q);
        int qdir = desk_scn_dir(st, st->lang, a->text);
        int adir = a->answer[0] ? desk_scn_dir(st, st->lang, a->answer) : 0;
        int need = para_height(st, line, w, 14, 1, qdir) +
                   para_height(st, ans, w - 12, 14, 0, adir) + (a->tags ? DESK_LINE_H(14) + 2 : 0);
        if (y + need > bottom && col == 0) x = p.x + 500, y = y0 + 24, col = 1;
        if (y + need > bottom && col == 1) break;
        y = para_dir(st, dl, x, y, w, 14, a->tags & ASK_FORBIDDEN ? C_RED : C_TEXT, 1, qdir, line);
        char tags[200] = "";
        if (a->tags & ASK_REQUIRED)
            snprintf(tags, sizeof tags, "%s", desk_tr(st, "debrief.tag_required"));
        if (a->tags & ASK_FORBIDDEN)
            snprintf(tags, sizeof tags, "%s", desk_tr(st, "debrief.tag_forbidden"));
        if (a->tags & ASK_NOT_HEARD)
            snprintf(tags + strlen(tags), sizeof tags - strlen(tags), "%s%s", tags[0] ? " · " : "",
                     desk_tr(st, "debrief.tag_not_heard"));
        if (tags[0])
            y = para(st, dl, x + 12, y, w - 12, 14,
                     a->tags & (ASK_FORBIDDEN | ASK_NOT_HEARD) ? C_RED : C_GREEN, 0, tags);
        y = para_dir(st, dl, x + 12, y, w - 12, 14, C_DIM, 0, adir, ans) + 4;
    }
}

void desk_draw_debrief(const desk_state *st, draw_list *dl) {
    const desk_debrief *d = &st->debrief;
    const desk_rect p = desk_layout.desk;
    dl_fill(dl, p, 0xFF1C1815u);
    dl_frame(dl, p, 2, C_ACCENT);
    dl_box(dl, p);
    if (!d->ready || desk_draw_tutorial_debrief(st, dl)) return;
    /* why the case is what it is, as many lines as it takes, over the hints */
    const int hint_y = p.y + p.h - 16, lh = DESK_LINE_H(14);
    int why_y = hint_y - 12;
    const char *why = desk_scn_text(st, st->lang, d->why);
    int why_dir = desk_scn_dir(st, st->lang, d->why);
    int show_why = desk_current_traveler(st)->n_questions > 0 || d->why[0];
    if (show_why) why_y -= para_height(st, why, p.w - 40, 14, 0, why_dir) - 2;
    const int bottom = why_y - lh + 2; /* the ink above it ends here */
    int top = draw_head(st, dl, p) + 24;
    if (st->debrief_page == 1) {
        draw_transcript(st, dl, p, draw_steps(st, dl, p, top + 12), bottom);
    } else {
        column c = {st, dl, p.x + 20, draw_bars(st, dl, p, top) + 22, 440, bottom, 0};
        draw_criticals(&c);
        c.y += 6;
        draw_findings(&c);
        draw_document(st, dl, p, top, bottom);
    }
    if (show_why) para_dir(st, dl, p.x + 20, why_y, p.w - 40, 14, C_TEXT, 0, why_dir, why);
    dl_text(dl, p.x + 20, hint_y, 14, C_ACCENT, 1, 0, "%s",
            desk_tr(st, st->debrief_page ? "debrief.page_hint2" : "debrief.page_hint"));
    dl_text(dl, p.x + p.w - 20, hint_y, 14, C_ACCENT, 1, 2, "%s",
            desk_tr(st, st->mode == DESK_REVIEW ? "debrief.back" : "debrief.next"));
}
