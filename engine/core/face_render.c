/* face_render.c - one pixel of a face image, and the portrait's loops.
 *
 * Back to front: the backdrop, the hair behind the head, the shoulders and
 * clothes, the neck, the ears, the head (a height field lit per pixel, its
 * features painted on its surface), the hair over it, a headscarf, glasses.
 * Every layer is a signed distance turned into coverage over one pixel, so
 * edges are anti-aliased at any size, and every texture is value noise of
 * the position, band-limited to what a pixel can show. A pixel depends only
 * on the face and its position in the image: a window is the whole's crop. */
#include "face_int.h"

#include <stddef.h>
#include <stdlib.h>
#include <string.h>

double fz_atan2(double y, double x) {
    double ax = fabs(x), ay = fabs(y);
    double a = fmin(ax, ay) / (fmax(ax, ay) + 1e-300);
    double s = a * a;
    double r = ((-0.0464964749 * s + 0.15931422) * s - 0.327622764) * s * a + a;
    if (ay > ax) r = 1.57079637 - r;
    if (x < 0) r = 3.14159274 - r;
    return y < 0 ? -r : r;
}

void fg_light_surf(const face_geom *g, const fg_surf *s, double out[3]) {
    const fg_light *lt = &g->lt;
    double ndl = s->nx * lt->L[0] + s->ny * lt->L[1] + s->nz * lt->L[2];
    const double wrap = 0.35;
    double diff = (ndl + wrap) / (1 + wrap);
    diff = (diff < 0 ? 0 : diff) * s->shadow;
    double hemi = (0.84 - 0.16 * s->ny) * (0.72 + 0.28 * s->nz);
    double ndh = s->nx * lt->H[0] + s->ny * lt->H[1] + s->nz * lt->H[2];
    double sp = 0;
    if (ndh > 0 && ndl > 0 && s->spec > 0) {
        double h2 = ndh * ndh, h4 = h2 * h2, h8 = h4 * h4, h16 = h8 * h8, h64 = h16 * h16;
        sp = s->spec * (h8 + (h64 * h16 - h8) * s->gloss) * s->shadow * 255;
    }
    double sss = s->sss * (1 - diff);
    const double tint[3] = {1, 1 - 0.22 * sss, 1 - 0.32 * sss};
    for (int i = 0; i < 3; i++) {
        double light = lt->amb[i] * hemi * s->ao + lt->key[i] * diff;
        out[i] = s->alb[i] * light * tint[i] + sp * lt->key[i] + s->emis[i];
    }
}

/* The studio backdrop, or the booth's wall behind a traveler. */
static void backdrop(const face_geom *g, double X, double Y, double c[3]) {
    const fg_light *lt = &g->lt;
    double t = face_clamp(0.5 + Y * 0.45, 0, 1);
    for (int i = 0; i < 3; i++)
        c[i] = lt->bg[i] + (lt->bg2[i] - lt->bg[i]) * t;
    if (lt->booth) { /* a soft light panel on one side, shade on the other */
        double k = 0.12 * fz_smooth(0.2, 0.9, X) - 0.1 * fz_smooth(-0.3, -1.0, X);
        k += 0.04 * fz_noise(X * 2.2, Y * 2.2, g->s_cloth);
        for (int i = 0; i < 3; i++)
            c[i] *= 1 + k;
    } else {
        double r = X * X + (Y + 0.1) * (Y + 0.1);
        for (int i = 0; i < 3; i++)
            c[i] *= 1 + 0.025 * fz_gauss(r * 2.5);
    }
}

/* The shoulders' top edge at x (body units). */
static double shoulder_line(const face_geom *g, double x, double *slope) {
    double ax = fabs(x), nw = g->neck_w * 0.92, sw = g->shoulder_w, drop = 0.2 * g->scale;
    if (ax < nw) {
        *slope = 0;
        return g->shoulder_y;
    }
    double t = (ax - nw) / (sw - nw), tm = fmin(t, 1.4), st = sqrt(tm);
    double y = g->shoulder_y + drop * tm * st + (t > 1 ? (t - 1) * (t - 1) * 0.6 : 0);
    *slope = (drop * 1.5 * st + (t > 1 ? 1.2 * (t - 1) : 0)) / (sw - nw);
    if (x < 0) *slope = -*slope;
    return y;
}

