/* results_db.c - `borderlab results import|query|export`: exam results in SQLite.
 *
 * import verifies a journal first (an edited journal never reaches the
 * database), then inserts its entries in one transaction; importing the same
 * journal again adds nothing. A locked or read-only database is reported and
 * nothing is half-written (the transaction rolls back). Also the read-only
 * open every reader shares (results_db.h). */
#define _XOPEN_SOURCE 700 /* realpath */
#include <cjson/cJSON.h>
#include <errno.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cmd.h"
#include "fsio.h"
#include "decision.h"
#include "journal.h"
#include "keyfile.h"
#include "packsig.h"
#include "record.h"
#include "results_db.h"

#define STR_(x) #x
#define STR(x)  STR_(x)

/* The schema, RESULTS_SCHEMA_VERSION. results: one row per decided case.
 * sessions: one row per journal (a certification session's header and, once
 * it ended, its verdict; a plain desk journal has an empty session id and no
 * verdict). */
static const char *schema =
    "CREATE TABLE IF NOT EXISTS results ("
    " journal TEXT NOT NULL, seq INTEGER NOT NULL, session TEXT NOT NULL, trainee TEXT NOT NULL,"
    " trainee_name TEXT NOT NULL, cohort TEXT NOT NULL, scenario TEXT NOT NULL, decision TEXT,"
    " protection TEXT, points REAL, passed INTEGER, critical TEXT, document_examination REAL,"
    " interview REAL, human_rights REAL, procedure REAL, t REAL, seconds REAL, time_limit REAL,"
    " missed TEXT, detail TEXT, PRIMARY KEY (journal, seq));"
    "CREATE TABLE IF NOT EXISTS sessions ("
    " journal TEXT PRIMARY KEY, session TEXT NOT NULL, title TEXT NOT NULL, trainee TEXT NOT NULL,"
    " trainee_name TEXT NOT NULL, cohort TEXT NOT NULL, started TEXT NOT NULL, exam INTEGER,"
    " cases INTEGER, passed INTEGER, reason TEXT, pass_marks TEXT, first_mac TEXT,"
    " entries INTEGER);"
    "CREATE INDEX IF NOT EXISTS sessions_first_mac ON sessions (first_mac);"
    "PRAGMA user_version = " STR(RESULTS_SCHEMA_VERSION) ";";

/* From schema 2: the entries a journal had when imported (an import never
 * goes back to fewer), and the index a copy is looked up by. */
static const char *migrate_2 = "ALTER TABLE sessions ADD COLUMN entries INTEGER;";
/* From schema 3: each case's whole entry (its debrief: flags, transcript,
 * the scenario's words), for reports that show a case as the desk did. */
static const char *migrate_3 = "ALTER TABLE results ADD COLUMN detail TEXT;";

/* What to do about an SQLite error, the same words for reading and writing. */
static const char *db_advice(int code) {
    return code == SQLITE_BUSY || code == SQLITE_LOCKED
               ? "another program holds the database: try again when it is done"
           : code == SQLITE_READONLY ? "the database is read-only"
           : code == SQLITE_NOTADB
               ? "it is not an SQLite database: give the file `borderlab results import --db` "
                 "wrote"
           : code == SQLITE_CANTOPEN || code == SQLITE_PERM
               ? "check the path and that you may read the file"
               : "check the file, or import the journals again into a new database";
}

static int db_fail(sqlite3 *db, const char *what, const char *path) {
    fprintf(stderr, "borderlab results: %s '%s': %s (%s)\n", what, path, sqlite3_errmsg(db),
            db_advice(sqlite3_errcode(db)));
    return 2;
}

/* The one integer a query such as a PRAGMA answers; SQLITE_OK, else the
 * error code (*out unchanged). */
