/* test_args.c - the subcommands' option parser (engine/app/args.c): each
 * row is a command line, the exit code it must give (or ARGS_GO) and what
 * it must store or print. args.c is app code, not a library: it is compiled
 * into this test. Run one test by pattern: `test_args 'bad*'`. */
#define _POSIX_C_SOURCE 200809L
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "../engine/app/args.c"

/* What a command of every kind of option stores. */
typedef struct frob {
    const char *out;
    uint64_t seed;
    double dpi;
    int json, exam, n_files, n_src;
    char *files[2], *src[2];
    unsigned defects;
} frob;

static void frob_usage(FILE *o) {
    fprintf(o, "usage: borderlab frob SRC [SRC] [--out FILE] ...\n");
}

/* Runs the command line (space-separated words after "frob") with stdout
 * and stderr captured into out (both, in order). */
static int run(frob *f, const char *line, char *out, size_t cap) {
    memset(f, 0, sizeof *f);
    f->out = "default.png";
    f->dpi = 300;
    const args_opt opts[] = {ARGS_POS("SRC", f->src, &f->n_src, 1, 2),
                             ARGS_STR("--out", &f->out),
                             ARGS_U64("--seed", &f->seed, 0, 9007199254740991ull),
                             ARGS_DOUBLE("--dpi", &f->dpi, 72, 1200),
                             ARGS_LIST("--scenario", f->files, &f->n_files, 2),
                             ARGS_CHOICE("--exam", &f->exam, args_off_on),
                             ARGS_CALL("--defect", args_defect, &f->defects),
                             ARGS_FLAG("--json", &f->json),
                             ARGS_END};
    static char words[512];
    char *argv[32] = {"frob"};
    int argc = 1;
    snprintf(words, sizeof words, "%s", line);
    for (char *w = strtok(words, " "); w && argc < 32; w = strtok(NULL, " "))
        argv[argc++] = w;
    fflush(stdout);
    fflush(stderr);
    FILE *tmp = tmpfile();
    assert_non_null(tmp);
    int so = dup(1), se = dup(2);
    dup2(fileno(tmp), 1);
    dup2(fileno(tmp), 2);
    int rc = args_parse("frob", opts, frob_usage, argc, argv);
    fflush(stdout);
    fflush(stderr);
    dup2(so, 1);
    dup2(se, 2);
    close(so);
    close(se);
    rewind(tmp);
    size_t n = fread(out, 1, cap - 1, tmp);
    out[n] = '\0';
    fclose(tmp);
    return rc;
}

typedef struct row {
    const char *line;
    int rc;
    const char *says; /* in the captured output ("" when it must be empty) */
} row;

static void run_rows(const row *rows, size_t n) {
    for (size_t i = 0; i < n; i++) {
        frob f;
        char out[1024];
        int rc = run(&f, rows[i].line, out, sizeof out);
        print_message("  %-40s -> %d %s", rows[i].line, rc, out[0] ? out : "\n");
        assert_int_equal(rc, rows[i].rc);
        if (!rows[i].says[0])
            assert_string_equal(out, "");
        else if (!strstr(out, rows[i].says))
            fail_msg("'%s': wanted '%s' in '%s'", rows[i].line, rows[i].says, out);
    }
}

static void test_good_lines_store_every_kind(void **state) {
    (void)state;
    frob f;
    char out[1024];
    int rc = run(&f,
                 "a.lua --out x.png --seed 42 --dpi 150.5 --scenario s1 --exam on --defect "
                 "photo_substitution --json --scenario s2 -",
                 out, sizeof out);
    assert_int_equal(rc, ARGS_GO);
    assert_string_equal(out, "");
    assert_string_equal(f.out, "x.png");
    assert_true(f.seed == 42);
    assert_true(f.dpi == 150.5);
    assert_int_equal(f.n_files, 2);
    assert_string_equal(f.files[0], "s1");
    assert_string_equal(f.files[1], "s2");
    assert_int_equal(f.exam, 1);
    assert_int_equal(f.json, 1);
    assert_true(f.defects == 1u << defect_from_id("photo_substitution"));
    assert_int_equal(f.n_src, 2);
    assert_string_equal(f.src[0], "a.lua");
    assert_string_equal(f.src[1], "-"); /* a lone '-' is standard input, a positional */
}

