/* desk.h - the inspection desk as a pure state machine.
 *
 * Everything a trainee does at the desk is a function of (state, input
 * event): desk_step never reads a clock, a file or a random number, so the
 * same recorded input gives the same state, the same action log and, drawn by
 * the same code, the same pixels. Time advances one fixed frame (1/60 s) per
 * desk_tick. desk_draw describes the screen as a list of drawing commands at
 * the logical 1280x720 resolution; the platform layer executes them.
 *
 * The desk knows documents only through their geometry and what the app
 * tells it (desk_doc_info: MRZ lines, security features); images are the
 * app's, referred to by handles in the draw list.
 */
#ifndef BL_DESK_H
#define BL_DESK_H

#include <stdint.h>

#include "date.h"
#include "decision.h"
#include "desk_layout.h"
#include "err.h"
#include "i18n.h"
#include "input.h"
#include "light.h"

#define DESK_W             1280
#define DESK_H             720
#define DESK_FPS           60
#define DESK_TILT_STEP     5 /* degrees a key press or a wheel step tilts the documents */
#define DESK_TILT_MAX      30
#define DESK_MAX_DOCS      6
#define DESK_MAX_TRAVELERS 48 /* a session's; the summary pages them */
#define DESK_SUMMARY_ROWS  28 /* the summary's cases a page: 28 rows of 20 px fill the desk */
#define DESK_MAX_FINDINGS  32
#define DESK_MAX_FEATURES  40

/* ------------------------------------------------------------ session */

typedef struct desk_doc_spec {
    int same_holder; /* the same person as the traveler's first document */
    char template_id[48];
    uint64_t seed;
    unsigned defects;  /* bit per defect_kind */
    unsigned imitated; /* a counterfeit's imitated features (defect.h) */
    int printer;       /* the forger's printer (doc.h: doc_printer); 0: the default */
    /* geometry, filled by desk_session_resolve from the template */
    double mm_w, mm_h; /* one face */
    int pieces;        /* 2 for a card shown front / back */
    int passport;      /* starts closed, opens to its data page */
    int supporting;    /* a letter, a boarding pass: laid at the desk's top right */
    int host;          /* a visa stuck in a passport: that passport's index + 1 (0: it lies
                          loose on the desk); shown on the page host_page (booklet.h index) */
    int host_page;
    int chip; /* its chip's defect (chip.h's chip_defect; 0: none, or no chip) */
} desk_doc_spec;

#define DESK_MAX_QUESTIONS 20

typedef struct desk_question {
    char id[32];
    char text[48];  /* key into the traveler's strings */
    char after[32]; /* offered once this question was asked */
    /* ... and once these happened for this traveler (0: no condition) */
    int after_opened;    /* passport n (1-based) opened */
    int after_flagged;   /* finding kind + 1 flagged */
    int after_light;     /* light + 1 used */
    int after_reader;    /* 1: the MRZ reader used */
    int after_separated; /* 1: the companion sent out */
    int forbidden;       /* discriminatory: must not be asked (logged as such) */
} desk_question;

typedef struct desk_traveler {
    char id[48];
    double impostor; /* 0: the holder of the first document; >0: a lookalike */
    int tutorial;    /* 1: the desk guides the trainee through each tool (desk_tutorial.h) */
    int n_docs;
    desk_doc_spec docs[DESK_MAX_DOCS];
    /* the interview (empty without a scenario) */
    char title[48]; /* key */
    int n_questions;
    desk_question questions[DESK_MAX_QUESTIONS];
    int n_speaks;
    char speaks[4][8]; /* languages the traveler speaks */
    int companion;     /* someone speaks for them */
    int companion_rel; /* scn_relationship, as claimed */
    char companion_sex[2];
    int companion_age;
    unsigned companion_docs; /* bit per document that is the companion's */
    char sex[2];             /* "F", "M", "X" (a face of their own when they carry no document) */
    int age;                 /* years (0: not said) */
    char needs[48];          /* key, or "" */
    char place[16];          /* the desk's place for this traveler: "airport", ... */
    int fingers;             /* fingerprints are taken at this desk (scenario traveler.fingers) */
    int gate;                /* an automated gate rejected them: its score is shown */
    /* what the app builds the identity checks from (scenario.h's scn_face, scn_fingers) */
    int face_rel, face_years, face_beard, face_glasses;
    int skin, injured, missing, watchlist;
    /* beyond the first-line desk (scenario.h's scn_second, scn_registry) */
    int second_stage;      /* choosing second line opens its stage (desk_second.h) */
    int second_family;     /* family members travel with them */
    int second_children;   /* ... children among them */
    int second_minutes;    /* the stage's own time limit (0: none) */
    unsigned second_found; /* bit per scn_vuln: what screening there reveals */
    int registry;          /* a civil registry and a consulate can be asked (the systems panel) */
    int return_case;       /* the case is about a return: voluntariness can be recorded */
    int n_carries;
    char carries[4][48];    /* keys */
    const i18n *strings[8]; /* per interface language (desk_state.langs order); may be NULL */
} desk_traveler;

