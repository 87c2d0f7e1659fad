/* report_data.c - the report's cases and sessions, read from the results
 * database (report_read.c reads them), and the cohort's groups of them
 * (report_data.h). */
#define _POSIX_C_SOURCE 200809L
#include <cjson/cJSON.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "report_data.h"
#include "report_read.h"
#include "results_db.h"

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
    /* a database from before schema 4 keeps no case's detail; a cohort's
     * page shows none */
    int with_detail = 0;
    if (r->trainee) query_has_detail(db, &with_detail);
    int rc = 0, qc = report_read(db, r, with_detail);
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

/* FNV-1a: the groups' hash table. */
static unsigned key_hash(const char *key) {
    unsigned h = 2166136261u;
    for (const unsigned char *p = (const unsigned char *)key; *p; p++)
        h = (h ^ *p) * 16777619u;
    return h;
}

/* The slot of key in the table: its group's, or the free one it would take. */
static int *groups_slot(const groups *gs, const char *key) {
    unsigned mask = (unsigned)gs->nslot - 1, i = key_hash(key) & mask;
    while (gs->slot[i] && strcmp(gs->g[gs->slot[i] - 1].key, key))
        i = (i + 1) & mask;
    return &gs->slot[i];
}

/* Doubles the table (every group placed again); 0 ok, -1 out of memory. */
static int groups_rehash(groups *gs) {
    int nslot = gs->nslot ? 2 * gs->nslot : 256;
    int *slot = calloc((size_t)nslot, sizeof *slot);
    if (!slot) return -1;
    free(gs->slot);
    gs->slot = slot, gs->nslot = nslot;
    for (int i = 0; i < gs->n; i++)
        *groups_slot(gs, gs->g[i].key) = i + 1;
    return 0;
}

/* The group with that key, made (zeroed, no time limit) when new; NULL out
 * of memory. */
static group *groups_get(groups *gs, const char *key) {
    if (2 * (gs->n + 1) > gs->nslot && groups_rehash(gs) != 0) return NULL;
    int *slot = groups_slot(gs, key);
    if (*slot) return &gs->g[*slot - 1];
    if (report_grow((void **)&gs->g, gs->n, &gs->cap, sizeof *gs->g) != 0) return NULL;
    group *g = &gs->g[gs->n];
    memset(g, 0, sizeof *g);
    g->limit = -1, g->name = "", g->first_session = -1;
    if (!(g->key = strdup(key))) return NULL;
    *slot = ++gs->n;
    return g;
}

void groups_free(groups *gs) {
    for (int i = 0; i < gs->n; i++)
        free(gs->g[i].key);
    free(gs->g);
    free(gs->slot);
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
    if (!strcmp(json, "[]")) return 0; /* most cases: no critical error, nothing missed */
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
        if (!*t->name) t->name = r->c[i].name; /* the first case's name that is not "" */
        u.c = &r->c[i];
        t->critical += report_each_id(r->c[i].critical, count_critical, &u) > 0;
    }
    /* a trainee whose session has no decided case yet is still in the
     * cohort; a name from a session only when no case has one */
    for (int i = 0; i < r->ns; i++) {
        group *t = groups_get(by_tr, r->s[i].trainee);
        if (!t) return -1;
        if (t->first_session < 0) t->first_session = i;
        t->ns++;
        if (!*t->name) t->name = r->s[i].name;
    }
    if (by_tr->n > 1) qsort(by_tr->g, (size_t)by_tr->n, sizeof *by_tr->g, group_cmp);
    if (by_scn->n > 1) qsort(by_scn->g, (size_t)by_scn->n, sizeof *by_scn->g, group_cmp);
    if (by_crit->n > 1) qsort(by_crit->g, (size_t)by_crit->n, sizeof *by_crit->g, group_cmp);
    return u.oom ? -1 : 0;
}
