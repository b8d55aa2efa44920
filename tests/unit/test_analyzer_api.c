/* The analyzer's public API: edge-case input (empty, NULL, invalid UTF-8, CRLF, BOM, 1 MB),
 * ownership of the report, the rule table, severities and configuration. */
#define _DEFAULT_SOURCE /* mmap's MAP_ANONYMOUS */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include <cmocka.h>

#include "copydesk/analyzer.h"
#include "test_report.h"

/* ---- helpers ---- */

static const char ARTICLE[] =
    "Harbour council backs new footbridge\n"
    "\n"
    "Senator Ted Cruz visited the harbour town of Millbrook on Tuesday. \"We will build the bridge "
    "by spring,\" Cruz said.\n"
    "\n"
    "\"The money is already in the budget,\" said Mayor Alice Brennan. The vote is on Monday.\n"
    "\n"
    "\"This is the end of the ferry.\"\n";

static const cd_quote *quote_starting(const cd_report *r, const char *text, const char *prefix) {
  size_t n;
  const cd_quote *q = cd_report_quotes(r, &n);
  size_t pl = strlen(prefix);
  for (size_t i = 0; i < n; i++)
    if (q[i].inner.end - q[i].inner.start >= pl && memcmp(text + q[i].inner.start, prefix, pl) == 0) return &q[i];
  return NULL;
}

static void assert_speaker(const cd_report *r, const char *text, const char *prefix, const char *speaker) {
  const cd_quote *q = quote_starting(r, text, prefix);
  if (!q) fail_msg("no quote starting \"%s\"", prefix);
  if (!speaker) {
    assert_null(q->speaker);
    return;
  }
  assert_non_null(q->speaker);
  assert_string_equal(q->speaker, speaker);
}

/* Every span lies inside the text; quotes contain their inner words; diagnostics are in text order. */
static void assert_spans_sane(const cd_report *r, size_t len) {
  size_t n;
  const cd_quote *q = cd_report_quotes(r, &n);
  for (size_t i = 0; i < n; i++) {
    assert_true(q[i].span.start <= q[i].inner.start);
    assert_true(q[i].inner.start <= q[i].inner.end);
    assert_true(q[i].inner.end <= q[i].span.end);
    assert_true(q[i].span.end <= len);
    assert_non_null(q[i].evidence);
    if (q[i].method != CD_ATTR_NONE) {
      assert_non_null(q[i].speaker);
      assert_true(q[i].speaker_span.end <= len);
    }
  }
  const cd_diagnostic *d = cd_report_diagnostics(r, &n);
  for (size_t i = 0; i < n; i++) {
    assert_true(d[i].span.start <= d[i].span.end);
    assert_true(d[i].span.end <= len);
    assert_non_null(d[i].message);
    assert_non_null(cd_rule_find(d[i].code));
    assert_int_not_equal(d[i].severity, CD_SEVERITY_OFF);
    if (i) { /* by start, then end, then code */
      assert_true(d[i - 1].span.start <= d[i].span.start);
      if (d[i - 1].span.start == d[i].span.start) {
        assert_true(d[i - 1].span.end <= d[i].span.end);
        if (d[i - 1].span.end == d[i].span.end) assert_true(strcmp(d[i - 1].code, d[i].code) <= 0);
      }
    }
  }
  const cd_span *p = cd_report_paragraphs(r, &n);
  for (size_t i = 0; i < n; i++) {
    assert_true(p[i].start <= p[i].end && p[i].end <= len);
    if (i) assert_true(p[i - 1].end <= p[i].start);
  }
}

/* ---- empty and NULL ---- */

static void test_empty_text(void **state) {
  (void)state;
  size_t n = 99;
  cd_report *r = cd_analyze("", 0, CD_FORMAT_PLAINTEXT, NULL);
  assert_non_null(r);
  cd_report_quotes(r, &n);
  assert_int_equal(n, 0);
  cd_report_diagnostics(r, &n);
  assert_int_equal(n, 0);
  cd_report_entities(r, &n);
  assert_int_equal(n, 0);
  cd_report_paragraphs(r, &n);
  assert_int_equal(n, 0);
  assert_int_equal(cd_report_headline(r).start, CD_NONE);
  assert_int_equal(cd_report_headline(r).end, CD_NONE);
  cd_report_free(r);

  /* NULL with length 0 is empty text too, in both formats; so is whitespace only. */
  r = cd_analyze(NULL, 0, CD_FORMAT_MARKDOWN, NULL);
  assert_non_null(r);
  cd_report_quotes(r, &n);
  assert_int_equal(n, 0);
  cd_report_free(r);
  r = cd_analyze(" \n\n\t\r\n", 6, CD_FORMAT_MARKDOWN, NULL);
  assert_non_null(r);
  cd_report_diagnostics(r, &n);
  assert_int_equal(n, 0);
  cd_report_free(r);
}