/* Clothes: a crew neck, a collared shirt, or a jacket over a shirt. */
static void clothes(const face_geom *g, double x, double y, double c[3]) {
    if (y < g->shoulder_y - g->px) return; /* above the shoulders' highest point */
    double slope, ys = shoulder_line(g, x, &slope);
    double d = (ys - y) / sqrt(1 + slope * slope);
    double cov = fz_cov(d, g->px);
    if (cov <= 0) return;
    const double S = g->scale;
    fg_surf s = {{0}, 0, 0, 1, 1, 1, 0, 0, 0, {0}};
    double n = sqrt(1 + slope * slope);
    s.nx = slope / n * 0.6, s.ny = -1 / n * 0.7, s.nz = 0.7;
    double dd = y - ys;
    s.ny = s.ny * fz_exp(-dd / (0.08 * S)) + 0.05;
    double m = sqrt(s.nx * s.nx + s.ny * s.ny + s.nz * s.nz);
    s.nx /= m, s.ny /= m, s.nz /= m;
    const double *col = g->shirt;
    int kind = g->p->shirt_kind;
    /* the neck stands in front of the collar behind it; below, the neckline:
     * round (a pullover), a V (an open shirt), or a jacket's lapels over a shirt */
    double vx = fabs(x), vy = y - (g->shoulder_y - 0.02 * S), px = g->px;
    double flare = fz_smooth(g->shoulder_y - 0.12 * S, g->shoulder_y + 0.06 * S, y);
    double dneck = fmax(vx - g->neck_w * (1 + 0.35 * flare * flare), y - g->shoulder_y - 0.03 * S);
    double dopen, lift = 1;
    if (kind == 0) {
        dopen = fmax(y - (g->shoulder_y + 0.05 * S + 1.2 * vx * vx / S), vx - 0.32 * S);
    } else if (kind == 1) { /* a V from the neck's sides down to its point */
        double vw = g->neck_w * 1.05 * (1 - vy / (0.18 * S));
        dopen = fmax(vx - vw, -vy);
        double collar = fmax(fabs(vx - vw - 0.015 * S) - 0.014 * S, vy - 0.12 * S);
        lift = 1 + 0.12 * fz_cov(collar, px);
    } else { /* lapels over a shirt with an open collar */
        dopen = fmax(vx - g->neck_w * (1 - vy / (0.08 * S)), -vy);
        double lapel = vx - g->neck_w * 0.95 * (1 - vy / (0.36 * S));
        if (lapel < 0) col = g->shirt2;
        lift = 1 + 0.15 * fz_cov(fabs(lapel) - 0.004 * S, px);
    }
    cov *= 1 - fz_cov(fmin(dopen, dneck), px);
    if (cov <= 0) return;
    for (int i = 0; i < 3; i++)
        s.alb[i] = col[i] * lift * (1 + 0.04 * fz_bnoise(x, y, 300, g->px, g->s_cloth));
    s.ao = 1 - 0.35 * fz_exp(-dd / (0.04 * S)) * (fabs(x) < g->neck_w * 1.5);
    double out[3];
    fg_light_surf(g, &s, out);
    fz_mix(c, out, cov);
}

/* The neck from under the jaw into the clothes, in the jaw's shadow. */
static void neck(const face_geom *g, double x, double y, double c[3]) {
    const double S = g->scale;
    double chest = fmax(0, y - g->shoulder_y) * 1.5;
    if (y < g->neck_y - 0.05 * S || fabs(x) > g->neck_w * 1.4 + chest) return;
    double flare = fz_smooth(g->shoulder_y - 0.12 * S, g->shoulder_y + 0.06 * S, y);
    double nw = g->neck_w * (1 + 0.35 * flare * flare) + chest;
    double cov = fz_cov(fabs(x) - nw, g->px);
    if (cov <= 0) return;
    fg_surf s = {{0}, 0, 0, 1, 1, 1, 0.04, 0.2, 1, {0}};
    double t = face_clamp(x / nw, -0.98, 0.98);
    s.nx = t * 0.9, s.nz = sqrt(1 - t * t), s.ny = 0.1;
    /* under the jaw: the head's shadow */
    double below = y - g->y_b + 0.25 * S * (x / g->neck_w) * (x / g->neck_w) * 0.5;
    s.shadow = 0.12 + 0.88 * fz_smooth(0, 0.3 * S, below);
    s.ao = 0.6 + 0.4 * fz_smooth(0.0, 0.2 * S, below);
    for (int i = 0; i < 3; i++)
        s.alb[i] = g->skin[i] * 0.93;
    double out[3];
    fg_light_surf(g, &s, out);
    fz_mix(c, out, cov);
}

