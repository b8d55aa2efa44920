/* JSON-RPC 2.0 message shapes. */
#include "copydesk/jsonrpc.h"

#include "copydesk/framing.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void set_error(char *error, size_t size, const char *msg) {
  if (error != NULL && size > 0) snprintf(error, size, "%s", msg);
}

static int hex_digit(char c) {
  return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
}

/* The \uXXXX escape at s[i] (s[i] == '\\', s[i + 1] == 'u'), or -1 when it is not one. */
static long escape_at(const char *s, size_t len, size_t i) {
  if (i + 6 > len || s[i + 1] != 'u') return -1;
  long v = 0;
  for (size_t k = 2; k < 6; k++) {
    int d = hex_digit(s[i + k]);
    if (d < 0) return -1;
    v = v * 16 + d;
  }
  return v;
}

/* A copy of the body with each lone UTF-16 surrogate escape ("\ud83d" without its pair, as
 * JavaScript writes half an emoji) made "\ufffd", and each byte that is no well-formed UTF-8 made
 * U+FFFD: what an editor sends from a buffer with a stray byte or half a character. jansson
 * rejects both, and a change dropped so would leave the server's copy of the document out of step
 * with the editor's for good; U+FFFD counts one UTF-16 unit, as the editor counts the lone unit.
 * NULL when out of memory. */
static char *replace_bad_unicode(const char *s, size_t len, size_t *out_len) {
  char *out = malloc(len * 3 + 1);
  if (out == NULL) return NULL;
  size_t o = 0;
  for (size_t i = 0; i < len;) {
    unsigned char c = (unsigned char)s[i];
    if (c == '\\' && i + 1 < len) {
      long v = escape_at(s, len, i);
      if (v >= 0xD800 && v <= 0xDBFF) {
        long lo = i + 6 < len && s[i + 6] == '\\' ? escape_at(s, len, i + 6) : -1;
        if (lo >= 0xDC00 && lo <= 0xDFFF) { /* a pair: kept */
          memcpy(out + o, s + i, 12);
          o += 12;
          i += 12;
          continue;
        }
      }
      if (v >= 0xD800 && v <= 0xDFFF) {
        memcpy(out + o, "\\ufffd", 6);
        o += 6;
        i += 6;
        continue;
      }
      out[o++] = s[i++]; /* the escaped character goes with its backslash */
      out[o++] = s[i++];
      continue;
    }
    if (c < 0x80) {
      out[o++] = s[i++];
      continue;
    }
    size_t n = c >= 0xC2 && c <= 0xDF ? 2 : c >= 0xE0 && c <= 0xEF ? 3 : c >= 0xF0 && c <= 0xF4 ? 4 : 0;
    bool ok = n > 0 && i + n <= len;
    for (size_t k = 1; ok && k < n; k++) ok = ((unsigned char)s[i + k] & 0xC0) == 0x80;
    /* no overlong or surrogate forms: E0 needs A0.., ED up to 9F, F0 needs 90.., F4 up to 8F */
    if (ok && n >= 3) {
      unsigned char d = (unsigned char)s[i + 1];
      ok = !(c == 0xE0 && d < 0xA0) && !(c == 0xED && d > 0x9F) && !(c == 0xF0 && d < 0x90) && !(c == 0xF4 && d > 0x8F);
    }
    if (ok) {
      memcpy(out + o, s + i, n);
      o += n;
      i += n;
    } else {
      memcpy(out + o, "\xEF\xBF\xBD", 3);
      o += 3;
      i++;
    }
  }
  out[o] = '\0';
  *out_len = o;
  return out;
}

json_t *cd_jsonrpc_parse(const char *body, size_t len, char *error, size_t error_size) {
  json_error_t jerr;
  /* JSON_ALLOW_NUL: a document may legitimately contain U+0000. */
  json_t *root = json_loadb(body, len, JSON_ALLOW_NUL | JSON_DECODE_ANY, &jerr);
  if (root == NULL && (strstr(jerr.text, "invalid Unicode") || strstr(jerr.text, "unable to decode byte"))) {
    size_t n;
    char *fixed = replace_bad_unicode(body, len, &n);
    json_error_t again;
    if (fixed) root = json_loadb(fixed, n, JSON_ALLOW_NUL | JSON_DECODE_ANY, &again);
    free(fixed);
  }
  if (root == NULL && error != NULL && error_size > 0) {
    snprintf(error, error_size, "invalid JSON at line %d column %d: %s", jerr.line, jerr.column,
             jerr.text);
  }
  return root;
}

static bool valid_id(const json_t *id) { return json_is_integer(id) || json_is_string(id); }

