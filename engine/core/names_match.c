/* names_match.c - comparing names read by names.c (see names.h): a weighted
 * edit distance per component whose costs say which differences are
 * romanisation and which make another name, then a best-first pairing of the
 * components of two full names. Symbols: names_int.h.
 */
#include <string.h>

#include "names.h"
#include "names_int.h"

/* ---- step 4: comparing two components -------------------------------------------------------- */

static int is_long(char c) {
    return c == 'A' || c == 'I' || c == 'U' || c == 'y' || c == 'w';
}

static char vowel_class(char c) {
    return c == 'A' ? 'a' : c == 'I' ? 'i' : c == 'U' ? 'u' : c;
}

/* How far apart two vowel qualities are: e stands for fatha in Egyptian and
 * French spellings and for kasra in others, so it is close to both. */
static double vowel_cost(char x, char y) {
    static const struct {
        char a, b;
        double c;
    } tab[] = {{'a', 'e', 0.1}, {'e', 'i', 0.1}, {'a', 'i', 0.9}, {'a', 'u', 0.6}, {'i', 'u', 0.5},
               {'e', 'u', 0.4}, {'y', 'a', 0.7}, {'y', 'i', 0.2}, {'y', 'e', 0.2}, {'y', 'u', 0.5},
               {'w', 'u', 0.2}, {'w', 'a', 0.3}, {'w', 'i', 0.5}, {'w', 'e', 0.5}, {'y', 'w', 0.5}};
    char p = vowel_class(x), q = vowel_class(y);
    double base = 0;
    if (p != q)
        for (size_t k = 0; k < sizeof tab / sizeof tab[0]; k++)
            if ((tab[k].a == p && tab[k].b == q) || (tab[k].a == q && tab[k].b == p))
                base = tab[k].c;
    /* a written long vowel against a different short one is a different name (SAID/SAAD) */
    return is_long(x) != is_long(y) ? 2 * base : base;
}

/* Consonants that romanisations of one Arabic letter use (q/k/g, j/g/dj,
 * th/t/s, dh/d/z, kh/ch/h, gh/g/r, sh/ch, p/b, v/f/w). Everything else: 1. */
static double consonant_cost(char x, char y) {
    static const struct {
        char a, b;
        double c;
    } tab[] = {{'Q', 'K', 0.1}, {'G', 'J', 0.15}, {'G', 'Q', 0.3}, {'X', 'K', 0.4},
               {'X', 'H', 0.4}, {'X', 'C', 0.3},  {'C', 'S', 0.5}, {'1', 'T', 0.2},
               {'1', 'S', 0.3}, {'2', 'D', 0.2},  {'2', 'Z', 0.2}, {'1', '2', 0.2},
               {'Z', 'S', 0.5}, {'D', 'T', 0.5},  {'3', 'G', 0.2}, {'3', 'R', 0.5},
               {'3', 'K', 0.5}, {'B', 'P', 0.3},  {'F', 'V', 0.2}, {'F', 'P', 0.4},
               {'W', 'V', 0.3}, {'1', 'Z', 0.4},  {'2', 'T', 0.4}, {'H', '\'', 0.3},
               {'Z', 'J', 0.6}, {'J', 'Y', 0.4},  {'C', 'K', 0.4}};
    for (size_t k = 0; k < sizeof tab / sizeof tab[0]; k++)
        if ((tab[k].a == x && tab[k].b == y) || (tab[k].a == y && tab[k].b == x)) return tab[k].c;
    return 1.0;
}

static double sub_cost(char x, char y) {
    if (x == y) return 0;
    int vx = names_is_vowel_sym(x), vy = names_is_vowel_sym(y);
    if (vx && vy) return vowel_cost(x, y);
    if (!vx && !vy) return consonant_cost(x, y);
    char v = vx ? vowel_class(x) : vowel_class(y), c = vx ? y : x;
    if ((c == 'W' && (v == 'u' || v == 'w')) || (c == 'Y' && (v == 'i' || v == 'y'))) return 0.2;
    if (c == 'J' && (v == 'i' || v == 'y')) return 0.4; /* Nordic J: MAJA / MAIA */
    /* ain or hamza written as a (short) vowel: ALI / علي, ABBAS / عباس */
    if (c == '\'') return is_long(vx ? x : y) ? 0.6 : 0.2;
    return 1.5;
}

