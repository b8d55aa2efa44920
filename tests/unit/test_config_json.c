/* Settings JSON -> cd_config: every setting reaches the config, every class of error is reported
 * with its key path (and JSON Pointer), bad settings are skipped and the rest applied, the server
 * switches, and the one-message interface the server and fixtures use. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "config.h" /* the analyzer's view of cd_config, to see what each setting did */
#include "config_json.h"

static json_t *parse(const char *text) {
  json_error_t e;
  json_t *j = json_loads(text, 0, &e);
  if (!j) fail_msg("test JSON does not parse: %s: %s", text, e.text);
  return j;
}

/* Applies `text`; returns the errors (caller frees) and the config in *out. */
static cd_config_errors apply(const char *text, cd_config **out, cd_server_settings *server) {
  cd_config_errors errors;
  cd_config_errors_init(&errors);
  cd_config *c = cd_config_new();
  assert_non_null(c);
  json_t *j = parse(text);
  bool ok = cd_settings_apply_json(c, server, j, "editor settings", false, &errors);
  assert_true(ok == (errors.len == 0));
  json_decref(j);
  if (out) *out = c;
  else cd_config_free(c);
  return errors;
}

/* The single error, which must contain each of the NULL-terminated strings. */
static void expect_one_error(const char *text, const char *pointer, ...) {
  cd_config_errors e = apply(text, NULL, NULL);
  if (e.len != 1) {
    for (size_t i = 0; i < e.len; i++) fprintf(stderr, "  error: %s\n", e.items[i].message);
    fail_msg("%s: expected one error, got %zu", text, e.len);
  }
  assert_string_equal(e.items[0].pointer, pointer);
  assert_null(e.items[0].file);
  assert_true(strncmp(e.items[0].message, "editor settings: ", 17) == 0);
  va_list ap;
  va_start(ap, pointer);
  for (const char *want; (want = va_arg(ap, const char *)) != NULL;) {
    if (!strstr(e.items[0].message, want)) fail_msg("'%s' not in '%s'", want, e.items[0].message);
  }
  va_end(ap);
  cd_config_errors_free(&e);
}

static void test_defaults_and_empty(void **state) {
  (void)state;
  cd_config *c;
  cd_config_errors e = apply("{}", &c, NULL);
  assert_int_equal(e.len, 0);
  assert_int_equal(cd_config_severity(c, "quote.unattributed"), CD_SEVERITY_WARNING);
  assert_int_equal(c->courtesy, CD_COURTESY_ANY);
  assert_int_equal(c->title_period, -1);
  assert_false(c->presidents_by_title);
  cd_config_free(c);
  /* NULL and null: nothing to apply */
  cd_config_errors_init(&e);
  c = cd_config_new();
  assert_true(cd_settings_apply_json(c, NULL, NULL, "x", false, &e));
  json_t *null = json_null();
  assert_true(cd_settings_apply_json(c, NULL, null, "x", false, &e));
  json_decref(null);
  assert_int_equal(e.len, 0);
  cd_config_free(c);
}

static void test_rules(void **state) {
  (void)state;
  cd_config *c;
  cd_config_errors e = apply("{\"rules\": {\"quote.unattributed\": \"error\", \"quote.attributed\": \"off\","
                             " \"claim.unattributed\": \"information\"}}",
                             &c, NULL);
  assert_int_equal(e.len, 0);
  assert_int_equal(cd_config_severity(c, "quote.unattributed"), CD_SEVERITY_ERROR);
  assert_int_equal(cd_config_severity(c, "quote.attributed"), CD_SEVERITY_OFF);
  assert_int_equal(cd_config_severity(c, "claim.unattributed"), CD_SEVERITY_INFO);
  cd_config_free(c);
  /* a group, whatever the order, gives way to a rule named on its own */
  e = apply("{\"rules\": {\"name.variant\": \"error\", \"name.*\": \"off\"}}", &c, NULL);
  assert_int_equal(e.len, 0);
  assert_int_equal(cd_config_severity(c, "name.variant"), CD_SEVERITY_ERROR);
  assert_int_equal(cd_config_severity(c, "name.spelling"), CD_SEVERITY_OFF);
  assert_int_equal(cd_config_severity(c, "name.courtesy-title"), CD_SEVERITY_OFF);
  assert_int_equal(cd_config_severity(c, "quote.unattributed"), CD_SEVERITY_WARNING);
  cd_config_free(c);
}

