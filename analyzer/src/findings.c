/* Findings pass: quote diagnostics, invalid UTF-8, inline controls, severities, order.
 *
 * A speech quote with no speaker is reported unless it is a short fragment (three words or fewer,
 * no sentence punctuation; or up to five words woven into the writer's sentence, with or without
 * its stop): those are far more often scare quotes, or a phrase whose source the story gives
 * elsewhere, than unsourced speech, and a false alarm costs more than a miss. */
#include <stdlib.h>
#include <string.h>

#include "controls.h"
#include "doc.h"
#include "garbled.h"
#include "quotes_kind.h"

/* The nearest name before a quote, to say why it was not taken. */
static const cd_name_mention *nearest_name(const cd_doc *doc, size_t before) {
  const cd_name_mention *best = NULL;
  size_t lo = 0, hi = doc->mentions.len;
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    if (CD_VEC_AT(&doc->mentions, cd_name_mention, mid)->span.end <= before)
      lo = mid + 1;
    else
      hi = mid;
  }
  for (size_t k = lo; k > 0 && !best; k--) {
    const cd_name_mention *m = CD_VEC_AT(&doc->mentions, cd_name_mention, k - 1);
    if (!m->in_quote && !m->headline && m->entity != CD_NONE && cd_mention_is_person(doc, k - 1)) best = m;
  }
  return best;
}

/* Is paragraph pi only quote qi (a stop after it at most)? */
static bool quote_is_whole_paragraph(const cd_doc *doc, size_t qi, size_t pi) {
  const cd_quote_work *w = CD_VEC_AT(&doc->quote_work, cd_quote_work, qi);
  const cd_para *p = CD_VEC_AT(&doc->paras, cd_para, pi);
  if (w->para != pi || p->first_tok != w->open_tok || w->close_tok == w->open_tok) return false;
  size_t after = (size_t)w->close_tok + 1;
  if (after < p->end_tok && doc_tok(doc, after)->kind == TOK_PUNCT) after++;
  return after >= p->end_tok;
}

/* "The exchange with one reporter went as follows." then paragraphs of untagged quotes, turn by
 * turn: quote qi is one of those turns (every quote paragraph since the announcement has no
 * speaker). Whose turn each is, the layout says; no one is missing from the record. */
enum { EXCHANGE_TURNS = 12 };
static bool untagged_exchange_turn(const cd_doc *doc, size_t qi) {
  const cd_quote_work *w = CD_VEC_AT(&doc->quote_work, cd_quote_work, qi);
  size_t pi = w->para, q = qi;
  if (!quote_is_whole_paragraph(doc, qi, pi)) return false;
  for (size_t turns = 0; pi > 0 && turns < EXCHANGE_TURNS; turns++) {
    pi--;
    while (q > 0 && CD_VEC_AT(&doc->quote_work, cd_quote_work, q - 1)->para > pi) q--;
    if (q > 0 && CD_VEC_AT(&doc->quote_work, cd_quote_work, q - 1)->para == pi) {
      const cd_quote *pq = CD_VEC_AT(&doc->quotes, cd_quote, q - 1);
      if (pq->speaker || !quote_is_whole_paragraph(doc, q - 1, pi)) return false;
      continue; /* an earlier turn */
    }
    /* the announcement: its last sentence names an exchange and ends "as follows." or with a colon */
    const cd_para *p = CD_VEC_AT(&doc->paras, cd_para, pi);
    if (p->end_tok < p->first_tok + 3) return false;
    size_t last = p->end_tok - 1;
    const cd_token *lt = doc_tok(doc, last);
    bool colon = lt->kind == TOK_PUNCT && doc->text[lt->start] == ':';
    bool follows = lt->kind == TOK_PUNCT && doc->text[lt->start] == '.' && doc_tok(doc, last - 1)->kind == TOK_WORD &&
                   CD_WORD_IS(doc->text + doc_tok(doc, last - 1)->start, doc_tok(doc, last - 1)->len, "follows");
    if (!colon && !follows) return false;
    uint32_t sent = lt->sent;
    for (size_t k = last; k > p->first_tok && doc_tok(doc, k - 1)->sent == sent; k--) {
      const cd_token *t = doc_tok(doc, k - 1);
      if (t->kind == TOK_WORD && (CD_WORD_IS(doc->text + t->start, t->len, "exchange") ||
                                  CD_WORD_IS(doc->text + t->start, t->len, "exchanges")))
        return true;
    }
    return false;
  }
  return false;
}