static double weight(char c) {
    if (names_is_vowel_sym(c)) return 0.5;
    if (c == '\'') return 0.2;
    return 1.0;
}

/* Cost of leaving out s[i] (a component of n symbols); other_arabic: the
 * other component is Arabic script, which does not write short vowels. */
static double del_cost(const char *s, int i, int n, int other_arabic, int self_arabic,
                       char other_first) {
    char c = s[i];
    if (names_is_vowel_sym(c)) {
        if (i == n - 1 && vowel_class(c) == 'a') return 1.5; /* feminine -a: ALI / ALIA */
        if (i == n - 1 && c != 'e') return 0.9; /* nisba -i: QASIM / QASIMI, HUSSEINI */
        if (self_arabic) return 0.9;            /* a letter the script writes */
        /* Arabic writes long vowels and initial ones */
        if (other_arabic) return is_long(c) || i == 0 ? 1.0 : 0.05;
        return is_long(c) ? 0.7 : 0.5;
    }
    /* doubled: a spelling's habit, or shadda, which Arabic script rarely writes */
    if (i > 0 && s[i - 1] == c) return other_arabic ? 0.1 : 0.3;
    /* an initial alef or ain is a letter: ANWAR is not NUR; before AISHA's vowel it is silent */
    if (c == '\'') return i == 0 && !names_is_vowel_sym(other_first) ? 0.6 : 0.1;
    if (c == 'H') return i == n - 1 && i > 0 && names_is_vowel_sym(s[i - 1]) ? 0.3 : 0.6; /* -AH */
    if (c == 'W' || c == 'Y') {
        /* a glide beside its own vowel: ATIYYA / ATTIA, DHIYAB / DIAB */
        char near = c == 'Y' ? 'i' : 'u', alt = c == 'Y' ? 'y' : 'w';
        for (int k = i - 1; k <= i + 1; k += 2)
            if (k >= 0 && k < n && (vowel_class(s[k]) == near || s[k] == alt)) return 0.2;
        return 0.5;
    }
    return 1.0;
}

static double edit_similarity(const char *a, int aa, const char *b, int ba) {
    int n = (int)strlen(a), m = (int)strlen(b);
    double d[NAMES_TOKEN_MAX + 1][NAMES_TOKEN_MAX + 1];
    double wa = 0, wb = 0;
    d[0][0] = 0;
    for (int i = 1; i <= n; i++)
        d[i][0] = d[i - 1][0] + del_cost(a, i - 1, n, ba, aa, b[0]), wa += weight(a[i - 1]);
    for (int j = 1; j <= m; j++)
        d[0][j] = d[0][j - 1] + del_cost(b, j - 1, m, aa, ba, a[0]), wb += weight(b[j - 1]);
    for (int i = 1; i <= n; i++)
        for (int j = 1; j <= m; j++) {
            double x = d[i - 1][j - 1] + sub_cost(a[i - 1], b[j - 1]);
            double y = d[i - 1][j] + del_cost(a, i - 1, n, ba, aa, b[0]);
            double z = d[i][j - 1] + del_cost(b, j - 1, m, aa, ba, a[0]);
            d[i][j] = x < y ? (x < z ? x : z) : (y < z ? y : z);
        }
    double w = wa > wb ? wa : wb;
    if (w <= 0) return 0;
    double s = 1.0 - d[n][m] / w;
    return s < 0 ? 0 : s;
}

/* Compounds are compared part by part when both are compounds (ABD+AZIZ vs
 * ABD+AZIM differ in the part that makes the name), whole otherwise. */
