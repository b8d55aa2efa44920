/* The default number of jobs of `copydesk check`: the processors the process may run on, not the
 * machine's. */
#define _GNU_SOURCE /* sched_getaffinity, sched_setaffinity, CPU_* */
#include <sched.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "cli/processors.h"

static void test_follows_the_affinity(void **state) {
  (void)state;
  cpu_set_t before;
  assert_int_equal(sched_getaffinity(0, sizeof before, &before), 0);
  assert_int_equal(cd_cli_processors(), CPU_COUNT(&before));

  /* Pinned to one of its processors (as `taskset -c N` does), the process gets one job. */
  int first = -1;
  for (int c = 0; c < CPU_SETSIZE && first < 0; c++)
    if (CPU_ISSET(c, &before)) first = c;
  assert_true(first >= 0);
  cpu_set_t one;
  CPU_ZERO(&one);
  CPU_SET(first, &one);
  if (sched_setaffinity(0, sizeof one, &one) != 0) skip(); /* a sandbox that forbids it */
  long pinned = cd_cli_processors();
  assert_int_equal(sched_setaffinity(0, sizeof before, &before), 0);
  assert_int_equal(pinned, 1);
  assert_true(cd_cli_processors() >= 1);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_follows_the_affinity),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
