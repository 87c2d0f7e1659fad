/* doc.c - see doc.h. doc_build runs the physical steps in the order a
 * document is made: paper (with fibres and watermark), offset background
 * (guilloche, rainbow, labels, microtext), invisible UV print, then
 * personalisation (data, MRZ, portrait) and intaglio, then laminate and
 * embossing. A defect changes one step: the holder step here makes the data
 * a forger changed; the painter of a printing step makes the forger's print
 * (doc_security.c, doc_person.c). Also the fonts a document is printed with.
 * doc_kit.h says which doc_*.c file owns what. */
#include "doc.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "doc_kit.h"

/* ---------------------------------------------------------------- fonts */

int doc_fonts_load(doc_fonts *f, const char *const paths[DOC_FONTS], int *bad, bl_err *err) {
    memset(f, 0, sizeof *f);
    text_font **slots[DOC_FONTS] = {&f->sans, &f->sans_bold, &f->ocrb, &f->arabic};
    for (int i = 0; i < DOC_FONTS; i++)
        if (!(*slots[i] = text_font_load(paths[i], err))) {
            doc_fonts_unload(f);
            if (bad) *bad = i;
            return err_prefix(err, "missing font");
        }
    return 0;
}

void doc_fonts_unload(doc_fonts *f) {
    text_font_destroy(f->sans);
    text_font_destroy(f->sans_bold);
    text_font_destroy(f->ocrb);
    text_font_destroy(f->arabic);
    memset(f, 0, sizeof *f);
}

/* --------------------------------------------------------------- holder */

/* The holder step: the MRZ always encodes the true data (mrzh); some defects
 * change what the visual zone shows (viz), or the names one of them was made
 * from. Draws from b->r only for the defects that need a choice. Returns
 * whether the names now differ between the scripts. */
/* The holder as issued, drawing from r (the document's stream, fresh from
 * its seed): an expired document was issued ten years before it expired. */
static void issued_holder(const doc_spec *spec, rng *r, doc_holder *real) {
    if (spec->has_holder)
        *real = spec->holder;
    else
        doc_holder_generate(spec->seed, spec->t, spec->today, real);
    if (doc_has(spec, DEFECT_EXPIRED)) {
        long today = date_to_days(spec->today);
        if (date_to_days(real->expiry) >= today) {
            real->expiry = date_from_days(today - 20 - (long)rng_below(r, 300));
            real->issue = date_from_days(date_to_days(date_add_years(real->expiry, -10)) + 1);
        }
    }
}

void doc_issued_holder(const doc_spec *spec, doc_holder *out) {
    rng r;
    rng_init(&r, spec->seed); /* as paint() starts the document's stream */
    issued_holder(spec, &r, out);
}

static int make_holders(doc_ctx *b, doc_holder *viz, doc_holder *mrzh) {
    const doc_spec *spec = b->spec;
    doc_holder real;
    issued_holder(spec, &b->r, &real);
    *viz = real, *mrzh = real;
    if (doc_has(spec, DEFECT_MRZ_VIZ_MISMATCH)) viz->birth = date_add_years(viz->birth, -4);
    if (doc_has(spec, DEFECT_VISA_PASSPORT)) { /* another passport's number */
        char *n = viz->passport_number;
        for (int i = 1; n[i] && i < 9; i++)
            if (rng_below(&b->r, 2)) n[i] = n[i] >= '0' && n[i] <= '8' ? (char)(n[i] + 1) : '3';
        n[8] = n[8] == '7' ? '2' : '7'; /* at least one character differs */
    }
    int script_mismatch = doc_has(spec, DEFECT_NAME_SCRIPT_MISMATCH) &&
                          tpl_field_of(b->t, "surname_native") && real.surname_native[0];
    if (script_mismatch) {
        /* The Latin name and the MRZ were remade for someone else; the
         * Arabic script, which the forger could not write, still names the
         * holder. */
        doc_holder_other_latin_name(&b->r, &real, viz);
        doc_copy(mrzh->surname, sizeof mrzh->surname, viz->surname);
        doc_copy(mrzh->given_names, sizeof mrzh->given_names, viz->given_names);
    }
    return script_mismatch;
}

/* ------------------------------------------------------------- printing */

