/* report_data.h - what a report shows, read from the results database: the
 * decided cases and the sessions of one trainee or one cohort, and the
 * cohort's cases grouped by scenario, trainee and critical error.
 *
 * The database is opened read-only (results_db_open_read: a report never
 * changes it). Everything read is copied: the report owns its strings, and
 * none is NULL (an SQL NULL reads as ""). */
#ifndef BL_REPORT_DATA_H
#define BL_REPORT_DATA_H

/* One decided case (a row of `results`). Its strings, and a session's, are
 * the report's (report.text), freed with it. */
typedef struct rcase {
    char *journal, *trainee, *name, *cohort, *scenario, *decision, *protection;
    char *critical, *missed; /* JSON arrays of ids, as stored */
    char *detail;            /* the case's whole journal entry (JSON); "" before schema 4, and in a
                                cohort's report (it shows no case's debrief: not read) */
    int seq, passed;
    double points;      /* 0..100 */
    double comp[4];     /* 0..1: document examination, interview, human rights, procedure */
    double secs, limit; /* time on the case; its limit, < 0 when none */
} rcase;

/* One journal (a row of `sessions`); passed is -1 while not ended. */
typedef struct rsession {
    char *journal, *session, *title, *trainee, *name, *started, *reason;
    int cases, passed;
} rsession;

/* Pass marks of the sessions in the report: 0-3 the competencies (0..1, in
 * comp's order), 4 the overall points. Sessions may disagree: the highest
 * mark is kept and the page says they differ. */
typedef struct marks {
    double v[5];
    int has[5], differ;
} marks;

typedef struct report {
    const char *db_path, *trainee, *cohort; /* trainee or cohort is NULL */
    rcase *c; /* by trainee, then by session (its start, else the order
                 journals were first imported), then as decided */
    int n, cap;
    rsession *s; /* by trainee (a trainee's sessions are next to each other), then
                    start, then the order journals were first imported */
    int ns, scap;
    marks pm;
    struct report_text *text; /* the cases' and sessions' strings, in large blocks */
} report;

/* Loads the cases and sessions of r->trainee or r->cohort from r->db_path
 * (r zeroed but for those). Returns the exit code: 0 loaded; 1 nothing to
 * report (no such trainee or cohort: the message names those the database
 * knows; or no decided case yet); 2 database error or out of memory. Every
 * failure is printed on stderr as "borderlab report: ...". */
int report_load(report *r);
void report_free(report *r);

/* The trainee's name as imported (from a case, else a session), or "". */
const char *report_trainee_name(const report *r, const char *trainee);

/* Calls fn (may be NULL) for each id of a stored JSON array (critical
 * errors, missed defects); returns how many there were. */
int report_each_id(const char *json, void (*fn)(const char *id, void *ud), void *ud);

/* Cases grouped by a key (scenario, trainee, critical error): counts and
 * sums for the cohort's tables. */
typedef struct group {
    char *key;
    int n, passed, critical, trainees;       /* cases; passed; with a critical error; trainees */
    const char *last_trainee;                /* cases come by trainee: counts distinct ones */
    double points, secs, secs_min, secs_max; /* sums, and the fastest and slowest case */
    double limit;                            /* the highest time limit, < 0 none */
    /* by trainee only: */
    const char *name;      /* the trainee's name, as report_trainee_name says ("" none) */
    int first_session, ns; /* their sessions: r->s[first_session ..], ns of them */
} group;

/* Groups, found by key through a hash table (a cohort has thousands of
 * trainees: each case finds its groups in constant time). */
typedef struct groups {
    group *g;
    int n, cap;
    int *slot; /* open addressing: 1 + the index in g of the group with that key, 0 free */
    int nslot; /* a power of two, at least twice n */
} groups;

/* Groups the report's cases by scenario, by trainee (with every trainee who
 * has a session, even with no case decided: their name and sessions too) and
 * by critical error (a case counts once under each of its kinds); each
 * sorted by key. One pass over the cases and one over the sessions. The
 * groups start zeroed; free them with groups_free even on failure. 0 ok, -1
 * out of memory. */
int report_group_cases(const report *r, groups *by_scn, groups *by_tr, groups *by_crit);
void groups_free(groups *gs);

#endif