/* The height field's normal at (x, y) inside the head. */
static void head_normal(const face_geom *g, double x, double y, fg_surf *s) {
    double dw, W = fg_head_w(g, y, &dw), dd, D = fg_head_d(g, y, &dd);
    if (W < 1e-6) W = 1e-6;
    double t = face_clamp(x / W, -1, 1), sq = 1 - t * t;
    double r = sqrt(sq < 0.0009 ? 0.0009 : sq);
    double kd = g->kz * D / W; /* the cross-section's depth over its width */
    double gx = 0, gy = 0, neg = 0;
    int by = (int)((y - g->band_y0) * g->band_idy), bx = (int)((x - g->band_x0) * g->band_idx);
    by = by < 0 ? 0 : by >= FG_NB ? FG_NB - 1 : by;
    bx = bx < 0 ? 0 : bx >= FG_NBX ? FG_NBX - 1 : bx;
    const uint8_t *cell = g->band_i[by][bx];
    for (int k = 0; k < g->band_n[by][bx]; k++) {
        const fg_bump *b = &g->b[cell[k]];
        if (x < b->x0 || x > b->x1 || y < b->y0 || y > b->y1) continue;
        double dx = x - b->x, dy = y - b->y;
        if (b->s == 0) { /* most bumps are upright */
            double q = dx * dx * b->isx2 + dy * dy * b->isy2;
            if (q > 9) continue;
            double h = b->amp * fz_gauss(q);
            gx -= 2 * dx * b->isx2 * h, gy -= 2 * dy * b->isy2 * h;
            if (h < 0) neg += h;
            continue;
        }
        double u = dx * b->c + dy * b->s, v = -dx * b->s + dy * b->c;
        double q = u * u * b->isx2 + v * v * b->isy2;
        if (q > 9) continue;
        double h = b->amp * fz_gauss(q);
        double du = -2 * u * b->isx2 * h, dv = -2 * v * b->isy2 * h;
        gx += du * b->c - dv * b->s;
        gy += du * b->s + dv * b->c;
        if (h < 0) neg += h;
    }
    double nx = kd * t - r * gx, ny = -(g->kz * dd * r * r + kd * t * t * dw) - r * gy, nz = r;
    double m = 1 / sqrt(nx * nx + ny * ny + nz * nz);
    s->nx = nx * m, s->ny = ny * m, s->nz = nz * m;
    s->ao = face_clamp(1 + 4.0 * neg / g->scale, 0.45, 1) * (1 - 0.25 * fz_smooth(0.7, 1, fabs(t)));
}

/* Skin colour with its texture, flush and freckles. */
static void skin_albedo(const face_geom *g, double x, double y, fg_surf *s) {
    const double px = g->px, S = g->scale;
    const uint32_t sd = g->s_skin;
    double n = 0.035 * fz_noise(x * 22, y * 22, sd) + 0.02 * fz_bnoise(x, y, 180, px, sd + 2) +
               0.025 * fz_bnoise(x, y, 650, px, sd + 3);
    n *= 1 + 0.8 * g->old;
    double ax = fabs(x);
    double dc =
        ((ax - 0.2 * S) * (ax - 0.2 * S) + (y - 0.13 * S) * (y - 0.13 * S)) / (0.01 * S * S);
    double dn =
        ((x - g->nose_dx) * (x - g->nose_dx) + (y - g->tip_y) * (y - g->tip_y)) / (0.0016 * S * S);
    double red = g->redness * (0.5 * fz_exp(-dc) + 0.4 * fz_exp(-dn));
    double ue = fz_exp(-((ax - g->eye_x) * (ax - g->eye_x) / (0.0025 * S * S) +
                         (y - g->eye_y - g->eye_hl - 0.028 * S) *
                             (y - g->eye_y - g->eye_hl - 0.028 * S) / (0.0003 * S * S)));
    /* the face's edges a little darker and warmer than its middle */
    double rim = fz_smooth(0.18 * S, 0.36 * S, hypot(x * 1.15, y - 0.05 * S));
    double mouth = fz_exp(-(x * x + (y - g->mouth_y) * (y - g->mouth_y) * 1.5) / (0.012 * S * S));
    double dk = 0.06 * rim + 0.05 * mouth * (0.3 + g->p->tone);
    s->alb[0] = g->skin[0] * (1 + n) * (1 + 0.06 * red) * (1 - 0.08 * ue) * (1 - dk * 0.8);
    s->alb[1] = g->skin[1] * (1 + n) * (1 - 0.09 * red) * (1 - 0.11 * ue) * (1 - dk * 1.1);
    s->alb[2] = g->skin[2] * (1 + n) * (1 - 0.07 * red) * (1 - 0.07 * ue) * (1 - dk * 1.2);
    const face_params *p = g->p;
    double fr = p->freckles + (g->old > 0.6 ? (g->old - 0.6) : 0);
    if (fr > 0 && y > -0.35 * S && y < 0.3 * S) {
        double f = fz_bnoise(x, y, 110, px, sd + 9) + 0.4 * fz_bnoise(x, y, 30, px, sd + 10);
        double k = fz_smooth(0.75 - 0.35 * fr, 1.0 - 0.3 * fr, f) * fr * 0.35;
        const double brown[3] = {g->skin[0] * 0.72, g->skin[1] * 0.58, g->skin[2] * 0.5};
        fz_mix(s->alb, brown, k);
    }
    /* shine on forehead, nose and cheekbones */
    double oily = 0.6 + 0.4 * fz_exp(-((x - g->nose_dx) * (x - g->nose_dx)) / (0.003 * S * S)) +
                  0.3 * fz_smooth(-0.1 * S, -0.3 * S, y);
    s->spec = g->spec * oily;
    s->gloss = 0.25;
    s->sss = 1;
}

