/* Quotes checked against the record: the fixtures in tests/fixtures/record (an invented interview
 * transcript with labels, fillers and timestamps, a press release, and an article quoting them),
 * every finding and every quote that must match silently; then the source formats, the
 * editorial changes that never count, and the alterations that always do. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "copydesk/record.h"
#include "report_equal.h"
#include "test_files.h"
#include "test_report.h"

#define FIXTURES CD_SOURCE_DIR "/tests/fixtures/record/"

static char *slurp(const char *name, size_t *len) {
  char path[512];
  snprintf(path, sizeof path, "%s%s", FIXTURES, name);
  char *buf = read_file(path, len);
  assert_non_null(buf);
  return buf;
}

static cd_record_source *load(const char *name) {
  size_t len;
  char *text = slurp(name, &len);
  cd_record_source *s = cd_record_source_new(name, text, len);
  free(text);
  assert_non_null(s);
  return s;
}

/* The diagnostic with this code whose span's text contains `text`, or NULL. */
static const cd_diagnostic *find_diag(const cd_report *r, const char *article, const char *code, const char *text) {
  size_t n;
  const cd_diagnostic *d = cd_report_diagnostics(r, &n);
  for (size_t i = 0; i < n; i++) {
    if (strcmp(d[i].code, code) != 0) continue;
    size_t len = d[i].span.end - d[i].span.start;
    char *span = strndup(article + d[i].span.start, len);
    bool hit = strstr(span, text) != NULL;
    free(span);
    if (hit) return &d[i];
  }
  return NULL;
}

/* The quote whose inner text starts with `start`. */
static size_t find_quote(const cd_report *r, const char *article, const char *start) {
  size_t n;
  const cd_quote *q = cd_report_quotes(r, &n);
  for (size_t i = 0; i < n; i++)
    if (strncmp(article + q[i].inner.start, start, strlen(start)) == 0) return i;
  fail_msg("no quote starts with '%s'", start);
  return CD_NONE;
}

/* The quote is found in `source` at `line`, with no finding about it. */
static void assert_silent_match(const cd_report *r, const char *article, const char *start, const char *source,
                                size_t line) {
  size_t qi = find_quote(r, article, start);
  const cd_record_match *m = cd_report_record_match(r, qi);
  if (!m) fail_msg("quote '%s' not found in the record", start);
  assert_string_equal(m->source_name, source);
  assert_int_equal(m->line, line);
  assert_true(m->exact);
  size_t n;
  const cd_diagnostic *d = cd_report_diagnostics(r, &n);
  for (size_t i = 0; i < n; i++)
    if (d[i].quote == qi && strcmp(d[i].code, "quote.attributed") != 0)
      fail_msg("quote '%s' has a finding: %s %s", start, d[i].code, d[i].message);
}

