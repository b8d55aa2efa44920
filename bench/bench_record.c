/* The record's share of a keystroke, in process: an article is analysed version after version
 * (cd_analysis_update_with_record, as the server does) with its sources and without them, and
 * the CPU time of each keystroke is reported (each keystroke is analysed both ways in turn, so
 * the machine's load touches both alike). Keystrokes type a letter and delete it again,
 * alternately outside the quotes (every quote unchanged) and inside one (that quote changes).
 *
 * usage: bench_record ARTICLE SOURCE... [--keystrokes N]
 *   bench/plant_record.py --write DIR writes an article and a 1 MB transcript for it:
 *   bench_record DIR/article.txt DIR/transcripts/interview.txt
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "copydesk/record.h"
#include "timing.h"

static char *read_all(const char *path, size_t *len) {
  FILE *f = fopen(path, "rb");
  if (!f) return NULL;
  fseek(f, 0, SEEK_END);
  long n = ftell(f);
  fseek(f, 0, SEEK_SET);
  char *buf = malloc((size_t)n + 1);
  *len = buf ? fread(buf, 1, (size_t)n, f) : 0;
  fclose(f);
  if (buf) buf[*len] = 0;
  return buf;
}

/* Places to type: just after an opening curly quote (inside) and at a paragraph's start (outside). */
typedef struct places {
  size_t *at;
  size_t n;
} places;

static places find_places(const char *text, size_t len, bool inside) {
  places p = {malloc((len / 8 + 1) * sizeof(size_t)), 0};
  for (size_t i = 0; i + 3 < len && p.at; i++) {
    if (inside && memcmp(text + i, "\xE2\x80\x9C", 3) == 0) p.at[p.n++] = i + 3 + 4;
    if (!inside && text[i] == '\n' && text[i + 1] != '\n' && i + 2 < len) p.at[p.n++] = i + 2;
  }
  return p;
}

/* Keystrokes at random places, each analysed with the record and without it, one after the
 * other (so the machine's load touches both alike); CPU ms into with[] and without[]. */
static void run(const char *text, size_t len, const places *where, size_t keystrokes, const cd_record_source *const *src,
                size_t n_src, double *with, double *without) {
  char *buf = malloc(len + 2);
  memcpy(buf, text, len);
  size_t cur = len;
  cd_analysis *a = cd_analysis_new(), *plain = cd_analysis_new();
  cd_config *config = cd_config_new();
  cd_report_free(cd_analysis_update_with_record(a, buf, cur, CD_FORMAT_PLAINTEXT, config, src, n_src));
  cd_report_free(cd_analysis_update(plain, buf, cur, CD_FORMAT_PLAINTEXT, config));
  srand(7);
  size_t at = 0;
  for (size_t k = 0; k < keystrokes; k++) {
    if (k % 2 == 0) { /* type */
      at = where->at[(size_t)rand() % where->n];
      memmove(buf + at + 1, buf + at, cur - at);
      buf[at] = 'x';
      cur++;
    } else { /* and delete */
      memmove(buf + at, buf + at + 1, cur - at - 1);
      cur--;
    }
    double c0 = cpu_ms();
    cd_report *r = cd_analysis_update_with_record(a, buf, cur, CD_FORMAT_PLAINTEXT, config, src, n_src);
    double c1 = cpu_ms();
    cd_report *p = cd_analysis_update(plain, buf, cur, CD_FORMAT_PLAINTEXT, config);
    double c2 = cpu_ms();
    with[k] = c1 - c0;
    without[k] = c2 - c1;
    cd_report_free(r);
    cd_report_free(p);
  }
  cd_config_free(config);
  cd_analysis_free(a);
  cd_analysis_free(plain);
  free(buf);
}

static double pct(double *v, size_t n, int p) {
  qsort(v, n, sizeof *v, cmp_double);
  return v[(n - 1) * (size_t)p / 100];
}

int main(int argc, char **argv) {
  size_t keystrokes = 1000;
  const char *article = NULL;
  cd_record_source *src[16];
  size_t n_src = 0, src_bytes = 0;
  for (int i = 1; i < argc; i++) {
    if (strcmp(argv[i], "--keystrokes") == 0 && i + 1 < argc) {
      keystrokes = strtoul(argv[++i], NULL, 10);
    } else if (!article) {
      article = argv[i];
    } else if (n_src < 16) {
      size_t len;
      char *t = read_all(argv[i], &len);
      if (!t) {
        fprintf(stderr, "%s: cannot read\n", argv[i]);
        return 2;
      }
      src[n_src++] = cd_record_source_new(argv[i], t, len);
      src_bytes += len;
      free(t);
    }
  }
  size_t len;
  char *text = article ? read_all(article, &len) : NULL;
  if (!text || n_src == 0 || keystrokes < 2) {
    fprintf(stderr, "usage: bench_record ARTICLE SOURCE... [--keystrokes N]\n");
    return 2;
  }
  printf("bench_record: %zu-byte article, %zu source(s) of %zu bytes, %zu keystrokes each (CPU time, noisy)\n", len,
         n_src, src_bytes, keystrokes);
  double *with = malloc(keystrokes * sizeof *with), *without = malloc(keystrokes * sizeof *without);
  for (int inside = 0; inside < 2; inside++) {
    places p = find_places(text, len, inside);
    if (p.n == 0) continue;
    run(text, len, &p, keystrokes, (const cd_record_source *const *)src, n_src, with, without);
    double *share = malloc(keystrokes * sizeof *share);
    for (size_t k = 0; k < keystrokes; k++) share[k] = with[k] - without[k];
    double s50 = pct(share, keystrokes, 50);
    free(share);
    double w50 = pct(with, keystrokes, 50), w99 = pct(with, keystrokes, 99);
    double o50 = pct(without, keystrokes, 50), o99 = pct(without, keystrokes, 99);
    printf("  typing %s quotes: with the record p50 %.3f ms p99 %.3f ms; without p50 %.3f ms p99 %.3f ms;"
           " the record's share (per keystroke) p50 %.3f ms\n",
           inside ? "inside " : "outside", w50, w99, o50, o99, s50);
    free(p.at);
  }
  free(with);
  free(without);
  free(text);
  for (size_t i = 0; i < n_src; i++) cd_record_source_free(src[i]);
  return 0;
}
