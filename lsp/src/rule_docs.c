#include "rule_docs.h"

#include <stdio.h>
#include <string.h>

#include "rule_docs_table.h" /* generated from docs/rules/ by cmake/rule_docs.cmake */

#ifndef CD_RULE_DOCS_BASE
#define CD_RULE_DOCS_BASE "file:///usr/local/share/doc/copydesk/rules/"
#endif

const char *cd_rule_doc(const char *code) {
  for (size_t i = 0; i < sizeof CD_RULE_DOCS / sizeof *CD_RULE_DOCS; i++)
    if (strcmp(CD_RULE_DOCS[i].code, code) == 0) return CD_RULE_DOCS[i].text;
  return NULL;
}

const char *cd_rule_doc_url(const char *code, char *buf, size_t n) {
  int k = snprintf(buf, n, "%s%s.md", CD_RULE_DOCS_BASE, code);
  return k >= 0 && (size_t)k < n ? buf : NULL;
}
