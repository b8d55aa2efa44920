/* Inline controls.
 *
 * A control is a line of its own: in Markdown an HTML comment
 *     <!-- copydesk-disable name.courtesy-title -->
 * and in plain text the same comment or the bare words
 *     copydesk-disable name.courtesy-title
 * Kinds: copydesk-disable [CODE...], copydesk-enable [CODE...], copydesk-disable-next-line [CODE...].
 * No code means every rule; "name.*" means every rule starting "name."; codes are separated by
 * spaces or commas, and " -- " starts a free-text reason ("copydesk-disable quote.unattributed --
 * checked with the desk"). In Markdown, lines inside fenced code blocks are never controls, and a
 * multi-line comment may hold bare control lines ("<!--", "copydesk-disable ...", "-->").
 *
 * disable/enable act from the control line onwards, in text order: a diagnostic is off when the
 * last disable/enable before it that names its rule is a disable. disable-next-line switches its
 * rules off for the next line with any text on it. A code that names no rule is reported
 * (control.unknown-rule), with a fix when a rule code is close to it. */
#include "controls.h"

#include <string.h>

enum { CTL_DISABLE, CTL_ENABLE, CTL_NEXT_LINE };

typedef struct control {
  size_t pos;        /* disable/enable: where it takes effect; next-line: start of the line */
  size_t end;        /* next-line: end of the line */
  const char *code;  /* NULL: every rule */
  size_t code_len;   /* for a prefix ("name.*"), the length of "name." */
  bool prefix;
  int kind;
} control;

static bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r'; }

static size_t line_end(const cd_doc *doc, size_t pos) {
  const char *nl = memchr(doc->text + pos, '\n', doc->len - pos);
  return nl ? (size_t)(nl - doc->text) : doc->len;
}

static bool at(const char *s, size_t a, size_t b, const char *word) {
  size_t n = strlen(word);
  return b - a >= n && memcmp(s + a, word, n) == 0;
}

/* The span of the next line with any text after `pos` that is not itself a control, so that
 * stacked disable-next-line controls all reach the line below them. */
static void next_text_line(const cd_doc *doc, size_t pos, size_t *start, size_t *end) {
  while (pos < doc->len) {
    size_t e = line_end(doc, pos);
    size_t k = pos;
    while (k < e && is_space(doc->text[k])) k++;
    size_t w = at(doc->text, k, e, "<!--") ? k + 4 : k;
    while (w < e && is_space(doc->text[w])) w++;
    bool is_control = at(doc->text, w, e, "copydesk-disable") || at(doc->text, w, e, "copydesk-enable");
    if (is_control && doc->format == CD_FORMAT_MARKDOWN && w == k) is_control = false; /* bare: prose in Markdown */
    if (k < e && !is_control) {
      *start = pos;
      *end = e;
      return;
    }
    pos = e + 1;
  }
  *start = *end = doc->len;
}

static bool control_matches(const control *c, const char *code) {
  if (!c->code) return true;
  if (c->prefix) return strncmp(code, c->code, c->code_len) == 0;
  return strlen(code) == c->code_len && memcmp(code, c->code, c->code_len) == 0;
}

/* Is `code` (not NUL-terminated) a rule, or a "prefix.*" that covers at least one rule? */
static bool known_code(const char *code, size_t n, bool *prefix) {
  size_t count;
  const cd_rule_info *rules = cd_rules(&count);
  *prefix = n >= 2 && code[n - 1] == '*' && code[n - 2] == '.';
  for (size_t i = 0; i < count; i++) {
    if (*prefix ? strncmp(rules[i].code, code, n - 1) == 0
                : strlen(rules[i].code) == n && memcmp(rules[i].code, code, n) == 0)
      return true;
  }
  return false;
}

/* Edit distance, capped: codes are short. */
static size_t distance(const char *a, size_t na, const char *b, size_t nb) {
  size_t row[65];
  if (na > 64 || nb > 64) return (size_t)-1;
  for (size_t j = 0; j <= nb; j++) row[j] = j;
  for (size_t i = 1; i <= na; i++) {
    size_t diag = row[0];
    row[0] = i;
    for (size_t j = 1; j <= nb; j++) {
      size_t up = row[j];
      size_t best = diag + (a[i - 1] != b[j - 1]);
      if (up + 1 < best) best = up + 1;
      if (row[j - 1] + 1 < best) best = row[j - 1] + 1;
      row[j] = best;
      diag = up;
    }
  }
  return row[nb];
}

/* The rule code nearest to an unknown one, when it is plausibly a typo. */
static const char *suggestion(const char *code, size_t n) {
  size_t count, best = (size_t)-1;
  const cd_rule_info *rules = cd_rules(&count);
  const char *found = NULL;
  for (size_t i = 0; i < count; i++) {
    size_t d = distance(code, n, rules[i].code, strlen(rules[i].code));
    if (d < best) {
      best = d;
      found = rules[i].code;
    }
  }
  return best <= 3 ? found : NULL;
}

