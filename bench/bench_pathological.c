/* Pathological inputs: cd_analyze on texts built to hit worst cases, at 64 KB, 256 KB and 1 MB.
 *
 * Each case is made of one repeated unit: straight marks only, curly marks only, quotes nested
 * inside quotes, one run-on sentence full of quotes and no full stop, the same with no name or
 * verb of saying anywhere, ordinary copy on a single line (also at 10 MB), and distinct capitalised
 * names. Time per MB should not grow with the size
 * (linear analysis); the last columns compare 1 MB with 64 KB (a ratio of 16 is linear).
 * Not a test: it reports figures, never pass/fail. Times are the process's CPU time, which a
 * shared machine disturbs less than the wall clock (caches and memory bandwidth still vary).
 *
 * --server-memory keeps freed memory between analyses as `copydesk lsp` does
 * (cd_server_keep_memory), to see what a keystroke on such an article costs in the server. The
 * allocator decides much of the ratio: callgrind counts no more instructions per byte at 1 MB
 * than at 256 KB, and the rest is page faults (the last column) and cache misses. With glibc's
 * defaults a block above 32 MB is mapped and faulted in afresh on every analysis: 1 MB of straight
 * marks has 524,288 quotes, whose public records (136 bytes each) alone are 71 MB. A heap that grew
 * past twice the dynamic threshold (1 MB of distinct names touches about 48 MB) is trimmed after
 * each analysis and grows again.
 *
 * Each case runs in a child process of its own, so that every case starts from the allocator state
 * a fresh program has. glibc raises its mmap and trim thresholds when a large block is freed, so in
 * one process the cases run before a case decided its figures: after the 10 MB line, 64 KB of
 * distinct names ran on warm heap (80 page faults) while 1 MB was trimmed and faulted in again
 * (12,859), and the ratio read 25x where the same case alone reads 13x to 19x.
 *
 * --write DIR writes every input to DIR instead (a file per case and size, named by both), for
 * timing whole `copydesk check` processes on them (bench/pathological_cli.sh).
 *
 * usage: bench_pathological [runs] [--markdown] [--server-memory] [--only WORDS] [--write DIR]
 *        (default 3 runs per size, median reported; --only times the cases whose name holds WORDS)
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include "copydesk/analyzer.h"
#include "bench_args.h"
#include "server_internal.h"
#include "timing.h"

typedef struct buf {
  char *p;
  size_t len, cap;
} buf;

static void put(buf *b, const char *s) {
  size_t n = strlen(s);
  if (b->len + n > b->cap) return;
  memcpy(b->p + b->len, s, n);
  b->len += n;
}

/* A distinct capitalised word for each number: Ba, Be, ..., Baba, ... */
static void put_name(buf *b, size_t n) {
  static const char *const SYL[] = {"ba", "ke", "lo", "mi", "nu", "ra", "se", "to", "vi", "zu"};
  char word[64];
  size_t len = 0;
  do {
    const char *s = SYL[n % 10];
    word[len++] = s[0];
    word[len++] = s[1];
    n /= 10;
  } while (n && len < sizeof word - 3);
  word[0] = (char)(word[0] - 'a' + 'A');
  word[len] = '\0';
  put(b, word);
}

static void straight_marks(buf *b, size_t i) {
  (void)i;
  put(b, "\"");
}
static void curly_marks(buf *b, size_t i) { put(b, i % 2 ? "\xE2\x80\x9D" : "\xE2\x80\x9C"); }
/* Opens deeper and deeper, alternating double and single marks, closing every 64 levels. */
static void nested_quotes(buf *b, size_t i) {
  size_t depth = i % 128;
  if (depth < 64) put(b, depth % 2 ? "Ortiz said 'the mayor told us " : "Lund said \"we heard ");
  else put(b, depth % 2 ? "end\" " : "end' ");
}
static void run_on(buf *b, size_t i) {
  put(b, i % 3 ? "and Ortiz said \"we will build it\" while " : "and the mayor, according to Lund, called it a \"plan\" ");
}
/* One run-on sentence of short quotes between words that name nobody (markup's attributes read as
 * prose: <a b="c" ...): every quote's search for a speaker finds none and reads its whole window. */
