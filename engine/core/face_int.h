/* face_int.h - what the face model's files share (face.c, face_relate.c,
 * face_match.c, face_geom.c, face_render.c, face_parts.c, face_hair.c,
 * face_camera.c); not for other modules.
 *
 * - The parameter table: every continuous feature parameter once, with its
 *   feature, population mean and spread, the sexes' difference, its range and
 *   its just-noticeable difference. face_from_seed draws from it, face_diff
 *   compares with it, face_morph blends with it and the matcher weighs by it.
 * - Value noise: a hash of the lattice point and a seed, so a pixel's texture
 *   depends on nothing but its position (windows match the whole).
 * - The geometry a render derives from the parameters once (face_geom), and
 *   the per-pixel surface record the painters fill.
 */
#ifndef BL_FACE_INT_H
#define BL_FACE_INT_H

#include <math.h>
#include <stddef.h>
#include <stdint.h>

#include "face.h"
#include "rng.h"

/* ------------------------------------------------------------ parameters */

typedef struct face_pdesc {
    const char *name;
    size_t off;      /* offsetof(face_params, field), a double */
    int feat;        /* face_feature */
    double mean, sd; /* population (both sexes together) */
    double male;     /* male mean minus female mean */
    double lo, hi;   /* range */
    double jnd;      /* just-noticeable difference on close comparison */
    double weight;   /* the simulated matcher's weight */
    int by_profile;  /* drawn by the appearance profile, not from mean/sd */
} face_pdesc;

extern const face_pdesc face_pdescs[];
extern const int face_n_pdescs;

static inline double *face_pref(face_params *p, const face_pdesc *d) {
    return (double *)(void *)((char *)p + d->off);
}
static inline double face_pget(const face_params *p, const face_pdesc *d) {
    return *(const double *)(const void *)((const char *)p + d->off);
}

/* A standard-normal-like draw (sum of four uniforms; bounded, which keeps
 * every face inside the range of plausible faces). */
static inline double face_gauss(rng *r) {
    double s = rng_unit(r) + rng_unit(r) + rng_unit(r) + rng_unit(r);
    return (s - 2.0) * 1.7320508;
}

static inline double face_clamp(double v, double lo, double hi) {
    return v < lo ? lo : v > hi ? hi : v;
}

/* Draws parameter d for sex `male` from r. */
double face_pdraw(const face_pdesc *d, int male, rng *r);
/* The whole face for a sex and an appearance profile (-1: drawn from the seed). */
void face_build(uint64_t seed, int sex, int profile, face_params *p);
/* Draws the profile-bound traits (tone, hair, iris, lids, freckles); profile
 * -1 draws the profile too. */
void face_draw_profile(face_params *p, int profile, rng *r);
/* Copies feature group `feat` (its parameters; the marks) of o into p. */
void face_take_group(face_params *p, const face_params *o, int feat);
/* Draws 0..3 marks. */
void face_draw_marks(face_params *p, rng *r);
/* The greying and recession that follow from years, grey_onset, bald_tend. */
void face_age_hair(face_params *p);
/* The style, beard and clothes drawn for the face's sex and age. */
void face_draw_style(face_params *p, rng *r);

/* ------------------------------------------------------------ noise */

/* A lattice point's hash from its coordinates already multiplied by their
 * odd constants (hx = x * 0x8da6b343, hy = y * 0xd8163841). */
static inline uint32_t fz_mixh(uint32_t hx, uint32_t hy, uint32_t s) {
    uint32_t h = s ^ hx ^ hy;
    h ^= h >> 16;
    h *= 0x7feb352du;
    h ^= h >> 15;
    h *= 0x846ca68bu;
    h ^= h >> 16;
    return h;
}

static inline uint32_t fz_hash(int32_t x, int32_t y, uint32_t s) {
    return fz_mixh((uint32_t)x * 0x8da6b343u, (uint32_t)y * 0xd8163841u, s);
}

static inline double fz_unit(uint32_t h) {
    return (double)(h >> 8) * (2.0 / 16777216.0) - 1.0;
}

static inline double fz_corner(int32_t x, int32_t y, uint32_t s) {
    return fz_unit(fz_hash(x, y, s));
}

