/* finger_render.c - an impression of a master finger on a live scanner
 * (500 ppi, 400 x 500 px, white background, dark ridges, as an optical
 * scanner's frustrated total reflection shows them).
 *
 * Each output pixel is mapped back onto the master (rotation, placement,
 * an elastic distortion that grows towards the contact's edge, after
 * Cappelli, Maio and Maltoni's plastic distortion model: none where the
 * finger presses, most at the rim), where the master's ridge pattern is
 * read and turned into ink: pressure sets the ridge width (light: thin and
 * broken; heavy: valleys close), the contact area is the fingertip's shape
 * (smaller when light, cut off when only part of it touched), and the skin
 * adds what moves with the finger (pores, its scar) while the capture adds
 * what does not (dryness, moisture, sensor noise). Everything is fixed by
 * the master and the capture's seed.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "finger_int.h"
#include "rng.h"

/* The placement of one impression: frame -> master. */
typedef struct rd_map {
    double fx, fy;  /* frame point the finger's centre lands on */
    double mx, my;  /* the finger's centre on the master */
    double cr, sr;  /* cos, sin of the rotation */
    double amp;     /* distortion amplitude, px at the rim */
    uint64_t dseed; /* distortion field */
    /* contact: the fingertip's outline on the master */
    double a, b_up, b_lo, edge;
    double ux, uy;      /* partial contact: the side that did not touch */
    double part, shift; /* and the oval that did: its size (1 all) and offset from the centre */
    uint64_t oseed;     /* outline irregularity */
} rd_map;

static void to_master(const rd_map *g, double qx, double qy, double *px, double *py) {
    double x = qx - g->fx, y = qy - g->fy;
    double dx = 0, dy = 0;
    if (g->amp > 0) {
        double rho = (x * x + y * y) / (200.0 * 200.0);
        dx = g->amp * rho * fm_noise(g->dseed, qx, qy, 170);
        dy = g->amp * rho * fm_noise(g->dseed ^ 0x5bd1e995, qx, qy, 170);
    }
    *px = g->mx + g->cr * x + g->sr * y + dx;
    *py = g->my - g->sr * x + g->cr * y + dy;
}

/* The inverse, by fixed-point iteration (the distortion is small and smooth). */
static void to_frame(const rd_map *g, double px, double py, double *qx, double *qy) {
    double x = px - g->mx, y = py - g->my;
    double qx0 = g->fx + g->cr * x - g->sr * y, qy0 = g->fy + g->sr * x + g->cr * y;
    *qx = qx0, *qy = qy0;
    for (int it = 0; it < 6; it++) {
        double ax, ay;
        to_master(g, *qx, *qy, &ax, &ay);
        double ex = px - ax, ey = py - ay;
        *qx += g->cr * ex - g->sr * ey, *qy += g->sr * ex + g->cr * ey;
    }
}

/* How much of the finger touches at master point p: 1 inside, 0 outside,
 * a soft rim of about 7 px. The outline is an ellipse, longer towards the
 * crease, its edge wavy as skin is. */
static double contact(const rd_map *g, double px, double py) {
    double x = px - g->mx, y = py - g->my;
    double wob = 1 + 0.03 * fm_noise(g->oseed, px, py, 40);
    double u = x / g->a, v = y / (y < 0 ? g->b_up : g->b_lo);
    double rho = sqrt(u * u + v * v) / wob;
    double m = 1 - fm_smooth(1 - g->edge, 1 + 0.2 * g->edge, rho);
    if (g->part < 1) { /* only the other side of the fingertip touched: a smaller oval there */
        double u2 = (x + g->ux * g->shift) / (g->a * g->part);
        double v2 = (y + g->uy * g->shift) / ((y < 0 ? g->b_up : g->b_lo) * g->part);
        m *= 1 - fm_smooth(1 - g->edge, 1 + 0.2 * g->edge, sqrt(u2 * u2 + v2 * v2) / wob);
    }
    return m;
}

