/* face.c - see face.h. Each feature is a soft-edged implicit shape evaluated
 * per pixel and composited back to front; edges are anti-aliased over one
 * pixel, so the same parameters look right at 60 or 600 pixels. */
#include "face.h"

#include <math.h>
#include <stddef.h>

#include "rng.h"

void face_from_seed(uint64_t seed, face_params *p) {
    rng r;
    rng_init(&r, rng_derive(seed, "face"));
    p->face_w = rng_range(&r, 0.40, 0.50);
    p->face_h = rng_range(&r, 0.55, 0.66);
    p->jaw = rng_unit(&r);
    p->skin = rng_unit(&r);
    /* short 35%, long 25%, curly 15%, headscarf 15%, bald 10% */
    static const int styles[20] = {0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 4, 4, 4, 3, 3, 3, 2, 2};
    p->hair_style = styles[rng_below(&r, 20)];
    p->hair_tone = rng_unit(&r) * (0.3 + 0.7 * (1 - p->skin));
    p->eye_y = rng_range(&r, -0.12, -0.02);
    p->eye_dx = rng_range(&r, 0.15, 0.21);
    p->eye_size = rng_range(&r, 0.045, 0.065);
    p->brow_tilt = rng_range(&r, -0.25, 0.25);
    p->brow_thick = rng_range(&r, 0.012, 0.03);
    p->nose_len = rng_range(&r, 0.17, 0.26);
    p->nose_w = rng_range(&r, 0.05, 0.09);
    p->mouth_w = rng_range(&r, 0.12, 0.19);
    p->mouth_y = rng_range(&r, 0.28, 0.36);
    p->lip = rng_range(&r, 0.018, 0.035);
    p->ear_size = rng_range(&r, 0.06, 0.09);
    p->beard = p->hair_style != 3 && rng_unit(&r) < 0.3;
    p->glasses = rng_unit(&r) < 0.2;
    p->age = rng_unit(&r);
    p->shirt_tone = rng_unit(&r);
}

void face_fit_age(face_params *p, int years) {
    if (years < 14) { /* a child */
        double k = years < 8 ? 1.0 : (14 - years) / 6.0;
        p->face_h *= 1 - 0.10 * k, p->face_w *= 1 - 0.02 * k;
        p->jaw *= 0.3;
        p->eye_size *= 1 + 0.25 * k, p->eye_y += 0.03 * k;
        p->nose_len *= 1 - 0.3 * k, p->nose_w *= 1 - 0.2 * k;
        p->mouth_w *= 1 - 0.2 * k;
        p->brow_thick *= 0.7;
        p->beard = 0, p->glasses = 0;
        if (p->hair_style == 2) p->hair_style = 0; /* no bald children */
        p->age = 0;
    } else if (years < 18) {
        p->beard = 0, p->age = 0.05;
        if (p->hair_style == 2) p->hair_style = 0;
    } else {
        p->age = fmin(1, fmax(0, (years - 22) / 50.0));
    }
}

static double jitter(rng *r, double v, double span, double amount) {
    return v + rng_range(r, -span, span) * amount;
}

void face_vary(face_params *p, uint64_t seed, double amount) {
    rng r;
    rng_init(&r, rng_derive(seed, "face_vary"));
    p->face_w = jitter(&r, p->face_w, 0.05, amount);
    p->face_h = jitter(&r, p->face_h, 0.05, amount);
    p->jaw = fmin(1, fmax(0, jitter(&r, p->jaw, 0.5, amount)));
    p->eye_dx = jitter(&r, p->eye_dx, 0.03, amount);
    p->eye_y = jitter(&r, p->eye_y, 0.04, amount);
    p->eye_size = jitter(&r, p->eye_size, 0.012, amount);
    p->brow_tilt = jitter(&r, p->brow_tilt, 0.25, amount);
    p->nose_len = jitter(&r, p->nose_len, 0.05, amount);
    p->nose_w = jitter(&r, p->nose_w, 0.02, amount);
    p->mouth_w = jitter(&r, p->mouth_w, 0.04, amount);
    p->mouth_y = jitter(&r, p->mouth_y, 0.03, amount);
    p->ear_size = jitter(&r, p->ear_size, 0.02, amount);
    if (amount >= 0.95 && rng_unit(&r) < 0.5) p->beard = !p->beard;
}