static void test_free_null(void **state) {
  (void)state;
  cd_report_free(NULL);
  cd_config_free(NULL);
}

/* The text need not be NUL-terminated: only `len` bytes are read. */
static void test_length_not_nul(void **state) {
  (void)state;
  size_t len = strlen(ARTICLE);
  char *buf = malloc(len + 40);
  assert_non_null(buf);
  memcpy(buf, ARTICLE, len);
  memcpy(buf + len, "\n\"An extra quote past the end,\" Bo said.", 40); /* no NUL */
  cd_report *r = cd_analyze(buf, len, CD_FORMAT_PLAINTEXT, NULL);
  size_t n;
  cd_report_quotes(r, &n);
  assert_int_equal(n, 3);
  assert_spans_sane(r, len);
  cd_report_free(r);
  free(buf);
}

/* A Markdown text with no final newline that ends right before an unreadable page: every reader
 * of the text stays inside it (md4c looks for line ends with strcspn, as if the text were a
 * string; the fuzz regression markdown-built-href-use-after-free replays that under ASan's strict
 * string checks). */
static void test_markdown_ends_at_page(void **state) {
  (void)state;
  static const char md[] = "# Tram plan dropped\n\nThe council dropped the plan, according to [the Evening "
                           "Post](https://exa&ple.com/post), on Monday.\n\n> Sources said the money would go to "
                           "buses.\n\n```\ncritics say \"names\": doomed\n```\n\n## The decision is final\n\n"
                           "Analysts said the line would have cost \xC2\xA3" "400 million.";
  size_t len = sizeof md - 1;
  long page = sysconf(_SC_PAGESIZE);
  assert_true(page > 0 && (size_t)page > len);
  char *map = mmap(NULL, 2 * (size_t)page, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  assert_true(map != MAP_FAILED);
  assert_int_equal(mprotect(map + page, (size_t)page, PROT_NONE), 0);
  char *text = map + page - len;
  memcpy(text, md, len);
  cd_report *r = cd_analyze(text, len, CD_FORMAT_MARKDOWN, NULL);
  assert_non_null(r);
  assert_spans_sane(r, len);
  cd_report_free(r);
  munmap(map, 2 * (size_t)page);
}

/* ---- encodings ---- */

/* The fix a text.garbled finding over `word` offers, or NULL. */
static const char *garbled_fix(const cd_report *r, const char *text, const char *word) {
  size_t n;
  const cd_diagnostic *d = cd_report_diagnostics(r, &n);
  size_t at = (size_t)(strstr(text, word) - text);
  for (size_t i = 0; i < n; i++) {
    if (strcmp(d[i].code, "text.garbled") != 0 || d[i].span.start != at || d[i].span.end != at + strlen(word))
      continue;
    return d[i].n_fixes == 1 && d[i].fixes[0].n_edits == 1 ? d[i].fixes[0].edits[0].new_text : "";
  }
  return NULL;
}

static void test_garbled_text(void **state) {
  (void)state;
  /* UTF-8 read as Windows-1252 and saved again: "José", "it’s", "£20", twice over "François",
   * and a no-break space; then words written with those letters on purpose, and a lost byte. */
  const char text[] = "Harbour plan\n\nMayor Jos\xC3\x83\xC2\xA9 Ortega said it\xC3\xA2\xE2\x82\xAC\xE2\x84\xA2s "
                      "fine at \xC3\x82\xC2\xA3" "20, as did Fran\xC3\x83\xC2\x83\xC3\x82\xC2\xA7ois Roux.\n\n"
                      "Price:\xC3\x82\xC2\xA0" "twenty. CAF\xC3\x89\xE2\x80\x9D and S\xC3\x83O PAULO, p\xC3\xA2t\xC3\xA9, "
                      "long\xC3\x83\xC2\xA2\xE2\x82\xACterm.\n";
  cd_report *r = cd_analyze(text, sizeof text - 1, CD_FORMAT_PLAINTEXT, NULL);
  assert_non_null(r);
  assert_string_equal(garbled_fix(r, text, "Jos\xC3\x83\xC2\xA9"), "Jos\xC3\xA9");
  assert_string_equal(garbled_fix(r, text, "it\xC3\xA2\xE2\x82\xAC\xE2\x84\xA2s"), "it\xE2\x80\x99s");
  assert_string_equal(garbled_fix(r, text, "\xC3\x82\xC2\xA3" "20"), "\xC2\xA3" "20");
  assert_string_equal(garbled_fix(r, text, "Fran\xC3\x83\xC2\x83\xC3\x82\xC2\xA7ois"), "Fran\xC3\xA7ois");
  assert_string_equal(garbled_fix(r, text, "\xC3\x82\xC2\xA0"), "\xC2\xA0");
  assert_string_equal(garbled_fix(r, text, "long\xC3\x83\xC2\xA2\xE2\x82\xACterm"), ""); /* a byte lost: no fix */
  assert_int_equal(count_code(r, "text.garbled"), 6); /* not CAFÉ”, SÃO, pâté */
  cd_report_free(r);
  /* words in capitals that end in Ä, Å or Ã before a mark are written so; a garbled no-break space
   * and the garbled word after it are two findings that do not overlap */
  const char caps[] = "Songs\n\nThey sang \xE2\x80\x9CP\xC3\x84IV\xC3\x84\xE2\x80\x9D and \xE2\x80\x9CVI SKA G\xC3\x85\xE2\x80\xA6\xE2\x80\x9D, "
                      "and Price:\xC3\x82\xC2\xA0" "Jos\xC3\x83\xC2\xA9 paid.\n";
  r = cd_analyze(caps, sizeof caps - 1, CD_FORMAT_PLAINTEXT, NULL);
  assert_non_null(r);
  assert_int_equal(count_code(r, "text.garbled"), 2);
  size_t n;
  const cd_diagnostic *d = cd_report_diagnostics(r, &n);
  size_t last_end = 0;
  for (size_t i = 0; i < n; i++) {
    if (strcmp(d[i].code, "text.garbled") != 0) continue;
    assert_true(d[i].span.start >= last_end);
    last_end = d[i].span.end;
  }
  cd_report_free(r);
}

static void test_invalid_utf8(void **state) {
  (void)state;
  /* Two bad bytes in a row inside a quote, then one more in a later paragraph: one finding for
   * the text, on the first run, covering that run. */
  const char text[] = "Ferry news\n\n\"The \xff\xfe ferry is late,\" Ann Lee said.\n\n"
                      "\"It always is,\" said Bo Park, caf\xe9 owner.\n";
  size_t len = sizeof text - 1;
  cd_report *r = cd_analyze(text, len, CD_FORMAT_PLAINTEXT, NULL);
  assert_non_null(r);
  assert_int_equal(count_code(r, "text.invalid-utf8"), 1);
  size_t n;
  const cd_diagnostic *d = cd_report_diagnostics(r, &n);
  size_t bad1 = (size_t)(strchr(text, '\xff') - text);
  for (size_t i = 0; i < n; i++) {
    if (strcmp(d[i].code, "text.invalid-utf8") != 0) continue;
    assert_int_equal(d[i].span.start, bad1);
    assert_int_equal(d[i].span.end, bad1 + 2);
  }
  /* Offsets after the bad bytes are still byte offsets into the caller's text. */
  const cd_quote *q = quote_starting(r, text, "The ");
  assert_non_null(q);
  assert_int_equal(q->inner.end - q->inner.start, strlen("The \xff\xfe ferry is late,"));
  assert_memory_equal(text + q->inner.start, "The \xff\xfe ferry is late,", q->inner.end - q->inner.start);
  assert_string_equal(q->speaker, "Ann Lee");
  assert_int_equal(q->speaker_span.start, (size_t)(strstr(text, "Ann Lee") - text));
  assert_speaker(r, text, "It always is", "Bo Park");
  q = quote_starting(r, text, "It always is");
  assert_int_equal(q->speaker_span.start, (size_t)(strstr(text, "Bo Park") - text));
  assert_spans_sane(r, len);
  cd_report_free(r);
}

/* A source relaying someone's tag is the speaker; relays names the one who said the words, and
 * only then. */
static void test_relayed_speaker(void **state) {
  (void)state;
  const char text[] = "Publicist sued\n\nLena Marsh sued her publicist, Ivo Trent, on Monday.\n\n"
                      "\"Ready when you are,\" Trent replied, according to the complaint.\n\n"
                      "\"We will see him in court,\" Marsh said.\n";
  cd_report *r = cd_analyze(text, sizeof text - 1, CD_FORMAT_PLAINTEXT, NULL);
  assert_speaker(r, text, "Ready when", "the complaint");
  const cd_quote *q = quote_starting(r, text, "Ready when");
  assert_non_null(q->relays);
  assert_string_equal(q->relays, "Ivo Trent");
  assert_speaker(r, text, "We will see", "Lena Marsh");
  assert_null(quote_starting(r, text, "We will see")->relays);
  cd_report_free(r);
}

static void test_truncated_utf8_at_end(void **state) {
  (void)state;
  const char text[] = "\"Done,\" Ann Lee said. \xe2\x80"; /* a curly quote cut short */
  size_t len = sizeof text - 1;
  cd_report *r = cd_analyze(text, len, CD_FORMAT_PLAINTEXT, NULL);
  assert_non_null(r);
  assert_int_equal(count_code(r, "text.invalid-utf8"), 1);
  assert_spans_sane(r, len);
  cd_report_free(r);
}

static char *replace_all(const char *s, const char *from, const char *to) {
  size_t fl = strlen(from), tl = strlen(to), n = 0;
  for (const char *p = strstr(s, from); p; p = strstr(p + fl, from)) n++;
  char *out = malloc(strlen(s) + n * (tl > fl ? tl - fl : 0) + 1), *o = out;
  assert_non_null(out);
  for (const char *p = s;;) {
    const char *hit = strstr(p, from);
    if (!hit) {
      strcpy(o, p);
      break;
    }
    memcpy(o, p, (size_t)(hit - p));
    o += hit - p;
    memcpy(o, to, tl);
    o += tl;
    p = hit + fl;
  }
  return out;
}

/* CRLF line ends: the same quotes, speakers and findings as LF, at the CRLF text's offsets. */
static void test_crlf(void **state) {
  (void)state;
  char *crlf = replace_all(ARTICLE, "\n", "\r\n");
  size_t len = strlen(crlf), n_lf, n_crlf;
  cd_report *lf = cd_analyze(ARTICLE, strlen(ARTICLE), CD_FORMAT_PLAINTEXT, NULL);
  cd_report *cr = cd_analyze(crlf, len, CD_FORMAT_PLAINTEXT, NULL);
  const cd_quote *a = cd_report_quotes(lf, &n_lf), *b = cd_report_quotes(cr, &n_crlf);
  assert_int_equal(n_lf, 3);
  assert_int_equal(n_crlf, n_lf);
  for (size_t i = 0; i < n_lf; i++) {
    assert_int_equal(b[i].inner.end - b[i].inner.start, a[i].inner.end - a[i].inner.start);
    assert_memory_equal(crlf + b[i].inner.start, ARTICLE + a[i].inner.start, a[i].inner.end - a[i].inner.start);
    assert_int_equal(b[i].method, a[i].method);
    if (a[i].speaker) assert_string_equal(b[i].speaker, a[i].speaker);
  }
  const cd_diagnostic *da = cd_report_diagnostics(lf, &n_lf), *db = cd_report_diagnostics(cr, &n_crlf);
  assert_int_equal(n_crlf, n_lf);
  for (size_t i = 0; i < n_lf; i++) assert_string_equal(db[i].code, da[i].code);
  /* The headline ends before the CR. */
  cd_span h = cd_report_headline(cr);
  assert_int_equal(h.start, 0);
  assert_int_equal(h.end, strlen("Harbour council backs new footbridge"));
  assert_spans_sane(cr, len);
  cd_report_free(lf);
  cd_report_free(cr);
  free(crlf);
}

/* A byte-order mark is not text: no finding, the first paragraph starts after it, offsets are
 * the file's. In plain text the first line is the headline; in Markdown a heading is. */
static void test_bom(void **state) {
  (void)state;
  for (int f = 0; f < 2; f++) {
    const char *prefix = f ? "\xEF\xBB\xBF# " : "\xEF\xBB\xBF";
    size_t pre = strlen(prefix), len = pre + strlen(ARTICLE), n;
    char *text = malloc(len + 1);
    assert_non_null(text);
    memcpy(text, prefix, pre);
    memcpy(text + pre, ARTICLE, len - pre + 1);
    cd_report *r = cd_analyze(text, len, f ? CD_FORMAT_MARKDOWN : CD_FORMAT_PLAINTEXT, NULL);
    assert_int_equal(count_code(r, "text.invalid-utf8"), 0);
    cd_span h = cd_report_headline(r);
    assert_int_equal(h.start, pre);
    assert_memory_equal(text + h.start, "Harbour", 7);
    const cd_span *p = cd_report_paragraphs(r, &n);
    assert_true(n >= 1);
    assert_int_equal(p[0].start, pre);
    assert_speaker(r, text, "We will build", "Ted Cruz");
    assert_speaker(r, text, "This is the end", NULL);
    assert_spans_sane(r, len);
    cd_report_free(r);
    free(text);
  }
}

/* ---- size ---- */

static void test_huge_input(void **state) {
  (void)state;
  const char *para = "\"We will build the bridge by spring,\" Senator Ted Cruz said on Tuesday. "
                     "\"The money is there,\" said Mayor Alice Brennan, who has led the council since 2019. "
                     "Critics say the plan is rushed.\n\n";
  size_t pl = strlen(para), reps = (1024 * 1024) / pl + 1, len = pl * reps;
  char *text = malloc(len + 1);
  assert_non_null(text);
  for (size_t i = 0; i < reps; i++) memcpy(text + i * pl, para, pl);
  text[len] = 0;
  cd_report *r = cd_analyze(text, len, CD_FORMAT_PLAINTEXT, NULL);
  assert_non_null(r);
  size_t n;
  const cd_quote *q = cd_report_quotes(r, &n);
  assert_int_equal(n, 2 * reps);
  assert_string_equal(q[n - 1].speaker, "Alice Brennan");
  cd_report_paragraphs(r, &n);
  assert_true(n >= reps - 1);
  assert_spans_sane(r, len);
  cd_report_free(r);
  /* The same bytes as Markdown. */
  r = cd_analyze(text, len, CD_FORMAT_MARKDOWN, NULL);
  assert_non_null(r);
  cd_report_quotes(r, &n);
  assert_int_equal(n, 2 * reps);
  cd_report_free(r);
  free(text);
}

/* Pathological input: only marks, one long line, NUL bytes. Must not crash. */
static void test_garbage(void **state) {
  (void)state;
  size_t len = 200000;
  char *text = malloc(len);
  assert_non_null(text);
  static const char *const pieces[] = {"\"", "'", "\xE2\x80\x9C", "\xE2\x80\x9D", "\xC2\xAB", "\xC2\xBB",
                                       " ", "\n", "said", "Mr.", "\0", "#", "`", "<!--", "Ann"};
  uint32_t seed = 12345;
  for (size_t i = 0; i < len;) {
    seed = seed * 1103515245u + 12345u;
    const char *p = pieces[(seed >> 16) % (sizeof pieces / sizeof pieces[0])];
    size_t k = *p ? strlen(p) : 1;
    if (i + k > len) k = len - i;
    memcpy(text + i, p, k);
    i += k;
  }
  for (int f = 0; f < 2; f++) {
    cd_report *r = cd_analyze(text, len, f ? CD_FORMAT_MARKDOWN : CD_FORMAT_PLAINTEXT, NULL);
    assert_non_null(r);
    assert_spans_sane(r, len);
    cd_report_free(r);
  }
  free(text);
}

/* A verb of saying as the very first token: the attribution pass looks back from it for a time
 * phrase ("who in 2010 said") and once read before the start of the token table (the server
 * crashed on an edit that left "said" at the top of an article). */
static void test_verb_opens_text(void **state) {
  (void)state;
  static const char *const texts[] = {"said \"We will go.\"\n", "said, \"We will go.\"\n", "Said \"We will go.\"\n"};
  for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++) {
    for (int f = 0; f < 2; f++) {
      cd_report *r = cd_analyze(texts[i], strlen(texts[i]), f ? CD_FORMAT_MARKDOWN : CD_FORMAT_PLAINTEXT, NULL);
      assert_non_null(r);
      assert_spans_sane(r, strlen(texts[i]));
      assert_speaker(r, texts[i], "We will go.", NULL);
      cd_report_free(r);
    }
  }
}

