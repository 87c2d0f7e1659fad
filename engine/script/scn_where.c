/* scn_where.c - see scn_where.h. A tokenizer for Lua's lexical rules (the
 * parts a table constructor can hold) and a walk over the constructor. */
#include "scn_where.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define PATH_MAX_LEN 160

typedef struct entry {
    char path[PATH_MAX_LEN];
    int line;
} entry;

struct scn_where {
    entry *e;
    int n, cap;
    int root_line; /* the constructor's own line */
    int oom;
};

/* ------------------------------------------------------------ tokens */

typedef enum { T_END, T_NAME, T_STRING, T_NUMBER, T_PUNCT } tok_kind;

typedef struct tok {
    tok_kind kind;
    const char *p; /* its text (a string's without the quotes) */
    size_t n;
    int line;
} tok;

typedef struct lexer {
    const char *s;
    size_t len, pos;
    int line;
} lexer;

static int at(const lexer *lx, size_t i) {
    return i < lx->len ? (unsigned char)lx->s[i] : 0;
}

/* A long bracket at pos ("[[", "[==["): its level, or -1. */
static int long_open(const lexer *lx, size_t pos) {
    if (at(lx, pos) != '[') return -1;
    size_t i = pos + 1;
    int level = 0;
    while (at(lx, i) == '=')
        level++, i++;
    return at(lx, i) == '[' ? level : -1;
}

/* Skips a long bracket of `level` opened at pos; returns the position after
 * it (the end of the text when unclosed), counting lines. */
static size_t long_skip(lexer *lx, size_t pos, int level, size_t *body, size_t *body_n) {
    size_t i = pos + (size_t)level + 2;
    *body = i;
    for (; i < lx->len; i++) {
        if (lx->s[i] == '\n') lx->line++;
        if (lx->s[i] != ']') continue;
        size_t j = i + 1;
        int l = 0;
        while (at(lx, j) == '=')
            l++, j++;
        if (l == level && at(lx, j) == ']') {
            *body_n = i - *body;
            return j + 1;
        }
    }
    *body_n = lx->len - *body;
    return lx->len;
}

static void skip_space_and_comments(lexer *lx) {
    for (;;) {
        int c = at(lx, lx->pos);
        if (c == '\n') {
            lx->line++, lx->pos++;
        } else if (c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v') {
            lx->pos++;
        } else if (c == '-' && at(lx, lx->pos + 1) == '-') {
            int level = long_open(lx, lx->pos + 2);
            size_t b, bn;
            if (level >= 0) {
                lx->pos = long_skip(lx, lx->pos + 2, level, &b, &bn);
            } else {
                while (lx->pos < lx->len && lx->s[lx->pos] != '\n')
                    lx->pos++;
            }
        } else {
            return;
        }
    }
}

static int is_name_char(int c, int first) {
    return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
           (!first && c >= '0' && c <= '9');
}

static tok next(lexer *lx) {
    skip_space_and_comments(lx);
    tok t = {T_END, lx->s + lx->pos, 0, lx->line};
    int c = at(lx, lx->pos);
    if (lx->pos >= lx->len) return t;
    size_t start = lx->pos;
    if (is_name_char(c, 1)) {
        while (is_name_char(at(lx, lx->pos), 0))
            lx->pos++;
        t.kind = T_NAME;
    } else if (c >= '0' && c <= '9') {
        while (is_name_char(at(lx, lx->pos), 0) || at(lx, lx->pos) == '.' ||
               ((at(lx, lx->pos) == '+' || at(lx, lx->pos) == '-') &&
                strchr("eEpP", at(lx, lx->pos - 1))))
            lx->pos++;
        t.kind = T_NUMBER;
    } else if (c == '"' || c == '\'') {
        lx->pos++;
        t.p = lx->s + lx->pos;
        while (lx->pos < lx->len && at(lx, lx->pos) != c && at(lx, lx->pos) != '\n') {
            if (at(lx, lx->pos) == '\\') {
                lx->pos++;
                if (at(lx, lx->pos) == '\n') lx->line++;
            }
            lx->pos++;
        }
        t.n = (size_t)(lx->s + lx->pos - t.p);
        if (lx->pos < lx->len) lx->pos++;
        t.kind = T_STRING;
        return t;
    } else if (long_open(lx, lx->pos) >= 0) {
        size_t b, bn;
        lx->pos = long_skip(lx, lx->pos, long_open(lx, lx->pos), &b, &bn);
        t.kind = T_STRING, t.p = lx->s + b, t.n = bn;
        return t;
    } else {
        /* "==" must not read as "=": a field's "=" is alone */
        lx->pos +=
            (c == '=' || c == '~' || c == '<' || c == '>') && at(lx, lx->pos + 1) == '=' ? 2 : 1;
        t.kind = T_PUNCT;
    }
    t.n = lx->pos - start;
    return t;
}

static int is(const tok *t, tok_kind k, const char *text) {
    return t->kind == k && t->n == strlen(text) && !memcmp(t->p, text, t->n);
}

/* ------------------------------------------------------------ the walk */

typedef struct walker {
    lexer lx;
    tok cur, ahead;
    int has_ahead;
    scn_where *w;
} walker;

static void advance(walker *k) {
    if (k->has_ahead) {
        k->cur = k->ahead;
        k->has_ahead = 0;
    } else {
        k->cur = next(&k->lx);
    }
}

static const tok *peek(walker *k) {
    if (!k->has_ahead) k->ahead = next(&k->lx), k->has_ahead = 1;
    return &k->ahead;
}

