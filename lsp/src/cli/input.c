#include "input.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "copydesk/analyzer.h"

char *cd_cli_read_file(const char *path, size_t *len, const char **error) {
  return cd_cli_read_file_max(path, CD_MAX_TEXT_LEN, len, error);
}

/* Everything left on fd, `hint` bytes first (a regular file's size + 1, so that the read that
 * finds the end needs no second buffer), in buffers twice as big after that (a pipe or a file that
 * grew). */
static char *read_all(int fd, size_t hint, size_t max, size_t *len, const char **error) {
  char *buf = NULL;
  size_t cap = 0, n = 0;
  for (;;) {
    if (n == cap) {
      if (n > max) break; /* a byte past the limit: too large, whatever follows (a pipe may never end) */
      cap = cap ? cap * 2 : hint;
      if (cap > max + 1) cap = max + 1;
      char *p = realloc(buf, cap + 1);
      if (!p) {
        *error = "out of memory";
        free(buf);
        return NULL;
      }
      buf = p;
    }
    ssize_t k = read(fd, buf + n, cap - n);
    if (k < 0 && errno == EINTR) continue;
    if (k < 0) {
      *error = "read error";
      free(buf);
      return NULL;
    }
    if (k == 0) break;
    n += (size_t)k;
  }
  if (n > max) {
    *error = "too large to check (the limit is 4 GiB)";
    free(buf);
    return NULL;
  }
  buf[n] = 0;
  *len = n;
  return buf;
}

char *cd_cli_read_file_max(const char *path, size_t max, size_t *len, const char **error) {
  if (strcmp(path, "-") == 0) return read_all(STDIN_FILENO, 65536, max, len, error);
  /* open, then ask the descriptor: one lookup of the path, and what is read is what was asked */
  int fd = open(path, O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    *error = strerror(errno);
    return NULL;
  }
  struct stat st;
  size_t hint = 65536;
  char *buf = NULL;
  if (fstat(fd, &st) != 0) {
    *error = strerror(errno);
  } else if (S_ISDIR(st.st_mode)) {
    *error = "is a directory; give the article files to check";
  } else if (S_ISREG(st.st_mode) && (unsigned long long)st.st_size > max) {
    *error = "too large to check (the limit is 4 GiB)";
  } else {
    if (S_ISREG(st.st_mode) && st.st_size > 0) hint = (size_t)st.st_size + 1;
    buf = read_all(fd, hint, max, len, error);
  }
  close(fd);
  return buf;
}
