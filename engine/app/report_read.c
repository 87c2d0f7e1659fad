/* report_read.c - a report's cases and sessions, read from the results
 * database in report order (report_read.h).
 *
 * What is read, and in which order, is what the single SQL statements of
 * earlier versions said (ORDER BY trainee, COALESCE(started, ''), MIN(rowid)
 * OVER the journal, seq; LAG(t) over the journal; a session's trainee and
 * cohort from its journal's first case), but worked out in one pass over
 * the rows of the report's own journals: those statements sorted the whole
 * store twice and looked each session's journal up three times, which made
 * a cohort of 20,000 trainees take seconds. The rows come through the
 * indexes of schema 6 (results_db.c: results_trainee or results_cohort name
 * the journals, results_cases holds every column read here but a case's
 * detail); a store of an older schema is read the same way, only slower.
 *
 * The cases: every row of every journal that has a case of the trainee or
 * cohort, journal by journal and in seq order, so that a case's time since
 * the previous decision and its journal's first import (the lowest rowid)
 * are the whole journal's; the cases of the trainee or cohort are kept.
 * The sessions: the sessions rows naming the trainee or cohort, in journal
 * order, merged with those journals (a journal whose row names another is
 * looked up alone); a session with cases belongs to the trainee and cohort
 * of its journal's first case, one without to those its row names.
 *
 * Both are then sorted with strcmp, which orders as SQLite's BINARY
 * collation: cases by (trainee, session start, first import, seq), a total
 * order, so exactly as before; sessions by (trainee, start, first import,
 * none first), then by journal where the SQL left ties in no stated order. */
#define _POSIX_C_SOURCE 200809L
#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report_read.h"

/* The pass marks' names of the competencies, in rcase.comp's order. */
static const char *comp_key[4] = {"document_examination", "interview", "human_rights", "procedure"};

/* A block of the report's strings: a cohort's report holds over a million
 * of them, and one malloc and free each was a third of its time. */
struct report_text {
    struct report_text *next;
    size_t used, cap;
    char text[];
};
#define TEXT_BLOCK (1u << 20)

/* A copy of s kept with the report, or NULL out of memory. */
static char *keep_text(report *r, const char *s) {
    size_t n = strlen(s) + 1;
    struct report_text *b = r->text;
    if (!b || b->cap - b->used < n) {
        size_t cap = n > TEXT_BLOCK ? n : TEXT_BLOCK;
        if (!(b = malloc(sizeof *b + cap))) return NULL;
        b->next = r->text, b->used = 0, b->cap = cap;
        r->text = b;
    }
    char *p = memcpy(b->text + b->used, s, n);
    b->used += n;
    return p;
}

/* Column i of the row st holds, kept with the report ("" for NULL). */
static char *dup_col(report *r, sqlite3_stmt *st, int i) {
    const unsigned char *t = sqlite3_column_text(st, i);
    return keep_text(r, t ? (const char *)t : "");
}

/* Column i as the reader's own copy (malloc: freed by the reader). */
static char *col_copy(sqlite3_stmt *st, int i) {
    const unsigned char *t = sqlite3_column_text(st, i);
    return strdup(t ? (const char *)t : "");
}

/* The strings a case or a session holds, listed once: to check that each
 * copy was made. */
enum { CASE_STRINGS = 10, SESSION_STRINGS = 7 };

static void case_strings(const rcase *c, char *out[CASE_STRINGS]) {
    char *s[CASE_STRINGS] = {c->journal,  c->trainee,    c->name,     c->cohort, c->scenario,
                             c->decision, c->protection, c->critical, c->missed, c->detail};
    memcpy(out, s, sizeof s);
}

static void session_strings(const rsession *x, char *out[SESSION_STRINGS]) {
    char *s[SESSION_STRINGS] = {x->journal, x->session, x->title, x->trainee,
                                x->name,    x->started, x->reason};
    memcpy(out, s, sizeof s);
}

/* 0 when all n strings exist, -1 when a copy failed (out of memory). */
static int all_made(char *const *s, int n) {
    for (int i = 0; i < n; i++)
        if (!s[i]) return -1;
    return 0;
}

void report_free(report *r) {
    for (struct report_text *b = r->text, *next; b; b = next)
        next = b->next, free(b);
    free(r->c);
    free(r->s);
}