static void test_rule_errors(void **state) {
  (void)state;
  expect_one_error("{\"rules\": {\"quote.unatributed\": \"off\"}}", "/rules/quote.unatributed",
                   "rules: unknown rule 'quote.unatributed'", "did you mean 'quote.unattributed'", NULL);
  expect_one_error("{\"rules\": {\"nothing.*\": \"off\"}}", "/rules/nothing.*", "unknown rule 'nothing.*'", NULL);
  expect_one_error("{\"rules\": {\"quote.unattributed\": \"loud\"}}", "/rules/quote.unattributed",
                   "rules[\"quote.unattributed\"]: expected one of \"off\", \"hint\"", "got \"loud\"", NULL);
  expect_one_error("{\"rules\": {\"quote.unattributed\": 3}}", "/rules/quote.unattributed", "got a number", NULL);
  expect_one_error("{\"rules\": [\"quote.unattributed\"]}", "/rules", "rules: expected an object", "got a list",
                   NULL);
  /* the good rule next to a bad one still applies */
  cd_config *c;
  cd_config_errors e = apply("{\"rules\": {\"quote.unattributed\": \"error\", \"bogus\": \"off\"}}", &c, NULL);
  assert_int_equal(e.len, 1);
  assert_int_equal(cd_config_severity(c, "quote.unattributed"), CD_SEVERITY_ERROR);
  cd_config_errors_free(&e);
  cd_config_free(c);
}

static void test_style(void **state) {
  (void)state;
  static const struct {
    const char *value;
    cd_courtesy_style style;
  } styles[] = {{"none", CD_COURTESY_NONE},
                {"after-first-reference", CD_COURTESY_AFTER_FIRST_REFERENCE},
                {"always", CD_COURTESY_ALWAYS},
                {"any", CD_COURTESY_ANY}};
  for (size_t i = 0; i < sizeof styles / sizeof styles[0]; i++) {
    char text[200];
    snprintf(text, sizeof text, "{\"style\": {\"courtesyTitles\": \"%s\"}}", styles[i].value);
    cd_config *c;
    cd_config_errors e = apply(text, &c, NULL);
    assert_int_equal(e.len, 0);
    assert_int_equal(c->courtesy, styles[i].style);
    cd_config_free(c);
  }
  cd_config *c;
  cd_config_errors e = apply("{\"style\": {\"titlePeriod\": \"Mr.\", \"preferredForms\": {\"United States\": "
                             "\"U.S.\", \"United Kingdom\": \"Britain\"}}}",
                             &c, NULL);
  assert_int_equal(e.len, 0);
  assert_int_equal(c->title_period, 1);
  assert_int_equal(c->preferred_entity.len, 2);
  assert_string_equal(c->preferred_entity.items[0], "United States");
  assert_string_equal(c->preferred_form.items[0], "U.S.");
  assert_string_equal(c->preferred_form.items[1], "Britain");
  /* later settings override: same entity replaced, not duplicated; "Mr" and "any" */
  json_t *j = parse("{\"style\": {\"titlePeriod\": \"Mr\", \"preferredForms\": {\"United States\": \"US\"}}}");
  assert_true(cd_settings_apply_json(c, NULL, j, "x", false, &e));
  json_decref(j);
  assert_int_equal(c->title_period, 0);
  assert_int_equal(c->preferred_entity.len, 2);
  assert_string_equal(c->preferred_form.items[0], "US");
  j = parse("{\"style\": {\"titlePeriod\": \"any\"}}");
  assert_true(cd_settings_apply_json(c, NULL, j, "x", false, &e));
  json_decref(j);
  assert_int_equal(c->title_period, -1);
  /* presidents: by title and surname, then back to the full name */
  j = parse("{\"style\": {\"presidentFirstReference\": \"title-and-surname\"}}");
  assert_true(cd_settings_apply_json(c, NULL, j, "x", false, &e));
  json_decref(j);
  assert_true(c->presidents_by_title);
  j = parse("{\"style\": {\"presidentFirstReference\": \"full-name\"}}");
  assert_true(cd_settings_apply_json(c, NULL, j, "x", false, &e));
  json_decref(j);
  assert_false(c->presidents_by_title);
  cd_config_free(c);
}

