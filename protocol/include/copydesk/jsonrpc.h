/* copydesk JSON-RPC 2.0: parsing and classifying messages, building
 * responses and errors (jansson).
 *
 * Ownership: functions returning json_t* return a new reference the caller
 * must json_decref(); "steals" means the function takes over the caller's
 * reference; "borrows" means it takes its own reference if it keeps one.
 */
#ifndef COPYDESK_JSONRPC_H
#define COPYDESK_JSONRPC_H

#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Error codes of JSON-RPC 2.0 and LSP 3.17. */
enum {
  CD_RPC_PARSE_ERROR = -32700,
  CD_RPC_INVALID_REQUEST = -32600,
  CD_RPC_METHOD_NOT_FOUND = -32601,
  CD_RPC_INVALID_PARAMS = -32602,
  CD_RPC_INTERNAL_ERROR = -32603,
  CD_RPC_SERVER_NOT_INITIALIZED = -32002,
  CD_RPC_REQUEST_FAILED = -32803,
  CD_RPC_CONTENT_MODIFIED = -32801,
  CD_RPC_REQUEST_CANCELLED = -32800
};

typedef enum cd_msg_kind {
  CD_MSG_INVALID = 0,   /* valid JSON, not a JSON-RPC message */
  CD_MSG_REQUEST,       /* method and id */
  CD_MSG_NOTIFICATION,  /* method, no id */
  CD_MSG_RESPONSE       /* id and result or error, no method */
} cd_msg_kind;

/* A classified message. All pointers are borrowed from `root`. */
typedef struct cd_message {
  cd_msg_kind kind;
  const char *method; /* requests and notifications */
  json_t *id;         /* integer or string; NULL for notifications, json null possible for invalid */
  json_t *params;     /* object or array, or NULL when absent */
  json_t *result;     /* responses */
  json_t *error;      /* responses */
} cd_message;

/* Parses one message body. NULL on invalid JSON, with a message in `error`. A lone UTF-16
 * surrogate escape or a byte that is no UTF-8 (which jansson rejects) is read as U+FFFD rather
 * than losing the message: an editor's change dropped so would put the document out of step. */
json_t *cd_jsonrpc_parse(const char *body, size_t len, char *error, size_t error_size);

/* Classifies a parsed message (borrowed). For CD_MSG_INVALID, `error` says
 * why and out->id is the request's id when one could be read (else NULL). */
cd_msg_kind cd_jsonrpc_classify(json_t *root, cd_message *out, char *error, size_t error_size);

/* {"jsonrpc":"2.0","id":id,"result":result}. Borrows `id`, steals `result`
 * (NULL means json null). NULL when out of memory. */
json_t *cd_jsonrpc_response(json_t *id, json_t *result);
/* {"jsonrpc":"2.0","id":id,"error":{"code":code,"message":message}}.
 * Borrows `id` (NULL means json null). */
json_t *cd_jsonrpc_error(json_t *id, int code, const char *message);
/* A notification; steals `params` (may be NULL: no params member). */
json_t *cd_jsonrpc_notification(const char *method, json_t *params);
/* A request with an integer id; steals `params`. */
json_t *cd_jsonrpc_request(json_int_t id, const char *method, json_t *params);

/* Serialises `msg` (borrowed) compactly and writes it framed to `fd`.
 * 0 on success, -1 on write failure or out of memory. */
int cd_jsonrpc_send(int fd, const json_t *msg);

/* Best effort: the id of a request from the first bytes of its body (used
 * to answer an oversized message). A new integer/string, or NULL. */
json_t *cd_jsonrpc_id_from_prefix(const char *prefix, size_t len);

#ifdef __cplusplus
}
#endif

#endif
