/* score_border.c - beyond the first-line desk, scored (score_border.h).
 *
 * The database checks are judged hit by hit against what the scenario's
 * record really is (scn_check): the list that holds it searched, a name
 * hit settled on the date of birth and the photo before anything else, the
 * record's own action taken (seize a listed document, hold and notify on a
 * wanted person who is the traveler, record only on a monitor-only alert)
 * and nothing taken on a hit that is someone else. The second-line stage is
 * judged against the OHCHR Recommended Principles and Guidelines on Human
 * Rights at International Borders (2014): an objective reason recorded
 * (Guideline 2.5: never nationality, religion or appearance), the purpose
 * explained in a language the person understands (5.1), a search only
 * when needed, in private, by an officer of the same sex (6.1), screening
 * for vulnerability and referral (Principle 6, Guidelines 5-7), holding
 * only as a last resort and never a child (Principle 8), a lawyer or a
 * consul offered (8.8), a decision given individually, in writing, with
 * the reasons and the remedy (Principle 9, Guideline 9.3).
 */
#include <cjson/cJSON.h>
#include <math.h>
#include <string.h>

#include "border.h"
#include "checks.h"
#include "critical.h"
#include "score.h"

static const char *const lesson_ids[BLESSONS] = {
    "not_searched", "hit_not_compared", "hit_wrong",  "hit_action", "api_mismatch",
    "pnr_review",   "registry",         "return",     "sl_reason",  "sl_explain",
    "sl_search",    "sl_screen",        "sl_family",  "sl_hold",    "sl_rights",
    "sl_written",   "sl_authority",     "sl_skipped", "sl_time"};

const char *border_lesson_id(int k) {
    return k >= 0 && k < BLESSONS ? lesson_ids[k] : "";
}

/* ------------------------------------------------------------ the log */

static const cJSON *param(const cJSON *p, const char *name) {
    return cJSON_GetObjectItemCaseSensitive(p, name);
}

static int str_is(const cJSON *p, const char *name, const char *v) {
    const cJSON *x = param(p, name);
    return cJSON_IsString(x) && !strcmp(x->valuestring, v);
}

/* The scenario check a hit's entry is about (-1: another record). */
static int check_of(const cJSON *p) {
    const cJSON *c = param(p, "check");
    int i = cJSON_IsNumber(c) ? (int)c->valuedouble : -1;
    return i >= 0 && i < SCN_MAX_CHECKS ? i : -1;
}

/* A hit on another record: never the traveler, whatever its name. */
static void read_background_hit(score_border *b, const char *ac, const cJSON *p) {
    const cJSON *l = param(p, "list"), *h = param(p, "hit");
    int li = cJSON_IsString(l) ? chk_list_from_name(l->valuestring) : -1;
    int k = cJSON_IsNumber(h) ? (int)h->valuedouble - 1 : -1;
    if (li < 0 || k < 0 || k >= SYS_HITS) return;
    unsigned bit = 1u << (li * SYS_HITS + k);
    if (!strcmp(ac, "hit_compare")) b->bg_compared |= bit;
    if (!strcmp(ac, "hit_verdict"))
        b->bg_same = str_is(p, "answer", "same") ? b->bg_same | bit : b->bg_same & ~bit;
    if (!strcmp(ac, "hit_action") && str_is(p, "action", "hold_and_notify")) {
        b->bg_held |= bit;
        if (str_is(p, "basis", "name_only") && !(b->bg_compared & bit)) b->bg_name_only = 1;
    }
}

static void read_hit(score_border *b, const char *ac, const cJSON *p) {
    int c = check_of(p);
    if (c < 0) {
        read_background_hit(b, ac, p);
        return;
    }
    unsigned bit = 1u << c;
    if (!strcmp(ac, "hit_open")) b->opened |= bit;
    if (!strcmp(ac, "hit_compare")) b->compared |= bit;
    if (!strcmp(ac, "hit_verdict")) {
        int same = str_is(p, "answer", "same");
        b->said_same = same ? b->said_same | bit : b->said_same & ~bit;
        b->said_not = same ? b->said_not & ~bit : b->said_not | bit;
    }
    if (!strcmp(ac, "hit_action")) {
        if (str_is(p, "action", "seize")) b->seized |= bit;
        if (str_is(p, "action", "hold_and_notify")) b->held |= bit;
        if (str_is(p, "action", "record_only")) b->recorded |= bit;
        if (str_is(p, "action", "refer")) b->referred |= bit;
        if (str_is(p, "action", "inform_subject")) b->informed |= bit;
    }
}

