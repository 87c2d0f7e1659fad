/* border.h - beyond the first-line desk: what the systems panel shows of a
 * scenario's traveler (the API line, the PNR and its risk rules, what each
 * database check answers, the civil registry), made the same way for the
 * desk and for scoring, so a replay shows the same.
 *
 * The records a scenario puts in the databases (scn_check) are made into
 * full records here (border_record): a document's record carries the
 * document's number and its holder's names, a record about someone else
 * the names the scenario gives them (another spelling, another script) and
 * a birth date of their own.
 */
#ifndef BL_BORDER_H
#define BL_BORDER_H

#include "checks.h"
#include "desk.h"
#include "doc.h"
#include "face.h"
#include "scenario.h"

/* Fills the panel's contents for scenario s whose first document's holder
 * (as printed) is h (NULL: the traveler has no document). The document's
 * fields (in->doc, trav_*) are the caller's. */
/* Records of other people and documents the desk's databases hold besides
 * the scenario's own. */
#define BORDER_BACKGROUND 4000

/* The state whose border the desk is: Utopia's. */
#define BORDER_STATE "UTO"

int border_sys_info(const scenario *s, const doc_holder *h, desk_sys_info *in, bl_err *err);

/* The face in the photo of check i's record when it is about someone else. */
void border_other_face(const scenario *s, int i, face_params *out);

/* The scenario's records a search with the traveler's document would not
 * find (bit per check): a name spelled too far from the document's, a
 * record with nothing to match. What `borderlab check` reports. */
unsigned border_records_missing(const scenario *s, bl_err *err);

/* What scoring needs of the pre-arrival data: whether the airline's API
 * line names another document than the one presented (a swap), how many of
 * the PNR's risk rules hit, whether the traveler has API data at all. */
int border_api_swapped(const scenario *s);
int border_pnr_rule_hits(const scenario *s);
int border_has_api(const scenario *s);

/* "a b" into out (b alone when a is empty), cut to fit on a whole UTF-8
 * character, as a record's field cuts a long name. */
void border_join(char *out, size_t cap, const char *a, const char *b);

#endif
