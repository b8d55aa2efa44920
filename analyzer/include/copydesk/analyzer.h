/* copydesk analyzer: bytes in, findings out.
 *
 * Pure library: no I/O, no JSON, no global state. Every span is a pair of
 * byte offsets into the caller's text, end exclusive. The analysis never
 * fails on bad input (invalid UTF-8, empty text, unbalanced marks): such
 * problems become diagnostics. NULL from a constructor means out of memory.
 *
 * Ownership: a cd_report owns everything reachable from it (strings, arrays);
 * all of it is freed by cd_report_free(). Pointers into a report stay valid
 * until then. The report does not keep the caller's text.
 */
#ifndef COPYDESK_ANALYZER_H
#define COPYDESK_ANALYZER_H

#include <stdbool.h>
#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

#if defined(__GNUC__)
#define CD_API __attribute__((visibility("default")))
#else
#define CD_API
#endif

/* "No index" for optional indexes and span ends. */
#define CD_NONE ((size_t)-1)

typedef struct cd_span {
  size_t start; /* byte offset of the first byte */
  size_t end;   /* byte offset just past the last byte */
} cd_span;

typedef enum cd_format { CD_FORMAT_PLAINTEXT = 0, CD_FORMAT_MARKDOWN = 1 } cd_format;

/* Markdown for .md/.markdown/.mdown/.mkd, plain text otherwise. `path` may be NULL. */
CD_API cd_format cd_format_from_path(const char *path);

typedef enum cd_severity {
  CD_SEVERITY_OFF = 0,
  CD_SEVERITY_HINT,
  CD_SEVERITY_INFO,
  CD_SEVERITY_WARNING,
  CD_SEVERITY_ERROR
} cd_severity;

/* "off", "hint", "info", "warning", "error". */
CD_API const char *cd_severity_name(cd_severity severity);
/* Parses the names above; false for anything else. */
CD_API bool cd_severity_parse(const char *name, cd_severity *out);

/* ---- rules ------------------------------------------------------------ */

typedef struct cd_rule_info {
  const char *code;             /* "quote.unattributed" */
  cd_severity default_severity; /* severity without configuration */
  const char *summary;          /* one line for documentation and hovers */
} cd_rule_info;

/* The table of every rule the analyzer can report. Static storage. */
CD_API const cd_rule_info *cd_rules(size_t *count);
/* The rule with this code, or NULL. */
CD_API const cd_rule_info *cd_rule_find(const char *code);

/* ---- configuration ---------------------------------------------------- */

/* House style and rule settings. Created with defaults; the caller owns it.
 * The first analysis with a configuration compiles its claim patterns and keeps them in it (a
 * memo published atomically), so later analyses with the same configuration skip that work;
 * changing the claim settings drops the memo. Analyses may share one configuration, but it must
 * not be changed or freed while an analysis that borrowed it runs. */
typedef struct cd_config cd_config;

typedef enum cd_courtesy_style {
  CD_COURTESY_ANY = 0,                  /* no house rule: only mixing is reported */
  CD_COURTESY_NONE,                     /* never use Mr/Mrs/Ms/Dr */
  CD_COURTESY_AFTER_FIRST_REFERENCE,    /* "Vladimir Putin", then "Mr Putin" */
  CD_COURTESY_ALWAYS                    /* "Mr Putin" everywhere */
} cd_courtesy_style;

CD_API cd_config *cd_config_new(void);
CD_API cd_config *cd_config_clone(const cd_config *config);
CD_API void cd_config_free(cd_config *config);

/* Severity for a rule code; false when the code is unknown. */
CD_API bool cd_config_set_severity(cd_config *config, const char *code, cd_severity severity);
CD_API cd_severity cd_config_severity(const cd_config *config, const char *code);

CD_API void cd_config_set_courtesy_style(cd_config *config, cd_courtesy_style style);
/* true: "Mr."; false: "Mr" (default: no preference, mixing is reported). */
CD_API void cd_config_set_title_period(cd_config *config, bool with_period);
CD_API void cd_config_clear_title_period(cd_config *config);
/* How a current or former U.S. president is named on first reference. false (the default): by
 * first and family name, "President Barack Obama", as AP style has it since 2008; "President
 * Obama" alone is name.no-first-reference. true: title and surname are enough ("President Obama",
 * as some house styles allow) for a surname that names one president only. */
CD_API void cd_config_set_presidents_by_title(cd_config *config, bool by_title);

/* The house form for an entity written in several forms ({"United States": "U.S."}).
 * Strings are copied. False on out of memory. */
