/* A growable string for building hover and label text, with Markdown
 * escaping for text taken from the article. */
#ifndef COPYDESK_LSP_TEXT_H
#define COPYDESK_LSP_TEXT_H

#include <stdbool.h>
#include <stddef.h>

#include "copydesk/json_writer.h"

typedef struct cd_text {
  cd_jw buf;     /* the text, appended raw: buf.data is NUL-terminated, NULL until something is
                  * added; buf.oom when an append failed and the text is incomplete */
  bool markdown; /* cd_text_user() escapes Markdown */
} cd_text;

void cd_text_add(cd_text *t, const char *s);
void cd_text_addn(cd_text *t, const char *s, size_t n);
void cd_text_printf(cd_text *t, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;
/* Article text: escaped for Markdown when t->markdown; line breaks become spaces. */
void cd_text_user(cd_text *t, const char *s, size_t n);
/* Bold in Markdown, plain otherwise. */
void cd_text_bold(cd_text *t, const char *s, size_t n);
/* Frees the buffer. */
void cd_text_free(cd_text *t);

#endif
