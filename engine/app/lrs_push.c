/* lrs_push.c - xAPI statements into a learning record store (lrs_push.h
 * says what a push promises; lrs_http.h talks to the store). */
#define _POSIX_C_SOURCE 200809L
#include "lrs_push.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "lrs_http.h"
#include "results_db.h"
#include "results_xapi.h"

#define WHO "borderlab results push"

/* Statements waiting to be sent: id, text, journal, in order. */
typedef struct pending {
    char **id, **json, **journal;
    int n, cap;
} pending;

typedef struct push {
    const lrs_push_opts *o;
    lrs_client cl;
    sqlite3 *db;
    sqlite3_stmt *is_sent;
    const char *url;     /* <endpoint>/statements: also the key of what was sent */
    const char *journal; /* the journal whose statements are being collected */
    pending p;
    lrs_push_stats *st;
    bl_err *err;
} push;

/* ------------------------------------------------------------ marks */

static int is_sent(push *ps, const char *id) {
    sqlite3_stmt *st = ps->is_sent;
    sqlite3_reset(st);
    sqlite3_bind_text(st, 1, ps->url, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 2, id, -1, SQLITE_TRANSIENT);
    int sent = sqlite3_step(st) == SQLITE_ROW;
    sqlite3_reset(st);
    return sent;
}

