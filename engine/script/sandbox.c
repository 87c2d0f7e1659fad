/* sandbox.c - a Lua state that scenario scripts cannot escape or exhaust (see sandbox.h).
 *
 * Dependencies: Lua 5.4 (its base, string, table, math, utf8, coroutine and os
 * libraries, opened by hand), libc (memmem, clock_gettime).
 *
 * How each limit is enforced:
 *   memory  sbx_alloc refuses growth past the cap; Lua turns that into
 *           LUA_ERRMEM after an emergency collection.
 *   steps   hook() runs every HOOK_EVERY instructions in every thread and adds
 *           them up; charge() adds the cost of C library work (allocation,
 *           scanning, element moves, comparisons, pattern matching), so a
 *           single library call cannot run for long unseen.
 *   time    the same two places read the monotonic clock (charge() only every
 *           CLOCK_EVERY calls).
 * Once over, `over` stays set until the next run: the hook and charge() raise
 * again at every opportunity, and every library function that could catch an
 * error (pcall, xpcall, coroutine.resume/close, load) re-raises it.
 *
 * The pattern matcher below implements the Lua 5.4 pattern language as the
 * reference manual (section 6.4.1) describes it, with its work counted. It is
 * checked against the stock string library by tests/test_sandbox.c.
 */
#define _GNU_SOURCE /* memmem: linear-time substring search */
#include "sandbox.h"

#include <ctype.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <lua.h>
#include <lauxlib.h>
#include <lualib.h>

#define SBX_DEFAULT_MEM     ((size_t)32 << 20)
#define SBX_DEFAULT_STEPS   50000000L
#define SBX_DEFAULT_SECONDS 5.0
#define HOOK_EVERY          1000 /* VM instructions between two hook calls */
/* What C work costs in steps, measured against VM instructions (about 4 ns each
 * at -O2): so that 50 million steps take a fraction of a second whatever the
 * script spends them on. */
#define ALLOC_BYTES_PER_STEP 8    /* bytes allocated (copying, then collecting them) */
#define WALK_BYTES_PER_STEP  2    /* bytes decoded one by one (utf8.len, tonumber, pack formats) */
#define SCAN_BYTES_PER_STEP  64   /* bytes searched by memmem, or walked by a full collection */
#define STEPS_PER_ELEMENT    4    /* table element moved by insert/remove/move/concat/unpack */
#define STEPS_PER_COMPARE    16   /* comparison made by table.sort (a C call round trip) */
#define STEPS_PER_MATCH      2    /* unit of pattern-matching work (a call or an expansion) */
#define STEPS_PER_ERROR      32   /* error caught by pcall/xpcall/resume (longjmp, message) */
#define STEPS_PER_LOAD       128  /* load() call, besides 1 step per source byte */
#define CLOCK_EVERY          32   /* charge() calls between two clock reads */
#define MAX_CLOSE_DEPTH      10   /* coroutine closes nested in __close handlers (close_thread) */
#define PAT_MAXCAPTURES      32   /* as LUA_MAXCAPTURES */
#define PAT_MAXDEPTH         200  /* matcher recursion before "pattern too complex" */
#define PAT_PAY_EVERY        4096 /* matcher work units batched before charge() */

#define UC(c) ((unsigned char)(c))

enum { OVER_NONE, OVER_STEPS, OVER_TIME };

struct sbx {
    lua_State *L;
    size_t mem_cap, used; /* bytes */
    long long step_cap;
    double seconds;
    int env_ref;    /* registry reference of the scripts' environment */
    int killed_ref; /* registry reference of a weak set: coroutines a limit killed */
    /* State of the current sbx_run / sbx_call. */
    int active;                     /* limits apply only while a run is active */
    int over;                       /* OVER_*: a limit was hit, keep raising */
    long long steps;                /* instructions and charged C work */
    unsigned long long alloc_bytes; /* allocated during the run */
    unsigned refused;               /* allocations refused at the cap */
    int gc_wanted;                  /* a refusal happened: collect at the next safe point */
    int close_depth;                /* lua_resetthread calls in progress */
    unsigned ticks;                 /* charge() calls since the last clock read */
    double t0;                      /* monotonic start time, seconds */
    char name[128];                 /* chunk or function source, for messages without a line */
    char limit_msg[320];            /* the first limit error, repeated until the run ends */
};

/* ---- memory ---------------------------------------------------------------- */

/* Lua's allocator contract: free when nsize == 0, and when ptr is NULL osize is
 * a type tag, not a size. used <= mem_cap always holds. Shrinking never fails
 * (Lua relies on it): the old block is kept if realloc refuses. A refusal asks
 * for a full collection at the next safe point (collect_if_wanted): Lua
 * collects before failing its own allocations, but lauxlib's buffers
 * (string.rep, table.concat, gsub...) call the allocator directly and would
 * keep failing over uncollected garbage. */
static void *sbx_alloc(void *ud, void *ptr, size_t osize, size_t nsize) {
    sbx *s = ud;
    if (!ptr) osize = 0;
    if (nsize == 0) {
        free(ptr);
        s->used -= osize;
        return NULL;
    }
    if (nsize <= osize) {
        void *p = realloc(ptr, nsize);
        s->used -= osize - nsize;
        return p ? p : ptr;
    }
    size_t grow = nsize - osize;
    if (grow > s->mem_cap - s->used) {
        s->refused++;
        s->gc_wanted = 1;
        /* A full collection follows (Lua's, or ours): charge a pass over the heap. */
        if (s->active) s->steps += (long long)(s->used / SCAN_BYTES_PER_STEP);
        return NULL;
    }
    void *p = realloc(ptr, nsize);
    if (!p) return NULL;
    s->used += grow;
    if (s->active) s->alloc_bytes += grow;
    return p;
}

