/* face_geom.c - from a face's parameters to what the renderer draws: the
 * framing (the head, crown to chin, fills the same share of every portrait,
 * as ICAO asks), the child's and the old person's proportions, weight and
 * expression, the head's outline, the height field's bumps, landmarks and
 * colours. Built once per image; nothing here depends on a window. */
#include "face_int.h"

#include <string.h>

void face_light_portrait(fg_light *lt) {
    memset(lt, 0, sizeof *lt);
    double L[3] = {0.08, -0.38, 1.0};
    double n = sqrt(L[0] * L[0] + L[1] * L[1] + L[2] * L[2]);
    for (int i = 0; i < 3; i++)
        lt->L[i] = L[i] / n;
    double H[3] = {lt->L[0], lt->L[1], lt->L[2] + 1};
    n = sqrt(H[0] * H[0] + H[1] * H[1] + H[2] * H[2]);
    for (int i = 0; i < 3; i++) {
        lt->H[i] = H[i] / n;
        lt->key[i] = 0.80;
        lt->amb[i] = 0.38;
    }
    const double bg[3] = {226, 229, 232}, bg2[3] = {212, 216, 220};
    memcpy(lt->bg, bg, sizeof bg);
    memcpy(lt->bg2, bg2, sizeof bg2);
}

/* The lower face: Wz * (1 - u^n)^(1/n) * (1 - tau * u^4), u from the
 * cheekbones (0) to the chin's bottom (1): a superellipse (n 2: an oval face,
 * n 6: a square jaw) narrowed toward the chin by tau. */
static double lower_w(double u, double n, double tau) {
    return pow(fmax(0, 1 - pow(u, n)), 1 / n) * (1 - tau * u * u * u * u);
}

/* The exponent that makes the face `jaw` wide (of Wz) at the jaw's angle ug. */
static double lower_n(double jaw, double ug, double tau) {
    double lo = 1.4, hi = 10;
    for (int i = 0; i < 40; i++) {
        double m = 0.5 * (lo + hi);
        if (lower_w(ug, m, tau) < jaw)
            lo = m;
        else
            hi = m;
    }
    return 0.5 * (lo + hi);
}

/* The head's outline from the crown to the chin: its half-width at y.
 * k: y_top, y_t, y_z (cheekbones), y_b (chin's bottom), Wt, Wz, n, tau, jowl. */
static double outline_at(const double *k, double y) {
    double y_top = k[0], y_t = k[1], y_z = k[2], y_b = k[3], Wt = k[4], Wz = k[5];
    if (y <= y_top || y >= y_b) return 0;
    if (y < y_t) {
        double t = (y - y_t) / (y_top - y_t);
        return Wt * sqrt(fmax(0, 1 - t * t));
    }
    if (y < y_z) {
        double t = (y - y_t) / (y_z - y_t);
        return Wt + (Wz - Wt) * t * t * (3 - 2 * t);
    }
    double u = (y - y_z) / (y_b - y_z), w = Wz * lower_w(u, k[6], k[7]);
    return w + k[8] * exp(-(u - 0.7) * (u - 0.7) / 0.012) * (w / Wz);
}

void fg_build_outline(face_geom *g, const double *k) {
    g->y_top = k[0], g->y_t = k[1], g->y_b = k[3], g->Wt = k[4];
    g->tab_y0 = k[0];
    double dy = (k[3] - k[0]) / (FG_NW - 1);
    g->tab_idy = 1 / dy;
    for (int i = 0; i < FG_NW; i++)
        g->W[i] = outline_at(k, k[0] + i * dy);
    /* the profile: a rounded cranium, a flat face plane, the chin turning under */
    double Dm = k[4] * 0.95;
    for (int i = 0; i < FG_NW; i++) {
        double y = k[0] + i * dy;
        double u = y < 0 ? y / k[0] : y / k[3];
        double n = y < 0 ? 2.0 : 3.5;
        g->D[i] = Dm * pow(fmax(0, 1 - pow(fmin(1, fabs(u)), n)), 1 / n);
    }
    for (int i = 0; i < FG_NW; i++) {
        int a = i > 0 ? i - 1 : 0, b = i < FG_NW - 1 ? i + 1 : FG_NW - 1;
        g->dW[i] = face_clamp((g->W[b] - g->W[a]) / ((b - a) * dy), -10, 10);
        g->dD[i] = face_clamp((g->D[b] - g->D[a]) / ((b - a) * dy), -10, 10);
    }
}

