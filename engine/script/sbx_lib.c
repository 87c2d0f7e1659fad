/* sbx_lib.c - metered replacements of Lua library functions for the sandbox.
 *
 * What a script calls instead of Lua's own base (pcall, xpcall, load,
 * setmetatable, collectgarbage), math.randomseed, coroutine, table and
 * string.rep functions, and the wrappers that charge stock functions by their
 * arguments and results. Each one either counts its work with sbx_charge (so no
 * single call runs long unseen), re-raises a limit error it could have caught
 * (sbx_recheck), or refuses what would run outside the limits (__gc, closing a
 * coroutine a limit killed). Which function a script sees under which name is
 * sbx_env.c's business; costs are in sbx_priv.h; limits are in sandbox.h.
 *
 * Where a replacement keeps the stock function as upvalue 1 and calls it in the
 * same frame (stock()), Lua's own argument errors name the script's line.
 */
#include <limits.h>
#include <string.h>

#include <lua.h>
#include <lauxlib.h>

#include "sbx_priv.h"

#define MAX_CLOSE_DEPTH 10 /* coroutine closes nested in __close handlers (close_thread) */

/* Calls the stock library function kept as upvalue 1, in this frame (so its
 * argument errors name the caller's line). Only for functions without upvalues. */
static int stock(lua_State *L) {
    return lua_tocfunction(L, lua_upvalueindex(1))(L);
}

/* A stock function whose cost grows with its arguments or results. */
int sbx_metered(lua_State *L) {
    int n = lua_gettop(L);
    int r = stock(L);
    sbx_charge(L, 1 + (long long)n + r);
    return r;
}

/* A stock function that may decode all of its first argument, a string. */
int sbx_metered_walk(lua_State *L) {
    if (lua_type(L, 1) == LUA_TSTRING)
        sbx_charge(L, (long long)(lua_rawlen(L, 1) / WALK_BYTES_PER_STEP));
    return sbx_metered(L);
}

/* ---- base library ------------------------------------------------------------ */

static int pcall_done(lua_State *L, int status, lua_KContext extra) {
    if (status != LUA_OK && status != LUA_YIELD) {
        sbx_recheck(L);
        sbx_charge(L, STEPS_PER_ERROR);
        lua_pushboolean(L, 0);
        lua_pushvalue(L, -2);
        return 2;
    }
    return lua_gettop(L) - (int)extra;
}

