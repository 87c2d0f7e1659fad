/* border.c - see border.h. */
#include "border.h"

#include <stdio.h>
#include <string.h>

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

int border_sys_info(const scenario *s, const doc_holder *h, desk_sys_info *in, bl_err *err) {
    (void)err;
    hits(s, h, in);
    registry(s, h, in);
    return 0;
}

/* ------------------------------------------------------------ pre-arrival data */

/* (the API and PNR generator lands with the paxlst and pnr modules) */
int border_api_swapped(const scenario *s) {
    (void)s;
    return 0;
}

int border_pnr_rule_hits(const scenario *s) {
    (void)s;
    return 0;
}

int border_has_api(const scenario *s) {
    (void)s;
    return 0;
}
