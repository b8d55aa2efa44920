#include "quotes_kind.h"

#include <string.h>

#include "lexicon.h"
#include "strmap.h"
#include "names_lex.h"
#include "speech_verbs.h"
#include "words.h"

static const cd_token *tk(const cd_doc *doc, size_t i) { return doc_tok(doc, i); }

static bool is_word(const cd_token *t) { return t->kind == TOK_WORD || t->kind == TOK_NUMBER; }

/* "a", "an" or "the" */
static bool article(const cd_doc *doc, const cd_token *t) {
  const char *w = doc->text + t->start;
  return t->kind == TOK_WORD && (CD_WORD_IS(w, t->len, "a") || CD_WORD_IS(w, t->len, "an") || CD_WORD_IS(w, t->len, "the"));
}

size_t cd_quote_word_count(const cd_doc *doc, size_t qi) {
  const cd_quote_work *w = CD_VEC_AT(&doc->quote_work, cd_quote_work, qi);
  const cd_quote *q = CD_VEC_AT(&doc->quotes, cd_quote, qi);
  size_t n = 0;
  for (size_t i = w->open_tok + 1; i < doc_ntok(doc) && tk(doc, i)->start < q->inner.end; i++)
    if (is_word(tk(doc, i))) n++;
  return n;
}

bool cd_quote_ends_sentence(const cd_doc *doc, size_t qi) {
  const cd_quote *q = CD_VEC_AT(&doc->quotes, cd_quote, qi);
  size_t e = q->inner.end;
  while (e > q->inner.start && (doc->text[e - 1] == ' ' || doc->text[e - 1] == '\n')) e--;
  if (e <= q->inner.start) return false;
  char c = doc->text[e - 1];
  if (c == '.' || c == '!' || c == '?') return true;
  return e - q->inner.start >= 3 && (unsigned char)doc->text[e - 3] == 0xE2 &&
         (unsigned char)doc->text[e - 2] == 0x80 && (unsigned char)doc->text[e - 1] == 0xA6;
}

/* Title Case: at least two words, the first and every word of four or more letters capitalised, and
 * a capital beyond the first word other than "I": "It is not an end." and "Neither do I." are
 * sentences whose short words happen to be lowercase. With `any_end`, the text may end in any
 * punctuation (""Salt and Steel: A History,"" ends in the comma of the sentence around it). */
static bool title_case_ending(const cd_doc *doc, size_t open, size_t inner_end, bool any_end) {
  size_t words = 0, later_caps = 0;
  for (size_t i = open + 1; i < doc_ntok(doc) && tk(doc, i)->start < inner_end; i++) {
    const cd_token *t = tk(doc, i);
    if (t->kind == TOK_PUNCT) {
      char c = doc->text[t->start];
      bool last = i + 1 < doc_ntok(doc) && tk(doc, i + 1)->start >= inner_end;
      if (last && any_end) continue;
      /* an initial's full stop: "The Many Lives of Donald J. Trump" */
      bool initial = c == '.' && i > 0 && tk(doc, i - 1)->kind == TOK_WORD && tk(doc, i - 1)->len == 1 &&
                     (tk(doc, i - 1)->flags & TF_CAP);
      /* after a noun for a work (any_end), a comma before a capital may be the title's own: "its
       * podcast, "So, That Happened."", "the film "Hail, Caesar!"" */
      bool titled_comma = c == ',' && any_end && i + 1 < doc_ntok(doc) && tk(doc, i + 1)->kind == TOK_WORD &&
                          (tk(doc, i + 1)->flags & TF_CAP);
      if ((c == '.' && !last && !initial) || c == '!' || c == '?' || (c == ',' && !titled_comma) || c == ';') return false;
      continue;
    }
    if (t->kind == TOK_NUMBER && words == 0) { /* "60 Minutes", "30 Rock": a number may open a title */
      words++;
      continue;
    }
    if (t->kind != TOK_WORD) continue;
    words++;
    bool cap = (t->flags & TF_CAP) != 0;
    if (words == 1 && !cap) return false;
    /* short words stay lower case in a title, prepositions of any length too ("Flip the Script with
     * Liz Plank") */
    /* (nor does the end of a name in italics: a species', "*Bacteroides lentus*") */
    char after = t->start + t->len < doc->len ? doc->text[t->start + t->len] : 0;
    if (!cap && t->len >= 4 && after != '*' && after != '_' && !cd_lex_has(CD_LEX_PREPOSITIONS, doc->text + t->start, t->len))
      return false;
    if (words > 1 && cap && !CD_WORD_IS(doc->text + t->start, t->len, "I")) later_caps++;
  }
  return words >= 2 && later_caps > 0;
}

static bool title_case(const cd_doc *doc, size_t open, size_t inner_end) {
  return title_case_ending(doc, open, inner_end, false);
}

/* Lower-case adjectives after an article or a possessive end right before the open mark ("the
 * award-winning", "her acclaimed"): the quote stands where their noun would. */
static bool described_after_article(const cd_doc *doc, size_t open) {
  static const char *const ARTICLES[] = {"the", "a", "an", "his", "her", "their", "its", "our", "my", NULL};
  size_t words = 0;
  for (size_t i = open; i > 0 && open - i < 5; i--) {
    const cd_token *t = tk(doc, i - 1);
    if (t->sent != tk(doc, open)->sent) return false;
    if (t->kind == TOK_PUNCT && t->len == 1 && doc->text[t->start] == '-' && words > 0) continue; /* "award-winning" */
    if (t->kind != TOK_WORD || !(t->flags & TF_LOWER)) return false;
    if (cd_word_in(doc->text + t->start, t->len, ARTICLES)) return words > 0;
    /* adjectives only: not "referred to the vote as "..."" */
    if (cd_is_speech_verb(doc->config, doc->text + t->start, t->len) ||
        cd_lex_has(CD_LEX_PREPOSITIONS, doc->text + t->start, t->len) ||
        cd_lex_has(CD_LEX_FUNCTION_WORDS, doc->text + t->start, t->len) || ++words > 2)
      return false;
  }
  return false;
}

/* The quote is one capitalised word, with nothing but punctuation after it inside the marks. */
static bool one_capital_word(const cd_doc *doc, const cd_quote *q, const cd_quote_work *w) {
  size_t i = (size_t)w->open_tok + 1, n = doc_ntok(doc);
  if (i >= n || tk(doc, i)->kind != TOK_WORD || !(tk(doc, i)->flags & TF_CAP)) return false;
  for (i++; i < n && tk(doc, i)->start < q->inner.end; i++)
    if (tk(doc, i)->kind != TOK_PUNCT) return false;
  return true;
}

/* Is there a word among the `max` words before the open mark (same sentence, no quote between)
 * that is `word`, or, with `word` NULL, one in the lexicon list `list`? */
static bool word_within(const cd_doc *doc, size_t open, size_t max, const char *word, cd_lex_id list) {
  uint32_t sent = tk(doc, open)->sent;
  for (size_t i = open, n = 0; i > 0 && n < max; i--) {
    const cd_token *t = tk(doc, i - 1);
    if (t->sent != sent || t->kind == TOK_MARK) break;
    if (t->kind != TOK_WORD) continue;
    n++;
    const char *s = doc->text + t->start;
    size_t len = t->len;
    if (word ? cd_word_eq(s, len, word) : cd_lex_has(list, s, len)) return true;
  }
  return false;
}

/* Is `word` among the `max` words before the open mark? */
static bool cue_within(const cd_doc *doc, size_t open, size_t max, const char *word) {
  return word_within(doc, open, max, word, 0);
}

/* sorted: looked up by binary search */
static const char *const SIGN_NOUNS[] = {
    "alert", "alerts", "banner", "banners", "billboard", "button", "buttons", "cap", "caps", "card", "cards",
    "flag", "flags", "graffiti", "hat", "hats", "inscription", "label", "labels", "mug", "mugs", "note", "notes",
    "placard", "placards", "plaque", "plaques", "poster", "posters", "shirt", "shirts", "sign",
    "signs", "sticker", "stickers", "t-shirt", "t-shirts", "tattoo", "tattoos", NULL};

static size_t words_before(const cd_doc *doc, size_t open, const cd_token **out, size_t max) {
  size_t n = 0;
  uint32_t sent = tk(doc, open)->sent;
  for (size_t i = open; i > 0 && n < max; i--) {
    const cd_token *t = tk(doc, i - 1);
    if (t->sent != sent || t->kind == TOK_MARK) break;
    if (t->kind == TOK_WORD) out[n++] = t;
    else if (t->kind == TOK_PUNCT && doc->text[t->start] != ',' && doc->text[t->start] != '(') break;
  }
  return n;
}

/* sorted: looked up by binary search */
static const char *const TITLE_CUES[] = {
    "album", "banner", "book", "called", "campaign", "caption", "documentary", "entitled", "episode",
    "exhibition", "film", "hashtag", "headline", "initiative", "motto", "movie", "named", "novel", "operation",
    "plan", "play", "poem", "program", "programme", "series", "show", "sign", "slogan", "song",
    "theme", "titled", NULL};

/* nouns for works that have titles; sorted: looked up by binary search */
static const char *const WORK_NOUNS[] = {
    "album", "anthem", "anthology", "aria", "article", "ballad", "biography", "biopic", "book", "booklet",
    "brochure", "carol", "column", "comedy", "commentary", "concert", "cover", "dissertation", "document",
    "documentary", "drama", "editorial", "episode", "essay", "exhibit", "exhibition", "film", "guidebook",
    "handbook", "hymn", "hymnal", "installation", "leaflet", "lecture", "lullaby", "manual", "memoir", "movie",
    "mural", "musical", "newsletter", "novel", "op-ed", "opera", "painting", "pamphlet", "paper", "photograph",
    "play", "podcast", "poem", "program", "programme", "project", "psalm", "record", "report", "retrospective",
    "sculpture", "series", "sermon", "shanty", "show", "single", "sitcom", "song", "sonnet", "special",
    "study", "survey", "symphony", "thesis", "track", "tune", "video", NULL};

/* sorted: looked up by binary search */
static const char *const AFTER_CUES[] = {
    "accord", "act", "agreement", "album", "anthem", "award", "banner", "banners", "bill", "book", "button",
    "buttons", "campaign", "cap", "caps", "category", "chant", "chants", "co-star", "coalition",
    "creator", "deal", "doctrine", "documentary", "drill", "drills", "episode", "event", "exercise", "exhibition",
    "feature", "festival", "film", "forum", "framework", "franchise", "hashtag", "hat", "hats", "initiative", "law",
    "letters", "maneuvers", "manoeuvres", "mission", "mode", "model", "movement", "movie", "mug", "mugs", "musical",
    "novel", "operation", "option", "pageant", "panel", "placard", "placards", "plan", "plate", "plates", "podcast",
    "policy", "poster", "posters", "principle", "prize", "program", "programme", "project", "radio", "rally",
    "rule", "scheme", "sequel", "series", "session", "setting", "settings", "shirt", "shirts", "show",
    "sign", "signs", "sitcom", "slogan", "song", "star", "sticker", "stickers", "strategy", "t-shirt",
    "t-shirts", "tour", "workshop", NULL};

/* ""Museum to close at the end of December," by Times' Ann Lee", "''The Trumps,'' by Gwenda Blair":
 * a capitalised text in quotation marks that ends at a comma, inside the marks or just after them
 * (or, in Title Case, without one: "according to "Tides and Ledgers: A History" by Lena Ortiz"), with
 * "by" and a capitalised word (a name or an outlet's, not a day or month: ""We won," by Monday")
 * right after, is the title of a piece of writing and its byline. A woven fragment (""rocked" by
 * Mr. Christie") starts in lower case and ends without a comma. The byline's "by", or 0. */
