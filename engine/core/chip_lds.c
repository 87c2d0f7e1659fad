/* chip_lds.c - the chip's files as ICAO Doc 9303 Part 10 encodes them:
 * EF.COM, DG1 (the MRZ), DG2 (the face: an ISO/IEC 19794-5:2005 facial
 * record wrapping a JPEG) and DG3 (fingers: ISO/IEC 19794-4:2005 finger
 * image records), each inside the biometric information templates of
 * ISO/IEC 7816-11 (7F61 group > 7F60 template > A1 header + 5F2E data).
 * Parsers check every length against what is left, since a defective chip
 * may say anything. See chip.h. */
#include <stdlib.h>
#include <string.h>

#include <stb_image_write.h>

#include "chip_int.h"

/* Data group number -> its file's tag (Doc 9303 Part 10 table 34). */
static const uint8_t dg_tags[CHIP_MAX_DG + 1] = {0,    0x61, 0x75, 0x63, 0x76, 0x65,
                                                 0x66, 0x67, 0x68, 0x69, 0x6A, 0x6B,
                                                 0x6C, 0x6D, 0x6E, 0x6F, 0x70};

/* The biometric header template's fixed elements (ISO/IEC 7816-11, CBEFF):
 * format owner 0101 (ISO/IEC JTC 1/SC 37), format type 0008 face, 0007 finger. */
#define BIO_TYPE_FACE   0x02
#define BIO_TYPE_FINGER 0x08

/* ------------------------------------------------------------ EF.COM */

int chip_com_encode(const int *dgs, int n, chip_bytes *out, bl_err *err) {
    chip_buf b = {0};
    uint8_t tags[CHIP_MAX_DG];
    if (n < 0 || n > CHIP_MAX_DG) return err_set(err, "EF.COM: %d data groups (0..16)", n);
    for (int i = 0; i < n; i++) {
        if (dgs[i] < 1 || dgs[i] > CHIP_MAX_DG)
            return err_set(err, "EF.COM: no data group %d (1..16)", dgs[i]);
        tags[i] = dg_tags[dgs[i]];
    }
    cbuf_tlv(&b, 0x5F01, "0107", 4);   /* LDS version 1.7 */
    cbuf_tlv(&b, 0x5F36, "040000", 6); /* Unicode version 4.0.0 */
    cbuf_tlv(&b, 0x5C, tags, (size_t)n);
    cbuf_wrap(&b, 0, 0x60);
    return cbuf_finish(&b, out, "EF.COM", err);
}

int chip_com_decode(const uint8_t *p, size_t len, int dgs[CHIP_MAX_DG], int *n, bl_err *err) {
    chip_tlv com, t;
    *n = 0;
    if (chip_tlv_expect(p, len, 0x60, "EF.COM", &com, err)) return -1;
    for (size_t at = 0; at < com.len; at += t.total) {
        if (chip_tlv_read(com.value + at, com.len - at, &t, err))
            return err_prefix(err, "EF.COM at byte %zu", at);
        if (t.tag != 0x5C) continue; /* the versions: not needed to read the chip */
        for (size_t i = 0; i < t.len; i++) {
            int dg = 0;
            for (int k = 1; k <= CHIP_MAX_DG && !dg; k++)
                if (dg_tags[k] == t.value[i]) dg = k;
            if (!dg) return err_set(err, "EF.COM: tag list names %02X, no data group", t.value[i]);
            if (*n >= CHIP_MAX_DG) return err_set(err, "EF.COM: more than 16 data groups");
            dgs[(*n)++] = dg;
        }
        return 0;
    }
    return err_set(err, "EF.COM: no tag list (5C)");
}

/* ------------------------------------------------------------ DG1 */

static int mrz_char(uint8_t c) {
    return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '<';
}

/* The line length of an MRZ of n lines whose characters number total; 0 if none. */
static int line_len(int n, size_t total) {
    if (n == 3 && total == 90) return 30;
    if (n == 2 && (total == 72 || total == 88)) return (int)total / 2;
    return 0;
}

/* A line's length, looking at no more than its 48 bytes. */
static size_t line_chars(const char *s) {
    const char *z = memchr(s, '\0', 48);
    return z ? (size_t)(z - s) : 48;
}

