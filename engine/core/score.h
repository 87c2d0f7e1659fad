/* score.h - scoring one case (one traveler) from what the trainee did.
 *
 * Inputs are plain data: the scenario's expected outcome and rubric, the true
 * defects of its documents (with their regions in millimetres and the lights
 * that show them), and the trainee's actions for that traveler (from the
 * action log). The result is a score per competency (0..1), points out of
 * 100 weighted by the rubric, the critical errors that fail the case whatever
 * the points, and the details a debrief needs (each defect found or missed).
 *
 * The decision matrix: admitting a forged, altered or expired document, or
 * refusing a person who needs protection, are critical errors; refusing a
 * genuine traveler scores no decision points; near misses (second line
 * instead of refusal, another protection kind) score part. A case not
 * decided (time ran out) scores 0 points, 0 for human rights and procedure.
 */
#ifndef BL_SCORE_H
#define BL_SCORE_H

#include "defect.h"
#include "doc.h"
#include "scenario.h"

#define SCORE_MAX_DEFECTS 32
#define SCORE_MAX_FLAGS   32

typedef struct score_defect {
    int doc, side;
    int kind;          /* defect_kind */
    double x, y, w, h; /* mm on that side */
    light_set lights;
} score_defect;

typedef struct score_truth {
    int n;
    score_defect d[SCORE_MAX_DEFECTS];
} score_truth;

typedef struct score_flag {
    int doc, side;
    int kind; /* desk finding kind */
    double x, y, w, h;
    light_set lights_before; /* lights used before the flag was drawn */
} score_flag;

typedef struct score_actions {
    int decided;
    int decision, protection; /* desk_decision, desk_protection */
    int n_flags;
    score_flag flags[SCORE_MAX_FLAGS];
    int asked[SCN_MAX_QUESTIONS]; /* times, by question index */
    light_set lights_used;
    int interpreter, reader;
    double seconds; /* from the traveler's arrival to the decision */
    int timed_out;  /* not decided within the time limit */
} score_actions;

typedef struct score_result {
    double competency[COMP_COUNT]; /* 0..1 */
    double points;                 /* 0..100 */
    int n_critical;
    char critical[4][48]; /* ids: "admitted_invalid_document", ... */
    int passed;
    double precision, recall;
    double decision_score;
    int defect_found[SCORE_MAX_DEFECTS]; /* per truth defect: 0 missed, 1 located, 2 located and
                                            named */
    int flag_matched[SCORE_MAX_FLAGS];   /* per flag: index of the defect it found, or -1 */
    /* what the debrief teaches besides the defects */
    unsigned ask_missed;      /* bit per expected.ask entry not asked */
    unsigned forbidden_asked; /* bit per question index asked that must not be */
    int interpreter_missed;   /* an interpreter was needed and not called */
    light_set lights_missed;  /* lights the scenario expects that were not used */
} score_result;

/* The finding kind a trainee should use for a defect (desk finding kinds). */
int score_finding_kind_of(int defect_kind);

/* The true defects of a scenario's documents, built once per scenario at a
 * low resolution (regions in mm do not depend on it); each document is the
 * one scn_docs_spec describes (holder generated from its seed). */
int score_truth_build(const scenario *s, const doc_fonts *fonts, score_truth *t, bl_err *err);

/* Reads one traveler's actions from an action log (JSON lines as the desk
 * writes them): lights used (and which were on before each flag), flags not
 * removed, questions, interpreter, MRZ reader, the decision and its time. */
int score_actions_from_log(const char *log, size_t len, const scenario *s, const char *traveler_id,
                           score_actions *a, bl_err *err);

/* Scores a case; pass_mark in points (e.g. 70). Pure and fast. */
void score_case(const scenario *s, const score_truth *t, const score_actions *a, double pass_mark,
                score_result *out);

#endif
