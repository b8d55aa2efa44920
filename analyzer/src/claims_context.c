/* Context checks for claim phrases: a phrase hit is only a finding when the tokens around it show
 * that nobody is named. Every check looks at a bounded window of tokens in the phrase's sentence,
 * so the pass stays linear.
 *
 * The rules, in short:
 *  - a group ("critics", "experts") is a finding when it is the subject of a verb of saying or
 *    claiming and nothing names it: "the experts" refers back, "NASA scientists" and "experts at
 *    Harvard" are named;
 *  - "officials" are anonymous unless a body is attached ("Pentagon officials", "officials at the
 *    ministry", "police officials"); a demonym does not name them ("Turkish officials");
 *  - "sources" and single unnamed people ("an aide", "one MP") are anonymous whatever body they
 *    belong to: the body is not the speaker;
 *  - "reports", "studies" and "according to" are findings only when no outlet or author follows. */
#include <string.h>
#include <strings.h>

#include "claims.h"
#include "lexicon.h"
#include "speech_verbs.h"
#include "words.h"

/* ---- token helpers ---- */

static const cd_token *tk(const cd_doc *d, size_t i) { return doc_tok(d, i); }
static const char *ts(const cd_doc *d, size_t i) { return d->text + tk(d, i)->start; }
static size_t tn(const cd_doc *d, size_t i) { return tk(d, i)->len; }
static bool word(const cd_doc *d, size_t i) { return i < doc_ntok(d) && tk(d, i)->kind == TOK_WORD; }
/* Token i is the word w, a string literal, in any case. */
#define is(d, i, w) CD_TOK_WORD_IS((d), (i), w)
static bool lx(const cd_doc *d, size_t i, cd_lex_id list) {
  return word(d, i) && cd_lex_has(list, ts(d, i), tn(d, i));
}
/* A determiner that refers back or says whose ("the", "this", "his", "their"). */
static bool determined(const cd_doc *d, size_t i) {
  return lx(d, i, CD_LEX_CLAIM_ANAPHORIC_DETERMINERS) || lx(d, i, CD_LEX_CLAIM_PERSONAL_POSSESSIVES);
}

static bool in(const cd_doc *d, size_t i, const char *const *list) {
  return word(d, i) && cd_word_in(ts(d, i), tn(d, i), list);
}
static bool punct(const cd_doc *d, size_t i, char c) {
  return i < doc_ntok(d) && tk(d, i)->kind == TOK_PUNCT && tn(d, i) == 1 && d->text[tk(d, i)->start] == c;
}
static bool capital(const cd_doc *d, size_t i) { return word(d, i) && (tk(d, i)->flags & (TF_CAP | TF_ALLCAPS)); }
static bool lower(const cd_doc *d, size_t i) { return word(d, i) && (tk(d, i)->flags & TF_LOWER); }
static const cd_sentence *sent_of(const cd_doc *d, size_t i) {
  return CD_VEC_AT(&d->sentences, cd_sentence, tk(d, i)->sent);
}
static size_t sent_first(const cd_doc *d, size_t i) { return sent_of(d, i)->first_tok; }
/* Usable context: prose outside quotation marks, in the same sentence as token `ref`. */
static bool ctx(const cd_doc *d, size_t i, size_t ref) {
  return i < doc_ntok(d) && !(tk(d, i)->flags & TF_QUOTED) && tk(d, i)->sent == tk(d, ref)->sent;
}
/* The token before `i` in its sentence, or CD_NONE. */
static size_t prev_tok(const cd_doc *d, size_t i) {
  return i > sent_first(d, i) && ctx(d, i - 1, i) ? i - 1 : CD_NONE;
}

/* A dash that sets an aside off: an em or en dash, or two hyphens. */
static bool em_dash(const cd_doc *d, size_t i) {
  if (i >= doc_ntok(d) || tk(d, i)->kind != TOK_PUNCT) return false;
  const char *s = ts(d, i);
  size_t n = tn(d, i);
  return (n == 3 && (memcmp(s, "\xE2\x80\x94", 3) == 0 || memcmp(s, "\xE2\x80\x93", 3) == 0)) ||
         (n == 2 && memcmp(s, "--", 2) == 0);
}

/* The dash that closes the aside the dash at token k opens ("-- Nevada and South Carolina --"),
 * within twenty tokens, in `ref`'s sentence; CD_NONE when there is none. */
static size_t aside_close(const cd_doc *d, size_t k, size_t ref) {
  for (size_t c = k + 1; c < k + 20 && ctx(d, c, ref); c++)
    if (em_dash(d, c)) return c;
  return CD_NONE;
}

static bool ends_with(const cd_doc *d, size_t i, const char *suffix) {
  size_t n = tn(d, i), m = strlen(suffix);
  return n >= m && strncasecmp(ts(d, i) + n - m, suffix, m) == 0;
}

static bool possessive(const cd_doc *d, size_t i) {
  return word(d, i) && tn(d, i) > 2 && (ends_with(d, i, "'s") || ends_with(d, i, "\xE2\x80\x99s"));
}

/* The first word of its sentence (after at most a few opening marks or brackets). */
static bool sentence_initial(const cd_doc *d, size_t i) {
  size_t first = sent_first(d, i);
  if (i - first > 4) return false;
  for (size_t k = first; k < i; k++)
    if (tk(d, k)->kind == TOK_WORD || tk(d, k)->kind == TOK_NUMBER) return false;
  return true;
}

/* A nationality, region or faith in capitals: cd_is_demonym. */
static bool demonym(const cd_doc *d, size_t i) {
  return capital(d, i) && cd_is_demonym(ts(d, i), tn(d, i), (tk(d, i)->flags & TF_ALLCAPS) != 0);
}

/* The first mention that ends after token i (mentions are in text order): the one i may be in, or
 * the first after it. */
static size_t mention_ending_after(const cd_doc *d, size_t i) {
  size_t lo = 0, hi = d->mentions.len;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (CD_VEC_AT(&d->mentions, cd_name_mention, mid)->end_tok <= i)
      lo = mid + 1;
    else
      hi = mid;
  }
  return lo;
}

/* Is token i inside a name mention found by the mentions pass? */
static bool in_name_mention(const cd_doc *d, size_t i) {
  size_t lo = mention_ending_after(d, i);
  if (lo >= d->mentions.len) return false;
  const cd_name_mention *m = CD_VEC_AT(&d->mentions, cd_name_mention, lo);
  return m->first_tok <= i && i < m->end_tok && m->kind == MK_NAME;
}

/* A capitalised word that names something: not a demonym, not an ordinary word that is only
 * capitalised because it starts the sentence (unless the mentions pass took it for a name). */
static bool naming_word(const cd_doc *d, size_t i) {
  if (!capital(d, i) || demonym(d, i) || cd_is_calendar_word(ts(d, i), tn(d, i))) return false;
  if (sentence_initial(d, i) && cd_is_common_word(ts(d, i), tn(d, i)) && !in_name_mention(d, i)) return false;
  return true;
}

/* Words allowed between a subject and its verb: "have long argued", "were quoted". */

/* Verbs of belief: what a bare "scientists" or "lawmakers" do when they are a weasel, not the
 * authors of a study the article is about ("researchers suggest" usually is). */
static bool belief_verb(const cd_doc *d, size_t i) {
  return lower(d, i) && cd_lex_has(CD_LEX_CLAIM_BELIEF_VERBS, ts(d, i), tn(d, i));
}
/* A noun of the group lists: "critics", "scientists", "Democrats". */
static bool group_noun(const cd_doc *d, size_t i) {
  return lx(d, i, CD_LEX_CLAIM_GROUP_HEADS) || lx(d, i, CD_LEX_CLAIM_BELIEF_GROUPS) ||
         lx(d, i, CD_LEX_CLAIM_PARTY_GROUPS);
}

/* A belief stated as an object: "expressed misgivings", "share these concerns". */
static bool opinion_verb(const cd_doc *d, size_t i) {
  return belief_verb(d, i) || (lower(d, i) && lx(d, i, CD_LEX_CLAIM_EXPRESSING_VERBS) &&
                               (lx(d, i + 1, CD_LEX_CLAIM_BELIEF_NOUNS) || lx(d, i + 2, CD_LEX_CLAIM_BELIEF_NOUNS)));
}
/* "workers would see their incomes rise": after a modal, "see" is what will happen to them, and a
 * view ("experts would see it as a test", "would see that") only with "as" or "that" after it. */
static bool seeing_not_view(const cd_doc *d, size_t i) {
  if (i >= doc_ntok(d) || tn(d, i) != 3 || !is(d, i, "see") || i == 0 || /* most words are longer: no compare */
      !in(d, i - 1, (const char *const[]){"would", "will", "could", "can", "may", "might", "should", NULL}))
    return false;
  for (size_t k = i + 1; k < i + 12 && ctx(d, k, i); k++)
    if (is(d, k, "as") || is(d, k, "that")) return false;
  return true;
}
static bool saying_verb(const cd_doc *d, size_t i) {
  if (seeing_not_view(d, i)) return false;
  /* "authorities worried by the increase": a participle of feeling with its cause puts nothing
   * forward */
  if (is(d, i + 1, "by") && in(d, i, (const char *const[]){"worried", "concerned", "alarmed", "troubled", "angered",
                                                             "outraged", "frustrated", "disturbed", "shocked",
                                                             "surprised", "encouraged", "heartened", "dismayed",
                                                             NULL}))
    return false;
  /* "Analysts pressed executives on whether ...", "aides have asked for changes": a question or a
   * request asks, it puts no view forward */
  if (in(d, i, (const char *const[]){"press", "presses", "pressed", "pressing", "quizzed", "queried", "ask", "asks",
                                     "asked", "asking", NULL}))
    return false;
  /* "Outside the gate, workers sang": singing puts no view forward */
  if (in(d, i, (const char *const[]){"sang", "sing", "sings", "singing", "sung", NULL})) return false;
  return lower(d, i) && (cd_is_speech_verb(d->config, ts(d, i), tn(d, i)) ||
                         cd_is_speech_participle(ts(d, i), tn(d, i)) ||
                         cd_lex_has(CD_LEX_CLAIM_REPORTING_VERBS, ts(d, i), tn(d, i)) || opinion_verb(d, i) ||
                         (lx(d, i, CD_LEX_CLAIM_FINDING_VERBS) && is(d, i + 1, "that")));
}

/* "the experts I interviewed said": skips the writer's contact clause at k, if any. */
static size_t skip_contact(const cd_doc *d, size_t k, size_t ref) {
  char buf[40];
  size_t n = 0;
  for (size_t j = k; j < k + 3 && ctx(d, j, ref) && word(d, j) && n + tn(d, j) + 1 < sizeof buf; j++) {
    if (n) buf[n++] = ' ';
    memcpy(buf + n, ts(d, j), tn(d, j));
    n += tn(d, j);
    if (j > k && cd_lex_has(CD_LEX_CLAIM_CONTACT_CLAUSES, buf, n)) return j + 1;
  }
  return k;
}

/* Skips auxiliaries and adverbs (at most three) from `j`; returns the next token. */
static size_t skip_aux(const cd_doc *d, size_t j, size_t ref) {
  for (int k = 0; k < 3 && ctx(d, j, ref) && lower(d, j) && lx(d, j, CD_LEX_CLAIM_AUXILIARIES); k++) j++;
  return j;
}

/* Skips a comma-delimited appositive (", like Obama," / ", which include Greenpeace,") starting
 * at a comma at `j`; returns the token after the closing comma, or `j` when there is none. */
static size_t skip_appositive(const cd_doc *d, size_t j, size_t ref) {
  if (!punct(d, j, ',')) return j;
  for (size_t k = j + 1; k < j + 26 && ctx(d, k, ref); k++) {
    if (punct(d, k, ',')) return k + 1;
    if (tk(d, k)->kind == TOK_MARK && tk(d, k)->role != MR_APOS) return j;
    if (punct(d, k, ';') || punct(d, k, ':') || punct(d, k, '(')) return j;
  }
  return j;
}