/* Shadows the nose casts (below it; beside it when the light is to one side). */
static double nose_shadow(const face_geom *g, double x, double y) {
    const double *L = g->lt.L, S = g->scale;
    double sh = 1;
    double ox = -L[0] / L[2] * 0.07 * S, oy = -L[1] / L[2] * 0.05 * S;
    double cx = g->nose_dx + ox, cy = g->nose_y + oy * 0.6;
    if (y > g->nose_y - 0.004 * S) {
        double dx = (x - cx) / (g->nose_w * 0.9), dy = (y - cy) / (0.018 * S + 0.5 * fabs(oy));
        sh -= 0.55 * fz_exp(-(dx * dx + dy * dy) * 1.5);
    }
    if (y > g->eye_y && y < g->nose_y && fabs(L[0]) > 0.08) {
        double t = (y - g->eye_y) / (g->nose_y - g->eye_y);
        double o = -L[0] / L[2] * (0.025 + 0.06 * t) * S, e = g->bridge_w * 0.5;
        double rx = (x - g->nose_dx - t * g->nose_dx) * (o > 0 ? 1 : -1);
        double ao = fabs(o);
        if (rx > e * 0.5 && rx < e + ao * 1.2)
            sh -= 0.6 * fz_smooth(e * 0.5, e * 1.4, rx) *
                  (1 - fz_smooth(e + ao * 0.6, e + ao * 1.2, rx));
    }
    return sh < 0.15 ? 0.15 : sh;
}

/* Photo units to the head's frontal units: the head turns about the neck
 * (roll), and yaw and pitch move each point by its depth. */
static void to_face(const face_geom *g, double X, double Y, double *x, double *y) {
    double pv = g->pivot_y;
    double hx = g->rc * X + g->rs * (Y - pv), hy = -g->rs * X + g->rc * (Y - pv) + pv;
    double dw, W = fg_head_w(g, hy, &dw), dd, z0 = 0;
    if (fabs(hx) < W) z0 = g->kz * fg_head_d(g, hy, &dd) * sqrt(1 - (hx / W) * (hx / W));
    *x = hx - z0 * g->syaw, *y = hy - z0 * g->spitch;
}

static void smooth_at(const face_geom *g, double x, double y, fg_smooth *m) {
    fg_surf s;
    head_normal(g, x, y, &s);
    skin_albedo(g, x, y, &s);
    m->nx = s.nx, m->ny = s.ny, m->nz = s.nz, m->ao = s.ao, m->spec = s.spec;
    m->alb[0] = s.alb[0], m->alb[1] = s.alb[1], m->alb[2] = s.alb[2];
}

/* Lattice point (i, j): its row r (0, 1) of the two held. */
static const fg_smooth *lattice_point(const face_geom *g, fg_lattice *l, int i, int r, int j) {
    int k = i - l->i0;
    if (!l->ok[r][k]) {
        double X = (i * FG_STEP + 0.5 - l->x0) * g->upx, Y = (j * FG_STEP + 0.5 - l->y0) * g->upx;
        double x, y;
        to_face(g, X, Y, &x, &y);
        smooth_at(g, x, y, &l->row[r][k]);
        l->ok[r][k] = 1;
    }
    return &l->row[r][k];
}