/* Smooth value noise in [-1, 1], one lattice cell per unit. */
static inline double fz_noise(double x, double y, uint32_t s) {
    int32_t ix = (int32_t)x, iy = (int32_t)y;
    ix -= x < ix, iy -= y < iy; /* floor */
    double tx = x - ix, ty = y - iy;
    tx = tx * tx * (3 - 2 * tx);
    ty = ty * ty * (3 - 2 * ty);
    uint32_t hx0 = (uint32_t)ix * 0x8da6b343u, hx1 = hx0 + 0x8da6b343u;
    uint32_t hy0 = (uint32_t)iy * 0xd8163841u, hy1 = hy0 + 0xd8163841u;
    double a = fz_unit(fz_mixh(hx0, hy0, s)), b = fz_unit(fz_mixh(hx1, hy0, s));
    double c = fz_unit(fz_mixh(hx0, hy1, s)), d = fz_unit(fz_mixh(hx1, hy1, s));
    double top = a + (b - a) * tx, bot = c + (d - c) * tx;
    return top + (bot - top) * ty;
}

/* How much of a texture of `freq` cells per unit a pixel of `px` units can
 * show: 1 for cells of five pixels or more, 0 below two (no aliasing). */
static inline double fz_band(double freq, double px) {
    double k = (0.5 - freq * px) / 0.3;
    return k < 0 ? 0 : k > 1 ? 1 : k;
}

/* Band-limited noise: 0 where the pixel cannot show it. */
static inline double fz_bnoise(double x, double y, double freq, double px, uint32_t s) {
    double b = fz_band(freq, px);
    return b > 0 ? b * fz_noise(x * freq, y * freq, s) : 0;
}

/* Noise at (u, v) weighted by a band (fz_band): not computed where 0. */
static inline double fz_nb(double u, double v, double band, uint32_t s) {
    return band > 0 ? band * fz_noise(u, v, s) : 0;
}

/* Coverage of a shape from its signed distance d (negative inside). */
static inline double fz_cov(double d, double px) {
    double c = 0.5 - d / px;
    return c < 0 ? 0 : c > 1 ? 1 : c;
}

static inline double fz_smooth(double e0, double e1, double x) {
    double t = (x - e0) / (e1 - e0);
    t = t < 0 ? 0 : t > 1 ? 1 : t;
    return t * t * (3 - 2 * t);
}

static inline void fz_mix(double c[3], const double k[3], double a) {
    c[0] += (k[0] - c[0]) * a;
    c[1] += (k[1] - c[1]) * a;
    c[2] += (k[2] - c[2]) * a;
}

/* e^x for shading (x <= 0 mostly): (1 + x/1024)^1024, within 1% of exp for
 * x >= -2 and far below a pixel's level beyond; a few multiplications
 * where libm's exp costs far more per pixel. */
static inline double fz_exp(double x) {
    if (x < -30) return 0;
    double y = 1 + x * (1.0 / 1024);
    y *= y, y *= y, y *= y, y *= y, y *= y;
    y *= y, y *= y, y *= y, y *= y, y *= y;
    return y;
}

/* A Gaussian's e^-q for shading, q >= 0: (1 - q/16)^16, within 4% of e^-q
 * where it matters (q < 2) and 0 from q = 16. */
static inline double fz_gauss(double q) {
    if (q >= 16) return 0;
    double y = 1 - q * (1.0 / 16);
    y *= y, y *= y, y *= y, y *= y;
    return y;
}

/* atan2 to within 0.005 rad, cheaper than libm's (hair flow). */
double fz_atan2(double y, double x);

/* ------------------------------------------------------------ geometry */

#define FG_NW   512 /* samples of the head's outline */
#define FG_MAXB 64  /* height bumps */
#define FG_NB   40  /* rows and columns of cells the bumps are sorted into */
#define FG_NBX  12

/* A soft bump of the face's height field (negative: a hollow or crease),
 * an elliptical Gaussian turned by (c, s), culled at three sigma. */
typedef struct fg_bump {
    double x, y, isx2, isy2, amp, c, s;
    double x0, y0, x1, y1; /* box */
} fg_bump;

/* The light a render uses (the portrait's studio, or a capture's). */
typedef struct fg_light {
    double L[3], H[3];    /* key light and half vector, unit (y down, z to the camera) */
    double key[3];        /* key light colour x intensity */
    double amb[3];        /* ambient colour x intensity */
    double bg[3], bg2[3]; /* background top and bottom */
    int booth;            /* a booth wall behind, not the studio backdrop */
} fg_light;

/* Everything a render derives from the parameters, once per image and
 * independent of any window. Lengths are face units after the age, weight
 * and expression have shaped them; x, y frontal (before the pose). */
