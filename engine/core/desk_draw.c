/* desk_draw.c - desk_draw (see desk.h): the screen as a draw list, in the
 * order it is painted: the top bar, the traveler's column, the desk with its
 * documents and findings, the panels, the loupe, the toolbar, the status
 * line, then the current mode's dialog (one function per mode, from a table)
 * and the help. Also the draw list's primitives and the texts the other
 * drawing files share (desk_draw_internal.h). Every rectangle that input
 * also hits comes from desk_layout's table.
 */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "desk_draw_internal.h"
#include "desk_ident.h"
#include "desk_second.h"
#include "desk_sys.h"
#include "desk_fit.h"

/* ------------------------------------------------------------ primitives */

draw_cmd *dl_push(draw_list *dl, draw_kind k) {
    if (dl->n >= DRAW_MAX) return NULL;
    draw_cmd *c = &dl->cmd[dl->n++];
    memset(c, 0, sizeof *c);
    c->kind = k;
    return c;
}

void dl_fill(draw_list *dl, desk_rect r, uint32_t rgba) {
    draw_cmd *c = dl_push(dl, DRAW_FILL);
    if (c) c->x = r.x, c->y = r.y, c->w = r.w, c->h = r.h, c->rgba = rgba;
}

void dl_frame(draw_list *dl, desk_rect r, int thick, uint32_t rgba) {
    draw_cmd *c = dl_push(dl, DRAW_FRAME);
    if (c) c->x = r.x, c->y = r.y, c->w = r.w, c->h = r.h, c->thick = thick, c->rgba = rgba;
}

/* One edge of a patterned frame: dashes of `on` px every `on + off` px
 * along [a, b), each `thick` deep at `at` (horizontal when across). */
static void pattern_edge(draw_list *dl, int across, int a, int b, int at, int thick, int on,
                         int off, uint32_t rgba) {
    for (int p = a; p < b; p += on + off) {
        int len = p + on > b ? b - p : on;
        dl_fill(dl, across ? (desk_rect){p, at, len, thick} : (desk_rect){at, p, thick, len}, rgba);
    }
}

void dl_frame_pattern(draw_list *dl, desk_rect r, int thick, int pattern, uint32_t rgba) {
    if (pattern == DESK_LINE_SOLID) {
        dl_frame(dl, r, thick, rgba);
        return;
    }
    int on = pattern == DESK_LINE_DASHED ? 3 * thick + 4 : thick;
    int off = pattern == DESK_LINE_DASHED ? 2 * thick + 1 : thick + 2;
    pattern_edge(dl, 1, r.x, r.x + r.w, r.y, thick, on, off, rgba);
    pattern_edge(dl, 1, r.x, r.x + r.w, r.y + r.h - thick, thick, on, off, rgba);
    pattern_edge(dl, 0, r.y + thick, r.y + r.h - thick, r.x, thick, on, off, rgba);
    pattern_edge(dl, 0, r.y + thick, r.y + r.h - thick, r.x + r.w - thick, thick, on, off, rgba);
}

void dl_tex(draw_list *dl, int tex, int a, int b, int cc, desk_rect r) {
    draw_cmd *c = dl_push(dl, DRAW_TEX);
    if (c)
        c->tex = tex, c->a = a, c->b = b, c->c = cc, c->x = r.x, c->y = r.y, c->w = r.w, c->h = r.h;
}

void dl_text(draw_list *dl, int x, int y, int size, uint32_t rgba, int bold, int align,
             const char *fmt, ...) {
    size_t room = sizeof dl->strings - (size_t)dl->used;
    if (room < 2) return;
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(dl->strings + dl->used, room, fmt, ap);
    va_end(ap);
    if (n < 0) return;
    if ((size_t)n >= room) n = (int)room - 1;
    draw_cmd *c = dl_push(dl, DRAW_TEXT);
    if (!c) return;
    c->text = dl->strings + dl->used;
    dl->used += n + 1;
    c->x = x, c->y = y, c->size = size, c->rgba = rgba, c->bold = bold, c->align = align;
    dl_fit_box(c, dl->box);
}

/* The room a text anchored at c->x has in its box, either side as its
 * alignment needs, inside the margin. */
static int room_in(const draw_cmd *c, desk_rect b) {
    /* the app's picture of a text has a pixel of room either side */
    int left = c->x - (b.x + DESK_TEXT_MARGIN) - 1, right = b.x + b.w - DESK_TEXT_MARGIN - c->x - 1;
    int room = c->align == 0 ? right : c->align == 2 ? left : 2 * (left < right ? left : right);
    return room > 1 ? room : 1;
}

void dl_fit_box(draw_cmd *c, desk_rect box) {
    c->box = box;
    if (box.w > 0 && c->max_w == 0) c->max_w = room_in(c, box);
}

void dl_box(draw_list *dl, desk_rect box) {
    dl->box = box;
}

/* Whether pressing button b does what it says on this screen: on the
 * others it is drawn flat and dim, not as something to press. */
int desk_button_active(const desk_state *st, int b) {
    if (b == DESK_BTN_QUIT) return 1;
    if (st->quit_ask) return 0;
    if (st->mode == DESK_EXAMINE) {
        if (b == DESK_BTN_OPEN || b == DESK_BTN_TURN) {  /* a passport to open, a card to turn */
            int d = desk_doc_host(st, desk_top_doc(st)); /* a visa's passport */
            const desk_doc_spec *ds = d >= 0 ? &desk_current_traveler(st)->docs[d] : NULL;
            return ds && (b == DESK_BTN_OPEN ? ds->passport
                                             : ds->pieces > 1 || desk_doc_pages(st, d) > 1);
        }
        return 1;
    }
    if (st->mode == DESK_FLAG_DRAW) return b == DESK_BTN_FLAG;
    return 0;
}

