/* Server features against the real binary, checked against an in-process
 * analysis of the same text so the tests hold whatever the analyzer's
 * heuristics: diagnostics and their UTF-16/UTF-8 ranges, hover, inlay hints,
 * symbols, code lens, code actions applied to the text, pull diagnostics. */
#include "test_server_client.h"

#include "copydesk/analyzer.h"
#include "copydesk/lsp_json.h"

static const char ARTICLE[] =
    "Zo\xC3\xAB Brandt \xF0\x9F\x98\x80 runs the caf\xC3\xA9 in Orl\xC3\xA9" "ans.\n"
    "\n"
    "\"We will win,\" Jane Smith said. The hall emptied.\n"
    "\n"
    "\"We will win.\"\n"
    "\n"
    "Caf\xC3\xA9 \xF0\x9F\x8E\x89 news \xE2\x80\x94 \"Prices will rise,\" Zo\xC3\xAB Brandt said. "
    "\"Nobody wants that.\"\n";

#define URI "untitled:Untitled-1"

/* Byte offsets of an LSP range, by the test's own converter. */
static void range_bytes(const char *text, const json_t *range, bool utf8, size_t *s, size_t *e) {
  *s = test_range_offset(text, json_object_get(range, "start"), utf8);
  *e = test_range_offset(text, json_object_get(range, "end"), utf8);
}

/* Every published diagnostic is the analyzer's, at the same bytes. */
static void check_diagnostics_match(const char *text, const json_t *items, bool utf8) {
  cd_report *report = cd_analyze(text, strlen(text), CD_FORMAT_PLAINTEXT, NULL);
  size_t n;
  const cd_diagnostic *ds = cd_report_diagnostics(report, &n);
  assert_int_equal(json_array_size(items), n);
  for (size_t i = 0; i < n; i++) {
    json_t *d = json_array_get(items, i);
    size_t s, e;
    range_bytes(text, json_object_get(d, "range"), utf8, &s, &e);
    assert_int_equal(s, ds[i].span.start);
    assert_int_equal(e, ds[i].span.end);
    assert_string_equal(json_string_value(json_object_get(d, "code")), ds[i].code);
    assert_string_equal(json_string_value(json_object_get(d, "source")), "copydesk");
    assert_string_equal(json_string_value(json_object_get(d, "message")), ds[i].message);
  }
  cd_report_free(report);
}

static void test_diagnostics_utf16_and_close(void **state) {
  (void)state;
  client c;
  client_start(&c);
  json_decref(client_initialize(&c, "{\"textDocument\":{\"publishDiagnostics\":{\"relatedInformation\":true}}}", NULL));
  client_open(&c, URI, "plaintext", 0, ARTICLE);
  json_t *note = client_wait_note(&c, "textDocument/publishDiagnostics", URI, 0);
  json_t *items = json_object_get(json_object_get(note, "params"), "diagnostics");
  check_diagnostics_match(ARTICLE, items, false);
  json_t *un = find_code(items, "quote.unattributed");
  assert_non_null(un); /* "We will win." alone in its paragraph */
  assert_int_equal(json_integer_value(json_object_get(json_object_get(json_object_get(un, "range"), "start"), "line")), 4);
  assert_null(json_object_get(un, "codeDescription")); /* the client did not declare codeDescriptionSupport */
  json_decref(note);
  client_notify(&c, "textDocument/didClose", json_pack("{s:{s:s}}", "textDocument", "uri", URI));
  note = client_wait_note(&c, "textDocument/publishDiagnostics", URI, -1);
  assert_int_equal(json_array_size(json_object_get(json_object_get(note, "params"), "diagnostics")), 0);
  json_decref(note);
  client_shutdown(&c);
}

