/* packsig.c - see packsig.h. */
#include "packsig.h"

#include <cjson/cJSON.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fsio.h"
#include "keyfile.h"

static const char *format = "borderlab-pack-2";   /* signs the version and date too */
static const char *format_1 = "borderlab-pack-1"; /* before versions: read as version 0 */
static const char *make_keys = "borderlab session keygen SECRET PUBLIC";

/* YYYY-MM-DD, digits where digits belong. */
static int date_ok(const char *d) {
    if (strlen(d) != 10 || d[4] != '-' || d[7] != '-') return 0;
    for (int i = 0; i < 10; i++)
        if (i != 4 && i != 7 && (d[i] < '0' || d[i] > '9')) return 0;
    return 1;
}

static int start(bl_err *err) {
    return sodium_init() < 0 ? err_setc(err, BL_E_IO, "libsodium could not start") : 0;
}

int packsig_keygen(const char *secret_path, const char *public_path, bl_err *err) {
    if (start(err)) return -1;
    unsigned char pk[crypto_sign_PUBLICKEYBYTES], sk[crypto_sign_SECRETKEYBYTES];
    crypto_sign_keypair(pk, sk);
    int rc = keyfile_write_new(secret_path, sk, sizeof sk, err);
    sodium_memzero(sk, sizeof sk);
    if (rc) return rc;
    if (keyfile_write_new(public_path, pk, sizeof pk, err) != 0) {
        fs_remove(secret_path); /* half a key pair is no use */
        return -1;
    }
    return 0;
}

int packsig_public_load(const char *path, unsigned char pub[PACKSIG_PUBLIC_BYTES], bl_err *err) {
    return start(err)
               ? -1
               : keyfile_read(path, pub, PACKSIG_PUBLIC_BYTES, "pack public key", make_keys, err);
}

int packsig_file_sha256(const char *path, char hex[65], bl_err *err) {
    if (start(err)) return -1;
    size_t len = 0;
    char *data = fs_read_all(path, 64u << 20, &len, err);
    if (!data) return -1;
    unsigned char h[crypto_hash_sha256_BYTES];
    crypto_hash_sha256(h, (const unsigned char *)data, len);
    free(data);
    sodium_bin2hex(hex, 65, h, sizeof h);
    return 0;
}

/* rel against dir (an absolute rel stays as it is). */
static int sha256_file(const char *dir, const char *rel, char hex[65], bl_err *err) {
    char path[1024];
    snprintf(path, sizeof path, "%s%s%s", rel[0] == '/' ? "" : dir, rel[0] == '/' ? "" : "/", rel);
    return packsig_file_sha256(path, hex, err);
}

static void sha256_hex(const void *data, size_t len, char hex[65]) {
    unsigned char h[crypto_hash_sha256_BYTES];
    crypto_hash_sha256(h, (const unsigned char *)data, len);
    sodium_bin2hex(hex, 65, h, sizeof h);
}

/* The text that is signed: the format, (format 2) the version and date,
 * then the "files" list. */
static char *signed_text(const char *fmt, const packsig_meta *meta, const cJSON *files) {
    size_t cap = 128, n;
    const cJSON *f;
    cJSON_ArrayForEach(f, files) {
        const cJSON *p = cJSON_GetObjectItemCaseSensitive(f, "path");
        cap += 70 + (cJSON_IsString(p) ? strlen(p->valuestring) : 0);
    }
    char *t = malloc(cap);
    if (!t) return NULL;
    n = (size_t)snprintf(t, cap, "%s\n", fmt);
    if (meta)
        n += (size_t)snprintf(t + n, cap - n, "version %ld\ndate %s\n", meta->version, meta->date);
    cJSON_ArrayForEach(f, files) {
        const cJSON *p = cJSON_GetObjectItemCaseSensitive(f, "path");
        const cJSON *h = cJSON_GetObjectItemCaseSensitive(f, "sha256");
        n += (size_t)snprintf(t + n, cap - n, "%s %s\n", cJSON_IsString(h) ? h->valuestring : "",
                              cJSON_IsString(p) ? p->valuestring : "");
    }
    return t;
}

int packsig_sign(const char *sig_path, const char *dir, const char *const *rel, int n,
                 const char *secret_path, const packsig_meta *meta, bl_err *err) {
    if (start(err)) return -1;
    if (meta->version < 1 || !date_ok(meta->date))
        return err_setc(err, BL_E_USAGE,
                        "a pack is signed with a version from 1 and a date YYYY-MM-DD (got %ld, "
                        "'%s')",
                        meta->version, meta->date);
    unsigned char sk[crypto_sign_SECRETKEYBYTES], pk[crypto_sign_PUBLICKEYBYTES];
    if (keyfile_read(secret_path, sk, sizeof sk, "pack secret key", make_keys, err)) return -1;
    crypto_sign_ed25519_sk_to_pk(pk, sk);
    cJSON *o = cJSON_CreateObject(), *files = NULL;
    char hex[2 * crypto_sign_BYTES + 1];
    cJSON_AddStringToObject(o, "format", format);
    keyfile_hex(pk, sizeof pk, hex);
    cJSON_AddStringToObject(o, "public_key", hex);
    cJSON_AddNumberToObject(o, "version", (double)meta->version);
    cJSON_AddStringToObject(o, "date", meta->date);
    files = cJSON_AddArrayToObject(o, "files");
    int rc = 0;
    for (int i = 0; i < n && rc == 0; i++) {
        char h[65];
        if ((rc = sha256_file(dir, rel[i], h, err)) != 0) break;
        cJSON *f = cJSON_CreateObject();
        cJSON_AddStringToObject(f, "path", rel[i]);
        cJSON_AddStringToObject(f, "sha256", h);
        cJSON_AddItemToArray(files, f);
    }
    char *text = rc ? NULL : signed_text(format, meta, files), *out = NULL;
    if (rc == 0) {
        unsigned char sig[crypto_sign_BYTES];
        crypto_sign_detached(sig, NULL, (const unsigned char *)text, strlen(text), sk);
        sodium_bin2hex(hex, sizeof hex, sig, sizeof sig);
        cJSON_AddStringToObject(o, "signature", hex);
        out = cJSON_Print(o);
        rc = out ? fs_write_atomic(sig_path, out, strlen(out), err)
                 : err_setc(err, BL_E_NOMEM, "out of memory");
    }
    sodium_memzero(sk, sizeof sk);
    free(text);
    free(out);
    cJSON_Delete(o);
    return rc;
}

