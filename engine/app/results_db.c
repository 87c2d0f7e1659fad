/* results_db.c - `borderlab results import`: exam results in SQLite; the
 * schema, its migrations, and the read-only open every reader shares
 * (results_db.h; query and export: results_out.c).
 *
 * import verifies each journal first (an edited journal never reaches the
 * database), then inserts its entries; importing the same journal again adds
 * nothing. Journals go in by batches of transactions (see BATCH_JOURNALS),
 * each journal all or nothing. A locked or read-only database is reported and
 * nothing is half-written (the transaction rolls back). */
#define _XOPEN_SOURCE 700 /* realpath, open_memstream, clock_gettime */
#include <cjson/cJSON.h>
#include <errno.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "cmd.h"
#include "fsio.h"
#include "decision.h"
#include "journal.h"
#include "keyfile.h"
#include "packsig.h"
#include "record.h"
#include "results_db.h"
#include "results_xapi.h"

#define STR_(x) #x
#define STR(x)  STR_(x)

/* The schema, RESULTS_SCHEMA_VERSION. results: one row per decided case.
 * sessions: one row per journal (a certification session's header and, once
 * it ended, its verdict; a plain desk journal has an empty session id and no
 * verdict). lrs_sent: the xAPI statements a learning record store accepted
 * (lrs_push.c), so an interrupted push resumes. */
static const char *tables =
    "CREATE TABLE IF NOT EXISTS results ("
    " journal TEXT NOT NULL, seq INTEGER NOT NULL, session TEXT NOT NULL, trainee TEXT NOT NULL,"
    " trainee_name TEXT NOT NULL, cohort TEXT NOT NULL, scenario TEXT NOT NULL, decision TEXT,"
    " protection TEXT, points REAL, passed INTEGER, critical TEXT, document_examination REAL,"
    " interview REAL, human_rights REAL, procedure REAL, t REAL, seconds REAL, time_limit REAL,"
    " missed TEXT, detail TEXT, mac TEXT, PRIMARY KEY (journal, seq));"
    "CREATE TABLE IF NOT EXISTS sessions ("
    " journal TEXT PRIMARY KEY, session TEXT NOT NULL, title TEXT NOT NULL, trainee TEXT NOT NULL,"
    " trainee_name TEXT NOT NULL, cohort TEXT NOT NULL, started TEXT NOT NULL, exam INTEGER,"
    " cases INTEGER, passed INTEGER, reason TEXT, pass_marks TEXT, first_mac TEXT,"
    " entries INTEGER, pack_sha256 TEXT, end_seq INTEGER, ended_at TEXT, overall REAL,"
    " elapsed REAL, end_mac TEXT);"
    "CREATE TABLE IF NOT EXISTS lrs_sent ("
    " lrs TEXT NOT NULL, id TEXT NOT NULL, journal TEXT NOT NULL, sent TEXT NOT NULL,"
    " PRIMARY KEY (lrs, id));";

/* What is looked up. An import finds a copy of a journal by its first MAC
 * (and a journal by its path: the primary keys). A report reads one
 * trainee's or one cohort's journals (report_data.c): results_trainee and
 * results_cohort name them, sessions_trainee and sessions_cohort their
 * sessions, and results_cases holds every column of a case but its detail
 * (a case's whole entry, most of a row's bytes), in journal order: a cohort's
 * cases are read from it without reading the rows themselves (which a report
 * of thousands of trainees spent most of its time on). Query and export read
 * it as well. */
static const char *indexes =
    "CREATE INDEX IF NOT EXISTS sessions_first_mac ON sessions (first_mac);"
    "CREATE INDEX IF NOT EXISTS results_cases ON results (journal, seq, trainee, trainee_name,"
    " cohort, scenario, decision, protection, points, passed, critical, document_examination,"
    " interview, human_rights, procedure, t, seconds, time_limit, missed, session);"
    "CREATE INDEX IF NOT EXISTS results_trainee ON results (trainee, journal);"
    "CREATE INDEX IF NOT EXISTS results_cohort ON results (cohort, journal);"
    "CREATE INDEX IF NOT EXISTS sessions_trainee ON sessions (trainee, journal);"
    "CREATE INDEX IF NOT EXISTS sessions_cohort ON sessions (cohort, journal);";

