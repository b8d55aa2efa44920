/* `copydesk check` and configuration, end to end through the binary: discovery (walking up,
 * nearest wins), --config and --no-config, each setting's effect on findings, every class of
 * configuration error (exit 2, a clear message on stderr, checking goes on), and the output
 * formats: JSON (old fields kept, configuration fields added) and SARIF 2.1.0 (parsed with jansson
 * and checked structurally). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

#include <cmocka.h>
#include <jansson.h>

#include "cli/positions.h"
#include "copydesk/analyzer.h"
#include "test_files.h"

static char root[256];

typedef struct result {
  int status;
  char *out, *err;
} result;

static int setup(void **state) {
  (void)state;
  snprintf(root, sizeof root, "/tmp/cd_config_cli_XXXXXX");
  return mkdtemp(root) ? 0 : -1;
}

static int teardown(void **state) {
  (void)state;
  char cmd[300];
  snprintf(cmd, sizeof cmd, "rm -rf '%s'", root);
  return system(cmd) == 0 ? 0 : -1;
}

static void write_file(const char *rel, const char *text) {
  char path[512], cmd[600];
  snprintf(path, sizeof path, "%s/%s", root, rel);
  char *slash = strrchr(path, '/');
  *slash = 0;
  snprintf(cmd, sizeof cmd, "mkdir -p '%s'", path);
  assert_int_equal(system(cmd), 0);
  *slash = '/';
  FILE *f = fopen(path, "wb");
  assert_non_null(f);
  fputs(text, f);
  fclose(f);
}

static char *slurp(const char *path) {
  size_t len;
  char *buf = read_file(path, &len);
  assert_non_null(buf);
  return buf;
}

/* Runs `copydesk check ARGS` in `dir` (relative to root), every finding shown (hints too). */
static result check(const char *dir, const char *args) {
  char cmd[2048];
  snprintf(cmd, sizeof cmd, "cd '%s/%s' && '%s' check --min-severity hint %s >'%s/.out' 2>'%s/.err'", root, dir, CD_BINARY, args, root,
           root);
  int rc = system(cmd);
  result r;
  r.status = WIFEXITED(rc) ? WEXITSTATUS(rc) : -1;
  char p[512];
  snprintf(p, sizeof p, "%s/.out", root);
  r.out = slurp(p);
  snprintf(p, sizeof p, "%s/.err", root);
  r.err = slurp(p);
  return r;
}

static void result_free(result *r) {
  free(r->out);
  free(r->err);
}

static void contains(const char *hay, const char *needle) {
  if (!strstr(hay, needle)) fail_msg("expected '%s' in:\n%s", needle, hay);
}

static void lacks(const char *hay, const char *needle) {
  if (strstr(hay, needle)) fail_msg("did not expect '%s' in:\n%s", needle, hay);
}

static size_t occurrences(const char *hay, const char *needle) {
  size_t n = 0;
  for (const char *p = hay; (p = strstr(p, needle)) != NULL; p += strlen(needle)) n++;
  return n;
}

#define STORY                                                                                                  \
  "Council vote\n\n"                                                                                           \
  "Jane Smith, the mayor, spoke to reporters on Monday.\n\n"                                                   \
  "\"We will win the vote tomorrow and everyone knows it,\" Smith deadpanned.\n\n"                            \
  "\"Nobody in this town believes a word of the opposition's plan,\" a voice shouted from the back.\n"

