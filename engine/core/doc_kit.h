/* doc_kit.h - what the doc_*.c files share; private to them (callers use doc.h).
 *
 * One doc_build in progress is a doc_ctx: the spec, the fonts, the material
 * buffer being painted, the truth being filled and the build's random stream.
 * The kit paints in millimetres or pixels into a matbuf layer (text, thick
 * strokes, the state emblem) and converts template millimetres to image
 * pixels. The painters each paint one security feature or one step of
 * personalisation and record what they made in the truth; they draw random
 * numbers only from streams derived from the seed (never from doc_ctx.r),
 * which is what keeps one feature's pixels independent of the others'.
 *
 *   doc_kit.c       the kit: text, strokes, the emblem, rectangles, inks
 *   doc_security.c  paper, watermark, fibres, offset print, UV, intaglio, emboss
 *   doc_person.c    personalisation: portrait, data, MRZ
 *   doc_sign.c      handwritten signatures, the holder's, a writer's or another hand's
 *   doc_stamp.c     official rubber stamps, lettered round their rings
 *   doc_ovd.c       optically variable features: hologram, colour-shifting ink,
 *                   changeable laser image, retroreflective laminate, laser perforation
 *   doc_truth.c     the truth's items, the data defects' regions, truth.json
 *   doc_holder.c    fictional holders
 *   doc_cover.c     a closed passport's cover
 *   doc_booklet.c   a passport's other pages: paper, background, page number,
 *                   the stitches at the fold
 *   doc_entry_stamp.c  entry and exit stamps on the visa pages
 */
#ifndef BL_DOC_KIT_H
#define BL_DOC_KIT_H

#include <stddef.h>

#include "doc.h"
#include "rng.h"

#ifndef M_PI
#define M_PI 3.14159265358979323846
#endif

/* One doc_build in progress. */
typedef struct doc_ctx {
    const doc_spec *spec;
    const tpl *t;
    const doc_fonts *fonts;
    matbuf *mb;
    doc_truth *truth;
    bl_err *err;
    rng r; /* the build's own draws (defects that change the holder) */
} doc_ctx;

/* A region in image pixels. */
typedef struct {
    int x, y, w, h;
} irect;

/* Whether the spec asks for defect k. */
static inline int doc_has(const doc_spec *s, defect_kind k) {
    return (s->defects >> k) & 1u;
}

/* The key of the field data_alteration_ir reprints: the spec's choice, else
 * the template's alterable. */
static inline const char *doc_alterable(const doc_spec *s) {
    return s->altered[0] ? s->altered : s->t->alterable;
}

/* Copies src (NULL: empty) into dst, truncated to cap - 1 bytes. */
void doc_copy(char *dst, size_t cap, const char *src);

/* ------------------------------------------------------------- the kit */

/* Where text_layout_draw and the plotters put a glyph's coverage. */
typedef struct {
    matbuf *mb;
    mb_layer layer;
    int ink;
    int relief;  /* added to the relief plane under the glyph (intaglio) */
    double gain; /* coverage multiplier */
} doc_plot;

/* text_layout_draw's callback: paints into doc_plot `ud`. */
void doc_plot_cb(void *ud, int x, int y, int cov);

/* A template rectangle (mm) in page pixels, clipped to the page. */
irect doc_px_rect(const matbuf *mb, tpl_rect r);

/* The part of page rectangle r the buffer holds (its window): what a
 * painter loops over, so that painting a window costs what the window's
 * pixels cost. Geometry (centres, radii, random positions) stays computed
 * from the whole rectangle, which is what makes a window's pixels the
 * page's. */
irect doc_clip(const matbuf *mb, irect r);

/* A feature the forger left out (defect k in the spec): it is recorded in
 * the truth where it belongs, with the defect over it, and 1 is returned
 * (the painter paints nothing); 0 when the spec does not have k. */
int doc_feature_missing(doc_ctx *b, const tpl_feature *f, irect r, light_set lights, defect_kind k);

/* A hash of the cell of `cell_mm` millimetres under page pixel (x, y),
 * mixed with seed: a random value that depends on where on the page, never
 * on the resolution or on which window of the page is painted. */
uint64_t doc_cell_hash(uint64_t seed, double ppm, int x, int y, double cell_mm);

/* The marks of a forger's printer (doc_printer) over an area of the page,
 * as doc_print.c describes them; reads pixels up to PRINT_REACH_MM away. */
#define PRINT_REACH_MM 0.15
int doc_print_structure(doc_ctx *b, int process, irect area);

/* The page cut along its outer edge (DEFECT_EDGE_TRIMMED), after everything
 * else was printed on it. */
int doc_paint_trim(doc_ctx *b);

/* text_layout_draw into doc_plot p, skipping the glyphs outside p's window. */
void doc_layout_draw(const text_layout *lay, double x, double y, doc_plot *p);

/* The buffer's index of ink `id`; -1 and err when unknown or the palette is full. */
int doc_ink(matbuf *mb, const char *id, bl_err *err);

/* Draws a line of text (shaped here) into a layer, its left edge at x_mm or,
 * with align_right, its right edge; returns its width in px, -1 on error. */
double doc_draw_text(matbuf *mb, const doc_fonts *fonts, const text_font *font, const char *s,
                     double x_mm, double y_mm, double size_mm, mb_layer layer, int ink, int relief,
                     int align_right, bl_err *err);

/* Soft-edged coverage (0..1) from a signed distance in pixels. */
double doc_edge(double d);

/* The state emblem: a ring, a sun of `rays` rays and a central disc.
 * Returns coverage 0..1 at (dx, dy) pixels from the centre, radius r px. */
