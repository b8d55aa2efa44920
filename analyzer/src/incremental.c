/* cd_analysis: a document analysed version after version, reusing the tokens, sentences and name
 * mentions of the paragraphs an edit left alone (see incremental.h for when a paragraph
 * qualifies). */
#include "incremental.h"

#include <stdlib.h>
#include <string.h>

#include "keylist.h"
#include "namekey_kept.h"

/* One version's text and per-paragraph tables. */
typedef struct version {
  char *text;
  size_t len;
  uint8_t *prose;
  cd_vec paras;     /* cd_para */
  cd_vec tokens;    /* cd_token as the analysis left them (cd_incr_keep_final): after quote pairing */
  cd_vec sentences; /* cd_sentence */
  cd_vec roles;     /* uint8_t per token: its role before quote pairing */
  cd_vec mentions;  /* cd_name_mention as the analysis left them (their entities set) */
  cd_pairing pairing; /* quote pairing's record (cd_incr_pairing), of every paragraph */
} version;

/* A token's candidates (cd_incr_claim_list): cands[first, first + n) of its version. */
typedef struct claim_list {
  uint32_t tok, first, n;
  bool complete;
} claim_list;

/* The claims pass's answers per token of one version (cd_incr_claim_starts), and the key (its
 * alternation and one-word rows) they were found with. */
typedef struct claim_starts {
  bool valid;
  cd_vec answers; /* uint8_t per token */
  cd_vec key;     /* char: the key, NUL-ended */
  cd_vec lists;   /* claim_list, by token */
  cd_vec cands;   /* cd_claim_cand: the lists' candidates */
} claim_starts;

struct cd_analysis {
  bool have;    /* `old` holds the previous version */
  version old;  /* read while a new version is analysed */
  version next; /* written while it is; the two swap at the end */
  cd_vec from;  /* size_t per paragraph of the new version: the old paragraph it matches, or CD_NONE */
  cd_vec from_tok; /* size_t per paragraph of the new version: that old paragraph's first token */
  cd_vec paired_before; /* uint8_t per paragraph of the new version: quote pairing replayed the old one */
  claim_starts starts[2]; /* the previous version's and this one's, alternately */
  size_t starts_cur;      /* this version's */
  /* the attribution pass's answers per token (cd_incr_said), alternately like `starts` */
  cd_vec said[2];
  bool said_valid[2];
  bool starts_old_ok;     /* the previous version's answers hold for this version's alternation */
  size_t reused; /* how many paragraphs match */
  size_t reused_mentions; /* how many of them took their old mentions */
  cd_near_kept *near[CD_INCR_NEAR_SLOTS]; /* made on first use */
  cd_short_index short_ix; /* the spelling check's four-letter names ... */
  cd_keylist short_keys;   /* ... made from these keys */
  /* Name mentions depend on the configured verbs of saying too ("Smiled Brennan" is a name until
   * "smiled" is one): those the previous version's were found with, and whether they are this
   * version's. */
  cd_keylist mention_verbs;
  bool mentions_ok;
  cd_keys_kept *keys; /* the name keys (cd_incr_name_keys), made on first use */
  cd_capwords capwords; /* the mentions pass's words, the previous version's while `have` */
  bool prev_ok;       /* after the mentions pass: `next` holds the previous version */
  size_t edit_from, edit_to; /* the bytes of this version the edit wrote (or around which it deleted) */
  cd_ents_kept ents;  /* the entities pass's results (cd_incr_entities) */
  /* cd_incr_token_keys and cd_incr_mention_keys, alternately like `starts`: made for that version */
  cd_vec token_keys[2], mention_keys[2]; /* uint32_t */
  bool token_keys_made[2], mention_keys_made[2];
  bool keys_carry;     /* the previous version's entries hold for this one (the same table and epoch) */
  uint32_t keys_epoch; /* the kept table's epoch when the previous version was analysed */
  cd_vec mentions_from; /* mention_run: the previous version's mentions this one took */
  size_t map_size[CD_INCR_MAPS]; /* cd_incr_map_room */
  /* the second thread of a long document's analyses (cd_incr_worker), made on first use */
  cd_worker *worker;
  bool worker_failed; /* could not be started: one thread it is */
  size_t parallel_from; /* cd_analysis_set_parallel_from */
};

/* Mentions [to, to + n) of this version are the previous version's [from, from + n). */
typedef struct mention_run {
  uint32_t to, from, n;
} mention_run;

/* Shorter than this, a document keeps no name keys between versions: a short note's few keys cost
 * less to fold afresh than the kept table's memos and index hold (about 12 KB an open document). */
enum { KEEP_KEYS_MIN_BYTES = 4096 };

static void version_init(version *v) {
  memset(v, 0, sizeof *v);
  cd_vec_init(&v->paras, sizeof(cd_para));
  cd_vec_init(&v->tokens, sizeof(cd_token));
  cd_vec_init(&v->sentences, sizeof(cd_sentence));
  cd_vec_init(&v->roles, 1);
  cd_vec_init(&v->mentions, sizeof(cd_name_mention));
  cd_vec_init(&v->pairing.paras, sizeof(cd_pairing_para));
  cd_vec_init(&v->pairing.quotes, sizeof(cd_pairing_quote));
  cd_vec_init(&v->pairing.diags, sizeof(cd_pairing_diag));
  cd_vec_init(&v->pairing.marks, sizeof(cd_pairing_mark));
}