static void test_discovery_and_precedence(void **state) {
  (void)state;
  write_file("desk/.copydesk.json", "{\"rules\": {\"quote.unattributed\": \"error\"}}");
  write_file("desk/politics/.copydesk.json", "{\"rules\": {\"quote.unattributed\": \"info\"}}");
  write_file("desk/politics/2026/story.txt", STORY);
  write_file("desk/sport/story.txt", STORY);
  write_file("other.json", "{\"rules\": {\"quote.unattributed\": \"off\"}}");
  /* nearest wins: politics/ says info */
  result r = check("desk", "politics/2026/story.txt");
  assert_int_equal(r.status, 0);
  contains(r.out, "info: Nobody is on record");
  result_free(&r);
  /* walking up from sport/ finds desk/: error, so exit 1 */
  r = check("desk/sport", "story.txt");
  assert_int_equal(r.status, 1);
  contains(r.out, "story.txt:7:1: error: Nobody is on record");
  assert_string_equal(r.err, "");
  result_free(&r);
  /* each file its own configuration, in one run */
  r = check("desk", "--format json politics/2026/story.txt sport/story.txt");
  assert_int_equal(r.status, 1);
  json_error_t je;
  json_t *j = json_loads(r.out, 0, &je);
  assert_non_null(j);
  json_t *files = json_object_get(j, "files");
  assert_int_equal(json_array_size(files), 2);
  contains(json_string_value(json_object_get(json_array_get(files, 0), "config")), "/desk/politics/.copydesk.json");
  contains(json_string_value(json_object_get(json_array_get(files, 1), "config")), "/desk/.copydesk.json");
  json_decref(j);
  result_free(&r);
  /* --config beats discovery; --no-config gives the defaults */
  r = check("desk/sport", "--config ../../other.json story.txt");
  assert_int_equal(r.status, 0);
  lacks(r.out, "Nobody is on record");
  result_free(&r);
  r = check("desk/sport", "--no-config story.txt");
  assert_int_equal(r.status, 0);
  contains(r.out, "warning: Nobody is on record");
  result_free(&r);
  r = check("desk/sport", "--no-config --config x.json story.txt");
  assert_int_equal(r.status, 2);
  result_free(&r);
  /* stdin: discovery from the current directory */
  r = check("desk/sport", "- < story.txt");
  assert_int_equal(r.status, 1);
  contains(r.out, "-:7:1: error:");
  result_free(&r);
}

/* Each setting whose pass exists today changes the findings. */
static void test_setting_effects(void **state) {
  (void)state;
  write_file("story.txt", STORY);
  /* rules: off removes, error raises (and --fail-on counts it) */
  write_file("off.json", "{\"rules\": {\"quote.unattributed\": \"off\", \"quote.attributed\": \"off\"}}");
  result r = check(".", "--config off.json --fail-on hint story.txt");
  assert_int_equal(r.status, 0);
  contains(r.out, "0 errors, 0 warnings, 0 info, 0 hints");
  result_free(&r);
  write_file("group.json", "{\"rules\": {\"quote.*\": \"error\"}}");
  r = check(".", "--config group.json story.txt");
  assert_int_equal(r.status, 1);
  contains(r.out, "2 errors, 0 warnings");
  result_free(&r);
  /* attribution.verbs: "deadpanned" becomes a verb of saying */
  r = check(".", "--no-config story.txt");
  contains(r.out, "2 quotes (2 unattributed)");
  result_free(&r);
  write_file("verbs.json", "{\"attribution\": {\"verbs\": [\"deadpanned\"]}}");
  r = check(".", "--config verbs.json story.txt");
  assert_int_equal(r.status, 0);
  contains(r.out, "Quote attributed to Jane Smith (explicit, deadpanned)");
  contains(r.out, "2 quotes (1 unattributed)");
  result_free(&r);
  /* markdown.ignorePatterns: matches are not prose */
  write_file("story.md", "# Council vote\n\nJane Smith, the mayor, spoke on Monday.\n\n"
                         "[^1]: \"A footnote quote that nobody is on record for at all,\" the note.\n");
  write_file("ignore.json", "{\"markdown\": {\"ignorePatterns\": [\"^\\\\[\\\\^\\\\d+\\\\]:.*$\"]}}");
  r = check(".", "--no-config story.md");
  contains(r.out, "1 unattributed");
  result_free(&r);
  r = check(".", "--config ignore.json story.md");
  contains(r.out, "0 quotes (0 unattributed)");
  result_free(&r);
}

/* Patterns that backtrack catastrophically (as ignore patterns and as claim patterns) stop at
 * the match limits instead of hanging: the run finishes (ctest's timeout would catch a hang). */
