/* face_parts.c - the nose's nostrils and creases, the mouth (lips, the line
 * between them, teeth in a broad smile), facial marks, the lines of age and
 * of a smile, and the ears. The height field (face_geom_feat.c) gives these
 * their relief; here is their colour. */
#include "face_int.h"

/* Approximate signed distance to an ellipse turned by angle a. */
static double ellipse_d(double x, double y, double a, double b, double ang) {
    double c = cos(ang), s = sin(ang);
    double u = (x * c + y * s) / a, v = (-x * s + y * c) / b;
    return (sqrt(u * u + v * v) - 1) * fmin(a, b);
}

void fg_paint_nose(const face_geom *g, double x, double y, fg_surf *s) {
    const double S = g->scale, px = g->px;
    double nx = x - g->nose_dx;
    if (fabs(nx) > g->nose_w * 1.5 || y < g->tip_y - 0.06 * S || y > g->nose_y + 0.02 * S) return;
    double show = face_clamp(1 + 0.6 * g->p->tip_up - 4 * g->spitch, 0.3, 2);
    const double dark[3] = {g->skin[0] * 0.22, g->skin[1] * 0.16, g->skin[2] * 0.15};
    const double crease[3] = {g->skin[0] * 0.7, g->skin[1] * 0.6, g->skin[2] * 0.58};
    for (int side = -1; side <= 1; side += 2) {
        double cx = side * g->nos_x, cy = g->nos_y + g->nos_h * (1 - show) * 0.5;
        double d = ellipse_d(nx - cx, y - cy, g->nos_w, g->nos_h * show, side * 0.35);
        double k = fz_cov(d, px + 0.0025 * S);
        if (k > 0) {
            fz_mix(s->alb, dark, k * 0.85);
            s->ao *= 1 - 0.5 * k;
        }
        /* the crease around the nostril's wing */
        double ax = side * g->nose_w * 0.7, ay = g->nose_y - 0.014 * S;
        double dc = fabs(ellipse_d(nx - ax, y - ay, g->nose_w * 0.42, 0.026 * S, 0)) - 0.0015 * S;
        double upper = fz_smooth(ay + 0.012 * S, ay - 0.01 * S, y) * (side * (nx - ax) > -0.01 * S);
        fz_mix(s->alb, crease, fz_cov(dc, px + 0.002 * S) * 0.45 * upper);
    }
}

/* The lips' meeting line, top and bottom edges at q (-1..1 across). */
void fg_lip_edges(const face_geom *g, double mx, double *ym, double *yt, double *yb) {
    const double S = g->scale, q = mx / g->mouth_w, q2 = q * q < 1 ? q * q : 1;
    double pw = g->phil_w;
    *ym = g->mouth_y - g->turn * 0.012 * S * q2 + 0.002 * S * fz_exp(-mx * mx / (pw * pw));
    double peaks = fz_exp(-(fabs(mx) - pw * 0.6) * (fabs(mx) - pw * 0.6) / (pw * pw * 0.25));
    double dip = fz_exp(-mx * mx / (pw * pw * 0.12));
    *yt = *ym - g->lip_up * pow(1 - q2, 0.45) - g->bow * g->lip_up * 0.35 * peaks +
          g->bow * g->lip_up * 0.25 * dip;
    *yb = *ym + g->open + g->lip_lo * pow(1 - q2, 0.55);
}

void fg_paint_mouth(const face_geom *g, double x, double y, fg_surf *s) {
    const double S = g->scale, px = g->px;
    double mx = x - g->mouth_dx, mw = g->mouth_w;
    if (fabs(mx) > mw * 1.25 || y < g->mouth_y - g->lip_up - 0.03 * S ||
        y > g->mouth_y + g->lip_lo + g->open + 0.02 * S)
        return;
    double ym, yt, yb, q = mx / mw;
    fg_lip_edges(g, mx, &ym, &yt, &yb);
    double dup = fmax(yt - y, y - ym), dlo = fmax(ym + g->open - y, y - yb);
    double k = fz_cov(fmin(dup, dlo), px + 0.002 * S) * fz_cov((fabs(q) - 1) * mw, px);
    if (k > 0) {
        double n = 1 + 0.07 * fz_bnoise(mx * 0.15, y, 600, px, g->s_skin + 21) +
                   0.04 * fz_noise(mx * 80, y * 20, g->s_skin + 22);
        /* the upper lip faces down and is darker; the lower one catches the light
         * along its middle */
        int upper = dup < dlo;
        double mid = upper ? 0
                           : fz_exp(-pow((y - (ym + g->open + (yb - ym - g->open) * 0.45)) /
                                             (0.35 * (yb - ym - g->open) + 1e-9),
                                         2));
        double edge = fz_smooth(0.6, 1.0, fabs(q));
        double lc[3];
        for (int i = 0; i < 3; i++)
            lc[i] = g->lip[i] * n * (upper ? 0.86 : 1.0 + 0.06 * mid) * (1 - 0.12 * edge);
        fz_mix(s->alb, lc, k * (1 - 0.35 * edge));
        double sp = upper ? 0.06 : 0.12 + 0.22 * mid;
        s->spec = s->spec + (sp - s->spec) * k, s->gloss = 0.6 * k + s->gloss * (1 - k);
    }
    const double dark[3] = {g->skin[0] * 0.3, g->skin[1] * 0.2, g->skin[2] * 0.2};
    if (g->open > 0 && y > ym && y < ym + g->open && fabs(q) < 1) {
        double tk = fz_cov(fmax(ym - y, y - ym - g->open), px) * fz_smooth(0.95, 0.7, fabs(q));
        const double teeth[3] = {226, 220, 205};
        double gap = 0.8 + 0.2 * fz_smooth(0.0, 0.35, fabs(sin(mx / (0.018 * S) * 3.14159)));
        double tc[3] = {teeth[0] * gap, teeth[1] * gap, teeth[2] * gap};
        fz_mix(s->alb, dark, fz_cov(fmax(ym - y, y - ym - g->open), px));
        fz_mix(s->alb, tc, tk * fz_smooth(ym + g->open, ym + g->open * 0.6, y));
    }
    double dl = fabs(y - ym - g->open * 0.5) - 0.0012 * S - g->open * 0.5;
    double kl = fz_cov(dl, px + 0.001 * S) * (0.55 + 0.35 * fabs(q)) * (fabs(q) < 1.03);
    fz_mix(s->alb, dark, kl * (g->open > 0 ? 0.3 : 1));
    double dc = hypot(fabs(mx) - mw, y - ym) - 0.004 * S;
    fz_mix(s->alb, dark, fz_cov(dc, px + 0.004 * S) * 0.35);
}

