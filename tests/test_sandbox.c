/* test_sandbox.c - scenario scripts cannot escape or exhaust the sandbox.
 *
 * Each row is a script, what must happen (it returns a given string, or it
 * fails with a message containing a given text) and why. The rows of a table
 * run one after another in the same state, each timed and each followed by a
 * normal script that must still work. A row must stop within MAX_SECONDS of
 * CPU time, even under ASan; its wall time (clock_gettime, printed too) gets
 * three times that, because test machines are shared: on a 2-core box at load
 * 5, rows took 4 times longer by the clock than in CPU time. A
 * failing row is reported and the others still run, so a broken sandbox shows
 * how many rows it fails. The matcher is also compared with the stock string
 * library on a fixed and a generated corpus. Run one test by pattern:
 * `test_sandbox 'escape*'`.
 */
#define _POSIX_C_SOURCE 200809L
#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <cmocka.h>

#include <lua.h>
#include <lauxlib.h>
#include <lualib.h>

#include "sandbox.h"
#include "scn_load.h"

#define MAX_SECONDS  3.0
#define HANG_SECONDS 30 /* a row still running then: the sandbox let it run */

typedef struct {
    const char *script;
    int returns;      /* 1: returns `want` exactly; 0: fails, message contains `want` */
    const char *want; /* the returned string, or part of the message */
    const char *why;
} row;

enum { FAILS = 0, RETURNS = 1 };

#define STEPS   "step limit exceeded (50000000 instructions): is there an endless loop?"
#define MEMORY  "memory limit exceeded (32 MiB): does a table, a string or a recursion grow"
#define N(rows) (sizeof(rows) / sizeof(rows)[0])

static double slowest, slowest_cpu; /* wall and CPU seconds of the slowest row */
static char slowest_why[128];

static double seconds_since(clockid_t clock, const struct timespec *t0) {
    struct timespec t1;
    clock_gettime(clock, &t1);
    return (double)(t1.tv_sec - t0->tv_sec) + (double)(t1.tv_nsec - t0->tv_nsec) / 1e9;
}

static const char *volatile current_row; /* for the watchdog */

/* SIGALRM: a row has not stopped. Say which, and end the test now rather than
 * at ctest's timeout. */
static void on_hang(int sig) {
    (void)sig;
    static const char msg[] = "\ntest_sandbox: this row did not stop (the sandbox let it run): ";
    const char *why = current_row ? current_row : "?";
    if (write(2, msg, sizeof msg - 1) < 0 || write(2, why, strlen(why)) < 0) _exit(2);
    _exit(write(2, "\n", 1) < 0 ? 2 : 1);
}

/* The value on top of the stack as the rows compare it. */
static const char *result_text(lua_State *L) {
    switch (lua_type(L, -1)) {
    case LUA_TSTRING:
    case LUA_TNUMBER:
        return lua_tostring(L, -1);
    case LUA_TBOOLEAN:
        return lua_toboolean(L, -1) ? "true" : "false";
    default:
        return luaL_typename(L, -1);
    }
}

/* Runs the rows in one state named `chunk`; returns how many went wrong. */
static int run_rows_in(sbx *s, const char *chunk, const row *rows, size_t n) {
    lua_State *L = sbx_lua(s);
    int bad = 0;
    for (size_t i = 0; i < n; i++) {
        const row *r = &rows[i];
        bl_err err = {0};
        int base = lua_gettop(L);
        struct timespec t0, c0;
        clock_gettime(CLOCK_MONOTONIC, &t0);
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &c0);
        current_row = r->why;
        alarm(HANG_SECONDS);
        int rc = sbx_run(s, r->script, strlen(r->script), chunk, 1, &err);
        alarm(0);
        double dt = seconds_since(CLOCK_MONOTONIC, &t0);
        double cpu = seconds_since(CLOCK_PROCESS_CPUTIME_ID, &c0);
        const char *got = rc == 0 ? result_text(L) : err.msg;
        print_message("  %6.3f s (cpu %6.3f)  %-48.48s -> %.100s\n", dt, cpu, r->why, got);
        if (dt > slowest) {
            slowest = dt;
            slowest_cpu = cpu;
            snprintf(slowest_why, sizeof slowest_why, "%s", r->why);
        }
        const char *problem = NULL;
        if (cpu > MAX_SECONDS || dt > 3 * MAX_SECONDS)
            problem = "too slow";
        else if (r->returns && rc != 0)
            problem = "failed, should return";
        else if (r->returns && strcmp(got, r->want) != 0)
            problem = "returned something else";
        else if (!r->returns && rc == 0)
            problem = "returned, should fail";
        else if (!r->returns && !strstr(err.msg, r->want))
            problem = "message lacks the text";
        else if (!r->returns && strchr(err.msg, '\n'))
            problem = "message spans lines";
        if (rc == 0) lua_pop(L, 1);
        if (lua_gettop(L) != base) problem = "stack not restored";
        if (problem) {
            print_message("  FAIL %s #%zu (%s): %s\n       script: %s\n       want:   %s\n", chunk,
                          i + 1, r->why, problem, r->script, r->want);
            bad++;
            lua_settop(L, base);
        }
        /* The same state must still run a normal script. */
        static const char normal[] = "local t = {} for i = 1, 100 do t[i] = ('x'):rep(i % 3) end "
                                     "return #table.concat(t) .. string.format('%d', 7)";
        if (sbx_run(s, normal, sizeof normal - 1, "normal.lua", 1, &err) != 0 ||
            strcmp(result_text(L), "1007") != 0) {
            print_message("  FAIL %s #%zu (%s): the state is broken afterwards: %s\n", chunk, i + 1,
                          r->why, err.msg);
            bad++;
            lua_settop(L, base);
        } else {
            lua_pop(L, 1);
        }
    }
    return bad;
}

static void run_rows(const sbx_limits *lim, const char *chunk, const row *rows, size_t n) {
    bl_err err = {0};
    sbx *s = sbx_create(lim, &err);
    if (!s) fail_msg("sbx_create: %s", err.msg);
    int bad = run_rows_in(s, chunk, rows, n);
    sbx_destroy(s);
    if (bad) fail_msg("%d of %zu rows of %s went wrong (see FAIL above)", bad, n, chunk);
}

/* ---- reaching the machine ------------------------------------------------- */

