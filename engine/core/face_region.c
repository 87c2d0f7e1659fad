/* face_region.c - where a region of the face lies in a portrait (face.h:
 * face_region_box), from the geometry the renderer derives. */
#include "face.h"
#include "face_int.h"

int face_region_box(const face_params *p, face_region region, int w, int h, double box[4]) {
    fg_light lt;
    face_light_portrait(&lt);
    face_geom g;
    face_geom_build(&g, p, &lt, w, h, 1);
    double x0, x1, y0, y1, dw;
    switch (region) {
    case FACE_REGION_EYES:
        x1 = g.eye_x + 2.0 * g.eye_w, x0 = -x1;
        y0 = g.brow_y < g.eye_y ? g.brow_y - 0.05 : g.eye_y - 0.16, y1 = g.eye_y + 0.09;
        break;
    case FACE_REGION_NOSE:
        x1 = 2.4 * g.nose_w, x0 = -x1;
        y0 = g.eye_y, y1 = g.nose_y + 0.06;
        break;
    case FACE_REGION_MOUTH:
        x1 = 1.6 * g.mouth_w, x0 = -x1;
        y0 = g.nose_y + 0.02, y1 = g.mouth_y + 0.24;
        break;
    case FACE_REGION_EAR: {
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
