/* The word lists attribution reads, and the tests built on them. */
#include "attribution_internal.h"
#include "lexicon.h"
#include "names_lex.h"
#include "speech_verbs.h"

/* answer(a, i), kept in a->said at `shift` (2 bits: 0 not asked, 1 no, 2 yes) once asked. */
static bool said_memo(const att *a, size_t i, unsigned shift, bool (*answer)(const att *, size_t)) {
  unsigned kept = att_said(a, i, shift);
  if (kept) return kept == 2;
  bool yes = answer(a, i);
  att_memo_put(a->said, i, shift, yes ? 2u : 1u);
  return yes;
}

static bool speech_verb(const att *a, size_t i) {
  if (T(a, i)->kind != TOK_WORD) return false;
  /* "Lind, the head of the board, Tweeted on Friday": not the sentence's first word ("Said Hale:") */
  if (!(T(a, i)->flags & TF_LOWER)) return cd_capitalised_past_speech_verb_at(a->doc, i);
  return cd_is_speech_verb(a->doc->config, S(a, i), N(a, i)) || att_speech_phrase(a, i);
}

bool att_speech_verb_asked(const att *a, size_t i) { return i < doc_ntok(a->doc) && said_memo(a, i, 0, speech_verb); }

static bool speech_phrase(const att *a, size_t i);

/* "as Lind put it", "Bell shot back", "the ad goes on to": a verb that says something only with
 * the word or two after it (speech_phrases.txt). */
bool att_speech_phrase_asked(const att *a, size_t i) { return i < doc_ntok(a->doc) && said_memo(a, i, 2, speech_phrase); }

static bool speech_phrase(const att *a, size_t i) {
  char phrase[64];
  size_t len = 0;
  for (size_t k = i; k < i + 3 && k < doc_ntok(a->doc) && T(a, k)->kind == TOK_WORD; k++) {
    size_t n = N(a, k);
    if (len + n + 1 >= sizeof phrase) return false;
    if (k > i) phrase[len++] = ' ';
    memcpy(phrase + len, S(a, k), n);
    len += n;
    if (k > i && cd_lex_has(CD_LEX_SPEECH_PHRASES, phrase, len)) {
      /* "went on to produce her album" does something; "went on to say" and "went on:" speak */
      if (!CD_WORD_IS(phrase, len, "went on")) return true;
      size_t t = k + 1;
      if (!(t < doc_ntok(a->doc) && T(a, t)->kind == TOK_WORD && CD_WORD_IS(S(a, t), N(a, t), "to"))) return true;
      return t + 1 < doc_ntok(a->doc) && T(a, t + 1)->kind == TOK_WORD && cd_is_speech_verb(a->doc->config, S(a, t + 1), N(a, t + 1));
    }
  }
  return false;
}

/* Adverbs and auxiliaries allowed between a speaker and the verb: "Kelly also said", "has told". */

static bool between_word(const att *a, size_t i);

bool att_between_word_asked(const att *a, size_t i) { return i < doc_ntok(a->doc) && said_memo(a, i, 4, between_word); }

/* "used to", "liked to" of a habit of saying ("she used to say", "as he liked to say"): the verb
 * and its "to", each asked with the other beside it. */
static bool habit_word(const att *a, size_t i) {
  /* (and "was heard to say": the "to" after "heard") */
  static const char *const HABIT[] = {"used", "liked", "likes", "loved", "heard", NULL};
  size_t n = doc_ntok(a->doc);
  if (CD_WORD_IS(S(a, i), N(a, i), "to"))
    return i > 0 && T(a, i - 1)->kind == TOK_WORD && cd_word_in(S(a, i - 1), N(a, i - 1), HABIT);
  return i + 1 < n && cd_word_in(S(a, i), N(a, i), HABIT) && T(a, i + 1)->kind == TOK_WORD &&
         CD_WORD_IS(S(a, i + 1), N(a, i + 1), "to");
}

