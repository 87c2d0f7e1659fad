/* desk_push.c - the desk's decisions into the learning record store as they
 * are journaled (desk_push.h says what it promises): a worker thread that
 * imports the journal into the results database (results_db.h) and pushes
 * what the store does not have (lrs_push.h), woken by the desk. */
#define _POSIX_C_SOURCE 200809L /* open_memstream */
#include "desk_push.h"

#include <curl/curl.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <threads.h>
#include <time.h>

#include "lrs_push.h"
#include "results_db.h"

struct desk_push {
    desk_push_config cfg;
    char journal[4096], key[4096], witness[4096]; /* witness "" : none */
    mtx_t mu;                                     /* guards what follows, to `cancel` */
    cnd_t wake, done;
    int pending;       /* a round is wanted */
    int stopping;      /* the desk is closing: one last round, then stop */
    int finished;      /* the worker is done */
    int give_up;       /* the desk could wait no longer: the last round is not tried */
    unsigned long gen; /* entries appended to the journal so far */
    atomic_int cancel; /* abandons the round in progress */
    thrd_t th;
    /* the worker's own (never touched by the desk's thread) */
    int offline;           /* the last round could not push */
    char import_said[400]; /* the last import failure said, "" none */
};

/* ------------------------------------------------------------ one round */

/* The last line of a message text, without borderlab's prefix. */
static void last_line(const char *text, char *out, size_t cap) {
    const char *end = text + strlen(text), *start;
    while (end > text && end[-1] == '\n')
        end--;
    for (start = end; start > text && start[-1] != '\n'; start--) {
    }
    const char *pfx = "borderlab results: ";
    if (!strncmp(start, pfx, strlen(pfx))) start += strlen(pfx);
    snprintf(out, cap, "%.*s", (int)(end - start), start);
}

/* The journal into the results database as `results import` does it, its
 * lines kept from the desk's output; the exit code (0 in, 1 refused, 2
 * error) and, when not 0, what was said. */
static int import_journal(desk_push *p, char *said, size_t cap) {
    char *out_text = NULL, *msg_text = NULL;
    size_t out_len = 0, msg_len = 0;
    FILE *out = open_memstream(&out_text, &out_len), *msg = open_memstream(&msg_text, &msg_len);
    int rc = 2;
    snprintf(said, cap, "out of memory");
    if (out && msg) {
        char *journals[1] = {p->journal};
        results_import_opts o = {.key = p->key,
                                 .db = p->cfg.db,
                                 .trainee = p->cfg.trainee,
                                 .cohort = p->cfg.cohort,
                                 .witness = p->witness[0] ? p->witness : NULL,
                                 .pack_key = p->cfg.pack_key,
                                 .out = out,
                                 .msg = msg};
        rc = results_import_all(journals, 1, &o);
        fflush(msg);
        if (rc) last_line(msg_text ? msg_text : "", said, cap);
    }
    if (out) fclose(out);
    if (msg) fclose(msg);
    free(out_text);
    free(msg_text);
    return rc;
}

/* Whether the journal grew since *gen (which then becomes the latest). */
static int journal_grew(desk_push *p, unsigned long *gen) {
    mtx_lock(&p->mu);
    int grew = p->gen != *gen;
    *gen = p->gen;
    mtx_unlock(&p->mu);
    return grew;
}

/* Says, in one line on stderr, what changed: the store gone or back, an
 * import refused; the last round says what is left unsent. */
static void tell(desk_push *p, int final, int pushed, const lrs_push_stats *st, const bl_err *err) {
    int left = st->total - st->before - st->sent;
    if (!pushed && final && left > 0)
        fprintf(stderr,
                "borderlab: %d statement%s not in the learning record store yet (%s): kept in %s "
                "for the next sitting or `borderlab results push`\n",
                left, left == 1 ? " is" : "s are", err->msg, p->cfg.db);
    else if (!pushed && !p->offline)
        fprintf(stderr,
                "borderlab: the learning record store cannot take the decisions now (%s); they "
                "wait in %s and go with the next one\n",
                err->msg, p->cfg.db);
    else if (pushed && p->offline)
        fprintf(stderr, "borderlab: the learning record store is reachable again: %d sent\n",
                st->sent);
    p->offline = !pushed;
}

/* One round: the journal in (again at once when it was read while it grew:
 * a witness then runs ahead of what was read), then the push. */
