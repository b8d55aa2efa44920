/* The analyzer's working state: one immutable text and the tables each pass adds.
 *
 * Passes run in order (source, tokens, sentences, quotes, mentions, entities, attribution,
 * claims, controls, findings); each reads earlier tables and appends its own. Every span is a
 * pair of byte offsets into `text`. The public cd_report is this struct. */
#ifndef CD_DOC_H
#define CD_DOC_H

#include <stdbool.h>
#include <stdint.h>

#include "arena.h"
#include "config.h"
#include "copydesk/analyzer.h"
#include "copydesk/record.h"
#include "namekey_kept.h"
#include "strmap.h"
#include "vec.h"
#include "words.h"

/* ---- tokens ---- */
typedef enum tok_kind { TOK_WORD, TOK_NUMBER, TOK_PUNCT, TOK_MARK } tok_kind;

/* Quote-mark families; a closing mark must belong to the opener's family. */
typedef enum mark_family {
  MF_NONE = 0,
  MF_DOUBLE,      /* " “ ” „ */
  MF_SINGLE,      /* ' ‘ ’ ‚ */
  MF_GUILLEMET,   /* « » */
  MF_SGUILLEMET   /* ‹ › */
} mark_family;

/* What a mark can do, from its shape and its neighbours. */
enum {
  MR_OPEN = 1,  /* may open a quote */
  MR_CLOSE = 2, /* may close a quote */
  MR_APOS = 4   /* may be an apostrophe */
};

enum {
  TF_CAP = 1,        /* first letter upper case */
  TF_ALLCAPS = 2,    /* every letter upper case, at least two letters */
  TF_SPACE_BEFORE = 4,
  TF_LINE_BEFORE = 8, /* a line break between this token and the previous one */
  TF_LOWER = 16,     /* first letter lower case */
  TF_INVALID = 32,   /* contains invalid UTF-8 */
  TF_QUOTED = 64     /* inside a quotation (its marks included), set by the quotes pass */
};

/* 16 bytes: a text has about one token per five bytes, and this table is the largest of an
 * analysis. Offsets fit 32 bits because cd_doc_analyze reads at most CD_MAX_TEXT_LEN bytes; the
 * paragraph is the sentence's (doc_tok_para), and whether a token is quoted is a flag. */
typedef struct cd_token {
  uint32_t start;
  uint16_t len;        /* bytes; a longer word is cut into tokens of at most CD_TOKEN_MAX_LEN */
  uint8_t flags;       /* TF_* */
  unsigned kind : 2;   /* tok_kind */
  unsigned family : 3; /* mark_family, for TOK_MARK */
  unsigned role : 3;   /* MR_* candidates for TOK_MARK; after pairing: MR_OPEN, MR_CLOSE or MR_APOS */
  uint32_t sent;       /* sentence index (set by the sentences pass; every token is in one) */
} cd_token;
/* A long text has about one token per five bytes, and the tokens table lives through every pass:
 * twelve bytes a token, not sixteen, is three quarters of a byte less peak memory per byte of text. */
_Static_assert(sizeof(cd_token) == 12, "a token is twelve bytes");
enum { CD_TOKEN_MAX_LEN = UINT16_MAX };

/* The end of token t's bytes. */
static inline uint32_t cd_tok_end(const cd_token *t) { return t->start + t->len; }


/* ---- paragraphs and sentences ---- */
typedef struct cd_para {
  cd_span span;
  bool headline;
  bool table_cell; /* a cell of a Markdown table */
  uint32_t first_tok, end_tok; /* tokens [first, end) */
} cd_para;

typedef struct cd_sentence {
  cd_span span;
  uint32_t para;
  uint32_t first_tok, end_tok;
} cd_sentence;

