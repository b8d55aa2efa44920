#include "json_emit.h"

#include <stdint.h>
#include <string.h>

#include "copydesk/line_index.h"

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
  static const char spaces[CD_JE_MAX_DEPTH] = "                ";
  int n = e->depth < CD_JE_MAX_DEPTH ? e->depth : CD_JE_MAX_DEPTH;
  *o++ = '\n';
  memcpy(o, spaces, CD_JE_MAX_DEPTH); /* all sixteen, a store or two; the room is there (ITEM_ROOM) */
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

/* Flushes when due, then room for a member: its separator, indentation and "key": of n bytes, and
 * `value` bytes after them. */
static char *member_room(cd_je *e, size_t n, size_t value) {
  if (e->flush && e->w->len >= CD_JE_FLUSH_AT) e->flush(e->flush_arg);
  return room(e, ITEM_ROOM + n + 4 + value);
}

/* n bytes from s to o: a key is a few bytes, copied as two loads that overlap rather than by a
 * call (each load stays inside the n bytes). */
static void copy_short(char *o, const char *s, size_t n) {
  if (n >= 8 && n <= 16) {
    uint64_t a, b;
    memcpy(&a, s, 8);
    memcpy(&b, s + n - 8, 8);
    memcpy(o, &a, 8);
    memcpy(o + n - 8, &b, 8);
  } else if (n >= 4 && n < 8) {
    uint32_t a, b;
    memcpy(&a, s, 4);
    memcpy(&b, s + n - 4, 4);
    memcpy(o, &a, 4);
    memcpy(o + n - 4, &b, 4);
  } else {
    memcpy(o, s, n);
  }
}

__attribute__((always_inline)) static inline char *key_at(cd_je *e, char *o, const char *key, size_t n) {
  if (e->depth > 0) o = item(e, o);
  *o++ = '"';
  copy_short(o, key, n);
  o += n;
  *o++ = '"';
  *o++ = ':';
  if (!e->compact) *o++ = ' ';
  return o;
}

void cd_je_keyn(cd_je *e, const char *key, size_t n) {
  char *o = member_room(e, n, 0);
  if (o) wrote(e, key_at(e, o, key, n));
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

void cd_je_int(cd_je *e, long long v) {
  char *o = room(e, CD_JW_INT_ROOM);
  if (o) wrote(e, cd_jw_format_int(o, v));
}

static void literal(cd_je *e, const char *s, size_t n) {
  char *o = room(e, n);
  if (!o) return;
  memcpy(o, s, n);
  wrote(e, o + n);
}

void cd_je_bool(cd_je *e, bool v) { literal(e, v ? "true" : "false", v ? 4 : 5); }

void cd_je_null(cd_je *e) { literal(e, "null", 4); }

/* The length of the UTF-8 character at s (n > 0 bytes left) if it is valid, else 0. jansson's
 * rules (no overlong forms, surrogates or code points past U+10FFFF) are Unicode's well-formed
 * UTF-8, which cd_utf8_decode reads: it takes one byte for an ASCII one or one that starts none. */
static size_t utf8_char(const char *s, size_t n) {
  uint32_t cp;
  size_t k = cd_utf8_decode(s, n, 0, &cp);
  return k > 1 || (unsigned char)s[0] < 0x80 ? k : 0;
}

/* The n bytes at s as a JSON string at o (room for 6 n + 2 bytes), escaped as jansson escapes;
 * returns its end, or NULL when they are not valid UTF-8 (cd_je_utf8_ok): one pass checks and
 * copies; plain runs are copied by cd_jw_copy_plain (the room is there: no more than six output
 * bytes an input byte). */
static char *str_at(char *o, const char *s, size_t n) {
  static const char hex[] = "0123456789ABCDEF";
  *o++ = '"';
  for (size_t i = 0; i < n;) {
    size_t plain = cd_jw_copy_plain(o, s + i, n - i);
    i += plain;
    o += plain;
    if (i == n) break;
    unsigned char c = (unsigned char)s[i];
    if (c >= 0x80) {
      size_t k = utf8_char(s + i, n - i);
      if (!k) return NULL;
      memcpy(o, s + i, k);
      o += k;
      i += k;
      continue;
    }
    i++;
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
  return o;
}

void cd_je_strn(cd_je *e, const char *s, size_t n) { (void)cd_je_strn_valid(e, s, n); }

bool cd_je_strn_valid(cd_je *e, const char *s, size_t n) {
  char *o = room(e, 6 * n + 2); /* every byte escaped as \u00XX at worst */
  if (!o) return true;
  char *end = str_at(o, s, n);
  if (!end) {
    *o = '\0'; /* nothing written */
    return false;
  }
  wrote(e, end);
  return true;
}

bool cd_je_utf8_ok(const char *s, size_t n) {
  for (size_t i = 0; i < n;) {
    uint64_t eight;
    if (i + 8 <= n && (memcpy(&eight, s + i, 8), (eight & 0x8080808080808080ull) == 0)) {
      i += 8; /* eight ASCII bytes */
      continue;
    }
    size_t k = utf8_char(s + i, n - i);
    if (!k) return false;
    i += k;
  }
  return true;
}

void cd_je_keyn_str(cd_je *e, const char *key, size_t key_len, const char *s) {
  if (s == NULL) {
    char *o = member_room(e, key_len, 4);
    if (!o) return;
    o = key_at(e, o, key, key_len);
    memcpy(o, "null", 4);
    wrote(e, o + 4);
    return;
  }
  size_t n = strlen(s);
  char *o = member_room(e, key_len, 6 * n + 2);
  if (!o) return;
  bool was_empty = e->empty[e->depth];
  char *end = str_at(key_at(e, o, key, key_len), s, n);
  if (!end) { /* jansson leaves the member out: nothing written */
    e->empty[e->depth] = was_empty;
    *o = '\0';
    return;
  }
  wrote(e, end);
}

void cd_je_keyn_int(cd_je *e, const char *key, size_t key_len, long long v) {
  char *o = member_room(e, key_len, CD_JW_INT_ROOM);
  if (o) wrote(e, cd_jw_format_int(key_at(e, o, key, key_len), v));
}

void cd_je_keyn_bool(cd_je *e, const char *key, size_t key_len, bool v) {
  char *o = member_room(e, key_len, 5);
  if (!o) return;
  o = key_at(e, o, key, key_len);
  memcpy(o, v ? "true" : "false", 5); /* the room holds five; "true" ends one sooner */
  wrote(e, o + (v ? 4 : 5));
}
