/* doc_person.c - personalisation (doc_kit.h lists the painters): the portrait
 * and its ghost image, the signature, the data in the visual zone and the
 * MRZ, for the holder doc_build gives. Photo substitution, IR-transparent
 * alteration and a broken check digit are made here, at the step a forger
 * changes. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "doc_kit.h"
#include "mrz.h"

/* A substituted photo in r: the face `px` (the part c of it the buffer
 * holds, c.w x c.h, RGBA) as a colour dye print on photo paper that hides
 * the page's print, and the new laminate's edge as a ridge around it. */
static int paint_photo(doc_ctx *b, irect r, irect c, const uint8_t *px) {
    matbuf *mb = b->mb;
    int photo_sub = matbuf_substrate(mb, mat_substrate_find("photo_paper"));
    /* Dye photo: a few sepia-ish tones of an IR-transparent ink. */
    static const char *ids[4] = {"photo_dye_0", "photo_dye_1", "photo_dye_2", "photo_dye_3"};
    int inks[4];
    for (int k = 0; k < 4; k++) {
        mat_ink ink = mat_ink_process(ids[k], (uint8_t)(150 - 30 * k), (uint8_t)(110 - 25 * k),
                                      (uint8_t)(95 - 22 * k));
        ink.ir_abs = 0;
        if ((inks[k] = matbuf_ink(mb, &ink)) < 0) return err_set(b->err, "too many inks");
    }
    for (int y = 0; y < c.h; y++)
        for (int x = 0; x < c.w; x++) {
            int X = c.x + x, Y = c.y + y;
            const uint8_t *p = px + ((size_t)y * c.w + x) * 4;
            int lum = (p[0] * 3 + p[1] * 5 + p[2] * 2) / 10;
            size_t i = matbuf_at(mb, X, Y);
            mb->sub[i] = (uint8_t)photo_sub;
            /* the photo covers whatever was printed on the page there */
            mb->cov[LAYER_BG][i] = mb->ink[LAYER_BG][i] = 0;
            mb->cov[LAYER_UV][i] = mb->ink[LAYER_UV][i] = 0;
            int k = p[0] > p[2] + 25 ? 0 : lum > 150 ? 1 : lum > 90 ? 2 : 3;
            matbuf_set(mb, LAYER_FG, X, Y, inks[k], 255 - lum);
        }
    /* The new laminate's edge: a ridge around the photo. */
    int ridge = (int)fmax(1, 0.25 * mb->px_per_mm);
    irect e = doc_clip(mb, (irect){r.x - ridge, r.y - ridge, r.w + 2 * ridge, r.h + 2 * ridge});
    for (int y = e.y; y < e.y + e.h; y++)
        for (int x = e.x; x < e.x + e.w; x++) {
            if (x < 0 || y < 0 || x >= mb->page_w || y >= mb->page_h) continue;
            int inside = x >= r.x && x < r.x + r.w && y >= r.y && y < r.y + r.h;
            int din = inside
                          ? fmin(fmin(x - r.x, r.x + r.w - 1 - x), fmin(y - r.y, r.y + r.h - 1 - y))
                          : 0;
            if (!inside || din < ridge) mb->relief[matbuf_at(mb, x, y)] = 120;
        }
    return 0;
}

/* A laser-engraved face: the greyscale `px` (r.w x r.h, RGBA) in carbon
 * black, or for the ghost image in a faint grey at low contrast. */
static int engrave(doc_ctx *b, irect r, const uint8_t *px, int ghost) {
    matbuf *mb = b->mb;
    int ink = doc_ink(mb, ghost ? "ghost_grey" : "laser_black", b->err);
    if (ink < 0) return -1;
    for (int y = 0; y < r.h; y++)
        for (int x = 0; x < r.w; x++) {
            const uint8_t *p = px + ((size_t)y * r.w + x) * 4;
            int dark = 255 - p[0];
            if (ghost) dark = dark * 45 / 100; /* low contrast */
            matbuf_set(mb, LAYER_FG, r.x + x, r.y + y, ink, dark);
        }
    return 0;
}

