/* bench_results.c - `borderlab bench results --trainees N`: a generated
 * cohort through the whole results pipeline, timed.
 *
 * The cohort is made as desks make one, through the same writers: for each
 * trainee a session journal (journal.h: signed, chained, fsynced entry by
 * entry; record.h: the header, a clock entry every 30 s of session time as
 * the desk writes them, each case scored from a recorded action log as the
 * desk scores it with its debrief and the scenario's words, the verdict).
 * Trainees differ in skill (steps skipped, wrong decisions, time taken); one
 * in eight sits the session a second time, one in fifty stops half-way and
 * one in ninety-seven decides nothing. The journals are imported with
 * trainees interleaved (a permutation of the first sittings, then the
 * second sittings), as a results folder gathered from many desks would be.
 *
 * Then it times what an academy runs on that store: importing every journal
 * (results_import_all, as `results import` does), 20 more journals into an
 * empty store and into the full one (an import must not slow down as the
 * store grows), a query by trainee, the cohort's and one trainee's report
 * (the `report` command itself) and the CSV and xAPI exports. What the
 * commands print goes to /dev/null while they are timed. Figures are
 * printed, never asserted; the last line is one JSON object.
 *
 * With --dir the cohort (key, journals/, results.db, the reports) stays
 * there for tests to read; otherwise it is made in a temporary folder and
 * removed at the end. Writing the journals is dominated by their per-entry
 * fsync: a --dir on tmpfs makes it quicker. */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "args.h"
#include "bench.h"
#include "cmd.h"
#include "xapi.h"
#include "debrief.h"
#include "fonts.h"
#include "fsio.h"
#include "journal.h"
#include "pack.h"
#include "record.h"
#include "results_db.h"
#include "rng.h"
#include "session.h"

#define EXTRA_JOURNALS 20 /* imported into an empty store and into the full one */
#define CLOCK_S        30 /* the desk's clock entries (desk_app_int.h CLOCK_EVERY_S) */

/* What the generator needs, and what it wrote. */
typedef struct cohort {
    pack *p;            /* the built-in pack without its tutorials */
    score_truth *truth; /* each scenario's true defects */
    int n_scn;          /* scenarios sat in a session */
    unsigned char key[JOURNAL_KEY_BYTES];
    char dir[PATH_MAX - 128];
    char **paths; /* journals written, in import order */
    int n_paths, cap_paths;
    long cases;      /* case entries written */
    long main_cases; /* of those, the cohort's (not the 20 more) */
} cohort;

/* ------------------------------------------------------------ one journal */

static int append(journal *j, char *entry, bl_err *err) {
    int rc = entry ? journal_append(j, entry, err) : err_setc(err, BL_E_NOMEM, "out of memory");
    free(entry);
    return rc;
}

/* Clock entries for the 30 s boundaries of session time in (from, to], while
 * traveler `index` (1-based), who arrived at `arrived`, is at the counter. */
static int clocks(journal *j, int index, double arrived, double from, double to, bl_err *err) {
    for (double t = (double)((long)(from / CLOCK_S) + 1) * CLOCK_S; t <= to; t += CLOCK_S) {
        record_clock c = {.index = index, .t = t, .case_s = t - arrived};
        if (append(j, record_clock_json(REC_CLOCK, &c), err) != 0) return -1;
    }
    return 0;
}

/* Case c of a session: scored from its action log as the desk scores it
 * (desk_case.c on_decision), journaled with its debrief and words. *t is the
 * session time, advanced by the case's seconds. */
