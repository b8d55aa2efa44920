#include "controls.h"

#include <string.h>

typedef struct region {
  const char *code; /* NULL: every rule */
  size_t code_len;
  size_t start, end;
  bool open; /* a "disable" still waiting for its "enable" */
} region;

static bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r'; }

static size_t line_end(const cd_doc *doc, size_t pos) {
  while (pos < doc->len && doc->text[pos] != '\n') pos++;
  return pos;
}

/* The span of the next line with any text after `pos`. */
static void next_text_line(const cd_doc *doc, size_t pos, size_t *start, size_t *end) {
  while (pos < doc->len) {
    size_t e = line_end(doc, pos);
    size_t k = pos;
    while (k < e && is_space(doc->text[k])) k++;
    if (k < e) {
      *start = pos;
      *end = e;
      return;
    }
    pos = e + 1;
  }
  *start = *end = doc->len;
}

static bool code_matches(const region *r, const char *code) {
  return !r->code || (strlen(code) == r->code_len && memcmp(code, r->code, r->code_len) == 0);
}

static void handle_line(cd_doc *doc, size_t a, size_t b, cd_vec *regions) {
  const char *s = doc->text;
  while (a < b && is_space(s[a])) a++;
  bool comment = b - a >= 4 && memcmp(s + a, "<!--", 4) == 0;
  if (comment) {
    a += 4;
    while (a < b && is_space(s[a])) a++;
  }
  if (b - a < 9 || memcmp(s + a, "copydesk-", 9) != 0) return;
  if (doc->format == CD_FORMAT_MARKDOWN && !comment) return; /* in Markdown only comments are controls */
  a += 9;
  enum { NEXT_LINE, DISABLE, ENABLE } kind;
  if (b - a >= 17 && memcmp(s + a, "disable-next-line", 17) == 0) {
    kind = NEXT_LINE;
    a += 17;
  } else if (b - a >= 7 && memcmp(s + a, "disable", 7) == 0) {
    kind = DISABLE;
    a += 7;
  } else if (b - a >= 6 && memcmp(s + a, "enable", 6) == 0) {
    kind = ENABLE;
    a += 6;
  } else {
    return;
  }
  if (a < b && !is_space(s[a]) && s[a] != '-') return;
  size_t next_start, next_end;
  next_text_line(doc, b + 1 <= doc->len ? b + 1 : b, &next_start, &next_end);
  bool any_code = false;
  for (;;) {
    while (a < b && (is_space(s[a]) || s[a] == ',')) a++;
    if (a >= b || (b - a >= 3 && memcmp(s + a, "-->", 3) == 0)) break;
    size_t c = a;
    while (c < b && !is_space(s[c]) && s[c] != ',' && !(b - c >= 3 && memcmp(s + c, "-->", 3) == 0)) c++;
    char code[64];
    size_t n = c - a < sizeof code - 1 ? c - a : sizeof code - 1;
    memcpy(code, s + a, n);
    code[n] = 0;
    any_code = true;
    if (!cd_rule_find(code)) {
      cd_doc_add_diag(doc, "control.unknown-rule", a, c,
                      cd_arena_printf(doc->arena,
                                      "'%s' is not a copydesk rule, so this control does nothing. Use a rule "
                                      "code such as quote.unattributed or name.variant.",
                                      code));
    } else if (kind == ENABLE) {
      for (size_t i = regions->len; i > 0; i--) {
        region *r = CD_VEC_AT(regions, region, i - 1);
        if (r->open && r->code && r->code_len == c - a && memcmp(r->code, s + a, c - a) == 0) {
          r->end = a;
          r->open = false;
        }
      }
    } else {
      region *r = cd_vec_push(regions);
      r->code = s + a;
      r->code_len = c - a;
      r->start = kind == NEXT_LINE ? next_start : b;
      r->end = kind == NEXT_LINE ? next_end : doc->len;
      r->open = kind == DISABLE;
    }
    a = c;
  }
  if (!any_code) {
    if (kind == ENABLE) {
      for (size_t i = 0; i < regions->len; i++) {
        region *r = CD_VEC_AT(regions, region, i);
        if (r->open) {
          r->end = b;
          r->open = false;
        }
      }
    } else {
      region *r = cd_vec_push(regions);
      r->code = NULL;
      r->start = kind == NEXT_LINE ? next_start : b;
      r->end = kind == NEXT_LINE ? next_end : doc->len;
      r->open = kind == DISABLE;
    }
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

void cd_apply_controls(cd_doc *doc) {
  if (!mentions_controls(doc)) return; /* the common case: no controls at all */
  cd_vec regions;
  cd_vec_init(&regions, sizeof(region));
  size_t pos = 0;
  while (pos < doc->len) {
    size_t e = line_end(doc, pos);
    handle_line(doc, pos, e, &regions);
    pos = e + 1;
  }
  for (size_t i = 0; i < doc->diags.len; i++) {
    cd_diagnostic *d = CD_VEC_AT(&doc->diags, cd_diagnostic, i);
    if (strcmp(d->code, "control.unknown-rule") == 0) continue;
    for (size_t k = 0; k < regions.len; k++) {
      const region *r = CD_VEC_AT(&regions, region, k);
      if (d->span.start >= r->start && d->span.start < r->end && code_matches(r, d->code)) {
        d->severity = CD_SEVERITY_OFF;
        break;
      }
    }
  }
  cd_vec_free(&regions);
}