static void make_map(const finger_master *m, const finger_capture *c, rd_map *g) {
    const fm_field *f = &m->f;
    double grow = 0.84 + 0.2 * fm_clamp(c->pressure, 0, 1);
    g->fx = FINGER_IMG_W / 2.0 + c->dx, g->fy = FINGER_IMG_H / 2.0 + 25 + c->dy;
    g->mx = f->xc, g->my = f->top + f->half_h;
    g->cr = cos(c->rotation), g->sr = sin(c->rotation);
    g->amp = 8 * fm_clamp(c->distortion, 0, 1.5);
    g->dseed = rng_derive(c->seed, "finger/distortion");
    g->oseed = rng_derive(c->seed, "finger/outline");
    g->a = f->half_w * grow, g->b_up = f->half_h * grow, g->b_lo = f->half_h * 1.35 * grow;
    g->edge = 7.0 / g->a;
    double k = fm_clamp(c->contact, 0.2, 1);
    g->part = 1;
    if (k < 0.999) {
        g->ux = cos(c->contact_dir), g->uy = sin(c->contact_dir);
        double r = fabs(g->ux) * g->a + fabs(g->uy) * (g->uy < 0 ? g->b_up : g->b_lo);
        g->part = 0.5 + 0.5 * k, g->shift = (1 - k) * r * 1.1;
    }
}

/* ---- the skin and the capture ---- */

static uint64_t hash3(uint64_t s, int64_t a, int64_t b) {
    uint64_t h = s ^ ((uint64_t)a * 0x9E3779B97F4A7C15ull) ^ ((uint64_t)b * 0xC2B2AE3D27D4EB4Full);
    h ^= h >> 31;
    h *= 0xBF58476D1CE4E5B9ull;
    h ^= h >> 29;
    return h;
}

/* Pores: bright dots on ridge centres, about one every 0.35 mm of ridge,
 * fixed to the skin. Returns how much of the ink a pore takes (0..1). */
static double pore(uint64_t seed, double px, double py) {
    const double cell = 7.0;
    double u = px / cell, v = py / cell;
    int64_t cx = (int64_t)floor(u), cy = (int64_t)floor(v);
    int64_t i0 = u - cx < 0.5 ? cx - 1 : cx, j0 = v - cy < 0.5 ? cy - 1 : cy;
    double best = 0;
    for (int64_t j = j0; j <= j0 + 1; j++)
        for (int64_t i = i0; i <= i0 + 1; i++) {
            uint64_t h = hash3(seed, i, j);
            if (h % 6 != 0) continue; /* one cell in six has a pore */
            double ox = (i + 0.25 + ((h >> 8) & 1023) / 2048.0) * cell;
            double oy = (j + 0.25 + ((h >> 20) & 1023) / 2048.0) * cell;
            double rad = 0.9 + ((h >> 32) & 255) / 255.0 * 0.6;
            double d2 = (px - ox) * (px - ox) + (py - oy) * (py - oy);
            if (d2 < rad * rad) best = fmax(best, 1 - d2 / (rad * rad));
        }
    return best;
}

/* Distance from p to the finger's scar (a bent segment), in px. */
static double scar_dist(const finger_master *m, double px, double py) {
    double ax = m->scar_x0, ay = m->scar_y0, bx = m->scar_x1, by = m->scar_y1;
    double vx = bx - ax, vy = by - ay, l2 = vx * vx + vy * vy;
    double t = fm_clamp(((px - ax) * vx + (py - ay) * vy) / l2, 0, 1), l = sqrt(l2);
    double bend = m->scar_bend * 4 * t * (1 - t); /* the bend, across the segment */
    double cx = ax + t * vx - bend * vy / l, cy = ay + t * vy + bend * vx / l;
    return hypot(px - cx, py - cy);
}

/* Ink (0 paper .. 1 full ridge) at master point p of the ridge pattern r. */
typedef struct rd_skin {
    double thr, soft; /* ridge threshold on cos(phase) and its softness */
    double light;     /* 0 normal pressure .. 1 the lightest touch */
    double dry, wet, wear, scar, scar_w;
    uint64_t cseed; /* the capture's own noise */
} rd_skin;

