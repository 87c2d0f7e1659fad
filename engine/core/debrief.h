/* debrief.h - from a case's score to what its debrief shows.
 *
 * The debrief is what a trainee learns from a case: the decision taken and
 * the one expected (the headline: a wrong one never passes), the points and
 * competencies, the critical errors and the ones the scenario waived, each
 * true defect found or missed (on which document and side, and under which
 * light to look at it), each of the trainee's flags (a false one with what
 * is really there), the interview as it went, and the lessons besides the
 * defects (a question that had to be asked, one that must never be, the
 * interpreter, a light the case needed). Pure: the same score gives the same debrief, on the desk,
 * after a restart and in the end-of-exam review.
 */
#ifndef BL_DEBRIEF_H
#define BL_DEBRIEF_H

#include "desk.h"
#include "scenario.h"
#include "score.h"

/* Fills d (all of it but decision, protection and timed_out, which are the
 * desk's) from the scenario, its true defects, the case's actions and its
 * score. */
void debrief_from_score(const scenario *s, const score_truth *t, const score_actions *a,
                        const score_result *r, desk_debrief *d);

/* The scenario's words a debrief uses (title, why, questions and answers,
 * notes, authored critical errors and waivers) in each of its languages, as
 * the JSON object {lang: {key: text}} a case's record keeps (caller frees;
 * NULL when out of memory). */
char *debrief_texts_json(const scenario *s, const desk_debrief *d);

/* The light to show a defect under: UV or IR when they reveal it (what a
 * trainee most often forgets to try), else the first light that does. */
int debrief_telling_light(light_set lights);

#endif
