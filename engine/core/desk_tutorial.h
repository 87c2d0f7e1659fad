/* desk_tutorial.h - the guided first case: a traveler whose scenario says
 * `tutorial = true` (docs/scenarios.md) is met with one instruction at a
 * time, in a banner at the desk's lower left, and the desk waits until the
 * trainee has done it:
 *
 *   open the passport, UV, IR, the loupe over the microtext line, the
 *   reference specimen, the MRZ reader, a flag, a question, the
 *   interpreter, a decision
 *
 * Each step's text is an interface catalogue key ("tutorial.open"), so it
 * follows the interface's language (F2) and names its buttons.
 *
 * How a step is done: its condition holds after an input event while it is
 * the step shown (the passport open, the UV light on, the IR light on, the
 * loupe on in white light with the pointer over the microtext line (give or
 * take 2.5 mm across it), the reference panel open, the MRZ panel
 * open, a finding saved since the step was shown, a question asked since,
 * the interpreter called, the traveler decided). At most one step is done
 * per event, so an action done ahead of its step never advances past the
 * step shown; when that step is done, the next one is done by the next event
 * if its condition still holds (the UV light still on, the interpreter still
 * there). A step the session cannot offer (the MRZ reader when it is off, the
 * interview without questions) is passed over. The desk never blocks an
 * action: a decision taken early ends the tutorial with what was practised.
 *
 * K skips the tutorial (only while examining, so a note can hold a "k"):
 * logged "tutorial_skip", the next traveler comes, and the tutorial is not a
 * decided case: not in the summary, not scored, not a failure. A tutorial
 * that is finished is not scored either (the app gives it no points): its
 * debrief lists what was practised, whether the decision was right and why.
 * Each step done is logged "tutorial_step" {"step": id, "index": n}.
 */
#ifndef BL_DESK_TUTORIAL_H
#define BL_DESK_TUTORIAL_H

#include "desk.h"
#include "desk_layout.h"

typedef enum {
    TUT_OPEN,
    TUT_UV,
    TUT_IR,
    TUT_LOUPE,
    TUT_REFERENCE,
    TUT_MRZ,
    TUT_FLAG,
    TUT_ASK,
    TUT_INTERPRETER,
    TUT_DECIDE,
    TUT_STEPS
} desk_tutorial_step;

/* A step's id as logged ("open", "uv", ...), its instruction's catalogue
 * key ("tutorial.open") and its short name's ("tutorial.name.open"); NULL
 * out of range. */
const char *desk_tutorial_step_id(int step);
const char *desk_tutorial_step_key(int step);
const char *desk_tutorial_name_key(int step);

/* The step shown to the traveler at the counter, or -1 (not a tutorial, or
 * it is over). */
int desk_tutorial_current(const desk_state *st);

/* Whether traveler i's session offers the step (the MRZ reader allowed;
 * questions to ask and an interview to call an interpreter to). */
int desk_tutorial_available(const desk_state *st, int traveler, int step);

/* The steps traveler i practised (bit per desk_tutorial_step), and how many
 * of the steps on offer those are, of how many. */
unsigned desk_tutorial_practised(const desk_state *st, int traveler);
int desk_tutorial_count(const desk_state *st, int traveler, int *total);

/* The microtext line the loupe step asks for, on an open document showing
 * its side, as a rectangle on the desk (unmirrored, like every desk
 * rectangle); 0 when no document on the desk has one. */
int desk_tutorial_target(const desk_state *st, desk_rect *r);

/* The banner the instruction is shown in: the desk's lower left, clear of
 * the passport where it lies, of the MRZ and reference panels, of the menus
 * and dialogs, and of the interview. */
desk_rect desk_tutorial_banner(void);

#endif
