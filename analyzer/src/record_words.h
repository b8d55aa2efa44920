/* Words of the record and of quotes, as the comparison sees them: case folded, diacritics and
 * curly marks made plain, punctuation and hyphens dropped ("Long-term" = "long term"), numbers
 * without thousands separators ("5,000" = "5000"). Editorial style is no difference either: a
 * number word is its figure ("five" = "5"), "%" is "percent", and a contraction is the words it
 * stands for ("don't" = "do not"). Each word is reduced to a 64-bit key. */
#ifndef CD_RECORD_WORDS_H
#define CD_RECORD_WORDS_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef enum rec_tok_kind {
  RT_WORD = 0,
  RT_FILLER,   /* "um", "uh": dropped on both sides */
  RT_ELLIPSIS, /* "...", "…", ". . .": words left out (quotes only) */
  RT_BRACKET   /* "[the mayor]": the writer's words standing for the speaker's (quotes only) */
} rec_tok_kind;

typedef struct rec_tok {
  size_t start, end; /* bytes of the word (or of the whole ellipsis or bracket) */
  uint64_t key;      /* RT_WORD and RT_FILLER */
  uint64_t key2;     /* a second word the token stands for ("don't": "do", "not"; "10%": "10",
                        "percent"), or 0; both words have the token's bytes */
  rec_tok_kind kind;
} rec_tok;

/* Reading mode: in a quote, ellipses and brackets are the writer's marks; in the record, a
 * bracket is an annotation ("[laughs]", "[inaudible]") and is skipped, and an ellipsis is pause. */
typedef enum rec_mode { REC_QUOTE, REC_SOURCE } rec_mode;

/* The next token in s[pos, end) at or after `pos`; false at the end. `out->end` is where to go on. */
bool rec_next_token(const char *s, size_t end, size_t pos, rec_mode mode, rec_tok *out);

/* Two words' keys compare equal, or one is either of two words ("it's": "it", "is|has") and the
 * other one of them. */
bool rec_alternative_match(uint64_t a, uint64_t b);
static inline bool rec_same_word(uint64_t a, uint64_t b) {
  return a == b || ((a | b) >> 63 && rec_alternative_match(a, b));
}

/* The key of a bigram (two keys in order). */
static inline uint64_t rec_pair_key(uint64_t a, uint64_t b) {
  uint64_t h = a * 0x9E3779B97F4A7C15ull ^ (b + 0x632BE59BD9B4E019ull + (a << 6) + (a >> 2));
  return h ^ (h >> 29);
}

#endif
