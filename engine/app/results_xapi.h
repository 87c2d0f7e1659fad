/* results_xapi.h - the xAPI statements of a results database: each imported
 * journal's sitting and cases, read from SQLite into xapi.h's structs and
 * built there (engine/core/xapi.h says what the statements promise).
 *
 * `results export --format xapi` prints them; `results push` (lrs_push.h)
 * sends them. Both go through results_xapi_journal, so what is printed is
 * what is sent. A database of schema 4 (before the xAPI columns) is read
 * as it is: its statements lack the pack hash and take the end's time from
 * the session's start and length. */
#ifndef BL_RESULTS_XAPI_H
#define BL_RESULTS_XAPI_H

#include <cjson/cJSON.h>
#include <sqlite3.h>

#include "err.h"
#include "xapi.h"

/* Receives one statement (the callee owns st and must cJSON_Delete it) and
 * its id; returns 0 to go on, non-zero to stop (that value is returned). */
typedef int (*results_xapi_fn)(void *ud, const char *id, cJSON *st);

/* The journals of the database (their keys in the sessions table), in the
 * order statements are made. *out is a NULL-terminated list; caller frees it
 * with results_xapi_free_list. 0, or -1 with err set. */
int results_xapi_journals(sqlite3 *db, const char *path, char ***out, int *n, bl_err *err);
void results_xapi_free_list(char **list);

/* Hands fn each statement of one journal in order: the sitting's
 * initialized, its cases by entry, then its verdict, completed and
 * terminated. Every query is finished before it returns, so the caller may
 * write to the database between journals. 0, fn's non-zero, or -1 with err
 * set. */
int results_xapi_journal(sqlite3 *db, const char *path, const char *journal, const xapi_academy *a,
                         results_xapi_fn fn, void *ud, bl_err *err);

#endif
