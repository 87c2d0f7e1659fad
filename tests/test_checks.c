/* test_checks.c - the database checks (checks.h): a document number finds its
 * record whatever its formatting; a name finds its record in another
 * romanisation or script, as name_only when the dates of birth differ and as
 * name_and_birth_date when they agree; the lists filter; planted people in a
 * generated database are found under other spellings; bad input is refused
 * without a crash. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "checks.h"
#include "names.h"

static chk_record person(int list, int category, int action, const char *surname, const char *given,
                         bl_date birth, const char *doc) {
    chk_record r;
    memset(&r, 0, sizeof r);
    r.list = list, r.category = category, r.action = action;
    snprintf(r.surname, sizeof r.surname, "%s", surname);
    snprintf(r.given, sizeof r.given, "%s", given);
    r.birth = birth;
    r.sex = 'M';
    snprintf(r.doc_number, sizeof r.doc_number, "%s", doc);
    snprintf(r.doc_issuer, sizeof r.doc_issuer, "%s", doc[0] ? "QWH" : "");
    snprintf(r.reporting, sizeof r.reporting, "QWH");
    r.reported = (bl_date){2025, 3, 14};
    r.photo = 77;
    snprintf(r.ref, sizeof r.ref, "WL-QWH-2025-00001");
    return r;
}

static chk_query query(const char *surname, const char *given, bl_date birth, const char *doc,
                       unsigned lists) {
    chk_query q;
    memset(&q, 0, sizeof q);
    snprintf(q.surname, sizeof q.surname, "%s", surname);
    snprintf(q.given, sizeof q.given, "%s", given);
    q.birth = birth;
    snprintf(q.doc_number, sizeof q.doc_number, "%s", doc);
    q.lists = lists;
    return q;
}

/* A small database: a wanted man, a stolen passport, a monitored woman. */
static chk_db *small_db(void) {
    chk_db *db = chk_db_new();
    assert_non_null(db);
    chk_record r = person(CHK_WATCHLIST, CHK_WANTED, CHK_HOLD_NOTIFY, "HASSAN", "MOHAMED",
                          (bl_date){1984, 5, 17}, "");
    snprintf(r.surname_ar, sizeof r.surname_ar, "حسن");
    snprintf(r.given_ar, sizeof r.given_ar, "محمد");
    assert_int_equal(chk_db_add(db, &r), 0);
    r = person(CHK_SLTD, CHK_STOLEN, CHK_SEIZE, "HALVARSEN", "INGRID", (bl_date){1990, 1, 2},
               "NV4471203");
    assert_int_equal(chk_db_add(db, &r), 1);
    r = person(CHK_NATIONAL, CHK_MONITOR, CHK_RECORD_ONLY, "EL-SAYED", "FATMA",
               (bl_date){1979, 11, 30}, "");
    assert_int_equal(chk_db_add(db, &r), 2);
    return db;
}

static void test_document_number(void **state) {
    (void)state;
    chk_db *db = small_db();
    chk_hit h[8];
    /* the number as an officer types it: lower case, a space */
    chk_query q = query("", "", (bl_date){0, 0, 0}, "nv 4471203", 0);
    assert_int_equal(chk_query_run(db, &q, h, 8), 1);
    assert_int_equal(h[0].record, 1);
    assert_int_equal(h[0].basis, CHK_BASIS_DOCUMENT);
    assert_true(h[0].score == 1.0);
    const chk_record *r = chk_db_get(db, h[0].record);
    assert_string_equal(chk_category_name(r->category), "stolen");
    assert_string_equal(chk_action_name(r->action), "seize");
    /* a different number is not a hit, however close */
    q = query("", "", (bl_date){0, 0, 0}, "NV4471204", 0);
    assert_int_equal(chk_query_run(db, &q, h, 8), 0);
    /* number and name of the same record: one hit, on the document */
    q = query("HALVORSEN", "INGRID", (bl_date){0, 0, 0}, "NV4471203", 0);
    assert_int_equal(chk_query_run(db, &q, h, 8), 1);
    assert_int_equal(h[0].basis, CHK_BASIS_DOCUMENT);
    chk_db_free(db);
}

