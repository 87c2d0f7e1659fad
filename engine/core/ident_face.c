/* ident_face.c - see ident_face.h. */
#include "ident_face.h"

#include <math.h>

#include "desk.h"
#include "face_int.h"
#include "scenario.h"

void ident_faces_make(const doc_spec *first, int rel, int years, int beard, int glasses,
                      double impostor, ident_faces *out) {
    const doc_holder *h = &first->holder;
    uint64_t seed = first->seed ^ 0x1D3A7C00ull;
    doc_portrait_face(first, h, &out->portrait);
    face_params from = out->portrait;
    switch (rel) {
    case SCN_FACE_AGED:
        face_relate(&from, FACE_REL_AGED, seed, years, &out->person);
        break;
    case SCN_FACE_LOOKALIKE:
        face_relate(&from, FACE_REL_LOOKALIKE, seed, 0, &out->person);
        break;
    case SCN_FACE_SIBLING:
        face_relate(&from, FACE_REL_SIBLING, seed, 3, &out->person);
        break;
    case SCN_FACE_MORPH: /* the partner of the morph, photographed again */
        doc_morph_partner(first, h, &from);
        face_relate(&from, FACE_REL_SAME, seed, 0, &out->person);
        break;
    default:
        if (impostor > 0) { /* traveler.impostor alone: a look-alike by that amount */
            out->person = from;
            face_vary(&out->person, first->seed ^ 0x1390u, impostor);
        } else {
            face_relate(&from, FACE_REL_SAME, seed, 0, &out->person);
        }
    }
    if (beard) face_set_beard(&out->person, FACE_BEARD_FULL);
    if (glasses) face_set_glasses(&out->person, FACE_GLASSES_METAL);
    out->differs = face_diff(&out->portrait, &out->person);
}

unsigned ident_cites_of(uint32_t face_bits) {
    unsigned out = 0;
    for (int f = 0; f < FACE_FEATURE_CITES; f++) {
        int k = face_feature_from_name(desk_face_feature_id(f));
        if (k >= 0 && (face_bits & FACE_BIT(k))) out |= 1u << f;
    }
    return out;
}

int ident_face_region(const face_params *p, int region, int w, int h, double box[4]) {
    fg_light lt;
    face_light_portrait(&lt);
    face_geom g;
    face_geom_build(&g, p, &lt, w, h, 1);
    double x0, x1, y0, y1, dw;
    switch (region) {
    case FACE_ZOOM_EYES:
        x1 = g.eye_x + 2.0 * g.eye_w, x0 = -x1;
        y0 = g.brow_y < g.eye_y ? g.brow_y - 0.05 : g.eye_y - 0.16, y1 = g.eye_y + 0.09;
        break;
    case FACE_ZOOM_NOSE:
        x1 = 2.4 * g.nose_w, x0 = -x1;
        y0 = g.eye_y, y1 = g.nose_y + 0.06;
        break;
    case FACE_ZOOM_MOUTH:
        x1 = 1.6 * g.mouth_w, x0 = -x1;
        y0 = g.nose_y + 0.02, y1 = g.mouth_y + 0.24;
        break;
    case FACE_ZOOM_EAR: {
        double hw = fg_head_w(&g, 0.5 * (g.ear_y0 + g.ear_y1), &dw);
        x0 = -hw - 0.16, x1 = -hw + 0.10;
        y0 = g.ear_y0 - 0.05, y1 = g.ear_y1 + 0.05;
        break;
    }
    default:
        return 0;
    }
    box[0] = x0 / g.upx + g.ox * w, box[1] = y0 / g.upx + g.oy * h;
    box[2] = (x1 - x0) / g.upx, box[3] = (y1 - y0) / g.upx;
    return box[2] > 1 && box[3] > 1;
}
