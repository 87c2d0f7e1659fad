/* text_tex.c - see text_tex.h. Laid out at the desk's
 * 1280x720, it is rasterised at the window's own pixels (1.5 times in a
 * 1920x1080 window), so the words are sharp where the window is bigger and
 * break and fit exactly as laid out (what tests/test_desk_layout checks at
 * both sizes). */
#define _POSIX_C_SOURCE 200809L
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "text_tex.h"

#include "desk_fit.h"

static int rtl_now(const text_tex *t) {
    return t->is_rtl ? t->is_rtl(t->rtl_ud) : t->rtl;
}

/* The cache's key: everything desk_fit_cmd lays a command out by, and the colour. */
static uint64_t text_hash(const draw_cmd *c, int rtl_ui) {
    uint64_t h = 1469598103934665603ull;
    const int parts[] = {c->size, c->bold, c->max_w, c->lines, c->dir, rtl_ui};
    for (size_t i = 0; i < sizeof parts / sizeof parts[0]; i++)
        h = (h ^ (uint64_t)(unsigned)parts[i]) * 1099511628211ull;
    h ^= (uint64_t)c->rgba << 16;
    for (const char *s = c->text; *s; s++)
        h = (h ^ (unsigned char)*s) * 1099511628211ull;
    return h;
}

static int same_text(const text_entry *e, const draw_cmd *c, int rtl_ui, int zoom_pct) {
    return e->s && e->size == c->size && e->bold == c->bold && e->max_w == c->max_w &&
           e->lines == c->lines && e->dir == c->dir && e->rtl_ui == rtl_ui && e->rgba == c->rgba &&
           e->zoom_pct == zoom_pct && !strcmp(e->s, c->text);
}

typedef struct {
    bl_image *img;
    uint32_t rgba;
} text_ctx;

static void text_plot(void *ud, int x, int y, int cov) {
    text_ctx *c = ud;
    if (x < 0 || y < 0 || x >= c->img->w || y >= c->img->h) return;
    uint8_t *p = c->img->px + ((size_t)y * c->img->w + x) * 4;
    int a = cov * (int)(c->rgba >> 24) / 255;
    if (a > p[3]) {
        p[0] = (uint8_t)c->rgba, p[1] = (uint8_t)(c->rgba >> 8), p[2] = (uint8_t)(c->rgba >> 16);
        p[3] = (uint8_t)a;
    }
}

/* The fitted text as a picture of `zoom` window pixels per logical one,
 * placed as desk_fit_picture says (one owner for where a text's lines go:
 * the layout test measures the same); e gets its size and place. */
static int fit_image(const desk_fit *fit, const draw_cmd *c, double zoom, bl_image *img,
                     text_entry *e, bl_err *err) {
    desk_fit_pic pic, at1;
    desk_fit_picture(fit, c, zoom, &pic);
    desk_fit_picture(fit, c, 1, &at1);
    int w = (int)ceil(pic.w - 1e-9), h = (int)ceil(pic.h - 1e-9);
    if (image_init(img, w, h, err) != 0) return -1;
    memset(img->px, 0, (size_t)w * h * 4);
    text_ctx ctx = {img, c->rgba};
    for (int i = 0; i < pic.n; i++)
        text_layout_draw_zoomed(&fit->para.line[i].lay, pic.line_x[i] - pic.x,
                                pic.line_y[i] - pic.y, zoom, text_plot, &ctx);
    e->w = w, e->h = h;
    e->lw = (int)at1.w, e->ascent = c->y - (int)at1.y;
    return 0;
}

