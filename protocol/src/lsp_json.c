/* Position conversions at the protocol edge. */
#include "copydesk/lsp_json.h"

#include <stdarg.h>
#include <stdlib.h>
#include <stdint.h>
#include <string.h>

cd_encoding cd_lsp_negotiate_encoding(const json_t *client_capabilities) {
  json_t *list = cd_json_path(client_capabilities, "general", "positionEncodings", NULL);
  bool utf8 = false, utf32 = false;
  size_t i;
  json_t *v;
  if (!json_is_array(list)) return CD_ENC_UTF16;
  json_array_foreach(list, i, v) {
    const char *s = json_string_value(v);
    if (s == NULL) continue;
    if (strcmp(s, "utf-8") == 0) utf8 = true;
    if (strcmp(s, "utf-32") == 0) utf32 = true;
  }
  /* utf-8 needs no conversion at all; utf-32 is still cheaper than utf-16. */
  if (utf8) return CD_ENC_UTF8;
  if (utf32) return CD_ENC_UTF32;
  return CD_ENC_UTF16;
}

static bool read_uint(const json_t *v, uint32_t *out) {
  if (!json_is_integer(v)) {
    /* Some clients send 3.0 for 3; accept integral reals. */
    if (!json_is_real(v)) return false;
    double d = json_real_value(v);
    /* the range first: casting a double the target cannot hold (1e300, NaN) is undefined */
    if (!(d >= 0 && d <= (double)UINT32_MAX)) return false;
    uint32_t u = (uint32_t)d;
    if ((double)u != d) return false; /* 2.5 */
    *out = u;
    return true;
  }
  json_int_t n = json_integer_value(v);
  if (n < 0) return false;
  *out = (unsigned long long)n > UINT32_MAX ? UINT32_MAX : (uint32_t)n;
  return true;
}

bool cd_lsp_position_parse(const json_t *json, cd_position *out) {
  if (!json_is_object(json)) return false;
  return read_uint(json_object_get(json, "line"), &out->line) &&
         read_uint(json_object_get(json, "character"), &out->character);
}

bool cd_lsp_range_parse(const json_t *json, const cd_line_index *index, cd_encoding enc,
                        size_t *start, size_t *end) {
  cd_position a, b;
  if (!json_is_object(json) || !cd_lsp_position_parse(json_object_get(json, "start"), &a) ||
      !cd_lsp_position_parse(json_object_get(json, "end"), &b)) {
    return false;
  }
  size_t s = cd_line_index_offset(index, a, enc), e = cd_line_index_offset(index, b, enc);
  if (e < s) {
    size_t t = s;
    s = e;
    e = t;
  }
  *start = s;
  *end = e;
  return true;
}

bool cd_lsp_range_valid(const json_t *json) {
  cd_position a, b;
  return json_is_object(json) && cd_lsp_position_parse(json_object_get(json, "start"), &a) &&
         cd_lsp_position_parse(json_object_get(json, "end"), &b);
}

json_t *cd_lsp_position_json(cd_position pos) {
  return json_pack("{s:I,s:I}", "line", (json_int_t)pos.line, "character",
                   (json_int_t)pos.character);
}

json_t *cd_lsp_range_json(const cd_line_index *index, size_t start, size_t end, cd_encoding enc) {
  if (end < start) end = start;
  return json_pack("{s:o,s:o}", "start",
                   cd_lsp_position_json(cd_line_index_position(index, start, enc)), "end",
                   cd_lsp_position_json(cd_line_index_position(index, end, enc)));
}

static json_t *json_path_v(const json_t *root, va_list ap) {
  json_t *cur = (json_t *)root;
  for (const char *key = va_arg(ap, const char *); key != NULL; key = va_arg(ap, const char *)) {
    cur = json_is_object(cur) ? json_object_get(cur, key) : NULL;
  }
  return cur;
}

json_t *cd_json_path(const json_t *root, ...) {
  va_list ap;
  va_start(ap, root);
  json_t *cur = json_path_v(root, ap);
  va_end(ap);
  return cur;
}

bool cd_json_path_true(const json_t *root, ...) {
  va_list ap;
  va_start(ap, root);
  json_t *cur = json_path_v(root, ap);
  va_end(ap);
  return json_is_true(cur);
}

static int hex_digit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

char *cd_lsp_uri_to_path(const char *uri) {
  if (uri == NULL || strncmp(uri, "file://", 7) != 0) return NULL;
  const char *p = uri + 7;
  if (strncmp(p, "localhost/", 10) == 0) p += 9;
  if (*p != '/') return NULL; /* file://host/share: not ours to open */
  size_t n = strcspn(p, "?#");
  char *out = malloc(n + 1);
  size_t o = 0;
  if (out == NULL) return NULL;
  for (size_t i = 0; i < n; i++) {
    int hi, lo;
    if (p[i] == '%' && i + 2 < n && (hi = hex_digit(p[i + 1])) >= 0 && (lo = hex_digit(p[i + 2])) >= 0) {
      out[o++] = (char)(hi * 16 + lo);
      i += 2;
    } else {
      out[o++] = p[i];
    }
  }
  out[o] = '\0';
  if (strlen(out) != o) { /* %00 */
    free(out);
    return NULL;
  }
  return out;
}
