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
#include <sys/stat.h>

#include "config_file.h"

/* Larger files are not transcripts or releases: they are left out with a note. */
#define RECORD_FILE_MAX (64u * 1024u * 1024u)

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

struct cd_record_cache {
  entry *items;
  size_t n, cap;
};

cd_record_cache *cd_record_cache_new(void) { return calloc(1, sizeof(cd_record_cache)); }

void cd_record_cache_free(cd_record_cache *c) {
  if (!c) return;
  for (size_t i = 0; i < c->n; i++) {
    free(c->items[i].path);
    cd_record_source_free(c->items[i].source);
  }
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

size_t cd_record_cache_sources(cd_record_cache *c, const cd_settings *settings, const char *article_path,
                               const char *text, size_t len, const char *const *extra, size_t n_extra,
                               const cd_record_source ***out,
                               void (*warn)(void *arg, const char *path, const char *why), void *warn_arg) {
  char **paths = NULL;
  size_t n = 0, cap = 0;
  if (settings)
    for (size_t i = 0; i < settings->n_record_globs; i++) cd_record_expand(settings->record_globs[i], &paths, &n, &cap);
  char **front = NULL;
  size_t nf = text ? cd_record_front_matter(text, len, &front) : 0;
  for (size_t i = 0; i < nf; i++) {
    char *g = join_to_dir_of(article_path && strcmp(article_path, "-") != 0 ? article_path : NULL, front[i],
                             strlen(front[i]));
    if (g) cd_record_expand(g, &paths, &n, &cap);
    free(g);
  }
  cd_record_globs_free(front, nf);
  for (size_t i = 0; i < n_extra; i++) cd_record_expand(extra[i], &paths, &n, &cap);
  *out = n ? malloc(n * sizeof **out) : NULL;
  size_t k = 0;
  for (size_t i = 0; i < n; i++) {
    bool dup = false;
    for (size_t j = 0; j < i && !dup; j++) dup = strcmp(paths[i], paths[j]) == 0;
    if (dup || (article_path && strcmp(paths[i], article_path) == 0)) continue; /* never the article itself */
    const cd_record_source *s = get(c, paths[i], warn, warn_arg);
    if (s && *out) (*out)[k++] = s;
  }
  cd_record_globs_free(paths, n);
  return k;
}
