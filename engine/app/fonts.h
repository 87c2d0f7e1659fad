/* fonts.h - where the fonts documents and the desk are printed with come
 * from: Debian's font packages, or the folder BORDERLAB_FONT_DIR names.
 *
 * The one place that knows font file paths and package names, and the one
 * place that reads BORDERLAB_FONT_DIR; every command loads its fonts here
 * and passes them down (the core only takes paths). */
#ifndef BL_FONTS_H
#define BL_FONTS_H

#include "doc.h"

/* Loads the four fonts; a missing one is named with the Debian package that
 * installs it (BL_E_IO). */
int fonts_load(doc_fonts *f, bl_err *err);

#endif
