/* xapi.h - the xAPI 1.0.3 statements an academy's learning record store (LRS)
 * receives for a trainee's journal: what each one says, and what it promises.
 *
 * Promises, each one a test in tests/test_xapi.c:
 * - Same journal, same statements. Each statement's id is a version 5 UUID
 *   (libuuid's uuid_generate_sha1) of the journal's identity (its first entry's MAC, which every
 *   copy of the journal shares) and the index of the entry it reports, in
 *   borderlab's namespace XAPI_NAMESPACE: "<first MAC>/<index>/<verb>". A
 *   statement sent twice is the same statement, and the LRS keeps one.
 * - Nothing in a statement depends on when or where it is built: no clock,
 *   no machine, only the journal's entries and the academy's IRIs. (Changing
 *   the academy's IRIs changes the statements: an LRS that already holds the
 *   old ones answers 409 for those ids; configure the IRIs before the first
 *   push.)
 * - `timestamp` is when the decision was taken: the entry's "at" (record.h);
 *   for entries from before "at" was recorded, the session's start plus the
 *   session time of the decision; a desk journal's oldest entries have
 *   neither, and their statements no timestamp (the LRS then stamps them).
 * - `context.registration` is one UUID per sitting (per journal): v5 of
 *   "<first MAC>/registration".
 * - Verbs as cmi5 uses them (ADL's IRIs): a session's sitting is
 *   `initialized` (its header entry), then `passed` or `failed` with the
 *   session's verdict, `completed` when every case was decided (not when time
 *   ran out), and `terminated` (its end entry); each case is `passed` or
 *   `failed`. A desk journal (practice, no header) has its cases only. These
 *   are not cmi5 launches: there is no launch, no LMS session id.
 * - `result`: score (scaled 0..1, raw 0..100, min, max), success, duration
 *   (ISO 8601, "PT1M23.45S"), completion, the decision as `response`, and
 *   extensions <activity base>/extensions/competencies (object: competency
 *   id -> 0..1, null where the scenario does not assess it) and
 *   <activity base>/extensions/critical-errors (list of ids).
 * - Activities: a case is <activity base>/scenarios/<scenario id>, type
 *   http://adlnet.gov/expapi/activities/simulation, named in en, fr and ar
 *   (the scenario's own titles, kept in the entry); a sitting is
 *   <activity base>/sessions/<session id>, type
 *   http://adlnet.gov/expapi/activities/assessment, named by its title (one
 *   language, given under each of the three). A case's sitting is its
 *   parent, the cohort (<activity base>/cohorts/<cohort>) its grouping.
 * - context.extensions: <activity base>/extensions/pack-signature-sha256
 *   (the signed pack the session was sat on; absent when unsigned),
 *   .../journal (the first MAC), .../entry (the entry's index) and
 *   .../entry-mac (that entry's MAC in the journal's chain, 64 hex digits:
 *   the header's for `initialized`, the end entry's for the sitting's
 *   verdict, completed and terminated; absent when the results database
 *   does not know it). The store's copy is so a witness of the journal's
 *   chain head: a journal cut short or rewritten after its statements were
 *   sent no longer holds the entry with that MAC (`results verify --lrs`).
 * - Ids in IRIs are percent-encoded (anything but A-Z a-z 0-9 - . _ ~).
 *
 * Depends on cJSON and libuuid only; the caller reads the journal or the
 * results database and fills the structs below.
 */
#ifndef BL_XAPI_H
#define BL_XAPI_H

#include <cjson/cJSON.h>

#include "err.h"
#define UUID_BYTES     16
#define UUID_TEXT_SIZE 37 /* "xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx" and a NUL */

/* The language maps' languages (en, fr, ar: the interface's). */
#define XAPI_LANGS 3
/* "en", "fr", "ar" by index. */
const char *xapi_lang(int i);

/* borderlab's namespace for statement ids, fixed once: a3f1c2d4-6b7e-4f80-9c1d-2e3f4a5b6c7d. */
extern const unsigned char XAPI_NAMESPACE[UUID_BYTES];

