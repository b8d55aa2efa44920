/* Line index: line starts plus one "ASCII only" bit per line, so that
 * conversions on ASCII lines are arithmetic and others scan one line. */
#include "copydesk/line_index.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* On a long line with 8-bit bytes (a pasted megabyte on one line), a conversion that scanned from
 * the line's start made publishing N findings cost N times the line: such lines keep checkpoints,
 * a character boundary every CHECK_EVERY bytes or so with the units before it, and a conversion
 * scans from the nearest one. Lines shorter than CHECK_LINE (every paragraph of real copy) keep
 * none: the index is rebuilt on every keystroke. */
enum { CHECK_LINE = 4096, CHECK_EVERY = 256 };
typedef struct checkpoint {
  size_t off;            /* a character boundary inside a long line */
  uint32_t u16, u32;     /* UTF-16 and UTF-32 units from the line's start to it */
} checkpoint;

struct cd_line_index {
  const char *text;
  size_t len;
  size_t *starts;     /* starts[i]: first byte of line i */
  size_t *ends;       /* ends[i]: first byte of line i's terminator (or len) */
  unsigned char *ascii; /* ascii[i]: line i's content is 7-bit only */
  size_t n_lines;
  checkpoint *checks; /* in text order, over all long non-ASCII lines */
  size_t n_checks;
};

const char *cd_encoding_name(cd_encoding enc) {
  switch (enc) {
  case CD_ENC_UTF8: return "utf-8";
  case CD_ENC_UTF32: return "utf-32";
  case CD_ENC_UTF16: break;
  }
  return "utf-16";
}

bool cd_encoding_parse(const char *name, cd_encoding *out) {
  if (name == NULL) return false;
  if (strcmp(name, "utf-8") == 0) { *out = CD_ENC_UTF8; return true; }
  if (strcmp(name, "utf-16") == 0) { *out = CD_ENC_UTF16; return true; }
  if (strcmp(name, "utf-32") == 0) { *out = CD_ENC_UTF32; return true; }
  return false;
}

/* Well-formed UTF-8 per Unicode table 3-7; anything else is one bad byte. */
size_t cd_utf8_decode(const char *text, size_t len, size_t i, uint32_t *cp) {
  const unsigned char *s = (const unsigned char *)text + i;
  size_t avail = len - i;
  unsigned char c = s[0];
  if (c < 0x80) { *cp = c; return 1; }
  size_t need;
  uint32_t v;
  unsigned char lo = 0x80, hi = 0xBF;
  if (c >= 0xC2 && c <= 0xDF) { need = 1; v = c & 0x1F; }
  else if (c >= 0xE0 && c <= 0xEF) {
    need = 2; v = c & 0x0F;
    if (c == 0xE0) lo = 0xA0;
    if (c == 0xED) hi = 0x9F;
  } else if (c >= 0xF0 && c <= 0xF4) {
    need = 3; v = c & 0x07;
    if (c == 0xF0) lo = 0x90;
    if (c == 0xF4) hi = 0x8F;
  } else { *cp = 0xFFFD; return 1; }
  if (avail <= need) { *cp = 0xFFFD; return 1; }
  for (size_t k = 1; k <= need; k++) {
    unsigned char b = s[k];
    unsigned char l = k == 1 ? lo : 0x80, h = k == 1 ? hi : 0xBF;
    if (b < l || b > h) { *cp = 0xFFFD; return 1; }
    v = (v << 6) | (b & 0x3F);
  }
  *cp = v;
  return need + 1;
}

static size_t units_of(uint32_t cp, size_t nbytes, cd_encoding enc) {
  switch (enc) {
  case CD_ENC_UTF8: return nbytes;
  case CD_ENC_UTF32: return 1;
  case CD_ENC_UTF16: break;
  }
  return cp >= 0x10000 ? 2 : 1;
}

/* Eight bytes of text in one word (any alignment). */
static uint64_t word_at(const char *p) {
  uint64_t w;
  memcpy(&w, p, sizeof w);
  return w;
}

#define HIGH_BITS 0x8080808080808080ull

/* Whether any byte of p[0, n) is 8-bit, eight bytes at a time: the server indexes the whole text
 * on every change, and a byte at a time this was a tenth of a keystroke on a long article. */
static bool any_high(const char *p, size_t n) {
  uint64_t acc = 0;
  size_t i = 0;
  for (; i + 8 <= n; i += 8) acc |= word_at(p + i);
  for (; i < n; i++) acc |= (unsigned char)p[i];
  return (acc & HIGH_BITS) != 0;
}

