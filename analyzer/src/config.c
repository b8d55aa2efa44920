/* House style and rule settings. Plain owned strings; patterns are checked on entry and
 * compiled again by the pass that runs them. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static bool strlist_add(cd_strlist *l, const char *s) {
  if (l->len == l->cap) {
    size_t cap = l->cap ? l->cap * 2 : 8;
    char **p = realloc(l->items, cap * sizeof *p);
    if (!p) return false;
    l->items = p;
    l->cap = cap;
  }
  char *copy = strdup(s);
  if (!copy) return false;
  l->items[l->len++] = copy;
  return true;
}

static void strlist_free(cd_strlist *l) {
  for (size_t i = 0; i < l->len; i++) free(l->items[i]);
  free(l->items);
  memset(l, 0, sizeof *l);
}

static bool strlist_copy(cd_strlist *dst, const cd_strlist *src) {
  memset(dst, 0, sizeof *dst);
  for (size_t i = 0; i < src->len; i++)
    if (!strlist_add(dst, src->items[i])) return false;
  return true;
}

bool cd_strlist_contains_ci(const cd_strlist *l, const char *s, size_t n) {
  for (size_t i = 0; i < l->len; i++)
    if (strlen(l->items[i]) == n && strncasecmp(l->items[i], s, n) == 0) return true;
  return false;
}

cd_config *cd_config_new(void) {
  cd_config *c = calloc(1, sizeof *c);
  if (!c) return NULL;
  const cd_rule_info *rules = cd_rules(&c->n_rules);
  c->severity = calloc(c->n_rules, sizeof *c->severity);
  if (!c->severity) {
    free(c);
    return NULL;
  }
  if (pthread_mutex_init(&c->claims_lock, NULL) != 0) {
    free(c->severity);
    free(c);
    return NULL;
  }
  for (size_t i = 0; i < c->n_rules; i++) c->severity[i] = rules[i].default_severity;
  c->title_period = -1;
  return c;
}

void cd_config_free(cd_config *c) {
  if (!c) return;
  free(c->severity);
  strlist_free(&c->preferred_entity);
  strlist_free(&c->preferred_form);
  for (size_t i = 0; i < c->n_names; i++) {
    free(c->names[i].canonical);
    strlist_free(&c->names[i].forms);
  }
  free(c->names);
  strlist_free(&c->ignored_names);
  strlist_free(&c->speech_verbs);
  for (size_t i = 0; i < c->n_claims; i++) {
    free(c->claims[i].kind);
    free(c->claims[i].phrase);
  }
  free(c->claims);
  strlist_free(&c->disabled_claims);
  strlist_free(&c->ignore_patterns);
  cd_claims_cache_free(atomic_load(&c->claims_cache));
  pthread_mutex_destroy(&c->claims_lock);
  free(c);
}

cd_config *cd_config_clone(const cd_config *src) {
  cd_config *c = cd_config_new();
  if (!c || !src) return c;
  memcpy(c->severity, src->severity, src->n_rules * sizeof *c->severity);
  c->courtesy = src->courtesy;
  c->title_period = src->title_period;
  c->presidents_by_title = src->presidents_by_title;
  bool ok = strlist_copy(&c->preferred_entity, &src->preferred_entity) &&
            strlist_copy(&c->preferred_form, &src->preferred_form) &&
            strlist_copy(&c->ignored_names, &src->ignored_names) &&
            strlist_copy(&c->speech_verbs, &src->speech_verbs) &&
            strlist_copy(&c->disabled_claims, &src->disabled_claims) &&
            strlist_copy(&c->ignore_patterns, &src->ignore_patterns);
  for (size_t i = 0; ok && i < src->n_names; i++)
    ok = cd_config_add_name(c, src->names[i].canonical, (const char *const *)src->names[i].forms.items,
                            src->names[i].forms.len);
  for (size_t i = 0; ok && i < src->n_claims; i++)
    ok = cd_config_add_claim_phrase(c, src->claims[i].kind, src->claims[i].phrase, src->claims[i].is_pattern,
                                    NULL, 0);
  if (!ok) {
    cd_config_free(c);
    return NULL;
  }
  return c;
}

static size_t rule_index(const char *code) {
  size_t n;
  const cd_rule_info *rules = cd_rules(&n);
  const cd_rule_info *r = cd_rule_find(code);
  return r ? (size_t)(r - rules) : CD_NONE;
}

bool cd_config_set_severity(cd_config *c, const char *code, cd_severity severity) {
  size_t i = rule_index(code);
  if (i == CD_NONE || (unsigned)severity > CD_SEVERITY_ERROR) return false;
  c->severity[i] = severity;
  return true;
}

cd_severity cd_config_severity(const cd_config *c, const char *code) {
  size_t i = rule_index(code);
  if (i == CD_NONE) return CD_SEVERITY_OFF;
  if (!c) return cd_rules(&(size_t){0})[i].default_severity;
  return c->severity[i];
}

void cd_config_set_courtesy_style(cd_config *c, cd_courtesy_style style) { c->courtesy = style; }
void cd_config_set_title_period(cd_config *c, bool with_period) { c->title_period = with_period ? 1 : 0; }
void cd_config_clear_title_period(cd_config *c) { c->title_period = -1; }
void cd_config_set_presidents_by_title(cd_config *c, bool by_title) { c->presidents_by_title = by_title; }

/* A second form for the same entity replaces the first: later settings override earlier ones. */
bool cd_config_add_preferred_form(cd_config *c, const char *entity, const char *form) {
  for (size_t i = 0; i < c->preferred_entity.len; i++) {
    if (strcmp(c->preferred_entity.items[i], entity) == 0) {
      char *copy = strdup(form);
      if (!copy) return false;
      free(c->preferred_form.items[i]);
      c->preferred_form.items[i] = copy;
      return true;
    }
  }
  if (!strlist_add(&c->preferred_entity, entity)) return false;
  if (strlist_add(&c->preferred_form, form)) return true;
  free(c->preferred_entity.items[--c->preferred_entity.len]); /* keep the lists parallel */
  return false;
}

