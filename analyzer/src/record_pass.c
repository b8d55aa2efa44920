/* The record pass: every direct quote compared with the sources the caller gave.
 *
 * A speech quote (outermost, closed, not in a headline: headlines paraphrase) of three words or
 * more is aligned against the record (record_align.c). The best passage wins; between passages
 * that fit equally well, one whose speaker agrees with the article's. Then:
 * - it is in the record when at least 60% of its words, and three or more, are the passage's in
 *   order; the quote gains the passage (cd_record_match);
 * - quote.altered when any of its words differ from the passage's (a word changed, added, left out
 *   without an ellipsis, two words swapped); case, marks, punctuation, ellipses, brackets and
 *   fillers never count;
 * - quote.speaker-mismatch when the quote is the passage word for word and the passage's speaker
 *   label names someone else, or is the interviewer's ("Q:"), while the article credits a person;
 * - quote.not-in-record (five words or more) when no passage comes close. */
#include <stdlib.h>
#include <string.h>

#include "byte_hash.h"
#include "doc.h"
#include "lexicon.h"
#include "record_align.h"

#define MIN_WORDS 3          /* shorter quotes are compared with nothing */
#define MIN_WORDS_MISSING 5  /* shorter quotes are never "not in the record": titles, phrases */
#define SHOW_MAX 48          /* bytes of one side of a difference shown in a message */

/* ---- the quote's words ---- */

static size_t quote_items(const cd_doc *doc, const cd_quote *q, rec_item *items, size_t cap, size_t *words) {
  size_t n = 0, pos = q->inner.start;
  rec_tok t;
  *words = 0;
  while (n < cap && rec_next_token(doc->text, q->inner.end, pos, REC_QUOTE, &t)) {
    pos = t.end;
    if (t.kind == RT_FILLER) continue;
    if (t.kind != RT_WORD && n > 0 && items[n - 1].kind != RT_WORD) continue; /* one gap is enough */
    items[n++] = (rec_item){t.key, t.start, t.end, (uint8_t)t.kind};
    if (t.kind == RT_WORD) (*words)++;
    if (t.key2 && n < cap) { /* "don't": "do", then "not", both over the same bytes */
      items[n++] = (rec_item){t.key2, t.start, t.end, RT_WORD};
      (*words)++;
    }
  }
  return n;
}

/* A hash of a quote's bytes (the key of its remembered shape; never 0). */
static uint64_t raw_key(const char *p, size_t n) {
  uint64_t h = cd_hash_bytes(p, n);
  return h ? h : 1;
}

/* ---- speakers ---- */

/* Do the words of a[0..an) and b[0..bn) share a name word (titles aside)? */
static bool share_name_word(const char *a, size_t an, const char *b, size_t bn) {
  rec_tok x, y;
  for (size_t i = 0; i < an && rec_next_token(a, an, i, REC_SOURCE, &x); i = x.end) {
    if (cd_lex_has(CD_LEX_RECORD_LABEL_TITLES, a + x.start, x.end - x.start)) continue;
    for (size_t j = 0; j < bn && rec_next_token(b, bn, j, REC_SOURCE, &y); j = y.end)
      if (y.key == x.key && !cd_lex_has(CD_LEX_RECORD_LABEL_TITLES, b + y.start, y.end - y.start)) return true;
  }
  return false;
}

/* The person the article credits with the quote, or NULL when it credits no person. */
static const char *credited_person(const cd_doc *doc, const cd_quote *q) {
  if (!q->speaker) return NULL;
  if (q->method != CD_ATTR_EXPLICIT && q->method != CD_ATTR_ACCORDING_TO && q->method != CD_ATTR_PRONOUN &&
      q->method != CD_ATTR_CONTINUATION)
    return NULL;
  if (q->entity == CD_NONE) return NULL; /* an unresolved "she" names nobody */
  const cd_entity *e = CD_VEC_AT(&doc->entities, cd_entity, q->entity);
  if (e->kind == CD_ENTITY_ORGANIZATION || e->kind == CD_ENTITY_PLACE) return NULL;
  return e->name ? e->name : q->speaker;
}

/* 1: the turn's speaker is the credited person; -1: someone else; 0: cannot tell. */
static int speaker_agrees(const char *person, const cd_record_source *s, const rec_turn *t) {
  if (!person || t->role == ROLE_NONE || t->role == ROLE_UNNAMED) return 0;
  if (t->role == ROLE_INTERVIEWER) return -1;
  return share_name_word(s->text + t->label_start, t->label_end - t->label_start, person, strlen(person)) ? 1 : -1;
}

static const rec_turn *turn_of(const cd_record_source *s, const rec_alignment *a) {
  return &s->turns[s->words[a->first].turn];
}

/* ---- messages ---- */

