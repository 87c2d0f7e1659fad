/* cmd_mrz.c - `borderlab mrz check|make`: the command-line face of mrz.h.
 *
 * check: reads MRZ blocks (blank-line separated, '#' lines ignored) and prints
 *        one JSON object per block on stdout; problems also go to stderr with
 *        the input line where the block starts. Exit 0 all valid, 1 some
 *        invalid, 2 usage or I/O error.
 * make:  reads one JSON object of MRZ fields plus "format" and prints the lines.
 *
 * The JSON written by check is produced here (not by cJSON) so that its layout
 * is exactly the documented one: `{"format": "TD3", "valid": true, ...}` on
 * one line, keys in a fixed order.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "args.h"
#include "cmd.h"
#include "fsio.h"
#include "mrz.h"
#include "translit.h"

#define MRZ_INPUT_MAX (64u << 20) /* a check file of millions of documents is still fine */
#define MRZ_JSON_MAX  (1u << 20)

static const char *const field_keys[] = {
    "document_code", "issuing_state", "document_number", "nationality",   "birth_date",      "sex",
    "expiry_date",   "surname",       "given_names",     "optional_data", "optional_data_2",
};
#define N_FIELDS (sizeof field_keys / sizeof field_keys[0])

/* The mrz_fields member for field_keys[i], and its capacity. */
static char *field_slot(mrz_fields *f, size_t i, size_t *cap) {
    char *slots[N_FIELDS] = {f->document_code, f->issuing_state, f->document_number, f->nationality,
                             f->birth_date,    f->sex,           f->expiry_date,     f->surname,
                             f->given_names,   f->optional_data, f->optional_data_2};
    size_t caps[N_FIELDS] = {
        sizeof f->document_code, sizeof f->issuing_state,  sizeof f->document_number,
        sizeof f->nationality,   sizeof f->birth_date,     sizeof f->sex,
        sizeof f->expiry_date,   sizeof f->surname,        sizeof f->given_names,
        sizeof f->optional_data, sizeof f->optional_data_2};
    *cap = caps[i];
    return slots[i];
}

static void usage(FILE *out) {
    fprintf(out,
            "usage: borderlab mrz check [FILE]   validate ICAO Doc 9303 MRZs, one JSON line each\n"
            "       borderlab mrz make [FILE]    build MRZ lines from a JSON object of fields\n"
            "\n"
            "FILE defaults to standard input ('-' also means standard input).\n"
            "Formats: TD1 (3x30), TD2 (2x36), TD3 (2x44), MRV-A (2x44 visa), MRV-B (2x36 visa).\n"
            "'borderlab mrz check --help' and 'borderlab mrz make --help' tell more.\n");
}

static void usage_check(FILE *out) {
    fprintf(out,
            "usage: borderlab mrz check [FILE]\n"
            "\n"
            "Reads machine-readable zones from FILE (or standard input): each document is a\n"
            "block of 2 or 3 lines, blocks are separated by blank lines, lines starting with\n"
            "'#' are ignored. For every block prints one JSON object on one line:\n"
            "  {\"format\": \"TD3\", \"valid\": true, \"fields\": {...}, \"errors\": [...]}\n"
            "format is TD1, TD2, TD3, MRV-A, MRV-B, or null when the block is not an MRZ;\n"
            "fields: document_code, issuing_state, document_number, nationality, birth_date,\n"
            "sex, expiry_date, surname, given_names, optional_data, optional_data_2 (dates as\n"
            "YYMMDD, trailing '<' removed, inner '<' shown as spaces); each error names the\n"
            "field (or \"composite\", or \"mrz\" for the layout) and says what was expected.\n"
            "Line and column numbers in messages are 1-based, counted within the block.\n"
            "\n"
            "Checks: layout, all check digits, composite digit, document code, state and\n"
            "nationality codes, sex, real calendar dates (unknown birth date parts as '<<').\n"
            "Exit status: 0 every block valid, 1 some block invalid, 2 usage or I/O error.\n");
}

