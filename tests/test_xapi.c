/* test_xapi.c - what xapi.h promises an academy's learning record store:
 * version 5 UUIDs against the standard's example, ids that
 * depend only on the journal and the entry, timestamps from the decision,
 * one registration per sitting, cmi5's verbs, results with score, success,
 * ISO 8601 duration and the competencies and critical errors, activities
 * with a type and three languages, the pack's hash in context, and each
 * statement's entry MAC (the store as a witness of the journal's chain). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>
#include <cmocka.h>

#include <uuid/uuid.h>

#include "xapi.h"

/* RFC 9562's DNS example (as Python's uuid.uuid5 computes it too): the
 * library makes version 5 ids as the standard says. */
static void uuid_v5_matches_rfc(void **state) {
    (void)state;
    uuid_t dns, u;
    char text[UUID_TEXT_SIZE];
    assert_int_equal(uuid_parse("6ba7b810-9dad-11d1-80b4-00c04fd430c8", dns), 0);
    uuid_generate_sha1(u, dns, "www.example.com", strlen("www.example.com"));
    uuid_unparse_lower(u, text);
    assert_string_equal(text, "2ed6657d-e927-568b-95e1-2665a8aea6a2");
}

#define JOURNAL "abababababababababababababababababababababababababababababababab"

static const xapi_academy academy = {"https://academy.test", "https://academy.test/borderlab"};

static xapi_sitting sitting(void) {
    xapi_sitting s = {.journal = JOURNAL,
                      .trainee = "t-101",
                      .trainee_name = "Ana Officer",
                      .cohort = "spring 2026",
                      .session = "spring-practice",
                      .title = "Spring practice",
                      .started = "2026-03-01T09:00:00Z",
                      .pack_sha256 = "cd",
                      .ended = 1,
                      .end_seq = 9,
                      .passed = 1,
                      .score = 72.35,
                      .elapsed = 3725.5,
                      .ended_at = ""};
    return s;
}

static const char *const crit[] = {"refoulement"};

static xapi_case a_case(void) {
    xapi_case c = {.seq = 3,
                   .scenario = "s01-citizen returning",
                   .names = {"Coming home", "Retour à la maison", "العودة إلى الوطن"},
                   .decision = "refuse",
                   .protection = "asylum",
                   .points = 41.25,
                   .passed = 0,
                   .competency = {0.5, 0.25, 0.125, 1},
                   .assessed = {1, 1, 0, 1},
                   .critical = crit,
                   .n_critical = 1,
                   .seconds = 83.456,
                   .t = 125.5,
                   .at = ""};
    return c;
}

static const char *str_at(const cJSON *o, const char *path) {
    char buf[256];
    snprintf(buf, sizeof buf, "%s", path);
    const cJSON *v = o;
    for (char *k = strtok(buf, "."); k && v; k = strtok(NULL, "."))
        v = cJSON_GetObjectItemCaseSensitive(v, k);
    return cJSON_IsString(v) ? v->valuestring : NULL;
}

