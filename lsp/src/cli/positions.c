#include "positions.h"

#include <stdlib.h>
#include <string.h>

/* Characters are counted as code points; an invalid byte is one character. */
size_t cd_char_len(const char *s, size_t len, size_t i) {
  unsigned char c = (unsigned char)s[i];
  size_t n = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 1;
  if (i + n > len) return 1;
  for (size_t k = 1; k < n; k++)
    if (((unsigned char)s[i + k] & 0xC0) != 0x80) return 1;
  return n;
}

void cd_linecol(const char *text, size_t len, size_t off, cd_linecol_cursor *cur, size_t *line, size_t *col) {
  if (off > len) off = len;
  if (cur->line == 0 || off < cur->off) {
    cur->off = 0;
    cur->line = 1;
    cur->col = 1;
  }
  while (cur->off < off) {
    if (text[cur->off] == '\n') {
      cur->line++;
      cur->col = 1;
      cur->off++;
    } else {
      cur->off += cd_char_len(text, len, cur->off);
      cur->col++;
    }
  }
  *line = cur->line;
  *col = cur->col;
}

void cd_text_index_init(cd_text_index *ix, const char *text, size_t len) {
  memset(ix, 0, sizeof *ix);
  ix->text = text;
  ix->len = len;
  size_t n = 1;
  for (const char *p = text; (p = memchr(p, '\n', len - (size_t)(p - text))) != NULL; p++) n++;
  ix->starts = malloc(n * sizeof *ix->starts);
  if (!ix->starts) return;
  ix->starts[0] = 0;
  ix->n = 1;
  for (const char *p = text; (p = memchr(p, '\n', len - (size_t)(p - text))) != NULL; p++)
    ix->starts[ix->n++] = (size_t)(p - text) + 1;
}

void cd_text_index_free(cd_text_index *ix) {
  free(ix->starts);
  ix->starts = NULL;
}

void cd_text_index_pos(cd_text_index *ix, size_t off, size_t *line, size_t *col) {
  if (off > ix->len) off = ix->len;
  if (!ix->starts) {
    cd_linecol_cursor cur = {0};
    cd_linecol(ix->text, ix->len, off, &cur, line, col);
    return;
  }
  size_t lo = 0, hi = ix->n; /* the last line starting at or before off */
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (ix->starts[mid] <= off) lo = mid + 1;
    else hi = mid;
  }
  size_t l = lo - 1, pos = ix->starts[l], c = 1;
  if (ix->last_line == l + 1 && ix->last_off <= off && ix->last_off >= pos) {
    pos = ix->last_off;
    c = ix->last_col;
  }
  while (pos < off) {
    /* an ASCII byte is a character: no call for each */
    pos += (unsigned char)ix->text[pos] < 0x80 ? 1 : cd_char_len(ix->text, ix->len, pos);
    c++;
  }
  ix->last_off = pos; /* a character boundary (off may fall inside a character) */
  ix->last_line = l + 1;
  ix->last_col = c;
  *line = l + 1;
  *col = c;
}