static bool between_word(const att *a, size_t i) {
  if (T(a, i)->kind != TOK_WORD) return false;
  if (cd_lex_has(CD_LEX_BETWEEN_WORDS, S(a, i), N(a, i)) || habit_word(a, i)) return true;
  /* an adverb of manner the list does not hold ("Lind routinely said", "he wrongly suggested"):
   * a lower-case word of five letters or more in -ly that is no source or role noun ("family"),
   * right after a word (not an article's adjective: "an early tweet"; not after a comma) */
  return (T(a, i)->flags & TF_LOWER) && N(a, i) >= 5 && CD_WORD_IS(S(a, i) + N(a, i) - 2, 2, "ly") &&
         !att_source_noun(a, i) && !att_role_noun(a, i) && i > 0 && T(a, i - 1)->kind == TOK_WORD &&
         !att_determiner(a, i - 1);
}

/* Source nouns: a non-person source that can "say" ("the statement said", "police said"). */

bool att_source_noun(const att *a, size_t i) {
  return T(a, i)->kind == TOK_WORD && cd_lex_has(CD_LEX_SOURCE_NOUNS, S(a, i), N(a, i));
}





/* Words that make a two-part capitalised name a place or an organisation, not a person. */

/* A one-word mention of an entity the entities pass took for a person named in full. */
static bool surname_of_person(const cd_doc *doc, const cd_name_mention *m) {
  if (m->n_parts != 1 || m->entity == CD_NONE) return false;
  const cd_entity *e = CD_VEC_AT(&doc->entities, cd_entity, m->entity);
  return e->kind == CD_ENTITY_PERSON && e->name && strchr(e->name, ' ');
}

/* A given name opens the two-word name at m ("Tom", "Hyun-woo"), and ", a" or ", the" and a noun
 * for a person's role or trade follow it ("Tom Park, a developer from Seattle,"). */
static bool given_then_role(const cd_doc *doc, const cd_name_mention *m) {
  size_t n = doc_ntok(doc), e = m->end_tok;
  if (m->n_parts != 2 || e + 2 >= n) return false;
  const cd_token *g = doc_tok(doc, e - 2), *c = doc_tok(doc, e), *d = doc_tok(doc, e + 1);
  const char *gs = doc->text + g->start;
  /* a given name of two syllables joined by a hyphen, as Korean ones are written ("Hyun-woo") */
  const char *hy = memchr(gs, '-', g->len);
  bool given = cd_is_given_name(gs, g->len) ||
               (hy && hy > gs && (size_t)(hy - gs) + 1 < g->len && hy[1] >= 'a' && hy[1] <= 'z');
  if (!given || c->kind != TOK_PUNCT || doc->text[c->start] != ',' || d->kind != TOK_WORD ||
      !(CD_WORD_IS(doc->text + d->start, d->len, "a") || CD_WORD_IS(doc->text + d->start, d->len, "an") ||
        CD_WORD_IS(doc->text + d->start, d->len, "the")))
    return false;
  /* the noun, past up to two modifiers ("a senior software developer") */
  for (size_t k = e + 2; k < n && k < e + 5; k++) {
    const cd_token *t = doc_tok(doc, k);
    if (t->kind != TOK_WORD || !(t->flags & TF_LOWER)) return false;
    const char *ts = doc->text + t->start;
    if (cd_lex_has(CD_LEX_ROLE_NOUNS, ts, t->len) || cd_lex_has(CD_LEX_PERSON_DESCRIPTORS, ts, t->len) ||
        cd_is_job_title(ts, t->len))
      return true;
  }
  return false;
}

