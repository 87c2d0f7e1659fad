/* test_finger.c - synthetic fingerprints (finger.h): the same seed makes the
 * same finger and others differ; pattern classes come at realistic rates
 * and the image shows the class's singular points; the ridge period is
 * what the finger has; minutiae extracted from a clean image are the
 * master's; quality falls with dry, smudged and partial captures; mated
 * prints score above the threshold and others below; a 1:N search ranks
 * the mate first and gives a list; an injured finger still extracts and
 * matches; the ISO-like record says what the template holds.
 *
 * The fingers are made once for all tests (a finger takes most of a second
 * under the sanitizers). */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "finger.h"

#ifndef M_PI
#define M_PI 3.14159265358979323846
#endif

#define NM 6 /* fingers: [0] a loop, [1] a whorl, [2] an arch, then any */

typedef struct fixture {
    finger_master *m[NM];
    finger_impression good[NM], other[NM];
    finger_template tg[NM], to[NM];
} fixture;

static uint64_t seed_of_class(finger_class want, int position, uint64_t from) {
    for (uint64_t s = from; s < from + 100000; s++)
        if ((int)finger_class_for(s, position) == (int)want) return s;
    return from;
}

/* A centred, clean capture. */
static void clean_capture(finger_capture *c, uint64_t seed) {
    finger_capture_preset(c, FINGER_CAPTURE_GOOD, seed);
    c->dx = c->dy = 0, c->rotation = 0;
}

static int all_shown(const finger_master *m, const finger_impression *imp) {
    const finger_info *in = finger_master_info(m);
    return imp->ncores == in->ncores && imp->ndeltas == in->ndeltas;
}

/* Finger k of the given class whose singular points all show when centred. */
static int make_finger(fixture *f, int k, finger_class want, int position, uint64_t from) {
    bl_err err = {0};
    for (int tries = 0; tries < 6; tries++) {
        uint64_t s = want < FINGER_CLASS_COUNT ? seed_of_class(want, position, from) : from;
        finger_capture c;
        f->m[k] = finger_master_create(s, position, &err);
        if (!f->m[k]) return -1;
        clean_capture(&c, s);
        if (finger_impress(f->m[k], &c, &f->good[k], &err) != 0) return -1;
        if (want == FINGER_CLASS_COUNT || all_shown(f->m[k], &f->good[k])) return 0;
        finger_impression_deinit(&f->good[k]);
        finger_master_destroy(f->m[k]);
        f->m[k] = NULL;
        from = s + 1;
    }
    return -1;
}

static int setup(void **state) {
    fixture *f = calloc(1, sizeof *f);
    bl_err err = {0};
    static const finger_class want[NM] = {FINGER_RIGHT_LOOP,  FINGER_WHORL,
                                          FINGER_ARCH,        FINGER_CLASS_COUNT,
                                          FINGER_CLASS_COUNT, FINGER_CLASS_COUNT};
    for (int k = 0; f && k < NM; k++) {
        if (make_finger(f, k, want[k], 2 + k, 100 + 1000 * (uint64_t)k) != 0) {
            fprintf(stderr, "setup: finger %d: %s\n", k, err.msg);
            return -1;
        }
        finger_capture c; /* the same finger again: moved, turned, pressed differently */
        finger_capture_preset(&c, FINGER_CAPTURE_GOOD, 77 + (uint64_t)k);
        c.rotation = k % 2 ? 0.25 : -0.2, c.dx = 25, c.dy = -15, c.pressure = 0.62;
        if (finger_impress(f->m[k], &c, &f->other[k], &err) != 0 ||
            finger_extract(&f->good[k].img, &f->tg[k], &err) != 0 ||
            finger_extract(&f->other[k].img, &f->to[k], &err) != 0) {
            fprintf(stderr, "setup: %s\n", err.msg);
            return -1;
        }
    }
    *state = f;
    return 0;
}

static int teardown(void **state) {
    fixture *f = *state;
    for (int k = 0; f && k < NM; k++) {
        finger_impression_deinit(&f->good[k]);
        finger_impression_deinit(&f->other[k]);
        finger_master_destroy(f->m[k]);
    }
    free(f);
    return 0;
}

