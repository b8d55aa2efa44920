/* Quote pass: pairs quotation marks into quotes, one stack per paragraph, and classes each quote.
 *
 * A closing mark closes the nearest open mark of its family; single marks that never pair are
 * apostrophes ('90s, Jones', runnin'). A paragraph that ends inside a quote continues only when
 * the next paragraph opens with a mark of the same family (the news convention for quotes over
 * several paragraphs); otherwise the quote is recovered at the paragraph end and reported as
 * unclosed, so one stray mark never pairs wrongly with the rest of the document. */
#include <stdlib.h>
#include <string.h>

#include "doc.h"
#include "quotes_kind.h"
#include "speech_verbs.h"
#include "words.h"

typedef struct open_mark {
  size_t tok;
  uint8_t family;
} open_mark;

static bool same_family(uint8_t a, uint8_t b) { return a == b; }

static cd_token *tok(cd_doc *doc, size_t i) { return CD_VEC_AT(&doc->tokens, cd_token, i); }

/* A quote while the marks are paired: what the public record is built from once the count is
 * known. A text made of quotation marks has a quote every few bytes, and the public record is 136
 * bytes: built by doubling, the array's spare room was as large again as the text's report. */
typedef struct pairing {
  uint32_t open_tok, close_tok; /* close_tok == open_tok when unclosed */
  uint32_t para;
  uint32_t end;       /* byte offset just past the quote */
  uint32_t level;
  uint32_t continues; /* paragraph_continues, or CD_NONE32 */
  bool closed;
} pairing;

static size_t add_quote(cd_vec *pairs, cd_doc *doc, size_t open, size_t close, uint32_t para, unsigned level,
                        bool closed) {
  pairing *q = cd_vec_push(pairs);
  const cd_para *p = CD_VEC_AT(&doc->paras, cd_para, para);
  q->open_tok = (uint32_t)open;
  q->close_tok = (uint32_t)(closed ? close : open);
  q->para = para;
  q->end = (uint32_t)(closed ? tok(doc, close)->end : p->span.end);
  q->level = level;
  q->continues = CD_NONE32;
  q->closed = closed;
  return pairs->len - 1;
}

static size_t pair_start(cd_doc *doc, const pairing *q) { return tok(doc, q->open_tok)->start; }

/* rock 'n' roll: both marks around a lone n are apostrophes. */
static void mark_elisions(cd_doc *doc, const cd_para *p) {
  for (size_t i = p->first_tok; i + 2 < p->end_tok; i++) {
    cd_token *a = tok(doc, i), *w = tok(doc, i + 1), *b = tok(doc, i + 2);
    if (a->kind == TOK_MARK && a->family == MF_SINGLE && b->kind == TOK_MARK && b->family == MF_SINGLE &&
        w->kind == TOK_WORD && w->end - w->start == 1 && (doc->text[w->start] | 0x20) == 'n' &&
        a->end == w->start && w->end == b->start) {
      a->role = MR_APOS;
      b->role = MR_APOS;
    }
  }
}

/* Does paragraph `pi` open with a mark of `family`? */
static bool para_opens_with(cd_doc *doc, size_t pi, uint8_t family) {
  if (pi >= doc->paras.len) return false;
  const cd_para *p = CD_VEC_AT(&doc->paras, cd_para, pi);
  if (p->first_tok >= p->end_tok) return false;
  const cd_token *t = tok(doc, p->first_tok);
  return t->kind == TOK_MARK && (t->role & MR_OPEN) && same_family(t->family, family);
}

static void unclosed(cd_doc *doc, size_t open_tok, size_t quote) {
  const cd_token *t = tok(doc, open_tok);
  cd_diagnostic *d = cd_doc_add_diag(
      doc, "quote.unclosed", t->start, t->end,
      "This quotation mark is never closed in its paragraph. Close it, or open the next paragraph with one "
      "if the quote runs on.");
  d->quote = quote;
}

static void stray_close(cd_doc *doc, size_t close_tok) {
  const cd_token *t = tok(doc, close_tok);
  cd_doc_add_diag(doc, "quote.unclosed", t->start, t->end,
                  "This closing quotation mark has no opening mark. Add the opening mark where the quote "
                  "starts, or remove this one.");
}

/* A quote's span for sorting by containment: start ascending, the longer first. */
typedef struct span_ref {
  uint32_t start, end;
  pairing *q;
} span_ref;

