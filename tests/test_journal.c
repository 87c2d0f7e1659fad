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
#include <dirent.h>
#include <sys/stat.h>
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

static char wdir[128];

static int teardown(void **state) {
    (void)state;
    unlink(path);
    unlink(keyfile);
    DIR *d = wdir[0] ? opendir(wdir) : NULL;
    struct dirent *e;
    while (d && (e = readdir(d))) {
        char p[512];
        snprintf(p, sizeof p, "%s/%s", wdir, e->d_name);
        if (e->d_name[0] != '.') unlink(p);
    }
    if (d) closedir(d), rmdir(wdir);
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
/* The second line's MAC cut to two characters: refused by its length, before
 * any comparison reads 64 bytes of it. */
static void short_mac(char *t, size_t *len) {
    char *line2 = strchr(t, '\n') + 1;
    char *m = strstr(line2, "\"mac\": \"") + 8;
    char *end = strchr(m, '"');
    memmove(m + 2, end, *len - (size_t)(end - t));
    *len -= (size_t)(end - m) - 2;
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
    assert_int_equal(journal_verify(path, key, NULL, &n, NULL, &err), 0);
    assert_int_equal(n, 3);
    journal *j = journal_open(path, key, &n, &err); /* a restarted session */
    assert_non_null(j);
    assert_int_equal(n, 3);
    assert_int_equal(journal_append(j, "{\"traveler\": \"s04\"}", &err), 0);
    journal_close(j);
    assert_int_equal(journal_verify(path, key, NULL, &n, NULL, &err), 0);
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
        {short_mac, "line 2 (entry 2) was changed"},
    };
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        write_three();
        tamper(rows[i].fn);
        bl_err err = {0};
        int n = 0;
        assert_int_equal(journal_verify(path, key, NULL, &n, NULL, &err), -1);
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
            assert_int_equal(journal_verify(path, key, NULL, &n, NULL, &err), 0);
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
    assert_int_equal(journal_verify(path, other, NULL, &n, NULL, &err), -1);
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

/* ---- the witness ---- */

static void write_n(int n, const char *witness) {
    bl_err err = {0};
    unlink(path);
    journal *j = journal_open_read(path, key, witness, NULL, NULL, NULL, &err);
    assert_non_null(j);
    for (int i = 1; i <= n; i++) {
        char e[64];
        snprintf(e, sizeof e, "{\"traveler\": \"s%02d\"}", i);
        assert_int_equal(journal_append(j, e, &err), 0);
    }
    journal_close(j);
}

/* Keeps the first `lines` lines of the journal: what a trainee with write
 * access to it can do. */
static void keep_lines(int lines) {
    bl_err err = {0};
    size_t len = 0;
    char *t = fs_read_all(path, 1 << 20, &len, &err);
    assert_non_null(t);
    size_t at = 0;
    for (int l = 0; l < lines; l++)
        at = (size_t)(strchr(t + at, '\n') - t) + 1;
    FILE *f = fopen(path, "wb");
    fwrite(t, 1, at, f);
    fclose(f);
    free(t);
}

static void a_journal_cut_short_is_named_by_its_witness(void **state) {
    (void)state;
    snprintf(wdir, sizeof wdir, "%s/witness", dir);
    mkdir(wdir, 0700);
    write_n(8, wdir);
    bl_err err = {0};
    int n = 0, seen = 0;
    assert_int_equal(journal_verify(path, key, wdir, &n, &seen, &err), 0);
    assert_int_equal(n, 8);
    assert_int_equal(seen, 8);
    keep_lines(5); /* the last three deleted: what remains still chains */
    assert_int_equal(journal_verify(path, key, NULL, &n, NULL, &err), 0);
    assert_int_equal(journal_verify(path, key, wdir, &n, &seen, &err), -1);
    assert_int_equal(err.code, BL_E_REFUSED);
    assert_non_null(strstr(err.msg, "entries 6-8 of 8 are missing"));
    /* a desk refuses to resume it (and to write anything into it) */
    assert_null(journal_open_read(path, key, wdir, NULL, NULL, &n, &err));
    assert_non_null(strstr(err.msg, "entries 6-8 of 8 are missing"));
    int torn = 0;
    assert_int_equal(journal_read(path, key, wdir, NULL, NULL, &n, &torn, &err), -1);
}

static void a_journal_replaced_by_another_copy_is_refused(void **state) {
    (void)state;
    write_n(4, wdir);
    keep_lines(2); /* an old copy of the first two, then other entries */
    bl_err err = {0};
    journal *j = journal_open_read(path, key, NULL, NULL, NULL, NULL, &err); /* no witness */
    assert_non_null(j);
    for (int i = 0; i < 3; i++)
        assert_int_equal(journal_append(j, "{\"traveler\": \"other\"}", &err), 0);
    journal_close(j);
    int n = 0;
    assert_int_equal(journal_verify(path, key, wdir, &n, NULL, &err), -1);
    assert_non_null(strstr(err.msg, "is not the one its witness saw (entry 4 differs)"));
}

static void a_forged_witness_is_refused(void **state) {
    (void)state;
    write_n(3, wdir);
    /* the witness edited to say fewer entries: its MAC fails */
    char wpath[512];
    snprintf(wpath, sizeof wpath, "%s/%s", wdir, "x");
    DIR *d = opendir(wdir);
    struct dirent *e;
    while ((e = readdir(d)))
        if (strstr(e->d_name, ".witness")) snprintf(wpath, sizeof wpath, "%s/%s", wdir, e->d_name);
    closedir(d);
    bl_err err = {0};
    size_t len = 0;
    char *t = fs_read_all(wpath, 4096, &len, &err);
    assert_non_null(t);
    char *p = strstr(t, "\"entries\": 3");
    assert_non_null(p);
    p[12] = '2';
    FILE *f = fopen(wpath, "wb");
    fwrite(t, 1, len, f);
    fclose(f);
    free(t);
    int n = 0;
    assert_int_equal(journal_verify(path, key, wdir, &n, NULL, &err), -1);
    assert_non_null(strstr(err.msg, "is not this journal's (its MAC fails)"));
}

/* A power cut can stop a write anywhere in the last entry's line. The witness
 * is written after the entry is on disk, so at that moment it still says the
 * entry before. Cut at every byte of the last line: the journal opens with
 * the entries before it (the cut line removed, never taken as an entry), goes
 * on, and meets its witness. */
static void a_power_cut_anywhere_in_the_last_entry_loses_no_earlier_entry(void **state) {
    (void)state;
    write_n(3, wdir);
    bl_err err = {0};
    size_t len = 0;
    char *full = fs_read_all(path, 1 << 20, &len, &err);
    assert_non_null(full);
    size_t start = len - 1; /* the last line's first byte */
    while (start > 0 && full[start - 1] != '\n')
        start--;
    write_n(2, wdir); /* the witness as it was before the third entry */
    char *witness = NULL;
    DIR *d = opendir(wdir);
    struct dirent *e;
    char wpath[512] = "";
    while ((e = readdir(d)))
        if (strstr(e->d_name, ".witness")) snprintf(wpath, sizeof wpath, "%s/%s", wdir, e->d_name);
    closedir(d);
    size_t wlen = 0;
    witness = fs_read_all(wpath, 4096, &wlen, &err);
    assert_non_null(witness);
    for (size_t cut = start; cut < len; cut++) {
        FILE *f = fopen(path, "wb");
        fwrite(full, 1, cut, f);
        fclose(f);
        f = fopen(wpath, "wb");
        fwrite(witness, 1, wlen, f);
        fclose(f);
        int n = -1;
        journal *j = journal_open_read(path, key, wdir, NULL, NULL, &n, &err);
        if (!j) fail_msg("cut at byte %zu: %s", cut, err.msg);
        assert_int_equal(n, 2);
        assert_int_equal(journal_repaired(j) != 0, cut > start); /* a partial line removed */
        assert_int_equal(journal_append(j, "{\"traveler\": \"again\"}", &err), 0);
        journal_close(j);
        int seen = 0;
        assert_int_equal(journal_verify(path, key, wdir, &n, &seen, &err), 0);
        assert_true(n == 3 && seen == 3);
    }
    free(full);
    free(witness);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(an_intact_journal_verifies_and_resumes),
        cmocka_unit_test(every_tampering_is_named),
        cmocka_unit_test(a_wrong_key_is_refused),
        cmocka_unit_test(one_desk_at_a_time),
        cmocka_unit_test(a_journal_cut_short_is_named_by_its_witness),
        cmocka_unit_test(a_journal_replaced_by_another_copy_is_refused),
        cmocka_unit_test(a_forged_witness_is_refused),
        cmocka_unit_test(a_power_cut_anywhere_in_the_last_entry_loses_no_earlier_entry),
    };
    return cmocka_run_group_tests_name("journal", tests, setup, teardown);
}