/* An appositive that names the subject: "an aide, Jane Cole, said". */
static bool naming_appositive(const cd_doc *d, size_t j, size_t ref) {
  if (!punct(d, j, ',') || !ctx(d, j + 1, ref) || skip_appositive(d, j, ref) == j) return false;
  if (naming_word(d, j + 1) || in_name_mention(d, j + 1)) return true;
  /* "A coalition of observers, the Transition Watch Group, said": the group by its name */
  if (is(d, j + 1, "the") && ctx(d, j + 2, ref) && (naming_word(d, j + 2) || in_name_mention(d, j + 2))) return true;
  /* "Critics, including Ben Takahashi, say", "..., among them council member Ben Takahashi, say" */
  if (!in(d, j + 1, (const char *const[]){"including", "among", "such", "notably", "led", NULL})) return false;
  for (size_t k = j + 2; k < j + 6 && ctx(d, k, ref) && word(d, k); k++)
    if (naming_word(d, k) || in_name_mention(d, k)) return true;
  return false;
}

/* Skips a short modifier after a subject: a prepositional phrase ("from across the spectrum"),
 * a participle phrase ("supporting the law") or a relative clause ("who studied it"), up to
 * eight words, stopping before an auxiliary or a verb of saying. */
static size_t skip_modifier(const cd_doc *d, size_t j, size_t ref) {
  if (!ctx(d, j, ref) || !lower(d, j)) return j;
  if (saying_verb(d, j) || lx(d, j, CD_LEX_CLAIM_AUXILIARIES)) return j;
  if (!lx(d, j, CD_LEX_CLAIM_MODIFIER_STARTS) && !ends_with(d, j, "ing")) return j;
  bool relative = in(d, j, (const char *const[]){"who", "that", "which", NULL});
  size_t k = j + 1;
  /* "a whistleblower who revealed ...": that verb is the relative clause's, not the subject's */
  if (relative && ctx(d, k, ref) && lower(d, k) && saying_verb(d, k)) return j;
  if (relative) { /* "an official who was not authorised to speak publicly said" */
    for (k = j + 2; k < j + 12 && ctx(d, k, ref) && word(d, k); k++)
      if (lower(d, k) && saying_verb(d, k) && !is(d, k - 1, "to") &&
          (!lx(d, k - 1, CD_LEX_CLAIM_AUXILIARIES) || k - 1 > j + 1))
        return k;
    return j;
  }
  size_t limit = j + 9;
  for (; k < limit && ctx(d, k, ref); k++) {
    if (punct(d, k, '.') && capital(d, k - 1) && tn(d, k - 1) <= 3) continue; /* "advisers to Mr. Obama say" */
    if (em_dash(d, k)) { /* "insiders in two states -- Nevada and South Carolina -- said": past the aside */
      size_t c = aside_close(d, k, ref);
      if (c == CD_NONE) return j;
      limit += c - k + 1;
      k = c;
      continue;
    }
    if (!word(d, k) && tk(d, k)->kind != TOK_NUMBER) return j;
    if (lx(d, k - 1, CD_LEX_DETERMINERS)) continue; /* "analysts on the call": a noun after an article */
    if (lower(d, k) &&
        (saying_verb(d, k) || (lx(d, k, CD_LEX_CLAIM_AUXILIARIES) && !is(d, k, "long") && !is(d, k, "too"))))
      /* "the nation's top diplomat to call into question ...", "refused to say": a verb of saying
       * after "to" is what someone means or declines to do, not what the subject says; a belief
       * still is the group's ("leads many experts to suspect that ...") */
      return is(d, k - 1, "to") && !belief_verb(d, k) ? j : k;
  }
  return j;
}

/* Finds the verb that `subject_end` (the token after a subject phrase) leads to, through an
 * appositive or a short modifier and auxiliaries. CD_NONE when there is none. */
static size_t subject_verb(const cd_doc *d, size_t j, size_t ref, bool opinion_only) {
  /* a second subject nothing names: "regulators and environmental groups worried" */
  if (is(d, j, "and"))
    for (size_t k = j + 1; k < j + 4 && ctx(d, k, ref) && lower(d, k) && !determined(d, k); k++)
      if (ends_with(d, k, "s") && !saying_verb(d, k)) {
        j = k + 1;
        break;
      }
  size_t k = skip_aux(d, j, ref);
  bool (*fits)(const cd_doc *, size_t) = opinion_only ? opinion_verb : saying_verb;
  /* "casual workers had been openly mocked", "voters were told": the subject of a passive verb of
   * saying undergoes it and puts nothing forward (not "are concerned that", a view) */
  if (ctx(d, k, ref) && lower(d, k) && (ends_with(d, k, "ed") || is(d, k, "told")) &&
      cd_is_speech_verb(d->config, ts(d, k), tn(d, k)) && !opinion_verb(d, k))
    for (size_t b = j; b < k; b++)
      if (in(d, b, (const char *const[]){"been", "being", "is", "are", "was", "were", "be", NULL})) return CD_NONE;
  if (ctx(d, k, ref) && fits(d, k)) return k;
  /* a clause about the group: "Democrats on Capitol Hill, who have argued that ..." */
  for (size_t w = j; w < j + 6 && ctx(d, w + 2, ref); w++)
    if (punct(d, w, ',') && is(d, w + 1, "who")) {
      size_t v = skip_aux(d, w + 2, ref);
      if (ctx(d, v, ref) && fits(d, v)) return v;
      break;
    } else if (!word(d, w)) {
      break;
    }
  k = skip_appositive(d, j, ref);
  if (k == j) k = skip_modifier(d, j, ref);
  if (k == j) return CD_NONE;
  k = skip_aux(d, k, ref);
  return ctx(d, k, ref) && fits(d, k) ? k : CD_NONE;
}

/* "voters could have considered": a counterfactual claims nothing; nor does "consider" before a
 * gerund ("Republicans have long considered using ...", "others consider moving there"): a plan,
 * not a belief. */
static size_t asserted(const cd_doc *d, size_t v) {
  bool unreal = v != CD_NONE && v > 1 && is(d, v - 1, "have") &&
                in(d, v - 2, (const char *const[]){"could", "would", "might", "should", NULL});
  bool plan = v != CD_NONE && in(d, v, (const char *const[]){"consider", "considered", "considers", NULL}) &&
              ctx(d, v + 1, v) && lower(d, v + 1) && tn(d, v + 1) > 4 && ends_with(d, v + 1, "ing");
  /* "Salvage experts are expected to assess the vessel", "officials are said to be": the group is
   * what is expected or said of, nobody's view */
  bool passive = v != CD_NONE && v > 0 && ctx(d, v + 1, v) && is(d, v + 1, "to") &&
                 in(d, v, (const char *const[]){"expected", "thought", "believed", "said", "understood", "known",
                                                "reported", "alleged", "rumoured", "rumored", "tipped", NULL}) &&
                 in(d, v - 1, (const char *const[]){"is", "are", "was", "were", "be", "been", "being", NULL});
  return unreal || plan || passive ? CD_NONE : v;
}

/* A name right after `j`: "at Harvard", "from the WHO", "in The Times". */
static bool named_after(const cd_doc *d, size_t j, size_t ref, cd_lex_id preps) {
  if (!ctx(d, j, ref) || !lx(d, j, preps)) return false;
  size_t k = j + 1;
  if (is(d, k, "the")) k++;
  return ctx(d, k, ref) && naming_word(d, k);
}

/* Verbs after which a noun phrase is their object ("he told officials that ..."). */
enum { NOT_OBJECT = 0, OBJECT, INVERTED };

/* Is the noun phrase [left, e) the object of the verb before it, or the subject of an inverted
 * attribution (", said officials.")? */
static int verb_before(const cd_doc *d, size_t left, size_t e, size_t ref) {
  size_t p = prev_tok(d, left);
  if (p == CD_NONE || !lower(d, p)) return NOT_OBJECT;
  bool speech = cd_is_speech_verb(d->config, ts(d, p), tn(d, p));
  if (!speech && !lx(d, p, CD_LEX_CLAIM_OBJECT_VERBS)) return NOT_OBJECT;
  if (lx(d, p, CD_LEX_CLAIM_INVERSION_VERBS) && (!ctx(d, e, ref) || tk(d, e)->kind == TOK_PUNCT)) return INVERTED;
  /* ", said sources close to the team", ", said officials in Kyiv": a tag after a comma; but not when
   * a verb follows, the subject of what was said ("Orlova, a director, said observers had been shut
   * out", "Kingsley, the chairman, said regulators set rates"): a lower-case word that is no
   * preposition, "who" or word of closeness */
  size_t c = prev_tok(d, p);
  bool clause_follows = ctx(d, e, ref) && lower(d, e) && !lx(d, e, CD_LEX_PREPOSITIONS) && !is(d, e, "who") &&
                        !in(d, e, (const char *const[]){"close", "familiar", "briefed", "knowledgeable", NULL});
  /* "Ingleby, who runs the scheme, said residents in the valley were frightened": a place after the
   * group, then its verb */
  if (!clause_follows && ctx(d, e, ref) && lx(d, e, CD_LEX_PREPOSITIONS) && !is(d, e, "close"))
    for (size_t k = e + 1; k < e + 6 && ctx(d, k, ref) && word(d, k); k++)
      if (in(d, k, (const char *const[]){"is", "are", "was", "were", "had", "have", "has", "would", "will", "could",
                                         "should", "might", "may", "can", "did", "do", "does", NULL})) {
        clause_follows = true;
        break;
      }
  if (lx(d, p, CD_LEX_CLAIM_INVERSION_VERBS) && c != CD_NONE && punct(d, c, ',') && !clause_follows) return INVERTED;
  return OBJECT;
}

/* Widens the hit to tokens [first, last]; true, for the checks that accept with it. */
static bool set_span(const cd_doc *d, claim_hit *hit, size_t first, size_t last) {
  if (tk(d, first)->start < hit->start) hit->start = tk(d, first)->start;
  if (cd_tok_end(tk(d, last)) > hit->end) hit->end = cd_tok_end(tk(d, last));
  return true;
}

/* The verb a subject [left, h] leads to from e: the span takes it when it is near. */
static bool span_to_verb(const cd_doc *d, claim_hit *hit, size_t left, size_t e, size_t h, size_t v) {
  if (v == CD_NONE) return false;
  /* "Neither the operator nor investigators have said why": a denial that anyone spoke */
  size_t p = prev_tok(d, left);
  if (p != CD_NONE && ctx(d, p, h) && in(d, p, (const char *const[]){"nor", "neither", NULL})) return false;
  return set_span(d, hit, left, v - e <= 3 ? v : h);
}

/* "the panel of experts", "the bank's team of analysts": the group belongs to something named
 * or already introduced. */
static bool of_definite(const cd_doc *d, size_t left) {
  size_t p = prev_tok(d, left);
  if (p == CD_NONE || !is(d, p, "of")) return false;
  size_t n = prev_tok(d, p);
  if (n == CD_NONE) return false;
  size_t det = prev_tok(d, n);
  return possessive(d, n) || naming_word(d, n) || (det != CD_NONE && (possessive(d, det) || determined(d, det)));
}

/* ---- checks ---- */

static bool check_known_for(const cd_doc *d, size_t f) {
  size_t p = prev_tok(d, f);
  return p == CD_NONE || (!capital(d, p) && !cd_is_pronoun(ts(d, p), tn(d, p)));
}

/* Sets the head of the source phrase [*left, ...]; takes a referring determiner before it into the
 * phrase ("the officials", a finding only when they refer back to unnamed ones) and returns the
 * token before the phrase, or CD_NONE. */
static size_t take_anaphor(const cd_doc *d, size_t head, size_t *left, claim_hit *hit) {
  size_t p = prev_tok(d, *left);
  hit->head = head;
  if (p == CD_NONE || !in(d, p, (const char *const[]){"the", "these", "those", NULL})) return p;
  hit->anaphoric = true;
  *left = p;
  return prev_tok(d, p);
}

