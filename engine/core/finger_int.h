/* finger_int.h - what the fingerprint files share and nobody else reads:
 * the master's orientation model and phase, and the image analysis that
 * extraction and quality both use (finger.c, finger_phase.c,
 * finger_render.c, finger_orient.c, finger_extract.c, finger_quality.c).
 */
#ifndef BL_FINGER_INT_H
#define BL_FINGER_INT_H

#include <stdint.h>

#include "finger.h"

/* The master's canvas: 24.4 x 30.9 mm at 500 ppi, larger than any
 * fingertip, so a rotated or shifted impression stays on it. */
#define FM_W        480
#define FM_H        608
#define FM_S        4                 /* the phase is solved on a grid of this step (px) */
#define FM_NX       (FM_W / FM_S + 1) /* 121 nodes across */
#define FM_NY       (FM_H / FM_S + 1) /* 153 nodes down */
#define FM_NN       (FM_NX * FM_NY)   /* nodes */
#define FM_MAX_SING 4                 /* whorls have two cores and two deltas */
#define FM_MAX_CUT  4                 /* one fold line per unpaired singular point */
#define FM_MAX_DIP  (FINGER_MAX_MINUTIAE / 2)

#ifndef M_PI
#define M_PI 3.14159265358979323846
#endif

/* A singular point of the orientation field with the Vizcaya-Gerhardt
 * correction of its angular term (8 knots over the full turn). */
typedef struct fm_sing {
    double x, y;
    int kind;       /* +1 core (Poincare index +1/2), -1 delta (-1/2) */
    double knot[9]; /* g(-pi + k pi/4) - (-pi + k pi/4); knot[8] == knot[0] */
    double axis;    /* core: the direction its loop opens to */
    double hairpin; /* core: 0 the zero-pole's parabolas .. 1 a hairpin's parallel legs */
} fm_sing;

/* The orientation and ridge-period model of one master, evaluated anywhere. */
typedef struct fm_field {
    int cls; /* finger_class */
    int nsing;
    fm_sing s[FM_MAX_SING];
    double theta_inf;                       /* far-field ridge direction */
    double xc, top, half_w, half_h;         /* the fingertip's ellipse on the canvas */
    double dome;                            /* curvature of the ridges over the tip */
    double dome_y;                          /* below this, the dome term fades */
    double arch_h, arch_s, arch_y, arch_sy; /* plain arch: bump height, width, centre */
    double pert[3][4];                      /* orientation wobble: amp, kx, ky, phase */
    double period;                          /* mean ridge period, px */
    double fpert[3][4];                     /* relative period wobble */
} fm_field;

/* A dipole of spiral phases: minutia a (+1) and b (-1) with an extra ridge
 * or valley between, windowed so it is local (finger_phase.c). */
typedef struct fm_dipole {
    double ax, ay, bx, by;
    double r1, r2; /* window: 1 within r1 of the segment, 0 beyond r2 */
    int8_t sa, sb; /* +1 a fork (ridge at the minutia), -1 an ending (valley) */
} fm_dipole;

struct finger_master {
    uint64_t seed;
    int position;
    finger_info info;
    fm_field f;
    int ndip;
    fm_dipole dip[FM_MAX_DIP];
    float *ridge; /* FM_W x FM_H: cos of the phase, +1 ridge centre, -1 valley centre */
    /* what makes a finger this finger in every impression */
    double scar_x0, scar_y0, scar_x1, scar_y1, scar_bend, scar_w;
    uint64_t skin_seed; /* pores, creases: noise fixed to the skin */
};

/* finger.c: the model */
double fm_theta(const fm_field *f, double x, double y);  /* ridge direction, radians mod pi */
double fm_period(const fm_field *f, double x, double y); /* ridge period, px */
void fm_field_make(fm_field *f, uint64_t seed, int position);
/* Follows the ridge flow from singular point `from` in direction a0 (one
 * px a step) into pts (x, y pairs, at most cap floats, from the point
 * itself); *n points. Returns -2 failed, -1 left the canvas, or the index
 * of the singular point it reached. */
int fm_trace(const fm_field *f, int from, double a0, float *pts, int cap, int *n);
/* The directions in which ridges leave singular point i radially: one for
 * a core (its axis), three for a delta. */
