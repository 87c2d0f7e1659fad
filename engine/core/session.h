/* session.h - a certification session: which scenarios a trainee sits (fixed
 * or drawn from pools with a seed), the time limits, the pass marks per
 * competency, exam mode and who the trainee is; and the session's verdict
 * from its cases.
 *
 * Plain data: the session file (Lua) is read by engine/script/sess_load.c;
 * the desk and the journal live in engine/app. Everything here is pure and
 * deterministic: the same session, seed and trainee draw the same scenarios
 * on every machine, so a restarted session resumes on the same pack.
 */
#ifndef BL_SESSION_H
#define BL_SESSION_H

#include <stdint.h>

#include "err.h"
#include "scenario.h"

#define SESSION_MAX_ITEMS 24 /* slots in the session, as many as the desk's queue */
#define SESSION_MAX_POOL  16 /* scenarios in one pool */
#define SESSION_PATH_MAX  256

/* One slot of the session file: a fixed scenario (n 1, draw 1) or `draw`
 * scenarios drawn without repetition from a pool of `n`. */
typedef struct session_item {
    int n, draw;
    char paths[SESSION_MAX_POOL][SESSION_PATH_MAX]; /* resolved against the session file */
} session_item;

typedef struct session_def {
    char file[SESSION_PATH_MAX];
    char id[48];
    char title[128];
    int exam;       /* no debrief until the end; the pack must be signed */
    int mrz_reader; /* 1: the MRZ reader may be used (default: off in an exam) */
    int has_seed;   /* 1: everybody draws the same scenarios */
    uint64_t seed;
    double case_limit_s, session_limit_s; /* 0: none */
    double pass_overall;                  /* points, 0..100 */
    double pass_comp[COMP_COUNT];         /* 0..1 each; 0: no mark */
    int critical_fails;                   /* 1: one critical error fails the session */
    int wrong_allowed; /* cases with a wrong decision the session tolerates (default 0) */
    char trainee[64], trainee_name[96], cohort[64]; /* may be given on the command line */
    int n_items;
    session_item items[SESSION_MAX_ITEMS];
} session_def;

/* Makes a session read from outside this process (a script's worker) safe to
 * use: counts within their arrays, every string terminated. */
void session_def_sanitise(session_def *d);

/* The seed a trainee draws with: the file's seed when it has one, else one
 * derived from the session and trainee ids (each trainee their own draw, the
 * same draw again when the session restarts). */
uint64_t session_seed(const session_def *d, const char *trainee);

/* The scenario files of the session in order: fixed slots as written, pools
 * drawn without repetition. Returns how many (or -1 with err when more than
 * cap). */
int session_draw(const session_def *d, uint64_t seed, char out[][SESSION_PATH_MAX], int cap,
                 bl_err *err);

/* One decided (or timed-out) case, as the journal keeps it. */
typedef struct session_case {
    double points;                 /* 0..100 */
    int passed;                    /* the case's own pass */
    double competency[COMP_COUNT]; /* 0..1 */
    int assessed[COMP_COUNT];      /* 1 when the scenario's rubric weights it */
    int n_critical;
    int decision_ok; /* the expected decision or an accepted one */
} session_case;

typedef struct session_verdict {
    int passed;
    double overall;                  /* mean points over the cases */
    double competency[COMP_COUNT];   /* mean over the cases that assess it; -1: none did */
    int n_failed;                    /* marks not reached */
    char failed[COMP_COUNT + 3][32]; /* "overall", "document_examination", ...,
                                        "critical_error", "wrong_decision" */
    int criticals;                   /* cases with a critical error */
    int wrong;                       /* cases with a wrong decision */
    int cases;
} session_verdict;

/* An id that can name a file (session and trainee ids go into the journal's
 * name): letters, digits, '-', '_', '.', not empty, not starting with '.'. */
int session_id_ok(const char *id);

/* The competency ids as the journal and the reports name them. */
const char *session_comp_id(int c);

/* The verdict of `n` cases out of the session's `total` (cases never reached
 * count as 0 points: time ran out). */
void session_judge(const session_def *d, const session_case *cases, int n, int total,
                   session_verdict *v);

#endif
