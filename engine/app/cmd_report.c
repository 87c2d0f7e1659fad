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
 * This file is the command: its options, the language and its catalogues,
 * and the page written with fs_write_atomic, so a failed run leaves an
 * earlier report as it was. The rooms: report_data (reading the database
 * read-only, through results_db.h, and grouping), report_html (the page
 * buffer, escaping, words and numbers), report_chart (the SVG charts),
 * report_page, report_trainee and report_cohort (the pages). Exit 0 written;
 * 1 nothing to report (unknown trainee or cohort, no decided case); 2 usage,
 * database or I/O error. */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "args.h"
#include "cmd.h"
#include "fsio.h"
#include "i18n.h"
#include "report_data.h"
#include "report_html.h"
#include "report_page.h"

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

/* The desk's catalogue in the page's language (English when the desk has
 * none), with English behind it: the debrief's own sentences. NULL on error. */
static i18n *load_desk_words(const char *lang, i18n **desk_en) {
    bl_err err = {0};
    const char *en_json = i18n_builtin_json("en"), *json = i18n_builtin_json(lang);
    *desk_en = en_json ? i18n_load_json(en_json, strlen(en_json), "assets/i18n/en.json", NULL, &err)
                       : NULL;
    if (!*desk_en || !json || !strcmp(lang, "en")) return *desk_en;
    i18n *page = i18n_load_json(json, strlen(json), lang, *desk_en, &err);
    return page ? page : *desk_en;
}

static void usage(FILE *f) {
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
}

typedef struct opts {
    const char *db, *trainee, *cohort, *out, *lang;
} opts;

/* ARGS_GO, or the exit code (the message is printed). */
static int parse(int argc, char **argv, opts *op) {
    const args_opt table[] = {
        ARGS_STR("--db", &op->db),         ARGS_STR("--trainee", &op->trainee),
        ARGS_STR("--cohort", &op->cohort), ARGS_STR("--out", &op->out),
        ARGS_STR("--lang", &op->lang),     ARGS_END};
    int rc = args_parse("report", table, usage, argc, argv);
    if (rc != ARGS_GO) return rc;
    if (!op->db || !op->out || !op->trainee == !op->cohort)
        return args_fail("report", "give --db DB, --out FILE.html and one of --trainee ID or "
                                   "--cohort NAME (try --help)");
    if (!report_catalog(op->lang)) {
        fprintf(stderr, "borderlab report: unknown language '%s' (", op->lang);
        print_langs(stderr, ", ");
        fprintf(stderr, ")\n");
        return 2;
    }
    return ARGS_GO;
}

int cmd_report(int argc, char **argv) {
    opts op = {NULL, NULL, NULL, NULL, "en"};
    int rc = parse(argc, argv, &op);
    if (rc != ARGS_GO) return rc;
    i18n *en = NULL, *lang = NULL;
    if ((rc = load_langs(op.lang, &en, &lang)) != 0) return rc;
    i18n *desk_en = NULL, *desk = load_desk_words(op.lang, &desk_en);
    if (!desk) {
        fprintf(stderr, "borderlab report: the built-in desk catalogue cannot be read\n");
        if (lang != en) i18n_destroy(lang);
        i18n_destroy(en);
        return 2;
    }
    report r = {.db_path = op.db, .trainee = op.trainee, .cohort = op.cohort};
    sb page = {.lang = lang, .en = en, .desk = desk};
    if ((rc = report_load(&r)) == 0) {
        if ((r.trainee ? report_trainee_page(&page, &r) : report_cohort_page(&page, &r)) != 0)
            page.oom = 1;
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
    if (desk != desk_en) i18n_destroy(desk);
    i18n_destroy(desk_en);
    return rc;
}
