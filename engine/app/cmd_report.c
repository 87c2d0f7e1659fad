/* cmd_report.c - `borderlab report`: a self-contained HTML report of the
 * results database, for one trainee or for one cohort.
 *
 * The page has to open wherever an academy keeps it: on a laptop with no
 * network, attached to an email, printed for a file. So everything is in the
 * one file: the style sheet, and the charts as inline SVG drawn here. There is
 * no JavaScript, no font, image or link to load, and a Content-Security-Policy
 * tells the browser so. Every number a chart shows is also in a table (for
 * screen readers, for copying, for a black-and-white printer). Every text that
 * came from the database is escaped: trainee and cohort names are typed by
 * people.
 *
 * The page speaks English, French or Arabic (--lang): every word on it comes
 * from the report's own catalogue (assets/report/<lang>.json, embedded at
 * build time; English answers what another lacks). Visible numbers use the
 * language's digits, decimal separator and percent sign; machine-readable
 * attributes (ids, SVG coordinates) stay ASCII. An Arabic page is laid out
 * right to left, charts mirrored. What came from the database (names, ids,
 * titles) is data: never translated, and isolated (<bdi>, or U+2068..U+2069
 * inside SVG and <title>) so the bidi algorithm cannot scramble a Latin id in
 * Arabic text, or an Arabic name in English.
 *
 * Reads the database read-only (schema 2, written by results_db.c) and writes
 * the page with fs_write_atomic, so a failed run leaves an earlier report as
 * it was. Exit 0 written; 1 nothing to report (unknown trainee or cohort, no
 * decided case); 2 usage, database or I/O error. */
#define _POSIX_C_SOURCE 200809L
#include <cjson/cJSON.h>
#include <errno.h>
#include <math.h>
#include <sqlite3.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cmd.h"
#include "fsio.h"
#include "i18n.h"

#ifndef BL_VERSION
#define BL_VERSION "dev"
#endif

#define SCHEMA_VERSION 2 /* the results database this reads (results_db.c) */

/* ------------------------------------------------------------ text out */

/* The page is built in memory and written in one go: a failure half-way
 * must not leave half a page. oom is sticky, checked once at the end. */
typedef struct sb {
    char *p;
    size_t n, cap;
    int oom;
    const i18n *lang; /* the page's words, digits and direction */
    const i18n *en;   /* English, every catalogue's fallback: whether a word exists at all */
} sb;

static void sb_add(sb *b, const char *s, size_t len) {
    if (b->oom) return;
    if (b->n + len + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 16384;
        while (cap < b->n + len + 1)
            cap *= 2;
        char *p = realloc(b->p, cap);
        if (!p) {
            b->oom = 1;
            return;
        }
        b->p = p, b->cap = cap;
    }
    memcpy(b->p + b->n, s, len);
    b->n += len;
    b->p[b->n] = '\0';
}

static void sb_put(sb *b, const char *s) {
    sb_add(b, s, strlen(s));
}

