/* test_paxlst.c - advance passenger information as UN/EDIFACT PAXLST, the
 * flight made around a scenario's traveler, and PNR risk rules.
 *
 * Expected values come from the standards: ISO 9735's release character
 * (O'NEILL is written O?'NEILL), the PAXLST implementation guide's segments
 * and qualifiers (CNT+42 is the number of passengers, UNT counts the
 * segments from UNH to UNT), Directive (EU) 2016/681 (Annex I's 19
 * elements; Art. 13(4): nothing revealing religion or health is processed).
 * tests/cli/api.sh reads what we write with an independent parser (npm's
 * edifact). Run one test by pattern: `test_paxlst 'invalid*'`.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "edifact.h"
#include "flight.h"
#include "paxlst.h"
#include "pnr.h"
#include "scn_docs.h"

static api_pax pax(const char *surname, const char *given, char sex, bl_date birth,
                   const char *number) {
    api_pax p;
    memset(&p, 0, sizeof p);
    snprintf(p.surname, sizeof p.surname, "%s", surname);
    snprintf(p.given, sizeof p.given, "%s", given);
    p.sex = sex;
    p.birth = birth;
    snprintf(p.nationality, sizeof p.nationality, "QNV");
    snprintf(p.residence, sizeof p.residence, "QNV");
    snprintf(p.booking, sizeof p.booking, "K7Q2LM");
    snprintf(p.seat, sizeof p.seat, "14C");
    p.doc_type = 'P';
    snprintf(p.doc_number, sizeof p.doc_number, "%s", number);
    p.doc_expiry = (bl_date){2031, 1, 1};
    snprintf(p.doc_issuer, sizeof p.doc_issuer, "QNV");
    return p;
}

/* NA412 Nordhaven -> Valmore, 1 June 2026, three passengers. */
static api_flight *three(void) {
    api_flight *f = calloc(1, sizeof *f);
    assert_non_null(f);
    snprintf(f->carrier, sizeof f->carrier, "NA");
    snprintf(f->number, sizeof f->number, "412");
    snprintf(f->from, sizeof f->from, "NHV");
    snprintf(f->to, sizeof f->to, "VLM");
    f->day = (bl_date){2026, 6, 1};
    f->dep_hhmm = 2310, f->arr_hhmm = 140, f->arr_next_day = 1;
    f->pax[0] = pax("O'NEILL", "ANNA MARIA", 'F', (bl_date){1988, 4, 12}, "P4471902");
    f->pax[1] = pax("HALVARSEN", "PETER JOHN", 'M', (bl_date){1920, 2, 29}, "Q12345678");
    f->pax[2] = pax("KASMI", "NOUR", 'U', (bl_date){2019, 12, 31}, "C7Z");
    f->pax[2].doc_type = 'I';
    f->n_pax = 3;
    f->traveler = -1;
    return f;
}

/* The 1-based line (= segment number: one segment a line, UNA the first)
 * of the first line beginning with `start`. */
static int line_of(const char *text, const char *start) {
    int line = 1;
    for (const char *p = text; *p; line++) {
        if (!strncmp(p, start, strlen(start))) return line;
        const char *nl = strchr(p, '\n');
        if (!nl) break;
        p = nl + 1;
    }
    fail_msg("no line begins with %s", start);
    return 0;
}

