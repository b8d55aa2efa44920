/* Attribution pass: who said each quote.
 *
 * Precision-ordered sieves, first match wins; every decision keeps its evidence:
 *  1. after the quote, in its sentence: ", VERB SPEAKER" / ", SPEAKER VERB" (with an appositive:
 *     "Kelly, a spokesman for X, said"); or a short next sentence "SPEAKER VERB." after "...".
 *  2. before the quote, in its sentence: "SPEAKER VERB[:] (that) ...QUOTE"; a participle
 *     ("..., saying QUOTE") takes the sentence's subject; a woven-in fragment takes the subject
 *     of a stance verb ("Trump called it a "hoax"").
 *  3. "according to SPEAKER" (or ", per SPEAKER") anywhere in the sentence.
 *  4. continuation: a later quote of the same paragraph after an attributed one, or a quote
 *     that runs on from the previous paragraph.
 * A SPEAKER is a name (reported as its entity's fullest name), a pronoun (resolved to the person
 * it refers to) or a non-person source ("police", "the statement"), reported as written. */
#include <stdlib.h>
#include <string.h>

#include "attribution_internal.h"
#include "incremental.h"
#include "lexicon.h"
#include "speech_verbs.h"
#include "quotes_kind.h"
#include "strmap.h"

typedef struct quote_ctx {
  size_t open, close; /* mark tokens; close == open when unclosed */
  size_t qi;
  uint32_t sent_open, sent_close;
} quote_ctx;

static void set_cue(att *a, cd_quote *q, size_t verb) {
  const cd_token *t = T(a, verb);
  q->cue = cd_arena_strndup(a->doc->arena, a->doc->text + t->start, t->len);
  q->cue_span.start = t->start;
  q->cue_span.end = cd_tok_end(t);
}

/* A speaker phrase reported as written: tokens [first, end), no name behind it. */
static void as_written(att *a, speaker *sp, size_t first, size_t end, cd_attribution_method method) {
  memset(sp, 0, sizeof *sp);
  sp->found = true;
  sp->first_tok = first;
  sp->end_tok = end;
  sp->mention = sp->entity = CD_NONE;
  sp->method = method;
  sp->name = cd_arena_strndup(a->doc->arena, S(a, first), cd_tok_end(T(a, end - 1)) - T(a, first)->start);
}

/* A speaker phrase for the person of name mention `mi`, written as tokens [first, end): reported
 * as the mention's entity's name (the mention's own words when it has none). */
static void for_mention(att *a, speaker *sp, size_t mi, size_t first, size_t end, cd_attribution_method method) {
  const cd_name_mention *m = CD_VEC_AT(&a->doc->mentions, cd_name_mention, mi);
  as_written(a, sp, m->first_tok, m->end_tok, method);
  sp->mention = mi;
  sp->entity = m->entity;
  if (m->entity != CD_NONE) sp->name = CD_VEC_AT(&a->doc->entities, cd_entity, m->entity)->name;
  sp->first_tok = first;
  sp->end_tok = end;
}

/* Where a tag must end its sentence: not at all, in a sentence of its own after the quote, or in
 * the quote's own sentence after more words. */
typedef enum { TAIL_ANY, TAIL_OWN_SENTENCE, TAIL_QUOTE_SENTENCE } tail_rule;

/* After a verb: only an attribution's tail ("said.", "told reporters.", "said on Tuesday.",
 * "proclaimed to a cheering crowd at the convention on Tuesday.") -- not a clause with news of its
 * own. */
static bool short_tail(const att *a, size_t i, tail_rule rule) {
  uint32_t sent = i > 0 ? T(a, i - 1)->sent : 0;
  size_t words = 0;
  for (; i < doc_ntok(a->doc) && T(a, i)->sent == sent; i++) {
    /* the quote resumes (""...," Lind said on Monday, "..."): the tag ends there */
    if (rule == TAIL_QUOTE_SENTENCE && T(a, i)->kind == TOK_MARK && T(a, i)->role == MR_OPEN && i > 0 && punct(a, i - 1, ','))
      return true;
    /* ", referring to ...": a participle's clause after the tag only says what the words were about */
    if (punct(a, i, ',') && i + 1 < doc_ntok(a->doc) && T(a, i + 1)->kind == TOK_WORD && (T(a, i + 1)->flags & TF_LOWER) &&
        N(a, i + 1) > 5 && CD_WORD_IS(S(a, i + 1) + N(a, i + 1) - 3, 3, "ing"))
      return true;
    /* in the quote's own sentence, prepositions, articles and names do not count: "to a cheering
     * crowd at the Democratic National Convention on Tuesday" is still only where and when */
    bool counts = rule == TAIL_OWN_SENTENCE || ((T(a, i)->flags & TF_LOWER) && !att_preposition(a, i) && !att_determiner(a, i));
    if (T(a, i)->kind == TOK_WORD && counts && ++words > 8) return false;
    if (is(a, i, "that") || is(a, i, "would") || is(a, i, "will") || is(a, i, "was") || is(a, i, "is")) return false;
    /* a sentence of its own: "She said the city should hire an auditor.", "Its director urged the
     * city to act." say something new */
    if (rule == TAIL_OWN_SENTENCE && is(a, i, "to") && i + 1 < doc_ntok(a->doc) && T(a, i + 1)->sent == sent &&
        T(a, i + 1)->kind == TOK_WORD && (T(a, i + 1)->flags & TF_LOWER) && !att_determiner(a, i + 1) &&
        !att_function_word(a, i + 1) && !cd_lex_has(CD_LEX_AUDIENCE_WORDS, S(a, i + 1), N(a, i + 1)))
      return false;
    /* "Marchbanks admits she ignored it.": a subject and its verb, a clause of its own */
    if (rule == TAIL_OWN_SENTENCE && (is(a, i, "she") || is(a, i, "he") || is(a, i, "they") || is(a, i, "we")) &&
        i + 1 < doc_ntok(a->doc) && T(a, i + 1)->sent == sent && T(a, i + 1)->kind == TOK_WORD &&
        (T(a, i + 1)->flags & TF_LOWER) && !att_preposition(a, i + 1))
      return false;
    if (rule == TAIL_OWN_SENTENCE && T(a, i)->kind == TOK_WORD && (T(a, i)->flags & TF_LOWER) &&
        (is(a, i, "should") || is(a, i, "could") || is(a, i, "must") || is(a, i, "might") || is(a, i, "may") ||
         is(a, i, "can") || is(a, i, "had") || is(a, i, "has") || is(a, i, "have") || is(a, i, "were") ||
         is(a, i, "are") || is(a, i, "did") || is(a, i, "does")))
      return false;
  }
  return true;
}

/* Do tokens [from, to) read as an appositive or a relative clause between a speaker and its verb,
 * with or without its closing comma (", the polling guru who founded the site tweeted", ", one of
 * the states suing the agency, said")? A comma opens it; no quotation mark, semicolon or new
 * sentence inside, at most 30 tokens. */
static bool appositive_gap(att *a, size_t from, size_t to) {
  if (!punct(a, from, ',') || to <= from || to > from + 30) return false;
  for (size_t k = from + 1; k < to; k++) {
    size_t past = att_past_short_quote(a, k);
    if (past != CD_NONE && past < to) k = past;
    if ((T(a, k)->kind == TOK_MARK && T(a, k)->role != MR_APOS) || punct(a, k, ';') ||
        T(a, k)->sent != T(a, from)->sent)
      return false;
  }
  /* "Lazar, Song wrote": a speaker of its own after the comma is the verb's subject */
  speaker own = {0};
  size_t k = to;
  while (k > from + 1 && att_between_word(a, k - 1)) k--;
  return !(att_speaker_at(a, from + 1, &own, CD_ATTR_EXPLICIT) && (own.end_tok == k || att_phrase_end(&own) == k));
}

/* ""...," officials from three of the smallest states said": a source phrase (no name) and a
 * phrase of where they are from, up to SOURCE_PP_WORDS words with no clause or punctuation in it,
 * from `from` (the phrase's end) to `to` (the words before the verb). */
enum { SOURCE_PP_WORDS = 6 };
static bool source_place_gap(const att *a, const speaker *sp, size_t from, size_t to) {
  if (sp->method != CD_ATTR_SOURCE || sp->mention != CD_NONE || to <= from + 1 || to > from + 1 + SOURCE_PP_WORDS)
    return false;
  if (!(is(a, from, "from") || is(a, from, "of") || is(a, from, "in") || is(a, from, "at"))) return false;
  /* (the phrase itself no clause: not "a phrase that diplomats in the capital noted") */
  for (size_t k = sp->first_tok; k < from; k++)
    if (is(a, k, "that") || is(a, k, "which") || is(a, k, "who"))
      return false;
  for (size_t k = from + 1; k < to; k++)
    if ((T(a, k)->kind != TOK_WORD && T(a, k)->kind != TOK_NUMBER) || is(a, k, "who") ||
        is(a, k, "that") || is(a, k, "which") || is(a, k, "and"))
      return false;
  return !att_preposition(a, to - 1) && !att_determiner(a, to - 1);
}

/* "said former secretary of state Ana Lind, ...", "said master of ceremonies Omar Haddad.": after
 * a verb of saying, a few words that describe a person (no punctuation, no clause words, not
 * opening with a preposition: "said of Lind" is about her) and then a person's name that ends
 * the phrase (a comma, a stop, a party tag or the end of the sentence follows). */
enum { DESCRIPTOR_WORDS = 6 };
static bool described_speaker(att *a, size_t j, speaker *sp) {
  size_t n = doc_ntok(a->doc);
  if (j >= n || T(a, j)->kind != TOK_WORD || att_preposition(a, j)) return false;
  uint32_t sent = T(a, j)->sent;
  for (size_t k = j + 1; k < n && k <= j + DESCRIPTOR_WORDS && T(a, k)->sent == sent; k++) {
    if (T(a, k - 1)->kind != TOK_WORD || !outside_quotes(a, k - 1) ||
        (att_function_word(a, k - 1) && !is(a, k - 1, "of")))
      return false;
    size_t mi = mention_at(a, k);
    if (mi == CD_NONE || !cd_mention_is_person(a->doc, mi)) continue;
    speaker who = {0};
    if (!att_speaker_at(a, k, &who, CD_ATTR_EXPLICIT) || who.mention != mi) return false;
    size_t e = att_phrase_end(&who);
    if (e < n && T(a, e)->sent == sent && !punct(a, e, ',') && !punct(a, e, '.') && !punct(a, e, '(')) return false;
    *sp = who;
    sp->first_tok = j;
    return true;
  }
  return false;
}

static bool negated(const att *a, size_t v);

/* An attribution tag starting at token j: "VERB SPEAKER" or "SPEAKER [, appositive,] [adverbs] VERB".
 * With `must_end` other than TAIL_ANY, only when the tag ends its sentence (a short tail such as
 * "on Tuesday" at most): "He hopes the tech would..." is a new thought, not a tag. */
static bool tag_at(att *a, size_t j, tail_rule must_end, speaker *sp, size_t *verb) {
  size_t n = doc_ntok(a->doc);
  if (j >= n) return false; /* "...," as -- the text ends before a tag could start */
  uint32_t sent = T(a, j)->sent;
  /* VERB SPEAKER: said Trump, tweeted former executive Ken Gude; never "told X", whose X is the
   * one spoken to */
  if (att_speech_verb(a, j)) {
    if (is(a, j, "told") || is(a, j, "tells") || is(a, j, "tell")) return false;
    /* with must_end, the speaker may keep an appositive to the end: "said Ana Bell, a pollster at X." */
    if ((att_speaker_at(a, j + 1, sp, CD_ATTR_EXPLICIT) || att_bare_source(a, j + 1, sp) ||
         (!must_end && described_speaker(a, j + 1, sp))) &&
        (!must_end || short_tail(a, att_after_speaker(a, sp), must_end) || punct(a, att_phrase_end(sp), ','))) {
      *verb = j;
      return true;
    }
    memset(sp, 0, sizeof *sp);
    return false;
  }
  /* SPEAKER [, appositive,] [adverbs] VERB within a few words; a word that can be a verb of saying
   * inside the appositive ("one of the states suing") is passed over */
  speaker who = {0};
  bool have = false;
  for (size_t v = j; v < n && v < j + 45 && T(a, v)->sent == sent; v++) {
    /* a short quoted title inside an appositive ("..., wearing "Lind for Mayor" pins, said") */
    size_t past = v > j ? att_past_short_quote(a, v) : CD_NONE;
    if (past != CD_NONE && past < n) v = past;
    if (T(a, v)->kind == TOK_MARK && T(a, v)->role != MR_APOS) break;
    /* "state" is a verb only in a tag's place, its clause ending or going on with a preposition
     * (""...," the authors state in the paper"), never before a noun ("Kansas state officials") */
    bool state = v > j && is(a, v, "state") &&
                 (v + 1 >= n || T(a, v + 1)->kind == TOK_PUNCT || att_preposition(a, v + 1) || is(a, v + 1, "that"));
    /* "Marsh can be heard saying", "she was shouting": a participle of saying after "heard", "seen"
     * or a form of "be" is the tag's verb */
    bool participle = v > j && att_participle_of_saying(a, v);
    /* ""The Honourable Member will be aware," he began, with ...": "began" is a verb of saying
     * only right after a quote closed on its comma, its clause ending there */
    bool began = v > j && j >= 2 && (is(a, v, "began") || is(a, v, "begins")) && T(a, j - 1)->kind == TOK_MARK &&
                 T(a, j - 1)->role == MR_CLOSE && punct(a, j - 2, ',') &&
                 (v + 1 >= n || T(a, v + 1)->sent != sent || punct(a, v + 1, ',') || punct(a, v + 1, '.'));
    /* (the letter of a name a court gives is no article: "Person A said") */
    bool code_letter = v >= j + 2 && N(a, v - 1) == 1 && (T(a, v - 1)->flags & TF_CAP) && T(a, v - 2)->kind == TOK_WORD &&
                       (T(a, v - 2)->flags & TF_CAP);
    /* "officials from three states said": a noun that could be a verb ("states", "claims") right
     * before the verb of saying is the phrase's last word */
    if (v > j && v + 1 < n && T(a, v + 1)->sent == sent && (T(a, v + 1)->flags & TF_LOWER) && att_speech_verb(a, v + 1) &&
        !is(a, v + 1, "that"))
      continue;
    if (!(att_speech_verb(a, v) || state || participle || began) ||
        (att_determiner(a, v - 1) && !code_letter && !cd_lex_has(CD_LEX_GROUP_WORDS, S(a, v - 1), N(a, v - 1))))
      continue; /* "one of the states suing"; but "the two write" */
    /* ""...." Devine didn't concede defeat": who did not say it is no tag */
    if (negated(a, v)) break;
    /* a headline's "..., jury told", "court told": "told" with nothing after it is a passive, its
     * subject the one told */
    if (is(a, v, "told") && (v + 1 >= doc_ntok(a->doc) || T(a, v + 1)->sent != T(a, v)->sent ||
                             (punct(a, v + 1, '.') && (v + 2 >= doc_ntok(a->doc) || T(a, v + 2)->sent != T(a, v)->sent))))
      break;
    /* "French President Ana Bell said", "US Senator Jeff Sessions said" opening a sentence: the
     * nationality before the title is no speaker of its own */
    if (!have && !(have = att_speaker_at(a, j, &who, CD_ATTR_EXPLICIT)) &&
        !(j + 1 < v && T(a, j)->kind == TOK_WORD && (T(a, j)->flags & TF_CAP) &&
          cd_is_demonym(S(a, j), N(a, j), (T(a, j)->flags & TF_ALLCAPS) != 0) && mention_at(a, j + 1) != CD_NONE &&
          (have = att_speaker_at(a, j + 1, &who, CD_ATTR_EXPLICIT))))
      break;
    size_t e = v;
    bool be = false;
    /* "Kelly also said"; but a capitalised "Will" before the verb is a name ("George Will wrote") */
    while (e > j && att_between_word(a, e - 1) && !(T(a, e - 1)->flags & TF_CAP)) {
      e--;
      be = be || att_be_form(a, e);
    }
    /* a passive is no tag: in "The move was first reported by the Ledger" the subject is what was
     * said, not who said it; a progressive ("was telling") is active */
    if (be && !(N(a, v) > 3 && CD_WORD_IS(S(a, v) + N(a, v) - 3, 3, "ing")) &&
        !(v >= j + 2 && is(a, v - 1, "to") && is(a, v - 2, "heard"))) /* "was heard to say" is active */
      break;
    size_t after = att_after_speaker(a, &who);
    if ((who.end_tok == e || att_phrase_end(&who) == e || after == e || appositive_gap(a, att_phrase_end(&who), e) ||
         source_place_gap(a, &who, att_phrase_end(&who), e)) &&
        (!must_end || short_tail(a, v + 1, must_end))) {
      *sp = who;
      *verb = v;
      return true;
    }
    if (v >= after) break;
  }
  memset(sp, 0, sizeof *sp);
  return false;
}

/* Does the quote's own text end with a question or an exclamation ("...who knows?" Trump told)?
 * Then the sentence goes on after the closing mark, whatever the sentence splitter decided. */
static bool ends_in_question(const att *a, const quote_ctx *c) {
  return c->close > c->open + 1 && (punct(a, c->close - 1, '?') || punct(a, c->close - 1, '!'));
}

/* Does the tag whose verb is token v introduce a quote of its own: the verb, at most two words
 * ("back", "later"), a comma or colon, and an opening mark? */
static bool introduces_next_quote(const att *a, size_t v) {
  size_t n = doc_ntok(a->doc), k = v + 1;
  while (k < n && k < v + 3 && T(a, k)->kind == TOK_WORD && (T(a, k)->flags & TF_LOWER)) k++;
  return k + 1 < n && (punct(a, k, ',') || punct(a, k, ':')) && T(a, k + 1)->kind == TOK_MARK &&
         T(a, k + 1)->role == MR_OPEN;
}

/* A quote that is its paragraph, signed in the next one: ""..." ¶ - Ana Bell." or "— Ana Bell,
 * tweeting after the vote." The sign-off paragraph opens with a dash and a person's name. */
static bool sign_off_paragraph(att *a, const quote_ctx *c, size_t j, speaker *sp) {
  const cd_para *qp = CD_VEC_AT(&a->doc->paras, cd_para, para_of(a, c->close));
  const cd_para *np = CD_VEC_AT(&a->doc->paras, cd_para, para_of(a, j));
  /* (the dash may be typed as two hyphens: "-- Ana Bell") */
  bool dashes = dash(a, np->first_tok) && (np->first_tok + 1 == j || (np->first_tok + 2 == j && dash(a, np->first_tok + 1)));
  if (qp->first_tok != c->open || !dashes) return false;
  for (size_t k = c->close + 1; k < qp->end_tok; k++)
    if (!punct(a, k, '.')) return false; /* nothing but a stop after the closing mark */
  if (mention_at(a, j) == CD_NONE || !cd_mention_is_person(a->doc, mention_at(a, j))) return false;
  size_t e = CD_VEC_AT(&a->doc->mentions, cd_name_mention, mention_at(a, j))->end_tok;
  if (e < np->end_tok && !punct(a, e, '.') && !punct(a, e, ',')) return false;
  att_speaker_at(a, j, sp, CD_ATTR_EXPLICIT);
  return sp->found;
}

/* A credit in brackets right after the quote, as newsletters and digests give their sources:
 * ""..." [AP.]", ""..." [Harbour Times]". The words in the brackets, as written (up to
 * BRACKET_WORDS), are the source; of "[Ana Bell, The Harbour Times]", the writer before the comma. */
enum { BRACKET_WORDS = 4 };
static bool bracket_credit(att *a, const quote_ctx *c, speaker *sp) {
  size_t n = doc_ntok(a->doc), j = c->close + 1;
  if (c->close == c->open) return false;
  if (j < n && punct(a, j, '.')) j++;
  if (j >= n || !punct(a, j, '[') || para_of(a, j) != para_of(a, c->close)) return false;
  size_t first = j + 1, k = first, words = 0, comma = CD_NONE;
  for (; k < n && !punct(a, k, ']') && k < first + 4 * BRACKET_WORDS; k++) {
    if (T(a, k)->kind == TOK_WORD && ++words > (comma == CD_NONE ? BRACKET_WORDS : 3 * BRACKET_WORDS)) return false;
    /* "[Ana Bell, The Harbour Times]": the writer, then the paper (a longer name); one comma */
    if (punct(a, k, ',') && comma == CD_NONE && k > first) {
      comma = k;
      words = 0;
      continue;
    }
    if (T(a, k)->kind == TOK_MARK || (T(a, k)->kind == TOK_PUNCT && !punct(a, k, '.'))) return false;
  }
  if (!punct(a, k, ']') || words == 0 || !(T(a, first)->flags & TF_CAP)) return false;
  if (comma != CD_NONE) k = comma; /* the writer is credited */
  size_t last = k;
  while (last > first && punct(a, last - 1, '.')) last--;
  as_written(a, sp, first, last, CD_ATTR_SOURCE);
  if (mention_at(a, first) != CD_NONE) {
    const cd_name_mention *m = CD_VEC_AT(&a->doc->mentions, cd_name_mention, mention_at(a, first));
    if (m->end_tok == last && m->entity != CD_NONE) {
      sp->mention = mention_at(a, first);
      sp->entity = m->entity;
      sp->name = CD_VEC_AT(&a->doc->entities, cd_entity, m->entity)->name;
    }
  }
  return true;
}

/* A person or an organisation named in brackets after a quote ("(Brantwood Police, annual report)"). */
static bool source_in_brackets(const att *a, size_t mi) {
  if (cd_mention_is_person(a->doc, mi)) return true;
  const cd_name_mention *m = CD_VEC_AT(&a->doc->mentions, cd_name_mention, mi);
  return m->entity != CD_NONE &&
         CD_VEC_AT(&a->doc->entities, cd_entity, m->entity)->kind == CD_ENTITY_ORGANIZATION;
}

/* Sieve 1: after the closing mark. */
/* ""...," Interfax quoted Kravets as saying", "..., the agency quoted him as saying": wire copy's
 * tag names the speaker as the object of "quoted", the agency only carries the words. Token j
 * starts the tag; the speaker is the one quoted, the verb the participle after "as". */
static bool quoted_as_saying(att *a, size_t j, speaker *sp, size_t *verb) {
  size_t n = doc_ntok(a->doc);
  uint32_t sent = T(a, j)->sent;
  /* most tags have no "quoted": asked of the words first, before any speaker phrase is read */
  bool quoted = false;
  for (size_t k = j; k < n && k < j + 12 && T(a, k)->sent == sent && !quoted; k++) quoted = is(a, k, "quoted");
  if (!quoted) return false;
  /* "..., Ri was quoted by KCNA as saying": the subject of the passive */
  speaker subj = {0};
  if (att_speaker_at(a, j, &subj, CD_ATTR_EXPLICIT)) {
    size_t e = att_phrase_end(&subj);
    if (e + 1 < n && (is(a, e, "was") || is(a, e, "is") || is(a, e, "were")) && is(a, e + 1, "quoted")) {
      for (size_t k = e + 2; k + 1 < n && k < e + 12 && T(a, k)->sent == sent && T(a, k)->kind != TOK_MARK; k++)
        if (is(a, k, "as") && T(a, k + 1)->kind == TOK_WORD && cd_is_speech_participle(S(a, k + 1), N(a, k + 1))) {
          *sp = subj;
          *verb = k + 1;
          return true;
        }
    }
  }
  for (size_t k = j; k + 3 < n && k < j + 8 && T(a, k)->sent == sent; k++) {
    if (T(a, k)->kind == TOK_MARK) return false;
    if (!is(a, k, "quoted")) continue;
    speaker who = {0};
    if (!att_speaker_at(a, k + 1, &who, CD_ATTR_EXPLICIT)) return false;
    size_t e = att_phrase_end(&who);
    if (e + 1 >= n || !is(a, e, "as") || T(a, e + 1)->kind != TOK_WORD || !cd_is_speech_participle(S(a, e + 1), N(a, e + 1)))
      return false;
    *sp = who;
    *verb = e + 1;
    return true;
  }
  return false;
}

static bool after_quote(att *a, const quote_ctx *c, speaker *sp, size_t *verb) {
  size_t j = c->close + 1;
  size_t n = doc_ntok(a->doc);
  /* ""Saan kami mangingisda?" (Where will we fish?) asked Santiago": a translation in brackets
   * between the quote and its tag */
  if (j + 2 < n && punct(a, j, '(') && para_of(a, j) == para_of(a, c->close)) {
    size_t k = j + 1;
    while (k < n && k < j + 60 && !punct(a, k, ')') && T(a, k)->kind != TOK_MARK && para_of(a, k) == para_of(a, j)) k++;
    if (k + 1 < n && punct(a, k, ')') && k > j + 2 && para_of(a, k + 1) == para_of(a, j)) {
      quote_ctx past = *c;
      past.close = k;
      past.sent_close = T(a, k)->sent;
      if (after_quote(a, &past, sp, verb)) return true; /* else the brackets may credit (below) */
      memset(sp, 0, sizeof *sp);
      *verb = CD_NONE;
    }
  }
  bool same_sentence = j < n && T(a, j)->sent == c->sent_close;
  while (j < n && (punct(a, j, ',') || dash(a, j) || punct(a, j, ':'))) j++;
  if (j < n && para_of(a, j) == para_of(a, c->close) + 1 && sign_off_paragraph(a, c, j, sp)) {
    *verb = CD_NONE;
    return true;
  }
  if (j >= n || para_of(a, j) != para_of(a, c->close)) return false;
  bool next_sentence = (!same_sentence || T(a, j)->sent != c->sent_close) && !ends_in_question(a, c);
  if (next_sentence) {
    /* "We will win." Smith said. -- only when the next sentence is a short attribution */
    const cd_sentence *s = CD_VEC_AT(&a->doc->sentences, cd_sentence, T(a, j)->sent);
    if (s->end_tok - s->first_tok > 14 || s->first_tok != j) return false;
    for (size_t k = s->first_tok; k < s->end_tok; k++)
      if (T(a, k)->kind == TOK_MARK && T(a, k)->role != MR_APOS) return false;
  }
  if (!next_sentence && quoted_as_saying(a, j, sp, verb)) return true;
  if (tag_at(a, j, next_sentence ? TAIL_OWN_SENTENCE : TAIL_ANY, sp, verb)) return true;
  /* "...," as Lind put it. */
  if (is(a, j, "as") && !next_sentence && tag_at(a, j + 1, TAIL_QUOTE_SENTENCE, sp, verb)) return true;
  /* a sign-off: "..." ― Ana Bell, the name alone after a dash, ending its sentence or paragraph;
   * not after a fragment woven into the writer's sentence ("... insisted his party was
   * "..."--Ana Bell."), where the name signs the story, not the words */
  bool woven = c->open > 0 && T(a, c->open - 1)->kind == TOK_WORD && (T(a, c->open - 1)->flags & TF_LOWER) &&
               para_of(a, c->open - 1) == para_of(a, c->open);
  if (j > c->close + 1 && dash(a, j - 1) && !woven && mention_at(a, j) != CD_NONE &&
      cd_mention_is_person(a->doc, mention_at(a, j))) {
    size_t e = CD_VEC_AT(&a->doc->mentions, cd_name_mention, mention_at(a, j))->end_tok;
    if (e >= n || para_of(a, e) != para_of(a, j) || punct(a, e, '.') || punct(a, e, ',') ||
        (T(a, e)->kind == TOK_MARK && T(a, e)->role == MR_OPEN)) {
      att_speaker_at(a, j, sp, CD_ATTR_EXPLICIT);
      *verb = CD_NONE;
      return sp->found;
    }
  }
  /* ""Be the change you wish to see," credited to Mahatma Gandhi": the words a saying is credited to */
  if (!next_sentence && (is(a, j, "credited") || is(a, j, "attributed")) && is(a, j + 1, "to") && j + 2 < n &&
      mention_at(a, j + 2) != CD_NONE && cd_mention_is_person(a->doc, mention_at(a, j + 2))) {
    att_speaker_at(a, j + 2, sp, CD_ATTR_EXPLICIT);
    *verb = j;
    return sp->found;
  }
  /* a headline's "'I stopped running away from it': Amara Boateng-Lisle on the fastest year of her
   * life": the person after the colon, on whatever follows */
  if (!next_sentence && j > c->close + 1 && punct(a, j - 1, ':') && CD_VEC_AT(&a->doc->paras, cd_para, para_of(a, j))->headline &&
      mention_at(a, j) != CD_NONE && cd_mention_is_person(a->doc, mention_at(a, j))) {
    size_t e = CD_VEC_AT(&a->doc->mentions, cd_name_mention, mention_at(a, j))->end_tok;
    if (e >= n || para_of(a, e) != para_of(a, j) || is(a, e, "on")) {
      att_speaker_at(a, j, sp, CD_ATTR_EXPLICIT);
      *verb = CD_NONE;
      return sp->found;
    }
  }
  /* "..." — a resident, during public questions (a list of what people said) */
  if (j > c->close + 1 && dash(a, j - 1) && !woven && att_dash_source(a, j, sp)) {
    *verb = CD_NONE;
    return true;
  }
  /* the source in brackets right after the quote, a fact-check's layout: "..." (Mayor Kristine
   * Halvorsen, campaign rally, 3 May) -- a person's or organisation's name alone, or before a comma */
  size_t b = c->close + 1;
  if (!woven && b + 1 < n && punct(a, b, '(') && para_of(a, b) == para_of(a, c->close) &&
      mention_at(a, b + 1) != CD_NONE && source_in_brackets(a, mention_at(a, b + 1))) {
    size_t e = CD_VEC_AT(&a->doc->mentions, cd_name_mention, mention_at(a, b + 1))->end_tok;
    if (e < n && (punct(a, e, ')') || punct(a, e, ','))) {
      att_speaker_at(a, b + 1, sp, CD_ATTR_EXPLICIT);
      *verb = CD_NONE;
      return sp->found;
    }
  }
  return false;
}

/* Widens the known run of marks by [lo, hi], all marks: joined to it when they touch, instead of it
 * when not. */
static void known_marks(att *a, size_t lo, size_t hi) {
  if (a->marks_hi >= a->marks_lo && lo <= a->marks_hi + 1 && hi + 1 >= a->marks_lo) {
    if (lo < a->marks_lo) a->marks_lo = lo;
    if (hi > a->marks_hi) a->marks_hi = hi;
  } else {
    a->marks_lo = lo;
    a->marks_hi = hi;
  }
}

