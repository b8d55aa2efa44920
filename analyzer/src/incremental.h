/* Incremental analysis (cd_analysis): the previous version's per-paragraph tables, and which
 * paragraphs of a new version may take them over.
 *
 * A paragraph's tokens and sentences depend only on its own bytes and which of them are prose, so
 * a paragraph whose bytes (and the byte after them) lie wholly inside the text the two versions
 * share at their start or at their end, with the same prose bytes and the same span in the old
 * version, takes the old tables shifted by the change in length. Its name mentions depend also on
 * the roles quote pairing gave its marks, on the next paragraph's first words, and on which words
 * the whole text capitalises mid-sentence: the mentions pass checks those too. Its quotes are the
 * old ones when what quote pairing read outside it reads the same (cd_pairing). The passes ask per
 * paragraph; a NULL doc->incr (plain cd_analyze) means every paragraph is analysed afresh. The
 * claims pass keeps, per token, whether a phrase can start there (a function of the paragraph's
 * bytes), for the paragraphs that take the old tables, and the attribution pass its answers about
 * each word (cd_incr_said). The entities pass keeps its clustering for a version whose mentions
 * all read as the previous version's (cd_incr_mentions_same, cd_ents_kept).
 * The document-wide passes run on every version; their name keys (namekey_kept.h) and near-miss
 * name indexes are kept and brought to each version's text and keys. */
#ifndef CD_INCREMENTAL_H
#define CD_INCREMENTAL_H

#include "capwords.h"
#include "doc.h"
#include "keylist.h"
#include "namekey_kept.h"
#include "names_near.h"
#include "names_near_kept.h"
#include "names_short.h"
#include "worker.h"

/* After the source pass: matches the new version's paragraphs with the previous version's. */
void cd_incr_match(cd_analysis *a, const cd_doc *doc);
/* Before the tokens pass: gives the new version's tokens, sentences and mentions room for as many
 * as the previous version had, so that they are not copied as they grow. */
void cd_incr_reserve(cd_analysis *a, cd_doc *doc);
/* Tokens pass: appends the old tokens of paragraph `pi` when it is unchanged; false otherwise. */
bool cd_incr_tokens(cd_doc *doc, uint32_t pi);
/* Sentences pass: appends the old sentences of paragraph `pi` when its tokens were reused. */
bool cd_incr_sentences(cd_doc *doc, uint32_t pi);
/* After the sentences pass: keeps this version's text and tables for the next one. */
void cd_incr_keep_tokens(cd_analysis *a, cd_doc *doc);

/* The previous version's text and tables as its analysis left them (its tokens after quote
 * pairing), for a pass that takes out what it found in the old paragraphs this version does not
 * take over. */
typedef struct cd_incr_old {
  const char *text;
  const cd_token *tokens;
  const cd_sentence *sentences;
  const cd_para *paras;
  size_t n_paras;
} cd_incr_old;
/* False without a handle or a previous version. */
bool cd_incr_old_tables(const cd_doc *doc, cd_incr_old *old);
/* The old paragraph whose tables paragraph `pi` took over, or CD_NONE. */
size_t cd_incr_para_from(const cd_doc *doc, uint32_t pi);
/* Mentions pass: did paragraph `pi` take over the old tables, and is it a headline or not as
 * before, each of its marks given the role quote pairing gave it in the previous version? Then
 * what the pass reads inside the paragraph alone is as it was. */
bool cd_incr_para_same(const cd_doc *doc, uint32_t pi);
/* May paragraph `pi` (cd_incr_para_same) take its old mentions, as far as the configured verbs of
 * saying and the next paragraph go? */
bool cd_incr_mentions_may_reuse(const cd_doc *doc, uint32_t pi);
/* Appends the old mentions of paragraph `pi` (cd_incr_mentions_may_reuse said yes). */
void cd_incr_mentions(cd_doc *doc, uint32_t pi);
/* The handle's words capitalised mid-sentence (capwords.h), kept across versions: the previous
 * version's when cd_incr_old_tables says there is one, for the mentions pass to bring to this
 * version's. */
