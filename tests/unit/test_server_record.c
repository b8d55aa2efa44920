/* The record in the server, over real pipes: an article whose front matter names an interview
 * transcript gets quote.altered, go-to-definition on a quote opens the transcript at the
 * passage, hover shows the passage, and a change to the transcript on disk re-checks the
 * article. */
#include "test_server_client.h"

#include <sys/stat.h>

static const char TRANSCRIPT[] =
    "[00:00:05] Q: Where does the plan stand?\n"
    "\n"
    "[00:00:12] RUIZ: Well, um, we signed the contract on Friday. The dredging will start in May.\n"
    "\n"
    "[00:02:24] RUIZ: We will not raise mooring fees to pay for it, I can promise that.\n";

static const char ARTICLE[] =
    "---\n"
    "sources:\n"
    "  - interview.txt\n"
    "---\n"
    "\n"
    "Ana Ruiz said the dredging would start soon.\n"
    "\n"
    "\"We signed the contract on Friday,\" Ruiz said. \"We will not raise mooring fees to pay for it, I can "
    "guarantee that,\" she said.\n";

static void write_file(const char *path, const char *text) {
  FILE *f = fopen(path, "w");
  assert_non_null(f);
  fputs(text, f);
  fclose(f);
}

/* A directory with a transcript and an article that names it. */
typedef struct desk {
  char dir[64], transcript[256], article[256], uri[300], transcript_uri[300];
} desk;

static void desk_make(desk *d, const char *transcript_text) {
  snprintf(d->dir, sizeof d->dir, "/tmp/copydesk-record-XXXXXX");
  assert_non_null(mkdtemp(d->dir));
  snprintf(d->transcript, sizeof d->transcript, "%s/interview.txt", d->dir);
  snprintf(d->article, sizeof d->article, "%s/article.md", d->dir);
  snprintf(d->uri, sizeof d->uri, "file://%s", d->article);
  snprintf(d->transcript_uri, sizeof d->transcript_uri, "file://%s", d->transcript);
  write_file(d->transcript, transcript_text);
  write_file(d->article, ARTICLE);
}

static void desk_remove(const desk *d) {
  unlink(d->transcript);
  unlink(d->article);
  rmdir(d->dir);
}

static json_t *at_quote(const char *uri, const char *needle) {
  size_t at = (size_t)(strstr(ARTICLE, needle) - ARTICLE);
  return json_pack("{s:{s:s},s:o}", "textDocument", "uri", uri, "position", test_position_json(ARTICLE, at, false));
}