typedef struct desk_session {
    char id[48];
    bl_date today;
    int mrz_reader;                       /* 1: the MRZ reader tool may be used */
    int debrief;                          /* 1: a debrief after each decision (off in exam mode) */
    int exam;                             /* shown in the title bar; results only at the end */
    double case_limit_s, session_limit_s; /* 0: none; a traveler not decided in time is
                                             recorded as timed out */
    char trainee[64];                     /* shown in the title bar ("" : none) */
    int n_travelers;
    desk_traveler travelers[DESK_MAX_TRAVELERS];
} desk_session;

/* The built-in default session: three travelers, one genuine, two not. */
void desk_session_default(desk_session *s);

/* Fills each document's geometry from its template; fails on an unknown one. */
int desk_session_resolve(desk_session *s, bl_err *err);

/* ------------------------------------------------------------ findings */

typedef struct desk_finding_kind {
    const char *id;    /* logged */
    const char *label; /* shown */
} desk_finding_kind;

int desk_finding_kind_count(void);
const desk_finding_kind *desk_finding_kind_get(int i);

typedef struct desk_finding {
    int id;
    int doc, side;
    double x_mm, y_mm, w_mm, h_mm; /* on the document face */
    int kind;
    char note[96];
} desk_finding;

/* ------------------------------------------------------------ identity */

/* What the identity panel (B) shows of the traveler at the counter: the
 * chip as the reader reads it, the automated gate's face score, and what
 * the fingerprint scanner and the systems answer. The app works it out from
 * the documents' chips and the biometric models when the traveler arrives
 * (desk_set_ident_info); the desk only shows it and logs what the trainee
 * does with it, so a replay shows the same. */
enum {
    IDENT_CHECK_HASHES,    /* each data group's hash equals the Security Object's */
    IDENT_CHECK_SIGNATURE, /* the Security Object's signature verifies with the DS key */
    IDENT_CHECK_CHAIN,     /* the DS certificate chains to a CSCA of the master list */
    IDENT_CHECK_VALIDITY,  /* the DS certificate is valid on the desk's date */
    IDENT_CHECK_REVOKED,   /* the DS certificate is not on its CSCA's revocation list */
    IDENT_CHECK_CLONE,     /* chip authentication: the chip proves it holds its private key */
    IDENT_CHECKS
};

#define IDENT_ATTEMPTS   4 /* captures of one finger the scanner shows (more repeat the last) */
#define IDENT_CANDIDATES 3
#define IDENT_MARKS      64  /* true minutiae an image tells the desk of */
#define IDENT_PAIRS      12  /* pairs of corresponding minutiae a trainee may mark */
#define IDENT_IMG_W      400 /* the prints' images, 500 ppi */
#define IDENT_IMG_H      500

/* The true minutiae of a print's image: x, y in its pixels, and which of the
 * finger's minutiae each is (the same id on every print of that finger). */
typedef struct desk_ident_marks {
    int n;
    short p[IDENT_MARKS][3];
} desk_ident_marks;

typedef struct desk_ident_cand {
    char name[64];        /* as the list records it */
    char name_native[96]; /* in Arabic script, or "" */
    bl_date birth;
    char nationality[4];
    char category[32]; /* a catalogue key's tail: "ident.alert.<category>" */
    int score;         /* the matcher's, 0..100 */
} desk_ident_cand;

