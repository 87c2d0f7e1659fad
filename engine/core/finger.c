/* finger.c - a master finger from a seed: its pattern class, singular
 * points, orientation field and ridge period (the ridges themselves:
 * finger_phase.c; impressions: finger_render.c).
 *
 * The orientation field is the zero-pole model of Sherlock and Monro (1993):
 *   theta(z) = theta_inf + 1/2 sum_cores g(arg(z - c)) - 1/2 sum_deltas g(arg(z - d))
 * with the correction of Vizcaya and Gerhardt (1996) as SFinGe uses it
 * (Cappelli, Maio, Maltoni): g is the identity bent at 8 knots by small
 * random amounts, so two loops differ in how their ridges turn, not only
 * in where the core and delta sit. Two terms the plain model lacks: the
 * dome over the fingertip (ridges above the core follow the tip's outline)
 * and, for plain arches, which have no singular point, a bump whose height
 * fades above and below. A slow wobble makes every field its own.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "finger_int.h"
#include "rng.h"

/* Pattern class frequencies per finger of the right hand (thumb .. little),
 * in percent: arch, tented arch, radial loop, ulnar loop, whorl. Averaged
 * over the five they give arches 5.8 %, loops 64 %, whorls 30 %, close to
 * the FBI's tallies; radial loops and arches come mostly on index fingers.
 * A right hand's ulnar loop opens to the right in the image, a left hand's
 * to the left. */
static const int class_pct[5][5] = {
    {2, 1, 2, 50, 45},  /* thumb */
    {8, 6, 16, 40, 30}, /* index */
    {5, 2, 2, 72, 19},  /* middle */
    {2, 1, 1, 52, 44},  /* ring */
    {1, 1, 1, 84, 13},  /* little */
};

/* Fingertip widths (mm) per finger: thumb, index, middle, ring, little. */
static const double width_lo[5] = {19.5, 15.5, 16.0, 15.0, 13.0};
static const double width_hi[5] = {23.0, 17.5, 18.0, 17.0, 15.0};

static const char *const class_names[FINGER_CLASS_COUNT] = {"arch", "tented arch", "left loop",
                                                            "right loop", "whorl"};
static const char *const position_names[11] = {
    "unknown finger", "right thumb", "right index", "right middle", "right ring", "right little",
    "left thumb",     "left index",  "left middle", "left ring",    "left little"};

const char *finger_class_name(finger_class c) {
    return (unsigned)c < FINGER_CLASS_COUNT ? class_names[c] : "unknown";
}

const char *finger_position_name(int position) {
    return position >= 0 && position <= 10 ? position_names[position] : "unknown finger";
}

/* A lattice value in [-1, 1): one multiply-xorshift round of the point's
 * key (enough for texture; nothing here is cryptographic). */
static double lattice(uint64_t seed, int64_t ix, int64_t iy) {
    uint64_t h = seed + (uint64_t)ix * 0x9E3779B97F4A7C15ull + (uint64_t)iy * 0xC2B2AE3D27D4EB4Full;
    h ^= h >> 32;
    h *= 0xD6E8FEB86659FD93ull;
    h ^= h >> 32;
    h *= 0xD6E8FEB86659FD93ull;
    h ^= h >> 29;
    return (double)(h >> 11) * (2.0 / 9007199254740992.0) - 1.0;
}

double fm_noise(uint64_t seed, double x, double y, double cell) {
    double u = x / cell, v = y / cell;
    double fx = floor(u), fy = floor(v);
    double tx = u - fx, ty = v - fy;
    int64_t ix = (int64_t)fx, iy = (int64_t)fy;
    tx = tx * tx * (3 - 2 * tx);
    ty = ty * ty * (3 - 2 * ty);
    double a = lattice(seed, ix, iy), b = lattice(seed, ix + 1, iy);
    double c = lattice(seed, ix, iy + 1), d = lattice(seed, ix + 1, iy + 1);
    return (a + (b - a) * tx) * (1 - ty) + (c + (d - c) * tx) * ty;
}

