/* scenario.h - a scenario as plain data: one traveler, their documents, the
 * interview, the situation and what a good officer does.
 *
 * Scenarios are written in Lua (docs/scenarios.md); engine/script reads them
 * into this struct and keeps the Lua state only for answer functions. The
 * core never runs Lua: the desk asks the app for an answer, and the app asks
 * the script layer. Every text is a key into the scenario's own strings.
 */
#ifndef BL_SCENARIO_H
#define BL_SCENARIO_H

#include "booklet.h"
#include "date.h"
#include "desk.h"
#include "i18n.h"
#include "scn_border.h"
#include "scn_flight.h"

#define SCN_MAX_QUESTIONS 20
#define SCN_MAX_RULES     8
#define SCN_MAX_LIST      12
#define SCN_KEY           48

typedef enum {
    COMP_DOCUMENTS,
    COMP_INTERVIEW,
    COMP_HUMAN_RIGHTS,
    COMP_PROCEDURE,
    COMP_COUNT
} scn_competency;

typedef enum {
    SIT_FEAR_OF_RETURN,
    SIT_UNACCOMPANIED_CHILD,
    SIT_TRAFFICKING,
    SIT_DISCRIMINATORY_QUESTION,
    SIT_LANGUAGE_BARRIER,
    SIT_DISABILITY_MEDICAL,
    SIT_STATELESS,
    SIT_UNDOCUMENTED_RETURNEE,
    SIT_COUNT
} scn_situation;

/* Who the traveler is to the country whose border this is: a citizen (their
 * nationality shown by genuine documents), a probable national (says so,
 * credibly, without proof), a stateless person, or anyone else. */
typedef enum {
    STATUS_VISITOR,
    STATUS_CITIZEN,
    STATUS_PROBABLE_NATIONAL,
    STATUS_STATELESS,
    STATUS_COUNT
} scn_status;

const char *scn_competency_name(int c); /* "document_examination", ... */
const char *scn_situation_name(int s);  /* "fear_of_return", ... */
int scn_competency_from_name(const char *s);
int scn_situation_from_name(const char *s);
const char *scn_status_name(int s); /* "visitor", "citizen", ... */
/* A companion's relationship to the traveler, as claimed. */
typedef enum {
    REL_NONE_CLAIMED,
    REL_PARENT,
    REL_GUARDIAN,
    REL_SPOUSE,
    REL_RELATIVE,
    REL_EMPLOYER,
    REL_ESCORT,
    REL_COUNT
} scn_relationship;
const char *scn_relationship_name(int r); /* "none_claimed", "parent", ... */
int scn_relationship_from_name(const char *s);
int scn_status_from_name(const char *s);

/* A condition on what happened at the desk; empty fields and -1 mean "any".
 * decision and protection are for expected.critical only (answers are given
 * before anything is decided). */
typedef struct scn_cond {
    char asked[32], not_asked[32], light[16], flagged[32];
    int reader, interpreter, separated;
    int decision, protection;
} scn_cond;

typedef struct scn_rule {
    scn_cond when;
    char say[SCN_KEY];
} scn_rule;

typedef enum { ANSWER_KEY, ANSWER_RULES, ANSWER_FUNCTION } scn_answer_kind;

typedef struct scn_question {
    char id[32];
    char text[SCN_KEY];
    char after[32]; /* offered only once this question was asked */
    /* ... and once these happened at the desk: after = { opened = 1, ... } */
    int after_opened;       /* passport n (1-based) was opened; 0: no condition */
    char after_flagged[32]; /* a finding of this kind was flagged */
    char after_light[16];   /* the documents were looked at under this light */
    int after_reader;       /* 1: the MRZ reader was used */
    int after_separated;    /* 1: the companion was sent out */
    int forbidden;          /* discriminatory: must not be asked */
    int must;               /* not asking it is a critical error */
    int competency;         /* what asking it shows (scn_competency; interview by default) */
    scn_answer_kind kind;
    char answer[SCN_KEY]; /* ANSWER_KEY */
    int n_rules;
    scn_rule rules[SCN_MAX_RULES];
    int fn; /* ANSWER_FUNCTION: the script layer's reference */
    int line;
} scn_question;

typedef struct scn_holder {
    char surname[64], given_names[64], sex[2], nationality[4];
    char surname_native[128], given_names_native[128]; /* Arabic script */
    char place_of_birth[48], place_of_birth_native[96];
    bl_date birth, expiry; /* y == 0: not overridden */
} scn_holder;

/* A visa's terms as the scenario sets them ("" / 0: drawn with the rest). */
typedef struct scn_visa {
    char category[2]; /* "C" short stay (at most 90 days), "D" long stay */
    char entries[8];  /* "1", "2", "MULT" */
    int duration_days;
    bl_date valid_from, valid_until;
} scn_visa;

