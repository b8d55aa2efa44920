/* How many files `copydesk check` analyses at once when --jobs does not say. */
#ifndef CD_CLI_PROCESSORS_H
#define CD_CLI_PROCESSORS_H

/* The processors this process may run on (its CPU affinity: what taskset, a container's cpuset
 * or a batch scheduler leaves it), at least 1. The machine's online count would start threads
 * that only take turns on the processors allowed. */
long cd_cli_processors(void);

#endif
