/* Random sequences of incremental edits (UTF-16 positions, with and without
 * rangeLength, mixed with full-text changes): the diagnostics published for
 * the last version equal those of a fresh open of the same text. */
#include "test_server_client.h"

static const char *const PIECES[] = {
    "\"", "We will win", ", Jane Smith said.", "\n\n", "\xF0\x9F\x98\x80", "\xC3\xA9", "e\xCC\x81",
    " ", "Kelly", "\xE2\x80\x9C", "\xE2\x80\x9D", " he said. ", "John Kelly", "Mr Kelly", "x", "\n"};
#define N_PIECES (sizeof PIECES / sizeof PIECES[0])

static const char SEED_TEXT[] =
    "John Kelly, the mayor, spoke first. \"The budget is sound,\" he said.\n\n"
    "\"We will win.\"\n\n"
    "Caf\xC3\xA9 \xF0\x9F\x8E\x89 \"We will win,\" Jane Smith said. Mr Kelly agreed.\n";

static size_t char_len(const char *s, size_t i) {
  unsigned char b = (unsigned char)s[i];
  return b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
}

/* A random character boundary in `text`. */
static size_t random_boundary(const char *text) {
  size_t len = strlen(text), count = 0;
  for (size_t i = 0; i < len; i += char_len(text, i)) count++;
  size_t pick = (size_t)rand() % (count + 1), i = 0;
  for (size_t k = 0; k < pick; k++) i += char_len(text, i);
  return i;
}

static unsigned utf16_units(const char *s, size_t from, size_t to) {
  unsigned units = 0;
  for (size_t i = from; i < to; i += char_len(s, i)) units += char_len(s, i) == 4 ? 2 : 1;
  return units;
}

static char *splice(const char *text, size_t s, size_t e, const char *ins) {
  size_t len = strlen(text), il = strlen(ins);
  char *out = malloc(len - (e - s) + il + 1);
  memcpy(out, text, s);
  memcpy(out + s, ins, il);
  memcpy(out + s + il, text + e, len - e + 1);
  return out;
}

static json_t *diagnostics_for(client *c, const char *uri, long long version) {
  json_t *note = client_wait_note(c, "textDocument/publishDiagnostics", uri, version);
  json_t *d = json_incref(json_object_get(json_object_get(note, "params"), "diagnostics"));
  json_decref(note);
  return d;
}

static void test_random_edits(void **state) {
  (void)state;
  client c;
  client_start(&c);
  json_decref(client_initialize(&c, NULL, NULL));
  srand(20261127);
  const char *uri = "untitled:edited";
  char *text = strdup(SEED_TEXT);
  client_open(&c, uri, "plaintext", 0, text);
  long long version = 0;
  for (int round = 0; round < 25; round++) {
    int n_edits = 1 + rand() % 12;
    for (int k = 0; k < n_edits; k++) {
      version += 1 + rand() % 3; /* versions may skip */
      json_t *change;
      char *next;
      if (rand() % 15 == 0) {
        /* A full-text change: a piece, then the seed article again. */
        next = splice(SEED_TEXT, 0, 0, PIECES[(size_t)rand() % N_PIECES]);
        free(text);
        change = json_pack("{s:s}", "text", next);
      } else {
        size_t a = random_boundary(text), b = random_boundary(text);
        if (b < a) {
          size_t t = a;
          a = b;
          b = t;
        }
        if (b - a > 40) b = a; /* mostly small edits, like typing */
        char ins[128] = "";
        for (int p = rand() % 3; p > 0; p--) strcat(ins, PIECES[(size_t)rand() % N_PIECES]);
        change = json_pack("{s:{s:o,s:o},s:s}", "range", "start", test_position_json(text, a, false),
                           "end", test_position_json(text, b, false), "text", ins);
        if (rand() % 2) json_object_set_new(change, "rangeLength", json_integer(utf16_units(text, a, b)));
        next = splice(text, a, b, ins);
        free(text);
      }
      text = next;
      client_notify(&c, "textDocument/didChange",
                    json_pack("{s:{s:s,s:I},s:[o]}", "textDocument", "uri", uri, "version",
                              (json_int_t)version, "contentChanges", change));
    }
    json_t *edited = diagnostics_for(&c, uri, version);
    char fresh_uri[64];
    snprintf(fresh_uri, sizeof fresh_uri, "untitled:fresh-%d", round);
    client_open(&c, fresh_uri, "plaintext", 1, text);
    json_t *fresh = diagnostics_for(&c, fresh_uri, 1);
    if (!json_equal(edited, fresh)) {
      char *a = json_dumps(edited, 0), *b = json_dumps(fresh, 0);
      print_error("round %d text:\n%s\nedited: %s\nfresh: %s\n", round, text, a, b);
      free(a);
      free(b);
      fail();
    }
    json_decref(edited);
    json_decref(fresh);
    client_notify(&c, "textDocument/didClose", json_pack("{s:{s:s}}", "textDocument", "uri", fresh_uri));
    /* Drop older publishes of the edited document (stale versions). */
    json_array_clear(c.inbox);
  }
  /* Multi-change notifications apply in order, each against the previous result. */
  version++;
  client_notify(&c, "textDocument/didChange",
                json_pack("{s:{s:s,s:I},s:[{s:s},{s:{s:{s:i,s:i},s:{s:i,s:i}},s:s}]}", "textDocument",
                          "uri", uri, "version", (json_int_t)version, "contentChanges", "text",
                          "\"We will win.\"\n", "range", "start", "line", 0, "character", 14, "end",
                          "line", 0, "character", 14, "text", " Jane Smith said."));
  json_t *d = diagnostics_for(&c, uri, version);
  assert_null(find_code(d, "quote.unattributed"));
  json_decref(d);
  free(text);
  client_shutdown(&c);
}

int main(void) {
  const struct CMUnitTest tests[] = {cmocka_unit_test(test_random_edits)};
  return cmocka_run_group_tests(tests, NULL, NULL);
}
