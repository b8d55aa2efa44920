/* Configuration from JSON: the `.copydesk.json` file and the editor's `copydesk` settings section
 * share one shape. Only this layer (and protocol/) knows JSON; the analyzer gets a cd_config. */
#ifndef CD_CONFIG_JSON_H
#define CD_CONFIG_JSON_H
#include <jansson.h>
#include <stddef.h>

#include "copydesk/analyzer.h"

/* Applies a settings object onto `config` (later settings override earlier ones).
 * Returns true when every setting was understood; otherwise fills `error` with the first problem
 * ("rules.quote.unattributed: expected one of off, hint, info, warning, error") and applies the
 * rest. `settings` may be NULL (nothing to apply). */
bool cd_config_apply_json(cd_config *config, const json_t *settings, char *error, size_t error_size);

/* A new config: defaults with `settings` applied. Never NULL unless out of memory; on a bad
 * setting, `error` says what and the config holds the defaults plus the good settings. */
cd_config *cd_config_from_json(const json_t *settings, char *error, size_t error_size);

#endif
