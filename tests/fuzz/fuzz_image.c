/* fuzz_image.c - libFuzzer entry for the decoder of academies' images
 * (image_load_mem, what capture_load reads each light's file with): any
 * bytes give an image or -1 with a message, never a crash, a leak, an
 * out-of-bounds read, or memory beyond the stated bound. */
#include <stddef.h>
#include <stdint.h>

#include "image.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    bl_image img = {0, 0, NULL};
    bl_err err = {0};
    int rc = image_load_mem(&img, data, size, "fuzz", &err);
    if (rc != 0 && (err.msg[0] == '\0' || img.px))
        __builtin_trap(); /* fails say why, hold nothing */
    if (rc == 0 && (img.w < 1 || img.h < 1 || (uint64_t)img.w * img.h > IMAGE_MAX_DECODE_PIXELS))
        __builtin_trap();
    image_deinit(&img);
    return 0;
}
