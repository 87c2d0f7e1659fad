/* face_region.c - where a region of the face lies in a portrait (face.h:
 * face_region_box), from the geometry the renderer derives. */
#include "face.h"
#include "face_int.h"

/* The region's bounds in face units (frontal, before the pose). */
static int region_units(const face_geom *gp, face_region region, double u[4]) {
    const face_geom g = *gp;
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
    u[0] = x0, u[1] = y0, u[2] = x1, u[3] = y1;
    return 1;
}

/* Face units to pixels: origin (ox, oy) in pixels, upx units a pixel. */
static int to_box(const double u[4], double ox, double oy, double upx, double box[4]) {
    box[0] = u[0] / upx + ox, box[1] = u[1] / upx + oy;
    box[2] = (u[2] - u[0]) / upx, box[3] = (u[3] - u[1]) / upx;
    return box[2] > 1 && box[3] > 1;
}

int face_region_box(const face_params *p, face_region region, int w, int h, double box[4]) {
    fg_light lt;
    face_light_portrait(&lt);
    face_geom g;
    face_geom_build(&g, p, &lt, w, h, 1);
    double u[4];
    return region_units(&g, region, u) && to_box(u, g.ox * w, g.oy * h, g.upx, box);
}

int face_region_box_camera(const face_params *p, const face_capture *cap, face_region region, int w,
                           int h, double box[4]) {
    fg_light lt;
    face_light_portrait(&lt); /* where the features are does not depend on the light */
    face_geom g;
    face_geom_build(&g, p, &lt, w, h, 1);
    /* the framing face_render_camera draws: the same draws from the same seed */
    rng r;
    rng_init(&r, rng_derive(cap->seed, "framing"));
    double k = rng_range(&r, 1.12, 1.3);
    double ox = g.ox * w + rng_range(&r, -0.05, 0.05) * w,
           oy = g.oy * h + rng_range(&r, 0, 0.06) * h;
    double u[4];
    return region_units(&g, region, u) && to_box(u, ox, oy, g.upx * k, box);
}
