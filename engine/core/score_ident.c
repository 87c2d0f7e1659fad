/* score_ident.c - identity at the counter, scored (see score.h): the face
 * comparison, the chip and the fingerprint procedure.
 *
 * The face answer is scored as a forecast. A confidence is a probability
 * (low 0.6, medium 0.8, high 1: "I am sure"; "cannot tell" 0.5) that the
 * two pictures show the same person; the item is 1 - 2 x its Brier score,
 * clipped at 0: right and sure 1, right at medium 0.92, right and unsure
 * 0.68, "cannot tell" 0.5, wrong and unsure 0.28, wrong at medium or high
 * confidence 0. A confident wrong answer
 * so costs more than an honest "cannot tell", and "same, high confidence"
 * for an impostor is a critical error whatever the decision. When the faces
 * differ, the answer counts in full only on features that really differ:
 * the examiner's reasons are part of the examination (FISWG).
 */
#include <cjson/cJSON.h>
#include <math.h>
#include <string.h>

#include "chip.h"
#include "critical.h"
#include "desk.h"
#include "score.h"
#include "tpl.h"

static const double confidence_p[4] = {0.5, 0.6, 0.8, 1.0};

/* Corresponding minutiae that confirm a borderline 1:1 at the counter: a
 * screening threshold, not a forensic identification's twelve. */
#define MINUTIAE_ENOUGH 6

/* The stable features a relation makes differ, as the face model draws them
 * (face_relate): what a trainee may rightly cite. */
static unsigned relation_differs(int rel) {
    switch (rel) {
    case SCN_FACE_LOOKALIKE:
        return 1u << FEATURE_EARS | 1u << FEATURE_NOSE | 1u << FEATURE_EYES | 1u << FEATURE_MARKS |
               1u << FEATURE_CHIN;
    case SCN_FACE_SIBLING:
        return 1u << FEATURE_EARS | 1u << FEATURE_NOSE | 1u << FEATURE_MOUTH | 1u << FEATURE_MARKS |
               1u << FEATURE_FACE_SHAPE | 1u << FEATURE_CHIN;
    case SCN_FACE_MORPH: /* the portrait mixes two people: every component is a little off */
        return (1u << FACE_FEATURE_CITES) - 1;
    default:
        return 0;
    }
}

void score_ident_truth_of(const scenario *s, score_ident_truth *t) {
    memset(t, 0, sizeof *t);
    t->impostor = s->impostor > 0;
    t->face_differs = relation_differs(s->face.relation);
    if (t->impostor && !t->face_differs) /* traveler.impostor alone: a look-alike */
        t->face_differs = relation_differs(SCN_FACE_LOOKALIKE);
    t->chip_doc = -1;
    /* the traveler's first document with a chip (its template an eMRTD's),
       genuine or not: its DG3 is what the 1:1 compares with */
    for (int d = 0; d < s->n_docs && t->chip_doc < 0; d++) {
        tpl tp;
        bl_err err = {0};
        if (s->docs[d].capture[0] || s->docs[d].companion) continue;
        if (tpl_builtin(&tp, s->docs[d].spec.template_id, &err) == 0 && tp.chip)
            t->chip_doc = d, t->chip_defect = s->docs[d].spec.chip;
    }
}

/* ------------------------------------------------------------ the log */

static const cJSON *param(const cJSON *p, const char *name) {
    return cJSON_GetObjectItemCaseSensitive(p, name);
}

static int answer_of(const char *s) {
    for (int a = FACE_ANSWER_SAME; a <= FACE_ANSWER_CANNOT_TELL; a++)
        if (!strcmp(desk_face_answer_id(a), s)) return a;
    return FACE_ANSWER_NONE;
}

static void read_face_answer(score_ident *a, const cJSON *pr) {
    const cJSON *ans = param(pr, "answer"), *conf = param(pr, "confidence");
    const cJSON *feats = param(pr, "features"); /* the ids cited, space-separated */
    a->face_answer = cJSON_IsString(ans) ? answer_of(ans->valuestring) : FACE_ANSWER_NONE;
    a->face_confidence = cJSON_IsNumber(conf) ? (int)conf->valuedouble : 0;
    if (a->face_confidence < 0 || a->face_confidence > 3) a->face_confidence = 0;
    a->face_features = 0;
    const char *p = cJSON_IsString(feats) ? feats->valuestring : "";
    while (*p) {
        size_t n = strcspn(p, " ");
        for (int k = 0; k < FACE_FEATURE_CITES; k++) {
            const char *id = desk_face_feature_id(k);
            if (n == strlen(id) && !strncmp(p, id, n)) a->face_features |= 1u << k;
        }
        p += n + (p[n] == ' ');
    }
}