static void usage_make(FILE *out) {
    fprintf(out, "usage: borderlab mrz make [FILE]\n"
                 "\n"
                 "Reads one JSON object from FILE (or standard input) and prints its MRZ lines:\n"
                 "  {\"format\": \"TD3\", \"document_code\": \"P\", \"issuing_state\": \"UTO\",\n"
                 "   \"document_number\": \"L898902C3\", \"nationality\": \"UTO\",\n"
                 "   \"birth_date\": \"740812\", \"sex\": \"F\", \"expiry_date\": \"120415\",\n"
                 "   \"surname\": \"Eriksson\", \"given_names\": \"Anna Maria\",\n"
                 "   \"optional_data\": \"ZE184226B\"}\n"
                 "Required: format, document_code, issuing_state, document_number, nationality,\n"
                 "birth_date, sex, expiry_date, surname. Optional: given_names, optional_data,\n"
                 "optional_data_2 (TD1 only). All values are strings; unknown keys are refused.\n"
                 "Names may be written in Latin, Cyrillic or Arabic script (UTF-8); they are\n"
                 "transliterated per ICAO Doc 9303 Part 3 section 6 and truncated to the name\n"
                 "field if needed (a note on standard error says so). Birth dates may mark\n"
                 "unknown parts with '<<'. sex is M, F, X or < (unspecified).\n"
                 "Exit status: 0 printed, 2 bad input (the message names the field).\n");
}

/* ---- JSON output for check --------------------------------------------------------------- */

static void json_str(FILE *out, const char *s) {
    fputc('"', out);
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if (*p == '"' || *p == '\\')
            fprintf(out, "\\%c", *p);
        else if (*p < 0x20 || *p == 0x7F)
            fprintf(out, "\\u%04x", *p);
        else
            fputc(*p, out);
    }
    fputc('"', out);
}

static void print_result(FILE *out, const mrz_result *r) {
    fputs("{\"format\": ", out);
    if (r->format < 0)
        fputs("null", out);
    else
        json_str(out, mrz_format_name(r->format));
    fprintf(out, ", \"valid\": %s, \"fields\": {", r->valid ? "true" : "false");
    mrz_fields f = r->fields;
    for (size_t i = 0; i < N_FIELDS; i++) {
        size_t cap;
        fprintf(out, "%s\"%s\": ", i ? ", " : "", field_keys[i]);
        json_str(out, field_slot(&f, i, &cap));
    }
    fputs("}, \"errors\": [", out);
    for (int i = 0; i < r->n_issues; i++) {
        fputs(i ? ", {\"field\": " : "{\"field\": ", out);
        json_str(out, r->issues[i].field);
        fputs(", \"message\": ", out);
        json_str(out, r->issues[i].message);
        fputc('}', out);
    }
    fputs("]}\n", out);
}

/* Editors on Windows like to start UTF-8 files with a byte order mark; it is
 * not part of the data. Returns how many bytes to skip. */
static size_t skip_bom(const char *text, size_t len) {
    return len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
}

/* ---- check --------------------------------------------------------------------------------- */

typedef struct {
    char *buf;
    size_t len, cap;
} strbuf;

static int sb_add(strbuf *b, const char *s, size_t n) {
    if (b->len + n + 2 > b->cap) {
        size_t cap = b->cap ? b->cap : 256;
        while (b->len + n + 2 > cap)
            cap *= 2;
        char *nb = realloc(b->buf, cap);
        if (!nb) return -1;
        b->buf = nb;
        b->cap = cap;
    }
    memcpy(b->buf + b->len, s, n);
    b->len += n;
    b->buf[b->len++] = '\n';
    return 0;
}

static int is_blank(const char *s, size_t n) {
    for (size_t i = 0; i < n; i++)
        if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r') return 0;
    return 1;
}

/* Validates the block in b (started at input line first_line); returns its validity. */
static int check_block(strbuf *b, const char *name, long first_line, long block_no) {
    mrz_result r;
    mrz_parse(b->buf, b->len, &r);
    print_result(stdout, &r);
    for (int i = 0; i < r.n_issues; i++)
        fprintf(stderr, "%s:%ld: block %ld: %s: %s\n", name, first_line, block_no,
                r.issues[i].field, r.issues[i].message);
    b->len = 0;
    return r.valid;
}

