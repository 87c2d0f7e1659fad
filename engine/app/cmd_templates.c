/* cmd_templates.c - `borderlab templates [--json]`: what can be rendered. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "args.h"
#include "cmd.h"
#include "defect.h"
#include "light.h"
#include "tpl.h"

static void usage(FILE *o) {
    fprintf(o, "usage: borderlab templates [--json]\n\nLists the document templates, the defect "
               "kinds and the lights.\n--json prints {\"templates\": [...], \"defects\": [...], "
               "\"lights\": [...]}.\n");
}

int cmd_templates(int argc, char **argv) {
    int json = 0;
    const args_opt opts[] = {ARGS_FLAG("--json", &json), ARGS_END};
    int rc = args_parse("templates", opts, usage, argc, argv);
    if (rc != ARGS_GO) return rc;
    bl_err err = {0};
    if (json) {
        cJSON *o = cJSON_CreateObject(), *ts = cJSON_CreateArray(), *ds = cJSON_CreateArray(),
              *ls = cJSON_CreateArray();
        for (int i = 0; i < tpl_builtin_count(); i++) {
            tpl t;
            if (tpl_builtin(&t, tpl_builtin_id(i), &err) != 0) {
                fprintf(stderr, "borderlab templates: built-in template broken: %s\n", err.msg);
                cJSON_Delete(o);
                return 2;
            }
            cJSON *x = cJSON_CreateObject();
            cJSON_AddStringToObject(x, "id", t.id);
            cJSON_AddStringToObject(x, "name", t.name);
            cJSON_AddStringToObject(x, "kind", t.kind);
            cJSON_AddStringToObject(x, "issuing_state", t.issuing_state);
            double size[2] = {t.w_mm, t.h_mm};
            cJSON_AddItemToObject(x, "size_mm", cJSON_CreateDoubleArray(size, 2));
            cJSON_AddItemToArray(ts, x);
        }
        for (int k = 0; k < DEFECT_COUNT; k++) {
            const defect_info *d = defect_get((defect_kind)k);
            cJSON *x = cJSON_CreateObject();
            cJSON_AddStringToObject(x, "id", d->id);
            cJSON_AddStringToObject(x, "family", d->family);
            cJSON_AddStringToObject(x, "summary", d->summary);
            cJSON *l = cJSON_CreateArray();
            for (int i = 0; i < LIGHT_COUNT; i++)
                if (d->lights & LIGHT_BIT(i))
                    cJSON_AddItemToArray(l, cJSON_CreateString(light_name((light_kind)i)));
            cJSON_AddItemToObject(x, "lights", l);
            cJSON_AddItemToArray(ds, x);
        }
        for (int i = 0; i < LIGHT_COUNT; i++) {
            cJSON *x = cJSON_CreateObject();
            cJSON_AddStringToObject(x, "id", light_name((light_kind)i));
            cJSON_AddStringToObject(x, "description", light_description((light_kind)i));
            cJSON_AddItemToArray(ls, x);
        }
        cJSON_AddItemToObject(o, "templates", ts);
        cJSON_AddItemToObject(o, "defects", ds);
        cJSON_AddItemToObject(o, "lights", ls);
        char *s = cJSON_Print(o);
        puts(s);
        free(s);
        cJSON_Delete(o);
        return 0;
    }
    printf("Templates (borderlab render --template ID):\n");
    for (int i = 0; i < tpl_builtin_count(); i++) {
        tpl t;
        if (tpl_builtin(&t, tpl_builtin_id(i), &err) != 0) {
            fprintf(stderr, "borderlab templates: built-in template broken: %s\n", err.msg);
            return 2;
        }
        printf("  %-26s %s, %gx%g mm\n", t.id, t.name, t.w_mm, t.h_mm);
    }
    printf("\nDefects (--defect KIND), with the lights that reveal them:\n");
    for (int k = 0; k < DEFECT_COUNT; k++) {
        const defect_info *d = defect_get((defect_kind)k);
        char ls[64] = "";
        for (int i = 0; i < LIGHT_COUNT; i++)
            if (d->lights & LIGHT_BIT(i)) {
                if (ls[0]) strcat(ls, ",");
                strcat(ls, light_name((light_kind)i));
            }
        printf("  %-20s %-18s [%s] %s\n", d->id, d->family, ls, d->summary);
    }
    printf("\nLights (--light LIGHT):\n");
    for (int i = 0; i < LIGHT_COUNT; i++)
        printf("  %-12s %s\n", light_name((light_kind)i), light_description((light_kind)i));
    return 0;
}
