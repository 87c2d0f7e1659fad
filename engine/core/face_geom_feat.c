/* face_geom_feat.c - the features' landmarks, the pose, the height field's
 * bumps and the colours of a face (the steps of face_geom_build after the
 * outline). Sizes scale with the framing (g->scale) and change with age
 * (g->child, g->old, g->sag), weight (g->fat) and expression (g->smile). */
#include "face_int.h"

#include <string.h>

/* Skin albedo along the tone scale (sRGB, under white light): very light to
 * very dark, sampled from the range of human skin reflectance. */
static const double skin_tones[8][3] = {
    {246, 222, 208}, {236, 200, 180}, {222, 180, 155}, {198, 152, 124},
    {168, 122, 96},  {132, 90, 70},   {104, 70, 56},   {82, 55, 44},
};
static const double hair_tones[6][3] = {
    {24, 20, 19}, {48, 34, 26}, {84, 59, 40}, {128, 94, 62}, {168, 134, 92}, {212, 184, 136},
};
static const double irises[5][3] = {
    {48, 30, 20}, {92, 58, 34}, {118, 92, 48}, {92, 108, 68}, {92, 128, 162},
};
static const double shirts[10][3] = {
    {35, 45, 75}, {60, 62, 66},    {222, 222, 218}, {28, 28, 30}, {100, 30, 40},
    {85, 90, 60}, {150, 180, 210}, {190, 170, 140}, {30, 70, 55}, {128, 128, 134},
};
static const double scarves[8][3] = {
    {30, 28, 30},    {35, 42, 70}, {190, 170, 140}, {105, 35, 45},
    {120, 120, 125}, {40, 70, 55}, {205, 165, 165}, {110, 80, 60},
};
static const double frames[5][3] = {
    {25, 25, 28}, {70, 45, 30}, {190, 160, 100}, {170, 172, 175}, {80, 82, 86},
};

/* Linear interpolation along a table of n colours at t in 0..1. */
static void ramp(const double (*tab)[3], int n, double t, double out[3]) {
    t = face_clamp(t, 0, 1) * (n - 1);
    int i = (int)t;
    if (i >= n - 1) i = n - 2;
    double f = t - i;
    for (int k = 0; k < 3; k++)
        out[k] = tab[i][k] + (tab[i + 1][k] - tab[i][k]) * f;
}

static void pick(const double (*tab)[3], int n, double t, double out[3]) {
    int i = (int)(face_clamp(t, 0, 0.999) * n);
    memcpy(out, tab[i], sizeof(double) * 3);
}

static void add_bump(face_geom *g, double x, double y, double sx, double sy, double amp,
                     double ang) {
    if (g->nb >= FG_MAXB || fabs(amp) < 1e-5 || sx <= 0 || sy <= 0) return;
    fg_bump *b = &g->b[g->nb++];
    b->x = x, b->y = y, b->amp = amp;
    b->isx2 = 1 / (sx * sx), b->isy2 = 1 / (sy * sy);
    b->c = cos(ang), b->s = sin(ang);
    double r = 3 * fmax(sx, sy);
    b->x0 = x - r, b->x1 = x + r, b->y0 = y - r, b->y1 = y + r;
}

/* A mirrored pair at +-x (angles mirrored too). */
static void add_pair(face_geom *g, double x, double y, double sx, double sy, double amp,
                     double ang) {
    add_bump(g, -x, y, sx, sy, amp, -ang);
    add_bump(g, x, y, sx, sy, amp, ang);
}

/* A crease along a segment, as a row of thin hollows. */
static void add_crease(face_geom *g, double x0, double y0, double x1, double y1, double w,
                       double amp) {
    double len = hypot(x1 - x0, y1 - y0), ang = atan2(y1 - y0, x1 - x0);
    for (int i = 0; i < 3; i++) {
        double t = (i + 0.5) / 3;
        add_pair(g, x0 + (x1 - x0) * t, y0 + (y1 - y0) * t, len / 4, w, amp * (i == 1 ? 1 : 0.8),
                 ang);
    }
}

