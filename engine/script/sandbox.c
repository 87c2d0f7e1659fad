/* sandbox.c - a Lua state that scenario scripts cannot escape or exhaust (see sandbox.h).
 *
 * This file owns the state behind an `sbx *`: its allocator, the step and time
 * limits and the hook that enforces them, and sbx_create/sbx_run/sbx_call. The
 * rest of the sandbox lives beside it (sbx_priv.h lists the files): metered
 * library replacements in sbx_lib.c, the pattern matcher in sbx_match.c, the
 * environment a script sees in sbx_env.c.
 *
 * Dependencies: Lua 5.4 (its base, string, table, math, utf8, coroutine and os
 * libraries, opened by hand in sbx_env.c), libc (clock_gettime).
 *
 * How each limit is enforced:
 *   memory  sbx_alloc refuses growth past the cap; Lua turns that into
 *           LUA_ERRMEM after an emergency collection.
 *   steps   sbx_hook() runs every HOOK_EVERY instructions in every thread and
 *           adds them up; sbx_charge() adds the cost of C library work
 *           (allocation, scanning, element moves, comparisons, pattern
 *           matching), so a single library call cannot run for long unseen.
 *   time    the same two places read the monotonic clock (sbx_charge() only
 *           every CLOCK_EVERY calls).
 * Once over, `over` stays set until the next run: the hook and sbx_charge()
 * raise again at every opportunity, and every library function that could
 * catch an error (pcall, xpcall, coroutine.resume/close, load) re-raises it
 * (sbx_recheck).
 */
#define _POSIX_C_SOURCE 200809L /* clock_gettime */
#include "sandbox.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <lua.h>
#include <lauxlib.h>

#include "sbx_priv.h"

#define SBX_DEFAULT_MEM     ((size_t)32 << 20)
#define SBX_DEFAULT_STEPS   50000000L
#define SBX_DEFAULT_SECONDS 5.0
#define CLOCK_EVERY         32 /* sbx_charge() calls between two clock reads */

/* ---- memory ---------------------------------------------------------------- */

/* Lua's allocator contract: free when nsize == 0, and when ptr is NULL osize is
 * a type tag, not a size. used <= mem_cap always holds. Shrinking never fails
 * (Lua relies on it): the old block is kept if realloc refuses. A refusal asks
 * for a full collection at the next safe point (collect_if_wanted): Lua
 * collects before failing its own allocations, but lauxlib's buffers
 * (string.rep, table.concat, gsub...) call the allocator directly and would
 * keep failing over uncollected garbage. */
static void locate(lua_State *L, const sbx *s, char *buf, size_t n);

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
        /* where the script was, for the message: reading the call stack
         * allocates nothing */
        if (s->active && !s->mem_at[0] && s->cur) locate(s->cur, s, s->mem_at, sizeof s->mem_at);
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
int sbx_has_position(const char *msg) {
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
void sbx_hook(lua_State *L, lua_Debug *ar) {
    (void)ar;
    sbx *s = sbx_of(L);
    if (!s->active) return;
    s->cur = L;
    collect_if_wanted(L, s);
    s->steps += HOOK_EVERY;
    check(s, 1);
    if (s->over) raise_limit(L, s);
}

/* Counts n steps of work done by a C function; raises when over a limit. */
void sbx_charge(lua_State *L, long long n) {
    sbx *s = sbx_of(L);
    if (!s->active) return;
    s->cur = L;
    s->steps += n;
    int read_clock = ++s->ticks >= CLOCK_EVERY;
    if (read_clock) s->ticks = 0;
    check(s, read_clock);
    if (s->over) raise_limit(L, s);
}

/* Called where an error could have been caught: a limit error must go on. */
void sbx_recheck(lua_State *L) {
    sbx *s = sbx_of(L);
    if (s->active && s->over) raise_limit(L, s);
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
    s->cur = s->L;
    s->mem_at[0] = '\0';
    s->last_limit = 0;
    snprintf(s->name, sizeof s->name, "%s", name);
    s->t0 = now();
    collect_if_wanted(s->L, s);                             /* garbage a failed run left */
    lua_sethook(s->L, sbx_hook, LUA_MASKCOUNT, HOOK_EVERY); /* restarts the count */
}

/* Fills err from the error object on top of the stack. */
static int run_fail(sbx *s, int status, bl_err *err) {
    lua_State *L = s->L;
    const char *msg = lua_type(L, -1) == LUA_TSTRING ? lua_tostring(L, -1) : NULL;
    int mem = status == LUA_ERRMEM || (s->refused && msg && strcmp(msg, "not enough memory") == 0);
    s->last_limit = s->over || mem;
    if (s->over) {
        err_set(err, "%s", s->limit_msg[0] ? s->limit_msg : "limit exceeded");
    } else if (mem) {
        char size[32], at[sizeof s->name + 2];
        fmt_size(size, sizeof size, s->mem_cap);
        snprintf(at, sizeof at, "%s:", s->name);
        err_set(err,
                "%s memory limit exceeded (%s): does a table, a string or a recursion grow "
                "without end?",
                s->mem_at[0] ? s->mem_at : at, size);
    } else if (!msg) {
        err_set(err, "%s: error object is a %s value", s->name, luaL_typename(L, -1));
    } else if (sbx_has_position(msg)) {
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
    lua_pushcfunction(s->L, sbx_env_setup);
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
    lua_sethook(s->L, sbx_hook, LUA_MASKCOUNT, HOOK_EVERY);
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

int sbx_limit_hit(const sbx *s) {
    return s && s->last_limit;
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
