/* paxlst_check.c - reading and validating a PAXLST interchange (paxlst.h).
 *
 * edifact.c splits the text; here the segments are walked in the order the
 * implementation guide sets: UNB [UNG] UNH BGM [NAD+MS [CTA] [COM]] TDT
 * (LOC [DTM])... then per passenger NAD+FL with its ATT DTM LOC NAT RFF and
 * DOC (DTM LOC), then CNT UNT [UNE] UNZ. The first broken rule stops the
 * walk and names its segment. Required of every passenger, as the API
 * Directive (2004/82/EC, Art. 3(2)) lists them: a name, sex, date of birth,
 * nationality and a travel document with its number. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "edifact.h"
#include "paxlst.h"
#include "paxlst_int.h"

static int digits(const char *v, size_t n) {
    if (strlen(v) != n) return 0;
    for (size_t i = 0; i < n; i++)
        if (v[i] < '0' || v[i] > '9') return 0;
    return 1;
}

static int num(const char *v, size_t at, size_t n) {
    int x = 0;
    for (size_t i = 0; i < n; i++)
        x = x * 10 + (v[at + i] - '0');
    return x;
}

int paxlst_date(const char *v, const char *format, paxlst_date_kind kind, bl_date dep, bl_date *out,
                int *hhmm) {
    int full = !strcmp(format, "102") || !strcmp(format, "203");
    int timed = !strcmp(format, "201") || !strcmp(format, "203");
    if (!full && !timed && format[0] && strcmp(format, "101")) return -1;
    size_t n = (full ? 8 : 6) + (timed ? 4 : 0);
    if (!digits(v, n)) return -1;
    bl_date d;
    size_t at = full ? 4 : 2;
    d.y = full ? num(v, 0, 4) : 2000 + num(v, 0, 2);
    d.m = num(v, at, 2), d.d = num(v, at + 2, 2);
    if (!full && d.m == 2 && d.d == 29 && !date_valid(d)) d.y -= 100; /* 29 Feb 1900 is none */
    if (!full && kind == PAXLST_BIRTH &&
        (d.y > dep.y || (d.y == dep.y && (d.m > dep.m || (d.m == dep.m && d.d > dep.d)))))
        d.y -= 100;
    if (!full && kind == PAXLST_EXPIRY && d.y > dep.y + 50) d.y -= 100;
    if (!date_valid(d)) return -1;
    if (timed) {
        int t = num(v, n - 4, 4);
        if (t / 100 > 23 || t % 100 > 59) return -1;
        if (hhmm) *hhmm = t;
    }
    *out = d;
    return 0;
}

/* The walk: the document, where it is, what is read. */
typedef struct ck {
    const edi_doc *d;
    int s; /* the segment being looked at */
    api_flight *f;
    bl_err *err;
    int group; /* UNG was there */
} ck;

static const char *tag(const ck *c) {
    return c->s < c->d->n_segs ? c->d->segs[c->s].tag : "";
}
static const char *get(const ck *c, int e, int k) {
    return edi_get(c->d, c->s, e, k);
}
static int is(const ck *c, const char *t) {
    return !strcmp(tag(c), t);
}

/* The segment expected next is `t`; fails naming what came instead. */
static int expect(ck *c, const char *t, const char *what) {
    if (is(c, t)) return 0;
    if (c->s >= c->d->n_segs)
        return edi_fail(c->d, c->d->n_segs - 1, c->err, "the interchange ends before %s (%s)", t,
                        what);
    return edi_fail(c->d, c->s, c->err, "%s (%s) expected here", t, what);
}

static void copy(char *dst, size_t cap, const char *v) {
    size_t n = strlen(v);
    if (n >= cap) n = cap - 1;
    memcpy(dst, v, n);
    dst[n] = '\0';
}

/* UNB (and UNG): the repertoire is edifact.c's; the references are kept for
 * the trailers. */