static sbx *sbx_of(lua_State *L) {
    void *ud;
    lua_getallocf(L, &ud);
    return ud;
}

static void fmt_size(char *buf, size_t n, size_t bytes) {
    if (bytes % ((size_t)1 << 20) == 0)
        snprintf(buf, n, "%zu MiB", bytes >> 20);
    else if (bytes % 1024 == 0)
        snprintf(buf, n, "%zu KiB", bytes >> 10);
    else
        snprintf(buf, n, "%zu bytes", bytes);
}

/* ---- steps and time ---------------------------------------------------------- */

static double now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static long long spent(const sbx *s) {
    return s->steps + (long long)(s->alloc_bytes / ALLOC_BYTES_PER_STEP);
}

/* "chunk:line:" of the innermost Lua function running in L, else the run's name. */
static void locate(lua_State *L, const sbx *s, char *buf, size_t n) {
    lua_Debug ar;
    for (int level = 0; lua_getstack(L, level, &ar); level++) {
        if (lua_getinfo(L, "Sl", &ar) && ar.currentline > 0) {
            snprintf(buf, n, "%s:%d:", ar.short_src, ar.currentline);
            return;
        }
    }
    snprintf(buf, n, "%s:", s->name);
}

/* Whether msg holds a "chunk:line:" position. */
static int has_position(const char *msg) {
    for (const char *c = strchr(msg, ':'); c; c = strchr(c + 1, ':')) {
        const char *d = c + 1;
        if (!isdigit(UC(*d))) continue;
        while (isdigit(UC(*d)))
            d++;
        if (*d == ':') return 1;
    }
    return 0;
}

/* Raises the limit error; the message is fixed at the first raise (where the
 * script was when it ran out) and repeated afterwards. */
static int raise_limit(lua_State *L, sbx *s) {
    if (!s->limit_msg[0]) {
        char at[sizeof s->name + 32]; /* "chunk:line:" or the name */
        locate(L, s, at, sizeof at);
        if (s->over == OVER_TIME)
            snprintf(s->limit_msg, sizeof s->limit_msg,
                     "%s time limit exceeded (%g s): is there an endless loop, or work on "
                     "very long strings or tables?",
                     at, s->seconds);
        else
            snprintf(s->limit_msg, sizeof s->limit_msg,
                     "%s step limit exceeded (%lld instructions): is there an endless loop?", at,
                     s->step_cap);
    }
    lua_pushstring(L, s->limit_msg);
    return lua_error(L);
}

static void check(sbx *s, int read_clock) {
    if (s->over) return;
    if (spent(s) > s->step_cap)
        s->over = OVER_STEPS;
    else if (read_clock && now() - s->t0 > s->seconds)
        s->over = OVER_TIME;
}

/* A full collection after a refused allocation, charged as a pass over the heap. */
static void collect_if_wanted(lua_State *L, sbx *s) {
    if (!s->gc_wanted) return;
    s->gc_wanted = 0;
    lua_gc(L, LUA_GCCOLLECT);
    if (s->active) s->steps += (long long)(s->used / SCAN_BYTES_PER_STEP);
}

/* Runs every HOOK_EVERY instructions in every thread of the state. */
static void hook(lua_State *L, lua_Debug *ar) {
    (void)ar;
    sbx *s = sbx_of(L);
    if (!s->active) return;
    collect_if_wanted(L, s);
    s->steps += HOOK_EVERY;
    check(s, 1);
    if (s->over) raise_limit(L, s);
}

/* Counts n steps of work done by a C function; raises when over a limit. */
static void charge(lua_State *L, long long n) {
    sbx *s = sbx_of(L);
    if (!s->active) return;
    s->steps += n;
    int read_clock = ++s->ticks >= CLOCK_EVERY;
    if (read_clock) s->ticks = 0;
    check(s, read_clock);
    if (s->over) raise_limit(L, s);
}

/* Called where an error could have been caught: a limit error must go on. */
static void recheck(lua_State *L) {
    sbx *s = sbx_of(L);
    if (s->active && s->over) raise_limit(L, s);
}

/* Calls the stock library function kept as upvalue 1, in this frame (so its
 * argument errors name the caller's line). Only for functions without upvalues. */
static int stock(lua_State *L) {
    return lua_tocfunction(L, lua_upvalueindex(1))(L);
}

/* A stock function whose cost grows with its arguments or results. */
static int w_metered(lua_State *L) {
    int n = lua_gettop(L);
    int r = stock(L);
    charge(L, 1 + (long long)n + r);
    return r;
}

/* A stock function that may decode all of its first argument, a string. */
static int w_metered_walk(lua_State *L) {
    if (lua_type(L, 1) == LUA_TSTRING)
        charge(L, (long long)(lua_rawlen(L, 1) / WALK_BYTES_PER_STEP));
    return w_metered(L);
}

/* ---- base library ------------------------------------------------------------ */

static int pcall_done(lua_State *L, int status, lua_KContext extra) {
    if (status != LUA_OK && status != LUA_YIELD) {
        recheck(L);
        charge(L, STEPS_PER_ERROR);
        lua_pushboolean(L, 0);
        lua_pushvalue(L, -2);
        return 2;
    }
    return lua_gettop(L) - (int)extra;
}

