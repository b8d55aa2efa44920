/* Claims pass: claim.unattributed and claim.anonymous-source.
 *
 * The grammar (claims_table.c) has two kinds of rows. A row that is one word of a lexicon list
 * ("@claim_hedges", "@claim_group_heads") is looked up per token in a word map. Every other
 * enabled row becomes one branch of a single PCRE2 alternation, its "@list" references spelled
 * out, each branch ending in its mark:
 *
 *     (?:\b(?:(?:it(?: (?:is|was)...)\b(*MARK:1)|...|(?:according to)\b(*MARK:n)))(?C1)
 *
 * compiled once per configuration (kept in it, see build_cache; JIT code for its partial matches,
 * which serves its whole ones too, once the configuration has analysed 8 KB of text, see
 * partial_code and whole_match; PCRE2 is handed valid UTF-8 only, see valid_subject).
 * A hit must start at a token, so the alternation is compiled anchored and tried at token starts
 * only, and only where a partial match on the token and the next one says some branch can get
 * through them (scan_tokens, may_start; the answers are memoised per prefix in the
 * configuration). The callout at the end reads the branch's mark and runs that row's context check
 * on the tokens (claims_context.c); returning "no" makes PCRE2 backtrack into the next branch, so
 * a rejected phrase never hides another that starts at the same place. A document analysed
 * version after version (cd_analysis) keeps, per token of an unchanged paragraph, those answers and
 * the branch ends its match reached (incremental.h): the scan visits only the tokens where a phrase
 * or a one-word row may start, and puts the kept ends to the checks again instead of matching.
 * Configured phrases and patterns are compiled one by one and searched from every position of each
 * paragraph under match, depth and heap limits (a pattern may start or end inside a token).
 *
 * One finding per claim: accepted hits wait until the scan is over; an explanation of why a
 * source is unnamed ("on condition of anonymity") or a hedge in the sentence of an unnamed source
 * becomes related information of that source's finding (emit).
 *
 * Only prose counts: a hit must line up with tokens outside quotation marks (the speaker's own
 * words) and outside the headline. A speech quote whose only speaker is an unnamed source ("...,"
 * a source said) gets claim.anonymous-source on that speaker too, with the quote as related
 * information. */
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "claims.h"
#include "config.h"
#include "incremental.h"
#include "lexicon.h"
#include "strmap.h"
#include "prefix_memo.h"
#include "words.h"

/* Limits for configured patterns, per paragraph. */
#define USER_MATCH_LIMIT 1000000u
#define USER_DEPTH_LIMIT 2000u
#define USER_HEAP_LIMIT_KIB 20000u

typedef struct row {
  const claim_def *def;
  bool relaxed; /* a configured pattern: may start or end inside a token */
} row;

/* An accepted hit waiting for the merge (one finding per claim, see emit). */
typedef struct pending {
  claim_hit hit;
  const claim_def *def;
  size_t merged_into; /* CD_NONE, or the pending hit this one is related information of */
  size_t diag;        /* index into doc->diags of its finding (or of the one it is merged into) */
} pending;

/* Heads of the last findings ("officials"), for "the officials" referring back to them. */
#define RECENT_HEADS 16

typedef struct scan_state {
  cd_doc *doc;
  const char *subject; /* what PCRE2 reads: the text, valid UTF-8 (valid_subject) */
  const cd_config *cfg;
  const row *rows;
  size_t n_rows;
  size_t single;  /* the only row of this code, or CD_NONE to read the mark */
  uint8_t *taken; /* bytes already inside a reported hit: one bit a byte */
  claim_hit hit;  /* the last accepted hit */
  size_t hit_row;
  size_t recent[RECENT_HEADS]; /* head tokens of recent findings, a ring */
  size_t n_recent;
  bool called; /* the callout ran (some branch matched whole) since this was last cleared */
  cd_vec *ends; /* when not NULL, the callout keeps each branch end it is given here (cd_claim_cand) */
} scan_state;

enum { CLAIMS_MEMOS = 4 }; /* more than the threads of a batch on most machines */

typedef struct claims_memo {
  pthread_mutex_t lock;
  bool lock_ok;
  cd_prefix_memo memo;
} claims_memo;

/* One compilation of the alternations: interpreted, or JIT-compiled. */
typedef struct code_set {
  pcre2_code *main;    /* the built-in constructions; NULL when none is enabled, and in a JIT set
                        * that has no partial-match code to give them (compile_set) */
  bool main_partial;   /* main has JIT code for partial matches, which serves whole ones too (whole_match) */
  pcre2_code **single; /* configured phrases and patterns, by row; NULL when there are none */
} code_set;

/* Built from a configuration on its first analysis and kept in it (cd_config.claims_cache)
 * until the claim settings change or the configuration is freed. Read-only once published, so
 * analyses may share it; only the JIT upgrade (compiled under its lock, published atomically) and
 * the memo's counter change (the memo itself under its lock). */
struct cd_claims_cache {
  row *rows;
  size_t n_rows, first_user;    /* rows [first_user, n_rows) are configured phrases and patterns */
  claim_def *user;              /* rows for configured phrases (strings owned by the config) */
  char *main_rx;                /* the built-in alternation, NULL when empty */
  char *starts_key;             /* main_rx and the one-word rows: what the kept answers rest on */
  char **user_rx;               /* each configured row's pattern, by row */
  bool sources_on, officials_on;
  cd_arena *words_arena;
  cd_strmap words; /* a word of a one-word row's list (lower case) -> that row */
  /* per first two letters of those words, a bit per length below 32: most tokens are none of them */
  uint32_t word_shapes[26 * 26];
  bool ascii_start[128]; /* a phrase can begin with this ASCII byte (find_ascii_starts) */
  code_set interp;
  _Atomic(code_set *) jit;      /* compiled once CLAIMS_JIT_FROM_BYTES of text have been analysed */
  _Atomic(pcre2_code *) partial; /* the built-in alternation with JIT code for partial matches alone */
  _Atomic bool no_partial;       /* that code could not be had */
  _Atomic size_t analysed;      /* bytes of text this configuration's claims pass has read */
  _Atomic int engine;           /* cd_claims_engine: CD_CLAIMS_ENGINE_AUTO but in tests */
  /* held while JIT code is compiled: analyses on other threads wait for it rather than compile it
   * again (each compilation costs 10 to 16 M instructions) */
  pthread_mutex_t compile_lock;
  bool compile_lock_ok;
  /* may_start's answers, kept for the analyses of this configuration: an analysis holds one memo
   * for its whole claims pass (memo_take), the first that is free, so that analyses on other
   * threads take others instead of waiting. One memo shared paragraph by paragraph kept the
   * threads of a batch waiting on its lock, a tenth of their time in futex calls. A thread alone
   * always finds the first free; each memo learns the same answers on its own.
   * POSIX mutexes, which thread sanitizers understand (C11 mtx_t gives false reports). */
  claims_memo memos[CLAIMS_MEMOS];
};

/* ---- pattern text ---- */

/* Pattern text grows in a vector of bytes, kept NUL-terminated (out of memory aborts, as in a pass). */
typedef cd_vec sbuf;
#define SBUF_INIT {NULL, 0, 0, 1}

static void sb_putn(sbuf *b, const char *s, size_t n) {
  cd_vec_reserve(b, b->len + n + 1 > b->cap ? 2 * b->cap + n + 1 : b->cap);
  memcpy((char *)b->data + b->len, s, n);
  b->len += n;
  ((char *)b->data)[b->len] = 0;
}
static void sb_puts(sbuf *b, const char *s) { sb_putn(b, s, strlen(s)); }

static bool word_byte(unsigned char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= 0x80;
}

/* Words as a literal: a run of white space matches any run, bytes other than letters, digits
 * and "_" stand for themselves. */
static void put_words(sbuf *b, const char *w, size_t n) {
  for (size_t i = 0; i < n; i++) {
    unsigned char c = (unsigned char)w[i];
    if (strchr(" \t\r\n", c)) {
      while (i + 1 < n && strchr(" \t\r\n", w[i + 1])) i++;
      sb_puts(b, "\\s+");
    } else {
      if (!word_byte(c)) sb_putn(b, "\\", 1);
      sb_putn(b, w + i, 1);
    }
  }
}

/* The first two letters of a word, folded, as 0..675; -1 when they are not ASCII letters. */
static int letter_pair(const char *w) {
  int a = w[0] | 0x20, b = w[1] | 0x20;
  if (a < 'a' || a > 'z' || b < 'a' || b > 'z') return -1;
  return (a - 'a') * 26 + (b - 'a');
}

