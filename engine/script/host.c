/* host.c - see host.h. POSIX and Linux: fork, a socketpair (send with
 * MSG_NOSIGNAL, so a worker that died cannot kill the caller with SIGPIPE),
 * poll for the deadline, close_range and PR_SET_PDEATHSIG in the worker. */
#define _GNU_SOURCE
#include "host.h"

#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

struct host {
    pid_t pid;     /* 0 once reaped */
    int fd;        /* the caller's end of the socket; -1 once closed */
    int status;    /* the worker's wait status, once reaped */
    long peak_kib; /* its peak resident set, once reaped */
};

/* Room for n more bytes and a terminating NUL. */
static int reserve(hbuf *b, size_t n) {
    if (b->n + n + 1 <= b->cap) return 0;
    size_t cap = b->cap ? b->cap : 256;
    while (cap < b->n + n + 1)
        cap *= 2;
    char *p = realloc(b->p, cap);
    if (!p) return -1;
    b->p = p, b->cap = cap;
    return 0;
}

int hbuf_put(hbuf *b, const void *data, size_t n) {
    if (reserve(b, n) != 0) return -1;
    if (n) memcpy(b->p + b->n, data, n);
    b->n += n;
    b->p[b->n] = '\0'; /* text replies can be read as strings */
    return 0;
}

void hbuf_free(hbuf *b) {
    free(b->p);
    memset(b, 0, sizeof *b);
}

static double now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Writes all of data (retrying short writes); -1 when the other end is gone. */
static int send_all(int fd, const void *data, size_t n) {
    const char *p = data;
    while (n > 0) {
        ssize_t w = send(fd, p, n, MSG_NOSIGNAL);
        if (w < 0 && errno == EINTR) continue;
        if (w <= 0) return -1;
        p += w, n -= (size_t)w;
    }
    return 0;
}

static int send_frame(int fd, const void *data, size_t n) {
    uint32_t len = (uint32_t)n;
    return send_all(fd, &len, sizeof len) || send_all(fd, data, n) ? -1 : 0;
}

/* Reads exactly n bytes before `deadline` (0: no deadline). 0 read, -1 the
 * other end closed or failed, -2 the deadline passed. */
static int recv_all(int fd, void *data, size_t n, double deadline) {
    char *p = data;
    while (n > 0) {
        if (deadline > 0) {
            double left = deadline - now();
            if (left <= 0) return -2;
            struct pollfd pf = {fd, POLLIN, 0};
            int r = poll(&pf, 1, (int)(left * 1000) + 1);
            if (r < 0 && errno == EINTR) continue;
            if (r == 0) return -2;
            if (r < 0) return -1;
        }
        ssize_t got = recv(fd, p, n, 0);
        if (got < 0 && errno == EINTR) continue;
        if (got <= 0) return -1;
        p += got, n -= (size_t)got;
    }
    return 0;
}

/* One frame into b (replacing what it held). Returns as recv_all, and -1 for
 * a frame over HOST_FRAME_MAX or out of memory. */
static int recv_frame(int fd, hbuf *b, double deadline) {
    uint32_t len;
    int rc = recv_all(fd, &len, sizeof len, deadline);
    if (rc) return rc;
    if (len > HOST_FRAME_MAX) return -1;
    b->n = 0;
    if (reserve(b, len) != 0) return -1;
    if ((rc = recv_all(fd, b->p, len, deadline)) != 0) return rc;
    b->n = len;
    b->p[len] = '\0';
    return 0;
}

/* The worker: serves frames until its parent goes or serve says to end. */
static void worker(int fd, host_serve_fn serve, void *ud) {
    prctl(PR_SET_PDEATHSIG, SIGKILL); /* never outlive the desk */
    signal(SIGPIPE, SIG_DFL);
    /* nothing of the parent's but the socket and standard error: a journal's
     * lock must stay the parent's alone */
    if (fd != 3) {
        if (dup2(fd, 3) < 0) _exit(70);
        fd = 3;
    }
    close_range(4, ~0u, 0);
    close(0), close(1);
    hbuf req = {0}, reply = {0};
    for (;;) {
        if (recv_frame(fd, &req, 0) != 0) _exit(0); /* the parent closed: done */
        reply.n = 0;
        int end = serve(ud, req.p, req.n, &reply);
        if (send_frame(fd, reply.p ? reply.p : "", reply.n) != 0 || end) _exit(0);
    }
}

host *host_start(host_serve_fn serve, void *ud, bl_err *err) {
    host *h = calloc(1, sizeof *h);
    int sv[2];
    if (!h) {
        err_setc(err, BL_E_NOMEM, "out of memory");
        return NULL;
    }
    if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv) != 0) {
        err_setc(err, BL_E_IO, "cannot start a script worker: socketpair: %s", strerror(errno));
        free(h);
        return NULL;
    }
    fflush(NULL); /* nothing buffered is written twice */
    pid_t pid = fork();
    if (pid < 0) {
        err_setc(err, BL_E_IO, "cannot start a script worker: fork: %s", strerror(errno));
        close(sv[0]), close(sv[1]);
        free(h);
        return NULL;
    }
    if (pid == 0) {
        close(sv[0]);
        worker(sv[1], serve, ud);
        _exit(0);
    }
    close(sv[1]);
    h->pid = pid, h->fd = sv[0];
    return h;
}

/* Kills (when asked) and reaps the worker; the host is no longer alive. */
static void reap(host *h, int kill_it) {
    if (h->fd >= 0) close(h->fd);
    h->fd = -1;
    if (h->pid <= 0) return;
    if (kill_it) kill(h->pid, SIGKILL);
    struct rusage ru;
    memset(&ru, 0, sizeof ru);
    while (wait4(h->pid, &h->status, 0, &ru) < 0 && errno == EINTR)
        ;
    h->peak_kib = ru.ru_maxrss;
    h->pid = 0;
}

/* Why a worker ended, for a message. */
static void ended_how(const host *h, char *out, size_t cap) {
    if (WIFSIGNALED(h->status))
        snprintf(out, cap, "it was stopped by signal %d%s", WTERMSIG(h->status),
                 WTERMSIG(h->status) == SIGABRT ? " (Lua gave up: a panic)" : "");
    else if (WIFEXITED(h->status) && WEXITSTATUS(h->status))
        snprintf(out, cap, "it ended with status %d", WEXITSTATUS(h->status));
    else
        snprintf(out, cap, "it ended");
}

int host_call(host *h, const void *req, size_t len, double seconds, hbuf *reply, bl_err *err) {
    if (!h || h->fd < 0) return err_setc(err, BL_E_SCRIPT, "the script's worker has ended");
    double deadline = now() + seconds;
    int rc = send_frame(h->fd, req, len) ? -1 : recv_frame(h->fd, reply, deadline);
    if (rc == -2) {
        reap(h, 1);
        return err_setc(err, BL_E_SCRIPT,
                        "the script was stopped after %g s (work inside one Lua instruction or "
                        "library call: a table whose keys collide, very long strings?)",
                        seconds);
    }
    if (rc != 0) {
        reap(h, 1);
        char how[96];
        ended_how(h, how, sizeof how);
        return err_setc(err, BL_E_SCRIPT, "the script's worker failed: %s", how);
    }
    return 0;
}

void host_end(host *h) {
    if (h) reap(h, 1);
}

long host_peak_kib(const host *h) {
    return h ? h->peak_kib : 0;
}

int host_alive(const host *h) {
    return h && h->fd >= 0;
}

void host_stop(host *h) {
    if (!h) return;
    reap(h, 1);
    free(h);
}