/* pcall and xpcall that do not catch limit errors; yieldable like Lua's. */
static int w_pcall(lua_State *L) {
    recheck(L);
    luaL_checkany(L, 1);
    lua_pushboolean(L, 1);
    lua_insert(L, 1);
    int status = lua_pcallk(L, lua_gettop(L) - 2, LUA_MULTRET, 0, 0, pcall_done);
    return pcall_done(L, status, 0);
}

/* xpcall's message handler, upvalue 1 the script's. A limit error raised by
 * the hook arrives with hooks still off (Lua re-enables them only when it
 * unwinds), so the script's handler must not run for it: it could loop unseen. */
static int xpcall_handler(lua_State *L) {
    sbx *s = sbx_of(L);
    if (s->active && s->over) return 1;
    lua_pushvalue(L, lua_upvalueindex(1));
    lua_insert(L, 1);
    lua_call(L, lua_gettop(L) - 1, 1);
    return 1;
}

static int w_xpcall(lua_State *L) {
    recheck(L);
    int n = lua_gettop(L);
    luaL_checktype(L, 2, LUA_TFUNCTION);
    lua_pushvalue(L, 2);
    lua_pushcclosure(L, xpcall_handler, 1);
    lua_replace(L, 2);
    lua_pushboolean(L, 1);
    lua_pushvalue(L, 1);
    lua_rotate(L, 3, 2); /* true, f below f's arguments; the handler stays at 2 */
    int status = lua_pcallk(L, n - 2, LUA_MULTRET, 2, 2, pcall_done);
    return pcall_done(L, status, 2);
}

/* Reader for load(function): charges what it hands to the compiler. */
static int load_reader(lua_State *L) {
    lua_pushvalue(L, lua_upvalueindex(1));
    lua_call(L, 0, 1);
    if (lua_type(L, -1) == LUA_TSTRING) charge(L, (long long)lua_rawlen(L, -1));
    return 1;
}

/* load(chunk [, chunkname [, mode [, env]]]): text only, our environment by
 * default, compile cost charged. Upvalues: stock load, the environment. */
static int w_load(lua_State *L) {
    recheck(L);
    int env_given = !lua_isnone(L, 4);
    lua_settop(L, 4);
    charge(L, STEPS_PER_LOAD);
    if (lua_type(L, 1) == LUA_TSTRING) {
        charge(L, (long long)lua_rawlen(L, 1));
    } else if (lua_type(L, 1) == LUA_TFUNCTION) {
        lua_pushvalue(L, 1);
        lua_pushcclosure(L, load_reader, 1);
        lua_replace(L, 1);
    }
    lua_pushliteral(L, "t");
    lua_replace(L, 3);
    if (!env_given) {
        lua_pushvalue(L, lua_upvalueindex(2));
        lua_replace(L, 4);
    }
    int r = stock(L);
    recheck(L); /* an error in the reader comes back as nil, message */
    return r;
}

/* Lua runs __gc metamethods with hooks off, so they could loop unseen. */
static int w_setmetatable(lua_State *L) {
    if (lua_type(L, 2) == LUA_TTABLE) {
        lua_pushliteral(L, "__gc");
        int t = lua_rawget(L, 2);
        lua_pop(L, 1);
        if (t != LUA_TNIL)
            return luaL_argerror(L, 2,
                                 "__gc metamethods are not allowed in scenarios (they would run "
                                 "outside the step limit)");
    }
    return stock(L);
}

static int w_collectgarbage(lua_State *L) {
    const char *opt = luaL_optstring(L, 1, "collect");
    if (strcmp(opt, "count") != 0)
        return luaL_argerror(
            L, 1, lua_pushfstring(L, "\"%s\" is not available in scenarios, only \"count\"", opt));
    lua_pushnumber(L,
                   (lua_Number)lua_gc(L, LUA_GCCOUNT) + (lua_Number)lua_gc(L, LUA_GCCOUNTB) / 1024);
    return 1;
}

/* Upvalue 1: the stock randomseed (it keeps the generator as its upvalue). */
static int w_randomseed(lua_State *L) {
    lua_Integer a = luaL_checkinteger(L, 1); /* no seeding from the clock: scenarios replay */
    lua_Integer b = luaL_optinteger(L, 2, 0);
    lua_settop(L, 0);
    lua_pushvalue(L, lua_upvalueindex(1));
    lua_pushinteger(L, a);
    lua_pushinteger(L, b);
    lua_call(L, 2, LUA_MULTRET);
    return lua_gettop(L);
}

/* ---- coroutines -------------------------------------------------------------- */

/* New threads inherit the hook from their creator; set it anyway, and charge a
 * full hook period, which a thread that dies early never reports. */
static void hook_thread(lua_State *L, lua_State *co) {
    if (co) lua_sethook(co, hook, LUA_MASKCOUNT, HOOK_EVERY);
    charge(L, HOOK_EVERY);
}

static int w_cocreate(lua_State *L) {
    recheck(L);
    int r = stock(L);
    hook_thread(L, lua_tothread(L, -1));
    return r;
}

/* A coroutine that a limit error killed from the hook is left with hooks off
 * (Lua restores them only in a pcall it unwinds to), so its pending __close
 * handlers must never run: record it, and coroutine.close refuses it. */
static void note_killed(lua_State *L, int co_index) {
    sbx *s = sbx_of(L);
    lua_State *co = lua_tothread(L, co_index);
    if (!s->active || !s->over || !co) return;
    int st = lua_status(co);
    if (st == LUA_OK || st == LUA_YIELD) return;
    co_index = lua_absindex(L, co_index);
    lua_rawgeti(L, LUA_REGISTRYINDEX, s->killed_ref);
    lua_pushvalue(L, co_index);
    lua_pushboolean(L, 1);
    lua_rawset(L, -3);
    lua_pop(L, 1);
}