void desk_draw_button(const desk_state *st, draw_list *dl, int b, int on) {
    const desk_button *btn = &desk_layout.buttons[b];
    int active = desk_button_active(st, b);
    dl_fill(dl, btn->r, on && active ? C_BUTTON_ON : active ? C_BUTTON : 0xFF2A2420u);
    dl_frame(dl, btn->r, 1, active ? 0xFF6A625Cu : 0xFF3A3430u);
    const desk_rect keep = dl->box;
    dl_box(dl, btn->r); /* longer labels shrink to fit */
    /* the capitals centred, Arabic's descenders still inside a low button */
    int base = btn->r.h / 2 + 6 < btn->r.h - 11 ? btn->r.h / 2 + 6 : btn->r.h - 11;
    dl_text(dl, btn->r.x + btn->r.w / 2, btn->r.y + base, 15, active ? C_TEXT : 0xFF9A9A9Au, 0, 1,
            "%s", desk_tr(st, btn->label));
    dl_box(dl, keep);
}

/* ------------------------------------------------------------ texts */

int desk_text_lines(const desk_state *st, const draw_cmd *c) {
    if (st->measure) return st->measure(st->measure_ud, c);
    int chars = 0, width = c->max_w < 0 ? -c->max_w : 0;
    for (const unsigned char *p = (const unsigned char *)c->text; *p; p++)
        chars += (*p & 0xC0) != 0x80;
    int per_line = (int)(width / (0.55 * c->size));
    int n = per_line > 0 ? chars / per_line + 1 : 1;
    return c->lines > 0 && n > c->lines ? c->lines : n;
}

int desk_text_width(const desk_state *st, const draw_cmd *c) {
    if (st->width) return st->width(st->width_ud, c);
    int chars = 0;
    for (const unsigned char *p = (const unsigned char *)c->text; *p; p++)
        chars += (*p & 0xC0) != 0x80;
    int w = (int)(chars * 0.6 * c->size + 1);
    return c->max_w > 0 && w > c->max_w ? c->max_w : w;
}

const char *const desk_decision_keys[DECIDE_COUNT] = {
    "", "decision.admit", "decision.refuse", "decision.second_line", "decision.protection"};
const char *const desk_protection_keys[PROTECT_COUNT] = {"", "protect.asylum", "protect.child",
                                                         "protect.trafficking"};
const char *const desk_competency_keys[4] = {"comp.document_examination", "comp.interview",
                                             "comp.human_rights", "comp.procedure"};

const char *desk_tr(const desk_state *st, const char *key) {
    return st->n_langs > 0 ? i18n_get(st->langs[st->lang], key) : key;
}

const char *desk_num(const desk_state *st, long n, char *buf, size_t cap) {
    if (st->n_langs > 0)
        i18n_number(st->langs[st->lang], n, buf, cap);
    else
        snprintf(buf, cap, "%ld", n);
    return buf;
}

const char *desk_fmt(const desk_state *st, char *out, size_t cap, const char *key, long n,
                     long total, const char *kind, const char *light, const char *name) {
    char a[24], b[24];
    desk_num(st, n, a, sizeof a);
    desk_num(st, total, b, sizeof b);
    if (st->n_langs > 0)
        i18n_format(st->langs[st->lang], out, cap, key, "n", a, "total", b, "kind",
                    kind ? kind : "", "light", light ? light : "", "name", name ? name : "",
                    (const char *)NULL);
    else
        snprintf(out, cap, "%s", key);
    return out;
}

const char *desk_light_label(const desk_state *st, int l) {
    static const char *keys[LIGHT_COUNT] = {"light.visible", "light.uv",          "light.ir",
                                            "light.oblique", "light.transmitted", "light.coaxial"};
    return desk_tr(st, keys[l]);
}

static const i18n *scn_catalogue(const desk_state *st, int i, int lang) {
    const desk_traveler *t = &st->session->travelers[i];
    const i18n *c = lang >= 0 && lang < 8 ? t->strings[lang] : NULL;
    return c ? c : t->strings[0];
}

const char *desk_scn_text_of(const desk_state *st, int i, int lang, const char *key) {
    const i18n *c = scn_catalogue(st, i, lang);
    return c ? i18n_get(c, key) : key;
}

const i18n *desk_scn_catalogue(const desk_state *st, int lang) {
    return scn_catalogue(st, st->traveler, lang);
}

int desk_scn_dir(const desk_state *st, int lang, const char *key) {
    const i18n *c = scn_catalogue(st, st->traveler, lang);
    return c ? desk_text_dir(c, key) : 1;
}

const char *desk_scn_text(const desk_state *st, int lang, const char *key) {
    return desk_scn_text_of(st, st->traveler, lang, key);
}

/* ------------------------------------------------------------ the top bar */

/* mm:ss in the interface's digits. */
static const char *clock_text(const desk_state *st, double seconds, char *out, size_t cap) {
    long secs = seconds > 0 ? (long)seconds : 0;
    char clock[16];
    snprintf(clock, sizeof clock, "%02ld:%02ld", (secs / 60) % 100, secs % 60);
    if (st->n_langs > 0)
        i18n_digits(st->langs[st->lang], clock, out, cap);
    else
        snprintf(out, cap, "%s", clock);
    return out;
}

