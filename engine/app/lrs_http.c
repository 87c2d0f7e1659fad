/* lrs_http.c - the learning record store's HTTP client with libcurl
 * (lrs_http.h says what it promises). */
#define _POSIX_C_SOURCE 200809L
#include "lrs_http.h"

#include <sodium.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "fsio.h"

int lrs_text_add(lrs_text *t, const char *s, size_t n) {
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

static double now_s(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

int lrs_client_cancelled(const lrs_client *c) {
    return c->lim.cancel && atomic_load(c->lim.cancel);
}

/* Seconds left before max_seconds (a large number when there is no limit). */
static double left_s(const lrs_client *c) {
    return c->lim.max_seconds > 0 ? c->lim.max_seconds - (now_s() - c->t0) : 1e9;
}

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
static int read_credentials(const lrs_client *c, const char *path, char **out, bl_err *err) {
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
    if (c->lim.notes && stat(path, &sb) == 0 && (sb.st_mode & 077))
        fprintf(c->lim.notes, "%s: note: %s can be read by other users: chmod 600 %s\n", c->lim.who,
                path, path);
    *out = s;
    return 0;
}

static size_t on_reply(char *data, size_t size, size_t n, void *ud) {
    lrs_text *t = ud;
    size_t len = size * n, limit = t->limit ? t->limit : 65536;
    if (t->n < limit) lrs_text_add(t, data, t->n + len > limit ? limit - t->n : len);
    return len;
}

/* libcurl's progress callback: non-zero abandons the transfer. */
static int on_progress(void *ud, curl_off_t dt, curl_off_t dn, curl_off_t ut, curl_off_t un) {
    (void)dt, (void)dn, (void)ut, (void)un;
    const lrs_client *c = ud;
    return lrs_client_cancelled(c) || left_s(c) <= 0;
}

static int curl_setup(lrs_client *cl, bl_err *err) {
    if (!(cl->curl = curl_easy_init())) return err_setc(err, BL_E_NOMEM, "cannot start libcurl");
    struct curl_slist *h = NULL;
    const char *lines[] = {"X-Experience-API-Version: 1.0.3", "Content-Type: application/json",
                           "Expect:"};
    for (int i = 0; i < 3; i++) {
        struct curl_slist *nh = curl_slist_append(h, lines[i]);
        if (!nh) {
            curl_slist_free_all(h);
            return err_setc(err, BL_E_NOMEM, "out of memory");
        }
        h = nh;
    }
    cl->headers = h;
    CURL *c = cl->curl;
    curl_easy_setopt(c, CURLOPT_HTTPHEADER, h);
    curl_easy_setopt(c, CURLOPT_HTTPAUTH, (long)CURLAUTH_BASIC);
    curl_easy_setopt(c, CURLOPT_USERPWD, cl->userpwd);
    curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(c, CURLOPT_FOLLOWLOCATION, 0L);
    curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, on_reply);
    curl_easy_setopt(c, CURLOPT_NOPROGRESS, 0L);
    curl_easy_setopt(c, CURLOPT_XFERINFOFUNCTION, on_progress);
    curl_easy_setopt(c, CURLOPT_XFERINFODATA, cl);
    return 0;
}

int lrs_client_open(lrs_client *c, const char *lrs, const char *credentials, const lrs_limits *lim,
                    bl_err *err) {
    memset(c, 0, sizeof *c);
    c->lim = *lim;
    if (!c->lim.who) c->lim.who = "borderlab";
    c->credentials = credentials;
    c->t0 = now_s();
    if (curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK)
        return err_setc(err, BL_E_IO, "cannot start libcurl");
    c->global = 1;
    if (statements_url(lrs, c->url, sizeof c->url, err) != 0 ||
        read_credentials(c, credentials, &c->userpwd, err) != 0)
        return -1;
    return curl_setup(c, err);
}

void lrs_client_close(lrs_client *c) {
    curl_slist_free_all(c->headers);
    if (c->curl) curl_easy_cleanup(c->curl);
    if (c->userpwd) sodium_memzero(c->userpwd, strlen(c->userpwd)), free(c->userpwd);
    if (c->global) curl_global_cleanup();
    memset(c, 0, sizeof *c);
}

/* ------------------------------------------------------------ requests */

/* Waits s seconds, or less when the client is cancelled meanwhile. */
static void pause_s(const lrs_client *c, double s) {
    double until = now_s() + s;
    for (double left = s; left > 0 && !lrs_client_cancelled(c); left = until - now_s()) {
        double step = left < 0.05 ? left : 0.05;
        struct timespec ts = {0, (long)(step * 1e9)};
        nanosleep(&ts, NULL);
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

/* The request's method, body and time limits. */
static void request_setup(lrs_client *cl, const char *method, const char *url, const char *body,
                          lrs_text *reply) {
    CURL *c = cl->curl;
    reply->n = 0;
    if (reply->s) reply->s[0] = '\0';
    curl_easy_setopt(c, CURLOPT_URL, url);
    if (body) {
        curl_easy_setopt(c, CURLOPT_POSTFIELDS, body);
        curl_easy_setopt(c, CURLOPT_CUSTOMREQUEST, method);
    } else {
        curl_easy_setopt(c, CURLOPT_HTTPGET, 1L);
        curl_easy_setopt(c, CURLOPT_CUSTOMREQUEST, NULL);
    }
    curl_easy_setopt(c, CURLOPT_WRITEDATA, reply);
    double left = left_s(cl);
    long connect_ms = left < 10 ? (long)(left * 1000) + 1 : 10000;
    long total_ms = left < 120 ? (long)(left * 1000) + 1 : 120000;
    curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT_MS, connect_ms);
    curl_easy_setopt(c, CURLOPT_TIMEOUT_MS, total_ms);
}

/* The error of a request that was stopped (cancelled, or out of time). */
static long stopped(const lrs_client *c, bl_err *err) {
    if (lrs_client_cancelled(c))
        err_setc(err, BL_E_IO, "stopped before the learning record store at %s answered", c->url);
    else
        err_setc(err, BL_E_IO, "the learning record store at %s did not answer within %.0f s",
                 c->url, c->lim.max_seconds);
    return -1;
}

long lrs_client_request(lrs_client *cl, const char *method, const char *url, const char *body,
                        lrs_text *reply, bl_err *err) {
    double wait = 0.5;
    for (int attempt = 0;; attempt++) {
        if (lrs_client_cancelled(cl) || left_s(cl) <= 0) return stopped(cl, err);
        request_setup(cl, method, url, body, reply);
        CURLcode cc = curl_easy_perform(cl->curl);
        long code = 0;
        if (cc == CURLE_ABORTED_BY_CALLBACK) return stopped(cl, err);
        if (cc == CURLE_OK) curl_easy_getinfo(cl->curl, CURLINFO_RESPONSE_CODE, &code);
        if (!transient(cc, code)) {
            if (cc == CURLE_OK) return code;
            err_setc(err, BL_E_IO, "cannot reach the learning record store at %s: %s", cl->url,
                     curl_easy_strerror(cc));
            return -1;
        }
        if (attempt >= cl->lim.retries || left_s(cl) < wait) {
            if (cc == CURLE_OK)
                err_setc(err, BL_E_IO,
                         "the learning record store at %s answered HTTP %ld %d times: %.160s",
                         cl->url, code, attempt + 1, reply->s ? reply->s : "");
            else
                err_setc(err, BL_E_IO,
                         "cannot reach the learning record store at %s: %s (%d tries)", cl->url,
                         curl_easy_strerror(cc), attempt + 1);
            return -1;
        }
        if (cl->lim.notes)
            fprintf(cl->lim.notes, "%s: %s (%s); trying again in %.1f s\n", cl->lim.who,
                    cc == CURLE_OK ? "the store is busy" : "no answer from the store",
                    cc == CURLE_OK ? "HTTP error" : curl_easy_strerror(cc), wait);
        cl->retried++;
        pause_s(cl, wait);
        wait = wait * 2 > 30 ? 30 : wait * 2;
    }
}

int lrs_client_refused(const lrs_client *c, long code, const lrs_text *reply, bl_err *err) {
    const char *what = reply->s ? reply->s : "";
    if (code == 401 || code == 403)
        return err_setc(err, BL_E_IO,
                        "the learning record store at %s refused the credentials in %s (HTTP "
                        "%ld): check the user:password there with the store's administrator",
                        c->url, c->credentials, code);
    if (code == 404 || code == 405)
        return err_setc(err, BL_E_IO,
                        "%s is not an xAPI statements resource (HTTP %ld): give the store's xAPI "
                        "base URL, the one that ends before /statements",
                        c->url, code);
    return err_setc(err, BL_E_IO,
                    "the learning record store at %s did not accept the statements (HTTP %ld): "
                    "%.200s",
                    c->url, code, what);
}
