/* fsio.c - see fsio.h. POSIX file calls (open/fsync/rename) live here so the
 * rest of the core stays plain C11. */
#define _POSIX_C_SOURCE 200809L
#include "fsio.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

char *fs_read_all(const char *path, size_t max_bytes, size_t *out_len, bl_err *err) {
    FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
    if (!f) {
        err_set(err, "cannot open '%s': %s", path, strerror(errno));
        return NULL;
    }
    size_t cap = 4096, len = 0;
    char *buf = malloc(cap + 1);
    if (!buf) goto oom;
    for (;;) {
        if (len == cap) {
            if (cap >= max_bytes) {
                err_set(err, "'%s' is larger than %zu bytes; is it the right file?", path,
                        max_bytes);
                goto fail;
            }
            cap = cap * 2 > max_bytes ? max_bytes : cap * 2;
            char *nb = realloc(buf, cap + 1);
            if (!nb) goto oom;
            buf = nb;
        }
        size_t n = fread(buf + len, 1, cap - len, f);
        len += n;
        if (n == 0) break;
    }
    if (ferror(f)) {
        err_set(err, "cannot read '%s': %s", path, strerror(errno));
        goto fail;
    }
    if (f != stdin) fclose(f);
    buf[len] = '\0';
    if (out_len) *out_len = len;
    return buf;
oom:
    err_set(err, "out of memory reading '%s'", path);
fail:
    free(buf);
    if (f != stdin) fclose(f);
    return NULL;
}

int fs_write_atomic(const char *path, const void *data, size_t len, bl_err *err) {
    char tmp[4096];
    int n = snprintf(tmp, sizeof tmp, "%s.tmp.%ld", path, (long)getpid());
    if (n < 0 || (size_t)n >= sizeof tmp) return err_set(err, "output path too long: '%s'", path);
    int fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (fd < 0)
        return err_set(err, "cannot write '%s': %s (check the folder exists and is writable)", path,
                       strerror(errno));
    const char *p = data;
    size_t left = len;
    while (left > 0) {
        ssize_t w = write(fd, p, left);
        if (w < 0) {
            if (errno == EINTR) continue;
            int e = errno;
            close(fd);
            unlink(tmp);
            return err_set(err, "cannot write '%s': %s", path, strerror(e));
        }
        p += w;
        left -= (size_t)w;
    }
    if (fsync(fd) != 0 || close(fd) != 0) {
        int e = errno;
        unlink(tmp);
        return err_set(err, "cannot write '%s': %s", path, strerror(e));
    }
    if (rename(tmp, path) != 0) {
        int e = errno;
        unlink(tmp);
        return err_set(err, "cannot replace '%s': %s", path, strerror(e));
    }
    return 0;
}

int fs_mkdir(const char *path, bl_err *err) {
    if (mkdir(path, 0755) == 0) return 0;
    if (errno == EEXIST) {
        struct stat st;
        if (stat(path, &st) == 0 && S_ISDIR(st.st_mode)) return 0;
        return err_set(err, "'%s' exists and is not a folder", path);
    }
    return err_set(err, "cannot create folder '%s': %s", path, strerror(errno));
}