#define SCN_MAX_TEXTS 8

/* Identity at the counter (issue 17; docs/scenarios.md "Identity"): how the
 * traveler's face and fingers relate to the first document's holder, what the
 * chip holds, and whether an automated gate sent them to the desk. */
typedef enum {
    SCN_FACE_HOLDER,    /* the holder, photographed recently (the default) */
    SCN_FACE_AGED,      /* the holder, the photo `years` old */
    SCN_FACE_LOOKALIKE, /* another person who looks like the holder: an impostor */
    SCN_FACE_SIBLING,   /* the holder's brother or sister: an impostor */
    SCN_FACE_MORPH,     /* the portrait is a morph of the traveler and another person, the
                       document's applicant of record: a fraudulently obtained document */
    SCN_FACE_COUNT
} scn_face_rel;

const char *scn_face_rel_name(int r); /* "holder", "aged", "lookalike", "sibling", "morph" */
int scn_face_rel_from_name(const char *s);
/* The relations in which the traveler is not the person the portrait shows. */
int scn_face_rel_impostor(int r);
/* Whether a document's chip defect (chip.h's chip_defect) shows the document
 * is not what it claims: a cloned chip, altered data, a signer that is not
 * trusted, expired or revoked. A dead chip (CHIP_DEAD, 6) is not: chips
 * break, and a genuine document whose chip fails is no forgery by itself. */
int scn_chip_fraud(int chip_defect);

typedef struct scn_face {
    int relation; /* scn_face_rel */
    int years;    /* SCN_FACE_AGED: how old the photo is (1..40) */
    int beard;    /* the traveler has a beard now (the photo has none) */
    int glasses;  /* ... wears glasses now */
} scn_face;

/* A finger as the scanner meets it. */
typedef enum {
    SKIN_GOOD,
    SKIN_DRY,  /* faint, broken ridges: a recapture, moistened, helps */
    SKIN_WET,  /* smudged ridges */
    SKIN_WORN, /* manual work: flat ridges, quality stays low */
    SKIN_COUNT
} scn_skin;
const char *scn_skin_name(int k); /* "good", "dry", "wet", "worn" */
int scn_skin_from_name(const char *s);

/* A watch list's answer to the traveler's prints (1:N). */
typedef enum {
    WATCH_NONE,  /* no candidate */
    WATCH_FALSE, /* a candidate who is someone else: a false match until verified */
    WATCH_TRUE,  /* a candidate who is the traveler */
    WATCH_COUNT
} scn_watch;
const char *scn_watch_name(int w); /* "none", "false_candidate", "true_candidate" */
int scn_watch_from_name(const char *s);

/* Finger positions as ISO/IEC 19794-4 numbers them: 1 right thumb .. 5 right
 * little, 6 left thumb .. 10 left little. */
const char *scn_finger_name(int pos); /* "right_thumb", ..., "left_little"; "" otherwise */
int scn_finger_from_name(const char *s);

typedef struct scn_fingers {
    int taken;     /* fingerprints are taken at this desk (the chip's DG3, or an entry system) */
    int skin;      /* scn_skin */
    int injured;   /* ISO/IEC 19794-4 finger position injured (bandaged): 0 none */
    int missing;   /* ... missing (amputated): 0 none */
    int watchlist; /* scn_watch: what a 1:N search answers */
    int mark;      /* the 1:1 is borderline: the officer confirms it by marking corresponding
                      minutiae on the capture and the chip's print */
} scn_fingers;

typedef struct scn_doc {
    desk_doc_spec spec;
    int companion; /* the companion's document (their own holder), not the traveler's */
    int n_texts;
    struct {
        char key[24];
        char value[96];
    } texts[SCN_MAX_TEXTS]; /* a supporting document's own texts ("text.KEY" fields) */
    char altered[32];       /* the field data_alteration_ir reprints ("text.father"); "": the
                               template's alterable */
    int same_holder;
    scn_holder holder;
    scn_visa visa;
    char capture[256];   /* an academy's captured images instead of a template (a folder,
                            resolved against the scenario file's folder) */
    char reference[256]; /* a captured genuine specimen of the same document, or "" */
    int line;
    int page;     /* a visa: the printed page of its holder's passport it is stuck on (0: loose) */
    int n_travel; /* a passport: the journeys its stamps tell, in the order travelled */
    booklet_stamp travel[BOOKLET_MAX_STAMPS];
} scn_doc;

#define SCN_MAX_ACCEPT   4
#define SCN_MAX_CRITICAL 6

/* A decision that is also right (a cautious one): passes like the expected
 * one, with its own share of the decision points. */
typedef struct scn_accept {
    int decision, protection;
} scn_accept;

