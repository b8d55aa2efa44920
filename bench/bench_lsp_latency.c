/* Keystroke-to-diagnostics latency of `copydesk lsp` on a 60 KB article.
 *
 * Drives the real binary over pipes like an editor: one didChange per
 * keystroke (a one-character incremental edit in UTF-16 positions), then
 * waits for the publishDiagnostics of that version. Prints p50/p90/p99/max,
 * plus the in-process cost of one analysis for comparison. Not a test.
 *
 * usage: bench_lsp_latency [path/to/copydesk] [keystrokes]
 *        (default: the copydesk next to this build's bench/ directory, 2000)
 */
#define _POSIX_C_SOURCE 200809L
#include <jansson.h>
#include <libgen.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "copydesk/analyzer.h"
#include "copydesk/framing.h"
#include "copydesk/jsonrpc.h"
#include "server_internal.h"

#define TARGET_BYTES (60 * 1024)

static double now_ms(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

/* A plausible article: attributed and unattributed quotes, pronouns, name
 * variants, claims, accents and an emoji, repeated to ~60 KB. */
static char *make_article(size_t *len_out) {
  static const char *const paras[] = {
      "John Kelly, the mayor of Springfield, spoke first on Monday. \"The budget is sound,\" he said. "
      "\"We have no debt, and we will not take on any.\"\n\n",
      "\"We will win.\"\n\n",
      "Council member Mar\xC3\xAD" "a L\xC3\xB3pez disagreed. \"That is simply not true,\" L\xC3\xB3pez told "
      "reporters outside city hall, adding that the numbers \"do not add up\".\n\n",
      "Critics say the plan will raise taxes. Some residents have questioned whether the city can "
      "afford it, according to people familiar with the matter.\n\n",
      "Mr Kelly later added that \"nothing is certain\" \xF0\x9F\x98\x80. Kelly declined further comment. "
      "The U.S. Treasury and the US Congress were not involved.\n\n",
      "\"We will keep the libraries open,\" said Jane Smith, who chairs the finance committee. "
      "\"Every branch, every day.\"\n\n",
  };
  size_t cap = TARGET_BYTES + 4096, len = 0;
  char *text = malloc(cap);
  if (text == NULL) return NULL;
  len += (size_t)sprintf(text, "City council passes budget after long debate\n\n");
  for (size_t i = 0; len < TARGET_BYTES; i++) {
    const char *p = paras[i % (sizeof paras / sizeof paras[0])];
    size_t n = strlen(p);
    memcpy(text + len, p, n);
    len += n;
  }
  text[len] = '\0';
  *len_out = len;
  return text;
}

static int cmp_double(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return x < y ? -1 : x > y;
}

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

int main(int argc, char **argv) {
  char binary[PATH_MAX];
  if (argc > 1) {
    snprintf(binary, sizeof binary, "%s", argv[1]);
  } else {
    char self[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", self, sizeof self - 1);
    if (n <= 0) return 2;
    self[n] = '\0';
    snprintf(binary, sizeof binary, "%s/../copydesk", dirname(self));
  }
  size_t keystrokes = argc > 2 ? (size_t)strtoul(argv[2], NULL, 10) : 2000;
  size_t len;
  char *text = make_article(&len);
  if (text == NULL || keystrokes == 0) return 2;

  /* In-process: one full analysis of the article, with a configuration kept between analyses as
   * the server keeps its own (compiled patterns are cached in it), and with a fresh one each time
   * as a one-shot check. */
  cd_server_keep_memory(); /* as `copydesk lsp` does */
  cd_config *config = cd_config_new();
  double best = 1e9, total = 0, fresh_total = 0;
  for (int i = 0; i < 50; i++) {
    double t0 = now_ms();
    cd_report *rep = cd_analyze(text, len, CD_FORMAT_PLAINTEXT, config);
    double dt = now_ms() - t0;
    cd_report_free(rep);
    total += dt;
    if (dt < best) best = dt;
    t0 = now_ms();
    rep = cd_analyze(text, len, CD_FORMAT_PLAINTEXT, NULL);
    fresh_total += now_ms() - t0;
    cd_report_free(rep);
  }
  printf("article: %zu bytes\n", len);
  /* Figures mean little on a busy machine: say how busy it was. */
  FILE *load = fopen("/proc/loadavg", "r");
  char loadavg[64] = "?";
  if (load != NULL) {
    if (fgets(loadavg, sizeof loadavg, load) == NULL) snprintf(loadavg, sizeof loadavg, "?");
    fclose(load);
    loadavg[strcspn(loadavg, "\n")] = '\0';
  }
  printf("load average: %s (%ld CPUs)\n", loadavg, sysconf(_SC_NPROCESSORS_ONLN));
  printf("cd_analyze in process: mean %.3f ms, best %.3f ms (50 runs; fresh configuration each time: mean %.3f ms)\n",
         total / 50, best, fresh_total / 50);

  /* In-process server pipeline per keystroke: apply the edit, analyse, build
   * and serialise the publishDiagnostics message (no pipes, no client). */
  {
    cd_doc_store *store = cd_doc_store_new();
    cd_doc *doc = cd_doc_store_open(store, "file:///bench/a.txt", "plaintext", 0, text, len);
    cd_server server;
    memset(&server, 0, sizeof server);
    server.enc = CD_ENC_UTF16;
    size_t n = keystrokes < 500 ? keystrokes : 500;
    double *t = malloc(n * sizeof *t), *ta = malloc(n * sizeof *ta);
    for (size_t k = 0; k < n; k++) {
      int ln = 2 + 2 * (int)(k % 200);
      json_t *changes = k % 2 == 0
          ? json_pack("[{s:{s:{s:i,s:i},s:{s:i,s:i}},s:s}]", "range", "start", "line", ln, "character", 5,
                      "end", "line", ln, "character", 5, "text", "x")
          : json_pack("[{s:{s:{s:i,s:i},s:{s:i,s:i}},s:s}]", "range", "start", "line", ln - 2, "character", 5,
                      "end", "line", ln - 2, "character", 6, "text", "");
      double t0 = now_ms();
      cd_doc_apply_changes(doc, changes, CD_ENC_UTF16, (long long)k + 1, NULL, 0);
      double t1 = now_ms();
      const cd_report *rep = cd_doc_analysis(doc, config);
      ta[k] = now_ms() - t1;
      size_t out_len;
      char *out = cd_lsp_publish_text(&server, doc, rep, &out_len);
      t[k] = now_ms() - t0;
      free(out);
      json_decref(changes);
    }
    qsort(t, n, sizeof *t, cmp_double);
    printf("server pipeline in process (edit + analyse + publishDiagnostics JSON), %zu keystrokes:\n", n);
    printf("  p50 %.3f ms  p90 %.3f ms  p99 %.3f ms  max %.3f ms\n", pct(t, n, 50), pct(t, n, 90),
           pct(t, n, 99), t[n - 1]);
    qsort(ta, n, sizeof *ta, cmp_double);
    printf("  of which cd_analyze: p50 %.3f ms  p99 %.3f ms\n", pct(ta, n, 50), pct(ta, n, 99));
    free(t);
    free(ta);
    cd_doc_store_free(store);
  }

  int in[2], out[2];
  if (pipe(in) != 0 || pipe(out) != 0) return 2;
  signal(SIGPIPE, SIG_IGN);
  pid_t pid = fork();
  if (pid == 0) {
    dup2(in[0], 0);
    dup2(out[1], 1);
    close(in[1]);
    close(out[0]);
    execl(binary, binary, "lsp", (char *)NULL);
    _exit(127);
  }
  close(in[0]);
  close(out[1]);
  cd_frame_reader *r = cd_frame_reader_new(out[0], 0);
  send_msg(in[1], cd_jsonrpc_request(1, "initialize", json_pack("{s:{}}", "capabilities")));
  json_t *resp = wait_for(r, NULL, -1, 1, NULL, NULL);
  if (resp == NULL) {
    fprintf(stderr, "no answer from %s\n", binary);
    return 1;
  }
  json_decref(resp);
  send_msg(in[1], cd_jsonrpc_notification("initialized", json_object()));
  const char *uri = "file:///bench/article.txt";
  send_msg(in[1], cd_jsonrpc_notification("textDocument/didOpen",
                                          json_pack("{s:{s:s,s:s,s:i,s:s%}}", "textDocument", "uri", uri,
                                                    "languageId", "plaintext", "version", 0, "text", text, len)));
  json_decref(wait_for(r, "textDocument/publishDiagnostics", 0, 0, NULL, NULL));

  /* Keystrokes at random ASCII-only lines: type a letter, then delete it, alternately. */
  double *lat = malloc(keystrokes * sizeof *lat), *parse = malloc(keystrokes * sizeof *parse);
  size_t n_diags = 0;
  srand(1);
  int line = 0, col = 0;
  for (size_t k = 0; k < keystrokes; k++) {
    json_t *change;
    if (k % 2 == 0) {
      line = 2 + 2 * (rand() % 200);
      col = rand() % 20;
      change = json_pack("{s:{s:{s:i,s:i},s:{s:i,s:i}},s:i,s:s}", "range", "start", "line", line,
                         "character", col, "end", "line", line, "character", col, "rangeLength", 0,
                         "text", "x");
    } else {
      change = json_pack("{s:{s:{s:i,s:i},s:{s:i,s:i}},s:i,s:s}", "range", "start", "line", line,
                         "character", col, "end", "line", line, "character", col + 1, "rangeLength",
                         1, "text", "");
    }
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
      return 1;
    }
    n_diags = json_array_size(json_object_get(json_object_get(note, "params"), "diagnostics"));
    json_decref(note);
  }
  send_msg(in[1], cd_jsonrpc_request(2, "shutdown", NULL));
  json_decref(wait_for(r, NULL, -1, 2, NULL, NULL));
  send_msg(in[1], cd_jsonrpc_notification("exit", NULL));
  close(in[1]);
  int status;
  waitpid(pid, &status, 0);

  qsort(lat, keystrokes, sizeof *lat, cmp_double);
  double sum = 0;
  for (size_t k = 0; k < keystrokes; k++) sum += lat[k];
  printf("keystroke -> publishDiagnostics over pipes (%zu keystrokes, %zu diagnostics each):\n",
         keystrokes, n_diags);
  printf("  mean %.3f ms  p50 %.3f ms  p90 %.3f ms  p99 %.3f ms  max %.3f ms\n", sum / (double)keystrokes,
         pct(lat, keystrokes, 50), pct(lat, keystrokes, 90), pct(lat, keystrokes, 99), lat[keystrokes - 1]);
  printf("  goal p99 <= 5 ms: %s\n", pct(lat, keystrokes, 99) <= 5.0 ? "met" : "MISSED");
  qsort(parse, keystrokes, sizeof *parse, cmp_double);
  printf("then the client parses the message (jansson, not counted above): p50 %.3f ms  p99 %.3f ms\n",
         pct(parse, keystrokes, 50), pct(parse, keystrokes, 99));
  printf("server exit status: %d\n", WIFEXITED(status) ? WEXITSTATUS(status) : -1);
  free(lat);
  free(parse);
  cd_config_free(config);
  free(text);
  cd_frame_reader_free(r);
  close(out[0]);
  return 0;
}
