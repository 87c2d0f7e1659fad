/* sbx_match.c - the sandbox's pattern matcher: string.find, match, gmatch and
 * gsub with their work counted (see sbx_match.h).
 *
 * A PORT OF LUA 5.4.4'S MATCHER. This is the "PATTERN MATCHING" section of
 * lstrlib.c from Lua 5.4.4 (the version built against: LUA_VERSION_RELEASE in
 * /usr/include/lua5.4/lua.h, Debian's liblua5.4-dev 5.4.4), rewritten in this
 * project's style and metered. It follows Lua's algorithm step for step,
 * so the same pattern gives the same result and the same error message; on a
 * Lua upgrade, compare it with the new lstrlib.c function by function:
 *
 *   here                  lstrlib.c 5.4.4
 *   pat                   MatchState
 *   pat_init, pat_reset   prepstate, reprepstate
 *   class_has             match_class
 *   set_has               matchbracketclass
 *   class_end             classend
 *   single_has            singlematch
 *   balance               matchbalance
 *   expand_max/min        max_expand, min_expand
 *   capture_open/close    start_capture, end_capture (with capture_to_close)
 *   backref               match_capture (with check_capture)
 *   match                 match
 *   push_capture(s)       get_onecapture + push_onecapture, push_captures
 *   start_index           posrelatI
 *   no_specials           nospecials
 *   plain_find            lmemfind
 *   find_aux              str_find_aux
 *   gmatch_step, sbx_str_gmatch   gmatch_aux, gmatch
 *   add_repl_string       add_s
 *   add_repl              add_value
 *   sbx_str_gsub          str_gsub
 *
 * WHAT CHANGED, AND WHY
 *   - Metering (the reason for the copy: Lua's matcher can backtrack for hours
 *     on a 40-byte subject, "a*a*a*...b", inside one C call the step count
 *     cannot see). One unit of work per match() call, per character
 *     expand_max scans, per byte balance scans, and 1 + len/16 per
 *     backreference compared; units are batched (PAT_PAY_EVERY) and charged
 *     at STEPS_PER_MATCH steps each through sbx_charge, which raises the step
 *     or time limit error; what is left is charged when find, match, a gmatch
 *     step or gsub ends.
 *   - Plain find uses memmem (linear, two-way) instead of lmemfind (quadratic
 *     at worst), and charges 1 step per SCAN_BYTES_PER_STEP bytes searched.
 *   - match() loops (`continue`) where Lua's jumps back (`goto init`) for its
 *     tail calls; balance and the frontier test check the end of the subject
 *     where Lua reads the '\0' that ends every Lua string (same result).
 *   - gmatch keeps offsets, not pointers, in its userdata and rebuilds the
 *     match state at each step; once the subject is exhausted it stays so.
 *   - Captures: get_onecapture and push_onecapture are one function; a %n in a
 *     gsub replacement is pushed, then added (Lua adds string captures
 *     directly): the same text.
 * Error messages are Lua's, word for word.
 *
 * Lua's licence, under which this file is distributed:
 *
 * Copyright (C) 1994-2022 Lua.org, PUC-Rio.
 *
 * Permission is hereby granted, free of charge, to any person obtaining
 * a copy of this software and associated documentation files (the
 * "Software"), to deal in the Software without restriction, including
 * without limitation the rights to use, copy, modify, merge, publish,
 * distribute, sublicense, and/or sell copies of the Software, and to
 * permit persons to whom the Software is furnished to do so, subject to
 * the following conditions:
 *
 * The above copyright notice and this permission notice shall be
 * included in all copies or substantial portions of the Software.
 *
 * THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND,
 * EXPRESS OR IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF
 * MERCHANTABILITY, FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT.
 * IN NO EVENT SHALL THE AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY
 * CLAIM, DAMAGES OR OTHER LIABILITY, WHETHER IN AN ACTION OF CONTRACT,
 * TORT OR OTHERWISE, ARISING FROM, OUT OF OR IN CONNECTION WITH THE
 * SOFTWARE OR THE USE OR OTHER DEALINGS IN THE SOFTWARE.
 */
#define _GNU_SOURCE /* memmem: linear-time substring search */
#include "sbx_match.h"

#include <ctype.h>
#include <stddef.h>
#include <string.h>

#include <lua.h>
#include <lauxlib.h>

#include "sbx_priv.h"