typedef struct desk_ident_info {
    int chip_doc;    /* the document whose chip the reader reads, -1: none has one */
    int chip_answer; /* 0: the chip does not answer */
    char dg1[3][48]; /* the MRZ in DG1 */
    int dg1_lines;
    int checks[IDENT_CHECKS];       /* 1 passed, 0 failed, -1 not done */
    int has_dg3;                    /* the chip holds fingerprints (read with access control) */
    int gate_score, gate_threshold; /* the gate's face matcher, 0..100 (gate 0: none) */
    /* the scanner: each finger's quality (0..100) capture after capture; 0: nothing to
       capture (a missing finger), below ident_quality_min: capture again */
    unsigned char quality[10][IDENT_ATTEMPTS];
    int quality_min;
    int verify_score[10]; /* 1:1 against the chip's prints, 0..100, per finger */
    int verify_threshold;
    int n_cands; /* what a 1:N watch-list search answers */
    desk_ident_cand cands[IDENT_CANDIDATES];
    /* what marking corresponding minutiae is checked against: the index
       fingers' captures ([0] right, [1] left) and the chip's prints of them */
    desk_ident_marks marks_cap[2][IDENT_ATTEMPTS], marks_ref[2];
} desk_ident_info;

/* The tabs of the identity panel. */
enum { IDENT_TAB_CHIP, IDENT_TAB_FACE, IDENT_TAB_FINGERS, IDENT_TABS };

/* How the face comparison shows the pictures, and which region. */
enum { FACE_VIEW_SIDE, FACE_VIEW_OVERLAY, FACE_VIEW_FLICKER, FACE_VIEWS };
enum {
    FACE_ZOOM_WHOLE,
    FACE_ZOOM_EYES,
    FACE_ZOOM_NOSE,
    FACE_ZOOM_MOUTH,
    FACE_ZOOM_EAR,
    FACE_ZOOMS
};
/* The trainee's answer. */
enum { FACE_ANSWER_NONE, FACE_ANSWER_SAME, FACE_ANSWER_DIFFERENT, FACE_ANSWER_CANNOT_TELL };
/* The stable features a trainee may cite (FISWG's facial components). */
enum {
    FEATURE_FACE_SHAPE,
    FEATURE_EARS,
    FEATURE_EYES,
    FEATURE_BROWS,
    FEATURE_NOSE,
    FEATURE_MOUTH,
    FEATURE_CHIN,
    FEATURE_HAIRLINE,
    FEATURE_MARKS,
    FACE_FEATURE_CITES
};
const char *desk_face_feature_id(int f); /* "face_shape", "ears", ... */
const char *desk_face_answer_id(int a);  /* "same", "different", "cannot_tell" */

/* What the trainee has done in the identity panel for this traveler. */
typedef struct desk_ident_state {
    int tab;
    int chip_read;
    int view, zoom;
    int answer, confidence;   /* confidence 1 low, 2 medium, 3 high (0: not given) */
    unsigned features;        /* bit per FEATURE_* cited */
    int recorded;             /* the answer was recorded (logged) */
    int finger;               /* the finger at the scanner, 1..10 */
    int captures[10];         /* captures taken of each finger */
    int exception[10];        /* 1 injured, 2 missing: recorded instead of a capture */
    int explained;            /* told the person why their prints are taken */
    int verified;             /* finger + 1 verified 1:1 (0: not yet) */
    int searched;             /* the watch list was searched */
    int cand;                 /* the candidate shown (-1: the list) */
    int focus;                /* the button the keyboard is on (-1: none) */
    int marking;              /* marking corresponding minutiae (after a 1:1 on an index finger) */
    int pend, pend_x, pend_y; /* a point marked on the capture, waiting for its pair */
    int n_pairs;
    short pairs[IDENT_PAIRS][4]; /* capture x, y and chip print x, y, in the images' pixels */
    int cand_verdict[IDENT_CANDIDATES]; /* 1 the traveler, 2 not the traveler */
} desk_ident_state;

#include "desk_border.h" /* the systems panel and second line: their desk_sys_info, states */

/* ------------------------------------------------------------ state */

typedef enum {
    DESK_EXAMINE,    /* looking, moving documents */
    DESK_DRAG,       /* a document follows the mouse */
    DESK_FLAG_DRAW,  /* waiting for / dragging a finding's rectangle */
    DESK_FLAG_KIND,  /* picking the finding's kind */
    DESK_FLAG_NOTE,  /* typing an optional note */
    DESK_PROTECTION, /* picking the kind of protection referral */
    DESK_CONFIRM,    /* confirming a decision */
    DESK_ASK,        /* picking a question by keyboard */
    DESK_DEBRIEF,    /* what was right and what was missed, before the next traveler */
    DESK_DONE,       /* the queue is empty: the session's summary */
    DESK_REVIEW      /* after the session: one case's debrief, from the summary */
} desk_mode;