double fg_head_dist(const face_geom *g, double x, double y) {
    if (y < g->y_t) { /* the cranium: an ellipse */
        double a = g->Wt, b = g->y_t - g->y_top;
        double u = x / a, v = (y - g->y_t) / b;
        return (sqrt(u * u + v * v) - 1) * fmin(a, b);
    }
    double dw, W = fg_head_w(g, y, &dw);
    double d = (fabs(x) - W) / sqrt(1 + dw * dw);
    return fmax(d, y - g->y_b);
}

void fg_geom_shape(face_geom *g, const face_params *p, double crown, double face_h) {
    const double S = g->scale, k = g->child, fat = g->fat;
    const int male = p->sex == FACE_MALE;
    double fw = p->face_w * (1 + 0.05 * k + 0.035 * fat);
    double Wz = fw * S, Wt = p->temple * fw * S * (1 + 0.03 * k);
    double jaw = p->jaw * (1 - 0.12 * k) * (1 + 0.05 * fat);
    double chin = p->chin_w * (1 + 0.1 * k);
    double y_b = face_h * S, y_z = 0.05 * S;
    double y_g = y_b * face_clamp(p->jaw_y * (1 + 0.04 * k), 0.55, 0.85);
    double ug = (y_g - y_z) / (y_b - y_z);
    double tau = face_clamp(0.9 - 1.6 * chin, 0, 0.6) * (1.2 - 0.4 * p->chin_shape);
    double kk[9] = {-crown * S,
                    -0.12 * S,
                    y_z,
                    y_b,
                    Wt,
                    Wz,
                    lower_n(jaw, ug, tau),
                    tau,
                    0.015 * S * (g->sag + 0.6 * fmax(0, fat))};
    fg_build_outline(g, kk);
    g->kz = 1.0;
    g->neck_w = (0.21 + 0.035 * male + 0.03 * fat - 0.02 * k) * S;
    g->neck_y = y_g;
    g->shoulder_y = y_b + (0.11 - 0.03 * k) * S;
    g->shoulder_w = (0.95 + 0.08 * male - 0.15 * k) * S;
    g->ear_y0 = (-0.10 + p->ear_y) * S;
    g->ear_y1 = g->ear_y0 + p->ear_h * (1 - 0.12 * k) * (1 + 0.06 * g->old) * S;
    g->ear_out[0] = g->ear_out[1] = (0.045 + 0.08 * p->ear_out) * S;
    g->ear_top = p->ear_top, g->ear_lobe = p->ear_lobe;
    g->ear_lsize = p->ear_lsize, g->ear_helix = p->ear_helix;
}

/* Age, weight and expression factors. */
static void factors(face_geom *g, const face_params *p) {
    double y = p->years;
    double k = face_clamp((17.0 - y) / 13.0, 0, 1);
    g->child = k * k * (3 - 2 * k);
    g->old = face_clamp((y - 30) / 45.0, 0, 1);
    g->sag = face_clamp((y - 45) / 35.0, 0, 1);
    g->smile = face_clamp(p->expression, 0, 1);
    g->fat = face_clamp(p->weight, -1, 1);
}

void face_geom_build(face_geom *g, const face_params *p, const fg_light *lt, int w, int h,
                     double soft) {
    memset(g, 0, sizeof *g);
    g->p = p;
    g->lt = *lt;
    factors(g, p);
    const double zoom = 1.40;
    g->upx = 2.0 / (w * zoom);
    g->px = g->upx * (soft > 1 ? soft : 1);
    /* the head's adult-unit sizes at this age and weight */
    double k = g->child;
    double crown = p->crown_h * (1 + 0.10 * k);
    double face_h = p->face_h * (1 - 0.24 * k) * (1 + 0.015 * g->sag + 0.01 * fmax(0, g->fat));
    g->scale = 1.32 / (crown + face_h);
    /* the head's middle a little above the photo's: room for hair on top */
    double H_u = h * g->upx, y_head = -0.06 * H_u;
    g->ox = 0.5;
    g->oy = 0.5 + (y_head - 0.66 + crown * g->scale) / H_u;
    fg_geom_shape(g, p, crown, face_h);
    fg_geom_features(g, p);
    fg_geom_pose(g, p);
    fg_geom_bumps(g, p);
    fg_geom_colours(g, p);
}
