/* report_read.h - a report's cases and sessions from an open results
 * database, in report order (report_read.c; report_data.c opens the
 * database and says what was found). */
#ifndef BL_REPORT_READ_H
#define BL_REPORT_READ_H

#include <sqlite3.h>

#include "report_data.h"

/* Reads the cases and sessions of r->trainee or r->cohort into r (zeroed
 * but for those), in the orders report_data.h gives, and the sessions' pass
 * marks; with_detail 0 leaves each case's detail "" (a store before schema
 * 4 has none; a cohort's page shows none). Returns SQLITE_DONE, an SQLite
 * error code, or SQLITE_NOMEM; what was read stays for report_free. */
int report_read(sqlite3 *db, report *r, int with_detail);

/* Grows an array of `size`-byte items (n held, *cap room) to hold one more;
 * 0 ok, -1 out of memory. */
int report_grow(void **items, int n, int *cap, size_t size);

#endif