/* desk_decision and desk_protection, and their names: decision.h */

typedef struct desk_doc {
    double x, y; /* top-left, logical px */
    int w, h;    /* shown size of one face, logical px */
    int side;    /* 0 front, 1 back (cards) */
    int closed;  /* a passport not yet opened */
} desk_doc;

typedef struct desk_feature {
    int side; /* the face it is on (cards: 0 front, 1 back) */
    char kind[32];
    double x_mm, y_mm, w_mm, h_mm;
    light_set lights;
} desk_feature;

typedef struct desk_doc_info {
    char name[96];        /* "Utopia passport, data page (TD3)" */
    char template_id[48]; /* its name is looked up as "template.<id>" first */
    char mrz[3][48];
    int mrz_lines;
    int n_features;
    desk_feature features[DESK_MAX_FEATURES]; /* for the reference specimen */
    light_set captured; /* an academy's capture: the lights it has images for (0: a
                           rendered document, every light) */
    int no_reference;   /* a capture without a captured genuine specimen */
} desk_doc_info;

#define DEBRIEF_MAX_ITEMS 8

typedef struct desk_debrief_item {
    int doc, side;
    char defect[32];   /* shown as "defect.<id>" */
    double x, y, w, h; /* mm on that side */
    int light;         /* a light that shows it */
    int found;         /* 0 missed, 1 located, 2 located and named */
} desk_debrief_item;

#define DEBRIEF_MAX_NOTES 8

/* A lesson besides the defects: a question that had to be asked (key: its
 * text in the traveler's strings), one that must never be asked, the
 * interpreter, a light the case needed (light). */
typedef enum {
    NOTE_ASK_MISSED,
    NOTE_FORBIDDEN,
    NOTE_INTERPRETER,
    NOTE_LIGHT,
    NOTE_MUST_MISSED,
    NOTE_STEP_SKIPPED, /* an examination step the scenario requires, not done (key: its id) */
    NOTE_IDENT,        /* identity at the counter (key: score.h's ident_lesson id; shown as
                          "debrief.ident.<id>") */
    NOTE_BORDER        /* the systems and second line (key: score_border.h's border_lesson id;
                          shown as "debrief.border.<id>") */
} desk_note_kind;

typedef struct desk_debrief_note {
    int kind; /* desk_note_kind */
    char key[48];
    int light;
} desk_debrief_note;

#define DEBRIEF_MAX_FLAGS    16
#define DEBRIEF_MAX_ASKS     24
#define DEBRIEF_MAX_CRITICAL 8

/* One of the trainee's flags as the debrief draws it over the document. */
typedef enum { FLAG_FALSE, FLAG_LOCATED, FLAG_NAMED, FLAG_IMPOSTOR } desk_flag_status;

typedef struct desk_debrief_flag {
    int doc, side;
    double x, y, w, h; /* mm on that side */
    char kind[32];     /* the finding kind flagged (desk finding kind id) */
    int status;        /* desk_flag_status */
    char there[32];    /* a false one: the feature really there ("feature.<kind>"), or "" */
} desk_debrief_flag;

/* One question of the transcript, in the order asked. */
enum {
    ASK_REQUIRED = 1,  /* the case needed it asked (expected.ask or must) */
    ASK_FORBIDDEN = 2, /* discriminatory: must never be asked */
    ASK_NOT_HEARD = 4, /* asked before a needed interpreter: not understood */
    ASK_MUST = 8       /* not asking it is a critical error */
};

typedef struct desk_debrief_ask {
    char text[48];   /* the question's key in the traveler's strings */
    char answer[48]; /* the answer's key ("" : none) */
    unsigned tags;   /* ASK_* */
} desk_debrief_ask;

