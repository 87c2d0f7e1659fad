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
