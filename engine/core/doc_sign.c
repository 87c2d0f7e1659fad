/* doc_sign.c - handwritten signatures (doc_kit.h lists the painters).
 *
 * A signature is written by a hand: a slant, a letter size and width, a
 * taste for loops or humps, a capital, one or two words, a flourish. The
 * hand and the letters it makes come from one seed, so a person signs alike
 * on every document they sign (a passport, a police declaration) and another
 * person, writing the same name, makes other strokes. The strokes are a
 * Catmull-Rom curve through the tops and bottoms of the letters, the pen
 * wider where it moves slowly; everything is fitted inside the feature's
 * rectangle. Deterministic: only draws from streams derived from the seed.
 */
#include <math.h>
#include <string.h>

#include "doc_kit.h"

#define SIGN_MAX_POINTS  64
#define SIGN_MAX_STROKES 4

/* A signature in its own units (x-height 1, baseline y 0, y grows upward):
 * strokes, each a polyline of control points the pen passes through. */
typedef struct {
    int n_strokes;
    int n[SIGN_MAX_STROKES];
    double x[SIGN_MAX_STROKES][SIGN_MAX_POINTS], y[SIGN_MAX_STROKES][SIGN_MAX_POINTS];
} sign_path;

/* The hand: what stays the same each time one person signs. */
typedef struct {
    double slant;  /* shear: x moves right by slant per unit of height */
    double step;   /* advance per letter, in x-heights */
    double loops;  /* chance a letter is a loop (l, e) rather than a hump (n, m) */
    double tall;   /* chance of an ascender */
    double deep;   /* chance of a descender */
    double cap;    /* height of the capital */
    int words;     /* 1 or 2: a first initial and a surname, or one scrawl */
    int flourish;  /* 0 none, 1 an underline drawn back under the name, 2 a rising tail */
    double tremor; /* a slow, copying pen's shake (a forger's), in x-heights */
} sign_hand;

static void add_point(sign_path *p, double x, double y) {
    int s = p->n_strokes - 1;
    if (s < 0 || p->n[s] >= SIGN_MAX_POINTS) return;
    p->x[s][p->n[s]] = x, p->y[s][p->n[s]] = y;
    p->n[s]++;
}

static void new_stroke(sign_path *p) {
    if (p->n_strokes < SIGN_MAX_STROKES) p->n[p->n_strokes++] = 0;
}

/* One word: a capital, then `letters` letters; returns where the pen ends. */
static double write_word(sign_path *p, const sign_hand *h, rng *r, double x, int letters) {
    new_stroke(p);
    /* the capital: up to its full height and back down, a little loop */
    add_point(p, x, 0.3);
    add_point(p, x + 0.35, h->cap);
    add_point(p, x + 0.05, h->cap * rng_range(r, 0.1, 0.45));
    add_point(p, x + 0.5, rng_range(r, -0.1, 0.3));
    x += 0.6;
    for (int i = 0; i < letters; i++) {
        double u = rng_unit(r), top = 1.0 * rng_range(r, 0.8, 1.15), bottom = 0;
        if (u < h->tall) top = rng_range(r, 1.7, 2.4);
        if (rng_unit(r) < h->deep) bottom = -rng_range(r, 0.8, 1.3);
        int loop = rng_unit(r) < h->loops;
        double s = h->step * rng_range(r, 0.8, 1.2);
        if (loop) { /* up, over to the left and down across its own up-stroke */
            add_point(p, x + s * 0.6, top);
            add_point(p, x + s * 0.4, top * 0.6);
            add_point(p, x + s * 0.55, bottom);
        } else { /* a rounded hump */
            add_point(p, x + s * 0.35, top * 0.92);
            add_point(p, x + s * 0.65, top);
            add_point(p, x + s * 0.9, bottom);
        }
        x += s;
    }
    return x;
}

/* The signature the hand makes. */
static void write_signature(sign_path *p, const sign_hand *h, rng *r) {
    memset(p, 0, sizeof *p);
    double x = 0;
    if (h->words == 2) { /* an initial, a dot-like lift, then the surname */
        x = write_word(p, h, r, x, (int)rng_below(r, 2));
        x += rng_range(r, 0.4, 0.8);
    }
    x = write_word(p, h, r, x, 4 + (int)rng_below(r, 5));
    int s = p->n_strokes - 1;
    double ey = p->y[s][p->n[s] - 1];
    if (h->flourish == 1) { /* back under the whole name */
        add_point(p, x + 0.6, ey - 0.2);
        add_point(p, x * 0.6, -0.9);
        add_point(p, rng_range(r, -0.2, 0.4), -0.7);
    } else if (h->flourish == 2) { /* a tail that rises and trails off */
        add_point(p, x + 0.8, 0.6);
        add_point(p, x + 1.6, 1.3);
    }
}

