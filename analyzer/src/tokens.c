/* Token pass: words, numbers, punctuation and quotation-mark candidates, per paragraph, over
 * prose bytes only. A mark's possible roles (open, close, apostrophe) come from its shape and
 * whether it is flanked by space on its left or right; the quotes pass picks one. */
#include <string.h>

#include "chars.h"
#include "doc.h"
#include "incremental.h"

typedef struct scan {
  const cd_doc *doc;
  size_t lo, hi; /* the paragraph */
  size_t pe;     /* the end of the prose run being read: every byte from the current one to it is prose */
} scan;

/* The code point at pos, or -1 at the paragraph's edge and on non-prose bytes (they separate). */
static int32_t at(const scan *sc, size_t pos, size_t *n) {
  *n = 1;
  if (pos < sc->lo || pos >= sc->hi || !sc->doc->prose[pos]) return -1;
  return cd_decode(sc->doc->text, sc->doc->len, pos, n);
}

static int32_t before(const scan *sc, size_t pos) {
  if (pos <= sc->lo || !sc->doc->prose[pos - 1]) return -1;
  size_t start;
  return cd_decode_prev(sc->doc->text, pos, &start);
}

static bool is_space_or_edge(int32_t c) { return c < 0 || cd_is_space(c); }

static bool opens_context(int32_t c) {
  return is_space_or_edge(c) || c == '(' || c == '[' || c == '{' || cd_is_dash(c) || c == '/' ||
         cd_is_quote_char(c) || c == ':';
}

static bool closes_context(int32_t c) {
  return is_space_or_edge(c) || c == '.' || c == ',' || c == ';' || c == ':' || c == '!' || c == '?' ||
         c == ')' || c == ']' || c == '}' || cd_is_dash(c) || c == '/' || c == 0x2026 || cd_is_quote_char(c);
}

static bool alnum(int32_t c) { return c >= 0 && (cd_is_letter(c) || cd_is_digit(c) || cd_is_mark(c)); }

static void mark_roles(int32_t c, int32_t prev, int32_t next, uint8_t *family, uint8_t *role) {
  bool lf = !is_space_or_edge(next) && opens_context(prev);
  bool rf = !is_space_or_edge(prev) && closes_context(next);
  switch (c) {
  case '"':
    *family = MF_DOUBLE;
    *role = (uint8_t)((lf ? MR_OPEN : 0) | (rf ? MR_CLOSE : 0));
    if (!*role) *role = MR_OPEN | MR_CLOSE;
    break;
  case 0x201C: /* “ opens; closes in German „…“ */
    *family = MF_DOUBLE;
    *role = (uint8_t)(MR_OPEN | (rf && !lf ? MR_CLOSE : 0));
    break;
  case 0x201D: /* ” closes; opens in Swedish ”…” */
    *family = MF_DOUBLE;
    *role = (uint8_t)(MR_CLOSE | (lf && !rf ? MR_OPEN : 0));
    break;
  case 0x201E:
    *family = MF_DOUBLE;
    *role = MR_OPEN;
    break;
  case 0x201A:
    *family = MF_SINGLE;
    *role = MR_OPEN;
    break;
  case 0x00AB:
    *family = MF_GUILLEMET;
    *role = (uint8_t)(MR_OPEN | (rf && !lf ? MR_CLOSE : 0));
    break;
  case 0x00BB:
    *family = MF_GUILLEMET;
    *role = (uint8_t)(MR_CLOSE | (lf && !rf ? MR_OPEN : 0));
    break;
  case 0x2039:
    *family = MF_SGUILLEMET;
    *role = (uint8_t)(MR_OPEN | (rf && !lf ? MR_CLOSE : 0));
    break;
  case 0x203A:
    *family = MF_SGUILLEMET;
    *role = (uint8_t)(MR_CLOSE | (lf && !rf ? MR_OPEN : 0));
    break;
  default: /* ' ‘ ’ */
    *family = MF_SINGLE;
    if (lf && cd_is_digit(next)) /* '90s */
      *role = MR_APOS;
    else
      *role = (uint8_t)((lf ? MR_OPEN : 0) | (rf ? MR_CLOSE : 0) | MR_APOS);
    if (c == 0x2019 && lf && !rf) *role = MR_APOS | MR_OPEN;
    break;
  }
}

/* Appends a token, its other fields zero, written once (no zeroing first): most land in the room
 * cd_pass_tokens reserved. */
static void push_token(cd_doc *doc, size_t start, size_t end, tok_kind kind, uint8_t flags) {
  *(cd_token *)cd_vec_push_raw(&doc->tokens) =
      (cd_token){.start = (uint32_t)start, .len = (uint16_t)(end - start), .flags = flags, .kind = kind & 3u};
}

