/* copydesk: `copydesk check ...` (the checker) or `copydesk lsp` / `copydesk --stdio` (the server). */
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "server.h"

static void usage(FILE *out) {
  fputs("copydesk: a copy editor's attribution pass on news articles\n"
        "\n"
        "usage: copydesk check [--format text|json|sarif] [--lang markdown|plaintext]\n"
        "                      [--fail-on error|warning|info|hint] [--config FILE | --no-config] PATH...\n"
        "       copydesk lsp          run the language server on stdin/stdout (also: --stdio)\n"
        "       copydesk --version\n",
        out);
}

int main(int argc, char **argv) {
  if (argc < 2) {
    usage(stderr);
    return 2;
  }
  const char *cmd = argv[1];
  if (strcmp(cmd, "check") == 0) return cd_cli_check(argc - 1, argv + 1);
  if (strcmp(cmd, "lsp") == 0 || strcmp(cmd, "--stdio") == 0) return cd_server_main(argc - 2, argv + 2);
  if (strcmp(cmd, "--version") == 0) {
    puts("copydesk 0.1.0");
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
