/* test_journal.c - results that cannot be lost or quietly altered: every kind
 * of tampering is detected and named; a restarted session resumes. */
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
#include "journal.h"

static char dir[64], keyfile[128], path[128];
static unsigned char key[JOURNAL_KEY_BYTES];

static int setup(void **state) {
    (void)state;
    strcpy(dir, "/tmp/bl_journal_XXXXXX");
    if (!mkdtemp(dir)) return -1;
    snprintf(keyfile, sizeof keyfile, "%s/key", dir);
    snprintf(path, sizeof path, "%s/results.jsonl", dir);
    bl_err err = {0};
    if (journal_keygen(keyfile, &err) || journal_key_load(keyfile, key, &err)) {
        fprintf(stderr, "%s\n", err.msg);
        return -1;
    }
    return 0;
}

static int teardown(void **state) {
    (void)state;
    unlink(path);
    unlink(keyfile);
    rmdir(dir);
    return 0;
}

static void write_three(void) {
    bl_err err = {0};
    unlink(path);
    int n = -1;
    journal *j = journal_open(path, key, &n, &err);
    assert_non_null(j);
    assert_int_equal(n, 0);
    for (int i = 1; i <= 3; i++) {
        char e[128];
        snprintf(e, sizeof e, "{\"traveler\": \"s0%d\", \"decision\": \"admit\", \"points\": %d}",
                 i, 60 + i);
        assert_int_equal(journal_append(j, e, &err), 0);
    }
    journal_close(j);
}

/* Rewrites the journal through a function of its text. */
static void tamper(void (*fn)(char *text, size_t *len)) {
    bl_err err = {0};
    size_t len = 0;
    char *t = fs_read_all(path, 1 << 20, &len, &err);
    assert_non_null(t);
    fn(t, &len);
    FILE *f = fopen(path, "wb");
    fwrite(t, 1, len, f);
    fclose(f);
    free(t);
}

static void change_points(char *t, size_t *len) {
    (void)len;
    char *p = strstr(t, "\"points\":62");
    assert_non_null(p);
    p[10] = '9'; /* 62 -> 92 */
}
static void drop_second(char *t, size_t *len) {
    char *a = strchr(t, '\n') + 1, *b = strchr(a, '\n') + 1;
    memmove(a, b, *len - (size_t)(b - t));
    *len -= (size_t)(b - a);
}
static void cut_last(char *t, size_t *len) {
    (void)t;
    *len -= 20;
}
static void swap_first_two(char *t, size_t *len) {
    char *a = strchr(t, '\n') + 1, *b = strchr(a, '\n') + 1;
    size_t l1 = (size_t)(a - t), l2 = (size_t)(b - a);
    char *tmp = malloc(l1 + l2);
    memcpy(tmp, a, l2);
    memcpy(tmp + l2, t, l1);
    memcpy(t, tmp, l1 + l2);
    free(tmp);
    (void)len;
}

static void an_intact_journal_verifies_and_resumes(void **state) {
    (void)state;
    write_three();
    bl_err err = {0};
    int n = 0;
    assert_int_equal(journal_verify(path, key, &n, &err), 0);
    assert_int_equal(n, 3);
    journal *j = journal_open(path, key, &n, &err); /* a restarted session */
    assert_non_null(j);
    assert_int_equal(n, 3);
    assert_int_equal(journal_append(j, "{\"traveler\": \"s04\"}", &err), 0);
    journal_close(j);
    assert_int_equal(journal_verify(path, key, &n, &err), 0);
    assert_int_equal(n, 4);
}

static void every_tampering_is_named(void **state) {
    (void)state;
    static const struct {
        void (*fn)(char *, size_t *);
        const char *message;
    } rows[] = {
        {change_points, "line 2 (entry 2) was changed"},
        {drop_second, "line 2 has entry 3 where entry 2 belongs"},
        {cut_last, "line 3 is cut short"},
        {swap_first_two, "line 1 has entry 2 where entry 1 belongs"},
    };
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        write_three();
        tamper(rows[i].fn);
        bl_err err = {0};
        int n = 0;
        assert_int_equal(journal_verify(path, key, &n, &err), -1);
        if (!strstr(err.msg, rows[i].message))
            fail_msg("row %zu: \"%s\" lacks \"%s\"", i, err.msg, rows[i].message);
        /* callers branch on the code: tampering is a refusal (exit 1), not an I/O error */
        assert_string_equal(err_code_name(err.code), "refused");
        if (rows[i].fn == cut_last) {
            /* a last line cut short was never recorded (a crash while writing):
             * a restarted desk cuts it off and goes on after the intact entries */
            journal *j = journal_open(path, key, &n, &err);
            assert_non_null(j);
            assert_int_equal(journal_repaired(j), 3);
            assert_int_equal(n, 2);
            assert_int_equal(journal_append(j, "{\"traveler\": \"s03\"}", &err), 0);
            journal_close(j);
            assert_int_equal(journal_verify(path, key, &n, &err), 0);
            assert_int_equal(n, 3);
            continue;
        }
        /* and a session refuses to append to it */
        assert_null(journal_open(path, key, &n, &err));
    }
}

/* Two desks on one journal would fork its chain: the second is refused
 * while the first has it open, and gets it once the first closes. */
static void one_desk_at_a_time(void **state) {
    (void)state;
    write_three();
    bl_err err = {0};
    int n = 0;
    journal *a = journal_open(path, key, &n, &err);
    assert_non_null(a);
    journal *b = journal_open(path, key, &n, &err);
    assert_null(b);
    assert_non_null(strstr(err.msg, "open in another desk"));
    assert_int_equal(err.code, BL_E_IO);
    journal_close(a);
    b = journal_open(path, key, &n, &err);
    assert_non_null(b);
    assert_int_equal(n, 3);
    journal_close(b);
}

static void a_wrong_key_is_refused(void **state) {
    (void)state;
    write_three();
    unsigned char other[JOURNAL_KEY_BYTES];
    memcpy(other, key, sizeof other);
    other[0] ^= 1;
    bl_err err = {0};
    int n = 0;
    assert_int_equal(journal_verify(path, other, &n, &err), -1);
    assert_non_null(strstr(err.msg, "or the key is not this journal's"));
    assert_int_equal(err.code, BL_E_REFUSED);
    char bad[160];
    snprintf(bad, sizeof bad, "%s/badkey", dir);
    FILE *f = fopen(bad, "w");
    fputs("not a key\n", f);
    fclose(f);
    assert_int_equal(journal_key_load(bad, other, &err), -1);
    assert_non_null(strstr(err.msg, "is not a journal key"));
    assert_int_equal(err.code, BL_E_INPUT);
    unlink(bad);
    assert_int_equal(journal_key_load(bad, other, &err), -1); /* gone: an I/O error */
    assert_int_equal(err.code, BL_E_IO);
    assert_int_equal(journal_keygen(keyfile, &err), -1); /* never overwrites a key */
    assert_int_equal(err.code, BL_E_IO);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(an_intact_journal_verifies_and_resumes),
        cmocka_unit_test(every_tampering_is_named),
        cmocka_unit_test(a_wrong_key_is_refused),
        cmocka_unit_test(one_desk_at_a_time),
    };
    return cmocka_run_group_tests_name("journal", tests, setup, teardown);
}
