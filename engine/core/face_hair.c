/* face_hair.c - hair (the mass behind the head, the hair over the scalp and
 * forehead, curtains of long hair), facial hair, and the headscarf.
 *
 * Strands are value noise stretched along the hair's flow: from the crown
 * down and outward on top, straight down (waving) at the sides; curls and
 * coils are an isotropic "billow" texture. Greying picks strands, so a
 * grey-flecked head turns to an even grey where a pixel cannot show single
 * strands. */
#include "face_int.h"

static const double grey_hair[3] = {196, 194, 190};

/* Strand texture 0..1 for a flow frame (across, along), or curls at (x, y). */
static double strands(const face_geom *g, double across, double along, double x, double y) {
    const double px = g->px, S = g->scale;
    const uint32_t sd = g->s_hair;
    int type = g->p->hair_type;
    double clump = 0.12 * fz_noise(x * 14 / S, y * 14 / S, sd + 3);
    if (type >= FACE_HAIR_CURLY) { /* curls: small bright loops between dark gaps */
        double f = type == FACE_HAIR_COILY ? 170 / S : 75 / S;
        double b1 = fz_band(f, px), b2 = fz_band(f * 2.1, px);
        double b = 0.65 * fabs(fz_nb(x * f, y * f, b1, sd)) +
                   0.35 * fabs(fz_nb(x * f * 2.1, y * f * 2.1, b2, sd + 1));
        double mean = 0.32 * b1 + 0.18 * b2;
        double coarse = 0.2 * fz_nb(x * 45 / S, y * 45 / S, fz_band(45 / S, px), sd + 4);
        return face_clamp(0.5 + 0.8 * (b - mean) + coarse + clump, 0, 1);
    }
    double wave = type == FACE_HAIR_WAVY ? 0.006 * S * sin(along * 20 / S) : 0;
    double a = across + wave;
    double n = 0.35 * fz_nb(a * 45 / S, along * 2.5 / S, fz_band(45 / S, px), sd + 5) +
               0.5 * fz_nb(a * 140 / S, along * 5 / S, fz_band(140 / S, px), sd) +
               0.32 * fz_nb(a * 380 / S, along * 12 / S, fz_band(380 / S, px), sd + 1) +
               0.18 * fz_nb(a * 900 / S, along * 30 / S, fz_band(900 / S, px), sd + 2);
    return face_clamp(0.5 + 0.75 * n + clump, 0, 1);
}

/* Hair colour with greying and its light, for texture t and normal n. */
static void hair_colour(const face_geom *g, double t, double nx, double ny, double nz, double gsel,
                        double c[3]) {
    fg_surf s = {{0}, nx, ny, nz, 1, 1, 0, 0, 0, {0}};
    double grey = g->p->grey, k = fz_smooth(-0.25, 0.25, gsel + (2 * grey - 1) * 1.25);
    double con = 0.55 * (1 - 0.45 * k); /* light hair shows its strands with less contrast */
    for (int i = 0; i < 3; i++) {
        double base = g->hair[i] + (grey_hair[i] - g->hair[i]) * k;
        s.alb[i] = base * (1.05 - con + con * t);
    }
    s.ao = 0.7 + 0.3 * t;
    /* a sheen band where the strands face the light's half vector */
    double sheen =
        fz_exp(-(ny + 0.4) * (ny + 0.4) * 14) * (g->p->hair_type >= FACE_HAIR_CURLY ? 0.2 : 1);
    s.spec = 0.04 + 0.22 * sheen * t;
    s.gloss = 0;
    fg_light_surf(g, &s, c);
}

