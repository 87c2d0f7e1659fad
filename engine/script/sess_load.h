/* sess_load.h - reading a certification session file (Lua, sandboxed like
 * scenarios) into a session_def. The file returns `session { ... }`:
 *
 *   return session {
 *     id = "uto-basic-2026-11", title = "Basic certification",
 *     exam = true, mrz_reader = false,
 *     seed = 2026,                              -- optional: the same draw for all
 *     time_limit = { session_min = 45, case_min = 8 },
 *     pass = { overall = 70, document_examination = 60, interview = 50,
 *              human_rights = 80, procedure = 50, critical_fails = true },
 *     trainee = { cohort = "2026-B" },          -- id, name, cohort; or on the command line
 *     scenarios = {
 *       "../s01-citizen-returning.lua",         -- fixed, relative to this file
 *       { pool = { "a.lua", "b.lua", "c.lua" }, draw = 2 },
 *     },
 *   }
 */
#ifndef BL_SESS_LOAD_H
#define BL_SESS_LOAD_H

#include "scn_load.h"
#include "session.h"

/* Returns the number of problems (0: loaded); each is reported as
 * file:line: message. Scenario files are not opened here. */
int sess_load_file(session_def *out, const char *path, scn_report_fn report, void *ud);
/* The same from the file's text already read (path names it in messages and
 * resolves the scenario paths). */
int sess_load(session_def *out, const char *code, size_t len, const char *path,
              scn_report_fn report, void *ud);

#endif
