/* names.h - personal names compared across romanisations and scripts (issue: database checks).
 *
 * A watch list holds MOHAMED; the traveller's passport says MUHAMMAD, the
 * national alert says محمد and an ICAO MRZ says MXHMD. This module says how
 * close two such names are, and gives each name component a coarse key so a
 * database can find the candidates without comparing every record.
 *
 * How a name is read (names.c):
 *   1. Components are split at spaces, hyphens, commas and the MRZ filler '<'.
 *      Arabic-script components go through translit.h (ICAO Doc 9303 Part 3
 *      §6.C) and are then read letter by letter: consonants, and the long
 *      vowels the script writes (ا و ي, ى, final ة); short vowels are unknown.
 *      Latin components in the MRZ form of Arabic (MXHMD, EBD, XSH...) are
 *      recognised by their 'X' escapes and read the same way.
 *   2. Articles go: AL-, EL-, UL-, assimilated AR-R / AD-D / ES-S ..., and an
 *      attached AL/EL before a consonant. Compounds are joined and their linking
 *      vowel dropped, so ABDEL RAHMAN = ABDULRAHMAN = ABD AL-RAHMAN = عبد الرحمن,
 *      ABU BAKR = ABOUBAKR, SALAH AD-DIN = SALAHEDDINE, ABDULLAH = ABD ALLAH.
 *   3. Letters become sound classes: SH/CH/SCH, KH/X, TH, DH, GH, PH=F, DJ/J,
 *      C=K/S, doubled letters marked, silent final H (-AH), French final E;
 *      vowel runs become a class (a, e, i, u, ai/ei/ay, au) and long when the
 *      spelling shows it (OU, EE, OO, ا و ي).
 *   4. Two components are compared by a weighted edit distance whose costs say
 *      which differences are romanisation (o/u, e/a, q/k, j/g, th/t, a missing
 *      short vowel against Arabic script, a doubled letter) and which make a
 *      different name (a long vowel or diphthong, another consonant, the
 *      feminine ending -a, as in ALI/ALIA, HASSAN/HUSSEIN, SAID/SAAD).
 *   5. Full names: components in any order, paired best first; the score mixes
 *      the mean and the weakest pair (both the surname and the given name must
 *      agree) and loses a little per component that has no partner.
 *
 * Keys (for blocking): consonant classes only, doubles collapsed, B=P, F=V,
 * T=D=TH=DH=Z, S=SH=CH, K=Q=G=J=KH=GH; vowels, hamza/ain, W/Y after the
 * first letter and a final H (-AH, ة) are dropped. Variants share a key; different names may too
 * (JAMAL/KAMAL: KML) - the similarity decides.
 *
 * Limits, said plainly: a Latin spelling does not show which vowels are long,
 * so Latin MAHMUD against Arabic محمد is close (MAHMOUD is not); Turkish and
 * Persian forms (MEHMET, HÜSEYIN) are not romanisations of the Arabic and may
 * not match. The measured figures are in tests/test_names.c's output and
 * `borderlab bench checks`.
 *
 * Pure functions: no allocation, no global state, bounded input (longer names
 * are cut at NAMES_MAX_TOKENS components of NAMES_TOKEN_MAX sound symbols).
 */
#ifndef BL_NAMES_H
#define BL_NAMES_H

#include <stddef.h>

/* The threshold a name hit needs. Tuned on tests/data/name-variants.tsv (every
 * variant of a group at or above it, the different names below it) and checked
 * with `borderlab bench checks`, which prints precision and recall at 0.70,
 * 0.75, 0.80, 0.85 and 0.90 on 100,000 generated records: 0.80 is where the
 * table's different names fall out while the bench's recall stays near 1. */
#define NAMES_MATCH 0.80

#define NAMES_MAX_TOKENS 8  /* components of a name that are compared */
#define NAMES_TOKEN_MAX  40 /* sound symbols of one component */
#define NAMES_KEY_MAX    24 /* one component's key, with its NUL */

/* A name read once (steps 1-3 above), for comparing it with many others. */
typedef struct names_parsed {
    int n;                                  /* components */
    unsigned char arabic[NAMES_MAX_TOKENS]; /* 1: read from Arabic script (vowels unknown) */
    char sym[NAMES_MAX_TOKENS][NAMES_TOKEN_MAX + 1]; /* sound symbols, NUL-terminated */
} names_parsed;

/* The key of a whole name: its components' keys, sorted, joined by a space
 * ("MOHAMED" -> "MHMT", "Abdel Rahman" -> "BTRHMN"). Returns the length, or -1
 * (out "" ) when the name has no letters, holds characters no script here
 * covers (digits, Chinese...), or does not fit cap. */
int names_key(const char *utf8, char *out, size_t cap);

/* Similarity of two full names (surname + given names, any order of
 * components, any script) in [0, 1]; 0 when either cannot be read. */
double names_similarity(const char *a_utf8, const char *b_utf8);

/* Reads a name (steps 1-3). Returns the number of components (0: nothing to
 * compare, e.g. an empty name or one with digits). */
int names_parse(const char *utf8, names_parsed *out);

/* names_similarity on names read before. */
double names_similarity_parsed(const names_parsed *a, const names_parsed *b);

/* The same, for a caller that only wants similarities of at least floor: it
 * may stop early and return 0 when the answer is below floor. */
double names_similarity_floor(const names_parsed *a, const names_parsed *b, double floor);

/* Component i's key into out (NAMES_KEY_MAX bytes); returns its length. */
int names_component_key(const names_parsed *p, int i, char out[NAMES_KEY_MAX]);

/* Component i's key and, when it holds a letter romanisations read two ways
 * (CH: SH or K, TH: T or S, J: J or Y), its alternate keys: at most max
 * distinct keys, the first names_component_key's; returns how many. A
 * database indexes and probes them all so MICHAEL finds MIKAEL. */
#define NAMES_KEYS_MAX 4
int names_component_keys(const names_parsed *p, int i, char keys[][NAMES_KEY_MAX], int max);

#endif
