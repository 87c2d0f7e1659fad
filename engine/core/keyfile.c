/* keyfile.c - see keyfile.h. libsodium does the hex and the wiping. */
#include "keyfile.h"

#include <sodium.h>
#include <stdlib.h>
#include <string.h>

#include "fsio.h"

int keyfile_write_new(const char *path, const unsigned char *key, size_t n, bl_err *err) {
    size_t cap = 2 * n + 2;
    char *hex = malloc(cap);
    if (!hex) return err_setc(err, BL_E_NOMEM, "out of memory");
    sodium_bin2hex(hex, cap, key, n);
    strcat(hex, "\n");
    int rc = fs_write_new_secret(path, hex, err);
    sodium_memzero(hex, cap);
    free(hex);
    return rc;
}

int keyfile_read(const char *path, unsigned char *key, size_t n, const char *what, const char *make,
                 bl_err *err) {
    char *text = fs_read_all(path, 4096, NULL, err);
    if (!text) return err_prefix(err, "%s", what);
    size_t bin = 0, len = strlen(text);
    int rc = sodium_hex2bin(key, n, text, len, " \n\r", &bin, NULL);
    sodium_memzero(text, len);
    free(text);
    if (rc != 0 || bin != n)
        return err_set(err, "'%s' is not a %s (%zu hexadecimal digits); make one with '%s'", path,
                       what, 2 * n, make);
    return 0;
}

void keyfile_hex(const unsigned char *key, size_t n, char *hex) {
    sodium_bin2hex(hex, 2 * n + 1, key, n);
}