bool cd_config_add_name(cd_config *c, const char *canonical, const char *const *forms, size_t n_forms) {
  if (c->n_names == c->cap_names) {
    size_t cap = c->cap_names ? c->cap_names * 2 : 8;
    cd_name_entry *p = realloc(c->names, cap * sizeof *p);
    if (!p) return false;
    c->names = p;
    c->cap_names = cap;
  }
  cd_name_entry *e = &c->names[c->n_names];
  memset(e, 0, sizeof *e);
  e->canonical = strdup(canonical);
  if (!e->canonical) return false;
  c->n_names++;
  for (size_t i = 0; i < n_forms; i++)
    if (!strlist_add(&e->forms, forms[i])) return false;
  return true;
}

bool cd_config_add_ignored_name(cd_config *c, const char *name) { return strlist_add(&c->ignored_names, name); }
bool cd_config_add_speech_verb(cd_config *c, const char *verb) { return strlist_add(&c->speech_verbs, verb); }

/* Compiles once to report a bad pattern where it is configured, not where it runs. */
pcre2_match_context *cd_pattern_match_context(void) {
  pcre2_match_context *mc = pcre2_match_context_create(NULL);
  if (mc) {
    pcre2_set_match_limit(mc, CD_PATTERN_MATCH_LIMIT);
    pcre2_set_depth_limit(mc, CD_PATTERN_DEPTH_LIMIT);
  }
  return mc;
}

static bool pattern_ok(const char *pattern, char *error, size_t error_size) {
  if (strlen(pattern) > CD_PATTERN_MAX_LEN) {
    if (error && error_size)
      snprintf(error, error_size, "pattern is longer than %u bytes", (unsigned)CD_PATTERN_MAX_LEN);
    return false;
  }
  if (!*pattern) {
    if (error && error_size) snprintf(error, error_size, "pattern is empty");
    return false;
  }
  int code;
  PCRE2_SIZE off;
  pcre2_code *re = pcre2_compile((PCRE2_SPTR)pattern, PCRE2_ZERO_TERMINATED, PCRE2_UTF | PCRE2_CASELESS, &code,
                                 &off, NULL);
  if (re) {
    pcre2_code_free(re);
    return true;
  }
  if (error && error_size) {
    PCRE2_UCHAR msg[256];
    pcre2_get_error_message(code, msg, sizeof msg);
    snprintf(error, error_size, "pattern '%s' does not compile at offset %zu: %s", pattern, (size_t)off,
             (const char *)msg);
  }
  return false;
}

bool cd_config_add_claim_phrase(cd_config *c, const char *kind, const char *phrase, bool is_pattern, char *error,
                                size_t error_size) {
  if (strcmp(kind, "unattributed") != 0 && strcmp(kind, "anonymous-source") != 0) {
    if (error && error_size) snprintf(error, error_size, "unknown claim kind '%s'", kind);
    return false;
  }
  if (is_pattern && !pattern_ok(phrase, error, error_size)) return false;
  cd_claims_cache_free(atomic_exchange(&c->claims_cache, NULL));
  if (c->n_claims == c->cap_claims) {
    size_t cap = c->cap_claims ? c->cap_claims * 2 : 8;
    cd_claim_phrase *p = realloc(c->claims, cap * sizeof *p);
    if (!p) return false;
    c->claims = p;
    c->cap_claims = cap;
  }
  cd_claim_phrase *e = &c->claims[c->n_claims];
  e->kind = strdup(kind);
  e->phrase = strdup(phrase);
  e->is_pattern = is_pattern;
  if (!e->kind || !e->phrase) {
    free(e->kind);
    free(e->phrase);
    return false;
  }
  c->n_claims++;
  return true;
}

bool cd_config_disable_claim_phrase(cd_config *c, const char *phrase) {
  cd_claims_cache_free(atomic_exchange(&c->claims_cache, NULL));
  return strlist_add(&c->disabled_claims, phrase);
}

bool cd_config_add_ignore_pattern(cd_config *c, const char *pattern, char *error, size_t error_size) {
  if (!pattern_ok(pattern, error, error_size)) return false;
  return strlist_add(&c->ignore_patterns, pattern);
}
