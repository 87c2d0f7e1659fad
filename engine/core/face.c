/* face.c - see face.h: the parameter table, drawing a face from a seed, its
 * sex and age, and which features differ between two faces. Relations are in
 * face_relate.c, the matcher in face_match.c, rendering in face_geom.c,
 * face_render.c, face_eyes.c, face_parts.c, face_hair.c and face_camera.c. */
#include "face_int.h"

#include <stdlib.h>
#include <string.h>

#define P(f) offsetof(face_params, f)
#define F(f) FACE_FEAT_##f

/* One row per continuous parameter: name, field, feature, mean, sd, male - female,
 * lo, hi, just-noticeable difference, matcher weight, drawn by profile. Means and
 * spreads are of face units (face.h); the spreads keep faces inside
 * anthropometric ranges (bizygomatic width ~13.5 cm, eye spacing ~6.3 cm,
 * alar width ~3.5 cm, mouth ~5 cm, ear ~6 cm at 17.4 cm a unit). The
 * just-noticeable differences are what a careful side-by-side comparison of
 * two portraits resolves, about a fifth to a third of a feature's spread. */
const face_pdesc face_pdescs[] = {
    {"face_w", P(face_w), F(FACE_SHAPE), 0.385, 0.017, 0.016, 0.33, 0.44, 0.012, 1.0, 0},
    {"face_h", P(face_h), F(FACE_SHAPE), 0.60, 0.025, 0.035, 0.52, 0.70, 0.02, 1.0, 0},
    {"crown_h", P(crown_h), F(FACE_SHAPE), 0.72, 0.02, 0.01, 0.66, 0.78, 0.025, 0.3, 0},
    {"temple", P(temple), F(FACE_SHAPE), 1.03, 0.025, 0, 0.96, 1.10, 0.03, 0.4, 0},
    {"jaw", P(jaw), F(CHIN), 0.77, 0.035, 0.03, 0.66, 0.88, 0.03, 0.9, 0},
    {"jaw_y", P(jaw_y), F(CHIN), 0.70, 0.035, 0, 0.6, 0.8, 0.04, 0.5, 0},
    {"chin_w", P(chin_w), F(CHIN), 0.36, 0.045, 0.05, 0.22, 0.52, 0.04, 0.7, 0},
    {"chin_shape", P(chin_shape), F(CHIN), 0.5, 0.18, 0.15, 0, 1, 0.25, 0.5, 0},
    {"chin_cleft", P(chin_cleft), F(CHIN), 0, 0, 0, 0, 1, 0.3, 0.3, 1},
    {"cheekbone", P(cheekbone), F(CHEEKS), 0.5, 0.18, 0.05, 0, 1, 0.25, 0.5, 0},
    {"cheek_full", P(cheek_full), F(CHEEKS), 0.5, 0.18, -0.05, 0, 1, 0.25, 0.4, 0},
    {"forehead_h", P(forehead_h), F(HAIRLINE), 0.30, 0.025, 0.01, 0.22, 0.38, 0.03, 0.3, 0},
    {"hl_round", P(hl_round), F(HAIRLINE), 0.5, 0.2, -0.1, 0, 1, 0.3, 0.2, 0},
    {"hl_peak", P(hl_peak), F(HAIRLINE), 0, 0, 0, 0, 1, 0.35, 0.2, 1},
    {"brow_y", P(brow_y), F(BROWS), 0.112, 0.01, -0.01, 0.085, 0.14, 0.01, 0.6, 0},
    {"brow_thick", P(brow_thick), F(BROWS), 0.036, 0.007, 0.01, 0.02, 0.058, 0.008, 0.4, 0},
    {"brow_arch", P(brow_arch), F(BROWS), 0.012, 0.005, -0.005, 0, 0.03, 0.007, 0.4, 0},
    {"brow_peak", P(brow_peak), F(BROWS), 0.65, 0.08, 0, 0.45, 0.85, 0.12, 0.3, 0},
    {"brow_tilt", P(brow_tilt), F(BROWS), 0, 0.05, -0.02, -0.15, 0.15, 0.06, 0.4, 0},
    {"brow_gap", P(brow_gap), F(BROWS), 0.06, 0.01, -0.005, 0.035, 0.09, 0.012, 0.4, 0},
    {"eye_dx", P(eye_dx), F(EYES), 0.165, 0.007, 0.004, 0.145, 0.19, 0.006, 1.2, 0},
    {"eye_y", P(eye_y), F(EYES), 0, 0.007, 0, -0.02, 0.02, 0.01, 0.3, 0},
    {"eye_w", P(eye_w), F(EYES), 0.078, 0.004, 0.002, 0.066, 0.092, 0.005, 0.8, 0},
    {"eye_open", P(eye_open), F(EYES), 0.36, 0.045, -0.02, 0.24, 0.48, 0.05, 0.8, 0},
    {"eye_tilt", P(eye_tilt), F(EYES), 0.05, 0.045, -0.01, -0.07, 0.18, 0.05, 0.7, 0},
    {"eye_fold", P(eye_fold), F(EYES), 0, 0, 0, 0, 1, 0.35, 0.6, 1},
    {"eye_crease", P(eye_crease), F(EYES), 0, 0, 0, 0, 1, 0.3, 0.5, 1},
    {"iris_tone", P(iris_tone), F(EYES), 0, 0, 0, 0, 1, 0.2, 0.4, 1},
    {"iris_r", P(iris_r), F(EYES), 0.40, 0.02, 0, 0.35, 0.45, 0.035, 0.2, 0},
    {"nose_len", P(nose_len), F(NOSE), 0.235, 0.013, 0.012, 0.19, 0.28, 0.012, 1.0, 0},
    {"nose_w", P(nose_w), F(NOSE), 0.088, 0.007, 0.008, 0.068, 0.115, 0.007, 1.0, 0},
    {"bridge_w", P(bridge_w), F(NOSE), 0.032, 0.005, 0.003, 0.02, 0.05, 0.007, 0.5, 0},
    {"nose_hump", P(nose_hump), F(NOSE), 0, 0.35, 0.15, -1, 1, 0.4, 0.5, 0},
    {"tip_size", P(tip_size), F(NOSE), 0.032, 0.004, 0.003, 0.022, 0.045, 0.005, 0.6, 0},
    {"tip_up", P(tip_up), F(NOSE), 0, 0.3, -0.1, -1, 1, 0.35, 0.5, 0},
    {"nostril", P(nostril), F(NOSE), 0.5, 0.2, 0, 0, 1, 0.35, 0.3, 0},
    {"mouth_w", P(mouth_w), F(MOUTH), 0.135, 0.009, 0.006, 0.11, 0.165, 0.009, 1.0, 0},
    {"mouth_y", P(mouth_y), F(MOUTH), 0.115, 0.01, 0.01, 0.085, 0.15, 0.012, 0.7, 0},
    {"lip_up", P(lip_up), F(MOUTH), 0.026, 0.005, -0.004, 0.012, 0.042, 0.006, 0.6, 0},
    {"lip_lo", P(lip_lo), F(MOUTH), 0.034, 0.006, -0.004, 0.018, 0.052, 0.007, 0.6, 0},
    {"lip_bow", P(lip_bow), F(MOUTH), 0.5, 0.2, 0, 0, 1, 0.3, 0.3, 0},
    {"philtrum_w", P(philtrum_w), F(MOUTH), 0.022, 0.0035, 0.002, 0.014, 0.032, 0.005, 0.3, 0},
    {"mouth_turn", P(mouth_turn), F(MOUTH), 0, 0.3, 0, -1, 1, 0.35, 0.3, 0},
    {"ear_h", P(ear_h), F(EARS), 0.33, 0.018, 0.015, 0.27, 0.39, 0.02, 0.5, 0},
    {"ear_out", P(ear_out), F(EARS), 0.4, 0.2, 0.05, 0, 1, 0.25, 0.6, 0},
    {"ear_y", P(ear_y), F(EARS), 0, 0.015, 0, -0.04, 0.04, 0.02, 0.3, 0},
    {"ear_lobe", P(ear_lobe), F(EARS), 0, 0, 0, 0, 1, 0.4, 0.5, 1},
    {"ear_lsize", P(ear_lsize), F(EARS), 0.5, 0.2, 0, 0, 1, 0.3, 0.3, 0},
    {"ear_top", P(ear_top), F(EARS), 0.4, 0.2, 0, 0, 1, 0.35, 0.3, 0},
    {"ear_helix", P(ear_helix), F(EARS), 0.5, 0.2, 0, 0, 1, 0.35, 0.3, 0},
    {"tone", P(tone), F(SKIN), 0, 0, 0, 0, 1, 0.07, 0.8, 1},
    {"undertone", P(undertone), F(SKIN), 0, 0, 0, -1, 1, 0.4, 0.2, 1},
    {"freckles", P(freckles), F(SKIN), 0, 0, 0, 0, 1, 0.3, 0.1, 1},
    /* changeable: no matcher weight (a matcher is built to look past them) */
    {"hair_tone", P(hair_tone), F(HAIR), 0, 0, 0, 0, 1, 0.15, 0, 1},
    {"hair_red", P(hair_red), F(HAIR), 0, 0, 0, 0, 1, 0.25, 0, 1},
    {"hair_len", P(hair_len), F(HAIR), 0.5, 0.25, 0, 0, 1, 0.3, 0, 0},
    {"hair_vol", P(hair_vol), F(HAIR), 0.5, 0.2, 0, 0, 1, 0.3, 0, 0},
    {"hair_part", P(hair_part), F(HAIR), 0, 0.5, 0, -1, 1, 0.8, 0, 0},
    {"fringe", P(fringe), F(HAIR), 0, 0, 0, 0, 1, 0.35, 0, 1},
    {"grey", P(grey), F(HAIR), 0, 0, 0, 0, 1, 0.2, 0, 1},
    {"recede", P(recede), F(HAIR), 0, 0, 0, 0, 1, 0.2, 0, 1},
    {"weight", P(weight), F(WEIGHT), 0, 0, 0, -1, 1, 0.25, 0, 1},
    {"expression", P(expression), F(EXPRESSION), 0, 0, 0, 0, 1, 0.25, 0, 1},
};
const int face_n_pdescs = (int)(sizeof face_pdescs / sizeof face_pdescs[0]);