/* From token k on, while it and the next are marks, up to `limit`: the run's last mark, or `limit`
 * (k itself when k is no mark or the next is none). */
static size_t last_mark_of_run(att *a, size_t k, size_t limit) {
  size_t n = doc_ntok(a->doc), from = k;
  if (T(a, k)->kind != TOK_MARK) return k;
  if (k >= a->marks_lo && k <= a->marks_hi) { /* the known run goes on at least to its end */
    size_t to = a->marks_hi < limit ? a->marks_hi : limit;
    if (to > k) k = to;
  }
  while (k + 1 < n && T(a, k + 1)->kind == TOK_MARK && k < limit) k++;
  known_marks(a, from, k);
  return k;
}

/* From mark v back, while the token before is a mark, down to `floor`: the run's first mark, or
 * `floor` (v itself when v <= floor). */
static size_t first_mark_of_run(att *a, size_t v, size_t floor) {
  size_t f = v;
  if (f >= a->marks_lo && f <= a->marks_hi) { /* the known run goes back at least to its start */
    size_t to = a->marks_lo > floor ? a->marks_lo : floor;
    if (to < f) f = to;
  }
  while (f > 0 && T(a, f - 1)->kind == TOK_MARK && f > floor) f--;
  known_marks(a, f, v);
  return f;
}

/* Sieve 1b: a tag that ends the quote's sentence after more words: ""We must act" and pass the
 * bill, Kane said", ""...," as the crowd cheered, she said". The tag follows a comma, a dash or
 * the closing mark of a later quote, and nothing but a short tail follows it. */
static bool sentence_tag(att *a, const quote_ctx *c, speaker *sp, size_t *verb) {
  size_t n = doc_ntok(a->doc);
  for (size_t k = c->close + 1; k < n && k < c->close + 60 && T(a, k)->sent == c->sent_close; k++) {
    /* a mark followed by a mark tags nothing: go to the run's last mark (sentences only grow with
     * k), or to the window's end, where the search stops anyway: a run of a million marks is
     * walked no further than a window */
    k = last_mark_of_run(a, k, c->close + 60);
    if (k >= c->close + 60 || T(a, k)->sent != c->sent_close) break;
    bool later_close = T(a, k)->kind == TOK_MARK && T(a, k)->role == MR_CLOSE;
    if (!later_close && !((punct(a, k, ',') || dash(a, k)) && outside_quotes(a, k))) continue;
    size_t j = k + 1;
    while (j < n && (punct(a, j, ',') || dash(a, j))) j++;
    if (j >= n || T(a, j)->sent != c->sent_close || T(a, j)->kind != TOK_WORD) continue;
    if (tag_at(a, j, TAIL_QUOTE_SENTENCE, sp, verb)) return true;
  }
  return false;
}

/* The quote that quote qi runs on into across a paragraph break (its mark left open, the next
 * paragraph opening with one), or CD_NONE. */
enum { RUN_ON_NESTED = 32 };
static size_t run_on_into(const att *a, size_t qi) {
  const cd_vec *quotes = &a->doc->quotes;
  /* (past the quotes nested in it: a witness's paragraph may quote others several times) */
  for (size_t k = qi + 1; k < quotes->len && k < qi + RUN_ON_NESTED; k++) {
    const cd_quote *n = CD_VEC_AT(quotes, cd_quote, k);
    if (n->paragraph_continues == qi) return k;
    if (n->level == 0) break;
  }
  return CD_NONE;
}

static bool runs_on(const att *a, size_t qi) { return run_on_into(a, qi) != CD_NONE; }

/* Does the quote end its paragraph (nothing but closing punctuation after its mark)? */
static bool quote_ends_paragraph(const att *a, const quote_ctx *c) {
  /* a quote that runs on into the next paragraph runs to the end of its own */
  if (c->close == c->open) return runs_on(a, c->qi);
  const cd_para *p = CD_VEC_AT(&a->doc->paras, cd_para, para_of(a, c->open));
  for (size_t k = c->close + 1; k < p->end_tok; k++)
    if (T(a, k)->kind != TOK_PUNCT) return false;
  return true;
}

/* Is the quote the whole of its paragraph? */
static bool quote_is_paragraph(const att *a, const quote_ctx *c) {
  return quote_ends_paragraph(a, c) && CD_VEC_AT(&a->doc->paras, cd_para, para_of(a, c->open))->first_tok == c->open;
}

/* Does the subject phrase act, rather than undergo ("Lind was arrested", "had been taken")? A
 * form of "be" among the words after it, then a participle, makes it a passive's subject. */
static bool active_subject(const att *a, const speaker *sp, size_t end) {
  bool be = false;
  size_t first = att_after_speaker(a, sp), v = first;
  for (; v < end && T(a, v)->kind == TOK_WORD && v < first + 4; v++) {
    if (att_be_form(a, v))
      be = true;
    else if (!att_between_word(a, v))
      break;
  }
  if (v >= end || T(a, v)->kind != TOK_WORD || !(T(a, v)->flags & TF_LOWER)) return !be;
  /* "was accused", "was taken", and irregular participles of stance verbs: "was held", "was found" */
  return !(be && N(a, v) > 2 && (CD_WORD_IS(S(a, v) + N(a, v) - 2, 2, "ed") || CD_WORD_IS(S(a, v) + N(a, v) - 2, 2, "en") ||
                                 (cd_is_stance_verb(S(a, v), N(a, v)) && !CD_WORD_IS(S(a, v) + N(a, v) - 3, 3, "ing"))));
}

/* The person a sentence is about, as its subject: a name (not a pronoun: ""...," Smith said. She
 * left. ¶ "QUOTE"" stays unattributed) that acts. A paragraph that is only a quote, after a
 * paragraph about that person, is that person's ("Lind is upbeat about the plan. ¶ "It will pass.""). */
static bool person_subject(att *a, uint32_t sent, speaker *sp, size_t *verb) {
  const cd_sentence *s = CD_VEC_AT(&a->doc->sentences, cd_sentence, sent);
  *verb = CD_NONE;
  /* (he or she too, resolved to a person known to be of that gender: "Gregory Albanese stood ... ¶
   * He turned toward the gallery. "I am sorry."") */
  if (!att_sentence_subject(a, sent, s->end_tok, sp) || sp->mention == CD_NONE ||
      !cd_mention_is_person(a->doc, sp->mention) || !active_subject(a, sp, s->end_tok))
    return false;
  return sp->method != CD_ATTR_PRONOUN ||
         att_gender_known_fit(a, sp->mention, S(a, sp->first_tok), N(a, sp->first_tok));
}

/* "In a statement released on Sunday evening, Koorala Air said ...", "..., the council said in a
 * statement": the sentence names the statement the block quote after it is from. */
static bool in_a_statement(const att *a, const cd_sentence *s) {
  for (size_t k = s->first_tok; k + 1 < s->end_tok; k++)
    if ((is(a, k, "a") || is(a, k, "its") || is(a, k, "their")) && (is(a, k + 1, "statement") || is(a, k + 1, "release")) &&
        k > s->first_tok && is(a, k - 1, "in"))
      return true;
  return false;
}

/* Does sentence s hold a quotation mark or a verb of saying outside quotes? */
static bool says_anything(const att *a, const cd_sentence *s) {
  for (size_t k = s->first_tok; k < s->end_tok; k++)
    if (T(a, k)->kind == TOK_MARK && T(a, k)->role != MR_APOS) return true;
    else if (outside_quotes(a, k) && att_speech_verb(a, k)) return true;
  return false;
}

/* "The Harbor Board issued a statement on Monday apologizing to riders. ¶ "We regret ..."": a
 * sentence whose subject (a name or a source, not a pronoun) issues or releases a statement, letter
 * or memo announces the words that follow; the subject is their speaker. The verb stands right
 * after the subject (past adverbs), the document within three words after it. */
static bool announces_document(const att *a, size_t v) {
  static const char *const verbs[] = {"issued", "released", "posted", "published", "sent", "issues", "releases",
                                      "read", "reads", NULL};
  static const char *const docs[] = {"statement", "letter", "memo", "memorandum", "note", "notice", "message", NULL};
  if (T(a, v)->kind != TOK_WORD || !cd_word_in(S(a, v), N(a, v), verbs)) return false;
  for (size_t d = v + 1; d < doc_ntok(a->doc) && d <= v + 4 && T(a, d)->kind == TOK_WORD && (T(a, d)->flags & TF_LOWER); d++)
    if (cd_word_in(S(a, d), N(a, d), docs)) return true;
  return false;
}

static bool document_subject(att *a, uint32_t sent, speaker *sp, size_t *verb) {
  const cd_sentence *s = CD_VEC_AT(&a->doc->sentences, cd_sentence, sent);
  *verb = CD_NONE;
  if (!att_sentence_subject(a, sent, s->end_tok, sp) || sp->method == CD_ATTR_PRONOUN ||
      (sp->mention == CD_NONE && sp->method != CD_ATTR_SOURCE))
    return false;
  size_t v = att_after_speaker(a, sp);
  while (v < s->end_tok && att_between_word(a, v) && !att_be_form(a, v)) v++;
  if (v >= s->end_tok || !announces_document(a, v)) return false;
  *verb = v;
  return true;
}

/* A noun for a person or people, singular or in -s ("judges", "umpires"; the lists hold most
 * nouns in the singular). */
static bool people_noun(const att *a, size_t i) {
  if (T(a, i)->kind != TOK_WORD) return false;
  if (att_person_noun(a, i)) return true;
  const char *w = S(a, i);
  size_t n = N(a, i);
  if (n < 4 || w[n - 1] != 's') return false;
  return cd_lex_has(CD_LEX_ROLE_NOUNS, w, n - 1) || cd_lex_has(CD_LEX_SOURCE_NOUNS, w, n - 1) || cd_is_job_title(w, n - 1) ||
         cd_lex_has(CD_LEX_PERSON_DESCRIPTORS, w, n - 1);
}

/* "The judges reserved their sharpest words for the way the statement was recorded. ¶ > "..."": a
 * sentence whose subject (a name or a source, not a pronoun) gives its own words -- a verb right
 * after the subject, then "their", "its", "his" or "her", up to two modifiers and a noun of speech
 * -- announces the quote-only paragraph after it. */
static bool owned_words_subject(att *a, uint32_t sent, speaker *sp, size_t *verb) {
  const cd_sentence *s = CD_VEC_AT(&a->doc->sentences, cd_sentence, sent);
  *verb = CD_NONE;
  size_t v, f = att_past_dateline(a, s), h = f + 1;
  /* a phrase for people that opens the sentence ("The judges", "The two umpires"), whose verb is
   * none of saying, so the subject search passes it over */
  while (h < s->end_tok && h < f + 3 && !people_noun(a, h) && (T(a, h)->kind == TOK_NUMBER || (T(a, h)->flags & TF_LOWER)))
    h++;
  if (att_determiner(a, f) && h < s->end_tok && people_noun(a, h) && (T(a, h)->flags & TF_LOWER)) {
    memset(sp, 0, sizeof *sp);
    as_written(a, sp, f, h + 1, CD_ATTR_SOURCE);
    v = h + 1;
  } else {
    if (!att_sentence_subject(a, sent, s->end_tok, sp) || sp->first_tok != f || sp->method == CD_ATTR_PRONOUN ||
        (sp->mention == CD_NONE && sp->method != CD_ATTR_SOURCE) || !active_subject(a, sp, s->end_tok))
      return false;
    v = att_after_speaker(a, sp);
  }
  while (v < s->end_tok && att_between_word(a, v) && !att_be_form(a, v)) v++;
  if (v + 2 >= s->end_tok || T(a, v)->kind != TOK_WORD || !(T(a, v)->flags & TF_LOWER) || att_be_form(a, v)) return false;
  size_t d = v + 1;
  if (!(is(a, d, "their") || is(a, d, "its") || is(a, d, "his") || is(a, d, "her"))) return false;
  for (size_t n = d + 1; n < s->end_tok && n <= d + 3 && T(a, n)->kind == TOK_WORD && (T(a, n)->flags & TF_LOWER); n++)
    if (cd_lex_has(CD_LEX_SPEECH_NOUNS, S(a, n), N(a, n))) {
      *verb = n;
      return true;
    }
  return false;
}

/* "the interpreter broke in to say: "..."", "Lind stood up to ask", "she paused to add": a verb
 * of saying in the infinitive after a verb of moving to speak (and a particle or two) is that
 * verb's subject's, the phrase right before it: a name, he or she, or a determiner and a noun. */
static bool infinitive_subject(att *a, size_t first, size_t v, speaker *sp) {
  static const char *const PARTICLES[] = {"in", "up", "out", "back", "forward", "over", "on", "briefly", "only", NULL};
  if (v < first + 3 || !is(a, v - 1, "to")) return false;
  size_t mv = v - 2;
  while (mv > first && mv + 4 > v && T(a, mv)->kind == TOK_WORD && cd_word_in(S(a, mv), N(a, mv), PARTICLES)) mv--;
  /* verbs of moving to speak, not of wanting or refusing to ("declined to say", "refused to say") */
  static const char *const MOVES[] = {"broke", "rose", "stood", "paused", "interrupted", "turned", "stepped", "leaned",
                                      "went", "came", "returned", "jumped", "chimed", "cut", "hastened", "stopped",
                                      "got", "called", "phoned", "rang", "emailed", "texted", "wrote", "took", NULL};
  const cd_token *t = T(a, mv);
  if (mv <= first || t->kind != TOK_WORD || !(t->flags & TF_LOWER) || !cd_word_in(S(a, mv), N(a, mv), MOVES)) return false;
  /* a name or a pronoun that ends right before the verb */
  for (size_t st = mv > first + 6 ? mv - 6 : first; st < mv; st++) {
    speaker tmp = {0};
    if (mention_at(a, st) == CD_NONE && !(T(a, st)->kind == TOK_WORD && cd_is_pronoun(S(a, st), N(a, st)))) continue;
    if (att_after_preposition(a, st, first)) continue;
    if (att_speaker_at(a, st, &tmp, CD_ATTR_EXPLICIT) && (tmp.end_tok == mv || att_phrase_end(&tmp) == mv) &&
        (tmp.mention == CD_NONE || cd_mention_is_person(a->doc, tmp.mention) || tmp.method == CD_ATTR_PRONOUN)) {
      *sp = tmp;
      return true;
    }
  }
  /* a determiner, up to two modifiers and a noun: "the interpreter", "a juror", "The report went
   * on to say" */
  size_t h = mv - 1;
  if (T(a, h)->kind != TOK_WORD || !(T(a, h)->flags & TF_LOWER) || att_function_word(a, h) || att_preposition(a, h) ||
      cd_is_pronoun(S(a, h), N(a, h)))
    return false;
  for (size_t d = h; d > first && h - d < 3; d--)
    if (att_determiner(a, d - 1)) {
      if (att_after_preposition(a, d - 1, first)) return false; /* "Democrats on the stage refused" */
      memset(sp, 0, sizeof *sp);
      as_written(a, sp, d - 1, h + 1, CD_ATTR_SOURCE);
      return true;
    }
  return false;
}

/* "Its opening lines became a fixture of late-night radio: ¶ > "Keep the lamp low, ..."": a quote
 * that is a paragraph of its own after a sentence whose subject is the lines, lyrics, verse or
 * chorus of something (a determiner or owner first, two modifiers at most) is a song's or a poem's
 * text. */
static bool lines_of_a_song(att *a, const quote_ctx *c) {
  static const char *const LINES[] = {"line", "lines", "lyric", "lyrics", "verse", "verses", "chorus", "refrain",
                                      "stanza", "stanzas", "couplet", NULL};
  if (c->sent_open == 0 || !quote_is_paragraph(a, c)) return false;
  const cd_sentence *ps = CD_VEC_AT(&a->doc->sentences, cd_sentence, c->sent_open - 1);
  size_t f = att_past_dateline(a, ps);
  if (ps->end_tok <= f + 2 || !(att_determiner(a, f) || is(a, f, "its") || is(a, f, "his") || is(a, f, "her") ||
                                is(a, f, "their")))
    return false;
  for (size_t k = f + 1; k < ps->end_tok && k <= f + 3; k++) {
    if (T(a, k)->kind != TOK_WORD || !(T(a, k)->flags & TF_LOWER)) return false;
    if (cd_word_in(S(a, k), N(a, k), LINES)) return true;
  }
  return false;
}

/* "Asked by a journalist, "Will you run the Olympic marathon?", he paused": the question right after
 * the fronted "Asked by" and its agent is the agent's (the one asked answers after it). */
static bool asked_by(att *a, const quote_ctx *c, speaker *sp) {
  const cd_sentence *s = CD_VEC_AT(&a->doc->sentences, cd_sentence, c->sent_open);
  size_t f = att_past_dateline(a, s);
  if (!is(a, f, "asked") || !(T(a, f)->flags & TF_CAP) || !is(a, f + 1, "by") || c->open < f + 4 ||
      !punct(a, c->open - 1, ',') || c->open - f > 10)
    return false;
  for (size_t k = f + 2; k + 1 < c->open; k++)
    if (T(a, k)->kind != TOK_WORD && T(a, k)->kind != TOK_NUMBER && T(a, k)->kind != TOK_PUNCT) return false;
  speaker tmp = {0};
  if (att_speaker_at(a, f + 2, &tmp, CD_ATTR_EXPLICIT) && (tmp.end_tok == c->open - 1 || att_phrase_end(&tmp) == c->open - 1)) {
    *sp = tmp;
    return true;
  }
  /* "a journalist", "one reporter": a determiner and a noun, as written */
  if (!att_determiner(a, f + 2) && !is(a, f + 2, "one")) return false;
  for (size_t k = f + 3; k + 1 < c->open; k++)
    if (T(a, k)->kind != TOK_WORD || !(T(a, k)->flags & TF_LOWER) || att_function_word(a, k)) return false;
  memset(sp, 0, sizeof *sp);
  as_written(a, sp, f + 2, c->open - 1, CD_ATTR_SOURCE);
  return true;
}

/* "X read her victim impact statement aloud in a packed courtroom. Several of her late husband's
 * students sat in the gallery. ¶ > "..."": the statement announced two sentences before the
 * quote's sentence `sent`, in one paragraph, past a sentence of scene with no quote and no verb of
 * saying; its subject (a name or a source, not a pronoun) speaks. */
static bool statement_read_before(att *a, uint32_t sent, speaker *sp, size_t *verb) {
  const cd_doc *doc = a->doc;
  if (sent < 2) return false;
  const cd_sentence *ps = CD_VEC_AT(&doc->sentences, cd_sentence, sent - 1), *s2 = CD_VEC_AT(&doc->sentences, cd_sentence, sent - 2);
  if (s2->para != ps->para || says_anything(a, ps)) return false;
  for (size_t v = s2->first_tok + 1; v < s2->end_tok; v++) {
    if (!(T(a, v)->flags & TF_LOWER) || !announces_document(a, v)) continue;
    memset(sp, 0, sizeof *sp);
    if (!att_sentence_subject(a, sent - 2, v, sp) || sp->method == CD_ATTR_PRONOUN ||
        (sp->mention == CD_NONE && sp->method != CD_ATTR_SOURCE))
      return false;
    *verb = v;
    return true;
  }
  return false;
}

/* Sieve 5: a quote that opens its sentence with no tag of its own belongs to the sentence before
 * it (in its paragraph; or the last of the previous paragraph when the quote opens a paragraph):
 * to the speaker of the quote that ends that sentence ("...," Lind said. ¶ "QUOTE"), else to the
 * subject that speaks in it ("Greene added that ... . "QUOTE"", "He said: ¶ "QUOTE"").
 * Returns the quote to continue in *from, or the speaker in *sp. */
static bool before_quote(att *a, const quote_ctx *c, bool partial, speaker *sp, size_t *verb);
static bool second_speaker(att *a, size_t from, size_t to, const cd_quote *pq);
/* ""...," Haddad added. He then had a question for the crowd. ¶ "Who is going to pay for it?"": a
 * quote-only paragraph after a sentence that announces speech (a noun or verb of saying after its
 * subject) and whose subject is "he" or "she" for the person who spoke the last quote of that
 * sentence's paragraph is that person's. Not after "He left." (the attribution_paragraph_subject
 * fixture): a pronoun alone is too weak a guess. */
static bool pronoun_of_last_speaker(att *a, const quote_ctx *c, const cd_sentence *ps, speaker *sp, size_t *verb) {
  speaker subj = {0};
  if (!att_sentence_subject(a, c->sent_open - 1, ps->end_tok, &subj) || subj.method != CD_ATTR_PRONOUN ||
      subj.entity == CD_NONE || !(pronoun_is(a, subj.first_tok, "he") || pronoun_is(a, subj.first_tok, "she")))
    return false;
  bool announces = false;
  for (size_t k = subj.end_tok; k < ps->end_tok && !announces; k++)
    announces = T(a, k)->kind == TOK_WORD && (T(a, k)->flags & TF_LOWER) &&
                (att_speech_verb(a, k) || cd_lex_has(CD_LEX_SPEECH_NOUNS, S(a, k), N(a, k)));
  if (!announces) return false;
  for (size_t p = c->qi; p > 0; p--) {
    const cd_quote *pq = CD_VEC_AT(&a->doc->quotes, cd_quote, p - 1);
    if (pq->level > 0) continue;
    const cd_quote_work *pw = CD_VEC_AT(&a->doc->quote_work, cd_quote_work, p - 1);
    if (pw->para != ps->para) return false;
    if (!pq->speaker) continue;
    if (pq->entity != subj.entity) return false;
    *sp = subj;
    *verb = CD_NONE;
    return true;
  }
  return false;
}

/* "she says" resolved to the possessor in "Odessa Pruitt's shop went in 1966": a speaker found
 * through a name in the possessive, whose entity is a person (cd_mention_is_person says no to
 * every possessive mention: the words are no speaker's phrase themselves). */
static bool possessed_person(const cd_doc *doc, const speaker *sp) {
  if (sp->mention == CD_NONE || sp->entity == CD_NONE || sp->entity >= doc->entities.len) return false;
  const cd_name_mention *m = CD_VEC_AT(&doc->mentions, cd_name_mention, sp->mention);
  return m->possessive && !m->in_quote && CD_VEC_AT(&doc->entities, cd_entity, sp->entity)->kind == CD_ENTITY_PERSON;
}

/* Is there a quotation mark among tokens [f, e)? */
static bool marks_between(const att *a, size_t f, size_t e) {
  for (size_t k = f; k < e; k++)
    if (T(a, k)->kind == TOK_MARK && T(a, k)->role != MR_APOS) return true;
  return false;
}

/* Does paragraph `para` end with a quote (the last before quote c) of a person of the gender of the
 * pronoun at token `pronoun` ("he", "she": the person's titles, pronouns or given name say so)? Its
 * index in *from. */
static bool last_quote_of_gender(att *a, const quote_ctx *c, uint32_t para, size_t pronoun, size_t *from) {
  const cd_doc *doc = a->doc;
  uint8_t want = is(a, pronoun, "she") ? GENDER_FEMALE : is(a, pronoun, "he") ? GENDER_MALE : GENDER_UNKNOWN;
  if (want == GENDER_UNKNOWN) return false;
  for (size_t p = c->qi; p > 0; p--) {
    const cd_quote *pq = CD_VEC_AT(&doc->quotes, cd_quote, p - 1);
    if (pq->level > 0) continue;
    const cd_quote_work *pw = CD_VEC_AT(&doc->quote_work, cd_quote_work, p - 1);
    if (pw->para > para) continue; /* (none in the paragraphs between: the callers' own checks) */
    if (pw->para != para || !pq->speaker || pq->kind != CD_QUOTE_SPEECH || pq->entity == CD_NONE ||
        CD_VEC_AT(&doc->entities, cd_entity, pq->entity)->kind != CD_ENTITY_PERSON || att_entity_gender(a, pq->entity) != want)
      return false;
    *from = p - 1;
    return true;
  }
  return false;
}

/* ""...," Lind says. ¶ She pauses. ¶ "QUOTE"": a paragraph that is one short sentence, "he" or "she"
 * and a beat (beat_verbs.txt: a pause, a laugh, a shrug), between a paragraph that ends with a
 * quote of a person of that gender and a paragraph that is only a quote, is the speaker stopping
 * and going on: the quote continues the one before the beat (its index in *from). Without a
 * pronoun's rival in the beat's own words, so "She pauses" stands for the last speaker even where
 * other women were named a few paragraphs up. */
enum { BEAT_MAX_TOKENS = 16 };
static bool beat_after_quote(att *a, const quote_ctx *c, const cd_sentence *ps, size_t *from) {
  const cd_doc *doc = a->doc;
  const cd_para *bp = CD_VEC_AT(&doc->paras, cd_para, ps->para);
  size_t f = ps->first_tok;
  if (bp->first_tok != f || ps->end_tok != bp->end_tok || ps->end_tok < f + 2 || ps->end_tok - f > BEAT_MAX_TOKENS ||
      ps->para == 0 || !quote_is_paragraph(a, c))
    return false;
  uint8_t want = is(a, f, "she") ? GENDER_FEMALE : is(a, f, "he") ? GENDER_MALE : GENDER_UNKNOWN;
  if (want == GENDER_UNKNOWN || !(T(a, f)->flags & TF_CAP) || T(a, f + 1)->kind != TOK_WORD ||
      !cd_lex_has(CD_LEX_BEAT_VERBS, S(a, f + 1), N(a, f + 1)))
    return false;
  if (marks_between(a, f + 2, ps->end_tok)) return false; /* no quote of its own */
  /* the paragraph before the beat ends with a person's quote, of the pronoun's gender */
  return last_quote_of_gender(a, c, ps->para - 1, f, from);
}

/* Tokens [first, open) are a list item's label: a list marker opens the line ("-", "*", "+",
 * "1."), then one to three capitalised words, not in capitals (a transcript's "CALLER:" is a
 * speaker's label), and a colon ("- **Pause:** "...""). */
static bool list_marker_before(const att *a, size_t first);
static bool bold_label_before(const att *a, size_t first);
static bool item_label(const att *a, size_t first, size_t open) {
  if (open < first + 2 || !punct(a, open - 1, ':')) return false;
  /* "**On the finish:** "..."": a bold topic label that opens the paragraph, in a Q&A's manner */
  if (open <= first + 6 && T(a, first)->kind == TOK_WORD && (T(a, first)->flags & TF_CAP) &&
      !(T(a, first)->flags & TF_ALLCAPS) && bold_label_before(a, first)) {
    for (size_t k = first; k + 1 < open; k++)
      if (T(a, k)->kind != TOK_WORD) return false;
    return true;
  }
  if (open > first + 4) return false;
  for (size_t k = first; k + 1 < open; k++)
    if (T(a, k)->kind != TOK_WORD || !(T(a, k)->flags & TF_CAP) || (T(a, k)->flags & TF_ALLCAPS)) return false;
  return list_marker_before(a, first);
}

/* "Then: "..."", "Then, lowering her voice: "..."": a word of what comes next, and perhaps a
 * participle's phrase of how, opens the sentence and a colon hands it to the quote. Nothing in it
 * names or quotes anyone: the quote goes on from the sentence before as if it opened its own. */
static bool beat_opener(const att *a, size_t first, size_t open) {
  if (open < first + 2 || open > first + 10 || !punct(a, open - 1, ':')) return false;
  if (!(is(a, first, "then") || is(a, first, "finally") || is(a, first, "later") || is(a, first, "eventually") ||
        is(a, first, "afterwards") || is(a, first, "again")))
    return false;
  if (open == first + 2) return true;
  /* ", lowering her voice:" */
  size_t k = first + 1;
  if (!punct(a, k, ',') || T(a, k + 1)->kind != TOK_WORD || !(T(a, k + 1)->flags & TF_LOWER) || N(a, k + 1) < 5 ||
      !CD_WORD_IS(S(a, k + 1) + N(a, k + 1) - 3, 3, "ing"))
    return false;
  for (k += 2; k + 1 < open; k++)
    if (T(a, k)->kind != TOK_WORD || !(T(a, k)->flags & TF_LOWER) || att_speech_verb(a, k)) return false;
  return true;
}

/* Does Markdown's strong emphasis ("**" or "__") open the line right before token first? */
static bool bold_label_before(const att *a, size_t first) {
  if (a->doc->format != CD_FORMAT_MARKDOWN) return false;
  const char *text = a->doc->text;
  size_t b = T(a, first)->start;
  if (b < 2 || !((text[b - 1] == '*' && text[b - 2] == '*') || (text[b - 1] == '_' && text[b - 2] == '_'))) return false;
  b -= 2;
  while (b > 0 && (text[b - 1] == ' ' || text[b - 1] == '\t')) b--;
  return b == 0 || text[b - 1] == '\n';
}

/* Does a list marker ("-", "*", "+" and a space, or "1." / "1)") open the line of token first? */
static bool list_marker_before(const att *a, size_t first) {
  const char *text = a->doc->text;
  size_t b = T(a, first)->start;
  while (b > 0 && text[b - 1] != '\n') b--;
  size_t i = b;
  while (i < T(a, first)->start && (text[i] == ' ' || text[i] == '\t')) i++;
  if (i < T(a, first)->start && (text[i] == '-' || text[i] == '*' || text[i] == '+') && i + 1 < T(a, first)->start &&
      text[i + 1] == ' ')
    return true;
  size_t d = i;
  while (d < T(a, first)->start && text[d] >= '0' && text[d] <= '9') d++;
  return d > i && d < T(a, first)->start && (text[d] == '.' || text[d] == ')');
}

/* Does the quote at index qi end in a question ("...?")? */
static bool asks(const att *a, size_t qi) {
  const cd_quote_work *w = CD_VEC_AT(&a->doc->quote_work, cd_quote_work, qi);
  return w->close_tok > w->open_tok + 1 && punct(a, w->close_tok - 1, '?');
}

/* The top-level quote that opens paragraph `para` and is a person's, or CD_NONE; looked for from
 * quote index `below` down. */
