/* sandbox.h - a Lua state that scenario scripts cannot escape or exhaust.
 *
 * Instructors write scenarios in Lua and academies run them in exams, so a
 * script must not reach the machine (files, processes, environment, other
 * code) nor hang it or eat its memory, whatever it does. This module owns one
 * such Lua state; the wrap_*.c binding files add their functions to it, and
 * everything a script runs goes through sbx_run or sbx_call. Only engine/script
 * includes Lua; this header does not, so any layer may hold an `sbx *`.
 *
 * USAGE
 *
 *     bl_err err;
 *     sbx *s = sbx_create(NULL, &err);              // default limits
 *     if (!s) { report(err.msg); return -1; }
 *     if (sbx_run(s, code, len, "scenarios/x.lua", 0, &err) < 0) report(err.msg);
 *     // Call a function the scenario defined: push it and its arguments.
 *     lua_State *L = sbx_lua(s);
 *     sbx_push_env(s);
 *     lua_getfield(L, -1, "on_arrival");
 *     lua_remove(L, -2);
 *     lua_pushinteger(L, 3);
 *     if (sbx_call(s, 1, 1, &err) < 0) report(err.msg); else { ...; lua_pop(L, 1); }
 *     sbx_destroy(s);
 *
 * LIMITS (per sbx_run / sbx_call; the state survives every one of them)
 *
 *   memory  Every byte the state allocates is counted by our allocator; past
 *           `mem_bytes` an allocation fails, Lua collects garbage and retries,
 *           then raises "not enough memory". Shrinking never fails. Lua's
 *           auxiliary buffers (string.rep, table.concat, gsub, format) do not
 *           retry: a refusal there schedules a full collection at the next
 *           hook and the next run, so a script building MiB-sized strings may
 *           fail a little before the cap; the state always recovers.
 *   steps   A count hook runs every 1000 VM instructions, in the main thread
 *           and in every coroutine. Work done inside C library functions counts
 *           too, in instruction-equivalents measured at -O2, so that no single
 *           call escapes the count and 50 million steps take well under a
 *           second whatever they are spent on: 1 step per 8 bytes allocated,
 *           4 per table element insert/remove/move/concat/unpack touches, 16 per
 *           comparison table.sort makes, 2 per unit of pattern-matching work,
 *           32 per error pcall/xpcall/resume catch, 1 per argument and result
 *           of select, tonumber, string.byte/char/pack/packsize/unpack,
 *           table.pack and utf8.*, plus 1 per 2 bytes of the string that
 *           tonumber, utf8.len/offset and the pack functions' format decode, 1
 *           per 64 bytes a plain string.find searches, 1000 per coroutine
 *           created, 128 per load() and 1 per byte it compiles. The count
 *           does not depend on the machine: a script stops at the same place
 *           everywhere, as far as Lua itself repeats (pairs() order over string
 *           keys and table.sort's pivots vary from run to run).
 *   seconds A wall-clock backstop, checked by the hook and by the metered C
 *           functions, for the few things the step count cannot see: a VM
 *           instruction comparing two 10 MB strings costs milliseconds, and
 *           one inserting into a table whose keys all collide in Lua's hash
 *           (floats are easy to choose so) costs time proportional to the
 *           table, quadratic over a rehash. The step limit cannot stop such an
 *           instruction midway: a script can overrun `seconds` by about the
 *           work it did before (worst seen: 5.2 s for the 5 s default). It is
 *           not deterministic, so the default is far above what 50 million
 *           steps take (about 0.2 s).
 *
 *   Once a limit is hit it cannot be caught: pcall, xpcall, coroutine.resume,
 *   coroutine.close and load (whose reader may fail) re-raise it, and the hook
 *   keeps raising it every 1000 instructions, so the error always reaches
 *   sbx_run/sbx_call. Recursion ends in Lua's "stack overflow" (Lua stack) or
 *   "C stack overflow" (metamethods, pcall, gsub callbacks nest at most 200 C
 *   levels), never in a crash. __gc metamethods are refused (Lua runs them with
 *   hooks off), so nothing a script defines runs outside the limits. For the
 *   same reason a coroutine that a limit killed keeps its pending <close>
 *   variables open: coroutine.close refuses it. Closing coroutines from
 *   __close handlers nests at most 10 deep (Lua 5.4.4 would overflow the C
 *   stack: its lua_resetthread does not count C calls).
 *
 * ENVIRONMENT (what scripts see as _ENV; a fresh table, never Lua's globals)
 *
 *   _G (the environment itself), assert, error, getmetatable, ipairs, next,
 *   pairs, rawequal, rawget, rawlen, rawset, tostring, type; and safe versions
 *   of pcall, xpcall, select, tonumber, setmetatable (refuses __gc),
 *   collectgarbage ("count" only), load (text chunks only, mode "t" whatever
 *   the script asks; the environment defaults to this one; a reader function
 *   is allowed). Tables (each a copy, so a script that overwrites a field only
 *   changes its own view):
 *     string     all of it except dump; find, match, gmatch, gsub run our own
 *                matcher (sbx_match.c, a port of Lua 5.4.4's: same patterns
 *                and results, but its work is counted: Lua's can backtrack for
 *                hours on 40 bytes), rep refuses to loop on empty strings.
 *     table      concat, insert, move, pack, remove, sort, unpack (metered).
 *     math       all of it; random is Lua's xoshiro256**, seeded with 0 when the
 *                state is created, and randomseed(x [, y]) needs a seed: the
 *                same scenario draws the same numbers everywhere.
 *     utf8, coroutine (create/wrap hook the new coroutine), os (clock, date,
 *     time only).
 *   Not there: io, os.execute/getenv/exit/remove/rename/tmpname/setlocale,
 *   require, package, dofile, loadfile, debug, string.dump, print, warn.
 *   The string metatable is shared by all strings: its __metatable field is
 *   false, so getmetatable("") returns false and scripts cannot reach it.
 *   Iteration order of pairs() over string keys changes from run to run (Lua
 *   seeds its string hash per state): sort keys when order matters.
 *
 * BINDINGS (the wrap_*.c files)
 *
 *   Add functions to the environment with sbx_push_env. A C function called by
 *   a script runs inside sbx_run/sbx_call: when it calls back into Lua, use
 *   lua_call (errors and limits then propagate), not lua_pcall, which would
 *   swallow a limit error, and not sbx_call, which refuses to nest. Give
 *   userdata metatables a __metatable field if scripts must not change them.
 *   Outside sbx_run/sbx_call no limit applies and errors are unprotected (Lua
 *   then aborts the process): read what a script returned with raw access
 *   (lua_rawget, lua_rawgeti, lua_rawlen, lua_next), never lua_getfield,
 *   lua_gettable, lua_len or luaL_tolstring, which run the script's
 *   metamethods (a looping __index would hang the host, an erroring one abort
 *   it); or do the reading inside a function called with sbx_call.
 *
 * ERRORS
 *
 *   Messages name the chunk and line, as Lua prints them, and say what to do:
 *     scenarios/x.lua:3: attempt to index a nil value (global 'io')
 *     scenarios/x.lua:12: step limit exceeded (50000000 instructions): is there
 *         an endless loop?
 *     scenarios/x.lua:7: memory limit exceeded (32 MiB): does a table, a
 *         string or a recursion grow without end? (the line where the first
 *         allocation was refused; the file alone when no Lua function ran)
 *   Newlines in a script's error message become spaces (one-line messages).
 */