static const char *const feature_names[FACE_FEAT_COUNT] = {
    "face_shape", "hairline", "brows", "eyes",  "cheeks",  "nose",   "ears", "mouth",     "chin",
    "marks",      "skin",     "hair",  "beard", "glasses", "weight", "age",  "expression"};

const char *face_feature_name(face_feature f) {
    return (int)f >= 0 && f < FACE_FEAT_COUNT ? feature_names[f] : NULL;
}

int face_feature_from_name(const char *name) {
    for (int i = 0; name && i < FACE_FEAT_COUNT; i++)
        if (!strcmp(feature_names[i], name)) return i;
    return -1;
}

int face_feature_stable(face_feature f) {
    return (int)f >= 0 && f <= FACE_FEAT_SKIN;
}

double face_pdraw(const face_pdesc *d, int male, rng *r) {
    double m = d->mean + (male ? 0.5 : -0.5) * d->male;
    return face_clamp(m + d->sd * face_gauss(r), d->lo, d->hi);
}

/* The stable geometry of one feature group, from the group's own stream, so
 * a face's sex changes only what depends on it. */
static void draw_group(face_params *p, int feat, uint64_t seed) {
    rng r;
    rng_init(&r, rng_derive(seed, face_feature_name((face_feature)feat)));
    for (int i = 0; i < face_n_pdescs; i++) {
        const face_pdesc *d = &face_pdescs[i];
        if (d->feat == feat && !d->by_profile) *face_pref(p, d) = face_pdraw(d, p->sex, &r);
    }
    if (feat == FACE_FEAT_CHIN) p->chin_cleft = rng_unit(&r) < 0.15 ? 0.4 + 0.6 * rng_unit(&r) : 0;
    if (feat == FACE_FEAT_HAIRLINE)
        p->hl_peak = rng_unit(&r) < 0.2 ? 0.4 + 0.6 * rng_unit(&r) : 0.05 * rng_unit(&r);
    if (feat == FACE_FEAT_EARS) { /* lobes are free or attached, few between */
        double u = rng_unit(&r);
        p->ear_lobe = u < 0.35 ? 0.1 * rng_unit(&r) : u < 0.45 ? 0.5 : 0.85 + 0.15 * rng_unit(&r);
    }
}

