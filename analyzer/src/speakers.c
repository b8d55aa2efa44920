/* Speaker phrases: names (past titles, descriptors and affiliations), pronouns resolved to the
 * person they refer to, and non-person sources ("police", "the statement"), reported as written. */
#include <string.h>
#include <strings.h>

#include "attribution_internal.h"
#include "lexicon.h"
#include "names_lex.h"
#include "speech_verbs.h"
#include "strmap.h"


/* A new clause starts in tokens [from, to): "; ..." or ", and yet / but / while ...". Bounded by the
 * caller's window of mentions; a long gap is not searched. */
static bool clause_break(const att *a, size_t from, size_t to) {
  if (to > from + 60) from = to - 60;
  for (size_t i = from; i < to; i++) {
    if (punct(a, i, ';')) return true;
    if (i > from && punct(a, i - 1, ',') &&
        (is(a, i, "and") || is(a, i, "but") || is(a, i, "yet") || is(a, i, "while") || is(a, i, "whereas")))
      return true;
  }
  return false;
}

/* The gender a pronoun or a courtesy title gives, from its word ("he's" and "she'd" as "he", "she"). */
static uint8_t word_gender(const char *w, size_t n) {
  for (size_t k = 1; k < n; k++)
    if (w[k] == '\'' || (k + 3 <= n && !memcmp(w + k, "\xE2\x80\x99", 3))) {
      n = k; /* a contraction: the pronoun before the apostrophe */
      break;
    }
  static const char *const male[] = {"he", "him", "his", "himself"};
  static const char *const female[] = {"she", "her", "hers", "herself"};
  for (size_t k = 0; k < sizeof male / sizeof male[0]; k++)
    if (cd_word_eq(w, n, male[k])) return GENDER_MALE;
  for (size_t k = 0; k < sizeof female / sizeof female[0]; k++)
    if (cd_word_eq(w, n, female[k])) return GENDER_FEMALE;
  return (uint8_t)cd_title_gender(w, n); /* GENDER_MALE and GENDER_FEMALE are its 1 and 2 */
}

/* The gender the last word of a title of rank gives ("Crown Princess": female), or GENDER_UNKNOWN. */
static uint8_t rank_gender(const char *t, size_t n) {
  static const char *const male[] = {"king", "prince", "duke", "archduke", "emperor", "tsar", "czar", "sultan",
                                     "baron", "earl", "count", "marquess", "viscount", "sir", "lord", NULL};
  static const char *const female[] = {"queen", "princess", "duchess", "archduchess", "empress", "tsarina",
                                       "sultana", "baroness", "countess", "marchioness", "viscountess", "dame",
                                       "lady", NULL};
  while (n && (t[n - 1] == '.' || t[n - 1] == ' ')) n--;
  size_t s = n;
  while (s && t[s - 1] != ' ') s--;
  if (cd_word_in(t + s, n - s, male)) return GENDER_MALE;
  if (cd_word_in(t + s, n - s, female)) return GENDER_FEMALE;
  return GENDER_UNKNOWN;
}

static void note_gender(att *a, size_t entity, uint8_t g) {
  if (entity == CD_NONE || g == GENDER_UNKNOWN) return;
  a->gender[entity] |= g; /* both seen: GENDER_MIXED, no evidence */
}

static void subject_then_pronoun(att *a);

/* The gender the first word of entity e's name gives by the given-name lists, asked directly (no
 * memo: the count of people who share a surname is not made yet when genders are indexed). */
static uint8_t entity_name_gender(const att *a, size_t e) {
  const char *name = CD_VEC_AT(&a->doc->entities, cd_entity, e)->name;
  const char *space = name ? strchr(name, ' ') : NULL;
  if (!space || space == name) return GENDER_UNKNOWN;
  size_t n = (size_t)(space - name);
  if (cd_lex_has(CD_LEX_GIVEN_NAMES_MALE, name, n)) return GENDER_MALE;
  if (cd_lex_has(CD_LEX_GIVEN_NAMES_FEMALE, name, n)) return GENDER_FEMALE;
  return GENDER_UNKNOWN;
}

uint8_t att_entity_gender(const att *a, size_t e) {
  uint8_t g = a->gender[e] & 3;
  return g != GENDER_UNKNOWN ? g : entity_name_gender(a, e);
}

bool att_index_gender(att *a) {
  const cd_doc *doc = a->doc;
  a->gender = cd_arena_alloc(doc->arena, doc->entities.len + 1);
  if (!a->gender) return false;
  memset(a->gender, 0, doc->entities.len + 1);
  /* titles first: "Ms. Lind" */
  for (size_t mi = 0; mi < doc->mentions.len; mi++) {
    const cd_name_mention *m = CD_VEC_AT(&doc->mentions, cd_name_mention, mi);
    if (m->courtesy && m->title.start != CD_NONE32 && m->entity != CD_NONE)
      note_gender(a, m->entity, word_gender(doc->text + m->title.start, m->title.end - m->title.start));
    /* "Mrs Justice Ashcombe", "Mr Justice Hale": a courtesy title opening a longer one */
    else if (m->job_title && m->title.start != CD_NONE32 && m->entity != CD_NONE) {
      const char *t = doc->text + m->title.start, *sp = memchr(t, ' ', m->title.end - m->title.start);
      size_t n = sp ? (size_t)(sp - t) : 0;
      if (n && t[n - 1] == '.') n--;
      if (n && cd_is_courtesy_title(t, n)) note_gender(a, m->entity, word_gender(t, n));
    }
    /* a title of rank that has a gender: "King Aurel III", "Crown Princess Ilse", "Dame Judi" */
    if (!m->courtesy && m->title.start != CD_NONE32 && m->entity != CD_NONE)
      note_gender(a, m->entity, rank_gender(doc->text + m->title.start, m->title.end - m->title.start));
    /* and a relative's noun: "her father, Piet Achterberg," */
    if (m->entity == CD_NONE) continue;
    size_t e = m->end_tok, f = m->first_tok;
    if (m->title.start == CD_NONE32 && f >= 2 && punct(a, f - 1, ',')) { /* (the comma asked first: most have none) */
      int kin = cd_kin_before(doc, f);
      note_gender(a, m->entity, kin == 1 ? GENDER_MALE : kin == 2 ? GENDER_FEMALE : GENDER_UNKNOWN);
    }
    /* "Henri Moreau and his wife", "Rosa Lind and her son": the person's own possessive before a
     * relative, the name opening its sentence (not "showed Trump and her mother", someone else's) */
    if (!m->possessive && e + 2 < doc_ntok(doc) && is(a, e, "and") && (is(a, e + 1, "his") || is(a, e + 1, "her")) &&
        T(a, e + 2)->sent == m->sent && cd_kin_noun(S(a, e + 2), N(a, e + 2)) >= 0 &&
        (f == CD_VEC_AT(&doc->sentences, cd_sentence, m->sent)->first_tok || (f > 0 && dash(a, f - 1))))
      note_gender(a, m->entity, word_gender(S(a, e + 1), N(a, e + 1)));
  }
  subject_then_pronoun(a);
  /* then "Lind said she ...", "Lind told reporters that he ...": the pronoun that opens what the
   * person says is that person */
  for (size_t mi = 0; mi < doc->mentions.len; mi++) {
    const cd_name_mention *m = CD_VEC_AT(&doc->mentions, cd_name_mention, mi);
    if (m->entity == CD_NONE) continue;
    size_t v = m->end_tok;
    /* (the name an appositive: "Veldmark's lead negotiator, Piet Ostenbrink, said he ...") */
    if (punct(a, v, ',') && m->first_tok > 0 && punct(a, m->first_tok - 1, ',')) v++;
    size_t from = v;
    while (v < doc_ntok(doc) && v < from + 3 && att_between_word(a, v)) v++;
    /* the verb first: most names are followed by none, and asking is cheaper than the person test */
    if (!att_speech_verb(a, v) || !att_person_mention(doc, m)) continue;
    if (!m->in_quote) a->gender[m->entity] |= ATT_NAMED_SPEAKER; /* "Owain Griffiths said the family ..." */
    size_t p = v + 1;
    if (is(a, p, "that")) p++;
    /* (not against the person's own given name: in "Achterberg says she spent a week refusing to
     * speak to him" the "she" is someone else, and "Desmond" says he is a man) */
    /* (also "Ostenbrink said his country ...", "Lind said her client ...": the speaker's own side,
     * for the nouns of what a person speaks for, whose owner is the one who speaks of it) */
    static const char *const OWN_SIDE[] = {"administration", "campaign", "client", "clients", "club", "company",
                                           "country", "delegation", "department", "family", "firm", "government",
                                           "ministry", "office", "party", "side", "team", "union", NULL};
    bool own = (is(a, p, "his") || is(a, p, "her")) && p + 1 < doc_ntok(doc) && T(a, p + 1)->kind == TOK_WORD &&
               cd_word_in(S(a, p + 1), N(a, p + 1), OWN_SIDE);
    if ((is(a, p, "he") || is(a, p, "she") || own) && T(a, p)->sent == m->sent) {
      uint8_t g = word_gender(S(a, p), N(a, p)), named = entity_name_gender(a, m->entity);
      if (named == GENDER_UNKNOWN || named == g) note_gender(a, m->entity, g);
    }
  }
  return true;
}

/* The gender a mention's own given name gives (given_names_*.txt): "Anne Sacoolas". Only a mention
 * that carries the given name: a bare "Clinton" may be either of two people. */
static uint8_t given_name_gender_of(const att *a, const cd_name_mention *m) {
  if (m->n_parts < 2 && !m->couple) {
    /* "his wife, Kathryn": the relative's noun says it */
    int kin = m->n_parts == 1 ? cd_kin_before(a->doc, m->first_tok) : -1;
    return kin == 1 ? GENDER_MALE : kin == 2 ? GENDER_FEMALE : GENDER_UNKNOWN;
  }
  /* (a couple's lone name is a given name: "James and Olive Meehan") */
  size_t f = m->first_tok;
  while (f < m->end_tok && T(a, f)->start < m->name.start) f++;
  if (f >= m->end_tok) return GENDER_UNKNOWN;
  if (cd_lex_has(CD_LEX_GIVEN_NAMES_MALE, S(a, f), N(a, f))) return GENDER_MALE;
  if (cd_lex_has(CD_LEX_GIVEN_NAMES_FEMALE, S(a, f), N(a, f))) return GENDER_FEMALE;
  return GENDER_UNKNOWN;
}

/* given_name_gender_of, kept in doc->mention_person's bits 4-5 (the gender + 1) while the pass
 * runs: pronoun after pronoun asks about the same few mentions. */
static uint8_t given_name_gender(const att *a, const cd_name_mention *m) {
  uint8_t *memo = a->doc->mention_person;
  size_t mi = (size_t)(m - CD_VEC_AT(&a->doc->mentions, cd_name_mention, 0));
  unsigned kept = att_memo_get(memo, mi, 4);
  if (kept) return (uint8_t)(kept - 1);
  uint8_t g = given_name_gender_of(a, m); /* GENDER_UNKNOWN, _MALE or _FEMALE: + 1 fits two bits */
  att_memo_put(memo, mi, 4, g + 1u);
  return g;
}

void att_count_surnames(att *a, cd_strmap *surnames) {
  cd_strmap_init_borrowed(surnames);
  for (size_t e = 0; e < a->doc->entities.len; e++) {
    const cd_entity *ent = CD_VEC_AT(&a->doc->entities, cd_entity, e);
    const char *space = ent->kind == CD_ENTITY_PERSON && ent->name ? strrchr(ent->name, ' ') : NULL;
    if (!space || !space[1]) continue;
    size_t had = cd_strmap_get(surnames, space + 1);
    cd_strmap_put(surnames, space + 1, had == CD_NONE ? 1 : had + 1);
  }
  a->person_surnames = surnames;
}

/* The gender the given name of a person's fullest name gives ("Linda Farrow"), for a mention of
 * the surname alone ("Farrow"), unless another person's fullest name ends in that surname too (a
 * bare "Clinton" may be Bill or Hillary, whichever the entities pass tied it to): kept in the bits
 * above a->gender's evidence (the gender + 1). */
static uint8_t entity_given_gender(const att *a, size_t e) {
  unsigned kept = (a->gender[e] >> 2) & 3u;
  if (kept) return (uint8_t)(kept - 1);
  const char *name = CD_VEC_AT(&a->doc->entities, cd_entity, e)->name;
  const char *last = name ? strrchr(name, ' ') : NULL;
  size_t people = last && a->person_surnames ? cd_strmap_get(a->person_surnames, last + 1) : CD_NONE;
  bool shared = people != CD_NONE && people > 1;
  uint8_t g = shared ? GENDER_UNKNOWN : entity_name_gender(a, e);
  a->gender[e] |= (uint8_t)((g + 1u) << 2);
  return g;
}

/* "Odessa Pruitt ran the beauty shop for thirty years. She is eighty-eight.", "Jada Haverty is his
 * granddaughter.": a sentence whose only person opens it, followed in its paragraph by a sentence
 * that opens with "He" or "She", gives that person the pronoun's gender; so does "is his/her KIN"
 * right after the name. For the given names no list holds ("Odessa", "Jada", "Ferenc"). Evidence
 * both ways leaves the gender unknown (note_gender). */
static void subject_then_pronoun(att *a) {
  const cd_doc *doc = a->doc;
  size_t n = doc->mentions.len;
  for (size_t mi = 0; mi < n; mi++) {
    const cd_name_mention *p = CD_VEC_AT(&doc->mentions, cd_name_mention, mi);
    const cd_sentence *s = CD_VEC_AT(&doc->sentences, cd_sentence, p->sent);
    /* the cheap questions first: a name opening its sentence, then "He"/"She" opening the next or
     * "is his/her KIN" after the name */
    if (p->first_tok != s->first_tok || p->possessive || p->in_quote || p->headline || p->entity == CD_NONE) continue;
    size_t e = p->end_tok;
    int kin = e + 2 < s->end_tok && (is(a, e, "is") || is(a, e, "was")) &&
                      (is(a, e + 1, "his") || is(a, e + 1, "her") || is(a, e + 1, "their"))
                  ? cd_kin_noun(S(a, e + 2), N(a, e + 2))
                  : -1;
    uint8_t next_g = GENDER_UNKNOWN;
    if (p->sent + 1 < doc->sentences.len) {
      const cd_sentence *next = CD_VEC_AT(&doc->sentences, cd_sentence, p->sent + 1);
      size_t f = next->first_tok;
      if (next->para == s->para && f < next->end_tok && (T(a, f)->flags & TF_CAP) && (is(a, f, "he") || is(a, f, "she")) &&
          outside_quotes(a, f))
        next_g = word_gender(S(a, f), N(a, f));
    }
    /* "Oskar Vestergaard, a carpenter, sailed with his sister, Ingrid ...": "his" or "her" before
     * a relative's noun, before anyone else is named in the sentence, is the subject's */
    uint8_t kin_owner = GENDER_UNKNOWN;
    if (kin <= 0 && next_g == GENDER_UNKNOWN) {
      size_t stop = mi + 1 < n && CD_VEC_AT(&doc->mentions, cd_name_mention, mi + 1)->sent == p->sent
                        ? CD_VEC_AT(&doc->mentions, cd_name_mention, mi + 1)->first_tok
                        : s->end_tok;
      for (size_t k = e; k + 1 < stop && k < e + 16 && kin_owner == GENDER_UNKNOWN; k++)
        if ((is(a, k, "his") || is(a, k, "her")) && T(a, k + 1)->kind == TOK_WORD && cd_kin_noun(S(a, k + 1), N(a, k + 1)) >= 0)
          kin_owner = word_gender(S(a, k), N(a, k));
      if (kin_owner == GENDER_UNKNOWN) continue;
    }
    if (!att_person_mention(doc, p)) continue;
    /* its sentence's only person */
    bool one = true;
    for (size_t k = mi + 1; k < n && one; k++) {
      const cd_name_mention *x = CD_VEC_AT(&doc->mentions, cd_name_mention, k);
      if (x->sent != p->sent) break;
      if (!x->in_quote && !x->headline && x->entity != CD_NONE && x->entity != p->entity && att_person_mention(doc, x))
        one = false;
    }
    /* (the next sentence's "He" may be any of several; "his sister" before the others is the first's) */
    if (!one && kin_owner == GENDER_UNKNOWN) continue;
    if (!one) next_g = GENDER_UNKNOWN;
    /* only for a person no title and no given name says anything of: they are stronger evidence
     * (asked of the entity's name directly: entity_given_gender keeps its answer, and the count of
     * people sharing a surname that it needs is made after this) */
    const char *name = CD_VEC_AT(&doc->entities, cd_entity, p->entity)->name;
    const char *space = name ? strchr(name, ' ') : NULL;
    if ((a->gender[p->entity] & 3u) != GENDER_UNKNOWN || given_name_gender(a, p) != GENDER_UNKNOWN ||
        (space && space > name && cd_is_given_name(name, (size_t)(space - name))))
      continue;
    if (kin > 0) note_gender(a, p->entity, (uint8_t)kin);
    note_gender(a, p->entity, next_g);
    note_gender(a, p->entity, kin_owner);
  }
}

/* The gender mention m's person has by the article's evidence (titles, he/she beside the name),
 * else by the mention's own given name, else, for a surname alone, by its fullest name's. */
static uint8_t mention_gender(const att *a, const cd_name_mention *m) {
  uint8_t have = a->gender[m->entity] & 3u;
  if (have == GENDER_UNKNOWN) have = given_name_gender(a, m);
  if (have == GENDER_UNKNOWN && m->n_parts < 2) have = entity_given_gender(a, m->entity);
  return have;
}

bool att_gender_known_fit(const att *a, size_t mi, const char *pronoun, size_t n) {
  const cd_name_mention *m = CD_VEC_AT(&a->doc->mentions, cd_name_mention, mi);
  uint8_t want = word_gender(pronoun, n);
  return m->entity != CD_NONE && want != GENDER_UNKNOWN && mention_gender(a, m) == want;
}

/* Can mention m be what the pronoun of gender `want` (its word_gender) stands for? Not when the article's evidence gives
 * the person the other gender. (Preferring a person of known gender over a nearer one of unknown
 * gender was tried and is wrong more often than right: the most-named person wins too often.) */
static bool gender_fits(const att *a, const cd_name_mention *m, uint8_t want) {
  if (want == GENDER_UNKNOWN || m->entity == CD_NONE) return true;
  uint8_t have = mention_gender(a, m);
  return have == GENDER_UNKNOWN || have == GENDER_MIXED || have == want;
}

bool att_gender_may_fit(const att *a, size_t mi, const char *pronoun, size_t n) {
  return gender_fits(a, CD_VEC_AT(&a->doc->mentions, cd_name_mention, mi), word_gender(pronoun, n));
}

/* "South Carolina", "New Hampshire": a name the entities pass did not take for a person's, with a
 * word of places or organisations in it, no given name and no he/she or title beside it anywhere,
 * is nobody "he" or "she" can stand for ("... reporting in Iowa, South Carolina, Nevada. ¶ He
 * was profiled ..."). "Kanye West" keeps his "he" by the he/she beside his name. */
static bool place_like(const att *a, const cd_name_mention *m) {
  if (m->entity == CD_NONE || CD_VEC_AT(&a->doc->entities, cd_entity, m->entity)->kind == CD_ENTITY_PERSON ||
      (a->gender[m->entity] & 3u) != GENDER_UNKNOWN || m->courtesy || m->job_title || given_name_gender(a, m) != GENDER_UNKNOWN)
    return false;
  for (size_t i = m->first_tok; i < m->end_tok; i++) {
    const cd_token *t = T(a, i);
    if (t->kind == TOK_WORD && t->start >= m->name.start && cd_is_not_person_word(S(a, i), N(a, i))) return true;
  }
  return false;
}

/* A name after a preposition of place ("into San Isidro de las Peñas") that nothing says is a
 * person's: no title, no gender known for it, no given name it starts with. */
static bool placed_nobody(const att *a, const cd_name_mention *m) {
  return m->placed && !m->courtesy && !m->job_title && m->entity != CD_NONE && (a->gender[m->entity] & 3u) == GENDER_UNKNOWN &&
         given_name_gender(a, m) == GENDER_UNKNOWN;
}

/* "Edith, my father's mother, was ...", "Yusuf stood beside me": a person called by the given name
 * alone, which no entity kind settles (a given name may be a place's: "Georgia", "Jordan"), is one
 * "she" or "he" may stand for when the name lists give it that gender and it is no place after a
 * preposition. */
static bool lone_given_name(const att *a, const cd_name_mention *m, uint8_t want) {
  if (want == GENDER_UNKNOWN || m->kind != MK_NAME || m->n_parts != 1 || m->in_quote || m->headline || m->possessive ||
      m->entity == CD_NONE || CD_VEC_AT(&a->doc->entities, cd_entity, m->entity)->kind != CD_ENTITY_OTHER)
    return false;
  size_t f = m->first_tok;
  if (T(a, f)->kind != TOK_WORD || f + 1 != m->end_tok) return false;
  bool fits = want == GENDER_MALE ? cd_lex_has(CD_LEX_GIVEN_NAMES_MALE, S(a, f), N(a, f))
                                  : cd_lex_has(CD_LEX_GIVEN_NAMES_FEMALE, S(a, f), N(a, f));
  return fits && !att_after_preposition(a, f, CD_VEC_AT(&a->doc->sentences, cd_sentence, m->sent)->first_tok);
}

/* Who "he" or "she" at token `pos` is: the nearest person before it in its sentence; else the
 * speaker of the previous sentence's quote; else the subject of the nearest earlier sentence
 * (a sentence that itself opens with he/she continues the same person, so look further back).
 * Every walk back is bounded (RESOLVE_MENTIONS mentions, RESOLVE_TOKENS tokens), so a run-on text
 * full of quoted names costs linear time. */
enum { RESOLVE_MENTIONS = 48, RESOLVE_TOKENS = 400 };

/* A person's name as a possessor ("Oz's advice"): what "he" may refer to when nobody else in its
 * sentence is named. */
static bool possessive_person(const cd_doc *doc, const cd_name_mention *m) {
  return m->possessive && !m->in_quote && !m->headline && m->entity != CD_NONE &&
         CD_VEC_AT(&doc->entities, cd_entity, m->entity)->kind == CD_ENTITY_PERSON;
}

/* "a", "an", "another", "one": a phrase that brings in someone not named before. */
static bool introduces(const att *a, size_t i) {
  return is(a, i, "a") || is(a, i, "an") || is(a, i, "another") || is(a, i, "one");
}

/* Does sentence `si` open with someone new, named by a role ("A hospital spokesman, reached by
 * phone, declined ...", "Another official said ...") whom a pronoun of gender `want` can stand for?
 * Then a he or she after it is that person, not someone named before. */
static bool role_subject_span(const att *a, uint32_t si, uint8_t want, size_t *from, size_t *to);
static bool role_subject(const att *a, uint32_t si, uint8_t want) {
  size_t from, to;
  return role_subject_span(a, si, want, &from, &to);
}

/* role_subject, and the role's phrase as written: tokens [from, to) ("One user"). */
static bool role_subject_span(const att *a, uint32_t si, uint8_t want, size_t *from, size_t *to) {
  const cd_sentence *s = CD_VEC_AT(&a->doc->sentences, cd_sentence, si);
  size_t k = s->first_tok, end = s->end_tok;
  if (k < end && (is(a, k, "and") || is(a, k, "but"))) k++;
  /* an indefinite article introduces someone new; "the senator" is more often someone named before,
   * but not "the chief executive of a second contractor", whose "of a" is new */
  bool definite = k < end && is(a, k, "the");
  if (!(k < end && (introduces(a, k) || definite))) return false;
  size_t role = CD_NONE;
  for (size_t w = k + 1; w < end && w <= k + 4 && role == CD_NONE; w++) {
    if (T(a, w)->kind != TOK_WORD || !outside_quotes(a, w)) return false;
    if (!(T(a, w)->flags & TF_LOWER)) continue; /* "A Pentagon spokesman" */
    if (att_role_noun(a, w) || cd_lex_has(CD_LEX_PERSON_DESCRIPTORS, S(a, w), N(a, w)) || is(a, w, "official") ||
        is(a, w, "officer"))
      role = w;
    else if (att_function_word(a, w) || cd_is_speech_verb(a->doc->config, S(a, w), N(a, w)))
      return false;
  }
  if (role == CD_NONE) return false;
  while (role + 1 < end && (T(a, role + 1)->flags & TF_LOWER) && att_role_noun(a, role + 1)) role++; /* "chief executive" */
  if (definite && !((is(a, role + 1, "of") || is(a, role + 1, "at") || is(a, role + 1, "for")) && role + 2 < end &&
                    introduces(a, role + 2)))
    return false;
  uint8_t have = (uint8_t)cd_title_gender(S(a, role), N(a, role));
  if (want != GENDER_UNKNOWN && have != GENDER_UNKNOWN && have != want) return false;
  /* a person named in the sentence may be the one meant ("A reporter asked Sanders how he was
   * feeling. He replied: ..."), but not one after a preposition, who is where or for whom ("A
   * spokesman for the line said a tree had fallen at Haddon Cutting.") */
  for (size_t w = role + 1; w < end; w++) {
    size_t mi = mention_at(a, w);
    if (mi != CD_NONE && cd_mention_is_person(a->doc, mi) && !att_after_preposition(a, w, s->first_tok)) return false;
  }
  *from = k;
  *to = role + 1;
  return true;
}

