/* Character classes over UTF-8, with invalid bytes read as U+FFFD one byte at a time. */
#ifndef CD_CHARS_H
#define CD_CHARS_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Most text is ASCII: the ASCII cases are inline, the rest go to utf8proc (chars.c). The passes
 * ask these questions for nearly every byte of the text. */

int32_t cd_decode_slow(const char *s, size_t len, size_t pos, size_t *n);
bool cd_is_letter_slow(int32_t c);
bool cd_is_upper_slow(int32_t c);
bool cd_is_lower_slow(int32_t c);
bool cd_is_digit_slow(int32_t c);
bool cd_is_mark_slow(int32_t c);
bool cd_is_space_slow(int32_t c);

/* Decodes the code point at `pos`; sets *n to its length (1 for an invalid byte, read as U+FFFD). */
static inline int32_t cd_decode(const char *s, size_t len, size_t pos, size_t *n) {
  if ((unsigned char)s[pos] < 0x80) {
    *n = 1;
    return (unsigned char)s[pos];
  }
  return cd_decode_slow(s, len, pos, n);
}
/* The code point that ends just before `pos`, and where it starts. */
int32_t cd_decode_prev(const char *s, size_t pos, size_t *start);

static inline bool cd_is_letter(int32_t c) {
  if (c < 0x80) return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  return cd_is_letter_slow(c);
}
static inline bool cd_is_upper(int32_t c) {
  if (c < 0x80) return c >= 'A' && c <= 'Z';
  return cd_is_upper_slow(c);
}
static inline bool cd_is_lower(int32_t c) {
  if (c < 0x80) return c >= 'a' && c <= 'z';
  return cd_is_lower_slow(c);
}
static inline bool cd_is_digit(int32_t c) {
  if (c < 0x80) return c >= '0' && c <= '9';
  return cd_is_digit_slow(c);
}
/* combining marks */
static inline bool cd_is_mark(int32_t c) { return c >= 0x300 && cd_is_mark_slow(c); }
/* white space, including NBSP, and the invisible characters (zero-width space, marks of writing
 * direction, word joiner) */
static inline bool cd_is_space(int32_t c) {
  if (c < 0x80) return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
  return cd_is_space_slow(c);
}
bool cd_is_dash(int32_t c);       /* - – — ‐ */
bool cd_is_quote_char(int32_t c); /* any quotation mark or apostrophe */

#endif
