/* cmd_render.c - `borderlab render`: a document under one or all lights. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "args.h"
#include "cmd.h"
#include "doc.h"
#include "fsio.h"
#include "image.h"
#include "light.h"
#include "render_out.h"

static void usage(FILE *out) {
    fprintf(
        out,
        "usage: borderlab render (--template ID | --template-file FILE) --seed N\n"
        "                        [--defect KIND]... [--dpi N] [--today YYYY-MM-DD]\n"
        "                        (--light LIGHT --out FILE.png | --out-dir DIR)\n"
        "       borderlab render --capture DIR (--light LIGHT --out FILE.png | --out-dir DIR)\n\n"
        "Renders a fictional travel document from its materials.\n"
        "  --template ID       a built-in template ('borderlab templates' lists them)\n"
        "  --template-file F   a template JSON file of your own (docs/templates.md)\n"
        "  --seed N            0..9007199254740991; the same seed gives the same pixels\n"
        "  --defect KIND       apply a forgery or validity defect (repeatable)\n"
        "  --dpi N             72..1200 (default 300)\n"
        "  --today DATE        the scenario's date (default 2026-06-01): ages, validity\n"
        "  --light LIGHT       visible, uv, ir, oblique or transmitted (with --out)\n"
        "  --out FILE.png      write one light\n"
        "  --out-dir DIR       write visible.png uv.png ir.png oblique.png transmitted.png\n"
        "                      and truth.json (features and defects with their regions)\n"
        "  --capture DIR       an academy's captured document: images per light and a\n"
        "                      regions.json (docs/captures.md); shown the same way\n");
}

int cmd_render(int argc, char **argv) {
    if (cmd_wants_help(argc, argv)) {
        usage(stdout);
        return 0;
    }
    const char *capture_dir = NULL;
    const char *tpl_id = NULL, *tpl_file = NULL, *out = NULL, *out_dir = NULL, *light = NULL;
    render_request rq;
    render_request_init(&rq);
    int have_seed = 0;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        const char *v = i + 1 < argc ? argv[i + 1] : NULL;
        const int takes = 1; /* every option takes one value */
        static const char *known[] = {"--template", "--template-file", "--out", "--out-dir",
                                      "--light",    "--seed",          "--dpi", "--today",
                                      "--defect",   "--capture",       NULL};
        int is_known = 0;
        for (int k = 0; known[k]; k++)
            is_known |= !strcmp(a, known[k]);
        if (!is_known) {
            fprintf(stderr, "borderlab render: unknown option '%s'\n\n", a);
            usage(stderr);
            return 2;
        }
        if (!v) {
            fprintf(stderr, "borderlab render: %s needs a value (try --help)\n", a);
            return 2;
        }
        if (!strcmp(a, "--template"))
            tpl_id = v;
        else if (!strcmp(a, "--template-file"))
            tpl_file = v;
        else if (!strcmp(a, "--out"))
            out = v;
        else if (!strcmp(a, "--capture"))
            capture_dir = v;
        else if (!strcmp(a, "--out-dir"))
            out_dir = v;
        else if (!strcmp(a, "--light"))
            light = v;
        else if (!strcmp(a, "--seed")) {
            if (!v || args_u64(v, 0, 9007199254740991ull, &rq.spec.seed)) {
                fprintf(stderr,
                        "borderlab render: --seed needs a whole number from 0 to "
                        "9007199254740991 (got '%s')\n",
                        v ? v : "");
                return 2;
            }
            have_seed = 1;
        } else if (!strcmp(a, "--dpi")) {
            if (!v || args_double(v, 72, 1200, &rq.spec.dpi)) {
                fprintf(stderr,
                        "borderlab render: --dpi needs a number from 72 to 1200 (got '%s')\n",
                        v ? v : "");
                return 2;
            }
        } else if (!strcmp(a, "--today")) {
            if (!v || date_parse_iso(v, &rq.spec.today)) {
                fprintf(stderr, "borderlab render: --today needs a date as YYYY-MM-DD (got '%s')\n",
                        v ? v : "");
                return 2;
            }
        } else if (!strcmp(a, "--defect")) {
            int k = v ? defect_from_id(v) : -1;
            if (k < 0) {
                fprintf(stderr,
                        "borderlab render: unknown defect '%s' ('borderlab templates' lists the "
                        "defect kinds)\n",
                        v ? v : "");
                return 2;
            }
            rq.spec.defects |= 1u << k;
        }
        i += takes;
    }
    if (capture_dir && (tpl_id || tpl_file || have_seed || rq.spec.defects)) {
        fprintf(stderr, "borderlab render: --capture shows captured images as they are; it takes "
                        "no --template, --seed or --defect\n");
        return 2;
    }
    if (capture_dir) have_seed = 1, tpl_id = "";
    if (!!tpl_id + !!tpl_file != 1 || !have_seed || (!out && !out_dir) || (out && out_dir) ||
        (out && !light)) {
        fprintf(stderr, "borderlab render: give one of --template/--template-file, --seed, and "
                        "either --light with --out or --out-dir\n\n");
        usage(stderr);
        return 2;
    }
    int lk = -1;
    if (light && (lk = light_from_name(light)) < 0) {
        fprintf(stderr,
                "borderlab render: unknown light '%s' (visible, uv, ir, oblique, "
                "transmitted)\n",
                light);
        return 2;
    }
    bl_err err = {0};
    if (capture_dir) {
        int rc = out_dir ? render_capture_dir(capture_dir, out_dir, &err)
                         : render_capture_light(capture_dir, (light_kind)lk, out, &err);
        if (rc != 0) {
            return cmd_fail("render", &err);
        }
        printf("wrote %s\n", out_dir ? out_dir : out);
        return 0;
    }
    tpl t;
    if ((tpl_id ? tpl_builtin(&t, tpl_id, &err) : tpl_load_file(&t, tpl_file, &err)) != 0) {
        return cmd_fail("render", &err);
    }
    rq.spec.t = &t;
    int rc = out_dir ? render_write_dir(&rq, out_dir, &err)
                     : render_write_light(&rq, (light_kind)lk, out, &err);
    if (rc != 0) {
        return cmd_fail("render", &err);
    }
    if (out_dir)
        printf("wrote %s/{visible,uv,ir,oblique,transmitted}.png and truth.json\n", out_dir);
    else
        printf("wrote %s\n", out);
    return 0;
}