/* ---- quotes (public struct plus working fields) ---- */
typedef struct cd_quote_work {
  uint32_t open_tok, close_tok; /* close_tok == open_tok when unclosed */
  uint32_t para;
  /* classed a title on evidence a verb of saying beside it may overrule (Title Case, "entitled", a
   * year in brackets after it): the evidence to report when none does (static); NULL otherwise */
  const char *title_overrulable;
  bool kind_from_naming; /* a nickname or term its sentence's subject gives ("he dubbed him "...""): only
                            that subject may be credited */
  uint32_t byline_tok; /* a title with a byline after it (""Museum to close," by Ann Lee"): the
                          byline's "by", whose author may be credited; 0 for none */
  bool nickname;       /* between a given name and a surname: 'Juan "Chico" Manriquez' */
  bool sign;           /* the words on a sign, a placard, a T-shirt (cd_quote_classify) */
} cd_quote_work;

/* ---- mentions ---- */
typedef enum mention_kind {
  MK_NAME,     /* a capitalised name: "Mr Vladimir Putin", "U.S.", "the Kremlin" */
  MK_PRONOUN,  /* he, she, they, it */
  MK_NOMINAL   /* a non-person source: "police", "the statement", "a spokesperson" */
} mention_kind;

enum { CD_KNOWN_AS_PREV = 1, CD_KNOWN_AS_CALLED = 2 }; /* cd_name_mention.known_as */

/* A span inside the text in 32 bits (texts are under 4 GB, CD_MAX_TEXT_LEN): a long text has a
 * name mention every 60 bytes or so, and each holds four spans. */
typedef struct cd_span32 {
  uint32_t start, end;
} cd_span32;
#define CD_NONE32 UINT32_MAX

typedef struct cd_name_mention {
  cd_span32 span;      /* the whole mention, title included */
  cd_span32 name;      /* without title: "Vladimir Putin" */
  cd_span32 title;     /* courtesy or job title, or {CD_NONE32, CD_NONE32} */
  cd_span32 surname;   /* last name part */
  uint32_t first_tok, end_tok; /* tokens of the whole mention */
  uint8_t kind;        /* mention_kind */
  bool courtesy;       /* title is Mr/Mrs/Ms/Dr/... */
  bool job_title;      /* title is President, Senator, ... */
  bool in_quote;
  bool headline;
  bool acronym;        /* US, U.S., NATO */
  bool possessive;     /* Putin's */
  bool person_hint;    /* title, given name or pronoun context says: a person */
  bool org_hint;       /* organisation word: Party, Ministry, Police, ... */
  bool placed;         /* right after a preposition of place ("in Varno", "near Kessler") */
  bool thing_hint;     /* written as a thing is, "the Corran Playhouse.": not a person */
  uint8_t known_as;    /* a lone name that a name before goes by: CD_KNOWN_AS_PREV, the name just before
                          ("José Lima, who is known as Zezinho"), or CD_KNOWN_AS_CALLED, past a place
                          named inside the clause ("Eleanor Varga, whom everyone in Castelle calls
                          Nell"); 0 for neither */
  bool couple;         /* "Harold and Betty Kowalczyk": a given name that shares the next name's surname */
  bool relative;       /* "His wife, Carol Haverty,": brought in as someone's relative */
  bool deceased;       /* "the late Harold Garside", "Reyes, 19, was killed": dead, by its sentence */
  uint8_t said_gender; /* "Brandt said he", "his wife, Margit": 1 a man, 2 a woman, 0 unknown (its sentence's words) */
  uint8_t n_parts;     /* name words, title excluded */
  uint32_t sent;
  size_t entity;       /* cluster index or CD_NONE */
} cd_name_mention;

/* ---- the document ---- */
struct cd_report {
  const char *text; /* borrowed during analysis only; NULL afterwards */
  size_t len;
  cd_format format;
  const cd_config *config;
  cd_arena *arena;

  uint8_t *prose;   /* per byte: 1 when prose; freed after the sentences pass unless keep_tables */
  cd_span headline;
  cd_vec paras;     /* cd_para */
  cd_vec tokens;    /* cd_token */
  cd_vec sentences; /* cd_sentence */
  cd_vec quotes;    /* cd_quote */
  cd_vec quote_work;/* cd_quote_work, parallel to quotes */
  cd_vec mentions;  /* cd_name_mention */
  cd_vec entities;  /* cd_entity */
  cd_vec diags;     /* cd_diagnostic */
  cd_vec invalid;   /* cd_span: invalid UTF-8 runs */
  const cd_record_source *const *record; /* the sources to check quotes against (borrowed) */
  size_t n_record;
  cd_vec record_matches; /* cd_record_match, in quote order */

