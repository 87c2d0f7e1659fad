/* cmd_check.c - `borderlab check PATH...`: validates scenarios without playing them. */
#define _POSIX_C_SOURCE 200809L
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "args.h"
#include "check_fit.h"
#include "cmd.h"
#include "fonts.h"
#include "fsio.h"
#include "pack.h"
#include "scn_load.h"
#include "sess_load.h"

typedef struct {
    int problems, warnings;
    doc_fonts fonts; /* every document is built, and every text measured, with the desk's fonts */
} tally;

static void report(void *ud, const char *file, int line, const char *msg) {
    tally *t = ud;
    t->problems++;
    pack_print_problem_to(stdout, file, line, msg);
}

/* A warning: printed, counted apart; it does not fail the check. */
static void warn(void *ud, const char *file, int line, const char *msg) {
    tally *t = ud;
    t->warnings++;
    pack_print_problem_to(stdout, file, line, msg);
}

static int cmp_str(const void *a, const void *b) {
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* A session file returns `session { ... }` (docs/sessions.md). */
static int is_session_file(const char *path) {
    bl_err err = {0};
    char *text = fs_read_all(path, 1u << 20, NULL, &err);
    int yes = 0;
    for (const char *p = text; p && *p && !yes; p = strchr(p, '\n') ? strchr(p, '\n') + 1 : "") {
        while (*p == ' ' || *p == '\t')
            p++;
        if (!strncmp(p, "return session", 14)) yes = 1;
    }
    free(text);
    return yes;
}

/* A scenario: read, checked, its answer functions run against generated
 * desk situations, then its words measured at their places on the desk. */
static int check_scenario(const char *path, tally *t) {
    scenario s;
    scn_runtime *rt = NULL;
    if (scn_load_file(&s, &rt, path, &t->fonts, report, t) != 0) return -1;
    check_fit *fit = check_fit_create(&s, rt, &t->fonts);
    if (!fit) report(t, path, 0, "out of memory measuring the texts");
    scn_probe_answers(&s, rt, report, t, fit ? check_fit_said : NULL, fit);
    if (fit) check_fit_run(fit, warn, t);
    check_fit_destroy(fit);
    scn_runtime_destroy(rt);
    scenario_release(&s);
    return 0;
}

/* A session: the file itself, then every scenario it can draw. */
static void check_session(const char *path, tally *t) {
    session_def *d = calloc(1, sizeof *d);
    if (!d || sess_load_file(d, path, report, t) != 0) {
        free(d);
        return;
    }
    for (int i = 0; i < d->n_items; i++)
        for (int k = 0; k < d->items[i].n; k++) {
            check_scenario(d->items[i].paths[k], t);
        }
    free(d);
}

static int check_file(const char *path, tally *t) {
    int before = t->problems;
    if (is_session_file(path))
        check_session(path, t);
    else if (check_scenario(path, t) != 0 && t->problems == before)
        t->problems++; /* a failure must count even unreported */
    return t->problems == before;
}

static void usage(FILE *o) {
    fprintf(o, "usage: borderlab check PATH...\n\n"
               "Checks scenario files (or every .lua file in a folder) without playing them:\n"
               "Lua errors, unknown or missing keys, unknown templates, defects, lights and\n"
               "situations, questions that do not exist or cannot be reached, an expected\n"
               "outcome that contradicts the documents, strings missing in a declared\n"
               "language; every answer function is run against generated desk situations\n"
               "(questions asked in combination, each light and finding kind, the reader, the\n"
               "interpreter, the companion sent out) and a key that is not a string, an\n"
               "unknown finding kind or question, or a script error is reported at its line.\n"
               "Warns (without failing) when a question, an answer or a thing carried will\n"
               "not fit its place on the desk at 1280x720 in a language it is written in.\n"
               "A session file (docs/sessions.md) is checked with every scenario\n"
               "it can draw. Prints file:line: what is wrong; exit 0 only when all pass.\n");
}

/* Every .lua file of a folder, in name order; false when it cannot be read. */
static int check_folder(const char *dir, tally *t, int *files, int *passed) {
    DIR *d = opendir(dir);
    if (!d) return 0;
    char *names[512];
    int n = 0;
    struct dirent *e;
    while ((e = readdir(d)) && n < 512) {
        size_t l = strlen(e->d_name);
        if (l > 4 && !strcmp(e->d_name + l - 4, ".lua")) {
            names[n] = malloc(strlen(dir) + l + 2);
            if (names[n]) sprintf(names[n++], "%s/%s", dir, e->d_name);
        }
    }
    closedir(d);
    qsort(names, (size_t)n, sizeof *names, cmp_str);
    for (int k = 0; k < n; k++) {
        (*files)++;
        *passed += check_file(names[k], t);
        free(names[k]);
    }
    return 1;
}

int cmd_check(int argc, char **argv) {
    char **paths = calloc((size_t)argc, sizeof *paths);
    int n_paths = 0;
    const args_opt opts[] = {ARGS_POS("PATH", paths, &n_paths, 1, argc), ARGS_END};
    int rc = paths ? args_parse("check", opts, usage, argc, argv) : 2;
    if (rc != ARGS_GO) {
        free(paths);
        return rc;
    }
    tally t = {0};
    bl_err err = {0};
    if (fonts_load(&t.fonts, &err) != 0) {
        free(paths);
        return cmd_fail("check", &err);
    }
    int files = 0, passed = 0;
    for (int i = 0; i < n_paths; i++) {
        struct stat st;
        if (stat(paths[i], &st) != 0) {
            printf("%s: no such file or folder\n", paths[i]);
            t.problems++;
        } else if (!S_ISDIR(st.st_mode)) {
            files++;
            passed += check_file(paths[i], &t);
        } else if (!check_folder(paths[i], &t, &files, &passed)) {
            printf("%s: cannot read the folder\n", paths[i]);
            t.problems++;
        }
    }
    free(paths);
    doc_fonts_unload(&t.fonts);
    printf("checked %d scenario file%s: %d passed, %d with problems (%d problem%s)", files,
           files == 1 ? "" : "s", passed, files - passed, t.problems, t.problems == 1 ? "" : "s");
    if (t.warnings)
        printf("; %d warning%s (texts that will not fit the desk)", t.warnings,
               t.warnings == 1 ? "" : "s");
    printf("\n");
    return t.problems ? 1 : 0;
}
