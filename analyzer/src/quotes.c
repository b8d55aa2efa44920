/* Quote pass: pairs quotation marks into quotes, one stack per paragraph, and classes each quote.
 *
 * A closing mark closes the nearest open mark of its family; single marks that never pair are
 * apostrophes ('90s, Jones', runnin'). A paragraph that ends inside a quote continues only when
 * the next paragraph opens with a mark of the same family (the news convention for quotes over
 * several paragraphs); otherwise the quote is recovered at the paragraph end and reported as
 * unclosed, so one stray mark never pairs wrongly with the rest of the document.
 *
 * A document analysed version after version (cd_analysis) keeps what pairing did in each paragraph
 * (incremental.h, cd_pairing): a paragraph that took the old tables is paired as before when what
 * pairing read outside it (a quote running on into it; the next paragraph's first mark) reads the
 * same, and afresh otherwise. */
#include <stdlib.h>
#include <string.h>

#include "doc.h"
#include "incremental.h"
#include "quotes_kind.h"
#include "speech_verbs.h"
#include "words.h"

typedef struct open_mark {
  size_t tok;
  uint8_t family;
} open_mark;

static bool same_family(uint8_t a, uint8_t b) { return a == b; }

static cd_token *tok(cd_doc *doc, size_t i) { return CD_VEC_AT(&doc->tokens, cd_token, i); }

static size_t add_quote(cd_doc *doc, size_t open, size_t close, uint32_t para, unsigned level, bool closed) {
  cd_quote *q = cd_vec_push(&doc->quotes);
  cd_quote_work *w = cd_vec_push(&doc->quote_work);
  const cd_token *o = tok(doc, open);
  const cd_para *p = CD_VEC_AT(&doc->paras, cd_para, para);
  q->span.start = o->start;
  q->inner.start = cd_tok_end(o);
  if (closed) {
    const cd_token *c = tok(doc, close);
    q->span.end = cd_tok_end(c);
    q->inner.end = c->start;
  } else {
    q->span.end = p->span.end;
    q->inner.end = p->span.end;
  }
  q->kind = CD_QUOTE_SPEECH;
  q->level = level;
  q->headline = p->headline;
  q->closed = closed;
  q->paragraph_continues = CD_NONE;
  q->speaker_span.start = q->speaker_span.end = CD_NONE;
  q->cue_span.start = q->cue_span.end = CD_NONE;
  q->entity = CD_NONE;
  q->continues = CD_NONE;
  w->open_tok = (uint32_t)open;
  w->close_tok = (uint32_t)(closed ? close : open);
  w->para = para;
  return doc->quotes.len - 1;
}

/* A word that an apostrophe before it shortens ("how 'bout", "get 'em", "'til then"), in lower case. */
static bool elided_word(const cd_doc *doc, const cd_token *w) {
  static const char *const WORDS[] = {"bout", "cos", "cuz", "em", "nuff", "til", "tis", "twas"};
  if (w->kind != TOK_WORD || !(w->flags & TF_LOWER)) return false;
  for (size_t k = 0; k < sizeof WORDS / sizeof WORDS[0]; k++)
    if (cd_word_eq(doc->text + w->start, w->len, WORDS[k])) return true;
  return false;
}

/* rock 'n' roll: both marks around a lone n are apostrophes; so is a single mark that shortens the
 * word it is written against ("how ‘bout", "'em"), which would otherwise open a quote that a later
 * apostrophe closes. */