static void test_negotiated_utf8(void **state) {
  (void)state;
  client c;
  client_start(&c);
  json_t *r = client_initialize(&c,
                                "{\"general\":{\"positionEncodings\":[\"utf-16\",\"utf-8\"]},"
                                "\"textDocument\":{\"publishDiagnostics\":{\"codeDescriptionSupport\":true}}}",
                                NULL);
  assert_string_equal(json_string_value(json_object_get(json_object_get(json_object_get(r, "result"), "capabilities"), "positionEncoding")), "utf-8");
  json_decref(r);
  client_open(&c, URI, "plaintext", 7, ARTICLE);
  json_t *note = client_wait_note(&c, "textDocument/publishDiagnostics", URI, 7);
  json_t *items = json_object_get(json_object_get(note, "params"), "diagnostics");
  check_diagnostics_match(ARTICLE, items, true);
  /* Each diagnostic links its rule's page, docs/rules/<code>.md. */
  assert_true(json_array_size(items) > 0);
  for (size_t i = 0; i < json_array_size(items); i++) {
    json_t *d = json_array_get(items, i);
    const char *href = json_string_value(json_object_get(json_object_get(d, "codeDescription"), "href"));
    assert_non_null(href);
    char tail[128];
    snprintf(tail, sizeof tail, "/%s.md", json_string_value(json_object_get(d, "code")));
    assert_true(strlen(href) > strlen(tail) && strcmp(href + strlen(href) - strlen(tail), tail) == 0);
  }
  json_decref(note);
  client_shutdown(&c);
}

/* A hover request at byte offset `at` of ARTICLE (UTF-16 position). */
static json_t *hover_at(client *c, size_t at) {
  return client_request(c, "textDocument/hover",
                        json_pack("{s:{s:s},s:o}", "textDocument", "uri", URI, "position",
                                  test_position_json(ARTICLE, at, false)));
}

static void test_hover(void **state) {
  (void)state;
  client c;
  client_start(&c);
  json_decref(client_initialize(&c, "{\"textDocument\":{\"hover\":{\"contentFormat\":[\"markdown\",\"plaintext\"]}}}", NULL));
  client_open(&c, URI, "plaintext", 0, ARTICLE);
  /* On the attributed quote. */
  size_t at = (size_t)(strstr(ARTICLE, "We will win,") - ARTICLE);
  json_t *r = hover_at(&c, at);
  json_t *result = json_object_get(r, "result");
  const char *value = json_string_value(json_object_get(json_object_get(result, "contents"), "value"));
  assert_non_null(value);
  assert_non_null(strstr(value, "Jane Smith"));
  assert_string_equal(json_string_value(json_object_get(json_object_get(result, "contents"), "kind")), "markdown");
  json_decref(r);
  /* On the verb of saying: the quote it attributes. */
  at = (size_t)(strstr(ARTICLE, "Smith said") - ARTICLE) + 6;
  r = hover_at(&c, at);
  value = json_string_value(json_object_get(json_object_get(json_object_get(r, "result"), "contents"), "value"));
  assert_non_null(value);
  assert_non_null(strstr(value, "Said by **Jane Smith**"));
  json_decref(r);
  /* On the unattributed quote: why nobody was found. */
  at = (size_t)(strstr(ARTICLE, "We will win.\"") - ARTICLE);
  r = hover_at(&c, at);
  value = json_string_value(json_object_get(json_object_get(json_object_get(r, "result"), "contents"), "value"));
  assert_non_null(value);
  assert_non_null(strstr(value, "No speaker found"));
  json_decref(r);
  /* After an emoji: the hover's range is the analyzer's quote span, in UTF-16. */
  at = (size_t)(strstr(ARTICLE, "Prices") - ARTICLE);
  cd_report *report = cd_analyze(ARTICLE, strlen(ARTICLE), CD_FORMAT_PLAINTEXT, NULL);
  size_t nq;
  const cd_quote *qs = cd_report_quotes(report, &nq);
  const cd_quote *q = NULL;
  for (size_t i = 0; i < nq; i++) {
    if (qs[i].span.start <= at && at < qs[i].span.end) q = &qs[i];
  }
  r = hover_at(&c, at);
  if (q != NULL) {
    size_t s, e;
    json_t *range = json_object_get(json_object_get(r, "result"), "range");
    assert_non_null(range);
    range_bytes(ARTICLE, range, false, &s, &e);
    assert_true(s <= at && at < e);
    assert_true(s >= q->span.start && e <= q->span.end); /* the quote or a name inside it */
  }
  json_decref(r);
  cd_report_free(report);
  /* Out of range: no crash, an answer. */
  r = client_request(&c, "textDocument/hover",
                     json_pack("{s:{s:s},s:{s:i,s:i}}", "textDocument", "uri", URI, "position", "line",
                               5000, "character", 5000));
  assert_null(json_object_get(r, "error"));
  json_decref(r);
  client_shutdown(&c);
}

