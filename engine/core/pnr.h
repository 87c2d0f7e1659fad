/* pnr.h - a passenger name record with the data elements of Annex I of
 * Directive (EU) 2016/681, as the systems panel shows it, and the published
 * risk rules a passenger information unit runs over it (docs/pre-arrival.md).
 *
 * What the rules may read is a fixed part of the record (pnr_rules copies it
 * into the facts it evaluates): never the meal, the special service requests
 * or the free-text remarks, which can reveal religion or health (Art. 13(4)
 * forbids processing them), so changing them never changes a hit. A hit is a
 * reason for an officer to look, never a decision (Art. 6(5): every automated
 * match is reviewed by a person; Art. 7(6): no decision on an automated
 * result alone). */
#ifndef BL_PNR_H
#define BL_PNR_H

#include "date.h"
#include "paxlst.h"

typedef enum {
    PNR_PAY_CASH,
    PNR_PAY_CARD,
    PNR_PAY_INVOICE,
    PNR_PAY_MILES,
    PNR_PAY_COUNT
} pnr_payment;

typedef enum {
    PNR_PAYER_SELF,
    PNR_PAYER_THIRD_PARTY, /* someone who is not travelling and is not an employer or agency */
    PNR_PAYER_EMPLOYER,
    PNR_PAYER_AGENCY,
    PNR_PAYER_COUNT
} pnr_payer;

typedef enum {
    PNR_BOOKED, /* confirmed, not yet checked in */
    PNR_CHECKED_IN,
    PNR_GATE, /* boarded at the gate */
    PNR_NO_SHOW,
    PNR_STATUS_COUNT
} pnr_status;

const char *pnr_payment_name(int p); /* "cash", "card", "invoice", "miles" */
int pnr_payment_from_name(const char *s);
const char *pnr_payer_name(int p); /* "self", "third_party", "employer", "agency" */
int pnr_payer_from_name(const char *s);
const char *pnr_status_name(int s); /* "booked", "checked_in", "gate", "no_show" */
int pnr_status_from_name(const char *s);

#define PNR_MAX_NAMES   8
#define PNR_MAX_SSR     6
#define PNR_MAX_CHANGES 8
#define PNR_TEXT        96

typedef struct pnr_name {
    char surname[40], given[40];
    int age; /* -1 not said */
} pnr_name;

/* A change to the record (19): when, and what ("name changed"). */
typedef struct pnr_change {
    bl_date day;
    char what[64];
} pnr_change;

/* The record; the Annex I number of each element in brackets. */
typedef struct pnr_record {
    char locator[8];                 /* (1) */
    bl_date booked, ticketed;        /* (2) */
    bl_date travel, return_date;     /* (3) return_date.y 0: none */
    int n_names;                     /* (4), (17): names[0] the traveler, then who shares the */
    pnr_name names[PNR_MAX_NAMES];   /*     booking */
    char contact[PNR_TEXT];          /* (5) */
    int payment, payer;              /* (6) pnr_payment, pnr_payer */
    char payer_name[48];             /* (6) who paid, when not the traveler */
    char carrier[4], number[6];      /* (7) the flight; the return on return_date, reversed */
    char from[4], to[4];             /* (7) */
    int dep_hhmm, arr_hhmm;          /* (7) */
    char frequent_flyer[24];         /* (8) "NA 1234567" */
    char agent[48];                  /* (9) "" booked with the carrier */
    int status;                      /* (10) pnr_status */
    int split;                       /* (11) split from a booking of more travellers */
    char remarks[PNR_TEXT];          /* (12) free text (never read by the rules) */
    int um;                          /* (12) an unaccompanied minor */
    char um_guardian_from[PNR_TEXT]; /* (12) the guardian at departure: name, relation, phone */
    char um_guardian_to[PNR_TEXT];   /* (12) ... on arrival ("" none named) */
    char um_languages[24];           /* (12) the minor's languages */
    char ticket[16];                 /* (13) ticket number */
    int one_way;                     /* (13) */
    char fare[24];                   /* (13) fare quote ("EUR 412.00") */
    char seat[5];                    /* (14) */
    char codeshare[16];              /* (15) "" none; else the marketing flight */
    int bags;                        /* (16) checked bags */
    api_pax api;                     /* (18) the API data collected */
    int has_api;
    int n_changes; /* (19) */
    pnr_change changes[PNR_MAX_CHANGES];
    char meal[8]; /* special meal (IATA code): shown, never read by the rules */
    int n_ssr;    /* special service requests ("WCHR"): shown, never read */
    char ssr[PNR_MAX_SSR][8];
} pnr_record;

/* The PNR as the systems panel shows it: numbered lines "Annex I (6)
 * Payment: CASH, paid by a third party (…)" in English; returns the count
 * (at most cap). */
int pnr_lines(const pnr_record *p, char lines[][128], int cap);

typedef struct pnr_hit {
    char rule[32]; /* the published rule's id */
    char why[128]; /* what in this record matched, for the officer who reviews it */
} pnr_hit;

/* Evaluates the PNR against the published risk rules (docs/pre-arrival.md,
 * with their rationale); returns the hits (at most cap). Never reads the
 * meal, the SSRs or the remarks: a test proves that changing them never
 * changes the hits. */
int pnr_rules(const pnr_record *p, pnr_hit *out, int cap);

/* The published rules: id and what it looks for, in order (NULL past the last). */
const char *pnr_rule_id(int i);
const char *pnr_rule_summary(int i);

#endif