/* The corrected angular term g(alpha) of one singular point. A core's is
 * also bent towards a hairpin: round behind the core, flat along its axis,
 * so the innermost ridges recurve as a U with parallel legs (the plain
 * model draws confocal parabolas whose legs fan out from the core). */
static double sing_g(const fm_sing *s, double alpha) {
    if (s->hairpin > 0) {
        double p = fm_wrap(alpha - s->axis), h = 0;
        if (p > M_PI / 2) h = p - M_PI / 2;
        if (p < -M_PI / 2) h = p + M_PI / 2;
        alpha = s->axis + (1 - s->hairpin) * p + 2 * s->hairpin * h;
    }
    /* the knots' bend is periodic: read it at the angle brought back into one turn */
    double t = (fm_wrap(alpha) + M_PI) / (M_PI / 4);
    int k = (int)floor(t);
    if (k < 0) k = 0;
    if (k > 7) k = 7;
    double f = t - k;
    return alpha + s->knot[k] + (s->knot[k + 1] - s->knot[k]) * f;
}

double fm_theta(const fm_field *f, double x, double y) {
    double th = f->theta_inf;
    for (int i = 0; i < f->nsing; i++) {
        const fm_sing *s = &f->s[i];
        th += 0.5 * s->kind * sing_g(s, atan2(y - s->y, x - s->x));
    }
    if (f->cls == FINGER_ARCH) {
        double dx = x - f->xc, e = exp(-dx * dx / (2 * f->arch_s * f->arch_s));
        double dy = (y - f->arch_y) / f->arch_sy;
        double h = f->arch_h * exp(-dy * dy);
        th += atan(h * dx / (f->arch_s * f->arch_s) * e);
    }
    /* the dome: over the tip ridges run parallel to its outline */
    double w = fm_smooth(f->dome_y, f->dome_y - 160, y);
    if (w > 0) {
        double d = fm_clamp(f->dome_y + 90 - y, 60, 1e9);
        th += w * atan(f->dome * (x - f->xc) / d);
    }
    for (int k = 0; k < 3; k++)
        th += f->pert[k][0] * sin(f->pert[k][1] * x + f->pert[k][2] * y + f->pert[k][3]);
    return th;
}

double fm_period(const fm_field *f, double x, double y) {
    double r = 1;
    for (int k = 0; k < 3; k++)
        r += f->fpert[k][0] * sin(f->fpert[k][1] * x + f->fpert[k][2] * y + f->fpert[k][3]);
    return f->period * r;
}

/* The direction in which a core's ridges run out radially (its axis). */
static double core_axis(const fm_field *f, int i) {
    const int n = 360;
    double best = 0, bestv = -2;
    for (int k = 0; k < n; k++) {
        double phi = 2 * M_PI * k / n;
        double t = fm_theta(f, f->s[i].x + 6 * cos(phi), f->s[i].y + 6 * sin(phi));
        double v = cos(2 * (t - phi));
        if (v > bestv) bestv = v, best = phi;
    }
    return best;
}

/* Follows the ridge flow from (x, y) in direction a0, one px a step, into
 * pts (x, y pairs, starting at the singular point). Returns -2 failed,
 * -1 reached the canvas edge, or the index of the singular point reached. */
int fm_trace(const fm_field *f, int from, double a0, float *pts, int cap, int *n) {
    double x = f->s[from].x, y = f->s[from].y, px = cos(a0), py = sin(a0);
    int k = 0;
    pts[k++] = (float)x, pts[k++] = (float)y;
    x += 3 * px, y += 3 * py;
    for (int step = 0; 2 * step + 6 < cap; step++) {
        pts[k++] = (float)x, pts[k++] = (float)y;
        *n = k / 2;
        if (x < -6 || y < -6 || x > FM_W + 6 || y > FM_H + 6) return -1;
        for (int j = 0; j < f->nsing; j++) {
            if (j == from && step < 12) continue;
            double dx = x - f->s[j].x, dy = y - f->s[j].y;
            if (dx * dx + dy * dy < (j == from ? 16.0 : 49.0)) {
                if (j == from) return -2;
                pts[k++] = (float)f->s[j].x, pts[k++] = (float)f->s[j].y;
                *n = k / 2;
                return j;
            }
        }
        double t = fm_theta(f, x, y), tx = cos(t), ty = sin(t);
        if (tx * px + ty * py < 0) tx = -tx, ty = -ty;
        t = fm_theta(f, x + 0.5 * tx, y + 0.5 * ty);
        double ux = cos(t), uy = sin(t);
        if (ux * tx + uy * ty < 0) ux = -ux, uy = -uy;
        x += ux, y += uy, px = ux, py = uy;
    }
    return -2;
}