static size_t byline_by(const cd_doc *doc, const cd_quote *q, const cd_quote_work *w, bool titled) {
  if (w->close_tok == w->open_tok) return 0;
  size_t first = w->open_tok + 1;
  while (first < w->close_tok && tk(doc, first)->kind == TOK_MARK) first++; /* "'Flesh and Bone' star ..." */
  if (first >= w->close_tok || !(tk(doc, first)->flags & TF_CAP)) return 0;
  size_t e = q->inner.end;
  while (e > q->inner.start && (doc->text[e - 1] == ' ' || doc->text[e - 1] == '\n')) e--;
  bool comma = e > q->inner.start && doc->text[e - 1] == ',';
  size_t i = w->close_tok + 1, n = doc_ntok(doc);
  uint32_t sent = tk(doc, w->close_tok)->sent;
  if (!comma && i < n && tk(doc, i)->kind == TOK_PUNCT && doc->text[tk(doc, i)->start] == ',') comma = true, i++;
  if ((!comma && !titled) || i >= n || tk(doc, i)->sent != sent ||
      !CD_WORD_IS(doc->text + tk(doc, i)->start, tk(doc, i)->len, "by"))
    return 0;
  size_t by = i++;
  if (i < n && CD_WORD_IS(doc->text + tk(doc, i)->start, tk(doc, i)->len, "the")) i++;
  if (i >= n || tk(doc, i)->sent != sent) return 0;
  const cd_token *t = tk(doc, i);
  return t->kind == TOK_WORD && (t->flags & TF_CAP) && !cd_is_calendar_word(doc->text + t->start, t->len) ? by : 0;
}

/* A noun for a piece of writing a paper runs, whose title is a headline: "column", "article". */
static bool writing_noun(const char *s, size_t n) {
  return CD_WORD_IS(s, n, "column") || CD_WORD_IS(s, n, "commentary") || CD_WORD_IS(s, n, "op-ed") ||
         CD_WORD_IS(s, n, "editorial") || CD_WORD_IS(s, n, "essay") || CD_WORD_IS(s, n, "article") ||
         CD_WORD_IS(s, n, "story") || CD_WORD_IS(s, n, "piece") || CD_WORD_IS(s, n, "headline");
}

/* "Ouisa Davis' commentary, "Melania, tell your immigrant story," ...": a piece of writing (its noun
 * s, found by the caller) named after a comma, its title in sentence case (as opinion pages set
 * them) ending in the comma of the sentence around it. */
static bool writing_titled(const cd_doc *doc, const cd_quote *q, const cd_quote_work *w, const char *s, size_t n) {
  if (!writing_noun(s, n)) return false;
  const cd_token *c = w->open_tok > 0 ? tk(doc, w->open_tok - 1) : NULL;
  const cd_token *first = w->open_tok + 1 < doc_ntok(doc) ? tk(doc, w->open_tok + 1) : NULL;
  /* (the comma inside the marks, or after them in British style: "The headline, "Lido left to rot",
   * prompted") */
  const cd_token *after = w->close_tok + 1 < doc_ntok(doc) && w->close_tok > w->open_tok ? tk(doc, w->close_tok + 1) : NULL;
  bool comma_after = after && after->kind == TOK_PUNCT && doc->text[after->start] == ',';
  return c && c->kind == TOK_PUNCT && doc->text[c->start] == ',' && first && first->kind == TOK_WORD &&
         (first->flags & TF_CAP) && q->inner.end > q->inner.start && (doc->text[q->inner.end - 1] == ',' || comma_after);
}

/* "In Sen. Jeff Sessions' column on Aug. 10, "The piling on must stop," the Republican ...": the
 * same, with a date between the noun and the comma ("on" and up to five date words, numbers and
 * full stops). */
static bool dated_writing_titled(const cd_doc *doc, const cd_quote *q, const cd_quote_work *w) {
  if (w->open_tok < 4) return false;
  size_t k = w->open_tok - 1;
  const cd_token *c = tk(doc, k);
  if (c->kind != TOK_PUNCT || doc->text[c->start] != ',') return false;
  size_t skipped = 0;
  while (k > 0 && skipped < 5) {
    const cd_token *t = tk(doc, k - 1);
    const char *x = doc->text + t->start;
    bool date = t->kind == TOK_NUMBER || (t->kind == TOK_PUNCT && *x == '.') ||
                (t->kind == TOK_WORD && cd_is_calendar_word(x, t->len));
    if (!date) break;
    k--;
    skipped++;
  }
  if (!skipped || k < 2 || !CD_WORD_IS(doc->text + tk(doc, k - 1)->start, tk(doc, k - 1)->len, "on")) return false;
  const cd_token *noun = tk(doc, k - 2);
  return noun->kind == TOK_WORD && writing_titled(doc, q, w, doc->text + noun->start, noun->len);
}

/* "An article about the redevelopment ("Quayside towers get green light", 4 March) said ...", "we
 * published a report ("Care home residents left without heating") about ...": a quote that opens a
 * bracket, after a noun for a piece of writing (or "report") among the ten words before it, and
 * that the bracket closes (after a date, perhaps): the piece's headline, as corrections cite one. */
static bool bracketed_writing_titled(const cd_doc *doc, const cd_quote_work *w) {
  size_t o = w->open_tok, n = doc_ntok(doc);
  if (o < 2 || w->close_tok == w->open_tok || tk(doc, o - 1)->kind != TOK_PUNCT || doc->text[tk(doc, o - 1)->start] != '(')
    return false;
  uint32_t sent = tk(doc, o)->sent;
  bool closes = false;
  for (size_t k = (size_t)w->close_tok + 1; k < n && k <= (size_t)w->close_tok + 6 && tk(doc, k)->sent == sent && !closes; k++) {
    const cd_token *t = tk(doc, k); /* a date only: not "("...," the authors wrote)" */
    closes = t->kind == TOK_PUNCT && doc->text[t->start] == ')';
    if (t->kind == TOK_WORD && !cd_is_calendar_word(doc->text + t->start, t->len)) return false;
  }
  if (!closes) return false;
  for (size_t k = o - 1; k > 0 && k + 11 > o; k--) {
    const cd_token *t = tk(doc, k - 1);
    if (t->sent != sent) break;
    if (t->kind == TOK_WORD && (writing_noun(doc->text + t->start, t->len) || CD_WORD_IS(doc->text + t->start, t->len, "report")))
      return true;
  }
  return false;
}

/* ", an HBO series", ", the network's new sitcom": right after the close mark (and its comma), an
 * appositive whose noun, within four words of its article, is a noun for a work. */
static bool work_appositive_follows(const cd_doc *doc, const cd_quote *q, const cd_quote_work *w) {
  size_t i = (size_t)w->close_tok + 1, n = doc_ntok(doc);
  if (w->close_tok == w->open_tok || i >= n) return false;
  uint32_t sent = tk(doc, w->close_tok)->sent;
  bool comma = q->inner.end > q->inner.start && doc->text[q->inner.end - 1] == ',';
  if (!comma && tk(doc, i)->kind == TOK_PUNCT && doc->text[tk(doc, i)->start] == ',') comma = true, i++;
  if (!comma || i >= n || tk(doc, i)->kind != TOK_WORD || tk(doc, i)->sent != sent) return false;
  if (!article(doc, tk(doc, i))) return false;
  for (size_t k = i + 1; k < n && k <= i + 4 && tk(doc, k)->sent == sent; k++) {
    const cd_token *t = tk(doc, k);
    if (t->kind == TOK_MARK && t->role == MR_APOS) continue; /* "the network's" */
    if (t->kind != TOK_WORD && t->kind != TOK_NUMBER) return false;
    if (t->kind == TOK_WORD && CD_SORTED_IN(doc->text + t->start, t->len, WORK_NOUNS)) return true;
  }
  return false;
}

/* A capitalised name's possessive right before the open mark: "CNBC's", "CBS'". */
static bool owned_by_name(const cd_doc *doc, const cd_quote_work *w) {
  size_t i = w->open_tok;
  if (i < 2) return false;
  const cd_token *p = tk(doc, i - 1);
  const char *e = doc->text + cd_tok_end(p);
  /* "Ledger's" as one word */
  if (p->kind == TOK_WORD && (p->flags & TF_CAP) && p->len > 2 && (e[-1] | 0x20) == 's' &&
      (e[-2] == '\'' || (p->len > 4 && memcmp(e - 4, "\xe2\x80\x99", 3) == 0)))
    return p->sent == tk(doc, w->open_tok)->sent;
  if (p->kind == TOK_WORD && p->len == 1 && (doc->text[p->start] | 0x20) == 's' && i >= 3) p = tk(doc, --i - 1); /* "'s" */
  if (p->kind != TOK_MARK || p->role != MR_APOS) return false;
  const cd_token *n = tk(doc, i - 2);
  return n->kind == TOK_WORD && (n->flags & TF_CAP) && cd_tok_end(n) == p->start && n->sent == tk(doc, w->open_tok)->sent;
}

/* A four-digit number that reads as a year of print: 1500 to 2099. */
static bool plausible_year(const cd_doc *doc, const cd_token *y) {
  const char *d = doc->text + y->start;
  return (d[0] == '1' && d[1] >= '5') || (d[0] == '2' && d[1] == '0');
}

/* "(1975)" right after the close mark: a four-digit year from 1500 to 2099 alone in brackets. */
static bool year_follows(const cd_doc *doc, const cd_quote_work *w) {
  size_t i = (size_t)w->close_tok + 1, n = doc_ntok(doc);
  if (w->close_tok == w->open_tok || i + 2 >= n) return false;
  const cd_token *o = tk(doc, i), *y = tk(doc, i + 1), *c = tk(doc, i + 2);
  if (o->kind != TOK_PUNCT || doc->text[o->start] != '(' || y->kind != TOK_NUMBER || y->len != 4 ||
      c->kind != TOK_PUNCT || doc->text[c->start] != ')')
    return false;
  return plausible_year(doc, y);
}

/* "Solberg, I. and Rask, T. (2024). "Decadal mass loss ...". *Journal of ...*": a year in
 * brackets and a full stop or comma right before the quote: a reference list's title. */
static bool year_before(const cd_doc *doc, const cd_quote_work *w) {
  size_t o = w->open_tok;
  if (o < 4) return false;
  const cd_token *p = tk(doc, o - 1), *c = tk(doc, o - 2), *y = tk(doc, o - 3), *b = tk(doc, o - 4);
  if (p->kind != TOK_PUNCT || (doc->text[p->start] != '.' && doc->text[p->start] != ',') || c->kind != TOK_PUNCT ||
      doc->text[c->start] != ')' || y->kind != TOK_NUMBER || y->len != 4 || b->kind != TOK_PUNCT ||
      doc->text[b->start] != '(')
    return false;
  return plausible_year(doc, y);
}

/* "'A change warrior.'" alone in its paragraph (past dashes and a full stop around it): a short quote
 * in single marks, set as a subhead in a text that quotes in double marks. */
