/* desk_ident_fingers.c - the fingerprint scanner at the desk (see
 * desk_ident_app.h): the fingers of the person at the counter, captured as
 * the scanner shows them, attempt after attempt; the prints the chip's DG3
 * holds; the 1:1 scores between them; and a 1:N search through a small watch
 * list. Everything is computed by the fingerprint module (finger.h) from
 * seeds, so a replay sees the same qualities and scores. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "desk_ident_app.h"
#include "scenario.h"

static const int scan_positions[APP_SCAN_FINGERS] = {2, 7, 3, 8};
static const int dg3_positions[2] = {2, 7}; /* the two index fingers, as passports store them */

/* A person's fingers are theirs whatever document they carry: seeded by who
 * they are (the holder's identity seed, or the impostor's own). */
static uint64_t finger_seed(uint64_t person, int position) {
    return (person ^ 0xF1D6E2A5ull) * 0x9E3779B97F4A7C15ull + (uint64_t)position;
}

/* Whose fingers are at the scanner: the holder's, unless the traveler is not
 * the holder (a look-alike, a sibling, a morph's partner). */
static uint64_t traveler_person(const desk_traveler *t, const doc_slot *first) {
    int impostor = t->impostor > 0 || scn_face_rel_impostor(t->face_rel);
    return impostor ? first->spec.seed ^ 0x7EA70000ull : first->spec.holder.face_seed;
}

/* One impression of finger `position` of `person`, as capture `kind`. */
static int impress(uint64_t person, int position, const finger_capture *c, finger_impression *out,
                   bl_err *err) {
    finger_master *m = finger_master_create(finger_seed(person, position), position, err);
    if (!m) return -1;
    int rc = finger_impress(m, c, out, err);
    finger_master_destroy(m);
    return rc;
}

int app_ident_chip_fingers(app_ident *id, const doc_slot *s, int defect, chip_finger *out) {
    uint64_t person = s->spec.holder.face_seed;
    if (defect == CHIP_CLONED) { /* the other document's holder */
        doc_holder other;
        chip_clone_holder(&s->spec, &other);
        person = other.face_seed;
    }
    int n = 0;
    id->ref_person = person;
    for (int k = 0; k < 2; k++) {
        finger_capture c;
        finger_capture_preset(&c, FINGER_CAPTURE_GOOD, person ^ (uint64_t)(k + 11));
        bl_err err = {0};
        if (impress(person, dg3_positions[k], &c, &id->ref_imp[n], &err) != 0) continue;
        finger_quality_report q;
        int quality = finger_quality(&id->ref_imp[n].img, &q, &err) == 0 ? q.score : 50;
        out[n] = (chip_finger){dg3_positions[k], id->ref_imp[n].img.w, id->ref_imp[n].img.h,
                               id->ref_imp[n].img.px, quality};
        n++;
    }
    return n;
}

/* How the k-th capture of a finger goes for skin of that kind: a dry finger
 * gives faint broken ridges until it is moistened (the third try), a wet one
 * smudges once, worn ridges stay poor, good skin mostly gives a good print. */
static void capture_of(int skin, int k, uint64_t seed, finger_capture *c) {
    finger_capture_kind kind = FINGER_CAPTURE_GOOD;
    if (skin == SKIN_DRY && k < 2) kind = FINGER_CAPTURE_DRY;
    if (skin == SKIN_WET && k < 1) kind = FINGER_CAPTURE_WET;
    if (skin == SKIN_WORN) kind = FINGER_CAPTURE_WORN;
    if (skin == SKIN_GOOD && k == 0) {
        finger_capture_random(c, seed);
        return;
    }
    finger_capture_preset(c, kind, seed);
}

static int scan_finger(const desk_traveler *t, uint64_t person, app_scan_finger *sf, bl_err *err) {
    int pos = sf->position;
    if (pos == t->missing || pos == t->injured) return 0; /* nothing the glass can read */
    finger_master *m = finger_master_create(finger_seed(person, pos), pos, err);
    if (!m) return -1;
    int rc = 0;
    for (int k = 0; k < IDENT_ATTEMPTS && rc == 0; k++) {
        finger_capture c;
        capture_of(t->skin, k, person ^ (uint64_t)(pos * 31 + k), &c);
        if ((rc = finger_impress(m, &c, &sf->imp[k], err)) != 0) break;
        sf->have[k] = 1;
        finger_quality_report q;
        if ((rc = finger_quality(&sf->imp[k].img, &q, err)) != 0) break;
        sf->quality[k] = q.score > 0 ? q.score : 1;
        if (!sf->have_probe && q.score >= FINGER_QUALITY_MIN) {
            if ((rc = finger_extract(&sf->imp[k].img, &sf->probe, err)) != 0) break;
            sf->have_probe = 1;
        }
    }
    finger_master_destroy(m);
    return rc;
}

