/* report_data.c - the report's cases and sessions, read from the results
 * database, and the cohort's groups of them (report_data.h). */
#define _POSIX_C_SOURCE 200809L
#include <cjson/cJSON.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "report_data.h"
#include "results_db.h"

/* The pass marks' names of the competencies, in rcase.comp's order. */
static const char *comp_key[4] = {"document_examination", "interview", "human_rights", "procedure"};

static char *dup_col(sqlite3_stmt *st, int i) {
    const unsigned char *t = sqlite3_column_text(st, i);
    return strdup(t ? (const char *)t : "");
}

/* The strings a case or a session owns, listed once: to check that each
 * copy was made, and to free them. */
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

static void free_all(char *const *s, int n) {
    for (int i = 0; i < n; i++)
        free(s[i]);
}

void report_free(report *r) {
    char *s[CASE_STRINGS > SESSION_STRINGS ? CASE_STRINGS : SESSION_STRINGS];
    for (int i = 0; i < r->n; i++)
        case_strings(&r->c[i], s), free_all(s, CASE_STRINGS);
    for (int i = 0; i < r->ns; i++)
        session_strings(&r->s[i], s), free_all(s, SESSION_STRINGS);
    free(r->c);
    free(r->s);
}

/* Grows an array of `size`-byte items to hold one more; 0 ok, -1 out of memory. */
static int grow(void **items, int n, int *cap, size_t size) {
    if (n < *cap) return 0;
    int nc = *cap ? *cap * 2 : 64;
    void *p = realloc(*items, (size_t)nc * size);
    if (!p) return -1;
    *items = p, *cap = nc;
    return 0;
}

/* The cases in report order: by trainee, then by session (its start, else
 * the order journals were first imported), then as decided. A case's time is
 * its own seconds; older desk journals have none, and then it is the time
 * since the previous decision in the same journal (as `results export`). */
static const char *cases_sql =
    "SELECT journal, seq, trainee, trainee_name, cohort, scenario, decision, protection,"
    " points, passed, critical, document_examination, interview, human_rights, procedure,"
    " secs, time_limit, missed, %s"
    " FROM (SELECT *, COALESCE(seconds, t - COALESCE(LAG(t) OVER (PARTITION BY journal ORDER BY"
    " seq), 0)) AS secs, MIN(rowid) OVER (PARTITION BY journal) AS jorder FROM results) r"
    " LEFT JOIN (SELECT journal AS sj, started FROM sessions) s ON s.sj = r.journal"
    " WHERE (?1 IS NULL OR trainee = ?1) AND (?2 IS NULL OR cohort = ?2)"
    " ORDER BY trainee, COALESCE(started, ''), jorder, seq";

static int read_case(sqlite3_stmt *st, rcase *c) {
    c->journal = dup_col(st, 0), c->seq = sqlite3_column_int(st, 1);
    c->trainee = dup_col(st, 2), c->name = dup_col(st, 3), c->cohort = dup_col(st, 4);
    c->scenario = dup_col(st, 5), c->decision = dup_col(st, 6), c->protection = dup_col(st, 7);
    c->points = sqlite3_column_double(st, 8), c->passed = sqlite3_column_int(st, 9);
    c->critical = dup_col(st, 10);
    for (int k = 0; k < 4; k++)
        c->comp[k] = sqlite3_column_double(st, 11 + k);
    c->secs = sqlite3_column_double(st, 15);
    c->limit = sqlite3_column_type(st, 16) == SQLITE_NULL ? -1 : sqlite3_column_double(st, 16);
    c->missed = dup_col(st, 17), c->detail = dup_col(st, 18);
    char *s[CASE_STRINGS];
    case_strings(c, s);
    return all_made(s, CASE_STRINGS);
}

/* A session belongs to the trainee and cohort its cases were imported under
 * (the sessions row says the same unless a journal was imported twice under
 * different names; the cases are what the report shows). */
static const char *sessions_sql =
    "SELECT journal, session, title, tr, started, cases, passed, reason, pass_marks, trainee_name"
    " FROM"
    " (SELECT s.*, COALESCE((SELECT trainee FROM results r WHERE r.journal = s.journal LIMIT 1),"
    " s.trainee) AS tr, COALESCE((SELECT cohort FROM results r WHERE r.journal = s.journal"
    " LIMIT 1), s.cohort) AS co, (SELECT MIN(rowid) FROM results r WHERE r.journal = s.journal)"
    " AS jorder FROM sessions s)"
    " WHERE (?1 IS NULL OR tr = ?1) AND (?2 IS NULL OR co = ?2) ORDER BY tr, started, jorder";

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