/* What the debrief shows, filled by the app from the case's score. */
typedef struct desk_debrief {
    int ready;
    double points; /* 0..100 */
    double pass_mark;
    int passed;
    int decision_ok;      /* the expected decision, or one the scenario accepts */
    int accepted;         /* ... an accepted one */
    double competency[4]; /* document examination, interview, human rights, procedure */
    int n_critical;
    char critical[DEBRIEF_MAX_CRITICAL][64]; /* ids; shown as "critical.<id>", an authored
                                                one as its reason in the traveler's strings */
    int n_waived;
    char waived[4][32];        /* built-in critical errors this scenario waived */
    char waived_reason[4][48]; /* and why (keys in the traveler's strings) */
    int n_flags;
    desk_debrief_flag flags[DEBRIEF_MAX_FLAGS];
    int n_asks;
    desk_debrief_ask asks[DEBRIEF_MAX_ASKS];
    int n_docs;
    double doc_w[DESK_MAX_DOCS], doc_h[DESK_MAX_DOCS]; /* one side of each document, mm */
    char doc_template[DESK_MAX_DOCS][48];              /* each document's template id */
    int n_items;
    desk_debrief_item items[DEBRIEF_MAX_ITEMS];
    char why[48];  /* key into the traveler's strings */
    int timed_out; /* the traveler was not decided in time */
    int n_notes;
    desk_debrief_note notes[DEBRIEF_MAX_NOTES];
    int decision, protection; /* what the trainee decided (desk_decision, desk_protection) */
    int expected, expected_protection; /* what the scenario expects; expected 0: unknown */
    /* the examination's steps, F.A.L.S.E.D.O.C. (exam.h: bit per step) */
    unsigned steps_possible, steps_needed, steps_required, steps_covered;
} desk_debrief;

/* A certification session's verdict, shown in the summary. */
typedef struct desk_verdict {
    int ready, passed;
    double overall, pass_overall;
    double competency[4], pass_comp[4]; /* competency -1: not assessed; mark 0: none */
    int critical_fails, criticals;
    int wrong, wrong_allowed; /* cases with a wrong decision, and how many the session allows */
    int time_up;              /* the session's time ran out */
} desk_verdict;

/* A tutorial's progress (a traveler with tutorial = 1): the step shown and
 * what each traveler practised. See desk_tutorial.h. */
typedef struct desk_tutorial_state {
    int step;                               /* desk_tutorial_step shown, or -1: none */
    int findings0, said0;                   /* next_finding_id and n_said when it began */
    unsigned practised[DESK_MAX_TRAVELERS]; /* bit per step done, per traveler */
} desk_tutorial_state;

struct draw_cmd;
/* The lines a wrapped text command takes as the app will draw it (at most
 * its `lines`): what the desk stacks paragraphs by. */
typedef int (*desk_measure_fn)(void *ud, const struct draw_cmd *c);
/* The width in px a one-line text command takes as the app will draw it
 * (shrunk to its max_w when it has one): what the desk lines texts up by. */
typedef int (*desk_width_fn)(void *ud, const struct draw_cmd *c);

