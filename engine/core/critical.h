/* critical.h - the critical errors: mistakes that fail a case whatever its
 * points, each with the principle it breaks.
 *
 * The one table of their ids (as the journal, the results database and the
 * reports write them) and of the principle behind each. Built-in errors are
 * judged from the scenario and what the trainee did (score.c); a scenario
 * may waive one with a reason (expected.waive) and add its own
 * (expected.critical), whose ids are SCORE_AUTHORED_PREFIX + reason key.
 *
 * Words: the desk's catalogue and the report's hold "critical.<id>" (the
 * error in one plain sentence) and "principle.<principle>" for each entry.
 */
#ifndef BL_CRITICAL_H
#define BL_CRITICAL_H

typedef enum {
    CRIT_ADMITTED_INVALID_DOCUMENT, /* admitted on a forged, altered or impostor document */
    CRIT_REFUSED_PROTECTION,        /* refused a person who expressed fear of return */
    CRIT_REFUSED_OWN_NATIONAL,      /* refused a citizen or a probable national */
    CRIT_REFUSED_STATELESS,         /* refused a stateless person */
    CRIT_CHILD_WITHOUT_PROTECTION,  /* admitted or refused an unaccompanied child */
    CRIT_TRAFFICKING_NO_REFERRAL,   /* admitted or refused a probable trafficking victim */
    CRIT_DISCRIMINATORY_QUESTION,   /* asked about religion, ethnicity... */
    CRIT_NOT_HEARD_ALONE,           /* decided without speaking to them apart */
    CRIT_REFUSAL_NOT_EXPLAINED,     /* refused without reasons they understood */
    CRIT_MUST_ASK_MISSED,           /* a question the scenario requires was not asked */
    CRIT_NO_DECISION,               /* the desk was left without a decision */
    CRIT_TIME_RAN_OUT,              /* not decided within the time limit */
    CRIT_CONFIDENT_SAME_IMPOSTOR,   /* "same person, high confidence" for an impostor */
    CRIT_HELD_ON_FALSE_MATCH,       /* held (second line, refused) on a watch-list candidate
                                       who is someone else */
    CRIT_REFUSED_FOR_FINGER,        /* refused because a finger is missing or injured */
    CRIT_HELD_ON_UNVERIFIED_HIT,    /* held on a name-only hit never settled on birth date and
                                       photo */
    CRIT_ADMITTED_STOLEN_DOCUMENT,  /* admitted on a document listed lost, stolen or revoked */
    CRIT_ALERTED_MONITORED,         /* told or held a person on a monitor-only (discreet) alert */
    CRIT_USED_SENSITIVE_DATA,       /* used a meal request, religion or health as a reason */
    CRIT_DISCRIMINATORY_SELECTION,  /* selected for second line for nationality or appearance */
    CRIT_AUTOMATED_DECISION,        /* decided against a person on an unreviewed PNR rule hit */
    CRIT_CONTACTED_FEARED_STATE,    /* contacted the authorities of the state the person fears */
    CRIT_CHILD_DETAINED,            /* held a child at second line */
    CRIT_COUNT
} critical_kind;

#define CRITICAL_AUTHORED_PREFIX "scenario:" /* + the reason's key in the scenario */

typedef struct critical_info {
    const char *id;        /* "admitted_invalid_document", ... */
    const char *principle; /* "entry_conditions", "non_refoulement", ... */
    int waivable;          /* a scenario may waive it (expected.waive) */
} critical_info;

const critical_info *critical_get(int kind); /* NULL out of range */
int critical_from_id(const char *id);        /* -1 when unknown (or authored) */

/* The principle behind a critical error's id: the table's, "scenario" for
 * an authored one, NULL for an unknown id. */
const char *critical_principle(const char *id);

#endif