static int envelope(ck *c, char ref[16], char gref[16]) {
    if (!digits(get(c, 3, 0), 6) || !digits(get(c, 3, 1), 4))
        return edi_fail(c->d, c->s, c->err, "the preparation date and time are YYMMDD:HHMM");
    if (!get(c, 1, 0)[0] || !get(c, 2, 0)[0])
        return edi_fail(c->d, c->s, c->err, "the interchange names no sender or recipient");
    if (!get(c, 4, 0)[0] || strlen(get(c, 4, 0)) > 14)
        return edi_fail(c->d, c->s, c->err,
                        "the interchange control reference is 1 to 14 "
                        "characters");
    copy(ref, 16, get(c, 4, 0));
    c->s++;
    if (!is(c, "UNG")) return 0;
    c->group = 1;
    if (strcmp(get(c, 0, 0), "PAXLST"))
        return edi_fail(c->d, c->s, c->err, "the group holds %s messages, not PAXLST",
                        get(c, 0, 0));
    copy(gref, 16, get(c, 4, 0));
    c->s++;
    return 0;
}

/* UNH and BGM. */
static int message_header(ck *c, char mref[16]) {
    if (expect(c, "UNH", "the message header")) return -1;
    const char *type = get(c, 1, 0), *rel = get(c, 1, 2);
    if (strcmp(type, "PAXLST") || strcmp(get(c, 1, 1), "D") || strcmp(get(c, 1, 3), "UN"))
        return edi_fail(c->d, c->s, c->err, "the message is %s:%s:%s:%s, not PAXLST:D:..:UN", type,
                        get(c, 1, 1), rel, get(c, 1, 3));
    if (strcmp(rel, "02B") && strcmp(rel, "05B"))
        return edi_fail(c->d, c->s, c->err,
                        "directory release %s: borderlab reads PAXLST of "
                        "D02B and D05B",
                        rel);
    if (!get(c, 0, 0)[0])
        return edi_fail(c->d, c->s, c->err, "the message has no reference number");
    copy(mref, 16, get(c, 0, 0));
    c->s++;
    if (expect(c, "BGM", "the beginning of the message")) return -1;
    if (!strcmp(get(c, 0, 0), "250"))
        return edi_fail(c->d, c->s, c->err, "a crew list (BGM+250), not a passenger list (745)");
    if (strcmp(get(c, 0, 0), "745"))
        return edi_fail(c->d, c->s, c->err, "document name code %s is not 745 (passenger list)",
                        get(c, 0, 0));
    c->s++;
    if (is(c, "NAD") && !strcmp(get(c, 0, 0), "MS")) /* the reporting party, its contacts */
        for (c->s++; is(c, "CTA") || is(c, "COM"); c->s++)
            ;
    return 0;
}

/* TDT+20+NA412+++NA': the carrier and the number. */
static int transport(ck *c) {
    if (expect(c, "TDT", "the flight")) return -1;
    const char *id = get(c, 1, 0), *carrier = get(c, 4, 0);
    if (strcmp(get(c, 0, 0), "20"))
        return edi_fail(c->d, c->s, c->err, "transport stage %s is not 20 (main carriage)",
                        get(c, 0, 0));
    size_t cl = carrier[0] ? strlen(carrier) : 2, n = strlen(id);
    int ok = n > cl && n <= cl + 5 && !strncmp(id, carrier[0] ? carrier : id, cl) &&
             id[cl] >= '0' && id[cl] <= '9';
    for (size_t i = cl; ok && i < n; i++)
        ok = (id[i] >= '0' && id[i] <= '9') || (i == n - 1 && id[i] >= 'A' && id[i] <= 'Z');
    if (!ok || cl > 3)
        return edi_fail(c->d, c->s, c->err,
                        "flight \"%s\" is not the carrier's code and a "
                        "number (NA412)",
                        id);
    copy(c->f->carrier, sizeof c->f->carrier, id);
    c->f->carrier[cl] = '\0';
    copy(c->f->number, sizeof c->f->number, id + cl);
    c->s++;
    return 0;
}