enum { SUBHEAD_WORDS = 10 };
static bool single_mark_subhead(const cd_doc *doc, const cd_quote *q, const cd_quote_work *w, size_t words) {
  const cd_token *open = tk(doc, w->open_tok);
  if (q->level > 0 || !q->closed || w->close_tok == w->open_tok || open->family != MF_SINGLE || words > SUBHEAD_WORDS)
    return false;
  const cd_para *p = CD_VEC_AT(&doc->paras, cd_para, w->para);
  for (size_t i = p->first_tok; i < p->end_tok; i++) {
    if (i >= w->open_tok && i <= w->close_tok) continue;
    const cd_token *t = tk(doc, i);
    if (t->kind != TOK_PUNCT) return false; /* nothing but the quote, dashes and full stops */
  }
  return true;
}

/* "The piece used one of her quotes as its headline: "...", "this new headline from the Post,
 * which hits liberals where they live: "..."": a quote right after a colon whose sentence names it
 * a headline, caption, slogan or motto (within HEADLINE_WORDS words before the colon). */
enum { HEADLINE_WORDS = 20 };
static const char *const LABEL_NOUNS[] = {"caption", "headline", "headlines", "motto", "slogan", NULL};
static bool labelled_after_colon(const cd_doc *doc, const cd_quote_work *w) {
  size_t colon = w->open_tok;
  if (colon == 0) return false;
  const cd_token *c = tk(doc, colon - 1);
  if (c->kind != TOK_PUNCT || doc->text[c->start] != ':' || c->sent != tk(doc, w->open_tok)->sent) return false;
  size_t words = 0, say = 0; /* say: a verb of saying met between the noun and the colon */
  for (size_t i = colon - 1; i > 0 && words < HEADLINE_WORDS; i--) {
    const cd_token *t = tk(doc, i - 1);
    if (t->sent != c->sent || (t->kind == TOK_MARK && t->role != MR_APOS)) break;
    if (t->kind != TOK_WORD) continue;
    words++;
    const char *word = doc->text + t->start;
    if ((t->flags & TF_LOWER) && CD_SORTED_IN(word, t->len, LABEL_NOUNS))
      return !say || say == i + 1; /* "the headline reads:"; not "he explained the headline by saying:" */
    if ((t->flags & TF_LOWER) && (cd_is_speech_verb(doc->config, word, t->len) || cd_is_speech_participle(word, t->len)))
      say = i;
  }
  return false;
}

/* 'Juan "Chico" Manriquez', 'Earvin "Magic" Johnson', 'Dwayne "The Rock" Johnson': one to three
 * capitalised words quoted between two capitalised words, a space on either side, outside a
 * headline, are a nickname between a given name and a surname, nobody's speech, whatever verb of
 * saying follows ('Marcia "Cia" Price said'). The given name is no ordinary word (but for a given
 * name that is one: "Bill"), nor is the surname unless the name ends with it ("Price said"): Title
 * Case the headline test missed ('Trump "Deeply Sorry" Over Emails') stays what it is. */
static bool nickname_in_name(const cd_doc *doc, const cd_quote *q, const cd_quote_work *w) {
  if (q->headline || !q->closed || w->open_tok == 0 || w->close_tok <= w->open_tok + 1 ||
      (size_t)w->close_tok + 1 >= doc_ntok(doc))
    return false;
  const cd_token *given = tk(doc, w->open_tok - 1), *open = tk(doc, w->open_tok);
  const cd_token *close = tk(doc, w->close_tok), *surname = tk(doc, w->close_tok + 1);
  const char *gs = doc->text + given->start, *ss = doc->text + surname->start;
  if (given->kind != TOK_WORD || surname->kind != TOK_WORD || given->sent != surname->sent) return false;
  if ((given->flags & (TF_CAP | TF_ALLCAPS)) != TF_CAP || (surname->flags & (TF_CAP | TF_ALLCAPS)) != TF_CAP) return false;
  if (open->start != cd_tok_end(given) + 1 || doc->text[cd_tok_end(given)] != ' ' ||
      surname->start != cd_tok_end(close) + 1 || doc->text[cd_tok_end(close)] != ' ')
    return false;
  if (cd_is_common_word(gs, given->len) && !cd_is_given_name(gs, given->len)) return false;
  /* a surname that is an ordinary word ("Price", "Young") ends the name: no capital word after it */
  const cd_token *next = (size_t)w->close_tok + 2 < doc_ntok(doc) ? tk(doc, w->close_tok + 2) : NULL;
  if (cd_is_common_word(ss, surname->len) && next && next->kind == TOK_WORD && (next->flags & TF_CAP) &&
      next->sent == surname->sent)
    return false;
  size_t words = 0;
  for (size_t i = w->open_tok + 1; i < w->close_tok; i++) {
    const cd_token *t = tk(doc, i);
    if (t->kind != TOK_WORD || !(t->flags & TF_CAP)) return false;
    words++;
  }
  return words <= 3;
}

/* The nickname whose opening mark (`opens`) or closing mark is token `tok`, or NULL. */
static const cd_quote_work *nickname_marked_at(const cd_doc *doc, size_t tok, bool opens) {
  /* quotes are in the order of their opening marks, and a nickname's closing mark is at most four
   * tokens after its opening one */
  size_t lo = 0, hi = doc->quote_work.len, from = opens ? tok : tok < 4 ? 0 : tok - 4;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (CD_VEC_AT(&doc->quote_work, cd_quote_work, mid)->open_tok < from) lo = mid + 1;
    else hi = mid;
  }
  for (; lo < doc->quote_work.len; lo++) {
    const cd_quote_work *w = CD_VEC_AT(&doc->quote_work, cd_quote_work, lo);
    if (w->open_tok > tok) break;
    if (w->nickname && (opens ? w->open_tok : w->close_tok) == tok) return w;
  }
  return NULL;
}

bool cd_nickname_mark_at(const cd_doc *doc, size_t tok, bool opens) { return nickname_marked_at(doc, tok, opens) != NULL; }

size_t cd_nickname_close(const cd_doc *doc, size_t tok) {
  const cd_quote_work *w = nickname_marked_at(doc, tok, true);
  return w ? w->close_tok : CD_NONE;
}

/* The nearest sign noun among the `max` words right before token `verb` (words only, in its
 * sentence), in lower case only when `lower`: its token, or CD_NONE. */
static size_t sign_noun_before(const cd_doc *doc, size_t verb, bool lower, size_t max) {
  uint32_t sent = tk(doc, verb)->sent;
  for (size_t k = verb, words = 0; k > 0 && words < max; words++) {
    const cd_token *t = tk(doc, --k);
    if (t->sent != sent || t->kind != TOK_WORD) return CD_NONE;
    if ((!lower || (t->flags & TF_LOWER)) && CD_SORTED_IN(doc->text + t->start, t->len, SIGN_NOUNS)) return k;
  }
  return CD_NONE;
}

/* "a note on the kitchen table reading "..."", "a banner over the door reading "...": a sign noun
 * and a phrase of place (at most five words, no punctuation) before "reading" at `verb`. */
static bool sign_with_place(const cd_doc *doc, size_t verb) { return sign_noun_before(doc, verb, true, 6) != CD_NONE; }

/* "... carrying handmade signs. One read "Pass It Already." Another said "...": "one", "another"
 * or "others" opening the sentence right before the verb at `verb`, after a sentence of the
 * paragraph with signs in it. */
static bool one_of_the_signs(const cd_doc *doc, size_t verb) {
  if (verb == 0) return false;
  const cd_token *subj = tk(doc, verb - 1);
  static const char *const ONES[] = {"another", "one", "others", "some", NULL};
  if (subj->kind != TOK_WORD || !cd_word_in(doc->text + subj->start, subj->len, ONES)) return false;
  const cd_sentence *s = CD_VEC_AT(&doc->sentences, cd_sentence, subj->sent);
  if (s->first_tok != verb - 1) return false;
  /* the sentences before it in its paragraph, the nearest first, at most three */
  for (size_t si = subj->sent, seen = 0; si > 0 && seen < 3; si--, seen++) {
    const cd_sentence *p = CD_VEC_AT(&doc->sentences, cd_sentence, si - 1);
    if (p->para != s->para) break;
    for (size_t k = p->first_tok; k < p->end_tok; k++) {
      const cd_token *t = tk(doc, k);
      if (t->kind == TOK_WORD && (t->flags & TF_LOWER) && CD_SORTED_IN(doc->text + t->start, t->len, SIGN_NOUNS)) return true;
    }
  }
  return false;
}

/* "gathered with banners, one of them reading "..."": "one of them" (or "which", "some of them")
 * right before the verb, after a sign noun earlier in its sentence (within twenty words). */
static bool one_of_them_signs(const cd_doc *doc, size_t verb) {
  if (verb < 4) return false;
  const cd_token *them = tk(doc, verb - 1), *of = tk(doc, verb - 2), *one = tk(doc, verb - 3);
  static const char *const ONES[] = {"one", "some", "many", "several", "most", "each", NULL};
  static const char *const THEM[] = {"them", "which", "these", "those", NULL};
  if (them->kind != TOK_WORD || of->kind != TOK_WORD || one->kind != TOK_WORD ||
      !cd_word_in(doc->text + them->start, them->len, THEM) || !CD_WORD_IS(doc->text + of->start, of->len, "of") ||
      !cd_word_in(doc->text + one->start, one->len, ONES))
    return false;
  for (size_t k = verb - 3; k > 0 && verb - 3 - k < 20; k--) {
    const cd_token *t = tk(doc, k - 1);
    if (t->sent != one->sent || t->kind == TOK_MARK) return false;
    /* (in lower case, or opening the sentence: "Placards were on display, one of them reading") */
    bool opens = k - 1 == CD_VEC_AT(&doc->sentences, cd_sentence, t->sent)->first_tok;
    if (t->kind == TOK_WORD && ((t->flags & TF_LOWER) || opens) && CD_SORTED_IN(doc->text + t->start, t->len, SIGN_NOUNS))
      return true;
  }
  return false;
}

/* "A poster outside the theater reads "..."", "The sign on the door says "..."": a sign noun that
 * opens the sentence's subject, a few words before the verb at `verb`, with only a phrase of place
 * between. */
static bool sign_subject(const cd_doc *doc, size_t verb) {
  size_t k = sign_noun_before(doc, verb, false, 6);
  if (k == CD_NONE) return false;
  uint32_t sent = tk(doc, verb)->sent;
  /* the noun opens the sentence or follows its article: "A poster ...", "Posters ..." */
  if (k == 0 || tk(doc, k - 1)->sent != sent) return true;
  return article(doc, tk(doc, k - 1)) && (k - 1 == 0 || tk(doc, k - 2)->sent != sent);
}

/* "a card attached to a bunch of sunflowers read: "Save us a spot, mate."": "read" and a colon
 * before the quote, a sign's noun among the eight words before the verb. */
static bool sign_read_colon(const cd_doc *doc, size_t open) {
  if (open < 3) return false;
  const cd_token *c = tk(doc, open - 1), *v = tk(doc, open - 2);
  if (c->kind != TOK_PUNCT || doc->text[c->start] != ':' || v->kind != TOK_WORD) return false;
  const char *vs = doc->text + v->start;
  return (CD_WORD_IS(vs, v->len, "read") || CD_WORD_IS(vs, v->len, "reads") || CD_WORD_IS(vs, v->len, "reading")) &&
         sign_noun_before(doc, open - 2, true, 8) != CD_NONE;
}

/* "a second, smaller sign: "Cash only."", "the house rules: "...."": a sign's noun (or a list of
 * rules or a menu's) among the three words before a colon right before the quote; and a quote
 * credited after a dash to a sign ("..." — a placard outside the town hall). */
