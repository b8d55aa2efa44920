/* Attribution pass: who said each quote.
 *
 * Precision-ordered sieves, first match wins; every decision keeps its evidence:
 *  1. after the quote, in its sentence: ", VERB SPEAKER" / ", SPEAKER VERB" (with an appositive:
 *     "Kelly, a spokesman for X, said"); or a short next sentence "SPEAKER VERB." after "...".
 *  2. before the quote, in its sentence: "SPEAKER VERB[:] (that) ...QUOTE"; a participle
 *     ("..., saying QUOTE") takes the sentence's subject; a woven-in fragment takes the subject
 *     of a stance verb ("Trump called it a "hoax"").
 *  3. "according to SPEAKER" anywhere in the sentence.
 *  4. continuation: a later quote of the same paragraph after an attributed one, or a quote
 *     that runs on from the previous paragraph.
 * A SPEAKER is a name (reported as its entity's fullest name), a pronoun (resolved to the person
 * it refers to) or a non-person source ("police", "the statement"), reported as written. */
#include <string.h>

#include "doc.h"
#include "quotes_kind.h"
#include "speech_verbs.h"
#include "words.h"

typedef struct att {
  cd_doc *doc;
  size_t *mention_start; /* token -> mention starting there, or CD_NONE */
  size_t *mention_end;   /* token -> mention ending there (last token), or CD_NONE */
  size_t last_speaker;   /* mention of the latest quote's person speaker, or CD_NONE */
  uint32_t last_speaker_sent;
} att;

typedef struct speaker {
  bool found;
  size_t first_tok, end_tok; /* the attributing words */
  size_t phrase_end;         /* past an affiliation ("of Boston University"); 0: end_tok */
  size_t mention;            /* name mention, or CD_NONE */
  size_t entity;
  const char *name;          /* reported speaker */
  cd_attribution_method method;
  const char *how;           /* evidence detail */
} speaker;

typedef struct cue {
  size_t tok;
} cue;

static const cd_token *T(const att *a, size_t i) { return doc_tok(a->doc, i); }
static const char *S(const att *a, size_t i) { return a->doc->text + T(a, i)->start; }
static size_t N(const att *a, size_t i) { return T(a, i)->end - T(a, i)->start; }
static bool is(const att *a, size_t i, const char *w) {
  return i < doc_ntok(a->doc) && T(a, i)->kind == TOK_WORD && cd_word_eq(S(a, i), N(a, i), w);
}
static bool punct(const att *a, size_t i, char c) {
  return i < doc_ntok(a->doc) && T(a, i)->kind == TOK_PUNCT && T(a, i)->end - T(a, i)->start == 1 &&
         a->doc->text[T(a, i)->start] == c;
}
static bool dash(const att *a, size_t i) {
  if (i >= doc_ntok(a->doc) || T(a, i)->kind != TOK_PUNCT) return false;
  const unsigned char *s = (const unsigned char *)S(a, i);
  return s[0] == '-' || (N(a, i) == 3 && s[0] == 0xE2 && s[1] == 0x80 && (s[2] == 0x93 || s[2] == 0x94));
}
static bool outside_quotes(const att *a, size_t i) { return T(a, i)->quote == NO_QUOTE; }

static bool speech_verb(const att *a, size_t i) {
  return i < doc_ntok(a->doc) && T(a, i)->kind == TOK_WORD && (T(a, i)->flags & TF_LOWER) &&
         cd_is_speech_verb(a->doc->config, S(a, i), N(a, i));
}

/* Adverbs and auxiliaries allowed between a speaker and the verb: "Kelly also said", "has told". */
static const char *const BETWEEN[] = {"also", "later", "then", "has", "had", "have", "was", "is", "would",
                                      "will", "further", "again", "previously", "earlier", "once", "recently",
                                      "repeatedly", "simply", "had", "once", "first", "quickly", "publicly",
                                      "privately", "separately", "subsequently", "afterwards", "similarly",
                                      "likewise", "too", "immediately", "additionally", "himself", "herself",
                                      "reportedly", "apparently", "clearly", "bluntly", "angrily", "flatly",
                                      "jokingly", "famously", "once", "elsewhere", "finally", "directly", "yesterday", "today",
                                      "tonight", "even", "just", "still", "never", "always", "often", "also",
                                      "officially", "formally", "initially", "originally", NULL};

static bool between_word(const att *a, size_t i) {
  return T(a, i)->kind == TOK_WORD && cd_word_in(S(a, i), N(a, i), BETWEEN);
}

/* Source nouns: a non-person source that can "say" ("the statement said", "police said"). */
static const char *const SOURCE_NOUNS[] = {
    "statement", "spokesperson", "spokesman", "spokeswoman", "spokespeople", "police", "officials",
    "official", "ministry", "report", "agency", "company", "department", "government", "court", "ruling",
    "study", "researchers", "authors", "scientists", "witnesses", "organisers", "organizers", "campaign",
    "team", "release", "post", "tweet", "letter", "website", "filing", "complaint", "document", "sign",
    "banner", "source", "sources", "people", "residents", "experts", "analysts", "critics", "judge", "lawyer",
    "attorney", "prosecutors", "prosecutor", "authorities", "paper", "article", "survey", "poll", "memo",
    "message", "caption", "announcement", "notice", "firm", "group", "office", "commission", "committee",
    "council", "board", "union", "party", "administration", "military", "army", "spokesmen", "officers",
    "officer", "doctors", "doctor", "investigators", "lawmakers", "minister", "president", "leader",
    "chief", "director", "manager", "chairman", "author", "researcher", "scientist", "expert", "analyst",
    "user", "users", "fans", "member", "members", "protesters", "demonstrators", "activists", "students",
    "teacher", "teachers", "parents", "family", "victims", "victim", "survivors", "man", "woman", "newspaper",
    "magazine", "outlet", "broadcaster", "comments", "account", "video", "emails", "email", "text",
    "website", "page", "platform", "band", "club", "school", "university", "hospital", "firefighters",
    "coroner", "mayor", "governor", "senator", "staff", "employees", "workers", "operator", "airline",
    "carrier", "manufacturer", "maker", "owner", "owners", "organization", "organisation", "association",
    "institute", "foundation", "center", "centre", "service", "bureau", "unit", "summary", "decision",
    "judgment", "judgement", "verdict", "findings", "lawsuit", "indictment", "researchers", "father", "mother",
    "son", "daughter", "wife", "husband", "brother", "sister", "parent", "child", "children", "neighbour",
    "neighbor", "neighbours", "neighbors", "friend", "friends", "relative", "relatives", "spokespeople",
    "representative", "representatives", "executive", "executives", "resident", "witness", "eyewitness",
    "passenger", "passengers", "patient", "patients", "nurse", "nurses", "paramedics", "rescuers",
    "volunteers", "coordinator", "lawyers", "attorneys", "official's", "mp", "mps", "mep", "meps",
    "legislator", "legislators", "councillor", "councillors", "diplomat", "diplomats", NULL};

