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
    char last_mac[65];
    int repaired; /* the line number of a cut-short last line removed on opening */
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

/* Walks the chain; on success gives the count and the last MAC. */
/* A cut-short last line (a write a crash interrupted) is an error, unless
 * `torn` is given: then it is not part of the journal, *torn names its line
 * and *good the bytes before it. */
static int verify_chain(const char *path, const unsigned char key[JOURNAL_KEY_BYTES], int *entries,
                        char last_mac[65], journal_entry_fn fn, void *ud, int *torn, size_t *good,
                        bl_err *err) {
    if (torn) *torn = 0;
    if (init_sodium(err)) return -1;
    size_t len = 0;
    char *text = fs_read_all(path, 512u << 20, &len, err);
    if (!text) return -1;
    char prev[65];
    strcpy(prev, zero_mac);
    int seq = 0, line = 0, rc = 0;
    size_t pos = 0;
    while (pos < len && rc == 0) {
        size_t end = pos;
        while (end < len && text[end] != '\n')
            end++;
        line++;
        if (end == len && torn) { /* never written in full: not an entry */
            *torn = line;
            if (good) *good = pos;
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
        cJSON *o = cJSON_Parse(text + pos);
        pos = end + 1;
        const cJSON *s = cJSON_GetObjectItemCaseSensitive(o, "seq");
        const cJSON *e = cJSON_GetObjectItemCaseSensitive(o, "entry");
        const cJSON *p = cJSON_GetObjectItemCaseSensitive(o, "prev");
        const cJSON *m = cJSON_GetObjectItemCaseSensitive(o, "mac");
        if (!o || !cJSON_IsNumber(s) || !cJSON_IsObject(e) || !cJSON_IsString(p) ||
            !cJSON_IsString(m)) {
            rc = err_setc(err, BL_E_REFUSED, "%s: line %d is not a journal entry (edited by hand?)",
                          path, line);
        } else if (s->valueint != seq + 1) {
            rc = err_setc(err, BL_E_REFUSED,
                          "%s: line %d has entry %d where entry %d belongs: entries were "
                          "removed, added or reordered",
                          path, line, s->valueint, seq + 1);
        } else if (strcmp(p->valuestring, prev)) {
            rc = err_setc(err, BL_E_REFUSED,
                          "%s: line %d does not follow the entry before it (its link to "
                          "entry %d is wrong): an entry before it was changed or removed",
                          path, line, seq);
        } else {
            char *etext = cJSON_PrintUnformatted(e);
            char want[65];
            mac_of(key, s->valueint, prev, etext ? etext : "", want);
            if (strlen(m->valuestring) != 64 || sodium_memcmp(want, m->valuestring, 64) != 0)
                rc = err_setc(err, BL_E_REFUSED,
                              "%s: line %d (entry %d) was changed after it was written, or "
                              "the key is not this journal's",
                              path, line, s->valueint);
            else {
                seq = s->valueint;
                strcpy(prev, m->valuestring);
                if (fn && etext) fn(ud, seq, etext, prev);
            }
            free(etext);
        }
        cJSON_Delete(o);
    }
    free(text);
    if (rc == 0 && entries) *entries = seq;
    if (rc == 0 && last_mac) memcpy(last_mac, prev, 65);
    return rc;
}

int journal_verify(const char *path, const unsigned char key[JOURNAL_KEY_BYTES], int *entries,
                   bl_err *err) {
    return verify_chain(path, key, entries, NULL, NULL, NULL, NULL, NULL, err);
}

int journal_read(const char *path, const unsigned char key[JOURNAL_KEY_BYTES], journal_entry_fn fn,
                 void *ud, int *entries, int *torn, bl_err *err) {
    if (fs_size(path) <= 0) { /* not begun yet */
        if (entries) *entries = 0;
        return 0;
    }
    return verify_chain(path, key, entries, NULL, fn, ud, torn, NULL, err);
}

journal *journal_open(const char *path, const unsigned char key[JOURNAL_KEY_BYTES], int *entries,
                      bl_err *err) {
    return journal_open_read(path, key, NULL, NULL, entries, err);
}

journal *journal_open_read(const char *path, const unsigned char key[JOURNAL_KEY_BYTES],
                           journal_entry_fn fn, void *ud, int *entries, bl_err *err) {
    if (init_sodium(err)) return NULL;
    journal *j = calloc(1, sizeof *j);
    if (!j) {
        err_setc(err, BL_E_NOMEM, "out of memory");
        return NULL;
    }
    memcpy(j->key, key, JOURNAL_KEY_BYTES);
    strcpy(j->last_mac, zero_mac);
    int existed = 0;
    /* one writer: a second desk on the same journal would fork its chain */
    if (!(j->f = fs_append_open(path, "the journal", &existed, err))) {
        free(j);
        return NULL;
    }
    /* verified under the lock: nobody appends while we read the chain */
    int torn = 0;
    size_t good = 0;
    if (existed && verify_chain(path, key, &j->seq, j->last_mac, fn, ud, &torn, &good, err) != 0) {
        journal_close(j);
        return NULL;
    }
    /* a last line a crash cut short was never recorded: cut it off, so the
     * next entry starts on a line of its own */
    if (torn && fs_append_truncate(j->f, (long long)good, err) != 0) {
        err_prefix(err, "the journal '%s' ends in a line cut short, and it cannot be cut off",
                   path);
        journal_close(j);
        return NULL;
    }
    j->repaired = torn;
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
    return 0;
}

void journal_close(journal *j) {
    if (!j) return;
    fs_append_close(j->f);
    sodium_memzero(j->key, sizeof j->key);
    free(j);
}
