/* Attribution's shared working state and helpers: the pass (attribution.c) runs the sieves,
 * speakers.c recognises speaker phrases and resolves pronouns, attribution_lexicon.c holds the
 * word lists. Internal to the analyzer. */
#ifndef CD_ATTRIBUTION_INTERNAL_H
#define CD_ATTRIBUTION_INTERNAL_H

#include <string.h>

#include "doc.h"
#include "words.h"

typedef struct speaker {
  bool found;
  size_t first_tok, end_tok; /* the attributing words */
  size_t phrase_end;         /* past an affiliation ("of Boston University"); 0: end_tok */
  size_t mention;            /* name mention, or CD_NONE */
  size_t entity;
  const char *name;          /* reported speaker */
  cd_attribution_method method;
  const char *how;           /* evidence detail */
} speaker;

typedef struct att {
  cd_doc *doc;
  /* Which tokens start a name mention (mention_at), in a few bits a token rather than a word: a
   * bit per token, the count of bits set before each word of 64, and per token that starts one
   * the mention (the last of the table's that start there). */
  const uint64_t *starts;
  const uint32_t *starts_before;
  const uint32_t *start_mention;
  size_t last_speaker;   /* mention of the latest quote's person speaker, or CD_NONE */
  uint32_t last_speaker_sent;
  /* the person the latest attributed quote went to (named, or through "she"), and that quote's
   * closing mark: a "she said" that finds nobody named near goes on with them while no one else
   * has been named since (att_chain_speaker); CD_NONE after a quote credited to no person */
  size_t chain_speaker, chain_tok;
  /* token positions computed once, ascending, so that no sieve rescans a sentence per quote */
  size_t *spaced_dashes, n_spaced_dashes; /* " - " / " — ": dashes with a space before */
  size_t *according, n_according;         /* "according to" outside quotes */
  uint8_t *gender;                        /* per entity: GENDER_* from titles and he/she beside the name
                                           * (bits 0-1), a memo (2-3), ATT_NAMED_SPEAKER (4) */
  bool in_they;                           /* resolving a "they" by its sentence's subject (no recursion) */
  /* per token: the answers of att_speech_verb (bits 0-1), att_speech_phrase (2-3), att_between_word
   * (4-5) and att_determiner (6-7), each 0: not asked yet, 1: no, 2: yes; or NULL. The sieves ask
   * about the same few tokens quote after quote. */
  uint8_t *said;
  /* tokens [marks_lo, marks_hi] are all quotation marks (empty while marks_hi < marks_lo): the
   * latest run of marks walked, so that quote after quote in a long run of marks skips what the
   * quote before walked instead of walking its window again */
  size_t marks_lo, marks_hi;
  /* att_sentence_subject's latest search that found no subject: in sentence subj_sent, no speaker
   * phrase starts before token subj_stop (subj_words words read), in the state below. A sentence
   * that runs on between many quotes is read once, not once a quote. */
  bool subj_none;
  uint32_t subj_sent;
  size_t subj_stop, subj_words, subj_last_speaker, subj_chain_speaker;
  uint32_t subj_last_speaker_sent;
  bool subj_in_they;
  /* per surname of a person's fullest name ("Farrow" of "Linda Farrow"), how many people have it
   * (att_count_surnames) */
  struct cd_strmap *person_surnames;
  /* the person a source phrase stands for ("the nurse", "a spokeswoman for the trust") when the
   * latest attributed quote went to one, that quote's closing mark and the gender the phrase's noun
   * gives: a "she said" that finds nobody named before it goes on with them (att_chain_source);
   * NULL once a quote goes to someone named or to a body or document */
  const char *chain_source;
  size_t chain_source_from, chain_source_tok; /* the quote's first token or the phrase's, and its close */
  uint8_t chain_source_gender;
  const char *subj_chain_source;
  /* the he/she the quote of chain_speaker was credited through (GENDER_*), else GENDER_UNKNOWN */
  uint8_t chain_gender;
  /* interview_subject's latest walk: the question paragraph it started from and the first question
   * of its interview it reached (UINT32_MAX: none yet), so that answer after answer walks each
   * question once */
  uint32_t iv_at, iv_first;
  speaker iv_who; /* the person of the interview at iv_first, once found (found: false until then) */
} att;

