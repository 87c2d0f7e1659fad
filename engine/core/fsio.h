/* fsio.h - whole-file reads and crash-safe writes.
 *
 * fs_write_atomic writes to "<path>.tmp.<pid>" in the same folder, flushes and
 * fsyncs it, then renames it over <path>: a reader sees the old file or the new
 * one, never half of one, and a failed write leaves nothing behind.
 */
#ifndef BL_FSIO_H
#define BL_FSIO_H

#include <stddef.h>
#include "err.h"

/* Reads a whole file (or standard input when path is "-") into a NUL-terminated
 * heap buffer; refuses files larger than max_bytes. Caller frees. */
char *fs_read_all(const char *path, size_t max_bytes, size_t *out_len, bl_err *err);

/* Writes len bytes atomically (temporary file, fsync, rename). */
int fs_write_atomic(const char *path, const void *data, size_t len, bl_err *err);

/* Creates a directory if it does not exist (one level). */
int fs_mkdir(const char *path, bl_err *err);

#endif
