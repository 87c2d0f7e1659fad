/* finger_phase.c - the ridges of a master finger: an AM-FM phase model.
 *
 * Why this model (Larkin and Fletcher, "A coherent framework for fingerprint
 * analysis: are fingerprints holograms?", 2007): the ridges are
 * cos(psi), psi = continuous phase + spiral phases, and each spiral
 * +-arg(z - m) puts one minutia exactly at m. So every minutia of the master
 * is known (the truth the tests and a trainee's marking are scored
 * against) and the image is made in one pass; SFinGe's iterative Gabor
 * growth gives realistic ridges too, but its minutiae are wherever the
 * growth left them and it costs a hundred filter passes.
 *
 * The continuous phase comes from finger_solve.c.
 *
 * Minutiae. Real ridges end and fork where the field asks for more or fewer
 * ridges than the period allows, and at islands and short ridges. We place
 * them in opposite-polarity pairs along the flow (a ridge starting at one
 * and ending at the other, or a bifurcation then an ending), each pair's
 * phase windowed so it is local: arg((z - a) conj(z - b)) jumps by 2 pi only
 * on the segment a-b, where it is invisible. The least squares absorbs
 * what is left of the period's mismatch. Each minutia is then nudged across
 * the ridge (at most a quarter period) until the phase there is 0 or pi, so
 * it is a clean ending or bifurcation rather than something in between.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "finger_int.h"
#include "rng.h"

#define TILE  16
#define MIN_R 4.5 /* px: a fork's junction is ridge, an ending's tip valley, within this */
#define TX    ((FM_W + TILE - 1) / TILE)
#define TY    ((FM_H + TILE - 1) / TILE)

/* ---- minutiae: windowed dipoles ---- */

static double seg_dist(double px, double py, double ax, double ay, double bx, double by) {
    double vx = bx - ax, vy = by - ay, l2 = vx * vx + vy * vy;
    double t = l2 > 0 ? fm_clamp(((px - ax) * vx + (py - ay) * vy) / l2, 0, 1) : 0;
    return hypot(px - ax - t * vx, py - ay - t * vy);
}

static double dip_phase(const fm_dipole *d, double x, double y) {
    double vx = d->bx - d->ax, vy = d->by - d->ay, px = x - d->ax, py = y - d->ay;
    double l2 = vx * vx + vy * vy, t = l2 > 0 ? fm_clamp((px * vx + py * vy) / l2, 0, 1) : 0;
    double ex = px - t * vx, ey = py - t * vy, d2 = ex * ex + ey * ey;
    if (d2 >= d->r2 * d->r2) return 0;
    double w = d2 <= d->r1 * d->r1 ? 1 : 1 - fm_smooth(d->r1, d->r2, sqrt(d2));
    double bx = x - d->bx, by = y - d->by;
    return w * fm_atan2(py * bx - px * by, px * bx + py * by);
}

/* The phase at (x, y), leaving out dipole `skip` (-1: none). */
static double phase_at(const finger_master *m, const ph_ws *w, double x, double y, int skip) {
    double p = ph_psi(w, x, y);
    for (int k = 0; k < m->ndip; k++)
        if (k != skip) p += dip_phase(&m->dip[k], x, y);
    return p;
}

/* The phase near minutia `end` (0: a, polarity +1; 1: b, -1) of dipole k
 * without its own spiral: what decides whether it is an ending or a fork. */
static double rest_at(const finger_master *m, const ph_ws *w, int k, int end, double x, double y) {
    const fm_dipole *d = &m->dip[k];
    double own = end ? atan2(y - d->ay, x - d->ax) : -atan2(y - d->by, x - d->bx);
    return phase_at(m, w, x, y, k) + own;
}

/* Moves the minutia across the ridge (at most a quarter period) so the
 * phase there is 0 (on a ridge centre: a bifurcation) or pi (on a valley
 * centre: an ending); returns the phase offset a' = rest + p beta it has
 * and the gradient of the rest of the phase there (gx, gy). */
