/* Text output, as gcc and ruff print it: for each shown finding
 *   path:line:column: severity: message [code]
 *      3 | the source line, cut to a window around the finding
 *        |        ^~~~~~~
 * then a summary line with the counts and, under it, the count of shown findings per rule.
 * Colour (on a terminal unless NO_COLOR is set, or by --color) marks severities and the caret. */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <utf8proc.h>

#include "output.h"

/* Characters of the source line shown around a finding; longer lines are cut with "...". */
#define WINDOW 100
#define BEFORE 30

typedef struct rule_count {
  const char *code; /* static (the rule table) */
  size_t n;
} rule_count;

typedef struct text_output {
  cd_cli_output base;
  const cd_cli_options *opt;
  bool color;
  rule_count *rules; /* one per rule in cd_rules() */
  size_t n_rules, hidden;
} text_output;

static const char *severity_color(cd_severity s) {
  switch (s) {
  case CD_SEVERITY_ERROR: return "\033[1;31m";
  case CD_SEVERITY_WARNING: return "\033[1;33m";
  case CD_SEVERITY_INFO: return "\033[1;36m";
  case CD_SEVERITY_HINT:
  case CD_SEVERITY_OFF: break;
  }
  return "\033[1;32m";
}

static const char *paint(const text_output *t, const char *code) { return t->color ? code : ""; }

/* The display width of the character at i (tabs and control characters count as one space). */
static int char_width(const char *s, size_t len, size_t i, size_t *n) {
  *n = cd_char_len(s, len, i);
  utf8proc_int32_t cp;
  if (utf8proc_iterate((const utf8proc_uint8_t *)s + i, (utf8proc_ssize_t)*n, &cp) <= 0 || cp < 0x20) return 1;
  int w = utf8proc_charwidth(cp);
  return w < 0 ? 1 : w;
}

/* Writes bytes [a, b) of a line; tabs and control bytes as spaces. Returns the display width. */
static size_t put_span(FILE *out, const char *s, size_t len, size_t a, size_t b) {
  size_t width = 0;
  for (size_t i = a; i < b;) {
    size_t run = i; /* printable ASCII, one column a byte, written in one piece */
    while (run < b && (unsigned char)s[run] >= 0x20 && (unsigned char)s[run] < 0x7f) run++;
    if (run > i) {
      fwrite(s + i, 1, run - i, out);
      width += run - i;
      i = run;
      continue;
    }
    size_t n;
    int w = char_width(s, len, i, &n);
    if ((unsigned char)s[i] < 0x20 || (n == 1 && (unsigned char)s[i] >= 0x80)) fputc(' ', out);
    else fwrite(s + i, 1, n, out);
    width += (size_t)w;
    i += n;
  }
  return width;
}

/* Moves `from` back (dir < 0) or forward over `count` characters within [lo, hi). */
static size_t step_chars(const char *s, size_t len, size_t from, size_t count, int dir, size_t lo, size_t hi) {
  size_t i = from;
  for (size_t k = 0; k < count; k++) {
    if (dir < 0) {
      if (i <= lo) break;
      i--;
      while (i > lo && ((unsigned char)s[i] & 0xC0) == 0x80) i--;
    } else {
      if (i >= hi) break;
      i += cd_char_len(s, len, i);
    }
  }
  return i;
}

static void print_source(text_output *t, const cd_cli_file *f, const cd_cli_range *r, cd_severity sev) {
  FILE *out = t->base.out;
  size_t ls, le;
  cd_cli_file_line(f, r->start, &ls, &le);
  size_t end = r->end < le ? r->end : le; /* underline to the end of the first line */
  size_t a = ls, b = step_chars(f->text, f->len, ls, WINDOW + 1, 1, ls, le);
  if (b < le) { /* longer than the window: a window around the finding */
    a = step_chars(f->text, f->len, r->start, BEFORE, -1, ls, le);
    b = step_chars(f->text, f->len, a, WINDOW, 1, ls, le);
  }
  if (b < end) end = b;
  char num[24];
  int gutter = snprintf(num, sizeof num, "%zu", r->line);
  fprintf(out, "%s%*s |%s ", paint(t, "\033[1;34m"), gutter + 1, num, paint(t, "\033[0m"));
  size_t lead = 0;
  if (a > ls) {
    fputs("...", out);
    lead = 3;
  }
  lead += put_span(out, f->text, f->len, a, r->start);
  size_t width = 0;
  for (size_t i = r->start; i < end;) { /* the span's width, without writing it */
    size_t n;
    width += (size_t)char_width(f->text, f->len, i, &n);
    i += n;
  }
  put_span(out, f->text, f->len, r->start, b);
  if (b < le) fputs("...", out);
  fputc('\n', out);
  fprintf(out, "%s%*s |%s ", paint(t, "\033[1;34m"), gutter + 1, "", paint(t, "\033[0m"));
  fprintf(out, "%*s%s^", (int)lead, "", paint(t, severity_color(sev)));
  for (size_t k = 1; k < width; k++) fputc('~', out);
  fprintf(out, "%s\n", paint(t, "\033[0m"));
}