static void test_defaults_stay_and_dashes_end_options(void **state) {
    (void)state;
    frob f;
    char out[1024];
    assert_int_equal(run(&f, "-- --json", out, sizeof out), ARGS_GO);
    assert_string_equal(f.out, "default.png");
    assert_true(f.dpi == 300);
    assert_int_equal(f.json, 0);
    assert_int_equal(f.n_src, 1);
    assert_string_equal(f.src[0], "--json");
    /* a value may start with '-' */
    assert_int_equal(run(&f, "a --out -", out, sizeof out), ARGS_GO);
    assert_string_equal(f.out, "-");
}

static void test_help_anywhere(void **state) {
    (void)state;
    static const row rows[] = {
        {"--help", 0, "usage: borderlab frob"},
        {"a --seed 1 -h", 0, "usage: borderlab frob"},
        {"--colour red --help", 0, "usage: borderlab frob"},
    };
    run_rows(rows, sizeof rows / sizeof rows[0]);
}

static void test_bad_lines_exit_2_with_a_message(void **state) {
    (void)state;
    static const row rows[] = {
        {"a --colour red", 2, "borderlab frob: unknown option '--colour' (try --help)"},
        {"a --seed", 2, "borderlab frob: --seed needs a value (try --help)"},
        {"a --seed 12abc", 2,
         "--seed needs a whole number from 0 to 9007199254740991 (got '12abc')"},
        {"a --seed -5", 2, "--seed needs a whole number from 0 to 9007199254740991 (got '-5')"},
        {"a --seed 9007199254740992", 2, "(got '9007199254740992')"},
        {"a --dpi 90000", 2, "--dpi needs a number from 72 to 1200 (got '90000')"},
        {"a --dpi nan", 2, "--dpi needs a number from 72 to 1200 (got 'nan')"},
        {"a --exam maybe", 2, "--exam needs one of off, on (got 'maybe')"},
        {"a --defect glitter", 2, "unknown defect 'glitter'"},
        {"a --scenario 1 --scenario 2 --scenario 3", 2, "--scenario can be given at most 2 times"},
        {"a b c", 2, "borderlab frob: unexpected argument 'c' (try --help)"},
        {"--json", 2, "borderlab frob: missing SRC (try --help)"},
        {"", 2, "usage: borderlab frob"}, /* nothing at all: the usage */
    };
    run_rows(rows, sizeof rows / sizeof rows[0]);
}

static int sub_a(int argc, char **argv) {
    (void)argv;
    return 10 + argc;
}

static void test_dispatch(void **state) {
    (void)state;
    static const args_cmd cmds[] = {{"a", sub_a, NULL}, {"b", sub_a, NULL}, {NULL, NULL, NULL}};
    char *unknown[] = {"frob", "zap"}, *known[] = {"frob", "a", "x"}, *help[] = {"frob", "--help"},
         *none[] = {"frob"};
    FILE *null = fopen("/dev/null", "w");
    int se = dup(2), so = dup(1);
    dup2(fileno(null), 2);
    dup2(fileno(null), 1);
    int r_known = args_dispatch("frob", cmds, frob_usage, 3, known);
    int r_unknown = args_dispatch("frob", cmds, frob_usage, 2, unknown);
    int r_help = args_dispatch("frob", cmds, frob_usage, 2, help);
    int r_none = args_dispatch("frob", cmds, frob_usage, 1, none);
    fflush(stdout);
    fflush(stderr);
    dup2(se, 2);
    dup2(so, 1);
    close(se);
    close(so);
    fclose(null);
    assert_int_equal(r_known, 12); /* the subcommand gets argv from its own name on */
    assert_int_equal(r_unknown, 2);
    assert_int_equal(r_help, 0);
    assert_int_equal(r_none, 2);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_good_lines_store_every_kind),
        cmocka_unit_test(test_defaults_stay_and_dashes_end_options),
        cmocka_unit_test(test_help_anywhere),
        cmocka_unit_test(test_bad_lines_exit_2_with_a_message),
        cmocka_unit_test(test_dispatch),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
