/* copydesk check [--format text|json] [--lang markdown|plaintext] [--fail-on error|warning|info|hint]
 *                [--config FILE] PATH...   ("-" reads standard input) */
#include "cli.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli_output.h"
#include "config_file.h"

typedef enum out_format { OUT_TEXT, OUT_JSON } out_format;

typedef struct options {
  out_format format;
  int lang; /* -1 by extension, else cd_format */
  cd_severity fail_on;
  const char *config_path;
} options;

static void usage(FILE *out) {
  fputs("usage: copydesk check [--format text|json] [--lang markdown|plaintext]\n"
        "                      [--fail-on error|warning|info|hint] [--config FILE] PATH...\n"
        "       PATH may be - for standard input.\n",
        out);
}

/* Reads a whole file (or stdin for "-"); NULL with a message on stderr. */
static char *read_all(const char *path, size_t *len) {
  FILE *f = stdin;
  char *buf = NULL;
  size_t cap = 0, n = 0;
  if (strcmp(path, "-") != 0) {
    struct stat st;
    if (stat(path, &st) != 0) {
      fprintf(stderr, "copydesk: %s: %s\n", path, strerror(errno));
      return NULL;
    }
    if (S_ISDIR(st.st_mode)) {
      fprintf(stderr, "copydesk: %s: is a directory; give the article files to check\n", path);
      return NULL;
    }
    f = fopen(path, "rb");
    if (!f) {
      fprintf(stderr, "copydesk: %s: %s\n", path, strerror(errno));
      return NULL;
    }
  }
  for (;;) {
    if (n == cap) {
      cap = cap ? cap * 2 : 65536;
      char *p = realloc(buf, cap + 1);
      if (!p) {
        fprintf(stderr, "copydesk: %s: out of memory\n", path);
        free(buf);
        buf = NULL;
        goto done;
      }
      buf = p;
    }
    size_t k = fread(buf + n, 1, cap - n, f);
    n += k;
    if (k == 0) break;
  }
  if (ferror(f)) {
    fprintf(stderr, "copydesk: %s: read error\n", path);
    free(buf);
    buf = NULL;
    goto done;
  }
  buf[n] = 0;
  *len = n;
done:
  if (f != stdin) fclose(f);
  return buf;
}

static int parse_options(int argc, char **argv, options *o, int *first_path) {
  o->format = OUT_TEXT;
  o->lang = -1;
  o->fail_on = CD_SEVERITY_ERROR;
  o->config_path = NULL;
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
      if (strcmp(val, "text") == 0) o->format = OUT_TEXT;
      else if (strcmp(val, "json") == 0) o->format = OUT_JSON;
      else {
        fprintf(stderr, "copydesk: --format must be text or json, not '%s'\n", val);
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
    } else {
      fprintf(stderr, "copydesk: unknown option or missing value: %s\n", a);
      usage(stderr);
      return 2;
    }
  }
  if (i >= argc) {
    fprintf(stderr, "copydesk: no files to check\n");
    usage(stderr);
    return 2;
  }
  *first_path = i;
  return -1;
}

/* The configuration for one file: --config, else the nearest .copydesk.json, else defaults. */
static cd_config *config_for(const options *o, const char *path, int *status) {
  cd_config *config = cd_config_new();
  char error[1024];
  char *found = NULL;
  const char *file = o->config_path;
  if (!config) return NULL;
  if (!file) {
    char *dir = strdup(strcmp(path, "-") == 0 ? "." : path);
    if (dir) {
      char *slash = strrchr(dir, '/');
      if (slash) *slash = 0;
      else strcpy(dir, ".");
      found = cd_config_find(*dir ? dir : "/");
      free(dir);
    }
    file = found;
  }
  if (file && !cd_config_load_file(config, file, error, sizeof error)) {
    fprintf(stderr, "copydesk: configuration error: %s (using defaults for the rest)\n", error);
    *status = 2;
  }
  free(found);
  return config;
}

