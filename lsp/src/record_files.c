/* The record's files: globs from the configuration and the front matter, and the cache of
 * indexed sources (record_files.h). */
#define _GNU_SOURCE
#include "record_files.h"

#include <dirent.h>
#include <errno.h>
#include <fnmatch.h>
#include <glob.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <stdint.h>
#include <sys/stat.h>
#include <time.h>

#include "config_file.h"

/* Larger files are not transcripts or releases: they are left out with a note. */
#define RECORD_FILE_MAX (64u * 1024u * 1024u)
/* How long a document's list of files stands without a look at the directories (ms). */
#define RECORD_RELIST_MS 2000.0

/* ---- small string lists ---- */

static bool push(char ***items, size_t *n, size_t *cap, char *s) {
  if (!s) return false;
  if (*n == *cap) {
    size_t c = *cap ? *cap * 2 : 8;
    char **p = realloc(*items, c * sizeof *p);
    if (!p) {
      free(s);
      return false;
    }
    *items = p;
    *cap = c;
  }
  (*items)[(*n)++] = s;
  return true;
}

void cd_record_globs_free(char **globs, size_t n) {
  for (size_t i = 0; i < n; i++) free(globs[i]);
  free(globs);
}

/* `rel` joined to the directory of `file` (or kept when absolute, or when `file` has no directory). */
static char *join_to_dir_of(const char *file, const char *rel, size_t rel_len) {
  const char *slash = file ? strrchr(file, '/') : NULL;
  size_t dir = rel_len && rel[0] == '/' ? 0 : slash ? (size_t)(slash - file) + 1 : 0;
  char *out = malloc(dir + rel_len + 1);
  if (!out) return NULL;
  memcpy(out, file, dir);
  memcpy(out + dir, rel, rel_len);
  out[dir + rel_len] = 0;
  return out;
}

void cd_record_globs_from_file(const char *config_file, char ***out, size_t *n) {
  *out = NULL;
  *n = 0;
  json_t *root = json_load_file(config_file, 0, NULL);
  json_t *list = json_object_get(root, "sources");
  size_t cap = 0, i;
  json_t *v;
  json_array_foreach(list, i, v) {
    const char *g = json_string_value(v);
    if (g && *g) push(out, n, &cap, join_to_dir_of(config_file, g, strlen(g)));
  }
  json_decref(root);
}

/* ---- front matter ---- */

static const char *line_end(const char *s, const char *end) {
  const char *nl = memchr(s, '\n', (size_t)(end - s));
  return nl ? nl : end;
}

/* One path of the list: trimmed of spaces and quotes. */
static void push_item(char ***out, size_t *n, size_t *cap, const char *a, const char *b) {
  while (a < b && (*a == ' ' || *a == '\t' || *a == '"' || *a == '\'')) a++;
  while (b > a && (b[-1] == ' ' || b[-1] == '\t' || b[-1] == '\r' || b[-1] == '"' || b[-1] == '\'')) b--;
  if (b > a) push(out, n, cap, strndup(a, (size_t)(b - a)));
}

size_t cd_record_front_matter(const char *text, size_t len, char ***out) {
  *out = NULL;
  size_t n = 0, cap = 0;
  const char *end = text + len, *p = text;
  if (len < 4 || memcmp(text, "---", 3) != 0 || (text[3] != '\n' && text[3] != '\r')) return 0;
  p = line_end(p, end) + 1;
  bool in_list = false;
  while (p < end) {
    const char *e = line_end(p, end);
    size_t l = (size_t)(e - p);
    if ((l >= 3 && (memcmp(p, "---", 3) == 0 || memcmp(p, "...", 3) == 0))) break;
    if (in_list) {
      const char *q = p;
      while (q < e && (*q == ' ' || *q == '\t')) q++;
      if (q < e && *q == '-') push_item(out, &n, &cap, q + 1, e);
      else if (q < e && q == p) in_list = false; /* the next key */
    }
    if (!in_list && l >= 8 && memcmp(p, "sources:", 8) == 0) {
      const char *v = p + 8;
      while (v < e && (*v == ' ' || *v == '\t')) v++;
      if (v < e && *v == '[') {
        const char *close = memchr(v, ']', (size_t)(e - v));
        const char *stop = close ? close : e;
        for (const char *a = v + 1; a < stop;) {
          const char *comma = memchr(a, ',', (size_t)(stop - a));
          const char *b = comma ? comma : stop;
          push_item(out, &n, &cap, a, b);
          a = b + 1;
        }
      } else if (v < e && *v != '\r') {
        push_item(out, &n, &cap, v, e);
      } else {
        in_list = true;
      }
    }
    p = e + 1;
  }
  return n;
}

/* ---- globs ---- */

