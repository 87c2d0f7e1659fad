/* bench_checks.c - `borderlab bench checks`: the database checks' name
 * matching measured (checks.h, names.h).
 *
 * Builds a database of N generated records (default 100,000) and plants in it
 * Q/2 identities spelled one way (a romanisation, sometimes with the Arabic
 * script too); runs Q queries, half for the planted people spelled another way
 * (another romanisation, or the Arabic script), half for people drawn from the
 * same name pools who may or may not be in the list. The truth is the name:
 * a hit is right when the record names the same person-name (the same given
 * names and family name, whatever the spelling), so a background record of
 * another MOHAMED HASSAN found by a query for MOHAMED HASSAN is right, and a
 * MOHAMED HUSSEIN is wrong. Prints precision and recall of name hits at
 * NAMES_MATCH and other thresholds, the query time (mean, p95) and the build
 * time. The last line is one JSON object. */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "args.h"
#include "bench.h"
#include "checks.h"
#include "cmd.h"
#include "names.h"
#include "rng.h"

static void usage(FILE *o) {
    fprintf(o, "usage: borderlab bench checks [--records N] [--queries Q] [--seed S] "
               "[--show-misses]\n\n"
               "Generates N records (default 100000) of the watch list, the lost/stolen\n"
               "document index and the national alert list, plants Q/2 identities in it and\n"
               "runs Q queries (default 2000): the planted people under another spelling or\n"
               "script, and people who may not be listed. Prints precision and recall of the\n"
               "name hits at NAMES_MATCH and at other thresholds, the milliseconds per query\n"
               "(mean, p95) and to build the database. --show-misses lists on stderr the\n"
               "wrong hits (other than a name left out) and the planted identities missed.\n");
}

/* The person-name a record or query names: the pool names' canonical
 * spellings (Arabic script, or the first romanisation), each as a number,
 * sorted, so the order of the components does not matter. */
typedef struct {
    uint64_t part[3];
    int n;
} name_parts;

static uint64_t hash_text(const char *s) {
    uint64_t h = 1469598103934665603ull;
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 1099511628211ull;
    return h;
}

static name_parts parts_of(const chk_gen_ids *ids) {
    name_parts p = {{0}, 0};
    const char *names[3];
    p.n = chk_gen_names(ids, 0, 1, names);
    for (int i = 0; i < p.n; i++)
        p.part[i] = hash_text(names[i]);
    for (int i = 0; i < p.n; i++)
        for (int j = i + 1; j < p.n; j++)
            if (p.part[j] < p.part[i]) {
                uint64_t t = p.part[i];
                p.part[i] = p.part[j], p.part[j] = t;
            }
    return p;
}

static uint64_t name_truth(const name_parts *p) {
    uint64_t h = 1469598103934665603ull;
    for (int i = 0; i < p->n; i++)
        h = (h ^ p->part[i]) * 1099511628211ull;
    return h;
}

/* One name's parts all among the other's: JULIA BELLOUNI and JULIA ANNA
 * BELLOUNI may be one person, a name check is right to show it. */
static int parts_within(const name_parts *a, const name_parts *b) {
    const name_parts *s = a->n <= b->n ? a : b, *l = a->n <= b->n ? b : a;
    int used[3] = {0};
    for (int i = 0; i < s->n; i++) {
        int found = 0;
        for (int j = 0; j < l->n && !found; j++)
            if (!used[j] && l->part[j] == s->part[i]) used[j] = found = 1;
        if (!found) return 0;
    }
    return 1;
}

typedef struct {
    uint64_t truth;
    int id;
} truth_row;

static int cmp_truth(const void *a, const void *b) {
    const truth_row *x = a, *y = b;
    if (x->truth != y->truth) return x->truth < y->truth ? -1 : 1;
    return x->id - y->id;
}