static double token_similarity(const char *a, int aa, const char *b, int ba) {
    const char *pa = strchr(a, '+'), *pb = strchr(b, '+');
    char x[NAMES_TOKEN_MAX + 1], y[NAMES_TOKEN_MAX + 1];
    if (pa && pb) {
        size_t ha = (size_t)(pa - a), hb = (size_t)(pb - b);
        memcpy(x, a, ha), x[ha] = '\0';
        memcpy(y, b, hb), y[hb] = '\0';
        double h = edit_similarity(x, aa, y, ba), t = edit_similarity(pa + 1, aa, pb + 1, ba);
        return h < t ? h : t;
    }
    size_t nx = 0, ny = 0;
    for (; *a; a++)
        if (*a != '+') x[nx++] = *a;
    for (; *b; b++)
        if (*b != '+') y[ny++] = *b;
    x[nx] = y[ny] = '\0';
    return edit_similarity(x, aa, y, ba);
}

/* ---- step 5: full names ------------------------------------------------------------------------
 */

static double token_weight(const char *s) {
    double w = 0;
    for (; *s; s++)
        if (*s != '+') w += weight(*s);
    return w;
}

double names_similarity_parsed(const names_parsed *a, const names_parsed *b) {
    return names_similarity_floor(a, b, 0);
}

double names_similarity_floor(const names_parsed *a, const names_parsed *b, double floor) {
    if (!a || !b || a->n == 0 || b->n == 0) return 0;
    double sim[NAMES_MAX_TOKENS][NAMES_MAX_TOKENS];
    /* row by row over the name with fewer components: each of them will be
     * paired, so one whose best partner is too weak settles the answer */
    int short_a = a->n <= b->n;
    for (int i = 0; i < (short_a ? a->n : b->n); i++) {
        double best = 0;
        for (int j = 0; j < (short_a ? b->n : a->n); j++) {
            int x = short_a ? i : j, y = short_a ? j : i;
            sim[x][y] = token_similarity(a->sym[x], a->arabic[x], b->sym[y], b->arabic[y]);
            if (sim[x][y] > best) best = sim[x][y];
        }
        if (0.9 * best + 0.1 < floor) return 0;
    }
    /* pair the components best first: the order of surname and given names,
     * and of the given names among themselves, varies between documents */
    int used_a[NAMES_MAX_TOKENS] = {0}, used_b[NAMES_MAX_TOKENS] = {0};
    int pairs = a->n < b->n ? a->n : b->n;
    double sum = 0, wsum = 0, worst = 1;
    for (int k = 0; k < pairs; k++) {
        int bi = -1, bj = -1;
        for (int i = 0; i < a->n; i++)
            for (int j = 0; j < b->n; j++)
                if (!used_a[i] && !used_b[j] && (bi < 0 || sim[i][j] > sim[bi][bj])) bi = i, bj = j;
        used_a[bi] = used_b[bj] = 1;
        double w = token_weight(a->sym[bi]) + token_weight(b->sym[bj]);
        sum += sim[bi][bj] * w, wsum += w;
        if (sim[bi][bj] < worst) worst = sim[bi][bj];
    }
    double mean = wsum > 0 ? sum / wsum : 0;
    /* both the surname and the given name must agree: the weakest pair decides
     * (a good surname does not make SAMEER a SAMEERA), the mean only orders
     * equal ones; a component with no partner costs a little (a father's name
     * one document gives and another leaves out) */
    double s = 0.9 * worst + 0.1 * mean;
    int extra = a->n > b->n ? a->n - b->n : b->n - a->n;
    s *= 1.0 - 0.08 * extra;
    return s < 0 ? 0 : s;
}

double names_similarity(const char *a_utf8, const char *b_utf8) {
    names_parsed a, b;
    if (names_parse(a_utf8, &a) == 0 || names_parse(b_utf8, &b) == 0) return 0;
    return names_similarity_parsed(&a, &b);
}
