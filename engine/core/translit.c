/* translit.c - names -> MRZ characters (see translit.h).
 *
 * Tables follow ICAO Doc 9303, 8th edition (2021), Part 3:
 *   §4.6   punctuation in names (apostrophe dropped, hyphen/comma -> '<'),
 *   §6.A   "Transliteration of Multinational Latin-based Characters",
 *   §6.B   "Transliteration of Cyrillic Characters" (generic column),
 *   §6.C   "Transliteration of Arabic Script", with the notes of Appendix B
 *          (B.5.4 table, B.5.5.6 teh marbuta, B.5.5.10 harakat, B.5.5.11
 *          shadda, B.5.6 Persian/Urdu/Pashto letters, B.5.8 Maghrebi letters).
 * Where the standard offers alternatives (Ä -> AE or A) the first is used.
 *
 * The input is decoded into a bounded array of code points first (no heap), so
 * rules that need context (teh marbuta at the end of a component, shadda after
 * its letter, decomposed hamza/madda) can look around without re-decoding.
 */
#include "translit.h"

#include <stdint.h>
#include <string.h>

/* ---- tables --------------------------------------------------------------------------- */

/* U+00C0..U+00FF (§6.A lists upper case; lower case folds onto it). NULL: no mapping. */
static const char *const latin1[64] = {
    "A", "A", "A", "A", "AE", "AA", "AE", "C", "E",  "E", "E", "E", "I",  "I", "I",  "I",
    "D", "N", "O", "O", "O",  "O",  "OE", 0,   "OE", "U", "U", "U", "UE", "Y", "TH", "SS",
    "A", "A", "A", "A", "AE", "AA", "AE", "C", "E",  "E", "E", "E", "I",  "I", "I",  "I",
    "D", "N", "O", "O", "O",  "O",  "OE", 0,   "OE", "U", "U", "U", "UE", "Y", "TH", "Y",
};

/* U+0100..U+017F, Latin Extended-A (§6.A; ĸ and ŉ are not in the table). */
static const char *const latin_ext_a[128] = {
    "A", "A", "A",  "A",  "A", "A", "C", "C", "C", "C", "C", "C", "C", "C", "D", "D", /* 010x */
    "D", "D", "E",  "E",  "E", "E", "E", "E", "E", "E", "E", "E", "G", "G", "G", "G", /* 011x */
    "G", "G", "G",  "G",  "H", "H", "H", "H", "I", "I", "I", "I", "I", "I", "I", "I", /* 012x */
    "I", "I", "IJ", "IJ", "J", "J", "K", "K", 0,   "L", "L", "L", "L", "L", "L", "L", /* 013x */
    "L", "L", "L",  "N",  "N", "N", "N", "N", "N", 0,   "N", "N", "O", "O", "O", "O", /* 014x */
    "O", "O", "OE", "OE", "R", "R", "R", "R", "R", "R", "S", "S", "S", "S", "S", "S", /* 015x */
    "S", "S", "T",  "T",  "T", "T", "T", "T", "U", "U", "U", "U", "U", "U", "U", "U", /* 016x */
    "U", "U", "U",  "U",  "W", "W", "Y", "Y", "Y", "Z", "Z", "Z", "Z", "Z", "Z", "S", /* 017x */
};

/* U+0400..U+042F (§6.B generic column; lower case folds onto it). Ѓ (0403) and
 * Ћ (040B) are missing from the ICAO table: G and C follow §6.A for their Latin
 * counterparts Ǵ/Ć. Ь (042C) is not in the table and, as in Russian passports,
 * is not written ("" = drop). */
static const char *const cyrillic[48] = {
    "E", "E", "D", "G", "IE", "DZ", "I",  "I",  "J",  "LJ",   "NJ", "C", "K", "I", "U",  "DZ",
    "A", "B", "V", "G", "D",  "E",  "ZH", "Z",  "I",  "I",    "K",  "L", "M", "N", "O",  "P",
    "R", "S", "T", "U", "F",  "KH", "TS", "CH", "SH", "SHCH", "IE", "Y", "",  "E", "IU", "IA",
};

/* U+0621..U+064A (§6.C). Teh marbuta (0629) is contextual and handled in code;
 * 063B-063F are not in the table; 0640 (tatweel) is not encoded. */