static bool sign_colon_or_credit(const cd_doc *doc, const cd_quote *q, const cd_quote_work *w) {
  static const char *const LISTS[] = {"rules", "menu", "notices", NULL}; /* (not "told the board:") */
  size_t open = w->open_tok, n = doc_ntok(doc);
  if (open >= 2 && tk(doc, open - 1)->kind == TOK_PUNCT && doc->text[tk(doc, open - 1)->start] == ':')
    for (size_t k = open - 1; k > 0 && k + 4 > open; k--) {
      const cd_token *t = tk(doc, k - 1);
      if (t->kind != TOK_WORD || t->sent != tk(doc, open)->sent) break;
      if ((t->flags & TF_LOWER) && (CD_SORTED_IN(doc->text + t->start, t->len, SIGN_NOUNS) ||
                                    cd_word_in(doc->text + t->start, t->len, LISTS)))
        return true;
    }
  size_t c = (size_t)w->close_tok + 1;
  if (w->close_tok == w->open_tok || c + 2 >= n || q->inner.end <= q->inner.start) return false;
  const cd_token *d = tk(doc, c), *art = tk(doc, c + 1), *noun = tk(doc, c + 2);
  /* an en dash, an em dash or a horizontal bar (not any sign of U+2000-U+203F: "…") */
  const unsigned char *ds = (const unsigned char *)doc->text + d->start;
  bool dash = d->kind == TOK_PUNCT && d->len == 3 && ds[0] == 0xE2 && ds[1] == 0x80 && ds[2] >= 0x93 && ds[2] <= 0x95;
  return dash && art->kind == TOK_WORD && (CD_WORD_IS(doc->text + art->start, art->len, "a") ||
                                           CD_WORD_IS(doc->text + art->start, art->len, "the")) &&
         noun->kind == TOK_WORD && CD_SORTED_IN(doc->text + noun->start, noun->len, SIGN_NOUNS);
}

/* Does the sentence of token `open` hold, before it, a verb of saying or a name? Within
 * SPEAKER_CUE_TOKENS: a sentence of a thousand quotes is read once per quote, not whole. */
enum { SPEAKER_CUE_TOKENS = 40 };
static bool speaker_cue_before(const cd_doc *doc, size_t open) {
  uint32_t sent = tk(doc, open)->sent;
  for (size_t k = open; k > 0 && open - k < SPEAKER_CUE_TOKENS && tk(doc, k - 1)->sent == sent; k--) {
    const cd_token *t = tk(doc, k - 1);
    if (t->kind != TOK_WORD) continue;
    if ((t->flags & TF_CAP) && k - 1 > CD_VEC_AT(&doc->sentences, cd_sentence, sent)->first_tok) return true;
    if (cd_is_speech_verb(doc->config, doc->text + t->start, t->len)) return true;
  }
  return false;
}

/* "are handed a laminated card of house rules. Most are what you would expect: "Please wash
 * first." "Tattoos must be covered." One is not: "Do not feed the fox."": the words of a sign or a
 * list of rules, named in the sentence before and given after a colon, and the quotes that follow
 * such a quote in its paragraph with nobody named and no verb of saying, are the sign's too. */
static bool sign_listed_after(const cd_doc *doc, size_t qi) {
  static const char *const LISTS[] = {"rules", "menu", "notices", NULL};
  const cd_quote_work *w = CD_VEC_AT(&doc->quote_work, cd_quote_work, qi);
  size_t open = w->open_tok;
  if (open < 2) return false;
  /* the cheap questions first: after a colon, or after a sign's quote */
  bool colon = tk(doc, open - 1)->kind == TOK_PUNCT && doc->text[tk(doc, open - 1)->start] == ':';
  if (!colon && !(qi > 0 && CD_VEC_AT(&doc->quote_work, cd_quote_work, qi - 1)->sign)) return false;
  if (speaker_cue_before(doc, open)) return false;
  const cd_token *o = tk(doc, open);
  uint32_t para = doc_tok_para(doc, o);
  /* right after a sign's quote (its close mark, perhaps a stop), or after a colon */
  if (qi > 0) {
    const cd_quote_work *pw = CD_VEC_AT(&doc->quote_work, cd_quote_work, qi - 1);
    const cd_quote *pq = CD_VEC_AT(&doc->quotes, cd_quote, qi - 1);
    /* (not after "Nwosu told a crowd holding placards reading "Mend the Bridge."": her next words
     * are hers) */
    if (pw->sign && pq->level == 0 && doc_tok_para(doc, tk(doc, pw->close_tok)) == para &&
        !speaker_cue_before(doc, pw->open_tok)) {
      bool adjacent = true;
      for (size_t k = (size_t)pw->close_tok + 1; k < open && adjacent; k++) adjacent = tk(doc, k)->kind == TOK_PUNCT;
      if (adjacent || colon) return true;
    }
  }
  if (!colon) return false;
  /* a sign's noun in the sentence before, in the paragraph */
  uint32_t sent = o->sent;
  if (sent == 0) return false;
  const cd_sentence *ps = CD_VEC_AT(&doc->sentences, cd_sentence, sent - 1);
  if (ps->para != para) return false;
  /* (its last SPEAKER_CUE_TOKENS * 2 tokens: read once per quote after it) */
  size_t from = ps->end_tok - ps->first_tok > 2 * SPEAKER_CUE_TOKENS ? ps->end_tok - 2 * SPEAKER_CUE_TOKENS : ps->first_tok;
  for (size_t k = from; k < ps->end_tok; k++) {
    const cd_token *t = tk(doc, k);
    if (t->kind == TOK_MARK && t->role != MR_APOS) return false;
    if (t->kind == TOK_WORD && (t->flags & TF_LOWER) &&
        (CD_SORTED_IN(doc->text + t->start, t->len, SIGN_NOUNS) || cd_word_in(doc->text + t->start, t->len, LISTS)))
      return true;
  }
  return false;
}

/* Is the line or passage at token l a work's: "its" among the three words before it, "first",
 * "opening", "last" or "closing" right before it ("The first line of her new album is sung ...:"),
 * or a verb of opening or ending earlier in its sentence ("That novel opened with a line ...:")? */
static bool work_line(const cd_doc *doc, size_t l) {
  static const char *const ORDINAL[] = {"first", "opening", "last", "closing", "final", NULL};
  static const char *const OPENS[] = {"opens", "opened", "begins", "began", "ends", "ended", "closes", "closed", NULL};
  const cd_token *line = tk(doc, l);
  if (l > 0 && tk(doc, l - 1)->kind == TOK_WORD && cd_word_in(doc->text + tk(doc, l - 1)->start, tk(doc, l - 1)->len, ORDINAL))
    return true;
  for (size_t b = l; b > 0 && tk(doc, b - 1)->sent == line->sent; b--) {
    const cd_token *t = tk(doc, b - 1);
    if (t->kind != TOK_WORD) continue;
    if (b + 3 > l && CD_WORD_IS(doc->text + t->start, t->len, "its")) return true;
    if (cd_word_in(doc->text + t->start, t->len, OPENS)) return true;
  }
  return false;
}

/* "Its chorus — "Row me home" —", "The album opens with its quietest line: "..."": the words of a
 * song, poem or book its parts name, nobody's speech here: a noun of a song's parts (chorus,
 * verse, refrain, lyrics) among the four words before the quote, or a line or passage of a work
 * (work_line) among the twelve, with a colon, comma or dash before the quote. */
static bool part_of_work(const cd_doc *doc, const cd_quote_work *w) {
  static const char *const PARTS[] = {"chorus", "verse", "verses", "refrain", "stanza", "lyric", "lyrics", "couplet", NULL};
  static const char *const OWNED[] = {"line", "lines", "passage", "sentence", "words", NULL};
  size_t open = w->open_tok;
  /* "The lyric "they counted us ..."": the part named right before its words */
  if (open >= 2 && tk(doc, open - 1)->kind == TOK_WORD && tk(doc, open - 1)->len >= 5 && tk(doc, open - 1)->len <= 7 &&
      tk(doc, open - 1)->sent == tk(doc, open)->sent &&
      cd_word_in(doc->text + tk(doc, open - 1)->start, tk(doc, open - 1)->len, PARTS))
    return true;
  if (open < 2 || tk(doc, open - 1)->kind != TOK_PUNCT) return false;
  uint32_t sent = tk(doc, open)->sent;
  /* "Its chorus has become something of a singalong at her shows: "..."": the sentence is about
   * the part (its subject, after at most two words), and a colon hands it the words */
  bool colon = tk(doc, open - 1)->len == 1 && doc->text[tk(doc, open - 1)->start] == ':';
  /* "The psalm opens, "...": a work that opens or ends with the words */
  static const char *const OPENS[] = {"opens", "begins", "ends", "closes", NULL};
  if (open >= 3 && tk(doc, open - 2)->kind == TOK_WORD && tk(doc, open - 3)->kind == TOK_WORD &&
      cd_word_in(doc->text + tk(doc, open - 2)->start, tk(doc, open - 2)->len, OPENS) &&
      CD_SORTED_IN(doc->text + tk(doc, open - 3)->start, tk(doc, open - 3)->len, WORK_NOUNS))
    return true;
  /* (a line that the sentence is about may stand further back: "That novel opened with a line that
   * became something of a catchphrase in Spain: "..."") */
  for (size_t k = open - 1; k > 0 && k + 13 > open; k--) {
    const cd_token *t = tk(doc, k - 1);
    if (t->sent != sent) break;
    if (t->kind != TOK_WORD) continue;
    const char *s = doc->text + t->start;
    if ((k + 5 > open || (colon && (k - 1 < 3 || tk(doc, k - 4)->sent != sent))) && cd_word_in(s, t->len, PARTS))
      return true;
    if (cd_word_in(s, t->len, OWNED) && work_line(doc, k - 1)) return true;
  }
  return false;
}

/* "the striker the crowd calls "the Flash,"", "Ransom, whom fans call "the Queen of Static"": a form
 * of "call" right before a capitalised name of at most four words, its object gapped into a
 * relative clause, names someone the sentence is about by the callers' nickname, not a remark
 * ("he called Cruz "Lyin' Ted"", with its object, stays the caller's words). */
static bool called_by_name(const cd_doc *doc, const cd_quote *q, const cd_quote_work *w, size_t words) {
  static const char *const CALLS[] = {"call", "called", "calling", "calls", NULL};
  if (words == 0 || words > 4 || w->close_tok == w->open_tok || w->open_tok == 0) return false;
  char last = doc->text[q->inner.end - 1];
  if (last == '?' || last == '!' || last == ':' || last == ';') return false;
  size_t i = (size_t)w->open_tok + 1;
  if (i < doc_ntok(doc) && tk(doc, i)->kind == TOK_WORD && CD_WORD_IS(doc->text + tk(doc, i)->start, tk(doc, i)->len, "the"))
    i++;
  if (i >= w->close_tok || tk(doc, i)->kind != TOK_WORD || !(tk(doc, i)->flags & TF_CAP)) return false;
  size_t vi = (size_t)w->open_tok - 1;
  /* (also past the one called: "who call him "Kap Digoy,"", "calling her "the Kiptabach Comet"") */
  static const char *const CALLED[] = {"him", "her", "them", "me", "us", NULL};
  if (vi > 0 && tk(doc, vi)->kind == TOK_WORD && cd_word_in(doc->text + tk(doc, vi)->start, tk(doc, vi)->len, CALLED)) vi--;
  const cd_token *v = tk(doc, vi);
  return v->kind == TOK_WORD && v->sent == tk(doc, w->open_tok)->sent && cd_word_in(doc->text + v->start, v->len, CALLS);
}

