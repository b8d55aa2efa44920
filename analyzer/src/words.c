#include "words.h"

#include "copydesk/analyzer.h"
#include "lexicon.h"

#include <assert.h>
#include <stdlib.h>
#include <string.h>

bool cd_word_eq(const char *s, size_t n, const char *word) {
  size_t i = 0;
  for (; i < n && word[i]; i++) {
    char a = s[i], b = word[i];
    if (a >= 'A' && a <= 'Z') a = (char)(a - 'A' + 'a');
    if (b >= 'A' && b <= 'Z') b = (char)(b - 'A' + 'a');
    if (a != b) return false;
  }
  return i == n && word[i] == 0;
}

size_t cd_strip_possessive(const char *s, size_t n, bool *poss) {
  *poss = false;
  if (n > 2 && s[n - 2] == '\'' && (s[n - 1] == 's' || s[n - 1] == 'S')) {
    *poss = true;
    return n - 2;
  }
  if (n > 4 && (unsigned char)s[n - 4] == 0xE2 && (unsigned char)s[n - 3] == 0x80 &&
      (unsigned char)s[n - 2] == 0x99 && s[n - 1] == 's') {
    *poss = true;
    return n - 4;
  }
  return n;
}

bool cd_word_in(const char *s, size_t n, const char *const *list) {
  if (n == 0) return false;
  /* the lists hold lower-case ASCII: a first-letter test skips almost every entry cheaply */
  char c0 = s[0] >= 'A' && s[0] <= 'Z' ? (char)(s[0] - 'A' + 'a') : s[0];
  for (; *list; list++)
    if ((*list)[0] == c0 && cd_word_eq(s, n, *list)) return true;
  return false;
}

/* No word of these lists is longer: a longer slice is not looked up. */
enum { WORD_MAX = 47 };

int cd_word_cmp_folded(const char *s, size_t n, const char *word) {
  for (size_t i = 0; i < n; i++) {
    unsigned char a = (unsigned char)s[i], b = (unsigned char)word[i];
    if (a >= 'A' && a <= 'Z') a = (unsigned char)(a - 'A' + 'a');
    if (a != b) return a < b ? -1 : 1;
    if (a == 0) return 0;
  }
  return word[n] ? -1 : 0;
}

/* Binary search with the comparison inline: most probes are settled by the first byte. Row i's
 * word is table[i * stride]. */
size_t cd_sorted_index(const char *s, size_t n, const char *const *table, size_t count, size_t stride) {
  size_t lo = 0, hi = count;
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    int c = cd_word_cmp_folded(s, n, table[mid * stride]);
    if (c == 0) return mid;
    if (c < 0)
      hi = mid;
    else
      lo = mid + 1;
  }
  return CD_NONE;
}

static bool sorted_find(const char *s, size_t n, const char *const *list, size_t count) {
  return cd_sorted_index(s, n, list, count, 1) != CD_NONE;
}

bool cd_sorted_word_in(const char *s, size_t n, const char *const *list, size_t count) {
#ifndef NDEBUG
  for (size_t i = 1; i < count; i++) assert(strcmp(list[i - 1], list[i]) < 0 && "word list out of order");
#endif
  if (n == 0 || n > WORD_MAX) return false;
  return sorted_find(s, n, list, count);
}

/* cd_word_table_has past the filter: the slots, for a slice of one byte or more. */
bool cd_word_table_probe(const cd_word_table *t, const char *s, size_t n) {
  uint32_t h = cd_word_hash(s, n), tag = cd_word_slot_tag(h);
  for (uint32_t k = h & t->mask;; k = (k + 1) & t->mask) {
    uint32_t slot = t->slots[k];
    if (slot == 0) return false;
    if ((slot & ~CD_WORD_SLOT_OFFSET_MASK) != tag) continue;
    const char *e = t->chars + (slot & CD_WORD_SLOT_OFFSET_MASK) - 1;
    size_t i = 0;
    for (; i < n; i++) {
      uint32_t c = (unsigned char)s[i];
      if (c - 'A' < 26u) c |= 0x20u;
      if (c != (unsigned char)e[i] || c == 0) break; /* a NUL in the slice ends no entry */
    }
    if (i == n && e[n] == 0) return true;
  }
}

#include "common_words.inc"

bool cd_is_common_word(const char *s, size_t n) {
  if (n == 0 || n > WORD_MAX) return false;
  for (size_t i = 0; i < n; i++) {
    char c = s[i];
    if (c >= 'A' && c <= 'Z') c = (char)(c - 'A' + 'a');
    if (c < 'a' || c > 'z') return false;
  }
  static const cd_word_table common = COMMON_WORDS_TABLE;
  return cd_word_table_has(&common, s, n);
}

bool cd_is_abbreviation(const char *s, size_t n) { return cd_lex_has(CD_LEX_ABBREVIATIONS, s, n); }

bool cd_is_courtesy_title(const char *s, size_t n) {
  if (n == 1) return false; /* "M" alone is an initial far more often than Monsieur */
  return cd_lex_has(CD_LEX_COURTESY_TITLES, s, n);
}

bool cd_is_job_title(const char *s, size_t n) { return cd_lex_has(CD_LEX_JOB_TITLES, s, n); }

bool cd_is_calendar_word(const char *s, size_t n) { return cd_lex_has(CD_LEX_CALENDAR_WORDS, s, n); }

bool cd_is_demonym(const char *w, size_t n, bool allcaps) {
  for (size_t k = n; k > 1; k--)
    if (w[k - 1] == '-') {
      w += k;
      n -= k;
      break;
    }
  if (n == 2 && !allcaps) return false; /* "US" in capitals, not the pronoun */
  for (int plural = 0; plural < 2; plural++) {
    if (plural && !(n > 3 && w[n - 1] == 's')) break;
    size_t m = n - (size_t)plural;
    if (cd_lex_has(CD_LEX_DEMONYMS, w, m)) return true;
    if (m >= 6 && !allcaps) {
      const char *e = w + m - 3;
      if (!memcmp(e, "ian", 3) || !memcmp(e, "ese", 3) || !memcmp(e, "ish", 3) || !memcmp(e, "iot", 3))
        return true;
    }
  }
  return false;
}

bool cd_is_pronoun(const char *s, size_t n) { return cd_lex_has(CD_LEX_SPEAKER_PRONOUNS, s, n); }

bool cd_is_contracted_pronoun(const char *s, size_t n) {
  static const char *const tails[] = {"d", "ll", "m", "re", "s", "ve"};
  for (size_t k = 1; k < n; k++) {
    size_t ap = s[k] == '\'' ? 1 : (k + 3 <= n && !memcmp(s + k, "\xE2\x80\x99", 3)) ? 3 : 0;
    if (!ap) continue;
    if (!cd_is_pronoun(s, k)) return false;
    for (size_t t = 0; t < sizeof tails / sizeof tails[0]; t++)
      if (cd_word_eq(s + k + ap, n - k - ap, tails[t])) return true;
    return false;
  }
  return false;
}
