/* args.h - the subcommands' command line: one table-driven option parser.
 *
 * Every `borderlab CMD` describes its options in a table and calls
 * args_parse once; the parser owns the rules and the messages, so every
 * command answers a bad command line the same way:
 *
 *   borderlab CMD: unknown option '--colour' (try --help)
 *   borderlab CMD: --seed needs a value (try --help)
 *   borderlab CMD: --seed needs a whole number from 0 to 9007199254740991 (got '12abc')
 *   borderlab CMD: --dpi needs a number from 72 to 1200 (got '90000')
 *   borderlab CMD: --exam needs one of off, on (got 'maybe')
 *   borderlab CMD: unexpected argument 'b' (try --help)
 *   borderlab CMD: missing FILE (try --help)
 *
 * and returns the usage exit code 2 (err_exit_code of a BL_E_USAGE error).
 * A command that needs positional arguments and is given no argument at all
 * prints its usage on stderr instead (and returns 2).
 * -h or --help anywhere on the line prints the command's usage on stdout and
 * returns 0. Options are `--name value` (never `--name=value`); a value may
 * start with '-' (`--log -`). Anything that does not start with '-', a lone
 * "-" (standard input) and everything after "--" is a positional argument.
 *
 * Manual, by example: `borderlab frob SRC [--out FILE] [--dpi N] [--defect K]...
 * [--exam on|off] [--today DATE] [--json]`.
 *
 *     static void usage(FILE *o) { fprintf(o, "usage: borderlab frob SRC ...\n"); }
 *
 *     static int parse_today(const char *v, void *dst, bl_err *err) {
 *         if (date_parse_iso(v, dst) == 0) return 0;
 *         return err_set(err, "--today needs a date as YYYY-MM-DD (got '%s')", v);
 *     }
 *
 *     int cmd_frob(int argc, char **argv) {  // argv[0] is "frob"
 *         const char *out = "out.png";          // defaults: set before parsing
 *         double dpi = 300;
 *         int json = 0, exam = 0, n_defects = 0, n_src = 0;
 *         char *defects[8], *src[1];
 *         bl_date today = {2026, 6, 1};
 *         const args_opt opts[] = {
 *             ARGS_POS("SRC", src, &n_src, 1, 1),          // exactly one positional
 *             ARGS_STR("--out", &out),
 *             ARGS_DOUBLE("--dpi", &dpi, 72, 1200),
 *             ARGS_LIST("--defect", defects, &n_defects, 8),
 *             ARGS_CHOICE("--exam", &exam, args_off_on),   // exam = 0 (off) or 1 (on)
 *             ARGS_CALL("--today", parse_today, &today),
 *             ARGS_FLAG("--json", &json),
 *             ARGS_END};
 *         int rc = args_parse("frob", opts, usage, argc, argv);
 *         if (rc != ARGS_GO) return rc;   // 0 after --help, 2 after a bad command line
 *         if (dpi > 600 && json) return args_fail("frob", "--json wants --dpi 600 or less");
 *         ...
 *     }
 *
 * The table is a local array (its rows point at the command's locals); each
 * macro checks its pointer's type at compile time (a uint64_t * for
 * ARGS_U64, a char *array for ARGS_LIST and ARGS_POS ...). Counts of
 * ARGS_LIST and ARGS_POS start at 0; values set before the call are the
 * defaults.
 *
 * What a command checks itself after args_parse: options that are required
 * (args_fail(who, "--input FILE is required (try --help)")), options that
 * exclude each other, and values whose meaning is another module's (a light
 * name, a template id).
 *
 * A command with subcommands (`borderlab mrz check|make`) lists them in an
 * args_cmd table and calls args_dispatch; each subcommand parses its own
 * argv with args_parse (its argv[0] is the subcommand's name).
 *
 * args_u64 and args_double are the number rules the table uses, for values
 * that do not come from the command line's options. */
#ifndef BL_ARGS_H
#define BL_ARGS_H

#include <stdint.h>
#include <stdio.h>

#include "err.h"

#define ARGS_GO (-1) /* args_parse: the command line is good, go on */

typedef enum args_kind {
    ARGK_END,    /* ends the table */
    ARGK_FLAG,   /* --name: sets an int to 1 */
    ARGK_STR,    /* --name VALUE: a const char * pointing into argv (the last one given wins) */
    ARGK_U64,    /* --name N: a whole number in [ulo, uhi] into a uint64_t */
    ARGK_DOUBLE, /* --name N: a number in [lo, hi] into a double */
    ARGK_CHOICE, /* --name WORD: one of choices[], its index into an int */
    ARGK_LIST,   /* --name VALUE, repeatable: appended to a char *array[cap] */
    ARGK_CALL,   /* --name VALUE: fn(VALUE, dst, err) converts and stores it */
    ARGK_POS,    /* the positional arguments: between min and cap of them, into a char *array */
} args_kind;

/* An ARGK_CALL converter: 0 stored, -1 with err's message (printed as
 * "borderlab CMD: message"). */
typedef int (*args_fn)(const char *value, void *dst, bl_err *err);