/* A print's true minutiae as the desk checks marked pairs against them. */
static void marks_of(const finger_impression *imp, desk_ident_marks *m) {
    m->n = 0;
    for (int i = 0; i < imp->ntruth && m->n < IDENT_MARKS; i++, m->n++) {
        m->p[m->n][0] = (short)lround(imp->truth[i].x);
        m->p[m->n][1] = (short)lround(imp->truth[i].y);
        m->p[m->n][2] = (short)imp->truth[i].id;
    }
}

/* What marking corresponding minutiae is checked against, for the index
 * fingers: each capture's true minutiae, and the chip's print's when it is
 * the same person's finger (another person's print has none in common). */
static void marks(app_ident *id, uint64_t person) {
    desk_ident_info *in = &id->info;
    for (int s = 0; s < APP_SCAN_FINGERS; s++) {
        int k = id->scan[s].position == 2 ? 0 : id->scan[s].position == 7 ? 1 : -1;
        for (int a = 0; k >= 0 && a < IDENT_ATTEMPTS; a++)
            if (id->scan[s].have[a]) marks_of(&id->scan[s].imp[a], &in->marks_cap[k][a]);
    }
    for (int k = 0; k < 2 && id->ref_person == person; k++)
        marks_of(&id->ref_imp[k], &in->marks_ref[k]);
}

/* The 1:1 scores of each scanned finger against DG3's print of it. */
static int verify_scores(app_ident *id, bl_err *err) {
    desk_ident_info *in = &id->info;
    for (int r = 0; r < id->n_ref; r++) {
        finger_image img = {id->ref[r].w, id->ref[r].h, FINGER_PPI, id->ref[r].gray};
        finger_template ref;
        if (finger_extract(&img, &ref, err) != 0) return -1;
        for (int s = 0; s < APP_SCAN_FINGERS; s++)
            if (id->scan[s].position == id->ref[r].position && id->scan[s].have_probe)
                in->verify_score[id->ref[r].position - 1] =
                    (int)lround(finger_match(&id->scan[s].probe, &ref, NULL));
    }
    return 0;
}

/* Copies s into out (cap bytes), cut at a character's boundary if it must be. */
static void utf8_copy(char *out, size_t cap, const char *s) {
    size_t n = strlen(s);
    if (n >= cap) {
        n = cap - 1;
        while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
            n--;
    }
    memcpy(out, s, n);
    out[n] = '\0';
}

/* The watch list: APP_GALLERY other people's right index prints, and for a
 * true candidate the traveler's own, enrolled under another name. The search
 * runs the right index's probe through them: a list to verify, best first. */
static int watchlist(desk_app *a, app_ident *id, const desk_traveler *t, uint64_t person,
                     bl_err *err) {
    desk_ident_info *in = &id->info;
    const app_scan_finger *probe = &id->scan[0];
    if (!probe->have_probe) return 0;
    finger_template *g = calloc(APP_GALLERY + 1, sizeof *g);
    uint64_t who[APP_GALLERY + 1];
    if (!g) return err_set(err, "out of memory");
    int n = 0, rc = 0;
    for (int i = 0; i <= APP_GALLERY && rc == 0; i++) {
        int self = i == APP_GALLERY;
        if (self && t->watchlist != WATCH_TRUE) break;
        who[n] = self ? person : a->slots[id->first].spec.seed * 1315423911ull + (uint64_t)i;
        finger_capture c;
        finger_capture_preset(&c, FINGER_CAPTURE_GOOD, who[n] ^ 0x5EA7u);
        finger_impression imp;
        if ((rc = impress(who[n], 2, &c, &imp, err)) != 0) break;
        rc = finger_extract(&imp.img, &g[n++], err);
        finger_impression_deinit(&imp);
    }
    finger_candidate cands[IDENT_CANDIDATES];
    /* a false candidate: the list's best non-mate, shown with its own score;
       otherwise only those at the matcher's threshold */
    double thr = t->watchlist == WATCH_FALSE ? 0 : FINGER_MATCH_THRESHOLD;
    int k = rc == 0 ? finger_search(&probe->probe, g, n, thr, cands,
                                    t->watchlist == WATCH_FALSE ? 1 : IDENT_CANDIDATES)
                    : 0;
    for (int c = 0; c < k; c++) {
        desk_ident_cand *dc = &in->cands[c];
        uint64_t w = who[cands[c].index];
        doc_holder h;
        doc_holder_generate(w ^ 0xA11A5u, &a->slots[id->first].t, a->cfg.session->today, &h);
        char full[300];
        snprintf(full, sizeof full, "%s, %s", h.surname, h.given_names);
        utf8_copy(dc->name, sizeof dc->name, full);
        snprintf(full, sizeof full, "%s%s%s", h.surname_native, h.surname_native[0] ? " " : "",
                 h.given_names_native);
        utf8_copy(dc->name_native, sizeof dc->name_native, full);
        dc->birth = h.birth;
        snprintf(dc->nationality, sizeof dc->nationality, "%s", h.nationality);
        snprintf(dc->category, sizeof dc->category, "wanted");
        dc->score = (int)lround(cands[c].score);
        if (w == person) { /* the traveler, enrolled under another name */
            id->cand_face[c] = id->faces.person;
        } else {
            face_from_seed(w, &id->cand_face[c]);
            face_set_sex(&id->cand_face[c], h.sex[0]);
        }
    }
    in->n_cands = k;
    free(g);
    return rc;
}

