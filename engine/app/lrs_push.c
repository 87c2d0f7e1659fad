/* lrs_push.c - xAPI statements into a learning record store with libcurl
 * (lrs_push.h says what a push promises). The app layer holds libcurl's
 * global init for the length of one push. */
#define _POSIX_C_SOURCE 200809L
#include "lrs_push.h"

#include <curl/curl.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "fsio.h"
#include "results_db.h"
#include "results_xapi.h"

#define WHO "borderlab results push"

/* A growing text (a request's body, a reply). */
typedef struct text {
    char *s;
    size_t n, cap;
} text;

static int text_add(text *t, const char *s, size_t n) {
    if (t->n + n + 1 > t->cap) {
        size_t cap = t->cap ? t->cap : 4096;
        while (cap < t->n + n + 1)
            cap *= 2;
        char *ns = realloc(t->s, cap);
        if (!ns) return -1;
        t->s = ns, t->cap = cap;
    }
    memcpy(t->s + t->n, s, n);
    t->n += n;
    t->s[t->n] = '\0';
    return 0;
}

/* Statements waiting to be sent: id, text, journal, in order. */
typedef struct pending {
    char **id, **json, **journal;
    int n, cap;
} pending;

typedef struct push {
    const lrs_push_opts *o;
    sqlite3 *db;
    sqlite3_stmt *is_sent;
    CURL *curl;
    struct curl_slist *headers;
    char url[2048];      /* <endpoint>/statements: also the key of what was sent */
    char *userpwd;       /* user:password, wiped when done */
    const char *journal; /* the journal whose statements are being collected */
    pending p;
    int total, before, sent, requests, conflicts, retried;
    bl_err err;
} push;

/* ------------------------------------------------------------ set-up */

/* The statements URL of an xAPI base URL: http or https, a host, no
 * credentials, query or fragment in it. */
static int statements_url(const char *lrs, char *out, size_t cap, bl_err *err) {
    CURLU *u = curl_url();
    char *scheme = NULL, *host = NULL, *user = NULL, *query = NULL, *frag = NULL;
    int rc = 0;
    if (!u) return err_setc(err, BL_E_NOMEM, "out of memory");
    const char *authority = strstr(lrs, "://"); /* libcurl takes http:///x as host x */
    if (!authority || authority[3] == '/' || !authority[3] ||
        curl_url_set(u, CURLUPART_URL, lrs, 0) != CURLUE_OK ||
        curl_url_get(u, CURLUPART_SCHEME, &scheme, 0) != CURLUE_OK ||
        curl_url_get(u, CURLUPART_HOST, &host, 0) != CURLUE_OK || !host[0] ||
        (strcmp(scheme, "http") && strcmp(scheme, "https")))
        rc = err_setc(err, BL_E_USAGE,
                      "'%s' is not a learning record store URL: give its xAPI base as "
                      "http(s)://HOST[:PORT]/PATH, e.g. https://lrs.academy.example/xAPI/",
                      lrs);
    else if (curl_url_get(u, CURLUPART_USER, &user, 0) == CURLUE_OK)
        rc = err_setc(err, BL_E_USAGE,
                      "the store's URL '%.200s' holds a user name: credentials go in a file "
                      "(--credentials FILE, or lrs_credentials in the configuration), never in "
                      "the URL",
                      lrs);
    else if (curl_url_get(u, CURLUPART_QUERY, &query, 0) == CURLUE_OK ||
             curl_url_get(u, CURLUPART_FRAGMENT, &frag, 0) == CURLUE_OK)
        rc =
            err_setc(err, BL_E_USAGE,
                     "the store's URL '%s' has a query or fragment: give its xAPI base alone", lrs);
    else {
        size_t n = strlen(lrs);
        if ((size_t)snprintf(out, cap, "%s%sstatements", lrs, n && lrs[n - 1] == '/' ? "" : "/") >=
            cap)
            rc = err_setc(err, BL_E_USAGE, "the store's URL is too long");
    }
    curl_free(scheme), curl_free(host), curl_free(user), curl_free(query), curl_free(frag);
    curl_url_cleanup(u);
    return rc;
}

