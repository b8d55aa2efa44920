/* Hover: who said a quote and how we know; every form of a name. */
#include "copydesk/lsp_json.h"
#include "lsp_record.h"
#include "lsp_sources.h"
#include "lsp_text.h"
#include "server_internal.h"

#include <stdio.h>
#include <string.h>

static size_t line_no(const cd_doc *doc, size_t off) {
  return cd_line_index_line_of(doc->lines, off) + 1;
}

static void add_span_text(cd_text *t, const cd_doc *doc, cd_span s) {
  if (s.start > doc->len) s.start = doc->len;
  if (s.end > doc->len || s.end == CD_NONE) s.end = doc->len;
  if (s.end < s.start) s.end = s.start;
  if (t->markdown) cd_text_add(t, "\"");
  cd_text_user(t, doc->text + s.start, s.end - s.start);
  if (t->markdown) cd_text_add(t, "\"");
}

/* The speaker's full name: the entity's canonical name when there is one. */
static const char *speaker_name(const cd_report *report, const cd_quote *q) {
  size_t n_entities;
  const cd_entity *es = cd_report_entities(report, &n_entities);
  if (q->entity != CD_NONE && q->entity < n_entities) return es[q->entity].name;
  return q->speaker != NULL ? q->speaker : "?";
}

/* Counted from the quotes themselves, so it always matches the outline. */
static size_t speaker_quote_count(const cd_report *report, const cd_quote *q) {
  size_t n_quotes, count = 0;
  const cd_quote *qs = cd_report_quotes(report, &n_quotes);
  const char *name = cd_lsp_speaker_name(report, q);
  for (size_t i = 0; i < n_quotes && name != NULL; i++) {
    const char *other = cd_lsp_speaker_name(report, &qs[i]);
    if (cd_lsp_is_counted_quote(&qs[i]) && other != NULL && strcmp(other, name) == 0) count++;
  }
  return count;
}

static size_t entity_quote_count(const cd_report *report, size_t entity) {
  size_t n_quotes, count = 0;
  const cd_quote *qs = cd_report_quotes(report, &n_quotes);
  for (size_t i = 0; i < n_quotes; i++) {
    if (cd_lsp_is_counted_quote(&qs[i]) && qs[i].method != CD_ATTR_NONE && qs[i].entity == entity) count++;
  }
  return count;
}

static void hover_quote(cd_text *t, const cd_doc *doc, const cd_report *report, const cd_quote *q) {
  size_t n_quotes;
  const cd_quote *qs = cd_report_quotes(report, &n_quotes);
  const char *br = t->markdown ? "\n\n" : "\n";
  if (q->kind != CD_QUOTE_SPEECH) {
    cd_text_bold(t, q->kind == CD_QUOTE_TITLE ? "Title or name in quotes" : "Scare quotes",
                 strlen(q->kind == CD_QUOTE_TITLE ? "Title or name in quotes" : "Scare quotes"));
    cd_text_add(t, br);
    cd_text_add(t, "Not counted as anyone's words.");
    cd_text_add(t, br);
    cd_text_user(t, q->evidence, strlen(q->evidence));
    return;
  }
  if (q->method == CD_ATTR_NONE) {
    cd_text_bold(t, "No speaker found", 16);
    cd_text_add(t, br);
    cd_text_add(t, "Why: ");
    cd_text_user(t, q->evidence, strlen(q->evidence));
    return;
  }
  const char *name = speaker_name(report, q);
  cd_text_add(t, "Said by ");
  cd_text_bold(t, name, strlen(name));
  cd_text_add(t, br);
  if (q->relays != NULL) { /* the source is on record; the words are someone else's */
    cd_text_add(t, "The words are ");
    cd_text_bold(t, q->relays, strlen(q->relays));
    cd_text_add(t, "'s, as the source relays them");
    cd_text_add(t, br);
  }
  cd_text_add(t, "Attributed by ");
  add_span_text(t, doc, q->speaker_span);
  if (q->cue != NULL && q->cue_span.start != CD_NONE) {
    cd_text_add(t, " + ");
    add_span_text(t, doc, q->cue_span);
  }
  cd_text_printf(t, " (line %zu)", line_no(doc, q->speaker_span.start));
  cd_text_add(t, br);
  cd_text_add(t, "How: ");
  switch (q->method) {
  case CD_ATTR_EXPLICIT: cd_text_add(t, "explicit attribution"); break;
  case CD_ATTR_ACCORDING_TO: cd_text_add(t, "\"according to\""); break;
  case CD_ATTR_PRONOUN:
    add_span_text(t, doc, q->speaker_span);
    cd_text_add(t, " -> ");
    cd_text_user(t, name, strlen(name));
    break;
  case CD_ATTR_SOURCE: cd_text_add(t, "a named source that is not a person"); break;
  case CD_ATTR_CONTINUATION:
    /* a quote run over paragraphs may take its speaker from the tag of a later paragraph */
    /* (a headline's quote repeats words the story quotes) */
    cd_text_add(t, q->headline && q->continues != CD_NONE && q->continues < n_quotes ? "repeats the words of the quote"
                   : q->continues != CD_NONE && q->continues < n_quotes && qs[q->continues].span.start > q->span.start
                       ? "runs on into the quote"
                       : "continues the previous quote");
    if (q->continues != CD_NONE && q->continues < n_quotes) {
      cd_text_printf(t, " (line %zu)", line_no(doc, qs[q->continues].span.start));
    }
    break;
  case CD_ATTR_NONE: break;
  }
  cd_text_add(t, br);
  size_t count = speaker_quote_count(report, q);
  cd_text_user(t, name, strlen(name));
  cd_text_printf(t, " has %zu quote%s in this article.", count, count == 1 ? "" : "s");
  if (q->evidence != NULL && q->evidence[0] != '\0') {
    cd_text_add(t, br);
    if (t->markdown) cd_text_add(t, "_");
    cd_text_user(t, q->evidence, strlen(q->evidence));
    if (t->markdown) cd_text_add(t, "_");
  }
}

