/* lrs_http.h - talking to the academy's learning record store over HTTP
 * (libcurl): its statements URL, the credentials file, one request retried
 * while it fails in a way that may pass, and what an answer that is not
 * acceptance means. Shared by `results push` and the desk's worker
 * (lrs_push.h) and by `results verify --lrs` (lrs_witness.h).
 *
 * Promises:
 * - Only http and https URLs, no redirects, no credentials in the URL;
 *   X-Experience-API-Version: 1.0.3 and HTTP Basic from a file holding
 *   user:password (wiped from memory when the client closes).
 * - Transient failures (no connection, a timeout, a cut reply, HTTP 408,
 *   429, 5xx) are retried with backoff (0.5 s, doubling, at most 30 s), at
 *   most `retries` times, never past `max_seconds` (when set), and not at
 *   all once `cancel` is set: a request in flight is then abandoned within
 *   a fraction of a second (libcurl's progress callback), so a caller that
 *   must not wait (the desk closing) never does for long.
 * - Nothing is printed unless `notes` is given. */
#ifndef BL_LRS_HTTP_H
#define BL_LRS_HTTP_H

#include <curl/curl.h>
#include <stdatomic.h>
#include <stddef.h>
#include <stdio.h>

#include "err.h"

/* A growing text (a request's body, a reply). */
typedef struct lrs_text {
    char *s;
    size_t n, cap;
    size_t limit; /* a reply keeps at most this many bytes (0: 64 KiB) */
} lrs_text;

/* Appends n bytes; 0, or -1 out of memory. */
int lrs_text_add(lrs_text *t, const char *s, size_t n);

/* How long and how hard a client tries, and who hears of it. */
typedef struct lrs_limits {
    int retries;        /* tries after the first, for transient failures */
    double max_seconds; /* 0: no limit; else nothing is tried after this long */
    atomic_int *cancel; /* NULL; else another thread sets it to stop now */
    FILE *notes;        /* "trying again" lines and notes (NULL: none) */
    const char *who;    /* their prefix, "borderlab results push" */
} lrs_limits;

typedef struct lrs_client {
    lrs_limits lim;
    const char *credentials; /* the file (for messages) */
    char url[2048];          /* <endpoint>/statements */
    CURL *curl;
    struct curl_slist *headers;
    char *userpwd; /* user:password */
    double t0;     /* when it began (monotonic seconds) */
    int retried;   /* requests tried again */
    int global;    /* curl_global_init succeeded */
} lrs_client;

/* Starts libcurl (its global init, held until close), checks the store's
 * xAPI base URL, reads the credentials. 0, or -1 with err (BL_E_USAGE: the
 * URL or no credentials file; BL_E_INPUT: the file's contents; BL_E_IO).
 * lrs_client_close is needed either way. */
int lrs_client_open(lrs_client *c, const char *lrs, const char *credentials, const lrs_limits *lim,
                    bl_err *err);

/* One request (GET, POST or PUT; body NULL for GET), retried as promised.
 * Returns the final HTTP status, or -1 when the store could not be reached,
 * the time ran out or the client was cancelled (err says which); *reply
 * holds what the store answered. */
long lrs_client_request(lrs_client *c, const char *method, const char *url, const char *body,
                        lrs_text *reply, bl_err *err);

/* What an answer that is not acceptance means, with what to do: returns -1
 * with err set (BL_E_IO). */
int lrs_client_refused(const lrs_client *c, long code, const lrs_text *reply, bl_err *err);

/* Whether the client was cancelled. */
int lrs_client_cancelled(const lrs_client *c);

void lrs_client_close(lrs_client *c);

#endif
