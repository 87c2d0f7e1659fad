/* defect.h - the forgery and validity defects a document can carry.
 *
 * Each kind belongs to a family examiners are taught (counterfeit, photo
 * substitution, data alteration, MRZ, validity, microprint, relief/optical)
 * and names the lights under which it can be seen; doc_build applies them
 * physically (a different substrate, a missing ink, a changed relief), so the
 * rendered images show each defect only where it would show in reality.
 */
#ifndef BL_DEFECT_H
#define BL_DEFECT_H

#include "light.h"

typedef enum {
    DEFECT_COUNTERFEIT_PAPER, /* ordinary paper with optical brighteners */
    DEFECT_UV_EMBLEM_MISSING,
    DEFECT_UV_EMBLEM_WRONG,
    DEFECT_FIBRES_MISSING,
    DEFECT_PRINTED_WATERMARK, /* imitation printed instead of a paper watermark */
    DEFECT_HALFTONE_PRINT,    /* background reproduced with a dot screen */
    DEFECT_PHOTO_SUBSTITUTION,
    DEFECT_DATA_ALTERATION_IR, /* a field reprinted in IR-transparent ink */
    DEFECT_MRZ_VIZ_MISMATCH,   /* visual zone and MRZ disagree */
    DEFECT_MRZ_CHECK_DIGIT,
    DEFECT_EXPIRED,
    DEFECT_MICROTEXT_MISSING,
    DEFECT_MICROTEXT_BLURRED,
    DEFECT_INTAGLIO_MISSING,     /* flat print where intaglio relief belongs */
    DEFECT_METAMERIC_MISMATCH,   /* the metameric pair does not split in IR */
    DEFECT_NAME_SCRIPT_MISMATCH, /* Latin / MRZ name does not match the Arabic-script name */
    DEFECT_VISA_PASSPORT,        /* the visa names another passport than the one it is in */
    DEFECT_STAMP_COUNTERFEIT,    /* an official stamp printed (dot screen), not stamped in ink */
    DEFECT_SIGNATURE_MISMATCH,   /* the holder's signature written by another hand */
    DEFECT_WATERMARK_MISSING,    /* no watermark: ordinary paper has none */
    DEFECT_SEAL_MISSING,         /* no dry seal: nobody pressed one */
    DEFECT_PRINTED_HOLOGRAM,     /* the OVD printed: its colours and image do not change */
    DEFECT_HOLOGRAM_MISSING,     /* no OVD where the foil belongs */
    DEFECT_COLOUR_SHIFT_MISSING, /* an ordinary ink where colour-shifting ink belongs */
    DEFECT_COLOUR_SHIFT_WRONG,   /* a commercial pigment that shifts to the wrong colour */
    DEFECT_PERFORATION_PRINTED,  /* the perforated number printed as dots: no holes */
    DEFECT_CLI_STATIC,           /* the changeable laser image printed: both images, fixed */
    DEFECT_RETRO_MISSING,        /* no retroreflective laminate pattern */
    DEFECT_RESTITCHED_BOOKLET,   /* the booklet was taken apart and sewn again (booklet.h) */
    DEFECT_STAMP_DATE_CONFLICT,  /* an entry or exit stamp's date contradicts the route */
    DEFECT_EDGE_TRIMMED,         /* the page cut along its outer edge (a page taken out) */
    DEFECT_COUNT
} defect_kind;

typedef struct defect_info {
    const char *id;      /* stable id used on the command line, in scenarios and truth.json */
    const char *family;  /* counterfeit, photo_substitution, data_alteration, mrz, validity, ... */
    const char *summary; /* one line for people */
    light_set lights;    /* where an examiner can see it */
} defect_info;

/* What a counterfeit on ordinary paper lacks (doc_counterfeit_implies):
 * the features the scenario says the forger imitated. */
typedef enum {
    IMITATED_WATERMARK = 1u << 0,    /* printed: a true watermark cannot be made on a printer */
    IMITATED_FIBRES = 1u << 1,       /* printed on the surface in fluorescent ink (drawn as the
                                        genuine ones: only the paper's glow then tells) */
    IMITATED_UV = 1u << 2,           /* the UV emblem, in a commercial fluorescent ink */
    IMITATED_INTAGLIO = 1u << 3,     /* raised print (thermography) where intaglio belongs */
    IMITATED_SEAL = 1u << 4,         /* a seal pressed by the forger */
    IMITATED_IR = 1u << 5,           /* a pair of inks that split in infrared */
    IMITATED_HOLOGRAM = 1u << 6,     /* the OVD, printed in rainbow inks (it does not change) */
    IMITATED_COLOUR_SHIFT = 1u << 7, /* a commercial colour-shifting pigment (the wrong shift) */
} imitated_feature;

/* "watermark", "fibres", "uv_emblem", "intaglio", "dry_seal", "ir", "hologram",
 * "colour_shift"; -1 unknown. */
int imitated_from_id(const char *id);
const char *imitated_id(unsigned bit); /* one bit's id; NULL when not one */

/* The defects a document printed on ordinary paper has besides its paper,
 * given its explicit defects and what was imitated: everything the genuine
 * paper and printer make and an office printer cannot (no watermark, or a
 * printed one; no fibres; no UV emblem; flat intaglio; no dry seal; a
 * metameric pair that does not split in infrared). 0 without
 * DEFECT_COUNTERFEIT_PAPER. The explicit ones are not repeated. */
unsigned defect_counterfeit_implies(unsigned defects, unsigned imitated);

const defect_info *defect_get(defect_kind k); /* NULL when out of range */
int defect_from_id(const char *id);           /* -1 when unknown */

#endif