static const char *const arabic[42] = {
    "XE", "XAA", "XAE", "U", "I", "XI",  "A",   "B",   0,     "T",   "XTH", "J", "XH",  "XKH",
    "D",  "XDH", "R",   "Z", "S", "XSH", "XSS", "XDZ", "XTT", "XZZ", "E",   "G", 0,     0,
    0,    0,     0,     0,   "F", "Q",   "K",   "L",   "M",   "N",   "H",   "W", "XAY", "Y",
};

/* Letters of Persian, Urdu and Pashto (Appendix B, B.5.6) and the two letters
 * "commonly used for foreign names" (B.5.4). */
static const struct {
    uint16_t cp;
    const char *mrz;
} arabic_ext[] = {
    {0x0671, "XXA"}, {0x0679, "XXT"}, {0x067C, "XRT"}, {0x067E, "P"},   {0x0681, "XKE"},
    {0x0685, "XXH"}, {0x0686, "XC"},  {0x0688, "XXD"}, {0x0689, "XDR"}, {0x0691, "XXR"},
    {0x0693, "XRR"}, {0x0696, "XRX"}, {0x0698, "XJ"},  {0x069A, "XXS"}, {0x06A4, "V"},
    {0x06A5, "XF"},  {0x06A9, "XKK"}, {0x06AB, "XXK"}, {0x06AD, "XNG"}, {0x06AF, "XGG"},
    {0x06BA, "XNN"}, {0x06BC, "XXN"}, {0x06BE, "XDO"}, {0x06C0, "XYH"}, {0x06C1, "XXG"},
    {0x06C2, "XGE"}, {0x06C3, "XTG"}, {0x06CC, "XYA"}, {0x06CD, "XXY"}, {0x06D0, "Y"},
    {0x06D2, "XYB"}, {0x06D3, "XBE"},
};

/* Arabic Presentation Forms-B, U+FE80..U+FEF4: each base letter in order, with
 * the number of positional forms it has (isolated, final[, initial, medial]). */
static const struct {
    uint16_t base;
    uint8_t forms;
} arabic_pres_b[] = {
    {0x0621, 1}, {0x0622, 2}, {0x0623, 2}, {0x0624, 2}, {0x0625, 2}, {0x0626, 4},
    {0x0627, 2}, {0x0628, 4}, {0x0629, 2}, {0x062A, 4}, {0x062B, 4}, {0x062C, 4},
    {0x062D, 4}, {0x062E, 4}, {0x062F, 2}, {0x0630, 2}, {0x0631, 2}, {0x0632, 2},
    {0x0633, 4}, {0x0634, 4}, {0x0635, 4}, {0x0636, 4}, {0x0637, 4}, {0x0638, 4},
    {0x0639, 4}, {0x063A, 4}, {0x0641, 4}, {0x0642, 4}, {0x0643, 4}, {0x0644, 4},
    {0x0645, 4}, {0x0646, 4}, {0x0647, 4}, {0x0648, 2}, {0x0649, 2}, {0x064A, 4},
};

/* ---- classification -------------------------------------------------------------------- */

enum kind {
    K_BAD,      /* no transliteration: error */
    K_CONTROL,  /* control character: error */
    K_DIGIT,    /* numerals are not allowed in MRZ names (§4.6): error */
    K_LETTER,   /* emits `mrz` */
    K_SEP,      /* space, hyphen, comma: one '<' between components */
    K_APOS,     /* apostrophe: dropped, components joined */
    K_PUNCT,    /* other punctuation: dropped (§4.6) */
    K_SILENT,   /* not encoded: harakat, tatweel, invisible format characters */
    K_SHADDA,   /* Arabic shadda: repeat the previous letter */
    K_TEH_MARB, /* Arabic teh marbuta: XTA or XAH by position */
    K_COMB,     /* Latin combining mark (decomposed input) */
};

static int is_arabic_silent(uint32_t c) {
    return c == 0x0640 || (c >= 0x064B && c <= 0x0650) || (c >= 0x0652 && c <= 0x065F) ||
           c == 0x0670 || (c >= 0x06D6 && c <= 0x06DC) || (c >= 0x06DF && c <= 0x06E4) ||
           c == 0x06E7 || c == 0x06E8 || (c >= 0x06EA && c <= 0x06ED) ||
           /* obsolete Maghrebi letters, "not transliterated" (B.5.8) */
           c == 0x069C || c == 0x06A2 || c == 0x06A7 || c == 0x06A8;
}

static int is_invisible(uint32_t c) {
    return c == 0x00AD || c == 0x034F || c == 0x061C || (c >= 0x200B && c <= 0x200F) ||
           (c >= 0x202A && c <= 0x202E) || (c >= 0x2060 && c <= 0x2064) ||
           (c >= 0x2066 && c <= 0x206F) || c == 0xFEFF;
}

