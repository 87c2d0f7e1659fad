/* uuid.c - SHA-1 (FIPS 180-4, 6.1) and version 5 UUIDs (RFC 9562, 5.5).
 *
 * The hash follows the standard's pseudo-code step for step: pad to a
 * multiple of 64 bytes with 0x80, zeros and the length in bits (big-endian),
 * then 80 rounds per block with the four functions and constants of 4.1.1 and
 * 4.2.1. It is small and slow (hashing a few dozen bytes per statement). */
#include "uuid.h"

#include <stdint.h>
#include <string.h>

static uint32_t rol(uint32_t x, int n) {
    return (x << n) | (x >> (32 - n));
}

static void sha1_block(uint32_t h[5], const unsigned char *p) {
    uint32_t w[80];
    for (int t = 0; t < 16; t++)
        w[t] = (uint32_t)p[4 * t] << 24 | (uint32_t)p[4 * t + 1] << 16 |
               (uint32_t)p[4 * t + 2] << 8 | (uint32_t)p[4 * t + 3];
    for (int t = 16; t < 80; t++)
        w[t] = rol(w[t - 3] ^ w[t - 8] ^ w[t - 14] ^ w[t - 16], 1);
    uint32_t a = h[0], b = h[1], c = h[2], d = h[3], e = h[4];
    for (int t = 0; t < 80; t++) {
        uint32_t f, k;
        if (t < 20)
            f = (b & c) | (~b & d), k = 0x5a827999u;
        else if (t < 40)
            f = b ^ c ^ d, k = 0x6ed9eba1u;
        else if (t < 60)
            f = (b & c) | (b & d) | (c & d), k = 0x8f1bbcdcu;
        else
            f = b ^ c ^ d, k = 0xca62c1d6u;
        uint32_t tmp = rol(a, 5) + f + e + k + w[t];
        e = d, d = c, c = rol(b, 30), b = a, a = tmp;
    }
    h[0] += a, h[1] += b, h[2] += c, h[3] += d, h[4] += e;
}

/* A hash in progress: the state, the bytes of a block not yet full, the length. */
typedef struct sha1_ctx {
    uint32_t h[5];
    unsigned char block[64];
    size_t used;
    uint64_t n;
} sha1_ctx;

static void sha1_init(sha1_ctx *c) {
    static const uint32_t h0[5] = {0x67452301u, 0xefcdab89u, 0x98badcfeu, 0x10325476u, 0xc3d2e1f0u};
    memcpy(c->h, h0, sizeof h0);
    c->used = 0, c->n = 0;
}

static void sha1_update(sha1_ctx *c, const void *data, size_t n) {
    const unsigned char *p = data;
    c->n += n;
    while (n) {
        size_t take = 64 - c->used < n ? 64 - c->used : n;
        memcpy(c->block + c->used, p, take);
        c->used += take, p += take, n -= take;
        if (c->used == 64) sha1_block(c->h, c->block), c->used = 0;
    }
}

/* Pads (0x80, zeros, the length in bits, big-endian) and writes the digest. */
static void sha1_final(sha1_ctx *c, unsigned char digest[20]) {
    uint64_t bits = c->n * 8u;
    unsigned char pad = 0x80, zero = 0, len[8];
    sha1_update(c, &pad, 1);
    while (c->used != 56)
        sha1_update(c, &zero, 1);
    for (int i = 0; i < 8; i++)
        len[i] = (unsigned char)(bits >> (56 - 8 * i));
    sha1_update(c, len, 8);
    for (int i = 0; i < 5; i++)
        for (int j = 0; j < 4; j++)
            digest[4 * i + j] = (unsigned char)(c->h[i] >> (24 - 8 * j));
}

void uuid_sha1(const void *data, size_t n, unsigned char digest[20]) {
    sha1_ctx c;
    sha1_init(&c);
    sha1_update(&c, data, n);
    sha1_final(&c, digest);
}

static int hexval(char c) {
    return c >= '0' && c <= '9'   ? c - '0'
           : c >= 'a' && c <= 'f' ? c - 'a' + 10
           : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                  : -1;
}

int uuid_parse(const char *s, unsigned char out[UUID_BYTES]) {
    int k = 0;
    for (int i = 0; i < 36; i++) {
        if (i == 8 || i == 13 || i == 18 || i == 23) {
            if (s[i] != '-') return -1;
            continue;
        }
        int hi = hexval(s[i]), lo = hi < 0 ? -1 : hexval(s[i + 1]);
        if (hi < 0 || lo < 0) return -1;
        out[k++] = (unsigned char)(hi << 4 | lo);
        i++;
    }
    return s[36] == '\0' ? 0 : -1;
}

void uuid_format(const unsigned char u[UUID_BYTES], char out[UUID_TEXT_SIZE]) {
    static const char hex[] = "0123456789abcdef";
    char *o = out;
    for (int i = 0; i < UUID_BYTES; i++) {
        if (i == 4 || i == 6 || i == 8 || i == 10) *o++ = '-';
        *o++ = hex[u[i] >> 4];
        *o++ = hex[u[i] & 15];
    }
    *o = '\0';
}

void uuid_v5(const unsigned char ns[UUID_BYTES], const char *name, unsigned char out[UUID_BYTES]) {
    unsigned char digest[20];
    sha1_ctx c;
    sha1_init(&c);
    sha1_update(&c, ns, UUID_BYTES);
    sha1_update(&c, name, strlen(name));
    sha1_final(&c, digest);
    memcpy(out, digest, UUID_BYTES);
    out[6] = (unsigned char)((out[6] & 0x0f) | 0x50); /* version 5 */
    out[8] = (unsigned char)((out[8] & 0x3f) | 0x80); /* the RFC's variant */
}
