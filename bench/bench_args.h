/* The arguments the in-process analysis benchmarks share: [runs] [--markdown]. Header-only: each
 * bench is one executable. */
#ifndef CD_BENCH_ARGS_H
#define CD_BENCH_ARGS_H
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "copydesk/analyzer.h"

/* Reads the arguments into *runs and *format (left as given when absent); 0 after printing the
 * usage when an argument is not understood. */
static inline int bench_runs_and_format(int argc, char **argv, int *runs, cd_format *format) {
  for (int i = 1; i < argc; i++) {
    if (strcmp(argv[i], "--markdown") == 0)
      *format = CD_FORMAT_MARKDOWN;
    else if (atoi(argv[i]) > 0)
      *runs = atoi(argv[i]);
    else {
      fprintf(stderr, "usage: %s [runs] [--markdown]\n", argv[0]);
      return 0;
    }
  }
  return 1;
}

#endif