static void version_free(version *v) {
  free(v->text);
  free(v->prose);
  cd_vec_free(&v->paras);
  cd_vec_free(&v->tokens);
  cd_vec_free(&v->sentences);
  cd_vec_free(&v->roles);
  cd_vec_free(&v->mentions);
  cd_vec_free(&v->pairing.paras);
  cd_vec_free(&v->pairing.quotes);
  cd_vec_free(&v->pairing.diags);
  cd_vec_free(&v->pairing.marks);
}

cd_analysis *cd_analysis_new(void) {
  cd_analysis *a = calloc(1, sizeof *a);
  if (!a) return NULL;
  version_init(&a->old);
  version_init(&a->next);
  a->parallel_from = CD_ANALYSIS_PARALLEL_FROM;
  cd_vec_init(&a->from, sizeof(size_t));
  cd_vec_init(&a->from_tok, sizeof(size_t));
  cd_vec_init(&a->paired_before, 1);
  for (size_t i = 0; i < 2; i++) {
    cd_vec_init(&a->starts[i].answers, 1);
    cd_vec_init(&a->starts[i].key, 1);
    cd_vec_init(&a->starts[i].lists, sizeof(claim_list));
    cd_vec_init(&a->starts[i].cands, sizeof(cd_claim_cand));
    cd_vec_init(&a->said[i], 1);
    cd_vec_init(&a->token_keys[i], sizeof(uint32_t));
    cd_vec_init(&a->mention_keys[i], sizeof(uint32_t));
  }
  cd_vec_init(&a->mentions_from, sizeof(mention_run));
  cd_short_init(&a->short_ix, NULL);
  cd_keylist_init(&a->short_keys);
  cd_keylist_init(&a->mention_verbs);
  cd_capwords_init(&a->capwords);
  cd_vec_init(&a->ents.of_mention, sizeof(uint32_t));
  cd_vec_init(&a->ents.text_first, sizeof(uint32_t));
  cd_vec_init(&a->ents.ents, sizeof(cd_kept_entity));
  cd_keylist_init(&a->ents.names);
  return a;
}

void cd_analysis_free(cd_analysis *a) {
  if (!a) return;
  cd_worker_free(a->worker);
  version_free(&a->old);
  version_free(&a->next);
  cd_vec_free(&a->from);
  cd_vec_free(&a->from_tok);
  cd_vec_free(&a->paired_before);
  for (size_t i = 0; i < 2; i++) {
    cd_vec_free(&a->starts[i].answers);
    cd_vec_free(&a->starts[i].key);
    cd_vec_free(&a->starts[i].lists);
    cd_vec_free(&a->starts[i].cands);
    cd_vec_free(&a->said[i]);
    cd_vec_free(&a->token_keys[i]);
    cd_vec_free(&a->mention_keys[i]);
  }
  cd_vec_free(&a->mentions_from);
  for (size_t i = 0; i < CD_INCR_NEAR_SLOTS; i++) cd_near_kept_free(a->near[i]);
  cd_short_free(&a->short_ix);
  cd_keylist_free(&a->short_keys);
  cd_keylist_free(&a->mention_verbs);
  cd_capwords_free(&a->capwords);
  cd_keys_kept_free(a->keys);
  cd_vec_free(&a->ents.of_mention);
  cd_vec_free(&a->ents.text_first);
  cd_vec_free(&a->ents.ents);
  cd_keylist_free(&a->ents.names);
  free(a);
}

cd_report *cd_analysis_update(cd_analysis *a, const char *text, size_t len, cd_format format,
                              const cd_config *config) {
  return cd_analysis_update_with_record(a, text, len, format, config, NULL, 0);
}

cd_report *cd_analysis_update_with_record(cd_analysis *a, const char *text, size_t len, cd_format format,
                                          const cd_config *config, const cd_record_source *const *sources,
                                          size_t n_sources) {
  cd_report *r = cd_doc_analyze(text, len, format, config, sources, n_sources, a);
  if (!r) a->have = false; /* the kept tables may be half written */
  return r;
}

size_t cd_incr_reused(const cd_analysis *a) { return a->reused; }

cd_keys_kept *cd_incr_name_keys(const cd_doc *doc) { return doc->incr ? doc->incr->keys : NULL; }
size_t cd_incr_name_keys_held(const cd_analysis *a) { return cd_keys_kept_count(a->keys); }
size_t cd_incr_reused_mentions(const cd_analysis *a) { return a->reused_mentions; }
size_t cd_incr_reused_pairings(const cd_analysis *a) {
  size_t n = 0;
  for (size_t i = 0; i < a->paired_before.len; i++) n += *CD_VEC_AT(&a->paired_before, uint8_t, i);
  return n;
}

/* Length of the common start of a and b (n bytes each at most), a block at a time. */
static size_t common_prefix(const char *a, const char *b, size_t n) {
  size_t i = 0;
  while (i + 64 <= n && memcmp(a + i, b + i, 64) == 0) i += 64;
  while (i < n && a[i] == b[i]) i++;
  return i;
}

/* Length of the common end of a[0, an) and b[0, bn), at most `limit` bytes. */
static size_t common_suffix(const char *a, size_t an, const char *b, size_t bn, size_t limit) {
  size_t i = 0;
  while (i + 64 <= limit && memcmp(a + an - i - 64, b + bn - i - 64, 64) == 0) i += 64;
  while (i < limit && a[an - 1 - i] == b[bn - 1 - i]) i++;
  return i;
}

