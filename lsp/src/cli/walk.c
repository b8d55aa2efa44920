#include "walk.h"

#include <dirent.h>
#include <glob.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "ignore.h"

static const char *const EXTENSIONS[] = {".md", ".markdown", ".txt"};

bool cd_cli_walk_wants(const char *name) {
  const char *dot = strrchr(name, '.');
  if (!dot || dot == name) return false;
  for (size_t i = 0; i < sizeof EXTENSIONS / sizeof *EXTENSIONS; i++)
    if (strcasecmp(dot, EXTENSIONS[i]) == 0) return true;
  return false;
}

/* Appends a path; `st` is what stat said of it, or NULL when it was not asked or failed. */
static bool push(cd_cli_paths *p, const char *path, const struct stat *st) {
  if (p->len == p->cap) {
    size_t cap = p->cap ? p->cap * 2 : 16;
    char **items = realloc(p->items, cap * sizeof *items);
    if (items) p->items = items;
    size_t *sizes = items ? realloc(p->sizes, cap * sizeof *sizes) : NULL;
    if (!sizes) return false;
    p->sizes = sizes;
    p->cap = cap;
  }
  char *copy = strdup(path);
  if (!copy) return false;
  p->sizes[p->len] = st && S_ISREG(st->st_mode) && st->st_size > 0 ? (size_t)st->st_size : 0;
  p->items[p->len++] = copy;
  return true;
}

static int by_name(const struct dirent **a, const struct dirent **b) { return strcmp((*a)->d_name, (*b)->d_name); }

static char *join(const char *dir, const char *name) {
  size_t n = strlen(dir);
  bool slash = n && dir[n - 1] == '/';
  char *s = malloc(n + strlen(name) + 2);
  if (s) sprintf(s, "%s%s%s", dir, slash ? "" : "/", name);
  return s;
}

static bool walk_dir(cd_cli_paths *out, cd_ignore_stack *ig, const char *dir) {
  size_t mark = ig->len;
  if (!cd_ignore_push_dir(ig, dir, dir)) return false;
  struct dirent **names = NULL;
  int n = scandir(dir, &names, NULL, by_name);
  bool ok = true;
  for (int i = 0; i < n; i++) {
    const char *name = names[i]->d_name;
    char *path = ok && name[0] != '.' ? join(dir, name) : NULL;
    struct stat st, lst;
    if (path && lstat(path, &lst) == 0 && stat(path, &st) == 0) {
      bool is_dir = S_ISDIR(st.st_mode);
      if (cd_ignore_match(ig, path, is_dir)) {
        /* named by a .copydeskignore */
      } else if (is_dir && !S_ISLNK(lst.st_mode)) {
        ok = walk_dir(out, ig, path);
      } else if (S_ISREG(st.st_mode) && cd_cli_walk_wants(name)) {
        ok = push(out, path, &st);
      }
    } else if (ok && name[0] != '.' && !path) {
      ok = false;
    }
    free(path);
    free(names[i]);
  }
  free(names);
  if (n < 0) ok = push(out, dir, NULL); /* unreadable: reading it reports why */
  cd_ignore_pop_to(ig, mark);
  return ok;
}

/* A directory argument: the current directory's ignore file applies to relative paths too. */
static bool expand_dir(cd_cli_paths *out, const char *dir, bool quiet) {
  cd_ignore_stack ig = {0};
  bool ok = true;
  if (dir[0] != '/' && strncmp(dir, "..", 2) != 0 && strcmp(dir, ".") != 0 && strcmp(dir, "./") != 0)
    ok = cd_ignore_push_dir(&ig, ".", "");
  size_t before = out->len;
  if (ok) ok = walk_dir(out, &ig, dir);
  cd_ignore_free(&ig);
  if (ok && out->len == before) {
    out->empty_dirs++;
    if (!quiet) fprintf(stderr, "copydesk: %s: no .md, .markdown or .txt files to check\n", dir);
  }
  return ok;
}

static bool expand_one(cd_cli_paths *out, const char *arg, bool quiet) {
  struct stat st;
  if (strcmp(arg, "-") == 0) return push(out, arg, NULL);
  if (stat(arg, &st) == 0) return S_ISDIR(st.st_mode) ? expand_dir(out, arg, quiet) : push(out, arg, &st);
  if (!strpbrk(arg, "*?[")) return push(out, arg, NULL);
  glob_t g;
  int rc = glob(arg, 0, NULL, &g);
  bool ok = true;
  if (rc == 0) {
    for (size_t i = 0; ok && i < g.gl_pathc; i++) {
      const char *p = g.gl_pathv[i];
      bool known = stat(p, &st) == 0;
      ok = known && S_ISDIR(st.st_mode) ? expand_dir(out, p, quiet) : push(out, p, known ? &st : NULL);
    }
  } else {
    ok = push(out, arg, NULL); /* no match: reading it says so */
  }
  globfree(&g);
  return ok;
}

bool cd_cli_expand(cd_cli_paths *out, const char *const *args, size_t n, bool quiet) {
  for (size_t i = 0; i < n; i++)
    if (!expand_one(out, args[i], quiet)) return false;
  return true;
}

void cd_cli_paths_free(cd_cli_paths *p) {
  for (size_t i = 0; i < p->len; i++) free(p->items[i]);
  free(p->items);
  free(p->sizes);
  p->items = NULL;
  p->sizes = NULL;
  p->len = p->cap = 0;
}