/* The possessive that opens the sentence before token pos, in its paragraph, with a kin noun of
 * gender `want` after it ("Her husband was more practical."), or CD_NONE. */
static size_t kin_subject_before(const att *a, size_t pos, uint8_t want) {
  uint32_t cur = T(a, pos)->sent;
  if (cur == 0 || want == GENDER_UNKNOWN) return CD_NONE;
  const cd_sentence *s = CD_VEC_AT(&a->doc->sentences, cd_sentence, cur - 1);
  size_t k = s->first_tok;
  if (s->para != CD_VEC_AT(&a->doc->sentences, cd_sentence, cur)->para) return CD_NONE;
  if (k + 1 >= s->end_tok || !(is(a, k, "his") || is(a, k, "her")) || T(a, k + 1)->kind != TOK_WORD ||
      !(T(a, k + 1)->flags & TF_LOWER))
    return CD_NONE;
  int kin = cd_kin_noun(S(a, k + 1), N(a, k + 1));
  return kin > 0 && (uint8_t)kin == want ? k : CD_NONE;
}

/* For a mention of a given name alone ("Yusuf stood beside me"), the last mention before it of the
 * one person named in full with that given name ("Yusuf Tamsin"), when there is exactly one; else
 * mention r itself. */
static size_t full_name_of_given(const att *a, size_t r) {
  const cd_doc *doc = a->doc;
  const cd_name_mention *m = CD_VEC_AT(&doc->mentions, cd_name_mention, r);
  if (m->n_parts != 1 || m->entity == CD_NONE || CD_VEC_AT(&doc->entities, cd_entity, m->entity)->kind != CD_ENTITY_OTHER)
    return r;
  const char *given = S(a, m->first_tok);
  size_t gn = N(a, m->first_tok);
  size_t person = CD_NONE, entity = CD_NONE;
  for (size_t e = 0; e < doc->entities.len; e++) {
    const cd_entity *x = CD_VEC_AT(&doc->entities, cd_entity, e);
    if (x->kind != CD_ENTITY_PERSON || !x->name || strncmp(x->name, given, gn) != 0 || x->name[gn] != ' ') continue;
    if (entity != CD_NONE) return r; /* two people of that given name */
    entity = e;
  }
  if (entity == CD_NONE) return r;
  for (size_t k = r; k > 0 && person == CD_NONE; k--)
    if (CD_VEC_AT(&doc->mentions, cd_name_mention, k - 1)->entity == entity) person = k - 1;
  return person != CD_NONE ? person : r;
}

static size_t resolve_person_near(const att *a, size_t pos, bool org);

/* resolve_person_near, except that after "Her husband was more practical." a "he" is not the
 * person "her" stands for (a husband is not his wife): then nobody. */
static size_t resolve_person(const att *a, size_t pos, bool org) {
  size_t r = resolve_person_near(a, pos, org);
  if (r == CD_NONE || org) return r;
  r = full_name_of_given(a, r);
  size_t owner = kin_subject_before(a, pos, word_gender(S(a, pos), N(a, pos)));
  if (owner == CD_NONE) return r;
  size_t o = resolve_person_near(a, owner, false);
  const cd_vec *ms = &a->doc->mentions;
  return o != CD_NONE && CD_VEC_AT(ms, cd_name_mention, o)->entity == CD_VEC_AT(ms, cd_name_mention, r)->entity ? CD_NONE
                                                                                                             : r;
}

/* The end of a noun of a written or spoken message among the three lower-case words from token i
 * ("final email", "letter", "latest statement"), or 0 when there is none. */
static size_t message_end(const att *a, size_t i) {
  static const char *const MESSAGES[] = {"email", "emails", "letter", "letters", "message", "messages", "note", "text",
                                         "texts", "tweet", "tweets", "post", "posts", "statement", "memo", "reply",
                                         "response", "speech", "remarks", "version", "account", "answer", "entry",
                                         "entries", "journal", "diary", "log", "notebook", NULL};
  for (size_t k = i; k < doc_ntok(a->doc) && k < i + 3 && T(a, k)->kind == TOK_WORD && (T(a, k)->flags & TF_LOWER); k++)
    if (cd_word_in(S(a, k), N(a, k), MESSAGES)) return k + 1;
  return 0;
}

static bool message_after(const att *a, size_t i) { return message_end(a, i) != 0; }

/* ""I'm okay," Quill said. ¶ "I promise," she said. ¶ She told viewers she was writing again. ¶
 * "There will be songs," she said.": a "he" or "she" (at token pos, of gender want; mentions before
 * it end at index lo) that found nobody named near goes on with the person the latest attributed
 * quote went to, when that person is known to be of the pronoun's gender and has been named as the
 * speaker of a quote before (not only guessed for a "he"), that quote is at most
 * three paragraphs back, nobody else has been named since it and no sentence since has opened
 * with someone new named by a role; and when nobody else whom the pronoun could stand for was
 * named in the two paragraphs before it, so that a guess made there is not carried on. */
enum { CHAIN_PARAS = 3 };
static bool other_person(const att *a, const cd_name_mention *m, size_t entity, uint8_t want) {
  const cd_doc *doc = a->doc;
  if (m->in_quote || m->headline || m->entity == CD_NONE || m->entity == entity) return false;
  if (CD_VEC_AT(&doc->entities, cd_entity, m->entity)->kind != CD_ENTITY_PERSON && !att_person_mention(doc, m))
    return false;
  uint8_t have = mention_gender(a, m);
  return have == GENDER_UNKNOWN || have == GENDER_MIXED || have == want;
}

static size_t chain_speaker(const att *a, size_t lo, size_t pos, uint8_t want) {
  const cd_doc *doc = a->doc;
  if (a->chain_speaker == CD_NONE || a->chain_tok >= pos || want == GENDER_UNKNOWN || want == GENDER_MIXED)
    return CD_NONE;
  const cd_name_mention *cm = CD_VEC_AT(&doc->mentions, cd_name_mention, a->chain_speaker);
  size_t chain_para = doc_tok_para(doc, T(a, a->chain_tok));
  /* (of the pronoun's gender by the text, or by the he/she that quote was credited through) */
  uint8_t have = cm->entity == CD_NONE ? GENDER_UNKNOWN : mention_gender(a, cm);
  if (have == GENDER_UNKNOWN) have = a->chain_gender;
  if (cm->entity == CD_NONE || !(a->gender[cm->entity] & ATT_NAMED_SPEAKER) || have != want ||
      chain_para + CHAIN_PARAS < doc_tok_para(doc, T(a, pos)))
    return CD_NONE;
  size_t since = T(a, a->chain_tok)->start;
  for (size_t k = lo; k > 0; k--) {
    const cd_name_mention *m = CD_VEC_AT(&doc->mentions, cd_name_mention, k - 1);
    if (m->span.start < since) {
      /* before the quote: its paragraph and the two before it */
      if (doc_tok_para(doc, T(a, m->first_tok)) + 2 < chain_para) break;
      if (other_person(a, m, cm->entity, want)) return CD_NONE;
      continue;
    }
    if (other_person(a, m, cm->entity, GENDER_UNKNOWN)) return CD_NONE; /* anyone at all since */
  }
  for (uint32_t s = T(a, a->chain_tok)->sent + 1; s < T(a, pos)->sent; s++)
    if (role_subject(a, s, want)) return CD_NONE;
  return a->chain_speaker;
}

/* "the Renfrew family", "the Clinton campaign": a name that modifies the noun after it names a
 * group or a thing, not someone a pronoun stands for. */
static bool attributive_name(const att *a, const cd_name_mention *m) {
  static const char *const NOUNS[] = {"family", "families", "campaign", "administration", "camp", "household",
                                      "estate", "case", "trial", "children", "kids", "brothers", "sisters",
                                      "era", "years", "name", "siblings", "clan", NULL};
  size_t e = m->end_tok;
  if (m->possessive || e >= doc_ntok(a->doc) || T(a, e)->kind != TOK_WORD || !(T(a, e)->flags & TF_LOWER) ||
      T(a, e)->sent != m->sent)
    return false;
  if (cd_word_in(S(a, e), N(a, e), NOUNS)) return true;
  /* "the Caldermouth captain", "a Trump supporter": the role's holder is the one meant, whom the
   * role resolves to; the name only says whose team or side */
  size_t b = m->first_tok;
  return b > 0 && (is(a, b - 1, "the") || is(a, b - 1, "a") || is(a, b - 1, "an")) &&
         (cd_lex_has(CD_LEX_ROLE_NOUNS, S(a, e), N(a, e)) || cd_lex_has(CD_LEX_PERSON_DESCRIPTORS, S(a, e), N(a, e)));
}

static bool fronted(const att *a, size_t f);

/* Is mention m inside a clause that opens sentence s before its subject ("Asked whether ... Ridley
 * ...,", "Speaking to reporters about Ridley,"), with a person named after that clause's comma? */
static bool in_fronted_clause(const att *a, const cd_sentence *s, const cd_name_mention *m) {
  size_t f = s->first_tok;
  if (m->first_tok <= f || !(fronted(a, f) || is(a, f, "asked") || is(a, f, "pressed") || is(a, f, "questioned")))
    return false;
  for (size_t k = f + 1; k < s->end_tok && k < f + 30; k++) {
    if (k < m->end_tok) {
      if (punct(a, k, ',') || T(a, k)->kind == TOK_MARK) return false; /* the clause ended before m */
      continue;
    }
    if (!punct(a, k, ',')) continue;
    size_t after = mention_at(a, k + 1);
    return after != CD_NONE && cd_mention_is_person(a->doc, after);
  }
  return false;
}

/* Does the pronoun at `pos` open the main clause right after a fronted clause of being asked
 * ("Asked whether ...", "Pressed on ...", "When asked about ...") that mention m is inside? (Not
 * any fronted clause: in "After Lind won, she said" the name is the pronoun's.) */
static bool pronoun_after_fronted(const att *a, const cd_sentence *s, const cd_name_mention *m, size_t pos) {
  size_t f = s->first_tok;
  /* "In an email to the company's head of compliance, Ruth Ambrose, in January 2023, she wrote":
   * a phrase of a preposition fronted to the pronoun's comma (appositives inside it, no verb of
   * saying, no quotation mark) holds who was written to or where, not who writes */
  /* (and who is spoken of: "Of Ducroix, she was guarded", "About her father, he says little") */
  static const char *const FRONTING[] = {"in", "on", "at", "during", "after", "before", "with", "from", "via",
                                         "through", "under", "following", "since", "of", "about", "regarding", NULL};
  if (pos >= 2 && m->first_tok > f && m->end_tok < pos && punct(a, pos - 1, ',') && pos - f <= 30 &&
      (is(a, pos, "he") || is(a, pos, "she")) && T(a, f)->kind == TOK_WORD && cd_word_in(S(a, f), N(a, f), FRONTING)) {
    bool clean = true;
    for (size_t k = f + 1; k + 1 < pos && clean; k++)
      clean = T(a, k)->kind != TOK_MARK && !att_speech_verb(a, k) && !att_be_form(a, k) && !is(a, k, "has") &&
              !is(a, k, "have") && !is(a, k, "had") && !is(a, k, "he") && !is(a, k, "she") && !is(a, k, "that") &&
              !is(a, k, "who");
    if (clean) return true;
  }
  if ((is(a, f, "when") || is(a, f, "if")) && f + 1 < s->end_tok) f++;
  if (pos < 2 || m->first_tok <= f || m->end_tok >= pos || !punct(a, pos - 1, ',') ||
      !(is(a, f, "asked") || is(a, f, "pressed") || is(a, f, "questioned") || is(a, f, "challenged") ||
        is(a, f, "quizzed")))
    return false;
  for (size_t k = f + 1; k + 1 < pos; k++)
    if (punct(a, k, ',') || T(a, k)->kind == TOK_MARK) return false; /* one clause, to the pronoun's comma */
  return true;
}

/* Is mention mi the only person named in its sentence (outside quotes)? */
static bool only_person(const cd_doc *doc, size_t mi) {
  const cd_name_mention *m = CD_VEC_AT(&doc->mentions, cd_name_mention, mi);
  for (size_t k = mi; k > 0; k--) {
    const cd_name_mention *x = CD_VEC_AT(&doc->mentions, cd_name_mention, k - 1);
    if (x->sent != m->sent) break;
    if (!x->in_quote && x->entity != m->entity && att_person_mention(doc, x)) return false;
  }
  for (size_t k = mi + 1; k < doc->mentions.len; k++) {
    const cd_name_mention *x = CD_VEC_AT(&doc->mentions, cd_name_mention, k);
    if (x->sent != m->sent) break;
    if (!x->in_quote && x->entity != m->entity && att_person_mention(doc, x)) return false;
  }
  return true;
}

/* Is mention m the agent of the passive participle that opens its sentence s ("Asked by X",
 * "Pressed by X", "Told by X"), with a comma between it and the pronoun at pos? */
static bool fronted_agent(const att *a, const cd_sentence *s, const cd_name_mention *m, size_t pos) {
  size_t f = att_past_dateline(a, s);
  if (m->first_tok != f + 2 || !is(a, f + 1, "by") || pos <= m->end_tok) return false;
  const cd_token *v = T(a, f);
  if (v->kind != TOK_WORD || !(v->flags & TF_CAP) || v->len < 4) return false;
  bool participle = CD_WORD_IS(S(a, f) + N(a, f) - 2, 2, "ed") || is(a, f, "told") || is(a, f, "shown") ||
                    is(a, f, "given") || is(a, f, "taken");
  if (!participle) return false;
  for (size_t k = m->end_tok; k < pos; k++)
    if (punct(a, k, ',')) return true;
  return false;
}

static size_t definite_role_holder(const att *a, uint32_t si, uint8_t want);
static size_t past_short_pp(const att *a, size_t e, uint32_t sent, bool stance);
/* Does sentence si report a question ("asked whether", "wondered why")? */
static bool reports_question(const att *a, uint32_t si) {
  const cd_sentence *s = CD_VEC_AT(&a->doc->sentences, cd_sentence, si);
  static const char *const ASKING[] = {"asked", "asks", "ask", "wondered", "wonders", "questioned", "inquired", NULL};
  static const char *const WH[] = {"whether", "if", "why", "how", "what", "when", "where", "who", "which", NULL};
  for (size_t k = s->first_tok; k + 1 < s->end_tok; k++) {
    if (T(a, k)->kind != TOK_WORD || !cd_word_in(S(a, k), N(a, k), ASKING)) continue;
    size_t w = k + 1;
    if (w + 1 < s->end_tok && mention_at(a, w) != CD_NONE) w = CD_VEC_AT(&a->doc->mentions, cd_name_mention, mention_at(a, w))->end_tok;
    else if (w + 1 < s->end_tok && (is(a, w, "him") || is(a, w, "her") || is(a, w, "them"))) w++;
    if (w < s->end_tok && T(a, w)->kind == TOK_WORD && cd_word_in(S(a, w), N(a, w), WH)) return true;
  }
  return false;
}


static size_t resolve_person_near(const att *a, size_t pos, bool org) {
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
  uint8_t want = word_gender(S(a, pos), N(a, pos)); /* asked once, not per mention */
  if (!org && a->last_speaker != CD_NONE && a->last_speaker_sent + 1 >= cur_sent && a->last_speaker_sent < cur_sent) {
    /* the last quote's speaker, unless someone else has been named since */
    size_t ls = CD_VEC_AT(&doc->mentions, cd_name_mention, a->last_speaker)->entity;
    for (size_t k = lo; k > 0 && lo - k < RESOLVE_MENTIONS; k--) {
      const cd_name_mention *m = CD_VEC_AT(&doc->mentions, cd_name_mention, k - 1);
      if (m->sent == cur_sent && possessive_person(doc, m) && gender_fits(a, m, want)) break; /* "Oz's advice earned him" */
      /* "The episode is not the first time Kowalczyk's posts have drawn criticism. ... he wrote":
       * a person named since the last quote, in the possessive, as its sentence's only person */
      if (m->sent > a->last_speaker_sent && possessive_person(doc, m) && want != GENDER_UNKNOWN &&
          mention_gender(a, m) == want && only_person(doc, k - 1))
        break;
      /* (nobody named since the last quote's sentence: its speaker, named there by a role
       * ("The princess, wearing ..., said ...") or in an earlier sentence) */
      if (m->sent < a->last_speaker_sent) {
        if (gender_fits(a, CD_VEC_AT(&doc->mentions, cd_name_mention, a->last_speaker), want)) return a->last_speaker;
        break;
      }
      if (!att_person_mention(doc, m)) continue;
      if (m->entity == ls && gender_fits(a, m, want)) return a->last_speaker;
      break;
    }
  }
  size_t fallback = CD_NONE, owner = CD_NONE;
  bool it = is(a, pos, "it"); /* "it" may be an agency known by its initials: "NASA ... It also noted" */
  uint32_t seen_sent = UINT32_MAX;
  uint32_t role_from = cur_sent + 1, cur_para = CD_VEC_AT(&doc->sentences, cd_sentence, cur_sent)->para;
  size_t subject = CD_NONE;
  bool skip_sentence = false;
  for (size_t k = lo; k > 0 && lo - k < RESOLVE_MENTIONS; k--) {
    const cd_name_mention *m = CD_VEC_AT(&doc->mentions, cd_name_mention, k - 1);
    const cd_sentence *ms = CD_VEC_AT(&doc->sentences, cd_sentence, m->sent);
    if (ms->para + 2 < doc_tok_para(doc, t) || cur_sent - m->sent > 6 || m->first_tok + RESOLVE_TOKENS < pos) break;
    if (!org && m->sent != cur_sent && owner != CD_NONE) return owner; /* nobody else in its sentence */
    /* a person named by a role opens a sentence after m's, in the pronoun's paragraph: "he" is them */
    /* (and "The judge appeared unconvinced. "...," she said.": a role named before, whose holder
     * "she" is, not the woman named last) */
    /* (the sentence right before the pronoun's counts across a paragraph break, unless it reports
     * a question, whose answer is someone else's: "One user, ..., said she had deleted her
     * account." then ""...," she said.", not "A reporter asked whether ..." then ""...," she said.") */
    for (; !org && role_from > m->sent + 1; role_from--) {
      bool other_para = CD_VEC_AT(&doc->sentences, cd_sentence, role_from - 1)->para != cur_para;
      if (other_para && role_from != cur_sent) continue;
      /* (a question asked is looked for only once a role is found: it reads the whole sentence) */
      if (role_subject(a, role_from - 1, want) && !(other_para && reports_question(a, role_from - 1))) return CD_NONE;
      size_t holder = definite_role_holder(a, role_from - 1, want);
      if (holder != CD_NONE && !(other_para && reports_question(a, role_from - 1))) return holder;
    }
    if (m->sent != seen_sent) {
      if (subject != CD_NONE) return subject; /* the subject of the nearest sentence that has one */
      if (!org && m->sent != cur_sent) {
        /* the last person in that sentence who says something ("..., while X wrote ...") */
        for (size_t j = k; j > 0 && k - j < RESOLVE_MENTIONS; j--) {
          const cd_name_mention *x = CD_VEC_AT(&doc->mentions, cd_name_mention, j - 1);
          if (x->sent != m->sent) break;
          if (!att_person_mention(doc, x) || !gender_fits(a, x, want)) continue;
          size_t v = x->end_tok;
          while (v < doc_ntok(doc) && att_between_word(a, v)) v++;
          if (v < doc_ntok(doc) && att_speech_verb(a, v)) return j - 1;
        }
      }
      seen_sent = m->sent;
      const cd_token *first = T(a, ms->first_tok);
      skip_sentence = m->sent != cur_sent && first->kind == TOK_WORD &&
                      (CD_WORD_IS(a->doc->text + first->start, first->len, "he") ||
                       CD_WORD_IS(a->doc->text + first->start, first->len, "she"));
    }
    if (!org && m->sent == cur_sent && owner == CD_NONE && possessive_person(doc, m) && gender_fits(a, m, want))
      owner = k - 1;
    /* an earlier sentence of the paragraph about a person named only in the possessive
     * ("Kowalczyk's posts have drawn criticism.") is about them */
    /* (of the pronoun's gender by the text or the given name, not only not against it) */
    if (!org && m->sent != cur_sent && !skip_sentence && subject == CD_NONE && ms->para == cur_para &&
        possessive_person(doc, m) && want != GENDER_UNKNOWN && mention_gender(a, m) == want && only_person(doc, k - 1) &&
        !in_fronted_clause(a, ms, m)) {
      subject = k - 1;
      continue;
    }
    /* "Voss's final email on the subject was brief. "...," she wrote.": an earlier sentence opened
     * by a person's message ("Voss's email", "her letter") is that person's words */
    if (!org && m->sent != cur_sent && !skip_sentence && m->first_tok == ms->first_tok && possessive_person(doc, m) &&
        m->entity != CD_NONE && CD_VEC_AT(&doc->entities, cd_entity, m->entity)->kind == CD_ENTITY_PERSON &&
        gender_fits(a, m, want) && message_after(a, m->end_tok)) {
      subject = k - 1;
      continue;
    }
    if (!org && attributive_name(a, m)) continue; /* "facing the Renfrew family": no one "he" is */
    bool fits = org ? (m->entity != CD_NONE && !m->in_quote && !m->headline &&
                       (CD_VEC_AT(&doc->entities, cd_entity, m->entity)->kind == CD_ENTITY_ORGANIZATION ||
                        (it && m->acronym && CD_VEC_AT(&doc->entities, cd_entity, m->entity)->kind != CD_ENTITY_PERSON)))
                    : (att_person_mention(doc, m) && gender_fits(a, m, want) && !(want != GENDER_UNKNOWN && place_like(a, m)) &&
                       !placed_nobody(a, m)) ||
                          lone_given_name(a, m, want);
    if (!fits) continue;
    /* "Asked by Lynsey Carmichael whether he had lost the dressing room, he said": the agent of a
     * fronted passive is who asks; the one asked is the pronoun */
    if (!org && m->sent == cur_sent && fronted_agent(a, ms, m, pos)) continue;
    /* "Pressed on whether Dunleavy was that number nine, he replied": a name inside the fronted
     * clause the pronoun's comma closes is what was asked about, not the one who answers */
    if (!org && m->sent == cur_sent && pronoun_after_fronted(a, ms, m, pos)) continue;
    if (m->sent == cur_sent) {
      /* in the same sentence: the subject of the clause the pronoun is in ("Rubio said ... Trump, whom
       * he called ..."; "X held that ..., and yet Y ignores them: '...,' he said" gives Y), never a
       * possessor ("Trump's chief of staff"); else the nearest */
      size_t subj = CD_NONE;
      for (size_t j = k; !org && j > 0 && k - j < 16; j--) {
        const cd_name_mention *x = CD_VEC_AT(&doc->mentions, cd_name_mention, j - 1);
        if (x->sent != cur_sent) break;
        if (subj != CD_NONE &&
            clause_break(a, x->end_tok, CD_VEC_AT(&doc->mentions, cd_name_mention, subj)->first_tok))
          break;
        if (att_person_mention(doc, x) && !x->possessive && gender_fits(a, x, want) &&
            !att_after_preposition(a, x->first_tok, ms->first_tok))
          subj = j - 1;
      }
      return subj != CD_NONE ? subj : k - 1;
    }
    if (skip_sentence) continue;
    /* "Asked whether he had considered replacing Ridley, Lindqvist did not hesitate.": a name in a
     * fronted clause is not its sentence's subject (the subject comes after the comma) */
    if (in_fronted_clause(a, ms, m)) continue;
    if (fallback == CD_NONE) fallback = k - 1;
    /* (but "One of them is the son of Sophie Gallagher": the one whose relative the sentence
     * names is the person it brings in) */
    bool kin_of = m->first_tok >= 2 && is(a, m->first_tok - 1, "of") && T(a, m->first_tok - 2)->kind == TOK_WORD &&
                  cd_kin_noun(S(a, m->first_tok - 2), N(a, m->first_tok - 2)) >= 0;
    if (!kin_of && att_after_preposition(a, m->first_tok, ms->first_tok)) continue;
    subject = k - 1; /* keep walking left: the first such person of that sentence */
  }
  if (owner != CD_NONE) return owner;
  if (subject != CD_NONE || fallback != CD_NONE || org) return subject != CD_NONE ? subject : fallback;
  return chain_speaker(a, lo, pos, want);
}

size_t att_resolve_person(const att *a, size_t pos, bool org) { return resolve_person(a, pos, org); }


