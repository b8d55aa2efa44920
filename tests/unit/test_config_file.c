/* .copydesk.json: discovery (walking up, nearest wins), loading with positioned errors (malformed
 * JSON with jansson's line and column, unknown keys, wrong types, bad patterns, unreadable files),
 * locating JSON Pointers in the text, and precedence: defaults < file < editor settings. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include "config.h"
#include "config_file.h"

static char root[256]; /* a fresh temporary directory per test */

static int setup(void **state) {
  (void)state;
  snprintf(root, sizeof root, "/tmp/cd_config_file_XXXXXX");
  return mkdtemp(root) ? 0 : -1;
}

static int teardown(void **state) {
  (void)state;
  char cmd[300];
  snprintf(cmd, sizeof cmd, "rm -rf '%s'", root);
  return system(cmd) == 0 ? 0 : -1;
}

static char *path_in(const char *rel) {
  static char buf[4][512];
  static int k;
  k = (k + 1) % 4;
  snprintf(buf[k], sizeof buf[k], "%s/%s", root, rel);
  return buf[k];
}

static void mkdirs(const char *rel) {
  char cmd[600];
  snprintf(cmd, sizeof cmd, "mkdir -p '%s'", path_in(rel));
  assert_int_equal(system(cmd), 0);
}

static void write_file(const char *rel, const char *text) {
  FILE *f = fopen(path_in(rel), "wb");
  assert_non_null(f);
  fputs(text, f);
  fclose(f);
}

/* realpath of a path under root, for comparing with what discovery returns */
static char *real(const char *rel) {
  static char buf[PATH_MAX];
  assert_non_null(realpath(path_in(rel), buf));
  return buf;
}

static void test_find_walks_up_nearest_wins(void **state) {
  (void)state;
  mkdirs("desk/politics/2026");
  assert_null(cd_config_find(path_in("desk/politics/2026"))); /* nothing yet (assuming none above /tmp) */
  write_file("desk/.copydesk.json", "{}");
  char *found = cd_config_find(path_in("desk/politics/2026"));
  assert_non_null(found);
  assert_string_equal(found, real("desk/.copydesk.json"));
  free(found);
  write_file("desk/politics/.copydesk.json", "{}");
  found = cd_config_find(path_in("desk/politics/2026"));
  assert_string_equal(found, real("desk/politics/.copydesk.json"));
  free(found);
  /* from the directory that holds it */
  found = cd_config_find(path_in("desk"));
  assert_string_equal(found, real("desk/.copydesk.json"));
  free(found);
  /* for a file: its directory */
  write_file("desk/politics/2026/story.md", "# Hi\n");
  found = cd_config_find_for_file(path_in("desk/politics/2026/story.md"));
  assert_string_equal(found, real("desk/politics/.copydesk.json"));
  free(found);
  /* a directory named .copydesk.json is not a configuration */
  mkdirs("desk/politics/2026/x/.copydesk.json");
  found = cd_config_find(path_in("desk/politics/2026/x"));
  assert_string_equal(found, real("desk/politics/.copydesk.json"));
  free(found);
  /* a directory that does not exist */
  assert_null(cd_config_find(path_in("nowhere/at/all")));
}

static void test_find_relative_and_stdin(void **state) {
  (void)state;
  mkdirs("a/b");
  write_file("a/.copydesk.json", "{}");
  char cwd[PATH_MAX];
  assert_non_null(getcwd(cwd, sizeof cwd));
  assert_int_equal(chdir(path_in("a/b")), 0);
  char *found = cd_config_find_for_file("-");
  char *rel = cd_config_find_for_file("story.txt");
  char *up = cd_config_find_for_file("../b/story.txt");
  assert_int_equal(chdir(cwd), 0);
  assert_non_null(found);
  assert_string_equal(found, real("a/.copydesk.json"));
  assert_string_equal(rel, found);
  assert_string_equal(up, found);
  free(found);
  free(rel);
  free(up);
}

