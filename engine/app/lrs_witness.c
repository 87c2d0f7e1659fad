/* lrs_witness.c - a journal met with the statements the learning record
 * store holds of it (lrs_witness.h). */
#define _POSIX_C_SOURCE 200809L
#include "lrs_witness.h"

#include <cjson/cJSON.h>
#include <stdlib.h>
#include <string.h>

#include "journal.h"
#include "lrs_http.h"
#include "xapi.h"

#define MAX_PAGES 10000

/* Every entry's MAC, in order. */
typedef struct macs {
    char (*mac)[65];
    int n, cap, bad;
} macs;

static void keep_mac(void *ud, int seq, const char *json, const char *mac) {
    macs *m = ud;
    (void)json;
    if (seq != m->n + 1 || m->bad) return;
    if (m->n == m->cap) {
        int cap = m->cap ? 2 * m->cap : 64;
        char(*nm)[65] = realloc(m->mac, sizeof *nm * (size_t)cap);
        if (!nm) {
            m->bad = 1;
            return;
        }
        m->mac = nm, m->cap = cap;
    }
    snprintf(m->mac[m->n++], 65, "%s", mac);
}

/* What the store holds of the journal so far. */
typedef struct seen {
    const char *first; /* the journal's first MAC: its statements name it */
    int statements, top, mac_top;
    char mac[65]; /* the MAC of entry mac_top */
} seen;

static int ends_with(const char *s, const char *tail) {
    size_t n = strlen(s), t = strlen(tail);
    return n >= t && !strcmp(s + n - t, tail);
}

/* One statement: its journal, entry and entry MAC (by the extensions' names,
 * whatever the academy's activity base was when it was sent). */
static void see(seen *w, const cJSON *st) {
    const cJSON *x = cJSON_GetObjectItemCaseSensitive(
        cJSON_GetObjectItemCaseSensitive(st, "context"), "extensions");
    const cJSON *it;
    const char *journal = NULL, *mac = NULL;
    int seq = 0;
    cJSON_ArrayForEach(it, x) {
        if (ends_with(it->string, "/extensions/journal") && cJSON_IsString(it))
            journal = it->valuestring;
        else if (ends_with(it->string, "/extensions/entry") && cJSON_IsNumber(it))
            seq = it->valueint;
        else if (ends_with(it->string, "/extensions/entry-mac") && cJSON_IsString(it))
            mac = it->valuestring;
    }
    if (!journal || strcmp(journal, w->first) || seq < 1) return;
    w->statements++;
    if (seq > w->top) w->top = seq;
    if (xapi_mac_ok(mac) && seq > w->mac_top) {
        w->mac_top = seq;
        snprintf(w->mac, sizeof w->mac, "%s", mac);
    }
}

/* The next page's URL from a `more` link (relative to the store's). */
static int next_url(const char *base, const char *more, char *out, size_t cap) {
    CURLU *u = curl_url();
    char *full = NULL;
    int ok = u && curl_url_set(u, CURLUPART_URL, base, 0) == CURLUE_OK &&
             curl_url_set(u, CURLUPART_URL, more, 0) == CURLUE_OK &&
             curl_url_get(u, CURLUPART_URL, &full, 0) == CURLUE_OK &&
             (size_t)snprintf(out, cap, "%s", full) < cap;
    curl_free(full);
    curl_url_cleanup(u);
    return ok ? 0 : -1;
}

/* Every statement of the registration, page after page. */
static int fetch(lrs_client *c, const char *reg, seen *w, bl_err *err) {
    char url[4096];
    lrs_text reply = {.limit = 64u << 20};
    snprintf(url, sizeof url, "%s?registration=%s&limit=500", c->url, reg);
    int rc = 0;
    for (int page = 0; rc == 0 && url[0]; page++) {
        long code = lrs_client_request(c, "GET", url, NULL, &reply, err);
        if (code < 0) {
            rc = -1;
            break;
        }
        if (code != 200) {
            rc = lrs_client_refused(c, code, &reply, err);
            break;
        }
        cJSON *o = cJSON_Parse(reply.s ? reply.s : "");
        const cJSON *list = cJSON_GetObjectItemCaseSensitive(o, "statements");
        const cJSON *more = cJSON_GetObjectItemCaseSensitive(o, "more");
        if (!cJSON_IsArray(list))
            rc = err_setc(err, BL_E_IO,
                          "the learning record store at %s did not answer with statements "
                          "(%.100s): is it the store's xAPI base URL?",
                          c->url, reply.s ? reply.s : "");
        const cJSON *st;
        cJSON_ArrayForEach(st, list) {
            see(w, st);
        }
        url[0] = '\0';
        if (rc == 0 && cJSON_IsString(more) && more->valuestring[0] &&
            (page + 1 >= MAX_PAGES || next_url(c->url, more->valuestring, url, sizeof url) != 0))
            rc = err_setc(err, BL_E_IO,
                          "the learning record store at %s gave a 'more' link "
                          "that cannot be followed",
                          c->url);
        cJSON_Delete(o);
    }
    free(reply.s);
    return rc;
}

/* The journal against what the store saw of it. */
static int meet(const lrs_witness_opts *o, const macs *m, const seen *w, bl_err *err) {
    if (w->top > m->n)
        return err_setc(err, BL_E_REFUSED,
                        "the learning record store holds entry %d of '%s', but the journal ends "
                        "at entry %d: entries %d-%d were deleted after the store received them",
                        w->top, o->journal, m->n, m->n + 1, w->top);
    if (w->mac_top && strcmp(m->mac[w->mac_top - 1], w->mac))
        return err_setc(err, BL_E_REFUSED,
                        "entry %d of '%s' is not the entry the learning record store holds (its "
                        "MAC %.12s... is %.12s... in the store): the journal was rewritten after "
                        "the store received it",
                        w->mac_top, o->journal, m->mac[w->mac_top - 1], w->mac);
    return 0;
}

int lrs_witness_check(const lrs_witness_opts *o, lrs_witness_result *r, bl_err *err) {
    unsigned char key[JOURNAL_KEY_BYTES];
    macs m = {0};
    memset(r, 0, sizeof *r);
    if (journal_key_load(o->key, key, err) != 0 ||
        journal_verify(o->journal, key, o->witness, &r->entries, &r->witnessed, err) != 0 ||
        journal_read(o->journal, key, NULL, keep_mac, &m, NULL, NULL, err) != 0) {
        free(m.mac);
        return -1;
    }
    int rc = 0;
    if (m.bad)
        rc = err_setc(err, BL_E_NOMEM, "out of memory reading '%s'", o->journal);
    else if (m.n == 0)
        rc = err_setc(err, BL_E_INPUT,
                      "'%s' holds no entry yet: there is nothing the store could have seen",
                      o->journal);
    lrs_client c;
    lrs_limits lim = {
        .retries = 2, .max_seconds = 60, .notes = stderr, .who = "borderlab results verify"};
    int opened = rc == 0;
    if (opened) rc = lrs_client_open(&c, o->lrs, o->credentials, &lim, err);
    if (rc == 0) {
        char reg[UUID_TEXT_SIZE];
        seen w = {.first = m.mac[0]};
        xapi_registration(m.mac[0], reg);
        snprintf(r->url, sizeof r->url, "%s", c.url);
        rc = fetch(&c, reg, &w, err);
        r->statements = w.statements, r->store_entry = w.top, r->mac_entry = w.mac_top;
        if (rc == 0) rc = meet(o, &m, &w, err);
    }
    if (opened) lrs_client_close(&c);
    free(m.mac);
    return rc;
}
