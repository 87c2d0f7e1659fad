/* desk_internal.h - what the desk's own files share, and nobody else reads.
 *
 *   desk.c          the state: sessions, the queue of travelers, the clock,
 *                   the public setters, the action log's entries
 *   desk_act.c      what each thing a trainee does changes, and its log entry
 *   desk_input.c    desk_step: which input means which action, one step
 *                   function per desk_mode
 *   desk_draw*.c    desk_draw (their own header: desk_draw_internal.h)
 *   desk_layout.c   the one table of rectangles input and drawing share
 *   desk_tutorial.c the guided first case's steps (desk_tutorial.h)
 */
#ifndef BL_DESK_INTERNAL_H
#define BL_DESK_INTERNAL_H

#include <stddef.h>

#include "desk.h"
#include "desk_layout.h"

#if defined(__GNUC__)
#define DESK_PRINTF(f, a) __attribute__((format(printf, f, a)))
#else
#define DESK_PRINTF(f, a)
#endif

/* ------------------------------------------------------------ desk.c */

/* The traveler at the counter. */
const desk_traveler *desk_current_traveler(const desk_state *st);

/* How many pages the summary's decided cases fill (DESK_SUMMARY_ROWS a page; at least 1). */
int desk_summary_pages(const desk_state *st);
/* The page shown (st->summary_page, held to the pages there are). */
int desk_summary_page(const desk_state *st);
/* Turns the summary `by` pages (negative: back), round from the last to the first. */
void desk_summary_turn(desk_state *st, int by);
/* Shows the summary's page that holds a decided traveler's row. */
void desk_summary_show(desk_state *st, int traveler);

/* Sets the status line: a catalogue key and the values it shows. */
void desk_status(desk_state *st, const char *key, int n, int total, int kind);

/* Logs one action (nothing without a log): params_fmt makes a JSON object. */
void desk_emit(const desk_state *st, desk_log_fn log, void *ud, const char *action,
               const char *target, const char *params_fmt, ...) DESK_PRINTF(6, 7);

/* A JSON string's body: quotes, backslashes and control characters escaped. */

/* A document as the log names it: "T1/doc1:uto-passport-td3". */
void desk_doc_target(const desk_state *st, int d, char *out, size_t cap);

/* Puts traveler i at the counter: their documents on the desk, closed
 * passports, no findings, no questions asked. Not logged. */
void desk_load_traveler(desk_state *st, int i);

/* The queue moves on (or ends, DESK_DONE); logged. Returns 1: the
 * traveler changed. */
int desk_next_traveler(desk_state *st, desk_log_fn log, void *ud);

/* The document on top of the others, or -1 without documents. */
int desk_top_doc(const desk_state *st);

/* A finding's rectangle on the desk (which the screen mirrors in
 * right-to-left languages, while documents keep their own orientation), and
 * its delete box: the start of the tag under the rectangle that names the
 * finding, outside what it marks (desk_draw.c). */
void desk_finding_rect(const desk_state *st, const desk_finding *f, desk_rect *area,
                       desk_rect *box);

/* The questions on offer (a question comes once the one it follows was
 * asked), in menu order; returns how many. */
int desk_available_questions(const desk_state *st, int *out, int cap);
/* The language the traveler at the counter's answers are heard in now (an
 * index of st->langs); *foreign: not the interface's (no interpreter yet). */
int desk_answer_language(const desk_state *st, int *foreign);

/* ------------------------------------------------------------ desk_draw_panels.c */

/* The traveler's column as drawn and clicked: the need and the things
 * carried under the face (as many lines as they take, up to their places'),
 * then the question list's title and one row per question on offer, each as
 * tall as its text (one line or two), as many as fit above the answer (whose
 * panel grows upward for a long one); the questions left over are in the
 * ask menu (Q), and a last line says how many. */
typedef struct desk_column {
    desk_person_rows person;
    int needs_lines, carries_lines; /* as drawn */
    int title_y;                    /* the list title's baseline */
    int n_rows;
    desk_rect row[DESK_MAX_QUESTIONS];
    int q[DESK_MAX_QUESTIONS]; /* each row's question (index in the traveler's) */
    int more;                  /* questions on offer not shown */
    int more_y;                /* the baseline of the line saying so */
    desk_rect answer;          /* the last answer's panel: desk_layout.answer, taller upward
                                  when the answer needs more lines (the list gets less) */
    int answer_foreign;        /* ... said in a language the interface is not in */
    int answer_lang;           /* the catalogue it is said from (index of st->langs) */
} desk_column;
void desk_column_layout(const desk_state *st, desk_column *out);

/* ------------------------------------------------------------ desk_act.c */

/* Each changes the state as the trainee asked and logs it (when it does
 * something: an unchanged light is not logged). */
void desk_act_light(desk_state *st, int light, desk_log_fn log, void *ud);
/* Tilts the documents `steps` DESK_TILT_STEPs (negative: towards the viewer),
 * within DESK_TILT_MAX; logs a "tilt" action with the new angle. */
