/* host.h - running scripts in a process of their own, with a deadline.
 *
 * Scenario and session files come from other academies: treat them as
 * hostile. The sandbox (sandbox.h) meters what a script does, but it cannot
 * see inside one VM instruction: a table whose float keys all fall into one
 * chain of Lua's hash makes a single resize quadratic, and a comparison of two
 * 10 MB strings is one instruction too. Nothing inside the interpreter can
 * stop such work. So every script runs in a worker: a process forked from
 * this one that holds the Lua state and answers requests over a socket, and
 * the caller waits for each answer at most a deadline, then kills the worker
 * (SIGKILL) and reaps it. Whatever a script does (loop inside C, exhaust its
 * memory, make Lua panic, crash), the caller gets an error and goes on.
 *
 * A worker is a fork without exec: it runs code already in this binary, on a
 * copy of this process's memory, so what the caller set up (the scenario's
 * text, the loader) is there. Right after the fork it closes every file
 * descriptor but its socket and standard error (a journal's lock, a window's
 * connection stay the parent's alone), and it dies with its parent. It never
 * returns from the fork: it ends with _exit.
 *
 * Requests and replies are frames (a 32-bit length, then the bytes) of at
 * most HOST_FRAME_MAX bytes. USAGE
 *
 *     static int serve(void *ud, const char *req, size_t len, hbuf *reply) {
 *         ... compute, hbuf_put(reply, ...) ...
 *         return 0;          // -1: end the worker after this reply
 *     }
 *     host *h = host_start(serve, &state, &err);
 *     hbuf reply = {0};
 *     if (host_call(h, "ping", 4, 1.0, &reply, &err) != 0) ... // err says why
 *     hbuf_free(&reply);
 *     host_stop(h);
 */
#ifndef BL_HOST_H
#define BL_HOST_H

#include <stddef.h>

#include "err.h"

#define HOST_FRAME_MAX ((size_t)64 << 20)

/* A growing byte buffer. */
typedef struct hbuf {
    char *p;
    size_t n, cap;
} hbuf;

int hbuf_put(hbuf *b, const void *data, size_t n); /* 0, or -1 out of memory */
void hbuf_free(hbuf *b);

/* Serves one request in the worker into reply; returns 0 to go on serving,
 * -1 to end the worker once the reply is sent. */
typedef int (*host_serve_fn)(void *ud, const char *req, size_t len, hbuf *reply);

typedef struct host host;

/* Forks a worker that serves requests with serve(ud, ...) (ud is the
 * worker's own copy of what it points to). NULL with err when the system
 * refuses a process or a socket. */
host *host_start(host_serve_fn serve, void *ud, bl_err *err);

/* Sends a request and waits for the reply at most `seconds`. On a timeout the
 * worker is killed; on a timeout, a worker that ended, or one that ends after
 * this reply, -1 with err (BL_E_SCRIPT) saying which, and the host is no
 * longer alive. reply (may hold an earlier reply's buffer) receives the bytes. */
int host_call(host *h, const void *req, size_t len, double seconds, hbuf *reply, bl_err *err);

/* Whether the worker still serves (not killed, not ended). */
int host_alive(const host *h);

/* Kills the worker (if alive) and reaps it; h stays (host_peak_kib). */
void host_end(host *h);

/* The most memory the worker's process held, in KiB (its peak resident set,
 * as the kernel counted it when it was reaped; 0 while it runs). */
long host_peak_kib(const host *h);

/* Kills the worker (if alive), reaps it and frees h; NULL is fine. */
void host_stop(host *h);

#endif
