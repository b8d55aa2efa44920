/* Settings: initializationOptions, workspace/configuration (section
 * "copydesk") and didChangeConfiguration. Bad settings are shown to the
 * user and the rest keeps working. */
#include "config_json.h"
#include "copydesk/lsp_json.h"
#include "server_internal.h"

#include <stdio.h>
#include <string.h>

/* Reads a server switch: `true`/`false` or {"enabled": bool}. */
static bool read_switch(const json_t *v, bool *out, const char *name, char *error, size_t size) {
  if (v == NULL) return true;
  if (json_is_object(v)) v = json_object_get(v, "enabled");
  if (json_is_boolean(v)) {
    *out = json_is_true(v);
    return true;
  }
  snprintf(error, size, "%s must be true, false or {\"enabled\": bool}", name);
  return false;
}

static void send_refresh(cd_server *server, const char *method) {
  json_t *msg = cd_jsonrpc_request(server->next_request_id++, method, NULL);
  cd_server_send(server, msg);
  json_decref(msg);
}

void cd_server_apply_settings(cd_server *server, const json_t *settings, const char *origin) {
  char error[512] = "", message[700];
  json_t *copy = NULL;
  if (json_is_object(settings) && json_is_object(json_object_get(settings, "copydesk"))) {
    settings = json_object_get(settings, "copydesk"); /* {"copydesk": {...}} as well as {...} */
  }
  if (!json_is_object(settings)) {
    snprintf(message, sizeof message, "copydesk: settings from %s must be an object; defaults kept",
             origin);
    cd_server_show_message(server, 2, message);
    return;
  }
  bool inlay = server->inlay_hints, lens = server->code_lens;
  if (!read_switch(json_object_get(settings, "inlayHints"), &inlay, "inlayHints", error, sizeof error) ||
      !read_switch(json_object_get(settings, "codeLens"), &lens, "codeLens", error, sizeof error)) {
    snprintf(message, sizeof message, "copydesk: bad setting from %s: %s", origin, error);
    cd_server_show_message(server, 2, message);
    error[0] = '\0';
  }
  /* The analyzer's settings parser does not know the server's own switches. */
  copy = json_copy((json_t *)settings);
  if (copy == NULL) goto cleanup;
  json_object_del(copy, "inlayHints");
  json_object_del(copy, "codeLens");
  cd_config *config = cd_config_from_json(copy, error, sizeof error);
  if (error[0] != '\0') {
    snprintf(message, sizeof message, "copydesk: bad settings from %s: %s (defaults used there)",
             origin, error);
    cd_server_show_message(server, 2, message);
  }
  if (config == NULL) {
    cd_server_log("out of memory reading settings");
    goto cleanup;
  }
  cd_config_free(server->config);
  server->config = config;
  server->inlay_hints = inlay;
  server->code_lens = lens;
  server->config_generation++;
  if (server->state == CD_STATE_RUNNING) {
    cd_server_republish_all(server);
    if (server->caps.inlay_refresh) send_refresh(server, "workspace/inlayHint/refresh");
    if (server->caps.code_lens_refresh) send_refresh(server, "workspace/codeLens/refresh");
    if (server->caps.pull_diagnostics && server->caps.diagnostic_refresh) {
      send_refresh(server, "workspace/diagnostic/refresh");
    }
  }
cleanup:
  json_decref(copy);
}

void cd_server_request_configuration(cd_server *server) {
  if (!server->caps.configuration) return;
  server->config_request_id = server->next_request_id++;
  json_t *msg = cd_jsonrpc_request(server->config_request_id, "workspace/configuration",
                                   json_pack("{s:[{s:s}]}", "items", "section", "copydesk"));
  cd_server_send(server, msg);
  json_decref(msg);
}

void cd_server_configuration_response(cd_server *server, const cd_message *msg) {
  if (server->config_request_id == 0 || !json_is_integer(msg->id) ||
      json_integer_value(msg->id) != server->config_request_id) {
    return; /* an answer to a refresh request, or stale */
  }
  server->config_request_id = 0;
  if (msg->error != NULL) {
    cd_server_log("workspace/configuration failed; keeping the current settings");
    return;
  }
  json_t *settings = json_array_get(msg->result, 0);
  if (settings == NULL || json_is_null(settings)) return; /* nothing configured */
  cd_server_apply_settings(server, settings, "workspace/configuration");
}

void cd_server_did_change_configuration(cd_server *server, json_t *params) {
  json_t *settings = json_object_get(params, "settings");
  json_t *ours = json_object_get(settings, "copydesk");
  if (ours != NULL && !json_is_null(ours)) {
    cd_server_apply_settings(server, ours, "didChangeConfiguration");
  } else if (server->caps.configuration) {
    cd_server_request_configuration(server); /* pull model: the notification is only a nudge */
  }
}
