/* checks.c - the database checks (see checks.h): records, their indexes, queries.
 *
 * Two hash maps (open addressing, FNV-1a): a name component's key -> the
 * records with a name component of that key, and a document number -> its
 * records. Each record's names (Latin, and Arabic when it has them) are read
 * once by names_parse and kept serialized in an arena:
 *   [components][arabic mask][sym 0] NUL [sym 1] NUL ...
 * so a query compares only symbols, not UTF-8.
 */
#include "checks.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "names.h"

#define KEY_CAP 24 /* >= NAMES_KEY_MAX and a document number's 16 */
#define NO_NAME UINT32_MAX

typedef struct {
    char key[KEY_CAP]; /* "" : empty slot */
    int *ids;
    int n, cap;
} bucket;

typedef struct {
    bucket *b;
    int cap, used; /* cap a power of two */
} kmap;

struct chk_db {
    chk_record *rec;
    uint32_t *name_at; /* 2 per record: Latin, Arabic; NO_NAME when unreadable or none */
    int n, cap;
    char *arena;
    size_t alen, acap;
    kmap names, docs;
};

/* ---- hash maps ---------------------------------------------------------------------------- */

static uint32_t hash_str(const char *s) {
    uint32_t h = 2166136261u;
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 16777619u;
    return h;
}

static bucket *kmap_find(const kmap *m, const char *key) {
    if (m->cap == 0) return NULL;
    for (uint32_t i = hash_str(key) & (uint32_t)(m->cap - 1);;
         i = (i + 1) & (uint32_t)(m->cap - 1)) {
        bucket *b = &m->b[i];
        if (b->key[0] == '\0') return NULL;
        if (strcmp(b->key, key) == 0) return b;
    }
}

static int kmap_grow(kmap *m) {
    int cap = m->cap ? m->cap * 2 : 1024;
    bucket *nb = calloc((size_t)cap, sizeof *nb);
    if (!nb) return -1;
    for (int i = 0; i < m->cap; i++) {
        bucket *o = &m->b[i];
        if (o->key[0] == '\0') continue;
        uint32_t j = hash_str(o->key) & (uint32_t)(cap - 1);
        while (nb[j].key[0])
            j = (j + 1) & (uint32_t)(cap - 1);
        nb[j] = *o;
    }
    free(m->b);
    m->b = nb;
    m->cap = cap;
    return 0;
}

/* Adds id to key's list (once: a record's two names often share keys). */
static int kmap_add(kmap *m, const char *key, int id) {
    if (!key[0] || strlen(key) >= KEY_CAP) return 0;
    if ((m->used + 1) * 2 > m->cap && kmap_grow(m) < 0) return -1;
    uint32_t i = hash_str(key) & (uint32_t)(m->cap - 1);
    while (m->b[i].key[0] && strcmp(m->b[i].key, key) != 0)
        i = (i + 1) & (uint32_t)(m->cap - 1);
    bucket *b = &m->b[i];
    if (!b->key[0]) strcpy(b->key, key), m->used++;
    if (b->n > 0 && b->ids[b->n - 1] == id) return 0;
    if (b->n == b->cap) {
        int cap = b->cap ? b->cap * 2 : 4;
        int *ids = realloc(b->ids, sizeof *ids * (size_t)cap);
        if (!ids) return -1;
        b->ids = ids, b->cap = cap;
    }
    b->ids[b->n++] = id;
    return 0;
}

static void kmap_free(kmap *m) {
    for (int i = 0; i < m->cap; i++)
        free(m->b[i].ids);
    free(m->b);
}

/* ---- names in the arena ------------------------------------------------------------------ */

static uint32_t arena_put_name(chk_db *db, const names_parsed *p) {
    size_t need = 2;
    for (int i = 0; i < p->n; i++)
        need += strlen(p->sym[i]) + 1;
    if (db->alen + need > db->acap) {
        size_t cap = db->acap ? db->acap * 2 : 1 << 16;
        while (cap < db->alen + need)
            cap *= 2;
        if (cap >= UINT32_MAX) return NO_NAME; /* offsets are 32-bit: ~40 million names */
        char *a = realloc(db->arena, cap);
        if (!a) return NO_NAME;
        db->arena = a, db->acap = cap;
    }
    uint32_t at = (uint32_t)db->alen;
    char *o = db->arena + db->alen;
    unsigned char mask = 0;
    for (int i = 0; i < p->n; i++)
        mask |= (unsigned char)(p->arabic[i] << i);
    *o++ = (char)p->n;
    *o++ = (char)mask;
    for (int i = 0; i < p->n; i++) {
        size_t k = strlen(p->sym[i]) + 1;
        memcpy(o, p->sym[i], k);
        o += k;
    }
    db->alen += need;
    return at;
}

