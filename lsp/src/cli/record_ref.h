/* Where a quote's passage of the record is, for the output formats: the source's path and the
 * passage's lines and columns in it. */
#ifndef CD_CLI_RECORD_REF_H
#define CD_CLI_RECORD_REF_H
#include <stdbool.h>

#include "checked_file.h"

typedef struct cd_cli_record_ref {
  const cd_record_match *match;
  const char *path;    /* the source's name (its path) */
  cd_cli_range range;  /* the passage, in the source */
  char message[160];   /* "the record: RUIZ at 00:02:24, interview-ruiz.txt line 14" */
} cd_cli_record_ref;

/* The passage quote `quote` was found at; false when it was not found (or no sources). */
bool cd_cli_record_ref_of(const cd_cli_file *f, size_t quote, cd_cli_record_ref *out);

#endif
