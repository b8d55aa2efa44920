/* SARIF 2.1.0 output for `copydesk check --format sarif`: one run, the rule table from cd_rules(),
 * one result per diagnostic. Regions carry 1-based lines and columns counted in Unicode code points
 * (run.columnKind "unicodeCodePoints"; an invalid UTF-8 byte counts as one) and the byte offset and
 * length of the span. Levels: error -> "error", warning -> "warning", info and hint -> "note" (the
 * copydesk severity is kept in result.properties.copydeskSeverity). Relative paths are relative to
 * %SRCROOT%, the current directory. Configuration problems are
 * invocations[0].toolConfigurationNotifications. */

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "output.h"
#include "record_ref.h"
#include "rule_docs.h"

#define SARIF_SCHEMA "https://json.schemastore.org/sarif-2.1.0.json"
#define SRCROOT "%SRCROOT%"
#ifndef CD_VERSION_STRING
#define CD_VERSION_STRING "0.1.0"
#endif

static const char *level_of(cd_severity s) {
  switch (s) {
  case CD_SEVERITY_ERROR: return "error";
  case CD_SEVERITY_WARNING: return "warning";
  case CD_SEVERITY_INFO:
  case CD_SEVERITY_HINT: return "note";
  case CD_SEVERITY_OFF: return "none";
  }
  return "none";
}

static char *sarif_uri(const char *path) {
  if (strcmp(path, "-") == 0) return strdup("stdin");
  bool absolute = path[0] == '/';
  size_t n = strlen(path);
  char *out = malloc(n * 3 + sizeof "file://");
  if (!out) return NULL;
  size_t k = 0;
  if (absolute) {
    memcpy(out, "file://", 7);
    k = 7;
  }
  const char *p = path;
  if (!absolute && strncmp(p, "./", 2) == 0) p += 2;
  for (; *p; p++) {
    unsigned char c = (unsigned char)*p;
    bool keep = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || strchr("-._~/", c);
    if (keep) {
      out[k++] = (char)c;
    } else {
      k += (size_t)snprintf(out + k, 4, "%%%02X", c);
    }
  }
  out[k] = 0;
  return out;
}

static json_t *sarif_new(void) {
  size_t n;
  const cd_rule_info *rules = cd_rules(&n);
  json_t *jrules = json_array();
  for (size_t i = 0; i < n; i++) {
    json_t *rule = json_pack("{s:s, s:{s:s}, s:{s:s, s:b}, s:{s:s}}", "id", rules[i].code, "shortDescription", "text",
                             rules[i].summary, "defaultConfiguration", "level", level_of(rules[i].default_severity),
                             "enabled", rules[i].default_severity != CD_SEVERITY_OFF, "properties",
                             "copydeskSeverity", cd_severity_name(rules[i].default_severity));
    char url[512];
    const char *doc = cd_rule_doc(rules[i].code);
    if (rule && cd_rule_doc_url(rules[i].code, url, sizeof url))
      json_object_set_new(rule, "helpUri", json_string(url));
    if (rule && doc)
      json_object_set_new(rule, "help", json_pack("{s:s, s:s}", "text", rules[i].summary, "markdown", doc));
    json_array_append_new(jrules, rule);
  }
  json_t *run = json_pack("{s:{s:{s:s, s:s, s:o}}, s:s, s:[], s:[], s:[{s:b, s:[]}]}", "tool", "driver",
                          "name", "copydesk", "version", CD_VERSION_STRING, "rules", jrules, "columnKind",
                          "unicodeCodePoints", "artifacts", "results", "invocations", "executionSuccessful", 1,
                          "toolConfigurationNotifications");
  char *cwd = getcwd(NULL, 0);
  if (run && cwd) {
    size_t len = strlen(cwd);
    char *dir = malloc(len + 2);
    if (dir) {
      snprintf(dir, len + 2, "%s%s", cwd, len && cwd[len - 1] == '/' ? "" : "/");
      char *uri = sarif_uri(dir);
      if (uri) json_object_set_new(run, "originalUriBaseIds", json_pack("{s:{s:s}}", SRCROOT, "uri", uri));
      free(uri);
      free(dir);
    }
  }
  free(cwd);
  return json_pack("{s:s, s:s, s:[o]}", "$schema", SARIF_SCHEMA, "version", "2.1.0", "runs", run);
}

static json_t *run_of(json_t *log) { return json_array_get(json_object_get(log, "runs"), 0); }

static json_t *artifact_location(const char *path, size_t index) {
  char *uri = sarif_uri(path);
  json_t *loc = json_pack("{s:s}", "uri", uri ? uri : "");
  free(uri);
  if (path[0] != '/' && strcmp(path, "-") != 0) json_object_set_new(loc, "uriBaseId", json_string(SRCROOT));
  if (index != CD_NONE) json_object_set_new(loc, "index", json_integer((json_int_t)index));
  return loc;
}

