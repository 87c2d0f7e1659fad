/* names.c - reading names (see names.h): UTF-8 -> components -> ICAO MRZ
 * letters (translit.h, Doc 9303 Part 3) -> articles and compounds -> sound
 * symbols (names_int.h says what they are); and their keys. Comparing them is
 * names_match.c's.
 */
#include "names.h"
#include "names_int.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "translit.h"

#define RAW_MAX 16 /* components before articles and compounds are folded */
#define RAW_LEN 64 /* MRZ letters of one component */

typedef struct {
    char s[RAW_LEN];
    int arabic; /* read as Arabic: Arabic script, or its MRZ form */
    int mrz;    /* Latin letters recognised as the MRZ form of Arabic */
} raw_tok;

typedef struct {
    raw_tok t[RAW_MAX];
    int n;
} raw_name;

/* ---- step 1: components and their MRZ letters --------------------------------------------- */

static int is_sep_byte(unsigned char c) {
    return c == ' ' || c == '\t' || c == '-' || c == ',' || c == '<' || c == '.' || c == '/' ||
           c == ';' || c == '(' || c == ')' || c == '\n' || c == '\r';
}

/* Length of the separator at s (0: none): ASCII ones, the Arabic comma, NBSP. */
static size_t sep_len(const unsigned char *s) {
    if (is_sep_byte(s[0])) return 1;
    if (s[0] == 0xD8 && s[1] == 0x8C) return 2; /* U+060C */
    if (s[0] == 0xC2 && s[1] == 0xA0) return 2; /* U+00A0 */
    return 0;
}

static int has_arabic_bytes(const unsigned char *s, size_t n) {
    for (size_t i = 0; i < n; i++) {
        if (s[i] >= 0xD8 && s[i] <= 0xDB) return 1; /* U+06xx */
        if (s[i] == 0xEF && i + 1 < n && s[i + 1] >= 0xAD && s[i + 1] <= 0xBB) return 1; /* forms */
    }
    return 0;
}

/* A Latin component written the MRZ way for Arabic (MXHMD, XSHRYF, KRYM): an
 * 'X' escape that no ordinary spelling has, or a consonant skeleton. */
static int has_mrz_escape(const char *s) {
    static const char *const esc[] = {"XH",  "XKH", "XSH", "XTH", "XDH", "XSS", "XDZ",
                                      "XTT", "XZZ", "XAA", "XAE", "XAY", "XTA"};
    for (size_t i = 0; i < sizeof esc / sizeof esc[0]; i++)
        if (strstr(s, esc[i])) return 1;
    size_t n = strlen(s);
    if (n > 3 && strcmp(s + n - 3, "XAH") == 0) return 1;
    /* a consonant skeleton (an initial E is ain, an initial AL the article):
     * KRYM, SMYR, EMR, ALSYD, ZKRYA; never O or C, which §6.C does not use */
    if (strncmp(s, "AL", 2) == 0)
        s += 2, n -= 2;
    else if (s[0] == 'E')
        s += 1, n -= 1;
    int vowels = 0, cons = 0, lead = 0; /* consonants before the first vowel */
    for (size_t i = 0; i < n; i++) {
        if (s[i] == 'O' || s[i] == 'C') return 0;
        if (strchr("AEIU", s[i]))
            vowels++;
        else
            cons++, lead += vowels == 0;
    }
    return (vowels == 0 && cons >= 2) || (vowels <= 1 && cons >= 4 && lead >= 3);
}

static void raw_push(raw_name *r, const char *mrz, int arabic) {
    /* translit may itself find separators (U+2010...): split its output at '<' */
    const char *p = mrz;
    while (*p && r->n < RAW_MAX) {
        while (*p == '<')
            p++;
        size_t k = strcspn(p, "<");
        if (k == 0) break;
        if (k >= RAW_LEN) k = RAW_LEN - 1;
        raw_tok *t = &r->t[r->n++];
        memcpy(t->s, p, k);
        t->s[k] = '\0';
        t->mrz = !arabic && has_mrz_escape(t->s);
        t->arabic = arabic || t->mrz;
        p += strcspn(p, "<");
    }
}