#define PAT_MAXCAPTURES 32   /* as LUA_MAXCAPTURES */
#define PAT_MAXDEPTH    200  /* matcher recursion before "pattern too complex" (MAXCCALLS) */
#define PAT_PAY_EVERY   4096 /* matcher work units batched before sbx_charge() */
#define CAP_UNFINISHED  (-1)
#define CAP_POSITION    (-2)

typedef struct pat {
    lua_State *L;
    const char *src, *src_end; /* the whole subject */
    const char *p_end;         /* end of the pattern */
    int depth;                 /* recursion left */
    int level;                 /* captures started */
    long work;                 /* units not yet charged */
    struct {
        const char *init;
        ptrdiff_t len; /* or CAP_UNFINISHED / CAP_POSITION */
    } cap[PAT_MAXCAPTURES];
} pat;

static void pat_pay(pat *m) {
    long w = m->work;
    m->work = 0;
    sbx_charge(m->L, w * STEPS_PER_MATCH);
}

static void pat_work(pat *m, long n) {
    m->work += n;
    if (m->work >= PAT_PAY_EVERY) pat_pay(m);
}

static void pat_init(pat *m, lua_State *L, const char *s, size_t ls, const char *p, size_t lp) {
    m->L = L;
    m->src = s;
    m->src_end = s + ls;
    m->p_end = p + lp;
    m->work = 0;
}

static void pat_reset(pat *m) {
    m->level = 0;
    m->depth = PAT_MAXDEPTH;
}

/* %a %c %d %g %l %p %s %u %w %x %z, upper case for the complement; any other
 * character after % stands for itself. */
static int class_has(int c, int cl) {
    int in;
    switch (tolower(cl)) {
    case 'a':
        in = isalpha(c);
        break;
    case 'c':
        in = iscntrl(c);
        break;
    case 'd':
        in = isdigit(c);
        break;
    case 'g':
        in = isgraph(c);
        break;
    case 'l':
        in = islower(c);
        break;
    case 'p':
        in = ispunct(c);
        break;
    case 's':
        in = isspace(c);
        break;
    case 'u':
        in = isupper(c);
        break;
    case 'w':
        in = isalnum(c);
        break;
    case 'x':
        in = isxdigit(c);
        break;
    case 'z':
        in = (c == 0);
        break; /* deprecated, still accepted by Lua 5.4 */
    default:
        return cl == c;
    }
    if (isupper(cl)) in = !in;
    return in != 0;
}

/* [set] from p (the '[') to close (its ']'). */
static int set_has(int c, const char *p, const char *close) {
    int found = 1;
    if (*(p + 1) == '^') {
        found = 0;
        p++;
    }
    while (++p < close) {
        if (*p == '%') {
            p++;
            if (class_has(c, UC(*p))) return found;
        } else if (*(p + 1) == '-' && p + 2 < close) {
            p += 2;
            if (UC(*(p - 2)) <= c && c <= UC(*p)) return found;
        } else if (UC(*p) == c) {
            return found;
        }
    }
    return !found;
}

/* End of the single-character class at p. Lua strings end in '\0', so reading
 * *p_end is safe. */
static const char *class_end(pat *m, const char *p) {
    char c = *p++;
    if (c == '%') {
        if (p >= m->p_end) luaL_error(m->L, "malformed pattern (ends with '%%')");
        return p + 1;
    }
    if (c == '[') {
        if (*p == '^') p++;
        do { /* the first character may be ']' */
            if (p >= m->p_end) luaL_error(m->L, "malformed pattern (missing ']')");
            c = *p++;
            if (c == '%' && p < m->p_end) p++;
        } while (*p != ']');
        return p + 1;
    }
    return p;
}

static int single_has(pat *m, const char *s, const char *p, const char *ep) {
    if (s >= m->src_end) return 0;
    int c = UC(*s);
    switch (*p) {
    case '.':
        return 1;
    case '%':
        return class_has(c, UC(*(p + 1)));
    case '[':
        return set_has(c, p, ep - 1);
    default:
        return UC(*p) == c;
    }
}

static const char *match(pat *m, const char *s, const char *p);

static const char *balance(pat *m, const char *s, const char *p) {
    if (p >= m->p_end - 1) luaL_error(m->L, "malformed pattern (missing arguments to '%%b')");
    if (s >= m->src_end || *s != *p) return NULL;
    char open = *p, close = *(p + 1);
    int depth = 1;
    while (++s < m->src_end) {
        pat_work(m, 1);
        if (*s == close) {
            if (--depth == 0) return s + 1;
        } else if (*s == open) {
            depth++;
        }
    }
    return NULL;
}