cd_capwords *cd_incr_capwords(cd_doc *doc);
/* After the mentions pass: this version becomes the old. */
void cd_incr_keep_mentions(cd_analysis *a);
/* At the end of an analysis: the handle takes the version's tokens and mentions as the passes left
 * them (their tables, not copies), for the next version; cd_incr_tokens and cd_incr_mentions set
 * back what the passes after the mentions pass wrote (quote pairing's roles and marks, the
 * entities). */
void cd_incr_keep_final(cd_analysis *a, cd_doc *doc);

/* After the mentions pass: are this version's name mentions the previous version's, one for one and
 * in order, each with the same fields (its spans and tokens shifted alike), the same bytes over its
 * span and tokens, and tokens of the same kinds, shapes and capitals? What the entities pass reads of
 * a mention, then, is the same. False without a handle or a previous version. */
bool cd_incr_mentions_same(const cd_doc *doc);

/* Quote pairing's record of each paragraph of a version (quotes.c), in the paragraph's own
 * coordinates (bytes from its start, tokens from its first): the quotes it made, as pairing left
 * them; the diagnostics it gave, in order; the roles it gave the marks; and what it read outside
 * the paragraph: whether a quote of the paragraph before ran on into it, and, when it asked, whether
 * the next paragraph opens with a mark of a family. Everything else pairing reads is the
 * paragraph's own tokens and the configured verbs of saying, so a paragraph that took the old
 * tables, while the verbs stay the same, is paired as the old one was when those two read the same. */
typedef struct cd_pairing_quote {
  uint32_t start, end, inner_start, inner_end; /* bytes */
  uint32_t open_tok, close_tok;                /* tokens; close_tok == open_tok when unclosed */
  uint8_t level;
  bool closed;
  bool took_pending; /* its paragraph_continues is the quote that ran on into the paragraph */
} cd_pairing_quote;
typedef struct cd_pairing_diag {
  uint32_t start, end; /* bytes */
  uint32_t quote;      /* the unclosed quote it is about, or UINT32_MAX for a stray closing mark, or
                        * PAIRING_MISDIRECTED for a closing mark that opens its quote, or
                        * PAIRING_MISDIRECTED_CLOSE for an opening mark that closes it */
} cd_pairing_diag;
#define PAIRING_MISDIRECTED (UINT32_MAX - 1)
#define PAIRING_MISDIRECTED_CLOSE (UINT32_MAX - 2)
typedef struct cd_pairing_mark {
  uint32_t tok;
  uint8_t role;
} cd_pairing_mark;
typedef struct cd_pairing_para {
  uint32_t quotes, n_quotes, diags, n_diags, marks, n_marks; /* its rows of the version's tables */
  uint32_t continued; /* the quote that runs on into the next paragraph, or UINT32_MAX */
  bool pending_in;    /* a quote of the paragraph before ran on into this one */
  int8_t next_family; /* the mark family asked of the next paragraph's first token, or -1 */
  bool next_opens;    /* the answer */
} cd_pairing_para;
typedef struct cd_pairing {
  cd_vec paras;  /* cd_pairing_para, one per paragraph */
  cd_vec quotes; /* cd_pairing_quote */
  cd_vec diags;  /* cd_pairing_diag */
  cd_vec marks;  /* cd_pairing_mark */
} cd_pairing;
/* Quotes pass: this version's record, emptied, to fill paragraph by paragraph in order (NULL
 * without a handle); called once per version. */
cd_pairing *cd_incr_pairing(cd_doc *doc);
/* The previous version's record of the paragraph that paragraph `pi` took over, and its tables
 * (*old), or NULL when the paragraph is new, there is no previous version, or the verbs of saying
 * changed. */
const cd_pairing_para *cd_incr_old_pairing(const cd_doc *doc, uint32_t pi, const cd_pairing **old);
/* How many quotes the previous version's pairing made, or CD_NONE without one (room to reserve). */
size_t cd_incr_old_quotes(const cd_doc *doc);
/* Quotes pass: paragraph `pi` was paired as before (its marks have their old roles). */
void cd_incr_pairing_taken(cd_doc *doc, uint32_t pi);

/* The entities pass's results for one version (entities.c), kept for the next: per mention its
 * entity (UINT32_MAX: none) and the first mention, in text order, with the same text (the one whose
 * copy the entity's mention list shares); per entity the mention that names it, its kind, mention
 * count and first full reference. They are the next version's too when cd_incr_mentions_same holds
 * and the configured names are the same (`names`, a flattened copy). */