static bool source_noun(const att *a, size_t i) {
  return T(a, i)->kind == TOK_WORD && cd_word_in(S(a, i), N(a, i), SOURCE_NOUNS);
}

static const char *const PREPOSITIONS[] = {"in", "at", "on", "of", "for", "with", "by", "from", "to", "about",
                                           "against", "under", "after", "before", "during", "between", "into",
                                           "over", "like", "than", "toward", "towards", "among", "near",
                                           "behind", "beside", "across", "through", "via", "without", NULL};

static bool after_preposition(const att *a, size_t tok, size_t sent_first);

static const char *const DETERMINERS[] = {"the", "a", "an", "its", "his", "her", "their", "our", "one",
                                          "another", "this", "some", "two", "three", "several",
                                          "many", "local", "state", "federal", NULL};

/* ---- pronoun resolution ---- */

/* Words that make a two-part capitalised name a place or an organisation, not a person. */
static const char *const NOT_PERSON_WORDS[] = {
    "united", "states", "kingdom", "republic", "union", "county", "city", "island", "islands", "mountains",
    "river", "sea", "ocean", "coast", "street", "square", "park", "hall", "partnership", "tourism", "trust",
    "northern", "southern", "eastern", "western", "new", "national", "international", "federal", "royal",
    "general", "supreme", "high", "central", "democratic", "republican", "labour", "conservative", "liberal",
    "white", "air", "road", "avenue", "bay", "lake", "valley", "district", "province", "state", "region",
    "saint", "st", "fort", "port", "mount", "cape", "gulf", "strait", "canal", "bridge", "tower", "palace",
    "castle", "abbey", "cathedral", "temple", "stadium", "arena", "centre", "center", "airport", "station",
    "news", "times", "post", "daily", "weekly", "herald", "journal", "today", "online", "media", "press",
    "institute", "university", "college", "school", "academy", "museum", "gallery", "library", "council",
    "committee", "court", "parliament", "assembly", "senate", "congress", "ministry", "department", "agency",
    "office", "service", "force", "army", "navy", "police", "guard", "party", "league", "club", "team",
    "association", "society", "foundation", "fund", "bank", "group", "company", "corporation", "inc",
    "ltd", "fc", "city", "town", "village", "world", "global", "european", "american", "british", "african",
    "asian", "pacific", "atlantic", "arctic", "antarctic", "channel", "network", "radio", "television",
    "tv", "commission", "authority", "board", "organisation", "organization", "movement", "alliance",
    "coalition", "forces", "embassy", "consulate", "prison", "hospital", "church", "mosque", "market",
    "exchange", "summit", "games", "cup", "championship", "olympics", "festival", "day", "week", "year",
    "house", "home", "secretary", "minister", "ministers", "arabia", "korea", "africa", "america", "zealand",
    "kong", "lanka", "rica", "leone", "guinea", "salvador", "emirates", "island", "coast", NULL};

static bool looks_like_person_name(const cd_doc *doc, const cd_name_mention *m) {
  const cd_token *last = doc_tok(doc, m->end_tok - 1);
  if (cd_is_job_title(doc->text + last->start, last->end - last->start)) return false;
  for (size_t i = m->first_tok; i < m->end_tok; i++) {
    const cd_token *t = doc_tok(doc, i);
    if (t->start < m->name.start || t->kind != TOK_WORD) continue;
    size_t n = t->end - t->start;
    const char *w = doc->text + t->start;
    if (n > 2 && (w[n - 2] == '\'' )) n -= 2; /* possessive */
    if (cd_word_in(w, n, NOT_PERSON_WORDS)) return false;
    if ((t->flags & TF_ALLCAPS) && !m->courtesy && !m->job_title) return false; /* RAF Croughton, BBC */
  }
  return true;
}

/* "State Corey Stapleton": a title word glued to a name; the last two words decide. */
static bool tail_looks_like_person(const cd_doc *doc, const cd_name_mention *m) {
  if (m->end_tok < m->first_tok + 2) return false;
  for (size_t i = m->end_tok - 2; i < m->end_tok; i++) {
    const cd_token *t = doc_tok(doc, i);
    size_t n = t->end - t->start;
    if (t->kind != TOK_WORD || !(t->flags & TF_CAP) || (t->flags & TF_ALLCAPS)) return false;
    if (cd_word_in(doc->text + t->start, n, NOT_PERSON_WORDS) || cd_is_job_title(doc->text + t->start, n)) return false;
  }
  return true;
}

static bool person_mention(const cd_doc *doc, const cd_name_mention *m) {
  if (m->kind != MK_NAME || m->entity == CD_NONE || m->in_quote || m->headline || m->possessive) return false;
  if (!looks_like_person_name(doc, m)) return false;
  const cd_entity *e = CD_VEC_AT(&doc->entities, cd_entity, m->entity);
  return e->kind == CD_ENTITY_PERSON || (m->person_hint && !m->org_hint);
}

bool cd_mention_is_person(const cd_doc *doc, size_t mi) {
  const cd_name_mention *m = CD_VEC_AT(&doc->mentions, cd_name_mention, mi);
  if (m->possessive || !looks_like_person_name(doc, m)) return false;
  if (m->courtesy || m->job_title) return true;
  const cd_entity *e = m->entity != CD_NONE ? CD_VEC_AT(&doc->entities, cd_entity, m->entity) : NULL;
  return (e && e->kind == CD_ENTITY_PERSON) || (m->person_hint && !m->org_hint);
}

static bool after_preposition(const att *a, size_t tok, size_t sent_first);

/* Who "he" or "she" at token `pos` is: the nearest person before it in its sentence; else the
 * speaker of the previous sentence's quote; else the subject of the nearest earlier sentence
 * (a sentence that itself opens with he/she continues the same person, so look further back). */