static void test_pattern_limits(void **state) {
  (void)state;
  char *text = malloc(200000);
  assert_non_null(text);
  strcpy(text, "Headline\n\n");
  size_t n = strlen(text);
  memset(text + n, 'a', 100000);
  strcpy(text + n + 100000, "!\n");
  write_file("long.txt", text);
  free(text);
  write_file("evil.json", "{\"markdown\": {\"ignorePatterns\": [\"(a+)+$\", \"(a|aa)*b\"]},"
                          " \"claims\": {\"add\": [{\"phrase\": \"(a+)+$\", \"pattern\": true},"
                          " {\"phrase\": \"(?:a|aa)*c\", \"pattern\": true}]}}");
  result r = check(".", "--config evil.json long.txt");
  assert_int_equal(r.status, 0);
  result_free(&r);
}

static void test_error_classes(void **state) {
  (void)state;
  write_file("story.txt", STORY);
  static const struct {
    const char *config;
    const char *message;
  } cases[] = {
      /* malformed JSON: jansson's message, line and column */
      {"{\n  \"rules\": {\"quote.unattributed\": \"error\",}\n}\n",
       "bad.json:2:43: invalid JSON: string or '}' expected near '}'"},
      {"", "bad.json:1:1: invalid JSON: '[' or '{' expected near end of file"},
      /* unknown key */
      {"{\"rules\": {\"quote.unattributed\": \"error\"},\n \"styel\": {}}",
       "bad.json:2:2: unknown setting 'styel' (did you mean 'style'?)"},
      {"{\"rules\": {\"quote.unattributed\": \"error\", \"quote.unatributed\": \"off\"}}",
       "bad.json:1:43: rules: unknown rule 'quote.unatributed' (did you mean 'quote.unattributed'?)"},
      /* wrong type */
      {"{\"rules\": {\"quote.unattributed\": \"error\"}, \"style\": {\"courtesyTitles\": false}}",
       "bad.json:1:72: style.courtesyTitles: expected one of \"none\", \"after-first-reference\", \"always\", \"any\", "
       "got true/false"},
      {"{\"rules\": {\"quote.unattributed\": \"error\"}, \"names\": {\"known\": [{\"name\": [\"Jane\"]}]}}",
       "bad.json:1:73: names.known[0].name: expected the name as a string, got a list"},
      /* a pattern that does not compile */
      {"{\"rules\": {\"quote.unattributed\": \"error\"}, \"markdown\": {\"ignorePatterns\": [\"(?<\"]}}",
       "bad.json:1:76: markdown.ignorePatterns[0]: pattern '(?<' does not compile at offset"},
  };
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    write_file("bad.json", cases[i].config);
    result r = check(".", "--config bad.json story.txt");
    if (r.status != 2) fail_msg("case %zu: status %d, stderr:\n%s", i, r.status, r.err);
    contains(r.err, "copydesk: configuration error: bad.json:");
    contains(r.err, cases[i].message);
    /* checking went on: the findings are printed */
    contains(r.out, "1 file checked: 2 quotes");
    if (i < 2) {
      contains(r.err, "not valid JSON, so none of it applies: checking with the defaults");
      contains(r.out, "warning: Nobody is on record");
    } else {
      contains(r.err, "the settings named above are skipped; the rest apply");
      contains(r.out, "error: Nobody is on record"); /* the good setting applied */
    }
    result_free(&r);
  }
  /* an unreadable configuration */
  result r = check(".", "--config missing.json story.txt");
  assert_int_equal(r.status, 2);
  contains(r.err, "missing.json: cannot read the configuration file: No such file or directory");
  contains(r.out, "1 file checked");
  result_free(&r);
  /* one message per configuration file, however many files use it */
  write_file("news/.copydesk.json", "{\"bogus\": 1}");
  write_file("news/a.txt", STORY);
  write_file("news/b.txt", STORY);
  r = check("news", "a.txt b.txt");
  assert_int_equal(r.status, 2);
  assert_int_equal(occurrences(r.err, "unknown setting 'bogus'"), 1);
  contains(r.out, "2 files checked");
  result_free(&r);
  /* JSON output carries the errors */
  r = check("news", "--format json a.txt");
  assert_int_equal(r.status, 2);
  json_error_t je;
  json_t *j = json_loads(r.out, 0, &je);
  assert_non_null(j);
  json_t *errs = json_object_get(j, "configuration_errors");
  assert_int_equal(json_array_size(errs), 1);
  json_t *e0 = json_array_get(errs, 0);
  contains(json_string_value(json_object_get(e0, "message")), ".copydesk.json:1:2: unknown setting 'bogus'");
  assert_string_equal(json_string_value(json_object_get(e0, "pointer")), "/bogus");
  assert_int_equal(json_integer_value(json_object_get(e0, "line")), 1);
  assert_int_equal(json_integer_value(json_object_get(e0, "column")), 2);
  json_decref(j);
  result_free(&r);
}