  /* The name keys the passes asked for, one copy each in the arena (cd_doc_name_key); the table
   * is freed after the names pass, the last to ask. Unused with a handle (incr): its own table,
   * kept across versions, answers (namekey_kept.h). */
  cd_strmap name_keys;
  /* The key each span of the text was last given (cd_doc_name_key): the passes ask for the same
   * mentions' and words' keys again and again, and a span's key is found here without folding and
   * hashing its bytes. Buckets placed by where the span starts; freed with name_keys. */
  struct cd_span_key *span_keys;
  size_t span_keys_buckets;
  uint64_t span_keys_scale; /* bucket of a start: (start * scale) >> 32 */
  /* With a handle: its name keys, kept across versions, which answer instead (namekey_kept.h). */
  struct cd_keys_kept *kept_keys;
  /* With kept keys, once asked: per token, and CD_MENTION_KEYS per mention, the entry + 1 of its
   * key in kept_keys (0: not asked yet), the handle's (cd_incr_token_keys). */
  uint32_t *token_keys, *mention_keys;

  /* During the attribution pass: per mention, the answers of cd_mention_is_person (bits 0-1),
   * att_person_mention (bits 2-3) and att_looks_like_person_name (bits 6-7), each 0: not asked yet,
   * 1: no, 2: yes; and the gender + 1 its given name gives (bits 4-5, speakers.c); NULL otherwise.
   * Its sieves ask about the same mentions quote after quote, and nothing they read changes in the
   * pass. */
  uint8_t *mention_person;

  /* Public copies handed out by the accessors (arena-owned). */
  cd_span *para_spans;

  /* The previous version's tables when analysed through a cd_analysis (incremental.h), else
   * NULL; borrowed during analysis only. */
  cd_analysis *incr;
  /* Keep the working tables (prose, tokens, sentences, mentions) in the finished report, for tests
   * that read them; otherwise each goes as soon as no pass needs it. */
  bool keep_tables;
};

typedef struct cd_report cd_doc;

/* cd_analyze_with_record, reusing the previous version's per-paragraph tables when `incr` is not
 * NULL. */
cd_report *cd_doc_analyze(const char *text, size_t len, cd_format format, const cd_config *config,
                          const cd_record_source *const *sources, size_t n_sources, cd_analysis *incr);
/* cd_analyze, with the working tables kept in the report (doc->keep_tables), for tests. */
cd_report *cd_doc_analyze_keep_tables(const char *text, size_t len, cd_format format, const cd_config *config);

/* Passes, in order. */
void cd_pass_source(cd_doc *doc);
void cd_pass_tokens(cd_doc *doc);
void cd_pass_sentences(cd_doc *doc);
void cd_pass_quotes(cd_doc *doc);
void cd_pass_mentions(cd_doc *doc);
/* A relative's noun and a comma right before token f ("his wife, Jane"): the gender the noun gives
 * (1 a man, 2 a woman, 0 either), or -1 when there is none (mentions.c). */
int cd_kin_before(const cd_doc *doc, size_t f);
/* An age set off by commas at token i (", 9," or ", 67,"), the way a person is introduced. */
bool cd_age_after(const cd_doc *doc, size_t i);
/* A relative's noun: the gender it gives (1 a man, 2 a woman, 0 either), or -1 for none. */
int cd_kin_noun(const char *w, size_t n);
/* Letters after a name that are no part of it: honours and members' ("MP", "TD", "OBE"). */
bool cd_post_nominal(const cd_doc *doc, const cd_token *t);
/* "Harold and Betty Kowalczyk": for the lone given name at mention mi, the full name after "and"
 * whose surname it shares (its mention index), else CD_NONE (mentions.c; after the mentions pass). */
