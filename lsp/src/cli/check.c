/* copydesk check|sources [options] PATH... | --stdin-jsonl ("-" reads standard input;
 * directories and globs are expanded by walk.c; binary files are skipped with a note). The
 * configuration of a file is --config FILE, else the nearest .copydesk.json in the file's
 * directory or above it (for stdin: the current directory), else the defaults. A configuration problem is reported on stderr once per
 * configuration file, the bad settings are skipped (all of the file's when it is not valid JSON),
 * checking goes on, and the exit status is 2.
 *
 * Files are analysed by --jobs threads sharing one configuration per configuration file (a
 * cd_config is safe to share). The main thread is one of them: it also reads the list (or standard
 * input's lines), resolves configurations and writes every output in the order given, and analyses
 * a file whenever the window of files in flight is full (at most four per thread, so memory stays
 * flat over any number of files). So no thread sleeps while there is a file to analyse: a thread
 * woken by another costs an interrupt between processors, which on a VM took a tenth of a batch's
 * CPU time when a main thread that only read and wrote slept and woke at every file. */
#include "cli.h"
#include "processors.h"

#include <jansson.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "config_file.h"
#include "heap.h"
#include "input.h"
#include "options.h"
#include "output.h"
#include "record_files.h"
#include "walk.h"

/* One article on its way through: read (or received), analysed, then written and freed. */
typedef struct job {
  char *path;             /* owned */
  char *text;             /* owned; NULL until read (paths) or when it could not be read */
  size_t len;
  const char *why;        /* why there is no text (static, or `why_owned`) */
  char *why_owned;
  bool binary;            /* skipped: not an article */
  const cd_settings *settings;
  const cd_record_source **record; /* the sources its quotes are checked against (owned array) */
  size_t n_record;
  cd_report *report;
  cd_cli_file file;
  bool file_ok;
  bool done;
} job;

typedef struct run {
  cd_cli_options o;
  cd_settings **settings; /* one per configuration file (file NULL: the defaults); stable addresses */
  size_t n_settings, cap_settings;
  cd_cli_output *out;
  cd_record_cache *record; /* the record's files, read once per run */
  cd_cli_totals totals;
  int status;

  /* The window of jobs in flight: job k lives in slots[k % window]. */
  job *slots;
  size_t window;
  size_t produced, started, written; /* counters of jobs */
  bool closing;
  pthread_mutex_t lock;
  /* Each side wakes only a thread that waits for what it did: a worker when a job is there for it,
   * the main thread when the job it waits to write is done (with nothing left to analyse). One
   * condition for all woke every thread at each step, some eight futex calls a file. */
  pthread_cond_t work_ready, oldest_done;
  size_t idle_workers; /* waiting on work_ready */
  bool main_waiting;   /* waiting on oldest_done */
} run;

static void report_config_errors(run *r, const cd_settings *s) {
  for (size_t i = 0; i < s->errors.len; i++) {
    const cd_config_error *e = &s->errors.items[i];
    fprintf(stderr, "copydesk: configuration error: %s\n", e->message);
    r->out->config_error(r->out, e);
  }
  if (s->errors.len) {
    fprintf(stderr, "copydesk: %s: %s\n", s->file ? s->file : "configuration",
            s->errors.len == 1 && s->errors.items[0].pointer[0] == 0 && s->errors.items[0].line > 0
                ? "not valid JSON, so none of it applies: checking with the defaults"
                : "the settings named above are skipped; the rest apply");
    r->status = 2;
  }
}

/* The settings for one file: --config, else the nearest .copydesk.json, else defaults. */
static const cd_settings *settings_for(run *r, const char *path) {
  char *file = NULL;
  if (r->o.config_path) file = strdup(r->o.config_path);
  else if (!r->o.no_config) file = cd_config_find_for_file(path);
  for (size_t i = 0; i < r->n_settings; i++) {
    const char *f = r->settings[i]->file;
    if ((!f && !file) || (f && file && strcmp(f, file) == 0)) {
      free(file);
      return r->settings[i];
    }
  }
  if (r->n_settings == r->cap_settings) {
    size_t cap = r->cap_settings ? r->cap_settings * 2 : 4;
    cd_settings **p = realloc(r->settings, cap * sizeof *p);
    if (!p) {
      free(file);
      return NULL;
    }
    r->settings = p;
    r->cap_settings = cap;
  }
  cd_settings *s = malloc(sizeof *s);
  bool ok = s && cd_settings_build(s, file, NULL);
  free(file);
  if (!ok) {
    free(s);
    return NULL;
  }
  r->settings[r->n_settings++] = s;
  report_config_errors(r, s);
  return s;
}