static size_t resolve_person(const att *a, size_t pos, bool org) {
  const cd_doc *doc = a->doc;
  const cd_token *t = T(a, pos);
  /* mentions are in text order: find the last one before pos */
  size_t lo = 0, hi = doc->mentions.len;
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    if (CD_VEC_AT(&doc->mentions, cd_name_mention, mid)->span.start < t->start)
      lo = mid + 1;
    else
      hi = mid;
  }
  uint32_t cur_sent = t->sent;
  if (!org && a->last_speaker != CD_NONE && a->last_speaker_sent + 1 >= cur_sent && a->last_speaker_sent < cur_sent) {
    /* the last quote's speaker, unless someone else has been named since */
    size_t ls = CD_VEC_AT(&doc->mentions, cd_name_mention, a->last_speaker)->entity;
    for (size_t k = lo; k > 0; k--) {
      const cd_name_mention *m = CD_VEC_AT(&doc->mentions, cd_name_mention, k - 1);
      if (!person_mention(doc, m)) continue;
      if (m->entity == ls) return a->last_speaker;
      break;
    }
  }
  size_t fallback = CD_NONE;
  uint32_t seen_sent = UINT32_MAX;
  size_t subject = CD_NONE;
  bool skip_sentence = false;
  for (size_t k = lo; k > 0; k--) {
    const cd_name_mention *m = CD_VEC_AT(&doc->mentions, cd_name_mention, k - 1);
    const cd_sentence *ms = CD_VEC_AT(&doc->sentences, cd_sentence, m->sent);
    if (ms->para + 2 < t->para || cur_sent - m->sent > 6) break;
    if (m->sent != seen_sent) {
      if (subject != CD_NONE) return subject; /* the subject of the nearest sentence that has one */
      if (!org && m->sent != cur_sent) {
        /* the last person in that sentence who says something ("..., while X wrote ...") */
        for (size_t j = k; j > 0; j--) {
          const cd_name_mention *x = CD_VEC_AT(&doc->mentions, cd_name_mention, j - 1);
          if (x->sent != m->sent) break;
          if (!person_mention(doc, x)) continue;
          size_t v = x->end_tok;
          while (v < doc_ntok(doc) && between_word(a, v)) v++;
          if (v < doc_ntok(doc) && speech_verb(a, v)) return j - 1;
        }
      }
      seen_sent = m->sent;
      const cd_token *first = T(a, ms->first_tok);
      skip_sentence = m->sent != cur_sent && first->kind == TOK_WORD &&
                      (cd_word_eq(a->doc->text + first->start, first->end - first->start, "he") ||
                       cd_word_eq(a->doc->text + first->start, first->end - first->start, "she"));
    }
    bool fits = org ? (m->entity != CD_NONE && !m->in_quote && !m->headline &&
                       CD_VEC_AT(&doc->entities, cd_entity, m->entity)->kind == CD_ENTITY_ORGANIZATION)
                    : person_mention(doc, m);
    if (!fits) continue;
    if (m->sent == cur_sent) return k - 1; /* nearest in the same sentence */
    if (skip_sentence) continue;
    if (fallback == CD_NONE) fallback = k - 1;
    if (after_preposition(a, m->first_tok, ms->first_tok)) continue;
    subject = k - 1; /* keep walking left: the first such person of that sentence */
  }
  return subject != CD_NONE ? subject : fallback;
}

/* ---- speakers ---- */

/* "of the University of Essex", "from CU Boulder": an affiliation after a person's name. */
static size_t skip_affiliation(const att *a, size_t j) {
  for (int rounds = 0; rounds < 3; rounds++) {
    if (!(is(a, j, "of") || is(a, j, "from") || is(a, j, "at"))) break;
    size_t f = j + 1;
    if (f < doc_ntok(a->doc) && is(a, f, "the")) f++;
    if (f >= doc_ntok(a->doc) || a->mention_start[f] == CD_NONE) break;
    j = CD_VEC_AT(&a->doc->mentions, cd_name_mention, a->mention_start[f])->end_tok;
  }
  return j;
}

static void set_name(att *a, speaker *sp, size_t mi, cd_attribution_method method) {
  const cd_name_mention *m = CD_VEC_AT(&a->doc->mentions, cd_name_mention, mi);
  sp->found = true;
  sp->mention = mi;
  sp->entity = m->entity;
  sp->first_tok = m->first_tok;
  sp->end_tok = m->end_tok;
  sp->phrase_end = cd_mention_is_person(a->doc, mi) ? skip_affiliation(a, m->end_tok) : m->end_tok;
  sp->method = method;
  if (m->entity != CD_NONE)
    sp->name = CD_VEC_AT(&a->doc->entities, cd_entity, m->entity)->name;
  else
    sp->name = cd_arena_strndup(a->doc->arena, a->doc->text + m->name.start, m->name.end - m->name.start);
}

/* Person-role nouns: "the president", "the Wooster professor" refer back to a person. */
static const char *const ROLE_NOUNS[] = {
    "president", "governor", "professor", "coach", "minister", "senator", "mayor", "chancellor", "judge",
    "leader", "chairman", "chairwoman", "premier", "king", "queen", "prince", "princess", "ambassador",
    "general", "commissioner", "sheriff", "captain", "manager", "founder", "ceo", "actor", "actress",
    "singer", "star", "player", "candidate", "nominee", "congressman", "congresswoman", "lawmaker", "pope",
    "president-elect", "co-author", "author", "researcher", "scientist", "economist", "historian",
    "director", "secretary", "chief", "rapper", "artist", "writer", "novelist", "striker", "senator-elect",
    "prosecutor", "detective", "inspector", "superintendent", "archbishop", "bishop", "cardinal", "editor",
    "reporter", "correspondent", "columnist", "host", "anchor", "commentator", "analyst", "spokesman",
    "spokeswoman", "spokesperson", "executive", "owner", "head", "lawyer", "attorney", "chair", NULL};

static bool after_preposition(const att *a, size_t i, size_t first) {
  if (i >= first + 2 && is(a, i - 1, "to") && is(a, i - 2, "according")) return false;
  if (i > first && T(a, i - 1)->kind == TOK_WORD && cd_word_in(S(a, i - 1), N(a, i - 1), PREPOSITIONS)) return true;
  return i > first + 1 && T(a, i - 1)->kind == TOK_WORD && cd_word_in(S(a, i - 1), N(a, i - 1), DETERMINERS) &&
         T(a, i - 2)->kind == TOK_WORD && cd_word_in(S(a, i - 2), N(a, i - 2), PREPOSITIONS);
}

