/* scn_read.c - see scn_read.h. */
#include "scn_read.h"

#include <lauxlib.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

/* Reads t[k] of the table at the top of the stack without metamethods: a
 * scenario's table may carry an __index that errors or loops, and the reading
 * happens outside the sandbox's protected calls. */
int rd_rawfield(lua_State *L, const char *k) {
    lua_pushstring(L, k);
    return lua_rawget(L, -2);
}

/* The line where `needle` first appears in the source (as written there), or
 * 0. "anchor\001needle" looks for the needle after the anchor's first place
 * (e.g. a question id inside the expected table). */
int rd_line_of(const loader *ld, const char *needle) {
    if (!needle || !*needle) return 0;
    size_t start = 0;
    const char *sep = strchr(needle, '\001');
    if (sep) {
        size_t an = (size_t)(sep - needle);
        for (size_t i = 0; i + an <= ld->len; i++)
            if (!memcmp(ld->code + i, needle, an)) {
                start = i;
                break;
            }
        needle = sep + 1;
    }
    size_t n = strlen(needle);
    int line = 1;
    for (size_t i = 0; i < start && i < ld->len; i++)
        if (ld->code[i] == '\n') line++;
    for (size_t i = start; i + n <= ld->len; i++) {
        if (ld->code[i] == '\n') line++;
        if (!memcmp(ld->code + i, needle, n)) return line;
    }
    return 0;
}

int rd_line_at(const loader *ld, const char *path) {
    return scn_where_line(ld->where, path);
}

/* Whether `where` names a field (a path whose first name the file writes)
 * rather than a word to search for. */
static int is_path(const loader *ld, const char *where) {
    char root[64];
    size_t n = strcspn(where, ".[");
    if (!ld->where || n == 0 || n >= sizeof root || strpbrk(where, " \"\001")) return 0;
    memcpy(root, where, n);
    root[n] = '\0';
    return scn_where_has(ld->where, root) || !strcmp(root, "scenario");
}

void rd_problem(loader *ld, const char *where, const char *fmt, ...) {
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    ld->problems++;
    int line = where && is_path(ld, where) ? rd_line_at(ld, where) : rd_line_of(ld, where);
    if (ld->report) ld->report(ld->ud, ld->file, line, msg);
}

/* what.key as a path (the file's own table is the root: its fields have
 * no prefix). */
static const char *path_of(const char *what, const char *key, char *buf, size_t cap) {
    if (!strcmp(what, "scenario") || !strcmp(what, "session"))
        snprintf(buf, cap, "%s", key);
    else
        snprintf(buf, cap, "%s.%s", what, key);
    return buf;
}

/* "where" for a quoted value: "\"value\"" as it appears in the source. */
const char *rd_quoted(const char *v, char *buf, size_t cap) {
    snprintf(buf, cap, "\"%s\"", v);
    return buf;
}

/* Checks that the table at the top of the stack has only the allowed keys. */
void rd_only_keys(loader *ld, const char *what, const char *const *allowed) {
    lua_State *L = ld->L;
    lua_pushnil(L);
    while (lua_next(L, -2)) {
        lua_pop(L, 1);
        if (lua_type(L, -1) != LUA_TSTRING) {
            if (strcmp(what, "strings")) rd_problem(ld, what, "%s: a key that is not a name", what);
            continue;
        }
        const char *k = lua_tostring(L, -1);
        int ok = 0;
        for (int i = 0; allowed[i]; i++)
            ok |= !strcmp(allowed[i], k);
        if (!ok) {
            char list[256] = "";
            for (int i = 0; allowed[i]; i++) {
                if (i) strncat(list, ", ", sizeof list - strlen(list) - 1);
                strncat(list, allowed[i], sizeof list - strlen(list) - 1);
            }
            char p[200];
            rd_problem(ld, path_of(what, k, p, sizeof p),
                       "%s: unknown key \"%s\" (expected one of: %s)", what, k, list);
        }
    }
}

/* Field getters: the table is at the top of the stack. */
int rd_get_string(loader *ld, const char *what, const char *key, char *out, size_t cap,
                  int required) {
    lua_State *L = ld->L;
    char p[200];
    path_of(what, key, p, sizeof p);
    rd_rawfield(L, key);
    int t = lua_type(L, -1);
    int rc = 0;
    if (t == LUA_TNIL) {
        if (required) rd_problem(ld, what, "%s: missing \"%s\"", what, key);
        rc = required ? -1 : 1;
    } else if (t != LUA_TSTRING) {
        rd_problem(ld, p, "%s.%s: expected a string, found a %s", what, key, lua_typename(L, t));
        rc = -1;
    } else {
        size_t n;
        const char *v = lua_tolstring(L, -1, &n);
        if (n >= cap) {
            rd_problem(ld, p, "%s.%s: longer than %zu characters", what, key, cap - 1);
            rc = -1;
        } else {
            memcpy(out, v, n + 1);
        }
    }
    lua_pop(L, 1);
    return rc;
}

int rd_get_number(loader *ld, const char *what, const char *key, double *out, double lo, double hi,
                  int required) {
    lua_State *L = ld->L;
    char p[200];
    path_of(what, key, p, sizeof p);
    rd_rawfield(L, key);
    int t = lua_type(L, -1), rc = 0;
    if (t == LUA_TNIL) {
        if (required) rd_problem(ld, what, "%s: missing \"%s\"", what, key);
        rc = required ? -1 : 1;
    } else if (t != LUA_TNUMBER || !(lua_tonumber(L, -1) >= lo && lua_tonumber(L, -1) <= hi)) {
        /* (written so that NaN, which compares false with everything, fails too) */
        rd_problem(ld, p, "%s.%s: expected a number from %g to %g", what, key, lo, hi);
        rc = -1;
    } else {
        *out = lua_tonumber(L, -1);
    }
    lua_pop(L, 1);
    return rc;
}

int rd_get_bool(loader *ld, const char *what, const char *key, int *out) {
    lua_State *L = ld->L;
    char p[200];
    path_of(what, key, p, sizeof p);
    rd_rawfield(L, key);
    int t = lua_type(L, -1), rc = 0;
    if (t == LUA_TBOOLEAN)
        *out = lua_toboolean(L, -1);
    else if (t != LUA_TNIL) {
        rd_problem(ld, p, "%s.%s: expected true or false", what, key);
        rc = -1;
    }
    lua_pop(L, 1);
    return rc;
}

/* Calls fn(ld, string, i, arg) for each string of a list field; a missing
 * field is an empty list. Returns the count. */
int rd_each_string(loader *ld, const char *what, const char *key,
                   void (*fn)(loader *, const char *, int, void *), void *arg) {
    lua_State *L = ld->L;
    char p[200];
    path_of(what, key, p, sizeof p);
    rd_rawfield(L, key);
    int n = 0;
    if (lua_istable(L, -1)) {
        int len = (int)lua_rawlen(L, -1);
        for (int i = 1; i <= len; i++) {
            lua_rawgeti(L, -1, i);
            snprintf(ld->item, sizeof ld->item, "%s[%d]", p, i);
            if (lua_type(L, -1) != LUA_TSTRING)
                rd_problem(ld, ld->item, "%s.%s[%d]: expected a string", what, key, i);
            else
                fn(ld, lua_tostring(L, -1), n++, arg);
            lua_pop(L, 1);
        }
    } else if (!lua_isnil(L, -1)) {
        rd_problem(ld, p, "%s.%s: expected a list like { \"a\", \"b\" }", what, key);
    }
    lua_pop(L, 1);
    return n;
}
