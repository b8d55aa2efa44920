#include "chars.h"

#include <utf8proc.h>

int32_t cd_decode_slow(const char *s, size_t len, size_t pos, size_t *n) {
  utf8proc_int32_t cp;
  utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)s + pos, (utf8proc_ssize_t)(len - pos), &cp);
  if (k <= 0) {
    *n = 1;
    return 0xFFFD;
  }
  *n = (size_t)k;
  return cp;
}

int32_t cd_decode_prev(const char *s, size_t pos, size_t *start) {
  if (pos == 0) {
    *start = 0;
    return -1;
  }
  size_t p = pos - 1;
  if ((unsigned char)s[p] < 0x80) {
    *start = p;
    return (unsigned char)s[p];
  }
  /* walk back over at most three continuation bytes */
  while (p > 0 && pos - p < 4 && ((unsigned char)s[p] & 0xC0) == 0x80) p--;
  size_t n;
  int32_t c = cd_decode(s, pos, p, &n);
  if (p + n != pos) { /* not a whole character: the last byte alone is invalid */
    *start = pos - 1;
    return 0xFFFD;
  }
  *start = p;
  return c;
}

static utf8proc_category_t cat(int32_t c) { return utf8proc_category(c); }

/* The non-ASCII halves of chars.h's inline tests (c >= 0x80, or >= 0x300 for marks). */
bool cd_is_letter_slow(int32_t c) {
  utf8proc_category_t k = cat(c);
  return k >= UTF8PROC_CATEGORY_LU && k <= UTF8PROC_CATEGORY_LO;
}

bool cd_is_upper_slow(int32_t c) {
  utf8proc_category_t k = cat(c);
  return k == UTF8PROC_CATEGORY_LU || k == UTF8PROC_CATEGORY_LT;
}

bool cd_is_lower_slow(int32_t c) { return cat(c) == UTF8PROC_CATEGORY_LL; }

bool cd_is_digit_slow(int32_t c) { return cat(c) == UTF8PROC_CATEGORY_ND; }

bool cd_is_mark_slow(int32_t c) {
  utf8proc_category_t k = cat(c);
  return k == UTF8PROC_CATEGORY_MN || k == UTF8PROC_CATEGORY_MC || k == UTF8PROC_CATEGORY_ME;
}

bool cd_is_space_slow(int32_t c) {
  /* zero-width characters separate nothing visible; the marks of writing direction (LRM, RLM,
   * embeddings, overrides, isolates) and the word joiner come along with text pasted from social
   * media and word processors, and are no more a character of the copy than a space is: a
   * misdirected "\u201d" after one still opens its paragraph */
  if (c == 0x200B || c == 0x200D || c == 0xFEFF || c == 0x200E || c == 0x200F || (c >= 0x202A && c <= 0x202E) ||
      (c >= 0x2060 && c <= 0x2064) || (c >= 0x2066 && c <= 0x2069))
    return true;
  utf8proc_category_t k = cat(c);
  return k == UTF8PROC_CATEGORY_ZS || k == UTF8PROC_CATEGORY_ZL || k == UTF8PROC_CATEGORY_ZP;
}

bool cd_is_dash(int32_t c) { return c == '-' || c == 0x2010 || c == 0x2011 || c == 0x2013 || c == 0x2014; }

bool cd_is_quote_char(int32_t c) {
  switch (c) {
  case '"': case '\'': case 0x201C: case 0x201D: case 0x2018: case 0x2019: case 0x201E: case 0x201A:
  case 0x00AB: case 0x00BB: case 0x2039: case 0x203A:
    return true;
  default:
    return false;
  }
}
