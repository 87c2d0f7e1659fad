/* args.h - small helpers for the subcommands' option parsing. */
#ifndef BL_ARGS_H
#define BL_ARGS_H

#include <stdint.h>

/* Parses a whole decimal number in [lo, hi]; -1 on junk or out of range. */
int args_u64(const char *s, uint64_t lo, uint64_t hi, uint64_t *out);
int args_double(const char *s, double lo, double hi, double *out);

#endif