static json_t *region(const cd_cli_range *r) {
  return json_pack("{s:I, s:I, s:I, s:I, s:I, s:I}", "startLine", (json_int_t)r->line, "startColumn",
                   (json_int_t)r->col, "endLine", (json_int_t)r->end_line, "endColumn", (json_int_t)r->end_col,
                   "byteOffset", (json_int_t)r->start, "byteLength", (json_int_t)(r->end - r->start));
}

static json_t *physical(const cd_cli_file *f, size_t artifact, const cd_cli_range *r) {
  return json_pack("{s:o, s:o}", "artifactLocation", artifact_location(f->path, artifact), "region", region(r));
}

static size_t rule_index(const char *code) {
  size_t n;
  const cd_rule_info *rules = cd_rules(&n);
  const cd_rule_info *r = cd_rule_find(code);
  return r ? (size_t)(r - rules) : CD_NONE;
}

/* A fingerprint that survives edits elsewhere in the file: a hash of the rule, the text under
 * the finding, and how many earlier findings of the same rule cover the same text. */
static uint64_t fnv1a(uint64_t h, const void *data, size_t n) {
  const unsigned char *p = data;
  for (size_t i = 0; i < n; i++) h = (h ^ p[i]) * 1099511628211ULL;
  return h;
}

static const char *fingerprint(const cd_cli_file *f, size_t i) {
  static char buf[40];
  const cd_cli_range *r = &f->pos[i].span;
  uint64_t h = fnv1a(14695981039346656037ULL, f->diags[i].code, strlen(f->diags[i].code) + 1);
  h = fnv1a(h, f->text + r->start, r->end - r->start);
  size_t seen = 0;
  for (size_t k = 0; k < i; k++) {
    const cd_cli_range *q = &f->pos[k].span;
    if (strcmp(f->diags[k].code, f->diags[i].code) == 0 && q->end - q->start == r->end - r->start &&
        memcmp(f->text + q->start, f->text + r->start, r->end - r->start) == 0)
      seen++;
  }
  snprintf(buf, sizeof buf, "%016llx:%zu", (unsigned long long)h, seen);
  return buf;
}

static void sarif_add_file(json_t *log, const cd_cli_file *f) {
  json_t *run = run_of(log);
  json_t *artifacts = json_object_get(run, "artifacts"), *results = json_object_get(run, "results");
  if (!artifacts || !results) return;
  size_t index = json_array_size(artifacts);
  json_t *artifact = json_pack("{s:o, s:s, s:I}", "location", artifact_location(f->path, CD_NONE), "sourceLanguage",
                               f->format == CD_FORMAT_MARKDOWN ? "markdown" : "plaintext", "length",
                               (json_int_t)f->len);
  json_object_set_new(artifact, "mimeType", json_string(f->format == CD_FORMAT_MARKDOWN ? "text/markdown" : "text/plain"));
  json_array_append_new(artifacts, artifact);
  size_t n = f->n_diags;
  const cd_diagnostic *d = f->diags;
  for (size_t i = 0; i < n; i++) {
    if (!cd_cli_file_shows(f, i)) continue;
    json_t *r = json_pack("{s:s, s:s, s:{s:s}, s:[{s:o}]}", "ruleId", d[i].code, "level", level_of(d[i].severity),
                          "message", "text", d[i].message, "locations", "physicalLocation",
                          physical(f, index, &f->pos[i].span));
    if (!r) continue;
    json_object_set_new(r, "partialFingerprints", json_pack("{s:s}", "copydesk/v1", fingerprint(f, i)));
    size_t ri = rule_index(d[i].code);
    if (ri != CD_NONE) json_object_set_new(r, "ruleIndex", json_integer((json_int_t)ri));
    json_object_set_new(r, "properties", json_pack("{s:s}", "copydeskSeverity", cd_severity_name(d[i].severity)));
    cd_cli_record_ref ref;
    bool in_record = cd_cli_record_ref_of(f, d[i].quote, &ref);
    if (d[i].n_related || in_record) {
      json_t *rel = json_array();
      for (size_t k = 0; k < d[i].n_related; k++)
        json_array_append_new(rel, json_pack("{s:I, s:o, s:{s:s}}", "id", (json_int_t)k, "physicalLocation",
                                             physical(f, index, &f->pos[i].related[k]), "message", "text",
                                             d[i].related[k].message));
      if (in_record) /* the passage of the record, in its own file */
        json_array_append_new(rel, json_pack("{s:I, s:{s:o, s:o}, s:{s:s}}", "id", (json_int_t)d[i].n_related,
                                             "physicalLocation", "artifactLocation",
                                             artifact_location(ref.path, CD_NONE), "region", region(&ref.range),
                                             "message", "text", ref.message));
      json_object_set_new(r, "relatedLocations", rel);
    }
    if (d[i].n_fixes) {
      json_t *fixes = json_array();
      const cd_cli_range *edit = f->pos[i].edits;
      for (size_t k = 0; k < d[i].n_fixes; k++) {
        const cd_fix *fx = &d[i].fixes[k];
        json_t *repl = json_array();
        for (size_t e = 0; e < fx->n_edits; e++)
          json_array_append_new(repl, json_pack("{s:o, s:{s:s}}", "deletedRegion", region(edit++),
                                                "insertedContent", "text", fx->edits[e].new_text));
        json_array_append_new(fixes, json_pack("{s:{s:s}, s:[{s:o, s:o}]}", "description", "text", fx->title,
                                               "artifactChanges", "artifactLocation",
                                               artifact_location(f->path, index), "replacements", repl));
      }
      json_object_set_new(r, "fixes", fixes);
    }
    json_array_append_new(results, r);
  }
}

