/* face_draw.c - the traits drawn by appearance profile (skin tone, hair type
 * and colour, iris colour, eyelid folds, freckles), facial marks, and the
 * style a person chooses (hair, beard, glasses, clothes).
 *
 * The profiles are unnamed bundles of how often traits occur together; they
 * set colours, hair texture and eyelid folds only, never the geometry of the
 * face, which face.c draws the same way for everyone. */
#include "face_int.h"

#include <string.h>

typedef struct face_profile {
    double tone_lo, tone_hi; /* skin tone range */
    double under;            /* undertone's mean */
    double type_w[4];        /* straight, wavy, curly, coily */
    double hair_lo, hair_hi; /* natural hair tone range */
    double red_p;            /* chance of red or auburn hair */
    double iris_lo, iris_hi;
    double fold_p; /* chance of an epicanthic fold */
    double crease_lo, crease_hi;
    double freckle_p;
} face_profile;

static const face_profile profiles[6] = {
    {0.02, 0.26, -0.3, {0.55, 0.35, 0.10, 0}, 0.10, 1.0, 0.10, 0.2, 1.0, 0.02, 0.6, 1.0, 0.30},
    {0.15, 0.45, 0.4, {0.40, 0.40, 0.20, 0}, 0.0, 0.45, 0.02, 0.0, 0.55, 0.02, 0.5, 1.0, 0.05},
    {0.10, 0.40, 0.5, {0.90, 0.10, 0, 0}, 0.0, 0.12, 0, 0.0, 0.15, 0.75, 0.0, 0.5, 0.04},
    {0.35, 0.70, 0.4, {0.60, 0.30, 0.10, 0}, 0.0, 0.12, 0, 0.0, 0.22, 0.05, 0.4, 0.9, 0.0},
    {0.65, 1.00, 0.0, {0, 0.05, 0.25, 0.70}, 0.0, 0.08, 0, 0.0, 0.12, 0.02, 0.5, 1.0, 0.02},
    {0.40, 0.75, 0.2, {0.30, 0.30, 0.30, 0.10}, 0.0, 0.18, 0, 0.0, 0.30, 0.10, 0.4, 1.0, 0.02},
};

static int pick(rng *r, const double *w, int n) {
    double t = 0;
    for (int i = 0; i < n; i++)
        t += w[i];
    double u = rng_unit(r) * t;
    for (int i = 0; i < n; i++) {
        if (u < w[i]) return i;
        u -= w[i];
    }
    return n - 1;
}

void face_draw_profile(face_params *p, int profile, rng *r) {
    int drawn = (int)rng_below(r, 6);
    p->profile = profile >= 0 && profile < 6 ? profile : drawn;
    const face_profile *f = &profiles[p->profile];
    p->tone = rng_range(r, f->tone_lo, f->tone_hi);
    p->undertone = face_clamp(f->under + 0.3 * face_gauss(r), -1, 1);
    p->hair_type = pick(r, f->type_w, 4);
    /* light hair darkens toward adulthood: drawn as the adult's */
    double u = rng_unit(r);
    p->hair_tone = f->hair_lo + (f->hair_hi - f->hair_lo) * u * u;
    p->hair_red = rng_unit(r) < f->red_p ? 0.5 + 0.5 * rng_unit(r) : 0.1 * rng_unit(r);
    p->iris_tone = rng_range(r, f->iris_lo, f->iris_hi);
    if (p->hair_tone > 0.5 && rng_unit(r) < 0.5) p->iris_tone = fmax(p->iris_tone, 0.55);
    p->eye_fold = rng_unit(r) < f->fold_p ? 0.55 + 0.45 * rng_unit(r) : 0.15 * rng_unit(r);
    p->eye_crease = rng_range(r, f->crease_lo, f->crease_hi);
    if (p->eye_fold > 0.5) p->eye_crease *= 0.6;
    p->freckles = rng_unit(r) < f->freckle_p ? 0.3 + 0.7 * rng_unit(r) : 0;
}

/* Whether (x, y) is skin a mark can sit on: inside the face, clear of the
 * eyes, the nostrils and the lips. */