/* A mark's place on this face: adult units grown with the face. */
static void mark_at(const face_geom *g, const face_mark *m, double *mx, double *my) {
    double k = g->child;
    *mx = m->x * g->scale * (1 + 0.05 * k);
    *my = m->y * g->scale * (m->y > 0 ? 1 - 0.24 * k : 1 + 0.1 * k);
}

void fg_paint_marks(const face_geom *g, double x, double y, fg_surf *s) {
    const face_params *p = g->p;
    const double S = g->scale, px = g->px;
    for (int i = 0; i < p->n_marks && i < FACE_MAX_MARKS; i++) {
        const face_mark *m = &p->marks[i];
        double mx, my;
        mark_at(g, m, &mx, &my);
        double r = m->size * S, dx = x - mx, dy = y - my;
        if (fabs(dx) > r * 1.6 + 0.01 * S || fabs(dy) > r * 1.6 + 0.01 * S) continue;
        double a = face_clamp(m->strength, 0, 1), k = 0;
        double col[3];
        if (m->kind == FACE_MARK_MOLE) {
            k = fz_cov(hypot(dx, dy) - r, px + r * 0.35);
            col[0] = g->skin[0] * 0.42 + 18, col[1] = g->skin[1] * 0.36 + 8;
            col[2] = g->skin[2] * 0.34 + 4;
            a *= 0.92;
        } else if (m->kind == FACE_MARK_SCAR) {
            double c = cos(m->angle), sn = sin(m->angle);
            double u = dx * c + dy * sn, v = -dx * sn + dy * c;
            double d = fmax(fabs(v) - 0.0022 * S * (1 - 0.6 * (u / r) * (u / r)), fabs(u) - r);
            k = fz_cov(d, px + 0.0012 * S);
            col[0] = fmin(255, g->skin[0] * 1.06 + 10), col[1] = g->skin[1] * 1.0 + 2;
            col[2] = g->skin[2] * 1.0 + 4;
            a *= 0.75;
        } else {
            double rr = r * (1 + 0.35 * fz_noise(x * 70 / S, y * 70 / S, (uint32_t)i * 977u + 5));
            k = fz_cov(hypot(dx, dy) - rr, px + 0.006 * S);
            col[0] = g->skin[0] * 0.84, col[1] = g->skin[1] * 0.74, col[2] = g->skin[2] * 0.7;
            a *= 0.55;
        }
        fz_mix(s->alb, col, k * a);
    }
}

