/* Fuzzes the configuration loader: the input is a .copydesk.json text. It is applied onto a
 * configuration and the server switches (every problem becomes an error with a span inside the
 * text); the JSON Pointer locator is tried on a few pointers; and the configuration then
 * analyses a short article, so that what was loaded (verbs, names, claim patterns, ignore
 * patterns) is used, twice, giving the same diagnostics both times. */
#include <stdlib.h>
#include <string.h>

#include "config_file.h"
#include "config_json.h"
#include "copydesk/analyzer.h"
#include "fuzz_input.h"

static const char ARTICLE[] =
    "Harbour council backs the bridge\n\n"
    "Mayor Rafael Duarte said the works would start in March. \"We have waited long enough,\" Duarte said.\n\n"
    "\"Nobody wants another delay,\" he told reporters. Critics say the cost will double, according to "
    "people familiar with the plan. Mr Duarte, Mr. Duarte and the U.S. and US partners declined to comment.\n";

static const char *const POINTERS[] = {"", "/rules", "/style/courtesyTitles", "/names/known/0", "/claims/phrases/0",
                                       "/speechVerbs", "/a~1b/~0c"};

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  const char *text = (const char *)data;
  cd_config *config = cd_config_new();
  FUZZ_CHECK(config);
  cd_server_settings server = CD_SERVER_SETTINGS_DEFAULT;
  cd_config_errors errors;
  cd_config_errors_init(&errors);
  bool ok = cd_config_apply_text(config, &server, text, size, "fuzz.json", &errors);
  FUZZ_CHECK(ok == (errors.len == 0));
  for (size_t i = 0; i < errors.len; i++) {
    const cd_config_error *e = &errors.items[i];
    FUZZ_CHECK(e->message && e->detail);
    if (e->start != CD_NONE) FUZZ_CHECK(e->start <= e->end && e->end <= size);
  }
  char buf[512];
  cd_config_errors_format(&errors, buf, sizeof buf);
  cd_config_errors_free(&errors);
  for (size_t i = 0; i < sizeof POINTERS / sizeof POINTERS[0]; i++) {
    for (int key = 0; key < 2; key++) {
      size_t s, e;
      if (cd_json_locate(text, size, POINTERS[i], key, &s, &e)) FUZZ_CHECK(s <= e && e <= size);
    }
  }
  cd_config *copy = cd_config_clone(config);
  FUZZ_CHECK(copy);
  size_t n1, n2;
  cd_report *a = cd_analyze(ARTICLE, sizeof ARTICLE - 1, CD_FORMAT_PLAINTEXT, config);
  cd_report *b = cd_analyze(ARTICLE, sizeof ARTICLE - 1, CD_FORMAT_PLAINTEXT, copy);
  FUZZ_CHECK(a && b);
  const cd_diagnostic *da = cd_report_diagnostics(a, &n1), *db = cd_report_diagnostics(b, &n2);
  FUZZ_CHECK(n1 == n2);
  for (size_t i = 0; i < n1; i++)
    FUZZ_CHECK(strcmp(da[i].code, db[i].code) == 0 && da[i].span.start == db[i].span.start &&
               da[i].span.end == db[i].span.end && da[i].severity == db[i].severity);
  cd_report_free(a);
  cd_report_free(b);
  cd_config_free(copy);
  cd_config_free(config);
  return 0;
}