static double snap(finger_master *m, const ph_ws *w, int k, int end, int move, double *gxo,
                   double *gyo) {
    fm_dipole *d = &m->dip[k];
    double *mx = end ? &d->bx : &d->ax, *my = end ? &d->by : &d->ay, p = end ? -1 : 1;
    double r0 = rest_at(m, w, k, end, *mx, *my);
    double gx =
        fm_wrap(rest_at(m, w, k, end, *mx + 1, *my) - rest_at(m, w, k, end, *mx - 1, *my)) / 2;
    double gy =
        fm_wrap(rest_at(m, w, k, end, *mx, *my + 1) - rest_at(m, w, k, end, *mx, *my - 1)) / 2;
    double g = hypot(gx, gy);
    *gxo = gx, *gyo = gy;
    if (g < 1e-6) return r0;
    double a = r0 + p * atan2(gy, gx), tau = cos(a) >= 0 ? 0 : M_PI;
    double delta = fm_wrap(tau - a) / g;
    if (move) *mx += delta * gx / g, *my += delta * gy / g;
    return a + (move ? fm_wrap(tau - a) : 0);
}

static int near_minutia(const finger_master *m, double x, double y, double r) {
    for (int k = 0; k < m->ndip; k++)
        if (hypot(x - m->dip[k].ax, y - m->dip[k].ay) < r ||
            hypot(x - m->dip[k].bx, y - m->dip[k].by) < r)
            return 1;
    return 0;
}

/* Too close to another pair's extra ridge, or its window on a fold. */
static int dip_conflicts(const finger_master *m, const ph_ws *w, const fm_dipole *d) {
    if (ph_fold_dist(w, d->ax, d->ay, d->bx, d->by) < d->r2 + 6) return 1;
    if (near_minutia(m, d->ax, d->ay, 16) || near_minutia(m, d->bx, d->by, 16)) return 1;
    for (int k = 0; k < m->ndip; k++) {
        const fm_dipole *o = &m->dip[k];
        for (int s = 0; s <= 4; s++) {
            double t = s / 4.0;
            if (seg_dist(d->ax + t * (d->bx - d->ax), d->ay + t * (d->by - d->ay), o->ax, o->ay,
                         o->bx, o->by) < 13)
                return 1;
        }
    }
    return 0;
}

/* Follows the flow from (x, y) for len px; 0 and the end point, or -1 when
 * it runs off the canvas. */
static int flow_end(const fm_field *f, double x, double y, double sign, int len, double *ex,
                    double *ey) {
    double t = fm_theta(f, x, y), px = sign * cos(t), py = sign * sin(t);
    for (int s = 0; s < len; s++) {
        t = fm_theta(f, x, y);
        double ux = cos(t), uy = sin(t);
        if (ux * px + uy * py < 0) ux = -ux, uy = -uy;
        x += ux, y += uy, px = ux, py = uy;
        if (x < 4 || y < 4 || x > FM_W - 4 || y > FM_H - 4) return -1;
    }
    *ex = x, *ey = y;
    return 0;
}

static void place_dipoles(finger_master *m, const ph_ws *w) {
    const fm_field *f = &m->f;
    rng r;
    rng_init(&r, rng_derive(m->seed, "finger/minutiae"));
    double cy = f->top + f->half_h, area = M_PI * f->half_w * f->half_h * 1.1;
    int target = (int)(rng_range(&r, 3.8e-4, 5.8e-4) * area / 2);
    if (target > FM_MAX_DIP) target = FM_MAX_DIP;
    for (int tries = 0; tries < target * 80 && m->ndip < target; tries++) {
        double a = rng_range(&r, 0, 2 * M_PI), rr = sqrt(rng_unit(&r)) * 1.05;
        double x = f->xc + rr * f->half_w * cos(a), y = cy + rr * f->half_h * sin(a);
        int len = rng_below(&r, 10) < 3 ? (int)rng_range(&r, 22, 40) : (int)rng_range(&r, 40, 120);
        fm_dipole d = {x, y, 0, 0, 0.3 * len + 8, len + 30.0, 0, 0};
        if (flow_end(f, x, y, rng_below(&r, 2) ? 1 : -1, len, &d.bx, &d.by) != 0) continue;
        if (dip_conflicts(m, w, &d)) continue;
        m->dip[m->ndip++] = d;
    }
}