/* Words that may describe a person before the name: "study co-author Karen Alley". */
static bool descriptor_word(const att *a, size_t i) {
  const cd_token *t = T(a, i);
  if (t->kind != TOK_WORD || !outside_quotes(a, i)) return false;
  if (a->mention_start[i] != CD_NONE) return true;
  if ((t->flags & TF_CAP) && cd_is_job_title(S(a, i), N(a, i))) return true; /* "Mayor of London Sadiq Khan" */
  if (!(t->flags & TF_LOWER)) return false;
  if (cd_word_in(S(a, i), N(a, i), PREPOSITIONS) || cd_word_in(S(a, i), N(a, i), DETERMINERS)) return false;
  if (cd_is_speech_verb(a->doc->config, S(a, i), N(a, i)) || between_word(a, i)) return false;
  static const char *const FUNCTION_WORDS[] = {
      "who", "whom", "whose", "which", "that", "and", "or", "but", "nor", "while", "whilst", "as", "when",
      "whenever", "where", "after", "before", "because", "although", "though", "since", "whereas", "if",
      "unless", "until", "so", "then", "than", "also", "not", "no", "yet", "however", "both", "either",
      "neither", "each", "every", "all", "any", "some", "most", "many", "much", "more", "less", "few",
      "other", "another", "such", "own", "same", "even", "only", "just", "there", "here", "now", "being",
      "been", "be", "are", "were", "was", "is", "has", "have", "had", "do", "does", "did", "will", "would",
      "can", "could", "may", "might", "must", "shall", "should", "himself", "herself", "themselves", NULL};
  return !cd_is_pronoun(S(a, i), N(a, i)) && !cd_word_in(S(a, i), N(a, i), FUNCTION_WORDS);
}

/* From token i, over descriptors and non-person names, to the first person name within a few
 * words ("Santa Barbara County Sheriff Bill Brown", "former thinktank executive Ken Gude"). */
static size_t person_after_descriptors(const att *a, size_t i) {
  for (size_t k = i, steps = 0; k < doc_ntok(a->doc) && steps < 7; steps++) {
    if (k > i && (is(a, k, "of") || is(a, k, "for")) && k + 1 < doc_ntok(a->doc) && a->mention_start[k + 1] != CD_NONE) {
      k++; /* "Mayor of London Sadiq Khan", "Special Representative for Iran Brian Hook" */
      const cd_name_mention *obj = CD_VEC_AT(&a->doc->mentions, cd_name_mention, a->mention_start[k]);
      if (obj->n_parts < 3) k = obj->end_tok; /* "of Barmouth Publicity": an affiliation, not the person */
      else if (tail_looks_like_person(a->doc, obj)) return a->mention_start[k]; /* "of State Corey Stapleton" */
      continue;
    }
    if (T(a, k)->sent != T(a, i)->sent || !descriptor_word(a, k)) return CD_NONE;
    size_t mi = a->mention_start[k];
    if (mi != CD_NONE) {
      if (cd_mention_is_person(a->doc, mi)) return mi;
      const cd_name_mention *m = CD_VEC_AT(&a->doc->mentions, cd_name_mention, mi);
      k = m->end_tok;
      if (m->possessive) continue; /* "CU Boulder's" */
      continue;
    }
    k++;
  }
  return CD_NONE;
}

static bool resolve_into(att *a, size_t i, size_t end, speaker *sp, bool org, const char *word) {
  size_t r = resolve_person(a, i, org);
  sp->found = true;
  sp->first_tok = i;
  sp->end_tok = end;
  sp->method = CD_ATTR_PRONOUN;
  const char *written = cd_arena_strndup(a->doc->arena, a->doc->text + T(a, i)->start, T(a, end - 1)->end - T(a, i)->start);
  if (r != CD_NONE) {
    set_name(a, sp, r, CD_ATTR_PRONOUN);
    sp->first_tok = i;
    sp->end_tok = end;
    sp->phrase_end = 0;
    sp->how = cd_arena_printf(a->doc->arena, "\"%s\" refers to %s", written, sp->name);
    return true;
  }
  if (!word) return false;
  sp->entity = CD_NONE;
  sp->mention = CD_NONE;
  sp->name = written;
  sp->how = cd_arena_printf(a->doc->arena, "\"%s\" (no earlier name to resolve it to)", written);
  return true;
}

static bool sentence_subject_fn(att *a, uint32_t sent, size_t limit, speaker *sp);

