/* Tokens of the record and of quotes, reduced to comparison keys (record_words.h). */
#include "record_words.h"

#include <string.h>
#include <utf8proc.h>

#include "chars.h"
#include "lexicon.h"

#define FOLD_MAX 256 /* bytes of a folded word that count; longer words are compared by their start */

static bool is_apostrophe(int32_t c) { return c == '\'' || c == 0x2019 || c == 0x02BC || c == 0x2018; }

static uint64_t fnv1a(const unsigned char *p, size_t n) {
  uint64_t h = 0xcbf29ce484222325ull;
  for (size_t i = 0; i < n; i++) {
    h ^= p[i];
    h *= 0x100000001b3ull;
  }
  return h;
}

/* Appends the folded form of code point c (case folded, marks stripped) to buf. */
static size_t fold_cp(int32_t c, unsigned char *buf, size_t k) {
  if (c < 0x80) {
    if (k < FOLD_MAX) buf[k++] = (unsigned char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
    return k;
  }
  utf8proc_int32_t out[8];
  utf8proc_ssize_t n = utf8proc_decompose_char(c, out, 8, UTF8PROC_CASEFOLD | UTF8PROC_DECOMPOSE | UTF8PROC_STRIPMARK |
                                                              UTF8PROC_COMPAT, NULL);
  if (n < 0 || n > 8) {
    out[0] = c;
    n = 1;
  }
  for (utf8proc_ssize_t i = 0; i < n; i++) {
    unsigned char enc[4];
    utf8proc_ssize_t m = utf8proc_encode_char(out[i], enc);
    for (utf8proc_ssize_t j = 0; j < m && k < FOLD_MAX; j++) buf[k++] = enc[j];
  }
  return k;
}

/* An ellipsis at pos: "…", "...", ". . ."; returns its end or 0. */
static size_t ellipsis_end(const char *s, size_t end, size_t pos) {
  if (pos + 3 <= end && memcmp(s + pos, "\xE2\x80\xA6", 3) == 0) return pos + 3;
  if (pos + 3 <= end && memcmp(s + pos, "...", 3) == 0) {
    size_t e = pos + 3;
    while (e < end && s[e] == '.') e++;
    return e;
  }
  if (pos + 5 <= end && memcmp(s + pos, ". . .", 5) == 0) return pos + 5;
  return 0;
}

/* A bracket's closing ']' on the same line, within a few words; 0 when none. */
static size_t bracket_end(const char *s, size_t end, size_t pos) {
  for (size_t e = pos + 1; e < end && e < pos + 160; e++) {
    if (s[e] == ']') return e + 1;
    if (s[e] == '\n' || s[e] == '[') return 0;
  }
  return 0;
}

bool rec_next_token(const char *s, size_t end, size_t pos, rec_mode mode, rec_tok *out) {
  while (pos < end) {
    unsigned char b = (unsigned char)s[pos];
    if (b == '[') {
      size_t e = bracket_end(s, end, pos);
      if (e) {
        if (mode == REC_QUOTE) {
          *out = (rec_tok){pos, e, 0, RT_BRACKET};
          return true;
        }
        pos = e;
        continue;
      }
    }
    size_t el = (b == '.' || b == 0xE2) ? ellipsis_end(s, end, pos) : 0;
    if (el) {
      if (mode == REC_QUOTE) {
        *out = (rec_tok){pos, el, 0, RT_ELLIPSIS};
        return true;
      }
      pos = el;
      continue;
    }
    size_t n;
    int32_t c = cd_decode(s, end, pos, &n);
    if (!cd_is_letter(c) && !cd_is_digit(c)) {
      pos += n;
      continue;
    }
    /* a word: letters, digits and marks, with apostrophes between letters and separators
     * between digits */
    unsigned char buf[FOLD_MAX];
    size_t k = 0, i = pos;
    while (i < end) {
      c = cd_decode(s, end, i, &n);
      if (cd_is_letter(c) || cd_is_digit(c) || cd_is_mark(c)) {
        k = fold_cp(c, buf, k);
        i += n;
        continue;
      }
      size_t n2;
      if (i + n < end) {
        int32_t next = cd_decode(s, end, i + n, &n2);
        int32_t prev = k ? buf[k - 1] : 0;
        if (is_apostrophe(c) && cd_is_letter(next)) {
          if (k < FOLD_MAX) buf[k++] = '\'';
          i += n;
          continue;
        }
        if ((c == ',' || c == '.') && cd_is_digit(next) && prev >= '0' && prev <= '9') {
          if (c == '.' && k < FOLD_MAX) buf[k++] = '.';
          i += n;
          continue;
        }
      }
      break;
    }
    rec_tok_kind kind = k <= 4 && cd_lex_has(CD_LEX_RECORD_FILLERS, (const char *)buf, k) ? RT_FILLER : RT_WORD;
    *out = (rec_tok){pos, i, fnv1a(buf, k), kind};
    return true;
  }
  return false;
}
