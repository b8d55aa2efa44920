/* The CLI's direct JSON writer (lsp/src/cli/json_emit.c) against jansson, whose layout the
 * CLI's JSON output had first: random trees with awkward strings are dumped by jansson
 * (JSON_INDENT(1) and JSON_COMPACT) and written by cd_je; the texts must be equal byte for byte.
 * Strings jansson refuses (invalid UTF-8) must be refused by cd_je_utf8_ok too. */
#include <limits.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <jansson.h>

#include "cli/json_emit.h"

static unsigned rng_state = 12345;
static unsigned rnd(unsigned n) {
  rng_state = rng_state * 1103515245u + 12345u;
  return (rng_state >> 16) % n;
}

/* Awkward pieces: escapes, control characters, DEL, slashes, multi-byte characters, U+2028. */
static const char *const PIECES[] = {"a", "Mr", " ", "\"", "\\", "/", "\n", "\t", "\r", "\b", "\f", "\x01", "\x1f",
                                     "\x7f", "\xC3\xA9", "\xE2\x80\x9C", "\xE2\x80\xA8", "\xF0\x9F\x98\x80", "said",
                                     /* runs of eight bytes and more, which cd_je_strn copies eight at a time */
                                     "said on Tuesday that", "\xE2\x80\x9CWe have listened,\xE2\x80\x9D"};

static void random_string(char *buf, size_t *n) {
  size_t len = 0, parts = rnd(16);
  for (size_t i = 0; i < parts; i++) {
    const char *p = PIECES[rnd(sizeof PIECES / sizeof PIECES[0])];
    memcpy(buf + len, p, strlen(p));
    len += strlen(p);
  }
  *n = len;
}

/* A random value, built both as a jansson tree and written with cd_je. */
static json_t *random_value(cd_je *e, int depth) {
  unsigned kind = depth > 4 ? rnd(5) : rnd(7);
  char buf[512];
  size_t n;
  switch (kind) {
  case 0: cd_je_null(e); return json_null();
  case 1: {
    bool b = rnd(2);
    cd_je_bool(e, b);
    return json_boolean(b);
  }
  case 2: {
    /* small numbers, and the edges of the digit counts and of the range */
    static const long long edges[] = {0, 9, 10, 99, 100, 999, 1000, 1048575, 4294967296LL, 999999999999999999LL,
                                      1000000000000000000LL, LLONG_MAX, -1, -10, -100, LLONG_MIN};
    long long v = rnd(4) ? (long long)rnd(100000) - 50000 : edges[rnd(sizeof edges / sizeof edges[0])];
    cd_je_int(e, v);
    return json_integer(v);
  }
  case 3:
  case 4:
    random_string(buf, &n);
    cd_je_strn(e, buf, n);
    return json_stringn(buf, n);
  case 5: {
    json_t *a = json_array();
    cd_je_open(e, '[');
    for (unsigned i = rnd(4); i > 0; i--) {
      cd_je_item(e);
      json_array_append_new(a, random_value(e, depth + 1));
    }
    cd_je_close(e, '[');
    return a;
  }
  default: {
    json_t *o = json_object();
    cd_je_open(e, '{');
    for (unsigned i = rnd(4); i > 0; i--) {
      char key[16];
      snprintf(key, sizeof key, "k%u", i); /* distinct keys: jansson keeps one value per key */
      switch (rnd(5)) { /* the member forms, which write key and value at once */
      case 0: {
        long long v = (long long)rnd(3000000) - 1000;
        cd_je_key_int(e, key, v);
        json_object_set_new(o, key, json_integer(v));
        break;
      }
      case 1: {
        bool b = rnd(2);
        cd_je_key_bool(e, key, b);
        json_object_set_new(o, key, json_boolean(b));
        break;
      }
      case 2: { /* sometimes not UTF-8: jansson leaves the member out, and so must cd_je */
        static const char *const bad[] = {"", "\xFF", "\xC3", "\xED\xA0\x80", "\xE0\x80\x80"};
        random_string(buf, &n);
        const char *b = bad[rnd(sizeof bad / sizeof bad[0])];
        size_t at = n ? rnd((unsigned)n + 1) : 0;
        memmove(buf + at + strlen(b), buf + at, n - at);
        memcpy(buf + at, b, strlen(b));
        buf[n + strlen(b)] = '\0';
        cd_je_key_str(e, key, buf);
        json_t *str = json_string(buf);
        if (str) json_object_set_new(o, key, str);
        break;
      }
      default:
        cd_je_key(e, key);
        json_object_set_new(o, key, random_value(e, depth + 1));
      }
    }
    cd_je_close(e, '{');
    return o;
  }
  }
}

static void same_as_jansson(bool compact) {
  for (int t = 0; t < 500; t++) {
    cd_jw w = {0};
    cd_je e;
    cd_je_init(&e, &w, compact);
    json_t *tree = random_value(&e, rnd(2) ? 0 : 5 /* sometimes a scalar at the top */);
    char *want = json_dumps(tree, (compact ? JSON_COMPACT : JSON_INDENT(1)) | JSON_ENCODE_ANY);
    assert_non_null(want);
    assert_string_equal(w.len ? w.data : "", want);
    free(want);
    json_decref(tree);
    cd_jw_free(&w);
  }
}

static void test_indented_layout(void **state) {
  (void)state;
  same_as_jansson(false);
}

static void test_compact_layout(void **state) {
  (void)state;
  same_as_jansson(true);
}

static void test_utf8_rules_match_jansson(void **state) {
  (void)state;
  static const char *const samples[] = {
      "plain", "\xC3\xA9", "\xFF", "\xC3", "\xC0\xAF" /* overlong */, "\xE0\x80\x80" /* overlong */,
      "\xED\xA0\x80" /* surrogate */, "\xF4\x90\x80\x80" /* past U+10FFFF */, "\xF0\x9F\x98\x80",
      "\xE2\x80", "a\x80z", "\xF5\x80\x80\x80", "\xEF\xBF\xBD"};
  for (size_t i = 0; i < sizeof samples / sizeof samples[0]; i++) {
    json_t *j = json_string(samples[i]);
    assert_int_equal(cd_je_utf8_ok(samples[i], strlen(samples[i])), j != NULL);
    json_decref(j);
  }
}

static void test_members_jansson_leaves_out(void **state) {
  (void)state;
  cd_jw w = {0};
  cd_je e;
  cd_je_init(&e, &w, true);
  cd_je_open(&e, '{');
  cd_je_key_str(&e, "a", "ok");
  cd_je_key_str(&e, "b", "bad \xFF byte"); /* left out, as json_object_set_new(o, k, NULL) does */
  cd_je_key_str(&e, "c", NULL);            /* null */
  cd_je_close(&e, '{');
  assert_string_equal(w.data, "{\"a\":\"ok\",\"c\":null}");
  cd_jw_free(&w);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_indented_layout),
      cmocka_unit_test(test_compact_layout),
      cmocka_unit_test(test_utf8_rules_match_jansson),
      cmocka_unit_test(test_members_jansson_leaves_out),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