/* The lexicon list named by the n bytes at s ("claim_hedges"), or CD_LEX_COUNT. */
static int find_list(const char *s, size_t n) {
  int id = 0;
  while (id < CD_LEX_COUNT &&
         !(strlen(cd_lex_name((cd_lex_id)id)) == n && memcmp(cd_lex_name((cd_lex_id)id), s, n) == 0))
    id++;
  return id;
}

static size_t list_name_len(const char *s) {
  size_t n = 0;
  while ((s[n] >= 'a' && s[n] <= 'z') || s[n] == '_') n++;
  return n;
}

/* A row that is one word of a list ("@claim_hedges"): looked up per token, not matched by PCRE2.
 * Returns the list, or CD_LEX_COUNT for a row with a pattern. */
static int word_row_list(const char *pattern) {
  if (pattern[0] != '@') return CD_LEX_COUNT;
  size_t n = list_name_len(pattern + 1);
  return pattern[1 + n] ? CD_LEX_COUNT : find_list(pattern + 1, n);
}

/* A row's fragment: a space stands for any run of white space, and "@name" for any entry of the
 * lexicon list name.txt. Returns false for an unknown list. */
static bool put_fragment(sbuf *b, const char *frag) {
  for (const char *p = frag; *p; p++) {
    if (*p == ' ') {
      sb_puts(b, "\\s+");
    } else if (*p == '@') {
      size_t n = list_name_len(p + 1);
      int id = find_list(p + 1, n);
      if (id == CD_LEX_COUNT) return false;
      sb_puts(b, "(?:");
      for (size_t i = 0; i < cd_lex_count((cd_lex_id)id); i++) {
        if (i) sb_puts(b, "|");
        put_words(b, cd_lex_entry((cd_lex_id)id, i), strlen(cd_lex_entry((cd_lex_id)id, i)));
      }
      sb_puts(b, ")");
      p += n;
    } else {
      sb_putn(b, p, 1);
    }
  }
  return true;
}


/* A configured literal phrase: escaped, white space runs match any white space, word boundaries
 * at word-character ends. Returns false for a phrase with no visible characters. */
static bool put_literal(sbuf *b, const char *phrase) {
  size_t a = strspn(phrase, " \t\r\n"), z = strlen(phrase);
  while (z > a && strchr(" \t\r\n", phrase[z - 1])) z--;
  if (a == z) return false;
  if (word_byte((unsigned char)phrase[a])) sb_puts(b, "\\b");
  put_words(b, phrase + a, z - a);
  if (word_byte((unsigned char)phrase[z - 1])) sb_puts(b, "\\b");
  return true;
}

static void put_mark(sbuf *b, size_t i) {
  char m[40];
  sb_putn(b, m, (size_t)snprintf(m, sizeof m, "(*MARK:%zu)", i));
}

#define COMPILE_OPTIONS (PCRE2_UTF | PCRE2_UCP | PCRE2_CASELESS | PCRE2_MATCH_INVALID_UTF)

/* Compiles with `options` added to the common ones, and JIT code for `jit_modes` when there are
 * any (the interpreter runs it otherwise). The built-in alternation is compiled anchored, since
 * JIT code ignores anchoring at match time (see scan_tokens). */
/* `pattern` compiled, or a copy of `compiled` (the same pattern, already compiled for the
 * interpreter: copying costs a fraction of compiling again) when there is one; JIT code added when
 * asked. The interpreter's code is never given JIT code itself: other analyses may be reading it. */
static pcre2_code *compile(const char *pattern, const pcre2_code *compiled, uint32_t options, uint32_t jit_modes,
                           bool *jitted) {
  int err;
  PCRE2_SIZE off;
  pcre2_code *code = compiled ? pcre2_code_copy(compiled)
                              : pcre2_compile((PCRE2_SPTR)pattern, PCRE2_ZERO_TERMINATED, COMPILE_OPTIONS | options,
                                              &err, &off, NULL);
  bool ok = code && jit_modes && pcre2_jit_compile(code, jit_modes) == 0;
  if (jitted) *jitted = ok;
  return code;
}

/* pcre2_match, or for code with JIT code for its mode pcre2_jit_match, which runs it without the
 * checks of options and subject that pcre2_match makes first (the subject is valid UTF-8). */
static int match(const pcre2_code *code, bool jit, const char *s, size_t n, size_t from, uint32_t options,
                 pcre2_match_data *md, pcre2_match_context *mctx) {
  return jit ? pcre2_jit_match(code, (PCRE2_SPTR)s, n, from, options, md, mctx)
             : pcre2_match(code, (PCRE2_SPTR)s, n, from, options, md, mctx);
}

/* ---- matching ---- */

/* The first token that starts at or after `offset` (by its end: that ends after `offset`). */
static size_t first_token(const cd_doc *doc, size_t offset, bool by_end) {
  size_t lo = 0, hi = doc_ntok(doc);
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if ((by_end ? cd_tok_end(doc_tok(doc, mid)) : doc_tok(doc, mid)->start + 1) <= offset)
      lo = mid + 1;
    else
      hi = mid;
  }
  return lo;
}

/* Tokens outside quotation marks in one body paragraph (tokens hold prose bytes only). */
static bool in_prose(const cd_doc *doc, size_t f, size_t e) {
  uint32_t para = doc_tok_para(doc, doc_tok(doc, f));
  if (CD_VEC_AT(&doc->paras, cd_para, para)->headline) return false;
  for (size_t k = f; k < e; k++) {
    const cd_token *t = doc_tok(doc, k);
    if ((t->flags & TF_QUOTED) || doc_tok_para(doc, t) != para) return false;
  }
  return true;
}

/* Some byte of [s, e) is already inside a reported hit. */
static bool any_taken(const uint8_t *taken, size_t s, size_t e) {
  for (size_t k = s; k < e; k++)
    if (taken[k / 8] & (1u << (k % 8))) return true;
  return false;
}

static void set_taken(uint8_t *taken, size_t s, size_t e) {
  for (size_t k = s; k < e; k++) taken[k / 8] |= (uint8_t)(1u << (k % 8));
}

/* Configuration switches off one word of a list by the words matched ("reportedly", "experts",
 * or the older "experts say"). */
static bool words_disabled(const cd_config *cfg, const cd_doc *doc, size_t f, size_t e) {
  if (!cfg->disabled_claims.len) return false;
  char buf[96];
  size_t k = 0;
  for (size_t i = f; i < e; i++) {
    const cd_token *t = doc_tok(doc, i);
    if (k + (t->len) + 2 > sizeof buf - 5) return false;
    if (k) buf[k++] = ' ';
    memcpy(buf + k, doc->text + t->start, t->len);
    k += t->len;
  }
  if (cd_strlist_contains_ci(&cfg->disabled_claims, buf, k)) return true;
  memcpy(buf + k, " say", 4);
  return cd_strlist_contains_ci(&cfg->disabled_claims, buf, k + 4);
}

/* Two head words name the same kind of people: "official" and "officials", any case. */
static bool same_head(const cd_doc *doc, size_t a, size_t b) {
  const cd_token *x = doc_tok(doc, a), *y = doc_tok(doc, b);
  size_t n = x->len, m = y->len;
  const char *p = doc->text + x->start, *q = doc->text + y->start;
  if (n && (p[n - 1] == 's' || p[n - 1] == 'S')) n--;
  if (m && (q[m - 1] == 's' || q[m - 1] == 'S')) m--;
  return n == m && strncasecmp(p, q, n) == 0;
}

/* "The experts said": an anaphor is a finding only when it refers back to an unnamed group,
 * that is when a recent finding had the same head. */
static bool refers_to_recent(const scan_state *st, size_t head) {
  size_t n = st->n_recent < RECENT_HEADS ? st->n_recent : RECENT_HEADS;
  for (size_t i = 0; i < n; i++)
    if (same_head(st->doc, st->recent[i], head)) return true;
  return false;
}

