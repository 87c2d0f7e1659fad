/* pack.c - see pack.h */
#include "pack.h"

#include "traveler.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bl_builtin_scenarios.h"

pack *pack_create(bl_err *err) {
    pack *p = calloc(1, sizeof *p);
    if (!p) err_setc(err, BL_E_NOMEM, "out of memory for a pack of %d scenarios", PACK_MAX);
    return p;
}

void pack_destroy(pack *p) {
    if (!p) return;
    pack_free(p);
    free(p);
}

void pack_print_problem_to(FILE *out, const char *file, int line, const char *msg) {
    char f[512], m[1024]; /* a scenario's words reach the terminal cleaned */
    err_clean(file, f, sizeof f);
    err_clean(msg, m, sizeof m);
    if (line > 0)
        fprintf(out, "%s:%d: %s\n", f, line, m);
    else
        fprintf(out, "%s: %s\n", f, m);
}

void pack_print_problem(void *ud, const char *file, int line, const char *msg) {
    (void)ud;
    pack_print_problem_to(stderr, file, line, msg);
}

static void rebuild_session(pack *p) {
    traveler_session(&p->session, p->scn, p->n);
}

int pack_load_builtin(pack *p, bl_err *err) {
    memset(p, 0, sizeof *p);
    int n = 0;
    while (bl_builtin_scenarios[n].name)
        n++;
    /* a scenario added to scenarios/ past what a session holds is an error,
       not a traveler quietly left out of the default session */
    if (n > PACK_MAX)
        return err_set(err, "the built-in pack has %d scenarios; a session holds at most %d", n,
                       PACK_MAX);
    int bad = 0;
    for (int i = 0; i < n; i++) {
        char name[128];
        snprintf(name, sizeof name, "scenarios/%s.lua", bl_builtin_scenarios[i].name);
        const char *code = bl_builtin_scenarios[i].text;
        if (scn_load(&p->scn[p->n], &p->rt[p->n], code, strlen(code), name, NULL,
                     pack_print_problem, NULL) != 0) {
            bad++;
            continue;
        }
        p->n++;
    }
    rebuild_session(p);
    if (bad) return err_set(err, "%d built-in scenario(s) failed to load (see above)", bad);
    return 0;
}

int pack_load_files(pack *p, char **paths, int n, bl_err *err) {
    return pack_load_texts(p, paths, NULL, NULL, n, err);
}

int pack_load_texts(pack *p, char **paths, const char *const *texts, const size_t *lens, int n,
                    bl_err *err) {
    memset(p, 0, sizeof *p);
    if (n > PACK_MAX) return err_set(err, "at most %d scenarios in one session", PACK_MAX);
    for (int i = 0; i < n; i++) {
        int bad = texts ? scn_load(&p->scn[p->n], &p->rt[p->n], texts[i], lens[i], paths[i], NULL,
                                   pack_print_problem, NULL)
                        : scn_load_file(&p->scn[p->n], &p->rt[p->n], paths[i], NULL,
                                        pack_print_problem, NULL);
        if (bad) {
            pack_free(p);
            return err_set(err,
                           "scenario '%s' has problems (see above); 'borderlab check %s' "
                           "lists them",
                           paths[i], paths[i]);
        }
        p->source[p->n] = malloc(strlen(paths[i]) + 1);
        if (p->source[p->n]) strcpy(p->source[p->n], paths[i]);
        p->n++;
    }
    rebuild_session(p);
    return 0;
}

int pack_reload(pack *p, int i, bl_err *err) {
    if (i < 0 || i >= p->n || !p->source[i]) return err_set(err, "nothing to reload");
    scenario fresh;
    scn_runtime *rt = NULL;
    if (scn_load_file(&fresh, &rt, p->source[i], NULL, pack_print_problem, NULL) != 0)
        return err_set(err, "'%s' has problems (see above); keeping the previous version",
                       p->source[i]);
    scenario_release(&p->scn[i]);
    scn_runtime_destroy(p->rt[i]);
    p->scn[i] = fresh;
    p->rt[i] = rt;
    int mrz = p->session.mrz_reader;
    rebuild_session(p);
    p->session.mrz_reader = mrz;
    return 0;
}

int pack_drop_tutorials(pack *p) {
    int k = 0, dropped = 0;
    for (int i = 0; i < p->n; i++) {
        if (p->scn[i].tutorial) {
            scenario_release(&p->scn[i]);
            scn_runtime_destroy(p->rt[i]);
            free(p->source[i]);
            dropped++;
            continue;
        }
        if (k != i) p->scn[k] = p->scn[i], p->rt[k] = p->rt[i], p->source[k] = p->source[i];
        k++;
    }
    for (int i = k; i < p->n; i++) {
        memset(&p->scn[i], 0, sizeof p->scn[i]);
        p->rt[i] = NULL, p->source[i] = NULL;
    }
    p->n = k;
    if (dropped) rebuild_session(p);
    return dropped;
}

void pack_free(pack *p) {
    for (int i = 0; i < p->n; i++) {
        scenario_release(&p->scn[i]);
        scn_runtime_destroy(p->rt[i]);
        free(p->source[i]);
    }
    memset(p, 0, sizeof *p);
}

void pack_set_mrz_reader(pack *p, int on) {
    if (on >= 0) p->session.mrz_reader = on;
}

void pack_bind_languages(pack *p, const char *const *langs, int n) {
    for (int i = 0; i < p->n; i++)
        for (int l = 0; l < n && l < 8; l++)
            p->session.travelers[i].strings[l] = scenario_strings(&p->scn[i], langs[l]);
}