static const cd_para *old_para(const cd_analysis *a, size_t i) { return CD_VEC_AT(&a->old.paras, cd_para, i); }
static size_t from(const cd_doc *doc, size_t pi) { return *CD_VEC_AT(&doc->incr->from, size_t, pi); }

static void swap_vec(cd_vec *x, cd_vec *y) {
  cd_vec t = *x;
  *x = *y;
  *y = t;
}

void cd_incr_reserve(cd_analysis *a, cd_doc *doc) {
  /* the tables of the version before the previous one, read no more, are this version's to fill */
  cd_vec *spare[] = {&a->next.tokens, &a->next.mentions}, *fill[] = {&doc->tokens, &doc->mentions};
  for (size_t i = 0; i < 2; i++) {
    if (fill[i]->cap || !spare[i]->cap) continue;
    swap_vec(fill[i], spare[i]);
    fill[i]->len = 0;
  }
  if (!a->have) return;
  /* a keystroke changes the counts little: room for the old ones and a sixteenth more */
  cd_vec_reserve(&doc->tokens, a->old.tokens.len + a->old.tokens.len / 16 + 16);
  cd_vec_reserve(&doc->sentences, a->old.sentences.len + a->old.sentences.len / 16 + 16);
  cd_vec_reserve(&doc->mentions, a->old.mentions.len + a->old.mentions.len / 16 + 16);
}

void cd_incr_match(cd_analysis *a, const cd_doc *doc) {
  size_t np = doc->paras.len;
  cd_vec_reserve(&a->from, np + 1);
  a->from.len = np;
  cd_vec_reserve(&a->from_tok, np + 1);
  a->from_tok.len = np;
  size_t *to = a->from.data, *to_tok = a->from_tok.data;
  for (size_t i = 0; i < np; i++) to[i] = CD_NONE;
  cd_vec_reserve(&a->paired_before, np + 1);
  a->paired_before.len = np;
  memset(a->paired_before.data, 0, np + 1);
  a->reused = a->reused_mentions = 0;
  /* this version's claim answers go where the version before last kept its own */
  a->starts_cur ^= 1;
  a->starts[a->starts_cur].valid = false;
  a->said_valid[a->starts_cur] = false;
  a->starts_old_ok = false;
  const cd_strlist *verbs = &doc->config->speech_verbs;
  a->mentions_ok = a->have && cd_keylist_same(&a->mention_verbs, (const char *const *)verbs->items, verbs->len);
  if (!a->mentions_ok) cd_keylist_set(&a->mention_verbs, (const char *const *)verbs->items, verbs->len);
  a->token_keys_made[a->starts_cur] = a->mention_keys_made[a->starts_cur] = false;
  a->mentions_from.len = 0;
  const cd_keys_kept *had = a->keys;
  if (doc->len < KEEP_KEYS_MIN_BYTES) { /* a short note: its keys are folded afresh, and nothing is held */
    cd_keys_kept_free(a->keys);
    a->keys = NULL;
  } else if (!a->keys && !(a->keys = cd_keys_kept_new())) {
    abort(); /* the library's out-of-memory policy */
  }
  a->keys_carry = false;
  if (!a->have) {
    a->ents.valid = false;
    a->starts[a->starts_cur ^ 1].valid = false;
    a->said_valid[a->starts_cur ^ 1] = false;
    if (a->keys) {
      cd_keys_kept_version(a->keys, false, 0, 0, 0, doc->len);
      a->keys_epoch = cd_keys_kept_epoch(a->keys);
    }
    return;
  }
  const version *o = &a->old;
  size_t n = o->len < doc->len ? o->len : doc->len;
  size_t prefix = common_prefix(o->text, doc->text, n);
  size_t suffix = common_suffix(o->text, o->len, doc->text, doc->len, n - prefix);
  a->edit_from = prefix;
  a->edit_to = doc->len - suffix;
  /* a table made for this version has no previous memo to read: it reads none (stamp 1) */
  if (a->keys) {
    cd_keys_kept_version(a->keys, true, prefix, suffix, o->len, doc->len);
    a->keys_carry = had == a->keys && cd_keys_kept_epoch(a->keys) == a->keys_epoch;
    a->keys_epoch = cd_keys_kept_epoch(a->keys);
  }
  /* Old paragraphs are met in order: those before the edit at the same offsets, those after it
   * shifted by the change in length. The byte after a paragraph must be shared too (a name at a
   * paragraph's end is read with the byte that follows it: "US$"). */
  size_t oi = 0;
  for (size_t pi = 0; pi < np; pi++) {
    const cd_para *p = CD_VEC_AT(&doc->paras, cd_para, pi);
    size_t s = p->span.start, e = p->span.end, os;
    if (e < prefix)
      os = s;
    else if (s >= doc->len - suffix)
      os = s - doc->len + o->len;
    else
      continue;
    while (oi < o->paras.len && old_para(a, oi)->span.start < os) oi++;
    if (oi == o->paras.len) break;
    const cd_para *op = old_para(a, oi);
    if (op->span.start != os || op->span.end - os != e - s) continue;
    if (memcmp(o->prose + os, doc->prose + s, e - s) != 0) continue;
    to[pi] = oi;
    to_tok[pi] = op->first_tok;
    a->reused++;
  }
}