static void add_totals(cd_cli_totals *t, const cd_cli_file *f) {
  for (size_t k = 0; k < f->n_diags; k++) {
    t->counts[f->diags[k].severity]++;
    if (strcmp(f->diags[k].code, "quote.unattributed") == 0) t->unattributed++;
  }
  size_t nq;
  const cd_quote *q = cd_report_quotes(f->report, &nq);
  for (size_t k = 0; k < nq; k++)
    if (q[k].kind == CD_QUOTE_SPEECH) t->quotes++;
  t->files++;
}

/* A NUL byte in the first 8000 bytes marks a binary file, as git decides. */
static bool looks_binary(const char *text, size_t len) { return memchr(text, 0, len < 8000 ? len : 8000) != NULL; }

/* The work of a job that needs no output: analysing, deriving positions. Any thread. */
static void work(run *r, job *j) {
  if (!j->text || !j->settings || j->binary) return;
  cd_format fmt = r->o.lang >= 0 ? (cd_format)r->o.lang : cd_format_from_path(j->path);
  j->report = cd_analyze_with_record(j->text, j->len, fmt, j->settings->config, j->record, j->n_record);
  j->file_ok = j->report && cd_cli_file_init(&j->file, j->path, j->text, j->len, fmt, j->report, j->settings->file);
  if (j->file_ok) {
    j->file.min_severity = cd_cli_min_severity(&r->o);
    j->file.record = j->record;
    j->file.n_record = j->n_record;
  }
}

/* Writes a finished job's output and frees it. Main thread only, in order. */
static void finish_job(run *r, job *j) {
  if (!j->text && j->why) {
    fprintf(stderr, "copydesk: %s: %s\n", j->path, j->why);
    r->out->file_error(r->out, j->path, j->why);
    r->totals.file_errors++;
    r->status = 2;
  } else if (j->binary) {
    if (!r->o.quiet) fprintf(stderr, "copydesk: %s: skipped, a binary file (not an article)\n", j->path);
    r->out->skipped(r->out, j->path, "a binary file");
    r->totals.skipped++;
  } else if (j->file_ok) {
    add_totals(&r->totals, &j->file);
    r->out->file(r->out, &j->file);
    cd_cli_file_free(&j->file);
  } else {
    fprintf(stderr, "copydesk: %s: out of memory\n", j->path);
    r->out->file_error(r->out, j->path, "out of memory");
    r->status = 2;
  }
  cd_report_free(j->report);
  free(j->record);
  free(j->text);
  free(j->path);
  free(j->why_owned);
  memset(j, 0, sizeof *j);
}

static void *worker(void *arg) {
  run *r = arg;
  pthread_mutex_lock(&r->lock);
  for (;;) {
    while (r->started == r->produced && !r->closing) {
      r->idle_workers++;
      pthread_cond_wait(&r->work_ready, &r->lock);
      r->idle_workers--;
    }
    if (r->started == r->produced) break;
    job *j = &r->slots[r->started++ % r->window];
    pthread_mutex_unlock(&r->lock);
    work(r, j);
    pthread_mutex_lock(&r->lock);
    j->done = true;
    if (r->main_waiting && j == &r->slots[r->written % r->window]) pthread_cond_signal(&r->oldest_done);
  }
  pthread_mutex_unlock(&r->lock);
  return NULL;
}

/* Writes out the oldest job, done. Main thread only. */
static void write_oldest(run *r, bool threaded) {
  finish_job(r, &r->slots[r->written % r->window]);
  /* only the main thread writes `written` (the workers read it, under the lock, to compare with a job) */
  if (threaded) pthread_mutex_lock(&r->lock);
  r->written++;
  if (threaded) pthread_mutex_unlock(&r->lock);
}

/* Threaded: writes out the jobs that are done, oldest first, up to the first that is not. */
static void write_done(run *r) {
  for (;;) {
    pthread_mutex_lock(&r->lock);
    bool ready = r->written < r->produced && r->slots[r->written % r->window].done;
    pthread_mutex_unlock(&r->lock);
    if (!ready) return;
    write_oldest(r, true);
  }
}

/* Threaded, main thread: analyses the next job no thread has started, or when there is none waits
 * until the oldest is done. */
static void help_or_wait(run *r) {
  pthread_mutex_lock(&r->lock);
  if (r->started < r->produced) {
    job *j = &r->slots[r->started++ % r->window];
    pthread_mutex_unlock(&r->lock);
    work(r, j);
    pthread_mutex_lock(&r->lock);
    j->done = true;
  } else {
    job *oldest = &r->slots[r->written % r->window];
    r->main_waiting = true;
    while (!oldest->done) pthread_cond_wait(&r->oldest_done, &r->lock);
    r->main_waiting = false;
  }
  pthread_mutex_unlock(&r->lock);
}