static void arena_get_name(const chk_db *db, uint32_t at, names_parsed *p) {
    const char *s = db->arena + at;
    p->n = (unsigned char)s[0];
    unsigned char mask = (unsigned char)s[1];
    s += 2;
    for (int i = 0; i < p->n; i++) {
        size_t k = strlen(s) + 1;
        p->arabic[i] = (mask >> i) & 1;
        memcpy(p->sym[i], s, k);
        s += k;
    }
}

/* ---- the database ---------------------------------------------------------------------------- */

chk_db *chk_db_new(void) {
    return calloc(1, sizeof(chk_db));
}

void chk_db_free(chk_db *db) {
    if (!db) return;
    kmap_free(&db->names);
    kmap_free(&db->docs);
    free(db->rec);
    free(db->name_at);
    free(db->arena);
    free(db);
}

/* A document number as the index keeps it: letters and digits, upper case
 * ("qn 123-456" and "QN123456" are one number). */
static void doc_norm(const char *in, char *out, size_t cap) {
    size_t n = 0;
    for (; *in && n + 1 < cap; in++) {
        char c = *in;
        if (c >= 'a' && c <= 'z') c = (char)(c - 'a' + 'A');
        if ((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) out[n++] = c;
    }
    out[n] = '\0';
}

static int has_nul(const char *s, size_t cap) {
    return memchr(s, '\0', cap) != NULL;
}

static int record_ok(const chk_record *r) {
    return r->list >= 0 && r->list < CHK_LISTS && r->category >= 0 &&
           r->category < CHK_CATEGORIES && r->action >= 0 && r->action < CHK_ACTIONS &&
           has_nul(r->surname, sizeof r->surname) && has_nul(r->given, sizeof r->given) &&
           has_nul(r->surname_ar, sizeof r->surname_ar) &&
           has_nul(r->given_ar, sizeof r->given_ar) &&
           has_nul(r->doc_number, sizeof r->doc_number) &&
           has_nul(r->doc_issuer, sizeof r->doc_issuer) &&
           has_nul(r->reporting, sizeof r->reporting) && has_nul(r->ref, sizeof r->ref);
}

/* Reads "given surname" into the arena and indexes its components' keys. */
static int index_name(chk_db *db, int id, const char *given, const char *surname, uint32_t *at) {
    char full[256];
    names_parsed p;
    *at = NO_NAME;
    snprintf(full, sizeof full, "%s %s", given, surname);
    if (names_parse(full, &p) == 0) return 0;
    if ((*at = arena_put_name(db, &p)) == NO_NAME) return -1;
    for (int i = 0; i < p.n; i++) {
        char keys[NAMES_KEYS_MAX][NAMES_KEY_MAX];
        int nk = names_component_keys(&p, i, keys, NAMES_KEYS_MAX);
        for (int k = 0; k < nk; k++)
            if (kmap_add(&db->names, keys[k], id) < 0) return -1;
    }
    return 0;
}

int chk_db_add(chk_db *db, const chk_record *r) {
    if (!db || !r || !record_ok(r)) return -1;
    if (db->n == db->cap) {
        int cap = db->cap ? db->cap * 2 : 1024;
        chk_record *rec = realloc(db->rec, sizeof *rec * (size_t)cap);
        if (!rec) return -1;
        db->rec = rec;
        uint32_t *at = realloc(db->name_at, sizeof *at * 2 * (size_t)cap);
        if (!at) return -1;
        db->name_at = at, db->cap = cap;
    }
    int id = db->n;
    db->rec[id] = *r;
    uint32_t *at = &db->name_at[2 * id];
    at[0] = at[1] = NO_NAME;
    if (index_name(db, id, r->given, r->surname, &at[0]) < 0) return -1;
    if ((r->given_ar[0] || r->surname_ar[0]) &&
        index_name(db, id, r->given_ar, r->surname_ar, &at[1]) < 0)
        return -1;
    char doc[KEY_CAP];
    doc_norm(r->doc_number, doc, sizeof doc);
    if (doc[0] && kmap_add(&db->docs, doc, id) < 0) return -1;
    db->n++;
    return id;
}

const chk_record *chk_db_get(const chk_db *db, int i) {
    return db && i >= 0 && i < db->n ? &db->rec[i] : NULL;
}

int chk_db_count(const chk_db *db) {
    return db ? db->n : 0;
}

int chk_db_generate(chk_db *db, uint64_t seed, int n, bl_err *err) {
    if (!db) return err_set(err, "no database to fill");
    if (n < 0 || n > 10000000)
        return err_set(err, "cannot generate %d records: give 0 to 10,000,000", n);
    for (int i = 0; i < n; i++) {
        chk_record r;
        chk_gen_record(seed, i, &r, NULL);
        if (chk_db_add(db, &r) < 0)
            return err_setc(err, BL_E_NOMEM, "out of memory after %d of %d records", i, n);
    }
    return 0;
}

/* ---- queries ------------------------------------------------------------------------------- */

typedef struct {
    chk_hit *h;
    int n, cap;
} hits;

static int hits_push(hits *hs, int record, int basis, double score) {
    if (hs->n == hs->cap) {
        int cap = hs->cap ? hs->cap * 2 : 16;
        chk_hit *h = realloc(hs->h, sizeof *h * (size_t)cap);
        if (!h) return -1;
        hs->h = h, hs->cap = cap;
    }
    hs->h[hs->n++] = (chk_hit){record, basis, score};
    return 0;
}

static int basis_rank(int b) {
    return b == CHK_BASIS_DOCUMENT ? 2 : b == CHK_BASIS_NAME_DOB ? 1 : 0;
}

static int cmp_hit(const void *pa, const void *pb) {
    const chk_hit *a = pa, *b = pb;
    if (basis_rank(a->basis) != basis_rank(b->basis))
        return basis_rank(b->basis) - basis_rank(a->basis);
    if (a->score != b->score) return a->score < b->score ? 1 : -1;
    return a->record - b->record;
}

static int list_wanted(const chk_query *q, const chk_record *r) {
    return q->lists == 0 || (q->lists >> r->list) & 1u;
}

static double record_similarity(const chk_db *db, int id, const names_parsed *qp, double floor) {
    double best = 0;
    for (int k = 0; k < 2; k++) {
        uint32_t at = db->name_at[2 * id + k];
        if (at == NO_NAME) continue;
        names_parsed p;
        arena_get_name(db, at, &p);
        double s = names_similarity_floor(qp, &p, floor);
        if (s > best) best = s;
    }
    return best;
}

/* The query's components that have keys, each with its keys (primary and
 * alternates); components with the same primary key count once. */
typedef struct {
    char keys[NAMES_MAX_TOKENS][NAMES_KEYS_MAX][NAMES_KEY_MAX];
    int nkeys[NAMES_MAX_TOKENS];
    int n;
} query_keys;

static void query_keys_of(const names_parsed *qp, query_keys *qk) {
    qk->n = 0;
    for (int i = 0; i < qp->n; i++) {
        int nk = names_component_keys(qp, i, qk->keys[qk->n], NAMES_KEYS_MAX);
        if (nk == 0) continue;
        int dup = 0;
        for (int j = 0; j < qk->n; j++)
            dup |= strcmp(qk->keys[j][0], qk->keys[qk->n][0]) == 0;
        if (!dup) qk->nkeys[qk->n++] = nk;
    }
}

/* Candidates: the records that share keys with two of the query's
 * components (one when it has one), each record counted once per component. */
static int candidates(const chk_db *db, const query_keys *qk, int **out, int *nout) {
    int need = qk->n >= 2 ? 2 : 1;
    unsigned char *count = calloc((size_t)db->n, 2); /* [2i]: components, [2i+1]: last one + 1 */
    int *cand = NULL, nc = 0, cc = 0;
    if (!count) return -1;
    for (int c = 0; c < qk->n; c++)
        for (int k = 0; k < qk->nkeys[c]; k++) {
            const bucket *b = kmap_find(&db->names, qk->keys[c][k]);
            for (int j = 0; b && j < b->n; j++) {
                unsigned char *cnt = &count[2 * (size_t)b->ids[j]];
                if (cnt[1] == c + 1) continue; /* this component found it already */
                cnt[1] = (unsigned char)(c + 1);
                if (++cnt[0] != need) continue;
                if (nc == cc) {
                    cc = cc ? cc * 2 : 64;
                    int *nb = realloc(cand, sizeof *nb * (size_t)cc);
                    if (!nb) return free(cand), free(count), -1;
                    cand = nb;
                }
                cand[nc++] = b->ids[j];
            }
        }
    free(count);
    *out = cand, *nout = nc;
    return 0;
}

/* Name hits: the candidates scored. */
static int name_hits(const chk_db *db, const chk_query *q, const names_parsed *qp, double threshold,
                     hits *hs) {
    int doc_hits = hs->n; /* already found by their document number: not twice */
    query_keys qk;
    query_keys_of(qp, &qk);
    if (qk.n == 0) return 0;
    int *cand = NULL, nc = 0, rc = 0;
    if (candidates(db, &qk, &cand, &nc) < 0) return -1;
    for (int i = 0; i < nc && rc == 0; i++) {
        const chk_record *r = &db->rec[cand[i]];
        int seen = 0;
        for (int d = 0; d < doc_hits; d++)
            seen |= hs->h[d].record == cand[i];
        if (seen || !list_wanted(q, r)) continue;
        double s = record_similarity(db, cand[i], qp, threshold);
        if (s < threshold) continue;
        int same_birth = q->birth.y != 0 && r->birth.y == q->birth.y && r->birth.m == q->birth.m &&
                         r->birth.d == q->birth.d;
        rc = hits_push(hs, cand[i], same_birth ? CHK_BASIS_NAME_DOB : CHK_BASIS_NAME, s);
    }
    free(cand);
    return rc;
}

int chk_query_run(const chk_db *db, const chk_query *q, chk_hit *out, int cap) {
    return chk_query_run_at(db, q, NAMES_MATCH, out, cap);
}

int chk_query_run_at(const chk_db *db, const chk_query *q, double threshold, chk_hit *out,
                     int cap) {
    if (!db || !q || (!out && cap > 0) || cap < 0 || !(threshold > 0 && threshold <= 1)) return 0;
    if (!has_nul(q->surname, sizeof q->surname) || !has_nul(q->given, sizeof q->given) ||
        !has_nul(q->doc_number, sizeof q->doc_number))
        return 0;
    hits hs = {0};
    int rc = 0;
    char doc[KEY_CAP];
    doc_norm(q->doc_number, doc, sizeof doc);
    const bucket *b = doc[0] ? kmap_find(&db->docs, doc) : NULL;
    for (int j = 0; b && j < b->n && rc == 0; j++)
        if (list_wanted(q, &db->rec[b->ids[j]]))
            rc = hits_push(&hs, b->ids[j], CHK_BASIS_DOCUMENT, 1.0);
    char full[256];
    names_parsed qp;
    snprintf(full, sizeof full, "%s %s", q->given, q->surname);
    if (rc == 0 && names_parse(full, &qp) > 0) rc = name_hits(db, q, &qp, threshold, &hs);
    int n = 0;
    if (rc == 0) {
        if (hs.n > 1) qsort(hs.h, (size_t)hs.n, sizeof *hs.h, cmp_hit);
        n = hs.n < cap ? hs.n : cap;
        if (n > 0) memcpy(out, hs.h, sizeof *out * (size_t)n);
    }
    free(hs.h);
    return n;
}

/* ---- names of the enums -----------------------------------------------------------------------
 */

static const char *const list_names[CHK_LISTS] = {"watchlist", "sltd", "national"};
static const char *const category_names[CHK_CATEGORIES] = {
    "lost", "stolen", "revoked", "wanted", "monitor_only", "missing_child"};
static const char *const action_names[CHK_ACTIONS] = {"seize", "hold_and_notify", "refer",
                                                      "record_only"};
static const char *const basis_names[CHK_BASIS_BASES] = {"name_only", "name_and_birth_date",
                                                         "document_number"};

static const char *name_of(const char *const *tab, int n, int i) {
    return i >= 0 && i < n ? tab[i] : "?";
}

static int from_name(const char *const *tab, int n, const char *s) {
    for (int i = 0; s && i < n; i++)
        if (strcmp(tab[i], s) == 0) return i;
    return -1;
}

const char *chk_list_name(int i) {
    return name_of(list_names, CHK_LISTS, i);
}
const char *chk_category_name(int i) {
    return name_of(category_names, CHK_CATEGORIES, i);
}
const char *chk_action_name(int i) {
    return name_of(action_names, CHK_ACTIONS, i);
}
const char *chk_basis_name(int i) {
    return name_of(basis_names, CHK_BASIS_BASES, i);
}
int chk_category_from_name(const char *s) {
    return from_name(category_names, CHK_CATEGORIES, s);
}
int chk_action_from_name(const char *s) {
    return from_name(action_names, CHK_ACTIONS, s);
}
int chk_list_from_name(const char *s) {
    return from_name(list_names, CHK_LISTS, s);
}
int chk_basis_from_name(const char *s) {
    return from_name(basis_names, CHK_BASIS_BASES, s);
}
