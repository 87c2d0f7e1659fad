/* finger.h - synthetic fingerprints: a finger from a seed, its impressions
 * on a live scanner, their quality, minutiae from the image, and a matcher.
 *
 * No real person's fingerprint is used or reproduced: every finger is drawn
 * from a seed and its finger position. The same (seed, position) gives the
 * same finger on every machine; other seeds give other people (relatives
 * included: nothing is inherited), other positions the same person's other
 * fingers.
 *
 * How a desk uses it (the capture screen, 1:1 verification, a watch list):
 *
 *     finger_master *m = finger_master_create(traveler_seed, 2, &err); // right index
 *     finger_capture c;
 *     finger_capture_preset(&c, FINGER_CAPTURE_GOOD, attempt_seed);   // or _random
 *     finger_impression imp;
 *     finger_impress(m, &c, &imp, &err);        // 400 x 500 px, 500 ppi, gray
 *     finger_quality_report q;
 *     finger_quality(&imp.img, &q, &err);       // recapture while q.score < FINGER_QUALITY_MIN
 *     finger_template live, ref;
 *     finger_extract(&imp.img, &live, &err);    // minutiae from the pixels only
 *     finger_match_result r;
 *     finger_match(&live, &ref, &r);            // r.score >= FINGER_MATCH_THRESHOLD: "match"
 *     finger_search(&live, gallery, n, FINGER_MATCH_THRESHOLD, cands, 10); // a candidate list
 *     finger_impression_deinit(&imp);
 *     finger_master_destroy(m);
 *
 * The truth (imp.truth: the master's minutiae where this impression shows
 * them) is for tests, scoring a trainee's minutiae marking and debriefs;
 * never for matching (finger_match reads templates made from images). A
 * trainee's mark can count when it lies within 10 px and 30 degrees of a
 * truth minutia (the tolerance the tests hold extraction to); r.pairs says
 * which minutiae the matcher paired, to show beside the trainee's pairs.
 *
 * For scenarios: a traveller is a seed, a finger a position (1..10);
 * finger_class_for picks a seed with the class a scenario wants without
 * making fingers; an injured finger is a capture with scar > 0 (the same
 * scar in every impression of that finger), a missing finger is no master
 * at all; a capture preset gives the condition (light, dry, wet, partial,
 * turned, worn) and its seed the attempt, so a recapture is the same
 * finger with another seed.
 *
 * Costs (release build, one thread): a master about 50 ms, an impression
 * about 12 ms, an extraction about 9 ms, a comparison about 0.4 ms.
 *
 * Coordinates are pixels of the image, x to the right and y down. Angles
 * are radians measured from +x towards +y (clockwise as the image is seen);
 * finger_template_iso converts to ISO/IEC 19794-2's counter-clockwise units.
 * A minutia's angle points along the ridge that ends (ending) or along the
 * valley between the two branches (bifurcation), away from the minutia:
 * the same rule for a ridge ending and its dual valley bifurcation.
 */
#ifndef BL_FINGER_H
#define BL_FINGER_H

#include <stddef.h>
#include <stdint.h>

#include "err.h"
#include "image.h"

#define FINGER_PPI          500 /* every image here is 500 ppi (19.7 px/mm) */
#define FINGER_IMG_W        400 /* the scanner's frame: 0.8 x 1.0 inch */
#define FINGER_IMG_H        500
#define FINGER_MAX_MINUTIAE 160 /* a master holds at most this many */
#define FINGER_MAX_SINGULAR 4

/* The quality below which a desk asks for another capture (finger_quality's
 * score; dry skin, half a fingertip and a very light touch mostly fall
 * below it, good touches score 85-95). */
#define FINGER_QUALITY_MIN 35

/* Pattern classes (the Henry system's five); a loop's side is as the image
 * shows it (a right loop opens to the right: the ulnar loop of a right hand). */
typedef enum finger_class {
    FINGER_ARCH = 0,
    FINGER_TENTED_ARCH,
    FINGER_LEFT_LOOP,
    FINGER_RIGHT_LOOP,
    FINGER_WHORL,
    FINGER_CLASS_COUNT
} finger_class;

/* Minutia types, with ISO/IEC 19794-2's codes. */
typedef enum finger_kind { FINGER_ENDING = 1, FINGER_BIFURCATION = 2 } finger_kind;

typedef struct finger_point {
    float x, y;
} finger_point;

