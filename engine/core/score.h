/* score.h - scoring one case (one traveler) from what the trainee did.
 *
 * Inputs are plain data: the scenario's expected outcome and rubric, the true
 * defects of its documents (with their regions in millimetres and the lights
 * that show them), and the trainee's actions for that traveler (from the
 * action log). The result is a score per competency (0..1), points out of
 * 100 weighted by the rubric, the critical errors that fail the case whatever
 * the points, and the details a debrief needs (each defect found or missed).
 *
 * The verdict: a case passes only when the decision is the expected one or
 * one the scenario accepts, no critical error was made (critical.h: judged
 * by principle from the scenario and the actions, plus the author's own,
 * minus the ones the scenario waives) and the points reach the pass mark.
 * Points measure the quality of the work: each competency 0..1 weighted by
 * the rubric. A case not decided (time ran out) scores 0 points.
 *
 * Process counts, not only the outcome: questions asked before a needed
 * interpreter was called were not understood; a trafficking or child case
 * with a companion needs the person heard apart; a refusal needs its
 * reasons given (through the interpreter when one is needed).
 */
#ifndef BL_SCORE_H
#define BL_SCORE_H

#include "defect.h"
#include "doc.h"
#include "scenario.h"
#include "score_border.h"

#define SCORE_MAX_DEFECTS  32
#define SCORE_MAX_FEATURES 96
#define SCORE_MAX_FLAGS    32
#define SCORE_MAX_ASKS     32
#define SCORE_MAX_CRITICAL 8

typedef struct score_defect {
    int doc, side;
    int kind;          /* defect_kind */
    double x, y, w, h; /* mm on that side */
    light_set lights;
    int parent; /* the defect kind it follows from (a counterfeit's missing watermark: the
                   counterfeit paper), or -1 */
} score_defect;

/* A security feature or printed field: what is really at a place a trainee
 * flagged where nothing is wrong. */
typedef struct score_feature {
    int doc, side;
    char kind[32]; /* doc_item kind: "portrait", "uv_emblem", ... */
    double x, y, w, h;
} score_feature;

/* What is true of the traveler's identity (score_ident.c): whether the
 * face is the portrait's, which stable features differ when it is not, and
 * the chip's defect. */
typedef struct score_ident_truth {
    int impostor;          /* the face at the counter is not the portrait's person */
    unsigned face_differs; /* bit per FEATURE_* (desk.h) that differs from the portrait */
    int chip_doc;          /* the document with a chip (-1: none) */
    int chip_defect;       /* its chip's defect (chip.h; 0 none) */
} score_ident_truth;

typedef struct score_truth {
    score_ident_truth ident;
    double doc_w[DESK_MAX_DOCS], doc_h[DESK_MAX_DOCS]; /* one side of each document, mm */
    char doc_kind[DESK_MAX_DOCS][16];                  /* its template's kind: "passport", ... */
    int n;
    score_defect d[SCORE_MAX_DEFECTS];
    int n_features;
    score_feature f[SCORE_MAX_FEATURES];
} score_truth;

typedef struct score_flag {
    int doc, side;
    int kind; /* desk finding kind */
    double x, y, w, h;
    light_set lights_before; /* lights used before the flag was drawn */
} score_flag;

/* The loupe held still on a place of a document (the desk's "look"). */
typedef struct score_look {
    int doc, side;
    double x, y; /* mm on that side */
    int zoom;
    int light; /* light_kind */
} score_look;

#define SCORE_MAX_LOOKS 160

/* One question as it was asked, in order, and the answer the desk gave. */
typedef struct score_ask {
    int q;                  /* question index */
    int before_interpreter; /* asked before an interpreter was called */
    int apart;              /* asked once the companion was sent out */
    char answer[48];        /* the answer's key ("" : none recorded) */
} score_ask;

/* What the trainee did in the identity panel (desk_ident.h), read from the
 * log; the face answer is the last one recorded. */
typedef struct score_ident {
    int chip_read;
    int face_answer, face_confidence;  /* FACE_ANSWER_*; 1..3 (0: cannot tell) */
    unsigned face_features;            /* bit per FEATURE_* cited */
    int explained;                     /* told the person why their prints are taken */
    int explained_first;               /* ... before the first capture */
    int captures, good_capture;        /* captures taken; one good enough to compare */
    unsigned exceptions;               /* bit per finger (1 << pos) recorded injured or missing */
    int verified, verify_match;        /* 1:1 against the chip */
    int searched;                      /* 1:N against the watch list */
    int cand_said_same, cand_said_not; /* candidates the trainee called the traveler / not */
    int pairs, pairs_right;            /* corresponding minutiae marked, and truly corresponding */
} score_ident;

typedef struct score_actions {
    score_ident ident;
    score_border border;
    int decided;
    int decision, protection; /* desk_decision, desk_protection */
    int n_flags;
    score_flag flags[SCORE_MAX_FLAGS];
    int asked[SCN_MAX_QUESTIONS];               /* times, by question index */
    int asked_before_interp[SCN_MAX_QUESTIONS]; /* of those, before the interpreter came */
    int n_asks;
    score_ask asks[SCORE_MAX_ASKS]; /* the transcript, in order */
    light_set lights_used;
    int n_looks; /* the first SCORE_MAX_LOOKS looks of the case */
    score_look looks[SCORE_MAX_LOOKS];
    int interpreter, reader;
    int separated;           /* sent the companion out */
    int heard_apart;         /* ... and asked the traveler something after that */
    int reasons;             /* gave the reasons for a refusal */
    int reasons_interpreted; /* ... with the interpreter there */
    double seconds;          /* from the traveler's arrival to the decision */
    int timed_out;           /* not decided within the time limit */
} score_actions;