static int cmp_str(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

/* Every regular file under `dir` (not hidden) whose name matches `name_pattern` (NULL: any). */
static void walk(const char *dir, const char *name_pattern, char ***paths, size_t *n, size_t *cap, int depth) {
  if (depth > 16) return;
  DIR *d = opendir(dir);
  if (!d) return;
  struct dirent *de;
  while ((de = readdir(d)) != NULL) {
    if (de->d_name[0] == '.') continue;
    size_t dl = strlen(dir);
    char *path = malloc(dl + strlen(de->d_name) + 2);
    if (!path) break;
    sprintf(path, "%s%s%s", dir, dl && dir[dl - 1] == '/' ? "" : "/", de->d_name);
    struct stat st;
    if (stat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
      walk(path, name_pattern, paths, n, cap, depth + 1);
      free(path);
    } else if (stat(path, &st) == 0 && S_ISREG(st.st_mode) &&
               (!name_pattern || fnmatch(name_pattern, de->d_name, 0) == 0)) {
      push(paths, n, cap, path);
    } else {
      free(path);
    }
  }
  closedir(d);
}

void cd_record_expand(const char *pattern, char ***paths, size_t *n, size_t *cap) {
  size_t first = *n;
  const char *stars = strstr(pattern, "**");
  if (stars) {
    /* a double star: the directories the part before it names, walked to any depth, and the
     * file names matched against the part after it */
    char *head = strndup(pattern, (size_t)(stars - pattern));
    const char *tail = stars + 2;
    while (*tail == '/') tail++;
    if (head) {
      size_t hl = strlen(head);
      while (hl > 1 && head[hl - 1] == '/') head[--hl] = 0;
      glob_t g;
      if (glob(hl ? head : ".", GLOB_ONLYDIR, NULL, &g) == 0) {
        for (size_t i = 0; i < g.gl_pathc; i++) walk(g.gl_pathv[i], *tail ? tail : NULL, paths, n, cap, 0);
        globfree(&g);
      }
      free(head);
    }
  } else {
    glob_t g;
    if (glob(pattern, 0, NULL, &g) == 0) {
      for (size_t i = 0; i < g.gl_pathc; i++) {
        struct stat st;
        if (stat(g.gl_pathv[i], &st) != 0) continue;
        if (S_ISDIR(st.st_mode)) walk(g.gl_pathv[i], NULL, paths, n, cap, 0);
        else if (S_ISREG(st.st_mode)) push(paths, n, cap, strdup(g.gl_pathv[i]));
      }
      globfree(&g);
    } else if (!strpbrk(pattern, "*?[")) {
      push(paths, n, cap, strdup(pattern)); /* a plain path that is not there: reading it says so */
    }
  }
  qsort(*paths + first, *n - first, sizeof **paths, cmp_str);
}

void cd_record_match_label(const cd_record_match *m, char *buf, size_t size) {
  const char *base = strrchr(m->source_name, '/');
  base = base && base[1] ? base + 1 : m->source_name;
  snprintf(buf, size, "the record: %s%s%s%s, %s line %zu", m->speaker ? m->speaker : "the passage",
           m->timestamp ? " at " : "", m->timestamp ? m->timestamp : "", m->exact ? "" : " (differs)", base, m->line);
}

/* ---- the cache ---- */

typedef struct entry {
  char *path;
  cd_record_source *source; /* NULL: could not be read */
  off_t size;
  struct timespec mtime;
  ino_t ino;
  bool present;             /* the file existed when last looked at */
} entry;

/* A document of the server and the files it was last checked against. */
typedef struct user {
  char *id;          /* the document's URI */
  char **paths;      /* distinct */
  size_t n;
  uint64_t inputs;   /* a hash of the globs the paths were expanded from */
  unsigned long gen; /* the cache's generation of directory listings they were expanded in */
  double when;       /* when (monotonic ms) */
} user;

struct cd_record_cache {
  entry *items;
  size_t n, cap;
  user *users;
  size_t n_users, cap_users;
  unsigned long gen; /* bumped when files may have appeared or gone */
};

cd_record_cache *cd_record_cache_new(void) { return calloc(1, sizeof(cd_record_cache)); }

static void user_free(user *u) {
  free(u->id);
  cd_record_globs_free(u->paths, u->n);
}

void cd_record_cache_free(cd_record_cache *c) {
  if (!c) return;
  for (size_t i = 0; i < c->n; i++) {
    free(c->items[i].path);
    cd_record_source_free(c->items[i].source);
  }
  for (size_t i = 0; i < c->n_users; i++) user_free(&c->users[i]);
  free(c->users);
  free(c->items);
  free(c);
}

static bool same_version(const entry *e, const struct stat *st) {
  return e->present && e->size == st->st_size && e->ino == st->st_ino && e->mtime.tv_sec == st->st_mtim.tv_sec &&
         e->mtime.tv_nsec == st->st_mtim.tv_nsec;
}

/* (Re)reads one entry's file; the reason when it cannot. */
static const char *load(entry *e) {
  cd_record_source_free(e->source);
  e->source = NULL;
  struct stat st;
  e->present = false;
  if (stat(e->path, &st) != 0) return strerror(errno);
  e->present = true;
  e->size = st.st_size;
  e->mtime = st.st_mtim;
  e->ino = st.st_ino;
  if ((size_t)st.st_size > RECORD_FILE_MAX) return "larger than 64 MB: not a transcript or document of the record";
  FILE *f = fopen(e->path, "rb");
  if (!f) return strerror(errno);
  size_t n = (size_t)st.st_size;
  char *buf = malloc(n + 1);
  size_t got = buf ? fread(buf, 1, n, f) : 0;
  fclose(f);
  if (!buf) return "out of memory";
  e->source = cd_record_source_new(e->path, buf, got);
  free(buf);
  return e->source ? NULL : "out of memory";
}

static entry *lookup(cd_record_cache *c, const char *path) {
  for (size_t i = 0; i < c->n; i++)
    if (strcmp(c->items[i].path, path) == 0) return &c->items[i];
  return NULL;
}

const cd_record_source *cd_record_cache_find(const cd_record_cache *c, const char *path) {
  const entry *e = lookup((cd_record_cache *)c, path);
  return e ? e->source : NULL;
}

bool cd_record_cache_refresh(cd_record_cache *c) {
  bool changed = false;
  for (size_t i = 0; i < c->n; i++) {
    entry *e = &c->items[i];
    struct stat st;
    bool exists = stat(e->path, &st) == 0;
    if (exists ? same_version(e, &st) : !e->present) continue;
    changed = true;
    load(e);
  }
  return changed;
}

/* The cache's source for a path, read now if new. */
static const cd_record_source *get(cd_record_cache *c, const char *path,
                                   void (*warn)(void *, const char *, const char *), void *warn_arg) {
  entry *e = lookup(c, path);
  if (e) return e->source;
  if (c->n == c->cap) {
    size_t cap = c->cap ? c->cap * 2 : 8;
    entry *p = realloc(c->items, cap * sizeof *p);
    if (!p) return NULL;
    c->items = p;
    c->cap = cap;
  }
  e = &c->items[c->n];
  memset(e, 0, sizeof *e);
  e->path = strdup(path);
  if (!e->path) return NULL;
  c->n++;
  const char *why = load(e);
  if (why && warn) warn(warn_arg, path, why);
  return e->source;
}

/* Every path the globs name, in their order and each once, the article itself left out (new
 * strings). */
static size_t expand_all(const cd_settings *settings, const char *const *editor, size_t n_editor, const char *article_path,
                         char **front, size_t nf, const char *const *extra, size_t n_extra, char ***out) {
  char **paths = NULL;
  size_t n = 0, cap = 0;
  if (settings)
    for (size_t i = 0; i < settings->n_record_globs; i++) cd_record_expand(settings->record_globs[i], &paths, &n, &cap);
  for (size_t i = 0; i < n_editor; i++) cd_record_expand(editor[i], &paths, &n, &cap);
  for (size_t i = 0; i < nf; i++) {
    char *g = join_to_dir_of(article_path && strcmp(article_path, "-") != 0 ? article_path : NULL, front[i],
                             strlen(front[i]));
    if (g) cd_record_expand(g, &paths, &n, &cap);
    free(g);
  }
  for (size_t i = 0; i < n_extra; i++) cd_record_expand(extra[i], &paths, &n, &cap);
  size_t k = 0;
  for (size_t i = 0; i < n; i++) {
    bool dup = article_path && strcmp(paths[i], article_path) == 0; /* never the article itself */
    for (size_t j = 0; j < k && !dup; j++) dup = strcmp(paths[i], paths[j]) == 0;
    if (dup) free(paths[i]);
    else paths[k++] = paths[i];
  }
  *out = paths;
  return k;
}

/* The sources of `paths`, read when new. */
static size_t sources_of(cd_record_cache *c, char *const *paths, size_t n, const cd_record_source ***out,
                         void (*warn)(void *, const char *, const char *), void *warn_arg) {
  *out = n ? malloc(n * sizeof **out) : NULL;
  size_t k = 0;
  for (size_t i = 0; i < n; i++) {
    const cd_record_source *s = get(c, paths[i], warn, warn_arg);
    if (s && *out) (*out)[k++] = s;
  }
  return k;
}

size_t cd_record_cache_sources(cd_record_cache *c, const cd_settings *settings, const char *article_path,
                               const char *text, size_t len, const char *const *extra, size_t n_extra,
                               const cd_record_source ***out,
                               void (*warn)(void *arg, const char *path, const char *why), void *warn_arg) {
  char **front = NULL;
  size_t nf = text ? cd_record_front_matter(text, len, &front) : 0;
  char **paths;
  size_t n = expand_all(settings, NULL, 0, article_path, front, nf, extra, n_extra, &paths);
  cd_record_globs_free(front, nf);
  size_t k = sources_of(c, paths, n, out, warn, warn_arg);
  cd_record_globs_free(paths, n);
  return k;
}

/* ---- the server's documents ---- */

static double now_ms(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static uint64_t hash_str(uint64_t h, const char *s) {
  for (; *s; s++) h = (h ^ (unsigned char)*s) * 0x100000001b3ull;
  return (h ^ 0xFF) * 0x100000001b3ull; /* the end of a string */
}

static user *find_user(cd_record_cache *c, const char *id) {
  for (size_t i = 0; i < c->n_users; i++)
    if (strcmp(c->users[i].id, id) == 0) return &c->users[i];
  return NULL;
}

/* Frees every file no document names any more. */
static void evict_unused(cd_record_cache *c) {
  size_t k = 0;
  for (size_t i = 0; i < c->n; i++) {
    entry *e = &c->items[i];
    bool used = false;
    for (size_t u = 0; u < c->n_users && !used; u++)
      for (size_t p = 0; p < c->users[u].n && !used; p++) used = strcmp(c->users[u].paths[p], e->path) == 0;
    if (used) {
      c->items[k++] = *e;
    } else {
      free(e->path);
      cd_record_source_free(e->source);
    }
  }
  c->n = k;
}

size_t cd_record_cache_user_sources(cd_record_cache *c, const char *id, const cd_settings *settings,
                                    const char *const *editor, size_t n_editor, const char *article_path,
                                    const char *text, size_t len, const cd_record_source ***out) {
  *out = NULL;
  char **front = NULL;
  size_t nf = text ? cd_record_front_matter(text, len, &front) : 0;
  uint64_t inputs = hash_str(0xcbf29ce484222325ull, article_path ? article_path : "");
  for (size_t i = 0; settings && i < settings->n_record_globs; i++) inputs = hash_str(inputs, settings->record_globs[i]);
  for (size_t i = 0; i < n_editor; i++) inputs = hash_str(inputs ^ 1, editor[i]);
  for (size_t i = 0; i < nf; i++) inputs = hash_str(inputs ^ 2, front[i]);
  user *u = find_user(c, id);
  double now = now_ms();
  /* a keystroke names the same globs as the one before: the listing is looked at again only
   * when files may have come or gone, and at most every RECORD_RELIST_MS otherwise */
  if (u && u->inputs == inputs && u->gen == c->gen && now - u->when < RECORD_RELIST_MS) {
    cd_record_globs_free(front, nf);
    return sources_of(c, u->paths, u->n, out, NULL, NULL);
  }
  char **paths;
  size_t n = expand_all(settings, editor, n_editor, article_path, front, nf, NULL, 0, &paths);
  cd_record_globs_free(front, nf);
  if (!u) {
    if (c->n_users == c->cap_users) {
      size_t cap = c->cap_users ? c->cap_users * 2 : 8;
      user *p = realloc(c->users, cap * sizeof *p);
      if (!p) {
        cd_record_globs_free(paths, n);
        return 0;
      }
      c->users = p;
      c->cap_users = cap;
    }
    char *dup = strdup(id);
    if (!dup) {
      cd_record_globs_free(paths, n);
      return 0;
    }
    u = &c->users[c->n_users++];
    *u = (user){dup, NULL, 0, 0, 0, 0};
  }
  bool same = u->n == n;
  for (size_t i = 0; same && i < n; i++) same = strcmp(u->paths[i], paths[i]) == 0;
  cd_record_globs_free(u->paths, u->n);
  u->paths = paths;
  u->n = n;
  u->inputs = inputs;
  u->gen = c->gen;
  u->when = now;
  if (!same) evict_unused(c);
  return sources_of(c, u->paths, u->n, out, NULL, NULL);
}

void cd_record_cache_release(cd_record_cache *c, const char *id) {
  user *u = c ? find_user(c, id) : NULL;
  if (!u) return;
  user_free(u);
  *u = c->users[--c->n_users];
  evict_unused(c);
}

void cd_record_cache_relist(cd_record_cache *c) {
  if (c) c->gen++;
}

size_t cd_record_cache_loaded(const cd_record_cache *c) {
  size_t n = 0;
  for (size_t i = 0; c && i < c->n; i++) n += c->items[i].source != NULL;
  return n;
}
