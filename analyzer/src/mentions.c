/* Mention pass: capitalised name sequences with their titles, particles, initials and
 * possessives ("Russian President Vladimir Putin's" -> title "President", name "Vladimir Putin").
 * A capitalised common word at the start of a sentence ("However", "Former") is not a name unless
 * the same word is capitalised in the middle of a sentence somewhere in the article ("Trump"). */
#include <stdlib.h>
#include <string.h>

#include "capwords.h"
#include "doc.h"
#include "incremental.h"
#include "lexicon.h"
#include "names_lex.h"
#include "quotes_kind.h"
#include "speech_verbs.h"
#include "words.h"

static bool is_word_tok(const cd_token *t) { return t->kind == TOK_WORD; }

static const char *tstr(const cd_doc *doc, const cd_token *t) { return doc->text + t->start; }
static size_t tlen(const cd_token *t) { return t->len; }

/* Length of a word without a possessive 's / ’s. */
static size_t strip_possessive(const cd_doc *doc, const cd_token *t, bool *poss) {
  return cd_strip_possessive(tstr(doc, t), tlen(t), poss);
}

/* A text's tables as the mentions pass reads them: this version's, or the previous version's
 * (cd_incr_old_tables) to take out what its changed paragraphs gave. */
typedef struct tables {
  const char *text;
  const cd_token *toks;
  const cd_sentence *sents;
} tables;

static tables doc_tables(const cd_doc *doc) { return (tables){doc->text, doc->tokens.data, doc->sentences.data}; }

static bool sentence_initial(tables d, size_t i) {
  const cd_sentence *s = &d.sents[d.toks[i].sent];
  for (size_t k = s->first_tok; k < i; k++) {
    const cd_token *u = &d.toks[k];
    if (u->kind == TOK_WORD || u->kind == TOK_NUMBER) return false;
  }
  return true;
}

/* After an opening quote, a colon or a dash set off by spaces (a dateline's "ROME (AP) — A
 * man ..."), a capital is sentence-like too. */
static bool clause_initial_in(tables d, size_t i) {
  if (sentence_initial(d, i)) return true;
  if (i == 0) return true;
  const cd_token *p = &d.toks[i - 1];
  if (p->kind == TOK_MARK && (p->role & MR_OPEN)) return true;
  if (p->kind != TOK_PUNCT) return false;
  const unsigned char *c = (const unsigned char *)d.text + p->start;
  /* "**Lind:** Because I ...": emphasis marks written out (plain text) after the colon */
  if ((c[0] == '*' || c[0] == '_') && p->len <= 2 && i >= 2) return clause_initial_in(d, i - 1);
  bool dash = (p->len == 3 && c[0] == 0xE2 && c[1] == 0x80 && (c[2] == 0x93 || c[2] == 0x94)) ||
              (p->len == 2 && c[0] == '-' && c[1] == '-');
  if (dash) return (p->flags & TF_SPACE_BEFORE) && (d.toks[i].flags & TF_SPACE_BEFORE);
  return c[0] == ':' || c[0] == ';';
}

static bool clause_initial(const cd_doc *doc, size_t i) { return clause_initial_in(doc_tables(doc), i); }

/* Adds to cs (or takes out of it) the words paragraph p capitalises mid-sentence: those that tell
 * a name from a capitalised common word at a sentence's start. */
static void para_capwords(cd_capwords *cs, tables d, const cd_para *p, bool add) {
  if (p->headline) return;
  for (size_t i = p->first_tok; i < p->end_tok; i++) {
    const cd_token *t = &d.toks[i];
    if (!is_word_tok(t) || !(t->flags & TF_CAP) || clause_initial_in(d, i)) continue;
    bool poss;
    size_t n = cd_strip_possessive(d.text + t->start, t->len, &poss);
    if (add)
      cd_capwords_add(cs, d.text + t->start, n);
    else
      cd_capwords_remove(cs, d.text + t->start, n);
  }
}

typedef struct chain_word {
  size_t tok;
  bool title_word;
} chain_word;

/* "Jan Brewer", "columnist Ai Jun": a three-letter month abbreviation that no full stop or number
 * follows ("Jan. 5", "Jun 2016") is a name's word. */