/* "Analysts said the cuts were overdue. "...," said Jordan Meeks, an analyst at Harwell Securities":
 * one of the group, the head's singular, is named beside it in the group's own sentence or the two
 * after it, to the first sentence of the next paragraph (wire copy puts the named analyst's quote
 * there), so
 * the view has someone on record. Not "Some scientists have
 * questioned it. Raman said the team had checked": the one named is no scientist the text says so. */
static bool member_named_after(const cd_doc *d, size_t h, size_t e) {
  size_t n = tn(d, h);
  if (n < 4 || !ends_with(d, h, "s") || ends_with(d, h, "ss")) return false;
  n--; /* "analysts": "analyst" */
  const cd_sentence *hs = sent_of(d, h);
  uint32_t para = hs->para;
  size_t end = hs->end_tok;
  /* (the group's sentence and the two after it, to the first sentence of the next paragraph) */
  const cd_sentence *last = (const cd_sentence *)d->sentences.data + d->sentences.len;
  for (const cd_sentence *ns = hs + 1; ns < last && ns <= hs + 2 && ns->para <= para + 1; ns++) {
    end = ns->end_tok;
    if (ns->para > para) break;
  }
  for (size_t k = e; k < end && k < e + 80; k++) {
    if (!lower(d, k) || tn(d, k) != n || strncasecmp(ts(d, k), ts(d, h), n) != 0) continue;
    /* "an analyst at Harwell", "analyst Jordan Meeks", "Jordan Meeks, an analyst": a name within
     * three words either side, in the singular's sentence */
    for (size_t j = k > 3 ? k - 3 : 0; j <= k + 3 && j < end; j++)
      if (j != k && ctx(d, j, k) && naming_word(d, j) && in_name_mention(d, j)) return true;
  }
  return false;
}

/* "Analysts said the hit was manageable. Renata Okwu, who tracks the sector for Halden & Pryce,
 * said ...": a group of experts whose view the next sentence of the paragraph puts in the mouth of
 * someone named there (a person's name and a verb of saying outside quotation marks, or a quote
 * credited to a name) has its source. */
static bool expert_named_next(const cd_doc *d, size_t h) {
  static const char *const EXPERTS[] = {"analysts", "economists", "experts", "observers", "researchers", "academics",
                                        "scholars", "strategists", "historians", "scientists", NULL};
  if (!in(d, h, EXPERTS)) return false;
  const cd_sentence *hs = sent_of(d, h);
  if ((size_t)(hs - (const cd_sentence *)d->sentences.data) + 1 >= d->sentences.len) return false;
  const cd_sentence *ns = hs + 1;
  if (ns->para != hs->para) return false;
  /* the person's name opens the sentence, or follows a verb of saying ("...," said Olivia Dunham) */
  for (size_t mi = mention_ending_after(d, ns->first_tok); mi < d->mentions.len; mi++) {
    const cd_name_mention *m = CD_VEC_AT(&d->mentions, cd_name_mention, mi);
    if (m->first_tok >= ns->end_tok || m->first_tok > ns->first_tok + 60) break;
    if (m->kind != MK_NAME || m->in_quote || m->possessive || m->entity == CD_NONE ||
        CD_VEC_AT(&d->entities, cd_entity, m->entity)->kind != CD_ENTITY_PERSON)
      continue;
    size_t b = prev_tok(d, m->first_tok);
    /* ("...," said Olivia Dunham, a lawyer ...: an inverted tag, the name ending its clause) */
    if (b != CD_NONE && b >= ns->first_tok && lower(d, b) && cd_is_speech_verb(d->config, ts(d, b), tn(d, b)) &&
        (m->end_tok >= ns->end_tok || tk(d, m->end_tok)->kind == TOK_PUNCT))
      return true;
    if (m->first_tok != ns->first_tok) continue;
    /* the name's own verb, past an appositive in commas and a word or two ("has", "also") */
    size_t v = m->end_tok;
    if (v < ns->end_tok && punct(d, v, ',')) {
      size_t c = v + 1;
      while (c < ns->end_tok && c < v + 30 && !punct(d, c, ',') && tk(d, c)->kind != TOK_MARK) c++;
      if (c >= ns->end_tok || !punct(d, c, ',')) continue;
      v = c + 1;
    }
    /* (past an affiliation: "Professor Kang Myung-soo of Hanbit University's law school said") */
    if (v < ns->end_tok && (is(d, v, "of") || is(d, v, "at") || is(d, v, "from"))) {
      size_t c = v + 1;
      while (c < ns->end_tok && c < v + 10 &&
             (capital(d, c) || tk(d, c)->kind == TOK_MARK || is(d, c, "the") || is(d, c, "of") || is(d, c, "and") ||
              is(d, c, "s") || (lower(d, c) && !saying_verb(d, c) && c + 1 < ns->end_tok && saying_verb(d, c + 1))))
        c++;
      v = c;
    }
    for (size_t k = v; k < ns->end_tok && k < v + 3; k++) {
      if (tk(d, k)->kind != TOK_WORD || !lower(d, k)) break;
      if (saying_verb(d, k)) return true;
    }
  }
  return false;
}

/* "Experts say the river is cleaner, according to a 2023 report by the Wend Valley Wildlife
 * Trust": the group's sentence cites a named source after "according to" (a name within twelve
 * words of it). */
static bool source_cited_in_sentence(const cd_doc *d, size_t h) {
  const cd_sentence *s = sent_of(d, h);
  for (size_t k = s->first_tok; k + 1 < s->end_tok; k++) {
    if (tn(d, k) != 9 || !is(d, k, "according") || !is(d, k + 1, "to")) continue; /* (the length first: every word asks) */
    for (size_t j = k + 2; j < s->end_tok && j < k + 14; j++)
      if (naming_word(d, j) && in_name_mention(d, j)) return true;
    return false;
  }
  return false;
}

/* "In one case described in the report, an official is said to have visited ...": the sentence
 * opens with the document that says it ("described in", "detailed in", "cited in", "according
 * to" and the document's noun, within a few words), before token f. */
static bool document_fronted(const cd_doc *d, size_t f) {
  static const char *const CITING[] = {"described", "detailed", "cited", "documented", "recorded", "set", NULL};
  const cd_sentence *s = sent_of(d, f);
  for (size_t k = s->first_tok; k + 2 < f && k < s->first_tok + 12; k++) {
    bool cites = (in(d, k, CITING) && (is(d, k + 1, "in") || is(d, k + 1, "by") || is(d, k + 1, "out"))) ||
                 (is(d, k, "according") && is(d, k + 1, "to"));
    if (!cites) continue;
    for (size_t j = k + 2; j < f && j < k + 6; j++)
      if (lx(d, j, CD_LEX_CLAIM_DOCUMENT_HEADS) || naming_word(d, j)) return true;
  }
  return false;
}

/* After a group ending before token e: a linking verb with what it links ("were sceptical",
 * "remain unconvinced", "have been critical"), or nothing of the clause (a comma, the end). */
static bool stance_after(const cd_doc *d, size_t e, size_t ref) {
  static const char *const LINKING[] = {"is", "are", "was", "were", "been", "seem", "seemed", "seems", "appear",
                                        "appeared", "appears", "remain", "remained", "remains", "look", "looked",
                                        "sound", "sounded", NULL};
  static const char *const RECEIVED[] = {"given", "told", "shown", "invited", "allowed", "sent", "offered", "granted",
                                         "asked", "taken", "brought", "paid", NULL};
  static const char *const ADVERBS[] = {"even", "also", "still", "now", "often", "long", "never", "already", NULL};
  size_t k = e;
  /* "insiders across the four states -- and two-thirds of Republicans -- said": past an aside set off
   * by dashes, a few words after the group */
  for (size_t j = e; j < e + 6 && ctx(d, j, ref); j++) {
    if (!em_dash(d, j)) continue;
    size_t c = aside_close(d, j, ref);
    if (c != CD_NONE) k = c + 1;
    break;
  }
  if (!ctx(d, k, ref) || !word(d, k)) return true; /* "Many experts, however, ..." */
  /* "some activists even insist that", "most economists assess it as modest": a view put forward */
  while (ctx(d, k + 1, ref) && word(d, k) && (in(d, k, ADVERBS) || (ends_with(d, k, "ly") && tn(d, k) > 4))) k++;
  if (saying_verb(d, k) || belief_verb(d, k) || in(d, k, (const char *const[]){"assess", "assessed", "assesses", NULL}))
    return true;
  if (in(d, k, (const char *const[]){"have", "has", "had", NULL}) && ctx(d, k + 1, ref) && is(d, k + 1, "been")) k++;
  if (!in(d, k, LINKING)) return false;
  return !(ctx(d, k + 1, ref) && in(d, k + 1, RECEIVED));
}

/* "Several passengers posted photos of the cabin", "Several residents carried signs reading
 * "..."": the group's verb v has a thing made or held for its object (a few words on), or is a
 * participle of that thing: what they did, no view of theirs. */
static bool thing_done(const cd_doc *d, size_t head, size_t v) {
  static const char *const THINGS[] = {"photos", "photographs", "pictures", "images", "videos", "video", "footage",
                                       "signs", "placards", "banners", "flowers", "candles", "flags", NULL};
  for (size_t o = v + 1; o < v + 4 && ctx(d, o, head) && word(d, o); o++)
    if (in(d, o, THINGS)) return true;
  return v > head + 1 && in(d, v - 1, THINGS); /* "carried signs reading": the signs say it */
}