/* "lowered her rating to "neutral" from "buy."", "from "hold" to "sell"": one or two words in marks
 * that "to" or "from" joins to another such quote are labels (a grade, a rating), nobody's words. */
static bool rating_pair(const cd_doc *doc, size_t qi, size_t words) {
  if (words == 0 || words > 2) return false;
  const cd_quote_work *w = CD_VEC_AT(&doc->quote_work, cd_quote_work, qi);
  if (w->open_tok == 0) return false;
  const cd_token *b = tk(doc, w->open_tok - 1);
  bool to = b->kind == TOK_WORD && CD_WORD_IS(doc->text + b->start, b->len, "to"),
       from = b->kind == TOK_WORD && CD_WORD_IS(doc->text + b->start, b->len, "from");
  if (!to && !from) return false;
  /* the other label: right after this one ("to "x" from "y"") or right before ("from "x" to "y"") */
  if (qi + 1 < doc->quotes.len) {
    const cd_quote_work *nx = CD_VEC_AT(&doc->quote_work, cd_quote_work, qi + 1);
    if (nx->open_tok == w->close_tok + 2 && cd_quote_word_count(doc, qi + 1) <= 2) {
      const cd_token *j = tk(doc, w->close_tok + 1);
      if (j->kind == TOK_WORD && cd_word_eq(doc->text + j->start, j->len, to ? "from" : "to")) return true;
    }
  }
  if (qi > 0) {
    const cd_quote_work *pv = CD_VEC_AT(&doc->quote_work, cd_quote_work, qi - 1);
    if (pv->close_tok + 2 == w->open_tok && pv->close_tok != pv->open_tok && cd_quote_word_count(doc, qi - 1) <= 2 &&
        tk(doc, pv->open_tok)->sent == tk(doc, w->open_tok)->sent && w->open_tok >= 2) {
      const cd_token *pb = tk(doc, pv->open_tok - 1);
      if (pb->kind == TOK_WORD && cd_word_eq(doc->text + pb->start, pb->len, to ? "from" : "to")) return true;
    }
  }
  return false;
}

/* "We had a saying back then, "Leave it on the truck,"", "the station's motto: "..."": a noun for
 * a saying (with its determiner, an adjective between at most), a few words after it at most, and
 * a comma or colon before the open mark: words everyone says, nobody's speech here. */
static bool saying_before(const cd_doc *doc, size_t open) {
  static const char *const SAYINGS[] = {"saying", "motto", "mantra", "catchphrase", "adage", "maxim", "proverb", NULL};
  static const char *const OWNERS[] = {"a", "an", "the", "our", "their", "his", "her", "its", "my", "your", "this", "that",
                                       NULL};
  static const char *const SAYING_ADJECTIVES[] = {"old", "famous", "favourite", "favorite", "common", "popular", "local",
                                                  "familiar", NULL};
  static const char *const ARTICLES[] = {"a", "an", "the", NULL};
  if (open < 3) return false;
  const cd_token *p = tk(doc, open - 1);
  uint32_t sent = tk(doc, open)->sent;
  if (p->kind != TOK_PUNCT || (doc->text[p->start] != ',' && doc->text[p->start] != ':')) return false;
  for (size_t k = open - 1, seen = 0; k > 0 && seen < 4; seen++) {
    const cd_token *t = tk(doc, --k);
    if (t->sent != sent || t->kind != TOK_WORD) return false;
    if (!cd_word_in(doc->text + t->start, t->len, SAYINGS) || !(t->flags & TF_LOWER)) continue;
    /* "saying" is a noun only after an article, an adjective between at most ("a saying", "the old
     * saying"; not "by saying", "her saying", "that saying" of a clause) */
    if (CD_WORD_IS(doc->text + t->start, t->len, "saying")) {
      const cd_token *o = k > 0 ? tk(doc, k - 1) : NULL;
      if (o && o->kind == TOK_WORD && o->sent == sent && !cd_word_in(doc->text + o->start, o->len, ARTICLES) && k > 1)
        o = cd_word_in(doc->text + o->start, o->len, SAYING_ADJECTIVES) ? tk(doc, k - 2) : NULL;
      return o && o->kind == TOK_WORD && o->sent == sent && cd_word_in(doc->text + o->start, o->len, ARTICLES);
    }
    for (size_t d = k, adj = 0; d > 0 && adj < 2; adj++) {
      const cd_token *o = tk(doc, --d);
      if (o->sent != sent || o->kind != TOK_WORD) break;
      if (cd_word_in(doc->text + o->start, o->len, OWNERS) || (o->len > 2 && doc->text[o->start + o->len - 1] == 's' &&
                                                              doc->text[o->start + o->len - 2] == '\''))
        return true;
    }
    return false;
  }
  return false;
}

/* "The away end spent the last 20 minutes singing 'You're getting sacked in the morning'", "sings
 * the line 'Tell me the names of the streets'": what is sung, woven into the sentence, is a song's
 * words, nobody's speech. SUNG_WORDS: right after the verb; SUNG_LINES: after "the line",
 * "lyrics", "the refrain" ... of a verb of singing. */
enum sung_kind { NOT_SUNG, SUNG_WORDS, SUNG_LINES };
static enum sung_kind sung(const cd_doc *doc, size_t open, const cd_token *const *before, size_t nb) {
  static const char *const SING[] = {"sing", "sings", "sang", "sung", "singing", "perform", "performs", "performed",
                                     "performing", NULL};
  static const char *const LINES[] = {"line", "lines", "lyric", "lyrics", "refrain", "chorus", "verse", "words", NULL};
  if (nb < 1) return NOT_SUNG;
  /* (not introduced as speech is, with a comma or colon: "Billy Joel sings, "Don't go changing"") */
  if (cd_word_in(doc->text + before[0]->start, before[0]->len, SING))
    return before[0] == tk(doc, open - 1) ? SUNG_WORDS : NOT_SUNG;
  if (!cd_word_in(doc->text + before[0]->start, before[0]->len, LINES)) return NOT_SUNG;
  for (size_t k = 1; k < nb; k++)
    if (cd_word_in(doc->text + before[k]->start, before[k]->len, SING)) return SUNG_LINES;
  return NOT_SUNG;
}

/* "shouts of "Shame!"", "cries of "Resign!"", "chants of "..."": a crowd's noise, whoever the
 * sentence is about. */
static bool crowd_noise(const cd_doc *doc, const cd_token *const *before, size_t nb) {
  static const char *const NOISE[] = {"boos", "calls", "chant", "chants", "cheers", "chorus", "cries", "heckles",
                                      "jeers", "shouts", "yells", NULL};
  static const char *const ONE_NOISE[] = {"chant", "chorus", "cry", "refrain", "roar", "scream", "shout", "yell", NULL};
  static const char *const DETERMINERS[] = {"a", "an", "its", "that", "the", "their", "this", NULL};
  if (nb >= 2 && CD_WORD_IS(doc->text + before[0]->start, before[0]->len, "of") &&
      cd_word_in(doc->text + before[1]->start, before[1]->len, NOISE))
    return true;
  /* "reprised the caustic chant "...", "the familiar refrain, "..."": the noun itself, with its
   * determiner (not "the fans chant "..."", British for "chant", nor "the crowd chant") */
  if (nb < 2 || !cd_word_in(doc->text + before[0]->start, before[0]->len, ONE_NOISE)) return false;
  const cd_token *d = before[1];
  if (!cd_word_in(doc->text + d->start, d->len, DETERMINERS)) {
    const char *w = doc->text + d->start;
    if (nb < 3 || !(d->flags & TF_LOWER) || w[d->len - 1] == 's' || cd_lex_has(CD_LEX_AUDIENCE_WORDS, w, d->len) ||
        cd_lex_has(CD_LEX_GROUP_WORDS, w, d->len))
      return false;
    d = before[2];
  }
  return cd_word_in(doc->text + d->start, d->len, DETERMINERS);
}

/* "referred to as "..."", "referred to in internal emails as "..."": the passive, "referred to"
 * followed by "as" or a preposition, within six words before the open mark. */
static bool referred_to_as(const cd_doc *doc, size_t open) {
  static const char *const NEXT[] = {"as", "in", "by", "on", "at", "within", "internally", NULL};
  uint32_t sent = tk(doc, open)->sent;
  for (size_t k = open, seen = 0; k > 1 && seen < 6; seen++) {
    const cd_token *t = tk(doc, --k);
    if (t->sent != sent || t->kind == TOK_MARK) return false;
    if (t->kind != TOK_WORD || !CD_WORD_IS(doc->text + t->start, t->len, "to") || k + 1 >= open) continue;
    const cd_token *r = tk(doc, k - 1), *x = tk(doc, k + 1);
    return r->kind == TOK_WORD && CD_WORD_IS(doc->text + r->start, r->len, "referred") && x->kind == TOK_WORD &&
           cd_word_in(doc->text + x->start, x->len, NEXT);
  }
  return false;
}

/* A colon inside the quote with a capitalised word right after it ("Salt and Time: Notes ..."). */
static bool subtitled(const cd_doc *doc, const cd_quote_work *w, const cd_quote *q) {
  if (q->inner.end <= q->inner.start || !memchr(doc->text + q->inner.start, ':', q->inner.end - q->inner.start))
    return false;
  for (size_t i = (size_t)w->open_tok + 2; i + 1 < doc_ntok(doc) && tk(doc, i + 1)->start < q->inner.end; i++) {
    const cd_token *t = tk(doc, i), *n = tk(doc, i + 1);
    if (t->kind == TOK_PUNCT && doc->text[t->start] == ':' && n->kind == TOK_WORD && (n->flags & TF_CAP)) return true;
  }
  return false;
}

/* A sign's noun among the `max` words before the open mark (SIGN_NOUNS). */
static bool sign_noun_within(const cd_doc *doc, size_t open, size_t max) {
  const cd_token *b[16];
  size_t nb = words_before(doc, open, b, max < 16 ? max : 16);
  for (size_t k = 2; k < nb; k++)
    if (CD_SORTED_IN(doc->text + b[k]->start, b[k]->len, SIGN_NOUNS)) return true;
  return false;
}

/* "from the "lovely to see you, we'll be in touch" of the casting suite": words someone would say
 * (a "you", "we" or "I" in them) held up between "the" and "of" as a thing, a stock phrase, not
 * anyone's speech here. (Without the pronoun, "the "bad angels" of our nature" is more often
 * someone's words woven in.) */
static bool stock_phrase_as_noun(const cd_doc *doc, const cd_quote_work *w) {
  static const char *const PERSONAL[] = {"i", "i'm", "i'll", "we", "we're", "we'll", "you", "you're", "you'll", NULL};
  if (w->open_tok == 0 || w->close_tok == w->open_tok || (size_t)w->close_tok + 1 >= doc_ntok(doc)) return false;
  const cd_token *the = tk(doc, w->open_tok - 1), *of = tk(doc, w->close_tok + 1);
  if (the->kind != TOK_WORD || !CD_WORD_IS(doc->text + the->start, the->len, "the") || of->kind != TOK_WORD ||
      !CD_WORD_IS(doc->text + of->start, of->len, "of") || the->sent != of->sent)
    return false;
  for (size_t i = (size_t)w->open_tok + 1; i < w->close_tok; i++) {
    const cd_token *t = tk(doc, i);
    if (t->kind == TOK_WORD && cd_word_in(doc->text + t->start, t->len, PERSONAL)) return true; /* any case */
  }
  return false;
}

