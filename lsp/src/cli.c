/* copydesk check [--format text|json|sarif] [--lang markdown|plaintext]
 *                [--fail-on error|warning|info|hint] [--config FILE | --no-config] PATH...
 * ("-" reads standard input). The configuration of a file is --config FILE, else the nearest
 * .copydesk.json in the file's directory or above it (for stdin: the current directory), else the
 * defaults. A configuration problem is reported on stderr once per configuration file, the bad
 * settings are skipped (all of the file's when it is not valid JSON), checking goes on, and the
 * exit status is 2. */
#include "cli.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli_output.h"
#include "cli_sarif.h"
#include "config_file.h"

typedef enum out_format { OUT_TEXT, OUT_JSON, OUT_SARIF } out_format;

typedef struct options {
  out_format format;
  int lang; /* -1 by extension, else cd_format */
  cd_severity fail_on;
  const char *config_path;
  bool no_config;
} options;

static void usage(FILE *out) {
  fputs("usage: copydesk check [--format text|json|sarif] [--lang markdown|plaintext]\n"
        "                      [--fail-on error|warning|info|hint] [--config FILE | --no-config] PATH...\n"
        "       PATH may be - for standard input. Without --config, each file uses the nearest\n"
        "       .copydesk.json in its directory or above. Exit status: 0 clean, 1 findings at or\n"
        "       above --fail-on (default error), 2 usage, I/O or configuration error.\n",
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
      if (strcmp(val, "text") == 0) o->format = OUT_TEXT;
      else if (strcmp(val, "json") == 0) o->format = OUT_JSON;
      else if (strcmp(val, "sarif") == 0) o->format = OUT_SARIF;
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
  *first_path = i;
  return -1;
}

/* Settings already built, one per configuration file (file NULL: the defaults). */
typedef struct config_cache {
  cd_settings *items;
  size_t len, cap;
} config_cache;

typedef struct run {
  options o;
  config_cache cache;
  int status;
  json_t *json_config_errors; /* --format json: configuration_errors */
  json_t *sarif;              /* --format sarif: the log */
} run;

static void report_config_errors(run *r, const cd_settings *s) {
  for (size_t i = 0; i < s->errors.len; i++) {
    const cd_config_error *e = &s->errors.items[i];
    fprintf(stderr, "copydesk: configuration error: %s\n", e->message);
    if (r->json_config_errors) {
      json_t *j = json_pack("{s:s, s:s, s:s?, s:s}", "message", e->message, "detail", e->detail, "file", e->file,
                            "pointer", e->pointer);
      if (j && e->line > 0) {
        json_object_set_new(j, "line", json_integer(e->line));
        json_object_set_new(j, "column", json_integer(e->column));
      }
      json_array_append_new(r->json_config_errors, j);
    }
    if (r->sarif) cd_sarif_add_config_error(r->sarif, e);
  }
  if (s->errors.len) {
    fprintf(stderr, "copydesk: %s: %s\n", s->file ? s->file : "configuration",
            s->errors.len == 1 && s->errors.items[0].pointer[0] == 0 && s->errors.items[0].line > 0
                ? "not valid JSON, so none of it applies: checking with the defaults"
                : "the settings named above are skipped; the rest apply");
    r->status = 2;
  }
}

/* The settings for one file: --config, else the nearest .copydesk.json, else defaults. */
static const cd_settings *settings_for(run *r, const char *path) {
  char *file = NULL;
  if (r->o.config_path) file = strdup(r->o.config_path);
  else if (!r->o.no_config) file = cd_config_find_for_file(path);
  for (size_t i = 0; i < r->cache.len; i++) {
    const char *f = r->cache.items[i].file;
    if ((!f && !file) || (f && file && strcmp(f, file) == 0)) {
      free(file);
      return &r->cache.items[i];
    }
  }
  if (r->cache.len == r->cache.cap) {
    size_t cap = r->cache.cap ? r->cache.cap * 2 : 4;
    cd_settings *p = realloc(r->cache.items, cap * sizeof *p);
    if (!p) {
      free(file);
      return NULL;
    }
    r->cache.items = p;
    r->cache.cap = cap;
  }
  cd_settings *s = &r->cache.items[r->cache.len];
  bool ok = cd_settings_build(s, file, NULL);
  free(file);
  if (!ok) return NULL;
  r->cache.len++;
  report_config_errors(r, s);
  return s;
}

int cd_cli_check(int argc, char **argv) {
  run r;
  memset(&r, 0, sizeof r);
  int first = 0;
  int rc = parse_options(argc, argv, &r.o, &first);
  if (rc >= 0) return rc;
  const options o = r.o;
  size_t counts[CD_SEVERITY_ERROR + 1] = {0};
  size_t files = 0, quotes = 0, unattributed = 0;
  json_t *out = o.format == OUT_JSON ? json_object() : NULL;
  json_t *out_files = o.format == OUT_JSON ? json_array() : NULL;
  if (o.format == OUT_JSON) r.json_config_errors = json_array();
  if (o.format == OUT_SARIF) {
    r.sarif = cd_sarif_new();
    if (!r.sarif) {
      fprintf(stderr, "copydesk: out of memory\n");
      return 2;
    }
  }
  for (int i = first; i < argc; i++) {
    const char *path = argv[i];
    size_t len = 0;
    char *text = read_all(path, &len);
    if (!text) {
      r.status = 2;
      if (r.sarif) cd_sarif_add_tool_error(r.sarif, path, "The file could not be read.");
      continue;
    }
    const cd_settings *settings = settings_for(&r, path);
    cd_format fmt = o.lang >= 0 ? (cd_format)o.lang : cd_format_from_path(path);
    cd_report *report = settings ? cd_analyze(text, len, fmt, settings->config) : NULL;
    if (!report) {
      fprintf(stderr, "copydesk: %s: out of memory\n", path);
      r.status = 2;
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
      if (o.format == OUT_JSON) {
        json_t *fj = cd_file_json(&f);
        json_object_set_new(fj, "config", settings->file ? json_string(settings->file) : json_null());
        json_array_append_new(out_files, fj);
      } else if (o.format == OUT_SARIF) {
        cd_sarif_add_file(r.sarif, &f);
      } else {
        cd_print_text(stdout, &f);
      }
      files++;
      cd_report_free(report);
    }
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
    json_object_set_new(out, "configuration_errors", r.json_config_errors);
    r.json_config_errors = NULL;
    json_dumpf(out, stdout, JSON_INDENT(1));
    fputc('\n', stdout);
    json_decref(out);
  } else if (o.format == OUT_SARIF) {
    cd_sarif_finish(r.sarif, r.status == 0);
    json_dumpf(r.sarif, stdout, JSON_INDENT(1));
    fputc('\n', stdout);
  } else {
    printf("%zu file%s checked: %zu quote%s (%zu unattributed); %zu error%s, %zu warning%s, %zu info, %zu hint%s\n",
           files, files == 1 ? "" : "s", quotes, quotes == 1 ? "" : "s", unattributed, counts[CD_SEVERITY_ERROR],
           counts[CD_SEVERITY_ERROR] == 1 ? "" : "s", counts[CD_SEVERITY_WARNING],
           counts[CD_SEVERITY_WARNING] == 1 ? "" : "s", counts[CD_SEVERITY_INFO], counts[CD_SEVERITY_HINT],
           counts[CD_SEVERITY_HINT] == 1 ? "" : "s");
  }
  fflush(stdout);
  json_decref(r.sarif);
  json_decref(r.json_config_errors);
  for (size_t i = 0; i < r.cache.len; i++) cd_settings_free(&r.cache.items[i]);
  free(r.cache.items);
  if (r.status) return r.status;
  return failing ? 1 : 0;
}