static void quote_findings(cd_doc *doc) {
  for (size_t qi = 0; qi < doc->quotes.len; qi++) {
    cd_quote *q = CD_VEC_AT(&doc->quotes, cd_quote, qi);
    const cd_quote_work *w = CD_VEC_AT(&doc->quote_work, cd_quote_work, qi);
    if (q->level > 0) continue;
    if (q->speaker) {
      if (q->kind != CD_QUOTE_SPEECH) continue;
      const char *msg =
          q->cue ? cd_arena_printf(doc->arena, "Quote attributed to %s (%s, %s).", q->speaker,
                                   cd_attribution_method_name(q->method), q->cue)
                 : cd_arena_printf(doc->arena, "Quote attributed to %s (%s).", q->speaker,
                                   cd_attribution_method_name(q->method));
      /* "the complaint", relaying Trent: the fact-checker reads both names */
      if (q->relays) msg = cd_arena_printf(doc->arena, "%.*s, relaying %s's words.", (int)(strlen(msg) - 1), msg, q->relays);
      cd_diagnostic *d = cd_doc_add_diag(doc, "quote.attributed", q->span.start, q->span.end, msg);
      d->quote = qi;
      d->entity = q->entity;
      if (q->speaker_span.start != CD_NONE)
        cd_diag_add_related(doc, d, q->speaker_span.start, q->speaker_span.end, "the attributing words");
      continue;
    }
    if (q->kind != CD_QUOTE_SPEECH || q->headline) continue;
    /* "the words "Yıldız'ı unutmadık" - "We have not forgotten Yıldız"": the translation of words
     * that are nobody's speech (the original, a short fragment, was just read so) is no one's either */
    const cd_quote *prev = qi ? CD_VEC_AT(&doc->quotes, cd_quote, qi - 1) : NULL;
    if (prev && prev->kind != CD_QUOTE_SPEECH && !prev->speaker && cd_quote_translates(doc, qi)) {
      q->kind = prev->kind;
      q->evidence = "The translation of the quote before it, which is nobody's speech: not reported.";
      continue;
    }
    if (untagged_exchange_turn(doc, qi)) {
      q->evidence = "A turn of an exchange set out untagged after the sentence that announces it: whose turn it "
                    "is, the layout says.";
      continue;
    }
    size_t words = cd_quote_word_count(doc, qi);
    bool ends = cd_quote_ends_sentence(doc, qi);
    bool lower = q->inner.start < q->inner.end && doc->text[q->inner.start] >= 'a' && doc->text[q->inner.start] <= 'z';
    /* "furry fandom." keeps American punctuation inside the marks: still a fragment; so is
     * "cheaper than getting candy." woven into the writer's sentence */
    if ((words <= 3 && (!ends || lower)) || (q->partial && words <= 5)) {
      q->kind = CD_QUOTE_SCARE;
      q->evidence = "A short fragment with no speaker: read as a scare quote, not reported.";
      continue;
    }
    /* "Rising!", "Goal!": a cry of a word or two (a chant's answer, a shout from the stands) is no
     * statement a fact-checker needs a source for */
    if (words <= 2 && q->inner.end > q->inner.start && doc->text[q->inner.end - 1] == '!') {
      q->evidence = "A cry of a word or two with no speaker: not reported.";
      continue;
    }
    /* a quote never closed is reported once, as unclosed: where it ends, and so who is on record
     * for it, is what the missing mark leaves open */
    if (!q->closed) {
      q->evidence = "Never closed: who says it is left open until the quote's end is marked.";
      continue;
    }
    /* a table's cells give their source with the table (its heading, the line before it, a column
     * of names): too far apart for the sieves to pair, and not worth a warning per cell */
    if (CD_VEC_AT(&doc->paras, cd_para, w->para)->table_cell) {
      q->evidence = "In a table cell: the table's source is not read, not reported.";
      continue;
    }
    /* never propose a person: the nearest name is often not the speaker, and a suggested
     * attribution is easy to accept on deadline. Say what is missing; name the nearest person only
     * as such, with why it was not taken. */
    const cd_name_mention *near = nearest_name(doc, q->span.start);
    const char *msg;
    /* messages stay near 120 characters: what is missing, what to write, and a nearby name only as
     * the one not taken */
    const char *missing = "Nobody is on record for this quote. Add \"...,\" SPEAKER said.";
    if (near) {
      const cd_entity *e = CD_VEC_AT(&doc->entities, cd_entity, near->entity);
      bool same_para = CD_VEC_AT(&doc->sentences, cd_sentence, near->sent)->para == w->para;
      msg = cd_arena_printf(doc->arena, "%s Nearest name: %s (not taken: %s).", missing, e->name,
                            same_para ? "no verb of saying" : "earlier paragraph");
    } else {
      msg = cd_arena_printf(doc->arena, "%s No person is named before it.", missing);
    }
    q->evidence = msg;
    cd_diagnostic *d = cd_doc_add_diag(doc, "quote.unattributed", q->span.start, q->span.end, msg);
    d->quote = qi;
    if (near) cd_diag_add_related(doc, d, near->span.start, near->span.end, "the nearest name, not taken as speaker");
  }
}