/* The plain-text hover of `text` (opened in a fresh server) at the start of its first `word`,
 * as a malloc'd string. */
static char *plaintext_hover(const char *text, const char *word) {
  client c;
  client_start(&c);
  json_decref(client_initialize(&c, "{\"textDocument\":{\"hover\":{\"contentFormat\":[\"plaintext\"]}}}", NULL));
  client_open(&c, URI, "plaintext", 0, text);
  size_t at = (size_t)(strstr(text, word) - text);
  json_t *r = client_request(&c, "textDocument/hover",
                             json_pack("{s:{s:s},s:o}", "textDocument", "uri", URI, "position",
                                       test_position_json(text, at, false)));
  const char *value =
      json_string_value(json_object_get(json_object_get(json_object_get(r, "result"), "contents"), "value"));
  assert_non_null(value);
  char *copy = strdup(value);
  json_decref(r);
  client_shutdown(&c);
  return copy;
}

/* A quote run over two paragraphs whose tag is in the second: the first paragraph's hover says
 * it runs on into the tagged quote, and where. */
static void test_hover_run_on_quote(void **state) {
  (void)state;
  char *value = plaintext_hover("Shed painter\n\nThe canvases are stacked against every wall.\n\n"
                                "\"Nobody asked to see them.\n\n\"I did not mind that,\" Ngozi Abara said.\n",
                                "Nobody");
  assert_non_null(strstr(value, "Ngozi Abara"));
  assert_non_null(strstr(value, "runs on into the quote (line 7)"));
  free(value);
}

/* A headline's quote of words the story quotes from someone: the hover names them and the quote it
 * repeats. */
static void test_hover_headline_echo(void **state) {
  (void)state;
  char *value = plaintext_hover("Sailor says 'I thought that was it'\n\nThe yacht rolled twice in the night.\n\n"
                                "\"When the mast went, I thought that was it,\" Ines Varga said.\n",
                                "I thought");
  assert_non_null(strstr(value, "Ines Varga"));
  assert_non_null(strstr(value, "repeats the words of the quote (line 5)"));
  free(value);
}

/* A quote a document relays: the source is the speaker, and the hover names whose words they are. */
static void test_hover_relayed_quote(void **state) {
  (void)state;
  char *value = plaintext_hover("Publicist sued\n\nLena Marsh sued her publicist, Ivo Trent, on Monday.\n\n"
                                "\"Ready when you are,\" Trent replied, according to the complaint.\n",
                                "Ready");
  assert_non_null(strstr(value, "Said by the complaint"));
  assert_non_null(strstr(value, "The words are Ivo Trent's"));
  free(value);
}

static void test_plaintext_hover_fallback(void **state) {
  (void)state;
  client c;
  client_start(&c);
  json_decref(client_initialize(&c, "{\"textDocument\":{\"hover\":{\"contentFormat\":[\"plaintext\"]}}}", NULL));
  client_open(&c, URI, "plaintext", 0, ARTICLE);
  size_t at = (size_t)(strstr(ARTICLE, "We will win.\"") - ARTICLE);
  json_t *r = hover_at(&c, at);
  json_t *contents = json_object_get(json_object_get(r, "result"), "contents");
  assert_string_equal(json_string_value(json_object_get(contents, "kind")), "plaintext");
  assert_null(strstr(json_string_value(json_object_get(contents, "value")), "**"));
  json_decref(r);
  client_shutdown(&c);
}

