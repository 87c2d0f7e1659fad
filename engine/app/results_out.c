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

/* One xAPI 1.0.3 statement: trainee (an account on the academy's home page)
 * passed or failed an activity (a scenario, or a whole session), with the
 * score scaled 0..1 and raw 0..100, success and duration. */
static void xapi_statement(const char *home, const char *tr, const char *kind, const char *id_part,
                           const char *name, double pts, int passed, double secs) {
    cJSON *o = cJSON_CreateObject();
    cJSON *actor = cJSON_AddObjectToObject(o, "actor");
    cJSON_AddStringToObject(actor, "objectType", "Agent");
    cJSON *acc = cJSON_AddObjectToObject(actor, "account");
    cJSON_AddStringToObject(acc, "homePage", home);
    cJSON_AddStringToObject(acc, "name", tr);
    cJSON *verb = cJSON_AddObjectToObject(o, "verb");
    cJSON_AddStringToObject(verb, "id",
                            passed ? "http://adlnet.gov/expapi/verbs/passed"
                                   : "http://adlnet.gov/expapi/verbs/failed");
    cJSON_AddStringToObject(cJSON_AddObjectToObject(verb, "display"), "en-US",
                            passed ? "passed" : "failed");
    cJSON *obj = cJSON_AddObjectToObject(o, "object");
    char id[512];
    snprintf(id, sizeof id, "%s/borderlab/%s/%s", home, kind, id_part);
    cJSON_AddStringToObject(obj, "objectType", "Activity");
    cJSON_AddStringToObject(obj, "id", id);
    cJSON_AddStringToObject(
        cJSON_AddObjectToObject(cJSON_AddObjectToObject(obj, "definition"), "name"), "en-US", name);
    cJSON *res = cJSON_AddObjectToObject(o, "result");
    cJSON *score = cJSON_AddObjectToObject(res, "score");
    cJSON_AddNumberToObject(score, "scaled", pts / 100.0);
    cJSON_AddNumberToObject(score, "raw", pts);
    cJSON_AddNumberToObject(score, "min", 0);
    cJSON_AddNumberToObject(score, "max", 100);
    cJSON_AddBoolToObject(res, "success", passed);
    char dur[32];
    snprintf(dur, sizeof dur, "PT%.1fS", secs < 0 ? 0 : secs);
    cJSON_AddStringToObject(res, "duration", dur);
    cJSON_AddStringToObject(cJSON_AddObjectToObject(o, "context"), "platform", "borderlab");
    char *s = cJSON_PrintUnformatted(o);
    puts(s);
    free(s);
    cJSON_Delete(o);
}

/* CSV (one row per case) or xAPI 1.0.3 statements (one JSON object per line)
 * for the academy's learning record store. The duration of a case is its
 * own time at the desk (older desk journals: the time since the previous
 * decision). */
int results_export(const char *db_path, const char *format, const char *home) {
    sqlite3 *db = NULL;
    bl_err err = {0};
    if (results_db_open_read(db_path, &db, &err) != 0) return cmd_fail("results", &err);
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
    int csv = !strcmp(format, "csv");
    if (csv)
        puts("trainee,cohort,scenario,decision,protection,points,passed,critical,"
             "document_examination,interview,human_rights,procedure,seconds");
    while (sqlite3_step(st) == SQLITE_ROW) {
        const char *tr = (const char *)sqlite3_column_text(st, 0);
        const char *sc = (const char *)sqlite3_column_text(st, 2);
        double pts = sqlite3_column_double(st, 5), secs = sqlite3_column_double(st, 13);
        int passed = sqlite3_column_int(st, 6);
        if (csv) {
            /* fields are ids and numbers; critical is a JSON list: quote it */
            const char *crit = (const char *)sqlite3_column_text(st, 7);
            printf("%s,%s,%s,%s,%s,%.1f,%d,\"", tr, sqlite3_column_text(st, 1), sc,
                   sqlite3_column_text(st, 3), sqlite3_column_text(st, 4), pts, passed);
            for (const char *c = crit; c && *c; c++)
                printf(*c == '"' ? "\"\"" : "%c", *c);
            printf("\",%.3f,%.3f,%.3f,%.3f,%.1f\n", sqlite3_column_double(st, 8),
                   sqlite3_column_double(st, 9), sqlite3_column_double(st, 10),
                   sqlite3_column_double(st, 11), secs);
            continue;
        }
        xapi_statement(home, tr, "scenarios", sc, sc, pts, passed, secs);
    }
    sqlite3_finalize(st);
    /* and each ended session as a whole: what the LMS records as the
     * certification (its score is the mean of its cases) */
    if (!csv &&
        sqlite3_prepare_v2(db,
                           "SELECT s.trainee, s.session, s.title, s.passed, AVG(r.points), MAX(r.t)"
                           " FROM sessions s JOIN results r ON r.journal = s.journal"
                           " WHERE s.passed IS NOT NULL GROUP BY s.journal ORDER BY s.journal",
                           -1, &st, NULL) == SQLITE_OK) {
        while (sqlite3_step(st) == SQLITE_ROW)
            xapi_statement(home, (const char *)sqlite3_column_text(st, 0), "sessions",
                           (const char *)sqlite3_column_text(st, 1),
                           (const char *)sqlite3_column_text(st, 2), sqlite3_column_double(st, 4),
                           sqlite3_column_int(st, 3), sqlite3_column_double(st, 5));
        sqlite3_finalize(st);
    }
    sqlite3_close(db);
    return 0;
}