#define BAR_TEXT_H 32   /* the top bar's texts stay above its queue strip */
#define BAR_BASE   21   /* their baseline: Arabic's descenders clear the strip too */
#define QUIT_LEFT  1184 /* the quit button's left edge (desk_layout: DESK_BTN_QUIT) */

static const char *date_place(const desk_state *st, char *out, size_t cap);

/* A one-line text of the top bar ending at x (right-aligned), at most max_w
 * wide (shrunk to fit); its box is that room. Returns where it begins. */
static int bar_text(const desk_state *st, draw_list *dl, int x, int max_w, int size, uint32_t rgba,
                    int bold, const char *text) {
    int n = dl->n;
    dl_text(dl, x, BAR_BASE, size, rgba, bold, 2, "%s", text);
    if (dl->n == n) return x;
    draw_cmd *c = &dl->cmd[n];
    c->max_w = max_w > 1 ? max_w : 1;
    c->box = (desk_rect){x - c->max_w - 2, 0, c->max_w + 4, BAR_TEXT_H};
    return x - desk_text_width(st, c);
}

/* The top bar's right end, right to left: the time (left of a limit, red
 * in its last minute), today's date and place, the case's time left, the
 * exam mark and the trainee in what is left down to `left`. */
static void draw_clock(const desk_state *st, draw_list *dl, int left) {
    const desk_session *s = st->session;
    char buf[160], c1[32], c2[32];
    int running = st->mode < DESK_DONE, x;
    if (s->session_limit_s > 0) {
        double rest = s->session_limit_s - desk_elapsed(st);
        x = bar_text(st, dl, QUIT_LEFT - 10, 240, 17, rest < 60 && running ? C_RED : C_TEXT, 1,
                     desk_fmt(st, buf, sizeof buf, "desk.time_left", 0, 0, NULL,
                              clock_text(st, rest, c1, sizeof c1), NULL));
    } else {
        x = bar_text(st, dl, QUIT_LEFT - 10, 120, 17, C_TEXT, 1,
                     clock_text(st, desk_elapsed(st), c1, sizeof c1));
    }
    x = bar_text(st, dl, x - 20, 300, 15, C_TEXT, 0, date_place(st, buf, sizeof buf));
    if (s->case_limit_s > 0 && running && st->mode != DESK_DEBRIEF) {
        double rest = s->case_limit_s - (double)(st->frame - st->case_frame0) / DESK_FPS;
        x = bar_text(st, dl, x - 20, 160, 14, rest < 60 ? C_RED : C_DIM, 0,
                     desk_fmt(st, buf, sizeof buf, "desk.case_left", 0, 0, NULL,
                              clock_text(st, rest, c2, sizeof c2), NULL));
    }
    if (s->exam || s->trainee[0]) {
        snprintf(buf, sizeof buf, "%s%s%s", s->exam ? desk_tr(st, "desk.exam") : "",
                 s->exam && s->trainee[0] ? " · " : "", s->trainee);
        bar_text(st, dl, x - 20, x - 20 - left, 14, C_ACCENT, 1, buf);
    }
}

int desk_panel_at(const desk_state *st, int x, int y) {
    return (st->compare && desk_rect_hit(desk_layout.compare, x, y)) ||
           (st->findings_panel && desk_rect_hit(desk_layout.findings, x, y)) ||
           (st->ref_panel && desk_rect_hit(desk_layout.ref_panel, x, y)) ||
           (st->mrz_panel && desk_rect_hit(desk_layout.mrz_panel, x, y)) ||
           (st->transcript && desk_rect_hit(desk_layout.transcript, x, y)) ||
           (st->ident_panel && desk_rect_hit(desk_ident_panel(), x, y)) ||
           (st->sys_panel && desk_rect_hit(desk_sys_panel(), x, y)) ||
           (st->second.panel && desk_rect_hit(desk_second_panel(), x, y));
}

const char *desk_date_text(const desk_state *st, bl_date d, char *out, size_t cap) {
    char day[16], y4[8], year[24], mkey[16];
    if (st->n_langs == 0 || d.m < 1 || d.m > 12) {
        snprintf(out, cap, "%04d-%02d-%02d", d.y, d.m, d.d);
        return out;
    }
    desk_num(st, d.d, day, sizeof day);
    snprintf(y4, sizeof y4, "%d", d.y); /* a year has no thousands separator */
    i18n_digits(st->langs[st->lang], y4, year, sizeof year);
    snprintf(mkey, sizeof mkey, "month.%d", d.m);
    i18n_format(st->langs[st->lang], out, cap, "date.dmy", "day", day, "month", desk_tr(st, mkey),
                "year", year, (const char *)NULL);
    return out;
}

/* Today as the interface's language writes it, and where the desk is:
 * "1 June 2026 · Airport" (Arabic-Indic digits in Arabic). */
static const char *date_place(const desk_state *st, char *out, size_t cap) {
    char date[64], pkey[32];
    desk_date_text(st, st->session->today, date, sizeof date);
    if (st->n_langs == 0) return snprintf(out, cap, "%s", date), out;
    const char *place = desk_current_traveler(st)->place;
    snprintf(pkey, sizeof pkey, "place.%s", place[0] ? place : "airport");
    i18n_format(st->langs[st->lang], out, cap, "desk.date", "date", date, "place",
                desk_tr(st, pkey), (const char *)NULL);
    return out;
}

/* The name, which traveler under which light, today's date and place, the
 * clock; the queue as a strip along the bar's foot (one mark per traveler),
 * under the texts rather than across them. */