int report_grow(void **items, int n, int *cap, size_t size) {
    if (n < *cap) return 0;
    int nc = *cap ? *cap * 2 : 64;
    void *p = realloc(*items, (size_t)nc * size);
    if (!p) return -1;
    *items = p, *cap = nc;
    return 0;
}

/* ------------------------------------------------------------ the statements */

/* Every row of the journals with a case of the trainee (?1) or cohort (?2),
 * in journal and seq order. Format: the detail column (or NULL), then the
 * filter. */
static const char *cases_sql =
    "SELECT rowid, journal, seq, trainee, trainee_name, cohort, scenario, decision, protection,"
    " points, passed, critical, document_examination, interview, human_rights, procedure, t,"
    " seconds, time_limit, missed, %s FROM results"
    " WHERE journal IN (SELECT journal FROM results WHERE %s) ORDER BY journal, seq";
enum {
    C_ROWID,
    C_JOURNAL,
    C_SEQ,
    C_TRAINEE,
    C_NAME,
    C_COHORT,
    C_T = 16,
    C_SECONDS,
    C_LIMIT,
    C_MISSED,
    C_DETAIL
};

/* A sessions row: those naming the trainee or cohort in journal order
 * (format: the filter), one journal's, and whether a journal has cases. */
#define SESSION_COLS                                                                               \
    "SELECT journal, session, title, trainee, started, cases, passed, reason, pass_marks,"         \
    " trainee_name FROM sessions"
static const char *sessions_sql = SESSION_COLS " WHERE %s ORDER BY journal";
static const char *session_sql = SESSION_COLS " WHERE journal = ?3";
static const char *has_cases_sql = "SELECT 1 FROM results WHERE journal = ?3 LIMIT 1";
enum { S_JOURNAL, S_TRAINEE = 3, S_STARTED, S_PASS_MARKS = 8, S_NAME };

/* Folds a session's pass marks ({"overall":70,"interview":0.5,...}) into pm. */
static void marks_add(marks *pm, const char *json) {
    cJSON *o = cJSON_Parse(json);
    for (int k = 0; k < 5; k++) {
        const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, k < 4 ? comp_key[k] : "overall");
        if (!cJSON_IsNumber(v)) continue;
        if (pm->has[k] && pm->v[k] != v->valuedouble) pm->differ = 1;
        if (!pm->has[k] || v->valuedouble > pm->v[k]) pm->v[k] = v->valuedouble;
        pm->has[k] = 1;
    }
    cJSON_Delete(o);
}

/* ------------------------------------------------------------ the reader */

/* What the report order needs besides a case or a session. */
typedef struct order_key {
    const char *trainee, *started;
    const char *journal;  /* last: sessions the other keys leave tied (none decided) */
    int has_jorder;       /* a session without cases has none (first: NULL) */
    sqlite3_int64 jorder; /* the journal's lowest rowid: when it was first imported */
    int seq;              /* a case's; 0 for a session */
    int i;                /* its index in r->c or r->s as read */
} order_key;

typedef struct reader {
    report *r;
    int want_col;        /* C_TRAINEE or C_COHORT: what a case must be to be the report's */
    const char *want;    /* the trainee or cohort */
    sqlite3_stmt *st[4]; /* cases_sql, sessions_sql, session_sql, has_cases_sql */
    int sess_rc;         /* sessions_sql's last step: SQLITE_ROW while it has a row */
    int rc;              /* a failed step of a lookup (SQLite's code), else SQLITE_OK */
    order_key *ck, *sk;  /* one per case, one per session */
    int ck_cap, sk_cap;
    char **starts; /* one per journal read, its session's start ("" none; kept with r) */
    int n_starts, cap_starts;
    /* the journal being read */
    char *journal, *first_trainee, *first_cohort; /* owned: its first case's */
    sqlite3_stmt *session;                        /* its sessions row, or NULL */
    sqlite3_int64 min_rowid;                      /* its lowest rowid so far */
    int first_case;                               /* its first case kept */
    int has_prev;                                 /* its previous row had a t, prev_t */
    double prev_t;
} reader;
enum { ST_CASES, ST_SESSIONS, ST_SESSION, ST_HAS_CASES };

