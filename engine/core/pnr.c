/* pnr.c - see pnr.h. The lines follow Annex I's numbering; the rules are a
 * table of small functions over the facts they may read. */
#include "pnr.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

static const char *const payments[PNR_PAY_COUNT] = {"cash", "card", "invoice", "miles"};
static const char *const payers[PNR_PAYER_COUNT] = {"self", "third_party", "employer", "agency"};
static const char *const statuses[PNR_STATUS_COUNT] = {"booked", "checked_in", "gate", "no_show"};

static int index_of(const char *const *names, int n, const char *s) {
    for (int i = 0; s && i < n; i++)
        if (!strcmp(names[i], s)) return i;
    return -1;
}

const char *pnr_payment_name(int p) {
    return p >= 0 && p < PNR_PAY_COUNT ? payments[p] : "";
}
int pnr_payment_from_name(const char *s) {
    return index_of(payments, PNR_PAY_COUNT, s);
}
const char *pnr_payer_name(int p) {
    return p >= 0 && p < PNR_PAYER_COUNT ? payers[p] : "";
}
int pnr_payer_from_name(const char *s) {
    return index_of(payers, PNR_PAYER_COUNT, s);
}
const char *pnr_status_name(int s) {
    return s >= 0 && s < PNR_STATUS_COUNT ? statuses[s] : "";
}
int pnr_status_from_name(const char *s) {
    return index_of(statuses, PNR_STATUS_COUNT, s);
}

/* ---------------------------------------------------------------- lines */

typedef struct {
    char (*lines)[128];
    int n, cap;
} out_lines;