/* Scholarly romanisation (UNGEGN, ALA-LC, DIN 31635) marks Arabic letters
 * with dots and signs ICAO's table does not cover: they are written here the
 * way passports spell them (ḥ -> H, ṣ -> S, ḫ -> KH, ṯ -> TH, ḏ -> DH, š -> SH,
 * ǧ -> J) and ʿ ʾ (ain, hamza) dropped like apostrophes, before translit.h. */
static int scholarly_fold(const unsigned char *s, size_t len, char *out, size_t cap) {
    static const struct {
        uint32_t cp;
        const char *to;
    } tab[] = {{0x02BE, ""},   {0x02BF, ""},   {0x1E24, "H"},  {0x1E25, "h"},  {0x1E62, "S"},
               {0x1E63, "s"},  {0x1E6C, "T"},  {0x1E6D, "t"},  {0x1E0C, "D"},  {0x1E0D, "d"},
               {0x1E92, "Z"},  {0x1E93, "z"},  {0x1E2A, "KH"}, {0x1E2B, "kh"}, {0x1E6E, "TH"},
               {0x1E6F, "th"}, {0x1E0E, "DH"}, {0x1E0F, "dh"}, {0x0160, "SH"}, {0x0161, "sh"},
               {0x01E6, "J"},  {0x01E7, "j"},  {0x1E96, "h"},  {0x1E8E, "Y"},  {0x1E8F, "y"},
               {0x00C7, "S"},  {0x00E7, "s"}};
    size_t o = 0;
    for (size_t i = 0; i < len;) {
        uint32_t cp = 0;
        size_t k = 1;
        if (s[i] >= 0xC0 && s[i] < 0xE0 && i + 1 < len)
            cp = ((uint32_t)(s[i] & 0x1F) << 6) | (s[i + 1] & 0x3F), k = 2;
        else if (s[i] >= 0xE0 && s[i] < 0xF0 && i + 2 < len)
            cp = ((uint32_t)(s[i] & 0x0F) << 12) | ((uint32_t)(s[i + 1] & 0x3F) << 6) |
                 (s[i + 2] & 0x3F),
            k = 3;
        const char *to = NULL;
        for (size_t t = 0; t < sizeof tab / sizeof tab[0] && cp; t++)
            if (tab[t].cp == cp) to = tab[t].to;
        size_t tl = to ? strlen(to) : 1;
        if (o + (to ? tl : k) + 1 > cap) return -1;
        if (to)
            memcpy(out + o, to, tl), o += tl;
        else
            memcpy(out + o, s + i, 1), o += 1, k = 1; /* other bytes: translit.h judges them */
        i += k;
    }
    out[o] = '\0';
    return 0;
}

/* Splits and transliterates; -1 when a component cannot be read. */
static int read_components(const char *utf8, raw_name *r) {
    r->n = 0;
    const unsigned char *s = (const unsigned char *)utf8;
    while (*s && r->n < RAW_MAX) {
        size_t k;
        while ((k = sep_len(s)) != 0)
            s += k;
        if (!*s) break;
        const unsigned char *start = s;
        while (*s && sep_len(s) == 0)
            s++;
        size_t len = (size_t)(s - start);
        char tok[256], mrz[256];
        if (scholarly_fold(start, len, tok, sizeof tok) < 0) return -1;
        if (translit_name_to_mrz(tok, mrz, sizeof mrz, NULL) < 0) return -1;
        raw_push(r, mrz, has_arabic_bytes(start, len));
    }
    /* an MRZ name is all one script: EBD<ALLH is Arabic throughout */
    int mrz = 0;
    for (int i = 0; i < r->n && strchr(utf8, '<'); i++)
        mrz |= r->t[i].mrz;
    for (int i = 0; i < r->n && mrz; i++)
        r->t[i].arabic = 1;
    return 0;
}

