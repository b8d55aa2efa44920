/* Incremental analysis (cd_analysis): the previous version's per-paragraph tables, and which
 * paragraphs of a new version may take them over.
 *
 * A paragraph's tokens and sentences depend only on its own bytes and which of them are prose, so
 * a paragraph whose bytes lie wholly inside the text the two versions share at their start or at
 * their end, with the same prose bytes and the same span in the old version, takes the old tables
 * shifted by the length change. The passes ask cd_incr_* per paragraph; a NULL doc->incr (plain
 * cd_analyze) means every paragraph is analysed afresh. */
#ifndef CD_INCREMENTAL_H
#define CD_INCREMENTAL_H

#include "doc.h"

/* After the source pass: matches the new version's paragraphs with the previous version's. */
void cd_incr_match(cd_analysis *a, const cd_doc *doc);
/* Tokens pass: appends the old tokens of paragraph `pi` when it is unchanged; false otherwise. */
bool cd_incr_tokens(cd_doc *doc, uint32_t pi);
/* Sentences pass: appends the old sentences of paragraph `pi` when its tokens were reused. */
bool cd_incr_sentences(cd_doc *doc, uint32_t pi);
/* After the sentences pass: keeps this version's text and tables for the next one. */
void cd_incr_keep(cd_analysis *a, const cd_doc *doc);
/* How many paragraphs of the latest version took the previous version's tables (for tests). */
size_t cd_incr_reused(const cd_analysis *a);

#endif