/* Coverage of a shape from its signed distance d (negative inside), in frame units. */
static double cov(double d, double px) {
    double c = 0.5 - d / px;
    return c < 0 ? 0 : c > 1 ? 1 : c;
}

/* Approximate signed distance to an axis-aligned ellipse. */
static double ellipse(double u, double v, double cx, double cy, double a, double b) {
    double x = (u - cx) / a, y = (v - cy) / b;
    return (sqrt(x * x + y * y) - 1) * fmin(a, b);
}

static void mix(double c[3], const double k[3], double a) {
    for (int i = 0; i < 3; i++)
        c[i] += (k[i] - c[i]) * a;
}

/* The colours of one portrait. */
typedef struct {
    double skin[3], skin_dark[3], hair[3], scarf[3], shirt[3], lip[3];
} palette;

static const double white[3] = {245, 243, 238}, iris[3] = {70, 55, 40}, dark[3] = {25, 20, 20};

static void palette_of(const face_params *p, palette *k) {
    double skin[3] = {236 - 150 * p->skin, 200 - 125 * p->skin, 178 - 110 * p->skin};
    for (int i = 0; i < 3; i++)
        k->skin[i] = skin[i];
    k->skin_dark[0] = skin[0] * 0.78, k->skin_dark[1] = skin[1] * 0.72;
    k->skin_dark[2] = skin[2] * 0.70;
    k->hair[0] = 30 + 190 * p->hair_tone, k->hair[1] = 24 + 150 * p->hair_tone;
    k->hair[2] = 20 + 90 * p->hair_tone;
    k->scarf[0] = 70 + 80 * p->shirt_tone, k->scarf[1] = 60 + 40 * p->shirt_tone;
    k->scarf[2] = 90 - 40 * p->shirt_tone;
    k->shirt[0] = 40 + 150 * p->shirt_tone, k->shirt[1] = 60 + 100 * (1 - p->shirt_tone);
    k->shirt[2] = 90 + 60 * p->shirt_tone;
    k->lip[0] = skin[0] * 0.75, k->lip[1] = skin[1] * 0.52, k->lip[2] = skin[2] * 0.55;
}

/* Shoulders, neck, the hair or scarf behind the head, and the ears. */
static void paint_behind(const face_params *p, const palette *k, double u, double v, double aa,
                         double px, double c[3]) {
    const double a = p->face_w, b = p->face_h;
    mix(c, k->shirt, cov(ellipse(u, v, 0, b + 0.95, 1.05, 0.62), px));
    double dneck = fmax(fabs(u) - a * 0.55, -(v - 0.2));
    mix(c, k->skin_dark, cov(fmax(dneck, v - (b + 0.55)), px));
    if (p->hair_style == 1) mix(c, k->hair, cov(ellipse(u, v, 0, 0.15, a * 1.22, b * 1.15), px));
    if (p->hair_style == 3) {
        mix(c, k->scarf, cov(ellipse(u, v, 0, 0.05, a * 1.3, b * 1.22), px));
        mix(c, k->scarf, cov(ellipse(u, v, 0, b + 0.6, 0.9, 0.6), px));
    }
    if (p->hair_style == 4) mix(c, k->hair, cov(ellipse(u, v, 0, -0.12, a * 1.28, b * 1.05), px));
    if (p->hair_style != 3) {
        double de = fmin(ellipse(u, v, -aa * 0.98, -0.02, p->ear_size * 0.7, p->ear_size * 1.3),
                         ellipse(u, v, aa * 0.98, -0.02, p->ear_size * 0.7, p->ear_size * 1.3));
        mix(c, k->skin_dark, cov(de, px));
    }
}