/* ---- ownership ---- */

/* The report owns its strings: they outlive the caller's text and configuration. */
static void test_report_ownership(void **state) {
  (void)state;
  size_t len = strlen(ARTICLE);
  char *text = malloc(len);
  assert_non_null(text);
  memcpy(text, ARTICLE, len);
  cd_config *config = cd_config_new();
  assert_non_null(config);
  assert_true(cd_config_add_speech_verb(config, "quipped"));
  cd_report *r = cd_analyze(text, len, CD_FORMAT_PLAINTEXT, config);
  const cd_quote *q0 = quote_starting(r, text, "We will build");
  assert_non_null(q0);
  cd_span inner = q0->inner;
  memset(text, 'x', len);
  free(text);
  cd_config_free(config);

  size_t n;
  const cd_quote *q = cd_report_quotes(r, &n);
  assert_int_equal(n, 3);
  assert_int_equal(q[0].inner.start, inner.start);
  assert_string_equal(q[0].speaker, "Ted Cruz");
  assert_string_equal(q[0].cue, "said");
  assert_string_equal(q[1].speaker, "Alice Brennan");
  const cd_diagnostic *d = cd_report_diagnostics(r, &n);
  size_t total = 0;
  for (size_t i = 0; i < n; i++) {
    total += strlen(d[i].message) + strlen(d[i].code);
    for (size_t k = 0; k < d[i].n_related; k++) total += strlen(d[i].related[k].message);
    for (size_t k = 0; k < d[i].n_fixes; k++) {
      total += strlen(d[i].fixes[k].title);
      for (size_t e = 0; e < d[i].fixes[k].n_edits; e++) total += strlen(d[i].fixes[k].edits[e].new_text);
    }
  }
  assert_true(total > 0);
  const cd_entity *e = cd_report_entities(r, &n);
  for (size_t i = 0; i < n; i++) {
    assert_non_null(e[i].name);
    for (size_t m = 0; m < e[i].n_mentions; m++) assert_non_null(e[i].mentions[m].text);
  }
  cd_report_free(r);
}

