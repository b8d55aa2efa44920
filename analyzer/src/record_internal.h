/* A source of the record inside: its words in order, the turns (speaker turns, cues, paragraphs)
 * they belong to, and the n-gram index over them, built once when the source is created. */
#ifndef CD_RECORD_INTERNAL_H
#define CD_RECORD_INTERNAL_H
#include <stdint.h>
#include <threads.h>

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
  /* A memo of lookups: for a quote's word sequence, the stretches of this source worth aligning
   * (record_align.c). Only the index's answer for those words, so a memo hit gives exactly what
   * a fresh lookup would; it spares an editor's server the lookups of every unchanged quote at
   * each keystroke. Guarded: analyses on several threads share a source. */
  struct rec_memo *memo;
  mtx_t memo_lock;
  bool memo_lock_ok;
};

void rec_memo_free(struct rec_memo *memo);

/* The postings of `key`: *first and the count. */
size_t rec_lookup(const cd_record_source *s, uint64_t key, size_t *first);

/* Fills words and turns from the text (record_parse.c). False when memory runs out. */
bool rec_parse(cd_record_source *s);

#endif