static bool check_group(const cd_doc *d, size_t f, size_t e, int strength, claim_hit *hit) {
  size_t h = e - 1, left = f;
  bool quant = false;
  for (size_t p = prev_tok(d, left); p != CD_NONE; p = prev_tok(d, left)) {
    if (determined(d, p)) break;
    if (lx(d, p, CD_LEX_CLAIM_GROUP_QUANTIFIERS)) {
      quant = quant || !lx(d, p, CD_LEX_CLAIM_GROUP_MODIFIERS);
      left = p;
    } else if (lx(d, p, CD_LEX_CLAIM_GROUP_MODIFIERS)) {
      left = p; /* "State legislators", "Democratic leaders": a kind, not a name */
    } else if (demonym(d, p) || (capital(d, p) && (!naming_word(d, p) || lx(d, h, CD_LEX_CLAIM_POSSESSED_GROUPS)))) {
      /* "Clinton supporters": whose supporters is not who they are */
      left = p;
    } else {
      break;
    }
  }
  size_t p = take_anaphor(d, h, &left, hit); /* "the experts": a finding when they refer back to unnamed ones */
  if (p != CD_NONE && !hit->anaphoric) {
    if (lx(d, p, CD_LEX_CLAIM_ANAPHORIC_DETERMINERS)) {
      return false;
    } else if (possessive(d, p) || lx(d, p, CD_LEX_CLAIM_PERSONAL_POSSESSIVES)) {
      if (!lx(d, h, CD_LEX_CLAIM_POSSESSED_GROUPS)) return false;
      left = p;
      if (possessive(d, p) && prev_tok(d, p) != CD_NONE && lx(d, prev_tok(d, p), CD_LEX_CLAIM_ANAPHORIC_DETERMINERS))
        left = p - 1;
    } else if (naming_word(d, p)) {
      return false; /* "NASA scientists", "Harvard researchers" */
    }
  }
  /* "experts at Harvard"; not "critics of Trump", whose critics they are, nor "experts in Britain" */
  if (!is(d, e, "of") && !is(d, e, "by") && !is(d, e, "on") && !is(d, e, "in") &&
      named_after(d, e, h, CD_LEX_CLAIM_NAMING_PREPOSITIONS))
    return false;
  p = prev_tok(d, left);
  if (p != CD_NONE && is(d, p, "of")) return false; /* "a panel of experts", "62 percent of Republicans" */
  /* "priority placed on motivating black voters": a gerund after a preposition takes the group as
   * its object ("the striking workers say" keeps its subject) */
  for (size_t g = p, k = 0; g != CD_NONE && k < 2 && lower(d, g); g = prev_tok(d, g), k++) /* "motivating black" */
    if (tn(d, g) > 5 && ends_with(d, g, "ing") && prev_tok(d, g) != CD_NONE && lower(d, prev_tok(d, g)) &&
        lx(d, prev_tok(d, g), CD_LEX_PREPOSITIONS))
      return false;
  /* "52 percent of registered voters agreed": a share, a word between */
  if (p != CD_NONE && lower(d, p) && prev_tok(d, p) != CD_NONE && is(d, prev_tok(d, p), "of")) return false;
  /* "efforts by some Republicans to ...", "appeal to voters who are concerned": after a preposition
   * the group is no subject putting a view forward ("criticised by experts" is another row), unless
   * a clause set off by a comma gives it one ("alarm among legal experts, who worry that") */
  if (p != CD_NONE && lower(d, p) && lx(d, p, CD_LEX_PREPOSITIONS)) { /* "by" among them */
    bool clause = false; /* "... from political opponents on the left, who accused ..." */
    for (size_t k = e; k < e + 6 && ctx(d, k + 1, h) && !clause; k++) clause = punct(d, k, ',') && is(d, k + 1, "who");
    if (!clause) return false;
  }
  /* "said critics" is an inverted attribution (the span takes the verb), "told critics that" an object */
  int vb = verb_before(d, left, e, h);
  if (vb == INVERTED) return set_span(d, hit, left - 1, h);
  if (vb == OBJECT || naming_appositive(d, e, h)) return false;
  size_t pp = p != CD_NONE ? prev_tok(d, p) : CD_NONE;
  if (pp != CD_NONE && is(d, p, "and") && naming_word(d, pp) && !lx(d, pp, CD_LEX_CLAIM_PARTY_GROUPS))
    return false; /* "Sanders and his supporters argue": the named one speaks for them */
  if (pp != CD_NONE && (tk(d, p)->kind == TOK_NUMBER || lx(d, p, CD_LEX_CLAIM_INDEFINITE_DETERMINERS)) &&
      in(d, pp, (const char *const[]){"all", "the", "both", NULL}))
    return false; /* "all three analysts": a set already named */
  if (member_named_after(d, h, e) || source_cited_in_sentence(d, h) || expert_named_next(d, h)) return false;
  bool opinion_only = strength == GROUP_WEAK && !quant;
  size_t sv = subject_verb(d, e, h, opinion_only);
  if (sv != CD_NONE && thing_done(d, h, sv)) return false;
  /* "what economists call spending": a term defined, in the present, no view; not "what many
   * analysts said was a sign", "what lawmakers called "fraud"" */
  if (p != CD_NONE && is(d, p, "what") && sv == e && is(d, sv, "call")) return false;
  /* "research by four economists suggests": a verb in the singular right after a plural group has
   * another subject */
  if (sv == e && ends_with(d, sv, "s") && !ends_with(d, sv, "ss") && ends_with(d, h, "s")) return false;
  if (span_to_verb(d, hit, left, e, h, asserted(d, sv))) return true;
  /* "Some experts were sceptical": a quantified group as the subject of a linking verb, no verb of
   * saying needed; not what the group did or was given ("Several critics have visited the studio",
   * "several critics were given access") */
  size_t b = prev_tok(d, left);
  if (!(quant && strength == GROUP_STRONG &&
        (b == CD_NONE || tk(d, b)->kind == TOK_PUNCT || lx(d, b, CD_LEX_CLAIM_CLAUSE_BOUNDARIES))))
    return false;
  if (!stance_after(d, e, h)) return false;
  return set_span(d, hit, left, h);
}

/* "Of the 300 residents surveyed, many said ...": the group is a measured one. */
static bool measured_group(const cd_doc *d, size_t f) {
  size_t from = sent_first(d, f);
  if (f - from > 40) from = f - 40; /* a bounded look back keeps the pass linear */
  for (size_t k = from; k < f; k++)
    if (lx(d, k, CD_LEX_CLAIM_MEASURING_WORDS) && skip_contact(d, k - 1, f) != k + 1)
      return true;
  return false;
}

static bool check_some(const cd_doc *d, size_t f, size_t e) {
  /* the verb: not a plural noun ("some estimates", "many questions") */
  size_t v = e - 1;
  if (!saying_verb(d, v) || (ends_with(d, v, "s") && !is(d, v, "says")) || asserted(d, v) == CD_NONE) return false;
  /* beyond belief and "say", a verb of saying needs its clause: "some warned that", not "some
   * estimated death tolls" or "some reported wanting" */
  if (!belief_verb(d, v) && !in(d, v, (const char *const[]){"say", "says", "said", NULL}) &&
      !(ctx(d, e, f) && (is(d, e, "that") || is(d, e, "as") || punct(d, e, ',') || punct(d, e, ':'))))
    return false;
  if (measured_group(d, f)) return false;
  /* "some said they" after a named crowd is still unnamed; "the many" is not a pronoun; "they all" refers back */
  size_t p = prev_tok(d, f);
  if (is(d, f, "all") && ((p != CD_NONE && !punct(d, p, ',') && !lx(d, p, CD_LEX_CLAIM_CLAUSE_BOUNDARIES)) ||
                          is(d, v, "told")))
    return false; /* "they all said", "All told" */
  if (p != CD_NONE && is(d, p, "not")) return false; /* "not everyone agreed" reports a split, not a claim */
  /* "Mr. Putin seemed most concerned with ...": "most" after a linking verb is an adverb */
  if (p != CD_NONE && is(d, f, "most") &&
      in(d, p, (const char *const[]){"is", "are", "was", "were", "be", "been", "being", "seem", "seems", "seemed",
                                     "appear", "appears", "appeared", "look", "looks", "looked", "become",
                                     "became", "remain", "remains", "remained", "feel", "feels", "felt", NULL}))
    return false;
  return p == CD_NONE ||
         !(lx(d, p, CD_LEX_CLAIM_ANAPHORIC_DETERMINERS) || is(d, p, "of") || tk(d, p)->kind == TOK_NUMBER);
}

/* "Some residents say", "many Democrats fear", "a number of experts in the field argue": a
 * quantifier, a plural noun phrase nothing names, and a verb of saying or belief. */
static bool check_quant_group(const cd_doc *d, size_t f, size_t e, claim_hit *hit) {
  size_t p = prev_tok(d, f);
  /* "there are some economists who argue": the relative clause is the claim */
  bool there = p != CD_NONE && in(d, p, (const char *const[]){"are", "were", NULL}) && prev_tok(d, p) != CD_NONE &&
               is(d, prev_tok(d, p), "there");
  if (p != CD_NONE && !there && !(tk(d, p)->kind == TOK_PUNCT || lx(d, p, CD_LEX_CLAIM_CLAUSE_BOUNDARIES)))
    return false;
  if (measured_group(d, f)) return false;
  /* "John Leguizamo, Zoe Saldana and many more Latinos said": the named ones speak for them */
  if (p != CD_NONE && in(d, p, (const char *const[]){"and", "or", NULL}) && prev_tok(d, p) != CD_NONE &&
      naming_word(d, prev_tok(d, p)))
    return false;
  size_t k = e;
  if (is(d, k, "of")) { /* "many of his supporters", "some of the experts" */
    if (!ctx(d, k + 1, f) || !(determined(d, k + 1) || possessive(d, k + 1))) return false;
    k += 2;
  }
  size_t head = CD_NONE;
  for (size_t n = 0; n < 4 && ctx(d, k, f) && word(d, k) && skip_contact(d, k, f) == k; n++, k++) {
    if (lower(d, k) &&
        (saying_verb(d, k) || lx(d, k, CD_LEX_CLAIM_AUXILIARIES) || lx(d, k, CD_LEX_CLAIM_MODIFIER_STARTS)))
      break;
    /* "several former RT journalists": their employer is named, they are not */
    if (capital(d, k) && !group_noun(d, k) && !demonym(d, k) && !(sentence_initial(d, k) && !naming_word(d, k)) &&
        k == e)
      return false;
    if ((ends_with(d, k, "s") && !possessive(d, k)) || in(d, k, (const char *const[]){"people", "men", "women", NULL}))
      head = k;
  }
  if (head == CD_NONE || head + 1 != k) return false;
  if (in(d, head, (const char *const[]){"people", "those", "others", NULL}) && ctx(d, k, f) &&
      in(d, k, (const char *const[]){"familiar", "close", "briefed", NULL}))
    return false; /* "some people familiar with the matter": an anonymous source, another row */
  if (cd_lex_has(CD_LEX_CLAIM_DOCUMENT_HEADS, ts(d, head), tn(d, head))) return false; /* "some studies" */
  if (lx(d, head, CD_LEX_CLAIM_WRITTEN_OBJECTS)) return false; /* "many holding signs reading" */
  bool contact = skip_contact(d, k, f) != k;
  /* "all the experts I interviewed"; not "all three candidates", "all signs" */
  if (is(d, f, "all") && !contact &&
      (tk(d, e)->kind == TOK_NUMBER || determined(d, e) || lx(d, e, CD_LEX_CLAIM_INDEFINITE_DETERMINERS) ||
       !group_noun(d, head)))
    return false;
  k = skip_contact(d, k, f);
  size_t v = there && is(d, k, "who") ? skip_aux(d, k + 1, head) : subject_verb(d, k, head, false);
  if (v == CD_NONE || !(ctx(d, v, head) && saying_verb(d, v))) return false;
  if (thing_done(d, head, v)) return false;
  /* "many regulars continued to stay away": a verb that tags speech only when speech follows */
  if (in(d, v, (const char *const[]){"continue", "continues", "continued", "add", "adds", "added", NULL}) &&
      !(ctx(d, v + 1, head) && (is(d, v + 1, "that") || punct(d, v + 1, ',') || punct(d, v + 1, ':'))))
    return false;
  /* "Many of his condemnations ... have been echoed by": a passive verb's subject is what is said,
   * not who says it (a belief after "are", "many are expected", "are concerned", still is a view) */
  if (v > 0 && lower(d, v) && ends_with(d, v, "ed") && !belief_verb(d, v) &&
      in(d, v - 1, (const char *const[]){"be", "been", "being", "is", "are", "was", "were", NULL}))
    return false;
  /* "Most of the containers are thought to have held dry goods": a passive of belief after things,
   * not people, is a raising passive (its own row judges it), no group's view */
  if (v > 0 && in(d, v - 1, (const char *const[]){"is", "are", "was", "were", "be", "been", NULL}) && !group_noun(d, head) &&
      !lx(d, head, CD_LEX_PERSON_DESCRIPTORS) && !demonym(d, head) &&
      !in(d, head, (const char *const[]){"people", "men", "women", "others", NULL}))
    return false;
  hit->head = head;
  return span_to_verb(d, hit, f, k, head, v);
}

/* "echoed by a number of tax experts", "called a charlatan by fellow physicians": a verb of saying
 * whose agent is an unnamed group. */
