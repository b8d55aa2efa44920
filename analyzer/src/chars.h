/* Character classes over UTF-8, with invalid bytes read as U+FFFD one byte at a time. */
#ifndef CD_CHARS_H
#define CD_CHARS_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Decodes the code point at `pos`; sets *n to its length (1 for an invalid byte, read as U+FFFD). */
int32_t cd_decode(const char *s, size_t len, size_t pos, size_t *n);
/* The code point that ends just before `pos`, and where it starts. */
int32_t cd_decode_prev(const char *s, size_t pos, size_t *start);

bool cd_is_letter(int32_t c);
bool cd_is_upper(int32_t c);
bool cd_is_lower(int32_t c);
bool cd_is_digit(int32_t c);
bool cd_is_mark(int32_t c);      /* combining marks */
bool cd_is_space(int32_t c);     /* white space, including NBSP */
bool cd_is_dash(int32_t c);      /* - – — ‐ */
bool cd_is_quote_char(int32_t c); /* any quotation mark or apostrophe */

#endif
