/* packsig.h - signed exam packs (libsodium, Ed25519).
 *
 * An academy signs a session file together with every scenario file it can
 * draw. The signature file (SESSION.sig, JSON) lists each file's path
 * (relative to the session file's folder) and SHA-256, and signs that list:
 *
 *   {"format": "borderlab-pack-2", "public_key": "<64 hex>", "version": 3,
 *    "date": "2026-12-07", "files": [{"path": "basic.lua", "sha256": "<64 hex>"},
 *    ...], "signature": "<128 hex>"}
 *
 * The signed text is "borderlab-pack-2\n", "version N\n", "date D\n", then
 * "<sha256> <path>\n" per file in the listed order. The version is signed so
 * that a desk can refuse a pack rolled back to an older one signed with the
 * same key (a session's --min-pack-version). A signature of the first format
 * ("borderlab-pack-1": no version or date in it) still verifies, as version 0. Verification checks
 * the signature with the academy's public key (never the one in the file alone), then each file the
 * session needs: listed, and unchanged. An exam refuses a pack that fails.
 */
#ifndef BL_PACKSIG_H
#define BL_PACKSIG_H

#include <stddef.h>

#include "err.h"

#define PACKSIG_PUBLIC_BYTES 32

/* Writes a new key pair: the secret key (mode 0600, never overwritten) and
 * the public key the desks are given. */
int packsig_keygen(const char *secret_path, const char *public_path, bl_err *err);
int packsig_public_load(const char *path, unsigned char pub[PACKSIG_PUBLIC_BYTES], bl_err *err);

/* What a signature says of its pack besides the files. */
typedef struct packsig_meta {
    long version;  /* from 1; 0: a first-format signature, without one */
    char date[11]; /* YYYY-MM-DD; "" without one */
} packsig_meta;

/* Signs files (paths relative to dir) with the pack's version and date into
 * sig_path (written atomically). */
int packsig_sign(const char *sig_path, const char *dir, const char *const *rel, int n,
                 const char *secret_path, const packsig_meta *meta, bl_err *err);

/* 0 when sig_path is signed by `pub` and lists every one of the files with
 * its current content (*meta, may be NULL: the signed version and date); otherwise -1 and err names
 * the first problem (which file changed, which is not in the pack, or that the signature fails). */
int packsig_verify(const char *sig_path, const char *dir, const char *const *rel, int n,
                   const unsigned char pub[PACKSIG_PUBLIC_BYTES], packsig_meta *meta, bl_err *err);

/* The same for bytes already read: what is verified is what will run (no
 * window for a file to change between the check and its use). */
int packsig_verify_data(const char *sig_path, const char *const *rel, const char *const *data,
                        const size_t *lens, int n, const unsigned char pub[PACKSIG_PUBLIC_BYTES],
                        packsig_meta *meta, bl_err *err);

/* A file's SHA-256 as 64 hex digits. */
int packsig_file_sha256(const char *path, char hex[65], bl_err *err);

#endif