int chip_dg1_encode(const char mrz[][48], int n_lines, chip_bytes *out, bl_err *err) {
    char all[3 * 44];
    size_t total = 0;
    if (n_lines < 2 || n_lines > 3) return err_set(err, "DG1: %d MRZ lines (2 or 3)", n_lines);
    for (int i = 0; i < n_lines; i++) {
        size_t l = line_chars(mrz[i]);
        if (l > 44) return err_set(err, "DG1: MRZ line %d is %zu characters long", i + 1, l);
        memcpy(all + total, mrz[i], l);
        total += l;
    }
    int ll = line_len(n_lines, total);
    for (int i = 0; i < n_lines; i++)
        if (!ll || line_chars(mrz[i]) != (size_t)ll)
            return err_set(err, "DG1: MRZ lines of unequal or unknown length (%zu characters)",
                           total);
    for (size_t i = 0; i < total; i++)
        if (!mrz_char((uint8_t)all[i]))
            return err_set(err, "DG1: MRZ character %zu is not A-Z, 0-9 or <", i + 1);
    chip_buf b = {0};
    cbuf_tlv(&b, 0x5F1F, all, total);
    cbuf_wrap(&b, 0, 0x61);
    return cbuf_finish(&b, out, "DG1", err);
}

int chip_dg1_decode(const uint8_t *p, size_t len, char mrz[3][48], int *n_lines, bl_err *err) {
    chip_tlv dg, m;
    *n_lines = 0;
    memset(mrz, 0, 3 * 48);
    if (chip_tlv_expect(p, len, 0x61, "DG1", &dg, err) ||
        chip_tlv_expect(dg.value, dg.len, 0x5F1F, "DG1 MRZ", &m, err))
        return -1;
    int n = m.len == 90 ? 3 : 2, ll = line_len(n, m.len);
    if (!ll) return err_set(err, "DG1: an MRZ of %zu characters (90, 72 or 88)", m.len);
    for (size_t i = 0; i < m.len; i++)
        if (!mrz_char(m.value[i]))
            return err_set(err, "DG1: MRZ character %zu is byte %02X, not A-Z, 0-9 or <", i + 1,
                           m.value[i]);
    for (int i = 0; i < n; i++)
        memcpy(mrz[i], m.value + (size_t)i * (size_t)ll, (size_t)ll);
    *n_lines = n;
    return 0;
}

/* ------------------------------------------------------------ JPEG out */

static void jpeg_sink(void *ctx, void *data, int size) {
    if (size > 0) cbuf_put(ctx, data, (size_t)size);
}

/* JPEG of an 8-bit image of `comp` channels (1 grey, 3 RGB), stb's encoder. */
static int jpeg_encode(const uint8_t *px, int w, int h, int comp, chip_buf *jpg, bl_err *err) {
    if (!stbi_write_jpg_to_func(jpeg_sink, jpg, w, h, comp, px, 90) || jpg->failed) {
        free(jpg->p);
        memset(jpg, 0, sizeof *jpg);
        return err_set(err, "JPEG encoding of a %dx%d image failed", w, h);
    }
    return 0;
}

/* ------------------------------------------------------------ biometric templates */

/* A biometric information template 7F60 { A1 header, 5F2E record } appended to b. */
static void put_bit(chip_buf *b, int type, int subtype, const chip_buf *record) {
    size_t start = b->len;
    size_t hdr = b->len;
    if (type == BIO_TYPE_FACE) cbuf_tlv(b, 0x80, "\x01\x01", 2); /* ICAO header version 1.1 */
    cbuf_tlv(b, 0x81, (uint8_t[]){(uint8_t)type}, 1);
    if (subtype) cbuf_tlv(b, 0x82, (uint8_t[]){(uint8_t)subtype}, 1);
    cbuf_tlv(b, 0x87, "\x01\x01", 2); /* format owner: ISO/IEC JTC 1/SC 37 */
    cbuf_tlv(b, 0x88, type == BIO_TYPE_FACE ? "\x00\x08" : "\x00\x07", 2);
    cbuf_wrap(b, hdr, 0xA1);
    cbuf_tlv(b, 0x5F2E, record->p, record->len);
    cbuf_wrap(b, start, 0x7F60);
}

/* The records of the group template inside a DG (75 or 63): up to max 5F2E
 * values, in order. The number of instances (02) must match what follows. */
