/* face_relate.c - faces related to a face with a known truth: the same person
 * photographed again or years later, a look-alike, a sibling, a morph. Each
 * relation reports face_diff(base, out), so what "differs" has one owner.
 *
 * Look-alikes and siblings take whole feature groups from another face of the
 * same sex and appearance profile, and push a taken group past its
 * just-noticeable difference if the draw happened to land close; the rest of
 * their stable features move by less than that amount, so they are different
 * people whose difference is where the report says. */
#include "face_int.h"

#include <string.h>

static const char *const rel_names[FACE_REL_COUNT] = {"same", "aged", "lookalike", "sibling",
                                                      "morph"};

const char *face_relation_name(face_relation r) {
    return (int)r >= 0 && r < FACE_REL_COUNT ? rel_names[r] : NULL;
}

int face_relation_from_name(const char *name) {
    for (int i = 0; name && i < FACE_REL_COUNT; i++)
        if (!strcmp(rel_names[i], name)) return i;
    return -1;
}

void face_take_group(face_params *p, const face_params *o, int feat) {
    for (int i = 0; i < face_n_pdescs; i++)
        if (face_pdescs[i].feat == feat)
            *face_pref(p, &face_pdescs[i]) = face_pget(o, &face_pdescs[i]);
    if (feat == FACE_FEAT_MARKS) {
        p->n_marks = o->n_marks;
        memcpy(p->marks, o->marks, sizeof p->marks);
    }
}

/* A new moment at the camera: expression and a slight pose. */
static void new_moment(face_params *p, rng *r) {
    p->expression = rng_unit(r) < 0.5 ? 0.1 * rng_unit(r) : 0.15 + 0.35 * rng_unit(r);
    p->yaw = rng_range(r, -0.08, 0.08);
    p->pitch = rng_range(r, -0.05, 0.05);
    p->roll = rng_range(r, -0.05, 0.05);
    p->shirt_tone = rng_unit(r);
    p->shirt_kind = (int)rng_below(r, 3);
    p->morph_ghost = 0;
}

/* Makes group `feat` of p differ noticeably from base's: moves its most
 * telling parameter 1.5 just-noticeable differences away, inside its range. */
static void push_group(face_params *p, const face_params *base, int feat, rng *r) {
    if (face_diff(base, p) & FACE_BIT(feat)) return;
    if (feat == FACE_FEAT_MARKS) {
        face_mark *m = &p->marks[0];
        if (p->n_marks > 0 && rng_unit(r) < 0.5) { /* one gone */
            memmove(p->marks, p->marks + 1, sizeof(face_mark) * (size_t)(FACE_MAX_MARKS - 1));
            p->n_marks--;
        } else if (p->n_marks > 0) { /* one moved */
            m->x += (m->x > 0 ? -1 : 1) * 0.05, m->y += rng_range(r, -0.03, 0.03);
        } else { /* one more: a mole on the cheek */
            m = &p->marks[p->n_marks++];
            m->kind = FACE_MARK_MOLE, m->size = rng_range(r, 0.006, 0.01);
            m->x = (rng_unit(r) < 0.5 ? -1 : 1) * rng_range(r, 0.14, 0.24);
            m->y = rng_range(r, 0.12, 0.3), m->angle = 0, m->strength = 0.9;
        }
        return;
    }
    const face_pdesc *best = NULL;
    for (int i = 0; i < face_n_pdescs; i++) {
        const face_pdesc *d = &face_pdescs[i];
        if (d->feat == feat && (!best || d->weight > best->weight)) best = d;
    }
    if (!best) return;
    double b = face_pget(base, best), step = 1.5 * best->jnd;
    double up = b + step, down = b - step;
    double v = up > best->hi ? down : down < best->lo ? up : rng_unit(r) < 0.5 ? up : down;
    *face_pref(p, best) = face_clamp(v, best->lo, best->hi);
}

/* Every stable parameter moved by less than its just-noticeable difference. */
static void jitter_stable(face_params *p, const face_params *base, rng *r, double frac) {
    for (int i = 0; i < face_n_pdescs; i++) {
        const face_pdesc *d = &face_pdescs[i];
        if (!face_feature_stable((face_feature)d->feat)) continue;
        double v = face_pget(base, d) + rng_range(r, -frac, frac) * d->jnd;
        *face_pref(p, d) = face_clamp(v, d->lo, d->hi);
    }
}

