/* cmd_score.c - `borderlab score LOG`: scores every decided traveler of an
 * action log against the scenarios of the session (the built-in pack, or the
 * files named with --scenario), one JSON object per line. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fonts.h"
#include "cmd.h"
#include "fsio.h"
#include "pack.h"
#include "score.h"

int cmd_score(int argc, char **argv) {
    const char *log = NULL;
    char *files[PACK_MAX];
    int n_files = 0;
    double pass = 70;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "-h") || !strcmp(argv[i], "--help")) {
            printf("usage: borderlab score LOG [--scenario FILE]... [--pass-mark N]\n\n"
                   "Scores each traveler decided in an action log (JSON lines, as the desk\n"
                   "writes them) against its scenario: one JSON object per traveler with points,\n"
                   "competencies, critical errors and whether the case passed.\n");
            return 0;
        }
        if (!strcmp(argv[i], "--scenario") && i + 1 < argc && n_files < PACK_MAX)
            files[n_files++] = argv[++i];
        else if (!strcmp(argv[i], "--pass-mark") && i + 1 < argc)
            pass = atof(argv[++i]);
        else if (argv[i][0] != '-' && !log)
            log = argv[i];
        else {
            fprintf(stderr, "borderlab score: bad argument '%s' (try --help)\n", argv[i]);
            return 2;
        }
    }
    if (!log) {
        fprintf(stderr, "borderlab score: give the action log to score (try --help)\n");
        return 2;
    }
    bl_err err = {0};
    size_t len = 0;
    char *text = fs_read_all(log, 256u << 20, &len, &err);
    static pack p;
    doc_fonts fonts;
    if (!text ||
        (n_files ? pack_load_files(&p, files, n_files, &err) : pack_load_builtin(&p, &err)) ||
        fonts_load(&fonts, &err)) {
        fprintf(stderr, "borderlab score: %s\n", err.msg);
        free(text);
        pack_free(&p);
        return 2;
    }
    int rc = 0, scored = 0;
    for (int i = 0; i < p.n && rc == 0; i++) {
        score_actions a;
        if (score_actions_from_log(text, len, &p.scn[i], p.scn[i].id, &a, &err) != 0) {
            fprintf(stderr, "borderlab score: %s: %s\n", log, err.msg);
            rc = 2;
            break;
        }
        if (!a.decided) continue;
        score_truth t;
        score_result r;
        if (score_truth_build(&p.scn[i], &fonts, &t, &err) != 0) {
            fprintf(stderr, "borderlab score: %s\n", err.msg);
            rc = 2;
            break;
        }
        score_case(&p.scn[i], &t, &a, pass, &r);
        printf("{\"traveler\": \"%s\", \"points\": %.1f, \"passed\": %s, \"competencies\": "
               "{\"document_examination\": %.3f, \"interview\": %.3f, \"human_rights\": %.3f, "
               "\"procedure\": %.3f}, \"precision\": %.3f, \"recall\": %.3f, \"seconds\": %.1f, "
               "\"critical\": [",
               p.scn[i].id, r.points, r.passed ? "true" : "false", r.competency[0], r.competency[1],
               r.competency[2], r.competency[3], r.precision, r.recall, a.seconds);
        for (int c = 0; c < r.n_critical; c++)
            printf("%s\"%s\"", c ? ", " : "", r.critical[c]);
        printf("]}\n");
        scored++;
    }
    if (rc == 0 && scored == 0) {
        fprintf(stderr, "borderlab score: no decided traveler of these scenarios in %s\n", log);
        rc = 1;
    }
    doc_fonts_unload(&fonts);
    pack_free(&p);
    free(text);
    return rc;
}
