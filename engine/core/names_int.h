/* names_int.h - what names.c (reading) and names_match.c (comparing) share.
 *
 * Sound symbols, one char each:
 *   consonants  B D F G H J K L M N P Q R S T V W Y Z, X = kh, C = sh,
 *               1 = th, 2 = dh, 3 = gh, ' = hamza or ain
 *   vowels      a e i u (short or unknown length), A I U (long: written
 *               OU/EE/OO... in Latin, ا و ي in Arabic), y = ai/ei/ay, w = au
 *   +           the seam of a compound (ABD+RAHMAN, SALAH+DIN)
 * A doubled consonant is written twice; deleting the second costs little.
 */
#ifndef BL_NAMES_INT_H
#define BL_NAMES_INT_H

/* 1 when c is a vowel symbol (short, long or a diphthong). */
int names_is_vowel_sym(char c);

#endif
