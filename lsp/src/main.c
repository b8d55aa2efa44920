/* copydesk: the checker's commands (lsp/src/cli/) or `copydesk lsp` / `copydesk --stdio` (the server). */
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/commands.h"
#include "cli/options.h"
#include "server.h"

static void usage(FILE *out) {
  fputs("copydesk: a copy editor's attribution pass on news articles\n"
        "\n"
        "usage: copydesk check [options] PATH...   check articles (files, directories, globs, - for stdin)\n"
        "       copydesk sources [options] PATH... list every quote and who said it\n"
        "       copydesk rules                     list the rules\n"
        "       copydesk explain CODE              print a rule's documentation\n"
        "       copydesk init                      write a starter .copydesk.json here\n"
        "       copydesk lsp                       run the language server on stdin/stdout (also: --stdio)\n"
        "       copydesk -V | --version\n"
        "'copydesk check --help' lists the options.\n",
        out);
}

int main(int argc, char **argv) {
  if (argc < 2) {
    usage(stderr);
    return 2;
  }
  const char *cmd = argv[1];
  if (strcmp(cmd, "check") == 0 || strcmp(cmd, "sources") == 0) return cd_cli_check(argc - 1, argv + 1);
  if (strcmp(cmd, "rules") == 0) return cd_cli_rules(argc - 1, argv + 1);
  if (strcmp(cmd, "explain") == 0) return cd_cli_explain(argc - 1, argv + 1);
  if (strcmp(cmd, "init") == 0) return cd_cli_init(argc - 1, argv + 1);
  if (strcmp(cmd, "lsp") == 0 || strcmp(cmd, "--stdio") == 0) return cd_server_main(argc - 2, argv + 2);
  if (strcmp(cmd, "--version") == 0 || strcmp(cmd, "-V") == 0) {
    puts(cd_cli_version());
    return 0;
  }
  if (strcmp(cmd, "--help") == 0 || strcmp(cmd, "-h") == 0 || strcmp(cmd, "help") == 0) {
    usage(stdout);
    return 0;
  }
  fprintf(stderr, "copydesk: unknown command '%s'\n", cmd);
  usage(stderr);
  return 2;
}