static void report_unknown(cd_doc *doc, size_t a, size_t c) {
  const char *s = doc->text;
  size_t n = c - a;
  int shown = n > 64 ? 64 : (int)n;
  const char *near = suggestion(s + a, n);
  const char *msg =
      near ? cd_arena_printf(doc->arena,
                             "'%.*s' is not a copydesk rule, so this control does nothing. Did you mean %s?",
                             shown, s + a, near)
           : cd_arena_printf(doc->arena,
                             "'%.*s' is not a copydesk rule; this control does nothing. Use a code such as "
                             "quote.unattributed or name.*.",
                             shown, s + a);
  cd_diagnostic *d = cd_doc_add_diag(doc, "control.unknown-rule", a, c, msg);
  if (d && near) {
    cd_fix *f = cd_diag_add_fix(doc, d, cd_arena_printf(doc->arena, "Change to %s", near), true);
    if (f) cd_fix_add_edit(doc, f, a, c, near);
  }
}


/* The first "-->" at or after `from` (CD_NONE: none). The answer for one `from` holds for every
 * later `from` up to it, so a run of unclosed comments stays linear. */
typedef struct close_cache {
  size_t from, at; /* searched from `from`, found at `at`; from == CD_NONE: nothing cached */
} close_cache;

static size_t comment_close(const cd_doc *doc, size_t from, close_cache *cache) {
  if (cache->from != CD_NONE && from >= cache->from && (cache->at == CD_NONE || from <= cache->at)) return cache->at;
  size_t at = CD_NONE;
  for (size_t i = from; i + 3 <= doc->len; i++) {
    if (doc->text[i] == '-' && memcmp(doc->text + i, "-->", 3) == 0) {
      at = i;
      break;
    }
  }
  cache->from = from;
  cache->at = at;
  return at;
}

/* Parses one line [a, b); adds its controls. `in_comment`: the line is inside a multi-line HTML
 * comment, so a bare control counts in Markdown too. */
static void handle_line(cd_doc *doc, size_t a, size_t b, cd_vec *controls, bool in_comment, close_cache *cache) {
  const char *s = doc->text;
  while (a < b && is_space(s[a])) a++;
  bool comment = in_comment || at(s, a, b, "<!--");
  if (at(s, a, b, "<!--")) {
    a += 4;
    while (a < b && is_space(s[a])) a++;
  }
  if (!at(s, a, b, "copydesk-")) return;
  if (doc->format == CD_FORMAT_MARKDOWN && !comment) return; /* in Markdown only comments are controls */
  a += 9;
  int kind;
  if (at(s, a, b, "disable-next-line")) {
    kind = CTL_NEXT_LINE;
    a += 17;
  } else if (at(s, a, b, "disable")) {
    kind = CTL_DISABLE;
    a += 7;
  } else if (at(s, a, b, "enable")) {
    kind = CTL_ENABLE;
    a += 6;
  } else {
    return;
  }
  if (a < b && !is_space(s[a]) && !at(s, a, b, "-->")) return; /* "copydesk-disabled", ... */
  size_t next_start = doc->len, next_end = doc->len;
  if (kind == CTL_NEXT_LINE) {
    /* the next line after the comment that holds the control */
    size_t from = b;
    if (comment) {
      size_t close = comment_close(doc, a, cache);
      if (close != CD_NONE) from = line_end(doc, close);
    }
    if (from < doc->len) next_text_line(doc, from + 1, &next_start, &next_end);
  }
  bool any_code = false;
  for (;;) {
    while (a < b && (is_space(s[a]) || s[a] == ',')) a++;
    if (a >= b || at(s, a, b, "-->")) break;
    if (at(s, a, b, "--") && (a + 2 == b || is_space(s[a + 2]))) break; /* a reason follows */
    size_t c = a;
    while (c < b && !is_space(s[c]) && s[c] != ',' && !at(s, c, b, "-->")) c++;
    any_code = true;
    bool prefix;
    if (!known_code(s + a, c - a, &prefix)) {
      report_unknown(doc, a, c);
    } else {
      control *ctl = cd_vec_push(controls);
      ctl->kind = kind;
      ctl->code = s + a;
      ctl->code_len = prefix ? c - a - 1 : c - a;
      ctl->prefix = prefix;
      ctl->pos = kind == CTL_NEXT_LINE ? next_start : b;
      ctl->end = next_end;
    }
    a = c;
  }
  if (!any_code) {
    control *ctl = cd_vec_push(controls);
    ctl->kind = kind;
    ctl->pos = kind == CTL_NEXT_LINE ? next_start : b;
    ctl->end = next_end;
  }
}

static bool mentions_controls(const cd_doc *doc) {
  for (const char *p = doc->text, *end = doc->text + doc->len; p + 9 <= end;) {
    const char *c = memchr(p, 'c', (size_t)(end - p) - 8);
    if (!c) return false;
    if (memcmp(c, "copydesk-", 9) == 0) return true;
    p = c + 1;
  }
  return false;
}