/* The JSON output keeps every field it had. */
static void test_json_backward_compatible(void **state) {
  (void)state;
  write_file("story.txt", STORY);
  result r = check(".", "--no-config --format json story.txt");
  json_error_t je;
  json_t *j = json_loads(r.out, 0, &je);
  assert_non_null(j);
  json_t *summary = json_object_get(j, "summary");
  static const char *const skeys[] = {"files", "quotes", "unattributed", "errors", "warnings", "infos", "hints"};
  for (size_t i = 0; i < sizeof skeys / sizeof skeys[0]; i++) assert_non_null(json_object_get(summary, skeys[i]));
  json_t *file = json_array_get(json_object_get(j, "files"), 0);
  static const char *const fkeys[] = {"path", "format", "quotes", "diagnostics", "entities", "config"};
  for (size_t i = 0; i < sizeof fkeys / sizeof fkeys[0]; i++) assert_non_null(json_object_get(file, fkeys[i]));
  assert_true(json_is_null(json_object_get(file, "config")));
  json_t *d = json_array_get(json_object_get(file, "diagnostics"), 0);
  static const char *const dkeys[] = {"code",     "severity",   "start",   "end",     "line",
                                      "column",   "end_line",   "end_column", "message", "related", "fixes"};
  for (size_t i = 0; i < sizeof dkeys / sizeof dkeys[0]; i++) assert_non_null(json_object_get(d, dkeys[i]));
  assert_int_equal(json_array_size(json_object_get(j, "configuration_errors")), 0);
  json_decref(j);
  result_free(&r);
}

static json_int_t ival(const json_t *o, const char *key) {
  json_t *v = json_object_get(o, key);
  if (!json_is_integer(v)) fail_msg("'%s' is not an integer", key);
  return json_integer_value(v);
}

/* A region: 1-based, ordered, and its byte offset/length cut exactly `expect` from `text`. */
static void check_region(const json_t *region, const char *text, const char *expect) {
  assert_true(json_is_object(region));
  json_int_t sl = ival(region, "startLine"), sc = ival(region, "startColumn");
  json_int_t el = ival(region, "endLine"), ec = ival(region, "endColumn");
  json_int_t off = ival(region, "byteOffset"), len = ival(region, "byteLength");
  assert_true(sl >= 1 && sc >= 1 && el >= sl && ec >= 1);
  assert_true(el > sl || ec >= sc);
  assert_true(off >= 0 && len >= 0 && (size_t)(off + len) <= strlen(text));
  if (expect) assert_memory_equal(text + off, expect, strlen(expect));
  /* the line/column agree with the byte offset (columns in code points) */
  json_int_t line = 1, col = 1;
  for (json_int_t i = 0; i < off; i++) {
    if (text[i] == '\n') line++, col = 1;
    else if (((unsigned char)text[i] & 0xC0) != 0x80) col++;
  }
  assert_int_equal(line, sl);
  assert_int_equal(col, sc);
}