/* The author's own critical error: when the condition holds, the case fails
 * with the reason (a key of the scenario's strings). */
typedef struct scn_critical {
    scn_cond when;
    char reason[SCN_KEY];
    int line;
} scn_critical;

/* A built-in critical error this scenario switches off, and why. */
typedef struct scn_waive {
    char critical[32]; /* critical.h id */
    char reason[SCN_KEY];
    int line;
} scn_waive;

typedef struct scn_expected {
    int decision;         /* desk_decision */
    int protection;       /* desk_protection: the first need */
    unsigned protections; /* bit per desk_protection: every need ({ "child", "trafficking" }); a
                             referral to any of them is the expected decision */
    int n_accept;
    scn_accept accept[SCN_MAX_ACCEPT];
    double pass; /* the case's pass mark in points; 0: the session's (or 70) */
    int n_critical;
    scn_critical critical[SCN_MAX_CRITICAL];
    int n_waive;
    scn_waive waive[SCN_MAX_CRITICAL];
    unsigned findings; /* defect bits */
    int n_ask;
    char ask[SCN_MAX_LIST][32];
    unsigned lights; /* light bits */
    unsigned steps;  /* examination steps the case requires (exam.h: bit per exam_step) */
    int interpreter;
    char why[SCN_KEY];
} scn_expected;

typedef struct scenario {
    char id[48];
    char file[256];
    char title[SCN_KEY], summary[SCN_KEY];
    unsigned competencies; /* bit per scn_competency */
    unsigned situations;   /* bit per scn_situation */
    int difficulty;
    int tutorial; /* 1: the desk guides a first session through each tool (docs/scenarios.md);
                     practice only: not scored, left out of exams and journaled sessions */
    int n_langs;
    char langs[4][8];
    bl_date today;
    char place[16]; /* where the desk is: airport, land_border, seaport, rail_station */
    /* the traveler */
    int age;
    char sex[2];
    int n_speaks;
    char speaks[4][8];
    double impostor;
    scn_face face;       /* traveler.face */
    scn_fingers fingers; /* traveler.fingers */
    int gate;            /* an automated gate rejected the traveler: the desk reviews it */
    int companion;       /* someone travels with them and may answer for them */
    int companion_rel;   /* scn_relationship */
    char companion_sex[2];
    int companion_age; /* 0: not said */
    int status;        /* scn_status */
    char needs[SCN_KEY];
    int n_carries;
    char carries[4][SCN_KEY];
    /* documents, interview, outcome */
    int n_docs;
    scn_doc docs[DESK_MAX_DOCS];
    int n_questions;
    scn_question questions[SCN_MAX_QUESTIONS];
    /* beyond the first-line desk (scn_border.h) */
    int n_checks;
    scn_check checks[SCN_MAX_CHECKS]; /* what the database checks find */
    scn_second second;                /* second_line: the stage, what it reveals */
    scn_registry registry;            /* the civil registry and the consulate */
    scn_expected expected;
    int rubric[COMP_COUNT];
    /* pre-arrival data (scn_flight.h): the flight's API and the booking's PNR */
    scn_flight flight;
    scn_pnr pnr;
    /* strings per declared language (index as langs); English is every other's fallback */
    i18n *strings[4];
} scenario;

/* Makes a scenario that came from outside this process (a script's worker)
 * safe to use: every count within its array, every enum within its range,
 * every string terminated. Its catalogues are not touched (NULL them first). */
void scenario_sanitise(scenario *s);

/* Frees the string catalogues (the struct itself is the caller's). */
void scenario_release(scenario *s);

/* The catalogue for a language, else English. */
const i18n *scenario_strings(const scenario *s, const char *lang);

/* What happened at the desk, for answer rules and functions. */
typedef struct scn_ctx {
    const int *asked_times; /* per question index */
    unsigned lights_used;   /* light bits */
    unsigned flagged;       /* bit per desk finding kind */
    int reader, interpreter;
    int separated;        /* spoken to apart from their companion */
    unsigned opened;      /* bit per document opened at least once */
    unsigned turned;      /* bit per document turned to its back */
    int reference, loupe; /* the genuine specimen, the loupe, used */
    double elapsed;       /* seconds since the traveler came to the counter */
    unsigned found;       /* bit per defect kind a flag has found */
    int n_said;           /* questions asked so far, in order (indices) */
    const int *said;
} scn_ctx;

/* Whether a condition's desk part holds (decision and protection are the
 * caller's to compare). */
int scenario_cond_holds(const scenario *s, const scn_cond *c, const scn_ctx *ctx);

/* Evaluates a rule list; returns the key to say, NULL when no rule holds. */
const char *scenario_rules_answer(const scenario *s, const scn_question *q, const scn_ctx *ctx);
int scenario_question_index(const scenario *s, const char *id);

#endif