/* A Markdown code fence line (``` or ~~~, up to three spaces in): its character and length. */
static size_t fence(const char *s, size_t a, size_t b, char *ch) {
  size_t indent = 0;
  while (a < b && s[a] == ' ' && indent < 4) a++, indent++;
  if (indent > 3 || a >= b || (s[a] != '`' && s[a] != '~')) return 0;
  size_t n = 0;
  while (a + n < b && s[a + n] == s[a]) n++;
  if (n < 3) return 0;
  *ch = s[a];
  return n;
}

/* Is an HTML comment open at the end of line [a, b)? */
static bool comment_open_after(const char *s, size_t a, size_t b, bool open) {
  for (size_t i = a; i < b; i++) {
    if (!open && at(s, i, b, "<!--")) {
      open = true;
      i += 3;
    } else if (open && at(s, i, b, "-->")) {
      open = false;
      i += 2;
    }
  }
  return open;
}

/* Per rule: where disable/enable switch it (in text order) and the lines disable-next-line covers,
 * so each diagnostic is decided by two binary searches. */
typedef struct switch_at {
  size_t pos;
  bool off;
} switch_at;

typedef struct rule_controls {
  cd_vec switches; /* switch_at, pos non-decreasing */
  cd_vec lines;    /* cd_span, start non-decreasing; equal starts have equal ends */
} rule_controls;

static void index_controls(const cd_vec *controls, rule_controls *per_rule, const cd_rule_info *rules, size_t n) {
  for (size_t k = 0; k < controls->len; k++) {
    const control *c = CD_VEC_AT(controls, control, k);
    for (size_t r = 0; r < n; r++) {
      if (!control_matches(c, rules[r].code)) continue;
      if (c->kind == CTL_NEXT_LINE) {
        if (c->pos >= c->end) continue;
        cd_span *l = cd_vec_push(&per_rule[r].lines);
        l->start = c->pos;
        l->end = c->end;
      } else {
        switch_at *sw = cd_vec_push(&per_rule[r].switches);
        sw->pos = c->pos;
        sw->off = c->kind == CTL_DISABLE;
      }
    }
  }
}

static bool is_off(const rule_controls *rc, size_t pos) {
  /* the last switch at or before pos */
  size_t lo = 0, hi = rc->switches.len;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (CD_VEC_AT(&rc->switches, switch_at, mid)->pos <= pos) lo = mid + 1;
    else hi = mid;
  }
  if (lo > 0 && CD_VEC_AT(&rc->switches, switch_at, lo - 1)->off) return true;
  /* the last next-line span starting at or before pos */
  lo = 0;
  hi = rc->lines.len;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (CD_VEC_AT(&rc->lines, cd_span, mid)->start <= pos) lo = mid + 1;
    else hi = mid;
  }
  return lo > 0 && pos < CD_VEC_AT(&rc->lines, cd_span, lo - 1)->end;
}

void cd_apply_controls(cd_doc *doc) {
  if (!mentions_controls(doc)) return; /* the common case: no controls at all */
  cd_vec controls;
  cd_vec_init(&controls, sizeof(control));
  size_t pos = 0, open_fence = 0;
  char fence_ch = 0;
  bool in_comment = false;
  close_cache cache = {CD_NONE, CD_NONE};
  while (pos < doc->len) {
    size_t e = line_end(doc, pos);
    if (doc->format == CD_FORMAT_MARKDOWN) {
      char ch = 0;
      size_t n = fence(doc->text, pos, e, &ch);
      if (open_fence) {
        if (n >= open_fence && ch == fence_ch) open_fence = 0;
        pos = e + 1;
        continue;
      }
      if (n) {
        open_fence = n;
        fence_ch = ch;
        pos = e + 1;
        continue;
      }
    }
    handle_line(doc, pos, e, &controls, in_comment, &cache);
    if (doc->format == CD_FORMAT_MARKDOWN) in_comment = comment_open_after(doc->text, pos, e, in_comment);
    pos = e + 1;
  }
  if (controls.len) {
    size_t n;
    const cd_rule_info *rules = cd_rules(&n);
    rule_controls *per_rule = cd_arena_alloc(doc->arena, n * sizeof *per_rule);
    if (per_rule) {
      for (size_t r = 0; r < n; r++) {
        cd_vec_init(&per_rule[r].switches, sizeof(switch_at));
        cd_vec_init(&per_rule[r].lines, sizeof(cd_span));
      }
      index_controls(&controls, per_rule, rules, n);
      for (size_t i = 0; i < doc->diags.len; i++) {
        cd_diagnostic *d = CD_VEC_AT(&doc->diags, cd_diagnostic, i);
        const cd_rule_info *rule = cd_rule_find(d->code);
        if (!rule || strcmp(d->code, "control.unknown-rule") == 0) continue;
        if (is_off(&per_rule[rule - rules], d->span.start)) d->severity = CD_SEVERITY_OFF;
      }
      for (size_t r = 0; r < n; r++) {
        cd_vec_free(&per_rule[r].switches);
        cd_vec_free(&per_rule[r].lines);
      }
    }
  }
  cd_vec_free(&controls);
}
