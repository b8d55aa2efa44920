#include "names_lex.h"

#include <stdlib.h>
#include <string.h>

#include "words.h"

static const char *const PROPER_WORDS[] = {
#include "proper_words.inc"
};

static int cmp_word(const void *key, const void *elem) { return strcmp(key, *(const char *const *)elem); }

bool cd_is_proper_word(const char *key) {
  if (!key || !*key) return false;
  return bsearch(key, PROPER_WORDS, sizeof PROPER_WORDS / sizeof PROPER_WORDS[0], sizeof PROPER_WORDS[0],
                 cmp_word) != NULL;
}

static const char *const NOT_PERSON_WORDS[] = {
    "united", "states", "kingdom", "republic", "union", "county", "city", "island", "islands", "mountains",
    "river", "sea", "ocean", "coast", "street", "square", "north", "south", "east", "west",
    "northern", "southern", "eastern", "western", "new", "national", "international", "federal", "royal",
    "general", "supreme", "high", "central", "democratic", "republican", "labour", "conservative", "liberal",
    "air", "road", "avenue", "bay", "lake", "valley", "district", "province", "state", "region",
    "saint", "st", "fort", "port", "mount", "cape", "gulf", "strait", "canal", "bridge", "tower", "palace",
    "castle", "abbey", "cathedral", "temple", "stadium", "arena", "centre", "center", "airport", "station",
    "news", "times", "post", "daily", "weekly", "herald", "journal", "today", "online", "media", "press",
    "institute", "university", "college", "school", "academy", "museum", "gallery", "library", "council",
    "committee", "court", "parliament", "assembly", "senate", "congress", "ministry", "department", "agency",
    "office", "service", "force", "army", "navy", "police", "guard", "party", "league", "club", "team",
    "association", "society", "foundation", "fund", "bank", "group", "company", "corporation", "inc",
    "ltd", "fc", "town", "village", "world", "global", "european", "american", "british", "african",
    "asian", "pacific", "atlantic", "arctic", "antarctic", "channel", "network", "radio", "television",
    "tv", "commission", "authority", "board", "organisation", "organization", "movement", "alliance",
    "coalition", "forces", "embassy", "consulate", "prison", "hospital", "church", "mosque", "market",
    "exchange", "summit", "games", "cup", "championship", "olympics", "festival", "day", "week", "year",
    "house", "home", "secretary", "minister", "ministers", "express", "railway", "railways", "junction",
    "division", "celebration", "constitution", "independent", "holdings", "affairs", "korea", "america",
    "africa", "europe", "asia", "zealand", "arabia", "emirates", "lanka", "rica", "york", "angeles",
    "francisco", "jersey", "dakota", "hampshire", "mexico", "wales", "ireland",
    "scotland", "england", "hong", "kong", "station", "space", "program", "programme", "project", "system",
    "act", "treaty", "agreement", "accord", "plan", "war", "crisis", "storm", "hurricane",
    "award", "awards", "prize", "series", "show", "film", "album", "book", "magazine", "review", "report",
    "index", "airlines", "airways", "motors", "technologies", "systems", "labs", "studios", "records",
    "entertainment", "wrestling", "football", "cricket", "rugby", "basketball", "baseball", "hockey",
    /* nationalities and affiliations: "Turkish Cypriot", "Polish Catholic" */
    "turkish", "cypriot", "greek", "russian", "british", "french", "german", "chinese", "japanese",
    "indian", "polish", "ukrainian", "israeli", "palestinian", "iranian", "iraqi", "syrian", "saudi",
    "egyptian", "canadian", "mexican", "brazilian", "australian", "italian", "spanish", "korean", "arab",
    "muslim", "jewish", "catholic", "protestant", "democrat", "democrats", "republicans",
    "kurdish", "afghan", "pakistani", "scottish", "welsh", "irish", "english", "dutch", "swedish",
    "norwegian", "danish", "finnish", "swiss", "austrian", "belgian", "portuguese", "hungarian", "czech",
    "slovak", "romanian", "bulgarian", "serbian", "croatian", "albanian", "lebanese", "jordanian",
    "turkey", "cyprus", "samoan", "nigerian", "kenyan", "ethiopian", "somali", "sudanese", "libyan",
    "tunisian", "moroccan", "algerian", "venezuelan", "colombian", "argentine", "argentinian", "chilean",
    "peruvian", "cuban", "filipino", "vietnamese", "thai", "indonesian", "malaysian", "taiwanese",
    "tibetan", "mongolian", "kazakh", "uzbek", "georgian", "armenian", "azerbaijani", "belarusian",
    "lithuanian", "latvian", "estonian", "yemeni", "qatari", "emirati", "kuwaiti", "omani", "bahraini",
    NULL};

bool cd_is_not_person_word(const char *s, size_t n) { return cd_word_in(s, n, NOT_PERSON_WORDS); }

static const char *const GIVEN_NAME_TITLES[] = {
    "king", "queen", "prince", "princess", "pope", "sir", "dame", "lord", "lady", "sheikh", "emir",
    "sultan", "father", "sister", "brother", "saint", "st", "crown", "archduke", "duke", "duchess",
    "emperor", "empress", "tsar", "czar", "shah", "rabbi", "imam", "ayatollah", "mother", "uncle", "aunt",
    "baroness", "baron", "earl", "count", "countess", NULL};

bool cd_is_given_name_title(const char *s, size_t n) { return cd_word_in(s, n, GIVEN_NAME_TITLES); }

static const char *const PERSON_TITLES[] = {
    "president", "senator", "sen", "representative", "rep", "congressman", "congresswoman", "governor",
    "gov", "mayor", "chancellor", "minister", "secretary", "ambassador", "general", "gen", "admiral", "adm",
    "colonel", "col", "captain", "capt", "lieutenant", "lt", "sergeant", "sgt", "major", "maj", "judge",
    "justice", "professor", "prof", "chairman", "chairwoman", "commissioner", "inspector", "detective",
    "sheriff", "premier", "speaker", "councillor", "councilor", "councilman", "councilwoman", "assemblyman",
    "assemblywoman", "coach", "superintendent", "constable", "commander", "administrator", "envoy",
    "spokesman", "spokeswoman", "spokesperson", "director", "officer", "chief", "mp", "mep", "dean",
    "reverend", "rev", NULL};

bool cd_is_person_title(const char *s, size_t n) { return cd_word_in(s, n, PERSON_TITLES); }

static const char *const SUFFIXES[] = {"jr", "sr", "ii", "iii", "iv", "jnr", "snr", NULL};

bool cd_is_name_suffix(const char *s, size_t n) { return cd_word_in(s, n, SUFFIXES); }

static const char *const ATTRIBUTIVE_HEADS[] = {
    "administration", "campaign", "family", "government", "presidency", "era", "camp", "team", "case",
    "supporters", "doctrine", "years", "regime", "cabinet", "foundation", "organization", "organisation",
    "tower", "hotel", "brand", "children", "household", "estate", "trial", "inquiry", "impeachment",
    "investigation", "probe", "scandal", "affair", "white", "aides", "allies", "loyalists", "base",
    "voters", "rally", "rallies", "tweets", "tweet", "policy", "policies", "plan", "deal", "government's",
    "administration's", "campaign's", "family's", NULL};

bool cd_is_attributive_head(const char *s, size_t n) { return cd_word_in(s, n, ATTRIBUTIVE_HEADS); }