static int is_separator(uint32_t c) {
    return c == ' ' || c == '\t' || c == '-' || c == ',' || c == '<' || c == 0x00A0 ||
           (c >= 0x2000 && c <= 0x200A) || (c >= 0x2010 && c <= 0x2015) || c == 0x202F ||
           c == 0x205F || c == 0x2212 || c == 0x3000 || c == 0x060C || c == 0xFE63 || c == 0xFF0D;
}

static int is_apostrophe(uint32_t c) {
    return c == '\'' || c == '`' || c == 0x00B4 || c == 0x02BB || c == 0x02BC || c == 0x02BD ||
           c == 0x2018 || c == 0x2019 || c == 0x201B || c == 0x2032 || c == 0xFF07;
}

static int is_punct(uint32_t c) {
    if (c < 0x80)
        return (c >= 0x21 && c <= 0x2F) || (c >= 0x3A && c <= 0x40) || (c >= 0x5B && c <= 0x60) ||
               (c >= 0x7B && c <= 0x7E);
    return (c >= 0x00A1 && c <= 0x00BF) || c == 0x00D7 || c == 0x00F7 ||
           (c >= 0x2016 && c <= 0x205E) || c == 0x060D || c == 0x061B || c == 0x061E ||
           c == 0x061F || (c >= 0x066A && c <= 0x066D) || c == 0x06D4;
}

static enum kind classify(uint32_t c, const char **mrz) {
    *mrz = NULL;
    if (c < 0x20 || c == 0x7F || (c >= 0x80 && c < 0xA0)) return c == '\t' ? K_SEP : K_CONTROL;
    if ((c >= '0' && c <= '9') || (c >= 0x0660 && c <= 0x0669) || (c >= 0x06F0 && c <= 0x06F9))
        return K_DIGIT;
    if (is_separator(c)) return K_SEP;
    if (is_apostrophe(c)) return K_APOS;
    if (is_invisible(c)) return K_SILENT;
    if (is_punct(c)) return K_PUNCT;
    static const char *const ascii[26] = {"A", "B", "C", "D", "E", "F", "G", "H", "I",
                                          "J", "K", "L", "M", "N", "O", "P", "Q", "R",
                                          "S", "T", "U", "V", "W", "X", "Y", "Z"};
    if (c >= 'A' && c <= 'Z') return *mrz = ascii[c - 'A'], K_LETTER;
    if (c >= 'a' && c <= 'z') return *mrz = ascii[c - 'a'], K_LETTER;
    if (c >= 0x00C0 && c <= 0x00FF) return (*mrz = latin1[c - 0xC0]) ? K_LETTER : K_BAD;
    if (c >= 0x0100 && c <= 0x017F) return (*mrz = latin_ext_a[c - 0x100]) ? K_LETTER : K_BAD;
    if (c == 0x0218 || c == 0x0219) return *mrz = "S", K_LETTER; /* comma-below forms of Ş */
    if (c == 0x021A || c == 0x021B) return *mrz = "T", K_LETTER; /* ... and of Ţ */
    if (c == 0x1E9E) return *mrz = "SS", K_LETTER;
    if (c >= 0x0300 && c <= 0x036F) return K_COMB;
    if (c >= 0x0400 && c <= 0x042F) return *mrz = cyrillic[c - 0x400], K_LETTER;
    if (c >= 0x0430 && c <= 0x044F) return *mrz = cyrillic[c - 0x430 + 0x10], K_LETTER;
    if (c >= 0x0450 && c <= 0x045F) return *mrz = cyrillic[c - 0x450], K_LETTER;
    switch (c) {
    case 0x046A:
    case 0x046B:
        return *mrz = "U", K_LETTER;
    case 0x0474:
    case 0x0475:
        return *mrz = "Y", K_LETTER;
    case 0x0490:
    case 0x0491:
    case 0x0492:
    case 0x0493:
        return *mrz = "G", K_LETTER;
    case 0x04BA:
    case 0x04BB:
        return *mrz = "C", K_LETTER;
    default:
        break;
    }
    if (c == 0x0629) return K_TEH_MARB;
    if (c == 0x0651) return K_SHADDA;
    if (is_arabic_silent(c)) return K_SILENT;
    if (c >= 0x0621 && c <= 0x064A) return (*mrz = arabic[c - 0x621]) ? K_LETTER : K_BAD;
    for (size_t i = 0; i < sizeof arabic_ext / sizeof arabic_ext[0]; i++)
        if (arabic_ext[i].cp == c) return *mrz = arabic_ext[i].mrz, K_LETTER;
    return K_BAD;
}

