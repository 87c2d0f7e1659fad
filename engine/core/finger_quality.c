/* finger_quality.c - an NFIQ-like quality score of a fingerprint image,
 * from the image alone.
 *
 * NFIQ 2 (NIST, ISO/IEC 29794-4) learns its score from many features; we
 * keep the few that carry most of its weight and that a trainee can be
 * shown: how much finger there is (foreground area), how certain the ridge
 * orientation is (coherence: NFIQ 2's OCL), how clearly ridges stand from
 * valleys (NFIQ 2's LCS measures the overlap of their gray levels; we use
 * the gray levels' spread across the ridge's profile), whether the ridge
 * period is plausible where it is measured (NFIQ 2's FDA), and how many
 * minutiae extraction finds. Each part is 0..1; the score multiplies the
 * area's part by a weighted mean of the others, 0..100.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "finger_int.h"

#define FULL_AREA_PX 85000.0 /* a full flat index fingertip on the 400 x 500 frame */

static int cmp_f(const void *x, const void *y) {
    float a = *(const float *)x, b = *(const float *)y;
    return (a > b) - (a < b);
}

/* The median of the periods measured on the foreground (0 when none). */
static double median_period(const fa_map *a) {
    float v[64 * 64];
    int n = 0;
    for (int b = 0; b < a->bw * a->bh && n < 64 * 64; b++)
        if (a->fg[b] && a->period[b] > 0) v[n++] = a->period[b];
    if (n == 0) return 0;
    qsort(v, (size_t)n, sizeof *v, cmp_f);
    return v[n / 2];
}

int fq_score(const fa_map *a, int nminutiae, finger_quality_report *q) {
    memset(q, 0, sizeof *q);
    double ocl = 0, clar = 0;
    int usable = 0;
    for (int b = 0; b < a->bw * a->bh; b++) {
        if (!a->fg[b]) continue;
        ocl += a->coh[b];
        clar += fm_clamp((a->contrast[b] - 15) / 70, 0, 1);
        usable += a->coh[b] > 0.45 && a->contrast[b] > 22; /* not a smudge, not noise */
    }
    int n = a->nfg;
    q->area = fm_clamp(usable * FA_B * FA_B / FULL_AREA_PX, 0, 1);
    q->orientation = n ? ocl / n : 0;
    q->clarity = n ? clar / n : 0;
    q->frequency = n ? fm_clamp((double)a->nperiod / n, 0, 1) : 0;
    q->minutiae = nminutiae;
    q->period = median_period(a);
    double parts =
        0.4 * fm_clamp((q->orientation - 0.3) / 0.65, 0, 1) + 0.4 * q->clarity + 0.2 * q->frequency;
    double area = pow(fm_clamp(q->area / 0.9, 0, 1), 1.2);
    double mins = fm_clamp(nminutiae / 20.0, 0, 1);
    q->score = (int)lround(100 * area * parts * (0.6 + 0.4 * mins));
    q->level = q->score >= 70   ? 1
               : q->score >= 55 ? 2
               : q->score >= 40 ? 3
               : q->score >= 20 ? 4
                                : 5;
    return 0;
}

int finger_quality(const finger_image *img, finger_quality_report *q, bl_err *err) {
    finger_template t;
    return fx_run(img, &t, q, err);
}
