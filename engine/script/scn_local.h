/* scn_local.h - scenario and session scripts as their worker runs them
 * (internal to engine/script).
 *
 * These run Lua in this process. Only a script's worker (host.h, started by
 * scn_host.c) calls them: everything else loads and asks through scn_load.h
 * and sess_load.h, which run them in the worker with a deadline.
 */
#ifndef BL_SCN_LOCAL_H
#define BL_SCN_LOCAL_H

#include <stddef.h>

#include "sandbox.h"
#include "scn_load.h"
#include "session.h"

/* Reads a scenario (every rule but the deep document build and the missing
 * translations, which the caller checks: scn_check_finish). With keep not
 * NULL and no problem, *keep receives the sandbox that holds the answer
 * functions. Returns the number of problems reported; out holds what was
 * read either way (scenario_release it). */
int scn_load_local(scenario *out, sbx **keep, const char *code, size_t len, const char *file,
                   scn_report_fn report, void *ud);

/* The answer being computed in a sandbox (set for the length of one answer
 * function's call) and how many have begun: a ctx table's functions carry
 * its number, so a ctx kept past its answer is refused. Zero it first; it
 * must outlive the sandbox's ctx tables (keep it beside the sandbox). */
typedef struct scn_answerer {
    const scenario *s;
    const scn_ctx *ctx; /* NULL between answers */
    int qi;
    long long number;
} scn_answerer;

/* Runs question qi's answer function in sb with ctx; the key into key. Every
 * Lua call that can allocate runs inside the sandbox's protected call. -1 with
 * err (BL_E_SCRIPT) on a script error; the key is not checked against the
 * scenario's strings here (the caller does). */
int scn_answer_local(sbx *sb, scn_answerer *a, const scenario *s, int qi, const scn_ctx *ctx,
                     char *key, size_t cap, bl_err *err);

/* Reads a session file in this process. */
int sess_load_local(session_def *out, const char *code, size_t len, const char *path,
                    scn_report_fn report, void *ud);

#endif
