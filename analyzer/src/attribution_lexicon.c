/* The word lists attribution reads, and the tests built on them. */
#include "attribution_internal.h"
#include "speech_verbs.h"

bool att_speech_verb(const att *a, size_t i) {
  return i < doc_ntok(a->doc) && T(a, i)->kind == TOK_WORD && (T(a, i)->flags & TF_LOWER) &&
         cd_is_speech_verb(a->doc->config, S(a, i), N(a, i));
}

/* Adverbs and auxiliaries allowed between a speaker and the verb: "Kelly also said", "has told". */
/* sorted: looked up by binary search */
static const char *const BETWEEN[] = {
    "additionally", "afterwards", "again", "also", "always", "angrily", "apparently", "bluntly", "clearly",
    "directly", "earlier", "elsewhere", "even", "famously", "finally", "first", "flatly", "formally",
    "further", "had", "has", "have", "herself", "himself", "immediately", "initially", "is", "jokingly",
    "just", "later", "likewise", "never", "officially", "often", "once", "originally", "previously",
    "privately", "publicly", "quickly", "recently", "repeatedly", "reportedly", "separately", "similarly",
    "simply", "still", "subsequently", "then", "today", "tonight", "too", "was", "will", "would", "yesterday", NULL};

bool att_between_word(const att *a, size_t i) {
  return T(a, i)->kind == TOK_WORD && CD_SORTED_IN(S(a, i), N(a, i), BETWEEN);
}

/* Source nouns: a non-person source that can "say" ("the statement said", "police said"). */
/* sorted: looked up by binary search */
static const char *const SOURCE_NOUNS[] = {
    "account", "activists", "administration", "agency", "airline", "analyst", "analysts", "announcement",
    "army", "article", "association", "attorney", "attorneys", "author", "authorities", "authors", "band",
    "banner", "board", "broadcaster", "brother", "bureau", "campaign", "caption", "carrier", "center",
    "centre", "chairman", "chief", "child", "children", "club", "comments", "commission", "committee",
    "company", "complaint", "coordinator", "coroner", "council", "councillor", "councillors", "court",
    "critics", "daughter", "decision", "demonstrators", "department", "diplomat", "diplomats", "director",
    "doctor", "doctors", "document", "email", "emails", "employees", "executive", "executives", "expert",
    "experts", "eyewitness", "family", "fans", "father", "filing", "findings", "firefighters", "firm",
    "foundation", "friend", "friends", "government", "governor", "group", "hospital", "husband", "indictment",
    "institute", "investigators", "judge", "judgement", "judgment", "lawmakers", "lawsuit", "lawyer",
    "lawyers", "leader", "legislator", "legislators", "letter", "magazine", "maker", "man", "manager",
    "manufacturer", "mayor", "member", "members", "memo", "mep", "meps", "message", "military", "minister",
    "ministry", "mother", "mp", "mps", "neighbor", "neighbors", "neighbour", "neighbours", "newspaper",
    "notice", "nurse", "nurses", "office", "officer", "officers", "official", "official's", "officials",
    "operator", "organisation", "organisers", "organization", "organizers", "outlet", "owner", "owners",
    "page", "paper", "paramedics", "parent", "parents", "party", "passenger", "passengers", "patient",
    "patients", "people", "platform", "police", "poll", "post", "president", "prosecutor", "prosecutors",
    "protesters", "relative", "relatives", "release", "report", "representative", "representatives",
    "rescuers", "researcher", "researchers", "resident", "residents", "ruling", "school", "scientist",
    "scientists", "senator", "service", "sign", "sister", "son", "source", "sources", "spokesman", "spokesmen",
    "spokespeople", "spokesperson", "spokeswoman", "staff", "statement", "students", "study", "summary",
    "survey", "survivors", "teacher", "teachers", "team", "text", "tweet", "union", "unit", "university",
    "user", "users", "verdict", "victim", "victims", "video", "volunteers", "website", "wife", "witness",
    "witnesses", "woman", "workers", NULL};

bool att_source_noun(const att *a, size_t i) {
  return T(a, i)->kind == TOK_WORD && CD_SORTED_IN(S(a, i), N(a, i), SOURCE_NOUNS);
}

/* sorted: looked up by binary search */
static const char *const PREPOSITIONS[] = {
    "about", "across", "after", "against", "among", "at", "before", "behind", "beside", "between", "by",
    "during", "for", "from", "in", "into", "like", "near", "of", "on", "over", "than", "through", "to",
    "toward", "towards", "under", "via", "with", "without", NULL};


/* sorted: looked up by binary search */
static const char *const DETERMINERS[] = {
    "a", "an", "another", "federal", "her", "his", "its", "local", "many", "one", "our", "several", "some",
    "state", "the", "their", "this", "three", "two", NULL};


