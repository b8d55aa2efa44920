/* cd_analysis: a document analysed version after version, reusing the tokens and sentences of the
 * paragraphs an edit left alone (see incremental.h for when a paragraph qualifies). */
#include "incremental.h"

#include <stdlib.h>
#include <string.h>

struct cd_analysis {
  /* the previous version (valid when `have`): its text, prose bytes and per-paragraph tables as
   * the sentences pass left them (before quote pairing rewrites the marks' roles) */
  bool have;
  char *text;
  size_t len;
  uint8_t *prose;
  cd_vec paras;     /* cd_para */
  cd_vec tokens;    /* cd_token */
  cd_vec sentences; /* cd_sentence */
  /* for the version being analysed: per paragraph, the old paragraph whose tables it takes, or
   * CD_NONE */
  cd_vec from; /* size_t */
  size_t reused; /* how many of them take old tables */
};

cd_analysis *cd_analysis_new(void) {
  cd_analysis *a = calloc(1, sizeof *a);
  if (!a) return NULL;
  cd_vec_init(&a->paras, sizeof(cd_para));
  cd_vec_init(&a->tokens, sizeof(cd_token));
  cd_vec_init(&a->sentences, sizeof(cd_sentence));
  cd_vec_init(&a->from, sizeof(size_t));
  return a;
}

void cd_analysis_free(cd_analysis *a) {
  if (!a) return;
  free(a->text);
  free(a->prose);
  cd_vec_free(&a->paras);
  cd_vec_free(&a->tokens);
  cd_vec_free(&a->sentences);
  cd_vec_free(&a->from);
  free(a);
}

cd_report *cd_analysis_update(cd_analysis *a, const char *text, size_t len, cd_format format,
                              const cd_config *config) {
  cd_report *r = cd_doc_analyze(text, len, format, config, a);
  if (!r) a->have = false; /* the kept tables may be half written */
  return r;
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

static const cd_para *old_para(const cd_analysis *a, size_t i) { return CD_VEC_AT(&a->paras, cd_para, i); }

void cd_incr_match(cd_analysis *a, const cd_doc *doc) {
  size_t np = doc->paras.len;
  cd_vec_reserve(&a->from, np + 1);
  a->from.len = np;
  size_t *from = a->from.data;
  for (size_t i = 0; i < np; i++) from[i] = CD_NONE;
  a->reused = 0;
  if (!a->have) return;
  size_t n = a->len < doc->len ? a->len : doc->len;
  size_t prefix = common_prefix(a->text, doc->text, n);
  size_t suffix = common_suffix(a->text, a->len, doc->text, doc->len, n - prefix);
  /* old paragraphs are met in order: those before the edit at the same offsets, those after it
   * shifted by the change in length */
  size_t oi = 0;
  for (size_t pi = 0; pi < np; pi++) {
    const cd_para *p = CD_VEC_AT(&doc->paras, cd_para, pi);
    size_t s = p->span.start, e = p->span.end, os;
    if (e <= prefix)
      os = s;
    else if (s >= doc->len - suffix)
      os = s - doc->len + a->len;
    else
      continue;
    while (oi < a->paras.len && old_para(a, oi)->span.start < os) oi++;
    if (oi == a->paras.len) break;
    const cd_para *o = old_para(a, oi);
    if (o->span.start != os || o->span.end - os != e - s) continue;
    if (memcmp(a->prose + os, doc->prose + s, e - s) != 0) continue;
    from[pi] = oi;
    a->reused++;
  }
}

size_t cd_incr_reused(const cd_analysis *a) { return a->reused; }

bool cd_incr_tokens(cd_doc *doc, uint32_t pi) {
  cd_analysis *a = doc->incr;
  size_t oi = *CD_VEC_AT(&a->from, size_t, pi);
  if (oi == CD_NONE) return false;
  const cd_para *o = old_para(a, oi);
  cd_para *p = CD_VEC_AT(&doc->paras, cd_para, pi);
  size_t n = o->end_tok - o->first_tok;
  cd_vec_reserve(&doc->tokens, doc->tokens.len + n);
  cd_token *t = CD_VEC_AT(&doc->tokens, cd_token, doc->tokens.len);
  memcpy(t, CD_VEC_AT(&a->tokens, cd_token, o->first_tok), n * sizeof *t);
  for (size_t k = 0; k < n; k++) {
    t[k].start = t[k].start - o->span.start + p->span.start;
    t[k].end = t[k].end - o->span.start + p->span.start;
    t[k].para = pi;
  }
  p->first_tok = (uint32_t)doc->tokens.len;
  doc->tokens.len += n;
  p->end_tok = (uint32_t)doc->tokens.len;
  return true;
}

bool cd_incr_sentences(cd_doc *doc, uint32_t pi) {
  cd_analysis *a = doc->incr;
  size_t oi = *CD_VEC_AT(&a->from, size_t, pi);
  if (oi == CD_NONE) return false;
  const cd_para *o = old_para(a, oi);
  const cd_para *p = CD_VEC_AT(&doc->paras, cd_para, pi);
  /* the old paragraph's sentences: the first whose paragraph is not before it, onwards */
  size_t lo = 0, hi = a->sentences.len;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (CD_VEC_AT(&a->sentences, cd_sentence, mid)->para < oi)
      lo = mid + 1;
    else
      hi = mid;
  }
  for (size_t si = lo; si < a->sentences.len; si++) {
    const cd_sentence *os = CD_VEC_AT(&a->sentences, cd_sentence, si);
    if (os->para != oi) break;
    cd_sentence *s = cd_vec_push(&doc->sentences);
    s->span.start = os->span.start - o->span.start + p->span.start;
    s->span.end = os->span.end - o->span.start + p->span.start;
    s->para = pi;
    s->first_tok = os->first_tok - o->first_tok + p->first_tok;
    s->end_tok = os->end_tok - o->first_tok + p->first_tok;
    uint32_t index = (uint32_t)(doc->sentences.len - 1);
    for (size_t k = s->first_tok; k < s->end_tok; k++) CD_VEC_AT(&doc->tokens, cd_token, k)->sent = index;
  }
  return true;
}

static void copy_vec(cd_vec *to, const cd_vec *from) {
  cd_vec_reserve(to, from->len + 1);
  if (from->len) memcpy(to->data, from->data, from->len * from->elem);
  to->len = from->len;
}

void cd_incr_keep(cd_analysis *a, const cd_doc *doc) {
  a->have = false;
  char *text = realloc(a->text, doc->len + 1);
  if (text) a->text = text;
  uint8_t *prose = realloc(a->prose, doc->len + 1);
  if (prose) a->prose = prose;
  if (!text || !prose) return; /* nothing kept: the next version is analysed afresh */
  memcpy(a->text, doc->text, doc->len);
  memcpy(a->prose, doc->prose, doc->len);
  a->len = doc->len;
  copy_vec(&a->paras, &doc->paras);
  copy_vec(&a->tokens, &doc->tokens);
  copy_vec(&a->sentences, &doc->sentences);
  a->have = true;
}