static void test_fixture_article(void **state) {
  (void)state;
  cd_record_source *src[2] = {load("interview-ruiz.txt"), load("press-release.txt")};
  assert_int_equal(cd_record_source_kind(src[0]), CD_RECORD_TRANSCRIPT);
  assert_int_equal(cd_record_source_kind(src[1]), CD_RECORD_TEXT);
  size_t len;
  char *article = slurp("dredging.txt", &len);
  cd_report *r = cd_analyze_with_record(article, len, CD_FORMAT_PLAINTEXT, NULL,
                                        (const cd_record_source *const *)src, 2);
  assert_non_null(r);

  /* one word changed: the message says which, where, and the fix puts the record's word back */
  const cd_diagnostic *d = find_diag(r, article, "quote.altered", "guarantee");
  assert_non_null(d);
  assert_int_equal(d->severity, CD_SEVERITY_WARNING);
  assert_non_null(strstr(d->message, "'guarantee' here, 'promise' in interview-ruiz.txt line 14 at 00:02:24"));
  assert_int_equal(d->n_fixes, 1);
  assert_int_equal(d->fixes[0].n_edits, 1);
  assert_string_equal(d->fixes[0].edits[0].new_text, "promise");
  /* a number changed, spelled out where the record has it as a word */
  d = find_diag(r, article, "quote.altered", "Twelve");
  assert_non_null(d);
  assert_non_null(strstr(d->message, "'Twelve' here, 'ten' in interview-ruiz.txt line 22 at 00:05:10"));
  assert_int_equal(count_code(r, "quote.altered"), 2);

  /* Okafor's words given to Ruiz */
  d = find_diag(r, article, "quote.speaker-mismatch", "eleven weeks is optimistic");
  assert_non_null(d);
  assert_non_null(strstr(d->message, "OKAFOR's, not Ana Ruiz's"));
  assert_int_equal(count_code(r, "quote.speaker-mismatch"), 1);

  /* a quote in no source */
  d = find_diag(r, article, "quote.not-in-record", "deep enough for every boat");
  assert_non_null(d);
  assert_int_equal(d->severity, CD_SEVERITY_INFO);
  assert_int_equal(count_code(r, "quote.not-in-record"), 1);

  /* quotes that match silently: a dropped "uh", an ellipsis and bracketed words, curly marks,
   * a dropped "um", a short quote, the press release with an ellipsis across its sentences */
  assert_silent_match(r, article, "The dredging will start", "interview-ruiz.txt", 6);
  assert_silent_match(r, article, "That is not true", "interview-ruiz.txt", 10);
  assert_silent_match(r, article, "The harbour will stay open", "interview-ruiz.txt", 10);
  assert_silent_match(r, article, "The harbour has waited", "interview-ruiz.txt", 18);
  assert_silent_match(r, article, "Tom has been", "interview-ruiz.txt", 20);
  assert_silent_match(r, article, "secures the harbour", "press-release.txt", 7);
  /* style, not the speaker's words: contractions, figures for number words, "%" for "percent" */
  assert_silent_match(r, article, "We\xE2\x80\x99re going to hire 5 extra pilots", "interview-ruiz.txt", 22);
  assert_silent_match(r, article, "We don\xE2\x80\x99t want anyone", "interview-ruiz.txt", 22);

  /* the matched passage, its turn and speaker */
  const cd_record_match *m = cd_report_record_match(r, find_quote(r, article, "The dredging will start"));
  size_t slen;
  const char *stext = cd_record_source_text(src[0], &slen);
  assert_true(m->passage.end <= slen);
  assert_memory_equal(stext + m->passage.start, "The dredging", 12);
  assert_string_equal(m->speaker, "RUIZ");
  assert_string_equal(m->timestamp, "00:00:12");
  assert_true(m->turn.start <= m->passage.start && m->passage.end <= m->turn.end);
  cd_report_free(r);

  /* without sources: none of the record's findings and no matches */
  r = cd_analyze(article, len, CD_FORMAT_PLAINTEXT, NULL);
  size_t nm;
  cd_report_record_matches(r, &nm);
  assert_int_equal(nm, 0);
  assert_int_equal(count_code(r, "quote.not-in-record") + count_code(r, "quote.altered"), 0);
  cd_report_free(r);
  free(article);
  cd_record_source_free(src[0]);
  cd_record_source_free(src[1]);
}

/* Analyses `article` against one source made of `record`; returns the report. */
static cd_report *check(const char *article, const char *record, cd_record_source **out) {
  *out = cd_record_source_new("notes.txt", record, strlen(record));
  assert_non_null(*out);
  return cd_analyze_with_record(article, strlen(article), CD_FORMAT_PLAINTEXT, NULL,
                                (const cd_record_source *const *)out, 1);
}

static size_t record_findings(const cd_report *r) {
  return count_code(r, "quote.altered") + count_code(r, "quote.speaker-mismatch") + count_code(r, "quote.not-in-record");
}

static void test_editorial_changes_never_count(void **state) {
  (void)state;
  const char *record = "MS OSEI: Um, the ferry is, uh, going to run every hour from June - and the fares won't go up.\n"
                       "Q: Anything else?\n"
                       "MS OSEI: We owe it to the islanders [laughs] who waited so long.\n"
                       "MS OSEI: It is going to cost five pounds, about 20% more.\n"
                       "MS OSEI: They are building a new pier for the island.\n"
                       "MS OSEI: We are paying 25 pounds and it has been three years, I can not wait.\n";
  const char *articles[] = {
      "\"The ferry is going to run every hour from June,\" Amara Osei said.",
      "\"the FERRY is going to run every hour from june,\" Amara Osei said.",
      "\"The ferry is going to run ... from June,\" Amara Osei said.",
      "\"The ferry is going to run every hour from June \xE2\x80\xA6 and the fares won\xE2\x80\x99t go up,\" Amara Osei said.",
      "\"[The service] is going to run every hour from June,\" Amara Osei said.",
      "\"We owe it to the islanders who waited so long,\" Amara Osei said.",
      "\"Um, the ferry is, uh, going to run every hour from June,\" Amara Osei said.",
      /* contracted or written out, numbers as words or figures: house style, not alterations */
      "\"The ferry is going to run every hour from June - and the fares will not go up,\" Amara Osei said.",
      "\"The ferry's going to run every hour from June,\" Amara Osei said.",
      "\"They're building a new pier for the island,\" Amara Osei said.",
      "\"It's going to cost 5 pounds, about 20 percent more,\" Amara Osei said.",
      "\"It is going to cost five pounds, about twenty per cent more,\" Amara Osei said.",
      "\"We're paying twenty-five pounds and it's been 3 years, I cannot wait,\" Amara Osei said.",
      "\"We are paying 25 pounds and it has been three years, I can't wait,\" Amara Osei said.",
  };
  for (size_t i = 0; i < sizeof articles / sizeof *articles; i++) {
    cd_record_source *s;
    cd_report *r = check(articles[i], record, &s);
    size_t n;
    cd_report_record_matches(r, &n);
    if (n != 1 || record_findings(r) != 0) fail_msg("article %zu: %zu matches, %zu findings", i, n, record_findings(r));
    cd_report_free(r);
    cd_record_source_free(s);
  }
}