static void sb_printf(sb *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void sb_printf(sb *b, const char *fmt, ...) {
    char small[512];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(small, sizeof small, fmt, ap);
    va_end(ap);
    if (n < 0) return;
    if ((size_t)n < sizeof small) {
        sb_add(b, small, (size_t)n);
        return;
    }
    char *big = malloc((size_t)n + 1);
    if (!big) {
        b->oom = 1;
        return;
    }
    va_start(ap, fmt);
    vsnprintf(big, (size_t)n + 1, fmt, ap);
    va_end(ap);
    sb_add(b, big, (size_t)n);
    free(big);
}

/* Text for HTML (element content and quoted attributes alike): the five
 * characters that could end a text or an attribute are escaped; control
 * characters, which HTML does not allow, become U+FFFD. With human set,
 * underscores become spaces (ids such as admitted_invalid_document read as
 * words). With max_chars > 0, the text is cut at that many characters (never
 * inside a UTF-8 sequence) and ends with an ellipsis. */
static const char html_special[] = "&<>\"'";
static const char *const html_entity[] = {"&amp;", "&lt;", "&gt;", "&quot;", "&#39;"};

static void sb_esc_byte(sb *b, const unsigned char *c, int human) {
    const char *special = *c ? strchr(html_special, *c) : NULL;
    if (special)
        sb_put(b, html_entity[special - html_special]);
    else if (*c == '_' && human)
        sb_put(b, " ");
    else if (*c < 0x20 || *c == 0x7F)
        sb_put(b, "\xEF\xBF\xBD");
    else
        sb_add(b, (const char *)c, 1);
}

static void sb_text(sb *b, const char *s, int human, int max_chars) {
    int chars = 0;
    for (const unsigned char *c = (const unsigned char *)s; c && *c; c++) {
        if ((*c & 0xC0) != 0x80 && max_chars > 0 && ++chars > max_chars) {
            sb_put(b, "\xE2\x80\xA6");
            return;
        }
        sb_esc_byte(b, c, human);
    }
}

static void sb_esc(sb *b, const char *s) {
    sb_text(b, s, 0, 0);
}

/* Unicode's first-strong isolate and its end: what <bdi> does, for places
 * that take no markup (SVG text, <title>). */
#define FSI "\xE2\x81\xA8"
#define PDI "\xE2\x81\xA9"

/* A text from the database (a name, an id, a title): escaped, and isolated
 * from the words around it, so a Latin id in Arabic text (or an Arabic name
 * in English) keeps its own direction and its punctuation stays in place. */
static void sb_data(sb *b, const char *s) {
    sb_put(b, "<bdi>");
    sb_esc(b, s);
    sb_put(b, "</bdi>");
}

/* The same where no markup may go; human and max_chars as in sb_text. */
static void sb_data_plain(sb *b, const char *s, int human, int max_chars) {
    sb_put(b, FSI);
    sb_text(b, s, human, max_chars);
    sb_put(b, PDI);
}

/* ------------------------------------------------------------ words and numbers */

/* The page's text for a key (English when its catalogue lacks it). */
static const char *tr(const sb *b, const char *key) {
    return i18n_get(b->lang, key);
}

static void sb_tr(sb *b, const char *key) {
    sb_esc(b, tr(b, key));
}

/* A key's text with its {name} placeholders filled: the variadic part is
 * (name, value) pairs ending with NULL. The catalogue's text is escaped; so
 * are the values when plain is set, else they are HTML fragments written as
 * they are (data the caller escaped and isolated). An unknown placeholder
 * stays as text. */
static void sb_vtf(sb *b, int plain, const char *key, va_list ap) {
    const char *t = tr(b, key);
    while (*t) {
        const char *end = *t == '{' ? strchr(t, '}') : NULL, *val = NULL;
        if (end) {
            va_list aq;
            va_copy(aq, ap);
            for (const char *name; !val && (name = va_arg(aq, const char *));) {
                const char *v = va_arg(aq, const char *);
                if (strlen(name) == (size_t)(end - t - 1) && !strncmp(name, t + 1, strlen(name)))
                    val = v;
            }
            va_end(aq);
        }
        if (val) {
            if (plain)
                sb_esc(b, val);
            else
                sb_put(b, val);
            t = end + 1;
        } else {
            sb_esc_byte(b, (const unsigned char *)t++, 0);
        }
    }
}

/* Values are HTML fragments. */
static void sb_tf(sb *b, const char *key, ...) {
    va_list ap;
    va_start(ap, key);
    sb_vtf(b, 0, key, ap);
    va_end(ap);
}

/* Values are plain text (numbers, words of the catalogue). */
static void sb_tfp(sb *b, const char *key, ...) {
    va_list ap;
    va_start(ap, key);
    sb_vtf(b, 1, key, ap);
    va_end(ap);
}

/* Text built apart (a list of isolated names) to go into a placeholder. Its
 * running out of memory is the page's. */
static const char *sb_frag(sb *page, const sb *frag) {
    if (frag->oom) page->oom = 1;
    return frag->p ? frag->p : "";
}

/* A number as the page writes it: printf output with the language's decimal
 * separator and digits ("42.8": "42,8" in French, "٤٢٫٨" in Arabic). */
static const char *localize(const sb *b, const char *ascii, char *out, size_t cap) {
    char tmp[96];
    size_t n = 0;
    const char *dec = tr(b, "number.decimal");
    for (const char *p = ascii; *p && n + 1 < sizeof tmp; p++)
        if (*p == '.')
            for (const char *d = dec; *d && n + 1 < sizeof tmp; d++)
                tmp[n++] = *d;
        else
            tmp[n++] = *p;
    tmp[n] = '\0';
    i18n_digits(b->lang, tmp, out, cap);
    return out;
}

static const char *num(const sb *b, char *out, size_t cap, int decimals, double v) {
    char a[64];
    snprintf(a, sizeof a, "%.*f", decimals, v);
    return localize(b, a, out, cap);
}

/* A number and its unit, in the language's order: unit is the key of a text
 * with {n} (unit.points "42.8 pts", unit.seconds "4.9 s", unit.percent "32%"). */
static const char *unit(const sb *b, char *out, size_t cap, const char *key, int decimals,
                        double v) {
    char n[64];
    num(b, n, sizeof n, decimals, v);
    i18n_format(b->lang, out, cap, key, "n", n, NULL);
    return out;
}

#define PTS(b, buf, v)  unit(b, buf, sizeof buf, "unit.points", 1, v)
#define SECS(b, buf, v) unit(b, buf, sizeof buf, "unit.seconds", 1, v)
#define PCT(b, buf, v)  unit(b, buf, sizeof buf, "unit.percent", 0, v)
#define INT(b, buf, v)  num(b, buf, sizeof buf, 0, (double)(v))

/* The CLDR plural category of a whole number in a language: English one and
 * other; French counts 0 and 1 as one; Arabic has zero, one, two, few (3-10),
 * many (11-99) and other (100-102), by the last two digits. */
static const char *plural_category(const char *lang, long n) {
    if (!strcmp(lang, "ar")) {
        long m = n % 100;
        return n == 0              ? "zero"
               : n == 1            ? "one"
               : n == 2            ? "two"
               : m >= 3 && m <= 10 ? "few"
               : m >= 11           ? "many"
                                   : "other";
    }
    if (!strcmp(lang, "fr")) return n == 0 || n == 1 ? "one" : "other";
    return n == 1 ? "one" : "other";
}

/* "{n} cases" in the form the number asks for: the key base.<category>, else
 * base.other (a language need not write every category). */
static const char *counted(const sb *b, char *out, size_t cap, const char *base, long n) {
    char key[64], digits[32];
    snprintf(key, sizeof key, "%s.%s", base, plural_category(i18n_lang(b->lang), n));
    if (!i18n_has(b->lang, key)) snprintf(key, sizeof key, "%s.other", base);
    i18n_number(b->lang, n, digits, sizeof digits);
    i18n_format(b->lang, out, cap, key, "n", digits, NULL);
    return out;
}

/* The words for an id the database holds (a decision, a defect, a critical
 * error, a session's end): the catalogue's "id.prefix.id", or NULL when no
 * catalogue has it (an id newer than the catalogue, or not one of ours). */
static const char *id_word(const sb *b, const char *prefix, const char *id) {
    char key[96];
    if ((size_t)snprintf(key, sizeof key, "id.%s.%s", prefix, id) >= sizeof key) return NULL;
    return i18n_has(b->lang, key) || i18n_has(b->en, key) ? tr(b, key) : NULL;
}

/* An id as words: the catalogue's, else its readable form (underscores as
 * spaces), isolated, since it is then the database's text. */
static void sb_id(sb *b, const char *prefix, const char *id) {
    const char *w = id_word(b, prefix, id);
    if (w) {
        sb_esc(b, w);
        return;
    }
    sb_put(b, "<bdi>");
    sb_text(b, id, 1, 0);
    sb_put(b, "</bdi>");
}

/* ------------------------------------------------------------ the data */

static const char *comp_key[4] = {"document_examination", "interview", "human_rights", "procedure"};
/* Catalogue keys of the competencies' names, in comp_key's order. */
static const char *comp_name[4] = {"comp.document_examination", "comp.interview",
                                   "comp.human_rights", "comp.procedure"};

/* One decided case (a row of `results`). Strings are owned, never NULL. */
typedef struct rcase {
    char *journal, *trainee, *name, *cohort, *scenario, *decision, *protection;
    char *critical, *missed; /* JSON arrays of ids, as stored */
    int seq, passed;
    double points, comp[4]; /* points 0..100, competencies 0..1 */
    double secs, limit;     /* time on the case; its limit, < 0 when none */
} rcase;

/* One journal (a row of `sessions`); passed is -1 while not ended. */
typedef struct rsession {
    char *journal, *session, *title, *trainee, *name, *started, *reason;
    int cases, passed;
} rsession;

/* Pass marks of the sessions in the report: 0-3 the competencies (0..1),
 * 4 the overall points. Sessions may disagree: the highest mark is kept and
 * the page says they differ. */
typedef struct marks {
    double v[5];
    int has[5], differ;
} marks;

typedef struct report {
    const char *db_path, *trainee, *cohort; /* trainee or cohort is NULL */
    rcase *c;
    int n, cap;
    rsession *s;
    int ns, scap;
    marks pm;
} report;

static char *dup_col(sqlite3_stmt *st, int i) {
    const unsigned char *t = sqlite3_column_text(st, i);
    return strdup(t ? (const char *)t : "");
}

/* The strings a case or a session owns, listed once: to check that each
 * copy was made, and to free them. */
enum { CASE_STRINGS = 9, SESSION_STRINGS = 7 };

static void case_strings(const rcase *c, char *out[CASE_STRINGS]) {
    char *s[CASE_STRINGS] = {c->journal,  c->trainee,    c->name,     c->cohort, c->scenario,
                             c->decision, c->protection, c->critical, c->missed};
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

static void report_free(report *r) {
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
    " secs, time_limit, missed"
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
    c->missed = dup_col(st, 17);
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

/* ------------------------------------------------------------ the database */

/* "what, where, what to do" for a database that cannot be read. */
static int db_fail(sqlite3 *db, const char *path) {
    int code = sqlite3_errcode(db);
    const char *todo = code == SQLITE_BUSY || code == SQLITE_LOCKED
                           ? "another program is writing to it: try again when it is done"
                       : code == SQLITE_NOTADB
                           ? "it is not an SQLite database: give the file `borderlab results "
                             "import --db` wrote"
                       : code == SQLITE_CANTOPEN || code == SQLITE_PERM
                           ? "check the path and that you may read the file"
                           : "check the file, or import the journals again into a new database";
    fprintf(stderr, "borderlab report: cannot read the results database '%s': %s (%s)\n", path,
            sqlite3_errmsg(db), todo);
    return 2;
}

static int pragma_int(sqlite3 *db, const char *sql, int *out) {
    sqlite3_stmt *st = NULL;
    int rc = sqlite3_prepare_v2(db, sql, -1, &st, NULL);
    if (rc == SQLITE_OK && (rc = sqlite3_step(st)) == SQLITE_ROW)
        *out = sqlite3_column_int(st, 0), rc = SQLITE_OK;
    sqlite3_finalize(st);
    return rc;
}

/* Opens the database read-only (a report never changes it) and checks it is
 * a results database of the schema this reads. 0 ok, else the exit code. */
static int db_open(const char *path, sqlite3 **db) {
    struct stat sbuf;
    if (stat(path, &sbuf) != 0) {
        fprintf(stderr,
                "borderlab report: no results database at '%s': %s (make one with `borderlab "
                "results import JOURNAL --key KEY --db %s`)\n",
                path, strerror(errno), path);
        return 2;
    }
    int version = -1, tables = 0;
    if (sqlite3_open_v2(path, db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
        return db_fail(*db, path);
    sqlite3_busy_timeout(*db, 2000);
    if (pragma_int(*db, "SELECT COUNT(*) FROM sqlite_master WHERE name IN ('results', 'sessions')",
                   &tables) != SQLITE_OK ||
        pragma_int(*db, "PRAGMA user_version", &version) != SQLITE_OK)
        return db_fail(*db, path);
    if (tables != 2 || version != SCHEMA_VERSION) {
        fprintf(stderr,
                "borderlab report: '%s' is not a results database of schema %d (it has schema "
                "%d%s): import the journals into a new database with `borderlab results import`\n",
                path, SCHEMA_VERSION, version, tables == 2 ? "" : " and lacks the results tables");
        return 2;
    }
    return 0;
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

/* Loads the report's cases and sessions. 0 ok, 1 nothing to report, 2 error. */
static int report_load(report *r) {
    sqlite3 *db = NULL;
    int rc = db_open(r->db_path, &db);
    if (rc == 0) {
        int qc = load_rows(db, cases_sql, r, case_row);
        if (qc == SQLITE_DONE) qc = load_rows(db, sessions_sql, r, session_row);
        if (qc == SQLITE_NOMEM)
            fprintf(stderr, "borderlab report: out of memory reading '%s'\n", r->db_path), rc = 2;
        else if (qc != SQLITE_DONE)
            rc = db_fail(db, r->db_path);
    }
    if (rc == 0 && r->n == 0) {
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
        rc = 1;
    }
    sqlite3_close(db);
    return rc;
}

/* ------------------------------------------------------------ groups */

/* Cases grouped by a key (scenario, trainee, critical error): counts and
 * sums for the cohort's tables. Linear lookup: a cohort has tens of
 * scenarios and trainees, not thousands. */
typedef struct group {
    char *key;
    int n, passed, critical, trainees;
    const char *last_trainee; /* cases come by trainee: counts distinct ones */
    double points, secs, secs_min, secs_max, limit;
} group;

typedef struct groups {
    group *g;
    int n, cap;
} groups;

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

static void groups_free(groups *gs) {
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

/* Calls fn for each id of a stored JSON array (critical errors, missed
 * defects); returns how many there were. */
static int each_id(const char *json, void (*fn)(const char *id, void *ud), void *ud) {
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

/* Groups the report's cases by scenario, by trainee, and by critical error;
 * each sorted by key. 0 ok, -1 out of memory. */
static int group_cases(const report *r, groups *by_scn, groups *by_tr, groups *by_crit) {
    crit_ud u = {by_crit, NULL, 0};
    for (int i = 0; i < r->n && !u.oom; i++) {
        group *s = groups_get(by_scn, r->c[i].scenario), *t = groups_get(by_tr, r->c[i].trainee);
        if (!s || !t) return -1;
        group_add(s, &r->c[i]);
        group_add(t, &r->c[i]);
        u.c = &r->c[i];
        t->critical += each_id(r->c[i].critical, count_critical, &u) > 0;
    }
    /* a trainee whose session has no decided case yet is still in the cohort */
    for (int i = 0; i < r->ns; i++)
        if (!groups_get(by_tr, r->s[i].trainee)) return -1;
    if (by_tr->n > 1) qsort(by_tr->g, (size_t)by_tr->n, sizeof *by_tr->g, group_cmp);
    if (by_scn->n > 1) qsort(by_scn->g, (size_t)by_scn->n, sizeof *by_scn->g, group_cmp);
    if (by_crit->n > 1) qsort(by_crit->g, (size_t)by_crit->n, sizeof *by_crit->g, group_cmp);
    return u.oom ? -1 : 0;
}

/* ------------------------------------------------------------ charts */

/* A horizontal bar chart in inline SVG: one row per item with its label on
 * the left, up to two bar segments (two make a stacked or a range bar), up to
 * two ticks (a mean, a pass mark, a limit) and its value in words on the
 * right. A chart-wide line (a pass mark, a time limit) can cross all rows.
 * Coordinates are in a fixed viewBox; the SVG scales to the page width. On a
 * right-to-left page the chart is mirrored: labels on the right, bars growing
 * leftwards, values on the left. The value column widens for a language whose
 * values are longer (the label column cuts its labels instead). */
enum { CH_W = 800, CH_LABEL = 230, CH_VALUE = 150, CH_ROW = 26, CH_BAR = 16, CH_TOP = 30 };

typedef struct seg {
    double from, to;
    const char *cls; /* style: pass, fail, comp, time, over, range */
} seg;

typedef struct row {
    int num;           /* > 0: the case's number, drawn left of the label */
    const char *label; /* raw text (data, or words): escaped and isolated when drawn */
    seg seg[2];
    int nseg;
    double tick[2]; /* < 0: none */
    const char *tick_cls[2];
    char value[192]; /* what the row says, in words and units (the page's language) */
} row;

typedef struct chart {
    const char *id, *title, *desc; /* id: ASCII, unique on the page; title, desc: keys */
    double max, step;              /* axis */
    const char *unit;              /* key of the text around each tick's number; NULL none */
    int human;                     /* labels are ids: underscores read as spaces */
    double line;                   /* chart-wide line, < 0 none */
    const char *line_cls;
    char line_label[96];
    int value_w, rtl; /* set by svg_chart */
} chart;

/* A round axis: steps of 1, 2 or 5 times a power of ten, about five of them. */
static void axis_fit(chart *ch, double data_max, int integer) {
    double raw = (data_max > 0 ? data_max : 1) / 5;
    double mag = pow(10, floor(log10(raw))), f = raw / mag;
    ch->step = (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * mag;
    if (integer && ch->step < 1) ch->step = 1;
    ch->max = ceil((data_max > 0 ? data_max : 1) / ch->step - 1e-9) * ch->step;
}

/* A left-to-right x as drawn: mirrored on a right-to-left page. */
static double ch_mx(const chart *ch, double x) {
    return ch->rtl ? CH_W - x : x;
}

/* Where a value falls on the axis (left to right; ch_mx mirrors it). */
static double ch_x(const chart *ch, double v) {
    if (v < 0) v = 0;
    if (v > ch->max) v = ch->max;
    return CH_LABEL + v / ch->max * (CH_W - CH_LABEL - ch->value_w);
}

static int utf8_chars(const char *s) {
    int n = 0;
    for (; *s; s++)
        n += (*s & 0xC0) != 0x80;
    return n;
}

static void svg_axis(sb *o, const chart *ch, double bottom) {
    sb_put(o, "<g class=\"axis\" aria-hidden=\"true\">");
    for (int i = 0; i * ch->step <= ch->max + 1e-9; i++) {
        double v = i * ch->step, x = ch_mx(ch, ch_x(ch, v));
        char a[32], n[64], t[128];
        snprintf(a, sizeof a, "%g", v);
        localize(o, a, n, sizeof n);
        if (ch->unit) i18n_format(o->lang, t, sizeof t, ch->unit, "n", n, NULL);
        sb_printf(o,
                  "<line class=\"grid\" x1=\"%.1f\" x2=\"%.1f\" y1=\"%d\" y2=\"%.1f\"/>"
                  "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">",
                  x, x, CH_TOP - 6, bottom, x, CH_TOP - 12);
        sb_esc(o, ch->unit ? t : n);
        sb_put(o, "</text>");
    }
    sb_put(o, "</g>");
}

/* Text anchors are "start" and "end": on a right-to-left page the SVG's
 * direction is rtl, so the same words anchor the mirrored side. */
static void svg_row(sb *o, const chart *ch, const row *r, int y) {
    double bar_y = y + (CH_ROW - CH_BAR) / 2.0, text_y = y + CH_ROW / 2.0 + 4;
    sb_put(o, "<g class=\"row\"><title>");
    sb_data_plain(o, r->label, ch->human, 0);
    sb_esc(o, tr(o, "chart.label_sep"));
    sb_esc(o, r->value);
    sb_printf(o, "</title><text class=\"lbl\" x=\"%.1f\" y=\"%.1f\" text-anchor=\"end\">",
              ch_mx(ch, CH_LABEL - 10), text_y);
    sb_data_plain(o, r->label, ch->human, r->num > 0 ? 28 : 32);
    sb_put(o, "</text>");
    if (r->num > 0) {
        char n[32];
        sb_printf(o, "<text class=\"num\" x=\"%.1f\" y=\"%.1f\">%s</text>", ch_mx(ch, 0), text_y,
                  INT(o, n, r->num));
    }
    for (int k = 0; k < r->nseg; k++) {
        double x0 = ch_x(ch, r->seg[k].from), x1 = ch_x(ch, r->seg[k].to);
        sb_printf(o,
                  "<rect class=\"bar %s\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%d\" "
                  "rx=\"2\"/>",
                  r->seg[k].cls, ch->rtl ? CH_W - x1 : x0, bar_y, x1 - x0, CH_BAR);
    }
    for (int k = 0; k < 2; k++)
        if (r->tick[k] >= 0) {
            double x = ch_mx(ch, ch_x(ch, r->tick[k]));
            sb_printf(o, "<line class=\"%s\" x1=\"%.1f\" x2=\"%.1f\" y1=\"%.1f\" y2=\"%.1f\"/>",
                      r->tick_cls[k], x, x, bar_y - 3, bar_y + CH_BAR + 3);
        }
    sb_printf(o, "<text class=\"val\" x=\"%.1f\" y=\"%.1f\">", ch_mx(ch, CH_W - ch->value_w + 10),
              text_y);
    sb_esc(o, r->value);
    sb_put(o, "</text></g>");
}

/* The chart, with <title> and <desc> for screen readers (the same numbers
 * are in the table that follows it on the page). */
static void svg_chart(sb *o, const chart *chart_in, const row *rows, int n) {
    chart c = *chart_in, *ch = &c;
    int rows_end = CH_TOP + n * CH_ROW, h = rows_end + (ch->line >= 0 ? 24 : 6);
    /* about 6 units a character at the 12 px of the values, and a margin */
    ch->value_w = CH_VALUE, ch->rtl = i18n_rtl(o->lang);
    for (int i = 0; i < n; i++) {
        int w = utf8_chars(rows[i].value) * 6 + 10;
        if (w > ch->value_w) ch->value_w = w < CH_W / 3 ? w : CH_W / 3;
    }
    sb_printf(o,
              "<svg class=\"chart\" role=\"img\" viewBox=\"0 0 %d %d\"%s "
              "aria-labelledby=\"%s-t %s-d\"><title id=\"%s-t\">",
              CH_W, h, ch->rtl ? " direction=\"rtl\"" : "", ch->id, ch->id, ch->id);
    sb_tr(o, ch->title);
    sb_printf(o, "</title><desc id=\"%s-d\">", ch->id);
    sb_tr(o, ch->desc);
    sb_put(o, "</desc>");
    svg_axis(o, ch, rows_end + 2);
    for (int i = 0; i < n; i++)
        svg_row(o, ch, &rows[i], CH_TOP + i * CH_ROW);
    if (ch->line >= 0) {
        double x = ch_mx(ch, ch_x(ch, ch->line));
        sb_printf(o,
                  "<line class=\"%s\" x1=\"%.1f\" x2=\"%.1f\" y1=\"%d\" y2=\"%d\"/>"
                  "<text class=\"linelbl\" x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">",
                  ch->line_cls, x, x, CH_TOP - 4, rows_end + 6, x, rows_end + 19);
        sb_esc(o, ch->line_label);
        sb_put(o, "</text>");
    }
    sb_put(o, "</svg>");
}

/* The colour key under a chart: pairs of (style, key of its words),
 * NULL-terminated; a pair whose style is "" is left out (a pass mark the
 * sessions never set). */
static void legend(sb *o, const char *const *items) {
    sb_put(o, "<p class=\"legend\" aria-hidden=\"true\">");
    for (int i = 0; items[i]; i += 2)
        if (*items[i]) {
            sb_printf(o, "<span><i class=\"key %s\"></i>", items[i]);
            sb_tr(o, items[i + 1]);
            sb_put(o, "</span>");
        }
    sb_put(o, "</p>");
}

/* A row with one bar from `from` to `to` and no ticks. */
static row bar_row(int num, const char *label, double from, double to, const char *cls) {
    return (row){.num = num, .label = label, .seg = {{from, to, cls}}, .nseg = 1, .tick = {-1, -1}};
}

/* ------------------------------------------------------------ words */

/* A case's decision in words: the catalogue's, with the kind of protection
 * for a referral to protection ("protection (asylum)"). */
static void decision_words(sb *o, const rcase *c) {
    if (!*c->decision) {
        sb_tr(o, "word.none");
    } else if (!strcmp(c->decision, "protection")) {
        sb d = {.lang = o->lang, .en = o->en}, k = {.lang = o->lang, .en = o->en};
        sb_id(&d, "decision", c->decision);
        sb_id(&k, "protection", c->protection);
        sb_tf(o, "case.decision_kind", "decision", sb_frag(o, &d), "kind", sb_frag(o, &k), NULL);
        free(d.p);
        free(k.p);
    } else {
        sb_id(o, "decision", c->decision);
    }
}

/* A session's verdict as a pill: passed, failed, not finished, or practice
 * (a desk journal without a session header has no verdict). */
static void verdict_pill(sb *o, const rsession *s) {
    const char *cls = !*s->session     ? "practice"
                      : s->passed < 0  ? "open"
                      : s->passed == 1 ? "pass"
                                       : "fail";
    sb_printf(o, "<span class=\"pill %s\">", cls);
    sb_tr(o, !*s->session     ? "verdict.practice"
             : s->passed < 0  ? "verdict.open"
             : s->passed == 1 ? "verdict.passed"
                              : "verdict.failed");
    sb_put(o, "</span>");
}

/* An ISO 8601 time to the minute ("2026-11-23 14:36 UTC", in the page's
 * digits); "—" when unknown, the text as stored when it is not ISO. */
static void when(sb *o, const char *iso) {
    static const char shape[] = "dddd-dd-ddTdd:dd";
    size_t n = strlen(iso);
    int ok = n >= 16;
    for (int i = 0; ok && i < 16; i++)
        ok = shape[i] == 'd' ? iso[i] >= '0' && iso[i] <= '9' : iso[i] == shape[i];
    if (!ok) {
        if (n)
            sb_data(o, iso);
        else
            sb_put(o, "\xE2\x80\x94");
        return;
    }
    char buf[17], local[64], t[128];
    memcpy(buf, iso, 16);
    buf[10] = ' ', buf[16] = '\0';
    i18n_digits(o->lang, buf, local, sizeof local);
    if (iso[n - 1] == 'Z') i18n_format(o->lang, t, sizeof t, "time.utc", "time", local, NULL);
    sb_esc(o, iso[n - 1] == 'Z' ? t : local);
}

static const char *base_name(const char *path) {
    const char *s = strrchr(path, '/');
    return s ? s + 1 : path;
}

typedef struct list_ud {
    sb *o;
    const char *prefix; /* catalogue keys of the ids: prefix.id */
    int n;
} list_ud;

static void list_item(const char *id, void *ud) {
    list_ud *u = ud;
    if (u->n++) sb_tr(u->o, "list.sep");
    sb_id(u->o, u->prefix, id);
}

/* A stored JSON list of ids as words ("admitted invalid document, ..."). */
static void id_list(sb *o, const char *json, const char *prefix) {
    list_ud u = {o, prefix, 0};
    each_id(json, list_item, &u);
    if (!u.n) {
        sb_put(o, "<span class=\"muted\">");
        sb_tr(o, "word.none");
        sb_put(o, "</span>");
    }
}

/* ------------------------------------------------------------ the page */

static const char *page_css =
    ":root{--ink:#1c2630;--muted:#5a6672;--line:#dde2e7;--bg:#f3f5f7;--card:#fff;"
    "--pass:#2f7d4f;--fail:#c0392b;--open:#b7791f;--comp:#2f5f98;--time:#4f7ca8;--mark:#1c2630}"
    "*{box-sizing:border-box}"
    "body{margin:0;background:var(--bg);color:var(--ink);"
    "font:15px/1.5 system-ui,-apple-system,'Segoe UI',Roboto,'Noto Sans','Noto Sans Arabic',"
    "'DejaVu Sans',sans-serif}"
    "header.top{background:#17324d;color:#fff;padding:28px 0 22px}"
    ".wrap{max-width:980px;margin:0 auto;padding:0 24px}"
    "header.top p{margin:4px 0 0;color:#cfdbe6}"
    "h1{font-size:26px;margin:0;font-weight:650;letter-spacing:-.01em}"
    "[dir=rtl] h1{letter-spacing:0}"
    "h2{font-size:18px;margin:0 0 4px;font-weight:650}"
    "main{padding:8px 0 24px}"
    "section{background:var(--card);border:1px solid var(--line);border-radius:8px;"
    "padding:18px 22px;margin:16px 0}"
    "p.note{margin:0 0 10px;color:var(--muted);font-size:13px}"
    ".tiles{display:grid;grid-template-columns:repeat(auto-fit,minmax(128px,1fr));gap:12px;"
    "margin:18px 0 0}"
    ".tile{background:var(--card);color:var(--ink);border:1px solid var(--line);border-radius:8px;"
    "padding:12px 14px}"
    ".tile b{display:block;font-size:24px;font-weight:650;font-variant-numeric:tabular-nums}"
    ".tile span{color:var(--muted);font-size:13px}"
    "table{border-collapse:collapse;width:100%;font-size:13px;margin-top:10px;"
    "font-variant-numeric:tabular-nums}"
    "caption{text-align:start;font-weight:600;padding:0 0 6px;color:var(--muted)}"
    "th,td{padding:5px 8px;border-bottom:1px solid var(--line);text-align:start;"
    "vertical-align:top}"
    "thead th{font-weight:600;background:#f7f9fa;border-bottom:2px solid var(--line)}"
    "thead th.num{white-space:normal}"
    "tbody th{font-weight:600}"
    ".num{text-align:end;white-space:nowrap}"
    ".muted{color:var(--muted)}.nw{white-space:nowrap}"
    ".pill{display:inline-block;padding:0 8px;border-radius:10px;font-size:12px;"
    "font-weight:600;white-space:nowrap;margin:0 0 2px;margin-inline-end:4px}"
    ".pill.pass{background:#e2f2e8;color:#1f5c39}.pill.fail{background:#fbe4e1;color:#8f2a20}"
    ".pill.open{background:#fbf0da;color:#7d5210}.pill.practice{background:#e9edf1;color:#46525e}"
    "svg.chart{display:block;width:100%;height:auto;margin:8px 0 0}"
    "svg text{font-family:inherit;font-size:12px;fill:var(--ink)}"
    "svg .axis text,svg text.num{fill:var(--muted);font-size:11px}"
    "svg .grid{stroke:#e6eaee;stroke-width:1}"
    "svg .bar.pass{fill:var(--pass)}svg .bar.fail{fill:var(--fail)}"
    "svg .bar.comp{fill:var(--comp)}svg .bar.time{fill:var(--time)}"
    "svg .bar.over{fill:var(--open)}svg .bar.range{fill:#9db8d3}"
    "svg .mark{stroke:var(--mark);stroke-width:2;stroke-dasharray:4 3}"
    "svg .mean{stroke:#17324d;stroke-width:3}"
    "svg .linelbl{fill:var(--muted);font-size:11px}"
    "svg .row:hover text.lbl{font-weight:600}"
    ".legend{margin:6px 0 0;font-size:12px;color:var(--muted)}"
    ".legend span{margin-inline-end:16px;white-space:nowrap}"
    ".key{display:inline-block;width:12px;height:12px;border-radius:2px;margin-inline-end:5px;"
    "vertical-align:-1px}"
    ".key.pass{background:var(--pass)}.key.fail{background:var(--fail)}"
    ".key.comp{background:var(--comp)}.key.time{background:var(--time)}"
    ".key.over{background:var(--open)}.key.range{background:#9db8d3}"
    ".key.mark{width:0;border-inline-start:2px dashed var(--mark);border-radius:0}"
    ".key.mean{width:0;border-inline-start:3px solid #17324d;border-radius:0}"
    "footer{color:var(--muted);font-size:12px;padding:0 0 32px}"
    "@media print{body{background:#fff;font-size:10.5pt}"
    "header.top{background:none;color:#000;padding:0 0 8pt;border-bottom:2pt solid #000}"
    "header.top p{color:#333}.wrap{max-width:none;padding:0}"
    "section{border:none;border-radius:0;padding:0;margin:14pt 0;break-inside:avoid-page}"
    "section.long{break-inside:auto}.tile{border-color:#999}"
    "thead{display:table-header-group}tr{break-inside:avoid}"
    "*{-webkit-print-color-adjust:exact;print-color-adjust:exact}}"
    "@page{size:A4;margin:14mm}";

static void page_begin(sb *o, const char *who) {
    sb_put(o, "<!DOCTYPE html>\n<html lang=\"");
    sb_esc(o, i18n_lang(o->lang));
    sb_put(o, i18n_rtl(o->lang) ? "\" dir=\"rtl\">\n" : "\">\n");
    sb_put(o,
           "<head>\n<meta charset=\"utf-8\">\n"
           "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
           "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
           "style-src 'unsafe-inline'\">\n<meta name=\"generator\" content=\"borderlab " BL_VERSION
           "\">\n<title>");
    sb tmp = {.lang = o->lang, .en = o->en};
    sb_data_plain(&tmp, who, 0, 0);
    sb_tf(o, "page.title", "who", sb_frag(o, &tmp), NULL);
    free(tmp.p);
    sb_put(o, "</title>\n<style>");
    sb_put(o, page_css);
    sb_put(o, "</style>\n</head>\n<body>\n");
}

static void page_end(sb *o, const report *r) {
    sb tmp = {.lang = o->lang, .en = o->en};
    sb_data(&tmp, base_name(r->db_path));
    sb_put(o, "</main>\n<footer class=\"wrap\">");
    sb_tf(o, "page.footer", "version", "<bdi>borderlab " BL_VERSION "</bdi>", "db",
          sb_frag(o, &tmp), NULL);
    free(tmp.p);
    sb_put(o, "</footer>\n</body>\n</html>\n");
}

/* The header band: the page's heading (key: its words around {who}), then
 * one line of who and what. */
static void page_header(sb *o, const char *key, const char *who) {
    sb tmp = {.lang = o->lang, .en = o->en};
    sb_data(&tmp, who);
    sb_put(o, "<header class=\"top\"><div class=\"wrap\"><h1>");
    sb_tf(o, key, "who", sb_frag(o, &tmp), NULL);
    free(tmp.p);
    sb_put(o, "</h1>");
}

static void tile(sb *o, const char *id, const char *value, const char *words) {
    sb_printf(o, "<div class=\"tile\" id=\"%s\"><b>", id);
    sb_esc(o, value);
    sb_put(o, "</b><span>");
    sb_tr(o, words);
    sb_put(o, "</span></div>");
}

/* The headline numbers of the report's cases. */
static void tiles(sb *o, const report *r, int trainees) {
    double pts = 0, secs = 0;
    int passed = 0, crit = 0;
    for (int i = 0; i < r->n; i++) {
        pts += r->c[i].points, secs += r->c[i].secs, passed += r->c[i].passed;
        crit += each_id(r->c[i].critical, NULL, NULL) > 0;
    }
    char a[128];
    sb_put(o, "<div class=\"tiles\">");
    if (trainees) tile(o, "trainee-count", INT(o, a, trainees), "tile.trainees");
    tile(o, "case-count", INT(o, a, r->n), "tile.cases");
    tile(o, "mean-points", PTS(o, a, pts / r->n), "tile.mean_points");
    tile(o, "pass-rate", PCT(o, a, 100.0 * passed / r->n), "tile.pass_rate");
    tile(o, "critical-count", INT(o, a, crit), "tile.critical");
    tile(o, "mean-time", SECS(o, a, secs / r->n), "tile.mean_time");
    sb_put(o, "</div>");
}

/* A section: its heading and, when note is not NULL, a note (both keys). */
static void section_begin(sb *o, const char *id, const char *title, const char *note) {
    sb_printf(o, "<section id=\"%s\" aria-labelledby=\"%s-h\"><h2 id=\"%s-h\">", id, id, id);
    sb_tr(o, title);
    sb_put(o, "</h2>");
    if (note) {
        sb_put(o, "<p class=\"note\">");
        sb_tr(o, note);
        sb_put(o, "</p>");
    }
}

/* <table id=ID><caption>..</caption><thead>: caption is a key; cols is
 * "key|key|..." with a leading '#' for a number column (aligned to the end). */
static void table_begin(sb *o, const char *id, const char *caption, const char *cols) {
    sb_printf(o, "<table id=\"%s\"><caption>", id);
    sb_tr(o, caption);
    sb_put(o, "</caption><thead><tr>");
    while (*cols) {
        const char *end = strchr(cols, '|');
        size_t len = end ? (size_t)(end - cols) : strlen(cols);
        int num = *cols == '#';
        char key[64];
        snprintf(key, sizeof key, "%.*s", (int)len - num, cols + num);
        sb_printf(o, "<th scope=\"col\"%s>", num ? " class=\"num\"" : "");
        sb_tr(o, key);
        sb_put(o, "</th>");
        cols += len + (end != NULL);
    }
    sb_put(o, "</tr></thead><tbody>");
}

static void table_end(sb *o) {
    sb_put(o, "</tbody></table>");
}

/* A table cell with a number (or a number and its unit). */
static void num_cell(sb *o, const char *text) {
    sb_put(o, "<td class=\"num\">");
    sb_esc(o, text);
    sb_put(o, "</td>");
}

/* ------------------------------------------------------------ sections */

static void sessions_section(sb *o, const report *r) {
    section_begin(o, "sessions", "sessions.title", NULL);
    table_begin(o, "sessions-table", "sessions.caption",
                "col.session|col.journal|col.started|#col.cases|col.verdict|col.reason");
    for (int i = 0; i < r->ns; i++) {
        const rsession *s = &r->s[i];
        char a[32];
        sb_put(o, "<tr><td>");
        if (*s->title || *s->session) {
            sb_data(o, *s->title ? s->title : s->session);
        } else {
            sb_put(o, "<span class=\"muted\">");
            sb_tr(o, "sessions.desk_practice");
            sb_put(o, "</span>");
        }
        sb_put(o, "</td><td>");
        sb_data(o, base_name(s->journal));
        sb_put(o, "</td><td>");
        when(o, s->started);
        sb_put(o, "</td>");
        num_cell(o, INT(o, a, s->cases));
        sb_put(o, "<td>");
        verdict_pill(o, s);
        sb_put(o, "</td><td>");
        if (*s->reason)
            sb_id(o, "reason", s->reason);
        else
            sb_put(o, "\xE2\x80\x94");
        sb_put(o, "</td></tr>");
    }
    table_end(o);
    sb_put(o, "</section>");
}

/* Mean competencies of all the report's cases, against the pass marks. */
static void competencies_section(sb *o, const report *r) {
    double mean[4] = {0};
    for (int i = 0; i < r->n; i++)
        for (int k = 0; k < 4; k++)
            mean[k] += r->c[i].comp[k] * 100 / r->n;
    const marks *pm = &r->pm;
    section_begin(o, "competencies", "comp.title", pm->differ ? "comp.note_differ" : "comp.note");
    chart ch = {.id = "comp-chart",
                .title = "comp.chart_title",
                .desc = "comp.chart_desc",
                .max = 100,
                .step = 20,
                .unit = "unit.percent",
                .line = -1};
    row rows[4];
    for (int k = 0; k < 4; k++) {
        int has = pm->has[k];
        const char *cls = !has ? "comp" : mean[k] >= pm->v[k] * 100 - 1e-9 ? "pass" : "fail";
        char m[64], p[64];
        rows[k] = bar_row(0, tr(o, comp_name[k]), 0, mean[k], cls);
        rows[k].tick[0] = has ? pm->v[k] * 100 : -1, rows[k].tick_cls[0] = "mark";
        PCT(o, m, mean[k]);
        if (has)
            i18n_format(o->lang, rows[k].value, sizeof rows[k].value, "comp.value_mark", "mean", m,
                        "mark", PCT(o, p, pm->v[k] * 100), NULL);
        else
            snprintf(rows[k].value, sizeof rows[k].value, "%s", m);
    }
    svg_chart(o, &ch, rows, 4);
    int some = pm->has[0] + pm->has[1] + pm->has[2] + pm->has[3];
    const char *const key[] = {some < 4 ? "comp" : "",
                               some ? "legend.mean_score_unset" : "legend.mean_score",
                               some ? "pass" : "",
                               "legend.at_or_above",
                               some ? "fail" : "",
                               "legend.below",
                               some ? "mark" : "",
                               "legend.pass_mark",
                               NULL};
    legend(o, key);
    table_begin(o, "competencies-table", "comp.caption",
                "col.competency|#col.mean|#col.pass_mark|col.met");
    for (int k = 0; k < 4; k++) {
        char a[64];
        sb_put(o, "<tr><th scope=\"row\">");
        sb_tr(o, comp_name[k]);
        sb_put(o, "</th>");
        num_cell(o, unit(o, a, sizeof a, "unit.percent", 1, mean[k]));
        if (pm->has[k]) {
            num_cell(o, PCT(o, a, pm->v[k] * 100));
            sb_put(o, "<td>");
            sb_tr(o, mean[k] >= pm->v[k] * 100 - 1e-9 ? "word.yes" : "word.no");
            sb_put(o, "</td></tr>");
        } else {
            sb_put(o, "<td class=\"num muted\">");
            sb_tr(o, "word.none");
            sb_put(o, "</td><td class=\"muted\">\xE2\x80\x94</td></tr>");
        }
    }
    table_end(o);
    sb_put(o, "</section>");
}

static void pass_line(const sb *o, chart *ch, const marks *pm) {
    if (!pm->has[4]) return;
    char a[64];
    ch->line = pm->v[4], ch->line_cls = "mark";
    i18n_format(o->lang, ch->line_label, sizeof ch->line_label, "chart.pass_mark", "points",
                unit(o, a, sizeof a, "unit.points", 0, pm->v[4]), NULL);
}

/* The cells both case tables begin with: number, scenario, decision, points. */
static void case_cells(sb *o, const rcase *c, int i) {
    char a[64];
    sb_put(o, "<tr>");
    num_cell(o, INT(o, a, i + 1));
    sb_put(o, "<td class=\"nw\">");
    sb_data(o, c->scenario);
    sb_put(o, "</td><td>");
    decision_words(o, c);
    sb_put(o, "</td>");
    num_cell(o, PTS(o, a, c->points));
}

/* A trainee's points per case, coloured by the case's verdict. */
static void outcomes_section(sb *o, const report *r, row *rows) {
    section_begin(o, "outcomes", "outcomes.title", "outcomes.note");
    chart ch = {.id = "outcome-chart",
                .title = "outcomes.chart_title",
                .desc = "outcomes.chart_desc",
                .max = 100,
                .step = 20,
                .line = -1};
    pass_line(o, &ch, &r->pm);
    for (int i = 0; i < r->n; i++) {
        const rcase *c = &r->c[i];
        int crit = each_id(c->critical, NULL, NULL);
        char a[64];
        rows[i] = bar_row(i + 1, c->scenario, 0, c->points, c->passed ? "pass" : "fail");
        i18n_format(o->lang, rows[i].value, sizeof rows[i].value, "outcomes.value", "points",
                    PTS(o, a, c->points), "result",
                    tr(o, crit        ? "result.critical"
                          : c->passed ? "result.passed"
                                      : "result.failed"),
                    NULL);
    }
    svg_chart(o, &ch, rows, r->n);
    const char *const key[] = {"pass",
                               "legend.passed",
                               "fail",
                               "legend.failed",
                               r->pm.has[4] ? "mark" : "",
                               "legend.pass_mark",
                               NULL};
    legend(o, key);
    table_begin(o, "outcomes-table", "outcomes.caption",
                "#col.number|col.scenario|col.decision|#col.points|col.result|col.critical|"
                "col.missed");
    for (int i = 0; i < r->n; i++) {
        const rcase *c = &r->c[i];
        case_cells(o, c, i);
        sb_printf(o, "<td><span class=\"pill %s\">", c->passed ? "pass" : "fail");
        sb_tr(o, c->passed ? "result.passed" : "result.failed");
        sb_put(o, "</span></td><td>");
        id_list(o, c->critical, "critical");
        sb_put(o, "</td><td>");
        id_list(o, c->missed, "defect");
        sb_put(o, "</td></tr>");
    }
    table_end(o);
    sb_put(o, "</section>");
}

/* The time limit all the given cases share, or -1 (none, or they differ:
 * then each row gets its own tick). */
static double common_limit(const report *r) {
    for (int i = 1; i < r->n; i++)
        if (r->c[i].limit != r->c[0].limit) return -1;
    return r->c[0].limit;
}

static const char *limit_text(const sb *o, char *buf, size_t cap, double limit) {
    if (limit >= 0) return unit(o, buf, cap, "unit.seconds", 0, limit);
    snprintf(buf, cap, "%s", tr(o, "word.none"));
    return buf;
}

/* A trainee's seconds per case, against the time limit when there is one. */
static void time_section(sb *o, const report *r, row *rows) {
    section_begin(o, "time", "time.title", "time.note");
    double top = 0, common = common_limit(r);
    for (int i = 0; i < r->n; i++)
        top = fmax(top, fmax(r->c[i].secs, r->c[i].limit));
    chart ch = {.id = "time-chart",
                .title = "time.chart_title",
                .desc = "time.chart_desc",
                .unit = "unit.seconds",
                .line = -1};
    axis_fit(&ch, top, 0);
    if (common >= 0) {
        char a[64];
        ch.line = common, ch.line_cls = "mark";
        i18n_format(o->lang, ch.line_label, sizeof ch.line_label, "chart.limit", "seconds",
                    limit_text(o, a, sizeof a, common), NULL);
    }
    for (int i = 0; i < r->n; i++) {
        const rcase *c = &r->c[i];
        int over = c->limit >= 0 && c->secs > c->limit;
        char a[64];
        rows[i] = bar_row(i + 1, c->scenario, 0, c->secs, over ? "over" : "time");
        rows[i].tick[0] = common < 0 ? c->limit : -1, rows[i].tick_cls[0] = "mark";
        i18n_format(o->lang, rows[i].value, sizeof rows[i].value,
                    over ? "time.value_over" : "time.value", "seconds", SECS(o, a, c->secs), NULL);
    }
    svg_chart(o, &ch, rows, r->n);
    int over = 0, limits = 0;
    for (int i = 0; i < r->n; i++)
        over |= r->c[i].limit >= 0 && r->c[i].secs > r->c[i].limit, limits |= r->c[i].limit >= 0;
    const char *const key[] = {"time",
                               limits ? "legend.within_limit" : "legend.time_on_case",
                               over ? "over" : "",
                               "legend.over_limit",
                               limits ? "mark" : "",
                               "legend.time_limit",
                               NULL};
    legend(o, key);
    table_begin(o, "time-table", "time.caption", "#col.number|col.scenario|#col.time|#col.limit");
    for (int i = 0; i < r->n; i++) {
        char a[64];
        sb_put(o, "<tr>");
        num_cell(o, INT(o, a, i + 1));
        sb_put(o, "<td>");
        sb_data(o, r->c[i].scenario);
        sb_put(o, "</td>");
        num_cell(o, SECS(o, a, r->c[i].secs));
        num_cell(o, limit_text(o, a, sizeof a, r->c[i].limit));
        sb_put(o, "</tr>");
    }
    table_end(o);
    sb_put(o, "</section>");
}

/* Every case, every number: the plain record. */
static void cases_section(sb *o, const report *r) {
    sb_put(o, "<section id=\"every-case\" class=\"long\" aria-labelledby=\"every-case-h\">"
              "<h2 id=\"every-case-h\">");
    sb_tr(o, "cases.title");
    sb_put(o, "</h2>");
    table_begin(o, "cases", "cases.caption",
                "#col.number|col.scenario|col.decision|#col.points|col.result|#col.documents|"
                "#col.interview|#col.human_rights|#col.procedure|#col.time|col.journal");
    for (int i = 0; i < r->n; i++) {
        const rcase *c = &r->c[i];
        char a[64];
        case_cells(o, c, i);
        sb_put(o, "<td>");
        sb_tr(o, c->passed ? "result.passed" : "result.failed");
        sb_put(o, "</td>");
        for (int k = 0; k < 4; k++)
            num_cell(o, PCT(o, a, c->comp[k] * 100));
        num_cell(o, SECS(o, a, c->secs));
        sb_put(o, "<td class=\"nw\">");
        sb_data(o, base_name(c->journal));
        sb_put(o, " <span class=\"muted\">");
        sb_tfp(o, "cases.entry", "n", INT(o, a, c->seq), NULL);
        sb_put(o, "</span></td></tr>");
    }
    table_end(o);
    sb_put(o, "</section>");
}

/* The trainee's sessions' verdicts, one pill each. */
static void trainee_verdicts(sb *o, const report *r, const char *trainee) {
    int any = 0;
    for (int i = 0; i < r->ns; i++)
        if (!strcmp(r->s[i].trainee, trainee)) {
            if (any++) sb_put(o, " ");
            verdict_pill(o, &r->s[i]);
        }
    if (!any) sb_put(o, "<span class=\"muted\">\xE2\x80\x94</span>");
}

static const char *trainee_name(const report *r, const char *trainee) {
    for (int i = 0; i < r->n; i++)
        if (!strcmp(r->c[i].trainee, trainee) && *r->c[i].name) return r->c[i].name;
    for (int i = 0; i < r->ns; i++)
        if (!strcmp(r->s[i].trainee, trainee) && *r->s[i].name) return r->s[i].name;
    return "";
}

static void trainees_section(sb *o, const report *r, const groups *by_tr) {
    section_begin(o, "trainees", "trainees.title", "trainees.note");
    table_begin(o, "trainees-table", "trainees.caption",
                "col.trainee|col.name|#col.cases|#col.mean_points|#col.pass_rate|#col.critical|"
                "col.sessions");
    for (int i = 0; i < by_tr->n; i++) {
        const group *g = &by_tr->g[i];
        char a[64];
        sb_put(o, "<tr><th scope=\"row\">");
        sb_data(o, g->key);
        sb_put(o, "</th><td>");
        const char *name = trainee_name(r, g->key);
        if (*name)
            sb_data(o, name);
        else
            sb_put(o, "<span class=\"muted\">\xE2\x80\x94</span>");
        sb_put(o, "</td>");
        num_cell(o, INT(o, a, g->n));
        if (g->n) {
            num_cell(o, PTS(o, a, g->points / g->n));
            num_cell(o, PCT(o, a, 100.0 * g->passed / g->n));
        } else { /* a session begun, nothing decided yet */
            sb_put(o, "<td class=\"num muted\">\xE2\x80\x94</td>"
                      "<td class=\"num muted\">\xE2\x80\x94</td>");
        }
        num_cell(o, INT(o, a, g->critical));
        sb_put(o, "<td>");
        trainee_verdicts(o, r, g->key);
        sb_put(o, "</td></tr>");
    }
    table_end(o);
    sb_put(o, "</section>");
}

/* For each scenario: its cases passed and failed as one stacked bar. */
static void scenarios_section(sb *o, const groups *by_scn, row *rows) {
    section_begin(o, "scenarios", "scenarios.title", "scenarios.note");
    int top = 0;
    for (int i = 0; i < by_scn->n; i++)
        top = by_scn->g[i].n > top ? by_scn->g[i].n : top;
    chart ch = {.id = "scenario-chart",
                .title = "scenarios.chart_title",
                .desc = "scenarios.chart_desc",
                .line = -1};
    axis_fit(&ch, top, 1);
    for (int i = 0; i < by_scn->n; i++) {
        const group *g = &by_scn->g[i];
        char p[32], n[32], pts[64];
        rows[i] = bar_row(0, g->key, 0, g->passed, "pass");
        rows[i].seg[1] = (seg){g->passed, g->n, "fail"}, rows[i].nseg = 2;
        i18n_format(o->lang, rows[i].value, sizeof rows[i].value, "scenarios.value", "passed",
                    INT(o, p, g->passed), "cases", INT(o, n, g->n), "points",
                    PTS(o, pts, g->points / g->n), NULL);
    }
    svg_chart(o, &ch, rows, by_scn->n);
    static const char *const key[] = {"pass", "legend.cases_passed", "fail", "legend.cases_failed",
                                      NULL};
    legend(o, key);
    table_begin(o, "scenarios-table", "scenarios.caption",
                "col.scenario|#col.cases|#col.passed|#col.failed|#col.pass_rate|#col.mean_points");
    for (int i = 0; i < by_scn->n; i++) {
        const group *g = &by_scn->g[i];
        char a[64];
        sb_put(o, "<tr><th scope=\"row\">");
        sb_data(o, g->key);
        sb_put(o, "</th>");
        num_cell(o, INT(o, a, g->n));
        num_cell(o, INT(o, a, g->passed));
        num_cell(o, INT(o, a, g->n - g->passed));
        num_cell(o, PCT(o, a, 100.0 * g->passed / g->n));
        num_cell(o, PTS(o, a, g->points / g->n));
        sb_put(o, "</tr>");
    }
    table_end(o);
    sb_put(o, "</section>");
}

/* For each scenario: the fastest and slowest case as a range, the mean as a tick. */
static void scenario_time_section(sb *o, const groups *by_scn, row *rows) {
    section_begin(o, "scenario-time", "scenario_time.title", "scenario_time.note");
    double top = 0;
    for (int i = 0; i < by_scn->n; i++)
        top = fmax(top, fmax(by_scn->g[i].secs_max, by_scn->g[i].limit));
    chart ch = {.id = "scenario-time-chart",
                .title = "scenario_time.chart_title",
                .desc = "scenario_time.chart_desc",
                .unit = "unit.seconds",
                .line = -1};
    axis_fit(&ch, top, 0);
    int limits = 0;
    for (int i = 0; i < by_scn->n; i++) {
        const group *g = &by_scn->g[i];
        double mean = g->secs / g->n;
        char a[64];
        limits |= g->limit >= 0;
        rows[i] = bar_row(0, g->key, g->secs_min, g->secs_max, "range");
        rows[i].tick[0] = mean, rows[i].tick_cls[0] = "mean";
        rows[i].tick[1] = g->limit, rows[i].tick_cls[1] = "mark";
        i18n_format(o->lang, rows[i].value, sizeof rows[i].value, "scenario_time.value", "seconds",
                    SECS(o, a, mean), NULL);
    }
    svg_chart(o, &ch, rows, by_scn->n);
    const char *const key[] = {"range",       "legend.range",       "mean",
                               "legend.mean", limits ? "mark" : "", "legend.time_limit",
                               NULL};
    legend(o, key);
    table_begin(o, "scenario-time-table", "scenario_time.caption",
                "col.scenario|#col.cases|#col.min|#col.mean|#col.max|#col.limit");
    for (int i = 0; i < by_scn->n; i++) {
        const group *g = &by_scn->g[i];
        char a[64];
        sb_put(o, "<tr><th scope=\"row\">");
        sb_data(o, g->key);
        sb_put(o, "</th>");
        num_cell(o, INT(o, a, g->n));
        num_cell(o, SECS(o, a, g->secs_min));
        num_cell(o, SECS(o, a, g->secs / g->n));
        num_cell(o, SECS(o, a, g->secs_max));
        num_cell(o, limit_text(o, a, sizeof a, g->limit));
        sb_put(o, "</tr>");
    }
    table_end(o);
    sb_put(o, "</section>");
}

/* Critical errors by kind: how many cases, how many trainees. */
static void critical_section(sb *o, const groups *by_crit, row *rows) {
    section_begin(o, "critical", "critical.title", "critical.note");
    if (!by_crit->n) {
        sb_put(o, "<p id=\"no-critical\">");
        sb_tr(o, "critical.none");
        sb_put(o, "</p></section>");
        return;
    }
    int top = 0;
    for (int i = 0; i < by_crit->n; i++)
        top = by_crit->g[i].n > top ? by_crit->g[i].n : top;
    chart ch = {.id = "critical-chart",
                .human = 1,
                .title = "critical.chart_title",
                .desc = "critical.chart_desc",
                .line = -1};
    axis_fit(&ch, top, 1);
    for (int i = 0; i < by_crit->n; i++) {
        const group *g = &by_crit->g[i];
        const char *words = id_word(o, "critical", g->key);
        char c[96], t[96];
        rows[i] = bar_row(0, words ? words : g->key, 0, g->n, "fail");
        i18n_format(o->lang, rows[i].value, sizeof rows[i].value, "critical.value", "cases",
                    counted(o, c, sizeof c, "count.cases", g->n), "trainees",
                    counted(o, t, sizeof t, "count.trainees", g->trainees), NULL);
    }
    svg_chart(o, &ch, rows, by_crit->n);
    table_begin(o, "critical-table", "critical.caption", "col.kind|#col.cases|#col.trainees");
    for (int i = 0; i < by_crit->n; i++) {
        char a[64];
        sb_put(o, "<tr><th scope=\"row\">");
        sb_id(o, "critical", by_crit->g[i].key);
        sb_put(o, "</th>");
        num_cell(o, INT(o, a, by_crit->g[i].n));
        num_cell(o, INT(o, a, by_crit->g[i].trainees));
        sb_put(o, "</tr>");
    }
    table_end(o);
    sb_put(o, "</section>");
}

/* ------------------------------------------------------------ the two reports */

/* The distinct cohorts of the trainee's cases (one, unless the trainee was
 * imported under several). */
static void trainee_cohorts(sb *o, const report *r) {
    sb list = {.lang = o->lang, .en = o->en};
    int shown = 0;
    for (int i = 0; i < r->n; i++) {
        int seen = 0;
        for (int j = 0; j < i && !seen; j++)
            seen = !strcmp(r->c[j].cohort, r->c[i].cohort);
        if (seen) continue;
        if (shown++) sb_tr(&list, "list.sep");
        sb_data(&list, r->c[i].cohort);
    }
    sb_tf(o, "header.cohort", "cohorts", sb_frag(o, &list), NULL);
    free(list.p);
    sb_put(o, " \xC2\xB7 ");
}

/* Both pages return 0, or -1 when out of memory. */
static int trainee_page(sb *o, const report *r) {
    row *rows = calloc((size_t)r->n, sizeof *rows); /* a chart row per case */
    if (!rows) return -1;
    char s[96], c[96];
    page_begin(o, r->trainee);
    page_header(o, "page.trainee", r->trainee);
    const char *name = trainee_name(r, r->trainee);
    sb_put(o, "<p>");
    if (*name) {
        sb_data(o, name);
        sb_put(o, " \xC2\xB7 ");
    }
    trainee_cohorts(o, r);
    sb_tfp(o, "header.trainee_counts", "sessions", counted(o, s, sizeof s, "count.sessions", r->ns),
           "cases", counted(o, c, sizeof c, "count.cases", r->n), NULL);
    sb_put(o, "</p>");
    tiles(o, r, 0);
    sb_put(o, "</div></header>\n<main class=\"wrap\">");
    sessions_section(o, r);
    competencies_section(o, r);
    outcomes_section(o, r, rows);
    time_section(o, r, rows);
    cases_section(o, r);
    page_end(o, r);
    free(rows);
    return 0;
}

static int cohort_page(sb *o, const report *r) {
    groups by_scn = {0}, by_tr = {0}, by_crit = {0};
    row *rows = NULL;
    int rc = group_cases(r, &by_scn, &by_tr, &by_crit);
    /* a chart row per scenario or per kind of critical error: there are no
     * more scenarios than cases, but a case can make several kinds */
    if (rc == 0 && !(rows = calloc((size_t)(r->n > by_crit.n ? r->n : by_crit.n), sizeof *rows)))
        rc = -1;
    if (rc == 0) {
        char t[96], s[96], c[96];
        page_begin(o, r->cohort);
        page_header(o, "page.cohort", r->cohort);
        sb_put(o, "<p>");
        sb_tfp(o, "header.cohort_counts", "trainees",
               counted(o, t, sizeof t, "count.trainees", by_tr.n), "sessions",
               counted(o, s, sizeof s, "count.sessions", r->ns), "cases",
               counted(o, c, sizeof c, "count.cases", r->n), NULL);
        sb_put(o, "</p>");
        tiles(o, r, by_tr.n);
        sb_put(o, "</div></header>\n<main class=\"wrap\">");
        trainees_section(o, r, &by_tr);
        competencies_section(o, r);
        scenarios_section(o, &by_scn, rows);
        scenario_time_section(o, &by_scn, rows);
        critical_section(o, &by_crit, rows);
        page_end(o, r);
    }
    free(rows);
    groups_free(&by_scn);
    groups_free(&by_tr);
    groups_free(&by_crit);
    return rc;
}

/* ------------------------------------------------------------ the command */

/* The report's catalogues, assets/report/<lang>.json (cmake/embed.cmake). */
#include "bl_builtin_report_catalogs.h"

static const char *report_catalog(const char *lang) {
    for (int i = 0; bl_builtin_report_catalogs[i].name; i++)
        if (!strcmp(bl_builtin_report_catalogs[i].name, lang))
            return bl_builtin_report_catalogs[i].text;
    return NULL;
}

/* The languages a report can be written in, for messages: "en, fr, ar", then
 * any other catalogue. */
static void print_langs(FILE *f, const char *sep) {
    static const char *const first[] = {"en", "fr", "ar"};
    int n = 0;
    for (int i = 0; i < 3; i++)
        if (report_catalog(first[i])) fprintf(f, "%s%s", n++ ? sep : "", first[i]);
    for (int i = 0; bl_builtin_report_catalogs[i].name; i++) {
        const char *l = bl_builtin_report_catalogs[i].name;
        if (strcmp(l, "en") && strcmp(l, "fr") && strcmp(l, "ar"))
            fprintf(f, "%s%s", n++ ? sep : "", l);
    }
}

/* Loads English and, unless that is what was asked, the page's language
 * (falling back to English). 0 ok, 2 with a message. */
static int load_langs(const char *lang, i18n **en, i18n **page) {
    bl_err err = {0};
    const char *en_json = report_catalog("en"), *json = report_catalog(lang);
    *en = *page = NULL;
    if (!en_json) {
        fprintf(stderr,
                "borderlab report: no English catalogue built in (assets/report/en.json)\n");
        return 2;
    }
    if (!(*en = i18n_load_json(en_json, strlen(en_json), "assets/report/en.json", NULL, &err)) ||
        (strcmp(lang, "en") && !(*page = i18n_load_json(json, strlen(json), lang, *en, &err)))) {
        fprintf(stderr, "borderlab report: the built-in report catalogue: %s\n", err.msg);
        return 2;
    }
    if (!*page) *page = *en;
    return 0;
}

static int usage(FILE *f, int rc) {
    fprintf(f, "usage: borderlab report --db DB (--trainee ID | --cohort NAME) --out FILE.html "
               "[--lang ");
    print_langs(f, "|");
    fprintf(f,
            "]\n\n"
            "Writes one self-contained HTML page from the results database (`borderlab results\n"
            "import`): for a trainee, the sessions and their verdicts, the competencies against\n"
            "the pass marks, the points, errors and time of each case and a table of every "
            "case;\nfor a cohort, its trainees, competencies, outcomes and time per scenario "
            "and the\ncritical errors by kind. Charts are inline SVG: the page opens offline "
            "and prints.\n"
            "--lang: the page's language (default en); in Arabic it reads right to left.\n"
            "Exit 0 written, 1 nothing to report (unknown trainee or cohort), 2 usage, database\n"
            "or I/O error; a failed run leaves an existing FILE as it was.\n");
    return rc;
}

typedef struct opts {
    const char *db, *trainee, *cohort, *out, *lang;
} opts;

/* 0 ok, else the exit code (the message is printed). */
static int parse(int argc, char **argv, opts *op) {
    for (int i = 1; i < argc; i += 2) {
        const char *o = argv[i], *v = i + 1 < argc ? argv[i + 1] : NULL;
        const char **slot = !strcmp(o, "--db")        ? &op->db
                            : !strcmp(o, "--trainee") ? &op->trainee
                            : !strcmp(o, "--cohort")  ? &op->cohort
                            : !strcmp(o, "--out")     ? &op->out
                            : !strcmp(o, "--lang")    ? &op->lang
                                                      : NULL;
        if (!slot || !v) {
            fprintf(stderr, "borderlab report: %s '%s' (try --help)\n",
                    slot ? "a value is missing after" : "unknown option", o);
            return 2;
        }
        *slot = v;
    }
    if (!op->db || !op->out || !op->trainee == !op->cohort) {
        fprintf(stderr, "borderlab report: give --db DB, --out FILE.html and one of --trainee ID "
                        "or --cohort NAME (try --help)\n");
        return 2;
    }
    if (!report_catalog(op->lang)) {
        fprintf(stderr, "borderlab report: unknown language '%s' (", op->lang);
        print_langs(stderr, ", ");
        fprintf(stderr, ")\n");
        return 2;
    }
    return 0;
}

int cmd_report(int argc, char **argv) {
    if (cmd_wants_help(argc, argv)) return usage(stdout, 0);
    opts op = {NULL, NULL, NULL, NULL, "en"};
    int rc = parse(argc, argv, &op);
    if (rc) return rc;
    i18n *en = NULL, *lang = NULL;
    if ((rc = load_langs(op.lang, &en, &lang)) != 0) return rc;
    report r = {op.db, op.trainee, op.cohort, NULL, 0, 0, NULL, 0, 0, {{0}, {0}, 0}};
    sb page = {.lang = lang, .en = en};
    if ((rc = report_load(&r)) == 0) {
        if ((r.trainee ? trainee_page(&page, &r) : cohort_page(&page, &r)) != 0) page.oom = 1;
        bl_err err = {0};
        if (page.oom)
            fprintf(stderr, "borderlab report: out of memory writing the report\n"), rc = 2;
        else if (fs_write_atomic(op.out, page.p, page.n, &err) != 0)
            fprintf(stderr, "borderlab report: %s\n", err.msg), rc = 2;
        else
            printf("wrote the %s report for '%s' (%d cases) to %s\n",
                   r.trainee ? "trainee" : "cohort", r.trainee ? r.trainee : r.cohort, r.n, op.out);
    }
    free(page.p);
    report_free(&r);
    if (lang != en) i18n_destroy(lang);
    i18n_destroy(en);
    return rc;
}
