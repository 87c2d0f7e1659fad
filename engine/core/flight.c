/* flight.c - see flight.h. The other passengers' people come from the same
 * generator as the documents' holders (doc_holder_generate), so they are the
 * fictional states' names; the traveler's line is the first document's
 * holder as scn_docs_specs makes it for the desk. */
#include "flight.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rng.h"
#include "scn_docs.h"

#define SEAT_LETTERS "ABCDEF"
#define MAX_ROWS     70 /* 420 seats: room for API_MAX_PAX */

static void copy_upper(char *dst, size_t cap, const char *v) {
    size_t i = 0;
    for (; v[i] && i + 1 < cap; i++)
        dst[i] = (char)toupper((unsigned char)v[i]);
    dst[i] = '\0';
}

/* A holder's document as an API line (booking and seat left empty). */
static void line_of(const doc_holder *h, const tpl *t, api_pax *p) {
    memset(p, 0, sizeof *p);
    copy_upper(p->surname, sizeof p->surname, h->surname);
    copy_upper(p->given, sizeof p->given, h->given_names);
    p->sex = api_sex_of(h->sex);
    p->birth = h->birth;
    snprintf(p->nationality, sizeof p->nationality, "%s", h->nationality);
    snprintf(p->doc_issuer, sizeof p->doc_issuer, "%s", t->issuing_state);
    /* a stateless person's residence is the state that issued their document */
    snprintf(p->residence, sizeof p->residence, "%s",
             strncmp(h->nationality, "XX", 2) ? h->nationality : t->issuing_state);
    p->doc_type = strcmp(t->kind, "passport") ? 'I' : 'P';
    snprintf(p->doc_number, sizeof p->doc_number, "%s", h->document_number);
    p->doc_expiry = h->expiry;
}

/* The first passport or identity card of the traveler (who = 0) or the
 * companion (1), as the desk shows it; 0 found, 1 none, -1 err. */
static int first_document(const scenario *s, int who, api_pax *p, bl_err *err) {
    struct k {
        tpl tpls[DESK_MAX_DOCS];
        doc_spec specs[DESK_MAX_DOCS];
    } *k = malloc(sizeof *k);
    if (!k) return err_setc(err, BL_E_NOMEM, "out of memory making the flight");
    int rc = scn_docs_specs(s, 72, k->tpls, k->specs, err) ? -1 : 1;
    for (int d = 0; rc == 1 && d < s->n_docs; d++) {
        if (!k->specs[d].t || !!s->docs[d].companion != who) continue;
        if (strcmp(k->tpls[d].kind, "passport") && strcmp(k->tpls[d].kind, "id_card")) continue;
        line_of(&k->specs[d].holder, &k->tpls[d], p);
        rc = 0;
    }
    free(k);
    return rc;
}

/* The traveler's line: their document's, then (with `overrides`) what
 * flight.api says the carrier sent instead. */
static int traveler_line(const scenario *s, int overrides, api_pax *p, bl_err *err) {
    const scn_flight *fl = &s->flight;
    int rc = first_document(s, 0, p, err);
    if (rc < 0) return -1;
    if (rc == 1) {
        if (!fl->api_surname[0] || !fl->api_document_number[0] || !fl->api_birth.y ||
            !fl->api_nationality[0])
            return err_set(err,
                           "%s: the traveler has no passport or identity card to take the API "
                           "line from: flight.api must give surname, given_names, birth_date, "
                           "nationality and document_number",
                           s->file);
        memset(p, 0, sizeof *p);
        p->sex = api_sex_of(s->sex);
        p->doc_type = fl->api_document_type[0] == 'I' ? 'I' : 'P';
        snprintf(p->doc_issuer, sizeof p->doc_issuer, "%s", fl->api_nationality);
        snprintf(p->residence, sizeof p->residence, "%s", fl->api_nationality);
        overrides = 1;
    }
    if (!overrides) return 0;
    if (fl->api_surname[0]) copy_upper(p->surname, sizeof p->surname, fl->api_surname);
    if (fl->api_given[0]) copy_upper(p->given, sizeof p->given, fl->api_given);
    if (fl->api_nationality[0])
        snprintf(p->nationality, sizeof p->nationality, "%s", fl->api_nationality);
    if (fl->api_document_number[0])
        copy_upper(p->doc_number, sizeof p->doc_number, fl->api_document_number);
    if (fl->api_birth.y) p->birth = fl->api_birth;
    if (fl->api_expiry.y) p->doc_expiry = fl->api_expiry;
    return 0;
}

/* ---------------------------------------------------------------- seats */

typedef struct seating {
    unsigned char taken[MAX_ROWS][6];
    int rows;
} seating;

