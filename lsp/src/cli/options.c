#include "options.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "config_json.h"

#ifndef CD_VERSION_STRING
#define CD_VERSION_STRING "0.1.0"
#endif

const char *cd_cli_version(void) { return "copydesk " CD_VERSION_STRING; }

static void usage(FILE *out, const char *command) {
  if (strcmp(command, "sources") == 0) {
    fputs("usage: copydesk sources [--format text|json] [--lang markdown|plaintext]\n"
          "                        [--config FILE | --no-config] PATH...\n"
          "       One line per quote: line, speaker, how the speaker was found, the quote's first words.\n",
          out);
    return;
  }
  fputs("usage: copydesk check [options] PATH... | --stdin-jsonl\n"
        "  PATH                a file, a directory (its .md, .markdown and .txt files, minus those a\n"
        "                      .copydeskignore names), a glob, or - for standard input\n"
        "  --format FORMAT     text (default), json, jsonl (a line per file), sarif, github or rdjson\n"
        "  --lang LANG         markdown or plaintext (default: from the file's extension)\n"
        "  --fail-on SEVERITY  the least severe finding that makes the exit status 1 (default error)\n"
        "  --min-severity SEV  the least severe finding shown (text and github: info; others: hint)\n"
        "  --config FILE       the configuration to use (default: the nearest .copydesk.json)\n"
        "  --sources GLOB      check quotes against these transcripts and documents (a file, a\n"
        "                      directory or a quoted glob; repeatable), besides the configuration's\n"
        "                      \"sources\" and a Markdown front matter's sources: list\n"
        "  --no-config         use the defaults\n"
        "  --color WHEN        auto (default: on a terminal without NO_COLOR), always or never\n"
        "  --jobs N            files analysed at once (default: the CPUs this process may\n"
        "                      use, as taskset or a cpuset allows); output keeps the\n"
        "                      order given\n"
        "  --stdin-jsonl       read {\"path\", \"text\"} lines from standard input and write one\n"
        "                      jsonl result line for each\n"
        "  -q, --quiet         only the findings: no summary and no notes\n"
        "  -V, --version       print the version\n"
        "  -h, --help          print this help\n"
        "Exit status: 0 nothing at or above --fail-on, 1 findings at or above it, 2 usage, I/O or\n"
        "configuration error.\n",
        out);
}

/* Options that take a value, then flags. */
static const char *const VALUE_OPTIONS[] = {"--format", "--lang", "--fail-on", "--min-severity", "--config",
                                            "--color", "--jobs", "--sources"};
static const char *const FLAG_OPTIONS[] = {"--no-config", "--quiet", "--version", "--help", "--stdin-jsonl"};

const char *cd_cli_suggest_option(const char *arg) {
  static const char *const ALL[] = {"--format", "--lang",      "--fail-on", "--min-severity", "--config",
                                    "--color",  "--no-config", "--quiet",   "--version",      "--help", "--sources"};
  char name[64];
  size_t n = strcspn(arg, "=");
  if (n >= sizeof name) return NULL;
  memcpy(name, arg, n);
  name[n] = 0;
  return cd_nearest_name(name, ALL, sizeof ALL / sizeof *ALL);
}

static bool takes_value(const char *name) {
  for (size_t i = 0; i < sizeof VALUE_OPTIONS / sizeof *VALUE_OPTIONS; i++)
    if (strcmp(name, VALUE_OPTIONS[i]) == 0) return true;
  return false;
}

static bool is_flag(const char *name) {
  for (size_t i = 0; i < sizeof FLAG_OPTIONS / sizeof *FLAG_OPTIONS; i++)
    if (strcmp(name, FLAG_OPTIONS[i]) == 0) return true;
  return false;
}

static int bad_value(const char *option, const char *allowed, const char *value) {
  fprintf(stderr, "copydesk: %s must be %s, not '%s'\n", option, allowed, value);
  return 2;
}

