/* fuzz_chip.c - libFuzzer entry point for the chip reader (chip.h): what a
 * desk does with a defective or hostile chip.
 *
 * One input is read two ways:
 *   1. whole, by every file parser (TLV, EF.COM, DG1, DG2, DG3, the LDS
 *      security object): each either succeeds or fails with a message;
 *   2. as a chip: five files, each given as a 2-byte big-endian length then
 *      its bytes (EF.COM, DG1, DG2, DG3, EF.SOD; the last takes what is
 *      left), passed to chip_verify against the built-in master list.
 * It traps when a property that must hold for every input does not:
 *   - a TLV read lies inside the input;
 *   - a DG1 that decodes encodes again to the same MRZ (and bytes, unless
 *     the read one carried bytes after its MRZ);
 *   - chip_verify never calls a chip with a failed check authentic, and
 *     gives at most CHIP_MAX_REASONS terminated reasons.
 * Seeds: tests/fuzz/corpus/chip/ (the files of rendered chips, each defect,
 * packed; some cut or flipped).
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "chip.h"

#define CHECK(cond)                                                                                \
    do {                                                                                           \
        if (!(cond)) __builtin_trap();                                                             \
    } while (0)

static void parse_all(const uint8_t *p, size_t n) {
    bl_err err;
    chip_tlv t;
    if (chip_tlv_read(p, n, &t, &err) == 0)
        CHECK(t.total <= n && t.value >= p && t.value + t.len == p + t.total);
    int dgs[CHIP_MAX_DG], k;
    if (chip_com_decode(p, n, dgs, &k, &err) == 0) CHECK(k >= 0 && k <= CHIP_MAX_DG);
    char mrz[3][48];
    if (chip_dg1_decode(p, n, mrz, &k, &err) == 0) {
        chip_bytes again = {0};
        char back[3][48];
        int kb = 0;
        CHECK(chip_dg1_encode((const char(*)[48])mrz, k, &again, &err) == 0);
        CHECK(chip_dg1_decode(again.data, again.len, back, &kb, &err) == 0 && kb == k);
        for (int i = 0; i < k; i++)
            CHECK(strcmp(back[i], mrz[i]) == 0);
        /* what was read is what is written, but for bytes after the MRZ inside DG1 */
        CHECK(again.len > n || memcmp(again.data + 2, p + 2, again.len - 2) == 0 ||
              p[1] != again.data[1]);
        chip_bytes_free(&again);
    }
    bl_image img;
    if (chip_dg2_decode(p, n, &img, &err) == 0) image_deinit(&img);
    chip_finger_image f[CHIP_MAX_FINGERS];
    if (chip_dg3_decode(p, n, f, &k, &err) == 0)
        for (int i = 0; i < k; i++)
            chip_finger_image_free(&f[i]);
    chip_dg_hash h[CHIP_MAX_DG];
    if (chip_lds_so_decode(p, n, h, &k, &err) == 0) CHECK(k >= 2 && k <= CHIP_MAX_DG);
}

/* The next file of a packed chip: a 2-byte length, then its bytes (cut at the end). */
static void take(const uint8_t **p, size_t *n, chip_bytes *out, int last) {
    size_t len = *n;
    if (!last && *n >= 2) {
        len = (size_t)(*p)[0] << 8 | (*p)[1];
        *p += 2, *n -= 2;
        if (len > *n) len = *n;
    } else if (!last) {
        len = 0;
    }
    out->data = len ? malloc(len) : NULL;
    out->len = out->data ? len : 0;
    if (out->data) memcpy(out->data, *p, len);
    *p += len, *n -= len;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    static chip_trust *trust; /* built once: deriving the keys is the slow part */
    const bl_date today = {2026, 6, 1};
    if (!trust) {
        trust = chip_trust_create(today, NULL);
        if (!trust || chip_trust_add_builtin(trust, NULL)) __builtin_trap();
    }
    parse_all(data, size);

    chip c = {0};
    c.answers = 1, c.aa_key = 1;
    chip_bytes *files[5] = {&c.com, &c.dg1, &c.dg2, &c.dg3, &c.sod};
    const uint8_t *p = data;
    size_t n = size;
    for (int i = 0; i < 5; i++)
        take(&p, &n, files[i], i == 4);
    chip_result r;
    bl_err err;
    CHECK(chip_verify(&c, trust, today, &r, &err) == 0);
    CHECK(r.n_reasons >= 0 && r.n_reasons <= CHIP_MAX_REASONS);
    for (int i = 0; i < r.n_reasons; i++)
        CHECK(memchr(r.reasons[i], '\0', sizeof r.reasons[i]) != NULL);
    if (r.verdict == CHIP_VERDICT_AUTHENTIC)
        CHECK(r.read == CHIP_CHECK_PASSED && r.hashes == CHIP_CHECK_PASSED &&
              r.signature == CHIP_CHECK_PASSED && r.chain == CHIP_CHECK_PASSED && r.n_reasons == 0);
    CHECK(r.mrz_lines == 0 || r.mrz_lines == 2 || r.mrz_lines == 3);
    chip_deinit(&c);
    return 0;
}
