#include "json_emit.h"

#include <stdint.h>
#include <string.h>

void cd_je_init(cd_je *e, cd_jw *w, bool compact) {
  memset(e, 0, sizeof *e);
  e->w = w;
  e->compact = compact;
  e->empty[0] = true;
}

/* Each call reserves room for all it writes and writes straight into the buffer: a file's JSON
 * is several times the size of its text, written a few bytes at a time. */
static char *room(cd_je *e, size_t n) {
  cd_jw *w = e->w;
  return !w->oom && w->len + n + 1 <= w->cap ? w->data + w->len : cd_jw_reserve(w, n);
}

static void wrote(cd_je *e, char *end) {
  e->w->len = (size_t)(end - e->w->data);
  *end = '\0';
}

/* jansson's dump_indent: a new line and one space per level, or nothing when compact. */
static char *newline(const cd_je *e, char *o) {
  if (e->compact) return o;
  int n = e->depth < CD_JE_MAX_DEPTH ? e->depth : CD_JE_MAX_DEPTH;
  *o++ = '\n';
  memset(o, ' ', (size_t)n);
  return o + n;
}

/* The separator and indentation before a value at the current depth. */
static char *item(cd_je *e, char *o) {
  if (!e->empty[e->depth]) *o++ = ',';
  e->empty[e->depth] = false;
  return newline(e, o);
}

enum { ITEM_ROOM = 2 + CD_JE_MAX_DEPTH };

void cd_je_item(cd_je *e) {
  if (e->flush && e->w->len >= CD_JE_FLUSH_AT) e->flush(e->flush_arg);
  if (e->depth == 0) return;
  char *o = room(e, ITEM_ROOM);
  if (o) wrote(e, item(e, o));
}

void cd_je_keyn(cd_je *e, const char *key, size_t n) {
  if (e->flush && e->w->len >= CD_JE_FLUSH_AT) e->flush(e->flush_arg);
  char *o = room(e, ITEM_ROOM + n + 4);
  if (!o) return;
  if (e->depth > 0) o = item(e, o);
  *o++ = '"';
  memcpy(o, key, n);
  o += n;
  *o++ = '"';
  *o++ = ':';
  if (!e->compact) *o++ = ' ';
  wrote(e, o);
}

void cd_je_open(cd_je *e, char bracket) {
  char *o = room(e, 1);
  if (!o) return;
  *o++ = bracket;
  wrote(e, o);
  if (e->depth + 1 < CD_JE_MAX_DEPTH) e->depth++;
  e->empty[e->depth] = true;
}

void cd_je_close(cd_je *e, char bracket) {
  bool was_empty = e->empty[e->depth];
  if (e->depth > 0) e->depth--;
  char *o = room(e, ITEM_ROOM);
  if (!o) return;
  if (!was_empty) o = newline(e, o);
  *o++ = bracket == '{' ? '}' : ']';
  wrote(e, o);
}

void cd_je_int(cd_je *e, long long v) { cd_jw_int(e->w, v); }

static void literal(cd_je *e, const char *s, size_t n) {
  char *o = room(e, n);
  if (!o) return;
  memcpy(o, s, n);
  wrote(e, o + n);
}

void cd_je_bool(cd_je *e, bool v) { literal(e, v ? "true" : "false", v ? 4 : 5); }

void cd_je_null(cd_je *e) { literal(e, "null", 4); }

/* Whether any of the eight bytes is below 0x20, '"' or '\\' (the usual has-zero-byte test on the
 * bytes, on them xor each of the two, and on them less 0x20; bytes from 0x80 never count). */
static bool needs_escape8(uint64_t x) {
  const uint64_t ones = 0x0101010101010101ull, high = 0x8080808080808080ull;
  uint64_t quote = x ^ (ones * '"'), backslash = x ^ (ones * '\\');
  uint64_t hits = ((quote - ones) & ~quote) | ((backslash - ones) & ~backslash) | ((x & ~high) - ones * 0x20);
  return (hits & ~x & high) != 0;
}

void cd_je_strn(cd_je *e, const char *s, size_t n) {
  static const char hex[] = "0123456789ABCDEF";
  char *o = room(e, 6 * n + 2); /* every byte escaped as \u00XX at worst */
  if (!o) return;
  *o++ = '"';
  for (size_t i = 0; i < n; i++) {
    /* eight bytes at a time while none of them needs escaping: no control byte, '"' or '\\' */
    for (uint64_t x; i + 8 <= n && (memcpy(&x, s + i, 8), !needs_escape8(x)); i += 8, o += 8) memcpy(o, &x, 8);
    if (i == n) break;
    unsigned char c = (unsigned char)s[i];
    if (c >= 0x20 && c != '"' && c != '\\') {
      *o++ = (char)c;
      continue;
    }
    *o++ = '\\';
    switch (c) {
    case '"': *o++ = '"'; break;
    case '\\': *o++ = '\\'; break;
    case '\b': *o++ = 'b'; break;
    case '\f': *o++ = 'f'; break;
    case '\n': *o++ = 'n'; break;
    case '\r': *o++ = 'r'; break;
    case '\t': *o++ = 't'; break;
    default:
      memcpy(o, "u00", 3);
      o[3] = hex[c >> 4];
      o[4] = hex[c & 15];
      o += 5;
    }
  }
  *o++ = '"';
  wrote(e, o);
}

bool cd_je_utf8_ok(const char *s, size_t n) {
  for (size_t i = 0; i < n;) {
    uint64_t eight;
    if (i + 8 <= n && (memcpy(&eight, s + i, 8), (eight & 0x8080808080808080ull) == 0)) {
      i += 8; /* eight ASCII bytes */
      continue;
    }
    unsigned char c = (unsigned char)s[i];
    if (c < 0x80) {
      i++;
      continue;
    }
    size_t len = c >= 0xC2 && c <= 0xDF ? 2 : c >= 0xE0 && c <= 0xEF ? 3 : c >= 0xF0 && c <= 0xF4 ? 4 : 0;
    if (len == 0 || i + len > n) return false;
    unsigned long cp = c & (len == 2 ? 0x1F : len == 3 ? 0x0F : 0x07);
    for (size_t k = 1; k < len; k++) {
      unsigned char b = (unsigned char)s[i + k];
      if ((b & 0xC0) != 0x80) return false;
      cp = (cp << 6) | (b & 0x3F);
    }
    if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
    if ((len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000)) return false;
    i += len;
  }
  return true;
}

void cd_je_keyn_str(cd_je *e, const char *key, size_t key_len, const char *s) {
  if (s == NULL) {
    cd_je_keyn(e, key, key_len);
    cd_je_null(e);
    return;
  }
  size_t n = strlen(s);
  if (!cd_je_utf8_ok(s, n)) return;
  cd_je_keyn(e, key, key_len);
  cd_je_strn(e, s, n);
}

void cd_je_keyn_int(cd_je *e, const char *key, size_t key_len, long long v) {
  cd_je_keyn(e, key, key_len);
  cd_je_int(e, v);
}

void cd_je_keyn_bool(cd_je *e, const char *key, size_t key_len, bool v) {
  cd_je_keyn(e, key, key_len);
  cd_je_bool(e, v);
}
