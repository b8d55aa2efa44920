/* cd_analyze: runs the passes in order and hands out the tables. */
#include <stdlib.h>
#include <stdint.h>
#include <string.h>

#include "doc.h"
#include "incremental.h"
#include "namekey.h"
#include "names_lex.h"
#include "words.h"
#include "worker.h"

cd_report *cd_analyze(const char *text, size_t len, cd_format format, const cd_config *config) {
  return cd_doc_analyze(text, len, format, config, NULL, 0, NULL);
}

cd_report *cd_analyze_with_record(const char *text, size_t len, cd_format format, const cd_config *config,
                                  const cd_record_source *const *sources, size_t n_sources) {
  return cd_doc_analyze(text, len, format, config, sources, n_sources, NULL);
}

static cd_report *analyze(const char *text, size_t len, cd_format format, const cd_config *config,
                          const cd_record_source *const *sources, size_t n_sources, cd_analysis *incr,
                          bool keep_tables);

cd_report *cd_doc_analyze(const char *text, size_t len, cd_format format, const cd_config *config,
                          const cd_record_source *const *sources, size_t n_sources, cd_analysis *incr) {
  return analyze(text, len, format, config, sources, n_sources, incr, false);
}

cd_report *cd_doc_analyze_keep_tables(const char *text, size_t len, cd_format format, const cd_config *config) {
  return analyze(text, len, format, config, NULL, 0, NULL, true);
}

/* The names pass's first step on a copy of the report (cd_doc) of its own. */
typedef struct names_job {
  cd_doc *side;
  cd_names_run *run;
} names_job;

static void names_begin_job(void *p) {
  names_job *j = p;
  j->run = cd_pass_names_begin(j->side);
}

/* Runs the names pass and, meanwhile, the attribution and claims passes, with a second thread
 * (cd_incr_worker): the names pass's first step reads the mentions, entities and tokens, which
 * nothing changes from here on, and writes what no other pass reads or writes: its diagnostics,
 * arena, name keys and kept indexes. It gets a copy of the report with its own arena and table of
 * diagnostics, and the name-key fields it may set are taken back from the copy afterwards. Its
 * diagnostics go in where one thread puts them, before the claims pass's; only the few
 * first-reference findings that wait for the speakers (cd_pass_names_end) come after the claims
 * pass's, and findings are sorted by where they are and their code, which never coincide between
 * those and the claims pass's. Returns false, having done nothing, when there is no second
 * thread. */
static bool names_beside(cd_doc *doc, cd_worker *w) {
  if (!w) return false;
  cd_doc side = *doc;
  side.arena = cd_arena_new();
  if (!side.arena) return false;
  side.name_keys.arena = side.arena;
  cd_vec_init(&side.diags, sizeof(cd_diagnostic));
  names_job job = {&side, NULL};
  cd_worker_run(w, names_begin_job, &job);
  cd_pass_attribution(doc);
  size_t claims_from = doc->diags.len;
  cd_pass_claims(doc);
  cd_worker_wait(w);
  doc->name_keys = side.name_keys;
  doc->name_keys.arena = doc->arena;
  doc->span_keys = side.span_keys;
  doc->span_keys_buckets = side.span_keys_buckets;
  doc->span_keys_scale = side.span_keys_scale;
  doc->kept_keys = side.kept_keys;
  doc->token_keys = side.token_keys;
  doc->mention_keys = side.mention_keys;
  cd_arena_adopt(doc->arena, side.arena);
  size_t n = side.diags.len;
  if (n) {
    cd_vec_reserve_more(&doc->diags, n);
    cd_diagnostic *d = doc->diags.data;
    memmove(d + claims_from + n, d + claims_from, (doc->diags.len - claims_from) * sizeof *d);
    memcpy(d + claims_from, side.diags.data, n * sizeof *d);
    doc->diags.len += n;
  }
  cd_vec_free(&side.diags);
  cd_pass_names_end(doc, job.run);
  cd_doc_name_keys_free(doc);
  return true;
}

