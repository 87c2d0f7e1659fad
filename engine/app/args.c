/* args.c - see args.h */
#include "args.h"

#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "defect.h"

const char *const args_off_on[] = {"off", "on", NULL};

int args_u64(const char *s, uint64_t lo, uint64_t hi, uint64_t *out) {
    if (!s || !*s || *s == '-' || *s == '+') return -1;
    for (const char *p = s; *p; p++)
        if (*p < '0' || *p > '9') return -1;
    errno = 0;
    char *end;
    unsigned long long v = strtoull(s, &end, 10);
    if (errno || *end || v < lo || v > hi) return -1;
    *out = (uint64_t)v;
    return 0;
}

int args_double(const char *s, double lo, double hi, double *out) {
    if (!s || !*s) return -1;
    errno = 0;
    char *end;
    double v = strtod(s, &end);
    if (errno || *end || !(v >= lo && v <= hi)) return -1;
    *out = v;
    return 0;
}

/* 2: the exit code of a command line that cannot be run (err.h). */
static int usage_code(void) {
    const bl_err usage_err = {.code = BL_E_USAGE};
    return err_exit_code(&usage_err);
}

int args_fail(const char *who, const char *fmt, ...) {
    va_list ap;
    fprintf(stderr, "borderlab%s%s: ", who ? " " : "", who ? who : "");
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
    return usage_code();
}

int args_defect(const char *v, void *dst, bl_err *err) {
    int k = defect_from_id(v);
    if (k < 0)
        return err_set(err, "unknown defect '%s' ('borderlab templates' lists the defect kinds)",
                       v);
    *(unsigned *)dst |= 1u << k;
    return 0;
}

static int is_help(const char *a) {
    return !strcmp(a, "-h") || !strcmp(a, "--help");
}

int args_wants_help(int argc, char **argv) {
    for (int i = 1; i < argc && strcmp(argv[i], "--"); i++)
        if (is_help(argv[i])) return 1;
    return 0;
}

/* The option called name (never the positional row); NULL when there is none. */
static const args_opt *find_opt(const args_opt *opts, const char *name) {
    for (; opts->kind != ARGK_END; opts++)
        if (opts->kind != ARGK_POS && !strcmp(opts->name, name)) return opts;
    return NULL;
}

static const args_opt *find_pos(const args_opt *opts) {
    for (; opts->kind != ARGK_END; opts++)
        if (opts->kind == ARGK_POS) return opts;
    return NULL;
}

static int choice_fail(const char *who, const args_opt *o, const char *v) {
    char words[256] = "";
    size_t n = 0;
    for (int k = 0; o->choices[k]; k++)
        n += (size_t)snprintf(words + n, n < sizeof words ? sizeof words - n : 0, "%s%s",
                              k ? ", " : "", o->choices[k]);
    return args_fail(who, "%s needs one of %s (got '%s')", o->name, words, v);
}

/* Stores the value v of option o; 0, or the usage exit code with a message. */
static int store(const char *who, const args_opt *o, const char *v) {
    switch (o->kind) {
    case ARGK_STR:
        *(const char **)o->dst = v;
        return 0;
    case ARGK_U64:
        if (args_u64(v, o->ulo, o->uhi, o->dst) == 0) return 0;
        return args_fail(who, "%s needs a whole number from %llu to %llu (got '%s')", o->name,
                         (unsigned long long)o->ulo, (unsigned long long)o->uhi, v);
    case ARGK_DOUBLE:
        if (args_double(v, o->lo, o->hi, o->dst) == 0) return 0;
        return args_fail(who, "%s needs a number from %g to %g (got '%s')", o->name, o->lo, o->hi,
                         v);
    case ARGK_CHOICE:
        for (int k = 0; o->choices[k]; k++)
            if (!strcmp(v, o->choices[k])) {
                *(int *)o->dst = k;
                return 0;
            }
        return choice_fail(who, o, v);
    case ARGK_LIST:
        if (*o->count >= o->cap)
            return args_fail(who, "%s can be given at most %d times", o->name, o->cap);
        ((char **)o->dst)[(*o->count)++] = (char *)v;
        return 0;
    case ARGK_CALL: {
        bl_err err = {0};
        return o->fn(v, o->dst, &err) == 0 ? 0 : args_fail(who, "%s", err.msg);
    }
    default:
        return args_fail(who, "%s: not an option that takes a value", o->name);
    }
}

static int positional(const char *who, const args_opt *pos, char *a) {
    if (!pos || *pos->count >= pos->cap)
        return args_fail(who, "unexpected argument '%s' (try --help)", a);
    ((char **)pos->dst)[(*pos->count)++] = a;
    return 0;
}

int args_parse(const char *who, const args_opt *opts, void (*usage)(FILE *), int argc,
               char **argv) {
    if (args_wants_help(argc, argv)) {
        usage(stdout);
        return 0;
    }
    for (const args_opt *o = opts; o->kind != ARGK_END; o++)
        if (o->count) *o->count = 0;
    const args_opt *pos = find_pos(opts);
    int only_pos = 0;
    for (int i = 1; i < argc; i++) {
        char *a = argv[i];
        if (!only_pos && !strcmp(a, "--")) {
            only_pos = 1;
            continue;
        }
        int rc = 0;
        if (only_pos || a[0] != '-' || a[1] == '\0') {
            if ((rc = positional(who, pos, a)) != 0) return rc;
            continue;
        }
        const args_opt *o = find_opt(opts, a);
        if (!o) return args_fail(who, "unknown option '%s' (try --help)", a);
        if (o->kind == ARGK_FLAG) {
            *(int *)o->dst = 1;
            continue;
        }
        if (i + 1 >= argc) return args_fail(who, "%s needs a value (try --help)", a);
        if ((rc = store(who, o, argv[++i])) != 0) return rc;
    }
    if (pos && *pos->count < pos->min) {
        if (argc > 1) return args_fail(who, "missing %s (try --help)", pos->name);
        usage(stderr); /* nothing at all: how to use the command */
        return usage_code();
    }
    return ARGS_GO;
}

int args_dispatch(const char *who, const args_cmd *cmds, void (*usage)(FILE *), int argc,
                  char **argv) {
    if (argc < 2) {
        usage(stderr);
        return usage_code();
    }
    for (const args_cmd *c = cmds; c->name; c++)
        if (!strcmp(argv[1], c->name)) return c->run(argc - 1, argv + 1);
    if (args_wants_help(argc, argv)) {
        usage(stdout);
        return 0;
    }
    char names[512] = "";
    size_t n = 0;
    for (const args_cmd *c = cmds; c->name; c++)
        n += (size_t)snprintf(names + n, n < sizeof names ? sizeof names - n : 0, "%s%s",
                              c != cmds ? ", " : "", c->name);
    return args_fail(who, "unknown command '%s' (%s)", argv[1], names);
}