static void draw_top_bar(const desk_state *st, draw_list *dl) {
    const desk_session *s = st->session;
    const desk_rect bar = desk_layout.top_bar;
    dl_fill(dl, bar, C_BAR);
    dl_box(dl, (desk_rect){0, 0, 124, BAR_TEXT_H});
    dl_text(dl, 14, BAR_BASE, 17, C_ACCENT, 1, 0, "borderlab"); /* a name: not translated */
    int left = 130;
    if (st->mode != DESK_DONE) {
        char t1[96], t2[96];
        desk_fmt(st, t1, sizeof t1, "desk.traveler_of", st->traveler + 1, s->n_travelers, NULL,
                 NULL, NULL);
        desk_fmt(st, t2, sizeof t2, "desk.light", 0, 0, NULL, desk_light_label(st, st->light),
                 NULL);
        if (st->tilt) { /* "light: visible, tilted +10°" */
            char deg[16], t3[64];
            snprintf(deg, sizeof deg, "%+d°", st->tilt);
            desk_fmt(st, t3, sizeof t3, "desk.tilt", 0, 0, NULL, deg, NULL);
            snprintf(t2 + strlen(t2), sizeof t2 - strlen(t2), ", %s", t3);
        }
        dl_box(dl, (desk_rect){124, 0, 386, BAR_TEXT_H});
        if (st->mode == DESK_REVIEW) /* the debrief names the light it shows */
            dl_text(dl, 130, BAR_BASE, 16, C_TEXT, 0, 0, "%s", t1);
        else
            dl_text(dl, 130, BAR_BASE, 16, C_TEXT, 0, 0, "%s   |   %s", t1, t2);
        left += desk_text_width(st, &dl->cmd[dl->n - 1]) + 20;
    }
    draw_clock(st, dl, left);
    desk_draw_button(st, dl, DESK_BTN_QUIT, st->quit_ask);
    int n = s->n_travelers > 0 ? s->n_travelers : 1;
    double seg = (double)bar.w / n;
    for (int i = 0; i < s->n_travelers; i++)
        dl_fill(dl, (desk_rect){(int)(i * seg) + 1, bar.h - 4, (int)seg - 2, 4},
                i < st->traveler || st->mode == DESK_DONE ? 0xFF606060u
                : i == st->traveler                       ? C_ACCENT
                                                          : 0xFF3A3F47u);
}

/* ------------------------------------------------------------ the desk */

/* A finding's note in a box under the pointer, in the note's own direction. */
static void draw_note_tip(const desk_state *st, draw_list *dl, const desk_finding *f) {
    char buf[200], n[16];
    const desk_finding_kind *k = desk_finding_kind_get(f->kind);
    desk_num(st, f->id, n, sizeof n);
    if (st->n_langs > 0)
        i18n_format(st->langs[st->lang], buf, sizeof buf, "finding.hover", "n", n, "kind",
                    k ? desk_tr(st, k->label) : "?", "name", f->note, (const char *)NULL);
    else
        snprintf(buf, sizeof buf, "%s %s", n, f->note);
    int w = 320, x = st->mx + 16 + w > DESK_W - 10 ? DESK_W - 10 - w : st->mx + 16, y = st->my + 24;
    int m = dl->n;
    dl_fill(dl, (desk_rect){x, y, w, 58}, C_DIALOG);
    dl_frame(dl, (desk_rect){x, y, w, 58}, 1, C_ACCENT);
    dl_box(dl, (desk_rect){x, y, w, 58});
    dl_text(dl, x + 8, y + 20, 14, C_TEXT, 0, 0, "%s", buf);
    if (dl->n > m + 2) dl->cmd[m + 2].max_w = -(w - 16), dl->cmd[m + 2].lines = 2;
}

/* A finding's label: its number and kind, on a tag of its own. */
static draw_cmd tag_cmd(const desk_state *st, const desk_finding *f, char *buf, size_t cap) {
    char n[24];
    snprintf(buf, cap, "%s %s", desk_num(st, f->id, n, sizeof n),
             desk_tr(st, desk_finding_kind_get(f->kind)->label));
    return (draw_cmd){.kind = DRAW_TEXT, .text = buf, .size = 14, .bold = 1};
}

/* A finding's tag goes under its rectangle (over it at the desk's foot),
 * starting at its left end (the right end in a right-to-left screen: the
 * area is worked out mirrored, as the screen will be), kept on the desk: the
 * delete box first, then the label. Neither covers what the finding marks. */
static desk_rect finding_tag(const desk_state *st, const desk_finding *f, desk_rect area) {
    char buf[160];
    const draw_cmd c = tag_cmd(st, f, buf, sizeof buf);
    const desk_rect dk = desk_layout.desk;
    int w = DESK_FLAG_BOX + desk_text_width(st, &c) + 12;
    if (w > dk.w) w = dk.w;
    int x = area.x, y = area.y + area.h + 2;
    if (x + w > dk.x + dk.w) x = dk.x + dk.w - w;
    if (x < dk.x) x = dk.x;
    if (y + DESK_FLAG_BOX > dk.y + dk.h) y = area.y - DESK_FLAG_BOX - 2;
    return (desk_rect){x, y, w, DESK_FLAG_BOX};
}

void desk_finding_rect(const desk_state *st, const desk_finding *f, desk_rect *area,
                       desk_rect *box) {
    const desk_doc *doc = &st->docs[f->doc];
    int fw = (int)(f->w_mm * DESK_PX_PER_MM), fh = (int)(f->h_mm * DESK_PX_PER_MM);
    int fx = desk_rtl(st) ? (int)(doc->x + doc->w - (f->x_mm + f->w_mm) * DESK_PX_PER_MM)
                          : (int)(doc->x + f->x_mm * DESK_PX_PER_MM);
    int fy = (int)(doc->y + f->y_mm * DESK_PX_PER_MM);
    *area = (desk_rect){fx, fy, fw, fh};
    const desk_rect tag = finding_tag(st, f, *area);
    *box = (desk_rect){tag.x, tag.y, DESK_FLAG_BOX, DESK_FLAG_BOX};
}

