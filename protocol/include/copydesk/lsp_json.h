/* copydesk LSP JSON helpers: positions, ranges and the position encoding
 * negotiated with the client. Byte offsets stay inside copydesk; these
 * convert at the protocol edge through a cd_line_index.
 *
 * Ownership: returned json_t* are new references the caller decrefs;
 * json_t* arguments are borrowed.
 */
#ifndef COPYDESK_LSP_JSON_H
#define COPYDESK_LSP_JSON_H

#include "copydesk/line_index.h"

#include <jansson.h>
#include <stdbool.h>

#ifdef __cplusplus
extern "C" {
#endif

/* The encoding to use for a client: the first of utf-8, utf-32 offered in
 * capabilities.general.positionEncodings, else utf-16 (always supported). */
cd_encoding cd_lsp_negotiate_encoding(const json_t *client_capabilities);

/* Reads {"line": n, "character": n}. False when either member is missing,
 * not an integer, or negative (malformed); huge values are clamped. */
bool cd_lsp_position_parse(const json_t *json, cd_position *out);
/* Reads a Range into byte offsets of `index`'s text, clamped to the text;
 * an end before the start is swapped. False when malformed. */
bool cd_lsp_range_parse(const json_t *json, const cd_line_index *index, cd_encoding enc,
                        size_t *start, size_t *end);

/* Whether `json` is a well-formed Range (two valid positions). */
bool cd_lsp_range_valid(const json_t *json);

json_t *cd_lsp_position_json(cd_position pos);
/* The Range of bytes [start, end) of `index`'s text. */
json_t *cd_lsp_range_json(const cd_line_index *index, size_t start, size_t end, cd_encoding enc);

/* The local path of a file: URI ("file:///tmp/a%20b.md" -> "/tmp/a b.md"), percent-decoded;
 * malloc'd, caller frees. NULL for other schemes, a remote host, or a NUL byte in the path. */
char *cd_lsp_uri_to_path(const char *uri);

/* Walks a path of object members ("capabilities", "textDocument", NULL):
 * the value or NULL. Borrowed. */
json_t *cd_json_path(const json_t *root, ...);
/* true only when the member path exists and is JSON true. */
bool cd_json_path_true(const json_t *root, ...);

#ifdef __cplusplus
}
#endif

#endif
