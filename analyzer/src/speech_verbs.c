#include "speech_verbs.h"

#include "lexicon.h"

bool cd_is_speech_verb(const cd_config *config, const char *s, size_t n) {
  if (cd_lex_has(CD_LEX_SPEECH_VERBS, s, n)) return true;
  return config && cd_strlist_contains_ci(&config->speech_verbs, s, n);
}

bool cd_capitalised_past_speech_verb_whole(const cd_doc *doc, size_t i) {
  if (i == 0 || i + 1 >= doc_ntok(doc)) return false;
  const cd_token *t = doc_tok(doc, i), *before = doc_tok(doc, i - 1), *after = doc_tok(doc, i + 1);
  const char *s = doc->text + t->start;
  size_t n = t->len;
  if (t->kind != TOK_WORD || n < 5 || s[0] < 'A' || s[0] > 'Z' || s[1] < 'a' || s[1] > 'z' || s[n - 2] != 'e' ||
      s[n - 1] != 'd')
    return false;
  if (before->sent != t->sent || after->sent != t->sent ||
      !(after->kind == TOK_PUNCT || (after->kind == TOK_WORD && (after->flags & TF_LOWER))))
    return false;
  return cd_is_speech_verb(doc->config, s, n);
}

bool cd_is_speech_participle(const char *s, size_t n) { return cd_lex_has(CD_LEX_SPEECH_PARTICIPLES, s, n); }

bool cd_is_stance_verb(const char *s, size_t n) { return cd_lex_has(CD_LEX_STANCE_VERBS, s, n); }
