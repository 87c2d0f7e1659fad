/* test_fonts.h - the fonts the unit tests print documents with: Debian's
 * packages, where engine/app/fonts.c finds them for the real commands (the
 * core takes paths only). */
#ifndef BL_TEST_FONTS_H
#define BL_TEST_FONTS_H

#include <stdio.h>
#include <stdlib.h>

#include "doc.h"

static inline int test_fonts_load(doc_fonts *f, bl_err *err) {
    static const char *const paths[DOC_FONTS] = {
        "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
        "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
        "/usr/share/fonts/opentype/ocr-b/OCRB.otf",
        "/usr/share/fonts/truetype/noto/NotoNaskhArabic-Regular.ttf",
    };
    return doc_fonts_load(f, paths, NULL, err);
}

/* The fixture of the tests that build documents: the fonts, loaded once for
 * the group (cmocka's group setup and teardown). */
typedef struct fonts_fixture {
    doc_fonts fonts;
} fonts_fixture;

static inline int test_fonts_setup(void **state) {
    fonts_fixture *f = calloc(1, sizeof *f);
    bl_err err = {0};
    if (!f || test_fonts_load(&f->fonts, &err)) {
        fprintf(stderr, "setup: %s\n", err.msg);
        free(f);
        return -1;
    }
    *state = f;
    return 0;
}

static inline int test_fonts_teardown(void **state) {
    fonts_fixture *f = *state;
    doc_fonts_unload(&f->fonts);
    free(f);
    return 0;
}

#endif
