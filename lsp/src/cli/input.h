/* Reading an article for `copydesk check`. */
#ifndef CD_CLI_INPUT_H
#define CD_CLI_INPUT_H
#include <stddef.h>

/* Reads a whole file (or standard input for "-") into a NUL-terminated buffer (free()).
 * NULL on failure, with *error set to a static message saying why. */
char *cd_cli_read_file(const char *path, size_t *len, const char **error);
/* The same with a limit of `max` bytes (cd_cli_read_file's is CD_MAX_TEXT_LEN): a longer input is
 * refused after reading at most max + 1 bytes of it. */
char *cd_cli_read_file_max(const char *path, size_t max, size_t *len, const char **error);

#endif