static int mark_place_ok(double x, double y) {
    double fx = x / 0.33, fy = (y - 0.1) / 0.5;
    if (fx * fx + fy * fy > 1 || y < -0.32) return 0;
    if (fabs(y) < 0.06 && fabs(fabs(x) - 0.165) < 0.11) return 0; /* eyes */
    if (fabs(y - 0.34) < 0.05 && fabs(x) < 0.15) return 0;        /* lips */
    if (fabs(y - 0.22) < 0.04 && fabs(x) < 0.1) return 0;         /* nostrils */
    return 1;
}

void face_draw_marks(face_params *p, rng *r) {
    static const double n_w[4] = {0.45, 0.35, 0.15, 0.05};
    int n = pick(r, n_w, 4);
    p->n_marks = 0;
    for (int i = 0; i < n; i++) {
        face_mark *m = &p->marks[p->n_marks];
        double x = 0, y = 0;
        for (int t = 0; t < 40; t++) {
            x = rng_range(r, -0.34, 0.34), y = rng_range(r, -0.32, 0.58);
            if (mark_place_ok(x, y)) break;
        }
        if (!mark_place_ok(x, y)) continue;
        double u = rng_unit(r);
        m->kind = u < 0.7 ? FACE_MARK_MOLE : u < 0.85 ? FACE_MARK_SCAR : FACE_MARK_BIRTHMARK;
        m->x = x, m->y = y;
        m->size = m->kind == FACE_MARK_MOLE   ? rng_range(r, 0.005, 0.011)
                  : m->kind == FACE_MARK_SCAR ? rng_range(r, 0.015, 0.04)
                                              : rng_range(r, 0.015, 0.035);
        m->angle = rng_range(r, 0, 3.14159265);
        m->strength = rng_range(r, 0.65, 1.0);
        p->n_marks++;
    }
}

/* Hair styles by sex and hair type: short, long, bald, scarf, volume, tied, medium. */
static int draw_hair_style(const face_params *p, rng *r) {
    int curly = p->hair_type >= FACE_HAIR_CURLY;
    if (p->sex == FACE_MALE) {
        const double w[7] = {0.70, 0.03, 0.12, 0, curly ? 0.12 : 0.02, 0.03, 0.06};
        return pick(r, w, 7);
    }
    if (p->hair_type == FACE_HAIR_COILY) {
        const double wc[7] = {0.15, 0.05, 0, 0.09, 0.35, 0.3, 0.06};
        return pick(r, wc, 7);
    }
    const double w[7] = {0.08, curly ? 0.2 : 0.34, 0, 0.09, curly ? 0.2 : 0.03, 0.2, 0.2};
    return pick(r, w, 7);
}

void face_draw_style(face_params *p, rng *r) {
    p->hair_style = draw_hair_style(p, r);
    p->hair_len = rng_unit(r);
    p->hair_vol = face_clamp(0.5 + 0.2 * face_gauss(r), 0, 1);
    p->hair_part = face_clamp(0.5 * face_gauss(r), -1, 1);
    p->fringe = rng_unit(r) < (p->sex == FACE_MALE ? 0.15 : 0.3) ? rng_range(r, 0.3, 1.0) : 0;
    if (p->hair_style == FACE_HAIR_TIED || p->hair_style == FACE_HAIR_SCARF) p->fringe = 0;
    p->beard = FACE_BEARD_NONE;
    if (p->sex == FACE_MALE) {
        static const double bw[6] = {0.55, 0.12, 0.15, 0.08, 0.07, 0.03};
        p->beard = pick(r, bw, 6);
    }
    double gp = 0.12 + 0.5 * face_clamp((p->years - 40) / 30.0, 0, 1);
    p->glasses = rng_unit(r) < gp ? 1 + (int)rng_below(r, 2) : FACE_GLASSES_NONE;
    p->glasses_look = rng_unit(r);
    p->shirt_tone = rng_unit(r);
    p->shirt_kind = (int)rng_below(r, 3);
    p->expression = 0;
    p->yaw = p->pitch = p->roll = 0;
    p->morph_ghost = 0;
}