typedef struct finger_minutia {
    float x, y;      /* px */
    float angle;     /* radians, [0, 2 pi), see the top of this file */
    uint8_t kind;    /* finger_kind */
    uint8_t quality; /* 0..100: how sure extraction is (100 for truth) */
    uint16_t id;     /* an impression's truth: which of the master's minutiae it is (the
                        same id in every impression of the finger); 0 elsewhere */
} finger_minutia;

/* An 8-bit grayscale image: 0 black (ridge) .. 255 white (background). */
typedef struct finger_image {
    int w, h;
    int ppi;
    uint8_t *px; /* w*h bytes, rows packed */
} finger_image;

int finger_image_init(finger_image *img, int w, int h, bl_err *err); /* white */
void finger_image_deinit(finger_image *img);
/* The same pixels as an RGBA image (for PNGs and the desk's textures). */
int finger_image_to_rgba(const finger_image *g, bl_image *out, bl_err *err);

/* ---- the finger ---- */

/* What a master finger is, in its own frame (the master's canvas, 480 x
 * 608 px; impressions move and turn it). */
typedef struct finger_info {
    int position; /* 1..10 as ISO/IEC 19794-4 numbers fingers: 1 right thumb,
                     2 right index .. 5 right little, 6 left thumb .. 10 left little */
    finger_class cls;
    int ncores, ndeltas;
    finger_point cores[FINGER_MAX_SINGULAR], deltas[FINGER_MAX_SINGULAR];
    double period; /* mean ridge period of the drawn ridges, px (about 9.5: 0.48 mm) */
    int nminutiae;
    finger_minutia minutiae[FINGER_MAX_MINUTIAE];
    double width_mm; /* the fingertip's width */
} finger_info;

typedef struct finger_master finger_master;

/* A finger from a seed and a position (1..10; anything else is refused).
 * NULL with err set on failure. */
finger_master *finger_master_create(uint64_t seed, int position, bl_err *err);
void finger_master_destroy(finger_master *m);
const finger_info *finger_master_info(const finger_master *m);

/* Class frequencies by position follow the published tallies roughly: over
 * all ten fingers loops 60-65 %, whorls about 30 %, arches about 5 %; ulnar
 * loops dominate, radial loops and arches come mostly on index fingers. */
const char *finger_class_name(finger_class c); /* "right loop" */
/* The class finger_master_create(seed, position) gives, without making the
 * finger (microseconds; FINGER_CLASS_COUNT for a bad position): for a
 * scenario that wants a whorl, or a test that wants each class. */
finger_class finger_class_for(uint64_t seed, int position);
const char *finger_position_name(int position); /* "right index" */

/* ---- an impression on the scanner ---- */

/* How the finger met the scanner. Every field has a plausible range; the
 * presets and finger_capture_random fill them. */
typedef struct finger_capture {
    double dx, dy;      /* placement: the finger's centre from the frame's, px */
    double rotation;    /* radians, + clockwise as seen; about +-0.35 (20 degrees) at most */
    double contact;     /* 0.3..1: the part of the fingertip that touched (1 all of it) */
    double contact_dir; /* radians: the side that did not touch when contact < 1 */
    double pressure;    /* 0 very light (thin, broken ridges) .. 0.5 normal .. 1 heavy
                           (wide, merging ridges; a larger contact) */
    double dryness;     /* 0..1: broken ridges, faint patches */
    double wetness;     /* 0..1: smudged, valleys filled */
    double wear;        /* 0..1: flattened ridges (manual work, age) */
    double scar;        /* 0 no injury, 0..1 a healed scar crossing the ridges (the finger's own
                           scar: the same place in every impression), above 1 a fresh cut */
    double distortion;  /* 0..1 elastic skin distortion (1: about 8 px at the contact's edge) */
    double noise;       /* 0..1 sensor noise */
    uint64_t seed;      /* the noise, the contact's outline and the distortion field */
} finger_capture;

typedef enum finger_capture_kind {
    FINGER_CAPTURE_GOOD = 0, /* centred, normal pressure, clean skin */
    FINGER_CAPTURE_LIGHT,    /* too light a touch */
    FINGER_CAPTURE_HEAVY,    /* pressed hard */
    FINGER_CAPTURE_DRY,
    FINGER_CAPTURE_WET,
    FINGER_CAPTURE_PARTIAL, /* a fingertip only half on the glass */
    FINGER_CAPTURE_ROTATED, /* turned 20 degrees and off centre */
    FINGER_CAPTURE_WORN,
    FINGER_CAPTURE_SCARRED, /* the finger's scar shows */
    FINGER_CAPTURE_KIND_COUNT
} finger_capture_kind;

