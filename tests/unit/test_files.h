/* Reading a whole file in the unit tests. Included by tests/unit/test_*.c. */
#ifndef COPYDESK_TEST_FILES_H
#define COPYDESK_TEST_FILES_H

#include <stdio.h>
#include <stdlib.h>

/* The file's bytes, NUL-terminated, and their count in *len; NULL when it cannot be opened or
 * memory runs out. Read to its end rather than sized with ftell, so pipes and growing files work
 * too. The caller frees the result. */
static inline char *read_file(const char *path, size_t *len) {
  FILE *f = fopen(path, "rb");
  char *buf = NULL;
  size_t cap = 0, n = 0;
  if (!f) return NULL;
  for (;;) {
    if (n == cap) {
      cap = cap ? cap * 2 : 4096;
      char *p = realloc(buf, cap + 1);
      if (!p) {
        free(buf);
        fclose(f);
        return NULL;
      }
      buf = p;
    }
    size_t k = fread(buf + n, 1, cap - n, f);
    n += k;
    if (k == 0) break;
  }
  fclose(f);
  buf[n] = 0;
  *len = n;
  return buf;
}

#endif