/* One side's eye, lid, brow, glasses rim, nostril and nose side, and the
 * lines of age (s: -1 left, 1 right). */
static void paint_eye_side(const face_params *p, const palette *k, int s, double u, double v,
                           double px, double fc, double c[3]) {
    double ex = s * p->eye_dx, ey = p->eye_y, es = p->eye_size;
    double dw = ellipse(u, v, ex, ey, es * 1.6, es * 0.75);
    mix(c, white, cov(dw, px) * fc);
    double di = fmax(ellipse(u, v, ex, ey, es * 0.62, es * 0.62), dw);
    mix(c, iris, cov(di, px));
    mix(c, dark, cov(fmax(ellipse(u, v, ex, ey, es * 0.28, es * 0.28), dw), px));
    double lid = fabs(ellipse(u, v, ex, ey, es * 1.6, es * 0.75)) - px * 0.8;
    mix(c, dark, cov(fmax(lid, v - ey), px) * 0.8);
    /* Brow: a tilted band above the eye. */
    double bu = (u - ex) * s;
    double by = ey - es * 1.9 + p->brow_tilt * bu * 0.5 + 2.0 * bu * bu;
    double db = fmax(fabs(v - by) - p->brow_thick, fabs(u - ex) - es * 2.1);
    mix(c, k->hair, cov(db, px) * 0.9);
    if (p->glasses) {
        double dg = fabs(ellipse(u, v, ex, ey, es * 2.6, es * 2.0)) - px * 1.2;
        mix(c, dark, cov(dg, px));
    }
    /* Nostrils and the sides of the nose. */
    double ny = p->eye_y + p->nose_len;
    mix(c, k->skin_dark,
        cov(ellipse(u, v, s * p->nose_w * 0.55, ny, p->nose_w * 0.35, 0.015), px) * 0.9);
    double side = fmax(fabs(u - s * p->nose_w * 0.45) - px, fmax(p->eye_y + 0.06 - v, v - ny));
    mix(c, k->skin_dark, cov(side, px) * 0.35);
    if (p->age > 0.6) { /* lines from nose to mouth corners */
        double t = (v - ny) / (p->mouth_y - ny + 0.02);
        double lx = s * (p->nose_w * 0.9 + t * (p->mouth_w * 0.7 - p->nose_w * 0.5));
        double dl = fmax(fabs(u - lx) - px * 0.7, fmax(ny - v, v - p->mouth_y - 0.02));
        mix(c, k->skin_dark, cov(dl, px) * 0.6 * (p->age - 0.5));
    }
}

/* The glasses' bridge, the mouth, the beard and the forehead lines. */
static void paint_lower(const face_params *p, const palette *k, double u, double v, double dface,
                        double px, double c[3]) {
    const double a = p->face_w, b = p->face_h;
    if (p->glasses) {
        double dbr = fmax(fabs(v - p->eye_y) - px, fabs(u) - p->eye_dx * 0.4);
        mix(c, dark, cov(dbr, px));
    }
    double dm = ellipse(u, v, 0, p->mouth_y, p->mouth_w * 0.5, p->lip);
    mix(c, k->lip, cov(dm, px));
    double dline = fmax(fabs(v - p->mouth_y) - px * 0.7, fabs(u) - p->mouth_w * 0.5);
    mix(c, dark, cov(dline, px) * 0.8);
    if (p->beard) {
        /* along the jaw and chin, below the nose; cheeks stay clear, and the lips */
        double dbe = fmax(dface, (p->mouth_y - 0.05) - v + 0.9 * u * u);
        dbe = fmax(dbe, -dm + px);
        mix(c, k->hair, cov(dbe, px) * 0.85);
    }
    if (p->age > 0.75) { /* forehead lines */
        for (int n = 0; n < 2; n++) {
            double ly = -b * 0.55 + n * 0.05;
            double dl = fmax(fabs(v - ly - 0.05 * u * u) - px * 0.6, fabs(u) - a * 0.5);
            mix(c, k->skin_dark, cov(dl, px) * 0.5);
        }
    }
}