/* Forehead lines and crow's feet (age, and a smile's). */
void fg_paint_lines(const face_geom *g, double x, double y, fg_surf *s) {
    const double S = g->scale, px = g->px, old = g->old;
    const double dark[3] = {g->skin[0] * 0.72, g->skin[1] * 0.64, g->skin[2] * 0.62};
    if (old > 0.1 && y < g->brow_y - 0.03 * S && y > g->hl_y + 0.02 * S && fabs(x) < 0.24 * S) {
        double fx = x / (0.24 * S), k = 0;
        double wob = 0.006 * S * fz_noise(x * 8 / S, 0.5, g->s_skin + 40);
        double str = 0.6 + 0.4 * fz_noise(x * 25 / S, y * 10 / S, g->s_skin + 41);
        for (int i = 0; i < 3; i++) {
            double yi =
                g->brow_y - (0.055 + 0.035 * i) * S + 0.02 * S * fx * fx + wob * (1 - 0.4 * i);
            double dd = (y - yi) / (0.0018 * S + px * 0.7);
            k += fz_exp(-dd * dd) * str;
        }
        fz_mix(s->alb, dark, face_clamp(k * (old - 0.1) * 0.45 * (1 - fx * fx), 0, 0.5));
    }
    double cf = old * 0.5 + fmax(0, g->smile - 0.4) * 0.5;
    double ax = fabs(x) - g->eye_x - g->eye_w - 0.008 * S, dy = y - g->eye_y;
    if (cf > 0.05 && ax > 0 && ax < 0.06 * S && fabs(dy) < 0.05 * S) {
        double k = 0;
        for (int i = -1; i <= 1; i++) {
            double a = 0.45 * i + 0.1, c = cos(a), sn = sin(a);
            double v = -ax * sn + dy * c, u = ax * c + dy * sn;
            double dd = v / (0.0015 * S + px * 0.7);
            k += fz_exp(-dd * dd) * fz_smooth(0.055 * S, 0.01 * S, u) * (u > 0);
        }
        fz_mix(s->alb, dark, face_clamp(k * cf * 0.35, 0, 0.4));
    }
}

/* The ear's outward extent at t (0 top .. 1 bottom of the ear) as a share of
 * its protrusion; 0 where it joins the head. */
static double ear_profile(const face_geom *g, double t) {
    double a = face_clamp((0.3 - t) / 0.3, 0, 1);
    double top = (1 - g->ear_top) * sqrt(1 - a * a) + g->ear_top * fmin(1, 1.6 * (1 - a));
    double body = t < 0.3 ? top : 1 - 0.4 * pow((t - 0.3) / 0.7, 1.5);
    double free_lobe = g->ear_lobe, lt = 0.78;
    if (t > lt) {
        double u = (t - lt) / (1 - lt);
        double attached = body * (1 - u);
        double freed = body * (0.85 + 0.15 * g->ear_lsize) * sqrt(fmax(0, 1 - pow(u, 4)));
        body = attached + (freed - attached) * free_lobe;
    }
    return body;
}

double fg_ear(const face_geom *g, int side, double x, double y, double c[3]) {
    const double S = g->scale, px = g->px;
    double ax = x * side, out = g->ear_out[side > 0];
    double lobe_drop = 0.025 * S * g->ear_lobe * (0.6 + 0.8 * g->ear_lsize);
    double y0 = g->ear_y0, y1 = g->ear_y1 + lobe_drop;
    if (y < y0 - px * 2 || y > y1 + px * 2) return 0;
    double dw, W = fg_head_w(g, y, &dw);
    if (ax < W - 0.03 * S || ax > W + out + 0.02 * S) return 0;
    double t = (y - y0) / (y1 - y0);
    double e = out * ear_profile(g, face_clamp(t, 0, 1));
    double base = W - 0.012 * S;
    double d = fmax(ax - (base + e), fmax(-t, t - 1) * (y1 - y0) * 0.5);
    /* a free lobe stands apart from the cheek below its attachment */
    if (t > 0.9 && g->ear_lobe > 0.5) d = fmax(d, -(ax - W - 0.004 * S));
    double a = fz_cov(d, px);
    if (a <= 0) return 0;
    /* across the ear from the head (u 0) to its rim (1): the concha's hollow,
     * the antihelix's ridge, the scapha's groove, the helix's rolled rim */
    double u = face_clamp((ax - W + 0.006 * S) / (e + 0.006 * S), 0, 1);
    double hw = 0.18 + 0.12 * g->ear_helix, lobe = fz_smooth(0.72, 0.85, t);
    double rim = fz_smooth(1 - hw - 0.08, 1 - hw + 0.02, u);
    double groove = fz_exp(-(u - (1 - hw - 0.1)) * (u - (1 - hw - 0.1)) / 0.006) * (1 - lobe);
    double concha = (1 - fz_smooth(0.05, 0.4, u)) * fz_smooth(0.15, 0.3, t) * (1 - lobe);
    double edge = fz_smooth(0.85, 1.0, u);
    fg_surf s = {{0}, 0, 0, 1, 1, 1, 0.06, 0.3, 0.8, {0}};
    double bend = (rim - 0.5) * 0.6 - groove * 0.4 + edge * 0.5;
    s.nx = side * (0.45 + bend), s.ny = (t - 0.45) * 0.6, s.nz = 0.8;
    double m = 1 / sqrt(s.nx * s.nx + s.ny * s.ny + s.nz * s.nz);
    s.nx *= m, s.ny *= m, s.nz *= m;
    s.ao = 1 - 0.35 * groove - 0.5 * concha - 0.15 * edge;
    double flush = 0.6 + 0.4 * g->redness;
    for (int i = 0; i < 3; i++)
        s.alb[i] = g->skin[i] * (i == 0 ? 1.0 : 1 - (i == 1 ? 0.13 : 0.15) * flush) *
                   (0.95 + 0.1 * rim + 0.05 * lobe);
    fg_light_surf(g, &s, c);
    return a;
}