/* "of the University of Essex", "from CU Boulder": an affiliation after a person's name. */
static size_t att_skip_affiliation(const att *a, size_t j) {
  /* "Rhiannon Gwynedd-Price MS": a member's or an honour's letters */
  if (j < doc_ntok(a->doc) && j > 0 && T(a, j)->kind == TOK_WORD && T(a, j)->sent == T(a, j - 1)->sent &&
      cd_post_nominal(a->doc, T(a, j)))
    j++;
  if (punct(a, j, '(')) {
    /* a party-and-state tag: "Rep. Ana Bell (D-Ore.)" */
    size_t k = j + 1;
    while (k < doc_ntok(a->doc) && k < j + 8 && !punct(a, k, ')') && T(a, k)->kind != TOK_MARK) k++;
    if (punct(a, k, ')')) j = k + 1;
  }
  for (int rounds = 0; rounds < 3; rounds++) {
    /* "of the Lake Institute for Water Studies": "for" goes on a name already begun */
    if (!(is(a, j, "of") || is(a, j, "from") || is(a, j, "at") || (rounds > 0 && is(a, j, "for")))) break;
    size_t f = j + 1;
    if (f < doc_ntok(a->doc) && is(a, f, "the")) f++;
    if (f >= doc_ntok(a->doc) || mention_at(a, f) == CD_NONE) break;
    j = CD_VEC_AT(&a->doc->mentions, cd_name_mention, mention_at(a, f))->end_tok;
    /* "of Orrinshire Fire and Rescue Service": a body's name with "and" in it, which the chunker
     * parts; the second part is no person's name */
    if (is(a, j, "and") && j + 1 < doc_ntok(a->doc) && mention_at(a, j + 1) != CD_NONE) {
      const cd_name_mention *more = CD_VEC_AT(&a->doc->mentions, cd_name_mention, mention_at(a, j + 1));
      if (more->org_hint && !cd_mention_is_person(a->doc, mention_at(a, j + 1))) j = more->end_tok;
    }
    /* "of the Harrowmere First group": a body's noun after its name (and up to two capitalised
     * words the name ran on with), when "the" opened it, the phrase ending there */
    if (!is(a, f - 1, "the")) continue;
    size_t n = doc_ntok(a->doc), e = j;
    while (e < n && e < j + 2 && T(a, e)->kind == TOK_WORD && (T(a, e)->flags & TF_CAP) && T(a, e)->sent == T(a, f)->sent) e++;
    if (e + 1 < n && T(a, e)->kind == TOK_WORD && (T(a, e)->flags & TF_LOWER) && T(a, e)->sent == T(a, f)->sent &&
        att_source_noun(a, e) && (punct(a, e + 1, ',') || punct(a, e + 1, '.')))
      j = e + 1;
  }
  return j;
}

static void att_set_name(att *a, speaker *sp, size_t mi, cd_attribution_method method) {
  const cd_name_mention *m = CD_VEC_AT(&a->doc->mentions, cd_name_mention, mi);
  sp->found = true;
  sp->mention = mi;
  sp->entity = m->entity;
  sp->first_tok = m->first_tok;
  sp->end_tok = m->end_tok;
  sp->phrase_end = cd_mention_is_person(a->doc, mi) ? att_skip_affiliation(a, m->end_tok) : m->end_tok;
  sp->method = method;
  if (m->entity != CD_NONE)
    sp->name = CD_VEC_AT(&a->doc->entities, cd_entity, m->entity)->name;
  else
    sp->name = cd_arena_strndup(a->doc->arena, a->doc->text + m->name.start, m->name.end - m->name.start);
}

/* "secretary of state Ana Bell": is token `of` the "of" of a title that goes on through it and
 * one word (a job title before it; after it a lower-case word that is no article, preposition,
 * pronoun or verb of saying), so that the title ends right before the name? "director of the
 * House Majority PAC" is not: the name after the article is an affiliation. */
static bool title_through_of(const att *a, size_t of) {
  if (of == 0 || of + 1 >= doc_ntok(a->doc) || !is(a, of, "of") || T(a, of - 1)->kind != TOK_WORD ||
      !cd_is_job_title(S(a, of - 1), N(a, of - 1)))
    return false;
  size_t w = of + 1;
  return T(a, w)->kind == TOK_WORD && (T(a, w)->flags & TF_LOWER) && outside_quotes(a, w) && !is(a, w, "the") &&
         !is(a, w, "a") && !is(a, w, "an") && !att_preposition(a, w) && !cd_is_pronoun(S(a, w), N(a, w)) &&
         !cd_is_speech_verb(a->doc->config, S(a, w), N(a, w));
}

bool att_after_preposition(const att *a, size_t i, size_t first) {
  if (i >= first + 2 && is(a, i - 1, "to") && is(a, i - 2, "according")) return false;
  if (i > first && T(a, i - 1)->kind == TOK_WORD && att_preposition(a, i - 1)) return true;
  if (!(i > first + 1 && T(a, i - 1)->kind == TOK_WORD && att_determiner(a, i - 1) &&
        T(a, i - 2)->kind == TOK_WORD && att_preposition(a, i - 2)))
    return false;
  /* "secretary of state Ana Bell": "state" may also open a phrase ("state officials"), but here it
   * ends the title */
  return !(i > first + 2 && title_through_of(a, i - 2));
}

/* A job title written with a capital ("Gov", "Chairman"). */
static bool cap_job_title(const att *a, size_t i) {
  return T(a, i)->kind == TOK_WORD && (T(a, i)->flags & TF_CAP) && cd_is_job_title(S(a, i), N(a, i));
}

/* Words that may describe a person before the name: "study co-author Karen Alley". */
static bool att_descriptor_word(const att *a, size_t i) {
  const cd_token *t = T(a, i);
  if (t->kind != TOK_WORD || !outside_quotes(a, i)) return false;
  if (mention_at(a, i) != CD_NONE) return true;
  if (cap_job_title(a, i)) return true; /* "Mayor of London Sadiq Khan" */
  if (!(t->flags & TF_LOWER)) return false;
  if (att_preposition(a, i) || att_determiner(a, i)) return false;
  if (cd_is_speech_verb(a->doc->config, S(a, i), N(a, i)) || att_between_word(a, i)) return false;
  return !cd_is_pronoun(S(a, i), N(a, i)) && !att_function_word(a, i);
}

/* From token i, over descriptors and non-person names, to the first person name within a few
 * words ("Santa Barbara County Sheriff Bill Brown", "former thinktank executive Ken Gude"). */
static size_t att_person_after_descriptors(const att *a, size_t i) {
  size_t name_end = CD_NONE; /* where the last name passed over ends */
  for (size_t k = i, steps = 0; k < doc_ntok(a->doc) && steps < 7; steps++) {
    if (k > i && (is(a, k, "of") || is(a, k, "for")) && k + 1 < doc_ntok(a->doc) && mention_at(a, k + 1) != CD_NONE) {
      k++; /* "Mayor of London Sadiq Khan", "Special Representative for Iran Brian Hook" */
      const cd_name_mention *obj = CD_VEC_AT(&a->doc->mentions, cd_name_mention, mention_at(a, k));
      if (obj->n_parts < 3) k = obj->end_tok; /* "of Barmouth Publicity": an affiliation, not the person */
      else if (att_tail_looks_like_person(a->doc, obj)) return mention_at(a, k); /* "of State Corey Stapleton" */
      continue;
    }
    if (k > i && k + 2 < doc_ntok(a->doc) && title_through_of(a, k)) {
      k += 2; /* "secretary of state Ana Bell" */
      continue;
    }
    /* "former Gov. and Party Chairman Ed Baker": two titles joined, the first perhaps abbreviated,
     * the second capitalised; the first a title of its own, not the last word of a name passed
     * over ("Mr. King and Mr. Morrow") */
    size_t and_tok = punct(a, k, '.') ? k + 1 : k; /* past the first title's full stop */
    if (k > i && is(a, and_tok, "and") && and_tok + 1 < doc_ntok(a->doc) && T(a, and_tok + 1)->sent == T(a, i)->sent &&
        (T(a, and_tok + 1)->flags & TF_CAP) && att_descriptor_word(a, and_tok + 1) && k != name_end && and_tok != name_end &&
        cap_job_title(a, k - 1)) {
      steps += and_tok - k; /* the full stop counts as a step, as a word does */
      k = and_tok + 1;
      continue;
    }
    if (T(a, k)->sent != T(a, i)->sent || !att_descriptor_word(a, k)) return CD_NONE;
    size_t mi = mention_at(a, k);
    if (mi != CD_NONE) {
      if (cd_mention_is_person(a->doc, mi)) {
        /* "former George W. Bush speechwriter Noam Neusner": a person who modifies a role before the name */
        const cd_name_mention *m = CD_VEC_AT(&a->doc->mentions, cd_name_mention, mi);
        size_t e = m->end_tok;
        while (e < doc_ntok(a->doc) && e < m->end_tok + 3 && (T(a, e)->flags & TF_LOWER) && att_descriptor_word(a, e)) e++;
        if (e > m->end_tok && (att_role_noun(a, e - 1) || att_source_noun(a, e - 1)) && e < doc_ntok(a->doc) &&
            mention_at(a, e) != CD_NONE && cd_mention_is_person(a->doc, mention_at(a, e)))
          return mention_at(a, e);
        /* "former Obama Education Secretary Arne Duncan": a name that runs straight into another
         * person's name, over at most two capitalised words, modifies that person's title */
        for (e = m->end_tok; e < doc_ntok(a->doc) && e < m->end_tok + 3 && T(a, e)->sent == T(a, i)->sent &&
                             T(a, e)->kind == TOK_WORD && (T(a, e)->flags & TF_CAP) && outside_quotes(a, e);) {
          size_t next = mention_at(a, e);
          if (next != CD_NONE && cd_mention_is_person(a->doc, next) &&
              CD_VEC_AT(&a->doc->mentions, cd_name_mention, next)->entity != m->entity)
            return next;
          e = next != CD_NONE ? CD_VEC_AT(&a->doc->mentions, cd_name_mention, next)->end_tok : e + 1;
        }
        return mi;
      }
      const cd_name_mention *m = CD_VEC_AT(&a->doc->mentions, cd_name_mention, mi);
      k = name_end = m->end_tok;
      continue;
    }
    k++;
  }
  return CD_NONE;
}

/* The words [i, end) stand for mention mi: its person's name, method pronoun, the evidence
 * ""WORDS" refers to NAME" and then `more`. */
static void refers_to(att *a, speaker *sp, size_t mi, size_t i, size_t end, const char *more) {
  att_set_name(a, sp, mi, CD_ATTR_PRONOUN);
  sp->first_tok = i;
  sp->end_tok = end;
  sp->phrase_end = 0;
  /* the words as a C string would hold them: up to a NUL byte in the text, if any */
  const char *w = a->doc->text + T(a, i)->start;
  cd_piece p[] = {cd_cstr_piece("\""), {w, strnlen(w, cd_tok_end(T(a, end - 1)) - T(a, i)->start)},
                  cd_cstr_piece("\" refers to "), cd_cstr_piece(sp->name), cd_cstr_piece(more)};
  sp->how = cd_arena_join(a->doc->arena, p, sizeof p / sizeof p[0]);
}

/* "Walter Moreland died in 1991. ... Moreland gave the question some thought. ¶ "...," she said.": a
 * bare surname shared by several people that the entities pass joined to a man, read by a "she"
 * (or to a woman, by a "he"), stands for the one of that surname whose given name or titles give
 * the pronoun's gender, named in full before the pronoun (within SAME_SURNAME_MENTIONS): that person's full
 * mention, else r as it was. */
enum { SAME_SURNAME_MENTIONS = 400 };
static size_t same_surname_of_gender(const att *a, size_t r, size_t pos, uint8_t want) {
  const cd_doc *doc = a->doc;
  const cd_name_mention *m = CD_VEC_AT(&doc->mentions, cd_name_mention, r);
  if (want == GENDER_UNKNOWN || m->n_parts != 1 || m->entity == CD_NONE) return r;
  uint8_t g = a->gender[m->entity] & 3u;
  if (g == GENDER_UNKNOWN) g = entity_name_gender(a, m->entity);
  if (g == GENDER_UNKNOWN || g == want || g == GENDER_MIXED) return r;
  /* of several such people, the one the article names most ("Ted Cruz", not his father named once) */
  const cd_token *sur = T(a, m->end_tok - 1);
  size_t best = r, best_n = 0;
  /* (or between it and the pronoun: "Addae came with his mother, Gloria Addae. ... she said") */
  size_t after = r + 1;
  while (after < doc->mentions.len && after - r < SAME_SURNAME_MENTIONS &&
         CD_VEC_AT(&doc->mentions, cd_name_mention, after)->first_tok < pos)
    after++;
  for (size_t k = after; k > 0 && after - k < SAME_SURNAME_MENTIONS; k--) {
    if (k - 1 == r) continue;
    const cd_name_mention *p = CD_VEC_AT(&doc->mentions, cd_name_mention, k - 1);
    if (p->n_parts < 2 || p->entity == CD_NONE || p->entity == m->entity || p->in_quote || p->headline)
      continue;
    const cd_entity *pe = CD_VEC_AT(&doc->entities, cd_entity, p->entity);
    if (pe->kind != CD_ENTITY_PERSON || pe->n_mentions <= best_n) continue;
    const cd_token *ps = T(a, p->end_tok - 1);
    if (ps->len != sur->len || strncasecmp(doc->text + ps->start, doc->text + sur->start, sur->len) != 0) continue;
    uint8_t pg = a->gender[p->entity] & 3u;
    if (pg == GENDER_UNKNOWN) pg = entity_name_gender(a, p->entity);
    if (pg != want) continue;
    best = k - 1;
    best_n = pe->n_mentions;
  }
  return best;
}

/* The gender a source phrase's person noun gives ("a spokeswoman" female, "the nurse" unknown), or
 * GENDER_MIXED when the phrase [first, end) names no single person by role: the noun is looked
 * for in its first four words. */
static uint8_t source_person_gender(const att *a, size_t first, size_t end) {
  static const char *const FEMALE[] = {"woman", "spokeswoman", "chairwoman", "businesswoman", "policewoman",
                                       "congresswoman", "councilwoman", "mother", "grandmother", "wife", "daughter",
                                       "sister", "aunt", "widow", "girl", NULL};
  static const char *const MALE[] = {"man", "spokesman", "chairman", "businessman", "policeman", "congressman",
                                     "councilman", "father", "grandfather", "husband", "son", "brother", "uncle",
                                     "widower", "boy", NULL};
  static const char *const OTHERS[] = {"source", "official", "aide", "friend", "neighbour", "neighbor",
                                       "witness", "relative", "translator", "interpreter", NULL};
  for (size_t k = first; k < end && k < first + 4; k++) {
    const cd_token *t = T(a, k);
    if (t->kind != TOK_WORD || !(t->flags & TF_LOWER)) continue;
    const char *w = S(a, k);
    size_t n = N(a, k);
    if (cd_word_in(w, n, FEMALE)) return GENDER_FEMALE;
    if (cd_word_in(w, n, MALE)) return GENDER_MALE;
    if (cd_word_in(w, n, OTHERS) || cd_lex_has(CD_LEX_ROLE_NOUNS, w, n) || cd_lex_has(CD_LEX_PERSON_DESCRIPTORS, w, n))
      return GENDER_UNKNOWN;
  }
  return GENDER_MIXED;
}

void att_note_chain_source(att *a, const speaker *sp, size_t open, size_t close) {
  if (sp->method == CD_ATTR_SOURCE && sp->mention == CD_NONE) {
    uint8_t g = source_person_gender(a, sp->first_tok, sp->end_tok);
    a->chain_source = g == GENDER_MIXED ? NULL : sp->name;
    a->chain_source_from = sp->first_tok < open ? sp->first_tok : open;
    a->chain_source_tok = close;
    a->chain_source_gender = g;
  } else if (sp->mention != CD_NONE || sp->method == CD_ATTR_SOURCE || sp->method == CD_ATTR_EXPLICIT) {
    a->chain_source = NULL; /* someone named, or a body or a document, spoke since */
  }
}

enum { CHAIN_SOURCE_TOKENS = 400 }; /* how far back the quote may lie: the words between are read */

/* "... ," the nurse said. ¶ "...," she said.": an unresolved "she" or "he" at token i goes on with
 * the person the source phrase of the latest quote stands for, when the pronoun's gender fits the
 * phrase's noun, within CHAIN_PARAS paragraphs, and nobody has been named since that quote. */
static const char *att_chain_source(const att *a, size_t i) {
  const cd_doc *doc = a->doc;
  if (!a->chain_source || a->chain_source_tok >= i) return NULL;
  uint8_t want = word_gender(S(a, i), N(a, i));
  if (want == GENDER_UNKNOWN || (a->chain_source_gender != GENDER_UNKNOWN && a->chain_source_gender != want))
    return NULL;
  if (i - a->chain_source_from > CHAIN_SOURCE_TOKENS ||
      doc_tok_para(doc, T(a, a->chain_source_tok)) + CHAIN_PARAS < doc_tok_para(doc, T(a, i)))
    return NULL;
  /* anyone named since the quote opened, in it too ("Captain Tollervey served this company, and she
   * will always be welcome"), may be the one the pronoun means */
  for (size_t k = a->chain_source_from; k < i; k++) {
    size_t m = mention_at(a, k);
    if (m != CD_NONE && (cd_mention_is_person(doc, m) || cd_is_given_name(S(a, k), N(a, k)))) return NULL;
    /* "the home of a 26-year-old Berlin man was raided ... after he had posted": someone new */
    if (k > a->chain_source_tok && (is(a, k, "a") || is(a, k, "an")) && source_person_gender(a, k + 1, i) != GENDER_MIXED)
      return NULL;
  }
  return a->chain_source;
}

/* How many paragraphs back a role's holder is looked for: four (a role named so is clear further
 * back than a pronoun's person), and when the person nearest is someone the text gave another
 * role, as far as RESOLVE_TOKENS reach. */
enum { ROLE_PARAS = 4, ROLE_PARAS_FAR = 1000 };
static size_t role_named_person(const att *a, size_t i, size_t j, size_t paras);

/* "His wife, Deborah Pell, ... She has not been accused. ¶ The judge said she accepted ... ¶
 * "...," she said.": a sentence that opens on "the" and a role noun between the person a pronoun
 * at i was resolved to (mention r) and the pronoun, whose holder was named before in that role
 * with a gender that fits, is the one the pronoun goes on with. The latest such sentence of the
 * three before the pronoun's; r when there is none. */
static size_t role_subject_since(att *a, size_t r, size_t i) {
  uint8_t want = word_gender(S(a, i), N(a, i));
  if (want == GENDER_UNKNOWN) return r;
  const cd_name_mention *rm = CD_VEC_AT(&a->doc->mentions, cd_name_mention, r);
  uint32_t cur = T(a, i)->sent;
  for (uint32_t s = cur, seen = 0; s > rm->sent && seen < 3; seen++) {
    const cd_sentence *st = CD_VEC_AT(&a->doc->sentences, cd_sentence, --s);
    size_t f = st->first_tok;
    if (s == rm->sent || f + 2 >= st->end_tok || f + 2 >= i) break;
    if (!is(a, f, "the") || !(T(a, f + 1)->flags & TF_LOWER) || !att_role_noun(a, f + 1) ||
        !att_speech_verb(a, f + 2))
      continue;
    size_t named = role_named_person(a, f, f + 1, ROLE_PARAS_FAR);
    if (named == CD_NONE || named == r) return r;
    const cd_name_mention *nm = CD_VEC_AT(&a->doc->mentions, cd_name_mention, named);
    return mention_gender(a, nm) == want ? named : r;
  }
  return r;
}

/* The pronoun [i, end) as written, resolved to nobody. */
static void unresolved(att *a, size_t i, size_t end, speaker *sp) {
  const char *w = a->doc->text + T(a, i)->start;
  cd_piece written = {w, strnlen(w, cd_tok_end(T(a, end - 1)) - T(a, i)->start)};
  sp->found = true;
  sp->first_tok = i;
  sp->end_tok = end;
  sp->method = CD_ATTR_PRONOUN;
  sp->entity = CD_NONE;
  sp->mention = CD_NONE;
  sp->name = cd_arena_strndup(a->doc->arena, w, cd_tok_end(T(a, end - 1)) - T(a, i)->start);
  cd_piece p[] = {cd_cstr_piece("\""), written, cd_cstr_piece("\" (no earlier name to resolve it to)")};
  sp->how = cd_arena_join(a->doc->arena, p, sizeof p / sizeof p[0]);
}

static bool source_phrase(att *a, speaker *sp, size_t first, size_t end);
static bool att_resolve_into(att *a, size_t i, size_t end, speaker *sp, bool org, const char *word) {
  size_t r = att_resolve_person(a, i, org);
  if (r != CD_NONE) r = same_surname_of_gender(a, r, i, word_gender(S(a, i), N(a, i)));
  if (r != CD_NONE && !org) r = role_subject_since(a, r, i);
  sp->found = true;
  sp->first_tok = i;
  sp->end_tok = end;
  sp->method = CD_ATTR_PRONOUN;
  /* the words as a C string would hold them: up to a NUL byte in the text, if any */
  const char *w = a->doc->text + T(a, i)->start;
  cd_piece written = {w, strnlen(w, cd_tok_end(T(a, end - 1)) - T(a, i)->start)};
  if (r != CD_NONE) {
    refers_to(a, sp, r, i, end, "");
    return true;
  }
  if (!word) return false;
  sp->entity = CD_NONE;
  sp->mention = CD_NONE;
  const char *source = end == i + 1 ? att_chain_source(a, i) : NULL;
  /* "One user, a teacher who asked not to be named, said she had deleted her account." then
   * ""...," she said.": the someone new a role opens the sentence before with, as written */
  size_t rf, rt;
  uint32_t cur = T(a, i)->sent;
  if (!source && !org && end == i + 1 && cur > 0 && word_gender(S(a, i), N(a, i)) != GENDER_UNKNOWN &&
      role_subject_span(a, cur - 1, word_gender(S(a, i), N(a, i)), &rf, &rt) && !reports_question(a, cur - 1)) {
    source_phrase(a, sp, rf, rt);
    sp->first_tok = i;
    sp->end_tok = end;
    sp->method = CD_ATTR_PRONOUN;
    cd_piece p[] = {cd_cstr_piece("\""), written, cd_cstr_piece("\" refers to "), cd_cstr_piece(sp->name),
                    cd_cstr_piece(", brought in by the sentence before")};
    sp->how = cd_arena_join(a->doc->arena, p, sizeof p / sizeof p[0]);
    return true;
  }
  if (source) {
    sp->name = source;
    cd_piece p[] = {cd_cstr_piece("\""), written, cd_cstr_piece("\" refers to "), cd_cstr_piece(source),
                    cd_cstr_piece(", the source of the quote before")};
    sp->how = cd_arena_join(a->doc->arena, p, sizeof p / sizeof p[0]);
    return true;
  }
  unresolved(a, i, end, sp);
  return true;
}


/* A non-person source reported as written: the words [first, end). */
static bool source_phrase(att *a, speaker *sp, size_t first, size_t end) {
  sp->found = true;
  sp->first_tok = first;
  sp->end_tok = end;
  sp->mention = sp->entity = CD_NONE;
  sp->method = CD_ATTR_SOURCE;
  sp->name = cd_arena_strndup(a->doc->arena, a->doc->text + T(a, first)->start, cd_tok_end(T(a, end - 1)) - T(a, first)->start);
  return true;
}

/* "they" at token i standing for the group or document `subject`: that source, reported as the
 * pronoun's. Always true. */
static bool they_refers_to(att *a, size_t i, const speaker *subject, speaker *sp) {
  *sp = *subject;
  sp->first_tok = i;
  sp->end_tok = i + 1;
  sp->phrase_end = 0;
  sp->method = CD_ATTR_PRONOUN;
  sp->how = cd_arena_printf(a->doc->arena, "\"%.*s\" refers to %s", (int)N(a, i), S(a, i), subject->name);
  return true;
}

/* The speaker phrases with a known shape: a name, a pronoun, or a source noun. */
/* A run of capitals ("HIGHER TURNOUT IN IOWA", "PENCE:") is a heading or a transcript label, never
 * a speaker phrase. */
static bool all_capitals(const att *a, const cd_name_mention *m) {
  for (size_t k = m->first_tok; k < m->end_tok; k++)
    if (T(a, k)->kind == TOK_WORD && !(T(a, k)->flags & TF_ALLCAPS)) return false;
  return m->end_tok > m->first_tok + 1 || T(a, m->first_tok)->flags & TF_LINE_BEFORE;
}

/* Does paragraph p open the story's body: every paragraph before it a headline or a short line (a
 * byline, a kicker)? */