static int was_killed(lua_State *L, int co_index) {
    co_index = lua_absindex(L, co_index);
    lua_rawgeti(L, LUA_REGISTRYINDEX, sbx_of(L)->killed_ref);
    lua_pushvalue(L, co_index);
    int killed = lua_rawget(L, -2) != LUA_TNIL;
    lua_pop(L, 2);
    return killed;
}

/* resume returns errors as values: re-raise a limit error. */
static int w_coresume(lua_State *L) {
    recheck(L);
    int r = stock(L);
    note_killed(L, 1);
    recheck(L);
    if (!lua_toboolean(L, -r)) charge(L, STEPS_PER_ERROR);
    return r;
}

/* Lua 5.4.4's lua_resetthread runs __close handlers without counting C calls,
 * so a __close that closes another coroutine, whose __close closes another...
 * overflows the C stack (fixed upstream in 5.4.5 by lua_closethread). Every
 * reset goes through here; the nesting is bounded. Never raises. */
static int close_thread(lua_State *L, lua_State *co, int *status) {
    sbx *s = sbx_of(L);
    if (s->close_depth >= MAX_CLOSE_DEPTH) return 0;
    s->close_depth++;
    *status = lua_resetthread(co); /* runs its pending __close handlers, protected */
    s->close_depth--;
    return 1;
}

/* Whether Lua's coroutine.close would close co rather than raise: it is
 * suspended or dead, not running nor waiting on a coroutine it resumed. */
static int closable(lua_State *L, lua_State *co) {
    lua_Debug ar;
    if (!co || co == L) return 0;
    if (lua_status(co) != LUA_OK) return 1;
    return !lua_getstack(co, 0, &ar);
}

static int w_coclose(lua_State *L) {
    recheck(L);
    if (was_killed(L, 1)) {
        lua_pushboolean(L, 0);
        lua_pushliteral(L, "coroutine was stopped by a limit; its <close> variables stay open");
        return 2;
    }
    lua_State *co = lua_tothread(L, 1);
    if (!closable(L, co)) return stock(L); /* raises Lua's own error */
    int status;
    if (!close_thread(L, co, &status))
        return luaL_error(L, "coroutine.close nested more than %d deep in __close handlers",
                          MAX_CLOSE_DEPTH);
    recheck(L);
    if (status == LUA_OK) {
        lua_pushboolean(L, 1);
        return 1;
    }
    lua_pushboolean(L, 0);
    lua_xmove(co, L, 1); /* the error */
    return 2;
}

/* The function coroutine.wrap returns; upvalue 1 is the coroutine. Like Lua's,
 * except that a coroutine a limit killed is not reset (see note_killed). */
static int wrap_step(lua_State *L) {
    lua_State *co = lua_tothread(L, lua_upvalueindex(1));
    int narg = lua_gettop(L), nres;
    if (!lua_checkstack(co, narg)) return luaL_error(L, "too many arguments to resume");
    lua_xmove(L, co, narg);
    int status = lua_resume(co, L, narg, &nres);
    if (status == LUA_OK || status == LUA_YIELD) {
        if (!lua_checkstack(L, nres + 1)) {
            lua_pop(co, nres);
            return luaL_error(L, "too many results to resume");
        }
        lua_xmove(co, L, nres);
        return nres;
    }
    note_killed(L, lua_upvalueindex(1));
    recheck(L);
    int st = lua_status(co);
    if (st != LUA_OK && st != LUA_YIELD && !was_killed(L, lua_upvalueindex(1)) &&
        !close_thread(L, co, &status))
        return luaL_error(L, "coroutine nested more than %d deep in __close handlers",
                          MAX_CLOSE_DEPTH);
    lua_xmove(co, L, 1); /* the error */
    recheck(L);
    charge(L, STEPS_PER_ERROR);
    if (status != LUA_ERRMEM && lua_type(L, -1) == LUA_TSTRING &&
        !has_position(lua_tostring(L, -1))) { /* add where it was resumed */
        luaL_where(L, 1);
        lua_insert(L, -2);
        lua_concat(L, 2);
    }
    return lua_error(L);
}

static int w_cowrap(lua_State *L) {
    recheck(L);
    luaL_checktype(L, 1, LUA_TFUNCTION);
    lua_State *co = lua_newthread(L);
    lua_pushvalue(L, 1);
    lua_xmove(L, co, 1);
    hook_thread(L, co);
    lua_pushcclosure(L, wrap_step, 1);
    return 1;
}

/* ---- table library ------------------------------------------------------------ */
/* Ours rather than Lua's: the loops run to #t, which __len can make 2^63. */

enum { TAB_R = 1, TAB_W = 2, TAB_L = 4 };

static int has_meta(lua_State *L, const char *key) {
    lua_pushstring(L, key);
    int t = lua_rawget(L, -2);
    lua_pop(L, 1);
    return t != LUA_TNIL;
}

/* A table, or a value whose metatable provides what the function needs. */
static void check_tab(lua_State *L, int arg, int what) {
    if (lua_type(L, arg) == LUA_TTABLE) return;
    if (lua_getmetatable(L, arg)) {
        int ok = (!(what & TAB_R) || has_meta(L, "__index")) &&
                 (!(what & TAB_W) || has_meta(L, "__newindex")) &&
                 (!(what & TAB_L) || has_meta(L, "__len"));
        lua_pop(L, 1);
        if (ok) return;
    }
    luaL_checktype(L, arg, LUA_TTABLE);
}

