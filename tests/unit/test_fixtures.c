/* Fixture driver: every tests/fixtures/NAME.txt or NAME.md with a NAME.expect beside it is one
 * test. The article is analysed (format by extension, configuration from `config:` lines) and each
 * expectation line is checked as tests/fixtures/README.md describes. All failing lines of a fixture
 * are reported (fixture, line, what was found instead) before the test fails. Sub-directories
 * (tests/fixtures/pending/) are not read; CD_FIXTURE_DIR=DIR runs the fixtures of another directory
 * (CD_FIXTURE_DIR=tests/fixtures/pending shows what the analyzer does not handle yet). */
#include <dirent.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <cmocka.h>
#include <jansson.h>

#include "config_json.h"
#include "copydesk/analyzer.h"
#include "test_files.h"

static const char *fixture_dir = CD_SOURCE_DIR "/tests/fixtures";

typedef struct fixture {
  char *name;        /* "quotes_basic.txt" */
  char *article;     /* full path */
  char *expect;      /* full path */
} fixture;

/* ---- small helpers ---- */

static char *xstrdup(const char *s) {
  size_t n = strlen(s) + 1;
  char *p = malloc(n);
  if (p) memcpy(p, s, n);
  return p;
}

static bool span_contains(const char *text, cd_span s, const char *needle) {
  size_t n = strlen(needle);
  if (s.start == CD_NONE || s.end == CD_NONE || s.end < s.start) return false;
  if (n == 0) return true;
  for (size_t i = s.start; i + n <= s.end; i++)
    if (memcmp(text + i, needle, n) == 0) return true;
  return false;
}

/* "name.*" matches every code starting "name."; anything else matches exactly. */
static bool code_matches(const char *pattern, const char *code) {
  size_t n = strlen(pattern);
  if (n >= 2 && pattern[n - 2] == '.' && pattern[n - 1] == '*') return strncmp(pattern, code, n - 1) == 0;
  return strcmp(pattern, code) == 0;
}

static char *trim(char *s) {
  while (*s == ' ' || *s == '\t') s++;
  size_t n = strlen(s);
  while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r' || s[n - 1] == '\n')) s[--n] = 0;
  return s;
}

/* Splits `s` in place on " | "; returns the number of fields (at most `max`). The last field keeps
 * any further separators when there are more than `max`. */
static size_t split_fields(char *s, char **fields, size_t max) {
  size_t n = 0;
  while (n < max) {
    fields[n++] = s;
    char *sep = n < max ? strstr(s, " | ") : NULL;
    if (!sep) break;
    *sep = 0;
    s = sep + 3;
  }
  for (size_t i = 0; i < n; i++) fields[i] = trim(fields[i]);
  return n;
}

static bool parse_count(const char *s, size_t *out) {
  char *end;
  if (!*s) return false;
  unsigned long long v = strtoull(s, &end, 10);
  if (*end) return false;
  *out = (size_t)v;
  return true;
}

/* Prints a short excerpt of [start, end) with newlines shown as spaces. */
static void excerpt(char *buf, size_t size, const char *text, cd_span s) {
  size_t n = 0;
  if (s.start == CD_NONE || s.end == CD_NONE) {
    snprintf(buf, size, "(none)");
    return;
  }
  for (size_t i = s.start; i < s.end && n + 4 < size; i++) buf[n++] = (text[i] == '\n' || text[i] == '\r') ? ' ' : text[i];
  if (s.end - s.start > n && n + 4 < size) {
    memcpy(buf + n, "...", 3);
    n += 3;
  }
  buf[n] = 0;
}

/* ---- the checks ---- */

typedef struct run {
  const fixture *fx;
  const char *text;
  size_t len;
  cd_report *report;
  int failures;
} run;

static void fail_line(run *r, int line, const char *fmt, ...) {
  char msg[2048];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(msg, sizeof msg, fmt, ap);
  va_end(ap);
  print_error("%s:%d: %s\n", r->fx->name, line, msg);
  r->failures++;
}