static void test_escape(void **state) {
    (void)state;
    static const row rows[] = {
        {"io.open('/etc/passwd')", FAILS,
         "scenarios/escape.lua:1: attempt to index a nil value (global 'io')", "io.open"},
        {"os.execute('touch /tmp/borderlab-pwned')", FAILS,
         "scenarios/escape.lua:1: attempt to call a nil value (field 'execute')", "os.execute"},
        {"return os.getenv('HOME')", FAILS, "(field 'getenv')", "os.getenv"},
        {"os.exit(3)", FAILS, "(field 'exit')", "os.exit"},
        {"os.remove('/tmp/borderlab-x')", FAILS, "(field 'remove')", "os.remove"},
        {"os.rename('/tmp/borderlab-a', '/tmp/borderlab-b')", FAILS, "(field 'rename')",
         "os.rename"},
        {"return os.tmpname()", FAILS, "(field 'tmpname')", "os.tmpname"},
        {"os.setlocale('C')", FAILS, "(field 'setlocale')", "os.setlocale"},
        {"require('io')", FAILS, "attempt to call a nil value (global 'require')", "require"},
        {"return package.loaded.io", FAILS, "(global 'package')", "package"},
        {"dofile('/etc/passwd')", FAILS, "(global 'dofile')", "dofile"},
        {"loadfile('/etc/passwd')", FAILS, "(global 'loadfile')", "loadfile"},
        {"return debug.getinfo(1)", FAILS, "(global 'debug')", "debug.getinfo"},
        {"return string.dump(function() end)", FAILS, "(field 'dump')", "string.dump"},
        {"return ('').dump(type)", FAILS, "(field 'dump')", "string.dump through a string"},
        {"return assert(load('\\27LuaT\\0\\25\\147\\r\\n\\26\\n\\4\\8\\8'))", FAILS,
         "attempt to load a binary chunk (mode is 't')", "load of a binary chunk"},
        {"return assert(load('\\27LuaT\\0\\25\\147\\r\\n\\26\\n', 'b', 'b'))", FAILS,
         "attempt to load a binary chunk (mode is 't')", "load asking for mode \"b\""},
        {"return assert(load(function() return '\\27Lua' end))", FAILS,
         "attempt to load a binary chunk", "load of a binary chunk from a reader"},
        {"load('io.open(\"/etc/passwd\")')()", FAILS, "attempt to index a nil value (global 'io')",
         "load reaching globals"},
        {"return load('return require')()('io')", FAILS, "attempt to call a nil value",
         "load reaching require"},
        {"return tostring(rawget(_G, 'io')) .. tostring(rawget(_ENV, 'os').execute)", RETURNS,
         "nilnil", "rawget(_G, 'io')"},
        {"return tostring(_ENV.io) .. tostring(_G.package) .. tostring(_G == _ENV)", RETURNS,
         "nilniltrue", "_G and _ENV are the sandbox"},
        {"setmetatable(_ENV, {__index = function(_, k) return rawget(_G, k) end}) "
         "return io.open('/etc/passwd')",
         FAILS, "(global 'io')", "setmetatable on _ENV finds nothing hidden"},
        {"setmetatable(_ENV, nil) return 'reset'", RETURNS, "reset", "(undo the metatable)"},
        {"return tostring(getmetatable(''))", RETURNS, "false", "string metatable is hidden"},
        {"getmetatable('').__index.upper = function() return 'pwned' end", FAILS,
         "attempt to index a boolean value", "modifying string methods"},
        {"rawset(getmetatable(''), '__index', {})", FAILS,
         "bad argument #1 to 'rawset' (table expected, got boolean)", "rawset on it"},
        {"setmetatable('', {})", FAILS, "bad argument #1 to 'setmetatable' (table expected",
         "setmetatable on a string"},
        {"local up = string.upper string.upper = function() return 'pwned' end "
         "local r = ('abc'):upper() string.upper = up return r",
         RETURNS, "ABC", "a script's string table is its own copy"},
        {"collectgarbage('stop')", FAILS, "\"stop\" is not available in scenarios, only \"count\"",
         "collectgarbage('stop')"},
        {"collectgarbage()", FAILS, "\"collect\" is not available", "collectgarbage()"},
        {"setmetatable({}, {__gc = function() while true do end end})", FAILS,
         "__gc metamethods are not allowed in scenarios", "__gc would run without hooks"},
        {"print('hello')", FAILS, "(global 'print')", "no print (it writes to stdout)"},
    };
    run_rows(NULL, "scenarios/escape.lua", rows, N(rows));
}

/* ---- what the environment holds --------------------------------------------- */

