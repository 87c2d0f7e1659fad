/* loupe.h - the examiner's magnifier, drawn on the CPU from full resolution.
 *
 * The desk shows documents at about 86 dpi; the loupe samples the document's
 * full-resolution render (600 dpi on the desk up to 8x, tiles of up to 2400
 * dpi above it: loupe_tiles.h), so microtext and printing patterns are
 * legible only through it. Output is a round RGBA image with
 * alpha 0 outside the lens and a dark rim, ready to composite.
 */
#ifndef BL_LOUPE_H
#define BL_LOUPE_H

#include "err.h"
#include "image.h"

/* Magnifies `src` around (cx, cy) (source pixels): one output pixel covers
 * `src_per_out` source pixels, sampled bilinearly. `out` is (re)allocated to
 * diameter x diameter. */
int loupe_render(const bl_image *src, double cx, double cy, double src_per_out, int diameter,
                 bl_image *out, bl_err *err);

/* Fills all of dst (already allocated) from src sampled bilinearly: dst
 * pixel (x, y) is src at (sx0 + (x + 0.5) k, sy0 + (y + 0.5) k), source
 * pixels (k < 1 magnifies; outside src is transparent). What the loupe
 * shows of a region whose sharp tiles are not built yet. */
void loupe_upsample(const bl_image *src, double sx0, double sy0, double k, bl_image *dst);

/* Box-filtered resample of the rectangle (sx, sy, sw, sh) of src into all of
 * dst (dst already allocated): each destination pixel averages the source
 * pixels it covers, so downscaled print stays free of aliasing. */
void image_resample(const bl_image *src, int sx, int sy, int sw, int sh, bl_image *dst);

#endif
