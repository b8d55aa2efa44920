/* Reading a source of the record: its kind, its turns and speaker labels, its words.
 *
 * - WebVTT ("WEBVTT" first) and SRT (a cue number, then "00:00:01,000 --> ..."): every cue is a
 *   turn with its start time; a voice tag (<v Ana Ruiz>) or a label at the start of the cue names
 *   the speaker, and a cue without one continues the previous cue's speaker. Other tags are not
 *   words.
 * - Anything else is text. It is a transcript when at least two lines start with a speaker label
 *   ("SMITH:", "Ana Ruiz:", "Q:", "[Ana Ruiz]", "**RUIZ:**", after an optional "[00:12:41]"); then a
 *   label starts a turn that lasts until the next label. Otherwise (a press release, a speech)
 *   each paragraph is a turn with no speaker. Words a line starts with that are headings of a
 *   document rather than speakers ("Contact:", "Date:") are data (lexicon/record_not_labels.txt). */
#include <stdlib.h>
#include <string.h>

#include "chars.h"
#include "lexicon.h"
#include "record_internal.h"

typedef struct parser {
  cd_record_source *s;
  size_t cap_words, cap_turns;
  bool ok;
  bool labels;        /* speaker labels start turns (transcripts, subtitles) */
  uint32_t line;      /* 1-based, of the line being read */
  size_t turn;        /* the current turn, or SIZE_MAX before the first */
} parser;

typedef struct label {
  size_t start, end; /* the name as written */
  size_t after;      /* where the words of the line start */
} label;

static bool is_digit(char c) { return c >= '0' && c <= '9'; }
static bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\r'; }

/* A subtitle timing line has "-->" in it. */
static bool has_arrow(const char *s, size_t a, size_t b) {
  for (size_t i = a; i + 3 <= b; i++)
    if (s[i] == '-' && s[i + 1] == '-' && s[i + 2] == '>') return true;
  return false;
}

/* ---- building the tables ---- */

static bool new_turn(parser *p, size_t start, const label *lb, size_t stamp_start, size_t stamp_end,
                     rec_role role) {
  cd_record_source *s = p->s;
  if (s->n_turns == p->cap_turns) {
    size_t cap = p->cap_turns ? p->cap_turns * 2 : 64;
    rec_turn *t = realloc(s->turns, cap * sizeof *t);
    if (!t) return p->ok = false;
    s->turns = t;
    p->cap_turns = cap;
  }
  rec_turn *t = &s->turns[s->n_turns];
  t->start = t->end = (uint32_t)start;
  t->label_start = t->label_end = (uint32_t)start;
  if (lb) {
    t->label_start = (uint32_t)lb->start;
    t->label_end = (uint32_t)lb->end;
  }
  t->stamp_start = (uint32_t)stamp_start;
  t->stamp_end = (uint32_t)stamp_end;
  t->role = (uint8_t)role;
  p->turn = s->n_turns++;
  return true;
}

static void add_word(parser *p, const rec_tok *t) {
  cd_record_source *s = p->s;
  if (!p->ok || p->turn == SIZE_MAX) return;
  if (s->n_words == p->cap_words) {
    size_t cap = p->cap_words ? p->cap_words * 2 : 256;
    rec_word *w = realloc(s->words, cap * sizeof *w);
    if (!w) {
      p->ok = false;
      return;
    }
    s->words = w;
    p->cap_words = cap;
  }
  s->words[s->n_words++] = (rec_word){t->key, (uint32_t)t->start, (uint32_t)t->end, p->line, (uint32_t)p->turn};
  s->turns[p->turn].end = (uint32_t)t->end;
}

/* The words of s[a, b) into the current turn. */
static void add_words(parser *p, size_t a, size_t b) {
  rec_tok t;
  while (a < b && rec_next_token(p->s->text, b, a, REC_SOURCE, &t)) {
    if (t.kind == RT_WORD) {
      add_word(p, &t);
      if (t.key2) { /* "don't": "do", then "not", both over the same bytes */
        t.key = t.key2;
        add_word(p, &t);
      }
    }
    a = t.end;
  }
}

