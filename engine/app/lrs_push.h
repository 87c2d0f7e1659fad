/* lrs_push.h - `borderlab results push`: a results database's xAPI
 * statements (results_xapi.h) sent to the academy's learning record store.
 *
 * Promises:
 * - Statements go in batches (POST <endpoint>/statements, a JSON list) with
 *   X-Experience-API-Version: 1.0.3 and HTTP Basic credentials read from a
 *   file (user:password), never from the command line. HTTP and TLS are
 *   libcurl's; only http and https URLs, no redirects.
 * - A statement is marked sent (lrs_sent, in the results database, keyed by
 *   the statements URL and the statement id) only once the store accepted
 *   it, batch by batch, each batch's marks in one transaction: an interrupted
 *   push resumes with what was not accepted, and nothing accepted is sent
 *   again by a later push to the same URL.
 * - "Already have it" is success: a batch the store answers 409 (it holds a
 *   statement with one of these ids) is sent again one statement at a time
 *   with PUT ?statementId=ID, where 204 is accepted and 409 means the store
 *   keeps the statement it has for that id (said, counted, marked sent:
 *   statements are immutable, that id cannot be sent otherwise).
 * - Transient failures (no connection, a timeout, a cut reply, HTTP 408,
 *   429, 5xx) are retried with backoff (0.5 s, doubling, at most 30 s); any
 *   other answer stops the push with a message saying what to do
 *   (lrs_http.h).
 * - lrs_push_run prints nothing (unless given `notes`) and can be bounded
 *   in time and cancelled from another thread: the desk's worker
 *   (desk_push.h) pushes with it; lrs_push is `results push`.
 * Exit (lrs_push): 0 every statement is in the store; 2 usage,
 * configuration, database, credentials or store error (what was accepted
 * before stays marked). */
#ifndef BL_LRS_PUSH_H
#define BL_LRS_PUSH_H

#include <stdatomic.h>
#include <stdio.h>

#include "err.h"
#include "xapi.h"

typedef struct lrs_push_opts {
    const char *db;          /* the results database (written: lrs_sent) */
    const char *lrs;         /* the store's xAPI base URL ("https://lrs.example/xAPI/") */
    const char *credentials; /* the file holding user:password */
    int batch;               /* statements per request */
    int retries;             /* tries after the first, for transient failures */
    xapi_academy academy;    /* IRIs (academy.h) */
    double max_seconds;      /* 0: no limit; else nothing is tried after this long */
    atomic_int *cancel;      /* NULL; else another thread sets it to stop the push now */
    FILE *notes;             /* lrs_push_run: retries and conflicts said here (NULL: silent) */
    const char *who;         /* the notes' prefix (NULL: "borderlab results push") */
} lrs_push_opts;

/* What a push did. */
typedef struct lrs_push_stats {
    int total;      /* statements of the database */
    int before;     /* sent to this store by an earlier push */
    int sent;       /* accepted by the store now (marked sent) */
    int conflicts;  /* of those, kept as the store already had them (409 on PUT) */
    int requests;   /* HTTP requests made (each try counts once) */
    int retried;    /* requests tried again */
    char url[2048]; /* the statements URL ("" when the store's URL is not one) */
} lrs_push_stats;

/* Sends what the store does not have yet, printing nothing but notes. 0
 * every statement is in the store; -1 with err set (BL_E_USAGE: the URL or
 * no credentials file; BL_E_IO: database or store; BL_E_INPUT: a file or
 * statement). *stats says how far it got either way: total - before - sent
 * statements are still to send. */
int lrs_push_run(const lrs_push_opts *o, lrs_push_stats *stats, bl_err *err);

/* `results push`: lrs_push_run with notes on stderr; returns the exit code.
 * Prints one line on stdout when done, messages on stderr. */
int lrs_push(const lrs_push_opts *o);

#endif