static json_t *whole_range(void) {
  return json_pack("{s:{s:i,s:i},s:{s:i,s:i}}", "start", "line", 0, "character", 0, "end", "line",
                   1000, "character", 0);
}

static void test_inlay_symbols_lens(void **state) {
  (void)state;
  client c;
  client_start(&c);
  json_decref(client_initialize(&c, "{\"textDocument\":{\"documentSymbol\":{\"hierarchicalDocumentSymbolSupport\":true}}}", NULL));
  client_open(&c, URI, "plaintext", 0, ARTICLE);
  json_t *r = client_request(&c, "textDocument/inlayHint",
                             json_pack("{s:{s:s},s:o}", "textDocument", "uri", URI, "range", whole_range()));
  json_t *hints = json_object_get(r, "result");
  bool saw_jane = false, saw_unknown = false;
  size_t i;
  json_t *h;
  json_array_foreach(hints, i, h) {
    const char *label = json_string_value(json_object_get(h, "label"));
    unsigned line = (unsigned)json_integer_value(json_object_get(json_object_get(h, "position"), "line"));
    if (strcmp(label, "— Jane Smith") == 0 && line == 2) saw_jane = true;
    if (strcmp(label, "— no speaker") == 0 && line == 4) saw_unknown = true;
  }
  assert_true(saw_jane);
  assert_true(saw_unknown);
  json_decref(r);

  r = client_request(&c, "textDocument/documentSymbol", json_pack("{s:{s:s}}", "textDocument", "uri", URI));
  json_t *syms = json_object_get(r, "result");
  bool jane = false, unattributed = false;
  json_array_foreach(syms, i, h) {
    const char *name = json_string_value(json_object_get(h, "name"));
    json_t *children = json_object_get(h, "children");
    assert_true(json_array_size(children) >= 1);
    if (strcmp(name, "Jane Smith") == 0) jane = json_array_size(children) == 1;
    if (strcmp(name, "Unattributed") == 0) unattributed = true;
  }
  assert_true(jane);
  assert_true(unattributed);
  json_decref(r);

  r = client_request(&c, "textDocument/codeLens", json_pack("{s:{s:s}}", "textDocument", "uri", URI));
  json_t *lens = json_array_get(json_object_get(r, "result"), 0);
  const char *title = json_string_value(json_object_get(json_object_get(lens, "command"), "title"));
  unsigned quotes = 0, unattr = 0, sources = 0;
  assert_int_equal(sscanf(title, "%u quote%*[s] · %u unattributed · %u source", &quotes, &unattr, &sources), 3);
  assert_true(quotes >= 2 && unattr >= 1 && sources >= 1);
  assert_int_equal(json_integer_value(json_object_get(json_object_get(json_object_get(lens, "range"), "start"), "line")), 0);
  json_decref(r);
  client_shutdown(&c);
}

