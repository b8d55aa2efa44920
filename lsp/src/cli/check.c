/* copydesk check|sources [options] PATH... ("-" reads standard input; directories and globs are
 * expanded by walk.c; binary files are skipped with a note). The configuration of a file is
 * --config FILE, else the nearest .copydesk.json in the file's directory or above it (for stdin:
 * the current directory), else the defaults. A configuration problem is reported on stderr once
 * per configuration file, the bad settings are skipped (all of the file's when it is not valid
 * JSON), checking goes on, and the exit status is 2. */
#include "cli.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "config_file.h"
#include "input.h"
#include "options.h"
#include "output.h"
#include "walk.h"

/* Settings already built, one per configuration file (file NULL: the defaults). */
typedef struct config_cache {
  cd_settings *items;
  size_t len, cap;
} config_cache;

typedef struct run {
  cd_cli_options o;
  config_cache cache;
  cd_cli_output *out;
  cd_cli_totals totals;
  int status;
} run;

static void report_config_errors(run *r, const cd_settings *s) {
  for (size_t i = 0; i < s->errors.len; i++) {
    const cd_config_error *e = &s->errors.items[i];
    fprintf(stderr, "copydesk: configuration error: %s\n", e->message);
    r->out->config_error(r->out, e);
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

static void add_totals(cd_cli_totals *t, const cd_cli_file *f) {
  for (size_t k = 0; k < f->n_diags; k++) {
    t->counts[f->diags[k].severity]++;
    if (strcmp(f->diags[k].code, "quote.unattributed") == 0) t->unattributed++;
  }
  size_t nq;
  const cd_quote *q = cd_report_quotes(f->report, &nq);
  for (size_t k = 0; k < nq; k++)
    if (q[k].kind == CD_QUOTE_SPEECH) t->quotes++;
  t->files++;
}

/* A NUL byte in the first 8000 bytes marks a binary file, as git decides. */
static bool looks_binary(const char *text, size_t len) { return memchr(text, 0, len < 8000 ? len : 8000) != NULL; }

/* Reads, analyses and outputs one file. */
static void check_one(run *r, const char *path) {
  size_t len = 0;
  const char *why = NULL;
  char *text = cd_cli_read_file(path, &len, &why);
  if (!text) {
    fprintf(stderr, "copydesk: %s: %s\n", path, why);
    r->out->file_error(r->out, path, why);
    r->totals.file_errors++;
    r->status = 2;
    return;
  }
  if (looks_binary(text, len)) {
    if (!r->o.quiet) fprintf(stderr, "copydesk: %s: skipped, a binary file (not an article)\n", path);
    r->out->skipped(r->out, path, "a binary file");
    r->totals.skipped++;
    free(text);
    return;
  }
  const cd_settings *settings = settings_for(r, path);
  cd_format fmt = r->o.lang >= 0 ? (cd_format)r->o.lang : cd_format_from_path(path);
  cd_report *report = settings ? cd_analyze(text, len, fmt, settings->config) : NULL;
  cd_cli_file f;
  if (report && cd_cli_file_init(&f, path, text, len, fmt, report, settings->file)) {
    f.min_severity = cd_cli_min_severity(&r->o);
    add_totals(&r->totals, &f);
    r->out->file(r->out, &f);
    cd_cli_file_free(&f);
  } else {
    fprintf(stderr, "copydesk: %s: out of memory\n", path);
    r->status = 2;
  }
  cd_report_free(report);
  free(text);
}

static cd_cli_output *output_for(const cd_cli_options *o) {
  if (strcmp(o->command, "sources") == 0)
    return o->format == CD_CLI_JSON ? cd_cli_sources_json_output(stdout, o) : cd_cli_sources_text_output(stdout, o);
  switch (o->format) {
  case CD_CLI_JSON: return cd_cli_json_output(stdout, o);
  case CD_CLI_SARIF: return cd_cli_sarif_output(stdout, o);
  case CD_CLI_GITHUB: return cd_cli_github_output(stdout, o);
  case CD_CLI_RDJSON: return cd_cli_rdjson_output(stdout, o);
  case CD_CLI_TEXT: break;
  }
  return cd_cli_text_output(stdout, o);
}

int cd_cli_check(int argc, char **argv) {
  run r;
  memset(&r, 0, sizeof r);
  int rc = cd_cli_parse_options(argc, argv, &r.o);
  if (rc >= 0) {
    cd_cli_options_free(&r.o);
    return rc;
  }
  r.out = output_for(&r.o);
  cd_cli_paths paths = {0};
  if (!r.out || !cd_cli_expand(&paths, r.o.paths, (size_t)r.o.n_paths, r.o.quiet)) {
    fprintf(stderr, "copydesk: out of memory\n");
    if (r.out) r.out->free(r.out);
    cd_cli_paths_free(&paths);
    cd_cli_options_free(&r.o);
    return 2;
  }
  for (size_t i = 0; i < paths.len; i++) check_one(&r, paths.items[i]);
  bool failing = false;
  for (int s = r.o.fail_on; s <= CD_SEVERITY_ERROR; s++)
    if (r.totals.counts[s]) failing = true;
  r.out->finish(r.out, &r.totals, r.status == 0);
  fflush(stdout);
  r.out->free(r.out);
  cd_cli_paths_free(&paths);
  for (size_t i = 0; i < r.cache.len; i++) cd_settings_free(&r.cache.items[i]);
  free(r.cache.items);
  cd_cli_options_free(&r.o);
  if (r.status) return r.status;
  return failing ? 1 : 0;
}