text_entry *text_tex_get(text_tex *a, const draw_cmd *c) {
    int rtl_ui = rtl_now(a);
    double zoom = a->zoom > 0 ? a->zoom : 1;
    int zoom_pct = (int)lround(zoom * 100);
    uint64_t h = (text_hash(c, rtl_ui) ^ (uint64_t)zoom_pct) * 1099511628211ull;
    size_t slot = (size_t)(h % TEXT_CACHE);
    for (int probe = 0; probe < 8; probe++, slot = (slot + 1) % TEXT_CACHE) {
        text_entry *e = &a->text[slot];
        if (same_text(e, c, rtl_ui, zoom_pct)) {
            e->used = a->frame;
            return e;
        }
    }
    /* Not cached: take a free slot, or the least recently used of the probe window. */
    slot = (size_t)(h % TEXT_CACHE);
    text_entry *victim = &a->text[slot];
    for (int probe = 0; probe < 8; probe++) {
        text_entry *e = &a->text[(slot + (size_t)probe) % TEXT_CACHE];
        if (!e->s) {
            victim = e;
            break;
        }
        if (e->used < victim->used) victim = e;
    }
    free(victim->s);
    plat_tex_destroy(victim->t);
    memset(victim, 0, sizeof *victim);
    desk_fit fit;
    bl_err err = {0};
    bl_image img;
    if (desk_fit_cmd(a->fonts, c, rtl_ui, &fit, &err) != 0 ||
        fit_image(&fit, c, zoom, &img, victim, &err) != 0) {
        desk_fit_free(&fit);
        return NULL;
    }
    victim->t = plat_tex_create(a->p, &img, 0, 1, &err);
    victim->zoom_pct = zoom_pct;
    victim->s = strdup(c->text);
    victim->size = c->size, victim->bold = c->bold, victim->max_w = c->max_w;
    victim->lines = c->lines, victim->dir = c->dir, victim->rtl_ui = rtl_ui;
    victim->rgba = c->rgba, victim->used = a->frame;
    image_deinit(&img);
    desk_fit_free(&fit);
    return victim->t && victim->s ? victim : NULL;
}

/* Draws a text command: its baseline's left end, centre or right end at
 * (x, y) (a wrapped text: its place's). */
void text_tex_draw(text_tex *a, const draw_cmd *c) {
    text_entry *e = text_tex_get(a, c);
    if (!e) return;
    int x = c->x - (c->align == 1 ? e->lw / 2 : c->align == 2 ? e->lw : 0);
    int y = c->y - e->ascent;
    if (e->zoom_pct == 100) {
        plat_draw(a->p, e->t, x, y, e->w, e->h);
        return;
    }
    /* at whole window pixels, one texture pixel to one window pixel */
    double z = e->zoom_pct / 100.0;
    plat_draw_f(a->p, e->t, floor(x * z + 0.5) / z, floor(y * z + 0.5) / z, e->w / z, e->h / z);
}

/* A measure of a command (its lines, or its width), kept in a small cache:
 * the desk asks for the same ones every frame. */
static int measure_cached(text_tex *a, const draw_cmd *c, int want_width) {
    draw_cmd k = *c;
    k.rgba = want_width ? 0x57u : 0; /* the colour changes neither: it keys which measure */
    int rtl = rtl_now(a);
    uint64_t h = text_hash(&k, rtl);
    text_measured *m = &a->measured[h % MEASURE_CACHE];
    if (m->s && m->hash == h && !strcmp(m->s, c->text)) return m->lines;
    desk_fit fit;
    bl_err err = {0};
    int v = want_width ? 0 : 1;
    if (desk_fit_cmd(a->fonts, c, rtl, &fit, &err) == 0) {
        v = want_width ? (int)ceil(fit.para.width) : fit.shown;
        if (want_width && c->max_w > 0 && v > c->max_w) v = c->max_w;
    }
    desk_fit_free(&fit);
    free(m->s);
    m->s = strdup(c->text);
    m->hash = h, m->lines = v;
    return v;
}

int text_tex_lines(void *ud, const draw_cmd *c) {
    return measure_cached(ud, c, 0);
}

int text_tex_width(void *ud, const draw_cmd *c) {
    return measure_cached(ud, c, 1);
}

void text_tex_free(text_tex *a) {
    for (int i = 0; i < TEXT_CACHE; i++) {
        free(a->text[i].s);
        plat_tex_destroy(a->text[i].t);
    }
    for (int i = 0; i < MEASURE_CACHE; i++)
        free(a->measured[i].s);
    memset(a->text, 0, sizeof a->text);
    memset(a->measured, 0, sizeof a->measured);
}
