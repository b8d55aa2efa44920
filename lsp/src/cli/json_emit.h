/* JSON text written directly, laid out byte for byte as jansson's json_dumpf lays out a tree
 * (JSON_INDENT(1), or JSON_COMPACT for one line per record): the CLI's JSON is a public
 * interface that was first written through jansson, and it streams one file at a time without
 * building a tree.
 *
 * jansson refuses a string that is not valid UTF-8 (json_string returns NULL, and setting a key
 * to NULL leaves the key out); cd_je_utf8_ok says so, so that a caller leaves out exactly what
 * jansson left out. */
#ifndef CD_CLI_JSON_EMIT_H
#define CD_CLI_JSON_EMIT_H
#include <stdbool.h>
#include <stddef.h>
#include <string.h>

#include "copydesk/json_writer.h"

enum { CD_JE_MAX_DEPTH = 16 };

typedef struct cd_je {
  cd_jw *w;     /* the text goes here (borrowed) */
  bool compact; /* one line, no spaces */
  int depth;
  bool empty[CD_JE_MAX_DEPTH]; /* no member written yet at this depth */
  /* Optional: called between values once the buffer holds CD_JE_FLUSH_AT bytes, to write them out
   * and empty it, so that a large file's output does not sit in memory. */
  void (*flush)(void *arg);
  void *flush_arg;
} cd_je;

enum { CD_JE_FLUSH_AT = 64 * 1024 };

void cd_je_init(cd_je *e, cd_jw *w, bool compact);
/* Starts a value in an array (or the top-level value): separator and indentation. */
void cd_je_item(cd_je *e);
/* Starts a member of an object: separator, indentation and "key": (key is plain ASCII). The
 * inline forms pass the length of a literal key, which the compiler knows. */
void cd_je_keyn(cd_je *e, const char *key, size_t n);
static inline void cd_je_key(cd_je *e, const char *key) { cd_je_keyn(e, key, strlen(key)); }
void cd_je_open(cd_je *e, char bracket); /* '{' or '[' */
void cd_je_close(cd_je *e, char bracket);
void cd_je_int(cd_je *e, long long v);
void cd_je_bool(cd_je *e, bool v);
void cd_je_null(cd_je *e);
/* A string of valid UTF-8 (check with cd_je_utf8_ok), escaped as jansson escapes. */
void cd_je_strn(cd_je *e, const char *s, size_t n);
/* The same for any bytes: false, and nothing written, when they are not valid UTF-8. */
bool cd_je_strn_valid(cd_je *e, const char *s, size_t n);

/* Valid UTF-8 by jansson's rules (no overlong forms, surrogates or code points past U+10FFFF). */
bool cd_je_utf8_ok(const char *s, size_t n);

/* Members that jansson would have left out or written as null, the same way:
 * a NULL string is null; an invalid one leaves the member out. */
void cd_je_keyn_str(cd_je *e, const char *key, size_t n, const char *s);
void cd_je_keyn_int(cd_je *e, const char *key, size_t n, long long v);
void cd_je_keyn_bool(cd_je *e, const char *key, size_t n, bool v);
static inline void cd_je_key_str(cd_je *e, const char *key, const char *s) { cd_je_keyn_str(e, key, strlen(key), s); }
static inline void cd_je_key_int(cd_je *e, const char *key, long long v) { cd_je_keyn_int(e, key, strlen(key), v); }
static inline void cd_je_key_bool(cd_je *e, const char *key, bool v) { cd_je_keyn_bool(e, key, strlen(key), v); }

#endif