/* A document's findings on the side it shows: a red frame, and under it a
 * tag with a delete box, the finding's number and kind. */
static void draw_findings(const desk_state *st, draw_list *dl, int d) {
    const desk_doc *doc = &st->docs[d];
    char buf[160];
    const desk_finding *hover = NULL;
    for (int i = 0; i < st->n_findings; i++) {
        const desk_finding *f = &st->findings[i];
        if (f->doc != d || doc->closed || f->side != doc->side) continue;
        desk_rect area, box;
        desk_finding_rect(st, f, &area, &box);
        const desk_rect tag = finding_tag(st, f, area);
        dl_frame(dl, area, 2, C_RED);
        dl_fill(dl, tag, C_FLAG_TAG);
        dl_fill(dl, box, C_FLAG_BOX);
        dl_box(dl, box);
        dl_text(dl, box.x + box.w / 2, box.y + 18, 14, C_TEXT, 1, 1, "\u00d7");
        dl_box(dl, (desk_rect){box.x + box.w, tag.y, tag.w - box.w, tag.h});
        const draw_cmd c = tag_cmd(st, f, buf, sizeof buf);
        dl_text(dl, box.x + box.w + 6, tag.y + 18, c.size, C_TEXT, c.bold, 0, "%s", c.text);
        if (f->note[0] && st->mode == DESK_EXAMINE && desk_rect_hit(area, st->mx, st->my))
            hover = f; /* its note, again, under the pointer */
    }
    if (hover) draw_note_tip(st, dl, hover);
}

/* Over a captured document under a light the academy did not photograph. */
static void draw_not_captured(const desk_state *st, draw_list *dl, desk_rect r) {
    char buf[160];
    const desk_rect back = {r.x + 8, r.y + r.h / 2 - 30, r.w - 16, 60};
    dl_fill(dl, back, C_DIALOG);
    dl_box(dl, back);
    dl_text(dl, back.x + 8, back.y + 24, 15, C_TEXT, 1, 0, "%s",
            desk_fmt(st, buf, sizeof buf, "capture.not_captured", 0, 0, NULL,
                     desk_light_label(st, st->light), NULL));
    dl->cmd[dl->n - 1].max_w = -(back.w - 16), dl->cmd[dl->n - 1].lines = 2;
}

/* The desk top and its documents, back to front, each on a soft shadow,
 * clipped to the desk; the finding being drawn over them. */
static void draw_desk(const desk_state *st, draw_list *dl) {
    const desk_rect dk = desk_layout.desk;
    const desk_rect top = {dk.x - 4, dk.y - 4, dk.w + 8, dk.h + 8};
    dl_fill(dl, top, C_DESK);
    draw_cmd *clip = dl_push(dl, DRAW_CLIP); /* documents stay on the desk */
    if (clip) clip->x = top.x, clip->y = top.y, clip->w = top.w, clip->h = top.h;
    for (int k = 0; k < st->n_docs; k++) {
        int d = st->order[k];
        const desk_doc *doc = &st->docs[d];
        if (desk_doc_hidden(st, d)) continue; /* a visa on another page */
        desk_rect r = {(int)doc->x, (int)doc->y, doc->w, doc->h};
        dl_fill(dl, (desk_rect){r.x + 5, r.y + 6, r.w, r.h}, 0x60000000u);
        if (doc->closed)
            dl_tex(dl, TEX_COVER, d, 0, 0, r);
        else
            dl_tex(dl, TEX_DOC, d, st->light, doc->side, r);
        if (!doc->closed && st->info[d].captured && !(st->info[d].captured & LIGHT_BIT(st->light)))
            draw_not_captured(st, dl, r);
        draw_findings(st, dl, d);
        desk_draw_pages(st, dl, d); /* a passport's page, and the buttons that turn it */
    }
    dl_push(dl, DRAW_CLIP); /* no clip */
    if (st->draft_active) {
        int x0 = (int)fmin(st->draft_x0, st->draft_x1), y0 = (int)fmin(st->draft_y0, st->draft_y1);
        dl_frame(dl,
                 (desk_rect){x0, y0, (int)fabs(st->draft_x1 - st->draft_x0),
                             (int)fabs(st->draft_y1 - st->draft_y0)},
                 2, C_ACCENT);
    }
}

/* The loupe, over the documents (the app composes its image). */
static void draw_loupe(const desk_state *st, draw_list *dl) {
    int under = desk_doc_at(st, st->mx, st->my, NULL, NULL);
    if (!st->loupe || st->mode >= DESK_DONE || under < 0 || st->docs[under].closed) return;
    if (desk_panel_at(st, st->mx, st->my)) return; /* a panel over the desk: its own loupe */
    int dmt = 220;
    char b1[24];
    dl_tex(dl, TEX_LOUPE, 0, st->light, st->loupe_zoom,
           (desk_rect){st->mx - dmt / 2, st->my - dmt / 2, dmt, dmt});
    /* the zoom on a plate of its own in the corner the round lens leaves,
     * readable over any document under any light */
    const desk_rect plate = {st->mx + dmt / 2 - 42, st->my + dmt / 2 - 22, 42, 22};
    dl_fill(dl, plate, C_DIALOG);
    dl_frame(dl, plate, 1, 0xFF6A625Cu);
    dl_box(dl, plate);
    dl_text(dl, plate.x + plate.w / 2, plate.y + 16, 14, C_TEXT, 1, 1, "%sx",
            desk_num(st, st->loupe_zoom, b1, sizeof b1));
}