typedef struct cd_kept_entity {
  uint32_t best, n_mentions, first_full; /* first_full: UINT32_MAX for none */
  uint8_t kind;                          /* cd_entity_kind */
} cd_kept_entity;
typedef struct cd_ents_kept {
  bool valid;         /* the previous version's results are here */
  cd_vec of_mention;  /* uint32_t */
  cd_vec text_first;  /* uint32_t */
  cd_vec ents;        /* cd_kept_entity */
  cd_keylist names;   /* the configured names they were found with */
  bool taken;         /* the latest version took the previous version's (for tests) */
} cd_ents_kept;
/* The handle's kept entity results (valid only when they are the previous version's), or NULL
 * without a handle. */
cd_ents_kept *cd_incr_entities(cd_doc *doc);

/* The near-miss name indexes of the document-wide passes, one per slot. A keystroke seldom changes
 * their list of keys by more than a name, so the handle keeps each (names_near_kept.h) and brings
 * it to the new list. */
typedef enum cd_incr_near_slot { CD_INCR_NEAR_ENTITIES, CD_INCR_NEAR_SPELLING, CD_INCR_NEAR_SLOTS } cd_incr_near_slot;
/* The index of keys[0, n) that cd_near_build(ix, keys, n, query_min) gives (the candidates of a
 * key may come in another order): the handle's, valid until the next version, or, without a handle,
 * `ix` built so (the caller frees `ix` with cd_near_free either way). Only the keys with asked[i]
 * are asked for their candidates (asked NULL: every key); the others' may be missing. A slot is
 * always asked with the same query_min. */
const cd_near_index *cd_incr_near_index(cd_doc *doc, cd_incr_near_slot slot, const char *const *keys, size_t n,
                                        size_t query_min, const bool *asked, cd_near_index *ix);

/* The index of four-letter names (names_short.h) of keys[0, n), each added under its place in
 * the list: the handle's, kept while the list stays the same (valid until the next version), or,
 * without a handle, `scratch` (cd_short_init'ed; the caller frees it either way) built so. */
const cd_short_index *cd_incr_short_index(cd_doc *doc, const char *const *keys, size_t n, cd_short_index *scratch);

/* The claims pass's answers, per token, to whether a phrase of its alternation can start there
 * (the low two bits: CD_CLAIM_START_ASK not asked, _NO, _YES, _NO_WHOLE it can, but no branch
 * matches whole), and whether the token is a word of a one-word row (CD_CLAIM_START_WORD, known
 * with the answer; left out of a _YES, whose token is visited anyway). They are a function of the alternation, the one-word rows and the paragraph's
 * bytes from the token on (and the byte before it for _NO_WHOLE and _WORD, which the pass
 * recomputes for a paragraph's first token), whichever PCRE2 engine answered (the claims pass
 * hands both valid UTF-8, on which they agree), so a paragraph that took the old tables takes them
 * too.
 * cd_incr_claim_starts: where this version's go (zeroed, one byte per token; NULL without a
 * handle), for the alternation and one-word rows that `key` spells; called once per version, before
 * cd_incr_old_claim_starts.
 * cd_incr_old_claim_starts: the previous version's for the tokens of paragraph `pi`, or NULL when
 * the paragraph is new or the key was another. */
enum {
  CD_CLAIM_START_ASK = 0,
  CD_CLAIM_START_NO = 1,
  CD_CLAIM_START_YES = 2,
  CD_CLAIM_START_NO_WHOLE = 3,
  CD_CLAIM_START_WORD = 4
};
/* An answer that leaves the scan nothing to do at the token: no phrase matches whole there and no
 * one-word row reads it. */
#define CD_CLAIM_START_IDLE(answer) (((answer) | 2) == 3)
uint8_t *cd_incr_claim_starts(cd_doc *doc, const char *key);
const uint8_t *cd_incr_old_claim_starts(const cd_doc *doc, uint32_t pi);