/* Keeps the sessions row st holds as the report's, belonging to `trainee`,
 * first imported at jorder (has_jorder 0: none). 0, or -1 out of memory. */
static int keep_session(reader *x, sqlite3_stmt *st, const char *trainee, int has_jorder,
                        sqlite3_int64 jorder) {
    report *r = x->r;
    if (report_grow((void **)&r->s, r->ns, &r->scap, sizeof *r->s) != 0 ||
        report_grow((void **)&x->sk, r->ns, &x->sk_cap, sizeof *x->sk) != 0)
        return -1;
    rsession *s = &r->s[r->ns];
    memset(s, 0, sizeof *s);
    s->journal = dup_col(r, st, S_JOURNAL), s->session = dup_col(r, st, 1);
    s->title = dup_col(r, st, 2), s->trainee = keep_text(r, trainee);
    s->started = dup_col(r, st, S_STARTED);
    s->cases = sqlite3_column_int(st, 5);
    s->passed = sqlite3_column_type(st, 6) == SQLITE_NULL ? -1 : sqlite3_column_int(st, 6);
    s->reason = dup_col(r, st, 7), s->name = dup_col(r, st, S_NAME);
    marks_add(&r->pm, (const char *)sqlite3_column_text(st, S_PASS_MARKS));
    x->sk[r->ns] = (order_key){s->trainee, s->started, s->journal, has_jorder, jorder, 0, r->ns};
    r->ns++;
    char *all[SESSION_STRINGS];
    session_strings(s, all);
    return all_made(all, SESSION_STRINGS);
}

/* A sessions row whose journal has no case of the report's: it is the
 * report's when its journal has no case at all (then it is whose its row
 * says: sessions_sql picked it by that). 0, or -1 out of memory. */
static int session_alone(reader *x) {
    sqlite3_stmt *st = x->st[ST_SESSIONS], *q = x->st[ST_HAS_CASES];
    sqlite3_reset(q);
    sqlite3_bind_text(q, 3, (const char *)sqlite3_column_text(st, S_JOURNAL), -1, SQLITE_TRANSIENT);
    int rc = sqlite3_step(q);
    if (rc == SQLITE_ROW) return 0; /* another's cases: another's session */
    if (rc != SQLITE_DONE) return x->rc = rc, 0;
    return keep_session(x, st, (const char *)sqlite3_column_text(st, S_TRAINEE), 0, 0);
}

/* Steps sessions_sql past the rows before journal j (NULL: all), taking
 * those alone; then x->session is j's row, from it or looked up. */
static int sessions_upto(reader *x, const char *j) {
    sqlite3_stmt *st = x->st[ST_SESSIONS];
    int d = 1;
    x->session = NULL;
    while (x->sess_rc == SQLITE_ROW &&
           (!j || (d = strcmp((const char *)sqlite3_column_text(st, S_JOURNAL), j)) < 0)) {
        if (session_alone(x) != 0) return -1;
        x->sess_rc = sqlite3_step(st);
    }
    if (x->sess_rc != SQLITE_ROW && x->sess_rc != SQLITE_DONE) x->rc = x->sess_rc;
    if (!j) return 0;
    if (x->sess_rc == SQLITE_ROW && d == 0) {
        x->session = st;
        return 0;
    }
    /* the journal's sessions row names another (or there is none) */
    sqlite3_stmt *one = x->st[ST_SESSION];
    sqlite3_reset(one);
    sqlite3_bind_text(one, 3, j, -1, SQLITE_TRANSIENT);
    int rc = sqlite3_step(one);
    if (rc == SQLITE_ROW) x->session = one;
    if (rc != SQLITE_ROW && rc != SQLITE_DONE) x->rc = rc;
    return 0;
}

/* The journal read is over: its cases learn when it was first imported,
 * and its session is the report's when its first case is. 0, or -1 out of
 * memory. */
static int journal_done(reader *x) {
    for (int i = x->first_case; i < x->r->n; i++)
        x->ck[i].jorder = x->min_rowid;
    int rc = 0;
    const char *whose = x->want_col == C_TRAINEE ? x->first_trainee : x->first_cohort;
    if (x->session && !strcmp(whose, x->want))
        rc = keep_session(x, x->session, x->first_trainee, 1, x->min_rowid);
    if (x->session == x->st[ST_SESSIONS]) x->sess_rc = sqlite3_step(x->session);
    x->session = NULL;
    free(x->journal), free(x->first_trainee), free(x->first_cohort);
    x->journal = x->first_trainee = x->first_cohort = NULL;
    return rc;
}