static int cmp_span(const void *a, const void *b) {
  const span_ref *x = a, *y = b;
  if (x->start != y->start) return x->start < y->start ? -1 : 1;
  return x->end > y->end ? -1 : x->end < y->end;
}

/* Nesting levels from containment among the paragraph's quotes, so a mark that turned out to be
 * an apostrophe ('Tis) pushes no quote down a level. */
static void relevel(cd_doc *doc, cd_vec *pairs, size_t first) {
  size_t n = pairs->len - first;
  if (n < 2) {
    if (n == 1) CD_VEC_AT(pairs, pairing, first)->level = 0;
    return;
  }
  /* scratch, freed here: arena memory would stay until the report is freed */
  span_ref *order = malloc(n * sizeof *order);
  size_t *ends = malloc(n * sizeof *ends);
  if (!order || !ends) {
    free(order);
    free(ends);
    return;
  }
  for (size_t i = 0; i < n; i++) {
    pairing *q = CD_VEC_AT(pairs, pairing, first + i);
    order[i] = (span_ref){(uint32_t)pair_start(doc, q), q->end, q};
  }
  qsort(order, n, sizeof *order, cmp_span);
  size_t depth = 0;
  for (size_t i = 0; i < n; i++) {
    while (depth > 0 && ends[depth - 1] <= order[i].start) depth--;
    order[i].q->level = (uint32_t)depth;
    ends[depth++] = order[i].end;
  }
  free(order);
  free(ends);
}

/* ", said Beatrix Halloran" / ", Halloran said" inside an open quote: the writer's attribution,
 * so the quote should have closed before that comma. Returns the comma, or CD_NONE. */
static size_t attribution_inside(cd_doc *doc, size_t from, size_t end) {
  for (size_t k = from; k + 2 < end; k++) {
    const cd_token *c = tok(doc, k);
    if (c->kind != TOK_PUNCT || doc->text[c->start] != ',') continue;
    const cd_token *a = tok(doc, k + 1), *b = tok(doc, k + 2);
    bool a_verb = a->kind == TOK_WORD && (a->flags & TF_LOWER) && cd_is_speech_verb(doc->config, doc->text + a->start, a->end - a->start);
    bool b_verb = b->kind == TOK_WORD && (b->flags & TF_LOWER) && cd_is_speech_verb(doc->config, doc->text + b->start, b->end - b->start);
    if (a_verb && b->kind == TOK_WORD && (b->flags & TF_CAP)) return k;
    if (a->kind == TOK_WORD && (a->flags & TF_CAP) && b_verb) return k;
    if (a->kind == TOK_WORD && (a->flags & TF_CAP) && k + 3 < end && b->kind == TOK_WORD && (b->flags & TF_CAP)) {
      const cd_token *v = tok(doc, k + 3);
      if (v->kind == TOK_WORD && (v->flags & TF_LOWER) && cd_is_speech_verb(doc->config, doc->text + v->start, v->end - v->start))
        return k;
    }
  }
  return CD_NONE;
}

/* Only a quote that opens its paragraph or a sentence, or is introduced (after ':' ',' a dash or
 * a verb of saying), runs on into the next paragraph; a fragment woven into the writer's sentence
 * ("would take “at least six weeks") that never closes is an unclosed mark. */
static bool may_run_on(cd_doc *doc, const cd_para *p, size_t open) {
  if (open == p->first_tok) return true;
  const cd_token *prev = tok(doc, open - 1);
  if (prev->kind == TOK_PUNCT) {
    char c = doc->text[prev->start];
    return c == ':' || c == ',' || c == '.' || c == '!' || c == '?' || c == ';' || (unsigned char)c == 0xE2 ||
           c == '-'; /* introduced, or opening a sentence of its own */
  }
  return prev->kind == TOK_WORD && (prev->flags & TF_LOWER) &&
         cd_is_speech_verb(doc->config, doc->text + prev->start, prev->end - prev->start);
}