static void run_on_nobody(buf *b, size_t i) { put(b, i % 2 ? "a b=\"c\" " : "<a d=\"e f\" "); }
static void one_line(buf *b, size_t i) {
  static const char *const S[] = {
      "Senator Ingrid Solberg opened the debate on Tuesday. \"We have waited long enough,\" Solberg said. ",
      "\xE2\x80\x9CThe money is in the budget,\xE2\x80\x9D said Mayor Rafael Duarte, who has led the council. ",
      "Critics say the cost will double, according to people familiar with the matter. ",
      "Mr. Duarte later told reporters: \"Nobody wants another delay.\" "};
  put(b, S[i % 4]);
}
static void names(buf *b, size_t i) {
  put_name(b, i);
  put(b, " ");
  put_name(b, i * 7 + 3);
  put(b, i % 2 ? " said so. " : " met ");
}

typedef struct pcase {
  const char *name;
  void (*unit)(buf *, size_t);
  size_t extra_size; /* a further size to time, 0 for none */
} pcase;

static const pcase CASES[] = {
    {"straight \" marks", straight_marks, 0},
    {"curly marks", curly_marks, 0},
    {"nested quotes", nested_quotes, 0},
    {"run-on with quotes", run_on, 0},
    {"run-on, nobody named", run_on_nobody, 0},
    {"one long line", one_line, 10u << 20},
    {"distinct names", names, 0},
};

static char *make(const pcase *c, size_t size, size_t *len) {
  buf b = {malloc(size), 0, size};
  if (!b.p) return NULL;
  for (size_t i = 0; b.len < size; i++) {
    size_t before = b.len;
    c->unit(&b, i);
    if (b.len == before) break; /* the next unit does not fit */
  }
  *len = b.len;
  return b.p;
}

/* Page faults so far: the share of the time that is the allocator's, which instructions do not show. */
static long minor_faults(void) {
  struct rusage ru;
  return getrusage(RUSAGE_SELF, &ru) == 0 ? ru.ru_minflt : 0;
}

/* The median CPU time of `runs` analyses; *faults: the median page faults of one. */
static double time_one(const char *text, size_t len, cd_format format, int runs, size_t *nquotes, double *faults) {
  double *t = malloc((size_t)runs * sizeof *t), *f = malloc((size_t)runs * sizeof *f);
  if (!t || !f) exit(1);
  for (int r = 0; r < runs; r++) {
    long f0 = minor_faults();
    double t0 = cpu_ms();
    cd_report *rep = cd_analyze(text, len, format, NULL);
    t[r] = cpu_ms() - t0;
    f[r] = (double)(minor_faults() - f0);
    if (!rep) exit(1);
    cd_report_quotes(rep, nquotes);
    cd_report_free(rep);
  }
  qsort(t, (size_t)runs, sizeof *t, cmp_double);
  qsort(f, (size_t)runs, sizeof *f, cmp_double);
  double median = t[runs / 2];
  *faults = f[runs / 2];
  free(t);
  free(f);
  return median;
}

static const size_t SIZES[] = {64u << 10, 256u << 10, 1u << 20};
enum { NSIZES = sizeof SIZES / sizeof SIZES[0] };

/* DIR/<case>-<bytes>.txt for every case (whose name holds `only`) and size; the case's name with
 * a dash for its spaces and quotation mark. 0 when all were written. */
static int write_inputs(const char *dir, const char *only) {
  for (size_t ci = 0; ci < sizeof CASES / sizeof CASES[0]; ci++) {
    const pcase *c = &CASES[ci];
    if (only && !strstr(c->name, only)) continue;
    char slug[64];
    size_t k = 0;
    for (const char *p = c->name; *p && k + 1 < sizeof slug; p++) {
      char ch = *p == ' ' || *p == '"' ? '-' : *p;
      if (ch != '-' || (k && slug[k - 1] != '-')) slug[k++] = ch;
    }
    slug[k] = '\0';
    for (size_t s = 0; s < NSIZES; s++) {
      size_t len;
      char *text = make(c, SIZES[s], &len), path[4096];
      if (!text) return 1;
      snprintf(path, sizeof path, "%s/%s-%zu.txt", dir, slug, SIZES[s]);
      FILE *f = fopen(path, "wb");
      bool ok = f && fwrite(text, 1, len, f) == len;
      if (f && fclose(f) != 0) ok = false;
      free(text);
      if (!ok) {
        fprintf(stderr, "cannot write %s\n", path);
        return 1;
      }
      printf("%s\n", path);
    }
  }
  return 0;
}

