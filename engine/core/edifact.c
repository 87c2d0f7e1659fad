/* edifact.c - see edifact.h. The syntax is ISO 9735 (version 4): service
 * characters from the UNA string advice or the defaults ( : + . ? space ' ),
 * the release character before any service character that is data. */
#include "edifact.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---------------------------------------------------------------- writing */

void edi_writer_init(edi_writer *w) {
    memset(w, 0, sizeof *w);
}

void edi_writer_deinit(edi_writer *w) {
    free(w->buf);
    memset(w, 0, sizeof *w);
}

static void put(edi_writer *w, const char *s, size_t n) {
    if (w->failed) return;
    if (w->len + n + 1 > w->cap) {
        size_t cap = w->cap ? w->cap : 4096;
        while (cap < w->len + n + 1)
            cap *= 2;
        char *b = realloc(w->buf, cap);
        if (!b) {
            w->failed = 1;
            return;
        }
        w->buf = b, w->cap = cap;
    }
    memcpy(w->buf + w->len, s, n);
    w->len += n;
    w->buf[w->len] = '\0';
}

/* A value with each service character released: ? before : + ' and ?. */
static void put_value(edi_writer *w, const char *v) {
    for (const char *p = v; p && *p; p++) {
        if (strchr(":+'?", *p)) put(w, "?", 1);
        put(w, p, 1);
    }
}

void edi_raw(edi_writer *w, const char *s) {
    put(w, s, strlen(s));
}
void edi_seg(edi_writer *w, const char *tag) {
    put(w, tag, strlen(tag));
}
void edi_el(edi_writer *w, const char *v) {
    put(w, "+", 1);
    put_value(w, v);
}
void edi_comp(edi_writer *w, const char *v) {
    put(w, ":", 1);
    put_value(w, v);
}
void edi_end(edi_writer *w) {
    put(w, "'\n", 2);
    w->segments++;
}

char *edi_writer_take(edi_writer *w, bl_err *err) {
    char *b = w->failed ? NULL : w->buf;
    if (w->failed) {
        free(w->buf);
        err_setc(err, BL_E_NOMEM, "out of memory writing an EDIFACT interchange");
    } else if (!b && !(b = calloc(1, 1))) {
        err_setc(err, BL_E_NOMEM, "out of memory writing an EDIFACT interchange");
    }
    memset(w, 0, sizeof *w);
    return b;
}

/* ---------------------------------------------------------------- reading */

typedef struct {
    char comp, elem, decimal, release, term;
} seps;

/* Grows a heap array to hold n + 1 items of size sz; -1 when memory runs out. */
static int grow(void **arr, int *cap, int n, size_t sz) {
    if (n < *cap) return 0;
    int c = *cap ? *cap * 2 : 256;
    void *p = realloc(*arr, (size_t)c * sz);
    if (!p) return -1;
    *arr = p, *cap = c;
    return 0;
}

typedef struct {
    edi_doc *d;
    int cap_segs, cap_els, cap_comps;
    size_t out; /* bytes used in d->text */
    bl_err *err;
} builder;

static void vfail(const edi_doc *doc, int s, bl_err *err, const char *fmt, va_list ap) {
    char msg[400];
    vsnprintf(msg, sizeof msg, fmt, ap);
    const edi_segment *g = s >= 0 && s < doc->n_segs ? &doc->segs[s] : NULL;
    err_set(err, "segment %d (%s): %s", g ? g->number : 0, g ? g->tag : "?", msg);
}

int edi_fail(const edi_doc *doc, int s, bl_err *err, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    vfail(doc, s, err, fmt, ap);
    va_end(ap);
    return -1;
}

/* A broken syntax in the segment being read (or segment s of a read doc):
 * the message, and edi_read's 1. */
static int broken(const edi_doc *doc, int s, bl_err *err, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 4, 5)))
#endif
    ;
static int broken(const edi_doc *doc, int s, bl_err *err, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    vfail(doc, s, err, fmt, ap);
    va_end(ap);
    return 1;
}

static int oom(builder *b) {
    err_setc(b->err, BL_E_NOMEM, "out of memory reading an EDIFACT interchange");
    return 2;
}

