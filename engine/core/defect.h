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
    DEFECT_COUNT
} defect_kind;

typedef struct defect_info {
    const char *id;      /* stable id used on the command line, in scenarios and truth.json */
    const char *family;  /* counterfeit, photo_substitution, data_alteration, mrz, validity, ... */
    const char *summary; /* one line for people */
    light_set lights;    /* where an examiner can see it */
} defect_info;

const defect_info *defect_get(defect_kind k); /* NULL when out of range */
int defect_from_id(const char *id);           /* -1 when unknown */

#endif