/* The hair mass's outline at (x, y): signed distance (negative inside). */
static double mass_dist(const face_geom *g, double x, double y, int *below) {
    const double S = g->scale, v = g->vol;
    int st = g->p->hair_style;
    *below = 0;
    if (st == FACE_HAIR_VOLUME) {
        double A = g->Wt + v, top = g->y_top - v * 0.9, bot = g->hair_end;
        double B = (bot - top) * 0.5, yc = (bot + top) * 0.5;
        double u = x / A, w = (y - yc) / B;
        return (sqrt(u * u + w * w) - 1) * fmin(A, B) +
               0.012 * S * fz_noise(x * 22 / S, y * 22 / S, g->s_hair + 3);
    }
    if (y < g->y_t) {
        double A = g->Wt + v, B = g->y_t - g->y_top + v * 1.1;
        double u = x / A, w = (y - g->y_t) / B;
        double d = (sqrt(u * u + w * w) - 1) * fmin(A, B);
        if (st == FACE_HAIR_TIED && g->p->hair_len > 0.55) { /* a bun on top */
            double bu = x / (0.085 * S), bw = (y - g->y_top + 0.01 * S) / (0.06 * S);
            d = fmin(d, (sqrt(bu * bu + bw * bw) - 1) * 0.06 * S);
        }
        return d;
    }
    double dw, W = fg_head_w(g, y, &dw);
    if (st == FACE_HAIR_LONG || st == FACE_HAIR_MEDIUM) {
        *below = 1;
        double flare = st == FACE_HAIR_LONG ? 0.12 : 0.16;
        double Wm = fmax(W, g->Wt * 0.97) + v + flare * (y - g->y_t);
        /* the ends: a slow wave, and turned under a little at the sides */
        double end = g->hair_end + 0.02 * S * fz_noise(x * 7 / S, 0.5, g->s_hair + 4) -
                     0.04 * S * fz_smooth(Wm - 0.06 * S, Wm, fabs(x));
        return fmax(fabs(x) - Wm, y - end);
    }
    double taper = 1 - fz_smooth(g->y_t, g->sb_y, y);
    return fabs(x) - (W + v * taper) + (1 - taper) * 0.01 * S;
}

/* Where the scalp's hair stops: signed distance to the hair-bearing skin
 * (negative where hair grows, above the hairline and at the temples). */
double fg_hairline_dist(const face_geom *g, double x, double y) {
    const double S = g->scale, r = g->recede;
    int st = g->p->hair_style;
    double fx = x / (0.3 * S), px = (x - g->part_x) / (0.3 * S);
    /* long hair parted and swept aside covers the temples: an arch from the part */
    double swept = st == FACE_HAIR_LONG || st == FACE_HAIR_MEDIUM ? 0.09 * S * px * px : 0;
    double yh =
        g->hl_y + S * (0.04 + 0.1 * g->hl_round) * fx * fx + swept +
        g->hl_peak * 0.035 * S * fz_exp(-x * x / (0.0012 * S * S)) -
        r * 0.13 * S * fz_exp(-(fabs(x) - 0.19 * S) * (fabs(x) - 0.19 * S) / (0.008 * S * S)) -
        r * r * 0.3 * S;
    if (g->fringe_y > g->hl_y + 0.01 * S) { /* a fringe: arched, swept, its ends feathered */
        double sx = (x - g->part_x * 0.5) / (0.8 * g->Wt);
        double fy = g->fringe_y - (g->fringe_y - g->hl_y) * 0.5 * sx * sx;
        if (fabs(y - fy) < 0.02 * S)
            fy += 0.006 * S * fz_noise(x * 30 / S, 0.3, g->s_hair + 6) +
                  0.004 * S * fz_bnoise(x, 0.7, 120 / S, g->px, g->s_hair + 7);
        yh = fmax(yh, fy);
    }
    double d_top = y - yh;
    if (fabs(d_top) < 0.012 * S) /* the hairline's own irregular edge, only near it */
        d_top += 0.003 * S * fz_noise(x * 25 / S, y * 25 / S, g->s_hair + 12) +
                 0.003 * S * fz_bnoise(x, y, 150 / S, g->px, g->s_hair + 13);
    double dw, W = fg_head_w(g, y, &dw);
    double sbw = (g->p->sex == FACE_MALE ? 0.045 : 0.03) * S * (1 - 0.5 * r) *
                 (1 - 0.6 * fz_smooth(g->ear_y0 - 0.05 * S, g->sb_y, y));
    if (g->p->hair_style == FACE_HAIR_VOLUME) sbw = 0.06 * S;
    double d_side = fmax((W - sbw) - fabs(x), y - g->sb_y);
    /* a receding head keeps its hair at the sides only (from the front) */
    d_side = fmax(d_side, g->y_t - 0.05 * S - 0.3 * S * (1 - r) - y);
    return fmin(d_top, d_side);
}