static const char *expand_max(pat *m, const char *s, const char *p, const char *ep) {
    ptrdiff_t i = 0;
    while (single_has(m, s + i, p, ep)) {
        pat_work(m, 1);
        i++;
    }
    for (; i >= 0; i--) { /* longest first */
        const char *r = match(m, s + i, ep + 1);
        if (r) return r;
    }
    return NULL;
}

static const char *expand_min(pat *m, const char *s, const char *p, const char *ep) {
    for (;;) {
        const char *r = match(m, s, ep + 1);
        if (r) return r;
        if (!single_has(m, s, p, ep)) return NULL;
        s++;
    }
}

static const char *capture_open(pat *m, const char *s, const char *p, ptrdiff_t what) {
    if (m->level >= PAT_MAXCAPTURES) luaL_error(m->L, "too many captures");
    m->cap[m->level].init = s;
    m->cap[m->level].len = what;
    m->level++;
    const char *r = match(m, s, p);
    if (!r) m->level--;
    return r;
}

static const char *capture_close(pat *m, const char *s, const char *p) {
    int l = m->level - 1;
    while (l >= 0 && m->cap[l].len != CAP_UNFINISHED)
        l--;
    if (l < 0) luaL_error(m->L, "invalid pattern capture");
    m->cap[l].len = s - m->cap[l].init;
    const char *r = match(m, s, p);
    if (!r) m->cap[l].len = CAP_UNFINISHED;
    return r;
}

/* %1..%9: the same text as capture n again. */
static const char *backref(pat *m, const char *s, int digit) {
    int l = digit - '1';
    if (l < 0 || l >= m->level || m->cap[l].len == CAP_UNFINISHED)
        luaL_error(m->L, "invalid capture index %%%d", l + 1);
    ptrdiff_t len = m->cap[l].len;
    pat_work(m, 1 + (len > 0 ? len / 16 : 0));
    if (len >= 0 && m->src_end - s >= len && memcmp(m->cap[l].init, s, (size_t)len) == 0)
        return s + len;
    return NULL; /* a position capture never matches again */
}

/* Returns the end of the match of pattern p at s, or NULL. Items without a
 * choice (plain classes, anchors, frontiers) loop here; choices recurse. */
static const char *match(pat *m, const char *s, const char *p) {
    if (m->depth-- == 0) luaL_error(m->L, "pattern too complex");
    pat_work(m, 1);
    while (s && p != m->p_end) {
        const char *ep;
        switch (*p) {
        case '(':
            if (*(p + 1) == ')')
                s = capture_open(m, s, p + 2, CAP_POSITION);
            else
                s = capture_open(m, s, p + 1, CAP_UNFINISHED);
            goto done;
        case ')':
            s = capture_close(m, s, p + 1);
            goto done;
        case '$':
            if (p + 1 != m->p_end) goto single;
            if (s != m->src_end) s = NULL;
            goto done;
        case '%':
            switch (*(p + 1)) {
            case 'b':
                s = balance(m, s, p + 2);
                p += 4;
                continue;
            case 'f': {
                p += 2;
                if (*p != '[') luaL_error(m->L, "missing '[' after '%%f' in pattern");
                ep = class_end(m, p);
                int prev = (s == m->src) ? '\0' : UC(*(s - 1));
                int cur = (s < m->src_end) ? UC(*s) : '\0';
                if (set_has(prev, p, ep - 1) || !set_has(cur, p, ep - 1)) s = NULL;
                p = ep;
                continue;
            }
            case '0':
            case '1':
            case '2':
            case '3':
            case '4':
            case '5':
            case '6':
            case '7':
            case '8':
            case '9':
                s = backref(m, s, UC(*(p + 1)));
                p += 2;
                continue;
            default:
                goto single;
            }
        default:
        single:
            ep = class_end(m, p);
            if (!single_has(m, s, p, ep)) {
                if (*ep == '*' || *ep == '?' || *ep == '-') { /* may match zero times */
                    p = ep + 1;
                    continue;
                }
                s = NULL;
                goto done;
            }
            switch (*ep) {
            case '?': {
                const char *r = match(m, s + 1, ep + 1);
                if (r) {
                    s = r;
                    goto done;
                }
                p = ep + 1;
                continue;
            }
            case '+':
                s = expand_max(m, s + 1, p, ep);
                goto done;
            case '*':
                s = expand_max(m, s, p, ep);
                goto done;
            case '-':
                s = expand_min(m, s, p, ep);
                goto done;
            default:
                s++;
                p = ep;
                continue;
            }
        }
    }
done:
    m->depth++;
    return s;
}

