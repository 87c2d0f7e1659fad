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
 *   ovd     an optically variable element over the pixel (mb_ovd: a
 *           diffractive foil, colour-shifting ink, a changeable laser image),
 *           with its coverage (ovd_cov) and argument (ovd_arg: a grating's
 *           orientation and period, an ink's shift, which CLI image)
 *   retro   coverage of a retroreflective laminate pattern (seen under
 *           coaxial light only)
 * Layers composite bottom to top: sub, bg, uv, fg, then the ovd element.
 * A laser perforation is a hole: the substrate "perforation" (light.h).
 *
 * A buffer may hold only a window of the page (matbuf_init_window): what
 * the loupe magnifies at 2400 dpi is a few hundred pixels square, never the
 * whole page at that resolution. Painters always speak page pixels; the
 * window's origin is subtracted when a pixel is stored (matbuf_has,
 * matbuf_at), so a window holds exactly the pixels the whole page has there.
 */
#ifndef BL_MATBUF_H
#define BL_MATBUF_H

#include <stddef.h>
#include <stdint.h>

#include "err.h"
#include "material.h"

#define MATBUF_MAX_INKS 64
#define MATBUF_MAX_SUBS 8

typedef enum { LAYER_BG, LAYER_UV, LAYER_FG, LAYER_COUNT } mb_layer;

/* What an ovd pixel is (light_tilt.h renders each). */
typedef enum {
    OVD_NONE,
    OVD_HOLO,  /* diffractive foil: ovd_arg = orientation (high 4 bits, 16ths of
                  180 degrees) and grating period (low 4 bits, OVD_PERIOD_NM) */
    OVD_SHIFT, /* colour-shifting ink over the fg ink: ovd_arg = its pair (OVD_SHIFT_*) */
    OVD_CLI_A, /* changeable laser image: seen tilted towards the viewer (tilt < 0) */
    OVD_CLI_B, /* ...and tilted away (tilt > 0) */
    OVD_PRINT, /* a forger's print of a foil on top of the page: a fixed colour
                  (ovd_arg: OVD_PRINT_*) in reflected white light, whatever the tilt */
    OVD_KINDS
} mb_ovd;

/* A colour-shifting ink's pair: the genuine green to blue, a commercial
 * pigment's green to gold (a forger's wrong shift). */
enum { OVD_SHIFT_GREEN_BLUE, OVD_SHIFT_GREEN_GOLD };
/* The colours of a printed foil: a silvery ground, pale green and violet. */
enum { OVD_PRINT_SILVER, OVD_PRINT_GREEN, OVD_PRINT_VIOLET };

typedef struct matbuf {
    int w, h;           /* the planes' size: the window's */
    int ox, oy;         /* the window's top left, page pixels (0, 0 for a whole page) */
    int page_w, page_h; /* the whole page, pixels */
    double px_per_mm;
    uint8_t *sub;
    uint8_t *ink[LAYER_COUNT];
    uint8_t *cov[LAYER_COUNT];
    uint8_t *relief;
    uint8_t *thick;
    uint8_t *back;
    uint8_t *ovd, *ovd_cov, *ovd_arg; /* mb_ovd per pixel, its coverage and argument */
    uint8_t *retro;                   /* retroreflective laminate coverage */
    uint8_t back_ink;                 /* ink printed on the reverse */
    int n_inks;                       /* index 0 is "no ink" */
    mat_ink inks[MATBUF_MAX_INKS];
    int n_subs;
    mat_substrate subs[MATBUF_MAX_SUBS];
} matbuf;

/* Allocates all planes for a w x h page: substrate 0 ("none"), no ink, flat, nominal thickness. */
int matbuf_init(matbuf *mb, int w, int h, double px_per_mm, bl_err *err);
void matbuf_deinit(matbuf *mb);

/* Keeps only the window (x, y, w, h) of the page, inside the buffer's own:
 * its planes reallocated and copied, inks and substrates kept. 0, or -1
 * with err (the buffer unchanged). */
int matbuf_crop(matbuf *mb, int x, int y, int w, int h, bl_err *err);

/* Allocates the planes for the window (x, y, w, h) of a page_w x page_h
 * page (page pixels; the window may reach past the page, where nothing is
 * painted). */
int matbuf_init_window(matbuf *mb, int page_w, int page_h, int x, int y, int w, int h,
                       double px_per_mm, bl_err *err);

/* Whether page pixel (x, y) is in the buffer's window. */
static inline int matbuf_has(const matbuf *mb, int x, int y) {
    return x >= mb->ox && y >= mb->oy && x < mb->ox + mb->w && y < mb->oy + mb->h;
}

/* The planes' index of page pixel (x, y), which must be in the window. */
static inline size_t matbuf_at(const matbuf *mb, int x, int y) {
    return (size_t)(y - mb->oy) * (size_t)mb->w + (size_t)(x - mb->ox);
}

/* Adds an ink or substrate to the buffer's palette (or finds it by id) and
 * returns its index; -1 when the palette is full. */
int matbuf_ink(matbuf *mb, const mat_ink *ink);
int matbuf_substrate(matbuf *mb, const mat_substrate *s);

/* Paints `ink` with coverage `cov` (0-255) over one page pixel of a layer. Over the
 * same ink, coverages add; over another ink, the stronger one wins the pixel
 * (one ink per layer per pixel is what keeps the light passes cheap). */
static inline void matbuf_paint(matbuf *mb, mb_layer l, int x, int y, int ink, int cov) {
    if (!matbuf_has(mb, x, y) || cov <= 0 || ink <= 0) return;
    size_t i = matbuf_at(mb, x, y);
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
    if (!matbuf_has(mb, x, y)) return;
    size_t i = matbuf_at(mb, x, y);
    mb->ink[l][i] = (uint8_t)(cov > 0 ? ink : 0);
    mb->cov[l][i] = (uint8_t)(cov < 0 ? 0 : cov > 255 ? 255 : cov);
}

/* Puts an optically variable element over one page pixel (the stronger
 * coverage wins the pixel). */
static inline void matbuf_ovd(matbuf *mb, int x, int y, mb_ovd kind, int cov, int arg) {
    if (!matbuf_has(mb, x, y) || cov <= 0) return;
    size_t i = matbuf_at(mb, x, y);
    if (cov > 255) cov = 255;
    if (mb->ovd[i] && mb->ovd_cov[i] >= cov) return;
    mb->ovd[i] = (uint8_t)kind, mb->ovd_cov[i] = (uint8_t)cov, mb->ovd_arg[i] = (uint8_t)arg;
}

/* Converts millimetres to pixels at the buffer's resolution. */
static inline double matbuf_px(const matbuf *mb, double mm) {
    return mm * mb->px_per_mm;
}

#endif