/* Writes out every job in flight, in order, analysing what no worker has started. */
static void drain(run *r, bool threaded) {
  while (r->written < r->produced) {
    if (threaded) {
      write_done(r);
      if (r->written < r->produced) help_or_wait(r);
    } else {
      write_oldest(r, false);
    }
  }
}

/* A source of the record that could not be read: said once, and its quotes go unchecked. */
static void warn_source(void *arg, const char *path, const char *why) {
  run *r = arg;
  if (!r->o.quiet) fprintf(stderr, "copydesk: %s: %s (left out of the record)\n", path, why);
}

/* Hands a job filled by the caller (path, and text or why) to the workers, or does it at once.
 * Main thread only. */
static void submit(run *r, job *filled, bool threaded) {
  if (threaded) {
    write_done(r);
    while (r->produced - r->written == r->window) { /* the window is full: analyse, or wait */
      help_or_wait(r);
      write_done(r);
    }
  } else if (r->produced - r->written == r->window) {
    write_oldest(r, false);
  }
  /* only for an article: a file that could not be read or is skipped uses no configuration */
  filled->settings = filled->text && !filled->binary ? settings_for(r, filled->path) : NULL;
  if (filled->settings && r->record)
    filled->n_record = cd_record_cache_sources(r->record, filled->settings, filled->path, filled->text, filled->len,
                                               r->o.source_globs, (size_t)r->o.n_source_globs, &filled->record,
                                               warn_source, r);
  job *slot = &r->slots[r->produced % r->window];
  if (!threaded) {
    *slot = *filled;
    r->produced++;
    work(r, slot);
    write_oldest(r, false);
    return;
  }
  pthread_mutex_lock(&r->lock);
  *slot = *filled;
  r->produced++;
  if (r->idle_workers) pthread_cond_signal(&r->work_ready);
  pthread_mutex_unlock(&r->lock);
}

/* snprintf into a new buffer (free()); NULL when out of memory. */
static char *format_new(const char *fmt, size_t a, const char *b) {
  int n = snprintf(NULL, 0, fmt, a, b);
  char *p = n < 0 ? NULL : malloc((size_t)n + 1);
  if (p) snprintf(p, (size_t)n + 1, fmt, a, b);
  return p;
}

/* One line of --stdin-jsonl as a job: {"path": "...", "text": "..."}. */
static job job_from_line(const char *line, size_t len, size_t line_no) {
  job j;
  memset(&j, 0, sizeof j);
  json_error_t err;
  json_t *o = json_loadb(line, len, 0, &err);
  const char *path = json_string_value(json_object_get(o, "path"));
  json_t *text = json_object_get(o, "text");
  if (path) j.path = strdup(path);
  else j.path = format_new("<stdin line %zu>%s", line_no, "");
  if (!o) {
    j.why_owned = format_new("line %zu is not JSON: %s", line_no, err.text);
  } else if (!path || !json_is_string(text)) {
    j.why = "each line must be an object with a \"path\" string and a \"text\" string";
  } else {
    size_t n = json_string_length(text);
    j.text = malloc(n + 1);
    if (j.text) {
      memcpy(j.text, json_string_value(text), n + 1);
      j.len = n;
    }
  }
  if (j.why_owned) j.why = j.why_owned;
  if (!j.text && !j.why) j.why = "out of memory";
  json_decref(o);
  return j;
}

static void feed_paths(run *r, const cd_cli_paths *paths, bool threaded) {
  for (size_t i = 0; i < paths->len; i++) {
    job j;
    memset(&j, 0, sizeof j);
    j.path = strdup(paths->items[i]);
    /* Read here, in order: reading is cheap beside analysis, and a file's configuration is then
     * resolved only for an article, in the order a one-file-at-a-time run resolves it. */
    if (!j.path) j.why = "out of memory";
    else if ((j.text = cd_cli_read_file(j.path, &j.len, &j.why)) != NULL) j.binary = looks_binary(j.text, j.len);
    submit(r, &j, threaded);
  }
}

static void feed_stdin_jsonl(run *r, bool threaded) {
  char *line = NULL;
  size_t cap = 0, line_no = 0;
  ssize_t n;
  while ((n = getline(&line, &cap, stdin)) >= 0) {
    line_no++;
    size_t len = (size_t)n;
    while (len && (line[len - 1] == '\n' || line[len - 1] == '\r' || line[len - 1] == ' ')) len--;
    if (len == 0) continue;
    job j = job_from_line(line, len, line_no);
    if (!j.path) {
      free(j.text);
      free(j.why_owned);
      continue; /* out of memory for the name itself */
    }
    submit(r, &j, threaded);
  }
  free(line);
}

