/* matbuf.c - see matbuf.h */
#include "matbuf.h"

/* the planes, each w x h bytes, in one allocation: sub, ink and cov per
 * layer, relief, thick, back, ovd, ovd_cov, ovd_arg, retro */
#define MATBUF_PLANES 14

#include <stdlib.h>
#include <string.h>

int matbuf_init(matbuf *mb, int w, int h, double px_per_mm, bl_err *err) {
    return matbuf_init_window(mb, w, h, 0, 0, w, h, px_per_mm, err);
}

int matbuf_init_window(matbuf *mb, int page_w, int page_h, int x, int y, int w, int h,
                       double px_per_mm, bl_err *err) {
    memset(mb, 0, sizeof *mb);
    if (w <= 0 || h <= 0 || w > 16384 || h > 16384 || (size_t)w * (size_t)h > 64u * 1024u * 1024u)
        return err_set(err, "document of %dx%d pixels is out of range; lower --dpi", w, h);
    size_t n = (size_t)w * (size_t)h;
    /* One allocation for all planes: MATBUF_PLANES bytes per pixel. */
    uint8_t *all = calloc(n, MATBUF_PLANES);
    if (!all) return err_set(err, "out of memory for a %dx%d document; lower --dpi", w, h);
    mb->sub = all;
    for (int l = 0; l < LAYER_COUNT; l++) {
        mb->ink[l] = all + n * (size_t)(1 + 2 * l);
        mb->cov[l] = all + n * (size_t)(2 + 2 * l);
    }
    mb->relief = all + n * 7;
    mb->thick = all + n * 8;
    mb->back = all + n * 9;
    mb->ovd = all + n * 10;
    mb->ovd_cov = all + n * 11;
    mb->ovd_arg = all + n * 12;
    mb->retro = all + n * 13;
    memset(mb->thick, 128, n);
    mb->w = w;
    mb->h = h;
    mb->ox = x, mb->oy = y;
    mb->page_w = page_w, mb->page_h = page_h;
    mb->px_per_mm = px_per_mm;
    mb->n_inks = 1; /* index 0: no ink */
    mb->inks[0] = (mat_ink){"none", {0, 0, 0}, 0, 0, 0, {0, 0, 0}, 0};
    const mat_substrate *none = mat_substrate_find("none");
    mb->subs[0] = *none;
    mb->n_subs = 1;
    return 0;
}

int matbuf_crop(matbuf *mb, int x, int y, int w, int h, bl_err *err) {
    if (x < mb->ox || y < mb->oy || x + w > mb->ox + mb->w || y + h > mb->oy + mb->h || w <= 0 ||
        h <= 0)
        return err_set(err, "crop %d,%d %dx%d is not inside the buffer", x, y, w, h);
    if (x == mb->ox && y == mb->oy && w == mb->w && h == mb->h) return 0;
    matbuf c;
    if (matbuf_init_window(&c, mb->page_w, mb->page_h, x, y, w, h, mb->px_per_mm, err) != 0)
        return -1;
    /* every plane lies in one allocation, plane after plane (matbuf_init_window) */
    size_t n_old = (size_t)mb->w * mb->h, n_new = (size_t)w * h;
    for (int p = 0; p < MATBUF_PLANES; p++)
        for (int r = 0; r < h; r++)
            memcpy(c.sub + n_new * p + (size_t)r * w,
                   mb->sub + n_old * p + (size_t)(y - mb->oy + r) * mb->w + (x - mb->ox),
                   (size_t)w);
    /* everything but the planes and the window stays (inks, substrates, ...) */
    matbuf keep = *mb;
    memcpy(keep.ink, c.ink, sizeof keep.ink);
    memcpy(keep.cov, c.cov, sizeof keep.cov);
    keep.sub = c.sub, keep.relief = c.relief, keep.thick = c.thick, keep.back = c.back;
    keep.ovd = c.ovd, keep.ovd_cov = c.ovd_cov, keep.ovd_arg = c.ovd_arg, keep.retro = c.retro;
    keep.w = w, keep.h = h, keep.ox = x, keep.oy = y;
    free(mb->sub);
    *mb = keep;
    return 0;
}

void matbuf_deinit(matbuf *mb) {
    free(mb->sub);
    memset(mb, 0, sizeof *mb);
}

int matbuf_ink(matbuf *mb, const mat_ink *ink) {
    for (int i = 1; i < mb->n_inks; i++)
        if (strcmp(mb->inks[i].id, ink->id) == 0) return i;
    if (mb->n_inks >= MATBUF_MAX_INKS) return -1;
    mb->inks[mb->n_inks] = *ink;
    return mb->n_inks++;
}

int matbuf_substrate(matbuf *mb, const mat_substrate *s) {
    for (int i = 0; i < mb->n_subs; i++)
        if (strcmp(mb->subs[i].id, s->id) == 0) return i;
    if (mb->n_subs >= MATBUF_MAX_SUBS) return -1;
    mb->subs[mb->n_subs] = *s;
    return mb->n_subs++;
}
