/* Comparison keys for names: case-folded, diacritics and punctuation dropped, so
 * "U.S." = "US", "Erdoğan" = "Erdogan", "Jong-un" = "Jong Un". */
#ifndef CD_NAMEKEY_H
#define CD_NAMEKEY_H
#include <stddef.h>

#include "arena.h"

/* The key of text[0..n) in the arena; "" when nothing is left. */
char *cd_name_key(cd_arena *arena, const char *text, size_t n);
/* The canonical key for a known alias ("usa" -> "unitedstates"), or the key itself. */
const char *cd_alias_key(const char *key);

#endif