void finger_capture_preset(finger_capture *c, finger_capture_kind kind, uint64_t seed);
/* A capture as travellers at a counter give them: mostly good, some light,
 * heavy, dry, wet, partial or turned (the bench's and a desk's default). */
void finger_capture_random(finger_capture *c, uint64_t seed);
const char *finger_capture_name(finger_capture_kind kind);

typedef struct finger_impression {
    finger_image img; /* FINGER_IMG_W x FINGER_IMG_H, white background, dark ridges */
    int ntruth;
    finger_minutia truth[FINGER_MAX_MINUTIAE]; /* the master's minutiae this image shows */
    int ncores, ndeltas;                       /* the master's singular points in the image */
    finger_point cores[FINGER_MAX_SINGULAR], deltas[FINGER_MAX_SINGULAR];
    double contact_px; /* pixels the finger touched */
} finger_impression;

/* Renders an impression. */
int finger_impress(const finger_master *m, const finger_capture *c, finger_impression *out,
                   bl_err *err);
void finger_impression_deinit(finger_impression *imp);

/* ---- quality ---- */

/* An NFIQ-like quality from the image alone (never from how it was made).
 * score 0..100, higher is better, like NFIQ 2; level 1..5 like NFIQ 1's
 * (1 excellent .. 5 poor), by our own cut points (level 1 from 70, 2 from 55,
 * 3 from 40, 4 from 20; NIST publishes no official mapping). The parts are
 * shown to trainees as the reasons. */
typedef struct finger_quality_report {
    int score;          /* 0..100 */
    int level;          /* 1 excellent .. 5 poor */
    double area;        /* foreground relative to a full flat fingertip, 0..1 */
    double orientation; /* mean orientation certainty (coherence) in the foreground, 0..1 */
    double clarity;     /* ridge/valley separation, 0..1 */
    double frequency;   /* share of the foreground with a plausible ridge period, 0..1 */
    double period;      /* the median ridge period measured, px (9 px is 0.46 mm at 500 ppi) */
    int minutiae;       /* how many minutiae extraction finds */
} finger_quality_report;

int finger_quality(const finger_image *img, finger_quality_report *q, bl_err *err);

/* ---- minutiae, comparison, search ---- */

typedef struct finger_template {
    int w, h, ppi;
    int quality; /* finger_quality's score of the image, 0..100 */
    int n;
    finger_minutia m[FINGER_MAX_MINUTIAE];
    int ncores, ndeltas; /* singular points seen in the image (Poincare index) */
    finger_point cores[FINGER_MAX_SINGULAR], deltas[FINGER_MAX_SINGULAR];
} finger_template;

/* Minutiae from an image: segmentation, orientation and frequency fields,
 * contextual enhancement, binarisation, thinning, crossing numbers, and
 * false minutiae removed (near the edge, broken ridges, spurs, bridges,
 * clusters). */
int finger_extract(const finger_image *img, finger_template *t, bl_err *err);

/* Score threshold for 1:1 verification, chosen by `borderlab bench
 * biometrics` for a false match rate at most 0.1 % (README, Biometrics). */
#define FINGER_MATCH_THRESHOLD 35.0
#define FINGER_MAX_PAIRS       64

typedef struct finger_match_result {
    double score; /* 0..100; at or above FINGER_MATCH_THRESHOLD the prints match */
    int npairs;   /* minutiae paired after alignment */
    int pairs[FINGER_MAX_PAIRS][2]; /* index into a->m, index into b->m */
    double dx, dy, rotation;        /* b ~ rotate(a, rotation) + (dx, dy) */
} finger_match_result;

/* Compares two templates (1:1): aligns by the best local neighbourhoods,
 * pairs minutiae within tolerances, scores the pairing against the minutiae
 * both prints could share. Symmetric in its score up to rounding. */
double finger_match(const finger_template *a, const finger_template *b, finger_match_result *r);

/* A 1:N candidate list, best first: at most cap gallery entries scoring at
 * least `threshold` (use FINGER_MATCH_THRESHOLD). It is a list for an
 * examiner to verify one by one, never an identification: even a single
 * candidate may be someone else (false matches grow with the gallery). */
typedef struct finger_candidate {
    int index;    /* into the gallery */
    double score; /* finger_match's */
} finger_candidate;

int finger_search(const finger_template *probe, const finger_template *gallery, int n,
                  double threshold, finger_candidate *out, int cap);

/* An ISO/IEC 19794-2:2005-like finger minutiae record (one finger view, no
 * extended data) into out; returns the bytes it needs (write only if <= cap). */
size_t finger_template_iso(const finger_template *t, int position, uint8_t *out, size_t cap);

#endif
