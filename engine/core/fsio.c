/* fsio.c - see fsio.h. The POSIX file calls of the core live here, and only
 * here. */
#define _GNU_SOURCE /* F_OFD_SETLK: a lock per open file, even within one process */
#include "fsio.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

char *fs_read_all(const char *path, size_t max_bytes, size_t *out_len, bl_err *err) {
    FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
    if (!f) {
        err_setc(err, BL_E_IO, "cannot open '%s': %s", path, strerror(errno));
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
        err_setc(err, BL_E_IO, "cannot read '%s': %s", path, strerror(errno));
        goto fail;
    }
    if (f != stdin) fclose(f);
    buf[len] = '\0';
    if (out_len) *out_len = len;
    return buf;
oom:
    err_setc(err, BL_E_NOMEM, "out of memory reading '%s'", path);
fail:
    free(buf);
    if (f != stdin) fclose(f);
    return NULL;
}

/* Writes all of len bytes to fd (retrying short writes and EINTR). */
static int write_all(int fd, const void *data, size_t len) {
    const char *p = data;
    while (len > 0) {
        ssize_t w = write(fd, p, len);
        if (w < 0 && errno == EINTR) continue;
        if (w <= 0) return -1;
        p += w;
        len -= (size_t)w;
    }
    return 0;
}

int fs_write_atomic(const char *path, const void *data, size_t len, bl_err *err) {
    char tmp[4096];
    int n = snprintf(tmp, sizeof tmp, "%s.tmp.%ld", path, (long)getpid());
    if (n < 0 || (size_t)n >= sizeof tmp) return err_set(err, "output path too long: '%s'", path);
    int fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (fd < 0)
        return err_setc(err, BL_E_IO,
                        "cannot write '%s': %s (check the folder exists and is writable)", path,
                        strerror(errno));
    if (write_all(fd, data, len) != 0) {
        int e = errno;
        close(fd);
        unlink(tmp);
        return err_setc(err, BL_E_IO, "cannot write '%s': %s", path, strerror(e));
    }
    if (fsync(fd) != 0 || close(fd) != 0) {
        int e = errno;
        unlink(tmp);
        return err_setc(err, BL_E_IO, "cannot write '%s': %s", path, strerror(e));
    }
    if (rename(tmp, path) != 0) {
        int e = errno;
        unlink(tmp);
        return err_setc(err, BL_E_IO, "cannot replace '%s': %s", path, strerror(e));
    }
    fs_sync_dir_of(path); /* the new name survives a power cut too */
    return 0;
}

int fs_write_new_secret(const char *path, const char *text, bl_err *err) {
    int fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0600);
    if (fd < 0)
        return err_setc(err, BL_E_IO,
                        "cannot create '%s': %s (an existing key is never overwritten)", path,
                        strerror(errno));
    int ok = write_all(fd, text, strlen(text)) == 0 && fsync(fd) == 0;
    int e = errno;
    close(fd);
    if (!ok) {
        unlink(path); /* half a key is no key */
        return err_setc(err, BL_E_IO, "cannot write '%s': %s", path, strerror(e));
    }
    fs_sync_dir_of(path);
    return 0;
}

void fs_remove(const char *path) {
    unlink(path);
}

int fs_mkdir(const char *path, bl_err *err) {
    if (mkdir(path, 0755) == 0) return 0;
    if (errno == EEXIST) {
        struct stat st;
        if (stat(path, &st) == 0 && S_ISDIR(st.st_mode)) return 0;
        return err_set(err, "'%s' exists and is not a folder", path);
    }
    return err_setc(err, BL_E_IO, "cannot create folder '%s': %s", path, strerror(errno));
}

long long fs_size(const char *path) {
    struct stat st;
    return stat(path, &st) == 0 ? (long long)st.st_size : -1;
}

void fs_sync_dir_of(const char *path) {
    char dir[4096];
    const char *slash = strrchr(path, '/');
    snprintf(dir, sizeof dir, "%.*s", slash ? (int)(slash - path) + (slash == path) : 1,
             slash ? path : ".");
    int fd = open(dir, O_RDONLY | O_DIRECTORY);
    if (fd >= 0) {
        fsync(fd);
        close(fd);
    }
}

struct fs_append {
    int fd;
};

fs_append *fs_append_open(const char *path, const char *what, int *existed, bl_err *err) {
    struct stat st;
    int was = stat(path, &st) == 0;
    if (existed) *existed = was;
    int fd = open(path, O_WRONLY | O_CREAT | O_APPEND, 0600);
    if (fd < 0) {
        err_setc(err, BL_E_IO, "cannot open %s '%s' for writing: %s", what, path, strerror(errno));
        return NULL;
    }
    /* one writer: a second one on the same file would fork what it records */
    struct flock fl = {.l_type = F_WRLCK, .l_whence = SEEK_SET};
#ifdef F_OFD_SETLK
    int locked = fcntl(fd, F_OFD_SETLK, &fl) == 0;
#else
    int locked = fcntl(fd, F_SETLK, &fl) == 0;
#endif
    if (!locked) {
        err_setc(err, BL_E_IO, "%s '%s' is open in another desk (one desk at a time)", what, path);
        close(fd);
        return NULL;
    }
    fs_append *f = malloc(sizeof *f);
    if (!f) {
        close(fd);
        err_setc(err, BL_E_NOMEM, "out of memory");
        return NULL;
    }
    f->fd = fd;
    if (!was) fs_sync_dir_of(path); /* a new file's name survives a power cut too */
    return f;
}

#ifdef BL_FAULT_INJECTION
/* Test builds only: BORDERLAB_FAULT=mid-write:N or before-fsync:N kills this
 * process (SIGKILL, as a crash or `kill -9` would) inside the Nth append,
 * halfway through its write or between its write and its fsync, so the tests
 * can show what a crash there leaves. */
static int fault_at(const char *where) {
    static int calls;
    const char *f = getenv("BORDERLAB_FAULT");
    size_t n = strlen(where);
    if (!f || strncmp(f, where, n) || f[n] != ':') return 0;
    return ++calls == atoi(f + n + 1);
}
#define FAULT(where) fault_at(where)
#else
#define FAULT(where) 0
#endif

int fs_append_write(fs_append *f, const void *data, size_t len, bl_err *err) {
    struct stat before;
    int sized = fstat(f->fd, &before) == 0;
    if (FAULT("mid-write")) {
        write_all(f->fd, data, len / 2);
        raise(SIGKILL);
    }
    if (write_all(f->fd, data, len) != 0) {
        int e = errno;
        /* half a line would spoil the next one: take it back */
        if (sized && ftruncate(f->fd, before.st_size) == 0) fsync(f->fd);
        return err_setc(err, BL_E_IO, "cannot write: %s", strerror(e));
    }
    if (FAULT("before-fsync")) raise(SIGKILL);
    if (fsync(f->fd) != 0) return err_setc(err, BL_E_IO, "cannot fsync: %s", strerror(errno));
    return 0;
}

int fs_append_truncate(fs_append *f, long long size, bl_err *err) {
    if (ftruncate(f->fd, (off_t)size) != 0 || fsync(f->fd) != 0)
        return err_setc(err, BL_E_IO, "cannot cut the file short: %s", strerror(errno));
    return 0;
}

void fs_append_close(fs_append *f) {
    if (!f) return;
    close(f->fd);
    free(f);
}
