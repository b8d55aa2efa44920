/* Finding and reading `.copydesk.json`, and the settings in precedence order:
 * defaults < the configuration file < editor settings (the `copydesk` section). */
#ifndef CD_CONFIG_FILE_H
#define CD_CONFIG_FILE_H
#include <jansson.h>
#include <stddef.h>

#include "config_json.h"
#include "copydesk/analyzer.h"

#define CD_CONFIG_FILE_NAME ".copydesk.json"
/* Configuration files larger than this are refused (they are a few kilobytes). */
#define CD_CONFIG_FILE_MAX (4u * 1024u * 1024u)

/* The nearest `.copydesk.json` in `dir` or above it, as a new malloc'd absolute path, or NULL. */
char *cd_config_find(const char *dir);
/* The same for a file: the search starts in the file's directory ("-": the current directory). */
char *cd_config_find_for_file(const char *path);

/* Applies the text of a configuration file (`len` bytes, need not be NUL-terminated) onto `config`
 * and `server` (either may be NULL). `name` is the file's path, used in messages. Every problem
 * goes to `errors` with its line, column and byte span in `text`: malformed JSON (jansson's
 * message, line and column), unknown keys, wrong types, patterns that do not compile. Returns true
 * when there was none. On malformed JSON nothing is applied. This is also what the server runs
 * on an open `.copydesk.json` buffer to publish diagnostics on it. */
bool cd_config_apply_text(cd_config *config, cd_server_settings *server, const char *text, size_t len,
                          const char *name, cd_config_errors *errors);

/* Reads a configuration file onto `config` / `server`, as above; an unreadable file is one error. */
bool cd_config_apply_file(cd_config *config, cd_server_settings *server, const char *path,
                          cd_config_errors *errors);

/* Reads a configuration file onto `config`. False with a message in `error` ("FILE:LINE:COL: ...";
 * several joined by "; ") when the file cannot be read, is not valid JSON, or holds a bad setting;
 * settings that were good are applied all the same. */
bool cd_config_load_file(cd_config *config, const char *path, char *error, size_t error_size);

/* The byte span of the value (or, with `key`, of the member's key) at a JSON Pointer
 * ("/style/courtesyTitles", "/names/known/0") in a JSON text. False when the text is not valid
 * JSON there or the pointer leads nowhere; the empty pointer is the whole document. */
bool cd_json_locate(const char *text, size_t len, const char *pointer, bool key, size_t *start, size_t *end);

/* Everything one document needs, built in precedence order. */
typedef struct cd_settings {
  cd_config *config;         /* never NULL after a successful cd_settings_build */
  cd_server_settings server; /* inlayHints, codeLens */
  char *file;                /* the configuration file used (absolute when found by search), or NULL */
  cd_config_errors errors;   /* every problem, file first; `message` is ready to show */
  char **record_globs;       /* the file's "sources", absolute (record_files.h); owned */
  size_t n_record_globs;
} cd_settings;

/* Defaults, then `file` (NULL: none), then `editor` (the editor's `copydesk` settings object,
 * or {"copydesk": {...}}; NULL or JSON null: none). Bad settings are reported in `out->errors`
 * and skipped; everything else applies. False only when memory runs out (then `out` is empty). */
bool cd_settings_build(cd_settings *out, const char *file, const json_t *editor);
/* As above, with the file found from `dir` (the workspace folder) by cd_config_find. */
bool cd_settings_build_for_dir(cd_settings *out, const char *dir, const json_t *editor);
void cd_settings_free(cd_settings *settings);

#endif