/* MUHAMMAD HASAN born another day is a name-only hit: the same name, maybe
 * not the same man, to be settled on the date of birth and the photo. */
static void test_name_only(void **state) {
    (void)state;
    chk_db *db = small_db();
    chk_hit h[8];
    chk_query q = query("HASAN", "MUHAMMAD", (bl_date){1991, 2, 3}, "", 0);
    assert_int_equal(chk_query_run(db, &q, h, 8), 1);
    assert_int_equal(h[0].record, 0);
    assert_int_equal(h[0].basis, CHK_BASIS_NAME);
    assert_string_equal(chk_basis_name(h[0].basis), "name_only");
    assert_true(h[0].score >= NAMES_MATCH && h[0].score <= 1.0);
    /* no date of birth given: name only too */
    q = query("HASSAN", "MOHAMMED", (bl_date){0, 0, 0}, "", 0);
    assert_int_equal(chk_query_run(db, &q, h, 8), 1);
    assert_int_equal(h[0].basis, CHK_BASIS_NAME);
    /* another family name is not a hit */
    q = query("HUSSEIN", "MOHAMED", (bl_date){1984, 5, 17}, "", 0);
    assert_int_equal(chk_query_run(db, &q, h, 8), 0);
    chk_db_free(db);
}

static void test_name_and_birth_date(void **state) {
    (void)state;
    chk_db *db = small_db();
    chk_hit h[8];
    /* the query in Arabic script, the record's date of birth */
    chk_query q = query("حسن", "محمد", (bl_date){1984, 5, 17}, "", 0);
    assert_int_equal(chk_query_run(db, &q, h, 8), 1);
    assert_int_equal(h[0].record, 0);
    assert_int_equal(h[0].basis, CHK_BASIS_NAME_DOB);
    assert_string_equal(chk_basis_name(h[0].basis), "name_and_birth_date");
    /* surname and given names swapped, another romanisation of the article */
    q = query("FATMA", "AL SAYED", (bl_date){1979, 11, 30}, "", 0);
    assert_int_equal(chk_query_run(db, &q, h, 8), 1);
    assert_int_equal(h[0].record, 2);
    assert_int_equal(h[0].basis, CHK_BASIS_NAME_DOB);
    assert_string_equal(chk_action_name(chk_db_get(db, 2)->action), "record_only");
    chk_db_free(db);
}

static void test_lists_filter(void **state) {
    (void)state;
    chk_db *db = small_db();
    chk_hit h[8];
    chk_query q = query("HALVARSEN", "INGRID", (bl_date){0, 0, 0}, "", 1u << CHK_WATCHLIST);
    assert_int_equal(chk_query_run(db, &q, h, 8), 0);
    q.lists = 1u << CHK_SLTD;
    assert_int_equal(chk_query_run(db, &q, h, 8), 1);
    q = query("", "", (bl_date){0, 0, 0}, "NV4471203",
              (1u << CHK_WATCHLIST) | (1u << CHK_NATIONAL));
    assert_int_equal(chk_query_run(db, &q, h, 8), 0);
    chk_db_free(db);
}

/* A 1000-record generated database with planted people spelled one way,
 * queried spelled another way (or in Arabic script): every planted record is
 * found, on name and birth date, and best first among its hits. */
