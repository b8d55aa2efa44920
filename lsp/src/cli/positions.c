#include "positions.h"

#include <stdint.h>
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

enum { CHECKPOINT = 4096 }; /* bytes between the checkpoints of a long line */

/* Checkpoints every CHECKPOINT bytes or so along each line longer than that, at character
 * boundaries, with the column a count from the line's start gives there. None when out of memory
 * (a count then starts at the line's start, as on a short line). */
static void add_checkpoints(cd_text_index *ix) {
  size_t cap = 0;
  for (size_t l = 0; l < ix->n; l++) {
    size_t s = ix->starts[l], e = l + 1 < ix->n ? ix->starts[l + 1] - 1 : ix->len;
    if (e - s <= CHECKPOINT) continue;
    size_t pos = s, c = 1, next = s + CHECKPOINT;
    while (pos < e) {
      if (pos >= next) {
        if (ix->n_cp == cap) {
          cap = cap ? 2 * cap : 64;
          size_t *o = realloc(ix->cp_off, cap * sizeof *o);
          if (o) ix->cp_off = o;
          size_t *k = o ? realloc(ix->cp_col, cap * sizeof *k) : NULL;
          if (k) ix->cp_col = k;
          if (!o || !k) {
            free(ix->cp_off);
            free(ix->cp_col);
            ix->cp_off = ix->cp_col = NULL;
            ix->n_cp = 0;
            return;
          }
        }
        ix->cp_off[ix->n_cp] = pos;
        ix->cp_col[ix->n_cp++] = c;
        next = pos + CHECKPOINT;
      }
      pos += (unsigned char)ix->text[pos] < 0x80 ? 1 : cd_char_len(ix->text, ix->len, pos);
      c++;
    }
  }
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
  add_checkpoints(ix);
}

void cd_text_index_free(cd_text_index *ix) {
  free(ix->starts);
  free(ix->cp_off);
  free(ix->cp_col);
  ix->starts = ix->cp_off = ix->cp_col = NULL;
  ix->n_cp = 0;
}

size_t cd_text_index_line(const cd_text_index *ix, size_t off) {
  size_t lo = 0, hi = ix->n; /* the last line starting at or before off */
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (ix->starts[mid] <= off) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

void cd_text_index_pos(cd_text_index *ix, size_t off, size_t *line, size_t *col) {
  if (off > ix->len) off = ix->len;
  if (!ix->starts) {
    cd_linecol_cursor cur = {0};
    cd_linecol(ix->text, ix->len, off, &cur, line, col);
    return;
  }
  size_t l = cd_text_index_line(ix, off), pos = ix->starts[l], c = 1;
  if (ix->n_cp && ix->cp_off[0] <= off) { /* the last checkpoint at or before off, if on this line */
    size_t lo = 0, hi = ix->n_cp;
    while (lo < hi) {
      size_t mid = lo + (hi - lo) / 2;
      if (ix->cp_off[mid] <= off) lo = mid + 1;
      else hi = mid;
    }
    if (ix->cp_off[lo - 1] >= pos) {
      pos = ix->cp_off[lo - 1];
      c = ix->cp_col[lo - 1];
    }
  }
  if (ix->last_line == l + 1 && ix->last_off <= off && ix->last_off >= pos) {
    pos = ix->last_off;
    c = ix->last_col;
  }
  while (pos < off) {
    /* an ASCII byte is a character: eight of them at a time, and no call for each */
    uint64_t eight;
    if (pos + 8 <= off && (memcpy(&eight, ix->text + pos, 8), (eight & 0x8080808080808080ull) == 0)) {
      pos += 8;
      c += 8;
      continue;
    }
    pos += (unsigned char)ix->text[pos] < 0x80 ? 1 : cd_char_len(ix->text, ix->len, pos);
    c++;
  }
  ix->last_off = pos; /* a character boundary (off may fall inside a character) */
  ix->last_line = l + 1;
  ix->last_col = c;
  *line = l + 1;
  *col = c;
}
