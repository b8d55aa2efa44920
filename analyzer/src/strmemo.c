#include "strmemo.h"

#include <stdlib.h>
#include <string.h>

#include "copydesk/analyzer.h"

bool cd_strmemo_init(cd_strmemo *m, size_t limit) {
  memset(m, 0, sizeof *m);
  m->limit = limit < 2 ? 2 : limit;
  for (int g = 0; g < 2; g++) {
    m->arena[g] = cd_arena_new();
    cd_strmap_init(&m->map[g], m->arena[g]);
  }
  return m->arena[0] && m->arena[1];
}

void cd_strmemo_free(cd_strmemo *m) {
  for (int g = 0; g < 2; g++) {
    cd_strmap_free(&m->map[g]);
    cd_arena_free(m->arena[g]);
  }
  memset(m, 0, sizeof *m);
}

/* The newer generation becomes the older; the older one's memory is freed. */
static void turn_over(cd_strmemo *m) {
  cd_strmap_free(&m->map[1]);
  cd_arena_free(m->arena[1]);
  m->map[1] = m->map[0];
  m->arena[1] = m->arena[0];
  m->arena[0] = cd_arena_new();
  if (!m->arena[0]) abort(); /* the library's out-of-memory policy inside a pass */
  cd_strmap_init(&m->map[0], m->arena[0]);
}

void cd_strmemo_put(cd_strmemo *m, const char *key, size_t n, size_t value) {
  /* turned over one entry early, so that a generation's table never doubles past 2 * limit slots */
  if (m->map[0].len + 1 >= m->limit) turn_over(m);
  cd_strmap_putn(&m->map[0], key, n, value);
}

size_t cd_strmemo_get(cd_strmemo *m, const char *key, size_t n) {
  size_t v = cd_strmap_getn(&m->map[0], key, n);
  if (v != CD_NONE) return v;
  v = cd_strmap_getn(&m->map[1], key, n);
  if (v != CD_NONE) cd_strmemo_put(m, key, n, v);
  return v;
}
