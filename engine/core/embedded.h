/* embedded.h - files built into the binary (cmake/embed.cmake).
 *
 * Each embedded folder becomes a table of {name, text} rows sorted by file
 * name and ended by {NULL, NULL}; the build generates gen/<table>.h, which
 * declares the table with this type, and gen/<table>.c, which defines it. */
#ifndef BL_EMBEDDED_H
#define BL_EMBEDDED_H

typedef struct bl_embedded {
    const char *name; /* the file's name without folder or extension */
    const char *text; /* its bytes, NUL-terminated */
} bl_embedded;

#endif
