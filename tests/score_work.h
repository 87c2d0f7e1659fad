/* score_work.h - good work on a case, for the scoring tests: every light
 * the case needs and every light that shows a defect, each expected defect
 * flagged exactly with its kind, the required questions asked (understood:
 * the interpreter first when one is needed), the person heard apart from a
 * companion, a refusal's reasons given through the interpreter; then the
 * decision given. */
#ifndef BL_TEST_SCORE_WORK_H
#define BL_TEST_SCORE_WORK_H

#include <string.h>

#include "score.h"

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
}

#endif
