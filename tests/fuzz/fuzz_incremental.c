/* Fuzzes the incremental analysis (cd_analysis). The first byte picks Markdown (bit 0), how many
 * edits follow (bits 1-4, one to sixteen) and whether the names pass runs on the handle's second
 * thread whatever the length (bit 5); the rest is the article. The edits are drawn from a
 * generator seeded with the input's hash: a snippet typed (letters, spaces, paragraph breaks,
 * quotation marks of every family, an attribution, a name), a few bytes deleted, or a stretch cut
 * and pasted elsewhere. After every edit the handle's report must equal a fresh cd_analyze of the
 * same text, field by field: whatever the handle keeps from the version before (tokens, sentences,
 * quote pairing, mentions, entities, name indexes, claim and attribution answers) is a memo, never
 * an answer of its own. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../unit/report_equal.h"
#include "copydesk/analyzer.h"

#define CHECK(cond)       \
  do {                    \
    if (!(cond)) abort(); \
  } while (0)

static const char *const SNIPPETS[] = {"x", "K", " ", "\n", "\n\n", "\"", "\xE2\x80\x9C", "\xE2\x80\x9D", "'",
                                       "\xE2\x80\x98", "\xE2\x80\x99", "\xC2\xAB", "\xC2\xBB", ".", ",",
                                       ", she said.", " said Mr Hollis", "# ", "\n\n\"", "According to officials, "};

typedef struct text {
  char *s;
  size_t len, cap;
} text;

/* Replaces [at, at + del) with n bytes of ins. */
static void edit(text *t, size_t at, size_t del, const char *ins, size_t n) {
  if (!t->s || t->len - del + n > t->cap) {
    t->cap = 2 * (t->len - del + n) + 1;
    t->s = realloc(t->s, t->cap);
    CHECK(t->s);
  }
  memmove(t->s + at + n, t->s + at + del, t->len - at - del);
  memcpy(t->s + at, ins, n);
  t->len = t->len - del + n;
}

static uint64_t next(uint64_t *state, uint64_t n) {
  *state = *state * 6364136223846793005u + 1442695040888963407u;
  return n ? (*state >> 33) % n : 0;
}

static void random_edit(text *t, uint64_t *state) {
  size_t at = (size_t)next(state, t->len + 1), kind = (size_t)next(state, 10);
  if (kind < 6 || t->len == 0) {
    const char *s = SNIPPETS[next(state, sizeof SNIPPETS / sizeof SNIPPETS[0])];
    edit(t, at, 0, s, strlen(s));
  } else if (kind < 9) {
    size_t del = 1 + (size_t)next(state, 6);
    if (at + del > t->len) del = t->len - at;
    edit(t, at, del, "", 0);
  } else { /* cut a stretch and paste it elsewhere */
    size_t n = (size_t)next(state, 300);
    if (at + n > t->len) n = t->len - at;
    char *cut = malloc(n ? n : 1);
    CHECK(cut);
    memcpy(cut, t->s + at, n);
    edit(t, at, n, "", 0);
    edit(t, (size_t)next(state, t->len + 1), 0, cut, n);
    free(cut);
  }
}

/* The handle's report of the text against a fresh one; each is analysed from its own copy, exactly
 * `len` bytes long, so that a read past the end is caught. */
static void check_version(cd_analysis *a, const text *t, cd_format format, const cd_config *config) {
  char *copy = malloc(t->len ? t->len : 1);
  CHECK(copy);
  memcpy(copy, t->s, t->len);
  cd_report *inc = cd_analysis_update(a, copy, t->len, format, config);
  cd_report *fresh = cd_analyze(copy, t->len, format, config);
  CHECK(inc && fresh);
  CHECK(report_difference(inc, fresh) == NULL);
  cd_report_free(inc);
  cd_report_free(fresh);
  free(copy);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  static cd_config *config; /* lives across inputs, as an editor's does */
  if (size == 0) return 0;
  if (!config) CHECK((config = cd_config_new()) != NULL);
  cd_format format = (data[0] & 1) ? CD_FORMAT_MARKDOWN : CD_FORMAT_PLAINTEXT;
  size_t edits = 1 + ((data[0] >> 1) & 15);
  uint64_t state = 14695981039346656037u; /* FNV-1a of the input seeds the edits */
  for (size_t i = 0; i < size; i++) state = (state ^ data[i]) * 1099511628211u;
  text t = {NULL, 0, 0};
  edit(&t, 0, 0, (const char *)data + 1, size - 1);
  cd_analysis *a = cd_analysis_new();
  CHECK(a);
  if (data[0] & 32) cd_analysis_set_parallel_from(a, 0); /* the names pass on a second thread */
  check_version(a, &t, format, config);
  for (size_t k = 0; k < edits; k++) {
    random_edit(&t, &state);
    check_version(a, &t, format, config);
  }
  cd_analysis_free(a);
  free(t.s);
  return 0;
}
