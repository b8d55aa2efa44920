/* Reading a report in the analyzer tests. Included by tests/unit/test_*.c. */
#ifndef COPYDESK_TEST_REPORT_H
#define COPYDESK_TEST_REPORT_H

#include <string.h>

#include "copydesk/analyzer.h"

/* How many diagnostics have exactly this rule code. */
static inline size_t count_code(const cd_report *r, const char *code) {
  size_t n, k = 0;
  const cd_diagnostic *d = cd_report_diagnostics(r, &n);
  for (size_t i = 0; i < n; i++)
    if (strcmp(d[i].code, code) == 0) k++;
  return k;
}

#endif
