/* render_face.c - `borderlab render --face SEED`: one generated face, and a
 * face related to it, as the document portrait and as the counter camera
 * sees them, with what differs between them and the simulated matcher's
 * score (face.h). For trainers preparing a case and for looking at the model.
 *
 *   DIR/face.png, DIR/face-camera.png         the person
 *   DIR/related.png, DIR/related-camera.png   with --relation
 *   DIR/face.json   {"seed", "sex", "years", "relation", "years_later",
 *                    "differs": [feature names], "stable_differs": bool,
 *                    "match_score", "match_threshold"}
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "args.h"
#include "cmd.h"
#include "face.h"
#include "fsio.h"
#include "image.h"
#include "render_face.h"

/* The portrait (or a capture) of p, width w (35:45, a passport photo's). */
static int write_face(const face_params *p, const face_capture *cap, int w, const char *dir,
                      const char *name, bl_err *err) {
    bl_image img;
    int h = w * 45 / 35;
    if (image_init(&img, w, h, err) != 0) return -1;
    if (cap)
        face_render_camera(p, cap, img.px, w, h, w * 4);
    else
        face_render(p, img.px, w, h, w * 4, 0);
    char path[4096];
    snprintf(path, sizeof path, "%s/%s.png", dir, name);
    int rc = image_save_png(&img, path, err);
    image_deinit(&img);
    return rc;
}

static int write_json(const render_face_request *rq, const face_params *a, const face_params *b,
                      uint32_t differs, const char *dir, bl_err *err) {
    cJSON *o = cJSON_CreateObject();
    if (!o) return err_set(err, "out of memory writing face.json");
    cJSON_AddNumberToObject(o, "seed", (double)rq->seed);
    cJSON_AddStringToObject(o, "sex", a->sex == FACE_MALE ? "M" : "F");
    cJSON_AddNumberToObject(o, "years", a->years);
    if (b) {
        cJSON_AddStringToObject(o, "relation", face_relation_name((face_relation)rq->relation));
        cJSON_AddNumberToObject(o, "related_years", b->years);
        cJSON *d = cJSON_AddArrayToObject(o, "differs");
        for (int f = 0; f < FACE_FEAT_COUNT; f++)
            if (differs & FACE_BIT(f))
                cJSON_AddItemToArray(d, cJSON_CreateString(face_feature_name((face_feature)f)));
        cJSON_AddBoolToObject(o, "stable_differs", (differs & FACE_STABLE_MASK) != 0);
        cJSON_AddNumberToObject(o, "match_score", face_match_score(a, b, rq->seed ^ 0xca9u));
        cJSON_AddNumberToObject(o, "match_threshold", face_match_threshold());
    }
    char *text = cJSON_Print(o);
    cJSON_Delete(o);
    if (!text) return err_set(err, "out of memory writing face.json");
    char path[4096];
    snprintf(path, sizeof path, "%s/face.json", dir);
    size_t n = strlen(text);
    int rc = fs_write_atomic(path, text, n, err);
    cJSON_free(text);
    return rc;
}

int render_face(const render_face_request *rq, const char *dir, bl_err *err) {
    face_params a, b;
    face_from_seed(rq->seed, &a);
    if (rq->sex) face_set_sex(&a, rq->sex);
    if (rq->age > 0) face_fit_age(&a, rq->age);
    uint32_t differs = 0;
    if (rq->relation >= 0)
        differs = face_relate(&a, (face_relation)rq->relation, rq->seed ^ 0x5e1a7eu, rq->years, &b);
    face_capture ca, cb;
    face_capture_counter(rq->seed ^ 0xc0u, &ca);
    face_capture_counter(rq->seed ^ 0xc1u, &cb);
    int w = rq->width > 0 ? rq->width : 413;
    if (fs_mkdir(dir, err) != 0 || write_face(&a, NULL, w, dir, "face", err) != 0 ||
        write_face(&a, &ca, w, dir, "face-camera", err) != 0)
        return -1;
    if (rq->relation >= 0 && (write_face(&b, NULL, w, dir, "related", err) != 0 ||
                              write_face(&b, &cb, w, dir, "related-camera", err) != 0))
        return -1;
    return write_json(rq, &a, rq->relation >= 0 ? &b : NULL, differs, dir, err);
}

static const char *const relations[] = {"same", "aged", "lookalike", "sibling", "morph", NULL};

static void face_usage(FILE *out) {
    fprintf(
        out,
        "usage: borderlab render --face SEED [--relation same|aged|lookalike|sibling|morph]\n"
        "                        [--years N] [--sex F|M] [--age N] [--width PX] --out-dir DIR\n\n"
        "Renders a generated face as the document portrait (face.png) and as the counter\n"
        "camera sees it (face-camera.png); with --relation, a related face too\n"
        "(related.png, related-camera.png) and in face.json the features that differ\n"
        "and the simulated matcher's score.\n"
        "  --relation R  same: photographed again; aged: --years later; lookalike:\n"
        "                another person who looks alike; sibling: --years apart in age;\n"
        "                morph: a 50:50 morph with a look-alike\n"
        "  --sex, --age  the person's (default: the seed's)\n"
        "  --width PX    the portraits' width (default 413: 35 mm at 300 dpi)\n\n"
        "       borderlab render --face-sheets DIR\n"
        "writes the pictures of docs/biometrics.md: DIR/faces-people.png, faces-aged.png,\n"
        "faces-lookalikes.png, faces-siblings.png, faces-morph.png.\n");
}

int cmd_render_face(int argc, char **argv) {
    uint64_t seed = 0, years = 0, age = 0, width = 413;
    int relation = -1;
    const char *sex = NULL, *dir = NULL, *sheets = NULL;
    const args_opt opts[] = {ARGS_U64("--face", &seed, 0, 9007199254740991ull),
                             ARGS_STR("--face-sheets", &sheets),
                             ARGS_CHOICE("--relation", &relation, relations),
                             ARGS_U64("--years", &years, 0, 80),
                             ARGS_STR("--sex", &sex),
                             ARGS_U64("--age", &age, 1, 100),
                             ARGS_U64("--width", &width, 32, 4000),
                             ARGS_STR("--out-dir", &dir),
                             ARGS_END};
    int rc = args_parse("render", opts, face_usage, argc, argv);
    if (rc != ARGS_GO) return rc;
    bl_err err = {0};
    if (sheets) {
        if (render_face_sheets(sheets, &err) != 0) return cmd_fail("render", &err);
        printf("wrote %s/faces-{people,aged,lookalikes,siblings,morph}.png\n", sheets);
        return 0;
    }
    if (!dir) return args_fail("render", "--face needs --out-dir DIR");
    if (sex && strcmp(sex, "F") && strcmp(sex, "M"))
        return args_fail("render", "--sex takes F or M (got '%s')", sex);
    render_face_request rq = {seed, relation, (int)years, sex ? sex[0] : 0, (int)age, (int)width};
    if (render_face(&rq, dir, &err) != 0) return cmd_fail("render", &err);
    printf("wrote %s/face.png, face-camera.png%s and face.json\n", dir,
           relation >= 0 ? ", related.png, related-camera.png" : "");
    return 0;
}