static void eyes_and_brows(face_geom *g, const face_params *p) {
    const double S = g->scale, k = g->child;
    g->eye_x = p->eye_dx * (1 - 0.02 * k) * S;
    g->eye_y = p->eye_y * S;
    g->eye_w = p->eye_w * (1 + 0.1 * k) * S;
    double open = p->eye_open * (1 + 0.1 * k);
    g->eye_hu = 2 * g->eye_w * open * 0.58 * (1 - 0.12 * g->smile - 0.1 * g->old);
    g->eye_hl = 2 * g->eye_w * open * 0.42 * (1 - 0.4 * g->smile);
    g->eye_tilt = p->eye_tilt;
    g->eye_pku = -0.18 + 0.1 * p->eye_fold;
    g->eye_pkl = 0.15;
    g->iris_r = p->iris_r * g->eye_w * (1 + 0.08 * k);
    g->fold = p->eye_fold;
    g->crease = p->eye_crease * (1 - 0.4 * g->old);
    g->brow_in = p->brow_gap * S;
    g->brow_out = (p->eye_dx + p->eye_w + 0.03) * S;
    g->brow_y = (p->eye_y - p->brow_y * (1 - 0.1 * k) + 0.006 * g->old) * S;
    g->brow_th = p->brow_thick * S * (1 - 0.3 * k) * (1 - 0.2 * g->old);
    g->brow_arch = p->brow_arch * S;
    g->brow_peak = p->brow_peak;
    g->brow_tilt = p->brow_tilt;
    g->brow_dens = 0.75 + 0.2 * (p->sex == FACE_MALE) - 0.25 * g->old - 0.2 * k;
}

static void nose_and_mouth(face_geom *g, const face_params *p) {
    const double S = g->scale, k = g->child;
    g->nose_y = p->nose_len * (1 - 0.28 * k) * (1 + 0.04 * g->old) * S;
    g->nose_w = p->nose_w * (1 - 0.18 * k) * (1 + 0.05 * g->old) * S;
    g->tip_r = p->tip_size * (1 - 0.15 * k) * (1 + 0.15 * g->old) * S;
    g->tip_y = g->nose_y - g->tip_r * (0.9 - 0.25 * p->tip_up);
    g->nos_x = g->nose_w * 0.5;
    g->nos_w = g->nose_w * (0.24 + 0.14 * p->nostril);
    g->nos_h = (0.005 + 0.005 * p->nostril + 0.006 * fmax(0, p->tip_up)) * S;
    g->nos_y = g->nose_y - g->nos_h * 0.9;
    g->bridge_w = p->bridge_w * S * (1 - 0.2 * k);
    g->mouth_y = g->nose_y + p->mouth_y * (1 - 0.2 * k) * (1 + 0.05 * g->sag) * S;
    g->mouth_w = p->mouth_w * (1 - 0.15 * k) * (1 + 0.12 * g->smile) * S;
    g->lip_up = p->lip_up * (1 - 0.3 * g->old) * (1 - 0.25 * g->smile) * S;
    g->lip_lo = p->lip_lo * (1 - 0.2 * g->old) * (1 - 0.1 * g->smile) * S;
    g->bow = p->lip_bow;
    g->phil_w = p->philtrum_w * S * (1 - 0.1 * k);
    g->turn = 0.3 * p->mouth_turn + g->smile - 0.3 * g->sag;
    g->open = g->smile > 0.6 ? (g->smile - 0.6) * 0.06 * S : 0;
}

/* Hair, beard and glasses geometry by style. */
static void hair_geom(face_geom *g, const face_params *p) {
    const double S = g->scale;
    static const double vol[FACE_HAIR_STYLES] = {0.035, 0.04, 0.004, 0.05, 0.13, 0.018, 0.035};
    int st = p->hair_style < 0 || p->hair_style >= FACE_HAIR_STYLES ? 0 : p->hair_style;
    g->vol = vol[st] * (0.6 + 0.8 * p->hair_vol) * S;
    if (st == FACE_HAIR_SHORT && p->hair_type == FACE_HAIR_COILY) g->vol *= 0.5;
    g->hl_y = g->brow_y - p->forehead_h * (1 - 0.05 * g->child) * S;
    g->hl_round = p->hl_round, g->hl_peak = p->hl_peak;
    g->recede = face_clamp(p->recede, 0, 1);
    double len = p->hair_len;
    g->hair_end = st == FACE_HAIR_LONG     ? g->y_b + (0.15 + 0.5 * len) * S
                  : st == FACE_HAIR_MEDIUM ? g->y_b - (0.1 - 0.2 * len) * S
                  : st == FACE_HAIR_VOLUME ? g->ear_y1 - (0.1 - 0.2 * len) * S
                                           : g->ear_y0;
    double f = face_clamp(p->fringe, 0, 1);
    g->fringe_y = g->hl_y + (g->brow_y - 0.03 * S - g->hl_y) * f;
    g->part_x = face_clamp(p->hair_part, -1, 1) * 0.1 * S;
    g->sb_y = p->sex == FACE_MALE ? g->ear_y0 + 0.13 * S : g->ear_y0 + 0.05 * S;
    g->beard_top = g->nose_y - 0.03 * S;
    g->beard_len = p->beard == FACE_BEARD_LONG   ? 0.14 * S
                   : p->beard == FACE_BEARD_FULL ? 0.025 * S
                                                 : 0;
    double look = p->glasses_look;
    g->gl_w = g->eye_w * 1.55 + 0.012 * S;
    g->gl_h = g->gl_w * (0.62 + 0.18 * (1 - look));
    g->gl_r = g->gl_h * (0.3 + 0.65 * (1 - look));
    g->gl_t = (p->glasses == FACE_GLASSES_METAL ? 0.0035 : 0.011) * S;
    g->gl_y = g->eye_y + 0.006 * S;
}