void desk_act_tilt(desk_state *st, int steps, desk_log_fn log, void *ud);
void desk_act_loupe(desk_state *st, desk_log_fn log, void *ud);
void desk_act_zoom(desk_state *st, int step, desk_log_fn log, void *ud); /* +1 / -1, 2..8 */
void desk_act_mrz(desk_state *st, desk_log_fn log, void *ud);            /* the MRZ reader */
void desk_act_reference(desk_state *st, desk_log_fn log, void *ud);      /* the specimen */
void desk_act_help(desk_state *st, desk_log_fn log, void *ud);
void desk_act_language(desk_state *st, desk_log_fn log, void *ud); /* the next one */
void desk_act_interpreter(desk_state *st, desk_log_fn log, void *ud);
void desk_act_separate(desk_state *st, desk_log_fn log, void *ud);
void desk_act_reasons(desk_state *st, desk_log_fn log, void *ud);
void desk_act_ask(desk_state *st, int question, desk_log_fn log, void *ud);

/* Documents: open or close a passport, turn a card, bring one to the top,
 * and log where one was put down. d < 0: nothing. */
void desk_act_open(desk_state *st, int d, desk_log_fn log, void *ud);
/* The transcript panel: open or closed (H); scrolled back (+) or on (-) by entries. */
void desk_act_transcript(desk_state *st, desk_log_fn log, void *ud);
void desk_act_transcript_scroll(desk_state *st, int entries);
/* How far back the transcript scrolls, in entries. */
int desk_transcript_scroll_max(const desk_state *st);
/* The panels over the desk (MRZ reader, reference, transcript, compare view,
 * findings list): at most one open. desk_any_panel: whether one is. */
void desk_close_panels(desk_state *st);
int desk_any_panel(const desk_state *st);
/* Whether (x, y) is on an open panel or the compare view (over the desk). */
int desk_panel_at(const desk_state *st, int x, int y);
/* The list of this traveler's findings: open or closed (E). */
void desk_act_findings(desk_state *st, desk_log_fn log, void *ud);
/* The compare view: open or closed (V). */
void desk_act_compare(desk_state *st, desk_log_fn log, void *ud);
/* Asks "leave the desk?" (the answer is desk_step's). */
void desk_act_ask_quit(desk_state *st, desk_log_fn log, void *ud);
void desk_act_turn(desk_state *st, int d, desk_log_fn log, void *ud);
void desk_act_pick_up(desk_state *st, int d, desk_log_fn log, void *ud);
void desk_act_moved(desk_state *st, int d, desk_log_fn log, void *ud);

/* Findings: start drawing one, save the drawn one with its kind and note,
 * remove finding i. */
void desk_act_flag_start(desk_state *st);
void desk_act_flag_save(desk_state *st, desk_log_fn log, void *ud);
void desk_act_unflag(desk_state *st, int i, desk_log_fn log, void *ud);

/* Decisions: ask to confirm one (a protection referral first asks which),
 * then confirm it: logged, and the debrief or the next traveler follows.
 * Returns 1 when the traveler changed. */
void desk_act_decide(desk_state *st, int decision);
int desk_act_confirm(desk_state *st, desk_log_fn log, void *ud);

/* After the session: opens case i's debrief (the app then builds that
 * traveler's documents to show a missed defect under its light). Returns 1
 * when it did (the traveler changed). */
int desk_act_review(desk_state *st, int i, desk_log_fn log, void *ud);

/* ------------------------------------------------------------ desk_pages.c */

/* A passport's pages (booklet.h): how many document d has (1: not a
 * booklet); the passport a visa is stuck in (d itself when it lies loose);
 * whether d is a visa on a page not shown (not drawn, not hit). */
int desk_doc_pages(const desk_state *st, int d);
int desk_doc_host(const desk_state *st, int d);
int desk_doc_hidden(const desk_state *st, int d);
/* Visas stuck in passports follow them: placed on their page, drawn just
 * above them. Called whenever documents move or the screen is mirrored. */
void desk_pages_sync(desk_state *st);
/* Turns passport d (or the one d is stuck in) `step` pages on (-1: back),
 * round from the last to the data page; logged ("page"). */
void desk_act_page(desk_state *st, int d, int step, desk_log_fn log, void *ud);
/* A click on an open passport's page plate (its buttons turn the page):
 * 1 when it was there. */
int desk_pages_click(desk_state *st, int x, int y, desk_log_fn log, void *ud);
/* The plate under open passport d: the page shown and the buttons. */
void desk_draw_pages(const desk_state *st, draw_list *dl, int d);

/* ------------------------------------------------------------ desk_tutorial.c */

/* A traveler arrived (desk_load_traveler): a tutorial's first step. */
void desk_tutorial_begin(desk_state *st);
/* An input event was applied: the step shown done? (logged "tutorial_step") */
void desk_tutorial_after(desk_state *st, desk_log_fn log, void *ud);
/* K: skips the tutorial at the counter (logged "tutorial_skip"); the next
 * traveler comes, the tutorial undecided. Returns 1 when the traveler
 * changed, 0 when there was no tutorial to skip. */
int desk_tutorial_skip(desk_state *st, desk_log_fn log, void *ud);

#endif