double fg_hair_back(const face_geom *g, double x, double y, double c[3]) {
    int st = g->p->hair_style;
    if (st != FACE_HAIR_LONG && st != FACE_HAIR_MEDIUM && st != FACE_HAIR_VOLUME) return 0;
    int below;
    double d = mass_dist(g, x, y, &below);
    double a = fz_cov(d, g->px + 0.004 * g->scale);
    if (a <= 0) return 0;
    double t = strands(g, x, y, x, y), hc[3];
    hair_colour(g, t, 0, 0.2, 0.98,
                fz_noise(x * 260 / g->scale, y * 8 / g->scale, g->s_hair + 9) *
                    fz_band(260 / g->scale, g->px),
                hc);
    for (int i = 0; i < 3; i++)
        hc[i] *= 0.55;
    fz_mix(c, hc, a);
    return a;
}

/* The flow frame at (x, y): strands radiate from above the parting on top,
 * and hang down at the sides and below the temples. */
static void flow(const face_geom *g, double x, double y, double *across, double *along) {
    const double S = g->scale;
    double dx = x - g->part_x, dy = y - (g->y_top - 0.12 * S);
    double r = sqrt(dx * dx + dy * dy);
    double ang = fz_atan2(dx, dy);
    if (g->p->hair_style == FACE_HAIR_TIED) ang = fz_atan2(x, y - 0.1 * S) * 1.3;
    double k = fz_smooth(g->y_t - 0.05 * S, g->y_t + 0.1 * S, y);
    *across = ang * 0.45 * S * (1 - k) + x * k;
    *along = r * (1 - k) + y * k;
}

double fg_hair_front(const face_geom *g, double x, double y, double dhead, double c[3]) {
    const face_params *p = g->p;
    const double S = g->scale, px = g->px;
    int st = p->hair_style;
    if (st == FACE_HAIR_SCARF) return 0;
    if (y > g->hair_end + 0.05 * S && y > g->sb_y) return 0;
    /* deep inside the face, below any hairline or fringe: no hair */
    if (dhead < -0.07 * S && y > g->hl_y + 0.35 * S && y > g->fringe_y + 0.03 * S) return 0;
    int below;
    double dm = mass_dist(g, x, y, &below);
    if (dm > px * 2 + 0.01 * S) return 0;
    double dl = fg_hairline_dist(g, x, y);
    double d = fmax(dm, fmin(-dhead, dl));
    if (below) {                            /* curtains of long hair beside the face and neck */
        d = fmax(d, y - g->y_t - 0.08 * S); /* overlapping the curtains: no step between */
        double dw, W = fg_head_w(g, y, &dw);
        double tt = face_clamp((y - g->y_t) / (g->y_b - g->y_t), 0, 1);
        double inner = W - 0.035 * S * (1 - tt) - 0.004 * S;
        if (y > g->neck_y) /* beside the neck, never closer to it than this */
            inner = fmax(inner, g->neck_w * 1.1 + 0.25 * fmax(0, y - g->y_b));
        /* below the chin only a curtain on each side falls in front */
        double outer = inner + (0.13 + 0.06 * g->p->hair_vol) * S + 3 * fmax(0, g->y_b - y);
        double dc = fmax(fmax(dm, inner - fabs(x)), g->y_t - 0.04 * S - y);
        dc = fmax(dc, fabs(x) - outer);
        d = fmin(d, dc);
    }
    double soft = px + (st == FACE_HAIR_BALD ? 0.002 : 0.005) * S;
    if (d > soft + 0.012 * S) return 0;
    double across, along;
    flow(g, x, y, &across, &along);
    double t = strands(g, across, along, x, y);
    /* edges are strands of different lengths, not a cut line */
    double clumps = fz_noise(across * 55 / S, along * 3 / S, g->s_hair + 16);
    double a = fz_cov(d + 0.008 * S * (0.5 - t) + 0.005 * S * clumps, soft);
    if (a <= 0) return 0;
    /* thinning: the crown and a shaved head show the scalp */
    double thin = 0.6 * g->recede * g->recede * fz_smooth(g->hl_y, g->hl_y - 0.12 * S, y);
    if (st == FACE_HAIR_BALD) thin = fmax(thin, 0.55);
    a *= 1 - thin * (0.9 - 0.4 * t);
    /* the parting: a line of scalp between strands combed apart */
    if (g->p->hair_type < FACE_HAIR_CURLY && st != FACE_HAIR_TIED && st != FACE_HAIR_BALD &&
        y < g->hl_y + 0.01 * S && fabs(g->p->hair_part) > 0.15) {
        double dpart = fabs(x - g->part_x - 0.02 * S * (y - g->hl_y) / S) - 0.002 * S;
        a *= 1 - 0.55 * fz_cov(dpart, px + 0.002 * S) * fz_smooth(g->y_top, g->hl_y - 0.1 * S, y);
    }
    double A = g->Wt + g->vol, B = g->y_t - g->y_top + g->vol;
    double nx = face_clamp(x / A, -0.95, 0.95),
           ny = y < g->y_t ? face_clamp((y - g->y_t) / B, -0.95, 0.95) : 0.15;
    double nz = sqrt(fmax(0.04, 1 - nx * nx - ny * ny));
    nx += 0.25 * (t - 0.5);
    double m = 1 / sqrt(nx * nx + ny * ny + nz * nz);
    hair_colour(g, t, nx * m, ny * m, nz * m,
                fz_nb(across * 260 / S, along * 8 / S, fz_band(260 / S, px), g->s_hair + 11), c);
    return a;
}