static bool check_by_group(const cd_doc *d, size_t f, size_t e, claim_hit *hit) {
  /* the verb, or the verb and its complement: "called a charlatan by" */
  size_t v = prev_tok(d, f);
  if (v != CD_NONE && !lx(d, v, CD_LEX_CLAIM_REPORTING_VERBS) && prev_tok(d, v) != CD_NONE)
    v = in(d, prev_tok(d, v), (const char *const[]){"a", "an", NULL}) ? prev_tok(d, prev_tok(d, v)) : CD_NONE;
  if (v == CD_NONE || !lower(d, v) || !ends_with(d, v, "ed") ||
      !(lx(d, v, CD_LEX_CLAIM_REPORTING_VERBS) || lx(d, v, CD_LEX_CLAIM_BELIEF_VERBS)))
    return false;
  size_t k = e;
  bool quant = is(d, k, "a") && is(d, k + 1, "number") && is(d, k + 2, "of");
  if (quant) k += 3;
  /* "by some of his rivals" */
  if (lx(d, k, CD_LEX_CLAIM_GROUP_QUANTIFIERS) && is(d, k + 1, "of") && determined(d, k + 2)) k += 3, quant = true;
  if (!(ctx(d, k, f) && in(d, k, (const char *const[]){"everyone", "everybody", NULL}))) {
    /* quantifiers and modifiers, and one other noun ("tax experts", "gun advocates") */
    for (int other = 0; ctx(d, k, f) && lower(d, k) && k < e + 5 && !lx(d, k, CD_LEX_CLAIM_GROUP_HEADS); k++) {
      bool mod = lx(d, k, CD_LEX_CLAIM_GROUP_QUANTIFIERS) || lx(d, k, CD_LEX_CLAIM_GROUP_MODIFIERS);
      if (!mod && ends_with(d, k, "s")) break;
      if (!mod && (other++ || lx(d, k, CD_LEX_CLAIM_FUNCTION_WORDS) || determined(d, k) || is(d, k, "a"))) return false;
      quant = quant || mod;
    }
    /* a group noun, or any plural after a quantifier ("by fellow surgeons", "by some voters") */
    bool group = group_noun(d, k) || (quant && lower(d, k) && ends_with(d, k, "s"));
    if (!ctx(d, k, f) || !group || named_after(d, k + 1, k, CD_LEX_CLAIM_NAMING_PREPOSITIONS) ||
        naming_appositive(d, k + 1, k))
      return false;
  }
  hit->head = v; /* "Echoed by whom?" */
  return set_span(d, hit, v, k);
}

/* After "reports": is the report named ("reports in The Times", "reports published by Reuters")? */
static bool report_named_after(const cd_doc *d, size_t j, size_t ref) {
  if (named_after(d, j, ref, CD_LEX_CLAIM_NAMING_PREPOSITIONS)) return true;
  /* "reports from the coastguard", "reports by its own staff": an author already introduced */
  if (ctx(d, j, ref) && in(d, j, (const char *const[]){"from", "by", "of", "in", NULL}) && ctx(d, j + 1, ref) &&
      determined(d, j + 1)) {
    size_t k = j + 2;
    while (ctx(d, k, ref) && lower(d, k) && lx(d, k, CD_LEX_CLAIM_MEDIA_MODIFIERS)) k++;
    bool press = ctx(d, k, ref) && in(d, k, (const char *const[]){"press", "media", "news", NULL});
    if (!press) return true;
  }
  for (size_t k = j; k < j + 5 && ctx(d, k, ref); k++) {
    if (lx(d, k, CD_LEX_CLAIM_PUBLISH_VERBS)) {
      size_t m = k + 1;
      if (ctx(d, m, ref) && in(d, m, (const char *const[]){"by", "in", "on", "from", NULL})) m++;
      if (is(d, m, "the")) m++;
      if (ctx(d, m, ref) && naming_word(d, m)) return true;
    }
    if (tk(d, k)->kind == TOK_PUNCT) break;
  }
  return false;
}

static bool check_reports(const cd_doc *d, size_t f, size_t e) {
  size_t p = prev_tok(d, f); /* not "his reports", "BBC news reports", "these reports"; "the early reports" */
  if (!lx(d, f, CD_LEX_CLAIM_REPORT_PREPOSITIONS) && p != CD_NONE &&
      (possessive(d, p) || lx(d, p, CD_LEX_CLAIM_PERSONAL_POSSESSIVES) || naming_word(d, p) ||
       (lx(d, p, CD_LEX_CLAIM_ANAPHORIC_DETERMINERS) &&
        !(is(d, p, "the") && lx(d, f, CD_LEX_CLAIM_REPORT_LEAD_ADJECTIVES)))))
    return false;
  return !report_named_after(d, e, e - 1);
}

static bool check_reports_subj(const cd_doc *d, size_t f, size_t e) {
  size_t h = f;
  if (sentence_initial(d, h)) {
    if (!capital(d, h)) return false;
    if (ctx(d, e, h) && capital(d, e)) return false; /* "Reports Without Borders" */
    /* "Reports for every inspection are available online", "Reports are filed weekly": documents,
     * not sources, unless a verb of reporting follows, at once or past what the reports are of
     * ("Reports suggest ...", "Reports on social media said ...", "Reports of looting emerged") */
    static const char *const BARE[] = {"are", "were", "have", "had", NULL};
    size_t v0 = skip_aux(d, e, h);
    bool reporting = false;
    for (size_t k = v0; k < v0 + 10 && ctx(d, k, h) && !reporting; k++) {
      if (k > v0 && !(tk(d, e)->kind == TOK_WORD && cd_lex_has(CD_LEX_PREPOSITIONS, ts(d, e), tn(d, e)))) break;
      reporting = lower(d, k) && ((lx(d, k, CD_LEX_CLAIM_REPORT_SUBJECT_VERBS) && !in(d, k, BARE)) || saying_verb(d, k));
    }
    if (!reporting) return false;
    return !report_named_after(d, e, h);
  }
  size_t p = prev_tok(d, h);
  if (p == CD_NONE || !(punct(d, p, ',') || (lower(d, p) && lx(d, p, CD_LEX_CLAIM_REPORT_SUBJECT_OPENERS))))
    return false;
  size_t v = skip_aux(d, e, h);
  if (v == e ? !(ctx(d, e, h) && lx(d, e, CD_LEX_CLAIM_REPORT_SUBJECT_VERBS)) ||
                   in(d, e, (const char *const[]){"have", "had", "are", "were", NULL})
             : !(ctx(d, v, h) && (lx(d, v, CD_LEX_CLAIM_REPORT_SUBJECT_VERBS) || saying_verb(d, v))))
    return false;
  return !report_named_after(d, e, h);
}

static bool check_media(const cd_doc *d, size_t f, size_t e, claim_hit *hit) {
  size_t h = e - 1, left = f;
  if (capital(d, h) && !sentence_initial(d, h)) return false; /* "Canadian Press" */
  bool modified = false, state = false, country = false;
  for (size_t p = prev_tok(d, left); p != CD_NONE; p = prev_tok(d, left)) {
    if ((lower(d, p) || sentence_initial(d, p)) && lx(d, p, CD_LEX_CLAIM_MEDIA_MODIFIERS)) {
      modified = true;
      state = state || (tn(d, p) >= 5 && CD_WORD_IS(ts(d, p), 5, "state"));
      left = p;
    } else if (demonym(d, p)) {
      modified = country = true;
      left = p;
    } else {
      break;
    }
  }
  size_t p = prev_tok(d, left);
  if (p != CD_NONE && is(d, p, "the")) {
    modified = true;
    left = p;
    p = prev_tok(d, left);
  }
  if (state && country) return false; /* "Chinese state media": one country's state outlet is a source */
  size_t v = skip_aux(d, e, h);
  bool verb_after = ctx(d, v, h) && lower(d, v) && lx(d, v, CD_LEX_CLAIM_MEDIA_VERBS);
  if (!modified && is(d, h, "media") && verb_after) modified = true; /* "Media reported that ..." */
  if (!modified) return false;
  if (p != CD_NONE && (naming_word(d, p) || possessive(d, p) || is(d, p, "social"))) return false;
  /* "not authorized to speak to the press said": the object of "to" or "with" after a verb is
   * whom someone spoke to, and the verb after it is the sentence's */
  if (p != CD_NONE && (is(d, p, "to") || is(d, p, "with")) && verb_after) {
    size_t b = prev_tok(d, p);
    static const char *const SPEAK[] = {"speak", "speaks", "spoke", "speaking", "talk", "talks", "talked",
                                        "talking", "comment", "commenting", "explain", "announce", NULL};
    if (b != CD_NONE && lower(d, b) && in(d, b, SPEAK)) return false;
  }
  /* "local media reported"; "reported by local media", "quoted in the local press"; not "criticised by the media" */
  if (!verb_after && !(p != CD_NONE && (is(d, p, "by") || is(d, p, "in")) &&
                       lx(d, prev_tok(d, p), CD_LEX_CLAIM_MEDIA_CARRYING_VERBS)))
    return false;
  return set_span(d, hit, left, verb_after && v - e <= 2 ? v : h);
}

/* "Polls suggest a close race. A survey published last month by the polling firm Consultores
 * Andinos put ...": the next sentence, in the same paragraph, names a study, survey or poll (its
 * maker after "by" or "from" within eight words of the noun, or a name right before it: "a
 * Gallup poll"). */
static bool study_named_next(const cd_doc *d, size_t f) {
  static const char *const WORKS[] = {"study", "studies", "survey", "surveys", "poll", "polls", "report", "research",
                                      "analysis", "estimate", "estimates", NULL};
  uint32_t next = tk(d, f)->sent + 1;
  if (next >= d->sentences.len) return false;
  const cd_sentence *s = CD_VEC_AT(&d->sentences, cd_sentence, next), *own = sent_of(d, f);
  if (s->para != own->para) return false;
  /* not "many other polls show": the poll named next is not among them */
  for (size_t p = prev_tok(d, f); p != CD_NONE && p + 3 > f; p = prev_tok(d, p))
    if (is(d, p, "other")) return false;
  for (size_t i = s->first_tok; i < s->end_tok; i++) {
    if (!lower(d, i) || !in(d, i, WORKS)) continue;
    /* a new one, cited: "a survey", "a Gallup poll", "one study" (not "The Times/CBS News survey",
     * the article's own) */
    bool cited = false;
    for (size_t k = i; k > s->first_tok && k + 4 > i && !cited; k--) cited = is(d, k - 1, "a") || is(d, k - 1, "an") || is(d, k - 1, "one");
    if (!cited) continue;
    if (i > s->first_tok + 1 && capital(d, i - 1)) return true;
    for (size_t k = i + 1; k < s->end_tok && k <= i + 8; k++)
      if ((is(d, k, "by") || is(d, k, "from")) && k + 1 < s->end_tok) {
        for (size_t j = k + 1; j < s->end_tok && j <= k + 4; j++)
          if (capital(d, j)) return true;
      }
  }
  return false;
}

static bool check_studies(const cd_doc *d, size_t f, size_t e, claim_hit *hit) {
  if (study_named_next(d, f)) return false;
  size_t left = f;
  for (size_t p = prev_tok(d, left); p != CD_NONE && lower(d, p) && lx(d, p, CD_LEX_CLAIM_STUDY_MODIFIERS);
       p = prev_tok(d, left))
    left = p;
  size_t p = prev_tok(d, left); /* not "the studies", "a survey", "her polls", "Harvard studies" */
  if (p != CD_NONE && (determined(d, p) || is(d, p, "a") || is(d, p, "an") || possessive(d, p) || naming_word(d, p)))
    return false;
  hit->head = f;
  return set_span(d, hit, left, e - 1);
}

static bool check_there(const cd_doc *d, size_t f, size_t e) {
  /* "complaints from Apple", "calls from the mayor", "complaints by its members": someone identified */
  bool whose = ctx(d, e, e - 1) && (is(d, e, "from") || is(d, e, "by") || is(d, e, "among") || is(d, e, "within"));
  return !(whose && (named_after(d, e, e - 1, CD_LEX_CLAIM_NAMING_PREPOSITIONS) ||
                     (ctx(d, e + 1, e - 1) && determined(d, e + 1))));
}