static int run_check(const char *path) {
    const char *name = strcmp(path, "-") == 0 ? "<stdin>" : path;
    bl_err err;
    size_t len;
    char *text = fs_read_all(path, MRZ_INPUT_MAX, &len, &err);
    if (!text) {
        return cmd_fail("mrz check", &err);
    }
    strbuf b = {0};
    long line_no = 0, first_line = 0, blocks = 0;
    int all_valid = 1, oom = 0;
    size_t at = skip_bom(text, len);
    while (at < len && !oom) {
        const char *line = text + at;
        const char *nl = memchr(line, '\n', len - at);
        size_t n = nl ? (size_t)(nl - line) : len - at;
        at += n + (nl ? 1 : 0);
        line_no++;
        if (n > 0 && line[0] == '#') continue; /* comment, also between a block's lines */
        if (is_blank(line, n)) {
            if (b.len) all_valid &= check_block(&b, name, first_line, ++blocks);
            continue;
        }
        if (!b.len) first_line = line_no;
        oom = sb_add(&b, line, n) < 0;
    }
    if (b.len && !oom) all_valid &= check_block(&b, name, first_line, ++blocks);
    free(b.buf);
    free(text);
    if (oom) {
        fprintf(stderr, "borderlab mrz check: out of memory reading '%s'\n", name);
        return 2;
    }
    if (blocks == 0) {
        fprintf(stderr,
                "borderlab mrz check: no MRZ found in '%s' (expected blocks of 2 or 3 lines "
                "separated by blank lines; '#' starts a comment line)\n",
                name);
        return 2;
    }
    return all_valid ? 0 : 1;
}

/* ---- make ---------------------------------------------------------------------------------- */

