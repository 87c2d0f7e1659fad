/* desk_ident_app.c - what the identity panel (engine/core/desk_ident.h)
 * shows of the traveler at the counter: the chip of their first eMRTD as the
 * reader reads it (chip.h: built, then passive authentication against the
 * desk's master list), the face the counter camera sees and the printed
 * portrait (ident_face.h), the gate's face score, and the fingerprint
 * scanner's captures (desk_ident_fingers.c); and the panel's pictures
 * (TEX_IDENT), made when first drawn and kept until the traveler leaves. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "chip.h"
#include "desk_ident_app.h"
#include "ident_face.h"
#include "loupe.h"
#include "scenario.h"

#define CAM_W 400 /* the pictures' size before a region is cut from them */
#define CAM_H 500

/* The chip as the reader finds it, into the desk's words: each check passed,
 * failed or not made. */
static void chip_checks(const chip_result *r, desk_ident_info *in) {
    in->chip_answer = r->verdict != CHIP_VERDICT_NO_ANSWER;
    if (!in->chip_answer) return;
    for (int l = 0; l < r->mrz_lines && l < 3; l++)
        memcpy(in->dg1[l], r->mrz[l], sizeof in->dg1[l]);
    in->dg1_lines = r->mrz_lines;
    static const int map[3] = {-1, 1, 0}; /* chip_check: not run, passed, failed */
    in->checks[IDENT_CHECK_HASHES] = map[r->hashes];
    in->checks[IDENT_CHECK_SIGNATURE] = map[r->signature];
    in->checks[IDENT_CHECK_CHAIN] = map[r->chain];
    in->checks[IDENT_CHECK_VALIDITY] = r->validity == CHIP_VALIDITY_OK        ? 1
                                       : r->validity == CHIP_VALIDITY_UNKNOWN ? -1
                                                                              : 0;
    in->checks[IDENT_CHECK_REVOKED] = r->revocation == CHIP_REVOCATION_GOOD      ? 1
                                      : r->revocation == CHIP_REVOCATION_REVOKED ? 0
                                                                                 : -1;
    in->checks[IDENT_CHECK_CLONE] = map[r->active_auth];
}

/* The chip of slot s, read at the desk's date. DG3 holds the fingers the
 * scanner module gives (desk_ident_fingers.c). */
static int read_chip(desk_app *a, app_ident *id, const doc_slot *s, int defect, bl_err *err) {
    chip_finger fingers[CHIP_MAX_FINGERS];
    int n = app_ident_chip_fingers(id, s, defect, fingers);
    chip_spec cs = {.doc = &s->spec, .defect = defect, .fingers = fingers, .n_fingers = n};
    if (chip_build(&cs, &id->chip, err) != 0) return -1;
    id->have_chip = 1;
    chip_trust *trust = chip_trust_create(a->cfg.session->today, err);
    if (!trust || chip_trust_add_builtin(trust, err) != 0) {
        chip_trust_destroy(trust);
        return -1;
    }
    int rc = chip_verify(&id->chip, trust, a->cfg.session->today, &id->res, err);
    chip_trust_destroy(trust);
    if (rc != 0) return -1;
    if (id->chip.answers && id->chip.dg2.len &&
        chip_dg2_decode(id->chip.dg2.data, id->chip.dg2.len, &id->chip_face, err) != 0)
        return -1;
    return 0;
}

/* The score the automated gate gave. A traveler the scenario says the gate
 * rejected is one whose capture scored below its threshold: of the captures
 * the simulated matcher could have made (its noise), the first that did, or
 * the lowest when none does (the gate rejects on more than the score: glare
 * on glasses, a turned head). */
static double gate_score(const desk_traveler *t, const doc_slot *s, const ident_faces *f) {
    double low = 1;
    for (uint64_t k = 0; k < (t->gate ? 64u : 1u); k++) {
        double v = face_match_score(&f->portrait, &f->person, s->spec.seed + k);
        if (!t->gate || v < face_match_threshold()) return v;
        if (v < low) low = v;
    }
    return low;
}

