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

/* Reports every rule ld->s breaks, rule by rule in a fixed order; with fonts
 * (`deep`, not NULL) also builds every document once to prove its defects
 * apply to its template; last, the strings a declared language lacks. */
void scn_check(loader *ld, const doc_fonts *deep);

#endif
