/* cmd_results.c - `borderlab results keygen|verify|import|query|export`: the
 * academy's key, the check that a results journal is intact, and the results
 * database (results_db.c) on the command line. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "academy.h"
#include "args.h"
#include "cmd.h"
#include "journal.h"
#include "lrs_push.h"
#include "lrs_witness.h"
#include "results_db.h"

static void usage(FILE *o) {
    fprintf(o,
            "usage: borderlab results keygen KEYFILE\n"
            "       borderlab results verify JOURNAL --key KEYFILE [--witness DIR]\n"
            "                                [--lrs URL | --store] [--credentials FILE]\n"
            "       borderlab results import JOURNAL... --key KEYFILE --db DB [--trainee ID "
            "--cohort NAME]\n"
            "                                [--witness DIR] [--pack-key PUBLIC]\n"
            "       borderlab results query --db DB [--by trainee|cohort|scenario] [--trainee ID]\n"
            "                               [--cohort NAME] [--scenario ID]\n"
            "       borderlab results export --db DB [--format csv|xapi] [--home URL]\n"
            "       borderlab results push --db DB [--lrs URL] [--credentials FILE] [--batch N]\n"
            "                              [--retries N]\n\n"
            "keygen makes the academy's journal key (never overwrites one). verify says\n"
            "whether a results journal is intact, or exactly which line was changed,\n"
            "removed, reordered or cut; with --witness (or BORDERLAB_WITNESS_DIR), also\n"
            "whether entries were deleted from its end since its witness saw them; exit 0\n"
            "intact, 1 not, 2 usage or I/O error. With --lrs URL (or --store: the\n"
            "configuration's lrs_endpoint) verify also asks the learning record store for\n"
            "this journal's statements: each carries the MAC of the entry it reports, so the\n"
            "highest entry the store holds must still be in the journal with that MAC; a\n"
            "journal cut short or rewritten after it was pushed is NOT INTACT, naming that\n"
            "entry.\n\n"
            "import takes the trainee and cohort from a session journal's first entry (a\n"
            "plain desk journal needs --trainee and --cohort); it refuses a journal cut\n"
            "short (--witness), one sat on another academy's pack (--pack-key), and an\n"
            "older copy of one imported before.\n\n"
            "export --format xapi writes the xAPI 1.0.3 statements of every journal, one a\n"
            "line; push sends them to the academy's learning record store (--lrs, else\n"
            "lrs_endpoint in the academy configuration) with HTTP Basic credentials read\n"
            "from a file holding user:password (--credentials, else lrs_credentials), in\n"
            "batches of --batch (50), retrying a store that does not answer --retries\n"
            "times (4) with backoff. What the store accepted is remembered in DB: run push\n"
            "again to resume; nothing is sent twice. `session run` does the same for each\n"
            "decision as it is journaled when the configuration names lrs_endpoint,\n"
            "results_db and home_page: it imports its journal into results_db and pushes\n"
            "from there, so what a store that cannot be reached did not take waits there\n"
            "for the next decision, the next sitting, or push. The IRIs (home_page,\n"
            "activity_base) come from the academy configuration (`borderlab config`);\n"
            "--home overrides the home page.\n\n"
            "--key, --witness, --pack-key and --db default to the academy configuration's\n"
            "journal_key, witness_dir, pack_key and results_db (`borderlab config`).\n");
}

static int keygen(int argc, char **argv) {
    char *file[1];
    int n = 0;
    const args_opt opts[] = {ARGS_POS("KEYFILE", file, &n, 1, 1), ARGS_END};
    int rc = args_parse("results keygen", opts, usage, argc, argv);
    if (rc != ARGS_GO) return rc;
    bl_err err = {0};
    if (journal_keygen(file[0], &err) != 0) return cmd_fail("results", &err);
    printf("wrote a new journal key to %s (keep it safe: it proves the results)\n", file[0]);
    return 0;
}

/* What the command line left unset (a NULL pointer: not wanted) from the
 * academy configuration (which has read the environment): the journal key,
 * the witness folder, the pack key, the results database. 0, or the exit
 * code. c is freed by the caller when 0. */
static int conf_fill(academy_conf *c, const char *who, const char **key, const char **witness,
                     const char **pack_key, const char **db) {
    bl_err err = {0};
    if (academy_load(c, &err) != 0) return cmd_fail(who, &err);
    const struct {
        const char **v;
        academy_key k;
    } from[] = {{key, ACADEMY_JOURNAL_KEY},
                {witness, ACADEMY_WITNESS_DIR},
                {pack_key, ACADEMY_PACK_KEY},
                {db, ACADEMY_RESULTS_DB}};
    for (size_t i = 0; i < sizeof from / sizeof from[0]; i++)
        if (from[i].v && !*from[i].v) *from[i].v = academy_get(c, from[i].k);
    return 0;
}