/* The passes over the template's features, in the order they are made. */
typedef enum {
    PASS_PAPER,    /* in the paper: watermark, fibres */
    PASS_OFFSET,   /* offset background */
    PASS_UV,       /* invisible print */
    PASS_PERSONAL, /* with and after the portrait: ghost, intaglio, seal, signature */
} doc_pass;

/* Which painter makes a feature of each kind, and in which pass. A kind not
 * listed is painted elsewhere (the rainbow with the guilloche) or not at all. */
static const struct {
    doc_pass pass;
    const char *kind;
    doc_painter paint;
} painters[] = {
    {PASS_PAPER, "watermark", doc_paint_watermark},
    {PASS_PAPER, "uv_fibres", doc_paint_fibres},
    {PASS_OFFSET, "guilloche", doc_paint_guilloche},
    {PASS_OFFSET, "microtext", doc_paint_microtext},
    {PASS_OFFSET, "metameric_pair", doc_paint_metameric},
    {PASS_OFFSET, "see_through_register", doc_paint_see_through},
    {PASS_UV, "uv_emblem", doc_paint_uv_emblem},
    {PASS_UV, "uv_overprint", doc_paint_uv_overprint},
    {PASS_PERSONAL, "ghost_image", doc_paint_ghost},
    {PASS_PERSONAL, "intaglio", doc_paint_intaglio},
    {PASS_PERSONAL, "emboss", doc_paint_emboss},
    {PASS_PERSONAL, "signature", doc_paint_signature},
    {PASS_PERSONAL, "stamp", doc_paint_stamp},
    {PASS_PERSONAL, "ir_mrz", doc_note_ir},
    {PASS_PERSONAL, "ir_data", doc_note_ir},
    {PASS_PERSONAL, "colour_shift", doc_paint_colour_shift},
    {PASS_PERSONAL, "cli", doc_paint_cli},
    {PASS_PERSONAL, "hologram", doc_paint_hologram},
    {PASS_PERSONAL, "retroreflective", doc_paint_retro},
    {PASS_PERSONAL, "perforation", doc_paint_perforation},
};

/* Paints the template's features of one pass, in the template's order. */
static int paint_pass(doc_ctx *b, doc_pass pass) {
    for (int i = 0; i < b->t->n_features; i++) {
        const tpl_feature *f = &b->t->features[i];
        for (size_t k = 0; k < sizeof painters / sizeof painters[0]; k++)
            if (painters[k].pass == pass && !strcmp(f->kind, painters[k].kind)) {
                if (painters[k].paint(b, f)) return -1;
                break;
            }
    }
    return 0;
}

/* Personalisation: the MRZ (from mrzh; a wrong check digit is a defect), the
 * data zone (from viz), the portrait, then what is made with or after it. */
static int personalise(doc_ctx *b, const doc_holder *viz, const doc_holder *mrzh) {
    doc_truth *truth = b->truth;
    int mrz = b->t->mrz_format != TPL_NO_MRZ; /* a letter has none */
    if (mrz && doc_make_mrz(b, mrzh, truth->mrz, &truth->mrz_lines)) return -1;
    if (mrz && doc_has(b->spec, DEFECT_MRZ_CHECK_DIGIT))
        doc_break_check_digit(truth->mrz, b->t->mrz_format);
    if (doc_paint_data(b, viz) || (mrz && doc_paint_mrz(b, truth->mrz, truth->mrz_lines)))
        return -1;
    int subst = doc_has(b->spec, DEFECT_PHOTO_SUBSTITUTION);
    if ((b->t->portrait.w > 0 && doc_paint_portrait(b, subst)) || paint_pass(b, PASS_PERSONAL))
        return -1;
    if (subst && b->t->portrait.w > 0) /* without a portrait: unplaced, refused */
        doc_truth_defect(truth, DEFECT_PHOTO_SUBSTITUTION, doc_px_rect(b->mb, b->t->portrait));
    return 0;
}

/* ---------------------------------------------------------------- build */

