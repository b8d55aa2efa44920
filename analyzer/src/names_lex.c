#include "names_lex.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "lexicon.h"
#include "words.h"

#include "proper_words.inc"

bool cd_is_proper_word(const char *key) {
  if (!key || !*key) return false;
  static const cd_word_table proper = PROPER_WORDS_TABLE;
  return cd_word_table_has(&proper, key, strlen(key));
}

static const char *const NOT_PERSON_WORDS[] = {
    /* sorted: looked up by binary search. Nationalities and affiliations are here too: "Turkish
     * Cypriot", "Polish Catholic" */
    "abbey", "academy", "accord", "act", "affairs", "afghan", "africa", "african", "agency", "agreement",
    "air", "airlines", "airport", "airways", "albanian", "album", "algerian", "alliance", "america",
    "american", "angeles", "antarctic", "arab", "arabia", "arctic", "arena", "argentine", "argentinian",
    "armenian", "army", "asia", "asian", "assembly", "association", "atlantic", "australian", "austrian",
    "authority", "avenue", "award", "awards", "azerbaijani", "bahraini", "bank", "baseball", "basketball",
    "bay", "belarusian", "belgian", "board", "book", "brazilian", "bridge", "british", "bulgarian",
    "canadian", "canal", "cape", "castle", "cathedral", "catholic", "celebration", "center", "central",
    "centre", "championship", "channel", "chilean", "chinese", "church", "city", "club", "coalition", "coast",
    "college", "colombian", "commission", "committee", "company", "congress", "conservative", "constitution",
    "consulate", "corporation", "council", "county", "court", "cricket", "crisis", "croatian", "cuban", "cup",
    "cypriot", "cyprus", "czech", "daily", "dakota", "danish", "day", "democrat", "democratic", "democrats",
    "department", "district", "division", "dutch", "east", "eastern", "egyptian", "embassy", "emirates",
    "emirati", "england", "english", "entertainment", "estonian", "ethiopian", "europe", "european",
    "exchange", "express", "fc", "federal", "festival", "filipino", "film", "finnish", "football", "force",
    "forces", "fort", "foundation", "francisco", "french", "fund", "gallery", "games", "general", "georgian",
    "german", "global", "greek", "group", "guard", "gulf", "hampshire", "herald", "high", "hockey",
    "holdings", "home", "hong", "hospital", "house", "hungarian", "hurricane", "inc", "independent", "index",
    "indian", "indonesian", "institute", "international", "iranian", "iraqi", "ireland", "irish", "island",
    "islands", "israeli", "italian", "japanese", "jersey", "jewish", "jordanian", "journal", "junction",
    "kazakh", "kenyan", "kingdom", "kong", "korea", "korean", "kurdish", "kuwaiti", "labour", "labs", "lake",
    "lanka", "latvian", "league", "lebanese", "liberal", "library", "libyan", "lithuanian", "ltd", "magazine",
    "malaysian", "market", "media", "mexican", "mexico", "minister", "ministers", "ministry", "mongolian",
    "moroccan", "mosque", "motors", "mount", "mountains", "movement", "museum", "muslim", "national", "navy",
    "network", "new", "news", "nigerian", "north", "northern", "norwegian", "ocean", "office", "olympics",
    "omani", "online", "organisation", "organization", "pacific", "pakistani", "palace", "palestinian",
    "parliament", "party", "peruvian", "plan", "police", "polish", "port", "portuguese", "post", "press",
    "prison", "prize", "program", "programme", "project", "protestant", "province", "qatari", "radio",
    "railway", "railways", "records", "region", "report", "republic", "republican", "republicans", "review",
    "rica", "river", "road", "romanian", "royal", "rugby", "russian", "saint", "samoan", "saudi", "school",
    "scotland", "scottish", "sea", "secretary", "senate", "serbian", "series", "service", "show", "slovak",
    "society", "somali", "south", "southern", "space", "spanish", "square", "st", "stadium", "state",
    "states", "station", "storm", "strait", "street", "studios", "sudanese", "summit", "supreme", "swedish",
    "swiss", "syrian", "system", "systems", "taiwanese", "team", "technologies", "television", "temple",
    "thai", "tibetan", "times", "today", "tower", "town", "treaty", "tunisian", "turkey", "turkish", "tv",
    "ukrainian", "union", "united", "university", "uzbek", "valley", "venezuelan", "vietnamese", "village",
    "wales", "war", "week", "weekly", "welsh", "west", "western", "world", "wrestling", "year", "yemeni",
    "york", "zealand", NULL};

bool cd_is_not_person_word(const char *s, size_t n) { return CD_SORTED_IN(s, n, NOT_PERSON_WORDS); }

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

bool cd_is_attributive_head(const char *s, size_t n) { return cd_lex_has(CD_LEX_ATTRIBUTIVE_HEADS, s, n); }