static void test_round_trip(void **state) {
    (void)state;
    api_flight *f = three(), *back = calloc(1, sizeof *back);
    bl_err err = {0};
    char *text = paxlst_write(f, &err);
    assert_non_null(text);
    print_message("%s", text);
    /* ISO 9735: the apostrophe is the segment terminator, released by ? */
    assert_non_null(strstr(text, "NAD+FL+++O?'NEILL:ANNA:MARIA'\n"));
    assert_non_null(strstr(text, "UNH+1+PAXLST:D:02B:UN:IATA+"));
    assert_non_null(strstr(text, "CNT+42:3'\n"));
    /* born 29 Feb 1920: YYMMDD would read as 2020, so CCYYMMDD (format 102) */
    assert_non_null(strstr(text, "DTM+329:19200229:102'\n"));
    assert_non_null(strstr(text, "DTM+329:880412'\n"));
    assert_int_equal(paxlst_check(text, strlen(text), back, &err), 0);
    assert_string_equal(back->carrier, "NA");
    assert_string_equal(back->number, "412");
    assert_string_equal(back->from, "NHV");
    assert_string_equal(back->to, "VLM");
    assert_int_equal(back->dep_hhmm, 2310);
    assert_int_equal(back->arr_hhmm, 140);
    assert_int_equal(back->arr_next_day, 1);
    assert_int_equal(back->n_pax, 3);
    for (int i = 0; i < 3; i++) {
        const api_pax *a = &f->pax[i], *b = &back->pax[i];
        assert_string_equal(a->surname, b->surname);
        assert_string_equal(a->given, b->given);
        assert_int_equal(a->sex, b->sex);
        assert_int_equal(date_to_days(a->birth), date_to_days(b->birth));
        assert_string_equal(a->doc_number, b->doc_number);
        assert_int_equal(a->doc_type, b->doc_type);
        assert_int_equal(date_to_days(a->doc_expiry), date_to_days(b->doc_expiry));
        assert_string_equal(a->doc_issuer, b->doc_issuer);
        assert_string_equal(a->nationality, b->nationality);
        assert_string_equal(a->residence, b->residence);
        assert_string_equal(a->booking, b->booking);
        assert_string_equal(a->seat, b->seat);
    }
    free(text), free(f), free(back);
}

static void test_escapes(void **state) {
    (void)state;
    /* every service character as data, and a UNA that changes them */
    edi_writer w;
    edi_writer_init(&w);
    edi_raw(&w, "UNA:+.? '\n");
    edi_seg(&w, "UNB"), edi_el(&w, "UNOA"), edi_comp(&w, "4"), edi_end(&w);
    edi_seg(&w, "FTX"), edi_el(&w, "A?B+C:D'E"), edi_comp(&w, "??"), edi_end(&w);
    bl_err err = {0};
    char *text = edi_writer_take(&w, &err);
    assert_non_null(strstr(text, "FTX+A?"
                                 "?B?+C?:D?'E:?"
                                 "?"
                                 "?"
                                 "?'"));
    edi_doc d;
    assert_int_equal(edi_read(text, strlen(text), &d, &err), 0);
    assert_string_equal(edi_get(&d, 1, 0, 0), "A?B+C:D'E");
    assert_string_equal(edi_get(&d, 1, 0, 1), "??");
    assert_int_equal(d.segs[1].number, 3); /* UNA 1, UNB 2, FTX 3 */
    edi_free(&d);
    free(text);
    static const char other[] = "UNA*#.! \"UNB#UNOA*4\"FTX#A!\"B*C#D!!\"";
    assert_int_equal(edi_read(other, strlen(other), &d, &err), 0);
    assert_string_equal(edi_get(&d, 1, 0, 0), "A\"B");
    assert_string_equal(edi_get(&d, 1, 0, 1), "C");
    assert_string_equal(edi_get(&d, 1, 1, 0), "D!");
    edi_free(&d);
    /* a release character at the very end, a value UNOA cannot carry */
    static const char cut[] = "UNB+UNOA:4'FTX+AB?";
    assert_int_equal(edi_read(cut, strlen(cut), &d, &err), 1);
    assert_non_null(strstr(err.msg, "segment 2 (FTX)"));
    edi_free(&d);
    static const char lower[] = "UNB+UNOA:4'FTX+abc'";
    assert_int_equal(edi_read(lower, strlen(lower), &d, &err), 1);
    assert_non_null(strstr(err.msg, "UNOA"));
    edi_free(&d);
    api_flight *f = three();
    snprintf(f->pax[1].given, sizeof f->pax[1].given, "Peter");
    assert_null(paxlst_write(f, &err));
    assert_non_null(strstr(err.msg, "passenger 2"));
    free(f);
}

