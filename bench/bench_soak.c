/* Soak: `copydesk lsp` over pipes under a long run of random incremental edits.
 *
 * Opens several documents (invented articles of 60 KB, 20 KB and 4 KB, and a short note) and
 * sends one didChange per edit, in UTF-16 positions, to a random document: quotation marks
 * (straight and curly), line breaks, accented letters, emoji (a surrogate pair in UTF-16), words
 * and whole attributed sentences typed in, runs of characters deleted, and now and then a sentence's
 * worth cut or pasted (random_edit). The sizes stay near where they started. Every fourth edit waits for its diagnostics (a typist's pace, so that most
 * versions are analysed rather than skipped). A thread reads every message the server sends.
 *
 * Every 5,000 edits, once the server has published diagnostics for the latest version of every
 * document and the typist has paused (REST_MS, as an editor at rest between bursts of typing), it
 * prints the server's resident memory (VmRSS) and its peak (VmHWM). A reading taken the instant
 * the last diagnostics arrive catches whatever the heap's free pages hold at that moment, which
 * varies by a tenth from one checkpoint to the next; at rest the server has given them back. At
 * each checkpoint it checks that those diagnostics equal what a fresh server publishes for the same
 * texts, and prints that server's RSS at rest: what the texts alone cost. The difference, "history",
 * is what the session holds beyond them (kept tables, free memory between blocks); it is what would
 * grow without bound if anything leaked. At the end it prints the growth of both from 20,000 edits
 * to the last checkpoint. First, it prints
 * what one open document costs: the RSS of a server holding 10,000 short documents.
 * Not a test: it reports figures (and says MISMATCH when the diagnostics differ).
 *
 * usage: bench_soak [path/to/copydesk] [edits, default 100000] [seed, default 1] [short documents, default 10000]
 */
#define _POSIX_C_SOURCE 200809L
#include <jansson.h>
#include <limits.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "articles.h"
#include "copydesk/framing.h"
#include "copydesk/jsonrpc.h"
#include "config_json.h"
#include "spawn.h"
#include "timing.h"

/* REST_MS: longer than the server's TRIM_IDLE_MS (lsp/src/server.c), so that it has given its free
 * pages back when the RSS is read */
enum { MAX_DOCS = 8, REST_MS = 3300 };

/* ---- a server over pipes, with a thread that reads everything it sends ---- */

typedef struct published {
  char *uri;
  long long version;
  json_t *diagnostics;
} published;

typedef struct server {
  pid_t pid;
  int in, out;
  pthread_t reader;
  pthread_mutex_t lock;
  pthread_cond_t changed;
  published pub[MAX_DOCS];
  size_t n_pub;
  json_int_t last_response;
  bool ended;
} server;

static void *read_all(void *arg) {
  server *s = arg;
  cd_frame_reader *r = cd_frame_reader_new(s->out, 0);
  for (;;) {
    char *body;
    size_t len;
    if (cd_frame_read(r, true, &body, &len, NULL, 0) != CD_FRAME_OK) break;
    json_t *msg = json_loadb(body, len, 0, NULL);
    free(body);
    if (!msg) continue;
    pthread_mutex_lock(&s->lock);
    const char *method = json_string_value(json_object_get(msg, "method"));
    json_t *id = json_object_get(msg, "id");
    if (method && strcmp(method, "textDocument/publishDiagnostics") == 0) {
      json_t *params = json_object_get(msg, "params");
      const char *uri = json_string_value(json_object_get(params, "uri"));
      size_t i = 0;
      while (i < s->n_pub && strcmp(s->pub[i].uri, uri) != 0) i++;
      if (i == s->n_pub && i < MAX_DOCS) s->pub[s->n_pub++].uri = strdup(uri);
      if (i < MAX_DOCS) {
        json_decref(s->pub[i].diagnostics);
        s->pub[i].diagnostics = json_incref(json_object_get(params, "diagnostics"));
        s->pub[i].version = json_integer_value(json_object_get(params, "version"));
      }
    } else if (!method && json_is_integer(id)) {
      s->last_response = json_integer_value(id);
    }
    pthread_cond_broadcast(&s->changed);
    pthread_mutex_unlock(&s->lock);
    json_decref(msg);
  }
  pthread_mutex_lock(&s->lock);
  s->ended = true;
  pthread_cond_broadcast(&s->changed);
  pthread_mutex_unlock(&s->lock);
  cd_frame_reader_free(r);
  return NULL;
}

