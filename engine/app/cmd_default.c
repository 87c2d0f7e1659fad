/* cmd_default.c - `borderlab` with no arguments: the built-in default session.
 * Until the inspection desk exists, this renders the default document set
 * (a genuine passport and a forged one) and says where the images are. */
#include <stdio.h>

#include "cmd.h"
#include "defect.h"
#include "fsio.h"
#include "render_out.h"

int cmd_default(int argc, char **argv) {
    (void)argc, (void)argv;
    const char *root = "out";
    bl_err err = {""};
    tpl t;
    if (fs_mkdir(root, &err) || fs_mkdir("out/default", &err) ||
        tpl_builtin(&t, "uto-passport-td3", &err)) {
        fprintf(stderr, "borderlab: %s\n", err.msg);
        return 2;
    }
    struct {
        const char *dir;
        unsigned defects;
    } set[] = {
        {"out/default/genuine", 0},
        {"out/default/forged", (1u << DEFECT_COUNTERFEIT_PAPER) | (1u << DEFECT_PHOTO_SUBSTITUTION) |
                                   (1u << DEFECT_DATA_ALTERATION_IR)},
    };
    for (size_t i = 0; i < sizeof set / sizeof set[0]; i++) {
        render_request rq;
        render_request_init(&rq);
        rq.spec.t = &t;
        rq.spec.seed = 1;
        rq.spec.defects = set[i].defects;
        if (render_write_dir(&rq, set[i].dir, &err) != 0) {
            fprintf(stderr, "borderlab: %s\n", err.msg);
            return 2;
        }
        printf("rendered %s/{visible,uv,ir,oblique,transmitted}.png and truth.json\n", set[i].dir);
    }
    printf("The inspection desk is not built yet; open the images above to examine the "
           "documents.\n");
    return 0;
}