size_t cd_couple_partner(const cd_doc *doc, size_t mi);
void cd_pass_entities(cd_doc *doc);
void cd_pass_attribution(cd_doc *doc);
/* name.* diagnostics, in two steps. Only one question of the pass reads the quotes' speakers
 * (is a person named by one word quoted? first_reference), so all the rest can run before, or
 * beside, the attribution pass; cd_pass_names_end asks it, after attribution, of the people
 * whose answer turns on it, and frees the run. Begin returns NULL when there is nothing to check
 * or memory runs out (end then does nothing). */
typedef struct cd_names_run cd_names_run;
cd_names_run *cd_pass_names_begin(cd_doc *doc);
void cd_pass_names_end(cd_doc *doc, cd_names_run *run);
void cd_pass_claims(cd_doc *doc);  /* claim.* diagnostics */
void cd_pass_record(cd_doc *doc);  /* quotes against the record: quote.altered, ... (record_pass.c) */
void cd_pass_findings(cd_doc *doc); /* quote.* diagnostics, severities, inline controls, sorting */

/* One slot of the span memo (cd_doc.span_keys): the span of the text that starts at `span`'s low
 * 32 bits and is as long as its high 32 bits, and its interned key (NULL: empty). */
struct cd_span_key {
  uint64_t span;
  const char *key;
};
enum { CD_SPAN_WAYS = 4 }; /* a bucket of four slots is one 64-byte cache line */

/* The span memo's key for text[0..n), or NULL when it has none (report.c keeps it). Inline: the
 * passes ask for the same mentions' and words' keys again and again, and a hit is a few loads and
 * compares where a call spent more saving and restoring registers than looking. */
static inline const char *cd_doc_span_key(const cd_doc *doc, const char *text, size_t n) {
  const struct cd_span_key *s = doc->span_keys; /* NULL with a handle's kept keys */
  uint64_t at = (uint64_t)((uintptr_t)text - (uintptr_t)doc->text);
  if (!s || at > doc->len || n > doc->len - at) return NULL; /* not the text's bytes */
  s += ((at * doc->span_keys_scale) >> 32) * CD_SPAN_WAYS;
  uint64_t span = at | (uint64_t)n << 32;
  for (int w = 0; w < CD_SPAN_WAYS; w++)
    if (s[w].span == span && s[w].key) return s[w].key;
  return NULL;
}
/* The key from the name-key table (or a handle's), noted in the span memo. */
const char *cd_doc_name_key_miss(cd_doc *doc, const char *text, size_t n, bool known);
/* The name key of text[0..n) (namekey.h), one shared copy per key. */
static inline const char *cd_doc_name_key(cd_doc *doc, const char *text, size_t n) {
  const char *key = cd_doc_span_key(doc, text, n);
  return key ? key : cd_doc_name_key_miss(doc, text, n, false);
}
/* The key of text[0..n) when some pass has interned it, else NULL (cd_name_key_known). */
static inline const char *cd_doc_name_key_known(cd_doc *doc, const char *text, size_t n) {
  const char *key = cd_doc_span_key(doc, text, n);
  return key ? key : cd_doc_name_key_miss(doc, text, n, true);
}
/* The interned copy of a key's own bytes (already folded: an alias's canonical key), added when
 * absent: among interned keys, equal bytes are one pointer. */
const char *cd_doc_intern_key(cd_doc *doc, const char *key, size_t n);
/* The interned copy of key[0, n), or NULL when no pass interned those bytes (nothing is added). */
const char *cd_doc_find_key(const cd_doc *doc, const char *key, size_t n);
/* Answers about an interned key (one cd_doc_name_key gave) that rest on its bytes alone, remembered
 * with the key while a handle keeps it; any other string is answered afresh. cd_is_renamed,
 * cd_is_proper_word, cd_is_common_word over the whole key, cd_alias_known, and
 * cd_rename_key(cd_alias_key(key)). */