cd_msg_kind cd_jsonrpc_classify(json_t *root, cd_message *out, char *error, size_t error_size) {
  memset(out, 0, sizeof *out);
  if (!json_is_object(root)) {
    set_error(error, error_size,
              json_is_array(root) ? "batches are not supported" : "a message must be an object");
    return CD_MSG_INVALID;
  }
  json_t *id = json_object_get(root, "id");
  if (valid_id(id)) out->id = id;
  const char *version = json_string_value(json_object_get(root, "jsonrpc"));
  if (version == NULL || strcmp(version, "2.0") != 0) {
    set_error(error, error_size, "\"jsonrpc\" must be \"2.0\"");
    return CD_MSG_INVALID;
  }
  if (id != NULL && !valid_id(id) && !json_is_null(id)) {
    set_error(error, error_size, "\"id\" must be an integer or a string");
    return CD_MSG_INVALID;
  }
  json_t *method = json_object_get(root, "method");
  json_t *params = json_object_get(root, "params");
  if (method != NULL) {
    if (!json_is_string(method)) {
      set_error(error, error_size, "\"method\" must be a string");
      return CD_MSG_INVALID;
    }
    if (params != NULL && !json_is_object(params) && !json_is_array(params) &&
        !json_is_null(params)) {
      set_error(error, error_size, "\"params\" must be an object or an array");
      return CD_MSG_INVALID;
    }
    if (id != NULL && json_is_null(id)) {
      set_error(error, error_size, "a request's \"id\" must not be null");
      return CD_MSG_INVALID;
    }
    out->method = json_string_value(method);
    out->params = json_is_null(params) ? NULL : params;
    out->kind = id == NULL ? CD_MSG_NOTIFICATION : CD_MSG_REQUEST;
    return out->kind;
  }
  json_t *result = json_object_get(root, "result");
  json_t *err = json_object_get(root, "error");
  if (id != NULL && (result != NULL) != (err != NULL)) {
    out->result = result;
    out->error = err;
    out->kind = CD_MSG_RESPONSE;
    return out->kind;
  }
  set_error(error, error_size, "neither a request, a notification nor a response");
  return CD_MSG_INVALID;
}

json_t *cd_jsonrpc_response(json_t *id, json_t *result) {
  json_t *msg = json_object();
  if (msg == NULL) {
    json_decref(result);
    return NULL;
  }
  json_object_set_new(msg, "jsonrpc", json_string("2.0"));
  json_object_set(msg, "id", id != NULL ? id : json_null());
  json_object_set_new(msg, "result", result != NULL ? result : json_null());
  return msg;
}

json_t *cd_jsonrpc_error(json_t *id, int code, const char *message) {
  json_t *msg = json_object();
  json_t *err = json_object();
  if (msg == NULL || err == NULL) {
    json_decref(msg);
    json_decref(err);
    return NULL;
  }
  json_object_set_new(err, "code", json_integer(code));
  json_object_set_new(err, "message", json_string(message != NULL ? message : ""));
  json_object_set_new(msg, "jsonrpc", json_string("2.0"));
  json_object_set(msg, "id", id != NULL ? id : json_null());
  json_object_set_new(msg, "error", err);
  return msg;
}

json_t *cd_jsonrpc_notification(const char *method, json_t *params) {
  json_t *msg = json_object();
  if (msg == NULL) {
    json_decref(params);
    return NULL;
  }
  json_object_set_new(msg, "jsonrpc", json_string("2.0"));
  json_object_set_new(msg, "method", json_string(method));
  if (params != NULL) json_object_set_new(msg, "params", params);
  return msg;
}

json_t *cd_jsonrpc_request(json_int_t id, const char *method, json_t *params) {
  json_t *msg = cd_jsonrpc_notification(method, params);
  if (msg != NULL) json_object_set_new(msg, "id", json_integer(id));
  return msg;
}

int cd_jsonrpc_send(int fd, const json_t *msg) {
  /* One serialisation pass (json_dumpb would need two: size, then bytes). */
  char *buf = json_dumps(msg, JSON_COMPACT);
  if (buf == NULL) return -1;
  int rc = cd_frame_write(fd, buf, strlen(buf));
  free(buf);
  return rc;
}

json_t *cd_jsonrpc_id_from_prefix(const char *prefix, size_t len) {
  /* Clients write "id" near the start and before "params"; only trust that. */
  for (size_t i = 0; i + 4 <= len; i++) {
    if (len - i >= 8 && memcmp(prefix + i, "\"params\"", 8) == 0) return NULL;
    if (memcmp(prefix + i, "\"id\"", 4) != 0) continue;
    size_t j = i + 4;
    while (j < len && (prefix[j] == ' ' || prefix[j] == '\t' || prefix[j] == '\r' || prefix[j] == '\n')) j++;
    if (j >= len || prefix[j] != ':') return NULL;
    j++;
    while (j < len && (prefix[j] == ' ' || prefix[j] == '\t' || prefix[j] == '\r' || prefix[j] == '\n')) j++;
    if (j < len && prefix[j] == '"') {
      size_t k = j + 1;
      while (k < len && prefix[k] != '"' && prefix[k] != '\\') k++;
      if (k >= len || prefix[k] != '"') return NULL;
      return json_stringn(prefix + j + 1, k - j - 1);
    }
    json_int_t v = 0;
    bool neg = false, digits = false;
    if (j < len && prefix[j] == '-') { neg = true; j++; }
    while (j < len && prefix[j] >= '0' && prefix[j] <= '9' && v < (json_int_t)1e17) {
      v = v * 10 + (prefix[j] - '0');
      digits = true;
      j++;
    }
    if (!digits || (j < len && prefix[j] != ',' && prefix[j] != '}' && prefix[j] != ' ')) return NULL;
    return json_integer(neg ? -v : v);
  }
  return NULL;
}