static void test_alterations_always_count(void **state) {
  (void)state;
  const char *record = "OSEI: We will not raise the fares this year, and the ferry will run every hour.\n"
                       "BRANDT: The council has not seen the figures yet.\n"
                       "BRANDT: We counted twelve boats and 40% of them were late.\n";
  struct {
    const char *article, *code, *message;
  } cases[] = {
      {"\"We will not raise the fares this year,\" Osei said.", NULL, NULL},
      {"\"We would not raise the fares this year,\" Osei said.", "quote.altered", "'would' here, 'will'"},
      {"\"We will raise the fares this year,\" Osei said.", "quote.altered", "'will' here, 'will not'"},
      {"\"We will not raise the fares this year, and the ferry will every hour run,\" Osei said.", "quote.altered", NULL},
      {"\"The council has not seen the figures yet,\" Osei said.", "quote.speaker-mismatch", "BRANDT's, not Osei's"},
      {"\"Our council has never once seen a single page,\" Osei said.", "quote.not-in-record", NULL},
      /* style changes aside, a different number or a negation is still a difference */
      {"\"We won't raise the fares this year,\" Osei said.", NULL, NULL},
      {"\"We'll raise the fares this year,\" Osei said.", "quote.altered", "'We'll' here, 'We will not'"},
      {"\"The council hasn't seen the figures yet,\" Brandt said.", NULL, NULL},
      {"\"The council has seen the figures yet,\" Brandt said.", "quote.altered", NULL},
      {"\"We counted 12 boats and 40 percent of them were late,\" Brandt said.", NULL, NULL},
      {"\"We counted 13 boats and forty percent of them were late,\" Brandt said.", "quote.altered", "'13' here, 'twelve'"},
      {"\"We counted twelve boats and 50% of them were late,\" Brandt said.", "quote.altered", "'50%' here, '40%'"},
  };
  for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
    cd_record_source *s;
    cd_report *r = check(cases[i].article, record, &s);
    if (!cases[i].code) {
      assert_int_equal(record_findings(r), 0);
    } else {
      if (record_findings(r) != 1 || count_code(r, cases[i].code) != 1)
        fail_msg("case %zu: expected one %s, got %zu findings", i, cases[i].code, record_findings(r));
      size_t n;
      const cd_diagnostic *d = cd_report_diagnostics(r, &n);
      for (size_t k = 0; k < n && cases[i].message; k++)
        if (strcmp(d[k].code, cases[i].code) == 0 && !strstr(d[k].message, cases[i].message))
          fail_msg("case %zu: message '%s' lacks '%s'", i, d[k].message, cases[i].message);
    }
    cd_report_free(r);
    cd_record_source_free(s);
  }
}

static void test_interviewer_words(void **state) {
  (void)state;
  cd_record_source *s;
  cd_report *r = check("\"Will the harbour close for the whole summer?\" Ruiz said.",
                       "Q: Will the harbour close for the whole summer?\nA: No, never.\nQ: Thanks.\n", &s);
  assert_int_equal(count_code(r, "quote.speaker-mismatch"), 1);
  size_t n;
  const cd_diagnostic *d = cd_report_diagnostics(r, &n);
  for (size_t i = 0; i < n; i++)
    if (strcmp(d[i].code, "quote.speaker-mismatch") == 0) assert_non_null(strstr(d[i].message, "interviewer's (Q)"));
  cd_report_free(r);
  cd_record_source_free(s);
  /* "A:" names nobody: never a mismatch */
  r = check("\"No, the harbour stays open all summer,\" Ruiz said.",
            "Q: Will it close?\nA: No, the harbour stays open all summer.\nQ: Thanks.\n", &s);
  assert_int_equal(record_findings(r), 0);
  cd_report_free(r);
  cd_record_source_free(s);
}