/* What takes a database of schema v to v + 1 (migrations[v -
 * RESULTS_SCHEMA_OLDEST]), run in order by the first import into it, in
 * that import's transaction; then the tables and indexes above are made
 * where missing. */
static const char *const migrations[RESULTS_SCHEMA_VERSION - RESULTS_SCHEMA_OLDEST] = {
    /* 2 to 3: the entries a journal had when imported (an import never goes
     * back to fewer), and the index a copy is looked up by (sessions_first_mac) */
    "ALTER TABLE sessions ADD COLUMN entries INTEGER;",
    /* 3 to 4: each case's whole entry (its debrief: flags, transcript, the
     * scenario's words), for reports that show a case as the desk did */
    "ALTER TABLE results ADD COLUMN detail TEXT;",
    /* 4 to 5 (xAPI): what a sitting's statements need from its header and
     * end entry, and the statements a store accepted (lrs_sent comes from
     * `tables`). Journals imported before have NULL here until imported
     * again: their statements lack the pack hash and use the session's time
     * for the end. */
    "ALTER TABLE sessions ADD COLUMN pack_sha256 TEXT;"
    "ALTER TABLE sessions ADD COLUMN end_seq INTEGER;"
    "ALTER TABLE sessions ADD COLUMN ended_at TEXT;"
    "ALTER TABLE sessions ADD COLUMN overall REAL;"
    "ALTER TABLE sessions ADD COLUMN elapsed REAL;",
    /* 5 to 6: the indexes on trainee and cohort (a report of a cohort of
     * thousands read without going through every row of the store) */
    "",
    /* 6 to 7: each case's entry MAC and the end entry's, which its xAPI
     * statements carry so that the store witnesses the journal's chain
     * (xapi.h). NULL for what was imported before until it is imported
     * again (the statements then lack the MAC). */
    "ALTER TABLE results ADD COLUMN mac TEXT;"
    "ALTER TABLE sessions ADD COLUMN end_mac TEXT;",
};

static const char *version_sql = "PRAGMA user_version = " STR(RESULTS_SCHEMA_VERSION) ";";

/* Brings a database of schema `version` (0: new) to RESULTS_SCHEMA_VERSION,
 * inside the caller's transaction: each step from its version on, then the
 * tables and indexes where missing. SQLITE_OK or SQLite's error. */
static int migrate(sqlite3 *db, int version) {
    int rc = SQLITE_OK;
    for (int v = version; v && v < RESULTS_SCHEMA_VERSION && rc == SQLITE_OK; v++)
        rc = sqlite3_exec(db, migrations[v - RESULTS_SCHEMA_OLDEST], NULL, NULL, NULL);
    if (rc == SQLITE_OK && version != RESULTS_SCHEMA_VERSION &&
        ((rc = sqlite3_exec(db, tables, NULL, NULL, NULL)) != SQLITE_OK ||
         (rc = sqlite3_exec(db, indexes, NULL, NULL, NULL)) != SQLITE_OK))
        return rc;
    return rc == SQLITE_OK && version != RESULTS_SCHEMA_VERSION
               ? sqlite3_exec(db, version_sql, NULL, NULL, NULL)
               : rc;
}

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

static int db_fail_to(FILE *f, sqlite3 *db, const char *what, const char *path) {
    fprintf(f, "borderlab results: %s '%s': %s (%s)\n", what, path, sqlite3_errmsg(db),
            db_advice(sqlite3_errcode(db)));
    return 2;
}