void face_build(uint64_t seed, int sex, int profile, face_params *p) {
    memset(p, 0, sizeof *p);
    p->seed = seed;
    rng r;
    rng_init(&r, rng_derive(seed, "face"));
    int drawn = rng_unit(&r) < 0.5 ? FACE_MALE : FACE_FEMALE;
    p->sex = sex < 0 ? drawn : sex;
    p->years = 18 + (int)rng_below(&r, 53);
    p->weight = face_clamp(0.35 * face_gauss(&r), -1, 1);
    p->grey_onset = face_clamp(42 + 7 * face_gauss(&r), 25, 60);
    double u = rng_unit(&r);
    p->bald_tend = p->sex == FACE_MALE ? pow(u, 0.8) : 0.15 * u;
    for (int f = 0; f <= FACE_FEAT_CHIN; f++)
        if (f != FACE_FEAT_MARKS && f != FACE_FEAT_SKIN) draw_group(p, f, seed);
    rng pr;
    rng_init(&pr, rng_derive(seed, "profile"));
    face_draw_profile(p, profile, &pr);
    rng mr;
    rng_init(&mr, rng_derive(seed, "marks"));
    face_draw_marks(p, &mr);
    rng sr;
    rng_init(&sr, rng_derive(seed, p->sex == FACE_MALE ? "style m" : "style f"));
    face_draw_style(p, &sr);
    face_age_hair(p);
}

