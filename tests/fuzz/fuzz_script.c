/* fuzz_script.c - hostile Lua, generated from a small grammar, in a script's
 * worker: whatever the program does, the caller has its answer (a result or
 * an error) within the deadline, the worker stays within its memory bound,
 * and the caller is untouched.
 *
 * The input's bytes choose the program: each statement is one production of
 * the grammar below (loops, tables with colliding float keys, long strings
 * and their comparisons, sorts with a comparator, patterns, string.format
 * widths, concatenation, recursion, pcall, coroutines, load, metatables),
 * its sizes picked by the following bytes. FUZZ_SCRIPT_SHOW=1 prints each
 * program. The program runs as sandbox code in a worker (host.h) the way a
 * scenario's does, with the scenario's limits and deadline.
 */
#define _POSIX_C_SOURCE 200809L
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "host.h"
#include "sandbox.h"

#define DEADLINE_S     1.0
#define WALL_BOUND_S   2.5     /* the deadline, plus a worker's start under ASan on a busy box */
#define PEAK_BOUND_KIB 1500000 /* the sandbox caps Lua at 32 MiB; ASan's quarantine adds */

typedef struct {
    const uint8_t *p;
    size_t n, i;
} bytes;

static unsigned next(bytes *b) {
    return b->i < b->n ? b->p[b->i++] : 0;
}

static void add(char *out, size_t cap, const char *fmt, ...) {
    size_t n = strlen(out);
    va_list ap;
    va_start(ap, fmt);
    if (n < cap) vsnprintf(out + n, cap - n, fmt, ap);
    va_end(ap);
}

/* One statement of the grammar; depth bounds nesting. */
static void statement(bytes *b, char *out, size_t cap, int depth) {
    static const char *const strs[] = {"'x'", "'ab'", "('%d'):rep(3)", "s", "tostring(i)"};
    static const char *const pats[] = {"(.-)x", "a*a*a*a*b", "%w+", "(%a+)(%d*)", "[^x]*$"};
    unsigned size = 1u << (next(b) % 25); /* 1 .. 2^24 */
    unsigned k = next(b);
    switch (next(b) % 18) {
    case 0:
        add(out, cap, "for i = 1, %u do t[1.5 + i * 2^-52] = i end\n", size); /* one hash chain */
        break;
    case 1:
        add(out, cap, "s = string.rep(%s, %u)\n", strs[k % 5], size);
        break;
    case 2:
        add(out, cap, "s = s .. s\n");
        break;
    case 3:
        add(out, cap,
            "for i = 1, %u do u[i] = s end table.sort(u, function(a, b) return a < b end)\n",
            size % 5000);
        break;
    case 4:
        add(out, cap, "local n = 0 while s == s .. '' and n < %u do n = n + 1 end\n", size);
        break;
    case 5:
        add(out, cap, "s = string.gsub(s, '%s', '%%1%%1')\n", pats[k % 5]);
        break;
    case 6:
        add(out, cap, "s = string.format('%%0%ud', %u)\n", 1 + k % 99, size);
        break;
    case 7:
        add(out, cap, "s = table.concat(u, s)\n");
        break;
    case 8:
        add(out, cap, "local function f(n) return n > 0 and 1 + f(n - 1) or 0 end f(%u)\n", size);
        break;
    case 9:
        add(out, cap, "pcall(function()\n");
        if (depth < 3) statement(b, out, cap, depth + 1);
        add(out, cap, "end)\n");
        break;
    case 10:
        add(out, cap, "coroutine.wrap(function()\n");
        if (depth < 3) statement(b, out, cap, depth + 1);
        add(out, cap, "end)()\n");
        break;
    case 11:
        add(out, cap, "load(string.rep('x = 1 ', %u))()\n", size % 100000);
        break;
    case 12:
        add(out, cap,
            "setmetatable(t, { __index = function(t, k) return t[k .. 'x'] end }) x = t.a\n");
        break;
    case 13:
        add(out, cap, "for i = 1, %u do u[#u + 1] = {i, s} end\n", size);
        break;
    case 14:
        add(out, cap, "while true do\n");
        if (depth < 3) statement(b, out, cap, depth + 1);
        add(out, cap, "end\n");
        break;
    case 15:
        add(out, cap, "string.find(s, string.rep('a?', %u) .. string.rep('a', %u))\n", k % 40,
            k % 40);
        break;
    case 16:
        add(out, cap, "for i = 1, %u do t[i] = nil t[-i] = i * 0.5 end\n", size);
        break;
    default:
        add(out, cap, "x = select('#', table.unpack(u, 1, %u))\n", size % 200000);
        break;
    }
}

/* The worker's side: run the program in a sandbox with a scenario's limits. */
static int serve(void *ud, const char *req, size_t len, hbuf *reply) {
    (void)ud;
    bl_err err = {0};
    sbx *s = sbx_create(NULL, &err);
    int rc = s ? sbx_run(s, req, len, "fuzz.lua", 0, &err) : -1;
    const char *msg = rc == 0 ? "ok" : err.msg;
    hbuf_put(reply, msg, strlen(msg));
    sbx_destroy(s);
    return -1; /* one program per worker */
}

static double now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    static char prog[16384];
    bytes b = {data, size, 0};
    strcpy(prog, "local t, u, s, x = {}, {}, 'seed', 0\n");
    for (int i = 0; i < 6 && b.i < b.n; i++)
        statement(&b, prog, sizeof prog, 0);
    if (getenv("FUZZ_SCRIPT_SHOW")) fprintf(stderr, "---\n%s", prog);
    bl_err err = {0};
    double t0 = now();
    host *h = host_start(serve, NULL, &err);
    if (!h) {
        fprintf(stderr, "fuzz_script: %s\n", err.msg);
        abort();
    }
    hbuf reply = {0};
    int rc = host_call(h, prog, strlen(prog), DEADLINE_S, &reply, &err);
    double dt = now() - t0;
    host_end(h);
    long peak = host_peak_kib(h);
    if (dt > WALL_BOUND_S || peak > PEAK_BOUND_KIB) {
        fprintf(stderr, "fuzz_script: %.3f s, %ld KiB for:\n%s\n-> %s\n", dt, peak, prog,
                rc == 0 ? reply.p : err.msg);
        abort();
    }
    hbuf_free(&reply);
    host_stop(h);
    return 0;
}
