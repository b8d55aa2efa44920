/* A worker thread with a one-job handover under a mutex and two condition variables. (Spinning
 * while the job runs, instead of sleeping until it ends, gained nothing measurable over pipes,
 * and spinning in place cost milliseconds whenever the job's thread waited for the same
 * processor.) */
#include "worker.h"

#include <pthread.h>
#include <stdlib.h>

struct cd_worker {
  pthread_t thread;
  pthread_mutex_t lock;
  pthread_cond_t job_ready, job_done;
  void (*fn)(void *); /* the job in hand, until it is done; NULL when none */
  void *arg;
  bool quit;
};

static void *loop(void *p) {
  cd_worker *w = p;
  pthread_mutex_lock(&w->lock);
  for (;;) {
    while (!w->fn && !w->quit) pthread_cond_wait(&w->job_ready, &w->lock);
    if (!w->fn) break; /* quit, with no job left */
    void (*fn)(void *) = w->fn;
    void *arg = w->arg;
    pthread_mutex_unlock(&w->lock);
    fn(arg);
    pthread_mutex_lock(&w->lock);
    w->fn = NULL;
    pthread_cond_signal(&w->job_done);
  }
  pthread_mutex_unlock(&w->lock);
  return NULL;
}

cd_worker *cd_worker_new(void) {
  cd_worker *w = calloc(1, sizeof *w);
  if (!w) return NULL;
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

void cd_worker_run(cd_worker *w, void (*fn)(void *), void *arg) {
  pthread_mutex_lock(&w->lock);
  w->fn = fn;
  w->arg = arg;
  pthread_cond_signal(&w->job_ready);
  pthread_mutex_unlock(&w->lock);
}

void cd_worker_wait(cd_worker *w) {
  pthread_mutex_lock(&w->lock);
  while (w->fn) pthread_cond_wait(&w->job_done, &w->lock);
  pthread_mutex_unlock(&w->lock);
}