static cd_report *analyze(const char *text, size_t len, cd_format format, const cd_config *config,
                          const cd_record_source *const *sources, size_t n_sources, cd_analysis *incr,
                          bool keep_tables) {
  cd_doc *doc = calloc(1, sizeof *doc);
  cd_config *defaults = NULL;
  if (!doc) return NULL;
  if (len > CD_MAX_TEXT_LEN) len = CD_MAX_TEXT_LEN; /* token offsets are 32-bit */
  if (!config) {
    defaults = cd_config_new();
    if (!defaults) goto fail;
    config = defaults;
  }
  doc->arena = cd_arena_new();
  doc->prose = malloc(len + 1);
  if (!doc->arena || !doc->prose) goto fail;
  doc->text = text ? text : "";
  doc->len = text ? len : 0;
  doc->format = format;
  doc->config = config;
  doc->keep_tables = keep_tables;
  doc->record = sources;
  doc->n_record = sources ? n_sources : 0;
  doc->headline.start = doc->headline.end = CD_NONE;
  cd_strmap_init(&doc->name_keys, doc->arena);
  cd_vec_init(&doc->paras, sizeof(cd_para));
  cd_vec_init(&doc->tokens, sizeof(cd_token));
  cd_vec_init(&doc->sentences, sizeof(cd_sentence));
  cd_vec_init(&doc->quotes, sizeof(cd_quote));
  cd_vec_init(&doc->quote_work, sizeof(cd_quote_work));
  cd_vec_init(&doc->mentions, sizeof(cd_name_mention));
  cd_vec_init(&doc->entities, sizeof(cd_entity));
  cd_vec_init(&doc->diags, sizeof(cd_diagnostic));
  cd_vec_init(&doc->invalid, sizeof(cd_span));
  cd_vec_init(&doc->record_matches, sizeof(cd_record_match));

  cd_pass_source(doc);
  doc->incr = incr;
  /* the names pass will run on the second thread: it wakes while the passes before run */
  cd_worker *w = cd_incr_worker(doc);
  if (w) cd_worker_warm(w);
  if (incr) {
    cd_incr_match(incr, doc);
    cd_incr_reserve(incr, doc);
    doc->kept_keys = cd_incr_name_keys(doc);
  }
  cd_pass_tokens(doc);
  /* The tables are built pass by pass and never grow after their own pass: their spare room goes
   * back at once, where the tables built next (sentences, mentions, ...) are cut from it instead
   * of from fresh pages (a fifth of the tokens' reserve goes unused on news copy). Not through a
   * handle: its versions take turns with the same tables (cd_incr_reserve), and a table shrunk
   * here was grown again on the next keystroke, into fresh pages (without the server's malloc
   * settings, page faults were a sixth of a keystroke). */
  if (!incr) cd_vec_shrink(&doc->tokens);
  cd_pass_sentences(doc);
  if (!incr) cd_vec_shrink(&doc->sentences);
  if (incr) cd_incr_keep_tokens(incr, doc);
  if (!keep_tables) { /* tokens hold prose bytes only: no later pass asks */
    free(doc->prose);
    doc->prose = NULL;
  }
  cd_pass_quotes(doc);
  cd_pass_mentions(doc);
  if (!incr) cd_vec_shrink(&doc->mentions);
  if (incr) cd_incr_keep_mentions(incr);
  cd_pass_entities(doc);
  if (!names_beside(doc, w)) {
    cd_names_run *names = cd_pass_names_begin(doc);
    cd_pass_attribution(doc);
    cd_pass_names_end(doc, names);
    /* the last pass to ask for name keys: the table goes before the claims and findings passes
     * add their diagnostics (the keys stay in the arena) */
    cd_doc_name_keys_free(doc);
    cd_pass_claims(doc);
  }
  cd_pass_record(doc);
  cd_pass_findings(doc);
  if (incr) cd_incr_keep_final(incr, doc);
  doc->incr = NULL;
  doc->kept_keys = NULL;
  doc->token_keys = doc->mention_keys = NULL;

  /* The public tables are all that is left to read: the working ones go (a long text's tokens
   * alone are three bytes per byte of text). */
  if (!keep_tables) {
    cd_vec *work[] = {&doc->tokens, &doc->sentences, &doc->mentions, &doc->quote_work};
    for (size_t i = 0; i < sizeof work / sizeof work[0]; i++) cd_vec_free(work[i]);
  }
  /* A report may be kept for long (a server holds one per open document): no spare capacity. */
  cd_vec *tables[] = {&doc->paras, &doc->tokens, &doc->sentences, &doc->quotes, &doc->quote_work,
                      &doc->mentions, &doc->entities, &doc->diags, &doc->invalid, &doc->record_matches};
  for (size_t i = 0; i < sizeof tables / sizeof tables[0]; i++) cd_vec_shrink(tables[i]);

  /* The text and configuration were borrowed for the call only. */
  doc->text = NULL;
  doc->config = NULL;
  doc->record = NULL;
  cd_config_free(defaults);
  return doc;
fail:
  cd_config_free(defaults);
  if (doc) {
    cd_arena_free(doc->arena);
    free(doc->prose);
    free(doc);
  }
  return NULL;
}