/* A valid interchange changed by replacing the first `from` with `to` ("" to
 * cut that line); expects 1 and "segment N (TAG)" for the line beginning
 * with `at` in the changed text, and `words` in the reason. */
static void invalid(const char *from, const char *to, const char *at, const char *tag,
                    const char *words) {
    api_flight *f = three();
    bl_err err = {0};
    char *text = paxlst_write(f, &err), *bad = calloc(1, strlen(text) + 64);
    char *p = strstr(text, from);
    assert_non_null(p);
    memcpy(bad, text, (size_t)(p - text));
    strcat(bad, to);
    const char *rest = p + strlen(from);
    if (!to[0]) rest = strchr(p, '\n') + 1; /* the whole line */
    strcat(bad, rest);
    int seg = line_of(bad, at);
    int rc = paxlst_check(bad, strlen(bad), NULL, &err);
    char want[48];
    snprintf(want, sizeof want, "segment %d (%s)", seg, tag);
    print_message("  %-22s -> %d %s\n", from, rc, err.msg);
    assert_int_equal(rc, 1);
    if (!strstr(err.msg, want)) fail_msg("expected %s in \"%s\"", want, err.msg);
    if (!strstr(err.msg, words)) fail_msg("expected \"%s\" in \"%s\"", words, err.msg);
    free(text), free(bad), free(f);
}

static void test_invalid(void **state) {
    (void)state;
    invalid("UNT+", "", "UNE+", "UNE", "without its UNT");
    /* UNH BGM NAD TDT LOC DTM LOC DTM, 12 a passenger, CNT UNT: 8 + 36 + 2 */
    invalid("UNT+46+1", "UNT+45+1", "UNT+", "UNT", "counts 45 segments, the message has 46");
    invalid("DTM+329:880412", "DTM+329:881399", "DTM+329:881399", "DTM",
            "date of birth 881399 is not a date");
    invalid("DTM+329:880412", "DTM+329:19881399:102", "DTM+329:19881399", "DTM",
            "date of birth 19881399 is not a date");
    invalid("CNT+42:3", "CNT+42:4", "CNT+", "CNT", "says 4 passengers, the message lists 3");
    invalid("ATT+2++M", "ATT+2++Q", "ATT+2++Q", "ATT", "sex code \"Q\"");
    invalid("ATT+2++M", "ATT+2++X", "ATT+2++X", "ATT", "sent as U");
    invalid("DOC+P:110:111+Q12345678", "DOC+V:110:111+Q12345678", "DOC+V", "DOC", "document type");
    invalid("UNZ+1+", "UNZ+2+", "UNZ+", "UNZ", "holds 1 group");
    invalid("BGM+745", "BGM+250", "BGM", "BGM", "crew list");
    invalid("NAT+2+QNV", "NAT+2+QN", "NAT+2+QN'", "NAT", "three-letter");
}

/* A passenger without a travel document: named at their NAD. */
static void test_missing_doc(void **state) {
    (void)state;
    api_flight *f = three();
    bl_err err = {0};
    char *text = paxlst_write(f, &err);
    /* cut passenger 2's DOC and the DTM and LOC that belong to it */
    char *doc = strstr(text, "DOC+P:110:111+Q12345678");
    char *after = strstr(doc, "NAD+FL");
    memmove(doc, after, strlen(after) + 1);
    int nad = 0, line = 1, seg = 0;
    for (char *p = text; *p; p++) {
        if ((p == text || p[-1] == '\n') && !strncmp(p, "NAD+FL", 6) && ++nad == 2) seg = line;
        line += *p == '\n';
    }
    assert_int_equal(paxlst_check(text, strlen(text), NULL, &err), 1);
    char want[48];
    snprintf(want, sizeof want, "segment %d (NAD)", seg);
    print_message("  %s\n", err.msg);
    assert_non_null(strstr(err.msg, want));
    assert_non_null(strstr(err.msg, "passenger 2 (HALVARSEN) has no travel document"));
    free(text), free(f);
}

