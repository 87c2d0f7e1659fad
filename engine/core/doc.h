/* doc.h - a travel document: template + holder + defects, painted into materials.
 *
 * doc_build paints a document once into a matbuf (what each pixel is made of)
 * and fills a doc_truth: the MRZ, the holder data, and every security feature
 * and defect with an id, a kind, a region in pixels and the lights under which
 * it shows, so that a trainee's finding can later be scored against it.
 * Everything derives from the spec: the same spec gives the same pixels.
 */
#ifndef BL_DOC_H
#define BL_DOC_H

#include <stdint.h>

#include "booklet.h"
#include "date.h"
#include "defect.h"
#include "err.h"
#include "face.h"
#include "image.h"
#include "light.h"
#include "matbuf.h"
#include "text.h"
#include "tpl.h"

typedef struct doc_holder {
    char surname[64], given_names[64];
    char surname_native[128], given_names_native[128]; /* Arabic script, when the holder has it */
    char nationality[4];
    bl_date birth, issue, expiry;
    char sex[2];
    char place_of_birth[48], place_of_birth_native[96];
    char document_number[16];
    char passport_number[16]; /* a visa: the passport it is in */
    char personal_number[16];
    char authority[48];
    char visa_type[8], entries[8], duration[16];
    uint64_t face_seed;
} doc_holder;

/* Makes a fictional holder for a template, relative to `today`. */
void doc_holder_generate(uint64_t seed, const tpl *t, bl_date today, doc_holder *h);

typedef struct doc_fonts {
    text_font *sans, *sans_bold, *ocrb, *arabic;
} doc_fonts;

/* The fonts a document is printed with, in doc_fonts' order. */
typedef enum {
    DOC_FONT_SANS,
    DOC_FONT_SANS_BOLD,
    DOC_FONT_OCRB,
    DOC_FONT_ARABIC,
    DOC_FONTS
} doc_font;

/* Loads the fonts from the files given (where they are is the app's
 * business: engine/app/fonts.c). On failure err names the font file, *bad
 * (may be NULL) receives which font it was, and nothing stays loaded. */
int doc_fonts_load(doc_fonts *f, const char *const paths[DOC_FONTS], int *bad, bl_err *err);
void doc_fonts_unload(doc_fonts *f);

#define DOC_MAX_TEXTS 8

/* A text of a supporting document's own (a letter's inviter, a flight, a
 * birth's registration date): the value of its template's "text.KEY" field.
 * A value, or the field's default, may name the holder's data in braces
 * ("MARCUS {surname}", "{birth_date+2}": two days after the birth); a text
 * whose key is the datum's name stands for it (docs/templates.md, "Civil
 * records"). */
typedef struct doc_text {
    char key[24];
    char value[96];
} doc_text;

/* A forger's printer, whose marks show under the loupe (doc_print.c). */
typedef enum {
    PRINTER_NONE,   /* the genuine processes only */
    PRINTER_LASER,  /* toner: grains and spatter */
    PRINTER_INKJET, /* wicking and satellite droplets */
    PRINTER_COPIER, /* a colour copier's dot rosette */
    PRINTER_COUNT
} doc_printer;

const char *doc_printer_name(int p);      /* "laser", "inkjet", "copier"; "" for none */
int doc_printer_from_name(const char *s); /* -1 when unknown */

typedef struct doc_spec {
    const tpl *t;
    uint64_t seed;
    double dpi;     /* 72..1200 (doc_build_region: ..DOC_REGION_MAX_DPI) */
    bl_date today;  /* the scenario's date: validity and ages are relative to it */
    int has_holder; /* 0: generate from seed */
    doc_holder holder;
    unsigned defects;  /* bit (1u << defect_kind) per defect */
    unsigned imitated; /* a counterfeit's imitated features (imitated_feature, defect.h) */
    int printer;       /* how the forger printed (doc_printer); 0: laser for a counterfeit,
                          inkjet for an altered field */
    int n_texts;
    doc_text texts[DOC_MAX_TEXTS]; /* the scenario's; a field without one prints its default */
    int page;                      /* a passport's page (booklet.h index): 0 the data page; the
                                      others are painted by doc_booklet.c */
    int n_stamps;
    booklet_stamp stamps[BOOKLET_MAX_STAMPS]; /* the journey's, placed (booklet_place) */
    char altered[32]; /* the field data_alteration_ir reprints, a key of the template's
                         fields ("text.father", "birth_date"); "": its alterable */
    uint64_t morph;   /* the portrait is a 50:50 morph of the holder and the look-alike drawn
                         from this seed (doc_morph_partner): a genuinely issued document with
                         a morphed photo; 0 none */
} doc_spec;

