/* border.c - see border.h. */
#include "border.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "flight.h"
#include "scn_docs.h"
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

/* Check i's record as the database holds it: a document's record names its
 * holder; a record about the traveler their names (or the record's own
 * spelling of them); a namesake's the names the scenario gives, with a
 * birth date of their own. */
static void record_of(const scenario *s, const doc_holder *h, int i, chk_record *out) {
    const scn_check *c = &s->checks[i];
    rng r;
    rng_init(&r, rng_derive((uint64_t)(i + 1) * 7919u, s->id));
    memset(out, 0, sizeof *out);
    out->list = c->list, out->category = c->category, out->action = c->action;
    if (h && (c->basis == CHK_BASIS_DOCUMENT || c->traveler)) {
        border_join(out->surname, sizeof out->surname, h->surname, "");
        border_join(out->given, sizeof out->given, h->given_names, "");
        border_join(out->surname_ar, sizeof out->surname_ar, h->surname_native, "");
        border_join(out->given_ar, sizeof out->given_ar, h->given_names_native, "");
        out->birth = h->birth;
        out->sex = h->sex[0];
        if (c->basis == CHK_BASIS_DOCUMENT) {
            border_join(out->doc_number, sizeof out->doc_number, h->document_number, "");
            border_join(out->doc_issuer, sizeof out->doc_issuer, h->nationality, "");
        }
    }
    if (c->surname[0]) { /* the record's own spelling of the name */
        border_join(out->surname, sizeof out->surname, c->surname, "");
        border_join(out->given, sizeof out->given, c->given, "");
        border_join(out->surname_ar, sizeof out->surname_ar, c->surname_native, "");
        border_join(out->given_ar, sizeof out->given_ar, c->given_native, "");
    }
    if (c->birth.y)
        out->birth = c->birth;
    else if (!c->traveler && c->basis != CHK_BASIS_DOCUMENT && h) /* a namesake's own */
        out->birth = date_from_days(date_to_days(h->birth) + 400 + (long)rng_below(&r, 4000));
    if (!out->sex) out->sex = s->sex[0];
    border_join(out->reporting, sizeof out->reporting, c->reporting[0] ? c->reporting : "QNV", "");
    out->reported = date_from_days(date_to_days(s->today) - 20 - (long)rng_below(&r, 600));
    int n = snprintf(out->ref, sizeof out->ref, "%s-%.3s-%04d-%05u",
                     c->list == CHK_SLTD        ? "SLTD"
                     : c->list == CHK_WATCHLIST ? "WL"
                                                : "NA",
                     c->reporting[0] ? c->reporting : "QNV", out->reported.y % 10000,
                     (unsigned)rng_below(&r, 100000));
    if (n >= (int)sizeof out->ref) out->ref[sizeof out->ref - 1] = '\0'; /* never: 19 characters */
    out->photo = rng_derive((uint64_t)(i + 1) * 104729u, s->id);
}

void border_other_face(const scenario *s, int i, face_params *out) {
    face_from_seed(rng_derive((uint64_t)(i + 1) * 104729u, s->id), out);
    face_set_sex(out, s->sex[0]);
}

/* A record as the panel shows a hit on it. */
static void hit_of(const chk_record *r, const chk_hit *h, int check, desk_sys_hit *out) {
    memset(out, 0, sizeof *out);
    out->list = r->list, out->category = r->category, out->action = r->action;
    out->basis = h->basis, out->check = check;
    out->score = (int)(h->score * 100 + 0.5);
    border_join(out->name, sizeof out->name, r->surname, r->given);
    border_join(out->name_native, sizeof out->name_native, r->surname_ar, r->given_ar);
    out->birth = r->birth;
    out->sex[0] = r->sex ? r->sex : '\0';
    border_join(out->doc, sizeof out->doc, r->doc_number, "");
    border_join(out->reporting, sizeof out->reporting, r->reporting, "");
    border_join(out->ref, sizeof out->ref, r->ref, "");
    out->reported = r->reported;
    out->photo = r->photo;
}

/* The desk's databases: background records of the fictional states' people
 * and documents (drawn from the scenario's id) with the scenario's own
 * records among them; each list searched with the document's data. */
static int hits(const scenario *s, const doc_holder *h, desk_sys_info *in, bl_err *err) {
    chk_db *db = chk_db_new();
    if (!db) return err_setc(err, BL_E_NOMEM, "out of memory making the databases");
    int first = -1;
    if (chk_db_generate(db, rng_derive(1, s->id), BORDER_BACKGROUND, err) != 0) {
        chk_db_free(db);
        return -1;
    }
    for (int i = 0; i < s->n_checks; i++) {
        chk_record r;
        record_of(s, h, i, &r);
        int k = chk_db_add(db, &r);
        if (i == 0) first = k;
    }
    chk_query q;
    memset(&q, 0, sizeof q);
    if (h) {
        border_join(q.surname, sizeof q.surname, h->surname, "");
        border_join(q.given, sizeof q.given, h->given_names, "");
        border_join(q.doc_number, sizeof q.doc_number, h->document_number, "");
        q.birth = h->birth;
    }
    for (int li = 0; li < SYS_LISTS && h; li++) {
        chk_hit found[SYS_HITS];
        q.lists = 1u << li;
        int n = chk_query_run(db, &q, found, SYS_HITS);
        for (int k = 0; k < n; k++) {
            int check = first >= 0 && found[k].record >= first ? found[k].record - first : -1;
            hit_of(chk_db_get(db, found[k].record), &found[k], check, &in->hits[li][k]);
        }
        in->n_hits[li] = n;
    }
    chk_db_free(db);
    return 0;
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
    if (hits(s, h, in, err) != 0) return -1;
    registry(s, h, in);
    return s->flight.present ? pre_arrival(s, in, err) : 0;
}

unsigned border_records_missing(const scenario *s, bl_err *err) {
    tpl *tpls = calloc(DESK_MAX_DOCS, sizeof *tpls);
    doc_spec *specs = calloc(DESK_MAX_DOCS, sizeof *specs);
    desk_sys_info *in = calloc(1, sizeof *in);
    unsigned missing = 0;
    if (!tpls || !specs || !in) {
        err_setc(err, BL_E_NOMEM, "out of memory");
    } else if (s->n_checks && scn_docs_specs(s, 72, tpls, specs, err) == 0) {
        const doc_holder *h = NULL;
        for (int d = 0; d < s->n_docs && !h; d++)
            if (!s->docs[d].companion && specs[d].t) h = &specs[d].holder;
        missing = (1u << s->n_checks) - 1;
        if (hits(s, h, in, err) == 0)
            for (int li = 0; li < SYS_LISTS; li++)
                for (int k = 0; k < in->n_hits[li]; k++)
                    if (in->hits[li][k].check >= 0) missing &= ~(1u << in->hits[li][k].check);
    }
    free(tpls), free(specs), free(in);
    return missing;
}