/* ---- recognising line shapes ---- */

/* A time at s[a, b): [h:]mm:ss with an optional fraction; returns its end (0 if none) and the
 * end of its seconds in *whole. */
static size_t time_at(const char *s, size_t a, size_t b, size_t *whole) {
  size_t i = a, groups = 0;
  for (;;) {
    size_t d = i;
    while (i < b && is_digit(s[i])) i++;
    if (i == d || i - d > 2) return 0;
    groups++;
    if (i < b && s[i] == ':' && groups < 3) {
      i++;
      continue;
    }
    break;
  }
  if (groups < 2) return 0;
  *whole = i;
  if (i < b && (s[i] == '.' || s[i] == ',') && i + 1 < b && is_digit(s[i + 1])) {
    i++;
    while (i < b && is_digit(s[i])) i++;
  }
  return i;
}

/* A leading timestamp of a transcript line: "00:12:41", "[00:12:41]", "(12:41)". */
static size_t line_stamp(const char *s, size_t a, size_t b, size_t *st, size_t *se) {
  size_t i = a;
  char close = 0;
  if (i < b && (s[i] == '[' || s[i] == '(')) close = s[i++] == '[' ? ']' : ')';
  size_t whole, e = time_at(s, i, b, &whole);
  if (!e) return 0;
  if (close) {
    if (e >= b || s[e] != close) return 0;
    e++;
  }
  if (e < b && !is_blank(s[e])) return 0;
  *st = i;
  *se = whole;
  while (e < b && is_blank(s[e])) e++;
  return e;
}

static bool label_is_excluded(const char *s, size_t a, size_t b) {
  char buf[48];
  size_t n = b - a;
  if (n >= sizeof buf) return true;
  for (size_t i = 0; i < n; i++) buf[i] = s[a + i] >= 'A' && s[a + i] <= 'Z' ? (char)(s[a + i] + 32) : s[a + i];
  return cd_lex_has(CD_LEX_RECORD_NOT_LABELS, buf, n);
}

/* A name of a label in s[a, b): 1 to 5 words, each starting with a capital letter or a digit
 * ("SPEAKER 2"), made of letters, digits, marks, periods, apostrophes and hyphens; the first
 * starts with a letter. */
static bool label_name(const char *s, size_t a, size_t b) {
  if (a >= b || b - a > 40) return false;
  size_t words = 0, i = a;
  while (i < b) {
    while (i < b && s[i] == ' ') i++;
    if (i >= b) break;
    size_t n;
    int32_t c = cd_decode(s, b, i, &n);
    if (!(cd_is_upper(c) || (words > 0 && cd_is_digit(c)))) return false;
    words++;
    while (i < b && s[i] != ' ') {
      c = cd_decode(s, b, i, &n);
      if (!(cd_is_letter(c) || cd_is_digit(c) || cd_is_mark(c) || c == '.' || c == '\'' || c == '-' || c == 0x2019))
        return false;
      i += n;
    }
  }
  return words >= 1 && words <= 5;
}

/* A speaker label at the start of s[a, b): "NAME:", "**NAME:**", "**NAME**:", "[Name]". */
static bool label_at(const char *s, size_t a, size_t b, label *out) {
  size_t i = a;
  while (i < b && is_blank(s[i])) i++;
  if (i < b && s[i] == '[') {
    const char *close = memchr(s + i, ']', b - i);
    if (!close) return false;
    size_t e = (size_t)(close - s);
    if (!label_name(s, i + 1, e) || label_is_excluded(s, i + 1, e)) return false;
    *out = (label){i + 1, e, e + 1};
  } else {
    bool bold = i + 1 < b && s[i] == '*' && s[i + 1] == '*';
    if (bold) i += 2;
    const char *colon = memchr(s + i, ':', b - i < 48 ? b - i : 48);
    if (!colon) return false;
    size_t e = (size_t)(colon - s), name_end = e;
    if (bold && name_end >= i + 2 && s[name_end - 1] == '*' && s[name_end - 2] == '*') name_end -= 2;
    if (!label_name(s, i, name_end) || label_is_excluded(s, i, name_end)) return false;
    size_t after = e + 1;
    if (bold && after + 1 < b + 1 && after + 2 <= b && s[after] == '*' && s[after + 1] == '*') after += 2;
    if (after < b && !is_blank(s[after])) return false; /* "10:30", "http:" */
    *out = (label){i, name_end, after};
  }
  while (out->after < b && (is_blank(s[out->after]) || s[out->after] == ':')) out->after++;
  return true;
}