/* Portrait and ghost image. Genuine: laser-engraved greyscale (carbon, dark in
 * IR). Substituted: another person's colour photograph on photo paper, glued
 * in under a new laminate whose edge stands up under raking light. */
static int paint_portrait(doc_ctx *b, irect r, int ghost, int substituted) {
    if (r.w <= 0 || r.h <= 0) return 0;
    face_params fp;
    if (ghost) { /* the ghost image keeps the holder's true face */
        doc_spec genuine = *b->spec;
        genuine.defects = 0;
        doc_portrait_face(&genuine, &b->truth->holder, &fp);
    } else {
        doc_portrait_face(b->spec, &b->truth->holder, &fp);
    }
    irect c = doc_clip(b->mb, r); /* the part of it the buffer holds */
    uint8_t *px = malloc((size_t)(c.w > 0 ? c.w : 1) * (size_t)(c.h > 0 ? c.h : 1) * 4);
    if (!px) return err_set(b->err, "out of memory for the portrait");
    face_render_window(&fp, px, r.w, r.h, c.x - r.x, c.y - r.y, c.w, c.h, c.w * 4,
                       !(substituted && !ghost));
    int rc = substituted && !ghost ? paint_photo(b, r, c, px) : engrave(b, c, px, ghost);
    free(px);
    return rc;
}

int doc_paint_portrait(doc_ctx *b, int substituted) {
    irect r = doc_px_rect(b->mb, b->t->portrait);
    if (paint_portrait(b, r, 0, substituted)) return -1;
    doc_truth_feature(b->truth, "portrait", "portrait", r,
                      LIGHT_BIT(LIGHT_VISIBLE) | LIGHT_BIT(LIGHT_IR));
    return 0;
}

int doc_paint_ghost(doc_ctx *b, const tpl_feature *f) {
    int rc = paint_portrait(b, doc_px_rect(b->mb, f->r), 1, 0);
    doc_truth_feature(b->truth, f->id, f->kind, doc_px_rect(b->mb, f->r), LIGHT_BIT(LIGHT_VISIBLE));
    return rc;
}

int doc_note_ir(doc_ctx *b, const tpl_feature *f) {
    doc_truth_feature(b->truth, f->id, f->kind, doc_px_rect(b->mb, f->r), LIGHT_BIT(LIGHT_IR));
    return 0;
}

/* What removing the old entry left before the new one was printed: the
 * paper's surface roughened where it was scraped (raking light shows the
 * abrasion), and a halo where a solvent washed the ink out (the treated
 * paper fluoresces under 365 nm). Neither shows in white light, infrared
 * or against the light. */
static int alteration_traces(doc_ctx *b, const tpl_field *f) {
    matbuf *mb = b->mb;
    double ppm = mb->px_per_mm;
    tpl_rect fr = {f->align_right ? f->x - f->width_mm : f->x, f->y + 0.2, f->width_mm,
                   f->size_mm * 1.15 + 0.8};
    irect r = doc_px_rect(mb, fr);
    int stain = doc_ink(mb, "wash_stain", b->err);
    if (stain < 0) return -1;
    uint64_t seed = rng_derive(b->spec->seed, "alteration");
    double halo = 1.6 * ppm, cx = r.x + r.w * 0.5, cy = r.y + r.h * 0.5;
    irect all = {r.x - (int)halo, r.y - (int)halo, r.w + 2 * (int)halo, r.h + 2 * (int)halo};
    irect cl = doc_clip(mb, all);
    for (int y = cl.y; y < cl.y + cl.h; y++)
        for (int x = cl.x; x < cl.x + cl.w; x++) {
            /* the solvent spread in a soft-edged oval beyond the field */
            double dx = (x + 0.5 - cx) / (r.w * 0.5 + halo),
                   dy = (y + 0.5 - cy) / (r.h * 0.5 + halo);
            double d = sqrt(dx * dx + dy * dy);
            if (d < 1) matbuf_paint(mb, LAYER_UV, x, y, stain, (int)(150 * fmin(1, (1 - d) * 4)));
            /* scraped: the fibres raised in a patchy grain inside the field */
            int in = x >= r.x && x < r.x + r.w && y >= r.y && y < r.y + r.h;
            uint8_t *rl = &mb->relief[matbuf_at(mb, x, y)];
            /* grain of 0.05 mm cells: the same at every resolution and in
             * any window of the page */
            uint64_t h = doc_cell_hash(seed, ppm, x, y, 0.05);
            if (in && (h & 255) < 115) *rl = (uint8_t)fmax(*rl, 40 + (h >> 8) % 60);
        }
    return 0;
}

