/* score_work.h - good work on a case, for the scoring tests: every light
 * the case needs and every light that shows a defect, each expected defect
 * flagged exactly with its kind, the required questions asked (understood:
 * the interpreter first when one is needed), the person heard apart from a
 * companion, a refusal's reasons given through the interpreter; then the
 * decision given; and the examination (good_examination): every step of
 * F.A.L.S.E.D.O.C. done on every document. */
#ifndef BL_TEST_SCORE_WORK_H
#define BL_TEST_SCORE_WORK_H

#include <string.h>

#include "score.h"

static inline void look_at(score_actions *a, int doc, int side, double x, double y) {
    if (a->n_looks >= SCORE_MAX_LOOKS) return;
    score_look *l = &a->looks[a->n_looks++];
    l->doc = doc, l->side = side, l->x = x, l->y = y, l->zoom = 8, l->light = LIGHT_VISIBLE;
}

/* The loupe on the portrait, the data, the number and the MRZ of every
 * document, at its fold and its edge; infrared and raking light. */
static inline void good_examination(const score_truth *t, score_actions *a) {
    static const char *places[] = {"portrait", "ir_data", "document_number", "ir_mrz",
                                   "booklet_thread"};
    a->lights_used |= LIGHT_BIT(LIGHT_IR) | LIGHT_BIT(LIGHT_OBLIQUE);
    for (int i = 0; i < t->n_features; i++)
        for (size_t k = 0; k < sizeof places / sizeof places[0]; k++)
            if (!strcmp(t->f[i].kind, places[k]))
                look_at(a, t->f[i].doc, t->f[i].side, t->f[i].x + t->f[i].w / 2,
                        t->f[i].y + t->f[i].h / 2);
    for (int d = 0; d < DESK_MAX_DOCS && t->doc_w[d] > 0; d++)
        look_at(a, d, 0, t->doc_w[d] / 2, 2), look_at(a, d, 0, 1.5, t->doc_h[d] / 2);
}

static inline void score_good_work(const scenario *s, const score_truth *t, int decision,
                                   int protection, double seconds, score_actions *a) {
    memset(a, 0, sizeof *a);
    a->lights_used = LIGHT_BIT(LIGHT_VISIBLE) | s->expected.lights;
    for (int d = 0; d < t->n; d++)
        a->lights_used |= t->d[d].lights;
    for (int d = 0; d < t->n && a->n_flags < SCORE_MAX_FLAGS; d++) {
        if (!(s->expected.findings >> t->d[d].kind & 1)) continue;
        score_flag *f = &a->flags[a->n_flags++];
        f->doc = t->d[d].doc, f->side = t->d[d].side;
        f->kind = score_finding_kind_of(t->d[d].kind);
        f->x = t->d[d].x, f->y = t->d[d].y, f->w = t->d[d].w, f->h = t->d[d].h;
        f->lights_before = a->lights_used;
    }
    for (int i = 0; i < s->expected.n_ask; i++)
        a->asked[scenario_question_index(s, s->expected.ask[i])] = 1;
    for (int q = 0; q < s->n_questions; q++)
        if (s->questions[q].must) a->asked[q] = 1;
    a->interpreter = s->expected.interpreter;
    a->separated = a->heard_apart = s->companion;
    a->reasons = a->reasons_interpreted = 1;
    a->decided = 1, a->decision = decision, a->protection = protection;
    a->seconds = seconds;
    good_examination(t, a);
}

#endif