static bool check_widely(const cd_doc *d, size_t f, size_t e) {
  if (is(d, e - 1, "known") && is(d, e, "as")) return false; /* "commonly known as": a name, not a claim */
  /* "popularly known across the state as "Mai Gaskiya"": a short phrase of where before the "as" */
  if (is(d, e - 1, "known"))
    for (size_t k = e; k < e + 6 && ctx(d, k, f) && word(d, k) && !is(d, k, "and") && !is(d, k, "or"); k++)
      if (is(d, k, "as")) return false; /* (not "widely known and seen as", a view) */
  /* "other commonly held equipment": before a noun, "held" is owned; a view only before a word of
   * belief ("a commonly held belief") */
  static const char *const VIEWS[] = {"belief", "beliefs", "view", "views", "opinion", "opinions", "assumption",
                                      "assumptions", "notion", "notions", "idea", "ideas", "perception",
                                      "perceptions", "misconception", "misconceptions", "theory", "theories",
                                      "myth", "myths", "wisdom", "that", "to", "by", "in", "among", NULL};
  if (is(d, e - 1, "held") && ctx(d, e, f) && lower(d, e) && !lx(d, e, CD_LEX_CLAIM_BELIEF_NOUNS) && !in(d, e, VIEWS))
    return false;
  /* "the widely known actor", "a widely used drug": a description before a noun */
  size_t p = prev_tok(d, f);
  return !(p != CD_NONE && (lx(d, p, CD_LEX_CLAIM_ANAPHORIC_DETERMINERS) || is(d, p, "a") || is(d, p, "an")) &&
           in(d, e - 1, (const char *const[]){"known", "reported", "recognised", "recognized", "accepted", NULL}));
}

static bool check_agentless(const cd_doc *d, size_t f, size_t e) {
  size_t p = prev_tok(d, f);
  /* "a decision she once blamed on seasickness", "he later ascribed to": an adverb or two between
   * the one who blames and the verb ("was widely blamed on" stays: "was" is nobody) */
  for (int k = 0; k < 2 && p != CD_NONE && lower(d, p) &&
                  (ends_with(d, p, "ly") || in(d, p, (const char *const[]){"once", "later", "often", "always", "never",
                                                                      "also", "first", "then", "still", "twice", NULL}));
       k++)
    p = prev_tok(d, p);
  if (p != CD_NONE && (cd_is_pronoun(ts(d, p), tn(d, p)) || naming_word(d, p) || is(d, p, "who"))) return false;
  for (size_t k = e; k < e + 10 && ctx(d, k, f); k++)
    if (is(d, k, "by")) return false; /* "blamed on the storm by officials" */
  return true;
}

/* ---- according to ---- */

static bool all_lower_in(const cd_doc *d, size_t from, size_t to, cd_lex_id list) {
  for (size_t k = from; k < to; k++)
    if (!(lower(d, k) && lx(d, k, list)) && !demonym(d, k)) return false;
  return true;
}

/* "An audit released Thursday found ... ¶ The audit, by the state comptroller's office, covered",
 * "according to a poll ... ¶ The poll, conducted for the foundation by Harwell Research": a later
 * "the audit" and then "by" or "from" a name or a determined phrase, right after it or after a
 * participle of making ("conducted for X by"), says whose document it is, as a lede that keeps the
 * source for later does. Looks a bounded number of tokens ahead. */
enum { DOC_NAMED_LATER_TOKENS = 600 };
static bool doc_named_later(const cd_doc *d, size_t h) {
  static const char *const MADE[] = {"conducted", "commissioned", "produced", "published", "released", "prepared",
                                     "carried", "written", "compiled", "done", NULL};
  size_t n = doc_ntok(d), stop = h + DOC_NAMED_LATER_TOKENS < n ? h + DOC_NAMED_LATER_TOKENS : n;
  for (size_t k = h + 1; k + 2 < stop; k++) {
    if (tn(d, k) != tn(d, h) || !word(d, k) || strncasecmp(ts(d, k), ts(d, h), tn(d, h)) != 0) continue;
    size_t p = prev_tok(d, k);
    if (p == CD_NONE || !is(d, p, "the")) continue;
    size_t b = k + 1;
    if (punct(d, b, ',')) b++;
    bool made = in(d, b, MADE);
    for (size_t x = b; x < b + (made ? 8 : 1) && ctx(d, x + 1, k); x++) {
      if (!in(d, x, (const char *const[]){"by", "from", NULL})) continue;
      if (determined(d, x + 1) || possessive(d, x + 1) || naming_word(d, x + 1)) return true;
    }
  }
  return false;
}

static bool check_according(const cd_doc *d, size_t f, size_t e, int category, claim_hit *hit) {
  size_t j = e, ref = f;
  if (!ctx(d, j, ref) || !word(d, j)) return false;
  bool indef = lx(d, j, CD_LEX_CLAIM_SINGLE_INDEFINITES), definite = determined(d, j);
  size_t np = indef || definite ? j + 1 : j;
  /* the noun phrase: up to a comma or other punctuation, twelve words at most */
  size_t np_end = np;
  while (np_end < np + 12 && ctx(d, np_end, ref) &&
         (word(d, np_end) || tk(d, np_end)->kind == TOK_NUMBER))
    np_end++;
  if (np_end == np) return false;
  /* the head: the first word of one of the lexicons */
  size_t head = CD_NONE;
  int head_cat = 0;
  for (size_t k = np; k < np_end && head == CD_NONE; k++) {
    if (!lower(d, k)) continue;
    if (lx(d, k, CD_LEX_CLAIM_SOCIAL_HEADS)) head = k, head_cat = ACC_SOCIAL;
    else if (lx(d, k, CD_LEX_CLAIM_DOCUMENT_HEADS)) head = k, head_cat = ACC_STUDY;
    else if (is(d, k, "reports")) head = k, head_cat = ACC_REPORTS;
    else if (in(d, k, (const char *const[]){"media", "press", "news", NULL}))
      head = k + 1 < np_end && is(d, k + 1, "reports") ? k + 1 : k, head_cat = ACC_REPORTS;
    else if (lx(d, k, CD_LEX_CLAIM_SOURCE_HEADS) || lx(d, k, CD_LEX_CLAIM_OFFICIAL_HEADS))
      head = k, head_cat = ACC_ANON;
    else if (lx(d, k, CD_LEX_CLAIM_GROUP_HEADS) || is(d, k, "others") ||
             ((is(d, k, "some") || is(d, k, "many")) && k + 1 == np_end)) /* not "some estimates" */
      head = k, head_cat = ACC_GROUP;
  }
  if (head == CD_NONE || head_cat != category) return false;
  /* named anywhere in the phrase: "a report by Reuters", "a Twitter post by Amy Cook" */
  bool social = false;
  for (size_t k = np; k < np_end; k++) {
    if (capital(d, k) && !possessive(d, k) && naming_word(d, k)) return false;
    if (is(d, k, "social") && is(d, k + 1, "media")) social = true;
    if (lx(d, k, CD_LEX_CLAIM_UNVERIFIED_WORDS)) social = true;
  }
  switch (category) {
  case ACC_SOCIAL:
    if (!social) return false;
    break;
  case ACC_STUDY:
    if (ends_with(d, head, "s") || is(d, head, "research")) { /* "according to exit polls" */
      if (definite) return false;
      for (size_t k = np; k < head; k++)
        if (!lower(d, k)) return false;
    } else if (!indef) {
      return false; /* "according to the report": refers back to a named one */
    } else if (head > np && determined(d, head - 1)) {
      return false; /* "according to a disclosure in the paper": the document refers back too */
    }
    /* "a police report", "a county audit", "a court filing": the body that produced it is named */
    for (size_t k = np; k < head; k++)
      if (lower(d, k) && (lx(d, k, CD_LEX_CLAIM_BODY_NOUNS) ||
                          in(d, k, (const char *const[]){"criminal", "federal", "autopsy", "coroner's", NULL})))
        return false; /* (a criminal complaint, an autopsy report: an official record) */
    /* "a report by the agency", "a survey for its members": the author is identified */
    for (size_t k = head + 1; k + 1 < np_end; k++)
      if (in(d, k, (const char *const[]){"by", "from", "for", "of", "in", NULL}) &&
          determined(d, k + 1))
        return false;
    if (indef && doc_named_later(d, head)) return false;
    break;
  case ACC_REPORTS:
    if (is(d, head, "reports")) {
      if (definite || !all_lower_in(d, np, head, CD_LEX_CLAIM_REPORT_MODIFIERS)) return false;
    } else { /* media, press */
      if (head == np && !definite) return false; /* "according to media" is odd; "press" alone too */
      if (!all_lower_in(d, np, head, CD_LEX_CLAIM_REPORT_MODIFIERS) && !is(d, j, "the")) return false;
      if (is(d, head - 1, "social")) return false;
    }
    break;
  case ACC_ANON:
    if (definite) return false;
    if (lx(d, head, CD_LEX_CLAIM_OFFICIAL_HEADS)) {
      if (!all_lower_in(d, np, head, CD_LEX_CLAIM_OFFICIAL_MODIFIERS)) return false;
      if (!indef && in(d, head, (const char *const[]){"official", "diplomat", "aide", NULL})) return false;
      if (named_after(d, head + 1, ref, CD_LEX_CLAIM_NAMING_PREPOSITIONS)) return false;
    } else if ((is(d, head, "source") || is(d, head, "insider")) && !indef && head != np) {
      return false;
    }
    break;
  case ACC_GROUP:
    if (is(d, j, "the") || in(d, j, (const char *const[]){"these", "those", "this", "that", "its", "our", NULL}))
      return false;
    for (size_t k = np; k < head; k++)
      if (!(possessive(d, k) ||
            (lower(d, k) && (lx(d, k, CD_LEX_CLAIM_GROUP_QUANTIFIERS) || lx(d, k, CD_LEX_CLAIM_GROUP_MODIFIERS))) ||
            demonym(d, k)))
        return false;
    break;
  default:
    return false;
  }
  hit->head = head;
  return set_span(d, hit, f, head);
}

/* ---- anonymous sources ---- */

static size_t walk_left(const cd_doc *d, size_t left, cd_lex_id mods, bool allow_caps, bool *indef) {
  for (size_t p = prev_tok(d, left); p != CD_NONE; p = prev_tok(d, left)) {
    if (determined(d, p)) break;
    if ((lower(d, p) || sentence_initial(d, p)) && lx(d, p, mods)) {
      if (lx(d, p, CD_LEX_CLAIM_INDEFINITE_DETERMINERS)) *indef = true; /* "One MP", "Two sources" */
      left = p;
    } else if (demonym(d, p) || (allow_caps && capital(d, p) && !possessive(d, p))) {
      left = p;
    } else {
      break;
    }
  }
  return left;
}

/* "a nurse who was granted anonymity and is referred to as Nurse B", "Witness 3, who was given
 * anonymity by the judge": anonymity a court, inquest or tribunal grants a witness who gives
 * evidence on the record, not a source the paper keeps unnamed. */
static bool court_anonymity(const cd_doc *d, size_t f) {
  static const char *const COURTS[] = {"court", "judge", "inquest", "coroner", "tribunal", "trial", "jury", "hearing",
                                       "magistrate", "magistrates", "inquiry", NULL};
  if (!(is(d, f, "granted") || is(d, f, "given"))) return false;
  const cd_sentence *s = sent_of(d, f);
  for (size_t k = s->first_tok; k < s->end_tok; k++)
    if (lower(d, k) && in(d, k, COURTS)) return true;
  return false;
}

/* "now lives in a European capital she asked not to be named": a noun, then he/she/they and the
 * hit at f, is what the person asked not to name (a relative clause without "that"), not an
 * unnamed source. */
static bool withheld_thing(const cd_doc *d, size_t f) {
  static const char *const SUBJECTS[] = {"he", "she", "they", "we", NULL};
  static const char *const NOT_NOUNS[] = {"and", "but", "or", "that", "because", "when", "while", "as", "if",
                                          "so", "since", "though", "although", "said", "says", NULL};
  const cd_sentence *s = sent_of(d, f);
  return f >= s->first_tok + 2 && lower(d, f - 2) && in(d, f - 1, SUBJECTS) && !in(d, f - 2, NOT_NOUNS);
}

/* "A tornado tore through Hadley County, killing three people, officials said Tuesday. ¶ The
 * National Weather Service said ...": in the two sentences after the claim's, in its paragraph
 * and the next, a name (a body's or a person's, outside quotes) beside a verb of saying
 * ("The National Weather Service said", "said Civil Protection Director Héctor Villaseñor",
 * "according to the Calloway County Sheriff's Office"): the officials of a news lede, named
 * below it as wire copy names them. */