static int cmp_double(const void *a, const void *b) {
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* How many records name `truth` (binary search in the sorted table). */
static int truth_count(const truth_row *t, int n, uint64_t truth) {
    int lo = 0, hi = n;
    while (lo < hi) {
        int mid = (lo + hi) / 2;
        if (t[mid].truth < truth)
            lo = mid + 1;
        else
            hi = mid;
    }
    int c = 0;
    while (lo + c < n && t[lo + c].truth == truth)
        c++;
    return c;
}

#define THRESHOLDS 5
static const double thresholds[THRESHOLDS] = {0.70, 0.75, NAMES_MATCH, 0.85, 0.90};

typedef struct {
    long tp[THRESHOLDS], fp[THRESHOLDS], relevant;
    long within[THRESHOLDS]; /* wrong hits whose names are within the other's */
    int planted_found, planted_dob, planted;
} tally;

typedef struct {
    chk_db *db;
    uint64_t *truth;   /* per record */
    name_parts *parts; /* per record */
    truth_row *sorted; /* the same, sorted */
    chk_gen_ids *qids; /* per query */
    chk_query *q;      /* per query */
    int *planted_id;   /* per query: the planted record, -1 */
    int n, nq;
    int show; /* --show-misses: print wrong hits and missed planted identities on stderr */
} bench_db;

/* Builds the database: background records, then one planted record per
 * planted query (spelled one way; the query spells it another). */
static int build(bench_db *b, uint64_t seed, int records, int queries, bl_err *err) {
    if (chk_db_generate(b->db, seed, records, err) < 0) return -1;
    rng r;
    rng_init(&r, rng_derive(seed, "bench checks"));
    for (int k = 0; k < queries; k++) {
        int planted = k % 2 == 0;
        chk_gen_ids *ids = &b->qids[k];
        chk_gen_person(rng_u64(&r), rng_below(&r, 100) < 80, ids);
        chk_query *q = &b->q[k];
        memset(q, 0, sizeof *q);
        int v1 = (int)rng_below(&r, 1000), v2 = (int)rng_below(&r, 1000);
        int script = ids->arab && rng_below(&r, 100) < 30; /* the query in Arabic script */
        chk_gen_spell(ids, v2, script, q->surname, sizeof q->surname, q->given, sizeof q->given);
        b->planted_id[k] = -1;
        if (!planted) continue;
        chk_record rec;
        chk_gen_record(seed ^ 0x5EED, k, &rec, NULL); /* the rest of a record */
        rec.list = CHK_WATCHLIST, rec.category = CHK_WANTED, rec.action = CHK_HOLD_NOTIFY;
        chk_gen_spell(ids, v1, 0, rec.surname, sizeof rec.surname, rec.given, sizeof rec.given);
        rec.surname_ar[0] = rec.given_ar[0] = '\0';
        if (ids->arab && rng_below(&r, 100) < 50)
            chk_gen_spell(ids, 0, 1, rec.surname_ar, sizeof rec.surname_ar, rec.given_ar,
                          sizeof rec.given_ar);
        rec.birth = (bl_date){1960 + (int)rng_below(&r, 45), 1 + (int)rng_below(&r, 12),
                              1 + (int)rng_below(&r, 28)};
        q->birth = rec.birth;
        if ((b->planted_id[k] = chk_db_add(b->db, &rec)) < 0)
            return err_setc(err, BL_E_NOMEM, "out of memory planting identity %d", k);
    }
    b->n = chk_db_count(b->db);
    b->truth = malloc(sizeof *b->truth * (size_t)b->n);
    b->parts = malloc(sizeof *b->parts * (size_t)b->n);
    b->sorted = malloc(sizeof *b->sorted * (size_t)b->n);
    if (!b->truth || !b->parts || !b->sorted) return err_setc(err, BL_E_NOMEM, "out of memory");
    for (int i = 0; i < records; i++) {
        chk_record rec;
        chk_gen_ids ids;
        chk_gen_record(seed, i, &rec, &ids);
        b->parts[i] = parts_of(&ids);
    }
    for (int k = 0; k < queries; k++)
        if (b->planted_id[k] >= 0) b->parts[b->planted_id[k]] = parts_of(&b->qids[k]);
    for (int i = 0; i < b->n; i++)
        b->truth[i] = name_truth(&b->parts[i]);
    for (int i = 0; i < b->n; i++)
        b->sorted[i] = (truth_row){b->truth[i], i};
    qsort(b->sorted, (size_t)b->n, sizeof *b->sorted, cmp_truth);
    return 0;
}

/* One query at the lowest threshold, its hits counted at every threshold. */
static void score_query(const bench_db *b, int k, chk_hit *hits, int cap, tally *t) {
    name_parts qp = parts_of(&b->qids[k]);
    uint64_t truth = name_truth(&qp);
    int n = chk_query_run_at(b->db, &b->q[k], thresholds[0], hits, cap);
    t->relevant += truth_count(b->sorted, b->n, truth);
    for (int i = 0; i < n; i++) {
        int right = b->truth[hits[i].record] == truth;
        if (!right && hits[i].score >= NAMES_MATCH && b->show &&
            !parts_within(&qp, &b->parts[hits[i].record])) {
            const chk_record *r = chk_db_get(b->db, hits[i].record);
            fprintf(stderr, "FP %.3f  Q[%s | %s]  R[%s | %s] [%s | %s]\n", hits[i].score,
                    b->q[k].given, b->q[k].surname, r->given, r->surname, r->given_ar,
                    r->surname_ar);
        }
        for (int j = 0; j < THRESHOLDS; j++)
            if (hits[i].score >= thresholds[j]) {
                t->tp[j] += right;
                t->fp[j] += !right;
                t->within[j] += !right && parts_within(&qp, &b->parts[hits[i].record]);
            }
        if (hits[i].record == b->planted_id[k] && hits[i].score >= NAMES_MATCH) {
            t->planted_found++;
            t->planted_dob += hits[i].basis == CHK_BASIS_NAME_DOB;
        }
    }
    t->planted += b->planted_id[k] >= 0;
    if (b->show && b->planted_id[k] >= 0) {
        int f = 0;
        for (int i = 0; i < n; i++)
            f |= hits[i].record == b->planted_id[k] && hits[i].score >= NAMES_MATCH;
        const chk_record *r = chk_db_get(b->db, b->planted_id[k]);
        if (!f)
            fprintf(stderr, "MISS Q[%s | %s]  R[%s | %s] [%s | %s]\n", b->q[k].given,
                    b->q[k].surname, r->given, r->surname, r->given_ar, r->surname_ar);
    }
}

static void bench_db_free(bench_db *b) {
    chk_db_free(b->db);
    free(b->truth), free(b->parts), free(b->sorted), free(b->qids), free(b->q), free(b->planted_id);
}

static void report(const tally *t, int records, int queries, double build_ms, double mean,
                   double p95, double worst) {
    printf("checks: %d records (%d planted identities), %d name queries\n", records, t->planted,
           queries);
    printf("  a hit is right when the record names the same person-name (all of it), or, in\n"
           "  the last column, when one name's parts are all in the other's (a name left out)\n");
    printf("  threshold  precision  recall   hits right / wrong   precision, names left out\n");
    for (int j = 0; j < THRESHOLDS; j++) {
        long hits = t->tp[j] + t->fp[j];
        printf("  %.2f%s     %6.2f%%   %6.2f%%   %7ld / %-7ld    %6.2f%%\n", thresholds[j],
               thresholds[j] == NAMES_MATCH ? "*" : " ", hits ? 100.0 * t->tp[j] / hits : 100.0,
               t->relevant ? 100.0 * t->tp[j] / t->relevant : 100.0, t->tp[j], t->fp[j],
               hits ? 100.0 * (t->tp[j] + t->within[j]) / hits : 100.0);
    }
    printf("  (* NAMES_MATCH) planted identities found: %d of %d, %d of them on name and "
           "birth date\n",
           t->planted_found, t->planted, t->planted_dob);
    printf("  query: mean %.3f ms, p95 %.3f ms, worst %.3f ms; build %.0f ms\n", mean, p95, worst,
           build_ms);
    int m = 2; /* NAMES_MATCH's row */
    long hits = t->tp[m] + t->fp[m];
    printf("{\"records\": %d, \"queries\": %d, \"precision\": %.4f, "
           "\"precision_names_left_out\": %.4f, \"recall\": %.4f, \"planted_recall\": %.4f, "
           "\"query_mean_ms\": %.4f, \"query_p95_ms\": %.4f, \"build_ms\": %.1f}\n",
           records, queries, hits ? (double)t->tp[m] / hits : 1.0,
           hits ? (double)(t->tp[m] + t->within[m]) / hits : 1.0,
           t->relevant ? (double)t->tp[m] / t->relevant : 1.0,
           t->planted ? (double)t->planted_found / t->planted : 1.0, mean, p95, build_ms);
}

int bench_checks(int argc, char **argv) {
    uint64_t records = 100000, queries = 2000, seed = 1;
    int show = 0;
    const args_opt opts[] = {ARGS_U64("--records", &records, 0, 2000000),
                             ARGS_U64("--queries", &queries, 2, 100000),
                             ARGS_U64("--seed", &seed, 0, 9007199254740991ull),
                             ARGS_FLAG("--show-misses", &show), ARGS_END};
    int rc = args_parse("bench checks", opts, usage, argc, argv);
    if (rc != ARGS_GO) return rc;
    bl_err err = {0};
    int nq = (int)queries;
    bench_db b = {0};
    b.db = chk_db_new();
    b.qids = calloc((size_t)nq, sizeof *b.qids);
    b.q = calloc((size_t)nq, sizeof *b.q);
    b.planted_id = calloc((size_t)nq, sizeof *b.planted_id);
    b.nq = nq;
    b.show = show;
    if (!b.db || !b.qids || !b.q || !b.planted_id) {
        bench_db_free(&b);
        err_setc(&err, BL_E_NOMEM, "out of memory");
        return cmd_fail("bench", &err);
    }
    double t0 = bench_now_ms();
    if (build(&b, seed, (int)records, nq, &err) < 0) {
        bench_db_free(&b);
        return cmd_fail("bench", &err);
    }
    double build_ms = bench_now_ms() - t0;
    int cap = b.n > 0 ? b.n : 1;
    chk_hit *hits = malloc(sizeof *hits * (size_t)cap);
    double *ms = malloc(sizeof *ms * (size_t)nq);
    if (!hits || !ms) {
        free(hits), free(ms), bench_db_free(&b);
        err_setc(&err, BL_E_NOMEM, "out of memory");
        return cmd_fail("bench", &err);
    }
    /* timed: the queries as an officer's desk runs them, at NAMES_MATCH */
    double sum = 0;
    for (int k = 0; k < nq; k++) {
        double a = bench_now_ms();
        chk_query_run(b.db, &b.q[k], hits, cap);
        ms[k] = bench_now_ms() - a;
        sum += ms[k];
    }
    qsort(ms, (size_t)nq, sizeof *ms, cmp_double);
    tally t = {0};
    for (int k = 0; k < nq; k++)
        score_query(&b, k, hits, cap, &t);
    report(&t, b.n, nq, build_ms, sum / nq, ms[(int)(0.95 * (nq - 1))], ms[nq - 1]);
    free(hits), free(ms);
    bench_db_free(&b);
    return 0;
}