/* The phase is singular at a minutia: every gray level meets there, so a
 * fork's junction would be a point and an ending's tip would touch its
 * neighbours, and the slightest change of ridge width would turn one into
 * the other. Real junctions and tips have width: within MIN_R of a minutia
 * the pattern is drawn towards ridge (a fork) or valley (an ending). */
typedef struct rd_tiles {
    uint8_t n[TY][TX];
    uint8_t d[TY][TX][FM_MAX_DIP];
} rd_tiles;

/* Which dipoles' windows reach each 32 px tile. */
static void tile_dipoles(const finger_master *m, rd_tiles *t) {
    memset(t->n, 0, sizeof t->n);
    for (int k = 0; k < m->ndip; k++) {
        const fm_dipole *d = &m->dip[k];
        int x0 = (int)floor((fmin(d->ax, d->bx) - d->r2) / TILE);
        int x1 = (int)floor((fmax(d->ax, d->bx) + d->r2) / TILE);
        int y0 = (int)floor((fmin(d->ay, d->by) - d->r2) / TILE);
        int y1 = (int)floor((fmax(d->ay, d->by) + d->r2) / TILE);
        for (int ty = y0 < 0 ? 0 : y0; ty <= y1 && ty < TY; ty++)
            for (int tx = x0 < 0 ? 0 : x0; tx <= x1 && tx < TX; tx++) {
                double cx = (tx + 0.5) * TILE, cy = (ty + 0.5) * TILE; /* the window reaches it */
                if (seg_dist(cx, cy, d->ax, d->ay, d->bx, d->by) < d->r2 + TILE * 0.71)
                    t->d[ty][tx][t->n[ty][tx]++] = (uint8_t)k;
            }
    }
}

/* The ridge pattern at pixel (x, y). */
static double ridge_px(const finger_master *m, const ph_ws *w, const rd_tiles *t, int x, int y) {
    int ty = y / TILE, tx = x / TILE;
    double p = ph_psi(w, x, y), core = 0, sgn = 0;
    for (int k = 0; k < t->n[ty][tx]; k++) {
        const fm_dipole *d = &m->dip[t->d[ty][tx][k]];
        p += dip_phase(d, x, y);
        double da = (x - d->ax) * (x - d->ax) + (y - d->ay) * (y - d->ay);
        double db = (x - d->bx) * (x - d->bx) + (y - d->by) * (y - d->by);
        if (da < MIN_R * MIN_R) core = 1 - fm_smooth(0.4 * MIN_R, MIN_R, sqrt(da)), sgn = d->sa;
        if (db < MIN_R * MIN_R) core = 1 - fm_smooth(0.4 * MIN_R, MIN_R, sqrt(db)), sgn = d->sb;
    }
    return (1 - core) * fm_cos(p) + core * sgn;
}

static int make_ridges(finger_master *m, const ph_ws *w, bl_err *err) {
    rd_tiles *t = malloc(sizeof *t);
    m->ridge = malloc(sizeof(float) * FM_W * FM_H);
    if (!m->ridge || !t) {
        free(t);
        return err_setc(err, BL_E_NOMEM, "out of memory for a finger's ridges");
    }
    tile_dipoles(m, t);
    /* only where an impression can show skin (finger_render.c's outline at
     * its largest, and a margin); elsewhere a valley */
    const fm_field *f = &m->f;
    double cy = f->top + f->half_h, ea = f->half_w * 1.06 + 14, eu = f->half_h * 1.06 + 14;
    double el = f->half_h * 1.35 * 1.06 + 14;
    for (int y = 0; y < FM_H; y++)
        for (int x = 0; x < FM_W; x++) {
            double u = (x - f->xc) / ea, v = (y - cy) / (y < cy ? eu : el);
            m->ridge[y * FM_W + x] = u * u + v * v > 1 ? -1.0f : (float)ridge_px(m, w, t, x, y);
        }
    free(t);
    return 0;
}

