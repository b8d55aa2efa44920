#include "input.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "copydesk/analyzer.h"

char *cd_cli_read_file(const char *path, size_t *len, const char **error) {
  return cd_cli_read_file_max(path, CD_MAX_TEXT_LEN, len, error);
}

char *cd_cli_read_file_max(const char *path, size_t max, size_t *len, const char **error) {
  FILE *f = stdin;
  char *buf = NULL;
  size_t cap = 0, n = 0, hint = 65536; /* a regular file's size: one buffer of the right size */
  if (strcmp(path, "-") != 0) {
    struct stat st;
    if (stat(path, &st) != 0) {
      *error = strerror(errno);
      return NULL;
    }
    if (S_ISDIR(st.st_mode)) {
      *error = "is a directory; give the article files to check";
      return NULL;
    }
    if (S_ISREG(st.st_mode) && (unsigned long long)st.st_size > max) {
      *error = "too large to check (the limit is 4 GiB)";
      return NULL;
    }
    if (S_ISREG(st.st_mode) && st.st_size > 0) hint = (size_t)st.st_size + 1;
    f = fopen(path, "rb");
    if (!f) {
      *error = strerror(errno);
      return NULL;
    }
  }
  for (;;) {
    if (n == cap) {
      if (n > max) break; /* a byte past the limit: too large, whatever follows (a pipe may never end) */
      cap = cap ? cap * 2 : hint; /* + 1 above: reading to the end needs one read past the size */
      if (cap > max + 1) cap = max + 1;
      char *p = realloc(buf, cap + 1);
      if (!p) {
        *error = "out of memory";
        free(buf);
        buf = NULL;
        goto done;
      }
      buf = p;
    }
    size_t k = fread(buf + n, 1, cap - n, f);
    n += k;
    if (k == 0) break;
  }
  if (ferror(f)) {
    *error = "read error";
    free(buf);
    buf = NULL;
    goto done;
  }
  if (n > max) {
    *error = "too large to check (the limit is 4 GiB)";
    free(buf);
    buf = NULL;
    goto done;
  }
  buf[n] = 0;
  *len = n;
done:
  if (f != stdin) fclose(f);
  return buf;
}
