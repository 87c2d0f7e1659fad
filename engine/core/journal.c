/* journal.c - see journal.h */
#include "journal.h"

#include <cjson/cJSON.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fsio.h"
#include "keyfile.h"

struct journal {
    fs_append *f;
    int seq;
    unsigned char key[JOURNAL_KEY_BYTES];
    char first_mac[65]; /* the journal's identity (its first entry's MAC) */
    char last_mac[65];
    int repaired;       /* the line number of a cut-short last line removed on opening */
    char witness[4096]; /* the witness folder ("" : none) */
};

int journal_repaired(const journal *j) {
    return j ? j->repaired : 0;
}

static int init_sodium(bl_err *err) {
    if (sodium_init() < 0) return err_setc(err, BL_E_IO, "libsodium could not start");
    return 0;
}

int journal_keygen(const char *path, bl_err *err) {
    if (init_sodium(err)) return -1;
    unsigned char key[JOURNAL_KEY_BYTES];
    crypto_auth_hmacsha256_keygen(key);
    int rc = keyfile_write_new(path, key, sizeof key, err);
    sodium_memzero(key, sizeof key);
    return rc;
}

int journal_key_load(const char *path, unsigned char key[JOURNAL_KEY_BYTES], bl_err *err) {
    return keyfile_read(path, key, JOURNAL_KEY_BYTES, "journal key",
                        "borderlab results keygen FILE", err);
}

/* mac = HMAC(key, "seq|prev|entry"), as 64 hex digits. */
static void mac_of(const unsigned char *key, int seq, const char *prev, const char *entry,
                   char out[65]) {
    crypto_auth_hmacsha256_state st;
    unsigned char mac[crypto_auth_hmacsha256_BYTES];
    char head[96];
    int n = snprintf(head, sizeof head, "%d|%s|", seq, prev);
    crypto_auth_hmacsha256_init(&st, key, JOURNAL_KEY_BYTES);
    crypto_auth_hmacsha256_update(&st, (const unsigned char *)head, (unsigned long long)n);
    crypto_auth_hmacsha256_update(&st, (const unsigned char *)entry, strlen(entry));
    crypto_auth_hmacsha256_final(&st, mac);
    sodium_bin2hex(out, 65, mac, sizeof mac);
}

static const char *zero_mac = "0000000000000000000000000000000000000000000000000000000000000000";

/* What a walk along the chain found. */
typedef struct chain {
    int entries;
    char last_mac[65];
    char (*macs)[65]; /* every entry's MAC in order (heap), to meet a witness */
    int cap;
    int torn;    /* the line number of a last line cut short (not an entry), or 0 */
    size_t good; /* the bytes before it */
} chain;

static void chain_free(chain *c) {
    free(c->macs);
    c->macs = NULL;
}

static int keep_mac(chain *c, const char *mac) {
    if (c->entries >= c->cap) {
        int cap = c->cap ? 2 * c->cap : 64;
        char(*m)[65] = realloc(c->macs, sizeof *m * (size_t)cap);
        if (!m) return -1;
        c->macs = m, c->cap = cap;
    }
    memcpy(c->macs[c->entries], mac, 65);
    return 0;
}

/* Checks one line of the chain against the entry before it; on success hands
 * the entry to fn and moves the chain on. */
