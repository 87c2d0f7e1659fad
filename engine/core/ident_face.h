/* ident_face.h - the two faces identity at the counter compares (issue 17).
 *
 * The printed portrait of the traveler's first document (which its chip's
 * DG2 holds too) and the traveler as they stand at the counter, from the
 * scenario's face relation: the holder (re-photographed, or years later,
 * with a beard or glasses now), a look-alike or a sibling (impostors), or the
 * partner of a morphed portrait. One function, so the desk's pictures, the
 * gate's score and scoring's truth see the same people.
 */
#ifndef BL_IDENT_FACE_H
#define BL_IDENT_FACE_H

#include <stdint.h>

#include "doc.h"
#include "face.h"

typedef struct ident_faces {
    face_params portrait; /* as printed and as in the chip */
    face_params person;   /* the traveler now */
    uint32_t differs;     /* face_diff(portrait, person): FACE_BIT(face_feature) */
} ident_faces;

/* `first`: the traveler's first document, built (its holder known); rel a
 * scn_face_rel; years, beard, glasses as scn_face says; impostor the
 * scenario's traveler.impostor (with relation "holder", the look-alike of
 * older scenarios: face_vary by that amount). */
void ident_faces_make(const doc_spec *first, int rel, int years, int beard, int glasses,
                      double impostor, ident_faces *out);

/* The features a trainee may cite (desk.h's FEATURE_* bits) among face_diff
 * bits: the stable ones the desk lists, matched by name. */
unsigned ident_cites_of(uint32_t face_bits);

#endif