static void test_locate(void **state) {
  (void)state;
  const char *t = "{\n  \"rules\": {\"quote.unattributed\": \"loud\"},\n  \"style\": {\"preferredForms\": "
                  "{\"A/B\": 1, \"Caf\\u00e9\": [1, {\"x\": true}]}},\n  \"names\": {\"known\": [\"a\", {\"name\": 5}]}\n}";
  size_t len = strlen(t), s, e;
  assert_true(cd_json_locate(t, len, "/rules/quote.unattributed", false, &s, &e));
  assert_memory_equal(t + s, "\"loud\"", e - s);
  assert_true(cd_json_locate(t, len, "/rules/quote.unattributed", true, &s, &e));
  assert_memory_equal(t + s, "\"quote.unattributed\"", e - s);
  assert_true(cd_json_locate(t, len, "/style/preferredForms/A~1B", false, &s, &e));
  assert_memory_equal(t + s, "1", e - s);
  assert_true(cd_json_locate(t, len, "/style/preferredForms/Café/1/x", false, &s, &e));
  assert_memory_equal(t + s, "true", e - s);
  assert_true(cd_json_locate(t, len, "/names/known/1/name", false, &s, &e));
  assert_memory_equal(t + s, "5", e - s);
  assert_true(cd_json_locate(t, len, "/names/known/1", false, &s, &e));
  assert_memory_equal(t + s, "{\"name\": 5}", e - s);
  assert_true(cd_json_locate(t, len, "", false, &s, &e));
  assert_int_equal(s, 0);
  assert_int_equal(e, len);
  assert_false(cd_json_locate(t, len, "/names/known/2", false, &s, &e));
  assert_false(cd_json_locate(t, len, "/nothing", false, &s, &e));
  assert_false(cd_json_locate(t, len, "/rules/quote.unattributed/deeper", false, &s, &e));
  assert_false(cd_json_locate("{\"a\": [1", 8, "/a/1", false, &s, &e)); /* broken text */
  assert_false(cd_json_locate("{\"a\": [1, {\"b\": ", 16, "/a/1/b", false, &s, &e));
}

static cd_config_errors load_text(const char *text, cd_config **out) {
  cd_config_errors errors;
  cd_config_errors_init(&errors);
  cd_config *c = cd_config_new();
  assert_non_null(c);
  cd_config_apply_text(c, NULL, text, strlen(text), "/news/.copydesk.json", &errors);
  if (out) *out = c;
  else cd_config_free(c);
  return errors;
}

/* Malformed JSON: jansson's message with its line and column; nothing applies. */
static void test_malformed_json(void **state) {
  (void)state;
  cd_config *c;
  const char *t = "{\n  \"rules\": {\"quote.unattributed\": \"off\",}\n}\n";
  cd_config_errors e = load_text(t, &c);
  assert_int_equal(e.len, 1);
  assert_int_equal(e.items[0].line, 2);
  assert_int_equal(e.items[0].column, 41);
  assert_string_equal(e.items[0].file, "/news/.copydesk.json");
  assert_string_equal(e.items[0].message,
                      "/news/.copydesk.json:2:41: invalid JSON: string or '}' expected near '}'");
  assert_true(e.items[0].start < strlen(t) && e.items[0].end > e.items[0].start);
  assert_int_equal(t[e.items[0].start], '}');
  assert_int_equal(cd_config_severity(c, "quote.unattributed"), CD_SEVERITY_WARNING); /* defaults */
  /* and the message shown says so, not "the rest applies" */
  char shown[512];
  cd_config_errors_format(&e, shown, sizeof shown);
  assert_non_null(strstr(shown, "none of it applies"));
  assert_null(strstr(shown, "the rest applies"));
  cd_config_errors_free(&e);
  cd_config_free(c);
  /* empty file, trailing garbage, duplicate keys */
  e = load_text("", NULL);
  assert_int_equal(e.len, 1);
  assert_non_null(strstr(e.items[0].message, ":1:"));
  assert_non_null(strstr(e.items[0].message, "invalid JSON"));
  cd_config_errors_free(&e);
  e = load_text("{} x", NULL);
  assert_int_equal(e.len, 1);
  assert_non_null(strstr(e.items[0].message, "invalid JSON"));
  cd_config_errors_free(&e);
  e = load_text("{\"rules\": {}, \"rules\": {}}", NULL);
  assert_int_equal(e.len, 1);
  assert_non_null(strstr(e.items[0].message, "duplicate object key"));
  cd_config_errors_free(&e);
  /* a byte order mark is skipped */
  e = load_text("\xEF\xBB\xBF{\"rules\": {\"quote.attributed\": \"off\"}}", &c);
  assert_int_equal(e.len, 0);
  assert_int_equal(cd_config_severity(c, "quote.attributed"), CD_SEVERITY_OFF);
  cd_config_free(c);
  const char *bom = "\xEF\xBB\xBF{\"rules\": {\"quote.attributed\": \"of\"}}";
  e = load_text(bom, NULL);
  assert_int_equal(e.len, 1);
  assert_memory_equal(bom + e.items[0].start, "\"of\"", 4);
  cd_config_errors_free(&e);
  /* comments are not JSON */
  e = load_text("{\n  // the desk's style\n  \"rules\": {}\n}", NULL);
  assert_int_equal(e.len, 1);
  assert_int_equal(e.items[0].line, 2);
  cd_config_errors_free(&e);
  /* line and column count characters, as jansson does */
  e = load_text("{\"names\": {\"ignore\": [\"Erdoğan\" \"x\"]}}", NULL);
  assert_int_equal(e.len, 1);
  assert_int_equal(e.items[0].line, 1);
  cd_config_errors_free(&e);
}