void cd_report_free(cd_report *doc) {
  if (!doc) return;
  cd_vec_free(&doc->paras);
  cd_vec_free(&doc->tokens);
  cd_vec_free(&doc->sentences);
  cd_vec_free(&doc->quotes);
  cd_vec_free(&doc->quote_work);
  cd_vec_free(&doc->mentions);
  cd_vec_free(&doc->entities);
  cd_vec_free(&doc->diags);
  cd_vec_free(&doc->invalid);
  cd_vec_free(&doc->record_matches);
  free(doc->prose);
  cd_arena_free(doc->arena);
  free(doc);
}

const cd_quote *cd_report_quotes(const cd_report *r, size_t *count) {
  *count = r->quotes.len;
  return r->quotes.data;
}

const cd_entity *cd_report_entities(const cd_report *r, size_t *count) {
  *count = r->entities.len;
  return r->entities.data;
}

const cd_diagnostic *cd_report_diagnostics(const cd_report *r, size_t *count) {
  *count = r->diags.len;
  return r->diags.data;
}

const cd_span *cd_report_paragraphs(const cd_report *r, size_t *count) {
  *count = r->paras.len;
  return r->para_spans;
}

cd_span cd_report_headline(const cd_report *r) { return r->headline; }

/* Are the n bytes at text a span of the document's own text (not a configured name or a string a
 * pass made)? */
static bool in_text(const cd_doc *doc, const char *text, size_t n) {
  return text >= doc->text && text <= doc->text + doc->len && n <= doc->len - (size_t)(text - doc->text);
}

/* The memo's bucket for a span of the text, or NULL when the bytes are not the text's or the memo
 * cannot be had. A bucket holds the spans that start in a stretch of the text (about a mention's
 * worth): the passes walk the text in order, so they walk the memo in order too, a line at a time,
 * where a hash sent each ask to a line of its own in a table larger than the cache. A span of the
 * text fits a slot: the text is at most CD_MAX_TEXT_LEN bytes, below 2^32. */
static struct cd_span_key *span_bucket(cd_doc *doc, const char *text, size_t n) {
  if (!in_text(doc, text, n)) return NULL;
  if (!doc->span_keys) {
    /* a few slots per mention: the spans asked about are mentions, their words and surnames; at
     * most 65,536 (1 MB), enough for an article that is edited: a long text's memo touches every
     * page of its table, and four slots a mention came to 2.3 bytes a byte of peak memory on a
     * 16 MB file of real articles */
    size_t cap = 256;
    while (cap < 4 * doc->mentions.len && cap < ((size_t)1 << 16)) cap *= 2;
    size_t bytes = cap * sizeof *doc->span_keys;
    doc->span_keys = aligned_alloc(CD_SPAN_WAYS * sizeof *doc->span_keys, bytes);
    if (!doc->span_keys) return NULL;
    memset(doc->span_keys, 0, bytes);
    doc->span_keys_buckets = cap / CD_SPAN_WAYS;
    doc->span_keys_scale = ((uint64_t)doc->span_keys_buckets << 32) / ((uint64_t)doc->len + 1);
  }
  uint64_t start = (uint64_t)(text - doc->text);
  return &doc->span_keys[((start * doc->span_keys_scale) >> 32) * CD_SPAN_WAYS];
}

