/* material.c - the built-in materials (see material.h).
 *
 * Numbers are chosen to reproduce what an examiner sees on a video spectral
 * comparator: under 365 nm security paper stays dark violet while brightened
 * paper glows blue-white; at 870 nm process colours vanish and carbon-based
 * inks stay black. */
#include "material.h"

#include <string.h>

static const mat_ink inks[] = {
    /* id                vis              vis_a ir_a uv_a  uv_emit        t_op */
    {"laser_black", {30, 30, 34}, 255, 255, 230, {0, 0, 0}, 220}, /* laser engraving: carbon */
    {"b900_black", {18, 18, 22}, 255, 255, 230, {0, 0, 0}, 230},  /* MRZ ink, IR-absorbing */
    {"ir_transparent_black", {30, 30, 34}, 255, 0, 230, {0, 0, 0}, 220}, /* looks like laser; gone
                                                                            in IR */
    {"offset_navy", {38, 56, 110}, 255, 0, 160, {0, 0, 0}, 120},     /* labels: IR-transparent */
    {"intaglio_blue", {24, 48, 120}, 255, 200, 200, {0, 0, 0}, 200}, /* raised, carbon-loaded */
    {"metamer_a", {196, 204, 182}, 255, 235, 120, {0, 0, 0}, 110},   /* matches metamer_b in white
                                                                        light */
    {"metamer_b", {196, 204, 182}, 255, 10, 120, {0, 0, 0}, 110},    /* ...but vanishes in IR */
    {"uv_yellow", {250, 248, 236}, 0, 0, 0, {235, 225, 60}, 0},      /* invisible, glows yellow */
    {"uv_green", {250, 248, 236}, 0, 0, 0, {80, 230, 110}, 0},       /* invisible, glows green */
    {"uv_red", {250, 248, 236}, 0, 0, 0, {240, 70, 60}, 0},          /* invisible, glows red */
    {"uv_blue", {250, 248, 236}, 0, 0, 0, {90, 150, 255}, 0},        /* invisible, glows blue */
    {"fibre_red", {200, 120, 130}, 60, 0, 40, {250, 60, 70}, 20},    /* faintly visible fibres */
    {"fibre_blue", {120, 140, 200}, 60, 0, 40, {70, 140, 255}, 20},
    {"fibre_yellow", {210, 200, 140}, 50, 0, 40, {240, 230, 70}, 20},
    {"ghost_grey", {120, 120, 126}, 255, 200, 120, {0, 0, 0}, 90}, /* ghost image, lighter laser */
    {"watermark_print", {214, 212, 204}, 255, 0, 90, {0, 0, 0}, 120}, /* counterfeit "watermark" */
    {"pen_blue", {40, 60, 150}, 255, 0, 180, {0, 0, 0}, 150},      /* signature: IR-transparent */
    {"photo_dye", {128, 100, 84}, 255, 0, 170, {0, 0, 0}, 160},    /* colour photo print */
    {"stamp_violet", {110, 60, 150}, 230, 0, 160, {0, 0, 0}, 140}, /* rubber stamp ink */
    {"wash_stain", {250, 248, 236}, 0, 0, 0, {150, 160, 215}, 0},  /* chemical washing: the
                                                                      paper fluoresces */
    /* colour-shifting ink flat (its shift is light_tilt.c's); the forger's
     * look-alike is the same green that never shifts */
    {"shift_green", {40, 150, 95}, 255, 0, 150, {0, 0, 0}, 150},
    {"perf_print", {52, 48, 46}, 255, 255, 230, {0, 0, 0}, 230}, /* toner dots as holes */
    {"cli_print", {30, 30, 34}, 255, 0, 140, {0, 0, 0}, 100},    /* a printed "CLI" */
};

static const mat_substrate subs[] = {
    /* id               vis              uv              ir   trans */
    {"none", {58, 60, 64}, {6, 4, 12}, 20, 0},                   /* outside the document */
    {"security_paper", {244, 240, 226}, {34, 26, 58}, 230, 190}, /* no brighteners: UV-dull */
    {"plain_paper",
     {244, 240, 226},
     {150, 165, 255},
     230,
     190}, /* tinted to match; brighteners glow */
    {"polycarbonate", {240, 241, 236}, {26, 22, 44}, 226, 150},  /* ID cards */
    {"photo_paper", {242, 240, 236}, {132, 140, 230}, 232, 120}, /* a glued-in photograph */
    /* a laser perforation's hole: the next page's shadow in reflected light,
     * the light box itself from behind */
    {"perforation", {52, 48, 46}, {6, 4, 12}, 30, 255},
};

const mat_ink *mat_ink_find(const char *id) {
    for (size_t i = 0; i < sizeof inks / sizeof inks[0]; i++)
        if (strcmp(inks[i].id, id) == 0) return &inks[i];
    return NULL;
}

const mat_substrate *mat_substrate_find(const char *id) {
    for (size_t i = 0; i < sizeof subs / sizeof subs[0]; i++)
        if (strcmp(subs[i].id, id) == 0) return &subs[i];
    return NULL;
}

mat_ink mat_ink_process(const char *id, uint8_t r, uint8_t g, uint8_t b) {
    mat_ink k = {id, {r, g, b}, 255, 0, 140, {0, 0, 0}, 100};
    return k;
}
