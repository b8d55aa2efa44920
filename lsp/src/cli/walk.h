/* Turning the command line's paths into the files to check, in a stable order: the arguments in
 * the order given; a directory's files (.md, .markdown, .txt) and subdirectories in byte order of
 * their names, skipping hidden entries, symbolic links to directories, and what the
 * .copydeskignore files name (the current directory's, the walked directory's and each
 * subdirectory's); a glob (an argument with *, ? or [ that is not a file) expanded in sorted
 * order. A path that does not exist is kept, so reading it reports the error. */
#ifndef CD_CLI_WALK_H
#define CD_CLI_WALK_H
#include <stdbool.h>
#include <stddef.h>

typedef struct cd_cli_paths {
  char **items;  /* owned */
  size_t *sizes; /* per item: a regular file's size as the walk found it, else 0 (owned) */
  size_t len, cap;
  size_t empty_dirs; /* directories given that held no article files */
} cd_cli_paths;

/* Appends the files for each argument. False when out of memory. Notes (a directory with no
 * article files) go to stderr unless `quiet`. */
bool cd_cli_expand(cd_cli_paths *out, const char *const *args, size_t n, bool quiet);
void cd_cli_paths_free(cd_cli_paths *p);

/* Whether a name has one of the extensions a directory walk checks. */
bool cd_cli_walk_wants(const char *name);

#endif
