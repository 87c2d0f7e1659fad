/* desk_fit.c - see desk_fit.h. */
#include "desk_fit.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

static int text_dir_of(const draw_cmd *c, int rtl_ui) {
    if (c->dir == 1) return TEXT_DIR_LTR;
    if (c->dir == 2) return TEXT_DIR_RTL;
    return rtl_ui ? TEXT_DIR_RTL : TEXT_DIR_AUTO;
}

/* One line shrunk into c->max_w: the largest whole size at which it fits,
 * not below the desk's smallest (nor below the command's own size). */
static int shrink(const text_style *base, const draw_cmd *c, desk_fit *out, bl_err *err) {
    int floor_px = c->size < DESK_TEXT_MIN_PX ? c->size : DESK_TEXT_MIN_PX;
    int size = (int)floor(c->size * c->max_w / out->width);
    if (size >= c->size) size = c->size - 1;
    out->min_w = out->width * floor_px / c->size;
    if (size < floor_px) size = floor_px;
    text_style st = *base;
    for (;;) { /* widths scale with the size; the loop only guards rounding */
        st.size_px = size;
        text_para_free(&out->para);
        if (text_para_make(&st, c->text, 0, &out->para, err) != 0) return -1;
        if (out->para.width <= c->max_w || size <= floor_px) break;
        size--;
    }
    out->size = size;
    out->cut = out->para.width > c->max_w;
    return 0;
}

int desk_fit_cmd(const doc_fonts *f, const draw_cmd *c, int rtl_ui, desk_fit *out, bl_err *err) {
    memset(out, 0, sizeof *out);
    const text_font *latin = c->bold == DRAW_OCRB ? f->ocrb : c->bold ? f->sans_bold : f->sans;
    text_style st = {latin, f->arabic, c->size, 0, text_dir_of(c, rtl_ui)};
    const char *s = c->text ? c->text : "";
    out->size = c->size;
    if (c->max_w < 0) {
        if (text_para_make(&st, s, -c->max_w, &out->para, err) != 0) return -1;
        out->lines = out->shown = out->para.n;
        if (c->lines > 0 && out->lines > c->lines) out->shown = c->lines;
        out->width = out->para.width;
        out->cut = out->shown < out->lines || out->width > -c->max_w;
        return 0;
    }
    if (text_para_make(&st, s, 0, &out->para, err) != 0) return -1;
    out->lines = out->shown = out->para.n;
    out->width = out->min_w = out->para.width;
    if (c->max_w <= 0 || out->width <= c->max_w) return 0;
    draw_cmd one = *c;
    one.text = s;
    return shrink(&st, &one, out, err);
}

void desk_fit_free(desk_fit *fit) {
    text_para_free(&fit->para);
}

/* One line as wide as it is (cut at max_w), or a wrapped paragraph as wide
 * as its place, each line at the paragraph's start (the right end for a
 * right-to-left one), DESK_LINE_H apart; a pixel of room all round. The
 * picture's top is the ascent (rounded up) above the baseline at c->y, its
 * left end at c->x, or centred on it, or ending there (align). */
void desk_fit_picture(const desk_fit *fit, const draw_cmd *c, double zoom, desk_fit_pic *out) {
    double asc = 0, desc = 0;
    for (int i = 0; i < fit->shown; i++) {
        if (fit->para.line[i].lay.ascent > asc) asc = fit->para.line[i].lay.ascent;
        if (fit->para.line[i].lay.descent > desc) desc = fit->para.line[i].lay.descent;
    }
    int lh = DESK_LINE_H(fit->size);
    int w = c->max_w < 0 ? -c->max_w + 2 : (int)ceil(fit->para.width) + 2;
    if (c->max_w > 0 && w > c->max_w + 2) w = c->max_w + 2;
    int h = (int)ceil(asc + desc) + 2 + (fit->shown > 1 ? (fit->shown - 1) * lh : 0);
    int ascent = (int)ceil(asc) + 1;
    int left = c->align == 1 ? w / 2 : c->align == 2 ? w : 0;
    /* the picture's corner on a whole pixel of the window (the app puts it there) */
    out->x = floor((c->x - left) * zoom + 0.5), out->y = floor((c->y - ascent) * zoom + 0.5);
    out->w = w * zoom, out->h = h * zoom;
    out->n = fit->shown < 64 ? fit->shown : 64;
    for (int i = 0; i < out->n; i++) {
        const text_layout *lay = &fit->para.line[i].lay;
        double x = fit->para.rtl && (c->max_w < 0 || lay->width > w - 2) ? w - 1 - lay->width : 1;
        out->line_x[i] = out->x + x * zoom;
        out->line_y[i] = out->y + (asc + 1 + i * lh) * zoom;
    }
}

draw_cmd desk_text_cmd(int place, const char *text, int dir) {
    const desk_text_box *b = &desk_layout.text[place];
    draw_cmd c;
    memset(&c, 0, sizeof c);
    c.kind = DRAW_TEXT;
    c.text = text;
    c.size = b->size;
    c.bold = b->bold;
    c.max_w = b->lines ? -b->width : b->width;
    c.lines = b->lines;
    c.dir = dir;
    return c;
}

void desk_carried_text(const i18n *cat, const char (*keys)[48], int n, char *out, size_t cap,
                       int *ends) {
    size_t used = 0;
    out[0] = '\0';
    for (int i = 0; i < n; i++) {
        int w = snprintf(out + used, cap - used, "%s\u2022 %s", i ? "\n" : "",
                         cat ? i18n_get(cat, keys[i]) : keys[i]);
        used = w < 0 || (size_t)w >= cap - used ? cap - 1 : used + (size_t)w;
        if (ends) ends[i] = (int)used;
    }
}

int desk_text_dir(const i18n *cat, const char *key) {
    return i18n_rtl(i18n_source(cat, key)) ? 2 : 1;
}