static bool accept(scan_state *st, size_t ri, size_t s, size_t e) {
  const cd_doc *doc = st->doc;
  const row *r = &st->rows[ri];
  size_t f, last;
  if (r->relaxed) {
    f = first_token(doc, s, true);
    if (f >= doc_ntok(doc) || doc_tok(doc, f)->start >= e) return false;
  } else {
    f = first_token(doc, s, false);
    if (f >= doc_ntok(doc) || doc_tok(doc, f)->start != s) return false;
  }
  last = f;
  while (last + 1 < doc_ntok(doc) && doc_tok(doc, last + 1)->start < e) last++;
  if (!r->relaxed && cd_tok_end(doc_tok(doc, last)) != e) return false;
  if (!in_prose(doc, f, last + 1)) return false;
  if (any_taken(st->taken, s, e)) return false;
  if (!r->relaxed && words_disabled(st->cfg, doc, f, last + 1)) return false;
  claim_hit hit = {s, e, r->def->kind, last, false};
  if (!cd_claim_check(doc, r->def, f, last + 1, &hit) || any_taken(st->taken, hit.start, hit.end)) return false;
  if (hit.anaphoric && !refers_to_recent(st, hit.head)) return false;
  st->hit = hit;
  st->hit_row = ri;
  return true;
}

static int on_callout(pcre2_callout_block *cb, void *data) {
  scan_state *st = data;
  st->called = true;
  size_t ri = st->single;
  if (ri == CD_NONE) {
    if (!cb->mark) return 1;
    char *endp;
    unsigned long v = strtoul((const char *)cb->mark, &endp, 10);
    if (*endp || v >= st->n_rows) return 1;
    ri = (size_t)v;
  }
  size_t s = cb->start_match, e = cb->current_position;
  if (e <= s) return 1; /* an empty match is no phrase */
  if (st->ends) *(cd_claim_cand *)cd_vec_push(st->ends) = (cd_claim_cand){(uint32_t)ri, (uint32_t)(e - s)};
  return accept(st, ri, s, e) ? 0 : 1;
}

static const char *kind_code(claim_kind kind) {
  return kind == CLAIM_ANONYMOUS ? "claim.anonymous-source" : "claim.unattributed";
}

/* Keeps an accepted hit for emit, and its bytes from other phrases. */
static void report(scan_state *st, cd_vec *found) {
  const claim_hit *h = &st->hit;
  set_taken(st->taken, h->start, h->end);
  pending *p = cd_vec_push(found);
  p->hit = *h;
  p->def = st->rows[st->hit_row].def;
  p->merged_into = CD_NONE;
  st->recent[st->n_recent++ % RECENT_HEADS] = h->head;
}

/* The row's message with "{h}" / "{H}" replaced by the head word. */
static const char *message(cd_doc *doc, const pending *p) {
  const char *m = p->def->message;
  const cd_token *t = doc_tok(doc, p->hit.head);
  const char *w = doc->text + t->start;
  int wn = (int)(t->len);
  const char *at = strstr(m, "{h}");
  bool cap = !at;
  if (cap) at = strstr(m, "{H}");
  if (!at) return m;
  char first = *w;
  if (cap && first >= 'a' && first <= 'z') first = (char)(first - 'a' + 'A');
  /* "Officials said" asks "Which officials?"; "Democrats" and words inside a sentence stay as written */
  bool initial = CD_VEC_AT(&doc->sentences, cd_sentence, t->sent)->first_tok == p->hit.head;
  if (!cap && initial && first >= 'A' && first <= 'Z' && wn > 1 && w[1] >= 'a' && w[1] <= 'z' &&
      !cd_lex_has(CD_LEX_CLAIM_PARTY_GROUPS, w, (size_t)wn))
    first = (char)(first - 'A' + 'a');
  return cd_arena_printf(doc->arena, "%.*s%c%.*s%s", (int)(at - m), m, first, wn - 1, w + 1, at + 3);
}

/* Part of another claim in its sentence: an explanation of why a source is unnamed ("on
 * condition of anonymity") or a hedge beside an unnamed source. */
static bool is_part(const pending *p) {
  return p->def->check == CK_EXPLAINS || p->def->check == CK_BACKGROUND || p->def->check == CK_ANON_ADV ||
         strcmp(p->def->family, "hedge") == 0;
}
static bool is_source_phrase(const pending *p) {
  return !is_part(p) && (p->hit.kind == CLAIM_ANONYMOUS || strcmp(p->def->family, "unnamed-group") == 0);
}

/* Does explanation p's sentence `sent` refer back to unnamed people before it, with "they" or "the"
 * and a plural ("the people said, speaking on condition of anonymity"), and quote nobody? A
 * sentence that quotes explains its quote's unnamed speaker (""...," said a longtime adviser, who
 * requested anonymity"), and "a civil servant told the Ledger off the record" its own civil
 * servant. */
static bool explains_earlier_source(const cd_doc *doc, const pending *p, uint32_t sent) {
  const cd_sentence *own = CD_VEC_AT(&doc->sentences, cd_sentence, sent);
  for (size_t k = own->first_tok; k < own->end_tok; k++)
    if (doc_tok(doc, k)->kind == TOK_MARK) return false;
  for (size_t k = p->hit.head; k-- > own->first_tok;) {
    const cd_token *t = doc_tok(doc, k);
    if (t->kind != TOK_WORD || t->start >= p->hit.start) continue; /* the explanation's own words */
    const char *w = doc->text + t->start;
    if (CD_WORD_IS(w, t->len, "they")) return true;
    if (!CD_WORD_IS(w, t->len, "the") || k + 1 >= own->end_tok) continue;
    const cd_token *h = doc_tok(doc, k + 1);
    const char *hw = doc->text + h->start;
    return h->kind == TOK_WORD && (h->flags & TF_LOWER) &&
           (CD_WORD_IS(hw, h->len, "people") || (h->len > 3 && hw[h->len - 1] == 's'));
  }
  return false;
}

/* The speaker of a quote in the explanation's sentence that is a source described, not named
 * ("the boy's mother"), or NULL. */
static const char *described_speaker(const cd_doc *doc, const pending *p) {
  uint32_t sent = doc_tok(doc, p->hit.head)->sent;
  const cd_sentence *s = CD_VEC_AT(&doc->sentences, cd_sentence, sent);
  for (size_t q = 0; q < doc->quotes.len; q++) {
    const cd_quote *qt = CD_VEC_AT(&doc->quotes, cd_quote, q);
    if (qt->method != CD_ATTR_SOURCE || !qt->speaker || qt->speaker_span.start < s->span.start ||
        qt->speaker_span.end > s->span.end)
      continue;
    return qt->speaker;
  }
  return NULL;
}

/* Does explanation p give the reason for not naming the source: "because" after it in its
 * sentence ("asked not to be named because ..."), or "fearing", "citing", "for fear", "for the same
 * reason"; or is it a reason itself ("was not authorized to speak publicly", the wire's standard
 * one)? */
static bool reason_follows(const cd_doc *doc, const pending *p) {
  for (size_t b = p->hit.start; b + 7 <= p->hit.end; b++)
    if (memcmp(doc->text + b, "authori", 7) == 0) return true;
  size_t t = first_token(doc, p->hit.end, false);
  uint32_t sent = doc_tok(doc, p->hit.head)->sent;
  for (; t < doc_ntok(doc) && doc_tok(doc, t)->sent == sent; t++) {
    const cd_token *k = doc_tok(doc, t);
    if (k->kind != TOK_WORD) continue;
    const char *w = doc->text + k->start;
    if (CD_WORD_IS(w, k->len, "because") || CD_WORD_IS(w, k->len, "fearing") || CD_WORD_IS(w, k->len, "citing"))
      return true;
    const cd_token *n = t + 1 < doc_ntok(doc) ? doc_tok(doc, t + 1) : NULL;
    if (n && n->kind == TOK_WORD && n->sent == sent && CD_WORD_IS(w, k->len, "for") &&
        (CD_WORD_IS(doc->text + n->start, n->len, "fear") || CD_WORD_IS(doc->text + n->start, n->len, "the") ||
         CD_WORD_IS(doc->text + n->start, n->len, "that"))) {
      /* "for the same reason", "for that reason" (not "for the company") */
      const cd_token *r = t + 2 < doc_ntok(doc) ? doc_tok(doc, t + 2) : NULL, *r2 = t + 3 < doc_ntok(doc) ? doc_tok(doc, t + 3) : NULL;
      if (CD_WORD_IS(doc->text + n->start, n->len, "fear")) return true;
      if (r && r->kind == TOK_WORD && CD_WORD_IS(doc->text + r->start, r->len, "reason")) return true;
      if (r && r2 && r2->kind == TOK_WORD && CD_WORD_IS(doc->text + r->start, r->len, "same") &&
          CD_WORD_IS(doc->text + r2->start, r2->len, "reason"))
        return true;
    }
  }
  return false;
}

