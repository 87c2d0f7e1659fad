/* scn_docs.c - see scn_docs.h */
#include "scn_docs.h"

#include <stdio.h>
#include <string.h>

/* A passport's stamps, placed on its visa pages around the visas stuck in
 * it (booklet_place). */
static int place_stamps(const scenario *s, int d, doc_spec *spec, bl_err *err) {
    const scn_doc *sd = &s->docs[d];
    unsigned visa_pages = 0;
    for (int v = 0; v < s->n_docs; v++)
        if (s->docs[v].spec.host == d + 1) visa_pages |= 1u << s->docs[v].spec.host_page;
    int n = sd->n_travel < BOOKLET_MAX_STAMPS ? sd->n_travel : BOOKLET_MAX_STAMPS, bad = 0;
    if (n <= 0 || strcmp(spec->t->kind, "passport")) return 0;
    memcpy(spec->stamps, sd->travel, sizeof spec->stamps[0] * (size_t)n);
    spec->n_stamps = n;
    if (booklet_place(spec->stamps, n, visa_pages, spec->seed, &bad) != 0)
        return err_set(
            err, "%s: document %d: no room for travel[%d]'s stamp on page %d", s->file, d + 1,
            bad + 1,
            booklet_printed(sd->travel[bad].page ? sd->travel[bad].page : BOOKLET_PAGES - 1));
    return 0;
}

int scn_docs_spec(const scenario *s, int d, double dpi, tpl *t, doc_spec *spec, bl_err *err) {
    if (d < 0 || d >= s->n_docs) return err_set(err, "%s: no document %d", s->file, d + 1);
    const scn_doc *sd = &s->docs[d];
    if (sd->capture[0])
        return err_set(err, "%s: document %d is captured images, not a template", s->file, d + 1);
    if (tpl_builtin(t, sd->spec.template_id, err) != 0) return -1;
    *spec = (doc_spec){.t = t,
                       .seed = sd->spec.seed,
                       .dpi = dpi,
                       .today = s->today,
                       .defects = sd->spec.defects,
                       .imitated = sd->spec.imitated,
                       .printer = sd->spec.printer};
    snprintf(spec->altered, sizeof spec->altered, "%s", sd->altered);
    for (int i = 0; i < sd->n_texts && i < DOC_MAX_TEXTS; i++) {
        snprintf(spec->texts[i].key, sizeof spec->texts[i].key, "%s", sd->texts[i].key);
        snprintf(spec->texts[i].value, sizeof spec->texts[i].value, "%s", sd->texts[i].value);
        spec->n_texts = i + 1;
    }
    return place_stamps(s, d, spec, err);
}

static void set(char *dst, size_t cap, const char *v) {
    if (v && v[0]) snprintf(dst, cap, "%s", v);
}

/* The scenario's holder overrides: fields it gives replace the generated
 * ones. A Latin name given without its Arabic form takes the generator's
 * form of that name when there is one (check reports a bilingual page left
 * without). */
static void apply_overrides(const scn_holder *o, doc_holder *h) {
    set(h->surname, sizeof h->surname, o->surname);
    set(h->given_names, sizeof h->given_names, o->given_names);
    if (h->surname_native[0] && o->surname[0] && !o->surname_native[0])
        set(h->surname_native, sizeof h->surname_native, doc_name_arabic(o->surname));
    if (h->given_names_native[0] && o->given_names[0] && !o->given_names_native[0])
        set(h->given_names_native, sizeof h->given_names_native, doc_name_arabic(o->given_names));
    set(h->surname_native, sizeof h->surname_native, o->surname_native);
    set(h->given_names_native, sizeof h->given_names_native, o->given_names_native);
    set(h->place_of_birth, sizeof h->place_of_birth, o->place_of_birth);
    if (h->place_of_birth_native[0] && o->place_of_birth[0] && !o->place_of_birth_native[0])
        set(h->place_of_birth_native, sizeof h->place_of_birth_native,
            doc_name_arabic(o->place_of_birth));
    set(h->place_of_birth_native, sizeof h->place_of_birth_native, o->place_of_birth_native);
    set(h->sex, sizeof h->sex, o->sex);
    set(h->nationality, sizeof h->nationality, o->nationality);
    if (o->birth.y) h->birth = o->birth;
    if (o->expiry.y) h->expiry = o->expiry;
}

