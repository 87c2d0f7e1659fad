/* face.h - generated faces: document portraits and travelers at the counter.
 *
 * No photographs of real people: every face is drawn from a small set of
 * parameters derived from a seed. The same generator serves the document
 * portrait, the ghost image and the traveler the desk shows, so an impostor can
 * be made as a subtle variation of the photo's parameters (face_vary).
 */
#ifndef BL_FACE_H
#define BL_FACE_H

#include <stdint.h>

typedef struct face_params {
    double face_w, face_h; /* head half-width / half-height, fractions of the frame */
    double jaw;            /* 0 round chin .. 1 square jaw */
    double skin;           /* 0 light .. 1 dark */
    int hair_style;        /* 0 short, 1 long, 2 bald, 3 headscarf, 4 curly */
    double hair_tone;      /* 0 black .. 1 fair */
    double eye_y, eye_dx, eye_size;
    double brow_tilt, brow_thick;
    double nose_len, nose_w;
    double mouth_w, mouth_y, lip;
    double ear_size;
    int beard;         /* 0 none, 1 beard */
    int glasses;       /* 0 none, 1 glasses */
    double age;        /* 0 young .. 1 old (lines) */
    double shirt_tone; /* 0 .. 1 */
} face_params;

/* Derives a face from a seed. */
void face_from_seed(uint64_t seed, face_params *p);

/* Shifts a face by `amount` (0.1 subtle .. 1 a different person) with its own
 * seed: what an impostor's face is to the document photo. */
void face_vary(face_params *p, uint64_t seed, double amount);

/* Makes a face look `years` old: a child's rounder, smaller face with larger
 * eyes, a short nose and no beard; a teenager's without beard or lines; an
 * adult's lines growing with age. */
void face_fit_age(face_params *p, int years);

/* Draws a head-and-shoulders portrait into an RGBA buffer (stride in bytes).
 * `gray` renders a neutral greyscale (laser-engraved portraits). */
void face_render(const face_params *p, uint8_t *rgba, int w, int h, int stride, int gray);

/* Only the window (wx, wy, ww, wh) of that w x h portrait, into an ww x wh
 * buffer: the same pixels, at the cost of the window's (the loupe's 2400
 * dpi region of a portrait). */
void face_render_window(const face_params *p, uint8_t *rgba, int w, int h, int wx, int wy, int ww,
                        int wh, int stride, int gray);

#endif