static void test_subtitles(void **state) {
  (void)state;
  const char *vtt = "WEBVTT\n\nNOTE recorded at the pier\n\n1\n00:12:41.000 --> 00:12:44.500\n"
                    "<v Ana Ruiz>We signed the contract on Friday,\n<i>and work starts in May.</i>\n\n"
                    "00:12:44.500 --> 00:12:47.000\nThe harbour stays open.\n\n"
                    "00:12:47.000 --> 00:12:50.000\n<v Tom Okafor>I will vote for it.\n";
  cd_record_source *s = cd_record_source_new("pier.vtt", vtt, strlen(vtt));
  assert_int_equal(cd_record_source_kind(s), CD_RECORD_WEBVTT);
  const char *article = "\"We signed the contract on Friday, and work starts in May,\" Ruiz said. "
                        "\"The harbour stays open,\" she said. \"I will vote for it,\" Ruiz said.";
  cd_report *r = cd_analyze_with_record(article, strlen(article), CD_FORMAT_PLAINTEXT, NULL,
                                        (const cd_record_source *const *)&s, 1);
  size_t n;
  const cd_record_match *m = cd_report_record_matches(r, &n);
  assert_int_equal(n, 3);
  assert_string_equal(m[0].timestamp, "00:12:41");
  assert_string_equal(m[0].speaker, "Ana Ruiz");
  assert_string_equal(m[1].speaker, "Ana Ruiz"); /* a cue without a voice continues the speaker */
  assert_int_equal(count_code(r, "quote.speaker-mismatch"), 1);
  assert_int_equal(count_code(r, "quote.altered"), 0);
  cd_report_free(r);
  cd_record_source_free(s);

  const char *srt = "1\n00:00:01,000 --> 00:00:04,000\nRUIZ: The dredging starts in May.\n\n"
                    "2\n00:00:04,000 --> 00:00:06,000\nIt takes eleven weeks.\n";
  s = cd_record_source_new("call.srt", srt, strlen(srt));
  assert_int_equal(cd_record_source_kind(s), CD_RECORD_SRT);
  assert_int_equal(cd_record_source_words(s), 9); /* no cue numbers, times or labels */
  cd_record_source_free(s);
}

/* Lines counted as an editor counts them: "\r\n" and a lone "\r" end a line as "\n" does, so a
 * transcript saved on any system is a transcript, and "line 3" is the line its editor shows. */
static void test_line_ends(void **state) {
  (void)state;
  static const char *const transcripts[] = {
      "RUIZ: The dredging starts in May.\n\nOKAFOR: I will vote for it.\n",
      "RUIZ: The dredging starts in May.\r\n\r\nOKAFOR: I will vote for it.\r\n",
      "RUIZ: The dredging starts in May.\r\rOKAFOR: I will vote for it.\r",
  };
  const char *article = "\"I will vote for it,\" Tom Okafor said.";
  for (size_t v = 0; v < 3; v++) {
    cd_record_source *s = cd_record_source_new("call.txt", transcripts[v], strlen(transcripts[v]));
    assert_int_equal(cd_record_source_kind(s), CD_RECORD_TRANSCRIPT);
    cd_report *r = cd_analyze_with_record(article, strlen(article), CD_FORMAT_PLAINTEXT, NULL,
                                          (const cd_record_source *const *)&s, 1);
    size_t n;
    const cd_record_match *m = cd_report_record_matches(r, &n);
    assert_int_equal(n, 1);
    assert_int_equal(m[0].line, 3);
    assert_string_equal(m[0].speaker, "OKAFOR");
    assert_int_equal(record_findings(r), 0);
    cd_report_free(r);
    cd_record_source_free(s);
  }
}

static void test_press_release_headings_are_not_speakers(void **state) {
  (void)state;
  cd_record_source *s;
  cd_report *r = check("\"The pier reopens on Monday for all visitors,\" Lena Brooks said.",
                       "Date: 13 March\nContact: Press office\n\n10:30 The pier reopens on Monday for all visitors.\n", &s);
  assert_int_equal(cd_record_source_kind(s), CD_RECORD_TEXT);
  assert_int_equal(record_findings(r), 0);
  size_t n;
  const cd_record_match *m = cd_report_record_matches(r, &n);
  assert_int_equal(n, 1);
  assert_null(m[0].speaker);
  assert_null(m[0].timestamp); /* a time at the start of prose is words, not a timestamp */
  cd_report_free(r);
  cd_record_source_free(s);
}

