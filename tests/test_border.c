/* test_border.c - beyond the first-line desk, scored: each database
 * record judged for what it is, the second-line stage's safeguards, the
 * registry of a state the person fears, the PNR's sensitive lines. The
 * scenarios are made here, field by field, and the trainee's work is an
 * action log as the desk writes it; every expectation is a principle's
 * (docs/scenarios.md, critical errors). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "checks.h"
#include "score.h"

/* A visitor with genuine documents whose expected decision is `decision`. */
static void base(scenario *s, int decision) {
    memset(s, 0, sizeof *s);
    snprintf(s->id, sizeof s->id, "T1");
    snprintf(s->sex, sizeof s->sex, "M");
    s->age = 40;
    s->today = (bl_date){2026, 6, 1};
    s->expected.decision = decision;
    s->rubric[COMP_DOCUMENTS] = 25, s->rubric[COMP_INTERVIEW] = 25;
    s->rubric[COMP_HUMAN_RIGHTS] = 25, s->rubric[COMP_PROCEDURE] = 25;
}

static scn_check *add_check(scenario *s, int list, int category, int action, int basis,
                            int traveler) {
    scn_check *c = &s->checks[s->n_checks++];
    c->list = list, c->category = category, c->action = action, c->basis = basis;
    c->traveler = traveler;
    snprintf(c->surname, sizeof c->surname, "AL-HASHIMI");
    return c;
}

/* The log: the traveler arrives, then each line "action {params}", then the
 * decision (none when decision is 0). */
static void scored(const scenario *s, const char *const *acts, int decision, score_result *r) {
    static char log[16384];
    size_t n = 0;
    n += (size_t)snprintf(log + n, sizeof log - n,
                          "{\"t\": 0, \"action\": \"traveler\", \"target\": \"T1\", \"params\": "
                          "{\"index\": 1}}\n");
    double t = 1;
    for (int i = 0; acts && acts[i]; i++, t++) {
        const char *sp = strchr(acts[i], ' ');
        n += (size_t)snprintf(log + n, sizeof log - n,
                              "{\"t\": %.0f, \"action\": \"%.*s\", \"target\": \"T1\", \"params\": "
                              "%s}\n",
                              t, (int)(sp ? sp - acts[i] : (long)strlen(acts[i])), acts[i],
                              sp ? sp + 1 : "{}");
    }
    if (decision)
        n += (size_t)snprintf(log + n, sizeof log - n,
                              "{\"t\": %.0f, \"action\": \"decide\", \"target\": \"T1\", "
                              "\"params\": {\"decision\": \"%s\", \"protection\": \"none\"}}\n",
                              t, decision_name(decision));
    score_actions a;
    score_truth truth;
    memset(&truth, 0, sizeof truth);
    bl_err err = {0};
    assert_int_equal(score_actions_from_log(log, n, s, "T1", &a, &err), 0);
    a.reasons = a.reasons_interpreted = 1; /* a refusal's reasons: not what is tested here */
    score_case(s, &truth, &a, 70, r);
}

static int has(const score_result *r, const char *id) {
    for (int i = 0; i < r->n_critical; i++)
        if (!strcmp(r->critical[i], id)) return 1;
    return 0;
}

#define HIT(action, params) action " {\"check\": 0, " params "}"

/* A namesake on the watch list: settled on the birth date and the photo he
 * goes; held on the name alone, or taken for the record's man and held,
 * his liberty is taken on a lead. */
