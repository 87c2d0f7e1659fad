/* plat_sdl.c - see plat.h (SDL 2). */
#include "plat.h"

#include <SDL.h>
#include <stdlib.h>
#include <string.h>

struct plat {
    SDL_Window *win;
    SDL_Renderer *ren;
    SDL_Surface *surface; /* headless framebuffer */
    int w, h;
    int headless;
};

struct plat_tex {
    plat *p;
    SDL_Texture *t;
    int w, h;
};

plat *plat_create(const plat_config *cfg, bl_err *err) {
    plat *p = calloc(1, sizeof *p);
    if (!p) {
        err_set(err, "out of memory");
        return NULL;
    }
    p->w = cfg->width, p->h = cfg->height, p->headless = cfg->headless;
    if (cfg->headless) {
        /* No display needed: the dummy video driver and a software renderer
         * drawing into our own RGBA surface. */
        SDL_SetHint(SDL_HINT_VIDEODRIVER, "dummy");
        if (SDL_Init(SDL_INIT_VIDEO) != 0) goto sdl_fail;
        p->surface = SDL_CreateRGBSurfaceWithFormat(0, p->w, p->h, 32, SDL_PIXELFORMAT_RGBA32);
        if (!p->surface) goto sdl_fail;
        p->ren = SDL_CreateSoftwareRenderer(p->surface);
        if (!p->ren) goto sdl_fail;
    } else {
        if (SDL_Init(SDL_INIT_VIDEO) != 0) {
            err_set(err,
                    "cannot open a window: %s (no display? run 'borderlab play --headless "
                    "--input FILE' instead, or start Xvfb)",
                    SDL_GetError());
            free(p);
            return NULL;
        }
        /* Without a display SDL falls back to drivers that draw nowhere: a
         * window nobody sees would wait for input forever. */
        const char *drv = SDL_GetCurrentVideoDriver();
        if (drv && (!strcmp(drv, "offscreen") || !strcmp(drv, "dummy") || !strcmp(drv, "evdev")) &&
            !getenv("SDL_VIDEODRIVER")) {
            err_setc(err, BL_E_INPUT,
                     "there is no display to open the desk's window on (SDL found only its "
                     "'%s' driver). On a server or over SSH, replay recorded input with "
                     "'borderlab play --headless --input FILE', or run the window under a "
                     "virtual display: 'xvfb-run -s \"-screen 0 1280x720x24\" borderlab'",
                     drv);
            SDL_Quit();
            free(p);
            return NULL;
        }
        p->win = SDL_CreateWindow(cfg->title ? cfg->title : "borderlab", SDL_WINDOWPOS_CENTERED,
                                  SDL_WINDOWPOS_CENTERED, p->w, p->h,
                                  SDL_WINDOW_RESIZABLE | SDL_WINDOW_ALLOW_HIGHDPI);
        if (!p->win) goto sdl_fail;
        p->ren = SDL_CreateRenderer(p->win, -1, SDL_RENDERER_PRESENTVSYNC);
        if (!p->ren) p->ren = SDL_CreateRenderer(p->win, -1, SDL_RENDERER_SOFTWARE);
        if (!p->ren) goto sdl_fail;
        /* Scale the logical desk to any window size, keeping its shape. */
        SDL_RenderSetLogicalSize(p->ren, p->w, p->h);
        SDL_SetHint(SDL_HINT_RENDER_SCALE_QUALITY, "linear");
    }
    SDL_StopTextInput();
    return p;
sdl_fail:
    err_set(err, "SDL: %s", SDL_GetError());
    plat_destroy(p);
    return NULL;
}

void plat_destroy(plat *p) {
    if (!p) return;
    if (p->ren) SDL_DestroyRenderer(p->ren);
    if (p->surface) SDL_FreeSurface(p->surface);
    if (p->win) SDL_DestroyWindow(p->win);
    SDL_Quit();
    free(p);
}