double doc_emblem_cov(double dx, double dy, double r, int rays, int ring);

/* Paints a thick segment with round caps (a stroke of a polyline). */
void doc_paint_segment(matbuf *mb, mb_layer l, int ink, double x0, double y0, double x1, double y1,
                       double width, double gain);

/* ---------------------------------------------------------- the truth */

/* Records a feature, or defect k (its id is its kind), with its region;
 * silently full at DOC_MAX_ITEMS / DEFECT_COUNT items. */
void doc_truth_feature(doc_truth *t, const char *id, const char *kind, irect r, light_set lights);
void doc_truth_defect(doc_truth *t, defect_kind k, irect r);

/* Records the data defects (altered, mismatched, expired, wrong check digit,
 * names that differ between scripts) with the fields an examiner would
 * point at. */
void doc_truth_data_defects(doc_ctx *b, int script_mismatch);

/* 0 when every defect asked for is in the truth; otherwise -1 and err names
 * the first the template has no feature for. Counterfeit paper is exempt:
 * every document has paper. */
int doc_truth_check_placed(const doc_ctx *b);

/* --------------------------------------------------------- the painters */

/* A feature painter: paints template feature f and records it (and the
 * defects it carries) in the truth; 0, or -1 with b->err. */
typedef int (*doc_painter)(doc_ctx *b, const tpl_feature *f);

/* doc_security.c: the blank and its printing, in the order they are made. */
int doc_paint_paper(doc_ctx *b);
int doc_paint_watermark(doc_ctx *b, const tpl_feature *f);
int doc_paint_fibres(doc_ctx *b, const tpl_feature *f);
int doc_paint_guilloche(doc_ctx *b, const tpl_feature *f);
int doc_paint_microtext(doc_ctx *b, const tpl_feature *f);
int doc_paint_metameric(doc_ctx *b, const tpl_feature *f);
int doc_paint_see_through(doc_ctx *b, const tpl_feature *f);
int doc_paint_uv_emblem(doc_ctx *b, const tpl_feature *f);
int doc_paint_uv_overprint(doc_ctx *b, const tpl_feature *f);
int doc_paint_intaglio(doc_ctx *b, const tpl_feature *f);
int doc_paint_emboss(doc_ctx *b, const tpl_feature *f);
/* doc_stamp.c: an official rubber stamp in stamp ink: two rings, the
 * feature's text round the band between them, the emblem inside; printed
 * with a dot screen when counterfeit. */
int doc_paint_stamp(doc_ctx *b, const tpl_feature *f);
/* A stamp's ink at page pixel (x, y) of coverage c: a rubber stamp's uneven
 * ink (value noise of `uneven`, a seed), or, printed, a dot screen. */
double doc_stamp_tone(const matbuf *mb, int x, int y, double c, int printed, uint64_t uneven);

/* doc_booklet.c: page spec->page (> 0) of a passport booklet, into mb
 * (the whole page or a window), its truth filled as doc_build's. */
int doc_booklet_paint(const doc_spec *spec, const doc_fonts *fonts, matbuf *mb, doc_truth *truth,
                      bl_err *err);
/* doc_entry_stamp.c: the spec's stamps that are on page spec->page, each
 * recorded as a feature (entry_stamp, exit_stamp) with its defects. */
int doc_paint_entry_stamps(doc_ctx *b, uint64_t seed); /* seed: the booklet's */

/* doc_ovd.c: what a printer cannot make (light_tilt.h renders the tilt). */
int doc_paint_hologram(doc_ctx *b, const tpl_feature *f);
int doc_paint_colour_shift(doc_ctx *b, const tpl_feature *f);
int doc_paint_cli(doc_ctx *b, const tpl_feature *f);
int doc_paint_retro(doc_ctx *b, const tpl_feature *f);
int doc_paint_perforation(doc_ctx *b, const tpl_feature *f);

/* doc_holder.c: a visa's category, entries, stay and validity, drawn to
 * agree with each other (a short stay C at most 90 days, a long stay D more). */
void doc_visa_terms(rng *r, bl_date today, doc_holder *h);
/* Gives `out` the Latin names of another person than `real` (same sex, a
 * name pair with an Arabic form): what a remade Latin zone shows. */
void doc_holder_other_latin_name(rng *r, const doc_holder *real, doc_holder *out);

/* doc_person.c: personalisation. */
/* The portrait in the template's place, recorded as feature "portrait": the
 * holder's, laser-engraved, or when substituted a lookalike's photograph. */
int doc_paint_portrait(doc_ctx *b, int substituted);
int doc_paint_ghost(doc_ctx *b, const tpl_feature *f); /* the ghost image */
/* doc_sign.c: a signature in its signer's hand (the holder's or the writer's,
 * tpl_feature.by_holder); with signature_mismatch the holder's is written by
 * another hand, and recorded as that defect. */
int doc_paint_signature(doc_ctx *b, const tpl_feature *f);
/* Records an IR feature that the personalisation inks make (ir_mrz, ir_data). */
int doc_note_ir(doc_ctx *b, const tpl_feature *f);
/* The MRZ lines that encode holder h (into lines[0..*n-1]). */
int doc_make_mrz(doc_ctx *b, const doc_holder *h, char lines[3][48], int *n);
/* Changes the document number's check digit to a wrong one. */
void doc_break_check_digit(char lines[3][48], int fmt);
/* The fixed texts, and every field's label and value for holder `viz`. */
int doc_paint_data(doc_ctx *b, const doc_holder *viz);
int doc_paint_mrz(doc_ctx *b, const char lines[3][48], int n);

#endif