static const char *base_name(const char *path) {
  const char *slash = strrchr(path, '/');
  return slash && slash[1] ? slash + 1 : path;
}

/* "interview-ruiz.txt line 42" or "interview.vtt line 80 at 00:12:41". */
static char *where(cd_doc *doc, const cd_record_source *s, const rec_alignment *a) {
  const rec_turn *t = turn_of(s, a);
  size_t line = s->words[a->first].line;
  if (t->stamp_end > t->stamp_start)
    return cd_arena_printf(doc->arena, "%s line %zu at %.*s", base_name(s->name), line,
                           (int)(t->stamp_end - t->stamp_start), s->text + t->stamp_start);
  return cd_arena_printf(doc->arena, "%s line %zu", base_name(s->name), line);
}

/* s[a, b) for a message: runs of white space as one space, cut after SHOW_MAX bytes at a word. */
static char *shown(cd_doc *doc, const char *s, size_t a, size_t b) {
  char buf[SHOW_MAX + 8];
  size_t k = 0;
  bool cut = false;
  for (size_t i = a; i < b; i++) {
    char c = s[i] == '\n' || s[i] == '\t' || s[i] == '\r' ? ' ' : s[i];
    if (c == ' ' && k && buf[k - 1] == ' ') continue;
    if (k >= SHOW_MAX && c == ' ') {
      cut = true;
      break;
    }
    if (k >= SHOW_MAX + 4) {
      cut = true;
      break;
    }
    buf[k++] = c;
  }
  /* never end inside a UTF-8 sequence */
  while (cut && k && ((unsigned char)buf[k - 1] & 0xC0) == 0x80) k--;
  while (cut && k && (unsigned char)buf[k - 1] >= 0xC0) k--;
  if (cut) {
    memcpy(buf + k, "\xE2\x80\xA6", 3);
    k += 3;
  }
  return cd_arena_strndup(doc->arena, buf, k);
}

/* The record's words [first, last] as replacement text: the source's own spacing and punctuation
 * between them, except a line break or a dropped filler or annotation, which become one space. */
static char *record_words(cd_doc *doc, const cd_record_source *s, size_t first, size_t last) {
  size_t cap = 0;
  for (size_t j = first; j <= last; j++) cap += s->words[j].end - s->words[j].start + 8;
  char *out = cd_arena_alloc(doc->arena, cap + 1);
  if (!out) return NULL;
  size_t k = 0;
  for (size_t j = first; j <= last; j++) {
    const rec_word *w = &s->words[j];
    if (j > first && w->start == s->words[j - 1].start) continue; /* the second word of "don't" */
    if (j > first) {
      size_t a = s->words[j - 1].end, b = w->start;
      bool plain = b - a <= 8;
      for (size_t i = a; plain && i < b; i++) {
        unsigned char c = (unsigned char)s->text[i];
        if (c == '\n' || c == '[' || c == '<' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80) plain = false;
      }
      if (plain) {
        memcpy(out + k, s->text + a, b - a);
        k += b - a;
      } else {
        out[k++] = ' ';
      }
    }
    memcpy(out + k, s->text + w->start, w->end - w->start);
    k += w->end - w->start;
  }
  out[k] = 0;
  return out;
}

/* One difference: quote items [qa, qb] against record words [ja, jb] (either side may be empty:
 * qa > qb or ja > jb). */
typedef struct diff {
  size_t qa, qb, ja, jb;
} diff;

/* The runs of differing operations, each widened by a matching word on each empty side so that
 * both sides show something ("'will raise' here, 'will not raise' in ..."). */
/* Do two neighbouring operations touch one token of the quote or of the record ("don't" is the
 * two words "do not": a difference in one is shown, and fixed, with the other)? */
static bool one_token(const rec_item *items, const cd_record_source *s, const rec_op *x, const rec_op *y) {
  if (x->kind == OP_GAP || y->kind == OP_GAP) return false;
  if (x->kind != OP_DEL && y->kind != OP_DEL && items[x->item].start == items[y->item].start) return true;
  return x->kind != OP_INS && y->kind != OP_INS && s->words[x->word].start == s->words[y->word].start;
}

