/* Configuration from JSON: the `.copydesk.json` file and the editor's `copydesk` settings section
 * share one shape (docs/configuration.md, editors/vscode/schemas/copydesk.schema.json). Only this
 * layer (and protocol/) knows JSON; the analyzer gets a cd_config.
 *
 *   {
 *     "$schema": "...",                                   ignored
 *     "rules": {"quote.unattributed": "error", "name.*": "off"},
 *     "style": {"courtesyTitles": "none" | "after-first-reference" | "always" | "any",
 *               "titlePeriod": "Mr" | "Mr." | "any",
 *               "presidentFirstReference": "full-name" | "title-and-surname",
 *               "preferredForms": {"United States": "U.S."}},
 *     "names": {"known": ["Angela Merkel", {"name": "Recep Tayyip Erdoğan", "forms": ["Erdoğan"]}],
 *               "ignore": ["Reuters"]},
 *     "attribution": {"verbs": ["quipped"]},
 *     "claims": {"add": ["it is understood", {"phrase": "...", "kind": "anonymous-source",
 *                                            "pattern": true}],
 *                "disable": ["reportedly"]},
 *     "markdown": {"ignorePatterns": ["^\\[\\^\\d+\\]:.*$"]},
 *     "inlayHints": true, "codeLens": true,              the server's switches (bool or {"enabled": bool})
 *     "maxHints": 300,                                   hint diagnostics per document at most
 *     "sources": ["transcripts", "notes/ruiz.txt"],      the record quotes are checked against: paths
 *                                                        and globs relative to the file (record_files.h)
 *     "trace": {"server": "off"}, "serverPath": "..."   the editor client's own; ignored
 *   }
 *
 * null anywhere means "not set" (and so does [] where an object is expected: Neovim sends an empty
 * Lua table that way). Unknown keys and wrong types are errors; every error names its key
 * path and the rest of the settings still apply. */
#ifndef CD_CONFIG_JSON_H
#define CD_CONFIG_JSON_H
#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>

#include "copydesk/analyzer.h"

/* ---- errors ------------------------------------------------------------ */

typedef struct cd_config_error {
  char *message;   /* the whole message for a person: "FILE:3:18: style.courtesyTitles: expected ..."
                      or "editor settings: rules: unknown rule 'quote.unatributed' (did you mean ...)" */
  char *detail;    /* the same without the source prefix: "style.courtesyTitles: expected ..." */
  char *file;      /* the configuration file, or NULL for editor settings */
  char *pointer;   /* JSON Pointer to the bad value ("/style/courtesyTitles"), "" for the document */
  bool at_key;     /* the key itself is at fault (unknown key): point at the key, not its value */
  int line, column;  /* 1-based (column in characters) in `file`, or 0 when unknown */
  size_t start, end; /* byte span in the file's text, or CD_NONE when unknown */
} cd_config_error;

/* At most this many errors from one settings object; then one "N more problems not shown". */
#define CD_CONFIG_MAX_ERRORS 100

typedef struct cd_config_errors {
  cd_config_error *items;
  size_t len, cap;
} cd_config_errors;

void cd_config_errors_init(cd_config_errors *errors);
void cd_config_errors_free(cd_config_errors *errors);
/* Appends an error; `file`/`pointer` may be NULL; message is built from `source` and `detail`.
 * Returns the new entry (NULL when out of memory). */
cd_config_error *cd_config_errors_add(cd_config_errors *errors, const char *source, const char *file,
                                      const char *pointer, bool at_key, const char *detail);
/* Rebuilds `message` from `source`, the position (when known) and `detail`. */
void cd_config_error_set_source(cd_config_error *error, const char *source);
/* One text for window/showMessage: "copydesk: N problem(s) in the configuration; those settings
 * are skipped:" and then each message on its own line. Cut (still terminated) to `size`; returns
 * the length it wanted (as snprintf). Empty when there are no errors. */
size_t cd_config_errors_format(const cd_config_errors *errors, char *buf, size_t size);

/* ---- settings ------------------------------------------------------------ */

/* The server's own switches. Defaults: both on. */
typedef struct cd_server_settings {
  bool inlay_hints;
  bool code_lens;
  size_t max_hints; /* hint diagnostics published per document at most ("maxHints") */
} cd_server_settings;

/* A few hundred hints are the list of quotes an editor reads; thousands (a 1 MB article) only
 * freeze the editor that draws them. */
#define CD_MAX_HINTS_DEFAULT 300
#define CD_MAX_HINTS_LIMIT 100000

#define CD_SERVER_SETTINGS_DEFAULT ((cd_server_settings){true, true, CD_MAX_HINTS_DEFAULT})

/* Applies a settings object onto `config` and `server` (either may be NULL to skip its part).
 * Later settings override earlier ones: scalars and map entries are replaced, lists add to what is
 * there. Every problem is appended to `errors` (may be NULL) with `source` ("editor settings", or
 * the file's path, also stored as the error's `file` when `file` is true). Returns true when every
 * setting was understood; bad settings are skipped, the rest applied. */
bool cd_settings_apply_json(cd_config *config, cd_server_settings *server, const json_t *settings,
                            const char *source, bool file, cd_config_errors *errors);

/* The server's switches from a settings object (defaults for what is not set or is bad). */
cd_server_settings cd_server_settings_from_json(const json_t *settings);

/* ---- the first interface, kept for callers that want one message ---------- */

/* Applies a settings object onto `config`. Returns true when every setting was understood;
 * otherwise `error` holds the problems ("rules.quote.unattributed: expected one of off, hint,
 * info, warning, error"; several joined by "; ") and the rest is applied. The server switches
 * (inlayHints, codeLens) are accepted and left to the caller. `settings` may be NULL. */
bool cd_config_apply_json(cd_config *config, const json_t *settings, char *error, size_t error_size);

/* A new config: defaults with `settings` applied. Never NULL unless out of memory; on a bad
 * setting, `error` says what and the config holds the defaults plus the good settings. */
cd_config *cd_config_from_json(const json_t *settings, char *error, size_t error_size);

/* The name in `known` nearest to `key` (edit distance, case-insensitive) when it is plausibly a
 * typo of it (1 edit for names of up to 3 characters, 2 up to 7, else 3), or NULL. */
const char *cd_nearest_name(const char *key, const char *const *known, size_t n);

#endif