static unsigned reasons_of(const char *list) {
    static const char *ids[SL_REASONS] = {"document", "database_hit", "api_mismatch", "pnr_risk",
                                          "account",  "identity",     "protection",   "nationality",
                                          "religion", "appearance"};
    unsigned r = 0;
    for (const char *p = list; *p;) {
        size_t n = strcspn(p, " ");
        for (int k = 0; k < SL_REASONS; k++)
            if (n == strlen(ids[k]) && !strncmp(p, ids[k], n)) r |= 1u << k;
        p += n + (p[n] == ' ');
    }
    return r;
}

static int read_second(score_border *b, const char *ac, const cJSON *p, double t) {
    const cJSON *v;
    if (!strcmp(ac, "second_line_start")) {
        b->stage = 1, b->stage_begin = t;
    } else if (!strcmp(ac, "second_reason")) {
        v = param(p, "reasons");
        b->reasons |= cJSON_IsString(v) ? reasons_of(v->valuestring) : 0;
        b->reason_recorded = 1;
    } else if (!strcmp(ac, "second_explain")) {
        b->explained = str_is(p, "understood", "yes") ? 1 : b->explained ? b->explained : 2;
    } else if (!strcmp(ac, "second_search")) {
        b->search = str_is(p, "kind", "none")               ? SL_SEARCH_NONE
                    : str_is(p, "kind", "private_same_sex") ? SL_SEARCH_PRIVATE
                                                            : SL_SEARCH_HERE;
    } else if (!strcmp(ac, "second_screen")) {
        b->screened = 1;
    } else if (!strcmp(ac, "second_refer")) {
        v = param(p, "kind");
        int k = cJSON_IsString(v) ? scn_vuln_from_name(v->valuestring) : -1;
        if (k >= 0)
            b->referrals =
                cJSON_IsTrue(param(p, "on")) ? b->referrals | 1u << k : b->referrals & ~(1u << k);
    } else if (!strcmp(ac, "second_family")) {
        b->family = 1;
    } else if (!strcmp(ac, "second_hold")) {
        b->hold = str_is(p, "hold", "yes") ? SL_HOLD_YES : SL_HOLD_NO;
    } else if (!strcmp(ac, "second_rights")) {
        if (str_is(p, "offered", "lawyer")) b->lawyer = 1;
        if (str_is(p, "offered", "consul")) b->consul = 1;
    } else if (!strcmp(ac, "second_authority")) {
        b->authority = str_is(p, "on", "yes");
    } else if (!strcmp(ac, "second_written")) {
        b->written = 1;
    } else {
        return 0;
    }
    return 1;
}

int score_border_action(score_border *b, const char *ac, const cJSON *p, double t) {
    if (!strncmp(ac, "hit_", 4)) {
        read_hit(b, ac, p);
    } else if (!strcmp(ac, "sys_panel") || !strcmp(ac, "sys_tab")) {
        if (cJSON_IsTrue(param(p, "on")) || str_is(p, "tab", "api")) b->api_seen = 1;
    } else if (!strcmp(ac, "api_mismatch")) {
        b->mismatch = cJSON_IsTrue(param(p, "on"));
    } else if (!strcmp(ac, "pnr_concern")) {
        if (cJSON_IsTrue(param(p, "sensitive")) && cJSON_IsTrue(param(p, "on")))
            b->sensitive_used = 1;
    } else if (!strcmp(ac, "pnr_review")) {
        b->reviewed++;
    } else if (!strcmp(ac, "db_search")) {
        const cJSON *l = param(p, "list");
        int li = cJSON_IsString(l) ? chk_list_from_name(l->valuestring) : -1;
        if (li >= 0) b->searched |= 1u << li;
    } else if (!strcmp(ac, "registry_query")) {
        b->reg_asked = 1;
    } else if (!strcmp(ac, "consulate_contact")) {
        b->cons_asked = 1;
    } else if (!strcmp(ac, "etd_request")) {
        b->etd_asked = 1;
    } else if (!strcmp(ac, "return_voluntary")) {
        b->voluntary = 1;
    } else if (!strcmp(ac, "best_interests")) {
        b->best_interests = 1;
    } else {
        return read_second(b, ac, p, t);
    }
    return 1;
}

/* ------------------------------------------------------------ scoring */

typedef struct {
    double sum;
    int n;
    unsigned lessons;
} tally;

/* One item: ok counts, and teaches `lesson` when it is not. */
static void item(tally *t, int ok, int lesson) {
    t->sum += ok != 0, t->n++;
    if (!ok) t->lessons |= 1u << lesson;
}