/* Semantic errors get the position of the bad value (or key) in the file. */
static void test_positioned_errors(void **state) {
  (void)state;
  cd_config *c;
  const char *t = "{\n"
                  "  \"rules\": {\"quote.unattributed\": \"error\", \"quote.nope\": \"off\"},\n"
                  "  \"style\": {\"courtesyTitles\": \"nope\"},\n"
                  "  \"markdown\": {\"ignorePatterns\": [\"(\"]},\n"
                  "  \"extra\": true\n"
                  "}\n";
  cd_config_errors e = load_text(t, &c);
  assert_int_equal(e.len, 4);
  assert_string_equal(e.items[0].message,
                      "/news/.copydesk.json:2:44: rules: unknown rule 'quote.nope' (the rules are listed in "
                      "docs/configuration.md)");
  assert_memory_equal(t + e.items[0].start, "\"quote.nope\"", e.items[0].end - e.items[0].start);
  assert_int_equal(e.items[1].line, 3);
  assert_int_equal(e.items[1].column, 31);
  assert_memory_equal(t + e.items[1].start, "\"nope\"", e.items[1].end - e.items[1].start);
  assert_non_null(strstr(e.items[1].message, ":3:31: style.courtesyTitles: expected one of"));
  assert_int_equal(e.items[2].line, 4);
  assert_non_null(strstr(e.items[2].message, "markdown.ignorePatterns[0]: pattern '(' does not compile"));
  assert_int_equal(e.items[3].line, 5);
  assert_int_equal(e.items[3].column, 3);
  assert_non_null(strstr(e.items[3].message, "unknown setting 'extra'"));
  assert_int_equal(cd_config_severity(c, "quote.unattributed"), CD_SEVERITY_ERROR); /* the rest applies */
  cd_config_errors_free(&e);
  cd_config_free(c);
  /* checking an open buffer only (the server's diagnostics on .copydesk.json): no config at all */
  cd_config_errors_init(&e);
  assert_false(cd_config_apply_text(NULL, NULL, t, strlen(t), "/news/.copydesk.json", &e));
  assert_int_equal(e.len, 4);
  assert_memory_equal(t + e.items[1].start, "\"nope\"", e.items[1].end - e.items[1].start);
  cd_config_errors_free(&e);
  cd_config_errors_init(&e);
  const char *ok = "{\"rules\": {\"name.*\": \"off\"}}";
  assert_true(cd_config_apply_text(NULL, NULL, ok, strlen(ok), "x", &e));
  assert_int_equal(e.len, 0);
}

