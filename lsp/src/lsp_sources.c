/* Grouping quotes by source (quadratic in sources; articles have few). */
#include "lsp_sources.h"

#include <stdlib.h>
#include <string.h>

bool cd_lsp_is_counted_quote(const cd_quote *q) {
  return q->kind == CD_QUOTE_SPEECH && q->level == 0;
}

const char *cd_lsp_speaker_name(const cd_report *report, const cd_quote *q) {
  if (q->method == CD_ATTR_NONE) return NULL;
  size_t n;
  const cd_entity *es = cd_report_entities(report, &n);
  if (q->entity != CD_NONE && q->entity < n) return es[q->entity].name;
  return q->speaker != NULL ? q->speaker : "?";
}

static bool same_source(const cd_source *s, const char *name, size_t entity) {
  if (entity != CD_NONE || s->entity != CD_NONE) return s->entity == entity;
  if (s->name == NULL || name == NULL) return s->name == name;
  return strcmp(s->name, name) == 0;
}

bool cd_sources_build(const cd_report *report, cd_sources *out) {
  size_t n_quotes;
  const cd_quote *qs = cd_report_quotes(report, &n_quotes);
  size_t *source_of = NULL;
  bool ok = false;
  memset(out, 0, sizeof *out);
  if (n_quotes == 0) return true;
  /* Pass 1 finds each quote's source; pass 2 lays the quotes out in one array. */
  out->items = calloc(n_quotes, sizeof *out->items); /* at most one source per quote */
  out->all = malloc(n_quotes * sizeof *out->all);
  source_of = malloc(n_quotes * sizeof *source_of);
  if (out->items == NULL || out->all == NULL || source_of == NULL) goto cleanup;
  for (size_t i = 0; i < n_quotes; i++) {
    const cd_quote *q = &qs[i];
    source_of[i] = CD_NONE;
    if (!cd_lsp_is_counted_quote(q)) continue;
    const char *name = cd_lsp_speaker_name(report, q);
    size_t entity = name != NULL ? q->entity : CD_NONE;
    out->n_quotes++;
    if (name == NULL) out->n_unattributed++;
    size_t k = 0;
    while (k < out->n && !same_source(&out->items[k], name, entity)) k++;
    if (k == out->n) {
      out->items[k].name = name;
      out->items[k].entity = entity;
      out->n++;
      if (name != NULL) out->n_speakers++;
    }
    out->items[k].n_quotes++;
    source_of[i] = k;
  }
  size_t at = 0;
  for (size_t k = 0; k < out->n; k++) {
    out->items[k].quotes = out->all + at;
    at += out->items[k].n_quotes;
    out->items[k].n_quotes = 0;
  }
  for (size_t i = 0; i < n_quotes; i++) {
    if (source_of[i] == CD_NONE) continue;
    cd_source *src = &out->items[source_of[i]];
    src->quotes[src->n_quotes++] = i;
  }
  ok = true;
cleanup:
  free(source_of);
  if (!ok) cd_sources_free(out);
  return ok;
}

void cd_sources_free(cd_sources *sources) {
  free(sources->all);
  free(sources->items);
  memset(sources, 0, sizeof *sources);
}