/* Applies one option with its value (NULL for flags). -1: go on; else an exit status. */
static int apply(cd_cli_options *o, const char *name, const char *val) {
  if (strcmp(name, "--format") == 0) {
    static const char *const names[] = {"text", "json", "sarif", "github", "rdjson", "jsonl"}; /* cd_cli_format */
    for (int k = 0; k < 6; k++)
      if (strcmp(val, names[k]) == 0) {
        o->format = (cd_cli_format)k;
        if (strcmp(o->command, "sources") == 0 && k > CD_CLI_JSON) break;
        return -1;
      }
    return bad_value(name, strcmp(o->command, "sources") == 0 ? "text or json" : "text, json, jsonl, sarif, github or rdjson",
                     val);
  }
  if (strcmp(name, "--lang") == 0) {
    if (strcmp(val, "markdown") == 0) o->lang = CD_FORMAT_MARKDOWN;
    else if (strcmp(val, "plaintext") == 0 || strcmp(val, "text") == 0) o->lang = CD_FORMAT_PLAINTEXT;
    else return bad_value(name, "markdown or plaintext", val);
    return -1;
  }
  if (strcmp(name, "--fail-on") == 0 || strcmp(name, "--min-severity") == 0) {
    cd_severity s;
    if (!cd_severity_parse(val, &s) || s == CD_SEVERITY_OFF) return bad_value(name, "error, warning, info or hint", val);
    if (name[2] == 'f') o->fail_on = s;
    else o->min_severity = s;
    return -1;
  }
  if (strcmp(name, "--config") == 0) {
    o->config_path = val;
    return -1;
  }
  if (strcmp(name, "--sources") == 0) {
    o->source_globs[o->n_source_globs++] = val;
    return -1;
  }
  if (strcmp(name, "--color") == 0 || strcmp(name, "--colour") == 0) {
    if (strcmp(val, "auto") == 0) o->color = CD_CLI_COLOR_AUTO;
    else if (strcmp(val, "always") == 0) o->color = CD_CLI_COLOR_ALWAYS;
    else if (strcmp(val, "never") == 0) o->color = CD_CLI_COLOR_NEVER;
    else return bad_value(name, "auto, always or never", val);
    return -1;
  }
  if (strcmp(name, "--jobs") == 0) {
    char *end;
    long n = strtol(val, &end, 10);
    if (*end || end == val || n < 1 || n > 256) return bad_value(name, "a number from 1 to 256", val);
    o->jobs = (int)n;
    return -1;
  }
  if (strcmp(name, "--no-config") == 0) o->no_config = true;
  else if (strcmp(name, "--stdin-jsonl") == 0) o->stdin_jsonl = true;
  else if (strcmp(name, "--quiet") == 0 || strcmp(name, "-q") == 0) o->quiet = true;
  else if (strcmp(name, "--version") == 0 || strcmp(name, "-V") == 0) {
    puts(cd_cli_version());
    return 0;
  } else if (strcmp(name, "--help") == 0 || strcmp(name, "-h") == 0) {
    usage(stdout, o->command);
    return 0;
  } else {
    const char *hint = cd_cli_suggest_option(name);
    if (hint) fprintf(stderr, "copydesk: unknown option %s (did you mean %s?)\n", name, hint);
    else fprintf(stderr, "copydesk: unknown option %s\n", name);
    fprintf(stderr, "Run 'copydesk %s --help' for the options.\n", o->command);
    return 2;
  }
  return -1;
}

int cd_cli_parse_options(int argc, char **argv, cd_cli_options *o) {
  memset(o, 0, sizeof *o);
  o->command = argv[0];
  o->format = CD_CLI_TEXT;
  o->lang = -1;
  o->fail_on = CD_SEVERITY_ERROR;
  o->min_severity = CD_SEVERITY_OFF;
  o->paths = malloc((size_t)(argc > 1 ? argc : 1) * sizeof *o->paths);
  o->source_globs = malloc((size_t)(argc > 1 ? argc : 1) * sizeof *o->source_globs);
  if (!o->paths || !o->source_globs) {
    fprintf(stderr, "copydesk: out of memory\n");
    return 2;
  }
  bool options_done = false;
  for (int i = 1; i < argc; i++) {
    const char *a = argv[i];
    if (options_done || a[0] != '-' || strcmp(a, "-") == 0) {
      o->paths[o->n_paths++] = a;
      continue;
    }
    if (strcmp(a, "--") == 0) {
      options_done = true;
      continue;
    }
    char name[64];
    const char *eq = strncmp(a, "--", 2) == 0 ? strchr(a, '=') : NULL;
    size_t n = eq ? (size_t)(eq - a) : strlen(a);
    if (n >= sizeof name) n = sizeof name - 1;
    memcpy(name, a, n);
    name[n] = 0;
    const char *val = eq ? eq + 1 : NULL;
    if (strcmp(name, "--colour") == 0) memcpy(name, "--color", sizeof "--color");
    if (takes_value(name)) {
      if (!val) {
        if (i + 1 >= argc) {
          fprintf(stderr, "copydesk: %s needs a value\n", name);
          return 2;
        }
        val = argv[++i];
      }
    } else if (val && is_flag(name)) {
      fprintf(stderr, "copydesk: %s takes no value\n", name);
      return 2;
    }
    int rc = apply(o, name, val);
    if (rc >= 0) return rc;
  }
  if (o->config_path && o->no_config) {
    fprintf(stderr, "copydesk: --config and --no-config cannot be used together\n");
    return 2;
  }
  if (o->stdin_jsonl) {
    if (o->n_paths > 0) {
      fprintf(stderr, "copydesk: --stdin-jsonl reads the articles from standard input: give no paths\n");
      return 2;
    }
    if (strcmp(o->command, "check") != 0 || (o->format != CD_CLI_TEXT && o->format != CD_CLI_JSONL)) {
      fprintf(stderr, "copydesk: --stdin-jsonl is for copydesk check, and writes --format jsonl\n");
      return 2;
    }
    o->format = CD_CLI_JSONL;
    return -1;
  }
  if (o->n_paths == 0) {
    fprintf(stderr, "copydesk: no files to check (give files, directories, globs, or - for standard input)\n");
    usage(stderr, o->command);
    return 2;
  }
  return -1;
}

void cd_cli_options_free(cd_cli_options *o) {
  free(o->paths);
  o->paths = NULL;
  free(o->source_globs);
  o->source_globs = NULL;
}