static int fears(const scenario *s) {
    return (s->situations >> SIT_FEAR_OF_RETURN & 1) || (s->second.vulnerable >> VULN_ASYLUM & 1);
}

/* The traveler is the person a record about a document names: its holder. */
static int record_is_traveler(const scenario *s, const scn_check *c) {
    return c->basis == CHK_BASIS_DOCUMENT ? s->impostor == 0 : c->traveler;
}

/* The action a record calls for, as it applies to this traveler. */
static int action_right(const scenario *s, const scn_check *c, const score_border *b, int i) {
    unsigned bit = 1u << i;
    if (c->list == CHK_SLTD) return (b->seized & bit) != 0; /* a listed document is cancelled */
    if (!record_is_traveler(s, c)) return !(b->held & bit) && !(b->informed & bit);
    if (c->category == CHK_MONITOR) return (b->recorded & bit) && !(b->informed & bit);
    if (c->action == CHK_HOLD_NOTIFY) return (b->held & bit) != 0;
    return 1;
}

static void checks_items(const scenario *s, const score_border *b, tally *t) {
    for (int i = 0; i < s->n_checks; i++) {
        const scn_check *c = &s->checks[i];
        unsigned bit = 1u << i;
        item(t, b->searched >> c->list & 1, BLESSON_NOT_SEARCHED);
        if (!(b->searched >> c->list & 1)) continue;
        if (c->basis != CHK_BASIS_DOCUMENT) item(t, b->compared & bit, BLESSON_HIT_NOT_COMPARED);
        int is = record_is_traveler(s, c);
        item(t, is ? (b->said_same & bit) && !(b->said_not & bit) : (b->said_not & bit) != 0,
             BLESSON_HIT_WRONG);
        item(t, action_right(s, c, b, i), BLESSON_ACTION);
    }
}

/* The registry and the consulate belong to the person's own state: asked
 * about someone who fears that state, they learn where he is. */
static int feared_registry(const scenario *s) {
    return fears(s) && strcmp(s->registry.state, BORDER_STATE) != 0;
}

static void registry_items(const scenario *s, const score_border *b, tally *t) {
    const scn_registry *r = &s->registry;
    if (r->result == REG_NONE || feared_registry(s)) return;
    item(t, b->reg_asked, BLESSON_REGISTRY);
    if (r->consulate != CONS_NONE) item(t, b->cons_asked, BLESSON_REGISTRY);
    if (r->etd) item(t, b->etd_asked, BLESSON_REGISTRY);
    if (r->return_intended) item(t, b->voluntary, BLESSON_RETURN);
    if (r->return_intended && s->age < 18) item(t, b->best_interests, BLESSON_RETURN);
}

static void systems_item(const scenario *s, const score_border *b, score_result *out) {
    tally t = {0, 0, 0};
    checks_items(s, b, &t);
    if (border_api_swapped(s)) item(&t, b->mismatch, BLESSON_API);
    if (border_pnr_rule_hits(s) > 0) item(&t, b->reviewed > 0, BLESSON_PNR_REVIEW);
    registry_items(s, b, &t);
    out->systems = t.n ? t.sum / t.n : -1;
    out->border_lessons |= t.lessons;
}

static void second_items(const scenario *s, const score_border *b, score_result *out) {
    const scn_second *sl = &s->second;
    tally t = {0, 0, 0};
    if (!b->stage) { /* the case needed second line and never went there */
        out->second = 0;
        out->border_lessons |= 1u << BLESSON_SL_SKIPPED;
        return;
    }
    item(&t,
         b->reason_recorded && (b->reasons & ((1u << SL_REASON_OBJECTIVE) - 1)) &&
             !(b->reasons >> SL_REASON_OBJECTIVE),
         BLESSON_SL_REASON);
    item(&t, b->explained == 1, BLESSON_SL_EXPLAIN);
    item(&t, sl->search ? b->search == SL_SEARCH_PRIVATE : b->search == SL_SEARCH_NONE,
         BLESSON_SL_SEARCH);
    item(&t, b->screened && (b->referrals & sl->vulnerable) == sl->vulnerable, BLESSON_SL_SCREEN);
    if (sl->family) item(&t, b->family, BLESSON_SL_FAMILY);
    item(&t, sl->hold ? b->hold != 0 : b->hold == SL_HOLD_NO, BLESSON_SL_HOLD);
    item(&t, b->lawyer || (b->consul && !fears(s)), BLESSON_SL_RIGHTS);
    item(&t, b->written, BLESSON_SL_WRITTEN);
    if (sl->authority) item(&t, b->authority, BLESSON_SL_AUTHORITY);
    if (sl->minutes) item(&t, b->stage_s <= sl->minutes * 60.0, BLESSON_SL_TIME);
    out->second = t.sum / t.n;
    out->border_lessons |= t.lessons;
}

