/* render_out.h - render a document and write its images and truth file.
 * Everything is rendered in memory first; each file is then written
 * atomically, so a failure never leaves a half-written image. */
#ifndef BL_RENDER_OUT_H
#define BL_RENDER_OUT_H

#include "doc.h"

typedef struct render_request {
    doc_spec spec;
    double tilt;     /* degrees, -45..45: visible, oblique and coaxial views of a tilted document */
    int chip_defect; /* chip_defect (chip.h); an eMRTD's data page also writes DIR/chip/
                        (render_chip.h) */
} render_request;

/* Defaults: dpi 300, today 2026-06-01, no defects, generated holder. */
void render_request_init(render_request *rq);

int render_write_light(const render_request *rq, light_kind l, const char *path, bl_err *err);
int render_write_dir(const render_request *rq, const char *dir, bl_err *err);

/* An academy's captured document (capture.h) shown the same way: one light,
 * or every captured light plus truth.json. */
int render_capture_light(const char *capture_dir, light_kind l, const char *path, bl_err *err);
int render_capture_dir(const char *capture_dir, const char *dir, bl_err *err);

#endif