static void test_switches_and_settings(void **state) {
  (void)state;
  client c;
  client_start(&c);
  /* A bad value is shown to the user; the good one still applies. */
  json_decref(client_initialize(&c, "{\"workspace\":{\"configuration\":true}}",
                                "{\"inlayHints\":false,\"codeLens\":\"sometimes\"}"));
  json_t *msg = client_wait_note(&c, "window/showMessage", NULL, -1);
  assert_non_null(strstr(json_string_value(json_object_get(json_object_get(msg, "params"), "message")), "codeLens"));
  json_decref(msg);
  client_open(&c, URI, "plaintext", 0, ARTICLE);
  json_t *r = client_request(&c, "textDocument/inlayHint",
                             json_pack("{s:{s:s},s:o}", "textDocument", "uri", URI, "range", whole_range()));
  assert_int_equal(json_array_size(json_object_get(r, "result")), 0);
  json_decref(r);
  /* The server asks for the copydesk section; answer it. */
  json_t *req = client_wait_note(&c, "workspace/configuration", NULL, -1);
  assert_string_equal(json_string_value(json_object_get(json_array_get(json_object_get(json_object_get(req, "params"), "items"), 0), "section")), "copydesk");
  client_send(&c, json_pack("{s:s,s:O,s:[{s:b,s:b}]}", "jsonrpc", "2.0", "id", json_object_get(req, "id"),
                            "result", "inlayHints", 1, "codeLens", 0));
  json_decref(req);
  /* New settings re-analyse open documents. */
  json_decref(client_wait_note(&c, "textDocument/publishDiagnostics", URI, 0));
  json_decref(client_wait_note(&c, "textDocument/publishDiagnostics", URI, 0));
  r = client_request(&c, "textDocument/codeLens", json_pack("{s:{s:s}}", "textDocument", "uri", URI));
  assert_int_equal(json_array_size(json_object_get(r, "result")), 0);
  json_decref(r);
  r = client_request(&c, "textDocument/inlayHint",
                     json_pack("{s:{s:s},s:o}", "textDocument", "uri", URI, "range", whole_range()));
  assert_true(json_array_size(json_object_get(r, "result")) > 0);
  json_decref(r);
  /* didChangeConfiguration with settings pushed. */
  client_notify(&c, "workspace/didChangeConfiguration",
                json_pack("{s:{s:{s:b,s:{s:s}}}}", "settings", "copydesk", "inlayHints", 0, "rules",
                          "quote.unattributed", "off"));
  json_t *note = client_wait_note(&c, "textDocument/publishDiagnostics", URI, 0);
  json_t *items = json_object_get(json_object_get(note, "params"), "diagnostics");
  assert_null(find_code(items, "quote.unattributed"));
  json_decref(note);
  /* Garbage settings: a message, never a crash, and the server still answers. */
  client_notify(&c, "workspace/didChangeConfiguration", json_pack("{s:{s:i}}", "settings", "copydesk", 5));
  json_decref(client_wait_note(&c, "window/showMessage", NULL, -1));
  r = client_request(&c, "textDocument/codeLens", json_pack("{s:{s:s}}", "textDocument", "uri", URI));
  assert_true(json_is_array(json_object_get(r, "result")));
  json_decref(r);
  client_shutdown(&c);
}

/* Applies each code action's edit to the text and checks it against the
 * analyzer's own fix; the "ignore" action silences the finding. */
