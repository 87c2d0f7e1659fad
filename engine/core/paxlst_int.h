/* paxlst_int.h - what the PAXLST writer (paxlst.c) and reader
 * (paxlst_check.c) share: how a date is spelled, so the writer writes only
 * what the reader gives back. Internal to engine/core. */
#ifndef BL_PAXLST_INT_H
#define BL_PAXLST_INT_H

#include "date.h"

typedef enum {
    PAXLST_BIRTH,  /* a six-digit year's century puts it on or before the departure */
    PAXLST_EXPIRY, /* ... within fifty years of the departure */
    PAXLST_FLIGHT  /* ... in 2000-2099 */
} paxlst_date_kind;

/* A DTM value in its format (2379: "" or "101" YYMMDD, "102" CCYYMMDD, "201"
 * YYMMDDHHMM, "203" CCYYMMDDHHMM) into *out and *hhmm (may be NULL); -1 when
 * the digits are not a date (or not of that format). */
int paxlst_date(const char *v, const char *format, paxlst_date_kind kind, bl_date departure,
                bl_date *out, int *hhmm);

#endif