#ifndef BL_SANDBOX_H
#define BL_SANDBOX_H

#include <stddef.h>

#include "err.h"

typedef struct lua_State lua_State; /* from <lua.h>; declared here so no Lua include is needed */

typedef struct sbx sbx;
typedef struct sbx_limits {
    size_t mem_bytes; /* cap on everything the state allocates (default 32 MiB when 0) */
    long steps;       /* VM instructions per sbx_run / sbx_call (default 50 million when <= 0) */
    double seconds;   /* wall-clock backstop per sbx_run / sbx_call (default 5 s when <= 0) */
} sbx_limits;

/* Creates a sandboxed state; lim may be NULL (all defaults). Returns NULL with
 * err filled when the memory cap is too small for the libraries (about 40 KiB)
 * or the machine is out of memory. */
sbx *sbx_create(const sbx_limits *lim, bl_err *err);
void sbx_destroy(sbx *s); /* closes the state; NULL is fine */

lua_State *sbx_lua(sbx *s); /* for the wrap_*.c binding files */
void sbx_push_env(sbx *s);  /* pushes the scripts' environment table (their _ENV) */

/* Loads text (never bytecode) as a chunk named `name` (shown in messages as
 * name:line), runs it in the sandbox environment, leaves `nresults` results on
 * the stack (LUA_MULTRET, -1, for all of them). Returns 0, or -1 with err
 * filled and the stack as it was. */
int sbx_run(sbx *s, const char *code, size_t len, const char *name, int nresults, bl_err *err);

/* Calls the function below `nargs` arguments on the stack, protected, under the
 * limits; pops them and pushes `nresults` results. Returns 0, or -1 with err
 * filled and the function and arguments popped. Refuses (-1) while a script is
 * running: see BINDINGS. */
int sbx_call(sbx *s, int nargs, int nresults, bl_err *err);

size_t sbx_mem_used(const sbx *s); /* bytes the state holds now */

/* Whether the last sbx_run / sbx_call ended on a limit (steps, time or
 * memory): the state is usable, but a script that kept what filled its memory
 * fails again; the caller may rather start it afresh. */
int sbx_limit_hit(const sbx *s);

#endif