/* The text printed for a field in the visual zone. */
static void field_value(const doc_holder *h, const tpl *t, const char *key, char *out, size_t cap) {
    out[0] = '\0';
    if (!strcmp(key, "document_code"))
        doc_copy(out, cap, t->document_code);
    else if (!strcmp(key, "issuing_state"))
        doc_copy(out, cap, t->issuing_state);
    else if (!strcmp(key, "document_number"))
        doc_copy(out, cap, h->document_number);
    else if (!strcmp(key, "passport_number"))
        doc_copy(out, cap, h->passport_number);
    else if (!strcmp(key, "surname"))
        doc_copy(out, cap, h->surname);
    else if (!strcmp(key, "given_names"))
        doc_copy(out, cap, h->given_names);
    else if (!strcmp(key, "surname_native"))
        doc_copy(out, cap, h->surname_native);
    else if (!strcmp(key, "given_names_native"))
        doc_copy(out, cap, h->given_names_native);
    else if (!strcmp(key, "nationality"))
        doc_copy(out, cap,
                 !strcmp(h->nationality, t->issuing_state) && t->nationality_name[0]
                     ? t->nationality_name
                     : h->nationality);
    else if (!strcmp(key, "birth_date"))
        date_display(h->birth, out, (unsigned)cap);
    else if (!strcmp(key, "sex"))
        doc_copy(out, cap, h->sex);
    else if (!strcmp(key, "place_of_birth"))
        doc_copy(out, cap, h->place_of_birth);
    else if (!strcmp(key, "place_of_birth_native"))
        doc_copy(out, cap, h->place_of_birth_native);
    else if (!strcmp(key, "issue_date") || !strcmp(key, "valid_from"))
        date_display(h->issue, out, (unsigned)cap);
    else if (!strcmp(key, "expiry_date"))
        date_display(h->expiry, out, (unsigned)cap);
    else if (!strcmp(key, "authority"))
        doc_copy(out, cap, h->authority);
    else if (!strcmp(key, "personal_number"))
        doc_copy(out, cap, h->personal_number);
    else if (!strcmp(key, "visa_type"))
        doc_copy(out, cap, h->visa_type);
    else if (!strcmp(key, "entries"))
        doc_copy(out, cap, h->entries);
    else if (!strcmp(key, "duration"))
        doc_copy(out, cap, h->duration);
}

/* The holder data a text may name in braces (doc.h, doc_text). */
static const char *const text_holder_keys[] = {
    "surname",        "given_names", "surname_native",        "given_names_native",
    "place_of_birth", "birth_date",  "place_of_birth_native", "sex"};

/* One "{KEY}" or "{birth_date+N}" (N days later, N may be negative) at
 * s[0] == '{': its text into out, and the number of bytes it spans; 0 when
 * it names no datum (the brace is then printed as written). A text of the
 * scenario's of that name stands for the datum ("place_of_birth" set in
 * texts moves the registry's town with it), printed as given. */
