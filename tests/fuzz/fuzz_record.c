/* Fuzzes the record: cd_record_source_new on any bytes and cd_analyze_with_record of an article
 * against it. The input is the source, then a NUL byte, then the article (no NUL: the input is
 * both). Checks every match's spans inside its source and the article, every record finding's
 * quote index, and that the source's memo of lookups changes no answer: the same article against
 * the same source twice, and against a fresh copy, gives the same findings. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "copydesk/record.h"

#define CHECK(cond) \
  do {              \
    if (!(cond)) abort(); \
  } while (0)

static void check(const cd_report *r, size_t len, const cd_record_source *s) {
  size_t nq, nm, nd, slen;
  cd_report_quotes(r, &nq);
  cd_record_source_text(s, &slen);
  const cd_record_match *m = cd_report_record_matches(r, &nm);
  for (size_t i = 0; i < nm; i++) {
    CHECK(m[i].quote < nq && m[i].source == 0 && m[i].source_name != NULL);
    CHECK(m[i].passage.start <= m[i].passage.end && m[i].passage.end <= slen);
    CHECK(m[i].turn.start <= m[i].turn.end && m[i].turn.end <= slen && m[i].line >= 1);
    CHECK(cd_report_record_match(r, m[i].quote) == &m[i]);
    if (i > 0) CHECK(m[i - 1].quote < m[i].quote);
  }
  const cd_diagnostic *d = cd_report_diagnostics(r, &nd);
  for (size_t i = 0; i < nd; i++) {
    CHECK(d[i].span.start <= d[i].span.end && d[i].span.end <= len);
    if (strncmp(d[i].code, "quote.", 6) == 0) CHECK(d[i].quote == CD_NONE || d[i].quote < nq);
    for (size_t f = 0; f < d[i].n_fixes; f++)
      for (size_t k = 0; k < d[i].fixes[f].n_edits; k++)
        CHECK(d[i].fixes[f].edits[k].span.end <= len && d[i].fixes[f].edits[k].new_text != NULL);
  }
}

static void check_same(const cd_report *a, const cd_report *b) {
  size_t na, nb;
  const cd_diagnostic *da = cd_report_diagnostics(a, &na), *db = cd_report_diagnostics(b, &nb);
  CHECK(na == nb);
  for (size_t i = 0; i < na; i++)
    CHECK(strcmp(da[i].code, db[i].code) == 0 && strcmp(da[i].message, db[i].message) == 0 &&
          da[i].span.start == db[i].span.start && da[i].span.end == db[i].span.end);
  cd_report_record_matches(a, &na);
  cd_report_record_matches(b, &nb);
  CHECK(na == nb);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  const uint8_t *nul = memchr(data, 0, size);
  size_t slen = nul ? (size_t)(nul - data) : size;
  const char *article = nul ? (const char *)nul + 1 : (const char *)data;
  size_t len = nul ? size - slen - 1 : size;
  /* private copies, exactly as long as they are, so that a read past the end is caught */
  char *src = malloc(slen ? slen : 1), *text = malloc(len ? len : 1);
  CHECK(src && text);
  memcpy(src, data, slen);
  memcpy(text, article, len);
  cd_record_source *s = cd_record_source_new("source.txt", src, slen);
  cd_record_source *fresh = cd_record_source_new("source.txt", src, slen);
  CHECK(s && fresh);
  const cd_record_source *one[1] = {s}, *other[1] = {fresh};
  cd_report *a = cd_analyze_with_record(text, len, CD_FORMAT_PLAINTEXT, NULL, one, 1);
  cd_report *b = cd_analyze_with_record(text, len, CD_FORMAT_PLAINTEXT, NULL, one, 1); /* memo warm */
  cd_report *c = cd_analyze_with_record(text, len, CD_FORMAT_PLAINTEXT, NULL, other, 1);
  CHECK(a && b && c);
  check(a, len, s);
  check_same(a, b);
  check_same(a, c);
  cd_report_free(a);
  cd_report_free(b);
  cd_report_free(c);
  cd_record_source_free(s);
  cd_record_source_free(fresh);
  free(src);
  free(text);
  return 0;
}