static void list_quotes(run *r) {
  size_t nq;
  const cd_quote *q = cd_report_quotes(r->report, &nq);
  print_error("  %zu quote(s) found:\n", nq);
  for (size_t i = 0; i < nq; i++) {
    char ex[120];
    excerpt(ex, sizeof ex, r->text, q[i].inner);
    print_error("    [%zu] \"%s\" | %s | %s (%s)\n", i, ex, q[i].speaker ? q[i].speaker : "none",
                cd_quote_kind_name(q[i].kind), cd_attribution_method_name(q[i].method));
  }
}

static void list_diags(run *r, const char *code) {
  size_t nd;
  const cd_diagnostic *d = cd_report_diagnostics(r->report, &nd);
  size_t shown = 0;
  for (size_t i = 0; i < nd; i++) {
    if (code && !code_matches(code, d[i].code)) continue;
    char ex[120];
    excerpt(ex, sizeof ex, r->text, d[i].span);
    print_error("    %s at [%zu,%zu) \"%s\": %s\n", d[i].code, d[i].span.start, d[i].span.end, ex, d[i].message);
    shown++;
  }
  if (!shown) print_error("    (no %s diagnostics)\n", code ? code : "");
}

static void check_quote(run *r, int line, char **f, size_t nf) {
  size_t nq;
  const cd_quote *q = cd_report_quotes(r->report, &nq);
  const char *want_text = f[0], *want_speaker = f[1], *want_kind = nf > 2 ? f[2] : NULL;
  size_t tl = strlen(want_text);
  if (want_kind && strcmp(want_kind, "speech") && strcmp(want_kind, "scare") && strcmp(want_kind, "title")) {
    fail_line(r, line, "unknown quote kind '%s' (speech, scare or title)", want_kind);
    return;
  }
  for (size_t i = 0; i < nq; i++) {
    size_t at = q[i].inner.start; /* a quote typed with a space after its opening mark: "” there are" */
    while (at < q[i].inner.end && r->text[at] == ' ') at++;
    if (q[i].inner.end - at < tl || memcmp(r->text + at, want_text, tl) != 0) continue;
    const char *got = q[i].speaker ? q[i].speaker : "none";
    if (strcmp(got, want_speaker) != 0)
      fail_line(r, line, "quote \"%s\": speaker is '%s' (%s; %s), expected '%s'", want_text, got,
                cd_attribution_method_name(q[i].method), q[i].evidence, want_speaker);
    if (want_kind && strcmp(cd_quote_kind_name(q[i].kind), want_kind) != 0)
      fail_line(r, line, "quote \"%s\": kind is %s, expected %s (%s)", want_text, cd_quote_kind_name(q[i].kind),
                want_kind, q[i].evidence);
    return;
  }
  fail_line(r, line, "no quote whose text starts with \"%s\"", want_text);
  list_quotes(r);
}

static void check_diag(run *r, int line, const char *code, const char *text, bool want) {
  size_t nd;
  const cd_diagnostic *d = cd_report_diagnostics(r->report, &nd);
  for (size_t i = 0; i < nd; i++) {
    if (!code_matches(code, d[i].code)) continue;
    if (text && !span_contains(r->text, d[i].span, text)) continue;
    if (!want) {
      char ex[120];
      excerpt(ex, sizeof ex, r->text, d[i].span);
      fail_line(r, line, "unexpected %s on \"%s\": %s", d[i].code, ex, d[i].message);
    }
    return;
  }
  if (want) {
    fail_line(r, line, "no %s diagnostic over \"%s\"; found:", code, text ? text : "");
    list_diags(r, code);
  }
}

static void check_count(run *r, int line, const char *code, size_t want) {
  size_t nd, n = 0;
  const cd_diagnostic *d = cd_report_diagnostics(r->report, &nd);
  for (size_t i = 0; i < nd; i++)
    if (code_matches(code, d[i].code)) n++;
  if (n != want) {
    fail_line(r, line, "%zu %s diagnostic(s), expected %zu:", n, code, want);
    list_diags(r, code);
  }
}