bool cd_doc_key_renamed(cd_doc *doc, const char *key);
bool cd_doc_key_proper(cd_doc *doc, const char *key);
bool cd_doc_key_common(cd_doc *doc, const char *key);
bool cd_doc_key_alias_known(cd_doc *doc, const char *key);
const char *cd_doc_key_builtin_alias(cd_doc *doc, const char *key);
/* Frees the name-key table and its memo (after the last pass that asks). */
void cd_doc_name_keys_free(cd_doc *doc);

/* Does name mention `mi` look like a person (not a place or an organisation)? (attribution.c) */
bool cd_mention_is_person(const cd_doc *doc, size_t mi);

/* Adds a diagnostic (severity from configuration later); returns it for related/fixes. */
cd_diagnostic *cd_doc_add_diag(cd_doc *doc, const char *code, size_t start, size_t end, const char *message);
void cd_diag_add_related(cd_doc *doc, cd_diagnostic *d, size_t start, size_t end, const char *message);
/* Adds a fix with one edit; more edits with cd_fix_add_edit. */
cd_fix *cd_diag_add_fix(cd_doc *doc, cd_diagnostic *d, const char *title, bool preferred);
void cd_fix_add_edit(cd_doc *doc, cd_fix *f, size_t start, size_t end, const char *new_text);

static inline const cd_token *doc_tok(const cd_doc *d, size_t i) { return CD_VEC_AT(&d->tokens, cd_token, i); }
static inline size_t doc_ntok(const cd_doc *d) { return d->tokens.len; }
/* Token i is a word token and the word w (wn bytes, lower case), in any case; i may be past the
 * last token. The length first: most tokens differ in it; then the first letter, either case,
 * before the call (|0x20 makes a capital small and no other byte that letter). CD_TOK_WORD_IS
 * takes a literal, whose length the compiler knows. */
static inline bool cd_tok_word_is_n(const cd_doc *d, size_t i, const char *w, size_t wn) {
  if (i >= doc_ntok(d)) return false;
  const cd_token *t = doc_tok(d, i);
  if (t->kind != TOK_WORD || t->len != wn) return false;
  if (w[0] >= 'a' && w[0] <= 'z' && (d->text[t->start] | 0x20) != w[0]) return false;
  return cd_word_eq(d->text + t->start, wn, w);
}
#define CD_TOK_WORD_IS(d, i, w) cd_tok_word_is_n((d), (i), "" w, sizeof(w) - 1)
/* The key of token t's bytes (cd_doc_name_key), kept per token with a handle. */
const char *cd_doc_kept_token_key(cd_doc *doc, size_t t);
static inline const char *cd_doc_token_key(cd_doc *doc, size_t t) {
  if (doc->kept_keys) {
    uint32_t e = doc->token_keys ? doc->token_keys[t] : 0;
    return e ? cd_keys_kept_entry_key(doc->kept_keys, e - 1) : cd_doc_kept_token_key(doc, t);
  }
  const cd_token *tk = doc_tok(doc, t);
  return cd_doc_name_key(doc, doc->text + tk->start, tk->len);
}
/* The key of mention mi's bytes [start, end) (cd_doc_name_key), `part` one of its name parts (each
 * always asked with the same span: the name, the surname, the given name), kept per mention with a
 * handle. */
enum { CD_MKEY_NAME, CD_MKEY_SURNAME, CD_MKEY_GIVEN, CD_MENTION_KEYS };
const char *cd_doc_kept_mention_key(cd_doc *doc, size_t mi, unsigned part, size_t start, size_t end);
static inline const char *cd_doc_mention_key(cd_doc *doc, size_t mi, unsigned part, size_t start, size_t end) {
  if (doc->kept_keys) {
    uint32_t e = doc->mention_keys ? doc->mention_keys[mi * CD_MENTION_KEYS + part] : 0;
    return e ? cd_keys_kept_entry_key(doc->kept_keys, e - 1) : cd_doc_kept_mention_key(doc, mi, part, start, end);
  }
  return cd_doc_name_key(doc, doc->text + start, end - start);
}
/* The paragraph of a token (after the sentences pass). */
static inline uint32_t doc_tok_para(const cd_doc *d, const cd_token *t) {
  return CD_VEC_AT(&d->sentences, cd_sentence, t->sent)->para;
}

#endif