static json_t *notifications(json_t *log) {
  json_t *inv = json_array_get(json_object_get(run_of(log), "invocations"), 0);
  return json_object_get(inv, "toolConfigurationNotifications");
}

static void sarif_add_config_error(json_t *log, const cd_config_error *e) {
  json_t *list = notifications(log);
  if (!list) return;
  json_t *n = json_pack("{s:s, s:{s:s}, s:{s:s}}", "level", "error", "message", "text", e->message, "descriptor",
                        "id", "configuration");
  if (e->file) {
    json_t *loc = json_pack("{s:o}", "artifactLocation", artifact_location(e->file, CD_NONE));
    if (e->line > 0)
      json_object_set_new(loc, "region", json_pack("{s:i, s:i}", "startLine", e->line, "startColumn", e->column));
    json_object_set_new(n, "locations", json_pack("[{s:o}]", "physicalLocation", loc));
  }
  json_array_append_new(list, n);
}

static void sarif_add_tool_error(json_t *log, const char *path, const char *level, const char *message) {
  json_t *inv = json_array_get(json_object_get(run_of(log), "invocations"), 0);
  if (!inv) return;
  json_t *list = json_object_get(inv, "toolExecutionNotifications");
  if (!list) {
    list = json_array();
    json_object_set_new(inv, "toolExecutionNotifications", list);
  }
  json_array_append_new(list, json_pack("{s:s, s:{s:s}, s:[{s:{s:o}}]}", "level", level, "message", "text", message,
                                        "locations", "physicalLocation", "artifactLocation",
                                        artifact_location(path, CD_NONE)));
}

static void sarif_finish(json_t *log, bool successful) {
  json_t *inv = json_array_get(json_object_get(run_of(log), "invocations"), 0);
  if (inv) json_object_set_new(inv, "executionSuccessful", json_boolean(successful));
}

typedef struct sarif_output {
  cd_cli_output base;
  json_t *log;
} sarif_output;

static void sarif_config_error(cd_cli_output *o, const cd_config_error *e) {
  sarif_add_config_error(((sarif_output *)o)->log, e);
}

static void sarif_file(cd_cli_output *o, cd_cli_file *f) { sarif_add_file(((sarif_output *)o)->log, f); }

static void sarif_file_error(cd_cli_output *o, const char *path, const char *message) {
  (void)message;
  sarif_add_tool_error(((sarif_output *)o)->log, path, "error", "The file could not be read.");
}

static void sarif_skipped(cd_cli_output *o, const char *path, const char *reason) {
  sarif_add_tool_error(((sarif_output *)o)->log, path, "note", reason);
}

static void sarif_write(cd_cli_output *o, const cd_cli_totals *t, bool successful) {
  (void)t;
  json_t *log = ((sarif_output *)o)->log;
  sarif_finish(log, successful);
  json_dumpf(log, o->out, JSON_INDENT(1));
  fputc('\n', o->out);
}

static void sarif_free(cd_cli_output *o) {
  json_decref(((sarif_output *)o)->log);
  free(o);
}

cd_cli_output *cd_cli_sarif_output(FILE *out, const cd_cli_options *opt) {
  (void)opt;
  sarif_output *s = calloc(1, sizeof *s);
  if (!s) return NULL;
  s->base = (cd_cli_output){out, sarif_config_error, sarif_file, sarif_file_error, sarif_skipped, sarif_write,
                            sarif_free};
  s->log = sarif_new();
  if (!s->log) {
    free(s);
    return NULL;
  }
  return &s->base;
}
