/* results_db.c - `borderlab results import|query`: exam results in SQLite.
 *
 * import verifies a journal first (an edited journal never reaches the
 * database), then inserts its entries in one transaction; importing the same
 * journal again adds nothing. A locked or read-only database is reported and
 * nothing is half-written (the transaction rolls back). */
#include <cjson/cJSON.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "fsio.h"
#include "journal.h"

static const char *schema =
    "CREATE TABLE IF NOT EXISTS results ("
    " journal TEXT NOT NULL, seq INTEGER NOT NULL, trainee TEXT NOT NULL, cohort TEXT NOT NULL,"
    " scenario TEXT NOT NULL, decision TEXT, protection TEXT, points REAL, passed INTEGER,"
    " critical TEXT, document_examination REAL, interview REAL, human_rights REAL,"
    " procedure REAL, t REAL, PRIMARY KEY (journal, seq));";

static int db_fail(sqlite3 *db, const char *what, const char *path) {
    fprintf(stderr, "borderlab results: %s '%s': %s%s\n", what, path, sqlite3_errmsg(db),
            sqlite3_errcode(db) == SQLITE_BUSY || sqlite3_errcode(db) == SQLITE_LOCKED
                ? " (another program holds the database: try again when it is done)"
            : sqlite3_errcode(db) == SQLITE_READONLY ? " (the database is read-only)"
                                                     : "");
    return 2;
}

int results_import(const char *journal_path, const char *key_path, const char *db_path,
                   const char *trainee, const char *cohort) {
    bl_err err = {""};
    unsigned char key[JOURNAL_KEY_BYTES];
    int n = 0;
    if (journal_key_load(key_path, key, &err) != 0 ||
        journal_verify(journal_path, key, &n, &err) != 0) {
        fprintf(stderr, "borderlab results: %s; nothing imported\n", err.msg);
        return 1;
    }
    size_t len = 0;
    char *text = fs_read_all(journal_path, 512u << 20, &len, &err);
    if (!text) {
        fprintf(stderr, "borderlab results: %s\n", err.msg);
        return 2;
    }
    sqlite3 *db = NULL;
    int rc = 0, added = 0;
    if (sqlite3_open(db_path, &db) != SQLITE_OK) {
        rc = db_fail(db, "cannot open", db_path);
        goto done;
    }
    sqlite3_busy_timeout(db, 2000);
    if (sqlite3_exec(db, schema, NULL, NULL, NULL) != SQLITE_OK ||
        sqlite3_exec(db, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK) {
        rc = db_fail(db, "cannot write to", db_path);
        goto done;
    }
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(
            db,
            "INSERT OR IGNORE INTO results VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, "
            "?10, ?11, ?12, ?13, ?14, ?15)",
            -1, &st, NULL) != SQLITE_OK) {
        rc = db_fail(db, "cannot write to", db_path);
        sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
        goto done;
    }
    for (char *line = strtok(text, "\n"); line && rc == 0; line = strtok(NULL, "\n")) {
        cJSON *o = cJSON_Parse(line);
        const cJSON *seq = cJSON_GetObjectItemCaseSensitive(o, "seq");
        const cJSON *e = cJSON_GetObjectItemCaseSensitive(o, "entry");
        const cJSON *c = cJSON_GetObjectItemCaseSensitive(e, "competencies");
        char *crit = cJSON_PrintUnformatted(cJSON_GetObjectItemCaseSensitive(e, "critical"));
        sqlite3_reset(st);
        sqlite3_bind_text(st, 1, journal_path, -1, SQLITE_TRANSIENT);
        sqlite3_bind_int(st, 2, seq ? seq->valueint : 0);
        sqlite3_bind_text(st, 3, trainee, -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(st, 4, cohort, -1, SQLITE_TRANSIENT);
        static const char *texts[] = {"traveler", "decision", "protection"};
        for (int k = 0; k < 3; k++) {
            const cJSON *v = cJSON_GetObjectItemCaseSensitive(e, texts[k]);
            sqlite3_bind_text(st, k == 0 ? 5 : 5 + k, cJSON_IsString(v) ? v->valuestring : "", -1,
                              SQLITE_TRANSIENT);
        }
        const cJSON *pts = cJSON_GetObjectItemCaseSensitive(e, "points");
        sqlite3_bind_double(st, 8, cJSON_IsNumber(pts) ? pts->valuedouble : 0);
        sqlite3_bind_int(st, 9, cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(e, "passed")));
        sqlite3_bind_text(st, 10, crit ? crit : "[]", -1, SQLITE_TRANSIENT);
        for (int k = 0; k < 4; k++) {
            const cJSON *v = cJSON_GetArrayItem(c, k);
            sqlite3_bind_double(st, 11 + k, cJSON_IsNumber(v) ? v->valuedouble : 0);
        }
        const cJSON *t = cJSON_GetObjectItemCaseSensitive(e, "t");
        sqlite3_bind_double(st, 15, cJSON_IsNumber(t) ? t->valuedouble : 0);
        if (sqlite3_step(st) != SQLITE_DONE)
            rc = db_fail(db, "cannot write to", db_path);
        else
            added += sqlite3_changes(db);
        free(crit);
        cJSON_Delete(o);
    }
    sqlite3_finalize(st);
    if (rc == 0 && sqlite3_exec(db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK)
        rc = db_fail(db, "cannot commit to", db_path);
    if (rc != 0)
        sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
    else
        printf("imported %d new of %d entries from %s into %s\n", added, n, journal_path, db_path);
done:
    sqlite3_close(db);
    free(text);
    return rc;
}

/* Results grouped by trainee, cohort, scenario or competency: one JSON object per line. */
int results_query(const char *db_path, const char *by, const char *trainee, const char *cohort,
                  const char *scenario) {
    sqlite3 *db = NULL;
    if (sqlite3_open_v2(db_path, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK) {
        int rc = db_fail(db, "cannot open", db_path);
        sqlite3_close(db);
        return rc;
    }
    sqlite3_busy_timeout(db, 2000);
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
        int rc = db_fail(db, "cannot read", db_path);
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

/* CSV (one row per case) or xAPI 1.0.3 statements (one JSON object per line)
 * for the academy's learning record store. The duration of a case is the
 * time since the journal's previous decision. */
int results_export(const char *db_path, const char *format, const char *home) {
    sqlite3 *db = NULL;
    if (sqlite3_open_v2(db_path, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK) {
        int rc = db_fail(db, "cannot open", db_path);
        sqlite3_close(db);
        return rc;
    }
    sqlite3_busy_timeout(db, 2000);
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(db,
                           "SELECT trainee, cohort, scenario, decision, protection, points, passed,"
                           " critical, document_examination, interview, human_rights, procedure, t,"
                           " t - COALESCE(LAG(t) OVER (PARTITION BY journal ORDER BY seq), 0)"
                           " FROM results ORDER BY journal, seq",
                           -1, &st, NULL) != SQLITE_OK) {
        int rc = db_fail(db, "cannot read", db_path);
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
        snprintf(id, sizeof id, "%s/borderlab/scenarios/%s", home, sc);
        cJSON_AddStringToObject(obj, "objectType", "Activity");
        cJSON_AddStringToObject(obj, "id", id);
        cJSON_AddStringToObject(
            cJSON_AddObjectToObject(cJSON_AddObjectToObject(obj, "definition"), "name"), "en-US",
            sc);
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
    sqlite3_finalize(st);
    sqlite3_close(db);
    return 0;
}
