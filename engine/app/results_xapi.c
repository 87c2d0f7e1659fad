/* results_xapi.c - a results database's journals as xAPI statements
 * (results_xapi.h): the sessions row is the sitting, the results rows its
 * cases; the entry kept with each case (its "detail") gives the decision's
 * clock, which competencies the scenario assesses, and the scenario's titles. */
#define _POSIX_C_SOURCE 200809L /* strdup */
#include "results_xapi.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "record.h"
#include "results_db.h"

static const char *col(sqlite3_stmt *st, int i) {
    const char *t = (const char *)sqlite3_column_text(st, i);
    return t ? t : "";
}

int results_xapi_journals(sqlite3 *db, const char *path, char ***out, int *n, bl_err *err) {
    sqlite3_stmt *st = NULL;
    *out = NULL, *n = 0;
    if (sqlite3_prepare_v2(db, "SELECT journal FROM sessions ORDER BY rowid", -1, &st, NULL) !=
        SQLITE_OK)
        return results_db_read_error(db, path, err);
    int cap = 0, rc = 0, step;
    char **list = NULL;
    while ((step = sqlite3_step(st)) == SQLITE_ROW) {
        if (*n + 1 >= cap) {
            cap = cap ? 2 * cap : 64;
            char **nl = realloc(list, sizeof *nl * (size_t)cap);
            if (!nl) {
                rc = err_setc(err, BL_E_NOMEM, "out of memory listing the journals of '%s'", path);
                break;
            }
            list = nl;
        }
        if (!(list[*n] = strdup(col(st, 0)))) {
            rc = err_setc(err, BL_E_NOMEM, "out of memory listing the journals of '%s'", path);
            break;
        }
        list[++*n] = NULL;
    }
    if (rc == 0 && step != SQLITE_DONE) rc = results_db_read_error(db, path, err);
    sqlite3_finalize(st);
    if (rc) {
        *out = list, results_xapi_free_list(list), *out = NULL, *n = 0;
        return rc;
    }
    if (!list && !(list = calloc(1, sizeof *list)))
        return err_setc(err, BL_E_NOMEM, "out of memory listing the journals of '%s'", path);
    *out = list;
    return 0;
}

void results_xapi_free_list(char **list) {
    for (char **p = list; p && *p; p++)
        free(*p);
    free(list);
}

/* The sitting's row; schema 4 lacks the xAPI columns (pack hash, end),
 * schema 6 the end entry's MAC. */
static const char *sitting_sql_5 =
    "SELECT session, title, trainee, trainee_name, cohort, started, first_mac, passed, reason,"
    " pack_sha256, COALESCE(end_seq, entries), ended_at,"
    " COALESCE(overall, (SELECT AVG(points) FROM results r WHERE r.journal = s.journal)),"
    " COALESCE(elapsed, (SELECT MAX(t) FROM results r WHERE r.journal = s.journal)), %s"
    " FROM sessions s WHERE journal = ?1";
static const char *sitting_sql_4 =
    "SELECT session, title, trainee, trainee_name, cohort, started, first_mac, passed, reason,"
    " '', entries, '', (SELECT AVG(points) FROM results r WHERE r.journal = s.journal),"
    " (SELECT MAX(t) FROM results r WHERE r.journal = s.journal), %s"
    " FROM sessions s WHERE journal = ?1";

/* The texts a sitting points to, kept while its statements are built. */
typedef struct sitting_row {
    char *text[15];
    xapi_sitting s;
} sitting_row;

static void sitting_free(sitting_row *r) {
    for (int i = 0; i < 15; i++)
        free(r->text[i]);
}

/* Reads the sessions row of `journal`: 0, 1 when there is none, -1 on error. */
static int read_sitting(sqlite3 *db, const char *path, const char *journal, sitting_row *r,
                        bl_err *err) {
    sqlite3_stmt *st = NULL;
    memset(r, 0, sizeof *r);
    int version = results_db_version(db);
    char sql[1024];
    snprintf(sql, sizeof sql, version >= 5 ? sitting_sql_5 : sitting_sql_4,
             version >= 7 ? "end_mac" : "''");
    if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK)
        return results_db_read_error(db, path, err);
    sqlite3_bind_text(st, 1, journal, -1, SQLITE_TRANSIENT);
    int step = sqlite3_step(st);
    if (step != SQLITE_ROW) {
        sqlite3_finalize(st);
        return step == SQLITE_DONE ? 1 : results_db_read_error(db, path, err);
    }
    static const int texts[] = {0, 1, 2, 3, 4, 5, 6, 8, 9, 11, 14};
    for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++)
        if (!(r->text[texts[i]] = strdup(col(st, texts[i])))) {
            sqlite3_finalize(st);
            sitting_free(r);
            return err_setc(err, BL_E_NOMEM, "out of memory reading '%s'", path);
        }
    xapi_sitting *s = &r->s;
    s->session = r->text[0], s->title = r->text[1], s->trainee = r->text[2];
    s->trainee_name = r->text[3], s->cohort = r->text[4], s->started = r->text[5];
    s->journal = r->text[6], s->pack_sha256 = r->text[9], s->ended_at = r->text[11];
    s->end_mac = r->text[14];
    s->ended = sqlite3_column_type(st, 7) != SQLITE_NULL;
    s->passed = sqlite3_column_int(st, 7);
    s->time_up = !strcmp(r->text[8], "time_up");
    s->end_seq = sqlite3_column_int(st, 10);
    s->score = sqlite3_column_double(st, 12);
    s->elapsed = sqlite3_column_double(st, 13);
    sqlite3_finalize(st);
    return 0;
}