static int query_int(sqlite3 *db, const char *sql, int *out) {
    sqlite3_stmt *st = NULL;
    int rc = sqlite3_prepare_v2(db, sql, -1, &st, NULL);
    if (rc == SQLITE_OK && (rc = sqlite3_step(st)) == SQLITE_ROW)
        *out = sqlite3_column_int(st, 0), rc = SQLITE_OK;
    sqlite3_finalize(st);
    return rc;
}

int results_db_read_error(sqlite3 *db, const char *path, bl_err *err) {
    return err_setc(err, BL_E_IO, "cannot read the results database '%s': %s (%s)", path,
                    sqlite3_errmsg(db), db_advice(sqlite3_errcode(db)));
}

/* How many of the two tables a results database has. */
static const char *tables_sql =
    "SELECT COUNT(*) FROM sqlite_master WHERE name IN ('results', 'sessions')";

/* The one check of a database's schema: both tables, of a version this
 * borderlab reads (*version receives it, 0 for a new one); a new, empty
 * database passes when it may be new (import makes its tables). */
static int check_schema(sqlite3 *db, const char *path, int may_be_new, int *version_out,
                        bl_err *err) {
    int version = -1, tables = 0;
    if (query_int(db, tables_sql, &tables) != SQLITE_OK ||
        query_int(db, "PRAGMA user_version", &version) != SQLITE_OK)
        return results_db_read_error(db, path, err);
    if (version_out) *version_out = tables ? version : 0;
    if ((tables == 0 && may_be_new) ||
        (tables == 2 && version >= RESULTS_SCHEMA_OLDEST && version <= RESULTS_SCHEMA_VERSION))
        return 0;
    return err_setc(err, BL_E_INPUT,
                    "'%s' is not a results database of schema %d (it has schema %d%s): import "
                    "the journals into a new database with `borderlab results import`",
                    path, RESULTS_SCHEMA_VERSION, version,
                    tables == 2 ? "" : " and lacks the results tables");
}