static int write_case(cohort *g, journal *j, const session_def *sd, int c, const bench_play *play,
                      double *t, session_case *out, bl_err *err) {
    const scenario *s = &g->p->scn[c];
    char log[16384];
    size_t len = bench_case_log(s, &g->truth[c], play, log, sizeof log);
    score_actions act;
    score_result r;
    if (score_actions_from_log(log, len, s, s->id, &act, err) != 0) return -1;
    act.seconds = play->seconds;
    score_case(s, &g->truth[c], &act, sd->pass_overall, &r);
    record_case rc;
    memset(&rc, 0, sizeof rc);
    debrief_from_score(s, &g->truth[c], &act, &r, &rc.d);
    rc.d.decision = act.decision, rc.d.protection = act.protection;
    snprintf(rc.traveler, sizeof rc.traveler, "%s", s->id);
    rc.index = c + 1;
    memset(out, 0, sizeof *out);
    for (int k = 0; k < COMP_COUNT; k++) {
        rc.assessed[k] = out->assessed[k] = s->rubric[k] > 0;
        out->competency[k] = r.competency[k];
    }
    out->points = rc.d.points, out->passed = rc.d.passed, out->n_critical = rc.d.n_critical;
    out->decision_ok = rc.d.decision_ok;
    if (clocks(j, c + 1, *t, *t, *t + play->seconds, err) != 0) return -1;
    *t += play->seconds;
    rc.has_seconds = 1, rc.seconds = play->seconds, rc.t = *t;
    char *texts = debrief_texts_json(s, &rc.d);
    rc.texts = texts;
    int rcode =
        texts ? append(j, record_case_json(&rc), err) : err_setc(err, BL_E_NOMEM, "out of memory");
    free(texts);
    g->cases += rcode == 0;
    return rcode;
}

/* One sitting of the session: its header, `decided` cases played at
 * `skill`, and the verdict when `ends`. */
static int write_journal(cohort *g, const char *path, const session_def *sd, const char *started,
                         double skill, int decided, int ends, bl_err *err) {
    int existing = 0;
    journal *j = journal_open(path, g->key, &existing, err);
    if (!j) return -1;
    const char *ids[PACK_MAX];
    for (int i = 0; i < g->n_scn; i++)
        ids[i] = g->p->scn[i].id;
    record_header h;
    uint64_t seed = session_seed(sd, sd->trainee);
    record_header_init(&h, sd, ids, g->n_scn, seed, "", "", started);
    int rc = append(j, record_header_json(&h), err);
    session_case cases[PACK_MAX];
    double t = 0;
    rng r;
    rng_init(&r, seed);
    for (int c = 0; c < decided && rc == 0; c++) {
        bench_play play = {.seed = rng_u64(&r),
                           .skill = skill,
                           .seconds = rng_range(&r, 25, 60 + 220 * (1 - skill))};
        rc = write_case(g, j, sd, c, &play, &t, &cases[c], err);
    }
    if (rc == 0 && ends) {
        record_end end = {.cases = decided, .elapsed = t};
        session_judge(sd, cases, decided, g->n_scn, &end.v);
        rc = append(j, record_end_json(&end), err);
    }
    journal_close(j);
    return rc;
}

/* ------------------------------------------------------------ the cohort */

static int add_path(cohort *g, const char *path) {
    if (g->n_paths == g->cap_paths) {
        int cap = g->cap_paths ? 2 * g->cap_paths : 256;
        char **np = realloc(g->paths, sizeof *np * (size_t)cap);
        if (!np) return -1;
        g->paths = np, g->cap_paths = cap;
    }
    if (!(g->paths[g->n_paths] = strdup(path))) return -1;
    g->n_paths++;
    return 0;
}

/* Trainee i's sitting (0 the first, 1 the second) of the cohort's session. */
static int write_sitting(cohort *g, const char *cohort_name, int i, int sitting, bl_err *err) {
    static const char *const names[] = {"Ana Officer",   "Ben Okafor", "Chloé Lefèvre",
                                        "Dmitri Ivanov", "أمل حداد",   "Yusuf Demir",
                                        "Maria João",    "سامي نصار",  "Lena Schmidt"};
    session_def sd;
    memset(&sd, 0, sizeof sd);
    snprintf(sd.id, sizeof sd.id, "%s-exam", cohort_name);
    snprintf(sd.title, sizeof sd.title, "Certification, cohort %s", cohort_name);
    sd.exam = 1, sd.case_limit_s = 300, sd.session_limit_s = 3600;
    sd.pass_overall = 70, sd.critical_fails = 1, sd.wrong_allowed = 1;
    for (int k = 0; k < COMP_COUNT; k++)
        sd.pass_comp[k] = 0.5;
    snprintf(sd.trainee, sizeof sd.trainee, "%s-%05d", cohort_name, i);
    snprintf(sd.trainee_name, sizeof sd.trainee_name, "%s %d",
             names[i % (int)(sizeof names / sizeof *names)], i);
    snprintf(sd.cohort, sizeof sd.cohort, "%s", cohort_name);
    rng r;
    rng_init(&r, (uint64_t)i * 7919u + 17u);
    double skill = rng_range(&r, 0.45, 1.0) + 0.15 * sitting;
    int decided = g->n_scn, ends = 1;
    if (!sitting && i % 50 == 7) decided = g->n_scn / 2, ends = 0; /* stopped half-way */
    if (!sitting && i % 97 == 11) decided = 0, ends = 0;           /* decided nothing */
    char started[32], path[PATH_MAX];
    snprintf(started, sizeof started, "2026-03-%02dT%02d:%02d:00Z", 2 + i % 20 + 7 * sitting,
             8 + i % 8, i * 7 % 60);
    snprintf(path, sizeof path, "%s/journals/%s-%c.jsonl", g->dir, sd.trainee, 'a' + sitting);
    if (write_journal(g, path, &sd, started, skill > 1 ? 1 : skill, decided, ends, err) != 0)
        return -1;
    if (add_path(g, path) != 0) return err_setc(err, BL_E_NOMEM, "out of memory");
    return 0;
}