static void test_file_errors(void **state) {
  (void)state;
  cd_config_errors e;
  cd_config_errors_init(&e);
  cd_config *c = cd_config_new();
  assert_false(cd_config_apply_file(c, NULL, path_in("missing.json"), &e));
  assert_int_equal(e.len, 1);
  assert_non_null(strstr(e.items[0].message, "missing.json: cannot read the configuration file: No such file"));
  mkdirs("dir.json");
  assert_false(cd_config_apply_file(c, NULL, path_in("dir.json"), &e));
  assert_int_equal(e.len, 2);
  assert_non_null(strstr(e.items[1].message, "regular file"));
  write_file("good.json", "{\"rules\": {\"quote.attributed\": \"off\"}}");
  assert_true(cd_config_apply_file(c, NULL, path_in("good.json"), &e));
  assert_int_equal(e.len, 2);
  assert_int_equal(cd_config_severity(c, "quote.attributed"), CD_SEVERITY_OFF);
  /* the one-message interface */
  char msg[512];
  write_file("bad.json", "{\"rules\": 1}");
  assert_false(cd_config_load_file(c, path_in("bad.json"), msg, sizeof msg));
  assert_non_null(strstr(msg, "bad.json:1:11: rules: expected an object"));
  cd_config_errors_free(&e);
  cd_config_free(c);
}

/* defaults < file < editor settings; lists add up; errors from both, file first. */
static void test_precedence(void **state) {
  (void)state;
  write_file(".copydesk.json",
             "{\"rules\": {\"quote.unattributed\": \"error\", \"quote.attributed\": \"off\"},\n"
             " \"style\": {\"courtesyTitles\": \"none\", \"titlePeriod\": \"Mr.\", \"preferredForms\": {\"US\": \"U.S.\"}},\n"
             " \"attribution\": {\"verbs\": [\"deadpanned\"]}, \"inlayHints\": false, \"bogus\": 1}");
  json_error_t je;
  json_t *editor = json_loads("{\"copydesk\": {\"rules\": {\"quote.unattributed\": \"info\"}, \"style\":"
                              " {\"courtesyTitles\": \"always\", \"preferredForms\": {\"US\": \"United States\"}},"
                              " \"attribution\": {\"verbs\": [\"harrumphed\"]}, \"codeLens\": false, \"nope\": 2}}",
                              0, &je);
  assert_non_null(editor);
  cd_settings s;
  assert_true(cd_settings_build_for_dir(&s, root, editor));
  assert_non_null(s.file);
  assert_string_equal(s.file, real(".copydesk.json"));
  assert_int_equal(cd_config_severity(s.config, "quote.unattributed"), CD_SEVERITY_INFO); /* editor wins */
  assert_int_equal(cd_config_severity(s.config, "quote.attributed"), CD_SEVERITY_OFF);    /* file kept */
  assert_int_equal(s.config->courtesy, CD_COURTESY_ALWAYS);
  assert_int_equal(s.config->title_period, 1);
  assert_int_equal(s.config->preferred_entity.len, 1);
  assert_string_equal(s.config->preferred_form.items[0], "United States");
  assert_int_equal(s.config->speech_verbs.len, 2);
  assert_false(s.server.inlay_hints);
  assert_false(s.server.code_lens);
  assert_int_equal(s.errors.len, 2);
  assert_non_null(strstr(s.errors.items[0].message, ".copydesk.json:3:"));
  assert_non_null(strstr(s.errors.items[0].message, "unknown setting 'bogus'"));
  assert_non_null(s.errors.items[0].file);
  assert_string_equal(s.errors.items[1].message,
                      "editor settings: unknown setting 'nope' (known: rules, style, names, attribution, claims, "
                      "markdown, inlayHints, codeLens, maxHints, trace, serverPath, sources)");
  assert_null(s.errors.items[1].file);
  cd_settings_free(&s);
  /* no editor settings; no file */
  assert_true(cd_settings_build(&s, NULL, NULL));
  assert_null(s.file);
  assert_int_equal(s.errors.len, 0);
  assert_int_equal(cd_config_severity(s.config, "quote.unattributed"), CD_SEVERITY_WARNING);
  assert_true(s.server.inlay_hints && s.server.code_lens);
  cd_settings_free(&s);
  /* editor settings alone, unwrapped */
  assert_true(cd_settings_build(&s, NULL, json_object_get(editor, "copydesk")));
  assert_int_equal(cd_config_severity(s.config, "quote.unattributed"), CD_SEVERITY_INFO);
  cd_settings_free(&s);
  /* a broken file: its error, then the editor settings on the defaults */
  write_file("broken.json", "{\"rules\": ");
  assert_true(cd_settings_build(&s, path_in("broken.json"), editor));
  assert_int_equal(s.errors.len, 2);
  assert_non_null(strstr(s.errors.items[0].message, "broken.json:1:"));
  assert_int_equal(cd_config_severity(s.config, "quote.unattributed"), CD_SEVERITY_INFO);
  assert_int_equal(cd_config_severity(s.config, "quote.attributed"), CD_SEVERITY_HINT);
  cd_settings_free(&s);
  json_decref(editor);
}