static size_t diffs_of(const rec_alignment *a, const rec_item *items, const cd_record_source *s, diff *out,
                       size_t cap) {
  size_t n = 0;
  for (size_t k = 0; k < a->n_ops && n < cap;) {
    uint8_t kind = a->ops[k].kind;
    if (kind == OP_MATCH || kind == OP_GAP) {
      k++;
      continue;
    }
    size_t e = k;
    bool q_side = false, r_side = false;
    for (; e < a->n_ops && a->ops[e].kind != OP_MATCH && a->ops[e].kind != OP_GAP; e++) {
      q_side |= a->ops[e].kind != OP_DEL;
      r_side |= a->ops[e].kind != OP_INS;
    }
    if (!q_side || !r_side) {
      /* a neighbouring match gives both sides a word ("'will raise' here, 'will not raise'") */
      if (k > 0 && a->ops[k - 1].kind == OP_MATCH) k--;
      else if (e < a->n_ops && a->ops[e].kind == OP_MATCH) e++;
      else {
        k = e;
        continue; /* nothing to anchor the difference to: a lone word at a gap */
      }
    }
    /* whole tokens: the matching half of a contraction goes with the differing half */
    while (k > 0 && one_token(items, s, &a->ops[k - 1], &a->ops[k])) k--;
    while (e < a->n_ops && one_token(items, s, &a->ops[e - 1], &a->ops[e])) e++;
    diff d = {SIZE_MAX, 0, SIZE_MAX, 0};
    bool q_empty = true, r_empty = true;
    for (size_t x = k; x < e; x++) {
      const rec_op *op = &a->ops[x];
      if (op->kind != OP_DEL) {
        if (q_empty) d.qa = op->item;
        d.qb = op->item;
        q_empty = false;
      }
      if (op->kind != OP_INS) {
        if (r_empty) d.ja = op->word;
        d.jb = op->word;
        r_empty = false;
      }
    }
    out[n++] = d;
    k = e;
  }
  return n;
}

static void report_altered(cd_doc *doc, size_t qi, const rec_item *items, const cd_record_source *s,
                           const rec_alignment *a) {
  diff diffs[16];
  size_t n = diffs_of(a, items, s, diffs, 16);
  if (n == 0) return;
  const diff *d = &diffs[0];
  size_t qs = items[d->qa].start, qe = items[d->qb].end;
  const char *here = shown(doc, doc->text, qs, qe);
  const char *there = shown(doc, s->text, s->words[d->ja].start, s->words[d->jb].end);
  const char *more = n == 1 ? "" : cd_arena_printf(doc->arena, " (and %zu more difference%s)", n - 1, n == 2 ? "" : "s");
  cd_diagnostic *dg = cd_doc_add_diag(
      doc, "quote.altered", qs, qe,
      cd_arena_printf(doc->arena, "'%s' here, '%s' in %s%s: quote the record's words or paraphrase.", here, there,
                      where(doc, s, a), more));
  dg->quote = qi;
  const cd_quote *q = CD_VEC_AT(&doc->quotes, cd_quote, qi);
  dg->entity = q->entity;
  cd_diag_add_related(doc, dg, q->span.start, q->span.end, "the whole quote");
  /* edits must not overlap (two differences widened onto one shared word): then no fix */
  for (size_t k = 1; k < n; k++)
    if (items[diffs[k].qa].start < items[diffs[k - 1].qb].end) return;
  cd_fix *f = cd_diag_add_fix(doc, dg, "Use the record's wording", true);
  if (!f) return;
  for (size_t k = 0; k < n; k++) {
    char *words = record_words(doc, s, diffs[k].ja, diffs[k].jb);
    if (words) cd_fix_add_edit(doc, f, items[diffs[k].qa].start, items[diffs[k].qb].end, words);
  }
}

static void report_speaker(cd_doc *doc, size_t qi, const char *person, const cd_record_source *s,
                           const rec_alignment *a) {
  const rec_turn *t = turn_of(s, a);
  const cd_quote *q = CD_VEC_AT(&doc->quotes, cd_quote, qi);
  int label_len = (int)(t->label_end - t->label_start);
  const char *label = s->text + t->label_start;
  const char *msg =
      t->role == ROLE_INTERVIEWER
          ? cd_arena_printf(doc->arena, "In %s these words are the interviewer's (%.*s), not %s's: check who said them.",
                            where(doc, s, a), label_len, label, person)
          : cd_arena_printf(doc->arena, "In %s these words are %.*s's, not %s's: check who said them.",
                            where(doc, s, a), label_len, label, person);
  cd_diagnostic *d = cd_doc_add_diag(doc, "quote.speaker-mismatch", q->span.start, q->span.end, msg);
  d->quote = qi;
  d->entity = q->entity;
  if (q->speaker_span.start != CD_NONE)
    cd_diag_add_related(doc, d, q->speaker_span.start, q->speaker_span.end, "the attributing words");
}

static void add_match(cd_doc *doc, size_t qi, const cd_record_source *s, const rec_alignment *a) {
  const rec_turn *t = turn_of(s, a);
  cd_record_match *m = cd_vec_push(&doc->record_matches);
  m->quote = qi;
  m->source = a->source;
  m->source_name = cd_arena_strdup(doc->arena, s->name);
  m->passage = (cd_span){s->words[a->first].start, s->words[a->last].end};
  m->turn = (cd_span){t->start, t->end};
  m->line = s->words[a->first].line;
  m->speaker = t->label_end > t->label_start
                   ? cd_arena_strndup(doc->arena, s->text + t->label_start, t->label_end - t->label_start)
                   : NULL;
  m->timestamp = t->stamp_end > t->stamp_start
                     ? cd_arena_strndup(doc->arena, s->text + t->stamp_start, t->stamp_end - t->stamp_start)
                     : NULL;
  m->exact = a->cost == 0;
}