/* The cohort's journals, in import order: the first sittings in a
 * permutation of the trainees, then (with `again`) the second sittings. */
static int write_cohort(cohort *g, const char *cohort_name, int n, int again, bl_err *err) {
    long step = n % 7919 ? 7919 : 7907; /* primes: one of them is coprime with n */
    for (long k = 0; k < n; k++)
        if (write_sitting(g, cohort_name, (int)(k * step % n) + 1, 0, err) != 0) return -1;
    for (int i = 1; i <= n; i++)
        if (again && i % 8 == 3 && write_sitting(g, cohort_name, i, 1, err) != 0) return -1;
    return 0;
}

/* The built-in pack without tutorials, its truths, and a new key. */
static int cohort_init(cohort *g, int cases, bl_err *err) {
    char key_path[PATH_MAX];
    snprintf(key_path, sizeof key_path, "%s/key", g->dir);
    if (!(g->p = pack_create(err)) || pack_load_builtin(g->p, err) != 0) return -1;
    pack_drop_tutorials(g->p);
    g->n_scn = cases < g->p->n ? cases : g->p->n;
    if (g->n_scn == 0) return err_set(err, "no built-in scenarios to sit");
    if (!(g->truth = calloc((size_t)g->n_scn, sizeof *g->truth)))
        return err_setc(err, BL_E_NOMEM, "out of memory");
    doc_fonts fonts;
    if (fonts_load(&fonts, err) != 0) return -1;
    int rc = 0;
    for (int i = 0; i < g->n_scn && rc == 0; i++)
        rc = score_truth_build(&g->p->scn[i], &fonts, &g->truth[i], err);
    doc_fonts_unload(&fonts);
    char journals[PATH_MAX];
    snprintf(journals, sizeof journals, "%s/journals", g->dir);
    if (rc != 0 || journal_keygen(key_path, err) != 0 ||
        journal_key_load(key_path, g->key, err) != 0 || fs_mkdir(journals, err) != 0)
        return -1;
    return 0;
}

static void cohort_deinit(cohort *g) {
    for (int i = 0; i < g->n_paths; i++)
        free(g->paths[i]);
    free(g->paths);
    free(g->truth);
    pack_destroy(g->p);
}

/* ------------------------------------------------------------ timing */

/* Runs fn(ud) with stdout sent to /dev/null (what the commands print is not
 * the benchmark's); its exit code, and its time into *ms. */
static int quietly(int (*fn)(void *), void *ud, double *ms) {
    fflush(stdout);
    int saved = dup(STDOUT_FILENO), null = open("/dev/null", O_WRONLY);
    if (saved >= 0 && null >= 0) dup2(null, STDOUT_FILENO);
    double t0 = bench_now_ms();
    int rc = fn(ud);
    fflush(stdout);
    *ms = bench_now_ms() - t0;
    if (saved >= 0) dup2(saved, STDOUT_FILENO), close(saved);
    if (null >= 0) close(null);
    return rc;
}

typedef struct step {
    const cohort *g;
    char *const *journals;
    int n;
    char db[PATH_MAX], key[PATH_MAX], out[PATH_MAX];
    const char *who, *kind, *format;
} step;

static int do_import(void *ud) {
    const step *s = ud;
    results_import_opts o = {.key = s->key, .db = s->db};
    return results_import_all(s->journals, s->n, &o);
}