static int read_group(const uint8_t *p, size_t len, uint32_t dg_tag, const char *what,
                      chip_tlv recs[], int max, int *n, bl_err *err) {
    chip_tlv dg, grp, cnt, bit, t;
    *n = 0;
    if (chip_tlv_expect(p, len, dg_tag, what, &dg, err) ||
        chip_tlv_expect(dg.value, dg.len, 0x7F61, what, &grp, err) ||
        chip_tlv_expect(grp.value, grp.len, 0x02, what, &cnt, err))
        return -1;
    if (cnt.len != 1) return err_set(err, "%s: number of instances takes %zu bytes", what, cnt.len);
    int count = cnt.value[0];
    if (count > max) return err_set(err, "%s: %d instances (at most %d)", what, count, max);
    size_t at = cnt.total;
    for (int i = 0; i < count; i++) {
        if (chip_tlv_expect(grp.value + at, grp.len - at, 0x7F60, what, &bit, err))
            return err_prefix(err, "instance %d of %d", i + 1, count);
        at += bit.total;
        int found = 0;
        for (size_t k = 0; k < bit.len && !found; k += t.total) {
            if (chip_tlv_read(bit.value + k, bit.len - k, &t, err))
                return err_prefix(err, "%s instance %d", what, i + 1);
            if (t.tag == 0x5F2E) recs[(*n)++] = t, found = 1;
            if (t.tag == 0x7F2E)
                return err_set(err, "%s: instance %d is enciphered (7F2E), not readable", what,
                               i + 1);
        }
        if (!found)
            return err_set(err, "%s: instance %d has no biometric data (5F2E)", what, i + 1);
    }
    return 0;
}

static uint32_t be(const uint8_t *p, int n) {
    uint32_t v = 0;
    for (int i = 0; i < n; i++)
        v = (v << 8) | p[i];
    return v;
}

/* ------------------------------------------------------------ DG2 */

/* ISO/IEC 19794-5 gender code of an ICAO sex. */
static unsigned gender_code(const char *sex) {
    if (sex && sex[0] == 'M') return 1;
    if (sex && sex[0] == 'F') return 2;
    return 0; /* unspecified */
}

/* The 19794-5 facial record: header, one facial record data block. */
static void put_face_record(chip_buf *r, const chip_buf *jpg, int w, int h, const char *sex) {
    size_t block = 20 + 12 + jpg->len; /* facial information, image information, image */
    cbuf_put(r,
             "FAC\0"
             "010\0",
             8);
    cbuf_be(r, 14 + block, 4);
    cbuf_be(r, 1, 2);     /* one image */
    cbuf_be(r, block, 4); /* facial information block */
    cbuf_be(r, 0, 2);     /* no feature points */
    cbuf_u8(r, gender_code(sex));
    cbuf_u8(r, 0);    /* eye colour unspecified */
    cbuf_u8(r, 0);    /* hair colour unspecified */
    cbuf_be(r, 0, 3); /* feature mask */
    cbuf_be(r, 1, 2); /* expression: neutral */
    cbuf_be(r, 0, 6); /* pose angles and their uncertainty: frontal */
    cbuf_u8(r, 1);    /* image information: full frontal */
    cbuf_u8(r, 0);    /* JPEG */
    cbuf_be(r, (uint64_t)w, 2);
    cbuf_be(r, (uint64_t)h, 2);
    cbuf_u8(r, 1);    /* 24-bit RGB */
    cbuf_u8(r, 3);    /* static photograph from a digital still camera */
    cbuf_be(r, 0, 2); /* device type */
    cbuf_be(r, 0, 2); /* quality unspecified */
    cbuf_put(r, jpg->p, jpg->len);
}

int chip_dg2_encode(const bl_image *portrait, const char *sex, chip_bytes *out, bl_err *err) {
    int w = portrait ? portrait->w : 0, h = portrait ? portrait->h : 0;
    if (w < 8 || h < 8 || w > 1024 || h > 1024 || !portrait->px)
        return err_set(err, "DG2: a portrait of %dx%d pixels (8..1024 each)", w, h);
    uint8_t *rgb = malloc((size_t)w * (size_t)h * 3);
    if (!rgb) return err_setc(err, BL_E_NOMEM, "DG2: out of memory");
    for (size_t i = 0; i < (size_t)w * (size_t)h; i++)
        memcpy(rgb + i * 3, portrait->px + i * 4, 3);
    chip_buf jpg = {0}, rec = {0}, b = {0};
    int rc = jpeg_encode(rgb, w, h, 3, &jpg, err);
    free(rgb);
    if (rc) return err_prefix(err, "DG2");
    put_face_record(&rec, &jpg, w, h, sex);
    cbuf_tlv(&b, 0x02, "\x01", 1); /* one instance */
    put_bit(&b, BIO_TYPE_FACE, 0, &rec);
    cbuf_wrap(&b, 0, 0x7F61);
    cbuf_wrap(&b, 0, 0x75);
    if (rec.failed) b.failed = 1;
    free(jpg.p);
    free(rec.p);
    return cbuf_finish(&b, out, "DG2", err);
}

