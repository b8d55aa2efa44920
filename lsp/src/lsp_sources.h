/* Who is quoted: the speech quotes of a report grouped by source. Shared by
 * inlay hints, document symbols and the code lens so they always agree. */
#ifndef COPYDESK_LSP_SOURCES_H
#define COPYDESK_LSP_SOURCES_H

#include "copydesk/analyzer.h"

#include <stdbool.h>
#include <stddef.h>

/* Someone's words at the outer level: what an editor counts as a quote. */
bool cd_lsp_is_counted_quote(const cd_quote *q);
/* The speaker's display name (entity's canonical name when known), or NULL
 * when the quote is unattributed. Borrowed from the report. */
const char *cd_lsp_speaker_name(const cd_report *report, const cd_quote *q);

typedef struct cd_source {
  const char *name;     /* borrowed; NULL for the "unattributed" group */
  size_t entity;        /* entity index or CD_NONE */
  size_t *quotes;       /* indexes into cd_report_quotes(), text order (into `all`) */
  size_t n_quotes;
} cd_source;

typedef struct cd_sources {
  cd_source *items;     /* in order of first quote */
  size_t *all;          /* storage for every source's quote indexes */
  size_t n;
  size_t n_quotes;      /* counted quotes */
  size_t n_unattributed;
  size_t n_speakers;    /* sources other than the unattributed group */
} cd_sources;

/* Groups the report's counted quotes. false when out of memory (then
 * nothing needs freeing). */
bool cd_sources_build(const cd_report *report, cd_sources *out);
void cd_sources_free(cd_sources *sources);

#endif