static void test_sarif(void **state) {
  (void)state;
  const char *md = "# Café vote\n\n"
                   "Zoë Ångström, the mayor, spoke to reporters on Monday.\n\n"
                   "«Nobody in this town believes a word of the opposition's plan,» a voice shouted from the back.\n\n"
                   "<!-- copydesk-disable-next-line quote.unatributed -->\n"
                   "\"We will win the vote tomorrow and everyone knows it,\" Ångström said.\n";
  write_file("news/café story.md", md);
  write_file("news/.copydesk.json", "{\"rules\": {\"quote.unattributed\": \"error\"}, \"oops\": true}");
  result r = check("news", "--format sarif 'café story.md'");
  assert_int_equal(r.status, 2); /* the configuration error */
  json_error_t je;
  json_t *log = json_loads(r.out, 0, &je);
  if (!log) fail_msg("SARIF does not parse: %s\n%s", je.text, r.out);
  assert_string_equal(json_string_value(json_object_get(log, "version")), "2.1.0");
  contains(json_string_value(json_object_get(log, "$schema")), "sarif-2.1.0");
  json_t *runs = json_object_get(log, "runs");
  assert_int_equal(json_array_size(runs), 1);
  json_t *run = json_array_get(runs, 0);
  assert_string_equal(json_string_value(json_object_get(run, "columnKind")), "unicodeCodePoints");
  json_t *driver = json_object_get(json_object_get(run, "tool"), "driver");
  assert_string_equal(json_string_value(json_object_get(driver, "name")), "copydesk");
  assert_true(json_is_string(json_object_get(driver, "version")));
  /* the rules are cd_rules(), in order */
  size_t nrules;
  const cd_rule_info *rules = cd_rules(&nrules);
  json_t *jrules = json_object_get(driver, "rules");
  assert_int_equal(json_array_size(jrules), nrules);
  for (size_t i = 0; i < nrules; i++) {
    json_t *jr = json_array_get(jrules, i);
    assert_string_equal(json_string_value(json_object_get(jr, "id")), rules[i].code);
    assert_string_equal(json_string_value(json_object_get(json_object_get(jr, "shortDescription"), "text")),
                        rules[i].summary);
    const char *lvl = json_string_value(json_object_get(json_object_get(jr, "defaultConfiguration"), "level"));
    assert_non_null(lvl);
  }
  /* the artifact */
  json_t *art = json_array_get(json_object_get(run, "artifacts"), 0);
  assert_string_equal(json_string_value(json_object_get(json_object_get(art, "location"), "uri")),
                      "caf%C3%A9%20story.md");
  assert_string_equal(json_string_value(json_object_get(json_object_get(art, "location"), "uriBaseId")), "%SRCROOT%");
  contains(json_string_value(json_object_get(json_object_get(json_object_get(run, "originalUriBaseIds"), "%SRCROOT%"),
                                             "uri")),
           "file:///");
  /* results */
  json_t *results = json_object_get(run, "results");
  bool saw_error = false, saw_note = false, saw_fix = false, saw_related = false;
  size_t i;
  json_t *res;
  json_array_foreach(results, i, res) {
    const char *rule = json_string_value(json_object_get(res, "ruleId"));
    assert_non_null(cd_rule_find(rule));
    json_int_t ri = ival(res, "ruleIndex");
    assert_string_equal(rules[ri].code, rule);
    const char *level = json_string_value(json_object_get(res, "level"));
    const char *sev = json_string_value(json_object_get(json_object_get(res, "properties"), "copydeskSeverity"));
    cd_severity s;
    assert_true(cd_severity_parse(sev, &s));
    assert_string_equal(level, s == CD_SEVERITY_ERROR ? "error" : s == CD_SEVERITY_WARNING ? "warning" : "note");
    assert_true(json_is_string(json_object_get(json_object_get(res, "message"), "text")));
    json_t *loc = json_object_get(json_array_get(json_object_get(res, "locations"), 0), "physicalLocation");
    json_t *al = json_object_get(loc, "artifactLocation");
    assert_string_equal(json_string_value(json_object_get(al, "uri")), "caf%C3%A9%20story.md");
    assert_int_equal(ival(al, "index"), 0);
    json_t *region = json_object_get(loc, "region");
    if (strcmp(rule, "quote.unattributed") == 0) {
      saw_error = true;
      assert_string_equal(level, "error");
      check_region(region, md, "«Nobody");
      assert_int_equal(ival(region, "startLine"), 5);
      assert_int_equal(ival(region, "startColumn"), 1);
      assert_int_equal(ival(region, "endLine"), 5);
      /* the quote ends just past "»": 64 code points from column 1 */
      assert_int_equal(ival(region, "endColumn"), 1 + (json_int_t)strlen("«Nobody in this town believes a word of "
                                                                          "the opposition's plan,»") - 2);
    } else if (strcmp(rule, "quote.attributed") == 0) {
      saw_note = true;
      assert_string_equal(level, "note");
      check_region(region, md, "\"We will win");
      json_t *rel = json_object_get(res, "relatedLocations");
      assert_true(json_array_size(rel) >= 1);
      json_t *r0 = json_array_get(rel, 0);
      assert_true(json_is_integer(json_object_get(r0, "id")));
      assert_true(json_is_string(json_object_get(json_object_get(r0, "message"), "text")));
      check_region(json_object_get(json_object_get(r0, "physicalLocation"), "region"), md, "Ångström");
      saw_related = true;
    } else if (strcmp(rule, "control.unknown-rule") == 0) {
      check_region(region, md, "quote.unatributed");
      json_t *fix = json_array_get(json_object_get(res, "fixes"), 0);
      assert_non_null(fix);
      contains(json_string_value(json_object_get(json_object_get(fix, "description"), "text")), "quote.unattributed");
      json_t *change = json_array_get(json_object_get(fix, "artifactChanges"), 0);
      assert_string_equal(json_string_value(json_object_get(json_object_get(change, "artifactLocation"), "uri")),
                          "caf%C3%A9%20story.md");
      json_t *rep = json_array_get(json_object_get(change, "replacements"), 0);
      check_region(json_object_get(rep, "deletedRegion"), md, "quote.unatributed");
      assert_string_equal(json_string_value(json_object_get(json_object_get(rep, "insertedContent"), "text")),
                          "quote.unattributed");
      saw_fix = true;
    }
  }
  assert_true(saw_error && saw_note && saw_fix && saw_related);
  /* the configuration problem is a tool configuration notification */
  json_t *inv = json_array_get(json_object_get(run, "invocations"), 0);
  assert_false(json_is_true(json_object_get(inv, "executionSuccessful")));
  json_t *notes = json_object_get(inv, "toolConfigurationNotifications");
  assert_int_equal(json_array_size(notes), 1);
  json_t *n0 = json_array_get(notes, 0);
  assert_string_equal(json_string_value(json_object_get(n0, "level")), "error");
  contains(json_string_value(json_object_get(json_object_get(n0, "message"), "text")), "unknown setting 'oops'");
  json_t *nloc = json_object_get(json_array_get(json_object_get(n0, "locations"), 0), "physicalLocation");
  contains(json_string_value(json_object_get(json_object_get(nloc, "artifactLocation"), "uri")),
           "file:///");
  assert_int_equal(ival(json_object_get(nloc, "region"), "startLine"), 1);
  json_decref(log);
  result_free(&r);
  /* a clean run is successful; an unreadable file is a tool execution notification */
  r = check("news", "--no-config --format sarif 'café story.md' nothere.md");
  assert_int_equal(r.status, 2);
  log = json_loads(r.out, 0, &je);
  assert_non_null(log);
  inv = json_array_get(json_object_get(json_array_get(json_object_get(log, "runs"), 0), "invocations"), 0);
  assert_int_equal(json_array_size(json_object_get(inv, "toolConfigurationNotifications")), 0);
  assert_int_equal(json_array_size(json_object_get(inv, "toolExecutionNotifications")), 1);
  json_decref(log);
  result_free(&r);
  r = check("news", "--no-config --format sarif 'café story.md'");
  assert_int_equal(r.status, 0);
  log = json_loads(r.out, 0, &je);
  inv = json_array_get(json_object_get(json_array_get(json_object_get(log, "runs"), 0), "invocations"), 0);
  assert_true(json_is_true(json_object_get(inv, "executionSuccessful")));
  json_decref(log);
  result_free(&r);
}