bool cd_incr_tokens(cd_doc *doc, uint32_t pi) {
  cd_analysis *a = doc->incr;
  size_t oi = from(doc, pi);
  if (oi == CD_NONE) return false;
  const cd_para *o = old_para(a, oi);
  cd_para *p = CD_VEC_AT(&doc->paras, cd_para, pi);
  size_t n = o->end_tok - o->first_tok;
  cd_vec_reserve(&doc->tokens, doc->tokens.len + n);
  cd_token *t = CD_VEC_AT(&doc->tokens, cd_token, doc->tokens.len);
  memcpy(t, CD_VEC_AT(&a->old.tokens, cd_token, o->first_tok), n * sizeof *t);
  const uint8_t *roles = CD_VEC_AT(&a->old.roles, uint8_t, o->first_tok);
  for (size_t k = 0; k < n; k++) { /* as the tokens pass gives them: before quote pairing */
    t[k].start = (uint32_t)(t[k].start - o->span.start + p->span.start);
    t[k].flags &= (uint8_t)~TF_QUOTED;
    t[k].role = roles[k];
  }
  p->first_tok = (uint32_t)doc->tokens.len;
  doc->tokens.len += n;
  p->end_tok = (uint32_t)doc->tokens.len;
  return true;
}

bool cd_incr_sentences(cd_doc *doc, uint32_t pi) {
  cd_analysis *a = doc->incr;
  size_t oi = from(doc, pi);
  if (oi == CD_NONE) return false;
  const cd_para *o = old_para(a, oi);
  const cd_para *p = CD_VEC_AT(&doc->paras, cd_para, pi);
  /* the old paragraph's sentences: the first whose paragraph is not before it, onwards */
  const cd_vec *old = &a->old.sentences;
  size_t lo = 0, hi = old->len;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (CD_VEC_AT(old, cd_sentence, mid)->para < oi)
      lo = mid + 1;
    else
      hi = mid;
  }
  for (size_t si = lo; si < old->len; si++) {
    const cd_sentence *os = CD_VEC_AT(old, cd_sentence, si);
    if (os->para != oi) break;
    cd_sentence *s = cd_vec_push(&doc->sentences);
    s->span.start = os->span.start - o->span.start + p->span.start;
    s->span.end = os->span.end - o->span.start + p->span.start;
    s->para = pi;
    s->first_tok = os->first_tok - o->first_tok + p->first_tok;
    s->end_tok = os->end_tok - o->first_tok + p->first_tok;
    uint32_t index = (uint32_t)(doc->sentences.len - 1);
    if (index == si) continue; /* the tokens, the old ones, say so already */
    for (size_t k = s->first_tok; k < s->end_tok; k++) CD_VEC_AT(&doc->tokens, cd_token, k)->sent = index;
  }
  return true;
}

bool cd_incr_old_tables(const cd_doc *doc, cd_incr_old *old) {
  const cd_analysis *a = doc->incr;
  if (!a || !a->have) return false;
  old->text = a->old.text;
  old->tokens = a->old.tokens.data;
  old->sentences = a->old.sentences.data;
  old->paras = a->old.paras.data;
  old->n_paras = a->old.paras.len;
  return true;
}

size_t cd_incr_para_from(const cd_doc *doc, uint32_t pi) { return from(doc, pi); }

cd_capwords *cd_incr_capwords(cd_doc *doc) { return &doc->incr->capwords; }

bool cd_incr_para_same(const cd_doc *doc, uint32_t pi) {
  const cd_analysis *a = doc->incr;
  size_t oi = from(doc, pi);
  if (oi == CD_NONE) return false;
  const cd_para *o = old_para(a, oi), *p = CD_VEC_AT(&doc->paras, cd_para, pi);
  if (o->headline != p->headline) return false;
  /* replayed, pairing gave the marks their old roles (no later pass changes a role) */
  if (*CD_VEC_AT(&a->paired_before, uint8_t, pi)) return true;
  /* quote pairing, which may reach across paragraphs, must have given every mark its old role */
  const cd_token *paired = CD_VEC_AT(&a->old.tokens, cd_token, o->first_tok); /* after pairing */
  for (size_t k = p->first_tok; k < p->end_tok; k++) {
    const cd_token *t = doc_tok(doc, k);
    if (t->kind == TOK_MARK && t->role != paired[k - p->first_tok].role) return false;
  }
  return true;
}

bool cd_incr_mentions_may_reuse(const cd_doc *doc, uint32_t pi) {
  const cd_analysis *a = doc->incr;
  size_t oi = from(doc, pi);
  if (oi == CD_NONE || !a->mentions_ok) return false;
  /* a name at the paragraph's end may look at the next paragraph's first words */
  return pi + 1 < doc->paras.len ? from(doc, pi + 1) == oi + 1 : oi + 1 == a->old.paras.len;
}