int app_ident_load(desk_app *a, int first_slot, bl_err *err) {
    app_ident_free(a);
    app_ident *id = calloc(1, sizeof *id);
    if (!id) return err_set(err, "out of memory");
    a->ident = id;
    const desk_traveler *t = &a->cfg.session->travelers[a->st.traveler];
    desk_ident_info *in = &id->info;
    in->chip_doc = -1;
    id->first = first_slot;
    if (first_slot >= 0 && !a->slots[first_slot].cap) {
        const doc_slot *s = &a->slots[first_slot];
        ident_faces_make(&s->spec, t->face_rel, t->face_years, t->face_beard, t->face_glasses,
                         t->impostor, &id->faces);
        id->have_faces = 1;
        in->gate_score = (int)lround(100 * gate_score(t, s, &id->faces));
        in->gate_threshold = (int)lround(100 * face_match_threshold());
        if (s->t.chip) {
            in->chip_doc = first_slot;
            if (read_chip(a, id, s, t->docs[first_slot].chip, err) != 0)
                return err_prefix(err, "the chip of document %d", first_slot + 1);
            chip_checks(&id->res, in);
            in->has_dg3 = id->chip.answers && id->n_ref > 0;
        }
    }
    if (app_ident_fingers(a, id, err) != 0) return -1;
    desk_set_ident_info(&a->st, in);
    return 0;
}

void app_ident_free(desk_app *a) {
    app_ident *id = a->ident;
    if (!id) return;
    for (int i = 0; i < id->n_cache; i++)
        plat_tex_destroy(id->cache[i].t);
    if (id->have_chip) chip_deinit(&id->chip);
    image_deinit(&id->chip_face);
    app_ident_fingers_free(id);
    free(id);
    a->ident = NULL;
}

/* ------------------------------------------------------------ pictures */

_Static_assert((int)FACE_ZOOM_EYES == (int)FACE_REGION_EYES &&
                   (int)FACE_ZOOM_NOSE == (int)FACE_REGION_NOSE &&
                   (int)FACE_ZOOM_MOUTH == (int)FACE_REGION_MOUTH &&
                   (int)FACE_ZOOM_EAR == (int)FACE_REGION_EAR,
               "the desk's face zooms are the face module's regions");

/* Where a region of the face lies in a w x h picture of p (its portrait
 * framing), as a 4:5 window. */
static void region_rect(const face_params *p, const face_capture *cap, int zoom, int w, int h,
                        int r[4]) {
    double box[4];
    /* the desk's zooms are the face module's regions, in the same order */
    int found = zoom != FACE_ZOOM_WHOLE &&
                (cap ? face_region_box_camera(p, cap, (face_region)zoom, w, h, box)
                     : face_region_box(p, (face_region)zoom, w, h, box));
    if (!found) {
        r[0] = r[1] = 0, r[2] = w, r[3] = h;
        return;
    }
    double cx = box[0] + box[2] / 2, cy = box[1] + box[3] / 2;
    double bw = fmax(box[2], box[3] * 0.8), bh = bw / 0.8;
    r[2] = (int)fmin(w, bw), r[3] = (int)fmin(h, bh);
    r[0] = (int)fmin(fmax(0, cx - r[2] / 2.0), w - r[2]);
    r[1] = (int)fmin(fmax(0, cy - r[3] / 2.0), h - r[3]);
}

/* The face pictures at full size: the camera's, the portrait, the chip's
 * (DG2 scaled to the same frame), and the portrait laid half over the camera. */