/* pcall and xpcall that do not catch limit errors; yieldable like Lua's. */
int sbx_base_pcall(lua_State *L) {
    sbx_recheck(L);
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

int sbx_base_xpcall(lua_State *L) {
    sbx_recheck(L);
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
    if (lua_type(L, -1) == LUA_TSTRING) sbx_charge(L, (long long)lua_rawlen(L, -1));
    return 1;
}

/* load(chunk [, chunkname [, mode [, env]]]): text only, our environment by
 * default, compile cost charged. Upvalues: stock load, the environment. */
int sbx_base_load(lua_State *L) {
    sbx_recheck(L);
    int env_given = !lua_isnone(L, 4);
    lua_settop(L, 4);
    sbx_charge(L, STEPS_PER_LOAD);
    if (lua_type(L, 1) == LUA_TSTRING) {
        sbx_charge(L, (long long)lua_rawlen(L, 1));
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
    sbx_recheck(L); /* an error in the reader comes back as nil, message */
    return r;
}

/* Lua runs __gc metamethods with hooks off, so they could loop unseen. */
int sbx_base_setmetatable(lua_State *L) {
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

int sbx_base_collectgarbage(lua_State *L) {
    const char *opt = luaL_optstring(L, 1, "collect");
    if (strcmp(opt, "count") != 0)
        return luaL_argerror(
            L, 1, lua_pushfstring(L, "\"%s\" is not available in scenarios, only \"count\"", opt));
    lua_pushnumber(L,
                   (lua_Number)lua_gc(L, LUA_GCCOUNT) + (lua_Number)lua_gc(L, LUA_GCCOUNTB) / 1024);
    return 1;
}

/* Upvalue 1: the stock randomseed (it keeps the generator as its upvalue). */
int sbx_math_randomseed(lua_State *L) {
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
    if (co) lua_sethook(co, sbx_hook, LUA_MASKCOUNT, HOOK_EVERY);
    sbx_charge(L, HOOK_EVERY);
}

int sbx_co_create(lua_State *L) {
    sbx_recheck(L);
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
int sbx_co_resume(lua_State *L) {
    sbx_recheck(L);
    int r = stock(L);
    note_killed(L, 1);
    sbx_recheck(L);
    if (!lua_toboolean(L, -r)) sbx_charge(L, STEPS_PER_ERROR);
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

int sbx_co_close(lua_State *L) {
    sbx_recheck(L);
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
    sbx_recheck(L);
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
    sbx_recheck(L);
    int st = lua_status(co);
    if (st != LUA_OK && st != LUA_YIELD && !was_killed(L, lua_upvalueindex(1)) &&
        !close_thread(L, co, &status))
        return luaL_error(L, "coroutine nested more than %d deep in __close handlers",
                          MAX_CLOSE_DEPTH);
    lua_xmove(co, L, 1); /* the error */
    sbx_recheck(L);
    sbx_charge(L, STEPS_PER_ERROR);
    if (status != LUA_ERRMEM && lua_type(L, -1) == LUA_TSTRING &&
        !sbx_has_position(lua_tostring(L, -1))) { /* add where it was resumed */
        luaL_where(L, 1);
        lua_insert(L, -2);
        lua_concat(L, 2);
    }
    return lua_error(L);
}

int sbx_co_wrap(lua_State *L) {
    sbx_recheck(L);
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

int sbx_tab_insert(lua_State *L) {
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
            sbx_charge(L, STEPS_PER_ELEMENT);
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

int sbx_tab_remove(lua_State *L) {
    lua_Integer size = tab_len(L, 1, TAB_R | TAB_W);
    lua_Integer pos = luaL_optinteger(L, 2, size);
    if (pos != size)
        luaL_argcheck(L, (lua_Unsigned)pos - 1u <= (lua_Unsigned)size, 2, "position out of bounds");
    lua_geti(L, 1, pos);
    for (; pos < size; pos++) {
        sbx_charge(L, STEPS_PER_ELEMENT);
        lua_geti(L, 1, pos + 1);
        lua_seti(L, 1, pos);
    }
    lua_pushnil(L);
    lua_seti(L, 1, pos);
    return 1;
}

int sbx_tab_move(lua_State *L) {
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
                sbx_charge(L, STEPS_PER_ELEMENT);
                lua_geti(L, 1, f + i);
                lua_seti(L, tt, t + i);
            }
        } else { /* overlapping, destination after source: copy backwards */
            for (lua_Integer i = n - 1; i >= 0; i--) {
                sbx_charge(L, STEPS_PER_ELEMENT);
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

int sbx_tab_concat(lua_State *L) {
    lua_Integer last = tab_len(L, 1, TAB_R);
    size_t lsep;
    const char *sep = luaL_optlstring(L, 2, "", &lsep);
    lua_Integer i = luaL_optinteger(L, 3, 1);
    last = luaL_optinteger(L, 4, last);
    luaL_Buffer b;
    luaL_buffinit(L, &b);
    for (; i < last; i++) {
        sbx_charge(L, STEPS_PER_ELEMENT);
        concat_field(L, &b, i);
        luaL_addlstring(&b, sep, lsep);
    }
    if (i == last) concat_field(L, &b, i);
    luaL_pushresult(&b);
    return 1;
}

int sbx_tab_unpack(lua_State *L) {
    lua_Integer i = luaL_optinteger(L, 2, 1);
    lua_Integer e = lua_isnoneornil(L, 3) ? luaL_len(L, 1) : luaL_checkinteger(L, 3);
    if (i > e) return 0;
    lua_Unsigned n = (lua_Unsigned)e - (lua_Unsigned)i;
    if (n >= (unsigned)INT_MAX || !lua_checkstack(L, (int)(++n)))
        return luaL_error(L, "too many results to unpack");
    sbx_charge(L, (long long)n * STEPS_PER_ELEMENT);
    for (; i < e; i++)
        lua_geti(L, 1, i);
    lua_geti(L, 1, e);
    return (int)n;
}

/* The comparison table.sort calls: counts it, then asks the script's function
 * (upvalue 1) or '<'. */
static int sort_less(lua_State *L) {
    sbx_charge(L, STEPS_PER_COMPARE);
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

int sbx_tab_sort(lua_State *L) {
    if (!lua_isnoneornil(L, 2)) luaL_checktype(L, 2, LUA_TFUNCTION);
    lua_settop(L, 2);
    lua_pushvalue(L, 2);
    lua_pushcclosure(L, sort_less, 1);
    lua_replace(L, 2);
    return stock(L);
}

/* ---- string library ----------------------------------------------------------- */

/* Lua's rep counts to n even when there is nothing to copy. */
int sbx_str_rep(lua_State *L) {
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