static lua_Integer tab_len(lua_State *L, int arg, int what) {
    check_tab(L, arg, what | TAB_L);
    return luaL_len(L, arg);
}

static int w_insert(lua_State *L) {
    lua_Integer e = tab_len(L, 1, TAB_R | TAB_W);
    e = (lua_Integer)((lua_Unsigned)e + 1u); /* first empty slot */
    lua_Integer pos = e;
    switch (lua_gettop(L)) {
    case 2:
        break;
    case 3:
        pos = luaL_checkinteger(L, 2);
        luaL_argcheck(L, (lua_Unsigned)pos - 1u < (lua_Unsigned)e, 2, "position out of bounds");
        for (lua_Integer i = e; i > pos; i--) {
            charge(L, STEPS_PER_ELEMENT);
            lua_geti(L, 1, i - 1);
            lua_seti(L, 1, i);
        }
        break;
    default:
        return luaL_error(L, "wrong number of arguments to 'insert'");
    }
    lua_seti(L, 1, pos);
    return 0;
}

static int w_remove(lua_State *L) {
    lua_Integer size = tab_len(L, 1, TAB_R | TAB_W);
    lua_Integer pos = luaL_optinteger(L, 2, size);
    if (pos != size)
        luaL_argcheck(L, (lua_Unsigned)pos - 1u <= (lua_Unsigned)size, 2, "position out of bounds");
    lua_geti(L, 1, pos);
    for (; pos < size; pos++) {
        charge(L, STEPS_PER_ELEMENT);
        lua_geti(L, 1, pos + 1);
        lua_seti(L, 1, pos);
    }
    lua_pushnil(L);
    lua_seti(L, 1, pos);
    return 1;
}

static int w_move(lua_State *L) {
    lua_Integer f = luaL_checkinteger(L, 2);
    lua_Integer e = luaL_checkinteger(L, 3);
    lua_Integer t = luaL_checkinteger(L, 4);
    int tt = !lua_isnoneornil(L, 5) ? 5 : 1;
    check_tab(L, 1, TAB_R);
    check_tab(L, tt, TAB_W);
    if (e >= f) {
        luaL_argcheck(L, f > 0 || e < LUA_MAXINTEGER + f, 3, "too many elements to move");
        lua_Integer n = e - f + 1;
        luaL_argcheck(L, t <= LUA_MAXINTEGER - n + 1, 4, "destination wrap around");
        if (t > e || t <= f || (tt != 1 && !lua_compare(L, 1, tt, LUA_OPEQ))) {
            for (lua_Integer i = 0; i < n; i++) {
                charge(L, STEPS_PER_ELEMENT);
                lua_geti(L, 1, f + i);
                lua_seti(L, tt, t + i);
            }
        } else { /* overlapping, destination after source: copy backwards */
            for (lua_Integer i = n - 1; i >= 0; i--) {
                charge(L, STEPS_PER_ELEMENT);
                lua_geti(L, 1, f + i);
                lua_seti(L, tt, t + i);
            }
        }
    }
    lua_pushvalue(L, tt);
    return 1;
}

static void concat_field(lua_State *L, luaL_Buffer *b, lua_Integer i) {
    lua_geti(L, 1, i);
    if (!lua_isstring(L, -1))
        luaL_error(L, "invalid value (at index %I) in table for 'concat'", (lua_Integer)i);
    luaL_addvalue(b);
}

static int w_concat(lua_State *L) {
    lua_Integer last = tab_len(L, 1, TAB_R);
    size_t lsep;
    const char *sep = luaL_optlstring(L, 2, "", &lsep);
    lua_Integer i = luaL_optinteger(L, 3, 1);
    last = luaL_optinteger(L, 4, last);
    luaL_Buffer b;
    luaL_buffinit(L, &b);
    for (; i < last; i++) {
        charge(L, STEPS_PER_ELEMENT);
        concat_field(L, &b, i);
        luaL_addlstring(&b, sep, lsep);
    }
    if (i == last) concat_field(L, &b, i);
    luaL_pushresult(&b);
    return 1;
}

static int w_unpack(lua_State *L) {
    lua_Integer i = luaL_optinteger(L, 2, 1);
    lua_Integer e = lua_isnoneornil(L, 3) ? luaL_len(L, 1) : luaL_checkinteger(L, 3);
    if (i > e) return 0;
    lua_Unsigned n = (lua_Unsigned)e - (lua_Unsigned)i;
    if (n >= (unsigned)INT_MAX || !lua_checkstack(L, (int)(++n)))
        return luaL_error(L, "too many results to unpack");
    charge(L, (long long)n * STEPS_PER_ELEMENT);
    for (; i < e; i++)
        lua_geti(L, 1, i);
    lua_geti(L, 1, e);
    return (int)n;
}

/* The comparison table.sort calls: counts it, then asks the script's function
 * (upvalue 1) or '<'. */
static int sort_less(lua_State *L) {
    charge(L, STEPS_PER_COMPARE);
    if (lua_isnil(L, lua_upvalueindex(1))) {
        lua_pushboolean(L, lua_compare(L, 1, 2, LUA_OPLT));
        return 1;
    }
    lua_settop(L, 2);
    lua_pushvalue(L, lua_upvalueindex(1));
    lua_insert(L, 1);
    lua_call(L, 2, 1);
    return 1;
}