static void count_rule(text_output *t, const char *code) {
  for (size_t k = 0; k < t->n_rules; k++)
    if (strcmp(t->rules[k].code, code) == 0) {
      t->rules[k].n++;
      return;
    }
}

static void text_file(cd_cli_output *o, cd_cli_file *f) {
  text_output *t = (text_output *)o;
  for (size_t i = 0; i < f->n_diags; i++) {
    const cd_diagnostic *d = &f->diags[i];
    if (!cd_cli_file_shows(f, i)) {
      t->hidden++;
      continue;
    }
    count_rule(t, d->code);
    const cd_cli_range *r = &f->pos[i].span;
    fprintf(o->out, "%s%s:%zu:%zu:%s %s%s:%s %s %s[%s]%s\n", paint(t, "\033[1m"), f->path, r->line, r->col,
            paint(t, "\033[0m"), paint(t, severity_color(d->severity)), cd_severity_name(d->severity),
            paint(t, "\033[0m"), d->message, paint(t, "\033[2m"), d->code, paint(t, "\033[0m"));
    print_source(t, f, r, d->severity);
  }
}

static void text_config_error(cd_cli_output *o, const cd_config_error *e) {
  (void)o;
  (void)e; /* on stderr already */
}

static const char *plural(size_t n) { return n == 1 ? "" : "s"; }

static int by_count(const void *a, const void *b) {
  const rule_count *x = a, *y = b;
  if (x->n != y->n) return x->n > y->n ? -1 : 1;
  return strcmp(x->code, y->code);
}

static void text_finish(cd_cli_output *o, const cd_cli_totals *tt, bool successful) {
  (void)successful;
  text_output *t = (text_output *)o;
  if (t->opt->quiet || (tt->files == 0 && tt->file_errors > 0)) return; /* the errors are on stderr */
  const size_t *c = tt->counts;
  fprintf(o->out, "%zu file%s checked: %zu quote%s (%zu unattributed); %zu error%s, %zu warning%s, %zu info, %zu hint%s",
          tt->files, plural(tt->files), tt->quotes, plural(tt->quotes), tt->unattributed, c[CD_SEVERITY_ERROR],
          plural(c[CD_SEVERITY_ERROR]), c[CD_SEVERITY_WARNING], plural(c[CD_SEVERITY_WARNING]), c[CD_SEVERITY_INFO],
          c[CD_SEVERITY_HINT], plural(c[CD_SEVERITY_HINT]));
  if (tt->file_errors) fprintf(o->out, "; %zu file%s could not be read", tt->file_errors, plural(tt->file_errors));
  if (tt->skipped) fprintf(o->out, "; %zu binary file%s skipped", tt->skipped, plural(tt->skipped));
  fputc('\n', o->out);
  if (t->hidden)
    fprintf(o->out, "%zu finding%s below %s not shown (--min-severity hint shows all)\n", t->hidden, plural(t->hidden),
            cd_severity_name(cd_cli_min_severity(t->opt)));
  qsort(t->rules, t->n_rules, sizeof *t->rules, by_count);
  for (size_t k = 0; k < t->n_rules && t->rules[k].n; k++)
    fprintf(o->out, "%6zu  %s\n", t->rules[k].n, t->rules[k].code);
}

static void text_free(cd_cli_output *o) {
  free(((text_output *)o)->rules);
  free(o);
}

/* --color auto: on a terminal, unless NO_COLOR is set to anything non-empty or TERM is dumb. */
static bool use_color(FILE *out, cd_cli_color mode) {
  if (mode != CD_CLI_COLOR_AUTO) return mode == CD_CLI_COLOR_ALWAYS;
  const char *no = getenv("NO_COLOR"), *term = getenv("TERM");
  if (no && *no) return false;
  if (term && strcmp(term, "dumb") == 0) return false;
  return isatty(fileno(out));
}

cd_cli_output *cd_cli_text_output(FILE *out, const cd_cli_options *opt) {
  text_output *t = calloc(1, sizeof *t);
  size_t n;
  const cd_rule_info *rules = cd_rules(&n);
  if (t) t->rules = calloc(n ? n : 1, sizeof *t->rules);
  if (!t || !t->rules) {
    free(t);
    return NULL;
  }
  for (size_t k = 0; k < n; k++) t->rules[k].code = rules[k].code;
  t->n_rules = n;
  t->opt = opt;
  t->color = use_color(out, opt->color);
  t->base = (cd_cli_output){out, text_config_error, text_file, cd_cli_ignore_event, cd_cli_ignore_event, text_finish,
                            text_free};
  return &t->base;
}