static bool officials_named_after(const cd_doc *d, size_t f) {
  const cd_sentence *own = sent_of(d, f);
  uint32_t last = tk(d, f)->sent + 2;
  for (uint32_t si = tk(d, f)->sent + 1; si <= last && si < d->sentences.len; si++) {
    const cd_sentence *s = CD_VEC_AT(&d->sentences, cd_sentence, si);
    if (s->para > own->para + 1) break;
    for (size_t k = s->first_tok; k < s->end_tok; k++) {
      if (tk(d, k)->flags & TF_QUOTED) continue;
      bool tag = lower(d, k) && lx(d, k, CD_LEX_CLAIM_LEADING_TAG_VERBS);
      /* (and the name that closes an appositive: "the office's chief volcanologist, Sione Taufahema, told") */
      if (tag && ((k > s->first_tok && in_name_mention(d, k - 1)) || (k + 1 < s->end_tok && in_name_mention(d, k + 1)) ||
                  (k > s->first_tok + 1 && punct(d, k - 1, ',') && in_name_mention(d, k - 2))))
        return true;
      if (is(d, k, "according") && is(d, k + 1, "to") && k + 3 < s->end_tok &&
          (in_name_mention(d, k + 2) || in_name_mention(d, k + 3)))
        return true;
    }
  }
  return false;
}

/* Unnamed people as the source (the row's check says which): "sources" whatever body they belong
 * to ("a source at the ministry"), "officials" unless a body names them ("Pentagon officials",
 * "officials at the ministry"), and single unnamed people ("an aide", "one MP", "her aides"). */
static bool check_people(const cd_doc *d, size_t f, size_t e, claim_check who, claim_hit *hit) {
  size_t h = f;
  bool source = who == CK_SOURCE, official = who == CK_OFFICIALS, indef = false;
  /* (bare "officials", "authorities": "administration officials", "one Democratic official" stay
   * unnamed whoever speaks after them) */
  if (official && !(f > 0 && ctx(d, f - 1, f) && word(d, f - 1) && !lx(d, f - 1, CD_LEX_CLAIM_FUNCTION_WORDS)) &&
      ends_with(d, f, "s") && officials_named_after(d, f))
    return false;
  cd_lex_id mods = source ? CD_LEX_CLAIM_SOURCE_MODIFIERS
                          : official ? CD_LEX_CLAIM_OFFICIAL_MODIFIERS : CD_LEX_CLAIM_PERSON_MODIFIERS;
  size_t left = walk_left(d, h, mods, !official, &indef);
  size_t p = take_anaphor(d, h, &left, hit); /* "the source added" */
  bool citing = source && p != CD_NONE && lx(d, p, CD_LEX_CLAIM_CITING_WORDS); /* "citing sources" */
  if (p != CD_NONE && official) {
    if (determined(d, p) || possessive(d, p)) return false;
    /* "Pentagon officials", "Health Ministry officials" (a capital that is no modifier names a body);
     * "one Orrin Island official" is a person of that place, and unnamed */
    if (capital(d, p) && !demonym(d, p)) {
      size_t q = p;
      while (q != CD_NONE && capital(d, q) && !possessive(d, q) && !is(d, q, "one")) {
        if (lx(d, q, CD_LEX_CLAIM_BODY_NOUNS)) return false; /* "one Homeland Security Department official" */
        q = prev_tok(d, q);
      }
      if (q == CD_NONE || !is(d, q, "one")) return false; /* "a Freedom Partners official": the body speaks */
      left = q;
      indef = true;
      p = prev_tok(d, q);
    }
    if (lower(d, p) && !lx(d, p, CD_LEX_CLAIM_FUNCTION_WORDS) && !saying_verb(d, p))
      return false; /* "police officials", "hospital officials" */
  } else if (p != CD_NONE && source) {
    if (!hit->anaphoric && determined(d, p)) return false;
  } else if (p != CD_NONE) {
    if (lx(d, p, CD_LEX_CLAIM_ANAPHORIC_DETERMINERS)) return false;
    if (possessive(d, p) || lx(d, p, CD_LEX_CLAIM_PERSONAL_POSSESSIVES)) {
      left = p;
      indef = true; /* "Johnson's aides", "her adviser": still nobody named */
    }
  }
  if (source && (is(d, e, "of") || is(d, e, "for"))) return false; /* "a source of income", "sources for the story" */
  if (!ends_with(d, h, "s") && !indef && !hit->anaphoric && !citing) return false;
  if (!source && !official && of_definite(d, left)) return false;
  int vb = verb_before(d, left, e, h);
  if (vb == INVERTED) return set_span(d, hit, left - 1, h);
  if ((vb == OBJECT && !citing) || naming_appositive(d, e, h)) return false;
  /* "sources close to the team", "officials familiar with the talks" */
  if (ctx(d, e, h) && (source ? lx(d, e, CD_LEX_CLAIM_SOURCE_CLOSENESS)
                              : official && in(d, e, (const char *const[]){"familiar", "close", "briefed", NULL}))) {
    bool to = ctx(d, e + 1, h) && in(d, e + 1, (const char *const[]){"to", "with", "on", "in", "about", NULL});
    return set_span(d, hit, left, e + to);
  }
  if (source && ctx(d, e, h) && is(d, e, "with") && is(d, e + 1, "knowledge")) return set_span(d, hit, left, e + 1);
  if (citing && ends_with(d, h, "s")) return set_span(d, hit, left, h);
  /* "officials at the ministry", "officials from Turkey's foreign ministry": a body is named */
  if (official && ctx(d, e, h) && lx(d, e, CD_LEX_CLAIM_NAMING_PREPOSITIONS)) {
    size_t k = e + 1;
    if (is(d, k, "the")) k++;
    for (; k < e + 6 && ctx(d, k, h) && word(d, k); k++) {
      if (naming_word(d, k) || (lower(d, k) && lx(d, k, CD_LEX_CLAIM_BODY_NOUNS))) return false;
      if (!possessive(d, k) && !lower(d, k)) break;
    }
  }
  /* a lone lower-case "mp" is not an MP */
  if (!source && !official && tn(d, h) <= 3 && !(tk(d, h)->flags & TF_ALLCAPS) && (tk(d, h)->flags & TF_LOWER))
    return false;
  return span_to_verb(d, hit, left, e, h, asserted(d, subject_verb(d, e, h, false)));
}

static bool check_familiar(const cd_doc *d, size_t f, size_t e) {
  size_t last = e - 1;
  if (is(d, last, "with") || is(d, last, "of") || is(d, last, "on")) {
    /* "familiar with the matter": what they know about, or a verb of saying after it */
    size_t k = e;
    if (ctx(d, k, f) && determined(d, k)) k++;
    if (ctx(d, k, f) && ((lower(d, k) && lx(d, k, CD_LEX_CLAIM_CLOSE_OBJECTS)) || possessive(d, k))) return true;
    for (size_t j = e; j < e + 14 && ctx(d, j, f); j++)
      if (saying_verb(d, j)) return true;
    return false;
  }
  size_t k = e + is(d, e, "the"); /* "close to the investigation", "close to Downing Street" */
  return !(is(d, last, "to") || is(d, last, "in")) ||
         (ctx(d, k, f) &&
          ((is(d, last, "to") && naming_word(d, k)) || (lower(d, k) && lx(d, k, CD_LEX_CLAIM_CLOSE_OBJECTS))));
}

/* "spoke on background", "told reporters anonymously": a verb of communicating at most n words before. */
static bool communicated(const cd_doc *d, size_t f, size_t n) {
  for (size_t p = prev_tok(d, f), k = 0; p != CD_NONE && k < n; p = prev_tok(d, p), k++)
    if (lower(d, p) && lx(d, p, CD_LEX_CLAIM_COMMUNICATION_VERBS)) return true;
  return false;
}

static bool check_anon_adv(const cd_doc *d, size_t f, size_t e) {
  /* "Information can also be given anonymously to Crimestoppers": a police appeal's way to call,
   * nobody speaking anonymously here */
  for (size_t k = f, n = 0; k > 0 && n < 5; k--, n++) {
    if (!ctx(d, k - 1, f)) break;
    if (in(d, k - 1, (const char *const[]){"can", "could", "may", "will", "should", NULL})) return false;
  }
  return communicated(d, f, 3) || (is(d, e, "by") && ctx(d, e + 1, f) && lx(d, e + 1, CD_LEX_CLAIM_ANONYMOUS_AGENTS));
}

/* "It emerged on Tuesday that ...": a disclosure with no discloser. */
static bool check_emerged(const cd_doc *d, size_t f, size_t e) {
  for (size_t k = e; k < e + 6 && ctx(d, k, f); k++) {
    if (is(d, k, "that")) return true;
    if (tk(d, k)->kind == TOK_PUNCT && !punct(d, k, ',')) return false;
    if (in(d, k, (const char *const[]){"from", "by", "as", "in", "into", "out", NULL}) && k == e) return false;
  }
  return false;
}

/* "A recent study found ...": an indefinite study or report, nothing naming its author. */
static bool check_indef_doc(const cd_doc *d, size_t f, size_t e, claim_hit *hit) {
  size_t h = f, left = h;
  bool indef = false;
  for (size_t p = prev_tok(d, left); p != CD_NONE; p = prev_tok(d, left)) {
    if ((lower(d, p) || sentence_initial(d, p)) && in(d, p, (const char *const[]){"a", "an", "one", "another", NULL})) {
      indef = true;
      left = p;
      break;
    }
    if ((lower(d, p) && lx(d, p, CD_LEX_CLAIM_DOCUMENT_MODIFIERS)) || tk(d, p)->kind == TOK_NUMBER || demonym(d, p))
      left = p;
    else
      break;
  }
  if (!indef) return false;
  /* "an independent research group, said": the document's word names a body here */
  if (ctx(d, e, h) && lower(d, e) &&
      in(d, e, (const char *const[]){"group", "groups", "institute", "centre", "center", "team", "unit", "body", "firm",
                                     "organisation", "organization", "foundation", "network", "lab", "laboratory",
                                     "council", "project", "programme", "program", NULL}))
    return false;
  size_t p = prev_tok(d, left);
  if (p != CD_NONE && (lx(d, p, CD_LEX_PREPOSITIONS) || verb_before(d, left, e, h) != NOT_OBJECT)) return false;
  for (size_t k = e; k < e + 14 && ctx(d, k, h); k++) {
    if (punct(d, k, ',')) {
      if (skip_appositive(d, k, h) == k) return false;
      continue;
    }
    if (tk(d, k)->kind == TOK_PUNCT || tk(d, k)->kind == TOK_MARK) return false;
    if (naming_word(d, k) || possessive(d, k)) return false; /* "a study by Harvard", "a Met Office report" */
    if (in(d, k, (const char *const[]){"by", "from", "for", "of", "at", "commissioned", NULL}) && ctx(d, k + 1, h) &&
        (determined(d, k + 1) || possessive(d, k + 1)))
      return false; /* "a report by the agency" */
    if (lower(d, k) && lx(d, k, CD_LEX_CLAIM_DOCUMENT_VERBS))
      return !doc_named_later(d, h) && span_to_verb(d, hit, left, e, h, k);
  }
  return false;
}

/* "An unnamed official said", "unidentified sources told": the phrase says itself that nobody is named. */
static bool check_unnamed(const cd_doc *d, size_t f, size_t e, claim_hit *hit) {
  size_t p = prev_tok(d, f);
  if (p != CD_NONE && (determined(d, p) || possessive(d, p))) return false;
  size_t left = p != CD_NONE && lx(d, p, CD_LEX_CLAIM_INDEFINITE_DETERMINERS) ? p : f;
  for (size_t n = 1; n <= 3; n++) {
    size_t h = e + n - 1;
    if (!ctx(d, h, f) || !(lower(d, h) || demonym(d, h))) return false;
    if (verb_before(d, left, h + 1, f) == OBJECT) return false;
    hit->head = h;
    if (span_to_verb(d, hit, left, h + 1, h, subject_verb(d, h + 1, h, false))) return true;
  }
  return false;
}