int chip_dg2_jpeg(const uint8_t *p, size_t len, const uint8_t **jpeg, size_t *jpeg_len, int *w,
                  int *h, bl_err *err) {
    chip_tlv rec[4]; /* the first face is the one read */
    int n;
    *jpeg = NULL, *jpeg_len = 0, *w = *h = 0;
    if (read_group(p, len, 0x75, "DG2", rec, 4, &n, err)) return -1;
    if (n < 1) return err_set(err, "DG2: no face");
    const uint8_t *r = rec[0].value;
    size_t rl = rec[0].len;
    if (rl < 14 + 20 + 12 || memcmp(r, "FAC\0", 4))
        return err_set(err, "DG2: not an ISO/IEC 19794-5 facial record (no FAC header)");
    if (memcmp(r + 4, "010\0", 4))
        return err_set(err, "DG2: facial record version %.3s (010 is read)", (const char *)r + 4);
    uint32_t total = be(r + 8, 4), images = be(r + 12, 2), block = be(r + 14, 4);
    uint32_t points = be(r + 18, 2);
    if (total > rl || total < 14 + 20 + 12 || images < 1)
        return err_set(err, "DG2: facial record of %u bytes and %u images in %zu bytes",
                       (unsigned)total, (unsigned)images, rl);
    size_t info = 14 + 20 + (size_t)points * 8; /* the image information block */
    if (block > total - 14 || info + 12 > 14 + (size_t)block)
        return err_set(err, "DG2: facial record data block of %u bytes does not fit",
                       (unsigned)block);
    if (r[info + 1] != 0)
        return err_set(err, "DG2: image data type %u (0, JPEG, is read; 1 is JPEG 2000)",
                       r[info + 1]);
    *w = (int)be(r + info + 2, 2), *h = (int)be(r + info + 4, 2);
    *jpeg = r + info + 12, *jpeg_len = 14 + (size_t)block - (info + 12);
    return 0;
}

int chip_dg2_decode(const uint8_t *p, size_t len, bl_image *img, bl_err *err) {
    const uint8_t *jpg;
    size_t jl;
    int w, h;
    memset(img, 0, sizeof *img);
    if (chip_dg2_jpeg(p, len, &jpg, &jl, &w, &h, err)) return -1;
    if (image_load_mem(img, jpg, jl, "DG2 portrait", err)) return err_prefix(err, "DG2");
    if (img->w != w || img->h != h) {
        int iw = img->w, ih = img->h;
        image_deinit(img);
        return err_set(err, "DG2: the JPEG is %dx%d, its record says %dx%d", iw, ih, w, h);
    }
    return 0;
}

/* ------------------------------------------------------------ DG3 */

/* CBEFF biometric subtype of a finger position: right/left, then which finger. */
static int finger_subtype(int pos) {
    static const uint8_t finger[5] = {0x04, 0x08, 0x0C, 0x10, 0x14}; /* thumb .. little */
    return (pos <= 5 ? 0x01 : 0x02) | finger[(pos - 1) % 5];
}

/* The 19794-4 finger image record of one finger (general header, one view). */
static void put_finger_record(chip_buf *r, const chip_finger *f, const chip_buf *jpg) {
    size_t view = 14 + jpg->len;
    cbuf_put(r,
             "FIR\0"
             "010\0",
             8);
    cbuf_be(r, 32 + view, 6);
    cbuf_be(r, 0, 2);  /* capture device unreported */
    cbuf_be(r, 31, 2); /* image acquisition level 31: 500 ppi */
    cbuf_u8(r, 1);     /* one finger */
    cbuf_u8(r, 1);     /* scale units: pixels per inch */
    for (int i = 0; i < 4; i++)
        cbuf_be(r, 500, 2); /* scan and image resolution, horizontal and vertical */
    cbuf_u8(r, 8);          /* bits per pixel */
    cbuf_u8(r, 3);          /* compression: JPEG */
    cbuf_be(r, 0, 2);
    cbuf_be(r, view, 4); /* finger image header */
    cbuf_u8(r, (unsigned)f->position);
    cbuf_u8(r, 1); /* one view */
    cbuf_u8(r, 1); /* view 1 */
    cbuf_u8(r, (unsigned)f->quality);
    cbuf_u8(r, 0); /* live-scan plain impression */
    cbuf_be(r, (uint64_t)f->w, 2);
    cbuf_be(r, (uint64_t)f->h, 2);
    cbuf_u8(r, 0);
    cbuf_put(r, jpg->p, jpg->len);
}

