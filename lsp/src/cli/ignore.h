/* .copydeskignore files, in gitignore syntax: one pattern a line; blank lines and lines starting
 * with # are skipped; `!` re-includes; a trailing `/` matches directories only; a pattern with a
 * `/` before its end is anchored to the directory of the file that holds it, one without matches
 * a name at any depth below it; `*`, `?` and `[...]` match within a path segment and `**` matches
 * any number of segments. The last matching pattern decides. */
#ifndef CD_CLI_IGNORE_H
#define CD_CLI_IGNORE_H
#include <stdbool.h>
#include <stddef.h>

typedef struct cd_ignore_rule {
  char *pattern; /* without the leading `!`, leading `/` and trailing `/` */
  char *base;    /* the directory holding the ignore file, as a walk path ("" : the current one) */
  bool negate, dir_only, anchored;
} cd_ignore_rule;

/* The rules in force during a walk: each directory's file pushed on entry, popped on exit. */
typedef struct cd_ignore_stack {
  cd_ignore_rule *items;
  size_t len, cap;
} cd_ignore_stack;

/* Pushes the rules of DIR/.copydeskignore (none when it does not exist); `base` is DIR as the
 * walk names it. False when out of memory. */
bool cd_ignore_push_dir(cd_ignore_stack *st, const char *dir, const char *base);
/* Drops the rules pushed after the stack had `len` rules. */
void cd_ignore_pop_to(cd_ignore_stack *st, size_t len);
void cd_ignore_free(cd_ignore_stack *st);

/* Whether `path` (a walk path, below every rule's base) is ignored. */
bool cd_ignore_match(const cd_ignore_stack *st, const char *path, bool is_dir);

/* gitignore-style matching of one pattern against a relative path ('/'-separated). */
bool cd_ignore_glob(const char *pattern, const char *path);

#endif