static cd_cli_output *output_for(const cd_cli_options *o) {
  if (strcmp(o->command, "sources") == 0)
    return o->format == CD_CLI_JSON ? cd_cli_sources_json_output(stdout, o) : cd_cli_sources_text_output(stdout, o);
  switch (o->format) {
  case CD_CLI_JSON: return cd_cli_json_output(stdout, o);
  case CD_CLI_JSONL: return cd_cli_jsonl_output(stdout, o);
  case CD_CLI_SARIF: return cd_cli_sarif_output(stdout, o);
  case CD_CLI_GITHUB: return cd_cli_github_output(stdout, o);
  case CD_CLI_RDJSON: return cd_cli_rdjson_output(stdout, o);
  case CD_CLI_TEXT: break;
  }
  return cd_cli_text_output(stdout, o);
}

/* The size of the largest of the files, as the walk found them (0 for those it could not ask:
 * they are read and reported later as they would be). */
static size_t largest_file(const cd_cli_paths *paths) {
  size_t largest = 0;
  for (size_t i = 0; i < paths->len; i++)
    if (paths->sizes[i] > largest) largest = paths->sizes[i];
  return largest;
}

static int jobs_for(const cd_cli_options *o, size_t n_paths) {
  long n = o->jobs > 0 ? o->jobs : cd_cli_processors();
  if (n < 1) n = 1;
  if (!o->stdin_jsonl && (size_t)n > n_paths) n = (long)n_paths;
  return n < 1 ? 1 : (int)n;
}

int cd_cli_check(int argc, char **argv) {
  run r;
  memset(&r, 0, sizeof r);
  int rc = cd_cli_parse_options(argc, argv, &r.o);
  if (rc >= 0) {
    cd_cli_options_free(&r.o);
    return rc;
  }
  r.out = output_for(&r.o);
  r.record = cd_record_cache_new();
  cd_cli_paths paths = {0};
  bool expanded = r.o.stdin_jsonl || cd_cli_expand(&paths, r.o.paths, (size_t)r.o.n_paths, r.o.quiet);
  int jobs = jobs_for(&r.o, paths.len);
  cd_cli_heap_setup(jobs == 1 && !r.o.stdin_jsonl ? largest_file(&paths) : 0);
  r.window = (size_t)jobs * 4;
  r.slots = calloc(r.window, sizeof *r.slots);
  pthread_t *threads = calloc((size_t)jobs, sizeof *threads);
  if (!r.out || !expanded || !r.slots || !threads || !r.record) {
    fprintf(stderr, "copydesk: out of memory\n");
    if (r.out) r.out->free(r.out);
    cd_record_cache_free(r.record);
    cd_cli_paths_free(&paths);
    free(r.slots);
    free(threads);
    cd_cli_options_free(&r.o);
    cd_cli_heap_done();
    return 2;
  }
  pthread_mutex_init(&r.lock, NULL);
  pthread_cond_init(&r.work_ready, NULL);
  pthread_cond_init(&r.oldest_done, NULL);
  int started = 0; /* worker threads: the main thread is the jobs-th */
  if (jobs > 1)
    for (; started < jobs - 1; started++)
      if (pthread_create(&threads[started], NULL, worker, &r) != 0) break;
  bool threaded = started > 0;
  if (r.o.stdin_jsonl) feed_stdin_jsonl(&r, threaded);
  else feed_paths(&r, &paths, threaded);
  drain(&r, threaded);
  pthread_mutex_lock(&r.lock);
  r.closing = true;
  pthread_cond_broadcast(&r.work_ready);
  pthread_mutex_unlock(&r.lock);
  for (int i = 0; i < started; i++) pthread_join(threads[i], NULL);

  bool failing = false;
  for (int s = r.o.fail_on; s <= CD_SEVERITY_ERROR; s++)
    if (r.totals.counts[s]) failing = true;
  r.out->finish(r.out, &r.totals, r.status == 0);
  fflush(stdout);
  r.out->free(r.out);
  cd_cli_paths_free(&paths);
  for (size_t i = 0; i < r.n_settings; i++) {
    cd_settings_free(r.settings[i]);
    free(r.settings[i]);
  }
  free(r.settings);
  cd_record_cache_free(r.record);
  free(r.slots);
  free(threads);
  pthread_mutex_destroy(&r.lock);
  pthread_cond_destroy(&r.work_ready);
  pthread_cond_destroy(&r.oldest_done);
  cd_cli_options_free(&r.o);
  cd_cli_heap_done();
  if (r.status) return r.status;
  return failing ? 1 : 0;
}
