/* light_tilt.c - see light_tilt.h */
#include "light_tilt.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#ifndef M_PI
#define M_PI 3.14159265358979323846
#endif

int light_ovd_init(light_ovd *o, const matbuf *mb) {
    memset(o, 0, sizeof *o);
    o->w = mb->w, o->h = mb->h;
    size_t npx = (size_t)mb->w * (size_t)mb->h;
    uint32_t n = 0;
    for (size_t i = 0; i < npx; i++)
        n += mb->ovd[i] != OVD_NONE && mb->ovd_cov[i] > 0;
    o->row = calloc((size_t)mb->h + 1, sizeof *o->row);
    if (!o->row) return -1;
    if (n == 0) return 0;
    o->at = malloc(n * sizeof *o->at);
    o->kind = malloc(n * 3);
    if (!o->at || !o->kind) {
        light_ovd_deinit(o);
        return -1;
    }
    o->cov = o->kind + n, o->arg = o->kind + 2 * (size_t)n;
    for (int y = 0; y < mb->h; y++) {
        o->row[y] = o->n;
        for (size_t i = (size_t)y * mb->w; i < (size_t)(y + 1) * mb->w; i++)
            if (mb->ovd[i] != OVD_NONE && mb->ovd_cov[i] > 0) {
                o->at[o->n] = (uint32_t)i;
                o->kind[o->n] = mb->ovd[i];
                o->cov[o->n] = mb->ovd_cov[i];
                o->arg[o->n] = mb->ovd_arg[i];
                o->n++;
            }
    }
    o->row[mb->h] = o->n;
    return 0;
}

void light_ovd_deinit(light_ovd *o) {
    free(o->at);
    free(o->kind);
    free(o->row);
    memset(o, 0, sizeof *o);
}

size_t light_ovd_bytes(const light_ovd *o) {
    return (size_t)o->n * 7 + ((size_t)o->h + 1) * sizeof(uint32_t);
}

void light_ovd_shift_colours(int pair, uint8_t flat[3], uint8_t tilted[3]) {
    static const uint8_t green[3] = {40, 150, 95}, blue[3] = {36, 72, 178},
                         gold[3] = {196, 152, 52};
    memcpy(flat, green, 3);
    memcpy(tilted, pair == OVD_SHIFT_GREEN_GOLD ? gold : blue, 3);
}

/* A wavelength's colour (after Dan Bruton's piecewise approximation of the
 * visible spectrum, 380..750 nm), 0..1 per channel, and how bright the eye
 * finds it (fading at both ends). */
static double spectrum(double nm, double rgb[3]) {
    double r = 0, g = 0, b = 0;
    if (nm >= 380 && nm < 440)
        r = (440 - nm) / 60, b = 1;
    else if (nm >= 440 && nm < 490)
        g = (nm - 440) / 50, b = 1;
    else if (nm >= 490 && nm < 510)
        g = 1, b = (510 - nm) / 20;
    else if (nm >= 510 && nm < 580)
        r = (nm - 510) / 70, g = 1;
    else if (nm >= 580 && nm < 645)
        r = 1, g = (645 - nm) / 65;
    else if (nm >= 645 && nm <= 720)
        r = 1;
    rgb[0] = r, rgb[1] = g, rgb[2] = b;
    if (nm < 380 || nm > 720) return 0;
    if (nm < 420) return 0.3 + 0.7 * (nm - 380) / 40;
    if (nm > 680) return 0.3 + 0.7 * (720 - nm) / 40;
    return 1;
}

static inline uint8_t mix8(double base, double to, double a) {
    double v = base + (to - base) * a;
    return (uint8_t)(v < 0 ? 0 : v > 255 ? 255 : v + 0.5);
}

/* A diffractive foil pixel (light_tilt.h: OVD_HOLO). */
static void holo(uint8_t *p, light_kind l, double sin_t, double c, int arg) {
    double phi = (arg >> 4) * M_PI / 16, d = 500 + (arg & 15) * 60;
    double nm = l == LIGHT_COAXIAL
                    ? 2 * d * fabs(sin_t) * fabs(cos(phi))
                    : d * fabs((l == LIGHT_OBLIQUE ? 0.94 : 0.707) + sin_t) * fabs(cos(phi));
    double rgb[3];
    double a = spectrum(nm, rgb) * 0.55 * c;
    double sheen = (l == LIGHT_COAXIAL ? 0.5 : 0.1) * c;
    for (int k = 0; k < 3; k++) {
        double v = p[k] + (238 - p[k]) * sheen;
        p[k] = mix8(v, 40 + 215 * rgb[k], a);
    }
}

/* One optically variable pixel under light l at tilt t (degrees). */
static void ovd_pixel(uint8_t *p, light_kind l, double t, double sin_t, int kind, int cov,
                      int arg) {
    double c = cov / 255.0;
    if (kind == OVD_HOLO && l != LIGHT_IR) {
        holo(p, l, sin_t, c, arg);
    } else if (kind == OVD_SHIFT && l != LIGHT_IR) {
        uint8_t flat[3], tilted[3];
        light_ovd_shift_colours(arg, flat, tilted);
        double angle = fabs(t) + (l == LIGHT_OBLIQUE ? 40 : 0);
        double s = fmin(fmax((angle - 4) / 24, 0), 1) * c;
        for (int k = 0; k < 3; k++)
            p[k] = mix8(p[k], p[k] + (tilted[k] - flat[k]), s);
    } else if (kind == OVD_PRINT && l != LIGHT_IR) {
        static const uint8_t ink[3][4] = {
            {226, 226, 230, 110}, {150, 214, 170, 200}, {188, 160, 222, 200}}; /* colour, opacity */
        const uint8_t *k = ink[arg < 3 ? arg : 0];
        for (int j = 0; j < 3; j++)
            p[j] = mix8(p[j], k[j], c * k[3] / 255.0);
    } else if (kind == OVD_CLI_A || kind == OVD_CLI_B) {
        double tt = l == LIGHT_IR ? 0 : t; /* an IR camera looks straight on */
        double w = 0.5 + (kind == OVD_CLI_A ? -tt : tt) / 14;
        double a = fmin(fmax(w, 0), 1) * c;
        static const uint8_t laser[3] = {30, 30, 34};
        for (int k = 0; k < 3; k++)
            p[k] = mix8(p[k], laser[k], a);
    }
}

int light_tilts(light_kind l) {
    return l == LIGHT_VISIBLE || l == LIGHT_OBLIQUE || l == LIGHT_COAXIAL;
}

void light_ovd_apply(const light_ovd *o, light_kind l, double tilt_deg, uint8_t *px, int x0, int y0,
                     int w, int h) {
    if (!o->n || !(light_tilts(l) || l == LIGHT_IR)) return;
    double t = !(tilt_deg > -45) ? -45 : tilt_deg > 45 ? 45 : tilt_deg; /* NaN: -45 */
    double sin_t = sin(t * M_PI / 180);
    int ya = y0 < 0 ? 0 : y0, yb = y0 + h > o->h ? o->h : y0 + h;
    for (int y = ya; y < yb; y++) {
        size_t base = (size_t)y * o->w;
        for (uint32_t e = o->row[y]; e < o->row[y + 1]; e++) {
            int x = (int)(o->at[e] - base);
            if (x < x0 || x >= x0 + w) continue;
            uint8_t *p = px + ((size_t)(y - y0) * w + (size_t)(x - x0)) * 4;
            ovd_pixel(p, l, t, sin_t, o->kind[e], o->cov[e], o->arg[e]);
        }
    }
}
