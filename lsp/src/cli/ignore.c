#include "ignore.h"

#include <fnmatch.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* One segment of the pattern against one segment of the path, by fnmatch. */
static bool segment_match(const char *p, size_t pn, const char *s, size_t sn) {
  char pat[256], seg[256];
  if (pn >= sizeof pat || sn >= sizeof seg) return false;
  memcpy(pat, p, pn);
  pat[pn] = 0;
  memcpy(seg, s, sn);
  seg[sn] = 0;
  return fnmatch(pat, seg, 0) == 0;
}

bool cd_ignore_glob(const char *p, const char *s) {
  if (p[0] == '*' && p[1] == '*' && (p[2] == '/' || p[2] == 0)) {
    if (p[2] == 0) return true;
    for (const char *t = s;;) {
      if (cd_ignore_glob(p + 3, t)) return true;
      t = strchr(t, '/');
      if (!t) return false;
      t++;
    }
  }
  size_t pn = strcspn(p, "/"), sn = strcspn(s, "/");
  if (!segment_match(p, pn, s, sn)) return false;
  if (p[pn] == 0) return s[sn] == 0;
  if (s[sn] == 0) return false;
  return cd_ignore_glob(p + pn + 1, s + sn + 1);
}

static bool push_rule(cd_ignore_stack *st, const char *line, const char *base) {
  cd_ignore_rule r = {0};
  if (*line == '!') {
    r.negate = true;
    line++;
  }
  size_t n = strlen(line);
  if (n && line[n - 1] == '/') {
    r.dir_only = true;
    n--;
  }
  const char *slash = memchr(line, '/', n);
  r.anchored = slash != NULL;
  if (*line == '/') {
    line++;
    n--;
  }
  if (n == 0) return true;
  if (st->len == st->cap) {
    size_t cap = st->cap ? st->cap * 2 : 16;
    cd_ignore_rule *items = realloc(st->items, cap * sizeof *items);
    if (!items) return false;
    st->items = items;
    st->cap = cap;
  }
  r.pattern = strndup(line, n);
  r.base = strdup(base);
  if (!r.pattern || !r.base) {
    free(r.pattern);
    free(r.base);
    return false;
  }
  st->items[st->len++] = r;
  return true;
}

bool cd_ignore_push_dir(cd_ignore_stack *st, const char *dir, const char *base) {
  char file[4096];
  if ((size_t)snprintf(file, sizeof file, "%s/.copydeskignore", dir) >= sizeof file) return true;
  FILE *f = fopen(file, "r");
  if (!f) return true;
  char *line = NULL;
  size_t cap = 0;
  ssize_t got;
  bool ok = true;
  while (ok && (got = getline(&line, &cap, f)) >= 0) {
    size_t n = (size_t)got;
    while (n && (line[n - 1] == '\n' || line[n - 1] == '\r' || line[n - 1] == ' ' || line[n - 1] == '\t')) n--;
    line[n] = 0;
    if (n == 0 || line[0] == '#') continue;
    const char *text = line[0] == '\\' ? line + 1 : line; /* "\#" and "\!" stand for themselves */
    ok = push_rule(st, text, base);
  }
  free(line);
  fclose(f);
  return ok;
}

void cd_ignore_pop_to(cd_ignore_stack *st, size_t len) {
  while (st->len > len) {
    st->len--;
    free(st->items[st->len].pattern);
    free(st->items[st->len].base);
  }
}

void cd_ignore_free(cd_ignore_stack *st) {
  cd_ignore_pop_to(st, 0);
  free(st->items);
  st->items = NULL;
  st->cap = 0;
}

/* The path below `base`, or NULL when it is not below it. */
static const char *below(const char *path, const char *base) {
  size_t n = strlen(base);
  if (n == 0) return strncmp(path, "./", 2) == 0 ? path + 2 : path;
  if (strncmp(path, base, n) != 0) return NULL;
  if (path[n] == '/') return path + n + 1;
  if (n && base[n - 1] == '/') return path + n;
  return NULL;
}

bool cd_ignore_match(const cd_ignore_stack *st, const char *path, bool is_dir) {
  bool ignored = false;
  for (size_t i = 0; i < st->len; i++) {
    const cd_ignore_rule *r = &st->items[i];
    if (r->dir_only && !is_dir) continue;
    const char *rel = below(path, r->base);
    if (!rel || !*rel) continue;
    const char *name = strrchr(rel, '/');
    name = name ? name + 1 : rel;
    if (cd_ignore_glob(r->pattern, r->anchored ? rel : name)) ignored = !r->negate;
  }
  return ignored;
}