static rec_role role_of(const char *s, size_t a, size_t b) {
  char buf[48];
  size_t n = 0;
  for (size_t i = a; i < b && n < sizeof buf && s[i] != ' '; i++)
    buf[n++] = s[i] >= 'A' && s[i] <= 'Z' ? (char)(s[i] + 32) : s[i];
  if (cd_lex_has(CD_LEX_RECORD_INTERVIEWER_LABELS, buf, n)) return ROLE_INTERVIEWER;
  if (cd_lex_has(CD_LEX_RECORD_ROLE_LABELS, buf, n)) return ROLE_UNNAMED;
  return ROLE_PERSON;
}

/* ---- text and transcripts ---- */

/* Lines end as an editor ends them (LSP's rule): at "\n", "\r\n" or a lone "\r", so that a line
 * number given for a transcript saved with old Mac line ends is the line its editor shows. */
static size_t line_end(const char *s, size_t len, size_t a) {
  size_t b = a;
  while (b < len && s[b] != '\n' && s[b] != '\r') b++;
  return b;
}

/* Where the line after the one ending at b starts. */
static size_t next_line(const char *s, size_t len, size_t b) {
  return b + 1 < len && s[b] == '\r' && s[b + 1] == '\n' ? b + 2 : b + 1;
}

static bool blank_line(const char *s, size_t a, size_t b) {
  for (size_t i = a; i < b; i++)
    if (!is_blank(s[i])) return false;
  return true;
}

/* Lines that start with a speaker label (after an optional timestamp). */
static size_t count_labels(const char *s, size_t len) {
  size_t n = 0;
  for (size_t a = 0; a < len;) {
    size_t b = line_end(s, len, a), st, se;
    size_t from = line_stamp(s, a, b, &st, &se);
    label lb;
    if (label_at(s, from ? from : a, b, &lb)) n++;
    a = next_line(s, len, b);
  }
  return n;
}

static void parse_text(parser *p) {
  const char *s = p->s->text;
  size_t len = p->s->len;
  p->labels = count_labels(s, len) >= 2;
  p->s->kind = p->labels ? CD_RECORD_TRANSCRIPT : CD_RECORD_TEXT;
  bool para_open = false;
  for (size_t a = 0; a < len && p->ok; p->line++) {
    size_t b = line_end(s, len, a);
    if (blank_line(s, a, b)) {
      para_open = false;
    } else {
      /* a leading time is a transcript's timestamp; in prose ("10:30 a.m. ...") it is words */
      size_t st = a, se = a, from = p->labels ? line_stamp(s, a, b, &st, &se) : 0;
      size_t words_from = from ? from : a;
      label lb;
      if (p->labels && label_at(s, words_from, b, &lb)) {
        new_turn(p, lb.after, &lb, st, se, role_of(s, lb.start, lb.end));
        words_from = lb.after;
      } else if (!para_open && (p->turn == SIZE_MAX || p->s->turns[p->turn].role == ROLE_NONE)) {
        new_turn(p, words_from, NULL, st, se, ROLE_NONE); /* prose: a turn per paragraph */
      }
      para_open = true;
      add_words(p, words_from, b);
    }
    a = next_line(s, len, b);
  }
}

/* ---- subtitles ---- */