static void check_entity(run *r, int line, char **f, size_t nf) {
  size_t ne;
  const cd_entity *e = cd_report_entities(r->report, &ne);
  const cd_entity *hit = NULL;
  for (size_t i = 0; i < ne && !hit; i++)
    if (strcmp(e[i].name, f[0]) == 0) hit = &e[i];
  if (!hit) {
    fail_line(r, line, "no entity named '%s'; entities:", f[0]);
    for (size_t i = 0; i < ne; i++) {
      print_error("    '%s' (%s):", e[i].name, cd_entity_kind_name(e[i].kind));
      for (size_t m = 0; m < e[i].n_mentions; m++) print_error(" '%s'", e[i].mentions[m].text);
      print_error("\n");
    }
    return;
  }
  for (size_t k = 1; k < nf; k++) {
    bool found = false;
    for (size_t m = 0; m < hit->n_mentions && !found; m++) found = strcmp(hit->mentions[m].text, f[k]) == 0;
    if (!found) {
      fail_line(r, line, "entity '%s' has no mention written '%s'; its mentions:", f[0], f[k]);
      for (size_t m = 0; m < hit->n_mentions; m++) print_error(" '%s'", hit->mentions[m].text);
      print_error("\n");
    }
  }
}

/* The entity named f[0] is of kind f[1] ("person", "organization", ...). */
static void check_entity_kind(run *r, int line, char **f) {
  size_t ne;
  const cd_entity *e = cd_report_entities(r->report, &ne);
  for (size_t i = 0; i < ne; i++) {
    if (strcmp(e[i].name, f[0]) != 0) continue;
    if (strcmp(cd_entity_kind_name(e[i].kind), f[1]) != 0)
      fail_line(r, line, "entity '%s' is a %s, expected %s", f[0], cd_entity_kind_name(e[i].kind), f[1]);
    return;
  }
  fail_line(r, line, "no entity named '%s'", f[0]);
}

/* One expectation line (already known not to be a comment, config or blank). */
static void check_line(run *r, int line, char *s) {
  char *fields[64];
  char *colon = strchr(s, ':');
  if (!colon) {
    fail_line(r, line, "unknown expectation line: %s", s);
    return;
  }
  *colon = 0;
  const char *key = trim(s);
  char *rest = trim(colon + 1);
  size_t nf = split_fields(rest, fields, 64);
  size_t n;
  if (strcmp(key, "quote") == 0 && (nf == 2 || nf == 3)) {
    check_quote(r, line, fields, nf);
  } else if (strcmp(key, "quotes") == 0 && nf == 1 && parse_count(fields[0], &n)) {
    size_t nq;
    cd_report_quotes(r->report, &nq);
    if (nq != n) {
      fail_line(r, line, "%zu quotes, expected %zu", nq, n);
      list_quotes(r);
    }
  } else if (strcmp(key, "diag") == 0 && nf == 2) {
    check_diag(r, line, fields[0], fields[1], true);
  } else if (strcmp(key, "nodiag") == 0 && (nf == 1 || nf == 2)) {
    check_diag(r, line, fields[0], nf == 2 ? fields[1] : NULL, false);
  } else if (strcmp(key, "count") == 0 && nf == 2 && parse_count(fields[1], &n)) {
    check_count(r, line, fields[0], n);
  } else if (strcmp(key, "entity") == 0 && nf >= 2) {
    check_entity(r, line, fields, nf);
  } else if (strcmp(key, "kind") == 0 && nf == 2) {
    check_entity_kind(r, line, fields);
  } else {
    fail_line(r, line, "unknown or malformed expectation line: '%s: %s'", key, rest);
  }
}

/* Applies every `config:` line; false (with a failure reported) when one is bad. */
static bool build_config(run *r, char *expect, cd_config **out) {
  cd_config *config = NULL;
  int line = 0;
  bool ok = true;
  for (char *p = expect; p && *p && ok;) {
    char *nl = strchr(p, '\n');
    line++;
    size_t n = nl ? (size_t)(nl - p) : strlen(p);
    if (n >= 7 && strncmp(p, "config:", 7) == 0) {
      json_error_t jerr;
      json_t *j = json_loadb(p + 7, n - 7, 0, &jerr);
      char error[512] = "";
      if (!j) {
        fail_line(r, line, "config is not valid JSON: %s", jerr.text);
        ok = false;
      } else {
        if (!config) config = cd_config_new();
        assert_non_null(config);
        if (!cd_config_apply_json(config, j, error, sizeof error)) {
          fail_line(r, line, "config rejected: %s", error);
          ok = false;
        }
        json_decref(j);
      }
    }
    p = nl ? nl + 1 : NULL;
  }
  *out = config;
  return ok;
}

