/* desk_pages.c - a passport's pages at the desk (booklet.h).
 *
 * An open passport shows one page at a time: its "side" is the page's
 * index (0 the data page), so findings, the log and scoring name a page as
 * they name a card's back. The trainee turns pages with T or a right click
 * (on), Page Down and Page Up, or the plate under the passport: "<", the
 * page's number, ">". Each turn is logged ("page", with the printed
 * number). A visa stuck on a page (desk_doc_spec.host) is its own document,
 * drawn on that page while it is shown and hidden otherwise; it follows its
 * passport wherever it is moved.
 */
#include <stdio.h>

#include "booklet.h"
#include "desk_draw_internal.h"
#include "desk_internal.h"

#define PLATE_W 200
#define PLATE_H 28

static const desk_doc_spec *spec_of(const desk_state *st, int d) {
    return &desk_current_traveler(st)->docs[d];
}

int desk_doc_pages(const desk_state *st, int d) {
    if (d < 0 || d >= st->n_docs) return 1;
    return spec_of(st, d)->passport ? BOOKLET_PAGES : 1;
}

int desk_doc_host(const desk_state *st, int d) {
    if (d < 0 || d >= st->n_docs) return d;
    int h = spec_of(st, d)->host - 1;
    return h >= 0 && h < st->n_docs && h != d ? h : d;
}

int desk_doc_hidden(const desk_state *st, int d) {
    int h = desk_doc_host(st, d);
    if (h == d) return 0;
    return st->docs[h].closed || st->docs[h].side != spec_of(st, d)->host_page;
}

/* Moves document v to just after h in the drawing order. */
static void order_after(desk_state *st, int v, int h) {
    int k = 0, n = st->n_docs;
    while (k < n && st->order[k] != v)
        k++;
    for (; k < n - 1; k++)
        st->order[k] = st->order[k + 1];
    int at = 0;
    while (at < n - 1 && st->order[at] != h)
        at++;
    for (k = n - 1; k > at + 1; k--)
        st->order[k] = st->order[k - 1];
    st->order[at + 1] = v;
}

void desk_pages_sync(desk_state *st) {
    for (int v = 0; v < st->n_docs; v++) {
        int h = desk_doc_host(st, v);
        if (h == v) continue;
        const desk_doc *p = &st->docs[h];
        desk_doc *doc = &st->docs[v];
        /* centred across the page, just under the fold; documents keep their
         * own orientation in a mirrored screen */
        int off = (p->w - doc->w) / 2;
        doc->x = desk_rtl(st) ? p->x + p->w - off - doc->w : p->x + off;
        doc->y = p->y + (int)((BOOKLET_FOLD_MM + 1) * DESK_PX_PER_MM);
        doc->closed = 0;
        order_after(st, v, h);
    }
}

void desk_act_page(desk_state *st, int d, int step, desk_log_fn log, void *ud) {
    d = desk_doc_host(st, d);
    int n = desk_doc_pages(st, d);
    if (d < 0 || n < 2 || st->docs[d].closed) return;
    desk_doc *doc = &st->docs[d];
    doc->side = ((doc->side + step) % n + n) % n;
    if (doc->side) st->turned_docs |= 1u << d;
    desk_pages_sync(st);
    char target[128];
    desk_doc_target(st, d, target, sizeof target);
    desk_emit(st, log, ud, "page", target, "{\"page\": %d, \"pages\": %d}",
              booklet_printed(doc->side), n);
    desk_status(st, "desk.page", booklet_printed(doc->side), booklet_printed(n - 1), 0);
}

/* The plate under passport d (over it when the desk ends below), kept on
 * the desk; its two buttons. */
static desk_rect plate_rect(const desk_state *st, int d, desk_rect *prev, desk_rect *next) {
    const desk_doc *doc = &st->docs[d];
    const desk_rect dk = desk_layout.desk;
    int x = (int)doc->x + doc->w / 2 - PLATE_W / 2, y = (int)doc->y + doc->h + 4;
    if (y + PLATE_H > dk.y + dk.h) y = (int)doc->y - PLATE_H - 4;
    if (y < dk.y) y = dk.y;
    if (x < dk.x) x = dk.x;
    if (x + PLATE_W > dk.x + dk.w) x = dk.x + dk.w - PLATE_W;
    if (prev) *prev = (desk_rect){x, y, PLATE_H, PLATE_H};
    if (next) *next = (desk_rect){x + PLATE_W - PLATE_H, y, PLATE_H, PLATE_H};
    return (desk_rect){x, y, PLATE_W, PLATE_H};
}

/* Whether passport d's plate is shown: open, a booklet, at the desk. */
static int plate_shown(const desk_state *st, int d) {
    return st->mode < DESK_DEBRIEF && !st->docs[d].closed && desk_doc_pages(st, d) > 1;
}

/* The place of document d in the drawing order. */
static int depth(const desk_state *st, int d) {
    for (int k = 0; k < st->n_docs; k++)
        if (st->order[k] == d) return k;
    return -1;
}

int desk_pages_click(desk_state *st, int x, int y, desk_log_fn log, void *ud) {
    int over = desk_doc_at(st, x, y, NULL, NULL);
    for (int k = st->n_docs - 1; k >= 0; k--) {
        int d = st->order[k];
        desk_rect prev, next;
        if (!plate_shown(st, d) || !desk_rect_hit(plate_rect(st, d, &prev, &next), x, y)) continue;
        if (over >= 0 && depth(st, over) > k) return 0; /* a document lies over the plate */
        if (desk_rect_hit(prev, x, y) || desk_rect_hit(next, x, y))
            desk_act_page(st, d, desk_rect_hit(next, x, y) ? 1 : -1, log, ud);
        return 1;
    }
    return 0;
}

void desk_draw_pages(const desk_state *st, draw_list *dl, int d) {
    if (!plate_shown(st, d)) return;
    desk_rect prev, next, r = plate_rect(st, d, &prev, &next);
    char buf[96];
    dl_fill(dl, r, C_DIALOG);
    dl_frame(dl, r, 1, 0xFF6A625Cu);
    dl_fill(dl, prev, C_BUTTON), dl_fill(dl, next, C_BUTTON);
    /* "previous" points back in the language's direction */
    const char *back = desk_rtl(st) ? "\u203a" : "\u2039", *on = desk_rtl(st) ? "\u2039" : "\u203a";
    dl_box(dl, prev);
    dl_text(dl, prev.x + prev.w / 2, prev.y + 20, 17, C_TEXT, 1, 1, "%s", back);
    dl_box(dl, next);
    dl_text(dl, next.x + next.w / 2, next.y + 20, 17, C_TEXT, 1, 1, "%s", on);
    dl_box(dl, (desk_rect){prev.x + prev.w, r.y, r.w - 2 * PLATE_H, r.h});
    dl_text(dl, r.x + r.w / 2, r.y + 19, 14, C_TEXT, 0, 1, "%s",
            desk_fmt(st, buf, sizeof buf, "desk.page", booklet_printed(st->docs[d].side),
                     booklet_printed(desk_doc_pages(st, d) - 1), NULL, NULL, NULL));
    dl_box(dl, (desk_rect){0, 0, 0, 0});
}