static double ink_at(const finger_master *m, const rd_skin *k, double r, double px, double py,
                     double edge) {
    /* the rim presses less; ridge edges are never straight; a light touch
     * leaves gaps along the ridges */
    double thr = k->thr + 0.45 * (1 - edge) +
                 (0.16 + 0.55 * k->light) * fm_noise(m->skin_seed ^ 11, px, py, 2.6 + 2 * k->light);
    double wetr = r;
    if (k->wet > 0) { /* moisture fills valleys, most in smears */
        double blob =
            fm_noise(k->cseed ^ 77, px, py, 16) + 0.5 * fm_noise(k->cseed ^ 78, px, py, 6);
        wetr = r + k->wet * (0.3 + 1.3 * fm_smooth(0.15, 0.75, blob));
    }
    double ink = fm_smooth(thr - k->soft, thr + k->soft, wetr);
    ink *= 1 - 0.45 * k->light;
    if (r > 0.4) ink *= 1 - 0.8 * pore(m->skin_seed, px, py) * fm_smooth(0.4, 0.9, r);
    if (k->dry > 0) { /* dry skin: ridges break up, patches fade */
        double grain = fm_noise(k->cseed, px, py, 3.2) + 0.6 * fm_noise(k->cseed ^ 9, px, py, 1.7);
        double patch = fm_noise(k->cseed ^ 21, px, py, 45);
        ink *= 1 - fm_smooth(-0.2, 0.5, k->dry * (0.9 + grain) + 0.8 * k->dry * patch - 0.75);
    }
    if (k->wear > 0) { /* worn ridges: flattened, fragmented */
        double frag = fm_noise(m->skin_seed ^ 3, px, py, 5.5);
        ink *= 1 - k->wear * fm_smooth(-0.1, 0.5, frag) * 0.9;
        ink *= 1 - 0.35 * k->wear;
    }
    if (k->scar > 0) { /* a white band with ragged edges; a healed scar has a raised rim */
        double d = scar_dist(m, px, py), ragged = 1.8 * fm_noise(m->skin_seed ^ 5, px, py, 4);
        double wd = k->scar_w + ragged;
        double in = 1 - fm_smooth(wd * 0.5, wd * 0.5 + 1.5, d);
        ink *= 1 - in;
        if (k->scar <= 1) ink = fmax(ink, 0.5 * (1 - fm_smooth(0, 1.5, fabs(d - wd * 0.5 - 1))));
    }
    return fm_clamp(ink, 0, 1);
}

static void make_skin(const finger_master *m, const finger_capture *c, rd_skin *k) {
    double p = fm_clamp(c->pressure, 0, 1);
    k->thr = 0.5 - 1.15 * p;
    k->light = fm_clamp((0.35 - p) / 0.35, 0, 1);
    k->soft = 0.42;
    k->dry = fm_clamp(c->dryness, 0, 1);
    k->wet = fm_clamp(c->wetness, 0, 1);
    k->wear = fm_clamp(c->wear, 0, 1);
    k->scar = fm_clamp(c->scar, 0, 2);
    k->scar_w = k->scar > 1 ? 2.5 + 1.5 * (k->scar - 1) : m->scar_w * (0.7 + 0.8 * k->scar);
    k->cseed = rng_derive(c->seed, "finger/skin");
}

static double ridge_at(const finger_master *m, double x, double y) {
    if (x < 0 || y < 0 || x > FM_W - 1.001 || y > FM_H - 1.001) return -1;
    int ix = (int)x, iy = (int)y;
    double tx = x - ix, ty = y - iy;
    const float *r = m->ridge + iy * FM_W + ix;
    return (r[0] * (1 - tx) + r[1] * tx) * (1 - ty) + (r[FM_W] * (1 - tx) + r[FM_W + 1] * tx) * ty;
}

/* Gaussian-ish noise from a hash, -1..1 summed thrice. */
static double pix_noise(uint64_t s, int x, int y) {
    uint64_t h = hash3(s, x, y);
    double a = (double)(h & 0xFFFFF) / 0xFFFFF, b = (double)((h >> 20) & 0xFFFFF) / 0xFFFFF;
    double c = (double)((h >> 40) & 0xFFFFF) / 0xFFFFF;
    return (a + b + c - 1.5) * 1.15;
}

#define GRID 4 /* the placement and the contact are smooth: computed every 4 px */
#define GW   (FINGER_IMG_W / GRID + 2)
#define GH   (FINGER_IMG_H / GRID + 2)