static void run_fixture(void **state) {
  const fixture *fx = *state;
  size_t len = 0, elen = 0;
  char *text = read_file(fx->article, &len);
  char *expect = read_file(fx->expect, &elen);
  assert_non_null(text);
  assert_non_null(expect);
  run r = {fx, text, len, NULL, 0};
  cd_config *config = NULL;
  if (build_config(&r, expect, &config)) {
    r.report = cd_analyze(text, len, cd_format_from_path(fx->article), config);
    assert_non_null(r.report);
    int line = 0, checks = 0;
    for (char *p = expect; p && *p;) {
      char *nl = strchr(p, '\n');
      if (nl) *nl = 0;
      line++;
      char *s = trim(p);
      if (*s && *s != '#' && strncmp(s, "config:", 7) != 0) {
        check_line(&r, line, s);
        checks++;
      }
      p = nl ? nl + 1 : NULL;
    }
    if (checks == 0) fail_line(&r, line, "no expectations");
    cd_report_free(r.report);
  }
  cd_config_free(config);
  free(text);
  free(expect);
  if (r.failures) fail_msg("%s: %d expectation(s) failed", fx->name, r.failures);
}

/* ---- discovery ---- */

static int by_name(const void *a, const void *b) {
  return strcmp(((const fixture *)a)->name, ((const fixture *)b)->name);
}

static bool has_suffix(const char *s, const char *suffix) {
  size_t n = strlen(s), k = strlen(suffix);
  return n > k && strcmp(s + n - k, suffix) == 0;
}

static size_t find_fixtures(fixture **out) {
  DIR *dir = opendir(fixture_dir);
  fixture *list = NULL;
  size_t n = 0, cap = 0;
  struct dirent *de;
  if (!dir) {
    fprintf(stderr, "test_fixtures: cannot open %s\n", fixture_dir);
    *out = NULL;
    return 0;
  }
  while ((de = readdir(dir)) != NULL) {
    const char *name = de->d_name;
    if (!has_suffix(name, ".txt") && !has_suffix(name, ".md")) continue;
    if (strcmp(name, "README.md") == 0) continue;
    size_t stem = strlen(name) - (has_suffix(name, ".md") ? 3 : 4);
    size_t dl = strlen(fixture_dir);
    char *article = malloc(dl + strlen(name) + 2);
    char *expect = malloc(dl + stem + 9);
    struct stat st;
    if (!article || !expect) abort();
    sprintf(article, "%s/%s", fixture_dir, name);
    sprintf(expect, "%s/%.*s.expect", fixture_dir, (int)stem, name);
    if (stat(article, &st) != 0 || !S_ISREG(st.st_mode) || stat(expect, &st) != 0) {
      free(article);
      free(expect);
      continue;
    }
    if (n == cap) {
      cap = cap ? cap * 2 : 16;
      list = realloc(list, cap * sizeof *list);
      if (!list) abort();
    }
    list[n].name = xstrdup(name);
    list[n].article = article;
    list[n].expect = expect;
    n++;
  }
  closedir(dir);
  if (n) qsort(list, n, sizeof *list, by_name);
  *out = list;
  return n;
}

static void test_fixtures_present(void **state) {
  (void)state;
  print_error("no fixtures found in %s\n", fixture_dir);
  fail();
}

int main(void) {
  fixture *fx = NULL;
  const char *dir = getenv("CD_FIXTURE_DIR");
  if (dir && *dir) fixture_dir = dir;
  size_t n = find_fixtures(&fx);
  struct CMUnitTest *tests = calloc(n ? n : 1, sizeof *tests);
  int rc;
  if (!tests) return 1;
  for (size_t i = 0; i < n; i++) {
    tests[i].name = fx[i].name;
    tests[i].test_func = run_fixture;
    tests[i].initial_state = &fx[i];
  }
  if (n == 0) {
    tests[0].name = "fixtures_present";
    tests[0].test_func = test_fixtures_present;
    n = 1;
  }
  rc = _cmocka_run_group_tests("fixtures", tests, n, NULL, NULL);
  for (size_t i = 0; fx && i < n; i++) {
    free(fx[i].name);
    free(fx[i].article);
    free(fx[i].expect);
  }
  free(fx);
  free(tests);
  return rc;
}