/* Reports are independent: freeing one leaves another intact; the same input gives the same output. */
static void test_reports_independent(void **state) {
  (void)state;
  size_t len = strlen(ARTICLE), n1, n2;
  cd_report *a = cd_analyze(ARTICLE, len, CD_FORMAT_PLAINTEXT, NULL);
  cd_report *b = cd_analyze(ARTICLE, len, CD_FORMAT_PLAINTEXT, NULL);
  const cd_diagnostic *da = cd_report_diagnostics(a, &n1);
  cd_report_free(a);
  const cd_diagnostic *db = cd_report_diagnostics(b, &n2);
  assert_true(n2 > 0);
  (void)da;
  assert_int_equal(n1, n2);
  for (size_t i = 0; i < n2; i++) assert_non_null(db[i].message);
  cd_report_free(b);
}

/* ---- rules, severities, configuration ---- */

static void test_rule_table(void **state) {
  (void)state;
  size_t n;
  const cd_rule_info *rules = cd_rules(&n);
  assert_true(n >= 10);
  for (size_t i = 0; i < n; i++) {
    assert_non_null(rules[i].code);
    assert_non_null(rules[i].summary);
    assert_true(strlen(rules[i].summary) > 0);
    assert_ptr_equal(cd_rule_find(rules[i].code), &rules[i]);
    for (size_t k = 0; k < i; k++) assert_string_not_equal(rules[k].code, rules[i].code);
  }
  static const char *const expected[] = {"quote.attributed", "quote.unattributed", "quote.unclosed",
                                         "name.variant",     "name.spelling",      "claim.unattributed",
                                         "text.invalid-utf8", "text.garbled"};
  for (size_t i = 0; i < sizeof expected / sizeof expected[0]; i++) assert_non_null(cd_rule_find(expected[i]));
  assert_null(cd_rule_find("quote.nope"));
  assert_null(cd_rule_find(""));
}