static void test_environment(void **state) {
    (void)state;
#define KEYS(t)                                                                                    \
    "local k = {} for n in pairs(" t ") do k[#k + 1] = n end table.sort(k) "                       \
    "return table.concat(k, ' ')"
    static const row rows[] = {
        {KEYS("_ENV"), RETURNS,
         "_G assert collectgarbage coroutine error getmetatable ipairs load math next os pairs "
         "pcall rawequal rawget rawlen rawset select setmetatable string table tonumber tostring "
         "type utf8 xpcall",
         "globals"},
        {KEYS("os"), RETURNS, "clock date time", "os"},
        {KEYS("string"), RETURNS,
         "byte char find format gmatch gsub len lower match pack packsize rep reverse sub unpack "
         "upper",
         "string"},
        {KEYS("table"), RETURNS, "concat insert move pack remove sort unpack", "table"},
        {KEYS("coroutine"), RETURNS, "close create isyieldable resume running status wrap yield",
         "coroutine"},
        {KEYS("math"), RETURNS,
         /* Debian's Lua keeps the 5.3 compatibility functions (atan2, cosh...) */
         "abs acos asin atan atan2 ceil cos cosh deg exp floor fmod frexp huge ldexp log log10 "
         "max maxinteger min mininteger modf pi pow rad random randomseed sin sinh sqrt tan tanh "
         "tointeger type ult",
         "math"},
        {KEYS("utf8"), RETURNS, "char charpattern codepoint codes len offset", "utf8"},
        {"return collectgarbage('count') > 0 and 'kb' or 'none'", RETURNS, "kb",
         "collectgarbage('count')"},
        {"return load('return type(string) .. tostring(io)')()", RETURNS, "tablenil",
         "load uses the sandbox environment"},
        {"return load('return x', 'c', 't', {x = 'mine'})()", RETURNS, "mine", "load with an env"},
        {"local p, i = {'return ', \"'read'\"}, 0 "
         "return load(function() i = i + 1 return p[i] end)()",
         RETURNS, "read", "load with a reader"},
        {"return select(2, load('return +', '=chunk'))", RETURNS,
         "chunk:1: unexpected symbol near '+'", "load reports syntax errors"},
        {"math.randomseed(42) local a, b = math.random(1000), math.random(1000) "
         "math.randomseed(42) return tostring(a == math.random(1000) and b == math.random(1000))",
         RETURNS, "true", "randomseed replays"},
        {"math.randomseed()", FAILS, "bad argument #1 to 'randomseed' (number expected",
         "randomseed needs a seed"},
        {"return type(os.time()) .. type(os.date('%Y')) .. type(os.clock())", RETURNS,
         "numberstringnumber", "os.time, os.date, os.clock"},
        {"return select(2, pcall(error, 'boom', 0))", RETURNS, "boom", "pcall catches errors"},
        {"return select(2, xpcall(error, function(m) return 'got ' .. m end, 'boom', 0))", RETURNS,
         "got boom", "xpcall calls its handler"},
        {"local ok, m = xpcall(error, function(m) error('handler broke') end, 'boom') "
         "return tostring(ok)",
         RETURNS, "false", "xpcall with an erroring handler"},
        {"local co = coroutine.wrap(function() "
         "pcall(function() coroutine.yield('yielded in pcall') end) return 'end' end) "
         "return co() .. '/' .. co()",
         RETURNS, "yielded in pcall/end", "yield across pcall"},
        {"local t = {} for v in coroutine.wrap(function() for i = 1, 3 do coroutine.yield(i) end "
         "end) do t[#t + 1] = v end return table.concat(t, ',')",
         RETURNS, "1,2,3", "coroutine generator"},
        {"local t = {5, 2, 4, 1, 3} table.sort(t) table.insert(t, 1, 0) table.insert(t, 9) "
         "table.remove(t, 2) table.move(t, 1, 2, 6) "
         "return table.concat(t, ',') .. ';' .. select('#', table.unpack(t))",
         RETURNS, "0,2,3,4,5,0,2;7", "table functions"},
        {"local t = {'b', 'a', 'c'} table.sort(t, function(x, y) return x > y end) "
         "return table.concat(t)",
         RETURNS, "cba", "table.sort with a comparator"},
        {"local t = setmetatable({}, {__index = function(_, i) return 'v' .. i end, "
         "__len = function() return 3 end}) return table.concat(t, ',')",
         RETURNS, "v1,v2,v3", "table.concat honours metamethods"},
        {"return utf8.len('été') .. utf8.char(72, 105) .. tonumber('0x10')", RETURNS, "3Hi16",
         "utf8 and tonumber"},
        {"error({})", FAILS, "scenarios/environment.lua: (error object is a table value)",
         "error with a table"},
        {"error(setmetatable({}, {__tostring = function() return 'custom\\nmessage' end}))", FAILS,
         "scenarios/environment.lua: custom message", "error with __tostring, one line"},
        {"error('no position', 0)", FAILS, "scenarios/environment.lua: no position",
         "error without a position gets the chunk name"},
    };
#undef KEYS
    run_rows(NULL, "scenarios/environment.lua", rows, N(rows));
}

/* ---- endless loops, and attempts to swallow the limit ------------------------- */

static void test_loops(void **state) {
    (void)state;
    static const row rows[] = {
        {"while true do end", FAILS, "scenarios/loops.lua:1: " STEPS, "while true do end"},
        {"::top:: goto top", FAILS, "scenarios/loops.lua:1: " STEPS, "goto loop"},
        {"local function f() return f() end return f()", FAILS, STEPS, "tail recursion"},
        {"repeat until false", FAILS, STEPS, "repeat until false"},
        {"for i = 1, math.huge do end", FAILS, STEPS, "for to math.huge"},
        {"local n = 0\nwhile true do\n  n = n + 1\nend", FAILS, "scenarios/loops.lua:", "line"},
        {"while true do pcall(function() while true do end end) end", FAILS, STEPS,
         "pcall swallowing the limit"},
        {"local ok, e = pcall(function() while true do end end) return 'escaped ' .. tostring(e)",
         FAILS, STEPS, "pcall returning the limit"},
        {"while true do pcall(error, 'x') end", FAILS, STEPS, "pcall/error loop"},
        {"while true do pcall(pcall, pcall, function() while true do end end) end", FAILS, STEPS,
         "nested pcalls"},
        {"while true do xpcall(function() while true do end end, function() while true do end "
         "end) end",
         FAILS, STEPS, "xpcall whose handler loops"},
        {"while true do xpcall(function() while true do end end, function(m) return m end) end",
         FAILS, STEPS, "xpcall swallowing the limit"},
        {"while true do load(function() while true do end end) end", FAILS, STEPS,
         "load whose reader loops"},
        {"while true do pcall(string.gsub, 'x', 'x', function() while true do end end) end", FAILS,
         STEPS, "gsub callback loops"},
        {"local t = setmetatable({}, {__index = function() while true do end end}) "
         "while true do pcall(function() return t.x end) end",
         FAILS, STEPS, "__index loops"},
        {"while true do local x <close> = setmetatable({}, {__close = function() "
         "while true do end end}) end",
         FAILS, STEPS, "__close loops"},
        {"error(setmetatable({}, {__tostring = function() while true do end end}))", FAILS, STEPS,
         "error object whose __tostring loops"},
        {"while true do table.sort({3, 2, 1}, function(a, b) while true do end end) end", FAILS,
         STEPS, "sort comparator loops"},
    };
    run_rows(NULL, "scenarios/loops.lua", rows, N(rows));
}

/* ---- memory ------------------------------------------------------------------- */