bool att_looks_like_person_name(const cd_doc *doc, const cd_name_mention *m) {
  const cd_token *last = doc_tok(doc, m->end_tok - 1);
  /* a title word ends no person's name ("Vermont Governor"), unless a given name comes before it
   * and makes it a surname ("Howard Dean", "Amy Pope"), as the mentions pass reads it */
  if (cd_is_job_title(doc->text + last->start, last->len)) {
    /* the given names asked only here: most names end in no title word */
    const cd_token *given = m->end_tok >= m->first_tok + 2 ? doc_tok(doc, m->end_tok - 2) : NULL;
    bool surname = given && given->kind == TOK_WORD && cd_is_given_name(doc->text + given->start, given->len);
    /* "Billie Jean King", "Martin Luther King": a given name first and no title before the last word */
    if (!surname && m->n_parts >= 3) {
      size_t f = m->first_tok;
      while (f < m->end_tok && doc_tok(doc, f)->start < m->name.start) f++;
      surname = f + 1 < m->end_tok && cd_is_given_name(doc->text + doc_tok(doc, f)->start, doc_tok(doc, f)->len);
      for (size_t k = f; surname && k + 1 < m->end_tok; k++) {
        const cd_token *t = doc_tok(doc, k);
        if (t->kind == TOK_WORD && cd_is_job_title(doc->text + t->start, t->len)) surname = false;
      }
    }
    if (!surname) return false;
  }
  for (size_t i = m->first_tok; i < m->end_tok; i++) {
    const cd_token *t = doc_tok(doc, i);
    if (t->start < m->name.start || t->kind != TOK_WORD) continue;
    size_t n = t->len;
    const char *w = doc->text + t->start;
    if (n > 2 && (w[n - 2] == '\'' )) n -= 2; /* possessive */
    /* "Park" alone after "Park Seo-yeon": the surname of a person the article names in full; "Tom
     * Park, a developer,": a given name's surname, a person's role in apposition */
    if (cd_lex_has(CD_LEX_NOT_PERSON_WORDS, w, n) && !surname_of_person(doc, m) &&
        !(i + 1 == m->end_tok && given_then_role(doc, m)))
      return false;
    /* a model's or a code's designation ("Tarsus T-90", "Boeing 737-MAX"): a digit in a word */
    for (size_t b = 0; b < n; b++)
      if (w[b] >= '0' && w[b] <= '9') return false;
    /* RAF Croughton, BBC; not the initials of "J.M. Berger" */
    if ((t->flags & TF_ALLCAPS) && !m->courtesy && !m->job_title && !(i + 1 < m->end_tok && cd_is_initials(w, n)))
      return false;
  }
  return true;
}

/* "State Corey Stapleton": a title word glued to a name; the last two words decide. */
bool att_tail_looks_like_person(const cd_doc *doc, const cd_name_mention *m) {
  if (m->end_tok < m->first_tok + 2) return false;
  for (size_t i = m->end_tok - 2; i < m->end_tok; i++) {
    const cd_token *t = doc_tok(doc, i);
    size_t n = t->len;
    if (t->kind != TOK_WORD || !(t->flags & TF_CAP) || (t->flags & TF_ALLCAPS)) return false;
    if (cd_lex_has(CD_LEX_NOT_PERSON_WORDS, doc->text + t->start, n) || cd_is_job_title(doc->text + t->start, n)) return false;
  }
  return true;
}

/* A name set in emphasis ("*The Last Timetable*", "_Hamlet_"): the title of a work, not a person. */
static bool emphasised_title(const cd_doc *doc, const cd_name_mention *m) {
  size_t s = m->span.start, e = m->span.end;
  if (s == 0 || e >= doc->len) return false;
  char open = doc->text[s - 1], close = doc->text[e];
  if (!(open == '*' || open == '_')) return false;
  /* (emphasis of one mark: strong emphasis sets off a name, "**Yusuf Kaldirim** of Northlake") */
  if (s >= 2 && doc->text[s - 2] == open) return false;
  if (close == open) return true;
  /* (the name may open a longer title: "*Load Paths: A Life in Steel*") */
  for (size_t k = e; k < doc->len && k < e + 120 && doc->text[k] != '\n'; k++)
    if (doc->text[k] == open) return k + 1 >= doc->len || doc->text[k + 1] != open;
  return false;
}

/* The answer of `ask` about mention mi, kept in doc->mention_person's bits from `shift` while the
 * attribution pass runs. */
static bool person_memo(const cd_doc *doc, size_t mi, unsigned shift, bool (*ask)(const cd_doc *, const cd_name_mention *)) {
  const cd_name_mention *m = CD_VEC_AT(&doc->mentions, cd_name_mention, mi);
  unsigned kept = att_memo_get(doc->mention_person, mi, shift);
  if (kept) return kept == 2;
  bool yes = ask(doc, m);
  att_memo_put(doc->mention_person, mi, shift, yes ? 2u : 1u);
  return yes;
}

