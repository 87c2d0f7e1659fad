/* render_out.c - see render_out.h */
#include "fonts.h"
#include "render_out.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "capture.h"
#include "fsio.h"
#include "image.h"
#include "render_chip.h"

static int write_text(const char *path, char *json, bl_err *err);

void render_request_init(render_request *rq) {
    memset(rq, 0, sizeof *rq);
    rq->spec.dpi = 300;
    rq->spec.today = (bl_date){2026, 6, 1};
}

static int build_doc(const render_request *rq, doc_fonts *fonts, matbuf *mb, doc_truth *truth,
                     bl_err *err) {
    if (fonts_load(fonts, err) != 0) return -1;
    if (doc_build(&rq->spec, fonts, mb, truth, err) != 0) {
        doc_fonts_unload(fonts);
        return -1;
    }
    return 0;
}

int render_write_light(const render_request *rq, light_kind l, const char *path, bl_err *err) {
    doc_fonts fonts;
    matbuf mb;
    doc_truth *truth = malloc(sizeof *truth);
    if (!truth) return err_set(err, "out of memory");
    if (build_doc(rq, &fonts, &mb, truth, err) != 0) {
        free(truth);
        return -1;
    }
    bl_image img = {0, 0, NULL};
    light_scene *sc = light_scene_create(&mb, err);
    int rc = sc ? light_scene_render_tilt(sc, l, rq->tilt, &img, err) : -1;
    light_scene_destroy(sc);
    if (rc == 0) rc = image_save_png(&img, path, err);
    image_deinit(&img);
    matbuf_deinit(&mb);
    doc_fonts_unload(&fonts);
    free(truth);
    return rc;
}

int render_write_dir(const render_request *rq, const char *dir, bl_err *err) {
    doc_fonts fonts;
    matbuf mb;
    doc_truth *truth = malloc(sizeof *truth);
    if (!truth) return err_set(err, "out of memory");
    if (fs_mkdir(dir, err) != 0 || build_doc(rq, &fonts, &mb, truth, err) != 0) {
        free(truth);
        return -1;
    }
    bl_image img[LIGHT_COUNT];
    memset(img, 0, sizeof img);
    int rc = 0;
    light_scene *sc = light_scene_create(&mb, err);
    if (!sc) rc = -1;
    for (int l = 0; l < LIGHT_COUNT && rc == 0; l++)
        rc = light_scene_render_tilt(sc, (light_kind)l, rq->tilt, &img[l], err);
    light_scene_destroy(sc);
    char *json = rc == 0 ? doc_truth_json(&rq->spec, truth) : NULL;
    if (rc == 0 && !json) rc = err_set(err, "out of memory writing truth.json");
    char path[4096];
    for (int l = 0; l < LIGHT_COUNT && rc == 0; l++) {
        snprintf(path, sizeof path, "%s/%s.png", dir, light_name((light_kind)l));
        rc = image_save_png(&img[l], path, err);
    }
    if (rc == 0) {
        snprintf(path, sizeof path, "%s/truth.json", dir);
        rc = write_text(path, json, err);
        json = NULL;
    }
    free(json);
    /* an eMRTD's chip goes with its data page */
    if (rc == 0 && rq->spec.t->chip && rq->spec.page == 0)
        rc = render_chip_dir(&rq->spec, rq->chip_defect, truth, dir, err);
    for (int l = 0; l < LIGHT_COUNT; l++)
        image_deinit(&img[l]);
    matbuf_deinit(&mb);
    doc_fonts_unload(&fonts);
    free(truth);
    return rc;
}

static int write_text(const char *path, char *json, bl_err *err) {
    if (!json) return err_set(err, "out of memory writing %s", path);
    size_t n = strlen(json);
    char *text = malloc(n + 2);
    int rc;
    if (!text)
        rc = err_set(err, "out of memory writing %s", path);
    else {
        memcpy(text, json, n);
        text[n] = '\n';
        rc = fs_write_atomic(path, text, n + 1, err);
        free(text);
    }
    free(json);
    return rc;
}

int render_capture_light(const char *capture_dir, light_kind l, const char *path, bl_err *err) {
    capture *c = malloc(sizeof *c);
    if (!c) return err_set(err, "out of memory");
    int rc = capture_load(c, capture_dir, err);
    if (rc == 0) {
        if (!(c->have & LIGHT_BIT(l)))
            rc = err_set(err, "capture '%s' has no %s image", capture_dir, light_name(l));
        else
            rc = image_save_png(&c->img[l], path, err);
        capture_unload(c);
    }
    free(c);
    return rc;
}

int render_capture_dir(const char *capture_dir, const char *dir, bl_err *err) {
    capture *c = malloc(sizeof *c);
    if (!c) return err_set(err, "out of memory");
    int rc = capture_load(c, capture_dir, err);
    if (rc != 0) {
        free(c);
        return -1;
    }
    rc = fs_mkdir(dir, err);
    char path[4096];
    for (int l = 0; l < LIGHT_COUNT && rc == 0; l++) {
        if (!(c->have & LIGHT_BIT(l))) continue;
        snprintf(path, sizeof path, "%s/%s.png", dir, light_name((light_kind)l));
        rc = image_save_png(&c->img[l], path, err);
    }
    if (rc == 0) {
        snprintf(path, sizeof path, "%s/truth.json", dir);
        rc = write_text(path, capture_truth_json(c), err);
    }
    capture_unload(c);
    free(c);
    return rc;
}