static int map_key(SDL_Keycode k) {
    if (k >= SDLK_1 && k <= SDLK_9) return KEY_1 + (int)(k - SDLK_1);
    switch (k) {
    case SDLK_0:
        return KEY_0;
    case SDLK_KP_1:
        return KEY_1;
    case SDLK_KP_2:
        return KEY_2;
    case SDLK_KP_3:
        return KEY_3;
    case SDLK_KP_4:
        return KEY_4;
    case SDLK_KP_5:
        return KEY_5;
    case SDLK_F1:
        return KEY_F1;
    case SDLK_F2:
        return KEY_F2;
    case SDLK_PAGEUP:
        return KEY_PAGEUP;
    case SDLK_PAGEDOWN:
        return KEY_PAGEDOWN;
    case SDLK_b:
        return KEY_B;
    case SDLK_ESCAPE:
        return KEY_ESCAPE;
    case SDLK_RETURN:
    case SDLK_KP_ENTER:
        return KEY_RETURN;
    case SDLK_BACKSPACE:
        return KEY_BACKSPACE;
    case SDLK_TAB:
        return KEY_TAB;
    case SDLK_DELETE:
        return KEY_DELETE;
    case SDLK_UP:
        return KEY_UP;
    case SDLK_DOWN:
        return KEY_DOWN;
    case SDLK_LEFT:
        return KEY_LEFT;
    case SDLK_RIGHT:
        return KEY_RIGHT;
    case SDLK_PLUS:
    case SDLK_EQUALS:
    case SDLK_KP_PLUS:
        return KEY_PLUS;
    case SDLK_MINUS:
    case SDLK_KP_MINUS:
        return KEY_MINUS;
    case SDLK_a:
        return KEY_A;
    case SDLK_f:
        return KEY_F;
    case SDLK_l:
        return KEY_L;
    case SDLK_m:
        return KEY_M;
    case SDLK_n:
        return KEY_N;
    case SDLK_o:
        return KEY_O;
    case SDLK_p:
        return KEY_P;
    case SDLK_r:
        return KEY_R;
    case SDLK_s:
        return KEY_S;
    case SDLK_t:
        return KEY_T;
    case SDLK_x:
        return KEY_X;
    case SDLK_y:
        return KEY_Y;
    case SDLK_q:
        return KEY_Q;
    case SDLK_i:
        return KEY_I;
    case SDLK_c:
        return KEY_C;
    case SDLK_h:
        return KEY_H;
    case SDLK_v:
        return KEY_V;
    case SDLK_e:
        return KEY_E;
    case SDLK_g:
        return KEY_G;
    case SDLK_k:
        return KEY_K;
    case SDLK_LEFTBRACKET:
        return KEY_LBRACKET;
    case SDLK_RIGHTBRACKET:
        return KEY_RBRACKET;
    default:
        return KEY_NONE;
    }
}

int plat_poll(plat *p, input_event *ev) {
    SDL_Event e;
    while (SDL_PollEvent(&e)) {
        memset(ev, 0, sizeof *ev);
        switch (e.type) {
        case SDL_QUIT:
            ev->kind = EV_QUIT;
            return 1;
        case SDL_MOUSEMOTION:
            ev->kind = EV_MOVE, ev->x = e.motion.x, ev->y = e.motion.y;
            return 1;
        case SDL_MOUSEBUTTONDOWN:
        case SDL_MOUSEBUTTONUP:
            ev->kind = e.type == SDL_MOUSEBUTTONDOWN ? EV_DOWN : EV_UP;
            ev->x = e.button.x, ev->y = e.button.y;
            ev->button = e.button.button == SDL_BUTTON_RIGHT    ? BUTTON_RIGHT
                         : e.button.button == SDL_BUTTON_MIDDLE ? BUTTON_MIDDLE
                                                                : BUTTON_LEFT;
            return 1;
        case SDL_MOUSEWHEEL:
            if (e.wheel.y == 0) continue;
            ev->kind = EV_WHEEL;
            ev->wheel = e.wheel.direction == SDL_MOUSEWHEEL_FLIPPED ? -e.wheel.y : e.wheel.y;
            return 1;
        case SDL_KEYDOWN:
            if (!(ev->key = map_key(e.key.keysym.sym))) continue;
            ev->kind = EV_KEY;
            return 1;
        case SDL_TEXTINPUT:
            ev->kind = EV_TEXT;
            snprintf(ev->text, sizeof ev->text, "%s", e.text.text);
            return 1;
        case SDL_WINDOWEVENT:
            if (e.window.event == SDL_WINDOWEVENT_SIZE_CHANGED) {
                ev->kind = EV_RESIZE, ev->x = e.window.data1, ev->y = e.window.data2;
                return 1;
            }
            if (e.window.event == SDL_WINDOWEVENT_FOCUS_LOST) {
                ev->kind = EV_FOCUS_LOST;
                return 1;
            }
            continue;
        default:
            continue;
        }
    }
    (void)p;
    return 0;
}

void plat_text_input(plat *p, int on) {
    (void)p;
    if (on)
        SDL_StartTextInput();
    else
        SDL_StopTextInput();
}

plat_tex *plat_tex_create(plat *p, const bl_image *img, int streaming, int blend, bl_err *err) {
    plat_tex *t = calloc(1, sizeof *t);
    if (!t) {
        err_set(err, "out of memory");
        return NULL;
    }
    t->p = p, t->w = img->w, t->h = img->h;
    t->t = SDL_CreateTexture(p->ren, SDL_PIXELFORMAT_RGBA32,
                             streaming ? SDL_TEXTUREACCESS_STREAMING : SDL_TEXTUREACCESS_STATIC,
                             img->w, img->h);
    if (!t->t || SDL_UpdateTexture(t->t, NULL, img->px, img->w * 4) != 0) {
        err_set(err, "SDL texture %dx%d: %s", img->w, img->h, SDL_GetError());
        plat_tex_destroy(t);
        return NULL;
    }
    SDL_SetTextureBlendMode(t->t, blend ? SDL_BLENDMODE_BLEND : SDL_BLENDMODE_NONE);
    return t;
}

