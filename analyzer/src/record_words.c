/* Tokens of the record and of quotes, reduced to comparison keys (record_words.h). */
#include "record_words.h"

#include <string.h>
#include <utf8proc.h>

#include "chars.h"
#include "lexicon.h"

#define FOLD_MAX 256 /* bytes of a folded word that count; longer words are compared by their start */

static bool is_apostrophe(int32_t c) { return c == '\'' || c == 0x2019 || c == 0x02BC || c == 0x2018; }

/* A word's key: 63 bits; the top bit marks a word that is either of two ("is|has"). */
#define ALT_BIT (1ull << 63)

static uint64_t fnv1a(const unsigned char *p, size_t n) {
  uint64_t h = 0xcbf29ce484222325ull;
  for (size_t i = 0; i < n; i++) {
    h ^= p[i];
    h *= 0x100000001b3ull;
  }
  return h;
}

static uint64_t word_key(const unsigned char *p, size_t n) {
  uint64_t h = fnv1a(p, n) & ~ALT_BIT;
  return memchr(p, '|', n) ? h | ALT_BIT : h;
}

/* Appends the folded form of code point c (case folded, marks stripped) to buf. */
static size_t fold_cp(int32_t c, unsigned char *buf, size_t k) {
  if (c < 0x80) {
    if (k < FOLD_MAX) buf[k++] = (unsigned char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
    return k;
  }
  utf8proc_int32_t out[8];
  utf8proc_ssize_t n = utf8proc_decompose_char(c, out, 8, UTF8PROC_CASEFOLD | UTF8PROC_DECOMPOSE | UTF8PROC_STRIPMARK |
                                                              UTF8PROC_COMPAT, NULL);
  if (n < 0 || n > 8) {
    out[0] = c;
    n = 1;
  }
  for (utf8proc_ssize_t i = 0; i < n; i++) {
    unsigned char enc[4];
    utf8proc_ssize_t m = utf8proc_encode_char(out[i], enc);
    for (utf8proc_ssize_t j = 0; j < m && k < FOLD_MAX; j++) buf[k++] = enc[j];
  }
  return k;
}

/* An ellipsis at pos: "…", "...", ". . ."; returns its end or 0. */
static size_t ellipsis_end(const char *s, size_t end, size_t pos) {
  if (pos + 3 <= end && memcmp(s + pos, "\xE2\x80\xA6", 3) == 0) return pos + 3;
  if (pos + 3 <= end && memcmp(s + pos, "...", 3) == 0) {
    size_t e = pos + 3;
    while (e < end && s[e] == '.') e++;
    return e;
  }
  if (pos + 5 <= end && memcmp(s + pos, ". . .", 5) == 0) return pos + 5;
  return 0;
}

/* A bracket's closing ']' on the same line, within a few words; 0 when none. */
static size_t bracket_end(const char *s, size_t end, size_t pos) {
  for (size_t e = pos + 1; e < end && e < pos + 160; e++) {
    if (s[e] == ']') return e + 1;
    if (s[e] == '\n' || s[e] == '[') return 0;
  }
  return 0;
}

/* The word at pos (a letter or digit) folded into buf: letters, digits and marks, with
 * apostrophes between letters and separators between digits. Returns its end. */
static size_t read_word(const char *s, size_t end, size_t pos, unsigned char *buf, size_t *len) {
  size_t k = 0, i = pos, n;
  while (i < end) {
    int32_t c = cd_decode(s, end, i, &n);
    if (cd_is_letter(c) || cd_is_digit(c) || cd_is_mark(c)) {
      k = fold_cp(c, buf, k);
      i += n;
      continue;
    }
    size_t n2;
    if (i + n < end) {
      int32_t next = cd_decode(s, end, i + n, &n2);
      int32_t prev = k ? buf[k - 1] : 0;
      if (is_apostrophe(c) && cd_is_letter(next)) {
        if (k < FOLD_MAX) buf[k++] = '\'';
        i += n;
        continue;
      }
      if ((c == ',' || c == '.') && cd_is_digit(next) && prev >= '0' && prev <= '9') {
        if (c == '.' && k < FOLD_MAX) buf[k++] = '.';
        i += n;
        continue;
      }
    }
    break;
  }
  *len = k;
  return i;
}

static bool ascii_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

static bool all_digits(const unsigned char *b, size_t k) {
  for (size_t i = 0; i < k; i++)
    if ((b[i] < '0' || b[i] > '9') && b[i] != '.') return false;
  return k > 0;
}

/* A number word as its figure ("five" -> "5"); tens and units written together are one number
 * ("twenty-five", "twenty five" -> "25"). Returns the word's (new) end. */
static size_t number_word(const char *s, size_t end, size_t i, unsigned char *buf, size_t *k) {
  const char *fig = *k <= 9 ? cd_lex_value(CD_LEX_RECORD_NUMBER_WORDS, (const char *)buf, *k) : NULL;
  if (!fig) return i;
  size_t fl = strlen(fig);
  memcpy(buf, fig, fl);
  *k = fl;
  if (fl == 2 && fig[1] == '0' && i + 1 < end && (s[i] == '-' || s[i] == ' ') && ascii_letter(s[i + 1])) {
    unsigned char b2[FOLD_MAX];
    size_t k2, e2 = read_word(s, end, i + 1, b2, &k2);
    const char *unit = k2 <= 5 ? cd_lex_value(CD_LEX_RECORD_NUMBER_WORDS, (const char *)b2, k2) : NULL;
    if (unit && unit[0] != '0' && unit[1] == 0) {
      buf[1] = (unsigned char)unit[0];
      return e2;
    }
  }
  return i;
}

/* A contraction as its two words ("don't" -> "do", "not"; "we're" -> "we", "are"): a row of
 * record_contractions.txt for the whole word, else one for its ending. False when it is none. */
static bool contraction(const unsigned char *buf, size_t k, uint64_t *key, uint64_t *key2) {
  const char *w = (const char *)buf;
  const char *v = cd_lex_value(CD_LEX_RECORD_CONTRACTIONS, w, k);
  if (v) {
    const char *sp = strchr(v, ' ');
    *key = word_key((const unsigned char *)v, sp ? (size_t)(sp - v) : strlen(v));
    *key2 = sp ? word_key((const unsigned char *)sp + 1, strlen(sp + 1)) : 0;
    return true;
  }
  size_t stem = k >= 4 && memcmp(w + k - 3, "n't", 3) == 0 ? k - 3 : 0;
  if (!stem)
    for (size_t a = k; a-- > 1;)
      if (w[a] == '\'') {
        stem = a;
        break;
      }
  if (!stem) return false;
  v = cd_lex_value(CD_LEX_RECORD_CONTRACTIONS, w + stem, k - stem);
  if (!v) return false;
  *key = word_key(buf, stem);
  *key2 = word_key((const unsigned char *)v, strlen(v));
  return true;
}

bool rec_next_token(const char *s, size_t end, size_t pos, rec_mode mode, rec_tok *out) {
  while (pos < end) {
    unsigned char b = (unsigned char)s[pos];
    if (b == '[') {
      size_t e = bracket_end(s, end, pos);
      if (e) {
        if (mode == REC_QUOTE) {
          *out = (rec_tok){pos, e, 0, 0, RT_BRACKET};
          return true;
        }
        pos = e;
        continue;
      }
    }
    size_t el = (b == '.' || b == 0xE2) ? ellipsis_end(s, end, pos) : 0;
    if (el) {
      if (mode == REC_QUOTE) {
        *out = (rec_tok){pos, el, 0, 0, RT_ELLIPSIS};
        return true;
      }
      pos = el;
      continue;
    }
    size_t n;
    int32_t c = cd_decode(s, end, pos, &n);
    if (!cd_is_letter(c) && !cd_is_digit(c)) {
      pos += n;
      continue;
    }
    unsigned char buf[FOLD_MAX];
    size_t k, i = read_word(s, end, pos, buf, &k);
    if (k <= 4 && cd_lex_has(CD_LEX_RECORD_FILLERS, (const char *)buf, k)) {
      *out = (rec_tok){pos, i, word_key(buf, k), 0, RT_FILLER};
      return true;
    }
    uint64_t key2 = 0;
    /* editorial style, not the speaker's words: figures or words for numbers, "%" or "percent"
     * or "per cent", contracted or written out */
    if (all_digits(buf, k)) {
      if (i < end && s[i] == '%') {
        key2 = word_key((const unsigned char *)"percent", 7);
        i++;
      }
    } else if (k == 3 && memcmp(buf, "per", 3) == 0 && i + 5 <= end && memcmp(s + i, " cent", 5) == 0 &&
               (i + 5 == end || !ascii_letter(s[i + 5]))) {
      memcpy(buf, "percent", 7);
      k = 7;
      i += 5;
    } else if (memchr(buf, '\'', k) || (k == 6 && memcmp(buf, "cannot", 6) == 0)) {
      uint64_t key;
      if (contraction(buf, k, &key, &key2)) {
        *out = (rec_tok){pos, i, key, key2, RT_WORD};
        return true;
      }
    } else {
      i = number_word(s, end, i, buf, &k);
    }
    *out = (rec_tok){pos, i, word_key(buf, k), key2, RT_WORD};
    return true;
  }
  return false;
}

bool rec_alternative_match(uint64_t a, uint64_t b) {
  if (a == b) return true;
  if (!((a | b) & ALT_BIT)) return false;
  if (b & ALT_BIT) {
    uint64_t t = a;
    a = b;
    b = t;
  }
  /* a is "X|Y": find the row that wrote it */
  for (size_t r = 0; r < cd_lex_count(CD_LEX_RECORD_CONTRACTIONS); r++) {
    const char *bar = strchr(cd_lex_entry(CD_LEX_RECORD_CONTRACTIONS, r), '|');
    if (!bar) continue;
    const char *w = bar;
    while (w[-1] != ' ') w--;
    if (word_key((const unsigned char *)w, strlen(w)) != a) continue;
    for (const char *p = w; *p;) {
      size_t len = strcspn(p, "|");
      if (word_key((const unsigned char *)p, len) == b) return true;
      p += len + (p[len] == '|');
    }
    return false;
  }
  return false;
}