static void mark_elisions(cd_doc *doc, const cd_para *p) {
  for (size_t i = p->first_tok; i + 1 < p->end_tok; i++) {
    cd_token *m = tok(doc, i), *w = tok(doc, i + 1);
    if (m->kind == TOK_MARK && m->family == MF_SINGLE && cd_tok_end(m) == w->start && elided_word(doc, w) &&
        !(i + 2 < p->end_tok && tok(doc, i + 2)->kind == TOK_MARK && tok(doc, i + 2)->family == MF_SINGLE &&
          cd_tok_end(w) == tok(doc, i + 2)->start))
      m->role = MR_APOS;
  }
  for (size_t i = p->first_tok; i + 2 < p->end_tok; i++) {
    cd_token *a = tok(doc, i), *w = tok(doc, i + 1), *b = tok(doc, i + 2);
    if (a->kind == TOK_MARK && a->family == MF_SINGLE && b->kind == TOK_MARK && b->family == MF_SINGLE &&
        w->kind == TOK_WORD && w->len == 1 && (doc->text[w->start] | 0x20) == 'n' &&
        cd_tok_end(a) == w->start && cd_tok_end(w) == b->start) {
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

/* An opening mark over bytes [start, end) never closed: about quote `quote`. */
static void unclosed_at(cd_doc *doc, size_t start, size_t end, size_t quote) {
  cd_diagnostic *d = cd_doc_add_diag(
      doc, "quote.unclosed", start, end,
      "This quotation mark is never closed in its paragraph. Close it, or open the next paragraph with one "
      "if the quote runs on.");
  d->quote = quote;
}

static void unclosed(cd_doc *doc, size_t open_tok) {
  const cd_token *t = tok(doc, open_tok);
  unclosed_at(doc, t->start, cd_tok_end(t), doc->quotes.len - 1);
}

static void stray_close_at(cd_doc *doc, size_t start, size_t end) {
  cd_doc_add_diag(doc, "quote.unclosed", start, end,
                  "This closing quotation mark has no opening mark. Add the opening mark where the quote "
                  "starts, or remove this one.");
}

/* A curly mark typed the wrong way round over bytes [start, end), read as what its place makes
 * it: a closing mark (U+201D) that opens its quote, or an opening one (U+201C) that closes it at
 * the paragraph's end ("They see that. \u201c"). Reported once, with the fix that writes the mark
 * the place needs; `opens` says which. The messages are told apart by address (the pairing record). */
static const char MISDIRECTED_OPEN[] = "This quote opens with a closing quotation mark (\u201d). Use an opening mark "
                                       "(\u201c) here.";
static const char MISDIRECTED_CLOSE[] = "This quote closes with an opening quotation mark (\u201c). Use a closing mark "
                                        "(\u201d) here.";
static void misdirected_at(cd_doc *doc, size_t start, size_t end, bool opens) {
  cd_diagnostic *d = cd_doc_add_diag(doc, "quote.unclosed", start, end, opens ? MISDIRECTED_OPEN : MISDIRECTED_CLOSE);
  cd_fix *f = d ? cd_diag_add_fix(doc, d, opens ? "Use an opening quotation mark (\u201c)"
                                               : "Use a closing quotation mark (\u201d)", true)
                : NULL;
  if (f) cd_fix_add_edit(doc, f, start, end, opens ? "\u201c" : "\u201d");
}

/* Is t the curly double mark whose three UTF-8 bytes are `bytes` ("\xe2\x80\x9c" or "\xe2\x80\x9d")? */
static bool curly_mark(const cd_doc *doc, const cd_token *t, const char *bytes) {
  return t->family == MF_DOUBLE && t->len == 3 && memcmp(doc->text + t->start, bytes, 3) == 0;
}

/* Is t a left double quotation mark (U+201C) that ends paragraph p after a sentence's last
 * punctuation, with a double quote open: the quote's closing mark, typed the wrong way round? */
static bool left_mark_closing(cd_doc *doc, const cd_para *p, size_t i) {
  const cd_token *t = tok(doc, i);
  if (i + 1 != p->end_tok || i == p->first_tok || !curly_mark(doc, t, "\xe2\x80\x9c")) return false;
  const cd_token *b = tok(doc, i - 1);
  char c = b->kind == TOK_PUNCT && b->len == 1 ? doc->text[b->start] : 0;
  return c == '.' || c == '!' || c == '?' || c == ',';
}

static void stray_close(cd_doc *doc, size_t close_tok) {
  const cd_token *t = tok(doc, close_tok);
  stray_close_at(doc, t->start, cd_tok_end(t));
}

static int cmp_span(const void *a, const void *b) {
  const cd_quote *x = *(const cd_quote *const *)a, *y = *(const cd_quote *const *)b;
  if (x->span.start != y->span.start) return x->span.start < y->span.start ? -1 : 1;
  return x->span.end > y->span.end ? -1 : x->span.end < y->span.end;
}

/* Nesting levels from containment among the paragraph's quotes, so a mark that turned out to be
 * an apostrophe ('Tis) pushes no quote down a level. */
static void relevel(cd_doc *doc, size_t first) {
  size_t n = doc->quotes.len - first;
  if (n < 2) {
    if (n == 1) CD_VEC_AT(&doc->quotes, cd_quote, first)->level = 0;
    return;
  }
  /* scratch, freed here: arena memory would stay until the report is freed */
  cd_quote **order = malloc(n * sizeof *order);
  size_t *ends = malloc(n * sizeof *ends);
  if (!order || !ends) {
    free(order);
    free(ends);
    return;
  }
  size_t sorted = 1;
  for (size_t i = 0; i < n; i++) {
    order[i] = CD_VEC_AT(&doc->quotes, cd_quote, first + i);
    if (i && sorted == i && cmp_span(&order[i - 1], &order[i]) < 0) sorted++;
  }
  /* quotes come in closing order, which is their order unless one holds another: no two have one
   * span, so a sorted paragraph needs no sort (a run of a hundred thousand quotes costs n log n) */
  if (sorted < n) qsort(order, n, sizeof *order, cmp_span);
  size_t depth = 0;
  for (size_t i = 0; i < n; i++) {
    while (depth > 0 && ends[depth - 1] <= order[i]->span.start) depth--;
    order[i]->level = (unsigned)depth;
    ends[depth++] = order[i]->span.end;
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
    bool a_verb = a->kind == TOK_WORD && (a->flags & TF_LOWER) && cd_is_speech_verb(doc->config, doc->text + a->start, a->len);
    bool b_verb = b->kind == TOK_WORD && (b->flags & TF_LOWER) && cd_is_speech_verb(doc->config, doc->text + b->start, b->len);
    if (a_verb && b->kind == TOK_WORD && (b->flags & TF_CAP)) return k;
    if (a->kind == TOK_WORD && (a->flags & TF_CAP) && b_verb) return k;
    if (a->kind == TOK_WORD && (a->flags & TF_CAP) && k + 3 < end && b->kind == TOK_WORD && (b->flags & TF_CAP)) {
      const cd_token *v = tok(doc, k + 3);
      if (v->kind == TOK_WORD && (v->flags & TF_LOWER) && cd_is_speech_verb(doc->config, doc->text + v->start, v->len))
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
  /* right after another quote that ends a sentence: signs reading “Fix the Roads.” “They told us … */
  if (prev->kind == TOK_MARK && (prev->role & MR_CLOSE) && open - 1 > p->first_tok) {
    const cd_token *end = tok(doc, open - 2);
    char c = end->kind == TOK_PUNCT ? doc->text[end->start] : 0;
    return c == '.' || c == '!' || c == '?' || c == ',';
  }
  if (prev->kind == TOK_PUNCT) {
    char c = doc->text[prev->start];
    return c == ':' || c == ',' || c == '.' || c == '!' || c == '?' || c == ';' || (unsigned char)c == 0xE2 ||
           c == '-'; /* introduced, or opening a sentence of its own */
  }
  return prev->kind == TOK_WORD && (prev->flags & TF_LOWER) &&
         cd_is_speech_verb(doc->config, doc->text + prev->start, prev->len);
}

/* Is t a right double quotation mark (U+201D)? */
static bool right_mark_opening(const cd_doc *doc, const cd_token *t) {
  return curly_mark(doc, t, "\xe2\x80\x9d");
}

/* "He says,” there are a lot of people who never get listened to.”": a right mark typed where the
 * quote opens, after a verb of saying and its comma or colon, with nothing open and a later mark
 * of the family closing it in the paragraph (no other double mark between). */
static bool misdirected_after_tag(cd_doc *doc, const cd_para *p, size_t i) {
  if (i < p->first_tok + 2 || !right_mark_opening(doc, tok(doc, i))) return false;
  const cd_token *c = tok(doc, i - 1), *v = tok(doc, i - 2);
  if (c->kind != TOK_PUNCT || c->len != 1 || (doc->text[c->start] != ',' && doc->text[c->start] != ':') ||
      v->kind != TOK_WORD || !(v->flags & TF_LOWER) || !cd_is_speech_verb(doc->config, doc->text + v->start, v->len))
    return false;
  if (i + 1 >= p->end_tok || tok(doc, i + 1)->kind != TOK_WORD) return false;
  for (size_t k = i + 1; k < p->end_tok; k++) {
    const cd_token *m = tok(doc, k);
    if (m->kind != TOK_MARK || m->family != MF_DOUBLE) continue;
    return right_mark_opening(doc, m) || doc->text[m->start] == '"';
  }
  return false;
}

/* Does the mark at token i open its paragraph, or a sentence after a full stop, a colon, "!" or "?"? */
static bool opens_sentence(cd_doc *doc, const cd_para *p, size_t i) {
  if (i == p->first_tok) return true;
  const cd_token *b = tok(doc, i - 1);
  char c = b->kind == TOK_PUNCT ? doc->text[b->start] : 0;
  return c == '.' || c == ':' || c == '!' || c == '?';
}

/* "'The lads' reaction was fantastic,' she said": a single mark right after a word ending in s,
 * before a space and a lower-case word, is a plural's apostrophe, not the end of the single-mark
 * quote opened at the paragraph's or a sentence's start (not a word woven in: "the 'experts' say")
 * with a lower-case word in it, when a later single mark in the paragraph can close that quote. Token i is the mark, `open` the
 * quote's opening mark. */
static bool plural_apostrophe(cd_doc *doc, const cd_para *p, size_t i, size_t open) {
  if (i == p->first_tok || i + 1 >= p->end_tok) return false;
  const cd_token *t = tok(doc, i), *w = tok(doc, i - 1), *n = tok(doc, i + 1);
  if (w->kind != TOK_WORD || cd_tok_end(w) != t->start || w->len < 2 || (doc->text[cd_tok_end(w) - 1] | 0x20) != 's' ||
      n->kind != TOK_WORD || !(n->flags & TF_LOWER) || n->start != cd_tok_end(t) + 1 || n->sent != t->sent)
    return false;
  if (!opens_sentence(doc, p, open)) return false;
  bool lower = false; /* words of a sentence, not a title's capitals ("‘Donald Trump Leads’ simply ...") */
  for (size_t k = open + 1; k < i && !lower; k++) lower = tok(doc, k)->kind == TOK_WORD && (tok(doc, k)->flags & TF_LOWER);
  if (!lower) return false;
  for (size_t k = i + 2; k < p->end_tok; k++) {
    const cd_token *m = tok(doc, k);
    if (m->kind == TOK_MARK && m->family == MF_SINGLE && (m->role & MR_CLOSE)) return true;
  }
  return false;
}

/* Pairs paragraph pi; `out` gets what pairing read outside it (pending_in, next_family, next_opens). */
static void pair_paragraph(cd_doc *doc, size_t pi, size_t *pending_continue, cd_pairing_para *out) {
  const cd_para *p = CD_VEC_AT(&doc->paras, cd_para, pi);
  size_t first_quote = doc->quotes.len;
  out->pending_in = *pending_continue != CD_NONE;
  out->next_family = -1;
  out->next_opens = false;
  open_mark stack[64];
  size_t depth = 0;
  mark_elisions(doc, p);
  for (size_t i = p->first_tok; i < p->end_tok; i++) {
    cd_token *t = tok(doc, i);
    if (t->kind != TOK_MARK) continue;
    if (t->role == MR_APOS) continue;
    bool closes_misdirected = false;
    if (depth > 0 && stack[depth - 1].family == MF_DOUBLE && !(t->role & MR_CLOSE) && left_mark_closing(doc, p, i)) {
      t->role = MR_CLOSE; /* reported below, once the quote is made */
      closes_misdirected = true;
    }
    if (t->family == MF_SINGLE && (t->role & MR_CLOSE) && (t->role & MR_APOS) && depth > 0 &&
        stack[depth - 1].family == MF_SINGLE && plural_apostrophe(doc, p, i, stack[depth - 1].tok)) {
      t->role = MR_APOS;
      continue;
    }
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
        size_t qi = add_quote(doc, stack[depth].tok, i, (uint32_t)pi, (unsigned)depth, true);
        if (closes_misdirected) misdirected_at(doc, t->start, cd_tok_end(t), false);
        if (*pending_continue != CD_NONE && stack[depth].tok == p->first_tok && depth == 0) {
          CD_VEC_AT(&doc->quotes, cd_quote, qi)->paragraph_continues = *pending_continue;
          *pending_continue = CD_NONE;
        }
        continue;
      }
    }
    if (!(t->role & MR_OPEN) && depth == 0 &&
        ((i == p->first_tok && right_mark_opening(doc, t)) || misdirected_after_tag(doc, p, i))) {
      /* "” … they are so not like him,” she said": a quote typed with a closing mark at its start,
       * free-standing at the paragraph's start, where nothing can be closed. It opens the quote, so
       * that the mark that closes it is not reported too; the mark itself is reported once. */
      misdirected_at(doc, t->start, cd_tok_end(t), true);
      t->role = MR_OPEN;
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
    /* British copy runs a single-mark quote on as it does a double one: the paragraph opens with
     * the mark and never closes it, and the next one opens with a mark again */
    bool runs_on = false;
    if (m == 0 && o->family == MF_SINGLE && (o->role & MR_OPEN) && said == CD_NONE && opens_sentence(doc, p, stack[m].tok)) {
      /* (the answer rests on the next paragraph: recorded for a keystroke's pairing as before) */
      out->next_family = MF_SINGLE;
      out->next_opens = para_opens_with(doc, pi + 1, MF_SINGLE);
      runs_on = out->next_opens;
    }
    if (o->family == MF_SINGLE && (o->role & MR_APOS) && !runs_on) {
      o->role = MR_APOS;
      continue;
    }
    o->role = MR_OPEN;
    bool continues = false;
    if (m == 0 && said == CD_NONE) {
      out->next_family = (int8_t)o->family;
      out->next_opens = para_opens_with(doc, pi + 1, o->family);
      continues = out->next_opens && may_run_on(doc, p, stack[m].tok);
    }
    size_t qi = add_quote(doc, stack[m].tok, stack[m].tok, (uint32_t)pi, (unsigned)m, false);
    cd_quote *q = CD_VEC_AT(&doc->quotes, cd_quote, qi);
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
        q->span.end = q->inner.end = cd_tok_end(tok(doc, end - 1));
      }
      for (size_t k = first_quote; k < qi; k++) {
        cd_quote *inner = CD_VEC_AT(&doc->quotes, cd_quote, k);
        if (inner->span.start > q->span.start && inner->level > m) inner->level--;
      }
    }
    if (m == 0 && *pending_continue != CD_NONE && stack[m].tok == p->first_tok) {
      q->paragraph_continues = *pending_continue;
      *pending_continue = CD_NONE;
    }
    if (continues) {
      q->closed = true; /* legitimately runs on: not an error */
      continued = qi;
    } else {
      unclosed(doc, stack[m].tok);
    }
  }
  *pending_continue = continued;
  relevel(doc, first_quote);
}

/* Tokens learn their innermost quote; quotes were added in closing order, so sort them first. */
static int cmp_quote(const void *a, const void *b) {
  const cd_quote *x = a, *y = b;
  return x->span.start < y->span.start ? -1 : x->span.start > y->span.start;
}

static void sort_quotes(cd_doc *doc) {
  /* insertion sort of (quote, work) pairs by start; nearly sorted already */
  size_t n = doc->quotes.len;
  cd_quote *q = doc->quotes.data;
  cd_quote_work *w = doc->quote_work.data;
  size_t sorted = 1;
  while (sorted < n && cmp_quote(&q[sorted - 1], &q[sorted]) <= 0) sorted++;
  if (sorted >= n) return; /* no nesting: nothing to move, nothing to copy */
  /* scratch, freed here: arena memory would stay until the report is freed */
  size_t *map = malloc((n + 1) * sizeof *map); /* old index -> new */
  size_t *order = malloc((n + 1) * sizeof *order);
  cd_quote *qs = malloc((n + 1) * sizeof *q);
  cd_quote_work *ws = malloc((n + 1) * sizeof *w);
  if (!map || !order || !qs || !ws) goto done;
  for (size_t i = 0; i < n; i++) order[i] = i;
  for (size_t i = 1; i < n; i++) {
    size_t k = order[i], j = i;
    while (j > 0 && cmp_quote(&q[order[j - 1]], &q[k]) > 0) {
      order[j] = order[j - 1];
      j--;
    }
    order[j] = k;
  }
  if (n) {
    memcpy(qs, q, n * sizeof *q);
    memcpy(ws, w, n * sizeof *w);
  }
  for (size_t i = 0; i < n; i++) map[order[i]] = i;
  for (size_t i = 0; i < n; i++) {
    q[i] = qs[order[i]];
    w[i] = ws[order[i]];
    if (q[i].paragraph_continues != CD_NONE) q[i].paragraph_continues = map[q[i].paragraph_continues];
  }
  for (size_t i = 0; i < doc->diags.len; i++) {
    cd_diagnostic *d = CD_VEC_AT(&doc->diags, cd_diagnostic, i);
    if (d->quote != CD_NONE) d->quote = map[d->quote];
  }
done:
  free(map);
  free(order);
  free(qs);
  free(ws);
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

/* Every quote opens at a distinct mark that may open one: room for that many, reserved once. A
 * text of quotation marks has a quote every few bytes and a quote is 136 bytes, so an array grown
 * by doubling had as much spare room again as its report (1 MB of curly marks: 35 MB, above
 * glibc's largest dynamic mmap threshold, so mapped and faulted in afresh on every analysis).
 * Room never used costs address space only, and the report gives it back (cd_vec_shrink). */
static void reserve_quotes(cd_doc *doc) {
  size_t had = cd_incr_old_quotes(doc);
  if (had != CD_NONE) { /* a keystroke changes the count little: the previous version's and a sixteenth */
    cd_vec_reserve(&doc->quotes, had + had / 16 + 16);
    cd_vec_reserve(&doc->quote_work, had + had / 16 + 16);
    return;
  }
  size_t openers = 0;
  for (size_t i = 0; i < doc_ntok(doc); i++) {
    const cd_token *t = doc_tok(doc, i);
    if (t->kind == TOK_MARK && (t->role & MR_OPEN)) openers++;
  }
  cd_vec_reserve(&doc->quotes, openers);
  cd_vec_reserve(&doc->quote_work, openers);
}

/* Appends paragraph pi's record to this version's: `r`, with what pairing read outside the
 * paragraph filled in, and the quotes it made from `first_quote` on and its diagnostics from
 * `first_diag` on. */
static void record(cd_doc *doc, cd_pairing *rec, size_t pi, size_t first_quote, size_t first_diag, size_t pending,
                   cd_pairing_para r_in) {
  const cd_para *p = CD_VEC_AT(&doc->paras, cd_para, pi);
  cd_pairing_para *r = cd_vec_push(&rec->paras);
  *r = r_in;
  r->quotes = (uint32_t)rec->quotes.len;
  r->diags = (uint32_t)rec->diags.len;
  r->marks = (uint32_t)rec->marks.len;
  r->n_quotes = (uint32_t)(doc->quotes.len - first_quote);
  r->n_diags = (uint32_t)(doc->diags.len - first_diag);
  r->continued = pending == CD_NONE ? UINT32_MAX : (uint32_t)(pending - first_quote);
  uint32_t base = (uint32_t)p->span.start;
  for (size_t qi = first_quote; qi < doc->quotes.len; qi++) {
    const cd_quote *q = CD_VEC_AT(&doc->quotes, cd_quote, qi);
    const cd_quote_work *w = CD_VEC_AT(&doc->quote_work, cd_quote_work, qi);
    *(cd_pairing_quote *)cd_vec_push_raw(&rec->quotes) = (cd_pairing_quote){
        .start = (uint32_t)q->span.start - base,
        .end = (uint32_t)q->span.end - base,
        .inner_start = (uint32_t)q->inner.start - base,
        .inner_end = (uint32_t)q->inner.end - base,
        .open_tok = w->open_tok - p->first_tok,
        .close_tok = w->close_tok - p->first_tok,
        .level = (uint8_t)q->level,
        .closed = q->closed,
        .took_pending = q->paragraph_continues != CD_NONE};
  }
  for (size_t di = first_diag; di < doc->diags.len; di++) {
    const cd_diagnostic *d = CD_VEC_AT(&doc->diags, cd_diagnostic, di);
    *(cd_pairing_diag *)cd_vec_push_raw(&rec->diags) = (cd_pairing_diag){
        (uint32_t)d->span.start - base, (uint32_t)d->span.end - base,
        d->message == MISDIRECTED_OPEN    ? PAIRING_MISDIRECTED
        : d->message == MISDIRECTED_CLOSE ? PAIRING_MISDIRECTED_CLOSE
        : d->quote == CD_NONE             ? UINT32_MAX
                                       : (uint32_t)(d->quote - first_quote)};
  }
  for (size_t i = p->first_tok; i < p->end_tok; i++) {
    const cd_token *t = tok(doc, i);
    if (t->kind == TOK_MARK)
      *(cd_pairing_mark *)cd_vec_push_raw(&rec->marks) = (cd_pairing_mark){(uint32_t)(i - p->first_tok), t->role};
  }
  r = CD_VEC_AT(&rec->paras, cd_pairing_para, rec->paras.len - 1);
  r->n_marks = (uint32_t)(rec->marks.len - r->marks);
}

/* Rows [first, first + n) of a record's table; NULL when there are none (the table may have no
 * storage at all). */
static const void *rows(const cd_vec *v, uint32_t first, uint32_t n) {
  return n ? (const char *)v->data + (size_t)first * v->elem : NULL;
}

static void append(cd_vec *v, const void *items, size_t n) {
  cd_vec_reserve_more(v, n);
  if (n) memcpy((char *)v->data + v->len * v->elem, items, n * v->elem);
  v->len += n;
}

/* Paragraph pi as the previous version paired the paragraph it took over, when what that pairing
 * read outside the paragraph reads the same now; false (nothing done) otherwise. Its record is this
 * version's too. */
static bool pair_as_before(cd_doc *doc, size_t pi, size_t *pending_continue, cd_pairing *rec) {
  const cd_pairing *old;
  const cd_pairing_para *r = cd_incr_old_pairing(doc, (uint32_t)pi, &old);
  if (!r || r->pending_in != (*pending_continue != CD_NONE)) return false;
  if (r->next_family >= 0 && para_opens_with(doc, pi + 1, (uint8_t)r->next_family) != r->next_opens) return false;
  const cd_para *p = CD_VEC_AT(&doc->paras, cd_para, pi);
  size_t base = p->span.start, base_tok = p->first_tok, first_quote = doc->quotes.len;
  const cd_pairing_mark *marks = rows(&old->marks, r->marks, r->n_marks);
  for (size_t k = 0; k < r->n_marks; k++) tok(doc, base_tok + marks[k].tok)->role = marks[k].role;
  const cd_pairing_quote *quotes = rows(&old->quotes, r->quotes, r->n_quotes);
  for (size_t k = 0; k < r->n_quotes; k++) {
    const cd_pairing_quote *x = &quotes[k];
    size_t qi = add_quote(doc, base_tok + x->open_tok, base_tok + x->open_tok, (uint32_t)pi, x->level, false);
    cd_quote *q = CD_VEC_AT(&doc->quotes, cd_quote, qi);
    q->span.start = base + x->start;
    q->span.end = base + x->end;
    q->inner.start = base + x->inner_start;
    q->inner.end = base + x->inner_end;
    q->closed = x->closed;
    if (x->took_pending) q->paragraph_continues = *pending_continue;
    CD_VEC_AT(&doc->quote_work, cd_quote_work, qi)->close_tok = (uint32_t)(base_tok + x->close_tok);
  }
  const cd_pairing_diag *diags = rows(&old->diags, r->diags, r->n_diags);
  for (size_t k = 0; k < r->n_diags; k++) {
    if (diags[k].quote == PAIRING_MISDIRECTED)
      misdirected_at(doc, base + diags[k].start, base + diags[k].end, true);
    else if (diags[k].quote == PAIRING_MISDIRECTED_CLOSE)
      misdirected_at(doc, base + diags[k].start, base + diags[k].end, false);
    else if (diags[k].quote == UINT32_MAX)
      stray_close_at(doc, base + diags[k].start, base + diags[k].end);
    else
      unclosed_at(doc, base + diags[k].start, base + diags[k].end, first_quote + diags[k].quote);
  }
  *pending_continue = r->continued == UINT32_MAX ? CD_NONE : first_quote + r->continued;
  cd_incr_pairing_taken(doc, (uint32_t)pi);
  if (!rec) return true;
  cd_pairing_para *n = cd_vec_push(&rec->paras);
  *n = *r;
  n->quotes = (uint32_t)rec->quotes.len;
  n->diags = (uint32_t)rec->diags.len;
  n->marks = (uint32_t)rec->marks.len;
  append(&rec->quotes, quotes, r->n_quotes);
  append(&rec->diags, diags, r->n_diags);
  append(&rec->marks, marks, r->n_marks);
  return true;
}

void cd_pass_quotes(cd_doc *doc) {
  size_t pending = CD_NONE;
  cd_pairing *rec = cd_incr_pairing(doc);
  reserve_quotes(doc);
  for (size_t pi = 0; pi < doc->paras.len; pi++) {
    if (pair_as_before(doc, pi, &pending, rec)) continue;
    size_t first_quote = doc->quotes.len, first_diag = doc->diags.len;
    cd_pairing_para out;
    pair_paragraph(doc, pi, &pending, &out);
    if (rec) record(doc, rec, pi, first_quote, first_diag, pending, out);
  }
  sort_quotes(doc);
  assign_tokens(doc);
  /* a text that quotes in double marks writes a subhead's quote in single ones, as headlines do */
  size_t doubles = 0, singles = 0;
  for (size_t qi = 0; qi < doc->quotes.len; qi++) {
    const cd_quote *q = CD_VEC_AT(&doc->quotes, cd_quote, qi);
    if (q->level > 0) continue;
    uint8_t family = tok(doc, CD_VEC_AT(&doc->quote_work, cd_quote_work, qi)->open_tok)->family;
    doubles += family == MF_DOUBLE;
    singles += family == MF_SINGLE;
  }
  bool double_style = doubles >= 3 && doubles >= 3 * singles;
  for (size_t qi = 0; qi < doc->quotes.len; qi++) cd_quote_classify(doc, qi, double_style);
  cd_quote_titles_again(doc);
}