/* The academy's IRIs (from its configuration file, never from code). */
typedef struct xapi_academy {
    const char *home_page;     /* the trainees' accounts: actor.account.homePage */
    const char *activity_base; /* activities and extensions are IRIs under it (no trailing /) */
} xapi_academy;

/* One sitting: a journal and, when it is a session's, its header and end. */
typedef struct xapi_sitting {
    const char *journal;         /* its identity: the first entry's MAC (64 hex digits) */
    const char *trainee;         /* account name */
    const char *trainee_name;    /* actor name ("" none) */
    const char *cohort;          /* "" none */
    const char *session, *title; /* "" for a desk journal (no header, no sitting verbs) */
    const char *started;         /* header's start, "YYYY-MM-DDTHH:MM:SSZ"; "" unknown */
    const char *pack_sha256;     /* signed pack's signature hash; "" or NULL none */
    int ended;                   /* the journal holds the end entry: */
    int end_seq;                 /* its index */
    const char *end_mac;         /* its MAC (64 hex); "" or NULL unknown */
    int passed, time_up;         /* the verdict, and whether time ran out */
    double score;                /* the session's overall, 0..100 */
    double elapsed;              /* session time at the end, seconds */
    const char *ended_at;        /* the end entry's "at"; "" unknown */
} xapi_sitting;

/* One decided case (a journal's case entry). */
typedef struct xapi_case {
    int seq; /* the entry's index in the journal */
    const char *scenario;
    const char *names[XAPI_LANGS]; /* the scenario's title by language; NULL or "": none */
    const char *decision, *protection;
    double points; /* 0..100 */
    int passed;
    double competency[4]; /* 0..1, in session_comp_id's order */
    int assessed[4];      /* 0: the scenario does not assess it (null) */
    const char *const *critical;
    int n_critical;
    double seconds;  /* time at the counter; < 0 unknown (no duration) */
    double t;        /* session time when decided */
    const char *at;  /* the entry's "at"; "" unknown */
    const char *mac; /* the entry's MAC (64 hex); "" or NULL unknown */
} xapi_case;

typedef enum xapi_verb {
    XAPI_INITIALIZED,
    XAPI_PASSED,
    XAPI_FAILED,
    XAPI_COMPLETED,
    XAPI_TERMINATED
} xapi_verb;

/* The statement for one case; NULL with err set (BL_E_INPUT: an IRI or id the
 * statement cannot carry; BL_E_NOMEM). Caller cJSON_Deletes. */
cJSON *xapi_case_statement(const xapi_academy *a, const xapi_sitting *s, const xapi_case *c,
                           bl_err *err);

/* Which statements the sitting itself has, in order (initialized, passed or
 * failed, completed, terminated; none for a desk journal); returns how many. */
int xapi_sitting_verbs(const xapi_sitting *s, xapi_verb out[4]);

/* The sitting's statement for one of those verbs; NULL with err set. */
cJSON *xapi_sitting_statement(const xapi_academy *a, const xapi_sitting *s, xapi_verb v,
                              bl_err *err);

/* The statement id for entry `seq` of a journal, reported with verb v. */
void xapi_statement_id(const char *journal, int seq, xapi_verb v, char out[UUID_TEXT_SIZE]);

/* The sitting's registration UUID. */
void xapi_registration(const char *journal, char out[UUID_TEXT_SIZE]);

/* ISO 8601 duration of `seconds` with hundredths ("PT0S", "PT12.5S",
 * "PT1H2M3.04S"); a negative value is PT0S. */
void xapi_duration(double seconds, char *out, size_t cap);

/* `start` ("YYYY-MM-DDTHH:MM:SS[.mmm]Z") plus `seconds`, as
 * "YYYY-MM-DDTHH:MM:SS.mmmZ"; 0, or -1 when start is not such a time. */
int xapi_time_add(const char *start, double seconds, char out[32]);

/* Whether s is a MAC as a journal writes it: 64 lowercase hex digits. */
int xapi_mac_ok(const char *s);

/* Whether an IRI is one the statements can use: http or https, a host,
 * nothing that needs escaping; 1 yes, 0 no. */
int xapi_iri_ok(const char *iri);

#endif