enum { GENDER_UNKNOWN = 0, GENDER_MALE = 1, GENDER_FEMALE = 2, GENDER_MIXED = 3 };
enum { ATT_NAMED_SPEAKER = 16 }; /* in att.gender: a quote before was credited to the person by name */



static inline const cd_token *T(const att *a, size_t i) { return doc_tok(a->doc, i); }
static inline const char *S(const att *a, size_t i) { return a->doc->text + T(a, i)->start; }
static inline size_t N(const att *a, size_t i) { return T(a, i)->len; }
/* Token i's place among the tokens that start a mention (its bit set in `starts`): the bits set
 * before it. */
static inline uint32_t start_rank(const uint64_t *starts, const uint32_t *starts_before, size_t i) {
  return starts_before[i / 64] + (uint32_t)__builtin_popcountll(starts[i / 64] & (((uint64_t)1 << (i % 64)) - 1));
}
/* The mention starting at token i (at most the token count), or CD_NONE. */
static inline size_t mention_at(const att *a, size_t i) {
  if (!(a->starts[i / 64] >> (i % 64) & 1)) return CD_NONE;
  return a->start_mention[start_rank(a->starts, a->starts_before, i)];
}
/* How many mentions start before token `tok` (mentions are in text order): the index to walk back
 * from for the mentions before it. */