/* Past the memo (cd_doc_span_key, inline in doc.h): the name-key table's key (cd_name_key_in, or
 * with `known` cd_name_key_known), kept in the memo when there is one (no answer is kept when the
 * key is not interned: a later pass may intern it). A document analysed through a handle asks the
 * handle's table, kept across versions (namekey_kept.h), instead. */
const char *cd_doc_name_key_miss(cd_doc *doc, const char *text, size_t n, bool known) {
  if (doc->kept_keys) {
    return cd_keys_kept_key(doc->kept_keys, text, in_text(doc, text, n) ? (size_t)(text - doc->text) : SIZE_MAX, n,
                            doc->mentions.len, known);
  }
  struct cd_span_key *s = span_bucket(doc, text, n);
  const char *key = known ? cd_name_key_known(&doc->name_keys, text, n) : cd_name_key_in(&doc->name_keys, text, n);
  if (s && key) { /* the newest first: the oldest goes */
    for (int w = CD_SPAN_WAYS - 1; w > 0; w--) s[w] = s[w - 1];
    s[0] = (struct cd_span_key){(uint64_t)(text - doc->text) | (uint64_t)n << 32, key};
  }
  return key;
}

const char *cd_doc_intern_key(cd_doc *doc, const char *key, size_t n) {
  return doc->kept_keys ? cd_keys_kept_intern(doc->kept_keys, key, n) : cd_strmap_intern(&doc->name_keys, key, n);
}

const char *cd_doc_find_key(const cd_doc *doc, const char *key, size_t n) {
  return doc->kept_keys ? cd_keys_kept_find(doc->kept_keys, key, n) : cd_strmap_key(&doc->name_keys, key, n);
}

/* The key in a per-span slot of the handle's (entry + 1), else asked of the kept table and noted
 * there: a span the edit left alone keeps its slot from version to version. */
static const char *slot_key(cd_doc *doc, uint32_t *slot, size_t start, size_t end) {
  if (*slot) return cd_keys_kept_entry_key(doc->kept_keys, *slot - 1);
  uint32_t e;
  const char *key = start <= doc->len && end >= start && end <= doc->len
                        ? cd_keys_kept_key_entry(doc->kept_keys, doc->text + start, start, end - start,
                                                 doc->mentions.len, &e)
                        : NULL;
  if (!key) return cd_doc_name_key(doc, doc->text + start, end - start);
  if (e != UINT32_MAX) *slot = e + 1;
  return key;
}

const char *cd_doc_kept_token_key(cd_doc *doc, size_t t) {
  const cd_token *tk = doc_tok(doc, t);
  if (!doc->token_keys && !(doc->token_keys = cd_incr_token_keys(doc)))
    return cd_doc_name_key(doc, doc->text + tk->start, tk->len);
  return slot_key(doc, &doc->token_keys[t], tk->start, cd_tok_end(tk));
}

const char *cd_doc_kept_mention_key(cd_doc *doc, size_t mi, unsigned part, size_t start, size_t end) {
  if (!doc->mention_keys && !(doc->mention_keys = cd_incr_mention_keys(doc)))
    return cd_doc_name_key(doc, doc->text + start, end - start);
  return slot_key(doc, &doc->mention_keys[mi * CD_MENTION_KEYS + part], start, end);
}

/* Answers about a key kept with it by the handle, asked once per key while the handle keeps it. */
enum { KF_RENAMED = 1, KF_PROPER = 4, KF_COMMON = 16, KF_ALIAS_KNOWN = 64 }; /* each bit's answer is the next */