/* ---- step 2: articles and compounds --------------------------------------------------------- */

static int in_list(const char *s, const char *const *list) {
    for (; *list; list++)
        if (strcmp(s, *list) == 0) return 1;
    return 0;
}

static int is_vowel_letter(char c) {
    return c == 'A' || c == 'E' || c == 'I' || c == 'O' || c == 'U';
}

static void drop(raw_name *r, int i) {
    memmove(&r->t[i], &r->t[i + 1], sizeof r->t[0] * (size_t)(r->n - i - 1));
    r->n--;
}

/* A standalone article: AL, EL..., or an assimilated one (AR before RAHMAN,
 * ASH before SHAMI, ED before DIN) - a vowel and the next component's first
 * consonant(s). */
static int is_article(const raw_name *r, int i) {
    static const char *const plain[] = {"AL", "EL", "UL", "OL", "IL", "L", NULL};
    const char *s = r->t[i].s;
    if (in_list(s, plain)) return i + 1 < r->n;
    if (r->t[i].arabic || i + 1 >= r->n) return 0;
    size_t n = strlen(s);
    if ((n == 2 || n == 3) && strchr("AEU", s[0]) && !is_vowel_letter(s[1]) &&
        !is_vowel_letter(s[n - 1])) /* AR, ED, ASH - not IDA, not ABU */
        return strncmp(r->t[i + 1].s, s + 1, n - 1) == 0;
    return 0;
}

/* An article written onto its word: Latin ELSAYED, ESSAYED; Arabic ALRXHMN. */
static void strip_prefix_article(raw_tok *t) {
    char *s = t->s;
    size_t n = strlen(s);
    if (t->arabic) {
        if (n >= 4 && strncmp(s, "AL", 2) == 0 && strcmp(s, "ALLH") != 0) memmove(s, s + 2, n - 1);
        return;
    }
    /* before a vowel only when the rest is long enough to be a name: ELAMRANI, not ELENA */
    if ((strncmp(s, "AL", 2) == 0 || strncmp(s, "EL", 2) == 0) &&
        (n >= 6 && (!is_vowel_letter(s[2]) || n >= 7)))
        memmove(s, s + 2, n - 1);
    else if (n >= 6 && (s[0] == 'A' || s[0] == 'E') && s[1] == s[2] && strchr("DRSTZN", s[1]))
        memmove(s, s + 1, n); /* ESSAYED -> SSAYED: the doubling stays, as Arabic shadda */
}

static const char *const heads[] = {"ABD",   "ABDEL", "ABDUL", "ABDAL", "ABDOUL", "ABDOL",
                                    "ABDIL", "ABDU",  "ABDOU", "ABDUR", "ABDER",  "ABDUS",
                                    "ABDES", "ABDOR", "ABU",   "ABOU",  "ABO",    "ABOO",
                                    "ABUL",  "ABOUL", "EBD",   "XAEBW", "ABW",    NULL};
static const char *const tails[] = {"DIN",   "DINE",  "DEEN",  "EDDIN", "EDDINE", "UDDIN",
                                    "ADDIN", "ALDIN", "ELDIN", "ALLAH", "ULLAH",  "ELLAH",
                                    "ALLA",  "ULLA",  "DYN",   "ALLH",  "ALDYN",  NULL};

static void join(raw_name *r, int i) {
    raw_tok *a = &r->t[i], *b = &r->t[i + 1];
    size_t na = strlen(a->s), nb = strlen(b->s);
    if (na + 1 + nb >= RAW_LEN) nb = na + 2 < RAW_LEN ? RAW_LEN - 2 - na : 0;
    a->s[na] = '+';
    memcpy(a->s + na + 1, b->s, nb);
    a->s[na + 1 + nb] = '\0';
    a->arabic = a->arabic || b->arabic;
    drop(r, i + 1);
}

