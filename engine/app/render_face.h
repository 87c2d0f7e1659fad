/* render_face.h - `borderlab render --face`: a generated face and a related
 * one, as portraits and counter captures, with what differs (face.h). */
#ifndef BL_RENDER_FACE_H
#define BL_RENDER_FACE_H

#include <stdint.h>

#include "err.h"

typedef struct render_face_request {
    uint64_t seed;
    int relation; /* face_relation, -1: the face alone */
    int years;    /* AGED: years later; SIBLING: the age gap (0: drawn) */
    char sex;     /* 'F', 'M' or 0 (the seed's) */
    int age;      /* > 0: the person's age in the portrait */
    int width;    /* pixels (default 413: 35 mm at 300 dpi) */
} render_face_request;

/* Writes DIR/face.png, face-camera.png, related.png, related-camera.png (with
 * a relation) and face.json; each file whole or not at all. */
int render_face(const render_face_request *rq, const char *dir, bl_err *err);

/* The captioned pictures of docs/biometrics.md into DIR (render_face_sheet.c). */
int render_face_sheets(const char *dir, bl_err *err);

/* `borderlab render --face ...` or `--face-sheets DIR` (cmd_render.c hands its
 * command line over). */
int cmd_render_face(int argc, char **argv);

#endif