int score_ident_action(score_ident *a, const char *ac, const cJSON *pr) {
    if (!strcmp(ac, "chip_read")) {
        a->chip_read = 1;
    } else if (!strcmp(ac, "face_answer")) {
        read_face_answer(a, pr);
    } else if (!strcmp(ac, "fingers_explained")) {
        if (!a->explained && !a->captures) a->explained_first = 1;
        a->explained = 1;
    } else if (!strcmp(ac, "finger_capture")) {
        a->captures++;
        if (cJSON_IsTrue(param(pr, "enough"))) a->good_capture = 1;
    } else if (!strcmp(ac, "finger_exception")) {
        const cJSON *f = param(pr, "finger"), *k = param(pr, "kind");
        int pos = cJSON_IsString(f) ? scn_finger_from_name(f->valuestring) : -1;
        if (pos > 0) {
            if (cJSON_IsString(k) && strcmp(k->valuestring, "none"))
                a->exceptions |= 1u << pos;
            else
                a->exceptions &= ~(1u << pos);
        }
    } else if (!strcmp(ac, "finger_verify")) {
        a->verified = 1;
        a->verify_match = cJSON_IsTrue(param(pr, "match"));
    } else if (!strcmp(ac, "minutia_pair")) {
        a->pairs++;
        a->pairs_right += cJSON_IsTrue(param(pr, "correct"));
    } else if (!strcmp(ac, "watchlist_search")) {
        a->searched = 1;
    } else if (!strcmp(ac, "candidate_verdict")) {
        if (cJSON_IsTrue(param(pr, "same")))
            a->cand_said_same = 1;
        else
            a->cand_said_not = 1;
    } else {
        return 0;
    }
    return 1;
}

/* ------------------------------------------------------------ scoring */

static double face_item(const score_ident_truth *t, const score_ident *a) {
    if (a->face_answer == FACE_ANSWER_NONE) return 0;
    double p = confidence_p[a->face_answer == FACE_ANSWER_CANNOT_TELL ? 0 : a->face_confidence];
    double f = a->face_answer == FACE_ANSWER_SAME        ? p
               : a->face_answer == FACE_ANSWER_DIFFERENT ? 1 - p
                                                         : 0.5;
    double y = t->impostor ? 0 : 1;
    double item = fmax(0.0, 1.0 - 2.0 * (f - y) * (f - y));
    if (t->impostor && a->face_answer == FACE_ANSWER_DIFFERENT) {
        int cited = __builtin_popcount(a->face_features);
        int right = __builtin_popcount(a->face_features & t->face_differs);
        item *= 0.5 + 0.5 * (cited ? (double)right / cited : 0);
    }
    return item;
}

/* The fingerprint procedure: told why first; a print good enough, or the
 * finger that cannot give one recorded as an exception; the 1:1 check where
 * the chip holds prints; a watch-list candidate verified, never taken on the
 * list's word. */
static double fingers_item(const scenario *s, const score_ident_truth *t, const score_ident *a) {
    double sum = 0;
    int n = 0;
    sum += a->explained_first, n++;
    sum += a->good_capture, n++;
    int bad = s->fingers.injured ? s->fingers.injured : s->fingers.missing;
    if (bad) sum += (a->exceptions >> bad & 1) != 0, n++;
    if (t->chip_doc >= 0 && t->chip_defect != CHIP_DEAD /* no DG3 to read */)
        sum += a->verified, n++;
    if (s->fingers.watchlist == WATCH_FALSE) sum += a->cand_said_not && !a->cand_said_same, n++;
    if (s->fingers.watchlist == WATCH_TRUE) sum += a->cand_said_same, n++;
    if (s->fingers.mark) /* six true pairs confirm a borderline score; wrong ones cost */
        sum += fmin(1.0, a->pairs_right / (double)MINUTIAE_ENOUGH) *
               (a->pairs ? (double)a->pairs_right / a->pairs : 0),
            n++;
    return sum / n;
}

