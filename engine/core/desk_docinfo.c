/* desk_docinfo.c - see desk_docinfo.h. */
#include "desk_docinfo.h"

#include <stdio.h>
#include <string.h>

void desk_doc_info_from_truth(desk_doc_info *info, const tpl *t, const doc_truth *truth,
                              double ppm) {
    memset(info, 0, sizeof *info);
    snprintf(info->name, sizeof info->name, "%s", t->name);
    snprintf(info->template_id, sizeof info->template_id, "%s", t->id);
    info->mrz_lines = truth->mrz_lines;
    for (int l = 0; l < truth->mrz_lines; l++)
        memcpy(info->mrz[l], truth->mrz[l], sizeof info->mrz[l]);
    for (int f = 0; f < truth->n_features && info->n_features < DESK_MAX_FEATURES; f++) {
        const doc_item *it = &truth->features[f];
        double x = it->x / ppm, y = it->y / ppm;
        int side = t->n_pieces > 1 && x >= t->pieces[1].x ? 1 : 0;
        desk_feature *df = &info->features[info->n_features++];
        df->side = side;
        snprintf(df->kind, sizeof df->kind, "%s", it->kind);
        df->x_mm = x - t->pieces[side].x, df->y_mm = y - t->pieces[side].y;
        df->w_mm = it->w / ppm, df->h_mm = it->h / ppm;
        df->lights = it->lights;
    }
}