static void test_planted_variants(void **state) {
    (void)state;
    chk_db *db = chk_db_new();
    bl_err err = {0};
    assert_int_equal(chk_db_generate(db, 2026, 1000, &err), 0);
    assert_int_equal(chk_db_count(db), 1000);
    enum { PLANTED = 40 };
    int id[PLANTED];
    chk_query q[PLANTED];
    for (int k = 0; k < PLANTED; k++) {
        chk_gen_ids ids;
        chk_gen_person(9000 + (uint64_t)k, k % 4 != 0, &ids);
        chk_record r = person(CHK_WATCHLIST, CHK_WANTED, CHK_HOLD_NOTIFY, "", "",
                              (bl_date){1970 + k, 1 + k % 12, 1 + k % 28}, "");
        chk_gen_spell(&ids, k, 0, r.surname, sizeof r.surname, r.given, sizeof r.given);
        assert_true((id[k] = chk_db_add(db, &r)) >= 0);
        q[k] = query("", "", r.birth, "", 0);
        chk_gen_spell(&ids, k + 1, k % 3 == 0, q[k].surname, sizeof q[k].surname, q[k].given,
                      sizeof q[k].given);
    }
    chk_hit *h = malloc(sizeof *h * 1100);
    assert_non_null(h);
    int found = 0;
    for (int k = 0; k < PLANTED; k++) {
        int n = chk_query_run(db, &q[k], h, 1100), at = -1;
        for (int i = 0; i < n; i++)
            if (h[i].record == id[k]) at = i;
        if (at < 0) {
            const chk_record *r = chk_db_get(db, id[k]);
            print_message("  not found: '%s %s' for '%s %s'\n", q[k].given, q[k].surname, r->given,
                          r->surname);
            continue;
        }
        found++;
        assert_int_equal(h[at].basis, CHK_BASIS_NAME_DOB);
        assert_true(at == 0 || h[0].basis == CHK_BASIS_NAME_DOB); /* best first */
        for (int i = 1; i < n; i++)
            assert_true(h[i - 1].basis >= h[i].basis || h[i - 1].basis == CHK_BASIS_DOCUMENT);
    }
    print_message("  planted people found under another spelling: %d of %d\n", found, PLANTED);
    assert_int_equal(found, PLANTED);
    /* someone no list holds */
    chk_query none = query("QUIBBLEWORTH", "ZEPHYRINE", (bl_date){0, 0, 0}, "", 0);
    assert_int_equal(chk_query_run(db, &none, h, 1100), 0);
    free(h);
    chk_db_free(db);
}

/* The same seed gives the same records; records are well formed. */
static void test_generate(void **state) {
    (void)state;
    chk_db *a = chk_db_new(), *b = chk_db_new();
    bl_err err = {0};
    assert_int_equal(chk_db_generate(a, 7, 300, &err), 0);
    assert_int_equal(chk_db_generate(b, 7, 300, &err), 0);
    int arabic = 0, docs = 0;
    for (int i = 0; i < 300; i++) {
        const chk_record *x = chk_db_get(a, i), *y = chk_db_get(b, i);
        assert_memory_equal(x, y, sizeof *x);
        assert_true(x->surname[0] && x->given[0] && x->reporting[0] && x->ref[0]);
        if (x->list == CHK_SLTD) assert_true(x->doc_number[0] && x->doc_issuer[0]);
        if (x->category == CHK_MONITOR) assert_int_equal(x->action, CHK_RECORD_ONLY);
        arabic += x->surname_ar[0] != 0;
        docs += x->doc_number[0] != 0;
    }
    assert_true(arabic > 50 && docs > 100);
    assert_int_equal(chk_db_generate(a, 7, -1, &err), -1);
    assert_non_null(strstr(err.msg, "-1"));
    chk_db_free(a);
    chk_db_free(b);
}

