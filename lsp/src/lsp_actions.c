/* Code actions: the analyzer's fixes as quick fixes, "add an attribution" on an unattributed
 * quote, plus "ignore here". */
#include "copydesk/lsp_json.h"
#include "server_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* True when context.only (if any) admits "quickfix". */
static bool wants_quickfix(const json_t *only) {
  size_t i;
  json_t *k;
  if (!json_is_array(only)) return true;
  json_array_foreach(only, i, k) {
    const char *s = json_string_value(k);
    if (s == NULL) continue;
    size_t n = strlen(s);
    if (n == 0 || strcmp(s, "quickfix") == 0) return true;
    if (strncmp("quickfix", s, n) == 0 && "quickfix"[n] == '.') return true;
  }
  return false;
}

static json_t *text_edit(const cd_server *server, const cd_doc *doc, size_t start, size_t end,
                         const char *new_text) {
  return json_pack("{s:o,s:s}", "range", cd_lsp_range_json(doc->lines, start, end, server->enc),
                   "newText", new_text);
}

/* A WorkspaceEdit of `edits` (stolen) on `doc`, in the shape the client takes. */
static json_t *workspace_edit(const cd_server *server, const cd_doc *doc, json_t *edits) {
  if (server->caps.document_changes) {
    return json_pack("{s:[{s:{s:s,s:I},s:o}]}", "documentChanges", "textDocument", "uri",
                     doc->uri, "version", (json_int_t)doc->version, "edits", edits);
  }
  json_t *changes = json_object();
  json_object_set_new(changes, doc->uri, edits);
  return json_pack("{s:o}", "changes", changes);
}

static json_t *action(const char *title, const json_t *diagnostic, bool preferred, json_t *edit) {
  return json_pack("{s:s,s:s,s:[O],s:b,s:o}", "title", title, "kind", "quickfix", "diagnostics",
                   diagnostic, "isPreferred", preferred, "edit", edit);
}

/* ---- add an attribution ------------------------------------------------------ */

/* The placeholder the writer replaces with the speaker's name. */
#define SPEAKER "SPEAKER"

/* Where the attribution goes and what it says, in news style, for a quote ending at `end`
 * (just past its closing mark): "Nobody asked us." -> "Nobody asked us," SPEAKER said.
 * The replacement of [from, to) is lead + SPEAKER + tail. False when the quote does not end a
 * sentence, where no one phrasing fits. */
static bool attribution_edit(const cd_doc *doc, size_t start, size_t end, size_t *from, size_t *to,
                             char *lead, size_t lead_size, const char **tail) {
  const char *t = doc->text;
  size_t mark = end;
  if (end <= start + 1) return false;
  do mark--; while (mark > start && ((unsigned char)t[mark] & 0xC0) == 0x80); /* the closing mark */
  if (mark <= start) return false;
  char last = t[mark - 1], next = end < doc->len ? t[end] : '\0';
  *from = *to = end;
  if (next == '.') { /* "Not us". -> "Not us", SPEAKER said. */
    snprintf(lead, lead_size, ", ");
    *tail = " said";
  } else if (last == '.') { /* the full stop inside the mark becomes a comma */
    *from = mark - 1;
    snprintf(lead, lead_size, ",%.*s ", (int)(end - mark), t + mark);
    *tail = " said.";
  } else if (last == '?' || last == '!') {
    snprintf(lead, lead_size, " ");
    *tail = " said.";
  } else if (last == ',') {
    snprintf(lead, lead_size, " ");
    *tail = " said";
  } else {
    return false;
  }
  return true;
}

/* A quick fix that adds "SPEAKER said" after an unattributed quote. Clients that can insert a
 * snippet (the VS Code extension, through its command) get SPEAKER as a placeholder to type over;
 * others get the word itself to replace. */
