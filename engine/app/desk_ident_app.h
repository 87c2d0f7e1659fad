/* desk_ident_app.h - the identity panel's contents, made by the app for the
 * traveler at the counter (desk_ident_app.c, desk_ident_fingers.c); private
 * to the running desk. */
#ifndef BL_DESK_IDENT_APP_H
#define BL_DESK_IDENT_APP_H

#include "chip.h"
#include "desk_app_int.h"
#include "finger.h"
#include "ident_face.h"

#define APP_IDENT_CACHE  48
#define APP_SCAN_FINGERS 4  /* the scanner takes the index and middle fingers */
#define APP_GALLERY      12 /* watch-list records the 1:N search runs through */

/* One finger at the scanner: each capture, its quality, and the template the
 * 1:1 and 1:N comparisons use (the first capture good enough). */
typedef struct app_scan_finger {
    int position;
    finger_impression imp[IDENT_ATTEMPTS];
    int have[IDENT_ATTEMPTS];
    int quality[IDENT_ATTEMPTS];
    finger_template probe;
    int have_probe;
} app_scan_finger;

typedef struct app_ident {
    desk_ident_info info;
    int first; /* the traveler's first document's slot (-1: none) */
    ident_faces faces;
    int have_faces;
    chip chip;
    int have_chip;
    chip_result res;
    bl_image chip_face; /* DG2, decoded */
    /* DG3's prints as the chip gives them (n_ref: how many) */
    int n_ref;
    chip_finger_image ref[CHIP_MAX_FINGERS];
    finger_impression ref_imp[2]; /* what was enrolled into DG3 (the index fingers) */
    uint64_t ref_person;          /* whose fingers DG3 holds */
    app_scan_finger scan[APP_SCAN_FINGERS];
    /* the watch list's candidates: their photos */
    face_params cand_face[IDENT_CANDIDATES];
    /* the database records' photos (the systems panel's hits) */
    face_params rec_face[SYS_LISTS][SYS_HITS];
    unsigned char have_rec[SYS_LISTS][SYS_HITS];
    struct app_ident_tex {
        int pic, b, c;
        plat_tex *t;
    } cache[APP_IDENT_CACHE];
    int n_cache;
} app_ident;

/* Builds what the panel shows for the current traveler (after their
 * documents: first_slot is their first document's, -1 none) and hands it to
 * the desk (desk_set_ident_info). */
int app_ident_load(desk_app *a, int first_slot, bl_err *err);
void app_ident_free(desk_app *a);
/* The panel's picture (TEX_IDENT a, b, c), made on first use; NULL when it
 * cannot be (an empty frame is drawn). */
plat_tex *app_ident_tex(desk_app *a, int pic, int b, int c);

/* desk_ident_fingers.c: the prints DG3 holds (the document's holder's, or
 * another person's in a cloned chip), as chip_build takes them; returns how
 * many (their pixels stay in id until app_ident_fingers_free). */
int app_ident_chip_fingers(app_ident *id, const doc_slot *s, int defect, chip_finger *out);
/* The scanner's captures, their qualities, the 1:1 scores against DG3 and
 * the watch list's candidates, into id->info. */
int app_ident_fingers(desk_app *a, app_ident *id, bl_err *err);
void app_ident_fingers_free(app_ident *id);
/* A capture (b finger, c attempt), DG3's print of finger b, or candidate c's
 * photo, as RGBA. */
int app_ident_finger_picture(desk_app *a, app_ident *id, int pic, int b, int c, bl_image *out,
                             bl_err *err);

#endif
