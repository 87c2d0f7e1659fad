/* doc_holder.c - fictional holders (see doc.h): names from fixed lists of
 * invented people and places (with their Arabic-script forms for bilingual
 * documents), dates relative to the scenario's day, document numbers, and the
 * seed of the face; a second document of the same person; the face a
 * portrait shows. Everything is drawn from the seed's "holder" stream. */
#include <stdio.h>
#include <string.h>

#include "doc_kit.h"

typedef struct {
    const char *latin, *arabic;
} name_pair;

/* Fictional people only. Names with an Arabic-script form carry it; holders
 * of bilingual documents are drawn from those. */
static const name_pair surnames[] = {
    {"HALVARSEN", NULL},       {"MARENKO", NULL},        {"OLSTRAND", NULL},    {"VESSARI", NULL},
    {"DUMONTEL", NULL},        {"KARAVIS", NULL},        {"LINDQVAR", NULL},    {"ORSINEAU", NULL},
    {"QUENNEVAL", NULL},       {"TAZRIT", NULL},         {"BELLOUNI", "بلوني"}, {"HADDAD", "حداد"},
    {"MANSOUR", "منصور"},      {"KHALIL", "خليل"},       {"NASSER", "ناصر"},    {"SAMARA", "سمارة"},
    {"EL AMRANI", "العمراني"}, {"BEN SALEM", "بن سالم"}, {"KASMI", "قاسمي"},    {"ATTIA", "عطية"},
    {"YACOUBI", "يعقوبي"},     {"CHERIF", "شريف"},
};
static const name_pair given_f[] = {
    {"ANNA MARIA", NULL}, {"SOFIA", NULL},   {"INGRID", NULL},   {"CLAIRE", NULL},
    {"LEILA", "ليلى"},    {"NOUR", "نور"},   {"AMAL", "أمل"},    {"YASMINA", "ياسمينة"},
    {"FATIMA", "فاطمة"},  {"SALMA", "سلمى"}, {"MARIAM", "مريم"}, {"HUDA", "هدى"},
};
static const name_pair given_m[] = {
    {"PETER JOHN", NULL}, {"ANDERS", NULL},   {"LUCAS", NULL},     {"MATEO", NULL},
    {"KARIM", "كريم"},    {"SAMIR", "سمير"},  {"YOUSSEF", "يوسف"}, {"HAMZA", "حمزة"},
    {"OMAR", "عمر"},      {"KHALED", "خالد"}, {"TAREK", "طارق"},   {"RACHID", "رشيد"},
};
static const name_pair places[] = {
    {"CITADEL", NULL},          {"NORDHAVEN", NULL},
    {"SAINT-ILLE", NULL},       {"VALMORE", NULL},
    {"LINDOR", NULL},           {"OSTERBY", NULL},
    {"EL QASRA", "القصرة"},     {"WADI SAFRA", "وادي صفرة"},
    {"AIN ZARQA", "عين زرقاء"}, {"BIR NAJM", "بئر نجم"},
};

/* A document number: a letter, then eight letters or digits (no I or O,
 * which read as 1 and 0). */
static void doc_number(rng *r, char out[16]) {
    static const char alnum[] = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789";
    out[0] = (char)('A' + rng_below(r, 26));
    for (int i = 1; i < 9; i++)
        out[i] = alnum[rng_below(r, sizeof alnum - 1)];
    out[9] = '\0';
}

/* A visa's terms that agree with each other: a short-stay (C) visa allows
 * at most 90 days, valid long enough to use them; a long-stay (D) visa more
 * than 90, valid as long as the stay. Issued within the last two months,
 * valid today. */
void doc_visa_terms(rng *r, bl_date today, doc_holder *h) {
    long now = date_to_days(today);
    int long_stay = rng_below(r, 4) == 0;
    int days = long_stay ? (rng_below(r, 2) ? 365 : 180) : 15 + 15 * (int)rng_below(r, 6);
    long issued = now - (long)rng_below(r, 60);
    long valid = long_stay ? days : days + 30 + 30 * (long)rng_below(r, 3);
    if (issued + valid <= now + 14) valid = now + 14 + days - issued; /* still valid */
    h->issue = date_from_days(issued);
    h->expiry = date_from_days(issued + valid - 1);
    doc_copy(h->visa_type, sizeof h->visa_type, long_stay ? "D" : "C");
    static const char *entries[] = {"1", "2", "MULT"};
    doc_copy(h->entries, sizeof h->entries, long_stay ? "MULT" : entries[rng_below(r, 3)]);
    snprintf(h->duration, sizeof h->duration, "%d DAYS", days);
}