static json_t *attribution_action(const cd_server *server, const cd_doc *doc, const cd_diagnostic *d,
                                  const json_t *diagnostic) {
  size_t from, to;
  char lead[16], text[64];
  const char *tail;
  if (!attribution_edit(doc, d->span.start, d->span.end, &from, &to, lead, sizeof lead, &tail)) return NULL;
  const char *title = "Add an attribution (SPEAKER said)";
  if (server->caps.snippet_command != NULL) {
    /* Nothing but the placeholder needs escaping: lead and tail hold no $, } or \. */
    snprintf(text, sizeof text, "%s${1:" SPEAKER "}%s", lead, tail);
    return json_pack("{s:s,s:s,s:[O],s:b,s:{s:s,s:s,s:[s,I,o,s]}}", "title", title, "kind", "quickfix",
                     "diagnostics", diagnostic, "isPreferred", 1, "command", "title", title, "command",
                     server->caps.snippet_command, "arguments", doc->uri, (json_int_t)doc->version,
                     cd_lsp_range_json(doc->lines, from, to, server->enc), text);
  }
  snprintf(text, sizeof text, "%s" SPEAKER "%s", lead, tail);
  json_t *edits = json_pack("[o]", text_edit(server, doc, from, to, text));
  return action(title, diagnostic, true, workspace_edit(server, doc, edits));
}

/* Inserts the inline control that silences `code` on the diagnostic's line. */
static json_t *ignore_action(const cd_server *server, const cd_doc *doc, const cd_diagnostic *d,
                             const json_t *diagnostic) {
  size_t line = cd_line_index_line_of(doc->lines, d->span.start);
  size_t start = cd_line_index_line_start(doc->lines, line);
  size_t end = cd_line_index_line_end(doc->lines, line);
  /* Keep the document's own line breaks. */
  const char *eol = end + 1 < doc->len && doc->text[end] == '\r' && doc->text[end + 1] == '\n'
                        ? "\r\n" : (end < doc->len && doc->text[end] == '\r' ? "\r" : "\n");
  char insert[256], title[256];
  if (doc->format == CD_FORMAT_MARKDOWN) {
    snprintf(insert, sizeof insert, "<!-- copydesk-disable-next-line %s -->%s", d->code, eol);
  } else {
    snprintf(insert, sizeof insert, "copydesk-disable-next-line %s%s", d->code, eol);
  }
  snprintf(title, sizeof title, "Ignore %s on this line", d->code);
  json_t *edits = json_pack("[o]", text_edit(server, doc, start, start, insert));
  return action(title, diagnostic, false, workspace_edit(server, doc, edits));
}

int cd_lsp_code_action(cd_server *server, json_t *params, json_t **result, char *error,
                       size_t error_size) {
  size_t start, end;
  json_t *context = json_object_get(params, "context");
  if (context != NULL && !json_is_object(context)) {
    snprintf(error, error_size, "params.context must be an object");
    return CD_RPC_INVALID_PARAMS;
  }
  cd_doc *doc = NULL;
  int rc = cd_server_range_param(server, params, &doc, &start, &end, error, error_size);
  if (rc != 0 || doc == NULL) {
    if (rc == 0) *result = json_array();
    return rc;
  }
  const cd_report *report = cd_server_analysis(server, doc);
  if (report == NULL) {
    snprintf(error, error_size, "out of memory");
    return CD_RPC_INTERNAL_ERROR;
  }
  json_t *actions = json_array();
  if (actions == NULL) return CD_RPC_INTERNAL_ERROR;
  if (!wants_quickfix(json_object_get(context, "only"))) {
    *result = actions;
    return 0;
  }
  size_t n;
  const cd_diagnostic *ds = cd_report_diagnostics(report, &n);
  for (size_t i = 0; i < n; i++) {
    const cd_diagnostic *d = &ds[i];
    if (d->span.start > end || d->span.end < start) continue; /* no overlap */
    json_t *diagnostic = cd_lsp_diagnostic(server, doc, d);
    if (diagnostic == NULL) continue;
    for (size_t f = 0; f < d->n_fixes; f++) {
      const cd_fix *fix = &d->fixes[f];
      json_t *edits = json_array();
      for (size_t k = 0; k < fix->n_edits; k++) {
        json_array_append_new(edits, text_edit(server, doc, fix->edits[k].span.start,
                                               fix->edits[k].span.end, fix->edits[k].new_text));
      }
      json_array_append_new(actions, action(fix->title, diagnostic, fix->preferred,
                                            workspace_edit(server, doc, edits)));
    }
    if (strcmp(d->code, "quote.unattributed") == 0) {
      json_t *add = attribution_action(server, doc, d, diagnostic);
      if (add != NULL) json_array_append_new(actions, add);
    }
    /* Hints (the list of attributed quotes) are information, not findings to silence. */
    if (d->severity != CD_SEVERITY_HINT) {
      json_array_append_new(actions, ignore_action(server, doc, d, diagnostic));
    }
    json_decref(diagnostic);
  }
  *result = actions;
  return 0;
}
