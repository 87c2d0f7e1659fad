/* scn_docs.c - see scn_docs.h */
#include "scn_docs.h"

#include <stdio.h>
#include <string.h>

int scn_docs_spec(const scenario *s, int d, double dpi, tpl *t, doc_spec *spec, bl_err *err) {
    if (d < 0 || d >= s->n_docs) return err_set(err, "%s: no document %d", s->file, d + 1);
    const scn_doc *sd = &s->docs[d];
    if (sd->capture[0])
        return err_set(err, "%s: document %d is captured images, not a template", s->file, d + 1);
    if (tpl_builtin(t, sd->spec.template_id, err) != 0) return -1;
    *spec = (doc_spec){
        .t = t, .seed = sd->spec.seed, .dpi = dpi, .today = s->today, .defects = sd->spec.defects};
    return 0;
}

/* The scenario's holder overrides: fields it gives replace the generated ones. */
static void apply_overrides(const scn_holder *o, doc_holder *h) {
    if (o->surname[0]) snprintf(h->surname, sizeof h->surname, "%s", o->surname);
    if (o->given_names[0]) snprintf(h->given_names, sizeof h->given_names, "%s", o->given_names);
    if (o->sex[0]) snprintf(h->sex, sizeof h->sex, "%s", o->sex);
    if (o->nationality[0]) snprintf(h->nationality, sizeof h->nationality, "%s", o->nationality);
    if (o->birth.y) h->birth = o->birth;
    if (o->expiry.y) h->expiry = o->expiry;
}

void scn_docs_holder(const scenario *s, int d, const doc_holder *first, const char *first_state,
                     doc_spec *spec) {
    const scn_doc *sd = &s->docs[d];
    spec->has_holder = 1;
    doc_holder_generate(spec->seed, spec->t, spec->today, &spec->holder);
    if (first && sd->same_holder)
        doc_holder_share(&spec->holder, first, !strcmp(spec->t->kind, "visa") ? first_state : NULL);
    apply_overrides(&sd->holder, &spec->holder);
}