static void test_severity_names(void **state) {
  (void)state;
  cd_severity s;
  for (int i = CD_SEVERITY_OFF; i <= CD_SEVERITY_ERROR; i++) {
    assert_true(cd_severity_parse(cd_severity_name((cd_severity)i), &s));
    assert_int_equal(s, i);
  }
  assert_false(cd_severity_parse("fatal", &s));
  assert_false(cd_severity_parse("", &s));
  assert_string_equal(cd_severity_name(CD_SEVERITY_WARNING), "warning");
  assert_string_equal(cd_quote_kind_name(CD_QUOTE_TITLE), "title");
  assert_string_equal(cd_attribution_method_name(CD_ATTR_ACCORDING_TO), "according-to");
  assert_string_equal(cd_entity_kind_name(CD_ENTITY_PERSON), "person");
}

static void test_format_from_path(void **state) {
  (void)state;
  assert_int_equal(cd_format_from_path("a/b/story.md"), CD_FORMAT_MARKDOWN);
  assert_int_equal(cd_format_from_path("story.markdown"), CD_FORMAT_MARKDOWN);
  assert_int_equal(cd_format_from_path("story.txt"), CD_FORMAT_PLAINTEXT);
  assert_int_equal(cd_format_from_path("story"), CD_FORMAT_PLAINTEXT);
  assert_int_equal(cd_format_from_path(NULL), CD_FORMAT_PLAINTEXT);
}