CD_API bool cd_config_add_preferred_form(cd_config *config, const char *entity, const char *form);
/* Accepted forms of one known name: all of `forms` are one entity, never a finding. */
CD_API bool cd_config_add_name(cd_config *config, const char *canonical, const char *const *forms,
                               size_t n_forms);
/* A name never to flag. */
CD_API bool cd_config_add_ignored_name(cd_config *config, const char *name);
/* An extra verb of saying ("quipped"). */
CD_API bool cd_config_add_speech_verb(cd_config *config, const char *verb);
/* An extra claim phrase of kind "unattributed" or "anonymous-source"; a PCRE2 pattern when
 * `is_pattern`. False and a message in `error` (may be NULL, size `error_size`) when the
 * pattern does not compile. */
CD_API bool cd_config_add_claim_phrase(cd_config *config, const char *kind, const char *phrase,
                                       bool is_pattern, char *error, size_t error_size);
/* Switch one built-in claim phrase off (matched case-insensitively against the phrase list). */
CD_API bool cd_config_disable_claim_phrase(cd_config *config, const char *phrase);
/* An extra Markdown/plain-text ignore pattern (PCRE2); matches are not prose. */
CD_API bool cd_config_add_ignore_pattern(cd_config *config, const char *pattern, char *error,
                                         size_t error_size);

/* ---- analysis --------------------------------------------------------- */

typedef struct cd_report cd_report;

/* The most bytes of one text an analysis reads (4 GiB - 2: offsets are 32-bit inside, which
 * halves the memory an analysis takes). Bytes past it are not analysed. */
#define CD_MAX_TEXT_LEN ((size_t)0xFFFFFFFEu)

/* Analyses `len` bytes of `text` (need not be NUL-terminated, may contain anything; at most
 * CD_MAX_TEXT_LEN of them are read). `config` may be NULL for defaults; it is only borrowed
 * during the call. Returns NULL only when memory runs out. */
CD_API cd_report *cd_analyze(const char *text, size_t len, cd_format format,
                             const cd_config *config);
CD_API void cd_report_free(cd_report *report);

/* ---- incremental analysis ------------------------------------------------ */

/* One document analysed version after version (an editor's open file). Each new version reuses
 * the per-paragraph work (tokens, sentences, name mentions) of the paragraphs an edit did not
 * touch, and redoes the rest; what changed is found by comparing with the previous version, so
 * the caller passes only the new text. A report from cd_analysis_update() equals, byte for byte,
 * the one cd_analyze() gives for the same text, format and configuration.
 *
 * Ownership: the handle owns a copy of the last text it analysed and that version's
 * per-paragraph tables, nothing the caller passed; cd_analysis_free() frees them. Each report
 * it returns belongs to the caller (cd_report_free), exactly as from cd_analyze, and stays valid
 * after later updates and after the handle is freed. A handle is used by one thread at a time. */
typedef struct cd_analysis cd_analysis;

/* NULL when out of memory. */
CD_API cd_analysis *cd_analysis_new(void);
CD_API void cd_analysis_free(cd_analysis *analysis);
/* Analyses the document's new version; arguments as for cd_analyze. Returns NULL only when
 * memory runs out (the handle then forgets the previous version and starts afresh next time). */
CD_API cd_report *cd_analysis_update(cd_analysis *analysis, const char *text, size_t len,
                                     cd_format format, const cd_config *config);
/* A version of `bytes` bytes or more is analysed on two threads: the handle starts a second one on
 * first need (joined by cd_analysis_free) and runs the name checks on it beside the speakers and
 * claims, which shortens a long document's keystroke on a machine with a core to spare. The report
 * is the same either way. The second thread is woken as each update starts and spins (yielding
 * the processor) until the name checks are handed to it, a fraction of a millisecond on a 60 KB
 * article and 3 ms at most: processor time spent for a shorter wait. Default
 * CD_ANALYSIS_PARALLEL_FROM; SIZE_MAX: one thread always. */
#define CD_ANALYSIS_PARALLEL_FROM ((size_t)16384)
CD_API void cd_analysis_set_parallel_from(cd_analysis *analysis, size_t bytes);

/* ---- quotes ----------------------------------------------------------- */

typedef enum cd_quote_kind {
  CD_QUOTE_SPEECH = 0, /* someone's words */
  CD_QUOTE_SCARE,      /* scare quotes, words as words, nicknames, so-called */
  CD_QUOTE_TITLE       /* titles of works, slogans, names of things */
} cd_quote_kind;

