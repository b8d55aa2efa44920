/* Keystroke-to-diagnostics latency of `copydesk lsp` on a 60 KB article.
 *
 * Drives the real binary over pipes like an editor: one didChange per
 * keystroke (a one-character incremental edit in UTF-16 positions on a random
 * line), then waits for the publishDiagnostics of that version. Prints
 * p50/p90/p99/max, plus the in-process cost of one analysis for comparison, and the CPU time of
 * the server's incremental analysis against a from-scratch one of the same versions.
 * Runs on two invented articles (bench/articles.h): one at news density and a
 * dense worst case; or on the article file given. Not a test.
 *
 * usage: bench_lsp_latency [path/to/copydesk] [keystrokes] [article.txt | -] [pace ms]
 *        (default: the copydesk next to this build's bench/ directory, 2000). An article given is
 *        opened under its own path, so its .copydesk.json (and the sources it names) apply; `-`
 *        takes the two invented articles. A pace waits that long after each keystroke's diagnostics
 *        before the next keystroke, as a typist does (five characters a second: 200 ms): a server
 *        that does housekeeping when the client is quiet does it between keystrokes then, and the
 *        next keystroke pays for it. Without a pace the keystrokes come back to back.
 */
#define _POSIX_C_SOURCE 200809L
#include <jansson.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "articles.h"
#include "copydesk/analyzer.h"
#include "copydesk/framing.h"
#include "copydesk/jsonrpc.h"
#include "server_internal.h"
#include "spawn.h"
#include "timing.h"

#define TARGET_BYTES (60 * 1024)

static double pct(const double *sorted, size_t n, double p) {
  size_t i = (size_t)(p / 100.0 * (double)(n - 1) + 0.5);
  return sorted[i < n ? i : n - 1];
}

static void send_msg(int fd, json_t *msg) {
  cd_jsonrpc_send(fd, msg);
  json_decref(msg);
}

/* Reads until a message matching method (and version when >= 0) or a response to id. */
/* The next message that answers: a request's response (method NULL) or a notification of that
 * method and version. *received_ms is when its last byte had been read, before it is parsed: the
 * client's JSON parser is the editor's cost, not the server's, so it is measured apart
 * (*parse_ms, may be NULL). */
static json_t *wait_for(cd_frame_reader *r, const char *method, long long version, json_int_t id,
                        double *received_ms, double *parse_ms) {
  for (;;) {
    char *body;
    size_t len;
    if (cd_frame_read(r, true, &body, &len, NULL, 0) != CD_FRAME_OK) return NULL;
    double t0 = now_ms();
    if (received_ms != NULL) *received_ms = t0;
    json_t *msg = json_loadb(body, len, 0, NULL);
    if (parse_ms != NULL) *parse_ms = now_ms() - t0;
    free(body);
    if (msg == NULL) continue;
    const char *m = json_string_value(json_object_get(msg, "method"));
    if (method != NULL && m != NULL && strcmp(m, method) == 0) {
      json_t *v = json_object_get(json_object_get(msg, "params"), "version");
      if (version < 0 || json_integer_value(v) == version) return msg;
    }
    if (method == NULL && m == NULL && json_integer_value(json_object_get(msg, "id")) == id) return msg;
    json_decref(msg);
  }
}

/* Lines an edit may land on: ASCII only (so UTF-16 columns are byte columns) and 21+ bytes long. */
typedef struct edit_lines {
  int *line;
  size_t n;
} edit_lines;

static edit_lines find_edit_lines(const char *text, size_t len) {
  edit_lines el = {malloc((len / 2 + 1) * sizeof(int)), 0};
  int line = 0;
  for (size_t i = 0; i < len && el.line != NULL; line++) {
    size_t j = i;
    int ascii = 1;
    while (j < len && text[j] != '\n') ascii &= (unsigned char)text[j++] < 0x80;
    if (ascii && j - i >= 21) el.line[el.n++] = line;
    i = j + 1;
  }
  return el;
}

/* Keystroke k: type a letter at a random place, then delete it, alternately. */
static json_t *keystroke(const edit_lines *el, size_t k, int *line, int *col) {
  if (k % 2 == 0) {
    *line = el->line[(size_t)rand() % el->n];
    *col = rand() % 20;
    return json_pack("{s:{s:{s:i,s:i},s:{s:i,s:i}},s:i,s:s}", "range", "start", "line", *line, "character", *col,
                     "end", "line", *line, "character", *col, "rangeLength", 0, "text", "x");
  }
  return json_pack("{s:{s:{s:i,s:i},s:{s:i,s:i}},s:i,s:s}", "range", "start", "line", *line, "character", *col,
                   "end", "line", *line, "character", *col + 1, "rangeLength", 1, "text", "");
}