void cd_quote_classify(cd_doc *doc, size_t qi, bool double_style) {
  cd_quote *q = CD_VEC_AT(&doc->quotes, cd_quote, qi);
  cd_quote_work *w = CD_VEC_AT(&doc->quote_work, cd_quote_work, qi);
  size_t words = cd_quote_word_count(doc, qi);
  const cd_token *before[3];
  size_t nb = words_before(doc, w->open_tok, before, 3);
  bool ends = cd_quote_ends_sentence(doc, qi);
  bool titled = title_case(doc, w->open_tok, q->inner.end);
  /* a title on evidence a verb of saying beside it may overrule: what the hover says when none does */
  const char *overrulable = NULL;

  /* partial: woven into the writer's sentence rather than introduced by a colon or comma */
  const cd_token *first_inner = w->open_tok + 1 < doc_ntok(doc) ? tk(doc, w->open_tok + 1) : NULL;
  bool starts_lower = first_inner && first_inner->kind == TOK_WORD && (first_inner->flags & TF_LOWER);
  const cd_token *prev = w->open_tok > 0 ? tk(doc, w->open_tok - 1) : NULL;
  bool woven = prev && prev->sent == tk(doc, w->open_tok)->sent && prev->kind == TOK_WORD;
  q->partial = starts_lower || woven;

  q->kind = CD_QUOTE_SPEECH;
  w->sign = false;
  /* "found a handwritten sign on the door: "Closed today."": a sign's noun a few words before a
   * colon that introduces the quote, no verb of saying between (not "a note that said:") */
  bool colon_sign = false;
  if (w->open_tok > 1 && tk(doc, w->open_tok - 1)->kind == TOK_PUNCT && doc->text[tk(doc, w->open_tok - 1)->start] == ':') {
    const cd_token *sb[6];
    size_t nw = words_before(doc, w->open_tok - 1, sb, 6); /* past the colon */
    for (size_t k = 0; k < nw && !colon_sign; k++) {
      if (cd_is_speech_verb(doc->config, doc->text + sb[k]->start, sb[k]->len)) break;
      colon_sign = (sb[k]->flags & TF_LOWER) && CD_SORTED_IN(doc->text + sb[k]->start, sb[k]->len, SIGN_NOUNS) &&
                   !cd_word_in(doc->text + sb[k]->start, sb[k]->len, (const char *const[]){"note", "notes", "card", "cards", NULL});
    }
  }
  if (colon_sign) q->kind = CD_QUOTE_TITLE, w->sign = true;
  if (nb > 0 && !colon_sign) {
    const cd_token *b = before[0];
    const char *s = doc->text + b->start;
    size_t n = b->len;
    /* "known on the street as "...", "referred to in emails as "..."" (not "referred to Rubio as
     * "...": the referrer's words) */
    bool known_as = CD_WORD_IS(s, n, "as") &&
                    (cue_within(doc, w->open_tok, 6, "known") || cue_within(doc, w->open_tok, 4, "nicknamed") ||
                     referred_to_as(doc, w->open_tok));
    /* "a line that Yusuf translated for me as "..."", "a word that translates as "..."": a rendering
     * of words the sentence is about (a term, a line on a wall), nobody's speech unless a verb of
     * saying beside it says otherwise */
    bool translated_as = CD_WORD_IS(s, n, "as") &&
                         (cue_within(doc, w->open_tok, 4, "translated") || cue_within(doc, w->open_tok, 4, "translates") ||
                          cue_within(doc, w->open_tok, 4, "rendered") || cue_within(doc, w->open_tok, 4, "renders"));
    /* "banners reading "...", "a sign saying "..."": words on a thing, not anyone's speech */
    /* also "a hat that says "..."", "a card that said "..."", "signs which read "..."" */
    bool reads = CD_WORD_IS(s, n, "reading") || CD_WORD_IS(s, n, "read") || CD_WORD_IS(s, n, "reads") ||
                 CD_WORD_IS(s, n, "saying") || CD_WORD_IS(s, n, "says");
    bool on_sign = ((reads || CD_WORD_IS(s, n, "said")) &&
                    (one_of_the_signs(doc, w->open_tok - 1) || one_of_them_signs(doc, w->open_tok - 1))) ||
                   (CD_WORD_IS(s, n, "reading") && sign_with_place(doc, w->open_tok - 1)) ||
                   ((reads || CD_WORD_IS(s, n, "that")) && nb > 1 &&
                    CD_SORTED_IN(doc->text + before[1]->start, before[1]->len, SIGN_NOUNS) &&
                    /* "wrote in a note that "..."": what a note says that is someone's view */
                    !(!reads && (CD_WORD_IS(doc->text + before[1]->start, before[1]->len, "note") ||
                                 CD_WORD_IS(doc->text + before[1]->start, before[1]->len, "notes")))) ||
                   (reads && sign_subject(doc, w->open_tok - 1)) ||
                   /* "a sign, painted by Lise Achterberg, that reads "..."": past the sign's description;
                    * also "T-shirts quickly appeared in front of the headquarters that said "..."" */
                   ((reads || CD_WORD_IS(s, n, "said")) && nb > 2 &&
                    (CD_WORD_IS(doc->text + before[1]->start, before[1]->len, "that") ||
                     CD_WORD_IS(doc->text + before[1]->start, before[1]->len, "which")) &&
                    sign_noun_within(doc, w->open_tok, 14)) ||
                   ((reads || CD_WORD_IS(s, n, "said")) &&
                    (nb > 2 &&
                     (CD_WORD_IS(doc->text + before[1]->start, before[1]->len, "that") ||
                      CD_WORD_IS(doc->text + before[1]->start, before[1]->len, "which")) &&
                     CD_SORTED_IN(doc->text + before[2]->start, before[2]->len, SIGN_NOUNS)));
    /* "dubbed "...", "nicknamed "...""; "the term / phrase / word "..."" */
    bool naming = CD_WORD_IS(s, n, "dubbed") || CD_WORD_IS(s, n, "nicknamed");
    bool term = CD_WORD_IS(s, n, "term") || CD_WORD_IS(s, n, "phrase") || CD_WORD_IS(s, n, "word") ||
                CD_WORD_IS(s, n, "nickname");
    /* "the old adage, "..."": a saying everyone knows, nobody's words here, however long */
    bool adage = CD_WORD_IS(s, n, "adage") || CD_WORD_IS(s, n, "maxim") || CD_WORD_IS(s, n, "proverb") ||
                 (CD_WORD_IS(s, n, "goes") && nb > 1 && /* "As the old saying goes, "..."" */
                  (CD_WORD_IS(doc->text + before[1]->start, before[1]->len, "saying") ||
                   CD_WORD_IS(doc->text + before[1]->start, before[1]->len, "adage") ||
                   CD_WORD_IS(doc->text + before[1]->start, before[1]->len, "proverb")));
    adage = adage || saying_before(doc, w->open_tok);
    enum sung_kind sung_as = NOT_SUNG;
    if (on_sign) q->kind = CD_QUOTE_TITLE, w->sign = true;
    if (on_sign) {
      /* classed above */
    } else if (titled && CD_SORTED_IN(s, n, TITLE_CUES)) q->kind = CD_QUOTE_TITLE;
    /* "her new book, "Salt and Steel: The Making of a Port Town,"", "the movie, "Harbor Lights,"",
     * "the play, "Undertow."": Title Case after a noun for a work is its title, also a single
     * capitalised word and when it ends in the comma of the sentence around it */
    else if (CD_SORTED_IN(s, n, WORK_NOUNS) && title_case_ending(doc, w->open_tok, q->inner.end, true))
      q->kind = CD_QUOTE_TITLE, overrulable = NULL; /* "she wrote in her memoir, "Tough Choices."" */
    else if (CD_SORTED_IN(s, n, WORK_NOUNS) && one_capital_word(doc, q, w))
      q->kind = CD_QUOTE_TITLE, overrulable = "Title Case words after a noun for a work, with no verb of saying beside them: "
                                              "its title.";
    else if (writing_titled(doc, q, w, s, n))
      q->kind = CD_QUOTE_TITLE, overrulable = "Named by a noun for a piece of writing and a comma just before it, with no "
                                              "verb of saying beside it: its title.";
    /* "an ad entitled, "Scam."", "a novel titled "The Night the Cranes Stopped,"", "a story
     * headlined "...": the verb says the quote is a title, whatever its case or punctuation */
    else if (CD_WORD_IS(s, n, "titled") || CD_WORD_IS(s, n, "entitled") || CD_WORD_IS(s, n, "headlined") ||
             CD_WORD_IS(s, n, "stamped") || CD_WORD_IS(s, n, "labeled") || CD_WORD_IS(s, n, "labelled") ||
             CD_WORD_IS(s, n, "marked")) /* "a report stamped "Confidential"" */
      q->kind = CD_QUOTE_TITLE, overrulable = NULL; /* "the 1969 book titled "...," explaining, "..."" */
    else if (adage) q->kind = CD_QUOTE_SCARE;
    else if (translated_as && words <= 6) q->kind = CD_QUOTE_SCARE;
    /* (not overruled by a verb of saying beside it: the one beside it is "translated", the one who
     * renders the words, which are not theirs) */
    else if (translated_as)
      q->kind = CD_QUOTE_TITLE, overrulable = NULL;
    /* "a sensor, code-named "Glacier,"": a code name, nobody's words */
    else if (known_as || naming || term || CD_WORD_IS(s, n, "so-called") || CD_WORD_IS(s, n, "self-styled") ||
             CD_WORD_IS(s, n, "code-named") || CD_WORD_IS(s, n, "codenamed")) {
      q->kind = words <= 6 ? CD_QUOTE_SCARE : CD_QUOTE_SPEECH;
      /* "he dubbed Rubio "...", "she coined the phrase "..."" (a verb of using or coining a term
       * within five words): the term is the subject's own words;
       * "the so-called "...", "known as "..."" and "the phrase "..." became common" are nobody's */
      w->kind_from_naming = q->kind == CD_QUOTE_SCARE &&
                            (naming || (term && word_within(doc, w->open_tok, 5, NULL, CD_LEX_TERM_USING_VERBS)));
    }
    /* "marketing it with the slogan "Think on paper. Keep it forever."": right after the noun, also
     * when it ends the sentence */
    else if (CD_WORD_IS(s, n, "slogan") && words <= 8 && (!ends || before[0] == tk(doc, w->open_tok - 1)))
      q->kind = CD_QUOTE_TITLE;
    else if (crowd_noise(doc, before, nb))
      q->kind = CD_QUOTE_SCARE; /* "interrupted by shouts of "Shame!"": a crowd's, nobody named */
    else if (!titled && (sung_as = sung(doc, w->open_tok, before, nb)) != NOT_SUNG)
      /* "sang the line '...'": the words of a song, whoever sings them; "singing "..."" right
       * after the verb: a song too, unless the sieves find who sings (a crowd: "Hundreds of
       * striking nurses marched, singing "..."" is theirs) */
      q->kind = CD_QUOTE_TITLE,
      overrulable = sung_as == SUNG_WORDS &&
                            !title_case_ending(doc, w->open_tok, q->inner.end, true) /* "sang "Abide With Me,"" */
                        ? "Sung or performed words: a song's, nobody's speech."
                        : NULL;
    else if (called_by_name(doc, q, w, words)) {
      q->kind = CD_QUOTE_SCARE;
      w->kind_from_naming = true;
    } else if (rating_pair(doc, qi, words))
      q->kind = CD_QUOTE_SCARE;
  }
  /* "... " sign", "..." model": the noun after the quote says it names a thing; not after a
   * quote that ends in a comma, "?" or "!" (""...," campaign manager Ana Bell said") */
  char last = q->inner.end > q->inner.start ? doc->text[q->inner.end - 1] : 0;
  if (w->close_tok != w->open_tok && (size_t)w->close_tok + 1 < doc_ntok(doc) && last != ',' && last != '?' &&
      last != '!') {
    const cd_token *after = tk(doc, w->close_tok + 1);
    if (after->kind == TOK_WORD && (after->flags & TF_LOWER) &&
        CD_SORTED_IN(doc->text + after->start, after->len, AFTER_CUES))
      q->kind = CD_QUOTE_TITLE, overrulable = NULL;
  }
  if (q->kind == CD_QUOTE_SPEECH && bracketed_writing_titled(doc, w)) q->kind = CD_QUOTE_TITLE, overrulable = NULL;
  if (q->kind == CD_QUOTE_SPEECH && dated_writing_titled(doc, q, w))
    q->kind = CD_QUOTE_TITLE, overrulable = "Named by a noun for a piece of writing and its date just before it, with no "
                                            "verb of saying beside it: its title.";
  /* "CNBC's ''Secret Lives of the Super Rich,''", "CBS' ''60 Minutes''": Title Case owned by a name
   * is a title, whatever verb of saying stands beside it ("she told ABC's "Good Morning America"") */
  if (q->kind == CD_QUOTE_SPEECH && owned_by_name(doc, w) && title_case_ending(doc, w->open_tok, q->inner.end, true))
    q->kind = CD_QUOTE_TITLE, overrulable = NULL;
  /* "said on "Meet the Press."", "On "Face the Nation," Lind said", "starred in "Parks and
   * Recreation"", "an interview with "Fox News Sunday"", "part of the "Gang of Eight"", "the
   * co-author of "Going Viral,"", "told "Fox and Friends"": Title Case right after "on", "in",
   * "from", "with", "the", "of" or "told" (no comma between: what is told is the outlet, not the
   * words) is a programme, a work or the name of a thing, whatever verb of saying stands beside it */
  static const char *const TITLE_LEADS[] = {"on",   "in",    "from", "with", "the",  "of",
                                            "told", "tells", "for",  "read", "through", NULL};
  static const char *const JOINS[] = {"and", "or", NULL};
  const cd_token *b0 = nb > 0 && before[0] == tk(doc, w->open_tok - 1) ? before[0] : NULL;
  /* (one capitalised word too after "on", "in", "from" and "of": "four tracks on "Weathervane."",
   * not after "with" or "told": "she answered with "Never."") */
  static const char *const ONE_WORD_LEADS[] = {"on", "in", "from", "of", NULL};
  if (q->kind == CD_QUOTE_SPEECH && b0 && cd_word_in(doc->text + b0->start, b0->len, TITLE_LEADS) &&
      (title_case_ending(doc, w->open_tok, q->inner.end, true) ||
       (cd_word_in(doc->text + b0->start, b0->len, ONE_WORD_LEADS) && one_capital_word(doc, q, w))))
    q->kind = CD_QUOTE_TITLE, overrulable = NULL;
  /* "opened with "Tidewater," a slow, gathering song": Title Case, or one capitalised word, whose
   * comma hands it to an appositive of an article, up to three more words and a noun for a work */
  /* (the article after the quote asked first: few quotes have one, and the case test reads them all) */
  const cd_token *art = q->kind == CD_QUOTE_SPEECH && last == ',' && (size_t)w->close_tok + 2 < doc_ntok(doc)
                            ? tk(doc, w->close_tok + 1) : NULL;
  if (art && art->sent == tk(doc, w->close_tok)->sent && art->kind == TOK_WORD &&
      (CD_WORD_IS(doc->text + art->start, art->len, "a") || CD_WORD_IS(doc->text + art->start, art->len, "an") ||
       CD_WORD_IS(doc->text + art->start, art->len, "the")) &&
      (title_case_ending(doc, w->open_tok, q->inner.end, true) || one_capital_word(doc, q, w))) {
    uint32_t sent = art->sent;
    for (size_t j = w->close_tok + 2, seen = 0; j < doc_ntok(doc) && seen < 5 && tk(doc, j)->sent == sent; j++) {
      const cd_token *t = tk(doc, j);
      if (t->kind == TOK_PUNCT && doc->text[t->start] == ',') continue;
      if (t->kind != TOK_WORD || !(t->flags & TF_LOWER)) break;
      seen++;
      if (CD_SORTED_IN(doc->text + t->start, t->len, WORK_NOUNS)) {
        /* (not a tag: ""Family Medical Leave," the document states") */
        const cd_token *v = j + 1 < doc_ntok(doc) ? tk(doc, j + 1) : NULL;
        if (!(v && v->sent == sent && v->kind == TOK_WORD && cd_is_speech_verb(doc->config, doc->text + v->start, v->len)))
          q->kind = CD_QUOTE_TITLE, overrulable = NULL;
        break;
      }
    }
  }
  /* "whose work includes the award-winning "Saltmarsh,"": Title Case, or one capitalised word, in
   * the place of a noun after an article and its adjectives is the name of a thing */
  if (q->kind == CD_QUOTE_SPEECH && b0 && described_after_article(doc, w->open_tok) &&
      (title_case_ending(doc, w->open_tok, q->inner.end, true) || one_capital_word(doc, q, w)))
    q->kind = CD_QUOTE_TITLE, overrulable = NULL;
  /* "the choir sang 'Abide With Me'", "Kershaw dedicated 'Tidewater' to ...": Title Case, or one
   * capitalised word, right after a verb of performing is what was performed */
  static const char *const PERFORMED[] = {"covered", "dedicated", "performed", "performs", "played", "plays",
                                          "recorded", "sang", "sing", "sings", NULL};
  if (q->kind == CD_QUOTE_SPEECH && b0 && cd_word_in(doc->text + b0->start, b0->len, PERFORMED) &&
      (title_case_ending(doc, w->open_tok, q->inner.end, true) || one_capital_word(doc, q, w)))
    q->kind = CD_QUOTE_TITLE, overrulable = NULL;
  /* "Velloway wrote "Hinge Town" in a caravan": Title Case (not one word: "she wrote "Sorry"")
   * right after a verb of making a work is the work */
  static const char *const MADE[] = {"authored", "co-wrote", "composed", "penned", "released", "wrote", NULL};
  if (q->kind == CD_QUOTE_SPEECH && b0 && b0->len >= 5 && b0->len <= 8 && cd_word_in(doc->text + b0->start, b0->len, MADE) &&
      title_case_ending(doc, w->open_tok, q->inner.end, true))
    q->kind = CD_QUOTE_TITLE, overrulable = NULL;
  /* "starred in "The Long Tide" and "Harbor Lights,"": Title Case that "and" or "or" joins to a
   * title right before it is one too; and "signs that read "Clean water is not a privilege" and
   * "Who will answer?"": any words joined so to a sign's are another sign's */
  if (q->kind == CD_QUOTE_SPEECH && b0 && qi > 0 && cd_word_in(doc->text + b0->start, b0->len, JOINS)) {
    const cd_quote *pq = CD_VEC_AT(&doc->quotes, cd_quote, qi - 1);
    const cd_quote_work *pw = CD_VEC_AT(&doc->quote_work, cd_quote_work, qi - 1);
    size_t conj = w->open_tok - 1;
    bool joined = pw->close_tok + 1 == conj ||
                  (pw->close_tok + 2 == conj && tk(doc, conj - 1)->kind == TOK_PUNCT && doc->text[tk(doc, conj - 1)->start] == ',');
    if (joined && pq->kind == CD_QUOTE_TITLE && (pw->sign || title_case_ending(doc, w->open_tok, q->inner.end, true)))
      q->kind = CD_QUOTE_TITLE, overrulable = NULL, w->sign = pw->sign;
  }
  /* "''Tales From the Crypt,'' an HBO series that first aired in 1989": Title Case named as a work */
  if (q->kind == CD_QUOTE_SPEECH && work_appositive_follows(doc, q, w) &&
      title_case_ending(doc, w->open_tok, q->inner.end, true))
    q->kind = CD_QUOTE_TITLE, overrulable = "Title Case words that an appositive names as a work: its title.";
  /* ""Jaws" (1975)", ""Keep the Port Open" (2005)": a year in brackets right after the quote dates
   * a work, a poster or a publication, as speech is not cited */
  if (q->kind == CD_QUOTE_SPEECH && year_follows(doc, w))
    q->kind = CD_QUOTE_TITLE, overrulable = "Dated by a year in brackets, with no verb of saying beside it: a title.";
  if (q->kind == CD_QUOTE_SPEECH && year_before(doc, w)) q->kind = CD_QUOTE_TITLE, overrulable = NULL;
  if (q->kind == CD_QUOTE_SPEECH && sign_read_colon(doc, w->open_tok)) q->kind = CD_QUOTE_TITLE, overrulable = NULL;
  if (q->kind == CD_QUOTE_SPEECH && sign_colon_or_credit(doc, q, w)) q->kind = CD_QUOTE_TITLE, overrulable = NULL, w->sign = true;
  if (q->kind == CD_QUOTE_SPEECH && sign_listed_after(doc, qi)) q->kind = CD_QUOTE_TITLE, overrulable = NULL, w->sign = true;
  if (q->kind == CD_QUOTE_SPEECH && part_of_work(doc, w)) q->kind = CD_QUOTE_TITLE, overrulable = NULL;
  /* ""No singing before nine." "Dogs welcome."": a short quote right after a sign's, nothing
   * between, is the next line of the sign (not a speaker's words that follow the placards
   * "reading "Mend the Bridge." "They said ...") */
  const cd_quote_work *before_w = qi > 0 ? CD_VEC_AT(&doc->quote_work, cd_quote_work, qi - 1) : NULL;
  if (q->kind == CD_QUOTE_SPEECH && before_w && words <= 6 && before_w->sign && before_w->close_tok + 1 == w->open_tok &&
      before_w->para == w->para && tk(doc, w->open_tok)->sent <= tk(doc, before_w->close_tok)->sent + 1)
    q->kind = CD_QUOTE_TITLE, overrulable = NULL, w->sign = true;
  /* "spelled "ptarmigan"", "went out on "sesquipedalian,"", "correctly spelled "bouillabaisse,"
   * "syzygy" and "chiaroscuro"": a lower-case word after a verb of spelling (or after such a word
   * in a list) is a word as a word */
  if (q->kind == CD_QUOTE_SPEECH && words == 1 && tk(doc, w->open_tok + 1)->kind == TOK_WORD &&
      (tk(doc, w->open_tok + 1)->flags & TF_LOWER)) {
    bool spelled = cue_within(doc, w->open_tok, 4, "spelled") || cue_within(doc, w->open_tok, 4, "spelt") ||
                   cue_within(doc, w->open_tok, 4, "spell") || cue_within(doc, w->open_tok, 4, "spelling") ||
                   cue_within(doc, w->open_tok, 4, "misspelled") || cue_within(doc, w->open_tok, 4, "misspelt");
    /* (the next of a list: a one-word quote so classed just before, a comma or "and" between) */
    const cd_quote *bq = qi > 0 ? CD_VEC_AT(&doc->quotes, cd_quote, qi - 1) : NULL;
    bool listed = bq && before_w && bq->kind == CD_QUOTE_SCARE && before_w->close_tok < w->open_tok &&
                  w->open_tok - before_w->close_tok <= 3 && before_w->close_tok > before_w->open_tok + 1 &&
                  before_w->close_tok == before_w->open_tok + 2 + (tk(doc, before_w->open_tok + 2)->kind == TOK_PUNCT);
    if (spelled || listed) q->kind = CD_QUOTE_SCARE;
  }
  /* a title found above may have its byline too: "the first chapters of "Salt and Timber," by
   * Walter Greaves" credits the author */
  if (q->kind == CD_QUOTE_SPEECH || q->kind == CD_QUOTE_TITLE) {
    w->byline_tok = (uint32_t)byline_by(doc, q, w, titled || q->kind == CD_QUOTE_TITLE);
    if (w->byline_tok) q->kind = CD_QUOTE_TITLE;
  }
  /* "Salt and Time: Notes from an Island Station,": Title Case with a subtitle after a colon */
  if (q->kind == CD_QUOTE_SPEECH && subtitled(doc, w, q) && title_case_ending(doc, w->open_tok, q->inner.end, true))
    q->kind = CD_QUOTE_TITLE, overrulable = "Title Case words with a subtitle after a colon: a title.";
  /* Title Case fragments with no sentence punctuation name things ("Build Back Better") */
  if (q->kind == CD_QUOTE_SPEECH && titled && (!ends || doc->text[q->inner.end - 1] == '.') && words <= 8)
    q->kind = CD_QUOTE_TITLE, overrulable = "Title Case words with no verb of saying beside them: the name of a thing.";
  if (double_style && single_mark_subhead(doc, q, w, words)) q->kind = CD_QUOTE_TITLE, overrulable = NULL;
  if (q->kind == CD_QUOTE_SPEECH && labelled_after_colon(doc, w)) q->kind = CD_QUOTE_TITLE, overrulable = NULL;
  /* "Closing film: "A Short History of Rain,"": Title Case after a noun for a work and a colon */
  if (q->kind == CD_QUOTE_SPEECH && w->open_tok >= 2 && tk(doc, w->open_tok - 1)->kind == TOK_PUNCT &&
      doc->text[tk(doc, w->open_tok - 1)->start] == ':' && tk(doc, w->open_tok - 2)->kind == TOK_WORD &&
      (tk(doc, w->open_tok - 2)->flags & TF_LOWER) &&
      CD_SORTED_IN(doc->text + tk(doc, w->open_tok - 2)->start, tk(doc, w->open_tok - 2)->len, WORK_NOUNS) &&
      title_case_ending(doc, w->open_tok, q->inner.end, true))
    q->kind = CD_QUOTE_TITLE, overrulable = NULL;
  if (q->kind == CD_QUOTE_SPEECH && stock_phrase_as_noun(doc, w)) q->kind = CD_QUOTE_SCARE;
  w->nickname = nickname_in_name(doc, q, w);
  if (w->nickname) q->kind = CD_QUOTE_SCARE, overrulable = NULL, w->byline_tok = 0, w->kind_from_naming = false;
  w->title_overrulable = q->kind == CD_QUOTE_TITLE ? overrulable : NULL;
}

