/* wire.h - what a script's worker and its caller send each other: numbers and
 * strings in a byte buffer (internal to engine/script).
 *
 * The caller reads what a worker sent as it would read a file from outside:
 * a worker runs a hostile script, and a bug in the interpreter could let the
 * script write anything there. Every read is bounded; a reader that runs out
 * of bytes, or finds a length that does not fit, fails and stays failed (one
 * check at the end: wire_ok).
 */
#ifndef BL_WIRE_H
#define BL_WIRE_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "host.h"

static inline int wire_put_u32(hbuf *b, uint32_t v) {
    return hbuf_put(b, &v, sizeof v);
}
static inline int wire_put_i32(hbuf *b, int32_t v) {
    return hbuf_put(b, &v, sizeof v);
}
static inline int wire_put_bytes(hbuf *b, const void *p, size_t n) {
    return wire_put_u32(b, (uint32_t)n) || hbuf_put(b, p, n) ? -1 : 0;
}
static inline int wire_put_str(hbuf *b, const char *s) {
    return wire_put_bytes(b, s, s ? strlen(s) : 0);
}

typedef struct wire_reader {
    const char *p;
    size_t left;
    int bad; /* ran out, or a length did not fit */
} wire_reader;

static inline int wire_get(wire_reader *r, void *out, size_t n) {
    if (r->bad || r->left < n) {
        r->bad = 1;
        memset(out, 0, n);
        return -1;
    }
    memcpy(out, r->p, n);
    r->p += n, r->left -= n;
    return 0;
}
static inline uint32_t wire_get_u32(wire_reader *r) {
    uint32_t v = 0;
    wire_get(r, &v, sizeof v);
    return v;
}
static inline int32_t wire_get_i32(wire_reader *r) {
    int32_t v = 0;
    wire_get(r, &v, sizeof v);
    return v;
}
/* A string into out (at most cap - 1 bytes, always terminated); a longer
 * one marks the reader bad. */
static inline void wire_get_str(wire_reader *r, char *out, size_t cap) {
    uint32_t n = wire_get_u32(r);
    if (r->bad || n >= cap || n > r->left) {
        r->bad = 1;
        if (cap) out[0] = '\0';
        return;
    }
    wire_get(r, out, n);
    out[n] = '\0';
}
/* A length-prefixed block: *p points into the buffer, *n its length. */
static inline void wire_get_block(wire_reader *r, const char **p, size_t *n) {
    uint32_t len = wire_get_u32(r);
    if (r->bad || len > r->left) {
        r->bad = 1;
        *p = NULL, *n = 0;
        return;
    }
    *p = r->p, *n = len;
    r->p += len, r->left -= len;
}

#endif