/* ---- decoding and normalisation --------------------------------------------------------- */

typedef struct {
    uint32_t cp[TRANSLIT_MAX_CODEPOINTS + 8];
    size_t at[TRANSLIT_MAX_CODEPOINTS + 8]; /* byte offset of each code point, for messages */
    size_t n;
} cpbuf;

/* Decodes one UTF-8 sequence at s[i]; returns its length, 0 when malformed
 * (overlong forms, surrogates and values above U+10FFFF are malformed). */
static size_t utf8_decode(const unsigned char *s, size_t len, size_t i, uint32_t *cp) {
    unsigned char b = s[i];
    size_t n;
    uint32_t v, min;
    if (b < 0x80) return *cp = b, 1;
    if (b >= 0xC2 && b <= 0xDF)
        n = 2, v = b & 0x1F, min = 0x80;
    else if (b >= 0xE0 && b <= 0xEF)
        n = 3, v = b & 0x0F, min = 0x800;
    else if (b >= 0xF0 && b <= 0xF4)
        n = 4, v = b & 0x07, min = 0x10000;
    else
        return 0;
    if (len - i < n) return 0;
    for (size_t k = 1; k < n; k++) {
        if ((s[i + k] & 0xC0) != 0x80) return 0;
        v = (v << 6) | (s[i + k] & 0x3F);
    }
    if (v < min || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF)) return 0;
    *cp = v;
    return n;
}

static int push(cpbuf *b, uint32_t cp, size_t at, bl_err *err) {
    if (b->n >= TRANSLIT_MAX_CODEPOINTS)
        return err_set(err, "name is longer than %d characters", TRANSLIT_MAX_CODEPOINTS);
    b->cp[b->n] = cp;
    b->at[b->n] = at;
    b->n++;
    return 0;
}

/* Decodes and normalises: presentation forms become base letters (lam-alef
 * ligatures become two letters) and a letter followed by a combining hamza or
 * madda becomes the precomposed letter, so NFC and NFD input agree. */
static int decode(const char *utf8, cpbuf *b, bl_err *err) {
    const unsigned char *s = (const unsigned char *)utf8;
    size_t len = strlen(utf8);
    b->n = 0;
    for (size_t i = 0; i < len;) {
        uint32_t c;
        size_t k = utf8_decode(s, len, i, &c);
        if (k == 0)
            return err_set(err, "invalid UTF-8 at byte %zu (0x%02X); names must be UTF-8 text", i,
                           s[i]);
        if (c >= 0xFE80 && c <= 0xFEF4) {
            uint32_t off = c - 0xFE80;
            for (size_t t = 0; t < sizeof arabic_pres_b / sizeof arabic_pres_b[0]; t++) {
                if (off < arabic_pres_b[t].forms) {
                    c = arabic_pres_b[t].base;
                    break;
                }
                off -= arabic_pres_b[t].forms;
            }
        } else if (c >= 0xFEF5 && c <= 0xFEFC) {
            static const uint16_t alef[4] = {0x0622, 0x0623, 0x0625, 0x0627};
            if (push(b, 0x0644, i, err) < 0) return -1;
            c = alef[(c - 0xFEF5) / 2];
        } else if (c >= 0xFE70 && c <= 0xFE7F) {
            c = (c == 0xFE7C || c == 0xFE7D) ? 0x0651 : 0x064E; /* shadda, or a silent haraka */
        }
        if (b->n > 0 && (c == 0x0653 || c == 0x0654 || c == 0x0655)) {
            uint32_t *prev = &b->cp[b->n - 1];
            uint32_t composed = 0;
            if (*prev == 0x0627)
                composed = c == 0x0653 ? 0x0622 : c == 0x0654 ? 0x0623 : 0x0625;
            else if (c == 0x0654 && *prev == 0x0648)
                composed = 0x0624;
            else if (c == 0x0654 && (*prev == 0x064A || *prev == 0x0649))
                composed = 0x0626;
            else if (c == 0x0654 && *prev == 0x06C1)
                composed = 0x06C2;
            else if (c == 0x0654 && *prev == 0x06D2)
                composed = 0x06D3;
            else if (c == 0x0654 && *prev == 0x06D5)
                composed = 0x06C0;
            if (composed) {
                *prev = composed;
                i += k;
                continue;
            }
        }
        if (push(b, c, i, err) < 0) return -1;
        i += k;
    }
    return 0;
}

