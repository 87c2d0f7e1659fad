/* sbx_priv.h - what the sandbox's own files share; nothing outside them includes it.
 *
 * The sandbox (sandbox.h) is four files:
 *   sandbox.c    the state behind an `sbx *`: allocator, step and time limits,
 *                the hook, sbx_create/sbx_run/sbx_call
 *   sbx_lib.c    metered replacements of Lua's base, coroutine, table and
 *                string.rep functions
 *   sbx_match.c  the metered pattern matcher (find, match, gmatch, gsub;
 *                a port of Lua's lstrlib.c, see sbx_match.h)
 *   sbx_env.c    the environment a script sees: which function goes where
 *
 * This header holds the state they share, the price of C work in steps (one
 * table, so the costs documented in sandbox.h have one owner) and the metering
 * every replacement calls: sbx_charge counts work and raises a limit error,
 * sbx_recheck re-raises one that a caught error may have hidden.
 */
#ifndef BL_SBX_PRIV_H
#define BL_SBX_PRIV_H

#include <stddef.h>

#include <lua.h>

#include "sandbox.h"

#define HOOK_EVERY 1000 /* VM instructions between two hook calls */
/* What C work costs in steps, measured against VM instructions (about 4 ns each
 * at -O2): so that 50 million steps take a fraction of a second whatever the
 * script spends them on. */
#define ALLOC_BYTES_PER_STEP 8   /* bytes allocated (copying, then collecting them) */
#define WALK_BYTES_PER_STEP  2   /* bytes decoded one by one (utf8.len, tonumber, pack formats) */
#define SCAN_BYTES_PER_STEP  64  /* bytes searched by memmem, or walked by a full collection */
#define STEPS_PER_ELEMENT    4   /* table element moved by insert/remove/move/concat/unpack */
#define STEPS_PER_COMPARE    16  /* comparison made by table.sort (a C call round trip) */
#define STEPS_PER_MATCH      2   /* unit of pattern-matching work (a call or an expansion) */
#define STEPS_PER_ERROR      32  /* error caught by pcall/xpcall/resume (longjmp, message) */
#define STEPS_PER_LOAD       128 /* load() call, besides 1 step per source byte */

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
    unsigned ticks;                 /* sbx_charge() calls since the last clock read */
    double t0;                      /* monotonic start time, seconds */
    char name[128];                 /* chunk or function source, for messages without a line */
    char limit_msg[320];            /* the first limit error, repeated until the run ends */
    lua_State *cur;                 /* the thread last seen running (hook, charge) */
    char mem_at[160];               /* "chunk:line:" where the first allocation was refused */
    int last_limit;                 /* the last run ended on a limit (steps, time, memory) */
};

/* The sandbox a Lua state belongs to (its allocator's user data). */
static inline sbx *sbx_of(lua_State *L) {
    void *ud;
    lua_getallocf(L, &ud);
    return ud;
}

/* ---- sandbox.c: metering ---- */

void sbx_hook(lua_State *L, lua_Debug *ar); /* the count hook, every HOOK_EVERY instructions */
void sbx_charge(lua_State *L, long long n); /* counts n steps of C work; raises when over */
void sbx_recheck(lua_State *L);             /* raises again if a limit was hit this run */
int sbx_has_position(const char *msg);      /* whether msg holds a "chunk:line:" position */

/* ---- sbx_env.c ---- */

/* Runs protected from sbx_create: opens Lua's libraries into the real (hidden)
 * globals, hardens the shared string table, builds the scripts' environment and
 * the set of killed coroutines (fills env_ref and killed_ref). */
int sbx_env_setup(lua_State *L);

/* ---- sbx_lib.c: replacements, each named for the Lua function it stands for ---- */

/* Stock function kept as upvalue 1 (it must have no upvalues of its own), called
 * in the same frame, with its work charged: */
int sbx_metered(lua_State *L);      /* 1 step per argument and result */
int sbx_metered_walk(lua_State *L); /* the same, plus the bytes of a string first argument */

int sbx_base_pcall(lua_State *L);          /* does not catch limit errors */
int sbx_base_xpcall(lua_State *L);         /* nor does its message handler run for one */
int sbx_base_load(lua_State *L);           /* text only; upvalues: stock load, the environment */
int sbx_base_setmetatable(lua_State *L);   /* refuses __gc; upvalue: stock setmetatable */
int sbx_base_collectgarbage(lua_State *L); /* "count" only */
int sbx_math_randomseed(lua_State *L);     /* needs a seed; upvalue: stock randomseed */
int sbx_co_create(lua_State *L);           /* hooks the new coroutine; upvalue: stock create */
int sbx_co_resume(lua_State *L);           /* re-raises limit errors; upvalue: stock resume */
int sbx_co_close(lua_State *L);            /* refuses a coroutine a limit killed; upvalue: stock */
int sbx_co_wrap(lua_State *L);             /* hooks the new coroutine */
int sbx_tab_insert(lua_State *L);
int sbx_tab_remove(lua_State *L);
int sbx_tab_move(lua_State *L);
int sbx_tab_concat(lua_State *L);
int sbx_tab_unpack(lua_State *L);
int sbx_tab_sort(lua_State *L); /* counts comparisons; upvalue: stock sort */
int sbx_str_rep(lua_State *L);  /* no loop over nothing; upvalue: stock rep */

#endif