typedef struct score_result {
    double competency[COMP_COUNT]; /* 0..1 */
    double points;                 /* 0..100 */
    double pass_mark;              /* the mark the points were held to */
    int decision_ok;               /* the expected decision or one the scenario accepts */
    int accepted;                  /* ... an accepted one, not the expected */
    int n_critical;
    char critical[SCORE_MAX_CRITICAL][64]; /* critical.h ids, authored ones prefixed */
    int n_waived;
    int waived[SCN_MAX_CRITICAL]; /* expected.waive entries that switched one off */
    int passed;                   /* decision_ok, no critical error and the pass mark */
    double precision, recall;
    double decision_score;
    int defect_found[SCORE_MAX_DEFECTS]; /* per truth defect: 0 missed, 1 located, 2 located and
                                            named */
    int flag_matched[SCORE_MAX_FLAGS];   /* per flag: index of the defect it found, -1 none,
                                            -2 the impostor (no region) */
    int flag_there[SCORE_MAX_FLAGS];     /* a false flag: the feature under it, or -1 */
    int false_flags;                     /* flags that found nothing wrong */
    /* the examination's steps (exam.h: bit per exam_step) */
    unsigned steps_possible, steps_needed, steps_required, steps_covered;
    /* what the debrief teaches besides the defects */
    unsigned ask_missed;      /* bit per expected.ask entry not asked (or not understood) */
    unsigned must_missed;     /* bit per question index that must be asked and was not */
    unsigned forbidden_asked; /* bit per question index asked that must not be */
    unsigned not_understood;  /* bit per question index asked only before the interpreter */
    int interpreter_missed;   /* an interpreter was needed and not called */
    light_set lights_missed;  /* lights the scenario expects that were not used */
    /* identity at the counter (score_ident.c): -1 where the case has none */
    double face;            /* the face answer: right, calibrated, on features that differ (0..1) */
    double chip;            /* the chip read where its defect shows (0..1) */
    double fingers;         /* the fingerprint procedure (0..1) */
    unsigned ident_lessons; /* bit per ident_lesson the debrief teaches */
    /* beyond the first line (score_border.c): -1 where the case has none */
    double systems;          /* the systems used as the case needed (0..1) */
    double second;           /* the second-line stage's safeguards (0..1) */
    unsigned border_lessons; /* bit per border_lesson */
} score_result;

/* What the debrief says about identity at the counter (score_ident.c). */
typedef enum {
    LESSON_FACE_NOT_COMPARED,    /* a face to compare, no answer recorded */
    LESSON_FACE_SAID_SAME,       /* an impostor called the same person */
    LESSON_FACE_SAID_DIFFERENT,  /* the holder called someone else */
    LESSON_FACE_REASONS,         /* "different", on features that do not differ */
    LESSON_CHIP_UNREAD,          /* a chip whose reading shows what is wrong, not read */
    LESSON_PRINTS_NOT_EXPLAINED, /* prints taken before telling the person why */
    LESSON_PRINTS_NO_CAPTURE,    /* no print good enough to compare */
    LESSON_PRINTS_NO_EXCEPTION,  /* an injured or missing finger not recorded */
    LESSON_PRINTS_NOT_VERIFIED,  /* the chip's prints not compared (1:1) */
    LESSON_CANDIDATE_TAKEN,     /* a watch-list candidate who is someone else called the traveler */
    LESSON_CANDIDATE_UNCHECKED, /* a watch-list candidate not verified */
    LESSON_MINUTIAE,            /* a borderline 1:1 not confirmed by marking minutiae */
    LESSONS
} ident_lesson;
const char *ident_lesson_id(int k); /* "face_not_compared", ... */

/* The finding kind a trainee should use for a defect (desk finding kinds). */
int score_finding_kind_of(int defect_kind);

/* The true defects of a scenario's documents, built once per scenario at a
 * low resolution (regions in mm do not depend on it); each document is the
 * one scn_docs_spec describes (holder generated from its seed). */
int score_truth_build(const scenario *s, const doc_fonts *fonts, score_truth *t, bl_err *err);

/* Reads one traveler's actions from an action log (JSON lines as the desk
 * writes them): lights used (and which were on before each flag), flags not
 * removed, questions and answers in order, interpreter, speaking apart,
 * reasons given, MRZ reader, the decision and its time. */
int score_actions_from_log(const char *log, size_t len, const scenario *s, const char *traveler_id,
                           score_actions *a, bl_err *err);

/* Adds built-in critical error `kind` (critical.h) to out, unless the
 * scenario waives it (then the waiver is recorded). */
void score_add_critical(const scenario *s, score_result *out, int kind);

/* The identity truth of a scenario (score_truth_build fills it). */
void score_ident_truth_of(const scenario *s, score_ident_truth *t);
/* Reads one identity action of the log into a (1: it was one). */
struct cJSON;
int score_ident_action(score_ident *a, const char *action, const struct cJSON *params);
/* The identity items of a case into out->face/chip/fingers, and their critical
 * errors (critical.h); called by score_case. */
void score_ident_case(const scenario *s, const score_truth *t, const score_actions *a,
                      score_result *out);

/* Scores a case; pass_mark in points (e.g. 70), used unless the scenario
 * sets its own (expected.pass). Pure and fast. */
void score_case(const scenario *s, const score_truth *t, const score_actions *a, double pass_mark,
                score_result *out);

#endif