static bool month_abbreviation_as_name(const cd_doc *doc, size_t i, size_t n) {
  const cd_token *t = doc_tok(doc, i);
  if (n != 3 || t->len != 3 || (t->flags & TF_ALLCAPS)) return false;
  const char *s = doc->text + t->start;
  static const char *const ABBREVIATIONS[] = {"jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "oct", "nov", "dec"};
  bool month = false;
  for (size_t k = 0; k < sizeof ABBREVIATIONS / sizeof ABBREVIATIONS[0]; k++) month = month || cd_word_eq(s, 3, ABBREVIATIONS[k]);
  if (!month || i + 1 >= doc_ntok(doc)) return month;
  const cd_token *next = doc_tok(doc, i + 1);
  if (next->kind == TOK_NUMBER) return false;
  if (next->kind == TOK_PUNCT && next->start == cd_tok_end(t) && doc->text[next->start] == '.') return false;
  return true;
}

/* "June Guidry, 71,", "April Ryan asked": a month that is also a given name, right before a
 * capitalised word that is no calendar or ordinary word, and after no preposition or other word of
 * time ("in June Guidry ..." is a date). Token i is the month, n its length. */
static bool month_as_given_name(const cd_doc *doc, size_t i, size_t n) {
  const cd_token *t = doc_tok(doc, i);
  const char *s = doc->text + t->start;
  if (!(CD_WORD_IS(s, n, "april") || CD_WORD_IS(s, n, "may") || CD_WORD_IS(s, n, "june") || CD_WORD_IS(s, n, "august")) ||
      (t->flags & TF_ALLCAPS) || i + 1 >= doc_ntok(doc))
    return false;
  const cd_token *next = doc_tok(doc, i + 1);
  if (!is_word_tok(next) || next->sent != t->sent || next->start != cd_tok_end(t) + 1 || !(next->flags & TF_CAP) ||
      (next->flags & TF_ALLCAPS) || cd_is_calendar_word(tstr(doc, next), tlen(next)) ||
      cd_is_common_word(tstr(doc, next), tlen(next)))
    return false;
  if (i > 0) {
    const cd_token *prev = doc_tok(doc, i - 1);
    if (prev->sent == t->sent && (prev->kind == TOK_NUMBER || (is_word_tok(prev) && (prev->flags & TF_LOWER))))
      return false; /* "in June", "early June", "5 June" */
  }
  return true;
}

/* A particle joined to a capitalised name by a hyphen, one token: "al-Assad", "el-Sisi". */
static bool hyphened_particle_name(const cd_doc *doc, const cd_token *t) {
  if (!is_word_tok(t) || !(t->flags & TF_LOWER) || tlen(t) < 4) return false;
  const char *s = tstr(doc, t);
  size_t n = tlen(t), k = 0;
  /* and one elided with an apostrophe: "d'Aubigny-Ferrand", "d'Alema" (straight or curly) */
  if ((s[0] == 'd' || s[0] == 'l') &&
      ((s[1] == '\'' && s[2] >= 'A' && s[2] <= 'Z') ||
       (n > 5 && !memcmp(s + 1, "\xE2\x80\x99", 3) && s[4] >= 'A' && s[4] <= 'Z')))
    return true;
  /* the particles are short ("al-", "el-", "bin-"): most words are turned away here, and this is
   * asked of every lower-case word */
  if (s[1] != '-' && s[2] != '-' && s[3] != '-' && (n < 5 || s[4] != '-')) return false;
  while (k < n && s[k] != '-') k++;
  return k > 0 && k + 1 < n && s[k + 1] >= 'A' && s[k + 1] <= 'Z' && cd_lex_has(CD_LEX_NAME_PARTICLES, s, k);
}

/* "Mac an t-Saoir", "Nic na h-Eaglaise", "Mac an Tòisich": after "Mac" or "Nic" (son or daughter
 * of) a Gaelic surname goes on with its article ("an", "na") and a capitalised word, or one joined
 * to "t-" or "h-", or with "a'", whose apostrophe is a mark of its own. gaelic_article: token i is the
 * article, `prev` the name's word before it. */
static bool gaelic_tail_word(const cd_doc *doc, size_t j) {
  if (j >= doc_ntok(doc)) return false;
  const cd_token *t = doc_tok(doc, j);
  if (!is_word_tok(t)) return false;
  if (t->flags & TF_CAP) return true;
  const char *s = tstr(doc, t);
  return tlen(t) > 3 && (s[0] == 't' || s[0] == 'h') && s[1] == '-' && s[2] >= 'A' && s[2] <= 'Z';
}

/* Is token j the apostrophe of the article "a'", glued to the "a" before it? */
static bool gaelic_apostrophe(const cd_doc *doc, size_t j) {
  if (j == 0 || j >= doc_ntok(doc)) return false;
  const cd_token *m = doc_tok(doc, j);
  return m->kind == TOK_MARK && m->role == MR_APOS && m->start == cd_tok_end(doc_tok(doc, j - 1));
}

static bool gaelic_article(const cd_doc *doc, size_t prev, size_t i) {
  const cd_token *p = doc_tok(doc, prev), *t = doc_tok(doc, i);
  if (!is_word_tok(p) || !(CD_WORD_IS(tstr(doc, p), tlen(p), "mac") || CD_WORD_IS(tstr(doc, p), tlen(p), "nic")) ||
      !(p->flags & TF_CAP) || !is_word_tok(t) || t->sent != p->sent)
    return false;
  /* the word after the article, glued to "t-"/"h-" ("an t-Saoir") or capitalised ("an Tòisich") */
  if (CD_WORD_IS(tstr(doc, t), tlen(t), "an") || CD_WORD_IS(tstr(doc, t), tlen(t), "na"))
    return gaelic_tail_word(doc, i + 1) && doc_tok(doc, i + 1)->sent == t->sent;
  /* "a'" ("Mac a' Phearsain"), its apostrophe a token of its own, straight or curly */
  return CD_WORD_IS(tstr(doc, t), tlen(t), "a") && (t->flags & TF_LOWER) && gaelic_apostrophe(doc, i + 1) &&
         gaelic_tail_word(doc, i + 2) && doc_tok(doc, i + 2)->sent == t->sent;
}

/* "told the magazine Nordic Science", "the broadcaster Kanal 7": a name right after a noun for a
 * publication or a broadcaster, in its sentence, is that outlet's. */
static bool after_media_noun(const cd_doc *doc, size_t f) {
  static const char *const MEDIA[] = {"broadcaster", "channel", "daily", "journal", "magazine", "network",
                                      "newspaper", "podcast", "tabloid", "website", "weekly", NULL};
  if (f == 0) return false;
  const cd_token *n = doc_tok(doc, f - 1), *t = doc_tok(doc, f);
  /* a broadcaster is a person too: "broadcaster Maya Frost" (a given name and a surname) */
  if (CD_WORD_IS(tstr(doc, n), tlen(n), "broadcaster") && is_word_tok(t) && cd_is_given_name(tstr(doc, t), tlen(t)) &&
      f + 1 < doc_ntok(doc) && is_word_tok(doc_tok(doc, f + 1)) && (doc_tok(doc, f + 1)->flags & TF_CAP) &&
      doc_tok(doc, f + 1)->sent == t->sent)
    return false;
  return is_word_tok(n) && (n->flags & TF_LOWER) && tlen(n) >= 5 && tlen(n) <= 11 && n->sent == t->sent &&
         cd_word_in(tstr(doc, n), tlen(n), MEDIA);
}

/* "The supermarket chain Bryggen said", "the carmaker Volta": a name right after a lower-case noun
 * for a company, in its sentence, is that company's. */
static bool after_firm_noun(const cd_doc *doc, size_t f) {
  if (f == 0) return false;
  const cd_token *n = doc_tok(doc, f - 1);
  /* (most words before a name are short ones, "by", "of", "and": asked nothing) */
  return is_word_tok(n) && tlen(n) >= 4 && (n->flags & TF_LOWER) && n->sent == doc_tok(doc, f)->sent &&
         cd_lex_has(CD_LEX_COMPANY_NOUNS, tstr(doc, n), tlen(n));
}

/* Is the one-word name at f set off by commas right after someone's firm ("whose agency, Fenton,
 * made the ads", "her company, Larkspur, sells")? Then it names the firm, whoever it is named
 * after. Only after a possessive: "a spokeswoman for the company, Dana Kessler, said" names her. */
static bool firm_in_apposition(const cd_doc *doc, size_t f) {
  static const char *const FIRMS[] = {"agency", "firm", "company", "consultancy", "studio", "label", "practice",
                                      "startup", "business", NULL};
  static const char *const OWNERS[] = {"whose", "his", "her", "their", "its", "our", "my", NULL};
  if (f < 3 || f + 1 >= doc_ntok(doc)) return false;
  const cd_token *comma = doc_tok(doc, f - 1), *noun = doc_tok(doc, f - 2), *owner = doc_tok(doc, f - 3),
                 *after = doc_tok(doc, f + 1);
  uint32_t sent = doc_tok(doc, f)->sent; /* the words read are the name's sentence's, so its paragraph's */
  if (comma->kind != TOK_PUNCT || doc->text[comma->start] != ',' || after->kind != TOK_PUNCT ||
      doc->text[after->start] != ',' || after->sent != sent)
    return false;
  return is_word_tok(noun) && (noun->flags & TF_LOWER) && noun->sent == sent &&
         cd_word_in(tstr(doc, noun), tlen(noun), FIRMS) && is_word_tok(owner) && owner->sent == noun->sent &&
         cd_word_in(tstr(doc, owner), tlen(owner), OWNERS);
}

/* Does a group's noun and "known as" or "called" come right before token f ("a terrorist group
 * known as Ansar al-Sharia", "a militia called the Free Army")? Then the name is a body's. Read
 * here, in the name's own paragraph, so that what the entities pass reads of a mention stays the
 * mention's. */
static bool named_as_body(const cd_doc *doc, size_t f) {
  static const char *const BODIES[] = {"group", "groups", "organization", "organisation", "militia", "network",
                                       "movement", "faction", "coalition", "company", "firm", "party", NULL};
  if (f < 3) return false;
  uint32_t sent = doc_tok(doc, f)->sent; /* the words read are the name's sentence's, so its paragraph's */
  const cd_token *as = doc_tok(doc, f - 1), *how = doc_tok(doc, f - 2);
  if (as->sent != sent || how->sent != sent) return false;
  if (!CD_WORD_IS(doc->text + as->start, as->len, "as") &&
      !CD_WORD_IS(doc->text + as->start, as->len, "called") && !CD_WORD_IS(doc->text + as->start, as->len, "named"))
    return false;
  bool known_as = CD_WORD_IS(doc->text + as->start, as->len, "as");
  size_t k = known_as ? f - 2 : f - 1; /* "known as", "called" */
  if (known_as && !CD_WORD_IS(doc->text + how->start, how->len, "known")) return false;
  for (size_t i = k; i > 0 && k - i < 3; i--) {
    const cd_token *t = doc_tok(doc, i - 1);
    if (t->sent != sent) break;
    if (t->kind != TOK_WORD || !cd_word_in(doc->text + t->start, t->len, BODIES)) continue;
    if (known_as) return true;
    /* "a militia called ...", not "the company named Jane Doe as its chief", "the party called
     * Reyes a traitor": with "called" or "named", the body is introduced by "a" right before */
    if (i == k && i >= 2) {
      const cd_token *d = doc_tok(doc, i - 2);
      return d->sent == sent && (CD_WORD_IS(doc->text + d->start, d->len, "a") || CD_WORD_IS(doc->text + d->start, d->len, "an"));
    }
    return false;
  }
  return false;
}

/* "I'm", "Don't", "It's", "That's", "Let's": a pronoun, a function word or an auxiliary with its
 * contraction, capitalised at the start of a quote or a sentence, is no name ("O'Brien" and
 * "Trump's" are). */
static bool capital_contraction(const char *s, size_t n) {
  static const char *const BASES[] = {"that", "there", "here", "what", "where", "who", "let", "how", NULL};
  static const char *const TAILS[] = {"s", "re", "ve", "ll", "d", "m", NULL};
  /* the apostrophe is among the last five bytes ("n’t", "’ll"): most capitalised words have none,
   * and this runs on every one of them */
  bool apostrophe = false;
  for (size_t k = n > 5 ? n - 5 : 1; k < n && !apostrophe; k++) apostrophe = s[k] == '\'' || (unsigned char)s[k] == 0xE2;
  if (!apostrophe) return false;
  for (size_t k = 1; k < n; k++) { /* the first apostrophe: what comes before it and after */
    size_t ap = s[k] == '\'' ? 1 : (k + 3 <= n && !memcmp(s + k, "\xE2\x80\x99", 3)) ? 3 : 0;
    if (!ap) continue;
    if (k >= 2 && (s[k - 1] == 'n' || s[k - 1] == 'N') && cd_word_eq(s + k + ap, n - k - ap, "t")) return true;
    /* cd_is_contracted_pronoun's pronouns and tails, and a few more words before them */
    return (cd_is_pronoun(s, k) || cd_word_in(s, k, BASES)) && cd_word_in(s + k + ap, n - k - ap, TAILS);
  }
  return false;
}

/* Is token i a name particle ("de", "Le") with a capitalised word right after it ("de Blasio")? */
static bool particle_then_surname(const cd_doc *doc, size_t i) {
  if (i + 1 >= doc_ntok(doc)) return false;
  const cd_token *p = doc_tok(doc, i), *sur = doc_tok(doc, i + 1);
  if (!is_word_tok(p) || !cd_lex_has(CD_LEX_NAME_PARTICLES, tstr(doc, p), tlen(p))) return false;
  /* two particles: "de la Fuente", "van der Linde" */
  if (is_word_tok(sur) && (sur->flags & TF_LOWER) && sur->start == cd_tok_end(p) + 1 && sur->sent == p->sent &&
      cd_lex_has(CD_LEX_NAME_PARTICLES, tstr(doc, sur), tlen(sur)) && i + 2 < doc_ntok(doc)) {
    p = sur;
    sur = doc_tok(doc, i + 2);
  }
  return is_word_tok(sur) && (sur->flags & TF_CAP) && !(sur->flags & TF_ALLCAPS) && sur->start == cd_tok_end(p) + 1 &&
         sur->sent == p->sent;
}

/* A word for a person's part in the story, or its plural ("Residents Gail Thomson and Peter
 * Thompson"). */
static bool person_descriptor(const char *s, size_t n) {
  return cd_lex_has(CD_LEX_PERSON_DESCRIPTORS, s, n) ||
         (n > 4 && s[n - 1] == 's' && cd_lex_has(CD_LEX_PERSON_DESCRIPTORS, s, n - 1));
}

/* "Witness 3", "Soldier F", "Patient 12": the label a court or an inquiry gives a person it may not
 * name, a capitalised person noun and a number of up to three digits or a lone capital right after
 * it (token i is that noun). */
static bool numbered_label(const cd_doc *doc, size_t i) {
  if (i + 1 >= doc_ntok(doc)) return false;
  const cd_token *t = doc_tok(doc, i), *u = doc_tok(doc, i + 1);
  if (u->sent != t->sent || u->start != cd_tok_end(t) + 1 || !person_descriptor(tstr(doc, t), tlen(t))) return false;
  const char *s = tstr(doc, u);
  if (u->kind == TOK_NUMBER) {
    if (tlen(u) > 3) return false;
    for (size_t k = 0; k < tlen(u); k++)
      if (s[k] < '0' || s[k] > '9') return false;
  } else if (!(u->kind == TOK_WORD && tlen(u) == 1 && s[0] >= 'A' && s[0] <= 'Z')) {
    return false;
  }
  /* "Witness 3 told", "Soldier F, who": the label ends there, not "Patient 12 Ward" */
  if (i + 2 < doc_ntok(doc)) {
    const cd_token *v = doc_tok(doc, i + 2);
    if (v->sent == u->sent && ((v->kind == TOK_WORD && (v->flags & TF_CAP)) || v->kind == TOK_NUMBER)) return false;
  }
  return true;
}

/* Could this capitalised token be part of a name here? */
static bool capital_name_word(const cd_doc *doc, const cd_capwords *cs, size_t i, bool in_chain) {
  const cd_token *t = doc_tok(doc, i);
  bool poss;
  size_t n = strip_possessive(doc, t, &poss);
  const char *s = tstr(doc, t);
  if (cd_is_calendar_word(s, n) && !(in_chain && CD_WORD_IS(s, n, "may")) && !month_abbreviation_as_name(doc, i, n) &&
      !month_as_given_name(doc, i, n))
    return false;
  if (cd_capitalised_past_speech_verb_at(doc, i)) return false; /* "Lind Tweeted on Friday" */
  /* "Rep. Diane Oberholt, R-Ohio,": a party-and-state tag, no name */
  if (n > 2 && (s[0] == 'R' || s[0] == 'D' || s[0] == 'I') && s[1] == '-' && s[2] >= 'A' && s[2] <= 'Z') return false;
  if (capital_contraction(s, tlen(t))) return false;
  /* "T-shirts", "X-ray", "U-turn", "A-level": one capital letter joined to a word in lower case is
   * a common noun (not "O-Ren", "Al-Amin": the word after the hyphen is capitalised there) */
  if (n > 3 && s[1] == '-' && s[0] >= 'A' && s[0] <= 'Z' && s[2] >= 'a' && s[2] <= 'z') return false;
  /* "Ten-man Ashgrove stun Merrowby", "Three-time champion": a number word joined to a noun is a
   * modifier, no part of a name (a number alone, "Twenty-One", "Five-0", is left as it was) */
  const char *joint = memchr(s, '-', n);
  if (joint && joint > s && (size_t)(joint - s) + 1 < n && cd_lex_value(CD_LEX_RECORD_NUMBER_WORDS, s, (size_t)(joint - s))) {
    const char *last = s + n;
    while (last[-1] != '-') last--;
    size_t ln = (size_t)(s + n - last);
    bool figure = ln > 0 && last[0] >= '0' && last[0] <= '9'; /* "Hawaii Five-0" */
    /* (but a capitalised word after the hyphen, in body text, is a name's: "Chief Mary Two-Rivers") */
    bool named = ln > 0 && last[0] >= 'A' && last[0] <= 'Z' && !CD_VEC_AT(&doc->paras, cd_para, doc_tok_para(doc, t))->headline;
    if (!figure && !named && !cd_lex_value(CD_LEX_RECORD_NUMBER_WORDS, last, ln)) return false;
  }
  /* "I" goes on a name as a regnal number after a given name ("Charles I", "John Paul I") or in
   * "World War I"; after any other name it is the pronoun ("To get to Dunmere Park I would
   * need two buses") */
  if (tlen(t) == 1 && s[0] == 'I' && in_chain && i > 0) {
    const cd_token *p = doc_tok(doc, i - 1);
    if (!is_word_tok(p) || !(cd_is_given_name(tstr(doc, p), tlen(p)) || CD_WORD_IS(tstr(doc, p), tlen(p), "war")))
      return false;
  }
  if (!in_chain && clause_initial(doc, i)) {
    if (!poss && numbered_label(doc, i)) return true; /* "Witness 3 said", "Patient 7 told" */
    /* "US voice actor ...": capitals before lower-case words are an abbreviation, not a shouted
     * pronoun or function word */
    if ((t->flags & TF_ALLCAPS) && i + 1 < doc_ntok(doc) && (doc_tok(doc, i + 1)->flags & TF_LOWER) &&
        is_word_tok(doc_tok(doc, i + 1)))
      return true;
    if (cd_lex_has(CD_LEX_NAME_STOP_STARTS, s, n) || cd_is_pronoun(s, n) || cd_is_contracted_pronoun(s, tlen(t))) return false;
    /* "Epidemiologist Ann Hale said": a role opening the clause, common word or not, unless the
     * text capitalises it mid-sentence too (then it is someone's name) or it is a title too
     * ("Nurse", which the name keeps as its title) */
    if (person_descriptor(s, n) && !cd_capwords_has(cs, s, n) && !cd_is_job_title(s, n) &&
        !cd_is_courtesy_title(s, n))
      return false;
    /* "Singer-songwriter Velvet Ransom", "Co-author Tobias Renner": a hyphenated role */
    const char *hy = memchr(s, '-', n);
    if (hy && hy > s && (size_t)(hy - s) + 1 < n) {
      const char *last = s + n;
      while (last > hy + 1 && last[-1] != '-') last--;
      size_t ln = (size_t)(s + n - last);
      if (person_descriptor(last, ln) || cd_lex_has(CD_LEX_ROLE_NOUNS, last, ln)) return false;
      /* "Cross-examining the defendant, Ms Marsh asked", "Long-awaited plans": a hyphened
       * participle opening the clause before a lower-case word */
      const cd_token *u = i + 1 < doc_ntok(doc) ? doc_tok(doc, i + 1) : NULL;
      if (ln >= 4 && (CD_WORD_IS(last + ln - 3, 3, "ing") || CD_WORD_IS(last + ln - 2, 2, "ed")) && u && is_word_tok(u) &&
          (u->flags & TF_LOWER) && u->sent == t->sent)
        return false;
    }
    if (cd_is_common_word(s, n) && !cd_capwords_has(cs, s, n) && !cd_is_courtesy_title(s, n) &&
        !cd_is_job_title(s, n)) {
      /* "Politico reported", "Slate called it": an outlet whose name is an ordinary word, before a
       * verb of saying or of stance */
      const cd_token *v = i + 1 < doc_ntok(doc) ? doc_tok(doc, i + 1) : NULL;
      /* "Tom, 54, a hospital porter, said": a given name and an age, as people are introduced */
      if (!poss && cd_is_given_name(s, n) && cd_age_after(doc, i + 1)) return true;
      /* "Maria said she had told three friends": a given name that a verb of saying follows */
      if (!poss && cd_is_given_name(s, n) && v && is_word_tok(v) && (v->flags & TF_LOWER) && v->sent == t->sent &&
          cd_is_speech_verb(doc->config, tstr(doc, v), tlen(v)))
        return true;
      if (v && is_word_tok(v) && (v->flags & TF_LOWER) && cd_lex_has(CD_LEX_NEWS_OUTLETS, s, n) &&
          (cd_is_speech_verb(doc->config, tstr(doc, v), tlen(v)) || cd_is_stance_verb(tstr(doc, v), tlen(v))))
        return true;
      /* "Bill Gates": a common word that leads straight into a name; not a role ("Historian Ann
       * Hale", "Volunteer Rosa Delgado") or a verb of saying ("Said Hale:") before the name */
      if (i + 1 < doc_ntok(doc) && !cd_lex_has(CD_LEX_ROLE_NOUNS, s, n) && !person_descriptor(s, n) &&
          !cd_is_speech_verb(doc->config, s, n)) {
        const cd_token *u = doc_tok(doc, i + 1);
        bool p2;
        /* "Bill de Blasio": a given name, a particle in lower case and a surname */
        if (is_word_tok(u) && (u->flags & TF_LOWER) && u->start == cd_tok_end(t) + 1 && u->sent == t->sent &&
            cd_is_given_name(s, n) && particle_then_surname(doc, i + 1))
          return true;
        /* (in its sentence: "Ferry" closing a headline line leads into nothing on the next line) */
        if (is_word_tok(u) && (u->flags & TF_CAP) && u->start == cd_tok_end(t) + 1 && u->sent == t->sent) {
          size_t un = strip_possessive(doc, u, &p2);
          /* "Yahoo News", "Western Union", "State Department": a common word before an
           * organisation's head word names the organisation; a given name that is a common word
           * too ("Tom Bell", "Mark Green") opens a person's name; so does a word that begins
           * place names ("New Jersey", "Grand Rapids", "Fort Worth") */
          if (!cd_is_common_word(tstr(doc, u), un) || cd_lex_has(CD_LEX_ORG_WORDS, tstr(doc, u), un) ||
              cd_is_given_name(s, n) || cd_lex_has(CD_LEX_PLACE_NAME_STARTS, s, n))
            return true;
          /* "Marine Le Pen", "Rose Van Dyke": a capitalised particle and a surname after it */
          if (particle_then_surname(doc, i + 1)) return true;
        }
      }
      return false;
    }
  }
  return true;
}

/* Most tokens are no capitalised word: told apart here, without the call (the test above runs
 * once or more per token of the text). */
static inline bool name_word(const cd_doc *doc, const cd_capwords *cs, size_t i, bool in_chain) {
  const cd_token *t = doc_tok(doc, i);
  return is_word_tok(t) && (t->flags & TF_CAP) && capital_name_word(doc, cs, i, in_chain);
}

/* "St." or "Ste." ending the chain stands for Saint, and its stop stays inside the name, where it
 * opens the chain ("St. Louis", "St. Jean said") or follows a given name ("Dan St. Jean"); after
 * a street's name or number it is "Street" ("Main St.", "5th St."), and the name ends there. */
static bool saint_before(const cd_doc *doc, const chain_word *w, size_t n) {
  const cd_token *st = doc_tok(doc, w[n - 1].tok);
  const char *s = tstr(doc, st);
  if (!cd_is_saint_abbreviation(s, tlen(st))) return false;
  if (n >= 2) {
    const cd_token *g = doc_tok(doc, w[n - 2].tok);
    return cd_is_given_name(tstr(doc, g), tlen(g));
  }
  if (w[0].tok == 0) return true;
  const cd_token *before = doc_tok(doc, w[0].tok - 1); /* in this sentence: no paragraph reads another */
  unsigned char c0 = (unsigned char)doc->text[before->start];
  return !(before->sent == st->sent && is_word_tok(before) && c0 >= '0' && c0 <= '9');
}

/* An organisation or state word that "of" may continue: "Court of Justice", "Republic of the Congo".
 * Only once per chain, and never after a title ("Secretary of State" is a title, not a name). */
/* A body whose name goes on with "for" (British departments): a chain of its head word alone. */
static bool for_head(const cd_doc *doc, const chain_word *w, size_t n) {
  const cd_token *t = doc_tok(doc, w[n - 1].tok);
  return n == 1 && (CD_WORD_IS(tstr(doc, t), tlen(t), "department") || CD_WORD_IS(tstr(doc, t), tlen(t), "ministry") ||
                    CD_WORD_IS(tstr(doc, t), tlen(t), "office"));
}

static bool of_head(const cd_doc *doc, const chain_word *w, size_t n) {
  for (size_t k = 0; k < n; k++) {
    const cd_token *t = doc_tok(doc, w[k].tok);
    if (t->flags & TF_LOWER) return false; /* one "of" per chain */
    if (w[k].title_word) return false;
  }
  const cd_token *last = doc_tok(doc, w[n - 1].tok);
  size_t len = last->len;
  if (!cd_lex_has(CD_LEX_OF_HEADS, doc->text + last->start, len)) return false;
  /* "Court of Justice", "Bank of England"; but a lone "State" or "Party" begins too many phrases */
  return n >= 2 || !(CD_WORD_IS(doc->text + last->start, len, "state") || CD_WORD_IS(doc->text + last->start, len, "party"));
}

static bool is_title_word(const cd_doc *doc, const cd_token *t) {
  if (cd_is_courtesy_title(tstr(doc, t), tlen(t)) || cd_is_job_title(tstr(doc, t), tlen(t))) return true;
  /* "Fire Chief Luis Arellano", "Health Commissioner Tom Bell": the office's field before a title */
  size_t i = (size_t)(t - doc_tok(doc, 0));
  const cd_token *next = i + 1 < doc_ntok(doc) ? doc_tok(doc, i + 1) : NULL;
  if (next && is_word_tok(next) && (next->flags & TF_CAP) && next->sent == t->sent &&
      cd_lex_has(CD_LEX_OFFICE_MODIFIERS, tstr(doc, t), tlen(t)))
    return cd_is_job_title(tstr(doc, next), tlen(next));
  /* "Democrat Janelle Okafor", "Republican Grant Haskett": a party's member before a given name is
   * a label, as a title is (not "Republican Party", "Democrat Party") */
  /* (the word first, by its first letter and then the list; the given-name lookup last) */
  char c0 = (char)(tstr(doc, t)[0] | 0x20);
  if (next && (c0 == 'd' || c0 == 'r' || c0 == 'i' || c0 == 'l' || c0 == 'c' || c0 == 's' || c0 == 't') &&
      (t->flags & TF_CAP) && is_word_tok(next) && (next->flags & TF_CAP) && next->sent == t->sent &&
      next->start == cd_tok_end(t) + 1 &&
      cd_word_in(tstr(doc, t), tlen(t),
                 (const char *const[]){"democrat", "republican", "independent", "libertarian", "conservative", "liberal",
                                       "socialist", "tory", "labourite", NULL}) &&
      cd_is_given_name(tstr(doc, next), tlen(next)))
    return true;
  /* "Councilmembers Ana Ruiz and Bo Lind", "Senators Mitch McConnell and ...": a title in the
   * plural before a given name heads a list of its holders */
  if (next && tlen(t) > 3 && tstr(doc, t)[tlen(t) - 1] == 's' && (t->flags & TF_CAP) && is_word_tok(next) &&
      (next->flags & TF_CAP) && next->sent == t->sent && next->start == cd_tok_end(t) + 1 &&
      cd_is_job_title(tstr(doc, t), tlen(t) - 1) && cd_is_given_name(tstr(doc, next), tlen(next)))
    return true;
  /* "Sgt. 1st Class Marcus Delaney", "Petty Officer 2nd Class Ana Ruiz": a rank's class */
  if (next && i > 0 && CD_WORD_IS(tstr(doc, t), tlen(t), "class") && (t->flags & TF_CAP) &&
      doc_tok(doc, i - 1)->kind == TOK_NUMBER && doc_tok(doc, i - 1)->sent == t->sent)
    return true;
  /* "the Rt Hon Eleanor Rusbridge", "the Hon Mary Lowe": an honorific before a given name or after
   * "Rt", not the "Hon" of "Hon Hai" */
  if (next && CD_WORD_IS(tstr(doc, t), tlen(t), "hon") && (t->flags & TF_CAP) && is_word_tok(next) &&
      next->sent == t->sent)
    return cd_is_given_name(tstr(doc, next), tlen(next)) || cd_is_job_title(tstr(doc, next), tlen(next)) ||
           (i > 0 && CD_TOK_WORD_IS(doc, i - 1, "rt"));
  /* "Council Member Harriet Okonkwo-Bell", "Board Member Ana Ruiz": "Member" is a title before a
   * name, not before the common word of a body ("EU Member States") */
  if (next && CD_WORD_IS(tstr(doc, t), tlen(t), "member") && (t->flags & TF_CAP) && is_word_tok(next) &&
      (next->flags & TF_CAP) && next->sent == t->sent && next->start == cd_tok_end(t) + 1)
    return cd_is_given_name(tstr(doc, next), tlen(next)) || !cd_is_common_word(tstr(doc, next), tlen(next));
  /* British police ranks in capitals ("PC Gareth Evans", "DCI Ann Lee"), before a given name only:
   * not "PC World", "DC Comics" */
  static const char *const RANKS[] = {"PC", "PCSO", "DC", "DS", "DI", "DCI", "DSI", NULL};
  if (!(t->flags & TF_ALLCAPS) || tlen(t) > 4) return false; /* the ranks are short capitals */
  bool rank = false;
  for (size_t k = 0; RANKS[k] && !rank; k++) rank = tlen(t) == strlen(RANKS[k]) && memcmp(tstr(doc, t), RANKS[k], tlen(t)) == 0;
  if (!rank) return false;
  if (i + 1 >= doc_ntok(doc)) return false;
  const cd_token *g = doc_tok(doc, i + 1);
  return is_word_tok(g) && (g->flags & TF_CAP) && g->sent == t->sent && g->start == cd_tok_end(t) + 1 &&
         cd_is_given_name(tstr(doc, g), tlen(g));
}

/* The office a title's "of" names, opening the chain after it: "Secretary of State John F. Kerry",
 * "Secretary of Homeland Security Ana Lind". Its common words ("State", "Homeland", "Security")
 * belong to the title, up to the first given name or word that is no common word: the name. */
static bool office_word(const cd_doc *doc, const chain_word *w, size_t n, size_t i) {
  size_t first = n ? w[0].tok + 2 : i; /* past the title and "of" once they lead the chain */
  if (n && !(w[0].title_word && n >= 2 && w[1].tok == w[0].tok + 1 && (doc_tok(doc, w[1].tok)->flags & TF_LOWER)))
    return false;
  if (first < 2) return false;
  const cd_token *of = doc_tok(doc, first - 1), *title = doc_tok(doc, first - 2), *t = doc_tok(doc, i);
  /* the title, "of" and the office in one sentence: "Secretary" ending a paragraph opens no name
   * in the next */
  if (!is_word_tok(of) || !CD_WORD_IS(tstr(doc, of), tlen(of), "of") || of->sent != t->sent ||
      title->sent != t->sent || !is_word_tok(title) || !(title->flags & TF_CAP) || !is_title_word(doc, title))
    return false;
  for (size_t k = 0; k < n; k++)
    if (!w[k].title_word) return false; /* the name has begun */
  bool poss;
  size_t len = strip_possessive(doc, t, &poss);
  const char *s = tstr(doc, t);
  /* "Minister of State Tan Wei Ming": a family name written first, with two more capitalised
   * words after it, begins the name, common word or not */
  if (cd_lex_has(CD_LEX_FAMILY_FIRST_SURNAMES, s, len) && i + 2 < doc_ntok(doc) &&
      (doc_tok(doc, i + 1)->flags & TF_CAP) && (doc_tok(doc, i + 2)->flags & TF_CAP) &&
      doc_tok(doc, i + 2)->sent == t->sent)
    return false;
  return !poss && cd_is_common_word(s, len) && !cd_is_given_name(s, len);
}

/* An age set off by commas right after a name: ", 9," or ", 67,", the way a person is introduced. */
bool cd_age_after(const cd_doc *doc, size_t i) {
  if (i + 2 >= doc_ntok(doc)) return false;
  const cd_token *c1 = doc_tok(doc, i), *num = doc_tok(doc, i + 1), *c2 = doc_tok(doc, i + 2);
  if (!(c1->kind == TOK_PUNCT && doc->text[c1->start] == ',') || num->kind != TOK_NUMBER || num->len > 3 ||
      !(c2->kind == TOK_PUNCT && doc->text[c2->start] == ',') || num->sent != c1->sent || c2->sent != c1->sent)
    return false;
  for (size_t k = 0; k < num->len; k++)
    if (doc->text[num->start + k] < '0' || doc->text[num->start + k] > '9') return false;
  return true;
}

/* "Brandt said he was ...", "Lind told reporters that she ...": a verb of saying right after the
 * name (token e on), then "he" or "she" (past "that"), in the name's sentence: 1 a man, 2 a woman,
 * 0 none. */
static uint8_t said_gender_after(const cd_doc *doc, size_t e, uint32_t sent) {
  if (e + 1 >= doc_ntok(doc)) return 0;
  const cd_token *v = doc_tok(doc, e);
  if (!is_word_tok(v) || !(v->flags & TF_LOWER) || v->sent != sent) return 0;
  /* the pronoun first: asked of every name, and "he" or "she" two words on is rare */
  size_t p = e + 1;
  const cd_token *t = doc_tok(doc, p);
  if (is_word_tok(t) && tlen(t) == 4 && CD_WORD_IS(tstr(doc, t), tlen(t), "that") && p + 1 < doc_ntok(doc))
    t = doc_tok(doc, ++p);
  if (!is_word_tok(t) || t->sent != sent || tlen(t) > 3) return 0;
  uint8_t g = CD_WORD_IS(tstr(doc, t), tlen(t), "he") ? 1 : CD_WORD_IS(tstr(doc, t), tlen(t), "she") ? 2 : 0;
  return g && cd_is_speech_verb(doc->config, tstr(doc, v), tlen(v)) ? g : 0;
}

/* ", a 16-year-old": an appositive of age at token i (the comma), in one sentence. */
static bool years_old_after(const cd_doc *doc, size_t i) {
  if (i + 2 >= doc_ntok(doc)) return false;
  const cd_token *c = doc_tok(doc, i), *a = doc_tok(doc, i + 1), *n = doc_tok(doc, i + 2);
  if (c->kind != TOK_PUNCT || doc->text[c->start] != ',' || !is_word_tok(a) || a->sent != c->sent ||
      n->sent != c->sent || !(CD_WORD_IS(tstr(doc, a), tlen(a), "a") || CD_WORD_IS(tstr(doc, a), tlen(a), "an")))
    return false;
  /* "16-year-old", one token or several: the bytes from the number on */
  const char *s = tstr(doc, n), *end = doc->text + doc->len;
  if (s >= end || *s < '0' || *s > '9') return false;
  while (s < end && *s >= '0' && *s <= '9') s++;
  return end - s >= 9 && memcmp(s, "-year-old", 9) == 0;
}

/* ", Harsono, who like many Indonesians uses only one name,": a one-word name set off between
 * commas with "who" after it is someone's (a body takes "which"). Token i: the name's. */
static bool who_after_apposed(const cd_doc *doc, size_t i) {
  size_t n = doc_ntok(doc);
  if (i == 0 || i + 2 >= n) return false;
  const cd_token *b = doc_tok(doc, i - 1), *c = doc_tok(doc, i + 1), *w = doc_tok(doc, i + 2);
  return b->kind == TOK_PUNCT && doc->text[b->start] == ',' && c->kind == TOK_PUNCT && doc->text[c->start] == ',' &&
         is_word_tok(w) && w->sent == c->sent && b->sent == c->sent && CD_WORD_IS(tstr(doc, w), tlen(w), "who");
}

/* ", an agency spokesman who", ", a retired teacher,": an appositive of a person's role at token i
 * (the comma): an article, at most three words, and a noun of a person's role that ends the phrase.
 * It makes a lone name a person's ("Sutrisno, an agency spokesman"); nouns a company may also be
 * ("a market leader", "the owner of") are left out. */
static bool role_after(const cd_doc *doc, size_t i) {
  static const char *const COMPANY_TOO[] = {"leader", "owner", "head", "star", "host", "anchor", "chief", "general",
                                            "executive", "player", "king", "queen", "prince", "princess", NULL};
  static const char *const ENDS[] = {"who", "for", "at", "with", "and", NULL};
  size_t n = doc_ntok(doc);
  if (i + 2 >= n) return false;
  const cd_token *c = doc_tok(doc, i), *a = doc_tok(doc, i + 1);
  if (c->kind != TOK_PUNCT || doc->text[c->start] != ',' || !is_word_tok(a) || a->sent != c->sent ||
      !(CD_WORD_IS(tstr(doc, a), tlen(a), "a") || CD_WORD_IS(tstr(doc, a), tlen(a), "an") ||
        CD_WORD_IS(tstr(doc, a), tlen(a), "the")))
    return false;
  for (size_t k = i + 2; k < n && k < i + 6; k++) {
    const cd_token *t = doc_tok(doc, k);
    if (!is_word_tok(t) || t->sent != c->sent) return false;
    if (!(t->flags & TF_LOWER) || !cd_lex_has(CD_LEX_ROLE_NOUNS, tstr(doc, t), tlen(t))) continue;
    if (cd_word_in(tstr(doc, t), tlen(t), COMPANY_TOO)) return false;
    if (k + 1 >= n) return true;
    const cd_token *after = doc_tok(doc, k + 1);
    if (after->sent != t->sent) return true;
    if (after->kind == TOK_PUNCT) return doc->text[after->start] == ',' || doc->text[after->start] == '.' ||
                                         doc->text[after->start] == ';';
    return is_word_tok(after) && cd_word_in(tstr(doc, after), tlen(after), ENDS);
  }
  return false;
}

/* "identified only by his first name, Ray,", "gave his name only as Yusuf", "identified only as
 * Tevita": a lone name the sentence gives as someone's name (a person's), right after "name," or
 * after "as" with "name" or "identified" among the four words before it. The gender that "his"
 * or "her" there gives, through *gender (1 a man, 2 a woman, 0 unknown). */
static bool given_as_name(const cd_doc *doc, size_t f, uint8_t *gender) {
  *gender = 0;
  if (f < 2) return false;
  const cd_token *p = doc_tok(doc, f - 1), *q = doc_tok(doc, f - 2);
  size_t from;
  if (p->kind == TOK_PUNCT && doc->text[p->start] == ',' && is_word_tok(q) && CD_WORD_IS(tstr(doc, q), tlen(q), "name"))
    from = f - 2;
  else if (is_word_tok(p) && CD_WORD_IS(tstr(doc, p), tlen(p), "as")) {
    from = CD_NONE;
    for (size_t k = f - 1; k > 0 && k + 5 > f && from == CD_NONE; k--) {
      const cd_token *t = doc_tok(doc, k - 1);
      if (!is_word_tok(t) || t->sent != p->sent) break;
      if (CD_WORD_IS(tstr(doc, t), tlen(t), "name") || CD_WORD_IS(tstr(doc, t), tlen(t), "identified")) from = k - 1;
    }
    if (from == CD_NONE) return false;
  } else if (is_word_tok(p) && (CD_WORD_IS(tstr(doc, p), tlen(p), "called") || CD_WORD_IS(tstr(doc, p), tlen(p), "named")) &&
             is_word_tok(q) && (q->flags & TF_LOWER) && q->sent == p->sent) {
    /* "a listener called Sophie", "a woman named Maria": a given name the lists know */
    const cd_token *g = doc_tok(doc, f);
    if (cd_lex_has(CD_LEX_GIVEN_NAMES_FEMALE, tstr(doc, g), tlen(g))) *gender = 2;
    else if (cd_lex_has(CD_LEX_GIVEN_NAMES_MALE, tstr(doc, g), tlen(g))) *gender = 1;
    return *gender != 0;
  } else {
    return false;
  }
  for (size_t k = from; k > 0 && k + 4 > from; k--) {
    const cd_token *t = doc_tok(doc, k - 1);
    if (!is_word_tok(t) || t->sent != p->sent) break;
    if (CD_WORD_IS(tstr(doc, t), tlen(t), "his") || CD_WORD_IS(tstr(doc, t), tlen(t), "himself")) *gender = 1;
    if (CD_WORD_IS(tstr(doc, t), tlen(t), "her") || CD_WORD_IS(tstr(doc, t), tlen(t), "herself")) *gender = 2;
  }
  return true;
}

/* "in Varno", "near Kessler": a preposition of place right before token f, in its sentence. */
static bool place_preposition_before(const cd_doc *doc, size_t f) {
  static const char *const PLACE[] = {"in", "near", "outside", "across", "around", "throughout", "inside", "into", NULL};
  if (f == 0 || f >= doc_ntok(doc)) return false;
  const cd_token *p = doc_tok(doc, f - 1);
  return is_word_tok(p) && (p->flags & TF_LOWER) && tlen(p) <= 10 && p->sent == doc_tok(doc, f)->sent &&
         cd_word_in(tstr(doc, p), tlen(p), PLACE);
}

/* A relative's noun ("wife", "son", "cousin"): the gender it gives (1 a man, 2 a woman, 0 either),
 * or -1 for none. */
int cd_kin_noun(const char *w, size_t n) {
  static const char *const MEN[] = {"husband",  "son",     "father",  "brother",   "widower",     "grandson",
                                    "nephew",   "stepson", "fiance",  "fiancé",    "boyfriend",   "grandfather",
                                    "uncle",    "stepfather", "father-in-law", "son-in-law", "brother-in-law", NULL};
  static const char *const WOMEN[] = {"wife",   "daughter", "mother", "sister", "widow", "granddaughter", "niece",
                                      "stepdaughter", "fiancee", "fiancée", "girlfriend", "grandmother", "aunt",
                                      "stepmother", "mother-in-law", "daughter-in-law", "sister-in-law", NULL};
  /* (not "partner": "its partner, Boeing," is a company) */
  static const char *const EITHER[] = {"cousin", "spouse", "child", NULL};
  return cd_word_in(w, n, MEN) ? 1 : cd_word_in(w, n, WOMEN) ? 2 : cd_word_in(w, n, EITHER) ? 0 : -1;
}

/* A relative's noun and a comma right before token f ("his wife, Jane", "her son, Malik"), or the
 * noun after a possessive with no comma ("his granddaughter Keisha"): the
 * gender the noun gives (cd_kin_noun), or -1 for no relative. Reads the name's sentence only (a
 * kept paragraph's mentions must not depend on another's words). */
int cd_kin_before(const cd_doc *doc, size_t f) {
  if (f < 2 || f >= doc_ntok(doc)) return -1;
  /* "His granddaughter Keisha": the noun right before, after a possessive, with no comma */
  const cd_token *prev = doc_tok(doc, f - 1);
  if (is_word_tok(prev) && (prev->flags & TF_LOWER) && prev->len >= 3 && prev->len <= 13 && prev->sent == doc_tok(doc, f)->sent) {
    /* the possessive first: two to five letters, asked before the lists of relatives */
    static const char *const WHOSE[] = {"his", "her", "their", "my", "our", NULL};
    const cd_token *whose = doc_tok(doc, f - 2);
    if (!is_word_tok(whose) || whose->len < 2 || whose->len > 5 || whose->sent != prev->sent ||
        !cd_word_in(tstr(doc, whose), tlen(whose), WHOSE))
      return -1;
    return cd_kin_noun(tstr(doc, prev), tlen(prev));
  }
  /* the comma first: asked of most names, and most have none before them */
  const cd_token *comma = doc_tok(doc, f - 1), *noun = doc_tok(doc, f - 2);
  if (!(comma->kind == TOK_PUNCT && doc->text[comma->start] == ',') || !is_word_tok(noun) || !(noun->flags & TF_LOWER) ||
      noun->len < 3 || noun->len > 13 || noun->sent != doc_tok(doc, f)->sent)
    return -1;
  if (f >= 3 && doc_tok(doc, f - 3)->sent == doc_tok(doc, f)->sent && CD_TOK_WORD_IS(doc, f - 3, "its"))
    return -1;
  return cd_kin_noun(tstr(doc, noun), tlen(noun));
}

/* "the younger daughter of Donald Tollervey", "the widow of", "she married Frank Colterman": a name
 * brought in as a relative of someone named before; like "his wife, Jane", it leaves that person's
 * surname to them. */
static bool child_of_before(const cd_doc *doc, size_t f) {
  static const char *const CHILD[] = {"daughter", "son", "child", "grandson", "granddaughter", "grandchild",
                                      "stepdaughter", "stepson", NULL};
  if (f < 2) return false;
  /* "the year after she married Frank Colterman" */
  if (CD_TOK_WORD_IS(doc, f - 1, "married") && doc_tok(doc, f - 1)->sent == doc_tok(doc, f)->sent) return true;
  if (!CD_TOK_WORD_IS(doc, f - 1, "of")) return false;
  const cd_token *n = doc_tok(doc, f - 2);
  return is_word_tok(n) && (n->flags & TF_LOWER) && n->sent == doc_tok(doc, f)->sent &&
         (cd_word_in(tstr(doc, n), tlen(n), CHILD) || cd_kin_noun(tstr(doc, n), tlen(n)) >= 0);
}

/* m follows p in its sentence after "and", past at most an appositive set off by commas after p
 * (", a lobster fisherman, and"): the second of a pair p opens. */
static bool second_of_pair(const cd_doc *doc, const cd_name_mention *p, const cd_name_mention *m) {
  if (p->sent != m->sent || m->first_tok < p->end_tok + 1 || m->first_tok > p->end_tok + 12 ||
      !CD_TOK_WORD_IS(doc, m->first_tok - 1, "and"))
    return false;
  size_t k = p->end_tok;
  if (k + 1 == m->first_tok) return true; /* "of Donald and Morag Tollervey" */
  if (!(doc_tok(doc, k)->kind == TOK_PUNCT && doc->text[doc_tok(doc, k)->start] == ',')) return false;
  const cd_token *c = doc_tok(doc, m->first_tok - 2); /* the appositive's closing comma */
  if (!(c->kind == TOK_PUNCT && doc->text[c->start] == ',')) return false;
  for (size_t j = k + 1; j + 2 < m->first_tok; j++)
    if (doc_tok(doc, j)->kind != TOK_WORD) return false;
  return true;
}

/* "Harold and Betty Kowalczyk", "Their parents, Segun and Abimbola Adeyemi,": lone given name m,
 * "and", and full name p right after it in its sentence share p's surname. The given names are
 * in the lists, or a plural noun of people introduces the pair. Set on m
 * when p is made (so a kept paragraph keeps it with its mentions). */
static bool couple_of(const cd_doc *doc, const cd_name_mention *m, const cd_name_mention *p) {
  static const char *const PEOPLE[] = {"parents", "grandparents", "couple", "brothers", "sisters", "siblings", "twins",
                                       "sons", "daughters", "founders", "owners", "partners", NULL};
  if (m->end_tok + 1 >= doc_ntok(doc) || doc_tok(doc, m->end_tok)->len != 3) return false;
  if (m->kind != MK_NAME || m->n_parts != 1 || m->title.start != CD_NONE32 || m->in_quote || m->possessive) return false;
  const cd_token *and = doc_tok(doc, m->end_tok);
  if (!is_word_tok(and) || !CD_WORD_IS(tstr(doc, and), tlen(and), "and") || p->first_tok != m->end_tok + 1 ||
      p->kind != MK_NAME || p->n_parts != 2 || p->title.start != CD_NONE32 || p->sent != m->sent)
    return false;
  const cd_token *g1 = doc_tok(doc, m->first_tok), *g2 = doc_tok(doc, p->first_tok);
  /* (the lone word a given name: "Quiros and William Stenger" are two people) */
  if (cd_is_given_name(tstr(doc, g1), tlen(g1)) && cd_is_given_name(tstr(doc, g2), tlen(g2))) return true;
  /* the noun among the four words before the pair ("Their parents, Segun and ...", "the brothers it
   * refers to, Joaquim and ...") */
  for (size_t k = m->first_tok; k > 0 && k + 5 > m->first_tok; k--) {
    const cd_token *t = doc_tok(doc, k - 1);
    if (t->sent != m->sent) break;
    if (is_word_tok(t) && (t->flags & TF_LOWER) && cd_word_in(tstr(doc, t), tlen(t), PEOPLE)) return true;
  }
  return false;
}

size_t cd_couple_partner(const cd_doc *doc, size_t mi) {
  return mi + 1 < doc->mentions.len && CD_VEC_AT(&doc->mentions, cd_name_mention, mi)->couple ? mi + 1 : CD_NONE;
}

/* Honours and offices written after a name, in capitals: "MP", "KC", "OBE". */
bool cd_post_nominal(const cd_doc *doc, const cd_token *t) {
  /* honours, and the members of parliaments and assemblies: the Dáil's TD, the Senedd's MS, Tynwald's
   * MHK, Australian upper houses' MLC, Quebec's MNA */
  static const char *const LETTERS[] = {"AM",  "CBE", "DBE", "KBE", "KC",  "MBE", "MEP", "MHA", "MHK", "MHR", "MLA",
                                        "MLC", "MNA", "MP",  "MPP", "MS",  "MSP", "OBE", "QC",  "SC",  "TD",  NULL};
  if (!(t->flags & TF_ALLCAPS) || tlen(t) > 3) return false;
  for (size_t k = 0; LETTERS[k]; k++)
    if (tlen(t) == strlen(LETTERS[k]) && memcmp(tstr(doc, t), LETTERS[k], tlen(t)) == 0) return true;
  return false;
}

/* "Jr.", "III": a generation after the surname, no surname itself */
static bool name_suffix(const cd_doc *doc, const cd_token *t) {
  return (t->flags & TF_CAP) && cd_is_name_suffix(tstr(doc, t), tlen(t));
}

/* "the Lakeview Wolves", "the Mariners", "the Congressional Black Caucus": "the" before a name that
 * ends in an ordinary word with an s, as plurals do, names a team or a group, never one person; not
 * "the Banks family", "the John Adams administration" (a family's name before its noun; a given
 * name first). */
static bool the_plural_group(const cd_doc *doc, size_t first, size_t last) {
  static const char *const FAMILY_NOUNS[] = {"family",   "families", "administration", "campaign", "household",
                                             "estate",   "children", "brothers",       "sisters",  "twins",
                                             "clan",     "era",      "case",           "trial",    "home",
                                             "house",    "name",     "surname",        "foundation", NULL};
  if (first == 0 || last + 1 >= doc_ntok(doc)) return false;
  const cd_token *the = doc_tok(doc, first - 1), *a = doc_tok(doc, first), *z = doc_tok(doc, last),
                 *after = doc_tok(doc, last + 1);
  if (!is_word_tok(the) || the->sent != z->sent || !CD_WORD_IS(tstr(doc, the), tlen(the), "the")) return false;
  if (is_word_tok(after) && after->sent == z->sent && cd_word_in(tstr(doc, after), tlen(after), FAMILY_NOUNS))
    return false;
  if (a != z && cd_is_given_name(tstr(doc, a), tlen(a))) return false;
  const char *s = tstr(doc, z);
  size_t n = tlen(z);
  if (n < 4 || s[n - 1] != 's' || s[n - 2] == 's' || s[n - 2] == '\'' || (z->flags & TF_ALLCAPS)) return false;
  /* "the United States": a place, which names no group that speaks */
  return cd_is_common_word(s, n) && !cd_is_given_name(s, n) && !cd_is_not_person_word(s, n);
}

/* "the Lumora Desk is", "at the Corran Playhouse.": a name after "the" that stands alone (a
 * punctuation mark or a verb after it, not a noun it modifies as in "the Obama administration") is
 * a thing's or a place's; people are not written with the article. Not "the Dalai Lama said": a
 * verb of saying after it leaves the name as it is. */
static bool the_singular_thing(const cd_doc *doc, size_t first, size_t last) {
  static const char *const VERBS[] = {"is",   "was", "has",   "had",  "will", "would", "can", "could",
                                      "may",  "might", "does", "did", "opened", "closed", "sells", "makes",
                                      "costs", "runs", "stands", "sits", "seats", NULL};
  if (first == 0 || last + 1 >= doc_ntok(doc)) return false;
  const cd_token *the = doc_tok(doc, first - 1), *a = doc_tok(doc, first), *z = doc_tok(doc, last),
                 *after = doc_tok(doc, last + 1);
  if (!is_word_tok(the) || the->sent != z->sent || !CD_WORD_IS(tstr(doc, the), tlen(the), "the")) return false;
  if (cd_is_given_name(tstr(doc, a), tlen(a)) || (z->flags & TF_ALLCAPS)) return false;
  if (after->sent != z->sent) return true; /* the sentence ends with it */
  if (after->kind == TOK_PUNCT) {
    char c = doc->text[after->start];
    return c == '.' || c == ',' || c == ';' || c == ')';
  }
  return is_word_tok(after) && cd_word_in(tstr(doc, after), tlen(after), VERBS);
}

/* "for Pruett and Calvert counties", "the Ohio and Muskingum rivers": names that a plural noun of
 * places after them (past "and" and another name) makes places. */
/* "on Orchard Lane", "at 12 Mill Close": a street whose last word is also a surname (street_words.txt:
 * "Lane", "Close", "Row"), placed by a preposition of place or a house number, and not opened by a
 * given name ("Nathan Lane"). Streets whose word is no surname ("Street", "Road") are places by
 * their word alone (not_person_words.txt). */
static bool street_named(const cd_doc *doc, size_t f, size_t last) {
  static const char *const ON[] = {"on", "off", "along", "at", "in", "near", "down", "up", "from", NULL};
  const cd_token *z = doc_tok(doc, last), *a = doc_tok(doc, f);
  if (last == f || !cd_lex_has(CD_LEX_STREET_WORDS, tstr(doc, z), tlen(z)) || cd_is_given_name(tstr(doc, a), tlen(a)) || f == 0)
    return false;
  const cd_token *p = doc_tok(doc, f - 1);
  if (p->sent != a->sent) return false;
  return p->kind == TOK_NUMBER || (is_word_tok(p) && (p->flags & TF_LOWER) && cd_word_in(tstr(doc, p), tlen(p), ON));
}

/* "Da Rosaria", "Chez Marguerite": a restaurant or shop named for someone by her given name, not a
 * person ("Da Silva" is a surname, and "Lula da Silva" opens with a given name). Two words: "Chez"
 * and any name, or "Da" and a given name. */
/* "Nadia al-Khatib, of Harwell Lane Chambers,": a person's full name, a comma and "of" right before
 * the name make it where she works or lives, no second person (m is the newest mention; the one
 * before it is read in the same sentence). */
static bool affiliation_after_name(const cd_doc *doc, const cd_name_mention *m) {
  if (doc->mentions.len < 2 || m->first_tok < 2) return false;
  const cd_name_mention *p = CD_VEC_AT(&doc->mentions, cd_name_mention, doc->mentions.len - 2);
  const cd_token *comma = doc_tok(doc, m->first_tok - 2), *of = doc_tok(doc, m->first_tok - 1);
  return p->end_tok + 2 == m->first_tok && p->sent == m->sent && p->n_parts >= 2 && !p->org_hint && !p->thing_hint &&
         !p->possessive && comma->kind == TOK_PUNCT && doc->text[comma->start] == ',' && comma->sent == m->sent &&
         is_word_tok(of) && CD_WORD_IS(tstr(doc, of), tlen(of), "of");
}

static bool venue_named(const cd_doc *doc, size_t f, size_t e) {
  if (e < f + 2) return false;
  const cd_token *a = doc_tok(doc, f), *b = doc_tok(doc, f + 1);
  if (!is_word_tok(a) || !is_word_tok(b) || !(a->flags & TF_CAP) || !(b->flags & TF_CAP)) return false;
  /* "Il Faro", "Il Messaggero", "Gli Amici": an Italian article opens a restaurant's or a paper's
   * name, no person's ("Le Pen", "La Russa", "El Greco" and "Les Paul" are people's) */
  if (CD_WORD_IS(tstr(doc, a), tlen(a), "il") || CD_WORD_IS(tstr(doc, a), tlen(a), "gli")) return true;
  if (e != f + 2) return false;
  if (CD_WORD_IS(tstr(doc, a), tlen(a), "chez")) return true;
  return CD_WORD_IS(tstr(doc, a), tlen(a), "da") && cd_is_given_name(tstr(doc, b), tlen(b));
}

/* "Taqueria La Esquina, 305 Weller St.": a street address right after the name (a comma, a number,
 * up to three capitalised words and a street's word) makes it a place or a business, not a person. */
static bool address_after(const cd_doc *doc, size_t e) {
  static const char *const STREETS[] = {"avenue", "ave", "blvd", "boulevard", "court", "ct", "dr", "drive",
                                        "highway", "hwy", "lane", "ln", "parkway", "pkwy", "pl", "place", "rd",
                                        "road", "square", "st", "street", "terrace", "way", NULL};
  size_t n = doc_ntok(doc);
  if (e + 3 >= n || doc_tok(doc, e)->kind != TOK_PUNCT || doc->text[doc_tok(doc, e)->start] != ',' ||
      doc_tok(doc, e + 1)->kind != TOK_NUMBER || doc_tok(doc, e + 1)->sent != doc_tok(doc, e)->sent)
    return false;
  for (size_t k = e + 2; k < n && k < e + 6; k++) {
    const cd_token *t = doc_tok(doc, k);
    if (!is_word_tok(t) || !(t->flags & TF_CAP) || t->sent != doc_tok(doc, e)->sent) return false;
    if (k > e + 2 && cd_word_in(tstr(doc, t), tlen(t), STREETS)) return true; /* (any case: "St") */
  }
  return false;
}

static bool places_after(const cd_doc *doc, size_t e) {
  static const char *const PLACES[] = {"counties", "rivers", "states", "islands", "lakes", "streets", "roads",
                                       "avenues", "valleys", "mountains", "districts", "provinces", "parishes",
                                       "townships", "boroughs", "regions", "creeks", "bays", NULL};
  size_t n = doc_ntok(doc), k = e;
  if (k + 1 < n && CD_TOK_WORD_IS(doc, k, "and")) {
    k++;
    while (k < n && k < e + 5 && is_word_tok(doc_tok(doc, k)) && (doc_tok(doc, k)->flags & TF_CAP)) k++;
  }
  if (k >= n || !is_word_tok(doc_tok(doc, k))) return false;
  const cd_token *t = doc_tok(doc, k);
  return (t->flags & TF_LOWER) && t->sent == doc_tok(doc, e > 0 ? e - 1 : 0)->sent && cd_word_in(tstr(doc, t), tlen(t), PLACES);
}

/* "the northern town of Monte Claro", "the province of Santa Fe": a place's noun and "of" before
 * the name make it the place, whatever given name its first word is. */
static bool place_noun_of_before(const cd_doc *doc, size_t f) {
  static const char *const PLACES[] = {"town",     "city",   "village", "province", "region", "district", "county",
                                       "island",   "port",   "borough", "hamlet",   "suburb", "township", "municipality",
                                       "state",    "parish", "commune", "oblast",   NULL};
  if (f < 2 || f >= doc_ntok(doc)) return false;
  const cd_token *of = doc_tok(doc, f - 1), *noun = doc_tok(doc, f - 2);
  return is_word_tok(of) && CD_WORD_IS(tstr(doc, of), tlen(of), "of") && is_word_tok(noun) && (noun->flags & TF_LOWER) &&
         noun->sent == doc_tok(doc, f)->sent && cd_word_in(tstr(doc, noun), tlen(noun), PLACES);
}

/* "José Ferreira Lima, who is known throughout the valley as Zezinho", "Earvin Johnson, nicknamed
 * Magic": a lone name m after "known ... as" or "nicknamed", which the name mention just before it
 * in its sentence (`prev`) ends at most four tokens before (CD_KNOWN_AS_PREV: that name is the one
 * it stands for); or after a verb of calling in a clause of "whom", "everyone", "friends"
 * (CD_KNOWN_AS_CALLED: a place may be named in the clause, between the two). 0 for neither. Read
 * from the mentions of m's sentence only, so a kept paragraph's mentions keep it. */
static uint8_t known_as_after(const cd_doc *doc, const cd_name_mention *m, const cd_name_mention *prev) {
  size_t f = m->first_tok;
  if (!prev || m->n_parts != 1 || m->title.start != CD_NONE32 || f < 2) return 0;
  /* "Mick, as he has been known since he was a boy, came home": the name that opens the sentence
   * after the full one, and the clause after it that says so */
  /* (in one paragraph: a keystroke keeps a paragraph's mentions whole, and reads no other's) */
  if (prev->sent + 1 == m->sent && f == CD_VEC_AT(&doc->sentences, cd_sentence, m->sent)->first_tok &&
      CD_VEC_AT(&doc->sentences, cd_sentence, prev->sent)->para == CD_VEC_AT(&doc->sentences, cd_sentence, m->sent)->para) {
    size_t k = m->end_tok;
    const cd_sentence *s = CD_VEC_AT(&doc->sentences, cd_sentence, m->sent);
    if (k + 3 < s->end_tok && doc->text[doc_tok(doc, k)->start] == ',' && CD_TOK_WORD_IS(doc, k + 1, "as"))
      for (size_t j = k + 2; j < s->end_tok && j < k + 7; j++)
        if (CD_TOK_WORD_IS(doc, j, "known")) return CD_KNOWN_AS_PREV;
    return 0;
  }
  if (prev->sent != m->sent) return 0;
  const cd_token *as = doc_tok(doc, f - 1);
  size_t mark = CD_NONE; /* the token of "known" or "nicknamed" */
  if (is_word_tok(as) && CD_WORD_IS(tstr(doc, as), tlen(as), "nicknamed")) mark = f - 1;
  else if (is_word_tok(as) && CD_WORD_IS(tstr(doc, as), tlen(as), "as"))
    for (size_t k = f - 1; k > 0 && k + 6 > f && mark == CD_NONE; k--) {
      const cd_token *t = doc_tok(doc, k - 1);
      if (t->sent != m->sent || !is_word_tok(t)) break;
      if (CD_WORD_IS(tstr(doc, t), tlen(t), "known")) mark = k - 1;
    }
  if (mark != CD_NONE && prev->end_tok <= mark && mark <= (size_t)prev->end_tok + 4) return CD_KNOWN_AS_PREV;
  /* "Eleanor Varga, whom everyone in Castelle calls Nell": the verb of calling right before the
   * name, a "who(m)", "everyone" or "friends" a few words before it */
  size_t v = f - 1;
  if (CD_TOK_WORD_IS(doc, v, "him") || CD_TOK_WORD_IS(doc, v, "her"))
    v--;
  const cd_token *vt = doc_tok(doc, v);
  if (!is_word_tok(vt) || !(CD_WORD_IS(tstr(doc, vt), tlen(vt), "calls") || CD_WORD_IS(tstr(doc, vt), tlen(vt), "call") ||
                            CD_WORD_IS(tstr(doc, vt), tlen(vt), "called")))
    return 0;
  for (size_t k = v; k > 0 && k + 6 > v; k--) {
    const cd_token *t = doc_tok(doc, k - 1);
    if (t->sent != m->sent) break;
    if (is_word_tok(t) && (CD_WORD_IS(tstr(doc, t), tlen(t), "whom") || CD_WORD_IS(tstr(doc, t), tlen(t), "who") ||
                           CD_WORD_IS(tstr(doc, t), tlen(t), "everyone") || CD_WORD_IS(tstr(doc, t), tlen(t), "everybody") ||
                           CD_WORD_IS(tstr(doc, t), tlen(t), "friends")))
      return CD_KNOWN_AS_CALLED;
  }
  return 0;
}

/* Does mention m's sentence say the person is dead: "the late" just before the name, or "died",
 * "killed" or "funeral" in the twelve words after it? (Others' deaths may be meant: the answer only
 * keeps the entities pass from passing a surname over to a relative.) */
static bool deceased_at(const cd_doc *doc, const cd_name_mention *m) {
  const cd_sentence *s = CD_VEC_AT(&doc->sentences, cd_sentence, m->sent);
  for (size_t k = m->first_tok; k > s->first_tok && m->first_tok - k < 3; k--) {
    const cd_token *t = doc_tok(doc, k - 1);
    if (is_word_tok(t) && (t->flags & TF_LOWER) && CD_WORD_IS(tstr(doc, t), tlen(t), "late")) return true;
  }
  for (size_t k = m->end_tok; k < s->end_tok && k < m->end_tok + 12; k++) {
    const cd_token *t = doc_tok(doc, k);
    if (is_word_tok(t) && (t->flags & TF_LOWER) &&
        (CD_WORD_IS(tstr(doc, t), tlen(t), "died") || CD_WORD_IS(tstr(doc, t), tlen(t), "killed") ||
         CD_WORD_IS(tstr(doc, t), tlen(t), "funeral")))
      return true;
  }
  return false;
}

static void emit(cd_doc *doc, const chain_word *chain, size_t n, bool possessive) {
  chain_word w[16];
  if (n > sizeof w / sizeof w[0]) n = sizeof w / sizeof w[0];
  memcpy(w, chain, n * sizeof *w);
  /* "Patrick Dunmore MP", "Helena Strachan KC": letters after a name of two words or more are no part
   * of it */
  while (n >= 3 && cd_post_nominal(doc, doc_tok(doc, w[n - 1].tok))) n--;
  /* "Martin Luther King Jr.": a title word between a given name and a generation is the surname */
  bool suffixed = n >= 2 && name_suffix(doc, doc_tok(doc, w[n - 1].tok));
  if (suffixed && n >= 3 && w[n - 2].title_word) {
    bool names = true; /* the words before it name someone: no title among them, a given name first */
    for (size_t k = 0; k + 2 < n; k++) names = names && !w[k].title_word;
    const cd_token *g = doc_tok(doc, w[0].tok);
    if (names && cd_is_given_name(tstr(doc, g), tlen(g))) w[n - 2].title_word = false;
  }
  /* trailing title words name no one: "a sitting U.S. Senator" is a mention of "U.S." only, and a chain
   * of titles alone ("Vice President") is no name */
  /* but a courtesy title names the surname after it, even one that is a title word: "Mr. King" */
  bool courtesy_surname = n >= 2 && w[n - 2].title_word && !cd_is_courtesy_title(tstr(doc, doc_tok(doc, w[n - 1].tok)), tlen(doc_tok(doc, w[n - 1].tok))) &&
                          cd_is_courtesy_title(tstr(doc, doc_tok(doc, w[n - 2].tok)), tlen(doc_tok(doc, w[n - 2].tok)));
  /* and a given name before a title word makes it a surname: "Amy Pope", "Marc Bishop" */
  /* ("Billie Jean King", "Martin Luther King": a given name first, no title before the last word) */
  bool given_surname = false;
  if (n >= 2 && w[n - 1].title_word && !w[n - 2].title_word) {
    const cd_token *g = doc_tok(doc, w[n - 2].tok);
    given_surname = cd_is_given_name(tstr(doc, g), tlen(g));
    if (!given_surname && n >= 3) {
      bool titles = false;
      for (size_t k = 0; k + 1 < n; k++) titles = titles || w[k].title_word;
      const cd_token *g0 = doc_tok(doc, w[0].tok);
      given_surname = !titles && cd_is_given_name(tstr(doc, g0), tlen(g0));
    }
  }
  /* "Prosecutor Dean Whitfield", "Coach Earl Jones": a title word that is also a given name, after
   * another title and before the surname alone, is the given name; not "Associate Dean Whitfield",
   * "Sergeant Major Owens", whose first word makes one title of the two */
  if (n >= 3) {
    size_t k = n - 2;
    const cd_token *g = doc_tok(doc, w[k].tok), *before = doc_tok(doc, w[k - 1].tok);
    if (w[k].title_word && w[k - 1].title_word && !w[k + 1].title_word && cd_is_given_name(tstr(doc, g), tlen(g)) &&
        !cd_word_in(tstr(doc, before), tlen(before),
                    (const char *const[]){"associate", "assistant", "vice", "deputy", "acting", "interim", "sergeant",
                                          "sgt", "senior", "executive", "chief", "lord", "grand", NULL}))
      w[k].title_word = false;
  }
  /* "The campaign manager, Dean Whitaker, said", "said Dean Baker, an economist": a title word that
   * is a given name too, alone before one more name word, where a person is introduced (in
   * apposition, or with one after it) is the given name; not "Law School Dean Whitaker", nor a
   * later "Dean Amar said" */
  if (n == 2 && w[0].title_word && !w[1].title_word) {
    const cd_token *g = doc_tok(doc, w[0].tok);
    const cd_token *b = w[0].tok > 0 ? doc_tok(doc, w[0].tok - 1) : NULL;
    size_t e = w[1].tok + 1;
    bool apposed = (b && b->kind == TOK_PUNCT && doc->text[b->start] == ',' && b->sent == g->sent) ||
                   (e + 1 < doc_ntok(doc) && doc_tok(doc, e)->kind == TOK_PUNCT && doc->text[doc_tok(doc, e)->start] == ',' &&
                    (CD_TOK_WORD_IS(doc, e + 1, "a") || CD_TOK_WORD_IS(doc, e + 1, "an") ||
                     CD_TOK_WORD_IS(doc, e + 1, "the")));
    if (apposed && cd_is_given_name(tstr(doc, g), tlen(g)) && !cd_is_courtesy_title(tstr(doc, g), tlen(g)) &&
        !(b && is_word_tok(b) && (b->flags & TF_CAP) && b->sent == g->sent))
      w[0].title_word = false;
  }
  /* "Queen Street", "King County", "Lady Chapel": a title before a word that names a place or a
   * body is part of that name, no person's title */
  if (n >= 2 && w[0].title_word && !w[n - 1].title_word) {
    const cd_token *z = doc_tok(doc, w[n - 1].tok), *t0 = doc_tok(doc, w[0].tok);
    size_t t0n = tlen(t0) - (tstr(doc, t0)[tlen(t0) - 1] == '.');
    /* "Mr. Kim Street", "Dr. Ana Lane": a person's own title */
    bool personal = cd_title_gender(tstr(doc, t0), t0n) != 0 || CD_WORD_IS(tstr(doc, t0), t0n, "dr");
    bool zp;
    size_t zn = strip_possessive(doc, z, &zp);
    if (!personal && cd_is_not_person_word(tstr(doc, z), zn))
      for (size_t k = 0; k + 1 < n; k++) w[k].title_word = false;
  }
  if (n > 0 && w[n - 1].title_word && !possessive && !courtesy_surname && !given_surname) {
    bool poss_last;
    strip_possessive(doc, doc_tok(doc, w[n - 1].tok), &poss_last);
    const cd_token *only = doc_tok(doc, w[0].tok);
    bool style = n == 1 && cd_is_given_name_title(tstr(doc, only), tlen(only)); /* "the Queen" */
    if (!poss_last && !style) {
      while (n > 0 && w[n - 1].title_word) n--;
      if (n == 0) return;
    }
  }
  /* title part: leading words up to the last title word, when a name follows it */
  size_t name_from = 0;
  for (size_t k = 0; k + 1 < n; k++)
    if (w[k].title_word) name_from = k + 1;
  if (name_from >= n) return;
  /* "Miss Universe Alicia Machado", "Mr. Justice Anthony Kennedy": a courtesy title before an
   * ordinary word and then a full name makes a title of the two words */
  if (name_from > 0 && n - name_from >= 3) {
    const cd_token *ct = doc_tok(doc, w[name_from - 1].tok), *ot = doc_tok(doc, w[name_from].tok);
    if (cd_is_courtesy_title(tstr(doc, ct), tlen(ct)) && cd_is_common_word(tstr(doc, ot), tlen(ot))) name_from++;
  }
  /* "Officer A", "Soldier F", "Witness 3": a label after the title is no name without it */
  if (name_from > 0 && n - name_from == 1) {
    const cd_token *l = doc_tok(doc, w[name_from].tok);
    const cd_token *tt = doc_tok(doc, w[name_from - 1].tok);
    if ((l->kind == TOK_NUMBER || (tlen(l) == 1 && (l->flags & TF_CAP) && tstr(doc, l)[0] != 'I')) &&
        !cd_is_courtesy_title(tstr(doc, tt), tlen(tt))) { /* ("Ms B" stays "B": her courtesy title) */
      name_from--;
      w[name_from].title_word = false;
    }
  }
  /* words before the first title word that are no title ("US" in "US President Donald Trump") are a
   * mention of their own */
  size_t first_title = name_from;
  for (size_t k = 0; k < name_from; k++)
    if (w[k].title_word) {
      first_title = k;
      break;
    }
  if (first_title > 0 && first_title < name_from) emit(doc, w, first_title, false);
  const cd_token *a = doc_tok(doc, w[first_title].tok), *z = doc_tok(doc, w[n - 1].tok);
  /* a currency: "US$400", "HK$" */
  if (n == 1 && cd_tok_end(z) < doc->len && doc->text[cd_tok_end(z)] == '$') return;
  const cd_token *na = doc_tok(doc, w[name_from].tok);
  cd_name_mention *m = cd_vec_push(&doc->mentions);
  bool poss = false;
  size_t zlen = strip_possessive(doc, z, &poss);
  /* "St. Adrian's said", "McAllister's said": a verb of saying right after the 's makes it part of
   * a business's name, not a possessive (which a noun would follow) */
  size_t zt = w[n - 1].tok;
  bool business = false;
  if (poss && zt + 1 < doc_ntok(doc)) {
    const cd_token *v = doc_tok(doc, zt + 1);
    /* (a past tense or "says" only: "Trump's remarks", "Clark's comments" are nouns after a possessive) */
    bool past = (tlen(v) > 3 && CD_WORD_IS(tstr(doc, v) + tlen(v) - 2, 2, "ed")) || CD_WORD_IS(tstr(doc, v), tlen(v), "said") ||
                CD_WORD_IS(tstr(doc, v), tlen(v), "says") || CD_WORD_IS(tstr(doc, v), tlen(v), "told") ||
                CD_WORD_IS(tstr(doc, v), tlen(v), "wrote");
    if (past && is_word_tok(v) && (v->flags & TF_LOWER) && v->sent == z->sent && cd_is_speech_verb(doc->config, tstr(doc, v), tlen(v))) {
      poss = false;
      zlen = tlen(z);
      business = true;
    }
  }
  m->kind = MK_NAME;
  m->span.start = a->start;
  m->span.end = z->start + zlen;
  m->name.start = na->start;
  m->name.end = m->span.end;
  m->surname.start = z->start;
  m->surname.end = z->start + zlen;
  if (suffixed && n - name_from >= 2) { /* "Robert F. Kennedy Jr.": Kennedy */
    const cd_token *y = doc_tok(doc, w[n - 2].tok);
    bool ypos;
    m->surname.start = y->start;
    m->surname.end = y->start + strip_possessive(doc, y, &ypos);
  }
  m->title.start = m->title.end = CD_NONE32;
  m->possessive = poss || possessive;
  m->first_tok = (uint32_t)w[first_title].tok;
  m->end_tok = (uint32_t)(w[n - 1].tok + 1);
  m->sent = a->sent;
  m->entity = CD_NONE;
  m->n_parts = 0;
  size_t capitalised = 0; /* the parts in capitals: only they make the name look like a person's */
  for (size_t k = name_from; k < n; k++) {
    const cd_token *t = doc_tok(doc, w[k].tok);
    /* (a number is in a chain only as the label of someone not named: "Witness 3", a name in full) */
    if ((t->flags & TF_CAP) || t->kind == TOK_NUMBER) capitalised++;
    /* "Mac a' Phearsain", "Mac an Tòisich": the word after a Gaelic article is one part with the
     * "Mac" before it, as "t-Saoir" in "Mac an t-Saoir" is */
    bool gaelic_tail = k >= name_from + 2 && gaelic_article(doc, w[k - 2].tok, w[k - 1].tok);
    if (((t->flags & TF_CAP) || t->kind == TOK_NUMBER || hyphened_particle_name(doc, t)) && !gaelic_tail)
      m->n_parts++; /* "al-Assad" is a part */
    if (cd_lex_has(CD_LEX_ORG_WORDS, tstr(doc, t), tlen(t))) m->org_hint = true;
    /* "Hartley & Voss": an ampersand inside the name */
    if (k > name_from && w[k].tok > w[k - 1].tok + 1 && memchr(doc->text + cd_tok_end(doc_tok(doc, w[k - 1].tok)), '&',
                                                              t->start - cd_tok_end(doc_tok(doc, w[k - 1].tok))))
      m->org_hint = true;
  }
  if (name_from > first_title) {
    const cd_token *ta = doc_tok(doc, w[first_title].tok), *tz = doc_tok(doc, w[name_from - 1].tok);
    m->title.start = ta->start;
    m->title.end = cd_tok_end(tz);
    /* a trailing full stop belongs to the title ("Mr.") */
    if (w[name_from - 1].tok + 1 < doc_ntok(doc)) {
      const cd_token *dot = doc_tok(doc, w[name_from - 1].tok + 1);
      if (dot->kind == TOK_PUNCT && doc->text[dot->start] == '.' && dot->start == cd_tok_end(tz)) m->title.end = cd_tok_end(dot);
    }
    m->courtesy = cd_is_courtesy_title(tstr(doc, tz), tlen(tz));
    /* (not a title before a word that names no person: "First Nation", "General Assembly") */
    const cd_token *last = doc_tok(doc, w[n - 1].tok);
    bool thing = cd_is_not_person_word(tstr(doc, last), tlen(last)) && !m->courtesy;
    m->job_title = !m->courtesy && !thing;
    m->person_hint = !thing;
  }
  if (n - name_from == 1) {
    const cd_token *t = doc_tok(doc, w[name_from].tok);
    m->acronym = (t->flags & TF_ALLCAPS) != 0;
  }
  if (!m->org_hint && (business || named_as_body(doc, m->first_tok) || after_media_noun(doc, m->first_tok) ||
                       after_firm_noun(doc, m->first_tok) ||
                       (m->end_tok == m->first_tok + 1 && firm_in_apposition(doc, m->first_tok))))
    m->org_hint = true;
  if (!m->org_hint && !possessive && name_from == 0 && the_plural_group(doc, m->first_tok, m->end_tok - 1)) m->org_hint = true;
  m->thing_hint = !m->org_hint && !possessive && name_from == 0 &&
                  (the_singular_thing(doc, m->first_tok, m->end_tok - 1) || places_after(doc, m->end_tok) ||
                   address_after(doc, m->end_tok) ||
                   place_noun_of_before(doc, m->first_tok) || street_named(doc, m->first_tok, m->end_tok - 1) ||
                   venue_named(doc, m->first_tok, m->end_tok));
  if (!m->org_hint && !m->thing_hint && !possessive && name_from == 0 && affiliation_after_name(doc, m))
    m->thing_hint = true;
  if (!m->org_hint && !m->possessive &&
      (cd_age_after(doc, m->end_tok) || years_old_after(doc, m->end_tok) || role_after(doc, m->end_tok)))
    m->person_hint = true; /* "Sophie, 9, picked", "Maya, a 16-year-old who ..." */
  int kin = cd_kin_before(doc, m->first_tok); /* "his wife, Jane," */
  m->relative = (kin >= 0 || child_of_before(doc, m->first_tok)) && !m->org_hint;
  /* (asked of full names only: the entities pass reads it of a person's first full name) */
  m->deceased = !m->org_hint && m->n_parts >= 2 && deceased_at(doc, m);
  if (!m->org_hint && m->n_parts == 1 && kin >= 0) m->person_hint = true;
  if (!m->org_hint && !m->possessive && m->n_parts == 1 && m->end_tok == m->first_tok + 1 && !m->acronym &&
      who_after_apposed(doc, m->first_tok))
    m->person_hint = true;
  m->placed = place_preposition_before(doc, m->first_tok);
  cd_name_mention *prev = doc->mentions.len >= 2 ? CD_VEC_AT(&doc->mentions, cd_name_mention, doc->mentions.len - 2) : NULL;
  m->known_as = known_as_after(doc, m, prev);
  m->couple = false;
  if (prev && couple_of(doc, prev, m)) prev->couple = true;
  /* "the daughter of Donald Tollervey, a fisherman, and Morag Tollervey": the second parent too */
  if (prev && prev->relative && !m->org_hint && second_of_pair(doc, prev, m)) m->relative = true;
  m->said_gender = said_gender_after(doc, m->end_tok, m->sent);
  if (!m->said_gender && kin > 0) m->said_gender = (uint8_t)kin; /* "His wife, Margit Lindqvist,": the relative's noun says */
  uint8_t named_gender;
  if (m->n_parts == 1 && !m->org_hint && m->title.start == CD_NONE32 && given_as_name(doc, m->first_tok, &named_gender)) {
    m->person_hint = true; /* "identified only by his first name, Ray," */
    if (!m->said_gender) m->said_gender = named_gender;
  }
  /* "Ansar al-Sharia" (a group) is no more a person's name for its particle */
  if (!m->org_hint && !m->acronym && capitalised >= 2) m->person_hint = true;
  m->in_quote = (a->flags & TF_QUOTED);
  m->headline = CD_VEC_AT(&doc->paras, cd_para, doc_tok_para(doc, a))->headline;
}

/* Do only a stop and one space (a no-break space too: "Sen.\u00a0Bernie Sanders") separate two
 * words of a name? */
static bool near_gap(const cd_doc *doc, size_t from, size_t to) {
  if (to <= from + 2) return true;
  /* Markdown's emphasis marks are no text: "said Council Clerk **Daniel Osei**" */
  unsigned char g[3];
  size_t n = 0;
  for (size_t i = from; i < to; i++) {
    unsigned char ch = (unsigned char)doc->text[i];
    if (doc->format == CD_FORMAT_MARKDOWN && (ch == '*' || ch == '_')) continue;
    if (n == sizeof g) return false;
    g[n++] = ch;
  }
  if (n <= 2) return true;
  return n == 3 && g[0] == '.' && g[1] == 0xC2 && g[2] == 0xA0;
}

/* ---- incremental analysis: paragraphs whose mentions the previous version already found ---- */

/* Does paragraph `pi` have a capitalised word among `changed` (words the text capitalises
 * mid-sentence now and did not before, or did before and does not now)? */
static bool uses_changed(const cd_doc *doc, uint32_t pi, const char *const *changed, const size_t *clen, size_t nc) {
  const cd_para *p = CD_VEC_AT(&doc->paras, cd_para, pi);
  for (size_t i = p->first_tok; i < p->end_tok; i++) {
    const cd_token *t = doc_tok(doc, i);
    if (!is_word_tok(t) || !(t->flags & TF_CAP)) continue;
    bool poss;
    size_t n = strip_possessive(doc, t, &poss);
    for (size_t k = 0; k < nc; k++)
      if (cd_capwords_same_word(tstr(doc, t), n, changed[k], clen[k])) return true;
  }
  return false;
}

/* Brings the handle's words, the previous version's, to this version's: takes out those of the
 * old paragraphs that no paragraph took over as they were, and puts in those of the paragraphs
 * read afresh. Returns, per paragraph, whether it may take the previous version's mentions: NULL
 * (none may) without a previous version or when many words came or went. */
static bool *update_capwords(cd_doc *doc, cd_capwords *cs) {
  size_t np = doc->paras.len;
  const cd_para *paras = doc->paras.data;
  cd_incr_old old;
  if (!cd_incr_old_tables(doc, &old)) {
    cd_capwords_clear(cs);
    for (size_t pi = 0; pi < np; pi++) para_capwords(cs, doc_tables(doc), &paras[pi], true);
    return NULL;
  }
  bool *reuse = calloc(np + 1, sizeof *reuse), *old_kept = calloc(old.n_paras + 1, sizeof *old_kept);
  if (!reuse || !old_kept) abort(); /* the library's out-of-memory policy inside a pass */
  for (uint32_t pi = 0; pi < np; pi++) /* reuse[pi] first says: its words are the old paragraph's */
    if ((reuse[pi] = cd_incr_para_same(doc, pi))) old_kept[cd_incr_para_from(doc, pi)] = true;
  cd_capwords_mark(cs);
  tables was = {old.text, old.tokens, old.sentences};
  for (size_t oi = 0; oi < old.n_paras; oi++)
    if (!old_kept[oi]) para_capwords(cs, was, &old.paras[oi], false);
  for (size_t pi = 0; pi < np; pi++)
    if (!reuse[pi]) para_capwords(cs, doc_tables(doc), &paras[pi], true);
  free(old_kept);
  enum { MAX_CHANGED = 8 }; /* more than a keystroke changes: analyse afresh */
  const char *changed[MAX_CHANGED];
  size_t clen[MAX_CHANGED];
  size_t nc = cd_capwords_changed(cs, changed, clen, MAX_CHANGED);
  if (nc > MAX_CHANGED) {
    free(reuse);
    return NULL;
  }
  for (uint32_t pi = 0; pi < np; pi++)
    reuse[pi] = reuse[pi] && cd_incr_mentions_may_reuse(doc, pi) && !(nc && uses_changed(doc, pi, changed, clen, nc));
  return reuse;
}

void cd_pass_mentions(cd_doc *doc) {
  /* news copy has a mention about every twelve tokens: room for one in eight at once, so the
   * table is not copied while it doubles (the copy and its old block are fresh pages); the
   * analysis gives back what is left over (a keystroke reserves from the last version's) */
  if (!doc->incr) cd_vec_reserve(&doc->mentions, doc_ntok(doc) / 8 + 16);
  cd_capwords fresh, *cs = &fresh;
  bool *reuse = NULL;
  if (doc->incr) {
    cs = cd_incr_capwords(doc);
    reuse = update_capwords(doc, cs);
  } else {
    cd_capwords_init(cs);
    for (size_t pi = 0; pi < doc->paras.len; pi++)
      para_capwords(cs, doc_tables(doc), CD_VEC_AT(&doc->paras, cd_para, pi), true);
  }

  chain_word w[16];
  size_t n = 0;
  bool bridged = false; /* the chain goes on over a nickname: the next word follows its closing mark */
  for (size_t i = 0; i <= doc_ntok(doc); i++) {
    bool extend = false, possessive = false, over = bridged;
    bridged = false;
    if (i < doc_ntok(doc)) {
      const cd_token *t = doc_tok(doc, i);
      uint32_t pi = doc_tok_para(doc, t);
      const cd_para *para = CD_VEC_AT(&doc->paras, cd_para, pi);
      if (reuse && reuse[pi] && i == para->first_tok) {
        /* the previous version's mentions of this paragraph; a chain never runs across paragraphs */
        if (n > 0) emit(doc, w, n, false);
        n = 0;
        cd_incr_mentions(doc, pi);
        i = para->end_tok - 1;
        continue;
      }
      const cd_token *prev = n ? doc_tok(doc, w[n - 1].tok) : NULL;
      bool adjacent = prev && t->sent == prev->sent && (over || near_gap(doc, cd_tok_end(prev), t->start)) &&
                      !(t->flags & TF_LINE_BEFORE);
      /* 'Earvin "Magic" Johnson': the given name and the surname around a nickname are one name
       * (quotes_kind.c found the nickname); the nickname's words are no part of the chain */
      size_t close = prev && w[n - 1].tok + 1 == i && t->kind == TOK_MARK ? cd_nickname_close(doc, i) : CD_NONE;
      if (close != CD_NONE && close + 1 < doc_ntok(doc) && name_word(doc, cs, close + 1, true)) {
        i = close;
        bridged = true;
        continue;
      }
      bool prev_poss = false;
      if (prev) strip_possessive(doc, prev, &prev_poss);
      /* "Whitcombe's Markets", "Moody's Corp.": a company named after someone goes on past the possessive */
      bool company = prev_poss && adjacent && is_word_tok(t) && (t->flags & TF_CAP) &&
                     (cd_lex_has(CD_LEX_COMPANY_DESIGNATORS, tstr(doc, t), tlen(t)) ||
                      /* "Harborview Children's Hospital", not "Kaine's Senate seat" */
                      (cd_lex_has(CD_LEX_ORG_WORDS, tstr(doc, t), tlen(t)) &&
                       cd_is_common_word(tstr(doc, prev), strip_possessive(doc, prev, &prev_poss))));
      /* "Hartley & Voss", "Tarrant & Boyle": names joined by "&" are a firm's */
      if (n > 0 && t->kind == TOK_PUNCT && t->len == 1 && doc->text[t->start] == '&' && adjacent && !prev_poss &&
          i + 1 < doc_ntok(doc) && doc_tok(doc, i + 1)->sent == t->sent && name_word(doc, cs, i + 1, true)) {
        bridged = true;
        continue;
      }
      if (n == 1 && adjacent && !prev_poss && t->kind == TOK_NUMBER && numbered_label(doc, w[0].tok)) {
        extend = true; /* "Witness 3": the number is the name */
      } else if (n == 0 || (adjacent && (!prev_poss || company))) {
        if (name_word(doc, cs, i, n > 0)) {
          extend = true;
        } else if (hyphened_particle_name(doc, t)) {
          extend = true; /* Bashar al-Assad, Abdel Fattah el-Sisi; "al-Haddad said" alone */
        } else if (n > 0 && tlen(doc_tok(doc, w[n - 1].tok)) == 3 && gaelic_article(doc, w[n - 1].tok, i)) {
          extend = true; /* Ruaridh Mac an t-Saoir, Iain Mac a' Phearsain */
        } else if (n > 1 && gaelic_tail_word(doc, i) && gaelic_article(doc, w[n - 2].tok, w[n - 1].tok)) {
          extend = true; /* ... and the word after the article */
        } else if (n > 0 && is_word_tok(t) && cd_lex_has(CD_LEX_NAME_PARTICLES, tstr(doc, t), tlen(t)) && i + 1 < doc_ntok(doc) &&
                   (name_word(doc, cs, i + 1, true) ||
                    (i + 2 < doc_ntok(doc) && is_word_tok(doc_tok(doc, i + 1)) &&
                     cd_lex_has(CD_LEX_NAME_PARTICLES, tstr(doc, doc_tok(doc, i + 1)), tlen(doc_tok(doc, i + 1))) &&
                     name_word(doc, cs, i + 2, true)))) {
          extend = true; /* Ludwig van Beethoven; Lucia de la Fuente, Rafael van der Vaart */
        } else if (n > 0 && n + 3 < sizeof w / sizeof w[0] && is_word_tok(t) && (t->flags & TF_LOWER) &&
                   (CD_WORD_IS(tstr(doc, t), tlen(t), "of") ||
                    /* "Department for Education", "Ministry for Women", "Commissioner for Children" */
                    (CD_WORD_IS(tstr(doc, t), tlen(t), "for") && for_head(doc, w, n))) &&
                   of_head(doc, w, n)) {
          /* "European Court of Justice", "Bank of England", "Democratic Republic of the Congo" */
          size_t j = i + 1;
          bool the = CD_TOK_WORD_IS(doc, j, "the");
          if (the) j++;
          if (j < doc_ntok(doc) && name_word(doc, cs, j, true) && doc_tok(doc, j)->sent == t->sent) {
            w[n].tok = i;
            w[n].title_word = false;
            n++;
            if (the) {
              w[n].tok = i + 1;
              w[n].title_word = false;
              n++;
              i++;
            }
            continue;
          }
        } else if (n > 0 && t->kind == TOK_PUNCT && doc->text[t->start] == '.' && t->start == cd_tok_end(prev) &&
                   (tlen(prev) <= 4 || (tlen(prev) <= 6 && is_title_word(doc, prev))) && /* "Const.", "Comdr." */
                   (tlen(prev) == 1 || is_title_word(doc, prev) || saint_before(doc, w, n)) &&
                   i + 1 < doc_ntok(doc) &&
                   (name_word(doc, cs, i + 1, true) || (is_title_word(doc, prev) && particle_then_surname(doc, i + 1)))) {
          continue; /* J. R. R. Tolkien, Mr. Smith, Dan St. Jean, Mr. de Blasio: the stop stays inside the chain */
        }
      }
      if (extend && n < sizeof w / sizeof w[0]) {
        w[n].tok = i;
        /* after "of" a title word is part of the name: "Court of Justice" */
        /* "General Motors", "General Assembly", "Riverside General Hospital": a title word before
         * an organisation's word is part of the organisation's name */
        w[n].title_word = is_title_word(doc, t) && (t->flags & TF_CAP) &&
                          !(n > 0 && (doc_tok(doc, w[n - 1].tok)->flags & TF_LOWER) &&
                            !cd_lex_has(CD_LEX_NAME_PARTICLES, tstr(doc, doc_tok(doc, w[n - 1].tok)), tlen(doc_tok(doc, w[n - 1].tok))));
        if (w[n].title_word && i + 1 < doc_ntok(doc)) {
          const cd_token *after = doc_tok(doc, i + 1);
          w[n].title_word = !(is_word_tok(after) && (after->flags & TF_CAP) && after->sent == t->sent &&
                              after->start == cd_tok_end(t) + 1 && cd_lex_has(CD_LEX_ORG_WORDS, tstr(doc, after), tlen(after)));
        }
        if (office_word(doc, w, n, i)) {
          if (n == 0) { /* the title and its "of" open the mention: "Secretary of State" */
            w[0].tok = i - 2;
            w[1].tok = i - 1;
            w[0].title_word = w[1].title_word = true;
            n = 2;
            w[n].tok = i;
          }
          w[n].title_word = true;
        }
        n++;
        continue;
      }
      /* "Fairhollow Residents' Association", "the Teachers' Union": a plural's apostrophe inside an
       * organisation's name, its head word right after */
      if (n > 0 && n + 1 < sizeof w / sizeof w[0] && t->kind == TOK_MARK && t->role == MR_APOS &&
          t->start == cd_tok_end(prev) && tlen(prev) > 3 && tstr(doc, prev)[tlen(prev) - 1] == 's' && i + 1 < doc_ntok(doc)) {
        const cd_token *head = doc_tok(doc, i + 1);
        if (is_word_tok(head) && (head->flags & TF_CAP) && head->sent == t->sent && head->start == cd_tok_end(t) + 1 &&
            cd_lex_has(CD_LEX_ORG_WORDS, tstr(doc, head), tlen(head)))
          continue;
      }
      /* "Mac a' Phearsain": the article's apostrophe, between it and the word after (which the
       * chain then reaches over the mark, as after a nickname) */
      if (n > 1 && gaelic_apostrophe(doc, i) && w[n - 1].tok + 1 == i && gaelic_article(doc, w[n - 2].tok, w[n - 1].tok)) {
        bridged = true;
        continue;
      }
      /* Jones' : a possessive apostrophe right after the chain */
      if (n > 0 && t->kind == TOK_MARK && t->role == MR_APOS && t->start == cd_tok_end(prev)) possessive = true;
    }
    if (n > 0) {
      /* a lone title ("President") or a chain of only titles is no name */
      emit(doc, w, n, possessive);
      n = 0;
      /* restart on this token if it opens a chain of its own: a name word, or "al-Tamimi" after a
       * name that ends the paragraph before */
      if (i < doc_ntok(doc) && !possessive && (name_word(doc, cs, i, false) || hyphened_particle_name(doc, doc_tok(doc, i))))
        i--;
    }
  }
  free(reuse);
  if (cs == &fresh) cd_capwords_free(cs);
}
