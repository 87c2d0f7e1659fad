/* test_names.c - names compared across romanisations and scripts (names.h).
 *
 * The expected answers are real-world facts kept in tests/data/name-variants.tsv:
 * spellings of one Arabic name (ICAO Doc 9303 Part 3 MRZ forms, UNGEGN, common
 * English and French spellings, the Arabic script) must match each other, and
 * pairs of different names must not. Rows the table marks "hard" (the spelling
 * hides the difference) are counted and printed, not asserted. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "names.h"

#define MAX_ROWS 1200

typedef struct {
    char kind;
    char a[128], b[128]; /* V: group, spelling; N: name a, name b */
    int hard;
} row;

typedef struct {
    row r[MAX_ROWS];
    int n;
} table;

/* Splits a line at tabs into at most max fields (in place). */
static int split_tabs(char *line, char **f, int max) {
    int n = 0;
    while (n < max) {
        f[n++] = line;
        char *t = strchr(line, '\t');
        if (!t) break;
        *t = '\0';
        line = t + 1;
    }
    return n;
}

static table *load_table(void) {
    FILE *fp = fopen(BL_SOURCE_DIR "/tests/data/name-variants.tsv", "r");
    assert_non_null(fp);
    table *t = calloc(1, sizeof *t);
    assert_non_null(t);
    char line[1024];
    int lineno = 0;
    while (fgets(line, sizeof line, fp)) {
        lineno++;
        line[strcspn(line, "\r\n")] = '\0';
        if (line[0] == '#' || line[0] == '\0') continue;
        char *f[6];
        int nf = split_tabs(line, f, 6);
        if ((f[0][0] != 'V' && f[0][0] != 'N') || f[0][1] || nf < 4)
            fail_msg("name-variants.tsv:%d: expected V or N and 3 fields", lineno);
        assert_true(t->n < MAX_ROWS);
        row *r = &t->r[t->n++];
        r->kind = f[0][0];
        snprintf(r->a, sizeof r->a, "%s", f[1]);
        snprintf(r->b, sizeof r->b, "%s", f[2]);
        r->hard = nf >= 5 && strncmp(f[4], "hard", 4) == 0;
    }
    fclose(fp);
    return t;
}

/* Every two spellings of one name match, in both directions alike. */
static void test_variants_match(void **state) {
    (void)state;
    table *t = load_table();
    int pairs = 0, ok = 0, hard = 0, hard_ok = 0, groups = 0;
    for (int i = 0; i < t->n; i++) {
        if (t->r[i].kind != 'V') continue;
        if (i == 0 || t->r[i - 1].kind != 'V' || strcmp(t->r[i - 1].a, t->r[i].a) != 0) groups++;
        for (int j = i + 1; j < t->n; j++) {
            if (t->r[j].kind != 'V' || strcmp(t->r[i].a, t->r[j].a) != 0) continue;
            double s = names_similarity(t->r[i].b, t->r[j].b);
            double back = names_similarity(t->r[j].b, t->r[i].b);
            assert_true(s - back < 1e-9 && back - s < 1e-9);
            int hit = s >= NAMES_MATCH;
            if (t->r[i].hard || t->r[j].hard) {
                hard++, hard_ok += hit;
                continue;
            }
            pairs++, ok += hit;
            if (!hit)
                print_message("  MISSED %s: '%s' / '%s' = %.3f\n", t->r[i].a, t->r[i].b, t->r[j].b,
                              s);
        }
    }
    print_message("  %d groups: %d of %d pairs of spellings match; hard rows: %d of %d\n", groups,
                  ok, pairs, hard_ok, hard);
    free(t);
    assert_true(groups >= 60);
    assert_int_equal(ok, pairs);
}

