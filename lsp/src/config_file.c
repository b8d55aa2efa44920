#include "config_file.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "config_json.h"

char *cd_config_find(const char *dir) {
  char *path = NULL;
  char *cur = realpath(dir && *dir ? dir : ".", NULL);
  if (!cur) return NULL;
  for (;;) {
    size_t n = strlen(cur);
    char *candidate = malloc(n + 16);
    if (!candidate) break;
    snprintf(candidate, n + 16, "%s/.copydesk.json", strcmp(cur, "/") == 0 ? "" : cur);
    struct stat st;
    if (stat(candidate, &st) == 0 && S_ISREG(st.st_mode)) {
      path = candidate;
      break;
    }
    free(candidate);
    char *slash = strrchr(cur, '/');
    if (!slash || slash == cur) {
      if (strcmp(cur, "/") == 0) break;
      strcpy(cur, "/");
      continue;
    }
    *slash = 0;
  }
  free(cur);
  return path;
}

bool cd_config_load_file(cd_config *config, const char *path, char *error, size_t error_size) {
  json_error_t jerr;
  json_t *root = json_load_file(path, JSON_REJECT_DUPLICATES, &jerr);
  if (!root) {
    snprintf(error, error_size, "%s:%d:%d: %s", path, jerr.line, jerr.column, jerr.text);
    return false;
  }
  char msg[512];
  bool ok = cd_config_apply_json(config, root, msg, sizeof msg);
  if (!ok) snprintf(error, error_size, "%s: %s", path, msg);
  json_decref(root);
  return ok;
}