/* Checks the signature file, then each file's hash: from the bytes given
 * (data non-NULL), else from the files under dir. */
static int verify(const char *sig_path, const char *dir, const char *const *rel,
                  const char *const *data, const size_t *lens, int n,
                  const unsigned char pub[PACKSIG_PUBLIC_BYTES], packsig_meta *meta, bl_err *err) {
    if (meta) memset(meta, 0, sizeof *meta);
    if (start(err)) return -1;
    char *json = fs_read_all(sig_path, 4u << 20, NULL, err);
    if (!json) { /* err->msg cannot be an argument of its own err_set */
        char why[sizeof err->msg];
        snprintf(why, sizeof why, "%s", err->msg);
        return err_setc(err, BL_E_REFUSED,
                        "the pack is not signed (%s); sign it with 'borderlab session sign'", why);
    }
    cJSON *o = cJSON_Parse(json);
    free(json);
    const cJSON *files = cJSON_GetObjectItemCaseSensitive(o, "files");
    const cJSON *sig = cJSON_GetObjectItemCaseSensitive(o, "signature");
    const cJSON *fmt = cJSON_GetObjectItemCaseSensitive(o, "format");
    const cJSON *ver = cJSON_GetObjectItemCaseSensitive(o, "version");
    const cJSON *date = cJSON_GetObjectItemCaseSensitive(o, "date");
    unsigned char s[crypto_sign_BYTES];
    size_t bin = 0;
    int rc = 0, v2 = cJSON_IsString(fmt) && !strcmp(fmt->valuestring, format);
    packsig_meta m = {0, ""};
    if (v2 && cJSON_IsNumber(ver) && cJSON_IsString(date) && strlen(date->valuestring) == 10) {
        m.version = (long)ver->valuedouble;
        snprintf(m.date, sizeof m.date, "%s", date->valuestring);
    }
    char *text = NULL;
    if (!cJSON_IsArray(files) || !cJSON_IsString(sig) || !cJSON_IsString(fmt) ||
        (!v2 && strcmp(fmt->valuestring, format_1)) || (v2 && !m.version)) {
        rc = err_setc(err, BL_E_REFUSED, "%s is not a borderlab pack signature", sig_path);
    } else if (sodium_hex2bin(s, sizeof s, sig->valuestring, strlen(sig->valuestring), NULL, &bin,
                              NULL) != 0 ||
               bin != sizeof s ||
               !(text = signed_text(v2 ? format : format_1, v2 ? &m : NULL, files)) ||
               crypto_sign_verify_detached(s, (const unsigned char *)text, strlen(text), pub) !=
                   0) {
        rc = err_setc(err, BL_E_REFUSED,
                      "%s: the signature fails: the pack was changed after signing, or it was not "
                      "signed by this academy's key",
                      sig_path);
    }
    for (int i = 0; i < n && rc == 0; i++) {
        const cJSON *f, *hit = NULL;
        cJSON_ArrayForEach(f, files) {
            const cJSON *p = cJSON_GetObjectItemCaseSensitive(f, "path");
            if (cJSON_IsString(p) && !strcmp(p->valuestring, rel[i])) hit = f;
        }
        char h[65];
        const cJSON *want = cJSON_GetObjectItemCaseSensitive(hit, "sha256");
        if (!hit || !cJSON_IsString(want))
            rc = err_setc(err, BL_E_REFUSED, "%s is not part of the signed pack %s", rel[i],
                          sig_path);
        else if (data)
            sha256_hex(data[i], lens[i], h);
        else if (sha256_file(dir, rel[i], h, err) != 0)
            rc = -1;
        if (rc == 0 && strcmp(h, want->valuestring))
            rc = err_setc(err, BL_E_REFUSED, "%s was changed after the pack was signed", rel[i]);
    }
    free(text);
    cJSON_Delete(o);
    if (rc == 0 && meta) *meta = m;
    return rc;
}

int packsig_verify(const char *sig_path, const char *dir, const char *const *rel, int n,
                   const unsigned char pub[PACKSIG_PUBLIC_BYTES], packsig_meta *meta, bl_err *err) {
    return verify(sig_path, dir, rel, NULL, NULL, n, pub, meta, err);
}

int packsig_verify_data(const char *sig_path, const char *const *rel, const char *const *data,
                        const size_t *lens, int n, const unsigned char pub[PACKSIG_PUBLIC_BYTES],
                        packsig_meta *meta, bl_err *err) {
    return verify(sig_path, NULL, rel, data, lens, n, pub, meta, err);
}
