/* sbx_env.c - the environment a sandboxed script sees (sandbox.h, ENVIRONMENT).
 *
 * This file alone says which function a script finds under which name: Lua's
 * own where it is harmless, our metered replacement (sbx_lib.c, sbx_match.c)
 * where Lua's could escape the limits, nothing where it would reach the
 * machine. It builds that environment once, in sbx_env_setup, which sbx_create
 * runs protected. Lua's libraries are opened into the state's real globals,
 * which scripts never see; the environment is a fresh table of copies, except
 * the string table, which every string reaches through its shared metatable and
 * which is therefore patched in place.
 */
#include <string.h>

#include <lua.h>
#include <lauxlib.h>
#include <lualib.h>

#include "sbx_match.h"
#include "sbx_priv.h"

/* Stack slots of the opened libraries during sbx_env_setup. */
enum { BASE = 1, STR, TAB, MATH, UTF8, CO, OS };

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

/* Sets the functions of regs into the table at dst. */
static void set_into(lua_State *L, int dst, const luaL_Reg *regs) {
    lua_pushvalue(L, dst);
    luaL_setfuncs(L, regs, 0);
    lua_pop(L, 1);
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

/* The string table is shared: every string reaches it through its metatable's
 * __index, so it is patched in place. */
static void harden_string(lua_State *L) {
    lua_pushnil(L);
    lua_setfield(L, STR, "dump");
    static const luaL_Reg str_own[] = {{"find", sbx_str_find},
                                       {"match", sbx_str_match},
                                       {"gmatch", sbx_str_gmatch},
                                       {"gsub", sbx_str_gsub},
                                       {NULL, NULL}};
    set_into(L, STR, str_own);
    wrap_into(L, STR, STR, "rep", sbx_str_rep, 1);
    wrap_into(L, STR, STR, "byte", sbx_metered, 1);
    wrap_into(L, STR, STR, "char", sbx_metered, 1);
    static const char *const str_scanned[] = {"pack", "packsize", "unpack"}; /* the format */
    for (size_t i = 0; i < sizeof str_scanned / sizeof *str_scanned; i++)
        wrap_into(L, STR, STR, str_scanned[i], sbx_metered_walk, 1);
    lua_pushliteral(L, "");
    if (!lua_getmetatable(L, -1)) luaL_error(L, "sandbox: strings have no metatable");
    lua_pushboolean(L, 0);
    lua_setfield(L, -2, "__metatable"); /* getmetatable("") is false */
    lua_pop(L, 2);
}

/* The base functions, straight into the environment at env. */
static void env_base(lua_State *L, int env) {
    static const char *const base_copied[] = {"assert", "error",  "getmetatable", "ipairs",
                                              "next",   "pairs",  "rawequal",     "rawget",
                                              "rawlen", "rawset", "tostring",     "type"};
    for (size_t i = 0; i < sizeof base_copied / sizeof *base_copied; i++)
        copy_into(L, BASE, env, base_copied[i]);
    static const luaL_Reg base_own[] = {{"pcall", sbx_base_pcall},
                                        {"xpcall", sbx_base_xpcall},
                                        {"collectgarbage", sbx_base_collectgarbage},
                                        {NULL, NULL}};
    set_into(L, env, base_own);
    wrap_into(L, BASE, env, "select", sbx_metered, 1);
    wrap_into(L, BASE, env, "tonumber", sbx_metered_walk, 1);
    wrap_into(L, BASE, env, "setmetatable", sbx_base_setmetatable, 1);
    lua_getfield(L, BASE, "load");
    if (!lua_iscfunction(L, -1) || lua_getupvalue(L, -1, 1))
        luaL_error(L, "sandbox: the Lua library's load is not what we expect");
    lua_pushvalue(L, env);
    lua_pushcclosure(L, sbx_base_load, 2);
    lua_setfield(L, env, "load");
    lua_pushvalue(L, env);
    lua_setfield(L, env, "_G");
}

static void env_table(lua_State *L, int env) {
    lua_newtable(L);
    int tab = lua_gettop(L);
    static const luaL_Reg tab_own[] = {{"concat", sbx_tab_concat}, {"insert", sbx_tab_insert},
                                       {"move", sbx_tab_move},     {"remove", sbx_tab_remove},
                                       {"unpack", sbx_tab_unpack}, {NULL, NULL}};
    luaL_setfuncs(L, tab_own, 0);
    wrap_into(L, TAB, tab, "pack", sbx_metered, 1);
    wrap_into(L, TAB, tab, "sort", sbx_tab_sort, 1);
    lua_setfield(L, env, "table");
}

/* math, with randomseed needing a seed and the generator seeded with 0. */
static void env_math(lua_State *L, int env) {
    static const char *const math_skip[] = {"randomseed", NULL};
    int math = copy_table(L, MATH, math_skip);
    wrap_into(L, MATH, math, "randomseed", sbx_math_randomseed, 0);
    lua_setfield(L, env, "math");
    lua_getfield(L, MATH, "randomseed"); /* the same draws on every machine */
    lua_pushinteger(L, 0);
    lua_call(L, 1, 0);
}

static void env_utf8(lua_State *L, int env) {
    int utf8 = copy_table(L, UTF8, NULL);
    wrap_into(L, UTF8, utf8, "char", sbx_metered, 1);
    wrap_into(L, UTF8, utf8, "codepoint", sbx_metered, 1);
    wrap_into(L, UTF8, utf8, "len", sbx_metered_walk, 1);
    wrap_into(L, UTF8, utf8, "offset", sbx_metered_walk, 1);
    lua_setfield(L, env, "utf8");
}

static void env_coroutine(lua_State *L, int env) {
    int co = copy_table(L, CO, NULL);
    wrap_into(L, CO, co, "create", sbx_co_create, 1);
    lua_pushcfunction(L, sbx_co_wrap);
    lua_setfield(L, co, "wrap");
    wrap_into(L, CO, co, "resume", sbx_co_resume, 1);
    wrap_into(L, CO, co, "close", sbx_co_close, 1);
    lua_setfield(L, env, "coroutine");
}

/* os: the clock and dates only. */
static void env_os(lua_State *L, int env) {
    lua_newtable(L);
    copy_into(L, OS, lua_gettop(L), "clock");
    copy_into(L, OS, lua_gettop(L), "date");
    copy_into(L, OS, lua_gettop(L), "time");
    lua_setfield(L, env, "os");
}

int sbx_env_setup(lua_State *L) {
    sbx *s = sbx_of(L);
    luaL_requiref(L, LUA_GNAME, luaopen_base, 0);
    luaL_requiref(L, LUA_STRLIBNAME, luaopen_string, 0);
    luaL_requiref(L, LUA_TABLIBNAME, luaopen_table, 0);
    luaL_requiref(L, LUA_MATHLIBNAME, luaopen_math, 0);
    luaL_requiref(L, LUA_UTF8LIBNAME, luaopen_utf8, 0);
    luaL_requiref(L, LUA_COLIBNAME, luaopen_coroutine, 0);
    luaL_requiref(L, LUA_OSLIBNAME, luaopen_os, 0);
    harden_string(L);

    lua_newtable(L);
    int env = lua_gettop(L);
    env_base(L, env);
    copy_table(L, STR, NULL);
    lua_setfield(L, env, "string");
    env_table(L, env);
    env_math(L, env);
    env_utf8(L, env);
    env_coroutine(L, env);
    env_os(L, env);
    s->env_ref = luaL_ref(L, LUA_REGISTRYINDEX);

    lua_newtable(L); /* weak set of the coroutines a limit killed (sbx_lib.c) */
    lua_newtable(L);
    lua_pushliteral(L, "k");
    lua_setfield(L, -2, "__mode");
    lua_setmetatable(L, -2);
    s->killed_ref = luaL_ref(L, LUA_REGISTRYINDEX);
    return 0;
}