/* Draws a name pair, only among those with an Arabic form when `native`. */
static const name_pair *pick_name(rng *r, const name_pair *list, size_t n, int native) {
    for (;;) {
        const name_pair *p = &list[rng_below(r, (uint32_t)n)];
        if (!native || p->arabic) return p;
    }
}

void doc_holder_generate(uint64_t seed, const tpl *t, bl_date today, doc_holder *h) {
    rng r;
    rng_init(&r, rng_derive(seed, "holder"));
    memset(h, 0, sizeof *h);
    int female = (int)rng_below(&r, 2);
    /* A bilingual template prints the Arabic-script name: its holders have one. */
    int native = tpl_field_of(t, "surname_native") != NULL;
    const name_pair *sn = pick_name(&r, surnames, sizeof surnames / sizeof surnames[0], native);
    const name_pair *gn = female
                              ? pick_name(&r, given_f, sizeof given_f / sizeof given_f[0], native)
                              : pick_name(&r, given_m, sizeof given_m / sizeof given_m[0], native);
    doc_copy(h->surname, sizeof h->surname, sn->latin);
    doc_copy(h->given_names, sizeof h->given_names, gn->latin);
    if (sn->arabic && gn->arabic) {
        doc_copy(h->surname_native, sizeof h->surname_native, sn->arabic);
        doc_copy(h->given_names_native, sizeof h->given_names_native, gn->arabic);
    }
    doc_copy(h->sex, sizeof h->sex, female ? "F" : "M");
    doc_copy(h->nationality, sizeof h->nationality, t->issuing_state);
    const name_pair *pl = pick_name(&r, places, sizeof places / sizeof places[0], native);
    doc_copy(h->place_of_birth, sizeof h->place_of_birth, pl->latin);
    if (native) doc_copy(h->place_of_birth_native, sizeof h->place_of_birth_native, pl->arabic);
    long now = date_to_days(today);
    int age = 18 + (int)rng_below(&r, 55);
    h->birth = date_from_days(now - (long)age * 365 - (long)rng_below(&r, 365));
    int valid_years = strcmp(t->kind, "passport") == 0 ? 10 : 5;
    if (strcmp(t->kind, "visa") == 0) {
        doc_visa_terms(&r, today, h);
        /* The visa holder is a foreigner: another fictional state. */
        /* (QNV and QWH are in ISO 3166's user-assigned range: no real state.) */
        doc_copy(h->nationality, sizeof h->nationality, rng_below(&r, 2) ? "QNV" : "QWH");
    } else {
        h->issue =
            date_from_days(now - 30 - (long)rng_below(&r, (unsigned)(valid_years * 365 - 60)));
        h->expiry = date_from_days(date_to_days(date_add_years(h->issue, valid_years)) - 1);
    }
    doc_number(&r, h->document_number);
    doc_number(&r, h->passport_number); /* a visa's passport, until it is shared */
    for (int i = 0; i < 9; i++)
        h->personal_number[i] = (char)('0' + rng_below(&r, 10));
    h->personal_number[9] = '\0';
    doc_copy(h->authority, sizeof h->authority, "MINISTRY OF INTERIOR");
    h->face_seed = rng_u64(&r);
}

void doc_holder_fit(doc_holder *h, const tpl *t, const char *sex, int age, bl_date today) {
    if (sex && (sex[0] == 'F' || sex[0] == 'M') && h->sex[0] != sex[0]) {
        rng r;
        rng_init(&r, rng_derive(h->face_seed, "given names"));
        int native = tpl_field_of(t, "surname_native") != NULL;
        const name_pair *gn =
            sex[0] == 'F' ? pick_name(&r, given_f, sizeof given_f / sizeof given_f[0], native)
                          : pick_name(&r, given_m, sizeof given_m / sizeof given_m[0], native);
        doc_copy(h->given_names, sizeof h->given_names, gn->latin);
        doc_copy(h->given_names_native, sizeof h->given_names_native,
                 h->surname_native[0] && gn->arabic ? gn->arabic : "");
    }
    if (sex && sex[0]) doc_copy(h->sex, sizeof h->sex, sex);
    if (age > 0) {
        /* born on the same day of the year, `age` birthdays ago */
        int y = today.y - age;
        if (h->birth.m > today.m || (h->birth.m == today.m && h->birth.d > today.d)) y--;
        bl_date b = {y, h->birth.m, h->birth.d};
        if (b.m == 2 && b.d == 29) b.d = 28; /* a year that may have no 29 February */
        h->birth = b;
    }
}