static int w_sort(lua_State *L) {
    if (!lua_isnoneornil(L, 2)) luaL_checktype(L, 2, LUA_TFUNCTION);
    lua_settop(L, 2);
    lua_pushvalue(L, 2);
    lua_pushcclosure(L, sort_less, 1);
    lua_replace(L, 2);
    return stock(L);
}

/* ---- string library ----------------------------------------------------------- */

/* Lua's rep counts to n even when there is nothing to copy. */
static int w_rep(lua_State *L) {
    size_t l, lsep;
    luaL_checklstring(L, 1, &l);
    lua_Integer n = luaL_checkinteger(L, 2);
    luaL_optlstring(L, 3, "", &lsep);
    if (n > 0 && l == 0 && lsep == 0) {
        lua_pushliteral(L, "");
        return 1;
    }
    return stock(L);
}

/* Pattern matching. A backtracking matcher like Lua's, whose work (calls,
 * expansion steps, bytes compared) is charged in batches: Lua's own can run for
 * hours on a 40-byte subject ("a*a*a*...b"). */

#define CAP_UNFINISHED (-1)
#define CAP_POSITION   (-2)

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
    charge(m->L, w * STEPS_PER_MATCH);
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
    charge(L, (long long)((hit ? (size_t)(hit - s) + lp : ls) / SCAN_BYTES_PER_STEP));
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

static int w_find(lua_State *L) {
    return find_aux(L, 1);
}

