/* String building for user-facing labels. */
#include "lsp_text.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void cd_text_addn(cd_text *t, const char *s, size_t n) { cd_jw_rawn(&t->buf, s, n); }

void cd_text_add(cd_text *t, const char *s) { cd_jw_raw(&t->buf, s); }

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
  char *big = malloc((size_t)n + 1);
  if (big == NULL) {
    t->buf.oom = true;
    return;
  }
  va_start(ap, fmt);
  vsnprintf(big, (size_t)n + 1, fmt, ap);
  va_end(ap);
  cd_text_addn(t, big, (size_t)n);
  free(big);
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

void cd_text_free(cd_text *t) { cd_jw_free(&t->buf); }