#define DOC_MAX_ITEMS 48

typedef struct doc_item {
    char id[48];
    char kind[32];
    int x, y, w, h; /* region in the image's pixels */
    light_set lights;
    char of[32];  /* a defect: the one it follows from ("counterfeit_paper"), or "" */
    int varies;   /* a feature that changes with the tilt (truth.json: varies_with_tilt) */
    int views[2]; /* ...and two tilts, degrees, at which it looks different (tilt_views_deg) */
} doc_item;

typedef struct doc_truth {
    int w, h;
    double dpi;
    char mrz[3][48];
    int mrz_lines;
    doc_holder holder; /* as printed in the visual zone */
    int n_features;
    doc_item features[DOC_MAX_ITEMS];
    int n_defects;
    doc_item defects[DEFECT_COUNT];
} doc_truth;

/* Paints the document. `mb` is initialised here (matbuf_deinit it after). */
int doc_build(const doc_spec *spec, const doc_fonts *fonts, matbuf *mb, doc_truth *truth,
              bl_err *err);

/* The highest resolution a region may be built at: the loupe's 40x. */
#define DOC_REGION_MAX_DPI 2400

/* The page's size in pixels at spec->dpi (72..DOC_REGION_MAX_DPI). */
int doc_page_size(const doc_spec *spec, int *w, int *h, bl_err *err);

/* Paints only the rectangle (x, y, w, h) of the page, in page pixels at
 * spec->dpi (72..DOC_REGION_MAX_DPI; the rectangle must lie on the page,
 * see doc_page_size): mb holds that window (matbuf_init_window) with exactly
 * the pixels doc_build gives there at the same resolution, for a cost that
 * grows with the window's area (plus the page's text layout), never the
 * page's. `truth` (may be NULL) is the whole page's, as doc_build fills it. */
int doc_build_region(const doc_spec *spec, const doc_fonts *fonts, int x, int y, int w, int h,
                     matbuf *mb, doc_truth *truth, bl_err *err);

/* Makes a holder the person the scenario describes: of sex `sex` ("F",
 * "M", "X"; given names of that sex drawn again when they were the other's)
 * and `age` years old on `today` (the birth year moved, the day kept); an
 * empty sex or an age of 0 leaves that datum. */
void doc_holder_fit(doc_holder *h, const tpl *t, const char *sex, int age, bl_date today);

/* The Arabic-script form of a fictional Latin name or place of the
 * generator's lists ("HADDAD" -> "حداد"), or NULL. */
const char *doc_name_arabic(const char *latin);

/* Makes holder `h` the same person as `from` (names, birth, sex, place of
 * birth, face), keeping h's own document data: what a traveler's second
 * document (a visa, an ID card) shows. A visa keeps its own nationality
 * field set to the passport's issuing state (`passport_state`). */
void doc_holder_share(doc_holder *h, const doc_holder *from, const char *passport_state);

/* The face printed in the document's portrait: the holder's, or on a
 * photo-substituted document the impostor's lookalike. */
void doc_portrait_face(const doc_spec *spec, const doc_holder *h, face_params *out);
/* The other person of a morphed portrait (spec->morph), at the photo's age:
 * whoever presents the document with the applicant of record's help. */
void doc_morph_partner(const doc_spec *spec, const doc_holder *h, face_params *out);

/* The holder as the issuing state issued the document: what its chip holds
 * (chip.h). The printed page may differ from it where a forger changed the
 * print (the visual zone, the MRZ's names, a check digit); an expired
 * document's dates are its issued ones. The same spec gives the holder
 * doc_build starts from. */
void doc_issued_holder(const doc_spec *spec, doc_holder *out);

/* The MRZ lines of template t for holder h, as issued (no defect applied):
 * *n lines of 30, 36 or 44 characters. -1 with err when t has no MRZ or a
 * field does not fit (mrz_make's message, prefixed "MRZ"). */
int doc_mrz_lines(const tpl *t, const doc_holder *h, char lines[3][48], int *n, bl_err *err);

/* A closed passport's cover (w x h pixels): the state's colour, emblem and
 * name in gold. */
int doc_cover_render(const tpl *t, const doc_fonts *fonts, int w, int h, bl_image *out,
                     bl_err *err);

/* Serialises the truth as the JSON object truth.json holds (template, seed,
 * dpi, size, mrz, holder, features, defects). Caller frees with free(). */
char *doc_truth_json(const doc_spec *spec, const doc_truth *truth);
/* Features or defects as truth.json lists them (capture.c writes the same). */
struct cJSON;
struct cJSON *doc_items_json(const doc_item *items, int n);

#endif
