/* Fuzzes cd_analyze. The first byte picks Markdown or plain text; the rest is the article.
 * Checks what the report promises: every span inside the text (or unset), every index inside its
 * table, evidence and messages present; and that a configuration reused across every input gives
 * the same report as a fresh one (its caches are memos, never answers). The reused one runs the
 * claims pass with JIT code, a fresh one on a short text with PCRE2's interpreter: the two engines
 * must agree on every input, so that which one runs is a matter of speed only. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "claims.h"
#include "copydesk/analyzer.h"

#define CHECK(cond) \
  do {              \
    if (!(cond)) abort(); \
  } while (0)

static void check_span(cd_span s, size_t len, int may_be_unset) {
  if (may_be_unset && s.start == CD_NONE && s.end == CD_NONE) return;
  CHECK(s.start <= s.end && s.end <= len);
}

static void check_index(size_t i, size_t n) { CHECK(i == CD_NONE || i < n); }

static void check_report(const cd_report *r, size_t len) {
  size_t nq, ne, nd, np;
  const cd_quote *q = cd_report_quotes(r, &nq);
  const cd_entity *e = cd_report_entities(r, &ne);
  const cd_diagnostic *d = cd_report_diagnostics(r, &nd);
  const cd_span *p = cd_report_paragraphs(r, &np);
  for (size_t i = 0; i < nq; i++) {
    check_span(q[i].span, len, 0);
    check_span(q[i].inner, len, 0);
    CHECK(q[i].span.start <= q[i].inner.start && q[i].inner.end <= q[i].span.end);
    check_span(q[i].speaker_span, len, 1);
    check_span(q[i].cue_span, len, 1);
    check_index(q[i].entity, ne);
    check_index(q[i].continues, nq);
    check_index(q[i].paragraph_continues, nq);
    CHECK(q[i].evidence != NULL);
    CHECK((q[i].method == CD_ATTR_NONE) == (q[i].speaker == NULL));
    if (i > 0) CHECK(q[i - 1].span.start <= q[i].span.start);
  }
  for (size_t i = 0; i < ne; i++) {
    CHECK(e[i].name != NULL && e[i].n_mentions > 0);
    check_index(e[i].first_full, e[i].n_mentions);
    for (size_t m = 0; m < e[i].n_mentions; m++) {
      check_span(e[i].mentions[m].span, len, 0);
      CHECK(e[i].mentions[m].text != NULL);
    }
  }
  for (size_t i = 0; i < nd; i++) {
    CHECK(d[i].code != NULL && d[i].message != NULL && d[i].severity != CD_SEVERITY_OFF);
    CHECK(cd_rule_find(d[i].code) != NULL);
    check_span(d[i].span, len, 0);
    check_index(d[i].quote, nq);
    check_index(d[i].entity, ne);
    for (size_t k = 0; k < d[i].n_related; k++) check_span(d[i].related[k].span, len, 0);
    for (size_t f = 0; f < d[i].n_fixes; f++) {
      CHECK(d[i].fixes[f].title != NULL && d[i].fixes[f].n_edits > 0);
      for (size_t k = 0; k < d[i].fixes[f].n_edits; k++) {
        check_span(d[i].fixes[f].edits[k].span, len, 0);
        CHECK(d[i].fixes[f].edits[k].new_text != NULL);
      }
    }
    if (i > 0) CHECK(d[i - 1].span.start <= d[i].span.start);
  }
  for (size_t i = 0; i < np; i++) check_span(p[i], len, 0);
  check_span(cd_report_headline(r), len, 1);
}

static int same_str(const char *a, const char *b) { return a == b || (a && b && strcmp(a, b) == 0); }
static int same_span(cd_span a, cd_span b) { return a.start == b.start && a.end == b.end; }

static void check_same(const cd_report *a, const cd_report *b) {
  size_t na, nb;
  const cd_quote *qa = cd_report_quotes(a, &na), *qb = cd_report_quotes(b, &nb);
  CHECK(na == nb);
  for (size_t i = 0; i < na; i++) {
    CHECK(same_span(qa[i].span, qb[i].span) && qa[i].kind == qb[i].kind && qa[i].method == qb[i].method);
    CHECK(same_str(qa[i].speaker, qb[i].speaker) && same_str(qa[i].evidence, qb[i].evidence));
    CHECK(same_span(qa[i].speaker_span, qb[i].speaker_span) && qa[i].entity == qb[i].entity);
  }
  const cd_entity *ea = cd_report_entities(a, &na), *eb = cd_report_entities(b, &nb);
  CHECK(na == nb);
  for (size_t i = 0; i < na; i++) CHECK(same_str(ea[i].name, eb[i].name) && ea[i].n_mentions == eb[i].n_mentions);
  const cd_diagnostic *da = cd_report_diagnostics(a, &na), *db = cd_report_diagnostics(b, &nb);
  CHECK(na == nb);
  for (size_t i = 0; i < na; i++) {
    CHECK(same_str(da[i].code, db[i].code) && same_span(da[i].span, db[i].span));
    CHECK(same_str(da[i].message, db[i].message) && da[i].severity == db[i].severity);
    CHECK(da[i].n_fixes == db[i].n_fixes && da[i].n_related == db[i].n_related);
  }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  static cd_config *reused; /* lives across inputs, keeping whatever its analyses cached */
  if (size == 0) return 0;
  if (!reused) {
    reused = cd_config_new();
    CHECK(reused);
    (void)cd_claims_set_engine(reused, CD_CLAIMS_ENGINE_JIT); /* false without JIT: one engine only */
  }
  cd_format format = (data[0] & 1) ? CD_FORMAT_MARKDOWN : CD_FORMAT_PLAINTEXT;
  /* a private copy, exactly `len` bytes long, so that a read past the end is caught */
  size_t len = size - 1;
  char *text = malloc(len ? len : 1);
  if (!text) return 0;
  memcpy(text, data + 1, len);
  cd_config *fresh = cd_config_new();
  cd_report *a = cd_analyze(text, len, format, reused);
  cd_report *b = cd_analyze(text, len, format, fresh);
  CHECK(a && b);
  check_report(a, len);
  check_same(a, b);
  cd_report_free(a);
  cd_report_free(b);
  cd_config_free(fresh);
  free(text);
  return 0;
}