/* One finding per claim: the parts of a sentence's unnamed-source claim become related information
 * of the source phrase's finding. Then every finding goes into the report. */
static void emit(cd_doc *doc, cd_vec *found) {
  for (size_t i = 0; i < found->len; i++) {
    pending *p = CD_VEC_AT(found, pending, i);
    if (!is_part(p)) continue;
    uint32_t sent = doc_tok(doc, p->hit.head)->sent;
    size_t best = CD_NONE;
    for (size_t j = i; j-- > 0;) { /* the nearest source phrase before it, then after it */
      pending *q = CD_VEC_AT(found, pending, j);
      if (doc_tok(doc, q->hit.head)->sent != sent) break;
      if (is_source_phrase(q)) {
        best = j;
        break;
      }
    }
    for (size_t j = i + 1; best == CD_NONE && j < found->len; j++) {
      pending *q = CD_VEC_AT(found, pending, j);
      if (doc_tok(doc, q->hit.head)->sent != sent) break;
      if (is_source_phrase(q)) best = j;
    }
    /* "..., according to three people familiar with her thinking. ¶ Marsh has not decided, the
     * people said, speaking on condition of anonymity": an explanation whose own sentence refers
     * back to unnamed people explains the unnamed source of the two sentences before it */
    if (best == CD_NONE && strcmp(p->def->family, "hedge") != 0 && explains_earlier_source(doc, p, sent)) {
      uint32_t para = CD_VEC_AT(&doc->sentences, cd_sentence, sent)->para;
      for (size_t j = i; best == CD_NONE && j-- > 0;) {
        pending *q = CD_VEC_AT(found, pending, j);
        uint32_t qs = doc_tok(doc, q->hit.head)->sent;
        if (qs + 2 < sent || CD_VEC_AT(&doc->sentences, cd_sentence, qs)->para + 1 < para) break;
        if (is_source_phrase(q) && q->hit.kind == CLAIM_ANONYMOUS) best = j;
      }
    }
    /* "officials, who spoke on condition of anonymity because they were not authorized to discuss
     * ...": with no source phrase to explain, explanations a few words apart are one finding (not
     * "an aide spoke on background about the timing, and a civil servant told ... off the record") */
    for (size_t j = i; best == CD_NONE && j-- > 0;) {
      pending *q = CD_VEC_AT(found, pending, j);
      if (doc_tok(doc, q->hit.head)->sent != sent) break;
      if (first_token(doc, p->hit.start, false) > first_token(doc, q->hit.end, false) + 8) break;
      if (is_part(q) && q->merged_into == CD_NONE && q->hit.kind == p->hit.kind &&
          strcmp(q->def->family, "hedge") != 0 && strcmp(p->def->family, "hedge") != 0)
        best = j;
    }
    p->merged_into = best;
  }
  for (size_t i = 0; i < found->len; i++) {
    pending *p = CD_VEC_AT(found, pending, i);
    if (p->merged_into != CD_NONE) continue;
    const char *msg = message(doc, p);
    /* "who asked not to be named because she still works there": an explanation with its reason */
    if (is_part(p) && p->hit.kind == CLAIM_ANONYMOUS && strcmp(p->def->family, "hedge") != 0 && reason_follows(doc, p))
      msg = "The source is not named; the reason is given: an editor should approve it.";
    /* ""...," said the boy's mother, who asked not to be named": the quote's speaker is the
     * source, described; the reason is given, so only the approval is left to ask for */
    const char *described = is_part(p) && strcmp(p->def->family, "hedge") != 0 ? described_speaker(doc, p) : NULL;
    if (described)
      msg = cd_arena_printf(doc->arena, "The source, \"%s\", is not named; the reason is given: an editor should approve it.",
                            described);
    cd_doc_add_diag(doc, kind_code(p->hit.kind), p->hit.start, p->hit.end, msg);
    p->diag = doc->diags.len - 1;
  }
  for (size_t i = 0; i < found->len; i++) {
    pending *p = CD_VEC_AT(found, pending, i);
    if (p->merged_into == CD_NONE) continue;
    p->diag = CD_VEC_AT(found, pending, p->merged_into)->diag;
    cd_diagnostic *d = CD_VEC_AT(&doc->diags, cd_diagnostic, p->diag);
    bool hedge = strcmp(p->def->family, "hedge") == 0;
    cd_diag_add_related(doc, d, p->hit.start, p->hit.end,
                        hedge ? "the hedge that rests on this source" : "why the source is unnamed");
    /* the reason is given: asking for it again would be wrong; what is left is the editor's check */
    const pending *src = CD_VEC_AT(found, pending, p->merged_into);
    const char *ask = d->message ? strchr(d->message, '?') : NULL;
    if (!hedge && src->hit.kind == CLAIM_ANONYMOUS && ask)
      d->message = cd_arena_printf(doc->arena, "%.*s The reason for not naming them is given: an editor should approve it.",
                                   (int)(ask + 1 - d->message), d->message);
  }
}

/* The end of the character after `pos`, or `pos` at the paragraph's end. */
static size_t after_next_char(const char *text, size_t pos, size_t para_end) {
  if (pos < para_end) pos++;
  while (pos < para_end && ((unsigned char)text[pos] & 0xC0) == 0x80) pos++;
  return pos;
}

/* Whether some branch of `code` (anchored) reads all of the n bytes at s, on that subject alone:
 * a partial or whole match, without the callout. A whole match that PARTIAL_HARD returns read no
 * further than the subject (reaching its end would have made the match partial), and every branch
 * tried before it failed on those bytes: with more bytes after them the same branch matches whole
 * again, so every string that begins with them gets through (CD_PREFIX_YES_ALL). */
static int gets_through(pcre2_code *code, bool jit, pcre2_match_data *md, const char *s, size_t n) {
  int rc = match(code, jit, s, n, 0, PCRE2_PARTIAL_HARD, md, NULL);
  return rc >= 0 ? CD_PREFIX_YES_ALL : rc == PCRE2_ERROR_PARTIAL ? CD_PREFIX_YES : CD_PREFIX_NO;
}

/* gets_through for the prefix memo. */
typedef struct through_ctx {
  pcre2_code *code;
  bool jit;
  pcre2_match_data *md;
  bool nul; /* the subject has a NUL byte somewhere (else may_start need not look for one) */
} through_ctx;

static int through(void *ctx, const char *s, size_t n) {
  through_ctx *t = ctx;
  return gets_through(t->code, t->jit, t->md, s, n);
}

/* Whether a phrase can start at token ti. A phrase accepted there spans whole tokens, so it reads
 * the token and the character after it, and the next token and the character after that when it
 * goes on: if no branch of `code` (anchored) gets through those bytes, the token is ruled out.
 * PCRE2's partial matching answers on the bytes alone, without the callout (a \b that the text
 * before would fail passes here: a yes too many, never a no). A branch that gets through bytes
 * gets through every prefix of them, so the answers are kept per prefix in the configuration's
 * memo: the first letters settle most words, and an editor's re-analyses ask nothing again. */
static bool may_start(const cd_doc *doc, const char *subject, through_ctx *tc, cd_prefix_memo *memo, size_t ti,
                      const cd_para *p) {
  const cd_token *t = doc_tok(doc, ti);
  const char *s = subject + t->start;
  size_t one = after_next_char(subject, cd_tok_end(t), p->span.end) - t->start, two = one;
  if (ti + 1 < p->end_tok) two = after_next_char(subject, cd_tok_end(doc_tok(doc, ti + 1)), p->span.end) - t->start;
  /* a NUL byte: ask nothing, scan (when it is in the first token's bytes; else they are asked) */
  if (!tc->nul) { /* most tokens are settled by the answers kept for their first bytes */
    int known = cd_prefix_memo_known(memo, s, two);
    if (known >= 0) return known;
  }
  const char *nul = tc->nul ? memchr(s, 0, two) : NULL;
  if (nul) return (size_t)(nul - s) < one || cd_prefix_memo_test(memo, s, one, through, tc);
  return cd_prefix_memo_test(memo, s, two, through, tc);
}