static void case_statement_says_it_all(void **state) {
    (void)state;
    xapi_sitting s = sitting();
    xapi_case c = a_case();
    bl_err err = {0};
    cJSON *o = xapi_case_statement(&academy, &s, &c, &err);
    assert_non_null(o);
    char id[UUID_TEXT_SIZE];
    xapi_statement_id(JOURNAL, 3, XAPI_FAILED, id);
    assert_string_equal(str_at(o, "id"), id);
    assert_string_equal(str_at(o, "verb.id"), "http://adlnet.gov/expapi/verbs/failed");
    assert_string_equal(str_at(o, "verb.display.fr"), "a échoué");
    assert_string_equal(str_at(o, "actor.account.homePage"), "https://academy.test");
    assert_string_equal(str_at(o, "actor.account.name"), "t-101");
    assert_string_equal(str_at(o, "actor.name"), "Ana Officer");
    /* no "at": the start plus the session time of the decision */
    assert_string_equal(str_at(o, "timestamp"), "2026-03-01T09:02:05.500Z");
    assert_string_equal(str_at(o, "object.id"),
                        "https://academy.test/borderlab/scenarios/s01-citizen%20returning");
    assert_string_equal(str_at(o, "object.definition.type"),
                        "http://adlnet.gov/expapi/activities/simulation");
    assert_string_equal(str_at(o, "object.definition.name.ar"), "العودة إلى الوطن");
    assert_string_equal(str_at(o, "object.definition.name.fr"), "Retour à la maison");
    const cJSON *res = cJSON_GetObjectItemCaseSensitive(o, "result");
    assert_string_equal(str_at(res, "duration"), "PT1M23.46S");
    assert_string_equal(str_at(res, "response"), "refuse");
    assert_true(cJSON_IsFalse(cJSON_GetObjectItemCaseSensitive(res, "success")));
    const cJSON *score = cJSON_GetObjectItemCaseSensitive(res, "score");
    assert_true(cJSON_GetObjectItemCaseSensitive(score, "raw")->valuedouble == 41.3);
    assert_true(cJSON_GetObjectItemCaseSensitive(score, "scaled")->valuedouble == 0.413);
    const cJSON *x = cJSON_GetObjectItemCaseSensitive(res, "extensions");
    const cJSON *comp = cJSON_GetObjectItemCaseSensitive(
        x, "https://academy.test/borderlab/extensions/competencies");
    assert_true(cJSON_GetObjectItemCaseSensitive(comp, "interview")->valuedouble == 0.25);
    assert_true(cJSON_IsNull(cJSON_GetObjectItemCaseSensitive(comp, "human_rights")));
    const cJSON *ce = cJSON_GetObjectItemCaseSensitive(
        x, "https://academy.test/borderlab/extensions/critical-errors");
    assert_int_equal(cJSON_GetArraySize(ce), 1);
    assert_string_equal(cJSON_GetArrayItem(ce, 0)->valuestring, "refoulement");
    const cJSON *ctx = cJSON_GetObjectItemCaseSensitive(o, "context");
    char reg[UUID_TEXT_SIZE];
    xapi_registration(JOURNAL, reg);
    assert_string_equal(str_at(ctx, "registration"), reg);
    assert_string_equal(reg, "0bbb5318-8fb6-5097-b968-30df78335149"); /* Python's uuid5 */
    const cJSON *cx = cJSON_GetObjectItemCaseSensitive(ctx, "extensions");
    assert_string_equal(cJSON_GetObjectItemCaseSensitive(
                            cx, "https://academy.test/borderlab/extensions/pack-signature-sha256")
                            ->valuestring,
                        "cd");
    const cJSON *parent = cJSON_GetArrayItem(
        cJSON_GetObjectItemCaseSensitive(cJSON_GetObjectItemCaseSensitive(ctx, "contextActivities"),
                                         "parent"),
        0);
    assert_string_equal(str_at(parent, "id"),
                        "https://academy.test/borderlab/sessions/spring-practice");
    cJSON_Delete(o);
}

/* The same input is the same statement, byte for byte; the entry's own
 * clock wins over the session time; another entry is another id. */
static void same_input_same_statement(void **state) {
    (void)state;
    xapi_sitting s = sitting();
    xapi_case c = a_case();
    cJSON *a = xapi_case_statement(&academy, &s, &c, NULL);
    cJSON *b = xapi_case_statement(&academy, &s, &c, NULL);
    char *ta = cJSON_PrintUnformatted(a), *tb = cJSON_PrintUnformatted(b);
    assert_string_equal(ta, tb);
    free(ta), free(tb);
    c.at = "2026-03-02T10:11:12.345Z";
    c.seq = 4;
    cJSON *d = xapi_case_statement(&academy, &s, &c, NULL);
    assert_string_equal(str_at(d, "timestamp"), "2026-03-02T10:11:12.345Z");
    assert_string_not_equal(str_at(d, "id"), str_at(a, "id"));
    /* a desk journal's oldest entries: no clock at all, no timestamp */
    s.started = "";
    c.at = "";
    cJSON *e = xapi_case_statement(&academy, &s, &c, NULL);
    assert_null(str_at(e, "timestamp"));
    cJSON_Delete(a), cJSON_Delete(b), cJSON_Delete(d), cJSON_Delete(e);
    /* the id is the journal's and the entry's: checked against Python's uuid5 */
    char id[UUID_TEXT_SIZE];
    xapi_statement_id(JOURNAL, 3, XAPI_PASSED, id);
    assert_string_equal(id, "36865853-45c3-5d38-8424-40fc05e8a7c2");
}

