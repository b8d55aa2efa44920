/* The word lists attribution reads, and the tests built on them. */
#include "attribution_internal.h"
#include "speech_verbs.h"

bool att_speech_verb(const att *a, size_t i) {
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

bool att_between_word(const att *a, size_t i) {
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

bool att_source_noun(const att *a, size_t i) {
  return T(a, i)->kind == TOK_WORD && cd_word_in(S(a, i), N(a, i), SOURCE_NOUNS);
}

static const char *const PREPOSITIONS[] = {"in", "at", "on", "of", "for", "with", "by", "from", "to", "about",
                                           "against", "under", "after", "before", "during", "between", "into",
                                           "over", "like", "than", "toward", "towards", "among", "near",
                                           "behind", "beside", "across", "through", "via", "without", NULL};


static const char *const DETERMINERS[] = {"the", "a", "an", "its", "his", "her", "their", "our", "one",
                                          "another", "this", "some", "two", "three", "several",
                                          "many", "local", "state", "federal", NULL};


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

bool att_looks_like_person_name(const cd_doc *doc, const cd_name_mention *m) {
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
bool att_tail_looks_like_person(const cd_doc *doc, const cd_name_mention *m) {
  if (m->end_tok < m->first_tok + 2) return false;
  for (size_t i = m->end_tok - 2; i < m->end_tok; i++) {
    const cd_token *t = doc_tok(doc, i);
    size_t n = t->end - t->start;
    if (t->kind != TOK_WORD || !(t->flags & TF_CAP) || (t->flags & TF_ALLCAPS)) return false;
    if (cd_word_in(doc->text + t->start, n, NOT_PERSON_WORDS) || cd_is_job_title(doc->text + t->start, n)) return false;
  }
  return true;
}

bool att_person_mention(const cd_doc *doc, const cd_name_mention *m) {
  if (m->kind != MK_NAME || m->entity == CD_NONE || m->in_quote || m->headline || m->possessive) return false;
  if (!att_looks_like_person_name(doc, m)) return false;
  const cd_entity *e = CD_VEC_AT(&doc->entities, cd_entity, m->entity);
  return e->kind == CD_ENTITY_PERSON || (m->person_hint && !m->org_hint);
}

bool cd_mention_is_person(const cd_doc *doc, size_t mi) {
  const cd_name_mention *m = CD_VEC_AT(&doc->mentions, cd_name_mention, mi);
  if (m->possessive || !att_looks_like_person_name(doc, m)) return false;
  if (m->courtesy || m->job_title) return true;
  const cd_entity *e = m->entity != CD_NONE ? CD_VEC_AT(&doc->entities, cd_entity, m->entity) : NULL;
  return (e && e->kind == CD_ENTITY_PERSON) || (m->person_hint && !m->org_hint);
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

bool att_preposition(const att *a, size_t i) { return T(a, i)->kind == TOK_WORD && cd_word_in(S(a, i), N(a, i), PREPOSITIONS); }

bool att_determiner(const att *a, size_t i) { return T(a, i)->kind == TOK_WORD && cd_word_in(S(a, i), N(a, i), DETERMINERS); }

bool att_role_noun(const att *a, size_t i) { return T(a, i)->kind == TOK_WORD && cd_word_in(S(a, i), N(a, i), ROLE_NOUNS); }

static const char *const FUNCTION_WORDS[] = {
    "who", "whom", "whose", "which", "that", "and", "or", "but", "nor", "while", "whilst", "as", "when",
    "whenever", "where", "after", "before", "because", "although", "though", "since", "whereas", "if",
    "unless", "until", "so", "then", "than", "also", "not", "no", "yet", "however", "both", "either",
    "neither", "each", "every", "all", "any", "some", "most", "many", "much", "more", "less", "few",
    "other", "another", "such", "own", "same", "even", "only", "just", "there", "here", "now", "being",
    "been", "be", "are", "were", "was", "is", "has", "have", "had", "do", "does", "did", "will", "would",
    "can", "could", "may", "might", "must", "shall", "should", "himself", "herself", "themselves", NULL};

bool att_function_word(const att *a, size_t i) { return T(a, i)->kind == TOK_WORD && cd_word_in(S(a, i), N(a, i), FUNCTION_WORDS); }
