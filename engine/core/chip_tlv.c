/* chip_tlv.c - BER-TLV as the chip's files use it (ISO/IEC 7816-4 and
 * Doc 9303 Part 10 section 4.5): tags of one to three bytes, definite
 * lengths in the shortest form. The reader never looks outside the bytes it
 * is given, because the desk reads chips that may be defective.
 * See chip.h and chip_int.h. */
#include <stdlib.h>
#include <string.h>

#include "chip_int.h"

void chip_bytes_free(chip_bytes *b) {
    if (!b) return;
    free(b->data);
    b->data = NULL, b->len = 0;
}

/* ------------------------------------------------------------ reading */

/* The tag at p[0..len-1]: *n its size. -1 when it runs past the end or three bytes. */
static int read_tag(const uint8_t *p, size_t len, uint32_t *tag, size_t *n, bl_err *err) {
    if (len < 1) return err_set(err, "no tag: the data ends");
    uint32_t t = p[0];
    size_t i = 1;
    if ((p[0] & 0x1F) == 0x1F) { /* more tag bytes follow, each with bit 8 set but the last */
        do {
            if (i >= len) return err_set(err, "tag %02X runs past the end (byte %zu)", p[0], i);
            if (i >= 3) return err_set(err, "tag longer than 3 bytes (byte 0)");
            t = (t << 8) | p[i];
        } while (p[i++] & 0x80);
    }
    *tag = t, *n = i;
    return 0;
}

/* The length at p[0..len-1] (after a tag at byte `at`): *n its size. */
static int read_len(const uint8_t *p, size_t len, size_t at, size_t *value, size_t *n,
                    bl_err *err) {
    if (len < 1) return err_set(err, "no length at byte %zu: the data ends", at);
    if (p[0] < 0x80) {
        *value = p[0], *n = 1;
        return 0;
    }
    size_t k = p[0] & 0x7Fu;
    if (k == 0) return err_set(err, "indefinite length (80) at byte %zu", at);
    if (k > 3) return err_set(err, "length of %zu bytes at byte %zu (at most 3)", k, at);
    if (len < 1 + k) return err_set(err, "length at byte %zu runs past the end", at);
    size_t v = 0;
    for (size_t i = 1; i <= k; i++)
        v = (v << 8) | p[i];
    static const size_t least[4] = {0, 0x80, 0x100, 0x10000}; /* shortest form only */
    if (v < least[k]) return err_set(err, "length %zu at byte %zu not in its shortest form", v, at);
    *value = v, *n = 1 + k;
    return 0;
}

int chip_tlv_read(const uint8_t *p, size_t len, chip_tlv *out, bl_err *err) {
    memset(out, 0, sizeof *out);
    if (!p) return err_set(err, "no data");
    size_t tn = 0, ln = 0, v = 0;
    if (read_tag(p, len, &out->tag, &tn, err) || read_len(p + tn, len - tn, tn, &v, &ln, err))
        return -1;
    size_t head = tn + ln;
    if (v > len - head)
        return err_set(err, "tag %X: length %zu runs past the end (%zu bytes left at byte %zu)",
                       (unsigned)out->tag, v, len - head, head);
    out->value = p + head, out->len = v, out->total = head + v;
    return 0;
}

int chip_tlv_expect(const uint8_t *p, size_t len, uint32_t tag, const char *what, chip_tlv *out,
                    bl_err *err) {
    if (chip_tlv_read(p, len, out, err)) return err_prefix(err, "%s", what);
    if (out->tag != tag)
        return err_set(err, "%s: tag %X where %X belongs", what, (unsigned)out->tag, (unsigned)tag);
    return 0;
}

/* ------------------------------------------------------------ writing */

size_t chip_tlv_header(uint32_t tag, size_t len, uint8_t out[8]) {
    size_t n = 0;
    if (tag > 0xFFFF) out[n++] = (uint8_t)(tag >> 16);
    if (tag > 0xFF) out[n++] = (uint8_t)(tag >> 8);
    out[n++] = (uint8_t)tag;
    if (len < 0x80) {
        out[n++] = (uint8_t)len;
    } else {
        int k = len <= 0xFF ? 1 : len <= 0xFFFF ? 2 : 3;
        out[n++] = (uint8_t)(0x80 | k);
        for (int i = k - 1; i >= 0; i--)
            out[n++] = (uint8_t)(len >> (8 * i));
    }
    return n;
}

/* Room for n more bytes. */
static int grow(chip_buf *b, size_t n) {
    if (b->failed) return -1;
    if (n > ((size_t)16 << 20) - b->len) return b->failed = 1, -1; /* a file under 16 MiB */
    if (b->len + n <= b->cap) return 0;
    size_t cap = b->cap ? b->cap : 256;
    while (cap < b->len + n)
        cap *= 2;
    uint8_t *p = realloc(b->p, cap);
    if (!p) return b->failed = 1, -1;
    b->p = p, b->cap = cap;
    return 0;
}

void cbuf_put(chip_buf *b, const void *p, size_t n) {
    if (n == 0 || grow(b, n)) return;
    memcpy(b->p + b->len, p, n);
    b->len += n;
}

void cbuf_u8(chip_buf *b, unsigned v) {
    uint8_t c = (uint8_t)v;
    cbuf_put(b, &c, 1);
}

void cbuf_be(chip_buf *b, uint64_t v, int bytes) {
    for (int i = bytes - 1; i >= 0; i--)
        cbuf_u8(b, (unsigned)(v >> (8 * i)) & 0xFFu);
}

void cbuf_tlv(chip_buf *b, uint32_t tag, const void *v, size_t n) {
    uint8_t h[8];
    cbuf_put(b, h, chip_tlv_header(tag, n, h));
    cbuf_put(b, v, n);
}

void cbuf_wrap(chip_buf *b, size_t from, uint32_t tag) {
    if (b->failed || from > b->len) return;
    uint8_t h[8];
    size_t hn = chip_tlv_header(tag, b->len - from, h);
    if (grow(b, hn)) return;
    memmove(b->p + from + hn, b->p + from, b->len - from);
    memcpy(b->p + from, h, hn);
    b->len += hn;
}

int cbuf_finish(chip_buf *b, chip_bytes *out, const char *what, bl_err *err) {
    out->data = NULL, out->len = 0;
    if (b->failed || !b->p) {
        free(b->p);
        memset(b, 0, sizeof *b);
        return err_setc(err, BL_E_NOMEM, "%s: out of memory (or over 16 MiB)", what);
    }
    out->data = b->p, out->len = b->len;
    memset(b, 0, sizeof *b);
    return 0;
}