static int check_line(const char *path, const unsigned char *key, char *text, int line, chain *c,
                      journal_entry_fn fn, void *ud, bl_err *err) {
    cJSON *o = cJSON_Parse(text);
    const cJSON *s = cJSON_GetObjectItemCaseSensitive(o, "seq");
    const cJSON *e = cJSON_GetObjectItemCaseSensitive(o, "entry");
    const cJSON *p = cJSON_GetObjectItemCaseSensitive(o, "prev");
    const cJSON *m = cJSON_GetObjectItemCaseSensitive(o, "mac");
    int seq = c->entries, rc = 0;
    if (!o || !cJSON_IsNumber(s) || !cJSON_IsObject(e) || !cJSON_IsString(p) ||
        !cJSON_IsString(m)) {
        rc = err_setc(err, BL_E_REFUSED, "%s: line %d is not a journal entry (edited by hand?)",
                      path, line);
    } else if (s->valueint != seq + 1) {
        rc = err_setc(err, BL_E_REFUSED,
                      "%s: line %d has entry %d where entry %d belongs: entries were removed, "
                      "added or reordered",
                      path, line, s->valueint, seq + 1);
    } else if (strcmp(p->valuestring, c->last_mac)) {
        rc = err_setc(err, BL_E_REFUSED,
                      "%s: line %d does not follow the entry before it (its link to entry %d is "
                      "wrong): an entry before it was changed or removed",
                      path, line, seq);
    } else {
        char *etext = cJSON_PrintUnformatted(e);
        char want[65];
        mac_of(key, s->valueint, c->last_mac, etext ? etext : "", want);
        /* the length first: never read past a short MAC */
        if (strlen(m->valuestring) != 64 || sodium_memcmp(want, m->valuestring, 64) != 0)
            rc = err_setc(err, BL_E_REFUSED,
                          "%s: line %d (entry %d) was changed after it was written, or the key "
                          "is not this journal's",
                          path, line, s->valueint);
        else if (keep_mac(c, m->valuestring) != 0)
            rc = err_setc(err, BL_E_NOMEM, "out of memory");
        else {
            c->entries = s->valueint;
            memcpy(c->last_mac, m->valuestring, 65);
            if (fn && etext) fn(ud, c->entries, etext, c->last_mac);
        }
        free(etext);
    }
    cJSON_Delete(o);
    return rc;
}

/* Walks the chain. A cut-short last line (a write a crash interrupted) is an
 * error, unless allow_torn: then it is not part of the journal, c->torn names
 * its line and c->good the bytes before it. */
static int verify_chain(const char *path, const unsigned char key[JOURNAL_KEY_BYTES], chain *c,
                        int allow_torn, journal_entry_fn fn, void *ud, bl_err *err) {
    memset(c, 0, sizeof *c);
    strcpy(c->last_mac, zero_mac);
    if (init_sodium(err)) return -1;
    size_t len = 0;
    char *text = fs_read_all(path, 512u << 20, &len, err);
    if (!text) return -1;
    int line = 0, rc = 0;
    for (size_t pos = 0; pos < len && rc == 0;) {
        size_t end = pos;
        while (end < len && text[end] != '\n')
            end++;
        line++;
        if (end == len && allow_torn) { /* never written in full: not an entry */
            c->torn = line, c->good = pos;
            break;
        }
        if (end == len) { /* no newline: a write cut short */
            rc = err_setc(err, BL_E_REFUSED,
                          "%s: line %d is cut short (a crash during writing?): %zu bytes "
                          "without an end of line",
                          path, line, end - pos);
            break;
        }
        text[end] = '\0';
        rc = check_line(path, key, text + pos, line, c, fn, ud, err);
        pos = end + 1;
    }
    free(text);
    if (rc) chain_free(c);
    return rc;
}

/* ------------------------------------------------------------ the witness */

/* The witness's file: named after the journal's first MAC (its identity,
 * wherever it is copied). */
static void witness_path(const char *dir, const char *first_mac, char *out, size_t cap) {
    snprintf(out, cap, "%s/%.32s.witness", dir, first_mac);
}

/* The witness's own MAC, so a witness from elsewhere does not pass. */
static void witness_mac(const unsigned char *key, const char *first, int entries, const char *head,
                        char out[65]) {
    char text[200];
    snprintf(text, sizeof text, "witness|%s|%d|", first, entries);
    mac_of(key, 0, text, head, out);
}

/* Reads the witness of a journal whose first MAC is `first`: 1 found (its
 * entry count and head), 0 none, -1 unreadable or not this journal's. */