/* The index answers as the plain line/column count at `tries` random offsets (past the end too:
 * both clamp). */
static void expect_index_agrees(cd_text_index *ix, const char *t, size_t len, int tries) {
  for (int k = 0; k < tries; k++) {
    size_t off = (size_t)rand() % (len + 3);
    size_t l1, c1, l2, c2;
    cd_linecol_cursor cur = {0};
    cd_linecol(t, len, off, &cur, &l1, &c1);
    cd_text_index_pos(ix, off, &l2, &c2);
    if (l1 != l2 || c1 != c2) fail_msg("offset %zu: %zu:%zu != %zu:%zu", off, l1, c1, l2, c2);
  }
}

/* The position index (SARIF and JSON regions) agrees with the plain line/column count for
 * offsets in any order, through multi-byte characters, invalid bytes, CRLF and empty lines. */
static void test_text_index(void **state) {
  (void)state;
  const char *t = "Zoë said\r\n\n\xff\xfe «quoted» 😀 x\nlast line, no newline";
  size_t len = strlen(t);
  cd_text_index ix;
  cd_text_index_init(&ix, t, len);
  srand(7);
  expect_index_agrees(&ix, t, len, 2000);
  cd_text_index_free(&ix);
}

/* The same on lines longer than the index's checkpoints (an article on one line), asked in any
 * order, with multi-byte characters and invalid bytes across the checkpoints. */
