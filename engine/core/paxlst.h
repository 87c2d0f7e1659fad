/* paxlst.h - a flight's advance passenger information (API) as the UN/EDIFACT
 * PAXLST message of the WCO/IATA/ICAO API guidelines (D02B; D05B read too).
 *
 * The interchange written, one segment a line (docs/pre-arrival.md lists
 * each segment and what it carries):
 *
 *     UNA:+.? '                                  service string advice
 *     UNB+UNOA:4+NADCS:ZZ+VLMAPI:ZZ+260601:0910+412260601++APIS'
 *     UNG+PAXLST+NADCS:ZZ+VLMAPI:ZZ+260601:0910+1+UN+D:02B'
 *     UNH+1+PAXLST:D:02B:UN:IATA+NA412/260601/0910+01:F'
 *     BGM+745'                                   a passenger list
 *     NAD+MS+++NA API DESK'                      who reports it
 *     TDT+20+NA412+++NA'                         the flight, its carrier
 *     LOC+125+NHV'  DTM+189:2606010910:201'      departs (YYMMDDHHMM)
 *     LOC+87+VLM'   DTM+232:2606011240:201'      arrives
 *     NAD+FL+++HALVARSEN:ANNA:MARIA'             a passenger, then theirs:
 *     ATT+2++F'  DTM+329:880412'                 sex (M F U), birth (YYMMDD)
 *     LOC+178+NHV'  LOC+179+VLM'  LOC+174+QNV'   boarded, leaves, residence
 *     NAT+2+QNV'  RFF+AVF:K7Q2LM'  RFF+SEA:14C'  nationality, booking, seat
 *     DOC+P:110:111+P4471902'                    document type, number
 *     DTM+36:310101'  LOC+91+QNV'                its expiry, issuing state
 *     CNT+42:41'                                 passengers reported
 *     UNT+..+1'  UNE+1+1'  UNZ+1+412260601'      trailers with their counts
 *
 * A six-digit date's century is the one that puts a birth on or before the
 * day of departure, and an expiry within fifty years either side of it; an
 * eight-digit one (format 102) says its own.
 */
#ifndef BL_PAXLST_H
#define BL_PAXLST_H

#include <stddef.h>

#include "date.h"
#include "err.h"

#define API_MAX_PAX 400

typedef struct api_pax {
    char surname[40], given[40]; /* Latin, as in the MRZ (A-Z, spaces) */
    char sex;                    /* 'M', 'F', 'U' (X on the document -> U) */
    bl_date birth;
    char nationality[4]; /* ICAO 3-letter code */
    char residence[4];
    char booking[8]; /* the PNR locator, e.g. "K7Q2LM" */
    char seat[5];    /* "14C" */
    char doc_type;   /* 'P' passport, 'I' identity card */
    char doc_number[16];
    bl_date doc_expiry;
    char doc_issuer[4];
} api_pax;

typedef struct api_flight {
    char carrier[4], number[6]; /* "NA", "412" */
    char from[4], to[4];        /* IATA-like airport codes */
    bl_date day;                /* departure date */
    int dep_hhmm, arr_hhmm;     /* local times, e.g. 910, 1240 */
    int arr_next_day;
    int n_pax;
    api_pax pax[API_MAX_PAX];
    int traveler; /* index of the scenario's traveler in pax[] (-1: none) */
} api_flight;

/* Writes the PAXLST interchange for the flight; returns a malloc'd
 * NUL-terminated string or NULL with err (a value UNOA cannot carry: a
 * lower-case or accented letter; a date that is not one; out of memory). */
char *paxlst_write(const api_flight *f, bl_err *err);

/* Parses and validates an interchange. 0 valid (out filled when not NULL,
 * traveler -1), 1 invalid (err names the segment number, its tag and the
 * reason: "segment 14 (DTM): date of birth 19881399 is not a date"), 2
 * unreadable (not EDIFACT at all / not UTF-8 or ISO 8859 text; out of
 * memory). */
int paxlst_check(const char *text, size_t n, api_flight *out, bl_err *err);

/* The sex code of a document's sex field: "M" -> 'M', "F" -> 'F', anything
 * else (X, <) -> 'U'. */
char api_sex_of(const char *doc_sex);

#endif
