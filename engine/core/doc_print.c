/* doc_print.c - what a forger's printer leaves that the security printer's
 * processes do not, seen under the loupe (doc_kit.h: doc_print_structure).
 *
 * Genuine prints keep their own: offset line work is crisp, intaglio stands
 * up in relief, the personalisation is laser-engraved carbon. A forgery
 * printed on an office machine shows its process at magnification:
 *
 *   laser (toner)   powder grains in the solids and toner spatter: specks
 *                   of the same toner scattered a tenth of a millimetre
 *                   round every edge
 *   inkjet          ink wicking into the paper (a soft fringe at the edges)
 *   and satellite droplets trailing the main drops in the head's travel
 *                   (to the right, on a horizontal pass)
 *   colour copier   the copier's screen: every colour built from dots in a
 *                   rosette of two angles
 *
 * Each structure is a few hundredths of a millimetre: invisible at the
 * desk's scale, plain at 10x and more. It is drawn from cells of the page in
 * millimetres (PRINT_CELL_MM), hashed with the document's seed, so it is the
 * same at every resolution that can hold it (from about 330 dpi: the
 * loupe's), and it reads only pixels within PRINT_REACH_MM (a window of the
 * page is built with that margin: doc_build_region). */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "doc_kit.h"

#define PRINT_CELL_MM 0.025 /* toner grain, droplet: the size of one speck */

static const char *const names[] = {"", "laser", "inkjet", "copier"};

const char *doc_printer_name(int p) {
    return p > 0 && p < PRINTER_COUNT ? names[p] : "";
}

int doc_printer_from_name(const char *s) {
    for (int p = 1; p < PRINTER_COUNT; p++)
        if (!strcmp(names[p], s)) return p;
    return -1;
}

uint64_t doc_cell_hash(uint64_t seed, double ppm, int x, int y, double cell_mm) {
    uint64_t gx = (uint64_t)(int64_t)floor((x + 0.5) / ppm / cell_mm);
    uint64_t gy = (uint64_t)(int64_t)floor((y + 0.5) / ppm / cell_mm);
    uint64_t h = seed ^ gx * 0x9E3779B97F4A7C15ull ^ gy * 0xC2B2AE3D27D4EB4Full;
    h ^= h >> 31, h *= 0xBF58476D1CE4E5B9ull, h ^= h >> 29, h *= 0x94D049BB133111EBull;
    return h ^ h >> 32;
}

/* 0..65535 for the cell under (x, y). */
static unsigned cell_hash(uint64_t seed, double ppm, int x, int y, double cell_mm) {
    return (unsigned)(doc_cell_hash(seed, ppm, x, y, cell_mm) >> 48);
}

/* The ink of the nearest well-inked pixel of the layer within r px of
 * (x, y), searched on a ring of directions (side -1: only those to its
 * left, 1: to its right, 0: all), or 0. */
static int inked_near(const matbuf *mb, int layer, int x, int y, int r, int side) {
    for (int d = 1; d <= r; d++)
        for (int k = 0; k < 8; k++) {
            static const int dir[8][2] = {{-1, 0},  {1, 0},  {0, -1}, {0, 1},
                                          {-1, -1}, {1, -1}, {-1, 1}, {1, 1}};
            if (side && dir[k][0] * side <= 0) continue;
            int X = x + dir[k][0] * d, Y = y + dir[k][1] * d;
            if (!matbuf_has(mb, X, Y)) continue;
            size_t i = matbuf_at(mb, X, Y);
            if (mb->cov[layer][i] > 160) return mb->ink[layer][i];
        }
    return 0;
}

/* One pixel's change for the process: the new ink (0: none) and coverage
 * for (x, y) of the layer, decided from the unchanged buffer. */
