/* desk_sys_app.c - see desk_sys_app.h. */
#include "desk_sys_app.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "border.h"
#include "desk_ident_app.h"
#include "pack.h"

/* The document presented, field by field, as the API line's fields are. */
static void doc_fields(const doc_holder *h, const char *issuer, desk_sys_info *in) {
    char d[16];
    border_join(in->doc[0], sizeof in->doc[0], h->surname, "");
    border_join(in->doc[1], sizeof in->doc[1], h->given_names, "");
    snprintf(in->doc[2], sizeof in->doc[2], "%04d-%02d-%02d", h->birth.y, h->birth.m, h->birth.d);
    snprintf(in->doc[3], sizeof in->doc[3], "%s", h->sex);
    snprintf(in->doc[4], sizeof in->doc[4], "%s", h->nationality);
    snprintf(in->doc[5], sizeof in->doc[5], "%s", h->document_number);
    snprintf(d, sizeof d, "%04d-%02d-%02d", h->expiry.y, h->expiry.m, h->expiry.d);
    snprintf(in->doc[6], sizeof in->doc[6], "%s", h->expiry.y ? d : "");
    snprintf(in->doc[7], sizeof in->doc[7], "%s", issuer ? issuer : "");
    border_join(in->trav_name, sizeof in->trav_name, h->surname, h->given_names);
    in->trav_birth = h->birth;
    snprintf(in->trav_doc, sizeof in->trav_doc, "%s", h->document_number);
}

/* A record's photo: the traveler's face for a record about them, the
 * document holder's for a document's record, someone else's otherwise. */
static void record_photo(app_ident *id, const scenario *s, int li, int h, const desk_sys_hit *hit) {
    if (!id) return;
    if (hit->check < 0 || hit->check >= s->n_checks) { /* another person's record */
        if (!hit->photo) return;
        face_from_seed(hit->photo, &id->rec_face[li][h]);
        face_set_sex(&id->rec_face[li][h], hit->sex[0] ? hit->sex[0] : 'M');
        if (hit->birth.y && hit->reported.y > hit->birth.y) /* as old as when reported */
            face_fit_age(&id->rec_face[li][h], hit->reported.y - hit->birth.y);
        id->have_rec[li][h] = 1;
        return;
    }
    if (!id->have_faces) return;
    const scn_check *c = &s->checks[hit->check];
    if (c->basis == CHK_BASIS_DOCUMENT)
        id->rec_face[li][h] = id->faces.portrait;
    else if (c->traveler)
        id->rec_face[li][h] = id->faces.person;
    else
        border_other_face(s, hit->check, &id->rec_face[li][h]);
    id->have_rec[li][h] = 1;
}

int app_sys_load(desk_app *a, int first_slot, bl_err *err) {
    desk_sys_info *in = calloc(1, sizeof *in);
    if (!in) return err_set(err, "out of memory");
    const pack *p = a->cfg.pack;
    int tv = a->st.traveler;
    const scenario *s = p && tv < p->n ? &p->scn[tv] : NULL;
    const doc_holder *h = NULL;
    if (first_slot >= 0 && !a->slots[first_slot].cap) {
        const doc_slot *sl = &a->slots[first_slot];
        h = sl->truth ? &sl->truth->holder : &sl->spec.holder;
        doc_fields(h, sl->t.issuing_state, in);
    }
    int rc = 0;
    if (s) rc = border_sys_info(s, h, in, err);
    for (int li = 0; rc == 0 && s && li < SYS_LISTS; li++)
        for (int k = 0; k < in->n_hits[li]; k++)
            record_photo(a->ident, s, li, k, &in->hits[li][k]);
    if (rc == 0) desk_set_sys_info(&a->st, in);
    free(in);
    return rc;
}
