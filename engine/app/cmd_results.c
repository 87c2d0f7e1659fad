/* cmd_results.c - `borderlab results keygen|verify`: the academy's key and
 * the check that a results journal is intact. */
#include <stdio.h>
#include <string.h>

#include "cmd.h"
#include "journal.h"

int cmd_results(int argc, char **argv) {
    if (argc < 2 || cmd_wants_help(argc, argv)) {
        FILE *o = argc < 2 ? stderr : stdout;
        fprintf(
            o,
            "usage: borderlab results keygen KEYFILE\n"
            "       borderlab results verify JOURNAL --key KEYFILE\n"
            "       borderlab results import JOURNAL... --key KEYFILE --db DB [--trainee ID "
            "--cohort "
            "NAME]\n"
            "       borderlab results query --db DB [--by trainee|cohort|scenario] [--trainee ID]\n"
            "                               [--cohort NAME] [--scenario ID]\n\n"
            "keygen makes the academy's journal key (never overwrites one). verify says\n"
            "whether a results journal is intact, or exactly which line was changed,\n"
            "removed, reordered or cut; exit 0 intact, 1 not, 2 usage or I/O error.\n"
            "import takes the trainee and cohort from a session journal's first entry\n"
            "(a plain desk journal needs --trainee and --cohort).\n");
        return argc < 2 ? 2 : 0;
    }
    bl_err err = {0};
    if (!strcmp(argv[1], "keygen") && argc == 3) {
        if (journal_keygen(argv[2], &err) != 0) {
            return cmd_fail("results", &err);
        }
        printf("wrote a new journal key to %s (keep it safe: it proves the results)\n", argv[2]);
        return 0;
    }
    if (!strcmp(argv[1], "verify") && argc == 5 && !strcmp(argv[3], "--key")) {
        unsigned char key[JOURNAL_KEY_BYTES];
        int n = 0;
        if (journal_key_load(argv[4], key, &err) != 0) {
            return cmd_fail("results", &err);
        }
        if (journal_verify(argv[2], key, &n, &err) != 0) {
            if (err.code != BL_E_REFUSED) return cmd_fail("results", &err);
            printf("NOT INTACT: %s\n", err.msg);
            return err_exit_code(&err);
        }
        printf("intact: %s holds %d entr%s, each as written\n", argv[2], n, n == 1 ? "y" : "ies");
        return 0;
    }
    if (!strcmp(argv[1], "export")) {
        const char *db = NULL, *format = "csv", *home = "https://academy.example";
        for (int i = 2; i + 1 < argc; i += 2) {
            if (!strcmp(argv[i], "--db"))
                db = argv[i + 1];
            else if (!strcmp(argv[i], "--format"))
                format = argv[i + 1];
            else if (!strcmp(argv[i], "--home"))
                home = argv[i + 1];
            else
                db = NULL, i = argc;
        }
        if (!db || (strcmp(format, "csv") && strcmp(format, "xapi")) || argc % 2) {
            fprintf(stderr, "borderlab results: export --db DB [--format csv|xapi] [--home URL]\n");
            return 2;
        }
        return results_export(db, format, home);
    }
    if (!strcmp(argv[1], "import") || !strcmp(argv[1], "query")) {
        const char *key = NULL, *db = NULL, *trainee = NULL, *cohort = NULL, *scenario = NULL,
                   *by = "trainee";
        /* import takes one or more journals (a cohort's results/ folder, say) */
        int i = 2, first = 2, n_journals = 0;
        if (!strcmp(argv[1], "import"))
            while (i < argc && strncmp(argv[i], "--", 2))
                i++, n_journals++;
        for (; i + 1 < argc; i += 2) {
            const char *o = argv[i], *v = argv[i + 1];
            if (!strcmp(o, "--key"))
                key = v;
            else if (!strcmp(o, "--db"))
                db = v;
            else if (!strcmp(o, "--trainee"))
                trainee = v;
            else if (!strcmp(o, "--cohort"))
                cohort = v;
            else if (!strcmp(o, "--scenario"))
                scenario = v;
            else if (!strcmp(o, "--by"))
                by = v;
            else
                break;
        }
        int import = !strcmp(argv[1], "import");
        if (i != argc || !db || (import && (!key || !n_journals))) {
            fprintf(stderr, "borderlab results: import JOURNAL... --key KEYFILE --db DB [--trainee "
                            "ID --cohort NAME], or query --db DB [--by trainee|cohort|scenario] "
                            "[--trainee ID] [--cohort NAME] [--scenario ID]\n");
            return 2;
        }
        if (!import) return results_query(db, by, trainee, cohort, scenario);
        /* each journal in its own transaction: one refused leaves the others in */
        int rc = 0;
        for (int k = 0; k < n_journals; k++) {
            int r = results_import(argv[first + k], key, db, trainee, cohort);
            if (r > rc) rc = r;
        }
        return rc;
    }
    fprintf(stderr, "borderlab results: bad arguments (try --help)\n");
    return 2;
}