void cd_incr_mentions(cd_doc *doc, uint32_t pi) {
  cd_analysis *a = doc->incr;
  a->reused_mentions++;
  const cd_para *o = old_para(a, from(doc, pi)), *p = CD_VEC_AT(&doc->paras, cd_para, pi);
  const cd_vec *old = &a->old.mentions;
  size_t lo = 0, hi = old->len;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (CD_VEC_AT(old, cd_name_mention, mid)->first_tok < o->first_tok)
      lo = mid + 1;
    else
      hi = mid;
  }
  size_t hi_m = lo;
  while (hi_m < old->len && CD_VEC_AT(old, cd_name_mention, hi_m)->first_tok < o->end_tok) hi_m++;
  size_t shift_tok = p->first_tok - o->first_tok;
  size_t shift = p->span.start - o->span.start;
  cd_vec_reserve_more(&doc->mentions, hi_m - lo);
  if (hi_m > lo) {
    mention_run *r = cd_vec_push(&a->mentions_from);
    *r = (mention_run){(uint32_t)doc->mentions.len, (uint32_t)lo, (uint32_t)(hi_m - lo)};
  }
  for (size_t i = lo; i < hi_m; i++) {
    cd_name_mention *m = cd_vec_push_raw(&doc->mentions);
    *m = *CD_VEC_AT(old, cd_name_mention, i);
    cd_span32 *spans[] = {&m->span, &m->name, &m->title, &m->surname};
    for (size_t k = 0; k < sizeof spans / sizeof spans[0]; k++) {
      if (spans[k]->start == CD_NONE32) continue;
      spans[k]->start = (uint32_t)(spans[k]->start + shift);
      spans[k]->end = (uint32_t)(spans[k]->end + shift);
    }
    m->first_tok = (uint32_t)(m->first_tok + shift_tok);
    m->end_tok = (uint32_t)(m->end_tok + shift_tok);
    const cd_token *first = doc_tok(doc, m->first_tok);
    m->sent = first->sent;
    m->in_quote = (first->flags & TF_QUOTED);
    m->headline = p->headline;
    m->entity = CD_NONE; /* as the mentions pass gives it */
  }
}

static void copy_vec(cd_vec *to, const cd_vec *from) {
  cd_vec_reserve(to, from->len + 1);
  if (from->len) memcpy(to->data, from->data, from->len * from->elem);
  to->len = from->len;
}

void cd_incr_keep_tokens(cd_analysis *a, cd_doc *doc) {
  version *v = &a->next;
  char *text = realloc(v->text, doc->len + 1);
  if (!text) abort(); /* the library's out-of-memory policy inside a pass */
  v->text = text;
  memcpy(v->text, doc->text, doc->len);
  if (doc->keep_tables) {
    uint8_t *prose = realloc(v->prose, doc->len + 1);
    if (!prose) abort();
    v->prose = prose;
    memcpy(v->prose, doc->prose, doc->len);
  } else { /* the analysis frees its prose next: the handle takes it, and that goes instead */
    uint8_t *prose = v->prose;
    v->prose = doc->prose;
    doc->prose = prose;
  }
  v->len = doc->len;
  copy_vec(&v->paras, &doc->paras);
  copy_vec(&v->sentences, &doc->sentences);
  /* the tokens themselves come at the end (cd_incr_keep_final); their roles before pairing now: a
   * paragraph that took the old tokens took their old roles too (cd_incr_tokens) */
  cd_vec_reserve(&v->roles, doc_ntok(doc) + 1);
  v->roles.len = doc_ntok(doc);
  const cd_token *toks = doc->tokens.data;
  uint8_t *roles = v->roles.data;
  size_t done = 0; /* roles[0, done) are written */
  for (size_t pi = 0; pi < doc->paras.len; pi++) {
    if (from(doc, pi) == CD_NONE) continue;
    const cd_para *p = CD_VEC_AT(&doc->paras, cd_para, pi);
    for (; done < p->first_tok; done++) roles[done] = toks[done].role;
    memcpy(roles + p->first_tok, CD_VEC_AT(&a->old.roles, uint8_t, *CD_VEC_AT(&a->from_tok, size_t, pi)),
           p->end_tok - p->first_tok);
    done = p->end_tok;
  }
  for (size_t n = doc_ntok(doc); done < n; done++) roles[done] = toks[done].role;
}

cd_pairing *cd_incr_pairing(cd_doc *doc) {
  cd_analysis *a = doc->incr;
  if (!a) return NULL;
  cd_pairing *p = &a->next.pairing; /* this version's, until cd_incr_keep_mentions */
  p->paras.len = p->quotes.len = p->diags.len = p->marks.len = 0;
  return p;
}

const cd_pairing_para *cd_incr_old_pairing(const cd_doc *doc, uint32_t pi, const cd_pairing **old) {
  const cd_analysis *a = doc->incr;
  /* every version with a handle goes through the quotes pass before it becomes the old one */
  if (!a || !a->have || !a->mentions_ok) return NULL;
  size_t oi = from(doc, pi);
  if (oi == CD_NONE || oi >= a->old.pairing.paras.len) return NULL;
  *old = &a->old.pairing;
  return CD_VEC_AT(&a->old.pairing.paras, cd_pairing_para, oi);
}

size_t cd_incr_old_quotes(const cd_doc *doc) {
  const cd_analysis *a = doc->incr;
  return a && a->have ? a->old.pairing.quotes.len : CD_NONE;
}

void cd_incr_pairing_taken(cd_doc *doc, uint32_t pi) {
  *CD_VEC_AT(&doc->incr->paired_before, uint8_t, pi) = 1;
}

void cd_incr_keep_mentions(cd_analysis *a) {
  version t = a->old;
  a->old = a->next;
  a->next = t;
  a->prev_ok = a->have;
  a->have = true;
}