void face_from_seed(uint64_t seed, face_params *p) {
    face_build(seed, -1, -1, p);
}

void face_set_sex(face_params *p, char sex) {
    int s = sex == 'F' ? FACE_FEMALE : sex == 'M' ? FACE_MALE : -1;
    if (s < 0 || s == p->sex) return;
    int years = p->years;
    face_build(p->seed, s, p->profile, p);
    face_fit_age(p, years);
}

void face_age_hair(face_params *p) {
    double y = p->years;
    p->grey = y < 18 ? 0 : pow(face_clamp((y - p->grey_onset) / 25.0, 0, 1), 1.2);
    double k = p->sex == FACE_MALE ? face_clamp((y - 20) / 35.0, 0, 1)
                                   : 0.3 * face_clamp((y - 45) / 30.0, 0, 1);
    p->recede = y < 18 ? 0 : p->bald_tend * k;
}

void face_fit_age(face_params *p, int years) {
    p->years = years < 0 ? 0 : years > 100 ? 100 : years;
    face_age_hair(p);
    if (p->years < 16) {
        p->beard = FACE_BEARD_NONE;
        if (p->hair_style == FACE_HAIR_BALD) p->hair_style = FACE_HAIR_SHORT;
    }
    int st = p->hair_style; /* boys' hair short, as most are */
    if (p->years < 14 && p->sex == FACE_MALE &&
        (st == FACE_HAIR_LONG || st == FACE_HAIR_MEDIUM || st == FACE_HAIR_TIED))
        p->hair_style = FACE_HAIR_SHORT;
    if (p->years < 6) p->glasses = FACE_GLASSES_NONE;
}

void face_set_beard(face_params *p, face_beard kind) {
    if (p->sex == FACE_MALE && p->years >= 16 && (int)kind >= 0 && kind < FACE_BEARDS)
        p->beard = (int)kind;
    if (kind == FACE_BEARD_NONE) p->beard = FACE_BEARD_NONE;
}

void face_set_glasses(face_params *p, face_glasses kind) {
    if ((int)kind < 0 || kind >= FACE_GLASSES_KINDS) return;
    if (kind != FACE_GLASSES_NONE && p->glasses == FACE_GLASSES_NONE) {
        rng r;
        rng_init(&r, rng_derive(p->seed, "glasses"));
        p->glasses_look = rng_unit(&r);
    }
    p->glasses = (int)kind;
}