typedef struct desk_state {
    const desk_session *session;
    int traveler; /* index in the queue */
    long frame;
    int light;
    int tilt;              /* degrees the documents are tilted, -DESK_TILT_MAX..DESK_TILT_MAX by
                              DESK_TILT_STEP ([ and ], the wheel over a document) */
    int loupe, loupe_zoom; /* on/off, 2..40 (desk_zoom_step's steps) */
    /* where the loupe rests (desk_act_look): a "look" is logged once it has
       stayed DESK_LOOK_FRAMES on a new place of a document */
    int look_still, look_mx, look_my, look_doc, look_side;
    double look_u, look_v;
    int mx, my; /* mouse, logical px */
    int n_docs;
    desk_doc docs[DESK_MAX_DOCS];
    desk_doc_info info[DESK_MAX_DOCS];
    int order[DESK_MAX_DOCS]; /* drawing order, back to front */
    int mrz_panel, ref_panel, help;
    int compare;     /* the top document and its genuine specimen side by side (V) */
    int ident_panel; /* the identity checks: chip, face, fingerprints (B) */
    desk_ident_info ident_info;
    desk_ident_state ident;
    int sys_panel; /* the systems: API and PNR, database checks, registry (Y) */
    desk_sys_info sys_info;
    desk_sys_state sys;
    desk_second_state second; /* the second-line stage */
    int findings_panel;       /* the list of this traveler's findings and notes (E) */
    /* (at most one of the six panels is open: desk_close_panels) */
    int quit_ask; /* "leave the desk?" is asked (Escape, the quit button) */
    int quit;     /* the trainee chose to leave: the app closes the desk */
    desk_mode mode;
    int drag_doc;
    double drag_dx, drag_dy;
    int draft_doc, draft_active;
    double draft_x0, draft_y0, draft_x1, draft_y1;
    int pending_kind;
    char note[96];
    int pending_decision, pending_protection;
    int n_findings, next_finding_id;
    desk_finding findings[DESK_MAX_FINDINGS];
    int decisions[DESK_MAX_TRAVELERS];   /* desk_decision per traveler */
    int protections[DESK_MAX_TRAVELERS]; /* desk_protection per traveler */
    unsigned lights_used;                /* this traveler */
    int mrz_used;
    /* the interview */
    int asked[DESK_MAX_QUESTIONS]; /* times each question was asked */
    int pending_ask;               /* question waiting for the app's answer, or -1 */
    int ask_page;                  /* DESK_ASK: the page of ten questions shown (Tab turns) */
    int answer_q;                  /* question last answered, or -1 */
    char answer[48];               /* its answer's key */
    int interpreter;               /* an interpreter was requested */
    int separated;                 /* spoke to the traveler apart from their companion */
    int reasons;                   /* gave the reasons for a refusal (2: through the interpreter) */
    unsigned flagged_kinds;        /* bit per finding kind flagged for this traveler */
    /* what this traveler's answers may know of the desk (scn_ctx) */
    unsigned opened_docs, turned_docs; /* bit per document opened / turned at least once */
    int reference_used, loupe_used;
    int n_said;
    int said[DESK_MAX_QUESTIONS * 2];                /* question indices as asked, in order */
    char said_answer[DESK_MAX_QUESTIONS * 2][48];    /* the answer each was given ("": none yet) */
    unsigned char said_lang[DESK_MAX_QUESTIONS * 2]; /* the language it was heard in */
    int transcript;                                  /* the transcript panel is open (H) */
    int transcript_scroll;                           /* px scrolled back from the newest line */
    desk_debrief debrief;
    int n_decided, last_decided;      /* decisions taken; the traveler of the latest */
    int summary_page;                 /* the summary's page shown (DESK_SUMMARY_ROWS cases each) */
    float points[DESK_MAX_TRAVELERS]; /* each decided traveler's score (-1: not scored) */
    unsigned char passed[DESK_MAX_TRAVELERS];
    unsigned char decided[DESK_MAX_TRAVELERS];   /* decided or timed out */
    unsigned char timed_out[DESK_MAX_TRAVELERS]; /* not decided in time */
    float case_seconds[DESK_MAX_TRAVELERS];      /* time at the counter until decided */
    desk_debrief debriefs[DESK_MAX_TRAVELERS];   /* each case's, for the end of an exam */
    desk_verdict verdict;
    /* the guided first case (desk_tutorial.h) */
    desk_tutorial_state tutorial;
    int review;            /* DESK_REVIEW: the case shown */
    int debrief_page;      /* 0 the documents, 1 the interview */
    int debrief_doc;       /* the document shown (its place among those worth showing) */
    double elapsed_before; /* seconds of the session spent before a restart */
    long case_frame0;      /* the frame the current traveler arrived */
    long end_frame;        /* the frame the queue was done (-1: not yet) */
    int time_up;           /* the session's time ran out */
    /* the status line: a catalogue key and its values */
    const char *status_key;
    int status_n, status_total, status_kind;
    /* languages the desk can switch between (F2); strings come from langs[lang] */
    const i18n *langs[8];
    int n_langs, lang;
    /* measures wrapped text (desk_set_measure); NULL: an estimate from the
     * number of characters */
    desk_measure_fn measure;
    void *measure_ud;
    desk_width_fn width; /* desk_set_measure_width; NULL: an estimate */
    void *width_ud;
} desk_state;

/* ------------------------------------------------------------ actions */

/* One entry of the action log: the app writes it as a JSON line
 * {"t": seconds, "frame": n, "action": ..., "target": ..., "params": {...}}. */
typedef struct desk_action {
    long frame;
    double t;
    const char *action;
    char target[128];  /* a traveler's id, or "id/docN:template" */
    char params[1024]; /* a JSON object's text (its strings escaped: jsonfmt.h) */
} desk_action;

typedef void (*desk_log_fn)(void *ud, const desk_action *a);

/* Starts a session on its first traveler (logs session_start). `langs` are
 * the catalogues F2 cycles through (at least English; the first is used). */
void desk_init(desk_state *st, const desk_session *s, const i18n *const *langs, int n_langs,
               desk_log_fn log, void *ud);

/* How the desk learns how many lines a wrapped text takes: the app's text
 * layout (desk_fit.h), so paragraphs stack as drawn. Without it (fn NULL)
 * the desk estimates from the number of characters. */
void desk_set_measure(desk_state *st, desk_measure_fn fn, void *ud);
/* The same for the width of a one-line text (the top bar's texts follow
 * one another, a finding's label gets a backing its size). */
