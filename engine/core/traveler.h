/* traveler.h - a scenario as the desk sees it.
 *
 * The desk (desk.h) knows travelers, their documents and their interview;
 * scenarios (scenario.h) know much more (the expected outcome, the rubric,
 * the answer rules). This is the one mapping from the second to the first,
 * pure, so the desk, a replay and the tests build the same queue.
 */
#ifndef BL_TRAVELER_H
#define BL_TRAVELER_H

#include "desk.h"
#include "scenario.h"

/* The traveler of a scenario: their documents (an academy's captured ones
 * too), questions, languages, companion, needs and belongings. */
void traveler_from_scenario(const scenario *s, desk_traveler *t);

/* The scenario document shown as the traveler's i-th document (the same
 * place in the scenario's list); -1 when none. */
int traveler_scenario_doc(const scenario *s, int i);

/* A desk session of n scenarios in order: named after the scenario when
 * there is one ("pack" otherwise), dated the first scenario's day, the MRZ
 * reader allowed and a debrief after each case (a session file changes
 * these). */
void traveler_session(desk_session *ss, const scenario *scn, int n);

#endif
