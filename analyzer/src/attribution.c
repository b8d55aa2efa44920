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
} att;

typedef struct speaker {
  bool found;
  size_t first_tok, end_tok; /* the attributing words */
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
                                      "jokingly", "famously", "once", "elsewhere", "finally", "directly", NULL};

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
    "institute", "foundation", "center", "centre", "service", "bureau", "unit", NULL};

static bool source_noun(const att *a, size_t i) {
  return T(a, i)->kind == TOK_WORD && cd_word_in(S(a, i), N(a, i), SOURCE_NOUNS);
}

static const char *const DETERMINERS[] = {"the", "a", "an", "its", "his", "her", "their", "our", "one",
                                          "another", "this", "that", "some", "two", "three", "several",
                                          "many", "local", "state", "federal", NULL};

/* ---- pronoun resolution ---- */

static bool person_mention(const cd_doc *doc, const cd_name_mention *m) {
  if (m->kind != MK_NAME || m->entity == CD_NONE || m->in_quote || m->headline || m->possessive) return false;
  const cd_entity *e = CD_VEC_AT(&doc->entities, cd_entity, m->entity);
  return e->kind == CD_ENTITY_PERSON || (m->person_hint && !m->org_hint);
}

/* Nearest person before token `pos` in its sentence; else the first person (the subject) of the
 * nearest earlier sentence of the same or the previous two paragraphs that names one. */
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
  size_t best = CD_NONE;
  uint32_t best_sent = UINT32_MAX;
  for (size_t k = lo; k > 0; k--) {
    const cd_name_mention *m = CD_VEC_AT(&doc->mentions, cd_name_mention, k - 1);
    const cd_sentence *ms = CD_VEC_AT(&doc->sentences, cd_sentence, m->sent);
    if (ms->para + 2 < t->para) break;
    bool fits = org ? (m->entity != CD_NONE && !m->in_quote && !m->headline &&
                       CD_VEC_AT(&doc->entities, cd_entity, m->entity)->kind == CD_ENTITY_ORGANIZATION)
                    : person_mention(doc, m);
    if (!fits) continue;
    if (m->sent == cur_sent) return k - 1; /* nearest in the same sentence */
    if (best_sent == UINT32_MAX) best_sent = m->sent;
    if (m->sent != best_sent) break;
    best = k - 1; /* keep walking left: the first person of that sentence */
  }
  return best;
}

/* ---- speakers ---- */

static void set_name(att *a, speaker *sp, size_t mi, cd_attribution_method method) {
  const cd_name_mention *m = CD_VEC_AT(&a->doc->mentions, cd_name_mention, mi);
  sp->found = true;
  sp->mention = mi;
  sp->entity = m->entity;
  sp->first_tok = m->first_tok;
  sp->end_tok = m->end_tok;
  sp->method = method;
  if (m->entity != CD_NONE)
    sp->name = CD_VEC_AT(&a->doc->entities, cd_entity, m->entity)->name;
  else
    sp->name = cd_arena_strndup(a->doc->arena, a->doc->text + m->name.start, m->name.end - m->name.start);
}

/* A speaker phrase starting at token i: name, pronoun, or nominal source. Sets *end to the token
 * after it. */