static void render(const finger_master *m, const finger_capture *c, const rd_map *g,
                   const rd_skin *k, finger_impression *out) {
    uint64_t ns = rng_derive(c->seed, "finger/noise");
    double sigma = 2 + 9 * fm_clamp(c->noise, 0, 1), area = 0;
    double dark = 30 + 55 * k->wear + 35 * k->dry;
    static const int gw = GW, gh = GH;
    float gx[GH][GW], gy[GH][GW], gc[GH][GW], gb[GH][GW], gv[GH][GW];
    for (int j = 0; j < gh; j++)
        for (int i = 0; i < gw; i++) {
            double px, py;
            to_master(g, i * GRID, j * GRID, &px, &py);
            gx[j][i] = (float)px, gy[j][i] = (float)py, gc[j][i] = (float)contact(g, px, py);
            gb[j][i] = (float)(6 * fm_noise(ns, i * GRID, j * GRID, 60));
            gv[j][i] = (float)(0.86 + 0.14 * fm_noise(m->skin_seed ^ 13, px, py, 22));
        }
    for (int y = 0; y < FINGER_IMG_H; y++)
        for (int x = 0; x < FINGER_IMG_W; x++) {
            int i = x / GRID, j = y / GRID;
            double tx = (x + 0.5 - i * GRID) / GRID, ty = (y + 0.5 - j * GRID) / GRID;
#define LERP(a)                                                                                    \
    ((a[j][i] * (1 - tx) + a[j][i + 1] * tx) * (1 - ty) +                                          \
     (a[j + 1][i] * (1 - tx) + a[j + 1][i + 1] * tx) * ty)
            double px = LERP(gx), py = LERP(gy), cm = LERP(gc), ink = 0;
            if (cm > 0.001) {
                ink = cm * LERP(gv) * ink_at(m, k, ridge_at(m, px, py), px, py, cm);
                area += cm;
            }
            double vig = 1 - 0.05 * ((x - 200.0) * (x - 200.0) + (y - 250.0) * (y - 250.0)) / 80000;
            double bg = 242 * vig + LERP(gb);
#undef LERP
            double v = bg - (bg - dark) * ink + sigma * pix_noise(ns, x, y);
            out->img.px[y * FINGER_IMG_W + x] = (uint8_t)fm_clamp(v + 0.5, 0, 255);
        }
    out->contact_px = area;
}

/* Whether the impression shows master point p: well inside the contact
 * (at the soft rim ridges fade, and no examiner marks a minutia there). */
static int shown(const rd_map *g, double px, double py) {
    if (contact(g, px, py) < 0.9) return 0;
    for (int k = 0; k < 4; k++)
        if (contact(g, px + 14 * (k == 0) - 14 * (k == 1), py + 14 * (k == 2) - 14 * (k == 3)) <
            0.5)
            return 0;
    return 1;
}

/* The master's minutiae and singular points that this impression shows. */
static void truth(const finger_master *m, const rd_map *g, const rd_skin *k,
                  finger_impression *out) {
    const finger_info *in = &m->info;
    out->ntruth = 0;
    for (int i = 0; i < in->nminutiae; i++) {
        const finger_minutia *mi = &in->minutiae[i];
        if (!shown(g, mi->x, mi->y)) continue;
        if (k->scar > 0 && scar_dist(m, mi->x, mi->y) < k->scar_w + 4) continue;
        double qx, qy, tx, ty;
        to_frame(g, mi->x, mi->y, &qx, &qy);
        to_frame(g, mi->x + 4 * cos(mi->angle), mi->y + 4 * sin(mi->angle), &tx, &ty);
        if (qx < 4 || qy < 4 || qx > FINGER_IMG_W - 4 || qy > FINGER_IMG_H - 4) continue;
        finger_minutia *o = &out->truth[out->ntruth++];
        *o = *mi;
        o->id = (uint16_t)i;
        o->x = (float)(qx - 0.5), o->y = (float)(qy - 0.5);
        double a = atan2(ty - qy, tx - qx);
        o->angle = (float)(a < 0 ? a + 2 * M_PI : a);
    }
    out->ncores = out->ndeltas = 0;
    for (int i = 0; i < m->f.nsing; i++) {
        const fm_sing *s = &m->f.s[i];
        double qx, qy;
        if (!shown(g, s->x, s->y)) continue;
        to_frame(g, s->x, s->y, &qx, &qy);
        if (qx < 0 || qy < 0 || qx >= FINGER_IMG_W || qy >= FINGER_IMG_H) continue;
        finger_point p = {(float)(qx - 0.5), (float)(qy - 0.5)};
        if (s->kind > 0)
            out->cores[out->ncores++] = p;
        else
            out->deltas[out->ndeltas++] = p;
    }
}

int finger_impress(const finger_master *m, const finger_capture *c, finger_impression *out,
                   bl_err *err) {
    memset(out, 0, sizeof *out);
    if (finger_image_init(&out->img, FINGER_IMG_W, FINGER_IMG_H, err) != 0) return -1;
    rd_map g;
    rd_skin k;
    make_map(m, c, &g);
    make_skin(m, c, &k);
    render(m, c, &g, &k, out);
    truth(m, &g, &k, out);
    return 0;
}