/* ------------------------------------------------------------ critical errors */

/* Whether the traveler was held: second line, refused, or held at second
 * line, in a case whose only reason to hold them could be a hit. */
static int held_on_hits(const scenario *s, const score_actions *a) {
    const score_border *b = &a->border;
    int dec = a->decided ? a->decision : DECIDE_NONE;
    if (b->hold == SL_HOLD_YES) return 1;
    if (s->expected.decision != DECIDE_ADMIT || s->second.stage) return 0;
    return b->stage || dec == DECIDE_SECOND_LINE || dec == DECIDE_REFUSE;
}

static int lost_found_by_own_national(const scenario *s, const scn_check *c) {
    return c->found && s->impostor == 0 &&
           (s->status == STATUS_CITIZEN || s->status == STATUS_PROBABLE_NATIONAL);
}

static void check_criticals(const scenario *s, const score_actions *a, score_result *out) {
    const score_border *b = &a->border;
    int admit = a->decided && a->decision == DECIDE_ADMIT;
    int held = held_on_hits(s, a);
    for (int i = 0; i < s->n_checks; i++) {
        const scn_check *c = &s->checks[i];
        unsigned bit = 1u << i;
        if (c->basis == CHK_BASIS_NAME && ((b->held & bit) || held) && !(b->compared & bit))
            score_add_critical(s, out, CRIT_HELD_ON_UNVERIFIED_HIT);
        else if (c->basis != CHK_BASIS_DOCUMENT && !c->traveler && (b->said_same & bit) &&
                 ((b->held & bit) || held))
            score_add_critical(s, out, CRIT_HELD_ON_FALSE_MATCH);
        if (c->list == CHK_SLTD && admit && !lost_found_by_own_national(s, c))
            score_add_critical(s, out, CRIT_ADMITTED_STOLEN_DOCUMENT);
        if (c->category == CHK_MONITOR && c->traveler &&
            ((b->informed & bit) || (b->held & bit) || held))
            score_add_critical(s, out, CRIT_ALERTED_MONITORED);
    }
}

/* Holding someone on another person's record: on a name alone never
 * compared, or after calling a stranger's record theirs. */
static void background_criticals(const scenario *s, const score_border *b, score_result *out) {
    if (b->bg_name_only) score_add_critical(s, out, CRIT_HELD_ON_UNVERIFIED_HIT);
    if (b->bg_held & b->bg_same) score_add_critical(s, out, CRIT_HELD_ON_FALSE_MATCH);
}

static void second_criticals(const scenario *s, const score_actions *a, score_result *out) {
    const score_border *b = &a->border;
    if (b->reasons >> SL_REASON_RELIGION & 1) score_add_critical(s, out, CRIT_USED_SENSITIVE_DATA);
    if ((b->reasons >> SL_REASON_NATIONALITY & 1) || (b->reasons >> SL_REASON_APPEARANCE & 1))
        score_add_critical(s, out, CRIT_DISCRIMINATORY_SELECTION);
    if (b->hold == SL_HOLD_YES && s->age > 0 && s->age < 18)
        score_add_critical(s, out, CRIT_CHILD_DETAINED);
}

void score_border_case(const scenario *s, const score_actions *a, score_result *out) {
    const score_border *b = &a->border;
    int has_systems = s->n_checks || s->registry.result != REG_NONE || border_has_api(s);
    out->systems = -1, out->second = -1;
    if (has_systems) systems_item(s, b, out);
    if (s->second.stage) second_items(s, b, out);
    check_criticals(s, a, out);
    background_criticals(s, b, out);
    second_criticals(s, a, out);
    if (b->sensitive_used) score_add_critical(s, out, CRIT_USED_SENSITIVE_DATA);
    int dec = a->decided ? a->decision : DECIDE_NONE;
    int adverse = b->stage || dec == DECIDE_SECOND_LINE || dec == DECIDE_REFUSE;
    if (adverse && border_pnr_rule_hits(s) > 0 && !b->reviewed)
        score_add_critical(s, out, CRIT_AUTOMATED_DECISION);
    if ((b->cons_asked || b->reg_asked) && feared_registry(s))
        score_add_critical(s, out, CRIT_CONTACTED_FEARED_STATE);
}