/* LOC+125 DTM+189 and LOC+87 DTM+232, and any other places of the route. */
static int route(ck *c) {
    int dep = 0, arr = 0;
    bl_date arr_day = {0, 0, 0};
    while (is(c, "LOC")) {
        const char *q = get(c, 0, 0), *place = get(c, 1, 0);
        int which = !strcmp(q, "125") ? 1 : !strcmp(q, "87") ? 2 : 0;
        if (which && (strlen(place) != 3))
            return edi_fail(c->d, c->s, c->err, "airport \"%s\" is not a three-letter code", place);
        if (which == 1) copy(c->f->from, sizeof c->f->from, place);
        if (which == 2) copy(c->f->to, sizeof c->f->to, place);
        c->s++;
        if (!is(c, "DTM")) continue;
        const char *dq = get(c, 0, 0), *v = get(c, 0, 1);
        const char *want = which == 1 ? "189" : which == 2 ? "232" : dq;
        if (strcmp(dq, want))
            return edi_fail(c->d, c->s, c->err, "date qualifier %s after LOC+%s (expected %s)", dq,
                            q, want);
        bl_date day;
        int hhmm = 0;
        if (paxlst_date(v, get(c, 0, 2), PAXLST_FLIGHT, c->f->day, &day, &hhmm))
            return edi_fail(c->d, c->s, c->err,
                            "%s time %s is not a date and time (YYMMDDHHMM, "
                            "format 201)",
                            which == 1 ? "departure" : "arrival", v);
        if (which == 1) c->f->day = day, c->f->dep_hhmm = hhmm, dep = 1;
        if (which == 2) arr_day = day, c->f->arr_hhmm = hhmm, arr = 1;
        c->s++;
    }
    if (!dep || !arr)
        return edi_fail(c->d, c->s, c->err, "the flight has no %s (LOC+%s with DTM+%s)",
                        dep ? "arrival" : "departure", dep ? "87" : "125", dep ? "232" : "189");
    long gap = date_to_days(arr_day) - date_to_days(c->f->day);
    if (gap < 0 || gap > 1)
        return edi_fail(c->d, c->s - 1, c->err,
                        "the arrival is not on the day of departure or "
                        "the next");
    c->f->arr_next_day = (int)gap;
    return 0;
}

/* A passenger's group is being read: what it has said so far. */
typedef struct pax_seen {
    int sex, birth, nat, doc, visa; /* visa: a second DOC (a visa) whose DTM and LOC follow */
} pax_seen;

static int pax_att(ck *c, api_pax *p, pax_seen *seen) {
    const char *v = get(c, 2, 0);
    if (strcmp(get(c, 0, 0), "2")) return 0; /* another attribute: not the sex */
    if (strlen(v) != 1 || !strchr("MFU", v[0]))
        return edi_fail(c->d, c->s, c->err, "sex code \"%s\" is not M, F or U%s", v,
                        !strcmp(v, "X") ? " (a document's X is sent as U)" : "");
    p->sex = v[0];
    seen->sex = 1;
    return 0;
}

static int pax_dtm(ck *c, api_pax *p, pax_seen *seen) {
    const char *q = get(c, 0, 0), *v = get(c, 0, 1), *fmt = get(c, 0, 2);
    int before_doc = !seen->doc;
    if (seen->visa) return 0; /* a visa's dates are not the passport's */
    if (before_doc && strcmp(q, "329"))
        return edi_fail(c->d, c->s, c->err,
                        "date qualifier %s before DOC: a passenger's date "
                        "is 329 (birth)",
                        q);
    if (!before_doc && strcmp(q, "36") && strcmp(q, "182"))
        return edi_fail(c->d, c->s, c->err,
                        "date qualifier %s after DOC: 36 (expiry) or 182 "
                        "(issue)",
                        q);
    int birth = !strcmp(q, "329");
    bl_date d;
    if (paxlst_date(v, fmt, birth ? PAXLST_BIRTH : PAXLST_EXPIRY, c->f->day, &d, NULL))
        return edi_fail(c->d, c->s, c->err, "%s %s is not a date",
                        birth              ? "date of birth"
                        : !strcmp(q, "36") ? "expiry date"
                                           : "issue date",
                        v);
    if (birth) p->birth = d, seen->birth = 1;
    if (!strcmp(q, "36")) p->doc_expiry = d;
    return 0;
}