void fg_geom_features(face_geom *g, const face_params *p) {
    eyes_and_brows(g, p);
    nose_and_mouth(g, p);
    hair_geom(g, p);
}

/* The box around everything the head carries, generous by a margin. */
static void head_box(face_geom *g, const face_params *p) {
    const double S = g->scale, m = 0.06 * S;
    double ear = fmax(g->ear_out[0], g->ear_out[1]);
    double x = fmax(g->Wt + g->vol, g->W[FG_NW / 2] + g->Wt * 0.1 + ear) + m;
    double y1 = fmax(g->y_b + g->beard_len, g->hair_end) + m;
    int st = p->hair_style;
    if (st == FACE_HAIR_LONG || st == FACE_HAIR_MEDIUM)
        x = fmax(x, g->Wt + g->vol + 0.16 * (g->hair_end - g->y_t) + m);
    if (st == FACE_HAIR_SCARF) {
        y1 = fmax(y1, g->shoulder_y + 0.4 * S);
        x = fmax(x, g->Wt + 0.05 * S + 0.7 * (y1 - g->y_b) + m);
    }
    g->box_x = x;
    g->box_y0 = g->y_top - g->vol * 1.3 - m;
    g->box_y1 = y1;
}

void fg_geom_pose(face_geom *g, const face_params *p) {
    g->rc = cos(p->roll), g->rs = sin(p->roll);
    g->pivot_y = g->y_b + 0.1 * g->scale;
    g->syaw = sin(face_clamp(p->yaw, -0.4, 0.4));
    g->spitch = sin(face_clamp(p->pitch, -0.3, 0.3));
    /* what stands out of the face moves further when it turns */
    g->nose_dx = 0.09 * g->scale * g->syaw;
    g->mouth_dx = 0.03 * g->scale * g->syaw;
    double e = 2.5 * g->syaw;
    g->ear_out[0] *= face_clamp(1 + e, 0.1, 2);
    g->ear_out[1] *= face_clamp(1 - e, 0.1, 2);
    head_box(g, p);
}

/* Brow ridge, sockets, eyeballs, cheeks, temples and forehead. */
static void bumps_upper(face_geom *g, const face_params *p) {
    const double S = g->scale, k = g->child, male = p->sex == FACE_MALE;
    add_bump(g, 0, -0.3 * S, 0.25 * S, 0.15 * S, (0.03 + 0.02 * k) * S, 0);
    add_pair(g, 0.33 * S, -0.15 * S, 0.07 * S, 0.1 * S, -0.02 * (1 + g->old - 0.5 * g->fat) * S, 0);
    add_pair(g, 0.15 * S, g->brow_y + 0.03 * S, 0.09 * S, 0.03 * S,
             0.025 * (male ? 1.3 : 0.7) * (1 - k) * S, 0);
    add_bump(g, 0, -0.06 * S, 0.035 * S, 0.04 * S, 0.015 * S, 0);
    add_pair(g, g->eye_x - 0.01 * S, g->eye_y - 0.015 * S, 0.075 * S, 0.05 * S,
             -0.04 * (1 + 0.3 * g->old) * S, 0);
    add_pair(g, 0.08 * S, g->eye_y, 0.04 * S, 0.05 * S, -0.01 * S, 0);
    add_pair(g, g->eye_x, g->eye_y, g->eye_w * 0.95, g->eye_w * 0.6, 0.025 * S, 0);
    add_pair(g, g->eye_x, g->eye_y + g->eye_hl + 0.03 * S, 0.06 * S, 0.015 * S,
             (0.004 + 0.016 * g->old + 0.004 * g->fat) * S, 0);
    add_pair(g, g->eye_x - 0.03 * S, g->eye_y + 0.05 * S, 0.04 * S, 0.012 * S, -0.006 * g->old * S,
             -0.5);
    double cb = (0.03 + 0.03 * p->cheekbone + 0.02 * g->smile) * S;
    add_pair(g, p->face_w * 0.62 * S, (0.08 - 0.02 * g->smile) * S, 0.1 * S, 0.085 * S, cb, 0);
    double full = face_clamp(p->cheek_full + 0.5 * g->fat + 0.4 * k, 0, 1.5);
    add_pair(g, p->face_w * 0.55 * S, 0.19 * S, 0.11 * S, 0.1 * S,
             (0.01 + 0.025 * full - 0.012 * g->sag) * S, 0);
    add_pair(g, p->face_w * 0.72 * S, 0.25 * S, 0.05 * S, 0.08 * S,
             -0.02 * (1 - face_clamp(full, 0, 1)) * (0.5 + g->old) * S, 0);
    add_pair(g, 0.018 * S, -0.06 * S, 0.003 * S, 0.02 * S, -0.004 * g->old * S, 0);
}

