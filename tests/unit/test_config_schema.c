/* The JSON Schema (editors/vscode/schemas/copydesk.schema.json) and docs/configuration.md agree
 * with the parser: the schema lists every rule with its default, every key it offers is accepted,
 * every enum value it offers is accepted, and every JSON example in the docs applies cleanly. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "config_json.h"

static json_t *schema;

static int load_schema(void **state) {
  (void)state;
  json_error_t e;
  schema = json_load_file(CD_SOURCE_DIR "/editors/vscode/schemas/copydesk.schema.json", 0, &e);
  if (!schema) fprintf(stderr, "schema: %d:%d: %s\n", e.line, e.column, e.text);
  return schema ? 0 : -1;
}

static int free_schema(void **state) {
  (void)state;
  json_decref(schema);
  return 0;
}

/* Applies settings given as JSON text; returns the number of errors (printed). */
static size_t errors_for(const char *text) {
  json_error_t je;
  json_t *j = json_loads(text, 0, &je);
  if (!j) fail_msg("bad test JSON %s: %s", text, je.text);
  cd_config *c = cd_config_new();
  cd_server_settings s = CD_SERVER_SETTINGS_DEFAULT;
  cd_config_errors e;
  cd_config_errors_init(&e);
  cd_settings_apply_json(c, &s, j, "test", false, &e);
  for (size_t i = 0; i < e.len; i++) fprintf(stderr, "  %s -> %s\n", text, e.items[i].message);
  size_t n = e.len;
  cd_config_errors_free(&e);
  cd_config_free(c);
  json_decref(j);
  return n;
}

static void test_rules_match_table(void **state) {
  (void)state;
  json_t *props = json_object_get(json_object_get(json_object_get(schema, "properties"), "rules"), "properties");
  assert_non_null(props);
  size_t n;
  const cd_rule_info *rules = cd_rules(&n);
  for (size_t i = 0; i < n; i++) {
    json_t *p = json_object_get(props, rules[i].code);
    if (!p) fail_msg("rule %s is missing from the schema", rules[i].code);
    assert_string_equal(json_string_value(json_object_get(p, "default")), cd_severity_name(rules[i].default_severity));
  }
  const char *code;
  json_t *v;
  json_object_foreach(props, code, v) {
    char text[200];
    snprintf(text, sizeof text, "{\"rules\": {\"%s\": \"error\"}}", code);
    if (errors_for(text) != 0) fail_msg("schema offers rule key '%s', the parser refuses it", code);
  }
  assert_true(errors_for("{\"rules\": {\"quote.nothing\": \"error\"}}") == 1);
}

/* Every property the schema offers (objects all the way down) is accepted with null. */
static void walk(const json_t *node, const char *prefix, const char *suffix, int *checked) {
  json_t *props = json_object_get(node, "properties");
  if (!json_is_object(props)) return;
  const char *key;
  json_t *sub;
  json_object_foreach(props, key, sub) {
    char text[512], pre[400], suf[64];
    snprintf(text, sizeof text, "%s\"%s\": null%s", prefix, key, suffix);
    if (errors_for(text) != 0) fail_msg("schema offers %s, the parser refuses it", text);
    (*checked)++;
    /* enum values */
    json_t *values = json_object_get(sub, "enum");
    size_t i;
    json_t *val;
    json_array_foreach(values, i, val) {
      if (!json_is_string(val)) continue;
      snprintf(text, sizeof text, "%s\"%s\": \"%s\"%s", prefix, key, json_string_value(val), suffix);
      if (errors_for(text) != 0) fail_msg("schema offers %s, the parser refuses it", text);
      (*checked)++;
    }
    if (strcmp(key, "rules") == 0) continue; /* rule codes: test_rules_match_table */
    snprintf(pre, sizeof pre, "%s\"%s\": {", prefix, key);
    snprintf(suf, sizeof suf, "}%s", suffix);
    walk(sub, pre, suf, checked);
  }
}

static void test_every_key_accepted(void **state) {
  (void)state;
  int checked = 0;
  walk(schema, "{", "}", &checked);
  assert_true(checked > 20);
  /* the object forms inside lists */
  assert_true(errors_for("{\"names\": {\"known\": [{\"name\": \"A B\", \"forms\": null}]}}") == 0);
  assert_true(errors_for("{\"claims\": {\"add\": [{\"phrase\": \"a b\", \"kind\": \"anonymous-source\","
                         " \"pattern\": false}]}}") == 0);
  assert_true(errors_for("{\"inlayHints\": {\"enabled\": true}, \"codeLens\": false}") == 0);
  /* and the schema closes what the parser closes */
  assert_true(json_is_false(json_object_get(schema, "additionalProperties")));
}

/* Every ```json block of docs/configuration.md applies with no error. */
static void test_docs_examples(void **state) {
  (void)state;
  FILE *f = fopen(CD_SOURCE_DIR "/docs/configuration.md", "rb");
  assert_non_null(f);
  static char doc[200000];
  size_t n = fread(doc, 1, sizeof doc - 1, f);
  fclose(f);
  doc[n] = 0;
  int blocks = 0;
  for (char *p = doc; (p = strstr(p, "```json\n")) != NULL;) {
    p += 8;
    char *end = strstr(p, "```");
    assert_non_null(end);
    *end = 0;
    if (errors_for(p) != 0) fail_msg("docs example does not apply cleanly:\n%s", p);
    *end = '`';
    blocks++;
    p = end + 3;
  }
  assert_true(blocks >= 2);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_rules_match_table),
      cmocka_unit_test(test_every_key_accepted),
      cmocka_unit_test(test_docs_examples),
  };
  return cmocka_run_group_tests(tests, load_schema, free_schema);
}