static int witness_read(const char *dir, const unsigned char *key, const char *first, int *entries,
                        char head[65], bl_err *err) {
    char path[4096];
    witness_path(dir, first, path, sizeof path);
    if (fs_size(path) < 0) return 0;
    char *text = fs_read_all(path, 4096, NULL, err);
    if (!text) return -1;
    cJSON *o = cJSON_Parse(text);
    free(text);
    const cJSON *j = cJSON_GetObjectItemCaseSensitive(o, "journal");
    const cJSON *n = cJSON_GetObjectItemCaseSensitive(o, "entries");
    const cJSON *h = cJSON_GetObjectItemCaseSensitive(o, "head");
    const cJSON *m = cJSON_GetObjectItemCaseSensitive(o, "mac");
    int rc = -1;
    char want[65];
    if (cJSON_IsString(j) && cJSON_IsNumber(n) && cJSON_IsString(h) && cJSON_IsString(m) &&
        strlen(h->valuestring) == 64 && strlen(m->valuestring) == 64 &&
        !strcmp(j->valuestring, first) && n->valueint >= 1) {
        witness_mac(key, first, n->valueint, h->valuestring, want);
        if (sodium_memcmp(want, m->valuestring, 64) == 0) {
            *entries = n->valueint;
            memcpy(head, h->valuestring, 65);
            rc = 1;
        }
    }
    if (rc < 0)
        err_setc(err, BL_E_REFUSED,
                 "the witness '%s' is not this journal's (its MAC fails): it was changed, or "
                 "made with another key",
                 path);
    cJSON_Delete(o);
    return rc;
}

static int witness_write(const char *dir, const unsigned char *key, const char *first, int entries,
                         const char *head, bl_err *err) {
    char path[4096], mac[65], text[512];
    witness_path(dir, first, path, sizeof path);
    witness_mac(key, first, entries, head, mac);
    int n = snprintf(text, sizeof text,
                     "{\"format\": \"borderlab-witness-1\", \"journal\": \"%s\", \"entries\": %d, "
                     "\"head\": \"%s\", \"mac\": \"%s\"}\n",
                     first, entries, head, mac);
    if (fs_write_atomic(path, text, (size_t)n, err) != 0)
        return err_prefix(err, "the journal's witness (in %s)", dir);
    return 0;
}

/* The journal against its witness: the witness saw `w` entries with `head`
 * the last; the journal must hold at least as many and continue that chain. */
static int witness_meet(const char *path, const chain *c, int w, const char *head, bl_err *err) {
    if (c->entries < w)
        return err_setc(err, BL_E_REFUSED,
                        "the journal '%s' holds %d entr%s where its witness saw %d: entries "
                        "%d-%d of %d are missing (cut short after they were written)",
                        path, c->entries, c->entries == 1 ? "y" : "ies", w, c->entries + 1, w, w);
    if (strcmp(c->macs[w - 1], head))
        return err_setc(err, BL_E_REFUSED,
                        "the journal '%s' is not the one its witness saw (entry %d differs): "
                        "another copy was put in its place",
                        path, w);
    return 0;
}

/* The chain c (of the journal at path) against its witness in dir: 0 when it
 * meets it (or there is none yet: *seen 0), -1 refused. */
static int witness_check(const char *dir, const unsigned char *key, const char *path,
                         const chain *c, int *seen, bl_err *err) {
    *seen = 0;
    if (!dir || c->entries == 0) return 0;
    int w = 0;
    char head[65];
    int found = witness_read(dir, key, c->macs[0], &w, head, err);
    if (found < 0) return -1;
    if (!found) return 0;
    *seen = w;
    return witness_meet(path, c, w, head, err);
}

/* ------------------------------------------------------------ reading */

int journal_verify(const char *path, const unsigned char key[JOURNAL_KEY_BYTES],
                   const char *witness_dir, int *entries, int *witnessed, bl_err *err) {
    chain c;
    int seen = 0;
    int rc = verify_chain(path, key, &c, 0, NULL, NULL, err);
    if (rc == 0) rc = witness_check(witness_dir, key, path, &c, &seen, err);
    if (rc == 0 && entries) *entries = c.entries;
    if (witnessed) *witnessed = seen;
    chain_free(&c);
    return rc;
}

int journal_read(const char *path, const unsigned char key[JOURNAL_KEY_BYTES],
                 const char *witness_dir, journal_entry_fn fn, void *ud, int *entries, int *torn,
                 bl_err *err) {
    if (fs_size(path) <= 0) { /* not begun yet */
        if (entries) *entries = 0;
        if (torn) *torn = 0;
        return 0;
    }
    chain c;
    int seen = 0;
    int rc = verify_chain(path, key, &c, torn != NULL, fn, ud, err);
    if (rc == 0) rc = witness_check(witness_dir, key, path, &c, &seen, err);
    if (rc == 0 && entries) *entries = c.entries;
    if (rc == 0 && torn) *torn = c.torn;
    chain_free(&c);
    return rc;
}

