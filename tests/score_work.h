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

#include "border.h"
#include "checks.h"
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

/* Identity at the counter done well: the chip read; the face compared and
 * answered rightly with high confidence, on the stable features that differ
 * when the traveler is not the portrait's person; the person told why their
 * prints are taken before the first capture, a good capture, a finger that
 * cannot give one recorded as an exception, the 1:1 check, and a watch-list
 * candidate verified for what they are. */
static inline void good_identity(const scenario *s, const score_truth *t, score_actions *a) {
    score_ident *id = &a->ident;
    id->chip_read = 1;
    id->face_answer =
        t->ident.impostor || s->impostor > 0 ? FACE_ANSWER_DIFFERENT : FACE_ANSWER_SAME;
    id->face_confidence = 3;
    id->face_features = t->ident.face_differs;
    if (!s->fingers.taken) return;
    id->explained = id->explained_first = 1;
    id->captures = 1, id->good_capture = 1;
    if (s->fingers.injured) id->exceptions |= 1u << s->fingers.injured;
    if (s->fingers.missing) id->exceptions |= 1u << s->fingers.missing;
    id->verified = 1;
    id->searched = s->fingers.watchlist != WATCH_NONE;
    id->cand_said_same = s->fingers.watchlist == WATCH_TRUE;
    id->cand_said_not = s->fingers.watchlist == WATCH_FALSE;
    id->pairs = id->pairs_right = s->fingers.mark ? 8 : 0;
}

/* Beyond the first line done well: each list holding a record searched,
 * the record compared and called for what it is, its action taken as it
 * applies to this person; the API difference recorded, a risk rule's hit
 * reviewed; the registry and consulate asked (never those of a state the
 * person fears), a return recorded as voluntary; at second line, an
 * objective reason, the purpose explained, a search only when needed and
 * in private, screening and every referral, the family each assessed,
 * holding only when justified, a lawyer, the competent authority when the
 * case is theirs, the decision in writing. */
static inline void good_border(const scenario *s, score_actions *a) {
    score_border *b = &a->border;
    b->api_seen = 1;
    b->mismatch = border_api_swapped(s);
    b->reviewed = border_pnr_rule_hits(s);
    for (int i = 0; i < s->n_checks; i++) {
        const scn_check *c = &s->checks[i];
        unsigned bit = 1u << i;
        int is = c->basis == CHK_BASIS_DOCUMENT ? s->impostor == 0 : c->traveler;
        b->searched |= 1u << c->list;
        b->opened |= bit, b->compared |= bit;
        if (is)
            b->said_same |= bit;
        else
            b->said_not |= bit;
        if (c->list == CHK_SLTD) b->seized |= bit;
        if (is && c->category == CHK_MONITOR) b->recorded |= bit;
        if (is && c->category != CHK_MONITOR && c->action == CHK_HOLD_NOTIFY) b->held |= bit;
    }
    const scn_registry *r = &s->registry;
    int fears = (s->situations >> SIT_FEAR_OF_RETURN & 1) || (s->second.vulnerable & 1u);
    if (r->result != REG_NONE && !(fears && strcmp(r->state, BORDER_STATE))) {
        b->reg_asked = 1, b->cons_asked = r->consulate != CONS_NONE, b->etd_asked = r->etd;
        b->voluntary = r->return_intended, b->best_interests = r->return_intended && s->age < 18;
    }
    if (!s->second.stage) return;
    b->stage = 1, b->reasons = 1u << SL_REASON_IDENTITY, b->reason_recorded = 1;
    b->explained = 1, b->search = s->second.search ? SL_SEARCH_PRIVATE : SL_SEARCH_NONE;
    b->screened = 1, b->referrals = s->second.vulnerable, b->family = s->second.family;
    b->hold = s->second.hold ? SL_HOLD_YES : SL_HOLD_NO;
    b->lawyer = 1, b->authority = s->second.authority, b->written = 1;
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
    good_identity(s, t, a);
    good_border(s, a);
}

#endif