static void test_code_actions(void **state) {
  (void)state;
  const char *text = ARTICLE;
  client c;
  client_start(&c);
  json_decref(client_initialize(&c, "{\"textDocument\":{\"codeAction\":{\"codeActionLiteralSupport\":{\"codeActionKind\":{\"valueSet\":[\"quickfix\"]}}}}}", NULL));
  client_open(&c, URI, "plaintext", 0, text);
  json_t *r = client_request(&c, "textDocument/codeAction",
                             json_pack("{s:{s:s},s:o,s:{s:[]}}", "textDocument", "uri", URI, "range",
                                       whole_range(), "context", "diagnostics"));
  json_t *actions = json_object_get(r, "result");
  cd_report *report = cd_analyze(text, strlen(text), CD_FORMAT_PLAINTEXT, NULL);
  size_t nd;
  const cd_diagnostic *ds = cd_report_diagnostics(report, &nd);
  size_t expected = 0;
  for (size_t i = 0; i < nd; i++) {
    for (size_t f = 0; f < ds[i].n_fixes; f++) {
      expected++;
      const cd_fix *fix = &ds[i].fixes[f];
      json_t *a = NULL, *x;
      size_t k;
      json_array_foreach(actions, k, x) {
        if (strcmp(json_string_value(json_object_get(x, "title")), fix->title) == 0) a = x;
      }
      assert_non_null(a);
      assert_string_equal(json_string_value(json_object_get(a, "kind")), "quickfix");
      json_t *edits = json_object_get(json_object_get(json_object_get(a, "edit"), "changes"), URI);
      char *got = test_apply_edits(text, edits, false);
      /* The same edits applied by bytes, last first. */
      size_t len = strlen(text);
      char *want = malloc(len * 2 + 4096);
      strcpy(want, text);
      for (size_t e = fix->n_edits; e-- > 0;) {
        const cd_edit *ed = &fix->edits[e];
        size_t tail = strlen(want) - ed->span.end;
        memmove(want + ed->span.start + strlen(ed->new_text), want + ed->span.end, tail + 1);
        memcpy(want + ed->span.start, ed->new_text, strlen(ed->new_text));
      }
      assert_string_equal(got, want);
      free(got);
      free(want);
    }
  }
  cd_report_free(report);
  /* Every action names the diagnostic it fixes; find the ignore for the unattributed quote. */
  json_t *ignore = NULL, *x;
  size_t k;
  json_array_foreach(actions, k, x) {
    json_t *d = json_array_get(json_object_get(x, "diagnostics"), 0);
    assert_non_null(d);
    const char *code = json_string_value(json_object_get(d, "code"));
    if (strcmp(code, "quote.unattributed") == 0 &&
        strstr(json_string_value(json_object_get(x, "title")), "Ignore") != NULL) {
      ignore = x;
    }
  }
  assert_true(json_array_size(actions) >= expected);
  assert_non_null(ignore);
  char *fixed = test_apply_edits(text, json_object_get(json_object_get(json_object_get(ignore, "edit"), "changes"), URI), false);
  assert_non_null(strstr(fixed, "copydesk-disable-next-line quote.unattributed\n\"We will win.\""));
  json_decref(r);
  client_notify(&c, "textDocument/didChange",
                json_pack("{s:{s:s,s:i},s:[{s:s}]}", "textDocument", "uri", URI, "version", 1,
                          "contentChanges", "text", fixed));
  json_t *note = client_wait_note(&c, "textDocument/publishDiagnostics", URI, 1);
  assert_null(find_code(json_object_get(json_object_get(note, "params"), "diagnostics"), "quote.unattributed"));
  json_decref(note);
  free(fixed);
  /* context.only without quickfix: nothing. */
  r = client_request(&c, "textDocument/codeAction",
                     json_pack("{s:{s:s},s:o,s:{s:[],s:[s]}}", "textDocument", "uri", URI, "range",
                               whole_range(), "context", "diagnostics", "only", "refactor"));
  assert_int_equal(json_array_size(json_object_get(r, "result")), 0);
  json_decref(r);
  client_shutdown(&c);
}

/* "Add an attribution" in news style, one per kind of quote ending; as a plain edit, and as the
 * client's snippet command when it declares one. */
