/* The small commands: `copydesk rules`, `copydesk explain CODE`, `copydesk init`. Each takes its
 * arguments after the command name (argv[0]) and returns the exit status. */
#ifndef CD_CLI_COMMANDS_H
#define CD_CLI_COMMANDS_H

int cd_cli_rules(int argc, char **argv);
int cd_cli_explain(int argc, char **argv);
int cd_cli_init(int argc, char **argv);

#endif