/* The one-word row whose list has token t (ASCII case folded), or CD_NONE. */
static size_t word_row(const cd_strmap *words, const uint32_t *shapes, const cd_doc *doc, const cd_token *t) {
  char key[32];
  size_t n = t->len;
  if (t->kind != TOK_WORD || !words->len || n < 2 || n >= sizeof key) return CD_NONE;
  int pair = letter_pair(doc->text + t->start);
  if (pair < 0 || !(shapes[pair] >> n & 1)) return CD_NONE; /* no listed word starts so, this long */
  /* a whole word, as \b would have it: not "foo_reportedly" */
  if ((t->start > 0 && word_byte((unsigned char)doc->text[t->start - 1])) ||
      (cd_tok_end(t) < doc->len && word_byte((unsigned char)doc->text[cd_tok_end(t)])))
    return CD_NONE;
  for (size_t i = 0; i < n; i++) {
    unsigned char ch = (unsigned char)doc->text[t->start + i];
    if (ch >= 0x80 || !ch) return CD_NONE;
    key[i] = (char)(ch >= 'A' && ch <= 'Z' ? ch + 32 : ch);
  }
  return cd_strmap_getn(words, key, n);
}

static void memo_code(cd_claims_cache *c, pcre2_code **code, bool *jit);

/* The anchored built-in alternation's whole match at `from`. The JIT code the memo's partial matches
 * run (tc), when there is some, serves here too, read in hard partial mode: one compilation instead
 * of two (each some 10 to 16 M instructions, the cost of a short check). That mode takes the same
 * path as a whole match and gives its answer unless the path reaches the paragraph's end, where it
 * stops at once with "partial" rather than try the branches after; then (and on any other error, a
 * JIT stack too small) the interpreter runs the whole match again, callouts and all: a branch that
 * reaches the end of a paragraph is rare, since paragraphs end in punctuation. */
static int whole_match(scan_state *st, const through_ctx *tc, const pcre2_code *interp, const char *s, size_t n,
                       size_t from, pcre2_match_data *md, pcre2_match_context *mctx) {
  if (tc->jit) {
    int rc = pcre2_jit_match(tc->code, (PCRE2_SPTR)s, n, from, PCRE2_PARTIAL_HARD, md, mctx);
    if (rc >= 0 || rc == PCRE2_ERROR_NOMATCH) return rc;
    st->called = false; /* what the callout kept of the stopped match goes */
    if (st->ends) st->ends->len = 0;
  }
  return pcre2_match(interp, (PCRE2_SPTR)s, n, from, 0, md, mctx);
}

/* The first of answers[i, n) that is not idle (CD_CLAIM_START_IDLE), or n; eight at a time while
 * they are (each byte, or 2, is 3). */
static size_t skip_idle(const uint8_t *answers, size_t i, size_t n) {
  for (uint64_t v; i + 8 <= n; i += 8) {
    memcpy(&v, answers + i, 8);
    if ((v | 0x0202020202020202u) != 0x0303030303030303u) break;
  }
  while (i < n && CD_CLAIM_START_IDLE(answers[i])) i++;
  return i;
}

/* The first of the configuration's memos that no other analysis holds, locked (the first one, when
 * every one is held). */
static claims_memo *memo_take(cd_claims_cache *c) {
  for (size_t k = 0; k < CLAIMS_MEMOS; k++)
    if (pthread_mutex_trylock(&c->memos[k].lock) == 0) return &c->memos[k];
  pthread_mutex_lock(&c->memos[0].lock);
  return &c->memos[0];
}

/* Runs the anchored built-in alternation at each token start of every prose paragraph that can
 * start a phrase: the same hits as a search from every position, since a hit must start at a token,
 * for a fraction of the matching. `code` is the interpreter's alternation (memo_code gives the JIT
 * code, when there is some). */
static void scan_tokens(scan_state *st, pcre2_code *code, pcre2_match_context *mctx, cd_claims_cache *cache,
                        cd_vec *found) {
  cd_doc *doc = st->doc;
  const char *subject = st->subject; /* a local: the byte stores below would make it read again */
  pcre2_match_data *md = code ? pcre2_match_data_create_from_pattern(code, NULL) : NULL;
  if (code && !md) return;
  through_ctx tc = {code, false, md, memchr(subject, 0, doc->len) != NULL};
  claims_memo *held = code ? memo_take(cache) : NULL;
  cd_prefix_memo *memo = held ? &held->memo : NULL;
  /* a document analysed version after version keeps may_start's answers per paragraph */
  uint8_t *starts = code ? cd_incr_claim_starts(doc, cache->starts_key) : NULL;
  /* per token of the paragraph: may_start's answer (CD_CLAIM_START_*, incremental.h). A paragraph
   * that took the old tables reads the previous version's answers in place, and asks about a token
   * they lack only when the scan gets there. */
  cd_vec may_here, ends_here;
  cd_vec_init(&may_here, 1);
  cd_vec_init(&ends_here, sizeof(cd_claim_cand));
  for (size_t pi = 0; pi < doc->paras.len; pi++) {
    const cd_para *p = CD_VEC_AT(&doc->paras, cd_para, pi);
    if (p->headline) continue;
    const uint8_t *old = starts ? cd_incr_old_claim_starts(doc, (uint32_t)pi) : NULL;
    const uint8_t *may = old;
    memo_code(cache, &tc.code, &tc.jit);
    if (old) {
      /* the answers are a function of the paragraph's bytes: this version's too (those of the tokens
       * the scan gets to are written again below) */
      memcpy(starts + p->first_tok, old, p->end_tok - p->first_tok);
    } else if (code) {
      cd_vec_reserve(&may_here, p->end_tok - p->first_tok);
      uint8_t *asked = may_here.data;
      for (size_t ti = p->first_tok; ti < p->end_tok; ti++) {
        const cd_token *t = doc_tok(doc, ti);
        unsigned char first = (unsigned char)subject[t->start];
        uint8_t known = CD_CLAIM_START_ASK;
        /* a built-in phrase lies in prose outside quotation marks: no need to try one elsewhere */
        if (t->start >= p->span.start && !(t->flags & TF_QUOTED) && (first >= 0x80 || cache->ascii_start[first]))
          known = may_start(doc, subject, &tc, memo, ti, p) ? CD_CLAIM_START_YES : CD_CLAIM_START_NO;
        asked[ti - p->first_tok] = known;
      }
      may = asked;
    }
    size_t off = p->span.start;
    for (size_t ti = p->first_tok; ti < p->end_tok; ti++) {
      if (old && ti > p->first_tok) {
        /* a kept token where no phrase starts and no one-word row reads it needs nothing (its
         * answer is a function of its bytes and the byte before it, the paragraph's but for the
         * first token's) */
        ti = p->first_tok + skip_idle(old, ti - p->first_tok, p->end_tok - p->first_tok);
        if (ti == p->end_tok) break;
      }
      const cd_token *t = doc_tok(doc, ti);
      unsigned char first = (unsigned char)subject[t->start];
      if (t->start < off || (t->flags & TF_QUOTED)) continue;
      uint8_t m = CD_CLAIM_START_NO; /* the token's answer, kept (with the word row's) below */
      if (code && (first >= 0x80 || cache->ascii_start[first])) {
        m = may[ti - p->first_tok] & 3;
        if (!m) { /* a kept paragraph's token the previous version did not ask about */
          m = may_start(doc, subject, &tc, memo, ti, p) ? CD_CLAIM_START_YES : CD_CLAIM_START_NO;
        }
      }
      if (m == CD_CLAIM_START_YES) {
        size_t end = 0; /* the end of a match accepted here */
        /* a kept token: the previous version's branch ends, put to accept again in the same order
         * (what the match would do, without matching) */
        size_t n_old = 0, k = 0;
        bool complete = false;
        const cd_claim_cand *ends = old ? cd_incr_old_claim_list(doc, (uint32_t)pi, ti, &n_old, &complete) : NULL;
        if (ends) {
          while (k < n_old && !accept(st, ends[k].row, t->start, t->start + ends[k].len)) k++;
          if (k < n_old || complete) cd_incr_claim_list(doc, ti, ends, n_old, complete);
          if (k < n_old) end = t->start + ends[k].len;
        }
        if (!ends || (!complete && k == n_old)) {
          st->called = false;
          ends_here.len = 0;
          st->ends = starts ? &ends_here : NULL;
          int rc = whole_match(st, &tc, code, subject, p->span.end, t->start, md, mctx);
          st->ends = NULL;
          if (starts && (rc >= 0 || rc == PCRE2_ERROR_NOMATCH))
            cd_incr_claim_list(doc, ti, ends_here.data, ends_here.len, rc == PCRE2_ERROR_NOMATCH);
          if (rc >= 0) end = pcre2_get_ovector_pointer(md)[1];
          /* No branch got through whole, so the callout never ran: that rests on the paragraph's
           * bytes from the token on (the match stops at its end) and the byte before the token (the
           * leading \b), which a kept paragraph keeps, but for its first token. */
          if (rc == PCRE2_ERROR_NOMATCH && !st->called && ti > p->first_tok) m = CD_CLAIM_START_NO_WHOLE;
        }
        if (end) {
          if (starts) starts[ti] = m; /* a token that may start a phrase is visited, whatever word it is */
          report(st, found);
          off = end > st->hit.end ? end : st->hit.end;
          continue;
        }
      }
      size_t ri = word_row(&cache->words, cache->word_shapes, doc, t);
      if (starts) starts[ti] = m | (ri != CD_NONE ? CD_CLAIM_START_WORD : 0);
      if (ri != CD_NONE && accept(st, ri, t->start, cd_tok_end(t))) {
        report(st, found);
        off = st->hit.end;
      }
    }
  }
  cd_vec_free(&may_here);
  cd_vec_free(&ends_here);
  pcre2_match_data_free(md);
  if (held) pthread_mutex_unlock(&held->lock);
}