/* verify against the learning record store (lrs_witness.h): the exit code. */
static int verify_store(const lrs_witness_opts *o) {
    lrs_witness_result r;
    bl_err err = {0};
    if (lrs_witness_check(o, &r, &err) != 0) {
        if (err.code != BL_E_REFUSED) return cmd_fail("results verify", &err);
        printf("NOT INTACT: %s\n", err.msg);
        return err_exit_code(&err);
    }
    printf("intact: %s holds %d entr%s, each as written", o->journal, r.entries,
           r.entries == 1 ? "y" : "ies");
    if (o->witness && r.witnessed) printf("; its witness saw %d", r.witnessed);
    if (!r.statements)
        printf("; the learning record store at %s holds none of its statements yet\n", r.url);
    else if (r.mac_entry)
        printf("; the learning record store at %s saw it up to entry %d (%d statement%s), and "
               "the journal holds that entry as the store saw it\n",
               r.url, r.store_entry, r.statements, r.statements == 1 ? "" : "s");
    else
        printf("; the learning record store at %s saw it up to entry %d (%d statement%s, sent "
               "before statements carried their entry's MAC: entries are counted, not "
               "compared)\n",
               r.url, r.store_entry, r.statements, r.statements == 1 ? "" : "s");
    return 0;
}

static int verify(int argc, char **argv) {
    char *journal[1];
    int n_journal = 0;
    const char *key_path = NULL, *witness = NULL, *lrs = NULL, *credentials = NULL;
    int store = 0;
    const args_opt opts[] = {ARGS_POS("JOURNAL", journal, &n_journal, 1, 1),
                             ARGS_STR("--key", &key_path),
                             ARGS_STR("--witness", &witness),
                             ARGS_STR("--lrs", &lrs),
                             ARGS_STR("--credentials", &credentials),
                             ARGS_FLAG("--store", &store),
                             ARGS_END};
    int rc = args_parse("results verify", opts, usage, argc, argv);
    if (rc != ARGS_GO) return rc;
    academy_conf c;
    if ((rc = conf_fill(&c, "results verify", &key_path, &witness, NULL, NULL)) != 0) return rc;
    if (!key_path) {
        academy_free(&c);
        return args_fail("results verify",
                         "--key KEYFILE is required (or journal_key in the academy configuration)");
    }
    if (lrs || credentials || store) {
        academy_set(&c, ACADEMY_LRS, lrs);
        academy_set(&c, ACADEMY_CREDENTIALS, credentials);
        lrs_witness_opts wo = {journal[0], key_path, witness, academy_get(&c, ACADEMY_LRS),
                               academy_get(&c, ACADEMY_CREDENTIALS)};
        rc = wo.lrs ? verify_store(&wo)
                    : args_fail("results verify",
                                "--store: no learning record store configured (set lrs_endpoint "
                                "in the academy configuration, or give --lrs URL)");
        academy_free(&c);
        return rc;
    }
    bl_err err = {0};
    unsigned char key[JOURNAL_KEY_BYTES];
    int n = 0, seen = 0;
    if (journal_key_load(key_path, key, &err) != 0)
        rc = cmd_fail("results", &err);
    else if (journal_verify(journal[0], key, witness, &n, &seen, &err) != 0) {
        if (err.code != BL_E_REFUSED)
            rc = cmd_fail("results", &err);
        else {
            printf("NOT INTACT: %s\n", err.msg);
            rc = err_exit_code(&err);
        }
    } else {
        printf("intact: %s holds %d entr%s, each as written", journal[0], n, n == 1 ? "y" : "ies");
        if (witness && seen)
            printf("; its witness saw %d\n", seen);
        else
            printf(witness ? "; it has no witness in %s\n" : "\n", witness);
    }
    academy_free(&c);
    return rc;
}

static const char *const formats[] = {"csv", "xapi", NULL};

/* The academy configuration with a command line's overrides, and the IRIs
 * statements need from it. 0, or the exit code (a message said why). */
static int academy_iris(academy_conf *c, const char *home, xapi_academy *a) {
    bl_err err = {0};
    if (academy_load(c, &err) != 0) return cmd_fail("results", &err);
    academy_set(c, ACADEMY_HOME_PAGE, home);
    academy_settle(c);
    a->home_page = academy_get(c, ACADEMY_HOME_PAGE);
    a->activity_base = academy_get(c, ACADEMY_ACTIVITY_BASE);
    if (a->home_page) return 0;
    fprintf(stderr,
            "borderlab results: no home page for the trainees' accounts: set home_page in the "
            "academy configuration file (%s, or %s for all users), or give --home URL\n",
            c->user_path[0] ? c->user_path : "$XDG_CONFIG_HOME/borderlab/academy.json",
            c->system_path);
    academy_free(c);
    return 2;
}

