/* Settings: defaults < the nearest `.copydesk.json` < the editor's settings
 * (initializationOptions, workspace/configuration section "copydesk",
 * didChangeConfiguration). Bad settings are shown to the user and skipped;
 * everything else keeps working. */
#define _POSIX_C_SOURCE 200809L
#include "config_file.h"
#include "config_json.h"
#include "copydesk/lsp_json.h"
#include "lsp_record.h"
#include "server_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static void send_refresh(cd_server *server, const char *method) {
  json_t *msg = cd_jsonrpc_request(server->next_request_id++, method, NULL);
  cd_server_send(server, msg);
  json_decref(msg);
}

static bool same_file(const char *a, const char *b) {
  return (a == NULL || b == NULL) ? a == b : strcmp(a, b) == 0;
}

/* Device, inode, size and nanosecond mtime: an editor that saves twice in one second, or replaces
 * the file by renaming a new one over it, still shows a change. */
static void stamp_file(const char *path, cd_file_stamp *out) {
  struct stat st;
  memset(out, 0, sizeof *out);
  if (path == NULL || stat(path, &st) != 0) return;
  out->exists = true;
  out->dev = (unsigned long long)st.st_dev;
  out->ino = (unsigned long long)st.st_ino;
  out->size = (unsigned long long)st.st_size;
  out->mtime_sec = (long long)st.st_mtim.tv_sec;
  out->mtime_nsec = (long long)st.st_mtim.tv_nsec;
}

static bool same_stamp(const cd_file_stamp *a, const cd_file_stamp *b) {
  return a->exists == b->exists && a->dev == b->dev && a->ino == b->ino && a->size == b->size &&
         a->mtime_sec == b->mtime_sec && a->mtime_nsec == b->mtime_nsec;
}

void cd_server_settings_clear(cd_server *server) {
  for (size_t i = 0; i < server->n_settings; i++) {
    free(server->settings[i].file);
    cd_settings_free(&server->settings[i].settings);
  }
  server->n_settings = 0;
}

static void show_errors(cd_server *server, const cd_config_errors *errors) {
  if (errors->len == 0) return;
  char message[2048];
  cd_config_errors_format(errors, message, sizeof message);
  cd_server_show_message(server, 2, message);
}

static cd_settings_entry *find_entry(cd_server *server, const char *file) {
  for (size_t i = 0; i < server->n_settings; i++) {
    if (same_file(server->settings[i].file, file)) return &server->settings[i];
  }
  return NULL;
}

/* The settings built for configuration file `file` (NULL: none), building them when missing. */
static const cd_settings *settings_for_file(cd_server *server, const char *file) {
  cd_settings_entry *found = find_entry(server, file);
  if (found != NULL) return &found->settings;
  if (server->n_settings == server->cap_settings) {
    size_t cap = server->cap_settings ? server->cap_settings * 2 : 4;
    cd_settings_entry *ns = realloc(server->settings, cap * sizeof *ns);
    if (ns == NULL) return NULL;
    server->settings = ns;
    server->cap_settings = cap;
  }
  cd_settings_entry *e = &server->settings[server->n_settings];
  e->file = NULL;
  if (file != NULL && (e->file = strdup(file)) == NULL) return NULL;
  stamp_file(file, &e->stamp); /* before reading: a change while we read shows at the next poll */
  if (!cd_settings_build(&e->settings, file, server->editor_settings)) {
    free(e->file);
    return NULL;
  }
  server->n_settings++;
  show_errors(server, &e->settings.errors);
  return &e->settings;
}

/* The `.copydesk.json` for a document: beside or above a file, else in the workspace. */
static char *config_path_for(const cd_server *server, const cd_doc *doc) {
  char *path = cd_lsp_uri_to_path(doc->uri);
  char *found = path != NULL ? cd_config_find_for_file(path)
                             : (server->root_dir != NULL ? cd_config_find(server->root_dir) : NULL);
  free(path);
  return found;
}

static void look_up_config_file(cd_server *server, cd_doc *doc) {
  if (doc->config_looked_up) return;
  doc->config_file = config_path_for(server, doc);
  doc->config_looked_up = true;
}

void cd_server_poll_config_files(cd_server *server) {
  for (size_t i = 0; i < cd_doc_store_count(server->docs); i++) {
    const cd_doc *doc = cd_doc_store_at(server->docs, i);
    if (!doc->config_looked_up) continue; /* not analysed yet: it will look when it is */
    char *path = config_path_for(server, doc);
    bool changed = !same_file(path, doc->config_file);
    const cd_settings_entry *entry = changed || path == NULL ? NULL : find_entry(server, path);
    if (entry != NULL) {
      cd_file_stamp now;
      stamp_file(path, &now);
      changed = !same_stamp(&now, &entry->stamp);
    }
    free(path);
    if (changed) {
      cd_server_config_file_changed(server);
      return;
    }
  }
}

void cd_server_watch_files(cd_server *server, const char *id, const char *glob) {
  if (!server->caps.watch_registration) return;
  json_t *msg = cd_jsonrpc_request(
      server->next_request_id++, "client/registerCapability",
      json_pack("{s:[{s:s,s:s,s:{s:[{s:s}]}}]}", "registrations", "id", id, "method",
                "workspace/didChangeWatchedFiles", "registerOptions", "watchers", "globPattern", glob));
  cd_server_send(server, msg);
  json_decref(msg);
}

void cd_server_watch_config_files(cd_server *server) {
  cd_server_watch_files(server, "copydesk.configFiles", "**/" CD_CONFIG_FILE_NAME);
}