static void test_unreadable(void **state) {
    (void)state;
    bl_err err = {0};
    static const unsigned char png[] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13};
    assert_int_equal(paxlst_check((const char *)png, sizeof png, NULL, &err), 2);
    assert_int_equal(paxlst_check("hello world\n", 12, NULL, &err), 2);
    assert_int_equal(paxlst_check("", 0, NULL, &err), 2);
    /* EDIFACT, but not PAXLST: read (1), not unreadable */
    static const char invoic[] = "UNB+UNOA:4+A+B+260601:1200+1'UNH+1+INVOIC:D:96A:UN'UNT+2+1'"
                                 "UNZ+1+1'";
    assert_int_equal(paxlst_check(invoic, strlen(invoic), NULL, &err), 1);
    assert_non_null(strstr(err.msg, "segment 2 (UNH)"));
}

/* ---------------------------------------------------------------- the flight */

static scenario *visitor(void) {
    scenario *s = calloc(1, sizeof *s);
    assert_non_null(s);
    snprintf(s->file, sizeof s->file, "visitor.lua");
    s->today = (bl_date){2026, 6, 1};
    snprintf(s->sex, sizeof s->sex, "F");
    s->age = 38;
    s->n_docs = 1;
    snprintf(s->docs[0].spec.template_id, sizeof s->docs[0].spec.template_id, "uto-passport-td3");
    s->docs[0].spec.seed = 4100;
    scn_flight *fl = &s->flight;
    fl->present = 1;
    snprintf(fl->carrier, sizeof fl->carrier, "NA");
    snprintf(fl->number, sizeof fl->number, "412");
    snprintf(fl->from, sizeof fl->from, "NHV");
    snprintf(fl->to, sizeof fl->to, "VLM");
    fl->departs = 910, fl->arrives = 1240, fl->passengers = 120, fl->seed = 4101;
    snprintf(fl->booking, sizeof fl->booking, "K7Q2LM");
    snprintf(fl->seat, sizeof fl->seat, "14C");
    return s;
}

static void test_flight(void **state) {
    (void)state;
    scenario *s = visitor();
    api_flight *f = calloc(1, sizeof *f), *again = calloc(1, sizeof *again);
    bl_err err = {0};
    assert_int_equal(flight_make(s, f, &err), 0);
    assert_int_equal(f->n_pax, 121);
    assert_true(f->traveler >= 0 && f->traveler < f->n_pax);
    /* the traveler's line is the first document's holder, as the desk shows it */
    tpl *tpls = calloc(DESK_MAX_DOCS, sizeof *tpls);
    doc_spec *specs = calloc(DESK_MAX_DOCS, sizeof *specs);
    assert_int_equal(scn_docs_specs(s, 72, tpls, specs, &err), 0);
    const api_pax *t = &f->pax[f->traveler];
    const doc_holder *h = &specs[0].holder;
    assert_string_equal(t->surname, h->surname);
    assert_string_equal(t->doc_number, h->document_number);
    assert_int_equal(date_to_days(t->birth), date_to_days(h->birth));
    assert_int_equal(t->sex, 'F');
    assert_string_equal(t->doc_issuer, "UTO");
    assert_string_equal(t->booking, "K7Q2LM");
    assert_string_equal(t->seat, "14C");
    /* seats are each one passenger's; a booking is one family's name */
    for (int i = 0; i < f->n_pax; i++)
        for (int j = i + 1; j < f->n_pax; j++) {
            if (!strcmp(f->pax[i].seat, f->pax[j].seat))
                fail_msg("seat %s twice (%d, %d)", f->pax[i].seat, i, j);
            if (!strcmp(f->pax[i].booking, f->pax[j].booking))
                assert_string_equal(f->pax[i].surname, f->pax[j].surname);
        }
    /* the same seed, the same list; its PAXLST is valid */
    assert_int_equal(flight_make(s, again, &err), 0);
    assert_memory_equal(f, again, sizeof *f);
    char *text = paxlst_write(f, &err);
    assert_non_null(text);
    assert_int_equal(paxlst_check(text, strlen(text), NULL, &err), 0);
    /* a swapped document: the API line's number differs, nothing else */
    snprintf(s->flight.api_document_number, sizeof s->flight.api_document_number, "P4471902");
    assert_int_equal(flight_make(s, again, &err), 0);
    assert_string_equal(again->pax[again->traveler].doc_number, "P4471902");
    assert_string_equal(again->pax[again->traveler].surname, t->surname);
    /* no flight: said clearly */
    s->flight.present = 0;
    assert_int_equal(flight_make(s, again, &err), -1);
    assert_non_null(strstr(err.msg, "has no flight"));
    free(text), free(tpls), free(specs), free(f), free(again), free(s);
}