static size_t holder_placeholder(const char *s, const doc_spec *spec, const doc_holder *h,
                                 char *out, size_t cap) {
    const char *end = strchr(s, '}');
    if (!end || end - s > 40) return 0;
    char key[48];
    size_t n = (size_t)(end - s - 1);
    memcpy(key, s + 1, n);
    key[n] = '\0';
    char *sign = strpbrk(key, "+-");
    long days = 0;
    if (sign) {
        char *stop;
        days = strtol(sign, &stop, 10);
        if (*stop || stop == sign + 1 || days < -36600 || days > 36600) return 0;
        *sign = '\0';
        if (strcmp(key, "birth_date")) return 0; /* only a date moves */
    }
    size_t k = 0, nk = sizeof text_holder_keys / sizeof text_holder_keys[0];
    while (k < nk && strcmp(key, text_holder_keys[k]))
        k++;
    if (k == nk) return 0;
    for (int i = 0; !sign && i < spec->n_texts && i < DOC_MAX_TEXTS; i++)
        if (!strcmp(spec->texts[i].key, key)) {
            doc_copy(out, cap, spec->texts[i].value);
            return n + 2;
        }
    if (sign)
        date_display(date_from_days(date_to_days(h->birth) + days), out, (unsigned)cap);
    else
        field_value(h, spec->t, key, out, cap);
    return n + 2;
}

/* A "text.KEY" field's text: the scenario's, else the template's default,
 * with the holder's data put where it names them in braces ("MARCUS
 * {surname}", "{birth_date+3}"), so that a civil record's parents and
 * registration agree with whoever its holder is. */
static void text_value(const doc_spec *spec, const doc_holder *h, const tpl_field *f, char *out,
                       size_t cap) {
    const char *src = f->value;
    for (int i = 0; i < spec->n_texts && i < DOC_MAX_TEXTS; i++)
        if (!strcmp(spec->texts[i].key, f->key + 5)) src = spec->texts[i].value;
    size_t o = 0;
    out[0] = '\0';
    while (*src && o + 1 < cap) {
        char part[128];
        size_t used = *src == '{' ? holder_placeholder(src, spec, h, part, sizeof part) : 0;
        if (!used) {
            out[o++] = *src++;
            out[o] = '\0';
            continue;
        }
        doc_copy(out + o, cap - o, part);
        o += strlen(out + o);
        src += used;
    }
}

int doc_make_mrz(doc_ctx *b, const doc_holder *h, char lines[3][48], int *n) {
    return doc_mrz_lines(b->t, h, lines, n, b->err);
}

int doc_mrz_lines(const tpl *t, const doc_holder *h, char lines[3][48], int *n, bl_err *err) {
    if (t->mrz_format == TPL_NO_MRZ) return err_set(err, "%s has no MRZ", t->id);
    mrz_fields f;
    memset(&f, 0, sizeof f);
    doc_copy(f.document_code, sizeof f.document_code, t->document_code);
    doc_copy(f.issuing_state, sizeof f.issuing_state, t->issuing_state);
    doc_copy(f.document_number, sizeof f.document_number, h->document_number);
    doc_copy(f.nationality, sizeof f.nationality, h->nationality);
    date_yymmdd(h->birth, f.birth_date);
    doc_copy(f.sex, sizeof f.sex, h->sex);
    date_yymmdd(h->expiry, f.expiry_date);
    /* The MRZ carries the Latin name of the visual zone, as issuing states
     * print it (a bilingual page's Arabic-script name has its Latin form
     * beside it); mrz_make transliterates what Latin letters need it (Doc
     * 9303 Part 3) and truncates. See docs/mrz.md. */
    doc_copy(f.surname, sizeof f.surname, h->surname);
    doc_copy(f.given_names, sizeof f.given_names, h->given_names);
    if (t->mrz_format == MRZ_TD3)
        doc_copy(f.optional_data, sizeof f.optional_data, h->personal_number);
    char out[3][45];
    if (mrz_make((mrz_format)t->mrz_format, &f, out, n, err) != 0) return err_prefix(err, "MRZ");
    for (int i = 0; i < *n; i++)
        doc_copy(lines[i], 48, out[i]);
    return 0;
}

