/* doc_cover.c - a closed passport's cover (see doc.h): leather-grained board
 * in a colour chosen from the issuing state's code, the state emblem and the
 * state's name in gold foil. An image, not a matbuf: a cover is only ever
 * seen closed, in white light. */
#include <math.h>

#include "doc_kit.h"

/* text_layout_draw's callback: gold foil into the bl_image `ud`. */
static void cover_plot(void *ud, int x, int y, int cov) {
    image_blend_pixel(ud, x, y, 0xFF5CB2D6u, cov); /* gold, 0xAABBGGRR */
}

int doc_cover_render(const tpl *t, const doc_fonts *fonts, int w, int h, bl_image *out,
                     bl_err *err) {
    if (image_init(out, w, h, err) != 0) return -1;
    /* a colour per state, from its code: burgundy, green, navy, ... */
    static const uint32_t covers[4] = {0x2A1C6Eu, 0x2E5A2Au, 0x5C2E1Eu, 0x1E3A5Cu};
    unsigned hsh = 0;
    for (const char *c = t->issuing_state; *c; c++)
        hsh = hsh * 31u + (unsigned char)*c;
    uint32_t col = covers[hsh % 4];
    double rad = fmin(w, h) * 0.04;
    for (int y = 0; y < h; y++)
        for (int x = 0; x < w; x++) {
            uint8_t *p = out->px + ((size_t)y * w + x) * 4;
            double qx = fabs(x + 0.5 - w * 0.5) - (w * 0.5 - rad),
                   qy = fabs(y + 0.5 - h * 0.5) - (h * 0.5 - rad);
            double d = sqrt(fmax(qx, 0) * fmax(qx, 0) + fmax(qy, 0) * fmax(qy, 0)) - rad;
            double a = doc_edge(d);
            double grain = 0.92 + 0.08 * sin(x * 1.7 + y * 2.3) * cos(y * 0.9);
            p[0] = (uint8_t)(((col >> 16) & 255) * grain);
            p[1] = (uint8_t)(((col >> 8) & 255) * grain);
            p[2] = (uint8_t)((col & 255) * grain);
            p[3] = (uint8_t)(255 * a);
            double e =
                doc_emblem_cov(x + 0.5 - w * 0.5, y + 0.5 - h * 0.48, fmin(w, h) * 0.2, 12, 1);
            if (e > 0) { /* gold foil */
                p[0] = (uint8_t)(p[0] + (214 - p[0]) * e);
                p[1] = (uint8_t)(p[1] + (178 - p[1]) * e);
                p[2] = (uint8_t)(p[2] + (92 - p[2]) * e);
            }
        }
    const char *lines[2] = {t->state_name, "PASSPORT"};
    for (int i = 0; i < 2; i++) {
        text_style st = {fonts->sans_bold, fonts->arabic, h * (i ? 0.06 : 0.07), h * 0.004, 0};
        text_layout lay;
        if (text_layout_make(&st, lines[i], &lay, err) != 0) {
            image_deinit(out); /* the caller gets nothing to free on failure */
            return -1;
        }
        double x0 = (w - lay.width) * 0.5, y0 = i ? h * 0.86 : h * 0.16;
        text_layout_draw(&lay, x0, y0, cover_plot, out);
        text_layout_free(&lay);
    }
    return 0;
}
