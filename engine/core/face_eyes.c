/* face_eyes.c - eyes (lids, lashes, crease, fold, sclera, iris, pupil and the
 * catch light), eyebrows, and glasses with the shadow they cast. */
#include "face_int.h"

static const double lash[3] = {28, 22, 20};

/* The upper and lower lids' heights at q (-1 inner corner .. 1 outer), as
 * offsets from the eye's centre line (negative up). */
static void lids(const face_geom *g, double q, double *yu, double *yl, double *yu0) {
    double a = g->eye_pku, b = g->eye_pkl;
    double qa = (q - a) / (1 - a * q), qb = (q - b) / (1 - b * q);
    double fu = 1 - qa * qa, fl = 1 - qb * qb;
    fu = fu < 0 ? 0 : fu, fl = fl < 0 ? 0 : fl;
    *yu0 = -g->eye_hu * sqrt(fu);
    /* an epicanthic fold covers the inner corner from above */
    double fold = g->fold * fz_smooth(-0.2, -1.0, q);
    *yu = *yu0 * (1 - 0.55 * fold);
    *yl = g->eye_hl * pow(fl, 0.7);
}

/* Inside the opening: sclera, iris, pupil, catch light. */
static void eyeball(const face_geom *g, int side, double lx, double dy, double q, double yu,
                    double yl, double cov, fg_surf *s) {
    const double S = g->scale, r = g->iris_r, px = g->px;
    double col[3] = {196, 188, 182};
    double corner = fz_smooth(0.55, 1.0, fabs(q));
    const double pinkish[3] = {200, 150, 140};
    fz_mix(col, pinkish, corner * (q < 0 ? 0.5 : 0.25));
    double ly = dy + lx * g->eye_tilt;
    double lid_shade = 1 - 0.45 * fz_exp(-(ly - yu) / (0.22 * (yl - yu) + 1e-9));
    for (int i = 0; i < 3; i++)
        col[i] *= (1 - 0.3 * corner) * lid_shade;
    if (q < -0.8) { /* the caruncle */
        const double car[3] = {g->skin[0] * 0.95, g->skin[1] * 0.7, g->skin[2] * 0.7};
        fz_mix(col, car, fz_smooth(-0.8, -0.95, q));
    }
    /* lx is mirrored (outer corner > 0); the gaze and the light are not */
    double gx = side * g->gaze_x * g->eye_w, gy = -0.1 * g->eye_hu + g->gaze_y * g->eye_w;
    double dx = lx - gx, dyi = dy - gy, di = sqrt(dx * dx + dyi * dyi);
    double ci = fz_cov(di - r, px * 1.3 + r * 0.06 * (1 + 2 * g->p->morph_ghost));
    if (ci > 0) {
        double rr = di / r, ux = dx / (di + 1e-9), uy = dyi / (di + 1e-9);
        double n = fz_nb(ux * 9 + 31, uy * 9 + rr * 2.5, fz_band(9 / r, px), g->s_iris) +
                   0.5 * fz_nb(ux * 25, uy * 25 + rr * 4, fz_band(25 / r, px), g->s_iris + 1);
        double ic[3];
        for (int i = 0; i < 3; i++)
            ic[i] = g->iris[i] * (0.85 + 0.35 * n) * (1 + 0.25 * fz_smooth(0.55, 0.3, rr));
        fz_mix(ic, g->iris2, fz_smooth(0.7, 1.0, rr) * 0.8);
        const double pupil[3] = {10, 9, 9};
        fz_mix(ic, pupil, fz_cov((rr - 0.36) * r, px));
        for (int i = 0; i < 3; i++)
            ic[i] *= lid_shade;
        fz_mix(col, ic, ci);
    }
    fz_mix(s->alb, col, cov);
    /* the catch light: the key light reflected by the cornea */
    const double *L = g->lt.L;
    double hx = gx + side * L[0] * 0.45 * r, hy = gy + L[1] * 0.45 * r;
    double hd = ((lx - hx) * (lx - hx) + (dy - hy) * (dy - hy)) / (0.016 * r * r + px * px * 0.6);
    double e = 230 * fz_exp(-hd) * cov * g->lt.key[0] / 0.72;
    s->emis[0] += e, s->emis[1] += e, s->emis[2] += e;
    s->spec = 0.3, s->gloss = 1, s->sss = 0, s->ao = 1;
    (void)S;
}

