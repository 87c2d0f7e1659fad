/* light.h - the six lights of the examination, each a pass over a matbuf.
 *
 *   visible      white light, reflected
 *   uv           365 nm: security paper stays dull, fluorescent inks and fibres glow,
 *                brightened (ordinary) paper glows blue-white
 *   ir           870 nm, monochrome: IR-transparent inks vanish, carbon/B900 inks stay dark
 *   oblique      raking white light from the upper left: relief (intaglio, embossing,
 *                laminate edges) casts light and shadow
 *   transmitted  light from behind: watermarks (paper thickness) and see-through
 *                register (front and back print together), laser perforations
 *   coaxial      light along the line of sight (a VSC's coaxial illumination):
 *                retroreflective laminate patterns shine, a foil's specular
 *                layer is bright, matte paper darker
 *
 * Visible, oblique and coaxial views also take a tilt: the angle (degrees,
 * -45..45, positive top edge away from the viewer) the document is turned
 * about its horizontal axis. Only optically variable pixels answer it
 * (matbuf.h's ovd planes: a diffractive foil's grating, colour-shifting ink,
 * a changeable laser image); light_tilt.h says how.
 *
 * A pass reads each pixel's materials through a small per-light lookup table
 * (ink x coverage -> multiply/add), so switching lights never repaints the
 * document. Passes are pure: same matbuf, same pixels.
 */
#ifndef BL_LIGHT_H
#define BL_LIGHT_H

#include "image.h"
#include "matbuf.h"

typedef enum {
    LIGHT_VISIBLE,
    LIGHT_UV,
    LIGHT_IR,
    LIGHT_OBLIQUE,
    LIGHT_TRANSMITTED,
    LIGHT_COAXIAL,
    LIGHT_COUNT
} light_kind;

typedef unsigned light_set; /* bit (1u << light_kind) per light */
#define LIGHT_BIT(l) (1u << (l))
#define LIGHT_ALL    ((1u << LIGHT_COUNT) - 1u)

/* "visible", "uv", "ir", "oblique", "transmitted", "coaxial" */
const char *light_name(light_kind l);
const char *light_description(light_kind l); /* one line for people */
int light_from_name(const char *name);       /* -1 when unknown */

/* A document prepared for lighting: its distinct material stacks, numbered
 * once (about 20 ms for a 300 dpi TD3 page). Keeps a pointer to `mb`, which
 * must outlive it and not change. */
typedef struct light_scene light_scene;
light_scene *light_scene_create(const matbuf *mb, bl_err *err);
void light_scene_destroy(light_scene *sc);
int light_scene_stacks(const light_scene *sc); /* how many distinct stacks */

/* Renders the scene under one light into `out`, (re)allocated to the
 * document's size when needed. Uses two threads for large documents. */
int light_scene_render(const light_scene *sc, light_kind l, bl_image *out, bl_err *err);

/* Renders only the rectangle (x, y, w, h) of the scene under a light into
 * `out` (reallocated to w x h; parts outside the document are transparent).
 * The light's palette is computed on first use and kept in the scene, so the
 * loupe can redraw a small region every frame for almost nothing. */
int light_scene_render_region(light_scene *sc, light_kind l, int x, int y, int w, int h,
                              bl_image *out, bl_err *err);

/* Computes every light's palette now and lets go of the matbuf, which may
 * then be freed: the scene renders regions only (light_scene_render
 * refuses), and holds light_scene_bytes. What the loupe's tiles keep. */
int light_scene_detach(light_scene *sc, bl_err *err);

/* The memory the scene holds: 5 bytes a pixel, its stacks and its optically
 * variable pixels. */
size_t light_scene_bytes(const light_scene *sc);

/* The same two renders with the document tilted by `tilt_deg` (clamped to
 * -45..45); tilt 0 is what the functions above give. Under UV, IR and
 * transmitted light the tilt changes nothing. */
int light_scene_render_tilt(const light_scene *sc, light_kind l, double tilt_deg, bl_image *out,
                            bl_err *err);
int light_scene_render_region_tilt(light_scene *sc, light_kind l, double tilt_deg, int x, int y,
                                   int w, int h, bl_image *out, bl_err *err);

/* Whether any pixel of the scene changes with the tilt (an optically
 * variable feature): the desk re-renders only such documents when tilted. */
int light_scene_varies_with_tilt(const light_scene *sc);

/* Whether light l's picture can change with the tilt (visible, oblique, coaxial). */
int light_tilts(light_kind l);

/* One-off convenience: scene, render, release. */
int light_render(const matbuf *mb, light_kind l, bl_image *out, bl_err *err);

#endif
