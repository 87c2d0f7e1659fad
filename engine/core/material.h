/* material.h - the physical materials a document is made of.
 *
 * A document is rendered from materials, not colours: each pixel is a
 * substrate, up to three ink layers, a relief height and a paper thickness
 * (see matbuf.h). How each material answers each light is described here, as
 * measured-looking numbers for a fictional but plausible stock: security paper
 * that is dull under UV, office paper with optical brighteners that glows,
 * B900-style IR-absorbing inks, IR-transparent process inks, UV-fluorescent
 * invisible inks, metameric pairs that match in white light and split in IR.
 * The light passes (light.h) only read these tables.
 */
#ifndef BL_MATERIAL_H
#define BL_MATERIAL_H

#include <stdint.h>

typedef struct mat_ink {
    const char *id;
    uint8_t vis[3];     /* colour reflected under white light at full coverage */
    uint8_t vis_abs;    /* how opaque it is in white light (0: invisible ink) */
    uint8_t ir_abs;     /* absorption at 870 nm (255: carbon black / B900; 0: vanishes in IR) */
    uint8_t uv_abs;     /* how much it darkens what lies under it at 365 nm */
    uint8_t uv_emit[3]; /* fluorescence colour at 365 nm (all 0: none) */
    uint8_t t_opacity;  /* how much it blocks transmitted light */
} mat_ink;

typedef struct mat_substrate {
    const char *id;
    uint8_t vis[3]; /* white-light colour */
    uint8_t uv[3];  /* appearance at 365 nm: dull for security paper, bright with brighteners */
    uint8_t ir;     /* reflectance at 870 nm */
    uint8_t trans;  /* light passed through at nominal thickness */
} mat_substrate;

/* Looks up a built-in ink or substrate by id; NULL when unknown. */
const mat_ink *mat_ink_find(const char *id);
const mat_substrate *mat_substrate_find(const char *id);

/* Makes a process ink of any visible colour (rainbow steps, photo dyes):
 * IR-transparent and UV-dull, as ordinary CMY inks are. `id` must outlive it. */
mat_ink mat_ink_process(const char *id, uint8_t r, uint8_t g, uint8_t b);

#endif
