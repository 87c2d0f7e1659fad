/* err.h - errors as values: a code for programs, a message for people.
 *
 * Core functions that can fail take a `bl_err *` (may be NULL) and return a
 * status (0 ok, -1 failure) or NULL. On failure they fill the message with what
 * went wrong, where (file, line, field, byte offset) and what to do, and the
 * code with what kind of failure it is. The core never aborts or exits on bad
 * input.
 *
 * The code is set where the error is made (err_setc) and survives err_prefix
 * as the error bubbles up, so a caller branches on the code, never on the
 * words (as SQLite pairs sqlite3_errcode with sqlite3_errmsg). Exit codes come
 * from err_exit_code alone.
 */
#ifndef BL_ERR_H
#define BL_ERR_H

#include <stddef.h>

typedef enum bl_errcode {
    BL_E_INPUT = 0, /* bad input: a file, value or field that is not what it must be (err_set) */
    BL_E_USAGE,     /* the command line: a missing or unknown option */
    BL_E_IO,        /* a file, folder or database cannot be opened, read, written or locked */
    BL_E_NOMEM,     /* out of memory */
    BL_E_SCRIPT,    /* a scenario or session script failed or hit a sandbox limit */
    BL_E_REFUSED,   /* integrity: a journal, pack, signature or key that does not verify, or a
                       record that is not this session's; the input was read and is refused */
} bl_errcode;

typedef struct bl_err {
    char msg[512]; /* NUL-terminated, human-readable, one line, no control characters */
    int code;      /* bl_errcode; BL_E_INPUT unless the maker said otherwise */
} bl_err;

/* Formats into err->msg (when err is not NULL), sets err->code to BL_E_INPUT
 * and returns -1, so a failing function can `return err_set(err, "...", ...)`. */
int err_set(bl_err *err, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;

/* The same with the error's code. */
int err_setc(bl_err *err, bl_errcode code, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;

/* Prepends "prefix: " to an existing message (adds context as errors bubble
 * up); the code stays. */
int err_prefix(bl_err *err, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;

/* A copy of `in` fit for a terminal (control characters replaced: a tab or
 * line end by a space, others by '?'), in buf; returns buf. err_set and
 * err_prefix clean every message this way; printers of other untrusted text
 * (a scenario's problems) use this. */
const char *err_clean(const char *in, char *buf, size_t cap);

/* The process exit code for an error, the same in every command: 1 when the
 * input was read and refused (BL_E_REFUSED), 2 for every other failure
 * (usage, I/O, bad input, script, memory). */
int err_exit_code(const bl_err *err);

/* A short name for the code ("refused", "io", ...), for logs and tests. */
const char *err_code_name(int code);

#endif