int app_ident_fingers(desk_app *a, app_ident *id, bl_err *err) {
    const desk_traveler *t = &a->cfg.session->travelers[a->st.traveler];
    desk_ident_info *in = &id->info;
    in->quality_min = FINGER_QUALITY_MIN;
    in->verify_threshold = (int)FINGER_MATCH_THRESHOLD;
    if (id->have_chip && id->chip.answers && id->chip.dg3.len) {
        bl_err e = {0}; /* a DG3 that cannot be read leaves nothing to verify against */
        if (chip_dg3_decode(id->chip.dg3.data, id->chip.dg3.len, id->ref, &id->n_ref, &e) != 0)
            id->n_ref = 0;
    }
    in->has_dg3 = id->n_ref > 0;
    if (!t->fingers || id->first < 0 || a->slots[id->first].cap) return 0;
    uint64_t person = traveler_person(t, &a->slots[id->first]);
    for (int s = 0; s < APP_SCAN_FINGERS; s++) {
        app_scan_finger *sf = &id->scan[s];
        sf->position = scan_positions[s];
        if (scan_finger(t, person, sf, err) != 0) return -1;
        for (int k = 0; k < IDENT_ATTEMPTS; k++)
            in->quality[sf->position - 1][k] = (unsigned char)sf->quality[k];
    }
    if (verify_scores(id, err) != 0) return -1;
    marks(id, person);
    /* a scenario with no candidate on the list needs no search to say so: at
       the matcher's false match rate (README, Biometrics) twelve unrelated
       records give none */
    return t->watchlist == WATCH_NONE ? 0 : watchlist(a, id, t, person, err);
}

void app_ident_fingers_free(app_ident *id) {
    for (int s = 0; s < APP_SCAN_FINGERS; s++)
        for (int k = 0; k < IDENT_ATTEMPTS; k++)
            if (id->scan[s].have[k]) finger_impression_deinit(&id->scan[s].imp[k]);
    for (int r = 0; r < id->n_ref; r++)
        chip_finger_image_free(&id->ref[r]);
    for (int r = 0; r < 2; r++)
        finger_impression_deinit(&id->ref_imp[r]);
}

static int gray_picture(const uint8_t *gray, int w, int h, bl_image *out, bl_err *err) {
    if (image_init(out, w, h, err) != 0) return -1;
    for (int i = 0; i < w * h; i++) {
        uint8_t *p = out->px + 4 * i;
        p[0] = p[1] = p[2] = gray[i], p[3] = 255;
    }
    return 0;
}

int app_ident_finger_picture(desk_app *a, app_ident *id, int pic, int b, int c, bl_image *out,
                             bl_err *err) {
    (void)a;
    if (pic == IDENT_PIC_CANDIDATE) {
        if (c < 0 || c >= id->info.n_cands || image_init(out, 320, 400, err) != 0) return -1;
        face_render(&id->cand_face[c], out->px, 320, 400, 320 * 4, 0);
        return 0;
    }
    if (pic == IDENT_PIC_FINGER_REF) {
        for (int r = 0; r < id->n_ref; r++)
            if (id->ref[r].position == b)
                return gray_picture(id->ref[r].gray, id->ref[r].w, id->ref[r].h, out, err);
        return -1;
    }
    for (int s = 0; s < APP_SCAN_FINGERS; s++)
        if (id->scan[s].position == b && c >= 0) {
            int k = c < IDENT_ATTEMPTS ? c : IDENT_ATTEMPTS - 1;
            if (!id->scan[s].have[k]) return -1;
            const finger_image *img = &id->scan[s].imp[k].img;
            return gray_picture(img->px, img->w, img->h, out, err);
        }
    return -1;
}