/* The smooth part at the pixel being drawn, from the lattice around it. */
static void smooth_lattice(const face_geom *g, fg_lattice *l, fg_surf *s) {
    int i = l->ix / FG_STEP, j = l->iy / FG_STEP;
    double fx = (double)(l->ix - i * FG_STEP) / FG_STEP,
           fy = (double)(l->iy - j * FG_STEP) / FG_STEP;
    if (l->j[0] != j) { /* move down: the lower row becomes the upper one */
        int keep = l->j[1] == j;
        fg_smooth *t = l->row[0];
        uint8_t *o = l->ok[0];
        l->row[0] = l->row[1], l->ok[0] = l->ok[1], l->row[1] = t, l->ok[1] = o;
        if (!keep) memset(l->ok[0], 0, (size_t)l->ni);
        memset(l->ok[1], 0, (size_t)l->ni);
        l->j[0] = j, l->j[1] = j + 1;
    }
    const fg_smooth *a = lattice_point(g, l, i, 0, j), *b = lattice_point(g, l, i + 1, 0, j);
    const fg_smooth *c = lattice_point(g, l, i, 1, j + 1),
                    *d = lattice_point(g, l, i + 1, 1, j + 1);
    const double wa = (1 - fx) * (1 - fy), wb = fx * (1 - fy), wc = (1 - fx) * fy, wd = fx * fy;
#define LERP(f) (wa * a->f + wb * b->f + wc * c->f + wd * d->f)
    double nx = LERP(nx), ny = LERP(ny), nz = LERP(nz), m = 1 / sqrt(nx * nx + ny * ny + nz * nz);
    s->nx = nx * m, s->ny = ny * m, s->nz = nz * m;
    s->ao = LERP(ao), s->spec = LERP(spec);
    s->alb[0] = LERP(alb[0]), s->alb[1] = LERP(alb[1]), s->alb[2] = LERP(alb[2]);
#undef LERP
    s->gloss = 0.25, s->sss = 1;
}

/* The head's skin and everything painted on it, over c. */
static void head(const face_geom *g, fg_lattice *lat, double x, double y, double d, double c[3]) {
    fg_surf s;
    s.emis[0] = s.emis[1] = s.emis[2] = 0;
    if (lat) {
        smooth_lattice(g, lat, &s);
    } else {
        head_normal(g, x, y, &s);
        skin_albedo(g, x, y, &s);
    }
    s.shadow = nose_shadow(g, x, y);
    fg_paint_marks(g, x, y, &s);
    fg_paint_lines(g, x, y, &s);
    fg_paint_nose(g, x, y, &s);
    fg_paint_mouth(g, x, y, &s);
    for (int side = -1; side <= 1; side += 2) {
        fg_paint_eye(g, side, x, y, &s);
        fg_paint_brow(g, side, x, y, &s);
    }
    fg_paint_beard(g, x, y, &s);
    if (g->p->hair_style != FACE_HAIR_BALD && y < g->brow_y) { /* the hair's shade on the skin */
        double dh = fg_hairline_dist(g, x, y);
        s.ao *= 1 - 0.3 * fz_smooth(0.03 * g->scale, 0, dh);
    }
    if (g->p->glasses) s.shadow *= fg_glasses_shade(g, x, y);
    double out[3];
    fg_light_surf(g, &s, out);
    fz_mix(c, out, fz_cov(d, g->px));
}

