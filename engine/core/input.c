/* input.c - see input.h */
#include "input.h"

#include <stdlib.h>
#include <string.h>

static const char *key_names[KEY_COUNT] = {
    "none", "1",     "2",    "3",      "4",        "5",         "6",      "7",        "8",  "9",
    "0",    "f1",    "f2",   "escape", "return",   "backspace", "tab",    "delete",   "up", "down",
    "left", "right", "plus", "minus",  "a",        "f",         "l",      "m",        "n",  "o",
    "p",    "r",     "s",    "t",      "x",        "y",         "q",      "i",        "c",  "g",
    "h",    "v",     "e",    "k",      "lbracket", "rbracket",  "pageup", "pagedown", "b"};

const char *input_key_name(int key) {
    return key >= 0 && key < KEY_COUNT ? key_names[key] : NULL;
}

int input_key_from_name(const char *name) {
    for (int k = 1; k < KEY_COUNT; k++)
        if (strcmp(name, key_names[k]) == 0) return k;
    return KEY_NONE;
}

static const char *kind_names[EV_KIND_COUNT] = {"move", "down",       "up",     "wheel",
                                                "key",  "text",       "resize", "focus_lost",
                                                "quit", "screenshot", "ask"};

static const char *button_name(int b) {
    return b == BUTTON_RIGHT ? "right" : b == BUTTON_MIDDLE ? "middle" : "left";
}

void input_free(input_script *s) {
    free(s->ev);
    s->ev = NULL;
    s->n = s->cap = 0;
}

/* Reads a whole number; advances *p. */
static int read_long(const char **p, long *out) {
    const char *q = *p;
    while (*q == ' ' || *q == '\t')
        q++;
    int neg = 0;
    if (*q == '-') neg = 1, q++;
    if (*q < '0' || *q > '9') return -1;
    long v = 0;
    while (*q >= '0' && *q <= '9') {
        if (v > 100000000) return -1;
        v = v * 10 + (*q - '0');
        q++;
    }
    *out = neg ? -v : v;
    *p = q;
    return 0;
}

static int read_word(const char **p, char *out, size_t cap) {
    const char *q = *p;
    while (*q == ' ' || *q == '\t')
        q++;
    size_t n = 0;
    while (*q && *q != ' ' && *q != '\t' && *q != '\n' && *q != '\r') {
        if (n + 1 >= cap) return -1;
        out[n++] = *q++;
    }
    out[n] = '\0';
    *p = q;
    return n ? 0 : -1;
}

/* A quoted string with \" \\ \n escapes. */
static int read_quoted(const char **p, char *out, size_t cap) {
    const char *q = *p;
    while (*q == ' ' || *q == '\t')
        q++;
    if (*q != '"') return -1;
    q++;
    size_t n = 0;
    while (*q && *q != '"' && *q != '\n') {
        char c = *q++;
        if (c == '\\') {
            c = *q++;
            if (c == 'n')
                c = '\n';
            else if (c != '"' && c != '\\')
                return -1;
        }
        if (n + 1 >= cap) return -1;
        out[n++] = c;
    }
    if (*q != '"') return -1;
    out[n] = '\0';
    *p = q + 1;
    return 0;
}

static int rest_is_blank(const char *p) {
    while (*p == ' ' || *p == '\t' || *p == '\r')
        p++;
    return *p == '\0' || *p == '\n' || *p == '#';
}

static int is_shot_name(const char *t) {
    for (const char *c = t; *c; c++)
        if (!((*c >= 'a' && *c <= 'z') || (*c >= 'A' && *c <= 'Z') || (*c >= '0' && *c <= '9') ||
              *c == '_' || *c == '-'))
            return 0;
    return 1;
}

enum { LINE_EVENT, LINE_WAIT, LINE_MALFORMED, LINE_ERROR };

/* A mouse button's name; 0 when unknown. */
static int button_of(const char *word) {
    return !strcmp(word, "left")     ? BUTTON_LEFT
           : !strcmp(word, "right")  ? BUTTON_RIGHT
           : !strcmp(word, "middle") ? BUTTON_MIDDLE
                                     : 0;
}

/* One line's verb and arguments: an event into e (LINE_EVENT), a wait of
 * *wait frames (LINE_WAIT), LINE_MALFORMED, or LINE_ERROR with err filled. */