/* Mutated configuration texts never crash the loader or the locator, and every error it
 * reports with a span has a span inside the text. */
static void test_mutations(void **state) {
  (void)state;
  const char *base = "{\"rules\": {\"quote.unattributed\": \"error\", \"name.*\": \"off\"},\n"
                     " \"style\": {\"courtesyTitles\": \"none\", \"titlePeriod\": \"Mr.\", \"preferredForms\": {\"US\": \"U.S.\"}},\n"
                     " \"names\": {\"known\": [\"A B\", {\"name\": \"Erdo\\u011fan\", \"forms\": [\"x\"]}], \"ignore\": [\"R\"]},\n"
                     " \"claims\": {\"add\": [{\"phrase\": \"(a|b)+\", \"pattern\": true}], \"disable\": [\"hedge\"]},\n"
                     " \"markdown\": {\"ignorePatterns\": [\"^> \"]}, \"inlayHints\": {\"enabled\": false}}";
  size_t n = strlen(base);
  const char alphabet[] = "{}[]\":,\\ntrue01- \xc4\x9f/~*(";
  char *buf = malloc(n + 64);
  assert_non_null(buf);
  srand(12345);
  for (int iter = 0; iter < 3000; iter++) {
    memcpy(buf, base, n);
    size_t len = n;
    int edits = 1 + rand() % 4;
    for (int k = 0; k < edits; k++) {
      size_t at = (size_t)rand() % len;
      int op = rand() % 3;
      char ch = alphabet[(size_t)rand() % (sizeof alphabet - 1)];
      if (op == 0) buf[at] = ch;                                   /* replace */
      else if (op == 1 && len > 1) memmove(buf + at, buf + at + 1, --len - at); /* delete */
      else if (len < n + 60) {                                     /* insert */
        memmove(buf + at + 1, buf + at, len - at);
        buf[at] = ch;
        len++;
      }
    }
    cd_config *c = cd_config_new();
    cd_server_settings sv = CD_SERVER_SETTINGS_DEFAULT;
    cd_config_errors e;
    cd_config_errors_init(&e);
    cd_config_apply_text(c, &sv, buf, len, "m.json", &e);
    for (size_t i = 0; i < e.len; i++) {
      assert_non_null(e.items[i].message);
      if (e.items[i].start != CD_NONE) assert_true(e.items[i].start <= e.items[i].end && e.items[i].end <= len);
    }
    cd_config_errors_free(&e);
    cd_config_free(c);
    size_t s0, e0;
    (void)cd_json_locate(buf, len, "/names/known/1/forms/0", false, &s0, &e0);
    (void)cd_json_locate(buf, len, "/style/preferredForms/US", true, &s0, &e0);
  }
  free(buf);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test_setup_teardown(test_find_walks_up_nearest_wins, setup, teardown),
      cmocka_unit_test_setup_teardown(test_find_relative_and_stdin, setup, teardown),
      cmocka_unit_test(test_locate),
      cmocka_unit_test(test_malformed_json),
      cmocka_unit_test(test_positioned_errors),
      cmocka_unit_test_setup_teardown(test_file_errors, setup, teardown),
      cmocka_unit_test_setup_teardown(test_precedence, setup, teardown),
      cmocka_unit_test(test_mutations),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
