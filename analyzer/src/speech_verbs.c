#include "speech_verbs.h"

#include "lexicon.h"

bool cd_is_speech_verb(const cd_config *config, const char *s, size_t n) {
  if (cd_lex_has(CD_LEX_SPEECH_VERBS, s, n)) return true;
  return config && cd_strlist_contains_ci(&config->speech_verbs, s, n);
}

bool cd_is_speech_participle(const char *s, size_t n) { return cd_lex_has(CD_LEX_SPEECH_PARTICIPLES, s, n); }

bool cd_is_stance_verb(const char *s, size_t n) { return cd_lex_has(CD_LEX_STANCE_VERBS, s, n); }