/* The directions in which ridges leave a singular point radially: one for
 * a core (its axis), three for a delta. */
int fm_prongs(const fm_field *f, int i, double *dir, int cap) {
    const int n = 720;
    int found = 0;
    double prev = 0, r = 5;
    for (int k = 0; k <= n && found < cap; k++) {
        double phi = 2 * M_PI * k / n;
        double t = fm_theta(f, f->s[i].x + r * cos(phi), f->s[i].y + r * sin(phi));
        double d = fm_wrap(2 * (t - phi));
        if (k > 0 && ((prev < 0) != (d < 0)) && fabs(prev - d) < M_PI)
            dir[found++] = phi - M_PI / n;
        prev = d;
    }
    return found;
}

static int pick_class(rng *r, int position) {
    int hand = position <= 5 ? 0 : 1, digit = (position - 1) % 5;
    int u = (int)rng_below(r, 100), acc = 0, k = 0;
    for (; k < 4; k++) {
        acc += class_pct[digit][k];
        if (u < acc) break;
    }
    static const int right_hand[5] = {FINGER_ARCH, FINGER_TENTED_ARCH, FINGER_LEFT_LOOP,
                                      FINGER_RIGHT_LOOP, FINGER_WHORL};
    int c = right_hand[k];
    if (hand == 1 && c == FINGER_LEFT_LOOP) return FINGER_RIGHT_LOOP;
    if (hand == 1 && c == FINGER_RIGHT_LOOP) return FINGER_LEFT_LOOP;
    return c;
}

static void add_sing(fm_field *f, rng *r, int kind, double x, double y) {
    fm_sing *s = &f->s[f->nsing++];
    s->x = x, s->y = y, s->kind = kind;
    for (int k = 0; k < 8; k++)
        s->knot[k] = rng_range(r, -0.22, 0.22);
    s->knot[8] = s->knot[0];
}

/* Where the singular points of each class sit, relative to the tip. */
static void place_singular(fm_field *f, rng *r) {
    double cx = f->xc, cy = f->top + f->half_h * 0.95;
    double side = f->cls == FINGER_LEFT_LOOP ? -1 : 1;
    switch (f->cls) {
    case FINGER_LEFT_LOOP:
    case FINGER_RIGHT_LOOP: {
        double x = cx + side * rng_range(r, -10, 30), y = cy + rng_range(r, -35, 25);
        add_sing(f, r, +1, x, y);
        add_sing(f, r, -1, x - side * rng_range(r, 95, 150), y + rng_range(r, 55, 105));
        break;
    }
    case FINGER_TENTED_ARCH: {
        double x = cx + rng_range(r, -15, 15), y = cy + rng_range(r, -20, 25);
        add_sing(f, r, +1, x, y);
        add_sing(f, r, -1, x + rng_range(r, -6, 6), y + rng_range(r, 40, 70));
        break;
    }
    case FINGER_WHORL: {
        double x = cx + rng_range(r, -15, 15), y = cy + rng_range(r, -25, 15);
        double d = rng_range(r, 10, 26), a = rng_range(r, -0.6, 0.6) + M_PI / 2;
        add_sing(f, r, +1, x + d * cos(a), y - d * sin(a));
        add_sing(f, r, +1, x - d * cos(a), y + d * sin(a));
        add_sing(f, r, -1, x - rng_range(r, 105, 150), y + rng_range(r, 90, 140));
        add_sing(f, r, -1, x + rng_range(r, 105, 150), y + rng_range(r, 90, 140));
        break;
    }
    default:
        break;
    }
}

/* The singular points, their cores' axes and hairpins, and the dome over
 * the core. */