/* Runs `code` over every prose paragraph; each accepted hit becomes a diagnostic. */
static void scan(scan_state *st, pcre2_code *code, pcre2_match_context *mctx, cd_vec *found) {
  cd_doc *doc = st->doc;
  pcre2_match_data *md = pcre2_match_data_create_from_pattern(code, NULL);
  if (!md) return;
  for (size_t pi = 0; pi < doc->paras.len; pi++) {
    const cd_para *p = CD_VEC_AT(&doc->paras, cd_para, pi);
    if (p->headline) continue;
    size_t off = p->span.start;
    while (off < p->span.end) {
      int rc = pcre2_match(code, (PCRE2_SPTR)st->subject, p->span.end, off, 0, md, mctx);
      if (rc < 0) break; /* no more matches, or a limit was reached: go on with the next paragraph */
      PCRE2_SIZE *ov = pcre2_get_ovector_pointer(md);
      if (st->single != CD_NONE && !(ov[1] > ov[0] && accept(st, st->single, ov[0], ov[1]))) {
        /* a lone configured pattern runs without the callout: go on after the rejected match (one
         * character on after an empty one), so a pattern that matches long spans stays linear */
        size_t n = ov[1];
        if (n <= ov[0]) {
          n = ov[0] + 1;
          while (n < p->span.end && ((unsigned char)st->subject[n] & 0xC0) == 0x80) n++;
        }
        off = n > off ? n : off + 1;
        continue;
      }
      report(st, found);
      size_t next = ov[1] > st->hit.end ? ov[1] : st->hit.end;
      off = next > off ? next : off + 1;
    }
  }
  pcre2_match_data_free(md);
}

static bool disabled(const cd_config *cfg, const claim_def *def) {
  return cd_strlist_contains_ci(&cfg->disabled_claims, def->name, strlen(def->name)) ||
         cd_strlist_contains_ci(&cfg->disabled_claims, def->family, strlen(def->family));
}

static const char *const CONFIGURED_UNATTRIBUTED =
    "A configured claim phrase: say who makes this claim, or name the report it comes from.";
static const char *const CONFIGURED_ANONYMOUS =
    "A configured anonymous-source phrase: name the source, or say why they are anonymous and how they know.";

/* ---- the compiled phrases, cached in the configuration ---- */

/* Prefixes the memo keeps: what the built-in phrases let through of a long text with room to spare,
 * and a server's memory bounded at about 1 MB for them. */
#define MEMO_NODES 65536u

static void code_set_clear(code_set *cs, size_t n_rows) {
  pcre2_code_free(cs->main);
  if (cs->single)
    for (size_t i = 0; i < n_rows; i++) pcre2_code_free(cs->single[i]);
  free(cs->single);
  memset(cs, 0, sizeof *cs);
}

void cd_claims_cache_free(cd_claims_cache *c) {
  if (!c) return;
  code_set_clear(&c->interp, c->n_rows);
  pcre2_code_free(atomic_load(&c->partial));
  code_set *j = atomic_load(&c->jit);
  if (j) {
    code_set_clear(j, c->n_rows);
    free(j);
  }
  free(c->rows);
  free(c->user);
  free(c->main_rx);
  free(c->starts_key);
  if (c->user_rx)
    for (size_t i = 0; i < c->n_rows; i++) free(c->user_rx[i]);
  free(c->user_rx);
  for (size_t k = 0; k < CLAIMS_MEMOS; k++) {
    if (c->memos[k].lock_ok) pthread_mutex_destroy(&c->memos[k].lock);
    cd_prefix_memo_free(&c->memos[k].memo);
  }
  if (c->compile_lock_ok) pthread_mutex_destroy(&c->compile_lock);
  cd_strmap_free(&c->words);
  cd_arena_free(c->words_arena);
  free(c);
}

/* With jit, JIT code for the configured patterns' whole matches, and the built-in alternation
 * with JIT code for its partial matches when `partial` (they serve its whole matches too, see
 * whole_match); without `partial` a JIT set has no alternation of its own: the interpreter's serves
 * where JIT code does not. */
static bool compile_set(const cd_claims_cache *c, code_set *cs, bool jit, bool partial) {
  memset(cs, 0, sizeof *cs);
  const code_set *interp = jit ? &c->interp : NULL;
  if (c->main_rx && (!jit || partial) && !(cs->main = compile(c->main_rx, interp ? interp->main : NULL, PCRE2_ANCHORED,
                                         jit && partial ? PCRE2_JIT_PARTIAL_HARD : 0, &cs->main_partial)))
    return false;
  if (c->first_user < c->n_rows) {
    cs->single = calloc(c->n_rows, sizeof *cs->single);
    if (!cs->single) return false;
    for (size_t ri = c->first_user; ri < c->n_rows; ri++)
      cs->single[ri] = compile(c->user_rx[ri], interp && interp->single ? interp->single[ri] : NULL, 0,
                               jit ? PCRE2_JIT_COMPLETE : 0, NULL);
  }
  return true;
}

/* For each ASCII byte, whether some built-in or literal phrase can begin with it: the same partial
 * match as may_read, on that byte alone. A token beginning with any other ASCII byte is passed
 * over before its spelling is looked up in the memo. */
static bool find_ascii_starts(cd_claims_cache *c) {
  if (!c->interp.main) return true;
  pcre2_match_data *md = pcre2_match_data_create_from_pattern(c->interp.main, NULL);
  if (!md) return false;
  for (unsigned b = 0; b < 128; b++) {
    char one = (char)b;
    c->ascii_start[b] = gets_through(c->interp.main, false, md, &one, 1) != CD_PREFIX_NO;
  }
  pcre2_match_data_free(md);
  return true;
}