static void a_name_only_hit_is_settled_before_anyone_is_held(void **state) {
    (void)state;
    scenario s;
    base(&s, DECIDE_ADMIT);
    add_check(&s, CHK_WATCHLIST, CHK_WANTED, CHK_HOLD_NOTIFY, CHK_BASIS_NAME, 0);
    score_result r;
    const char *settled[] = {"db_search {\"list\": \"watchlist\"}", HIT("hit_open", "\"x\": 1"),
                             HIT("hit_compare", "\"x\": 1"),
                             HIT("hit_verdict", "\"answer\": \"not_same\""), NULL};
    scored(&s, settled, DECIDE_ADMIT, &r);
    assert_int_equal(r.n_critical, 0);
    assert_true(r.passed);
    assert_true(r.systems > 0.99);
    const char *held[] = {"db_search {\"list\": \"watchlist\"}",
                          HIT("hit_action", "\"action\": \"hold_and_notify\""), NULL};
    scored(&s, held, DECIDE_SECOND_LINE, &r);
    assert_true(has(&r, "held_on_unverified_hit"));
    /* second line alone, with the hit never compared: held on it too */
    const char *referred[] = {"db_search {\"list\": \"watchlist\"}", NULL};
    scored(&s, referred, DECIDE_SECOND_LINE, &r);
    assert_true(has(&r, "held_on_unverified_hit"));
    const char *taken[] = {"db_search {\"list\": \"watchlist\"}", HIT("hit_compare", "\"x\": 1"),
                           HIT("hit_verdict", "\"answer\": \"same\""),
                           HIT("hit_action", "\"action\": \"hold_and_notify\""), NULL};
    scored(&s, taken, DECIDE_SECOND_LINE, &r);
    assert_false(has(&r, "held_on_unverified_hit"));
    assert_true(has(&r, "held_on_false_match"));
    /* never searched: a lesson, not a liberty error */
    scored(&s, NULL, DECIDE_ADMIT, &r);
    assert_int_equal(r.n_critical, 0);
    assert_true(r.systems < 0.01);
    assert_true(r.border_lessons >> BLESSON_NOT_SEARCHED & 1);
}

/* A document listed stolen is cancelled: admitting on it is critical; a
 * lost passport its holder found again still lets a citizen home, but not a
 * visitor in on it. */
static void a_listed_document_is_no_entry_document(void **state) {
    (void)state;
    scenario s;
    score_result r;
    base(&s, DECIDE_SECOND_LINE);
    s.impostor = 0.4;
    add_check(&s, CHK_SLTD, CHK_STOLEN, CHK_SEIZE, CHK_BASIS_DOCUMENT, 1);
    scored(&s, NULL, DECIDE_ADMIT, &r);
    assert_true(has(&r, "admitted_on_listed_document"));
    base(&s, DECIDE_ADMIT);
    s.status = STATUS_CITIZEN;
    add_check(&s, CHK_SLTD, CHK_LOST, CHK_SEIZE, CHK_BASIS_DOCUMENT, 1)->found = 1;
    const char *seized[] = {"db_search {\"list\": \"sltd\"}", HIT("hit_compare", "\"x\": 1"),
                            HIT("hit_verdict", "\"answer\": \"same\""),
                            HIT("hit_action", "\"action\": \"seize\""), NULL};
    scored(&s, seized, DECIDE_ADMIT, &r);
    assert_int_equal(r.n_critical, 0);
    assert_true(r.systems > 0.99);
    scored(&s, seized, DECIDE_REFUSE, &r);
    assert_true(has(&r, "refused_own_national"));
    /* not seized: the cancelled passport goes on travelling */
    const char *kept[] = {"db_search {\"list\": \"sltd\"}", HIT("hit_compare", "\"x\": 1"),
                          HIT("hit_verdict", "\"answer\": \"same\""), NULL};
    scored(&s, kept, DECIDE_ADMIT, &r);
    assert_true(r.border_lessons >> BLESSON_ACTION & 1);
    s.status = STATUS_VISITOR;
    scored(&s, seized, DECIDE_ADMIT, &r);
    assert_true(has(&r, "admitted_on_listed_document"));
}

