/* sbx_match.h - the sandbox's pattern matcher (private to the sandbox's files).
 *
 * string.find, string.match, string.gmatch and string.gsub as Lua 5.4 has them
 * (same patterns, results and error messages: a port of Lua 5.4.4's lstrlib.c
 * matcher, see sbx_match.c), but with their work counted against the step and
 * time limits, so a pattern that backtracks without end stops like a loop does.
 * sbx_env.c puts them in the shared string table; they must run inside a
 * sandbox's state (sbx_charge finds it through the allocator).
 */
#ifndef BL_SBX_MATCH_H
#define BL_SBX_MATCH_H

typedef struct lua_State lua_State;

int sbx_str_find(lua_State *L);   /* string.find(s, pattern [, init [, plain]]) */
int sbx_str_match(lua_State *L);  /* string.match(s, pattern [, init]) */
int sbx_str_gmatch(lua_State *L); /* string.gmatch(s, pattern [, init]) */
int sbx_str_gsub(lua_State *L);   /* string.gsub(s, pattern, repl [, n]) */

#endif