/* user:password from the first line of a file. */
static int read_credentials(const char *path, char **out, bl_err *err) {
    *out = NULL;
    if (!path)
        return err_setc(err, BL_E_USAGE,
                        "no credentials for the store: give --credentials FILE (a file holding "
                        "user:password) or set lrs_credentials in the academy configuration "
                        "(`borderlab config` shows what is in force)");
    size_t len = 0;
    char *s = fs_read_all(path, 4096, &len, err);
    if (!s)
        return err_prefix(err,
                          "cannot read the store's credentials file (it holds user:password on "
                          "one line)");
    s[strcspn(s, "\r\n")] = '\0';
    char *colon = strchr(s, ':');
    if (!colon || colon == s) {
        sodium_memzero(s, len);
        free(s);
        return err_setc(err, BL_E_INPUT,
                        "the credentials file '%s' does not hold user:password on its first line "
                        "(write it as `printf '%%s' 'user:password' > %s; chmod 600 %s`)",
                        path, path, path);
    }
    struct stat sb;
    if (stat(path, &sb) == 0 && (sb.st_mode & 077))
        fprintf(stderr, WHO ": note: %s can be read by other users: chmod 600 %s\n", path, path);
    *out = s;
    return 0;
}

static size_t on_reply(char *data, size_t size, size_t n, void *ud) {
    text *t = ud;
    size_t len = size * n;
    if (t->n < 65536) text_add(t, data, t->n + len > 65536 ? 65536 - t->n : len);
    return len;
}

static int curl_setup(push *ps) {
    if (!(ps->curl = curl_easy_init()))
        return err_setc(&ps->err, BL_E_NOMEM, "cannot start libcurl");
    struct curl_slist *h = NULL;
    const char *lines[] = {"X-Experience-API-Version: 1.0.3", "Content-Type: application/json",
                           "Expect:"};
    for (int i = 0; i < 3; i++) {
        struct curl_slist *nh = curl_slist_append(h, lines[i]);
        if (!nh) return err_setc(&ps->err, BL_E_NOMEM, "out of memory");
        h = nh;
    }
    ps->headers = h;
    CURL *c = ps->curl;
    curl_easy_setopt(c, CURLOPT_HTTPHEADER, h);
    curl_easy_setopt(c, CURLOPT_HTTPAUTH, (long)CURLAUTH_BASIC);
    curl_easy_setopt(c, CURLOPT_USERPWD, ps->userpwd);
    curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(c, CURLOPT_FOLLOWLOCATION, 0L);
    curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT, 10L);
    curl_easy_setopt(c, CURLOPT_TIMEOUT, 120L);
    curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, on_reply);
    return 0;
}

/* ------------------------------------------------------------ requests */

static void pause_s(double s) {
    struct timespec ts = {(time_t)s, (long)((s - (double)(time_t)s) * 1e9)};
    while (nanosleep(&ts, &ts) != 0) {
    }
}

/* Whether a failure may pass: no connection, a timeout, a cut reply, or
 * an HTTP answer that says "later". */
static int transient(CURLcode cc, long code) {
    if (cc != CURLE_OK)
        return cc == CURLE_COULDNT_CONNECT || cc == CURLE_OPERATION_TIMEDOUT ||
               cc == CURLE_GOT_NOTHING || cc == CURLE_RECV_ERROR || cc == CURLE_SEND_ERROR ||
               cc == CURLE_PARTIAL_FILE || cc == CURLE_COULDNT_RESOLVE_HOST;
    return code == 408 || code == 429 || code >= 500;
}

/* One request (method POST or PUT, url, body), retried while it fails in
 * a way that may pass. Returns the final HTTP status, or -1 when the store
 * could not be reached (err says why); *reply holds what it answered. */