static void line(out_lines *o, int annex, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;

static void line(out_lines *o, int annex, const char *fmt, ...) {
    if (o->n >= o->cap) return;
    char *l = o->lines[o->n++];
    int k = snprintf(l, 128, "Annex I (%d) ", annex); /* cut to the panel's width */
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(l + k, (size_t)(128 - k), fmt, ap);
    va_end(ap);
}

static const char *day(bl_date d, char buf[16]) {
    if (!d.y) return "-";
    date_display(d, buf, 16);
    return buf;
}

static const char *or_none(const char *v, const char *none) {
    return v[0] ? v : none;
}

static void lines_booking(const pnr_record *p, out_lines *o) {
    char a[16], b[16];
    line(o, 1, "Record locator: %s", p->locator);
    line(o, 2, "Booked %s, ticket issued %s", day(p->booked, a), day(p->ticketed, b));
    if (p->return_date.y)
        line(o, 3, "Travel: %s, return %s", day(p->travel, a), day(p->return_date, b));
    else
        line(o, 3, "Travel: %s, no return booked", day(p->travel, a));
    if (p->n_names > 0) line(o, 4, "Name: %s/%s", p->names[0].surname, p->names[0].given);
    line(o, 5, "Contact: %s", or_none(p->contact, "none given"));
    static const char *const how[PNR_PAY_COUNT] = {"CASH", "CARD", "INVOICE", "MILES"};
    static const char *const who[PNR_PAYER_COUNT] = {"by the traveller", "by a third party",
                                                     "by an employer", "by a travel agency"};
    int pay = p->payment >= 0 && p->payment < PNR_PAY_COUNT ? p->payment : 0;
    int by = p->payer >= 0 && p->payer < PNR_PAYER_COUNT ? p->payer : 0;
    if (p->payer_name[0] && by != PNR_PAYER_SELF)
        line(o, 6, "Payment: %s, paid %s (%s)", how[pay], who[by], p->payer_name);
    else
        line(o, 6, "Payment: %s, paid %s", how[pay], who[by]);
    line(o, 7, "Itinerary: %s%s %s %04d -> %s %04d on %s", p->carrier, p->number, p->from,
         p->dep_hhmm, p->to, p->arr_hhmm, day(p->travel, a));
    if (p->return_date.y)
        line(o, 7, "Itinerary: return %s -> %s on %s", p->to, p->from, day(p->return_date, a));
    line(o, 8, "Frequent flyer: %s", or_none(p->frequent_flyer, "none"));
    line(o, 9, "Travel agent: %s", or_none(p->agent, "none (booked with the carrier)"));
    static const char *const st[PNR_STATUS_COUNT] = {"confirmed, not checked in", "checked in",
                                                     "boarded at the gate", "NO SHOW"};
    line(o, 10, "Status: %s", st[p->status >= 0 && p->status < PNR_STATUS_COUNT ? p->status : 0]);
    line(o, 11, "Split PNR: %s",
         p->split ? "split from a booking of more travellers" : "not split");
}

static void lines_remarks(const pnr_record *p, out_lines *o) {
    char a[16];
    line(o, 12, "Remarks: %s", or_none(p->remarks, "none"));
    if (p->um) {
        const pnr_name *m = &p->names[0];
        line(o, 12, "Unaccompanied minor: %s/%s, %c, %d years, speaks %s", m->surname, m->given,
             p->api.sex ? p->api.sex : 'U', m->age, or_none(p->um_languages, "-"));
        line(o, 12, "Minor's guardian at departure: %s",
             or_none(p->um_guardian_from, "none named"));
        line(o, 12, "Minor's guardian on arrival: %s", or_none(p->um_guardian_to, "NONE NAMED"));
    }
    if (p->meal[0])
        line(o, 12, "Special meal: %s (may reveal religion or health: never a reason)", p->meal);
    for (int i = 0; i < p->n_ssr && i < PNR_MAX_SSR; i++)
        line(o, 12, "Special service request: %s (may reveal health: never a reason)", p->ssr[i]);
    line(o, 13, "Ticket %s issued %s, %s, fare %s", or_none(p->ticket, "-"), day(p->ticketed, a),
         p->one_way ? "ONE-WAY" : "return", or_none(p->fare, "-"));
    line(o, 14, "Seat: %s", or_none(p->seat, "not assigned"));
    line(o, 15, "Code share: %s", or_none(p->codeshare, "none"));
    line(o, 16, "Baggage: %d checked bag%s", p->bags, p->bags == 1 ? "" : "s");
}

static void lines_people(const pnr_record *p, out_lines *o) {
    char a[16], b[16];
    line(o, 17, "Travellers on this PNR: %d", p->n_names);
    for (int i = 0; i < p->n_names && i < PNR_MAX_NAMES; i++) {
        if (p->names[i].age >= 0)
            line(o, 17, "  %d. %s/%s, %d years", i + 1, p->names[i].surname, p->names[i].given,
                 p->names[i].age);
        else
            line(o, 17, "  %d. %s/%s", i + 1, p->names[i].surname, p->names[i].given);
    }
    if (p->has_api) {
        const api_pax *x = &p->api;
        line(o, 18, "API: %s/%s, %c, born %s, nationality %s", x->surname, x->given,
             x->sex ? x->sex : 'U', day(x->birth, a), x->nationality);
        line(o, 18, "API: %s %s issued by %s, expires %s; %s%s %s -> %s",
             x->doc_type == 'I' ? "identity card" : "passport", x->doc_number, x->doc_issuer,
             day(x->doc_expiry, b), p->carrier, p->number, p->from, p->to);
    } else {
        line(o, 18, "API: none collected");
    }
    if (p->n_changes == 0) line(o, 19, "History: no changes");
    for (int i = 0; i < p->n_changes && i < PNR_MAX_CHANGES; i++)
        line(o, 19, "History: %s %s", day(p->changes[i].day, a), p->changes[i].what);
}

int pnr_lines(const pnr_record *p, char lines[][128], int cap) {
    out_lines o = {lines, 0, cap > 0 ? cap : 0};
    lines_booking(p, &o);
    lines_remarks(p, &o);
    lines_people(p, &o);
    return o.n;
}

/* ---------------------------------------------------------------- rules */

/* What the rules may read: copied out of the record field by field, so no
 * rule can reach the meal, the SSRs or the remarks (pnr.h). */
typedef struct pnr_facts {
    int payment, payer, one_way, status;
    long days_before; /* booked this many days before travel */
    int n_names;
    pnr_name names[PNR_MAX_NAMES];
    char payer_name[48];
    int um, um_guardian_to; /* a guardian on arrival is named */
    int n_changes;
    pnr_change changes[PNR_MAX_CHANGES];
    bl_date travel;
    int has_api;
    char api_surname[40], api_given[40];
} pnr_facts;

static void facts_of(const pnr_record *p, pnr_facts *f) {
    memset(f, 0, sizeof *f);
    f->payment = p->payment, f->payer = p->payer, f->one_way = p->one_way, f->status = p->status;
    f->days_before = date_to_days(p->travel) - date_to_days(p->booked);
    f->n_names = p->n_names < 0 ? 0 : p->n_names > PNR_MAX_NAMES ? PNR_MAX_NAMES : p->n_names;
    memcpy(f->names, p->names, sizeof f->names);
    memcpy(f->payer_name, p->payer_name, sizeof f->payer_name);
    f->um = p->um, f->um_guardian_to = p->um_guardian_to[0] != '\0';
    f->n_changes = p->n_changes < 0                 ? 0
                   : p->n_changes > PNR_MAX_CHANGES ? PNR_MAX_CHANGES
                                                    : p->n_changes;
    memcpy(f->changes, p->changes, sizeof f->changes);
    f->travel = p->travel;
    f->has_api = p->has_api;
    memcpy(f->api_surname, p->api.surname, sizeof f->api_surname);
    memcpy(f->api_given, p->api.given, sizeof f->api_given);
}

typedef int (*rule_fn)(const pnr_facts *f, char *why, size_t cap);

/* Third party pays cash, one way, shortly before, for several young people:
 * the recruiter's pattern in trafficking cases. */
static int trafficking_pattern(const pnr_facts *f, char *why, size_t cap) {
    int young = 0, lo = 200, hi = -1;
    for (int i = 0; i < f->n_names; i++)
        if (f->names[i].age >= 0 && f->names[i].age <= 25) {
            young++;
            lo = f->names[i].age < lo ? f->names[i].age : lo;
            hi = f->names[i].age > hi ? f->names[i].age : hi;
        }
    if (f->payer != PNR_PAYER_THIRD_PARTY || f->payment != PNR_PAY_CASH || !f->one_way ||
        f->days_before > 3 || young < 2)
        return 0;
    snprintf(why, cap,
             "cash from a third party%s%s%s, one-way, booked %ld day%s before, for %d "
             "travellers aged %d-%d",
             f->payer_name[0] ? " (" : "", f->payer_name, f->payer_name[0] ? ")" : "",
             f->days_before, f->days_before == 1 ? "" : "s", young, lo, hi);
    return 1;
}

/* A child travelling alone whom nobody is named to meet. */
static int um_no_guardian(const pnr_facts *f, char *why, size_t cap) {
    if (!f->um || f->um_guardian_to) return 0;
    snprintf(why, cap, "an unaccompanied minor with no guardian named on arrival");
    return 1;
}

/* The name on the booking changed just before travel: a ticket passed on. */
static int late_name_change(const pnr_facts *f, char *why, size_t cap) {
    for (int i = 0; i < f->n_changes; i++) {
        long before = date_to_days(f->travel) - date_to_days(f->changes[i].day);
        if (strncmp(f->changes[i].what, "name", 4) || before < 0 || before > 3) continue;
        snprintf(why, cap, "the name was changed %ld day%s before travel", before,
                 before == 1 ? "" : "s");
        return 1;
    }
    return 0;
}

static int same_name(const char *a, const char *b) {
    for (;; a++, b++) {
        while (*a == ' ' || *a == '-' || *a == '\'')
            a++;
        while (*b == ' ' || *b == '-' || *b == '\'')
            b++;
        if (toupper((unsigned char)*a) != toupper((unsigned char)*b)) return 0;
        if (!*a) return 1;
    }
}

/* The carrier checked someone else in under this booking's name. */
static int api_not_as_booked(const pnr_facts *f, char *why, size_t cap) {
    if (!f->has_api || f->n_names == 0) return 0;
    if (same_name(f->api_surname, f->names[0].surname) &&
        same_name(f->api_given, f->names[0].given))
        return 0;
    snprintf(why, cap, "booked as %s/%s, checked in (API) as %s/%s", f->names[0].surname,
             f->names[0].given, f->api_surname, f->api_given);
    return 1;
}

static const struct {
    const char *id, *summary;
    rule_fn fn;
} rules[] = {
    {"trafficking_pattern",
     "cash paid by a third party for one-way tickets booked at most 3 days before travel, for 2 "
     "or more travellers aged 25 or under",
     trafficking_pattern},
    {"um_no_guardian", "an unaccompanied minor with no guardian named on arrival", um_no_guardian},
    {"late_name_change", "the name on the booking changed at most 3 days before travel",
     late_name_change},
    {"api_not_as_booked", "the name the carrier checked in (API) is not the name booked",
     api_not_as_booked},
};
#define N_RULES ((int)(sizeof rules / sizeof *rules))

const char *pnr_rule_id(int i) {
    return i >= 0 && i < N_RULES ? rules[i].id : NULL;
}
const char *pnr_rule_summary(int i) {
    return i >= 0 && i < N_RULES ? rules[i].summary : NULL;
}

int pnr_rules(const pnr_record *p, pnr_hit *out, int cap) {
    pnr_facts f;
    facts_of(p, &f);
    int n = 0;
    for (int i = 0; i < N_RULES && n < cap; i++) {
        char why[128] = "";
        if (!rules[i].fn(&f, why, sizeof why)) continue;
        memset(&out[n], 0, sizeof out[n]);
        snprintf(out[n].rule, sizeof out[n].rule, "%s", rules[i].id);
        snprintf(out[n].why, sizeof out[n].why, "%s", why);
        n++;
    }
    return n;
}