/* ------------------------------------------------------------ the toolbar */

static int button_on(const desk_state *st, int b) {
    switch (b) {
    case DESK_BTN_LOUPE:
        return st->loupe;
    case DESK_BTN_MRZ:
        return st->mrz_panel;
    case DESK_BTN_REF:
        return st->ref_panel;
    case DESK_BTN_IDENT:
        return st->ident_panel;
    case DESK_BTN_SYS:
        return st->sys_panel;
    case DESK_BTN_SECOND:
        return st->second.active;
    case DESK_BTN_FLAG:
        return st->mode >= DESK_FLAG_DRAW && st->mode <= DESK_FLAG_NOTE;
    default:
        return b <= DESK_BTN_LIGHT5 && st->light == b - DESK_BTN_LIGHT0;
    }
}

/* The buttons (the language's with more than one language; the
 * interpreter's is drawn with the traveler), the MRZ reader's framed red
 * when the session forbids it; the status line. */
static void draw_toolbar(const desk_state *st, draw_list *dl) {
    dl_fill(dl, desk_layout.toolbar, C_BAR);
    for (int b = 0; b < DESK_BTN_COUNT; b++) {
        if (b == DESK_BTN_LANG && st->n_langs < 2) continue;
        if (b == DESK_BTN_INTERP || b == DESK_BTN_ALONE || b == DESK_BTN_QUIT) continue;
        desk_draw_button(st, dl, b, button_on(st, b));
    }
    if (!st->session->mrz_reader) dl_frame(dl, desk_layout.buttons[DESK_BTN_MRZ].r, 2, C_RED);
    /* under the traveler's buttons: the findings count, then what the desk
     * last said, one paragraph of three lines at most */
    char count[64] = "", said[256] = "";
    const desk_rect foot = desk_layout.status;
    if (st->mode < DESK_DEBRIEF) /* while a traveler is at the counter */
        desk_fmt(st, count, sizeof count, "desk.findings", st->n_findings, 0, NULL, NULL, NULL);
    if (st->status_key) {
        const desk_finding_kind *k = desk_finding_kind_get(st->status_kind);
        desk_fmt(st, said, sizeof said, st->status_key, st->status_n, st->status_total,
                 k ? desk_tr(st, k->label) : "", NULL,
                 st->n_langs ? i18n_name(st->langs[st->lang]) : "");
    }
    dl_box(dl, foot);
    dl_text(dl, foot.x + 4, foot.y + 20, 14, C_TEXT, 0, 0, "%s%s%s", count,
            count[0] && said[0] ? " · " : "", said);
    dl->cmd[dl->n - 1].max_w = -(foot.w - 8), dl->cmd[dl->n - 1].lines = 3;
}

/* ------------------------------------------------------------ dialogs */

/* A menu whose rows are already texts: each after its number, at the menu
 * row's text place, in its own direction (dirs NULL: the interface's). */
static void draw_menu_texts(const desk_state *st, draw_list *dl, const char *title_key,
                            const char *corner, const char *const *rows, const int *dirs, int n) {
    const desk_rect box = desk_layout_menu_box(n);
    dl_fill(dl, box, C_DIALOG);
    dl_frame(dl, box, 2, C_ACCENT);
    const desk_rect head = {box.x, box.y, box.w, desk_layout.menu.h};
    dl_box(dl, head);
    int room = box.w - 32;
    if (corner && corner[0]) { /* on the title's row, at its end */
        dl_text(dl, box.x + box.w - 16, box.y + 30, 14, C_DIM, 0, 2, "%s", corner);
        room -= desk_text_width(st, &dl->cmd[dl->n - 1]) + 16;
    }
    dl_text(dl, box.x + 16, box.y + 30, 17, C_ACCENT, 1, 0, "%s", desk_tr(st, title_key));
    dl->cmd[dl->n - 1].max_w = room;
    for (int i = 0; i < n; i++) {
        const desk_rect row = desk_layout_menu_row(i);
        char b[16];
        const desk_text_box *place = &desk_layout.text[DESK_TEXT_ASK];
        dl_box(dl, row);
        dl_text(dl, row.x + 20, row.y + 20, place->size, C_TEXT, 0, 0, "%s",
                desk_num(st, (i + 1) % 10, b, sizeof b));
        int k = dl->n;
        dl_text(dl, row.x + 44, row.y + 20, place->size, C_TEXT, place->bold, 0, "%s", rows[i]);
        if (dl->n == k) continue; /* the list is full */
        const draw_cmd want = desk_text_cmd(DESK_TEXT_ASK, rows[i], dirs ? dirs[i] : 0);
        dl->cmd[k].max_w = want.max_w, dl->cmd[k].lines = want.lines, dl->cmd[k].dir = want.dir;
    }
}

/* A menu of catalogue keys. */
static void draw_menu(const desk_state *st, draw_list *dl, const char *title_key,
                      const char *const *row_keys, int n) {
    const char *rows[16];
    if (n > 16) n = 16;
    for (int i = 0; i < n; i++)
        rows[i] = desk_tr(st, row_keys[i]);
    draw_menu_texts(st, dl, title_key, NULL, rows, NULL, n);
}