/* Where facial hair grows: signed distance (negative inside) for the kind. */
static double beard_region(const face_geom *g, double x, double y, int kind) {
    const double S = g->scale, ax = fabs(x);
    double xm = g->mouth_w + 0.025 * S;
    double dw, Wsb = fg_head_w(g, g->sb_y, &dw);
    /* the beard's upper line: down from the sideburn to beside the mouth, then up
     * to the moustache under the nose */
    double ylow = g->mouth_y - 0.03 * S, ytm = g->nose_y + 0.012 * S, ycheek;
    if (ax > xm)
        ycheek = ylow + (g->sb_y - ylow) * pow(face_clamp((ax - xm) / (Wsb - xm), 0, 1), 1.3);
    else
        ycheek = ytm + (ylow - ytm) * (ax / xm) * (ax / xm);
    /* the moustache: from under the nose to over the upper lip, thinning outward */
    double q = fmin(1, (x - g->mouth_dx) * (x - g->mouth_dx) / (g->mouth_w * g->mouth_w));
    double ylip = g->mouth_y - g->lip_up * pow(1 - q, 0.45) + 0.004 * S;
    double ytop = g->nose_y + 0.01 * S + 0.035 * S * (ax / xm) * (ax / xm);
    double dm = fmax(fmax(ytop - y, y - ylip), ax - xm);
    if (kind == FACE_BEARD_MOUSTACHE) return dm;
    double dc = fmax(g->mouth_y - y, ax - g->mouth_w * 0.8);
    if (kind == FACE_BEARD_GOATEE) return fmin(dm, dc);
    return ycheek - y;
}

void fg_paint_beard(const face_geom *g, double x, double y, fg_surf *s) {
    const face_params *p = g->p;
    const double S = g->scale, px = g->px;
    int kind = p->beard;
    double dens = kind == FACE_BEARD_STUBBLE ? 0.4 : 0.92;
    if (kind == FACE_BEARD_NONE) kind = FACE_BEARD_STUBBLE, dens = g->stubble_amt;
    if (dens <= 0.02 || y < g->nose_y - 0.06 * S) return; /* above the softest edge */
    double d = beard_region(g, x, y, kind);
    double soft = px + (kind == FACE_BEARD_STUBBLE ? 0.035 : 0.014) * S;
    if (d > -soft * 2) /* a ragged edge of single hairs */
        d += 0.008 * S * fz_noise(x * 45 / S, y * 45 / S, g->s_hair + 15);
    double a = fz_cov(d, soft);
    if (a <= 0) return;
    /* the lips stay clear, following their shape */
    double ym, yt, yb;
    fg_lip_edges(g, x - g->mouth_dx, &ym, &yt, &yb);
    double q = (x - g->mouth_dx) / g->mouth_w;
    double dl = fmax(fmax(yt - 0.003 * S - y, y - yb - 0.004 * S), (fabs(q) - 1.02) * g->mouth_w);
    a *= 1 - fz_cov(dl, px + 0.004 * S);
    double t = 0.5;
    if (kind == FACE_BEARD_STUBBLE) /* stubble: dots, not strands */
        a *= 0.55 + 0.45 * fz_bnoise(x, y, 500 / S, px, g->s_hair + 13);
    else
        t = strands(g, x, y * 0.35, x, y);
    double gr = face_clamp(p->grey * 1.2, 0, 1), col[3];
    for (int i = 0; i < 3; i++)
        col[i] = (g->stubble[i] + (grey_hair[i] - g->stubble[i]) * gr) * (0.6 + 0.6 * t);
    fz_mix(s->alb, col, face_clamp(a * dens, 0, 0.95));
    s->spec *= 1 - a * dens, s->sss *= 1 - a * dens;
}

