/* desk_push.h - the desk sends each decision to the academy's learning record
 * store as it is journaled, from a worker thread.
 *
 * Promises:
 * - The journal is the record of truth: the desk never waits for the store
 *   nor stops because of it. desk_push_notify only takes a lock held for a
 *   few instructions and signals; everything slow (reading and verifying the
 *   journal, SQLite, HTTP) is the worker's.
 * - Woken after each entry that is a decision (a case, the session's end;
 *   the header too), the worker imports the journal into the workstation's
 *   results database exactly as `borderlab results import` does (the journal
 *   key, its witness and the pack key in force) and pushes what the store
 *   does not have, as `borderlab results push` does (lrs_sent says what it
 *   has). Wake-ups that come while it works are one more round, not a queue.
 * - Offline (no connection, a timeout, the store refusing): nothing is lost.
 *   The statements stay unsent in the results database and go with the next
 *   decision's round, the next sitting's first round, or `results push`.
 *   The desk says so on stderr in one short line when the store goes away
 *   and one when it is back, never once per decision.
 * - Closing: desk_push_destroy gives the worker one last round of at most
 *   DESK_PUSH_LAST_S seconds (a round in progress is abandoned first), then
 *   stops and joins it; the desk never waits much longer than that. Shared
 *   state is behind one mutex; the cancel flag is atomic.
 */
#ifndef BL_DESK_PUSH_H
#define BL_DESK_PUSH_H

#include "err.h"
#include "xapi.h"

#define DESK_PUSH_LAST_S  3.0  /* the last round's time when the desk closes */
#define DESK_PUSH_ROUND_S 20.0 /* a round's time while the desk runs */

/* What the desk pushes with (cmd_session.c fills it from the academy
 * configuration); every string outlives the desk. */
typedef struct desk_push_config {
    const char *db;          /* results_db: this workstation's results database */
    const char *lrs;         /* lrs_endpoint: the store's xAPI base URL */
    const char *credentials; /* lrs_credentials: the user:password file */
    xapi_academy academy;    /* home_page and activity_base */
    const char *pack_key;    /* the pack public key an import checks (NULL: not checked) */
    const char *trainee;     /* a plain desk journal's trainee and cohort (NULL: the header's) */
    const char *cohort;
} desk_push_config;

typedef struct desk_push desk_push;

/* Starts the worker for one journal (its key and witness folder as the desk
 * opened it) and wakes it once, so what an earlier sitting left unsent goes
 * now. NULL with err set when the thread cannot start. */
desk_push *desk_push_create(const desk_push_config *cfg, const char *journal_path,
                            const char *key_path, const char *witness_dir, bl_err *err);

/* An entry was appended to the journal; decision: 1 for a case, the end or
 * the header (a round follows), 0 for a clock entry (no round: the journal
 * only grew, which a round that is reading it must know). */
void desk_push_notify(desk_push *p, int decision);

/* The last round (bounded), then the worker stopped and freed. NULL: nothing. */
void desk_push_destroy(desk_push *p);

#endif