const cd_settings *cd_server_settings_for(cd_server *server, cd_doc *doc) {
  look_up_config_file(server, doc);
  return settings_for_file(server, doc->config_file);
}

size_t cd_server_max_hints(cd_server *server, cd_doc *doc) {
  const cd_settings *settings = cd_server_settings_for(server, doc);
  return settings != NULL ? settings->server.max_hints : CD_MAX_HINTS_DEFAULT;
}

/* Rebuilds everything after a change and re-analyses the open documents. */
static void settings_changed(cd_server *server) {
  cd_server_settings_clear(server);
  server->config_generation++;
  if (server->state != CD_STATE_RUNNING) {
    /* During initialize: build the workspace's settings now so problems show at once. */
    char *file = server->root_dir != NULL ? cd_config_find(server->root_dir) : NULL;
    settings_for_file(server, file);
    free(file);
    return;
  }
  if (cd_doc_store_count(server->docs) == 0) {
    char *file = server->root_dir != NULL ? cd_config_find(server->root_dir) : NULL;
    settings_for_file(server, file);
    free(file);
  }
  cd_server_republish_all(server);
  if (server->caps.inlay_refresh) send_refresh(server, "workspace/inlayHint/refresh");
  if (server->caps.code_lens_refresh) send_refresh(server, "workspace/codeLens/refresh");
  if (server->caps.pull_diagnostics && server->caps.diagnostic_refresh) {
    send_refresh(server, "workspace/diagnostic/refresh");
  }
}

void cd_server_apply_settings(cd_server *server, const json_t *settings, const char *origin) {
  char message[512];
  if (json_is_object(settings) && json_is_object(json_object_get(settings, "copydesk"))) {
    settings = json_object_get(settings, "copydesk"); /* {"copydesk": {...}} as well as {...} */
  }
  json_t *empty = NULL;
  if (json_is_null(settings) || (json_is_array(settings) && json_array_size(settings) == 0)) {
    settings = empty = json_object(); /* Neovim sends an empty table as [] */
  }
  if (!json_is_object(settings)) {
    snprintf(message, sizeof message,
             "copydesk: the settings from %s must be an object; the previous settings are kept", origin);
    cd_server_show_message(server, 2, message);
    return;
  }
  if (server->editor_settings != NULL && json_equal(server->editor_settings, (json_t *)settings)) {
    json_decref(empty); /* unchanged: no re-analysis and no refresh requests for the client to chase */
    return;
  }
  json_decref(server->editor_settings);
  server->editor_settings = json_incref((json_t *)settings);
  json_decref(empty);
  settings_changed(server);
}

void cd_server_config_file_changed(cd_server *server) {
  /* A file may have appeared or gone: look every document's file up again. */
  for (size_t i = 0; i < cd_doc_store_count(server->docs); i++) {
    cd_doc *doc = cd_doc_store_at(server->docs, i);
    free(doc->config_file);
    doc->config_file = NULL;
    doc->config_looked_up = false;
  }
  settings_changed(server);
}

static bool is_config_uri(const char *uri) {
  size_t n = strlen(uri), k = strlen("/" CD_CONFIG_FILE_NAME);
  return n >= k && strcmp(uri + n - k, "/" CD_CONFIG_FILE_NAME) == 0;
}

bool cd_server_is_config_doc(const cd_doc *doc) { return is_config_uri(doc->uri); }

void cd_server_did_change_watched_files(cd_server *server, json_t *params) {
  size_t i;
  json_t *change;
  bool came_or_went = false;
  json_array_foreach(json_object_get(params, "changes"), i, change) {
    const char *uri = json_string_value(json_object_get(change, "uri"));
    if (uri != NULL && is_config_uri(uri)) {
      cd_server_config_file_changed(server);
      return;
    }
    json_int_t type = json_integer_value(json_object_get(change, "type"));
    came_or_went |= type == 1 || type == 3; /* Created, Deleted: a glob of the record may name it */
  }
  /* a changed source is seen by the poll before each message; new and deleted ones need a new listing */
  if (came_or_went) cd_server_record_files_changed(server);
}

json_t *cd_server_config_diagnostics(cd_server *server, const cd_doc *doc) {
  cd_config_errors errors;
  cd_config_errors_init(&errors);
  char *path = cd_lsp_uri_to_path(doc->uri);
  cd_config_apply_text(NULL, NULL, doc->text, doc->len, path != NULL ? path : doc->uri, &errors);
  free(path);
  json_t *items = json_array();
  for (size_t i = 0; items != NULL && i < errors.len; i++) {
    const cd_config_error *e = &errors.items[i];
    json_t *range;
    if (e->start != CD_NONE && e->end != CD_NONE) {
      range = cd_lsp_range_json(doc->lines, e->start, e->end, server->enc);
    } else {
      /* Only a line and a column (in characters) are known. */
      cd_position pos = {e->line > 0 ? (uint32_t)e->line - 1 : 0, e->column > 0 ? (uint32_t)e->column - 1 : 0};
      size_t off = cd_line_index_offset(doc->lines, pos, CD_ENC_UTF32);
      range = cd_lsp_range_json(doc->lines, off, off, server->enc);
    }
    json_array_append_new(items, json_pack("{s:o,s:i,s:s,s:s,s:s}", "range", range, "severity", 1,
                                           "code", "config", "source", "copydesk", "message",
                                           e->detail != NULL ? e->detail : e->message));
  }
  cd_config_errors_free(&errors);
  return items;
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
