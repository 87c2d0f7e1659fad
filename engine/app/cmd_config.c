/* cmd_config.c - `borderlab config`: the academy configuration in force on
 * this workstation, each value with where it came from (academy.h). */
#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>

#include "academy.h"
#include "args.h"
#include "cmd.h"

static void usage(FILE *o) {
    fprintf(o, "usage: borderlab config [--json]\n\n"
               "Shows the academy configuration in force and where each value came from:\n"
               "the command line, the environment, the user's file, the system's file, or the\n"
               "default (highest first). The files are JSON objects of strings:\n"
               "  system-wide  /etc/borderlab/academy.json (or $BORDERLAB_SYSTEM_CONFIG)\n"
               "  per user     $XDG_CONFIG_HOME/borderlab/academy.json\n"
               "               (~/.config/borderlab/academy.json when XDG_CONFIG_HOME is unset)\n"
               "Keys beginning with _ are comments; a relative path is taken from the file's\n"
               "folder. The settings:\n");
    for (int k = 0; k < ACADEMY_KEYS; k++)
        fprintf(o, "  %-16s %-26s %s\n", academy_key_name((academy_key)k),
                academy_env_name((academy_key)k), academy_key_help((academy_key)k));
    fprintf(o, "Credentials never go in the file nor on the command line: lrs_credentials\n"
               "names a file holding user:password.\n");
}

static void file_json(cJSON *files, const char *which, const char *path, int found) {
    cJSON *f = cJSON_AddObjectToObject(files, which);
    cJSON_AddStringToObject(f, "path", path);
    cJSON_AddBoolToObject(f, "found", found);
}

static int print_json(const academy_conf *c) {
    static const char *const origins[] = {"unset", "default",     "system",
                                          "user",  "environment", "command line"};
    cJSON *o = cJSON_CreateObject();
    cJSON *files = cJSON_AddObjectToObject(o, "files");
    file_json(files, "system", c->system_path, c->system_found);
    file_json(files, "user", c->user_path, c->user_found);
    cJSON *set = cJSON_AddObjectToObject(o, "settings");
    for (int k = 0; k < ACADEMY_KEYS; k++) {
        char from[700];
        academy_origin_text(c, (academy_key)k, from, sizeof from);
        const char *v = academy_get(c, (academy_key)k);
        cJSON *s = cJSON_AddObjectToObject(set, academy_key_name((academy_key)k));
        if (v)
            cJSON_AddStringToObject(s, "value", v);
        else
            cJSON_AddNullToObject(s, "value");
        cJSON_AddStringToObject(s, "origin", origins[c->origin[k]]);
        cJSON_AddStringToObject(s, "from", from);
    }
    char *text = cJSON_Print(o);
    cJSON_Delete(o);
    if (!text) return 2;
    puts(text);
    free(text);
    return 0;
}

int cmd_config(int argc, char **argv) {
    int json = 0;
    const args_opt opts[] = {ARGS_FLAG("--json", &json), ARGS_END};
    int rc = args_parse("config", opts, usage, argc, argv);
    if (rc != ARGS_GO) return rc;
    academy_conf c;
    bl_err err = {0};
    if (academy_load(&c, &err) != 0) return cmd_fail("config", &err);
    academy_settle(&c);
    if (json) {
        rc = print_json(&c);
        academy_free(&c);
        return rc;
    }
    printf("system file  %s (%s)\nuser file    %s (%s)\n\n", c.system_path,
           c.system_found ? "read" : "not there", c.user_path[0] ? c.user_path : "none (no HOME)",
           c.user_found ? "read" : "not there");
    for (int k = 0; k < ACADEMY_KEYS; k++) {
        char from[700];
        academy_origin_text(&c, (academy_key)k, from, sizeof from);
        const char *v = academy_get(&c, (academy_key)k);
        printf("%-16s %-40s %s\n", academy_key_name((academy_key)k), v ? v : "-", from);
    }
    academy_free(&c);
    return 0;
}