static void relate_same(face_params *out, rng *r) {
    new_moment(out, r);
    if (rng_unit(r) < 0.3)
        out->hair_len = face_clamp(out->hair_len + rng_range(r, -0.2, 0.2), 0, 1);
    if (rng_unit(r) < 0.3)
        out->hair_part = face_clamp(out->hair_part + rng_range(r, -0.4, 0.4), -1, 1);
    if (out->glasses && rng_unit(r) < 0.3)
        out->glasses = FACE_GLASSES_NONE;
    else if (!out->glasses && rng_unit(r) < 0.08)
        face_set_glasses(out, FACE_GLASSES_METAL);
    if (out->sex == FACE_MALE && out->years >= 17 && rng_unit(r) < 0.15)
        out->beard = out->beard == FACE_BEARD_NONE      ? FACE_BEARD_STUBBLE
                     : out->beard == FACE_BEARD_STUBBLE ? FACE_BEARD_NONE
                                                        : out->beard;
}

static void relate_aged(face_params *out, const face_params *base, int years, rng *r) {
    years = years < 0 ? 0 : years;
    new_moment(out, r);
    out->weight = face_clamp(out->weight + 0.02 * years + 0.15 * face_gauss(r), -1, 1);
    if (base->years < 14) out->hair_tone *= 0.8; /* children's fair hair darkens */
    face_fit_age(out, base->years + years);
    if (rng_unit(r) < (years > 5 ? 0.4 : 0.2)) {
        face_params o;
        face_build(rng_u64(r), out->sex, out->profile, &o);
        out->hair_style = o.hair_style, out->hair_len = o.hair_len, out->fringe = o.fringe;
        out->hair_part = o.hair_part;
        if (out->hair_style == FACE_HAIR_VOLUME && out->hair_type < FACE_HAIR_CURLY)
            out->hair_style = FACE_HAIR_SHORT;
    }
    if (out->sex == FACE_MALE && out->years >= 17 && rng_unit(r) < 0.35)
        out->beard = (int)rng_below(r, FACE_BEARDS);
    int crosses = base->years < 45 && out->years >= 45;
    if (!out->glasses && rng_unit(r) < (crosses ? 0.5 : 0.12))
        face_set_glasses(out, rng_unit(r) < 0.5 ? FACE_GLASSES_METAL : FACE_GLASSES_PLASTIC);
    else if (out->glasses && rng_unit(r) < 0.12)
        out->glasses = FACE_GLASSES_NONE;
    face_fit_age(out, out->years);
}

/* Picks n distinct stable feature groups, the telling ones likelier. */
static int pick_groups(rng *r, int n, int *out) {
    static const int groups[10] = {FACE_FEAT_EARS,    FACE_FEAT_NOSE,       FACE_FEAT_EYES,
                                   FACE_FEAT_MARKS,   FACE_FEAT_MOUTH,      FACE_FEAT_BROWS,
                                   FACE_FEAT_CHIN,    FACE_FEAT_FACE_SHAPE, FACE_FEAT_CHEEKS,
                                   FACE_FEAT_HAIRLINE};
    static const double w[10] = {3, 3, 3, 2.5, 2, 1.5, 1.5, 1, 0.7, 0.7};
    int used[10] = {0}, k = 0;
    while (k < n) {
        double t = 0;
        for (int i = 0; i < 10; i++)
            t += used[i] ? 0 : w[i];
        double u = rng_unit(r) * t;
        for (int i = 0; i < 10; i++) {
            if (used[i]) continue;
            if (u < w[i]) {
                used[i] = 1, out[k++] = groups[i];
                break;
            }
            u -= w[i];
        }
    }
    return k;
}

static void relate_lookalike(face_params *out, const face_params *base, rng *r) {
    face_params o;
    face_build(rng_u64(r), base->sex, base->profile, &o);
    jitter_stable(out, base, r, 0.4);
    out->tone = face_clamp(base->tone + rng_range(r, -0.03, 0.03), 0, 1);
    int groups[4], n = pick_groups(r, 2 + (int)rng_below(r, 3), groups);
    for (int i = 0; i < n; i++) {
        face_take_group(out, &o, groups[i]);
        push_group(out, base, groups[i], r);
    }
    out->seed = o.seed;
    int years = base->years + (int)rng_below(r, 5) - 2;
    face_fit_age(out, years < 1 ? 1 : years);
    new_moment(out, r);
}

