/* cmd_score.c - `borderlab score LOG`: scores every decided traveler of an
 * action log against the scenarios of the session (the built-in pack, or the
 * files named with --scenario), one JSON object per line. A tutorial is not
 * scored (desk_tutorial.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "decision.h"
#include "fonts.h"
#include "args.h"
#include "cmd.h"
#include "jsonfmt.h"
#include "fsio.h"
#include "pack.h"
#include "score.h"

static void usage(FILE *o) {
    fprintf(o, "usage: borderlab score LOG [--scenario FILE]... [--pass-mark N]\n\n"
               "Scores each traveler decided in an action log (JSON lines, as the desk\n"
               "writes them) against its scenario: one JSON object per traveler with points,\n"
               "competencies, critical errors, whether the decision was the expected one\n"
               "(or one the scenario accepts) and whether the case passed: only a right\n"
               "decision with no critical error and the pass mark passes. A tutorial\n"
               "(tutorial = true) is practice and never scored.\n");
}

int cmd_score(int argc, char **argv) {
    char *log[1], *files[PACK_MAX];
    int n_log = 0, n_files = 0;
    double pass = 70;
    const args_opt opts[] = {ARGS_POS("LOG", log, &n_log, 0, 1),
                             ARGS_LIST("--scenario", files, &n_files, PACK_MAX),
                             ARGS_DOUBLE("--pass-mark", &pass, 0, 100), ARGS_END};
    int rc = args_parse("score", opts, usage, argc, argv);
    if (rc != ARGS_GO) return rc;
    if (!n_log) return args_fail("score", "give the action log to score (try --help)");
    bl_err err = {0};
    size_t len = 0;
    char *text = fs_read_all(log[0], 256u << 20, &len, &err);
    pack *p = text ? pack_create(&err) : NULL;
    doc_fonts fonts;
    if (!p || (n_files ? pack_load_files(p, files, n_files, &err) : pack_load_builtin(p, &err)) ||
        fonts_load(&fonts, &err)) {
        fprintf(stderr, "borderlab score: %s\n", err.msg);
        free(text);
        pack_destroy(p);
        return 2;
    }
    int scored = 0;
    rc = 0;
    for (int i = 0; i < p->n && rc == 0; i++) {
        score_actions a;
        if (score_actions_from_log(text, len, &p->scn[i], p->scn[i].id, &a, &err) != 0) {
            fprintf(stderr, "borderlab score: %s: %s\n", log[0], err.msg);
            rc = 2;
            break;
        }
        if (!a.decided || p->scn[i].tutorial) continue; /* a tutorial is practice: not scored */
        score_truth t;
        score_result r;
        if (score_truth_build(&p->scn[i], &fonts, &t, &err) != 0) {
            fprintf(stderr, "borderlab score: %s\n", err.msg);
            rc = 2;
            break;
        }
        score_case(&p->scn[i], &t, &a, pass, &r);
        char line[1024];
        json_fmt(line, sizeof line,
                 "{\"traveler\": \"%s\", \"decision\": \"%s\", \"protection\": \"%s\", "
                 "\"decision_ok\": %s, \"pass_mark\": %.1f, "
                 "\"points\": %.1f, \"passed\": %s, \"competencies\": "
                 "{\"document_examination\": %.3f, \"interview\": %.3f, \"human_rights\": %.3f, "
                 "\"procedure\": %.3f}, \"precision\": %.3f, \"recall\": %.3f, \"seconds\": "
                 "%.1f, \"critical\": [",
                 p->scn[i].id, decision_name(a.decision), protection_name(a.protection),
                 r.decision_ok ? "true" : "false", r.pass_mark, r.points,
                 r.passed ? "true" : "false", r.competency[0], r.competency[1], r.competency[2],
                 r.competency[3], r.precision, r.recall, a.seconds);
        fputs(line, stdout);
        for (int c = 0; c < r.n_critical; c++) {
            json_fmt(line, sizeof line, "%s\"%s\"", c ? ", " : "", r.critical[c]);
            fputs(line, stdout);
        }
        printf("]");
        /* the items a case has only when it needs them (-1: not this case) */
        const struct {
            const char *name;
            double v;
        } items[] = {{"face", r.face},
                     {"chip", r.chip},
                     {"fingers", r.fingers},
                     {"systems", r.systems},
                     {"second_line", r.second}};
        for (size_t k = 0; k < sizeof items / sizeof *items; k++)
            if (items[k].v >= 0) printf(", \"%s\": %.3f", items[k].name, items[k].v);
        printf("}\n");
        scored++;
    }
    if (rc == 0 && scored == 0) {
        fprintf(stderr, "borderlab score: no decided traveler of these scenarios in %s\n", log[0]);
        rc = 1;
    }
    doc_fonts_unload(&fonts);
    pack_destroy(p);
    free(text);
    return rc;
}
