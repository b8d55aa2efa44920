/* Settings precedence over pipes: defaults < the nearest .copydesk.json <
 * editor settings; a bad file is reported; an open .copydesk.json buffer gets
 * diagnostics; saving it reloads. */
#include "test_server_client.h"

#include "copydesk/lsp_json.h"

#include <sys/stat.h>

static const char STORY[] = "Headline\n\n\"We will win.\"\n";

static void write_file(const char *path, const char *text) {
  FILE *f = fopen(path, "w");
  assert_non_null(f);
  fputs(text, f);
  fclose(f);
}

/* "/tmp/cd test.ab12/x" -> "file:///tmp/cd%20test.ab12/x" */
static void to_uri(char *out, size_t size, const char *path) {
  size_t o = (size_t)snprintf(out, size, "file://");
  for (const char *p = path; *p != '\0' && o + 4 < size; p++) {
    if (*p == ' ') o += (size_t)snprintf(out + o, size - o, "%%20");
    else out[o++] = *p;
  }
  out[o] = '\0';
}

static json_t *severity_of(client *c, const char *uri, long long version, const char *code) {
  json_t *note = client_wait_note(c, "textDocument/publishDiagnostics", uri, version);
  json_t *d = find_code(json_object_get(json_object_get(note, "params"), "diagnostics"), code);
  json_t *sev = d != NULL ? json_incref(json_object_get(d, "severity")) : NULL;
  json_decref(note);
  return sev;
}

static void test_precedence_and_reload(void **state) {
  (void)state;
  char dir[] = "/tmp/cd test.XXXXXX";
  assert_non_null(mkdtemp(dir));
  char cfg[256], story[256], uri_story[512], uri_cfg[512], uri_dir[512];
  snprintf(cfg, sizeof cfg, "%s/.copydesk.json", dir);
  snprintf(story, sizeof story, "%s/story.txt", dir);
  write_file(cfg, "{\"rules\": {\"quote.unattributed\": \"off\"}}\n");
  to_uri(uri_story, sizeof uri_story, story);
  to_uri(uri_cfg, sizeof uri_cfg, cfg);
  to_uri(uri_dir, sizeof uri_dir, dir);

  client c;
  client_start(&c);
  json_decref(client_initialize(&c, NULL, NULL));
  /* The file beside the story switches the rule off; an untitled buffer has no file. */
  client_open(&c, uri_story, "plaintext", 1, STORY);
  assert_null(severity_of(&c, uri_story, 1, "quote.unattributed"));
  client_open(&c, "untitled:1", "plaintext", 1, STORY);
  json_t *sev = severity_of(&c, "untitled:1", 1, "quote.unattributed");
  assert_non_null(sev);
  json_decref(sev);
  /* Editor settings win over the file. */
  client_notify(&c, "workspace/didChangeConfiguration",
                json_pack("{s:{s:{s:{s:s}}}}", "settings", "copydesk", "rules", "quote.unattributed", "error"));
  sev = severity_of(&c, uri_story, 1, "quote.unattributed");
  assert_non_null(sev);
  assert_int_equal(json_integer_value(sev), 1);
  json_decref(sev);
  client_notify(&c, "workspace/didChangeConfiguration", json_pack("{s:{s:{}}}", "settings", "copydesk"));
  assert_null(severity_of(&c, uri_story, 1, "quote.unattributed"));
  /* A bad file: shown to the user, the rest still works, and its buffer gets a diagnostic. */
  write_file(cfg, "{\"rules\": {\"quote.unattributed\": \"loud\"}}\n");
  client_open(&c, uri_cfg, "json", 1, "{\"rules\": {\"quote.unattributed\": \"loud\"}}\n");
  json_t *note = client_wait_note(&c, "textDocument/publishDiagnostics", uri_cfg, 1);
  json_t *d = json_array_get(json_object_get(json_object_get(note, "params"), "diagnostics"), 0);
  assert_non_null(d);
  assert_string_equal(json_string_value(json_object_get(d, "code")), "config");
  json_t *start = json_object_get(json_object_get(d, "range"), "start");
  assert_int_equal(json_integer_value(json_object_get(start, "character")), 33); /* "loud" */
  json_decref(note);
  client_notify(&c, "textDocument/didSave", json_pack("{s:{s:s}}", "textDocument", "uri", uri_cfg));
  json_t *msg = client_wait_note(&c, "window/showMessage", NULL, -1);
  assert_non_null(strstr(json_string_value(json_object_get(json_object_get(msg, "params"), "message")), "loud"));
  json_decref(msg);
  sev = severity_of(&c, uri_story, 1, "quote.unattributed"); /* the bad value is skipped: default */
  assert_non_null(sev);
  json_decref(sev);
  client_shutdown(&c);

  /* The workspace folder's file applies to untitled buffers. */
  write_file(cfg, "{\"rules\": {\"quote.unattributed\": \"off\"}}\n");
  client_start(&c);
  json_t *params = json_pack("{s:{},s:[{s:s,s:s}]}", "capabilities", "workspaceFolders", "uri", uri_dir, "name", "ws");
  json_t *r = client_request(&c, "initialize", params);
  json_decref(r);
  client_notify(&c, "initialized", json_object());
  client_open(&c, "untitled:2", "plaintext", 1, STORY);
  assert_null(severity_of(&c, "untitled:2", 1, "quote.unattributed"));
  client_shutdown(&c);
  unlink(cfg);
  rmdir(dir);
}