static void test_memory(void **state) {
    (void)state;
    static const row rows[] = {
        {"return string.rep('x', 2^30)", FAILS, "scenarios/memory.lua:1: " MEMORY,
         "string.rep('x', 2^30)"},
        {"return #string.rep('ab', 2^24, ',')", FAILS, MEMORY, "string.rep with a separator"},
        {"local s = 'x' while true do s = s .. s end", FAILS, MEMORY, "doubling by concatenation"},
        {"local t = {} for i = 1, 2^20 do t[i] = '0123456789' end return #table.concat(t)", FAILS,
         MEMORY, "table.concat of a huge table"},
        {"local t, i = {}, 0 while true do i = i + 1 t[i] = {i} end", FAILS, MEMORY,
         "growing table of tables"},
        {"local t = {} for i = 1, 1e9 do t['k' .. i] = i end", FAILS, MEMORY,
         "growing hash with new strings"},
        {"local t = {} while true do t[#t + 1] = coroutine.create(type) end", FAILS, MEMORY,
         "piling up coroutines"},
        {"local ok, e = pcall(string.rep, 'x', 2^30) return tostring(ok) .. ' ' .. e", RETURNS,
         "false not enough memory", "a script may catch a memory error"},
        /* string.rep builds in a buffer, then copies: 8 MiB needs 16 for a moment. */
        {"big = string.rep('x', 1 << 23) return #big", RETURNS, "8388608",
         "8 MiB kept in a global"},
        {"big = nil local a, b = string.rep('a', 1 << 23), string.rep('b', 1 << 23) "
         "return #a + #b",
         RETURNS, "16777216", "freed, then 24 MiB at the peak"},
        {"local n = 0 for i = 1, 40 do n = n + #string.rep('x', 1 << 21) end return n", RETURNS,
         "83886080", "garbage is collected within a run"},
    };
    run_rows(NULL, "scenarios/memory.lua", rows, N(rows));
}

/* ---- recursion: Lua stack and C stack ------------------------------------------ */

static void test_recursion(void **state) {
    (void)state;
    static const row rows[] = {
        {"local function f(n) return 1 + f(n + 1) end return f(1)", FAILS, MEMORY,
         "deep recursion fills 32 MiB first"},
        {"local t = setmetatable({}, {__index = function(t, k) return t[k] end}) return t.x", FAILS,
         "C stack overflow", "recursion through __index"},
        {"local function f() return tostring(setmetatable({}, {__tostring = f})) end return f()",
         FAILS, "C stack overflow", "recursion through __tostring"},
        {"local function f(s) return (s:gsub('.', f)) end return f('ab')", FAILS,
         "C stack overflow", "recursion through gsub callbacks"},
        {"local function f() return coroutine.wrap(f)() end return f()", FAILS, "C stack overflow",
         "recursion through coroutines"},
        {"local function f() pcall(f) end f() return 'done'", RETURNS, "done",
         "recursion through pcall ends"},
        {"return assert(load(string.rep('(', 1e5) .. '1' .. string.rep(')', 1e5)))", FAILS,
         "overflow", "deeply nested source"},
        {"local function f(n) if n == 0 then return 0 end return 1 + f(n - 1) end return f(10000)",
         RETURNS, "10000", "reasonable recursion works"},
    };
    run_rows(NULL, "scenarios/recursion.lua", rows, N(rows));
    /* With room to spare, Lua's own stack limit stops it. */
    static const row big[] = {
        {"local function f(n) return 1 + f(n + 1) end return f(1)", FAILS, "stack overflow",
         "deep recursion with 256 MiB"},
    };
    sbx_limits lim = {.mem_bytes = (size_t)256 << 20};
    run_rows(&lim, "scenarios/recursion.lua", big, N(big));
}

/* ---- coroutines ---------------------------------------------------------------- */

static void test_coroutines(void **state) {
    (void)state;
    static const row rows[] = {
        {"coroutine.resume(coroutine.create(function() while true do end end)) return 'escaped'",
         FAILS, STEPS, "coroutine that never yields"},
        {"while true do coroutine.resume(coroutine.create(function() while true do end end)) end",
         FAILS, STEPS, "resume swallowing the limit"},
        {"local co = coroutine.wrap(function() while true do end end) co()", FAILS, STEPS,
         "wrap that never yields"},
        {"while true do coroutine.wrap(function() for i = 1, 100 do end end)() end", FAILS, STEPS,
         "coroutine.wrap inside a loop"},
        {"while true do pcall(coroutine.wrap(function() while true do end end)) end", FAILS, STEPS,
         "pcall of a wrap that loops"},
        {"coroutine.wrap(function() while true do pcall(function() while true do end end) end "
         "end)()",
         FAILS, STEPS, "pcall loop inside a coroutine"},
        {"local co = coroutine.wrap(function() local x <close> = setmetatable({}, {__close = "
         "function() while true do end end}) while true do end end) co()",
         FAILS, STEPS, "killed wrap with a looping __close"},
        {"local co = coroutine.create(function() local x <close> = setmetatable({}, {__close = "
         "function() while true do end end}) coroutine.yield() end) coroutine.resume(co) "
         "return tostring(coroutine.close(co))",
         FAILS, STEPS, "coroutine.close running a looping __close"},
        {"killed = coroutine.create(function() local x <close> = setmetatable({}, {__close = "
         "function() while true do end end}) while true do end end) coroutine.resume(killed)",
         FAILS, STEPS, "killed coroutine kept in a global"},
        {"return select(2, coroutine.close(killed))", RETURNS,
         "coroutine was stopped by a limit; its <close> variables stay open",
         "closing it later does not run __close"},
        {"killedw = coroutine.wrap(function() local x <close> = setmetatable({}, {__close = "
         "function() while true do end end}) while true do end end) killedw()",
         FAILS, STEPS, "killed wrap kept in a global"},
        {"return select(2, pcall(killedw))", RETURNS, "cannot resume dead coroutine",
         "calling it later does not run __close"},
        /* Lua 5.4.4 overflows the C stack here (lua_resetthread does not count C calls). */
        {"local co = false for i = 1, 15000 do local prev = co co = coroutine.create(function() "
         "local c <close> = setmetatable({}, {__close = function() "
         "if prev then assert(coroutine.close(prev)) end end}) coroutine.yield() end) "
         "coroutine.resume(co) end "
         "local ok, e = coroutine.close(co) return e:match('nested more than %d+ deep')",
         RETURNS, "nested more than 10 deep", "coroutine.close nested in __close handlers"},
        {"local f = coroutine.wrap(function() error('inner') end) f()", FAILS,
         "scenarios/coroutines.lua:1: inner", "errors in a wrap propagate"},
        {"return tostring(coroutine.isyieldable()) .. coroutine.status(coroutine.create(type))",
         RETURNS, "falsesuspended", "coroutine status"},
    };
    run_rows(NULL, "scenarios/coroutines.lua", rows, N(rows));
}

/* ---- library functions whose C loops Lua's count hook cannot see ------------------ */