static void test_config_severity(void **state) {
  (void)state;
  cd_config *c = cd_config_new();
  assert_non_null(c);
  assert_int_equal(cd_config_severity(c, "quote.unattributed"), cd_rule_find("quote.unattributed")->default_severity);
  assert_false(cd_config_set_severity(c, "no.such-rule", CD_SEVERITY_ERROR));
  assert_true(cd_config_set_severity(c, "quote.unattributed", CD_SEVERITY_ERROR));
  assert_true(cd_config_set_severity(c, "quote.attributed", CD_SEVERITY_OFF));
  cd_config *copy = cd_config_clone(c);
  assert_non_null(copy);
  cd_config_free(c);

  size_t n;
  cd_report *r = cd_analyze(ARTICLE, strlen(ARTICLE), CD_FORMAT_PLAINTEXT, copy);
  const cd_diagnostic *d = cd_report_diagnostics(r, &n);
  assert_int_equal(count_code(r, "quote.attributed"), 0);
  assert_int_equal(count_code(r, "quote.unattributed"), 1);
  for (size_t i = 0; i < n; i++)
    if (strcmp(d[i].code, "quote.unattributed") == 0) assert_int_equal(d[i].severity, CD_SEVERITY_ERROR);
  cd_report_free(r);
  cd_config_free(copy);

  /* Defaults: the unattributed quote is a warning and the attributed ones are hints. */
  r = cd_analyze(ARTICLE, strlen(ARTICLE), CD_FORMAT_PLAINTEXT, NULL);
  assert_int_equal(count_code(r, "quote.attributed"), 2);
  assert_int_equal(count_code(r, "quote.unattributed"), 1);
  cd_report_free(r);
}