static void test_text_index_long_lines(void **state) {
  (void)state;
  static const char *const PIECES[] = {"Zo\xc3\xab ", "\xe2\x80\x9cquoted\xe2\x80\x9d ", "\xf0\x9f\x98\x80", "\xff", "plain words ",
                                       "\xe2\x80", "\r\n", "\n"};
  enum { LEN = 40000 };
  char *t = malloc(LEN + 16);
  assert_non_null(t);
  size_t len = 0;
  srand(11);
  for (size_t k = 0; len < LEN; k++) {
    /* mostly one very long line, a few breaks */
    size_t p = (size_t)rand() % 400 == 0 ? 6 + (size_t)rand() % 2 : (size_t)rand() % 6;
    size_t n = strlen(PIECES[p]);
    memcpy(t + len, PIECES[p], n);
    len += n;
  }
  cd_text_index ix;
  cd_text_index_init(&ix, t, len);
  assert_true(ix.n_cp > 0);
  expect_index_agrees(&ix, t, len, 3000);
  cd_text_index_free(&ix);
  free(t);
}

static void test_usage(void **state) {
  (void)state;
  write_file("story.txt", STORY);
  result r = check(".", "--format xml story.txt");
  assert_int_equal(r.status, 2);
  contains(r.err, "--format must be text, json, jsonl, sarif, github or rdjson");
  result_free(&r);
  r = check(".", "--help");
  assert_int_equal(r.status, 0);
  contains(r.out, "--format FORMAT");
  contains(r.out, "--no-config");
  contains(r.out, "--jobs N");
  contains(r.out, "--stdin-jsonl");
  result_free(&r);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test_setup_teardown(test_discovery_and_precedence, setup, teardown),
      cmocka_unit_test_setup_teardown(test_setting_effects, setup, teardown),
      cmocka_unit_test_setup_teardown(test_pattern_limits, setup, teardown),
      cmocka_unit_test_setup_teardown(test_error_classes, setup, teardown),
      cmocka_unit_test_setup_teardown(test_json_backward_compatible, setup, teardown),
      cmocka_unit_test_setup_teardown(test_sarif, setup, teardown),
      cmocka_unit_test_setup_teardown(test_usage, setup, teardown),
      cmocka_unit_test(test_text_index),
      cmocka_unit_test(test_text_index_long_lines),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