/* The words of quote q without the punctuation and spaces that end them: [q->inner.start, *end). */
static size_t title_words_end(const cd_doc *doc, const cd_quote *q) {
  size_t e = q->inner.end;
  while (e > q->inner.start && strchr(",.;: ", doc->text[e - 1])) e--;
  return e;
}

/* Quote qi opens right after quote qi - 1 closes, set off as its translation: by an opening
 * bracket, a hyphen or an en or em dash ("Juruá não está à venda" - "Juruá is not for sale"). */
bool cd_quote_translates(const cd_doc *doc, size_t qi) {
  if (qi == 0 || qi >= doc->quotes.len) return false;
  const cd_quote_work *w = CD_VEC_AT(&doc->quote_work, cd_quote_work, qi),
                      *pw = CD_VEC_AT(&doc->quote_work, cd_quote_work, qi - 1);
  if (CD_VEC_AT(&doc->quotes, cd_quote, qi)->level != 0 || CD_VEC_AT(&doc->quotes, cd_quote, qi - 1)->level != 0 ||
      pw->close_tok == pw->open_tok || w->open_tok != pw->close_tok + 2)
    return false;
  const cd_token *t = tk(doc, pw->close_tok + 1);
  const unsigned char *c = (const unsigned char *)doc->text + t->start;
  if (t->kind != TOK_PUNCT) return false;
  return (t->len == 1 && (c[0] == '(' || c[0] == '-')) ||
         (t->len == 3 && c[0] == 0xE2 && c[1] == 0x80 && (c[2] == 0x93 || c[2] == 0x94));
}