enum { BODY_OPENER_SHORT = 10 };
static bool opens_body(const att *a, const cd_para *p) {
  for (const cd_para *q = CD_VEC_AT(&a->doc->paras, cd_para, 0); q < p; q++)
    if (!q->headline && q->end_tok - q->first_tok >= BODY_OPENER_SHORT) return false;
  return true;
}

/* Is the mention part of a dateline ("WASHINGTON —", "OSLO (AP) —", "PHILADELPHIA, July 25 (UPI) —")?
 * A paragraph that opens with a word in capitals and reaches a dash within a few tokens: what
 * stands before the dash is where and by whom the story was filed, never a speaker. The body's
 * first paragraph may end it with a colon instead ("NEW DELHI:", as South Asian and some African
 * papers write it); elsewhere such a line is a transcript's label ("PENCE:"). */
enum { DATELINE_TOKENS = 12 };
static size_t dateline_dash(const att *a, const cd_para *p) {
  size_t f = p->first_tok;
  if (T(a, f)->kind != TOK_WORD || !(T(a, f)->flags & TF_CAP)) return CD_NONE;
  /* "WASHINGTON", "LA CROSSE, Wis."; or any place before an agency's tag: "Washington (AFP) —" */
  bool capitals = (T(a, f)->flags & TF_ALLCAPS) && (N(a, f) >= 3 || (f + 1 < p->end_tok && T(a, f + 1)->flags & TF_ALLCAPS));
  bool agency = false;
  for (size_t k = f + 1; k < p->end_tok && k <= f + DATELINE_TOKENS; k++) {
    if (punct(a, k, '(') && k + 2 < p->end_tok && (T(a, k + 1)->flags & TF_ALLCAPS) && punct(a, k + 2, ')')) agency = true;
    if (dash(a, k)) return capitals || (agency && punct(a, k - 1, ')')) ? k : CD_NONE;
    if (punct(a, k, ':')) {
      bool place = capitals;
      for (size_t w = f; w < k && place; w++) /* "NEW DELHI", "PORT HARCOURT, Nigeria" */
        place = T(a, w)->kind != TOK_WORD || (T(a, w)->flags & TF_ALLCAPS) || (T(a, w)->flags & TF_CAP);
      return place && k + 1 < p->end_tok && T(a, k + 1)->kind == TOK_WORD && (T(a, k + 1)->flags & TF_CAP) &&
                     opens_body(a, p)
                 ? k
                 : CD_NONE;
    }
  }
  return CD_NONE;
}

static bool dateline(const att *a, const cd_name_mention *m) {
  const cd_para *p = CD_VEC_AT(&a->doc->paras, cd_para, para_of(a, m->first_tok));
  if (m->first_tok > p->first_tok + DATELINE_TOKENS) return false;
  size_t k = dateline_dash(a, p);
  return k != CD_NONE && m->first_tok < k;
}

/* The mention a relative pronoun at i hangs on: the name right before it, or before an appositive
 * between them ("McConnell, now the majority leader, who"). "who" takes a person, "which" an
 * organisation. CD_NONE when there is none. */
enum { APPOSITIVE_TOKENS = 12 };
static size_t relative_antecedent(const att *a, size_t i) {
  bool person = is(a, i, "who");
  size_t e = i;
  if (e > 0 && punct(a, e - 1, ',')) e--;
  for (int round = 0; round < 2 && e > 0; round++) {
    for (size_t k = e; k > 0 && k + 6 > e; k--) {
      size_t mi = mention_at(a, k - 1);
      if (mi == CD_NONE) continue;
      const cd_name_mention *m = CD_VEC_AT(&a->doc->mentions, cd_name_mention, mi);
      if (m->end_tok != e || m->possessive || m->in_quote) break;
      bool fits = person ? cd_mention_is_person(a->doc, mi)
                         : m->entity != CD_NONE &&
                               CD_VEC_AT(&a->doc->entities, cd_entity, m->entity)->kind == CD_ENTITY_ORGANIZATION;
      return fits ? mi : CD_NONE;
    }
    /* an appositive: back to the comma that opens it */
    if (e == i || !punct(a, e, ',')) return CD_NONE;
    size_t c = e;
    while (c > 0 && e - c < APPOSITIVE_TOKENS && !punct(a, c - 1, ',') && T(a, c - 1)->kind != TOK_MARK &&
           T(a, c - 1)->sent == T(a, i)->sent)
      c--;
    if (c == 0 || !punct(a, c - 1, ',')) return CD_NONE;
    e = c - 1;
  }
  return CD_NONE;
}

/* At token v (past auxiliaries and adverbs), a verb of saying right before an opening mark, a
 * colon or comma between them at most. */
static bool agent_noun(const char *w, size_t n);
static bool verb_opens_quote(const att *a, size_t v) {
  size_t n = doc_ntok(a->doc);
  while (v < n && att_between_word(a, v)) v++;
  if (v + 1 >= n || !(att_speech_verb(a, v) || cd_is_stance_verb(S(a, v), N(a, v)))) return false;
  /* the quote the clause's words reach, before a colon, semicolon or dash ends the clause ("a
   * candidate who promised mass deportation: "..."" is not the candidate's) */
  for (size_t o = v + 1; o < n && o < v + 20 && T(a, o)->sent == T(a, v)->sent; o++) {
    if (T(a, o)->kind == TOK_MARK && T(a, o)->role == MR_OPEN) return true;
    if (punct(a, o, ':') && o > v + 1) return false;
    if (punct(a, o, ';') || dash(a, o)) return false;
  }
  return false;
}

/* A phrase a relative "who" at i stands for, found before it, ends at the "who": its verb looks
 * for the subject there ("two former officials, who said"). Returns true. */
static bool relative_ends_at(speaker *sp, size_t i) {
  sp->end_tok = i + 1;
  sp->phrase_end = 0;
  return true;
}

static const char *const GROUP_MODIFIERS[] = {"some", "many", "several", "few", "other", "two", "three", "four", "five",
                                              "six", "seven", "eight", "nine", "ten", "dozens", "hundreds", "thousands",
                                              "former", "senior", "local", "top", NULL};
/* The first token of a plural noun phrase for people that a relative "who" at i hangs on
 * ("Republicans who", "two former officials who", "the residents, who"): a plural noun of people
 * (a source, role or party member's noun) right before, and the numbers, quantifiers and modifiers
 * before it, back to a preposition, verb or mark; CD_NONE when there is none. */
static size_t group_before_relative(const att *a, size_t i) {
  /* only as the subject of a verb of saying or stance: "who said", "who have called" (a clause
   * about something else, "Employees who lose their jobs will receive ...", names no speaker) */
  size_t v = i + 1, n = doc_ntok(a->doc);
  while (v < n && v < i + 4 && att_between_word(a, v)) v++;
  if (v >= n || T(a, v)->sent != T(a, i)->sent ||
      !(att_speech_verb(a, v) || (T(a, v)->kind == TOK_WORD && (T(a, v)->flags & TF_LOWER) && cd_is_stance_verb(S(a, v), N(a, v)))))
    return CD_NONE;
  size_t nb = i > 0 && punct(a, i - 1, ',') ? i - 1 : i;
  if (nb < 2) return CD_NONE;
  nb--;
  const cd_token *t = T(a, nb);
  if (t->kind != TOK_WORD || !outside_quotes(a, nb) || t->sent != T(a, i)->sent || N(a, nb) < 4 ||
      (char)(S(a, nb)[N(a, nb) - 1] | 0x20) != 's' || cd_is_pronoun(S(a, nb), N(a, nb)))
    return CD_NONE;
  if (!att_person_noun(a, nb) && !cd_lex_has(CD_LEX_MEMBER_NOUNS, S(a, nb), N(a, nb))) return CD_NONE;
  /* a party's members as a name ("Republicans"), not as part of one ("the Young Republicans") */
  if ((t->flags & TF_CAP) && mention_at(a, nb) != CD_NONE &&
      CD_VEC_AT(&a->doc->mentions, cd_name_mention, mention_at(a, nb))->first_tok != nb)
    return CD_NONE;
  size_t first = nb;
  while (first > 0 && nb - first < 3 && T(a, first - 1)->sent == t->sent && outside_quotes(a, first - 1) &&
         (T(a, first - 1)->kind == TOK_NUMBER ||
          (T(a, first - 1)->kind == TOK_WORD && (T(a, first - 1)->flags & TF_LOWER) &&
           (att_determiner(a, first - 1) || cd_word_in(S(a, first - 1), N(a, first - 1), GROUP_MODIFIERS)))))
    first--;
  /* not inside what someone earlier in the sentence reports ("Madison recalled that ... his show's
   * listeners, who wondered if "..."": his account) */
  for (size_t k = CD_VEC_AT(&a->doc->sentences, cd_sentence, t->sent)->first_tok; k < first; k++)
    if (outside_quotes(a, k) && att_speech_verb(a, k)) return CD_NONE;
  return first;
}

/* "An Interpol spokesperson said ... The spokesperson added": the start of an indefinite phrase
 * ("a"/"an" and up to two modifiers) ending in the same noun as token j, outside quotes, in the
 * sentence of token i or the two before it, and not followed by a name (not "a spokesperson, Ana
 * Bell,"); CD_NONE when there is none. Looks back a bounded number of tokens. */
enum { INTRODUCED_TOKENS = 120 };
static size_t introduced_with(const att *a, size_t i, size_t j, size_t *head) {
  uint32_t sent = T(a, i)->sent;
  for (size_t k = i; k > 0 && i - k < INTRODUCED_TOKENS; k--) {
    size_t h = k - 1;
    if (T(a, h)->sent + 2 < sent) break;
    /* the same lower-case word: byte for byte */
    if (T(a, h)->kind != TOK_WORD || !outside_quotes(a, h) || N(a, h) != N(a, j) || memcmp(S(a, h), S(a, j), N(a, j)))
      continue;
    if (punct(a, h + 1, ',') && h + 2 < doc_ntok(a->doc) && mention_at(a, h + 2) != CD_NONE) return CD_NONE;
    *head = h;
    for (size_t d = h; d > 0 && h - d < 3; d--) /* "a", "an", "one", "another": someone new */
      if (introduces(a, d - 1)) return d - 1;
    return CD_NONE;
  }
  return CD_NONE;
}

static size_t att_possessive_end(const att *a, size_t mi);
/* The person last named with the role word at token j right after "the" at token i ("the coach
 * said" after "Hawks coach Lena Ortiz", "Lena Ortiz, the coach," or "Coach Lena Ortiz", the word
 * in the title), within RESOLVE_TOKENS and two
 * paragraphs back; CD_NONE when none was. */
static bool same_word_ci(const att *a, size_t x, size_t y) {
  return T(a, x)->kind == TOK_WORD && N(a, x) == N(a, y) && strncasecmp(S(a, x), S(a, y), N(a, y)) == 0;
}

/* Is the word at token h a rank's abbreviation of the role word at token j ("Lt." before a name
 * for "the lieutenant", "Sgt." for "the sergeant")? */
static bool title_abbreviates(const att *a, size_t h, size_t j) {
  /* ranks only: a political title is shared by many in a story ("Sen." before every senator),
   * where the senator a sentence is about is the one meant */
  static const char *const PAIRS[][2] = {
      {"capt", "captain"}, {"cmdr", "commander"}, {"col", "colonel"},   {"cpl", "corporal"},
      {"det", "detective"}, {"insp", "inspector"}, {"lt", "lieutenant"}, {"sgt", "sergeant"},
      {"supt", "superintendent"}};
  if (T(a, h)->kind != TOK_WORD || !(T(a, h)->flags & TF_CAP) || N(a, h) > 4) return false;
  for (size_t k = 0; k < sizeof PAIRS / sizeof PAIRS[0]; k++)
    if (N(a, h) == strlen(PAIRS[k][0]) && strncasecmp(S(a, h), PAIRS[k][0], N(a, h)) == 0 &&
        N(a, j) == strlen(PAIRS[k][1]) && strncasecmp(S(a, j), PAIRS[k][1], N(a, j)) == 0)
      return true;
  return false;
}

static size_t role_named_person(const att *a, size_t i, size_t j, size_t paras) {
  /* "the Florida senator": a modifier may mean someone else; but a title of capitalised words
   * ("the Prime Minister") is one role */
  if (j != i + 1) {
    if (j <= i + 1 || j > i + 3) return CD_NONE;
    /* (or a role of lower-case words asked as a whole: "the chief executive") */
    uint8_t want = T(a, i + 1)->flags & (TF_CAP | TF_LOWER);
    for (size_t w = i + 1; w <= j; w++)
      if (T(a, w)->kind != TOK_WORD || !(want & (TF_CAP | TF_LOWER)) || (T(a, w)->flags & want) != want)
        return CD_NONE;
  }
  size_t para = doc_tok_para(a->doc, T(a, i)), words = j - i;
  for (size_t k = i; k > 0 && i - k < RESOLVE_TOKENS; k--) {
    size_t h = k - 1;
    if (doc_tok_para(a->doc, T(a, h)) + paras < para) break;
    if (!(same_word_ci(a, h, j) || (words == 1 && title_abbreviates(a, h, j))) || !outside_quotes(a, h) || h + 1 < words)
      continue;
    bool whole = true; /* the title's other words before it too: "Prime Minister" */
    for (size_t w = 1; w < words && whole; w++) whole = same_word_ci(a, h - w, j - w);
    if (!whole) continue;
    size_t after = mention_at(a, h + 1); /* "coach Lena Ortiz" */
    if (after != CD_NONE && cd_mention_is_person(a->doc, after)) return after;
    /* "The Prime Minister, Gareth Ellingham, was heckled": the role and the name in apposition; also
     * past the place or body of the role ("The Emir of Tanlari, Alhaji Sani Dankaro,", "The governor
     * of Kaduna State, Bashir Tukur,", "the senior coroner for North Dunmere, Piotr Sadowski,") */
    size_t comma = h + 1;
    if ((is(a, comma, "of") || is(a, comma, "for")) && comma + 1 < doc_ntok(a->doc)) {
      size_t of_m = mention_at(a, comma + 1);
      /* (after "for", whatever the name: "the coroner for North Dunmere", "the spokesman for Cruz") */
      if (of_m != CD_NONE && (is(a, h + 1, "for") || !cd_mention_is_person(a->doc, of_m)))
        comma = CD_VEC_AT(&a->doc->mentions, cd_name_mention, of_m)->end_tok;
      /* "the museum's curator of Pacific and African collections, Dr Julian Low,": the words of
       * what the role is over, a capitalised one among them, up to the comma (no verb, mark or
       * stop in them); not "the mayor's chief of staff, Lydia Brandt," another title */
      if (!punct(a, comma, ',')) {
        bool capital = false;
        for (size_t w = h + 2; w < doc_ntok(a->doc) && w < h + 9; w++) {
          if (punct(a, w, ',')) {
            if (capital) comma = w;
            break;
          }
          if (T(a, w)->kind != TOK_WORD || !outside_quotes(a, w) || att_speech_verb(a, w) || cd_is_pronoun(S(a, w), N(a, w)))
            break;
          capital = capital || (T(a, w)->flags & TF_CAP);
        }
      }
    }
    if (punct(a, comma, ',') && comma + 1 < doc_ntok(a->doc) && (after = mention_at(a, comma + 1)) != CD_NONE &&
        CD_VEC_AT(&a->doc->mentions, cd_name_mention, after)->first_tok == comma + 1 && cd_mention_is_person(a->doc, after))
      return after;
    /* "Police Chief Dennis Okonkwo-Hale": the word in a person's title */
    for (size_t t = h + 1; t > 0 && h + 1 - t < 3; t--) {
      size_t m = mention_at(a, t - 1);
      if (m == CD_NONE) continue;
      const cd_name_mention *nm = CD_VEC_AT(&a->doc->mentions, cd_name_mention, m);
      /* (a subject's, not one after a preposition: "golf with World Bank President Jim Yong Kim"
       * leaves "the president" to the resolution of a role) */
      if (nm->title.start == CD_NONE32 || T(a, h)->start < nm->title.start || T(a, h)->start >= nm->title.end ||
          !cd_mention_is_person(a->doc, m))
        break;
      size_t first = CD_VEC_AT(&a->doc->sentences, cd_sentence, nm->sent)->first_tok, b = nm->first_tok;
      while (b > first && nm->first_tok - b < 4 && T(a, b - 1)->kind == TOK_WORD && (T(a, b - 1)->flags & TF_CAP)) b--;
      /* (but the agent of a passive is the one: "jailed by Judge Caroline Ashdown") */
      if (!att_after_preposition(a, b, first) || (b > first && is(a, b - 1, "by"))) return m;
      break;
    }
    /* "Lena Ortiz, the coach," / "Lena Ortiz, a coach at ...", "X, chief vulcanologist at ..." */
    size_t d = h;
    while (d > 0 && h - d < 2 && T(a, d - 1)->kind == TOK_WORD && (T(a, d - 1)->flags & TF_LOWER) &&
           !att_determiner(a, d - 1) && !att_function_word(a, d - 1) && !att_preposition(a, d - 1))
      d--;
    if (d > 0 && att_determiner(a, d - 1)) d--;
    if (d >= 2 && punct(a, d - 1, ',')) {
      for (size_t mi = d - 1; mi > 0 && d - 1 - mi < 6; mi--) {
        size_t m = mention_at(a, mi - 1);
        if (m == CD_NONE) continue;
        if (CD_VEC_AT(&a->doc->mentions, cd_name_mention, m)->end_tok == d - 1 && cd_mention_is_person(a->doc, m)) return m;
        break;
      }
    }
  }
  return CD_NONE;
}


/* Does sentence `si` open with "the" and a role of one word ("The judge appeared unconvinced.") held
 * by a person named before (role_named_person) whom a pronoun of gender `want` can stand for, and
 * name nobody else as a subject or object? That person's mention, or CD_NONE. */
static size_t definite_role_holder(const att *a, uint32_t si, uint8_t want) {
  const cd_sentence *s = CD_VEC_AT(&a->doc->sentences, cd_sentence, si);
  size_t k = s->first_tok, end = s->end_tok;
  if (k < end && (is(a, k, "and") || is(a, k, "but"))) k++;
  if (k + 2 >= end || !is(a, k, "the") || T(a, k + 1)->kind != TOK_WORD || !(T(a, k + 1)->flags & TF_LOWER) ||
      !outside_quotes(a, k + 1) || !att_role_noun(a, k + 1) || T(a, k + 2)->kind != TOK_WORD ||
      !(T(a, k + 2)->flags & TF_LOWER) || att_role_noun(a, k + 2) || att_preposition(a, k + 2))
    return CD_NONE;
  for (size_t w = k + 2; w < end; w++) {
    size_t mi = mention_at(a, w);
    if (mi != CD_NONE && cd_mention_is_person(a->doc, mi) && !att_after_preposition(a, w, s->first_tok)) return CD_NONE;
  }
  size_t holder = role_named_person(a, k, k + 1, ROLE_PARAS);
  if (holder == CD_NONE || !gender_fits(a, CD_VEC_AT(&a->doc->mentions, cd_name_mention, holder), want)) return CD_NONE;
  return holder;
}

/* ", who asked not to be identified", ", who spoke on condition of anonymity", ", who was not
 * authorized to speak": at token e, a clause that says the one before it is not named. */
static bool anonymity_after(const att *a, size_t e) {
  size_t n = doc_ntok(a->doc);
  if (e + 2 >= n || !punct(a, e, ',') || !is(a, e + 1, "who")) return false;
  for (size_t k = e + 2; k < n && k < e + 12 && T(a, k)->sent == T(a, e)->sent && !punct(a, k, ','); k++)
    if (is(a, k, "anonymity") || is(a, k, "identified") || is(a, k, "named") || is(a, k, "authorized") ||
        is(a, k, "authorised"))
      return true;
  return false;
}

/* Is person mention mi followed by an apposition that gives them a role other than the word at
 * token j (", a teacher", ", the club's treasurer")? */
/* Is token w a noun for a role or a trade other than the role word at token j (a plural of j's
 * counts as j)? */
static bool other_role_word(const att *a, size_t w, size_t j) {
  if (T(a, w)->kind != TOK_WORD || !(T(a, w)->flags & TF_LOWER) ||
      !(att_role_noun(a, w) || cd_lex_has(CD_LEX_PERSON_DESCRIPTORS, S(a, w), N(a, w))))
    return false;
  size_t len = N(a, w) > N(a, j) && S(a, w)[N(a, w) - 1] == 's' ? N(a, w) - 1 : N(a, w);
  return !(len == N(a, j) && strncasecmp(S(a, w), S(a, j), len) == 0);
}

/* Was the person of mention mi named with the role word at token j as a title before the name
 * ("Judge Evelyn Marchbank" for "the judge")? */
static bool titled_with(const att *a, size_t mi, size_t j) {
  const cd_doc *doc = a->doc;
  size_t e = CD_VEC_AT(&doc->mentions, cd_name_mention, mi)->entity;
  if (e == CD_NONE) return false;
  /* (the holder's own mention first, then the person's mentions before it, a bounded walk) */
  for (size_t k = mi + 1; k > 0 && mi + 1 - k < 512; k--) {
    const cd_name_mention *m = CD_VEC_AT(&doc->mentions, cd_name_mention, k - 1);
    if (m->entity != e || m->title.start == CD_NONE32) continue;
    size_t tn = m->title.end - m->title.start;
    const char *t = doc->text + m->title.start;
    if (tn >= N(a, j) && strncasecmp(t + tn - N(a, j), S(a, j), N(a, j)) == 0 &&
        (tn == N(a, j) || t[tn - N(a, j) - 1] == ' '))
      return true;
  }
  return false;
}

static bool described_otherwise(const att *a, size_t mi, size_t j) {
  const cd_name_mention *m = CD_VEC_AT(&a->doc->mentions, cd_name_mention, mi);
  size_t k = m->end_tok, n = doc_ntok(a->doc), f = m->first_tok;
  uint32_t sent = T(a, f)->sent;
  /* before the name, someone's relation: "his lawyer, Gordon Faulk," is not "the chief" he is
   * lawyer to, "the studio's barrister, Ann Moore," not "the singer" (a role of one's own before
   * the name may be the same person's: "The abbot, Thich Minh Tri," is "the monk", "study
   * co-author Karen Alley" "the professor") */
  if (f >= 3 && punct(a, f - 1, ',') && T(a, f - 3)->sent == sent && other_role_word(a, f - 2, j)) {
    size_t o = f - 3; /* the owner: "his", "their", "the studio's" */
    bool poss = false;
    if (T(a, o)->kind == TOK_WORD) cd_strip_possessive(S(a, o), N(a, o), &poss);
    if (is(a, o, "his") || is(a, o, "her") || is(a, o, "their") || is(a, o, "its") ||
        (poss && S(a, o)[N(a, o) - 1] == 's'))
      return true;
  }
  if (!punct(a, k, ',')) return false;
  for (size_t w = k + 1; w < n && w <= k + 5 && T(a, w)->sent == sent; w++) {
    if (T(a, w)->kind != TOK_WORD || !(T(a, w)->flags & TF_LOWER)) return false;
    if (att_role_noun(a, w) || cd_lex_has(CD_LEX_PERSON_DESCRIPTORS, S(a, w), N(a, w))) return other_role_word(a, w, j);
  }
  return false;
}

/* The person last introduced with the age that token t gives ("23-year-old"): "Kemi Adeyemi, 23,"
 * or "23-year-old Kemi Adeyemi", within RESOLVE_TOKENS and two paragraphs back; else CD_NONE. */
static size_t age_named_person(const att *a, size_t t) {
  const cd_token *w = T(a, t);
  size_t n = w->len, d = 0;
  const char *s = S(a, t);
  while (d < n && d < 3 && s[d] >= '0' && s[d] <= '9') d++;
  if (d == 0 || n != d + 9 || memcmp(s + d, "-year-old", 9) != 0) return CD_NONE;
  size_t para = doc_tok_para(a->doc, w);
  for (size_t k = t; k > 0 && t - k < RESOLVE_TOKENS; k--) {
    size_t h = k - 1;
    if (doc_tok_para(a->doc, T(a, h)) + 2 < para) break;
    size_t mi = mention_at(a, h);
    if (mi == CD_NONE || !cd_mention_is_person(a->doc, mi)) continue;
    const cd_name_mention *m = CD_VEC_AT(&a->doc->mentions, cd_name_mention, mi);
    /* "Kemi Adeyemi, 23,": the number after the name; "23-year-old Kemi Adeyemi": the word before */
    if (cd_age_after(a->doc, m->end_tok) && N(a, m->end_tok + 1) == d && memcmp(S(a, m->end_tok + 1), s, d) == 0) return mi;
    if (h > 0 && N(a, h - 1) == n && memcmp(S(a, h - 1), s, n) == 0) return mi;
  }
  return CD_NONE;
}

/* "His death was confirmed by his daughter, Ann Reyes. ... "He was kind," his daughter said": the
 * person the same possessive phrase (tokens i and j: "his daughter") named in apposition earlier,
 * "his daughter, Ann Reyes" or "Ann Reyes, his daughter,"; CD_NONE when none did. Looks back a
 * bounded number of tokens; the phrase must name one person only (a second, different one: none). */