static void hand_from_seed(sign_hand *h, uint64_t seed, rng *letters) {
    rng r;
    rng_init(&r, seed);
    h->slant = rng_range(&r, -0.05, 0.45);
    h->step = rng_range(&r, 0.8, 1.4);
    h->loops = rng_range(&r, 0.1, 0.9);
    h->tall = rng_range(&r, 0.1, 0.35);
    h->deep = rng_range(&r, 0.0, 0.2);
    h->cap = rng_range(&r, 1.6, 2.4);
    h->words = 1 + (int)rng_below(&r, 2);
    h->flourish = (int)rng_below(&r, 3);
    h->tremor = 0;
    rng_init(letters, rng_derive(seed, "letters"));
}

/* A point on the Catmull-Rom segment p1..p2 at t. */
static double catmull(double p0, double p1, double p2, double p3, double t) {
    return 0.5 * ((2 * p1) + (-p0 + p2) * t + (2 * p0 - 5 * p1 + 4 * p2 - p3) * t * t +
                  (-p0 + 3 * p1 - 3 * p2 + p3) * t * t * t);
}

/* Paints the path fitted into r (pixels): uniformly scaled, left-aligned,
 * centred in height, slanted by the hand. */
static void paint_path(matbuf *mb, int ink, irect r, const sign_path *p, const sign_hand *h,
                       rng *shake) {
    double x0 = 1e9, x1 = -1e9, y0 = 1e9, y1 = -1e9;
    for (int s = 0; s < p->n_strokes; s++)
        for (int i = 0; i < p->n[s]; i++) {
            double sx = p->x[s][i] + h->slant * p->y[s][i];
            x0 = fmin(x0, sx), x1 = fmax(x1, sx), y0 = fmin(y0, p->y[s][i]),
            y1 = fmax(y1, p->y[s][i]);
        }
    /* as tall as the box allows; as wide too, up to twice as wide as it came */
    double k = r.h * 0.8 / fmax(y1 - y0, 1e-6);
    double kx = fmin(r.w * 0.9 / fmax(x1 - x0, 1e-6), k * 2.0);
    if (kx < k) k = kx; /* a long name in a short box: smaller, not squeezed */
    double ox = r.x + r.w * 0.05 - x0 * kx, oy = r.y + r.h * 0.5 + (y1 + y0) * 0.5 * k;
    double base_w = fmax(1.0, 0.32 * mb->px_per_mm);
    for (int s = 0; s < p->n_strokes; s++) {
        int n = p->n[s];
        double px = 0, py = 0;
        for (int i = 0; i + 1 < n; i++)
            for (int j = 0; j <= 12; j++) {
                int a = i > 0 ? i - 1 : 0, d = i + 2 < n ? i + 2 : n - 1;
                double t = j / 12.0;
                double ux = catmull(p->x[s][a], p->x[s][i], p->x[s][i + 1], p->x[s][d], t);
                double uy = catmull(p->y[s][a], p->y[s][i], p->y[s][i + 1], p->y[s][d], t);
                if (h->tremor > 0) {
                    ux += rng_range(shake, -h->tremor, h->tremor);
                    uy += rng_range(shake, -h->tremor, h->tremor);
                }
                /* inside the box, whatever a curve's overshoot: the truth's region */
                double X = ox + (ux + h->slant * uy) * kx, Y = oy - uy * k;
                X = fmin(fmax(X, r.x + base_w), r.x + r.w - base_w);
                Y = fmin(fmax(Y, r.y + base_w), r.y + r.h - base_w);
                if (i > 0 || j > 0) {
                    /* a fast stroke is thin, a slow one (a turn) wider */
                    double len = hypot((X - px) / kx, (Y - py) / k);
                    double w = base_w * (h->tremor > 0 ? 1.1 : fmax(0.6, 1.25 - 2.0 * len));
                    doc_paint_segment(mb, LAYER_FG, ink, px, py, X, Y, w, 1.0);
                }
                px = X, py = Y;
            }
    }
}

int doc_paint_signature(doc_ctx *b, const tpl_feature *f) {
    matbuf *mb = b->mb;
    irect r = doc_px_rect(mb, f->r);
    int ink = doc_ink(mb, f->ink[0] ? f->ink : "pen_blue", b->err);
    if (ink < 0) return -1;
    /* the holder signs in their own hand on every document; a letter's
     * writer in theirs; a signature that does not match is another hand,
     * slow and shaky from copying a name that is not its own */
    int other = f->by_holder && f == tpl_holder_signature(b->t) &&
                doc_has(b->spec, DEFECT_SIGNATURE_MISMATCH);
    uint64_t seed = f->by_holder ? b->truth->holder.face_seed : rng_derive(b->spec->seed, b->t->id);
    if (other) seed = rng_derive(b->spec->seed ^ seed, "another hand");
    sign_hand h;
    rng letters, shake;
    hand_from_seed(&h, rng_derive(seed, "signature"), &letters);
    if (other) h.tremor = 0.035;
    rng_init(&shake, rng_derive(seed, "shake"));
    sign_path p;
    write_signature(&p, &h, &letters);
    paint_path(mb, ink, r, &p, &h, &shake);
    doc_truth_feature(b->truth, f->id, f->kind, r, LIGHT_BIT(LIGHT_VISIBLE));
    if (other) doc_truth_defect(b->truth, DEFECT_SIGNATURE_MISMATCH, r);
    return 0;
}