static void send_msg(server *s, json_t *msg) {
  cd_jsonrpc_send(s->in, msg);
  json_decref(msg);
}

static bool start(server *s, const char *binary) {
  memset(s, 0, sizeof *s);
  s->pid = bench_spawn_server(binary, &s->in, &s->out);
  if (s->pid < 0) return false;
  pthread_mutex_init(&s->lock, NULL);
  pthread_cond_init(&s->changed, NULL);
  pthread_create(&s->reader, NULL, read_all, s);
  /* Every hint goes out: a server publishes the maxHints hints nearest the latest edit, and a fresh
   * server has seen no edit, so with the default cap the two would publish different hints of
   * one and the same analysis. */
  send_msg(s, cd_jsonrpc_request(1, "initialize",
                                 json_pack("{s:{},s:{s:i}}", "capabilities", "initializationOptions", "maxHints",
                                           CD_MAX_HINTS_LIMIT)));
  pthread_mutex_lock(&s->lock);
  while (s->last_response != 1 && !s->ended) pthread_cond_wait(&s->changed, &s->lock);
  bool ok = !s->ended;
  pthread_mutex_unlock(&s->lock);
  send_msg(s, cd_jsonrpc_notification("initialized", json_object()));
  return ok;
}

static void stop(server *s) {
  send_msg(s, cd_jsonrpc_request(2, "shutdown", NULL));
  send_msg(s, cd_jsonrpc_notification("exit", NULL));
  close(s->in);
  pthread_join(s->reader, NULL);
  close(s->out);
  waitpid(s->pid, NULL, 0);
  for (size_t i = 0; i < s->n_pub; i++) {
    free(s->pub[i].uri);
    json_decref(s->pub[i].diagnostics);
  }
  pthread_mutex_destroy(&s->lock);
  pthread_cond_destroy(&s->changed);
}

/* The diagnostics published for `uri` at `version` (new reference), waiting for them. */
static json_t *wait_published(server *s, const char *uri, long long version) {
  json_t *d = NULL;
  pthread_mutex_lock(&s->lock);
  for (;;) {
    for (size_t i = 0; i < s->n_pub; i++)
      if (strcmp(s->pub[i].uri, uri) == 0 && s->pub[i].version == version) d = json_incref(s->pub[i].diagnostics);
    if (d || s->ended) break;
    pthread_cond_wait(&s->changed, &s->lock);
  }
  pthread_mutex_unlock(&s->lock);
  return d;
}

static long proc_kb(pid_t pid, const char *field) {
  char path[64], line[256];
  snprintf(path, sizeof path, "/proc/%d/status", (int)pid);
  FILE *f = fopen(path, "r");
  long kb = -1;
  size_t n = strlen(field);
  while (f && fgets(line, sizeof line, f))
    if (strncmp(line, field, n) == 0 && line[n] == ':') kb = strtol(line + n + 1, NULL, 10);
  if (f) fclose(f);
  return kb;
}

/* ---- the documents, as the client holds them ---- */

typedef struct doc {
  char uri[64];
  char *text;
  size_t len, cap, start_len;
  char *first; /* the text it was opened with */
  long long version;
} doc;

/* LSP position (UTF-16) of byte `off` in valid UTF-8. */
static void position(const doc *d, size_t off, long long *line, long long *character) {
  long long l = 0;
  size_t line_start = 0;
  for (const char *p = d->text; (p = memchr(p, '\n', (size_t)(d->text + off - p))) != NULL; p++) {
    l++;
    line_start = (size_t)(p - d->text) + 1;
  }
  long long units = 0;
  for (size_t i = line_start; i < off; i++) {
    unsigned char c = (unsigned char)d->text[i];
    if ((c & 0xC0) != 0x80) units += c >= 0xF0 ? 2 : 1;
  }
  *line = l;
  *character = units;
}

static size_t char_start(const doc *d, size_t off) {
  while (off > 0 && off < d->len && ((unsigned char)d->text[off] & 0xC0) == 0x80) off--;
  return off;
}