int results_db_open_read(const char *path, sqlite3 **db, bl_err *err) {
    struct stat sbuf;
    *db = NULL;
    if (stat(path, &sbuf) != 0)
        return err_setc(err, BL_E_IO,
                        "no results database at '%s': %s (make one with `borderlab results "
                        "import JOURNAL --key KEY --db %s`)",
                        path, strerror(errno), path);
    int rc = 0;
    if (sqlite3_open_v2(path, db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
        rc = results_db_read_error(*db, path, err);
    else {
        sqlite3_busy_timeout(*db, 2000);
        rc = check_schema(*db, path, 0, NULL, err);
    }
    if (rc) {
        sqlite3_close(*db);
        *db = NULL;
    }
    return rc;
}

/* Who the journal belongs to: a session journal names its trainee in its
 * first entry; a plain desk journal needs --trainee and --cohort. */
typedef struct who {
    const char *session, *title, *trainee, *name, *cohort, *started;
    int exam, cases, passed; /* passed: -1 not ended */
    const char *reason;
    char *marks; /* JSON text */
    const char *first_mac;
    int entries; /* how many entries the journal holds */
} who;

static int insert_session(sqlite3 *db, const char *journal_path, const who *w) {
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(db,
                           "INSERT OR REPLACE INTO sessions VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8,"
                           " ?9, ?10, ?11, ?12, ?13, ?14)",
                           -1, &st, NULL) != SQLITE_OK)
        return -1;
    const char *texts[] = {journal_path, w->session, w->title,  w->trainee,
                           w->name,      w->cohort,  w->started};
    for (int k = 0; k < 7; k++)
        sqlite3_bind_text(st, k + 1, texts[k], -1, SQLITE_TRANSIENT);
    sqlite3_bind_int(st, 8, w->exam);
    sqlite3_bind_int(st, 9, w->cases);
    if (w->passed >= 0) sqlite3_bind_int(st, 10, w->passed);
    if (w->reason) sqlite3_bind_text(st, 11, w->reason, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 12, w->marks ? w->marks : "{}", -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 13, w->first_mac, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int(st, 14, w->entries);
    int rc = sqlite3_step(st) == SQLITE_DONE ? 0 : -1;
    sqlite3_finalize(st);
    return rc;
}

static int results_import_path(const char *journal_path, const results_import_opts *o);

/* The verified entries of a journal as the exam record reads them
 * (record.h), each with its sequence number, and the MAC of the first (the
 * journal's identity, wherever it is copied). */
typedef struct entries {
    record_entry **e;
    char **json; /* each entry's text (a case's detail) */
    int *seq;
    int n, cap;
    int bad; /* an entry could not be read or kept */
    char first_mac[65];
} entries;

static void collect(void *ud, int seq, const char *json, const char *mac) {
    entries *g = ud;
    if (g->n == g->cap) {
        int cap = g->cap ? 2 * g->cap : 64;
        record_entry **ne = realloc(g->e, sizeof *ne * (size_t)cap);
        if (ne) g->e = ne;
        int *ns = realloc(g->seq, sizeof *ns * (size_t)cap);
        if (ns) g->seq = ns;
        char **nj = realloc(g->json, sizeof *nj * (size_t)cap);
        if (nj) g->json = nj;
        if (!ne || !ns || !nj) {
            g->bad = 1;
            return;
        }
        g->cap = cap;
    }
    if (seq == 1) snprintf(g->first_mac, sizeof g->first_mac, "%s", mac);
    record_entry *e = malloc(sizeof *e);
    char *text = strdup(json);
    if (!e || !text || record_parse(json, e, NULL) != 0) {
        free(e);
        free(text);
        g->bad = 1;
        return;
    }
    g->seq[g->n] = seq;
    g->json[g->n] = text;
    g->e[g->n++] = e;
}

static void entries_free(entries *g) {
    for (int i = 0; i < g->n; i++)
        free(g->e[i]), free(g->json[i]);
    free(g->e);
    free(g->json);
    free(g->seq);
}

/* The journal already imported with this first MAC, or NULL. */
static char *known_as(sqlite3 *db, const char *first_mac) {
    sqlite3_stmt *st = NULL;
    char *path = NULL;
    if (sqlite3_prepare_v2(db, "SELECT journal FROM sessions WHERE first_mac = ?1", -1, &st,
                           NULL) != SQLITE_OK)
        return NULL;
    sqlite3_bind_text(st, 1, first_mac, -1, SQLITE_TRANSIENT);
    if (sqlite3_step(st) == SQLITE_ROW) {
        const char *p = (const char *)sqlite3_column_text(st, 0);
        if (p && (path = malloc(strlen(p) + 1))) strcpy(path, p);
    }
    sqlite3_finalize(st);
    return path;
}

/* A journal imported before under another trainee or cohort stays theirs:
 * importing it again under other names would split its cases from its row. */
/* An import never goes back: a copy of a journal with fewer entries than
 * were imported from it before (cut short, or an old copy) would replace a
 * stored verdict with "not finished". Refused; what is stored stays. */
static int older_copy(sqlite3 *db, const char *journal, const who *w) {
    sqlite3_stmt *st = NULL;
    int before = -1;
    if (sqlite3_prepare_v2(db, "SELECT entries FROM sessions WHERE journal = ?1", -1, &st, NULL) ==
        SQLITE_OK) {
        sqlite3_bind_text(st, 1, journal, -1, SQLITE_TRANSIENT);
        if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_type(st, 0) != SQLITE_NULL)
            before = sqlite3_column_int(st, 0);
        sqlite3_finalize(st);
    }
    if (before <= w->entries) return 0;
    fprintf(stderr,
            "borderlab results: this copy of %s holds %d entr%s, but %d were imported from it "
            "before: entries %d-%d are missing (cut short, or an older copy); nothing imported, "
            "the stored results stay\n",
            journal, w->entries, w->entries == 1 ? "y" : "ies", before, w->entries + 1, before);
    return 1;
}

static int owner_differs(sqlite3 *db, const char *journal, const who *w) {
    sqlite3_stmt *st = NULL;
    int differs = 0;
    if (sqlite3_prepare_v2(db, "SELECT trainee, cohort FROM sessions WHERE journal = ?1", -1, &st,
                           NULL) != SQLITE_OK)
        return 0;
    sqlite3_bind_text(st, 1, journal, -1, SQLITE_TRANSIENT);
    if (sqlite3_step(st) == SQLITE_ROW) {
        const char *t = (const char *)sqlite3_column_text(st, 0);
        const char *c = (const char *)sqlite3_column_text(st, 1);
        if (strcmp(t ? t : "", w->trainee) || strcmp(c ? c : "", w->cohort)) {
            fprintf(stderr,
                    "borderlab results: %s was imported before for trainee '%s' of cohort '%s'; "
                    "nothing imported (import it into another database to file it otherwise)\n",
                    journal, t ? t : "", c ? c : "");
            differs = 1;
        }
    }
    sqlite3_finalize(st);
    return differs;
}

int results_import(const char *journal_arg, const results_import_opts *o) {
    /* a journal is known by its full path, however it is named on the command line */
    char *abs = realpath(journal_arg, NULL);
    int rc = results_import_path(abs ? abs : journal_arg, o);
    free(abs);
    return rc;
}

int results_import_all(char *const *journals, int n, const results_import_opts *o) {
    int rc = 0;
    for (int k = 0; k < n; k++) {
        int r = results_import(journals[k], o);
        if (r > rc) rc = r;
    }
    return rc;
}

/* A JSON list of strings, as the database keeps critical errors and missed
 * defects. Caller frees. */
static char *json_list(const char *const *items, int n) {
    cJSON *a = cJSON_CreateArray();
    for (int i = 0; i < n; i++)
        cJSON_AddItemToArray(a, cJSON_CreateString(items[i]));
    char *text = cJSON_PrintUnformatted(a);
    cJSON_Delete(a);
    return text;
}

/* Binds one case's row (journal and seq are bound by the caller). */
static void bind_case(sqlite3_stmt *st, const who *w, const record_case *c, const char *json,
                      double case_limit) {
    const desk_debrief *d = &c->d;
    const char *crit[DEBRIEF_MAX_CRITICAL], *missed[DEBRIEF_MAX_ITEMS];
    int n_missed = 0;
    for (int k = 0; k < d->n_critical; k++)
        crit[k] = d->critical[k];
    for (int k = 0; k < d->n_items; k++)
        if (d->items[k].found < 2) missed[n_missed++] = d->items[k].defect;
    char *crit_text = json_list(crit, d->n_critical), *missed_text = json_list(missed, n_missed);
    const char *texts[] = {w->session,
                           w->trainee,
                           w->name,
                           w->cohort,
                           c->traveler,
                           decision_name(d->decision),
                           protection_name(d->protection)};
    for (int k = 0; k < 7; k++)
        sqlite3_bind_text(st, 3 + k, texts[k], -1, SQLITE_TRANSIENT);
    sqlite3_bind_double(st, 10, d->points);
    sqlite3_bind_int(st, 11, d->passed);
    sqlite3_bind_text(st, 12, crit_text ? crit_text : "[]", -1, SQLITE_TRANSIENT);
    for (int k = 0; k < 4; k++)
        sqlite3_bind_double(st, 13 + k, d->competency[k]);
    sqlite3_bind_double(st, 17, c->t);
    /* older desk journals have no per-case seconds: leave it NULL */
    if (c->has_seconds) sqlite3_bind_double(st, 18, c->seconds);
    if (case_limit > 0) sqlite3_bind_double(st, 19, case_limit);
    sqlite3_bind_text(st, 20, missed_text ? missed_text : "[]", -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 21, json, -1, SQLITE_TRANSIENT);
    free(crit_text);
    free(missed_text);
}

/* Inserts every case entry (a copy imported before adds nothing) and notes
 * the session's end in w; returns 0 or an exit code. */
static int insert_cases(sqlite3 *db, const char *db_path, const char *journal_path,
                        const entries *got, double case_limit, who *w, int *added) {
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(db,
                           "INSERT OR IGNORE INTO results VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8,"
                           " ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21)",
                           -1, &st, NULL) != SQLITE_OK)
        return db_fail(db, "cannot write to", db_path);
    int rc = 0;
    for (int i = 0; i < got->n && rc == 0; i++) {
        const record_entry *e = got->e[i];
        if (e->kind == REC_END) {
            w->passed = e->end.v.passed;
            w->reason = e->end.time_up ? "time_up" : "completed";
        }
        if (e->kind != REC_CASE) continue; /* headers, clocks and ends are not cases */
        w->cases++;
        sqlite3_reset(st);
        sqlite3_clear_bindings(st);
        sqlite3_bind_text(st, 1, journal_path, -1, SQLITE_TRANSIENT);
        sqlite3_bind_int(st, 2, got->seq[i]);
        bind_case(st, w, &e->kase, got->json[i], case_limit);
        if (sqlite3_step(st) != SQLITE_DONE)
            rc = db_fail(db, "cannot write to", db_path);
        else
            *added += sqlite3_changes(db);
    }
    sqlite3_finalize(st);
    return rc;
}