static void record(scn_where *w, const char *path, int line) {
    if (w->n == w->cap) {
        int cap = w->cap ? 2 * w->cap : 256;
        entry *ne = realloc(w->e, sizeof *ne * (size_t)cap);
        if (!ne) {
            w->oom = 1;
            return;
        }
        w->e = ne, w->cap = cap;
    }
    snprintf(w->e[w->n].path, PATH_MAX_LEN, "%.*s", PATH_MAX_LEN - 1, path);
    w->e[w->n++].line = line;
}

/* Skips one expression (a field's value that is not a table constructor):
 * to the "," ";" or "}" that ends the field, across brackets and blocks. */
static void skip_value(walker *k) {
    int depth = 0;
    for (; k->cur.kind != T_END; advance(k)) {
        const tok *t = &k->cur;
        if (depth == 0 && t->kind == T_PUNCT &&
            (is(t, T_PUNCT, ",") || is(t, T_PUNCT, ";") || is(t, T_PUNCT, "}")))
            return;
        if (is(t, T_PUNCT, "(") || is(t, T_PUNCT, "[") || is(t, T_PUNCT, "{") ||
            is(t, T_NAME, "function") || is(t, T_NAME, "if") || is(t, T_NAME, "do") ||
            is(t, T_NAME, "repeat"))
            depth++;
        else if (is(t, T_PUNCT, ")") || is(t, T_PUNCT, "]") || is(t, T_PUNCT, "}") ||
                 is(t, T_NAME, "end") || is(t, T_NAME, "until"))
            depth--;
    }
}

static void walk_table(walker *k, const char *prefix, int nesting);

/* One field's value, recorded under path. */
static void walk_value(walker *k, const char *path, int line, int nesting) {
    record(k->w, path, line);
    if (is(&k->cur, T_PUNCT, "{"))
        walk_table(k, path, nesting + 1);
    else
        skip_value(k);
}

/* A table constructor, k->cur on its "{"; leaves k->cur after its "}". */
static void walk_table(walker *k, const char *prefix, int nesting) {
    if (nesting > 64) { /* deeper than any scenario: skip it whole */
        skip_value(k);
        return;
    }
    advance(k); /* "{" */
    int index = 0;
    char path[PATH_MAX_LEN + 80];
    while (k->cur.kind != T_END && !is(&k->cur, T_PUNCT, "}")) {
        int line = k->cur.line;
        if (k->cur.kind == T_NAME && is(peek(k), T_PUNCT, "=")) {
            snprintf(path, sizeof path, "%s%s%.*s", prefix, *prefix ? "." : "", (int)k->cur.n,
                     k->cur.p);
            advance(k), advance(k);
        } else if (is(&k->cur, T_PUNCT, "[")) {
            advance(k);
            if (k->cur.kind == T_STRING)
                snprintf(path, sizeof path, "%s[\"%.*s\"]", prefix, (int)k->cur.n, k->cur.p);
            else
                snprintf(path, sizeof path, "%s[?]", prefix);
            while (k->cur.kind != T_END && !is(&k->cur, T_PUNCT, "]"))
                advance(k);
            advance(k); /* "]" */
            if (is(&k->cur, T_PUNCT, "=")) advance(k);
        } else {
            snprintf(path, sizeof path, "%s[%d]", prefix, ++index);
        }
        walk_value(k, path, line, nesting);
        if (is(&k->cur, T_PUNCT, ",") || is(&k->cur, T_PUNCT, ";")) advance(k);
    }
    advance(k); /* "}" */
}

scn_where *scn_where_index(const char *code, size_t len) {
    scn_where *w = calloc(1, sizeof *w);
    if (!w) return NULL;
    walker k = {.lx = {code, len, 0, 1}, .w = w};
    advance(&k);
    /* the file's table: the first "{" after "scenario" or "session" */
    int found = 0;
    for (; k.cur.kind != T_END && !found; advance(&k))
        if (is(&k.cur, T_NAME, "scenario") || is(&k.cur, T_NAME, "session")) {
            advance(&k);
            if (is(&k.cur, T_PUNCT, "(")) advance(&k);
            if (is(&k.cur, T_PUNCT, "{")) {
                found = 1;
                break;
            }
        }
    if (found) {
        w->root_line = k.cur.line;
        walk_table(&k, "", 0);
    }
    if (w->oom) {
        scn_where_free(w);
        return NULL;
    }
    return w;
}

void scn_where_free(scn_where *w) {
    if (!w) return;
    free(w->e);
    free(w);
}

static int exact(const scn_where *w, const char *path, size_t n) {
    for (int i = 0; i < w->n; i++)
        if (strlen(w->e[i].path) == n && !memcmp(w->e[i].path, path, n)) return w->e[i].line;
    return 0;
}

int scn_where_has(const scn_where *w, const char *path) {
    return w && exact(w, path, strlen(path)) > 0;
}

int scn_where_line(const scn_where *w, const char *path) {
    if (!w) return 0;
    size_t n = strlen(path);
    while (n > 0) {
        int line = exact(w, path, n);
        if (line) return line;
        /* the parent: drop the last ".name" or "[index]" */
        size_t i = n;
        while (i > 0 && path[i - 1] != '.' && path[i - 1] != '[')
            i--;
        if (i == 0) break;
        n = path[i - 1] == '.' ? i - 1 : i - 1;
    }
    return w->root_line;
}
