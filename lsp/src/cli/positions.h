/* Lines and columns of byte offsets in an article, for the CLI's output. Lines and columns are
 * 1-based; columns count characters (code points; an invalid UTF-8 byte is one character). */
#ifndef CD_CLI_POSITIONS_H
#define CD_CLI_POSITIONS_H
#include <stddef.h>

/* 1-based line and column (in characters) of a byte offset; `cur` speeds up calls in
 * increasing offset order (pass the same struct each time, zeroed at first). */
typedef struct cd_linecol_cursor {
  size_t off, line, col;
} cd_linecol_cursor;
void cd_linecol(const char *text, size_t len, size_t off, cd_linecol_cursor *cur, size_t *line, size_t *col);

/* The same for offsets in any order: line starts found once, then a binary search and a count
 * within the line (from the last answer when it is earlier on the same line). A line longer than
 * a few kilobytes (an article on one line) holds checkpoints, so that no count runs over more
 * than that: findings out of order on a long line would otherwise count it from its start each
 * time. */
typedef struct cd_text_index {
  const char *text;
  size_t len;
  size_t *starts; /* byte offset of each line's start; NULL when out of memory (then cd_linecol) */
  size_t n;
  size_t last_off, last_line, last_col; /* last_line 0: none */
  size_t *cp_off, *cp_col; /* checkpoints inside long lines: a character's offset and column */
  size_t n_cp;
} cd_text_index;
void cd_text_index_init(cd_text_index *ix, const char *text, size_t len);
void cd_text_index_free(cd_text_index *ix);
void cd_text_index_pos(cd_text_index *ix, size_t off, size_t *line, size_t *col);
/* The 0-based line holding byte offset off (at most len); the index must have its line starts. */
size_t cd_text_index_line(const cd_text_index *ix, size_t off);

/* The byte length of the character at `i` (1 for an invalid byte). */
size_t cd_char_len(const char *s, size_t len, size_t i);

#endif