/* att_looks_like_person_name, which both tests below ask, kept in bits 6-7. */
static bool looks_like_person(const cd_doc *doc, const cd_name_mention *m) {
  return person_memo(doc, (size_t)(m - CD_VEC_AT(&doc->mentions, cd_name_mention, 0)), 6, att_looks_like_person_name);
}

static bool person_mention(const cd_doc *doc, const cd_name_mention *m) {
  if (emphasised_title(doc, m)) return false;
  if (m->kind != MK_NAME || m->entity == CD_NONE || m->in_quote || m->headline || m->possessive) return false;
  if (!looks_like_person(doc, m)) return false;
  const cd_entity *e = CD_VEC_AT(&doc->entities, cd_entity, m->entity);
  return e->kind == CD_ENTITY_PERSON || (m->person_hint && !m->org_hint && !m->thing_hint);
}

bool att_person_mention(const cd_doc *doc, const cd_name_mention *m) {
  return person_memo(doc, (size_t)(m - CD_VEC_AT(&doc->mentions, cd_name_mention, 0)), 2, person_mention);
}

static bool mention_is_person(const cd_doc *doc, const cd_name_mention *m) {
  if (m->possessive || emphasised_title(doc, m) || !looks_like_person(doc, m)) return false;
  if (m->courtesy || m->job_title) return true;
  const cd_entity *e = m->entity != CD_NONE ? CD_VEC_AT(&doc->entities, cd_entity, m->entity) : NULL;
  return (e && e->kind == CD_ENTITY_PERSON) || (m->person_hint && !m->org_hint && !m->thing_hint);
}

bool cd_mention_is_person(const cd_doc *doc, size_t mi) { return person_memo(doc, mi, 0, mention_is_person); }

/* Person-role nouns: "the president", "the Wooster professor" refer back to a person. */

bool att_preposition(const att *a, size_t i) { return T(a, i)->kind == TOK_WORD && cd_lex_has(CD_LEX_PREPOSITIONS, S(a, i), N(a, i)); }

static bool determiner(const att *a, size_t i) {
  return T(a, i)->kind == TOK_WORD && cd_lex_has(CD_LEX_DETERMINERS, S(a, i), N(a, i));
}

bool att_determiner_asked(const att *a, size_t i) { return i < doc_ntok(a->doc) && said_memo(a, i, 6, determiner); }

bool att_be_form(const att *a, size_t i) {
  return is(a, i, "was") || is(a, i, "were") || is(a, i, "is") || is(a, i, "are") || is(a, i, "been") || is(a, i, "be");
}

bool att_participle_of_saying(const att *a, size_t k) {
  if (k == 0 || k >= doc_ntok(a->doc) || T(a, k)->kind != TOK_WORD || !(T(a, k)->flags & TF_LOWER) || N(a, k) < 5 ||
      !CD_WORD_IS(S(a, k) + N(a, k) - 3, 3, "ing"))
    return false;
  if (!(att_be_form(a, k - 1) || is(a, k - 1, "heard") || is(a, k - 1, "seen") || is(a, k - 1, "kept"))) return false;
  return cd_is_speech_participle(S(a, k), N(a, k)) ||
         cd_word_in(S(a, k), N(a, k),
                    (const char *const[]){"shouting", "yelling", "screaming", "whispering", "chanting", "pleading",
                                          "murmuring", "muttering", "mumbling", NULL});
}

bool att_role_noun(const att *a, size_t i) { return T(a, i)->kind == TOK_WORD && cd_lex_has(CD_LEX_ROLE_NOUNS, S(a, i), N(a, i)); }

bool att_person_noun(const att *a, size_t i) {
  return att_role_noun(a, i) || att_source_noun(a, i) || cd_is_job_title(S(a, i), N(a, i)) ||
         cd_lex_has(CD_LEX_PERSON_DESCRIPTORS, S(a, i), N(a, i));
}


bool att_function_word(const att *a, size_t i) { return T(a, i)->kind == TOK_WORD && cd_lex_has(CD_LEX_FUNCTION_WORDS, S(a, i), N(a, i)); }
