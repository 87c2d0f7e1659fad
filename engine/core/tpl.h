/* tpl.h - document templates: a fictional issuing state's document design as data.
 *
 * A template is a JSON file (one per file in assets/templates, embedded in the binary;
 * an academy may load its own with tpl_load_file). Layout is in millimetres:
 * where each data field, the portrait, the MRZ and each security feature sit,
 * and which inks they use. The painting of each feature kind is code (doc.c);
 * where and how big is data. See docs/templates.md for the format.
 */
#ifndef BL_TPL_H
#define BL_TPL_H

#include "err.h"

#define TPL_MAX_FIELDS   24
#define TPL_MAX_FEATURES 32
#define TPL_MAX_TEXTS    16

typedef struct tpl_rect {
    double x, y, w, h; /* millimetres from the top-left corner */
} tpl_rect;

typedef struct tpl_field {
    char key[32];    /* holder datum: surname, given_names, birth_date, ... */
    char label[96];  /* printed label (English / French) */
    double x, y;     /* label position (mm); the value sits below it */
    double size_mm;  /* value's em size */
    double width_mm; /* box for region reporting */
    int align_right; /* x is the right edge (Arabic-script labels and values) */
    char value[96];  /* a "text.NAME" field's default text (the scenario may set it) */
} tpl_field;

typedef struct tpl_text {
    char text[96];
    double x, y, size_mm;
    char ink[32];
    int relief; /* 0 flat offset; >0 intaglio height */
    int bold;
    int align_right; /* x is the right edge */
} tpl_text;

typedef struct tpl_feature {
    char id[40];
    char kind[32]; /* guilloche, rainbow, microtext, uv_emblem, uv_fibres, uv_overprint,
                      metameric_pair, intaglio, emboss, ghost_image, watermark,
                      see_through_register, portrait, ir_mrz, ir_data, signature, stamp */
    tpl_rect r;
    char text[64]; /* microtext / metameric message */
    char ink[32];  /* main ink, when the kind takes one */
    double param;  /* kind-specific: microtext height (mm), fibre count, ... */
    int by_holder; /* a signature: in the holder's hand (a passport's, a declarant's), or
                      0 in the document's writer's (a letter's); "signer" in the JSON */
} tpl_feature;

typedef struct tpl {
    char id[48];
    char name[96];
    char kind[16];         /* passport, id_card, visa; letter, boarding_pass, civil_record */
    char issuing_state[4]; /* three-letter code */
    char state_name[48];
    char nationality_name[32];
    char document_code[3];
    int chip;           /* an eMRTD: the document carries a contactless chip (chip.h); only a
                           passport or an ID card with an MRZ may ("chip": true in the JSON) */
    int mrz_format;     /* mrz_format value; TPL_NO_MRZ for a supporting document */
    char alterable[32]; /* the field data_alteration_ir reprints (default birth_date) */
    double w_mm, h_mm, corner_mm;
    int n_pieces;       /* physical pieces on the canvas (a card's front and back) */
    tpl_rect pieces[2]; /* default: one piece covering the canvas */
    char substrate[32];
    unsigned rainbow[3]; /* 0xRRGGBB: split-fountain colours left, middle, right */
    char label_ink[32];
    int n_texts;
    tpl_text texts[TPL_MAX_TEXTS];
    int n_fields;
    tpl_field fields[TPL_MAX_FIELDS];
    tpl_rect portrait, mrz;
    int n_features;
    tpl_feature features[TPL_MAX_FEATURES];
} tpl;

/* Parses a template from JSON text; `name` is used in messages
 * ("name: features[3].rect_mm: expected 4 numbers"). */
int tpl_load_json(tpl *t, const char *json, const char *name, bl_err *err);
int tpl_load_file(tpl *t, const char *path, bl_err *err);

/* The built-in templates, embedded from assets/templates at build time. */
int tpl_builtin_count(void);
const char *tpl_builtin_id(int i);
int tpl_builtin(tpl *t, const char *id, bl_err *err); /* unknown id: error lists the known ones */

/* Finds a feature by kind; NULL when the template has none. */
const tpl_feature *tpl_feature_of(const tpl *t, const char *kind);
const tpl_field *tpl_field_of(const tpl *t, const char *key);

/* A template without a machine-readable zone (a letter, a boarding pass):
 * its mrz_format. Such a template prints no MRZ, and no portrait when it
 * gives no portrait_mm. */
#define TPL_NO_MRZ (-1)

/* Whether a template is a supporting document rather than a travel document
 * (kinds letter, boarding_pass, and civil_record: a breeder document such as
 * a birth certificate, a civil register extract or a family booklet). */
int tpl_is_supporting(const tpl *t);

/* The first signature in the holder's hand, NULL when the template has
 * none (a letter signed only by its writer). */
const tpl_feature *tpl_holder_signature(const tpl *t);

#endif