static void test_style_errors(void **state) {
  (void)state;
  expect_one_error("{\"style\": {\"courtesyTitles\": \"sometimes\"}}", "/style/courtesyTitles",
                   "style.courtesyTitles: expected one of \"none\", \"after-first-reference\", \"always\"",
                   "got \"sometimes\"", NULL);
  expect_one_error("{\"style\": {\"courtesyTitles\": true}}", "/style/courtesyTitles", "got true/false", NULL);
  expect_one_error("{\"style\": {\"titlePeriod\": \"Mr,\"}}", "/style/titlePeriod",
                   "style.titlePeriod: expected \"Mr\"", NULL);
  expect_one_error("{\"style\": {\"presidentFirstReference\": \"surname\"}}", "/style/presidentFirstReference",
                   "style.presidentFirstReference: expected \"full-name\"", "got \"surname\"", NULL);
  expect_one_error("{\"style\": {\"preferredForms\": {\"United States\": 1}}}", "/style/preferredForms/United States",
                   "style.preferredForms[\"United States\"]: expected the house form as a string, got a number", NULL);
  expect_one_error("{\"style\": {\"preferredForms\": {\"UN\": \"\"}}}", "/style/preferredForms/UN",
                   "got an empty string", NULL);
  expect_one_error("{\"style\": {\"preferredForms\": [\"U.S.\"]}}", "/style/preferredForms", "expected an object",
                   NULL);
  expect_one_error("{\"style\": {\"courtesy\": \"none\"}}", "/style/courtesy",
                   "style: unknown setting 'courtesy'", NULL);
  expect_one_error("{\"style\": {\"titleperiod\": \"Mr\"}}", "/style/titleperiod", "did you mean 'titlePeriod'",
                   NULL);
  expect_one_error("{\"style\": \"AP\"}", "/style", "style: expected an object, got a string", NULL);
}

static void test_names(void **state) {
  (void)state;
  cd_config *c;
  cd_config_errors e = apply("{\"names\": {\"known\": [\"Angela Merkel\", {\"name\": \"Recep Tayyip Erdoğan\", "
                             "\"forms\": [\"Erdoğan\", \"Tayyip Erdoğan\"]}], \"ignore\": [\"Reuters\", \"Xi\"]}}",
                             &c, NULL);
  assert_int_equal(e.len, 0);
  assert_int_equal(c->n_names, 2);
  assert_string_equal(c->names[0].canonical, "Angela Merkel");
  assert_int_equal(c->names[0].forms.len, 0);
  assert_string_equal(c->names[1].canonical, "Recep Tayyip Erdoğan");
  assert_int_equal(c->names[1].forms.len, 2);
  assert_string_equal(c->names[1].forms.items[0], "Erdoğan");
  assert_int_equal(c->ignored_names.len, 2);
  assert_string_equal(c->ignored_names.items[1], "Xi");
  cd_config_free(c);
  expect_one_error("{\"names\": {\"known\": [{\"forms\": [\"Erdoğan\"]}]}}", "/names/known/0",
                   "names.known[0]: missing \"name\"", NULL);
  expect_one_error("{\"names\": {\"known\": [{\"name\": \"A B\", \"forms\": [\"B\", 7]}]}}",
                   "/names/known/0/forms/1", "names.known[0].forms[1]: expected a form of the name", NULL);
  expect_one_error("{\"names\": {\"known\": [{\"name\": \"A B\", \"kind\": \"person\"}]}}", "/names/known/0/kind",
                   "names.known[0]: unknown setting 'kind'", NULL);
  expect_one_error("{\"names\": {\"known\": [42]}}", "/names/known/0", "expected a name or {\"name\"", NULL);
  expect_one_error("{\"names\": {\"ignore\": \"Reuters\"}}", "/names/ignore",
                   "names.ignore: expected a list of strings, got a string", NULL);
  expect_one_error("{\"names\": {\"people\": []}}", "/names/people", "names: unknown setting 'people'", NULL);
}