static void draw_kind_menu(const desk_state *st, draw_list *dl) {
    const char *rows[16];
    int n = desk_finding_kind_count();
    for (int i = 0; i < n; i++)
        rows[i] = desk_finding_kind_get(i)->label;
    draw_menu(st, dl, "menu.finding", rows, n);
}

static void draw_note(const desk_state *st, draw_list *dl) {
    const desk_rect box = desk_layout.note, field = desk_layout.note_field;
    dl_fill(dl, box, C_DIALOG);
    dl_frame(dl, box, 2, C_ACCENT);
    dl_box(dl, (desk_rect){box.x, box.y, box.w, field.y - box.y});
    dl_text(dl, box.x + 16, box.y + 30, 17, C_ACCENT, 1, 0, "%s",
            desk_tr(st, desk_finding_kind_get(st->pending_kind)->label));
    dl_text(dl, box.x + 16, box.y + 58, 14, C_DIM, 0, 0, "%s", desk_tr(st, "note.prompt"));
    dl_fill(dl, field, 0xFF0E0C0Au);
    dl_box(dl, field);
    /* what is typed: its end stays in sight (a long note's start is cut) */
    dl_text(dl, field.x + field.w - 8, field.y + 24, 16, C_TEXT, 0, 2, "%s_", st->note);
    draw_cmd *c = &dl->cmd[dl->n - 1];
    if (desk_text_width(st, c) < c->max_w) c->x = field.x + 8, c->align = 0, c->max_w = 0;
    dl_fit_box(c, field);
}

/* The questions on offer, ten to a page; with more than ten, which page
 * and that Tab turns it. */
static void draw_ask_menu(const desk_state *st, draw_list *dl) {
    const char *rows[10];
    int dirs[10];
    int av[DESK_MAX_QUESTIONS], all = desk_available_questions(st, av, DESK_MAX_QUESTIONS);
    int pages = (all + 9) / 10, page = st->ask_page < pages ? st->ask_page : 0;
    int first = page * 10, n = all - first < 10 ? all - first : 10;
    for (int i = 0; i < n; i++) {
        const char *key = desk_current_traveler(st)->questions[av[first + i]].text;
        rows[i] = desk_scn_text(st, st->lang, key);
        dirs[i] = desk_scn_dir(st, st->lang, key);
    }
    char buf[128] = ""; /* with more than ten, which page and that Tab turns it */
    if (pages > 1)
        desk_fmt(st, buf, sizeof buf, "menu.ask_page", page + 1, pages, NULL, NULL, NULL);
    draw_menu_texts(st, dl, "menu.ask", buf, rows, dirs, n);
}

static void draw_protection_menu(const desk_state *st, draw_list *dl) {
    draw_menu(st, dl, "menu.protection", desk_protection_keys + 1, PROTECT_COUNT - 1);
}

/* The decision, the referral, how many findings; Yes and No. */
static void draw_confirm(const desk_state *st, draw_list *dl) {
    static const char *keys[DECIDE_COUNT] = {"", "confirm.admit", "confirm.refuse",
                                             "confirm.second", "confirm.protect"};
    const desk_rect box = desk_layout.confirm;
    const desk_rect yes = desk_layout.confirm_yes, no = desk_layout.confirm_no;
    char buf[256];
    dl_fill(dl, box, C_DIALOG);
    dl_frame(dl, box, 2, C_ACCENT);
    dl_box(dl, (desk_rect){box.x, box.y, box.w, desk_layout.confirm_reasons.y - box.y});
    dl_text(dl, box.x + 16, box.y + 40, 18, C_TEXT, 1, 0, "%s",
            desk_fmt(st, buf, sizeof buf, keys[st->pending_decision], st->traveler + 1, 0, NULL,
                     NULL, NULL));
    dl_box(dl, (desk_rect){box.x, box.y + 52, box.w, yes.y - box.y - 52});
    if (st->pending_decision == DECIDE_PROTECTION && st->pending_protection > 0)
        dl_text(dl, box.x + 16, box.y + 70, 15, C_DIM, 0, 0, "(%s)",
                desk_tr(st, desk_protection_keys[st->pending_protection]));
    if (st->pending_decision == DECIDE_REFUSE) { /* the reasons, told to the person */
        static const char *said[] = {"confirm.reasons", "confirm.reasons_given",
                                     "confirm.reasons_interpreted"};
        const desk_rect r = desk_layout.confirm_reasons;
        dl_fill(dl, r, st->reasons ? C_BUTTON_ON : C_BUTTON);
        dl_frame(dl, r, 1, 0xFF6A625Cu);
        dl_box(dl, r);
        dl_text(dl, r.x + r.w / 2, r.y + 20, 14, C_TEXT, 0, 1, "%s",
                desk_tr(st, said[st->reasons]));
        dl_box(dl, (desk_rect){box.x, r.y + r.h, box.w, yes.y - r.y - r.h});
    }
    dl_text(dl, box.x + 16, box.y + 104, 14, C_DIM, 0, 0, "%s",
            desk_fmt(st, buf, sizeof buf, "confirm.findings", st->n_findings, 0, NULL, NULL, NULL));
    dl_fill(dl, yes, C_BUTTON_ON);
    dl_box(dl, yes);
    dl_text(dl, yes.x + yes.w / 2, yes.y + 26, 15, C_TEXT, 1, 1, "%s", desk_tr(st, "confirm.ok"));
    dl_fill(dl, no, C_BUTTON);
    dl_box(dl, no);
    dl_text(dl, no.x + no.w / 2, no.y + 26, 15, C_TEXT, 1, 1, "%s", desk_tr(st, "confirm.cancel"));
}