/* A visa's terms the scenario sets. */
static void apply_visa(const scn_visa *v, doc_holder *h) {
    set(h->visa_type, sizeof h->visa_type, v->category);
    set(h->entries, sizeof h->entries, v->entries);
    if (v->duration_days > 0)
        snprintf(h->duration, sizeof h->duration, "%d DAYS", v->duration_days);
    if (v->valid_from.y) h->issue = v->valid_from;
    if (v->valid_until.y) h->expiry = v->valid_until;
}

/* The traveler's own document as identity at the counter needs it: a photo
 * `years` old was taken when the document was issued (its validity kept);
 * a morphed photo was issued as the document's. */
static void identity_of_first(const scenario *s, doc_spec *spec) {
    doc_holder *h = &spec->holder;
    if (s->face.relation == SCN_FACE_MORPH) spec->morph = spec->seed ^ 0x4D0F7A11ull;
    if (s->face.relation != SCN_FACE_AGED || s->face.years <= 0 || !h->issue.y) return;
    long valid = date_to_days(h->expiry) - date_to_days(h->issue);
    long issued = date_to_days(date_add_years(spec->today, -s->face.years)) + 21;
    h->issue = date_from_days(issued);
    h->expiry = date_from_days(issued + valid);
}

void scn_docs_holder(const scenario *s, int d, const doc_holder *first, const char *first_state,
                     doc_spec *spec) {
    const scn_doc *sd = &s->docs[d];
    spec->has_holder = 1;
    doc_holder_generate(spec->seed, spec->t, spec->today, &spec->holder);
    /* the first document is the traveler's (an impostor is of their sex, not
     * necessarily their age), or the companion's */
    if (!first && sd->companion)
        doc_holder_fit(&spec->holder, spec->t, s->companion_sex, s->companion_age, spec->today);
    else if (!first)
        doc_holder_fit(&spec->holder, spec->t, s->sex, s->impostor > 0 ? 0 : s->age, spec->today);
    if (!first && !sd->companion) identity_of_first(s, spec);
    if (first && sd->same_holder)
        doc_holder_share(&spec->holder, first, !strcmp(spec->t->kind, "visa") ? first_state : NULL);
    /* a letter or a boarding pass names the person, and the passport, it is for */
    if (first && sd->same_holder && tpl_is_supporting(spec->t)) {
        snprintf(spec->holder.passport_number, sizeof spec->holder.passport_number, "%s",
                 first->document_number);
        snprintf(spec->holder.nationality, sizeof spec->holder.nationality, "%s",
                 first->nationality);
    }
    apply_overrides(&sd->holder, &spec->holder);
    if (!strcmp(spec->t->kind, "visa")) apply_visa(&sd->visa, &spec->holder);
}

int scn_docs_specs(const scenario *s, double dpi, tpl tpls[DESK_MAX_DOCS],
                   doc_spec specs[DESK_MAX_DOCS], bl_err *err) {
    /* the traveler's documents, and the companion's: each their own first */
    const doc_holder *first[2] = {NULL, NULL};
    const char *first_state[2] = {NULL, NULL};
    for (int d = 0; d < s->n_docs && d < DESK_MAX_DOCS; d++) {
        memset(&specs[d], 0, sizeof specs[d]);
        if (s->docs[d].capture[0]) continue;
        int who = s->docs[d].companion != 0;
        if (scn_docs_spec(s, d, dpi, &tpls[d], &specs[d], err) != 0) return -1;
        scn_docs_holder(s, d, first[who], first_state[who], &specs[d]);
        if (!first[who]) first[who] = &specs[d].holder, first_state[who] = tpls[d].issuing_state;
    }
    return 0;
}