void doc_break_check_digit(char lines[3][48], int fmt) {
    char *c = fmt == MRZ_TD1 ? &lines[0][14] : &lines[1][9];
    if (*c >= '0' && *c <= '9')
        *c = (char)('0' + (*c - '0' + 3) % 10);
    else
        *c = '7';
}

int doc_paint_mrz(doc_ctx *b, const char lines[3][48], int n) {
    matbuf *mb = b->mb;
    int ink = doc_ink(mb, "b900_black", b->err);
    if (ink < 0) return -1;
    const tpl_rect *z = &b->t->mrz;
    double pitch = 2.54, em = 3.1; /* OCR-B size 1: 10 characters per inch */
    double line_gap = z->h / (n + 0.2);
    for (int l = 0; l < n; l++) {
        double base = z->y + line_gap * (l + 0.5) + em * 0.35;
        for (int i = 0; lines[l][i]; i++) {
            char ch[2] = {lines[l][i], 0};
            if (doc_draw_text(mb, b->fonts, b->fonts->ocrb, ch, z->x + i * pitch, base, em,
                              LAYER_FG, ink, 0, 0, b->err) < 0)
                return -1;
        }
    }
    return 0;
}

int doc_paint_data(doc_ctx *b, const doc_holder *viz) {
    matbuf *mb = b->mb;
    const tpl *t = b->t;
    int lab = doc_ink(mb, t->label_ink, b->err);
    int val = doc_ink(mb, "laser_black", b->err);
    int alt = doc_ink(mb, "ir_transparent_black", b->err);
    if (lab < 0 || val < 0 || alt < 0) return -1;
    /* Fixed texts: state name, document title (intaglio where relief is set). */
    for (int i = 0; i < t->n_texts; i++) {
        const tpl_text *x = &t->texts[i];
        int ink = doc_ink(mb, x->ink, b->err);
        if (ink < 0) return -1;
        int relief = doc_has(b->spec, DEFECT_INTAGLIO_MISSING) ? 0 : x->relief;
        if (doc_draw_text(mb, b->fonts, x->bold ? b->fonts->sans_bold : b->fonts->sans, x->text,
                          x->x, x->y, x->size_mm, x->relief ? LAYER_FG : LAYER_BG, ink, relief,
                          x->align_right, b->err) < 0)
            return -1;
    }
    for (int i = 0; i < t->n_fields; i++) {
        const tpl_field *f = &t->fields[i];
        char v[160];
        if (!strncmp(f->key, "text.", 5))
            text_value(b->spec, viz, f, v, sizeof v);
        else
            field_value(viz, t, f->key, v, sizeof v);
        if (f->label[0] && doc_draw_text(mb, b->fonts, b->fonts->sans, f->label, f->x, f->y, 1.5,
                                         LAYER_BG, lab, 0, f->align_right, b->err) < 0)
            return -1;
        if (!v[0]) continue;
        /* the document's own number: where the "D" of an examination looks */
        if (!strcmp(f->key, "document_number")) {
            tpl_rect nr = {f->align_right ? f->x - f->width_mm : f->x, f->y, f->width_mm,
                           f->size_mm * 1.15 + 2.2};
            doc_truth_feature(b->truth, "document_number", "document_number", doc_px_rect(mb, nr),
                              LIGHT_BIT(LIGHT_VISIBLE));
        }
        int altered =
            doc_has(b->spec, DEFECT_DATA_ALTERATION_IR) && !strcmp(f->key, doc_alterable(b->spec));
        if (altered && alteration_traces(b, f) != 0) return -1;
        if (doc_draw_text(mb, b->fonts, b->fonts->sans_bold, v, f->x, f->y + 0.6 + f->size_mm,
                          f->size_mm, LAYER_FG, altered ? alt : val, 0, f->align_right, b->err) < 0)
            return -1;
    }
    return 0;
}