static void test_library(void **state) {
    (void)state;
    static const row rows[] = {
        {"return #string.rep('', 2^62)", RETURNS, "0", "string.rep('', 2^62) (Lua counts to n)"},
        {"return #string.rep('', 2^62, '')", RETURNS, "0", "string.rep with empty separator"},
        {"return string.find(string.rep('a', 40), string.rep('a*', 40) .. 'b')", FAILS, STEPS,
         "exponential pattern backtracking"},
        {"return (string.rep('a', 1 << 16)):find('.-b')", FAILS, STEPS, "quadratic pattern"},
        {"return (string.rep('(', 1 << 16)):find('%b()')", FAILS, STEPS, "quadratic %b"},
        {"local s = string.rep('ab', 1 << 15) return s:gsub('(a)(b)', '%2%1') == s", RETURNS,
         "false", "a big gsub is fine"},
        {"local s = string.rep('a', 1 << 22) "
         "return tostring(s:find(string.rep('a', 1 << 20) .. 'b', 1, true))",
         RETURNS, "nil", "plain find is linear"},
        {"local s = string.rep('a', 1 << 22) while true do s:find('b', 1, true) end", FAILS, STEPS,
         "plain find in a loop"},
        {"local s = string.rep('a', 1 << 22) while true do utf8.len(s) end", FAILS, STEPS,
         "utf8.len in a loop"},
        {"local t = setmetatable({}, {__len = function() return math.maxinteger - 1 end}) "
         "table.insert(t, 1, 'x')",
         FAILS, STEPS, "table.insert with a huge __len"},
        {"local t = setmetatable({}, {__len = function() return math.maxinteger - 1 end}) "
         "table.remove(t, 1)",
         FAILS, STEPS, "table.remove with a huge __len"},
        {"table.move({}, 1, math.maxinteger - 1, 2)", FAILS, STEPS, "table.move of 2^63 nils"},
        {"return table.concat({}, '', 1, 2^40)", FAILS,
         "invalid value (at index 1) in table for 'concat'", "table.concat of nothing"},
        {"return table.concat(setmetatable({}, {__index = function() return '' end}), '', 1, "
         "2^40)",
         FAILS, STEPS, "table.concat through __index"},
        {"return table.unpack({}, 1, 1e7)", FAILS, "too many results to unpack",
         "table.unpack of 10 million"},
        {"local t = {} for i = 1, 1e5 do t[i] = i end while true do table.sort(t) end", FAILS,
         STEPS, "table.sort in a loop"},
        {"local s = '' for i = 1, 1e6 do s = s .. 'x' end return #s", FAILS, STEPS,
         "quadratic concatenation"},
        {"local s = string.rep('x', 1 << 20) while true do local u = s:upper() end", FAILS, STEPS,
         "copying 1 MiB in a loop"},
        {"while true do load(string.rep(' ', 1 << 20)) end", FAILS, STEPS,
         "compiling 1 MiB in a loop"},
    };
    run_rows(NULL, "scenarios/library.lua", rows, N(rows));
}

/* ---- the wall-clock backstop ------------------------------------------------------ */

static void test_time(void **state) {
    (void)state;
    /* What steps cannot see: comparing two distinct 1 MiB strings is one VM
     * instruction; so is the rehash of a table whose keys all collide in Lua's
     * hash (floats alike in their top 31 mantissa bits), quadratic in size. */
    static const row rows[] = {
        {"local a, b = string.rep('x', 1 << 20), string.rep('x', 1 << 20) "
         "while a == b do end",
         FAILS, "scenarios/time.lua:1: time limit exceeded (0.5 s)", "long string comparisons"},
        {"local t = {} for j = 1, 1 << 19 do t[1.5 + j * 2^-52] = true end", FAILS,
         "scenarios/time.lua:1: time limit exceeded (0.5 s)", "hash-colliding keys"},
    };
    sbx_limits lim = {.steps = 1000000000000L, .seconds = 0.5};
    run_rows(&lim, "scenarios/time.lua", rows, N(rows));
}

/* ---- scripts in their worker: stopped from outside within a second ---------------- */

/* What the sandbox cannot stop in time, because it happens inside one VM
 * instruction or one library call: a scenario's script runs in a worker
 * process (host.h) that is killed once its second is up. Each row runs as a
 * scenario file's top-level code (what `check` and the desk load) or as an
 * answer function (what the desk asks), through the public API, and must end
 * within WORKER_WALL_SECONDS of wall time, the worker's fork and load
 * included, with a message that says what happened; the next scenario loads
 * and answers as usual. */
#define WORKER_WALL_SECONDS 2.0

typedef struct {
    const char *script; /* top-level code, or an answer function's body */
    int as_answer;
    const char *want;
    const char *why;
} worker_row;

static const char scenario_tail[] =
    "\nreturn scenario { id = 'worker', title = 'title', languages = { 'en' },\n"
    "  traveler = { age = 30, sex = 'F', speaks = { 'en' } },\n"
    "  documents = { { template = 'uto-passport-td3', seed = 9001 } },\n"
    "  questions = { { id = 'q', text = 'q.q', answer = function(ctx) %s end } },\n"
    "  expected = { decision = 'admit', why = 'why' },\n"
    "  rubric = { document_examination = 25, interview = 25, human_rights = 25, procedure = 25 },\n"
    "  strings = { en = { title = 'T', why = 'W', ['q.q'] = 'Q?', ['a.ok'] = 'ok' } } }\n";

static void collect_problem(void *ud, const char *file, int line, const char *msg) {
    snprintf(ud, 512, "%s:%d: %s", file, line, msg);
}

/* Loads (and asks, for an answer row) one scenario; the first problem or
 * error into msg. Returns 0 when it loaded and answered "a.ok". */
static int run_in_worker(const worker_row *r, char msg[512]) {
    char code[4096];
    snprintf(code, sizeof code, "%s", r->as_answer ? "" : r->script);
    size_t n = strlen(code);
    snprintf(code + n, sizeof code - n, scenario_tail, r->as_answer ? r->script : "return 'a.ok'");
    scenario sc;
    scn_runtime *rt = NULL;
    msg[0] = '\0';
    if (scn_load(&sc, &rt, code, strlen(code), "scenarios/worker.lua", NULL, collect_problem, msg))
        return -1;
    char key[64];
    int asked[SCN_MAX_QUESTIONS] = {0};
    scn_ctx ctx = {.asked_times = asked};
    bl_err err = {0};
    int rc = scn_answer(rt, &sc, 0, &ctx, key, sizeof key, &err);
    if (rc != 0) snprintf(msg, 512, "%s", err.msg);
    if (rc == 0 && strcmp(key, "a.ok")) snprintf(msg, 512, "answered %s", key), rc = -1;
    scn_runtime_destroy(rt);
    scenario_release(&sc);
    return rc;
}

