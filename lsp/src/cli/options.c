#include "options.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void usage(FILE *out) {
  fputs("usage: copydesk check [--format text|json|sarif] [--lang markdown|plaintext]\n"
        "                      [--fail-on error|warning|info|hint] [--config FILE | --no-config] PATH...\n"
        "       PATH may be - for standard input. Without --config, each file uses the nearest\n"
        "       .copydesk.json in its directory or above. Exit status: 0 clean, 1 findings at or\n"
        "       above --fail-on (default error), 2 usage, I/O or configuration error.\n",
        out);
}

int cd_cli_parse_options(int argc, char **argv, cd_cli_options *o) {
  memset(o, 0, sizeof *o);
  o->format = CD_CLI_TEXT;
  o->lang = -1;
  o->fail_on = CD_SEVERITY_ERROR;
  o->config_path = NULL;
  o->no_config = false;
  int i = 1;
  for (; i < argc; i++) {
    const char *a = argv[i];
    if (strcmp(a, "--") == 0) {
      i++;
      break;
    }
    if (a[0] != '-' || strcmp(a, "-") == 0) break;
    const char *val = i + 1 < argc ? argv[i + 1] : NULL;
    if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
      usage(stdout);
      return 0;
    } else if (strcmp(a, "--format") == 0 && val) {
      if (strcmp(val, "text") == 0) o->format = CD_CLI_TEXT;
      else if (strcmp(val, "json") == 0) o->format = CD_CLI_JSON;
      else if (strcmp(val, "sarif") == 0) o->format = CD_CLI_SARIF;
      else {
        fprintf(stderr, "copydesk: --format must be text, json or sarif, not '%s'\n", val);
        return 2;
      }
      i++;
    } else if (strcmp(a, "--lang") == 0 && val) {
      if (strcmp(val, "markdown") == 0) o->lang = CD_FORMAT_MARKDOWN;
      else if (strcmp(val, "plaintext") == 0 || strcmp(val, "text") == 0) o->lang = CD_FORMAT_PLAINTEXT;
      else {
        fprintf(stderr, "copydesk: --lang must be markdown or plaintext, not '%s'\n", val);
        return 2;
      }
      i++;
    } else if (strcmp(a, "--fail-on") == 0 && val) {
      if (!cd_severity_parse(val, &o->fail_on) || o->fail_on == CD_SEVERITY_OFF) {
        fprintf(stderr, "copydesk: --fail-on must be error, warning, info or hint, not '%s'\n", val);
        return 2;
      }
      i++;
    } else if (strcmp(a, "--config") == 0 && val) {
      o->config_path = val;
      i++;
    } else if (strcmp(a, "--no-config") == 0) {
      o->no_config = true;
    } else {
      fprintf(stderr, "copydesk: unknown option or missing value: %s\n", a);
      usage(stderr);
      return 2;
    }
  }
  if (o->config_path && o->no_config) {
    fprintf(stderr, "copydesk: --config and --no-config cannot be used together\n");
    return 2;
  }
  if (i >= argc) {
    fprintf(stderr, "copydesk: no files to check\n");
    usage(stderr);
    return 2;
  }
  o->paths = malloc((size_t)(argc - i) * sizeof *o->paths);
  if (!o->paths) {
    fprintf(stderr, "copydesk: out of memory\n");
    return 2;
  }
  for (; i < argc; i++) o->paths[o->n_paths++] = argv[i];
  return -1;
}

void cd_cli_options_free(cd_cli_options *o) {
  free(o->paths);
  o->paths = NULL;
}