/* Hair on top (or the scarf's front edge), over the face. */
static void paint_top(const face_params *p, const palette *k, double u, double v, double aa,
                      double dface, double px, double c[3]) {
    const double a = p->face_w, b = p->face_h;
    double hairline = -b * 0.52 + 0.35 * u * u;
    if (p->hair_style == 0 || p->hair_style == 1 || p->hair_style == 4) {
        double cap = ellipse(u, v, 0, -0.04, aa * 1.08, b * 1.1);
        double dh = fmax(cap, v - hairline);
        mix(c, k->hair, cov(dh, px));
    } else if (p->hair_style == 3) {
        double cap = ellipse(u, v, 0, -0.02, a * 1.3, b * 1.22);
        double dh = fmax(cap, fmin(v - (-b * 0.62 + 0.2 * u * u), -dface));
        mix(c, k->scarf, cov(dh, px));
    }
}

/* The colour of the portrait at (u, v): the face's coordinates, one unit
 * half the photo's width over the zoom. */
static void shade(const face_params *p, const palette *k, double u, double v, double px,
                  double c[3]) {
    const double a = p->face_w, b = p->face_h;
    c[0] = 218 - 10 * v, c[1] = 224 - 10 * v, c[2] = 230 - 6 * v; /* studio backdrop */
    /* Head shape: an ellipse whose lower half narrows toward the chin. */
    double aa = v > 0 ? a * (1 - (1 - p->jaw) * 0.35 * pow(v / b, 2)) : a;
    double dface = ellipse(u, v, 0, 0, aa, b);
    paint_behind(p, k, u, v, aa, px, c);
    /* Face with a little modelling: darker toward the rim. */
    double rr = pow(u / aa, 2) + pow(v / b, 2);
    double sh = 1 - 0.22 * rr * rr;
    double sk[3] = {k->skin[0] * sh, k->skin[1] * sh, k->skin[2] * sh};
    double fc = cov(dface, px);
    mix(c, sk, fc);
    if (fc > 0) {
        for (int s = -1; s <= 1; s += 2)
            paint_eye_side(p, k, s, u, v, px, fc, c);
        paint_lower(p, k, u, v, dface, px, c);
    }
    paint_top(p, k, u, v, aa, dface, px, c);
}

void face_render(const face_params *p, uint8_t *rgba, int w, int h, int stride, int gray) {
    face_render_window(p, rgba, w, h, 0, 0, w, h, stride, gray);
}

void face_render_window(const face_params *p, uint8_t *rgba, int w, int h, int wx, int wy, int ww,
                        int wh, int stride, int gray) {
    if (w <= 0 || h <= 0 || ww <= 0 || wh <= 0) return;
    /* ICAO framing: the head fills about 70-80% of the photo's height. */
    const double zoom = 1.32;
    const double px = 2.0 / (w * zoom);
    palette k;
    palette_of(p, &k);
    for (int y = wy; y < wy + wh; y++) {
        for (int x = wx; x < wx + ww; x++) {
            double u = (x + 0.5 - w * 0.5) / (w * 0.5 * zoom);
            double v = (y + 0.5 - h * 0.45) / (w * 0.5 * zoom);
            double c[3];
            shade(p, &k, u, v, px, c);
            uint8_t *o = rgba + (size_t)(y - wy) * (size_t)stride + (size_t)(x - wx) * 4;
            if (gray) {
                double l = 0.30 * c[0] + 0.55 * c[1] + 0.15 * c[2];
                c[0] = c[1] = c[2] = l;
            }
            for (int i = 0; i < 3; i++)
                o[i] = (uint8_t)(c[i] < 0 ? 0 : c[i] > 255 ? 255 : c[i]);
            o[3] = 255;
        }
    }
}