/* A speaker phrase starting at token i: a name, a pronoun, or a source. */
static bool speaker_at(att *a, size_t i, speaker *sp, cd_attribution_method method) {
  cd_doc *doc = a->doc;
  if (i >= doc_ntok(doc) || T(a, i)->kind != TOK_WORD || !outside_quotes(a, i)) return false;
  size_t mi = a->mention_start[i];
  if (mi != CD_NONE) {
    const cd_name_mention *m = CD_VEC_AT(&doc->mentions, cd_name_mention, mi);
    size_t role = m->end_tok;
    if (role + 1 < doc_ntok(doc) && T(a, role)->kind == TOK_WORD && (T(a, role)->flags & TF_LOWER) &&
        (cd_word_in(S(a, role), N(a, role), ROLE_NOUNS) || source_noun(a, role)) &&
        a->mention_start[role + 1] != CD_NONE && cd_mention_is_person(doc, a->mention_start[role + 1])) {
      set_name(a, sp, a->mention_start[role + 1], method); /* "Samoa Observer editor Keni Lesa" */
      sp->first_tok = i;
      return true;
    }
    if (!cd_mention_is_person(doc, mi)) {
      size_t p = person_after_descriptors(a, i);
      if (p != CD_NONE) {
        set_name(a, sp, p, method);
        sp->first_tok = i;
        return true;
      }
    }
    if (m->possessive) {
      /* "Stardom's official statement": the organisation's document speaks */
      size_t e = m->end_tok;
      for (size_t k = 0; k < 3 && e < doc_ntok(doc) && T(a, e)->kind == TOK_WORD && (T(a, e)->flags & TF_LOWER); k++, e++) {
        if (source_noun(a, e)) {
          sp->found = true;
          sp->first_tok = i;
          sp->end_tok = e + 1;
          sp->mention = mi;
          sp->entity = m->entity;
          sp->method = CD_ATTR_SOURCE;
          sp->name = cd_arena_strndup(doc->arena, doc->text + T(a, i)->start, T(a, e)->end - T(a, i)->start);
          return true;
        }
      }
      return false;
    }
    set_name(a, sp, mi, method);
    return true;
  }
  if (is(a, i, "he") || is(a, i, "she")) return resolve_into(a, i, i + 1, sp, false, "pronoun");
  if (is(a, i, "they")) {
    if (resolve_into(a, i, i + 1, sp, true, NULL)) return true;
    uint32_t cur = T(a, i)->sent;
    if (cur > 0 && CD_VEC_AT(&doc->sentences, cd_sentence, cur - 1)->para == T(a, i)->para) {
      speaker prev = {0};
      const cd_sentence *ps = CD_VEC_AT(&doc->sentences, cd_sentence, cur - 1);
      if (sentence_subject_fn(a, cur - 1, ps->end_tok, &prev) && prev.method == CD_ATTR_SOURCE) {
        *sp = prev;
        sp->first_tok = i;
        sp->end_tok = i + 1;
        sp->phrase_end = 0;
        sp->method = CD_ATTR_PRONOUN;
        sp->how = cd_arena_printf(doc->arena, "\"%.*s\" refers to %s", (int)N(a, i), S(a, i), prev.name);
        return true;
      }
    }
    return resolve_into(a, i, i + 1, sp, true, "pronoun");
  }
  if (is(a, i, "who")) return resolve_into(a, i, i + 1, sp, false, NULL);
  if ((T(a, i)->flags & TF_LOWER) || cd_is_job_title(S(a, i), N(a, i))) {
    size_t p = person_after_descriptors(a, i);
    if (p != CD_NONE && !cd_word_in(S(a, i), N(a, i), DETERMINERS)) {
      set_name(a, sp, p, method);
      sp->first_tok = i;
      return true;
    }
  }
  /* "One of the children", "one of them": a member of a group, reported as written */
  if (is(a, i, "one") && is(a, i + 1, "of") && i + 2 < doc_ntok(doc)) {
    size_t e = i + 2;
    if (is(a, e, "them") || is(a, e, "those")) e++;
    else {
      if (cd_word_in(S(a, e), N(a, e), DETERMINERS)) e++;
      while (e < doc_ntok(doc) && T(a, e)->kind == TOK_WORD && (T(a, e)->flags & TF_LOWER) && !speech_verb(a, e) &&
             !between_word(a, e) && e < i + 7)
        e++;
    }
    if (e > i + 2) {
      sp->found = true;
      sp->first_tok = i;
      sp->end_tok = e;
      sp->mention = sp->entity = CD_NONE;
      sp->method = CD_ATTR_SOURCE;
      sp->name = cd_arena_strndup(doc->arena, doc->text + T(a, i)->start, T(a, e - 1)->end - T(a, i)->start);
      return true;
    }
  }
  /* nominal: [determiner] [up to 3 modifiers] SOURCE-NOUN, or a bare plural source ("police") */
  size_t j = i;
  bool det = cd_word_in(S(a, j), N(a, j), DETERMINERS);
  bool definite = is(a, j, "the");
  if (det) j++;
  for (size_t k = 0; k < 4 && j < doc_ntok(doc); k++, j++) {
    if (T(a, j)->kind != TOK_WORD || !outside_quotes(a, j)) return false;
    if (!source_noun(a, j) && (between_word(a, j) || speech_verb(a, j) || cd_word_in(S(a, j), N(a, j), PREPOSITIONS)))
      return false;
    if (definite && T(a, j)->flags & TF_LOWER && cd_word_in(S(a, j), N(a, j), ROLE_NOUNS) &&
        !(j + 1 < doc_ntok(doc) && (source_noun(a, j + 1) || a->mention_start[j + 1] != CD_NONE))) {
      /* "the president said": the person last named in that role, else the nearest person */
      if (resolve_into(a, i, j + 1, sp, false, NULL)) return true;
    }
    if (definite && (T(a, j)->flags & TF_LOWER) && N(a, j) > 3 && S(a, j)[N(a, j) - 1] == 's' &&
        speech_verb(a, j + 1) && !source_noun(a, j)) {
      /* "The wardens said": a plural group that speaks, reported as written */
      sp->found = true;
      sp->first_tok = i;
      sp->end_tok = j + 1;
      sp->mention = sp->entity = CD_NONE;
      sp->method = CD_ATTR_SOURCE;
      sp->name = cd_arena_strndup(doc->arena, doc->text + T(a, i)->start, T(a, j)->end - T(a, i)->start);
      return true;
    }
    if (source_noun(a, j)) {
      /* take the longest run of source nouns: "the police spokesperson" */
      size_t e = j + 1;
      while (e < doc_ntok(doc) && source_noun(a, e) && T(a, e)->sent == T(a, j)->sent) e++;
      bool headline = CD_VEC_AT(&doc->paras, cd_para, T(a, i)->para)->headline;
      if (!det && k > 0 && !headline) return false;
      if (!det && !headline && !is(a, j, "police") && !is(a, j, "officials") && !is(a, j, "authorities") &&
          !is(a, j, "prosecutors") && !is(a, j, "researchers") && !is(a, j, "scientists") && !is(a, j, "critics") &&
          !is(a, j, "witnesses") && !is(a, j, "experts") && !is(a, j, "analysts") && !is(a, j, "investigators") &&
          !is(a, j, "doctors") && !is(a, j, "organisers") && !is(a, j, "organizers") && !is(a, j, "sources"))
        return false;
      /* "a spokesperson for the Kremlin": keep the organisation in the words as written */
      if (is(a, e, "for") || is(a, e, "of") || is(a, e, "at")) {
        size_t f = e + 1;
        if (f < doc_ntok(doc) && is(a, f, "the")) f++;
        if (f < doc_ntok(doc) && a->mention_start[f] != CD_NONE)
          e = CD_VEC_AT(&doc->mentions, cd_name_mention, a->mention_start[f])->end_tok;
        else if (f > e + 1 && f < doc_ntok(doc) && source_noun(a, f))
          e = f + 1; /* "a spokesperson for the company" */
      }
      sp->found = true;
      sp->first_tok = i;
      sp->end_tok = e;
      sp->mention = CD_NONE;
      sp->entity = CD_NONE;
      sp->method = CD_ATTR_SOURCE;
      sp->name = cd_arena_strndup(doc->arena, doc->text + T(a, i)->start, T(a, e - 1)->end - T(a, i)->start);
      return true;
    }
    if (a->mention_start[j] != CD_NONE) {
      /* "the Kremlin", "the White House": a determiner before a name */
      const cd_name_mention *m = CD_VEC_AT(&doc->mentions, cd_name_mention, a->mention_start[j]);
      bool modifier = m->end_tok < doc_ntok(doc) && T(a, m->end_tok)->kind == TOK_WORD &&
                      (T(a, m->end_tok)->flags & TF_LOWER) &&
                      (cd_word_in(S(a, m->end_tok), N(a, m->end_tok), ROLE_NOUNS) || source_noun(a, m->end_tok));
      if (det && (m->possessive || modifier)) { /* "the court's summary", "the Wooster professor" */
        j = m->end_tok - 1;
        continue;
      }
      if (det && k == 0 && speaker_at(a, j, sp, method)) {
        sp->first_tok = i;
        return true;
      }
      return false;
    }
    if (!det && !(CD_VEC_AT(&doc->paras, cd_para, T(a, i)->para)->headline && (T(a, j)->flags & TF_LOWER)))
      return false; /* headlines drop their articles: "says bakery owner" */
  }
  return false;
}

static size_t phrase_end(const speaker *sp) { return sp->phrase_end ? sp->phrase_end : sp->end_tok; }

