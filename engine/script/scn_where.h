/* scn_where.h - where each field of a scenario or session file is written.
 *
 * The loader reads a file's tables from Lua, which keeps no line for a table
 * or a field; a problem must still be reported at the line that holds it.
 * This index walks the file's own table constructor (`scenario { ... }` or
 * `session { ... }`) with a Lua tokenizer (strings, long strings, comments,
 * nested functions skipped as Lua reads them) and records the line of every
 * field by its path, the way the loader names fields in its messages:
 *
 *   expected                the line of "expected = {"
 *   expected.decision       the line of "decision = ..." inside it
 *   questions[3].answer[1]  the first rule of the third question
 *   strings.en["q.purpose"] a key written in brackets
 *
 * A table the file builds at run time (in a loop, from a function) has no
 * written fields: asking for one gives the line of its nearest written
 * ancestor. Internal to engine/script.
 */
#ifndef BL_SCN_WHERE_H
#define BL_SCN_WHERE_H

#include <stddef.h>

typedef struct scn_where scn_where;

/* Indexes a source text; NULL when out of memory (lines are then unknown). */
scn_where *scn_where_index(const char *code, size_t len);
void scn_where_free(scn_where *w);

/* The line of a path, or of its nearest written ancestor; 0 when none is
 * written (or w is NULL). */
int scn_where_line(const scn_where *w, const char *path);

/* Whether the path itself is written in the file. */
int scn_where_has(const scn_where *w, const char *path);

#endif