/* In process: one analysis with a kept and with a fresh configuration, then the server's own
 * per-keystroke work (apply the edit, analyse, serialise publishDiagnostics) without pipes. */
static void run_in_process(const char *text, size_t len, size_t keystrokes, const edit_lines *el) {
  cd_config *config = cd_config_new();
  double best = 1e9, total = 0, fresh_total = 0;
  size_t n_quotes = 0, n_diags = 0;
  for (int i = 0; i < 50; i++) {
    double t0 = now_ms();
    cd_report *rep = cd_analyze(text, len, CD_FORMAT_PLAINTEXT, config);
    double dt = now_ms() - t0;
    cd_report_quotes(rep, &n_quotes);
    cd_report_diagnostics(rep, &n_diags);
    cd_report_free(rep);
    total += dt;
    if (dt < best) best = dt;
    t0 = now_ms();
    rep = cd_analyze(text, len, CD_FORMAT_PLAINTEXT, NULL);
    fresh_total += now_ms() - t0;
    cd_report_free(rep);
  }
  printf("  %zu bytes, %zu quotes, %zu diagnostics\n", len, n_quotes, n_diags);
  printf("  cd_analyze in process: mean %.3f ms, best %.3f ms (50 runs; fresh configuration each time: mean %.3f ms)\n",
         total / 50, best, fresh_total / 50);

  cd_doc_store *store = cd_doc_store_new();
  cd_doc *doc = cd_doc_store_open(store, "file:///bench/a.txt", "plaintext", 0, text, len);
  cd_server server;
  memset(&server, 0, sizeof server);
  server.enc = CD_ENC_UTF16;
  size_t n = keystrokes < 500 ? keystrokes : 500;
  double *t = malloc(n * sizeof *t), *ta = malloc(n * sizeof *ta);
  double *ci = malloc(n * sizeof *ci), *cf = malloc(n * sizeof *cf);
  int line = 0, col = 0;
  srand(2);
  for (size_t k = 0; k < n; k++) {
    json_t *changes = json_pack("[o]", keystroke(el, k, &line, &col));
    double t0 = now_ms();
    cd_doc_apply_changes(doc, changes, CD_ENC_UTF16, (long long)k + 1, NULL, 0);
    double t1 = now_ms(), c1 = cpu_ms();
    const cd_report *rep = cd_doc_analysis(doc, config);
    ta[k] = now_ms() - t1;
    ci[k] = cpu_ms() - c1;
    size_t out_len;
    char *out = cd_lsp_publish_text(&server, doc, rep, CD_MAX_HINTS_DEFAULT, &out_len);
    t[k] = now_ms() - t0;
    free(out);
    json_decref(changes);
    /* the same version analysed from scratch, for comparison (not part of the keystroke) */
    double c2 = cpu_ms();
    cd_report_free(cd_analyze(doc->text, doc->len, doc->format, config));
    cf[k] = cpu_ms() - c2;
  }
  qsort(t, n, sizeof *t, cmp_double);
  printf("  server pipeline in process (edit + analyse + publishDiagnostics JSON), %zu keystrokes:\n", n);
  printf("    p50 %.3f ms  p90 %.3f ms  p99 %.3f ms  max %.3f ms\n", pct(t, n, 50), pct(t, n, 90), pct(t, n, 99),
         t[n - 1]);
  qsort(ta, n, sizeof *ta, cmp_double);
  printf("    of which the analysis: p50 %.3f ms  p99 %.3f ms\n", pct(ta, n, 50), pct(ta, n, 99));
  qsort(ci, n, sizeof *ci, cmp_double);
  qsort(cf, n, sizeof *cf, cmp_double);
  printf("    analysis CPU time, incremental (cd_analysis_update): p50 %.3f ms  p99 %.3f ms;"
         " from scratch (cd_analyze), same versions: p50 %.3f ms  p99 %.3f ms\n",
         pct(ci, n, 50), pct(ci, n, 99), pct(cf, n, 50), pct(cf, n, 99));
  free(t);
  free(ta);
  free(ci);
  free(cf);
  cd_doc_store_free(store);
  cd_config_free(config);
}