/* Who the journal is: its session header's trainee and cohort, or the
 * command line's for a plain desk journal. Returns 0 or an exit code. */
static int whose(const char *journal_path, const entries *got, const char *trainee,
                 const char *cohort, who *w, double *case_limit) {
    const record_entry *first = got->n ? got->e[0] : NULL;
    if (first && first->kind == REC_HEADER) {
        const record_header *h = &first->header;
        if ((trainee && strcmp(trainee, h->trainee)) || (cohort && strcmp(cohort, h->cohort))) {
            fprintf(stderr,
                    "borderlab results: %s belongs to trainee '%s' of cohort '%s', not what "
                    "--trainee/--cohort say; nothing imported\n",
                    journal_path, h->trainee, h->cohort);
            return 1;
        }
        w->session = h->session, w->title = h->title, w->name = h->trainee_name;
        w->started = h->started, w->exam = h->exam;
        w->marks = record_pass_marks_json(h);
        w->trainee = h->trainee, w->cohort = h->cohort;
        *case_limit = h->case_limit_s;
        return 0;
    }
    if (!trainee || !cohort) {
        fprintf(stderr,
                "borderlab results: %s is a desk journal without a session header: "
                "say whose it is with --trainee ID --cohort NAME\n",
                journal_path);
        return 2;
    }
    return 0;
}