enum { APPOSED_TOKENS = 600 };
static size_t apposed_person(const att *a, size_t i, size_t j) {
  size_t found = CD_NONE;
  for (size_t h = i; h > 1 && i - h < APPOSED_TOKENS; h--) {
    size_t n = h - 1, d = CD_NONE; /* the noun and the determiner of an earlier "his (late) daughter" */
    if (T(a, n)->kind != TOK_WORD || N(a, n) != N(a, j) || memcmp(S(a, n), S(a, j), N(a, j)) != 0 ||
        !outside_quotes(a, n))
      continue;
    for (size_t k = n; k > 0 && n - k < 3 && d == CD_NONE; k--) {
      const cd_token *w = T(a, k - 1);
      if (w->kind != TOK_WORD) break;
      if (w->len == N(a, i) && strncasecmp(S(a, k - 1), S(a, i), N(a, i)) == 0) d = k - 1;
      else if (!(w->flags & TF_LOWER)) break;
    }
    if (d == CD_NONE) continue;
    size_t mi = CD_NONE;
    if (punct(a, n + 1, ',') && n + 2 < doc_ntok(a->doc)) mi = mention_at(a, n + 2);
    if (mi == CD_NONE && d >= 2 && punct(a, d - 1, ',')) /* "Ann Reyes, his daughter," */
      for (size_t b = d - 1; b > 0 && d - 1 - b < 6 && mi == CD_NONE; b--) {
        size_t m = mention_at(a, b - 1);
        if (m != CD_NONE && CD_VEC_AT(&a->doc->mentions, cd_name_mention, m)->end_tok == d - 1) mi = m;
      }
    if (mi == CD_NONE || !cd_mention_is_person(a->doc, mi)) continue;
    size_t e = CD_VEC_AT(&a->doc->mentions, cd_name_mention, mi)->entity;
    if (found != CD_NONE && CD_VEC_AT(&a->doc->mentions, cd_name_mention, found)->entity != e) return CD_NONE;
    if (found == CD_NONE) found = mi;
  }
  return found;
}

/* An article or a possessive determiner: the start of a noun phrase. (By length first: the
 * speaker search asks this of every word it reads.) */
static bool phrase_opener(const att *a, size_t i) {
  switch (N(a, i)) {
  case 1: return is(a, i, "a");
  case 2: return is(a, i, "an") || is(a, i, "my");
  case 3: return is(a, i, "the") || is(a, i, "his") || is(a, i, "her") || is(a, i, "its") || is(a, i, "our");
  case 4: return is(a, i, "your");
  case 5: return is(a, i, "their");
  default: return false;
  }
}

enum { THEY_SUBJECT_TOKENS = 60 };
static bool it_subject_before(att *a, size_t i, speaker *sp);
static bool it_subject_of_own(att *a, size_t i, speaker *sp);

static const char WRITER[] = "the writer";

bool att_is_writer(const att *a, const speaker *sp) {
  (void)a;
  return sp->found && sp->name == WRITER;
}

static bool known_speaker_at(att *a, size_t i, speaker *sp, cd_attribution_method method) {
  cd_doc *doc = a->doc;
  if (i >= doc_ntok(doc) || T(a, i)->kind != TOK_WORD || !outside_quotes(a, i)) return false;
  size_t mi = mention_at(a, i);
  if (mi != CD_NONE) {
    const cd_name_mention *m = CD_VEC_AT(&doc->mentions, cd_name_mention, mi);
    if (all_capitals(a, m) && !m->acronym) return false;
    if (dateline(a, m)) return false;
    /* a capitalised function word read as a name after a dateline's dash ("— In response to ...") */
    /* but "Will" may be George Will: a capitalised word between a closing mark and a verb of
     * saying (""...," Will wrote") can only be a name */
    bool tag_name = i > 0 && T(a, i - 1)->kind == TOK_MARK && T(a, i - 1)->role == MR_CLOSE && att_speech_verb(a, i + 1);
    if (m->end_tok == m->first_tok + 1 &&
        (att_preposition(a, i) || att_determiner(a, i) ||
         (att_function_word(a, i) && !cd_mention_is_person(doc, mi) && !tag_name)))
      return false;
    size_t role = m->end_tok;
    if (role + 1 < doc_ntok(doc) && T(a, role)->kind == TOK_WORD && (T(a, role)->flags & TF_LOWER) &&
        (att_role_noun(a, role) || att_source_noun(a, role)) &&
        mention_at(a, role + 1) != CD_NONE && cd_mention_is_person(doc, mention_at(a, role + 1))) {
      att_set_name(a, sp, mention_at(a, role + 1), method); /* "Samoa Observer editor Keni Lesa" */
      sp->first_tok = i;
      return true;
    }
    if (!cd_mention_is_person(doc, mi)) {
      size_t p = att_person_after_descriptors(a, i);
      if (p != CD_NONE) {
        att_set_name(a, sp, p, method);
        sp->first_tok = i;
        return true;
      }
    }
    size_t owner_end = att_possessive_end(a, mi);
    if (owner_end != CD_NONE) {
      /* "Stardom's official statement", "Reyes' campaign": the organisation's document speaks */
      size_t e = owner_end;
      for (size_t k = 0; k < 3 && e < doc_ntok(doc) && T(a, e)->kind == TOK_WORD && (T(a, e)->flags & TF_LOWER); k++, e++) {
        if (att_source_noun(a, e)) {
          source_phrase(a, sp, i, e + 1);
          sp->mention = mi;
          sp->entity = m->entity;
          return true;
        }
      }
      return false;
    }
    att_set_name(a, sp, mi, method);
    return true;
  }
  if (pronoun_is(a, i, "he") || pronoun_is(a, i, "she")) return att_resolve_into(a, i, i + 1, sp, false, "pronoun");
  /* ""Why did you stop?" I asked her again.": in a first-person piece the writer is on record, by
   * "I" before a verb of saying */
  if (N(a, i) == 1 && S(a, i)[0] == 'I') {
    static const char *const SPEAKING[] = {"said",    "say",    "says",    "asked",   "ask",    "told",
                                           "tell",    "replied", "answered", "added", "explained", "shouted",
                                           "whispered", "wrote", "called",  "insisted", NULL};
    static const char *const OBJECTS[] = {"her", "him", "them", "us", "again", "back", "quietly", NULL};
    size_t n = doc_ntok(doc), v = i + 1;
    while (v < n && v < i + 4 && att_between_word(a, v)) v++;
    /* (not "I read your article, "..."": a verb of speaking to someone) */
    if (v >= n || T(a, v)->kind != TOK_WORD || !cd_word_in(S(a, v), N(a, v), SPEAKING)) return false;
    /* right after a quote the tag ends its clause (""..." I asked her again."), not "I said both" */
    if (i > 0 && T(a, i - 1)->kind == TOK_MARK && T(a, i - 1)->role == MR_CLOSE) {
      size_t e = v + 1;
      while (e < n && e < v + 3 && T(a, e)->kind == TOK_WORD && cd_word_in(S(a, e), N(a, e), OBJECTS)) e++;
      /* (a phrase of where or when may end it: ""...?" I asked at one point.") */
      if (e < n && att_preposition(a, e) && !is(a, e, "that") && T(a, e)->sent == T(a, i)->sent) {
        size_t k = e + 1;
        while (k < n && k < e + 7 && T(a, k)->sent == T(a, i)->sent && T(a, k)->kind == TOK_WORD &&
               !cd_is_pronoun(S(a, k), N(a, k)) && !att_function_word(a, k))
          k++;
        if (k > e + 1 && k < n && T(a, k)->kind == TOK_PUNCT) e = k;
      }
      if (e < n && T(a, e)->kind != TOK_PUNCT && T(a, e)->sent == T(a, i)->sent) return false;
    }
    memset(sp, 0, sizeof *sp);
    sp->found = true;
    sp->first_tok = i;
    sp->end_tok = i + 1;
    sp->mention = sp->entity = CD_NONE;
    sp->method = CD_ATTR_PRONOUN;
    sp->name = WRITER;
    sp->how = "\"I\": the writer, in the first person";
    return true;
  }
  /* "We quoted him as saying that ...": the one quoted, an object before "as" */
  if ((pronoun_is(a, i, "him") || pronoun_is(a, i, "her")) && i + 1 < doc_ntok(a->doc) && is(a, i + 1, "as"))
    return att_resolve_into(a, i, i + 1, sp, false, "pronoun");
  if (is(a, i, "they")) {
    uint32_t cur = T(a, i)->sent;
    /* "The campaign is seeking ... with what they call "..."": a group or document that is the
     * subject of the pronoun's own sentence (looked for only near the sentence's start, so that a
     * run-on sentence full of "they" stays linear) */
    const cd_sentence *cs = CD_VEC_AT(&doc->sentences, cd_sentence, cur);
    if (!a->in_they && i > cs->first_tok + 1 && i < cs->first_tok + THEY_SUBJECT_TOKENS) {
      speaker subj = {0};
      a->in_they = true;
      bool found = att_sentence_subject(a, cur, i, &subj) && subj.method == CD_ATTR_SOURCE && att_phrase_end(&subj) < i;
      a->in_they = false;
      if (found) return they_refers_to(a, i, &subj, sp);
    }
    /* (not an organisation that is only where something happens: "stood near the memorial, close
     * to Tollbridge Primary School. When the motorcade passed, they chanted") */
    bool oblique = false;
    if (att_resolve_into(a, i, i + 1, sp, true, NULL)) {
      const cd_name_mention *m = sp->mention != CD_NONE ? CD_VEC_AT(&doc->mentions, cd_name_mention, sp->mention) : NULL;
      oblique = m && att_after_preposition(a, m->first_tok, CD_VEC_AT(&doc->sentences, cd_sentence, m->sent)->first_tok);
      if (!oblique) return true;
      memset(sp, 0, sizeof *sp);
    }
    if (cur > 0 && CD_VEC_AT(&doc->sentences, cd_sentence, cur - 1)->para == para_of(a, i)) {
      speaker prev = {0};
      const cd_sentence *ps = CD_VEC_AT(&doc->sentences, cd_sentence, cur - 1);
      if (att_sentence_subject(a, cur - 1, ps->end_tok, &prev) && prev.method == CD_ATTR_SOURCE)
        return they_refers_to(a, i, &prev, sp);
    }
    if (oblique) {
      unresolved(a, i, i + 1, sp);
      return true;
    }
    return att_resolve_into(a, i, i + 1, sp, true, "pronoun");
  }
  if (is(a, i, "who") || is(a, i, "which")) {
    /* "McConnell, now the majority leader, who said": the name the relative clause hangs on */
    size_t ante = relative_antecedent(a, i);
    if (ante != CD_NONE) {
      att_set_name(a, sp, ante, CD_ATTR_PRONOUN);
      sp->first_tok = i;
      sp->end_tok = i + 1;
      sp->phrase_end = 0;
      sp->how = cd_arena_printf(doc->arena, "\"%.*s\" refers to %s", (int)N(a, i), S(a, i), sp->name);
      return true;
    }
    if (is(a, i, "which")) return false;
    /* "Who could have said "stop"?": a question's "who" asks, it names nobody */
    if (T(a, i)->flags & TF_CAP) return false;
    {
      const cd_sentence *qs = CD_VEC_AT(&doc->sentences, cd_sentence, T(a, i)->sent);
      size_t last = qs->end_tok - 1;
      while (last > i && T(a, last)->kind == TOK_MARK) last--;
      /* (the sentence's own question mark, not a quoted question's: "a reporter who asked: "Will
       * you reconsider?"") */
      if (!punct(a, i - 1, ',') && punct(a, last, '?') && outside_quotes(a, last)) return false;
    }
    /* "objections from Republicans who called it "..."", "two former officials, who said":
     * a group the clause hangs on is the one, as written; not the sentence's subject */
    size_t group = group_before_relative(a, i);
    if (group != CD_NONE) {
      source_phrase(a, sp, group, punct(a, i - 1, ',') ? i - 1 : i);
      return relative_ends_at(sp, i);
    }
    /* "The person, who spoke on condition of anonymity, said": a noun phrase the clause hangs on
     * ("the", "a" and a lower-case noun right before the comma) is the one, as written; not
     * someone named before */
    if (i >= 3 && punct(a, i - 1, ',') && T(a, i - 2)->kind == TOK_WORD && (T(a, i - 2)->flags & TF_LOWER) &&
        !att_function_word(a, i - 2)) {
      for (size_t d = i - 2; d > 0 && i - 2 - d < 3; d--)
        if (att_determiner(a, d - 1) && T(a, d - 1)->sent == T(a, i)->sent) {
          /* (not an appositive of a name: "Butch Otter (R-Idaho), an early endorser, who ...") */
          if (d >= 2 && (punct(a, d - 2, ',') || punct(a, d - 2, ')'))) break;
          /* (a role resolves as itself would: "The trainer, who ..." is the trainer named before) */
          if (att_speaker_at(a, d - 1, sp, CD_ATTR_EXPLICIT) && sp->end_tok <= i - 1) return true;
          memset(sp, 0, sizeof *sp);
          return source_phrase(a, sp, d - 1, i - 1);
        }
    }
    /* "was stopped by a reporter who asked: "...?"", "met by a protester who shouted, "..."": with
     * no comma, the noun of someone new right before the clause ("a" or "an" and at most one word
     * more), when the clause's verb of saying opens the quote */
    if (i >= 2 && verb_opens_quote(a, i + 1) && T(a, i - 1)->kind == TOK_WORD && (T(a, i - 1)->flags & TF_LOWER) && !att_function_word(a, i - 1) &&
        (att_person_noun(a, i - 1) || cd_lex_has(CD_LEX_PERSON_DESCRIPTORS, S(a, i - 1), N(a, i - 1)) ||
         agent_noun(S(a, i - 1), N(a, i - 1)))) {
      for (size_t d = i - 1; d > 0 && i - 1 - d < 2; d--) {
        if (T(a, d - 1)->sent != T(a, i)->sent || T(a, d - 1)->kind != TOK_WORD) break;
        if (!is(a, d - 1, "a") && !is(a, d - 1, "an")) continue;
        memset(sp, 0, sizeof *sp);
        source_phrase(a, sp, d - 1, i);
        return relative_ends_at(sp, i);
      }
    }
    return att_resolve_into(a, i, i + 1, sp, false, NULL);
  }
  size_t after_it = i + 1;
  while (after_it < doc_ntok(doc) && after_it < i + 4 && att_between_word(a, after_it)) after_it++;
  if (is(a, i, "it") && (att_speech_verb(a, after_it) || (i > 0 && att_speech_verb(a, i - 1))))
  {
    /* "it said": an organisation or a document, too often not the nearest one to guess: as written;
     * but "The ministry issued a statement on Tuesday. "...," it said.": the organisation or
     * document that is the subject of the sentence before, in the paragraph, when nothing else
     * is named in between */
    if (it_subject_before(a, i, sp) || it_subject_of_own(a, i, sp)) return true;
    source_phrase(a, sp, i, i + 1);
    sp->method = CD_ATTR_PRONOUN;
    sp->how = "\"it\" (an organisation or a document named earlier; not resolved)";
    return true;
  }
  if ((T(a, i)->flags & TF_LOWER) || cd_is_job_title(S(a, i), N(a, i))) {
    size_t p = att_person_after_descriptors(a, i);
    if (p != CD_NONE && !att_determiner(a, i)) {
      att_set_name(a, sp, p, method);
      sp->first_tok = i;
      return true;
    }
  }
  /* "One of the children", "one of them": a member of a group, reported as written */
  if (is(a, i, "one") && is(a, i + 1, "of") && i + 2 < doc_ntok(doc)) {
    size_t e = i + 2;
    if (is(a, e, "them") || is(a, e, "those")) e++;
    else {
      if (att_determiner(a, e)) e++;
      while (e < doc_ntok(doc) && T(a, e)->kind == TOK_WORD && (T(a, e)->flags & TF_LOWER) && !att_speech_verb(a, e) &&
             !att_between_word(a, e) && e < i + 7)
        e++;
    }
    if (e > i + 2 && !att_determiner(a, e - 1)) { /* "one of the states suing": no phrase ends at "the" */
      return source_phrase(a, sp, i, e);
    }
  }
  /* "said the Speaker, Dame Philippa Ormerod,", "the Prime Minister, Alun Brecon, said": a title
   * in capitals after "the" ("the Archbishop of Canterbury"), then the person it names */
  if (is(a, i, "the") && i + 3 < doc_ntok(doc) && (T(a, i + 1)->flags & TF_CAP) && mention_at(a, i + 1) == CD_NONE) {
    size_t k = i + 1;
    while (k < doc_ntok(doc) && k < i + 6 && T(a, k)->kind == TOK_WORD && mention_at(a, k) == CD_NONE &&
           ((T(a, k)->flags & TF_CAP) ||
            ((is(a, k, "of") || is(a, k, "for")) && k + 1 < doc_ntok(doc) && (T(a, k + 1)->flags & TF_CAP))))
      k++;
    size_t named = punct(a, k, ',') && k + 1 < doc_ntok(doc) ? mention_at(a, k + 1) : CD_NONE;
    if (named != CD_NONE && cd_mention_is_person(doc, named) && att_possessive_end(a, named) == CD_NONE) {
      size_t e = CD_VEC_AT(&doc->mentions, cd_name_mention, named)->end_tok;
      if (e >= doc_ntok(doc) || T(a, e)->sent != T(a, i)->sent || punct(a, e, ',') || punct(a, e, '.') ||
          att_speech_verb(a, e)) {
        att_set_name(a, sp, named, method);
        sp->first_tok = i;
        return true;
      }
    }
  }
  /* "Kemi Adeyemi, 23, scored twice. The 23-year-old added: ...": the person introduced with that age */
  if (is(a, i, "the") && i + 1 < doc_ntok(doc)) {
    size_t named = age_named_person(a, i + 1);
    if (named != CD_NONE) {
      refers_to(a, sp, named, i, i + 2, ", introduced with that age");
      return true;
    }
  }
  /* nominal: [determiner] [up to 3 modifiers] SOURCE-NOUN, or a bare plural source ("police") */
  size_t j = i;
  /* "That letter asks", "Those figures show": a demonstrative opening the sentence before a source
   * noun (not the conjunction "that" elsewhere) */
  bool demonstrative = (is(a, j, "that") || is(a, j, "these") || is(a, j, "those")) && (T(a, j)->flags & TF_CAP) &&
                       j + 1 < doc_ntok(doc) && T(a, j + 1)->sent == T(a, j)->sent && att_source_noun(a, j + 1) &&
                       j == CD_VEC_AT(&doc->sentences, cd_sentence, T(a, j)->sent)->first_tok;
  bool det = demonstrative || att_determiner(a, j);
  bool definite = is(a, j, "the");
  if (det) j++;
  for (size_t k = 0; k < 4 && j < doc_ntok(doc); k++, j++) {
    if (det && T(a, j)->kind == TOK_NUMBER && outside_quotes(a, j)) continue; /* "the 60 second ad", "a 2015 report" */
    if (T(a, j)->kind != TOK_WORD || !outside_quotes(a, j)) return false;
    if (!att_source_noun(a, j) && (att_between_word(a, j) || att_speech_verb(a, j) || att_preposition(a, j)))
      return false;
    /* a clause or a second phrase begins: not "the trawler as his friends" */
    if ((T(a, j)->flags & TF_LOWER) && ((det && phrase_opener(a, j)) || cd_lex_has(CD_LEX_CLAUSE_OPENERS, S(a, j), N(a, j))))
      return false;
    if (definite && T(a, j)->flags & TF_LOWER && att_role_noun(a, j) &&
        !(j + 1 < doc_ntok(doc) && (att_source_noun(a, j + 1) || mention_at(a, j + 1) != CD_NONE))) {
      /* "An Interpol spokesperson said ... The spokesperson added": the one introduced with that noun */
      size_t head = CD_NONE, intro = introduced_with(a, i, j, &head);
      if (intro != CD_NONE) {
        source_phrase(a, sp, i, j + 1);
        sp->name = cd_arena_strndup(doc->arena, doc->text + T(a, intro)->start, cd_tok_end(T(a, head)) - T(a, intro)->start);
        return true;
      }
      /* "the president said": the person last named in that role, else the nearest person */
      size_t named = role_named_person(a, i, j, ROLE_PARAS);
      if (named != CD_NONE) {
        refers_to(a, sp, named, i, j + 1, ", named in that role before");
        return true;
      }
      /* "the adviser, who spoke on condition of anonymity, said": nobody named, as written */
      if (anonymity_after(a, j + 1)) return source_phrase(a, sp, i, j + 1);
      /* not someone the text gave another role: "Patrick Oyelowo-Hart, a teacher" is not "the owner" */
      size_t near = att_resolve_person(a, i, false);
      bool other = near != CD_NONE && described_otherwise(a, near, j);
      /* then the role's holder may be named further back ("The singer Rhea Okafor" at the top,
       * "Judge Evelyn Marchbank" eight paragraphs up): before the nearest person, who in a long
       * story is more often someone else (the defendant the judge sentences); but the nearest
       * first when named in this sentence or the one before ("Boateng said the winner was the best
       * moment of his career. '...,' the defender said."), unless the role is the title the holder
       * was named with */
      bool close = near != CD_NONE && CD_VEC_AT(&doc->mentions, cd_name_mention, near)->sent + 1 >= T(a, i)->sent;
      named = role_named_person(a, i, j, ROLE_PARAS_FAR);
      if (!other && close && !(named != CD_NONE && titled_with(a, named, j)) &&
          att_resolve_into(a, i, j + 1, sp, false, NULL))
        return true;
      memset(sp, 0, sizeof *sp);
      if (named != CD_NONE) {
        refers_to(a, sp, named, i, j + 1, ", named in that role before");
        return true;
      }
      if (!other && att_resolve_into(a, i, j + 1, sp, false, NULL)) return true;
    }
    if (definite && (T(a, j)->flags & TF_LOWER) && N(a, j) > 3 && S(a, j)[N(a, j) - 1] == 's' &&
        att_speech_verb(a, j + 1) && !att_source_noun(a, j)) {
      /* "The wardens said": a plural group that speaks, reported as written */
      return source_phrase(a, sp, i, j + 1);
    }
    if (k == 0 && det && (T(a, j)->flags & TF_LOWER) && (is(a, i, "his") || is(a, i, "her") || is(a, i, "their")) &&
        j + 1 < doc_ntok(doc) && !att_source_noun(a, j + 1) && mention_at(a, j + 1) == CD_NONE) {
      size_t named = apposed_person(a, i, j);
      if (named != CD_NONE) {
        refers_to(a, sp, named, i, j + 1, ", named so earlier");
        return true;
      }
    }
    /* "The official Xinhua News Agency quoted ...": "official" as an adjective before a name; the
     * name speaks */
    if (det && k == 0 && is(a, j, "official") && mention_at(a, j + 1) != CD_NONE &&
        CD_VEC_AT(&doc->mentions, cd_name_mention, mention_at(a, j + 1))->first_tok == j + 1 &&
        !cd_mention_is_person(doc, mention_at(a, j + 1)) && att_speaker_at(a, j + 1, sp, method)) {
      if (sp->method == CD_ATTR_SOURCE) return source_phrase(a, sp, i, sp->end_tok);
      sp->first_tok = i;
      return true;
    }
    /* a headline's bare role before its verb: "At packed Easter service, bishop urges city to "..."" */
    /* (also one in capitals: "as CEO says") */
    if (!det && k == 0 && (T(a, j)->flags & (TF_LOWER | TF_ALLCAPS)) && att_role_noun(a, j) && !att_source_noun(a, j) &&
        j + 1 < doc_ntok(doc) && att_speech_verb(a, j + 1) && CD_VEC_AT(&doc->paras, cd_para, para_of(a, i))->headline)
      return source_phrase(a, sp, i, j + 1);
    if (att_source_noun(a, j)) {
      /* take the longest run of source nouns: "the police spokesperson" */
      size_t e = j + 1;
      while (e < doc_ntok(doc) && att_source_noun(a, e) && T(a, e)->sent == T(a, j)->sent) e++;
      /* a name the noun opens goes whole: "the Association of Flight Attendants" */
      size_t named = mention_at(a, j);
      if (named != CD_NONE && CD_VEC_AT(&doc->mentions, cd_name_mention, named)->end_tok > e)
        e = CD_VEC_AT(&doc->mentions, cd_name_mention, named)->end_tok;
      bool headline = CD_VEC_AT(&doc->paras, cd_para, para_of(a, i))->headline;
      if (!det && k > 0 && !headline) return false;
      /* "the coroner said" after "the senior coroner for North Dunmere, Piotr Sadowski,": the
       * person named before with that very noun; else, as written, whoever it is */
      /* (also a title of two lower-case words: "the chief executive", "the finance minister") */
      size_t last = e - 1;
      bool titled = T(a, last)->kind == TOK_WORD && (T(a, last)->flags & TF_LOWER) && S(a, last)[N(a, last) - 1] != 's' &&
                    (cd_is_job_title(S(a, last), N(a, last)) || (e == j + 1 && cd_lex_has(CD_LEX_PERSON_DESCRIPTORS, S(a, last), N(a, last))));
      for (size_t w = i + 1; titled && w < last; w++)
        titled = (T(a, w)->flags & TF_LOWER) && cd_is_job_title(S(a, w), N(a, w));
      if (definite && titled && last - i <= 2 &&
          !(e < doc_ntok(doc) && (is(a, e, "for") || is(a, e, "of") || is(a, e, "at") || is(a, e, "from")))) {
        size_t holder = role_named_person(a, i, last, ROLE_PARAS);
        if (holder != CD_NONE) {
          refers_to(a, sp, holder, i, last + 1, ", named in that role before");
          return true;
        }
      }
      /* "Lawyers for the port", "Leaders of the guild", "Minutes from the meeting": a plural whose
       * group or origin a phrase after it names */
      bool owned_plural = !det && e == j + 1 && N(a, j) > 3 && S(a, j)[N(a, j) - 1] == 's' &&
                          (is(a, e, "for") || is(a, e, "of") || is(a, e, "from")) &&
                          e + 1 < doc_ntok(doc) && (is(a, e + 1, "the") || mention_at(a, e + 1) != CD_NONE);
      if (!det && !headline && !owned_plural && !cd_lex_has(CD_LEX_BARE_SOURCES, S(a, j), N(a, j)))
        return false;
      /* a bare plural is its whole phrase: not the end of "young black voters", not a heading "VOTERS" */
      if (!det && !headline &&
          ((T(a, j)->flags & TF_ALLCAPS) || (i > 0 && T(a, i - 1)->kind == TOK_WORD && (T(a, i - 1)->flags & TF_LOWER) &&
                                             T(a, i - 1)->sent == T(a, i)->sent && att_descriptor_word(a, i - 1))))
        return false;
      /* "a spokesperson for the Kremlin": keep the organisation in the words as written */
      if (is(a, e, "for") || is(a, e, "of") || is(a, e, "at") || is(a, e, "from")) {
        size_t f = e + 1;
        if (f < doc_ntok(doc) && is(a, f, "the")) f++;
        if (f < doc_ntok(doc) && mention_at(a, f) != CD_NONE) {
          e = CD_VEC_AT(&doc->mentions, cd_name_mention, mention_at(a, f))->end_tok;
          /* "the Ministry of Oceans and Fisheries": a body's name with "and" in it, parted by the
           * chunker; the second part is no person's */
          if (is(a, e, "and") && e + 1 < doc_ntok(doc) && mention_at(a, e + 1) != CD_NONE) {
            const cd_name_mention *more = CD_VEC_AT(&doc->mentions, cd_name_mention, mention_at(a, e + 1));
            /* (then the phrase ends: a comma or its verb of saying, not "and Fisheries officials") */
            if (!cd_mention_is_person(doc, mention_at(a, e + 1)) && more->sent == T(a, e)->sent &&
                (punct(a, more->end_tok, ',') || att_speech_verb(a, more->end_tok)))
              e = more->end_tok;
          }
        } else if (f > e + 1 && f < doc_ntok(doc) && att_source_noun(a, f)) {
          e = f + 1; /* "a spokesperson for the company" */
        }
      }
      /* "relatives in the public gallery shouted": a bare plural's short place phrase, when a verb
       * of saying comes right after it */
      if (!det && e < doc_ntok(doc) &&
          cd_word_in(S(a, e), N(a, e), (const char *const[]){"in", "inside", "outside", "near", "beside", "behind", NULL}))
        e = past_short_pp(a, e, T(a, j)->sent, false);
      /* "Emergency managers said": the common word that opens the sentence before a bare plural
       * is its modifier, capitalised for the sentence */
      size_t from = i;
      if (!det && i > 0 && T(a, i - 1)->kind == TOK_WORD && (T(a, i - 1)->flags & TF_CAP) &&
          !(T(a, i - 1)->flags & TF_ALLCAPS) && T(a, i - 1)->sent == T(a, i)->sent &&
          CD_VEC_AT(&doc->sentences, cd_sentence, T(a, i)->sent)->first_tok == i - 1 && mention_at(a, i - 1) == CD_NONE &&
          !att_function_word(a, i - 1) && !att_determiner(a, i - 1) && !att_preposition(a, i - 1) &&
          cd_is_common_word(S(a, i - 1), N(a, i - 1)))
        from = i - 1;
      return source_phrase(a, sp, from, e);
    }
    /* "the Premier said", "the Chief Minister said": capitalised titles alone are a role, the person
     * last named in it (as "the premier said") */
    if (definite && k == 0 && (T(a, j)->flags & TF_CAP) && cd_is_job_title(S(a, j), N(a, j))) {
      size_t e = j + 1;
      while (e < doc_ntok(doc) && e < j + 4 && T(a, e)->kind == TOK_WORD && (T(a, e)->flags & TF_CAP) &&
             cd_is_job_title(S(a, e), N(a, e)))
        e++;
      if (e >= doc_ntok(doc) || !(T(a, e)->flags & TF_CAP)) {
        size_t named = role_named_person(a, i, e - 1, ROLE_PARAS); /* "The Premier, Daniel Fitzsimmons, ..." */
        /* (a capitalised office is one person's however far back it was named: "the Speaker, Rawiri
         * Paewai," ten paragraphs before "the Speaker said") */
        if (named == CD_NONE) named = role_named_person(a, i, e - 1, ROLE_PARAS_FAR);
        if (named != CD_NONE) {
          refers_to(a, sp, named, i, e, ", named in that role before");
          return true;
        }
        if (att_resolve_into(a, i, e, sp, false, NULL)) return true;
      }
    }
    if (mention_at(a, j) != CD_NONE) {
      /* "the Kremlin", "the White House": a determiner before a name */
      const cd_name_mention *m = CD_VEC_AT(&doc->mentions, cd_name_mention, mention_at(a, j));
      bool modifier = m->end_tok < doc_ntok(doc) && T(a, m->end_tok)->kind == TOK_WORD &&
                      (T(a, m->end_tok)->flags & TF_LOWER) &&
                      (att_role_noun(a, m->end_tok) || att_source_noun(a, m->end_tok));
      if (det && (m->possessive || modifier)) { /* "the court's summary", "the Wooster professor" */
        j = m->end_tok - 1;
        continue;
      }
      if (det && k == 0 && att_speaker_at(a, j, sp, method)) {
        if (sp->method == CD_ATTR_SOURCE) return source_phrase(a, sp, i, sp->end_tok); /* with its article */
        sp->first_tok = i;
        return true;
      }
      return false;
    }
    if (!det && !(CD_VEC_AT(&doc->paras, cd_para, para_of(a, i))->headline && (T(a, j)->flags & TF_LOWER)))
      return false; /* headlines drop their articles: "says bakery owner" */
  }
  return false;
}

