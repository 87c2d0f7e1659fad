/* scn_load.h - reading Lua scenario files into scenario structs, checking
 * them, and answering the interview's questions with their answer functions.
 *
 * Each loaded scenario owns a sandboxed Lua state (sandbox.h) that keeps its
 * answer functions; everything else is copied into the plain `scenario`
 * struct, which the core and the desk use without knowing Lua.
 */
#ifndef BL_SCN_LOAD_H
#define BL_SCN_LOAD_H

#include <stddef.h>

#include "doc.h"
#include "err.h"
#include "scenario.h"

typedef struct scn_runtime scn_runtime;

/* Receives one problem: `line` is 0 when no line can be named. */
typedef void (*scn_report_fn)(void *ud, const char *file, int line, const char *msg);

/* Loads a scenario from source text. On success fills *out (release with
 * scenario_release) and, when rt is not NULL, returns the runtime that keeps
 * its answer functions. Every problem found is reported; returns the number
 * of problems (0: loaded). With `deep` fonts (not NULL) it also builds every
 * document once to prove the defects apply to the templates (what `borderlab
 * check` does). */
int scn_load(scenario *out, scn_runtime **rt, const char *code, size_t len, const char *file,
             const doc_fonts *deep, scn_report_fn report, void *ud);

/* The same from a file (reads it, reports a read error as a problem). */
int scn_load_file(scenario *out, scn_runtime **rt, const char *path, const doc_fonts *deep,
                  scn_report_fn report, void *ud);

void scn_runtime_destroy(scn_runtime *rt);

/* Runs every answer function of a loaded scenario against generated desk
 * situations (questions asked in combination, each light, each finding kind,
 * the MRZ reader, the interpreter, the companion sent out) and reports each
 * problem once per question and message at its line: a returned key that is
 * not one of the scenario's strings, ctx.flagged of a kind that does not
 * exist, ctx.asked of a question that does not, any other script error.
 * Returns the number of problems; `said` (may be NULL) hears every key the
 * functions returned. What `borderlab check` runs. */
/* Receives a key an answer function returned for question q (the same key
 * may come many times). */
typedef void (*scn_said_fn)(void *ud, int q, const char *key);

int scn_probe_answers(const scenario *s, scn_runtime *rt, scn_report_fn report, void *ud,
                      scn_said_fn said, void *said_ud);

/* The line of the loaded file that writes a field (a path as scn_where.h
 * names them: "traveler.carries[2]"), else of its nearest written
 * ancestor; 0 when unknown. */
int scn_field_line(const scn_runtime *rt, const char *path);

/* The line of the loaded file that writes string `key` of language `lang`
 * (strings.fr["a.purpose"]), else of the nearest table around it; 0 when
 * unknown. For messages about a text, after loading. */
int scn_string_line(const scn_runtime *rt, const char *lang, const char *key);

/* The key of the traveler's answer to question `q` given what happened at
 * the desk. Runs the answer function in the sandbox when there is one; a
 * script error is returned as -1 with err naming file:line (the desk then
 * shows a neutral answer and carries on). */
int scn_answer(scn_runtime *rt, const scenario *s, int q, const scn_ctx *ctx, char *key, size_t cap,
               bl_err *err);

#endif
