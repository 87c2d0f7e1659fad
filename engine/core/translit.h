/* translit.h - names in any supported script -> ICAO Doc 9303 MRZ characters.
 *
 * The MRZ name field holds only A-Z and the filler '<' (Doc 9303 Part 3 §4.3,
 * §4.6). translit_name_to_mrz turns one name part (a surname or the given
 * names, UTF-8) into that alphabet:
 *
 *   - Latin letters with diacritics per Part 3 §6.A, first listed option
 *     (Ä->AE, Å->AA, Æ->AE, Ö->OE, Ø->OE, Ü->UE, ß/ẞ->SS, Þ->TH, Ñ->N, É->E ...),
 *     lower case folded to upper case; decomposed input (A + U+0308) gives the
 *     same result as precomposed (Ä).
 *   - Cyrillic per §6.B, the generic (Russian-centred) column; the per-language
 *     exceptions are not applied because the language is not known here.
 *   - Arabic script per §6.C and Appendix B: consonant skeleton with 'X' escapes
 *     (ح->XH, خ->XKH, ش->XSH, ع->E ...), harakat/sukun/tatweel not encoded, shadda
 *     doubles the letter, teh marbuta is XTA inside a name component and XAH at
 *     its end, the article ال is written letter by letter as AL (no sun-letter
 *     assimilation). Arabic presentation forms (U+FE70-FEFC) are accepted.
 *   - Space, hyphen and comma separate components ('<', runs collapsed, none at
 *     the ends); apostrophes and other punctuation are dropped (§4.6).
 *   - Digits and characters of other scripts are errors: the MRZ cannot hold
 *     them and guessing would put a wrong name on a document.
 *
 * Pure function: no allocation, no global state, never reads past the string.
 */
#ifndef BL_TRANSLIT_H
#define BL_TRANSLIT_H

#include <stddef.h>
#include "err.h"

/* Longest input handled, in code points; longer names are refused. */
#define TRANSLIT_MAX_CODEPOINTS 512

/* Transliterates the NUL-terminated UTF-8 `utf8` into `out` (capacity `cap`,
 * NUL-terminated, only A-Z and '<'). Returns the output length, or -1 with
 * err filled (invalid UTF-8 with byte offset, digit, unsupported character
 * with its code point, output longer than cap). An empty or punctuation-only
 * input gives "" and 0.
 *   "Ångström-Núñez" -> "AANGSTROEM<NUNEZ"   "محمد" -> "MXHMD" */
int translit_name_to_mrz(const char *utf8, char *out, size_t cap, bl_err *err);

#endif