static int read_session(sqlite3_stmt *st, rsession *s, marks *pm) {
    s->journal = dup_col(st, 0), s->session = dup_col(st, 1), s->title = dup_col(st, 2);
    s->trainee = dup_col(st, 3), s->started = dup_col(st, 4);
    s->cases = sqlite3_column_int(st, 5);
    s->passed = sqlite3_column_type(st, 6) == SQLITE_NULL ? -1 : sqlite3_column_int(st, 6);
    s->reason = dup_col(st, 7), s->name = dup_col(st, 9);
    marks_add(pm, (const char *)sqlite3_column_text(st, 8));
    char *all[SESSION_STRINGS];
    session_strings(s, all);
    return all_made(all, SESSION_STRINGS);
}

/* Runs sql with the report's trainee and cohort bound as ?1 and ?2 and
 * hands each row to `row`. Returns SQLITE_DONE, an SQLite error code, or
 * SQLITE_NOMEM when a row could not be kept. */
static int load_rows(sqlite3 *db, const char *sql, report *r,
                     int (*row)(sqlite3_stmt *, report *)) {
    sqlite3_stmt *st = NULL;
    int rc = sqlite3_prepare_v2(db, sql, -1, &st, NULL);
    if (rc != SQLITE_OK) return rc;
    if (r->trainee) sqlite3_bind_text(st, 1, r->trainee, -1, SQLITE_TRANSIENT);
    if (r->cohort) sqlite3_bind_text(st, 2, r->cohort, -1, SQLITE_TRANSIENT);
    while ((rc = sqlite3_step(st)) == SQLITE_ROW)
        if (row(st, r) != 0) {
            rc = SQLITE_NOMEM;
            break;
        }
    sqlite3_finalize(st);
    return rc;
}

static int case_row(sqlite3_stmt *st, report *r) {
    if (grow((void **)&r->c, r->n, &r->cap, sizeof *r->c) != 0) return -1;
    memset(&r->c[r->n], 0, sizeof r->c[0]);
    return read_case(st, &r->c[r->n++]);
}

static int session_row(sqlite3_stmt *st, report *r) {
    if (grow((void **)&r->s, r->ns, &r->scap, sizeof *r->s) != 0) return -1;
    memset(&r->s[r->ns], 0, sizeof r->s[0]);
    return read_session(st, &r->s[r->ns++], &r->pm);
}

/* ------------------------------------------------------------ loading */

/* Whether the results table has the detail column (schema 4 on). */
static void query_has_detail(sqlite3 *db, int *has) {
    sqlite3_stmt *st = NULL;
    *has = 0;
    if (sqlite3_prepare_v2(db, "SELECT 1 FROM pragma_table_info('results') WHERE name = 'detail'",
                           -1, &st, NULL) == SQLITE_OK &&
        sqlite3_step(st) == SQLITE_ROW)
        *has = 1;
    sqlite3_finalize(st);
}

/* Names what the database does hold, so a typo can be put right. */
static void list_known(sqlite3 *db, const char *col) {
    char sql[128];
    snprintf(sql, sizeof sql, "SELECT DISTINCT %s FROM results ORDER BY 1 LIMIT 11", col);
    sqlite3_stmt *st = NULL;
    int n = 0;
    if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) == SQLITE_OK)
        for (; sqlite3_step(st) == SQLITE_ROW; n++)
            fprintf(stderr, "%s'%s'", n ? ", " : "",
                    n < 10 ? (const char *)sqlite3_column_text(st, 0) : "...");
    sqlite3_finalize(st);
    if (!n) fprintf(stderr, "(none: import journals with `borderlab results import`)");
    fputc('\n', stderr);
}

/* Says why there is nothing to report: no decided case yet, or no such
 * trainee or cohort (then names those the database knows). */
static void nothing_to_report(sqlite3 *db, const report *r) {
    const char *what = r->trainee ? "trainee" : "cohort";
    if (r->ns)
        fprintf(stderr,
                "borderlab report: %s '%s' in '%s' has %d session(s) but no decided case yet: "
                "nothing to report (import the journal again once cases are decided)\n",
                what, r->trainee ? r->trainee : r->cohort, r->db_path, r->ns);
    else {
        fprintf(stderr, "borderlab report: no %s '%s' in '%s'; it knows: ", what,
                r->trainee ? r->trainee : r->cohort, r->db_path);
        list_known(db, what);
    }
}