static size_t opening_quote(const att *a, uint32_t para, size_t below) {
  const cd_doc *doc = a->doc;
  size_t found = CD_NONE;
  for (size_t p = below; p > 0; p--) {
    const cd_quote_work *w = CD_VEC_AT(&doc->quote_work, cd_quote_work, p - 1);
    if (w->para < para) break;
    if (w->para == para && CD_VEC_AT(&doc->quotes, cd_quote, p - 1)->level == 0) found = p - 1;
  }
  if (found == CD_NONE) return CD_NONE;
  const cd_quote *q = CD_VEC_AT(&doc->quotes, cd_quote, found);
  const cd_quote_work *w = CD_VEC_AT(&doc->quote_work, cd_quote_work, found);
  if (CD_VEC_AT(&doc->paras, cd_para, para)->first_tok != w->open_tok || !q->speaker || q->kind != CD_QUOTE_SPEECH ||
      q->entity == CD_NONE || CD_VEC_AT(&doc->entities, cd_entity, q->entity)->kind != CD_ENTITY_PERSON)
    return CD_NONE;
  return found;
}

/* An exchange of questions and answers in paragraphs of their own (a cross-examination, an
 * interview): ""You were fired, weren't you?" Dunsany asked. ¶ "I was let go," Ellery said. ¶ "Let
 * go for what?" ¶ "For asking about the invoices."". A paragraph that is only a quote, after two
 * paragraphs opened by two people's quotes, is the earlier one's turn again when a question is
 * asked or answered there (this quote or the one before ends in "?"), or the turns have already
 * gone back and forth. `prev`: the quote of the paragraph before; the earlier turn's quote, or
 * CD_NONE. */
static size_t exchange_turn(const att *a, const quote_ctx *c, size_t prev) {
  const cd_doc *doc = a->doc;
  uint32_t para = para_of(a, c->open);
  if (para < 2 || !quote_is_paragraph(a, c)) return CD_NONE;
  size_t y = opening_quote(a, para - 1, c->qi);
  if (y != prev) return CD_NONE;
  size_t x = opening_quote(a, para - 2, y);
  if (x == CD_NONE) return CD_NONE;
  const cd_quote *qx = CD_VEC_AT(&doc->quotes, cd_quote, x), *qy = CD_VEC_AT(&doc->quotes, cd_quote, y);
  if (qx->entity == qy->entity) return CD_NONE;
  bool turns = qy->method == CD_ATTR_CONTINUATION && qy->continues != CD_NONE &&
               CD_VEC_AT(&doc->quote_work, cd_quote_work, qy->continues)->para + 2 == para - 1;
  return ends_in_question(a, c) || asks(a, y) || turns ? x : CD_NONE;
}

/* Is paragraph `para` an interview's question set apart: in strong emphasis from its start, or
 * opened by "Q:" / "Q.", ending in "?", with no quotation mark in it ("**What's the hardest
 * part?**")? */
static bool interview_question(const att *a, uint32_t para) {
  const cd_para *p = CD_VEC_AT(&a->doc->paras, cd_para, para);
  if (p->headline || p->end_tok < p->first_tok + 3) return false;
  size_t f = p->first_tok;
  bool q_label = T(a, f)->kind == TOK_WORD && N(a, f) == 1 && S(a, f)[0] == 'Q' && (punct(a, f + 1, ':') || punct(a, f + 1, '.'));
  if (!q_label && !bold_label_before(a, f)) return false;
  for (size_t k = f; k < p->end_tok; k++)
    if (T(a, k)->kind == TOK_MARK && T(a, k)->role != MR_APOS) return false;
  return punct(a, p->end_tok - 1, '?');
}

/* "We spoke to her after her final round." before an interview's first question: the person
 * someone spoke to, talked with or interviewed in paragraph `para` (a name, or "him" / "her"
 * resolved). */
static bool interviewee(att *a, uint32_t para, speaker *sp) {
  const cd_para *p = CD_VEC_AT(&a->doc->paras, cd_para, para);
  for (size_t k = p->first_tok; k + 1 < p->end_tok; k++) {
    if (!(is(a, k, "spoke") || is(a, k, "talked") || is(a, k, "interviewed") || is(a, k, "caught"))) continue;
    size_t w = k + 1;
    if (is(a, w, "to") || is(a, w, "with") || is(a, w, "up")) w++;
    if (is(a, w - 1, "up") && is(a, w, "with")) w++;
    if (w >= p->end_tok || !outside_quotes(a, w)) continue;
    memset(sp, 0, sizeof *sp);
    size_t mi = mention_at(a, w);
    if (mi != CD_NONE && cd_mention_is_person(a->doc, mi)) {
      const cd_name_mention *m = CD_VEC_AT(&a->doc->mentions, cd_name_mention, mi);
      for_mention(a, sp, mi, m->first_tok, m->end_tok, CD_ATTR_EXPLICIT);
      return true;
    }
    size_t r = is(a, w, "her") || is(a, w, "him") ? att_resolve_person(a, w, false) : CD_NONE;
    if (r != CD_NONE) {
      if (!cd_mention_is_person(a->doc, r) || !att_gender_may_fit(a, r, S(a, w), N(a, w))) return false;
      for_mention(a, sp, r, w, w + 1, CD_ATTR_PRONOUN);
      sp->how = cd_arena_printf(a->doc->arena, "\"%.*s\" refers to %s", (int)N(a, w), S(a, w), sp->name);
      return true;
    }
    return false;
  }
  return false;
}

/* The person an interview whose question opens paragraph `q` is with: the one the paragraph
 * before says someone spoke to (interviewee), else the person the piece quoted last before its
 * questions (within three paragraphs: "... ," Mr Achterberg says. ¶ What follows is an edited
 * version of our conversation. ¶ **What's the decision ...?**). Quote indexes below `below`. */
enum { INTERVIEW_QUOTES = 256 }; /* how far back the walk for the last quoted person goes */
static bool interview_subject(att *a, uint32_t q, size_t below, speaker *sp) {
  /* back to the first question, question by question, until the latest walk's start (whose
   * first question is known): the questions of one interview are walked once in all */
  uint32_t at = q;
  while (q >= 2 && q != a->iv_at && interview_question(a, q - 2)) q -= 2;
  bool known = q == a->iv_at && a->iv_first != UINT32_MAX;
  if (known) q = a->iv_first;
  else memset(&a->iv_who, 0, sizeof a->iv_who);
  a->iv_at = at;
  a->iv_first = q;
  if (q == 0) return false;
  if (known && a->iv_who.found) { /* the person this interview's first answer found */
    *sp = a->iv_who;
    return true;
  }
  if (interviewee(a, q - 1, sp)) {
    a->iv_who = *sp;
    return true;
  }
  const cd_doc *doc = a->doc;
  for (size_t p = below, steps = 0; p > 0 && steps < INTERVIEW_QUOTES; p--, steps++) {
    const cd_quote *pq = CD_VEC_AT(&doc->quotes, cd_quote, p - 1);
    const cd_quote_work *pw = CD_VEC_AT(&doc->quote_work, cd_quote_work, p - 1);
    if (pw->para >= q) continue;
    if (pw->para + 3 < q) return false;
    if (pq->level != 0 || pq->kind != CD_QUOTE_SPEECH) continue;
    if (pq->entity == CD_NONE || CD_VEC_AT(&doc->entities, cd_entity, pq->entity)->kind != CD_ENTITY_PERSON) return false;
    /* their latest mention before the questions (found by bisection, then at most 200 back:
     * a long text's later mentions are never walked) */
    size_t lo = att_mentions_before(a, CD_VEC_AT(&doc->paras, cd_para, q)->first_tok);
    for (size_t k = lo, seen = 0; k > 0 && seen < 200; k--, seen++) {
      const cd_name_mention *m = CD_VEC_AT(&doc->mentions, cd_name_mention, k - 1);
      if (m->entity != pq->entity) continue;
      memset(sp, 0, sizeof *sp);
      for_mention(a, sp, k - 1, m->first_tok, m->end_tok, CD_ATTR_EXPLICIT);
      a->iv_who = *sp;
      return true;
    }
    return false;
  }
  return false;
}

/* The one interviewed, when token `tok` (of quote `qi`) is in the answer to a question set apart
 * just before its paragraph. */
static bool answer_of_interview(att *a, size_t tok, size_t qi, speaker *sp) {
  uint32_t para = para_of(a, tok);
  return para >= 2 && interview_question(a, para - 1) && interview_subject(a, para - 1, qi, sp);
}

/* "**How has the job changed?** ¶ It's made the game fairer. ... The first time it happened I
 * remember thinking, "..."": a quote in an interview's answer written out as prose, after "I"
 * in its sentence (nobody named between), is the words or thoughts of the one interviewed. */
static bool interview_first_person(att *a, const quote_ctx *c, speaker *sp) {
  const cd_sentence *s = CD_VEC_AT(&a->doc->sentences, cd_sentence, c->sent_open);
  bool i = false;
  for (size_t k = s->first_tok; k < c->open; k++) {
    if (T(a, k)->kind == TOK_WORD && N(a, k) == 1 && S(a, k)[0] == 'I') i = true;
    else if (mention_at(a, k) != CD_NONE || (T(a, k)->kind == TOK_MARK && T(a, k)->role != MR_APOS)) i = false;
  }
  return i && answer_of_interview(a, c->open, c->qi, sp);
}

/* An interview's answer: a paragraph that is only a quote (not a question) after a question set
 * apart (interview_question). After an earlier answer to the question before it, the same
 * person's (*from: that answer's quote); after the first question, the person the paragraph
 * before it says was interviewed (sp). */
static bool interview_answer(att *a, const quote_ctx *c, speaker *sp, size_t *from) {
  uint32_t para = para_of(a, c->open);
  if (para < 2 || !quote_is_paragraph(a, c) || ends_in_question(a, c) || !interview_question(a, para - 1)) return false;
  size_t prev = opening_quote(a, para - 2, c->qi);
  if (prev != CD_NONE) {
    const cd_quote_work *w = CD_VEC_AT(&a->doc->quote_work, cd_quote_work, prev);
    const cd_para *pp = CD_VEC_AT(&a->doc->paras, cd_para, para - 2);
    if (w->close_tok + 1 != pp->end_tok) return false; /* an answer is only the quote */
    *from = prev;
    return true;
  }
  return interview_subject(a, para - 1, c->qi, sp);
}

/* Does the quote open with "he" or "she" (or "his", "her") that may stand for the person sp, of
 * the pronoun's gender or not known to be of the other: words about them, not theirs? */
static bool about_them(const att *a, const quote_ctx *c, const speaker *sp) {
  size_t f = c->open + 1;
  if (f >= c->close || sp->mention == CD_NONE || T(a, f)->kind != TOK_WORD) return false;
  if (!(pronoun_is(a, f, "he") || pronoun_is(a, f, "she") || is(a, f, "his") || is(a, f, "her"))) return false;
  /* (only when they are the one person named there: after "Lind praised Bell's plan." the "she"
   * may be Bell) */
  const cd_sentence *ps = CD_VEC_AT(&a->doc->sentences, cd_sentence, c->sent_open - 1);
  for (size_t k = ps->first_tok; k < ps->end_tok; k++) {
    size_t mi = mention_at(a, k);
    if (mi == CD_NONE) continue;
    const cd_name_mention *m = CD_VEC_AT(&a->doc->mentions, cd_name_mention, mi);
    if (m->entity != sp->entity && (cd_mention_is_person(a->doc, mi) || m->possessive)) return false;
  }
  return att_gender_may_fit(a, sp->mention, S(a, f), N(a, f));
}

/* "Ryan Keogh was less forgiving.", "A third fan, Dana Pike, disagreed.", "Of Ducroix, she was
 * guarded.", "Asked what they need most, he does not hesitate.": sentence si says only how its
 * subject, a person, answers (manner_predicates.txt), past a clause fronted before a comma; that
 * person (the quote right after such a sentence is theirs, even when it speaks of "he"). */
static bool manner_sentence(att *a, uint32_t si, speaker *sp) {
  const cd_sentence *s = CD_VEC_AT(&a->doc->sentences, cd_sentence, si);
  size_t k = s->first_tok, last = s->end_tok ? s->end_tok - 1 : 0;
  if (s->end_tok < k + 3 || !(punct(a, last, '.') || punct(a, last, ':'))) return false;
  if (T(a, k)->kind == TOK_WORD && (att_preposition(a, k) || is(a, k, "asked") ||
                                    cd_lex_has(CD_LEX_FRONTING_WORDS, S(a, k), N(a, k)))) {
    size_t c = k + 1;
    while (c < last && c < k + 16 && !punct(a, c, ',') && T(a, c)->kind != TOK_MARK) c++;
    if (c >= last || !punct(a, c, ',')) return false;
    k = c + 1;
  }
  speaker tmp = {0};
  size_t v = CD_NONE;
  /* "Another fan, Ryan Keogh, was ...": a person named between commas after a noun for someone */
  if ((is(a, k, "another") || is(a, k, "one") || att_determiner(a, k)) && k + 2 < last) {
    size_t c = k + 1;
    while (c < last && c < k + 5 && T(a, c)->kind == TOK_WORD && (T(a, c)->flags & TF_LOWER)) c++;
    size_t mi = c > k + 1 && punct(a, c, ',') ? mention_at(a, c + 1) : CD_NONE;
    const cd_name_mention *m = mi != CD_NONE ? CD_VEC_AT(&a->doc->mentions, cd_name_mention, mi) : NULL;
    if (m && m->first_tok == c + 1 && cd_mention_is_person(a->doc, mi) && m->end_tok < last && punct(a, m->end_tok, ',')) {
      for_mention(a, &tmp, mi, k, m->end_tok, CD_ATTR_EXPLICIT);
      v = m->end_tok + 1;
    }
  }
  if (v == CD_NONE) {
    if (!att_speaker_at(a, k, &tmp, CD_ATTR_EXPLICIT) || tmp.mention == CD_NONE ||
        !cd_mention_is_person(a->doc, tmp.mention))
      return false;
    v = att_after_speaker(a, &tmp);
  }
  if (v >= last) return false;
  if (is(a, v, "does") || is(a, v, "did")) { /* "he does not hesitate" */
    if (v + 3 != last || !is(a, v + 1, "not") || !(is(a, v + 2, "hesitate"))) return false;
  } else if (att_be_form(a, v)) { /* "was less forgiving", "was even blunter" */
    size_t w = v + 1;
    while (w < last && (is(a, w, "more") || is(a, w, "less") || is(a, w, "even") || is(a, w, "far") ||
                        is(a, w, "much") || is(a, w, "rather") || is(a, w, "somewhat") || is(a, w, "no")))
      w++;
    if (w + 1 != last || !cd_lex_has(CD_LEX_MANNER_PREDICATES, S(a, w), N(a, w))) return false;
  } else if (v + 1 != last || !cd_lex_has(CD_LEX_MANNER_PREDICATES, S(a, v), N(a, v)) ||
             !(N(a, v) > 2 && CD_WORD_IS(S(a, v) + N(a, v) - 2, 2, "ed"))) { /* "disagreed" */
    return false;
  }
  *sp = tmp;
  return true;
}

static bool previous_sentence(att *a, const quote_ctx *c, speaker *sp, size_t *verb, size_t *from) {
  const cd_doc *doc = a->doc;
  const cd_sentence *s = CD_VEC_AT(&doc->sentences, cd_sentence, c->sent_open);
  /* (a list item's label may stand before the quote: "- **Pause:** "..."") */
  bool labelled = s->first_tok != c->open &&
                  ((item_label(a, s->first_tok, c->open) &&
                    CD_VEC_AT(&doc->paras, cd_para, s->para)->first_tok == s->first_tok) ||
                   beat_opener(a, s->first_tok, c->open));
  if ((s->first_tok != c->open && !labelled) || c->sent_open == 0) return false;
  /* a heading's quote ("### "Don't make the pool a political football"") pulls words from what
   * follows it, not from the letter or story above, whose signature line is no speaker's tag */
  if (CD_VEC_AT(&doc->paras, cd_para, s->para)->headline) return false;
  const cd_sentence *ps = CD_VEC_AT(&doc->sentences, cd_sentence, c->sent_open - 1);
  if (ps->para != s->para) {
    /* the quote opens a paragraph: the previous paragraph must be the one just before, not a headline */
    const cd_para *pp = CD_VEC_AT(&doc->paras, cd_para, ps->para);
    if (ps->para + 1 != s->para || pp->headline ||
        (CD_VEC_AT(&doc->paras, cd_para, s->para)->first_tok != c->open && !labelled))
      return false;
  }
  /* the last quote closing in that sentence */
  for (size_t p = c->qi; p > 0; p--) {
    const cd_quote_work *pw = CD_VEC_AT(&doc->quote_work, cd_quote_work, p - 1);
    const cd_quote *pq = CD_VEC_AT(&doc->quotes, cd_quote, p - 1);
    /* a quote inside an earlier sentence of the outer one ("She said 'yes.' And she knew it.") is
     * passed over, not taken for the end of the search */
    if (pq->level > 0) continue;
    uint32_t psent = T(a, pw->close_tok)->sent;
    if (psent < c->sent_open - 1) break;
    if (psent != c->sent_open - 1) continue;
    /* across a paragraph break: a person's words, or any speaker's when the new paragraph is only
     * the quote ("...," the company said in a statement. ¶ "QUOTE") */
    if (second_speaker(a, pw->close_tok + 1, ps->end_tok, pq)) break; /* "..., and her husband cut in." */
    if (pq->speaker && pq->kind == CD_QUOTE_SPEECH &&
        (ps->para == s->para || quote_is_paragraph(a, c) || labelled ||
         (pq->entity != CD_NONE && CD_VEC_AT(&doc->entities, cd_entity, pq->entity)->kind == CD_ENTITY_PERSON))) {
      size_t turn = ps->para != s->para ? exchange_turn(a, c, p - 1) : CD_NONE;
      *from = turn != CD_NONE ? turn : p - 1;
      return true;
    }
    break;
  }
  if (ps->end_tok <= ps->first_tok) return false;
  quote_ctx prev = {ps->end_tok, ps->end_tok, c->qi, c->sent_open - 1, c->sent_open - 1};
  /* the sentence's final stop is not a word: look back from it */
  bool colon = punct(a, ps->end_tok - 1, ':');
  if (T(a, ps->end_tok - 1)->kind == TOK_PUNCT && !colon) prev.open = ps->end_tok - 1;
  bool closes = ps->para != s->para ? quote_is_paragraph(a, c) : quote_ends_paragraph(a, c);
  bool whole = ps->para == s->para && cd_quote_ends_sentence(doc, c->qi);
  /* "I asked him what he would do if the road was built. ¶ "I will keep walking."": the answer is
   * the one asked's (not a question of its own) */
  /* (the question may open that paragraph, with the pause before the answer after it: "I asked
   * her whether she missed the caravans. She thought about it for a long time.", no one else
   * named or quoted since) */
  if (ps->para != s->para && quote_is_paragraph(a, c) && !ends_in_question(a, c)) {
    for (uint32_t q = c->sent_open - 1, steps = 0; steps < 3; q--, steps++) {
      const cd_sentence *qs = CD_VEC_AT(&doc->sentences, cd_sentence, q);
      if (qs->para != ps->para) break;
      if (att_asked_person(a, c->qi, qs->first_tok, qs->end_tok, sp)) {
        *verb = CD_NONE;
        return true;
      }
      memset(sp, 0, sizeof *sp);
      bool other = false;
      for (size_t k = qs->first_tok; k < qs->end_tok && !other; k++)
        other = T(a, k)->kind == TOK_MARK || mention_at(a, k) != CD_NONE;
      if (other || q == 0) break;
    }
  }
  memset(sp, 0, sizeof *sp);
  if (ps->para != s->para && closes && owned_words_subject(a, c->sent_open - 1, sp, verb)) return true;
  if (ps->para != s->para && quote_is_paragraph(a, c) && statement_read_before(a, c->sent_open, sp, verb)) return true;
  memset(sp, 0, sizeof *sp);
  if (before_quote(a, &prev, false, sp, verb)) {
    /* across a paragraph break, only a person carries on ("Police said ... ¶ "QUOTE"" may be anyone's),
     * unless the sentence introduces the quote with a colon or its subject issued a statement
     * ("The DNC issued a statement apologizing for emails suggesting ... ¶ "QUOTE"") */
    if (ps->para == s->para || colon || (sp->mention != CD_NONE && cd_mention_is_person(doc, sp->mention)) ||
        possessed_person(doc, sp) || att_is_writer(a, sp) || (quote_is_paragraph(a, c) && in_a_statement(a, ps)))
      return true;
    memset(sp, 0, sizeof *sp);
    if ((closes || whole) && document_subject(a, c->sent_open - 1, sp, verb)) return true;
    memset(sp, 0, sizeof *sp);
    return beat_after_quote(a, c, ps, from); /* "She laughed." found no person of its own */
  }
  memset(sp, 0, sizeof *sp);
  /* "Her first letter from London ... is full of the noise of the place: ¶ > "..."": a sentence
   * that a person's message opens, ending in a colon, introduces the message */
  /* (also without the colon when the quote is a paragraph of its own after it: "Her journal entry for
   * June 13 is two lines long. ¶ "Ate an entire tin of peaches."") */
  /* (and in the same paragraph, a quote of whole sentences that ends it: "Her entry for the next
   * day is shorter. "Seven of them. I cannot write any more."") */
  if ((colon || (ps->para != s->para && quote_is_paragraph(a, c)) || (ps->para == s->para && whole)) && closes &&
      att_message_owner(a, ps->first_tok, sp)) {
    *verb = CD_NONE;
    return true;
  }
  memset(sp, 0, sizeof *sp);
  /* a quote that closes the paragraph after a sentence about a person is theirs ("Lind praised
   * the plan. "It will pass.""); so is a quote-only paragraph after a paragraph about them; and a
   * quote that is a whole sentence, after a sentence whose person subject speaks, wherever it
   * stands in the paragraph ("Lind announced the suit on Monday against the county and its
   * board. "We are seeking an order." She also ...") */
  if ((closes || whole) && document_subject(a, c->sent_open - 1, sp, verb)) return true;
  memset(sp, 0, sizeof *sp);
  /* "Keogh was less forgiving. "He kissed the badge in May."": the sentence before says only how
   * its person answers, so the quote is theirs, "he" in it or not (same paragraph, whole sentences) */
  if (ps->para == s->para && (closes || whole) && manner_sentence(a, c->sent_open - 1, sp)) {
    *verb = CD_NONE;
    return true;
  }
  memset(sp, 0, sizeof *sp);
  /* (not a quote about them: "Dunleavy, 24, scored 27 goals last season. ¶ "He was never going
   * to stay."" is someone else's words about him) */
  bool about = false;
  if (!(closes || whole) || !person_subject(a, c->sent_open - 1, sp, verb) || (about = about_them(a, c, sp))) {
    /* (words about them after another's quote in the paragraph are that speaker's: ""I have it on
     * my phone," Janine says. ... You can see Maren lift her. "She carried her to the bench."") */
    for (size_t p = c->qi; about && p > 0; p--) {
      const cd_quote *pq = CD_VEC_AT(&doc->quotes, cd_quote, p - 1);
      if (CD_VEC_AT(&doc->quote_work, cd_quote_work, p - 1)->para != s->para) break;
      if (pq->level > 0 || !pq->speaker || pq->kind != CD_QUOTE_SPEECH) continue;
      if (pq->entity == sp->entity) break;
      memset(sp, 0, sizeof *sp);
      *verb = CD_NONE;
      *from = p - 1;
      return true;
    }
    memset(sp, 0, sizeof *sp);
    /* (a role's holder named before, as the subject: "..., the chief paused. "..."") */
    if (!about && (closes || whole) && att_role_subject_person(a, c->sent_open - 1, sp)) {
      *verb = CD_NONE;
      return true;
    }
    memset(sp, 0, sizeof *sp);
    if (closes && pronoun_of_last_speaker(a, c, ps, sp, verb)) return true;
    memset(sp, 0, sizeof *sp);
    if (ps->para != s->para && beat_after_quote(a, c, ps, from)) return true;
    /* "The boat, she says, moved two holdouts. The text message moved another. ¶ "QUOTE"": the
     * account in paraphrase goes on in the quote */
    if (ps->para != s->para && quote_is_paragraph(a, c)) {
      int owner = att_paraphrase_tag_owner(a, ps->para, sp, verb);
      if (owner > 0) return true;
      /* a pronoun that resolves to nobody: the speaker of the paragraph before, of its gender */
      memset(sp, 0, sizeof *sp);
      if (owner < 0 && ps->para > 0 && last_quote_of_gender(a, c, ps->para - 1, *verb - 1, from)) return true;
      *verb = CD_NONE;
    }
    memset(sp, 0, sizeof *sp);
    return false;
  }
  if (closes) return true;
  size_t v = att_after_speaker(a, sp);
  while (v < ps->end_tok && att_between_word(a, v)) v++;
  if (v < ps->end_tok && att_speech_verb(a, v)) {
    *verb = v;
    return true;
  }
  memset(sp, 0, sizeof *sp);
  return false;
}

/* A fragment in the sentence right after a paraphrase that ends with its tag ("This makes it hard
 * to dislodge, he said. Good facts still win, but only when "the truth is sexier.""): the
 * paraphrase goes on, and the fragment is the tag's speaker's. Only when the fragment's sentence
 * has no verb of saying and no person or source of its own before the fragment, in the same
 * paragraph, the fragment is a clause (four words or more), and the tag is the last words of the
 * sentence before (speaker and verb, either order, then the full stop). */
enum { PARAPHRASE_TOKENS = 120 };
static bool paraphrase_goes_on(att *a, const quote_ctx *c, speaker *sp, size_t *verb) {
  const cd_doc *doc = a->doc;
  if (c->sent_open == 0) return false;
  const cd_sentence *s = CD_VEC_AT(&doc->sentences, cd_sentence, c->sent_open);
  const cd_sentence *ps = CD_VEC_AT(&doc->sentences, cd_sentence, c->sent_open - 1);
  if (ps->para != s->para || s->first_tok >= c->open || ps->end_tok < ps->first_tok + 4) return false;
  bool it = false; /* "it", "its": a thing the sentence is about, no other speaker */
  for (size_t k = s->first_tok; k < c->open; k++) {
    if (T(a, k)->kind == TOK_MARK || att_speech_verb(a, k)) return false;
    if (T(a, k)->kind == TOK_WORD && !(T(a, k)->flags & TF_LOWER) && k > s->first_tok) return false;
    if (is(a, k, "it") || is(a, k, "its")) {
      it = true;
      continue;
    }
    if (cd_is_pronoun(S(a, k), N(a, k))) return false;
  }
  /* a clause of words, not a term or a figure ("a "targeted employment area"", ""millions"") */
  size_t words = 0;
  for (size_t k = c->open + 1; k < c->close; k++) words += T(a, k)->kind == TOK_WORD;
  if (words < 4) return false;
  size_t stop = ps->end_tok - 1;
  if (!punct(a, stop, '.')) return false;
  /* ", he said." or ", said Lind." */
  quote_ctx prev = {stop, stop, c->qi, c->sent_open - 1, c->sent_open - 1};
  if (!it && before_quote(a, &prev, false, sp, verb) && *verb != CD_NONE && *verb + 4 >= stop) {
    size_t first = sp->first_tok < *verb ? sp->first_tok : *verb;
    if (first > 0 && punct(a, first - 1, ',') && (sp->mention != CD_NONE || sp->method == CD_ATTR_PRONOUN)) return true;
  }
  memset(sp, 0, sizeof *sp);
  *verb = CD_NONE;
  /* "On 2 May the company wrote to Corrigan again. The branch will stay open while it is "assessed
   * under a revised model."": the sentence before says who wrote or said it, its subject (a name
   * or a source) right before the verb; the fragment is from that message */
  /* (nobody named after the fragment in its sentence: "... that "...," as Heather Childers did") */
  for (size_t k = c->close + 1; k < s->end_tok; k++)
    if (mention_at(a, k) != CD_NONE || att_speech_verb(a, k) || T(a, k)->kind == TOK_MARK) return false;
  speaker subj = {0};
  if (!att_sentence_subject(a, c->sent_open - 1, ps->end_tok, &subj) || subj.method == CD_ATTR_PRONOUN ||
      (subj.mention == CD_NONE && subj.method != CD_ATTR_SOURCE))
    return false;
  size_t v = att_after_speaker(a, &subj);
  while (v < ps->end_tok && att_between_word(a, v)) v++;
  /* (a sentence of ordinary length: it is read once per fragment after it) */
  if (v >= ps->end_tok || !att_speech_verb(a, v) || ps->end_tok - ps->first_tok > PARAPHRASE_TOKENS ||
      marks_between(a, ps->first_tok, ps->end_tok))
    return false;
  *sp = subj;
  *verb = v;
  return true;
}

/* Does the quote have a tag of its own that no sieve took ("...!" a voice shouted)? A verb of
 * saying within a few words after it, in its paragraph. A quote with no close mark (one that runs
 * on into the next paragraph) has nothing after it there: its own words ("In the note I wrote
 * last year, ...") are no tag. */
static bool own_tag(const att *a, const quote_ctx *c) {
  if (c->close == c->open) return false;
  size_t n = doc_ntok(a->doc);
  for (size_t k = c->close + 1; k < n && k < c->close + 10 && para_of(a, k) == para_of(a, c->close); k++) {
    if (T(a, k)->kind == TOK_MARK && T(a, k)->role != MR_APOS) break;
    if (att_speech_verb(a, k)) return true;
    if (T(a, k)->sent != c->sent_close && !ends_in_question(a, c)) break;
  }
  return false;
}