int results_db_fail(sqlite3 *db, const char *what, const char *path) {
    return db_fail_to(stderr, db, what, path);
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

int results_db_open_write(const char *path, sqlite3 **db, bl_err *err) {
    int version = 0, rc = 0;
    *db = NULL;
    if (sqlite3_open_v2(path, db, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK) {
        rc = err_setc(err, BL_E_IO,
                      "cannot open the results database '%s' for writing: %s (%s; make one with "
                      "`borderlab results import JOURNAL --key KEY --db %s`)",
                      path, sqlite3_errmsg(*db), db_advice(sqlite3_errcode(*db)), path);
    } else {
        sqlite3_busy_timeout(*db, 2000);
        rc = check_schema(*db, path, 0, &version, err);
    }
    if (rc == 0 && version < RESULTS_SCHEMA_VERSION &&
        (sqlite3_exec(*db, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK ||
         migrate(*db, version) != SQLITE_OK ||
         sqlite3_exec(*db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK)) {
        rc = err_setc(err, BL_E_IO, "cannot bring '%s' to schema %d: %s (%s)", path,
                      RESULTS_SCHEMA_VERSION, sqlite3_errmsg(*db), db_advice(sqlite3_errcode(*db)));
        sqlite3_exec(*db, "ROLLBACK", NULL, NULL, NULL);
    }
    if (rc) {
        sqlite3_close(*db);
        *db = NULL;
    }
    return rc;
}

int results_db_version(sqlite3 *db) {
    int version = 0;
    return query_int(db, "PRAGMA user_version", &version) == SQLITE_OK ? version : 0;
}

/* ------------------------------------------------------------ import */

/* Journals go into the database in batches: one transaction holds up to
 * BATCH_JOURNALS of them (a commit, with its fsyncs, was most of what an
 * import of a journal cost), each journal within it in its own savepoint, so
 * one refused leaves the others in as before. A batch also ends once it has
 * held the write lock BATCH_MS, so that another workstation's import, which
 * waits for the lock up to 2 s, is never refused because a large one runs.
 * The lines saying what was imported are printed once their batch is
 * committed; a batch that cannot be (the disk full, the database locked or
 * read-only) is rolled back whole and said so, and the import stops there:
 * what earlier batches committed stays, and importing again is safe (what is
 * in adds nothing). */
#define BATCH_JOURNALS 1000
#define BATCH_MS       1000

/* The statements an import runs for each journal, prepared once. */
enum { Q_KNOWN, Q_BEFORE, Q_CASE, Q_SESSION, Q_MAC, Q_COUNT };
static const char *const import_sql[Q_COUNT] = {
    /* the journal imported before with this first MAC (sessions_first_mac) */
    "SELECT journal FROM sessions WHERE first_mac = ?1",
    /* whose a journal was, and how many entries it had */
    "SELECT trainee, cohort, entries FROM sessions WHERE journal = ?1",
    "INSERT OR IGNORE INTO results VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12,"
    " ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22)",
    "INSERT OR REPLACE INTO sessions (journal, session, title, trainee, trainee_name, cohort,"
    " started, exam, cases, passed, reason, pass_marks, first_mac, entries, pack_sha256, end_seq,"
    " ended_at, overall, elapsed, end_mac) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11,"
    " ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20)",
    /* a case imported before its MAC was kept (schema 6) gets it */
    "UPDATE results SET mac = ?3 WHERE journal = ?1 AND seq = ?2 AND mac IS NULL"};

/* One `results import`: the keys, the database and the batch in progress. */
typedef struct importer {
    const results_import_opts *o;
    char *const *journals; /* as given */
    unsigned char key[JOURNAL_KEY_BYTES];
    char pack_hex[2 * PACKSIG_PUBLIC_BYTES + 1]; /* --pack-key's key, "" none */
    sqlite3 *db;                                 /* opened for the first journal that verifies */
    int version; /* its schema (0: new) until the first batch brings it up to date */
    sqlite3_stmt *q[Q_COUNT];
    int open;     /* a batch's transaction is open */
    int first, n; /* its journals: journals[first], n of them imported */
    double t0;    /* when it began (ms) */
    FILE *said;   /* its lines for stdout, printed once it is committed */
    char *said_text;
    size_t said_len;
    int failed;      /* the database failed: the import stops */
    FILE *out, *msg; /* "imported ..." lines, and messages (o->out, o->msg, else stdout, stderr) */
} importer;

/* A database error, said where the import's messages go; returns 2. */
static int im_db_fail(const importer *im, const char *what) {
    return db_fail_to(im->msg, im->db, what, im->o->db);
}

/* An error, said where the import's messages go; returns its exit code. */
static int im_fail(const importer *im, const bl_err *err) {
    fprintf(im->msg, "borderlab results: %s\n", err->msg);
    return err_exit_code(err);
}

static double now_ms(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

/* A prepared statement, reset for its next use. */
static sqlite3_stmt *q(importer *im, int which) {
    sqlite3_reset(im->q[which]);
    sqlite3_clear_bindings(im->q[which]);
    return im->q[which];
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
    /* for xAPI: the pack's signature hash, and the end entry's index, clock,
     * overall and session time (end_seq 0: not ended) */
    const char *pack_sha256, *ended_at, *end_mac;
    int end_seq;
    double overall, elapsed;
} who;

static int insert_session(importer *im, const char *journal_path, const who *w) {
    sqlite3_stmt *st = q(im, Q_SESSION);
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
    sqlite3_bind_text(st, 15, w->pack_sha256 ? w->pack_sha256 : "", -1, SQLITE_TRANSIENT);
    if (w->end_seq) {
        sqlite3_bind_int(st, 16, w->end_seq);
        sqlite3_bind_text(st, 17, w->ended_at ? w->ended_at : "", -1, SQLITE_TRANSIENT);
        sqlite3_bind_double(st, 18, w->overall);
        sqlite3_bind_double(st, 19, w->elapsed);
        sqlite3_bind_text(st, 20, w->end_mac ? w->end_mac : "", -1, SQLITE_TRANSIENT);
    }
    return sqlite3_step(st) == SQLITE_DONE ? 0 : -1;
}

/* The verified entries of a journal as the exam record reads them
 * (record.h), each with its sequence number, and the MAC of the first (the
 * journal's identity, wherever it is copied). */
typedef struct entries {
    record_entry **e;
    char **json;     /* each entry's text (a case's detail) */
    char (*mac)[65]; /* each entry's MAC */
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
        char(*nm)[65] = realloc(g->mac, sizeof *nm * (size_t)cap);
        if (nm) g->mac = nm;
        if (!ne || !ns || !nj || !nm) {
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
    snprintf(g->mac[g->n], sizeof g->mac[g->n], "%s", mac);
    g->json[g->n] = text;
    g->e[g->n++] = e;
}

static void entries_free(entries *g) {
    for (int i = 0; i < g->n; i++)
        free(g->e[i]), free(g->json[i]);
    free(g->e);
    free(g->json);
    free(g->mac);
    free(g->seq);
}

/* The journal already imported with this first MAC, or NULL. */
static char *known_as(importer *im, const char *first_mac) {
    sqlite3_stmt *st = q(im, Q_KNOWN);
    sqlite3_bind_text(st, 1, first_mac, -1, SQLITE_TRANSIENT);
    const char *p =
        sqlite3_step(st) == SQLITE_ROW ? (const char *)sqlite3_column_text(st, 0) : NULL;
    return p ? strdup(p) : NULL;
}

/* What an import of the journal before this one left: 1 refused (said why),
 * else 0. A journal imported before under another trainee or cohort stays
 * theirs: importing it again under other names would split its cases from
 * its row. And an import never goes back: a copy of a journal with fewer
 * entries than were imported from it before (cut short, or an old copy)
 * would replace a stored verdict with "not finished". What is stored stays. */
static int refused_by_before(importer *im, const char *journal, const who *w) {
    sqlite3_stmt *st = q(im, Q_BEFORE);
    sqlite3_bind_text(st, 1, journal, -1, SQLITE_TRANSIENT);
    if (sqlite3_step(st) != SQLITE_ROW) return 0;
    const char *t = (const char *)sqlite3_column_text(st, 0);
    const char *c = (const char *)sqlite3_column_text(st, 1);
    if (strcmp(t ? t : "", w->trainee) || strcmp(c ? c : "", w->cohort)) {
        fprintf(im->msg,
                "borderlab results: %s was imported before for trainee '%s' of cohort '%s'; "
                "nothing imported (import it into another database to file it otherwise)\n",
                journal, t ? t : "", c ? c : "");
        return 1;
    }
    int before = sqlite3_column_type(st, 2) == SQLITE_NULL ? -1 : sqlite3_column_int(st, 2);
    if (before <= w->entries) return 0;
    fprintf(im->msg,
            "borderlab results: this copy of %s holds %d entr%s, but %d were imported from it "
            "before: entries %d-%d are missing (cut short, or an older copy); nothing imported, "
            "the stored results stay\n",
            journal, w->entries, w->entries == 1 ? "y" : "ies", before, w->entries + 1, before);
    return 1;
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
                      const char *mac, double case_limit) {
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
    sqlite3_bind_text(st, 22, mac, -1, SQLITE_TRANSIENT);
    free(crit_text);
    free(missed_text);
}

/* The journal's cases into results (those stored before are kept), and its
 * verdict into w. 0, or the exit code. */
static int insert_cases(importer *im, const char *journal_path, const entries *got,
                        double case_limit, who *w, int *added) {
    for (int i = 0; i < got->n; i++) {
        const record_entry *e = got->e[i];
        if (e->kind == REC_END) {
            w->passed = e->end.v.passed;
            w->reason = e->end.time_up ? "time_up" : "completed";
            w->end_seq = got->seq[i], w->ended_at = e->end.at, w->end_mac = got->mac[i];
            w->overall = e->end.v.overall, w->elapsed = e->end.elapsed;
        }
        if (e->kind != REC_CASE) continue; /* headers, clocks and ends are not cases */
        w->cases++;
        sqlite3_stmt *st = q(im, Q_CASE);
        sqlite3_bind_text(st, 1, journal_path, -1, SQLITE_TRANSIENT);
        sqlite3_bind_int(st, 2, got->seq[i]);
        bind_case(st, w, &e->kase, got->json[i], got->mac[i], case_limit);
        if (sqlite3_step(st) != SQLITE_DONE) return im_db_fail(im, "cannot write to");
        if (sqlite3_changes(im->db)) {
            (*added)++;
            continue;
        }
        st = q(im, Q_MAC);
        sqlite3_bind_text(st, 1, journal_path, -1, SQLITE_TRANSIENT);
        sqlite3_bind_int(st, 2, got->seq[i]);
        sqlite3_bind_text(st, 3, got->mac[i], -1, SQLITE_TRANSIENT);
        if (sqlite3_step(st) != SQLITE_DONE) return im_db_fail(im, "cannot write to");
    }
    return 0;
}

/* Who the journal is: its session header's trainee and cohort, or the
 * command line's for a plain desk journal. Returns 0 or an exit code. */
static int whose(FILE *msg, const char *journal_path, const entries *got, const char *trainee,
                 const char *cohort, who *w, double *case_limit) {
    const record_entry *first = got->n ? got->e[0] : NULL;
    if (first && first->kind == REC_HEADER) {
        const record_header *h = &first->header;
        if ((trainee && strcmp(trainee, h->trainee)) || (cohort && strcmp(cohort, h->cohort))) {
            fprintf(msg,
                    "borderlab results: %s belongs to trainee '%s' of cohort '%s', not what "
                    "--trainee/--cohort say; nothing imported\n",
                    journal_path, h->trainee, h->cohort);
            return 1;
        }
        w->session = h->session, w->title = h->title, w->name = h->trainee_name;
        w->started = h->started, w->exam = h->exam;
        w->marks = record_pass_marks_json(h);
        w->trainee = h->trainee, w->cohort = h->cohort;
        w->pack_sha256 = h->pack_signature_sha256;
        *case_limit = h->case_limit_s;
        return 0;
    }
    if (!trainee || !cohort) {
        fprintf(msg,
                "borderlab results: %s is a desk journal without a session header: "
                "say whose it is with --trainee ID --cohort NAME\n",
                journal_path);
        return 2;
    }
    return 0;
}

/* ---- the database and its batches */

/* Opens the database (made when missing) and checks its schema; 0, or the
 * exit code (the message printed). */
static int importer_open(importer *im) {
    const char *path = im->o->db;
    if (sqlite3_open_v2(path, &im->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_URI,
                        NULL) != SQLITE_OK)
        return db_fail_to(im->msg, im->db, "cannot open", path);
    sqlite3_busy_timeout(im->db, 2000);
    bl_err err = {0};
    if (check_schema(im->db, path, 1, &im->version, &err) != 0) return im_fail(im, &err);
    return 0;
}

/* Brings the database to RESULTS_SCHEMA_VERSION (in the open transaction)
 * and prepares the import's statements; SQLITE_OK or SQLite's error. */
static int importer_ready(importer *im) {
    int rc = migrate(im->db, im->version);
    for (int k = 0; k < Q_COUNT && rc == SQLITE_OK; k++)
        if (!im->q[k]) rc = sqlite3_prepare_v2(im->db, import_sql[k], -1, &im->q[k], NULL);
    return rc;
}

/* Begins a batch at journal `first` unless one is open; 0, or the exit code. */
static int batch_begin(importer *im, int first) {
    if (im->open) return 0;
    if (sqlite3_exec(im->db, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK)
        return im_db_fail(im, "cannot write to");
    int rc = importer_ready(im);
    if (rc != SQLITE_OK) {
        int code = im_db_fail(im, "cannot write to");
        sqlite3_exec(im->db, "ROLLBACK", NULL, NULL, NULL);
        return code;
    }
    im->version = RESULTS_SCHEMA_VERSION; /* once committed; a failed batch ends the import */
    if (!(im->said = open_memstream(&im->said_text, &im->said_len))) {
        sqlite3_exec(im->db, "ROLLBACK", NULL, NULL, NULL);
        fprintf(im->msg, "borderlab results: out of memory\n");
        return 2;
    }
    im->open = 1, im->first = first, im->n = 0, im->t0 = now_ms();
    return 0;
}

/* Ends the open batch: committed (its lines printed), or rolled back when
 * `commit` is 0 or the commit fails (then said so). 0, or the exit code. */
static int batch_end(importer *im, int commit) {
    if (!im->open) return 0;
    int rc = 0;
    if (commit && sqlite3_exec(im->db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK)
        rc = im_db_fail(im, "cannot commit to");
    if (!commit || rc) sqlite3_exec(im->db, "ROLLBACK", NULL, NULL, NULL);
    fclose(im->said);
    if (commit && !rc)
        fwrite(im->said_text, 1, im->said_len, im->out);
    else if (im->n)
        fprintf(im->msg,
                "borderlab results: %s and the journals after it in the same transaction (%d "
                "imported until then) are not in %s: nothing of them was written; import them "
                "again once the database is put right\n",
                im->journals[im->first], im->n, im->o->db);
    free(im->said_text);
    im->said_text = NULL, im->said_len = 0, im->open = 0;
    if (rc) im->failed = 1;
    return rc;
}

/* One verified journal into the open batch, in its own savepoint; 0, or the
 * exit code (2 with im->failed set: the database failed). */
static int store(importer *im, int k, const char *journal_path, const entries *got, who *w,
                 double case_limit) {
    int rc = (!im->db ? importer_open(im) : 0);
    if (rc == 0) rc = batch_begin(im, k);
    if (rc == 0 && sqlite3_exec(im->db, "SAVEPOINT journal", NULL, NULL, NULL) != SQLITE_OK)
        rc = im_db_fail(im, "cannot write to");
    if (rc != 0) {
        im->failed = 1;
        return rc;
    }
    /* a copy of a journal imported before is that journal (same first MAC) */
    char *known = known_as(im, got->first_mac);
    if (known && strcmp(known, journal_path)) {
        fprintf(im->msg, "borderlab results: %s is a copy of %s, imported before: counted once\n",
                journal_path, known);
        journal_path = known;
    }
    int added = 0;
    rc = refused_by_before(im, journal_path, w);
    if (rc == 0) rc = insert_cases(im, journal_path, got, case_limit, w, &added);
    if (rc == 0 && insert_session(im, journal_path, w) != 0) rc = im_db_fail(im, "cannot write to");
    if (rc == 0) {
        fprintf(im->said, "imported %d new of %d cases from %s into %s\n", added, w->cases,
                journal_path, im->o->db);
        im->n++;
    } else {
        sqlite3_exec(im->db, "ROLLBACK TO journal", NULL, NULL, NULL);
    }
    sqlite3_exec(im->db, "RELEASE journal", NULL, NULL, NULL);
    if (rc == 2) im->failed = 1;
    free(known);
    return rc;
}

/* With --pack-key: the journal's session must have been sat on a pack that
 * key verified (a journal recorded under another academy's pack is refused;
 * a practice session on an unsigned pack imports with a note). */
static int pack_key_differs(const importer *im, const char *journal_path, const entries *got) {
    if (!im->o->pack_key) return 0;
    const record_entry *first = got->n ? got->e[0] : NULL;
    if (!first || first->kind != REC_HEADER) return 0; /* a plain desk's: no pack */
    const record_header *h = &first->header;
    if (!strcmp(h->pack_public_key, im->pack_hex)) return 0;
    if (!h->pack_public_key[0] && !h->exam) {
        fprintf(im->msg, "borderlab results: note: %s was a practice session on an unsigned pack\n",
                journal_path);
        return 0;
    }
    fprintf(im->msg,
            "borderlab results: %s was %s, not under this academy's pack key (%s): nothing "
            "imported\n",
            journal_path,
            h->pack_public_key[0] ? "sat on a pack another key signed"
                                  : "an exam on an unverified pack",
            im->o->pack_key);
    return 1;
}

/* Journal k: verified (only what was verified is imported: the entries as
 * journal_read hands them over, never the file read a second time; a
 * journal must meet its witness, none cut short), then stored. A journal is
 * known by its full path, however it is named on the command line. */
static int import_one(importer *im, int k) {
    char *abs = realpath(im->journals[k], NULL);
    const char *path = abs ? abs : im->journals[k];
    bl_err err = {0};
    int n = 0, torn = 0, rc = 0;
    entries got = {0};
    if (journal_read(path, im->key, im->o->witness, collect, &got, &n, &torn, &err) != 0 ||
        (got.bad && err_setc(&err, BL_E_NOMEM, "%s: out of memory reading it", path))) {
        fprintf(im->msg, "borderlab results: %s; nothing imported\n", err.msg);
        rc = err_exit_code(&err);
    } else if (torn) {
        fprintf(im->msg,
                "borderlab results: warning: %s: line %d is cut short (a crash while it was "
                "written): it is not an entry; the %d before it are imported\n",
                path, torn, n);
    }
    who w = {.session = "",
             .title = "",
             .trainee = im->o->trainee ? im->o->trainee : "",
             .name = "",
             .cohort = im->o->cohort ? im->o->cohort : "",
             .started = "",
             .passed = -1,
             .first_mac = got.first_mac,
             .entries = n};
    double case_limit = 0;
    if (rc == 0) rc = pack_key_differs(im, path, &got);
    if (rc == 0) rc = whose(im->msg, path, &got, im->o->trainee, im->o->cohort, &w, &case_limit);
    if (rc == 0) rc = store(im, k, path, &got, &w, case_limit);
    entries_free(&got);
    free(w.marks);
    free(abs);
    return rc;
}

/* The journal key, and --pack-key's public key; 0, or the exit code. */
static int importer_keys(importer *im) {
    bl_err err = {0};
    if (journal_key_load(im->o->key, im->key, &err) != 0) {
        fprintf(im->msg, "borderlab results: %s; nothing imported\n", err.msg);
        return err_exit_code(&err);
    }
    if (!im->o->pack_key) return 0;
    unsigned char pub[PACKSIG_PUBLIC_BYTES];
    if (packsig_public_load(im->o->pack_key, pub, &err) != 0) return im_fail(im, &err);
    keyfile_hex(pub, sizeof pub, im->pack_hex);
    return 0;
}

int results_import_all(char *const *journals, int n, const results_import_opts *o) {
    importer im = {.o = o,
                   .journals = journals,
                   .out = o->out ? o->out : stdout,
                   .msg = o->msg ? o->msg : stderr};
    int rc = importer_keys(&im), k = 0;
    if (rc != 0) return rc;
    /* a journal's own problem (refused, unreadable) leaves the others to go
     * on; the database's ends the import */
    for (; k < n && !im.failed; k++) {
        int r = import_one(&im, k);
        if (r > rc) rc = r;
        if (im.open && (im.n >= BATCH_JOURNALS || now_ms() - im.t0 >= BATCH_MS)) {
            r = batch_end(&im, 1);
            if (r > rc) rc = r;
        }
    }
    int r = batch_end(&im, !im.failed);
    if (r > rc) rc = r;
    if (im.failed && k < n)
        fprintf(im.msg,
                "borderlab results: the import stopped: the %d journal%s after %s %s not "
                "tried\n",
                n - k, n - k == 1 ? "" : "s", journals[k - 1], n - k == 1 ? "was" : "were");
    for (int i = 0; i < Q_COUNT; i++)
        sqlite3_finalize(im.q[i]);
    sqlite3_close(im.db);
    return rc;
}
