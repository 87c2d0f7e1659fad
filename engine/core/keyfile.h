/* keyfile.h - the academy's secret and public keys as files.
 *
 * A key file holds one key as hexadecimal digits and a newline. Secret keys
 * are created with mode 0600 and never overwritten; what is read is checked
 * for its exact length, and the text it was read from is wiped. One owner for
 * both the journal key (journal.h) and the pack signing keys (packsig.h).
 */
#ifndef BL_KEYFILE_H
#define BL_KEYFILE_H

#include <stddef.h>

#include "err.h"

/* Writes n bytes as hex to a new file (mode 0600); an existing file is kept
 * and the call fails with BL_E_IO. */
int keyfile_write_new(const char *path, const unsigned char *key, size_t n, bl_err *err);

/* Reads exactly n bytes of hex from path (spaces and line ends ignored). A
 * missing or unreadable file is BL_E_IO; a file that is not such a key is
 * BL_E_INPUT, and err names `what` and how to make one (`make`, a command). */
int keyfile_read(const char *path, unsigned char *key, size_t n, const char *what, const char *make,
                 bl_err *err);

/* Writes n bytes as 2n lowercase hex digits and a NUL into hex. */
void keyfile_hex(const unsigned char *key, size_t n, char *hex);

#endif