static void relate_sibling(face_params *out, const face_params *base, int years, rng *r) {
    face_params o;
    face_build(rng_u64(r), base->sex, base->profile, &o);
    *out = o;
    int own = 0, mine[FACE_FEAT_SKIN + 1]; /* groups of the sibling's own */
    for (int f = 0; f <= FACE_FEAT_CHIN; f++) {
        if (rng_unit(r) < 0.5) {
            face_take_group(out, base, f);
            continue;
        }
        for (int i = 0; i < face_n_pdescs; i++) { /* the family's resemblance */
            const face_pdesc *d = &face_pdescs[i];
            if (d->feat != f) continue;
            double v = face_pget(&o, d) + 0.25 * (face_pget(base, d) - face_pget(&o, d));
            *face_pref(out, d) = v;
        }
        mine[own++] = f;
    }
    face_take_group(out, base, FACE_FEAT_SKIN); /* marks are their own, not inherited */
    out->tone = face_clamp(base->tone + rng_range(r, -0.05, 0.05), 0, 1);
    out->hair_type = base->hair_type;
    out->hair_tone = face_clamp(base->hair_tone + rng_range(r, -0.1, 0.1), 0, 1);
    out->iris_tone = rng_unit(r) < 0.6 ? base->iris_tone : out->iris_tone;
    for (int i = 0; i < own; i++) /* what is their own shows */
        push_group(out, base, mine[i], r);
    int groups[2];
    if (own < 2) { /* siblings are different people: two groups at least */
        pick_groups(r, 2, groups);
        for (int i = 0; i < 2; i++) {
            face_take_group(out, &o, groups[i]);
            push_group(out, base, groups[i], r);
        }
    }
    int gap = years ? years : (rng_unit(r) < 0.5 ? -1 : 1) * (1 + (int)rng_below(r, 6));
    int y = base->years + gap;
    face_fit_age(out, y < 1 ? 1 : y);
    new_moment(out, r);
}

uint32_t face_morph(const face_params *a, const face_params *b, double alpha, face_params *out) {
    alpha = face_clamp(alpha, 0, 1);
    face_params m = alpha < 0.5 ? *a : *b;
    for (int i = 0; i < face_n_pdescs; i++) {
        const face_pdesc *d = &face_pdescs[i];
        double va = face_pget(a, d), vb = face_pget(b, d);
        *face_pref(&m, d) = va + (vb - va) * alpha;
    }
    m.years = (int)lround(a->years + (b->years - a->years) * alpha);
    m.grey_onset = a->grey_onset + (b->grey_onset - a->grey_onset) * alpha;
    m.bald_tend = a->bald_tend + (b->bald_tend - a->bald_tend) * alpha;
    /* each face's marks show faded in proportion */
    m.n_marks = 0;
    for (int s = 0; s < 2; s++) {
        const face_params *f = s ? b : a;
        double k = s ? alpha : 1 - alpha;
        for (int i = 0; i < f->n_marks && m.n_marks < FACE_MAX_MARKS; i++) {
            if (f->marks[i].strength * k < 0.1) continue;
            m.marks[m.n_marks] = f->marks[i];
            m.marks[m.n_marks++].strength = f->marks[i].strength * k;
        }
    }
    m.yaw = m.pitch = m.roll = 0;
    m.morph_ghost = 4 * alpha * (1 - alpha);
    *out = m;
    return face_diff(a, out);
}

uint32_t face_relate(const face_params *base, face_relation rel, uint64_t seed, int years,
                     face_params *out) {
    rng r;
    rng_init(&r, rng_derive(seed, face_relation_name(rel) ? face_relation_name(rel) : "?"));
    face_params o = *base;
    switch (rel) {
    case FACE_REL_SAME:
        relate_same(&o, &r);
        break;
    case FACE_REL_AGED:
        relate_aged(&o, base, years, &r);
        break;
    case FACE_REL_LOOKALIKE:
        relate_lookalike(&o, base, &r);
        break;
    case FACE_REL_SIBLING:
        relate_sibling(&o, base, years, &r);
        break;
    case FACE_REL_MORPH: {
        face_params l;
        face_relate(base, FACE_REL_LOOKALIKE, rng_u64(&r), 0, &l);
        l.expression = base->expression, l.yaw = l.pitch = l.roll = 0;
        face_morph(base, &l, 0.5, &o);
        break;
    }
    default:
        break;
    }
    *out = o;
    return face_diff(base, out);
}