/* Nose, philtrum, lips, chin, folds and jowls. */
static void bumps_lower(face_geom *g, const face_params *p) {
    const double S = g->scale, k = g->child;
    double nd = g->nose_dx, flat = 1 - 0.5 * k;
    for (int i = 0; i < 3; i++) {
        double t = (i + 0.5) / 3, y = -0.02 * S + (g->tip_y - 0.02 * S) * t;
        double a = (0.02 + 0.03 * t + (i == 1 ? 0.012 * p->nose_hump : 0)) * flat * S;
        add_bump(g, nd * (0.4 + 0.5 * t), y, g->bridge_w * (2.0 - 0.4 * t), g->nose_y * 0.24, a, 0);
    }
    add_bump(g, nd, g->tip_y, g->tip_r * 1.2, g->tip_r * 1.1, 0.07 * flat * S, 0);
    add_bump(g, nd * 0.8 - g->nose_w * 0.7, g->nose_y - 0.014 * S, g->nose_w * 0.33, 0.02 * S,
             0.035 * S, 0);
    add_bump(g, nd * 0.8 + g->nose_w * 0.7, g->nose_y - 0.014 * S, g->nose_w * 0.33, 0.02 * S,
             0.035 * S, 0);
    double fold = -(0.002 + 0.013 * g->old + 0.006 * g->smile + 0.003 * fmax(0, g->fat)) * S;
    add_crease(g, g->nose_w + 0.012 * S, g->nose_y - 0.015 * S, g->mouth_w + 0.02 * S,
               g->mouth_y + 0.025 * S, 0.012 * S, fold * (1 - k));
    double md = g->mouth_dx, my = (g->nose_y + g->mouth_y - g->lip_up) * 0.5;
    add_pair(g, g->phil_w * 0.5, my, 0.008 * S, (g->mouth_y - g->nose_y) * 0.35, 0.0025 * S, 0);
    add_bump(g, md, g->mouth_y - g->lip_up * 0.5, g->mouth_w * 0.7, g->lip_up * 0.8, 0.02 * S, 0);
    add_bump(g, md, g->mouth_y + g->lip_lo * 0.5, g->mouth_w * 0.65, g->lip_lo * 0.7, 0.028 * S, 0);
    add_pair(g, g->mouth_w, g->mouth_y - 0.004 * S * g->turn, 0.016 * S, 0.016 * S, -0.004 * S, 0);
    add_bump(g, md, g->mouth_y + g->lip_lo + 0.025 * S, g->mouth_w * 0.55, 0.012 * S, -0.012 * S,
             0);
    double cw = fmax(0.05 * S, p->chin_w * p->face_w * 0.8 * S);
    add_bump(g, 0, g->y_b - 0.075 * S, cw, 0.05 * S, 0.04 * S, 0);
    add_bump(g, 0, g->y_b - 0.055 * S, 0.006 * S, 0.025 * S, -0.012 * p->chin_cleft * S, 0);
    add_pair(g, g->mouth_w + 0.01 * S, g->mouth_y + 0.06 * S, 0.006 * S, 0.04 * S,
             -0.013 * g->sag * S, 0.2);
    double jy = (g->mouth_y + g->y_b) * 0.5 + 0.03 * S;
    add_pair(g, p->jaw * p->face_w * 0.85 * S, jy, 0.05 * S, 0.04 * S,
             0.018 * (g->sag + fmax(0, g->fat)) * S, 0);
    add_bump(g, 0, g->y_b - 0.015 * S, 0.1 * S, 0.005 * S, -0.006 * fmax(0, g->fat - 0.2) * S, 0);
}