void face_set_hair(face_params *p, face_hair_style style) {
    if ((int)style >= 0 && style < FACE_HAIR_STYLES) p->hair_style = (int)style;
}

void face_vary(face_params *p, uint64_t seed, double amount) {
    rng r;
    rng_init(&r, rng_derive(seed, "face_vary"));
    amount = face_clamp(amount, 0, 1);
    double pr = pow(amount, 1.3);
    face_params o;
    face_build(rng_u64(&r), p->sex, p->profile, &o);
    int redrawn = 0;
    for (int f = 0; f <= FACE_FEAT_MARKS; f++) {
        int take = rng_unit(&r) < pr;
        for (int i = 0; i < face_n_pdescs && !take; i++) {
            const face_pdesc *d = &face_pdescs[i];
            if (d->feat != f) continue;
            double *v = face_pref(p, d);
            *v = face_clamp(*v + (rng_unit(&r) - 0.5) * d->jnd * amount, d->lo, d->hi);
        }
        if (take) face_take_group(p, &o, f);
        redrawn += take;
    }
    if (amount >= 0.2 && !redrawn) face_take_group(p, &o, FACE_FEAT_NOSE); /* differs somewhere */
    p->seed = o.seed;
    if (amount >= 0.95 && p->sex == FACE_MALE && p->years >= 16 && rng_unit(&r) < 0.5)
        p->beard = p->beard ? FACE_BEARD_NONE : FACE_BEARD_FULL;
}

/* Whether mark m of one face has a counterpart in the other's. */
static int mark_matched(const face_mark *m, const face_params *o) {
    for (int i = 0; i < o->n_marks; i++) {
        const face_mark *k = &o->marks[i];
        if (k->kind != m->kind || fabs(k->strength - m->strength) > 0.35) continue;
        if (hypot(k->x - m->x, k->y - m->y) > 0.02) continue;
        if (fabs(k->size - m->size) > 0.4 * fmax(k->size, m->size)) continue;
        return 1;
    }
    return 0;
}

static int marks_differ(const face_params *a, const face_params *b) {
    for (int i = 0; i < a->n_marks; i++)
        if (a->marks[i].strength >= 0.3 && !mark_matched(&a->marks[i], b)) return 1;
    for (int i = 0; i < b->n_marks; i++)
        if (b->marks[i].strength >= 0.3 && !mark_matched(&b->marks[i], a)) return 1;
    return 0;
}

double face_feature_distance(const face_params *a, const face_params *b, face_feature f) {
    double d = 0;
    for (int i = 0; i < face_n_pdescs; i++) {
        const face_pdesc *p = &face_pdescs[i];
        if (p->feat == (int)f) d = fmax(d, fabs(face_pget(a, p) - face_pget(b, p)) / p->jnd);
    }
    switch (f) {
    case FACE_FEAT_FACE_SHAPE:
        return a->sex != b->sex ? fmax(d, 3) : d;
    case FACE_FEAT_MARKS:
        return marks_differ(a, b) ? 1 : 0;
    case FACE_FEAT_HAIR:
        return a->hair_style != b->hair_style || a->hair_type != b->hair_type ? fmax(d, 1) : d;
    case FACE_FEAT_BEARD:
        return a->beard != b->beard ? 1 : 0;
    case FACE_FEAT_GLASSES:
        return a->glasses != b->glasses ? 1
               : a->glasses             ? fabs(a->glasses_look - b->glasses_look) / 0.3
                                        : 0;
    case FACE_FEAT_AGE:
        return abs(a->years - b->years) / 3.0;
    default:
        return d;
    }
}

uint32_t face_diff(const face_params *a, const face_params *b) {
    uint32_t m = 0;
    for (int f = 0; f < FACE_FEAT_COUNT; f++)
        if (face_feature_distance(a, b, (face_feature)f) >= 1) m |= FACE_BIT(f);
    return m;
}