static int new_comp(builder *b) {
    edi_doc *d = b->d;
    if (grow((void **)&d->comps, &b->cap_comps, d->n_comps, sizeof *d->comps)) return oom(b);
    d->comps[d->n_comps++] = (int)b->out;
    d->text[b->out++] = '\0';
    d->elements[d->n_elements - 1].n++;
    return 0;
}

static int new_element(builder *b) {
    edi_doc *d = b->d;
    if (grow((void **)&d->elements, &b->cap_els, d->n_elements, sizeof *d->elements)) return oom(b);
    d->elements[d->n_elements++] = (edi_element){d->n_comps, 0};
    d->segs[d->n_segs - 1].n++;
    return new_comp(b);
}

/* The characters of one repertoire (edifact.h); bytes of other levels are
 * checked only for not being control characters. */
static int char_ok(const char *level, unsigned char c) {
    if (!strcmp(level, "UNOA"))
        return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
               (c && strchr(" .,-()/='+:?!\"%&*;<>", c));
    if (!strcmp(level, "UNOB")) return char_ok("UNOA", c) || (c >= 'a' && c <= 'z');
    if (!strcmp(level, "UNOC") || !strcmp(level, "UNOD") || !strcmp(level, "UNOE") ||
        !strcmp(level, "UNOF"))
        return (c >= 0x20 && c < 0x7F) || c >= 0xA0;
    return c >= 0x20 && c != 0x7F; /* UNOW, UNOY: UTF-8 */
}

/* Reads one segment's tag and data from text[*i] on (a line break before it
 * skipped); 0, or 1 with err. */
static int read_segment(builder *b, const char *t, size_t n, size_t *i, const seps *sp, int *line) {
    edi_doc *d = b->d;
    while (*i < n && (t[*i] == '\r' || t[*i] == '\n'))
        if (t[(*i)++] == '\n') (*line)++;
    if (*i >= n) return 0;
    if (grow((void **)&d->segs, &b->cap_segs, d->n_segs, sizeof *d->segs)) return oom(b);
    edi_segment *g = &d->segs[d->n_segs++];
    *g = (edi_segment){.number = d->n_segs + d->has_una, .line = *line, .first = d->n_elements};
    size_t k = 0;
    while (*i < n && k < 3 && t[*i] >= 'A' && t[*i] <= 'Z')
        g->tag[k++] = t[(*i)++];
    if (k != 3 || (*i < n && t[*i] != sp->elem && t[*i] != sp->term)) {
        snprintf(g->tag, sizeof g->tag, "?");
        return broken(d, d->n_segs - 1, b->err,
                      "a segment begins with a tag of three capitals "
                      "(found \"%.8s\")",
                      t + *i - k);
    }
    int len = 0;
    for (; *i < n; (*i)++) {
        char c = t[*i];
        if (c == sp->term) {
            (*i)++;
            return 0;
        }
        if (c == sp->elem) {
            if (g->n >= EDI_MAX_ELEMENTS)
                return broken(d, d->n_segs - 1, b->err, "more than %d data elements",
                              EDI_MAX_ELEMENTS);
            if (new_element(b)) return 2;
            len = 0;
            continue;
        }
        if (c == sp->comp) {
            if (d->elements[d->n_elements - 1].n >= EDI_MAX_COMPONENTS)
                return broken(d, d->n_segs - 1, b->err, "an element with more than %d components",
                              EDI_MAX_COMPONENTS);
            if (new_comp(b)) return 2;
            len = 0;
            continue;
        }
        if (c == '\r' || c == '\n')
            return broken(d, d->n_segs - 1, b->err,
                          "a line break inside the segment (is its "
                          "terminator %c missing?)",
                          sp->term);
        if (c == sp->release && ++*i >= n)
            return broken(d, d->n_segs - 1, b->err, "the text ends after a release character");
        if (++len > EDI_MAX_VALUE)
            return broken(d, d->n_segs - 1, b->err, "a value longer than %d characters",
                          EDI_MAX_VALUE);
        d->text[b->out - 1] = t[*i];
        d->text[b->out++] = '\0';
    }
    return broken(d, d->n_segs - 1, b->err, "no segment terminator %c before the text ends",
                  sp->term);
}

/* Whether the bytes are text at all: no control characters but tab and line
 * breaks (UTF-8 and ISO 8859 both pass). */
