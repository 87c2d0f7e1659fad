/* date.h - calendar dates as day numbers (proleptic Gregorian, 1970-01-01 = 0).
 * Documents are made relative to a scenario's "today", never the machine's
 * clock, so renders are reproducible. */
#ifndef BL_DATE_H
#define BL_DATE_H

typedef struct bl_date {
    int y, m, d;
} bl_date;

long date_to_days(bl_date d);
bl_date date_from_days(long days);
int date_valid(bl_date d);
/* "YYYY-MM-DD" -> date; -1 when malformed or impossible (2025-02-30). */
int date_parse_iso(const char *s, bl_date *out);
/* Writes "YYMMDD" (7 bytes with NUL). */
void date_yymmdd(bl_date d, char out[7]);
/* Writes "12 AUG 1974" (at most 16 bytes). */
void date_display(bl_date d, char *out, unsigned cap);
/* Adds years, keeping the day (29 Feb -> 28 Feb in non-leap years). */
bl_date date_add_years(bl_date d, int years);

#endif
