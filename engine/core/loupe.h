/* loupe.h - the examiner's magnifier, drawn on the CPU from full resolution.
 *
 * The desk shows documents at about 80 dpi; the loupe samples the document's
 * full-resolution render (600 dpi on the desk), so microtext and printing
 * patterns are legible only through it. Output is a round RGBA image with
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

/* Box-filtered resample of the rectangle (sx, sy, sw, sh) of src into all of
 * dst (dst already allocated): each destination pixel averages the source
 * pixels it covers, so downscaled print stays free of aliasing. */
void image_resample(const bl_image *src, int sx, int sy, int sw, int sh, bl_image *dst);

#endif
