/* cmd_render.c - `borderlab render`: a document under one or all lights. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "args.h"
#include "chip.h"
#include "cmd.h"
#include "doc.h"
#include "fsio.h"
#include "image.h"
#include "light.h"
#include "render_face.h"
#include "render_out.h"
#include "render_scenario.h"

static void usage(FILE *out) {
    fprintf(out,
            "usage: borderlab render (--template ID | --template-file FILE) --seed N\n"
            "                        [--defect KIND]... [--printer laser|inkjet|copier]\n"
            "                        [--altered FIELD]\n"
            "                        [--dpi N] [--today YYYY-MM-DD] [--tilt DEG]\n"
            "                        [--chip-defect NAME]\n"
            "                        (--light LIGHT --out FILE.png | --out-dir DIR)\n"
            "       borderlab render --capture DIR (--light LIGHT --out FILE.png | --out-dir DIR)\n"
            "       borderlab render --scenario FILE --out-dir DIR [--dpi N]\n"
            "       borderlab render --face SEED [--relation R] [--years N] --out-dir DIR\n"
            "                        (a generated face: borderlab render --face 1 --help)\n\n"
            "Renders a fictional travel document from its materials.\n"
            "  --template ID       a built-in template ('borderlab templates' lists them)\n"
            "  --template-file F   a template JSON file of your own (docs/templates.md)\n"
            "  --seed N            0..9007199254740991; the same seed gives the same pixels\n"
            "  --defect KIND       apply a forgery or validity defect (repeatable)\n"
            "  --altered FIELD     the entry data_alteration_ir reprints, a key of the\n"
            "                      template's fields (birth_date, text.father; default the\n"
            "                      template's alterable)\n"
            "  --printer P         the forger's printer, whose marks the loupe shows (laser\n"
            "                      for a counterfeit, inkjet for an altered field by default)\n"
            "  --dpi N             72..1200 (default 300)\n"
            "  --page N            a passport's page by its printed number: 2 the data page\n"
            "                      (default), 3 observations, 4..9 the visa pages\n"
            "  --today DATE        the scenario's date (default 2026-06-01): ages, validity\n"
            "  --light LIGHT       visible, uv, ir, oblique, transmitted or coaxial (with --out)\n"
            "  --tilt DEG          the document tilted DEG degrees (-45..45, default 0): the\n"
            "                      hologram, colour-shifting ink and laser image change with it\n"
            "                      under visible, oblique and coaxial light (truth.json says\n"
            "                      which features vary with the tilt: varies_with_tilt)\n"
            "  --out FILE.png      write one light\n"
            "  --out-dir DIR       write visible.png uv.png ir.png oblique.png transmitted.png\n"
            "                      and truth.json (features and defects with their regions);\n"
            "                      an eMRTD's data page also DIR/chip/: dg1.bin dg2.bin dg3.bin\n"
            "                      com.bin sod.der ds.pem csca.pem csca.crl chip.json, which\n"
            "                      openssl checks (docs/chip.md)\n"
            "  --chip-defect NAME  the chip's defect: none, cloned, dg1_altered, ds_untrusted,\n"
            "                      ds_expired, ds_revoked or dead (with --out-dir)\n"
            "  --capture DIR       an academy's captured document: images per light and a\n"
            "                      regions.json (docs/captures.md); shown the same way\n"
            "  --scenario FILE     every document of a scenario as the desk shows it (its\n"
            "                      holder, the passport a visa names): DIR/docN-TEMPLATE/\n"
            "                      under every light with truth.json, and DIR/documents.json\n");
}

static int parse_today(const char *v, void *dst, bl_err *err) {
    if (date_parse_iso(v, dst) == 0) return 0;
    return err_set(err, "--today needs a date as YYYY-MM-DD (got '%s')", v);
}

static int parse_chip_defect(const char *v, void *dst, bl_err *err) {
    int d = chip_defect_from_name(v);
    if (d >= 0) return *(int *)dst = d, 0;
    return err_set(err,
                   "--chip-defect needs one of none, cloned, dg1_altered, ds_untrusted, "
                   "ds_expired, ds_revoked, dead (got '%s')",
                   v);
}

#define NO_SEED UINT64_MAX /* above every seed --seed takes */

/* doc_printer's names, by index (none first: the default) */
static const char *const printers[] = {"none", "laser", "inkjet", "copier", NULL};