void desk_set_measure_width(desk_state *st, desk_width_fn fn, void *ud);

/* Switches the interface language (and direction: Arabic mirrors the
 * panels); logged. */
void desk_set_language(desk_state *st, int lang, desk_log_fn log, void *ud);

/* True when the current language is written right to left. */
int desk_rtl(const desk_state *st);

/* The language a traveler's answers reach the officer in, as an index of
 * `langs` (language codes, the desk's; `ui` the interface's): the
 * interface's when they speak it or an interpreter is there, else the first
 * they speak (*foreign 1; the interface's still when the desk lacks that
 * language). What the answer panel shows and what `check` measures. */
int desk_answer_lang(const char *const *langs, int n_langs, int ui, const char (*speaks)[8],
                     int n_speaks, int interpreter, int *foreign);

/* What the app tells the desk about the current traveler's documents once
 * it has built them (MRZ lines, feature regions in mm). */
void desk_set_doc_info(desk_state *st, int doc, const desk_doc_info *info);

/* ... and what the identity panel shows of them (desk_ident_info). */
void desk_set_ident_info(desk_state *st, const desk_ident_info *info);
/* ... and what the systems panel shows (desk_sys_info). */
void desk_set_sys_info(desk_state *st, const desk_sys_info *info);

/* Applies one input event. Returns 1 when the traveler changed (the app
 * then builds the next traveler's documents), 0 otherwise. */
int desk_step(desk_state *st, const input_event *ev, desk_log_fn log, void *ud);

/* The app's answer to st->pending_ask (a key of the traveler's strings);
 * logged, shown at the counter. */
void desk_set_answer(desk_state *st, const char *key, desk_log_fn log, void *ud);

/* What the traveler at the counter's answer rules may know of the desk
 * (scenario.h's scn_ctx), as the app and the tests hand it to scn_answer;
 * `found` (the defects found, which needs the documents' truth) is the
 * caller's. */
struct scn_ctx desk_answer_ctx(const desk_state *st);

/* A decided traveler's debrief: the app scores the case and hands the
 * result here; it is shown now (mode DESK_DEBRIEF) or kept for the end of
 * the session (an exam). */
void desk_set_debrief(desk_state *st, int traveler, const desk_debrief *d);

/* The session's verdict, for the summary. */
void desk_set_verdict(desk_state *st, const desk_verdict *v);

/* Seconds the session has run (before a restart too). */
double desk_elapsed(const desk_state *st);

/* A restarted session: the first `n` travelers were decided before (the
 * journal says so) and `elapsed_s` of its time were spent; start with
 * traveler n. Logged as "resume". */
void desk_resume(desk_state *st, int n, double elapsed_s, desk_log_fn log, void *ud);

/* The current traveler had been at the counter `seconds` before a restart:
 * their case clock goes on from there. */
void desk_resume_case_time(desk_state *st, double seconds);

/* A case decided before a restart (read back from the journal). */
void desk_restore_case(desk_state *st, int traveler, int decision, int timed_out);

/* Records a decided traveler's score for the end-of-session summary. */
void desk_set_result(desk_state *st, int traveler, double points, int passed);

/* Starts the current traveler over (their scenario was edited); logged. */
void desk_restart_traveler(desk_state *st, desk_log_fn log, void *ud);

/* Advances one frame. A traveler whose time ran out (the case's or the
 * session's limit) is recorded as timed out (logged "timeout"); returns 1
 * when the traveler changed, like desk_step. */
int desk_tick(desk_state *st, desk_log_fn log, void *ud);
/* A quarter of a second: the loupe held still that long on a place is a look
 * at it (what an examination's steps are read from, exam.h). */
#define DESK_LOOK_FRAMES  15
#define DESK_LOOK_MOVE_MM 2.0 /* a look at least this far from the last one is a new look */

/* The document under a desk point and the point in that document's mm
 * (for the loupe); -1 when none. */
int desk_doc_at(const desk_state *st, int x, int y, double *u_mm, double *v_mm);

/* The loupe's magnification one step (step > 0) in or out from `zoom`:
 * 2, 3, 4, 5, 6, 8, 10, 12, 15, 20, 25, 30, 40x; the ends stay where they
 * are, a zoom between steps goes to the next one up (step 0: that one). */
int desk_zoom_step(int zoom, int step);

/* ------------------------------------------------------------ drawing */

