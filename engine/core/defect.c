/* defect.c - see defect.h */
#include "defect.h"

#include <string.h>

#define V LIGHT_BIT(LIGHT_VISIBLE)
#define U LIGHT_BIT(LIGHT_UV)
#define I LIGHT_BIT(LIGHT_IR)
#define O LIGHT_BIT(LIGHT_OBLIQUE)
#define T LIGHT_BIT(LIGHT_TRANSMITTED)

static const defect_info defects[DEFECT_COUNT] = {
    {"counterfeit_paper", "counterfeit", "ordinary paper: glows blue-white under UV", U},
    {"uv_emblem_missing", "counterfeit", "the UV emblem is missing", U},
    {"uv_emblem_wrong", "counterfeit", "the UV emblem has the wrong design and colour", U},
    {"fibres_missing", "counterfeit", "no fluorescent security fibres in the paper", U},
    {"printed_watermark", "counterfeit",
     "the watermark is printed: seen in reflected light, flat in transmitted light", V | T},
    {"halftone_print", "counterfeit",
     "background reproduced with a dot screen instead of continuous lines (use the loupe)", V},
    {"photo_substitution", "photo_substitution",
     "photo replaced: colour print, laminate edge, UV overprint broken, vanishes in IR",
     V | U | I | O},
    {"data_alteration_ir", "data_alteration",
     "a data field was reprinted in an ink that vanishes in infrared", I},
    {"mrz_viz_mismatch", "data_alteration", "the visual zone and the MRZ disagree", V | I},
    {"mrz_check_digit", "mrz", "an MRZ check digit is wrong", V | I},
    {"expired", "validity", "the document has expired", V},
    {"microtext_missing", "microprint", "microtext replaced by a plain line (use the loupe)", V},
    {"microtext_blurred", "microprint", "microtext blurred by copying (use the loupe)", V},
    {"intaglio_missing", "relief", "intaglio print is flat: no relief under oblique light", O},
    {"metameric_mismatch", "optical", "the metameric pair does not split in infrared", I},
    {"name_script_mismatch", "data_alteration",
     "the Latin or MRZ name does not match the Arabic-script name (read both scripts)", V | I},
    {"visa_passport_mismatch", "data_alteration",
     "the visa's passport number is not the number of the passport it is in", V},
    {"stamp_counterfeit", "counterfeit",
     "the stamp is printed with a dot screen, not stamped in ink (use the loupe)", V},
    {"signature_mismatch", "data_alteration",
     "the holder's signature is in another hand (compare it with their passport's)", V},
};

const defect_info *defect_get(defect_kind k) {
    return (unsigned)k < DEFECT_COUNT ? &defects[k] : NULL;
}

int defect_from_id(const char *id) {
    for (int i = 0; i < DEFECT_COUNT; i++)
        if (strcmp(defects[i].id, id) == 0) return i;
    return -1;
}