int report_load(report *r) {
    sqlite3 *db = NULL;
    bl_err err = {0};
    if (results_db_open_read(r->db_path, &db, &err) != 0) return cmd_fail("report", &err);
    /* a database from before schema 4 keeps no case's detail */
    int with_detail = 0;
    query_has_detail(db, &with_detail);
    char sql[1024];
    snprintf(sql, sizeof sql, cases_sql, with_detail ? "detail" : "NULL");
    int rc = 0, qc = load_rows(db, sql, r, case_row);
    if (qc == SQLITE_DONE) qc = load_rows(db, sessions_sql, r, session_row);
    if (qc == SQLITE_NOMEM)
        err_setc(&err, BL_E_NOMEM, "out of memory reading '%s'", r->db_path);
    else if (qc != SQLITE_DONE)
        results_db_read_error(db, r->db_path, &err);
    if (qc != SQLITE_DONE)
        rc = cmd_fail("report", &err);
    else if (r->n == 0)
        nothing_to_report(db, r), rc = 1;
    sqlite3_close(db);
    return rc;
}

const char *report_trainee_name(const report *r, const char *trainee) {
    for (int i = 0; i < r->n; i++)
        if (!strcmp(r->c[i].trainee, trainee) && *r->c[i].name) return r->c[i].name;
    for (int i = 0; i < r->ns; i++)
        if (!strcmp(r->s[i].trainee, trainee) && *r->s[i].name) return r->s[i].name;
    return "";
}

/* ------------------------------------------------------------ groups */

/* Linear lookup: a cohort has tens of scenarios and trainees, not thousands. */
static group *groups_get(groups *gs, const char *key) {
    for (int i = 0; i < gs->n; i++)
        if (!strcmp(gs->g[i].key, key)) return &gs->g[i];
    if (grow((void **)&gs->g, gs->n, &gs->cap, sizeof *gs->g) != 0) return NULL;
    group *g = &gs->g[gs->n];
    memset(g, 0, sizeof *g);
    g->limit = -1;
    if (!(g->key = strdup(key))) return NULL;
    gs->n++;
    return g;
}

void groups_free(groups *gs) {
    for (int i = 0; i < gs->n; i++)
        free(gs->g[i].key);
    free(gs->g);
}

static int group_cmp(const void *a, const void *b) {
    return strcmp(((const group *)a)->key, ((const group *)b)->key);
}

static void group_add(group *g, const rcase *c) {
    if (!g->n || c->secs < g->secs_min) g->secs_min = c->secs;
    if (!g->n || c->secs > g->secs_max) g->secs_max = c->secs;
    g->n++, g->passed += c->passed, g->points += c->points, g->secs += c->secs;
    if (c->limit > g->limit) g->limit = c->limit;
    if (!g->last_trainee || strcmp(g->last_trainee, c->trainee)) g->trainees++;
    g->last_trainee = c->trainee;
}

int report_each_id(const char *json, void (*fn)(const char *id, void *ud), void *ud) {
    cJSON *a = cJSON_Parse(json);
    int n = 0;
    const cJSON *v;
    cJSON_ArrayForEach(v, a) {
        if (!cJSON_IsString(v)) continue;
        if (fn) fn(v->valuestring, ud);
        n++;
    }
    cJSON_Delete(a);
    return n;
}

typedef struct crit_ud {
    groups *gs;
    const rcase *c;
    int oom;
} crit_ud;

static void count_critical(const char *id, void *ud) {
    crit_ud *u = ud;
    group *g = groups_get(u->gs, id);
    if (!g)
        u->oom = 1;
    else
        group_add(g, u->c);
}

int report_group_cases(const report *r, groups *by_scn, groups *by_tr, groups *by_crit) {
    crit_ud u = {by_crit, NULL, 0};
    for (int i = 0; i < r->n && !u.oom; i++) {
        group *s = groups_get(by_scn, r->c[i].scenario), *t = groups_get(by_tr, r->c[i].trainee);
        if (!s || !t) return -1;
        group_add(s, &r->c[i]);
        group_add(t, &r->c[i]);
        u.c = &r->c[i];
        t->critical += report_each_id(r->c[i].critical, count_critical, &u) > 0;
    }
    /* a trainee whose session has no decided case yet is still in the cohort */
    for (int i = 0; i < r->ns; i++)
        if (!groups_get(by_tr, r->s[i].trainee)) return -1;
    if (by_tr->n > 1) qsort(by_tr->g, (size_t)by_tr->n, sizeof *by_tr->g, group_cmp);
    if (by_scn->n > 1) qsort(by_scn->g, (size_t)by_scn->n, sizeof *by_scn->g, group_cmp);
    if (by_crit->n > 1) qsort(by_crit->g, (size_t)by_crit->n, sizeof *by_crit->g, group_cmp);
    return u.oom ? -1 : 0;
}
