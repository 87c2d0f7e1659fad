/* report_html.c - the report's page buffer: appending, escaping, isolating
 * the database's texts, and the page's words and numbers in its language
 * (report_html.h). */
#define _POSIX_C_SOURCE 200809L
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report_html.h"

/* ------------------------------------------------------------ markup and text */

sb sb_apart(const sb *page) {
    return (sb){.lang = page->lang, .en = page->en, .desk = page->desk};
}

void sb_add(sb *b, const char *s, size_t len) {
    if (b->oom) return;
    if (b->n + len + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 16384;
        while (cap < b->n + len + 1)
            cap *= 2;
        char *p = realloc(b->p, cap);
        if (!p) {
            b->oom = 1;
            return;
        }
        b->p = p, b->cap = cap;
    }
    memcpy(b->p + b->n, s, len);
    b->n += len;
    b->p[b->n] = '\0';
}

void sb_put(sb *b, const char *s) {
    sb_add(b, s, strlen(s));
}

void sb_printf(sb *b, const char *fmt, ...) {
    char small[512];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(small, sizeof small, fmt, ap);
    va_end(ap);
    if (n < 0) return;
    if ((size_t)n < sizeof small) {
        sb_add(b, small, (size_t)n);
        return;
    }
    char *big = malloc((size_t)n + 1);
    if (!big) {
        b->oom = 1;
        return;
    }
    va_start(ap, fmt);
    vsnprintf(big, (size_t)n + 1, fmt, ap);
    va_end(ap);
    sb_add(b, big, (size_t)n);
    free(big);
}

/* One byte of text: the five characters that could end a text or an
 * attribute as entities, control characters (not allowed in HTML) as U+FFFD,
 * with human an underscore as a space. */
static const char html_special[] = "&<>\"'";
static const char *const html_entity[] = {"&amp;", "&lt;", "&gt;", "&quot;", "&#39;"};

static void sb_esc_byte(sb *b, const unsigned char *c, int human) {
    const char *special = *c ? strchr(html_special, *c) : NULL;
    if (special)
        sb_put(b, html_entity[special - html_special]);
    else if (*c == '_' && human)
        sb_put(b, " ");
    else if (*c < 0x20 || *c == 0x7F)
        sb_put(b, "\xEF\xBF\xBD");
    else
        sb_add(b, (const char *)c, 1);
}

void sb_text(sb *b, const char *s, int human, int max_chars) {
    int chars = 0;
    for (const unsigned char *c = (const unsigned char *)s; c && *c; c++) {
        if ((*c & 0xC0) != 0x80 && max_chars > 0 && ++chars > max_chars) {
            sb_put(b, "\xE2\x80\xA6");
            return;
        }
        sb_esc_byte(b, c, human);
    }
}

void sb_esc(sb *b, const char *s) {
    sb_text(b, s, 0, 0);
}

/* Unicode's first-strong isolate and its end: what <bdi> does, for places
 * that take no markup (SVG text, <title>). */
#define FSI "\xE2\x81\xA8"
#define PDI "\xE2\x81\xA9"

void sb_data(sb *b, const char *s) {
    sb_put(b, "<bdi>");
    sb_esc(b, s);
    sb_put(b, "</bdi>");
}

void sb_data_plain(sb *b, const char *s, int human, int max_chars) {
    sb_put(b, FSI);
    sb_text(b, s, human, max_chars);
    sb_put(b, PDI);
}

/* ------------------------------------------------------------ words and numbers */

const char *sb_word(const sb *b, const char *key) {
    return i18n_get(b->lang, key);
}

void sb_tr(sb *b, const char *key) {
    sb_esc(b, sb_word(b, key));
}

/* A key's text with its {name} placeholders filled: the variadic part is
 * (name, value) pairs ending with NULL. The catalogue's text is escaped; so
 * are the values when plain is set, else they are HTML fragments written as
 * they are (data the caller escaped and isolated). An unknown placeholder
 * stays as text. */
