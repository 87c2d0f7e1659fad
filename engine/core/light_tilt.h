/* light_tilt.h - how optically variable pixels answer the tilt (private to
 * light.c, which owns the scene; users call light.h's *_tilt functions).
 *
 * A scene keeps its optically variable pixels (matbuf.h's ovd planes) apart,
 * as a list sorted by position with an index per row: a passport's foil and
 * inks are a few percent of its pixels, so a tilt re-renders the page by
 * rendering it flat (the stacks' palette) and then re-colouring only these.
 *
 *   OVD_HOLO   a diffractive foil (a transparent high-index layer, so what it
 *              covers shows through). A grating of period d whose lines lie at
 *              angle phi sends the lamp's light to the eye at the wavelength
 *              lambda = d |sin(lamp) + sin(tilt)| |cos phi| (first order); the
 *              pixel shines in that colour when it is visible (380..720 nm),
 *              else shows the foil's faint sheen. The lamp is 45 degrees above
 *              the page in white light, 70 in raking light; under coaxial
 *              light only the Littrow order returns, lambda = 2 d |sin tilt| |cos phi|,
 *              and the foil's specular layer shines. Two sets of pixels with
 *              different periods light up on either side of flat: the image
 *              changes with the tilt.
 *   OVD_SHIFT  colour-shifting ink (thin-film interference): the fg ink's
 *              colour moves towards its pair's second colour as the viewing
 *              angle grows (|tilt|, plus 40 degrees under raking light), fully
 *              by about 28 degrees. Flat, under white light, it is the ink alone.
 *   OVD_CLI_*  a changeable laser image: engraved through lenticular lenses at
 *              two angles; image A is seen tilted towards the viewer, image B
 *              away, both at half strength flat. Also dark in IR (carbon),
 *              seen there straight on.
 *   OVD_PRINT  a forger's printed imitation of a foil: a fixed colour in
 *              reflected white light (visible, oblique, coaxial), in inks
 *              that neither fluoresce, absorb IR nor block the light box.
 * Nothing here answers UV or transmitted light.
 */
#ifndef BL_LIGHT_TILT_H
#define BL_LIGHT_TILT_H

#include <stddef.h>
#include <stdint.h>

#include "light.h"
#include "matbuf.h"

typedef struct light_ovd {
    int w, h;      /* the scene's size */
    uint32_t n;    /* optically variable pixels */
    uint32_t *at;  /* per pixel: its index in the scene, ascending */
    uint8_t *kind; /* per pixel: mb_ovd, coverage, argument */
    uint8_t *cov, *arg;
    uint32_t *row; /* h + 1 offsets into the lists: row y's pixels are row[y]..row[y+1]-1 */
} light_ovd;

/* Collects mb's optically variable pixels; 0, or -1 when out of memory. */
int light_ovd_init(light_ovd *o, const matbuf *mb);
void light_ovd_deinit(light_ovd *o);
size_t light_ovd_bytes(const light_ovd *o);

/* Re-colours, in `px` (RGBA, w x h, showing the scene's rectangle at x0, y0),
 * the optically variable pixels as light l shows them at tilt_deg. */
void light_ovd_apply(const light_ovd *o, light_kind l, double tilt_deg, uint8_t *px, int x0, int y0,
                     int w, int h);

/* The colour-shifting ink's pair (OVD_SHIFT_*): the colour flat and fully tilted. */
void light_ovd_shift_colours(int pair, uint8_t flat[3], uint8_t tilted[3]);

#endif
