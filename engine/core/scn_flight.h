/* scn_flight.h - a scenario's pre-arrival data as written (flight = {...},
 * pnr = {...}; docs/scenarios.md "Pre-arrival data"): the flight the traveler
 * came on, with what the carrier's API line says where it differs from the
 * document presented, and the booking. flight.h makes the passenger list and
 * the PNR from them. */
#ifndef BL_SCN_FLIGHT_H
#define BL_SCN_FLIGHT_H

#include "date.h"
#include "pnr.h"

typedef struct scn_flight {
    int present;                /* the scenario has a flight */
    char carrier[4], number[6]; /* "NA", "412" */
    char from[4], to[4];        /* "NHV", "VLM" */
    int departs, arrives;       /* HHMM; departs later than arrives: it left the day before */
    int passengers;             /* others on board (0 .. API_MAX_PAX - 1) */
    unsigned seed;              /* draws the others */
    char booking[8], seat[5];   /* "" drawn */
    /* flight.api: the API line's own values ("" / y 0: the document's) */
    char api_surname[40], api_given[40], api_nationality[4], api_document_number[16];
    char api_document_type[2]; /* "P" or "I": when the traveler has no travel document */
    bl_date api_birth, api_expiry;
} scn_flight;

#define SCN_PNR_MAX_CO 6

typedef struct scn_pnr {
    int present;
    bl_date booked;
    int payment, payer; /* pnr_payment, pnr_payer */
    char payer_name[48];
    int one_way;
    bl_date return_date;
    char agent[48], frequent_flyer[24], contact[64];
    char meal[8];
    int n_ssr;
    char ssr[PNR_MAX_SSR][8];
    int um;                                  /* unaccompanied_minor */
    char um_from[PNR_TEXT], um_to[PNR_TEXT]; /* its guardians (at departure, on arrival) */
    int n_co;
    struct {
        char surname[40], given[40];
        int age;
    } co[SCN_PNR_MAX_CO]; /* co_travellers: on the booking and on board */
    int bags;
    int status; /* pnr_status: checkin */
    int split;
    char codeshare[16];
    char remarks[48]; /* a key of the scenario's strings */
    int n_changes;
    pnr_change changes[PNR_MAX_CHANGES];
} scn_pnr;

#endif