int cd_cli_check(int argc, char **argv) {
  options o;
  int first = 0;
  int rc = parse_options(argc, argv, &o, &first);
  if (rc >= 0) return rc;
  int status = 0;
  size_t counts[CD_SEVERITY_ERROR + 1] = {0};
  size_t files = 0, quotes = 0, unattributed = 0;
  json_t *out = o.format == OUT_JSON ? json_object() : NULL;
  json_t *out_files = o.format == OUT_JSON ? json_array() : NULL;
  for (int i = first; i < argc; i++) {
    const char *path = argv[i];
    size_t len = 0;
    char *text = read_all(path, &len);
    if (!text) {
      status = 2;
      continue;
    }
    int config_status = 0;
    cd_config *config = config_for(&o, path, &config_status);
    if (config_status) status = config_status;
    cd_format fmt = o.lang >= 0 ? (cd_format)o.lang : cd_format_from_path(path);
    cd_report *report = config ? cd_analyze(text, len, fmt, config) : NULL;
    if (!report) {
      fprintf(stderr, "copydesk: %s: out of memory\n", path);
      status = 2;
    } else {
      cd_checked_file f = {path, text, len, fmt, report};
      size_t nd, nq;
      const cd_diagnostic *d = cd_report_diagnostics(report, &nd);
      const cd_quote *q = cd_report_quotes(report, &nq);
      for (size_t k = 0; k < nd; k++) {
        counts[d[k].severity]++;
        if (strcmp(d[k].code, "quote.unattributed") == 0) unattributed++;
      }
      for (size_t k = 0; k < nq; k++)
        if (q[k].kind == CD_QUOTE_SPEECH) quotes++;
      if (o.format == OUT_JSON) json_array_append_new(out_files, cd_file_json(&f));
      else cd_print_text(stdout, &f);
      files++;
      cd_report_free(report);
    }
    cd_config_free(config);
    free(text);
  }
  bool failing = false;
  for (int s = o.fail_on; s <= CD_SEVERITY_ERROR; s++)
    if (counts[s]) failing = true;
  if (o.format == OUT_JSON) {
    json_object_set_new(out, "files", out_files);
    json_t *summary = json_object();
    json_object_set_new(summary, "files", json_integer((json_int_t)files));
    json_object_set_new(summary, "quotes", json_integer((json_int_t)quotes));
    json_object_set_new(summary, "unattributed", json_integer((json_int_t)unattributed));
    json_object_set_new(summary, "errors", json_integer((json_int_t)counts[CD_SEVERITY_ERROR]));
    json_object_set_new(summary, "warnings", json_integer((json_int_t)counts[CD_SEVERITY_WARNING]));
    json_object_set_new(summary, "infos", json_integer((json_int_t)counts[CD_SEVERITY_INFO]));
    json_object_set_new(summary, "hints", json_integer((json_int_t)counts[CD_SEVERITY_HINT]));
    json_object_set_new(out, "summary", summary);
    json_dumpf(out, stdout, JSON_INDENT(1));
    fputc('\n', stdout);
    json_decref(out);
  } else {
    printf("%zu file%s checked: %zu quote%s (%zu unattributed); %zu error%s, %zu warning%s, %zu info, %zu hint%s\n",
           files, files == 1 ? "" : "s", quotes, quotes == 1 ? "" : "s", unattributed, counts[CD_SEVERITY_ERROR],
           counts[CD_SEVERITY_ERROR] == 1 ? "" : "s", counts[CD_SEVERITY_WARNING],
           counts[CD_SEVERITY_WARNING] == 1 ? "" : "s", counts[CD_SEVERITY_INFO], counts[CD_SEVERITY_HINT],
           counts[CD_SEVERITY_HINT] == 1 ? "" : "s");
  }
  fflush(stdout);
  if (status) return status;
  return failing ? 1 : 0;
}
