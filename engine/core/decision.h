/* decision.h - what a trainee can decide about a traveler, and the one table
 * of their names.
 *
 * Every name a decision or a protection referral has, in every place it is
 * written or read (the action log, the journal, the results database, the
 * reports, the scenario files), comes from this table, so no two files can
 * spell the same decision differently. Scenario files say "child" where the
 * log and the journal say "child_protection": both are listed here.
 */
#ifndef BL_DECISION_H
#define BL_DECISION_H

typedef enum {
    DECIDE_NONE,
    DECIDE_ADMIT,
    DECIDE_REFUSE,
    DECIDE_SECOND_LINE,
    DECIDE_PROTECTION,
    DECIDE_COUNT
} desk_decision;

typedef enum {
    PROTECT_NONE,
    PROTECT_ASYLUM,
    PROTECT_CHILD,
    PROTECT_TRAFFICKING,
    PROTECT_COUNT
} desk_protection;

/* As the action log, the journal and the database name them: "none",
 * "admit", "refuse", "second_line", "protection"; "none" out of range. */
const char *decision_name(int d);
/* The decision with that name (DECIDE_ADMIT..), or -1 (also for "none"). */
int decision_from_name(const char *s);

/* As the log and journal name them: "none", "asylum", "child_protection",
 * "trafficking"; "none" out of range. */
const char *protection_name(int p);
/* As scenario files write them: "asylum", "child", "trafficking". */
const char *protection_script_name(int p);
/* The referral with that name, log or scenario spelling (PROTECT_ASYLUM..),
 * or -1 (also for "none"). */
int protection_from_name(const char *s);

#endif
