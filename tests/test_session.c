/* test_session.c - certification sessions in the core: pools drawn without
 * repetition and the same way every time, one seed for all or one draw per
 * trainee, the verdict against the pass marks, and signed packs. */
#define _POSIX_C_SOURCE 200809L
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "fsio.h"
#include "packsig.h"
#include "session.h"

/* A session of one fixed scenario and a pool of `pool` drawing `draw`. */
static void make(session_def *d, int pool, int draw) {
    memset(d, 0, sizeof *d);
    snprintf(d->id, sizeof d->id, "s");
    d->n_items = 2;
    d->items[0].n = d->items[0].draw = 1;
    snprintf(d->items[0].paths[0], SESSION_PATH_MAX, "fixed.lua");
    d->items[1].n = pool, d->items[1].draw = draw;
    for (int i = 0; i < pool; i++)
        snprintf(d->items[1].paths[i], SESSION_PATH_MAX, "p%d.lua", i);
}

static void test_draw_without_repetition(void **state) {
    (void)state;
    static session_def d;
    make(&d, 8, 3);
    char out[SESSION_MAX_ITEMS][SESSION_PATH_MAX];
    int seen[8] = {0};
    bl_err err = {0};
    /* over many trainees: always 4, the fixed one first, 3 distinct, every
     * pool member drawn sometimes */
    for (int t = 0; t < 200; t++) {
        char who[16];
        snprintf(who, sizeof who, "T-%d", t);
        int n = session_draw(&d, session_seed(&d, who), out, SESSION_MAX_ITEMS, &err);
        assert_int_equal(n, 4);
        assert_string_equal(out[0], "fixed.lua");
        int a = atoi(out[1] + 1), b = atoi(out[2] + 1), c = atoi(out[3] + 1);
        assert_true(a != b && b != c && a != c);
        assert_true(a < b && b < c); /* in the order of the file */
        seen[a]++, seen[b]++, seen[c]++;
    }
    for (int i = 0; i < 8; i++)
        assert_true(seen[i] > 40 && seen[i] < 110); /* about 75 each */
}

static void test_seed(void **state) {
    (void)state;
    static session_def d;
    make(&d, 10, 2);
    char a[SESSION_MAX_ITEMS][SESSION_PATH_MAX], b[SESSION_MAX_ITEMS][SESSION_PATH_MAX];
    bl_err err = {0};
    /* per trainee: stable, and different trainees differ somewhere */
    int differ = 0;
    for (int t = 0; t < 10; t++) {
        char who[16];
        snprintf(who, sizeof who, "T-%d", t);
        session_draw(&d, session_seed(&d, who), a, SESSION_MAX_ITEMS, &err);
        session_draw(&d, session_seed(&d, who), b, SESSION_MAX_ITEMS, &err);
        for (int k = 0; k < 3; k++)
            assert_string_equal(a[k], b[k]);
        session_draw(&d, session_seed(&d, "T-0"), b, SESSION_MAX_ITEMS, &err);
        differ += strcmp(a[1], b[1]) || strcmp(a[2], b[2]);
    }
    assert_true(differ >= 5);
    /* a seed in the file: everybody the same */
    d.has_seed = 1, d.seed = 42;
    assert_true(session_seed(&d, "T-1") == session_seed(&d, "T-2"));
    /* too many for the queue */
    assert_int_equal(session_draw(&d, 1, a, 2, &err), -1);
    assert_non_null(strstr(err.msg, "more than 2"));
}

static session_case one(double pts, double docs, double intv, int crit, int assess_intv) {
    session_case c = {pts, pts >= 70, {docs, intv, 1, 1}, {1, assess_intv, 1, 1}, crit, 1};
    return c;
}

static void test_verdict(void **state) {
    (void)state;
    static session_def d;
    make(&d, 2, 1);
    d.pass_overall = 70;
    d.pass_comp[0] = 0.6;
    d.pass_comp[1] = 0.5;
    d.critical_fails = 1;
    session_verdict v;
    session_case c[3] = {one(80, 0.9, 0.6, 0, 1), one(75, 0.7, 0.5, 0, 1), one(90, 0.8, 0, 0, 0)};
    session_judge(&d, c, 3, 3, &v);
    assert_true(v.passed);
    assert_true(v.overall > 81.6 && v.overall < 81.7);
    /* interview assessed twice (0.6, 0.5): the unassessed 0 does not count */
    assert_true(v.competency[1] > 0.549 && v.competency[1] < 0.551);
    /* a mark missed is named */
    c[1].competency[0] = 0.0;
    c[0].competency[0] = 0.2;
    session_judge(&d, c, 3, 3, &v);
    assert_false(v.passed);
    assert_int_equal(v.n_failed, 1);
    assert_string_equal(v.failed[0], "document_examination");
    /* one critical error fails a session whatever the points */
    c[0] = one(100, 1, 1, 1, 1);
    c[1] = one(100, 1, 1, 0, 1);
    c[2] = one(100, 1, 1, 0, 1);
    session_judge(&d, c, 3, 3, &v);
    assert_false(v.passed);
    assert_string_equal(v.failed[v.n_failed - 1], "critical_error");
    d.critical_fails = 0;
    session_judge(&d, c, 3, 3, &v);
    assert_true(v.passed);
    /* cases never reached count as 0 points */
    session_judge(&d, c, 1, 3, &v);
    assert_false(v.passed);
    assert_true(v.overall > 33.3 && v.overall < 33.4);
    /* a wrong decision fails the session whatever its points, unless the
     * session allows that many */
    c[1].decision_ok = 0;
    session_judge(&d, c, 3, 3, &v);
    assert_false(v.passed);
    assert_int_equal(v.wrong, 1);
    assert_string_equal(v.failed[v.n_failed - 1], "wrong_decision");
    d.wrong_allowed = 1;
    session_judge(&d, c, 3, 3, &v);
    assert_true(v.passed);
}