typedef enum {
    DRAW_FILL,
    DRAW_FRAME,
    DRAW_TEX,
    DRAW_TEXT,
    DRAW_CLIP
} draw_kind; /* CLIP: w 0 = none */

typedef enum {
    TEX_FACE,      /* the traveler at the counter */
    TEX_COMPANION, /* the person with them */
    TEX_DOC,       /* a: doc, b: light, c: side */
    TEX_COVER,     /* a: doc (closed passport) */
    TEX_LOUPE,     /* the magnifier, already composed by the app */
    TEX_REF,       /* a: doc whose template's genuine specimen, b: light */
    TEX_LOUPE_DOC, /* the magnifier on document a at b, c (hundredths of a mm on its side) */
    TEX_LOUPE_REF, /* the same on document a's genuine specimen */
    TEX_IDENT,     /* the identity panel's pictures: a ident_pic, b face zoom (FACE_ZOOM_*) or
                      finger, c attempt or candidate */
} draw_tex;

/* The identity panel's pictures (TEX_IDENT's a). */
enum {
    IDENT_PIC_CAMERA,     /* the traveler as the counter camera sees them */
    IDENT_PIC_PORTRAIT,   /* the document's printed portrait */
    IDENT_PIC_CHIP,       /* the chip's portrait (DG2) */
    IDENT_PIC_OVERLAY,    /* the portrait laid half-transparent over the camera's picture */
    IDENT_PIC_FINGER,     /* a capture: b the finger, c the attempt */
    IDENT_PIC_FINGER_REF, /* the chip's print of finger b (DG3) */
    IDENT_PIC_CANDIDATE,  /* a watch-list candidate's photo: c the candidate */
    IDENT_PIC_RECORD,     /* a database record's photo: c list * SYS_HITS + hit */
    IDENT_PICS
};

typedef struct draw_cmd {
    draw_kind kind;
    int x, y, w, h;
    uint32_t rgba; /* 0xAABBGGRR */
    int thick;
    int tex, a, b, c;
    const char *text; /* into the list's string store */
    int size;         /* text size, px */
    int bold;         /* 0 regular, 1 bold, DRAW_OCRB the MRZ's typeface */
    int align;        /* 0 left, 1 centre, 2 right */
    int max_w;        /* text: > 0 shrink to fit this width; < 0 wrap into lines of -max_w
                         (engine/core/desk_fit.h: how) */
    int lines;        /* wrapped text: the most lines drawn (0: all) */
    int dir;          /* text: 0 the interface's direction, 1 left to right, 2 right to left */
    desk_rect box;    /* text: the rectangle it belongs to and stays inside (a panel, a row, a
                         button: the draw list's box when it was added, dl_box); w 0: none */
    int label;        /* text: a number marking a region on a picture, which may be as small as
                         DESK_TEXT_LABEL_PX (desk_layout.h: the rule) */
} draw_cmd;

#define DRAW_OCRB 2 /* draw_cmd.bold: OCR-B, as an MRZ is printed and read */

#define DRAW_MAX 1536

typedef struct draw_list {
    int n;
    draw_cmd cmd[DRAW_MAX];
    int used;
    char strings[32768];
    desk_rect box; /* the box the texts added next belong to (desk_draw_internal.h: dl_box) */
} draw_list;

/* Describes the whole screen for the current state. */
void desk_draw(const desk_state *st, draw_list *dl);

/* Whether pressing button b (desk_layout's) does what it says on the
 * current screen; the others are drawn flat and dim. */
int desk_button_active(const desk_state *st, int b);
/* What the debrief marks on a document, and how: by line as well as by
 * colour, so that a trainee who does not tell red from green still tells a
 * defect found (solid) from one missed (dashed) and a false finding
 * (dotted). The HTML report's case pictures draw the same. */
enum {
    DESK_MARK_FOUND,   /* a true defect, located and named */
    DESK_MARK_LOCATED, /* ... located under another name */
    DESK_MARK_MISSED,  /* ... missed */
    DESK_MARK_FLAG,    /* the trainee's flag on a defect */
    DESK_MARK_FALSE,   /* the trainee's flag where nothing is wrong */
    DESK_MARKS
};
enum { DESK_LINE_SOLID, DESK_LINE_DASHED, DESK_LINE_DOTTED };
typedef struct desk_mark_style {
    int thick;     /* px */
    int pattern;   /* DESK_LINE_* */
    uint32_t rgba; /* 0xAABBGGRR */
} desk_mark_style;
desk_mark_style desk_debrief_mark(int what);

#endif