void finger_impression_deinit(finger_impression *imp) {
    finger_image_deinit(&imp->img);
}

/* ---- captures ---- */

static const char *const capture_names[FINGER_CAPTURE_KIND_COUNT] = {
    "good", "light", "heavy", "dry", "wet", "partial", "rotated", "worn", "scarred"};

const char *finger_capture_name(finger_capture_kind kind) {
    return (unsigned)kind < FINGER_CAPTURE_KIND_COUNT ? capture_names[kind] : "unknown";
}

void finger_capture_preset(finger_capture *c, finger_capture_kind kind, uint64_t seed) {
    rng r;
    rng_init(&r, rng_derive(seed, "finger/capture"));
    memset(c, 0, sizeof *c);
    c->seed = rng_u64(&r);
    c->dx = rng_range(&r, -10, 10), c->dy = rng_range(&r, -10, 10);
    c->rotation = rng_range(&r, -0.08, 0.08);
    c->contact = 1, c->pressure = rng_range(&r, 0.45, 0.6);
    c->distortion = rng_range(&r, 0.2, 0.5), c->noise = rng_range(&r, 0.05, 0.2);
    switch (kind) {
    case FINGER_CAPTURE_LIGHT:
        c->pressure = rng_range(&r, 0.05, 0.15);
        break;
    case FINGER_CAPTURE_HEAVY:
        c->pressure = rng_range(&r, 0.9, 1.0), c->distortion += 0.3;
        break;
    case FINGER_CAPTURE_DRY:
        c->dryness = rng_range(&r, 0.75, 0.95), c->pressure -= 0.1;
        break;
    case FINGER_CAPTURE_WET:
        c->wetness = rng_range(&r, 0.85, 1.0);
        break;
    case FINGER_CAPTURE_PARTIAL:
        c->contact = rng_range(&r, 0.4, 0.55), c->contact_dir = rng_range(&r, 0, 2 * M_PI);
        break;
    case FINGER_CAPTURE_ROTATED:
        c->rotation = (rng_below(&r, 2) ? 1 : -1) * rng_range(&r, 0.3, 0.36);
        c->dx = rng_range(&r, -45, 45), c->dy = rng_range(&r, -35, 35);
        break;
    case FINGER_CAPTURE_WORN:
        c->wear = rng_range(&r, 0.6, 0.85);
        break;
    case FINGER_CAPTURE_SCARRED:
        c->scar = rng_range(&r, 0.6, 1.0);
        break;
    default:
        break;
    }
}

/* How travellers at a counter touch the scanner: half the time well; else
 * too light, too hard, dry or damp skin, half a fingertip or a turned one,
 * each from mild to bad (the presets are the bad end). */
void finger_capture_random(finger_capture *c, uint64_t seed) {
    rng r;
    rng_init(&r, rng_derive(seed, "finger/random"));
    uint32_t u = rng_below(&r, 100);
    finger_capture_kind k = u < 52   ? FINGER_CAPTURE_GOOD
                            : u < 60 ? FINGER_CAPTURE_LIGHT
                            : u < 68 ? FINGER_CAPTURE_HEAVY
                            : u < 76 ? FINGER_CAPTURE_DRY
                            : u < 82 ? FINGER_CAPTURE_WET
                            : u < 91 ? FINGER_CAPTURE_PARTIAL
                                     : FINGER_CAPTURE_ROTATED;
    finger_capture_preset(c, k, rng_u64(&r));
    double sev = rng_range(&r, 0.3, 1); /* how bad the condition is */
    c->pressure = 0.5 + (c->pressure - 0.5) * sev;
    c->dryness *= sev, c->wetness *= sev;
    if (k == FINGER_CAPTURE_PARTIAL) c->contact = 1 - (1 - c->contact) * sev;
    /* and something of everything, as no two touches are alike */
    c->rotation += rng_range(&r, -0.12, 0.12);
    c->dx += rng_range(&r, -20, 20), c->dy += rng_range(&r, -20, 20);
    c->pressure = fm_clamp(c->pressure + rng_range(&r, -0.08, 0.08), 0, 1);
    c->dryness = fm_clamp(c->dryness + rng_range(&r, 0, 0.2), 0, 1);
}
