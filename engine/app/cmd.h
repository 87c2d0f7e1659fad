/* cmd.h - the borderlab subcommands. Each takes the arguments after its own
 * name (argv[0] is the subcommand), parses them with args.h and returns the
 * process exit code:
 * 0 success, 1 "ran, but the input is not valid" where a command says so,
 * 2 usage, input or I/O error (with a message on stderr). */
#ifndef BL_CMD_H
#define BL_CMD_H

#include <stdio.h>

#include "err.h"

int cmd_mrz(int argc, char **argv);          /* borderlab mrz check|make */
int cmd_api(int argc, char **argv);          /* borderlab api make|check */
int cmd_render(int argc, char **argv);       /* borderlab render ... */
int cmd_templates(int argc, char **argv);    /* borderlab templates [--json] */
int cmd_bench(int argc, char **argv);        /* borderlab bench render */
int cmd_default(int argc, char **argv);      /* borderlab (no arguments) */
int cmd_sheet(int argc, char **argv);        /* borderlab contact-sheet */
int cmd_desk(int argc, char **argv);         /* borderlab desk */
int cmd_play(int argc, char **argv);         /* borderlab play */
int bench_desk(int argc, char **argv);       /* borderlab bench desk */
int bench_results(int argc, char **argv);    /* borderlab bench results */
int bench_loupe(int argc, char **argv);      /* borderlab bench loupe */
int bench_biometrics(int argc, char **argv); /* borderlab bench biometrics */
int bench_chip(int argc, char **argv);       /* borderlab bench chip */
int bench_face(int argc, char **argv);       /* borderlab bench face */
int bench_checks(int argc, char **argv);     /* borderlab bench checks */
void bench_usage(FILE *o);                   /* borderlab bench --help (every benchmark's) */
int cmd_check(int argc, char **argv);        /* borderlab check */
int cmd_score(int argc, char **argv);        /* borderlab score */
int cmd_results(int argc, char **argv);      /* borderlab results */
int cmd_session(int argc, char **argv);      /* borderlab session */
int cmd_config(int argc, char **argv);       /* borderlab config */
int cmd_workstation(int argc, char **argv);  /* borderlab workstation */
int results_query(const char *db, const char *by, const char *trainee, const char *cohort,
                  const char *scenario);
struct xapi_academy;
int results_export(const char *db, const char *format, const struct xapi_academy *a);
int cmd_report(int argc, char **argv); /* borderlab report */

/* Prints "borderlab WHO: message" on stderr and returns the exit code the
 * error's code calls for (err_exit_code: 1 refused, 2 everything else). */
int cmd_fail(const char *who, const bl_err *err);

/* True when argv holds -h or --help (args_wants_help; args.h parses the rest). */
int cmd_wants_help(int argc, char **argv);

#endif
