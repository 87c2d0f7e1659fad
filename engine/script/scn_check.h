/* scn_check.h - the rules a read scenario must follow (internal to engine/script).
 *
 * scn_load reads a scenario file into ld->s, checking each field's shape, then
 * calls scn_check for the rules that tie the fields together (see
 * scn_check.c's tables). Every broken rule is reported through rd_problem (at
 * the line of the word it is about) and counted in ld->problems.
 */
#ifndef BL_SCN_CHECK_H
#define BL_SCN_CHECK_H

#include "doc.h"
#include "scn_read.h"

/* Reports every rule ld->s breaks, rule by rule in a fixed order (what the
 * script's worker checks, next to the Lua state: ld->L may be read). */
void scn_check_rules(loader *ld);

/* Then, in the caller's process (ld->L is NULL, ld->s holds the scenario the
 * worker read): with fonts (`deep`, not NULL) builds every document once to
 * prove its defects apply to its template; last, the strings a declared
 * language lacks. */
void scn_check_finish(loader *ld, const doc_fonts *deep);

#endif