static void test_attribution_claims_markdown(void **state) {
  (void)state;
  cd_config *c;
  cd_config_errors e = apply("{\"attribution\": {\"verbs\": [\"deadpanned\", \"harrumphed\"]},"
                             " \"claims\": {\"add\": [\"it is understood\", {\"phrase\": \"people familiar with\","
                             " \"kind\": \"anonymous-source\"}, {\"phrase\": \"\\\\bsome (say|argue)\\\\b\","
                             " \"pattern\": true}], \"disable\": [\"reportedly\"]},"
                             " \"markdown\": {\"ignorePatterns\": [\"^> .*$\", \"\\\\{\\\\{[^}]*\\\\}\\\\}\"]}}",
                             &c, NULL);
  for (size_t i = 0; i < e.len; i++) fprintf(stderr, "%s\n", e.items[i].message);
  assert_int_equal(e.len, 0);
  assert_int_equal(c->speech_verbs.len, 2);
  assert_string_equal(c->speech_verbs.items[1], "harrumphed");
  assert_int_equal(c->n_claims, 3);
  assert_string_equal(c->claims[0].kind, "unattributed");
  assert_false(c->claims[0].is_pattern);
  assert_string_equal(c->claims[1].kind, "anonymous-source");
  assert_string_equal(c->claims[1].phrase, "people familiar with");
  assert_true(c->claims[2].is_pattern);
  assert_int_equal(c->disabled_claims.len, 1);
  assert_int_equal(c->ignore_patterns.len, 2);
  assert_string_equal(c->ignore_patterns.items[0], "^> .*$");
  cd_config_free(c);
}

static void test_list_errors(void **state) {
  (void)state;
  expect_one_error("{\"attribution\": {\"verbs\": [\"went on\"]}}", "/attribution/verbs/0",
                   "attribution.verbs[0]: 'went on': a verb of saying is one word", NULL);
  expect_one_error("{\"attribution\": {\"verbs\": \"quipped\"}}", "/attribution/verbs", "expected a list", NULL);
  expect_one_error("{\"attribution\": {\"verb\": []}}", "/attribution/verb", "did you mean 'verbs'", NULL);
  expect_one_error("{\"claims\": {\"add\": [{\"phrase\": \"x y\", \"kind\": \"rumour\"}]}}", "/claims/add/0/kind",
                   "claims.add[0].kind: expected \"unattributed\" or \"anonymous-source\", got \"rumour\"", NULL);
  expect_one_error("{\"claims\": {\"add\": [{\"phrase\": \"x y\", \"pattern\": \"yes\"}]}}",
                   "/claims/add/0/pattern", "claims.add[0].pattern: expected true", NULL);
  expect_one_error("{\"claims\": {\"add\": [{\"kind\": \"unattributed\"}]}}", "/claims/add/0",
                   "claims.add[0]: missing \"phrase\"", NULL);
  expect_one_error("{\"claims\": {\"add\": [{\"phrase\": \"a\", \"why\": 1}]}}", "/claims/add/0/why",
                   "claims.add[0]: unknown setting 'why'", NULL);
  expect_one_error("{\"claims\": {\"disable\": [\"\"]}}", "/claims/disable/0", "got an empty string", NULL);
  expect_one_error("{\"claims\": {\"remove\": []}}", "/claims/remove", "claims: unknown setting 'remove'", NULL);
  expect_one_error("{\"markdown\": {\"ignorePattern\": []}}", "/markdown/ignorePattern",
                   "did you mean 'ignorePatterns'", NULL);
}

