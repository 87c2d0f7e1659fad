/* cmd_api.c - `borderlab api make|check`: a scenario's flight as the
 * carrier's UN/EDIFACT PAXLST message, its booking as Annex I's PNR, and a
 * PAXLST interchange checked (docs/pre-arrival.md). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "args.h"
#include "cmd.h"
#include "flight.h"
#include "fsio.h"
#include "pack.h"

#define API_INPUT_MAX (16u << 20)

static void usage(FILE *o) {
    fprintf(o, "usage: borderlab api make --scenario FILE [--pnr]   the flight's PAXLST (or PNR)\n"
               "       borderlab api check FILE                     validate a PAXLST interchange\n"
               "\n"
               "'borderlab api make --help' and 'borderlab api check --help' tell more.\n");
}

static void usage_make(FILE *o) {
    fprintf(o, "usage: borderlab api make --scenario FILE [--pnr]\n"
               "\n"
               "Writes the advance passenger information of the scenario's flight (its flight =\n"
               "{...}) as the carrier sends it: a UN/EDIFACT PAXLST interchange (D02B, UNOA),\n"
               "one segment a line, on standard output. The traveler's line is their first\n"
               "passport or identity card (or flight.api's values); the other passengers are\n"
               "drawn from flight.seed.\n"
               "--pnr: the traveler's booking instead, as the systems panel shows it (the data\n"
               "elements of Annex I of Directive (EU) 2016/681, numbered), then each risk rule\n"
               "it matches: a hit is for an officer to review, never a decision by itself.\n"
               "Exit status: 0 written, 1 the scenario has no flight (or no pnr, with --pnr),\n"
               "2 usage, a scenario that does not load, or I/O error.\n");
}

static void usage_check(FILE *o) {
    fprintf(o, "usage: borderlab api check FILE\n"
               "\n"
               "Reads a PAXLST interchange ('-': standard input) and checks its syntax (ISO\n"
               "9735: service characters, release character, repertoire), its structure (UNB\n"
               "[UNG] UNH BGM+745 TDT LOC/DTM, per passenger NAD+FL ATT DTM+329 NAT DOC, CNT\n"
               "UNT [UNE] UNZ), its dates and codes, and that the counts in CNT+42, UNT, UNE\n"
               "and UNZ are right. Prints 'valid: N passengers on NA412 NHV->VLM', or the\n"
               "first problem as 'segment 14 (DTM): date of birth 881399 is not a date'\n"
               "(segments counted from the start, UNA the first: in borderlab's output,\n"
               "segment N is line N).\n"
               "Exit status: 0 valid, 1 invalid, 2 unreadable (not EDIFACT, binary, missing).\n");
}

/* Loads the one scenario of FILE into a pack; NULL after a message. */
static pack *load(const char *file) {
    bl_err err = {0};
    char *paths[1] = {(char *)file};
    pack *p = pack_create(&err);
    if (!p || pack_load_files(p, paths, 1, &err) != 0) {
        fprintf(stderr, "borderlab api make: %s\n", err.msg);
        pack_destroy(p);
        return NULL;
    }
    return p;
}

/* The PNR's lines and the rules' hits. */
static int print_pnr(const scenario *s, const api_flight *f) {
    bl_err err = {0};
    pnr_record pnr;
    if (pnr_make(s, f, &pnr, &err) != 0) {
        fprintf(stderr, "borderlab api make: %s\n", err.msg);
        return 1;
    }
    char lines[64][128];
    int n = pnr_lines(&pnr, lines, 64);
    for (int i = 0; i < n; i++)
        printf("%s\n", lines[i]);
    pnr_hit hits[8];
    int h = pnr_rules(&pnr, hits, 8);
    printf("Risk rules: %d hit%s%s\n", h, h == 1 ? "" : "s",
           h ? " (each for an officer to review: never a decision by itself)" : "");
    for (int i = 0; i < h; i++)
        printf("  %s: %s\n", hits[i].rule, hits[i].why);
    return 0;
}

static int api_make(int argc, char **argv) {
    const char *file = NULL;
    int pnr = 0;
    const args_opt opts[] = {ARGS_STR("--scenario", &file), ARGS_FLAG("--pnr", &pnr), ARGS_END};
    int rc = args_parse("api make", opts, usage_make, argc, argv);
    if (rc != ARGS_GO) return rc;
    if (!file) return args_fail("api make", "--scenario FILE is required (try --help)");
    pack *p = load(file);
    if (!p) return 2;
    const scenario *s = &p->scn[0];
    api_flight *f = malloc(sizeof *f);
    bl_err err = {0};
    char *text = NULL;
    if (!s->flight.present) {
        fprintf(stderr,
                "borderlab api make: %s has no flight: add flight = { carrier = ..., number = "
                "..., ... } (docs/scenarios.md, \"Pre-arrival data\")\n",
                file);
        rc = 1;
    } else if (!f || flight_make(s, f, &err) != 0) {
        rc = cmd_fail("api make", &err);
    } else if (pnr) {
        rc = print_pnr(s, f);
    } else if (!(text = paxlst_write(f, &err))) {
        rc = cmd_fail("api make", &err);
    } else {
        fputs(text, stdout);
        rc = fflush(stdout) == 0 ? 0 : 2;
    }
    free(text);
    free(f);
    pack_destroy(p);
    return rc;
}

static int api_check(int argc, char **argv) {
    char *files[1];
    int n_files = 0;
    const args_opt opts[] = {ARGS_POS("FILE", files, &n_files, 1, 1), ARGS_END};
    int rc = args_parse("api check", opts, usage_check, argc, argv);
    if (rc != ARGS_GO) return rc;
    bl_err err = {0};
    size_t len = 0;
    char *text = fs_read_all(files[0], API_INPUT_MAX, &len, &err);
    if (!text) {
        fprintf(stderr, "borderlab api check: %s\n", err.msg);
        return 2;
    }
    api_flight *f = malloc(sizeof *f);
    rc = f ? paxlst_check(text, len, f, &err) : 2;
    if (!f) fprintf(stderr, "borderlab api check: out of memory\n");
    if (rc == 0)
        printf("valid: %d passenger%s on %s%s %s->%s\n", f->n_pax, f->n_pax == 1 ? "" : "s",
               f->carrier, f->number, f->from, f->to);
    else if (f)
        fprintf(stderr, "borderlab api check: %s: %s%s\n", files[0], rc == 1 ? "invalid: " : "",
                err.msg);
    free(f);
    free(text);
    return rc;
}

int cmd_api(int argc, char **argv) {
    static const args_cmd cmds[] = {
        {"make", api_make, "the scenario's flight as PAXLST (or its PNR)"},
        {"check", api_check, "validate a PAXLST interchange"},
        {NULL, NULL, NULL},
    };
    return args_dispatch("api", cmds, usage, argc, argv);
}