static void test_add_attribution(void **state) {
  (void)state;
  const char *text = "The council met.\n\n\"We will win the vote.\"\n\n\"Who knows what comes next?\"\n\n"
                     "\"We lost it all to the river\".\n\n\"Stop this now!\"\n";
  const char *want[] = {"\"We will win the vote,\" SPEAKER said.", "\"Who knows what comes next?\" SPEAKER said.",
                        "\"We lost it all to the river\", SPEAKER said.", "\"Stop this now!\" SPEAKER said."};
  for (int snippet = 0; snippet < 2; snippet++) {
    client c;
    client_start(&c);
    json_decref(client_initialize(&c, snippet ? "{\"experimental\":{\"copydesk\":{\"insertSnippetCommand\":\"x.insert\"}}}" : "{}", NULL));
    client_open(&c, URI, "plaintext", 0, text);
    json_t *r = client_request(&c, "textDocument/codeAction",
                               json_pack("{s:{s:s},s:o,s:{s:[]}}", "textDocument", "uri", URI, "range",
                                         whole_range(), "context", "diagnostics"));
    size_t k, found = 0;
    json_t *x;
    json_array_foreach(json_object_get(r, "result"), k, x) {
      if (strstr(json_string_value(json_object_get(x, "title")), "Add an attribution") == NULL) continue;
      json_t *edits;
      if (snippet) {
        json_t *args = cd_json_path(x, "command", "arguments", NULL);
        assert_string_equal(json_string_value(cd_json_path(x, "command", "command", NULL)), "x.insert");
        assert_string_equal(json_string_value(json_array_get(args, 0)), URI);
        const char *s = json_string_value(json_array_get(args, 3));
        assert_non_null(strstr(s, "${1:SPEAKER}"));
        /* The snippet with its placeholder's default, as the editor shows it. */
        char plain[128];
        size_t at = (size_t)(strstr(s, "${1:") - s);
        snprintf(plain, sizeof plain, "%.*sSPEAKER%s", (int)at, s, s + at + strlen("${1:SPEAKER}"));
        edits = json_pack("[{s:O,s:s}]", "range", json_array_get(args, 2), "newText", plain);
      } else {
        edits = json_incref(cd_json_path(x, "edit", "changes", URI, NULL));
        assert_true(json_is_true(json_object_get(x, "isPreferred")));
      }
      char *fixed = test_apply_edits(text, edits, false);
      bool matched = false;
      for (size_t w = 0; w < sizeof want / sizeof want[0]; w++) matched |= strstr(fixed, want[w]) != NULL;
      if (!matched) fail_msg("unexpected result: %s", fixed);
      found++;
      free(fixed);
      json_decref(edits);
    }
    assert_int_equal(found, 4);
    json_decref(r);
    client_shutdown(&c);
  }
}

static void test_markdown_ignore_and_documentchanges(void **state) {
  (void)state;
  const char *text = "# Title\n\n\"We will win.\"\n";
  client c;
  client_start(&c);
  json_decref(client_initialize(&c, "{\"workspace\":{\"workspaceEdit\":{\"documentChanges\":true}}}", NULL));
  client_open(&c, "file:///tmp/story.md", "markdown", 3, text);
  json_t *r = client_request(&c, "textDocument/codeAction",
                             json_pack("{s:{s:s},s:o,s:{s:[]}}", "textDocument", "uri",
                                       "file:///tmp/story.md", "range", whole_range(), "context",
                                       "diagnostics"));
  json_t *x, *ignore = NULL;
  size_t k;
  json_array_foreach(json_object_get(r, "result"), k, x) {
    if (strstr(json_string_value(json_object_get(x, "title")), "Ignore quote.unattributed") != NULL) ignore = x;
  }
  assert_non_null(ignore);
  json_t *dc = json_array_get(json_object_get(json_object_get(ignore, "edit"), "documentChanges"), 0);
  assert_int_equal(json_integer_value(json_object_get(json_object_get(dc, "textDocument"), "version")), 3);
  char *fixed = test_apply_edits(text, json_object_get(dc, "edits"), false);
  assert_string_equal(fixed, "# Title\n\n<!-- copydesk-disable-next-line quote.unattributed -->\n\"We will win.\"\n");
  free(fixed);
  json_decref(r);
  client_shutdown(&c);
}

