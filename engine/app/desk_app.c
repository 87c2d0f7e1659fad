/* desk_app.c - see desk_app.h. The desk running: creates it (fonts, logs,
 * languages, the platform, the journal, the first traveler), feeds it events
 * and frames, and draws its draw list with the platform. What it owns is
 * split by job: desk_docs.c (documents as pictures), text_tex.c (text as
 * textures), desk_case.c (the action log, answers, scoring and the results
 * journal); desk_app_int.h is what they share. */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "desk_app_int.h"
#include "desk_ident_app.h"
#include "fonts.h"
#include "i18n.h"

static int state_rtl(const void *st) {
    return desk_rtl(st);
}

desk_app *desk_app_create(const desk_app_config *cfg, bl_err *err) {
    desk_app *a = calloc(1, sizeof *a);
    if (a) a->truth_of = -1;
    if (!a) {
        err_set(err, "out of memory");
        return NULL;
    }
    a->cfg = *cfg;
    if (a->cfg.loupe_dpi <= 0) a->cfg.loupe_dpi = 600;
    if (fonts_load(&a->fonts, err) != 0) {
        free(a);
        return NULL;
    }
    if (cfg->log_path && !(a->log = fopen(cfg->log_path, "a"))) {
        err_setc(err, BL_E_IO, "cannot write the action log '%s': %s", cfg->log_path,
                 strerror(errno));
        goto fail;
    }
    if (cfg->record_path) {
        /* "x": an earlier recording (a disputed exam's, say) is never overwritten */
        if (!(a->rec = fopen(cfg->record_path, "wx"))) {
            err_setc(err, BL_E_IO, "cannot write the input recording '%s': %s%s", cfg->record_path,
                     strerror(errno),
                     errno == EEXIST ? " (an earlier recording is kept: choose another name)" : "");
            goto fail;
        }
        fprintf(a->rec, "# borderlab input v1 (session %s)\n", cfg->session->id);
        fflush(a->rec);
    }
    /* English first: every other catalogue falls back to it. */
    int first = 0;
    const char *order[3] = {"en", "fr", "ar"};
    for (int i = 0; i < 3; i++) {
        const char *json = i18n_builtin_json(order[i]);
        if (!json) continue;
        i18n *c =
            i18n_load_json(json, strlen(json), order[i], a->n_langs ? a->langs[0] : NULL, err);
        if (!c) goto fail;
        if (cfg->lang && !strcmp(cfg->lang, order[i])) first = a->n_langs;
        a->langs[a->n_langs++] = c;
    }
    if (cfg->lang && !first && strcmp(cfg->lang, "en")) {
        err_setc(err, BL_E_USAGE, "unknown language '%s' (en, fr, ar)", cfg->lang);
        goto fail;
    }
    plat_config pc = {DESK_W, DESK_H, cfg->headless, "borderlab - inspection desk"};
    a->p = cfg->window, a->owns_p = !cfg->window;
    if (!a->p && !(a->p = plat_create(&pc, err))) goto fail;
    desk_init(&a->st, cfg->session, (const i18n *const *)a->langs, a->n_langs, app_write_action, a);
    a->tx.p = a->p, a->tx.fonts = &a->fonts;
    a->tx.is_rtl = state_rtl, a->tx.rtl_ud = &a->st;
    desk_set_measure(&a->st, text_tex_lines, &a->tx);
    desk_set_measure_width(&a->st, text_tex_width, &a->tx);
    desk_set_language(&a->st, first, app_write_action, a);
    if (cfg->pack) {
        const char *codes[8];
        for (int i = 0; i < a->n_langs; i++)
            codes[i] = i18n_lang(a->langs[i]);
        pack_bind_languages(cfg->pack, codes, a->n_langs);
    }
    if (!(a->tiles = loupe_tiles_create(&a->fonts, LOUPE_CACHE_BYTES, !cfg->sync_loading,
                                        app_background_thread, err)))
        goto fail;
    if (app_open_journal(a, err) != 0) goto fail;
    if (cfg->push && a->journal) {
        /* the store never stops the desk: without the push, the journal
         * still records every decision */
        bl_err perr = {0};
        if (!(a->push = desk_push_create(cfg->push, cfg->journal_path, cfg->key_path,
                                         cfg->witness_dir, &perr)))
            fprintf(stderr, "borderlab: %s; decisions are journaled, not pushed\n", perr.msg);
    }
    if (app_load_traveler(a, err) != 0) goto fail;
    app_after_change(a); /* a journal that ends the session: the summary and its verdict */
    return a;
fail:
    desk_app_destroy(a);
    return NULL;
}

void desk_app_destroy(desk_app *a) {
    if (!a) return;
    app_journal_clock(a, REC_STOP);
    app_free_traveler(a);
    text_tex_free(&a->tx);
    for (int i = 0; i < 2; i++) {
        plat_tex_destroy(a->loupe_tex[i]);
        image_deinit(&a->loupe_img[i]);
    }
    image_deinit(&a->region);
    image_deinit(&a->region_lo);
    loupe_tiles_destroy(a->tiles);
    if (a->owns_p) plat_destroy(a->p);
    doc_fonts_unload(&a->fonts);
    for (int i = 0; i < a->n_langs; i++)
        i18n_destroy(a->langs[i]);
    journal_close(a->journal);
    desk_push_destroy(a->push); /* after the journal's last entry: a last, bounded push */
    if (a->log) fclose(a->log);
    free(a->log_mem);
    free(a->truth);
    if (a->rec) fclose(a->rec);
    free(a);
}