static char dir[64];

static void put(const char *name, const char *text) {
    char p[160];
    snprintf(p, sizeof p, "%s/%s", dir, name);
    FILE *f = fopen(p, "w");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
}

static void test_packsig(void **state) {
    (void)state;
    strcpy(dir, "/tmp/bl_pack_XXXXXX");
    assert_non_null(mkdtemp(dir));
    char sk[128], pk[128], sk2[128], pk2[128], sig[128];
    snprintf(sk, sizeof sk, "%s/sk", dir);
    snprintf(pk, sizeof pk, "%s/pk", dir);
    snprintf(sk2, sizeof sk2, "%s/sk2", dir);
    snprintf(pk2, sizeof pk2, "%s/pk2", dir);
    snprintf(sig, sizeof sig, "%s/s.lua.sig", dir);
    bl_err err = {0};
    assert_int_equal(packsig_keygen(sk, pk, &err), 0);
    assert_int_equal(packsig_keygen(sk2, pk2, &err), 0);
    put("s.lua", "return session {}\n");
    put("a.lua", "return scenario { id = 'a' }\n");
    put("b.lua", "return scenario { id = 'b' }\n");
    const char *files[] = {"s.lua", "a.lua", "b.lua"};
    packsig_meta v3 = {3, "2026-12-07"}, got;
    assert_int_equal(packsig_sign(sig, dir, files, 2, sk, &v3, &err), 0);
    unsigned char pub[PACKSIG_PUBLIC_BYTES], pub2[PACKSIG_PUBLIC_BYTES];
    assert_int_equal(packsig_public_load(pk, pub, &err), 0);
    assert_int_equal(packsig_public_load(pk2, pub2, &err), 0);
    assert_int_equal(packsig_verify(sig, dir, files, 2, pub, &got, &err), 0);
    /* the version and date are signed: a desk knows which pack it runs */
    assert_int_equal(got.version, 3);
    assert_string_equal(got.date, "2026-12-07");
    {
        char *t = fs_read_all(sig, 1 << 20, NULL, &err); /* an older version claimed: refused */
        assert_non_null(t);
        char *v = strstr(t, "\"version\":");
        assert_non_null(v);
        v += 10;
        while (*v == ' ' || *v == '\t')
            v++;
        assert_int_equal(*v, '3');
        *v = '2';
        assert_int_equal(fs_write_atomic(sig, t, strlen(t), &err), 0);
        assert_int_equal(packsig_verify(sig, dir, files, 2, pub, &got, &err), -1);
        assert_non_null(strstr(err.msg, "signature fails"));
        *v = '3';
        assert_int_equal(fs_write_atomic(sig, t, strlen(t), &err), 0);
        free(t);
    }
    /* another academy's key */
    assert_int_equal(packsig_verify(sig, dir, files, 2, pub2, NULL, &err), -1);
    assert_non_null(strstr(err.msg, "signature fails"));
    /* a file not in the pack */
    assert_int_equal(packsig_verify(sig, dir, files, 3, pub, NULL, &err), -1);
    assert_non_null(strstr(err.msg, "b.lua is not part of the signed pack"));
    /* a changed file, by one byte */
    put("a.lua", "return scenario { id = 'A' }\n");
    assert_int_equal(packsig_verify(sig, dir, files, 2, pub, NULL, &err), -1);
    assert_non_null(strstr(err.msg, "a.lua was changed after the pack was signed"));
    /* a forged list: re-hashing the changed file does not help without the key */
    char *text = fs_read_all(sig, 1 << 20, NULL, &err);
    assert_non_null(text);
    char *h = strstr(strstr(text, "a.lua"), "sha256");
    assert_non_null(h);
    h = strchr(h + 8, '"') + 1;
    char real[65];
    char ap[160];
    snprintf(ap, sizeof ap, "%s/a.lua", dir);
    assert_int_equal(packsig_file_sha256(ap, real, &err), 0);
    memcpy(h, real, 64);
    assert_int_equal(fs_write_atomic(sig, text, strlen(text), &err), 0);
    free(text);
    assert_int_equal(packsig_verify(sig, dir, files, 2, pub, NULL, &err), -1);
    assert_non_null(strstr(err.msg, "signature fails"));
    /* no signature at all */
    unlink(sig);
    assert_int_equal(packsig_verify(sig, dir, files, 2, pub, NULL, &err), -1);
    assert_non_null(strstr(err.msg, "not signed"));
    /* keys are never overwritten */
    assert_int_equal(packsig_keygen(sk, pk, &err), -1);
    const char *left[] = {"sk", "pk", "sk2", "pk2", "s.lua", "a.lua", "b.lua"};
    for (size_t i = 0; i < sizeof left / sizeof left[0]; i++) {
        char p[160];
        snprintf(p, sizeof p, "%s/%s", dir, left[i]);
        unlink(p);
    }
    rmdir(dir);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_draw_without_repetition),
        cmocka_unit_test(test_seed),
        cmocka_unit_test(test_verdict),
        cmocka_unit_test(test_packsig),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
