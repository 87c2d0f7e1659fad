/* scn_flight.c - a scenario's pre-arrival data: flight = {...} and
 * pnr = {...} (docs/scenarios.md "Pre-arrival data"), read into
 * scn_flight.h's structs, each value checked as it is read; and the rule,
 * run with the others (scn_check.c), that the flight can be made and its
 * PAXLST written and read back. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "flight.h"
#include "scn_read.h"

/* ---------------------------------------------------------------- values */

static int all_of(const char *v, const char *set) {
    return v[0] && strspn(v, set) == strlen(v);
}
#define CAPS   "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
#define DIGITS "0123456789"

/* A string field checked against a predicate; "" when absent or refused. */
static void get_checked(loader *ld, const char *w, const char *key, char *out, size_t cap,
                        int required, int (*ok)(const char *), const char *expected) {
    char p[96];
    if (rd_get_string(ld, w, key, out, cap, required) != 0) return;
    if (ok(out)) return;
    snprintf(p, sizeof p, "%s.%s", w, key);
    rd_problem(ld, p, "%s: \"%s\" is not %s", p, out, expected);
    out[0] = '\0';
}

static int is_carrier(const char *v) {
    return (strlen(v) == 2 || strlen(v) == 3) && all_of(v, CAPS DIGITS);
}
static int is_number(const char *v) {
    size_t n = strlen(v);
    if (n < 1 || n > 5) return 0;
    size_t d = strspn(v, DIGITS);
    return d >= 1 && d <= 4 && (d == n || (d == n - 1 && strchr(CAPS, v[n - 1])));
}
static int is_airport(const char *v) {
    return strlen(v) == 3 && all_of(v, CAPS);
}
static int is_booking(const char *v) {
    return strlen(v) == 6 && all_of(v, CAPS DIGITS);
}
static int is_seat(const char *v) {
    size_t d = strspn(v, DIGITS);
    int row = atoi(v);
    return d >= 1 && d <= 2 && row >= 1 && row <= 70 && v[d] && strchr("ABCDEF", v[d]) && !v[d + 1];
}
static int is_name(const char *v) {
    return all_of(v, CAPS " -'") && v[0] != ' ';
}
static int is_doc_number(const char *v) {
    return strlen(v) <= 15 && all_of(v, CAPS DIGITS);
}
static int is_doc_type(const char *v) {
    return !strcmp(v, "P") || !strcmp(v, "I");
}

/* "HH:MM" into HHMM; -1 when it is not a time of day. */
static int parse_time(const char *v) {
    if (strlen(v) != 5 || v[2] != ':' || strspn(v, DIGITS ":") != 5) return -1;
    int h = atoi(v), m = atoi(v + 3);
    return h <= 23 && m <= 59 ? h * 100 + m : -1;
}

static void get_time(loader *ld, const char *w, const char *key, int *out) {
    char v[16] = "", p[64];
    if (rd_get_string(ld, w, key, v, sizeof v, 1) != 0) return;
    if ((*out = parse_time(v)) < 0) {
        snprintf(p, sizeof p, "%s.%s", w, key);
        rd_problem(ld, p, "%s: \"%s\" is not a time of day (\"09:10\")", p, v);
        *out = 0;
    }
}

/* A date field "YYYY-MM-DD"; 1 read, 0 absent or refused. */
static int get_date(loader *ld, const char *w, const char *key, bl_date *out, int required) {
    char v[16] = "", p[64];
    if (rd_get_string(ld, w, key, v, sizeof v, required) != 0) return 0;
    if (date_parse_iso(v, out) == 0) return 1;
    snprintf(p, sizeof p, "%s.%s", w, key);
    rd_problem(ld, p, "%s: \"%s\" is not a date (YYYY-MM-DD)", p, v);
    *out = (bl_date){0, 0, 0};
    return 0;
}

/* ---------------------------------------------------------------- flight */

