/* fsio.h - the core's only door to the file system's POSIX calls.
 *
 * Whole-file reads, crash-safe writes, new secret files, and append-only files
 * that one writer holds locked. Every open, fsync, lock, truncate and rename
 * of the core is here, so the rest of the core stays plain C11 (the build's
 * layer check refuses <fcntl.h>, <unistd.h> and <sys/stat.h> elsewhere in
 * engine/core).
 *
 * fs_write_atomic writes to "<path>.tmp.<pid>" in the same folder, flushes and
 * fsyncs it, then renames it over <path>: a reader sees the old file or the new
 * one, never half of one, and a failed write leaves nothing behind.
 *
 * Errors: BL_E_IO when the system refuses (missing, unreadable, locked, full),
 * BL_E_INPUT when the file is there but not acceptable (too large).
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

/* Creates a file that must not exist yet, with mode 0600 (a secret key), writes
 * text and fsyncs it and its folder; an existing file is never overwritten
 * (err says so). */
int fs_write_new_secret(const char *path, const char *text, bl_err *err);

/* Removes a file (a half-made key pair); errors are ignored. */
void fs_remove(const char *path);

/* Creates a directory if it does not exist (one level). */
int fs_mkdir(const char *path, bl_err *err);

/* The size of a file in bytes; -1 when it does not exist or cannot be seen. */
long long fs_size(const char *path);

/* fsyncs the folder holding path, so a newly created file's name is on disk. */
void fs_sync_dir_of(const char *path);

/* An append-only file held by one writer: opened (created with mode 0600 when
 * missing) and locked with an open-file-description lock, so a second opener,
 * in this process or another, is refused rather than forking the file. */
typedef struct fs_append fs_append;

/* *existed (may be NULL) says whether the file was there before. The lock is
 * refused with BL_E_IO and a message naming `what` ("the journal"). */
fs_append *fs_append_open(const char *path, const char *what, int *existed, bl_err *err);
/* Writes all of data and fsyncs; on failure the file is cut back to its size
 * before the call (half a line would spoil the next), and err says so. */
int fs_append_write(fs_append *f, const void *data, size_t len, bl_err *err);
/* Cuts the file to `size` bytes and fsyncs it. */
int fs_append_truncate(fs_append *f, long long size, bl_err *err);
void fs_append_close(fs_append *f);

#endif