static void test_bad_input(void **state) {
  (void)state;
  const char junk[] = "\xff\xfe[unclosed \"bracket\n...\xE2\x80\n:\n[]:\nQ:\n<v>\n-->";
  cd_record_source *s = cd_record_source_new("junk", junk, sizeof junk - 1);
  assert_non_null(s);
  cd_record_source *empty = cd_record_source_new(NULL, NULL, 0);
  assert_non_null(empty);
  const cd_record_source *both[2] = {s, empty};
  const char *article = "\"\xff\xfe unclosed bracket ... [ ] \" she said. \"[\" \"...\"";
  cd_report *r = cd_analyze_with_record(article, strlen(article), CD_FORMAT_PLAINTEXT, NULL, both, 2);
  assert_non_null(r);
  cd_report_free(r);
  cd_record_source_free(s);
  cd_record_source_free(empty);
}

/* NULL when the two reports found the same passages; else what differs. */
static const char *matches_difference(const cd_report *a, const cd_report *b) {
  size_t na, nb;
  const cd_record_match *x = cd_report_record_matches(a, &na), *y = cd_report_record_matches(b, &nb);
  if (na != nb) return "number of matches";
  for (size_t i = 0; i < na; i++)
    if (x[i].quote != y[i].quote || x[i].source != y[i].source || !span_same(x[i].passage, y[i].passage) ||
        x[i].exact != y[i].exact || x[i].line != y[i].line)
      return "a match";
  return report_difference(a, b);
}

/* The sources remember what they have seen (lookups, alignments, the shape of each quote's
 * bytes): an article checked again, after an edit and back, is checked exactly as by fresh
 * sources. */
static void test_remembered_quotes_same_answer(void **state) {
  (void)state;
  size_t len;
  char *article = slurp("dredging.txt", &len);
  char *edited = strdup(article);
  char *at = strstr(edited, "open the entire time");
  memcpy(at, "shut", 4); /* "open" -> "shut": an altered quote, same length */
  cd_record_source *warm[2] = {load("interview-ruiz.txt"), load("press-release.txt")};
  const cd_record_source *const *w = (const cd_record_source *const *)warm;
  cd_report *first = cd_analyze_with_record(article, len, CD_FORMAT_PLAINTEXT, NULL, w, 2);
  cd_report *changed = cd_analyze_with_record(edited, len, CD_FORMAT_PLAINTEXT, NULL, w, 2);
  cd_report *again = cd_analyze_with_record(article, len, CD_FORMAT_PLAINTEXT, NULL, w, 2);
  cd_report *changed_again = cd_analyze_with_record(edited, len, CD_FORMAT_PLAINTEXT, NULL, w, 2);
  cd_record_source *fresh[2] = {load("interview-ruiz.txt"), load("press-release.txt")};
  cd_report *fresh_changed =
      cd_analyze_with_record(edited, len, CD_FORMAT_PLAINTEXT, NULL, (const cd_record_source *const *)fresh, 2);
  assert_non_null(find_diag(changed, edited, "quote.altered", "shut"));
  const char *why = matches_difference(first, again);
  if (why) fail_msg("checked again: %s differs", why);
  why = matches_difference(changed, changed_again);
  if (why) fail_msg("the edit checked again: %s differs", why);
  why = matches_difference(changed_again, fresh_changed);
  if (why) fail_msg("warm and fresh sources: %s differs", why);
  cd_report_free(first);
  cd_report_free(changed);
  cd_report_free(again);
  cd_report_free(changed_again);
  cd_report_free(fresh_changed);
  for (int i = 0; i < 2; i++) {
    cd_record_source_free(warm[i]);
    cd_record_source_free(fresh[i]);
  }
  free(edited);
  free(article);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_fixture_article),
      cmocka_unit_test(test_editorial_changes_never_count),
      cmocka_unit_test(test_alterations_always_count),
      cmocka_unit_test(test_interviewer_words),
      cmocka_unit_test(test_subtitles),
      cmocka_unit_test(test_line_ends),
      cmocka_unit_test(test_press_release_headings_are_not_speakers),
      cmocka_unit_test(test_bad_input),
      cmocka_unit_test(test_remembered_quotes_same_answer),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
