/* score_border.h - beyond the first-line desk, scored (score_border.c): the
 * systems (API, PNR, database checks, civil registry and consulate) and the
 * second-line stage's safeguards. Included by score.h. */
#ifndef BL_SCORE_BORDER_H
#define BL_SCORE_BORDER_H

struct cJSON;
struct scenario;
struct score_result;
struct score_actions;

/* What the trainee did in the systems panel and at second line, read from
 * the log. Bits "per check" are per scenario check (scn_check index). */
typedef struct score_border {
    int api_seen, mismatch;
    int sensitive_used; /* a PNR line revealing religion or health marked as a concern */
    int reviewed;       /* risk-rule hits reviewed by the officer */
    unsigned searched;  /* bit per list searched (chk_list) */
    unsigned opened, compared, said_same, said_not; /* bit per check */
    unsigned held, seized, recorded, informed, referred;
    /* hits on other records (the databases' background: never the traveler),
       bit per list * SYS_HITS + hit */
    unsigned bg_compared, bg_same, bg_held;
    int bg_name_only; /* ... of those held, on a name alone */
    int reg_asked, cons_asked, etd_asked, voluntary, best_interests;
    /* the second-line stage */
    int stage;          /* it began */
    double stage_begin; /* log time it began */
    double stage_s;     /* seconds on its clock at the decision */
    unsigned reasons;   /* bit per SL_REASON_* recorded */
    int reason_recorded, explained, search, screened;
    unsigned referrals; /* bit per scn_vuln */
    int family, hold, lawyer, consul, authority, written;
} score_border;

/* What the debrief teaches of it. */
typedef enum {
    BLESSON_NOT_SEARCHED, /* a list that holds a record on them or their document not searched */
    BLESSON_HIT_NOT_COMPARED, /* a name hit not settled on the birth date and the photo */
    BLESSON_HIT_WRONG,        /* a hit called the traveler when it is not, or the reverse */
    BLESSON_ACTION,           /* a hit's action not taken (seize, hold and notify, record only) */
    BLESSON_API,              /* the API line and the document differ, not recorded */
    BLESSON_PNR_REVIEW,       /* a risk rule's hit not reviewed */
    BLESSON_REGISTRY,         /* the registry or the consulate not asked where it was the way */
    BLESSON_RETURN,           /* voluntariness or a child's best interests not recorded */
    BLESSON_SL_REASON,        /* no objective reason recorded for second line */
    BLESSON_SL_EXPLAIN,       /* the purpose not explained in a language they understand */
    BLESSON_SL_SEARCH,        /* searched without need, or not in private by the same sex */
    BLESSON_SL_SCREEN,        /* vulnerability not screened, or a need not referred */
    BLESSON_SL_FAMILY,        /* family members not assessed individually */
    BLESSON_SL_HOLD,          /* held when it was not a last resort */
    BLESSON_SL_RIGHTS,        /* no lawyer or consul offered */
    BLESSON_SL_WRITTEN,       /* the decision not given in writing with reasons and remedy */
    BLESSON_SL_AUTHORITY,     /* a matter for the police or prosecutor not referred */
    BLESSON_SL_SKIPPED,       /* the case needed second line and did not go there */
    BLESSON_SL_TIME,          /* second line took longer than its time allows */
    BLESSONS
} border_lesson;
const char *border_lesson_id(int k); /* "not_searched", ... */

/* Reads one action of the log (1: it was one of these). */
int score_border_action(score_border *b, const char *action, const struct cJSON *params, double t);
/* The items (out->systems, out->second), the lessons and the critical
 * errors (critical.h) of a case; called by score_case. */
void score_border_case(const struct scenario *s, const struct score_actions *a,
                       struct score_result *out);

#endif
