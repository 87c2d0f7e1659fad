/* desk_pbtn.c - see desk_pbtn.h. */
#include "desk_pbtn.h"

#include <stdio.h>

#include "desk_draw_internal.h"

pbtn *pbtn_add(pbtn_list *l, int kind, int arg, desk_rect r, const char *key, int on, int active) {
    if (l->n >= l->cap) return NULL;
    pbtn *b = &l->b[l->n++];
    b->kind = kind, b->arg = arg, b->r = r, b->on = on, b->active = active;
    snprintf(b->key, sizeof b->key, "%s", key);
    return b;
}

static void press_one(desk_state *st, const pbtn *b, pbtn_press_fn press, desk_log_fn log,
                      void *ud) {
    if (b->active) press(st, b, log, ud);
}

int pbtn_input(desk_state *st, const input_event *ev, desk_rect panel, const pbtn *bs, int n,
               int *focus, const pbtn *tab, pbtn_press_fn press, desk_log_fn log, void *ud) {
    if (ev->kind == EV_DOWN && ev->button == BUTTON_LEFT) {
        if (!desk_rect_hit(panel, ev->x, ev->y)) return 0;
        for (int i = 0; i < n; i++)
            if (desk_rect_hit(bs[i].r, ev->x, ev->y)) {
                *focus = i;
                press_one(st, &bs[i], press, log, ud);
                break;
            }
        return 1;
    }
    if (ev->kind != EV_KEY) return 0;
    if (ev->key == KEY_TAB && tab) {
        press_one(st, tab, press, log, ud);
        *focus = -1;
        return 1;
    }
    if ((ev->key == KEY_UP || ev->key == KEY_DOWN) && n > 0) {
        int step = ev->key == KEY_DOWN ? 1 : n - 1;
        *focus =
            *focus < 0 || *focus >= n ? (ev->key == KEY_DOWN ? 0 : n - 1) : (*focus + step) % n;
        return 1;
    }
    if (ev->key == KEY_RETURN && *focus >= 0 && *focus < n) {
        press_one(st, &bs[*focus], press, log, ud);
        return 1;
    }
    return 0;
}

void pbtn_draw(const desk_state *st, draw_list *dl, const pbtn *bs, int n, int focus) {
    char buf[160];
    for (int i = 0; i < n; i++) {
        const pbtn *b = &bs[i];
        int on = b->on && b->active;
        dl_fill(dl, b->r, on ? C_BUTTON_ON : b->active ? C_BUTTON : 0xFF2A2420u);
        dl_frame(dl, b->r, focus == i ? 3 : 1,
                 focus == i  ? C_ACCENT
                 : b->active ? 0xFF6A625Cu
                             : 0xFF3A3430u);
        if (!b->key[0]) continue; /* the panel writes its words */
        snprintf(buf, sizeof buf, "%s%s", b->on ? "✓ " : "", desk_tr(st, b->key));
        dl_box(dl, b->r);
        int base = b->r.h / 2 + 6 < b->r.h - 11 ? b->r.h / 2 + 6 : b->r.h - 11;
        dl_text(dl, b->r.x + b->r.w / 2, b->r.y + base, 15, b->active ? C_TEXT : 0xFF9A9A9Au, 0, 1,
                "%s", buf);
    }
}

draw_cmd *pbtn_line(const desk_state *st, draw_list *dl, int x, int y, int w, int size,
                    uint32_t rgba, int bold, const char *s) {
    (void)st;
    dl_box(dl, dl_line_box(x, y, w));
    dl_text(dl, x, y, size, rgba, bold, 0, "%s", s);
    draw_cmd *c = &dl->cmd[dl->n - 1];
    c->max_w = w;
    return c;
}

int pbtn_para(const desk_state *st, draw_list *dl, int x, int y, int w, int lines, uint32_t rgba,
              const char *s) {
    desk_rect box = {x - 4, y - 18, w + 8, 10 + lines * DESK_LINE_H(15)};
    dl_box(dl, box);
    dl_text(dl, x, y, 15, rgba, 0, 0, "%s", s);
    draw_cmd *c = &dl->cmd[dl->n - 1];
    c->max_w = -w, c->lines = lines;
    return y + desk_text_lines(st, c) * DESK_LINE_H(15);
}