/* "is considered one of the best": a passive with nobody behind it ("by" would name them). */
static bool check_passive(const cd_doc *d, size_t f, size_t e) {
  /* "The holiday is observed as a day of sacrifice": kept, not witnessed */
  if (is(d, e - 1, "observed") && is(d, e, "as")) return false;
  /* "She has not been accused of any wrongdoing": that nobody has, a disclaimer, not a claim */
  size_t p = prev_tok(d, f);
  if (p != CD_NONE && (is(d, p, "not") || is(d, p, "never") || is(d, p, "n't"))) return false;
  for (size_t k = e; k < e + 8 && ctx(d, k, f); k++) {
    if (is(d, k, "by") || is(d, k, "from")) return false;
    if (tk(d, k)->kind == TOK_PUNCT && !punct(d, k, ',')) break;
  }
  return true;
}

/* Does the sentence attribute itself: "according to the BBC", or a closing ", police said."? Then an
 * impersonal passive in it has a source. A hedge keeps its finding beside "according to": the
 * writer still distances the words from that source ("According to X, he reportedly ..."). With
 * `strict`, a closing verb of saying counts only near the sentence's end (", police said on
 * Tuesday."), not the verb of a clause that goes on (", which critics have said amounted to fraud."). */
static bool sentence_attributed(const cd_doc *d, size_t f, size_t e, bool hedge, bool strict) {
  const cd_sentence *s = sent_of(d, f);
  size_t from = s->first_tok, to = s->end_tok;
  if (f - from > 60) from = f - 60;
  if (to - e > 60) to = e + 60;
  for (size_t k = from; k + 2 < to; k++) {
    if (k >= f && k < e) continue;
    if (hedge && k == s->first_tok) continue; /* "According to X, he reportedly ...": still a hedge */
    if (!(tk(d, k)->flags & TF_QUOTED) && is(d, k, "according") && is(d, k + 1, "to") &&
        (is(d, k + 2, "the") || is(d, k + 2, "police") || naming_word(d, k + 2)))
      return true;
  }
  /* a trailing attribution: the last comma of the sentence, then a few words with a verb of saying */
  size_t end = to;
  while (end > e && tk(d, end - 1)->kind != TOK_WORD) end--;
  for (size_t k = end; k > e && end - k < 7; k--) {
    if (!punct(d, k - 1, ',')) continue;
    for (size_t j = k; j < end; j++)
      if (!(tk(d, j)->flags & TF_QUOTED) && lower(d, j) && lx(d, j, CD_LEX_CLAIM_TRAILING_TAG_VERBS) &&
          (!strict || end - j <= 4))
        return true;
    break;
  }
  /* a tag set off by commas right after the claim's clause: "Most of the containers are thought to
   * have held dry goods, she said, but the manifest ..." (a pronoun or a name, then the verb) */
  for (size_t k = e; k < to && k < e + 12; k++) {
    if (!punct(d, k, ',')) continue;
    size_t w = k + 1;
    if (w + 2 < to && (cd_is_pronoun(ts(d, w), tn(d, w)) || naming_word(d, w)) && lower(d, w + 1) &&
        lx(d, w + 1, CD_LEX_CLAIM_TRAILING_TAG_VERBS) && (punct(d, w + 2, ',') || punct(d, w + 2, '.')))
      return true;
    break;
  }
  return false;
}

/* "Police said the man allegedly ...", "The court heard that he allegedly ...": a hedge inside
 * words already attributed to a named source. With `strict`, the verb stands in the claim's own
 * clause: no comma between them ("Bolsonaro has said ..., and his critics blame him", "After Voss
 * said she would resign, many residents believe ...", "...," Christie added, referring to a job he
 * is widely believed to want). */
static bool leading_attribution(const cd_doc *d, size_t f, bool strict) {
  size_t first = sent_first(d, f);
  for (size_t k = f, n = 0; k > first && n < 30; k--, n++) {
    size_t v = k - 1;
    if (!ctx(d, v, f) || (strict && (punct(d, v, ',') || punct(d, v, ';')))) break;
    if (!(lower(d, v) && lx(d, v, CD_LEX_CLAIM_LEADING_TAG_VERBS))) continue;
    size_t p = prev_tok(d, v);
    while (p != CD_NONE && lower(d, p) && lx(d, p, CD_LEX_CLAIM_AUXILIARIES)) p = prev_tok(d, p);
    /* "The association's chairman, Geraint Bassett, said": the name that closes an appositive */
    if (p != CD_NONE && punct(d, p, ',') && prev_tok(d, p) != CD_NONE && in_name_mention(d, prev_tok(d, p)))
      return true;
    if (p != CD_NONE && (naming_word(d, p) || lx(d, p, CD_LEX_CLAIM_SOURCE_SUBJECTS) || in_name_mention(d, p)))
      return true;
  }
  return false;
}

/* "It will be held in Las Vegas", "it was felt across the region", "when it was argued in January"
 * (a case before a court): "held", "felt", "observed" and "argued" after an impersonal "it is"
 * name an event, a sensation, a sighting or a hearing as often as a belief; they
 * put a belief forward only with a clause after them ("it is held that", "it was felt to be") in
 * the next few words. */
static bool event_participle(const cd_doc *d, size_t f, size_t e) {
  if (e == 0 || !in(d, e - 1, (const char *const[]){"held", "felt", "observed", "argued", NULL})) return false;
  for (size_t k = e; k < e + 8 && ctx(d, k, f); k++)
    if (is(d, k, "that") || is(d, k, "to")) return false;
  return true;
}

/* A question puts no claim forward ("Should voters expect ...?"). */
static bool question(const cd_doc *d, size_t i) {
  const cd_sentence *s = sent_of(d, i);
  for (size_t k = s->end_tok, n = 0; k > s->first_tok && n < 3; k--, n++)
    if (tk(d, k - 1)->kind != TOK_MARK) return punct(d, k - 1, '?');
  return false;
}

/* A form of "be" (past "not") right before token f: "were not thought to be", "is said to". */
static bool finite_be_before(const cd_doc *d, size_t f) {
  size_t p = prev_tok(d, f);
  if (p != CD_NONE && is(d, p, "not")) p = prev_tok(d, p);
  return p != CD_NONE && in(d, p, (const char *const[]){"is", "are", "was", "were", "be", "been", NULL});
}

bool cd_claim_check(const cd_doc *doc, const claim_def *def, size_t f, size_t e, claim_hit *hit) {
  bool hedge = strcmp(def->family, "hedge") == 0, passive = strcmp(def->family, "impersonal-passive") == 0;
  if (question(doc, f)) return false;
  /* a view put in an unnamed group's mouth ("many voters believe", "critics say"), or an agentless
   * passive other than those above ("it is believed", "is widely seen as", "blamed on", "dogged by
   * allegations"); these ask for a source nearer the claim than the others */
  bool group = def->check == CK_GROUP || def->check == CK_QUANT_GROUP;
  bool settled = passive && (def->check == CK_IMPERSONAL || def->check == CK_EMERGED || def->check == CK_WIDELY ||
                             def->check == CK_KNOWN_FOR || def->check == CK_AGENTLESS || def->check == CK_THERE);
  /* inside words credited to a named speaker ("He noted that she had been pilloried", "Garin said
   * his focus groups show") the claim is theirs; a raising passive ("people believed to have been
   * involved") stays the writer's */
  if ((hedge || def->check == CK_PASSIVE || def->check == CK_SOME) && leading_attribution(doc, f, false)) return false;
  /* "Inspector Dunmore said ..., but their lives were not thought to be in danger": a raising
   * passive with its own verb (not the reduced "people believed to have been") in a named
   * source's words */
  /* (the "is said to be" row matches its own "is": "Wendel-Ames said the operator was expected to
   * be released") */
  if ((def->check == CK_RAISING || (passive && def->check == CK_NONE)) &&
      (finite_be_before(doc, f) || in(doc, f, (const char *const[]){"is", "are", "was", "were", NULL})) &&
      leading_attribution(doc, f, false))
    return false;
  if ((group || settled) && leading_attribution(doc, f, true)) return false;
  /* "Geraint Bassett said early estimates suggested losses of 40 per cent": the estimates a named
   * source cites are theirs to name */
  if ((def->check == CK_REPORTS || def->check == CK_REPORTS_SUBJ || def->check == CK_STUDIES) &&
      leading_attribution(doc, f, true))
    return false;
  if ((hedge || passive || strcmp(def->family, "impersonal-there") == 0 || def->check == CK_NAMED_AFTER) &&
      sentence_attributed(doc, f, e, hedge, false))
    return false;
  if (group && sentence_attributed(doc, f, e, false, true)) return false;
  switch (def->check) {
  case CK_NONE: return true;
  case CK_EXPLAINS: return !court_anonymity(doc, f) && !withheld_thing(doc, f);
  case CK_IMPERSONAL: return !is(doc, e, "by") && !event_participle(doc, f, e); /* not "it was reported by the BBC" */
  case CK_KNOWN_FOR: return check_known_for(doc, f);
  case CK_GROUP: return check_group(doc, f, e, def->arg, hit);
  case CK_SOME: return check_some(doc, f, e);
  case CK_NAMED_AFTER: return !named_after(doc, e, e - 1, CD_LEX_CLAIM_NAMING_PREPOSITIONS);
  case CK_REPORTS: return check_reports(doc, f, e);
  case CK_REPORTS_SUBJ: return check_reports_subj(doc, f, e);
  case CK_MEDIA: return check_media(doc, f, e, hit);
  case CK_STUDIES: return check_studies(doc, f, e, hit);
  case CK_THERE: return check_there(doc, f, e);
  case CK_WIDELY: return check_widely(doc, f, e);
  case CK_AGENTLESS: return check_agentless(doc, f, e);
  case CK_ACCORDING: return check_according(doc, f, e, def->arg, hit);
  case CK_SOURCE:
  case CK_OFFICIALS:
  case CK_PERSON: return check_people(doc, f, e, def->check, hit);
  case CK_FAMILIAR: return check_familiar(doc, f, e);
  case CK_BACKGROUND: return communicated(doc, f, 4);
  case CK_ANON_ADV: return check_anon_adv(doc, f, e);
  case CK_EMERGED: return check_emerged(doc, f, e);
  case CK_INDEF_DOC: return check_indef_doc(doc, f, e, hit);
  case CK_UNNAMED: return check_unnamed(doc, f, e, hit);
  case CK_RAISING: /* "is said to be"; not the count of the dead ("are known to have died") */
    return !(ctx(doc, e + is(doc, e, "been"), f) && lx(doc, e + is(doc, e, "been"), CD_LEX_CLAIM_CASUALTY_WORDS)) &&
           !document_fronted(doc, f);
  case CK_PASSIVE: return check_passive(doc, f, e);
  case CK_QUANT_GROUP: return check_quant_group(doc, f, e, hit);
  case CK_BY_GROUP: return check_by_group(doc, f, e, hit);
  }
  return false;
}

/* ---- quote speakers ---- */

bool cd_claim_anonymous_speaker(const cd_doc *d, size_t first, size_t end) {
  if (first >= end || end > doc_ntok(d)) return false;
  size_t h = end - 1;
  if (in(d, h, (const char *const[]){"source", "sources", "insider", "insiders", NULL})) return true;
  if (!in(d, h, (const char *const[]){"official", "officials", NULL})) return false;
  for (size_t k = first; k < h; k++)
    if (!(lower(d, k) && lx(d, k, CD_LEX_CLAIM_OFFICIAL_MODIFIERS)) && !demonym(d, k) &&
        !(sentence_initial(d, k) && cd_lex_has(CD_LEX_CLAIM_OFFICIAL_MODIFIERS, ts(d, k), tn(d, k))))
      return false;
  size_t p = prev_tok(d, first);
  return p == CD_NONE || !(naming_word(d, p) || possessive(d, p));
}
