/* results_db.h - the results database (SQLite): which schema it has, and
 * opening it to read.
 *
 * The one owner of the schema version: results_db.c writes it (`results
 * import` stamps it as PRAGMA user_version, upgrading a database of an older
 * schema from RESULTS_SCHEMA_OLDEST, and refuses any other); every reader
 * (`results query|export`, `report`) opens the database with
 * results_db_open_read, which refuses any other. The tables themselves
 * (results: one row per decided case; sessions: one row per journal) are
 * written in results_db.c. */
#ifndef BL_RESULTS_DB_H
#define BL_RESULTS_DB_H

#include <sqlite3.h>
#include <stdio.h>

#include "err.h"

/* What `results import` is given besides the journal. */
typedef struct results_import_opts {
    const char *key;     /* the academy's journal key file */
    const char *db;      /* the database (made when missing) */
    const char *trainee; /* a plain desk journal's trainee and cohort (NULL: the header's) */
    const char *cohort;
    const char *witness;  /* the witness folder (NULL: none): the journal must meet its witness */
    const char *pack_key; /* the academy's pack public key file (NULL: not checked) */
    FILE *out;            /* the "imported ..." lines (NULL: stdout) */
    FILE *msg;            /* what is refused or fails, and notes (NULL: stderr) */
} results_import_opts;

/* Verifies each of n journals (and its witness) and imports it, all or
 * nothing, one refused leaving the others in; journals are committed in
 * batches of up to 1000 (results_db.c), and "imported ..." is printed for
 * each once its batch is. Returns the highest exit code of them: 0, 1
 * refused (not intact, cut short, another's, another academy's pack, an
 * older copy of one imported before: the stored results stay), 2 usage or
 * I/O. A database error (locked, read-only, full) rolls back the batch in
 * progress, says which journals it held, and ends the import. */
int results_import_all(char *const *journals, int n, const results_import_opts *o);

/* The schema this borderlab writes (PRAGMA user_version), and the oldest it
 * reads: 2 lacks sessions.entries and its index, 3 results.detail, 4 what
 * xAPI statements need (the pack hash, the end entry) and the table of
 * statements a store accepted, 5 the indexes on trainee and cohort, 6 the
 * entries' MACs (each case's and the end's, which statements carry). The
 * first import (or push) into an older one adds them. */
#define RESULTS_SCHEMA_VERSION 7
#define RESULTS_SCHEMA_OLDEST  2

/* Opens the database read-only (a reader never changes it; a busy database
 * is waited for up to 2 s) and checks that it holds the results and sessions
 * tables of a schema from RESULTS_SCHEMA_OLDEST to RESULTS_SCHEMA_VERSION. 0 with *db open; else -1
 * with *db NULL and err saying what, where and what to do (BL_E_IO: missing, unreadable, locked or
 * not SQLite; BL_E_INPUT: another schema). */
int results_db_open_read(const char *path, sqlite3 **db, bl_err *err);

/* Opens an existing database to write (never makes one) and brings an
 * older schema to RESULTS_SCHEMA_VERSION in one transaction (the migration
 * steps in results_db.c). 0 with *db open; else -1, *db NULL, err set
 * (BL_E_IO: missing, unreadable, locked; BL_E_INPUT: another schema). */
int results_db_open_write(const char *path, sqlite3 **db, bl_err *err);

/* The schema of an open results database (PRAGMA user_version). */
int results_db_version(sqlite3 *db);

/* Prints "borderlab results: WHAT 'PATH': SQLite's message (what to do)" for
 * an error on an open database; returns 2. */
int results_db_fail(sqlite3 *db, const char *what, const char *path);

/* The error of a read that failed on an open database (the message of
 * results_db_open_read's read failures, with what to do for SQLite's error
 * code); returns -1. */
int results_db_read_error(sqlite3 *db, const char *path, bl_err *err);

#endif
