/* exam.c - see exam.h: F.A.L.S.E.D.O.C. read from a case's actions and truth. */
#include "exam.h"

#include <string.h>

static const struct {
    const char *id;
    char letter;
} steps[EXAM_STEPS] = {
    {"face", 'F'},  {"altered", 'A'}, {"lamina", 'L'},   {"stitching", 'S'},
    {"edges", 'E'}, {"number", 'D'},  {"overseas", 'O'}, {"consistency", 'C'},
};

const char *exam_step_id(int step) {
    return step >= 0 && step < EXAM_STEPS ? steps[step].id : NULL;
}

char exam_step_letter(int step) {
    return step >= 0 && step < EXAM_STEPS ? steps[step].letter : '?';
}

int exam_step_from_id(const char *id) {
    for (int i = 0; i < EXAM_STEPS; i++)
        if (!strcmp(steps[i].id, id)) return i;
    return -1;
}

#define BIT(s) (1u << (s))

/* Where each defect's evidence lies, by step (ids, so that a defect kind
 * added later is looked up by its name). */
static const struct {
    const char *defect;
    unsigned steps;
} evidence[] = {
    {"photo_substitution", BIT(EXAM_FACE) | BIT(EXAM_LAMINA)},
    {"data_alteration_ir", BIT(EXAM_ALTERED)},
    {"name_script_mismatch", BIT(EXAM_ALTERED) | BIT(EXAM_CONSISTENCY)},
    {"signature_mismatch", BIT(EXAM_ALTERED) | BIT(EXAM_CONSISTENCY)},
    {"mrz_viz_mismatch", BIT(EXAM_ALTERED) | BIT(EXAM_CONSISTENCY)},
    {"mrz_check_digit", BIT(EXAM_NUMBER) | BIT(EXAM_CONSISTENCY)},
    {"visa_passport_mismatch", BIT(EXAM_NUMBER) | BIT(EXAM_OVERSEAS) | BIT(EXAM_CONSISTENCY)},
    {"expired", BIT(EXAM_CONSISTENCY)},
    {"restitched_booklet", BIT(EXAM_STITCHING)},
    {"stamp_counterfeit", BIT(EXAM_OVERSEAS)},
    {"stamp_date_conflict", BIT(EXAM_OVERSEAS) | BIT(EXAM_CONSISTENCY)},
    {"edge_trimmed", BIT(EXAM_EDGES)},
};

/* A feature of the truth on (doc, side) whose kind is `kind`, or NULL. */
static const score_feature *feature(const score_truth *t, int doc, int side, const char *kind) {
    for (int i = 0; i < t->n_features; i++)
        if (t->f[i].doc == doc && t->f[i].side == side && !strcmp(t->f[i].kind, kind))
            return &t->f[i];
    return NULL;
}

/* Whether (x, y) mm lies on a feature of that kind, within `margin` mm. */
static int on_feature(const score_truth *t, int doc, int side, double x, double y, const char *kind,
                      double margin) {
    const score_feature *f = feature(t, doc, side, kind);
    return f && x >= f->x - margin && x <= f->x + f->w + margin && y >= f->y - margin &&
           y <= f->y + f->h + margin;
}

static int looked_at(const score_truth *t, const score_actions *a, const char *kind) {
    for (int i = 0; i < a->n_looks; i++)
        if (on_feature(t, a->looks[i].doc, a->looks[i].side, a->looks[i].x, a->looks[i].y, kind,
                       1.0))
            return 1;
    return 0;
}

static int flagged_on(const score_truth *t, const score_actions *a, const char *kind) {
    for (int i = 0; i < a->n_flags; i++) {
        const score_flag *f = &a->flags[i];
        if (on_feature(t, f->doc, f->side, f->x + f->w / 2, f->y + f->h / 2, kind, 0.5)) return 1;
    }
    return 0;
}

/* S: the booklet's thread where the truth has one, else near a passport
 * page's fold; E: near any edge of a document. */
static int looked_near_edges(const score_truth *t, const score_actions *a, int fold_only) {
    for (int i = 0; i < a->n_looks; i++) {
        const score_look *l = &a->looks[i];
        if (l->doc < 0 || l->doc >= DESK_MAX_DOCS) continue;
        double w = t->doc_w[l->doc], h = t->doc_h[l->doc];
        if (fold_only) {
            if (!strcmp(t->doc_kind[l->doc], "passport") && l->y <= 4.0) return 1;
        } else if (l->x <= 3.0 || l->y <= 3.0 || l->x >= w - 3.0 || l->y >= h - 3.0) {
            return 1;
        }
    }
    return 0;
}

