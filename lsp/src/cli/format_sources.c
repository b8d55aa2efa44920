/* `copydesk sources`: the fact-checker's list, one entry per direct quote (speech; scare quotes
 * and titles are left out) in text order: where it is, who said it, how the speaker was found,
 * and the quote's first words. Text:
 *   path:line:column: SPEAKER (METHOD, "CUE"): "first words ..."
 * JSON: {"files": [{"path", "quotes": [...]}], "summary": {...}, "errors": [...]}. */
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "output.h"

#define FIRST_WORDS 8

/* The end of the first FIRST_WORDS words of [a, b); *cut when words remain after it. */
static size_t first_words_end(const char *s, size_t a, size_t b, bool *cut) {
  size_t words = 0, i = a;
  *cut = false;
  while (i < b) {
    while (i < b && (s[i] == ' ' || s[i] == '\n' || s[i] == '\t' || s[i] == '\r')) i++;
    if (i >= b) break;
    if (words == FIRST_WORDS) {
      *cut = true;
      break;
    }
    while (i < b && s[i] != ' ' && s[i] != '\n' && s[i] != '\t' && s[i] != '\r') i++;
    words++;
  }
  size_t end = i;
  while (end > a && (s[end - 1] == ' ' || s[end - 1] == '\n' || s[end - 1] == '\t' || s[end - 1] == '\r')) end--;
  return end;
}

/* The first words with runs of white space as one space, and "..." when cut. New string. */
static char *first_words(const cd_cli_file *f, const cd_quote *q) {
  bool cut;
  size_t end = first_words_end(f->text, q->inner.start, q->inner.end, &cut);
  char *out = malloc(end - q->inner.start + 4);
  if (!out) return NULL;
  size_t k = 0;
  bool space = false;
  for (size_t i = q->inner.start; i < end; i++) {
    char c = f->text[i];
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
      space = true;
      continue;
    }
    if (space && k) out[k++] = ' ';
    space = false;
    out[k++] = c;
  }
  if (cut) {
    memcpy(out + k, "...", 3);
    k += 3;
  }
  out[k] = 0;
  return out;
}

typedef struct sources_output {
  cd_cli_output base;
  const cd_cli_options *opt;
  json_t *files, *errors; /* JSON only */
} sources_output;

static void sources_text_file(cd_cli_output *o, cd_cli_file *f) {
  size_t n;
  const cd_quote *q = cd_report_quotes(f->report, &n);
  for (size_t i = 0; i < n; i++) {
    if (q[i].kind != CD_QUOTE_SPEECH) continue;
    cd_cli_range r = cd_cli_file_range(f, q[i].span);
    char *words = first_words(f, &q[i]);
    fprintf(o->out, "%s:%zu:%zu: %s (%s", f->path, r.line, r.col, q[i].speaker ? q[i].speaker : "no speaker",
            cd_attribution_method_name(q[i].method));
    if (q[i].cue) fprintf(o->out, ", \"%s\"", q[i].cue);
    fprintf(o->out, "%s): \"%s\"\n", q[i].headline ? ", headline" : "", words ? words : "");
    free(words);
  }
}

static void sources_text_finish(cd_cli_output *o, const cd_cli_totals *t, bool successful) {
  (void)successful;
  if (((sources_output *)o)->opt->quiet || (t->files == 0 && t->file_errors)) return;
  fprintf(o->out, "%zu quote%s in %zu file%s, %zu with no speaker\n", t->quotes, t->quotes == 1 ? "" : "s", t->files,
          t->files == 1 ? "" : "s", t->unattributed);
}

static json_t *str_or_null(const char *s) { return s ? json_string(s) : json_null(); }

static void sources_json_file(cd_cli_output *o, cd_cli_file *f) {
  sources_output *so = (sources_output *)o;
  size_t n;
  const cd_quote *q = cd_report_quotes(f->report, &n);
  json_t *list = json_array();
  for (size_t i = 0; i < n; i++) {
    if (q[i].kind != CD_QUOTE_SPEECH) continue;
    cd_cli_range r = cd_cli_file_range(f, q[i].span);
    char *words = first_words(f, &q[i]);
    json_t *j = json_pack("{s:I, s:I, s:I, s:I, s:o, s:s, s:o, s:s, s:s, s:b, s:b}", "line", (json_int_t)r.line,
                          "column", (json_int_t)r.col, "start", (json_int_t)q[i].span.start, "end",
                          (json_int_t)q[i].span.end, "speaker", str_or_null(q[i].speaker), "method",
                          cd_attribution_method_name(q[i].method), "cue", str_or_null(q[i].cue), "evidence",
                          q[i].evidence, "first_words", words ? words : "", "headline", q[i].headline, "partial",
                          q[i].partial);
    free(words);
    json_array_append_new(list, j);
  }
  json_array_append_new(so->files, json_pack("{s:s, s:o}", "path", f->path, "quotes", list));
}

static void sources_json_error(cd_cli_output *o, const char *path, const char *message) {
  json_array_append_new(((sources_output *)o)->errors, json_pack("{s:s, s:s}", "path", path, "message", message));
}

static void sources_json_finish(cd_cli_output *o, const cd_cli_totals *t, bool successful) {
  (void)successful;
  sources_output *so = (sources_output *)o;
  json_t *doc = json_pack("{s:O, s:{s:I, s:I, s:I}, s:O}", "files", so->files, "summary", "files",
                          (json_int_t)t->files, "quotes", (json_int_t)t->quotes, "unattributed",
                          (json_int_t)t->unattributed, "errors", so->errors);
  if (doc) {
    json_dumpf(doc, o->out, JSON_INDENT(1));
    fputc('\n', o->out);
  }
  json_decref(doc);
}

static void sources_config_error(cd_cli_output *o, const cd_config_error *e) {
  (void)o;
  (void)e; /* on stderr */
}

static void sources_free(cd_cli_output *o) {
  sources_output *so = (sources_output *)o;
  json_decref(so->files);
  json_decref(so->errors);
  free(so);
}

cd_cli_output *cd_cli_sources_text_output(FILE *out, const cd_cli_options *opt) {
  sources_output *so = calloc(1, sizeof *so);
  if (!so) return NULL;
  so->opt = opt;
  so->base = (cd_cli_output){out, sources_config_error, sources_text_file, cd_cli_ignore_event, cd_cli_ignore_event,
                             sources_text_finish, sources_free};
  return &so->base;
}

cd_cli_output *cd_cli_sources_json_output(FILE *out, const cd_cli_options *opt) {
  sources_output *so = calloc(1, sizeof *so);
  if (!so) return NULL;
  so->opt = opt;
  so->base = (cd_cli_output){out, sources_config_error, sources_json_file, sources_json_error, cd_cli_ignore_event,
                             sources_json_finish, sources_free};
  so->files = json_array();
  so->errors = json_array();
  if (!so->files || !so->errors) {
    sources_free(&so->base);
    return NULL;
  }
  return &so->base;
}