/* A discreet check is recorded without the person knowing. */
static void a_monitored_person_is_never_alerted(void **state) {
    (void)state;
    scenario s;
    score_result r;
    base(&s, DECIDE_ADMIT);
    add_check(&s, CHK_NATIONAL, CHK_MONITOR, CHK_RECORD_ONLY, CHK_BASIS_NAME_DOB, 1);
    const char *recorded[] = {"db_search {\"list\": \"national\"}", HIT("hit_compare", "\"x\": 1"),
                              HIT("hit_verdict", "\"answer\": \"same\""),
                              HIT("hit_action", "\"action\": \"record_only\""), NULL};
    scored(&s, recorded, DECIDE_ADMIT, &r);
    assert_int_equal(r.n_critical, 0);
    assert_true(r.passed);
    const char *told[] = {"db_search {\"list\": \"national\"}",
                          HIT("hit_action", "\"action\": \"inform_subject\""), NULL};
    scored(&s, told, DECIDE_ADMIT, &r);
    assert_true(has(&r, "alerted_monitored_person"));
    const char *held[] = {"db_search {\"list\": \"national\"}",
                          HIT("hit_action", "\"action\": \"hold_and_notify\""), NULL};
    scored(&s, held, DECIDE_ADMIT, &r);
    assert_true(has(&r, "alerted_monitored_person"));
    scored(&s, recorded, DECIDE_SECOND_LINE, &r);
    assert_true(has(&r, "alerted_monitored_person"));
}

#define SL(action, params) action " {\"clock_s\": 5, " params "}"

static const char *const good_stage[] = {
    "second_line_start {}",
    SL("second_reason", "\"reasons\": \"database_hit identity\""),
    SL("second_explain", "\"understood\": \"yes\""),
    SL("second_search", "\"kind\": \"private_same_sex\""),
    SL("second_screen", "\"found\": \"child\""),
    "second_refer {\"kind\": \"child\", \"on\": true}",
    SL("second_family", "\"assessed\": \"individually\""),
    SL("second_hold", "\"hold\": \"yes\""),
    SL("second_rights", "\"offered\": \"lawyer\""),
    SL("second_authority", "\"on\": \"yes\""),
    SL("second_written", "\"with\": \"reasons remedy\""),
    NULL};

/* A returning citizen suspected of fighting abroad: at second line, every
 * safeguard, then admitted and referred; the same decision without second
 * line skipped it; a reason of nationality or religion is discrimination. */
static void second_line_is_judged_step_by_step(void **state) {
    (void)state;
    scenario s;
    score_result r;
    base(&s, DECIDE_ADMIT);
    s.status = STATUS_CITIZEN;
    s.second = (scn_second){.stage = 1,
                            .search = 1,
                            .hold = 1,
                            .family = 1,
                            .children = 2,
                            .authority = 1,
                            .vulnerable = 1u << VULN_CHILD};
    scored(&s, good_stage, DECIDE_ADMIT, &r);
    assert_int_equal(r.n_critical, 0);
    assert_true(r.second > 0.99);
    assert_true(r.passed);
    scored(&s, NULL, DECIDE_ADMIT, &r);
    assert_false(r.decision_ok);
    assert_true(r.border_lessons >> BLESSON_SL_SKIPPED & 1);
    /* each safeguard left out costs its item and teaches its lesson */
    static const struct {
        int drop, lesson;
    } cases[] = {{1, BLESSON_SL_REASON}, {2, BLESSON_SL_EXPLAIN},   {3, BLESSON_SL_SEARCH},
                 {4, BLESSON_SL_SCREEN}, {5, BLESSON_SL_SCREEN},    {6, BLESSON_SL_FAMILY},
                 {8, BLESSON_SL_RIGHTS}, {9, BLESSON_SL_AUTHORITY}, {10, BLESSON_SL_WRITTEN}};
    for (size_t k = 0; k < sizeof cases / sizeof *cases; k++) {
        const char *acts[16];
        int n = 0;
        for (int i = 0; good_stage[i]; i++)
            if (i != cases[k].drop) acts[n++] = good_stage[i];
        acts[n] = NULL;
        scored(&s, acts, DECIDE_ADMIT, &r);
        assert_true(r.second < 0.99);
        assert_true(r.border_lessons >> cases[k].lesson & 1);
    }
    const char *nationality[] = {
        "second_line_start {}", SL("second_reason", "\"reasons\": \"identity nationality\""), NULL};
    scored(&s, nationality, DECIDE_ADMIT, &r);
    assert_true(has(&r, "discriminatory_selection"));
    const char *meal[] = {"second_line_start {}", SL("second_reason", "\"reasons\": \"religion\""),
                          NULL};
    scored(&s, meal, DECIDE_ADMIT, &r);
    assert_true(has(&r, "used_sensitive_data"));
    /* holding a parent for the police is no child's detention; holding a
       child is */
    assert_false(has(&r, "child_detained"));
    s.age = 15, s.second.hold = 0;
    const char *child_held[] = {"second_line_start {}", SL("second_hold", "\"hold\": \"yes\""),
                                NULL};
    scored(&s, child_held, DECIDE_ADMIT, &r);
    assert_true(has(&r, "child_detained"));
}

