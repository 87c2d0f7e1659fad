/* test_fonts.h - the fonts the unit tests print documents with: Debian's
 * packages, where engine/app/fonts.c finds them for the real commands (the
 * core takes paths only). */
#ifndef BL_TEST_FONTS_H
#define BL_TEST_FONTS_H

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

#endif
