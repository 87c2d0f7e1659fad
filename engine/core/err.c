/* err.c - see err.h */
#include "err.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

int err_set(bl_err *err, const char *fmt, ...) {
    if (!err) return -1;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err->msg, sizeof err->msg, fmt, ap);
    va_end(ap);
    return -1;
}

int err_prefix(bl_err *err, const char *fmt, ...) {
    if (!err) return -1;
    char pre[256], old[sizeof err->msg];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(pre, sizeof pre, fmt, ap);
    va_end(ap);
    memcpy(old, err->msg, sizeof old);
    old[sizeof old - 1] = '\0';
    /* Assemble by hand: snprintf("%s: %s") trips -Wformat-truncation, and
     * cutting a long message short is exactly what we want here. */
    size_t n = strlen(pre), cap = sizeof err->msg - 1;
    if (n > cap) n = cap;
    memcpy(err->msg, pre, n);
    if (n + 2 <= cap) {
        memcpy(err->msg + n, ": ", 2);
        n += 2;
    }
    size_t m = strlen(old);
    if (m > cap - n) m = cap - n;
    memcpy(err->msg + n, old, m);
    err->msg[n + m] = '\0';
    return -1;
}