/* flight.api = { document_number = "P4471902", surname = ..., ... } */
static void read_api(loader *ld, scn_flight *f) {
    static const char *keys[] = {"surname",         "given_names",   "birth_date",  "nationality",
                                 "document_number", "document_type", "expiry_date", NULL};
    const char *w = "flight.api";
    int t = rd_rawfield(ld->L, "api");
    if (t == LUA_TTABLE) {
        rd_only_keys(ld, w, keys);
        get_checked(ld, w, "surname", f->api_surname, sizeof f->api_surname, 0, is_name,
                    "a name in capitals (A-Z, space, - and ')");
        get_checked(ld, w, "given_names", f->api_given, sizeof f->api_given, 0, is_name,
                    "a name in capitals (A-Z, space, - and ')");
        get_checked(ld, w, "nationality", f->api_nationality, sizeof f->api_nationality, 0,
                    is_airport, "a three-letter state code (\"QNV\")");
        get_checked(ld, w, "document_number", f->api_document_number, sizeof f->api_document_number,
                    0, is_doc_number, "a document number (capitals and digits, at most 15)");
        get_checked(ld, w, "document_type", f->api_document_type, sizeof f->api_document_type, 0,
                    is_doc_type, "\"P\" (passport) or \"I\" (identity card)");
        get_date(ld, w, "birth_date", &f->api_birth, 0);
        get_date(ld, w, "expiry_date", &f->api_expiry, 0);
    } else if (t != LUA_TNIL) {
        rd_problem(ld, w, "%s: expected { document_number = ..., surname = ..., ... }", w);
    }
    lua_pop(ld->L, 1);
}

static void read_flight_fields(loader *ld, scn_flight *f) {
    static const char *keys[] = {"carrier",    "number", "from",    "to",   "departs", "arrives",
                                 "passengers", "seed",   "booking", "seat", "api",     NULL};
    const char *w = "flight";
    rd_only_keys(ld, w, keys);
    get_checked(ld, w, "carrier", f->carrier, sizeof f->carrier, 1, is_carrier,
                "a carrier's code (two or three capitals or digits, \"NA\")");
    get_checked(ld, w, "number", f->number, sizeof f->number, 1, is_number,
                "a flight number (1 to 4 digits, a letter may follow: \"412\")");
    get_checked(ld, w, "from", f->from, sizeof f->from, 1, is_airport,
                "an airport code (three capitals, \"NHV\")");
    get_checked(ld, w, "to", f->to, sizeof f->to, 1, is_airport,
                "an airport code (three capitals, \"VLM\")");
    if (f->from[0] && !strcmp(f->from, f->to))
        rd_problem(ld, "flight.to", "flight.to: the flight lands where it left (%s)", f->to);
    get_time(ld, w, "departs", &f->departs);
    get_time(ld, w, "arrives", &f->arrives);
    double v = 0;
    if (rd_get_number(ld, w, "passengers", &v, 0, API_MAX_PAX - 1, 0) == 0) f->passengers = (int)v;
    if (f->passengers != v)
        rd_problem(ld, "flight.passengers", "flight.passengers: a whole number of people");
    v = 1;
    rd_get_number(ld, w, "seed", &v, 0, 4294967295.0, 0);
    f->seed = (unsigned)v;
    get_checked(ld, w, "booking", f->booking, sizeof f->booking, 0, is_booking,
                "a booking reference (six capitals or digits, \"K7Q2LM\")");
    get_checked(ld, w, "seat", f->seat, sizeof f->seat, 0, is_seat,
                "a seat (row 1 to 70 and a letter A to F: \"14C\")");
    read_api(ld, f);
}

/* ---------------------------------------------------------------- pnr */

static const char *const meals[] = {"AVML", "BBML", "BLML", "CHML", "DBML", "FPML", "GFML", "HFML",
                                    "HNML", "JPML", "KSML", "LCML", "LFML", "LSML", "MOML", "NLML",
                                    "RVML", "SFML", "SPML", "VGML", "VJML", "VLML", "VOML", NULL};

static int is_meal(const char *v) {
    for (int i = 0; meals[i]; i++)
        if (!strcmp(meals[i], v)) return 1;
    return 0;
}

static void add_ssr(loader *ld, const char *v, int i, void *arg) {
    scn_pnr *p = arg;
    if (strlen(v) != 4 || !all_of(v, CAPS))
        rd_problem(ld, ld->item,
                   "pnr.ssr: \"%s\" is not a special service request code (four "
                   "capitals: \"WCHR\")",
                   v);
    else if (i >= PNR_MAX_SSR)
        rd_problem(ld, ld->item, "pnr.ssr: at most %d requests", PNR_MAX_SSR);
    else
        snprintf(p->ssr[p->n_ssr++], sizeof p->ssr[0], "%s", v);
}

/* "2026-05-31 name changed" */
static void add_change(loader *ld, const char *v, int i, void *arg) {
    scn_pnr *p = arg;
    char day[11] = "";
    bl_date d;
    memcpy(day, v, strlen(v) < 10 ? strlen(v) : 10);
    if (i >= PNR_MAX_CHANGES) {
        rd_problem(ld, ld->item, "pnr.changes: at most %d changes", PNR_MAX_CHANGES);
    } else if (date_parse_iso(day, &d) || v[10] != ' ' || !v[11] || strlen(v + 11) >= 64) {
        rd_problem(ld, ld->item, "pnr.changes: \"%s\" is not \"YYYY-MM-DD what changed\"", v);
    } else {
        p->changes[p->n_changes].day = d;
        snprintf(p->changes[p->n_changes++].what, sizeof p->changes[0].what, "%s", v + 11);
    }
}