void fg_geom_bumps(face_geom *g, const face_params *p) {
    g->nb = 0;
    bumps_upper(g, p);
    bumps_lower(g, p);
    /* sort them into cells, so a pixel looks at the few that reach it */
    double xm = g->Wt * 1.3;
    g->band_x0 = -xm, g->band_idx = FG_NBX / (2 * xm);
    g->band_y0 = g->y_top, g->band_idy = FG_NB / (g->y_b - g->y_top);
    for (int k = 0; k < FG_NB; k++)
        for (int j = 0; j < FG_NBX; j++) {
            double y0 = g->band_y0 + k / g->band_idy, y1 = y0 + 1 / g->band_idy;
            double x0 = g->band_x0 + j / g->band_idx, x1 = x0 + 1 / g->band_idx;
            int n = 0;
            for (int i = 0; i < g->nb; i++) {
                const fg_bump *b = &g->b[i];
                if (b->y1 >= y0 && b->y0 <= y1 && b->x1 >= x0 && b->x0 <= x1)
                    g->band_i[k][j][n++] = (uint8_t)i;
            }
            g->band_n[k][j] = (uint8_t)n;
        }
}

void fg_geom_colours(face_geom *g, const face_params *p) {
    ramp(skin_tones, 8, p->tone, g->skin);
    double u = face_clamp(p->undertone, -1, 1) * (1 - 0.5 * p->tone);
    double pink[3] = {6, -8, 2}, gold[3] = {2, 4, -12};
    for (int i = 0; i < 3; i++)
        g->skin[i] += u < 0 ? -u * pink[i] : u * gold[i];
    g->redness = 0.1 + 0.6 * (1 - p->tone);
    for (int i = 0; i < 3; i++)
        g->lip[i] = g->skin[i] * (i == 0   ? 0.86 - 0.1 * p->tone
                                  : i == 1 ? 0.66 - 0.04 * p->tone
                                           : 0.7);
    ramp(hair_tones, 6, p->hair_tone * (1 - 0.4 * g->child * 0), g->hair);
    double red[3] = {150, 70, 35};
    if (p->hair_red > 0.2) fz_mix(g->hair, red, (p->hair_red - 0.2) * 0.8 * (0.4 + p->hair_tone));
    for (int i = 0; i < 3; i++) {
        g->hair_hi[i] = fmin(255, g->hair[i] * 1.5 + 30);
        g->brow[i] = g->hair[i] * 0.85;
        g->stubble[i] = g->hair[i] * 0.8 + 8;
    }
    ramp(irises, 5, p->iris_tone, g->iris);
    for (int i = 0; i < 3; i++)
        g->iris2[i] = g->iris[i] * 0.55;
    pick(shirts, 10, p->shirt_tone, g->shirt);
    static const double under[3][3] = {{228, 228, 224}, {200, 214, 230}, {215, 210, 200}};
    for (int i = 0; i < 3; i++) /* the shirt under a jacket: white, pale blue, cream */
        g->shirt2[i] = under[(int)(p->shirt_tone * 29) % 3][i];
    pick(scarves, 8, p->shirt_tone * 7.31 - floor(p->shirt_tone * 7.31), g->scarf);
    pick(frames, 5, p->glasses_look * 3.7 - floor(p->glasses_look * 3.7), g->frame);
    g->stubble_amt = p->sex == FACE_MALE && p->years >= 17 && p->beard != FACE_BEARD_FULL &&
                             p->beard != FACE_BEARD_LONG
                         ? 0.16 * (1 - p->hair_tone) * (1 - 0.6 * p->tone)
                         : 0;
    g->spec = 0.12 + 0.12 * p->tone; /* darker skin shows its highlights more */
    g->s_skin = (uint32_t)(p->seed ^ 0x5a5a1234u);
    g->s_hair = (uint32_t)((p->seed >> 20) ^ 0x1f2e3d4cu);
    g->s_iris = (uint32_t)((p->seed >> 40) ^ 0x7777aaaau);
    g->s_cloth = (uint32_t)(p->seed * 31u + 17u);
}
