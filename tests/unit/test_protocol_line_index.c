/* Line index: positions in utf-8/16/32, line endings, clamping, invalid UTF-8. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "copydesk/line_index.h"

static cd_position P(uint32_t line, uint32_t ch) {
  cd_position p = {line, ch};
  return p;
}

static void assert_pos(cd_position got, uint32_t line, uint32_t ch) {
  assert_int_equal(got.line, line);
  assert_int_equal(got.character, ch);
}

static void test_ascii_lines(void **state) {
  (void)state;
  const char *t = "ab\ncd\n";
  cd_line_index *ix = cd_line_index_new(t, strlen(t));
  assert_non_null(ix);
  assert_int_equal(cd_line_index_line_count(ix), 3); /* trailing newline: empty last line */
  assert_pos(cd_line_index_position(ix, 4, CD_ENC_UTF16), 1, 1);
  assert_int_equal(cd_line_index_offset(ix, P(1, 1), CD_ENC_UTF16), 4);
  assert_int_equal(cd_line_index_offset(ix, P(2, 0), CD_ENC_UTF16), 6);
  cd_line_index_free(ix);
}

static void test_line_endings(void **state) {
  (void)state;
  const char *t = "a\r\nb\rc\nd";
  cd_line_index *ix = cd_line_index_new(t, strlen(t));
  assert_int_equal(cd_line_index_line_count(ix), 4);
  assert_int_equal(cd_line_index_line_start(ix, 1), 3);
  assert_int_equal(cd_line_index_line_start(ix, 2), 5);
  assert_int_equal(cd_line_index_line_start(ix, 3), 7);
  assert_int_equal(cd_line_index_line_end(ix, 0), 1);
  /* Between \r and \n is the end of line 0. */
  assert_pos(cd_line_index_position(ix, 2, CD_ENC_UTF16), 0, 1);
  /* A character past the content clamps before the terminator. */
  assert_int_equal(cd_line_index_offset(ix, P(0, 9), CD_ENC_UTF16), 1);
  cd_line_index_free(ix);
}

static void test_emoji_and_accents(void **state) {
  (void)state;
  /* a, grinning face (4 bytes, 2 UTF-16 units), b, e + combining acute, c, é precomposed, d */
  const char *t = "a\xF0\x9F\x98\x80" "be\xCC\x81" "c\xC3\xA9" "d";
  size_t len = strlen(t);
  cd_line_index *ix = cd_line_index_new(t, len);
  size_t off_b = 5, off_c = 9, off_d = 12;
  assert_pos(cd_line_index_position(ix, off_b, CD_ENC_UTF16), 0, 3);
  assert_pos(cd_line_index_position(ix, off_b, CD_ENC_UTF32), 0, 2);
  assert_pos(cd_line_index_position(ix, off_b, CD_ENC_UTF8), 0, 5);
  assert_pos(cd_line_index_position(ix, off_c, CD_ENC_UTF16), 0, 6);
  assert_pos(cd_line_index_position(ix, off_c, CD_ENC_UTF32), 0, 5);
  assert_pos(cd_line_index_position(ix, off_d, CD_ENC_UTF16), 0, 8);
  assert_int_equal(cd_line_index_offset(ix, P(0, 3), CD_ENC_UTF16), off_b);
  assert_int_equal(cd_line_index_offset(ix, P(0, 6), CD_ENC_UTF16), off_c);
  assert_int_equal(cd_line_index_offset(ix, P(0, 8), CD_ENC_UTF16), off_d);
  assert_int_equal(cd_line_index_offset(ix, P(0, 7), CD_ENC_UTF32), off_d);
  assert_int_equal(cd_line_index_offset(ix, P(0, 12), CD_ENC_UTF8), off_d);
  /* Inside the surrogate pair: the start of the emoji. */
  assert_int_equal(cd_line_index_offset(ix, P(0, 2), CD_ENC_UTF16), 1);
  /* Inside the emoji's bytes: the emoji's position. */
  assert_pos(cd_line_index_position(ix, 3, CD_ENC_UTF16), 0, 1);
  /* Past the end of the line. */
  assert_int_equal(cd_line_index_offset(ix, P(0, 1000), CD_ENC_UTF16), len);
  assert_int_equal(cd_line_index_offset(ix, P(7, 0), CD_ENC_UTF16), len);
  cd_line_index_free(ix);
}