/* Imports one verified journal in one transaction. */
static int import_entries(const char *journal_path, const char *db_path, const entries *got, who *w,
                          double case_limit) {
    sqlite3 *db = NULL;
    char *known = NULL;
    int rc = 0, added = 0;
    if (sqlite3_open_v2(db_path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_URI,
                        NULL) != SQLITE_OK) {
        rc = db_fail(db, "cannot open", db_path);
        goto done;
    }
    sqlite3_busy_timeout(db, 2000);
    bl_err err = {0};
    int version = 0;
    if (check_schema(db, db_path, 1, &version, &err) != 0) {
        rc = cmd_fail("results", &err);
        goto done;
    }
    if (sqlite3_exec(db, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK ||
        (version == 2 && sqlite3_exec(db, migrate_2, NULL, NULL, NULL) != SQLITE_OK) ||
        (version >= 2 && version <= 3 &&
         sqlite3_exec(db, migrate_3, NULL, NULL, NULL) != SQLITE_OK) ||
        sqlite3_exec(db, schema, NULL, NULL, NULL) != SQLITE_OK) {
        rc = db_fail(db, "cannot write to", db_path);
        goto rollback;
    }
    /* a copy of a journal imported before is that journal (same first MAC) */
    known = known_as(db, got->first_mac);
    if (known && strcmp(known, journal_path)) {
        fprintf(stderr, "borderlab results: %s is a copy of %s, imported before: counted once\n",
                journal_path, known);
        journal_path = known;
    }
    if (owner_differs(db, journal_path, w) || older_copy(db, journal_path, w)) {
        rc = 1;
        goto rollback;
    }
    rc = insert_cases(db, db_path, journal_path, got, case_limit, w, &added);
    if (rc == 0 && insert_session(db, journal_path, w) != 0)
        rc = db_fail(db, "cannot write to", db_path);
    if (rc == 0 && sqlite3_exec(db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK)
        rc = db_fail(db, "cannot commit to", db_path);
    if (rc == 0) {
        printf("imported %d new of %d cases from %s into %s\n", added, w->cases, journal_path,
               db_path);
        goto done;
    }
rollback:
    sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
done:
    sqlite3_close(db);
    free(known);
    return rc;
}

/* With --pack-key: the journal's session must have been sat on a pack that
 * key verified (a journal recorded under another academy's pack is refused;
 * a practice session on an unsigned pack imports with a note). */
static int pack_key_differs(const char *journal_path, const entries *got, const char *pack_key) {
    if (!pack_key) return 0;
    unsigned char pub[PACKSIG_PUBLIC_BYTES];
    char hex[2 * PACKSIG_PUBLIC_BYTES + 1];
    bl_err err = {0};
    if (packsig_public_load(pack_key, pub, &err) != 0) return cmd_fail("results", &err);
    keyfile_hex(pub, sizeof pub, hex);
    const record_entry *first = got->n ? got->e[0] : NULL;
    if (!first || first->kind != REC_HEADER) return 0; /* a plain desk's: no pack */
    const record_header *h = &first->header;
    if (!strcmp(h->pack_public_key, hex)) return 0;
    if (!h->pack_public_key[0] && !h->exam) {
        fprintf(stderr, "borderlab results: note: %s was a practice session on an unsigned pack\n",
                journal_path);
        return 0;
    }
    fprintf(stderr,
            "borderlab results: %s was %s, not under this academy's pack key (%s): nothing "
            "imported\n",
            journal_path,
            h->pack_public_key[0] ? "sat on a pack another key signed"
                                  : "an exam on an unverified pack",
            pack_key);
    return 1;
}

static int results_import_path(const char *journal_path, const results_import_opts *o) {
    bl_err err = {0};
    unsigned char key[JOURNAL_KEY_BYTES];
    int n = 0, torn = 0;
    /* only what was verified is imported: the entries as journal_read hands
     * them over, never the file read a second time; a journal must meet its
     * witness (none cut short) */
    entries got = {0};
    if (journal_key_load(o->key, key, &err) != 0 ||
        journal_read(journal_path, key, o->witness, collect, &got, &n, &torn, &err) != 0 ||
        (got.bad && err_setc(&err, BL_E_NOMEM, "%s: out of memory reading it", journal_path))) {
        fprintf(stderr, "borderlab results: %s; nothing imported\n", err.msg);
        entries_free(&got);
        return err_exit_code(&err);
    }
    if (torn)
        fprintf(stderr,
                "borderlab results: warning: %s: line %d is cut short (a crash while it was "
                "written): it is not an entry; the %d before it are imported\n",
                journal_path, torn, n);
    who w = {"",
             "",
             o->trainee ? o->trainee : "",
             "",
             o->cohort ? o->cohort : "",
             "",
             0,
             0,
             -1,
             NULL,
             NULL,
             got.first_mac,
             n};
    double case_limit = 0;
    int rc = pack_key_differs(journal_path, &got, o->pack_key);
    if (rc == 0) rc = whose(journal_path, &got, o->trainee, o->cohort, &w, &case_limit);
    if (rc == 0) rc = import_entries(journal_path, o->db, &got, &w, case_limit);
    entries_free(&got);
    free(w.marks);
    return rc;
}

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