static bool speaker_at(att *a, size_t i, speaker *sp, cd_attribution_method method) {
  cd_doc *doc = a->doc;
  if (i >= doc_ntok(doc) || T(a, i)->kind != TOK_WORD || !outside_quotes(a, i)) return false;
  size_t mi = a->mention_start[i];
  if (mi != CD_NONE) {
    const cd_name_mention *m = CD_VEC_AT(&doc->mentions, cd_name_mention, mi);
    if (m->possessive) return false;
    set_name(a, sp, mi, method);
    return true;
  }
  if (cd_is_pronoun(S(a, i), N(a, i)) && !is(a, i, "it") && !is(a, i, "we") && !is(a, i, "i")) {
    bool they = is(a, i, "they");
    size_t r = resolve_person(a, i, they);
    sp->found = true;
    sp->first_tok = i;
    sp->end_tok = i + 1;
    sp->method = CD_ATTR_PRONOUN;
    if (r != CD_NONE) {
      set_name(a, sp, r, CD_ATTR_PRONOUN);
      sp->first_tok = i;
      sp->end_tok = i + 1;
      sp->mention = r;
      sp->how = cd_arena_printf(doc->arena, "\"%.*s\" refers to %s", (int)N(a, i), S(a, i), sp->name);
    } else {
      sp->entity = CD_NONE;
      sp->mention = CD_NONE;
      sp->name = cd_arena_strndup(doc->arena, S(a, i), N(a, i));
      sp->how = cd_arena_printf(doc->arena, "\"%.*s\" (no earlier name to resolve it to)", (int)N(a, i), S(a, i));
    }
    return true;
  }
  /* nominal: [determiner] [up to 3 modifiers] SOURCE-NOUN, or a bare plural source ("police") */
  size_t j = i;
  bool det = cd_word_in(S(a, j), N(a, j), DETERMINERS);
  if (det) j++;
  for (size_t k = 0; k < 4 && j < doc_ntok(doc); k++, j++) {
    if (T(a, j)->kind != TOK_WORD || !outside_quotes(a, j)) return false;
    if (source_noun(a, j)) {
      /* take the longest run of source nouns: "the police spokesperson" */
      size_t e = j + 1;
      while (e < doc_ntok(doc) && source_noun(a, e) && T(a, e)->sent == T(a, j)->sent) e++;
      if (!det && j == i && !(T(a, j)->flags & (TF_LOWER | TF_CAP))) return false;
      if (!det && k > 0) return false;
      if (!det && !is(a, j, "police") && !is(a, j, "officials") && !is(a, j, "authorities") &&
          !is(a, j, "prosecutors") && !is(a, j, "researchers") && !is(a, j, "scientists") && !is(a, j, "critics") &&
          !is(a, j, "witnesses") && !is(a, j, "experts") && !is(a, j, "analysts") && !is(a, j, "investigators") &&
          !is(a, j, "doctors") && !is(a, j, "organisers") && !is(a, j, "organizers") && !is(a, j, "sources"))
        return false;
      sp->found = true;
      sp->first_tok = i;
      sp->end_tok = e;
      sp->mention = CD_NONE;
      sp->entity = CD_NONE;
      sp->method = CD_ATTR_SOURCE;
      /* a name inside the phrase ("a spokesperson for the Kremlin") is kept in the words as written */
      sp->name = cd_arena_strndup(doc->arena, doc->text + T(a, i)->start, T(a, e - 1)->end - T(a, i)->start);
      return true;
    }
    if (a->mention_start[j] != CD_NONE) {
      /* "the Kremlin", "the White House": a determiner before a name */
      if (det && k == 0) return speaker_at(a, j, sp, method) && (sp->first_tok = i, true);
      return false;
    }
    if (!det) return false;
  }
  return false;
}

/* The token after a speaker phrase, skipping an appositive (", a spokesman for X,") and one
 * relative clause (", who ..., "). */
static size_t after_speaker(const att *a, const speaker *sp) {
  size_t j = sp->end_tok;
  if (punct(a, j, ',')) {
    size_t k = j + 1, lim = j + 25;
    while (k < doc_ntok(a->doc) && k < lim && !punct(a, k, ',') && T(a, k)->kind != TOK_MARK &&
           T(a, k)->sent == T(a, j)->sent)
      k++;
    if (punct(a, k, ',')) return k + 1;
  }
  return j;
}

