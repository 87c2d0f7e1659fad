/* fuzz_region.c - libFuzzer entry for the capture region-file reader
 * (capture_regions_parse): any bytes must give 0 or -1 with a message, never
 * a crash, a leak or an out-of-bounds read. */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "capture.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    static capture_regions r; /* large: keep it off the fuzzer's stack */
    bl_err err = {0};
    int rc = capture_regions_parse(&r, (const char *)data, size, "fuzz", &err);
    if (rc != 0 && err.msg[0] == '\0') __builtin_trap(); /* a failure must say why */
    if (rc == 0)
        for (int i = 0; i < r.n_defects; i++)
            if (r.defects[i].w < 1 || r.defects[i].h < 1) __builtin_trap();
    return 0;
}