int fm_prongs(const fm_field *f, int i, double *dir, int cap);

/* finger_phase.c: the ridge pattern from the model; 0 or -1 with err */
int fm_phase_build(finger_master *m, bl_err *err);

/* finger_solve.c: the continuous phase of the ridges. */
typedef struct ph_ws ph_ws;
ph_ws *ph_create(void); /* NULL when out of memory */
void ph_destroy(ph_ws *w);
int ph_solve(const fm_field *f, ph_ws *w, bl_err *err);
double ph_psi(const ph_ws *w, double x, double y); /* the phase at a point, solved */
/* How near the fold lines come to the segment a-b, px. */
double ph_fold_dist(const ph_ws *w, double ax, double ay, double bx, double by);

/* Small math shared by the files. */
static inline double fm_clamp(double v, double lo, double hi) {
    return v < lo ? lo : v > hi ? hi : v;
}
static inline double fm_smooth(double e0, double e1, double x) {
    double t = fm_clamp((x - e0) / (e1 - e0), 0, 1);
    return t * t * (3 - 2 * t);
}
/* Angle difference wrapped into (-pi, pi]. */
static inline double fm_wrap(double a) {
    while (a > M_PI)
        a -= 2 * M_PI;
    while (a <= -M_PI)
        a += 2 * M_PI;
    return a;
}

/* atan2 to about 1e-5 rad and cos to about 1e-6: the ridge pattern is
 * evaluated a few hundred thousand times per finger and needs no more. */
static inline double fm_atan2(double y, double x) {
    double ax = x < 0 ? -x : x, ay = y < 0 ? -y : y;
    double mx = ax > ay ? ax : ay, mn = ax > ay ? ay : ax;
    if (mx == 0) return 0;
    double a = mn / mx, s = a * a;
    double r = ((-0.0464964749 * s + 0.15931422) * s - 0.327622764) * s * a + a;
    if (ay > ax) r = M_PI / 2 - r;
    if (x < 0) r = M_PI - r;
    return y < 0 ? -r : r;
}
static inline double fm_cos(double p) {
    double k = p * (1 / (2 * M_PI));
    k = (double)(long long)(k + (k < 0 ? -0.5 : 0.5));
    double x = p - k * (2 * M_PI), sign = 1;
    if (x < 0) x = -x;
    if (x > M_PI / 2) x = M_PI - x, sign = -1;
    double y = x * x;
    double c =
        1 + y * (-1.0 / 2 + y * (1.0 / 24 + y * (-1.0 / 720 + y * (1.0 / 40320 - y / 3628800))));
    return sign * c;
}

/* Value noise in [-1, 1] on a lattice of `cell` px, from a seed: smooth,
 * deterministic, fixed to the coordinates it is given. */
double fm_noise(uint64_t seed, double x, double y, double cell);

/* ---- image analysis (finger_orient.c) ---- */

#define FA_B 8 /* analysis block, px */

/* The blockwise analysis of a grayscale finger image. */
typedef struct fa_map {
    int bw, bh;      /* blocks across and down */
    float *theta;    /* ridge direction per block, radians in [0, pi) */
    float *coh;      /* coherence of the orientation, 0..1 */
    float *period;   /* ridge period per block, px (0 where unknown) */
    float *contrast; /* local standard deviation of gray */
    uint8_t *fg;     /* 1 foreground (finger), 0 background */
    int nfg;         /* foreground blocks */
    int nperiod;     /* foreground blocks whose period was measured (not filled in) */
    double clarity;  /* mean ridge/valley separation over the foreground, 0..1 */
} fa_map;

int fa_analyse(const finger_image *img, fa_map *a, bl_err *err);
void fa_free(fa_map *a);
/* finger_extract.c: analysis, minutiae, singular points and quality in one
 * pass (finger_extract and finger_quality both call it; q may be NULL). */
int fx_run(const finger_image *img, finger_template *t, finger_quality_report *q, bl_err *err);
/* finger_quality.c: the score from an analysis and the minutiae found. */
int fq_score(const fa_map *a, int nminutiae, finger_quality_report *q);
/* Singular points by the Poincare index over the block orientation field. */
int fa_singular(const fa_map *a, finger_point *cores, int *ncores, finger_point *deltas,
                int *ndeltas, int cap);

#endif
