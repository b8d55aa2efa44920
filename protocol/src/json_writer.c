/* Direct JSON text output. */
#include "copydesk/json_writer.h"

#include "copydesk/line_index.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

static bool reserve(cd_jw *w, size_t extra) {
  if (w->oom) return false;
  if (w->len + extra + 1 <= w->cap) return true;
  size_t cap = w->cap ? w->cap : 4096;
  while (cap < w->len + extra + 1) cap *= 2;
  char *d = realloc(w->data, cap);
  if (d == NULL) {
    w->oom = true;
    return false;
  }
  w->data = d;
  w->cap = cap;
  return true;
}

char *cd_jw_reserve(cd_jw *w, size_t n) { return reserve(w, n) ? w->data + w->len : NULL; }

void cd_jw_rawn(cd_jw *w, const char *s, size_t n) {
  if (!reserve(w, n)) return;
  memcpy(w->data + w->len, s, n);
  w->len += n;
  w->data[w->len] = '\0';
}

/* Whether any of the eight bytes is below 0x20, '"', '\\', DEL or from 0x80 (the usual has-zero-byte
 * test on the bytes xor each of the three, and on them less 0x20): one that is not plain. */
static bool plain8_not(uint64_t x) {
  const uint64_t ones = 0x0101010101010101ull, high = 0x8080808080808080ull;
  uint64_t quote = x ^ (ones * '"'), backslash = x ^ (ones * '\\'), del = x ^ (ones * 0x7f);
  uint64_t hits = ((quote - ones) & ~quote) | ((backslash - ones) & ~backslash) | ((del - ones) & ~del) |
                  ((x & ~high) - ones * 0x20);
  return ((hits & ~x) | x) & high;
}

size_t cd_jw_copy_plain(char *o, const char *s, size_t n) {
  size_t i = 0;
#ifdef __SSE2__
  for (; i + 16 <= n; i += 16) { /* copied before it is looked at: the room is there */
    __m128i x = _mm_loadu_si128((const __m128i *)(const void *)(s + i));
    /* signed: below 0x20 takes the bytes from 0x80 too */
    __m128i odd = _mm_or_si128(_mm_or_si128(_mm_cmplt_epi8(x, _mm_set1_epi8(0x20)), _mm_cmpeq_epi8(x, _mm_set1_epi8(0x7f))),
                               _mm_or_si128(_mm_cmpeq_epi8(x, _mm_set1_epi8('"')), _mm_cmpeq_epi8(x, _mm_set1_epi8('\\'))));
    _mm_storeu_si128((__m128i *)(void *)(o + i), x);
    unsigned m = (unsigned)_mm_movemask_epi8(odd);
    if (m) return i + (unsigned)__builtin_ctz(m);
  }
#endif
  for (uint64_t x; i + 8 <= n && (memcpy(&x, s + i, 8), !plain8_not(x)); i += 8) memcpy(o + i, &x, 8);
  for (; i < n; i++) {
    unsigned char c = (unsigned char)s[i];
    if (c < 0x20 || c >= 0x7f || c == '"' || c == '\\') break;
    o[i] = (char)c;
  }
  return i;
}

void cd_jw_str(cd_jw *w, const char *s, size_t n) {
  static const char hex[] = "0123456789abcdef";
  /* Worst case: every byte becomes \u00XX or U+FFFD's escape (6 bytes). */
  if (!reserve(w, n * 6 + 2)) return;
  char *o = w->data + w->len;
  *o++ = '"';
  for (size_t i = 0; i < n;) {
    size_t plain = cd_jw_copy_plain(o, s + i, n - i);
    i += plain;
    o += plain;
    if (i == n) break;
    unsigned char c = (unsigned char)s[i];
    if (c >= 0x80) {
      uint32_t cp;
      size_t k = cd_utf8_decode(s, n, i, &cp);
      if (cp == 0xFFFD && k == 1) {
        memcpy(o, "\\ufffd", 6);
        o += 6;
      } else {
        memcpy(o, s + i, k);
        o += k;
      }
      i += k;
      continue;
    }
    i++;
    if (c == '"' || c == '\\') {
      *o++ = '\\';
      *o++ = (char)c;
    } else if (c == '\n') {
      *o++ = '\\';
      *o++ = 'n';
    } else if (c == '\t') {
      *o++ = '\\';
      *o++ = 't';
    } else if (c == '\r') {
      *o++ = '\\';
      *o++ = 'r';
    } else if (c < 0x20 || c == 0x7f) {
      memcpy(o, "\\u00", 4);
      o[4] = hex[c >> 4];
      o[5] = hex[c & 15];
      o += 6;
    } else {
      *o++ = (char)c;
    }
  }
  *o++ = '"';
  w->len = (size_t)(o - w->data);
  w->data[w->len] = '\0';
}

void cd_jw_cstr(cd_jw *w, const char *s) {
  if (s == NULL) cd_jw_raw(w, "null");
  else cd_jw_str(w, s, strlen(s));
}

/* Written in place, two digits at a time: a report's JSON holds a number or more for every quote,
 * name and diagnostic (offsets, lines, columns). */
/* Two digits at a time: a report's JSON holds a number or more for every quote, name and
 * diagnostic, most of them below a million. */
char *cd_jw_format_int(char *o, long long v) {
  static const char pairs[] = "00010203040506070809101112131415161718192021222324252627282930313233343536373839"
                              "40414243444546474849505152535455565758596061626364656667686970717273747576777879"
                              "8081828384858687888990919293949596979899";
  unsigned long long u = v < 0 ? 0ULL - (unsigned long long)v : (unsigned long long)v;
  if (v < 0) *o++ = '-';
  size_t n = u < 10 ? 1 : u < 100 ? 2 : u < 1000 ? 3 : u < 10000 ? 4 : u < 100000 ? 5 : u < 1000000 ? 6 : 7;
  if (n == 7)
    for (unsigned long long t = u / 10000000; t; t /= 10) n++;
  char *end = o + n, *p = end;
  for (; u >= 100; u /= 100) {
    size_t d = (size_t)(u % 100) * 2;
    *--p = pairs[d + 1];
    *--p = pairs[d];
  }
  if (u >= 10) {
    *--p = pairs[u * 2 + 1];
    *--p = pairs[u * 2];
  } else {
    *--p = (char)('0' + u);
  }
  return end;
}

void cd_jw_int(cd_jw *w, long long v) {
  char *o = cd_jw_reserve(w, CD_JW_INT_ROOM);
  if (!o) return;
  char *end = cd_jw_format_int(o, v);
  w->len = (size_t)(end - w->data);
  *end = '\0';
}

void cd_jw_free(cd_jw *w) {
  free(w->data);
  w->data = NULL;
  w->len = w->cap = 0;
}
