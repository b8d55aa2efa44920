/* Verbs of saying, and the stance verbs that attribute a woven-in fragment ("called it a 'hoax'"). */
#ifndef CD_SPEECH_VERBS_H
#define CD_SPEECH_VERBS_H
#include <stdbool.h>
#include <stddef.h>

#include "config.h"
#include "doc.h"

/* A verb that introduces someone's words: said, told, added, tweeted, ... (or a configured one). */
bool cd_is_speech_verb(const cd_config *config, const char *s, size_t n);
/* Token i is a past verb of saying that the writer capitalised mid-sentence ("Lind, the head of
 * the board, Tweeted on Friday"), told apart from a name: in Title Case, ending in -ed (given names
 * that are verbs of saying, "Said", do not), not its sentence's first word, and followed in its
 * sentence by a lower-case word or punctuation, as in no Title Case headline ("... Star Asked
 * Actors To ..."). */
bool cd_capitalised_past_speech_verb_whole(const cd_doc *doc, size_t i);
/* Inline, the last letter first: the passes ask of every capitalised word, and few end in -ed. */
static inline bool cd_capitalised_past_speech_verb_at(const cd_doc *doc, size_t i) {
  const cd_token *t = doc_tok(doc, i);
  return t->len > 4 && doc->text[t->start + t->len - 1] == 'd' && cd_capitalised_past_speech_verb_whole(doc, i);
}
/* A participle that continues the subject's words: saying, adding, noting, calling ... */
bool cd_is_speech_participle(const char *s, size_t n);
/* A verb that attributes a short fragment to the subject: called, described, dismissed ... */
bool cd_is_stance_verb(const char *s, size_t n);

#endif