void cd_incr_keep_final(cd_analysis *a, cd_doc *doc) {
  version *v = &a->old; /* this version, since cd_incr_keep_mentions */
  cd_vec *keep[] = {&v->tokens, &v->mentions}, *from_doc[] = {&doc->tokens, &doc->mentions};
  for (size_t i = 0; i < 2; i++) {
    if (doc->keep_tables) { /* a test reads the report's own */
      copy_vec(keep[i], from_doc[i]);
      continue;
    }
    swap_vec(keep[i], from_doc[i]); /* the report frees what it gets */
  }
}

cd_ents_kept *cd_incr_entities(cd_doc *doc) { return doc->incr ? &doc->incr->ents : NULL; }
bool cd_incr_entities_taken(const cd_analysis *a) { return a->ents.taken; }

/* The bytes a mention's fields and tokens cover: from the first of them to the last. */
static void mention_extent(const cd_name_mention *m, const cd_token *toks, size_t *from, size_t *to) {
  size_t s = m->span.start, e = m->span.end;
  if (m->end_tok > m->first_tok) {
    if (toks[m->first_tok].start < s) s = toks[m->first_tok].start;
    if (cd_tok_end(&toks[m->end_tok - 1]) > e) e = cd_tok_end(&toks[m->end_tok - 1]);
  }
  *from = s;
  *to = e;
}

static bool span_same(cd_span32 x, size_t xbase, cd_span32 y, size_t ybase) {
  if ((x.start == CD_NONE32) != (y.start == CD_NONE32)) return false;
  if (x.start == CD_NONE32) return true;
  return x.start - xbase == y.start - ybase && x.end - xbase == y.end - ybase;
}

/* Mention m of this version reads as mention o of the previous one (cd_incr_mentions_same). */
static bool mention_same(const cd_doc *doc, const cd_name_mention *m, const version *v, const cd_name_mention *o) {
  if (m->kind != o->kind || m->courtesy != o->courtesy || m->job_title != o->job_title || m->in_quote != o->in_quote ||
      m->headline != o->headline || m->acronym != o->acronym || m->possessive != o->possessive ||
      m->person_hint != o->person_hint || m->org_hint != o->org_hint || m->placed != o->placed || m->thing_hint != o->thing_hint ||
      m->known_as != o->known_as || m->couple != o->couple || m->relative != o->relative || m->deceased != o->deceased ||
      m->said_gender != o->said_gender ||
      m->n_parts != o->n_parts ||
      m->end_tok - m->first_tok != o->end_tok - o->first_tok || o->end_tok > v->tokens.len)
    return false;
  const cd_token *mt = doc->tokens.data, *ot = v->tokens.data;
  size_t ms, me, os, oe;
  mention_extent(m, mt, &ms, &me);
  mention_extent(o, ot, &os, &oe);
  if (me - ms != oe - os || oe > v->len || !span_same(m->span, ms, o->span, os) ||
      !span_same(m->name, ms, o->name, os) || !span_same(m->title, ms, o->title, os) ||
      !span_same(m->surname, ms, o->surname, os))
    return false;
  for (size_t k = 0; k < (size_t)(m->end_tok - m->first_tok); k++) {
    const cd_token *a = &mt[m->first_tok + k], *b = &ot[o->first_tok + k];
    /* the previous version's tokens are kept as the sentences pass left them, before quote pairing */
    if (a->start - ms != b->start - os || cd_tok_end(a) - ms != cd_tok_end(b) - os || a->kind != b->kind ||
        (a->flags & ~TF_QUOTED) != (b->flags & ~TF_QUOTED))
      return false;
  }
  return memcmp(doc->text + ms, v->text + os, me - ms) == 0;
}

/* Is mention i in the sentence of mention i - 1? The entities pass asks it of a name and the few
 * before it (known_as in entities.c: a name called so joins a person only within its sentence), and
 * the answer changes without either mention changing when an edit between them opens or closes a
 * sentence. */
static bool sentence_of_previous(const cd_name_mention *m, size_t i) {
  return i > 0 && m[i].sent == m[i - 1].sent;
}

bool cd_incr_mentions_same(const cd_doc *doc) {
  const cd_analysis *a = doc->incr;
  if (!a || !a->prev_ok) return false;
  const version *v = &a->next; /* the previous version, since cd_incr_keep_mentions */
  size_t nm = doc->mentions.len;
  if (v->mentions.len != nm) return false;
  const cd_name_mention *now = doc->mentions.data, *before = v->mentions.data;
  /* the mentions at the edit first: when one differs, it is most often there (a typed capital or a
   * letter inside a name) */
  size_t lo = 0, hi = nm;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (now[mid].span.end < a->edit_from)
      lo = mid + 1;
    else
      hi = mid;
  }
  size_t at_end = lo;
  for (; at_end < nm && now[at_end].span.start <= a->edit_to; at_end++)
    if (!mention_same(doc, &now[at_end], v, &before[at_end])) return false;
  /* then the others; one the mentions pass took over at the same index is the previous version's
   * copy, its bytes and tokens with it: only what the new version set afresh may differ */
  const mention_run *runs = a->mentions_from.data;
  size_t r = 0, n_runs = a->mentions_from.len;
  for (size_t i = 0; i < nm; i++) {
    if (sentence_of_previous(now, i) != sentence_of_previous(before, i)) return false;
    if (i >= lo && i < at_end) continue;
    while (r < n_runs && runs[r].to + runs[r].n <= i) r++;
    if (r < n_runs && runs[r].to <= i && runs[r].from == runs[r].to) {
      if (now[i].in_quote != before[i].in_quote || now[i].headline != before[i].headline) return false;
    } else if (!mention_same(doc, &now[i], v, &before[i])) {
      return false;
    }
  }
  return true;
}