/* Marks statements [from, from + n) of the pending list sent, in one transaction. */
static int mark_sent(push *ps, int from, int n) {
    char now[32];
    time_t t = time(NULL);
    struct tm tm;
    strftime(now, sizeof now, "%Y-%m-%dT%H:%M:%SZ", gmtime_r(&t, &tm));
    sqlite3_stmt *st = NULL;
    int rc = sqlite3_exec(ps->db, "BEGIN IMMEDIATE", NULL, NULL, NULL);
    if (rc == SQLITE_OK)
        rc = sqlite3_prepare_v2(ps->db, "INSERT OR IGNORE INTO lrs_sent VALUES (?1, ?2, ?3, ?4)",
                                -1, &st, NULL);
    for (int i = from; rc == SQLITE_OK && i < from + n; i++) {
        sqlite3_reset(st);
        sqlite3_bind_text(st, 1, ps->url, -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(st, 2, ps->p.id[i], -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(st, 3, ps->p.journal[i], -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(st, 4, now, -1, SQLITE_TRANSIENT);
        rc = sqlite3_step(st) == SQLITE_DONE ? SQLITE_OK : sqlite3_errcode(ps->db);
    }
    sqlite3_finalize(st);
    if (rc == SQLITE_OK) rc = sqlite3_exec(ps->db, "COMMIT", NULL, NULL, NULL);
    if (rc == SQLITE_OK) return 0;
    err_setc(ps->err, BL_E_IO,
             "the store accepted %d statements but '%s' cannot record it: %s (a later push "
             "sends them again; the store keeps one of each)",
             n, ps->o->db, sqlite3_errmsg(ps->db));
    sqlite3_exec(ps->db, "ROLLBACK", NULL, NULL, NULL);
    return -1;
}

/* ------------------------------------------------------------ sending */

/* A batch the store answered 409: each statement alone, with PUT. */
static int put_each(push *ps, int from, int n) {
    lrs_text reply = {0};
    int rc = 0;
    for (int i = from; rc == 0 && i < from + n; i++) {
        char url[2200];
        snprintf(url, sizeof url, "%s?statementId=%s", ps->url, ps->p.id[i]);
        long code = lrs_client_request(&ps->cl, "PUT", url, ps->p.json[i], &reply, ps->err);
        ps->st->requests++;
        if (code == 409) {
            if (ps->o->notes)
                fprintf(ps->o->notes,
                        "%s: the store already holds another statement with id %s (journal "
                        "%s): it keeps that one\n",
                        ps->cl.lim.who, ps->p.id[i], ps->p.journal[i]);
            ps->st->conflicts++;
        } else if (code < 0)
            rc = -1;
        else if (code != 204 && code != 200)
            rc = lrs_client_refused(&ps->cl, code, &reply, ps->err);
        if (rc == 0) rc = mark_sent(ps, i, 1);
        if (rc == 0) ps->st->sent++;
    }
    free(reply.s);
    return rc;
}

/* Sends statements [from, from + n) as one batch and marks what was accepted. */
static int send_batch(push *ps, int from, int n) {
    lrs_text body = {0}, reply = {0};
    int rc = lrs_text_add(&body, "[", 1);
    for (int i = from; rc == 0 && i < from + n; i++)
        rc = lrs_text_add(&body, ps->p.json[i], strlen(ps->p.json[i])) ||
             lrs_text_add(&body, i + 1 < from + n ? "," : "]", 1);
    if (rc) {
        free(body.s);
        return err_setc(ps->err, BL_E_NOMEM, "out of memory");
    }
    long code = lrs_client_request(&ps->cl, "POST", ps->url, body.s, &reply, ps->err);
    ps->st->requests++;
    if (code == 200 || code == 204) {
        rc = mark_sent(ps, from, n);
        if (rc == 0) ps->st->sent += n;
    } else if (code == 409)
        rc = put_each(ps, from, n);
    else
        rc = code < 0 ? -1 : lrs_client_refused(&ps->cl, code, &reply, ps->err);
    free(body.s);
    free(reply.s);
    return rc;
}

static void pending_drop(pending *p, int n) {
    if (n <= 0) return;
    for (int i = 0; i < n; i++)
        free(p->id[i]), free(p->json[i]), free(p->journal[i]);
    memmove(p->id, p->id + n, sizeof *p->id * (size_t)(p->n - n));
    memmove(p->json, p->json + n, sizeof *p->json * (size_t)(p->n - n));
    memmove(p->journal, p->journal + n, sizeof *p->journal * (size_t)(p->n - n));
    p->n -= n;
}

/* results_xapi_fn: keeps a statement the store does not have yet. */
static int collect(void *ud, const char *id, cJSON *st) {
    push *ps = ud;
    pending *p = &ps->p;
    ps->st->total++;
    if (is_sent(ps, id)) {
        ps->st->before++;
        cJSON_Delete(st);
        return 0;
    }
    if (p->n == p->cap) {
        int cap = p->cap ? 2 * p->cap : 256;
        char **a = realloc(p->id, sizeof *a * (size_t)cap);
        if (a) p->id = a;
        char **b = realloc(p->json, sizeof *b * (size_t)cap);
        if (b) p->json = b;
        char **c = realloc(p->journal, sizeof *c * (size_t)cap);
        if (c) p->journal = c;
        if (!a || !b || !c) {
            cJSON_Delete(st);
            return err_setc(ps->err, BL_E_NOMEM, "out of memory");
        }
        p->cap = cap;
    }
    p->id[p->n] = strdup(id);
    p->json[p->n] = cJSON_PrintUnformatted(st);
    p->journal[p->n] = strdup(ps->journal);
    cJSON_Delete(st);
    if (!p->id[p->n] || !p->json[p->n] || !p->journal[p->n]) {
        free(p->id[p->n]), free(p->json[p->n]), free(p->journal[p->n]);
        return err_setc(ps->err, BL_E_NOMEM, "out of memory");
    }
    p->n++;
    return 0;
}

/* Every journal's statements, sent a batch at a time as they fill. */
static int push_all(push *ps) {
    char **journals = NULL;
    int n = 0, rc = results_xapi_journals(ps->db, ps->o->db, &journals, &n, ps->err);
    for (int i = 0; rc == 0 && i <= n; i++) {
        if (i < n) {
            ps->journal = journals[i];
            rc = results_xapi_journal(ps->db, ps->o->db, journals[i], &ps->o->academy, collect, ps,
                                      ps->err);
        }
        /* full batches as they come; the rest once every journal is read */
        while (rc == 0 && ps->p.n && (ps->p.n >= ps->o->batch || i == n)) {
            int take = ps->p.n < ps->o->batch ? ps->p.n : ps->o->batch;
            rc = send_batch(ps, 0, take);
            if (rc == 0) pending_drop(&ps->p, take);
        }
    }
    results_xapi_free_list(journals);
    return rc;
}

static void push_close(push *ps) {
    pending_drop(&ps->p, ps->p.n);
    free(ps->p.id), free(ps->p.json), free(ps->p.journal);
    sqlite3_finalize(ps->is_sent);
    sqlite3_close(ps->db);
    lrs_client_close(&ps->cl);
}

int lrs_push_run(const lrs_push_opts *o, lrs_push_stats *stats, bl_err *err) {
    push ps;
    memset(&ps, 0, sizeof ps);
    memset(stats, 0, sizeof *stats);
    ps.o = o, ps.st = stats, ps.err = err;
    lrs_limits lim = {.retries = o->retries,
                      .max_seconds = o->max_seconds,
                      .cancel = o->cancel,
                      .notes = o->notes,
                      .who = o->who ? o->who : WHO};
    int rc = lrs_client_open(&ps.cl, o->lrs, o->credentials, &lim, err);
    ps.url = ps.cl.url;
    snprintf(stats->url, sizeof stats->url, "%s", ps.cl.url);
    if (rc == 0) rc = results_db_open_write(o->db, &ps.db, err);
    if (rc == 0 && sqlite3_prepare_v2(ps.db, "SELECT 1 FROM lrs_sent WHERE lrs = ?1 AND id = ?2",
                                      -1, &ps.is_sent, NULL) != SQLITE_OK)
        rc = results_db_read_error(ps.db, o->db, err);
    if (rc == 0) rc = push_all(&ps);
    stats->retried = ps.cl.retried;
    push_close(&ps);
    return rc ? -1 : 0;
}

int lrs_push(const lrs_push_opts *o) {
    lrs_push_opts run = *o;
    run.notes = stderr, run.who = WHO;
    lrs_push_stats st;
    bl_err err = {0};
    int rc = lrs_push_run(&run, &st, &err);
    int left = st.total - st.before - st.sent;
    if (rc == 0)
        printf("pushed %d statement%s to %s in %d request%s; %d of %d had been sent before; %d "
               "kept as the store already had them\n",
               st.sent, st.sent == 1 ? "" : "s", st.url, st.requests, st.requests == 1 ? "" : "s",
               st.before, st.total, st.conflicts);
    else if (st.total)
        fprintf(stderr,
                WHO ": %s\n" WHO ": %d statement%s sent now, %d before; %d or more not sent: "
                    "run the same push again to send the rest\n",
                err.msg, st.sent, st.sent == 1 ? "" : "s", st.before, left > 0 ? left : 0);
    else
        fprintf(stderr, WHO ": %s\n", err.msg);
    return rc ? 2 : 0;
}