/* ---- output ---------------------------------------------------------------------------- */

typedef struct {
    char *out;
    size_t cap, len;
    int full;
} sink;

static void put(sink *o, const char *s) {
    size_t n = strlen(s);
    if (o->len + n + 1 > o->cap) {
        o->full = 1;
        return;
    }
    memcpy(o->out + o->len, s, n);
    o->len += n;
    o->out[o->len] = '\0';
}

/* True when the teh marbuta at index i ends its name component: only silent
 * marks stand between it and the end of the name, a separator or punctuation. */
static int ends_component(const cpbuf *b, size_t i) {
    for (size_t j = i + 1; j < b->n; j++) {
        const char *m;
        enum kind k = classify(b->cp[j], &m);
        if (k == K_SILENT || k == K_SHADDA) continue;
        return k == K_SEP || k == K_PUNCT;
    }
    return 1;
}

static int transliterate(const char *utf8, char *out, size_t cap, bl_err *err) {
    cpbuf b;
    if (decode(utf8, &b, err) < 0) return -1;

    sink o = {out, cap, 0, 0};
    int pending_sep = 0;
    const char *last_ar = NULL; /* transliteration of the previous Arabic letter */
    uint32_t last_ar_cp = 0, prev_ar_cp = 0;
    uint32_t prev_cp = 0; /* previous code point, for decomposed Latin umlauts */

    for (size_t i = 0; i < b.n; i++) {
        uint32_t c = b.cp[i];
        const char *m;
        enum kind k = classify(c, &m);
        switch (k) {
        case K_BAD:
            return err_set(err,
                           "character U+%04X at byte %zu has no ICAO Doc 9303 transliteration "
                           "(supported: Latin, Cyrillic and Arabic script)",
                           (unsigned)c, b.at[i]);
        case K_CONTROL:
            return err_set(err, "control character U+%04X at byte %zu is not allowed in a name",
                           (unsigned)c, b.at[i]);
        case K_DIGIT:
            return err_set(err,
                           "digit at byte %zu: numerals are not allowed in MRZ names "
                           "(Doc 9303 Part 3 section 4.6); write them in words or leave them out",
                           b.at[i]);
        case K_SEP:
            pending_sep = 1;
            last_ar = NULL, last_ar_cp = prev_ar_cp = 0;
            break;
        case K_APOS:
        case K_PUNCT:
        case K_SILENT:
            break;
        case K_COMB:
            /* A + U+0308 must give AE like Ä does; other marks are simply dropped. */
            if (c == 0x0308 && (prev_cp == 'A' || prev_cp == 'a' || prev_cp == 'O' ||
                                prev_cp == 'o' || prev_cp == 'U' || prev_cp == 'u'))
                put(&o, "E");
            else if (c == 0x030A && (prev_cp == 'A' || prev_cp == 'a'))
                put(&o, "A");
            break;
        case K_SHADDA:
            /* Shadda doubles the letter (B.5.5.11). In الله the doubling is already
             * written as two lams, so a shadda there does not add a third L. */
            if (last_ar && !(last_ar_cp == 0x0644 && prev_ar_cp == 0x0644)) put(&o, last_ar);
            break;
        case K_TEH_MARB:
        case K_LETTER:
            if (k == K_TEH_MARB) m = ends_component(&b, i) ? "XAH" : "XTA";
            if (*m == '\0') break; /* a letter ICAO leaves unwritten (Cyrillic soft sign) */
            if (pending_sep && o.len > 0) put(&o, "<");
            pending_sep = 0;
            put(&o, m);
            if (c >= 0x0600 && c <= 0x06FF) {
                prev_ar_cp = last_ar_cp;
                last_ar_cp = c;
                last_ar = m;
            } else {
                last_ar = NULL, last_ar_cp = prev_ar_cp = 0;
            }
            break;
        }
        if (k != K_COMB) prev_cp = c;
        if (o.full)
            return err_set(err, "transliterated name is longer than %zu characters", cap - 1);
    }
    return (int)o.len;
}

int translit_name_to_mrz(const char *utf8, char *out, size_t cap, bl_err *err) {
    if (!out || cap == 0) return err_set(err, "no room for the transliterated name");
    out[0] = '\0';
    if (!utf8) return err_set(err, "no name given");
    int n = transliterate(utf8, out, cap, err);
    if (n < 0) out[0] = '\0'; /* never hand back half a name */
    return n;
}
