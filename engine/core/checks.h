/* checks.h - the database checks a border officer runs on a traveller: a watch
 * list, a lost/stolen/revoked travel document index in the manner of INTERPOL's
 * SLTD, and a national alert list.
 *
 * A query gives a name (any script: Latin in any romanisation, Arabic), an
 * optional date of birth and an optional document number. Hits are:
 *   - document_number: the number (and so the document) is in the index, exact;
 *   - name_and_birth_date: names_similarity >= NAMES_MATCH and the same date of birth;
 *   - name_only: names_similarity >= NAMES_MATCH, the date of birth differs or
 *     is unknown on one side. MOHAMED / MUHAMMAD / محمد is the same name for
 *     thousands of people: a name-only hit is settled on the date of birth and
 *     the photo before anyone is held (the trainee's job; scored elsewhere).
 * Each record says what to do (chk_action): seize a document, hold the person
 * and notify the reporting state, refer (to child protection, to a second
 * line), or record only, without alerting the subject (monitor only).
 *
 * Indexing (checks.c): each record's names (Latin and Arabic) are read once
 * (names_parse) and every component's key (names_component_key) is a bucket in
 * a hash map; a query scores only the records that share keys with it (two
 * components when the query has two or more), so it stays in the
 * sub-millisecond to few-millisecond range at 100,000 records. Document
 * numbers have their own hash map. No global state: a database is a value.
 *
 * Generation (checks_gen.c): background records of the fictional states'
 * people and documents (Qawhara QWH, Arabic-speaking; Nordavia QNV; Utopia
 * UTO; Marazia QMZ), drawn from a seed; Arabic names in one of their real
 * romanisations, with their Arabic script.
 */
#ifndef BL_CHECKS_H
#define BL_CHECKS_H

#include <stddef.h>
#include <stdint.h>

#include "date.h"
#include "err.h"

typedef enum {
    CHK_WATCHLIST,
    CHK_SLTD,
    CHK_NATIONAL,
    CHK_LISTS
} chk_list; /* "watchlist", "sltd", "national" */
typedef enum {
    CHK_LOST,
    CHK_STOLEN,
    CHK_REVOKED,
    CHK_WANTED,
    CHK_MONITOR,
    CHK_MISSING_CHILD,
    CHK_CATEGORIES
} chk_category; /* "lost","stolen","revoked","wanted","monitor_only","missing_child" */
typedef enum {
    CHK_SEIZE,
    CHK_HOLD_NOTIFY,
    CHK_REFER,
    CHK_RECORD_ONLY,
    CHK_ACTIONS
} chk_action; /* "seize","hold_and_notify","refer","record_only" */
typedef enum {
    CHK_BASIS_NAME,
    CHK_BASIS_NAME_DOB,
    CHK_BASIS_DOCUMENT,
    CHK_BASIS_BASES
} chk_basis; /* "name_only","name_and_birth_date","document_number" */

typedef struct chk_record {
    int list, category, action;
    char surname[48], given[48];        /* Latin */
    char surname_ar[96], given_ar[96];  /* Arabic script, "" when none */
    bl_date birth;                      /* y == 0: unknown */
    char sex;                           /* 'M','F','X', 0 unknown */
    char doc_number[16], doc_issuer[4]; /* "" when the record is about a person, not a document */
    char reporting[4];                  /* reporting state (ICAO code) */
    bl_date reported;
    uint64_t photo; /* a face seed for the record's photo (0: none) */
    char ref[20];   /* the record's reference, e.g. "SLTD-QNV-2026-004417" */
} chk_record;

typedef struct chk_query {
    char surname[96], given[96]; /* any script */
    bl_date birth;               /* y == 0: not given */
    char doc_number[16];         /* "" not given */
    unsigned lists;              /* bit per chk_list to search (1u << CHK_SLTD ...); 0: all */
} chk_query;

typedef struct chk_hit {
    int record;
    int basis;
    double score;
} chk_hit;

typedef struct chk_db chk_db; /* opaque; indexed for 100k+ records */

/* An empty database; NULL when out of memory. */
chk_db *chk_db_new(void);
void chk_db_free(chk_db *db);

/* Adds a copy of r and indexes it. Returns the record's index, or -1 when r
 * is malformed (list, category or action out of range, a text field without
 * its NUL) or memory runs out. A record whose names cannot be read (digits)
 * is kept and found by its document number only. */
int chk_db_add(chk_db *db, const chk_record *r);

/* Fills the database with n background records of the fictional states'
 * people and documents drawn from seed (names from realistic pools incl.
 * Arabic names with their several romanisations, and their Arabic forms).
 * 0, or -1 with err (n out of 0..10,000,000, out of memory). */
int chk_db_generate(chk_db *db, uint64_t seed, int n, bl_err *err);

const chk_record *chk_db_get(const chk_db *db, int i); /* NULL when i is out of range */
int chk_db_count(const chk_db *db);

/* Runs a query: hits best first (document number exact, or name similarity >=
 * NAMES_MATCH; the basis says which, a name hit with an equal birth date is
 * name_and_birth_date); returns count (<= cap). Best first: document number,
 * then name and birth date, then name only; by score within each. A NULL
 * database or query, or a query with neither a readable name nor a document
 * number, gives 0. */
int chk_query_run(const chk_db *db, const chk_query *q, chk_hit *out, int cap);

/* The same with another name threshold in (0, 1] (the bench measures a few);
 * chk_query_run is chk_query_run_at(..., NAMES_MATCH, ...). */
int chk_query_run_at(const chk_db *db, const chk_query *q, double threshold, chk_hit *out, int cap);

const char *chk_list_name(int), *chk_category_name(int), *chk_action_name(int),
    *chk_basis_name(int); /* "?" when out of range */
int chk_category_from_name(const char *), chk_action_from_name(const char *),
    chk_list_from_name(const char *), chk_basis_from_name(const char *); /* -1 when unknown */

/* ---- generation, for tests and `borderlab bench checks` ---------------------------------- */

/* Who a generated record names: indexes into the generator's name pools (the
 * same ids = the same name, however spelled). given2 is -1 when there is no
 * second given name (a father's name). */
typedef struct chk_gen_ids {
    int female, arab;           /* which pools */
    int given, given2, surname; /* pool indexes */
} chk_gen_ids;

/* Record i of chk_db_generate(db, seed, n): the same (seed, i) gives the same
 * record whatever n is; ids (may be NULL) says whose name it is. */
void chk_gen_record(uint64_t seed, int i, chk_record *r, chk_gen_ids *ids);

/* A person's names spelled another way: variant picks one of the pools'
 * romanisations (any int; taken modulo their number); arabic_script: write
 * the names in Arabic script instead (Latin when the pool has none). Fills
 * surname and given (NUL-terminated, cut at their caps). */
void chk_gen_spell(const chk_gen_ids *ids, int variant, int arabic_script, char *surname,
                   size_t scap, char *given, size_t gcap);

/* The same names one by one (given, the second given name when there is one,
 * surname), pointers to the pools' constant strings; returns how many (2 or 3). */
int chk_gen_names(const chk_gen_ids *ids, int variant, int arabic_script, const char *out[3]);

/* Random ids of a person from seed (arab: from the Arabic-name pools). */
void chk_gen_person(uint64_t seed, int arab, chk_gen_ids *ids);

#endif
