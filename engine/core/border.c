/* border.c - see border.h. */
#include "border.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "flight.h"
#include "rng.h"

/* ------------------------------------------------------------ records */

/* "a b" into out, cut to fit (names longer than a record's field are cut
 * as a database cuts them). */
/* Appends s to out[0..*n), whole UTF-8 characters only, within cap. */
static void append(char *out, size_t cap, size_t *n, const char *s) {
    for (const unsigned char *p = (const unsigned char *)s; *p;) {
        size_t len = *p < 0x80 ? 1 : *p >= 0xF0 ? 4 : *p >= 0xE0 ? 3 : 2;
        if (*n + len + 1 > cap) break;
        for (size_t k = 0; k < len && p[k]; k++)
            out[(*n)++] = (char)p[k];
        p += len;
    }
    out[*n] = '\0';
}

void border_join(char *out, size_t cap, const char *a, const char *b) {
    size_t n = 0;
    out[0] = '\0';
    append(out, cap, &n, a);
    if (a[0] && b[0]) append(out, cap, &n, " ");
    append(out, cap, &n, b);
}

/* Check i's record as the database holds it. */
static void record_hit(const scenario *s, const doc_holder *h, int i, desk_sys_hit *out) {
    const scn_check *c = &s->checks[i];
    rng r;
    rng_init(&r, rng_derive((uint64_t)(i + 1) * 7919u, s->id));
    memset(out, 0, sizeof *out);
    out->list = c->list, out->category = c->category, out->action = c->action;
    out->basis = c->basis, out->check = i;
    if (c->basis == CHK_BASIS_DOCUMENT || c->traveler) { /* the document's holder, the traveler */
        if (h) {
            border_join(out->name, sizeof out->name, h->surname, h->given_names);
            border_join(out->name_native, sizeof out->name_native, h->surname_native,
                        h->given_names_native);
            out->birth = h->birth;
            snprintf(out->sex, sizeof out->sex, "%s", h->sex);
        }
        if (c->basis == CHK_BASIS_DOCUMENT && h)
            snprintf(out->doc, sizeof out->doc, "%s", h->document_number);
    }
    if (c->surname[0]) /* the record's own spelling of the name */
        border_join(out->name, sizeof out->name, c->surname, c->given);
    if (c->surname_native[0])
        border_join(out->name_native, sizeof out->name_native, c->surname_native, c->given_native);
    else if (c->surname[0])
        out->name_native[0] = '\0';
    if (c->birth.y)
        out->birth = c->birth;
    else if (!c->traveler && c->basis != CHK_BASIS_DOCUMENT && h) /* someone else's birth */
        out->birth = date_from_days(date_to_days(h->birth) + 400 + (long)rng_below(&r, 4000));
    if (!out->sex[0] && h) snprintf(out->sex, sizeof out->sex, "%s", h->sex);
    snprintf(out->reporting, sizeof out->reporting, "%s", c->reporting[0] ? c->reporting : "QNV");
    out->reported = date_from_days(date_to_days(s->today) - 20 - (long)rng_below(&r, 600));
    char rep[4];
    memcpy(rep, out->reporting, sizeof rep);
    snprintf(out->ref, sizeof out->ref, "%s-%s-%04d-%05u",
             c->list == CHK_SLTD        ? "SLTD"
             : c->list == CHK_WATCHLIST ? "WL"
                                        : "NA",
             rep, out->reported.y, (unsigned)rng_below(&r, 100000));
    out->name_native[sizeof out->name_native - 1] = '\0';
    /* a name hit with the same birth date is matched on both */
    if (out->basis == CHK_BASIS_NAME && h && out->birth.y == h->birth.y &&
        out->birth.m == h->birth.m && out->birth.d == h->birth.d)
        out->basis = CHK_BASIS_NAME_DOB;
    out->score = out->basis == CHK_BASIS_DOCUMENT   ? 100
                 : out->basis == CHK_BASIS_NAME_DOB ? 96
                                                    : 88;
}

void border_other_face(const scenario *s, int i, face_params *out) {
    face_from_seed(rng_derive((uint64_t)(i + 1) * 104729u, s->id), out);
    face_set_sex(out, s->checks[i].basis == CHK_BASIS_DOCUMENT ? s->sex[0] : s->sex[0]);
}

static void hits(const scenario *s, const doc_holder *h, desk_sys_info *in) {
    for (int i = 0; i < s->n_checks; i++) {
        int li = s->checks[i].list;
        if (in->n_hits[li] >= SYS_HITS) continue;
        record_hit(s, h, i, &in->hits[li][in->n_hits[li]++]);
    }
}

/* ------------------------------------------------------------ registry */

static void date_iso(bl_date d, char *out, size_t cap) {
    snprintf(out, cap, "%04d-%02d-%02d", d.y, d.m, d.d);
}

static void registry(const scenario *s, const doc_holder *h, desk_sys_info *in) {
    const scn_registry *r = &s->registry;
    in->registry = r->result, in->consulate = r->consulate, in->etd = r->etd;
    snprintf(in->reg_state, sizeof in->reg_state, "%s", r->state);
    if (r->result == REG_NONE || r->result == REG_NO_RECORD || !h) return;
    char born[16], reg[16];
    date_iso(h->birth, born, sizeof born);
    bl_date when = r->registered.y ? r->registered : date_from_days(date_to_days(h->birth) + 9);
    date_iso(when, reg, sizeof reg);
    border_join(in->reg[in->n_reg++], sizeof in->reg[0], h->surname, h->given_names);
    snprintf(in->reg[in->n_reg++], sizeof in->reg[0], "%s  %s  %s", born, h->sex,
             h->place_of_birth);
    snprintf(in->reg[in->n_reg++], sizeof in->reg[0], "REG %s  ENTRY %s/%05ld", reg, r->state,
             (date_to_days(when) * 37) % 100000);
    if (r->result == REG_DIFFERS) {
        const char *d = i18n_get(s->strings[0], r->differs);
        snprintf(in->reg[in->n_reg++], sizeof in->reg[0], "%s", d ? d : r->differs);
    }
}