void fg_paint_eye(const face_geom *g, int side, double x, double y, fg_surf *s) {
    const double ew = g->eye_w, S = g->scale, px = g->px;
    double lx = (x - side * g->eye_x) * side, dy = y - g->eye_y;
    if (fabs(lx) > ew * 1.5 || dy < -ew * 1.5 || dy > ew * 1.1) return;
    double q = lx / ew, ly = dy + lx * g->eye_tilt;
    double yu, yl, yu0;
    lids(g, face_clamp(q, -1, 1), &yu, &yl, &yu0);
    double inside = fmax(yu - ly, ly - yl);
    double cov = fabs(q) < 1 ? fz_cov(inside, px) * fz_cov((fabs(q) - 1) * ew, px) : 0;
    if (cov > 0) eyeball(g, side, lx, dy, q, yu, yl, cov, s);
    /* the upper lash line, thicker toward the outer corner, flicking out past it */
    double female = g->p->sex == FACE_FEMALE ? 1.3 : 1.0;
    double th = (0.0035 + 0.004 * fz_smooth(-1, 1, q)) * S * female * (1 - 0.3 * g->child);
    if (q > -1 && q < 1.25) {
        double qq = face_clamp(q, -1, 1);
        double ytop = yu - th - (q > 0.85 ? (q - 0.85) * 0.5 * ew * 0.25 : 0);
        double d = fmax(ly - yu - 0.3 * px, ytop - ly);
        if (q > 1) d = fmax(d, (q - (female > 1 ? 1.15 : 1.02)) * ew); /* the lashes' flick */
        double k = fz_cov(d, px) * (0.85 - 0.2 * fz_smooth(0.3, -1, qq));
        k *= 0.85 + 0.15 * fz_bnoise(lx, ly, 700, px, g->s_hair + 5);
        fz_mix(s->alb, lash, k);
        /* the lower lid's rim and lashes */
        double dl = fabs(ly - yl - 0.0015 * S) - 0.0012 * S;
        fz_mix(s->alb, lash, fz_cov(dl, px) * 0.35 * (fabs(q) < 1));
        /* the crease above the lid, or the hooded lid's shadow */
        double yc = yu0 * (1.35 + 0.9 * g->crease) - 0.008 * S * g->crease;
        double kc = fz_exp(-(ly - yc) * (ly - yc) / (0.00003 * S * S + px * px)) *
                    (0.15 + 0.2 * g->crease) * (1 - 0.8 * g->fold * fz_smooth(0, -1, qq));
        const double dark[3] = {g->skin[0] * 0.6, g->skin[1] * 0.5, g->skin[2] * 0.5};
        fz_mix(s->alb, dark, kc * fz_smooth(1.0, 0.6, fabs(q)));
        double hood = (1 - g->crease) * fz_exp(-(ly - yu + th + 0.006 * S) *
                                               (ly - yu + th + 0.006 * S) / (0.00004 * S * S));
        fz_mix(s->alb, dark, hood * 0.25 * (fabs(q) < 1.05));
    }
}

/* The brow's centre line and half-thickness at t (0 inner end .. 1 tail). */
static double brow_line(const face_geom *g, double t, double *half) {
    double pk = g->brow_peak, len = g->brow_out - g->brow_in;
    double shape =
        t < pk ? sin(1.5707963 * t / pk) : cos(1.5707963 * (t - pk) / (1 - pk)) * 0.8 + 0.2;
    if (t < 0) shape = t / pk * 1.5707963;
    *half = g->brow_th * 0.5 * (1.2 - 0.8 * pow(face_clamp(t, 0, 1), 1.6));
    return g->brow_y - g->brow_arch * shape - g->brow_tilt * (t - 0.3) * len * 0.5 +
           (1 - shape) * g->brow_th * 0.3;
}