static int parse_verb(const char *verb, const char **p, input_event *e, long *wait,
                      const char *where, bl_err *err) {
    long a = 0, b = 0;
    char word[64];
    int ok = 1;
    if (!strcmp(verb, "wait")) {
        if (read_long(p, &a) || a < 0 || a > 1000000 || !rest_is_blank(*p)) return LINE_MALFORMED;
        *wait = a;
        return LINE_WAIT;
    } else if (!strcmp(verb, "move")) {
        e->kind = EV_MOVE;
        ok = !read_long(p, &a) && !read_long(p, &b);
        e->x = (int)a, e->y = (int)b;
    } else if (!strcmp(verb, "down") || !strcmp(verb, "up")) {
        e->kind = verb[0] == 'd' ? EV_DOWN : EV_UP;
        ok = !read_word(p, word, sizeof word) && !read_long(p, &a) && !read_long(p, &b);
        e->button = button_of(word);
        if (!e->button) ok = 0;
        e->x = (int)a, e->y = (int)b;
    } else if (!strcmp(verb, "wheel")) {
        e->kind = EV_WHEEL;
        ok = !read_long(p, &a) && a >= -100 && a <= 100;
        e->wheel = (int)a;
    } else if (!strcmp(verb, "key")) {
        e->kind = EV_KEY;
        if (read_word(p, word, sizeof word) || !(e->key = input_key_from_name(word))) {
            err_set(err,
                    "%s: unknown key '%s' (keys: 1-5, f1, escape, return, backspace, tab, "
                    "delete, arrows, plus, minus, letters a c f g i l m n o p q r s t x y)",
                    where, word);
            return LINE_ERROR;
        }
    } else if (!strcmp(verb, "text")) {
        e->kind = EV_TEXT;
        ok = !read_quoted(p, e->text, sizeof e->text);
    } else if (!strcmp(verb, "resize")) {
        e->kind = EV_RESIZE;
        ok = !read_long(p, &a) && !read_long(p, &b) && a >= 1 && b >= 1 && a <= 16384 && b <= 16384;
        e->x = (int)a, e->y = (int)b;
    } else if (!strcmp(verb, "focus_lost")) {
        e->kind = EV_FOCUS_LOST;
    } else if (!strcmp(verb, "quit")) {
        e->kind = EV_QUIT;
    } else if (!strcmp(verb, "screenshot")) {
        e->kind = EV_SCREENSHOT;
        ok = !read_word(p, e->text, sizeof e->text) && is_shot_name(e->text);
    } else if (!strcmp(verb, "ask")) {
        e->kind = EV_ASK;
        ok = !read_word(p, e->text, sizeof e->text) && is_shot_name(e->text);
    } else {
        err_set(err, "%s: unknown event '%s'", where, verb);
        return LINE_ERROR;
    }
    return ok && rest_is_blank(*p) ? LINE_EVENT : LINE_MALFORMED;
}

static int push_event(input_script *s, const input_event *e) {
    if (s->n == s->cap) {
        int cap = s->cap ? s->cap * 2 : 64;
        input_event *ne = realloc(s->ev, sizeof *ne * (size_t)cap);
        if (!ne) return -1;
        s->ev = ne;
        s->cap = cap;
    }
    s->ev[s->n++] = *e;
    return 0;
}

/* One line that is not blank or a comment: an optional "@frame", then an
 * event (appended to s) or a wait (moves *frame on). */
static int parse_line(input_script *s, const char *p, long *frame, const char *name, int lineno,
                      bl_err *err) {
    char where[300];
    snprintf(where, sizeof where, "%s:%d", name, lineno);
    if (*p == '@') {
        p++;
        long f;
        if (read_long(&p, &f) || f < 0)
            return err_set(err, "%s: expected a frame number after '@'", where);
        if (f < *frame)
            return err_set(err,
                           "%s: frame %ld comes before frame %ld of the line above; frames "
                           "must not decrease",
                           where, f, *frame);
        *frame = f;
    }
    char verb[24];
    if (read_word(&p, verb, sizeof verb))
        return err_set(err,
                       "%s: expected an event (move, down, up, wheel, key, text, resize, "
                       "focus_lost, quit, screenshot, ask, wait)",
                       where);
    input_event e;
    memset(&e, 0, sizeof e);
    e.frame = *frame;
    long wait = 0;
    switch (parse_verb(verb, &p, &e, &wait, where, err)) {
    case LINE_WAIT:
        *frame += wait;
        return 0;
    case LINE_ERROR:
        return -1;
    case LINE_MALFORMED:
        return err_set(err, "%s: malformed '%s' line (see the input format in README.md)", where,
                       verb);
    default:
        return push_event(s, &e) ? err_set(err, "%s: out of memory", name) : 0;
    }
}

int input_parse(input_script *s, const char *text, size_t len, const char *name, bl_err *err) {
    memset(s, 0, sizeof *s);
    long frame = 0;
    int lineno = 0;
    size_t pos = 0;
    char line[512];
    while (pos < len) {
        size_t end = pos;
        while (end < len && text[end] != '\n')
            end++;
        lineno++;
        size_t n = end - pos;
        if (n >= sizeof line) {
            input_free(s);
            return err_set(err, "%s:%d: line longer than %zu characters", name, lineno,
                           sizeof line - 1);
        }
        memcpy(line, text + pos, n);
        line[n] = '\0';
        if (memchr(line, '\0', n)) {
            input_free(s);
            return err_set(err, "%s:%d: contains a NUL byte; is this a text file?", name, lineno);
        }
        pos = end + 1;
        const char *p = line;
        while (*p == ' ' || *p == '\t')
            p++;
        if (*p == '#' || rest_is_blank(p)) continue;
        if (parse_line(s, p, &frame, name, lineno, err) != 0) {
            input_free(s);
            return -1;
        }
    }
    return 0;
}

void input_write(FILE *f, const input_event *e) {
    fprintf(f, "@%ld %s", e->frame, kind_names[e->kind]);
    switch (e->kind) {
    case EV_MOVE:
        fprintf(f, " %d %d", e->x, e->y);
        break;
    case EV_DOWN:
    case EV_UP:
        fprintf(f, " %s %d %d", button_name(e->button), e->x, e->y);
        break;
    case EV_WHEEL:
        fprintf(f, " %d", e->wheel);
        break;
    case EV_KEY:
        fprintf(f, " %s", input_key_name(e->key));
        break;
    case EV_RESIZE:
        fprintf(f, " %d %d", e->x, e->y);
        break;
    case EV_SCREENSHOT:
    case EV_ASK:
        fprintf(f, " %s", e->text);
        break;
    case EV_TEXT:
        fputs(" \"", f);
        for (const char *c = e->text; *c; c++) {
            if (*c == '"' || *c == '\\') fputc('\\', f);
            if (*c == '\n')
                fputs("\\n", f);
            else
                fputc(*c, f);
        }
        fputc('"', f);
        break;
    default:
        break;
    }
    fputc('\n', f);
}