/* Fewer names than this: the name indexes are built afresh on every version rather than kept, so
 * that each small open document holds no index between versions (a fresh build of so few keys is
 * cheaper than a keystroke's other work). */
enum { KEEP_INDEX_MIN_KEYS = 64 };

/* A fresh index, for the asked keys only when the caller says which. */
static void near_build(cd_near_index *ix, const char *const *keys, size_t n, size_t query_min, const bool *asked) {
  if (asked)
    cd_near_build_asked(ix, keys, n, query_min, asked);
  else
    cd_near_build(ix, keys, n, query_min);
}

const cd_near_index *cd_incr_near_index(cd_doc *doc, cd_incr_near_slot slot, const char *const *keys, size_t n,
                                        size_t query_min, const bool *asked, cd_near_index *ix) {
  cd_analysis *a = doc->incr;
  if (!a) {
    near_build(ix, keys, n, query_min, asked);
    return ix;
  }
  if (n < KEEP_INDEX_MIN_KEYS) { /* a short note: a fresh build costs less than what keeping holds */
    cd_near_kept_free(a->near[slot]);
    a->near[slot] = NULL;
    near_build(ix, keys, n, query_min, asked);
    return ix;
  }
  if (!a->near[slot] && !(a->near[slot] = cd_near_kept_new(query_min))) abort(); /* out of memory */
  return cd_near_kept_update(a->near[slot], keys, n);
}

const cd_short_index *cd_incr_short_index(cd_doc *doc, const char *const *keys, size_t n, cd_short_index *scratch) {
  cd_analysis *a = doc->incr;
  if (a && n < KEEP_INDEX_MIN_KEYS && a->short_keys.have) { /* became short: hold nothing */
    cd_short_free(&a->short_ix);
    cd_short_init(&a->short_ix, NULL);
    cd_keylist_free(&a->short_keys);
    cd_keylist_init(&a->short_keys);
  }
  if (n < KEEP_INDEX_MIN_KEYS) a = NULL;
  cd_short_index *ix = a ? &a->short_ix : scratch;
  if (a && cd_keylist_same(&a->short_keys, keys, n)) return ix;
  if (a) {
    cd_short_free(ix);
    cd_short_init(ix, NULL);
    cd_keylist_set(&a->short_keys, keys, n);
  }
  for (size_t i = 0; i < n; i++) cd_short_add(ix, keys[i], i);
  return ix;
}

uint8_t *cd_incr_claim_starts(cd_doc *doc, const char *key) {
  cd_analysis *a = doc->incr;
  if (!a) return NULL;
  claim_starts *now = &a->starts[a->starts_cur], *before = &a->starts[a->starts_cur ^ 1];
  size_t n = strlen(key);
  a->starts_old_ok = before->valid && before->key.len == n + 1 && memcmp(before->key.data, key, n) == 0;
  cd_vec_reserve(&now->key, n + 1);
  memcpy(now->key.data, key, n + 1);
  now->key.len = n + 1;
  cd_vec_reserve(&now->answers, doc_ntok(doc) + 1);
  now->answers.len = doc_ntok(doc);
  memset(now->answers.data, 0, doc_ntok(doc));
  now->lists.len = now->cands.len = 0;
  now->valid = true;
  return now->answers.data;
}

const uint8_t *cd_incr_old_claim_starts(const cd_doc *doc, uint32_t pi) {
  const cd_analysis *a = doc->incr;
  if (!a || !a->starts_old_ok || from(doc, pi) == CD_NONE) return NULL;
  return (const uint8_t *)a->starts[a->starts_cur ^ 1].answers.data + *CD_VEC_AT(&a->from_tok, size_t, pi);
}

void cd_incr_claim_list(cd_doc *doc, size_t ti, const cd_claim_cand *c, size_t n, bool complete) {
  cd_analysis *a = doc->incr;
  if (!a) return;
  claim_starts *now = &a->starts[a->starts_cur];
  claim_list *l = cd_vec_push(&now->lists);
  *l = (claim_list){(uint32_t)ti, (uint32_t)now->cands.len, (uint32_t)n, complete};
  cd_vec_reserve(&now->cands, now->cands.len + n);
  if (n) memcpy(CD_VEC_AT(&now->cands, cd_claim_cand, now->cands.len), c, n * sizeof *c);
  now->cands.len += n;
}

const cd_claim_cand *cd_incr_old_claim_list(const cd_doc *doc, uint32_t pi, size_t ti, size_t *n, bool *complete) {
  const cd_analysis *a = doc->incr;
  const cd_para *p = CD_VEC_AT(&doc->paras, cd_para, pi);
  if (!a || !a->starts_old_ok || from(doc, pi) == CD_NONE || ti <= p->first_tok || ti >= p->end_tok) return NULL;
  const claim_starts *before = &a->starts[a->starts_cur ^ 1];
  size_t old = *CD_VEC_AT(&a->from_tok, size_t, pi) + (ti - p->first_tok);
  size_t lo = 0, hi = before->lists.len;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (CD_VEC_AT(&before->lists, claim_list, mid)->tok < old)
      lo = mid + 1;
    else
      hi = mid;
  }
  if (lo == before->lists.len) return NULL;
  const claim_list *l = CD_VEC_AT(&before->lists, claim_list, lo);
  if (l->tok != old) return NULL;
  *n = l->n;
  *complete = l->complete;
  return CD_VEC_AT(&before->cands, cd_claim_cand, l->first);
}