static int is_text(const char *t, size_t n) {
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)t[i];
        if ((c < 0x20 && c != '\t' && c != '\r' && c != '\n') || c == 0x7F) return 0;
    }
    return 1;
}

/* Every value's characters are of the repertoire UNB declares. */
static int check_repertoire(edi_doc *d, bl_err *err) {
    const char *lv = edi_get(d, 0, 0, 0);
    static const char *const known[] = {"UNOA", "UNOB", "UNOC", "UNOD", "UNOE",
                                        "UNOF", "UNOW", "UNOY", NULL};
    int ok = 0;
    for (int k = 0; known[k]; k++)
        ok |= !strcmp(lv, known[k]);
    if (!ok)
        return broken(d, 0, err,
                      "syntax identifier \"%s\" is not UNOA, UNOB, UNOC .. UNOF, "
                      "UNOW or UNOY",
                      lv);
    snprintf(d->level, sizeof d->level, "%s", lv);
    for (int s = 0; s < d->n_segs; s++)
        for (int e = 0; e < d->segs[s].n; e++)
            for (int c = 0; c < edi_components(d, s, e); c++)
                for (const unsigned char *p = (const unsigned char *)edi_get(d, s, e, c); *p; p++)
                    if (!char_ok(d->level, *p))
                        return broken(d, s, err,
                                      "character '%c' (0x%02X) is not in the %s "
                                      "character repertoire",
                                      *p >= 0x20 && *p < 0x7F ? *p : '?', *p, d->level);
    return 0;
}

int edi_read(const char *t, size_t n, edi_doc *d, bl_err *err) {
    memset(d, 0, sizeof *d);
    if (!is_text(t, n)) {
        err_set(err, "not an EDIFACT interchange: binary data, not text");
        return 2;
    }
    size_t i = 0;
    if (n >= 3 && !memcmp(t, "\xEF\xBB\xBF", 3)) i = 3; /* a UTF-8 byte order mark */
    while (i < n && (t[i] == ' ' || t[i] == '\r' || t[i] == '\n' || t[i] == '\t'))
        i++;
    seps sp = {':', '+', '.', '?', '\''};
    int line = 1;
    for (size_t k = 0; k < i; k++)
        line += t[k] == '\n';
    if (n - i >= 3 && !memcmp(t + i, "UNA", 3)) {
        if (n - i < 9) {
            err_set(err, "segment 1 (UNA): the service string advice is cut short (UNA and six "
                         "characters)");
            return 1;
        }
        sp = (seps){t[i + 3], t[i + 4], t[i + 5], t[i + 6], t[i + 8]};
        d->has_una = 1;
        i += 9;
    } else if (n - i < 3 || memcmp(t + i, "UNB", 3)) {
        err_set(err, "not an EDIFACT interchange: it begins with neither UNA nor UNB");
        return 2;
    }
    builder b = {.d = d, .err = err};
    if (!(d->text = malloc(2 * n + 2))) return oom(&b);
    int rc = 0;
    while (rc == 0 && i < n) {
        int before = d->n_segs;
        rc = read_segment(&b, t, n, &i, &sp, &line);
        if (rc == 0 && d->n_segs == before) break; /* only line breaks were left */
    }
    if (rc) return rc;
    if (d->n_segs == 0) {
        err_set(err, "segment %d: the interchange has no UNB", 1 + d->has_una);
        return 1;
    }
    if (strcmp(d->segs[0].tag, "UNB")) return broken(d, 0, err, "an interchange begins with UNB");
    return check_repertoire(d, err);
}

void edi_free(edi_doc *d) {
    free(d->segs), free(d->elements), free(d->comps), free(d->text);
    memset(d, 0, sizeof *d);
}

const char *edi_get(const edi_doc *d, int s, int e, int c) {
    if (s < 0 || s >= d->n_segs || e < 0 || e >= d->segs[s].n) return "";
    const edi_element *el = &d->elements[d->segs[s].first + e];
    if (c < 0 || c >= el->n) return "";
    return d->text + d->comps[el->first + c];
}

int edi_elements(const edi_doc *d, int s) {
    return s >= 0 && s < d->n_segs ? d->segs[s].n : 0;
}

int edi_components(const edi_doc *d, int s, int e) {
    if (s < 0 || s >= d->n_segs || e < 0 || e >= d->segs[s].n) return 0;
    return d->elements[d->segs[s].first + e].n;
}
