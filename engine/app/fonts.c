/* fonts.c - see fonts.h */
#include "fonts.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const struct {
    const char *path, *package;
} font_files[DOC_FONTS] = {
    [DOC_FONT_SANS] = {"/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", "fonts-dejavu-core"},
    [DOC_FONT_SANS_BOLD] = {"/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
                            "fonts-dejavu-core"},
    [DOC_FONT_OCRB] = {"/usr/share/fonts/opentype/ocr-b/OCRB.otf", "fonts-ocr-b"},
    [DOC_FONT_ARABIC] = {"/usr/share/fonts/truetype/noto/NotoNaskhArabic-Regular.ttf",
                         "fonts-noto-core"},
};

int fonts_load(doc_fonts *f, bl_err *err) {
    /* a folder of the same files (a test's, or an academy's without the packages) */
    const char *dir = getenv("BORDERLAB_FONT_DIR");
    char buf[DOC_FONTS][1024];
    const char *paths[DOC_FONTS];
    for (int i = 0; i < DOC_FONTS; i++) {
        const char *base = strrchr(font_files[i].path, '/') + 1;
        if (dir && *dir)
            snprintf(buf[i], sizeof buf[i], "%s/%s", dir, base);
        else
            snprintf(buf[i], sizeof buf[i], "%s", font_files[i].path);
        paths[i] = buf[i];
    }
    int bad = 0;
    if (doc_fonts_load(f, paths, &bad, err) == 0) return 0;
    /* name the package that brings the missing one */
    return err_prefix(err, "install the Debian package %s (scripts/run does)%s",
                      font_files[bad].package, dir && *dir ? ", or mend BORDERLAB_FONT_DIR" : "");
}