/* Inserts '+' at s[at]: the seam of a compound, compared part by part. */
static void mark_seam(char *s, size_t at) {
    size_t n = strlen(s);
    if (n + 2 > RAW_LEN || at == 0 || at >= n || s[at] == '+' || s[at - 1] == '+') return;
    memmove(s + at + 1, s + at, n - at + 1);
    s[at] = '+';
}

static int ends_with(const char *s, const char *sfx) {
    size_t n = strlen(s), k = strlen(sfx);
    return n >= k && strcmp(s + n - k, sfx) == 0;
}

/* Arabic compounds: عبد / أبو + name, name + الدين / الله, from MRZ letters
 * (a join already put '+' at the seam). */
static void fold_compound_arabic(char *s) {
    size_t n = strlen(s);
    if (n > 4 && ends_with(s, "ALLH")) {
        memmove(s + n - 4, s + n - 3, 4); /* ...ALLAH: the article goes, LLH stays */
        mark_seam(s, n - 4);
    } else if (n > 5 && ends_with(s, "ALDYN")) {
        memmove(s + n - 5, s + n - 3, 4);
        mark_seam(s, n - 5);
    }
    static const char *const head[] = {"XAEBW", "EBD", "ABW", NULL};
    for (int k = 0; head[k]; k++) {
        size_t h = strlen(head[k]);
        if (strncmp(s, head[k], h) != 0 || strlen(s) < h + 2) continue;
        size_t p = h + (s[h] == '+');
        if (strncmp(s + p, "AL", 2) == 0 && strlen(s + p) >= 4)
            memmove(s + p, s + p + 2, strlen(s + p + 2) + 1);
        mark_seam(s, h);
        break;
    }
}

/* Latin compounds: the linking vowel or article goes and the seam is marked:
 * ABDULRAHMAN -> ABD+RAHMAN, ABDALLAH -> ABD+LAH, SALAHUDDIN -> SALAH+DIN,
 * HABIBULLAH -> HABIB+LAH, ABOUBAKR -> ABOU+BAKR. */
static void fold_compound_latin(char *s) {
    size_t n = strlen(s);
    static const struct {
        const char *from, *to;
    } sfx[] = {{"EDDINE", "DIN"}, {"UDDINE", "DIN"}, {"ADDINE", "DIN"}, {"EDDEEN", "DIN"},
               {"UDDEEN", "DIN"}, {"ALDEEN", "DIN"}, {"ELDEEN", "DIN"}, {"ALDINE", "DIN"},
               {"ELDINE", "DIN"}, {"EDDIN", "DIN"},  {"UDDIN", "DIN"},  {"ADDIN", "DIN"},
               {"IDDIN", "DIN"},  {"ALDIN", "DIN"},  {"ELDIN", "DIN"},  {"ULDIN", "DIN"},
               {"DINE", "DIN"},   {"DEEN", "DIN"},   {"DIN", "DIN"},    {"ULLAH", "LAH"},
               {"ALLAH", "LAH"},  {"ELLAH", "LAH"},  {"ILLAH", "LAH"},  {"ULLA", "LAH"},
               {"ALLA", "LAH"}};
    for (size_t k = 0; k < sizeof sfx / sizeof sfx[0]; k++) {
        size_t fl = strlen(sfx[k].from);
        if (n >= fl + 3 && ends_with(s, sfx[k].from)) {
            strcpy(s + n - fl, sfx[k].to);
            mark_seam(s, n - fl);
            break;
        }
    }
    n = strlen(s);
    char *seam = strchr(s, '+');
    if (strncmp(s, "ABD", 3) == 0 && seam && seam - s > 3 && seam - s <= 6) {
        memmove(s + 3, seam, strlen(seam) + 1); /* ABDEL+RAHMAN -> ABD+RAHMAN */
        return;
    }
    if (n > 5 && strncmp(s, "ABD", 3) == 0 && s[3] != '+') {
        static const char *const link[] = {"OUL", "UL", "EL", "AL", "OL", "IL", "OU",
                                           "U",   "E",  "A",  "O",  "I",  NULL};
        for (int k = 0; link[k]; k++) {
            size_t kl = strlen(link[k]);
            if (strncmp(s + 3, link[k], kl) == 0 && n - 3 - kl >= 2 && s[3 + kl] != '+') {
                memmove(s + 3, s + 3 + kl, n - 3 - kl + 1);
                break;
            }
        }
        mark_seam(s, 3);
        return;
    }
    static const char *const abu[] = {"ABOU", "ABOO", "ABU", "ABO", NULL};
    for (int k = 0; abu[k]; k++) {
        size_t h = strlen(abu[k]);
        if (strncmp(s, abu[k], h) == 0 && n >= h + 3 && !is_vowel_letter(s[h]) && s[h] != '+') {
            mark_seam(s, h);
            return;
        }
    }
}