/* How many bytes at the start of p[0, n) are 7-bit, counted eight at a time up to the first word
 * that holds an 8-bit byte. */
static size_t ascii_prefix(const char *p, size_t n) {
  size_t i = 0;
  while (i + 8 <= n && !(word_at(p + i) & HIGH_BITS)) i += 8;
  while (i < n && !((unsigned char)p[i] & 0x80)) i++;
  return i;
}

static bool add_line(cd_line_index *ix, size_t *cap, size_t start, size_t end, bool ascii) {
  if (ix->n_lines == *cap) {
    size_t n = *cap * 2;
    size_t *ns = realloc(ix->starts, n * sizeof *ns);
    if (ns == NULL) return false;
    ix->starts = ns;
    size_t *ne = realloc(ix->ends, n * sizeof *ne);
    if (ne == NULL) return false;
    ix->ends = ne;
    unsigned char *na = realloc(ix->ascii, n);
    if (na == NULL) return false;
    ix->ascii = na;
    *cap = n;
  }
  ix->starts[ix->n_lines] = start;
  ix->ends[ix->n_lines] = end;
  ix->ascii[ix->n_lines] = ascii;
  ix->n_lines++;
  return true;
}

/* Checkpoints of the long line [start, end): one pass over its characters. */
static bool add_checkpoints(cd_line_index *ix, size_t start, size_t end) {
  size_t want = (end - start) / CHECK_EVERY + 1;
  checkpoint *grown = realloc(ix->checks, (ix->n_checks + want) * sizeof *grown);
  if (grown == NULL) return false;
  ix->checks = grown;
  uint32_t u16 = 0, u32 = 0;
  size_t next = start + CHECK_EVERY;
  for (size_t i = start; i < end && want > 0;) {
    if (i >= next) {
      ix->checks[ix->n_checks++] = (checkpoint){i, u16, u32};
      want--;
      next = i + CHECK_EVERY;
    }
    uint32_t cp;
    size_t n = cd_utf8_decode(ix->text, end, i, &cp);
    u16 += cp >= 0x10000 ? 2 : 1;
    u32 += 1;
    i += n;
  }
  return true;
}

cd_line_index *cd_line_index_new(const char *text, size_t len) {
  cd_line_index *ix = calloc(1, sizeof *ix);
  size_t cap = 64;
  if (ix == NULL) goto fail;
  ix->text = text;
  ix->len = len;
  ix->starts = malloc(cap * sizeof *ix->starts);
  ix->ends = malloc(cap * sizeof *ix->ends);
  ix->ascii = malloc(cap);
  if (ix->starts == NULL || ix->ends == NULL || ix->ascii == NULL) goto fail;
  if (len == 0) { /* one empty line (and no pointer arithmetic on a text that may be NULL) */
    if (!add_line(ix, &cap, 0, 0, true)) goto fail;
    return ix;
  }
  /* lines end at \n, \r or \r\n; memchr finds the next \n, and the line's \r, if any, is
   * before it. The next \n is kept until a line passes it: with \r alone ending lines (an old
   * Mac's text), asking for it again from every line made the index quadratic. */
  size_t next_nl = 0;
  bool nl_known = false;
  for (size_t start = 0;;) {
    if (!nl_known || next_nl < start) {
      const char *nl = memchr(text + start, '\n', len - start);
      next_nl = nl ? (size_t)(nl - text) : len;
      nl_known = true;
    }
    size_t end = next_nl;
    const char *cr = memchr(text + start, '\r', end - start);
    if (cr) end = (size_t)(cr - text);
    bool ascii = !any_high(text + start, end - start);
    if (!add_line(ix, &cap, start, end, ascii)) goto fail;
    if (!ascii && end - start >= CHECK_LINE && !add_checkpoints(ix, start, end)) goto fail;
    if (end == len) break;
    start = end + 1 + (text[end] == '\r' && end + 1 < len && text[end + 1] == '\n');
  }
  return ix;
fail:
  cd_line_index_free(ix);
  return NULL;
}

