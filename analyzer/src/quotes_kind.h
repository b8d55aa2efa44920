/* Classing quotes: speech, scare quotes, titles; and whether a quote is a partial fragment. */
#ifndef CD_QUOTES_KIND_H
#define CD_QUOTES_KIND_H
#include "doc.h"

/* Sets kind and partial of quote `qi` from its words and the words just before it. `double_style`:
 * the text quotes in double marks (a paragraph that is a short quote in single marks is a subhead). */
void cd_quote_classify(cd_doc *doc, size_t qi, bool double_style);
/* Titles seen across quotes, after every quote is classed: a quote right before its translation in
 * brackets that is a title is a title ("Las cuentas del malecón" ("The Seafront Accounts")); and a
 * title once is a title again: a quote classed speech (or a title a verb of saying may overrule)
 * whose words, in Title Case, are those of a quote classed a title on firm evidence elsewhere in
 * the text ("the premiere of "The Lantern Keepers," ... The studio said "The Lantern Keepers"
 * would open in May") is that title. */
void cd_quote_titles_again(cd_doc *doc);
/* Quote qi opens right after quote qi - 1 closes, in brackets or after a dash: its translation. */
bool cd_quote_translates(const cd_doc *doc, size_t qi);
/* Words (and numbers) inside quote `qi`. */
size_t cd_quote_word_count(const cd_doc *doc, size_t qi);
/* Does the quote's text end with . ! ? or …? */
bool cd_quote_ends_sentence(const cd_doc *doc, size_t qi);

/* Is token `tok` the opening mark (`opens`) or the closing mark of a nickname quoted inside a
 * name ('Juan "Chico" Manriquez', cd_quote_work.nickname)? After quote classing. */
bool cd_nickname_mark_at(const cd_doc *doc, size_t tok, bool opens);
/* The closing mark of the nickname whose opening mark is token `tok`, or CD_NONE. */
size_t cd_nickname_close(const cd_doc *doc, size_t tok);

#endif