static void shape(fm_field *f, rng *r, int concentric) {
    f->nsing = 0;
    place_singular(f, r);
    if (concentric && f->cls == FINGER_WHORL) { /* cores one above the other, close */
        double d = rng_range(r, 6, 11);
        f->s[0].x = f->s[1].x = 0.5 * (f->s[0].x + f->s[1].x);
        double y = 0.5 * (f->s[0].y + f->s[1].y);
        f->s[0].y = y - d, f->s[1].y = y + d;
    }
    double hp[FM_MAX_SING];
    for (int i = 0; i < f->nsing; i++) {
        hp[i] = f->s[i].kind > 0 ? rng_range(r, 0.55, 0.9) : 0;
        f->s[i].hairpin = 0;
    }
    for (int i = 0; i < f->nsing; i++)
        if (f->s[i].kind > 0) f->s[i].axis = core_axis(f, i);
    for (int i = 0; i < f->nsing; i++)
        f->s[i].hairpin = hp[i];
    double core_y = f->nsing ? f->s[0].y : f->top + f->half_h;
    for (int i = 0; i < f->nsing; i++)
        if (f->s[i].kind > 0 && f->s[i].y < core_y) core_y = f->s[i].y;
    f->dome_y = core_y - rng_range(r, 10, 40);
}

/* A whorl's two cores must be joined by the ridge flow (the innermost
 * ridge runs from one to the other), or its ridges cannot be drawn as one
 * phase: true for concentric whorls and most double loops. */
static int whorl_joined(const fm_field *f) {
    float pts[2 * 400];
    double dir[8], d = hypot(f->s[1].x - f->s[0].x, f->s[1].y - f->s[0].y);
    int nd = fm_prongs(f, 0, dir, 8);
    for (int k = 0; k < nd; k++) {
        int n = 0; /* directly: a flow that spirals round first would fold a long arc */
        if (fm_trace(f, 0, dir[k], pts, 2 * 400, &n) == 1 && n < 1.6 * d + 12) return 1;
    }
    return 0;
}

void fm_field_make(fm_field *f, uint64_t seed, int position) {
    rng r;
    rng_init(&r, rng_derive(seed, "finger/field"));
    memset(f, 0, sizeof *f);
    f->cls = pick_class(&r, position);
    int digit = (position - 1) % 5;
    double wmm = rng_range(&r, width_lo[digit], width_hi[digit]);
    f->half_w = wmm * FINGER_PPI / 25.4 / 2;
    f->half_h = f->half_w * rng_range(&r, 1.25, 1.4);
    f->xc = FM_W / 2.0;
    f->top = FM_H / 2.0 - f->half_h * 0.9;
    f->theta_inf = rng_range(&r, -0.08, 0.08);
    f->dome = rng_range(&r, 1.0, 1.6);
    f->arch_y = f->top + f->half_h * rng_range(&r, 0.9, 1.15);
    f->arch_h = rng_range(&r, 30, 70);
    f->arch_s = rng_range(&r, 60, 95);
    f->arch_sy = rng_range(&r, 110, 190);
    for (int k = 0; k < 3; k++) {
        double a = rng_range(&r, 0, 2 * M_PI), lam = rng_range(&r, 220, 520);
        f->pert[k][0] = rng_range(&r, 0.03, 0.09);
        f->pert[k][1] = 2 * M_PI / lam * cos(a);
        f->pert[k][2] = 2 * M_PI / lam * sin(a);
        f->pert[k][3] = rng_range(&r, 0, 2 * M_PI);
        a = rng_range(&r, 0, 2 * M_PI), lam = rng_range(&r, 200, 450);
        f->fpert[k][0] = rng_range(&r, 0.02, 0.05);
        f->fpert[k][1] = 2 * M_PI / lam * cos(a);
        f->fpert[k][2] = 2 * M_PI / lam * sin(a);
        f->fpert[k][3] = rng_range(&r, 0, 2 * M_PI);
    }
    f->period = rng_range(&r, 8.0, 9.7); /* the ridges drawn come out about 5 % wider */
    shape(f, &r, 0);
    for (int tries = 0; tries < 12 && f->cls == FINGER_WHORL && !whorl_joined(f); tries++)
        shape(f, &r, tries >= 6);
}