static void test_worker(void **state) {
    (void)state;
    static const worker_row rows[] = {
        /* the rehash of a table whose float keys all fall in one chain of Lua's
         * hash: quadratic inside one instruction (a minute for 2^19 keys) */
        {"local t = {} for j = 1, 1 << 19 do t[1.5 + j * 2^-52] = true end", 0,
         "scenarios/worker.lua:0: the script was stopped after 1 s",
         "hash-colliding float keys at load"},
        {"local t = {} for j = 1, 1 << 19 do t[1.5 + j * 2^-52] = true end return 'a.ok'", 1,
         "the script was stopped after 1 s", "hash-colliding float keys in an answer"},
        /* comparisons of long strings, one instruction each, from a sort's comparator */
        {"local a = string.rep('x', 1 << 22) local t = {} for i = 1, 4000 do t[i] = a end "
         "table.sort(t, function(x, y) return x < y end) return 'a.ok'",
         1, "stopped", "table.sort over long strings"},
        {"local a, b = string.rep('x', 1 << 23), string.rep('x', 1 << 23) while a == b do end", 0,
         "stopped", "long string comparisons at load"},
        /* memory filled and kept, pcall catching each refusal: the worker's
         * state is spent, the next answer starts a fresh one */
        {"KEEP = KEEP or {} while true do local ok = pcall(function() "
         "KEEP[#KEEP + 1] = string.rep('m', 1 << 20) end) if not ok then break end end "
         "return 'a.ok' .. string.rep('x', 1 << 22)",
         1, "memory limit exceeded", "memory filled and kept"},
        {"while true do end", 1, "scenarios/worker.lua:5: step limit exceeded",
         "an endless loop names its line"},
        {"return 'not a key\\n\\x1b[31m'", 1, "not one of the scenario's strings",
         "a key with control characters"},
    };
    double slowest_row = 0;
    for (size_t i = 0; i < N(rows); i++) {
        const worker_row *r = &rows[i];
        char msg[512];
        struct timespec t0;
        clock_gettime(CLOCK_MONOTONIC, &t0);
        current_row = r->why;
        alarm(HANG_SECONDS);
        int rc = run_in_worker(r, msg);
        alarm(0);
        double dt = seconds_since(CLOCK_MONOTONIC, &t0);
        if (dt > slowest_row) slowest_row = dt;
        print_message("  %6.3f s  %-40.40s -> %.110s\n", dt, r->why, msg);
        if (rc == 0 || !strstr(msg, r->want))
            fail_msg("%s: want \"%s\", got \"%s\"", r->why, r->want, msg);
        if (dt > WORKER_WALL_SECONDS) fail_msg("%s: took %.3f s", r->why, dt);
        for (const char *c = msg; *c; c++)
            if ((unsigned char)*c < 0x20)
                fail_msg("%s: a control character in the message", r->why);
        /* and the next scenario loads and answers as usual */
        worker_row fine = {"return 'a.ok'", 1, "", "a normal answer"};
        if (run_in_worker(&fine, msg) != 0) fail_msg("after %s: %s", r->why, msg);
    }
    print_message("  slowest worker row: %.3f s\n", slowest_row);
}

/* ---- the matcher against Lua's own string library --------------------------------- */

/* Every find/match/gmatch/gsub of a set of subjects and patterns (fixed, then
 * generated by an LCG), errors included, printed into one string. */
static const char corpus[] =
    "local out = {}\n"
    "local function show(...)\n"
    "  local t = {}\n"
    "  for i = 1, select('#', ...) do local v = select(i, ...)\n"
    "    t[#t + 1] = type(v) == 'string' and string.format('%q', v) or tostring(v) end\n"
    "  return table.concat(t, ',')\n"
    "end\n"
    "local function try(f, ...)\n"
    "  local r = table.pack(pcall(f, ...))\n"
    "  if not r[1] then return 'E:' .. tostring(r[2]):gsub('^[^:]*:%d+: ', '') end\n"
    "  return show(table.unpack(r, 2, r.n))\n"
    "end\n"
    "local function gm(s, p, i)\n"
    "  local r = {} for a, b in s:gmatch(p, i) do r[#r + 1] = show(a, b) if #r > 30 then break "
    "end end\n"
    "  return table.concat(r, ';')\n"
    "end\n"
    "local function all(s, p, i)\n"
    "  out[#out + 1] = try(string.find, s, p, i) .. '|' .. try(string.match, s, p, i) .. '|' ..\n"
    "    try(string.find, s, p, i, true) .. '|' .. try(string.gsub, s, p, '<%0%1>') .. '|' ..\n"
    "    try(string.gsub, s, p, function(...) return show(...) end, 3) .. '|' ..\n"
    "    try(string.gsub, s, p, {a = 'A', b = false}) .. '|' .. try(string.gsub, s, p, '%2') ..\n"
    "    '|' .. try(string.gsub, s, p, 'x%') .. '|' .. try(gm, s, p, i)\n"
    "end\n"
    "local subjects = {'', 'a', 'hello world', '  trim me  ', 'key = value; k2=v2',\n"
    "  'THE (quick) [brown] {fox}', 'aaab', 'x=1, y=22', 'f(a(b)c)d', '\\0a\\0b', 'été',\n"
    "  '$100^2', 'a.b%c', 'l1\\nl2\\n', '-12.5e3'}\n"
    "local patterns = {'', 'a', '^a', 'a$', '^$', '.', '%a+', '%A+', '%d+', '%s*', '%S+', "
    "'%w+',\n"
    "  '%l%u', '%p', '%x+', '%c', '%g+', '%z', '[abc]', '[^abc]+', '[a-c]+', '[%a%d]+', "
    "'[%]]',\n"
    "  '[]]', '[^]]+', '[a-]', 'a*', 'a+', 'a-', 'a?', '.-b', '(a)', '()a()', '((a)(b))',\n"
    "  '%((.-)%)', '%b()', '%b[]', '%f[%w]%w+', '%f[%W]', '(%w+)%s*=%s*(%w+)', '(.)%1',\n"
    "  '^(%s*)(.-)(%s*)$', '%$%d+', '%^', '%.', '()', 'x*$', '$a', 'a^', '[a-z]-%d', '%%',\n"
    "  '%', '[a', '[^', '(', ')', '%b', '%ba', '%f', '%fx', '%1', '(%1)', '%0', '(()', '[]',\n"
    "  '(a)%2', '()%1', string.rep('(', 33) .. 'a' .. string.rep(')', 33)}\n"
    "for _, s in ipairs(subjects) do for _, p in ipairs(patterns) do\n"
    "  for _, i in ipairs({1, 3, -2, 99}) do all(s, p, i) end end end\n"
    "local seed = 12345\n"
    "local function rnd(n) seed = (seed * 1103515245 + 12345) % 2147483648 return seed % n + 1 "
    "end\n"
    "local atoms = {'a', 'b', '.', '%a', '%d', '%s', '%W', '[ab]', '[^a]', '[a-c%d]', '%b()',\n"
    "  '%f[%a]', '%1', '%2', '(', ')', '()', '^', '$', '%%', 'x'}\n"
    "local quants = {'', '', '', '*', '+', '-', '?'}\n"
    "local chars = {'a', 'b', 'c', '(', ')', ' ', '1', 'x', '%', '-'}\n"
    "for n = 1, 3000 do\n"
    "  local p, s = {}, {}\n"
    "  for j = 1, rnd(6) do p[#p + 1] = atoms[rnd(#atoms)] p[#p + 1] = quants[rnd(#quants)] end\n"
    "  for j = 1, rnd(12) - 1 do s[#s + 1] = chars[rnd(#chars)] end\n"
    "  all(table.concat(s), table.concat(p), rnd(5) - 2)\n"
    "end\n"
    "return table.concat(out, '\\n')\n";

