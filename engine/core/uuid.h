/* uuid.h - name-based UUIDs (RFC 9562 / RFC 4122 version 5), so that the same
 * name always gives the same id: an xAPI statement made twice from one journal
 * entry is the same statement (xapi.h).
 *
 * Version 5 hashes a namespace UUID and a name with SHA-1 and keeps 122 bits
 * of the digest. SHA-1 is used here as the RFC requires, not for security: the
 * ids only need to be stable and not collide by accident. SHA-1 itself is
 * written out from FIPS 180-4, section 6.1 (the project's libsodium has no
 * SHA-1), and checked against the FIPS examples in tests/test_xapi.c.
 */
#ifndef BL_UUID_H
#define BL_UUID_H

#include <stddef.h>

#define UUID_BYTES     16
#define UUID_TEXT_SIZE 37 /* "xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx" and a NUL */

/* SHA-1 of n bytes (FIPS 180-4). */
void uuid_sha1(const void *data, size_t n, unsigned char digest[20]);

/* Reads the canonical 36-character form (either case); 0, or -1 when s is not one. */
int uuid_parse(const char *s, unsigned char out[UUID_BYTES]);

/* Writes the canonical lowercase form. */
void uuid_format(const unsigned char u[UUID_BYTES], char out[UUID_TEXT_SIZE]);

/* The version 5 UUID of `name` (its bytes, no NUL) in namespace `ns`. */
void uuid_v5(const unsigned char ns[UUID_BYTES], const char *name, unsigned char out[UUID_BYTES]);

#endif