/* Words that make a two-part capitalised name a place or an organisation, not a person. */
/* sorted: looked up by binary search */
static const char *const NOT_PERSON_WORDS[] = {
    "abbey", "academy", "africa", "african", "agency", "air", "airport", "alliance", "america", "american",
    "antarctic", "arabia", "arctic", "arena", "army", "asian", "assembly", "association", "atlantic",
    "authority", "avenue", "bank", "bay", "board", "bridge", "british", "canal", "cape", "castle", "cathedral",
    "center", "central", "centre", "championship", "channel", "church", "city", "club", "coalition", "coast",
    "college", "commission", "committee", "company", "congress", "conservative", "consulate", "corporation",
    "council", "county", "court", "cup", "daily", "day", "democratic", "department", "district", "eastern",
    "embassy", "emirates", "european", "exchange", "fc", "federal", "festival", "force", "forces", "fort",
    "foundation", "fund", "gallery", "games", "general", "global", "group", "guard", "guinea", "gulf", "hall",
    "herald", "high", "home", "hospital", "house", "inc", "institute", "international", "island", "islands",
    "journal", "kingdom", "kong", "korea", "labour", "lake", "lanka", "league", "leone", "liberal", "library",
    "ltd", "market", "media", "minister", "ministers", "ministry", "mosque", "mount", "mountains", "movement",
    "museum", "national", "navy", "network", "new", "news", "northern", "ocean", "office", "olympics",
    "online", "organisation", "organization", "pacific", "palace", "park", "parliament", "partnership",
    "party", "police", "port", "post", "press", "prison", "province", "radio", "region", "republic",
    "republican", "rica", "river", "road", "royal", "saint", "salvador", "school", "sea", "secretary",
    "senate", "service", "society", "southern", "square", "st", "stadium", "state", "states", "station",
    "strait", "street", "summit", "supreme", "team", "television", "temple", "times", "today", "tourism",
    "tower", "town", "trust", "tv", "union", "united", "university", "valley", "village", "week", "weekly",
    "western", "white", "world", "year", "zealand", NULL};

bool att_looks_like_person_name(const cd_doc *doc, const cd_name_mention *m) {
  const cd_token *last = doc_tok(doc, m->end_tok - 1);
  if (cd_is_job_title(doc->text + last->start, last->end - last->start)) return false;
  for (size_t i = m->first_tok; i < m->end_tok; i++) {
    const cd_token *t = doc_tok(doc, i);
    if (t->start < m->name.start || t->kind != TOK_WORD) continue;
    size_t n = t->end - t->start;
    const char *w = doc->text + t->start;
    if (n > 2 && (w[n - 2] == '\'' )) n -= 2; /* possessive */
    if (CD_SORTED_IN(w, n, NOT_PERSON_WORDS)) return false;
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
    if (CD_SORTED_IN(doc->text + t->start, n, NOT_PERSON_WORDS) || cd_is_job_title(doc->text + t->start, n)) return false;
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
/* sorted: looked up by binary search */
static const char *const ROLE_NOUNS[] = {
    "actor", "actress", "ambassador", "analyst", "anchor", "archbishop", "artist", "attorney", "author",
    "bishop", "candidate", "captain", "cardinal", "ceo", "chair", "chairman", "chairwoman", "chancellor",
    "chief", "co-author", "coach", "columnist", "commentator", "commissioner", "congressman", "congresswoman",
    "correspondent", "detective", "director", "economist", "editor", "executive", "founder", "general",
    "governor", "head", "historian", "host", "inspector", "judge", "king", "lawmaker", "lawyer", "leader",
    "manager", "mayor", "minister", "nominee", "novelist", "owner", "player", "pope", "premier", "president",
    "president-elect", "prince", "princess", "professor", "prosecutor", "queen", "rapper", "reporter",
    "researcher", "scientist", "secretary", "senator", "senator-elect", "sheriff", "singer", "spokesman",
    "spokesperson", "spokeswoman", "star", "striker", "superintendent", "writer", NULL};

bool att_preposition(const att *a, size_t i) { return T(a, i)->kind == TOK_WORD && CD_SORTED_IN(S(a, i), N(a, i), PREPOSITIONS); }

bool att_determiner(const att *a, size_t i) { return T(a, i)->kind == TOK_WORD && CD_SORTED_IN(S(a, i), N(a, i), DETERMINERS); }

bool att_role_noun(const att *a, size_t i) { return T(a, i)->kind == TOK_WORD && CD_SORTED_IN(S(a, i), N(a, i), ROLE_NOUNS); }

/* sorted: looked up by binary search */
static const char *const FUNCTION_WORDS[] = {
    "after", "all", "also", "although", "and", "another", "any", "are", "as", "be", "because", "been",
    "before", "being", "both", "but", "can", "could", "did", "do", "does", "each", "either", "even", "every",
    "few", "had", "has", "have", "here", "herself", "himself", "however", "if", "is", "just", "less", "many",
    "may", "might", "more", "most", "much", "must", "neither", "no", "nor", "not", "now", "only", "or",
    "other", "own", "same", "shall", "should", "since", "so", "some", "such", "than", "that", "themselves",
    "then", "there", "though", "unless", "until", "was", "were", "when", "whenever", "where", "whereas",
    "which", "while", "whilst", "who", "whom", "whose", "will", "would", "yet", NULL};

bool att_function_word(const att *a, size_t i) { return T(a, i)->kind == TOK_WORD && CD_SORTED_IN(S(a, i), N(a, i), FUNCTION_WORDS); }
