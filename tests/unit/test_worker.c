/* The second thread's handover (worker.c): every job runs once, on the worker, and what it writes
 * is there when cd_worker_wait returns; a warm-up that no job follows, or that the worker is freed
 * after, leaves the worker working (or stopping) as without it. */
#define _POSIX_C_SOURCE 200809L
#include <pthread.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <time.h>

#include <cmocka.h>

#include "worker.h"

typedef struct job {
  uint64_t in[8];  /* written by the caller before the handover */
  uint64_t out[8]; /* written by the job */
  pthread_t ran_on;
  int runs;
} job;

static void double_it(void *p) {
  job *j = p;
  for (int i = 0; i < 8; i++) j->out[i] = 2 * j->in[i];
  j->ran_on = pthread_self();
  j->runs++;
}

static void pause_ms(long ms) {
  struct timespec t = {0, ms * 1000000L};
  nanosleep(&t, NULL);
}

/* Jobs with and without a warm-up before them, and with a pause between the warm-up and the job
 * (longer than the worker spins for it, or not), each seen whole by the caller once waited for. */
static void test_worker_runs_each_job(void **state) {
  (void)state;
  cd_worker *w = cd_worker_new();
  assert_non_null(w);
  job j = {0};
  for (int k = 0; k < 300; k++) {
    if (k % 3 != 0) cd_worker_warm(w);
    if (k % 50 == 1) pause_ms(5); /* the worker gave up its spin: the job wakes it */
    for (int i = 0; i < 8; i++) j.in[i] = (uint64_t)k * 8 + (uint64_t)i;
    cd_worker_run(w, double_it, &j);
    if (k % 7 == 0) pause_ms(1); /* done before the caller waits */
    cd_worker_wait(w);
    assert_int_equal(j.runs, k + 1);
    for (int i = 0; i < 8; i++) assert_int_equal(j.out[i], 2 * ((uint64_t)k * 8 + (uint64_t)i));
    assert_false(pthread_equal(j.ran_on, pthread_self()));
  }
  cd_worker_free(w);
}

/* Warm-ups with no job after them, then a job. */
static void test_worker_warm_without_job(void **state) {
  (void)state;
  cd_worker *w = cd_worker_new();
  assert_non_null(w);
  cd_worker_warm(w);
  cd_worker_warm(w);
  pause_ms(10);
  cd_worker_warm(w);
  job j = {.in = {21}};
  cd_worker_run(w, double_it, &j);
  cd_worker_wait(w);
  assert_int_equal(j.runs, 1);
  assert_int_equal(j.out[0], 42);
  cd_worker_free(w);
}

/* Freed while it spins for a job that never comes, and freed without ever working: both stop. */
static void test_worker_free_while_warm(void **state) {
  (void)state;
  for (int k = 0; k < 20; k++) {
    cd_worker *w = cd_worker_new();
    assert_non_null(w);
    if (k % 2) cd_worker_warm(w);
    cd_worker_free(w);
  }
  cd_worker_free(NULL);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_worker_runs_each_job),
      cmocka_unit_test(test_worker_warm_without_job),
      cmocka_unit_test(test_worker_free_while_warm),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