uint8_t *cd_incr_said(cd_doc *doc) {
  cd_analysis *a = doc->incr;
  if (!a) return NULL;
  size_t n = doc_ntok(doc);
  cd_vec *now = &a->said[a->starts_cur];
  const cd_vec *before = &a->said[a->starts_cur ^ 1];
  cd_vec_reserve(now, n + 1);
  now->len = n + 1;
  uint8_t *to = now->data;
  memset(to, 0, n + 1);
  /* the answers read the configured verbs too: kept only while they are the same */
  if (a->said_valid[a->starts_cur ^ 1] && a->mentions_ok) {
    const uint8_t *old = before->data;
    for (size_t pi = 0; pi < doc->paras.len; pi++) {
      if (from(doc, pi) == CD_NONE) continue;
      const cd_para *p = CD_VEC_AT(&doc->paras, cd_para, pi);
      size_t first = p->first_tok, end = p->end_tok, old_first = *CD_VEC_AT(&a->from_tok, size_t, pi);
      /* not the first token (an answer may read the token before) nor the last two (the two after) */
      if (end - first <= 3) continue;
      memcpy(to + first + 1, old + old_first + 1, end - first - 3);
    }
  }
  a->said_valid[a->starts_cur] = true;
  return to;
}

/* This version's table of n entries in v (not zeroed), or NULL when out of memory. */
static uint32_t *fresh_keys(cd_vec *v, size_t n) {
  cd_vec_reserve(v, n + 1);
  v->len = n;
  return v->data;
}

uint32_t *cd_incr_token_keys(cd_doc *doc) {
  cd_analysis *a = doc->incr;
  if (!a || !a->keys) return NULL;
  size_t cur = a->starts_cur;
  if (a->token_keys_made[cur]) return a->token_keys[cur].data;
  size_t n = doc_ntok(doc), done = 0; /* to[0, done) is written */
  uint32_t *to = fresh_keys(&a->token_keys[cur], n);
  if (!to) return NULL;
  if (a->keys_carry && a->token_keys_made[cur ^ 1]) {
    const uint32_t *old = a->token_keys[cur ^ 1].data;
    for (size_t pi = 0; pi < doc->paras.len; pi++) {
      if (from(doc, pi) == CD_NONE) continue;
      const cd_para *p = CD_VEC_AT(&doc->paras, cd_para, pi);
      memset(to + done, 0, (p->first_tok - done) * sizeof *to);
      memcpy(to + p->first_tok, old + *CD_VEC_AT(&a->from_tok, size_t, pi), (p->end_tok - p->first_tok) * sizeof *to);
      done = p->end_tok;
    }
  }
  memset(to + done, 0, (n - done) * sizeof *to);
  a->token_keys_made[cur] = true;
  return to;
}

uint32_t *cd_incr_mention_keys(cd_doc *doc) {
  cd_analysis *a = doc->incr;
  if (!a || !a->keys) return NULL;
  size_t cur = a->starts_cur;
  if (a->mention_keys_made[cur]) return a->mention_keys[cur].data;
  uint32_t *to = fresh_keys(&a->mention_keys[cur], CD_MENTION_KEYS * doc->mentions.len);
  if (!to) return NULL;
  memset(to, 0, CD_MENTION_KEYS * doc->mentions.len * sizeof *to);
  if (a->keys_carry && a->mention_keys_made[cur ^ 1]) {
    const uint32_t *old = a->mention_keys[cur ^ 1].data;
    size_t n_old = a->mention_keys[cur ^ 1].len / CD_MENTION_KEYS;
    for (size_t r = 0; r < a->mentions_from.len; r++) {
      const mention_run *run = CD_VEC_AT(&a->mentions_from, mention_run, r);
      for (size_t k = 0; k < run->n; k++) {
        size_t mi = run->to + k, oi = run->from + k;
        if (mi >= doc->mentions.len || oi >= n_old) break;
        /* every part of a mention lies inside its name: the name inside the shared text */
        const cd_name_mention *m = CD_VEC_AT(&doc->mentions, cd_name_mention, mi);
        if (!(m->name.end <= a->edit_from || m->name.start >= a->edit_to)) continue;
        memcpy(to + CD_MENTION_KEYS * mi, old + CD_MENTION_KEYS * oi, CD_MENTION_KEYS * sizeof *to);
      }
    }
  }
  a->mention_keys_made[cur] = true;
  return to;
}

void cd_analysis_set_parallel_from(cd_analysis *a, size_t bytes) {
  if (a) a->parallel_from = bytes;
}

cd_worker *cd_incr_worker(const cd_doc *doc) {
  cd_analysis *a = doc->incr;
  if (!a || doc->len < a->parallel_from || a->worker_failed) return NULL;
  if (!a->worker && !(a->worker = cd_worker_new())) a->worker_failed = true;
  return a->worker;
}

void cd_incr_map_room(const cd_doc *doc, cd_incr_map which, cd_strmap *m) {
  if (!doc->incr) return;
  size_t n = doc->incr->map_size[which];
  cd_strmap_reserve(m, n + n / 8); /* a keystroke may add a key or two */
}

void cd_incr_map_filled(cd_doc *doc, cd_incr_map which, const cd_strmap *m) {
  if (doc->incr) doc->incr->map_size[which] = m->len;
}