void fg_paint_brow(const face_geom *g, int side, double x, double y, fg_surf *s) {
    const double S = g->scale, px = g->px;
    double ax = x * side, len = g->brow_out - g->brow_in;
    if (ax < g->brow_in - 0.015 * S || ax > g->brow_out + 0.015 * S) return;
    if (y < g->brow_y - g->brow_arch - 0.05 * S || y > g->brow_y + 0.04 * S) return;
    double t = (ax - g->brow_in) / len, half;
    double yb = brow_line(g, t, &half);
    double soft = px + 0.0025 * S;
    double d = fmax(fabs(y - yb) - half, fmax(-t, t - 1) * len * 0.6);
    double cov = fz_cov(d, soft);
    if (cov <= 0) return;
    /* strands rise from the inner end, then lie along the brow */
    double a = -1.1 * (1 - fz_smooth(0, 0.3, t)) - 0.15;
    double ca = cos(a), sa = sin(a);
    double along = ax * ca + y * sa, across = -ax * sa + y * ca;
    double n = 0.5 * fz_nb(across * 380 / S, along * 70 / S, fz_band(380 / S, px), g->s_hair + 7) +
               0.3 * fz_nb(across * 120 / S, along * 60 / S, fz_band(120 / S, px), g->s_hair + 8) +
               0.2 * fz_noise(x * 40 / S, y * 40 / S, g->s_hair + 9);
    double dens = g->brow_dens * (0.7 + 0.45 * n) * (1 - 0.35 * face_clamp(t, 0, 1));
    fz_mix(s->alb, g->brow, face_clamp(cov * dens, 0, 0.92));
}

/* Signed distance to a rounded rectangle of half-size w, h and corner r. */
static double rrect(double x, double y, double w, double h, double r) {
    double qx = fabs(x) - (w - r), qy = fabs(y) - (h - r);
    double ox = qx > 0 ? qx : 0, oy = qy > 0 ? qy : 0;
    return sqrt(ox * ox + oy * oy) + fmin(fmax(qx, qy), 0) - r;
}

/* Distance to the frame (rims, bridge, temples) at (x, y). */
static double frame_dist(const face_geom *g, double x, double y, double *lens) {
    double side = x < 0 ? -1 : 1, cx = side * (g->eye_x + 0.004 * g->scale);
    double lx = x - cx, ly = y - g->gl_y;
    double shape_y = ly > 0 ? ly * 1.08 : ly; /* lenses a little narrower below */
    double d = rrect(lx * (1 + 0.06 * (ly > 0)), shape_y, g->gl_w, g->gl_h, g->gl_r);
    *lens = d;
    double t = g->gl_t * 0.5, ring = fabs(d) - t;
    double inner = g->eye_x - g->gl_w + 0.004 * g->scale;
    double by = g->gl_y - g->gl_h * 0.4;
    double bridge =
        fmax(fabs(y - by - 0.004 * g->scale * (fabs(x) / inner) * (fabs(x) / inner)) - t * 0.8,
             fabs(x) - inner - t);
    double dw, W = fg_head_w(g, g->gl_y - g->gl_h * 0.55, &dw);
    double ox = g->eye_x + g->gl_w;
    double temple = fmax(fabs(y - (g->gl_y - g->gl_h * 0.55)) - t * 0.8,
                         fmax(ox - fabs(x) - t, fabs(x) - W + 0.004 * g->scale));
    return fmin(ring, fmin(bridge, temple));
}

double fg_glasses(const face_geom *g, double x, double y, double c[3]) {
    const double S = g->scale;
    if (fabs(y - g->gl_y) > g->gl_h * 1.3 || fabs(x) > g->Wt + 0.03 * S) return 0;
    double lens, d = frame_dist(g, x, y, &lens);
    double a = fz_cov(d, g->px);
    double up = face_clamp(0.5 - (y - g->gl_y) / (g->gl_h * 2), 0, 1);
    int metal = g->p->glasses == FACE_GLASSES_METAL;
    for (int i = 0; i < 3; i++)
        c[i] = g->frame[i] * (0.7 + 0.6 * up) + (metal ? 60 * up * up : 25 * up * up * up);
    if (lens < 0 && a < 1) { /* the lens: a faint tint and a reflection across it */
        double band = (x * 0.5 + (y - g->gl_y)) / g->gl_h;
        double refl = 0.06 + 0.1 * fz_exp(-(band + 0.5) * (band + 0.5) * 6);
        double lc[3] = {215, 225, 232};
        double la = fz_cov(lens, g->px) * refl;
        if (a <= 0) {
            for (int i = 0; i < 3; i++)
                c[i] = lc[i];
            return la;
        }
        (void)lc;
    }
    return a;
}

double fg_glasses_shade(const face_geom *g, double x, double y) {
    const double *L = g->lt.L, S = g->scale;
    double ox = -L[0] / L[2] * 0.012 * S, oy = -L[1] / L[2] * 0.012 * S;
    if (fabs(y - oy - g->gl_y) > g->gl_h * 1.3) return 1;
    double lens, d = frame_dist(g, x - ox, y - oy, &lens);
    return 1 - 0.45 * fz_cov(d, g->px + 0.004 * S);
}