/* ------------------------------------------------------------ writing */

journal *journal_open(const char *path, const unsigned char key[JOURNAL_KEY_BYTES], int *entries,
                      bl_err *err) {
    return journal_open_read(path, key, NULL, NULL, NULL, entries, err);
}

journal *journal_open_read(const char *path, const unsigned char key[JOURNAL_KEY_BYTES],
                           const char *witness_dir, journal_entry_fn fn, void *ud, int *entries,
                           bl_err *err) {
    if (init_sodium(err)) return NULL;
    journal *j = calloc(1, sizeof *j);
    if (!j) {
        err_setc(err, BL_E_NOMEM, "out of memory");
        return NULL;
    }
    memcpy(j->key, key, JOURNAL_KEY_BYTES);
    strcpy(j->last_mac, zero_mac);
    if (witness_dir) snprintf(j->witness, sizeof j->witness, "%s", witness_dir);
    int existed = 0, seen = 0;
    /* one writer: a second desk on the same journal would fork its chain */
    if (!(j->f = fs_append_open(path, "the journal", &existed, err))) {
        free(j);
        return NULL;
    }
    /* verified under the lock: nobody appends while we read the chain */
    chain c = {0};
    if (existed && (verify_chain(path, key, &c, 1, fn, ud, err) != 0 ||
                    witness_check(witness_dir, key, path, &c, &seen, err) != 0)) {
        chain_free(&c);
        journal_close(j);
        return NULL;
    }
    j->seq = c.entries;
    if (existed) memcpy(j->last_mac, c.last_mac, 65);
    if (c.entries) memcpy(j->first_mac, c.macs[0], 65);
    chain_free(&c);
    /* a last line a crash cut short was never recorded: cut it off, so the
     * next entry starts on a line of its own */
    if (c.torn && fs_append_truncate(j->f, (long long)c.good, err) != 0) {
        err_prefix(err, "the journal '%s' ends in a line cut short, and it cannot be cut off",
                   path);
        journal_close(j);
        return NULL;
    }
    j->repaired = c.torn;
    /* a journal begun before its witness: the witness starts from here */
    if (witness_dir && j->seq > seen && j->seq > 0 &&
        witness_write(witness_dir, key, j->first_mac, j->seq, j->last_mac, err) != 0) {
        journal_close(j);
        return NULL;
    }
    if (entries) *entries = j->seq;
    return j;
}

int journal_append(journal *j, const char *entry_json, bl_err *err) {
    cJSON *e = cJSON_Parse(entry_json);
    if (!cJSON_IsObject(e)) {
        cJSON_Delete(e);
        return err_set(err, "journal: an entry must be a JSON object");
    }
    char *etext = cJSON_PrintUnformatted(e); /* the exact text the MAC covers */
    cJSON_Delete(e);
    if (!etext) return err_setc(err, BL_E_NOMEM, "out of memory");
    char mac[65];
    mac_of(j->key, j->seq + 1, j->last_mac, etext, mac);
    size_t n = strlen(etext) + 200;
    char *line = malloc(n);
    if (!line) {
        free(etext);
        return err_setc(err, BL_E_NOMEM, "out of memory");
    }
    int len = snprintf(line, n, "{\"seq\": %d, \"entry\": %s, \"prev\": \"%s\", \"mac\": \"%s\"}\n",
                       j->seq + 1, etext, j->last_mac, mac);
    free(etext);
    int rc = fs_append_write(j->f, line, (size_t)len, err);
    free(line);
    if (rc != 0) return err_prefix(err, "journal (the entry is NOT recorded)");
    j->seq++;
    memcpy(j->last_mac, mac, 65);
    if (j->seq == 1) memcpy(j->first_mac, mac, 65);
    /* the witness after the entry is on disk: a crash between the two leaves
     * the journal ahead of its witness, never behind it */
    if (j->witness[0] && witness_write(j->witness, j->key, j->first_mac, j->seq, j->last_mac, err))
        return err_prefix(err, "journal (the entry is recorded; its witness is not)");
    return 0;
}

void journal_close(journal *j) {
    if (!j) return;
    fs_append_close(j->f);
    sodium_memzero(j->key, sizeof j->key);
    free(j);
}