/* The token after a possessive name ("Lind's", "Greaves'"), or CD_NONE when it is not one. */
static size_t att_possessive_end(const att *a, size_t mi) {
  const cd_name_mention *m = CD_VEC_AT(&a->doc->mentions, cd_name_mention, mi);
  size_t e = m->end_tok;
  /* "Reyes' ": the bare apostrophe is a token of its own, also when the mention is marked possessive */
  bool apostrophe = e < doc_ntok(a->doc) && T(a, e)->kind == TOK_MARK && T(a, e)->role == MR_APOS &&
                    !(T(a, e)->flags & TF_SPACE_BEFORE) && a->doc->text[cd_tok_end(T(a, e - 1)) - 1] == 's';
  if (apostrophe) return e + 1;
  return m->possessive ? e : CD_NONE;
}

/* Can a generic speaker phrase end before token e, after an inverted verb ("said the designer,",
 * "said a former official who ...")? The clause must end there, or a relative clause or a
 * prepositional phrase begin. */
static bool clause_ends(const att *a, size_t e, uint32_t sent) {
  if (e >= doc_ntok(a->doc) || T(a, e)->sent != sent || T(a, e)->kind != TOK_WORD) return true;
  return is(a, e, "who") || is(a, e, "whose") || is(a, e, "which") || att_preposition(a, e);
}

/* A person named in an appositive at token e (", Omar Haddad"), closing the clause after an
 * inverted verb or followed by ", VERB" before one; the mention, or CD_NONE. */
static size_t appositive_person(const att *a, size_t e, bool inverted, uint32_t sent) {
  size_t n = doc_ntok(a->doc);
  if (!punct(a, e, ',') || e + 1 >= n || mention_at(a, e + 1) == CD_NONE) return CD_NONE;
  size_t mi = mention_at(a, e + 1);
  const cd_name_mention *m = CD_VEC_AT(&a->doc->mentions, cd_name_mention, mi);
  if (!cd_mention_is_person(a->doc, mi) || att_possessive_end(a, mi) != CD_NONE) return CD_NONE;
  size_t me = att_skip_affiliation(a, m->end_tok);
  if (inverted) return clause_ends(a, me, sent) || punct(a, me, ',') ? mi : CD_NONE;
  if (!punct(a, me, ',')) return CD_NONE;
  size_t k = me + 1;
  while (k < n && k < me + 4 && att_between_word(a, k)) k++;
  return att_speech_verb(a, k) ? mi : CD_NONE;
}

/* The person named in an appositive after a role's prepositional phrase: "said the bureau's head
 * of public forecasting, Dr Maren Holt", "the head of communications at the council, Jane Prior,
 * said". The phrase at e is words only (a name inside it too: "a spokesman for Kestrel Rail,
 * Tom Reyes"), up to the comma; CD_NONE when there is none or it holds a clause. */
enum { ROLE_PP_MAX = 8 };
static size_t appositive_past_pp(const att *a, size_t e, bool inverted, uint32_t sent) {
  size_t n = doc_ntok(a->doc);
  if (e >= n || !att_preposition(a, e) || is(a, e, "to") || cd_lex_has(CD_LEX_SUBORDINATING_PREPOSITIONS, S(a, e), N(a, e)))
    return CD_NONE;
  for (size_t k = e + 1; k < n && k <= e + ROLE_PP_MAX && T(a, k)->sent == sent; k++) {
    if (T(a, k)->kind == TOK_MARK && T(a, k)->role == MR_APOS) continue; /* "the council's" */
    if (punct(a, k, ',')) return k > e + 1 ? appositive_person(a, k, inverted, sent) : CD_NONE;
    if (T(a, k)->kind != TOK_WORD || !outside_quotes(a, k) || att_speech_verb(a, k) || is(a, k, "who") ||
        is(a, k, "which") || is(a, k, "that") || cd_is_pronoun(S(a, k), N(a, k)))
      return CD_NONE;
  }
  return CD_NONE;
}

/* "a launch controller could be heard saying", "one engineer kept saying", "an aide was
 * shouting" -- but not "Alpert's metaphor is telling", an adjective after a form of "be". */
static bool participle_of_saying(const att *a, size_t k) {
  return att_participle_of_saying(a, k) && !(is(a, k, "telling") && att_be_form(a, k - 1));
}

/* The verb a generic phrase must stand before: a verb of saying, or with `stance` also a stance
 * verb ("a reporter called it "...""). */
static bool phrase_verb(const att *a, size_t k, bool stance) {
  return att_speech_verb(a, k) ||
         (stance && k < doc_ntok(a->doc) && T(a, k)->kind == TOK_WORD && (T(a, k)->flags & TF_LOWER) &&
          cd_is_stance_verb(S(a, k), N(a, k)) && !att_determiner(a, k - 1)); /* not "the rules" */
}

static bool object_pronoun(const att *a, size_t i) {
  return is(a, i, "me") || is(a, i, "him") || is(a, i, "her") || is(a, i, "us") || is(a, i, "them");
}

/* Past a short prepositional phrase after a speaker noun, when a verb of saying follows it: "a
 * narrator in the Clinton ad asks", "a spokesman for committee Democrats said". Returns e when there
 * is none. */
static size_t past_short_pp(const att *a, size_t e, uint32_t sent, bool stance) {
  size_t n = doc_ntok(a->doc);
  /* not "the staff before its chief said": a word that opens a clause of its own */
  if (e >= n || !att_preposition(a, e) || is(a, e, "to") || cd_lex_has(CD_LEX_SUBORDINATING_PREPOSITIONS, S(a, e), N(a, e)))
    return e;
  for (size_t k = e + 1; k < n && k < e + 8 && T(a, k)->sent == sent; k++) {
    if (T(a, k)->kind == TOK_MARK && T(a, k)->role == MR_APOS) continue; /* "the council's video" */
    if (T(a, k)->kind != TOK_WORD || !outside_quotes(a, k)) return e;
    if (k > e + 1 && phrase_verb(a, k, stance)) return k;
    if (att_between_word(a, k) && k > e + 1) {
      size_t v = k;
      while (v < n && v < k + 3 && att_between_word(a, v)) v++;
      /* (or a participle of saying after them: "could be heard saying") */
      bool participle = v < n && T(a, v)->kind == TOK_WORD && cd_is_speech_participle(S(a, v), N(a, v));
      return phrase_verb(a, v, stance) || participle ? k : e;
    }
    /* "one veteran editor beside me could be heard saying": an object pronoun alone, then the verb */
    if (k == e + 1 && k + 1 < n && object_pronoun(a, k) && (att_between_word(a, k + 1) || phrase_verb(a, k + 1, stance)))
      continue;
    if (att_function_word(a, k) || att_preposition(a, k) || cd_is_pronoun(S(a, k), N(a, k))) return e;
  }
  return e;
}

/* Past a prepositional phrase after a speaker's noun that a relative clause follows: "at the
 * scene, who", "from one of the larger emitting countries, who"; the comma's token, or e when
 * there is no such phrase (at most ten tokens; "the", "of" and "and" within). */
static size_t past_phrase_to_who(const att *a, size_t e, uint32_t sent) {
  size_t n = doc_ntok(a->doc);
  if (e >= n || !att_preposition(a, e) || is(a, e, "to") || cd_lex_has(CD_LEX_SUBORDINATING_PREPOSITIONS, S(a, e), N(a, e)))
    return e;
  for (size_t k = e + 1; k < n && k < e + 11 && T(a, k)->sent == sent; k++) {
    if (T(a, k)->kind == TOK_MARK && T(a, k)->role == MR_APOS) continue;
    if (punct(a, k, ',')) return k > e + 1 && k + 1 < n && is(a, k + 1, "who") ? k : e;
    if ((T(a, k)->kind != TOK_WORD && T(a, k)->kind != TOK_NUMBER) || !outside_quotes(a, k) ||
        cd_is_pronoun(S(a, k), N(a, k)) || att_speech_verb(a, k))
      return e;
    if (!att_determiner(a, k) && !is(a, k, "of") && !is(a, k, "and") && k > e + 1 &&
        (att_function_word(a, k) || att_preposition(a, k)))
      return e;
  }
  return e;
}

/* A word that places an unnamed source near the story ("familiar", "close", "briefed") or opens
 * "with knowledge of": the cheap test before the lists, asked of many words. */
static bool closeness_word(const att *a, size_t k) {
  if (k >= doc_ntok(a->doc) || T(a, k)->kind != TOK_WORD || !(T(a, k)->flags & TF_LOWER)) return false;
  size_t n = N(a, k);
  return (n == 4 && is(a, k, "with")) || ((n == 5 || n == 6 || n == 7 || n == 8 || n == 13) &&
                                          cd_lex_has(CD_LEX_CLAIM_SOURCE_CLOSENESS, S(a, k), n));
}

/* Past what places an unnamed source near the story, after its noun: "a person familiar with the
 * talks", "a source close to the board", "an official briefed on the plan", "a person with
 * knowledge of the schedule". The phrase must end where the clause's verb of saying stands (or,
 * `inverted`, where the clause ends: "said a person close to the club."); returns the token
 * there, or e when there is no such phrase. */
static size_t past_closeness(const att *a, size_t e, uint32_t sent, bool stance, bool inverted) {
  size_t n = doc_ntok(a->doc), k = e;
  if (k + 2 >= n || T(a, k)->sent != sent || T(a, k)->kind != TOK_WORD || !(T(a, k)->flags & TF_LOWER)) return e;
  if (is(a, k, "with")) { /* "with (direct) knowledge of" */
    k++;
    if (is(a, k, "direct") || is(a, k, "firsthand") || is(a, k, "intimate")) k++;
    if (!is(a, k, "knowledge") || !is(a, k + 1, "of")) return e;
    k += 2;
  } else if (cd_lex_has(CD_LEX_CLAIM_SOURCE_CLOSENESS, S(a, k), N(a, k))) {
    if (!att_preposition(a, k)) k++; /* "familiar with"; "inside" is one itself */
    if (k >= n || !att_preposition(a, k) || T(a, k)->sent != sent) return e;
    k++;
  } else {
    return e;
  }
  size_t from = k;
  for (; k < n && k < from + 10 && T(a, k)->sent == sent; k++) {
    if (T(a, k)->kind == TOK_MARK && T(a, k)->role == MR_APOS) continue; /* "the authority's schedule" */
    if (T(a, k)->kind != TOK_WORD && T(a, k)->kind != TOK_NUMBER) break;
    if (!outside_quotes(a, k)) return e;
    if (!inverted && k > from && phrase_verb(a, k, stance)) return k;
    if (!inverted && k > from && att_between_word(a, k)) { /* "... the talks previously said" */
      size_t v = k;
      while (v < n && v < k + 3 && att_between_word(a, v)) v++;
      return phrase_verb(a, v, stance) ? k : e;
    }
    if (is(a, k, "who") || is(a, k, "that") || is(a, k, "which") || cd_is_pronoun(S(a, k), N(a, k))) break;
    /* a noun phrase reads on through "the", "of" and "and" only: "inside Trump Tower tried to" is
     * a clause of its own */
    if (!att_determiner(a, k) && !is(a, k, "of") && !is(a, k, "and") &&
        (att_function_word(a, k) || att_preposition(a, k)))
      return e;
  }
  if (k == from) return e;
  /* the phrase ends at a comma: the clause after a verb of saying ends there, and a subject's
   * verb may follow an aside (", who asked not to be named, said") */
  if (inverted) return clause_ends(a, k, sent) || punct(a, k, ',') ? k : e;
  return punct(a, k, ',') ? k : e;
}

/* Tokens [i, name) describe the person whose name starts at `name`: a determiner first and a
 * noun for a role, a job or a source, or a capitalised title, right before the name ("the
 * economist Rosa Lind", "the dock worker Omar Haddad", "the late Mayor Tom Menino"). Not a clause
 * that ends in the name ("Lind called Haddad", "The board saw Reyes"). */
static bool described_person(const att *a, size_t i, size_t name) {
  if (name == CD_NONE || name < i + 2 || !att_determiner(a, i)) return false;
  size_t b = name - 1;
  return T(a, b)->kind == TOK_WORD && ((T(a, b)->flags & TF_CAP) || att_person_noun(a, b)); /* "the poet" */
}

/* Can a subject start at token `first` (past its determiners: "his supporters")? Not right after
 * a verb, whose object it would be ("39 percent blame his supporters"): only at the sentence's
 * start, after punctuation, or after a function word ("which", "and", "even"), a preposition or
 * a word that fronts a clause. */
static bool subject_may_start(const att *a, size_t first) {
  size_t p = first;
  uint32_t sent = T(a, first)->sent;
  while (p > 0 && T(a, p - 1)->sent == sent && att_determiner(a, p - 1)) p--;
  if (p == 0 || T(a, p - 1)->sent != sent || T(a, p - 1)->kind != TOK_WORD || !(T(a, p - 1)->flags & TF_LOWER))
    return true;
  size_t q = p - 1; /* the function words hold "and", "but", "that" and "so" */
  return att_function_word(a, q) || att_preposition(a, q) || cd_lex_has(CD_LEX_FRONTING_WORDS, S(a, q), N(a, q));
}

/* A past tense: a word in -ed, or one of the irregular ones ("went", "said"). */
static bool past_tense(const att *a, size_t j) {
  return (N(a, j) > 4 && CD_WORD_IS(S(a, j) + N(a, j) - 2, 2, "ed")) || cd_lex_has(CD_LEX_IRREGULAR_PAST_VERBS, S(a, j), N(a, j));
}

/* A noun for someone who does something, by its ending: "vulcanologist", "curator", "forecaster",
 * "magistrate", "librarian", "surgeon", "attendant". */
static bool agent_noun(const char *w, size_t n) {
  static const char *const ENDS[] = {"ist", "or", "er", "ian", "ate", "ant", "ent", "eon", NULL};
  for (size_t k = 0; ENDS[k]; k++) {
    size_t e = strlen(ENDS[k]);
    if (n > e + 2 && memcmp(w + n - e, ENDS[k], e) == 0) return true;
  }
  return false;
}

/* A noun phrase that speaks, whatever its noun: "the designer", "one unaligned Florida Republican
 * strategist", "Sanders' campaign manager", "another" -- reported as written; or a person it names
 * ("her aide Rosa Lind"), reported as that person. Any noun can head it, so it is taken only where
 * nothing but a speaker can stand: right before a verb of saying ("the designer said") or right
 * after one where the clause ends ("said the designer, who ..."). At most nine words. */