static long request(push *ps, const char *method, const char *url, const char *body, text *reply) {
    double wait = 0.5;
    for (int attempt = 0;; attempt++) {
        reply->n = 0;
        if (reply->s) reply->s[0] = '\0';
        CURL *c = ps->curl;
        curl_easy_setopt(c, CURLOPT_URL, url);
        curl_easy_setopt(c, CURLOPT_CUSTOMREQUEST, method);
        curl_easy_setopt(c, CURLOPT_POSTFIELDS, body);
        curl_easy_setopt(c, CURLOPT_WRITEDATA, reply);
        CURLcode cc = curl_easy_perform(c);
        long code = 0;
        if (cc == CURLE_OK) curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &code);
        if (!transient(cc, code)) {
            if (cc == CURLE_OK) return code;
            err_setc(&ps->err, BL_E_IO, "cannot reach the learning record store at %s: %s", ps->url,
                     curl_easy_strerror(cc));
            return -1;
        }
        if (attempt >= ps->o->retries) {
            if (cc == CURLE_OK)
                err_setc(&ps->err, BL_E_IO,
                         "the learning record store at %s answered HTTP %ld %d times: %.160s",
                         ps->url, code, attempt + 1, reply->s ? reply->s : "");
            else
                err_setc(&ps->err, BL_E_IO,
                         "cannot reach the learning record store at %s: %s (%d tries)", ps->url,
                         curl_easy_strerror(cc), attempt + 1);
            return -1;
        }
        fprintf(stderr, WHO ": %s (%s); trying again in %.1f s\n",
                cc == CURLE_OK ? "the store is busy" : "no answer from the store",
                cc == CURLE_OK ? "HTTP error" : curl_easy_strerror(cc), wait);
        ps->retried++;
        pause_s(wait);
        wait = wait * 2 > 30 ? 30 : wait * 2;
    }
}

/* What an answer that is not acceptance means, as an error. */
static int refused(push *ps, long code, const text *reply) {
    const char *what = reply->s ? reply->s : "";
    if (code == 401 || code == 403)
        return err_setc(&ps->err, BL_E_IO,
                        "the learning record store at %s refused the credentials in %s (HTTP "
                        "%ld): check the user:password there with the store's administrator",
                        ps->url, ps->o->credentials, code);
    if (code == 404 || code == 405)
        return err_setc(&ps->err, BL_E_IO,
                        "%s is not an xAPI statements resource (HTTP %ld): give the store's xAPI "
                        "base URL, the one that ends before /statements",
                        ps->url, code);
    return err_setc(&ps->err, BL_E_IO,
                    "the learning record store at %s did not accept the statements (HTTP %ld): "
                    "%.200s",
                    ps->url, code, what);
}

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
    err_setc(&ps->err, BL_E_IO,
             "the store accepted %d statements but '%s' cannot record it: %s (a later push "
             "sends them again; the store keeps one of each)",
             n, ps->o->db, sqlite3_errmsg(ps->db));
    sqlite3_exec(ps->db, "ROLLBACK", NULL, NULL, NULL);
    return -1;
}

/* ------------------------------------------------------------ sending */

/* A batch the store answered 409: each statement alone, with PUT. */
static int put_each(push *ps, int from, int n) {
    text reply = {0};
    int rc = 0;
    for (int i = from; rc == 0 && i < from + n; i++) {
        char url[2200];
        snprintf(url, sizeof url, "%s?statementId=%s", ps->url, ps->p.id[i]);
        long code = request(ps, "PUT", url, ps->p.json[i], &reply);
        ps->requests++;
        if (code == 409) {
            fprintf(stderr,
                    WHO ": the store already holds another statement with id %s (journal %s): "
                        "it keeps that one\n",
                    ps->p.id[i], ps->p.journal[i]);
            ps->conflicts++;
        } else if (code < 0)
            rc = -1;
        else if (code != 204 && code != 200)
            rc = refused(ps, code, &reply);
        if (rc == 0) rc = mark_sent(ps, i, 1);
        if (rc == 0) ps->sent++;
    }
    free(reply.s);
    return rc;
}

