/* err.c - see err.h */
#include "err.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

/* A message is one line a terminal shows as it is: whatever a script or a
 * file put in it, no control character reaches the screen. */
static void clean(char *s) {
    for (unsigned char *p = (unsigned char *)s; *p; p++)
        if (*p == '\n' || *p == '\r' || *p == '\t')
            *p = ' ';
        else if (*p < 0x20 || *p == 0x7F)
            *p = '?';
}

static void vset(bl_err *err, int code, const char *fmt, va_list ap) {
    vsnprintf(err->msg, sizeof err->msg, fmt, ap);
    clean(err->msg);
    err->code = code;
}

const char *err_clean(const char *in, char *buf, size_t cap) {
    if (!cap) return "";
    snprintf(buf, cap, "%s", in ? in : "");
    clean(buf);
    return buf;
}

int err_set(bl_err *err, const char *fmt, ...) {
    if (!err) return -1;
    va_list ap;
    va_start(ap, fmt);
    vset(err, BL_E_INPUT, fmt, ap);
    va_end(ap);
    return -1;
}

int err_setc(bl_err *err, bl_errcode code, const char *fmt, ...) {
    if (!err) return -1;
    va_list ap;
    va_start(ap, fmt);
    vset(err, (int)code, fmt, ap);
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
    clean(err->msg);
    return -1;
}

int err_exit_code(const bl_err *err) {
    return err && err->code == BL_E_REFUSED ? 1 : 2;
}

const char *err_code_name(int code) {
    static const char *names[] = {"input", "usage", "io", "nomem", "script", "refused"};
    return code >= 0 && code < (int)(sizeof names / sizeof names[0]) ? names[code] : "unknown";
}