/* pnr.co_travellers = { { surname = ..., given_names = ..., age = ... }, ... } */
static void read_co(loader *ld, scn_pnr *p) {
    static const char *keys[] = {"surname", "given_names", "age", NULL};
    lua_State *L = ld->L;
    int t = rd_rawfield(L, "co_travellers");
    int n = t == LUA_TTABLE ? (int)lua_rawlen(L, -1) : 0;
    if (t != LUA_TTABLE && t != LUA_TNIL)
        rd_problem(ld, "pnr.co_travellers",
                   "pnr.co_travellers: expected a list of { surname = "
                   "..., given_names = ..., age = ... }");
    for (int i = 1; i <= n; i++) {
        char w[48];
        snprintf(w, sizeof w, "pnr.co_travellers[%d]", i);
        lua_rawgeti(L, -1, i);
        if (i > SCN_PNR_MAX_CO) {
            rd_problem(ld, w, "pnr.co_travellers: at most %d", SCN_PNR_MAX_CO);
        } else if (!lua_istable(L, -1)) {
            rd_problem(ld, w, "%s: expected { surname = ..., given_names = ..., age = ... }", w);
        } else {
            rd_only_keys(ld, w, keys);
            get_checked(ld, w, "surname", p->co[p->n_co].surname, sizeof p->co[0].surname, 1,
                        is_name, "a name in capitals (A-Z, space, - and ')");
            get_checked(ld, w, "given_names", p->co[p->n_co].given, sizeof p->co[0].given, 1,
                        is_name, "a name in capitals (A-Z, space, - and ')");
            double age = 30;
            rd_get_number(ld, w, "age", &age, 0, 110, 1);
            p->co[p->n_co++].age = (int)age;
        }
        lua_pop(L, 1);
    }
    lua_pop(L, 1);
}

/* pnr.unaccompanied_minor: true, or { departure = "guardian", arrival = "guardian" } */
static void read_um(loader *ld, scn_pnr *p) {
    static const char *keys[] = {"departure", "arrival", NULL};
    const char *w = "pnr.unaccompanied_minor";
    int t = rd_rawfield(ld->L, "unaccompanied_minor");
    if (t == LUA_TBOOLEAN) {
        p->um = lua_toboolean(ld->L, -1);
    } else if (t == LUA_TTABLE) {
        p->um = 1;
        rd_only_keys(ld, w, keys);
        rd_get_string(ld, w, "departure", p->um_from, sizeof p->um_from, 0);
        rd_get_string(ld, w, "arrival", p->um_to, sizeof p->um_to, 0);
    } else if (t != LUA_TNIL) {
        rd_problem(ld, w, "%s: expected true, false or { departure = ..., arrival = ... }", w);
    }
    lua_pop(ld->L, 1);
}

/* A word field naming one of an enum's values (from_name), into *out. */
static void get_word(loader *ld, const char *key, int *out, int (*from_name)(const char *),
                     const char *choices) {
    char v[24] = "", p[48];
    if (rd_get_string(ld, "pnr", key, v, sizeof v, 0) != 0) return;
    if ((*out = from_name(v)) >= 0) return;
    snprintf(p, sizeof p, "pnr.%s", key);
    rd_problem(ld, p, "%s: \"%s\" is not %s", p, v, choices);
    *out = 0;
}