/* One case row as xapi_case; texts it points to live in `keep` (freed by
 * the caller) and the parsed entry in `e`. */
typedef struct case_keep {
    char *critical[16];
    char names[XAPI_LANGS][128];
} case_keep;

static void case_from_row(sqlite3_stmt *st, record_entry *e, case_keep *k, double prev_t,
                          xapi_case *c) {
    memset(c, 0, sizeof *c);
    c->seq = sqlite3_column_int(st, 0);
    c->scenario = col(st, 1), c->decision = col(st, 2), c->protection = col(st, 3);
    c->points = sqlite3_column_double(st, 4);
    c->passed = sqlite3_column_int(st, 5);
    for (int i = 0; i < 4; i++)
        c->competency[i] = sqlite3_column_double(st, 7 + i), c->assessed[i] = 1;
    c->t = sqlite3_column_double(st, 11);
    /* older desk journals had no per-case time: the time since the previous decision */
    c->seconds =
        sqlite3_column_type(st, 12) != SQLITE_NULL ? sqlite3_column_double(st, 12) : c->t - prev_t;
    c->at = "";
    c->mac = col(st, 14);
    const char *detail = col(st, 13);
    if (detail[0] && record_parse(detail, e, NULL) == 0 && e->kind == REC_CASE) {
        for (int i = 0; i < 4; i++)
            c->assessed[i] = e->kase.assessed[i];
        c->at = e->kase.at;
        const char *langs[XAPI_LANGS];
        for (int i = 0; i < XAPI_LANGS; i++)
            langs[i] = xapi_lang(i);
        unsigned has =
            record_case_titles(detail, langs, XAPI_LANGS, k->names[0], sizeof k->names[0]);
        for (int i = 0; i < XAPI_LANGS; i++)
            if (has >> i & 1) c->names[i] = k->names[i];
    }
    cJSON *crit = cJSON_Parse(col(st, 6));
    const cJSON *it;
    cJSON_ArrayForEach(it, crit) {
        if (cJSON_IsString(it) && c->n_critical < 16 &&
            (k->critical[c->n_critical] = strdup(it->valuestring)))
            c->n_critical++;
    }
    cJSON_Delete(crit);
    c->critical = (const char *const *)k->critical;
}

/* A case's row; before schema 7 without its entry's MAC. */
static const char *cases_sql =
    "SELECT seq, scenario, decision, protection, points, passed, critical, document_examination,"
    " interview, human_rights, procedure, t, seconds, detail, %s FROM results WHERE journal = ?1"
    " ORDER BY seq";

/* Hands fn a statement made by make (NULL: err says why). */
static int hand(cJSON *st, results_xapi_fn fn, void *ud) {
    if (!st) return -1;
    const cJSON *id = cJSON_GetObjectItemCaseSensitive(st, "id");
    return fn(ud, cJSON_IsString(id) ? id->valuestring : "", st);
}

/* The cases of one journal, in order. */
static int journal_cases(sqlite3 *db, const char *path, const xapi_academy *a,
                         const xapi_sitting *s, const char *journal, results_xapi_fn fn, void *ud,
                         bl_err *err) {
    sqlite3_stmt *st = NULL;
    char sql[512];
    snprintf(sql, sizeof sql, cases_sql, results_db_version(db) >= 7 ? "mac" : "''");
    if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK)
        return results_db_read_error(db, path, err);
    sqlite3_bind_text(st, 1, journal, -1, SQLITE_TRANSIENT);
    record_entry *e = malloc(sizeof *e);
    int rc = e ? 0 : err_setc(err, BL_E_NOMEM, "out of memory reading '%s'", path), step = 0;
    double prev_t = 0;
    while (rc == 0 && (step = sqlite3_step(st)) == SQLITE_ROW) {
        case_keep k;
        xapi_case c;
        memset(&k, 0, sizeof k);
        case_from_row(st, e, &k, prev_t, &c);
        prev_t = c.t;
        rc = hand(xapi_case_statement(a, s, &c, err), fn, ud);
        for (int i = 0; i < 16; i++)
            free(k.critical[i]);
    }
    if (rc == 0 && step != SQLITE_DONE) rc = results_db_read_error(db, path, err);
    free(e);
    sqlite3_finalize(st);
    return rc;
}

int results_xapi_journal(sqlite3 *db, const char *path, const char *journal, const xapi_academy *a,
                         results_xapi_fn fn, void *ud, bl_err *err) {
    sitting_row r;
    int rc = read_sitting(db, path, journal, &r, err);
    if (rc) return rc > 0 ? 0 : rc;
    if (!r.s.journal[0]) {
        sitting_free(&r);
        return err_setc(err, BL_E_INPUT,
                        "%s in '%s' has no identity (imported by an older borderlab): import "
                        "it again with `borderlab results import`",
                        journal, path);
    }
    xapi_verb v[4];
    int nv = xapi_sitting_verbs(&r.s, v), i = 0;
    if (nv > 0 && v[0] == XAPI_INITIALIZED)
        rc = hand(xapi_sitting_statement(a, &r.s, v[i++], err), fn, ud);
    if (rc == 0) rc = journal_cases(db, path, a, &r.s, journal, fn, ud, err);
    for (; rc == 0 && i < nv; i++)
        rc = hand(xapi_sitting_statement(a, &r.s, v[i], err), fn, ud);
    sitting_free(&r);
    return rc;
}