/* What each mode shows over the desk (NULL: nothing). */
static void (*const mode_dialogs[])(const desk_state *, draw_list *) = {
    [DESK_FLAG_KIND] = draw_kind_menu,  [DESK_FLAG_NOTE] = draw_note,
    [DESK_ASK] = draw_ask_menu,         [DESK_PROTECTION] = draw_protection_menu,
    [DESK_CONFIRM] = draw_confirm,      [DESK_DONE] = desk_draw_summary,
    [DESK_DEBRIEF] = desk_draw_debrief, [DESK_REVIEW] = desk_draw_debrief,
};
_Static_assert(sizeof mode_dialogs / sizeof mode_dialogs[0] == DESK_REVIEW + 1,
               "an entry for every desk_mode");

/* ------------------------------------------------------------ desk_draw */

static void draw_traveler_column(const desk_state *st, draw_list *dl) {
    dl_fill(dl, desk_layout.traveler, 0xFF241F1Bu);
    if (st->mode != DESK_DONE && st->mode != DESK_REVIEW) desk_draw_traveler(st, dl);
}

static void draw_panels(const desk_state *st, draw_list *dl) {
    desk_draw_tutorial_marks(st, dl);
    if (st->mrz_panel) desk_draw_mrz_panel(st, dl);
    if (st->ref_panel) desk_draw_ref_panel(st, dl);
    if (st->transcript) desk_draw_transcript(st, dl);
    if (st->compare) desk_draw_compare(st, dl);
    if (st->findings_panel) desk_draw_findings_list(st, dl);
    if (st->ident_panel) desk_draw_ident(st, dl);
    if (st->sys_panel) desk_draw_sys(st, dl);
    if (st->second.panel) desk_draw_second(st, dl);
}

static void draw_dialog(const desk_state *st, draw_list *dl) {
    desk_draw_tutorial(st, dl);
    dl_box(dl, (desk_rect){0, 0, 0, 0});
    if (mode_dialogs[st->mode]) mode_dialogs[st->mode](st, dl);
}

static void draw_help(const desk_state *st, draw_list *dl) {
    if (st->help) desk_draw_help(st, dl);
}

/* "Leave the desk?": what is kept, and the two answers. */
static void draw_quit(const desk_state *st, draw_list *dl) {
    if (!st->quit_ask) return;
    const desk_rect q = desk_layout.quit, yes = desk_layout.quit_yes, no = desk_layout.quit_no;
    char buf[320];
    dl_fill(dl, desk_layout.screen, 0x80000000u); /* the desk stays visible, dimmed */
    dl_fill(dl, q, C_DIALOG);
    dl_frame(dl, q, 2, C_ACCENT);
    dl_box(dl, q);
    dl_text(dl, q.x + 20, q.y + 34, 18, C_ACCENT, 1, 0, "%s", desk_tr(st, "quit.title"));
    dl->cmd[dl->n - 1].max_w = q.w - 40;
    dl_text(dl, q.x + 20, q.y + 66, 15, C_TEXT, 0, 0, "%s",
            desk_fmt(st, buf, sizeof buf, "quit.kept", st->n_decided, st->session->n_travelers,
                     NULL, NULL, NULL));
    dl->cmd[dl->n - 1].max_w = -(q.w - 40);
    dl->cmd[dl->n - 1].lines = 5;
    dl_fill(dl, yes, C_BUTTON);
    dl_frame(dl, yes, 1, C_ACCENT);
    dl_box(dl, yes);
    dl_text(dl, yes.x + yes.w / 2, yes.y + 26, 15, C_TEXT, 1, 1, "%s", desk_tr(st, "quit.yes"));
    dl->cmd[dl->n - 1].max_w = yes.w - 8;
    dl_fill(dl, no, C_BUTTON_ON);
    dl_frame(dl, no, 1, C_ACCENT);
    dl_box(dl, no);
    dl_text(dl, no.x + no.w / 2, no.y + 26, 15, C_TEXT, 1, 1, "%s", desk_tr(st, "quit.no"));
    dl->cmd[dl->n - 1].max_w = no.w - 8;
}

/* Right-to-left: mirror every command's position across the screen (text
 * anchors flip side); textures keep their own orientation. */
void dl_mirror(draw_list *dl) {
    for (int i = 0; i < dl->n; i++) {
        draw_cmd *c = &dl->cmd[i];
        if (c->kind == DRAW_TEXT) {
            c->x = DESK_W - c->x;
            c->align = c->align == 0 ? 2 : c->align == 2 ? 0 : 1;
            if (c->box.w > 0) c->box.x = DESK_W - c->box.x - c->box.w;
        } else if (!(c->kind == DRAW_CLIP && c->w <= 0)) {
            c->x = DESK_W - c->x - c->w;
        }
    }
}

/* Each part of the screen, in the order painted; each boxes its own texts
 * (dl_box), the box cleared between parts. */
static void (*const parts[])(const desk_state *, draw_list *) = {
    draw_top_bar, draw_traveler_column, draw_desk, draw_panels, draw_loupe,
    draw_toolbar, draw_dialog,          draw_help, draw_quit};

void desk_draw(const desk_state *st, draw_list *dl) {
    dl->n = 0;
    dl->used = 0;
    dl_fill(dl, desk_layout.screen, C_BG);
    for (size_t i = 0; i < sizeof parts / sizeof parts[0]; i++) {
        dl_box(dl, (desk_rect){0, 0, 0, 0});
        parts[i](st, dl);
    }
    if (desk_rtl(st)) dl_mirror(dl);
}