static void the_same_seed_makes_the_same_finger_and_others_differ(void **state) {
    fixture *f = *state;
    const finger_info *in = finger_master_info(f->m[3]);
    bl_err err = {0};
    finger_master *again = finger_master_create(3100, 5, &err);
    assert_non_null(again);
    assert_memory_equal(in, finger_master_info(again), sizeof *in);
    finger_capture c;
    finger_impression imp;
    clean_capture(&c, 3100);
    assert_int_equal(finger_impress(again, &c, &imp, &err), 0);
    assert_memory_equal(imp.img.px, f->good[3].img.px, (size_t)FINGER_IMG_W * FINGER_IMG_H);
    finger_impression_deinit(&imp);
    finger_master_destroy(again);
    /* other people, and the same person's other fingers, have other minutiae */
    for (int k = 0; k < NM; k++) {
        if (k == 3) continue;
        const finger_info *o = finger_master_info(f->m[k]);
        int same = 0;
        for (int i = 0; i < in->nminutiae; i++)
            for (int j = 0; j < o->nminutiae; j++)
                same += fabsf(in->minutiae[i].x - o->minutiae[j].x) < 1 &&
                        fabsf(in->minutiae[i].y - o->minutiae[j].y) < 1;
        assert_true(same < 3);
    }
    assert_int_equal(finger_master_create(1, 11, &err) == NULL, 1);
    assert_int_equal(finger_class_for(1, 0), FINGER_CLASS_COUNT);
}

static void pattern_classes_come_at_realistic_rates(void **state) {
    (void)state;
    int n[2][FINGER_CLASS_COUNT] = {{0}}, total = 0;
    for (uint64_t s = 0; s < 3000; s++)
        for (int p = 1; p <= 10; p++, total++)
            n[p > 5][finger_class_for(s, p)]++;
    double loops = n[0][FINGER_LEFT_LOOP] + n[0][FINGER_RIGHT_LOOP] + n[1][FINGER_LEFT_LOOP] +
                   n[1][FINGER_RIGHT_LOOP];
    double whorls = n[0][FINGER_WHORL] + n[1][FINGER_WHORL];
    double arches =
        n[0][FINGER_ARCH] + n[0][FINGER_TENTED_ARCH] + n[1][FINGER_ARCH] + n[1][FINGER_TENTED_ARCH];
    assert_true(loops / total > 0.58 && loops / total < 0.70);
    assert_true(whorls / total > 0.25 && whorls / total < 0.35);
    assert_true(arches / total > 0.03 && arches / total < 0.09);
    /* ulnar loops: a right hand's open to the right, a left hand's to the left */
    assert_true(n[0][FINGER_RIGHT_LOOP] > 4 * n[0][FINGER_LEFT_LOOP]);
    assert_true(n[1][FINGER_LEFT_LOOP] > 4 * n[1][FINGER_RIGHT_LOOP]);
}

static void the_image_shows_the_classes_singular_points(void **state) {
    fixture *f = *state;
    static const int cores[3] = {1, 2, 0}, deltas[3] = {1, 2, 0};
    for (int k = 0; k < 3; k++) {
        const finger_info *in = finger_master_info(f->m[k]);
        assert_int_equal(in->ncores, cores[k]);
        assert_int_equal(in->ndeltas, deltas[k]);
        /* counted by the Poincare index of the orientation estimated from the pixels */
        assert_int_equal(f->tg[k].ncores, cores[k]);
        assert_int_equal(f->tg[k].ndeltas, deltas[k]);
        for (int i = 0; i < f->tg[k].ncores; i++) { /* and where they are */
            double best = 1e9;
            for (int j = 0; j < f->good[k].ncores; j++)
                best = fmin(best, hypot(f->tg[k].cores[i].x - f->good[k].cores[j].x,
                                        f->tg[k].cores[i].y - f->good[k].cores[j].y));
            assert_true(best < (cores[k] == 1 ? 24 : 48)); /* a whorl's two, close: roughly */
        }
    }
}

static void the_ridge_period_is_the_fingers(void **state) {
    fixture *f = *state;
    bl_err err = {0};
    for (int k = 0; k < NM; k++) {
        finger_quality_report q;
        assert_int_equal(finger_quality(&f->good[k].img, &q, &err), 0);
        double want = finger_master_info(f->m[k])->period;
        assert_true(want > 8 && want < 11); /* 0.41 .. 0.56 mm at 500 ppi */
        assert_true(fabs(q.period - want) / want < 0.12);
    }
}

/* How many of `a` have one of `b` within 10 px and 30 degrees. */
static int near_count(const finger_minutia *a, int na, const finger_minutia *b, int nb) {
    int n = 0;
    for (int i = 0; i < na; i++)
        for (int j = 0; j < nb; j++) {
            double da = fabs(fmod(a[i].angle - b[j].angle + 3 * M_PI, 2 * M_PI) - M_PI);
            if (hypot(a[i].x - b[j].x, a[i].y - b[j].y) <= 10 && da <= M_PI / 6) {
                n++;
                break;
            }
        }
    return n;
}