static void pair_paragraph(cd_doc *doc, cd_vec *pairs, size_t pi, size_t *pending_continue) {
  const cd_para *p = CD_VEC_AT(&doc->paras, cd_para, pi);
  size_t first_quote = pairs->len;
  open_mark stack[64];
  size_t depth = 0;
  mark_elisions(doc, p);
  for (size_t i = p->first_tok; i < p->end_tok; i++) {
    cd_token *t = tok(doc, i);
    if (t->kind != TOK_MARK) continue;
    if (t->role == MR_APOS) continue;
    /* close the nearest open mark of this family, dropping single marks above it (apostrophes) */
    if (t->role & MR_CLOSE) {
      size_t k = depth;
      while (k > 0 && !same_family(stack[k - 1].family, t->family)) k--;
      bool opener_here = k > 0;
      if (opener_here && (t->role & MR_OPEN) && k != depth && stack[depth - 1].family != MF_SINGLE)
        opener_here = false; /* an ambiguous mark inside another family's quote opens a nested one */
      if (opener_here) {
        for (size_t m = depth; m > k; m--) {
          cd_token *o = tok(doc, stack[m - 1].tok);
          o->role = MR_APOS;
        }
        depth = k - 1;
        cd_token *o = tok(doc, stack[depth].tok);
        o->role = MR_OPEN;
        t->role = MR_CLOSE;
        size_t qi = add_quote(pairs, doc, stack[depth].tok, i, (uint32_t)pi, (unsigned)depth, true);
        if (*pending_continue != CD_NONE && stack[depth].tok == p->first_tok && depth == 0) {
          CD_VEC_AT(pairs, pairing, qi)->continues = (uint32_t)*pending_continue;
          *pending_continue = CD_NONE;
        }
        continue;
      }
    }
    if ((t->role & MR_OPEN) && depth < sizeof stack / sizeof stack[0]) {
      stack[depth].tok = i;
      stack[depth].family = t->family;
      depth++;
      continue;
    }
    if (t->role & MR_APOS) {
      t->role = MR_APOS;
      continue;
    }
    t->role = 0;
    if (t->family != MF_SINGLE) stray_close(doc, i);
  }
  /* what is still open at the paragraph end */
  size_t continued = CD_NONE;
  for (size_t m = 0; m < depth; m++) {
    size_t said = m == 0 ? attribution_inside(doc, stack[m].tok + 1, p->end_tok) : CD_NONE;
    cd_token *o = tok(doc, stack[m].tok);
    if (o->family == MF_SINGLE && m > 0) {
      o->role = MR_APOS; /* 'em, ’tis: an unpaired single mark inside a quote */
      continue;
    }
    if (o->family == MF_SINGLE && (o->role & MR_APOS)) {
      o->role = MR_APOS;
      continue;
    }
    o->role = MR_OPEN;
    bool continues = m == 0 && said == CD_NONE && para_opens_with(doc, pi + 1, o->family) &&
                     may_run_on(doc, p, stack[m].tok);
    size_t qi = add_quote(pairs, doc, stack[m].tok, stack[m].tok, (uint32_t)pi, (unsigned)m, false);
    pairing *q = CD_VEC_AT(pairs, pairing, qi);
    if (!continues) {
      /* recover where the error shows: at its own attribution (", said X"), or before the next
       * opening mark of the family; the quotes after it are no longer inside it */
      size_t stop = said;
      for (size_t k = stack[m].tok + 1; stop == CD_NONE && k < p->end_tok; k++) {
        const cd_token *t = tok(doc, k);
        if (t->kind == TOK_MARK && t->role == MR_OPEN && same_family(t->family, o->family)) stop = k;
      }
      if (stop != CD_NONE) {
        size_t end = stop;
        while (end > stack[m].tok + 1 && tok(doc, end - 1)->kind == TOK_PUNCT && doc->text[tok(doc, end - 1)->start] == ',') end--;
        q->end = tok(doc, end - 1)->end;
      }
      for (size_t k = first_quote; k < qi; k++) {
        pairing *inner = CD_VEC_AT(pairs, pairing, k);
        if (pair_start(doc, inner) > pair_start(doc, q) && inner->level > m) inner->level--;
      }
    }
    if (m == 0 && *pending_continue != CD_NONE && stack[m].tok == p->first_tok) {
      q->continues = (uint32_t)*pending_continue;
      *pending_continue = CD_NONE;
    }
    if (continues) {
      q->closed = true; /* legitimately runs on: not an error */
      continued = qi;
    } else {
      unclosed(doc, stack[m].tok, qi);
    }
  }
  *pending_continue = continued;
  relevel(doc, pairs, first_quote);
}

/* Quotes were added in closing order: sorts them by start (a stable insertion sort, as they are
 * nearly sorted already), renumbering what points at them. */