/* Is quote qi's sentence "Another [adverbs] said/read "..."" after a sign's quote in its paragraph? */
static bool another_sign(const cd_doc *doc, size_t qi) {
  const cd_quote_work *w = CD_VEC_AT(&doc->quote_work, cd_quote_work, qi);
  bool sign_before = false;
  for (size_t p = qi; p > 0 && !sign_before; p--) {
    const cd_quote_work *pw = CD_VEC_AT(&doc->quote_work, cd_quote_work, p - 1);
    if (pw->para != w->para) break;
    sign_before = pw->sign;
  }
  if (!sign_before) return false;
  const cd_token *before[4];
  size_t nb = words_before(doc, w->open_tok, before, 4);
  if (nb < 2 || !cd_word_in(doc->text + before[0]->start, before[0]->len,
                            (const char *const[]){"said", "says", "read", "reads", "declared", "proclaimed", NULL}))
    return false;
  const cd_token *first = before[nb - 1];
  const cd_sentence *s = CD_VEC_AT(&doc->sentences, cd_sentence, tk(doc, w->open_tok)->sent);
  return first == tk(doc, s->first_tok) &&
         cd_word_in(doc->text + first->start, first->len, (const char *const[]){"another", "others", NULL});
}

enum { TITLE_AGAIN_WORDS = 10 };
void cd_quote_titles_again(cd_doc *doc) {
  /* "her last article, "Las cuentas del malecón" ("The Seafront Accounts")": a quote whose
   * translation in brackets right after it is a title is that title in its own language */
  for (size_t qi = 0; qi + 1 < doc->quotes.len; qi++) {
    cd_quote *q = CD_VEC_AT(&doc->quotes, cd_quote, qi);
    const cd_quote *next = CD_VEC_AT(&doc->quotes, cd_quote, qi + 1);
    const cd_quote_work *w = CD_VEC_AT(&doc->quote_work, cd_quote_work, qi),
                        *nw = CD_VEC_AT(&doc->quote_work, cd_quote_work, qi + 1);
    if (q->kind == CD_QUOTE_TITLE || next->kind != CD_QUOTE_TITLE || q->level != 0 || next->level != 0 ||
        w->close_tok == w->open_tok || nw->open_tok != w->close_tok + 2 || tk(doc, w->close_tok + 1)->kind != TOK_PUNCT ||
        doc->text[tk(doc, w->close_tok + 1)->start] != '(')
      continue;
    q->kind = CD_QUOTE_TITLE;
    CD_VEC_AT(&doc->quote_work, cd_quote_work, qi)->title_overrulable = NULL;
  }
  /* and the other way: "His slogan, "Piracema volta a trabalhar" ("Piracema goes back to work")",
   * "shirts printed with the words "Yıldız'ı unutmadık" - "We have not forgotten Yıldız"": the
   * translation, in brackets or after a dash right after a title, a sign or words as words, is
   * the same */
  for (size_t qi = 1; qi < doc->quotes.len; qi++) {
    cd_quote *q = CD_VEC_AT(&doc->quotes, cd_quote, qi);
    const cd_quote *prev = CD_VEC_AT(&doc->quotes, cd_quote, qi - 1);
    cd_quote_work *w = CD_VEC_AT(&doc->quote_work, cd_quote_work, qi);
    const cd_quote_work *pw = CD_VEC_AT(&doc->quote_work, cd_quote_work, qi - 1);
    if (q->kind != CD_QUOTE_SPEECH || prev->kind == CD_QUOTE_SPEECH || !cd_quote_translates(doc, qi)) continue;
    q->kind = prev->kind;
    w->sign = pw->sign;
    w->title_overrulable = NULL;
  }
  /* "One hand-painted sign read "...". Another simply said "..."": after a sign's words in its
   * paragraph, "Another" (or "Others") with a verb of saying or reading opening its sentence is
   * the next sign */
  for (size_t qi = 1; qi < doc->quotes.len; qi++) {
    cd_quote *q = CD_VEC_AT(&doc->quotes, cd_quote, qi);
    cd_quote_work *w = CD_VEC_AT(&doc->quote_work, cd_quote_work, qi);
    if (q->kind != CD_QUOTE_SPEECH || q->level != 0 || !another_sign(doc, qi)) continue;
    q->kind = CD_QUOTE_TITLE;
    w->sign = true;
    w->title_overrulable = NULL;
  }
  size_t titles = 0;
  for (size_t qi = 0; qi < doc->quotes.len; qi++) {
    const cd_quote *q = CD_VEC_AT(&doc->quotes, cd_quote, qi);
    const cd_quote_work *w = CD_VEC_AT(&doc->quote_work, cd_quote_work, qi);
    titles += q->kind == CD_QUOTE_TITLE && q->level == 0 && !w->sign && !w->title_overrulable;
  }
  if (!titles) return;
  cd_strmap seen;
  cd_strmap_init(&seen, NULL);
  for (size_t qi = 0; qi < doc->quotes.len; qi++) {
    const cd_quote *q = CD_VEC_AT(&doc->quotes, cd_quote, qi);
    const cd_quote_work *w = CD_VEC_AT(&doc->quote_work, cd_quote_work, qi);
    if (q->kind != CD_QUOTE_TITLE || q->level != 0 || w->sign || w->title_overrulable) continue;
    size_t e = title_words_end(doc, q);
    if (e > q->inner.start && !memchr(doc->text + q->inner.start, 0, e - q->inner.start))
      cd_strmap_putn(&seen, doc->text + q->inner.start, e - q->inner.start, qi);
  }
  for (size_t qi = 0; qi < doc->quotes.len; qi++) {
    cd_quote *q = CD_VEC_AT(&doc->quotes, cd_quote, qi);
    cd_quote_work *w = CD_VEC_AT(&doc->quote_work, cd_quote_work, qi);
    if (!(q->kind == CD_QUOTE_SPEECH || (q->kind == CD_QUOTE_TITLE && w->title_overrulable)) || q->level != 0 ||
        w->close_tok == w->open_tok)
      continue;
    /* (the words looked up first: most quotes repeat no title, and the tests after read every word) */
    size_t e = title_words_end(doc, q);
    if (e <= q->inner.start || memchr(doc->text + q->inner.start, 0, e - q->inner.start) ||
        cd_strmap_getn(&seen, doc->text + q->inner.start, e - q->inner.start) == CD_NONE ||
        cd_quote_word_count(doc, qi) > TITLE_AGAIN_WORDS || !title_case_ending(doc, w->open_tok, q->inner.end, true))
      continue;
    q->kind = CD_QUOTE_TITLE;
    w->title_overrulable = NULL;
  }
  cd_strmap_free(&seen);
}