/* ---------------------------------------------------------------- PNR */

static pnr_record ordinary(void) {
    pnr_record p;
    memset(&p, 0, sizeof p);
    snprintf(p.locator, sizeof p.locator, "K7Q2LM");
    p.travel = (bl_date){2026, 6, 1};
    p.booked = p.ticketed = (bl_date){2026, 5, 2};
    p.return_date = (bl_date){2026, 6, 14};
    p.n_names = 1;
    p.names[0] = (pnr_name){"HALVARSEN", "ANNA", 38};
    p.payment = PNR_PAY_CARD, p.payer = PNR_PAYER_SELF;
    p.status = PNR_CHECKED_IN;
    return p;
}

/* A recruiter's booking: a third party pays cash, two days before, one way,
 * for three young people. */
static pnr_record recruited(void) {
    pnr_record p = ordinary();
    p.booked = p.ticketed = (bl_date){2026, 5, 30};
    p.return_date = (bl_date){0, 0, 0};
    p.one_way = 1;
    p.payment = PNR_PAY_CASH, p.payer = PNR_PAYER_THIRD_PARTY;
    snprintf(p.payer_name, sizeof p.payer_name, "STAR TALENT AGENCY");
    p.n_names = 3;
    p.names[0] = (pnr_name){"MARENKO", "SOFIA", 19};
    p.names[1] = (pnr_name){"OLSTRAND", "INGRID", 17};
    p.names[2] = (pnr_name){"VESSARI", "CLAIRE", 22};
    return p;
}

static int has_hit(const pnr_record *p, const char *rule) {
    pnr_hit h[8];
    int n = pnr_rules(p, h, 8);
    for (int i = 0; i < n; i++)
        if (!strcmp(h[i].rule, rule)) return 1;
    return 0;
}

static void test_rules(void **state) {
    (void)state;
    pnr_record t = recruited(), o = ordinary(), v;
    pnr_hit h[8];
    int n = pnr_rules(&t, h, 8);
    assert_int_equal(n, 1);
    assert_string_equal(h[0].rule, "trafficking_pattern");
    print_message("  %s: %s\n", h[0].rule, h[0].why);
    assert_int_equal(pnr_rules(&o, h, 8), 0);
    /* each part of the pattern is needed: one missing, no hit */
    v = t, v.payment = PNR_PAY_CARD;
    assert_false(has_hit(&v, "trafficking_pattern"));
    v = t, v.payer = PNR_PAYER_SELF;
    assert_false(has_hit(&v, "trafficking_pattern"));
    v = t, v.one_way = 0;
    assert_false(has_hit(&v, "trafficking_pattern"));
    v = t, v.booked = (bl_date){2026, 5, 20};
    assert_false(has_hit(&v, "trafficking_pattern"));
    v = t, v.n_names = 1;
    assert_false(has_hit(&v, "trafficking_pattern"));
    /* a child alone whom nobody meets; the name the carrier checked in */
    v = o, v.um = 1;
    assert_true(has_hit(&v, "um_no_guardian"));
    snprintf(v.um_guardian_to, sizeof v.um_guardian_to, "KASMI NASSER, uncle, +UTO 555 0100");
    assert_false(has_hit(&v, "um_no_guardian"));
    v = o, v.has_api = 1;
    v.api = pax("HALVARSEN", "ANNA", 'F', (bl_date){1988, 4, 12}, "P1");
    assert_false(has_hit(&v, "api_not_as_booked"));
    snprintf(v.api.surname, sizeof v.api.surname, "MARENKO");
    assert_true(has_hit(&v, "api_not_as_booked"));
    v = o, v.n_changes = 1, v.changes[0] = (pnr_change){{2026, 5, 30}, "name changed"};
    assert_true(has_hit(&v, "late_name_change"));
}