/* Appends a word or number, cut into tokens of at most CD_TOKEN_MAX_LEN bytes (at character
 * boundaries) when it is longer: no word is, but a text may hold a run of letters that long. The
 * pieces after the first have no space before them and the first's case flags. */
static void push_word(cd_doc *doc, size_t start, size_t end, tok_kind kind, uint8_t flags) {
  while (end - start > CD_TOKEN_MAX_LEN) {
    size_t cut = start + CD_TOKEN_MAX_LEN;
    while (cut > start + 1 && ((unsigned char)doc->text[cut] & 0xC0) == 0x80) cut--;
    push_token(doc, start, cut, kind, flags);
    flags &= (uint8_t) ~(TF_SPACE_BEFORE | TF_LINE_BEFORE);
    start = cut;
  }
  push_token(doc, start, end, kind, flags);
}

/* The ASCII bytes a word is made of, by class: 0 for every other byte (and for all bytes from
 * 0x80, which are decoded). A capital is AW_LETTER | AW_UPPER. */
enum { AW_LETTER = 1, AW_UPPER = 2, AW_DIGIT = 4 };
static const uint8_t ASCII_WORD[256] = {
    ['0'] = AW_DIGIT, ['1'] = AW_DIGIT, ['2'] = AW_DIGIT, ['3'] = AW_DIGIT, ['4'] = AW_DIGIT,
    ['5'] = AW_DIGIT, ['6'] = AW_DIGIT, ['7'] = AW_DIGIT, ['8'] = AW_DIGIT, ['9'] = AW_DIGIT,
#define AW_PAIR(u, l) [u] = AW_LETTER | AW_UPPER, [l] = AW_LETTER
    AW_PAIR('A', 'a'), AW_PAIR('B', 'b'), AW_PAIR('C', 'c'), AW_PAIR('D', 'd'), AW_PAIR('E', 'e'),
    AW_PAIR('F', 'f'), AW_PAIR('G', 'g'), AW_PAIR('H', 'h'), AW_PAIR('I', 'i'), AW_PAIR('J', 'j'),
    AW_PAIR('K', 'k'), AW_PAIR('L', 'l'), AW_PAIR('M', 'm'), AW_PAIR('N', 'n'), AW_PAIR('O', 'o'),
    AW_PAIR('P', 'p'), AW_PAIR('Q', 'q'), AW_PAIR('R', 'r'), AW_PAIR('S', 's'), AW_PAIR('T', 't'),
    AW_PAIR('U', 'u'), AW_PAIR('V', 'v'), AW_PAIR('W', 'w'), AW_PAIR('X', 'x'), AW_PAIR('Y', 'y'),
    AW_PAIR('Z', 'z'),
#undef AW_PAIR
};

/* The ASCII bytes that may join what is on either side of them into one word (see scan_word). */
static const bool ASCII_JOIN[128] = {['\''] = true, ['-'] = true, ['.'] = true, [','] = true, ['&'] = true};

/* The C1 controls and the Latin-1 signs that mis-decoded UTF-8 leaves inside words; not the
 * no-break space or the guillemets (quotation marks). */
static bool latin1_debris(int32_t c) {
  return (c >= 0x80 && c <= 0x9F) || (c >= 0xA1 && c <= 0xBF && c != 0xAB && c != 0xBB);
}

/* Scans one word or number starting at pos, whose first code point is c (a number when it is a
 * digit); returns its end and sets case flags. */
