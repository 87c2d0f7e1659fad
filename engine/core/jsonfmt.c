/* jsonfmt.c - see jsonfmt.h */
#include "jsonfmt.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>

/* A growing cursor over out: counts what does not fit, writes what does. */
typedef struct {
    char *out;
    size_t cap, n;
} cursor;

static void put(cursor *c, const char *s, size_t len) {
    if (c->n < c->cap) {
        size_t room = c->cap - c->n;
        memcpy(c->out + c->n, s, len < room ? len : room);
    }
    c->n += len;
}

/* The length of the UTF-8 sequence at s (1..4), or 0 when it is not one. */
static int utf8_len(const unsigned char *s) {
    int n = s[0] >= 0xF0 && s[0] <= 0xF4 ? 4 : s[0] >= 0xE0 ? 3 : s[0] >= 0xC2 ? 2 : 0;
    for (int i = 1; i < n; i++)
        if ((s[i] & 0xC0) != 0x80) return 0;
    if (n == 3 && ((s[0] == 0xE0 && s[1] < 0xA0) || (s[0] == 0xED && s[1] >= 0xA0))) return 0;
    if (n == 4 && ((s[0] == 0xF0 && s[1] < 0x90) || (s[0] == 0xF4 && s[1] >= 0x90))) return 0;
    return n;
}

static void put_escaped(cursor *c, const char *s) {
    const unsigned char *p = (const unsigned char *)(s ? s : "");
    while (*p) {
        char esc[8];
        if (*p == '"' || *p == '\\') {
            esc[0] = '\\', esc[1] = (char)*p;
            put(c, esc, 2), p++;
        } else if (*p < 0x20 || *p == 0x7F) {
            const char *named = *p == '\n' ? "\\n" : *p == '\t' ? "\\t" : *p == '\r' ? "\\r" : NULL;
            if (named)
                put(c, named, 2);
            else
                put(c, esc, (size_t)snprintf(esc, sizeof esc, "\\u%04x", *p));
            p++;
        } else if (*p < 0x80) {
            put(c, (const char *)p, 1), p++;
        } else {
            int n = utf8_len(p);
            if (n) {
                put(c, (const char *)p, (size_t)n), p += n;
            } else { /* not UTF-8: the replacement character */
                put(c, "\xEF\xBF\xBD", 3), p++;
            }
        }
    }
}

size_t json_escape(const char *s, char *out, size_t cap) {
    cursor c = {out, cap ? cap - 1 : 0, 0};
    put_escaped(&c, s);
    if (cap) out[c.n < cap - 1 ? c.n : cap - 1] = '\0';
    return c.n;
}

/* One conversion spec "%...X" of at most 15 bytes into spec; returns its
 * length, 0 when it is not one this writer knows. */
static size_t read_spec(const char *f, char spec[16], char *conv, int *longs, int *size_t_) {
    size_t i = 1;
    while (f[i] && strchr("-+ #0123456789.", f[i]) && i < 12)
        i++;
    *longs = 0, *size_t_ = 0;
    while (f[i] == 'l' && *longs < 2)
        (*longs)++, i++;
    if (f[i] == 'z') *size_t_ = 1, i++;
    if (!f[i] || !strchr("diuxXfgecs%", f[i]) || i + 1 >= 16) return 0;
    *conv = f[i];
    memcpy(spec, f, i + 1);
    spec[i + 1] = '\0';
    return i + 1;
}

int json_vfmt(char *out, size_t cap, const char *fmt, va_list ap) {
    cursor c = {out, cap ? cap - 1 : 0, 0};
    for (const char *f = fmt; *f;) {
        const char *pc = strchr(f, '%');
        size_t lit = pc ? (size_t)(pc - f) : strlen(f);
        put(&c, f, lit);
        if (!pc) break;
        char spec[16], conv, tmp[512];
        int longs, zed;
        size_t len = read_spec(pc, spec, &conv, &longs, &zed);
        if (!len) return -1;
        int n = 0;
        if (conv == 's') {
            put_escaped(&c, va_arg(ap, const char *));
        } else if (conv == '%') {
            put(&c, "%", 1);
        } else if (strchr("fge", conv)) {
            n = snprintf(tmp, sizeof tmp, spec, va_arg(ap, double));
        } else if (conv == 'c') {
            char ch[2] = {(char)va_arg(ap, int), 0};
            put_escaped(&c, ch);
        } else if (zed) {
            n = snprintf(tmp, sizeof tmp, spec, va_arg(ap, size_t));
        } else if (longs == 2) {
            n = snprintf(tmp, sizeof tmp, spec, va_arg(ap, long long));
        } else if (longs == 1) {
            n = snprintf(tmp, sizeof tmp, spec, va_arg(ap, long));
        } else {
            n = snprintf(tmp, sizeof tmp, spec, va_arg(ap, int));
        }
        if (n < 0) return -1;
        put(&c, tmp, (size_t)n < sizeof tmp ? (size_t)n : sizeof tmp - 1);
        f = pc + len;
    }
    if (cap) out[c.n < cap - 1 ? c.n : cap - 1] = '\0';
    return (int)c.n;
}

int json_fmt(char *out, size_t cap, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    int n = json_vfmt(out, cap, fmt, ap);
    va_end(ap);
    return n;
}