static void test_patterns_match_lua(void **state) {
    (void)state;
    /* Lua's own libraries in a plain state. */
    lua_State *ref = luaL_newstate();
    assert_non_null(ref);
    luaL_openlibs(ref);
    if (luaL_loadbuffer(ref, corpus, sizeof corpus - 1, "=corpus") != LUA_OK ||
        lua_pcall(ref, 0, 1, 0) != LUA_OK)
        fail_msg("stock Lua: %s", lua_tostring(ref, -1));
    size_t nwant;
    const char *want = lua_tolstring(ref, -1, &nwant);
    /* The sandbox. */
    bl_err err = {0};
    sbx *s = sbx_create(NULL, &err);
    assert_non_null(s);
    if (sbx_run(s, corpus, sizeof corpus - 1, "corpus.lua", 1, &err) != 0) fail_msg("%s", err.msg);
    size_t ngot;
    const char *got = lua_tolstring(sbx_lua(s), -1, &ngot);
    size_t lines = 1, at = 0;
    while (at < nwant && at < ngot && want[at] == got[at])
        lines += want[at++] == '\n';
    print_message("  %zu lines of results compared (%zu bytes)\n", lines, nwant);
    if (at != nwant || at != ngot) {
        const char *w = want + at, *g = got + at;
        while (w > want && w[-1] != '\n')
            w--, g--;
        fail_msg("line %zu differs:\n  lua:     %.300s\n  sandbox: %.300s", lines, w, g);
    }
    assert_true(lines > 5000);
    sbx_destroy(s);
    lua_close(ref);
}

/* ---- the C API ---------------------------------------------------------------------- */

static int host_double(lua_State *L) {
    lua_pushinteger(L, 2 * luaL_checkinteger(L, 1));
    return 1;
}

static sbx *nest_sbx;
static char nest_msg[512];

/* A binding that wrongly calls sbx_call from inside a script. */
static int host_nested(lua_State *L) {
    bl_err err = {0};
    lua_pushvalue(L, 1);
    int rc = sbx_call(nest_sbx, 0, 0, &err);
    snprintf(nest_msg, sizeof nest_msg, "%s", err.msg);
    lua_pushinteger(L, rc);
    return 1;
}