/* A new journal begins with this row (its first case); 0, or -1 out of memory. */
static int journal_begin(reader *x, sqlite3_stmt *st) {
    if (x->journal && journal_done(x) != 0) return -1;
    if (!(x->journal = col_copy(st, C_JOURNAL)) || !(x->first_trainee = col_copy(st, C_TRAINEE)) ||
        !(x->first_cohort = col_copy(st, C_COHORT)) || sessions_upto(x, x->journal) != 0 ||
        report_grow((void **)&x->starts, x->n_starts, &x->cap_starts, sizeof *x->starts) != 0 ||
        !(x->starts[x->n_starts] =
              x->session ? dup_col(x->r, x->session, S_STARTED) : keep_text(x->r, "")))
        return -1;
    x->n_starts++;
    x->min_rowid = sqlite3_column_int64(st, C_ROWID);
    x->first_case = x->r->n, x->has_prev = 0;
    return 0;
}

static int read_case(report *r, sqlite3_stmt *st, rcase *c) {
    c->journal = dup_col(r, st, C_JOURNAL), c->seq = sqlite3_column_int(st, C_SEQ);
    c->trainee = dup_col(r, st, C_TRAINEE), c->name = dup_col(r, st, C_NAME);
    c->cohort = dup_col(r, st, C_COHORT), c->scenario = dup_col(r, st, 6);
    c->decision = dup_col(r, st, 7), c->protection = dup_col(r, st, 8);
    c->points = sqlite3_column_double(st, 9), c->passed = sqlite3_column_int(st, 10);
    c->critical = dup_col(r, st, 11);
    for (int k = 0; k < 4; k++)
        c->comp[k] = sqlite3_column_double(st, 12 + k);
    c->limit =
        sqlite3_column_type(st, C_LIMIT) == SQLITE_NULL ? -1 : sqlite3_column_double(st, C_LIMIT);
    c->missed = dup_col(r, st, C_MISSED), c->detail = dup_col(r, st, C_DETAIL);
    char *s[CASE_STRINGS];
    case_strings(c, s);
    return all_made(s, CASE_STRINGS);
}

/* One row of cases_sql: its journal's order kept, the case kept when it is
 * the report's. 0, or -1 out of memory. */
static int case_row(reader *x, sqlite3_stmt *st) {
    report *r = x->r;
    const char *j = (const char *)sqlite3_column_text(st, C_JOURNAL);
    if ((!x->journal || strcmp(x->journal, j ? j : "")) && journal_begin(x, st) != 0) return -1;
    sqlite3_int64 rowid = sqlite3_column_int64(st, C_ROWID);
    if (rowid < x->min_rowid) x->min_rowid = rowid;
    /* COALESCE(seconds, t - COALESCE(LAG(t), 0)): NULL (0) when t is */
    int has_t = sqlite3_column_type(st, C_T) != SQLITE_NULL;
    double t = sqlite3_column_double(st, C_T);
    double secs = sqlite3_column_type(st, C_SECONDS) != SQLITE_NULL
                      ? sqlite3_column_double(st, C_SECONDS)
                  : has_t ? t - (x->has_prev ? x->prev_t : 0)
                          : 0;
    x->has_prev = has_t, x->prev_t = t;
    const char *who = (const char *)sqlite3_column_text(st, x->want_col);
    if (strcmp(who ? who : "", x->want)) return 0; /* another's case in a journal shared */
    if (report_grow((void **)&r->c, r->n, &r->cap, sizeof *r->c) != 0 ||
        report_grow((void **)&x->ck, r->n, &x->ck_cap, sizeof *x->ck) != 0)
        return -1;
    rcase *c = &r->c[r->n];
    memset(c, 0, sizeof *c);
    c->secs = secs;
    int rc = read_case(r, st, c);
    x->ck[r->n] =
        (order_key){c->trainee, x->starts[x->n_starts - 1], c->journal, 1, 0, c->seq, r->n};
    r->n++;
    return rc;
}