static void change_to(client *c, const char *uri, long long version, const char *text) {
  client_notify(c, "textDocument/didChange",
                json_pack("{s:{s:s,s:I},s:[{s:s}]}", "textDocument", "uri", uri, "version", (json_int_t)version,
                          "contentChanges", "text", text));
}

/* A client that tells the server nothing (Neovim 0.7): a file that appears, changes or goes
 * applies at the next message. One that can watch files is asked to. */
static void test_change_noticed_without_notice(void **state) {
  (void)state;
  char dir[] = "/tmp/cd poll.XXXXXX";
  assert_non_null(mkdtemp(dir));
  char cfg[256], story[256], uri_story[512];
  snprintf(cfg, sizeof cfg, "%s/.copydesk.json", dir);
  snprintf(story, sizeof story, "%s/story.txt", dir);
  to_uri(uri_story, sizeof uri_story, story);

  client c;
  client_start(&c);
  json_decref(client_initialize(&c, NULL, NULL));
  client_open(&c, uri_story, "plaintext", 1, STORY);
  json_t *sev = severity_of(&c, uri_story, 1, "quote.unattributed");
  assert_int_equal(json_integer_value(sev), 2);
  json_decref(sev);
  write_file(cfg, "{\"rules\": {\"quote.unattributed\": \"error\"}}\n"); /* appears */
  change_to(&c, uri_story, 2, STORY);
  sev = severity_of(&c, uri_story, 2, "quote.unattributed");
  assert_int_equal(json_integer_value(sev), 1);
  json_decref(sev);
  write_file(cfg, "{\"rules\": {\"quote.unattributed\": \"info\"}}\n"); /* changes, same second */
  change_to(&c, uri_story, 3, STORY);
  sev = severity_of(&c, uri_story, 3, "quote.unattributed");
  assert_int_equal(json_integer_value(sev), 3);
  json_decref(sev);
  unlink(cfg); /* goes */
  change_to(&c, uri_story, 4, STORY);
  sev = severity_of(&c, uri_story, 4, "quote.unattributed");
  assert_int_equal(json_integer_value(sev), 2);
  json_decref(sev);
  assert_false(client_inbox_has(&c, "client/registerCapability"));
  client_shutdown(&c);

  client_start(&c);
  json_decref(client_initialize(&c, "{\"workspace\":{\"didChangeWatchedFiles\":{\"dynamicRegistration\":true}}}", NULL));
  json_t *reg = client_wait_note(&c, "client/registerCapability", NULL, -1);
  json_t *r0 = json_array_get(cd_json_path(reg, "params", "registrations", NULL), 0);
  assert_string_equal(json_string_value(json_object_get(r0, "method")), "workspace/didChangeWatchedFiles");
  json_t *w0 = json_array_get(cd_json_path(r0, "registerOptions", "watchers", NULL), 0);
  assert_string_equal(json_string_value(json_object_get(w0, "globPattern")), "**/.copydesk.json");
  json_decref(reg);
  client_shutdown(&c);
  rmdir(dir);
}

/* Changes in a burst on a long text (over 256 KB, where publishing is held back): whatever is
 * held, the last text's diagnostics always go out. */
static void test_burst_ends_with_last_text(void **state) {
  (void)state;
  size_t cap = 400 * 1024, len = 0;
  char *text = malloc(cap);
  len += (size_t)snprintf(text, cap, "%s\n", STORY);
  for (int i = 0; len < 300 * 1024; i++) {
    len += (size_t)snprintf(text + len, cap - len, "A plain line of filler, number %d, with no quotes in it.\n", i);
  }
  client c;
  client_start(&c);
  json_decref(client_initialize(&c, NULL, NULL));
  client_open(&c, "untitled:burst", "plaintext", 1, text);
  json_decref(client_wait_note(&c, "textDocument/publishDiagnostics", "untitled:burst", 1));
  for (int v = 2; v <= 30; v++) {
    /* after the headline: a paragraph of filler each time, then a quote nobody said */
    const char *insert = v == 30 ? "\"Last words.\"\n\n" : "More filler.\n\n";
    client_notify(&c, "textDocument/didChange",
                  json_pack("{s:{s:s,s:i},s:[{s:{s:{s:i,s:i},s:{s:i,s:i}},s:s}]}", "textDocument", "uri",
                            "untitled:burst", "version", v, "contentChanges", "range", "start", "line", 2,
                            "character", 0, "end", "line", 2, "character", 0, "text", insert));
  }
  json_t *note = client_wait_note(&c, "textDocument/publishDiagnostics", "untitled:burst", 30);
  json_t *items = cd_json_path(note, "params", "diagnostics", NULL);
  assert_int_equal(json_array_size(items), 2); /* both quotes of the last text */
  json_decref(note);
  client_shutdown(&c);
  free(text);
}

int main(void) {
  const struct CMUnitTest tests[] = {cmocka_unit_test(test_precedence_and_reload),
                                     cmocka_unit_test(test_change_noticed_without_notice),
                                     cmocka_unit_test(test_burst_ends_with_last_text)};
  return cmocka_run_group_tests(tests, NULL, NULL);
}