/* A pattern that does not compile is an error that names the key and PCRE2's reason. */
static void test_bad_patterns(void **state) {
  (void)state;
  expect_one_error("{\"markdown\": {\"ignorePatterns\": [\"ok\", \"[a-\"]}}", "/markdown/ignorePatterns/1",
                   "markdown.ignorePatterns[1]: pattern '[a-' does not compile at offset 3",
                   "missing terminating ] for character class", NULL);
  expect_one_error("{\"claims\": {\"add\": [{\"phrase\": \"(sources\", \"pattern\": true}]}}",
                   "/claims/add/0/phrase", "claims.add[0].phrase: pattern '(sources' does not compile",
                   "missing closing parenthesis", NULL);
  /* the same text is fine as a plain phrase */
  cd_config_errors e = apply("{\"claims\": {\"add\": [{\"phrase\": \"(sources\"}]}}", NULL, NULL);
  assert_int_equal(e.len, 0);
  /* the good patterns around a bad one are kept */
  cd_config *c;
  e = apply("{\"markdown\": {\"ignorePatterns\": [\"a+\", \"(\", \"b+\"]}}", &c, NULL);
  assert_int_equal(e.len, 1);
  assert_int_equal(c->ignore_patterns.len, 2);
  cd_config_errors_free(&e);
  cd_config_free(c);
  /* over-long patterns are refused */
  char *big = malloc(CD_PATTERN_MAX_LEN + 100);
  assert_non_null(big);
  strcpy(big, "{\"markdown\": {\"ignorePatterns\": [\"");
  size_t n = strlen(big);
  memset(big + n, 'a', CD_PATTERN_MAX_LEN + 1);
  strcpy(big + n + CD_PATTERN_MAX_LEN + 1, "\"]}}");
  expect_one_error(big, "/markdown/ignorePatterns/0", "pattern is longer than", NULL);
  free(big);
}

static void test_unknown_and_wrong_top_level(void **state) {
  (void)state;
  expect_one_error("{\"colour\": \"red\"}", "/colour", "editor settings: unknown setting 'colour' (known: rules,",
                   "codeLens, maxHints, trace, serverPath, sources)",
                   NULL);
  expect_one_error("{\"rule\": {}}", "/rule", "did you mean 'rules'", NULL);
  expect_one_error("[1, 2]", "", "the settings must be a JSON object", "not a list", NULL);
  /* several problems: all reported, in order, and the good settings applied */
  cd_config *c;
  cd_config_errors e = apply("{\"a\": 1, \"rules\": {\"quote.unattributed\": \"off\"}, \"style\": {\"b\": 2,"
                             " \"courtesyTitles\": \"none\"}, \"names\": 3}",
                             &c, NULL);
  assert_int_equal(e.len, 3);
  assert_string_equal(e.items[0].pointer, "/a");
  assert_true(e.items[0].at_key);
  assert_string_equal(e.items[1].pointer, "/style/b");
  assert_string_equal(e.items[2].pointer, "/names");
  assert_false(e.items[2].at_key);
  assert_int_equal(cd_config_severity(c, "quote.unattributed"), CD_SEVERITY_OFF);
  assert_int_equal(c->courtesy, CD_COURTESY_NONE);
  cd_config_errors_free(&e);
  cd_config_free(c);
}

static void test_nulls_are_unset(void **state) {
  (void)state;
  cd_config *c;
  cd_config_errors e = apply("{\"rules\": null, \"style\": {\"courtesyTitles\": null, \"titlePeriod\": null},"
                             " \"names\": {\"known\": null}, \"claims\": null, \"markdown\": null,"
                             " \"inlayHints\": null, \"$schema\": \"./copydesk.schema.json\"}",
                             &c, NULL);
  assert_int_equal(e.len, 0);
  assert_int_equal(c->courtesy, CD_COURTESY_ANY);
  cd_config_free(c);
  /* Neovim sends an empty Lua table as [] */
  e = apply("[]", NULL, NULL);
  assert_int_equal(e.len, 0);
  e = apply("{\"rules\": [], \"names\": []}", NULL, NULL);
  assert_int_equal(e.len, 0);
}

