/* The configuration's insides, for the passes that read it. */
#ifndef CD_CONFIG_H
#define CD_CONFIG_H
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdbool.h>

#include "copydesk/analyzer.h"

typedef struct cd_strlist {
  char **items;
  size_t len, cap;
} cd_strlist;

typedef struct cd_name_entry {
  char *canonical;
  cd_strlist forms;
} cd_name_entry;

/* The claims pass's compiled phrases (claims.c): a memo of the claim settings, not a setting. */
typedef struct cd_claims_cache cd_claims_cache;
void cd_claims_cache_free(cd_claims_cache *cache);

typedef struct cd_claim_phrase {
  char *kind; /* "unattributed" | "anonymous-source" */
  char *phrase;
  bool is_pattern;
} cd_claim_phrase;

struct cd_config {
  cd_severity *severity; /* one per rule, in cd_rules() order */
  size_t n_rules;
  cd_courtesy_style courtesy;
  int title_period; /* -1 no preference, 0 "Mr", 1 "Mr." */
  bool presidents_by_title; /* "President Obama" is a first reference (cd_config_set_presidents_by_title) */
  cd_strlist preferred_entity, preferred_form; /* parallel */
  cd_name_entry *names;
  size_t n_names, cap_names;
  cd_strlist ignored_names;
  cd_strlist speech_verbs;
  cd_claim_phrase *claims;
  size_t n_claims, cap_claims;
  cd_strlist disabled_claims;
  cd_strlist ignore_patterns;
  _Atomic(cd_claims_cache *) claims_cache; /* built on first analysis; dropped when claims change */
  pthread_mutex_t claims_lock; /* held while claims_cache is built: analyses on other threads wait */
};

bool cd_strlist_contains_ci(const cd_strlist *l, const char *s, size_t n);

/* Every configured pattern (ignore patterns, claim patterns) runs under these limits
 * (pcre2_set_match_limit, pcre2_set_depth_limit on its match context) so that no setting can make
 * a match run away: a match that hits a limit counts as no match. */
#define CD_PATTERN_MATCH_LIMIT 100000u
#define CD_PATTERN_DEPTH_LIMIT 1000u
/* The longest pattern accepted from configuration, in bytes. */
#define CD_PATTERN_MAX_LEN 2000u

/* A match context with the limits above (caller frees it), or NULL when out of memory. */
pcre2_match_context *cd_pattern_match_context(void);

#endif