/* Meals, SSRs and remarks can reveal religion or health: no change to them
 * ever changes a hit (Art. 13(4) forbids processing them). */
static void test_sensitive_never_counts(void **state) {
    (void)state;
    static const char *const meals[] = {"", "MOML", "KSML", "HNML", "VGML", "DBML", "GFML"};
    static const char *const ssrs[] = {"WCHR", "MEDA", "OXYG", "BLND", "DEAF", "DPNA"};
    pnr_record bases[] = {recruited(), ordinary()};
    for (size_t b = 0; b < 2; b++) {
        pnr_hit want[8], got[8];
        int n = pnr_rules(&bases[b], want, 8);
        for (size_t m = 0; m < sizeof meals / sizeof *meals; m++)
            for (int k = 0; k <= PNR_MAX_SSR; k++) {
                pnr_record v = bases[b];
                snprintf(v.meal, sizeof v.meal, "%s", meals[m]);
                v.n_ssr = k;
                for (int i = 0; i < k; i++)
                    snprintf(v.ssr[i], sizeof v.ssr[i], "%s", ssrs[(i + m) % 6]);
                snprintf(v.remarks, sizeof v.remarks, "%s",
                         k % 2 ? "PAX HAS DIABETES, PRAYS AT 1300" : "");
                assert_int_equal(pnr_rules(&v, got, 8), n);
                for (int i = 0; i < n; i++) {
                    assert_string_equal(got[i].rule, want[i].rule);
                    assert_string_equal(got[i].why, want[i].why);
                }
            }
    }
}

static void test_lines(void **state) {
    (void)state;
    pnr_record p = recruited();
    snprintf(p.meal, sizeof p.meal, "MOML");
    char lines[64][128];
    int n = pnr_lines(&p, lines, 64);
    int seen[20] = {0};
    for (int i = 0; i < n; i++) {
        int k = 0;
        print_message("  %s\n", lines[i]);
        assert_int_equal(sscanf(lines[i], "Annex I (%d)", &k), 1);
        assert_true(k >= 1 && k <= 19);
        seen[k] = 1;
    }
    for (int k = 1; k <= 19; k++)
        if (!seen[k]) fail_msg("no line for Annex I (%d)", k);
    int found = 0;
    for (int i = 0; i < n; i++)
        found |= !strcmp(lines[i],
                         "Annex I (6) Payment: CASH, paid by a third party (STAR TALENT AGENCY)");
    assert_true(found);
    assert_int_equal(pnr_lines(&p, lines, 3), 3); /* never past cap */
}

int main(int argc, char **argv) {
    const struct CMUnitTest tests[] = {
        {"round_trip: write, read back every field", test_round_trip, NULL, NULL, NULL},
        {"escapes: ISO 9735 release character, UNA separators, repertoire", test_escapes, NULL,
         NULL, NULL},
        {"invalid: each broken rule names its segment", test_invalid, NULL, NULL, NULL},
        {"invalid_doc: a passenger without a travel document", test_missing_doc, NULL, NULL, NULL},
        {"unreadable: binary, text, empty; another message is invalid", test_unreadable, NULL, NULL,
         NULL},
        {"flight: the list around the traveler", test_flight, NULL, NULL, NULL},
        {"rules: the trafficking pattern, and only it", test_rules, NULL, NULL, NULL},
        {"sensitive: meals, SSRs, remarks never change a hit", test_sensitive_never_counts, NULL,
         NULL, NULL},
        {"lines: every Annex I element", test_lines, NULL, NULL, NULL},
    };
    if (argc > 1) cmocka_set_test_filter(argv[1]);
    return cmocka_run_group_tests_name("paxlst", tests, NULL, NULL);
}
