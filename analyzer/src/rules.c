/* The table of rules: codes, default severities, one-line summaries. */
#include <string.h>

#include "copydesk/analyzer.h"

static const cd_rule_info RULES[] = {
    {"quote.attributed", CD_SEVERITY_HINT, "A direct quote and who said it (the fact-checker's list)."},
    {"quote.unattributed", CD_SEVERITY_WARNING, "A direct quote that nobody is on record for."},
    {"quote.unclosed", CD_SEVERITY_WARNING, "A quotation mark that is never closed."},
    {"quote.altered", CD_SEVERITY_WARNING, "A quote whose words differ from the record (transcript, source document)."},
    {"quote.speaker-mismatch", CD_SEVERITY_WARNING, "A quote the record gives to someone other than its speaker."},
    {"quote.not-in-record", CD_SEVERITY_INFO, "A quote found in none of the configured sources of the record."},
    {"name.variant", CD_SEVERITY_WARNING, "One name written in forms a house style would unify."},
    {"name.spelling", CD_SEVERITY_WARNING, "A probable misspelling of a name used elsewhere."},
    {"name.courtesy-title", CD_SEVERITY_WARNING, "Courtesy titles (Mr, Mrs, Ms, Dr) used inconsistently."},
    {"name.no-first-reference", CD_SEVERITY_INFO, "A person only ever named by surname."},
    {"name.first-reference-late", CD_SEVERITY_INFO, "A surname used before the first full-name reference."},
    {"claim.unattributed", CD_SEVERITY_INFO, "A claim presented with no source (weasel wording)."},
    {"claim.anonymous-source", CD_SEVERITY_INFO, "A claim resting on an unnamed source."},
    {"text.invalid-utf8", CD_SEVERITY_WARNING, "Bytes that are not valid UTF-8."},
    {"text.garbled", CD_SEVERITY_WARNING, "Garbled characters: UTF-8 read in the wrong character set (\"JosÃ©\")."},
    {"control.unknown-rule", CD_SEVERITY_WARNING, "An inline copydesk control naming an unknown rule."},
};

const cd_rule_info *cd_rules(size_t *count) {
  *count = sizeof RULES / sizeof RULES[0];
  return RULES;
}

const cd_rule_info *cd_rule_find(const char *code) {
  if (!code) return NULL;
  for (size_t i = 0; i < sizeof RULES / sizeof RULES[0]; i++)
    if (RULES[i].code == code || strcmp(RULES[i].code, code) == 0) return &RULES[i]; /* the passes' literals are mostly the table's own */
  return NULL;
}

static const char *const SEVERITY_NAMES[] = {"off", "hint", "info", "warning", "error"};

const char *cd_severity_name(cd_severity severity) {
  if ((unsigned)severity > CD_SEVERITY_ERROR) return "off";
  return SEVERITY_NAMES[severity];
}

bool cd_severity_parse(const char *name, cd_severity *out) {
  if (!name) return false;
  for (unsigned i = 0; i <= CD_SEVERITY_ERROR; i++) {
    if (strcmp(name, SEVERITY_NAMES[i]) == 0) {
      *out = (cd_severity)i;
      return true;
    }
  }
  if (strcmp(name, "information") == 0) {
    *out = CD_SEVERITY_INFO;
    return true;
  }
  return false;
}

cd_format cd_format_from_path(const char *path) {
  if (!path) return CD_FORMAT_PLAINTEXT;
  const char *dot = strrchr(path, '.');
  const char *slash = strrchr(path, '/');
  if (!dot || (slash && dot < slash)) return CD_FORMAT_PLAINTEXT;
  static const char *const md[] = {".md", ".markdown", ".mdown", ".mkd", ".mkdn", ".mdx"};
  for (size_t i = 0; i < sizeof md / sizeof md[0]; i++)
    if (strcmp(dot, md[i]) == 0) return CD_FORMAT_MARKDOWN;
  return CD_FORMAT_PLAINTEXT;
}

const char *cd_quote_kind_name(cd_quote_kind kind) {
  switch (kind) {
  case CD_QUOTE_SPEECH: return "speech";
  case CD_QUOTE_SCARE: return "scare";
  case CD_QUOTE_TITLE: return "title";
  }
  return "speech";
}

const char *cd_attribution_method_name(cd_attribution_method m) {
  switch (m) {
  case CD_ATTR_NONE: return "none";
  case CD_ATTR_EXPLICIT: return "explicit";
  case CD_ATTR_ACCORDING_TO: return "according-to";
  case CD_ATTR_PRONOUN: return "pronoun";
  case CD_ATTR_SOURCE: return "source";
  case CD_ATTR_CONTINUATION: return "continuation";
  }
  return "none";
}

const char *cd_entity_kind_name(cd_entity_kind kind) {
  switch (kind) {
  case CD_ENTITY_PERSON: return "person";
  case CD_ENTITY_ORGANIZATION: return "organization";
  case CD_ENTITY_PLACE: return "place";
  case CD_ENTITY_OTHER: return "other";
  }
  return "other";
}
