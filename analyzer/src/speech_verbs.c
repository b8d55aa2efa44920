#include "speech_verbs.h"

#include "lexicon.h"

bool cd_is_speech_verb(const cd_config *config, const char *s, size_t n) {
  if (cd_lex_has(CD_LEX_SPEECH_VERBS, s, n)) return true;
  return config && cd_strlist_contains_ci(&config->speech_verbs, s, n);
}

bool cd_is_capitalised_past_speech_verb(const cd_config *config, const char *s, size_t n) {
  if (n < 5 || s[0] < 'A' || s[0] > 'Z' || s[1] < 'a' || s[1] > 'z' || s[n - 2] != 'e' || s[n - 1] != 'd') return false;
  return cd_is_speech_verb(config, s, n);
}

bool cd_is_speech_participle(const char *s, size_t n) { return cd_lex_has(CD_LEX_SPEECH_PARTICIPLES, s, n); }

bool cd_is_stance_verb(const char *s, size_t n) { return cd_lex_has(CD_LEX_STANCE_VERBS, s, n); }