static int pax_loc(ck *c, api_pax *p, pax_seen *seen) {
    const char *q = get(c, 0, 0), *v = get(c, 1, 0);
    if (seen->visa) return 0;
    if (!seen->doc && strcmp(q, "178") && strcmp(q, "179") && strcmp(q, "174") &&
        strcmp(q, "180") && strcmp(q, "22"))
        return edi_fail(c->d, c->s, c->err, "place qualifier %s is not 178, 179, 174, 180 or 22",
                        q);
    if (seen->doc && strcmp(q, "91"))
        return edi_fail(c->d, c->s, c->err, "place qualifier %s after DOC: 91 (issuing state)", q);
    if ((!strcmp(q, "174") || !strcmp(q, "91") || !strcmp(q, "180")) && strlen(v) != 3)
        return edi_fail(c->d, c->s, c->err, "\"%s\" is not a three-letter state code", v);
    if (!strcmp(q, "174")) copy(p->residence, sizeof p->residence, v);
    if (!strcmp(q, "91")) copy(p->doc_issuer, sizeof p->doc_issuer, v);
    return 0;
}

static int pax_doc(ck *c, api_pax *p, pax_seen *seen) {
    const char *type = get(c, 0, 0), *number = get(c, 1, 0);
    if (seen->doc) {
        if (type[0] == 'V') return seen->visa = 1, 0;
        return edi_fail(c->d, c->s, c->err, "a second travel document (%s) for one passenger",
                        type);
    }
    if (strlen(type) != 1 || !strchr("PIAC", type[0]))
        return edi_fail(c->d, c->s, c->err,
                        "document type \"%s\" is not P (passport) or I, A, C "
                        "(identity cards)",
                        type);
    if (!number[0] || strlen(number) >= sizeof p->doc_number)
        return edi_fail(c->d, c->s, c->err, "the document number is 1 to %zu characters",
                        sizeof p->doc_number - 1);
    p->doc_type = type[0] == 'P' ? 'P' : 'I';
    copy(p->doc_number, sizeof p->doc_number, number);
    seen->doc = 1;
    return 0;
}

/* One segment of a passenger's group; 1 when it is not one (the group ends). */
static int pax_segment(ck *c, api_pax *p, pax_seen *seen) {
    if (is(c, "ATT")) return pax_att(c, p, seen);
    if (is(c, "DTM")) return pax_dtm(c, p, seen);
    if (is(c, "LOC")) return pax_loc(c, p, seen);
    if (is(c, "DOC")) return pax_doc(c, p, seen);
    if (is(c, "NAT")) {
        if (strlen(get(c, 1, 0)) != 3)
            return edi_fail(c->d, c->s, c->err, "nationality \"%s\" is not a three-letter code",
                            get(c, 1, 0));
        copy(p->nationality, sizeof p->nationality, get(c, 1, 0));
        return seen->nat = 1, 0;
    }
    if (is(c, "RFF")) {
        const char *q = get(c, 0, 0), *v = get(c, 0, 1);
        if (!strcmp(q, "AVF")) copy(p->booking, sizeof p->booking, v);
        if (!strcmp(q, "SEA")) copy(p->seat, sizeof p->seat, v);
        return 0;
    }
    if (is(c, "FTX") || is(c, "MEA") || is(c, "GEI") || is(c, "COM") || is(c, "EMP") ||
        is(c, "QTY") || is(c, "CTA"))
        return 0;
    return 1;
}

/* NAD+FL and its segments, for each passenger. */
static int passengers(ck *c) {
    while (is(c, "NAD")) {
        int at = c->s;
        if (strcmp(get(c, 0, 0), "FL"))
            return edi_fail(c->d, c->s, c->err, "party qualifier %s: a passenger is NAD+FL",
                            get(c, 0, 0));
        if (c->f->n_pax >= API_MAX_PAX)
            return edi_fail(c->d, c->s, c->err, "more than %d passengers", API_MAX_PAX);
        api_pax *p = &c->f->pax[c->f->n_pax++];
        if (!get(c, 3, 0)[0])
            return edi_fail(c->d, c->s, c->err, "passenger %d has no surname", c->f->n_pax);
        copy(p->surname, sizeof p->surname, get(c, 3, 0));
        for (int k = 1; k < edi_components(c->d, c->s, 3); k++) {
            if (!get(c, 3, k)[0]) continue;
            size_t l = strlen(p->given);
            if (l + 1 + strlen(get(c, 3, k)) >= sizeof p->given) break;
            if (l) strcat(p->given, " ");
            strcat(p->given, get(c, 3, k));
        }
        pax_seen seen = {0};
        int rc = 0;
        for (c->s++; c->s < c->d->n_segs && (rc = pax_segment(c, p, &seen)) == 0; c->s++)
            ;
        if (rc < 0) return -1;
        const char *lacks = !seen.sex     ? "sex (ATT+2)"
                            : !seen.birth ? "date of birth (DTM+329)"
                            : !seen.nat   ? "nationality (NAT+2)"
                            : !seen.doc   ? "travel document (DOC)"
                                          : NULL;
        if (lacks)
            return edi_fail(c->d, at, c->err, "passenger %d (%s) has no %s", c->f->n_pax,
                            p->surname, lacks);
    }
    return 0;
}