/* A passport's page other than its data page (the desk shows a passport's
 * pages as its sides: booklet.h). */
static int on_pages(const score_truth *t, int doc, int side) {
    return doc >= 0 && doc < DESK_MAX_DOCS && side > 0 && !strcmp(t->doc_kind[doc], "passport");
}

static unsigned covered(const score_truth *t, const score_actions *a) {
    unsigned c = 0;
    int impostor_flag = 0;
    for (int i = 0; i < a->n_flags; i++)
        impostor_flag |= a->flags[i].kind >= 0 &&
                         !strcmp(desk_finding_kind_get(a->flags[i].kind)->id, "impostor");
    if (looked_at(t, a, "portrait") || looked_at(t, a, "ghost_image") ||
        flagged_on(t, a, "portrait") || impostor_flag ||
        a->ident.face_answer != FACE_ANSWER_NONE) /* compared in the identity panel */
        c |= BIT(EXAM_FACE);
    if (a->lights_used & LIGHT_BIT(LIGHT_IR) || looked_at(t, a, "ir_data") ||
        flagged_on(t, a, "ir_data"))
        c |= BIT(EXAM_ALTERED);
    if (a->lights_used & LIGHT_BIT(LIGHT_OBLIQUE)) c |= BIT(EXAM_LAMINA);
    int thread = 0;
    for (int i = 0; i < t->n_features; i++)
        thread |= !strcmp(t->f[i].kind, "booklet_thread");
    if (thread ? looked_at(t, a, "booklet_thread") || looked_at(t, a, "stitch_holes")
               : looked_near_edges(t, a, 1))
        c |= BIT(EXAM_STITCHING);
    if (looked_near_edges(t, a, 0)) c |= BIT(EXAM_EDGES);
    if (looked_at(t, a, "document_number") || flagged_on(t, a, "document_number") || a->reader)
        c |= BIT(EXAM_NUMBER);
    /* travel: another document, or a passport's other pages (visas, stamps) */
    for (int i = 0; i < a->n_looks; i++)
        if (a->looks[i].doc > 0 || on_pages(t, a->looks[i].doc, a->looks[i].side))
            c |= BIT(EXAM_OVERSEAS);
    for (int i = 0; i < a->n_flags; i++)
        if (a->flags[i].doc > 0 || on_pages(t, a->flags[i].doc, a->flags[i].side))
            c |= BIT(EXAM_OVERSEAS);
    /* the MRZ read, or the chip's DG1 set beside the printed page */
    if (a->reader || looked_at(t, a, "ir_mrz") || a->ident.chip_read) c |= BIT(EXAM_CONSISTENCY);
    return c;
}

void exam_steps_of(const scenario *s, const score_truth *t, const score_actions *a,
                   exam_steps *out) {
    memset(out, 0, sizeof *out);
    if (s->n_docs == 0) return; /* nothing to examine: no step */
    out->possible = (BIT(EXAM_STEPS) - 1) & ~(BIT(EXAM_STITCHING) | BIT(EXAM_OVERSEAS));
    for (int d = 0; d < s->n_docs && d < DESK_MAX_DOCS; d++) {
        /* a passport is a booklet: sewn, with visa pages */
        if (!strcmp(t->doc_kind[d], "passport"))
            out->possible |= BIT(EXAM_STITCHING) | BIT(EXAM_OVERSEAS);
        if (d > 0) out->possible |= BIT(EXAM_OVERSEAS);
    }
    for (int i = 0; i < t->n; i++) {
        const defect_info *di = defect_get((defect_kind)t->d[i].kind);
        if (t->d[i].doc > 0 && strcmp(t->doc_kind[t->d[i].doc], "passport"))
            out->needed |= BIT(EXAM_OVERSEAS); /* a visa's or permit's own defect */
        for (size_t k = 0; di && k < sizeof evidence / sizeof evidence[0]; k++)
            if (!strcmp(evidence[k].defect, di->id)) out->needed |= evidence[k].steps;
    }
    if (s->impostor > 0) out->needed |= BIT(EXAM_FACE);
    out->required = s->expected.steps & (BIT(EXAM_STEPS) - 1);
    out->needed = (out->needed | out->required) & out->possible;
    out->covered = covered(t, a) & out->possible;
}