static int seat_parse(const char *v, int *row, int *col) {
    int r = 0, i = 0;
    while (v[i] >= '0' && v[i] <= '9' && i < 3)
        r = r * 10 + (v[i++] - '0');
    const char *c = v[i] ? strchr(SEAT_LETTERS, v[i]) : NULL;
    if (i == 0 || r < 1 || r > MAX_ROWS || !c || v[i + 1]) return -1;
    *row = r - 1, *col = (int)(c - SEAT_LETTERS);
    return 0;
}

static void seat_name(char out[5], int row, int col) {
    snprintf(out, 5, "%d%c", (row + 1) % 100, SEAT_LETTERS[col % 6]);
}

/* n seats side by side on one side of a row, drawn; the first free seats in
 * row order when no side has room. */
static void seats_for(seating *st, rng *r, int n, char out[][5]) {
    for (int tries = 0; n <= 3 && tries < 60; tries++) {
        int row = (int)rng_below(r, (uint32_t)st->rows), side = 3 * (int)rng_below(r, 2);
        int free = 0;
        for (int c = side; c < side + 3; c++)
            free += !st->taken[row][c];
        if (free < n) continue;
        for (int c = side, k = 0; c < side + 3 && k < n; c++)
            if (!st->taken[row][c]) {
                st->taken[row][c] = 1;
                seat_name(out[k++], row, c);
            }
        return;
    }
    for (int row = 0, k = 0; row < MAX_ROWS && k < n; row++)
        for (int c = 0; c < 6 && k < n; c++)
            if (!st->taken[row][c]) {
                st->taken[row][c] = 1;
                seat_name(out[k++], row, c);
            }
}

static void booking_ref(rng *r, const char *avoid, char out[8]) {
    static const char alnum[] = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    do {
        for (int i = 0; i < 6; i++)
            out[i] = alnum[rng_below(r, sizeof alnum - 1)];
        out[6] = '\0';
    } while (!strcmp(out, avoid));
}

/* ---------------------------------------------------------------- others */

/* One other passenger: a holder of one of the fictional states' documents,
 * `age` years old (0: the generator's adult age), of sex `sex` ("" drawn). */
static void other_person(uint64_t seed, const char *state, const char *sex, int age, bl_date today,
                         api_pax *p) {
    tpl t;
    const char *id = !strcmp(state, "QWH")                      ? "qwh-passport-td3"
                     : (seed & 3) == 0 && !strcmp(state, "UTO") ? "uto-id-td1"
                                                                : "uto-passport-td3";
    bl_err err;
    if (tpl_builtin(&t, id, &err) != 0) return; /* built in: cannot fail */
    doc_holder h;
    doc_holder_generate(seed, &t, today, &h);
    doc_holder_fit(&h, &t, sex, age, today);
    line_of(&h, &t, p);
    if (strcmp(state, t.issuing_state)) { /* a Nordavian: their own state's passport */
        snprintf(p->nationality, sizeof p->nationality, "%s", state);
        snprintf(p->doc_issuer, sizeof p->doc_issuer, "%s", state);
        snprintf(p->residence, sizeof p->residence, "%s", state);
    }
}

/* A group sharing a booking: a family (one surname, children among them) or
 * one person. */
static int other_group(rng *r, uint64_t seed, bl_date today, const char *avoid, api_pax *g,
                       int room) {
    static const char *const states[] = {"UTO", "UTO", "QNV", "QWH"};
    const char *state = states[rng_below(r, 4)];
    int n = rng_below(r, 5) == 0 ? 2 + (int)rng_below(r, 3) : 1;
    if (n > room) n = room;
    char booking[8];
    booking_ref(r, avoid, booking);
    for (int i = 0; i < n; i++) {
        int age = i < 2 ? 0 : 2 + (int)rng_below(r, 15); /* the third and fourth: children */
        const char *sex = i == 1 ? (g[0].sex == 'M' ? "F" : "M") : "";
        other_person(seed + (uint64_t)i, state, sex, age, today, &g[i]);
        if (i) memcpy(g[i].surname, g[0].surname, sizeof g[i].surname);
        snprintf(g[i].booking, sizeof g[i].booking, "%s", booking);
    }
    return n;
}

/* ---------------------------------------------------------------- the flight */

static void flight_header(const scenario *s, api_flight *f) {
    const scn_flight *fl = &s->flight;
    snprintf(f->carrier, sizeof f->carrier, "%s", fl->carrier);
    snprintf(f->number, sizeof f->number, "%s", fl->number);
    snprintf(f->from, sizeof f->from, "%s", fl->from);
    snprintf(f->to, sizeof f->to, "%s", fl->to);
    f->dep_hhmm = fl->departs, f->arr_hhmm = fl->arrives;
    f->arr_next_day = fl->departs > fl->arrives;
    f->day = date_from_days(date_to_days(s->today) - f->arr_next_day);
}