static int check_finger(const chip_finger *f, int i, bl_err *err) {
    if (f->position < 1 || f->position > 10)
        return err_set(err, "DG3: finger %d: position %d (1..10)", i + 1, f->position);
    if (f->w < 16 || f->h < 16 || f->w > 2048 || f->h > 2048 || !f->gray)
        return err_set(err, "DG3: finger %d: %dx%d pixels (16..2048 each)", i + 1, f->w, f->h);
    if (f->quality < 0 || f->quality > 100)
        return err_set(err, "DG3: finger %d: quality %d (0..100)", i + 1, f->quality);
    return 0;
}

int chip_dg3_encode(const chip_finger *f, int n, chip_bytes *out, bl_err *err) {
    if (n < 0 || n > CHIP_MAX_FINGERS || (n && !f))
        return err_set(err, "DG3: %d fingers (0..%d)", n, CHIP_MAX_FINGERS);
    for (int i = 0; i < n; i++)
        if (check_finger(&f[i], i, err)) return -1;
    chip_buf b = {0};
    cbuf_tlv(&b, 0x02, (uint8_t[]){(uint8_t)n}, 1);
    for (int i = 0; i < n; i++) {
        chip_buf jpg = {0}, rec = {0};
        if (jpeg_encode(f[i].gray, f[i].w, f[i].h, 1, &jpg, err)) {
            free(b.p);
            return err_prefix(err, "DG3 finger %d", i + 1);
        }
        put_finger_record(&rec, &f[i], &jpg);
        put_bit(&b, BIO_TYPE_FINGER, finger_subtype(f[i].position), &rec);
        if (rec.failed) b.failed = 1;
        free(jpg.p);
        free(rec.p);
    }
    cbuf_wrap(&b, 0, 0x7F61);
    cbuf_wrap(&b, 0, 0x63);
    return cbuf_finish(&b, out, "DG3", err);
}

/* One 19794-4 record (one finger) into out. */
static int read_finger(const chip_tlv *rec, int i, chip_finger_image *out, bl_err *err) {
    const uint8_t *r = rec->value;
    size_t rl = rec->len;
    if (rl < 32 + 14 || memcmp(r, "FIR\0", 4) || memcmp(r + 4, "010\0", 4))
        return err_set(err, "DG3 finger %d: not an ISO/IEC 19794-4 (010) finger record", i + 1);
    if (r[18] < 1 || r[29] != 3)
        return err_set(err, "DG3 finger %d: %u views, compression %u (JPEG, 3, is read)", i + 1,
                       r[18], r[29]);
    uint32_t view = be(r + 32, 4);
    if (view < 14 || view > rl - 32)
        return err_set(err, "DG3 finger %d: a view of %u bytes in %zu", i + 1, (unsigned)view, rl);
    int w = (int)be(r + 41, 2), h = (int)be(r + 43, 2);
    bl_image img;
    if (image_load_mem(&img, r + 46, view - 14, "DG3 finger", err))
        return err_prefix(err, "DG3 finger %d", i + 1);
    if (img.w != w || img.h != h) {
        image_deinit(&img);
        return err_set(err, "DG3 finger %d: the JPEG's size is not the record's %dx%d", i + 1, w,
                       h);
    }
    out->position = r[36], out->quality = r[39], out->w = w, out->h = h;
    out->gray = malloc((size_t)w * (size_t)h);
    if (!out->gray) {
        image_deinit(&img);
        return err_setc(err, BL_E_NOMEM, "DG3: out of memory");
    }
    for (size_t k = 0; k < (size_t)w * (size_t)h; k++)
        out->gray[k] = img.px[k * 4]; /* a grey JPEG decodes to equal channels */
    image_deinit(&img);
    return 0;
}

int chip_dg3_decode(const uint8_t *p, size_t len, chip_finger_image out[CHIP_MAX_FINGERS], int *n,
                    bl_err *err) {
    chip_tlv recs[CHIP_MAX_FINGERS];
    int count;
    *n = 0;
    memset(out, 0, sizeof(chip_finger_image) * CHIP_MAX_FINGERS);
    if (read_group(p, len, 0x63, "DG3", recs, CHIP_MAX_FINGERS, &count, err)) return -1;
    for (int i = 0; i < count; i++)
        if (read_finger(&recs[i], i, &out[i], err)) {
            for (int k = 0; k < i; k++)
                chip_finger_image_free(&out[k]);
            return -1;
        }
    *n = count;
    return 0;
}

void chip_finger_image_free(chip_finger_image *f) {
    if (!f) return;
    free(f->gray);
    memset(f, 0, sizeof *f);
}