typedef struct face_geom {
    const face_params *p;
    fg_light lt;
    double upx;                         /* face units per output pixel */
    double px;                          /* anti-aliasing width (units): upx, more when soft */
    double ox, oy;                      /* pixel of the face's origin, as fractions: ox*w, oy*h */
    double scale;                       /* face units per adult unit (the head fills the frame) */
    double child, old, sag, smile, fat; /* 0..1 factors (fat: weight -1..1) */
    /* pose */
    double rc, rs, pivot_y, syaw, spitch;
    /* head outline */
    double y_top, y_t, y_b, Wt, kz;
    double tab_y0, tab_idy;
    double W[FG_NW], dW[FG_NW]; /* half-width and its slope */
    double D[FG_NW], dD[FG_NW]; /* depth on the midline (the profile) and its slope */
    /* height bumps, and for each cell of a grid over the head the bumps that
     * reach it */
    int nb;
    fg_bump b[FG_MAXB];
    double band_x0, band_idx, band_y0, band_idy;
    uint8_t band_n[FG_NB][FG_NBX], band_i[FG_NB][FG_NBX][FG_MAXB];
    /* eyes */
    double eye_x, eye_y, eye_w, eye_hu, eye_hl, eye_tilt, eye_pku, eye_pkl;
    double iris_r, fold, crease, gaze_x, gaze_y;
    /* brows */
    double brow_in, brow_out, brow_y, brow_th, brow_arch, brow_peak, brow_tilt, brow_dens;
    /* nose */
    double nose_y, nose_w, tip_y, tip_r, nos_x, nos_y, nos_w, nos_h, bridge_w, nose_dx;
    /* mouth */
    double mouth_y, mouth_w, lip_up, lip_lo, bow, phil_w, turn, open, mouth_dx;
    /* ears */
    double ear_y0, ear_y1, ear_out[2], ear_top, ear_lobe, ear_lsize, ear_helix;
    /* neck and shoulders */
    double neck_w, neck_y, shoulder_y, shoulder_w;
    /* hair */
    double hl_y, hl_round, hl_peak, recede, vol, hair_end, fringe_y, part_x, sb_y;
    double beard_top, beard_len;
    /* a box (head frame) outside which nothing of the head, hair or glasses is */
    double box_x, box_y0, box_y1;
    /* glasses */
    double gl_w, gl_h, gl_r, gl_t, gl_y;
    /* colours (0..255, albedo) */
    double skin[3], lip[3], hair[3], hair_hi[3], brow[3], iris[3], iris2[3];
    double shirt[3], shirt2[3], scarf[3], frame[3], stubble[3];
    double redness, stubble_amt, spec;
    uint32_t s_skin, s_hair, s_iris, s_cloth;
} face_geom;

/* Builds g for a w x h image of p under light lt; soft >= 1 widens the
 * anti-aliasing (a camera's softness). */
void face_geom_build(face_geom *g, const face_params *p, const fg_light *lt, int w, int h,
                     double soft);
/* The steps of face_geom_build (face_geom.c, face_geom_feat.c). */
void fg_build_outline(face_geom *g, const double *k); /* k: see outline_at */
void fg_geom_shape(face_geom *g, const face_params *p, double crown, double face_h);
void fg_geom_features(face_geom *g, const face_params *p);
void fg_geom_pose(face_geom *g, const face_params *p);
void fg_geom_bumps(face_geom *g, const face_params *p);
void fg_geom_colours(face_geom *g, const face_params *p);
/* The studio light of the document portrait. */
void face_light_portrait(fg_light *lt);
/* The head's half-width at y and its slope (frontal units). */
static inline double fg_head_w(const face_geom *g, double y, double *dw) {
    double t = (y - g->tab_y0) * g->tab_idy;
    if (t <= 0) {
        *dw = g->dW[0];
        return g->W[0];
    }
    if (t >= FG_NW - 1) {
        *dw = g->dW[FG_NW - 1];
        return g->W[FG_NW - 1];
    }
    int i = (int)t;
    double f = t - i;
    *dw = g->dW[i] + (g->dW[i + 1] - g->dW[i]) * f;
    return g->W[i] + (g->W[i + 1] - g->W[i]) * f;
}

/* The head's depth on the midline at y and its slope: a cross-section at y
 * is the half-ellipse of half-width W(y) and depth D(y). */
