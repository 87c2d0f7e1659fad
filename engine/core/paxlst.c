/* paxlst.c - writing a flight's PAXLST interchange (paxlst.h); the reader is
 * paxlst_check.c. Segments and qualifiers follow the WCO/IATA/ICAO API
 * guidelines' PAXLST implementation guide (D02B), in UNOA: every value is
 * checked to be of that repertoire before it is written. */
#include "paxlst.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "edifact.h"
#include "paxlst_int.h"

char api_sex_of(const char *doc_sex) {
    if (doc_sex && doc_sex[0] == 'M') return 'M';
    if (doc_sex && doc_sex[0] == 'F') return 'F';
    return 'U';
}

/* Whether UNOA carries v: capitals, digits, space and its punctuation. */
static int unoa(const char *v) {
    for (const unsigned char *p = (const unsigned char *)v; *p; p++)
        if (!((*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
              strchr(" .,-()/='+:?!\"%&*;<>", *p)))
            return 0;
    return 1;
}

/* The values of passenger i that are written, checked for UNOA and dates. */
static int pax_ok(const api_pax *p, int i, bl_err *err) {
    const char *v[] = {p->surname, p->given, p->nationality, p->residence,
                       p->booking, p->seat,  p->doc_number,  p->doc_issuer};
    const char *what[] = {"surname", "given names", "nationality",     "residence",
                          "booking", "seat",        "document number", "document issuer"};
    for (size_t k = 0; k < sizeof v / sizeof *v; k++)
        if (!unoa(v[k]))
            return err_set(err,
                           "passenger %d: %s \"%s\" has a character the UNOA repertoire cannot "
                           "carry (capitals, digits, space and . , - ( ) / = ' + : ? only)",
                           i + 1, what[k], v[k]);
    if (!p->surname[0]) return err_set(err, "passenger %d has no surname", i + 1);
    if (!p->doc_number[0]) return err_set(err, "passenger %d has no document number", i + 1);
    if (!date_valid(p->birth))
        return err_set(err, "passenger %d: the date of birth is not a date", i + 1);
    if (p->doc_expiry.y && !date_valid(p->doc_expiry))
        return err_set(err, "passenger %d: the document's expiry is not a date", i + 1);
    if (!strchr("MFU", p->sex) || !p->sex)
        return err_set(err, "passenger %d: sex '%c' is not M, F or U", i + 1, p->sex);
    if (p->doc_type != 'P' && p->doc_type != 'I')
        return err_set(err, "passenger %d: document type '%c' is not P or I", i + 1, p->doc_type);
    return 0;
}

/* DTM+qual:date: YYMMDD when the reader's century rule gives it back, else
 * CCYYMMDD with format 102. */
static void put_date(edi_writer *w, const char *qual, bl_date d, paxlst_date_kind k, bl_date dep) {
    char v[16];
    bl_date back;
    date_yymmdd(d, v);
    int short_ok =
        paxlst_date(v, "", k, dep, &back, NULL) == 0 && date_to_days(back) == date_to_days(d);
    edi_seg(w, "DTM");
    edi_el(w, qual);
    if (short_ok) {
        edi_comp(w, v);
    } else {
        snprintf(v, sizeof v, "%04d%02d%02d", d.y % 10000, d.m % 100, d.d % 100);
        edi_comp(w, v);
        edi_comp(w, "102");
    }
    edi_end(w);
}

static void put_loc(edi_writer *w, const char *qual, const char *place) {
    if (!place[0]) return;
    edi_seg(w, "LOC");
    edi_el(w, qual);
    edi_el(w, place);
    edi_end(w);
}

static void put_rff(edi_writer *w, const char *qual, const char *v) {
    if (!v[0]) return;
    edi_seg(w, "RFF");
    edi_el(w, qual);
    edi_comp(w, v);
    edi_end(w);
}

/* NAD+FL+++SURNAME:FIRST:OTHER GIVEN NAMES' and the passenger's segments. */
static void put_pax(edi_writer *w, const api_flight *f, const api_pax *p) {
    char first[40], rest[40] = "";
    snprintf(first, sizeof first, "%s", p->given);
    char *sp = strchr(first, ' ');
    if (sp) {
        *sp = '\0';
        snprintf(rest, sizeof rest, "%s", sp + 1);
    }
    edi_seg(w, "NAD");
    edi_el(w, "FL");
    edi_el(w, "");
    edi_el(w, "");
    edi_el(w, p->surname);
    if (first[0]) edi_comp(w, first);
    if (rest[0]) edi_comp(w, rest);
    edi_end(w);
    char sex[2] = {p->sex, '\0'};
    edi_seg(w, "ATT");
    edi_el(w, "2");
    edi_el(w, "");
    edi_el(w, sex);
    edi_end(w);
    put_date(w, "329", p->birth, PAXLST_BIRTH, f->day);
    put_loc(w, "178", f->from);
    put_loc(w, "179", f->to);
    put_loc(w, "174", p->residence);
    edi_seg(w, "NAT");
    edi_el(w, "2");
    edi_el(w, p->nationality);
    edi_end(w);
    put_rff(w, "AVF", p->booking);
    put_rff(w, "SEA", p->seat);
    char type[2] = {p->doc_type, '\0'};
    edi_seg(w, "DOC");
    edi_el(w, type);
    edi_comp(w, "110");
    edi_comp(w, "111");
    edi_el(w, p->doc_number);
    edi_end(w);
    if (p->doc_expiry.y) put_date(w, "36", p->doc_expiry, PAXLST_EXPIRY, f->day);
    put_loc(w, "91", p->doc_issuer);
}

/* DTM+qual:YYMMDDHHMM:201' */
static void put_time(edi_writer *w, const char *qual, bl_date d, int hhmm) {
    char v[16], ymd[7];
    date_yymmdd(d, ymd);
    snprintf(v, sizeof v, "%s%04d", ymd, ((hhmm % 10000) + 10000) % 10000);
    edi_seg(w, "DTM");
    edi_el(w, qual);
    edi_comp(w, v);
    edi_comp(w, "201");
    edi_end(w);
}

static int flight_ok(const api_flight *f, bl_err *err) {
    if (!f->carrier[0] || !f->number[0] || !unoa(f->carrier) || !unoa(f->number))
        return err_set(err, "the flight needs a carrier and a number in capitals and digits");
    if (strlen(f->from) != 3 || strlen(f->to) != 3 || !unoa(f->from) || !unoa(f->to))
        return err_set(err, "the flight's airports are three-letter codes (got \"%s\", \"%s\")",
                       f->from, f->to);
    if (!date_valid(f->day)) return err_set(err, "the flight's day is not a date");
    if (f->dep_hhmm < 0 || f->dep_hhmm > 2359 || f->dep_hhmm % 100 > 59 || f->arr_hhmm < 0 ||
        f->arr_hhmm > 2359 || f->arr_hhmm % 100 > 59)
        return err_set(err, "the flight's times are HHMM from 0000 to 2359");
    if (f->n_pax < 0 || f->n_pax > API_MAX_PAX)
        return err_set(err, "a flight carries 0 to %d passengers (got %d)", API_MAX_PAX, f->n_pax);
    for (int i = 0; i < f->n_pax; i++)
        if (pax_ok(&f->pax[i], i, err)) return -1;
    return 0;
}

/* UNA, UNB, UNG, UNH, BGM, NAD+MS, TDT and the flight's places and times. */
static void put_header(edi_writer *w, const api_flight *f, const char *ref, const char *flight) {
    char sender[16], recipient[16], ymd[7], when[8], access[40];
    date_yymmdd(f->day, ymd);
    snprintf(sender, sizeof sender, "%sDCS", f->carrier);
    snprintf(recipient, sizeof recipient, "%sAPI", f->to);
    snprintf(when, sizeof when, "%04d", f->dep_hhmm);
    snprintf(access, sizeof access, "%s/%s/%s", flight, ymd, when);
    edi_raw(w, "UNA:+.? '\n");
    edi_seg(w, "UNB");
    edi_el(w, "UNOA"), edi_comp(w, "4");
    edi_el(w, sender), edi_comp(w, "ZZ");
    edi_el(w, recipient), edi_comp(w, "ZZ");
    edi_el(w, ymd), edi_comp(w, when);
    edi_el(w, ref), edi_el(w, ""), edi_el(w, "APIS");
    edi_end(w);
    edi_seg(w, "UNG");
    edi_el(w, "PAXLST");
    edi_el(w, sender), edi_comp(w, "ZZ");
    edi_el(w, recipient), edi_comp(w, "ZZ");
    edi_el(w, ymd), edi_comp(w, when);
    edi_el(w, "1"), edi_el(w, "UN"), edi_el(w, "D"), edi_comp(w, "02B");
    edi_end(w);
    w->segments = 0; /* UNT counts from UNH */
    edi_seg(w, "UNH");
    edi_el(w, "1");
    edi_el(w, "PAXLST"), edi_comp(w, "D"), edi_comp(w, "02B"), edi_comp(w, "UN"),
        edi_comp(w, "IATA");
    edi_el(w, access);
    edi_el(w, "01"), edi_comp(w, "F");
    edi_end(w);
    edi_seg(w, "BGM"), edi_el(w, "745"), edi_end(w);
    char desk[24];
    snprintf(desk, sizeof desk, "%s API DESK", f->carrier);
    edi_seg(w, "NAD"), edi_el(w, "MS"), edi_el(w, ""), edi_el(w, ""), edi_el(w, desk), edi_end(w);
    edi_seg(w, "TDT"), edi_el(w, "20"), edi_el(w, flight), edi_el(w, ""), edi_el(w, ""),
        edi_el(w, f->carrier), edi_end(w);
    put_loc(w, "125", f->from);
    put_time(w, "189", f->day, f->dep_hhmm);
    put_loc(w, "87", f->to);
    put_time(w, "232", date_from_days(date_to_days(f->day) + (f->arr_next_day ? 1 : 0)),
             f->arr_hhmm);
}

char *paxlst_write(const api_flight *f, bl_err *err) {
    if (flight_ok(f, err)) return NULL;
    char flight[12], ref[16], ymd[7], n[16];
    snprintf(flight, sizeof flight, "%s%s", f->carrier, f->number);
    date_yymmdd(f->day, ymd);
    snprintf(ref, sizeof ref, "%.5s%s", f->number, ymd); /* an..14, one a flight and day */
    edi_writer w;
    edi_writer_init(&w);
    put_header(&w, f, ref, flight);
    for (int i = 0; i < f->n_pax; i++)
        put_pax(&w, f, &f->pax[i]);
    snprintf(n, sizeof n, "%d", f->n_pax);
    edi_seg(&w, "CNT"), edi_el(&w, "42"), edi_comp(&w, n), edi_end(&w);
    snprintf(n, sizeof n, "%d", w.segments + 1);
    edi_seg(&w, "UNT"), edi_el(&w, n), edi_el(&w, "1"), edi_end(&w);
    edi_seg(&w, "UNE"), edi_el(&w, "1"), edi_el(&w, "1"), edi_end(&w);
    edi_seg(&w, "UNZ"), edi_el(&w, "1"), edi_el(&w, ref), edi_end(&w);
    return edi_writer_take(&w, err);
}