static void test_server_switches(void **state) {
  (void)state;
  cd_server_settings s = CD_SERVER_SETTINGS_DEFAULT;
  assert_true(s.inlay_hints && s.code_lens);
  cd_config_errors e = apply("{\"inlayHints\": false, \"codeLens\": {\"enabled\": false}, \"trace\": {\"server\":"
                             " \"verbose\"}, \"serverPath\": \"~/bin/copydesk\", \"rules\": [], \"style\": {}}",
                             NULL, &s);
  assert_int_equal(e.len, 0);
  assert_false(s.inlay_hints);
  assert_false(s.code_lens);
  s = CD_SERVER_SETTINGS_DEFAULT;
  e = apply("{\"inlayHints\": \"no\", \"codeLens\": {\"enable\": false}}", NULL, &s);
  assert_int_equal(e.len, 2);
  assert_string_equal(e.items[0].pointer, "/inlayHints");
  assert_non_null(strstr(e.items[0].message, "inlayHints: expected true, false or {\"enabled\": true/false}"));
  assert_string_equal(e.items[1].pointer, "/codeLens/enable");
  assert_true(s.inlay_hints && s.code_lens);
  cd_config_errors_free(&e);
  json_t *j = parse("{\"inlayHints\": {\"enabled\": false}}");
  s = cd_server_settings_from_json(j);
  assert_false(s.inlay_hints);
  assert_true(s.code_lens);
  json_decref(j);
  /* maxHints: a whole number; anything else is reported and the default kept */
  s = CD_SERVER_SETTINGS_DEFAULT;
  assert_int_equal(s.max_hints, CD_MAX_HINTS_DEFAULT);
  e = apply("{\"maxHints\": 25}", NULL, &s);
  assert_int_equal(e.len, 0);
  assert_int_equal(s.max_hints, 25);
  cd_config_errors_free(&e);
  s = CD_SERVER_SETTINGS_DEFAULT;
  e = apply("{\"maxHints\": -1}", NULL, &s);
  assert_int_equal(e.len, 1);
  assert_non_null(strstr(e.items[0].message, "maxHints: expected a whole number from 0 to 100000, got"));
  assert_int_equal(s.max_hints, CD_MAX_HINTS_DEFAULT);
  cd_config_errors_free(&e);
  j = parse("{\"maxHints\": 0}");
  s = cd_server_settings_from_json(j);
  assert_int_equal(s.max_hints, 0);
  json_decref(j);
}

/* The one-message interface (server's current call, fixtures' config: lines). */
static void test_legacy_interface(void **state) {
  (void)state;
  char error[512];
  json_t *j = parse("{\"rules\": {\"quote.unattributed\": \"off\"}, \"inlayHints\": true}");
  cd_config *c = cd_config_from_json(j, error, sizeof error);
  json_decref(j);
  assert_non_null(c);
  assert_string_equal(error, "");
  assert_int_equal(cd_config_severity(c, "quote.unattributed"), CD_SEVERITY_OFF);
  j = parse("{\"rules\": {\"x\": \"off\"}, \"style\": {\"titlePeriod\": 1}}");
  assert_false(cd_config_apply_json(c, j, error, sizeof error));
  json_decref(j);
  assert_non_null(strstr(error, "rules: unknown rule 'x'"));
  assert_non_null(strstr(error, "; style.titlePeriod: expected"));
  /* a small buffer is cut, still terminated */
  char small[16];
  j = parse("{\"zzz\": 1}");
  assert_false(cd_config_apply_json(c, j, small, sizeof small));
  json_decref(j);
  assert_true(strlen(small) < sizeof small);
  cd_config_free(c);
}