static size_t scan_word(const scan *sc, size_t pos, int32_t c, uint8_t *flags, bool number) {
  size_t n, start = pos;
  unsigned uppers = 0; /* capitals, counted until a small letter: a word in capitals has two and none small */
  bool small = false, first = true;
  uint8_t f = *flags;
  const char *text = sc->doc->text;
  const size_t pe = sc->pe;
  if (c < 0x80) { /* the first byte, read by the caller: its case is the word's */
    uint8_t k0 = ASCII_WORD[c];
    if (k0 & AW_LETTER) f |= k0 & AW_UPPER ? TF_CAP : TF_LOWER;
    small = k0 == AW_LETTER;
    uppers = k0 >> 1 & 1; /* AW_UPPER */
    first = false;
    pos++;
  }
  for (;;) {
    /* ASCII letters and digits, the bulk of every word, without decoding, by their bytes'
     * classes; only a run's first byte can be the word's first. The count only decides whether
     * the word is in capitals, which one small letter settles: once there is one, it stops.
     * Before pe every byte is prose; at pe the paragraph or its prose ends (at() says -1). */
    size_t run = pos;
    while (pos < pe && ASCII_WORD[(unsigned char)text[pos]]) pos++;
    if (pos > run) {
      uint8_t k0 = ASCII_WORD[(unsigned char)text[run]];
      if (first && (k0 & AW_LETTER)) f |= k0 & AW_UPPER ? TF_CAP : TF_LOWER;
      first = false;
      for (size_t i = run; i < pos && !small; i++) {
        uint8_t k = ASCII_WORD[(unsigned char)text[i]];
        small = k == AW_LETTER;
        uppers += k >> 1 & 1; /* AW_UPPER */
      }
    }
    unsigned char b = pos < pe ? (unsigned char)text[pos] : 0x80;
    if (b < 0x80) { /* an ASCII byte that is not a letter or digit, or the run would go on */
      c = b;
      n = 1;
      if (!ASCII_JOIN[b]) break;
      /* after a word a comma or full stop most often ends it: it joins only in a number or in a
       * chain of single letters (the tests below), so the neighbours are not decoded for it */
      if (b != '\'' && b != '-' && b != '&' && !number &&
          !(b == '.' && (pos - start == 1 || (pos >= start + 3 && text[pos - 2] == '.'))))
        break;
    } else {
      c = at(sc, pos, &n);
      if (alnum(c)) {
        if (cd_is_letter(c)) {
          if (cd_is_upper(c)) uppers++;
          if (cd_is_lower(c)) small = true;
          if (first) f |= cd_is_upper(c) ? TF_CAP : cd_is_lower(c) ? TF_LOWER : 0;
          first = false;
        } else if (first && cd_is_digit(c)) {
          first = false;
        }
        pos += n;
        continue;
      }
      /* "FranÃ§ois", "SarukhÃ\u0083Â¡n": UTF-8 read as Windows-1252 and saved again (mojibake) puts
       * C1 controls and Latin-1 signs inside a word; the word stays one, so that the name is still
       * a name (they are kept as written) */
      if (latin1_debris(c)) {
        size_t past = pos + n, rn;
        int32_t r = at(sc, past, &rn);
        while (latin1_debris(r) && past - pos < 12) past += rn, r = at(sc, past, &rn);
        int32_t lead = before(sc, pos);
        /* between letters; or at the word's end after the Â, Ã, Ä or Å that starts such a pair
         * ("JosÃ©" for "José") */
        if ((cd_is_letter(r) && alnum(lead) && !cd_is_digit(lead)) || (lead >= 0xC2 && lead <= 0xC5)) {
          pos = past;
          continue;
        }
        break;
      }
      /* only these join what is on either side of them into one word */
      if (c != '\'' && c != 0x2019 && c != '-' && c != 0x2010 && c != 0x2011 && c != '.' && c != ',' && c != '&') break;
    }
    size_t n2;
    int32_t next = at(sc, pos + n, &n2);
    int32_t prev = before(sc, pos);
    if ((c == '\'' || c == 0x2019) && cd_is_letter(prev) && cd_is_letter(next)) { /* don't, Trump's */
      pos += n;
      continue;
    }
    if ((c == '-' || c == 0x2010 || c == 0x2011) && alnum(prev) && alnum(next)) { /* Jong-un */
      pos += n;
      continue;
    }
    if ((c == '.' || c == ',') && number && cd_is_digit(prev) && cd_is_digit(next)) { /* 3.5, 1,000 */
      pos += n;
      continue;
    }
    if (c == '&' && cd_is_upper(prev) && cd_is_upper(next)) { /* AT&T */
      pos += n;
      continue;
    }
    if (c == '.' && cd_is_letter(prev) && (pos - start == 1 || (pos >= start + 3 && sc->doc->text[pos - 2] == '.'))) {
      /* U.S., e.g.: single letters joined by full stops keep their last stop too */
      size_t n3;
      int32_t after_next = at(sc, pos + n + n2, &n3);
      bool chain_continues = cd_is_letter(next) && after_next == '.';
      bool chain_ends = pos >= start + 3 && sc->doc->text[pos - 2] == '.';
      if (chain_continues) {
        pos += n;
        continue;
      }
      if (chain_ends) {
        pos += n;
        break;
      }
    }
    break;
  }
  if (!small && uppers >= 2) f |= TF_ALLCAPS; /* the count stopped at a small letter */
  *flags = f;
  return pos;
}

static bool ascii_digit(int32_t c) { return c >= '0' && c <= '9'; }

/* A height, 6'3" or 5'11" (or with curly marks or primes, 6’2” and 5′11″), at the mark after the
 * feet: the marks are feet and inches, not quotation marks (read as quotes they left a closing
 * mark with no opening one, or closed a quote in the middle: "he's like 6’2”," Lind said). Only
 * this shape, in ASCII digits: a mark after any number ("in 2016"") stays a quotation mark.
 * Returns the end of the inches mark, or 0. */