static const char *arabic_in(const name_pair *list, size_t n, const char *latin) {
    for (size_t i = 0; i < n; i++)
        if (!strcmp(list[i].latin, latin)) return list[i].arabic;
    return NULL;
}

const char *doc_name_arabic(const char *latin) {
    const char *a = arabic_in(surnames, sizeof surnames / sizeof surnames[0], latin);
    if (!a) a = arabic_in(given_f, sizeof given_f / sizeof given_f[0], latin);
    if (!a) a = arabic_in(given_m, sizeof given_m / sizeof given_m[0], latin);
    if (!a) a = arabic_in(places, sizeof places / sizeof places[0], latin);
    return a;
}

void doc_holder_other_latin_name(rng *r, const doc_holder *real, doc_holder *out) {
    int female = real->sex[0] == 'F';
    const name_pair *sn, *gn;
    do {
        sn = pick_name(r, surnames, sizeof surnames / sizeof surnames[0], 1);
    } while (!strcmp(sn->latin, real->surname));
    do {
        gn = female ? pick_name(r, given_f, sizeof given_f / sizeof given_f[0], 1)
                    : pick_name(r, given_m, sizeof given_m / sizeof given_m[0], 1);
    } while (!strcmp(gn->latin, real->given_names));
    doc_copy(out->surname, sizeof out->surname, sn->latin);
    doc_copy(out->given_names, sizeof out->given_names, gn->latin);
}

/* The holder as photographed for the document, before anything was done to
 * the photo. */
static void holder_face(const doc_spec *spec, const doc_holder *h, face_params *out) {
    face_from_seed(h->face_seed, out);
    face_set_sex(out, h->sex[0]);
    /* as old as the holder was when the photo was taken (the document's issue) */
    bl_date at = h->issue.y ? h->issue : spec->today;
    if (h->birth.y) face_fit_age(out, at.y - h->birth.y);
}

void doc_morph_partner(const doc_spec *spec, const doc_holder *h, face_params *out) {
    face_params a;
    holder_face(spec, h, &a);
    face_relate(&a, FACE_REL_LOOKALIKE, spec->morph, 0, out);
}

void doc_portrait_face(const doc_spec *spec, const doc_holder *h, face_params *out) {
    holder_face(spec, h, out);
    if (spec->morph) { /* issued on a morphed photo: the applicant and their partner */
        face_params a = *out, b;
        doc_morph_partner(spec, h, &b);
        face_morph(&a, &b, 0.5, out);
    }
    /* A substituted photo shows a lookalike, not the holder. */
    if (doc_has(spec, DEFECT_PHOTO_SUBSTITUTION)) face_vary(out, spec->seed ^ 0xFACEu, 0.8);
}

void doc_holder_share(doc_holder *h, const doc_holder *from, const char *passport_state) {
    doc_copy(h->surname, sizeof h->surname, from->surname);
    doc_copy(h->given_names, sizeof h->given_names, from->given_names);
    doc_copy(h->surname_native, sizeof h->surname_native, from->surname_native);
    doc_copy(h->given_names_native, sizeof h->given_names_native, from->given_names_native);
    doc_copy(h->place_of_birth, sizeof h->place_of_birth, from->place_of_birth);
    doc_copy(h->place_of_birth_native, sizeof h->place_of_birth_native,
             from->place_of_birth_native);
    doc_copy(h->sex, sizeof h->sex, from->sex);
    doc_copy(h->nationality, sizeof h->nationality,
             passport_state ? passport_state : from->nationality);
    /* a visa names the passport it is in */
    if (passport_state)
        doc_copy(h->passport_number, sizeof h->passport_number, from->document_number);
    h->birth = from->birth;
    h->face_seed = from->face_seed;
}
