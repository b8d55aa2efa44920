#include "namekey.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

char *cd_name_key(cd_arena *arena, const char *text, size_t n) {
  utf8proc_uint8_t *folded = NULL;
  utf8proc_ssize_t r = utf8proc_map((const utf8proc_uint8_t *)text, (utf8proc_ssize_t)n, &folded,
                                    UTF8PROC_DECOMPOSE | UTF8PROC_CASEFOLD | UTF8PROC_STRIPMARK |
                                        UTF8PROC_COMPAT);
  char *out;
  if (r < 0) {
    out = cd_arena_strndup(arena, text, n); /* invalid UTF-8: compare the bytes as they are */
    return out;
  }
  out = cd_arena_alloc(arena, (size_t)r + 1);
  size_t k = 0;
  for (utf8proc_ssize_t i = 0; out && i < r; i++) {
    unsigned char c = folded[i];
    if (c == '.' || c == '-' || c == ' ' || c == '\'' || c == '\t' || c == '\n' || c == '\r') continue;
    if (c == 0xE2 && i + 2 < r && folded[i + 1] == 0x80 && (folded[i + 2] == 0x99 || folded[i + 2] == 0x90 ||
                                                           folded[i + 2] == 0x91)) {
      i += 2; /* ’ and the Unicode hyphens */
      continue;
    }
    out[k++] = (char)c;
  }
  if (out) out[k] = 0;
  free(folded);
  return out;
}

/* Built-in aliases for common country and organisation forms; configuration adds more. */
static const char *const ALIASES[][2] = {
    {"us", "unitedstates"},         {"usa", "unitedstates"},          {"america", "unitedstates"},
    {"unitedstatesofamerica", "unitedstates"},                        {"uk", "unitedkingdom"},
    {"britain", "unitedkingdom"},   {"greatbritain", "unitedkingdom"}, {"eu", "europeanunion"},
    {"un", "unitednations"},        {"ussr", "sovietunion"},           {"uae", "unitedarabemirates"},
    {"drc", "democraticrepublicofthecongo"},                          {"prc", "china"},
    {"peoplesrepublicofchina", "china"},                              {"nato", "northatlantictreatyorganization"},
    {"who", "worldhealthorganization"},                               {"gop", "republicanparty"},
};

const char *cd_alias_key(const char *key) {
  for (size_t i = 0; i < sizeof ALIASES / sizeof ALIASES[0]; i++)
    if (strcmp(ALIASES[i][0], key) == 0) return ALIASES[i][1];
  return key;
}