static int check_spec(const doc_spec *spec, const doc_fonts *fonts, double max_dpi, bl_err *err) {
    if (!spec->t) return err_set(err, "no template");
    if (spec->dpi < 72 || spec->dpi > max_dpi)
        return err_set(err, "dpi %g is out of range (72..%g)", spec->dpi, max_dpi);
    if (!fonts || !fonts->sans || !fonts->sans_bold || !fonts->ocrb)
        return err_set(err, "fonts are not loaded");
    if (spec->defects >> DEFECT_COUNT) return err_set(err, "unknown defect bit set");
    if (spec->imitated && !(spec->defects >> DEFECT_COUNTERFEIT_PAPER & 1))
        return err_set(err, "imitated features belong to a counterfeit (counterfeit_paper)");
    if (spec->altered[0] && !tpl_field_of(spec->t, spec->altered))
        return err_set(err,
                       "altered: \"%s\" is not a field of %s (a holder datum such as "
                       "birth_date, or text.NAME; docs/templates.md lists them)",
                       spec->altered, spec->t->id);
    if (spec->page &&
        (spec->page < 0 || spec->page >= BOOKLET_PAGES || strcmp(spec->t->kind, "passport")))
        return err_set(err, "page %d: only a passport has pages, 0..%d", spec->page,
                       BOOKLET_PAGES - 1);
    return 0;
}

/* What a counterfeit on ordinary paper lacks, of the features this
 * template has (defect_counterfeit_implies). */
static unsigned implied_defects(const doc_spec *spec) {
    static const struct {
        defect_kind k;
        const char *feature;
    } where[] = {{DEFECT_WATERMARK_MISSING, "watermark"},
                 {DEFECT_PRINTED_WATERMARK, "watermark"},
                 {DEFECT_FIBRES_MISSING, "uv_fibres"},
                 {DEFECT_UV_EMBLEM_MISSING, "uv_emblem"},
                 {DEFECT_INTAGLIO_MISSING, "intaglio"},
                 {DEFECT_SEAL_MISSING, "emboss"},
                 {DEFECT_METAMERIC_MISMATCH, "metameric_pair"},
                 {DEFECT_PRINTED_HOLOGRAM, "hologram"},
                 {DEFECT_HOLOGRAM_MISSING, "hologram"},
                 {DEFECT_COLOUR_SHIFT_MISSING, "colour_shift"},
                 {DEFECT_COLOUR_SHIFT_WRONG, "colour_shift"},
                 {DEFECT_PERFORATION_PRINTED, "perforation"},
                 {DEFECT_CLI_STATIC, "cli"},
                 {DEFECT_RETRO_MISSING, "retroreflective"}};
    unsigned out = defect_counterfeit_implies(spec->defects, spec->imitated), have = 0;
    for (size_t i = 0; i < sizeof where / sizeof where[0]; i++)
        if (tpl_feature_of(spec->t, where[i].feature)) have |= 1u << where[i].k;
    return out & have;
}

/* The implied defects say which one they follow from (truth.json: follows_from). */
static void mark_implied(doc_truth *truth, unsigned implied) {
    for (int i = 0; i < truth->n_defects; i++) {
        int k = defect_from_id(truth->defects[i].kind);
        if (k >= 0 && implied >> k & 1)
            snprintf(truth->defects[i].of, sizeof truth->defects[i].of, "%s",
                     defect_get(DEFECT_COUNTERFEIT_PAPER)->id);
    }
}

/* What the forger printed shows its printer under the loupe: a counterfeit
 * all over, an altered field where it was reprinted. */
static int forger_prints(doc_ctx *b, int w, int h) {
    const doc_spec *spec = b->spec;
    if (doc_has(spec, DEFECT_COUNTERFEIT_PAPER))
        return doc_print_structure(b, spec->printer ? spec->printer : PRINTER_LASER,
                                   (irect){0, 0, w, h});
    const tpl_field *f = tpl_field_of(b->t, doc_alterable(spec));
    if (!doc_has(spec, DEFECT_DATA_ALTERATION_IR) || !f) return 0;
    tpl_rect fr = {(f->align_right ? f->x - f->width_mm : f->x) - 0.5, f->y - 0.3,
                   f->width_mm + 1.0, f->size_mm * 1.15 + 1.6};
    return doc_print_structure(b, spec->printer ? spec->printer : PRINTER_INKJET,
                               doc_px_rect(b->mb, fr));
}

/* The page's size in pixels at the spec's resolution. */
static void page_px(const doc_spec *spec, int *w, int *h) {
    double ppm = spec->dpi / 25.4;
    *w = (int)lround(spec->t->w_mm * ppm), *h = (int)lround(spec->t->h_mm * ppm);
}

/* Paints every step into mb (initialised by the caller, whole page or a
 * window of it); the truth is the whole page's either way. */