/* Sends statements [from, from + n) as one batch and marks what was accepted. */
static int send_batch(push *ps, int from, int n) {
    text body = {0}, reply = {0};
    int rc = text_add(&body, "[", 1);
    for (int i = from; rc == 0 && i < from + n; i++)
        rc = text_add(&body, ps->p.json[i], strlen(ps->p.json[i])) ||
             text_add(&body, i + 1 < from + n ? "," : "]", 1);
    if (rc) {
        free(body.s);
        return err_setc(&ps->err, BL_E_NOMEM, "out of memory");
    }
    long code = request(ps, "POST", ps->url, body.s, &reply);
    ps->requests++;
    if (code == 200 || code == 204) {
        rc = mark_sent(ps, from, n);
        if (rc == 0) ps->sent += n;
    } else if (code == 409)
        rc = put_each(ps, from, n);
    else
        rc = code < 0 ? -1 : refused(ps, code, &reply);
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
    ps->total++;
    if (is_sent(ps, id)) {
        ps->before++;
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
            return err_setc(&ps->err, BL_E_NOMEM, "out of memory");
        }
        p->cap = cap;
    }
    p->id[p->n] = strdup(id);
    p->json[p->n] = cJSON_PrintUnformatted(st);
    p->journal[p->n] = strdup(ps->journal);
    cJSON_Delete(st);
    if (!p->id[p->n] || !p->json[p->n] || !p->journal[p->n]) {
        free(p->id[p->n]), free(p->json[p->n]), free(p->journal[p->n]);
        return err_setc(&ps->err, BL_E_NOMEM, "out of memory");
    }
    p->n++;
    return 0;
}

/* Every journal's statements, sent a batch at a time as they fill. */
static int push_all(push *ps) {
    char **journals = NULL;
    int n = 0, rc = results_xapi_journals(ps->db, ps->o->db, &journals, &n, &ps->err);
    for (int i = 0; rc == 0 && i <= n; i++) {
        if (i < n) {
            ps->journal = journals[i];
            rc = results_xapi_journal(ps->db, ps->o->db, journals[i], &ps->o->academy, collect, ps,
                                      &ps->err);
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
    curl_slist_free_all(ps->headers);
    if (ps->curl) curl_easy_cleanup(ps->curl);
    if (ps->userpwd) sodium_memzero(ps->userpwd, strlen(ps->userpwd)), free(ps->userpwd);
}

int lrs_push(const lrs_push_opts *o) {
    push ps;
    memset(&ps, 0, sizeof ps);
    ps.o = o;
    if (curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK) {
        fprintf(stderr, WHO ": cannot start libcurl\n");
        return 2;
    }
    int rc = statements_url(o->lrs, ps.url, sizeof ps.url, &ps.err);
    if (rc == 0) rc = read_credentials(o->credentials, &ps.userpwd, &ps.err);
    if (rc == 0) rc = results_db_open_write(o->db, &ps.db, &ps.err);
    if (rc == 0 && sqlite3_prepare_v2(ps.db, "SELECT 1 FROM lrs_sent WHERE lrs = ?1 AND id = ?2",
                                      -1, &ps.is_sent, NULL) != SQLITE_OK)
        rc = results_db_read_error(ps.db, o->db, &ps.err);
    if (rc == 0) rc = curl_setup(&ps);
    if (rc == 0) rc = push_all(&ps);
    int left = ps.total - ps.before - ps.sent;
    if (rc == 0)
        printf("pushed %d statement%s to %s in %d request%s; %d of %d had been sent before; %d "
               "kept as the store already had them\n",
               ps.sent, ps.sent == 1 ? "" : "s", ps.url, ps.requests, ps.requests == 1 ? "" : "s",
               ps.before, ps.total, ps.conflicts);
    else if (ps.total)
        fprintf(stderr,
                WHO ": %s\n" WHO ": %d statement%s sent now, %d before; %d or more not sent: "
                    "run the same push again to send the rest\n",
                ps.err.msg, ps.sent, ps.sent == 1 ? "" : "s", ps.before, left > 0 ? left : 0);
    else
        fprintf(stderr, WHO ": %s\n", ps.err.msg);
    push_close(&ps);
    curl_global_cleanup();
    return rc ? 2 : 0;
}