/* The registry and the consulate of a state the person fears learn where
 * he is: asking them is critical; the country's own registry is not. */
static void the_feared_state_is_never_asked(void **state) {
    (void)state;
    scenario s;
    score_result r;
    base(&s, DECIDE_PROTECTION);
    s.expected.protection = PROTECT_ASYLUM;
    s.situations = 1u << SIT_FEAR_OF_RETURN;
    s.registry = (scn_registry){.result = REG_MATCH, .consulate = CONS_CONFIRM};
    snprintf(s.registry.state, sizeof s.registry.state, "QWH");
    const char *consulate[] = {"consulate_contact {\"outcome\": \"confirm\"}", NULL};
    scored(&s, consulate, DECIDE_PROTECTION, &r);
    assert_true(has(&r, "contacted_feared_state"));
    const char *registry[] = {"registry_query {\"result\": \"match\"}", NULL};
    scored(&s, registry, DECIDE_PROTECTION, &r);
    assert_true(has(&r, "contacted_feared_state"));
    snprintf(s.registry.state, sizeof s.registry.state, "UTO");
    scored(&s, registry, DECIDE_PROTECTION, &r);
    assert_false(has(&r, "contacted_feared_state"));
    /* without fear: the registry, the consulate, the travel document and
       the return's voluntariness are the way to establish and return */
    base(&s, DECIDE_REFUSE);
    s.registry = (scn_registry){
        .result = REG_LATE, .consulate = CONS_CONFIRM, .etd = 1, .return_intended = 1};
    snprintf(s.registry.state, sizeof s.registry.state, "QWH");
    const char *all[] = {"registry_query {}", "consulate_contact {}", "etd_request {}",
                         "return_voluntary {}", NULL};
    scored(&s, all, DECIDE_REFUSE, &r);
    assert_true(r.systems > 0.99);
    assert_false(has(&r, "contacted_feared_state"));
    scored(&s, all + 1, DECIDE_REFUSE, &r);
    assert_true(r.border_lessons >> BLESSON_REGISTRY & 1);
}

/* A PNR line that reveals religion or health is never a concern. */
static void a_meal_is_never_a_reason(void **state) {
    (void)state;
    scenario s;
    score_result r;
    base(&s, DECIDE_ADMIT);
    const char *meal[] = {"pnr_concern {\"line\": 13, \"sensitive\": true, \"on\": true}", NULL};
    scored(&s, meal, DECIDE_ADMIT, &r);
    assert_true(has(&r, "used_sensitive_data"));
    const char *cash[] = {"pnr_concern {\"line\": 6, \"sensitive\": false, \"on\": true}", NULL};
    scored(&s, cash, DECIDE_ADMIT, &r);
    assert_int_equal(r.n_critical, 0);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(a_name_only_hit_is_settled_before_anyone_is_held),
        cmocka_unit_test(a_listed_document_is_no_entry_document),
        cmocka_unit_test(a_monitored_person_is_never_alerted),
        cmocka_unit_test(second_line_is_judged_step_by_step),
        cmocka_unit_test(the_feared_state_is_never_asked),
        cmocka_unit_test(a_meal_is_never_a_reason),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
