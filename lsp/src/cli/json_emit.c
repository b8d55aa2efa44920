#include "json_emit.h"

#include <string.h>

void cd_je_init(cd_je *e, cd_jw *w, bool compact) {
  memset(e, 0, sizeof *e);
  e->w = w;
  e->compact = compact;
  e->empty[0] = true;
}

/* jansson's dump_indent: a new line and one space per level, or nothing when compact. */
static void newline(cd_je *e) {
  if (e->compact) return;
  static const char spaces[] = "\n                ";
  cd_jw_rawn(e->w, spaces, 1 + (size_t)(e->depth < CD_JE_MAX_DEPTH ? e->depth : CD_JE_MAX_DEPTH));
}

void cd_je_item(cd_je *e) {
  if (e->flush && e->w->len >= CD_JE_FLUSH_AT) e->flush(e->flush_arg);
  if (e->depth == 0) return;
  if (!e->empty[e->depth]) cd_jw_rawn(e->w, ",", 1);
  e->empty[e->depth] = false;
  newline(e);
}

void cd_je_key(cd_je *e, const char *key) {
  cd_je_item(e);
  cd_jw_rawn(e->w, "\"", 1);
  cd_jw_raw(e->w, key);
  cd_jw_raw(e->w, e->compact ? "\":" : "\": ");
}

void cd_je_open(cd_je *e, char bracket) {
  cd_jw_rawn(e->w, &bracket, 1);
  if (e->depth + 1 < CD_JE_MAX_DEPTH) e->depth++;
  e->empty[e->depth] = true;
}

void cd_je_close(cd_je *e, char bracket) {
  bool was_empty = e->empty[e->depth];
  if (e->depth > 0) e->depth--;
  if (!was_empty) newline(e);
  char c = bracket == '{' ? '}' : ']';
  cd_jw_rawn(e->w, &c, 1);
}

void cd_je_int(cd_je *e, long long v) { cd_jw_int(e->w, v); }

void cd_je_bool(cd_je *e, bool v) { cd_jw_raw(e->w, v ? "true" : "false"); }

void cd_je_null(cd_je *e) { cd_jw_rawn(e->w, "null", 4); }

void cd_je_strn(cd_je *e, const char *s, size_t n) {
  static const char hex[] = "0123456789ABCDEF";
  cd_jw_rawn(e->w, "\"", 1);
  size_t run = 0; /* bytes copied as they are, written in one call */
  for (size_t i = 0; i < n; i++) {
    unsigned char c = (unsigned char)s[i];
    if (c >= 0x20 && c != '"' && c != '\\') continue;
    cd_jw_rawn(e->w, s + run, i - run);
    run = i + 1;
    char seq[7] = {'\\', 0};
    size_t k = 2;
    switch (c) {
    case '"': seq[1] = '"'; break;
    case '\\': seq[1] = '\\'; break;
    case '\b': seq[1] = 'b'; break;
    case '\f': seq[1] = 'f'; break;
    case '\n': seq[1] = 'n'; break;
    case '\r': seq[1] = 'r'; break;
    case '\t': seq[1] = 't'; break;
    default:
      memcpy(seq + 1, "u00", 3);
      seq[4] = hex[c >> 4];
      seq[5] = hex[c & 15];
      k = 6;
    }
    cd_jw_rawn(e->w, seq, k);
  }
  cd_jw_rawn(e->w, s + run, n - run);
  cd_jw_rawn(e->w, "\"", 1);
}

bool cd_je_utf8_ok(const char *s, size_t n) {
  for (size_t i = 0; i < n;) {
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

void cd_je_key_str(cd_je *e, const char *key, const char *s) {
  if (s == NULL) {
    cd_je_key(e, key);
    cd_je_null(e);
    return;
  }
  size_t n = strlen(s);
  if (!cd_je_utf8_ok(s, n)) return;
  cd_je_key(e, key);
  cd_je_strn(e, s, n);
}

void cd_je_key_int(cd_je *e, const char *key, long long v) {
  cd_je_key(e, key);
  cd_je_int(e, v);
}

void cd_je_key_bool(cd_je *e, const char *key, bool v) {
  cd_je_key(e, key);
  cd_je_bool(e, v);
}