/* The y of the lower outline where the head is ax wide (bisection on the
 * table from the cheekbones down, where the width only shrinks). */
static double jaw_y(const face_geom *g, double ax) {
    int lo = (int)((0.05 * g->scale - g->tab_y0) * g->tab_idy), hi = FG_NW - 1;
    if (ax >= g->W[lo]) return g->tab_y0 + lo / g->tab_idy;
    while (hi - lo > 1) {
        int m = (lo + hi) / 2;
        if (g->W[m] > ax)
            lo = m;
        else
            hi = m;
    }
    double f = (g->W[lo] - ax) / (g->W[lo] - g->W[hi] + 1e-12);
    return g->tab_y0 + (lo + f) / g->tab_idy;
}

double fg_beard_out(const face_geom *g, double x, double y, double dhead, double c[3]) {
    const double S = g->scale, ax = fabs(x);
    if (y < g->mouth_y || dhead > g->beard_len + 0.03 * S) return 0;
    /* below the jaw line: as long as the beard, longest at the chin */
    double yj = jaw_y(g, ax), below = y - yj;
    double len = g->beard_len * fz_smooth(g->sb_y, g->y_b - 0.1 * S, yj);
    if (g->p->beard == FACE_BEARD_LONG) len *= 0.5 + 0.8 * fz_exp(-ax * ax / (0.02 * S * S));
    double jag = 0.006 * S * fz_noise(x * 40 / S, y * 40 / S, g->s_hair + 14);
    double a = fz_cov((below > 0 ? below : dhead) - len - jag, g->px + 0.006 * S);
    if (a <= 0) return 0;
    double t = strands(g, x, y * 0.35, x, y);
    double gr = face_clamp(g->p->grey * 1.2, 0, 1);
    fg_surf s = {{0}, 0, 0.5, 0.85, 0.8, 1, 0.05, 0, 0, {0}};
    for (int i = 0; i < 3; i++)
        s.alb[i] = (g->stubble[i] + (grey_hair[i] - g->stubble[i]) * gr) * (0.6 + 0.6 * t);
    fg_light_surf(g, &s, c);
    return a * (0.7 + 0.3 * t);
}

double fg_scarf(const face_geom *g, double x, double y, double dhead, double c[3]) {
    const double S = g->scale, px = g->px, v = 0.05 * S;
    double dout;
    if (y < g->y_t) {
        double A = g->Wt + v, B = g->y_t - g->y_top + v;
        double u = x / A, w = (y - g->y_t) / B;
        dout = (sqrt(u * u + w * w) - 1) * fmin(A, B);
    } else {
        double dw, W = fg_head_w(g, y, &dw);
        double Wm = fmax(W, g->Wt * 0.95) + v + (y > g->y_b ? 0.7 * (y - g->y_b) : 0);
        dout = fmax(fabs(x) - Wm, y - (g->shoulder_y + 0.35 * S));
    }
    double fx = x / (0.35 * S);
    double yedge = g->hl_y + 0.025 * S + 0.16 * S * fx * fx;
    double dopen = fmax(dhead + 0.028 * S, yedge - y);
    double d = fmax(dout, -dopen);
    double a = fz_cov(d, px + 0.002 * S);
    if (a <= 0) return 0;
    double fold = fz_noise(x * 5 / S, y * 1.6 / S, g->s_cloth + 3) +
                  0.5 * fz_noise(x * 11 / S, y * 4 / S, g->s_cloth + 4);
    double A = g->Wt + v;
    double nx = face_clamp(x / A, -0.95, 0.95) + 0.25 * fold,
           ny = y < g->y_t ? (y - g->y_t) / (g->y_t - g->y_top + v) : 0.1;
    double nz = sqrt(fmax(0.05, 1 - nx * nx - ny * ny));
    double m = 1 / sqrt(nx * nx + ny * ny + nz * nz);
    fg_surf s = {{0}, nx * m, ny * m, nz * m, 1, 1, 0.02, 0, 0, {0}};
    double edge = fz_smooth(0.02 * S, 0, fabs(dopen)) * 0.25;
    s.ao = 1 - edge;
    for (int i = 0; i < 3; i++)
        s.alb[i] = g->scarf[i] * (1 + 0.03 * fz_bnoise(x, y, 400, px, g->s_cloth + 5));
    fg_light_surf(g, &s, c);
    return a;
}
