/* pack.h - a set of scenarios turned into a desk session: the built-in pack
 * (the Lua files of scenarios/, embedded at build time) or files named on the command line.
 *
 * A pack is large (about 900 KB: one scenario struct per traveler), so it
 * lives on the heap: the command that uses one makes it with pack_create and
 * ends it with pack_destroy on every path. */
#ifndef BL_PACK_H
#define BL_PACK_H

#include <stdio.h>

#include "desk.h"
#include "scenario.h"
#include "scn_load.h"

#define PACK_MAX DESK_MAX_TRAVELERS

typedef struct pack {
    int n;
    scenario scn[PACK_MAX];
    scn_runtime *rt[PACK_MAX];
    char *source[PACK_MAX]; /* file path (for --watch) or NULL for built-ins */
    desk_session session;
} pack;

/* An empty pack on the heap; NULL with err set (BL_E_NOMEM) when out of memory. */
pack *pack_create(bl_err *err);
/* Releases what the pack holds and the pack itself; NULL is fine. */
void pack_destroy(pack *p);

/* Prints "file:line: message" (control characters cleaned: err_clean). */
void pack_print_problem_to(FILE *out, const char *file, int line, const char *msg);
/* A scn_report_fn that prints "file:line: message" on stderr. */
void pack_print_problem(void *ud, const char *file, int line, const char *msg);

/* Loads the built-in pack (n == 0 when the binary has none). Problems are
 * printed as file:line: message; returns -1 when any scenario fails. */
int pack_load_builtin(pack *p, bl_err *err);
/* Loads scenario files in order. */
int pack_load_files(pack *p, char **paths, int n, bl_err *err);
/* The same from texts already read (an exam runs exactly the bytes whose
 * signature it checked); texts NULL: read the files. */
int pack_load_texts(pack *p, char **paths, const char *const *texts, const size_t *lens, int n,
                    bl_err *err);
/* Reloads scenario i from its file (--watch); on failure keeps the old one. */
int pack_reload(pack *p, int i, bl_err *err);
/* Takes the tutorials (scenario tutorial = true) out of the pack, keeping
 * the others' order: a desk that records results (an exam, a journal) never
 * holds one, since a tutorial never counts. Returns how many were taken. */
int pack_drop_tutorials(pack *p);
/* Releases the scenarios a pack holds and leaves it empty (the pack itself stays). */
void pack_free(pack *p);

/* Overrides the MRZ reader for every traveler's session (-1: leave). */
void pack_set_mrz_reader(pack *p, int on);

/* Fills the traveler's per-language string tables for the desk's language
 * order (langs[i] is "en", "fr", "ar" ...). */
void pack_bind_languages(pack *p, const char *const *langs, int n);

#endif
