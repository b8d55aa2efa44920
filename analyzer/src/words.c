#include "words.h"

#include <stdlib.h>
#include <string.h>

bool cd_word_eq(const char *s, size_t n, const char *word) {
  size_t i = 0;
  for (; i < n && word[i]; i++) {
    char a = s[i], b = word[i];
    if (a >= 'A' && a <= 'Z') a = (char)(a - 'A' + 'a');
    if (b >= 'A' && b <= 'Z') b = (char)(b - 'A' + 'a');
    if (a != b) return false;
  }
  return i == n && word[i] == 0;
}

bool cd_word_in(const char *s, size_t n, const char *const *list) {
  if (n == 0) return false;
  /* the lists hold lower-case ASCII: a first-letter test skips almost every entry cheaply */
  char c0 = s[0] >= 'A' && s[0] <= 'Z' ? (char)(s[0] - 'A' + 'a') : s[0];
  for (; *list; list++)
    if ((*list)[0] == c0 && cd_word_eq(s, n, *list)) return true;
  return false;
}

static const char *const COMMON_WORDS[] = {
#include "common_words.inc"
};

static int cmp_word(const void *key, const void *elem) { return strcmp(key, *(const char *const *)elem); }

bool cd_is_common_word(const char *s, size_t n) {
  char buf[48];
  if (n == 0 || n >= sizeof buf) return false;
  for (size_t i = 0; i < n; i++) {
    char c = s[i];
    if (c >= 'A' && c <= 'Z') c = (char)(c - 'A' + 'a');
    if (c < 'a' || c > 'z') return false;
    buf[i] = c;
  }
  buf[n] = 0;
  return bsearch(buf, COMMON_WORDS, sizeof COMMON_WORDS / sizeof COMMON_WORDS[0], sizeof COMMON_WORDS[0],
                 cmp_word) != NULL;
}

static const char *const ABBREVIATIONS[] = {
    "mr", "mrs", "ms", "dr", "st", "jr", "sr", "sen", "gov", "rep", "gen", "lt", "col", "capt", "cpt", "sgt",
    "maj", "adm", "cmdr", "prof", "rev", "fr", "mt", "ft", "no", "nos", "jan", "feb", "apr", "jun", "jul",
    "aug", "sep", "sept", "oct", "nov", "dec", "inc", "co", "corp", "ltd", "vs", "v", "etc", "approx", "dept",
    "est", "hon", "pres", "supt", "atty", "messrs", "mme", "mlle", "op", "vol", "pp", "cf", "al", NULL};

bool cd_is_abbreviation(const char *s, size_t n) { return cd_word_in(s, n, ABBREVIATIONS); }

static const char *const COURTESY[] = {"mr", "mrs", "ms", "miss", "dr", "mx", "messrs", "mme", "mlle", "m", NULL};

bool cd_is_courtesy_title(const char *s, size_t n) {
  if (n == 1) return false; /* "M" alone is an initial far more often than Monsieur */
  return cd_word_in(s, n, COURTESY);
}

static const char *const JOB_TITLES[] = {
    "president", "senator", "sen", "representative", "rep", "congressman", "congresswoman", "governor", "gov",
    "mayor", "chancellor", "minister", "secretary", "ambassador", "general", "gen", "admiral", "adm",
    "colonel", "col", "captain", "capt", "lieutenant", "lt", "sergeant", "sgt", "major", "judge", "justice",
    "king", "queen", "prince", "princess", "pope", "cardinal", "bishop", "archbishop", "rabbi", "imam",
    "reverend", "rev", "father", "sister", "brother", "professor", "prof", "chairman", "chairwoman", "chair",
    "speaker", "commissioner", "inspector", "detective", "officer", "chief", "director", "sheriff", "premier",
    "sir", "dame", "lord", "lady", "baroness", "baron", "sheikh", "emir", "sultan", "crown", "vice", "deputy",
    "prime", "foreign", "defence", "defense", "interior", "finance", "attorney", "leader", "coach", "agent",
    "spokesman", "spokeswoman", "spokesperson", "councillor", "councilor", "councilman", "councilwoman",
    "assemblyman", "assemblywoman", "delegate", "chancellor", "treasurer", "candidate", "nominee", "former",
    "then", "acting", "presidential", "first", "ceo", "mp", "mep", "dean", "superintendent", "constable", NULL};

bool cd_is_job_title(const char *s, size_t n) { return cd_word_in(s, n, JOB_TITLES); }

static const char *const CALENDAR[] = {
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february",
    "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "today",
    "yesterday", "tomorrow", "christmas", "easter", NULL};

bool cd_is_calendar_word(const char *s, size_t n) { return cd_word_in(s, n, CALENDAR); }

static const char *const PRONOUNS[] = {"he", "she", "they", "it", "we", "i", NULL};

bool cd_is_pronoun(const char *s, size_t n) { return cd_word_in(s, n, PRONOUNS); }