static cd_claims_cache *build_cache(const cd_config *cfg) {
  size_t n_defs;
  const claim_def *defs = cd_claim_defs(&n_defs);
  cd_claims_cache *c = calloc(1, sizeof *c);
  if (!c) return NULL;
  atomic_init(&c->jit, NULL);
  atomic_init(&c->partial, NULL);
  atomic_init(&c->no_partial, false);
  atomic_init(&c->analysed, 0);
  atomic_init(&c->engine, CD_CLAIMS_ENGINE_AUTO);
  c->words_arena = cd_arena_new();
  if (c->words_arena) cd_strmap_init(&c->words, c->words_arena);
  bool memos_ok = true;
  for (size_t k = 0; k < CLAIMS_MEMOS; k++) {
    memos_ok &= c->memos[k].lock_ok = pthread_mutex_init(&c->memos[k].lock, NULL) == 0;
    cd_prefix_memo_init(&c->memos[k].memo, MEMO_NODES);
  }
  c->compile_lock_ok = pthread_mutex_init(&c->compile_lock, NULL) == 0;
  c->rows = calloc(n_defs + cfg->n_claims + 1, sizeof *c->rows);
  c->user = calloc(cfg->n_claims + 1, sizeof *c->user);
  c->user_rx = calloc(n_defs + cfg->n_claims + 1, sizeof *c->user_rx);
  sbuf main_rx = SBUF_INIT, words_key = SBUF_INIT;
  if (!c->rows || !c->user || !c->user_rx || !c->words_arena || !memos_ok || !c->compile_lock_ok) goto fail;

  /* Each branch ends in its mark: a leading (*MARK) or \b in every branch would defeat PCRE2's
   * start-of-match optimisation, so the one \b stands before the built-in group. */
  size_t n = 0;
  bool any = false;
  sb_puts(&main_rx, "(?:");
  for (size_t i = 0; i < n_defs; i++) {
    if (disabled(cfg, &defs[i])) continue;
    int list = word_row_list(defs[i].pattern);
    if (list != CD_LEX_COUNT) { /* the first row listing a word takes it */
      for (size_t k = 0; k < cd_lex_count((cd_lex_id)list); k++)
        if (cd_strmap_get(&c->words, cd_lex_entry((cd_lex_id)list, k)) == CD_NONE) {
          const char *w = cd_lex_entry((cd_lex_id)list, k);
          cd_strmap_put(&c->words, w, n);
          int pair = letter_pair(w);
          size_t wn = strlen(w);
          if (pair >= 0 && wn < 32) c->word_shapes[pair] |= (uint32_t)1 << wn;
        }
      char id[24];
      sb_putn(&words_key, id, (size_t)snprintf(id, sizeof id, "%zu,", i));
      c->rows[n++] = (row){&defs[i], false};
      continue;
    }
    sb_puts(&main_rx, any ? "|(?:" : "\\b(?:(?:");
    if (!put_fragment(&main_rx, defs[i].pattern)) goto fail;
    sb_puts(&main_rx, ")\\b");
    put_mark(&main_rx, n);
    c->rows[n++] = (row){&defs[i], false};
    if (defs[i].check == CK_SOURCE) c->sources_on = true;
    if (defs[i].check == CK_OFFICIALS) c->officials_on = true;
    any = true;
  }
  sb_puts(&main_rx, any ? "))(?C1)" : ")");
  /* configured phrases (whole words) and patterns (anywhere), each compiled on its own */
  c->first_user = n;
  for (size_t i = 0; i < cfg->n_claims; i++) {
    const cd_claim_phrase *cp = &cfg->claims[i];
    claim_def *u = &c->user[i];
    u->name = u->pattern = cp->phrase;
    u->family = "configured";
    u->kind = strcmp(cp->kind, "anonymous-source") == 0 ? CLAIM_ANONYMOUS : CLAIM_UNATTRIBUTED;
    u->check = CK_NONE;
    u->message = u->kind == CLAIM_ANONYMOUS ? CONFIGURED_ANONYMOUS : CONFIGURED_UNATTRIBUTED;
    sbuf rx = SBUF_INIT;
    if (disabled(cfg, u) || (cp->is_pattern ? (sb_puts(&rx, cp->phrase), false) : !put_literal(&rx, cp->phrase))) {
      cd_vec_free(&rx);
      continue;
    }
    sb_puts(&rx, "(?C1)");
    c->user_rx[n] = rx.data;
    c->rows[n++] = (row){u, cp->is_pattern};
  }
  c->n_rows = n;
  if (any) {
    sbuf key = SBUF_INIT;
    sb_puts(&key, main_rx.data);
    sb_puts(&key, "\n");
    if (words_key.data) sb_puts(&key, words_key.data);
    c->starts_key = key.data;
    c->main_rx = main_rx.data;
    main_rx.data = NULL;
  }
  if (!compile_set(c, &c->interp, false, false)) goto fail;
  if (!find_ascii_starts(c)) goto fail;
  free(main_rx.data);
  cd_vec_free(&words_key);
  return c;
fail:
  free(main_rx.data);
  cd_vec_free(&words_key);
  cd_claims_cache_free(c);
  return NULL;
}

/* The configuration's cache, built on first use. The configuration is borrowed read-only; the
 * cache is no setting, only a memo of them, built under the configuration's lock (threads sharing
 * it build it once) and published atomically. */
static cd_claims_cache *get_cache(const cd_config *cfg) {
  cd_config *mut = (cd_config *)cfg;
  cd_claims_cache *c = atomic_load_explicit(&mut->claims_cache, memory_order_acquire);
  if (c) return c;
  pthread_mutex_lock(&mut->claims_lock);
  c = atomic_load_explicit(&mut->claims_cache, memory_order_acquire); /* built while this thread waited */
  if (!c && (c = build_cache(cfg)) != NULL) atomic_store_explicit(&mut->claims_cache, c, memory_order_release);
  pthread_mutex_unlock(&mut->claims_lock);
  return c;
}

/* The built-in alternation: the memo's partial matches are many (a thousand in the first 12 KB),
 * and an interpreted one costs ten times a JIT one, so its JIT code for partial matches (16 M
 * instructions to compile) comes at 8 KB, and serves its whole matches too (whole_match; an
 * interpreted one costs some 30,000). Configured patterns get JIT code for whole matches once the
 * configuration has read 64 KB of text in all (this text included), the interpreter before. So a
 * single short check compiles nothing, a long one and a batch of short ones compile once. The engine is a matter
 * of speed only: on the valid UTF-8 they are given (valid_subject) both give the same answers,
 * whatever the configuration read before (test_claims runs both on hostile texts; fuzz_analyzer
 * compares a reused configuration with a fresh one). */
#define CLAIMS_JIT_FROM_BYTES 65536u
#define CLAIMS_PARTIAL_JIT_FROM_BYTES 8192u

static bool have_jit(void) {
  uint32_t have = 0;
  return pcre2_config(PCRE2_CONFIG_JIT, &have) >= 0 && have;
}

/* The JIT code set, compiled on first use; the interpreter's when PCRE2 has no JIT or it fails.
 * It has the built-in alternation, with JIT code for partial matches, unless the partial-only code
 * (partial_code) is there to give them. */
static const code_set *jit_codes(cd_claims_cache *c) {
  code_set *j = atomic_load_explicit(&c->jit, memory_order_acquire);
  if (j) return j;
  if (!have_jit()) return &c->interp;
  pthread_mutex_lock(&c->compile_lock);
  j = atomic_load_explicit(&c->jit, memory_order_acquire); /* compiled while this thread waited */
  if (!j) {
    j = calloc(1, sizeof *j);
    if (j && compile_set(c, j, true, !atomic_load_explicit(&c->partial, memory_order_acquire))) {
      atomic_store_explicit(&c->jit, j, memory_order_release);
    } else {
      if (j) code_set_clear(j, c->n_rows);
      free(j);
      j = NULL;
    }
  }
  pthread_mutex_unlock(&c->compile_lock);
  return j ? j : &c->interp;
}

static const code_set *codes_for(cd_claims_cache *c, size_t len) {
  int engine = atomic_load_explicit(&c->engine, memory_order_relaxed);
  if (engine != CD_CLAIMS_ENGINE_AUTO) return engine == CD_CLAIMS_ENGINE_JIT ? jit_codes(c) : &c->interp;
  size_t before = atomic_fetch_add_explicit(&c->analysed, len, memory_order_relaxed);
  return before + len < CLAIMS_JIT_FROM_BYTES ? &c->interp : jit_codes(c);
}

/* The built-in alternation with JIT code for partial matches alone, compiled on first use; NULL
 * when there is no JIT. An interpreted partial match of the alternation costs ten times a JIT
 * one (some 20,000 instructions against 2,000): may_start runs JIT code from 8 KB of text on, and
 * whole_match with it. */
static pcre2_code *partial_code(cd_claims_cache *c) {
  pcre2_code *p = atomic_load_explicit(&c->partial, memory_order_acquire);
  if (p || !c->interp.main || atomic_load_explicit(&c->no_partial, memory_order_relaxed)) return p;
  if (!have_jit()) {
    atomic_store_explicit(&c->no_partial, true, memory_order_relaxed);
    return NULL;
  }
  pthread_mutex_lock(&c->compile_lock);
  p = atomic_load_explicit(&c->partial, memory_order_acquire); /* compiled while this thread waited */
  if (!p && !atomic_load_explicit(&c->no_partial, memory_order_relaxed)) {
    bool jitted = false;
    p = compile(NULL, c->interp.main, 0, PCRE2_JIT_PARTIAL_HARD, &jitted);
    if (jitted) {
      atomic_store_explicit(&c->partial, p, memory_order_release);
    } else {
      pcre2_code_free(p);
      p = NULL;
      atomic_store_explicit(&c->no_partial, true, memory_order_relaxed);
    }
  }
  pthread_mutex_unlock(&c->compile_lock);
  return p;
}

