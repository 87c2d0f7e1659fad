/* desk_text.c - the desk's words as textures: each string is shaped and
 * ordered (HarfBuzz, FriBidi: engine/core/text.h) once per size, weight,
 * direction and colour and kept in a cache, the least recently used dropped
 * first; text too long for its line is wrapped word by word. */
#define _POSIX_C_SOURCE 200809L
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "desk_app_int.h"

/* ------------------------------------------------------------ text */

static uint64_t text_hash(const char *s, int size, int bold, uint32_t rgba) {
    uint64_t h =
        1469598103934665603ull ^ (uint64_t)size ^ ((uint64_t)bold << 8) ^ ((uint64_t)rgba << 16);
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 1099511628211ull;
    return h;
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

text_entry *app_text_get(desk_app *a, const char *s, int size, int bold, int rtl, uint32_t rgba) {
    uint64_t h = text_hash(s, size, bold | rtl << 1, rgba);
    size_t slot = (size_t)(h % TEXT_CACHE);
    for (int probe = 0; probe < 8; probe++, slot = (slot + 1) % TEXT_CACHE) {
        text_entry *e = &a->text[slot];
        if (e->s && e->size == size && e->bold == bold && e->rtl == rtl && e->rgba == rgba &&
            !strcmp(e->s, s)) {
            e->used = a->st.frame;
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
    text_style st = {bold ? a->fonts.sans_bold : a->fonts.sans, a->fonts.arabic, size, 0, rtl};
    text_layout lay;
    bl_err err = {0};
    if (text_layout_make(&st, s, &lay, &err) != 0) return NULL;
    int w = (int)ceil(lay.width) + 2, hh = (int)ceil(lay.ascent + lay.descent) + 2;
    bl_image img;
    if (w < 1) w = 1;
    if (image_init(&img, w, hh, &err) != 0) {
        text_layout_free(&lay);
        return NULL;
    }
    memset(img.px, 0, (size_t)w * hh * 4);
    text_ctx c = {&img, rgba};
    text_layout_draw(&lay, 1, lay.ascent + 1, text_plot, &c);
    victim->t = plat_tex_create(a->p, &img, 0, 1, &err);
    victim->w = w, victim->h = hh, victim->ascent = (int)ceil(lay.ascent) + 1;
    victim->s = strdup(s);
    victim->size = size, victim->bold = bold, victim->rtl = rtl, victim->rgba = rgba,
    victim->used = a->st.frame;
    image_deinit(&img);
    text_layout_free(&lay);
    return victim->t && victim->s ? victim : NULL;
}

/* Draws a text broken into lines no wider than -c->max_w, word by word. */
void app_draw_wrapped(desk_app *a, const draw_cmd *c, int rtl) {
    int width = -c->max_w, y = c->y;
    text_style st = {c->bold ? a->fonts.sans_bold : a->fonts.sans, a->fonts.arabic, c->size, 0,
                     rtl};
    const char *p = c->text;
    char line[512];
    while (*p) {
        /* grow the line word by word while it fits */
        size_t best = 0, len = 0;
        for (;;) {
            while (p[len] && p[len] != ' ')
                len++;
            if (len >= sizeof line) break;
            memcpy(line, p, len);
            line[len] = '\0';
            text_layout lay;
            bl_err err = {0};
            double w = text_layout_make(&st, line, &lay, &err) == 0 ? lay.width : 0;
            text_layout_free(&lay);
            if (w > width && best) break;
            best = len;
            if (!p[len] || w > width) break;
            len++; /* the space */
        }
        if (!best) best = len ? len : strlen(p);
        if (best >= sizeof line) best = sizeof line - 1;
        memcpy(line, p, best);
        line[best] = '\0';
        text_entry *e = app_text_get(a, line, c->size, c->bold, rtl, c->rgba);
        if (e) {
            int x = c->x - (c->align == 1 ? e->w / 2 : c->align == 2 ? e->w : 0);
            plat_draw(a->p, e->t, x, y - e->ascent, e->w, e->h);
        }
        y += c->size * 4 / 3;
        p += best;
        while (*p == ' ')
            p++;
    }
}

void app_text_free(desk_app *a) {
    for (int i = 0; i < TEXT_CACHE; i++) {
        free(a->text[i].s);
        plat_tex_destroy(a->text[i].t);
    }
}
