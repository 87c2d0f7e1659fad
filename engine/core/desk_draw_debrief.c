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

#define C_YELLOW 0xFF30E0F0u

static int lines_of(const desk_state *st, const draw_cmd *c) {
    return desk_text_lines(st, c);
}

/* The height a paragraph of `s` takes, wrapped to w at `size`. */
static int para_height(const desk_state *st, const char *s, int w, int size, int bold, int dir) {
    draw_cmd c = {
        .kind = DRAW_TEXT, .text = s, .size = size, .bold = bold, .max_w = -w, .dir = dir};
    return lines_of(st, &c) * DESK_LINE_H(size) + 2;
}

/* Wrapped text in direction `dir` (draw_cmd.dir); returns the height below it. */
static int para_dir(const desk_state *st, draw_list *dl, int x, int y, int w, int size,
                    uint32_t col, int bold, int dir, const char *s) {
    int n = dl->n;
    dl_text(dl, x, y, size, col, bold, 0, "%s", s);
    if (dl->n == n) return y + DESK_LINE_H(size);
    dl->cmd[n].max_w = -w, dl->cmd[n].dir = dir;
    return y + lines_of(st, &dl->cmd[n]) * DESK_LINE_H(size) + 2;
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

/* The headline: the decision against the expected one; then passed or not,
 * the points and the pass mark. */
static void draw_head(const desk_state *st, draw_list *dl, desk_rect p) {
    const desk_debrief *d = &st->debrief;
    char buf[256], mine[96], want[96];
    decision_words(st, d->decision, d->protection, mine, sizeof mine);
    decision_words(st, d->expected, d->expected_protection, want, sizeof want);
    const char *key = d->decision_ok
                          ? (d->accepted ? "debrief.decision_accepted" : "debrief.decision_right")
                          : "debrief.decision_wrong";
    uint32_t col = d->decision_ok ? (d->accepted ? C_ACCENT : C_GREEN) : C_RED;
    dl_text(dl, p.x + 20, p.y + 32, 19, col, 1, 0, "%s",
            desk_fmt(st, buf, sizeof buf, key, 0, 0, mine, NULL, want));
    dl->cmd[dl->n - 1].max_w = p.w - 40;
    dl_text(dl, p.x + 20, p.y + 60, 16, d->passed ? C_GREEN : C_RED, 1, 0, "%s",
            desk_tr(st, d->passed ? "debrief.passed" : "debrief.failed"));
    desk_fmt(st, buf, sizeof buf, "debrief.points_line", (long)(d->points + 0.5),
             (long)(d->pass_mark + 0.5), NULL, NULL, NULL);
    dl_text(dl, p.x + 170, p.y + 60, 14, C_DIM, 0, 0, "%s", buf);
    if (!d->decision_ok && d->expected)
        dl_text(dl, p.x + 430, p.y + 60, 14, C_RED, 0, 0, "%s",
                desk_tr(st, "debrief.wrong_never_passes"));
}

/* A bar per competency, with its number. */
static int draw_bars(const desk_state *st, draw_list *dl, desk_rect p, int y) {
    const desk_debrief *d = &st->debrief;
    char n[16];
    for (int c = 0; c < 4; c++, y += 24) {
        dl_text(dl, p.x + 20, y + 13, 13, C_TEXT, 0, 0, "%s", desk_tr(st, desk_competency_keys[c]));
        dl->cmd[dl->n - 1].max_w = 145;
        dl_fill(dl, (desk_rect){p.x + 170, y, 200, 16}, 0xFF3A342Eu);
        dl_fill(dl, (desk_rect){p.x + 170, y, (int)(200 * d->competency[c] + 0.5), 16},
                d->competency[c] >= 0.7 ? C_GREEN : C_RED);
        dl_text(dl, p.x + 380, y + 13, 13, C_TEXT, 1, 0, "%s%%",
                desk_num(st, (long)(d->competency[c] * 100 + 0.5), n, sizeof n));
    }
    return y + 10;
}

/* Each critical error in a sentence, the principle under it; then the
 * errors this scenario waived, and why. */
static int draw_criticals(const desk_state *st, draw_list *dl, desk_rect p, int y, int w) {
    const desk_debrief *d = &st->debrief;
    size_t plen = strlen(CRITICAL_AUTHORED_PREFIX);
    char key[96], buf[320];
    for (int i = 0; i < d->n_critical; i++) {
        const char *id = d->critical[i];
        int authored = !strncmp(id, CRITICAL_AUTHORED_PREFIX, plen);
        snprintf(key, sizeof key, "critical.%s", id);
        y = para_dir(st, dl, p.x + 20, y, w, 14, C_RED, 1,
                     authored ? desk_scn_dir(st, st->lang, id + plen) : 0,
                     authored ? desk_scn_text(st, st->lang, id + plen) : desk_tr(st, key));
        const char *pr = critical_principle(id);
        if (pr && !authored) {
            snprintf(key, sizeof key, "principle.%s", pr);
            y = para(st, dl, p.x + 32, y, w - 12, 12, C_DIM, 0, desk_tr(st, key));
        }
        y += 4;
    }
    for (int i = 0; i < d->n_waived; i++) {
        snprintf(key, sizeof key, "critical.%s", d->waived[i]);
        snprintf(buf, sizeof buf, "%s %s", desk_tr(st, key),
                 desk_scn_text(st, st->lang, d->waived_reason[i]));
        char head[128];
        desk_fmt(st, head, sizeof head, "debrief.waived", 0, 0, "", NULL, NULL);
        y = para(st, dl, p.x + 20, y, w, 12, C_DIM, 0, head);
        y = para(st, dl, p.x + 32, y, w - 12, 12, C_DIM, 0, buf);
    }
    return y;
}

/* Each defect found, located or missed; each false finding with what is
 * really there; the other lessons, as far as the column has room. */
static void draw_findings(const desk_state *st, draw_list *dl, desk_rect p, int y, int w) {
    static const char *status[3] = {"debrief.missed", "debrief.located", "debrief.found"};
    static const char *notes[] = {"debrief.ask_missed", "debrief.forbidden", "debrief.interpreter",
                                  "debrief.light_unused", "debrief.must_missed"};
    const desk_debrief *d = &st->debrief;
    const int bottom = p.y + p.h - 100;
    char key[96], key2[96], buf[320];
    if (!d->n_items && y < bottom)
        y = para(st, dl, p.x + 20, y, w, 13, C_DIM, 0, desk_tr(st, "debrief.none"));
    for (int i = 0; i < d->n_items && y < bottom; i++) {
        int f = d->items[i].found;
        snprintf(key, sizeof key, "defect.%s", d->items[i].defect);
        snprintf(buf, sizeof buf, "%s %s: %s",
                 f == 2 ? "+"
                 : f    ? "~"
                        : "-",
                 desk_tr(st, key), desk_tr(st, status[f]));
        y = para(st, dl, p.x + 20, y, w, 13, f == 2 ? C_GREEN : f ? C_ACCENT : C_RED, 0, buf);
    }
    for (int i = 0; i < d->n_flags && y < bottom; i++) {
        const desk_debrief_flag *fl = &d->flags[i];
        if (fl->status == FLAG_IMPOSTOR) {
            y = para(st, dl, p.x + 20, y, w, 13, C_GREEN, 0, desk_tr(st, "debrief.impostor_flag"));
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
        y = para(st, dl, p.x + 20, y, w, 13, C_YELLOW, 0, buf);
    }
    for (int i = 0; i < d->n_notes && y < bottom; i++) {
        const desk_debrief_note *n = &d->notes[i];
        const char *q = n->key[0] ? desk_scn_text(st, st->lang, n->key) : NULL;
        desk_fmt(st, buf, sizeof buf, notes[n->kind], 0, 0, NULL,
                 n->kind == NOTE_LIGHT ? desk_light_label(st, n->light) : NULL, q);
        y = para(st, dl, p.x + 20, y, w, 13,
                 n->kind == NOTE_FORBIDDEN || n->kind == NOTE_MUST_MISSED ? C_RED : C_ACCENT, 0,
                 buf);
    }
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

/* A region in mm, framed over the picture (mirrored with the desk). */
static void frame_mm(const desk_state *st, draw_list *dl, desk_rect pic, double k, double x,
                     double y, double w, double h, int thick, uint32_t col) {
    int fx = desk_rtl(st) ? pic.x + pic.w - (int)((x + w) * k) : pic.x + (int)(x * k);
    dl_frame(dl,
             (desk_rect){fx - thick, pic.y + (int)(y * k) - thick, (int)(w * k) + 2 * thick,
                         (int)(h * k) + 2 * thick},
             thick, col);
}

/* One document on the right, with the true regions and the trainee's flags. */
static void draw_document(const desk_state *st, draw_list *dl, desk_rect p) {
    const desk_debrief *d = &st->debrief;
    int order[DESK_MAX_DOCS], n = shown_docs(st, order);
    if (n == 0) return;
    int which = st->debrief_doc >= 0 && st->debrief_doc < n ? st->debrief_doc : 0;
    int doc = order[which], side, light;
    doc_view(d, doc, &side, &light);
    const desk_doc_spec *ds = &desk_current_traveler(st)->docs[doc];
    double k = fmin(460 / ds->mm_w, 270 / ds->mm_h);
    desk_rect pic = {p.x + p.w - (int)(ds->mm_w * k) - 20, p.y + 104, (int)(ds->mm_w * k),
                     (int)(ds->mm_h * k)};
    char buf[256], name[96];
    snprintf(name, sizeof name, "template.%s", ds->template_id);
    const char *tname = desk_tr(st, name);
    if (!strcmp(tname, name)) tname = st->info[doc].name; /* an academy's capture: its own */
    snprintf(buf, sizeof buf, "%s (%s)", tname, desk_light_label(st, light));
    dl_text(dl, pic.x, pic.y - 10, 13, C_ACCENT, 1, 0, "%s", buf);
    dl->cmd[dl->n - 1].max_w = pic.w;
    dl_tex(dl, TEX_DOC, doc, light, side, pic);
    for (int i = 0; i < d->n_items; i++)
        if (d->items[i].doc == doc && d->items[i].side == side)
            frame_mm(st, dl, pic, k, d->items[i].x, d->items[i].y, d->items[i].w, d->items[i].h, 3,
                     d->items[i].found == 2 ? C_GREEN
                     : d->items[i].found    ? C_ACCENT
                                            : C_RED);
    for (int i = 0; i < d->n_flags; i++) {
        const desk_debrief_flag *f = &d->flags[i];
        if (f->doc == doc && f->side == side && f->status != FLAG_IMPOSTOR)
            frame_mm(st, dl, pic, k, f->x, f->y, f->w, f->h, 1,
                     f->status == FLAG_FALSE ? C_YELLOW : C_GREEN);
    }
    int y =
        para(st, dl, pic.x, pic.y + pic.h + 20, pic.w, 12, C_DIM, 0, desk_tr(st, "debrief.legend"));
    if (n > 1) {
        char a[16], b[16];
        dl_text(dl, pic.x, y, 12, C_ACCENT, 0, 0, "%s (%s/%s)", desk_tr(st, "debrief.doc_hint"),
                desk_num(st, which + 1, a, sizeof a), desk_num(st, n, b, sizeof b));
    }
}

/* The interview as it went, in two columns. */
static void draw_transcript(const desk_state *st, draw_list *dl, desk_rect p, int y0) {
    const desk_debrief *d = &st->debrief;
    const int bottom = p.y + p.h - 100, w = 450;
    int x = p.x + 20, y = y0, col = 0;
    dl_text(dl, x, y, 15, C_ACCENT, 1, 0, "%s", desk_tr(st, "debrief.transcript"));
    y += 24;
    if (!d->n_asks) para(st, dl, x, y, w, 13, C_DIM, 0, desk_tr(st, "debrief.no_questions"));
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
        int need = para_height(st, line, w, 13, 1, qdir) +
                   para_height(st, ans, w - 12, 12, 0, adir) + (a->tags ? DESK_LINE_H(12) + 2 : 0);
        if (y + need > bottom && col == 0) x = p.x + 500, y = y0 + 24, col = 1;
        if (y + need > bottom && col == 1) break;
        y = para_dir(st, dl, x, y, w, 13, a->tags & ASK_FORBIDDEN ? C_RED : C_TEXT, 1, qdir, line);
        char tags[200] = "";
        if (a->tags & ASK_REQUIRED)
            snprintf(tags, sizeof tags, "%s", desk_tr(st, "debrief.tag_required"));
        if (a->tags & ASK_FORBIDDEN)
            snprintf(tags, sizeof tags, "%s", desk_tr(st, "debrief.tag_forbidden"));
        if (a->tags & ASK_NOT_HEARD)
            snprintf(tags + strlen(tags), sizeof tags - strlen(tags), "%s%s", tags[0] ? " · " : "",
                     desk_tr(st, "debrief.tag_not_heard"));
        if (tags[0])
            y = para(st, dl, x + 12, y, w - 12, 12,
                     a->tags & (ASK_FORBIDDEN | ASK_NOT_HEARD) ? C_RED : C_GREEN, 0, tags);
        y = para_dir(st, dl, x + 12, y, w - 12, 12, C_DIM, 0, adir, ans) + 4;
    }
}

void desk_draw_debrief(const desk_state *st, draw_list *dl) {
    const desk_debrief *d = &st->debrief;
    const desk_rect p = desk_layout.desk;
    dl_fill(dl, p, 0xFF1C1815u);
    dl_frame(dl, p, 2, C_ACCENT);
    if (!d->ready || desk_draw_tutorial_debrief(st, dl)) return;
    draw_head(st, dl, p);
    if (st->debrief_page == 1) {
        draw_transcript(st, dl, p, p.y + 96);
    } else {
        int y = draw_bars(st, dl, p, p.y + 84);
        y = draw_criticals(st, dl, p, y + 8, 440);
        draw_findings(st, dl, p, y + 6, 440);
        draw_document(st, dl, p);
    }
    if (desk_current_traveler(st)->n_questions > 0 || d->why[0])
        para_dir(st, dl, p.x + 20, p.y + p.h - 84, p.w - 40, 13, C_TEXT, 0,
                 desk_scn_dir(st, st->lang, d->why), desk_scn_text(st, st->lang, d->why));
    dl_text(dl, p.x + 20, p.y + p.h - 16, 14, C_ACCENT, 1, 0, "%s",
            desk_tr(st, st->debrief_page ? "debrief.page_hint2" : "debrief.page_hint"));
    dl_text(dl, p.x + p.w - 20, p.y + p.h - 16, 14, C_ACCENT, 1, 2, "%s",
            desk_tr(st, st->mode == DESK_REVIEW ? "debrief.back" : "debrief.next"));
}