/* ------------------------------------------------------------ the order */

static int key_cmp(const void *a, const void *b) {
    const order_key *x = a, *y = b;
    int d = strcmp(x->trainee ? x->trainee : "", y->trainee ? y->trainee : "");
    if (!d) d = strcmp(x->started ? x->started : "", y->started ? y->started : "");
    if (!d) d = x->has_jorder - y->has_jorder; /* none (SQL's NULL) first */
    if (!d) d = (x->jorder > y->jorder) - (x->jorder < y->jorder);
    if (!d) d = (x->seq > y->seq) - (x->seq < y->seq);
    return d ? d : strcmp(x->journal ? x->journal : "", y->journal ? y->journal : "");
}

/* Puts n items of `size` bytes in the keys' order; 0, or -1 out of memory. */
static int sort_by(void **items, int n, size_t size, order_key *keys,
                   int (*cmp)(const void *, const void *)) {
    if (n < 2) return 0;
    char *sorted = malloc(size * (size_t)n);
    if (!sorted) return -1;
    qsort(keys, (size_t)n, sizeof *keys, cmp);
    for (int i = 0; i < n; i++)
        memcpy(sorted + size * (size_t)i, (char *)*items + size * (size_t)keys[i].i, size);
    free(*items);
    *items = sorted;
    return 0;
}

/* ------------------------------------------------------------ reading */

static int prepare(reader *x, sqlite3 *db, int with_detail) {
    const report *r = x->r;
    const char *f = r->trainee ? "trainee = ?1" : "cohort = ?2";
    char cases[1024], sessions[512];
    snprintf(cases, sizeof cases, cases_sql, with_detail ? "detail" : "NULL", f);
    snprintf(sessions, sizeof sessions, sessions_sql, f);
    const char *sql[4] = {cases, sessions, session_sql, has_cases_sql};
    int rc = SQLITE_OK;
    for (int k = 0; k < 4 && rc == SQLITE_OK; k++) {
        rc = sqlite3_prepare_v2(db, sql[k], -1, &x->st[k], NULL);
        if (rc == SQLITE_OK && r->trainee)
            sqlite3_bind_text(x->st[k], 1, r->trainee, -1, SQLITE_TRANSIENT);
        if (rc == SQLITE_OK && r->cohort)
            sqlite3_bind_text(x->st[k], 2, r->cohort, -1, SQLITE_TRANSIENT);
    }
    if (rc == SQLITE_OK) x->sess_rc = sqlite3_step(x->st[ST_SESSIONS]);
    return rc;
}

/* Every row read, then the sessions left; SQLITE_DONE or an error code. */
static int read_all(reader *x) {
    int rc;
    while ((rc = sqlite3_step(x->st[ST_CASES])) == SQLITE_ROW && x->rc == SQLITE_OK)
        if (case_row(x, x->st[ST_CASES]) != 0) return SQLITE_NOMEM;
    if (rc != SQLITE_DONE && rc != SQLITE_ROW) return rc;
    if ((x->journal && journal_done(x) != 0) || sessions_upto(x, NULL) != 0) return SQLITE_NOMEM;
    return x->rc != SQLITE_OK ? x->rc : SQLITE_DONE;
}

int report_read(sqlite3 *db, report *r, int with_detail) {
    reader x = {.r = r,
                .want_col = r->trainee ? C_TRAINEE : C_COHORT,
                .want = r->trainee ? r->trainee : r->cohort,
                .rc = SQLITE_OK};
    int rc = prepare(&x, db, with_detail);
    if (rc == SQLITE_OK) rc = read_all(&x);
    if (rc == SQLITE_DONE) {
        if (sort_by((void **)&r->c, r->n, sizeof *r->c, x.ck, key_cmp) != 0 ||
            sort_by((void **)&r->s, r->ns, sizeof *r->s, x.sk, key_cmp) != 0)
            rc = SQLITE_NOMEM;
        r->cap = r->n, r->scap = r->ns;
    }
    for (int k = 0; k < 4; k++)
        sqlite3_finalize(x.st[k]);
    free(x.starts), free(x.ck), free(x.sk);
    free(x.journal), free(x.first_trainee), free(x.first_cohort);
    return rc;
}