static int export(int argc, char **argv) {
    const char *db = NULL, *home = NULL;
    int format = 0;
    const args_opt opts[] = {ARGS_STR("--db", &db), ARGS_CHOICE("--format", &format, formats),
                             ARGS_STR("--home", &home), ARGS_END};
    int rc = args_parse("results export", opts, usage, argc, argv);
    if (rc != ARGS_GO) return rc;
    academy_conf c, ci = {0};
    xapi_academy a = {0};
    if ((rc = conf_fill(&c, "results export", NULL, NULL, NULL, &db)) != 0) return rc;
    if (!db)
        rc = args_fail("results", "export --db DB [--format csv|xapi] [--home URL]");
    else if (format == 1 && (rc = academy_iris(&ci, home, &a)) != 0) { /* it freed ci */
        academy_free(&c);
        return rc;
    }
    if (rc == 0) rc = results_export(db, formats[format], &a); /* db: c's, still held */
    academy_free(&ci);
    academy_free(&c);
    return rc;
}

static int push(int argc, char **argv) {
    lrs_push_opts o = {.batch = 50, .retries = 4};
    const char *lrs = NULL, *credentials = NULL, *home = NULL;
    uint64_t batch = 50, retries = 4;
    const args_opt opts[] = {ARGS_STR("--db", &o.db),
                             ARGS_STR("--lrs", &lrs),
                             ARGS_STR("--credentials", &credentials),
                             ARGS_STR("--home", &home),
                             ARGS_U64("--batch", &batch, 1, 1000),
                             ARGS_U64("--retries", &retries, 0, 20),
                             ARGS_END};
    int rc = args_parse("results push", opts, usage, argc, argv);
    if (rc != ARGS_GO) return rc;
    academy_conf c;
    if ((rc = academy_iris(&c, home, &o.academy)) != 0) return rc;
    if (!o.db) o.db = academy_get(&c, ACADEMY_RESULTS_DB);
    if (!o.db) {
        academy_free(&c);
        return args_fail("results", "push --db DB [--lrs URL] [--credentials FILE]");
    }
    academy_set(&c, ACADEMY_LRS, lrs);
    academy_set(&c, ACADEMY_CREDENTIALS, credentials);
    o.lrs = academy_get(&c, ACADEMY_LRS);
    o.credentials = academy_get(&c, ACADEMY_CREDENTIALS);
    o.batch = (int)batch, o.retries = (int)retries;
    if (!o.lrs)
        rc = args_fail("results push",
                       "no learning record store: give --lrs URL (its xAPI base) or set "
                       "lrs_endpoint in the academy configuration (`borderlab config`)");
    else
        rc = lrs_push(&o);
    academy_free(&c);
    return rc;
}

/* import and query without what they need. */
static int db_usage(void) {
    return args_fail("results", "import JOURNAL... --key KEYFILE --db DB [--trainee ID --cohort "
                                "NAME], or query --db DB [--by trainee|cohort|scenario] "
                                "[--trainee ID] [--cohort NAME] [--scenario ID]");
}

static int import(int argc, char **argv) {
    results_import_opts o = {0};
    /* one or more journals (a cohort's results/ folder, say) */
    char **journals = calloc((size_t)argc, sizeof *journals);
    int n = 0;
    const args_opt opts[] = {ARGS_POS("JOURNAL", journals, &n, 0, argc),
                             ARGS_STR("--key", &o.key),
                             ARGS_STR("--db", &o.db),
                             ARGS_STR("--trainee", &o.trainee),
                             ARGS_STR("--cohort", &o.cohort),
                             ARGS_STR("--witness", &o.witness),
                             ARGS_STR("--pack-key", &o.pack_key),
                             ARGS_END};
    int rc = journals ? args_parse("results import", opts, usage, argc, argv) : 2;
    academy_conf c = {0};
    if (rc == ARGS_GO && conf_fill(&c, "results import", &o.key, &o.witness, &o.pack_key, &o.db))
        rc = 2;
    if (rc == ARGS_GO && (!o.db || !o.key || !n)) rc = db_usage();
    if (rc == ARGS_GO) {
        rc = results_import_all(journals, n, &o);
    }
    academy_free(&c);
    free(journals);
    return rc;
}

static int query(int argc, char **argv) {
    const char *db = NULL, *trainee = NULL, *cohort = NULL, *scenario = NULL, *by = "trainee";
    const args_opt opts[] = {ARGS_STR("--db", &db),
                             ARGS_STR("--by", &by),
                             ARGS_STR("--trainee", &trainee),
                             ARGS_STR("--cohort", &cohort),
                             ARGS_STR("--scenario", &scenario),
                             ARGS_END};
    int rc = args_parse("results query", opts, usage, argc, argv);
    if (rc != ARGS_GO) return rc;
    academy_conf c;
    if ((rc = conf_fill(&c, "results query", NULL, NULL, NULL, &db)) != 0) return rc;
    rc = db ? results_query(db, by, trainee, cohort, scenario) : db_usage();
    academy_free(&c);
    return rc;
}

int cmd_results(int argc, char **argv) {
    static const args_cmd subs[] = {{"keygen", keygen, NULL}, {"verify", verify, NULL},
                                    {"import", import, NULL}, {"query", query, NULL},
                                    {"export", export, NULL}, {"push", push, NULL},
                                    {NULL, NULL, NULL}};
    return args_dispatch("results", subs, usage, argc, argv);
}
