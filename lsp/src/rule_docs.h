/* The rule documentation, docs/rules/<code>.md, built into the program (`copydesk explain`,
 * SARIF help) and linked from findings (LSP codeDescription.href, SARIF helpUri). */
#ifndef CD_RULE_DOCS_H
#define CD_RULE_DOCS_H
#include <stddef.h>

/* The Markdown page of a rule, or NULL when there is none. Static storage. */
const char *cd_rule_doc(const char *code);

/* The address of a rule's page: the build's CD_RULE_DOCS_BASE (by default the directory the
 * pages are installed in, as a file:// URI) followed by "<code>.md". Writes it into buf (size
 * n) and returns buf, or NULL when it does not fit. */
const char *cd_rule_doc_url(const char *code, char *buf, size_t n);

#endif