/* Times one case at every size and prints its line; 0 on success. */
static int time_case(const pcase *c, cd_format format, int runs) {
  double ms[NSIZES], faults[NSIZES];
  size_t nq = 0;
  for (size_t s = 0; s < NSIZES; s++) {
    size_t len;
    char *text = make(c, SIZES[s], &len);
    if (!text) return 1;
    ms[s] = time_one(text, len, format, runs, &nq, &faults[s]);
    free(text);
  }
  printf("%-20s", c->name);
  for (size_t s = 0; s < NSIZES; s++) printf(" %10.1f", ms[s] / ((double)SIZES[s] / (1u << 20)));
  printf(" %10.1f %9.1f %9zu %6.0f/%.0f\n", ms[NSIZES - 1], ms[NSIZES - 1] / ms[0], nq,
         faults[0] / ((double)SIZES[0] / (1u << 20)), faults[NSIZES - 1] / ((double)SIZES[NSIZES - 1] / (1u << 20)));
  if (c->extra_size) {
    size_t len;
    char *text = make(c, c->extra_size, &len);
    if (!text) return 1;
    double f;
    double t = time_one(text, len, format, 1, &nq, &f);
    printf("%-20s %zu MB: %.1f ms, %.1f ms per MB, %zu quotes\n", "", c->extra_size >> 20, t,
           t / ((double)len / (1u << 20)), nq);
    free(text);
  }
  fflush(stdout);
  return 0;
}

int main(int argc, char **argv) {
  int runs = 3;
  cd_format format = CD_FORMAT_PLAINTEXT;
  /* --server-memory anywhere; the other arguments are the shared ones */
  bool server_memory = false;
  const char *only = NULL, *write_dir = NULL;
  int kept = 0;
  for (int i = 0; i < argc; i++) {
    if (i > 0 && strcmp(argv[i], "--server-memory") == 0)
      server_memory = true;
    else if (i > 0 && i + 1 < argc && strcmp(argv[i], "--only") == 0)
      only = argv[++i];
    else if (i > 0 && i + 1 < argc && strcmp(argv[i], "--write") == 0)
      write_dir = argv[++i];
    else
      argv[kept++] = argv[i];
  }
  if (!bench_runs_and_format(kept, argv, &runs, &format)) {
    fprintf(stderr, "       --server-memory: keep freed memory between analyses as the server does\n"
                    "       --only WORDS: time only the cases whose name holds WORDS\n"
                    "       --write DIR: write the inputs to DIR, time nothing\n");
    return 2;
  }
  if (write_dir) return write_inputs(write_dir, only);
  if (server_memory) cd_server_keep_memory();
  printf("cd_analyze on pathological input, %s, median of %d runs; CPU ms per MB at each size; %s\n",
         format == CD_FORMAT_MARKDOWN ? "markdown" : "plain text", runs,
         server_memory ? "memory kept between analyses as the server keeps it" : "glibc's default allocator settings");
  printf("%-20s %10s %10s %10s %10s %9s %9s %13s\n", "input", "64 KB", "256 KB", "1 MB", "1 MB ms", "1MB/64KB", "quotes",
         "faults/MB 64K/1M");
  for (size_t ci = 0; ci < sizeof CASES / sizeof CASES[0]; ci++) {
    const pcase *c = &CASES[ci];
    if (only && !strstr(c->name, only)) continue;
    /* each case in a child of its own: see the comment at the top */
    fflush(stdout);
    pid_t pid = fork();
    if (pid < 0) return 1;
    if (pid == 0) _exit(time_case(c, format, runs));
    int status;
    if (waitpid(pid, &status, 0) != pid || !WIFEXITED(status) || WEXITSTATUS(status) != 0) {
      fprintf(stderr, "%s: the case failed\n", c->name);
      return 1;
    }
  }
  return 0;
}