static void fold_articles_compounds(raw_name *r) {
    for (int i = 0; i < r->n;)
        if (is_article(r, i))
            drop(r, i);
        else
            i++;
    for (int i = 0; i + 1 < r->n;) {
        if (in_list(r->t[i].s, heads) && !in_list(r->t[i + 1].s, heads))
            join(r, i);
        else if (in_list(r->t[i + 1].s, tails))
            join(r, i);
        else
            i++;
    }
    for (int i = 0; i < r->n; i++) {
        strip_prefix_article(&r->t[i]);
        if (r->t[i].arabic)
            fold_compound_arabic(r->t[i].s);
        else
            fold_compound_latin(r->t[i].s);
    }
}

/* ---- step 3: sound symbols ------------------------------------------------------------------ */

int names_is_vowel_sym(char c) {
    return c == 'a' || c == 'e' || c == 'i' || c == 'u' || c == 'y' || c == 'w' || c == 'A' ||
           c == 'I' || c == 'U';
}

typedef struct {
    char *out;
    int n, cap;
} symbuf;

static void emit(symbuf *b, char c) {
    if (b->n < b->cap) b->out[b->n++] = c;
}

/* A run of Latin vowel letters (Y and W included where they are vowels) as
 * one or more vowel symbols. */
static void emit_vowels(symbuf *b, const char *run, int n) {
    char r[16];
    if (n > 15) n = 15;
    memcpy(r, run, (size_t)n);
    r[n] = '\0';
    static const struct {
        const char *run;
        const char *sym;
    } tab[] = {
        {"A", "a"},    {"E", "e"},    {"I", "i"},    {"O", "u"},    {"U", "u"},    {"Y", "i"},
        {"AA", "a'"},  {"EE", "I"},   {"II", "I"},   {"IE", "I"},   {"IY", "I"},   {"EA", "I"},
        {"OU", "u"},   {"OO", "U"},   {"UU", "U"},   {"OE", "U"},   {"UE", "U"},   {"AI", "y"},
        {"AY", "y"},   {"EI", "y"},   {"EY", "y"},   {"AE", "y"},   {"AEE", "y"},  {"AEI", "y"},
        {"AEY", "y"},  {"AIE", "y"},  {"AII", "y"},  {"AU", "w"},   {"AW", "w"},   {"AO", "w"},
        {"OW", "w"},   {"IA", "ia"},  {"IYA", "ia"}, {"UA", "ua"},  {"OUA", "ua"}, {"EIA", "ya"},
        {"AYA", "ya"}, {"IYE", "ie"}, {"OUI", "ui"}, {"AOU", "aU"}, {"IOU", "iU"}};
    for (size_t k = 0; k < sizeof tab / sizeof tab[0]; k++)
        if (strcmp(r, tab[k].run) == 0) {
            for (const char *p = tab[k].sym; *p; p++)
                emit(b, *p);
            return;
        }
    char last = 0;
    for (int i = 0; i < n; i++) {
        char c = r[i] == 'A'                                   ? 'a'
                 : r[i] == 'E'                                 ? 'e'
                 : (r[i] == 'O' || r[i] == 'U' || r[i] == 'W') ? 'u'
                                                               : 'i';
        if (c != last) emit(b, c);
        last = c;
    }
}

