/* A source of the record inside: its words in order, the turns (speaker turns, cues, paragraphs)
 * they belong to, and the n-gram index over them, built once when the source is created. */
#ifndef CD_RECORD_INTERNAL_H
#define CD_RECORD_INTERNAL_H
#include <stdint.h>

#include "copydesk/record.h"
#include "record_words.h"

/* A speaker label's role. */
typedef enum rec_role {
  ROLE_NONE = 0,    /* no label: prose, or before the first label */
  ROLE_PERSON,      /* "RUIZ:", "[Ana Ruiz]", "<v Ana Ruiz>" */
  ROLE_INTERVIEWER, /* "Q:", "INTERVIEWER:" */
  ROLE_UNNAMED      /* "A:", "SPEAKER 2:": someone, not named */
} rec_role;

typedef struct rec_word {
  uint64_t key;
  uint32_t start, end; /* bytes in the source's text */
  uint32_t line;       /* 1-based */
  uint32_t turn;       /* index into turns */
} rec_word;

typedef struct rec_turn {
  uint32_t start, end;                 /* the turn's text */
  uint32_t label_start, label_end;     /* the speaker label as written, or equal when none */
  uint32_t stamp_start, stamp_end;     /* the start time ("00:12:41"), or equal when none */
  uint8_t role;                        /* rec_role */
} rec_turn;

/* One entry of the index: the key of a word (unigram) or of two adjacent words (bigram), and the
 * position of the (first) word. Sorted by key, then position. */
typedef struct rec_posting {
  uint64_t key;
  uint32_t pos;
} rec_posting;

struct cd_record_source {
  char *name;
  char *text; /* NUL-terminated copy */
  size_t len;
  cd_record_kind kind;
  rec_word *words;
  size_t n_words;
  rec_turn *turns;
  size_t n_turns;
  rec_posting *index;
  size_t n_index;
};

/* The postings of `key`: *first and the count. */
size_t rec_lookup(const cd_record_source *s, uint64_t key, size_t *first);

/* Fills words and turns from the text (record_parse.c). False when memory runs out. */
bool rec_parse(cd_record_source *s);

#endif
