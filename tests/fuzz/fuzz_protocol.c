/* Fuzzes the protocol layer on a stream of bytes: the framing reader (with a small size limit,
 * so oversized bodies and resynchronisation are tried), then each body through JSON-RPC parsing
 * and classification, the id-from-prefix reader and the LSP position and range readers; and the
 * line index over the whole input in every encoding, checking that offsets and positions stay in
 * range and that converting a position's offset back gives the same position. */
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "copydesk/framing.h"
#include "copydesk/jsonrpc.h"
#include "copydesk/line_index.h"
#include "copydesk/lsp_json.h"
#include "fuzz_input.h"

static const cd_encoding ENCODINGS[] = {CD_ENC_UTF8, CD_ENC_UTF16, CD_ENC_UTF32};

static void check_line_index(const char *text, size_t len) {
  cd_line_index *ix = cd_line_index_new(text, len);
  FUZZ_CHECK(ix);
  size_t lines = cd_line_index_line_count(ix);
  FUZZ_CHECK(lines >= 1);
  for (size_t l = 0; l < lines && l < 4096; l++) {
    size_t s = cd_line_index_line_start(ix, l), e = cd_line_index_line_end(ix, l);
    FUZZ_CHECK(s <= e && e <= len);
    FUZZ_CHECK(cd_line_index_line_of(ix, s) == l || s == e);
  }
  /* a position costs up to a line's length: every offset of tiny inputs, ~256 of larger ones */
  size_t step = len / 256 + 1;
  for (size_t e = 0; e < sizeof ENCODINGS / sizeof ENCODINGS[0]; e++) {
    for (size_t off = 0; off <= len; off += step) {
      cd_position p = cd_line_index_position(ix, off, ENCODINGS[e]);
      FUZZ_CHECK(p.line < lines);
      size_t back = cd_line_index_offset(ix, p, ENCODINGS[e]);
      FUZZ_CHECK(back <= off);
      cd_position q = cd_line_index_position(ix, back, ENCODINGS[e]);
      FUZZ_CHECK(q.line == p.line && q.character == p.character);
    }
    cd_position far = {UINT32_MAX, UINT32_MAX};
    FUZZ_CHECK(cd_line_index_offset(ix, far, ENCODINGS[e]) <= len);
  }
  cd_line_index_free(ix);
}

/* A body as a client message: classified, and its positions read against its own text. */
static void check_body(const char *body, size_t len) {
  json_t *id = cd_jsonrpc_id_from_prefix(body, len < 1024 ? len : 1024);
  json_decref(id);
  char error[256];
  json_t *root = cd_jsonrpc_parse(body, len, error, sizeof error);
  if (!root) return;
  cd_message msg;
  cd_jsonrpc_classify(root, &msg, error, sizeof error);
  json_t *params = json_object_get(root, "params");
  cd_line_index *ix = cd_line_index_new(body, len);
  FUZZ_CHECK(ix);
  cd_position pos;
  size_t start, end;
  if (cd_lsp_position_parse(json_object_get(params, "position"), &pos)) {
    for (size_t e = 0; e < 3; e++) FUZZ_CHECK(cd_line_index_offset(ix, pos, ENCODINGS[e]) <= len);
  }
  json_t *range = json_object_get(params, "range");
  for (size_t e = 0; e < 3; e++) {
    if (cd_lsp_range_parse(range, ix, ENCODINGS[e], &start, &end)) FUZZ_CHECK(start <= end && end <= len);
  }
  FUZZ_CHECK(cd_lsp_range_valid(range) == cd_lsp_range_parse(range, ix, CD_ENC_UTF16, &start, &end));
  cd_lsp_negotiate_encoding(json_object_get(params, "capabilities"));
  const char *uri = json_string_value(cd_json_path(params, "textDocument", "uri", NULL));
  if (uri) free(cd_lsp_uri_to_path(uri));
  cd_line_index_free(ix);
  json_decref(root);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  int fd = fuzz_input_fd(data, size);
  cd_frame_reader *r = cd_frame_reader_new(fd, 4096);
  FUZZ_CHECK(r);
  for (int guard = 0; guard < 100000; guard++) {
    char *body;
    size_t len;
    char error[256];
    cd_frame_status st = cd_frame_read(r, guard % 2 == 0, &body, &len, error, sizeof error);
    if (st == CD_FRAME_OK || st == CD_FRAME_TOO_LARGE) {
      FUZZ_CHECK(body && body[len] == '\0' && len <= size);
      if (st == CD_FRAME_OK) check_body(body, len);
      else json_decref(cd_jsonrpc_id_from_prefix(body, len));
      free(body);
      continue;
    }
    FUZZ_CHECK(body == NULL);
    if (st == CD_FRAME_EOF || st == CD_FRAME_IO_ERROR) break;
  }
  cd_frame_reader_free(r);
  check_line_index((const char *)data, size);
  return 0;
}