static void test_pull_diagnostics(void **state) {
  (void)state;
  client c;
  client_start(&c);
  json_t *r = client_initialize(&c, "{\"textDocument\":{\"diagnostic\":{\"dynamicRegistration\":false}}}", NULL);
  assert_non_null(json_object_get(json_object_get(json_object_get(r, "result"), "capabilities"), "diagnosticProvider"));
  json_decref(r);
  client_open(&c, URI, "plaintext", 0, ARTICLE);
  r = client_request(&c, "textDocument/diagnostic", json_pack("{s:{s:s}}", "textDocument", "uri", URI));
  json_t *result = json_object_get(r, "result");
  assert_string_equal(json_string_value(json_object_get(result, "kind")), "full");
  check_diagnostics_match(ARTICLE, json_object_get(result, "items"), false);
  /* The client pulls: nothing was pushed before the answer. */
  assert_false(client_inbox_has(&c, "textDocument/publishDiagnostics"));
  const char *id = json_string_value(json_object_get(result, "resultId"));
  assert_non_null(id);
  json_t *r2 = client_request(&c, "textDocument/diagnostic",
                              json_pack("{s:{s:s},s:s}", "textDocument", "uri", URI, "previousResultId", id));
  assert_string_equal(json_string_value(json_object_get(json_object_get(r2, "result"), "kind")), "unchanged");
  json_decref(r2);
  json_decref(r);
  client_shutdown(&c);
}

/* CRLF line ends: ranges stay exact and the ignore line keeps the document's line ends. */
static void test_crlf_and_flat_symbols(void **state) {
  (void)state;
  const char *text = "Headline\r\n\r\n\"We will win,\" Jane Smith said. The hall emptied.\r\n\r\n\"We will win.\"\r\n";
  client c;
  client_start(&c);
  json_decref(client_initialize(&c, NULL, NULL));
  client_open(&c, URI, "plaintext", 0, text);
  json_t *note = client_wait_note(&c, "textDocument/publishDiagnostics", URI, 0);
  check_diagnostics_match(text, json_object_get(json_object_get(note, "params"), "diagnostics"), false);
  json_decref(note);
  json_t *r = client_request(&c, "textDocument/codeAction",
                             json_pack("{s:{s:s},s:o,s:{s:[]}}", "textDocument", "uri", URI, "range",
                                       whole_range(), "context", "diagnostics"));
  json_t *x, *ignore = NULL;
  size_t k;
  json_array_foreach(json_object_get(r, "result"), k, x) {
    if (strstr(json_string_value(json_object_get(x, "title")), "Ignore quote.unattributed") != NULL) ignore = x;
  }
  assert_non_null(ignore);
  json_t *edit = json_array_get(json_object_get(json_object_get(json_object_get(ignore, "edit"), "changes"), URI), 0);
  assert_string_equal(json_string_value(json_object_get(edit, "newText")),
                      "copydesk-disable-next-line quote.unattributed\r\n");
  json_decref(r);
  /* Without hierarchical support: flat SymbolInformation naming its source. */
  r = client_request(&c, "textDocument/documentSymbol", json_pack("{s:{s:s}}", "textDocument", "uri", URI));
  bool quote_in_jane = false;
  json_array_foreach(json_object_get(r, "result"), k, x) {
    assert_null(json_object_get(x, "children"));
    assert_non_null(json_object_get(json_object_get(x, "location"), "range"));
    const char *container = json_string_value(json_object_get(x, "containerName"));
    if (container != NULL && strcmp(container, "Jane Smith") == 0) quote_in_jane = true;
  }
  assert_true(quote_in_jane);
  json_decref(r);
  client_shutdown(&c);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_diagnostics_utf16_and_close),
      cmocka_unit_test(test_negotiated_utf8),
      cmocka_unit_test(test_hover),
      cmocka_unit_test(test_plaintext_hover_fallback),
      cmocka_unit_test(test_hover_run_on_quote),
      cmocka_unit_test(test_hover_headline_echo),
      cmocka_unit_test(test_hover_relayed_quote),
      cmocka_unit_test(test_inlay_symbols_lens),
      cmocka_unit_test(test_switches_and_settings),
      cmocka_unit_test(test_code_actions),
      cmocka_unit_test(test_add_attribution),
      cmocka_unit_test(test_markdown_ignore_and_documentchanges),
      cmocka_unit_test(test_pull_diagnostics),
      cmocka_unit_test(test_crlf_and_flat_symbols),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
