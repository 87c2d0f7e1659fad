/* desk_tilt.c - the traveler's documents at the desk's tilt: a document
 * with a hologram, colour-shifting ink or a changeable laser image keeps
 * its desk-scale scene (detached from its materials: about 5 bytes a pixel),
 * and the texture of the light in use is rendered again, once, when the
 * officer tilts the documents ([ ], the wheel): about 10 ms a light for a
 * passport page, and nothing while the tilt stays. UV, IR and transmitted
 * light do not change with the tilt (light.h); neither does a document
 * without optically variable features. The loupe shows the document flat. */
#include <math.h>
#include <stdio.h>

#include "desk_app_int.h"
#include "loupe.h"

int app_slot_keep_scene(doc_slot *s, light_scene *sc, double ppm, bl_err *err) {
    if (!light_scene_varies_with_tilt(sc)) {
        light_scene_destroy(sc);
        return 0;
    }
    if (light_scene_detach(sc, err) != 0) {
        light_scene_destroy(sc);
        return -1;
    }
    s->tilt_sc = sc;
    s->tilt_ppm = ppm;
    for (int l = 0; l < LIGHT_COUNT; l++)
        s->tilt_shown[l] = 0; /* built flat */
    return 0;
}

void app_slot_tilt(desk_app *a, doc_slot *s, int l) {
    int tilt = a->st.tilt;
    if (!s->tilt_sc || l < 0 || l >= LIGHT_COUNT || !light_tilts((light_kind)l) ||
        s->tilt_shown[l] == tilt)
        return;
    s->tilt_shown[l] = tilt; /* tried once per tilt, even when it fails */
    bl_err err = {0};
    bl_image full = {0, 0, NULL};
    double ppm = s->tilt_ppm;
    for (int k = 0; k < s->t.n_pieces; k++) {
        const tpl_rect *pc = &s->t.pieces[k];
        int x = (int)lround(pc->x * ppm), y = (int)lround(pc->y * ppm);
        int w = (int)lround(pc->w * ppm), h = (int)lround(pc->h * ppm);
        if (!s->tex[l][k] || !s->disp[l][k].px ||
            light_scene_render_region_tilt(s->tilt_sc, (light_kind)l, tilt, x, y, w, h, &full,
                                           &err) != 0)
            break;
        image_resample(&full, 0, 0, w, h, &s->disp[l][k]);
        if (plat_tex_update(s->tex[l][k], &s->disp[l][k], &err) != 0) break;
    }
    if (err.msg[0]) fprintf(stderr, "borderlab: tilting %s: %s\n", s->t.id, err.msg);
    image_deinit(&full);
}