static inline size_t att_mentions_before(const att *a, size_t tok) {
  size_t lo = 0, hi = a->doc->mentions.len;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (CD_VEC_AT(&a->doc->mentions, cd_name_mention, mid)->first_tok < tok) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
static inline uint32_t para_of(const att *a, size_t i) { return doc_tok_para(a->doc, T(a, i)); }
/* Token i is the word w (wn bytes), in any case (cd_tok_word_is_n). */
static inline bool is_n(const att *a, size_t i, const char *w, size_t wn) { return cd_tok_word_is_n(a->doc, i, w, wn); }
/* is_n for a literal w, whose length the compiler knows (the function is not always inlined, and a
 * strlen a call was a few percent of the attribution pass) */
#define is(a, i, w) is_n((a), (i), "" w, sizeof(w) - 1)
/* The pronoun w, or w with a contracted verb glued on: "he", "he's", "he’s", "he'd", "he’ll". */
static inline bool pronoun_is(const att *a, size_t i, const char *w) {
  if (i >= doc_ntok(a->doc)) return false;
  size_t wn = strlen(w), n = N(a, i);
  if (is_n(a, i, w, wn)) return true;
  if (T(a, i)->kind != TOK_WORD || n <= wn || !cd_word_eq(S(a, i), wn, w)) return false;
  const char *r = S(a, i) + wn;
  size_t rn = n - wn, ap = r[0] == '\'' ? 1 : (rn >= 3 && !memcmp(r, "\xE2\x80\x99", 3)) ? 3 : 0;
  if (!ap) return false;
  return cd_word_eq(r + ap, rn - ap, "s") || cd_word_eq(r + ap, rn - ap, "d") || cd_word_eq(r + ap, rn - ap, "ll");
}
static inline bool punct(const att *a, size_t i, char c) {
  return i < doc_ntok(a->doc) && T(a, i)->kind == TOK_PUNCT && T(a, i)->len == 1 &&
         a->doc->text[T(a, i)->start] == c;
}
static inline bool dash(const att *a, size_t i) {
  if (i >= doc_ntok(a->doc) || T(a, i)->kind != TOK_PUNCT) return false;
  const unsigned char *s = (const unsigned char *)S(a, i);
  /* hyphen, en dash, em dash, horizontal bar (the sign-off dash: "..." ― Ana Bell) */
  return s[0] == '-' || (N(a, i) == 3 && s[0] == 0xE2 && s[1] == 0x80 && (s[2] == 0x93 || s[2] == 0x94 || s[2] == 0x95));
}
static inline bool outside_quotes(const att *a, size_t i) { return !(T(a, i)->flags & TF_QUOTED); }

/* ---- word classes (attribution_lexicon.c) ---- */
/* The answers kept in a->said are read here, inline: the sieves ask these four about the same
 * tokens tens of times a quote. The _asked functions find (and keep) an answer not kept yet. */
bool att_speech_verb_asked(const att *a, size_t i);
bool att_speech_phrase_asked(const att *a, size_t i);
bool att_between_word_asked(const att *a, size_t i);
bool att_determiner_asked(const att *a, size_t i);
/* A two-bit answer kept in a byte per item, several answers to a byte at different shifts (a->said
 * per token, doc->mention_person per mention): 0 not asked yet, else what the caller put. A NULL
 * memo keeps nothing. */
static inline unsigned att_memo_get(const uint8_t *memo, size_t i, unsigned shift) {
  return memo ? (memo[i] >> shift) & 3u : 0;
}
static inline void att_memo_put(uint8_t *memo, size_t i, unsigned shift, unsigned v) {
  if (memo) memo[i] |= (uint8_t)(v << shift);
}
static inline unsigned att_said(const att *a, size_t i, unsigned shift) { return att_memo_get(a->said, i, shift); }
/* a lower-case verb of saying */
static inline bool att_speech_verb(const att *a, size_t i) {
  unsigned kept = i < doc_ntok(a->doc) ? att_said(a, i, 0) : 0;
  return kept ? kept == 2 : att_speech_verb_asked(a, i);
}
/* "put it", "shot back" (speech_phrases.txt) */
static inline bool att_speech_phrase(const att *a, size_t i) {
  unsigned kept = i < doc_ntok(a->doc) ? att_said(a, i, 2) : 0;
  return kept ? kept == 2 : att_speech_phrase_asked(a, i);
}
/* adverb or auxiliary between speaker and verb */
static inline bool att_between_word(const att *a, size_t i) {
  unsigned kept = att_said(a, i, 4);
  return kept ? kept == 2 : att_between_word_asked(a, i);
}
static inline bool att_determiner(const att *a, size_t i) {
  unsigned kept = att_said(a, i, 6);
  return kept ? kept == 2 : att_determiner_asked(a, i);
}
bool att_source_noun(const att *a, size_t i);      /* statement, police, spokesperson ... */
bool att_preposition(const att *a, size_t i);
bool att_role_noun(const att *a, size_t i);        /* president, coach, professor ... */
/* A noun for what a person does: a role, a source, a job title or an everyday descriptor
 * ("coach", "spokeswoman", "lieutenant", "poet"). */
bool att_person_noun(const att *a, size_t i);
/* The first token of sentence s's own words: past a dateline ("WASHINGTON (AP) — ", "LAGOS: "). */
size_t att_past_dateline(const att *a, const cd_sentence *s);
/* A form of "be" that makes a passive with a participle after it. */
bool att_be_form(const att *a, size_t i);
/* "Marsh can be heard saying", "one engineer kept saying", "she was shouting": a lower-case
 * participle of saying after "heard", "seen", "kept" or a form of "be". */
bool att_participle_of_saying(const att *a, size_t k);
bool att_function_word(const att *a, size_t i);    /* who, and, while, was ... */
bool att_looks_like_person_name(const cd_doc *doc, const cd_name_mention *m);
bool att_tail_looks_like_person(const cd_doc *doc, const cd_name_mention *m);
bool att_person_mention(const cd_doc *doc, const cd_name_mention *m);

/* ---- speaker phrases (speakers.c) ---- */
/* A speaker phrase starting at token i: a name, a pronoun (resolved), or a source. */
bool att_speaker_at(att *a, size_t i, speaker *sp, cd_attribution_method method);
/* A noun phrase of any noun right before a stance verb ("a reporter for the Ledger called it",
 * "someone called it"), as att_speaker_at takes one before a verb of saying. */
bool att_stance_subject_at(att *a, size_t i, speaker *sp);
/* "says harbour master": a bare role or source after an inverted verb of saying. */
bool att_bare_source(att *a, size_t i, speaker *sp);
/* "... — a resident, during public questions", "— a spokesperson for the council": an unnamed
 * source an article opens at token i, credited after a dash; to the comma, stop or paragraph's
 * end. */
bool att_dash_source(att *a, size_t i, speaker *sp);
/* "Her first letter from London ...", "Winifred's reply ...": a person's message (email, letter,
 * statement ...) opening at token `first`; its owner, the pronoun resolved. */
bool att_message_owner(att *a, size_t first, speaker *sp);
bool att_asked_person(att *a, size_t answer, size_t first, size_t end, speaker *sp); /* "I asked him what ..." */
bool att_role_subject_person(att *a, uint32_t sent, speaker *sp); /* "..., the chief paused." */
/* Is sp the writer of a first-person piece ("I asked her")? A person, though no name says so. */
bool att_is_writer(const att *a, const speaker *sp);
/* "The boat, she says, moved two holdouts. The text message moved another.": paragraph `para` has
 * no quote of its own and a tag set off by commas, a lower-case "he" or "she" and a verb of saying,
 * with nobody else named after it. 1: its pronoun resolves to a person, in *sp; -1: it resolves to
 * nobody; 0: no such tag. The tag's verb in *verb (its pronoun right before) unless 0. A paragraph of
 * quote after it goes on with the account. */
int att_paraphrase_tag_owner(att *a, uint32_t para, speaker *sp, size_t *verb);
/* The sentence's subject before token `limit`. */
bool att_sentence_subject(att *a, uint32_t sent, size_t limit, speaker *sp);
/* Gender evidence per entity, in one pass over the text: "Mr"/"Ms" titles, and "he"/"she" in a
 * sentence that names only that person before it. False when out of memory. */
bool att_index_gender(att *a);
/* The gender entity e is known to have: from titles and pronouns beside its name (att_index_gender),
 * else from its given name; GENDER_UNKNOWN when neither says. */
uint8_t att_entity_gender(const att *a, size_t e);
/* Is the pronoun (he, she ...) of a gender that mention mi's person is known to have (a title, a
 * given name, he/she beside the name)? */
bool att_gender_known_fit(const att *a, size_t mi, const char *pronoun, size_t n);
/* May the pronoun stand for mention mi's person: not known to be of the other gender? */
bool att_gender_may_fit(const att *a, size_t mi, const char *pronoun, size_t n);
/* Fills `surnames` (borrowed keys, the entities' names' last words) and points a->person_surnames at it. */
void att_count_surnames(att *a, struct cd_strmap *surnames);
/* Who "he"/"she" (or, with `org`, "they"/"it") at token `pos` refers to: a mention index or CD_NONE. */
size_t att_resolve_person(const att *a, size_t pos, bool org);
/* Is token i right after a preposition ("in", "of the") within the sentence starting at `first`? */
bool att_after_preposition(const att *a, size_t i, size_t first);
/* The token after a speaker phrase, past an affiliation; and past an appositive too. */
size_t att_phrase_end(const speaker *sp);
/* After a top-level quote credited to sp (from its opening mark at `open` to its closing mark at
 * `close`): keeps or drops the source person a later unresolved "she said" goes on with
 * (chain_source). */
void att_note_chain_source(att *a, const speaker *sp, size_t open, size_t close);
size_t att_after_speaker(const att *a, const speaker *sp);
/* The token after a short quoted name or title that opens at mark k inside a tag's phrase
 * ("wearing "Lind for Mayor" pins,"), or CD_NONE when k opens no such quote. */
size_t att_past_short_quote(const att *a, size_t k);

#endif