/* Capture i (or the whole match s..e when there are none and i is 0). */
static void push_capture(pat *m, int i, const char *s, const char *e) {
    if (i >= m->level) {
        if (i != 0) luaL_error(m->L, "invalid capture index %%%d", i + 1);
        lua_pushlstring(m->L, s, (size_t)(e - s));
        return;
    }
    ptrdiff_t len = m->cap[i].len;
    if (len == CAP_UNFINISHED) luaL_error(m->L, "unfinished capture");
    if (len == CAP_POSITION)
        lua_pushinteger(m->L, (m->cap[i].init - m->src) + 1);
    else
        lua_pushlstring(m->L, m->cap[i].init, (size_t)len);
}

/* s NULL: only the explicit captures (find). */
static int push_captures(pat *m, const char *s, const char *e) {
    int n = (m->level == 0 && s) ? 1 : m->level;
    luaL_checkstack(m->L, n, "too many captures");
    for (int i = 0; i < n; i++)
        push_capture(m, i, s, e);
    return n;
}

/* Position argument to 1-based start: negative counts from the end. */
static size_t start_index(lua_Integer pos, size_t len) {
    if (pos > 0) return (size_t)pos;
    if (pos == 0) return 1;
    if (pos < -(lua_Integer)len) return 1;
    return len + (size_t)pos + 1;
}

static int no_specials(const char *p, size_t lp) {
    for (size_t i = 0; i < lp; i++)
        if (p[i] && strchr("^$*+?.([%-", p[i])) return 0;
    return 1;
}

/* memmem is linear (two-way); a naive search is quadratic. */
static const char *plain_find(lua_State *L, const char *s, size_t ls, const char *p, size_t lp) {
    if (lp == 0) return s;
    if (lp > ls) return NULL;
    const char *hit = memmem(s, ls, p, lp);
    sbx_charge(L, (long long)((hit ? (size_t)(hit - s) + lp : ls) / SCAN_BYTES_PER_STEP));
    return hit;
}

static int find_aux(lua_State *L, int find) {
    size_t ls, lp;
    const char *s = luaL_checklstring(L, 1, &ls);
    const char *p = luaL_checklstring(L, 2, &lp);
    size_t init = start_index(luaL_optinteger(L, 3, 1), ls) - 1;
    if (init > ls) {
        luaL_pushfail(L);
        return 1;
    }
    if (find && (lua_toboolean(L, 4) || no_specials(p, lp))) {
        const char *hit = plain_find(L, s + init, ls - init, p, lp);
        if (hit) {
            lua_pushinteger(L, (hit - s) + 1);
            lua_pushinteger(L, (lua_Integer)((size_t)(hit - s) + lp));
            return 2;
        }
    } else {
        pat m;
        int anchor = (*p == '^');
        if (anchor) p++, lp--;
        pat_init(&m, L, s, ls, p, lp);
        const char *s1 = s + init;
        do {
            pat_reset(&m);
            const char *e = match(&m, s1, p);
            if (e) {
                pat_pay(&m);
                if (!find) return push_captures(&m, s1, e);
                lua_pushinteger(L, (s1 - s) + 1);
                lua_pushinteger(L, e - s);
                return push_captures(&m, NULL, NULL) + 2;
            }
        } while (s1++ < m.src_end && !anchor);
        pat_pay(&m);
    }
    luaL_pushfail(L);
    return 1;
}

int sbx_str_find(lua_State *L) {
    return find_aux(L, 1);
}

int sbx_str_match(lua_State *L) {
    return find_aux(L, 0);
}

typedef struct gmatch_state {
    size_t pos;     /* where the next search starts */
    ptrdiff_t last; /* end of the last match, -1 before the first */
} gmatch_state;