static int do_query(void *ud) {
    const step *s = ud;
    return results_query(s->db, "trainee", NULL, s->who, NULL);
}

static int do_report(void *ud) {
    step *s = ud;
    char *argv[] = {"report",       "--db",  s->db,  (char *)s->kind,
                    (char *)s->who, "--out", s->out, NULL};
    return cmd_report(7, argv);
}

static int do_export(void *ud) {
    const step *s = ud;
    /* a bench's own IRIs: an academy's come from its configuration file */
    static const xapi_academy bench = {"https://academy.invalid",
                                       "https://academy.invalid/borderlab"};
    return results_export(s->db, s->format, &bench);
}

/* The timings, in the order printed. */
enum {
    T_GEN,
    T_IMPORT,
    T_EXTRA_EMPTY,
    T_EXTRA_FULL,
    T_QUERY,
    T_COHORT,
    T_TRAINEE,
    T_CSV,
    T_XAPI,
    T_N
};

/* Times each step on the generated store; 0, else the failing step's exit code. */
static int time_steps(const cohort *g, int trainees, int n_main, const char *name, double ms[T_N]) {
    step s = {.g = g, .journals = g->paths, .n = n_main, .who = name};
    snprintf(s.key, sizeof s.key, "%s/key", g->dir);
    snprintf(s.db, sizeof s.db, "%s/results.db", g->dir);
    step extra = s;
    extra.journals = g->paths + n_main, extra.n = EXTRA_JOURNALS;
    snprintf(extra.db, sizeof extra.db, "%s/extra.db", g->dir);
    char trainee[64];
    /* the trainee report: one who sat twice (the third), or the first */
    snprintf(trainee, sizeof trainee, "%s-%05d", name, trainees >= 3 ? 3 : 1);
    int rc = quietly(do_import, &s, &ms[T_IMPORT]);
    if (!rc) rc = quietly(do_import, &extra, &ms[T_EXTRA_EMPTY]);
    snprintf(extra.db, sizeof extra.db, "%s", s.db);
    if (!rc) rc = quietly(do_import, &extra, &ms[T_EXTRA_FULL]);
    if (!rc) rc = quietly(do_query, &s, &ms[T_QUERY]);
    s.kind = "--cohort";
    snprintf(s.out, sizeof s.out, "%s/cohort.html", g->dir);
    if (!rc) rc = quietly(do_report, &s, &ms[T_COHORT]);
    s.kind = "--trainee", s.who = trainee;
    snprintf(s.out, sizeof s.out, "%s/trainee.html", g->dir);
    if (!rc) rc = quietly(do_report, &s, &ms[T_TRAINEE]);
    s.format = "csv";
    if (!rc) rc = quietly(do_export, &s, &ms[T_CSV]);
    s.format = "xapi";
    if (!rc) rc = quietly(do_export, &s, &ms[T_XAPI]);
    return rc;
}

/* ------------------------------------------------------------ the command */

/* The folder: --dir (made; refused when it holds anything), else a new
 * temporary one. 0, or -1 with err. */
static int make_dir(const char *want, char *dir, size_t cap, bl_err *err) {
    if (!want) {
        const char *tmp = getenv("TMPDIR");
        snprintf(dir, cap, "%s/borderlab-bench-XXXXXX", tmp && *tmp ? tmp : "/tmp");
        if (!mkdtemp(dir))
            return err_setc(err, BL_E_IO, "cannot make a temporary folder in %s: %s",
                            tmp && *tmp ? tmp : "/tmp", strerror(errno));
        return 0;
    }
    if ((size_t)snprintf(dir, cap, "%s", want) >= cap)
        return err_setc(err, BL_E_USAGE, "--dir '%s' is too long", want);
    if (mkdir(dir, 0777) == 0) return 0;
    int was = errno;
    if (was == EEXIST && rmdir(dir) == 0 && mkdir(dir, 0777) == 0) return 0; /* empty */
    return err_setc(err, BL_E_IO, "--dir '%s': %s (give a new or empty folder)", want,
                    was == EEXIST ? "it is not an empty folder" : strerror(was));
}