/* The token after a speaker phrase, skipping an appositive (", a spokesman for X,") and one
 * relative clause (", who ..., "). */
static size_t after_speaker(const att *a, const speaker *sp) {
  size_t j = phrase_end(sp);
  if (punct(a, j, ',')) {
    size_t k = j + 1, lim = j + 25;
    while (k < doc_ntok(a->doc) && k < lim && !punct(a, k, ',') && T(a, k)->kind != TOK_MARK &&
           T(a, k)->sent == T(a, j)->sent)
      k++;
    if (punct(a, k, ',')) return k + 1;
  }
  return j;
}

typedef struct quote_ctx {
  size_t open, close; /* mark tokens; close == open when unclosed */
  size_t qi;
  uint32_t sent_open, sent_close;
} quote_ctx;

static void set_cue(att *a, cd_quote *q, size_t verb) {
  const cd_token *t = T(a, verb);
  q->cue = cd_arena_strndup(a->doc->arena, a->doc->text + t->start, t->end - t->start);
  q->cue_span.start = t->start;
  q->cue_span.end = t->end;
}

/* After a verb in a sentence of its own: only an attribution's tail ("said.", "told reporters.",
 * "said on Tuesday.") -- not a clause with news of its own. */
static bool short_tail(const att *a, size_t i) {
  uint32_t sent = i > 0 ? T(a, i - 1)->sent : 0;
  size_t words = 0;
  for (; i < doc_ntok(a->doc) && T(a, i)->sent == sent; i++) {
    if (T(a, i)->kind == TOK_WORD && ++words > 8) return false;
    if (is(a, i, "that") || is(a, i, "would") || is(a, i, "will") || is(a, i, "was") || is(a, i, "is")) return false;
  }
  return true;
}

/* Sieve 1: after the closing mark. */
static bool after_quote(att *a, const quote_ctx *c, speaker *sp, size_t *verb) {
  size_t j = c->close + 1;
  size_t n = doc_ntok(a->doc);
  bool same_sentence = j < n && T(a, j)->sent == c->sent_close;
  while (j < n && (punct(a, j, ',') || dash(a, j) || punct(a, j, ':'))) j++;
  if (j >= n || T(a, j)->para != T(a, c->close)->para) return false;
  if (!same_sentence || T(a, j)->sent != c->sent_close) {
    /* "We will win." Smith said. -- only when the next sentence is a short attribution */
    const cd_sentence *s = CD_VEC_AT(&a->doc->sentences, cd_sentence, T(a, j)->sent);
    if (s->end_tok - s->first_tok > 14 || s->first_tok != j) return false;
    for (size_t k = s->first_tok; k < s->end_tok; k++)
      if (T(a, k)->kind == TOK_MARK && T(a, k)->role != MR_APOS) return false;
  }
  uint32_t sent = T(a, j)->sent;
  bool next_sentence = T(a, j)->sent != c->sent_close;
  /* VERB SPEAKER: said Trump, tweeted former executive Ken Gude */
  if (speech_verb(a, j)) {
    if (speaker_at(a, j + 1, sp, CD_ATTR_EXPLICIT)) {
      *verb = j;
      return true;
    }
    memset(sp, 0, sizeof *sp);
    return false;
  }
  /* SPEAKER [, appositive,] [adverbs] VERB within a few words */
  for (size_t v = j; v < n && v < j + 24 && T(a, v)->sent == sent; v++) {
    if (T(a, v)->kind == TOK_MARK && T(a, v)->role != MR_APOS) break;
    if (!speech_verb(a, v)) continue;
    if (next_sentence && !short_tail(a, v + 1)) break; /* "He hopes the tech would...": a new thought */
    size_t e = v;
    while (e > j && between_word(a, e - 1)) e--;
    for (size_t st = j; st < e && st == j; st++) { /* the phrase starts right after the quote */
      memset(sp, 0, sizeof *sp);
      if (!speaker_at(a, st, sp, CD_ATTR_EXPLICIT)) continue;
      if (sp->end_tok == e || phrase_end(sp) == e || after_speaker(a, sp) == e) {
        *verb = v;
        return true;
      }
      break;
    }
    break;
  }
  memset(sp, 0, sizeof *sp);
  return false;
}

/* The sentence's subject before token `limit`: its first speaker phrase that does not follow a
 * preposition and is not possessive; a non-person name right before an appositive person
 * ("a Republican, Mark Amodei,") yields to the person. */
static bool sentence_subject(att *a, uint32_t sent, size_t limit, speaker *sp);
static bool sentence_subject_fn(att *a, uint32_t sent, size_t limit, speaker *sp) {
  return sentence_subject(a, sent, limit, sp);
}

static bool sentence_subject(att *a, uint32_t sent, size_t limit, speaker *sp) {
  const cd_sentence *s = CD_VEC_AT(&a->doc->sentences, cd_sentence, sent);
  for (size_t i = s->first_tok; i < limit && i < s->end_tok; i++) {
    if (!outside_quotes(a, i) || T(a, i)->kind != TOK_WORD) continue;
    bool after_prep = (i > s->first_tok && T(a, i - 1)->kind == TOK_WORD &&
                       cd_word_in(S(a, i - 1), N(a, i - 1), PREPOSITIONS)) ||
                      (i > s->first_tok + 1 && T(a, i - 1)->kind == TOK_WORD &&
                       cd_word_in(S(a, i - 1), N(a, i - 1), DETERMINERS) && T(a, i - 2)->kind == TOK_WORD &&
                       cd_word_in(S(a, i - 2), N(a, i - 2), PREPOSITIONS));
    if (after_prep) {
      /* skip the whole prepositional name */
      if (a->mention_start[i] != CD_NONE)
        i = CD_VEC_AT(&a->doc->mentions, cd_name_mention, a->mention_start[i])->end_tok - 1;
      continue;
    }
    speaker tmp = {0};
    if (!speaker_at(a, i, &tmp, CD_ATTR_EXPLICIT)) continue;
    if (tmp.end_tok > limit) continue;
    if (tmp.mention == CD_NONE || !cd_mention_is_person(a->doc, tmp.mention) || tmp.method == CD_ATTR_PRONOUN) {
      /* "The new governor of the region, Alexander Moor," / "a Republican, Mark Amodei," */
      size_t c = phrase_end(&tmp);
      while (c < limit && c < phrase_end(&tmp) + 12 && !punct(a, c, ',') && T(a, c)->kind == TOK_WORD) c++;
      speaker app = {0};
      if (punct(a, c, ',') && speaker_at(a, c + 1, &app, CD_ATTR_EXPLICIT) && app.mention != CD_NONE &&
          app.method != CD_ATTR_PRONOUN && cd_mention_is_person(a->doc, app.mention) && app.end_tok <= limit &&
          (punct(a, phrase_end(&app), ',') || punct(a, app.end_tok, ',')))
        tmp = app;
    }
    *sp = tmp;
    return true;
  }
  return false;
}

