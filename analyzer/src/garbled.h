/* text.garbled: UTF-8 that went through a Windows-1252 (or Latin-1) step and was saved again, so
 * that each accented letter or curly mark became two or three characters ("JosÃ©" for "José",
 * "itâ€™s" for "it’s"). */
#ifndef CD_GARBLED_H
#define CD_GARBLED_H

#include "doc.h"

/* Adds a text.garbled finding, with the repaired word as its fix, for each word of the prose
 * paragraphs that holds such a sequence. */
void cd_find_garbled(cd_doc *doc);

#endif
