/* matbuf.h - the material buffer: what each pixel of a document is made of.
 *
 * A document is painted once into this buffer (doc.h); every light is then a
 * cheap pass over it (light.h). Per pixel, in separate planes:
 *   sub     substrate index (paper, polycarbonate, photo paper, none)
 *   bg      offset print layer: ink index + coverage (guilloche, rainbow, labels)
 *   uv      invisible / fluorescent layer: ink + coverage (emblem, fibres, overprint)
 *   fg      personalisation and intaglio: ink + coverage (data, portrait, MRZ)
 *   relief  surface height 0-255 (intaglio, embossing, laminate edges)
 *   thick   paper thickness, 128 nominal (watermarks)
 *   back    coverage of print on the reverse side (see-through register)
 * Layers composite bottom to top: sub, bg, uv, fg.
 */
#ifndef BL_MATBUF_H
#define BL_MATBUF_H

#include <stdint.h>
#include "err.h"
#include "material.h"

#define MATBUF_MAX_INKS 64
#define MATBUF_MAX_SUBS 8

typedef enum { LAYER_BG, LAYER_UV, LAYER_FG, LAYER_COUNT } mb_layer;

typedef struct matbuf {
    int w, h;
    double px_per_mm;
    uint8_t *sub;
    uint8_t *ink[LAYER_COUNT];
    uint8_t *cov[LAYER_COUNT];
    uint8_t *relief;
    uint8_t *thick;
    uint8_t *back;
    uint8_t back_ink; /* ink printed on the reverse */
    int n_inks;       /* index 0 is "no ink" */
    mat_ink inks[MATBUF_MAX_INKS];
    int n_subs;
    mat_substrate subs[MATBUF_MAX_SUBS];
} matbuf;

/* Allocates all planes for a w x h page: substrate 0 ("none"), no ink, flat, nominal thickness. */
int matbuf_init(matbuf *mb, int w, int h, double px_per_mm, bl_err *err);
void matbuf_deinit(matbuf *mb);

/* Adds an ink or substrate to the buffer's palette (or finds it by id) and
 * returns its index; -1 when the palette is full. */
int matbuf_ink(matbuf *mb, const mat_ink *ink);
int matbuf_substrate(matbuf *mb, const mat_substrate *s);

/* Paints `ink` with coverage `cov` (0-255) over one pixel of a layer. Over the
 * same ink, coverages add; over another ink, the stronger one wins the pixel
 * (one ink per layer per pixel is what keeps the light passes cheap). */
static inline void matbuf_paint(matbuf *mb, mb_layer l, int x, int y, int ink, int cov) {
    if (x < 0 || y < 0 || x >= mb->w || y >= mb->h || cov <= 0 || ink <= 0) return;
    size_t i = (size_t)y * (size_t)mb->w + (size_t)x;
    if (cov > 255) cov = 255;
    int old = mb->cov[l][i];
    if (mb->ink[l][i] == ink || old == 0) {
        mb->ink[l][i] = (uint8_t)ink;
        mb->cov[l][i] = (uint8_t)(old + cov - old * cov / 255);
    } else if (cov * 2 >= old) {
        mb->ink[l][i] = (uint8_t)ink;
        mb->cov[l][i] = (uint8_t)(cov + old * (255 - cov) / 255);
    }
}

/* Replaces a layer's pixel outright (erasing, reprinting). */
static inline void matbuf_set(matbuf *mb, mb_layer l, int x, int y, int ink, int cov) {
    if (x < 0 || y < 0 || x >= mb->w || y >= mb->h) return;
    size_t i = (size_t)y * (size_t)mb->w + (size_t)x;
    mb->ink[l][i] = (uint8_t)(cov > 0 ? ink : 0);
    mb->cov[l][i] = (uint8_t)(cov < 0 ? 0 : cov > 255 ? 255 : cov);
}

/* Converts millimetres to pixels at the buffer's resolution. */
static inline double matbuf_px(const matbuf *mb, double mm) {
    return mm * mb->px_per_mm;
}

#endif