static void test_invalid_utf8(void **state) {
  (void)state;
  const char *t = "a\xFF\xC3" "b\xED\xA0\x80" "c"; /* stray byte, truncated sequence, surrogate */
  size_t len = strlen(t);
  cd_line_index *ix = cd_line_index_new(t, len);
  assert_pos(cd_line_index_position(ix, 3, CD_ENC_UTF16), 0, 3);      /* b */
  assert_pos(cd_line_index_position(ix, len - 1, CD_ENC_UTF16), 0, 7); /* c: 3 bad bytes */
  assert_int_equal(cd_line_index_offset(ix, P(0, 7), CD_ENC_UTF32), len - 1);
  uint32_t cp;
  assert_int_equal(cd_utf8_decode(t, len, 1, &cp), 1);
  assert_int_equal(cp, 0xFFFD);
  cd_line_index_free(ix);
}

static void test_empty_text(void **state) {
  (void)state;
  cd_line_index *ix = cd_line_index_new("", 0);
  assert_int_equal(cd_line_index_line_count(ix), 1);
  assert_int_equal(cd_line_index_offset(ix, P(3, 3), CD_ENC_UTF16), 0);
  assert_pos(cd_line_index_position(ix, 10, CD_ENC_UTF16), 0, 0);
  cd_line_index_free(ix);
}

/* Every character boundary survives offset -> position -> offset, in every encoding. */
static void test_round_trip_random(void **state) {
  (void)state;
  static const char *const pieces[] = {"a", " ", "\n", "\r\n", "\r", "\xC3\xA9", "\xE2\x80\x9C",
                                       "\xF0\x9F\x98\x80", "e\xCC\x81", "\xFF"};
  srand(7);
  for (int round = 0; round < 200; round++) {
    char text[512];
    size_t len = 0;
    int n = rand() % 60;
    for (int i = 0; i < n; i++) {
      const char *p = pieces[rand() % 10];
      memcpy(text + len, p, strlen(p));
      len += strlen(p);
    }
    cd_line_index *ix = cd_line_index_new(text, len);
    assert_non_null(ix);
    for (size_t off = 0; off <= len;) {
      for (int e = 0; e < 3; e++) {
        cd_position pos = cd_line_index_position(ix, off, (cd_encoding)e);
        size_t back = cd_line_index_offset(ix, pos, (cd_encoding)e);
        /* Between \r and \n maps to the end of the line, the \r. */
        size_t expect = off > 0 && off < len && text[off - 1] == '\r' && text[off] == '\n' ? off - 1 : off;
        assert_int_equal(back, expect);
      }
      if (off == len) break;
      uint32_t cp;
      off += cd_utf8_decode(text, len, off, &cp);
    }
    cd_line_index_free(ix);
  }
}

/* The position of byte `off` the plain way: every character of its line decoded from the line's
 * start. */
static cd_position reference_position(const char *t, size_t len, size_t off, cd_encoding enc) {
  uint32_t line = 0;
  size_t start = 0;
  for (size_t i = 0; i < off && i < len; i++) {
    bool crlf = t[i] == '\r' && i + 1 < len && t[i + 1] == '\n';
    if (t[i] == '\n' || (t[i] == '\r' && !crlf)) {
      line++;
      start = i + 1;
    }
  }
  size_t end = start;
  while (end < len && t[end] != '\n' && t[end] != '\r') end++;
  if (off > end) off = end;
  uint32_t units = 0;
  for (size_t i = start; i < off;) {
    uint32_t cp;
    size_t n = cd_utf8_decode(t, end, i, &cp);
    if (i + n > off) break;
    units += enc == CD_ENC_UTF8 ? (uint32_t)n : enc == CD_ENC_UTF32 ? 1u : cp >= 0x10000 ? 2u : 1u;
    i += n;
  }
  return P(line, units);
}

/* Long lines of prose with a few 8-bit characters, where conversions skip the 7-bit runs eight
 * bytes at a time: every byte offset and every (line, character) agree with the plain way. */
