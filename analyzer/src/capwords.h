/* The words a text capitalises mid-sentence (the mentions pass's evidence that a capitalised common
 * word opening a sentence is a name: "Trump"), as a set without regard to ASCII case that counts
 * each word's occurrences. A handle keeps one across versions (incremental.h): a keystroke takes
 * out the words of the paragraphs the edit changed and puts in their new words, rather than
 * gathering the whole text's again, and the words that came or went are those whose count left or
 * reached zero. The set owns copies of its words. */
#ifndef CD_CAPWORDS_H
#define CD_CAPWORDS_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "vec.h"

typedef struct cd_capwords {
  uint32_t *slots; /* entry + 1 (0: empty), open addressing, grown at half load */
  size_t n_slots;
  cd_vec entries;  /* capword entries; one whose count fell to zero stays until cd_capwords_mark */
  cd_vec bytes;    /* char: the entries' words */
  size_t live;     /* entries with a count above zero */
  bool tracking;   /* noting the entries whose count changes (cd_capwords_mark) */
  cd_vec touched;  /* uint32_t: those entries, each once */
} cd_capwords;

/* Are the two words the same but for ASCII case? */
static inline bool cd_capwords_same_word(const char *a, size_t an, const char *b, size_t bn) {
  if (an != bn) return false;
  if (memcmp(a, b, an) == 0) return true; /* a word is mostly capitalised the same way */
  for (size_t i = 0; i < an; i++) {
    unsigned char x = (unsigned char)a[i], y = (unsigned char)b[i];
    if (x >= 'A' && x <= 'Z') x = (unsigned char)(x + 32);
    if (y >= 'A' && y <= 'Z') y = (unsigned char)(y + 32);
    if (x != y) return false;
  }
  return true;
}

void cd_capwords_init(cd_capwords *s);
void cd_capwords_free(cd_capwords *s);
/* Empties the set and stops tracking. */
void cd_capwords_clear(cd_capwords *s);
/* One more occurrence of the n bytes at w. */
void cd_capwords_add(cd_capwords *s, const char *w, size_t n);
/* One occurrence fewer (the word was added before). */
void cd_capwords_remove(cd_capwords *s, const char *w, size_t n);
/* Does the set hold the word (counted at least once)? */
bool cd_capwords_has(const cd_capwords *s, const char *w, size_t n);
/* From now on, notes the words added or removed, for cd_capwords_changed (dropping the entries
 * no word is counted for first). */
void cd_capwords_mark(cd_capwords *s);
/* The words the set gained or lost since cd_capwords_mark, up to `max` of them into words[] and
 * lens[] (valid until the set next changes); returns how many there are, max + 1 for more. */
size_t cd_capwords_changed(const cd_capwords *s, const char **words, size_t *lens, size_t max);

#endif