static const char *const lesson_ids[LESSONS] = {
    "face_not_compared",   "face_said_same",       "face_said_different", "face_reasons",
    "chip_unread",         "prints_not_explained", "prints_no_capture",   "prints_no_exception",
    "prints_not_verified", "candidate_taken",      "candidate_unchecked", "minutiae"};

const char *ident_lesson_id(int k) {
    return k >= 0 && k < LESSONS ? lesson_ids[k] : "";
}

/* What the debrief teaches about identity, from what was done. */
static unsigned lessons(const scenario *s, const score_ident_truth *t, const score_ident *a,
                        int face_case) {
    unsigned l = 0;
#define L(k) (1u << (k))
    if (face_case && a->face_answer == FACE_ANSWER_NONE) l |= L(LESSON_FACE_NOT_COMPARED);
    if (t->impostor && a->face_answer == FACE_ANSWER_SAME) l |= L(LESSON_FACE_SAID_SAME);
    if (!t->impostor && face_case && a->face_answer == FACE_ANSWER_DIFFERENT)
        l |= L(LESSON_FACE_SAID_DIFFERENT);
    if (t->impostor && a->face_answer == FACE_ANSWER_DIFFERENT && a->face_features &&
        !(a->face_features & t->face_differs))
        l |= L(LESSON_FACE_REASONS);
    if (t->chip_doc >= 0 && t->chip_defect && !a->chip_read) l |= L(LESSON_CHIP_UNREAD);
    if (!s->fingers.taken) return l;
    if (!a->explained_first) l |= L(LESSON_PRINTS_NOT_EXPLAINED);
    if (!a->good_capture) l |= L(LESSON_PRINTS_NO_CAPTURE);
    int bad = s->fingers.injured ? s->fingers.injured : s->fingers.missing;
    if (bad && !(a->exceptions >> bad & 1)) l |= L(LESSON_PRINTS_NO_EXCEPTION);
    if (t->chip_doc >= 0 && t->chip_defect != CHIP_DEAD && !a->verified)
        l |= L(LESSON_PRINTS_NOT_VERIFIED);
    if (s->fingers.watchlist == WATCH_FALSE && a->cand_said_same) l |= L(LESSON_CANDIDATE_TAKEN);
    if (s->fingers.watchlist != WATCH_NONE && !a->cand_said_same && !a->cand_said_not)
        l |= L(LESSON_CANDIDATE_UNCHECKED);
    if (s->fingers.mark && a->pairs_right < MINUTIAE_ENOUGH) l |= L(LESSON_MINUTIAE);
#undef L
    return l;
}

void score_ident_case(const scenario *s, const score_truth *t, const score_actions *a,
                      score_result *out) {
    const score_ident *id = &a->ident;
    /* the truth from the scenario; the features that differ as the face model
       drew them when score_truth_build knew them */
    score_ident_truth it;
    score_ident_truth_of(s, &it);
    if (t->ident.face_differs) it.face_differs = t->ident.face_differs;
    int face_case = it.impostor || s->face.relation != SCN_FACE_HOLDER || s->gate;
    out->face = face_case ? face_item(&it, id) : -1;
    out->chip = it.chip_doc >= 0 && it.chip_defect ? id->chip_read : -1;
    out->fingers = s->fingers.taken ? fingers_item(s, &it, id) : -1;
    out->ident_lessons = lessons(s, &it, id, face_case);
    int dec = a->decided ? a->decision : DECIDE_NONE;
    if (it.impostor && id->face_answer == FACE_ANSWER_SAME && id->face_confidence == 3)
        score_add_critical(s, out, CRIT_CONFIDENT_SAME_IMPOSTOR);
    if (s->fingers.watchlist == WATCH_FALSE && id->searched &&
        s->expected.decision == DECIDE_ADMIT && (dec == DECIDE_SECOND_LINE || dec == DECIDE_REFUSE))
        score_add_critical(s, out, CRIT_HELD_ON_FALSE_MATCH);
    if ((s->fingers.injured || s->fingers.missing) && dec == DECIDE_REFUSE &&
        s->expected.decision != DECIDE_REFUSE)
        score_add_critical(s, out, CRIT_REFUSED_FOR_FINGER);
}