static size_t next_char(const doc *d, size_t off) {
  if (off < d->len) off++;
  while (off < d->len && ((unsigned char)d->text[off] & 0xC0) == 0x80) off++;
  return off;
}

static const char *const SNIPPETS[] = {
    "\"", "\xE2\x80\x9C", "\xE2\x80\x9D", "'", "\xE2\x80\x99", "\n", "\n\n", "\xC3\xA9", "\xC3\xB6",
    "\xF0\x9F\x98\x80", "\xF0\x9F\x93\xB0", "a", "e", " ", "said", " Ortiz said. ", "\"We will build it,\" she said. ",
    "\xE2\x80\x94", "according to officials, ", "Mr. Lund ", "\xE4\xB8\xAD\xE6\x96\x87",
};

/* The start of the character at or before byte `off` of t[0, len). */
static size_t utf8_start(const char *t, size_t len, size_t off) {
  while (off > 0 && off < len && ((unsigned char)t[off] & 0xC0) == 0x80) off--;
  return off;
}

/* One random edit of `d`; returns the LSP change and applies it to the client's copy.
 *
 * Most edits are a keystroke's worth: a snippet typed or a few characters deleted. One in RUN_EVERY
 * is a sentence's worth: a run of the document's first text pasted back in, or a run cut. Without
 * them the article loses its own words a few characters at a time and fills with the snippets (the
 * 60 KB one went from 4 to 34 quotation marks per 1,000 characters in 100,000 edits), and the RSS
 * follows a text ever denser in quotes rather than showing what the session leaves behind. With
 * them it ends near 7 per 1,000. */
enum { RUN_EVERY = 4, RUN_MIN = 20, RUN_MAX = 400 };
static json_t *random_edit(doc *d) {
  size_t at = char_start(d, (size_t)rand() % (d->len + 1));
  bool grow = d->len < d->start_len * 3 / 4 || (d->len <= d->start_len * 5 / 4 && rand() % 10 < 6);
  bool long_edit = rand() % RUN_EVERY == 0;
  size_t end = at, n = 0;
  const char *ins = "";
  if (grow && long_edit) {
    size_t from = utf8_start(d->first, d->start_len, (size_t)rand() % d->start_len);
    size_t to = from + RUN_MIN + (size_t)rand() % (RUN_MAX - RUN_MIN);
    to = to >= d->start_len ? d->start_len : utf8_start(d->first, d->start_len, to);
    ins = d->first + from;
    n = to - from;
  } else if (grow) {
    ins = SNIPPETS[(size_t)rand() % (sizeof SNIPPETS / sizeof SNIPPETS[0])];
    n = strlen(ins);
  } else {
    int chars = long_edit ? RUN_MIN + rand() % (RUN_MAX - RUN_MIN) : 1 + rand() % 12;
    for (; chars > 0 && end < d->len; chars--) end = next_char(d, end);
  }
  long long l0, c0, l1, c1;
  position(d, at, &l0, &c0);
  position(d, end, &l1, &c1);
  json_t *change = json_pack("{s:{s:{s:I,s:I},s:{s:I,s:I}},s:s%}", "range", "start", "line", l0, "character", c0,
                             "end", "line", l1, "character", c1, "text", ins, n);
  if (d->len - (end - at) + n + 1 > d->cap) {
    d->cap = (d->len + n + 1) * 2;
    d->text = realloc(d->text, d->cap);
    if (!d->text) exit(1);
  }
  memmove(d->text + at + n, d->text + end, d->len - end + 1);
  memcpy(d->text + at, ins, n);
  d->len = d->len - (end - at) + n;
  return change;
}

static void open_doc(server *s, const doc *d) {
  send_msg(s, cd_jsonrpc_notification("textDocument/didOpen",
                                      json_pack("{s:{s:s,s:s,s:I,s:s%}}", "textDocument", "uri", d->uri, "languageId",
                                                "plaintext", "version", (json_int_t)d->version, "text", d->text,
                                                d->len)));
}

/* Prints how many quotation marks (straight and curly) each document's text holds, per thousand
 * characters: how far the edits have moved the texts from the articles they were. */