/* The traveler's booking: the traveler, the companion, the co-travellers. */
static int traveler_group(const scenario *s, rng *r, api_pax *g, bl_err *err) {
    int n = 1;
    if (traveler_line(s, 1, &g[0], err)) return -1;
    if (s->flight.booking[0])
        snprintf(g[0].booking, sizeof g[0].booking, "%s", s->flight.booking);
    else
        booking_ref(r, "", g[0].booking);
    int rc = first_document(s, 1, &g[n], err);
    if (rc < 0) return -1;
    n += rc == 0;
    for (int i = 0; s->pnr.present && i < s->pnr.n_co; i++, n++) {
        const char *sex = rng_below(r, 2) ? "F" : "M";
        other_person(rng_derive(s->flight.seed, "co") + (uint64_t)i, g[0].nationality, sex,
                     s->pnr.co[i].age, s->today, &g[n]);
        copy_upper(g[n].surname, sizeof g[n].surname, s->pnr.co[i].surname);
        copy_upper(g[n].given, sizeof g[n].given, s->pnr.co[i].given);
    }
    for (int i = 1; i < n; i++)
        memcpy(g[i].booking, g[0].booking, sizeof g[i].booking);
    return n;
}

/* Seats for each group, the traveler's as the scenario says. */
static void seat_groups(const scenario *s, rng *r, api_pax *pax, const int *start, int n_groups,
                        int n_pax) {
    seating *st = calloc(1, sizeof *st);
    if (!st) return;
    st->rows = n_pax / 6 + n_pax / 24 + 2;
    if (st->rows > MAX_ROWS) st->rows = MAX_ROWS;
    int row, col, fixed = seat_parse(s->flight.seat, &row, &col) == 0;
    if (fixed) st->taken[row][col] = 1;
    for (int g = 0; g < n_groups; g++) {
        int first = start[g], n = start[g + 1] - start[g];
        char seats[API_MAX_PAX][5];
        seats_for(st, r, n, seats);
        for (int i = 0; i < n; i++)
            memcpy(pax[first + i].seat, seats[i], sizeof pax[first + i].seat);
        if (g == 0 && fixed)
            snprintf(pax[first].seat, sizeof pax[first].seat, "%s", s->flight.seat);
    }
    free(st);
}

int flight_make(const scenario *s, api_flight *out, bl_err *err) {
    if (!s->flight.present)
        return err_set(err,
                       "%s has no flight (flight = { ... }, docs/scenarios.md \"Pre-arrival "
                       "data\"): there is no API to make",
                       s->file);
    memset(out, 0, sizeof *out);
    flight_header(s, out);
    rng r;
    rng_init(&r, rng_derive(s->flight.seed, "flight"));
    api_pax *grp = calloc(API_MAX_PAX, sizeof *grp);
    int *start = calloc(API_MAX_PAX + 2, sizeof *start);
    if (!grp || !start) {
        free(grp), free(start);
        return err_setc(err, BL_E_NOMEM, "out of memory making the flight");
    }
    int n = traveler_group(s, &r, grp, err), groups = 1;
    int total = 1 + (s->flight.passengers > n - 1 ? s->flight.passengers : n - 1);
    if (total > API_MAX_PAX) total = API_MAX_PAX;
    start[0] = 0;
    for (uint64_t k = 0; n > 0 && n < total; k++, groups++) {
        start[groups] = n;
        n += other_group(&r, rng_derive(s->flight.seed, "pax") + 8 * k, s->today, grp[0].booking,
                         grp + n, total - n);
    }
    if (n < 0) {
        free(grp), free(start);
        return -1;
    }
    start[groups] = n;
    seat_groups(s, &r, grp, start, groups, n);
    /* the list in check-in order: the groups shuffled, the traveler's among them */
    int *order = start, at = 0;
    int perm[API_MAX_PAX];
    for (int g = 0; g < groups; g++)
        perm[g] = g;
    for (int g = groups - 1; g > 0; g--) {
        int j = (int)rng_below(&r, (uint32_t)g + 1), t = perm[g];
        perm[g] = perm[j], perm[j] = t;
    }
    for (int g = 0; g < groups; g++) {
        int from = order[perm[g]], len = order[perm[g] + 1] - order[perm[g]];
        if (perm[g] == 0) out->traveler = at;
        memcpy(&out->pax[at], &grp[from], sizeof *grp * (size_t)len);
        at += len;
    }
    out->n_pax = at;
    free(grp), free(start);
    return 0;
}

/* ---------------------------------------------------------------- the PNR */

static int age_on(bl_date birth, bl_date day) {
    int a = day.y - birth.y;
    if (day.m < birth.m || (day.m == birth.m && day.d < birth.d)) a--;
    return a;
}

