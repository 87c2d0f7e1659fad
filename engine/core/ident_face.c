/* ident_face.c - see ident_face.h. */
#include "ident_face.h"

#include "desk.h"
#include "scenario.h"

void ident_faces_make(const doc_spec *first, int rel, int years, int beard, int glasses,
                      double impostor, ident_faces *out) {
    const doc_holder *h = &first->holder;
    uint64_t seed = first->seed ^ 0x1D3A7C00ull;
    doc_portrait_face(first, h, &out->portrait);
    face_params from = out->portrait;
    switch (rel) {
    case SCN_FACE_AGED:
        face_relate(&from, FACE_REL_AGED, seed, years, &out->person);
        break;
    case SCN_FACE_LOOKALIKE:
        face_relate(&from, FACE_REL_LOOKALIKE, seed, 0, &out->person);
        break;
    case SCN_FACE_SIBLING:
        face_relate(&from, FACE_REL_SIBLING, seed, 3, &out->person);
        break;
    case SCN_FACE_MORPH: /* the partner of the morph, photographed again */
        doc_morph_partner(first, h, &from);
        face_relate(&from, FACE_REL_SAME, seed, 0, &out->person);
        break;
    default:
        if (impostor > 0) { /* traveler.impostor alone: a look-alike by that amount */
            out->person = from;
            face_vary(&out->person, first->seed ^ 0x1390u, impostor);
        } else {
            face_relate(&from, FACE_REL_SAME, seed, 0, &out->person);
        }
    }
    if (beard) face_set_beard(&out->person, FACE_BEARD_FULL);
    if (glasses) face_set_glasses(&out->person, FACE_GLASSES_METAL);
    out->differs = face_diff(&out->portrait, &out->person);
}

unsigned ident_cites_of(uint32_t face_bits) {
    unsigned out = 0;
    for (int f = 0; f < FACE_FEATURE_CITES; f++) {
        int k = face_feature_from_name(desk_face_feature_id(f));
        if (k >= 0 && (face_bits & FACE_BIT(k))) out |= 1u << f;
    }
    return out;
}