static void test_record_features(void **state) {
  (void)state;
  desk dk;
  desk_make(&dk, TRANSCRIPT);
  const char *uri = dk.uri, *transcript = dk.transcript, *transcript_uri = dk.transcript_uri;

  client c;
  client_start(&c);
  json_t *init = client_initialize(&c,
                                   "{\"textDocument\":{\"hover\":{\"contentFormat\":[\"markdown\"]},"
                                   "\"codeAction\":{\"codeActionLiteralSupport\":{\"codeActionKind\":"
                                   "{\"valueSet\":[\"quickfix\"]}}}}}",
                                   NULL);
  assert_true(json_is_true(json_object_get(json_object_get(json_object_get(init, "result"), "capabilities"),
                                           "definitionProvider")));
  json_decref(init);
  client_open(&c, uri, "markdown", 1, ARTICLE);
  json_t *note = client_wait_note(&c, "textDocument/publishDiagnostics", uri, -1);
  json_t *d = find_code(json_object_get(json_object_get(note, "params"), "diagnostics"), "quote.altered");
  assert_non_null(d);
  assert_non_null(strstr(json_string_value(json_object_get(d, "message")), "'guarantee' here, 'promise'"));
  json_decref(note);

  /* the quick fix puts the record's word back */
  size_t at = (size_t)(strstr(ARTICLE, "guarantee") - ARTICLE);
  json_t *range = json_pack("{s:o,s:o}", "start", test_position_json(ARTICLE, at, false), "end",
                            test_position_json(ARTICLE, at + 9, false));
  json_t *r = client_request(&c, "textDocument/codeAction",
                             json_pack("{s:{s:s},s:o,s:{s:[]}}", "textDocument", "uri", uri, "range", range,
                                       "context", "diagnostics"));
  json_t *action, *fix = NULL;
  size_t k;
  json_array_foreach(json_object_get(r, "result"), k, action)
    if (strcmp(json_string_value(json_object_get(action, "title")), "Use the record's wording") == 0) fix = action;
  assert_non_null(fix);
  json_t *edits = json_object_get(json_object_get(json_object_get(fix, "edit"), "changes"), uri);
  char *fixed_article = test_apply_edits(ARTICLE, edits, false);
  assert_non_null(strstr(fixed_article, "I can promise that,\" she said."));
  free(fixed_article);
  json_decref(r);

  /* go-to-definition on a quote: the transcript at the passage (line 3, after the label) */
  r = client_request(&c, "textDocument/definition", at_quote(uri, "We signed"));
  json_t *loc = json_object_get(r, "result");
  assert_string_equal(json_string_value(json_object_get(loc, "uri")), transcript_uri);
  json_t *start = json_object_get(json_object_get(loc, "range"), "start");
  assert_int_equal(json_integer_value(json_object_get(start, "line")), 2);
  assert_int_equal(json_integer_value(json_object_get(start, "character")),
                   (json_int_t)(strstr(TRANSCRIPT, "we signed") - strstr(TRANSCRIPT, "[00:00:12]")));
  json_decref(r);
  /* nowhere to go from outside a quote */
  r = client_request(&c, "textDocument/definition", at_quote(uri, "dredging would"));
  assert_true(json_is_null(json_object_get(r, "result")));
  json_decref(r);

  /* hover: the passage, its place and speaker */
  r = client_request(&c, "textDocument/hover", at_quote(uri, "We signed"));
  const char *value = json_string_value(json_object_get(json_object_get(json_object_get(r, "result"), "contents"), "value"));
  assert_non_null(value);
  assert_non_null(strstr(value, "In the record:"));
  assert_non_null(strstr(value, "interview.txt line 3, RUIZ at 00:00:12"));
  assert_non_null(strstr(value, "**we signed the contract on Friday**"));
  json_decref(r);

  /* the transcript changes on disk: the article is checked again */
  write_file(transcript, "[00:02:24] RUIZ: We will not raise mooring fees to pay for it, I can guarantee that.\n"
                         "[00:00:12] RUIZ: We signed the contract on Friday.\n");
  client_notify(&c, "workspace/didChangeWatchedFiles",
                json_pack("{s:[{s:s,s:i}]}", "changes", "uri", transcript_uri, "type", 2));
  note = client_wait_note(&c, "textDocument/publishDiagnostics", uri, -1);
  assert_null(find_code(json_object_get(json_object_get(note, "params"), "diagnostics"), "quote.altered"));
  json_decref(note);
  client_shutdown(&c);
  desk_remove(&dk);
}

/* The related entry of a finding of the record that points at the passage in the source's file. */
static json_t *passage_entry(json_t *diagnostic, const char *source_uri) {
  json_t *rel;
  size_t i;
  json_array_foreach(json_object_get(diagnostic, "relatedInformation"), i, rel)
    if (strcmp(json_string_value(json_object_get(json_object_get(rel, "location"), "uri")), source_uri) == 0) return rel;
  return NULL;
}

static void assert_passage(json_t *rel, json_int_t line, json_int_t character, json_int_t end_character) {
  assert_non_null(rel);
  json_t *range = json_object_get(json_object_get(rel, "location"), "range");
  json_t *start = json_object_get(range, "start"), *end = json_object_get(range, "end");
  assert_int_equal(json_integer_value(json_object_get(start, "line")), line);
  assert_int_equal(json_integer_value(json_object_get(start, "character")), character);
  assert_int_equal(json_integer_value(json_object_get(end, "line")), line);
  assert_int_equal(json_integer_value(json_object_get(end, "character")), end_character);
  assert_non_null(strstr(json_string_value(json_object_get(rel, "message")),
                         "the record: RUIZ at 00:02:24 (differs), interview.txt line 5"));
}

/* The pushed diagnostics: quote.altered with the passage after the analyzer's own related span
 * when the client `supports` related information, none otherwise; never on other findings. */
static void check_pushed(client *c, const char *uri, const char *transcript_uri, bool supports, json_int_t from,
                         json_int_t to) {
  json_t *note = client_wait_note(c, "textDocument/publishDiagnostics", uri, -1);
  json_t *d = find_code(json_object_get(json_object_get(note, "params"), "diagnostics"), "quote.altered");
  assert_non_null(d);
  if (supports) {
    assert_passage(passage_entry(d, transcript_uri), 4, from, to);
    assert_string_equal(json_string_value(json_object_get(
                            json_object_get(json_array_get(json_object_get(d, "relatedInformation"), 0), "location"),
                            "uri")),
                        uri);
  } else {
    assert_null(json_object_get(d, "relatedInformation"));
  }
  json_t *attributed = find_code(json_object_get(json_object_get(note, "params"), "diagnostics"), "quote.attributed");
  assert_non_null(attributed);
  assert_null(passage_entry(attributed, transcript_uri));
  json_decref(note);
}