/* The words of one cue line, without its tags; a voice tag names the cue's speaker. */
static void cue_line(parser *p, size_t a, size_t b, bool first_line, size_t st, size_t se) {
  const char *s = p->s->text;
  label lb;
  bool labelled = false;
  if (first_line && a + 3 < b && s[a] == '<' && s[a + 1] == 'v' && (s[a + 2] == ' ' || s[a + 2] == '.')) {
    const char *gt = memchr(s + a, '>', b - a);
    const char *sp = memchr(s + a, ' ', b - a);
    if (gt && sp && sp < gt) {
      lb = (label){(size_t)(sp - s) + 1, (size_t)(gt - s), (size_t)(gt - s) + 1};
      labelled = lb.start < lb.end;
    }
  }
  if (!labelled && first_line) labelled = label_at(s, a, b, &lb);
  if (first_line) {
    const rec_turn *prev = p->turn == SIZE_MAX ? NULL : &p->s->turns[p->turn];
    if (labelled) {
      new_turn(p, lb.after, &lb, st, se, role_of(s, lb.start, lb.end));
    } else {
      label inherit = {prev ? prev->label_start : a, prev ? prev->label_end : a, a};
      new_turn(p, a, &inherit, st, se, prev ? (rec_role)prev->role : ROLE_NONE);
    }
    if (!p->ok) return;
    if (labelled) a = lb.after;
  }
  size_t i = a;
  while (i < b) {
    if (s[i] == '<') {
      const char *gt = memchr(s + i, '>', b - i);
      if (gt) {
        i = (size_t)(gt - s) + 1;
        continue;
      }
    }
    const char *lt = memchr(s + i, '<', b - i);
    size_t e = lt ? (size_t)(lt - s) : b;
    if (e == i) e++;
    add_words(p, i, e);
    i = e;
  }
}

static void parse_subtitles(parser *p) {
  const char *s = p->s->text;
  size_t len = p->s->len;
  bool in_cue = false, skip_block = false, first_line = false;
  size_t st = 0, se = 0;
  for (size_t a = 0; a < len && p->ok; p->line++) {
    size_t b = line_end(s, len, a);
    if (blank_line(s, a, b)) {
      in_cue = skip_block = false;
    } else if (in_cue) {
      cue_line(p, a, b, first_line, st, se);
      first_line = false;
    } else if (!skip_block) {
      size_t whole;
      if (has_arrow(s, a, b) && time_at(s, a, b, &whole)) {
        st = a;
        se = whole;
        in_cue = first_line = true;
      } else if ((b - a >= 4 && memcmp(s + a, "NOTE", 4) == 0) || (b - a >= 5 && memcmp(s + a, "STYLE", 5) == 0) ||
                 (b - a >= 6 && (memcmp(s + a, "WEBVTT", 6) == 0 || memcmp(s + a, "REGION", 6) == 0))) {
        skip_block = true;
      }
      /* anything else before a timing line is a cue identifier or number */
    }
    a = next_line(s, len, b);
  }
}

static bool starts_srt(const char *s, size_t len) {
  size_t a = 0;
  while (a < len && (s[a] == '\n' || s[a] == '\r' || s[a] == ' ')) a++;
  size_t b = line_end(s, len, a);
  for (size_t i = a; i < b; i++)
    if (!is_digit(s[i]) && !is_blank(s[i])) return false;
  if (b >= len) return false;
  size_t next = next_line(s, len, b), c = line_end(s, len, next), whole;
  return has_arrow(s, next, c) && time_at(s, next, c, &whole);
}

bool rec_parse(cd_record_source *s) {
  parser p = {s, 0, 0, true, false, 1, SIZE_MAX};
  size_t bom = s->len >= 3 && memcmp(s->text, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
  if (s->len - bom >= 6 && memcmp(s->text + bom, "WEBVTT", 6) == 0) {
    s->kind = CD_RECORD_WEBVTT;
    parse_subtitles(&p);
  } else if (starts_srt(s->text + bom, s->len - bom)) {
    s->kind = CD_RECORD_SRT;
    parse_subtitles(&p);
  } else {
    parse_text(&p);
  }
  return p.ok;
}
