/* defect.c - see defect.h */
#include "defect.h"

#include <string.h>

#define V LIGHT_BIT(LIGHT_VISIBLE)
#define U LIGHT_BIT(LIGHT_UV)
#define I LIGHT_BIT(LIGHT_IR)
#define O LIGHT_BIT(LIGHT_OBLIQUE)
#define T LIGHT_BIT(LIGHT_TRANSMITTED)
#define C LIGHT_BIT(LIGHT_COAXIAL)

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
     "a data field was scraped or washed and reprinted: the new ink vanishes in infrared, the "
     "scraped paper is rough in raking light, the washed paper glows under UV",
     I | U | O},
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
    {"watermark_missing", "counterfeit",
     "no watermark: transmitted light shows even paper where the emblem belongs", T},
    {"seal_missing", "relief", "no dry seal: raking light shows no relief where it belongs", O},
    {"printed_hologram", "optical",
     "the hologram is printed: tilted, its colours and image do not change", V | O | C},
    {"hologram_missing", "optical", "no hologram (OVD) where the foil belongs: tilt and look",
     V | O | C},
    {"colour_shift_missing", "optical",
     "the colour-shifting ink does not shift: tilted, it keeps its colour", V | O | C},
    {"colour_shift_wrong", "optical",
     "the colour-shifting ink shifts to the wrong colour (gold, not blue)", V | O | C},
    {"perforation_printed", "relief",
     "the perforated number is printed dots: no light through it, no relief", T | O},
    {"cli_static", "optical",
     "the changeable laser image is printed: both images at once, whatever the tilt, gone in IR",
     V | O | C | I},
    {"retroreflective_missing", "counterfeit",
     "no retroreflective laminate pattern: coaxial light shows nothing", C},
    {"restitched_booklet", "booklet",
     "the booklet was sewn again: a thread of the wrong colour that glows wrongly under UV, "
     "uneven stitches, extra stitch holes at the fold (against the light)",
     V | U | T},
    {"stamp_date_conflict", "route",
     "an entry or exit stamp's date contradicts another stamp, the visa or the story", V},
    {"edge_trimmed", "data_alteration",
     "the page was cut along its outer edge: a straight, ragged cut where the rounded corners "
     "belong, its fibres raised in raking light, narrower against the light",
     V | O | T},
};

static const char *const imitated_ids[] = {"watermark", "fibres", "uv_emblem", "intaglio",
                                           "dry_seal",  "ir",     "hologram",  "colour_shift"};

int imitated_from_id(const char *id) {
    for (size_t i = 0; i < sizeof imitated_ids / sizeof imitated_ids[0]; i++)
        if (!strcmp(imitated_ids[i], id)) return (int)i;
    return -1;
}

const char *imitated_id(unsigned bit) {
    for (size_t i = 0; i < sizeof imitated_ids / sizeof imitated_ids[0]; i++)
        if (bit == 1u << i) return imitated_ids[i];
    return NULL;
}

unsigned defect_counterfeit_implies(unsigned defects, unsigned imitated) {
    if (!(defects >> DEFECT_COUNTERFEIT_PAPER & 1)) return 0;
    unsigned out = 0;
    /* a watermark is thickness of the paper: an imitation can only be printed */
    out |=
        1u << (imitated & IMITATED_WATERMARK ? DEFECT_PRINTED_WATERMARK : DEFECT_WATERMARK_MISSING);
    if (!(imitated & IMITATED_FIBRES)) out |= 1u << DEFECT_FIBRES_MISSING;
    if (!(imitated & IMITATED_UV)) out |= 1u << DEFECT_UV_EMBLEM_MISSING;
    if (!(imitated & IMITATED_INTAGLIO)) out |= 1u << DEFECT_INTAGLIO_MISSING;
    if (!(imitated & IMITATED_SEAL)) out |= 1u << DEFECT_SEAL_MISSING;
    if (!(imitated & IMITATED_IR)) out |= 1u << DEFECT_METAMERIC_MISMATCH;
    /* a foil's grating, a thin-film ink, laser holes, lenses and beads: none
     * come out of a printer; the forger prints the look or does without */
    out |= 1u << (imitated & IMITATED_HOLOGRAM ? DEFECT_PRINTED_HOLOGRAM : DEFECT_HOLOGRAM_MISSING);
    out |= 1u << (imitated & IMITATED_COLOUR_SHIFT ? DEFECT_COLOUR_SHIFT_WRONG
                                                   : DEFECT_COLOUR_SHIFT_MISSING);
    out |= 1u << DEFECT_PERFORATION_PRINTED | 1u << DEFECT_CLI_STATIC | 1u << DEFECT_RETRO_MISSING;
    /* one defect per feature: an explicit one stands for it (a wrong UV
     * emblem is the forger's, not a missing one) */
    if (defects >> DEFECT_UV_EMBLEM_WRONG & 1) out &= ~(1u << DEFECT_UV_EMBLEM_MISSING);
    if (defects >> DEFECT_PRINTED_WATERMARK & 1) out &= ~(1u << DEFECT_WATERMARK_MISSING);
    if (defects >> DEFECT_WATERMARK_MISSING & 1) out &= ~(1u << DEFECT_PRINTED_WATERMARK);
    if (defects >> DEFECT_PRINTED_HOLOGRAM & 1) out &= ~(1u << DEFECT_HOLOGRAM_MISSING);
    if (defects >> DEFECT_HOLOGRAM_MISSING & 1) out &= ~(1u << DEFECT_PRINTED_HOLOGRAM);
    if (defects >> DEFECT_COLOUR_SHIFT_WRONG & 1) out &= ~(1u << DEFECT_COLOUR_SHIFT_MISSING);
    if (defects >> DEFECT_COLOUR_SHIFT_MISSING & 1) out &= ~(1u << DEFECT_COLOUR_SHIFT_WRONG);
    return out & ~defects;
}

const defect_info *defect_get(defect_kind k) {
    return (unsigned)k < DEFECT_COUNT ? &defects[k] : NULL;
}

int defect_from_id(const char *id) {
    for (int i = 0; i < DEFECT_COUNT; i++)
        if (strcmp(defects[i].id, id) == 0) return i;
    return -1;
}