/* How many checkpoints lie before byte `off`. */
static size_t checks_below(const cd_line_index *ix, size_t off) {
  size_t lo = 0, hi = ix->n_checks;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (ix->checks[mid].off < off) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/* The last checkpoint at or before byte_off on the line that starts at `start`, or NULL. */
static const checkpoint *checkpoint_before(const cd_line_index *ix, size_t start, size_t byte_off) {
  size_t k = checks_below(ix, byte_off + 1);
  return k > 0 && ix->checks[k - 1].off >= start ? &ix->checks[k - 1] : NULL;
}

/* The last checkpoint of the line [start, end) whose units in `enc` are at most `units`, or NULL. */
static const checkpoint *checkpoint_by_units(const cd_line_index *ix, size_t start, size_t end, size_t units,
                                             cd_encoding enc) {
  size_t lo = checks_below(ix, start), first = lo, hi = ix->n_checks;
  while (lo < hi) { /* the first checkpoint of the line past `units` (or past the line) */
    size_t mid = lo + (hi - lo) / 2;
    const checkpoint *c = &ix->checks[mid];
    size_t u = enc == CD_ENC_UTF8 ? c->off - start : enc == CD_ENC_UTF16 ? c->u16 : c->u32;
    if (c->off < end && u <= units) lo = mid + 1;
    else hi = mid;
  }
  return lo > first ? &ix->checks[lo - 1] : NULL;
}

void cd_line_index_free(cd_line_index *index) {
  if (index == NULL) return;
  free(index->checks);
  free(index->starts);
  free(index->ends);
  free(index->ascii);
  free(index);
}

size_t cd_line_index_line_count(const cd_line_index *index) { return index->n_lines; }

size_t cd_line_index_line_start(const cd_line_index *index, size_t line) {
  return line < index->n_lines ? index->starts[line] : index->len;
}

size_t cd_line_index_line_end(const cd_line_index *index, size_t line) {
  return line < index->n_lines ? index->ends[line] : index->len;
}

size_t cd_line_index_line_of(const cd_line_index *index, size_t byte_off) {
  size_t lo = 0, hi = index->n_lines; /* invariant: starts[lo] <= off < starts[hi] */
  if (byte_off > index->len) byte_off = index->len;
  while (hi - lo > 1) {
    size_t mid = lo + (hi - lo) / 2;
    if (index->starts[mid] <= byte_off) lo = mid;
    else hi = mid;
  }
  return lo;
}

cd_position cd_line_index_position(const cd_line_index *index, size_t byte_off, cd_encoding enc) {
  size_t line = cd_line_index_line_of(index, byte_off);
  size_t start = index->starts[line], end = index->ends[line];
  cd_position pos = {(uint32_t)line, 0};
  if (byte_off > end) byte_off = end; /* inside the terminator */
  if (index->ascii[line]) {
    pos.character = (uint32_t)(byte_off - start);
    return pos;
  }
  size_t units = 0, from = start;
  const checkpoint *c = index->n_checks ? checkpoint_before(index, start, byte_off) : NULL;
  if (c) {
    from = c->off;
    units = enc == CD_ENC_UTF8 ? c->off - start : enc == CD_ENC_UTF16 ? c->u16 : c->u32;
  }
  for (size_t i = from; i < byte_off;) {
    size_t ascii = ascii_prefix(index->text + i, byte_off - i); /* a unit each in every encoding */
    units += ascii;
    i += ascii;
    if (i == byte_off) break;
    uint32_t cp;
    size_t n = cd_utf8_decode(index->text, end, i, &cp);
    if (i + n > byte_off) break; /* offset inside this character: its start */
    units += units_of(cp, n, enc);
    i += n;
  }
  pos.character = (uint32_t)units;
  return pos;
}

size_t cd_line_index_offset(const cd_line_index *index, cd_position pos, cd_encoding enc) {
  if (pos.line >= index->n_lines) return index->len;
  size_t start = index->starts[pos.line], end = index->ends[pos.line];
  if (index->ascii[pos.line]) {
    size_t width = end - start;
    return start + (pos.character < width ? pos.character : width);
  }
  size_t units = 0, i = start;
  const checkpoint *c = index->n_checks ? checkpoint_by_units(index, start, end, pos.character, enc) : NULL;
  if (c) {
    i = c->off;
    units = enc == CD_ENC_UTF8 ? c->off - start : enc == CD_ENC_UTF16 ? c->u16 : c->u32;
  }
  while (i < end) {
    size_t ascii = ascii_prefix(index->text + i, end - i);
    if (units + ascii >= pos.character) return i + (pos.character - units);
    units += ascii;
    i += ascii;
    if (i == end) break;
    uint32_t cp;
    size_t n = cd_utf8_decode(index->text, end, i, &cp);
    size_t u = units_of(cp, n, enc);
    if (units + u > pos.character) break; /* target is inside this character */
    units += u;
    i += n;
  }
  return i;
}