static void round_once(desk_push *p, int final, unsigned long gen) {
    char said[400];
    int rc = import_journal(p, said, sizeof said);
    for (int again = 0; rc == 1 && again < 3 && journal_grew(p, &gen); again++)
        rc = import_journal(p, said, sizeof said);
    if (rc && strcmp(said, p->import_said))
        fprintf(stderr,
                "borderlab: the journal is not in the results database %s (%s); it keeps every "
                "decision: `borderlab results import` adds it later\n",
                p->cfg.db, said);
    snprintf(p->import_said, sizeof p->import_said, "%s", rc ? said : "");
    lrs_push_opts o = {.db = p->cfg.db,
                       .lrs = p->cfg.lrs,
                       .credentials = p->cfg.credentials,
                       .batch = 50,
                       .retries = final ? 0 : 2,
                       .academy = p->cfg.academy,
                       .max_seconds = final ? DESK_PUSH_LAST_S : DESK_PUSH_ROUND_S,
                       .cancel = &p->cancel,
                       .who = "borderlab"};
    lrs_push_stats st;
    bl_err err = {0};
    int pushed = lrs_push_run(&o, &st, &err) == 0;
    tell(p, final, pushed, &st, &err);
}

/* ------------------------------------------------------------ the worker */

static int worker(void *ud) {
    desk_push *p = ud;
    mtx_lock(&p->mu);
    for (;;) {
        while (!p->pending && !p->stopping)
            cnd_wait(&p->wake, &p->mu);
        int final = p->stopping;
        if (final && !p->give_up) /* the round it abandoned ends; the last begins */
            atomic_store(&p->cancel, 0);
        p->pending = 0;
        unsigned long gen = p->gen;
        mtx_unlock(&p->mu);
        round_once(p, final, gen);
        mtx_lock(&p->mu);
        if (final) break;
    }
    p->finished = 1;
    cnd_signal(&p->done);
    mtx_unlock(&p->mu);
    return 0;
}

static int copy_path(char *dst, size_t cap, const char *src, const char *what, bl_err *err) {
    if (!src) src = "";
    if (strlen(src) >= cap)
        return err_setc(err, BL_E_USAGE, "the %s's path is too long for the desk's push", what);
    snprintf(dst, cap, "%s", src);
    return 0;
}

desk_push *desk_push_create(const desk_push_config *cfg, const char *journal_path,
                            const char *key_path, const char *witness_dir, bl_err *err) {
    desk_push *p = calloc(1, sizeof *p);
    if (!p) {
        err_setc(err, BL_E_NOMEM, "out of memory");
        return NULL;
    }
    p->cfg = *cfg;
    if (copy_path(p->journal, sizeof p->journal, journal_path, "journal", err) ||
        copy_path(p->key, sizeof p->key, key_path, "journal key", err) ||
        copy_path(p->witness, sizeof p->witness, witness_dir, "witness folder", err)) {
        free(p);
        return NULL;
    }
    atomic_init(&p->cancel, 0);
    p->pending = 1; /* what an earlier sitting left unsent goes now */
    /* libcurl's global state is set up here, on the desk's thread, and held
     * until the worker is gone */
    if (curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK) {
        free(p);
        err_setc(err, BL_E_IO, "cannot start libcurl for the desk's push");
        return NULL;
    }
    if (mtx_init(&p->mu, mtx_plain) != thrd_success) goto fail;
    if (cnd_init(&p->wake) != thrd_success) goto fail_mu;
    if (cnd_init(&p->done) != thrd_success) goto fail_wake;
    if (thrd_create(&p->th, worker, p) == thrd_success) return p;
    cnd_destroy(&p->done);
fail_wake:
    cnd_destroy(&p->wake);
fail_mu:
    mtx_destroy(&p->mu);
fail:
    curl_global_cleanup();
    free(p);
    err_setc(err, BL_E_NOMEM, "cannot start the desk's push to the learning record store");
    return NULL;
}

void desk_push_notify(desk_push *p, int decision) {
    if (!p) return;
    mtx_lock(&p->mu);
    p->gen++;
    if (decision) {
        p->pending = 1;
        cnd_signal(&p->wake);
    }
    mtx_unlock(&p->mu);
}

void desk_push_destroy(desk_push *p) {
    if (!p) return;
    struct timespec until;
    timespec_get(&until, TIME_UTC);
    until.tv_sec += (time_t)DESK_PUSH_LAST_S + 2; /* the round it abandons, then the last */
    mtx_lock(&p->mu);
    p->stopping = 1;
    atomic_store(&p->cancel, 1); /* a round in progress is abandoned for the last one */
    cnd_signal(&p->wake);
    while (!p->finished)
        if (cnd_timedwait(&p->done, &p->mu, &until) != thrd_success) {
            p->give_up = 1; /* out of time: whatever it does, it stops now */
            atomic_store(&p->cancel, 1);
            break;
        }
    mtx_unlock(&p->mu);
    thrd_join(p->th, NULL);
    cnd_destroy(&p->done);
    cnd_destroy(&p->wake);
    mtx_destroy(&p->mu);
    curl_global_cleanup();
    free(p);
}