static void print_marks(const char *when, const doc *docs, size_t n) {
  printf("quotation marks per 1,000 characters %s:", when);
  for (size_t i = 0; i < n; i++) {
    size_t chars = 0, marks = 0;
    for (size_t j = 0; j < docs[i].len; j++) {
      unsigned char c = (unsigned char)docs[i].text[j];
      chars += (c & 0xC0) != 0x80;
      marks += c == '"' || (c == 0xE2 && j + 2 < docs[i].len && (unsigned char)docs[i].text[j + 1] == 0x80 &&
                            ((unsigned char)docs[i].text[j + 2] == 0x9C || (unsigned char)docs[i].text[j + 2] == 0x9D));
    }
    printf(" %.1f", chars ? 1000.0 * (double)marks / (double)chars : 0.0);
  }
  printf("\n");
}

/* Do the diagnostics the long-running server published equal a fresh server's for the same texts?
 * Sets *fresh_kb to that server's RSS at rest once it has published them: what the texts alone
 * cost, without the session's history. */
static bool same_as_fresh(server *s, const char *binary, doc *docs, size_t n, long *fresh_kb) {
  server fresh;
  *fresh_kb = -1;
  if (!start(&fresh, binary)) return false;
  bool same = true;
  for (size_t i = 0; i < n; i++) open_doc(&fresh, &docs[i]);
  for (size_t i = 0; i < n; i++) {
    json_t *a = wait_published(s, docs[i].uri, docs[i].version);
    json_t *b = wait_published(&fresh, docs[i].uri, docs[i].version);
    if (!a || !b || !json_equal(a, b)) {
      same = false;
      printf("  MISMATCH in %s at version %lld (%zu and %zu diagnostics)\n", docs[i].uri, docs[i].version,
             json_array_size(a), json_array_size(b));
    }
    json_decref(a);
    json_decref(b);
  }
  nanosleep(&(struct timespec){.tv_sec = REST_MS / 1000, .tv_nsec = (REST_MS % 1000) * 1000000L}, NULL);
  *fresh_kb = proc_kb(fresh.pid, "VmRSS");
  stop(&fresh);
  return same;
}

/* Returns once the server has handled everything sent so far: it answers requests in order. */
static void sync_with(server *s, json_int_t id) {
  send_msg(s, cd_jsonrpc_request(id, "textDocument/codeLens", json_pack("{s:{s:s}}", "textDocument", "uri", "untitled:none")));
  pthread_mutex_lock(&s->lock);
  while (s->last_response != id && !s->ended) pthread_cond_wait(&s->changed, &s->lock);
  pthread_mutex_unlock(&s->lock);
}

/* What each open document costs: RSS of a server holding `n` short documents, per document. */
static void per_document_memory(const char *binary, size_t n) {
  server s;
  if (!start(&s, binary)) return;
  doc d = {.version = 1};
  d.text = "\"We will build it,\" Mayor Ortiz said. Critics say it will cost more.\n";
  d.len = strlen(d.text);
  snprintf(d.uri, sizeof d.uri, "untitled:probe");
  open_doc(&s, &d);
  json_decref(wait_published(&s, d.uri, 1));
  long before = proc_kb(s.pid, "VmRSS");
  for (size_t i = 0; i < n; i++) {
    snprintf(d.uri, sizeof d.uri, "untitled:note-%zu.txt", i);
    open_doc(&s, &d);
    if (i % 64 == 63 || i + 1 == n) sync_with(&s, (json_int_t)(100 + i)); /* keep the pipes from filling */
  }
  long after = proc_kb(s.pid, "VmRSS");
  printf("%zu open documents of %zu bytes: RSS %ld KB -> %ld KB, %.1f KB per document\n", n, d.len, before, after,
         (double)(after - before) / (double)n);
  stop(&s);
}