/* A Latin letter at s[i] as a consonant symbol; *adv letters used. 0: a vowel. */
static char latin_consonant(const char *s, int i, int n, int *adv) {
    char c = s[i], d = i + 1 < n ? s[i + 1] : 0, e = i + 2 < n ? s[i + 2] : 0;
    *adv = 2;
    if (c == 'S' && d == 'C' && e == 'H') return *adv = 3, 'C';
    if (c == 'T' && d == 'C' && e == 'H') return *adv = 3, 'C';
    if (d == 'H') {
        switch (c) {
        case 'S':
        case 'C':
            return 'C';
        case 'K':
            return 'X';
        case 'T':
            return '1';
        case 'D':
            return '2';
        case 'G':
            return '3';
        case 'P':
            return 'F';
        case 'Z':
            return 'J';
        default:
            break;
        }
    }
    if (c == 'D' && d == 'J') return 'J';
    if (c == 'C' && d == 'K') return 'K';
    *adv = 1;
    if (c == 'C') return (d == 'E' || d == 'I' || d == 'Y') ? 'S' : 'K';
    return c;
}

/* Is the Y or W at s[i] a consonant? Before a vowel (YOUSSEF, SAYED, MARWAN,
 * DHIYAB) or a W that starts the name; otherwise it belongs to the vowel run
 * (ZAYNAB, HUSAYN, ALY). */
static int glide_is_consonant(const char *s, int i, int n) {
    int next_v = i + 1 < n && is_vowel_letter(s[i + 1]);
    int doubled = i + 2 < n && s[i + 1] == s[i] && is_vowel_letter(s[i + 2]); /* SAYYID */
    return next_v || doubled || (i == 0 && s[0] == 'W');
}

static int latin_symbols(const char *s, char *out, int cap) {
    symbuf b = {out, 0, cap};
    int n = (int)strlen(s);
    /* French final E after a consonant is silent (RAHMANE, KARIME, DINE) */
    if (n >= 4 && s[n - 1] == 'E' && !is_vowel_letter(s[n - 2]) && s[n - 2] != 'Y') n--;
    for (int i = 0; i < n;) {
        char c = s[i];
        if (i == 0 && c == 'O' && s[1] == 'U' && n > 2 && is_vowel_letter(s[2])) {
            emit(&b, 'W'); /* OUALID, OUAFA: French OU before a vowel is W */
            i += 2;
            continue;
        }
        int vowel = is_vowel_letter(c) || ((c == 'Y' || c == 'W') && !glide_is_consonant(s, i, n));
        if (vowel) {
            int j = i;
            while (j < n && (is_vowel_letter(s[j]) ||
                             ((s[j] == 'Y' || s[j] == 'W') && !glide_is_consonant(s, j, n))))
                j++;
            emit_vowels(&b, s + i, j - i);
            i = j;
            continue;
        }
        int adv;
        char k = latin_consonant(s, i, n, &adv);
        emit(&b, k);
        i += adv;
    }
    out[b.n] = '\0';
    return b.n;
}

/* Arabic read from its MRZ letters (Doc 9303 §6.C): the 'X' escapes back to
 * sounds, ا و ي as long vowels or as consonants by position. */
