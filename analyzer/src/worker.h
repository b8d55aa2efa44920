/* A second thread for one document's analysis: the names pass runs on it beside the attribution
 * and claims passes when a long document is re-analysed on every keystroke (report.c), so that
 * an editor gets its diagnostics sooner on a machine with a core to spare. The output is the same
 * as from one thread: the two sides write separate tables, put together in a fixed order.
 *
 * One job at a time: cd_worker_run hands it over, cd_worker_wait returns once it is done;
 * cd_worker_warm before them says a job is coming soon (worker.c). */
#ifndef CD_WORKER_H
#define CD_WORKER_H
#include <stdbool.h>

typedef struct cd_worker cd_worker;

/* Starts the thread. NULL when it cannot be started (the caller then runs the job itself). */
cd_worker *cd_worker_new(void);
/* Stops and joins the thread (after the job in hand, if any). */
void cd_worker_free(cd_worker *w);
/* A job is coming within a few milliseconds: the worker wakes now and spins for it, so that the
 * handover costs no wake-up. */
void cd_worker_warm(cd_worker *w);
/* Runs fn(arg) on the worker's thread; the caller must cd_worker_wait before the next run. */
void cd_worker_run(cd_worker *w, void (*fn)(void *), void *arg);
void cd_worker_wait(cd_worker *w);

#endif
