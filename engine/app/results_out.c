/* results_out.c - `borderlab results query|export`: the results database
 * read back, grouped (query: one JSON object per line) or row by row (export:
 * CSV, or xAPI 1.0.3 statements for the academy's learning record store).
 * Both open the database read-only through results_db_open_read. */
#include <cjson/cJSON.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "results_db.h"
#include "results_xapi.h"

/* Results grouped by trainee, cohort, scenario or competency: one JSON object per line. */
int results_query(const char *db_path, const char *by, const char *trainee, const char *cohort,
                  const char *scenario) {
    sqlite3 *db = NULL;
    bl_err err = {0};
    if (results_db_open_read(db_path, &db, &err) != 0) return cmd_fail("results", &err);
    const char *col = !strcmp(by, "cohort")     ? "cohort"
                      : !strcmp(by, "scenario") ? "scenario"
                                                : "trainee";
    char sql[1024];
    snprintf(
        sql, sizeof sql,
        "SELECT %s, COUNT(*), AVG(points), AVG(passed), AVG(document_examination), AVG(interview),"
        " AVG(human_rights), AVG(procedure) FROM results WHERE (?1 IS NULL OR trainee = ?1)"
        " AND (?2 IS NULL OR cohort = ?2) AND (?3 IS NULL OR scenario = ?3)"
        " GROUP BY %s ORDER BY %s",
        col, col, col);
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK) {
        int rc = results_db_fail(db, "cannot read", db_path);
        sqlite3_close(db);
        return rc;
    }
    if (trainee) sqlite3_bind_text(st, 1, trainee, -1, SQLITE_TRANSIENT);
    if (cohort) sqlite3_bind_text(st, 2, cohort, -1, SQLITE_TRANSIENT);
    if (scenario) sqlite3_bind_text(st, 3, scenario, -1, SQLITE_TRANSIENT);
    int rows = 0;
    while (sqlite3_step(st) == SQLITE_ROW) {
        cJSON *o = cJSON_CreateObject();
        cJSON_AddStringToObject(o, col, (const char *)sqlite3_column_text(st, 0));
        cJSON_AddNumberToObject(o, "cases", sqlite3_column_int(st, 1));
        cJSON_AddNumberToObject(o, "mean_points", sqlite3_column_double(st, 2));
        cJSON_AddNumberToObject(o, "pass_rate", sqlite3_column_double(st, 3));
        cJSON *c = cJSON_AddObjectToObject(o, "competencies");
        static const char *names[4] = {"document_examination", "interview", "human_rights",
                                       "procedure"};
        for (int k = 0; k < 4; k++)
            cJSON_AddNumberToObject(c, names[k], sqlite3_column_double(st, 4 + k));
        char *s = cJSON_PrintUnformatted(o);
        puts(s);
        free(s);
        cJSON_Delete(o);
        rows++;
    }
    sqlite3_finalize(st);
    sqlite3_close(db);
    return rows ? 0 : 1;
}

/* Prints one statement as a line. */
static int print_statement(void *ud, const char *id, cJSON *st) {
    (void)ud, (void)id;
    char *text = cJSON_PrintUnformatted(st);
    cJSON_Delete(st);
    if (!text) return -1;
    puts(text);
    free(text);
    return 0;
}

/* Every journal's statements (results_xapi.h), one JSON object a line. */
static int export_xapi(sqlite3 *db, const char *db_path, const xapi_academy *a) {
    bl_err err = {0};
    char **journals = NULL;
    int n = 0, rc = results_xapi_journals(db, db_path, &journals, &n, &err);
    for (int i = 0; rc == 0 && i < n; i++)
        rc = results_xapi_journal(db, db_path, journals[i], a, print_statement, NULL, &err);
    results_xapi_free_list(journals);
    return rc ? cmd_fail("results", &err) : 0;
}

/* CSV (one row per case) or xAPI 1.0.3 statements (one JSON object per line,
 * results_xapi.h) for the academy's learning record store. The duration of a case is its
 * own time at the desk (older desk journals: the time since the previous
 * decision). */
int results_export(const char *db_path, const char *format, const xapi_academy *a) {
    sqlite3 *db = NULL;
    bl_err err = {0};
    if (results_db_open_read(db_path, &db, &err) != 0) return cmd_fail("results", &err);
    if (strcmp(format, "csv")) {
        int rc = export_xapi(db, db_path, a);
        sqlite3_close(db);
        return rc;
    }
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(
            db,
            "SELECT trainee, cohort, scenario, decision, protection, points, passed,"
            " critical, document_examination, interview, human_rights, procedure, t,"
            " COALESCE(seconds, t - COALESCE(LAG(t) OVER (PARTITION BY journal ORDER BY seq), 0))"
            " FROM results ORDER BY journal, seq",
            -1, &st, NULL) != SQLITE_OK) {
        int rc = results_db_fail(db, "cannot read", db_path);
        sqlite3_close(db);
        return rc;
    }
    puts("trainee,cohort,scenario,decision,protection,points,passed,critical,"
         "document_examination,interview,human_rights,procedure,seconds");
    while (sqlite3_step(st) == SQLITE_ROW) {
        const char *tr = (const char *)sqlite3_column_text(st, 0);
        const char *sc = (const char *)sqlite3_column_text(st, 2);
        double pts = sqlite3_column_double(st, 5), secs = sqlite3_column_double(st, 13);
        int passed = sqlite3_column_int(st, 6);
        /* fields are ids and numbers; critical is a JSON list: quote it */
        const char *crit = (const char *)sqlite3_column_text(st, 7);
        printf("%s,%s,%s,%s,%s,%.1f,%d,\"", tr, sqlite3_column_text(st, 1), sc,
               sqlite3_column_text(st, 3), sqlite3_column_text(st, 4), pts, passed);
        for (const char *c = crit; c && *c; c++)
            printf(*c == '"' ? "\"\"" : "%c", *c);
        printf("\",%.3f,%.3f,%.3f,%.3f,%.1f\n", sqlite3_column_double(st, 8),
               sqlite3_column_double(st, 9), sqlite3_column_double(st, 10),
               sqlite3_column_double(st, 11), secs);
    }
    sqlite3_finalize(st);
    sqlite3_close(db);
    return 0;
}