static void minutiae_from_a_clean_image_are_the_masters(void **state) {
    fixture *f = *state;
    int truth = 0, found = 0, extracted = 0, real = 0;
    for (int k = 0; k < NM; k++) {
        const finger_impression *imp = &f->good[k];
        const finger_template *t = &f->tg[k];
        assert_true(imp->ntruth >= 15);
        truth += imp->ntruth, extracted += t->n;
        found += near_count(imp->truth, imp->ntruth, t->m, t->n);
        real += near_count(t->m, t->n, imp->truth, imp->ntruth);
    }
    assert_true(truth >= 25 * NM);         /* a full flat print shows dozens */
    assert_true(found >= 0.75 * truth);    /* most of the truth is found */
    assert_true(real >= 0.80 * extracted); /* and few are false */
}

static void quality_falls_with_dry_smudged_and_partial_captures(void **state) {
    fixture *f = *state;
    bl_err err = {0};
    for (int k = 0; k < 2; k++) {
        finger_quality_report good, q;
        assert_int_equal(finger_quality(&f->good[k].img, &good, &err), 0);
        assert_true(good.score >= 70 && good.level <= 2);
        static const finger_capture_kind worse[3] = {FINGER_CAPTURE_DRY, FINGER_CAPTURE_WET,
                                                     FINGER_CAPTURE_PARTIAL};
        for (int w = 0; w < 3; w++) {
            finger_capture c;
            finger_impression imp;
            finger_capture_preset(&c, worse[w], 500 + (uint64_t)(k * 3 + w));
            assert_int_equal(finger_impress(f->m[k], &c, &imp, &err), 0);
            assert_int_equal(finger_quality(&imp.img, &q, &err), 0);
            assert_true(q.score <= good.score - 12);
            if (worse[w] == FINGER_CAPTURE_PARTIAL) assert_true(q.area < 0.8 * good.area);
            if (worse[w] == FINGER_CAPTURE_DRY) assert_true(q.orientation < good.orientation);
            finger_impression_deinit(&imp);
        }
    }
}

static void mated_prints_score_above_the_threshold_and_others_below(void **state) {
    fixture *f = *state;
    for (int i = 0; i < NM; i++)
        for (int j = 0; j < NM; j++) {
            finger_match_result r;
            double s = finger_match(&f->tg[i], &f->to[j], &r);
            if (i == j) {
                assert_true(s >= FINGER_MATCH_THRESHOLD);
                assert_true(r.npairs >= 10);
                /* the alignment found is the capture's: turned by about the rotation given */
                double want = (j % 2 ? 0.25 : -0.2);
                assert_true(fabs(r.rotation - want) < 0.12);
            } else {
                assert_true(s < FINGER_MATCH_THRESHOLD);
            }
        }
}

/* A template of master k's own minutiae seen through a window, turned,
 * moved and maybe mirrored: another finger for the matcher. */
static void decoy(const finger_master *m, int variant, finger_template *t) {
    const finger_info *in = finger_master_info(m);
    double a = 0.4 * (variant % 5) - 0.8, c = cos(a), s = sin(a), mir = variant % 2 ? -1 : 1;
    memset(t, 0, sizeof *t);
    t->w = FINGER_IMG_W, t->h = FINGER_IMG_H, t->ppi = FINGER_PPI, t->quality = 80;
    for (int i = 0; i < in->nminutiae && t->n < FINGER_MAX_MINUTIAE; i++) {
        double x = mir * (in->minutiae[i].x - 240), y = in->minutiae[i].y - 304;
        double ang = mir < 0 ? M_PI - in->minutiae[i].angle : in->minutiae[i].angle;
        double px = 200 + c * x - s * y + 7 * (variant % 3), py = 250 + s * x + c * y;
        if (px < 10 || py < 10 || px > FINGER_IMG_W - 10 || py > FINGER_IMG_H - 10) continue;
        finger_minutia *o = &t->m[t->n++];
        *o = in->minutiae[i];
        o->x = (float)px, o->y = (float)py, o->angle = (float)fmod(ang + a + 4 * M_PI, 2 * M_PI);
    }
}