static void test_clone_keeps_everything(void **state) {
  (void)state;
  cd_config *c;
  cd_config_errors e = apply("{\"rules\": {\"quote.attributed\": \"off\"}, \"style\": {\"courtesyTitles\": \"none\","
                             " \"titlePeriod\": \"Mr\", \"presidentFirstReference\": \"title-and-surname\", \"preferredForms\":"
                             " {\"A\": \"B\"}}, \"names\": {\"known\":"
                             " [{\"name\": \"X Y\", \"forms\": [\"Y\"]}], \"ignore\": [\"Z\"]}, \"attribution\":"
                             " {\"verbs\": [\"v\"]}, \"claims\": {\"add\": [\"p q\"], \"disable\": [\"r\"]},"
                             " \"markdown\": {\"ignorePatterns\": [\"s\"]}}",
                             &c, NULL);
  assert_int_equal(e.len, 0);
  cd_config *d = cd_config_clone(c);
  assert_non_null(d);
  assert_int_equal(cd_config_severity(d, "quote.attributed"), CD_SEVERITY_OFF);
  assert_int_equal(d->courtesy, CD_COURTESY_NONE);
  assert_int_equal(d->title_period, 0);
  assert_true(d->presidents_by_title);
  assert_string_equal(d->preferred_form.items[0], "B");
  assert_string_equal(d->names[0].forms.items[0], "Y");
  assert_int_equal(d->ignored_names.len, 1);
  assert_int_equal(d->speech_verbs.len, 1);
  assert_int_equal(d->n_claims, 1);
  assert_int_equal(d->disabled_claims.len, 1);
  assert_int_equal(d->ignore_patterns.len, 1);
  cd_config_free(d);
  cd_config_free(c);
}

/* A flood of bad keys gives CD_CONFIG_MAX_ERRORS messages and one that counts the rest. */
static void test_error_cap(void **state) {
  (void)state;
  json_t *j = json_object();
  for (int i = 0; i < 1000; i++) {
    char key[32];
    snprintf(key, sizeof key, "bad%d", i);
    json_object_set_new(j, key, json_integer(i));
  }
  cd_config_errors e;
  cd_config_errors_init(&e);
  assert_false(cd_settings_apply_json(NULL, NULL, j, "x", false, &e));
  json_decref(j);
  assert_int_equal(e.len, CD_CONFIG_MAX_ERRORS + 1);
  assert_string_equal(e.items[CD_CONFIG_MAX_ERRORS].message, "x: 900 more problems not shown");
  cd_config_errors_free(&e);
}

static void test_errors_format(void **state) {
  (void)state;
  char buf[512];
  cd_config_errors e = apply("{}", NULL, NULL);
  assert_int_equal(cd_config_errors_format(&e, buf, sizeof buf), 0);
  assert_string_equal(buf, "");
  e = apply("{\"a\": 1, \"style\": 2}", NULL, NULL);
  size_t want = cd_config_errors_format(&e, buf, sizeof buf);
  assert_int_equal(want, strlen(buf));
  assert_string_equal(buf, "copydesk: 2 problems in the configuration; those settings are skipped, the rest applies:\n"
                           "editor settings: unknown setting 'a' (known: rules, style, names, attribution, claims, "
                           "markdown, inlayHints, codeLens, maxHints, trace, serverPath, sources)\n"
                           "editor settings: style: expected an object, got a number");
  char small[20];
  assert_int_equal(cd_config_errors_format(&e, small, sizeof small), want);
  assert_int_equal(strlen(small), sizeof small - 1);
  cd_config_errors_free(&e);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_defaults_and_empty),
      cmocka_unit_test(test_rules),
      cmocka_unit_test(test_rule_errors),
      cmocka_unit_test(test_style),
      cmocka_unit_test(test_style_errors),
      cmocka_unit_test(test_names),
      cmocka_unit_test(test_attribution_claims_markdown),
      cmocka_unit_test(test_list_errors),
      cmocka_unit_test(test_bad_patterns),
      cmocka_unit_test(test_unknown_and_wrong_top_level),
      cmocka_unit_test(test_nulls_are_unset),
      cmocka_unit_test(test_server_switches),
      cmocka_unit_test(test_legacy_interface),
      cmocka_unit_test(test_clone_keeps_everything),
      cmocka_unit_test(test_errors_format),
      cmocka_unit_test(test_error_cap),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
