/* copydesk JSON writer: appends JSON text to a growable buffer without
 * building a tree. For hot paths (publishDiagnostics on every keystroke)
 * where jansson's object-per-value cost dominates; everything else uses
 * jansson.
 *
 * Strings are written as JSON strings with the required escapes; invalid
 * UTF-8 is replaced by U+FFFD so the output is always valid JSON.
 * Ownership: the writer owns `data` until the caller takes it (then frees
 * it with free()) or calls cd_jw_free().
 */
#ifndef COPYDESK_JSON_WRITER_H
#define COPYDESK_JSON_WRITER_H

#include <stdbool.h>
#include <stddef.h>
#include <string.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct cd_jw {
  char *data;  /* NUL-terminated when len > 0 */
  size_t len, cap;
  bool oom;    /* an append failed; the text is incomplete */
} cd_jw;

/* Raw JSON text (punctuation, keys the caller knows are safe). */
void cd_jw_rawn(cd_jw *w, const char *s, size_t n);
/* Inline, so that a literal's length is known where it is written (publishDiagnostics writes a few
 * thousand punctuation runs). */
static inline void cd_jw_raw(cd_jw *w, const char *s) { cd_jw_rawn(w, s, strlen(s)); }
/* A JSON string of `n` bytes of `s` (quotes included). */
void cd_jw_str(cd_jw *w, const char *s, size_t n);
/* A NUL-terminated C string as a JSON string; NULL writes null. */
void cd_jw_cstr(cd_jw *w, const char *s);
void cd_jw_int(cd_jw *w, long long v);
/* Copies to o the longest start of the n bytes at s that a JSON string holds as they are (ASCII
 * from 0x20 but '"', '\\' and DEL) and returns its length; o has room for n bytes. Both writers'
 * strings are mostly such runs, taken here sixteen or eight bytes at a time. */
size_t cd_jw_copy_plain(char *o, const char *s, size_t n);
/* Room an integer takes at most: a sign and twenty digits. */
#define CD_JW_INT_ROOM 21
/* v in decimal at o, which has room for CD_JW_INT_ROOM bytes; returns its end (no NUL written). */
char *cd_jw_format_int(char *o, long long v);
/* Room for n more bytes and the NUL after them: where they go (data + len), or NULL when out of
 * memory. A caller writing there moves len past what it wrote and keeps the text NUL-terminated. */
char *cd_jw_reserve(cd_jw *w, size_t n);
void cd_jw_free(cd_jw *w);

#ifdef __cplusplus
}
#endif

#endif