static bool generic_speaker_at(att *a, size_t i, speaker *sp, cd_attribution_method method, bool stance) {
  cd_doc *doc = a->doc;
  size_t n = doc_ntok(doc);
  if (i >= n || (T(a, i)->kind != TOK_WORD && T(a, i)->kind != TOK_NUMBER) || !outside_quotes(a, i)) return false;
  uint32_t sent = T(a, i)->sent;
  bool inverted = i > 0 && att_speech_verb(a, i - 1);
  size_t j = i, head = CD_NONE, person = CD_NONE, person_start = CD_NONE;
  size_t named = CD_NONE; /* a name of several words that ends the phrase so far: "the Bank of America" */
  if (T(a, i)->kind == TOK_NUMBER) {
    /* "said 9/11 widow Terry Strada", "the 46-year-old": the loop reads the number */
  } else if (cd_lex_has(CD_LEX_GROUP_WORDS, S(a, i), N(a, i))) {
    head = i; /* "another said", "one protester said" */
    j++;
  } else if (att_determiner(a, i) && (T(a, i)->flags & TF_LOWER || i == CD_VEC_AT(&doc->sentences, cd_sentence, sent)->first_tok)) {
    j++;
  } else if (closeness_word(a, i + 1) && (is(a, i, "people") || cd_lex_has(CD_LEX_BARE_SOURCES, S(a, i), N(a, i))) &&
             past_closeness(a, i + 1, sent, stance, inverted) != i + 1) {
    head = i; /* "people familiar with the plan said" */
    j++;
  } else if (mention_at(a, i) == CD_NONE) {
    return false;
  }
  for (; j < n && j < i + 9 && T(a, j)->sent == sent; j++) {
    if (punct(a, j, '/') && j > i && T(a, j - 1)->kind == TOK_NUMBER && j + 1 < n && T(a, j + 1)->kind == TOK_NUMBER)
      continue; /* "9/11 widow" */
    if (punct(a, j, '.') && j > i && T(a, j - 1)->kind == TOK_WORD && cd_is_calendar_word(S(a, j - 1), N(a, j - 1)) &&
        j + 1 < n && T(a, j + 1)->kind == TOK_NUMBER)
      continue; /* "a Feb. 1 letter" */
    if (T(a, j)->kind == TOK_NUMBER && outside_quotes(a, j)) {
      /* "the 46-year-old" heads the phrase; "a 2008 Clinton veteran", "9/11 widow X" modify it */
      char last = (char)(S(a, j)[N(a, j) - 1] | 0x20);
      head = memchr(S(a, j), '-', N(a, j)) && last >= 'a' && last <= 'z' ? j : CD_NONE;
      continue;
    }
    if (punct(a, j, ',') && !inverted && head != CD_NONE && j + 1 < n && T(a, j + 1)->kind != TOK_PUNCT &&
        T(a, j + 1)->kind != TOK_MARK && (T(a, j + 1)->flags & TF_LOWER || T(a, j + 1)->kind == TOK_NUMBER) &&
        !att_function_word(a, j + 1) && !att_determiner(a, j + 1) && !att_preposition(a, j + 1) &&
        !att_speech_verb(a, j + 1) && !att_between_word(a, j + 1) && !cd_is_pronoun(S(a, j + 1), N(a, j + 1)))
      continue; /* adjectives in a list: "the bespectacled, 71-year-old diplomat said" */
    if (T(a, j)->kind != TOK_WORD || !outside_quotes(a, j)) break;
    size_t mi = mention_at(a, j);
    if (mi != CD_NONE) {
      const cd_name_mention *m = CD_VEC_AT(&doc->mentions, cd_name_mention, mi);
      if (att_possessive_end(a, mi) == CD_NONE && cd_mention_is_person(doc, mi)) {
        /* "her aide Rosa Lind", "the party's Ana Bell"; but "Acme campaign spokeswoman Ana Bell" and
         * a place read as a person ("Homeland Security Deputy Secretary X") go on to the next name */
        size_t after = att_skip_affiliation(a, m->end_tok), k = after;
        while (k < n && k < after + 3 && att_between_word(a, k)) k++;
        if (att_speech_verb(a, k) || (inverted && clause_ends(a, after, sent)) || punct(a, after, ',')) {
          person = mi;
          person_start = j;
          j = after;
          break;
        }
      }
      /* a name modifies the noun that follows ("a senior Cruz adviser"), unless it is the noun: "a
       * senior Democrat" */
      head = m->end_tok == j + 1 && cd_lex_has(CD_LEX_MEMBER_NOUNS, S(a, j), N(a, j)) ? j : CD_NONE;
      named = att_possessive_end(a, mi) == CD_NONE && m->end_tok > j + 1 ? mi : CD_NONE;
      j = att_possessive_end(a, mi) != CD_NONE ? att_possessive_end(a, mi) - 1 : m->end_tok - 1;
      continue;
    }
    named = CD_NONE;
    if (!(T(a, j)->flags & TF_LOWER)) {
      head = cd_lex_has(CD_LEX_MEMBER_NOUNS, S(a, j), N(a, j)) ? j : CD_NONE;
      continue;
    }
    if (j == i + 1 && att_determiner(a, i) && cd_lex_has(CD_LEX_GROUP_WORDS, S(a, j), N(a, j))) {
      head = j; /* "the two wrote" */
      continue;
    }
    /* "the senator and candidate", "the harbour master and 12 fishermen"; not "(blame) his
     * supporters and 22 percent (say)", an object and the next clause's subject */
    if (is(a, j, "and") && head != CD_NONE && subject_may_start(a, i)) {
      head = CD_NONE;
      continue;
    }
    if (phrase_verb(a, j, stance) || att_between_word(a, j) || att_function_word(a, j) || att_preposition(a, j) ||
        att_determiner(a, j) || cd_is_pronoun(S(a, j), N(a, j)))
      break;
    /* "..." said the system worked well": after a verb of saying, a past tense after a noun that
     * names no one who speaks is the verb of the clause said (the quote's speaker is elsewhere);
     * not "one unaligned strategist", "one Republican involved" */
    /* "a person familiar with the talks": the word of closeness is no head (past_closeness) */
    if (head != CD_NONE && ((T(a, head)->flags & TF_LOWER) || head == i) && !is(a, j, "with") && closeness_word(a, j) &&
        j + 1 < n && att_preposition(a, j + 1))
      break;
    if (inverted && head != CD_NONE && past_tense(a, j) && (T(a, head)->flags & TF_LOWER) && !att_role_noun(a, head) &&
        !att_source_noun(a, head) && !cd_lex_has(CD_LEX_PERSON_DESCRIPTORS, S(a, head), N(a, head)) &&
        !cd_lex_has(CD_LEX_GROUP_WORDS, S(a, head), N(a, head)))
      break;
    head = j;
  }
  /* "the Bank of America said": an organisation named after the article speaks as itself */
  if (person == CD_NONE && head == CD_NONE && named != CD_NONE && !inverted && att_determiner(a, i) &&
      CD_VEC_AT(&doc->mentions, cd_name_mention, named)->first_tok == i + 1) {
    size_t k = j;
    while (k < n && k < j + 3 && att_between_word(a, k)) k++;
    if (!phrase_verb(a, k, stance)) return false;
    att_set_name(a, sp, named, method);
    sp->first_tok = i;
    return true;
  }
  /* "a voice shouted" names nobody; "as the evening went on" is no saying */
  if (person == CD_NONE && (head == CD_NONE || cd_lex_has(CD_LEX_NOBODY_NOUNS, S(a, head), N(a, head)) ||
                            cd_lex_has(CD_LEX_TIME_NOUNS, S(a, head), N(a, head))))
    return false;
  size_t e = person != CD_NONE ? j : head + 1;
  bool close_source = false; /* "a person familiar with the talks" */
  if (person == CD_NONE && ((T(a, head)->flags & TF_LOWER) || head == i) && (att_determiner(a, i) || head == i) &&
      closeness_word(a, e)) {
    size_t past = past_closeness(a, e, sent, stance, inverted);
    close_source = past != e;
    e = past;
  }
  if (person == CD_NONE && !close_source) {
    /* the person the phrase names in an appositive: "said her brother, Omar Haddad", "the
     * presumptive nominee, Donald Trump, tweeted" */
    size_t app = appositive_person(a, e, inverted, sent);
    if (app == CD_NONE && head != CD_NONE && att_person_noun(a, head)) app = appositive_past_pp(a, e, inverted, sent);
    if (app != CD_NONE) {
      att_set_name(a, sp, app, method);
      sp->first_tok = i;
      return true;
    }
  }
  if (inverted) {
    /* ""...," read a comment posted beneath the statement": a participle's phrase describing the
     * source may follow it */
    bool described = person == CD_NONE && e + 1 < n && T(a, e)->kind == TOK_WORD && (T(a, e)->flags & TF_LOWER) &&
                     N(a, e) > 4 && CD_WORD_IS(S(a, e) + N(a, e) - 2, 2, "ed") && T(a, e + 1)->sent == sent &&
                     att_preposition(a, e + 1);
    if (!described && !clause_ends(a, e, sent)) return false;
  } else if (person == CD_NONE || !punct(a, e, ',') || !described_person(a, i, person_start)) {
    /* (a described person followed by a comma is complete: "the economist Rosa Lind, a former
     * adviser, wrote" has its verb after the appositive, which the callers skip as after any name) */
    /* (or a word for one of a group, alone: "One, from a reader in Upper Dunsley, reads") */
    bool person_head = person == CD_NONE && (close_source || att_source_noun(a, head) || att_role_noun(a, head) ||
                                             cd_lex_has(CD_LEX_PERSON_DESCRIPTORS, S(a, head), N(a, head)) ||
                                             (head == i && cd_lex_has(CD_LEX_GROUP_WORDS, S(a, head), N(a, head))));
    if (person_head && !close_source) e = past_short_pp(a, e, sent, stance); /* "a narrator in the ad asked" */
    size_t k = e;
    /* "One attendee, who like others spoke on condition of anonymity, said": past the clause, for
     * someone new (an indefinite article; "the delegate, who ..." is more often someone named) */
    /* (a noun of any trade will do there, and a phrase of where or whose may come between:
     * "A fire investigator at the scene, who was not authorized to speak publicly, said", "A
     * negotiator from one of the larger countries, who spoke on condition of anonymity, said") */
    bool new_person = person_head || (person == CD_NONE && (T(a, head)->flags & TF_LOWER) && head + 1 == e &&
                                      agent_noun(S(a, head), N(a, head)));
    if (new_person && introduces(a, i) && !punct(a, k, ',')) {
      size_t w = past_phrase_to_who(a, k, sent);
      if (w != k) e = k = w;
    }
    if (new_person && punct(a, k, ',') && k + 1 < n && is(a, k + 1, "who") && introduces(a, i)) {
      person_head = true;
      size_t c = k + 2;
      while (c < n && c < k + 32 && T(a, c)->sent == sent && !punct(a, c, ',') && T(a, c)->kind != TOK_MARK) c++;
      if (c < n && punct(a, c, ',')) k = c + 1;
    } else if (person == CD_NONE && head != CD_NONE && (T(a, head)->flags & TF_LOWER) && introduces(a, i) &&
               att_person_noun(a, head) && k < n && T(a, k)->kind == TOK_WORD &&
               (T(a, k)->flags & TF_LOWER) && !att_speech_verb(a, k) && N(a, k) > 3 &&
               (CD_WORD_IS(S(a, k) + N(a, k) - 2, 2, "ed") || cd_lex_has(CD_LEX_IRREGULAR_PAST_PARTICIPLES, S(a, k), N(a, k)))) {
      /* "A briefing note circulated to delegations before the meeting, and seen by Continental
       * Wire, warned": a participle's phrase after the noun (asides in commas too), then the verb of
       * saying, finite (not after "to", "by" or a relative word) */
      for (size_t c = k + 2; c < n && c < k + 32 && T(a, c)->sent == sent && T(a, c)->kind != TOK_MARK &&
                             !punct(a, c, ';') && !punct(a, c, ':');
           c++) {
        if (!att_speech_verb(a, c) || !(T(a, c)->flags & TF_LOWER)) continue;
        size_t b = c - 1;
        if (is(a, b, "to") || is(a, b, "by") || is(a, b, "who") || is(a, b, "that") || is(a, b, "which") ||
            is(a, b, "and") || is(a, b, "or"))
          break;
        k = c;
        break;
      }
    } else if (person == CD_NONE && head != CD_NONE && (T(a, head)->flags & TF_LOWER) && is(a, k, "who") && introduces(a, i)) {
      /* "A hillwalker who spent two nights on a ledge has described ...": a clause with no commas,
       * ended by an auxiliary and the verb (at least two words of its own first); "who" says the
       * noun is someone's, known to the lists or not */
      size_t who = k;
      for (size_t c = k + 3; c < n && c < k + 32 && T(a, c)->sent == sent && T(a, c)->kind != TOK_MARK && !punct(a, c, ','); c++) {
        if (!att_between_word(a, c) || att_between_word(a, c - 1)) continue;
        size_t v = c;
        while (v < n && v < c + 3 && att_between_word(a, v)) v++;
        if (phrase_verb(a, v, stance)) {
          k = c;
          break;
        }
      }
      /* "An aid worker who asked not to be named because she was not authorized to speak to the
       * press said": else the first verb of saying after the clause's own words whose word before
       * is no clause's ("who", "to", "she", an auxiliary) */
      for (size_t c = who + 3; k == who && c < n && c < who + 32 && T(a, c)->sent == sent && T(a, c)->kind != TOK_MARK &&
                               !punct(a, c, ',') && !punct(a, c, ';');
           c++) {
        if (!att_speech_verb(a, c) || !(T(a, c)->flags & TF_LOWER)) continue;
        size_t b = c - 1;
        if (is(a, b, "to") || is(a, b, "by") || is(a, b, "who") || is(a, b, "that") || is(a, b, "which") ||
            is(a, b, "and") || is(a, b, "or") || is(a, b, "he") || is(a, b, "she") || is(a, b, "they") ||
            is(a, b, "i") || is(a, b, "we") || att_between_word(a, b) || !(T(a, b)->flags & TF_LOWER))
          continue;
        k = c;
      }
    }
    size_t from = k;
    while (k < n && k < from + 3 && att_between_word(a, k)) k++;
    if (!phrase_verb(a, k, stance) && !participle_of_saying(a, k)) {
      /* "the driver, a veteran of the round, told me": past an appositive to the verb */
      /* (not "The influential delegate, who backs Cruz, warned": a role with "the" is the person
       * last named, which the callers find when this phrase is no speaker; asked last, a
       * resolution being dearer than the rest) */
      if (inverted || !person_head || !punct(a, e, ',') ||
          (is(a, i, "the") && !anonymity_after(a, e) && resolve_person(a, i, false) != CD_NONE))
        return false;
      speaker phrase = {.first_tok = i, .end_tok = e};
      size_t v = att_after_speaker(a, &phrase);
      if (v == e || v == e + 1) return false;
      while (v < n && att_between_word(a, v)) v++;
      if (!att_speech_verb(a, v)) return false;
    }
  }
  if (person != CD_NONE) {
    att_set_name(a, sp, person, method);
    sp->first_tok = i;
    return true;
  }
  /* "the vulcanologist said" after "Dr. Imelda Sarrazin, chief vulcanologist at the observatory,":
   * a noun of any trade after "the" is the person named before with it, when one was */
  if (is(a, i, "the") && head != CD_NONE && head + 1 == e && head == i + 1 && (T(a, head)->flags & TF_LOWER) &&
      !att_source_noun(a, head) && agent_noun(S(a, head), N(a, head))) {
    size_t holder = role_named_person(a, i, head, ROLE_PARAS);
    /* (not when someone new has been brought in with that noun since: "A negotiator from one of
     * the larger countries ... said ... "...," the negotiator said.") */
    if (holder != CD_NONE) {
      size_t from = CD_VEC_AT(&doc->mentions, cd_name_mention, holder)->end_tok;
      /* (an appositive's "Deshpande, a forecaster at ..." is the holder's own) */
      for (size_t k = i; k > from + 2 && holder != CD_NONE && i - k < 400; k--) {
        if (T(a, k - 1)->kind != TOK_WORD || !same_word_ci(a, k - 1, head)) continue;
        size_t art = introduces(a, k - 2) ? k - 2 : k >= 3 && introduces(a, k - 3) && T(a, k - 2)->kind == TOK_WORD ? k - 3 : CD_NONE;
        if (art != CD_NONE && art > from && !punct(a, art - 1, ',')) holder = CD_NONE;
      }
    }
    if (holder != CD_NONE) {
      refers_to(a, sp, holder, i, e, ", named in that role before");
      return true;
    }
  }
  return source_phrase(a, sp, i, e);
}

/* "The Unification Ministry issued a statement on Tuesday. "...," it said.": for the "it" at
 * token i, the subject of the sentence before in its paragraph when that is an organisation or a
 * document (a source phrase), and no name stands between that sentence and "it". */
static bool it_subject_before(att *a, size_t i, speaker *sp) {
  const cd_doc *doc = a->doc;
  uint32_t s = T(a, i)->sent;
  if (s == 0 || a->in_they) return false;
  const cd_sentence *prev = CD_VEC_AT(&doc->sentences, cd_sentence, s - 1),
                    *own = CD_VEC_AT(&doc->sentences, cd_sentence, s);
  if (prev->para != own->para) return false;
  for (size_t k = own->first_tok; k < i; k++)
    if (mention_at(a, k) != CD_NONE && outside_quotes(a, k)) return false;
  speaker subj = {0};
  if (!att_sentence_subject(a, s - 1, prev->end_tok, &subj) || subj.method == CD_ATTR_PRONOUN) return false;
  bool org = subj.mention != CD_NONE && subj.entity != CD_NONE &&
             CD_VEC_AT(&doc->entities, cd_entity, subj.entity)->kind == CD_ENTITY_ORGANIZATION;
  if (!org && !(subj.method == CD_ATTR_SOURCE && subj.mention == CD_NONE)) return false;
  if (!org && subj.end_tok > subj.first_tok && att_role_noun(a, subj.end_tok - 1)) return false; /* a person's role */
  for (size_t k = att_phrase_end(&subj); k < prev->end_tok; k++) /* another body named after it */
    if (mention_at(a, k) != CD_NONE && outside_quotes(a, k)) return false;
  *sp = subj;
  const char *name = sp->name;
  sp->first_tok = i;
  sp->end_tok = i + 1;
  sp->phrase_end = 0;
  sp->method = CD_ATTR_PRONOUN;
  sp->how = cd_arena_printf(doc->arena, "\"it\" refers to %s, the subject of the sentence before", name);
  return true;
}

/* "Lumora Systems on Tuesday unveiled an assistant that it says can "...": an "it" in a relative
 * clause ("that it says", "which it calls") of a sentence that an organisation's name opens, with
 * no other name between them, is that organisation. */
static bool it_subject_of_own(att *a, size_t i, speaker *sp) {
  const cd_doc *doc = a->doc;
  const cd_sentence *own = CD_VEC_AT(&doc->sentences, cd_sentence, T(a, i)->sent);
  if (i < own->first_tok + 3 || !(is(a, i - 1, "that") || is(a, i - 1, "which")) || a->in_they) return false;
  size_t start = own->first_tok;
  /* past a dateline: "SAN RAFAEL, Calif. -- Lumora Systems on Tuesday unveiled" */
  const cd_para *p = CD_VEC_AT(&doc->paras, cd_para, para_of(a, i));
  size_t dash = p->first_tok == own->first_tok ? dateline_dash(a, p) : CD_NONE;
  if (dash != CD_NONE && dash + 1 < i) start = dash + 1;
  size_t mi = mention_at(a, start);
  if (mi == CD_NONE) return false;
  const cd_name_mention *m = CD_VEC_AT(&doc->mentions, cd_name_mention, mi);
  if (m->entity == CD_NONE || m->possessive || m->in_quote ||
      CD_VEC_AT(&doc->entities, cd_entity, m->entity)->kind != CD_ENTITY_ORGANIZATION)
    return false;
  for (size_t k = m->end_tok; k < i; k++)
    if ((mention_at(a, k) != CD_NONE && !cd_is_calendar_word(S(a, k), N(a, k))) ||
        T(a, k)->kind == TOK_MARK)
      return false;
  att_set_name(a, sp, mi, CD_ATTR_PRONOUN);
  sp->first_tok = i;
  sp->end_tok = i + 1;
  sp->phrase_end = 0;
  sp->how = cd_arena_printf(doc->arena, "\"it\" refers to %s, the subject of its sentence", sp->name);
  return true;
}

/* A speaker phrase starting at token i: a name, a pronoun, a source, or a generic noun phrase
 * beside a verb of saying. */
/* "de los Santos said", "van der Berg wrote": the lower-case particles before a surname whose
 * mention starts after them (two particles; one is read with the name); the surname's token, or
 * CD_NONE. */
static size_t past_lower_particles(const att *a, size_t i) {
  size_t n = doc_ntok(a->doc), k = i;
  while (k < n && k < i + 2 && T(a, k)->kind == TOK_WORD && (T(a, k)->flags & TF_LOWER) &&
         cd_lex_has(CD_LEX_NAME_PARTICLES, S(a, k), N(a, k)))
    k++;
  return k == i + 2 && k < n && T(a, k)->sent == T(a, i)->sent && mention_at(a, k) != CD_NONE ? k : CD_NONE;
}

static bool one_speaker_at(att *a, size_t i, speaker *sp, cd_attribution_method method) {
  size_t surname = i < doc_ntok(a->doc) ? past_lower_particles(a, i) : CD_NONE;
  if (surname != CD_NONE && known_speaker_at(a, surname, sp, method)) {
    sp->first_tok = i;
    return true;
  }
  if (known_speaker_at(a, i, sp, method)) {
    /* "the Republican county commissioner said": not "the Republican" when a longer phrase speaks;
     * "Acme campaign spokeswoman Ana Bell said": not "Acme" */
    speaker longer = {0};
    if (generic_speaker_at(a, i, &longer, method, false) && longer.end_tok > sp->end_tok) *sp = longer;
    return true;
  }
  memset(sp, 0, sizeof *sp);
  return generic_speaker_at(a, i, sp, method, false);
}

/* Two speakers joined by "and" that speak together: "Rosa Lind and Omar Haddad wrote", "said Lind
 * and Haddad." Both names are on record: reported as written, over both. */
static void join_second_speaker(att *a, speaker *sp, cd_attribution_method method) {
  size_t n = doc_ntok(a->doc), e = att_phrase_end(sp);
  if (sp->method == CD_ATTR_PRONOUN || !is(a, e, "and") || e + 1 >= n) return;
  speaker second = {0};
  if (!one_speaker_at(a, e + 1, &second, method) || second.method == CD_ATTR_PRONOUN ||
      (sp->mention == CD_NONE) != (second.mention == CD_NONE))
    return;
  size_t after = att_phrase_end(&second), k = after;
  while (k < n && k < after + 3 && att_between_word(a, k)) k++;
  bool inverted = sp->first_tok > 0 && att_speech_verb(a, sp->first_tok - 1);
  if (!(inverted ? clause_ends(a, after, T(a, e)->sent) || punct(a, after, ',') : att_speech_verb(a, k))) return;
  /* "39 percent blame his supporters and 22 percent say": the first is the verb's object */
  if (!inverted && !subject_may_start(a, sp->first_tok)) return;
  sp->end_tok = second.end_tok;
  sp->phrase_end = second.phrase_end ? second.phrase_end : second.end_tok;
  sp->entity = CD_NONE;
  sp->mention = CD_NONE;
  sp->name = cd_arena_strndup(a->doc->arena, a->doc->text + T(a, sp->first_tok)->start,
                              cd_tok_end(T(a, second.end_tok - 1)) - T(a, sp->first_tok)->start);
}

bool att_speaker_at(att *a, size_t i, speaker *sp, cd_attribution_method method) {
  if (!one_speaker_at(a, i, sp, method)) return false;
  join_second_speaker(a, sp, method);
  return true;
}

bool att_stance_subject_at(att *a, size_t i, speaker *sp) {
  memset(sp, 0, sizeof *sp);
  return generic_speaker_at(a, i, sp, CD_ATTR_EXPLICIT, true);
}

size_t att_phrase_end(const speaker *sp) { return sp->phrase_end ? sp->phrase_end : sp->end_tok; }

/* The token after a speaker phrase, skipping an appositive (", a spokesman for X,") and one
 * relative clause (", who ..., "). An appositive may hold commas of its own (", assistant
 * secretary for population, refugees and migration, said"; ", the attorney general of Oklahoma,
 * one of the states suing, said"): then the comma that a verb of saying follows ends it. */
size_t att_past_short_quote(const att *a, size_t k) {
  if (T(a, k)->kind != TOK_MARK || T(a, k)->role != MR_OPEN) return CD_NONE;
  for (size_t e = k + 1, words = 0; e < doc_ntok(a->doc) && words <= 4 && T(a, e)->sent == T(a, k)->sent; e++) {
    if (T(a, e)->kind == TOK_MARK && T(a, e)->role == MR_CLOSE) return words > 0 ? e + 1 : CD_NONE;
    if (T(a, e)->kind == TOK_MARK || (T(a, e)->kind == TOK_PUNCT && !punct(a, e, '.'))) return CD_NONE;
    words++;
  }
  return CD_NONE;
}

size_t att_after_speaker(const att *a, const speaker *sp) {
  size_t j = att_phrase_end(sp);
  /* "Omar Haddad Jr., the director, said": the full stop of the name's suffix */
  if (punct(a, j, '.') && j > 0 && T(a, j - 1)->kind == TOK_WORD && cd_is_name_suffix(S(a, j - 1), N(a, j - 1)) &&
      punct(a, j + 1, ','))
    j++;
  if (!punct(a, j, ',')) return j;
  size_t first = CD_NONE, lim = j + 40;
  for (size_t k = j + 1; k < doc_ntok(a->doc) && k < lim && T(a, k)->sent == T(a, j)->sent; k++) {
    size_t past = att_past_short_quote(a, k); /* ", wearing "Lind for Mayor" pins, said" */
    if (past != CD_NONE && past < lim && past < doc_ntok(a->doc)) k = past;
    if (T(a, k)->kind == TOK_MARK && T(a, k)->role != MR_APOS) break;
    if (!punct(a, k, ',')) continue;
    if (first == CD_NONE) first = k + 1;
    size_t v = k + 1;
    while (v < lim && att_between_word(a, v)) v++;
    if (att_speech_verb(a, v)) return k + 1;
  }
  return first != CD_NONE ? first : j;
}

/* The sentence's subject before token `limit`: its first speaker phrase that does not follow a
 * preposition and is not possessive; a non-person name right before an appositive person
 * ("a Republican, Mark Amodei,") yields to the person. */

/* Where a sentence's own words start: past a dateline ("WASHINGTON (AP) — "). */
size_t att_past_dateline(const att *a, const cd_sentence *s) {
  const cd_para *p = CD_VEC_AT(&a->doc->paras, cd_para, s->para);
  if (p->first_tok != s->first_tok) return s->first_tok;
  size_t k = dateline_dash(a, p);
  return k != CD_NONE && k < s->end_tok ? k + 1 : s->first_tok;
}

/* Does the sentence open with a fronted clause or phrase ("After the vote,", "Speaking in Salem,",
 * "In a statement,")? Its first word is a subordinator, a preposition, or a participle in -ing
 * that is not a name. */
static bool fronted(const att *a, size_t f) {
  if (f >= doc_ntok(a->doc) || T(a, f)->kind != TOK_WORD || !(T(a, f)->flags & TF_CAP) || !outside_quotes(a, f))
    return false;
  if (is(a, f, "according")) return false; /* "According to X, ...": X is on record */
  if (cd_lex_has(CD_LEX_FRONTING_WORDS, S(a, f), N(a, f)) || att_preposition(a, f)) return true;
  if (mention_at(a, f) != CD_NONE || N(a, f) <= 5) return false;
  /* a participle in -ed that a preposition follows: "Preceded at the lectern by X, Lind ...",
   * "Flanked by aides, she ..." */
  if (CD_WORD_IS(S(a, f) + N(a, f) - 2, 2, "ed"))
    return f + 1 < doc_ntok(a->doc) && T(a, f + 1)->kind == TOK_WORD && att_preposition(a, f + 1);
  return CD_WORD_IS(S(a, f) + N(a, f) - 3, 3, "ing");
}

/* A subject that is not a named person yields to the person an appositive names: "The new
 * governor of the region, Alexander Moor," / "a Republican, Mark Amodei,". */
