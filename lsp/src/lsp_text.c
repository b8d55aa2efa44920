/* String building for user-facing labels. */
#include "lsp_text.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static bool reserve(cd_text *t, size_t extra) {
  if (t->oom) return false;
  if (t->len + extra + 1 <= t->cap) return true;
  size_t ncap = t->cap ? t->cap : 128;
  while (ncap < t->len + extra + 1) ncap *= 2;
  char *nd = realloc(t->data, ncap);
  if (nd == NULL) {
    t->oom = true;
    return false;
  }
  t->data = nd;
  t->cap = ncap;
  return true;
}

void cd_text_addn(cd_text *t, const char *s, size_t n) {
  if (!reserve(t, n)) return;
  memcpy(t->data + t->len, s, n);
  t->len += n;
  t->data[t->len] = '\0';
}

void cd_text_add(cd_text *t, const char *s) { cd_text_addn(t, s, strlen(s)); }

void cd_text_printf(cd_text *t, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  char small[256];
  int n = vsnprintf(small, sizeof small, fmt, ap);
  va_end(ap);
  if (n < 0) return;
  if ((size_t)n < sizeof small) {
    cd_text_addn(t, small, (size_t)n);
    return;
  }
  if (!reserve(t, (size_t)n)) return;
  va_start(ap, fmt);
  vsnprintf(t->data + t->len, (size_t)n + 1, fmt, ap);
  va_end(ap);
  t->len += (size_t)n;
}

void cd_text_user(cd_text *t, const char *s, size_t n) {
  for (size_t i = 0; i < n; i++) {
    char c = s[i];
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
    if (c == '\0') continue;
    if (t->markdown && strchr("\\`*_[]<>|~", c) != NULL) cd_text_addn(t, "\\", 1);
    cd_text_addn(t, &c, 1);
  }
}

void cd_text_bold(cd_text *t, const char *s, size_t n) {
  if (t->markdown) cd_text_add(t, "**");
  cd_text_user(t, s, n);
  if (t->markdown) cd_text_add(t, "**");
}

void cd_text_free(cd_text *t) {
  free(t->data);
  t->data = NULL;
  t->len = t->cap = 0;
}
