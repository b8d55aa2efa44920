/* Source pass: which bytes are prose, the paragraphs, the headline, invalid UTF-8.
 *
 * Plain text: paragraphs are separated by blank lines. The first line is the headline only when
 * it looks like one (see looks_like_headline); otherwise it is body text like the rest.
 * Markdown: md4c's text callbacks point into our buffer, so normal text ranges are marked prose
 * exactly; code, HTML, autolinks, entities and YAML front matter are not prose; headings are the
 * headline. */
#include <md4c.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "doc.h"

static bool space_byte(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

/* The paragraph added, or NULL when [start, end) is only white space. */
static cd_para *add_para(cd_doc *doc, size_t start, size_t end, bool headline) {
  /* trim white space so spans hold words only */
  while (start < end && space_byte(doc->text[start])) start++;
  while (end > start && space_byte(doc->text[end - 1])) end--;
  if (start >= end) return NULL;
  cd_para *p = cd_vec_push(&doc->paras);
  p->span.start = start;
  p->span.end = end;
  p->headline = headline;
  if (headline && doc->headline.start == CD_NONE) doc->headline = p->span;
  return p;
}

static bool blank_line(const char *s, size_t a, size_t b) {
  for (size_t i = a; i < b; i++)
    if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r') return false;
  return true;
}

/* An inline control line ("copydesk-disable-next-line quote.unattributed", also inside an HTML
 * comment) is an instruction to us, not prose. */
static bool control_line(const char *s, size_t a, size_t b) {
  while (a < b && (s[a] == ' ' || s[a] == '\t')) a++;
  if (b - a >= 4 && memcmp(s + a, "<!--", 4) == 0) {
    a += 4;
    while (a < b && (s[a] == ' ' || s[a] == '\t')) a++;
  }
  return b - a >= 9 && memcmp(s + a, "copydesk-", 9) == 0;
}

static size_t skip_bom(const cd_doc *doc) {
  return doc->len >= 3 && memcmp(doc->text, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
}

/* Headline test for plain text: the first line is a headline when more text follows it, it is
 * short (at most HEADLINE_MAX_WORDS words), and it either does not end as a sentence does, with a
 * full stop (closing quotation marks and brackets aside; an ellipsis is not one), or stands as a
 * paragraph of its own. So a one-line text ('"We will win," she said.'), a long first paragraph
 * (a lede) and a first sentence that runs on into its paragraph are body text and are checked.
 * A line with a full stop and a blank line after it stays a headline because collections of real
 * articles end headlines with full stops; a dateline may follow a headline directly. */
#define HEADLINE_MAX_WORDS 20

static bool looks_like_headline(const char *s, size_t a, size_t b, size_t len) {
  size_t words = 0;
  for (size_t i = a; i < b; i++)
    if (s[i] != ' ' && s[i] != '\t' && (i == a || s[i - 1] == ' ' || s[i - 1] == '\t')) words++;
  if (words == 0 || words > HEADLINE_MAX_WORDS) return false;
  size_t end = b; /* the last character, past closing quotes and brackets */
  while (end > a) {
    unsigned char c = (unsigned char)s[end - 1];
    if (c == ' ' || c == '\t' || c == '\r' || c == '"' || c == '\'' || c == ')' || c == ']') {
      end--;
    } else if (end - a >= 3 && c >= 0x80 && memcmp(s + end - 3, "\xE2\x80", 2) == 0 &&
               (s[end - 1] == '\x9D' || s[end - 1] == '\x99')) { /* ” ’ */
      end -= 3;
    } else {
      break;
    }
  }
  bool full_stop = end > a && s[end - 1] == '.' && !(end - a >= 3 && memcmp(s + end - 3, "...", 3) == 0);
  size_t next = b < len ? b + 1 : b, next_end = next;
  while (next_end < len && s[next_end] != '\n') next_end++;
  if (full_stop && !blank_line(s, next, next_end)) return false;
  for (size_t i = b; i < len; i++) /* more text after it */
    if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r' && s[i] != '\n') return true;
  return false;
}

/* ---- HTML and XML tags in plain text ---- */
static bool ascii_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
static bool ascii_alnum(char c) { return ascii_alpha(c) || (c >= '0' && c <= '9'); }
static bool name_char(char c) { return ascii_alnum(c) || c == '-' || c == '_' || c == ':' || c == '.' || c == '@'; }
/* “ or ”, which a CMS's "smart quotes" put round attribute values too */
static bool curly_double(const char *s, size_t k, size_t end) {
  return k + 3 <= end && s[k] == '\xE2' && s[k + 1] == '\x80' && (s[k + 2] == '\x9C' || s[k + 2] == '\x9D');
}

/* A tag is short: past this many bytes a '<' starts none, so a text of many '<' stays linear. */
enum { TAG_MAX = 1024 };

/* The end of the tag ("<a href="...">", "</p>", "<br/>") that starts at s[i], a '<', inside
 * [i, end); 0 when none does. Attribute values may be quoted straight, curly or not at all. */
static size_t tag_end(const char *s, size_t i, size_t end) {
  if (end - i > TAG_MAX) end = i + TAG_MAX;
  size_t k = i + 1;
  if (k < end && s[k] == '/') k++;
  if (k >= end || !ascii_alpha(s[k])) return 0;
  while (k < end && name_char(s[k])) k++;
  for (;;) {
    size_t before = k;
    while (k < end && space_byte(s[k])) k++;
    if (k >= end) return 0;
    if (s[k] == '>') return k + 1;
    if (s[k] == '/' && k + 1 < end && s[k + 1] == '>') return k + 2;
    if (k == before || !(ascii_alpha(s[k]) || s[k] == '_' || s[k] == '@' || s[k] == ':')) return 0;
    while (k < end && name_char(s[k])) k++;
    size_t after_name = k;
    while (k < end && space_byte(s[k])) k++;
    if (k >= end || s[k] != '=') { /* an attribute without a value ("<script async ...>") */
      k = after_name;
      continue;
    }
    k++;
    while (k < end && space_byte(s[k])) k++;
    if (k >= end) return 0;
    if (s[k] == '"' || s[k] == '\'') {
      const char *q = memchr(s + k + 1, s[k], end - k - 1);
      if (!q) return 0;
      k = (size_t)(q - s) + 1;
    } else if (curly_double(s, k, end)) {
      size_t v = k + 3;
      while (v < end && !curly_double(s, v, end)) v++;
      if (v >= end) return 0;
      k = v + 3;
    } else {
      size_t v = k;
      while (v < end && !space_byte(s[v]) && s[v] != '>' && s[v] != '<' && s[v] != '"' && s[v] != '\'' && s[v] != '=')
        v++;
      if (v == k) return 0;
      k = v;
    }
  }
}

/* A plain-text paragraph [start, end): the tags in it are markup, not prose (pasted embed code, a
 * CMS export: their quoted attribute values are no quotations); a paragraph of tags alone is
 * none. */
static void plain_para(cd_doc *doc, size_t start, size_t end, bool headline) {
  const char *s = doc->text;
  bool prose = false;
  size_t from = start; /* [from, the next tag) is outside tags */
  for (size_t i = start; i < end;) {
    const char *lt = memchr(s + i, '<', end - i); /* most paragraphs have none */
    size_t at = lt ? (size_t)(lt - s) : end, e = lt ? tag_end(s, at, end) : 0;
    if (lt && !e) { /* a '<' that starts no tag is text */
      i = at + 1;
      continue;
    }
    for (size_t k = from; !prose && k < at; k++) prose = !space_byte(s[k]);
    if (!lt) break;
    memset(doc->prose + at, 0, e - at);
    from = i = e;
  }
  if (prose) add_para(doc, start, end, headline);
}

/* A dek (a subheading) under the headline: the line right after it, short, with no quotation and
 * a blank line or the end after it ("Candidates scramble to address voters' worries."). A longer
 * line, one that quotes, or one that runs on into more lines, starts the story. */
static bool dek_line(const char *s, size_t a, size_t b, size_t len) {
  size_t words = 0;
  for (size_t i = a; i < b; i++) {
    if (s[i] != ' ' && s[i] != '\t' && (i == a || s[i - 1] == ' ' || s[i - 1] == '\t')) words++;
    /* a line that quotes someone is the story's first paragraph, not a subheading */
    if (s[i] == '"' || (i + 2 < b && s[i] == '\xE2' && s[i + 1] == '\x80' && (s[i + 2] == '\x9C' || s[i + 2] == '\x9D')))
      return false;
  }
  if (words == 0 || words > HEADLINE_MAX_WORDS) return false;
  size_t next = b < len ? b + 1 : b, next_end = next;
  while (next_end < len && s[next_end] != '\n') next_end++;
  return next >= len || blank_line(s, next, next_end);
}

static void source_plain(cd_doc *doc) {
  const char *s = doc->text;
  size_t pos = skip_bom(doc), para_start = CD_NONE;
  bool seen_first = false, after_headline = false;
  while (pos < doc->len) {
    const char *nl = memchr(s + pos, '\n', doc->len - pos);
    size_t eol = nl ? (size_t)(nl - s) : doc->len;
    bool blank = blank_line(s, pos, eol);
    bool control = !blank && control_line(s, pos, eol);
    if (!blank && !control) {
      memset(doc->prose + pos, 1, eol - pos);
      /* "> ", as an e-mail or a Markdown habit quotes a passage: the marks are markup */
      for (size_t k = pos; k < eol && k < pos + 8 && (s[k] == '>' || s[k] == ' '); k++)
        if (s[k] == '>') memset(doc->prose + pos, 0, k + 1 - pos);
    }
    bool dek = after_headline && !blank && !control && dek_line(s, pos, eol, doc->len);
    after_headline = false;
    if (blank || control) {
      if (para_start != CD_NONE) plain_para(doc, para_start, pos, false);
      para_start = CD_NONE;
    } else if (!seen_first) {
      seen_first = true;
      if (looks_like_headline(s, pos, eol, doc->len)) {
        plain_para(doc, pos, eol, true);
        after_headline = true;
      } else {
        para_start = pos;
      }
    } else if (dek) {
      plain_para(doc, pos, eol, true);
    } else if (para_start == CD_NONE) {
      para_start = pos;
    }
    pos = eol < doc->len ? eol + 1 : eol;
  }
  if (para_start != CD_NONE) plain_para(doc, para_start, doc->len, false);
}

/* ---- Markdown ---- */
typedef struct md_state {
  cd_doc *doc;
  const char *buf;    /* the text as md4c reads it: a copy of doc->text, a newline and a NUL after it */
  size_t para_start, para_end;
  bool in_heading;
  bool in_cell; /* in a table's cell (md4c's TH or TD block) */
  const MD_CHAR *href; /* the link being read, to tell autolinks (text == address) */
  MD_SIZE href_size;
  /* a dek: the paragraph right after a heading that opens the text, all of it in emphasis
   * ("# Title ¶ *The deal would ..., but analysts question the price.*"), a subheading as the
   * plain text's short line under its headline is */
  size_t blocks;      /* blocks entered, the document's aside */
  bool title_ended;   /* the block just left is a heading that opened the text */
  bool dek_para;      /* in the paragraph right after it */
  bool plain_text;    /* that paragraph has words outside emphasis */
  unsigned em_depth;
} md_state;

static void md_flush(md_state *st) {
  cd_para *p = st->para_start == CD_NONE ? NULL
                                         : add_para(st->doc, st->para_start, st->para_end,
                                                    st->in_heading || (st->dek_para && !st->plain_text));
  if (p) p->table_cell = st->in_cell;
  st->para_start = CD_NONE;
}

static int md_enter_block(MD_BLOCKTYPE type, void *detail, void *userdata) {
  md_state *st = userdata;
  md_flush(st);
  if (type == MD_BLOCK_DOC) return 0;
  st->blocks++;
  if (type == MD_BLOCK_H) st->in_heading = true;
  if (type == MD_BLOCK_TH || type == MD_BLOCK_TD) st->in_cell = true;
  st->dek_para = type == MD_BLOCK_P && st->title_ended;
  st->plain_text = false;
  st->title_ended = false;
  return 0;
}

static int md_leave_block(MD_BLOCKTYPE type, void *detail, void *userdata) {
  md_state *st = userdata;
  md_flush(st);
  if (type == MD_BLOCK_H) st->in_heading = false;
  if (type == MD_BLOCK_TH || type == MD_BLOCK_TD) st->in_cell = false;
  st->title_ended = type == MD_BLOCK_H && st->blocks == 1;
  st->dek_para = false;
  return 0;
}

static int md_enter_span(MD_SPANTYPE type, void *detail, void *userdata) {
  md_state *st = userdata;
  if (type == MD_SPAN_EM) st->em_depth++;
  if (type == MD_SPAN_A) {
    const MD_ATTRIBUTE *href = &((MD_SPAN_A_DETAIL *)detail)->href;
    /* kept past this call only when it points into the text: md4c frees an address it had to
     * build (entities or escapes unfolded) once the span is entered, and an autolink's address
     * is the text as written anyway */
    const cd_doc *doc = st->doc;
    bool in_text = href->text >= st->buf && href->text + href->size <= st->buf + doc->len;
    st->href = in_text ? href->text : NULL;
    st->href_size = in_text ? href->size : 0;
  }
  return 0;
}

static int md_leave_span(MD_SPANTYPE type, void *detail, void *userdata) {
  md_state *st = userdata;
  if (type == MD_SPAN_A) st->href = NULL;
  if (type == MD_SPAN_EM && st->em_depth) st->em_depth--;
  return 0;
}

static int md_text(MD_TEXTTYPE type, const MD_CHAR *text, MD_SIZE size, void *userdata) {
  md_state *st = userdata;
  cd_doc *doc = st->doc;
  /* only text that points into our buffer has an offset (md4c synthesises some newlines) */
  if (text < st->buf || text + size > st->buf + doc->len) return 0;
  size_t off = (size_t)(text - st->buf);
  if (type != MD_TEXT_NORMAL) return 0;
  /* an autolink's text is its address (md4c 0.4 has no autolink flag): the address ends with it */
  if (st->href && st->href_size >= size && memcmp(st->href + st->href_size - size, text, size) == 0) return 0;
  memset(doc->prose + off, 1, size);
  if (!st->em_depth)
    for (MD_SIZE k = 0; k < size && !st->plain_text; k++) st->plain_text = text[k] != ' ' && text[k] != '\t';
  if (st->para_start == CD_NONE) st->para_start = off;
  st->para_end = off + size;
  return 0;
}

/* YAML front matter: "---" on the first line up to the next "---" or "..." line. */
static size_t front_matter_end(const cd_doc *doc, size_t start) {
  const char *s = doc->text;
  size_t len = doc->len;
  if (len - start < 4 || memcmp(s + start, "---", 3) != 0) return start;
  size_t pos = start + 3;
  while (pos < len && (s[pos] == ' ' || s[pos] == '\t' || s[pos] == '\r')) pos++;
  if (pos >= len || s[pos] != '\n') return start;
  pos++;
  while (pos < len) {
    size_t eol = pos;
    while (eol < len && s[eol] != '\n') eol++;
    size_t n = eol - pos;
    while (n > 0 && (s[pos + n - 1] == '\r' || s[pos + n - 1] == ' ')) n--;
    if (n == 3 && (memcmp(s + pos, "---", 3) == 0 || memcmp(s + pos, "...", 3) == 0))
      return eol < len ? eol + 1 : eol;
    pos = eol + 1;
  }
  return start; /* never closed: not front matter */
}

static void source_markdown(cd_doc *doc) {
  size_t start = front_matter_end(doc, skip_bom(doc));
  md_state st = {.doc = doc, .para_start = CD_NONE};
  MD_PARSER parser;
  memset(&parser, 0, sizeof parser);
  parser.abi_version = 0;
  parser.flags = MD_FLAG_PERMISSIVEAUTOLINKS | MD_FLAG_TABLES | MD_FLAG_STRIKETHROUGH;
  parser.enter_block = md_enter_block;
  parser.leave_block = md_leave_block;
  parser.enter_span = md_enter_span;
  parser.leave_span = md_leave_span;
  parser.text = md_text;
  /* md4c looks for a line's end with strcspn(line, "\r\n"), going on past any NUL, as if the
   * text were a string that ends in a newline (ASan's strict string checks caught it reading past
   * a fuzz input): it reads a copy that ends in one, then a NUL, both past the size it is given */
  char *buf = doc->len > start && doc->len - start <= (size_t)(MD_SIZE)-1 ? malloc(doc->len + 2) : NULL;
  if (buf) {
    memcpy(buf, doc->text, doc->len);
    buf[doc->len] = '\n';
    buf[doc->len + 1] = '\0';
    st.buf = buf;
    md_parse(buf + start, (MD_SIZE)(doc->len - start), &parser, &st);
  }
  md_flush(&st);
  free(buf);
  /* control comments are HTML, hence already outside the prose */
}

/* Invalid UTF-8 runs, recorded once each; the tokenizer reads such bytes as U+FFFD. */
static void find_invalid(cd_doc *doc) {
  size_t pos = 0;
  cd_span *run = NULL;
  while (pos < doc->len) {
    uint64_t eight;
    if (pos + 8 <= doc->len && (memcpy(&eight, doc->text + pos, 8), (eight & 0x8080808080808080ull) == 0)) {
      pos += 8; /* ASCII is always valid: eight bytes at a time */
      continue;
    }
    if ((unsigned char)doc->text[pos] < 0x80) {
      pos++;
      continue;
    }
    utf8proc_int32_t cp;
    utf8proc_ssize_t n = utf8proc_iterate((const utf8proc_uint8_t *)doc->text + pos,
                                          (utf8proc_ssize_t)(doc->len - pos), &cp);
    if (n < 0) {
      if (run && run->end == pos) {
        run->end = pos + 1;
      } else {
        run = cd_vec_push(&doc->invalid);
        run->start = pos;
        run->end = pos + 1;
      }
      pos++;
    } else {
      pos += (size_t)n;
    }
  }
}

/* Configured ignore patterns: matches are not prose. */
static void apply_ignore_patterns(cd_doc *doc) {
  const cd_strlist *pats = &doc->config->ignore_patterns;
  for (size_t i = 0; i < pats->len; i++) {
    int err;
    PCRE2_SIZE eoff;
    pcre2_code *re = pcre2_compile((PCRE2_SPTR)pats->items[i], PCRE2_ZERO_TERMINATED,
                                   PCRE2_UTF | PCRE2_MATCH_INVALID_UTF | PCRE2_MULTILINE, &err, &eoff, NULL);
    if (!re) continue;
    pcre2_match_data *md = pcre2_match_data_create_from_pattern(re, NULL);
    pcre2_match_context *mc = cd_pattern_match_context(); /* one set of limits for every configured pattern */
    if (md && mc) {
      size_t off = 0;
      while (off <= doc->len) {
        int rc = pcre2_match(re, (PCRE2_SPTR)doc->text, doc->len, off, 0, md, mc);
        if (rc < 0) break;
        PCRE2_SIZE *ov = pcre2_get_ovector_pointer(md);
        if (ov[1] > ov[0]) memset(doc->prose + ov[0], 0, ov[1] - ov[0]);
        off = ov[1] > off ? ov[1] : off + 1;
      }
    }
    pcre2_match_context_free(mc);
    pcre2_match_data_free(md);
    pcre2_code_free(re);
  }
}

void cd_pass_source(cd_doc *doc) {
  memset(doc->prose, 0, doc->len + 1);
  find_invalid(doc);
  if (doc->format == CD_FORMAT_MARKDOWN)
    source_markdown(doc);
  else
    source_plain(doc);
  apply_ignore_patterns(doc);
  doc->para_spans = cd_arena_alloc(doc->arena, (doc->paras.len + 1) * sizeof(cd_span));
  for (size_t i = 0; doc->para_spans && i < doc->paras.len; i++)
    doc->para_spans[i] = CD_VEC_AT(&doc->paras, cd_para, i)->span;
}