static int arabic_symbols(const char *s, char *out, int cap) {
    symbuf b = {out, 0, cap};
    static const struct {
        const char *mrz;
        char sym;
    } esc[] = {{"XKH", 'X'}, {"XSH", 'C'}, {"XTH", '1'}, {"XDH", '2'},  {"XSS", 'S'}, {"XDZ", 'D'},
               {"XTT", 'T'}, {"XZZ", 'Z'}, {"XAA", 'A'}, {"XAE", '\''}, {"XAY", 'a'}, {"XTA", 'T'},
               {"XAH", 'a'}, {"XH", 'H'},  {"XE", '\''}, {"XI", 'i'}};
    int n = (int)strlen(s);
    int allah = n >= 3 && strcmp(s + n - 3, "LLH") == 0; /* الله: Latin writes -ALLAH/-ULLA */
    for (int i = 0; i < n;) {
        int hit = 0;
        if (s[i] == 'X')
            for (size_t k = 0; k < sizeof esc / sizeof esc[0] && !hit; k++) {
                size_t l = strlen(esc[k].mrz);
                if (strncmp(s + i, esc[k].mrz, l) == 0) {
                    char sym = esc[k].sym;
                    if (sym == 'i' && b.n > 0 && b.out[b.n - 1] == 'A')
                        b.out[b.n - 1] = 'y'; /* ائ: the a'i of AISHA, THAIR, RAED */
                    else
                        emit(&b, sym);
                    i += (int)l, hit = 1;
                }
            }
        if (hit) continue;
        char c = s[i];
        int prev_c =
            b.n > 0 && !names_is_vowel_sym(b.out[b.n - 1]); /* ain and hamza are consonants */
        int next_c = i + 1 >= n || !strchr("AWYIU", s[i + 1]);
        if (allah && i == n - 1 && c == 'H') emit(&b, 'a'); /* ...LLAH */
        switch (c) {
        case 'A':
            emit(&b, i == 0 ? '\'' : 'A'); /* an initial alef only carries the first vowel */
            break;
        case 'E':
        case 'U':
            emit(&b, '\''); /* ع, ؤ */
            break;
        case 'I':
            emit(&b, 'i'); /* إ */
            break;
        case 'Y':
            if (b.n > 1 && b.out[b.n - 1] == '\'' && b.out[b.n - 2] == 'A' && i + 1 < n &&
                !strchr("AWYIU", s[i + 1])) {
                b.out[b.n - 2] = 'y', b.n--; /* اعي: the a'i of ISMAIL */
                break;
            }
            if (b.n > 0 && b.out[b.n - 1] == 'i')
                b.out[b.n - 1] = 'I'; /* إي: IMAN */
            else
                emit(&b, i > 0 && next_c ? (prev_c ? 'I' : 'y') : 'Y');
            break;
        case 'W':
            if (b.n > 0 && b.out[b.n - 1] == 'u')
                b.out[b.n - 1] = 'U';
            else
                emit(&b, i > 0 && prev_c && next_c ? 'U' : 'W');
            break;
        case 'G':
            emit(&b, '3');
            break;
        case 'X':
            break; /* an escape of a letter not read here */
        default:
            emit(&b, c);
            break;
        }
        i++;
    }
    out[b.n] = '\0';
    return b.n;
}

int names_parse(const char *utf8, names_parsed *out) {
    memset(out, 0, sizeof *out);
    if (!utf8) return 0;
    raw_name r;
    if (read_components(utf8, &r) < 0) return 0;
    fold_articles_compounds(&r);
    for (int i = 0; i < r.n && out->n < NAMES_MAX_TOKENS; i++) {
        char *sym = out->sym[out->n];
        int len = 0;
        /* each part of a compound is read on its own (a final E or H is final in its part) */
        for (char *part = r.t[i].s; *part;) {
            size_t k = strcspn(part, "+");
            char one[RAW_LEN];
            memcpy(one, part, k), one[k] = '\0';
            int room = NAMES_TOKEN_MAX - len - (len > 0);
            if (room <= 0 || k == 0) break;
            if (len > 0) sym[len++] = '+';
            len += r.t[i].arabic ? arabic_symbols(one, sym + len, room)
                                 : latin_symbols(one, sym + len, room);
            part += k + (part[k] == '+');
        }
        sym[len] = '\0';
        if (len == 0 || strcmp(sym, "+") == 0) continue;
        out->arabic[out->n] = (unsigned char)r.t[i].arabic;
        out->n++;
    }
    return out->n;
}

