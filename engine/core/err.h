/* err.h - errors as values.
 *
 * Core functions that can fail take a `bl_err *` (may be NULL) and return a
 * status (0 ok, -1 failure) or NULL. On failure they fill the message with what
 * went wrong, where (file, line, field, byte offset) and what to do. The core
 * never aborts or exits on bad input.
 */
#ifndef BL_ERR_H
#define BL_ERR_H

#include <stddef.h>

typedef struct bl_err {
    char msg[512]; /* NUL-terminated, human-readable, one line */
} bl_err;

/* Formats into err->msg (when err is not NULL) and returns -1, so a failing
 * function can `return err_set(err, "...", ...)`. */
int err_set(bl_err *err, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;

/* Prepends "prefix: " to an existing message (adds context as errors bubble up). */
int err_prefix(bl_err *err, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;

#endif