static void test_api(void **state) {
    (void)state;
    bl_err err = {0};
    sbx *s = sbx_create(NULL, &err);
    assert_non_null(s);
    lua_State *L = sbx_lua(s);
    int base = lua_gettop(L);

    /* Results come back. */
    assert_int_equal(sbx_run(s, "return 40 + 2, 'x', nil", 23, "api.lua", 3, &err), 0);
    assert_int_equal(lua_gettop(L), base + 3);
    assert_int_equal(lua_tointeger(L, -3), 42);
    assert_string_equal(lua_tostring(L, -2), "x");
    assert_true(lua_isnil(L, -1));
    lua_settop(L, base);
    assert_int_equal(sbx_run(s, "return 1, 2, 3, 4", 17, "api.lua", LUA_MULTRET, &err), 0);
    assert_int_equal(lua_gettop(L), base + 4);
    lua_settop(L, base);

    /* sbx_call of a function the script defined, with arguments. */
    static const char defs[] = "function add(a, b) return a + b end\n"
                               "function boom() error('boom') end\n"
                               "function spin() while true do end end";
    assert_int_equal(sbx_run(s, defs, sizeof defs - 1, "scenarios/api.lua", 0, &err), 0);
    sbx_push_env(s);
    lua_getfield(L, -1, "add"); /* our own table: no metamethods */
    lua_remove(L, -2);
    lua_pushinteger(L, 2);
    lua_pushinteger(L, 3);
    assert_int_equal(sbx_call(s, 2, 1, &err), 0);
    assert_int_equal(lua_tointeger(L, -1), 5);
    lua_settop(L, base);
    /* Failures leave the stack as it was below the function. */
    sbx_push_env(s);
    lua_getfield(L, -1, "boom");
    lua_remove(L, -2);
    assert_int_equal(sbx_call(s, 0, 1, &err), -1);
    assert_string_equal(err.msg, "scenarios/api.lua:2: boom");
    assert_int_equal(lua_gettop(L), base);
    sbx_push_env(s);
    lua_getfield(L, -1, "spin");
    lua_remove(L, -2);
    assert_int_equal(sbx_call(s, 0, 0, &err), -1);
    assert_string_equal(err.msg, "scenarios/api.lua:3: " STEPS);
    assert_int_equal(lua_gettop(L), base);
    lua_pushinteger(L, 7);
    assert_int_equal(sbx_call(s, 0, 0, &err), -1);
    assert_non_null(strstr(err.msg, "attempt to call a number value"));
    assert_int_equal(lua_gettop(L), base);
    assert_int_equal(sbx_call(s, 3, 0, &err), -1); /* nothing there */

    /* A binding added to the environment; one that wrongly nests sbx_call. */
    sbx_push_env(s);
    lua_pushcfunction(L, host_double);
    lua_setfield(L, -2, "double");
    lua_pushcfunction(L, host_nested);
    lua_setfield(L, -2, "nested");
    lua_pop(L, 1);
    assert_int_equal(sbx_run(s, "return double(21)", 17, "api.lua", 1, &err), 0);
    assert_int_equal(lua_tointeger(L, -1), 42);
    lua_pop(L, 1);
    nest_sbx = s;
    assert_int_equal(sbx_run(s, "return nested(add)", 18, "api.lua", 1, &err), 0);
    assert_int_equal(lua_tointeger(L, -1), -1);
    assert_non_null(strstr(nest_msg, "while a script is running"));
    lua_pop(L, 1);

    /* Messages: syntax errors name the line, host-fed bytecode is refused. */
    assert_int_equal(sbx_run(s, "local x =\n\nend", 14, "scenarios/bad.lua", 0, &err), -1);
    assert_non_null(strstr(err.msg, "scenarios/bad.lua:3:"));
    assert_int_equal(sbx_run(s, "\x1bLuaT\x00", 6, "scenarios/bin.lua", 0, &err), -1);
    assert_string_equal(err.msg, "scenarios/bin.lua: attempt to load a binary chunk (mode is 't')");
    assert_int_equal(sbx_run(s, NULL, 0, "x.lua", 0, &err), -1);
    assert_int_equal(sbx_run(NULL, "", 0, "x.lua", 0, &err), -1);
    assert_int_equal(sbx_run(s, "error('x')", 10, "x.lua", 0, NULL), -1); /* err may be NULL */
    assert_int_equal(lua_gettop(L), base);

    /* Memory accounting. */
    assert_int_equal(sbx_run(s, "keep = string.rep('x', 1 << 20)", 31, "api.lua", 0, &err), 0);
    assert_true(sbx_mem_used(s) >= (1 << 20));
    assert_true(sbx_mem_used(s) <= (size_t)32 << 20);
    sbx_destroy(s);
    sbx_destroy(NULL);

    /* Smaller limits. */
    sbx_limits small = {.mem_bytes = (size_t)1 << 20, .steps = 100000};
    s = sbx_create(&small, &err);
    assert_non_null(s);
    L = sbx_lua(s);
    assert_int_equal(sbx_run(s, "for i = 1, 1e6 do end", 21, "small.lua", 0, &err), -1);
    assert_string_equal(err.msg, "small.lua:1: step limit exceeded (100000 instructions): is "
                                 "there an endless loop?");
    assert_int_equal(sbx_run(s, "for i = 1, 1e4 do end", 21, "small.lua", 0, &err), 0);
    assert_int_equal(sbx_run(s, "return #string.rep('x', 2 << 20)", 32, "small.lua", 1, &err), -1);
    /* memory errors name the file and the line where the cap was hit */
    assert_non_null(strstr(err.msg, "small.lua:1: memory limit exceeded (1 MiB)"));
    assert_int_equal(sbx_run(s, "return #string.rep('x', 256 << 10)", 34, "small.lua", 1, &err), 0);
    assert_int_equal(lua_tointeger(L, -1), 256 << 10);
    sbx_destroy(s);
    sbx_limits odd = {.mem_bytes = (size_t)3 << 19};
    s = sbx_create(&odd, &err);
    assert_non_null(s);
    assert_int_equal(sbx_run(s, "return string.rep('x', 2 << 20)", 31, "odd.lua", 1, &err), -1);
    assert_non_null(strstr(err.msg, "(1536 KiB)"));
    sbx_destroy(s);
    sbx_limits tiny = {.mem_bytes = 8 << 10};
    assert_null(sbx_create(&tiny, &err));
    print_message("  8 KiB: %s\n", err.msg);
    assert_non_null(strstr(err.msg, "8 KiB"));

    /* Determinism: fresh states draw the same numbers and stop at the same place. */
    char draws[2][64];
    for (int i = 0; i < 2; i++) {
        s = sbx_create(NULL, &err);
        assert_non_null(s);
        static const char draw[] = "return math.random(1 << 30) .. ',' .. math.random()";
        assert_int_equal(sbx_run(s, draw, sizeof draw - 1, "draw.lua", 1, &err), 0);
        snprintf(draws[i], sizeof draws[i], "%s", lua_tostring(sbx_lua(s), -1));
        sbx_destroy(s);
    }
    assert_string_equal(draws[0], draws[1]);
}

int main(int argc, char **argv) {
    const struct CMUnitTest tests[] = {
        {"escape: files, processes, environment, bytecode, hidden globals", test_escape, NULL, NULL,
         NULL},
        {"environment: exact contents; what scripts may use works", test_environment, NULL, NULL,
         NULL},
        {"loops: stopped, and pcall/xpcall/load cannot swallow the limit", test_loops, NULL, NULL,
         NULL},
        {"memory: bombs stop at the cap, the state recovers", test_memory, NULL, NULL, NULL},
        {"recursion: Lua and C stack overflows are clean errors", test_recursion, NULL, NULL, NULL},
        {"coroutines: hooked, limit errors cross resume/wrap/close", test_coroutines, NULL, NULL,
         NULL},
        {"library: C loops are counted (patterns, rep, table, sort, find)", test_library, NULL,
         NULL, NULL},
        {"time: the wall-clock backstop", test_time, NULL, NULL, NULL},
        {"worker: what one instruction hides is stopped from outside within a second", test_worker,
         NULL, NULL, NULL},
        {"patterns: the counted matcher gives Lua's results", test_patterns_match_lua, NULL, NULL,
         NULL},
        {"api: results, sbx_call, bindings, messages, smaller limits", test_api, NULL, NULL, NULL},
    };
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_hang;
    sigaction(SIGALRM, &sa, NULL);
    if (argc > 1) cmocka_set_test_filter(argv[1]);
    int rc = cmocka_run_group_tests_name("sandbox", tests, NULL, NULL);
    print_message("slowest row: %.3f s, cpu %.3f s (%s)\n", slowest, slowest_cpu, slowest_why);
    return rc;
}