int plat_tex_update(plat_tex *t, const bl_image *img, bl_err *err) {
    if (img->w != t->w || img->h != t->h)
        return err_set(err, "texture is %dx%d, image %dx%d", t->w, t->h, img->w, img->h);
    if (SDL_UpdateTexture(t->t, NULL, img->px, img->w * 4) != 0)
        return err_set(err, "SDL: %s", SDL_GetError());
    return 0;
}

void plat_tex_destroy(plat_tex *t) {
    if (!t) return;
    if (t->t) SDL_DestroyTexture(t->t);
    free(t);
}

void plat_tex_size(const plat_tex *t, int *w, int *h) {
    *w = t->w, *h = t->h;
}

static void set_color(plat *p, uint32_t c) {
    uint8_t a = (uint8_t)(c >> 24);
    SDL_SetRenderDrawBlendMode(p->ren, a == 255 ? SDL_BLENDMODE_NONE : SDL_BLENDMODE_BLEND);
    SDL_SetRenderDrawColor(p->ren, (uint8_t)c, (uint8_t)(c >> 8), (uint8_t)(c >> 16), a);
}

void plat_fill(plat *p, int x, int y, int w, int h, uint32_t rgba) {
    set_color(p, rgba);
    SDL_Rect r = {x, y, w, h};
    SDL_RenderFillRect(p->ren, &r);
}

void plat_frame(plat *p, int x, int y, int w, int h, int t, uint32_t rgba) {
    set_color(p, rgba);
    SDL_Rect r[4] = {{x, y, w, t}, {x, y + h - t, w, t}, {x, y, t, h}, {x + w - t, y, t, h}};
    SDL_RenderFillRects(p->ren, r, 4);
}

void plat_draw(plat *p, plat_tex *t, int x, int y, int w, int h) {
    SDL_Rect d = {x, y, w, h};
    SDL_RenderCopy(p->ren, t->t, NULL, &d);
}

void plat_draw_f(plat *p, plat_tex *t, double x, double y, double w, double h) {
    SDL_FRect d = {(float)x, (float)y, (float)w, (float)h};
    SDL_RenderCopyF(p->ren, t->t, NULL, &d);
}

double plat_pixel_scale(const plat *p) {
    int ow = 0, oh = 0;
    if (p->headless || SDL_GetRendererOutputSize(p->ren, &ow, &oh) != 0 || ow <= 0 || oh <= 0)
        return 1;
    double sx = (double)ow / p->w, sy = (double)oh / p->h; /* the logical size keeps its shape */
    return sx < sy ? sx : sy;
}

void plat_clip(plat *p, int x, int y, int w, int h) {
    SDL_Rect r = {x, y, w, h};
    SDL_RenderSetClipRect(p->ren, w > 0 ? &r : NULL);
}

void plat_present(plat *p) {
    SDL_RenderPresent(p->ren);
}

int plat_read(plat *p, bl_image *out, bl_err *err) {
    if (p->headless) {
        if (image_init(out, p->w, p->h, err) != 0) return -1;
        SDL_LockSurface(p->surface);
        for (int y = 0; y < p->h; y++)
            memcpy(out->px + (size_t)y * p->w * 4,
                   (const uint8_t *)p->surface->pixels + (size_t)y * p->surface->pitch,
                   (size_t)p->w * 4);
        SDL_UnlockSurface(p->surface);
        return 0;
    }
    /* A window: read what is on screen (output size) and scale to logical. */
    int ow = 0, oh = 0;
    SDL_GetRendererOutputSize(p->ren, &ow, &oh);
    bl_image full;
    if (image_init(&full, ow, oh, err) != 0) return -1;
    if (SDL_RenderReadPixels(p->ren, NULL, SDL_PIXELFORMAT_RGBA32, full.px, ow * 4) != 0) {
        image_deinit(&full);
        return err_set(err, "cannot read the window's pixels: %s", SDL_GetError());
    }
    *out = full;
    return 0;
}

void plat_resize(plat *p, int w, int h) {
    if (p->win) SDL_SetWindowSize(p->win, w, h);
}

double plat_now_ms(void) {
    return (double)SDL_GetPerformanceCounter() * 1000.0 / (double)SDL_GetPerformanceFrequency();
}

void plat_sleep_ms(int ms) {
    SDL_Delay((Uint32)ms);
}