/* The master's minutiae: kind from the phase offset a' (0: the minutia
 * sits on a ridge centre, where a ridge forks; pi: on a valley centre,
 * where a ridge ends). Angle: near a spiral of polarity p the extra ridge
 * (or valley) lies on the side -p t of the ridge direction t = the rest
 * phase's gradient turned by +90 degrees, for both kinds; that is where
 * the ridge that ends, or the valley between the forks, runs. */
static void list_minutiae(finger_master *m, const ph_ws *w) {
    finger_info *in = &m->info;
    in->nminutiae = 0;
    for (int k = 0; k < m->ndip; k++)
        for (int end = 0; end < 2; end++) {
            double gx, gy, p = end ? -1 : 1;
            double a = snap(m, w, k, end, 0, &gx, &gy);
            const fm_dipole *d = &m->dip[k];
            double ang = atan2(-p * gx, p * gy);
            if (ang < 0) ang += 2 * M_PI;
            finger_minutia *mi = &in->minutiae[in->nminutiae++];
            mi->x = (float)(end ? d->bx : d->ax), mi->y = (float)(end ? d->by : d->ay);
            mi->angle = (float)ang;
            mi->kind = cos(a) > 0 ? FINGER_BIFURCATION : FINGER_ENDING;
            if (end)
                m->dip[k].sb = (int8_t)(cos(a) > 0 ? 1 : -1);
            else
                m->dip[k].sa = (int8_t)(cos(a) > 0 ? 1 : -1);
            mi->quality = 100;
        }
}

/* The mean ridge period the finger has, from its drawn ridges r = cos(psi):
 * E|grad r|^2 / E r^2 is the mean squared phase gradient; central
 * differences see sin(w) for w (undone with asin). */
static double ridge_period(const finger_master *m) {
    const fm_field *f = &m->f;
    double g2 = 0, r2 = 0, cy = f->top + f->half_h;
    for (int y = 2; y < FM_H - 2; y += 2)
        for (int x = 2; x < FM_W - 2; x += 2) {
            double u = (x - f->xc) / f->half_w, v = (y - cy) / f->half_h;
            if (u * u + v * v > 0.8) continue;
            const float *r = m->ridge + y * FM_W + x;
            double gx = 0.5 * (r[1] - r[-1]), gy = 0.5 * (r[FM_W] - r[-FM_W]);
            g2 += gx * gx + gy * gy, r2 += r[0] * r[0];
        }
    double w = r2 > 0 ? sqrt(g2 / r2) : 0.7;
    return 2 * M_PI / asin(fm_clamp(w, 0.2, 1));
}

int fm_phase_build(finger_master *m, bl_err *err) {
    ph_ws *w = ph_create();
    if (!w) return err_setc(err, BL_E_NOMEM, "out of memory for a finger");
    int rc = ph_solve(&m->f, w, err);
    if (rc == 0) {
        place_dipoles(m, w);
        double gx, gy;
        for (int pass = 0; pass < 3; pass++)
            for (int k = 0; k < m->ndip; k++)
                for (int end = 0; end < 2; end++)
                    snap(m, w, k, end, 1, &gx, &gy);
        list_minutiae(m, w);
        rc = make_ridges(m, w, err);
        if (rc == 0) m->info.period = ridge_period(m);
    }
    ph_destroy(w);
    return rc;
}