static inline double fg_head_d(const face_geom *g, double y, double *dd) {
    double t = (y - g->tab_y0) * g->tab_idy;
    int i = t <= 0 ? 0 : t >= FG_NW - 1 ? FG_NW - 2 : (int)t;
    double f = face_clamp(t - i, 0, 1);
    *dd = g->dD[i] + (g->dD[i + 1] - g->dD[i]) * f;
    return g->D[i] + (g->D[i + 1] - g->D[i]) * f;
}

/* Signed distance to the head's outline (negative inside). */
double fg_head_dist(const face_geom *g, double x, double y);

/* ------------------------------------------------------------ painting */

/* What a pixel of skin (or what covers it) is made of, before the light. */
typedef struct fg_surf {
    double alb[3];     /* albedo, 0..255 */
    double nx, ny, nz; /* unit normal */
    double ao;         /* ambient occlusion 0..1 */
    double shadow;     /* key light reaching it 0..1 */
    double spec;       /* specular strength */
    double gloss;      /* 0 broad .. 1 tight highlight */
    double sss;        /* skin: shadows turn warmer (light scattered under the skin) */
    double emis[3];    /* added after the light (catch lights) */
} fg_surf;

/* Per-pixel painters (face_parts.c, face_eyes.c, face_hair.c): each works in
 * frontal units and returns at once outside its own box. */
void fg_paint_eye(const face_geom *g, int side, double x, double y, fg_surf *s);
void fg_paint_brow(const face_geom *g, int side, double x, double y, fg_surf *s);
void fg_paint_nose(const face_geom *g, double x, double y, fg_surf *s);
void fg_paint_mouth(const face_geom *g, double x, double y, fg_surf *s);
void fg_paint_marks(const face_geom *g, double x, double y, fg_surf *s);
void fg_paint_lines(const face_geom *g, double x, double y, fg_surf *s);
void fg_paint_beard(const face_geom *g, double x, double y, fg_surf *s);
/* A full beard's part beyond the head's outline; returns its coverage. */
double fg_beard_out(const face_geom *g, double x, double y, double dhead, double c[3]);
/* The lips' meeting line, top and bottom edges mx across from the mouth's middle. */
void fg_lip_edges(const face_geom *g, double mx, double *ym, double *yt, double *yb);
/* Glasses over everything: colour c, returns their coverage. */
double fg_glasses(const face_geom *g, double x, double y, double c[3]);
/* Shade from the glasses on the skin below them, 0..1. */
double fg_glasses_shade(const face_geom *g, double x, double y);
/* An ear (side -1 left, 1 right) behind the head; returns its coverage. */
double fg_ear(const face_geom *g, int side, double x, double y, double c[3]);
/* Where the scalp's hair stops (negative where hair grows). */
double fg_hairline_dist(const face_geom *g, double x, double y);
/* Hair: the part behind the head and shoulders, and the part over them. */
double fg_hair_back(const face_geom *g, double x, double y, double c[3]);
double fg_hair_front(const face_geom *g, double x, double y, double dhead, double c[3]);
/* The headscarf over the head; returns its coverage. */
double fg_scarf(const face_geom *g, double x, double y, double dhead, double c[3]);

/* Lights a surface: colour out. */
void fg_light_surf(const face_geom *g, const fg_surf *s, double out[3]);

/* The smooth part of the skin at a point: the height field's normal, its
 * occlusion, and the skin's albedo before any feature is painted on it. */
typedef struct fg_smooth {
    double nx, ny, nz, ao, alb[3], spec;
} fg_smooth;

/* A lattice of fg_smooth every FG_STEP pixels of the whole image (held two
 * rows at a time, filled as needed), interpolated for the pixels between: a
 * pixel's value depends only on lattice points, themselves pure functions of
 * the face and their place in the whole image, so a window still gets exactly
 * the whole's pixels, at a quarter of the smooth part's cost. */
#define FG_STEP 2
typedef struct fg_lattice {
    double x0, y0; /* the image's pixel of the face's origin */
    int i0, ni;    /* the first lattice column held, and how many */
    int j[2];      /* the lattice rows held (-1: none) */
    fg_smooth *row[2];
    uint8_t *ok[2];
    int ix, iy; /* the pixel being drawn */
} fg_lattice;

/* One pixel of the image at photo units (X, Y) from the face's origin; lat
 * NULL evaluates the smooth part at the pixel itself. */
void face_pixel(const face_geom *g, fg_lattice *lat, double X, double Y, double out[3]);

#endif