static int restructure(const matbuf *mb, int layer, int process, uint64_t seed, int x, int y,
                       double tone, int *cov) {
    size_t i = matbuf_at(mb, x, y);
    int ink = mb->ink[layer][i], c = mb->cov[layer][i];
    double ppm = mb->px_per_mm;
    unsigned h = cell_hash(seed, ppm, x, y, PRINT_CELL_MM);
    int reach = (int)ceil(0.10 * ppm);
    if (process == PRINTER_LASER) {
        if (c > 0) { /* toner grains: the solid is powder, fused unevenly */
            *cov = c * (228 + (int)(h % 28)) / 255;
            return ink;
        }
        int near = h < 65536 / 22 ? inked_near(mb, layer, x, y, reach, 0) : 0; /* spatter */
        *cov = 210;
        return near;
    }
    if (process == PRINTER_INKJET) {
        if (c > 0) return *cov = c, ink;
        int edge = inked_near(mb, layer, x, y, (int)ceil(0.03 * ppm), 0); /* wicking */
        if (edge && h % 4 != 0) return *cov = 70 + (int)(h % 50), edge;
        /* a satellite trails its drop: ink to its left, none to its right */
        int far = (int)ceil(0.12 * ppm);
        int sat = h < 65536 / 12 ? inked_near(mb, layer, x, y, far, -1) : 0;
        if (sat && inked_near(mb, layer, x, y, far, 1)) sat = 0;
        return *cov = 200, sat;
    }
    if (process == PRINTER_COPIER) {
        /* the copier scanned the tone around each point and prints it with
         * two dot screens (15 and 75 degrees, 0.14 mm): a dot as big as
         * that tone, the two together a rosette */
        if (tone <= 0.02) return *cov = 0, 0;
        double xm = (x + 0.5) / ppm, ym = (y + 0.5) / ppm, best = 0;
        static const double ang[2] = {0.2618, 1.3090};
        for (int k = 0; k < 2; k++) {
            double u = (xm * cos(ang[k]) + ym * sin(ang[k])) / 0.14;
            double v = (-xm * sin(ang[k]) + ym * cos(ang[k])) / 0.14;
            double fu = u - floor(u) - 0.5, fv = v - floor(v) - 0.5;
            double r = sqrt(tone / M_PI) * 1.3; /* full tone: the cell filled */
            best = fmax(best, doc_edge((sqrt(fu * fu + fv * fv) - r) * 0.14 * ppm));
        }
        *cov = (int)(best * 255);
        int k = c > 0 ? ink : inked_near(mb, layer, x, y, (int)ceil(0.07 * ppm), 0);
        return *cov > 0 ? k : 0;
    }
    *cov = c;
    return c > 0 ? ink : 0;
}

/* The layer's coverage averaged over a square of 2 rad + 1 px round each
 * pixel of r (0..1), into tone (r.w x r.h): what a copier's scanner reads. */
static void local_tone(const matbuf *mb, int layer, irect r, int rad, float *tone, float *row) {
    for (int y = r.y; y < r.y + r.h; y++)
        for (int x = r.x; x < r.x + r.w; x++) {
            double sum = 0;
            int n = 0;
            for (int dx = -rad; dx <= rad; dx++)
                if (matbuf_has(mb, x + dx, y)) sum += mb->cov[layer][matbuf_at(mb, x + dx, y)], n++;
            row[(size_t)(y - r.y) * r.w + (x - r.x)] = (float)(n ? sum / n / 255 : 0);
        }
    for (int y = r.y; y < r.y + r.h; y++)
        for (int x = r.x; x < r.x + r.w; x++) {
            double sum = 0;
            int n = 0;
            for (int dy = -rad; dy <= rad; dy++) {
                int Y = y + dy;
                if (Y < r.y || Y >= r.y + r.h) continue; /* (a window keeps a margin: doc.c) */
                sum += row[(size_t)(Y - r.y) * r.w + (x - r.x)], n++;
            }
            tone[(size_t)(y - r.y) * r.w + (x - r.x)] = (float)(n ? sum / n : 0);
        }
}

int doc_print_structure(doc_ctx *b, int process, irect area) {
    matbuf *mb = b->mb;
    if (process <= PRINTER_NONE || process >= PRINTER_COUNT) return 0;
    /* a speck smaller than a third of a pixel averages out to nothing a
     * person could see at that resolution (below about 330 dpi): the marks
     * are drawn where the picture can hold them, for the loupe */
    if (PRINT_CELL_MM * mb->px_per_mm < 0.33) return 0;
    irect r = doc_clip(mb, area);
    if (r.w <= 0 || r.h <= 0) return 0;
    uint64_t seed = b->spec->seed ^ (uint64_t)process * 0x51ED2701u;
    /* decided from the buffer as painted, then written: no pixel's change
     * sees another's */
    size_t n = (size_t)r.w * (size_t)r.h;
    uint8_t *ink = malloc(n * 2);
    float *tone = process == PRINTER_COPIER ? malloc(n * 2 * sizeof *tone) : NULL;
    if (!ink || (process == PRINTER_COPIER && !tone)) {
        free(ink);
        return err_set(b->err, "out of memory for the print's structure");
    }
    uint8_t *cov = ink + n;
    static const int layers[2] = {LAYER_BG, LAYER_FG};
    for (int l = 0; l < 2; l++) {
        if (tone) local_tone(mb, layers[l], r, (int)lround(0.07 * mb->px_per_mm), tone, tone + n);
        for (int y = r.y; y < r.y + r.h; y++)
            for (int x = r.x; x < r.x + r.w; x++) {
                size_t j = (size_t)(y - r.y) * (size_t)r.w + (size_t)(x - r.x);
                int c = 0,
                    k = restructure(mb, layers[l], process, seed, x, y, tone ? tone[j] : 0, &c);
                ink[j] = (uint8_t)k, cov[j] = (uint8_t)(k ? c : 0);
            }
        for (int y = r.y; y < r.y + r.h; y++)
            for (int x = r.x; x < r.x + r.w; x++) {
                size_t j = (size_t)(y - r.y) * (size_t)r.w + (size_t)(x - r.x);
                size_t i = matbuf_at(mb, x, y);
                mb->ink[layers[l]][i] = ink[j], mb->cov[layers[l]][i] = cov[j];
            }
    }
    free(ink);
    free(tone);
    return 0;
}