void face_pixel(const face_geom *g, fg_lattice *lat, double X, double Y, double out[3]) {
    double c[3];
    backdrop(g, X, Y, c);
    double bx = X, by = Y, x, y;
    to_face(g, X, Y, &x, &y);
    int near = fabs(x) < g->box_x && y > g->box_y0 && y < g->box_y1;
    if (!near) {
        neck(g, bx, by, c);
        clothes(g, bx, by, c);
        out[0] = c[0], out[1] = c[1], out[2] = c[2];
        return;
    }
    double d = fg_head_dist(g, x, y);
    /* what covers the rest first: where hair or a scarf is opaque, nothing
     * under it is drawn */
    double hc[3], sc[3], gc[3], ec[3], ea = 0;
    double ha = fg_hair_front(g, x, y, d, hc);
    int scarf = g->p->hair_style == FACE_HAIR_SCARF;
    double sa = scarf ? fg_scarf(g, x, y, d, sc) : 0;
    /* ears: behind long hair and a scarf, over the short hair above them */
    int st = g->p->hair_style;
    int ears_over = st == FACE_HAIR_SHORT || st == FACE_HAIR_BALD || st == FACE_HAIR_TIED;
    for (int side = -1; side <= 1 && ea <= 0; side += 2)
        ea = fg_ear(g, side, x, y, ec);
    if (ha < 1 && sa < 1) {
        if (d > -g->px) fg_hair_back(g, x, y, c); /* hidden under the head */
        neck(g, bx, by, c);
        clothes(g, bx, by, c);
        if (ea > 0 && !ears_over) fz_mix(c, ec, ea);
        if (d < g->px) head(g, lat, x, y, d, c);
        double bc[3], a;
        if (g->beard_len > 0 && d > -g->px && (a = fg_beard_out(g, x, y, d, bc)) > 0)
            fz_mix(c, bc, a);
    }
    if (ha > 0) fz_mix(c, hc, ha);
    if (ea > 0 && ears_over) fz_mix(c, ec, ea * fz_cov(-d, g->px));
    if (sa > 0) fz_mix(c, sc, sa);
    double a;
    if (g->p->glasses && (a = fg_glasses(g, x, y, gc)) > 0) fz_mix(c, gc, a);
    out[0] = c[0], out[1] = c[1], out[2] = c[2];
}

/* A photograph's gentle S-shaped tone curve. */
static double tone(double v) {
    double x = v < 0 ? 0 : v > 255 ? 1 : v / 255;
    return 255 * (x + 0.25 * x * (1 - x) * (2 * x - 1));
}

/* The pixel, toned, with a photograph's fine grain (of the pixel's place in
 * the whole image: a window gets the same grain). */
static void store(uint8_t *o, const double c[3], int gray, int x, int y, uint32_t seed) {
    double r, gg, b;
    double grain = 1.2 * (fz_corner(x, y, seed) + fz_corner(x, y, seed + 1));
    if (gray)
        r = gg = b = tone(0.30 * c[0] + 0.55 * c[1] + 0.15 * c[2]) + grain;
    else
        r = tone(c[0]) + grain, gg = tone(c[1]) + grain, b = tone(c[2]) + grain;
    o[0] = (uint8_t)(r < 0 ? 0 : r > 255 ? 255 : r + 0.5);
    o[1] = (uint8_t)(gg < 0 ? 0 : gg > 255 ? 255 : gg + 0.5);
    o[2] = (uint8_t)(b < 0 ? 0 : b > 255 ? 255 : b + 0.5);
    o[3] = 255;
}

void face_render(const face_params *p, uint8_t *rgba, int w, int h, int stride, int gray) {
    face_render_window(p, rgba, w, h, 0, 0, w, h, stride, gray);
}

void face_render_window(const face_params *p, uint8_t *rgba, int w, int h, int wx, int wy, int ww,
                        int wh, int stride, int gray) {
    if (w <= 0 || h <= 0 || ww <= 0 || wh <= 0) return;
    fg_light lt;
    face_light_portrait(&lt);
    face_geom gs, *g = &gs;
    face_geom_build(g, p, &lt, w, h, 1);
    double x0 = g->ox * w, y0 = g->oy * h;
    fg_lattice l = {
        x0,       y0,           wx / FG_STEP, (wx + ww - 1) / FG_STEP - wx / FG_STEP + 2,
        {-2, -2}, {NULL, NULL}, {NULL, NULL}, 0,
        0};
    void *mem = malloc((sizeof(fg_smooth) + 1) * 2 * (size_t)l.ni);
    fg_lattice *lat = mem ? &l : NULL; /* without it, each pixel its own: the same to the eye */
    if (mem) {
        l.row[0] = mem, l.row[1] = l.row[0] + l.ni;
        l.ok[0] = (uint8_t *)(l.row[1] + l.ni), l.ok[1] = l.ok[0] + l.ni;
    }
    for (int y = wy; y < wy + wh; y++) {
        double Y = (y + 0.5 - y0) * g->upx;
        uint8_t *row = rgba + (size_t)(y - wy) * (size_t)stride;
        for (int x = wx; x < wx + ww; x++) {
            double c[3];
            l.ix = x, l.iy = y;
            face_pixel(g, lat, (x + 0.5 - x0) * g->upx, Y, c);
            store(row + (size_t)(x - wx) * 4, c, gray, x, y, g->s_skin ^ 0x6a09e667u);
        }
    }
    free(mem);
}
