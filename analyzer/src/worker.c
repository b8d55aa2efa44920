/* A worker thread with a one-job handover under a mutex and two condition variables, and short
 * spins on both sides of it. Waking a thread asleep on a condition variable takes some 50 µs on a
 * virtual machine, and now and then over half a millisecond, twice a keystroke (the job handed
 * over, its end waited for), on a keystroke of about a millisecond. So the caller warms the worker
 * up when the analysis starts (cd_worker_warm), and the worker spins for the job while the first
 * passes run; the caller spins for the job's end a while before it sleeps. Each spin yields the
 * processor on every turn, so that the thread it waits for gets it when they share one, and gives
 * up after a bound: a spin that waits for a thread that does not run costs no more than the
 * bound. With one processor to run on there is nothing to spin for: both threads would take turns
 * on it, and the spinning one would slow the other. */
#define _GNU_SOURCE /* sched_getaffinity: the processors this process may run on */
#include "worker.h"

#include <pthread.h>
#include <sched.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

/* How long the worker spins for a job after a warm-up (the passes before the handover take a
 * fraction of a millisecond on a long article), and how long the caller spins for the job's end. */
enum { WARM_SPIN_NS = 3000000, WAIT_SPIN_NS = 1000000 };

struct cd_worker {
  pthread_t thread;
  pthread_mutex_t lock;
  pthread_cond_t job_ready, job_done;
  /* the job in hand, until it is done; NULL when none. Written under the lock, read by the spins
   * without it: the job's arg and results are published by it */
  void (*_Atomic fn)(void *);
  void *arg;
  bool spin;         /* there is a processor to spare: warm-ups and waits spin */
  bool warm;         /* a job is coming soon: spin for it (under the lock) */
  _Atomic bool quit; /* written under the lock; the worker's spin reads it without */
};

static int64_t now_ns(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (int64_t)t.tv_sec * 1000000000 + t.tv_nsec;
}

/* Spins until fn is (want_job) or is not (!want_job) NULL, or `ns` have passed, or the worker is
 * told to quit; true when fn is as wanted. */
static bool spin_for(cd_worker *w, bool want_job, int64_t ns) {
  int64_t until = now_ns() + ns;
  for (unsigned turn = 0;; turn++) {
    bool has = atomic_load_explicit(&w->fn, memory_order_acquire) != NULL;
    if (has == want_job) return true;
    if (atomic_load_explicit(&w->quit, memory_order_relaxed)) return false;
    if ((turn & 15) == 15 && now_ns() > until) return false;
    sched_yield();
  }
}

/* The processors this process may run on. */
static long processors(void) {
#ifdef CPU_COUNT
  cpu_set_t set;
  if (sched_getaffinity(0, sizeof set, &set) == 0) return CPU_COUNT(&set);
#endif
  return sysconf(_SC_NPROCESSORS_ONLN);
}

static void *loop(void *p) {
  cd_worker *w = p;
  pthread_mutex_lock(&w->lock);
  for (;;) {
    while (!atomic_load_explicit(&w->fn, memory_order_relaxed) && !w->quit) {
      if (w->warm) {
        w->warm = false;
        pthread_mutex_unlock(&w->lock);
        spin_for(w, true, WARM_SPIN_NS);
        pthread_mutex_lock(&w->lock);
        continue;
      }
      pthread_cond_wait(&w->job_ready, &w->lock);
    }
    void (*fn)(void *) = atomic_load_explicit(&w->fn, memory_order_relaxed);
    if (!fn) break; /* quit, with no job left */
    void *arg = w->arg;
    pthread_mutex_unlock(&w->lock);
    fn(arg);
    pthread_mutex_lock(&w->lock);
    atomic_store_explicit(&w->fn, NULL, memory_order_release);
    pthread_cond_signal(&w->job_done);
  }
  pthread_mutex_unlock(&w->lock);
  return NULL;
}

cd_worker *cd_worker_new(void) {
  cd_worker *w = calloc(1, sizeof *w);
  if (!w) return NULL;
  atomic_init(&w->fn, NULL);
  atomic_init(&w->quit, false);
  w->spin = processors() > 1;
  if (pthread_mutex_init(&w->lock, NULL)) goto no_lock;
  if (pthread_cond_init(&w->job_ready, NULL)) goto no_ready;
  if (pthread_cond_init(&w->job_done, NULL)) goto no_done;
  if (pthread_create(&w->thread, NULL, loop, w)) goto no_thread;
  return w;
no_thread:
  pthread_cond_destroy(&w->job_done);
no_done:
  pthread_cond_destroy(&w->job_ready);
no_ready:
  pthread_mutex_destroy(&w->lock);
no_lock:
  free(w);
  return NULL;
}

void cd_worker_free(cd_worker *w) {
  if (!w) return;
  pthread_mutex_lock(&w->lock);
  w->quit = true;
  pthread_cond_signal(&w->job_ready);
  pthread_mutex_unlock(&w->lock);
  pthread_join(w->thread, NULL);
  pthread_cond_destroy(&w->job_done);
  pthread_cond_destroy(&w->job_ready);
  pthread_mutex_destroy(&w->lock);
  free(w);
}

void cd_worker_warm(cd_worker *w) {
  if (!w->spin) return;
  pthread_mutex_lock(&w->lock);
  w->warm = true;
  pthread_cond_signal(&w->job_ready);
  pthread_mutex_unlock(&w->lock);
}

void cd_worker_run(cd_worker *w, void (*fn)(void *), void *arg) {
  pthread_mutex_lock(&w->lock);
  w->arg = arg;
  atomic_store_explicit(&w->fn, fn, memory_order_release);
  pthread_cond_signal(&w->job_ready);
  pthread_mutex_unlock(&w->lock);
}

void cd_worker_wait(cd_worker *w) {
  if (w->spin && spin_for(w, false, WAIT_SPIN_NS)) return;
  pthread_mutex_lock(&w->lock);
  while (atomic_load_explicit(&w->fn, memory_order_relaxed)) pthread_cond_wait(&w->job_done, &w->lock);
  pthread_mutex_unlock(&w->lock);
}