/* One row of a command's table; write rows with the ARGS_ macros below. */
typedef struct args_opt {
    const char *name;           /* "--seed"; ARGK_POS: what they are called in messages ("FILE") */
    args_kind kind;             /* what the option takes and how it is stored */
    void *dst;                  /* where the value goes (its type is the macro's) */
    uint64_t ulo, uhi;          /* ARGK_U64: the range, inclusive */
    double lo, hi;              /* ARGK_DOUBLE: the range, inclusive */
    const char *const *choices; /* ARGK_CHOICE: the words, NULL-terminated */
    int *count;                 /* ARGK_LIST, ARGK_POS: how many were stored (set to 0 first) */
    int min, cap;               /* ARGK_POS: at least min; ARGK_LIST, ARGK_POS: at most cap */
    args_fn fn;                 /* ARGK_CALL: the converter */
} args_opt;

/* The pointer p, checked to be of type T at compile time. */
#define ARGS_TYPED(p, T) _Generic((p), T : (p))

#define ARGS_FLAG(nm, p)                                                                           \
    { .name = (nm), .kind = ARGK_FLAG, .dst = ARGS_TYPED(p, int *) }
#define ARGS_STR(nm, p)                                                                            \
    { .name = (nm), .kind = ARGK_STR, .dst = ARGS_TYPED(p, const char **) }
#define ARGS_U64(nm, p, a, b)                                                                      \
    { .name = (nm), .kind = ARGK_U64, .dst = ARGS_TYPED(p, uint64_t *), .ulo = (a), .uhi = (b) }
#define ARGS_DOUBLE(nm, p, a, b)                                                                   \
    { .name = (nm), .kind = ARGK_DOUBLE, .dst = ARGS_TYPED(p, double *), .lo = (a), .hi = (b) }
#define ARGS_CHOICE(nm, p, words)                                                                  \
    { .name = (nm), .kind = ARGK_CHOICE, .dst = ARGS_TYPED(p, int *), .choices = (words) }
#define ARGS_LIST(nm, arr, n, max)                                                                 \
    { .name = (nm), .kind = ARGK_LIST, .dst = ARGS_TYPED(arr, char **), .count = (n), .cap = (max) }
#define ARGS_CALL(nm, f, p)                                                                        \
    { .name = (nm), .kind = ARGK_CALL, .dst = (p), .fn = (f) }
#define ARGS_POS(nm, arr, n, lo, max)                                                              \
    {                                                                                              \
        .name = (nm), .kind = ARGK_POS, .dst = ARGS_TYPED(arr, char **), .count = (n),             \
        .min = (lo), .cap = (max)                                                                  \
    }
#define ARGS_END                                                                                   \
    { .name = NULL, .kind = ARGK_END }

/* {"off", "on", NULL}: an ARGS_CHOICE of on|off stores 0 or 1. */
extern const char *const args_off_on[];

/* Parses argv[1..argc-1] against the table (argv[0] is the command's name).
 * Returns ARGS_GO when the command should go on, else the exit code to
 * return: 0 after -h/--help (usage printed on stdout), 2 after a bad command
 * line (the message printed on stderr as "borderlab WHO: ..."). Values a
 * command sets before the call are its defaults; options not given keep them. */
int args_parse(const char *who, const args_opt *opts, void (*usage)(FILE *), int argc, char **argv);

/* Prints "borderlab WHO: message" on stderr and returns 2 (the usage exit
 * code), for what a command checks after args_parse. */
int args_fail(const char *who, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;

/* One subcommand of a command that has them. */
typedef struct args_cmd {
    const char *name;                  /* "check"; NULL ends the table */
    int (*run)(int argc, char **argv); /* gets argv from the subcommand's name on */
    const char *summary;               /* one line for the command's usage (may be NULL) */
} args_cmd;

/* Runs the subcommand argv[1] names with (argc - 1, argv + 1). No
 * subcommand: usage on stderr, 2. -h/--help instead of one, or an unknown
 * one with -h/--help further on: usage on stdout, 0. An unknown one:
 * "borderlab WHO: unknown command 'X' (a, b, c)", 2. WHO NULL: borderlab's own
 * commands ("borderlab: ..."). */
int args_dispatch(const char *who, const args_cmd *cmds, void (*usage)(FILE *), int argc,
                  char **argv);

/* An ARGS_CALL converter the commands share: --defect KIND (repeatable) ORs
 * 1u << its defect_kind into an unsigned; an unknown kind is refused. */
int args_defect(const char *value, void *dst, bl_err *err);

/* True when argv[1..argc-1] holds -h or --help (before any "--"). */
int args_wants_help(int argc, char **argv);

/* Parses a whole decimal number in [lo, hi] (digits only, no sign); -1 on
 * junk or out of range, 0 with *out set. */
int args_u64(const char *s, uint64_t lo, uint64_t hi, uint64_t *out);
/* The same for a number strtod reads whole (no NaN: it fails every range). */
int args_double(const char *s, double lo, double hi, double *out);

#endif