#define MAC_CASE "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"
#define MAC_END  "fedcba9876543210fedcba9876543210fedcba9876543210fedcba9876543210"

static const char *entry_mac(const cJSON *o) {
    const cJSON *x = cJSON_GetObjectItemCaseSensitive(
        cJSON_GetObjectItemCaseSensitive(o, "context"), "extensions");
    const cJSON *m =
        cJSON_GetObjectItemCaseSensitive(x, "https://academy.test/borderlab/extensions/entry-mac");
    return cJSON_IsString(m) ? m->valuestring : NULL;
}

/* Each statement carries the MAC of the entry it reports: a case its
 * entry's, initialized the header's (the journal's first MAC), the verdict,
 * completed and terminated the end entry's; unknown (a database imported
 * before it was kept) or not a MAC: no extension, and the id stays. */
static void statements_witness_the_chain(void **state) {
    (void)state;
    xapi_sitting s = sitting();
    s.end_mac = MAC_END;
    xapi_case c = a_case();
    c.mac = MAC_CASE;
    cJSON *o = xapi_case_statement(&academy, &s, &c, NULL);
    assert_string_equal(entry_mac(o), MAC_CASE);
    const cJSON *seq = cJSON_GetObjectItemCaseSensitive(
        cJSON_GetObjectItemCaseSensitive(cJSON_GetObjectItemCaseSensitive(o, "context"),
                                         "extensions"),
        "https://academy.test/borderlab/extensions/entry");
    assert_int_equal(seq->valueint, 3);
    cJSON *init = xapi_sitting_statement(&academy, &s, XAPI_INITIALIZED, NULL);
    assert_string_equal(entry_mac(init), JOURNAL);
    xapi_verb verbs[] = {XAPI_PASSED, XAPI_COMPLETED, XAPI_TERMINATED};
    for (int i = 0; i < 3; i++) {
        cJSON *e = xapi_sitting_statement(&academy, &s, verbs[i], NULL);
        assert_string_equal(entry_mac(e), MAC_END);
        cJSON_Delete(e);
    }
    c.mac = NULL;
    cJSON *none = xapi_case_statement(&academy, &s, &c, NULL);
    assert_null(entry_mac(none));
    assert_string_equal(str_at(none, "id"), str_at(o, "id"));
    c.mac = "0123456789ABCDEF0123456789abcdef0123456789abcdef0123456789abcdef"; /* not as written */
    cJSON *bad = xapi_case_statement(&academy, &s, &c, NULL);
    assert_null(entry_mac(bad));
    assert_true(xapi_mac_ok(MAC_CASE));
    assert_false(xapi_mac_ok("0123"));
    assert_false(xapi_mac_ok(NULL));
    cJSON_Delete(o), cJSON_Delete(init), cJSON_Delete(none), cJSON_Delete(bad);
}