static int face_picture(desk_app *a, app_ident *id, int pic, bl_image *out, bl_err *err) {
    if (!id->have_faces) return -1;
    if (pic == IDENT_PIC_CHIP) {
        if (!id->chip_face.px) return -1;
        if (image_init(out, CAM_W, CAM_H, err) != 0) return -1;
        image_resample(&id->chip_face, 0, 0, id->chip_face.w, id->chip_face.h, out);
        return 0;
    }
    if (image_init(out, CAM_W, CAM_H, err) != 0) return -1;
    if (pic == IDENT_PIC_PORTRAIT) {
        face_render(&id->faces.portrait, out->px, CAM_W, CAM_H, CAM_W * 4, 0);
        return 0;
    }
    face_capture cap;
    face_capture_counter(a->slots[id->first].spec.seed ^ 0xCA3u, &cap);
    face_render_camera(&id->faces.person, &cap, out->px, CAM_W, CAM_H, CAM_W * 4);
    if (pic == IDENT_PIC_OVERLAY) { /* half and half: what differs shows as a double edge */
        bl_image por;
        if (image_init(&por, CAM_W, CAM_H, err) != 0) return -1;
        face_render(&id->faces.portrait, por.px, CAM_W, CAM_H, CAM_W * 4, 0);
        for (size_t i = 0; i < (size_t)CAM_W * CAM_H * 4; i++)
            out->px[i] = (uint8_t)((out->px[i] + por.px[i] + 1) / 2);
        image_deinit(&por);
    }
    return 0;
}

static plat_tex *make_tex(desk_app *a, app_ident *id, int pic, int b, int c, bl_err *err) {
    bl_image full = {0, 0, NULL}, cut = {0, 0, NULL};
    plat_tex *t = NULL;
    if (pic == IDENT_PIC_RECORD) { /* a database record's photo, as the record holds it */
        int li = c / SYS_HITS, h = c % SYS_HITS;
        if (c < 0 || li >= SYS_LISTS || !id->have_rec[li][h]) return NULL;
        if (image_init(&full, 320, 400, err) != 0) return NULL;
        face_render(&id->rec_face[li][h], full.px, 320, 400, 320 * 4, 0);
        t = plat_tex_create(a->p, &full, 0, 0, err);
        image_deinit(&full);
        return t;
    }
    if (pic == IDENT_PIC_FINGER || pic == IDENT_PIC_FINGER_REF || pic == IDENT_PIC_CANDIDATE) {
        if (app_ident_finger_picture(a, id, pic, b, c, &full, err) != 0) return NULL;
        t = plat_tex_create(a->p, &full, 0, 0, err);
        image_deinit(&full);
        return t;
    }
    if (face_picture(a, id, pic, &full, err) != 0) return NULL;
    int r[4];
    face_capture cap; /* the camera's picture is framed as the camera framed it */
    face_capture_counter(a->slots[id->first].spec.seed ^ 0xCA3u, &cap);
    if (pic == IDENT_PIC_CAMERA)
        region_rect(&id->faces.person, &cap, b, full.w, full.h, r);
    else
        region_rect(&id->faces.portrait, NULL, b, full.w, full.h, r);
    if (image_init(&cut, 320, 400, err) == 0) {
        image_resample(&full, r[0], r[1], r[2], r[3], &cut);
        t = plat_tex_create(a->p, &cut, 0, 0, err);
    }
    image_deinit(&cut);
    image_deinit(&full);
    return t;
}

plat_tex *app_ident_tex(desk_app *a, int pic, int b, int c) {
    app_ident *id = a->ident;
    if (!id) return NULL;
    for (int i = 0; i < id->n_cache; i++)
        if (id->cache[i].pic == pic && id->cache[i].b == b && id->cache[i].c == c)
            return id->cache[i].t;
    if (id->n_cache >= APP_IDENT_CACHE) return NULL;
    bl_err err = {0};
    plat_tex *t = make_tex(a, id, pic, b, c, &err);
    /* a picture that cannot be made is an empty frame (and not tried again) */
    id->cache[id->n_cache++] = (struct app_ident_tex){pic, b, c, t};
    return t;
}