/* Is there a speech verb right after the speaker (allowing adverbs)? Returns the verb or CD_NONE. */
static size_t verb_after(const att *a, size_t j) {
  for (size_t k = 0; k < 3 && j < doc_ntok(a->doc); k++, j++) {
    if (speech_verb(a, j)) return j;
    if (!between_word(a, j)) return CD_NONE;
  }
  return CD_NONE;
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

/* Sieve 1: after the closing mark. */
static bool after_quote(att *a, const quote_ctx *c, speaker *sp, size_t *verb) {
  size_t j = c->close + 1;
  size_t n = doc_ntok(a->doc);
  bool same_sentence = j < n && T(a, j)->sent == c->sent_close;
  while (j < n && (punct(a, j, ',') || dash(a, j) || punct(a, j, ':'))) j++;
  if (j >= n || T(a, j)->para != T(a, c->close)->para) return false;
  if (!same_sentence) {
    /* "We will win." Smith said. -- only when the next sentence is a short attribution */
    const cd_sentence *s = CD_VEC_AT(&a->doc->sentences, cd_sentence, T(a, j)->sent);
    if (s->end_tok - s->first_tok > 14 || s->first_tok != j) return false;
    for (size_t k = s->first_tok; k < s->end_tok; k++)
      if (T(a, k)->kind == TOK_MARK && T(a, k)->role != MR_APOS) return false;
  }
  /* VERB SPEAKER: said Trump */
  if (speech_verb(a, j) && speaker_at(a, j + 1, sp, CD_ATTR_EXPLICIT)) {
    if (sp->method != CD_ATTR_PRONOUN || same_sentence) { /* "said he" is rare but fine */
      *verb = j;
      return true;
    }
  }
  memset(sp, 0, sizeof *sp);
  /* SPEAKER [appositive] [adverbs] VERB */
  if (speaker_at(a, j, sp, CD_ATTR_EXPLICIT)) {
    size_t v = verb_after(a, after_speaker(a, sp));
    if (v == CD_NONE) v = verb_after(a, sp->end_tok);
    if (v != CD_NONE) {
      *verb = v;
      return true;
    }
  }
  memset(sp, 0, sizeof *sp);
  return false;
}

/* Leftmost subject-like speaker of the sentence before token `limit`: not possessive, not right
 * after a preposition. */
static const char *const PREPOSITIONS[] = {"in", "at", "on", "of", "for", "with", "by", "from", "to", "about",
                                           "against", "under", "after", "before", "during", "between", "into",
                                           "over", "like", "than", "toward", "towards", "among", "near",
                                           "behind", "beside", "across", "through", "via", "without", NULL};

static bool sentence_subject(att *a, uint32_t sent, size_t limit, speaker *sp) {
  const cd_sentence *s = CD_VEC_AT(&a->doc->sentences, cd_sentence, sent);
  for (size_t i = s->first_tok; i < limit && i < s->end_tok; i++) {
    if (!outside_quotes(a, i) || T(a, i)->kind != TOK_WORD) continue;
    bool after_prep = (i > s->first_tok && T(a, i - 1)->kind == TOK_WORD &&
                       cd_word_in(S(a, i - 1), N(a, i - 1), PREPOSITIONS)) ||
                      (i > s->first_tok + 1 && is(a, i - 1, "the") && T(a, i - 2)->kind == TOK_WORD &&
                       cd_word_in(S(a, i - 2), N(a, i - 2), PREPOSITIONS));
    if (after_prep) continue;
    speaker tmp = {0};
    if (speaker_at(a, i, &tmp, CD_ATTR_EXPLICIT)) {
      if (tmp.method == CD_ATTR_SOURCE && tmp.end_tok > limit) continue;
      *sp = tmp;
      return true;
    }
  }
  return false;
}

/* Sieve 2: before the opening mark, in the quote's sentence. */
static bool before_quote(att *a, const quote_ctx *c, bool partial, speaker *sp, size_t *verb) {
  const cd_sentence *s = CD_VEC_AT(&a->doc->sentences, cd_sentence, c->sent_open);
  size_t window = partial ? 60 : 30;
  for (size_t i = c->open; i > s->first_tok && c->open - i < window; i--) {
    size_t v = i - 1;
    if (!outside_quotes(a, v) || T(a, v)->kind != TOK_WORD || !(T(a, v)->flags & TF_LOWER)) continue;
    bool say = cd_is_speech_verb(a->doc->config, S(a, v), N(a, v));
    bool part = cd_is_speech_participle(S(a, v), N(a, v));
    bool stance = partial && cd_is_stance_verb(S(a, v), N(a, v));
    if (!say && !part && !stance) continue;
    if (part) {
      /* ", saying QUOTE": the subject of the sentence */
      if (sentence_subject(a, c->sent_open, v, sp)) {
        *verb = v;
        return true;
      }
      continue;
    }
    /* SPEAKER [adverbs] VERB: walk back over adverbs, then an appositive ending in a comma */
    size_t k = v;
    while (k > s->first_tok && between_word(a, k - 1)) k--;
    size_t end = k;
    if (end > s->first_tok && punct(a, end - 1, ',')) {
      size_t m = end - 1;
      while (m > s->first_tok && !punct(a, m - 1, ',') && end - m < 25) m--;
      if (m > s->first_tok && punct(a, m - 1, ',')) end = m - 1; /* before ", a spokesman for X," */
    }
    /* the speaker phrase ends at `end`: find a phrase that starts within 6 tokens before it */
    for (size_t st = end; st > s->first_tok && end - st < 6; st--) {
      speaker tmp = {0};
      if (speaker_at(a, st - 1, &tmp, CD_ATTR_EXPLICIT) && tmp.end_tok == end) {
        *sp = tmp;
        *verb = v;
        return true;
      }
    }
    /* VERB SPEAKER ... QUOTE: "said Trump, "..." is rare; a stance verb takes the subject */
    if (stance || say) {
      if (sentence_subject(a, c->sent_open, v, sp)) {
        *verb = v;
        return true;
      }
    }
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
  att a = {doc, NULL, NULL};
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
    /* a later quote in the same paragraph continues the last attributed one ("...," X said. "...") */
    for (size_t p = qi; p > 0; p--) {
      const cd_quote *pq = CD_VEC_AT(&doc->quotes, cd_quote, p - 1);
      const cd_quote_work *pw = CD_VEC_AT(&doc->quote_work, cd_quote_work, p - 1);
      if (pw->para != w->para) break;
      if (pq->level > 0) continue;
      if (pq->speaker && pq->kind == CD_QUOTE_SPEECH) {
        /* only when nothing but the attribution stands between them */
        size_t gap_words = 0;
        for (size_t k = pw->close_tok + 1; k < w->open_tok; k++)
          if (T(&a, k)->kind == TOK_WORD && T(&a, k)->quote == NO_QUOTE) gap_words++;
        if (gap_words <= 12) continue_from(&a, qi, p - 1, "a later quote in the same paragraph");
      }
      break;
    }
  }
}