/* The finger's own marks: a scar's place (shown only when a capture says
 * the finger is injured) and the seed of its skin texture. */
static void make_marks(finger_master *m) {
    rng r;
    rng_init(&r, rng_derive(m->seed, "finger/marks"));
    const fm_field *f = &m->f;
    double a = rng_range(&r, -0.9, 0.9) + (rng_below(&r, 2) ? 0 : M_PI / 2);
    double cx = f->xc + rng_range(&r, -0.4, 0.4) * f->half_w;
    double cy = f->top + f->half_h * rng_range(&r, 0.6, 1.4);
    double len = rng_range(&r, 0.6, 1.3) * f->half_w;
    m->scar_x0 = cx - len * cos(a), m->scar_y0 = cy - len * sin(a);
    m->scar_x1 = cx + len * cos(a), m->scar_y1 = cy + len * sin(a);
    m->scar_bend = rng_range(&r, -25, 25);
    m->scar_w = rng_range(&r, 4, 9);
    m->skin_seed = rng_u64(&r);
}

/* A person's seed hashed, then the position: no two (seed, position) pairs
 * of a sequence of seeds share a finger. */
static uint64_t master_seed(uint64_t seed, int position) {
    return rng_derive(rng_derive(seed, "finger") + (uint64_t)position, "finger/position");
}

finger_class finger_class_for(uint64_t seed, int position) {
    if (position < 1 || position > 10) return FINGER_CLASS_COUNT;
    rng r;
    rng_init(&r, rng_derive(master_seed(seed, position), "finger/field"));
    return (finger_class)pick_class(&r, position);
}

finger_master *finger_master_create(uint64_t seed, int position, bl_err *err) {
    if (position < 1 || position > 10) {
        err_set(err, "finger position %d: use 1..10 (1 right thumb .. 10 left little)", position);
        return NULL;
    }
    finger_master *m = calloc(1, sizeof *m);
    if (!m) {
        err_setc(err, BL_E_NOMEM, "out of memory for a finger");
        return NULL;
    }
    m->seed = master_seed(seed, position);
    m->position = position;
    fm_field_make(&m->f, m->seed, position);
    make_marks(m);
    finger_info *in = &m->info;
    in->position = position;
    in->cls = (finger_class)m->f.cls;
    in->period = m->f.period;
    in->width_mm = m->f.half_w * 2 * 25.4 / FINGER_PPI;
    for (int i = 0; i < m->f.nsing; i++) {
        finger_point p = {(float)m->f.s[i].x, (float)m->f.s[i].y};
        if (m->f.s[i].kind > 0)
            in->cores[in->ncores++] = p;
        else
            in->deltas[in->ndeltas++] = p;
    }
    if (fm_phase_build(m, err) != 0) {
        finger_master_destroy(m);
        return NULL;
    }
    return m;
}

void finger_master_destroy(finger_master *m) {
    if (!m) return;
    free(m->ridge);
    free(m);
}

const finger_info *finger_master_info(const finger_master *m) {
    return &m->info;
}

int finger_image_init(finger_image *img, int w, int h, bl_err *err) {
    img->w = w, img->h = h, img->ppi = FINGER_PPI;
    img->px = malloc((size_t)w * (size_t)h);
    if (!img->px) return err_setc(err, BL_E_NOMEM, "out of memory for a %dx%d image", w, h);
    memset(img->px, 255, (size_t)w * (size_t)h);
    return 0;
}

void finger_image_deinit(finger_image *img) {
    free(img->px);
    img->px = NULL;
    img->w = img->h = 0;
}

int finger_image_to_rgba(const finger_image *g, bl_image *out, bl_err *err) {
    if (image_init(out, g->w, g->h, err) != 0) return -1;
    for (size_t i = 0; i < (size_t)g->w * (size_t)g->h; i++) {
        uint8_t *p = out->px + 4 * i;
        p[0] = p[1] = p[2] = g->px[i];
        p[3] = 255;
    }
    return 0;
}