/* Is the alignment close enough to say the quote comes from there? */
static bool close_enough(const rec_alignment *a, size_t words) {
  return a->matched >= MIN_WORDS && a->matched * 10 >= words * 6;
}

static void check_quote(cd_doc *doc, size_t qi, rec_item *items, rec_scratch *sc) {
  const cd_quote *q = CD_VEC_AT(&doc->quotes, cd_quote, qi);
  if (q->level > 0 || q->kind != CD_QUOTE_SPEECH || q->headline || !q->closed) return;
  /* a quote the sources have seen, word for word in one of them, needs no reading: its shape
   * (items' key and counts) is remembered by its bytes */
  rec_shape shape = {raw_key(doc->text + q->inner.start, q->inner.end - q->inner.start), 0, 0, 0};
  rec_alignment cands[REC_MAX_CANDIDATES];
  size_t nc = 0;
  bool have_items = false;
  if (rec_shape_get(doc->record[0], shape.raw, &shape)) {
    if (shape.words < MIN_WORDS) return;
    nc = rec_align_known(doc->record, doc->n_record, shape.key, shape.n_items, cands);
  }
  size_t words = shape.words, n = shape.n_items;
  if (nc == 0) {
    n = quote_items(doc, q, items, 400, &words);
    have_items = true;
    shape = (rec_shape){shape.raw, rec_items_key(items, n), (uint32_t)n, (uint32_t)words};
    rec_shape_put(doc->record[0], &shape);
    if (words < MIN_WORDS) return;
    nc = rec_align(doc->record, doc->n_record, items, n, sc, cands);
  }
  const char *person = credited_person(doc, q);
  /* the best fit; among equal fits, one whose speaker agrees */
  size_t best = SIZE_MAX;
  int best_agree = -2;
  for (size_t c = 0; c < nc; c++) {
    if (!close_enough(&cands[c], words)) continue;
    if (best != SIZE_MAX && (cands[c].cost != cands[best].cost || cands[c].matched != cands[best].matched)) break;
    const cd_record_source *s = doc->record[cands[c].source];
    int agree = speaker_agrees(person, s, turn_of(s, &cands[c]));
    if (agree > best_agree) {
      best = c;
      best_agree = agree;
    }
  }
  if (best == SIZE_MAX) {
    if (words >= MIN_WORDS_MISSING) {
      cd_diagnostic *d = cd_doc_add_diag(
          doc, "quote.not-in-record", q->span.start, q->span.end,
          doc->n_record == 1
              ? "Not in the record's source: check the quote against your notes, or add its source."
              : cd_arena_printf(doc->arena,
                                "In none of the record's %zu sources: check the quote against your notes, or add its source.",
                                doc->n_record));
      d->quote = qi;
      d->entity = q->entity;
    }
  } else {
    const rec_alignment *a = &cands[best];
    const cd_record_source *s = doc->record[a->source];
    add_match(doc, qi, s, a);
    if (a->cost && have_items) report_altered(doc, qi, items, s, a); /* (rec_align_known gives exact ones only) */
    /* only for a quote that is the passage word for word: an altered quote may come from another
     * passage that the index did not offer, and the altered finding already points at the one found */
    if (best_agree < 0 && a->cost == 0) report_speaker(doc, qi, person, s, a);
  }
  for (size_t c = 0; c < nc; c++) rec_alignment_free(&cands[c]);
}

void cd_pass_record(cd_doc *doc) {
  if (doc->n_record == 0) return;
  rec_item *items = malloc(400 * sizeof *items);
  if (!items) return;
  rec_scratch sc = {0};
  for (size_t qi = 0; qi < doc->quotes.len; qi++) check_quote(doc, qi, items, &sc);
  rec_scratch_free(&sc);
  free(items);
}

const cd_record_match *cd_report_record_matches(const cd_report *report, size_t *count) {
  *count = report->record_matches.len;
  return report->record_matches.data;
}

const cd_record_match *cd_report_record_match(const cd_report *report, size_t quote) {
  size_t lo = 0, hi = report->record_matches.len;
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    const cd_record_match *m = CD_VEC_AT(&report->record_matches, cd_record_match, mid);
    if (m->quote == quote) return m;
    if (m->quote < quote) lo = mid + 1;
    else hi = mid;
  }
  return NULL;
}