int desk_app_event(desk_app *a, const input_event *ev, bl_err *err) {
    if (a->rec) {
        input_event r = *ev;
        r.frame = a->st.frame;
        input_write(a->rec, &r);
        fflush(a->rec);
    }
    if (ev->kind == EV_QUIT) return 1;
    if (ev->kind == EV_RESIZE) plat_resize(a->p, ev->x, ev->y); /* a replayed resize */
    int was_note = a->st.mode == DESK_FLAG_NOTE;
    if (desk_step(&a->st, ev, app_write_action, a) && app_load_traveler(a, err) != 0) return -1;
    if (a->st.pending_ask >= 0) app_answer(a);
    app_after_change(a);
    if (a->st.quit) return 1; /* the trainee chose to leave: everything is logged already */
    if (a->journal_failed)
        return err_setc(err, BL_E_IO,
                        "the results journal could not be written: the session stops so that "
                        "no decision goes unrecorded");
    int is_note = a->st.mode == DESK_FLAG_NOTE;
    if (was_note != is_note) plat_text_input(a->p, is_note);
    return 0;
}

int desk_app_tick(desk_app *a, bl_err *err) {
    if (desk_tick(&a->st, app_write_action, a) && app_load_traveler(a, err) != 0) return -1;
    app_after_change(a);
    if (desk_elapsed(&a->st) - a->last_clock >= CLOCK_EVERY_S) app_journal_clock(a, REC_CLOCK);
    if (a->journal_failed)
        return err_setc(err, BL_E_IO,
                        "the results journal could not be written: the session stops so that "
                        "no decision goes unrecorded");
    return 0;
}

int desk_app_draw(desk_app *a, bl_err *err) {
    (void)err;
    a->tx.zoom = plat_pixel_scale(a->p);
    a->tx.frame = a->st.frame;
    desk_draw(&a->st, &a->dl);
    for (int i = 0; i < a->dl.n; i++) {
        const draw_cmd *c = &a->dl.cmd[i];
        switch (c->kind) {
        case DRAW_FILL:
            plat_fill(a->p, c->x, c->y, c->w, c->h, c->rgba);
            break;
        case DRAW_FRAME:
            plat_frame(a->p, c->x, c->y, c->w, c->h, c->thick, c->rgba);
            break;
        case DRAW_CLIP:
            plat_clip(a->p, c->x, c->y, c->w, c->h);
            break;
        case DRAW_TEXT:
            text_tex_draw(&a->tx, c);
            break;
        case DRAW_TEX: {
            plat_tex *t = NULL;
            if (c->tex == TEX_FACE)
                t = a->face;
            else if (c->tex == TEX_COMPANION)
                t = a->companion;
            else if (c->tex == TEX_DOC && c->a < a->n_slots && c->c > 0 &&
                     !strcmp(a->slots[c->a].t.kind, "passport"))
                t = app_page_tex(a, c->a, c->b, c->c); /* a passport's other page */
            else if (c->tex == TEX_DOC && c->a < a->n_slots && c->c < 2) {
                app_slot_tilt(a, &a->slots[c->a], c->b);
                t = a->slots[c->a].tex[c->b][c->c];
            } else if (c->tex == TEX_COVER && c->a < a->n_slots)
                t = a->slots[c->a].cover;
            else if (c->tex == TEX_LOUPE)
                t = app_compose_loupe(a);
            else if (c->tex == TEX_REF)
                t = app_reference_tex(a, c->a, c->b, c->c, c->w, c->h);
            else if (c->tex == TEX_IDENT)
                t = app_ident_tex(a, c->a, c->b, c->c);
            else if (c->tex == TEX_LOUPE_DOC || c->tex == TEX_LOUPE_REF)
                t = app_compose_loupe_at(a, c->a, c->b / 100.0, c->c / 100.0,
                                         c->tex == TEX_LOUPE_REF);
            if (t) plat_draw(a->p, t, c->x, c->y, c->w, c->h);
            break;
        }
        }
    }
    return 0;
}

void desk_app_present(desk_app *a) {
    plat_present(a->p);
}

int desk_app_screenshot(desk_app *a, const char *path, bl_err *err) {
    bl_image img;
    if (plat_read(a->p, &img, err) != 0) return -1;
    int rc = image_save_png(&img, path, err);
    image_deinit(&img);
    return rc;
}

int desk_app_reload_traveler(desk_app *a, bl_err *err) {
    if (a->cfg.pack) {
        const char *codes[8];
        for (int i = 0; i < a->n_langs; i++)
            codes[i] = i18n_lang(a->langs[i]);
        pack_bind_languages(a->cfg.pack, codes, a->n_langs);
    }
    desk_restart_traveler(&a->st, app_write_action, a);
    return app_load_traveler(a, err);
}

const desk_state *desk_app_state(const desk_app *a) {
    return &a->st;
}

plat *desk_app_plat(desk_app *a) {
    return a->p;
}

void desk_app_wait_loading(desk_app *a) {
    if (a->worker_running) {
        thrd_join(a->worker, NULL);
        a->worker_running = 0;
    }
    for (int i = 0; i < a->n_slots; i++)
        if (atomic_load(&a->slots[i].hi_state) == 0) app_build_hires(a, &a->slots[i]);
}
