/* jsonfmt.h - the one writer of JSON text that is not built with cJSON.
 *
 * The action log, the debrief lines and the command-line JSON outputs are
 * written with printf-style formats ("{\"question\": \"%s\"}"). Here every %s
 * argument is written JSON-escaped: quotes, backslashes, control characters
 * (as \n, \t or \u00XX) and bytes that are not UTF-8 (as U+FFFD), so a format
 * that puts %s inside quotes always yields a valid JSON string, whatever a
 * scenario or a trainee typed. Every other conversion is printf's own (d i u
 * x ld lld zu f .Nf g c %); a JSON fragment to insert as it is is appended
 * by the caller, never passed as %s.
 */
#ifndef BL_JSONFMT_H
#define BL_JSONFMT_H

#include <stdarg.h>
#include <stddef.h>

/* As snprintf: writes at most cap bytes (always terminated when cap > 0)
 * and returns the length the whole text needs, or -1 on a bad format. */
int json_fmt(char *out, size_t cap, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;
int json_vfmt(char *out, size_t cap, const char *fmt, va_list ap);

/* Escapes s (without the quotes) into out, as json_fmt writes a %s; returns
 * the length it needs. */
size_t json_escape(const char *s, char *out, size_t cap);

#endif
