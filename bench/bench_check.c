/* Analysis throughput: cd_analyze on invented news copy of 10 KB, 100 KB and 1 MB.
 *
 * The article is a set of paragraphs (attributed, partial, split, unattributed and nested quotes,
 * titles and courtesy titles, a pronoun, a source, name variants, weasel claims, curly marks and
 * accents) repeated to each size. For each size it prints the median, fastest and slowest time
 * of one analysis, and the median throughput; equal MB/s across sizes means linear time. The
 * first rows, an empty text and 1 KB, show the fixed cost of one call. Every analysis shares one
 * configuration, as `copydesk check` shares one per configuration file; the cost of a fresh
 * configuration (its claim patterns compiled on first use) is printed apart.
 * Not a test: it reports figures, never pass/fail.
 *
 * usage: bench_check [runs] [--markdown]   (default 15 runs per size, plain text)
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "copydesk/analyzer.h"
#include "bench_args.h"
#include "timing.h"

static const char *const PARAS[] = {
    "Harbour council approves the \xE2\x80\x9C" "Gannet Bridge\xE2\x80\x9D plan\n\n",
    "Senator Ingrid Solberg opened the debate on Tuesday. \"We have waited long enough for this bridge,\" "
    "Solberg said. \"The ferry cannot carry the town for another decade.\"\n\n",
    "\xE2\x80\x9CThe money is already in the budget,\xE2\x80\x9D said Mayor Rafael Duarte, who has led the "
    "council since 2019. He added that the works would start \xE2\x80\x9Cno later than March\xE2\x80\x9D.\n\n",
    "Critics say the cost will double. The project is reportedly behind schedule, according to people "
    "familiar with the matter.\n\n",
    "Mr. Duarte later told reporters: \"Nobody here wants another delay.\" Duarte's deputy, Kwame "
    "Asante, said the so-called \"temporary\" ramp had stood since 1974.\n\n",
    "\"When I asked the ministry, they told me 'ask again next week',\" Asante said. The ministry said "
    "it would publish every invoice. The U.S. engineering firm and its US partners declined to comment.\n\n",
    "\"This is the end of the ferry.\"\n\n",
    "Helena V\xC3\xB6s, whose book \"The Last Timetable\" argued for the bridge, was blunt: \"It's rock "
    "'n' roll engineering, but it works.\" She said the '90s design was sound.\n\n",
};

static char *make_article(size_t target, size_t *len_out) {
  size_t cap = target + 4096, len = 0, i = 0;
  char *buf = malloc(cap);
  if (!buf) return NULL;
  while (len < target) {
    const char *p = PARAS[i % (sizeof PARAS / sizeof PARAS[0])];
    /* The headline only once, at the top. */
    if (i > 0 && i % (sizeof PARAS / sizeof PARAS[0]) == 0) p = PARAS[1];
    size_t n = strlen(p);
    if (len + n > cap) break;
    memcpy(buf + len, p, n);
    len += n;
    i++;
  }
  *len_out = len;
  return buf;
}

int main(int argc, char **argv) {
  int runs = 15;
  cd_format format = CD_FORMAT_PLAINTEXT;
  if (!bench_runs_and_format(argc, argv, &runs, &format)) return 2;
  static const size_t sizes[] = {0, 1024, 10 * 1024, 100 * 1024, 1024 * 1024};
  double *times = malloc((size_t)runs * sizeof *times);
  if (!times) return 1;
  cd_config *config = cd_config_new();
  if (!config) return 1;
  printf("cd_analyze, %s, %d runs per size (after one warm-up run), one shared configuration\n",
         format == CD_FORMAT_MARKDOWN ? "markdown" : "plain text", runs);
  printf("%10s %8s %8s %12s %10s %10s %10s\n", "bytes", "quotes", "diags", "median ms", "min ms", "max ms",
         "MB/s");
  for (size_t s = 0; s < sizeof sizes / sizeof sizes[0]; s++) {
    size_t len;
    char *text = make_article(sizes[s], &len);
    if (!text) return 1;
    size_t nq = 0, nd = 0;
    cd_report *warm = cd_analyze(text, len, format, config);
    if (!warm) return 1;
    cd_report_quotes(warm, &nq);
    cd_report_diagnostics(warm, &nd);
    cd_report_free(warm);
    for (int r = 0; r < runs; r++) {
      double t0 = now_ms();
      cd_report *rep = cd_analyze(text, len, format, config);
      double t1 = now_ms();
      if (!rep) return 1;
      cd_report_free(rep);
      times[r] = t1 - t0;
    }
    qsort(times, (size_t)runs, sizeof *times, cmp_double);
    double median = runs % 2 ? times[runs / 2] : (times[runs / 2 - 1] + times[runs / 2]) / 2;
    printf("%10zu %8zu %8zu %12.3f %10.3f %10.3f", len, nq, nd, median, times[0], times[runs - 1]);
    if (len) printf(" %10.2f\n", (double)len / (1024.0 * 1024.0) / (median / 1000.0));
    else printf(" %10s\n", "-");
    free(text);
  }
  /* The fixed cost a configuration adds when it is made for one call (the old CLI did per file). */
  for (int r = 0; r < runs; r++) {
    double t0 = now_ms();
    cd_config *fresh = cd_config_new();
    static const char tiny[] = "A \"short\" text, it said.";
    cd_report *rep = fresh ? cd_analyze(tiny, sizeof tiny - 1, format, fresh) : NULL;
    cd_report_free(rep);
    cd_config_free(fresh);
    times[r] = now_ms() - t0;
  }
  qsort(times, (size_t)runs, sizeof *times, cmp_double);
  printf("a fresh configuration and one tiny analysis: median %.3f ms\n", times[runs / 2]);
  cd_config_free(config);
  free(times);
  return 0;
}
