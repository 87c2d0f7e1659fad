/* scn_docs.h - a scenario's documents as doc_build takes them.
 *
 * The one place that turns scenario document d into a doc_spec: its template,
 * seed and defects, the scenario's date, and (for the desk) the holder it
 * shows. Scoring builds its truth from it (score_truth_build), `borderlab
 * check` builds every document with it to prove each defect applies to its
 * template, and the desk can build what it shows with it, so the three agree
 * on what a scenario's documents are.
 *
 *     tpl t;
 *     doc_spec spec;
 *     if (scn_docs_spec(s, d, 72, &t, &spec, &err) != 0) return -1;
 *     matbuf mb;
 *     doc_truth *tr = malloc(sizeof *tr);
 *     if (doc_build(&spec, fonts, &mb, tr, &err) == 0) ...
 */
#ifndef BL_SCN_DOCS_H
#define BL_SCN_DOCS_H

#include "doc.h"
#include "err.h"
#include "scenario.h"
#include "tpl.h"

/* The doc_spec of scenario document d, a template document (not a capture):
 * its template looked up into *t (spec->t points there: *t must outlive
 * *spec), its seed and defects, the scenario's date (today), printed at `dpi`.
 * The holder is not set (has_holder 0: doc_build generates it from the seed),
 * which is what scoring truth and the check build. Returns 0, or -1 with err
 * filled (tpl_builtin's message for an unknown template; d out of range or a
 * captured document). */
int scn_docs_spec(const scenario *s, int d, double dpi, tpl *t, doc_spec *spec, bl_err *err);

/* The holder the desk shows on scenario document d, into spec->holder
 * (has_holder 1), for a spec from scn_docs_spec (its template and date):
 * generated from the seed; the same person as `first` (the first document's
 * holder, NULL on the first document) when the document says same_holder, a
 * visa keeping `first_state` (the first document's issuing state) as its
 * nationality; then the scenario's holder overrides (surname, given names,
 * sex, nationality, birth and expiry dates, where given). A companion's
 * document (scn_doc.companion) is the companion's: `first` is then the
 * companion's first document's holder, and without one the holder is made
 * of the companion's sex and age. */
void scn_docs_holder(const scenario *s, int d, const doc_holder *first, const char *first_state,
                     doc_spec *spec);

/* Every document of the scenario as the desk shows it, into specs[d] (with
 * tpls[d] its template): the spec of scn_docs_spec with the holder of
 * scn_docs_holder, the first document's holder passed on to the others.
 * A captured document has specs[d].t NULL. Returns 0, or -1 with err. */
int scn_docs_specs(const scenario *s, double dpi, tpl tpls[DESK_MAX_DOCS],
                   doc_spec specs[DESK_MAX_DOCS], bl_err *err);

#endif
