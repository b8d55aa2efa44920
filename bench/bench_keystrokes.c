/* The analysis of one keystroke, in process: the CPU time of cd_analysis_update after each of
 * a series of one-letter edits to an article, against a fresh cd_analyze of the same versions.
 *
 * The keystrokes are bench_lsp_latency's: a letter typed at one of the first 20 columns of a random
 * ASCII line of 21 bytes or more, then deleted again. Without the server, its pipes and its JSON,
 * the analysis alone is left, so that callgrind can count its instructions keystroke by keystroke
 * (bench/keystroke_instructions.sh), which timings on a shared machine cannot tell apart.
 *
 * CPU time counts both threads of a long document's analysis (cd_analysis_set_parallel_from); the
 * wall clock, also printed, is what the writer waits.
 *
 * usage: bench_keystrokes article.txt [keystrokes, default 200] [mode: 1 to time cd_analyze only,
 *        2 for the handle on one thread]
 */
#define _POSIX_C_SOURCE 200809L
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "copydesk/analyzer.h"
#include "timing.h"

static double pct(const double *sorted, size_t n, double p) {
  size_t i = (size_t)(p / 100.0 * (double)(n - 1) + 0.5);
  return sorted[i < n ? i : n - 1];
}

int main(int argc, char **argv) {
  if (argc < 2) {
    fprintf(stderr, "usage: %s article.txt [keystrokes] [fresh]\n", argv[0]);
    return 2;
  }
  FILE *f = fopen(argv[1], "rb");
  if (!f) return 2;
  fseek(f, 0, SEEK_END);
  long size = ftell(f);
  fseek(f, 0, SEEK_SET);
  char *text = malloc((size_t)size + 2);
  size_t len = text ? fread(text, 1, (size_t)size, f) : 0;
  fclose(f);
  size_t n = argc > 2 ? strtoul(argv[2], NULL, 10) : 200;
  int mode = argc > 3 ? atoi(argv[3]) : 0;
  bool fresh = mode == 1;
  size_t *lines = malloc((len + 1) * sizeof *lines), n_lines = 0;
  if (!text || !lines || n == 0) return 2;
  for (size_t i = 0; i < len;) { /* ASCII lines of 21 bytes or more, as bench_lsp_latency edits */
    size_t j = i;
    bool ascii = true;
    while (j < len && text[j] != '\n') ascii &= (unsigned char)text[j++] < 0x80;
    if (ascii && j - i >= 21) lines[n_lines++] = i;
    i = j + 1;
  }
  if (n_lines == 0) return 2;
  cd_config *config = cd_config_new();
  cd_analysis *a = cd_analysis_new();
  if (mode == 2) cd_analysis_set_parallel_from(a, SIZE_MAX);
  cd_report_free(cd_analysis_update(a, text, len, CD_FORMAT_PLAINTEXT, config));
  double *t = malloc(n * sizeof *t), *wall = malloc(n * sizeof *wall);
  size_t at = 0;
  srand(1);
  for (size_t k = 0; k < n; k++) {
    if (k % 2 == 0) { /* type a letter ... */
      at = lines[(size_t)rand() % n_lines] + (size_t)(rand() % 20);
      memmove(text + at + 1, text + at, len - at);
      text[at] = 'x';
      len++;
    } else { /* ... and delete it */
      memmove(text + at, text + at + 1, len - at - 1);
      len--;
    }
    double t0 = cpu_ms(), w0 = now_ms();
    cd_report *r = fresh ? cd_analyze(text, len, CD_FORMAT_PLAINTEXT, config)
                         : cd_analysis_update(a, text, len, CD_FORMAT_PLAINTEXT, config);
    t[k] = cpu_ms() - t0;
    wall[k] = now_ms() - w0;
    cd_report_free(r);
  }
  qsort(t, n, sizeof *t, cmp_double);
  qsort(wall, n, sizeof *wall, cmp_double);
  const char *what = fresh ? "cd_analyze (fresh)" : mode == 2 ? "cd_analysis_update, one thread" : "cd_analysis_update";
  printf("%s, %zu keystrokes on %zu bytes: CPU p50 %.3f ms  p90 %.3f ms  p99 %.3f ms  max %.3f ms\n", what, n, len,
         pct(t, n, 50), pct(t, n, 90), pct(t, n, 99), t[n - 1]);
  printf("%s, wall clock: p50 %.3f ms  p90 %.3f ms  p99 %.3f ms  max %.3f ms\n", what, pct(wall, n, 50),
         pct(wall, n, 90), pct(wall, n, 99), wall[n - 1]);
  free(t);
  free(wall);
  free(lines);
  free(text);
  cd_analysis_free(a);
  cd_config_free(config);
  return 0;
}
