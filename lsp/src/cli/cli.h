/* `copydesk check`: the command-line checker. */
#ifndef CD_CLI_H
#define CD_CLI_H

/* Runs `copydesk check ARGS...` or `copydesk sources ARGS...` (argv[0] is the command). Returns the exit status:
 * 0 nothing at or above --fail-on, 1 findings at or above it, 2 usage or I/O error. */
int cd_cli_check(int argc, char **argv);

#endif