static int make_fail(const char *name, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;

/* Prints "borderlab mrz make: NAME: message" and returns the usage/input exit code. */
static int make_fail(const char *name, const char *fmt, ...) {
    va_list ap;
    fprintf(stderr, "borderlab mrz make: %s: ", name);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
    return 2;
}

/* The MRZ fields and format of one JSON object; 0, or 2 with the message
 * printed (an unknown, repeated, non-string, too long or missing key). */
static int fields_from_json(const char *name, const cJSON *root, mrz_fields *f, int *fmt) {
    int seen[N_FIELDS + 1] = {0};
    memset(f, 0, sizeof *f);
    *fmt = -1;
    if (!cJSON_IsObject(root)) return make_fail(name, "expected a JSON object of MRZ fields");
    for (const cJSON *it = root->child; it; it = it->next) {
        const char *key = it->string ? it->string : "";
        size_t idx = N_FIELDS; /* N_FIELDS stands for "format" */
        if (strcmp(key, "format") != 0) {
            for (idx = 0; idx < N_FIELDS && strcmp(key, field_keys[idx]) != 0; idx++)
                continue;
            if (idx == N_FIELDS)
                return make_fail(name,
                                 "unknown key '%s'; expected format, document_code, "
                                 "issuing_state, document_number, nationality, birth_date, sex, "
                                 "expiry_date, surname, given_names, optional_data, "
                                 "optional_data_2",
                                 key);
        }
        if (seen[idx]++) return make_fail(name, "key '%s' appears twice", key);
        if (!cJSON_IsString(it))
            return make_fail(name, "'%s' must be a string (use \"\" for an empty field)", key);
        const char *v = it->valuestring;
        if (idx == N_FIELDS) {
            if ((*fmt = mrz_format_from_name(v)) < 0)
                return make_fail(
                    name, "format '%s' is unknown; expected TD1, TD2, TD3, MRV-A or MRV-B", v);
            continue;
        }
        size_t cap, vlen = strlen(v);
        char *slot = field_slot(f, idx, &cap);
        if (vlen >= cap)
            return make_fail(name, "'%s' is too long (%zu bytes; at most %zu)", key, vlen, cap - 1);
        memcpy(slot, v, vlen + 1);
    }
    static const char *const required[] = {
        "format",     "document_code", "issuing_state", "document_number", "nationality",
        "birth_date", "sex",           "expiry_date",   "surname"};
    for (size_t i = 0; i < sizeof required / sizeof required[0]; i++) {
        size_t idx = N_FIELDS;
        if (strcmp(required[i], "format") != 0)
            for (idx = 0; strcmp(required[i], field_keys[idx]) != 0; idx++)
                continue;
        if (!seen[idx])
            return make_fail(name,
                             "missing key '%s' (required: format, document_code, issuing_state, "
                             "document_number, nationality, birth_date, sex, expiry_date, "
                             "surname)",
                             required[i]);
    }
    return 0;
}

/* Tells the user when the name did not fit (the MRZ itself shows it only by
 * ending the field with a letter). */
static void note_truncation(const mrz_fields *f, char lines[3][45], int n_lines) {
    char joined[3 * 46] = "", sur[256], giv[256];
    for (int i = 0; i < n_lines; i++)
        strcat(strcat(joined, lines[i]), "\n");
    mrz_result back;
    mrz_parse(joined, strlen(joined), &back);
    if (translit_name_to_mrz(f->surname, sur, sizeof sur, NULL) < 0 ||
        translit_name_to_mrz(f->given_names, giv, sizeof giv, NULL) < 0)
        return;
    for (char *p = sur; *p; p++)
        *p = *p == '<' ? ' ' : *p;
    for (char *p = giv; *p; p++)
        *p = *p == '<' ? ' ' : *p;
    if (strcmp(sur, back.fields.surname) != 0 || strcmp(giv, back.fields.given_names) != 0)
        fprintf(stderr,
                "borderlab mrz make: note: the name was truncated to fit the name field "
                "(%s, %s)\n",
                back.fields.surname, back.fields.given_names);
}

static int run_make(const char *path) {
    const char *name = strcmp(path, "-") == 0 ? "<stdin>" : path;
    bl_err err;
    size_t len;
    char *text = fs_read_all(path, MRZ_JSON_MAX, &len, &err);
    if (!text) {
        return cmd_fail("mrz make", &err);
    }
    const char *end = NULL;
    size_t bom = skip_bom(text, len);
    cJSON *root = cJSON_ParseWithLengthOpts(text + bom, len + 1 - bom, &end, 1); /* + its NUL */
    if (!root) {
        long where = end ? (long)(end - text) : 0L;
        free(text);
        return make_fail(name,
                         "not valid JSON (near byte %ld); expected one object such as "
                         "{\"format\": \"TD3\", ...}",
                         where);
    }
    mrz_fields f;
    int fmt, n_lines = 0;
    char lines[3][45];
    int rc = fields_from_json(name, root, &f, &fmt);
    if (rc == 0 && mrz_make((mrz_format)fmt, &f, lines, &n_lines, &err) < 0)
        rc = make_fail(name, "%s", err.msg);
    if (rc == 0) {
        for (int i = 0; i < n_lines; i++)
            printf("%s\n", lines[i]);
        note_truncation(&f, lines, n_lines);
    }
    cJSON_Delete(root);
    free(text);
    return rc;
}

/* ---- entry --------------------------------------------------------------------------------- */

/* `mrz check [FILE]` and `mrz make [FILE]`: FILE defaults to standard input. */
static int with_file(const char *who, int argc, char **argv, void (*help)(FILE *),
                     int (*run)(const char *)) {
    char *file[1] = {"-"};
    int n = 0;
    const args_opt opts[] = {ARGS_POS("FILE", file, &n, 0, 1), ARGS_END};
    int rc = args_parse(who, opts, help, argc, argv);
    return rc != ARGS_GO ? rc : run(file[0]);
}

static int sub_check(int argc, char **argv) {
    return with_file("mrz check", argc, argv, usage_check, run_check);
}

static int sub_make(int argc, char **argv) {
    return with_file("mrz make", argc, argv, usage_make, run_make);
}

int cmd_mrz(int argc, char **argv) {
    static const args_cmd subs[] = {
        {"check", sub_check, NULL}, {"make", sub_make, NULL}, {NULL, NULL, NULL}};
    return args_dispatch("mrz", subs, usage, argc, argv);
}
