/* capture.h - an academy's own captured document: images per light + a region file.
 *
 * Academies photograph real specimens on a video spectral comparator. Those
 * images are their data, not ours; borderlab shows them the same way as a
 * rendered document. A capture is a folder:
 *
 *   regions.json      which file holds which light, and the regions
 *   visible.png ...   PNG or JPEG, one per light that was captured (same size)
 *
 * regions.json:
 *   {
 *     "id": "academy-specimen-17",                     (required, for logs)
 *     "name": "Utopia passport, data page",            (optional, shown at the desk)
 *     "size_mm": [125, 88],                            (optional; default 125 mm
 *                                                       wide, as tall as the images say)
 *     "mrz": ["P<UTO...", "L898902C3..."],             (optional: the MRZ as printed,
 *                                                       for the desk's MRZ reader)
 *     "lights": {"visible": "vis.jpg", "uv": "uv.png"}, (optional; default
 *                                                       <light>.png or .jpg if present)
 *     "features": [{"id": "uv_emblem", "kind": "uv_emblem",
 *                   "region_px": [x, y, w, h], "lights": ["uv"]}],
 *     "defects":  [{"id": "d1", "kind": "photo_substitution",
 *                   "region_px": [x, y, w, h], "lights": ["uv", "oblique"]}]
 *   }
 * Defect kinds must be borderlab's (defect.h) so findings can be scored;
 * feature kinds are free text. Regions must lie inside the images.
 */
#ifndef BL_CAPTURE_H
#define BL_CAPTURE_H

#include "doc.h"
#include "err.h"
#include "image.h"
#include "light.h"

#define CAPTURE_DEFAULT_W_MM 125.0 /* an ID-3 passport page: what academies capture most */

typedef struct capture_regions {
    char id[64];
    char name[96];
    double size_mm[2]; /* 0, 0 when the region file says none */
    char mrz[3][48];
    int mrz_lines;
    char files[LIGHT_COUNT][256]; /* "" where the region file names none */
    int n_features;
    doc_item features[DOC_MAX_ITEMS];
    int n_defects;
    doc_item defects[DOC_MAX_ITEMS];
} capture_regions;

typedef struct capture {
    capture_regions regions;
    light_set have; /* which lights were captured */
    bl_image img[LIGHT_COUNT];
    int w, h;
} capture;

/* Parses a region file from memory (any bytes; `name` is used in messages).
 * Does not check regions against image sizes: capture_load does. */
int capture_regions_parse(capture_regions *out, const char *json, size_t len, const char *name,
                          bl_err *err);

/* Loads a capture folder: the region file, then each light's image; all
 * images must have one size and every region must lie inside it. */
int capture_load(capture *c, const char *dir, bl_err *err);
void capture_unload(capture *c);

/* The same checks from the images' headers, without decoding them: the
 * region file, which lights were captured and their size (img stays empty).
 * What scoring and `check` need, cheaply. */
int capture_probe(capture *c, const char *dir, bl_err *err);

/* The document's size in millimetres: the region file's, or 125 mm wide
 * and as tall as the images' proportions say. */
void capture_size_mm(const capture *c, double *w_mm, double *h_mm);

/* The capture as borderlab's documents are described: a one-sided template
 * of its size (kind "capture") and its truth at the images' resolution
 * (features, defects, the MRZ as printed). */
void capture_as_doc(const capture *c, tpl *t, doc_truth *tr);

/* The capture's truth as the JSON object render writes (caller frees). */
char *capture_truth_json(const capture *c);

#endif