/* CNT, UNT, UNE, UNZ: the counts agree with what came before. */
static int trailers(ck *c, int unh, const char *mref, const char *ref, const char *gref) {
    int counted = 0;
    for (; is(c, "CNT"); c->s++) {
        if (strcmp(get(c, 0, 0), "42")) continue;
        counted = 1;
        char n[16];
        snprintf(n, sizeof n, "%d", c->f->n_pax);
        if (strcmp(get(c, 0, 1), n))
            return edi_fail(c->d, c->s, c->err, "CNT+42 says %s passengers, the message lists %d",
                            get(c, 0, 1), c->f->n_pax);
    }
    if (!counted && expect(c, "CNT", "the passengers' total, CNT+42")) return -1;
    if (is(c, "UNE") || is(c, "UNZ"))
        return edi_fail(c->d, c->s, c->err, "the message ends without its UNT trailer");
    if (expect(c, "UNT", "the message trailer")) return -1;
    char n[16];
    snprintf(n, sizeof n, "%d", c->s - unh + 1);
    if (strcmp(get(c, 0, 0), n))
        return edi_fail(c->d, c->s, c->err, "UNT counts %s segments, the message has %s",
                        get(c, 0, 0), n);
    if (strcmp(get(c, 1, 0), mref))
        return edi_fail(c->d, c->s, c->err, "UNT's reference %s is not UNH's %s", get(c, 1, 0),
                        mref);
    c->s++;
    if (c->group) {
        if (expect(c, "UNE", "the group trailer")) return -1;
        if (strcmp(get(c, 0, 0), "1") || strcmp(get(c, 1, 0), gref))
            return edi_fail(c->d, c->s, c->err,
                            "UNE+%s+%s: the group holds 1 message, its "
                            "reference is %s",
                            get(c, 0, 0), get(c, 1, 0), gref);
        c->s++;
    }
    if (expect(c, "UNZ", "the interchange trailer")) return -1;
    if (strcmp(get(c, 0, 0), "1") || strcmp(get(c, 1, 0), ref))
        return edi_fail(c->d, c->s, c->err,
                        "UNZ+%s+%s: the interchange holds 1 %s, its "
                        "reference is %s",
                        get(c, 0, 0), get(c, 1, 0), c->group ? "group" : "message", ref);
    if (++c->s < c->d->n_segs)
        return edi_fail(c->d, c->s, c->err, "a segment after the interchange's end (UNZ)");
    return 0;
}

static int walk(ck *c) {
    char ref[16] = "", gref[16] = "", mref[16] = "";
    if (envelope(c, ref, gref)) return -1;
    int unh = c->s;
    if (message_header(c, mref)) return -1;
    if (transport(c) || route(c) || passengers(c)) return -1;
    if (c->s < c->d->n_segs && !is(c, "CNT") && !is(c, "UNT") && !is(c, "UNE") && !is(c, "UNZ"))
        return edi_fail(c->d, c->s, c->err, "%s is not a PAXLST segment here", tag(c));
    return trailers(c, unh, mref, ref, gref);
}

int paxlst_check(const char *text, size_t n, api_flight *out, bl_err *err) {
    edi_doc d;
    int rc = edi_read(text, n, &d, err);
    api_flight *f = out ? out : malloc(sizeof *f);
    if (rc == 0 && !f) {
        err_setc(err, BL_E_NOMEM, "out of memory reading a PAXLST interchange");
        rc = 2;
    }
    if (rc == 0) {
        memset(f, 0, sizeof *f);
        f->traveler = -1;
        ck c = {&d, 0, f, err, 0};
        rc = walk(&c) ? 1 : 0;
    }
    if (!out) free(f);
    edi_free(&d);
    return rc;
}