static void a_search_ranks_the_mate_first_and_gives_a_list(void **state) {
    fixture *f = *state;
    enum { N = 100, MATE = 37 };
    finger_template *g = calloc(N, sizeof *g);
    assert_non_null(g);
    for (int i = 0, v = 0; i < N; i++) {
        if (i == MATE)
            g[i] = f->to[0];
        else if (i < NM && i != 0)
            g[i] = f->to[i];
        else
            decoy(f->m[1 + v % (NM - 1)], v, &g[i]), v++;
    }
    finger_candidate c[10];
    int n = finger_search(&f->tg[0], g, N, FINGER_MATCH_THRESHOLD, c, 10);
    assert_true(n >= 1 && n <= 10);
    assert_int_equal(c[0].index, MATE);
    for (int k = 0; k < n; k++) {
        assert_true(c[k].score >= FINGER_MATCH_THRESHOLD);
        if (k > 0) assert_true(c[k].score <= c[k - 1].score);
    }
    /* a finger not in the gallery: a list, empty here, never a forced answer */
    g[MATE] = g[MATE + 1];
    assert_int_equal(finger_search(&f->tg[0], g, N, FINGER_MATCH_THRESHOLD, c, 10), 0);
    /* a list that is cut to the room given */
    assert_true(finger_search(&f->tg[0], g, N, 0, c, 3) == 3);
    free(g);
}

static void an_injured_finger_still_extracts_and_matches(void **state) {
    fixture *f = *state;
    bl_err err = {0};
    finger_capture c;
    finger_impression imp;
    finger_template t;
    finger_capture_preset(&c, FINGER_CAPTURE_SCARRED, 9);
    c.scar = 1.0;
    assert_int_equal(finger_impress(f->m[3], &c, &imp, &err), 0);
    /* the scar is there: a band of paper white across the ridges */
    long white = 0;
    for (int i = 0; i < FINGER_IMG_W * FINGER_IMG_H; i++)
        white += imp.img.px[i] > 200 && f->good[3].img.px[i] < 120;
    assert_true(white > 300);
    assert_int_equal(finger_extract(&imp.img, &t, &err), 0);
    assert_true(t.n >= 15);
    assert_true(finger_match(&t, &f->tg[3], NULL) >= FINGER_MATCH_THRESHOLD);
    finger_impression_deinit(&imp);
}

static void the_iso_record_says_what_the_template_holds(void **state) {
    fixture *f = *state;
    const finger_template *t = &f->tg[0];
    uint8_t buf[2048];
    size_t n = finger_template_iso(t, 2, buf, sizeof buf);
    assert_int_equal(n, 24 + 4 + 6 * (size_t)t->n + 2);
    assert_memory_equal(buf, "FMR\0 20\0", 8);
    assert_int_equal(((size_t)buf[8] << 24) | ((size_t)buf[9] << 16) | (buf[10] << 8) | buf[11], n);
    assert_int_equal((buf[14] << 8) | buf[15], FINGER_IMG_W);
    assert_int_equal(buf[24], 2);    /* finger position: right index */
    assert_int_equal(buf[27], t->n); /* minutiae */
    const uint8_t *m = buf + 28;     /* the first minutia */
    assert_int_equal(m[0] >> 6, t->m[0].kind == FINGER_ENDING ? 1 : 2);
    assert_int_equal(((m[0] & 63) << 8) | m[1], (int)lround(t->m[0].x));
    double ccw = m[4] * 2 * M_PI / 256, back = fmod(2 * M_PI - ccw, 2 * M_PI);
    assert_true(fabs(fmod(back - t->m[0].angle + 3 * M_PI, 2 * M_PI) - M_PI) < 0.03);
    assert_true(finger_template_iso(t, 2, buf, 10) == n); /* the size, written or not */
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(the_same_seed_makes_the_same_finger_and_others_differ),
        cmocka_unit_test(pattern_classes_come_at_realistic_rates),
        cmocka_unit_test(the_image_shows_the_classes_singular_points),
        cmocka_unit_test(the_ridge_period_is_the_fingers),
        cmocka_unit_test(minutiae_from_a_clean_image_are_the_masters),
        cmocka_unit_test(quality_falls_with_dry_smudged_and_partial_captures),
        cmocka_unit_test(mated_prints_score_above_the_threshold_and_others_below),
        cmocka_unit_test(a_search_ranks_the_mate_first_and_gives_a_list),
        cmocka_unit_test(an_injured_finger_still_extracts_and_matches),
        cmocka_unit_test(the_iso_record_says_what_the_template_holds),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