static void appositive_person_instead(att *a, speaker *sp, size_t limit) {
  if (sp->mention != CD_NONE && cd_mention_is_person(a->doc, sp->mention) && sp->method != CD_ATTR_PRONOUN) return;
  size_t c = att_phrase_end(sp);
  while (c < limit && c < att_phrase_end(sp) + 12 && !punct(a, c, ',') && T(a, c)->kind == TOK_WORD) c++;
  speaker app = {0};
  if (punct(a, c, ',') && att_speaker_at(a, c + 1, &app, CD_ATTR_EXPLICIT) && app.mention != CD_NONE &&
      app.method != CD_ATTR_PRONOUN && app.end_tok <= limit &&
      (punct(a, att_phrase_end(&app), ',') || punct(a, app.end_tok, ',')) &&
      (cd_mention_is_person(a->doc, app.mention) ||
       /* "the mall's owner, Castellan Retail Partners,": a body named after a source as written
        * or a phrase resolved to another body */
       ((sp->method == CD_ATTR_SOURCE || (sp->method == CD_ATTR_PRONOUN && sp->end_tok > sp->first_tok + 1)) &&
        (sp->mention == CD_NONE || !cd_mention_is_person(a->doc, sp->mention)) && app.entity != CD_NONE &&
        CD_VEC_AT(&a->doc->entities, cd_entity, app.entity)->kind == CD_ENTITY_ORGANIZATION)))
    *sp = app;
}

/* The token after the name at i: its mention's end, or the end of its run of capitalised words. */
static size_t capitalised_run_end(const att *a, size_t i) {
  if (mention_at(a, i) != CD_NONE) return CD_VEC_AT(&a->doc->mentions, cd_name_mention, mention_at(a, i))->end_tok;
  size_t e = i + 1;
  while (e < doc_ntok(a->doc) && T(a, e)->kind == TOK_WORD && (T(a, e)->flags & TF_CAP) && T(a, e)->sent == T(a, i)->sent) e++;
  return e;
}

/* Does a person's name end right before token i? */
static bool person_before(const att *a, size_t i) {
  for (size_t k = i; k > 0 && k + 6 > i; k--) {
    size_t mi = mention_at(a, k - 1);
    if (mi == CD_NONE) continue;
    const cd_name_mention *m = CD_VEC_AT(&a->doc->mentions, cd_name_mention, mi);
    /* not a name that is itself an appositive ("to the referee, Carl Whitmore, McBride shook"):
     * its closing comma ends the fronted part */
    if (m->first_tok >= 2 && punct(a, m->first_tok - 1, ',') && T(a, m->first_tok - 2)->kind == TOK_WORD &&
        (T(a, m->first_tok - 2)->flags & TF_LOWER))
      return false;
    return m->end_tok == i && cd_mention_is_person(a->doc, mi);
  }
  return false;
}

/* The subject of a sentence that opens with a fronted part: the first speaker phrase right after a
 * comma (the one that closes the fronted part) that is not the rest of a place ("in Salem, New
 * Hampshire, Trump said": not New Hampshire). */
/* Does the stretch before the comma at `comma` (back to the comma before it, or to token f) hold
 * a preposition, so that the comma ends the preposition's object, a person's role ("by the
 * studio's barrister,")? */
static bool object_before(const att *a, size_t f, size_t comma) {
  /* the object a noun for a person's role: "barrister", "lawyer", "spokeswoman" */
  size_t noun = comma - 1;
  if (comma <= f + 1 || T(a, noun)->kind != TOK_WORD || !(T(a, noun)->flags & TF_LOWER) ||
      !att_person_noun(a, noun))
    return false;
  for (size_t k = comma; k > f && comma - k < 12; k--) {
    if (punct(a, k - 1, ',')) return false;
    if (att_preposition(a, k - 1)) return true;
  }
  return false;
}

static bool subject_after_fronted(att *a, const cd_sentence *s, size_t f, size_t limit, speaker *sp) {
  size_t place_end = CD_NONE; /* the token after the last name that followed a preposition */
  size_t object_app_end = CD_NONE; /* the comma after a name apposed to a preposition's object */
  for (size_t i = f + 1; i < limit && i < s->end_tok; i++) {
    if (!outside_quotes(a, i) || T(a, i)->kind != TOK_WORD) continue;
    if (T(a, i)->flags & TF_CAP) {
      /* a capitalised name after a preposition, and the one a comma joins to it and closes
       * ("in Birmingham, Alabama, on Friday") */
      size_t e = capitalised_run_end(a, i);
      if (att_after_preposition(a, i, f) || (punct(a, i - 1, ',') && place_end == i - 1 && punct(a, e, ','))) {
        place_end = e;
        i = e - 1;
        continue;
      }
    }
    /* the fronted phrase's comma, inside the closing mark of a title that ends it too ("On "Meet
     * the Press," Sen. Ana Lind ...") */
    size_t comma = punct(a, i - 1, ',') ? i - 1
                   : i >= f + 3 && T(a, i - 1)->kind == TOK_MARK && T(a, i - 1)->role == MR_CLOSE && punct(a, i - 2, ',') ? i - 2
                                                                                                                     : CD_NONE;
    /* not "When Rob Marsh, the mayor's aide," (but past a name apposed to a preposition's object) */
    if (comma == CD_NONE || (comma != object_app_end && person_before(a, comma))) continue;
    speaker tmp = {0};
    if (!att_speaker_at(a, i, &tmp, CD_ATTR_EXPLICIT) || tmp.end_tok > limit) continue;
    /* "Cross-examined by the studio's barrister, Alistair Moore KC, the singer was": a person
     * between commas right after a preposition's object is that object, not the subject */
    if (tmp.mention != CD_NONE && tmp.method != CD_ATTR_PRONOUN && tmp.first_tok == i &&
        punct(a, att_phrase_end(&tmp), ',') && att_phrase_end(&tmp) + 1 < limit && object_before(a, f, comma)) {
      object_app_end = att_phrase_end(&tmp);
      i = object_app_end;
      continue;
    }
    /* a subject has its verb next (past an appositive), not a preposition: not "Joni Ernst in Iowa" */
    size_t v = att_after_speaker(a, &tmp);
    if (v < limit && (T(a, v)->kind != TOK_WORD || !(T(a, v)->flags & TF_LOWER) || is(a, v, "and") || is(a, v, "or") ||
                      (att_preposition(a, v) && !is(a, v, "of")))) {
      appositive_person_instead(a, &tmp, limit);
      if (tmp.mention == CD_NONE || tmp.first_tok == i) continue;
    }
    appositive_person_instead(a, &tmp, limit);
    *sp = tmp;
    return true;
  }
  return false;
}

/* The subject is among the first words of its sentence outside quotation marks: a sentence that
 * runs on for thousands of words between quotes (markup, a list run together) is asked about for
 * each of its quotes, and each asking must stay short. */
enum { SUBJECT_WORDS = 120 };

/* Keeps how far a search that found no subject read (subj_*, att): the next search of the same
 * sentence, in the same state, knows there is none before that token and goes on from there. */
static void subject_none_until(att *a, uint32_t sent, size_t stop, size_t words) {
  a->subj_none = true;
  a->subj_sent = sent;
  a->subj_stop = stop;
  a->subj_words = words;
  a->subj_last_speaker = a->last_speaker;
  a->subj_last_speaker_sent = a->last_speaker_sent;
  a->subj_chain_speaker = a->chain_speaker;
  a->subj_chain_source = a->chain_source;
  a->subj_in_they = a->in_they;
}

bool att_sentence_subject(att *a, uint32_t sent, size_t limit, speaker *sp) {
  const cd_sentence *s = CD_VEC_AT(&a->doc->sentences, cd_sentence, sent);
  size_t f = att_past_dateline(a, s);
  if (fronted(a, f) && subject_after_fronted(a, s, f, limit, sp)) return true;
  size_t i = s->first_tok, words = 0;
  /* a search of this sentence in the same state found no speaker phrase starting before subj_stop */
  if (a->subj_none && a->subj_sent == sent && a->subj_last_speaker == a->last_speaker &&
      a->subj_last_speaker_sent == a->last_speaker_sent && a->subj_chain_speaker == a->chain_speaker &&
      a->subj_chain_source == a->chain_source && a->subj_in_they == a->in_they) {
    if (limit <= a->subj_stop || a->subj_words > SUBJECT_WORDS) return false;
    i = a->subj_stop;
    words = a->subj_words;
  }
  bool cut = false;    /* a speaker phrase was passed over for running past `limit` */
  bool jumped = false; /* the last token read skipped a name, as far as `limit` let it */
  for (; i < limit && i < s->end_tok; i++) {
    jumped = false;
    if (!outside_quotes(a, i) || T(a, i)->kind != TOK_WORD) continue;
    if (++words > SUBJECT_WORDS) break;
    bool after_prep = (i > s->first_tok && T(a, i - 1)->kind == TOK_WORD &&
                       att_preposition(a, i - 1)) ||
                      (i > s->first_tok + 1 && T(a, i - 1)->kind == TOK_WORD &&
                       att_determiner(a, i - 1) && T(a, i - 2)->kind == TOK_WORD &&
                       att_preposition(a, i - 2));
    if (after_prep) {
      /* skip the whole prepositional name, and what a possessive one owns ("to MSNBC's Morning Joe") */
      if (mention_at(a, i) != CD_NONE) {
        const cd_name_mention *pm = CD_VEC_AT(&a->doc->mentions, cd_name_mention, mention_at(a, i));
        i = pm->end_tok - 1;
        if (pm->possessive && i + 1 < limit && mention_at(a, i + 1) != CD_NONE)
          i = CD_VEC_AT(&a->doc->mentions, cd_name_mention, mention_at(a, i + 1))->end_tok - 1;
        jumped = true;
      }
      continue;
    }
    speaker tmp = {0};
    if (is(a, i, "it") && (i == s->first_tok || punct(a, i - 1, ',')) && !att_speaker_at(a, i, &tmp, CD_ATTR_EXPLICIT)) {
      /* "It also credited Lind with ..., noting": "it" is the subject, the name after its verb an
       * object; an organisation named before, else "it" as written */
      return att_resolve_into(a, i, i + 1, sp, true, "pronoun");
    }
    /* "The central bank defended its decision in a statement, saying": a possessive's noun right
     * after a verb is its object, not the subject of what follows */
    if (i > s->first_tok && (is(a, i, "its") || is(a, i, "his") || is(a, i, "her") || is(a, i, "their")) &&
        T(a, i - 1)->kind == TOK_WORD && (T(a, i - 1)->flags & TF_LOWER) && N(a, i - 1) > 3 &&
        CD_WORD_IS(S(a, i - 1) + N(a, i - 1) - 2, 2, "ed") && !att_between_word(a, i - 1))
      continue;
    if (!att_speaker_at(a, i, &tmp, CD_ATTR_EXPLICIT)) continue;
    if (tmp.end_tok > limit) {
      cut = true;
      continue;
    }
    appositive_person_instead(a, &tmp, limit);
    *sp = tmp;
    return true;
  }
  /* nothing starts before i; not kept after a skip that `limit` cut short, nor past a phrase cut */
  if (!cut && !jumped) subject_none_until(a, sent, i, words);
  return false;
}


/* "I asked Yusuf what he would do if the road was built.", "We asked her whether she missed it.":
 * a sentence whose writer asks a person a question, opening at `first`; the person asked (named,
 * or "him"/"her" resolved to someone of that gender), whose answer a paragraph of its own quotes
 * next. */
/* "...," she told me. "<six sentences>" ¶ I asked her whether ...: a "her" or "him" too far from
 * the name for a pronoun's walk back is the speaker of the quote before the answer `answer`, a
 * person of the pronoun's gender by the text or the given name, when that quote is in the
 * question's paragraph or the one before and nobody else of that gender is named since it. */
static bool asked_last_speaker(att *a, size_t answer, size_t who, speaker *sp) {
  const cd_doc *doc = a->doc;
  if (answer == 0 || answer > doc->quotes.len) return false;
  const cd_quote *pq = CD_VEC_AT(&doc->quotes, cd_quote, answer - 1);
  const cd_quote_work *pw = CD_VEC_AT(&doc->quote_work, cd_quote_work, answer - 1);
  if (pq->entity == CD_NONE || pq->kind != CD_QUOTE_SPEECH || pw->close_tok >= who ||
      CD_VEC_AT(&doc->entities, cd_entity, pq->entity)->kind != CD_ENTITY_PERSON ||
      pw->para + 1 < doc_tok_para(doc, T(a, who)))
    return false;
  uint8_t want = word_gender(S(a, who), N(a, who)), g = a->gender[pq->entity] & 3u;
  if (g == GENDER_UNKNOWN) g = entity_name_gender(a, pq->entity);
  /* (or by the "she" or "he" the quote was credited through) */
  if (g == GENDER_UNKNOWN && pq->method == CD_ATTR_PRONOUN && pq->speaker_span.start < pq->speaker_span.end &&
      pq->speaker_span.end <= doc->len)
    g = word_gender(doc->text + pq->speaker_span.start, pq->speaker_span.end - pq->speaker_span.start);
  if (want == GENDER_UNKNOWN || g != want) return false;
  if (who - pw->close_tok > RESOLVE_TOKENS) return false;
  size_t mention = CD_NONE;
  for (size_t k = pw->close_tok + 1; k < who; k++) {
    size_t mi = mention_at(a, k);
    if (mi == CD_NONE) continue;
    const cd_name_mention *m = CD_VEC_AT(&doc->mentions, cd_name_mention, mi);
    if (m->entity == pq->entity) mention = mi;
    else if (other_person(a, m, pq->entity, want)) return false;
  }
  /* else the speaker's latest mention before the quote, within RESOLVE_MENTIONS */
  if (mention == CD_NONE) {
    size_t lo = att_mentions_before(a, who);
    for (size_t k = lo; k > 0 && lo - k < RESOLVE_MENTIONS && mention == CD_NONE; k--)
      if (CD_VEC_AT(&doc->mentions, cd_name_mention, k - 1)->entity == pq->entity) mention = k - 1;
  }
  if (mention == CD_NONE) return false;
  refers_to(a, sp, mention, who, who + 1, ", the speaker of the quote before the question");
  return true;
}

bool att_asked_person(att *a, size_t answer, size_t first, size_t end, speaker *sp) {
  size_t k = first;
  if (!(k + 3 < end && T(a, k)->kind == TOK_WORD && ((N(a, k) == 1 && S(a, k)[0] == 'I') || is(a, k, "we"))))
    return false;
  k++;
  if (is(a, k, "then") || is(a, k, "also") || is(a, k, "later")) k++;
  if (!is(a, k, "asked")) return false;
  k++;
  size_t who = k, after;
  size_t mi = mention_at(a, k);
  if (mi != CD_NONE) {
    /* (a person, or one called by the given name alone, which no entity kind settles: "Yusuf") */
    const cd_name_mention *m = CD_VEC_AT(&a->doc->mentions, cd_name_mention, mi);
    cd_entity_kind kind = m->entity != CD_NONE ? CD_VEC_AT(&a->doc->entities, cd_entity, m->entity)->kind : CD_ENTITY_OTHER;
    if (kind == CD_ENTITY_ORGANIZATION || kind == CD_ENTITY_PLACE || m->possessive || att_possessive_end(a, mi) != CD_NONE)
      return false;
    after = m->end_tok;
  } else if (is(a, k, "him") || is(a, k, "her")) {
    after = k + 1;
  } else {
    return false;
  }
  if (!(is(a, after, "what") || is(a, after, "whether") || is(a, after, "if") || is(a, after, "how") ||
        is(a, after, "why") || is(a, after, "when") || is(a, after, "where") || is(a, after, "about")))
    return false;
  memset(sp, 0, sizeof *sp);
  if (mi != CD_NONE) {
    att_set_name(a, sp, mi, CD_ATTR_EXPLICIT);
    return true;
  }
  if (att_resolve_into(a, who, who + 1, sp, false, NULL) && sp->mention != CD_NONE)
    /* (a person not known to be of the other gender: the one asked surely answers) */
    return att_gender_may_fit(a, sp->mention, S(a, who), N(a, who));
  memset(sp, 0, sizeof *sp);
  return asked_last_speaker(a, answer, who, sp);
}

/* "Asked whether investigators had identified a suspect, the chief paused.": the subject of
 * sentence `sent` (past a fronted clause) is "the" and a role whose holder was named before
 * ("Police Chief Ramona Stellwagen"), acting; that person. */
bool att_role_subject_person(att *a, uint32_t sent, speaker *sp) {
  const cd_sentence *s = CD_VEC_AT(&a->doc->sentences, cd_sentence, sent);
  size_t k = s->first_tok;
  if (k < s->end_tok && (fronted(a, k) || is(a, k, "asked") || is(a, k, "pressed"))) {
    size_t c = k + 1;
    while (c < s->end_tok && c < k + 30 && !punct(a, c, ',') && T(a, c)->kind != TOK_MARK) c++;
    if (c >= s->end_tok || !punct(a, c, ',')) return false;
    k = c + 1;
  }
  if (k + 2 >= s->end_tok || !is(a, k, "the")) return false;
  size_t head = k + 1;
  if (T(a, head)->kind != TOK_WORD || !(T(a, head)->flags & TF_LOWER) ||
      !(att_role_noun(a, head) || cd_is_job_title(S(a, head), N(a, head)) || agent_noun(S(a, head), N(a, head))))
    return false;
  size_t v = head + 1;
  if (T(a, v)->kind != TOK_WORD || !(T(a, v)->flags & TF_LOWER) || att_be_form(a, v) || att_preposition(a, v) ||
      att_function_word(a, v) || !outside_quotes(a, v))
    return false;
  size_t holder = role_named_person(a, k, head, ROLE_PARAS);
  /* (further back, the person named with the role as a title: "Police Chief Ramona Stellwagen") */
  if (holder == CD_NONE) {
    holder = role_named_person(a, k, head, ROLE_PARAS_FAR);
    if (holder != CD_NONE && !titled_with(a, holder, head)) holder = CD_NONE;
  }
  if (holder == CD_NONE) return false;
  memset(sp, 0, sizeof *sp);
  refers_to(a, sp, holder, k, head + 1, ", named in that role before");
  return true;
}

bool att_message_owner(att *a, size_t first, speaker *sp) {
  size_t n = doc_ntok(a->doc);
  if (first + 1 >= n) return false;
  memset(sp, 0, sizeof *sp);
  /* "Her first letter from London": the pronoun stands for the person */
  if ((pronoun_is(a, first, "her") || pronoun_is(a, first, "his")) && message_after(a, first + 1)) {
    size_t r = att_resolve_person(a, first, false);
    if (r == CD_NONE) return false;
    refers_to(a, sp, r, first, first + 1, "");
    return true;
  }
  /* "Winifred's first letter": a person named as the owner */
  size_t mi = mention_at(a, first);
  if (mi == CD_NONE && is(a, first, "the")) mi = mention_at(a, first + 1); /* "the Harbour Board's" */
  if (mi != CD_NONE) {
    const cd_name_mention *m = CD_VEC_AT(&a->doc->mentions, cd_name_mention, mi);
    /* (possessive_person asks the person's entity: a mention in the possessive is no speaker's
     * phrase itself, so cd_mention_is_person would say no to every one) */
    if (possessive_person(a->doc, m) && message_after(a, m->end_tok)) {
      att_set_name(a, sp, mi, CD_ATTR_EXPLICIT);
      return sp->found;
    }
    /* "the Harbour Board's reply", "the Kittiwake's log": the message of a body or a thing, as
     * written (a name that is no person's) */
    size_t e = m->possessive && !m->in_quote && m->entity != CD_NONE &&
                       CD_VEC_AT(&a->doc->entities, cd_entity, m->entity)->kind != CD_ENTITY_PERSON
                   ? message_end(a, m->end_tok)
                   : 0;
    return e && source_phrase(a, sp, first, e);
  }
  /* "The board's reply": a body named by its noun (a lower-case word in the possessive after
   * "the"), as written */
  if (!is(a, first, "the") || T(a, first + 1)->kind != TOK_WORD || !(T(a, first + 1)->flags & TF_LOWER) ||
      N(a, first + 1) < 4)
    return false;
  const char *w = S(a, first + 1);
  size_t wn = N(a, first + 1);
  size_t stem = w[wn - 2] == '\'' && w[wn - 1] == 's' ? wn - 2 : wn > 4 && memcmp(w + wn - 4, "\xe2\x80\x99s", 4) == 0 ? wn - 4 : 0;
  if (!stem || !cd_lex_has(CD_LEX_SOURCE_NOUNS, w, stem)) return false;
  size_t e = message_end(a, first + 2);
  return e && source_phrase(a, sp, first, e);
}

int att_paraphrase_tag_owner(att *a, uint32_t para, speaker *sp, size_t *verb) {
  const cd_doc *doc = a->doc;
  const cd_para *p = CD_VEC_AT(&doc->paras, cd_para, para);
  size_t tag = CD_NONE, r = CD_NONE, entity = CD_NONE;
  for (size_t k = p->first_tok + 1; k + 1 < p->end_tok; k++) {
    const cd_token *t = T(a, k);
    if (t->kind == TOK_MARK && t->role != MR_APOS) return 0; /* a quote of its own: other rules */
    if (tag != CD_NONE) {
      /* someone else named after the tag: the account is no longer only theirs */
      size_t mi = mention_at(a, k);
      if (mi != CD_NONE) {
        const cd_name_mention *m = CD_VEC_AT(&doc->mentions, cd_name_mention, mi);
        if ((entity == CD_NONE || m->entity != entity) && att_person_mention(doc, m)) return 0;
      }
      continue;
    }
    if (!punct(a, k - 1, ',') || (t->flags & TF_CAP) || !(pronoun_is(a, k, "he") || pronoun_is(a, k, "she")) ||
        !att_speech_verb(a, k + 1))
      continue;
    /* set off: a comma after the verb, or the sentence's stop */
    if (!(punct(a, k + 2, ',') || punct(a, k + 2, '.'))) continue;
    tag = k;
    r = att_resolve_person(a, k, false);
    entity = r != CD_NONE ? CD_VEC_AT(&doc->mentions, cd_name_mention, r)->entity : CD_NONE;
    if (entity != CD_NONE && CD_VEC_AT(&doc->entities, cd_entity, entity)->kind != CD_ENTITY_PERSON) return 0;
  }
  if (tag == CD_NONE) return 0;
  *verb = tag + 1;
  if (entity == CD_NONE) return -1;
  memset(sp, 0, sizeof *sp);
  refers_to(a, sp, r, tag, tag + 1, "");
  return 1;
}

bool att_dash_source(att *a, size_t i, speaker *sp) {
  size_t n = doc_ntok(a->doc);
  if (!(is(a, i, "a") || is(a, i, "an")) || i + 1 >= n) return false;
  uint32_t para = para_of(a, i);
  size_t head = CD_NONE, k = i + 1;
  for (; k < n && k < i + 5 && para_of(a, k) == para && T(a, k)->kind == TOK_WORD && (T(a, k)->flags & TF_LOWER); k++) {
    if (att_function_word(a, k) || att_preposition(a, k) || att_determiner(a, k)) break;
    head = att_source_noun(a, k) || att_role_noun(a, k) || cd_lex_has(CD_LEX_PERSON_DESCRIPTORS, S(a, k), N(a, k)) ? k : CD_NONE;
  }
  if (head == CD_NONE || head + 1 != k) return false;
  /* the phrase goes on to the comma, the stop or the paragraph's end: "for Brackley District Council" */
  size_t e = k;
  while (e < n && e < k + 8 && para_of(a, e) == para && !punct(a, e, ',') && !punct(a, e, '.') && T(a, e)->kind != TOK_MARK) e++;
  if (e < n && para_of(a, e) == para && !punct(a, e, ',') && !punct(a, e, '.')) e = k;
  memset(sp, 0, sizeof *sp);
  return source_phrase(a, sp, i, e);
}

/* "says harbour master", "said police spokesman": newswire drops the article after an inverted
 * verb. Up to three lower-case words ending in a source or role noun, then the clause ends. */
bool att_bare_source(att *a, size_t i, speaker *sp) {
  size_t n = doc_ntok(a->doc), j = i;
  for (; j < n && j < i + 3 && T(a, j)->kind == TOK_WORD && (T(a, j)->flags & TF_LOWER) && outside_quotes(a, j); j++) {
    if (att_function_word(a, j) || att_preposition(a, j) || att_determiner(a, j)) return false;
  }
  if (j == i || (j < n && T(a, j)->sent == T(a, i)->sent && !punct(a, j, ',') && !punct(a, j, '.') &&
                 !is(a, j, "on") && !is(a, j, "in") && !is(a, j, "at")))
    return false;
  if (!att_source_noun(a, j - 1) && !att_role_noun(a, j - 1) && !is(a, j - 1, "master")) return false;
  memset(sp, 0, sizeof *sp);
  return source_phrase(a, sp, i, j);
}
