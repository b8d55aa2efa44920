#include "config_json.h"

#include <stdio.h>
#include <string.h>

static void set_error(char *error, size_t size, bool *ok, const char *fmt, const char *a, const char *b) {
  if (*ok && error && size) snprintf(error, size, fmt, a, b);
  *ok = false;
}

static void apply_rules(cd_config *config, const json_t *rules, char *error, size_t size, bool *ok) {
  if (!json_is_object(rules)) {
    set_error(error, size, ok, "%s%s: expected an object of rule codes and severities", "rules", "");
    return;
  }
  const char *code;
  const json_t *value;
  json_object_foreach((json_t *)rules, code, value) {
    cd_severity sev;
    if (!cd_rule_find(code)) {
      set_error(error, size, ok, "rules: unknown rule '%s'%s", code, "");
      continue;
    }
    if (!json_is_string(value) || !cd_severity_parse(json_string_value(value), &sev)) {
      set_error(error, size, ok, "rules.%s: expected one of off, hint, info, warning, error%s", code, "");
      continue;
    }
    cd_config_set_severity(config, code, sev);
  }
}

bool cd_config_apply_json(cd_config *config, const json_t *settings, char *error, size_t error_size) {
  bool ok = true;
  if (error && error_size) error[0] = 0;
  if (!settings || json_is_null(settings)) return true;
  if (!json_is_object(settings)) {
    set_error(error, error_size, &ok, "settings: expected an object%s%s", "", "");
    return false;
  }
  const char *key;
  const json_t *value;
  json_object_foreach((json_t *)settings, key, value) {
    if (strcmp(key, "rules") == 0) apply_rules(config, value, error, error_size, &ok);
  }
  return ok;
}

cd_config *cd_config_from_json(const json_t *settings, char *error, size_t error_size) {
  cd_config *config = cd_config_new();
  if (!config) return NULL;
  cd_config_apply_json(config, settings, error, error_size);
  return config;
}