static void test_config_bad_pattern(void **state) {
  (void)state;
  cd_config *c = cd_config_new();
  char error[256] = "";
  assert_false(cd_config_add_claim_phrase(c, "unattributed", "(unclosed", true, error, sizeof error));
  assert_true(strlen(error) > 0);
  error[0] = 0;
  assert_false(cd_config_add_ignore_pattern(c, "[", error, sizeof error));
  assert_true(strlen(error) > 0);
  assert_false(cd_config_add_claim_phrase(c, "unattributed", "(", true, NULL, 0));
  assert_true(cd_config_add_claim_phrase(c, "unattributed", "insiders whisper", false, error, sizeof error));
  cd_config_free(c);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_empty_text),
      cmocka_unit_test(test_free_null),
      cmocka_unit_test(test_length_not_nul),
      cmocka_unit_test(test_markdown_ends_at_page),
      cmocka_unit_test(test_invalid_utf8),
      cmocka_unit_test(test_garbled_text),
      cmocka_unit_test(test_truncated_utf8_at_end),
      cmocka_unit_test(test_relayed_speaker),
      cmocka_unit_test(test_crlf),
      cmocka_unit_test(test_bom),
      cmocka_unit_test(test_huge_input),
      cmocka_unit_test(test_garbage),
      cmocka_unit_test(test_verb_opens_text),
      cmocka_unit_test(test_report_ownership),
      cmocka_unit_test(test_reports_independent),
      cmocka_unit_test(test_rule_table),
      cmocka_unit_test(test_severity_names),
      cmocka_unit_test(test_format_from_path),
      cmocka_unit_test(test_config_severity),
      cmocka_unit_test(test_config_bad_pattern),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