/* Is token v inside a dash-delimited aside that closes before `open`? ("— which the BBC noted —") */
static bool inside_aside(const att *a, size_t first, size_t v, size_t open) {
  size_t before = 0, after = 0;
  for (size_t k = first; k < v; k++) if (dash(a, k) && T(a, k)->flags & TF_SPACE_BEFORE) before++;
  for (size_t k = v + 1; k < open; k++) if (dash(a, k) && T(a, k)->flags & TF_SPACE_BEFORE) after++;
  return before % 2 == 1 && after >= 1;
}

/* Sieve 2: before the opening mark, in the quote's sentence. */
static bool before_quote(att *a, const quote_ctx *c, bool partial, speaker *sp, size_t *verb) {
  const cd_sentence *s = CD_VEC_AT(&a->doc->sentences, cd_sentence, c->sent_open);
  size_t window = partial ? 60 : 30;
  size_t stance_fallback = CD_NONE;
  for (size_t i = c->open; i > s->first_tok && c->open - i < window; i--) {
    size_t v = i - 1;
    if (!outside_quotes(a, v) || T(a, v)->kind != TOK_WORD || !(T(a, v)->flags & TF_LOWER)) continue;
    if (inside_aside(a, s->first_tok, v, c->open)) continue;
    bool say = cd_is_speech_verb(a->doc->config, S(a, v), N(a, v));
    bool part = cd_is_speech_participle(S(a, v), N(a, v));
    bool stance = partial && cd_is_stance_verb(S(a, v), N(a, v));
    if (!say && !part && !stance) continue;
    if (part) {
      /* "with X calling QUOTE": the phrase right before; ", saying QUOTE": the sentence's subject */
      for (size_t st = v > 12 ? v - 12 : 0; st < v; st++) {
        if (st < s->first_tok || st == 0) continue;
        speaker tmp = {0};
        if (speaker_at(a, st, &tmp, CD_ATTR_EXPLICIT) && phrase_end(&tmp) == v && tmp.mention != CD_NONE &&
            tmp.method != CD_ATTR_PRONOUN && cd_mention_is_person(a->doc, tmp.mention)) {
          *sp = tmp;
          *verb = v;
          return true;
        }
      }
      if (sentence_subject(a, c->sent_open, v, sp)) {
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
      if (speaker_at(a, f, &agent, CD_ATTR_EXPLICIT)) {
        *sp = agent;
        *verb = v;
        return true;
      }
    }
    /* SPEAKER [, appositive,] [adverbs] VERB */
    size_t k = v;
    while (k > s->first_tok && between_word(a, k - 1)) k--;
    size_t ends[1] = {k};
    if (k > s->first_tok && punct(a, k - 1, ',')) {
      /* ", Sadiq Khan, tweeted": the name in the appositive first, then what stands before it */
      size_t m = k - 1;
      while (m > s->first_tok && !punct(a, m - 1, ',') && k - m < 25) m--;
      if (m > s->first_tok && punct(a, m - 1, ',')) {
        speaker app = {0};
        if (speaker_at(a, m, &app, CD_ATTR_EXPLICIT) && (app.end_tok == k - 1 || phrase_end(&app) == k - 1) && app.mention != CD_NONE &&
            cd_mention_is_person(a->doc, app.mention)) {
          *sp = app;
          *verb = v;
          return true;
        }
        ends[0] = m - 1;
      }
    }
    {
      size_t end = ends[0];
      for (size_t st = end > 12 ? end - 12 : 0; st < end; st++) {
        if (st < s->first_tok) continue;
        speaker tmp = {0};
        if (after_preposition(a, st, s->first_tok)) continue;
        if (speaker_at(a, st, &tmp, CD_ATTR_EXPLICIT) && (tmp.end_tok == end || phrase_end(&tmp) == end)) {
          *sp = tmp;
          *verb = v;
          return true;
        }
      }
    }
    /* a verb of saying whose subject stands further back takes the sentence's subject; a stance
     * verb only when no verb of saying stands further back ("..., saying only that makers saw "...") */
    if (say && sentence_subject(a, c->sent_open, v, sp)) {
      *verb = v;
      return true;
    }
    if (stance_fallback == CD_NONE) stance_fallback = v;
  }
  if (stance_fallback != CD_NONE && sentence_subject(a, c->sent_open, stance_fallback, sp)) {
    *verb = stance_fallback;
    return true;
  }
  /* "X opposed the plan: QUOTE" -- a quote introduced by a colon belongs to the subject */
  if (c->open > s->first_tok && (punct(a, c->open - 1, ':') || dash(a, c->open - 1)) &&
      sentence_subject(a, c->sent_open, c->open, sp)) {
    *verb = CD_NONE;
    return true;
  }
  return false;
}

/* Sieve 3: "according to SPEAKER" in the sentence. */
static bool according_to(att *a, const quote_ctx *c, speaker *sp, size_t *verb) {
  uint32_t sents[2] = {c->sent_open, c->sent_close};
  for (int si = 0; si < 2; si++) {
    const cd_sentence *s = CD_VEC_AT(&a->doc->sentences, cd_sentence, sents[si]);
    for (size_t i = s->first_tok; i + 2 < s->end_tok; i++) {
      if (!is(a, i, "according") || !is(a, i + 1, "to") || !outside_quotes(a, i)) continue;
      if (speaker_at(a, i + 2, sp, CD_ATTR_ACCORDING_TO)) {
        if (sp->method == CD_ATTR_EXPLICIT) sp->method = CD_ATTR_ACCORDING_TO;
        *verb = i;
        return true;
      }
    }
  }
  return false;
}

static void apply(att *a, size_t qi, const speaker *sp, size_t verb, const char *sieve) {
  cd_doc *doc = a->doc;
  cd_quote *q = CD_VEC_AT(&doc->quotes, cd_quote, qi);
  q->kind = CD_QUOTE_SPEECH; /* a Title Case quote with a verb of saying is someone's words after all */
  if (sp->mention != CD_NONE && cd_mention_is_person(doc, sp->mention) && sp->method != CD_ATTR_PRONOUN &&
      !after_preposition(a, sp->first_tok, CD_VEC_AT(&doc->sentences, cd_sentence, T(a, sp->first_tok)->sent)->first_tok)) {
    /* the discourse subject "he" may refer back to; not someone "with X calling" */
    a->last_speaker = sp->mention;
    a->last_speaker_sent = T(a, CD_VEC_AT(&doc->quote_work, cd_quote_work, qi)->close_tok)->sent;
  }
  q->method = sp->method;
  q->speaker = sp->name;
  q->entity = sp->entity;
  q->speaker_span.start = T(a, sp->first_tok)->start;
  q->speaker_span.end = T(a, sp->end_tok - 1)->end;
  if (verb != CD_NONE) {
    set_cue(a, q, verb);
    if (is(a, verb, "according")) {
      q->cue = "according to";
      q->cue_span.end = T(a, verb + 1)->end;
    }
  }
  const char *words = cd_arena_strndup(doc->arena, doc->text + q->speaker_span.start,
                                       q->speaker_span.end - q->speaker_span.start);
  if (sp->method == CD_ATTR_PRONOUN)
    q->evidence = cd_arena_printf(doc->arena, "%s: %s, \"%s\" %s the quote.", sp->how ? sp->how : "pronoun",
                                  q->cue ? q->cue : "", words, sieve);
  else if (sp->method == CD_ATTR_SOURCE)
    q->evidence = cd_arena_printf(doc->arena, "The source \"%s\" (not a named person) is on record: \"%s\" %s the quote.",
                                  words, q->cue ? q->cue : "", sieve);
  else
    q->evidence = cd_arena_printf(doc->arena, "\"%s\" with \"%s\" %s the quote.", words, q->cue ? q->cue : "", sieve);
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
  q->evidence = cd_arena_printf(doc->arena, "Continues %s's words (%s).", p->speaker, why);
}

void cd_pass_attribution(cd_doc *doc) {
  size_t n = doc_ntok(doc);
  att a = {doc, NULL, NULL, CD_NONE, 0};
  a.mention_start = cd_arena_alloc(doc->arena, (n + 1) * sizeof(size_t));
  a.mention_end = cd_arena_alloc(doc->arena, (n + 1) * sizeof(size_t));
  if (!a.mention_start || !a.mention_end) return;
  for (size_t i = 0; i <= n; i++) a.mention_start[i] = a.mention_end[i] = CD_NONE;
  for (size_t mi = 0; mi < doc->mentions.len; mi++) {
    const cd_name_mention *m = CD_VEC_AT(&doc->mentions, cd_name_mention, mi);
    a.mention_start[m->first_tok] = mi;
    a.mention_end[m->end_tok - 1] = mi;
  }
  for (size_t qi = 0; qi < doc->quotes.len; qi++) {
    cd_quote *q = CD_VEC_AT(&doc->quotes, cd_quote, qi);
    const cd_quote_work *w = CD_VEC_AT(&doc->quote_work, cd_quote_work, qi);
    q->evidence = "No speaker: no verb of saying with a name, pronoun or source beside the quote in its sentence.";
    if (q->level > 0) {
      q->evidence = "A quote inside a quote: the words of whoever speaks the outer quote.";
      continue;
    }
    if (q->kind != CD_QUOTE_SPEECH && !w->kind_from_case) {
      q->evidence = q->kind == CD_QUOTE_TITLE ? "A title or the words on a sign: nobody's speech."
                                              : "A nickname or a word as a word: nobody's speech.";
      continue;
    }
    quote_ctx c = {w->open_tok, w->close_tok, qi, T(&a, w->open_tok)->sent, T(&a, w->close_tok)->sent};
    speaker sp = {0};
    size_t verb = CD_NONE;
    if (q->paragraph_continues != CD_NONE && q->paragraph_continues < qi &&
        CD_VEC_AT(&doc->quotes, cd_quote, q->paragraph_continues)->speaker) {
      /* the run-on quote's speaker, unless this paragraph names its own */
      if (!(q->closed && after_quote(&a, &c, &sp, &verb))) {
        continue_from(&a, qi, q->paragraph_continues, "the quote runs on from the previous paragraph");
        continue;
      }
    }
    if (q->closed && w->close_tok != w->open_tok && after_quote(&a, &c, &sp, &verb)) {
      apply(&a, qi, &sp, verb, "follow");
      continue;
    }
    memset(&sp, 0, sizeof sp);
    if (before_quote(&a, &c, q->partial, &sp, &verb)) {
      apply(&a, qi, &sp, verb, "introduce");
      continue;
    }
    memset(&sp, 0, sizeof sp);
    if (according_to(&a, &c, &sp, &verb)) {
      apply(&a, qi, &sp, verb, "attribute");
      continue;
    }
    if (q->kind != CD_QUOTE_SPEECH) {
      q->evidence = "Title Case words with no verb of saying beside them: the name of a thing.";
      continue;
    }
    /* a fragment woven into a sentence whose subject is a named person (or he/she for one) is that
     * person's: "Trump lauded Cain as a "powerful voice of freedom."" */
    memset(&sp, 0, sizeof sp);
    if (q->partial && sentence_subject(&a, c.sent_open, c.open, &sp) && sp.mention != CD_NONE &&
        cd_mention_is_person(doc, sp.mention) &&
        (sp.method != CD_ATTR_PRONOUN || is(&a, sp.first_tok, "he") || is(&a, sp.first_tok, "she"))) {
      size_t v = phrase_end(&sp);
      while (v < c.open && !(T(&a, v)->kind == TOK_WORD && (T(&a, v)->flags & TF_LOWER) && !between_word(&a, v))) v++;
      apply(&a, qi, &sp, v < c.open ? v : CD_NONE, "is the subject of the sentence that weaves in");
      continue;
    }
    /* a later quote in the same paragraph continues the last attributed one ("...," X said. "...") */
    for (size_t p = qi; p > 0; p--) {
      const cd_quote *pq = CD_VEC_AT(&doc->quotes, cd_quote, p - 1);
      const cd_quote_work *pw = CD_VEC_AT(&doc->quote_work, cd_quote_work, p - 1);
      if (pw->para != w->para) break;
      if (pq->level > 0) continue;
      if (pq->speaker && pq->kind == CD_QUOTE_SPEECH) {
        /* only when nothing but the attribution stands between them */
        size_t gap_words = 0;
        bool attribution_only = true;
        uint32_t attr_sent = T(&a, pw->close_tok)->sent;
        for (size_t k = pw->close_tok + 1; k < w->open_tok; k++) {
          if (T(&a, k)->kind == TOK_WORD && T(&a, k)->quote == NO_QUOTE) gap_words++;
          if (T(&a, k)->sent != attr_sent) attribution_only = false;
        }
        if (gap_words <= 12 || attribution_only)
          continue_from(&a, qi, p - 1, "a later quote in the same paragraph");
      }
      break;
    }
  }
}