/* ---- keys ----------------------------------------------------------------------------------- */

static char key_class(char c) {
    switch (c) {
    case 'P':
        return 'B';
    case 'V':
        return 'F';
    case 'D':
    case '1':
    case '2':
    case 'Z':
        return 'T';
    case 'C':
        return 'S';
    case 'Q':
    case 'G':
    case 'J':
    case 'X':
    case '3':
        return 'K';
    default:
        return c;
    }
}

/* Ambiguous sound classes, read the other way for an alternate key: CH is SH
 * in French and K in German and Greek (MICHAEL / MIKAEL), TH is S in Egyptian
 * spellings (THABET / SABET), J is Y in Nordic ones (FREJA / FREYA). */
#define ALT_C_K  1
#define ALT_TH_S 2
#define ALT_J_Y  4

static int key_build(const char *sym, int alt, char out[NAMES_KEY_MAX]) {
    int n = 0;
    for (const char *s = sym; *s && n < NAMES_KEY_MAX - 1; s++) {
        char c = *s;
        if ((alt & ALT_C_K) && c == 'C') c = 'K';
        if ((alt & ALT_TH_S) && c == '1') c = 'S';
        if ((alt & ALT_J_Y) && c == 'J') c = 'Y';
        if (names_is_vowel_sym(c) || c == '\'' || c == '+') continue;
        if ((c == 'W' || c == 'Y') && s != sym) continue;
        if (c == 'H' && s != sym && (s[1] == '\0' || s[1] == '+')) continue; /* -AH, -EH */
        c = key_class(c);
        if (n > 0 && out[n - 1] == c) continue;
        out[n++] = c;
    }
    out[n] = '\0';
    return n;
}

int names_component_key(const names_parsed *p, int i, char out[NAMES_KEY_MAX]) {
    out[0] = '\0';
    if (!p || i < 0 || i >= p->n) return 0;
    return key_build(p->sym[i], 0, out);
}

int names_component_keys(const names_parsed *p, int i, char keys[][NAMES_KEY_MAX], int max) {
    if (!p || i < 0 || i >= p->n || max <= 0) return 0;
    int n = 0;
    static const int alts[] = {0, ALT_C_K, ALT_TH_S, ALT_J_Y};
    static const char trigger[] = {0, 'C', '1', 'J'};
    for (int a = 0; a < 4 && n < max; a++) {
        if (a > 0 && !strchr(p->sym[i], trigger[a])) continue;
        if (key_build(p->sym[i], alts[a], keys[n]) == 0) continue;
        int dup = 0;
        for (int k = 0; k < n; k++)
            dup |= strcmp(keys[k], keys[n]) == 0;
        n += !dup;
    }
    return n;
}

static int cmp_str(const void *a, const void *b) {
    return strcmp((const char *)a, (const char *)b);
}

int names_key(const char *utf8, char *out, size_t cap) {
    if (!out || cap == 0) return -1;
    out[0] = '\0';
    names_parsed p;
    if (names_parse(utf8, &p) == 0) return -1;
    char keys[NAMES_MAX_TOKENS][NAMES_KEY_MAX];
    for (int i = 0; i < p.n; i++)
        names_component_key(&p, i, keys[i]);
    qsort(keys, (size_t)p.n, sizeof keys[0], cmp_str);
    size_t len = 0;
    for (int i = 0; i < p.n; i++) {
        size_t k = strlen(keys[i]);
        if (len + k + (i > 0) + 1 > cap) return out[0] = '\0', -1;
        if (i > 0) out[len++] = ' ';
        memcpy(out + len, keys[i], k);
        len += k;
        out[len] = '\0';
    }
    return (int)len;
}