/* Where the alternation matched whole at a token: each branch end it reached, in the order PCRE2
 * reached them (the callout's row and the match's length from the token). Which ends a match
 * reaches, and in what order, rests on the same bytes as the answers (the byte before the token
 * included): a kept token's list is the previous version's. A list is complete when the match
 * was run to its end (every end turned down); else it ends at the one that was accepted.
 * cd_incr_claim_list: keeps token ti's list for this version (tokens in order; nothing without a
 * handle).
 * cd_incr_old_claim_list: the previous version's list for token ti of paragraph pi, when the
 * paragraph took the old answers and ti is not its first token; else NULL. */
typedef struct cd_claim_cand {
  uint32_t row, len;
} cd_claim_cand;
void cd_incr_claim_list(cd_doc *doc, size_t ti, const cd_claim_cand *c, size_t n, bool complete);
const cd_claim_cand *cd_incr_old_claim_list(const cd_doc *doc, uint32_t pi, size_t ti, size_t *n, bool *complete);

/* The attribution pass's answers about each token (attribution_internal.h, att.said): a byte per
 * token, and one more, for this version. Each answer is a function of the token, the one before, the
 * two after and the configured verbs of saying, so the previous version's are filled in for the
 * tokens of a paragraph that took the old tables, but its first and last two, while the verbs stay
 * the same; every other byte is 0 (not asked). NULL without a handle. */
uint8_t *cd_incr_said(cd_doc *doc);

/* The name keys kept across versions (namekey_kept.h), brought to this version by cd_incr_match;
 * NULL without a handle. */
cd_keys_kept *cd_incr_name_keys(const cd_doc *doc);
/* Per token, and CD_MENTION_KEYS per mention, of this version: the entry + 1 of its key among the
 * kept name keys, or 0 (cd_doc_token_key, cd_doc_mention_key fill them in), made on the first call
 * of a version (after the tokens pass; the mentions pass for mentions). A key is a function of its
 * span's bytes, so the tokens of a paragraph that took the previous version's, and the mentions it
 * took (their names inside the text the versions share), take the previous version's entries, while
 * the kept table holds them (its epoch). NULL without kept name keys. */
uint32_t *cd_incr_token_keys(cd_doc *doc);
uint32_t *cd_incr_mention_keys(cd_doc *doc);

/* The document-wide passes' scratch maps, filled afresh on every version. */
typedef enum cd_incr_map {
  CD_MAP_ENT_FULL, CD_MAP_ENT_GIVEN_SUR, CD_MAP_ENT_ANY_SURNAME, CD_MAP_ENT_SURNAME, CD_MAP_ENT_GIVEN,
  CD_MAP_ENT_INITS, CD_MAP_ENT_STYLES, CD_MAP_ENT_TEXTS, CD_MAP_NAMES_MULTI_WORDS, CD_MAP_NAMES_SURNAMES,
  CD_MAP_NAMES_SPELLING, CD_INCR_MAPS
} cd_incr_map;
/* A map of the previous version's size: room for it up front (cd_strmap_reserve), so that a
 * keystroke's maps are not grown and rehashed from empty (no room without a handle); and noting this
 * version's, when it is filled. Room only: the maps' answers do not depend on it. */
void cd_incr_map_room(const cd_doc *doc, cd_incr_map which, cd_strmap *m);
void cd_incr_map_filled(cd_doc *doc, cd_incr_map which, const cd_strmap *m);

/* The thread that runs the names pass beside attribution and claims (report.c), for a document
 * of cd_analysis_set_parallel_from bytes or more; NULL for a shorter one, without a handle, or
 * when no thread can be started. */
cd_worker *cd_incr_worker(const cd_doc *doc);

/* How many name keys the handle holds (for tests). */
size_t cd_incr_name_keys_held(const cd_analysis *a);

/* Did the latest version take the previous version's entities (cd_ents_kept)? (for tests) */
bool cd_incr_entities_taken(const cd_analysis *a);

/* How many paragraphs of the latest version took the previous version's tables (for tests). */
size_t cd_incr_reused(const cd_analysis *a);
/* How many of them took their old mentions too. */
size_t cd_incr_reused_mentions(const cd_analysis *a);
/* How many of them were paired as before (cd_incr_old_pairing). */
size_t cd_incr_reused_pairings(const cd_analysis *a);

#endif