/* A finding of the record points at its passage (relatedInformation: the transcript's URI and
 * the passage's range, in UTF-16 units after a dash of three bytes), in pushed and pulled
 * diagnostics, but only for a client that says it shows related information. */
static void test_related_passage(void **state) {
  (void)state;
  static const char transcript_text[] =
      "[00:00:05] Q: Where does the plan stand?\n"
      "\n"
      "[00:00:12] RUIZ: Well, um, we signed the contract on Friday. The dredging will start in May.\n"
      "\n"
      "[00:02:24] RUIZ: Fees \xE2\x80\x94 we will not raise mooring fees to pay for it, I can promise that.\n";
  desk dk;
  desk_make(&dk, transcript_text);
  const char *uri = dk.uri, *transcript_uri = dk.transcript_uri;
  /* "we will not ... promise that" on line 4 (0-based), after the 22 units of
   * "[00:02:24] RUIZ: Fees ", the dash (one unit) and a space */
  json_int_t from = 24, to = from + (json_int_t)strlen("we will not raise mooring fees to pay for it, I can promise that");

  /* 0: no related information; 1: pushed, publishDiagnostics.relatedInformation; 2: pulled only,
   * textDocument.diagnostic.relatedInformation (LSP 3.18) */
  static const char *const caps[] = {
      "{\"textDocument\":{\"publishDiagnostics\":{}}}",
      "{\"textDocument\":{\"publishDiagnostics\":{\"relatedInformation\":true}}}",
      "{\"textDocument\":{\"diagnostic\":{\"relatedInformation\":true}}}",
  };
  for (int variant = 0; variant < 3; variant++) {
    bool supports = variant > 0;
    client c;
    client_start(&c);
    json_decref(client_initialize(&c, caps[variant], NULL));
    client_open(&c, uri, "markdown", 1, ARTICLE);
    if (variant < 2) check_pushed(&c, uri, transcript_uri, supports, from, to);

    /* pulled diagnostics say the same */
    json_t *r = client_request(&c, "textDocument/diagnostic", json_pack("{s:{s:s}}", "textDocument", "uri", uri));
    json_t *d = find_code(json_object_get(json_object_get(r, "result"), "items"), "quote.altered");
    assert_non_null(d);
    if (supports) assert_passage(passage_entry(d, transcript_uri), 4, from, to);
    else assert_null(json_object_get(d, "relatedInformation"));
    json_decref(r);
    client_shutdown(&c);
  }
  desk_remove(&dk);
}

/* A transcript saved with lone "\r" line ends (old Mac files) or "\r\n" ones: the passage is on
 * the line an editor shows, as with "\n" (before, a lone "\r" made the whole file one line). */
static void test_old_line_ends(void **state) {
  (void)state;
  static const char *const ends[] = {"\r", "\r\n"};
  for (int v = 0; v < 2; v++) {
    char text[sizeof TRANSCRIPT * 2];
    size_t n = 0;
    for (const char *p = TRANSCRIPT; *p; p++) {
      if (*p != '\n') text[n++] = *p;
      else for (const char *e = ends[v]; *e; e++) text[n++] = *e;
    }
    text[n] = '\0';
    desk dk;
    desk_make(&dk, text);
    client c;
    client_start(&c);
    json_decref(client_initialize(&c, "{}", NULL));
    client_open(&c, dk.uri, "markdown", 1, ARTICLE);
    json_decref(client_wait_note(&c, "textDocument/publishDiagnostics", dk.uri, -1));
    json_t *r = client_request(&c, "textDocument/definition", at_quote(dk.uri, "We signed"));
    json_t *start = json_object_get(json_object_get(json_object_get(r, "result"), "range"), "start");
    assert_non_null(start);
    assert_int_equal(json_integer_value(json_object_get(start, "line")), 2);
    assert_int_equal(json_integer_value(json_object_get(start, "character")),
                     (json_int_t)(strstr(TRANSCRIPT, "we signed") - strstr(TRANSCRIPT, "[00:00:12]")));
    json_decref(r);
    /* hover names the line and the speaker as with "\n" */
    r = client_request(&c, "textDocument/hover", at_quote(dk.uri, "We signed"));
    json_t *contents = json_object_get(json_object_get(r, "result"), "contents");
    const char *value = json_string_value(json_object_get(contents, "value"));
    assert_non_null(value);
    assert_non_null(strstr(value, "interview.txt line 3, RUIZ at 00:00:12"));
    json_decref(r);
    client_shutdown(&c);
    desk_remove(&dk);
  }
}