static void hover_entity(cd_text *t, const cd_doc *doc, const cd_report *report, size_t index) {
  size_t n_entities;
  const cd_entity *e = &cd_report_entities(report, &n_entities)[index];
  const char *br = t->markdown ? "\n\n" : "\n";
  cd_text_bold(t, e->name, strlen(e->name));
  cd_text_printf(t, " (%s)", cd_entity_kind_name(e->kind));
  cd_text_add(t, br);
  cd_text_add(t, "Forms used:");
  /* Each distinct form once, in order of first use: O(n^2) over one entity's mentions. */
  for (size_t i = 0; i < e->n_mentions; i++) {
    const char *form = e->mentions[i].text;
    bool seen = false;
    for (size_t j = 0; j < i && !seen; j++) seen = strcmp(e->mentions[j].text, form) == 0;
    if (seen) continue;
    size_t count = 0;
    for (size_t j = i; j < e->n_mentions; j++) count += strcmp(e->mentions[j].text, form) == 0;
    cd_text_add(t, t->markdown ? "\n- " : "\n  - ");
    if (t->markdown) cd_text_add(t, "\"");
    cd_text_user(t, form, strlen(form));
    if (t->markdown) cd_text_add(t, "\"");
    cd_text_printf(t, " × %zu, first on line %zu", count, line_no(doc, e->mentions[i].span.start));
  }
  cd_text_add(t, br);
  if (e->first_full != CD_NONE && e->first_full < e->n_mentions) {
    const cd_mention *m = &e->mentions[e->first_full];
    cd_text_add(t, "First full reference: ");
    if (t->markdown) cd_text_add(t, "\"");
    cd_text_user(t, m->text, strlen(m->text));
    if (t->markdown) cd_text_add(t, "\"");
    cd_text_printf(t, " on line %zu", line_no(doc, m->span.start));
  } else {
    cd_text_add(t, "No full reference in this article.");
  }
  size_t quoted = entity_quote_count(report, index);
  if (quoted > 0) {
    cd_text_add(t, br);
    cd_text_printf(t, "Quoted %zu time%s.", quoted, quoted == 1 ? "" : "s");
  }
}

static bool contains(cd_span s, size_t off) { return s.start <= off && off < s.end; }

int cd_lsp_hover(cd_server *server, json_t *params, json_t **result, char *error,
                 size_t error_size) {
  cd_doc *doc;
  const cd_report *report;
  size_t off;
  int rc = cd_server_position_param(server, params, &doc, &report, &off, error, error_size);
  if (rc != 0 || doc == NULL) return rc;
  size_t n_quotes, n_entities;
  const cd_quote *qs = cd_report_quotes(report, &n_quotes);
  const cd_entity *es = cd_report_entities(report, &n_entities);
  /* The smallest span under the cursor wins: a name inside a quote is the name. */
  const cd_quote *best_q = NULL;
  const cd_entity *best_e = NULL;
  cd_span best = {0, (size_t)-1};
  for (size_t i = 0; i < n_quotes; i++) {
    if (contains(qs[i].span, off) && qs[i].span.end - qs[i].span.start < best.end - best.start) {
      best = qs[i].span;
      best_q = &qs[i];
    }
  }
  for (size_t i = 0; i < n_entities; i++) {
    for (size_t j = 0; j < es[i].n_mentions; j++) {
      cd_span s = es[i].mentions[j].span;
      if (contains(s, off) && s.end - s.start < best.end - best.start) {
        best = s;
        best_e = &es[i];
        best_q = NULL;
      }
    }
  }
  /* On the attributing words ("he said"): the quote they attribute. */
  for (size_t i = 0; best_q == NULL && best_e == NULL && i < n_quotes; i++) {
    if (qs[i].method == CD_ATTR_NONE) continue;
    if (contains(qs[i].speaker_span, off)) best = qs[i].speaker_span;
    else if (qs[i].cue != NULL && contains(qs[i].cue_span, off)) best = qs[i].cue_span;
    else continue;
    best_q = &qs[i];
  }
  if (best_q == NULL && best_e == NULL) return 0; /* null: nothing here */
  cd_text t = {.markdown = server->caps.markdown_hover};
  if (best_e != NULL) hover_entity(&t, doc, report, (size_t)(best_e - es));
  else {
    hover_quote(&t, doc, report, best_q);
    cd_lsp_record_hover(&t, server, report, (size_t)(best_q - qs));
  }
  if (t.buf.oom || t.buf.data == NULL) {
    cd_text_free(&t);
    snprintf(error, error_size, "out of memory");
    return CD_RPC_INTERNAL_ERROR;
  }
  *result = json_pack("{s:{s:s,s:s},s:o}", "contents", "kind",
                      t.markdown ? "markdown" : "plaintext", "value", t.buf.data, "range",
                      cd_lsp_range_json(doc->lines, best.start, best.end, server->enc));
  cd_text_free(&t);
  return 0;
}
