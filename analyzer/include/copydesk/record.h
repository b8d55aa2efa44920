/* copydesk analyzer: checking quotes against the record.
 *
 * The record is the material behind a story: interview transcripts, a press release, the text of
 * a speech. The caller reads each file and hands its bytes and a name to cd_record_source_new(),
 * which parses it (plain text or Markdown, WebVTT or SRT subtitles, transcripts with speaker
 * labels such as "SMITH:", "Q:" or "[Ana Ruiz]") and indexes its words once. An analysis given
 * sources then compares every direct quote with the passage that matches it best, word by word,
 * and reports quote.altered, quote.speaker-mismatch and quote.not-in-record.
 *
 * Pure like the rest of the analyzer: no I/O. A source is immutable once built, so any number of
 * analyses on any threads may share it.
 */
#ifndef COPYDESK_RECORD_H
#define COPYDESK_RECORD_H

#include "copydesk/analyzer.h"

#ifdef __cplusplus
extern "C" {
#endif

/* One indexed source of the record. */
typedef struct cd_record_source cd_record_source;

typedef enum cd_record_kind {
  CD_RECORD_TEXT = 0,   /* prose: a press release, a statement, a speech */
  CD_RECORD_TRANSCRIPT, /* lines labelled with speakers ("SMITH:", "Q:", "[Ana Ruiz]") */
  CD_RECORD_WEBVTT,     /* WebVTT subtitles: timed cues, <v Speaker> voices */
  CD_RECORD_SRT         /* SubRip subtitles: numbered timed cues */
} cd_record_kind;

/* "text", "transcript", "webvtt", "srt". */
CD_API const char *cd_record_kind_name(cd_record_kind kind);

/* Parses and indexes `len` bytes (any bytes; invalid UTF-8 is read as U+FFFD). `name` is how
 * findings refer to the source (a path as the user wrote it); both are copied, so the caller
 * may free them at once. The caller owns the result: cd_record_source_free(). NULL only when
 * memory runs out. */
CD_API cd_record_source *cd_record_source_new(const char *name, const char *bytes, size_t len);
CD_API void cd_record_source_free(cd_record_source *source);

/* The name and the bytes as given (the source's own copy, NUL-terminated; valid until freed). */
CD_API const char *cd_record_source_name(const cd_record_source *source);
CD_API const char *cd_record_source_text(const cd_record_source *source, size_t *len);
CD_API cd_record_kind cd_record_source_kind(const cd_record_source *source);
/* Words indexed (fillers such as "um" are not words of the record). */
CD_API size_t cd_record_source_words(const cd_record_source *source);

/* cd_analyze() with the record: `sources` (n of them, borrowed during the call) are compared with
 * the article's quotes. With n == 0 this is cd_analyze() and no quote.* record finding appears. */
CD_API cd_report *cd_analyze_with_record(const char *text, size_t len, cd_format format, const cd_config *config,
                                         const cd_record_source *const *sources, size_t n_sources);

/* cd_analysis_update() with the record, as cd_analyze_with_record() is cd_analyze() with it. */
CD_API cd_report *cd_analysis_update_with_record(cd_analysis *analysis, const char *text, size_t len,
                                                 cd_format format, const cd_config *config,
                                                 const cd_record_source *const *sources, size_t n_sources);

/* A quote found in the record. Spans index the source's bytes (cd_record_source_text), so they
 * are only meaningful while the caller keeps that source; the strings belong to the report. */
typedef struct cd_record_match {
  size_t quote;            /* index into cd_report_quotes() */
  size_t source;           /* index into the sources given to the analysis */
  const char *source_name; /* the source's name */
  cd_span passage;         /* the record's words the quote matches, first to last */
  cd_span turn;            /* the speaker turn, cue or paragraph holding the passage's start */
  size_t line;             /* 1-based line of passage.start in the source */
  const char *speaker;     /* the turn's speaker label as written ("RUIZ", "Q"), or NULL */
  const char *timestamp;   /* "00:12:41" in timed sources, or NULL */
  bool exact;              /* no word that matters differs (editorial changes aside) */
} cd_record_match;

/* The quotes found in the record, in quote order; empty when the analysis had no sources. */
CD_API const cd_record_match *cd_report_record_matches(const cd_report *report, size_t *count);
/* The match of quote `quote`, or NULL. */
CD_API const cd_record_match *cd_report_record_match(const cd_report *report, size_t quote);

#ifdef __cplusplus
}
#endif

#endif