static void sort_pairs(cd_doc *doc, cd_vec *pairs) {
  size_t n = pairs->len;
  pairing *q = pairs->data;
  size_t sorted = 1;
  while (sorted < n && pair_start(doc, &q[sorted - 1]) <= pair_start(doc, &q[sorted])) sorted++;
  if (sorted >= n) return; /* no nesting: nothing to move, nothing to copy */
  /* scratch, freed here: arena memory would stay until the report is freed */
  size_t *map = malloc((n + 1) * sizeof *map); /* old index -> new */
  size_t *order = malloc((n + 1) * sizeof *order);
  pairing *qs = malloc((n + 1) * sizeof *q);
  if (!map || !order || !qs) goto done;
  for (size_t i = 0; i < n; i++) order[i] = i;
  for (size_t i = 1; i < n; i++) {
    size_t k = order[i], j = i, start = pair_start(doc, &q[k]);
    while (j > 0 && pair_start(doc, &q[order[j - 1]]) > start) {
      order[j] = order[j - 1];
      j--;
    }
    order[j] = k;
  }
  memcpy(qs, q, n * sizeof *q);
  for (size_t i = 0; i < n; i++) map[order[i]] = i;
  for (size_t i = 0; i < n; i++) {
    q[i] = qs[order[i]];
    if (q[i].continues != CD_NONE32) q[i].continues = (uint32_t)map[q[i].continues];
  }
  for (size_t i = 0; i < doc->diags.len; i++) {
    cd_diagnostic *d = CD_VEC_AT(&doc->diags, cd_diagnostic, i);
    if (d->quote != CD_NONE) d->quote = map[d->quote];
  }
done:
  free(map);
  free(order);
  free(qs);
}

/* The public records and their working fields, each table allocated once at its final size. */
static void build_quotes(cd_doc *doc, const cd_vec *pairs) {
  size_t n = pairs->len;
  cd_vec_reserve(&doc->quotes, n);
  cd_vec_reserve(&doc->quote_work, n);
  for (size_t i = 0; i < n; i++) {
    const pairing *pq = CD_VEC_AT(pairs, pairing, i);
    const cd_token *o = tok(doc, pq->open_tok);
    bool pair = pq->close_tok != pq->open_tok;
    cd_quote *q = CD_VEC_AT(&doc->quotes, cd_quote, i);
    *q = (cd_quote){.span = {o->start, pq->end},
                    .inner = {o->end, pair ? tok(doc, pq->close_tok)->start : pq->end},
                    .kind = CD_QUOTE_SPEECH,
                    .level = pq->level,
                    .headline = CD_VEC_AT(&doc->paras, cd_para, pq->para)->headline,
                    .closed = pq->closed,
                    .paragraph_continues = pq->continues == CD_NONE32 ? CD_NONE : pq->continues,
                    .speaker_span = {CD_NONE, CD_NONE},
                    .cue_span = {CD_NONE, CD_NONE},
                    .entity = CD_NONE,
                    .continues = CD_NONE};
    *CD_VEC_AT(&doc->quote_work, cd_quote_work, i) =
        (cd_quote_work){.open_tok = pq->open_tok, .close_tok = pq->close_tok, .para = pq->para};
  }
  doc->quotes.len = doc->quote_work.len = n;
}

static void assign_tokens(cd_doc *doc) {
  for (size_t qi = 0; qi < doc->quotes.len; qi++) {
    const cd_quote *q = CD_VEC_AT(&doc->quotes, cd_quote, qi);
    const cd_quote_work *w = CD_VEC_AT(&doc->quote_work, cd_quote_work, qi);
    const cd_para *p = CD_VEC_AT(&doc->paras, cd_para, w->para);
    size_t end = q->closed && w->close_tok != w->open_tok ? (size_t)w->close_tok + 1 : p->end_tok;
    for (size_t i = w->open_tok; i < end && tok(doc, i)->start < q->span.end; i++) {
      tok(doc, i)->flags |= TF_QUOTED;
    }
  }
}

void cd_pass_quotes(cd_doc *doc) {
  size_t pending = CD_NONE;
  cd_vec pairs;
  cd_vec_init(&pairs, sizeof(pairing));
  for (size_t pi = 0; pi < doc->paras.len; pi++) pair_paragraph(doc, &pairs, pi, &pending);
  sort_pairs(doc, &pairs);
  build_quotes(doc, &pairs);
  cd_vec_free(&pairs);
  assign_tokens(doc);
  for (size_t qi = 0; qi < doc->quotes.len; qi++) cd_quote_classify(doc, qi);
}