static void sb_vtf(sb *b, int plain, const char *key, va_list ap) {
    const char *t = sb_word(b, key);
    while (*t) {
        const char *end = *t == '{' ? strchr(t, '}') : NULL, *val = NULL;
        if (end) {
            va_list aq;
            va_copy(aq, ap);
            for (const char *name; !val && (name = va_arg(aq, const char *));) {
                const char *v = va_arg(aq, const char *);
                if (strlen(name) == (size_t)(end - t - 1) && !strncmp(name, t + 1, strlen(name)))
                    val = v;
            }
            va_end(aq);
        }
        if (val) {
            if (plain)
                sb_esc(b, val);
            else
                sb_put(b, val);
            t = end + 1;
        } else {
            sb_esc_byte(b, (const unsigned char *)t++, 0);
        }
    }
}

void sb_tf(sb *b, const char *key, ...) {
    va_list ap;
    va_start(ap, key);
    sb_vtf(b, 0, key, ap);
    va_end(ap);
}

void sb_tfp(sb *b, const char *key, ...) {
    va_list ap;
    va_start(ap, key);
    sb_vtf(b, 1, key, ap);
    va_end(ap);
}

const char *sb_frag(sb *page, const sb *frag) {
    if (frag->oom) page->oom = 1;
    return frag->p ? frag->p : "";
}

const char *sb_localize(const sb *b, const char *ascii, char *out, size_t cap) {
    char tmp[96];
    size_t n = 0;
    const char *dec = sb_word(b, "number.decimal");
    for (const char *p = ascii; *p && n + 1 < sizeof tmp; p++)
        if (*p == '.')
            for (const char *d = dec; *d && n + 1 < sizeof tmp; d++)
                tmp[n++] = *d;
        else
            tmp[n++] = *p;
    tmp[n] = '\0';
    i18n_digits(b->lang, tmp, out, cap);
    return out;
}

const char *sb_num(const sb *b, char *out, size_t cap, int decimals, double v) {
    char a[64];
    snprintf(a, sizeof a, "%.*f", decimals, v);
    return sb_localize(b, a, out, cap);
}

const char *sb_unit(const sb *b, char *out, size_t cap, const char *key, int decimals, double v) {
    char n[64];
    sb_num(b, n, sizeof n, decimals, v);
    i18n_format(b->lang, out, cap, key, "n", n, NULL);
    return out;
}

/* The CLDR plural category of a whole number in a language: English one and
 * other; French counts 0 and 1 as one; Arabic has zero, one, two, few (3-10),
 * many (11-99) and other (100-102), by the last two digits. */
static const char *plural_category(const char *lang, long n) {
    if (!strcmp(lang, "ar")) {
        long m = n % 100;
        return n == 0              ? "zero"
               : n == 1            ? "one"
               : n == 2            ? "two"
               : m >= 3 && m <= 10 ? "few"
               : m >= 11           ? "many"
                                   : "other";
    }
    if (!strcmp(lang, "fr")) return n == 0 || n == 1 ? "one" : "other";
    return n == 1 ? "one" : "other";
}

const char *sb_counted(const sb *b, char *out, size_t cap, const char *base, long n) {
    char key[64], digits[32];
    snprintf(key, sizeof key, "%s.%s", base, plural_category(i18n_lang(b->lang), n));
    if (!i18n_has(b->lang, key)) snprintf(key, sizeof key, "%s.other", base);
    i18n_number(b->lang, n, digits, sizeof digits);
    i18n_format(b->lang, out, cap, key, "n", digits, NULL);
    return out;
}

const char *sb_id_word(const sb *b, const char *prefix, const char *id) {
    char key[96];
    if ((size_t)snprintf(key, sizeof key, "id.%s.%s", prefix, id) >= sizeof key) return NULL;
    return i18n_has(b->lang, key) || i18n_has(b->en, key) ? sb_word(b, key) : NULL;
}

void sb_id(sb *b, const char *prefix, const char *id) {
    const char *w = sb_id_word(b, prefix, id);
    if (w) {
        sb_esc(b, w);
        return;
    }
    sb_put(b, "<bdi>");
    sb_text(b, id, 1, 0);
    sb_put(b, "</bdi>");
}