int main(int argc, char **argv) {
  char binary[PATH_MAX];
  if (!bench_server_binary(argc, argv, binary)) return 2;
  long edits = argc > 2 ? strtol(argv[2], NULL, 10) : 100000;
  srand(argc > 3 ? (unsigned)strtoul(argv[3], NULL, 10) : 1u);
  signal(SIGPIPE, SIG_IGN);
  long notes = argc > 4 ? strtol(argv[4], NULL, 10) : 10000;
  if (notes > 0) per_document_memory(binary, (size_t)notes);

  doc docs[4];
  size_t n_docs = 4;
  size_t sizes[] = {60 * 1024, 20 * 1024, 4 * 1024, 0};
  for (size_t i = 0; i < n_docs; i++) {
    doc *d = &docs[i];
    memset(d, 0, sizeof *d);
    snprintf(d->uri, sizeof d->uri, "untitled:soak-%zu.txt", i);
    if (sizes[i] == 0) {
      d->text = strdup("\"A short note,\" she said.\n");
      d->len = strlen(d->text);
    } else {
      d->text = i == 1 ? bench_dense_article(sizes[i], &d->len) : bench_news_article(sizes[i], &d->len);
    }
    d->cap = d->len + 1;
    d->start_len = d->len;
    d->first = strdup(d->text);
    if (!d->first) return 1;
  }
  server s;
  if (!start(&s, binary)) {
    fprintf(stderr, "no answer from %s\n", binary);
    return 1;
  }
  for (size_t i = 0; i < n_docs; i++) open_doc(&s, &docs[i]);
  for (size_t i = 0; i < n_docs; i++) json_decref(wait_published(&s, docs[i].uri, docs[i].version));
  long rss_start = proc_kb(s.pid, "VmRSS");
  printf("copydesk lsp soak: %ld random edits over %zu documents (%zu, %zu, %zu, %zu bytes)\n", edits, n_docs,
         docs[0].len, docs[1].len, docs[2].len, docs[3].len);
  print_marks("at the start", docs, n_docs);
  printf("%10s %10s %10s %10s %10s %10s  %s\n", "edits", "RSS KB", "peak KB", "fresh KB", "history KB", "seconds",
         "diagnostics vs a fresh server");
  printf("%10d %10ld %10ld\n", 0, rss_start, proc_kb(s.pid, "VmHWM"));
  double t0 = now_ms();
  long rss20k = -1, rss_last = -1, fresh20k = -1, fresh_last = -1;
  bool all_same = true;
  for (long e = 1; e <= edits; e++) {
    doc *d = &docs[(size_t)rand() % n_docs];
    json_t *change = random_edit(d);
    d->version++;
    send_msg(&s, cd_jsonrpc_notification("textDocument/didChange",
                                         json_pack("{s:{s:s,s:I},s:[o]}", "textDocument", "uri", d->uri, "version",
                                                   (json_int_t)d->version, "contentChanges", change)));
    /* a typist's pace, not a flood: every fourth edit waits for its diagnostics, so the server
     * analyses a good part of the versions instead of skipping to the latest */
    if (e % 4 == 0) json_decref(wait_published(&s, d->uri, d->version));
    if (e % 5000 != 0 && e != edits) continue;
    for (size_t i = 0; i < n_docs; i++) json_decref(wait_published(&s, docs[i].uri, docs[i].version));
    nanosleep(&(struct timespec){.tv_sec = REST_MS / 1000, .tv_nsec = (REST_MS % 1000) * 1000000L}, NULL);
    long rss = proc_kb(s.pid, "VmRSS"), peak = proc_kb(s.pid, "VmHWM"), fresh;
    double seconds = (now_ms() - t0) / 1000.0;
    bool same = same_as_fresh(&s, binary, docs, n_docs, &fresh);
    all_same = all_same && same;
    printf("%10ld %10ld %10ld %10ld %10ld %10.1f  %s\n", e, rss, peak, fresh, rss - fresh, seconds,
           same ? "equal" : "DIFFERENT");
    fflush(stdout);
    if (e == 20000) {
      rss20k = rss;
      fresh20k = fresh;
    }
    rss_last = rss;
    fresh_last = fresh;
  }
  if (rss20k > 0) {
    printf("RSS growth from 20,000 edits to %ld: %+.1f%%\n", edits, 100.0 * (double)(rss_last - rss20k) / (double)rss20k);
    printf("history (RSS beyond a fresh server's for the same texts) from 20,000 edits to %ld: %+ld KB\n", edits,
           (rss_last - fresh_last) - (rss20k - fresh20k));
  }
  print_marks("at the end", docs, n_docs);
  printf("diagnostics %s a fresh server's at every check\n", all_same ? "equal" : "did NOT equal");
  stop(&s);
  for (size_t i = 0; i < n_docs; i++) {
    free(docs[i].text);
    free(docs[i].first);
  }
  return all_same ? 0 : 1;
}