/* Over pipes: the real binary, an editor's keystrokes. Returns false when the server failed. */
/* The minor page faults of process `pid` so far (field 10 of /proc/PID/stat), or -1. */
static long long minor_faults(pid_t pid) {
  char path[64], buf[1024];
  snprintf(path, sizeof path, "/proc/%d/stat", (int)pid);
  FILE *f = fopen(path, "r");
  if (f == NULL) return -1;
  size_t n = fread(buf, 1, sizeof buf - 1, f);
  fclose(f);
  buf[n] = '\0';
  char *p = strrchr(buf, ')'); /* the command name may hold spaces; the fields follow its ')' */
  long long v = -1;
  if (p == NULL || sscanf(p + 2, "%*c %*d %*d %*d %*d %*d %*u %lld", &v) != 1) return -1;
  return v;
}

static bool run_over_pipes(const char *binary, const char *uri, const char *text, size_t len, size_t keystrokes,
                           const edit_lines *el, long pace_ms) {
  int in[2], out[2];
  pid_t pid = bench_spawn_server(binary, &in[1], &out[0]);
  if (pid < 0) return false;
  cd_frame_reader *r = cd_frame_reader_new(out[0], 0);
  send_msg(in[1], cd_jsonrpc_request(1, "initialize", json_pack("{s:{}}", "capabilities")));
  json_t *resp = wait_for(r, NULL, -1, 1, NULL, NULL);
  if (resp == NULL) {
    fprintf(stderr, "no answer from %s\n", binary);
    return false;
  }
  json_decref(resp);
  send_msg(in[1], cd_jsonrpc_notification("initialized", json_object()));
  send_msg(in[1], cd_jsonrpc_notification("textDocument/didOpen",
                                          json_pack("{s:{s:s,s:s,s:i,s:s%}}", "textDocument", "uri", uri,
                                                    "languageId", "plaintext", "version", 0, "text", text, len)));
  json_decref(wait_for(r, "textDocument/publishDiagnostics", 0, 0, NULL, NULL));

  double *lat = malloc(keystrokes * sizeof *lat), *parse = malloc(keystrokes * sizeof *parse);
  size_t n_diags = 0, bytes = 0;
  int line = 0, col = 0;
  srand(1);
  long long faults_before = minor_faults(pid);
  for (size_t k = 0; k < keystrokes; k++) {
    if (pace_ms > 0)
      nanosleep(&(struct timespec){.tv_sec = pace_ms / 1000, .tv_nsec = (pace_ms % 1000) * 1000000L}, NULL);
    json_t *change = keystroke(el, k, &line, &col);
    double t0 = now_ms();
    send_msg(in[1], cd_jsonrpc_notification(
                        "textDocument/didChange",
                        json_pack("{s:{s:s,s:I},s:[o]}", "textDocument", "uri", uri, "version",
                                  (json_int_t)(k + 1), "contentChanges", change)));
    double received = 0;
    json_t *note = wait_for(r, "textDocument/publishDiagnostics", (long long)(k + 1), 0, &received, &parse[k]);
    lat[k] = received - t0;
    if (note == NULL) {
      fprintf(stderr, "server stopped answering\n");
      return false;
    }
    if (k + 1 == keystrokes) { /* the message's size, once: re-serialising every one would add client work */
      n_diags = json_array_size(json_object_get(json_object_get(note, "params"), "diagnostics"));
      char *dump = json_dumps(note, JSON_COMPACT);
      bytes = dump ? strlen(dump) : 0;
      free(dump);
    }
    json_decref(note);
  }
  long long faults = minor_faults(pid) - faults_before;
  send_msg(in[1], cd_jsonrpc_request(2, "shutdown", NULL));
  json_decref(wait_for(r, NULL, -1, 2, NULL, NULL));
  send_msg(in[1], cd_jsonrpc_notification("exit", NULL));
  close(in[1]);
  int status;
  waitpid(pid, &status, 0);

  qsort(lat, keystrokes, sizeof *lat, cmp_double);
  double sum = 0;
  for (size_t k = 0; k < keystrokes; k++) sum += lat[k];
  printf("  keystroke -> publishDiagnostics over pipes (%zu keystrokes%s, %zu diagnostics, ~%zu KB each):\n",
         keystrokes, pace_ms > 0 ? ", paced" : "", n_diags, bytes / 1024);
  if (pace_ms > 0) printf("    one keystroke every %ld ms after the last one's diagnostics\n", pace_ms);
  if (faults_before >= 0) printf("    server page faults per keystroke: %.1f\n", (double)faults / (double)keystrokes);
  printf("    mean %.3f ms  p50 %.3f ms  p90 %.3f ms  p99 %.3f ms  max %.3f ms\n", sum / (double)keystrokes,
         pct(lat, keystrokes, 50), pct(lat, keystrokes, 90), pct(lat, keystrokes, 99), lat[keystrokes - 1]);
  printf("    goal p99 <= 2 ms: %s\n", pct(lat, keystrokes, 99) <= 2.0 ? "met" : "MISSED");
  qsort(parse, keystrokes, sizeof *parse, cmp_double);
  printf("    then the client parses the message (jansson, not counted above): p50 %.3f ms  p99 %.3f ms\n",
         pct(parse, keystrokes, 50), pct(parse, keystrokes, 99));
  printf("    server exit status: %d\n", WIFEXITED(status) ? WEXITSTATUS(status) : -1);
  free(lat);
  free(parse);
  cd_frame_reader_free(r);
  close(out[0]);
  return WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

static char *read_file(const char *path, size_t *len) {
  FILE *f = fopen(path, "rb");
  if (f == NULL) return NULL;
  size_t cap = 1 << 16, n = 0;
  char *s = malloc(cap + 1);
  size_t got;
  while (s != NULL && (got = fread(s + n, 1, cap - n, f)) > 0) {
    n += got;
    if (n == cap) {
      char *bigger = realloc(s, (cap *= 2) + 1);
      if (bigger == NULL) free(s);
      s = bigger;
    }
  }
  fclose(f);
  if (s != NULL) s[n] = '\0';
  *len = n;
  return s;
}

int main(int argc, char **argv) {
  char binary[PATH_MAX];
  if (!bench_server_binary(argc, argv, binary)) return 2;
  size_t keystrokes = argc > 2 ? (size_t)strtoul(argv[2], NULL, 10) : 2000;
  if (keystrokes == 0) return 2;
  signal(SIGPIPE, SIG_IGN);
  cd_server_keep_memory(); /* as `copydesk lsp` does */

  /* Figures mean little on a busy machine: say how busy it was. */
  FILE *load = fopen("/proc/loadavg", "r");
  char loadavg[64] = "?";
  if (load != NULL) {
    if (fgets(loadavg, sizeof loadavg, load) == NULL) snprintf(loadavg, sizeof loadavg, "?");
    fclose(load);
    loadavg[strcspn(loadavg, "\n")] = '\0';
  }
  printf("load average: %s (%ld CPUs)\n", loadavg, sysconf(_SC_NPROCESSORS_ONLN));

  struct {
    const char *name;
    char *text;
    size_t len;
  } articles[2];
  size_t n_articles = 0;
  long pace_ms = argc > 4 ? strtol(argv[4], NULL, 10) : 0;
  bool given = argc > 3 && strcmp(argv[3], "-") != 0;
  if (given) {
    articles[0].name = argv[3];
    articles[0].text = read_file(argv[3], &articles[0].len);
    n_articles = 1;
  } else {
    articles[0].name = "news-density article (bench/articles.h)";
    articles[0].text = bench_news_article(TARGET_BYTES, &articles[0].len);
    articles[1].name = "dense worst case (bench/articles.h)";
    articles[1].text = bench_dense_article(TARGET_BYTES, &articles[1].len);
    n_articles = 2;
  }
  int status = 0;
  for (size_t a = 0; a < n_articles; a++) {
    if (articles[a].text == NULL) return 2;
    edit_lines el = find_edit_lines(articles[a].text, articles[a].len);
    if (el.n == 0) {
      fprintf(stderr, "%s: no ASCII line of 21+ bytes to edit\n", articles[a].name);
      return 2;
    }
    printf("%s:\n", articles[a].name);
    run_in_process(articles[a].text, articles[a].len, keystrokes, &el);
    char uri[PATH_MAX + 8] = "file:///bench/article.txt";
    char real[PATH_MAX];
    if (given && realpath(argv[3], real) != NULL) snprintf(uri, sizeof uri, "file://%s", real);
    if (!run_over_pipes(binary, uri, articles[a].text, articles[a].len, keystrokes, &el, pace_ms)) status = 1;
    free(el.line);
    free(articles[a].text);
  }
  return status;
}
