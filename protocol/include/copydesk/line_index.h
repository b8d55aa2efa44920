/* copydesk line index: byte offsets <-> (line, character) positions.
 *
 * Everything inside copydesk is a byte offset into UTF-8 text. Editors and
 * terminals speak lines and characters, where "character" depends on the
 * encoding agreed with the client:
 *   CD_ENC_UTF8  - characters are bytes;
 *   CD_ENC_UTF16 - characters are UTF-16 code units (LSP's default: an emoji
 *                  outside the BMP counts 2, "é" precomposed counts 1);
 *   CD_ENC_UTF32 - characters are Unicode code points (a combining mark is
 *                  its own code point; the CLI's 1-based columns use this).
 *
 * A line ends at "\n", "\r\n" or "\r" (as LSP says); the terminator belongs
 * to the line it ends but is not addressable: a character past the end of
 * the line's content clamps to the content's end.
 *
 * Invalid UTF-8: each byte that does not start a well-formed sequence counts
 * as one U+FFFD (1 unit in UTF-16 and UTF-32, 1 byte in UTF-8).
 *
 * Cost: building is one pass over the text. A conversion is a binary search
 * over line starts plus, on a line with non-ASCII bytes, a scan of that line
 * only; it never rescans from the start of the document.
 *
 * Ownership: the index borrows nothing after cd_line_index_new() returns
 * except where noted; it keeps its own copy of nothing but offsets, so it
 * must be used with the exact text it was built from. Free with
 * cd_line_index_free().
 */
#ifndef COPYDESK_LINE_INDEX_H
#define COPYDESK_LINE_INDEX_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef enum cd_encoding { CD_ENC_UTF8 = 0, CD_ENC_UTF16, CD_ENC_UTF32 } cd_encoding;

/* "utf-8", "utf-16", "utf-32" (LSP PositionEncodingKind). Static storage. */
const char *cd_encoding_name(cd_encoding enc);
/* Parses the names above; false for anything else. */
bool cd_encoding_parse(const char *name, cd_encoding *out);

/* A position: 0-based line and 0-based character in some encoding. */
typedef struct cd_position {
  uint32_t line;
  uint32_t character;
} cd_position;

typedef struct cd_line_index cd_line_index;

/* Builds the index of `len` bytes of `text` (NUL bytes allowed). The index
 * keeps a pointer to `text`: the caller keeps the text alive and unchanged
 * for as long as the index is used. NULL only when out of memory. */
cd_line_index *cd_line_index_new(const char *text, size_t len);
void cd_line_index_free(cd_line_index *index);

/* Number of lines: at least 1; a text ending in a terminator has an empty
 * last line after it. */
size_t cd_line_index_line_count(const cd_line_index *index);
/* Byte offset where `line` starts; the text length for lines past the end. */
size_t cd_line_index_line_start(const cd_line_index *index, size_t line);
/* Byte offset where `line`'s content ends (before its terminator). */
size_t cd_line_index_line_end(const cd_line_index *index, size_t line);

/* The position of byte offset `byte_off` (clamped to the text length). An
 * offset inside a multi-byte character or between "\r" and "\n" maps to the
 * start of that character / the end of the line. */
cd_position cd_line_index_position(const cd_line_index *index, size_t byte_off, cd_encoding enc);

/* The byte offset of `pos`. Out-of-range positions are clamped: a line past
 * the end gives the text length, a character past the line's content gives
 * the content's end, a character inside a UTF-16 surrogate pair gives the
 * start of that character. Never fails. */
size_t cd_line_index_offset(const cd_line_index *index, cd_position pos, cd_encoding enc);

/* The line containing byte offset `byte_off` (0-based). */
size_t cd_line_index_line_of(const cd_line_index *index, size_t byte_off);

/* Decodes one character at `text[i]` (i < len): stores its code point in
 * *cp (U+FFFD for an invalid byte) and returns its length in bytes (>= 1). */
size_t cd_utf8_decode(const char *text, size_t len, size_t i, uint32_t *cp);

#ifdef __cplusplus
}
#endif

#endif