/* Different names do not match. */
static void test_different_names(void **state) {
    (void)state;
    table *t = load_table();
    int pairs = 0, ok = 0, hard = 0, hard_ok = 0;
    for (int i = 0; i < t->n; i++) {
        const row *r = &t->r[i];
        if (r->kind != 'N') continue;
        double s = names_similarity(r->a, r->b);
        int apart = s < NAMES_MATCH;
        if (r->hard) {
            hard++, hard_ok += apart;
            print_message("  hard: '%s' / '%s' = %.3f (%s)\n", r->a, r->b, s,
                          apart ? "apart" : "matched");
            continue;
        }
        pairs++, ok += apart;
        if (!apart) print_message("  MATCHED '%s' / '%s' = %.3f\n", r->a, r->b, s);
    }
    print_message("  different names kept apart: %d of %d; hard rows: %d of %d\n", ok, pairs,
                  hard_ok, hard);
    free(t);
    assert_true(pairs >= 20);
    assert_int_equal(ok, pairs);
}

/* The header's promise: these spellings share one key. */
static void test_keys(void **state) {
    (void)state;
    static const char *const groups[][5] = {
        {"MOHAMED", "MUHAMMAD", "MOHAMMED", "MOHAMMAD", "محمد"},
        {"ABDEL RAHMAN", "ABDULRAHMAN", "ABD AL-RAHMAN", "عبد الرحمن", "ABDERRAHMANE"},
        {"YOUSSEF", "YUSUF", "يوسف", "YOUSEF", "YWSF"},
        {"KHALED", "KHALID", "خالد", "XKHALD", "Khālid"},
    };
    for (size_t g = 0; g < sizeof groups / sizeof groups[0]; g++) {
        char first[64], k[64];
        assert_true(names_key(groups[g][0], first, sizeof first) > 0);
        for (int i = 1; i < 5; i++) {
            assert_true(names_key(groups[g][i], k, sizeof k) > 0);
            if (strcmp(first, k) != 0)
                fail_msg("'%s' -> %s but '%s' -> %s", groups[g][0], first, groups[g][i], k);
        }
    }
}

/* Components in any order; a missing father's name costs a little, a
 * different family name a lot. */
static void test_full_names(void **state) {
    (void)state;
    assert_true(names_similarity("MOHAMED HASSAN", "HASSAN MOHAMED") > 0.99);
    assert_true(names_similarity("EL-SAYED MOHAMED", "محمد السيد") >= NAMES_MATCH);
    assert_true(names_similarity("ABDULRAHMAN KHALED AL-HADDAD", "ABDEL RAHMAN HADDAD") >=
                NAMES_MATCH);
    assert_true(names_similarity("MOHAMED HASSAN", "MOHAMED HADDAD") < NAMES_MATCH);
    assert_true(names_similarity("FATIMA ZAHRA", "FATIMA") < names_similarity("FATIMA", "FATIMA"));
}

/* Bad input: no crash, nothing matches, no key. */
static void test_malformed(void **state) {
    (void)state;
    char k[16];
    static const char *const bad[] = {"", "   ", "-<,", "R2D2", "\xC3\x28", "\xFF\xFE", "王"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        assert_true(names_similarity(bad[i], "MOHAMED") == 0.0);
        assert_int_equal(names_key(bad[i], k, sizeof k), -1);
        assert_string_equal(k, "");
    }
    assert_true(names_similarity(NULL, "ALI") == 0.0);
    assert_int_equal(names_key("ABDELRAHMAN MOHAMED", k, 4), -1); /* no room */
    char longname[4096];
    memset(longname, 'A', sizeof longname - 1);
    longname[sizeof longname - 1] = '\0';
    assert_true(names_similarity(longname, "ALI") == 0.0); /* refused, not cut */
    for (int i = 0; i < (int)sizeof longname - 1; i++)
        longname[i] = i % 4 == 3 ? ' ' : 'B';
    double s = names_similarity(longname, longname); /* many components: bounded */
    assert_true(s >= 0.0 && s <= 1.0);
}

int main(int argc, char **argv) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_variants_match), cmocka_unit_test(test_different_names),
        cmocka_unit_test(test_keys),           cmocka_unit_test(test_full_names),
        cmocka_unit_test(test_malformed),
    };
    if (argc > 1) cmocka_set_test_filter(argv[1]);
    return cmocka_run_group_tests(tests, NULL, NULL);
}