int cmd_render(int argc, char **argv) {
    for (int i = 1; i < argc; i++)
        if (!strcmp(argv[i], "--face") || !strcmp(argv[i], "--face-sheets"))
            return cmd_render_face(argc, argv);
    const char *capture_dir = NULL, *scenario_file = NULL;
    const char *tpl_id = NULL, *tpl_file = NULL, *out = NULL, *out_dir = NULL, *light = NULL,
               *altered = NULL;
    render_request rq;
    uint64_t page = 2; /* the data page */
    render_request_init(&rq);
    rq.spec.seed = NO_SEED;
    rq.chip_defect = -1; /* not given */
    const args_opt opts[] = {ARGS_STR("--template", &tpl_id),
                             ARGS_STR("--template-file", &tpl_file),
                             ARGS_STR("--out", &out),
                             ARGS_STR("--out-dir", &out_dir),
                             ARGS_STR("--light", &light),
                             ARGS_U64("--seed", &rq.spec.seed, 0, 9007199254740991ull),
                             ARGS_DOUBLE("--dpi", &rq.spec.dpi, 72, 1200),
                             ARGS_DOUBLE("--tilt", &rq.tilt, -45, 45),
                             ARGS_CALL("--today", parse_today, &rq.spec.today),
                             ARGS_CALL("--defect", args_defect, &rq.spec.defects),
                             ARGS_CHOICE("--printer", &rq.spec.printer, printers),
                             ARGS_STR("--altered", &altered),
                             ARGS_STR("--capture", &capture_dir),
                             ARGS_STR("--scenario", &scenario_file),
                             ARGS_U64("--page", &page, 2, BOOKLET_PAGES + 1),
                             ARGS_CALL("--chip-defect", parse_chip_defect, &rq.chip_defect),
                             ARGS_END};
    int rc = args_parse("render", opts, usage, argc, argv);
    if (rc != ARGS_GO) return rc;
    int have_seed = rq.spec.seed != NO_SEED;
    int chip_given = rq.chip_defect >= 0;
    if (!chip_given) rq.chip_defect = CHIP_DEFECT_NONE;
    if (scenario_file) {
        if (tpl_id || tpl_file || have_seed || rq.spec.defects || capture_dir || !out_dir || out ||
            chip_given)
            return args_fail("render", "--scenario takes --out-dir DIR (and --dpi): its documents "
                                       "come from the scenario");
        bl_err err = {0};
        if (render_scenario(scenario_file, rq.spec.dpi, out_dir, &err) != 0)
            return cmd_fail("render", &err);
        printf("wrote %s/documents.json and a folder per document\n", out_dir);
        return 0;
    }
    if (capture_dir && (tpl_id || tpl_file || have_seed || rq.spec.defects || chip_given))
        return args_fail("render", "--capture shows captured images as they are; it takes no "
                                   "--template, --seed or --defect");
    if (capture_dir) have_seed = 1, tpl_id = "";
    if (!!tpl_id + !!tpl_file != 1 || !have_seed || (!out && !out_dir) || (out && out_dir) ||
        (out && !light)) {
        fprintf(stderr, "borderlab render: give one of --template/--template-file, --seed, and "
                        "either --light with --out or --out-dir\n\n");
        usage(stderr);
        return 2;
    }
    int lk = -1;
    if (light && (lk = light_from_name(light)) < 0)
        return args_fail(
            "render", "unknown light '%s' (visible, uv, ir, oblique, transmitted, coaxial)", light);
    bl_err err = {0};
    if (capture_dir) {
        rc = out_dir ? render_capture_dir(capture_dir, out_dir, &err)
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
    if (chip_given && (!t.chip || !out_dir || page != 2))
        return args_fail("render",
                         "--chip-defect takes --out-dir and the data page of a "
                         "template with a chip (uto-passport-td3, qwh-passport-td3, "
                         "uto-id-td1); %s has %s",
                         t.id, t.chip ? "one" : "none");
    if (altered && !(rq.spec.defects >> DEFECT_DATA_ALTERATION_IR & 1))
        return args_fail("render", "--altered names the entry data_alteration_ir reprints: add "
                                   "--defect data_alteration_ir");
    if (altered) snprintf(rq.spec.altered, sizeof rq.spec.altered, "%s", altered);
    rq.spec.t = &t;
    rq.spec.page = booklet_index((int)page);
    rc = out_dir ? render_write_dir(&rq, out_dir, &err)
                 : render_write_light(&rq, (light_kind)lk, out, &err);
    if (rc != 0) {
        return cmd_fail("render", &err);
    }
    if (out_dir)
        printf("wrote %s/{visible,uv,ir,oblique,transmitted,coaxial}.png and truth.json%s\n",
               out_dir, t.chip && rq.spec.page == 0 ? ", and its chip in chip/" : "");
    else
        printf("wrote %s\n", out);
    return 0;
}
