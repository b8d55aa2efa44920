#define _GNU_SOURCE /* sched_getaffinity, CPU_COUNT */
#include "processors.h"

#include <sched.h>
#include <unistd.h>

long cd_cli_processors(void) {
  long n = -1;
#ifdef CPU_COUNT
  cpu_set_t allowed;
  if (sched_getaffinity(0, sizeof allowed, &allowed) == 0) n = CPU_COUNT(&allowed);
#endif
  if (n < 1) n = sysconf(_SC_NPROCESSORS_ONLN);
  return n < 1 ? 1 : n;
}