static int paint(const doc_spec *spec_in, const doc_fonts *fonts, matbuf *mb, doc_truth *truth,
                 bl_err *err) {
    int w = mb->page_w, h = mb->page_h;
    if (spec_in->page > 0) return doc_booklet_paint(spec_in, fonts, mb, truth, err);
    /* the painters see the counterfeit whole: its paper and all it lacks */
    doc_spec eff = *spec_in;
    unsigned implied = implied_defects(spec_in);
    eff.defects |= implied;
    const doc_spec *spec = &eff;
    doc_ctx b = {spec, spec->t, fonts, mb, truth, err, {0}};
    rng_init(&b.r, spec->seed);
    truth->w = w, truth->h = h, truth->dpi = spec->dpi;

    doc_holder viz, mrzh;
    int script_mismatch = make_holders(&b, &viz, &mrzh);
    truth->holder = viz;

    if (doc_paint_paper(&b) || paint_pass(&b, PASS_PAPER) || paint_pass(&b, PASS_OFFSET) ||
        paint_pass(&b, PASS_UV) || personalise(&b, &viz, &mrzh))
        return -1;
    if (forger_prints(&b, w, h) || doc_paint_trim(&b)) return -1;
    /* Data defects, with the regions an examiner would point at. */
    doc_truth_data_defects(&b, script_mismatch);
    /* A defect the template has no place for is an error, not a silent no-op. */
    if (doc_truth_check_placed(&b)) return -1;
    if (doc_has(spec, DEFECT_COUNTERFEIT_PAPER))
        doc_truth_defect(truth, DEFECT_COUNTERFEIT_PAPER, (irect){0, 0, w, h});
    mark_implied(truth, implied);
    return 0;
}

int doc_build(const doc_spec *spec, const doc_fonts *fonts, matbuf *mb, doc_truth *truth,
              bl_err *err) {
    memset(truth, 0, sizeof *truth);
    if (check_spec(spec, fonts, 1200, err)) return -1;
    int w, h;
    page_px(spec, &w, &h);
    if (matbuf_init(mb, w, h, spec->dpi / 25.4, err) != 0) return -1;
    if (paint(spec, fonts, mb, truth, err) == 0) return 0;
    matbuf_deinit(mb);
    return -1;
}

int doc_page_size(const doc_spec *spec, int *w, int *h, bl_err *err) {
    if (!spec->t) return err_set(err, "no template");
    if (!(spec->dpi >= 72 && spec->dpi <= DOC_REGION_MAX_DPI))
        return err_set(err, "dpi %g is out of range (72..%d)", spec->dpi, DOC_REGION_MAX_DPI);
    page_px(spec, w, h);
    return 0;
}

int doc_build_region(const doc_spec *spec, const doc_fonts *fonts, int x, int y, int w, int h,
                     matbuf *mb, doc_truth *truth, bl_err *err) {
    doc_truth *own = truth ? NULL : malloc(sizeof *own);
    if (!truth && !(truth = own)) return err_setc(err, BL_E_NOMEM, "out of memory");
    memset(truth, 0, sizeof *truth);
    int pw, ph, rc = -1;
    if (check_spec(spec, fonts, DOC_REGION_MAX_DPI, err) == 0) {
        page_px(spec, &pw, &ph);
        if (w <= 0 || h <= 0 || x < 0 || y < 0 || x + w > pw || y + h > ph)
            err_set(err, "region %d,%d %dx%d is not on the %dx%d page", x, y, w, h, pw, ph);
        else {
            /* painted with a margin, for what reads its neighbours (the
             * printer's marks), then cut to the window */
            int m = (int)ceil(PRINT_REACH_MM * spec->dpi / 25.4) + 2;
            int x0 = x - m < 0 ? 0 : x - m, y0 = y - m < 0 ? 0 : y - m;
            int x1 = x + w + m > pw ? pw : x + w + m, y1 = y + h + m > ph ? ph : y + h + m;
            if (matbuf_init_window(mb, pw, ph, x0, y0, x1 - x0, y1 - y0, spec->dpi / 25.4, err) ==
                0) {
                rc = paint(spec, fonts, mb, truth, err);
                if (rc == 0) rc = matbuf_crop(mb, x, y, w, h, err);
                if (rc != 0) matbuf_deinit(mb);
            }
        }
    }
    free(own);
    return rc;
}