static void test_malformed(void **state) {
    (void)state;
    chk_db *db = small_db();
    chk_hit h[4];
    chk_query q = query("HASSAN", "MOHAMED", (bl_date){0, 0, 0}, "", 0);
    assert_int_equal(chk_query_run(NULL, &q, h, 4), 0);
    assert_int_equal(chk_query_run(db, NULL, h, 4), 0);
    assert_int_equal(chk_query_run(db, &q, h, 0), 0);
    assert_int_equal(chk_query_run(db, &q, NULL, 4), 0);
    assert_int_equal(chk_query_run_at(db, &q, 0.0, h, 4), 0);
    chk_query bad = query("R2D2", "C3PO", (bl_date){0, 0, 0}, "", 0); /* digits: no name */
    assert_int_equal(chk_query_run(db, &bad, h, 4), 0);
    bad = query("\xC3\x28", "\xFF", (bl_date){0, 0, 0}, "", 0); /* not UTF-8 */
    assert_int_equal(chk_query_run(db, &bad, h, 4), 0);
    memset(bad.surname, 'A', sizeof bad.surname); /* no NUL */
    assert_int_equal(chk_query_run(db, &bad, h, 4), 0);
    chk_record r = person(CHK_LISTS, CHK_LOST, CHK_SEIZE, "X", "Y", (bl_date){0, 0, 0}, "");
    assert_int_equal(chk_db_add(db, &r), -1);
    r = person(CHK_SLTD, CHK_CATEGORIES, CHK_SEIZE, "X", "Y", (bl_date){0, 0, 0}, "");
    assert_int_equal(chk_db_add(db, &r), -1);
    r = person(CHK_SLTD, CHK_LOST, -1, "X", "Y", (bl_date){0, 0, 0}, "");
    assert_int_equal(chk_db_add(db, &r), -1);
    r = person(CHK_SLTD, CHK_LOST, CHK_SEIZE, "X", "Y", (bl_date){0, 0, 0}, "AB1");
    memset(r.ref, 'R', sizeof r.ref);
    assert_int_equal(chk_db_add(db, &r), -1);
    assert_int_equal(chk_db_add(NULL, &r), -1);
    /* a record whose name cannot be read is still found by its number */
    r = person(CHK_SLTD, CHK_LOST, CHK_SEIZE, "4444", "", (bl_date){0, 0, 0}, "QW0000001");
    assert_int_equal(chk_db_add(db, &r), 3);
    q = query("", "", (bl_date){0, 0, 0}, "QW0000001", 0);
    assert_int_equal(chk_query_run(db, &q, h, 4), 1);
    assert_int_equal(chk_db_count(db), 4);
    assert_null(chk_db_get(db, 4));
    assert_null(chk_db_get(db, -1));
    chk_db_free(db);
    chk_db_free(NULL);
}

/* The names of the enums are the interface's words, both ways. */
static void test_names_of_enums(void **state) {
    (void)state;
    static const char *const lists[] = {"watchlist", "sltd", "national"};
    static const char *const cats[] = {"lost",   "stolen",       "revoked",
                                       "wanted", "monitor_only", "missing_child"};
    static const char *const acts[] = {"seize", "hold_and_notify", "refer", "record_only"};
    for (int i = 0; i < CHK_LISTS; i++) {
        assert_string_equal(chk_list_name(i), lists[i]);
        assert_int_equal(chk_list_from_name(lists[i]), i);
    }
    for (int i = 0; i < CHK_CATEGORIES; i++) {
        assert_string_equal(chk_category_name(i), cats[i]);
        assert_int_equal(chk_category_from_name(cats[i]), i);
    }
    for (int i = 0; i < CHK_ACTIONS; i++) {
        assert_string_equal(chk_action_name(i), acts[i]);
        assert_int_equal(chk_action_from_name(acts[i]), i);
    }
    static const char *const bases[] = {"name_only", "name_and_birth_date", "document_number"};
    for (int i = 0; i < CHK_BASIS_BASES; i++) {
        assert_string_equal(chk_basis_name(i), bases[i]);
        assert_int_equal(chk_basis_from_name(bases[i]), i);
    }
    assert_string_equal(chk_list_name(CHK_LISTS), "?");
    assert_int_equal(chk_action_from_name("shoot"), -1);
    assert_int_equal(chk_category_from_name(NULL), -1);
}

int main(int argc, char **argv) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_document_number),     cmocka_unit_test(test_name_only),
        cmocka_unit_test(test_name_and_birth_date), cmocka_unit_test(test_lists_filter),
        cmocka_unit_test(test_planted_variants),    cmocka_unit_test(test_generate),
        cmocka_unit_test(test_malformed),           cmocka_unit_test(test_names_of_enums),
    };
    if (argc > 1) cmocka_set_test_filter(argv[1]);
    return cmocka_run_group_tests(tests, NULL, NULL);
}
