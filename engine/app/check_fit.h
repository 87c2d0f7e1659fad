/* check_fit.h - `borderlab check`'s warnings about words that will not fit
 * their place on the desk at 1280x720.
 *
 * Every question, every answer the scenario can give (its static answers,
 * each rule's, and each key its answer functions returned while probed) and
 * every need and thing carried is laid out, in every language its text is
 * written in, by the function the desk draws with (desk_fit_cmd), at the
 * place the desk draws it (desk_layout.text; the answer panel in the
 * language desk_answer_lang picks under each interface language, with and
 * without the interpreter). A text that would be cut (a line too long even
 * at the smallest size the desk shrinks to, more lines than the place
 * holds, a word wider than it) or not shown at all is a warning: the file,
 * the line that writes the text, the language, how much too long, and the
 * text. Warnings do not fail the check.
 */
#ifndef BL_CHECK_FIT_H
#define BL_CHECK_FIT_H

#include "doc.h"
#include "scenario.h"
#include "scn_load.h"

typedef struct check_fit check_fit;

/* A collector for one scenario; NULL when out of memory. */
check_fit *check_fit_create(const scenario *s, scn_runtime *rt, const doc_fonts *fonts);
void check_fit_destroy(check_fit *c);

/* A scn_said_fn: a key an answer function returned (pass the collector). */
void check_fit_said(void *collector, int q, const char *key);

/* Measures everything and reports each warning ("warning: ..."); returns
 * how many. */
int check_fit_run(check_fit *c, scn_report_fn warn, void *ud);

#endif