static void pnr_people(const scenario *s, const api_flight *f, pnr_record *p) {
    api_pax booked;
    bl_err err;
    const api_pax *t = &f->pax[f->traveler];
    if (traveler_line(s, 0, &booked, &err) != 0) booked = *t; /* the name the booking has */
    pnr_name *nm = &p->names[p->n_names++];
    snprintf(nm->surname, sizeof nm->surname, "%s", booked.surname);
    snprintf(nm->given, sizeof nm->given, "%s", booked.given);
    nm->age = age_on(booked.birth, f->day);
    for (int i = 0; i < f->n_pax && p->n_names < PNR_MAX_NAMES; i++) {
        if (i == f->traveler || strcmp(f->pax[i].booking, t->booking)) continue;
        nm = &p->names[p->n_names++];
        snprintf(nm->surname, sizeof nm->surname, "%s", f->pax[i].surname);
        snprintf(nm->given, sizeof nm->given, "%s", f->pax[i].given);
        nm->age = age_on(f->pax[i].birth, f->day);
    }
    p->api = *t;
    p->has_api = 1;
}

static void pnr_ticket(const scenario *s, pnr_record *p) {
    rng r;
    rng_init(&r, rng_derive(s->flight.seed, "ticket"));
    int k = snprintf(p->ticket, sizeof p->ticket, "%03u", 100 + rng_below(&r, 900));
    for (int i = 0; i < 10 && k + i + 1 < (int)sizeof p->ticket; i++)
        p->ticket[k + i] = (char)('0' + rng_below(&r, 10)), p->ticket[k + i + 1] = '\0';
    snprintf(p->fare, sizeof p->fare, "NUC %u.00",
             (120 + rng_below(&r, 600)) * (p->one_way ? 1 : 2));
}

int pnr_make(const scenario *s, const api_flight *f, pnr_record *out, bl_err *err) {
    const scn_pnr *sp = &s->pnr;
    if (!sp->present) return err_set(err, "%s has no pnr (pnr = { ... })", s->file);
    if (f->traveler < 0 || f->traveler >= f->n_pax)
        return err_set(err, "%s: the flight does not carry the traveler", s->file);
    memset(out, 0, sizeof *out);
    snprintf(out->locator, sizeof out->locator, "%s", f->pax[f->traveler].booking);
    out->booked = out->ticketed = sp->booked;
    out->travel = f->day;
    out->return_date = sp->one_way ? (bl_date){0, 0, 0} : sp->return_date;
    pnr_people(s, f, out);
    snprintf(out->contact, sizeof out->contact, "%s", sp->contact);
    out->payment = sp->payment, out->payer = sp->payer;
    snprintf(out->payer_name, sizeof out->payer_name, "%s", sp->payer_name);
    snprintf(out->carrier, sizeof out->carrier, "%s", f->carrier);
    snprintf(out->number, sizeof out->number, "%s", f->number);
    snprintf(out->from, sizeof out->from, "%s", f->from);
    snprintf(out->to, sizeof out->to, "%s", f->to);
    out->dep_hhmm = f->dep_hhmm, out->arr_hhmm = f->arr_hhmm;
    snprintf(out->frequent_flyer, sizeof out->frequent_flyer, "%s", sp->frequent_flyer);
    snprintf(out->agent, sizeof out->agent, "%s", sp->agent);
    out->status = sp->status, out->split = sp->split;
    const i18n *en = scenario_strings(s, "en");
    const char *remarks = sp->remarks[0] && en ? i18n_get(en, sp->remarks) : "";
    snprintf(out->remarks, sizeof out->remarks, "%s", remarks ? remarks : "");
    out->um = sp->um;
    snprintf(out->um_guardian_from, sizeof out->um_guardian_from, "%s", sp->um_from);
    snprintf(out->um_guardian_to, sizeof out->um_guardian_to, "%s", sp->um_to);
    for (int i = 0; i < s->n_speaks; i++) {
        size_t l = strlen(out->um_languages);
        snprintf(out->um_languages + l, sizeof out->um_languages - l, "%s%s", i ? ", " : "",
                 s->speaks[i]);
    }
    out->one_way = sp->one_way;
    pnr_ticket(s, out);
    snprintf(out->seat, sizeof out->seat, "%s", f->pax[f->traveler].seat);
    snprintf(out->codeshare, sizeof out->codeshare, "%s", sp->codeshare);
    out->bags = sp->bags;
    out->n_changes = sp->n_changes;
    memcpy(out->changes, sp->changes, sizeof out->changes);
    if (!out->n_changes) {
        out->n_changes = 1;
        out->changes[0].day = sp->booked;
        snprintf(out->changes[0].what, sizeof out->changes[0].what, "booked");
    }
    snprintf(out->meal, sizeof out->meal, "%s", sp->meal);
    out->n_ssr = sp->n_ssr;
    memcpy(out->ssr, sp->ssr, sizeof out->ssr);
    return 0;
}