static bool key_fact(cd_doc *doc, const char *key, uint8_t asked, bool (*answer)(const char *)) {
  cd_key_memo *m = cd_keys_kept_memo(doc->kept_keys, key);
  if (!m) return answer(key);
  if (!(m->flags & asked)) m->flags |= (uint8_t)(asked | (answer(key) ? asked << 1 : 0));
  return m->flags & (asked << 1);
}

static bool common_key(const char *key) { return cd_is_common_word(key, strlen(key)); }

bool cd_doc_key_renamed(cd_doc *doc, const char *key) { return key_fact(doc, key, KF_RENAMED, cd_is_renamed); }
bool cd_doc_key_proper(cd_doc *doc, const char *key) { return key_fact(doc, key, KF_PROPER, cd_is_proper_word); }
bool cd_doc_key_common(cd_doc *doc, const char *key) { return key_fact(doc, key, KF_COMMON, common_key); }
bool cd_doc_key_alias_known(cd_doc *doc, const char *key) { return key_fact(doc, key, KF_ALIAS_KNOWN, cd_alias_known); }

const char *cd_doc_key_builtin_alias(cd_doc *doc, const char *key) {
  cd_key_memo *m = cd_keys_kept_memo(doc->kept_keys, key);
  if (!m) return cd_rename_key(cd_alias_key(key));
  if (!m->alias) m->alias = cd_rename_key(cd_alias_key(key));
  return m->alias;
}

void cd_doc_name_keys_free(cd_doc *doc) {
  cd_strmap_free(&doc->name_keys);
  free(doc->span_keys);
  doc->span_keys = NULL;
}

cd_diagnostic *cd_doc_add_diag(cd_doc *doc, const char *code, size_t start, size_t end, const char *message) {
  cd_diagnostic *d = cd_vec_push(&doc->diags);
  d->code = code;
  d->severity = cd_config_severity(doc->config, code);
  d->span.start = start;
  d->span.end = end;
  d->message = message;
  d->quote = CD_NONE;
  d->entity = CD_NONE;
  return d;
}

/* Arrays inside a diagnostic live in the arena and hold n elements with room for a power of two:
 * they are copied only when n reaches one, so a finding that gathers every use of a form (a mixed
 * style across a long article) costs linear time, not a copy per use. */
static void *grow(cd_doc *doc, const void *old, size_t n, size_t elem) {
  /* room left below the next power of two: the arena block is the doc's own, so writable */
  if (n && (n & (n - 1)) != 0) return (void *)(uintptr_t)old;
  void *p = cd_arena_alloc(doc->arena, (n ? 2 * n : 1) * elem);
  if (p && n) memcpy(p, old, n * elem);
  return p;
}

void cd_diag_add_related(cd_doc *doc, cd_diagnostic *d, size_t start, size_t end, const char *message) {
  cd_related *r = grow(doc, d->related, d->n_related, sizeof *r);
  if (!r) return;
  r[d->n_related].span.start = start;
  r[d->n_related].span.end = end;
  r[d->n_related].message = message;
  d->related = r;
  d->n_related++;
}

cd_fix *cd_diag_add_fix(cd_doc *doc, cd_diagnostic *d, const char *title, bool preferred) {
  cd_fix *f = grow(doc, d->fixes, d->n_fixes, sizeof *f);
  if (!f) return NULL;
  f[d->n_fixes].title = title;
  f[d->n_fixes].preferred = preferred;
  d->fixes = f;
  return &f[d->n_fixes++];
}

void cd_fix_add_edit(cd_doc *doc, cd_fix *f, size_t start, size_t end, const char *new_text) {
  cd_edit *e = grow(doc, f->edits, f->n_edits, sizeof *e);
  if (!e) return;
  e[f->n_edits].span.start = start;
  e[f->n_edits].span.end = end;
  e[f->n_edits].new_text = new_text;
  f->edits = e;
  f->n_edits++;
}