static void invalid_utf8(cd_doc *doc) {
  if (!doc->invalid.len) return;
  const cd_span *first = CD_VEC_AT(&doc->invalid, cd_span, 0);
  cd_doc_add_diag(doc, "text.invalid-utf8", first->start, first->end,
                  doc->invalid.len == 1
                      ? (first->end - first->start == 1
                             ? "This byte is not valid UTF-8 and is read as U+FFFD. Save the file as UTF-8."
                             : "These bytes are not valid UTF-8 and are read as U+FFFD. Save the file as UTF-8.")
                      : cd_arena_printf(doc->arena,
                                        "The text has %zu runs of bytes that are not valid UTF-8 (the first is "
                                        "here); they are read as U+FFFD. Save the file as UTF-8.",
                                        doc->invalid.len));
}

static int cmp_diag(const void *a, const void *b) {
  const cd_diagnostic *x = a, *y = b;
  if (x->span.start != y->span.start) return x->span.start < y->span.start ? -1 : 1;
  if (x->span.end != y->span.end) return x->span.end < y->span.end ? -1 : 1;
  return strcmp(x->code, y->code);
}

/* Merges the sorted runs [lo, mid) and [mid, hi) of src into dst, stably: on a tie the left run's
 * diagnostic goes first. */
static void merge_runs(const cd_diagnostic *src, cd_diagnostic *dst, size_t lo, size_t mid, size_t hi) {
  size_t i = lo, j = mid, o = lo;
  while (i < mid && j < hi) dst[o++] = cmp_diag(&src[j], &src[i]) < 0 ? src[j++] : src[i++];
  while (i < mid) dst[o++] = src[i++];
  while (j < hi) dst[o++] = src[j++];
}

/* Sorts the diagnostics by cmp_diag, stably: ties keep the order the passes made them in, as
 * qsort's merge sort kept them, so the order is the same. Each pass appends its findings mostly in
 * text order, so the table is a few sorted runs: one walk finds them and each round of merging
 * halves their number, where a sort from scratch cost a twelfth of a keystroke on an article with a
 * finding every forty bytes. Returns false when out of memory (nothing is moved). */
static bool merge_sort_runs(cd_vec *diags) {
  size_t n = diags->len, nr = 0;
  cd_diagnostic *d = diags->data;
  size_t *run = malloc((n + 1) * sizeof *run); /* where each run starts, then n */
  if (!run) return false;
  run[nr++] = 0;
  for (size_t i = 1; i < n; i++)
    if (cmp_diag(&d[i - 1], &d[i]) > 0) run[nr++] = i;
  run[nr] = n;
  if (nr == 1) {
    free(run);
    return true;
  }
  cd_diagnostic *tmp = malloc(n * sizeof *tmp);
  if (!tmp) {
    free(run);
    return false;
  }
  cd_diagnostic *src = d, *dst = tmp;
  while (nr > 1) {
    size_t w = 0;
    for (size_t r = 0; r < nr; r += 2) {
      size_t hi = r + 2 <= nr ? run[r + 2] : n;
      merge_runs(src, dst, run[r], r + 1 <= nr ? run[r + 1] : n, hi);
      run[w++] = run[r];
    }
    run[w] = n;
    nr = w;
    cd_diagnostic *t = src;
    src = dst;
    dst = t;
  }
  if (src != d) memcpy(d, src, n * sizeof *d);
  free(tmp);
  free(run);
  return true;
}

void cd_pass_findings(cd_doc *doc) {
  quote_findings(doc);
  invalid_utf8(doc);
  cd_find_garbled(doc);
  cd_apply_controls(doc);
  /* drop what configuration switched off */
  size_t k = 0;
  for (size_t i = 0; i < doc->diags.len; i++) {
    cd_diagnostic *d = CD_VEC_AT(&doc->diags, cd_diagnostic, i);
    if (d->severity == CD_SEVERITY_OFF) continue;
    if (k != i) *CD_VEC_AT(&doc->diags, cd_diagnostic, k) = *d;
    k++;
  }
  doc->diags.len = k;
  if (doc->diags.len > 1 && !merge_sort_runs(&doc->diags))
    qsort(doc->diags.data, doc->diags.len, sizeof(cd_diagnostic), cmp_diag);
}