static int w_match(lua_State *L) {
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

static int w_gmatch(lua_State *L) {
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

static int w_gsub(lua_State *L) {
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

/* ---- building the state ------------------------------------------------------- */

/* Stores stock function lib[name], wrapped in closure fn, as dst[name]. With
 * light set, fn calls it directly (stock()), so it must have no upvalues. */
static void wrap_into(lua_State *L, int lib, int dst, const char *name, lua_CFunction fn,
                      int light) {
    lua_getfield(L, lib, name);
    if (!lua_iscfunction(L, -1) || (light && lua_getupvalue(L, -1, 1)))
        luaL_error(L, "sandbox: the Lua library's %s is not what we expect", name);
    lua_pushcclosure(L, fn, 1);
    lua_setfield(L, dst, name);
}

static void copy_into(lua_State *L, int lib, int dst, const char *name) {
    lua_getfield(L, lib, name);
    lua_setfield(L, dst, name);
}

/* A new table holding every field of the table at lib, except `skip` ones. */
static int copy_table(lua_State *L, int lib, const char *const *skip) {
    lua_newtable(L);
    int dst = lua_gettop(L);
    lua_pushnil(L);
    while (lua_next(L, lib)) {
        int keep = 1;
        if (lua_type(L, -2) == LUA_TSTRING)
            for (const char *const *k = skip; k && *k; k++)
                if (strcmp(lua_tostring(L, -2), *k) == 0) keep = 0;
        if (keep) {
            lua_pushvalue(L, -2);
            lua_insert(L, -2);
            lua_rawset(L, dst);
        } else {
            lua_pop(L, 1);
        }
    }
    return dst;
}

/* Runs protected from sbx_create: opens the libraries into the real (hidden)
 * globals, hardens the shared string table, builds the scripts' environment. */
static int setup(lua_State *L) {
    sbx *s = sbx_of(L);
    luaL_requiref(L, LUA_GNAME, luaopen_base, 0);
    luaL_requiref(L, LUA_STRLIBNAME, luaopen_string, 0);
    luaL_requiref(L, LUA_TABLIBNAME, luaopen_table, 0);
    luaL_requiref(L, LUA_MATHLIBNAME, luaopen_math, 0);
    luaL_requiref(L, LUA_UTF8LIBNAME, luaopen_utf8, 0);
    luaL_requiref(L, LUA_COLIBNAME, luaopen_coroutine, 0);
    luaL_requiref(L, LUA_OSLIBNAME, luaopen_os, 0);
    enum { BASE = 1, STR, TAB, MATH, UTF8, CO, OS };

    /* The string table is shared: every string reaches it through its
     * metatable's __index, so it is patched in place. */
    lua_pushnil(L);
    lua_setfield(L, STR, "dump");
    static const luaL_Reg str_own[] = {
        {"find", w_find}, {"match", w_match}, {"gmatch", w_gmatch}, {"gsub", w_gsub}, {NULL, NULL}};
    lua_pushvalue(L, STR);
    luaL_setfuncs(L, str_own, 0);
    lua_pop(L, 1);
    wrap_into(L, STR, STR, "rep", w_rep, 1);
    wrap_into(L, STR, STR, "byte", w_metered, 1);
    wrap_into(L, STR, STR, "char", w_metered, 1);
    static const char *const str_scanned[] = {"pack", "packsize", "unpack"}; /* the format */
    for (size_t i = 0; i < sizeof str_scanned / sizeof *str_scanned; i++)
        wrap_into(L, STR, STR, str_scanned[i], w_metered_walk, 1);
    lua_pushliteral(L, "");
    if (!lua_getmetatable(L, -1)) return luaL_error(L, "sandbox: strings have no metatable");
    lua_pushboolean(L, 0);
    lua_setfield(L, -2, "__metatable"); /* getmetatable("") is false */
    lua_pop(L, 2);

    lua_newtable(L);
    int env = lua_gettop(L);
    static const char *const base_copied[] = {"assert", "error",  "getmetatable", "ipairs",
                                              "next",   "pairs",  "rawequal",     "rawget",
                                              "rawlen", "rawset", "tostring",     "type"};
    for (size_t i = 0; i < sizeof base_copied / sizeof *base_copied; i++)
        copy_into(L, BASE, env, base_copied[i]);
    static const luaL_Reg base_own[] = {{"pcall", w_pcall},
                                        {"xpcall", w_xpcall},
                                        {"collectgarbage", w_collectgarbage},
                                        {NULL, NULL}};
    lua_pushvalue(L, env);
    luaL_setfuncs(L, base_own, 0);
    lua_pop(L, 1);
    wrap_into(L, BASE, env, "select", w_metered, 1);
    wrap_into(L, BASE, env, "tonumber", w_metered_walk, 1);
    wrap_into(L, BASE, env, "setmetatable", w_setmetatable, 1);
    lua_getfield(L, BASE, "load");
    if (!lua_iscfunction(L, -1) || lua_getupvalue(L, -1, 1))
        return luaL_error(L, "sandbox: the Lua library's load is not what we expect");
    lua_pushvalue(L, env);
    lua_pushcclosure(L, w_load, 2);
    lua_setfield(L, env, "load");
    lua_pushvalue(L, env);
    lua_setfield(L, env, "_G");

    copy_table(L, STR, NULL);
    lua_setfield(L, env, "string");

    lua_newtable(L);
    int tab = lua_gettop(L);
    static const luaL_Reg tab_own[] = {{"concat", w_concat}, {"insert", w_insert}, {"move", w_move},
                                       {"remove", w_remove}, {"unpack", w_unpack}, {NULL, NULL}};
    luaL_setfuncs(L, tab_own, 0);
    wrap_into(L, TAB, tab, "pack", w_metered, 1);
    wrap_into(L, TAB, tab, "sort", w_sort, 1);
    lua_setfield(L, env, "table");

    static const char *const math_skip[] = {"randomseed", NULL};
    int math = copy_table(L, MATH, math_skip);
    wrap_into(L, MATH, math, "randomseed", w_randomseed, 0);
    lua_setfield(L, env, "math");
    lua_getfield(L, MATH, "randomseed"); /* the same draws on every machine */
    lua_pushinteger(L, 0);
    lua_call(L, 1, 0);

    int utf8 = copy_table(L, UTF8, NULL);
    wrap_into(L, UTF8, utf8, "char", w_metered, 1);
    wrap_into(L, UTF8, utf8, "codepoint", w_metered, 1);
    wrap_into(L, UTF8, utf8, "len", w_metered_walk, 1);
    wrap_into(L, UTF8, utf8, "offset", w_metered_walk, 1);
    lua_setfield(L, env, "utf8");

    int co = copy_table(L, CO, NULL);
    wrap_into(L, CO, co, "create", w_cocreate, 1);
    lua_pushcfunction(L, w_cowrap);
    lua_setfield(L, co, "wrap");
    wrap_into(L, CO, co, "resume", w_coresume, 1);
    wrap_into(L, CO, co, "close", w_coclose, 1);
    lua_setfield(L, env, "coroutine");

    lua_newtable(L);
    copy_into(L, OS, lua_gettop(L), "clock");
    copy_into(L, OS, lua_gettop(L), "date");
    copy_into(L, OS, lua_gettop(L), "time");
    lua_setfield(L, env, "os");

    s->env_ref = luaL_ref(L, LUA_REGISTRYINDEX);

    lua_newtable(L);
    lua_newtable(L);
    lua_pushliteral(L, "k");
    lua_setfield(L, -2, "__mode");
    lua_setmetatable(L, -2);
    s->killed_ref = luaL_ref(L, LUA_REGISTRYINDEX);
    return 0;
}

/* ---- running ---------------------------------------------------------------- */

/* Message handler of sbx_run/sbx_call: any error object to a string. */
static int msgh(lua_State *L) {
    sbx *s = sbx_of(L);
    if (lua_type(L, 1) == LUA_TSTRING || s->over) return 1; /* hooks may be off: run nothing */
    if (luaL_callmeta(L, 1, "__tostring") && lua_type(L, -1) == LUA_TSTRING) return 1;
    lua_pushfstring(L, "(error object is a %s value)", luaL_typename(L, 1));
    return 1;
}

static void run_begin(sbx *s, const char *name) {
    s->active = 1;
    s->over = OVER_NONE;
    s->steps = 0;
    s->alloc_bytes = 0;
    s->refused = 0;
    s->ticks = 0;
    s->limit_msg[0] = '\0';
    s->close_depth = 0;
    snprintf(s->name, sizeof s->name, "%s", name);
    s->t0 = now();
    collect_if_wanted(s->L, s);                         /* garbage a failed run left */
    lua_sethook(s->L, hook, LUA_MASKCOUNT, HOOK_EVERY); /* restarts the count */
}

/* Fills err from the error object on top of the stack. */
static int run_fail(sbx *s, int status, bl_err *err) {
    lua_State *L = s->L;
    const char *msg = lua_type(L, -1) == LUA_TSTRING ? lua_tostring(L, -1) : NULL;
    if (s->over) {
        err_set(err, "%s", s->limit_msg[0] ? s->limit_msg : "limit exceeded");
    } else if (status == LUA_ERRMEM ||
               (s->refused && msg && strcmp(msg, "not enough memory") == 0)) {
        char size[32];
        fmt_size(size, sizeof size, s->mem_cap);
        err_set(err,
                "%s: memory limit exceeded (%s): does a table, a string or a recursion grow "
                "without end?",
                s->name, size);
    } else if (!msg) {
        err_set(err, "%s: error object is a %s value", s->name, luaL_typename(L, -1));
    } else if (has_position(msg)) {
        err_set(err, "%s", msg);
    } else {
        err_set(err, "%s: %s", s->name, msg);
    }
    if (err) {
        err->code = BL_E_SCRIPT; /* whatever the words, a script failed */
        for (char *c = err->msg; *c; c++)
            if (*c == '\n' || *c == '\r' || *c == '\t') *c = ' ';
    }
    return -1;
}

sbx *sbx_create(const sbx_limits *lim, bl_err *err) {
    sbx *s = calloc(1, sizeof *s);
    if (!s) {
        err_set(err, "sandbox: out of memory");
        return NULL;
    }
    s->mem_cap = lim && lim->mem_bytes ? lim->mem_bytes : SBX_DEFAULT_MEM;
    s->step_cap = lim && lim->steps > 0 ? lim->steps : SBX_DEFAULT_STEPS;
    s->seconds = lim && lim->seconds > 0 ? lim->seconds : SBX_DEFAULT_SECONDS;
    s->env_ref = s->killed_ref = LUA_NOREF;
    snprintf(s->name, sizeof s->name, "sandbox");
    char size[32];
    fmt_size(size, sizeof size, s->mem_cap);
    s->L = lua_newstate(sbx_alloc, s);
    if (!s->L) {
        err_set(err, "sandbox: cannot create a Lua state within %s: raise the memory limit", size);
        free(s);
        return NULL;
    }
    lua_pushcfunction(s->L, setup);
    int status = lua_pcall(s->L, 0, 0, 0);
    if (status != LUA_OK) {
        if (status == LUA_ERRMEM)
            err_set(err, "sandbox: a memory limit of %s is too small for the Lua libraries", size);
        else
            err_set(err, "sandbox: %s",
                    lua_type(s->L, -1) == LUA_TSTRING ? lua_tostring(s->L, -1) : "setup failed");
        lua_close(s->L);
        free(s);
        return NULL;
    }
    lua_sethook(s->L, hook, LUA_MASKCOUNT, HOOK_EVERY);
    return s;
}

void sbx_destroy(sbx *s) {
    if (!s) return;
    s->active = 0;
    lua_close(s->L);
    free(s);
}

lua_State *sbx_lua(sbx *s) {
    return s ? s->L : NULL;
}

void sbx_push_env(sbx *s) {
    lua_checkstack(s->L, 1);
    lua_rawgeti(s->L, LUA_REGISTRYINDEX, s->env_ref);
}

size_t sbx_mem_used(const sbx *s) {
    return s ? s->used : 0;
}

int sbx_run(sbx *s, const char *code, size_t len, const char *name, int nresults, bl_err *err) {
    if (!name) name = "script";
    if (!s || !code) return err_set(err, "%s: sbx_run without a sandbox or code", name);
    lua_State *L = s->L;
    if (s->active)
        return err_set(
            err, "%s: sbx_run while a script is running (bindings call Lua with lua_call)", name);
    if (nresults < LUA_MULTRET || !lua_checkstack(L, 3 + (nresults > 0 ? nresults : 0)))
        return err_set(err, "%s: sbx_run cannot return %d results", name, nresults);
    int base = lua_gettop(L);
    char chunk[sizeof s->name + 1];
    snprintf(chunk, sizeof chunk, "@%s", name); /* '@': Lua prints name:line */
    run_begin(s, name);
    lua_pushcfunction(L, msgh);
    int status = luaL_loadbufferx(L, code, len, chunk, "t");
    if (status == LUA_OK) {
        lua_rawgeti(L, LUA_REGISTRYINDEX, s->env_ref);
        if (!lua_setupvalue(L, -2, 1)) lua_pop(L, 1); /* the chunk's _ENV */
        status = lua_pcall(L, 0, nresults, base + 1);
    }
    s->active = 0;
    if (status != LUA_OK) {
        run_fail(s, status, err);
        lua_settop(L, base);
        return -1;
    }
    lua_remove(L, base + 1);
    return 0;
}

int sbx_call(sbx *s, int nargs, int nresults, bl_err *err) {
    if (!s) return err_set(err, "sbx_call without a sandbox");
    lua_State *L = s->L;
    if (nargs < 0 || lua_gettop(L) < nargs + 1)
        return err_set(err, "sbx_call: no function below %d arguments on the stack", nargs);
    int fidx = lua_gettop(L) - nargs;
    if (s->active) {
        lua_settop(L, fidx - 1);
        return err_set(err, "sbx_call while a script is running (bindings call Lua with lua_call)");
    }
    if (nresults < LUA_MULTRET || !lua_checkstack(L, 3 + (nresults > 0 ? nresults : 0))) {
        lua_settop(L, fidx - 1);
        return err_set(err, "sbx_call cannot return %d results", nresults);
    }
    const char *name = "sbx_call";
    lua_Debug ar;
    if (lua_type(L, fidx) == LUA_TFUNCTION) {
        lua_pushvalue(L, fidx);
        if (lua_getinfo(L, ">S", &ar)) name = ar.short_src;
    }
    run_begin(s, name);
    lua_pushcfunction(L, msgh);
    lua_insert(L, fidx);
    int status = lua_pcall(L, nargs, nresults, fidx);
    s->active = 0;
    if (status != LUA_OK) {
        run_fail(s, status, err);
        lua_settop(L, fidx - 1);
        return -1;
    }
    lua_remove(L, fidx);
    return 0;
}