/* How many of the ascending positions pos[0..n) are below x. */
static size_t count_below(const size_t *pos, size_t n, size_t x) {
  size_t lo = 0, hi = n;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (pos[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/* Is token v inside a dash-delimited aside that closes before `open`? ("— which the BBC noted —")
 * Counts the spaced dashes by position, not by scanning from the sentence's start. */
static bool inside_aside(const att *a, size_t first, size_t v, size_t open) {
  size_t before = count_below(a->spaced_dashes, a->n_spaced_dashes, v) -
                  count_below(a->spaced_dashes, a->n_spaced_dashes, first);
  size_t after = open > v + 1 ? count_below(a->spaced_dashes, a->n_spaced_dashes, open) -
                                    count_below(a->spaced_dashes, a->n_spaced_dashes, v + 1)
                              : 0;
  return before % 2 == 1 && after >= 1;
}

/* A label that introduces a document's words with a colon: "From the report: QUOTE", "From
 * Lind's statement: QUOTE", "Transcript as follows: QUOTE". The document is the source, as
 * written; tokens [first, colon) must be nothing but the label. */
/* "... is exemplified by this finding: QUOTE": "this", "the" or "that" and a source noun that is no
 * person's role right before the colon; that thing, as written. */
static bool named_thing_before_colon(att *a, size_t first, size_t colon, speaker *sp) {
  if (colon < first + 2 || !(is(a, colon - 2, "this") || is(a, colon - 2, "the") || is(a, colon - 2, "that")) ||
      !(T(a, colon - 1)->flags & TF_LOWER) || !att_source_noun(a, colon - 1) || att_role_noun(a, colon - 1))
    return false;
  memset(sp, 0, sizeof *sp);
  as_written(a, sp, colon - 2, colon, CD_ATTR_SOURCE);
  return true;
}

static bool document_label(att *a, size_t first, size_t colon, speaker *sp) {
  size_t from = first, to = colon;
  if (is(a, first, "from")) from = first + 1;
  else if (colon >= first + 3 && is(a, colon - 2, "as") && is(a, colon - 1, "follows")) to = colon - 2;
  else return named_thing_before_colon(a, first, colon, sp);
  if (to <= from || to > from + 6 || !att_source_noun(a, to - 1)) return false;
  speaker doc_sp = {0};
  if (!att_speaker_at(a, from, &doc_sp, CD_ATTR_SOURCE) || att_phrase_end(&doc_sp) != to) {
    /* a bare label ("Transcript as follows:") or a name's document ("Lind's statement") */
    as_written(a, &doc_sp, from, to, CD_ATTR_SOURCE);
  }
  doc_sp.method = CD_ATTR_SOURCE;
  *sp = doc_sp;
  return true;
}

/* A group that opens the sentence as its subject: "Small groups of protesters marched ...,
 * chanting "..."", "Hundreds of striking nurses ...". Its head, a source noun ("protesters",
 * "nurses"), stands within GROUP_WORDS words of the start with nothing but words before it; the
 * phrase is the source, as written. */
enum { GROUP_WORDS = 5 };
static bool group_subject(att *a, const cd_sentence *s, size_t limit, speaker *sp) {
  for (size_t k = s->first_tok; k < limit && k < s->first_tok + GROUP_WORDS; k++) {
    if (T(a, k)->kind != TOK_WORD || !outside_quotes(a, k) || att_between_word(a, k) || att_speech_verb(a, k))
      return false;
    if (!(T(a, k)->flags & TF_LOWER) || !att_source_noun(a, k) || att_role_noun(a, k)) continue;
    /* the head is followed by the sentence's verb (or an aside's comma), not by more of the phrase;
     * "groups of protesters" has its head after "of" */
    size_t nx = k + 1;
    if (nx < s->end_tok && is(a, nx, "of")) continue;
    if (!(nx < s->end_tok && ((T(a, nx)->kind == TOK_WORD && (T(a, nx)->flags & TF_LOWER) && !att_preposition(a, nx)) ||
                              punct(a, nx, ','))))
      return false;
    as_written(a, sp, s->first_tok, k + 1, CD_ATTR_SOURCE);
    return true;
  }
  return false;
}

/* Sieve 2: before the opening mark, in the quote's sentence. */
static bool before_quote(att *a, const quote_ctx *c, bool partial, speaker *sp, size_t *verb);

/* A verb of stance whose clause reports someone's saying: "he did say he found it 'charming'",
 * "She added that she thinks ...", "X told reporters he feels ...": the one who says speaks, so the
 * speaker phrase is the subject of that verb of saying. A verb of saying inside another keeps its
 * own speaker ("prosecutors say he told an officer "..."") unless both are the same person ("She
 * said she speaks of it because "...""): then the outer one is the attribution. Looks back a few
 * words from the inner verb's subject, within the clause; keeps *sp when there is no such verb. */
enum { OUTER_SAYING_WINDOW = 8 };
static void outer_saying(att *a, const quote_ctx *c, bool stance, speaker *sp, size_t *verb) {
  bool partial = c->qi < a->doc->quotes.len && CD_VEC_AT(&a->doc->quotes, cd_quote, c->qi)->partial;
  const cd_sentence *s = CD_VEC_AT(&a->doc->sentences, cd_sentence, c->sent_open);
  /* "warned people not to be fooled by what forecasters call "the false calm"": a clause of
   * "what" with a verb of naming names a thing, it reports nobody's saying (not "says what he
   * believes "..."", her account of his view) */
  static const char *const NAMING[] = {"call", "calls", "called", "term", "terms", "termed", "dub", "dubs", "dubbed",
                                       "label", "labels", "labelled", "labeled", "describe", "describes", "described",
                                       NULL};
  if (sp->first_tok > s->first_tok && (is(a, sp->first_tok - 1, "what") || is(a, sp->first_tok - 1, "whom")) &&
      *verb != CD_NONE && cd_word_in(S(a, *verb), N(a, *verb), NAMING))
    return;
  size_t skipped = 0; /* tokens of a short quoted title passed over ("told ABC's "Good Morning America" that") */
  for (size_t j = sp->first_tok; j > s->first_tok && sp->first_tok - j < OUTER_SAYING_WINDOW + skipped; j--) {
    size_t u = j - 1;
    /* "Lind said, the media called him "..."": the verb of saying right before the comma */
    if (j == sp->first_tok && punct(a, u, ',') && u > s->first_tok && att_speech_verb(a, u - 1)) continue;
    if (T(a, u)->kind == TOK_MARK && T(a, u)->role == MR_CLOSE && u != c->open) {
      size_t o = u;
      while (o > s->first_tok && u - o < OUTER_SAYING_WINDOW && !(T(a, o)->kind == TOK_MARK && T(a, o)->role == MR_OPEN)) o--;
      const cd_token *ot = T(a, o);
      if (!(ot->kind == TOK_MARK && ot->role == MR_OPEN) || o == u) return;
      bool title = true; /* capitalised words only: a name of a show or a paper, nobody's words */
      for (size_t k = o + 1; k < u && title; k++)
        title = T(a, k)->kind != TOK_WORD || (T(a, k)->flags & TF_CAP);
      if (!title) return;
      skipped += u - o + 1;
      j = o + 1;
      continue;
    }
    if (T(a, u)->kind != TOK_WORD || !outside_quotes(a, u)) return;
    if (!(T(a, u)->flags & TF_LOWER) ||
        !(cd_is_speech_verb(a->doc->config, S(a, u), N(a, u)) || cd_is_speech_participle(S(a, u), N(a, u))))
      continue;
    quote_ctx outer = {u + 1, u + 1, c->qi, c->sent_open, c->sent_open};
    speaker os = {0};
    size_t ov = CD_NONE;
    if (before_quote(a, &outer, false, &os, &ov) && ov == u && os.first_tok < u &&
        (stance || (sp->entity != CD_NONE && os.entity == sp->entity) ||
         /* a fragment in a reported clause right after the verb ("Trump said that Lind begged him
          * and "...""): the outer speaker's paraphrase, not after "and", "after", ... */
         (partial && (u + 1 == sp->first_tok || (u + 2 == sp->first_tok && is(a, u + 1, "that")))))) {
      *sp = os;
      *verb = ov;
    }
    return;
  }
}

/* The start of a short prepositional phrase ending right before token k ("in 2010", "in the past",
 * "on Tuesday"), or k when there is none. */
static size_t short_pp_before(const att *a, size_t k, size_t first) {
  /* k == first == 0 (a verb that opens the text): k - 1 would wrap and read before the tokens */
  if (k <= first + 1) return k;
  for (size_t p = k - 1; p > first && k - p <= 4; p--) {
    const cd_token *t = T(a, p);
    if (t->kind != TOK_WORD && t->kind != TOK_NUMBER) return k;
    if (att_preposition(a, p) && p + 1 < k) return p;
    if (att_speech_verb(a, p) || !outside_quotes(a, p)) return k;
  }
  return k;
}

/* ", adding QUOTE" right after a tag carries the tag on: ""...," Law said, adding that donors feel
 * "..."", "..., said Law on Monday, noting "..."". The tag starts after a closing mark or a comma
 * and ends at the comma before the participle `v` (a short tail such as "on Monday" at most). */
enum { PARTICIPLE_TAG_WINDOW = 12, PARTICIPLE_TAIL_WORDS = 3 };
static bool tag_before_participle(att *a, size_t v, speaker *sp, size_t *verb) {
  if (v < 2 || !punct(a, v - 1, ',')) return false;
  const cd_sentence *s = CD_VEC_AT(&a->doc->sentences, cd_sentence, T(a, v)->sent);
  for (size_t j = v - 1; j > s->first_tok && v - j < PARTICIPLE_TAG_WINDOW; j--) {
    size_t st = j - 1;
    if (!outside_quotes(a, st)) break;
    /* a tag follows the quote ("...," said Law) or opens a clause ("..., Law said") */
    bool after_quote = st > 0 && ((T(a, st - 1)->kind == TOK_MARK && T(a, st - 1)->role == MR_CLOSE) ||
                                  (st > 1 && punct(a, st - 1, ',') && T(a, st - 2)->kind == TOK_MARK && T(a, st - 2)->role == MR_CLOSE));
    bool starts = after_quote || st == s->first_tok || punct(a, st - 1, ',');
    if (!starts || T(a, st)->kind != TOK_WORD || (!after_quote && att_speech_verb(a, st))) continue;
    speaker tmp = {0};
    size_t tv = CD_NONE;
    if (!tag_at(a, st, TAIL_ANY, &tmp, &tv)) continue;
    size_t end = tv == st ? att_after_speaker(a, &tmp) : tv + 1;
    if (tv == st && punct(a, att_phrase_end(&tmp), ',')) end = att_phrase_end(&tmp);
    size_t words = 0;
    for (size_t k = end; k < v - 1; k++)
      if (punct(a, k, ',') || T(a, k)->kind == TOK_MARK || ++words > PARTICIPLE_TAIL_WORDS || is(a, k, "that")) {
        words = PARTICIPLE_TAIL_WORDS + 1;
        break;
      }
    if (words > PARTICIPLE_TAIL_WORDS || end > v - 1) continue;
    *sp = tmp;
    *verb = tv;
    return true;
  }
  return false;
}

/* Is the verb at v negated ("has not replied", "never said", "didn't say")? Who did not speak
 * is no speaker. */
static bool negated(const att *a, size_t v) {
  for (size_t k = v; k > 0 && v - k < 3; k--) {
    size_t u = k - 1;
    if (T(a, u)->kind != TOK_WORD) return false;
    if (is(a, u, "not") || is(a, u, "never")) return true;
    size_t n = N(a, u);
    if ((n > 3 && CD_WORD_IS(S(a, u) + n - 3, 3, "n't")) || (n > 5 && !memcmp(S(a, u) + n - 5, "n\xE2\x80\x99t", 5)))
      return true;
    if (!att_between_word(a, u)) return false;
  }
  return false;
}

/* ", saying QUOTE" after a clause whose subject is "he" or "she" ("Obama was criticized, though
 * last week he used stronger words, saying ..."): that pronoun, not the sentence's first name. The
 * clause runs back from the comma before the participle `v` to the comma or semicolon before it. */
enum { PARTICIPLE_CLAUSE_TOKENS = 20 };
static bool clause_pronoun_before(att *a, size_t v, speaker *sp, size_t *verb) {
  bool colon = v >= 2 && (punct(a, v - 1, ':') || dash(a, v - 1));
  if (v < 2 || !(punct(a, v - 1, ',') || colon)) return false;
  const cd_sentence *s = CD_VEC_AT(&a->doc->sentences, cd_sentence, T(a, v)->sent);
  size_t from = v - 1;
  while (from > s->first_tok && v - from < PARTICIPLE_CLAUSE_TOKENS && !punct(a, from - 1, ',') && !punct(a, from - 1, ';') &&
         T(a, from - 1)->kind != TOK_MARK && !(colon && is(a, from - 1, "that")))
    from--;
  if (from > s->first_tok && !punct(a, from - 1, ',') && !punct(a, from - 1, ';') && !(colon && is(a, from - 1, "that")))
    return false;
  for (size_t k = from; k + 1 < v - 1; k++) {
    bool pronoun = is(a, k, "he") || is(a, k, "she") || (colon && T(a, k)->kind == TOK_WORD && N(a, k) == 1 && S(a, k)[0] == 'I');
    if (!pronoun || !(T(a, k + 1)->flags & TF_LOWER) || T(a, k + 1)->kind != TOK_WORD) continue;
    if (k == s->first_tok) return false; /* the sentence's own subject: the usual way finds it */
    speaker tmp = {0};
    if (!att_speaker_at(a, k, &tmp, CD_ATTR_EXPLICIT)) return false;
    *sp = tmp;
    *verb = v;
    return true;
  }
  return false;
}

/* Tokens [st, end): a plural noun with up to two words before it, right after "what" ("what former
 * employees have called"), which needs no article to be a subject. */
static bool bare_plural_after_what(const att *a, size_t st, size_t end) {
  if (st == 0 || !is(a, st - 1, "what") || end <= st || end - st > 3) return false;
  for (size_t k = st; k < end; k++)
    if (T(a, k)->kind != TOK_WORD || !(T(a, k)->flags & TF_LOWER) || att_function_word(a, k) || att_preposition(a, k) ||
        att_determiner(a, k) || cd_is_pronoun(S(a, k), N(a, k)) || att_between_word(a, k))
      return false;
  return N(a, end - 1) > 3 && S(a, end - 1)[N(a, end - 1) - 1] == 's';
}

/* Does a clause open at token i: the sentence's start, after punctuation, or after a conjunction
 * ("and", "but", "that", or a word that fronts a clause: "when", "while")? A noun phrase there is a
 * subject; one after a verb is its object ("performing a play called "..."). */
static bool clause_opens_at(const att *a, size_t i) {
  if (i == 0 || T(a, i - 1)->sent != T(a, i)->sent || T(a, i - 1)->kind != TOK_WORD) return true;
  size_t p = i - 1;
  return is(a, p, "and") || is(a, p, "but") || is(a, p, "that") || is(a, p, "so") || is(a, p, "what") ||
         cd_lex_has(CD_LEX_FRONTING_WORDS, S(a, p), N(a, p));
}

/* Does the word at v read as a finite verb after the phrase whose last word is `head`? A past
 * ("called") or present ("calls") form, or a plain one after a plural ("critics call"): not the
 * noun in "a simple call to the office". */
static bool finite_after(const att *a, size_t head, size_t v) {
  const char *w = S(a, v);
  size_t n = N(a, v);
  bool inflected = n > 3 && (CD_WORD_IS(w + n - 2, 2, "ed") || w[n - 1] == 's');
  return inflected || (T(a, head)->kind == TOK_WORD && N(a, head) > 3 && S(a, head)[N(a, head) - 1] == 's');
}

static bool speech_noun_owner(att *a, size_t noun, size_t first, speaker *sp);

/* A noun of speech that introduces the quote, with its owner: "citing the Chuck Lind quote that
 * "..."", "criticised Lind's remark that "..."": the owner's words, not those of the verb's subject. */
/* An apostrophe glued to a word ending in s: the possessive of "the Harbour Times'", "Forbes'". */
static bool plural_apostrophe(const att *a, size_t i) {
  const cd_token *t = T(a, i), *w = T(a, i - 1);
  size_t n = t->len;
  bool apos = (n == 1 && S(a, i)[0] == '\'') || (n == 3 && memcmp(S(a, i), "\xE2\x80\x99", 3) == 0);
  return apos && w->kind == TOK_WORD && cd_tok_end(w) == t->start && (S(a, i - 1)[N(a, i - 1) - 1] == 's');
}

/* "had this to say about his proposal: "..."": a noun of speech whose phrase follows a
 * preposition, a colon after it, is what the sentence is about; the words are the sentence's
 * subject's. Not "criticised over her assertion that "..."", which gives the noun's content. */
static bool topic_noun(const att *a, size_t noun, size_t first) {
  if (!punct(a, noun + 1, ':')) return false;
  for (size_t k = noun; k > first && noun - k < 4; k--) {
    size_t p = k - 1;
    if (T(a, p)->kind == TOK_PUNCT && S(a, p)[0] == '-') continue; /* "free-college" */
    if (T(a, p)->kind != TOK_WORD || !outside_quotes(a, p)) return false;
    /* not "in her words", "in his remarks": the frame that gives the owner's words */
    if (att_preposition(a, p)) return !is(a, p, "of") && !is(a, p, "in") && p + 1 < noun && att_determiner(a, p + 1);
  }
  return false;
}

static bool owned_noun_before(att *a, const quote_ctx *c, size_t first, speaker *sp, size_t *verb) {
  size_t i = c->open;
  /* the noun's content follows it ("the quote that", "his remark:"); a quote right after the noun
   * says what someone thinks of the remark ("Ryan said Lind's comments "show bias"") */
  if (!(i > first && (is(a, i - 1, "that") || punct(a, i - 1, ',') || punct(a, i - 1, ':')))) return false;
  i--;
  if (i <= first) return false;
  size_t noun = i - 1;
  /* "in the words of Ana Bell, "..."", "A line from the show's narrator, "..."": the noun's owner
   * after "of" or "from", the phrase ending at the comma */
  if (punct(a, i, ',')) {
    /* "in the words of the reformer Ana Bell, who campaigned for ..., "..."": past a relative clause
     * (no mark in it) to the comma that ends the owner's phrase */
    size_t owner_comma = i;
    for (size_t k = i; k > first + 2 && i - k < 30; k--) {
      if (T(a, k - 1)->kind == TOK_MARK) break;
      if (punct(a, k - 1, ',') && (is(a, k, "who") || is(a, k, "whose"))) {
        owner_comma = k - 1;
        break;
      }
    }
    for (size_t of = owner_comma - 1; of > first + 1 && owner_comma - of < 8; of--) {
      if (!(is(a, of, "of") || is(a, of, "from")) || !outside_quotes(a, of)) continue;
      size_t n = of - 1;
      speaker tmp = {0};
      if ((T(a, n)->flags & TF_LOWER) && cd_lex_has(CD_LEX_SPEECH_NOUNS, S(a, n), N(a, n)) &&
          att_speaker_at(a, of + 1, &tmp, CD_ATTR_EXPLICIT) &&
          (tmp.end_tok == owner_comma || att_phrase_end(&tmp) == owner_comma) &&
          tmp.method != CD_ATTR_PRONOUN) {
        *sp = tmp;
        *verb = n;
        return true;
      }
      /* "the words of the reformer Ana Bell": a person's name ending the phrase, after lower-case
       * words that describe them */
      if ((T(a, n)->flags & TF_LOWER) && cd_lex_has(CD_LEX_SPEECH_NOUNS, S(a, n), N(a, n))) {
        for (size_t k = of + 1; k < owner_comma && T(a, k)->kind == TOK_WORD; k++) {
          size_t mk = mention_at(a, k);
          if (mk == CD_NONE) {
            if (!(T(a, k)->flags & TF_LOWER)) break;
            continue;
          }
          const cd_name_mention *nm = CD_VEC_AT(&a->doc->mentions, cd_name_mention, mk);
          if (nm->end_tok != owner_comma || !cd_mention_is_person(a->doc, mk)) break;
          for_mention(a, sp, mk, nm->first_tok, owner_comma, CD_ATTR_EXPLICIT);
          *verb = n;
          return true;
        }
      }
      break;
    }
  }
  if (topic_noun(a, noun, first)) return false;
  /* "in the Harbour Times' words, "..."": the frame credits any named source, not only a person */
  size_t owner_end = noun > first + 1 && plural_apostrophe(a, noun - 1) ? noun - 1 : noun; /* "Times' words" */
  size_t mi = CD_NONE; /* the mention that ends right before the noun ("the Cedar Springs Record's") */
  if (punct(a, i, ',') && is(a, noun, "words"))
    for (size_t k = owner_end; k > first + 1 && owner_end - k < 6; k--) {
      size_t mk = mention_at(a, k - 1);
      if (mk == CD_NONE) continue;
      if (CD_VEC_AT(&a->doc->mentions, cd_name_mention, mk)->end_tok == owner_end) mi = mk;
      break;
    }
  if (mi != CD_NONE) {
    const cd_name_mention *nm = CD_VEC_AT(&a->doc->mentions, cd_name_mention, mi);
    size_t f = nm->first_tok;
    if (f > first && att_determiner(a, f - 1)) f--;
    if ((nm->possessive || owner_end < noun) && nm->end_tok == owner_end && f > first && is(a, f - 1, "in")) {
      for_mention(a, sp, mi, nm->first_tok, owner_end, CD_ATTR_EXPLICIT);
      *verb = noun;
      return true;
    }
  }
  if (T(a, noun)->kind != TOK_WORD || !(T(a, noun)->flags & TF_LOWER) || !outside_quotes(a, noun) ||
      !cd_lex_has(CD_LEX_SPEECH_NOUNS, S(a, noun), N(a, noun)) || !speech_noun_owner(a, noun, first, sp))
    return false;
  *verb = noun;
  return true;
}

/* "Lind's claim that the mayor "broke the law"", "his accusation that she is playing the "...": a
 * quote inside the that-clause of a noun of speech belongs to the noun's owner, not to the
 * clause's subject nor to a verb further back. The "that" stands right after the noun; no verb of
 * saying and no other quote between it and the quote (at most CLAIM_CLAUSE_WINDOW tokens). */
enum { CLAIM_CLAUSE_WINDOW = 14 };
static bool owned_claim_before(att *a, const quote_ctx *c, size_t first, speaker *sp, size_t *verb) {
  for (size_t i = c->open; i > first + 1 && c->open - i < CLAIM_CLAUSE_WINDOW; i--) {
    size_t t = i - 1;
    if (T(a, t)->kind == TOK_MARK && T(a, t)->role != MR_APOS) return false;
    if (T(a, t)->kind != TOK_WORD || !outside_quotes(a, t)) continue;
    if (att_speech_verb(a, t)) return false;
    if (!is(a, t, "that")) continue;
    size_t noun = t - 1;
    if (T(a, noun)->kind != TOK_WORD || !(T(a, noun)->flags & TF_LOWER) || !outside_quotes(a, noun) ||
        !cd_lex_has(CD_LEX_SPEECH_NOUNS, S(a, noun), N(a, noun)))
      return false;
    /* "Bell said that Lind's claim that ... is "not true"": the noun is what a verb of saying
     * reports on, and the quote may well be that verb's: left to the usual way */
    for (size_t k = noun; k > first && noun - k < CLAIM_CLAUSE_WINDOW; k--)
      if (outside_quotes(a, k - 1) && att_speech_verb(a, k - 1)) return false;
    if (!speech_noun_owner(a, noun, first, sp)) return false;
    *verb = noun;
    return true;
  }
  return false;
}

/* "with X calling QUOTE", "and X reportedly yelling QUOTE": a named person whose phrase opens its
 * clause and stands right before the participle v (adverbs such as "reportedly" between). */
static bool person_before_participle(att *a, const cd_sentence *s, size_t v, speaker *sp) {
  static const char *const QUOTING[] = {"quoted", "quotes", "quoting", "cited", "cites", "citing", NULL};
  size_t end = v;
  while (end > s->first_tok && att_between_word(a, end - 1)) end--;
  /* "Your article quoted Superintendent Douglas Varga as saying": the one quoted said it */
  if (end > s->first_tok + 2 && is(a, end - 1, "as")) {
    size_t mi = CD_NONE;
    for (size_t st = end - 1; st > s->first_tok && end - 1 - st < 6 && mi == CD_NONE; st--) {
      size_t m = mention_at(a, st - 1);
      if (m != CD_NONE && CD_VEC_AT(&a->doc->mentions, cd_name_mention, m)->end_tok == end - 1) mi = m;
    }
    /* "We quoted him as saying" */
    if (mi == CD_NONE && end > s->first_tok + 3 && (pronoun_is(a, end - 2, "him") || pronoun_is(a, end - 2, "her")) &&
        cd_word_in(S(a, end - 3), N(a, end - 3), QUOTING)) {
      memset(sp, 0, sizeof *sp);
      att_speaker_at(a, end - 2, sp, CD_ATTR_PRONOUN);
      if (sp->found && sp->mention != CD_NONE) return true;
    }
    const cd_name_mention *m = mi != CD_NONE ? CD_VEC_AT(&a->doc->mentions, cd_name_mention, mi) : NULL;
    if (m && m->first_tok > s->first_tok && cd_mention_is_person(a->doc, mi) &&
        cd_word_in(S(a, m->first_tok - 1), N(a, m->first_tok - 1),
                   QUOTING)) {
      memset(sp, 0, sizeof *sp);
      att_speaker_at(a, m->first_tok, sp, CD_ATTR_EXPLICIT);
      if (sp->found) return true;
    }
  }
  /* "..., with its president, Carla Mendes, calling", "..., its leader, Tom Reyes, saying": a person
   * set off by commas after a possessive's role noun (not "criticised the mayor, Tom Reyes, saying",
   * whose participle is the subject's) */
  if (end > s->first_tok + 4 && punct(a, end - 1, ',')) {
    size_t c = end - 2;
    while (c > s->first_tok && !punct(a, c, ',') && end - c < 10) c--;
    speaker tmp = {0};
    if (c > s->first_tok + 1 && punct(a, c, ',') && att_role_noun(a, c - 1) && (T(a, c - 1)->flags & TF_LOWER) &&
        (is(a, c - 2, "its") || is(a, c - 2, "his") || is(a, c - 2, "her") || is(a, c - 2, "their")) &&
        att_speaker_at(a, c + 1, &tmp, CD_ATTR_EXPLICIT) && att_phrase_end(&tmp) == end - 1 &&
        tmp.mention != CD_NONE && tmp.method != CD_ATTR_PRONOUN && cd_mention_is_person(a->doc, tmp.mention)) {
      *sp = tmp;
      return true;
    }
  }
  /* "the cockpit voice recorder captured the first officer saying", "witnesses heard the captain
   * shouting": after a verb of recording or hearing, a determiner, up to two modifiers and a
   * noun for a person (a role, a job, a source): that person, as written */
  for (size_t st = end > 5 ? end - 5 : 0; st + 1 < end; st++) {
    if (st <= s->first_tok || !(is(a, st, "the") || is(a, st, "a") || is(a, st, "an")) ||
        !cd_word_in(S(a, st - 1), N(a, st - 1),
                    (const char *const[]){"captures", "captured", "shows", "showed", "records", "recorded", "hear",
                                          "hears", "heard", "overheard", "caught", "catches", "filmed", NULL}))
      continue;
    size_t k = st + 1;
    while (k < end && T(a, k)->kind == TOK_WORD && (T(a, k)->flags & TF_LOWER) && !att_speech_verb(a, k)) k++;
    if (k != end || !att_person_noun(a, end - 1)) continue;
    memset(sp, 0, sizeof *sp);
    as_written(a, sp, st, end, CD_ATTR_SOURCE);
    return true;
  }
  for (size_t st = end > 12 ? end - 12 : 0; st < end; st++) {
    if (st < s->first_tok || st == 0) continue;
    /* the phrase opens its clause ("with X calling", "footage of X saying", "and X calling"),
     * it is not a verb's object ("It credited Lind with ..., noting") */
    /* ("the recording captures the driver saying", "the video shows Lind telling": a recording's
     * verb before the phrase) */
    if (st > s->first_tok && T(a, st - 1)->kind == TOK_WORD && !att_preposition(a, st - 1) && !is(a, st - 1, "and") &&
        !is(a, st - 1, "or") && !is(a, st - 1, "as") && !is(a, st - 1, "while") &&
        !cd_word_in(S(a, st - 1), N(a, st - 1),
                    (const char *const[]){"captures", "captured", "shows", "showed", "records", "recorded", "hear",
                                          "hears", "heard", "depicts", "depicted", NULL}))
      continue;
    /* a place or a medium is no one who speaks: "responded on Facebook writing", "spoke in Iowa saying" */
    /* (nor a place beside someone: "one guest near the stage was heard saying") */
    if (st > s->first_tok && (is(a, st - 1, "on") || is(a, st - 1, "in") || is(a, st - 1, "at") ||
                              cd_word_in(S(a, st - 1), N(a, st - 1),
                                         (const char *const[]){"near", "beside", "behind", "outside", "inside", "opposite",
                                                               "across", "around", "along", "under", "above", NULL})))
      continue;
    speaker tmp = {0};
    /* a document or a group right before the participle speaks too ("after the paper's editorial
     * telling him", "with one of her ads asking"), not one the clause sends something to */
    bool source_ok = st > s->first_tok && !is(a, st - 1, "to") && !is(a, st - 1, "for") && att_determiner(a, st);
    if (att_speaker_at(a, st, &tmp, CD_ATTR_EXPLICIT) && att_phrase_end(&tmp) == end &&
        ((tmp.mention != CD_NONE && tmp.method != CD_ATTR_PRONOUN && cd_mention_is_person(a->doc, tmp.mention)) ||
         (source_ok && tmp.method == CD_ATTR_SOURCE))) {
      *sp = tmp;
      return true;
    }
  }
  return false;
}

/* The subject of a later clause of the sentence, nearest before token `limit` and after token
 * `from` (the end of the sentence's own subject): "..., and he pronounced it "a friend"", "...,
 * while Ana Lind proposed we "...", "... as a guard walked in, saying "..."". The clause opens
 * after a word of clause_openers.txt ("and"/"but" after a comma, or after a semicolon); its
 * subject is a named person, he/she, or a source phrase, with a verb of its own right after it
 * (past an appositive) and acting, not undergoing. Looks back at most CLAUSE_SUBJECT_WINDOW tokens. */
enum { CLAUSE_SUBJECT_WINDOW = 30 };
static bool later_clause_subject(att *a, size_t from, size_t limit, speaker *sp) {
  for (size_t st = limit; st > from + 1 && limit - st < CLAUSE_SUBJECT_WINDOW; st--) {
    size_t i = st - 1, p = i - 1;
    /* not back across another quote, but over a word or two in quotation marks: "he called her
     * "weak" and said" */
    if (T(a, i)->kind == TOK_MARK && T(a, i)->role == MR_CLOSE) {
      size_t o = i;
      while (o > from + 1 && o + 4 > i && !(T(a, o - 1)->kind == TOK_MARK && T(a, o - 1)->role == MR_OPEN)) o--;
      if (o + 4 <= i || o <= from + 1) break;
      st = o; /* the loop's step puts i on the token before the opening mark */
      continue;
    }
    if (T(a, i)->kind == TOK_MARK && T(a, i)->role != MR_APOS) break;
    /* a dash or semicolon may open the clause too: "For that she drew his ire - he called her "weak"
     * and said she had "..."" */
    bool clause_break = dash(a, p) || punct(a, p, ';') ||
                        /* a relative clause with a subject of its own: "NAFTA, which Trump had called a
                         * "disaster" and promised to "rip up"" */
                        is(a, p, "which") || is(a, p, "whom");
    /* (and the conjunctions of time, here only: "fell 4% after an analyst downgraded it, saying") */
    bool time_clause = is(a, p, "after") || is(a, p, "before") || is(a, p, "since") || is(a, p, "until") ||
                       is(a, p, "once");
    if (!clause_break && (T(a, p)->kind != TOK_WORD || !(T(a, p)->flags & TF_LOWER) || !outside_quotes(a, p) ||
                          !(time_clause || cd_lex_has(CD_LEX_CLAUSE_OPENERS, S(a, p), N(a, p)))))
      continue;
    /* the comma may close a quote before the conjunction: "... Mexico," and he pronounced" */
    bool comma = p > from && (punct(a, p - 1, ',') || punct(a, p - 1, ';') ||
                              (p > from + 1 && T(a, p - 1)->kind == TOK_MARK && T(a, p - 1)->role == MR_CLOSE &&
                               punct(a, p - 2, ',')));
    if ((is(a, p, "and") || is(a, p, "but")) && !comma) continue;
    speaker tmp = {0};
    if (!att_speaker_at(a, i, &tmp, CD_ATTR_EXPLICIT) || tmp.end_tok > limit) continue;
    /* he or she may stand for a person last named in a possessive ("drew Trump's ire - he called") */
    bool person = tmp.method == CD_ATTR_PRONOUN
                      ? (pronoun_is(a, i, "he") || pronoun_is(a, i, "she")) && tmp.entity != CD_NONE &&
                            CD_VEC_AT(&a->doc->entities, cd_entity, tmp.entity)->kind == CD_ENTITY_PERSON
                      : tmp.mention != CD_NONE && cd_mention_is_person(a->doc, tmp.mention);
    /* (an organisation too: "Tollan fell 4% when Hove & Pike cut its rating, writing ...") */
    bool body = tmp.mention != CD_NONE && tmp.entity != CD_NONE &&
                CD_VEC_AT(&a->doc->entities, cd_entity, tmp.entity)->kind == CD_ENTITY_ORGANIZATION;
    if (!person && !body && tmp.method != CD_ATTR_SOURCE) continue;
    /* a time clause's pronoun is too often the thing it is about: "apologized for the columns after
     * they came out, saying ..." */
    if (time_clause && !clause_break && tmp.method == CD_ATTR_PRONOUN) continue;
    size_t v = att_after_speaker(a, &tmp);
    while (v < limit && att_between_word(a, v) && !att_be_form(a, v)) v++;
    if (v >= limit || T(a, v)->kind != TOK_WORD || !(T(a, v)->flags & TF_LOWER) || att_preposition(a, v) ||
        att_determiner(a, v) || att_function_word(a, v) || !active_subject(a, &tmp, limit))
      continue;
    *sp = tmp;
    return true;
  }
  return false;
}

/* A passive with its agent after the quote: "has been called "a cult" by Ana Bell", "often
 * labeled as a "witch hunt" by the mayor's critics". The participle at v (after a form of "be", or
 * opening its clause after a comma or dash), at most "as" and an article before the opening mark,
 * and "by" and a speaker right after the closing mark. */
static bool passive_agent(att *a, const quote_ctx *c, size_t v, speaker *sp) {
  if (N(a, v) < 4 || !CD_WORD_IS(S(a, v) + N(a, v) - 2, 2, "ed") || c->close <= c->open || c->open > v + 3) return false;
  for (size_t k = v + 1; k < c->open; k++)
    if (!is(a, k, "as") && !att_determiner(a, k)) return false;
  size_t b = v;
  bool be = false;
  while (b > 0 && (att_between_word(a, b - 1) || att_be_form(a, b - 1))) {
    b--;
    be = be || att_be_form(a, b);
  }
  if (!be && !(b > 0 && (punct(a, b - 1, ',') || dash(a, b - 1)))) return false;
  size_t j = c->close + 1;
  if (j < doc_ntok(a->doc) && punct(a, j, ',')) j++;
  if (j + 1 >= doc_ntok(a->doc) || !is(a, j, "by") || T(a, j)->sent != c->sent_close) return false;
  return att_speaker_at(a, j + 1, sp, CD_ATTR_EXPLICIT);
}

/* A source phrase ("a woman", "two nurses") that opens its clause (at the sentence's start, or
 * after "after", "before", "as", "while", "when" or a comma) and is placed by "in", "from" or "at"
 * and a place of capitalised words and commas that runs to token `end`, the verb: "after a woman
 * in Salem, Oregon, told her". At most PLACED_TOKENS tokens back. */
enum { PLACED_TOKENS = 14 };
static bool placed_source_before(att *a, size_t first, size_t end, speaker *sp) {
  size_t p = end;
  if (p > first && punct(a, p - 1, ',')) p--;
  /* back over the place: capitalised words and commas */
  while (p > first && end - p < PLACED_TOKENS &&
         ((T(a, p - 1)->kind == TOK_WORD && (T(a, p - 1)->flags & TF_CAP)) || punct(a, p - 1, ',')))
    p--;
  if (p == end || p <= first + 1 || !(is(a, p - 1, "in") || is(a, p - 1, "from") || is(a, p - 1, "at")) ||
      !(T(a, p)->flags & TF_CAP))
    return false;
  size_t prep = p - 1;
  for (size_t st = prep; st > first && prep - st < 6; st--) {
    size_t i = st - 1;
    bool opens = i == first || punct(a, i - 1, ',') ||
                 (T(a, i - 1)->kind == TOK_WORD && (cd_lex_has(CD_LEX_SUBORDINATING_PREPOSITIONS, S(a, i - 1), N(a, i - 1)) ||
                                                    cd_lex_has(CD_LEX_CLAUSE_OPENERS, S(a, i - 1), N(a, i - 1))));
    if (!opens || !att_determiner(a, i)) continue;
    speaker tmp = {0};
    if (att_speaker_at(a, i, &tmp, CD_ATTR_EXPLICIT) && tmp.method == CD_ATTR_SOURCE && att_phrase_end(&tmp) == prep) {
      memset(sp, 0, sizeof *sp);
      as_written(a, sp, i, punct(a, end - 1, ',') ? end - 1 : end, CD_ATTR_SOURCE); /* with its place */
      return true;
    }
  }
  return false;
}

/* The subject of the last clause before a colon when a dash or a semicolon opens that clause:
 * "When the moderators gave in to snark -- and who would not! -- Lind called them on it:". A
 * named person or a source phrase right after the dash, with a lower-case word (its verb) next.
 * Looks back at most DASH_CLAUSE_TOKENS tokens from the colon. */
enum { DASH_CLAUSE_TOKENS = 16 };
static bool dash_clause_subject(att *a, size_t first, size_t colon, speaker *sp) {
  for (size_t d = colon; d > first && colon - d < DASH_CLAUSE_TOKENS; d--) {
    size_t k = d - 1;
    if (T(a, k)->kind == TOK_MARK && T(a, k)->role != MR_APOS) return false;
    if (!dash(a, k) && !punct(a, k, ';')) continue;
    speaker tmp = {0};
    if (!att_speaker_at(a, k + 1, &tmp, CD_ATTR_EXPLICIT) || tmp.method == CD_ATTR_PRONOUN) return false;
    /* "... the Democratic caucus - HuffPollster: QUOTE": a name alone between the dash and the
     * colon labels the quote */
    if (tmp.mention != CD_NONE && (tmp.end_tok == colon || att_phrase_end(&tmp) == colon)) {
      *sp = tmp;
      return true;
    }
    bool person = tmp.mention != CD_NONE && cd_mention_is_person(a->doc, tmp.mention);
    size_t v = att_after_speaker(a, &tmp);
    while (v < colon && att_between_word(a, v)) v++;
    if ((!person && tmp.method != CD_ATTR_SOURCE) || v >= colon || T(a, v)->kind != TOK_WORD ||
        !(T(a, v)->flags & TF_LOWER) || att_preposition(a, v) || att_function_word(a, v))
      return false;
    /* "its chairman, Omar Baker, summed up": the person the appositive names */
    speaker app = {0};
    size_t e = att_phrase_end(&tmp);
    if (!person && punct(a, e, ',') && att_speaker_at(a, e + 1, &app, CD_ATTR_EXPLICIT) && app.mention != CD_NONE &&
        app.method != CD_ATTR_PRONOUN && cd_mention_is_person(a->doc, app.mention) && punct(a, att_phrase_end(&app), ','))
      tmp = app;
    *sp = tmp;
    return true;
  }
  return false;
}

/* The crowd of the clause a crowd participle follows after a comma: "where about 50 protesters had
 * gathered on Wednesday, chanting "..."". A bare plural source (bare_sources.txt: "protesters",
 * "supporters") as the subject of that clause, a lower-case verb (past auxiliaries) right after
 * it; no quotation mark between. Looks back at most CROWD_CLAUSE_TOKENS tokens. */
enum { CROWD_CLAUSE_TOKENS = 15 };
static bool crowd_before_participle(att *a, size_t first, size_t v, speaker *sp) {
  if (v < 2 || !punct(a, v - 1, ',')) return false;
  for (size_t k = v - 1; k > first && v - k < CROWD_CLAUSE_TOKENS; k--) {
    size_t j = k - 1;
    if (T(a, j)->kind == TOK_MARK && T(a, j)->role != MR_APOS) return false;
    if (T(a, j)->kind != TOK_WORD || !(T(a, j)->flags & TF_LOWER) || !cd_lex_has(CD_LEX_BARE_SOURCES, S(a, j), N(a, j)))
      continue;
    size_t w = j + 1;
    while (w < v && att_between_word(a, w)) w++;
    if (w >= v - 1 || T(a, w)->kind != TOK_WORD || !(T(a, w)->flags & TF_LOWER) || att_preposition(a, w) ||
        att_function_word(a, w) || att_determiner(a, w))
      return false;
    speaker tmp = {0};
    if (!att_speaker_at(a, j, &tmp, CD_ATTR_EXPLICIT) || tmp.method != CD_ATTR_SOURCE) return false;
    *sp = tmp;
    /* with its article or possessive: "her supporters", "the marchers" */
    if (j > first && (att_determiner(a, j - 1) || is(a, j - 1, "her") || is(a, j - 1, "his") || is(a, j - 1, "their")))
      as_written(a, sp, j - 1, tmp.end_tok, CD_ATTR_SOURCE);
    return true;
  }
  return false;
}

/* "As Parsons had written, "..."": "written" with an auxiliary of the perfect is a verb of saying
 * (alone it is mostly an adjective: "a written statement"). */
static bool perfect_written(const att *a, size_t v) {
  return v > 0 && is(a, v, "written") && (is(a, v - 1, "had") || is(a, v - 1, "has") || is(a, v - 1, "have"));
}

/* Could a subject end right before the verb at v (past adverbs): a name, a pronoun, a source or
 * role noun, or an appositive's closing comma? */
static bool subject_ends_before(const att *a, size_t v, size_t first) {
  size_t k = v;
  while (k > first && att_between_word(a, k - 1)) k--;
  if (k <= first) return false;
  size_t p = k - 1;
  if (punct(a, p, ',') || punct(a, p, ')')) return true; /* an appositive's end: "Yang Shu, director of ..., calls" */
  if (T(a, p)->kind != TOK_WORD) return false;
  return (T(a, p)->flags & TF_CAP) || cd_is_pronoun(S(a, p), N(a, p)) || is(a, p, "who") || is(a, p, "that") ||
         is(a, p, "which") || att_source_noun(a, p) || att_role_noun(a, p);
}

static bool article(const att *a, size_t i) { return is(a, i, "the") || is(a, i, "a") || is(a, i, "an"); }

/* Does a participle's aside open at token i ("reacting to the delay", "angered by the report",
 * "kept in the archive")? A lower-case word in -ing or -ed, or an irregular past participle,
 * outside quotation marks. */
static bool participle_opens(const att *a, size_t i) {
  if (T(a, i)->kind != TOK_WORD || !(T(a, i)->flags & TF_LOWER) || !outside_quotes(a, i) || N(a, i) < 4) return false;
  if (N(a, i) >= 5 && (CD_WORD_IS(S(a, i) + N(a, i) - 3, 3, "ing") || CD_WORD_IS(S(a, i) + N(a, i) - 2, 2, "ed")))
    return true;
  return cd_lex_has(CD_LEX_IRREGULAR_PAST_PARTICIPLES, S(a, i), N(a, i));
}

/* A noun phrase of its own right before the verb of saying at k (past adverbs): a determiner
 * opening a clause, then one to four lower-case words ("After the storm hit Fresno, a familiar
 * voice said"). It is the verb's subject, as written: not the sentence's first name across the
 * comma. A possessive ("his voice") is left to the sieves that know whose it is. */
static bool own_noun_phrase(att *a, size_t first, size_t k, speaker *sp) {
  size_t st = k;
  while (st > first && k - st < 4 && T(a, st - 1)->kind == TOK_WORD && (T(a, st - 1)->flags & TF_LOWER) &&
         outside_quotes(a, st - 1) && !att_determiner(a, st - 1))
    st--;
  if (st == first || st == k || !att_determiner(a, st - 1)) return false;
  size_t det = st - 1;
  if (is(a, det, "his") || is(a, det, "her") || is(a, det, "its") || is(a, det, "their") || is(a, det, "my") ||
      is(a, det, "our") || is(a, det, "your") || !clause_opens_at(a, det))
    return false;
  for (size_t i = st; i < k; i++)
    if (att_function_word(a, i) || att_preposition(a, i) || cd_is_pronoun(S(a, i), N(a, i)) || att_speech_verb(a, i) ||
        att_between_word(a, i))
      return false;
  if (cd_lex_has(CD_LEX_TIME_NOUNS, S(a, k - 1), N(a, k - 1))) return false; /* "As the evening went on," */
  as_written(a, sp, det, k, CD_ATTR_SOURCE);
  return true;
}

/* The subject of a verb whose participle aside opens at the comma `aside`: the sentence's subject
 * when it ends right there, else a noun phrase opening the sentence and ending there ("Others",
 * "A dockworker"), as written. */
static bool subject_before_aside(att *a, uint32_t sent, size_t aside, speaker *sp) {
  const cd_sentence *s = CD_VEC_AT(&a->doc->sentences, cd_sentence, sent);
  speaker subj = {0};
  if (att_sentence_subject(a, sent, aside, &subj) &&
      (subj.end_tok == aside || att_phrase_end(&subj) == aside)) {
    *sp = subj;
    return true;
  }
  size_t f = s->first_tok;
  if (aside <= f || aside - f > 4) return false;
  for (size_t k = f; k < aside; k++)
    if (T(a, k)->kind != TOK_WORD || !outside_quotes(a, k) || att_preposition(a, k) || att_speech_verb(a, k))
      return false;
  size_t head = aside - 1;
  if (!(T(a, head)->flags & TF_LOWER) && !(head == f && (T(a, head)->flags & TF_CAP))) return false;
  if (att_function_word(a, head) && !is(a, head, "others")) return false;
  as_written(a, sp, f, aside, CD_ATTR_SOURCE);
  return true;
}

/* "a message that said", "a sign which read": a noun for a document or a message (a source noun
 * that names no person), after its article and up to two words, then "that" or "which" right
 * before the verb at v. With `stance` (the verb one of stance, not of saying), only a part of a
 * piece of writing: "a single paragraph that blames, vaguely, "..."", not "a party platform that
 * calls for "..."", a wish. */
static bool relative_document(att *a, size_t first, size_t v, bool stance, speaker *sp) {
  static const char *const PARTS[] = {"paragraph", "chapter", "passage", "page", "section", "entry", NULL};
  if (v < first + 3 || !(is(a, v - 1, "that") || is(a, v - 1, "which"))) return false;
  size_t noun = v - 2;
  if (!(T(a, noun)->flags & TF_LOWER) || !att_source_noun(a, noun) || att_role_noun(a, noun)) return false;
  if (stance && !cd_word_in(S(a, noun), N(a, noun), PARTS)) return false;
  for (size_t d = noun; d > first && noun - d < 3; d--)
    if (att_determiner(a, d - 1)) {
      as_written(a, sp, d - 1, noun + 1, CD_ATTR_SOURCE);
      return true;
    }
  return false;
}

/* The person whose name ends right before a comma at token `at` - 1 in sentence s, the comma
 * opening an appositive that starts at `at`: *sp becomes them; unchanged when there is none. */
static void person_before_comma(att *a, const cd_sentence *s, size_t at, speaker *sp) {
  if (at < s->first_tok + 2 || !punct(a, at - 1, ',')) return;
  size_t end = at - 1;
  for (size_t st = end > 8 ? end - 8 : 0; st < end; st++) {
    speaker who = {0};
    if (st < s->first_tok || att_after_preposition(a, st, s->first_tok)) continue;
    if (att_speaker_at(a, st, &who, CD_ATTR_EXPLICIT) && who.mention != CD_NONE && who.method != CD_ATTR_PRONOUN &&
        (who.end_tok == end || att_phrase_end(&who) == end) && cd_mention_is_person(a->doc, who.mention)) {
      *sp = who;
      return;
    }
  }
}

/* "in a statement released by the studio, Lantern Reel Pictures,": the noun at `noun` closes a
 * phrase after "by", "from" or "of" (within four words back, in its clause): the organisation
 * apposed to it is that phrase's, not the verb's subject. */
static bool agent_noun_before(const att *a, size_t first, size_t noun) {
  for (size_t k = noun; k > first && noun - k < 4; k--) {
    if (punct(a, k - 1, ',')) return false;
    if (is(a, k - 1, "by") || is(a, k - 1, "from") || is(a, k - 1, "of")) return true;
  }
  return false;
}

/* A lower-case noun for a role or a trade right before a person's name, without a determiner:
 * "broadcaster" in ", broadcaster Maya Frost, said". */
static bool bare_descriptor(const att *a, size_t i) {
  if (T(a, i)->kind != TOK_WORD || !(T(a, i)->flags & TF_LOWER) || !outside_quotes(a, i)) return false;
  size_t mi = mention_at(a, i + 1);
  if (mi == CD_NONE || CD_VEC_AT(&a->doc->mentions, cd_name_mention, mi)->first_tok != i + 1 ||
      !cd_mention_is_person(a->doc, mi))
    return false;
  return att_person_noun(a, i);
}

static bool pronoun_owner(att *a, size_t p, speaker *sp);
/* "Nasser's last word, as the volunteers packed up: "..."", "Her answer, when asked about the
 * future: "..."": a sentence that opens with a person's word, answer or other noun of speech (up
 * to an aside in commas) and ends in the colon before the quote; that person (a name in the
 * possessive, or his/her resolved). */
static bool owned_word_label(att *a, const cd_sentence *s, size_t colon, speaker *sp) {
  size_t f = s->first_tok, k;
  /* (past a live blog's time: "**02:24** Nasser's last word, ...") */
  while (f + 1 < colon && (T(a, f)->kind == TOK_NUMBER || punct(a, f, ':'))) f++;
  speaker owner = {0};
  size_t mi = mention_at(a, f);
  if (mi != CD_NONE) {
    const cd_name_mention *m = CD_VEC_AT(&a->doc->mentions, cd_name_mention, mi);
    /* (a person's, or a name no kind is known for: words are a person's, not a place's or a body's) */
    cd_entity_kind kind = m->entity != CD_NONE ? CD_VEC_AT(&a->doc->entities, cd_entity, m->entity)->kind : CD_ENTITY_OTHER;
    if (!m->possessive || m->first_tok != f || kind == CD_ENTITY_ORGANIZATION || kind == CD_ENTITY_PLACE) return false;
    for_mention(a, &owner, mi, f, m->end_tok, CD_ATTR_EXPLICIT);
    k = m->end_tok;
    /* (past an apostrophe and "s" tokenised apart from the name) */
    if (k < colon && T(a, k)->kind == TOK_MARK && T(a, k)->role == MR_APOS) k++;
    if (k < colon && is(a, k, "s")) k++;
  } else if ((is(a, f, "his") || is(a, f, "her")) && pronoun_owner(a, f, &owner)) {
    k = f + 1;
  } else {
    return false;
  }
  size_t noun = CD_NONE;
  for (size_t w = k; w < colon && w < k + 3 && T(a, w)->kind == TOK_WORD && (T(a, w)->flags & TF_LOWER); w++)
    if (cd_lex_has(CD_LEX_SPEECH_NOUNS, S(a, w), N(a, w)) || is(a, w, "word")) noun = w;
  if (noun == CD_NONE) return false;
  size_t e = noun + 1;
  if (e != colon) { /* an aside in commas: ", as the volunteers packed up:" */
    if (!punct(a, e, ',') || colon - e > 14) return false;
    for (size_t w = e + 1; w < colon; w++)
      if (T(a, w)->kind == TOK_MARK || punct(a, w, ';')) return false;
  }
  *sp = owner;
  return true;
}

static bool before_quote(att *a, const quote_ctx *c, bool partial, speaker *sp, size_t *verb) {
  const cd_sentence *s = CD_VEC_AT(&a->doc->sentences, cd_sentence, c->sent_open);
  if (owned_noun_before(a, c, s->first_tok, sp, verb) || owned_claim_before(a, c, s->first_tok, sp, verb)) return true;
  /* "Said Ana Bell, who runs the cafe, "..."": a sentence that opens with the verb */
  size_t s0 = s->first_tok;
  if (c->open > s0 + 2 && T(a, s0)->kind == TOK_WORD && (T(a, s0)->flags & TF_CAP) && outside_quotes(a, s0) &&
      cd_is_speech_verb(a->doc->config, S(a, s0), N(a, s0)) && (punct(a, c->open - 1, ',') || punct(a, c->open - 1, ':'))) {
    speaker inv = {0};
    if (att_speaker_at(a, s0 + 1, &inv, CD_ATTR_EXPLICIT) &&
        (att_phrase_end(&inv) == c->open - 1 || att_after_speaker(a, &inv) == c->open)) {
      *sp = inv;
      *verb = s0;
      return true;
    }
  }
  /* "Calling it "just another apology", Lind told ...": a quote inside a fronted participle's clause
   * is the words of the subject after that clause; also after "And"/"But" and a preposition that
   * opens the clause ("After saying it was "...", she left", "In declaring it "...", the pope ...") */
  size_t lead = s0;
  if (lead < c->open && (is(a, lead, "and") || is(a, lead, "but"))) lead++;
  if (lead < c->open && (is(a, lead, "after") || is(a, lead, "in") || is(a, lead, "by") || is(a, lead, "while") ||
                         is(a, lead, "before") || is(a, lead, "upon") || is(a, lead, "when")))
    lead++;
  if (c->open > lead && T(a, lead)->kind == TOK_WORD && (T(a, s0)->flags & TF_CAP) && outside_quotes(a, lead) &&
      cd_is_speech_participle(S(a, lead), N(a, lead))) {
    bool inside = true;
    for (size_t k = lead + 1; k < c->open && inside; k++) inside = !(punct(a, k, ',') && outside_quotes(a, k));
    speaker subj = {0};
    /* after "In"/"After", only a name or he/she: a role noun ("the pope") read as the nearest name
     * is too weak a guess across the clause */
    if (inside && att_sentence_subject(a, c->sent_open, s->end_tok, &subj) && subj.first_tok > c->close &&
        (lead == s0 || subj.method != CD_ATTR_PRONOUN || pronoun_is(a, subj.first_tok, "he") ||
         pronoun_is(a, subj.first_tok, "she"))) {
      *sp = subj;
      *verb = lead;
      return true;
    }
  }
  size_t window = partial ? 60 : 30;
  size_t stance_fallback = CD_NONE;
  for (size_t i = c->open; i > s->first_tok && c->open - i < window; i--) {
    size_t v = i - 1;
    if (T(a, v)->kind == TOK_MARK) { /* a run of marks holds no verb: skip it whole, or to where
                                        * the window or the sentence ends the search anyway */
      size_t floor = c->open > window ? c->open - window : 0;
      i = first_mark_of_run(a, v, floor > s->first_tok ? floor : s->first_tok) + 1;
      continue;
    }
    if (!outside_quotes(a, v) || T(a, v)->kind != TOK_WORD || !(T(a, v)->flags & TF_LOWER)) continue;
    if (inside_aside(a, s->first_tok, v, c->open)) continue;
    /* after "his", "her", "their": a noun ("his call for", "her comments"), not a verb */
    if (v > s->first_tok && (is(a, v - 1, "his") || is(a, v - 1, "their") || is(a, v - 1, "its") || is(a, v - 1, "my") ||
                             is(a, v - 1, "our") || (is(a, v - 1, "her") && N(a, v) > 3 && S(a, v)[N(a, v) - 1] == 's')))
      continue;
    bool say = (cd_is_speech_verb(a->doc->config, S(a, v), N(a, v)) || att_speech_phrase(a, v) || perfect_written(a, v)) &&
               !negated(a, v);
    /* "when asked", "if pressed": a passive with its subject left out; the one asked does not ask */
    if (say && v > s->first_tok && (is(a, v - 1, "when") || is(a, v - 1, "if") || is(a, v - 1, "unless")) &&
        N(a, v) > 2 && CD_WORD_IS(S(a, v) + N(a, v) - 2, 2, "ed"))
      continue;
    bool part = cd_is_speech_participle(S(a, v), N(a, v));
    bool crowd = cd_lex_has(CD_LEX_CROWD_PARTICIPLES, S(a, v), N(a, v));
    bool stance = partial && cd_is_stance_verb(S(a, v), N(a, v));
    /* "A new song, introduced by Fujimura as "...", meandered", "the plan, billed by the mayor as
     * "...",": a participle, its agent, and "as" right before the quote: the agent's words */
    if (v + 3 < c->open && is(a, v + 1, "by") && is(a, c->open - 1, "as") &&
        ((N(a, v) > 4 && CD_WORD_IS(S(a, v) + N(a, v) - 2, 2, "ed")) ||
         cd_lex_has(CD_LEX_IRREGULAR_PAST_PARTICIPLES, S(a, v), N(a, v)))) {
      speaker agent = {0};
      if (att_speaker_at(a, v + 2, &agent, CD_ATTR_EXPLICIT) && att_phrase_end(&agent) == c->open - 1) {
        *sp = agent;
        *verb = v;
        return true;
      }
    }
    if (!say && !part && !stance && !crowd) continue;
    /* a noun of speech in -s ("comments", "claims") is a verb only after its subject: not in
     * "Trump's "divisive" and "mean-spirited" comments do not "..."" */
    if (N(a, v) > 4 && S(a, v)[N(a, v) - 1] == 's' && cd_lex_has(CD_LEX_SPEECH_NOUNS, S(a, v), N(a, v)) &&
        !subject_ends_before(a, v, s->first_tok))
      continue;
    /* after an article, alone or with a number: a noun too ("the 2012 attacks", "a call") */
    if (v > s->first_tok && (article(a, v - 1) || (T(a, v - 1)->kind == TOK_NUMBER && v - 1 > s->first_tok &&
                                                   article(a, v - 2))))
      continue;
    if ((say || stance) && passive_agent(a, c, v, sp)) {
      *verb = v;
      return true;
    }
    if (part) {
      if (tag_before_participle(a, v, sp, verb) || clause_pronoun_before(a, v, sp, verb)) return true;
      /* "with X calling QUOTE": the phrase right before; ", saying QUOTE": the sentence's subject */
      if (person_before_participle(a, s, v, sp)) {
        *verb = v;
        return true;
      }
      if (att_sentence_subject(a, c->sent_open, v, sp)) {
        /* the participle goes with the nearest clause: "Lind spoke as a guard walked in, saying "..."" */
        speaker later = {0};
        if (punct(a, v - 1, ',') && later_clause_subject(a, att_phrase_end(sp), v - 1, &later)) *sp = later;
        *verb = v;
        return true;
      }
      /* no speaker opens the sentence: "The stock fell 4% after Mira Castell downgraded it, saying" */
      speaker later = {0};
      if (punct(a, v - 1, ',') && later_clause_subject(a, s->first_tok, v - 1, &later)) {
        *sp = later;
        *verb = v;
        return true;
      }
      continue;
    }
    if (crowd) {
      /* "with marchers chanting "..."", or the group the sentence opens with; never just any name */
      speaker tmp = {0};
      /* one named person calling out is that person: "with Lind reportedly yelling" */
      if (person_before_participle(a, s, v, sp)) {
        *verb = v;
        return true;
      }
      if (v > s->first_tok && att_bare_source(a, v - 1 > s->first_tok + 2 ? v - 2 : s->first_tok, &tmp) && tmp.end_tok == v) {
        *sp = tmp;
        *verb = v;
        return true;
      }
      if (group_subject(a, s, v, sp)) {
        *verb = v;
        return true;
      }
      /* "..., where about 50 protesters had gathered, chanting": the crowd of the clause before */
      if (crowd_before_participle(a, s->first_tok, v, sp)) {
        *verb = v;
        return true;
      }
      continue;
    }
    /* "has been described by the Daily Hive as": the agent speaks */
    if (is(a, v + 1, "by") && v >= 1 && (is(a, v - 1, "been") || is(a, v - 1, "was") || is(a, v - 1, "were") ||
                                          is(a, v - 1, "is") || is(a, v - 1, "being"))) {
      speaker agent = {0};
      size_t f = v + 2;
      if (att_speaker_at(a, f, &agent, CD_ATTR_EXPLICIT)) {
        *sp = agent;
        *verb = v;
        return true;
      }
    }
    if (say && infinitive_subject(a, s->first_tok, v, sp)) {
      *verb = v;
      return true;
    }
    /* SPEAKER [, appositive,] [adverbs] VERB */
    size_t k = v;
    bool be = false;
    while (k > s->first_tok && att_between_word(a, k - 1)) {
      k--;
      be = be || att_be_form(a, k);
    }
    /* "who in 2010 said", "who has in the past described": a short time phrase after a relative
     * pronoun */
    size_t pp = short_pp_before(a, k, s->first_tok);
    /* "who Beck on Wednesday called": a name, then a short time phrase, then the verb */
    size_t pp_start = pp != k ? pp : CD_NONE;
    for (size_t q = pp + 1; pp_start != CD_NONE && q < k; q++) /* "on Wednesday", not "over Clinton and" */
      if (att_function_word(a, q) || (mention_at(a, q) != CD_NONE && cd_mention_is_person(a->doc, mention_at(a, q))))
        pp_start = CD_NONE;
    if (pp != k) {
      size_t r = pp;
      while (r > s->first_tok && att_between_word(a, r - 1)) r--;
      if (r > s->first_tok && (is(a, r - 1, "who") || is(a, r - 1, "which"))) k = r;
    }
    /* a passive stance verb's subject is not the speaker: "was accused of a "..."", "was held in",
     * "was found guilty of"; a progressive ("was calling it") is active */
    if (be && !(N(a, v) > 3 && CD_WORD_IS(S(a, v) + N(a, v) - 3, 3, "ing"))) continue;
    size_t ends[1] = {k};
    size_t aside = CD_NONE; /* the comma that opens a participle's aside before the verb */
    if (k > s->first_tok && punct(a, k - 1, ',')) {
      /* ", Sadiq Khan, tweeted": the name in the appositive first, then what stands before it */
      size_t m = k - 1;
      while (m > s->first_tok && !punct(a, m - 1, ',') && k - m < 25) m--;
      if (m > s->first_tok && punct(a, m - 1, ',')) {
        speaker app = {0};
        /* ", broadcaster Maya Frost, said": the person after a bare noun for what she does */
        size_t named = m + 1 < k - 1 && bare_descriptor(a, m) ? m + 1 : m;
        /* "The company, Brightwell Services, said": an organisation named after a common noun too */
        if (att_speaker_at(a, named, &app, CD_ATTR_EXPLICIT) && (app.end_tok == k - 1 || att_phrase_end(&app) == k - 1) && app.mention != CD_NONE &&
            (cd_mention_is_person(a->doc, app.mention) ||
             (m >= 2 && (T(a, m - 2)->flags & TF_LOWER) && T(a, m - 2)->kind == TOK_WORD && app.entity != CD_NONE &&
              CD_VEC_AT(&a->doc->entities, cd_entity, app.entity)->kind == CD_ENTITY_ORGANIZATION &&
              !agent_noun_before(a, s->first_tok, m - 2)))) {
          *sp = app;
          *verb = v;
          return true;
        }
        ends[0] = m - 1;
        if (participle_opens(a, m)) aside = m - 1;
        /* an aside with a comma of its own: "Her reply, transcribed in his small, square hand, reads" */
        for (size_t e = m - 1; aside == CD_NONE && e > s->first_tok + 1 && k - e < 25; e--) {
          const cd_token *t = T(a, e - 1);
          if (t->kind == TOK_MARK || (t->kind == TOK_PUNCT && !punct(a, e - 1, ','))) break;
          if (punct(a, e - 1, ',') && participle_opens(a, e)) aside = e - 1;
        }
      }
    }
    {
      size_t end = ends[0];
      for (size_t st = end > 12 ? end - 12 : 0; st < end; st++) {
        if (st < s->first_tok) continue;
        speaker tmp = {0};
        /* a name after a preposition is no subject ("to Lind", "with Lind"), unless the word
         * also opens clauses and a verb of saying follows the name right away, past an auxiliary
         * or an aside ("days after Lind told the paper she was "..."", "after the man had
         * posted", "after Mr. Haddad, asked about the cranes, had said") */
        bool after_prep = att_after_preposition(a, st, s->first_tok);
        if (after_prep && !(say && st > s->first_tok && T(a, st - 1)->kind == TOK_WORD &&
                            cd_lex_has(CD_LEX_SUBORDINATING_PREPOSITIONS, S(a, st - 1), N(a, st - 1)) &&
                            ((mention_at(a, st) != CD_NONE && cd_mention_is_person(a->doc, mention_at(a, st))) ||
                             att_determiner(a, st))))
          continue;
        if (att_speaker_at(a, st, &tmp, CD_ATTR_EXPLICIT) &&
            (tmp.end_tok == end || att_phrase_end(&tmp) == end ||
             (end == k && pp_start != CD_NONE && tmp.mention != CD_NONE && tmp.method != CD_ATTR_PRONOUN &&
              (tmp.end_tok == pp_start || att_phrase_end(&tmp) == pp_start))) &&
            (!after_prep || tmp.end_tok == end || tmp.end_tok == pp_start)) {
          /* "Ana Bell, a director at the Kestrel Trust, a charity, said": the phrase found is the
           * first of two appositives; the person before it speaks */
          if (tmp.mention == CD_NONE && tmp.method == CD_ATTR_SOURCE && end != k) person_before_comma(a, s, tmp.first_tok, &tmp);
          *sp = tmp;
          *verb = v;
          outer_saying(a, c, stance && !say, sp, verb);
          return true;
        }
      }
      /* a noun phrase that opens the sentence or a clause right before a stance verb ("A reporter for
       * the Ledger called it "chaos"", "...; one lawmaker called him "...", "..., when many
       * commentators called him "..."") */
      for (size_t st = end > 12 ? end - 12 : 0; stance && !say && (end == v || end == k) && !be && st < end; st++) {
        speaker np = {0};
        if (st < s->first_tok || !clause_opens_at(a, st)) continue;
        if (bare_plural_after_what(a, st, end)) /* "what former employees have called a "..."" */
          as_written(a, &np, st, end, CD_ATTR_SOURCE);
        else if (end != v || !att_stance_subject_at(a, st, &np) || np.end_tok != end || !finite_after(a, np.end_tok - 1, v))
          continue;
        *sp = np;
        *verb = v;
        outer_saying(a, c, true, sp, verb);
        return true;
      }
      /* "what it calls "..."": the organisation "it" stands for, else "it" as written */
      if (stance && !say && end == v && !be && end > s->first_tok + 1 && is(a, end - 1, "it") && is(a, end - 2, "what")) {
        size_t r = att_resolve_person(a, end - 1, true);
        if (r != CD_NONE && CD_VEC_AT(&a->doc->mentions, cd_name_mention, r)->entity != CD_NONE) {
          for_mention(a, sp, r, end - 1, end, CD_ATTR_PRONOUN);
          sp->how = cd_arena_printf(a->doc->arena, "\"it\" refers to %s", sp->name);
        } else {
          as_written(a, sp, end - 1, end, CD_ATTR_PRONOUN);
          sp->how = "\"it\" (no earlier name to resolve it to)";
        }
        *verb = v;
        return true;
      }
    }
    /* "after a woman in Salem, Oregon, told her": a source phrase opening its clause, placed by a
     * preposition and a place, is the subject of the verb after the place */
    if (say && k == v && placed_source_before(a, s->first_tok, k, sp)) {
      *verb = v;
      return true;
    }
    /* "Others, reacting to the video's release, shouted": the subject stands before the aside, never
     * in it; a phrase of any noun there as written, else nobody from this verb */
    if (say && aside != CD_NONE) {
      if (subject_before_aside(a, c->sent_open, aside, sp)) {
        *verb = v;
        return true;
      }
      continue;
    }
    if (say && own_noun_phrase(a, s->first_tok, k, sp)) {
      *verb = v;
      return true;
    }
    /* a verb of saying whose subject stands further back takes the sentence's subject; a stance
     * verb only when no verb of saying stands further back ("..., saying only that makers saw "...") */
    if (say && att_sentence_subject(a, c->sent_open, v, sp)) {
      /* the verb's own clause may have a subject of its own: "Lind spoke first, and when Baker
       * took the floor he later said "..."" */
      speaker later = {0};
      if (later_clause_subject(a, att_phrase_end(sp), v, &later)) *sp = later;
      *verb = v;
      return true;
    }
    /* "was replaced by a message that said, "..."": the document a relative "that" or "which"
     * right before the verb stands for, as written */
    if ((say || stance) && k == v && relative_document(a, s->first_tok, v, !say, sp)) {
      *verb = v;
      return true;
    }
    if (stance_fallback == CD_NONE) stance_fallback = v;
  }
  if (stance_fallback != CD_NONE && att_sentence_subject(a, c->sent_open, stance_fallback, sp)) {
    *verb = stance_fallback;
    return true;
  }
  if (c->open > s->first_tok && punct(a, c->open - 1, ':') && owned_word_label(a, s, c->open - 1, sp)) {
    *verb = CD_NONE;
    return true;
  }
  /* "X opposed the plan: QUOTE" -- a quote introduced by a colon belongs to the subject, the one
   * of the clause the colon ends when that is he/she/I ("..., so that I had to answer: QUOTE"),
   * also a source that opens the sentence ("A footnote in the report makes that clear: QUOTE") */
  if (c->open > s->first_tok && (punct(a, c->open - 1, ':') || dash(a, c->open - 1)) &&
      (clause_pronoun_before(a, c->open, sp, verb) || dash_clause_subject(a, s->first_tok, c->open - 1, sp) ||
       att_sentence_subject(a, c->sent_open, c->open, sp) ||
       (punct(a, c->open - 1, ':') && group_subject(a, s, c->open - 1, sp)))) {
    *verb = CD_NONE;
    return true;
  }
  if (c->open > s->first_tok && punct(a, c->open - 1, ':') && document_label(a, s->first_tok, c->open - 1, sp)) {
    *verb = CD_NONE;
    return true;
  }
  return false;
}

/* "his"/"her" resolved to the person it refers to (as "he"/"she" are). */
static bool pronoun_owner(att *a, size_t p, speaker *sp) {
  size_t r = att_resolve_person(a, p, false);
  if (r == CD_NONE) return false;
  const cd_name_mention *m = CD_VEC_AT(&a->doc->mentions, cd_name_mention, r);
  if (m->entity == CD_NONE) return false;
  for_mention(a, sp, r, p, p + 1, CD_ATTR_PRONOUN);
  sp->how = cd_arena_printf(a->doc->arena, "\"%.*s\" refers to %s", (int)N(a, p), S(a, p), sp->name);
  return true;
}

/* The person who owns a noun of speech ending at token `noun`: "Lind's comment", "her March
 * remark", "Bill Clinton's stock answer" (up to two describing words between). */
static bool speech_noun_owner(att *a, size_t noun, size_t first, speaker *sp) {
  size_t k = noun;
  for (int skip = 0; skip < 3 && k > first; skip++) {
    size_t p = k - 1;
    if (T(a, p)->kind != TOK_WORD || !outside_quotes(a, p)) return false;
    /* "The Florida senator's answer": a role's possessive, after its article, stands for the
     * person the role refers to, as "the senator" does as a subject */
    bool poss = false;
    size_t stem = (T(a, p)->flags & TF_LOWER) ? cd_strip_possessive(S(a, p), N(a, p), &poss) : 0;
    if (poss && cd_lex_has(CD_LEX_ROLE_NOUNS, S(a, p), stem)) {
      size_t d = p;
      while (d > first && p - d < 3 && !att_determiner(a, d)) d--;
      size_t r = is(a, d, "the") ? att_resolve_person(a, d, false) : CD_NONE;
      if (r == CD_NONE) return false;
      for_mention(a, sp, r, d, p + 1, CD_ATTR_PRONOUN);
      sp->how = cd_arena_printf(a->doc->arena, "\"%.*s\" refers to %s", (int)(cd_tok_end(T(a, p)) - T(a, d)->start),
                                S(a, d), sp->name);
      return true;
    }
    if (is(a, p, "his") || is(a, p, "her")) {
      speaker who = {0};
      if (!pronoun_owner(a, p, &who)) return false;
      *sp = who;
      return true;
    }
    {
      /* a name ending here: find where it starts (a mention starts at most a few tokens back) */
      for (size_t m = p + 1; m + 4 > p + 1 && m > first; m--) {
        size_t mi = mention_at(a, m - 1);
        if (mi == CD_NONE) continue;
        const cd_name_mention *nm = CD_VEC_AT(&a->doc->mentions, cd_name_mention, mi);
        /* "Lind's remark", or a name that modifies the noun after an article: "the Chuck Lind quote" */
        bool modifier = !nm->possessive && nm->first_tok > first && att_determiner(a, nm->first_tok - 1);
        if (nm->end_tok != p + 1 || !(nm->possessive || modifier) || nm->entity == CD_NONE ||
            CD_VEC_AT(&a->doc->entities, cd_entity, nm->entity)->kind != CD_ENTITY_PERSON)
          break;
        for_mention(a, sp, mi, nm->first_tok, p + 1, CD_ATTR_EXPLICIT);
        return true;
      }
    }
    /* "Reyes's most explosive claim": a superlative's "most" modifies the noun too */
    if ((att_function_word(a, p) && !is(a, p, "most")) || att_determiner(a, p) || att_preposition(a, p)) return false;
    k = p;
  }
  return false;
}

/* Sieve 3b: words given as someone's remark: "her comment that, "..."", "Barrett's dictum
 * ... was, "..."" (a noun of speech in the quote's sentence, up to SPEECH_NOUN_WINDOW words
 * before the quote, nothing quoted between), or "Lind's "..." promise". */
enum { SPEECH_NOUN_WINDOW = 12 };
static bool speech_noun(att *a, const quote_ctx *c, speaker *sp, size_t *verb) {
  const cd_sentence *s = CD_VEC_AT(&a->doc->sentences, cd_sentence, c->sent_open);
  size_t after = c->close + 1;
  if (c->close != c->open && after < doc_ntok(a->doc) && T(a, after)->kind == TOK_WORD &&
      (T(a, after)->flags & TF_LOWER) && cd_lex_has(CD_LEX_SPEECH_NOUNS, S(a, after), N(a, after)) &&
      speech_noun_owner(a, c->open, s->first_tok, sp)) {
    *verb = after;
    return true;
  }
  size_t window = SPEECH_NOUN_WINDOW;
  for (size_t v = c->open; v > s->first_tok && c->open - v < window; v--) {
    size_t i = v - 1;
    if (T(a, i)->kind == TOK_MARK && T(a, i)->role != MR_APOS) return false;
    /* past a participle's aside, once: "Her advice, repeated three times across the memoir and
     * used as the title of its second chapter, was "..."" */
    if (window == SPEECH_NOUN_WINDOW && punct(a, i, ',')) {
      size_t o = i;
      while (o > s->first_tok && i - o < 30 && !punct(a, o - 1, ',') && T(a, o - 1)->kind != TOK_MARK) o--;
      if (o > s->first_tok + 1 && punct(a, o - 1, ',') && o < i && participle_opens(a, o)) {
        window = SPEECH_NOUN_WINDOW + (i - o) + 2;
        v = o; /* the loop's step lands on the comma that opens the aside */
        continue;
      }
    }
    if (T(a, i)->kind != TOK_WORD || !(T(a, i)->flags & TF_LOWER) || !outside_quotes(a, i)) continue;
    if (att_speech_verb(a, i)) return false; /* a verb of saying has its own subject */
    bool doc_noun = att_source_noun(a, i) && !att_role_noun(a, i);
    if (!cd_lex_has(CD_LEX_SPEECH_NOUNS, S(a, i), N(a, i)) && !(doc_noun && i + 2 == c->open)) continue;
    /* "his confusing argument in favor of "single-payer" health care", "her remarks about
     * "..."": with no colon or comma before the quote, a preposition of topic right after the
     * noun makes the quote what the remark is about (not "his call for a "revolution"") */
    static const char *const TOPIC[] = {"about", "on", "against", "over", "regarding", "concerning", NULL};
    bool about = c->open > 0 && !punct(a, c->open - 1, ':') && !punct(a, c->open - 1, ',') && i + 1 < c->open &&
                 (cd_word_in(S(a, i + 1), N(a, i + 1), TOPIC) ||
                  (i + 3 < c->open && is(a, i + 1, "in") && (is(a, i + 2, "favor") || is(a, i + 2, "favour")) &&
                   is(a, i + 3, "of")));
    if (cd_lex_has(CD_LEX_SPEECH_NOUNS, S(a, i), N(a, i)) && !about && !topic_noun(a, i, s->first_tok) &&
        speech_noun_owner(a, i, s->first_tok, sp)) {
      *verb = i;
      return true;
    }
    /* "Lind issued a statement, "..."", "When Lind used the words, "..."": the noun right
     * before the quote (a comma or colon between) gives the words to the clause's subject */
    if (i + 2 == c->open && (punct(a, i + 1, ',') || punct(a, i + 1, ':')) &&
        att_sentence_subject(a, c->sent_open, i, sp) && sp->mention != CD_NONE && sp->method != CD_ATTR_PRONOUN &&
        cd_mention_is_person(a->doc, sp->mention) && active_subject(a, sp, i)) {
      *verb = i;
      return true;
    }
    /* "His advice to residents: "..."", "her message for the voters: "..."": a noun after a
     * preposition is whom the words are for; the noun of speech may stand before it */
    size_t d = i > s->first_tok && att_determiner(a, i - 1) ? i - 1 : i;
    if (d > s->first_tok && att_preposition(a, d - 1)) continue;
    return false;
  }
  return false;
}

/* Is the word at i a plural or a source noun ("members", "officials", "audio")? */
static bool source_head(const att *a, size_t i) {
  if (T(a, i)->kind != TOK_WORD) return false;
  size_t n = N(a, i);
  return att_source_noun(a, i) || (n > 3 && S(a, i)[n - 1] == 's' && S(a, i)[n - 2] != 's' && S(a, i)[n - 2] != '\'');
}

/* "according to excerpts of her speech released by the city", "according to multiple council
 * members who were there": after "according to" a noun phrase of any head is the source, as
 * written up to the next punctuation, quotation mark or relative word (at most ACCORDING_WORDS
 * words). Without an article it must read as a source (a plural or a source noun at either end, a
 * name or a number in it), not "according to plan"; "him" and "her" are resolved as "he" and "she"
 * are. A person the phrase names after "by" ("a study by economists Ana Ruiz") is its entity. */
enum { ACCORDING_WORDS = 14 };
static bool according_phrase(att *a, size_t first, speaker *sp) {
  size_t n = doc_ntok(a->doc);
  if (first >= n || T(a, first)->kind != TOK_WORD || !outside_quotes(a, first)) return false;
  bool owner = is(a, first, "his") || is(a, first, "her") || is(a, first, "their") || is(a, first, "its");
  bool object = is(a, first, "him") || (is(a, first, "her") && (first + 1 >= n || T(a, first + 1)->kind != TOK_WORD));
  if (object) return pronoun_owner(a, first, sp);
  if (!owner && cd_is_pronoun(S(a, first), N(a, first))) return false;
  uint32_t sent = T(a, first)->sent;
  bool source_like = owner || att_determiner(a, first) || source_head(a, first);
  size_t e = first, person = CD_NONE;
  for (; e < n && e < first + 2 * ACCORDING_WORDS && T(a, e)->sent == sent; e++) {
    const cd_token *t = T(a, e);
    if (t->kind == TOK_MARK && t->role == MR_APOS) continue;
    if ((t->kind != TOK_WORD && t->kind != TOK_NUMBER) || !outside_quotes(a, e)) break;
    /* "and" goes on only to a second name: "by Ana Ruiz and Paul Tan" */
    if (e > first && (is(a, e, "who") || is(a, e, "which") || is(a, e, "that") || is(a, e, "when") || is(a, e, "where") ||
                      is(a, e, "as") || att_speech_verb(a, e) ||
                      (is(a, e, "and") && !(e + 1 < n && mention_at(a, e + 1) != CD_NONE))))
      break;
    if (e >= first + ACCORDING_WORDS) return false;
    if (t->kind == TOK_NUMBER || (t->flags & TF_CAP)) source_like = true;
    size_t mi = mention_at(a, e);
    if (person == CD_NONE && mi != CD_NONE && cd_mention_is_person(a->doc, mi) && e > first &&
        (is(a, e - 1, "by") || (T(a, e - 1)->flags & TF_LOWER)))
      person = mi;
  }
  /* the phrase ends on a word that can head it, not on "of" or "the" */
  while (e > first && T(a, e - 1)->kind == TOK_WORD && (att_preposition(a, e - 1) || att_determiner(a, e - 1))) e--;
  if (e == first || !(source_like || source_head(a, e - 1))) return false;
  as_written(a, sp, first, e, CD_ATTR_SOURCE);
  if (person != CD_NONE) {
    sp->mention = person;
    sp->entity = CD_VEC_AT(&a->doc->mentions, cd_name_mention, person)->entity;
  }
  return true;
}

/* The speaker of the "according to" at token i: a speaker phrase, else the noun phrase after it. */
static bool according_speaker(att *a, size_t i, speaker *sp) {
  size_t first = is(a, i, "according") || is(a, i, "words") ? i + 2 : i + 1;
  if (att_speaker_at(a, first, sp, CD_ATTR_ACCORDING_TO)) {
    if (sp->method == CD_ATTR_EXPLICIT) sp->method = CD_ATTR_ACCORDING_TO;
    /* a source's phrase goes on to who made it: "a 2013 study by economists Ana Bell and Omar
     * Haddad", "a court document filed by ...", "a report from the inspector general" (not "her
     * lawyers in a court filing", whose medium is no part of who speaks) */
    speaker whole = {0};
    size_t e = att_phrase_end(sp);
    bool maker = e + 1 < doc_ntok(a->doc) &&
                 (is(a, e, "by") || is(a, e, "from") ||
                  (T(a, e)->kind == TOK_WORD && N(a, e) > 3 && CD_WORD_IS(S(a, e) + N(a, e) - 2, 2, "ed") && is(a, e + 1, "by")));
    if (sp->method == CD_ATTR_SOURCE && maker && !is(a, i, "per") && according_phrase(a, first, &whole) &&
        whole.end_tok > e)
      *sp = whole;
    return true;
  }
  memset(sp, 0, sizeof *sp);
  return !is(a, i, "per") && according_phrase(a, first, sp);
}

/* Sieve 3: "according to SPEAKER" in the sentence (up to ACCORDING_WINDOW tokens from the quote). */
enum { ACCORDING_WINDOW = 200, RELAYED_WINDOW = 30 };
static bool according_within(att *a, const quote_ctx *c, size_t window, speaker *sp, size_t *verb) {
  uint32_t sents[2] = {c->sent_open, c->sent_close};
  for (int si = 0; si < 2; si++) {
    const cd_sentence *s = CD_VEC_AT(&a->doc->sentences, cd_sentence, sents[si]);
    /* within a window of the quote, so that a run-on sentence full of quotes stays linear */
    size_t from = s->first_tok, to = s->end_tok;
    if (c->open > from + window) from = c->open - window;
    if (c->close + window < to) to = c->close + window;
    for (size_t k = count_below(a->according, a->n_according, from); k < a->n_according; k++) {
      size_t i = a->according[k], first = is(a, i, "according") || is(a, i, "words") ? i + 2 : i + 1;
      if (i >= to || first >= s->end_tok) break;
      if (according_speaker(a, i, sp)) {
        *verb = i;
        return true;
      }
    }
  }
  return false;
}

static bool according_to(att *a, const quote_ctx *c, speaker *sp, size_t *verb) {
  return according_within(a, c, ACCORDING_WINDOW, sp, verb);
}

/* ""...," Lind said, according to the Post" (or ", the Post reported"): the words are on record
 * through the Post, which the reader has to take them from; an "according to" after the quote, in its sentence or in the
 * tag's (after a quote that ends in a question: ""...?" Lind asked, according to the Post"), names
 * the source over the tag. One that opens the sentence ("According to the Post, Lind said "..."")
 * leaves the tag's speaker on record: the house style credits the one who spoke. */
/* ""...," Lind said, the Gazette reported.", "..., reports the Gazette.": a tag with a verb of
 * passing on (relay_verbs.txt) that ends the sentence after the quote and after the speaker's own
 * tag (its verb at `tag`). */
enum { RELAY_TAG_WINDOW = 60 };
static bool relay_tag(att *a, const quote_ctx *c, size_t tag, speaker *sp, size_t *verb) {
  if (tag == CD_NONE) return false;
  size_t from = (tag > c->close ? tag : c->close) + 1, n = doc_ntok(a->doc);
  uint32_t sent = tag > c->close ? T(a, tag)->sent : c->sent_close;
  for (size_t k = from; k < n && k < from + RELAY_TAG_WINDOW && T(a, k)->sent == sent; k++) {
    /* a comma that ends the text starts no tag */
    if (k + 1 >= n || !punct(a, k, ',') || !outside_quotes(a, k)) continue;
    speaker via = {0};
    size_t v = CD_NONE;
    if (!tag_at(a, k + 1, TAIL_QUOTE_SENTENCE, &via, &v) || !cd_lex_has(CD_LEX_RELAY_VERBS, S(a, v), N(a, v))) continue;
    *sp = via;
    *verb = v;
    return true;
  }
  return false;
}

static bool relayed_by(att *a, const quote_ctx *c, speaker *sp, size_t *verb) {
  if (relay_tag(a, c, *verb, sp, verb)) return true;
  uint32_t last_sent = c->sent_close;
  if (*verb != CD_NONE && T(a, *verb)->sent > last_sent) last_sent = T(a, *verb)->sent;
  size_t to = CD_VEC_AT(&a->doc->sentences, cd_sentence, last_sent)->end_tok;
  if (to > c->close + RELAYED_WINDOW) to = c->close + RELAYED_WINDOW;
  for (size_t k = count_below(a->according, a->n_according, c->close + 1); k < a->n_according; k++) {
    size_t i = a->according[k];
    if (i >= to) break;
    speaker via = {0};
    if (!according_speaker(a, i, &via)) continue;
    *sp = via;
    *verb = i;
    return true;
  }
  return false;
}

static bool paragraph_label(att *a, const quote_ctx *c, speaker *sp);

/* Is the speaker phrase the first person alone ("I", "we")? */
static bool first_person_alone(const att *a, const speaker *sp) {
  return sp->end_tok == sp->first_tok + 1 && (pronoun_is(a, sp->first_tok, "I") || pronoun_is(a, sp->first_tok, "we"));
}

static void apply(att *a, size_t qi, const speaker *sp, size_t verb, const char *sieve) {
  cd_doc *doc = a->doc;
  cd_quote *q = CD_VEC_AT(&doc->quotes, cd_quote, qi);
  /* "**de Villiers:** What I said was, "..."": the "I" of a transcript's turn is the person its
   * label names */
  speaker label = {0};
  if (first_person_alone(a, sp)) {
    const cd_quote_work *w = CD_VEC_AT(&doc->quote_work, cd_quote_work, qi);
    quote_ctx c = {w->open_tok, w->close_tok, qi, T(a, w->open_tok)->sent, T(a, w->close_tok)->sent};
    if (paragraph_label(a, &c, &label)) {
      sp = &label;
      verb = CD_NONE;
      sieve = "as the first person of the turn that the name and colon open";
    } else if (answer_of_interview(a, w->open_tok, qi, &label)) {
      /* "**How has the job changed?** ¶ ... I remember thinking, "..."": the "I" of an interview's
       * answer is the one interviewed */
      sp = &label;
      verb = CD_NONE;
      sieve = "as the one interviewed, the \"I\" of an answer to the question before";
    }
  }
  q->kind = CD_QUOTE_SPEECH; /* a Title Case quote with a verb of saying is someone's words after all */
  /* (a role that stood for them, "The princess", names them as well as their name would) */
  if (sp->mention != CD_NONE && cd_mention_is_person(doc, sp->mention) &&
      (sp->method != CD_ATTR_PRONOUN || is(a, sp->first_tok, "the")) &&
      !att_after_preposition(a, sp->first_tok, CD_VEC_AT(&doc->sentences, cd_sentence, T(a, sp->first_tok)->sent)->first_tok)) {
    /* the discourse subject "he" may refer back to; not someone "with X calling" */
    a->last_speaker = sp->mention;
    a->last_speaker_sent = T(a, CD_VEC_AT(&doc->quote_work, cd_quote_work, qi)->close_tok)->sent;
  }
  if (sp->method == CD_ATTR_EXPLICIT && sp->entity != CD_NONE && sp->entity < doc->entities.len)
    a->gender[sp->entity] |= ATT_NAMED_SPEAKER;
  if (q->level == 0) {
    bool person = sp->mention != CD_NONE && cd_mention_is_person(doc, sp->mention);
    a->chain_speaker = person ? sp->mention : CD_NONE;
    a->chain_gender = sp->method != CD_ATTR_PRONOUN ? GENDER_UNKNOWN
                      : pronoun_is(a, sp->first_tok, "she")  ? GENDER_FEMALE
                      : pronoun_is(a, sp->first_tok, "he")   ? GENDER_MALE
                                                             : GENDER_UNKNOWN;
    size_t close = CD_VEC_AT(&doc->quote_work, cd_quote_work, qi)->close_tok;
    a->chain_tok = sp->end_tok > close ? sp->end_tok : close;
    att_note_chain_source(a, sp, CD_VEC_AT(&doc->quote_work, cd_quote_work, qi)->open_tok, a->chain_tok);
  }
  q->method = sp->method;
  q->speaker = sp->name;
  q->entity = sp->entity;
  q->speaker_span.start = T(a, sp->first_tok)->start;
  q->speaker_span.end = cd_tok_end(T(a, sp->end_tok - 1));
  if (verb != CD_NONE) {
    set_cue(a, q, verb);
    if (is(a, verb, "according")) {
      q->cue = "according to";
      q->cue_span.end = cd_tok_end(T(a, verb + 1));
    } else if (is(a, verb, "words") && verb >= 2 && is(a, verb - 2, "in")) {
      q->cue = "in the words of";
      q->cue_span.start = T(a, verb - 2)->start;
      q->cue_span.end = cd_tok_end(T(a, verb + 1));
    }
  }
  /* the words as a C string would hold them: up to a NUL byte in the text, if any */
  cd_piece words = {doc->text + q->speaker_span.start,
                     strnlen(doc->text + q->speaker_span.start, q->speaker_span.end - q->speaker_span.start)};
  cd_piece p[8];
  size_t k = 0;
  if (sp->method == CD_ATTR_PRONOUN) {
    p[k++] = cd_cstr_piece(sp->how ? sp->how : "a pronoun");
    p[k++] = cd_cstr_piece("; \"");
  } else {
    p[k++] = cd_cstr_piece(sp->method == CD_ATTR_SOURCE ? "A source, not a named person: \"" : "Named: \"");
  }
  p[k++] = words;
  if (sp->method == CD_ATTR_PRONOUN || q->cue) { /* the pronoun's message names a missing cue as "" */
    p[k++] = cd_cstr_piece("\" with \"");
    p[k++] = cd_cstr_piece(q->cue ? q->cue : "");
  }
  p[k++] = cd_cstr_piece("\" ");
  p[k++] = cd_cstr_piece(sieve);
  p[k++] = cd_cstr_piece(".");
  q->evidence = cd_arena_join(doc->arena, p, k);
}

/* "Lind's", and for a speaker who is a pronoun as written its own possessive ("its", "their"). */
static const char *possessive(cd_doc *doc, const char *who) {
  if (!who) return "nobody's"; /* every caller continues a quote that has a speaker */
  static const char *const PRONOUNS[][2] = {{"it", "its"},   {"they", "their"}, {"he", "his"}, {"she", "her"},
                                            {"we", "our"},   {"i", "my"},        {"you", "your"}};
  for (size_t k = 0; k < sizeof PRONOUNS / sizeof PRONOUNS[0]; k++)
    if (cd_word_eq(who, strlen(who), PRONOUNS[k][0])) return PRONOUNS[k][1];
  return cd_arena_printf(doc->arena, "%s's", who);
}

static void continue_from(att *a, size_t qi, size_t from, const char *why) {
  cd_doc *doc = a->doc;
  cd_quote *q = CD_VEC_AT(&doc->quotes, cd_quote, qi);
  const cd_quote *p = CD_VEC_AT(&doc->quotes, cd_quote, from);
  q->method = CD_ATTR_CONTINUATION;
  q->speaker = p->speaker;
  q->speaker_span = p->speaker_span;
  q->cue = p->cue;
  q->cue_span = p->cue_span;
  q->entity = p->entity;
  q->continues = from;
  q->evidence = cd_arena_printf(doc->arena, "Continues %s words (%s).", possessive(doc, p->speaker), why);
}

/* Does a passive of labelling follow speaker sp, before token end ("was charged with", "has been
 * designated", "were branded")? */
static bool labelled_subject(const att *a, const speaker *sp, size_t end) {
  static const char *const LABELLED[] = {"charged", "convicted", "accused", "designated", "labelled", "labeled",
                                         "branded", "classified", "listed", "declared", "deemed", "indicted", NULL};
  size_t first = att_after_speaker(a, sp), v = first;
  bool be = false;
  for (; v < end && v < first + 4 && T(a, v)->kind == TOK_WORD; v++) {
    if (att_be_form(a, v)) be = true;
    else if (!att_between_word(a, v)) break;
  }
  return be && v < end && T(a, v)->kind == TOK_WORD && cd_word_in(S(a, v), N(a, v), LABELLED);
}

/* Can the subject of the sentence a fragment is woven into be its speaker? A person (a name, or
 * he/she), an organisation's name or a source phrase, acting, not undergoing. */
static bool woven_subject(const att *a, const speaker *sp, size_t open) {
  const cd_doc *doc = a->doc;
  /* he or she is a person, also when who it is stays unknown (a tag's "she said" credits "she" so) */
  bool he_she = sp->method == CD_ATTR_PRONOUN && (pronoun_is(a, sp->first_tok, "he") || pronoun_is(a, sp->first_tok, "she"));
  bool person = sp->mention != CD_NONE ? cd_mention_is_person(doc, sp->mention) && (sp->method != CD_ATTR_PRONOUN || he_she)
                                       : he_she;
  /* (not when labelled by others: "Volnitsky was charged with "discrediting the armed forces"",
   * "has been designated a "foreign agent"" are not his words) */
  if (person) return !labelled_subject(a, sp, open);
  bool org = sp->method != CD_ATTR_PRONOUN && sp->entity != CD_NONE &&
             CD_VEC_AT(&doc->entities, cd_entity, sp->entity)->kind == CD_ENTITY_ORGANIZATION;
  /* only the main clause's subject, the words that open the sentence: not "..., saying in court
   * files that her email account ..." */
  const cd_sentence *s = CD_VEC_AT(&doc->sentences, cd_sentence, T(a, sp->first_tok)->sent);
  return (org || sp->method == CD_ATTR_SOURCE) && sp->first_tok == att_past_dateline(a, s) && active_subject(a, sp, open);
}

/* The token after a word that fronts a clause at f ("While", "When"), else f. */
static size_t past_fronting_word(const att *a, size_t f) {
  return T(a, f)->kind == TOK_WORD && cd_lex_has(CD_LEX_FRONTING_WORDS, S(a, f), N(a, f)) ? f + 1 : f;
}

/* The words before the verb of saying `say` that opens a content clause, as written, when they are
 * a short phrase opening the sentence (past a fronting word: "While those surveyed said"), with
 * no verb among them: "those surveyed", "Only 52 percent of registered voters". */
enum { CONTENT_SUBJECT_TOKENS = 7 };
static bool content_clause_speaker(att *a, const quote_ctx *c, size_t say, speaker *sp, size_t *verb) {
  const cd_sentence *s = CD_VEC_AT(&a->doc->sentences, cd_sentence, c->sent_open);
  size_t f = past_fronting_word(a, s->first_tok);
  if (is(a, f, "only") || is(a, f, "just")) f++; /* "Only 52 percent of voters" */
  if (say <= f || say - f > CONTENT_SUBJECT_TOKENS) return false;
  for (size_t k = f; k < say; k++)
    if ((T(a, k)->kind != TOK_WORD && T(a, k)->kind != TOK_NUMBER) || !outside_quotes(a, k) ||
        att_between_word(a, k) || att_speech_verb(a, k) || att_function_word(a, k) || cd_is_pronoun(S(a, k), N(a, k)))
      return false;
  memset(sp, 0, sizeof *sp);
  as_written(a, sp, f, say, CD_ATTR_SOURCE);
  *verb = say;
  return true;
}

/* "To Sharp, Trump is the "kind-hearted and caring" man she knew": a sentence that opens with "To"
 * or "For" and a person's name, then a comma, gives that person's view; a fragment woven into it
 * is theirs. */
static bool viewpoint_opener(att *a, const quote_ctx *c, speaker *sp) {
  const cd_sentence *s = CD_VEC_AT(&a->doc->sentences, cd_sentence, c->sent_open);
  size_t f = s->first_tok;
  if (!(is(a, f, "to") || is(a, f, "for")) || !(T(a, f)->flags & TF_CAP)) return false;
  size_t mi = mention_at(a, f + 1);
  if (mi == CD_NONE || !cd_mention_is_person(a->doc, mi)) return false;
  size_t e = CD_VEC_AT(&a->doc->mentions, cd_name_mention, mi)->end_tok;
  if (!punct(a, e, ',') || e >= c->open) return false;
  speaker who = {0};
  if (!att_speaker_at(a, f + 1, &who, CD_ATTR_EXPLICIT) || who.method == CD_ATTR_PRONOUN) return false;
  *sp = who;
  return true;
}

/* The subject of the sentence a fragment is woven into, when it may speak the fragment (see
 * woven_subject), with the verb that follows it in *verb (CD_NONE when none comes before the quote). */
/* "... and what Ms Kerslake estimated was 'somewhere north of 20,000 sausages'": "what", a speaker
 * phrase and its verb of saying, then "was" or "is" right before the fragment: that speaker's
 * words, whatever the sentence's subject. */
static bool what_x_said_was(att *a, const quote_ctx *c, speaker *sp, size_t *verb) {
  size_t o = c->open;
  if (o < 4 || !(is(a, o - 1, "was") || is(a, o - 1, "is"))) return false;
  size_t v = o - 2;
  bool says = att_speech_verb(a, v) || (T(a, v)->kind == TOK_WORD && cd_is_stance_verb(S(a, v), N(a, v))) ||
              is(a, v, "estimated") || is(a, v, "reckoned") || is(a, v, "guessed") || is(a, v, "figured");
  if (!says || T(a, v)->sent != c->sent_open) return false;
  for (size_t w = v; w > 0 && v - w < 6 && T(a, w - 1)->sent == c->sent_open; w--) {
    if (!is(a, w - 1, "what")) continue;
    speaker who = {0};
    if (!att_speaker_at(a, w, &who, CD_ATTR_EXPLICIT) || att_phrase_end(&who) != v) return false;
    *sp = who;
    *verb = v;
    return true;
  }
  return false;
}

static bool woven_speaker(att *a, const quote_ctx *c, speaker *sp, size_t *verb) {
  if (what_x_said_was(a, c, sp, verb)) return true;
  memset(sp, 0, sizeof *sp);
  if (!att_sentence_subject(a, c->sent_open, c->open, sp) || !woven_subject(a, sp, c->open)) return false;
  /* "those surveyed said former governor Jeb Bush has the "best experience"": a subject right after
   * a verb of saying that has its own subject before it opens what was said; the words are that
   * verb's subject's, when it is a short phrase opening the sentence (else nobody's) */
  size_t f = sp->first_tok;
  bool that = f > 0 && is(a, f - 1, "that");
  if (that) f--;
  size_t say = f - 1;
  /* (with "that", also after an appositive's comma: "That letter, on Trump letterhead, demanded
   * that Roffman make "..."") */
  if (f > 1 && T(a, say)->sent == c->sent_open && att_speech_verb(a, say) &&
      (that || T(a, say - 1)->kind == TOK_WORD) && T(a, say - 1)->sent == c->sent_open)
    return content_clause_speaker(a, c, say, sp, verb);
  /* a later clause's own subject is nearer the fragment: "He voiced a wish for ..., and he
   * pronounced Lind "a friend"" */
  speaker later = {0};
  if (later_clause_subject(a, att_phrase_end(sp), c->open, &later) && woven_subject(a, &later, c->open)) *sp = later;
  /* "Lena Brandvold, who hailed him as "...": a fragment inside the subject's relative clause has
   * the relative pronoun for the words that speak */
  size_t rel = att_phrase_end(sp) + 1;
  speaker who = {0};
  bool in_clause = punct(a, rel - 1, ',') && is(a, rel, "who") && rel < c->open;
  /* the clause closes at a comma before the main verb (", said", ", also", ", praised") */
  for (size_t k = rel + 1; in_clause && k + 1 < c->open; k++)
    in_clause = !(punct(a, k, ',') && outside_quotes(a, k) &&
                  (att_speech_verb(a, k + 1) || att_between_word(a, k + 1) ||
                   (N(a, k + 1) > 3 && CD_WORD_IS(S(a, k + 1) + N(a, k + 1) - 2, 2, "ed"))));
  if (in_clause && att_speaker_at(a, rel, &who, CD_ATTR_EXPLICIT) && who.entity == sp->entity) *sp = who;
  size_t v = att_after_speaker(a, sp); /* the verb: past an appositive (", the port director,") */
  while (v < c->open && !(T(a, v)->kind == TOK_WORD && (T(a, v)->flags & TF_LOWER) && !att_between_word(a, v))) v++;
  *verb = v < c->open ? v : CD_NONE;
  return true;
}

/* A verb of naming or of using a term: "dubbed", "nicknamed", "coined", "used". */
static bool naming_verb(const att *a, size_t i) {
  return is(a, i, "dubbed") || is(a, i, "nicknamed") || cd_lex_has(CD_LEX_TERM_USING_VERBS, S(a, i), N(a, i));
}

/* Does the subject phrase `sp` act through `verb`, with only auxiliaries and adverbs between ("he
 * has coined")? Not a passive: "she is nicknamed "..."" names her. */
static bool subject_of_verb(const att *a, const speaker *sp, size_t verb) {
  for (size_t k = att_after_speaker(a, sp); k < verb; k++)
    if (att_be_form(a, k) || !att_between_word(a, k)) return false;
  return att_after_speaker(a, sp) <= verb;
}

/* Is the pronoun subject `sp` the antecedent of the relative pronoun just before it? In "Lind, who
 * he dubbed ..." the "he" is someone else than Lind, whom resolving to the nearest name gives. */
static bool relative_object(const att *a, const speaker *sp) {
  size_t p = sp->first_tok;
  if (sp->method != CD_ATTR_PRONOUN || p < 3 || !(is(a, p - 1, "who") || is(a, p - 1, "whom")) || !punct(a, p - 2, ','))
    return false;
  for (size_t k = p - 2, n = 0; k > 0 && n < 6; k--, n++) {
    size_t mi = mention_at(a, k - 1);
    if (mi != CD_NONE && CD_VEC_AT(&a->doc->mentions, cd_name_mention, mi)->end_tok == p - 2)
      return CD_VEC_AT(&a->doc->mentions, cd_name_mention, mi)->entity == sp->entity;
  }
  return false;
}

/* Does "titled", "entitled", "called" or "named" (a comma may follow) come right before the quote? */
static bool titled_work(const att *a, const quote_ctx *c) {
  size_t k = c->open;
  if (k > 0 && punct(a, k - 1, ',')) k--;
  return k > 0 && (is(a, k - 1, "titled") || is(a, k - 1, "entitled") || is(a, k - 1, "called") || is(a, k - 1, "named"));
}

/* ""Museum to close," by Times' Ann Lee": the person the byline whose "by" is token i names
 * (quotes_kind.c's byline_tok), past the outlet's name when one comes first ("DNAinfo's", "the
 * Post's"). */
static bool byline_author(att *a, size_t i, speaker *sp) {
  size_t n = doc_ntok(a->doc);
  uint32_t sent = T(a, i)->sent;
  for (size_t j = i + 1; j < n && j <= i + 8 && T(a, j)->sent == sent; j++) {
    const cd_token *t = T(a, j);
    if (t->kind == TOK_PUNCT && !punct(a, j, '.')) break; /* the byline ends at ":" or "," */
    if (t->kind != TOK_WORD) continue;                     /* an outlet's possessive mark */
    if (!(t->flags & TF_CAP)) {
      if (j == i + 1 && is(a, j, "the")) continue;
      break;
    }
    speaker tmp = {0};
    if (att_speaker_at(a, j, &tmp, CD_ATTR_EXPLICIT) && tmp.mention != CD_NONE &&
        cd_mention_is_person(a->doc, tmp.mention)) {
      /* the name ends the byline: then ":", ",", the sentence's or the paragraph's end, or a link
       * ("by the Pulitzer Prize-winning reporter David Cay Johnston": the name comes later) */
      size_t e = tmp.end_tok;
      if (e < n && T(a, e)->sent == sent && !punct(a, e, ':') && !punct(a, e, ',') && !punct(a, e, '.') &&
          !(T(a, e)->kind == TOK_WORD && N(a, e) >= 4 && !memcmp(S(a, e), "http", 4)))
        return false;
      *sp = tmp;
      return true;
    }
  }
  return false;
}

/* "..."," by Times' Ann Lee: "The Living Room, a ..."": a quote that opens right after the colon
 * ending the byline of the title before it is an excerpt of that author's piece. */
static bool byline_excerpt(const att *a, size_t qi) {
  const cd_doc *doc = a->doc;
  if (qi == 0 || !CD_VEC_AT(&doc->quote_work, cd_quote_work, qi - 1)->byline_tok) return false;
  const cd_quote *p = CD_VEC_AT(&doc->quotes, cd_quote, qi - 1), *q = CD_VEC_AT(&doc->quotes, cd_quote, qi);
  if (!p->speaker || p->level > 0 || p->speaker_span.end > q->span.start) return false;
  size_t k = p->speaker_span.end, colons = 0;
  for (; k < q->span.start; k++) {
    char b = doc->text[k];
    if (b == ':') colons++;
    else if (b != ' ') return false;
  }
  return colons == 1;
}

/* The speaker of a nickname or term (quotes_kind.c's kind_from_naming), or with `title` of a work's
 * title (a verb of authoring within eight words): the subject of the verb that names, uses or
 * writes it, found as the sentence's subject ("Reyes dubbed the plan "..."") or right before that verb ("Lind, who he dubbed "..."", "in what one critic called"). Only that verb's
 * own subject: in "Lind accused him of using the term "..."" the term is his, and nobody is taken. */
static bool naming_subject(att *a, const quote_ctx *c, bool title, speaker *sp, size_t *verb) {
  uint32_t sent = T(a, c->open)->sent;
  size_t nv = CD_NONE;
  for (size_t k = c->open, words = 0; k > 0 && words < (title ? 8 : 5) && T(a, k - 1)->sent == sent; k--) {
    if (T(a, k - 1)->kind != TOK_WORD) continue;
    words++;
    if (title ? cd_lex_has(CD_LEX_AUTHORING_VERBS, S(a, k - 1), N(a, k - 1)) : naming_verb(a, k - 1)) {
      nv = k - 1;
      break;
    }
  }
  if (nv == CD_NONE) return false;
  if (woven_speaker(a, c, sp, verb) && *verb == nv && subject_of_verb(a, sp, nv)) return true;
  /* the verb's own subject a few words before it, a person (or he/she for one) */
  for (size_t k = nv, words = 0; k > 0 && words < 4 && T(a, k - 1)->sent == sent; k--) {
    if (T(a, k - 1)->kind != TOK_WORD) break;
    words++;
    speaker who = {0};
    if (att_speaker_at(a, k - 1, &who, CD_ATTR_EXPLICIT) && woven_subject(a, &who, c->open) &&
        who.method != CD_ATTR_SOURCE && subject_of_verb(a, &who, nv) && !relative_object(a, &who)) {
      *sp = who;
      *verb = nv;
      return true;
    }
  }
  memset(sp, 0, sizeof *sp);
  return false;
}

/* May sentences stand between a speaker's quote (closing at `close`) and a later quote of the
 * paragraph, and the later quote still be theirs? ("...," Lind said. The plant closed in May. "It
 * hurt us all.") Only when no sentence between has another name as its subject (a person or an
 * organisation: "... Reyes disagreed. "It did not."") or a verb of saying. */
static bool gap_keeps_speaker(att *a, size_t close, const quote_ctx *c, size_t entity) {
  const cd_doc *doc = a->doc;
  for (uint32_t st = T(a, close)->sent + 1; st < c->sent_open; st++) {
    const cd_sentence *s = CD_VEC_AT(&doc->sentences, cd_sentence, st);
    speaker sp = {0};
    bool subject = att_sentence_subject(a, st, s->end_tok, &sp);
    bool same = subject && sp.entity != CD_NONE && sp.entity == entity;
    /* a name that opens the sentence (after a word or two: "But Reyes ...") is its subject; one
     * further on is more often an object ("And it threw Lind for a loop.") */
    if (subject && !same && sp.method != CD_ATTR_PRONOUN && sp.mention != CD_NONE &&
        CD_VEC_AT(&doc->mentions, cd_name_mention, sp.mention)->first_tok <= s->first_tok + 2)
      return false;
    for (size_t k = s->first_tok; k < s->end_tok && !same; k++)
      if (outside_quotes(a, k) && att_speech_verb(a, k)) return false;
  }
  return true;
}

/* Does the quote speak in the first person singular ("I", "me", "my")? Its words then are
 * someone's own, not a phrase the writer borrowed. */
static bool first_person(const att *a, const quote_ctx *c) {
  for (size_t k = c->open + 1; k < c->close; k++)
    if (T(a, k)->kind == TOK_WORD && ((N(a, k) == 1 && S(a, k)[0] == 'I') || is(a, k, "me") || is(a, k, "my") ||
                                      is(a, k, "myself")))
      return true;
  return false;
}

/* More than a few words between: only for a quote that opens its sentence, or one woven into a
 * sentence that speaks in the first person ("... Chapman told the Ledger, a choice that left her
 * helpless. The costume "is very warm, so I have to stay hydrated""), within CONTINUATION_GAP
 * tokens (a bounded look, so that a long paragraph stays linear). */
enum { CONTINUATION_GAP = 80 };
static bool long_gap_fits(const att *a, size_t close, const quote_ctx *c) {
  return c->open <= close + CONTINUATION_GAP &&
         (CD_VEC_AT(&a->doc->sentences, cd_sentence, c->sent_open)->first_tok == c->open || first_person(a, c));
}

/* Pushes the spaced dashes and the "according to"s of tokens [lo, hi) in order: the few tokens that
 * may be either are found 64 at a time without branches (a spaced mark of punctuation, a word of
 * three or nine bytes), and only they are asked. */
static void index_range(att *a, size_t lo, size_t hi, cd_vec *dashes, cd_vec *according) {
  for (size_t base = lo; base < hi; base += 64) {
    size_t m = hi - base < 64 ? hi - base : 64;
    const cd_token *run = T(a, base);
    uint64_t maybe = 0;
    for (size_t k = 0; k < m; k++) {
      size_t len = run[k].len;
      bool spaced_punct = (run[k].kind == TOK_PUNCT) & ((run[k].flags & TF_SPACE_BEFORE) != 0);
      bool word = (run[k].kind == TOK_WORD) & ((len == 3) | (len == 9));
      maybe |= (uint64_t)(spaced_punct | word) << k;
    }
    for (; maybe; maybe &= maybe - 1) {
      size_t i = base + (size_t)__builtin_ctzll(maybe);
      const cd_token *t = T(a, i);
      if (t->kind == TOK_PUNCT) {
        if (dash(a, i)) *(size_t *)cd_vec_push(dashes) = i;
        continue;
      }
      /* "according to X", and ", per X" that opens a phrase of its own (not "$5 per hour") */
      bool per = is(a, i, "per") && i > 0 &&
                 (punct(a, i - 1, ',') || T(a, i - 1)->sent != t->sent ||
                  (T(a, i - 1)->kind == TOK_MARK && T(a, i - 1)->role == MR_CLOSE));
      if (((is(a, i, "according") && is(a, i + 1, "to")) || per) && outside_quotes(a, i))
        *(size_t *)cd_vec_push(according) = i;
      /* (and "in the words of X", which frames a quote the same way: found from its "the", a word
       * of three letters the mask has already, and indexed at "words") */
      else if (i >= 1 && i + 2 < hi && T(a, i + 1)->len == 5 && T(a, i + 2)->len == 2 && is(a, i + 1, "words") &&
               is(a, i + 2, "of") && is(a, i, "the") && is(a, i - 1, "in") && outside_quotes(a, i + 1))
        *(size_t *)cd_vec_push(according) = i + 1;
    }
  }
}

/* The positions the sieves look up instead of rescanning sentences: spaced dashes and "according
 * to", found only in the tokens a look-up may read (a walk over every token cost each version
 * more than the sieves that read them). Every look-up (inside_aside, according_within, relayed_by)
 * counts or walks positions between two tokens of one quote's context -- from the first token of
 * the sentence before its opening mark's to the end of its closing mark's sentence, or
 * RELAYED_WINDOW tokens past the closing mark -- so positions outside every context change no
 * answer. */
static bool index_positions(att *a) {
  const cd_doc *doc = a->doc;
  size_t n = doc_ntok(doc), run_lo = 0, run_hi = 0, last_lo = 0;
  bool every = false;
  cd_vec dashes, according; /* found in one pass over the contexts, then copied to the arena */
  cd_vec_init(&dashes, sizeof(size_t));
  cd_vec_init(&according, sizeof(size_t));
  /* the contexts, ascending, joined into runs where they overlap or touch, each run walked once */
  for (size_t qi = 0; qi < doc->quote_work.len; qi++) {
    const cd_quote_work *w = CD_VEC_AT(&doc->quote_work, cd_quote_work, qi);
    uint32_t so = T(a, w->open_tok)->sent, sc = T(a, w->close_tok)->sent;
    size_t lo = CD_VEC_AT(&doc->sentences, cd_sentence, so > 0 ? so - 1 : 0)->first_tok;
    size_t hi = CD_VEC_AT(&doc->sentences, cd_sentence, sc)->end_tok;
    if (w->close_tok + 1 + RELAYED_WINDOW > hi) hi = w->close_tok + 1 + RELAYED_WINDOW;
    if (hi > n) hi = n;
    if (lo < last_lo) { /* contexts out of text order: every token, as a gap may lie anywhere */
      every = true;
      break;
    }
    last_lo = lo;
    if (run_hi > run_lo && lo <= run_hi) {
      if (hi > run_hi) run_hi = hi;
      continue;
    }
    if (run_hi > run_lo) index_range(a, run_lo, run_hi, &dashes, &according);
    run_lo = lo;
    run_hi = hi;
  }
  if (every) {
    dashes.len = according.len = 0;
    index_range(a, 0, n, &dashes, &according);
  } else if (run_hi > run_lo) {
    index_range(a, run_lo, run_hi, &dashes, &according);
  }
  a->spaced_dashes = cd_arena_alloc(a->doc->arena, (dashes.len + 1) * sizeof(size_t));
  a->according = cd_arena_alloc(a->doc->arena, (according.len + 1) * sizeof(size_t));
  bool ok = a->spaced_dashes && a->according;
  if (ok && dashes.len) memcpy(a->spaced_dashes, dashes.data, dashes.len * sizeof(size_t));
  if (ok && according.len) memcpy(a->according, according.data, according.len * sizeof(size_t));
  a->n_spaced_dashes = dashes.len;
  a->n_according = according.len;
  cd_vec_free(&dashes);
  cd_vec_free(&according);
  return ok;
}

/* Does a clause joined to the tag in tokens [from, to) give the word to someone else (""...,"
 * Lind said, and her husband cut in. "..."")? A tag after ", and", ", but" or ";" whose speaker
 * is not the earlier quote's `pq`. */
static bool second_speaker(att *a, size_t from, size_t to, const cd_quote *pq) {
  for (size_t k = from; k + 1 < to; k++) {
    size_t j = punct(a, k, ';') ? k + 1 : punct(a, k, ',') && (is(a, k + 1, "and") || is(a, k + 1, "but")) ? k + 2 : CD_NONE;
    if (j == CD_NONE || j >= to) continue;
    speaker sp = {0};
    size_t v = CD_NONE;
    if (!tag_at(a, j, TAIL_ANY, &sp, &v) || v >= to) continue;
    if (sp.method == CD_ATTR_PRONOUN ? sp.entity != pq->entity : sp.entity != pq->entity || sp.entity == CD_NONE) return true;
  }
  return false;
}

/* The earlier quote of the same paragraph whose speaker a later quote continues ("...," X said.
 * "..."), or CD_NONE: the last attributed speech quote before it, when nothing but the
 * attribution stands between them, or sentences about something else (gap_keeps_speaker). */
static size_t paragraph_continuation(att *a, const quote_ctx *c) {
  const cd_doc *doc = a->doc;
  const cd_quote_work *w = CD_VEC_AT(&doc->quote_work, cd_quote_work, c->qi);
  for (size_t p = c->qi; p > 0; p--) {
    const cd_quote *pq = CD_VEC_AT(&doc->quotes, cd_quote, p - 1);
    const cd_quote_work *pw = CD_VEC_AT(&doc->quote_work, cd_quote_work, p - 1);
    if (pw->para != w->para) break;
    if (pq->level > 0) continue;
    /* a title or a nickname between them is nobody's words: look past it */
    if (!pq->speaker && pq->kind != CD_QUOTE_SPEECH) continue;
    if (!pq->speaker || pq->kind != CD_QUOTE_SPEECH) break;
    size_t gap_words = 0;
    bool attribution_only = true;
    uint32_t attr_sent = T(a, pw->close_tok)->sent;
    for (size_t k = pw->close_tok + 1; k < w->open_tok; k++) {
      if (T(a, k)->kind == TOK_WORD && !(T(a, k)->flags & TF_QUOTED)) gap_words++;
      if (T(a, k)->sent != attr_sent) attribution_only = false;
    }
    if (attribution_only && second_speaker(a, pw->close_tok + 1, w->open_tok, pq)) break;
    if (attribution_only || ((gap_words <= 12 || long_gap_fits(a, pw->close_tok, c)) &&
                             gap_keeps_speaker(a, pw->close_tok, c, pq->entity)))
      return p - 1;
    break;
  }
  return CD_NONE;
}

/* A transcript label opening the quote ("CLINTON: I feel ...", "MODERATOR: ..."): one to three
 * words in capitals and a colon. The speaker is the person named earlier whose last name the
 * label is (looked for among the last LABEL_MENTIONS name mentions), else the label as written. */
enum { LABEL_MENTIONS = 400 };
static bool same_word(const char *x, size_t xn, const char *y, size_t yn) {
  if (xn != yn) return false;
  for (size_t i = 0; i < xn; i++) {
    char p = x[i], q = y[i];
    if (p >= 'A' && p <= 'Z') p = (char)(p - 'A' + 'a');
    if (q >= 'A' && q <= 'Z') q = (char)(q - 'A' + 'a');
    if (p != q) return false;
  }
  return true;
}

static bool transcript_label(att *a, const quote_ctx *c, speaker *sp) {
  const cd_doc *doc = a->doc;
  size_t first = c->open + 1, k = first;
  while (k < doc_ntok(doc) && k < first + 3 && T(a, k)->kind == TOK_WORD && (T(a, k)->flags & TF_ALLCAPS)) k++;
  if (k == first || !punct(a, k, ':') || (c->close != c->open && k >= c->close)) return false;
  size_t last = k - 1;
  size_t lo = att_mentions_before(a, c->open); /* the mentions that start before the quote */
  for (size_t m = lo; m > 0 && lo - m < LABEL_MENTIONS; m--) {
    const cd_name_mention *nm = CD_VEC_AT(&doc->mentions, cd_name_mention, m - 1);
    size_t e = nm->end_tok - 1;
    if (!cd_mention_is_person(doc, m - 1) || !same_word(S(a, e), N(a, e), S(a, last), N(a, last))) continue;
    for_mention(a, sp, m - 1, first, k, CD_ATTR_EXPLICIT);
    return true;
  }
  /* a label of nobody named ("MODERATOR:") only where a transcript stands: a quote that opens its
   * paragraph, not a sign's "WARNING: ..." woven into a sentence */
  if (CD_VEC_AT(&doc->paras, cd_para, doc_tok_para(a->doc, T(a, c->open)))->first_tok != c->open) return false;
  as_written(a, sp, first, last + 1, CD_ATTR_EXPLICIT);
  sp->end_tok = k;
  return true;
}

/* "**What the memo says** ¶ - A hiring freeze "through at least the end of the fiscal year"",
 * "The ruling says: ¶ 1. The eyewitness "could not have seen ..."": a quote in a list item whose
 * list a line introduces -- a short label, or a sentence ending in a colon -- with a speaker and
 * a verb of saying is that speaker's. The list's earlier items are walked back, at most
 * LIST_ITEMS_BACK of them. */
enum { LIST_ITEMS_BACK = 30, LIST_LABEL_TOKENS = 8 };
static bool list_intro(att *a, const quote_ctx *c, speaker *sp, size_t *verb) {
  const cd_doc *doc = a->doc;
  size_t pi = para_of(a, c->open);
  const cd_para *p = CD_VEC_AT(&doc->paras, cd_para, pi);
  /* (a table's cells too: the line before the table introduces it) */
  bool cells = p->table_cell;
  if (p->headline || (!cells && !list_marker_before(a, p->first_tok))) return false;
  size_t q = pi;
  for (size_t back = 0; q > 0 && back < (cells ? 4 * LIST_ITEMS_BACK : LIST_ITEMS_BACK); back++) {
    const cd_para *pp = CD_VEC_AT(&doc->paras, cd_para, q - 1);
    if (pp->end_tok <= pp->first_tok || (cells ? !pp->table_cell : !list_marker_before(a, pp->first_tok))) break;
    q--;
  }
  if (q == 0) return false;
  const cd_para *intro = CD_VEC_AT(&doc->paras, cd_para, q - 1);
  if (intro->end_tok <= intro->first_tok) return false;
  size_t last = intro->end_tok - 1;
  bool colon = punct(a, last, ':');
  uint32_t sent = T(a, last)->sent;
  const cd_sentence *is = CD_VEC_AT(&doc->sentences, cd_sentence, sent);
  if (!colon && intro->end_tok - intro->first_tok > LIST_LABEL_TOKENS) return false;
  if (marks_between(a, is->first_tok, intro->end_tok)) return false; /* a quote of its own there */
  size_t end = colon || T(a, last)->kind == TOK_PUNCT ? last : intro->end_tok;
  quote_ctx lead = {end, end, c->qi, sent, sent};
  if (before_quote(a, &lead, false, sp, verb) && sp->method != CD_ATTR_PRONOUN && *verb != CD_NONE &&
      att_speech_verb(a, *verb))
    return true;
  /* "**Key advice from the National Weather Service:**": a noun of speech (or a document's) and
   * "from" or "by" with a name */
  for (size_t k = is->first_tok; k + 2 < end; k++) {
    if (T(a, k)->kind != TOK_WORD || !(cd_lex_has(CD_LEX_SPEECH_NOUNS, S(a, k), N(a, k)) || att_source_noun(a, k)) ||
        !(is(a, k + 1, "from") || is(a, k + 1, "by")))
      continue;
    size_t at = is(a, k + 2, "the") ? k + 3 : k + 2;
    size_t mi = at < end ? mention_at(a, at) : CD_NONE;
    if (mi == CD_NONE || CD_VEC_AT(&a->doc->mentions, cd_name_mention, mi)->end_tok != end) return false;
    memset(sp, 0, sizeof *sp);
    if (!att_speaker_at(a, at, sp, CD_ATTR_EXPLICIT)) return false;
    *verb = k;
    return true;
  }
  return false;
}

/* A paragraph that a person's name and a colon open, as a headline ("Issa: Clinton's 'Honesty Is
 * In Question'") or a transcript's turn ("Lopez: Well, no one says 'My 401(k) is speculation'")
 * writes: a quote in it that no sieve credits is that person's words. */
static bool paragraph_label(att *a, const quote_ctx *c, speaker *sp) {
  const cd_para *p = CD_VEC_AT(&a->doc->paras, cd_para, doc_tok_para(a->doc, T(a, c->open)));
  size_t first = p->first_tok, mi = mention_at(a, first);
  /* a role in capitals and a colon right before the quote, a transcript's turn: "DISPATCHER:
   * "Marlow County 911 ..."", "CALLER: "..."" -- as written */
  if (c->open == first + 2 && punct(a, first + 1, ':') && T(a, first)->kind == TOK_WORD &&
      (T(a, first)->flags & TF_ALLCAPS) && N(a, first) > 1 &&
      (att_role_noun(a, first) || att_source_noun(a, first) ||
       cd_lex_has(CD_LEX_RECORD_ROLE_LABELS, S(a, first), N(a, first)) ||
       cd_lex_has(CD_LEX_RECORD_INTERVIEWER_LABELS, S(a, first), N(a, first)))) {
    as_written(a, sp, first, first + 1, CD_ATTR_EXPLICIT);
    return true;
  }
  /* "**de Villiers:**": past emphasis marks written out, and a particle in lower case */
  while (mi == CD_NONE && first + 1 < c->open && (punct(a, first, '*') || punct(a, first, '_'))) mi = mention_at(a, ++first);
  if (mi == CD_NONE && first + 1 < c->open && T(a, first)->kind == TOK_WORD && (T(a, first)->flags & TF_LOWER) &&
      cd_lex_has(CD_LEX_NAME_PARTICLES, S(a, first), N(a, first)))
    mi = mention_at(a, first + 1);
  if (mi == CD_NONE || !cd_mention_is_person(a->doc, mi)) return false;
  size_t colon = CD_VEC_AT(&a->doc->mentions, cd_name_mention, mi)->end_tok;
  if (colon >= c->open || colon > first + 3 || !punct(a, colon, ':')) return false;
  memset(sp, 0, sizeof *sp);
  for_mention(a, sp, mi, first, colon, CD_ATTR_EXPLICIT);
  return true;
}

/* Fills the index of the tokens that start a mention (att.starts): `starts` and `before` have a
 * word for every 64 tokens, the token count included; `mention` a word for every mention. */
static void index_mention_starts(const cd_doc *doc, uint64_t *starts, uint32_t *before, uint32_t *mention) {
  size_t words = doc_ntok(doc) / 64 + 1;
  memset(starts, 0, words * sizeof *starts);
  for (size_t mi = 0; mi < doc->mentions.len; mi++) {
    uint32_t t = CD_VEC_AT(&doc->mentions, cd_name_mention, mi)->first_tok;
    starts[t / 64] |= (uint64_t)1 << (t % 64);
  }
  uint32_t set = 0;
  for (size_t w = 0; w < words; w++) {
    before[w] = set;
    set += (uint32_t)__builtin_popcountll(starts[w]);
  }
  for (size_t mi = 0; mi < doc->mentions.len; mi++) /* the last mention that starts there */
    mention[start_rank(starts, before, CD_VEC_AT(&doc->mentions, cd_name_mention, mi)->first_tok)] = (uint32_t)mi;
}

/* "Feinstein said "I don't know him," she said.": a tag on both sides of the quote, the one before
 * naming the speaker with its verb right before the opening mark. The pronoun after it can only
 * mean that speaker, and the named one does not depend on resolving it (which, in a sentence
 * whose name is not known for a person's, can land on someone the sentence merely mentions). */
static bool led_by_named_tag(att *a, const quote_ctx *c, bool partial, speaker *sp, size_t *verb) {
  size_t k = c->open;
  if (k == 0) return false;
  k--;
  if ((punct(a, k, ',') || punct(a, k, ':')) && k > 0) k--;
  if (T(a, k)->sent != c->sent_open || !att_speech_verb(a, k)) return false;
  speaker named = {0};
  size_t v = CD_NONE;
  if (!before_quote(a, c, partial, &named, &v) || v != k || named.method != CD_ATTR_EXPLICIT) return false;
  *sp = named;
  *verb = v;
  return true;
}

/* A quote that is a sentence of its own, and the sentence right after it in its paragraph says whose
 * words they were: "That quote from Commissioner Thomas Krebs appeared ...", "Those were the
 * words of Ana Lind", "That was how Ortega summed up the problem", "That's what Lind told
 * reporters", "So said Ana Lind". Only a named person, found where the pattern puts the name. */
static bool named_in_next_sentence(att *a, const quote_ctx *c, speaker *sp, size_t *verb) {
  const cd_doc *doc = a->doc;
  if (c->close == c->open || c->sent_open != c->sent_close) return false;
  const cd_sentence *qs = CD_VEC_AT(&doc->sentences, cd_sentence, c->sent_open);
  if (qs->first_tok != c->open || qs->end_tok != c->close + 1 || (size_t)c->sent_close + 1 >= doc->sentences.len)
    return false;
  const cd_sentence *ns = CD_VEC_AT(&doc->sentences, cd_sentence, c->sent_close + 1);
  if (ns->para != qs->para || ns->end_tok < ns->first_tok + 3) return false;
  size_t t = ns->first_tok, k = t + 1, who = CD_NONE, cue = CD_NONE;
  bool contracted = false; /* "That's", "That’s": the verb glued on */
  if (is(a, t, "so")) {
    if (att_speech_verb(a, k)) who = k + 1, cue = k; /* "So said Ana Lind." */
  } else if (is(a, t, "that") || is(a, t, "this") || is(a, t, "those") || is(a, t, "these") ||
             ((pronoun_is(a, t, "that") || pronoun_is(a, t, "this")) && (contracted = true))) {
    if (!contracted && T(a, k)->kind == TOK_WORD && cd_lex_has(CD_LEX_SPEECH_NOUNS, S(a, k), N(a, k)) &&
        (is(a, k + 1, "from") || is(a, k + 1, "by") || is(a, k + 1, "of"))) {
      who = k + 2, cue = k; /* "That quote from X" */
    } else {
      if (!contracted && (is(a, k, "was") || is(a, k, "is") || is(a, k, "were") || is(a, k, "are"))) k++;
      else if (!contracted) return false;
      if (is(a, k, "how") || is(a, k, "what")) who = k + 1; /* "That was how X put it" */
      else if (is(a, k, "the") && k + 2 < ns->end_tok && T(a, k + 1)->kind == TOK_WORD &&
               cd_lex_has(CD_LEX_SPEECH_NOUNS, S(a, k + 1), N(a, k + 1)) && is(a, k + 2, "of"))
        who = k + 3, cue = k + 1; /* "Those were the words of X" */
    }
  }
  if (who == CD_NONE || who >= ns->end_tok) return false;
  /* the name that ends the run of capitalised words there ("Alabama Securities Commissioner
   * Thomas Krebs": Thomas Krebs), a person's */
  size_t mi = CD_NONE, k2 = who;
  /* a role or office written small before the name: "council member Grace Liu", "former Mayor" */
  while (k2 < ns->end_tok && k2 < who + 2 && T(a, k2)->kind == TOK_WORD && (T(a, k2)->flags & TF_LOWER) &&
         !att_function_word(a, k2) && !att_preposition(a, k2) && !att_determiner(a, k2))
    k2++;
  while (k2 < ns->end_tok) {
    size_t m = mention_at(a, k2);
    if (m != CD_NONE) {
      mi = m;
      k2 = CD_VEC_AT(&doc->mentions, cd_name_mention, m)->end_tok;
    } else if (T(a, k2)->kind == TOK_WORD && (T(a, k2)->flags & TF_CAP)) {
      mi = CD_NONE;
      k2++;
    } else {
      break;
    }
  }
  if (mi == CD_NONE || !cd_mention_is_person(doc, mi)) return false;
  const cd_name_mention *nm = CD_VEC_AT(&doc->mentions, cd_name_mention, mi);
  if (cue == CD_NONE) {
    /* "how X put it", "what X told reporters", "how X summed up": a verb of saying after the name */
    static const char *const PUTTING[] = {"summed", "framed", "phrased", "worded", "characterized", "characterised", NULL};
    size_t v = nm->end_tok;
    if (v >= ns->end_tok || !(att_speech_verb(a, v) || att_speech_phrase(a, v) || cd_word_in(S(a, v), N(a, v), PUTTING)))
      return false;
    cue = v;
  }
  for_mention(a, sp, mi, nm->first_tok, nm->end_tok, CD_ATTR_EXPLICIT);
  *verb = cue;
  return true;
}

/* ---- pull quotes ------------------------------------------------------------------------------ */

/* A pull quote repeats words the article quotes in full ("> "We are not going to keep pouring
 * money into a building that is falling down.""), as a fact check's heading repeats the claim it
 * rates ("Claim 1: "..."): a paragraph that is one quote of five words or more (after a short
 * label, perhaps), with nobody named for it, whose words stand in that order in the words of
 * quotes of one speaker elsewhere, is that speaker's. At most PULL_QUOTES_MAX are looked up, and
 * all of them compare at most PULL_BUDGET token pairs per token of the text: linear on any input. */
enum { PULL_QUOTES_MAX = 16, PULL_WORDS_MAX = 120, PULL_BUDGET = 4 };

static bool is_word_or_number(const att *a, size_t i) { return T(a, i)->kind == TOK_WORD || T(a, i)->kind == TOK_NUMBER; }

static bool same_token_word(const att *a, size_t i, size_t j) { return same_word(S(a, i), N(a, i), S(a, j), N(a, j)); }

/* Is the quote its paragraph's only text (a stop after it aside), but for a label of up to three
 * tokens and a colon before it ("Claim 1: "..."", as fact checks head each claim they rate)? */
static bool whole_paragraph(const att *a, const cd_quote_work *w) {
  const cd_para *p = CD_VEC_AT(&a->doc->paras, cd_para, para_of(a, w->open_tok));
  if (p->first_tok != w->open_tok &&
      !(w->open_tok - p->first_tok <= 4 && punct(a, w->open_tok - 1, ':') && T(a, p->first_tok)->kind == TOK_WORD &&
        (T(a, p->first_tok)->flags & TF_CAP)))
    return false;
  size_t after = (size_t)w->close_tok + 1; /* the quote's end, or a stop after it ("..."."), ends the paragraph */
  if (after < p->end_tok && T(a, after)->kind == TOK_PUNCT) after++;
  return after >= p->end_tok;
}

/* Does quote `in` hold the n words `words` in order, one after another? Counts the pairs compared. */
static bool holds_words(const att *a, const cd_quote_work *in, const size_t *words, size_t n, size_t *budget) {
  for (size_t s = (size_t)in->open_tok + 1; s < in->close_tok && *budget; s++) {
    if (!is_word_or_number(a, s) || !same_token_word(a, s, words[0])) continue;
    size_t k = 1;
    for (size_t t = s + 1; t < in->close_tok && k < n && *budget; t++, (*budget)--) {
      if (!is_word_or_number(a, t)) continue;
      if (!same_token_word(a, t, words[k])) break;
      k++;
    }
    if (k == n) return true;
  }
  return false;
}

static void pull_quotes(att *a) {
  cd_doc *doc = a->doc;
  size_t budget = PULL_BUDGET * doc_ntok(doc), looked = 0;
  size_t words[PULL_WORDS_MAX];
  for (size_t qi = 0; qi < doc->quotes.len && looked < PULL_QUOTES_MAX; qi++) {
    cd_quote *q = CD_VEC_AT(&doc->quotes, cd_quote, qi);
    const cd_quote_work *w = CD_VEC_AT(&doc->quote_work, cd_quote_work, qi);
    /* (also a headline's quote, of three words or more: "Contractor tells court he is 'not the
     * earthquake'", "'I thought that was it': ...") */
    if (q->speaker || q->level > 0 || q->kind != CD_QUOTE_SPEECH || w->close_tok == w->open_tok ||
        !(whole_paragraph(a, w) || q->headline))
      continue;
    size_t n = 0;
    for (size_t t = (size_t)w->open_tok + 1; t < w->close_tok && n < PULL_WORDS_MAX; t++)
      if (is_word_or_number(a, t)) words[n++] = t;
    if (n < (q->headline ? 3 : 5) || n == PULL_WORDS_MAX) continue;
    looked++;
    size_t from = CD_NONE;
    bool ambiguous = false;
    for (size_t qj = 0; qj < doc->quotes.len && !ambiguous && budget; qj++) {
      const cd_quote *o = CD_VEC_AT(&doc->quotes, cd_quote, qj);
      if (qj == qi || !o->speaker || o->level > 0 || o->entity == CD_NONE) continue;
      if (!holds_words(a, CD_VEC_AT(&doc->quote_work, cd_quote_work, qj), words, n, &budget)) continue;
      if (from != CD_NONE && CD_VEC_AT(&doc->quotes, cd_quote, from)->entity != o->entity) ambiguous = true;
      if (from == CD_NONE) from = qj;
    }
    if (from != CD_NONE && !ambiguous) continue_from(a, qi, from, "the same words are quoted from them in the article");
  }
}

/* Does the quote end with its own sentence's stop, "." "?" or "!" inside the marks? */
static bool ends_own_sentence(const att *a, const cd_quote *q) {
  char last = q->inner.end > q->inner.start ? a->doc->text[q->inner.end - 1] : 0;
  return last == '.' || last == '?' || last == '!';
}

static void attribute_quotes(cd_doc *doc, const uint64_t *starts, const uint32_t *starts_before,
                             const uint32_t *start_mention, uint8_t *said) {
  att a = {doc, starts, starts_before, start_mention, CD_NONE, 0, CD_NONE, 0, NULL, 0, NULL, 0, NULL, false, said, 1, 0,
           false, 0, 0, 0, 0, CD_NONE, 0, false, NULL, NULL, 0, 0, 0, NULL, 0, UINT32_MAX, UINT32_MAX, {0}};
  if (!index_positions(&a) || !att_index_gender(&a)) return;
  cd_strmap surnames;
  att_count_surnames(&a, &surnames);
  for (size_t qi = 0; qi < doc->quotes.len; qi++) {
    cd_quote *q = CD_VEC_AT(&doc->quotes, cd_quote, qi);
    const cd_quote_work *w = CD_VEC_AT(&doc->quote_work, cd_quote_work, qi);
    q->evidence = "No speaker: no verb of saying with a name, pronoun or source beside the quote in its sentence.";
    if (q->level > 0) {
      q->evidence = "A quote inside a quote: the words of whoever speaks the outer quote.";
      continue;
    }
    quote_ctx c = {w->open_tok, w->close_tok, qi, T(&a, w->open_tok)->sent, T(&a, w->close_tok)->sent};
    speaker sp = {0};
    size_t verb = CD_NONE;
    if (q->kind != CD_QUOTE_SPEECH && !w->title_overrulable) {
      q->evidence = q->kind == CD_QUOTE_TITLE ? "A title or the words on a sign: nobody's speech."
                                              : "A nickname or a word as a word: nobody's speech.";
      /* "Reyes dubbed the plan "a slow fiasco"", "she coined the phrase "housing deserts"": the
       * subject who gives the term said it; no other sieve applies to a term */
      if (w->kind_from_naming && naming_subject(&a, &c, false, &sp, &verb))
        apply(&a, qi, &sp, verb, "as the subject who gives the term the quote names");
      /* "Mook released a memo titled "The Facts"": the title of a work is its author's words */
      else if (q->kind == CD_QUOTE_TITLE && titled_work(&a, &c) && naming_subject(&a, &c, true, &sp, &verb))
        apply(&a, qi, &sp, verb, "as the subject who wrote the work the quote titles");
      else if (w->byline_tok && byline_author(&a, w->byline_tok, &sp))
        apply(&a, qi, &sp, CD_NONE, "as the author the byline after the title names");
      continue;
    }
    if (byline_excerpt(&a, qi)) {
      continue_from(&a, qi, qi - 1, "an excerpt after the byline of the piece titled before it");
      continue;
    }
    if (asked_by(&a, &c, &sp)) {
      apply(&a, qi, &sp, CD_NONE, "as the one who asks it (\"Asked by ..., \"...?\"\")");
      continue;
    }
    /* a label names the speaker of its paragraph, also in a transcript run over several paragraphs */
    if (transcript_label(&a, &c, &sp)) {
      apply(&a, qi, &sp, CD_NONE, "from the transcript label that opens the quote");
      continue;
    }
    if (q->paragraph_continues != CD_NONE && q->paragraph_continues < qi &&
        CD_VEC_AT(&doc->quotes, cd_quote, q->paragraph_continues)->speaker) {
      /* the run-on quote's speaker, unless this paragraph names its own */
      if (!(q->closed && after_quote(&a, &c, &sp, &verb))) {
        continue_from(&a, qi, q->paragraph_continues, "the quote runs on from the previous paragraph");
        continue;
      }
    }
    const char *sieve = NULL;
    if (q->closed && w->close_tok != w->open_tok && after_quote(&a, &c, &sp, &verb)) {
      sieve = "after the quote";
      /* "Lind answers Baker with, "Why now?" Baker writes back, "..."": a tag that introduces the
       * next quote, after a quote its own sentence introduces, is the next quote's */
      speaker own = {0};
      size_t own_verb = CD_NONE;
      /* (also a tag of a sentence after the quote's own that ends in a colon, introducing what
       * follows, when the quote's sentence has a tag of its own: "Owen Farrier wrote that the
       * company had "...". The memo ... continued:") */
      bool colon_after = verb != CD_NONE && verb > c.close && verb + 1 < doc_ntok(doc) && punct(&a, verb + 1, ':') &&
                         T(&a, verb)->sent != c.sent_close;
      if (verb != CD_NONE && verb > c.close &&
          ((introduces_next_quote(&a, verb) && c.open > 0 && (punct(&a, c.open - 1, ',') || punct(&a, c.open - 1, ':'))) ||
           colon_after) &&
          before_quote(&a, &c, q->partial, &own, &own_verb)) {
        sp = own;
        verb = own_verb;
        sieve = "before the quote, in its sentence";
      } else if (verb != CD_NONE && verb > c.close && c.open > 0 && punct(&a, c.open - 1, ':') && ends_own_sentence(&a, q) &&
                 before_quote(&a, &c, q->partial, &own, &own_verb) && own.method == CD_ATTR_EXPLICIT) {
        /* "Captain Mackellar wrote again: "... I have asked." Mr Tolland replied with an emoji.":
         * a quote its own tag introduces with a colon, that ends its sentence, is not the next
         * sentence's subject's */
        sp = own;
        verb = own_verb;
        sieve = "before the quote, in its sentence";
      } else if (sp.method == CD_ATTR_PRONOUN && led_by_named_tag(&a, &c, q->partial, &own, &own_verb)) {
        sp = own;
        verb = own_verb;
        sieve = "before the quote, in its sentence";
      } else if (first_person_alone(&a, &sp) && before_quote(&a, &c, q->partial, &own, &own_verb) &&
                 own.method == CD_ATTR_EXPLICIT && own.mention != CD_NONE && !pronoun_is(&a, own.first_tok, "I") &&
                 cd_mention_is_person(doc, own.mention)) {
        /* "When Steven Rooke told your reporter that "...", I wondered whether ...": the writer's
         * "I" after the quote wonders about words a person named before it said */
        sp = own;
        verb = own_verb;
        sieve = "before the quote, in its sentence";
      }
    }
    if (!sieve) {
      memset(&sp, 0, sizeof sp);
      if (before_quote(&a, &c, q->partial, &sp, &verb)) sieve = "before the quote, in its sentence";
    }
    if (!sieve) {
      memset(&sp, 0, sizeof sp);
      if (q->closed && w->close_tok != w->open_tok && sentence_tag(&a, &c, &sp, &verb))
        sieve = "at the end of the quote's sentence";
    }
    if (!sieve) {
      memset(&sp, 0, sizeof sp);
      verb = CD_NONE;
      if (q->closed && bracket_credit(&a, &c, &sp)) sieve = "in the brackets after the quote";
    }
    if (sieve) {
      const char *tag_name = sp.name; /* the tag's own speaker, whose words a source may relay */
      bool relayed = relayed_by(&a, &c, &sp, &verb);
      if (relayed) sieve = "beside the quote's tag, which it relays";
      apply(&a, qi, &sp, verb, sieve);
      /* the source is on record for the words, and the one who said them is named too */
      if (relayed && tag_name && sp.name && strcmp(tag_name, sp.name) != 0)
        CD_VEC_AT(&a.doc->quotes, cd_quote, qi)->relays = tag_name;
      continue;
    }
    memset(&sp, 0, sizeof sp);
    if (according_to(&a, &c, &sp, &verb)) {
      apply(&a, qi, &sp, verb, "in the quote's sentence");
      continue;
    }
    memset(&sp, 0, sizeof sp);
    if (speech_noun(&a, &c, &sp, &verb)) {
      apply(&a, qi, &sp, verb, "as the owner of the remark that gives the quote");
      continue;
    }
    memset(&sp, 0, sizeof sp);
    if (q->kind == CD_QUOTE_SPEECH && named_in_next_sentence(&a, &c, &sp, &verb)) {
      apply(&a, qi, &sp, verb, "in the sentence after the quote, which says whose words they were");
      continue;
    }
    if (q->kind != CD_QUOTE_SPEECH) {
      /* a Title Case sentence of its own right after a speaker's quote is still theirs ("...,"
       * Burton said. "Donald Trump.") */
      bool own_sentence = CD_VEC_AT(&doc->sentences, cd_sentence, c.sent_open)->first_tok == c.open &&
                          cd_quote_ends_sentence(doc, qi);
      size_t before = own_sentence ? paragraph_continuation(&a, &c) : CD_NONE;
      if (before != CD_NONE) {
        q->kind = CD_QUOTE_SPEECH;
        continue_from(&a, qi, before, "a later quote in the same paragraph");
      } else if (w->title_overrulable) {
        q->evidence = w->title_overrulable;
      }
      continue;
    }
    /* a fragment woven into a sentence whose subject is a named person (or he/she for one) is that
     * person's: "Trump lauded Cain as a "powerful voice of freedom.""; so is one woven into what an
     * organisation or a document does ("The ad targets a "rigged economy"", "The court's order
     * calls it "speculative"") */
    memset(&sp, 0, sizeof sp);
    if (q->partial && viewpoint_opener(&a, &c, &sp)) {
      apply(&a, qi, &sp, CD_NONE, "as the one whose view the sentence gives (\"To Lind, ...\")");
      continue;
    }
    memset(&sp, 0, sizeof sp);
    if (q->partial && woven_speaker(&a, &c, &sp, &verb)) {
      apply(&a, qi, &sp, verb, "as the subject of the sentence the quote is woven into");
      continue;
    }
    /* a later quote in the same paragraph continues the last attributed one ("...," X said. "...") */
    size_t before = paragraph_continuation(&a, &c);
    if (before != CD_NONE) {
      /* a sentence between that says who speaks, the same person ("...," Lind said. She added that
       * ... . "QUOTE"): the nearer words are the quote's tag */
      const cd_quote *bq = CD_VEC_AT(&doc->quotes, cd_quote, before);
      const cd_quote_work *bw = CD_VEC_AT(&doc->quote_work, cd_quote_work, before);
      speaker near = {0};
      size_t nv = CD_NONE, nfrom = CD_NONE;
      if (bq->entity != CD_NONE && T(&a, bw->close_tok)->sent + 1 < c.sent_open && !own_tag(&a, &c) &&
          previous_sentence(&a, &c, &near, &nv, &nfrom) && nfrom == CD_NONE && nv != CD_NONE && near.entity == bq->entity) {
        apply(&a, qi, &near, nv, "in the sentence before the quote");
        continue;
      }
      continue_from(&a, qi, before, "a later quote in the same paragraph");
    }
    if (q->speaker) continue;
    memset(&sp, 0, sizeof sp);
    size_t from = CD_NONE;
    if (interview_answer(&a, &c, &sp, &from)) {
      if (from != CD_NONE)
        continue_from(&a, qi, from, "the next answer of the interview");
      else
        apply(&a, qi, &sp, CD_NONE, "as the one interviewed, answering the question before the quote");
      continue;
    }
    memset(&sp, 0, sizeof sp);
    if (interview_first_person(&a, &c, &sp)) {
      apply(&a, qi, &sp, CD_NONE, "as the one interviewed, the \"I\" of an answer to the question before");
      continue;
    }
    memset(&sp, 0, sizeof sp);
    if (!own_tag(&a, &c) && previous_sentence(&a, &c, &sp, &verb, &from)) {
      if (from != CD_NONE)
        continue_from(&a, qi, from, "the quote follows the sentence that quotes them");
      else
        apply(&a, qi, &sp, verb, "in the sentence before the quote");
      continue;
    }
    memset(&sp, 0, sizeof sp);
    if (q->partial && paraphrase_goes_on(&a, &c, &sp, &verb)) {
      apply(&a, qi, &sp, verb, "in the sentence before, whose paraphrase the quote's sentence goes on with");
      continue;
    }
    memset(&sp, 0, sizeof sp);
    if (paragraph_label(&a, &c, &sp)) {
      apply(&a, qi, &sp, CD_NONE, "the name and colon that open its paragraph");
      continue;
    }
    memset(&sp, 0, sizeof sp);
    if (q->kind == CD_QUOTE_SPEECH && list_intro(&a, &c, &sp, &verb)) {
      apply(&a, qi, &sp, verb, "in the line that introduces the list the quote's item is in");
      continue;
    }
    if (q->kind == CD_QUOTE_SPEECH && lines_of_a_song(&a, &c)) {
      q->kind = CD_QUOTE_TITLE;
      q->evidence = "Lines of a song or poem, introduced as such by the sentence before: nobody's speech.";
    }
  }
  /* a quote run over paragraphs whose tag comes only in a later one (""... ¶ "...," she said."):
   * the earlier paragraphs are the same speaker's, from the last back */
  for (size_t qi = doc->quotes.len; qi-- > 0;) {
    cd_quote *q = CD_VEC_AT(&doc->quotes, cd_quote, qi);
    if (q->speaker || q->level > 0 || q->kind != CD_QUOTE_SPEECH) continue;
    size_t next = run_on_into(&a, qi);
    if (next != CD_NONE && CD_VEC_AT(&doc->quotes, cd_quote, next)->speaker)
      continue_from(&a, qi, next, "the quote runs on into the next paragraph, whose tag names the speaker");
  }
  pull_quotes(&a);
  cd_strmap_free(&surnames);
}

void cd_pass_attribution(cd_doc *doc) {
  /* working tables, freed here (not kept in the report's arena): the mention starts (a few bits
   * a token: at its peak on a long text this pass holds every table of the report) */
  size_t len = doc_ntok(doc) + 1, words = doc_ntok(doc) / 64 + 1;
  uint64_t *starts = malloc(words * sizeof *starts);
  uint32_t *before = malloc(words * sizeof *before), *mention = malloc((doc->mentions.len + 1) * sizeof *mention);
  /* a document analysed version after version keeps the answers of the paragraphs it keeps */
  uint8_t *kept = cd_incr_said(doc);
  uint8_t *said = kept ? kept : calloc(len, 1);
  doc->mention_person = calloc(doc->mentions.len + 1, 1); /* without it, each answer is found afresh */
  if (starts && before && mention && said) {
    index_mention_starts(doc, starts, before, mention);
    attribute_quotes(doc, starts, before, mention, said);
  }
  free(doc->mention_person);
  doc->mention_person = NULL;
  free(starts);
  free(before);
  free(mention);
  if (!kept) free(said);
}