static void test_long_mixed_lines(void **state) {
  (void)state;
  static const char *const pieces[] = {"word ", "abcdefghijklmnopq", "\n", "\r\n", "\r", "\xE2\x80\x9C",
                                       "\xF0\x9F\x98\x80", "\xC3\xA9", "\xFF", "\xE2\x80", "x"};
  enum { N_PIECES = sizeof pieces / sizeof pieces[0] };
  static cd_position ref[2048 + 2];
  srand(11);
  for (int round = 0; round < 100; round++) {
    char text[2048];
    size_t len = 0;
    int n = rand() % 80;
    for (int i = 0; i < n; i++) {
      /* mostly 7-bit text, so that runs of eight and more bytes come before and after the rest */
      const char *p = pieces[rand() % 4 == 0 ? (size_t)(rand() % N_PIECES) : (size_t)(rand() % 2)];
      memcpy(text + len, p, strlen(p));
      len += strlen(p);
    }
    cd_line_index *ix = cd_line_index_new(text, len);
    assert_non_null(ix);
    for (int e = 0; e < 3; e++) {
      for (size_t off = 0; off <= len + 1; off++) {
        ref[off] = reference_position(text, len, off, (cd_encoding)e);
        assert_pos(cd_line_index_position(ix, off, (cd_encoding)e), ref[off].line, ref[off].character);
      }
      /* every (line, character) of the text, and one past each line's end: the start of the
       * character whose units hold it, the end of the line past its last */
      for (uint32_t line = 0; line < cd_line_index_line_count(ix); line++) {
        size_t start = cd_line_index_line_start(ix, line), end = cd_line_index_line_end(ix, line);
        for (uint32_t ch = 0; ch <= ref[end].character + 1; ch++) {
          size_t want = start; /* the last offset at or before ch, then back to its character's start */
          for (size_t off = start; off <= end; off++)
            if (ref[off].character <= ch) want = off;
          while (want > start && ref[want - 1].character == ref[want].character) want--;
          assert_int_equal(cd_line_index_offset(ix, P(line, ch), (cd_encoding)e), want);
        }
      }
    }
    cd_line_index_free(ix);
  }
}

/* One line of 12 KB with 8-bit characters between the 7-bit runs (a pasted page on one line),
 * where conversions start from the checkpoints the index keeps on long lines: every byte offset
 * and every character agree with one plain pass over the line. */
static void test_very_long_line(void **state) {
  (void)state;
  static const char *const pieces[] = {"word ", "abcdefghijklmnopq", "\xE2\x80\x9C", "\xF0\x9F\x98\x80",
                                       "\xC3\xA9", "\xFF", "\xE2\x80", "x"};
  enum { N_PIECES = sizeof pieces / sizeof pieces[0], CAP = 12288 };
  static char text[CAP + 32];
  static uint32_t units[CAP + 32];   /* units before each byte (inside a character: its start's) */
  static size_t bounds[CAP + 32];    /* the character boundaries, the line's end last */
  static uint32_t bound_units[CAP + 32];
  srand(13);
  for (int round = 0; round < 4; round++) {
    size_t len = 0;
    while (len < CAP) {
      const char *p = pieces[(size_t)rand() % N_PIECES];
      memcpy(text + len, p, strlen(p));
      len += strlen(p);
    }
    text[len++] = '\n';
    text[len++] = 'z';
    cd_line_index *ix = cd_line_index_new(text, len);
    assert_non_null(ix);
    size_t end = len - 2;
    for (int e = 0; e < 3; e++) {
      uint32_t u = 0;
      size_t nb = 0;
      for (size_t i = 0; i < end;) {
        uint32_t cp;
        size_t n = cd_utf8_decode(text, end, i, &cp);
        for (size_t k = 0; k < n; k++) units[i + k] = u;
        bounds[nb] = i;
        bound_units[nb++] = u;
        u += e == CD_ENC_UTF8 ? (uint32_t)n : e == CD_ENC_UTF32 ? 1u : cp >= 0x10000 ? 2u : 1u;
        i += n;
      }
      units[end] = u;
      bounds[nb] = end;
      bound_units[nb++] = u;
      for (size_t off = 0; off <= end; off++) assert_pos(cd_line_index_position(ix, off, (cd_encoding)e), 0, units[off]);
      assert_pos(cd_line_index_position(ix, end + 1, (cd_encoding)e), 1, 0);
      /* a character: the start of the one whose units hold it; past the end, the end */
      size_t b = 0;
      for (uint32_t ch = 0; ch <= u + 1; ch++) {
        while (b + 1 < nb && bound_units[b + 1] <= ch) b++;
        assert_int_equal(cd_line_index_offset(ix, P(0, ch), (cd_encoding)e), bounds[b]);
      }
    }
    cd_line_index_free(ix);
  }
}

static void test_encoding_names(void **state) {
  (void)state;
  cd_encoding e;
  assert_true(cd_encoding_parse("utf-8", &e));
  assert_int_equal(e, CD_ENC_UTF8);
  assert_true(cd_encoding_parse("utf-32", &e));
  assert_int_equal(e, CD_ENC_UTF32);
  assert_false(cd_encoding_parse("latin1", &e));
  assert_string_equal(cd_encoding_name(CD_ENC_UTF16), "utf-16");
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_ascii_lines),       cmocka_unit_test(test_line_endings),
      cmocka_unit_test(test_emoji_and_accents), cmocka_unit_test(test_invalid_utf8),
      cmocka_unit_test(test_empty_text),        cmocka_unit_test(test_round_trip_random),
      cmocka_unit_test(test_long_mixed_lines),
      cmocka_unit_test(test_very_long_line),  cmocka_unit_test(test_encoding_names),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