/* Upvalues: subject, pattern, gmatch_state. */
static int gmatch_step(lua_State *L) {
    size_t ls, lp;
    const char *s = lua_tolstring(L, lua_upvalueindex(1), &ls);
    const char *p = lua_tolstring(L, lua_upvalueindex(2), &lp);
    gmatch_state *g = lua_touserdata(L, lua_upvalueindex(3));
    pat m;
    pat_init(&m, L, s, ls, p, lp);
    for (size_t pos = g->pos; pos <= ls; pos++) {
        pat_reset(&m);
        const char *e = match(&m, s + pos, p);
        if (e && e - s != g->last) { /* an empty match right after the last one does not count */
            g->pos = (size_t)(e - s);
            g->last = e - s;
            pat_pay(&m);
            return push_captures(&m, s + pos, e);
        }
    }
    g->pos = ls + 1;
    pat_pay(&m);
    return 0;
}

int sbx_str_gmatch(lua_State *L) {
    size_t ls;
    luaL_checklstring(L, 1, &ls);
    luaL_checkstring(L, 2);
    size_t init = start_index(luaL_optinteger(L, 3, 1), ls) - 1;
    if (init > ls) init = ls + 1;
    lua_settop(L, 2);
    gmatch_state *g = lua_newuserdatauv(L, sizeof *g, 0);
    g->pos = init;
    g->last = -1;
    lua_pushcclosure(L, gmatch_step, 3);
    return 1;
}

/* Replacement string: %0..%9 are captures, %% is '%'. */
static void add_repl_string(pat *m, luaL_Buffer *b, const char *s, const char *e) {
    size_t l;
    const char *r = lua_tolstring(m->L, 3, &l);
    const char *p;
    while ((p = memchr(r, '%', l)) != NULL) {
        luaL_addlstring(b, r, (size_t)(p - r));
        p++; /* at worst the terminating '\0' */
        if (*p == '%') {
            luaL_addchar(b, '%');
        } else if (*p == '0') {
            luaL_addlstring(b, s, (size_t)(e - s));
        } else if (isdigit(UC(*p))) {
            push_capture(m, *p - '1', s, e);
            luaL_addvalue(b); /* converts a position capture (an integer) */
        } else {
            luaL_error(m->L, "invalid use of '%c' in replacement string", '%');
        }
        l -= (size_t)(p + 1 - r);
        r = p + 1;
    }
    luaL_addlstring(b, r, l);
}

/* Adds the replacement of match s..e; returns whether the text changed. */
static int add_repl(pat *m, luaL_Buffer *b, const char *s, const char *e, int type) {
    lua_State *L = m->L;
    if (type == LUA_TFUNCTION) {
        lua_pushvalue(L, 3);
        lua_call(L, push_captures(m, s, e), 1);
    } else if (type == LUA_TTABLE) {
        push_capture(m, 0, s, e);
        lua_gettable(L, 3);
    } else {
        add_repl_string(m, b, s, e);
        return 1;
    }
    if (!lua_toboolean(L, -1)) { /* nil or false: keep the original text */
        lua_pop(L, 1);
        luaL_addlstring(b, s, (size_t)(e - s));
        return 0;
    }
    if (!lua_isstring(L, -1))
        return luaL_error(L, "invalid replacement value (a %s)", luaL_typename(L, -1));
    luaL_addvalue(b);
    return 1;
}

int sbx_str_gsub(lua_State *L) {
    size_t ls, lp;
    const char *src = luaL_checklstring(L, 1, &ls);
    const char *p = luaL_checklstring(L, 2, &lp);
    int type = lua_type(L, 3);
    lua_Integer max_n = luaL_optinteger(L, 4, (lua_Integer)ls + 1);
    luaL_argexpected(L,
                     type == LUA_TNUMBER || type == LUA_TSTRING || type == LUA_TFUNCTION ||
                         type == LUA_TTABLE,
                     3, "string/function/table");
    int anchor = (*p == '^');
    if (anchor) p++, lp--;
    pat m;
    pat_init(&m, L, src, ls, p, lp);
    luaL_Buffer b;
    luaL_buffinit(L, &b);
    const char *last = NULL;
    lua_Integer n = 0;
    int changed = 0;
    while (n < max_n) {
        pat_reset(&m);
        const char *e = match(&m, src, p);
        if (e && e != last) {
            n++;
            changed = add_repl(&m, &b, src, e, type) | changed;
            src = last = e;
        } else if (src < m.src_end) {
            luaL_addchar(&b, *src++);
        } else {
            break;
        }
        if (anchor) break;
    }
    pat_pay(&m);
    if (!changed) {
        lua_pushvalue(L, 1);
    } else {
        luaL_addlstring(&b, src, (size_t)(m.src_end - src));
        luaL_pushresult(&b);
    }
    lua_pushinteger(L, n);
    return 2;
}