static void sitting_verbs_as_cmi5(void **state) {
    (void)state;
    xapi_sitting s = sitting();
    xapi_verb v[4];
    assert_int_equal(xapi_sitting_verbs(&s, v), 4);
    assert_int_equal(v[0], XAPI_INITIALIZED);
    assert_int_equal(v[1], XAPI_PASSED);
    assert_int_equal(v[2], XAPI_COMPLETED);
    assert_int_equal(v[3], XAPI_TERMINATED);
    s.time_up = 1, s.passed = 0;
    assert_int_equal(xapi_sitting_verbs(&s, v), 3); /* time ran out: not completed */
    assert_int_equal(v[1], XAPI_FAILED);
    assert_int_equal(v[2], XAPI_TERMINATED);
    s.ended = 0;
    assert_int_equal(xapi_sitting_verbs(&s, v), 1);
    s.session = ""; /* a desk journal */
    assert_int_equal(xapi_sitting_verbs(&s, v), 0);
    s = sitting();
    cJSON *init = xapi_sitting_statement(&academy, &s, XAPI_INITIALIZED, NULL);
    assert_string_equal(str_at(init, "timestamp"), "2026-03-01T09:00:00.000Z");
    assert_null(cJSON_GetObjectItemCaseSensitive(init, "result"));
    assert_string_equal(str_at(init, "object.definition.type"),
                        "http://adlnet.gov/expapi/activities/assessment");
    cJSON *end = xapi_sitting_statement(&academy, &s, XAPI_TERMINATED, NULL);
    assert_string_equal(str_at(end, "timestamp"), "2026-03-01T10:02:05.500Z");
    assert_string_equal(str_at(end, "result.duration"), "PT1H2M5.50S");
    char id[UUID_TEXT_SIZE];
    xapi_statement_id(JOURNAL, 9, XAPI_TERMINATED, id);
    assert_string_equal(str_at(end, "id"), id);
    assert_string_equal(str_at(end, "context.registration"),
                        "0bbb5318-8fb6-5097-b968-30df78335149");
    cJSON_Delete(init), cJSON_Delete(end);
}

static void durations_and_times(void **state) {
    (void)state;
    static const struct {
        double s;
        const char *want;
    } rows[] = {
        {0, "PT0S"},    {-3, "PT0S"},    {12.5, "PT12.50S"}, {60, "PT1M"}, {3723.04, "PT1H2M3.04S"},
        {7200, "PT2H"}, {59.999, "PT1M"}};
    char out[48];
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        xapi_duration(rows[i].s, out, sizeof out);
        assert_string_equal(out, rows[i].want);
    }
    char t[32];
    assert_int_equal(xapi_time_add("2026-12-31T23:59:59Z", 1.25, t), 0);
    assert_string_equal(t, "2027-01-01T00:00:00.250Z");
    assert_int_equal(xapi_time_add("2024-02-28T23:00:00.5Z", 3600, t), 0);
    assert_string_equal(t, "2024-02-29T00:00:00.500Z");
    assert_int_equal(xapi_time_add("2026-02-30T00:00:00Z", 0, t), -1);
    assert_int_equal(xapi_time_add("yesterday", 0, t), -1);
    assert_int_equal(xapi_time_add("", 0, t), -1);
}

/* The academy's IRIs are checked; a statement that cannot carry them is an
 * error that says what to set, never a statement with a bad IRI. */
static void bad_iris_are_refused(void **state) {
    (void)state;
    assert_true(xapi_iri_ok("https://academy.test"));
    assert_true(xapi_iri_ok("http://a.test:8080/x/y"));
    assert_false(xapi_iri_ok("ftp://a.test"));
    assert_false(xapi_iri_ok("https://"));
    assert_false(xapi_iri_ok("https://a test"));
    assert_false(xapi_iri_ok("academy.test"));
    xapi_academy bad = {"academy.test", "https://academy.test/b"};
    xapi_sitting s = sitting();
    xapi_case c = a_case();
    bl_err err = {0};
    assert_null(xapi_case_statement(&bad, &s, &c, &err));
    assert_non_null(strstr(err.msg, "home_page"));
    bad.home_page = "https://academy.test", bad.activity_base = "";
    assert_null(xapi_sitting_statement(&bad, &s, XAPI_INITIALIZED, &err));
    assert_non_null(strstr(err.msg, "activity_base"));
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(uuid_v5_matches_rfc),
        cmocka_unit_test(case_statement_says_it_all),
        cmocka_unit_test(same_input_same_statement),
        cmocka_unit_test(sitting_verbs_as_cmi5),
        cmocka_unit_test(durations_and_times),
        cmocka_unit_test(bad_iris_are_refused),
        cmocka_unit_test(statements_witness_the_chain),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