static void read_pnr_fields(loader *ld, scn_pnr *p) {
    static const char *keys[] = {"booked",
                                 "payment",
                                 "payer",
                                 "payer_name",
                                 "one_way",
                                 "return_date",
                                 "agent",
                                 "frequent_flyer",
                                 "meal",
                                 "ssr",
                                 "unaccompanied_minor",
                                 "co_travellers",
                                 "bags",
                                 "checkin",
                                 "split",
                                 "codeshare",
                                 "contact",
                                 "remarks",
                                 "changes",
                                 NULL};
    const char *w = "pnr";
    rd_only_keys(ld, w, keys);
    get_date(ld, w, "booked", &p->booked, 1);
    p->payment = PNR_PAY_CARD;
    get_word(ld, "payment", &p->payment, pnr_payment_from_name, "cash, card, invoice or miles");
    get_word(ld, "payer", &p->payer, pnr_payer_from_name, "self, third_party, employer or agency");
    rd_get_string(ld, w, "payer_name", p->payer_name, sizeof p->payer_name, 0);
    rd_get_bool(ld, w, "one_way", &p->one_way);
    if (get_date(ld, w, "return_date", &p->return_date, 0) && p->one_way)
        rd_problem(ld, "pnr.return_date", "pnr.return_date: a one-way booking has no return");
    rd_get_string(ld, w, "agent", p->agent, sizeof p->agent, 0);
    rd_get_string(ld, w, "frequent_flyer", p->frequent_flyer, sizeof p->frequent_flyer, 0);
    rd_get_string(ld, w, "contact", p->contact, sizeof p->contact, 0);
    get_checked(ld, w, "meal", p->meal, sizeof p->meal, 0, is_meal,
                "an IATA special meal code (AVML, BBML, CHML, DBML, GFML, HNML, KSML, MOML, "
                "VGML, ...)");
    rd_each_string(ld, w, "ssr", add_ssr, p);
    read_um(ld, p);
    read_co(ld, p);
    double bags = 0;
    rd_get_number(ld, w, "bags", &bags, 0, 20, 0);
    p->bags = (int)bags;
    get_word(ld, "checkin", &p->status, pnr_status_from_name,
             "booked, checked_in, gate or no_show");
    rd_get_bool(ld, w, "split", &p->split);
    rd_get_string(ld, w, "codeshare", p->codeshare, sizeof p->codeshare, 0);
    rd_get_string(ld, w, "remarks", p->remarks, sizeof p->remarks, 0);
    rd_each_string(ld, w, "changes", add_change, p);
}

void scn_read_flight(loader *ld) {
    lua_State *L = ld->L;
    scenario *s = ld->s;
    int t = rd_rawfield(L, "flight");
    if (t == LUA_TTABLE) {
        s->flight.present = 1;
        read_flight_fields(ld, &s->flight);
    } else if (t != LUA_TNIL) {
        rd_problem(ld, "flight", "flight: expected { carrier = ..., number = ..., ... }");
    }
    lua_pop(L, 1);
    t = rd_rawfield(L, "pnr");
    if (t == LUA_TTABLE) {
        s->pnr.present = 1;
        read_pnr_fields(ld, &s->pnr);
        if (!s->flight.present)
            rd_problem(ld, "pnr", "pnr: a booking needs the flight it is for (flight = { ... })");
    } else if (t != LUA_TNIL) {
        rd_problem(ld, "pnr", "pnr: expected { booked = ..., payment = ..., ... }");
    }
    lua_pop(L, 1);
}

/* ---------------------------------------------------------------- the rule */

/* The booking's dates agree with the day of travel. */
static void pnr_dates_hold(loader *ld, bl_date travel) {
    const scn_pnr *p = &ld->s->pnr;
    if (p->booked.y && date_to_days(p->booked) > date_to_days(travel))
        rd_problem(ld, "pnr.booked", "pnr.booked: a booking is made before the flight leaves");
    if (p->return_date.y && date_to_days(p->return_date) <= date_to_days(ld->s->today))
        rd_problem(ld, "pnr.return_date", "pnr.return_date: a return is after today");
    for (int i = 0; i < p->n_changes; i++)
        if (date_to_days(p->changes[i].day) > date_to_days(ld->s->today) ||
            (p->booked.y && date_to_days(p->changes[i].day) < date_to_days(p->booked))) {
            char w[48];
            const bl_date *d = &p->changes[i].day, *b = &p->booked, *t = &ld->s->today;
            snprintf(w, sizeof w, "pnr.changes[%d]", i + 1);
            rd_problem(ld, w,
                       "%s: %04d-%02d-%02d is not between the booking (%04d-%02d-%02d) and "
                       "today (%04d-%02d-%02d)",
                       w, d->y, d->m, d->d, b->y, b->m, b->d, t->y, t->m, t->d);
        }
    const i18n *en = scenario_strings(ld->s, "en");
    if (p->remarks[0] && (!en || !i18n_has(en, p->remarks)))
        rd_problem(ld, "pnr.remarks", "string \"%s\" (pnr.remarks) is not defined in strings.en",
                   p->remarks);
}

void scn_flight_check(loader *ld) {
    const scenario *s = ld->s;
    if (!s->flight.present || ld->problems) return; /* (a broken field was reported) */
    api_flight *f = malloc(sizeof *f);
    bl_err err = {0};
    char *text = NULL;
    if (!f) {
        rd_problem(ld, "flight", "flight: out of memory making the passenger list");
        return;
    }
    if (flight_make(s, f, &err) != 0 || !(text = paxlst_write(f, &err)) ||
        paxlst_check(text, strlen(text), NULL, &err) != 0)
        rd_problem(ld, "flight", "flight: %s", err.msg);
    else if (s->pnr.present)
        pnr_dates_hold(ld, f->day);
    free(text);
    free(f);
}