/* Does the article's latest publishDiagnostics have quote.altered? */
static bool altered_now(client *c, const char *uri) {
  json_t *note = client_wait_note(c, "textDocument/publishDiagnostics", uri, -1);
  bool found = find_code(json_object_get(json_object_get(note, "params"), "diagnostics"), "quote.altered") != NULL;
  json_decref(note);
  return found;
}

static void set_sources(client *c, const char *globs_json) {
  json_error_t jerr;
  client_notify(c, "workspace/didChangeConfiguration",
                json_pack("{s:{s:{s:o}}}", "settings", "copydesk", "sources", json_loads(globs_json, 0, &jerr)));
}

/* The editor's "sources" setting (initializationOptions, then didChangeConfiguration), relative
 * to the workspace folder; a transcript created in a listed directory joins when the client
 * says it was created; a closed article's sources are dropped and read afresh when reopened. */
static void test_editor_sources(void **state) {
  (void)state;
  char dir[] = "/tmp/copydesk-editor-sources-XXXXXX";
  assert_non_null(mkdtemp(dir));
  char notes[256], transcript[300], extra[300], article[256], uri[300], dir_uri[300], extra_uri[320];
  snprintf(notes, sizeof notes, "%s/notes", dir);
  assert_int_equal(mkdir(notes, 0700), 0);
  snprintf(transcript, sizeof transcript, "%s/interview.txt", notes);
  snprintf(extra, sizeof extra, "%s/call.txt", notes);
  snprintf(article, sizeof article, "%s/article.md", dir);
  snprintf(uri, sizeof uri, "file://%s", article);
  snprintf(dir_uri, sizeof dir_uri, "file://%s", dir);
  snprintf(extra_uri, sizeof extra_uri, "file://%s", extra);
  const char *text = strstr(ARTICLE, "---\n\n") + 5; /* no front matter: the editor names the sources */
  write_file(transcript, TRANSCRIPT);
  write_file(article, text);

  client c;
  client_start(&c);
  json_error_t jerr;
  json_decref(client_request(&c, "initialize",
                             json_pack("{s:o,s:[{s:s,s:s}],s:o}", "capabilities", json_object(), "workspaceFolders",
                                       "uri", dir_uri, "name", "desk", "initializationOptions",
                                       json_loads("{\"sources\": [\"notes\"]}", 0, &jerr))));
  client_notify(&c, "initialized", json_object());
  client_open(&c, uri, "markdown", 1, text);
  assert_true(altered_now(&c, uri));

  set_sources(&c, "[]");
  assert_false(altered_now(&c, uri));
  set_sources(&c, "[\"notes/*.txt\"]");
  assert_true(altered_now(&c, uri));

  /* a transcript where Ruiz says "guarantee" appears in notes/: the quote is in the record */
  write_file(extra, "[00:09:00] RUIZ: We will not raise mooring fees to pay for it, I can guarantee that.\n"
                    "[00:09:30] Q: Thank you.\n");
  client_notify(&c, "workspace/didChangeWatchedFiles",
                json_pack("{s:[{s:s,s:i}]}", "changes", "uri", extra_uri, "type", 1));
  assert_false(altered_now(&c, uri));

  /* closed, the transcripts change, opened again: checked against them as they are now */
  client_notify(&c, "textDocument/didClose", json_pack("{s:{s:s}}", "textDocument", "uri", uri));
  json_decref(client_wait_note(&c, "textDocument/publishDiagnostics", uri, -1));
  unlink(extra);
  client_open(&c, uri, "markdown", 2, text);
  assert_true(altered_now(&c, uri));
  client_shutdown(&c);
  unlink(transcript);
  unlink(article);
  rmdir(notes);
  rmdir(dir);
}

int main(void) {
  const struct CMUnitTest tests[] = {cmocka_unit_test(test_record_features), cmocka_unit_test(test_related_passage),
                                     cmocka_unit_test(test_old_line_ends),
                                     cmocka_unit_test(test_editor_sources)};
  return cmocka_run_group_tests(tests, NULL, NULL);
}
