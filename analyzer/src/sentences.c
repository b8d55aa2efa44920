/* Sentence pass: splits each paragraph after . ! ? … (and any closing marks or brackets after
 * them) when what follows starts a sentence. Abbreviations and initials do not end a sentence,
 * and a quote's closing mark followed by its attribution ("...," he said) does not either. */
#include "doc.h"
#include "incremental.h"
#include "lexicon.h"
#include "words.h"

static bool tok_is(const cd_doc *doc, const cd_token *t, char c) {
  return t->kind == TOK_PUNCT && t->len == 1 && doc->text[t->start] == c;
}

static bool is_terminal(const cd_doc *doc, const cd_token *t) {
  if (t->kind != TOK_PUNCT) return false;
  if (tok_is(doc, t, '.') || tok_is(doc, t, '!') || tok_is(doc, t, '?')) return true;
  return t->len == 3 && (unsigned char)doc->text[t->start] == 0xE2 &&
         (unsigned char)doc->text[t->start + 1] == 0x80 && (unsigned char)doc->text[t->start + 2] == 0xA6;
}

static bool is_closer(const cd_doc *doc, const cd_token *t) {
  return (t->kind == TOK_MARK && (t->role & MR_CLOSE)) || tok_is(doc, t, ')') || tok_is(doc, t, ']');
}

/* Does token `i` (the one after the terminal and its closers) start a new sentence? */
static bool starts_sentence(const cd_doc *doc, size_t i, size_t end) {
  if (i >= end) return true;
  const cd_token *t = doc_tok(doc, i);
  if (t->kind == TOK_MARK) return true;
  if (t->kind == TOK_NUMBER) return true;
  if (t->kind == TOK_WORD) return (t->flags & TF_CAP) != 0;
  return tok_is(doc, t, '(') || tok_is(doc, t, '[');
}

/* Is token i a capitalised word that opens sentences and never a name ("While", "The", "In"; the
 * words of name_stop_starts.txt), of more than one letter? After an initial's stop it starts a
 * new sentence: "... entering the U.S. While she has ...". */
static bool opens_sentence_word(const cd_doc *doc, size_t i, size_t end) {
  if (i >= end) return false;
  const cd_token *t = doc_tok(doc, i);
  size_t n = t->len;
  return t->kind == TOK_WORD && (t->flags & TF_CAP) && (t->flags & TF_SPACE_BEFORE) && n > 1 && !(t->flags & TF_ALLCAPS) &&
         cd_lex_has(CD_LEX_NAME_STOP_STARTS, doc->text + t->start, n);
}

static void add_sentence(cd_doc *doc, uint32_t para, size_t first, size_t end) {
  if (first >= end) return;
  cd_sentence *s = cd_vec_push(&doc->sentences);
  s->para = para;
  s->first_tok = (uint32_t)first;
  s->end_tok = (uint32_t)end;
  s->span.start = doc_tok(doc, first)->start;
  s->span.end = cd_tok_end(doc_tok(doc, end - 1));
  uint32_t si = (uint32_t)(doc->sentences.len - 1);
  for (size_t k = first; k < end; k++) CD_VEC_AT(&doc->tokens, cd_token, k)->sent = si;
}

void cd_pass_sentences(cd_doc *doc) {
  for (size_t pi = 0; pi < doc->paras.len; pi++) {
    if (doc->incr && cd_incr_sentences(doc, (uint32_t)pi)) continue;
    const cd_para *p = CD_VEC_AT(&doc->paras, cd_para, pi);
    size_t first = p->first_tok;
    for (size_t i = p->first_tok; i < p->end_tok; i++) {
      const cd_token *t = doc_tok(doc, i);
      /* a dotted chain keeps its last stop ("U.S."): it ends the sentence only before a word that
       * opens sentences ("... entering the U.S. While she ...") */
      if (t->kind == TOK_WORD && t->len > 2 && doc->text[cd_tok_end(t) - 1] == '.' &&
          opens_sentence_word(doc, i + 1, p->end_tok)) {
        add_sentence(doc, (uint32_t)pi, first, i + 1);
        first = i + 1;
        continue;
      }
      if (!is_terminal(doc, t)) continue;
      if (tok_is(doc, t, '.') && i > first) {
        const cd_token *w = doc_tok(doc, i - 1);
        size_t wn = w->len;
        bool adjacent = cd_tok_end(w) == t->start;
        if (adjacent && w->kind == TOK_WORD &&
            (cd_is_abbreviation(doc->text + w->start, wn) || (wn == 1 && (w->flags & TF_CAP))) &&
            !opens_sentence_word(doc, i + 1, p->end_tok))
          continue; /* Mr. Smith, J. R. R. Tolkien; but "... entering the U.S. While she ..." ends there */
        /* a stop with a word glued after it is inside an abbreviation: "(D-N.Y.)", "U.S.-led" */
        if (i + 1 < p->end_tok && doc_tok(doc, i + 1)->kind == TOK_WORD && !(doc_tok(doc, i + 1)->flags & TF_SPACE_BEFORE) &&
            !(doc_tok(doc, i + 1)->flags & TF_LINE_BEFORE))
          continue;
      }
      size_t j = i + 1;
      while (j < p->end_tok && (is_terminal(doc, doc_tok(doc, j)) || is_closer(doc, doc_tok(doc, j)))) j++;
      if (!starts_sentence(doc, j, p->end_tok)) continue;
      add_sentence(doc, (uint32_t)pi, first, j);
      first = j;
      i = j - 1;
    }
    add_sentence(doc, (uint32_t)pi, first, p->end_tok);
  }
}