/* Removes what a temporary run made (only its own files). */
static void remove_dir(const cohort *g) {
    char p[PATH_MAX];
    static const char *const files[] = {"key",          "results.db",       "results.db-journal",
                                        "extra.db",     "extra.db-journal", "cohort.html",
                                        "trainee.html", "journals",         NULL};
    for (int i = 0; i < g->n_paths; i++)
        fs_remove(g->paths[i]);
    for (int i = 0; files[i]; i++) {
        snprintf(p, sizeof p, "%s/%s", g->dir, files[i]);
        remove(p);
    }
    rmdir(g->dir);
}

static void print_figures(const cohort *g, int trainees, int n_main, const double ms[T_N]) {
    char db[PATH_MAX];
    snprintf(db, sizeof db, "%s/results.db", g->dir);
    long long bytes = fs_size(db);
    printf("results: a cohort of %d trainees, %d journals, %ld cases (%d scenarios a session), "
           "store %.1f MB\n",
           trainees, n_main, g->main_cases, g->n_scn, (double)bytes / 1e6);
    printf("  generate the journals:          %10.1f ms\n", ms[T_GEN]);
    printf("  import them all:                %10.1f ms (%.2f ms a journal)\n", ms[T_IMPORT],
           ms[T_IMPORT] / n_main);
    printf("  import %d into an empty store:  %10.1f ms\n", EXTRA_JOURNALS, ms[T_EXTRA_EMPTY]);
    printf("  import %d into the full store:  %10.1f ms\n", EXTRA_JOURNALS, ms[T_EXTRA_FULL]);
    printf("  query by trainee (the cohort):  %10.1f ms\n", ms[T_QUERY]);
    printf("  report --cohort:                %10.1f ms\n", ms[T_COHORT]);
    printf("  report --trainee (one):         %10.1f ms\n", ms[T_TRAINEE]);
    printf("  export --format csv:            %10.1f ms\n", ms[T_CSV]);
    printf("  export --format xapi:           %10.1f ms\n", ms[T_XAPI]);
    printf("{\"trainees\": %d, \"journals\": %d, \"cases\": %ld, \"db_bytes\": %lld, "
           "\"generate_ms\": %.1f, \"import_ms\": %.1f, \"import_20_empty_ms\": %.2f, "
           "\"import_20_full_ms\": %.2f, \"query_ms\": %.2f, \"report_cohort_ms\": %.2f, "
           "\"report_trainee_ms\": %.2f, \"export_csv_ms\": %.2f, \"export_xapi_ms\": %.2f}\n",
           trainees, n_main, g->main_cases, bytes, ms[T_GEN], ms[T_IMPORT], ms[T_EXTRA_EMPTY],
           ms[T_EXTRA_FULL], ms[T_QUERY], ms[T_COHORT], ms[T_TRAINEE], ms[T_CSV], ms[T_XAPI]);
}

int bench_results(int argc, char **argv) {
    uint64_t trainees = 1000, cases = 6;
    const char *want_dir = NULL;
    const args_opt opts[] = {ARGS_U64("--trainees", &trainees, 1, 100000),
                             ARGS_U64("--cases", &cases, 1, PACK_MAX), ARGS_STR("--dir", &want_dir),
                             ARGS_END};
    int rc = args_parse("bench results", opts, bench_usage, argc, argv);
    if (rc != ARGS_GO) return rc;
    bl_err err = {0};
    cohort g = {0};
    if (make_dir(want_dir, g.dir, sizeof g.dir, &err) != 0) return cmd_fail("bench", &err);
    double ms[T_N] = {0}, t0 = bench_now_ms();
    int n_main = 0;
    rc = cohort_init(&g, (int)cases, &err);
    if (rc == 0 && (rc = write_cohort(&g, "bench", (int)trainees, 1, &err)) == 0) {
        n_main = g.n_paths, g.main_cases = g.cases;
        rc = write_cohort(&g, "late", EXTRA_JOURNALS, 0, &err);
    }
    ms[T_GEN] = bench_now_ms() - t0;
    if (rc != 0)
        rc = cmd_fail("bench", &err);
    else if ((rc = time_steps(&g, (int)trainees, n_main, "bench", ms)) != 0)
        fprintf(stderr, "borderlab bench: a step failed (exit %d)\n", rc);
    else
        print_figures(&g, (int)trainees, n_main, ms);
    if (!want_dir && rc == 0)
        remove_dir(&g);
    else if (!want_dir)
        fprintf(stderr, "borderlab bench: what was made is left in %s\n", g.dir);
    cohort_deinit(&g);
    return rc;
}