static size_t feet_and_inches_end(const scan *sc, size_t pos) {
  size_t n, m;
  int32_t feet = at(sc, pos, &n);
  if ((feet != '\'' && feet != 0x2019 && feet != 0x2032) || !ascii_digit(before(sc, pos)) ||
      !ascii_digit(at(sc, pos + n, &m)))
    return 0;
  size_t k = pos + n + 1;
  if (ascii_digit(at(sc, k, &m))) k++;
  int32_t inches = at(sc, k, &m);
  if (feet == '\'' && inches == '\'' && at(sc, k + 1, &m) == '\'') return k + 2; /* 5'11'' */
  bool pair = feet == '\'' ? inches == '"' : feet == 0x2019 ? inches == 0x201D : inches == 0x2033;
  return pair ? k + m : 0;
}

/* Three apostrophes close a single quotation inside a double one (,''' he said) or open one
 * inside it (''' Tis): the single mark comes first where the run follows a word, last where it
 * starts one. Whether the apostrophe at pos is that first single mark. */
static bool single_before_double(const scan *sc, size_t pos) {
  const char *t = sc->doc->text;
  if (pos + 2 >= sc->pe || t[pos + 2] != '\'' || (pos + 3 < sc->pe && t[pos + 3] == '\'')) return false;
  return !is_space_or_edge(before(sc, pos));
}

static void tokenize_para(cd_doc *doc, uint32_t pi) {
  cd_para *p = CD_VEC_AT(&doc->paras, cd_para, pi);
  scan sc = {doc, p->span.start, p->span.end, p->span.start};
  p->first_tok = (uint32_t)doc->tokens.len;
  size_t pos = p->span.start;
  uint8_t pending = 0;
  const uint8_t *prose = doc->prose;
  while (pos < p->span.end) {
    if (pos >= sc.pe && prose[pos]) { /* a run of prose starts (most often the whole paragraph) */
      const uint8_t *z = memchr(prose + pos, 0, sc.hi - pos);
      sc.pe = z ? (size_t)(z - prose) : sc.hi;
    }
    bool in = pos < sc.pe; /* a prose byte, known without reading its flag */
    unsigned char b = (unsigned char)doc->text[pos];
    if (in && (b == ' ' || b == '\n')) { /* most separators, without decoding */
      pending |= b == '\n' ? TF_SPACE_BEFORE | TF_LINE_BEFORE : TF_SPACE_BEFORE;
      pos++;
      continue;
    }
    size_t n = 1;
    int32_t c = in && b < 0x80 ? (int32_t)b : at(&sc, pos, &n); /* ASCII without a call */
    if (c < 0 || cd_is_space(c)) {
      pending |= TF_SPACE_BEFORE;
      if (doc->text[pos] == '\n') pending |= TF_LINE_BEFORE;
      pos += n;
      continue;
    }
    uint8_t flags = pending;
    pending = 0;
    if (c < 0x80 ? ASCII_WORD[c] != 0 : alnum(c)) {
      bool number = cd_is_digit(c);
      size_t end = scan_word(&sc, pos, c, &flags, number);
      size_t height_end = number ? feet_and_inches_end(&sc, end) : 0;
      if (height_end) end = height_end; /* one number, as "6-foot-3" would be */
      push_word(doc, pos, end, number ? TOK_NUMBER : TOK_WORD, flags);
      pos = end;
    } else if (cd_is_quote_char(c)) {
      size_t n2;
      cd_token *t;
      /* two apostrophes in a row are one double mark, as some archives (the New York Times's) and
       * typewritten copy write them: ''Yes,'' she said. */
      if (c == '\'' && pos + 1 < sc.pe && doc->text[pos + 1] == '\'' && !single_before_double(&sc, pos)) {
        c = '"';
        n = 2;
      }
      int32_t prev = before(&sc, pos), next = at(&sc, pos + n, &n2);
      push_token(doc, pos, pos + n, TOK_MARK, flags);
      t = CD_VEC_AT(&doc->tokens, cd_token, doc->tokens.len - 1);
      uint8_t family, role;
      mark_roles(c, prev, next, &family, &role);
      t->family = family & 7u;
      t->role = role & 7u;
      pos += n;
    } else {
      bool invalid = c == 0xFFFD && n == 1;
      push_token(doc, pos, pos + n, TOK_PUNCT, (uint8_t)(flags | (invalid ? TF_INVALID : 0)));
      pos += n;
    }
    if (pos < sc.pe && doc->text[pos] == ' ') { /* the space after most tokens, without a turn of the loop */
      pending = TF_SPACE_BEFORE;
      pos++;
    }
  }
  p->end_tok = (uint32_t)doc->tokens.len;
}

void cd_pass_tokens(cd_doc *doc) {
  /* News copy has about one token per five bytes: room for one per four is reserved at once, so
   * the table is not copied while it doubles (each copy touches fresh pages). */
  cd_vec_reserve(&doc->tokens, doc->len / 4 + 16);
  for (size_t i = 0; i < doc->paras.len; i++)
    if (!doc->incr || !cd_incr_tokens(doc, (uint32_t)i)) tokenize_para(doc, (uint32_t)i);
}