/* ------------------------------------------------------------ pre-arrival data */

int border_api_swapped(const scenario *s) {
    const scn_flight *f = &s->flight;
    return f->present && (f->api_document_number[0] || f->api_surname[0] || f->api_given[0] ||
                          f->api_birth.y || f->api_nationality[0]);
}

int border_has_api(const scenario *s) {
    return s->flight.present;
}

/* The flight and its PNR (heap: a flight is large). */
static int make_pnr(const scenario *s, api_flight **f, pnr_record **p, bl_err *err) {
    *f = malloc(sizeof **f), *p = calloc(1, sizeof **p);
    if (!*f || !*p) return err_setc(err, BL_E_NOMEM, "out of memory making the flight");
    if (flight_make(s, *f, err) != 0) return -1;
    if (s->pnr.present && pnr_make(s, *f, *p, err) != 0) return -1;
    return 0;
}

int border_pnr_rule_hits(const scenario *s) {
    api_flight *f = NULL;
    pnr_record *p = NULL;
    pnr_hit hits[SYS_RULES];
    int n = 0;
    if (s->flight.present && s->pnr.present && make_pnr(s, &f, &p, NULL) == 0)
        n = pnr_rules(p, hits, SYS_RULES);
    free(f), free(p);
    return n;
}

static void api_fields(const api_pax *x, desk_sys_info *in) {
    char d[16];
    border_join(in->api[0], sizeof in->api[0], x->surname, "");
    border_join(in->api[1], sizeof in->api[1], x->given, "");
    snprintf(in->api[2], sizeof in->api[2], "%04d-%02d-%02d", x->birth.y, x->birth.m, x->birth.d);
    snprintf(in->api[3], sizeof in->api[3], "%c", x->sex);
    snprintf(in->api[4], sizeof in->api[4], "%s", x->nationality);
    snprintf(in->api[5], sizeof in->api[5], "%s", x->doc_number);
    snprintf(d, sizeof d, "%04d-%02d-%02d", x->doc_expiry.y, x->doc_expiry.m, x->doc_expiry.d);
    snprintf(in->api[6], sizeof in->api[6], "%s", x->doc_expiry.y ? d : "");
    snprintf(in->api[7], sizeof in->api[7], "%s", x->doc_issuer);
    snprintf(in->booking, sizeof in->booking, "%s", x->booking);
    snprintf(in->seat, sizeof in->seat, "%s", x->seat);
}

/* The PNR's lines, "(n) ..." as Annex I numbers them; a line is sensitive
 * when it is not there once the meal and the service requests are taken
 * out (what may reveal religion or health). */
static void pnr_panel(const pnr_record *p, desk_sys_info *in) {
    char(*lines)[128] = calloc(2 * SYS_PNR_LINES, sizeof *lines);
    if (!lines) return;
    char(*plain)[128] = lines + SYS_PNR_LINES;
    pnr_record q = *p;
    q.meal[0] = '\0', q.n_ssr = 0;
    int n = pnr_lines(p, lines, SYS_PNR_LINES), m = pnr_lines(&q, plain, SYS_PNR_LINES);
    for (int i = 0; i < n; i++) {
        const char *t = strncmp(lines[i], "Annex I ", 8) ? lines[i] : lines[i] + 8;
        border_join(in->pnr[i], sizeof in->pnr[i], t, "");
        int there = 0;
        for (int k = 0; k < m && !there; k++)
            there = !strcmp(lines[i], plain[k]);
        in->pnr_sensitive[i] = !there;
    }
    in->n_pnr = n;
    pnr_hit hits[SYS_RULES];
    in->n_rules = pnr_rules(p, hits, SYS_RULES);
    for (int r = 0; r < in->n_rules; r++) {
        border_join(in->rule[r], sizeof in->rule[r], hits[r].rule, "");
        border_join(in->rule_why[r], sizeof in->rule_why[r], hits[r].why, "");
    }
    free(lines);
}

static int pre_arrival(const scenario *s, desk_sys_info *in, bl_err *err) {
    api_flight *f = NULL;
    pnr_record *p = NULL;
    int rc = make_pnr(s, &f, &p, err);
    if (rc == 0 && f->traveler >= 0) {
        in->has_api = 1;
        snprintf(in->flight, sizeof in->flight, "%s %s  %s %02d:%02d - %s %02d:%02d", f->carrier,
                 f->number, f->from, f->dep_hhmm / 100, f->dep_hhmm % 100, f->to, f->arr_hhmm / 100,
                 f->arr_hhmm % 100);
        api_fields(&f->pax[f->traveler], in);
        if (s->pnr.present) pnr_panel(p, in);
    }
    free(f), free(p);
    return rc;
}

int border_sys_info(const scenario *s, const doc_holder *h, desk_sys_info *in, bl_err *err) {
    hits(s, h, in);
    registry(s, h, in);
    return s->flight.present ? pre_arrival(s, in, err) : 0;
}
