/* Finding and reading `.copydesk.json`. */
#ifndef CD_CONFIG_FILE_H
#define CD_CONFIG_FILE_H
#include <stddef.h>

#include "copydesk/analyzer.h"

/* The nearest `.copydesk.json` in `dir` or above it, as a new malloc'd path, or NULL. */
char *cd_config_find(const char *dir);

/* Reads a configuration file onto `config`. False with a message in `error` ("FILE:LINE:COL: ...")
 * when the file cannot be read, is not valid JSON, or holds a bad setting; settings that were
 * good are applied all the same. */
bool cd_config_load_file(cd_config *config, const char *path, char *error, size_t error_size);

#endif