/* How a quote's speaker was found, most certain first. */
typedef enum cd_attribution_method {
  CD_ATTR_NONE = 0,      /* no speaker */
  CD_ATTR_EXPLICIT,      /* a name beside a verb of saying: "...," Kelly said */
  CD_ATTR_ACCORDING_TO,  /* according to X */
  CD_ATTR_PRONOUN,       /* "he said", resolved to a person */
  CD_ATTR_SOURCE,        /* a non-person source: "police said", "the statement said" */
  CD_ATTR_CONTINUATION   /* continues the previous speaker's quote */
} cd_attribution_method;

CD_API const char *cd_quote_kind_name(cd_quote_kind kind);           /* "speech", "scare", "title" */
CD_API const char *cd_attribution_method_name(cd_attribution_method m); /* "explicit", ... */

typedef struct cd_quote {
  cd_span span;         /* from the opening mark to just past the closing mark */
  cd_span inner;        /* the quoted words */
  cd_quote_kind kind;
  unsigned level;       /* 0 outermost, 1 a quote inside a quote, ... */
  bool headline;        /* in a heading or the title line */
  bool partial;         /* a fragment woven into the writer's sentence */
  bool closed;          /* false when recovered at a paragraph end (quote.unclosed) */
  size_t paragraph_continues; /* index of the quote this one continues across a paragraph, or CD_NONE */
  /* Attribution. All NULL / CD_NONE when method == CD_ATTR_NONE. */
  cd_attribution_method method;
  const char *speaker;  /* fullest name or the source phrase as written */
  cd_span speaker_span; /* the attributing words ("he", "Kelly", "the statement") */
  const char *cue;      /* "said", "told", "according to" */
  cd_span cue_span;
  size_t entity;        /* index into cd_report_entities(), or CD_NONE */
  size_t continues;     /* index of the quote whose speaker this one continues (a later one when a
                         * quote run over paragraphs has its tag only in the last), or CD_NONE */
  /* One sentence: how the speaker was found, or why none was. Never NULL. */
  const char *evidence;
  /* The person whose words a source relays: ""...," Trent said, according to the complaint" has
   * speaker "the complaint" and relays "Ivo Trent". NULL when the speaker is the one who spoke. */
  const char *relays;
} cd_quote;

CD_API const cd_quote *cd_report_quotes(const cd_report *report, size_t *count);

/* ---- entities --------------------------------------------------------- */

typedef enum cd_entity_kind {
  CD_ENTITY_PERSON = 0,
  CD_ENTITY_ORGANIZATION,
  CD_ENTITY_PLACE,
  CD_ENTITY_OTHER
} cd_entity_kind;

CD_API const char *cd_entity_kind_name(cd_entity_kind kind); /* "person", "organization", ... */

typedef struct cd_mention {
  cd_span span;
  const char *text;  /* the form as written, title included ("Mr Putin") */
  bool in_quote;     /* inside quotation marks: the speaker's words */
  bool headline;
} cd_mention;

typedef struct cd_entity {
  const char *name;  /* canonical: the fullest name the article gives */
  cd_entity_kind kind;
  const cd_mention *mentions; /* in text order */
  size_t n_mentions;
  size_t first_full; /* index into mentions of the first full reference, or CD_NONE */
  size_t n_quotes;   /* quotes attributed to this entity */
} cd_entity;

CD_API const cd_entity *cd_report_entities(const cd_report *report, size_t *count);

/* ---- diagnostics ------------------------------------------------------ */

typedef struct cd_edit {
  cd_span span;
  const char *new_text;
} cd_edit;

typedef struct cd_fix {
  const char *title;   /* "Change 'US' to 'U.S.'" */
  bool preferred;
  const cd_edit *edits;
  size_t n_edits;
} cd_fix;

typedef struct cd_related {
  cd_span span;
  const char *message; /* "'U.S.' is used here" */
} cd_related;

typedef struct cd_diagnostic {
  const char *code;    /* rule code */
  cd_severity severity; /* after configuration; never CD_SEVERITY_OFF (those are dropped) */
  cd_span span;
  const char *message; /* says what is wrong and what to do */
  const cd_related *related;
  size_t n_related;
  const cd_fix *fixes;
  size_t n_fixes;
  size_t quote;        /* index of the quote it is about, or CD_NONE */
  size_t entity;       /* index of the entity it is about, or CD_NONE */
} cd_diagnostic;

/* Diagnostics in text order. */
CD_API const cd_diagnostic *cd_report_diagnostics(const cd_report *report, size_t *count);

/* ---- text structure --------------------------------------------------- */

/* Paragraph spans (prose only, in text order); the headline is paragraph 0 when present. */
CD_API const cd_span *cd_report_paragraphs(const cd_report *report, size_t *count);
/* The headline's span, or {CD_NONE, CD_NONE}. */
CD_API cd_span cd_report_headline(const cd_report *report);

#ifdef __cplusplus
}
#endif

#endif