/* The code for the memo's partial matches (may_start) and whole matches (whole_match), and whether
 * it has JIT code for them: from 8 KB of text on in the automatic engine, and always in the JIT one,
 * the JIT set's alternation when it has one, else the partial-only code; the interpreter's before,
 * or without JIT. The memo's answers are kept for every later text, whichever engine gave them:
 * they are the same. */
static void memo_code(cd_claims_cache *c, pcre2_code **code, bool *jit) {
  int engine = atomic_load_explicit(&c->engine, memory_order_relaxed);
  bool want_jit = engine == CD_CLAIMS_ENGINE_JIT ||
                  (engine == CD_CLAIMS_ENGINE_AUTO &&
                   atomic_load_explicit(&c->analysed, memory_order_relaxed) >= CLAIMS_PARTIAL_JIT_FROM_BYTES);
  if (want_jit) {
    const code_set *j =
        engine == CD_CLAIMS_ENGINE_JIT ? jit_codes(c) : atomic_load_explicit(&c->jit, memory_order_acquire);
    pcre2_code *p = j && j->main_partial ? j->main : partial_code(c);
    if (p) {
      *code = p;
      *jit = true;
      return;
    }
  }
  *code = c->interp.main;
  *jit = false;
}

bool cd_claims_set_engine(const cd_config *cfg, cd_claims_engine engine) {
  cd_claims_cache *c = get_cache(cfg);
  if (!c) return false;
  atomic_store_explicit(&c->engine, (int)engine, memory_order_relaxed);
  if (engine == CD_CLAIMS_ENGINE_JIT) return jit_codes(c) != &c->interp;
  return true;
}

static int cmp_pending(const void *a, const void *b) {
  const pending *x = a, *y = b;
  return x->hit.start < y->hit.start ? -1 : x->hit.start > y->hit.start ? 1 : 0;
}

/* The hit overlapping [s, e), or NULL (hits sorted by start, never overlapping each other). */
static pending *find_hit(cd_vec *hits, size_t s, size_t e) {
  size_t lo = 0, hi = hits->len;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (CD_VEC_AT(hits, pending, mid)->hit.end <= s)
      lo = mid + 1;
    else
      hi = mid;
  }
  if (lo < hits->len && CD_VEC_AT(hits, pending, lo)->hit.start < e) return CD_VEC_AT(hits, pending, lo);
  return NULL;
}

/* A speech quote whose only speaker is an unnamed source. */
static void anonymous_quotes(cd_doc *doc, cd_vec *hits, const uint8_t *taken, bool sources_on, bool officials_on) {
  for (size_t qi = 0; qi < doc->quotes.len; qi++) {
    const cd_quote *q = CD_VEC_AT(&doc->quotes, cd_quote, qi);
    if (q->level > 0 || q->headline || q->kind != CD_QUOTE_SPEECH || q->method != CD_ATTR_SOURCE) continue;
    if (q->speaker_span.start == CD_NONE || q->speaker_span.end > doc->len) continue;
    size_t f = first_token(doc, q->speaker_span.start, false);
    size_t e = first_token(doc, q->speaker_span.end, false);
    if (f >= e || !in_prose(doc, f, e) || !cd_claim_anonymous_speaker(doc, f, e)) continue;
    /* the head is "source(s)", "insider(s)" or "official(s)" (cd_claim_anonymous_speaker) */
    bool official = strncasecmp(doc->text + doc_tok(doc, e - 1)->start, "official", 8) == 0;
    if (official ? !officials_on : !sources_on) continue;
    pending *h = find_hit(hits, q->speaker_span.start, q->speaker_span.end);
    if (h) {
      cd_diagnostic *d = CD_VEC_AT(&doc->diags, cd_diagnostic, h->diag);
      if (d->quote == CD_NONE) {
        d->quote = qi;
        cd_diag_add_related(doc, d, q->span.start, q->span.end, "the quote this source is the only speaker of");
      }
      continue;
    }
    if (any_taken(taken, q->speaker_span.start, q->speaker_span.end)) continue;
    cd_diagnostic *d = cd_doc_add_diag(doc, "claim.anonymous-source", q->speaker_span.start, q->speaker_span.end,
                                       "Who is the source of this quote? Name them or say why they cannot be named.");
    d->quote = qi;
    cd_diag_add_related(doc, d, q->span.start, q->span.end, "the quote");
  }
}

/* The bytes PCRE2 matches: the text itself, or when it holds invalid UTF-8 a copy (in *copy) with
 * each invalid byte replaced by SUB (0x1A, a control character: no word, no space, as the
 * tokenizer's U+FFFD is none), so offsets stay the text's. PCRE2 10.42 reads invalid UTF-8
 * differently in its two engines even with PCRE2_MATCH_INVALID_UTF: the interpreter tries an
 * anchored pattern again at the start of each later valid run (a hit far from the token it was
 * asked about, which hid the real ones after that token), JIT code does not; and on invalid bytes
 * at the end of a partial match they answer differently. On valid UTF-8 they agree, so the engine
 * is a matter of speed only. NULL when out of memory. */
static const char *valid_subject(const cd_doc *doc, char **copy) {
  *copy = NULL;
  if (!doc->invalid.len) return doc->text;
  /* JIT code reads 16 bytes at a time and may read a few past the subject's end, inside the
   * page (valgrind: "invalid read of size 16" near a bare block's end): room for them, zeroed */
  enum { JIT_OVERREAD = 64 };
  char *c = malloc(doc->len + JIT_OVERREAD);
  if (!c) return NULL;
  memcpy(c, doc->text, doc->len);
  memset(c + doc->len, 0, JIT_OVERREAD);
  for (size_t i = 0; i < doc->invalid.len; i++) {
    const cd_span *run = CD_VEC_AT(&doc->invalid, cd_span, i);
    memset(c + run->start, 0x1A, run->end - run->start);
  }
  *copy = c;
  return c;
}

void cd_pass_claims(cd_doc *doc) {
  const cd_config *cfg = doc->config;
  if (cd_config_severity(cfg, "claim.unattributed") == CD_SEVERITY_OFF &&
      cd_config_severity(cfg, "claim.anonymous-source") == CD_SEVERITY_OFF)
    return;
  if (!doc->len || !doc_ntok(doc)) return;
  cd_claims_cache *cache = get_cache(cfg);
  if (!cache) return;
  const code_set *cs = codes_for(cache, doc->len);

  uint8_t *taken = calloc(doc->len / 8 + 1, 1); /* a bit a byte: a long text's hits touch every page */
  char *copy = NULL;
  const char *subject = valid_subject(doc, &copy);
  pcre2_match_context *mctx = pcre2_match_context_create(NULL);
  pcre2_match_context *umctx = pcre2_match_context_create(NULL);
  pcre2_jit_stack *jit = NULL;
  cd_vec found;
  cd_vec_init(&found, sizeof(pending));
  if (!taken || !mctx || !umctx || !subject) goto done;
  pcre2_set_match_limit(umctx, USER_MATCH_LIMIT);
  pcre2_set_depth_limit(umctx, USER_DEPTH_LIMIT);
  pcre2_set_heap_limit(umctx, USER_HEAP_LIMIT_KIB);
  if (cs != &cache->interp && cache->first_user < cache->n_rows) {
    /* configured patterns may need more than the default 32 KB JIT stack */
    jit = pcre2_jit_stack_create(32 * 1024, 512 * 1024, NULL);
    if (jit) pcre2_jit_stack_assign(umctx, NULL, jit);
  }

  scan_state st = {doc, subject, cfg, cache->rows, cache->n_rows, CD_NONE, taken, {0}, 0, {0}, 0, false, NULL};
  if (cache->interp.main || cache->words.len) {
    pcre2_set_callout(mctx, on_callout, &st);
    scan_tokens(&st, cache->interp.main, mctx, cache, &found);
  }
  if (cs->single) {
    pcre2_set_callout(umctx, on_callout, &st);
    for (size_t ri = cache->first_user; ri < cache->n_rows; ri++) {
      if (!cs->single[ri]) continue;
      st.single = ri;
      scan(&st, cs->single[ri], umctx, &found);
    }
    st.single = CD_NONE;
  }
  if (found.len > 1) qsort(found.data, found.len, sizeof(pending), cmp_pending);
  emit(doc, &found);
  anonymous_quotes(doc, &found, taken, cache->sources_on, cache->officials_on);

done:
  pcre2_match_context_free(mctx);
  pcre2_match_context_free(umctx);
  pcre2_jit_stack_free(jit);
  cd_vec_free(&found);
  free(taken);
  free(copy);
}
