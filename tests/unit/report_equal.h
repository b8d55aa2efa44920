/* Deep comparison of two reports, field by field (strings by content). Included by tests. */
#ifndef COPYDESK_REPORT_EQUAL_H
#define COPYDESK_REPORT_EQUAL_H

#include <stdio.h>
#include <string.h>

#include "copydesk/analyzer.h"

static inline bool str_same(const char *a, const char *b) { return a == b || (a && b && strcmp(a, b) == 0); }
static inline bool span_same(cd_span a, cd_span b) { return a.start == b.start && a.end == b.end; }

/* NULL when a and b say the same thing; else what differs first (static storage). */
static inline const char *report_difference(const cd_report *a, const cd_report *b) {
  static char why[160];
  size_t na, nb;
  const cd_quote *qa = cd_report_quotes(a, &na), *qb = cd_report_quotes(b, &nb);
  if (na != nb) return "number of quotes";
  for (size_t i = 0; i < na; i++) {
    const cd_quote *x = &qa[i], *y = &qb[i];
    if (!span_same(x->span, y->span) || !span_same(x->inner, y->inner) || x->kind != y->kind ||
        x->level != y->level || x->headline != y->headline || x->partial != y->partial || x->closed != y->closed ||
        x->paragraph_continues != y->paragraph_continues || x->method != y->method ||
        !str_same(x->speaker, y->speaker) || !span_same(x->speaker_span, y->speaker_span) ||
        !str_same(x->cue, y->cue) || !span_same(x->cue_span, y->cue_span) || x->entity != y->entity ||
        x->continues != y->continues || !str_same(x->evidence, y->evidence)) {
      snprintf(why, sizeof why, "quote %zu at byte %zu", i, x->span.start);
      return why;
    }
  }
  const cd_entity *ea = cd_report_entities(a, &na), *eb = cd_report_entities(b, &nb);
  if (na != nb) return "number of entities";
  for (size_t i = 0; i < na; i++) {
    const cd_entity *x = &ea[i], *y = &eb[i];
    if (!str_same(x->name, y->name) || x->kind != y->kind || x->n_mentions != y->n_mentions ||
        x->first_full != y->first_full || x->n_quotes != y->n_quotes) {
      snprintf(why, sizeof why, "entity %zu (%s)", i, x->name ? x->name : "?");
      return why;
    }
    for (size_t m = 0; m < x->n_mentions; m++)
      if (!span_same(x->mentions[m].span, y->mentions[m].span) || !str_same(x->mentions[m].text, y->mentions[m].text) ||
          x->mentions[m].in_quote != y->mentions[m].in_quote || x->mentions[m].headline != y->mentions[m].headline) {
        snprintf(why, sizeof why, "entity %zu mention %zu", i, m);
        return why;
      }
  }
  const cd_diagnostic *da = cd_report_diagnostics(a, &na), *db = cd_report_diagnostics(b, &nb);
  if (na != nb) return "number of diagnostics";
  for (size_t i = 0; i < na; i++) {
    const cd_diagnostic *x = &da[i], *y = &db[i];
    bool same = str_same(x->code, y->code) && x->severity == y->severity && span_same(x->span, y->span) &&
                str_same(x->message, y->message) && x->n_related == y->n_related && x->n_fixes == y->n_fixes &&
                x->quote == y->quote && x->entity == y->entity;
    for (size_t k = 0; same && k < x->n_related; k++)
      same = span_same(x->related[k].span, y->related[k].span) && str_same(x->related[k].message, y->related[k].message);
    for (size_t k = 0; same && k < x->n_fixes; k++) {
      const cd_fix *f = &x->fixes[k], *g = &y->fixes[k];
      same = str_same(f->title, g->title) && f->preferred == g->preferred && f->n_edits == g->n_edits;
      for (size_t e = 0; same && e < f->n_edits; e++)
        same = span_same(f->edits[e].span, g->edits[e].span) && str_same(f->edits[e].new_text, g->edits[e].new_text);
    }
    if (!same) {
      snprintf(why, sizeof why, "diagnostic %zu (%s at byte %zu)", i, x->code, x->span.start);
      return why;
    }
  }
  const cd_span *pa = cd_report_paragraphs(a, &na), *pb = cd_report_paragraphs(b, &nb);
  if (na != nb) return "number of paragraphs";
  for (size_t i = 0; i < na; i++)
    if (!span_same(pa[i], pb[i])) return "a paragraph's span";
  if (!span_same(cd_report_headline(a), cd_report_headline(b))) return "the headline";
  return NULL;
}

#endif
