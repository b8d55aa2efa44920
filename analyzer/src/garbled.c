/* text.garbled (garbled.h). A sequence is taken only where it reads back to one character: a lead
 * Â, Ã, Ä or Å (the first byte of a two-byte UTF-8 letter of Latin-1 and Latin Extended-A) or â
 * (of the three-byte punctuation, U+2000 on) followed by characters that stand for continuation
 * bytes in Windows-1252 or Latin-1. Copy in any language writes none of these pairs on purpose;
 * the leads that are common letters of their own (É, Ö, ß) are left out, so that "CAFÉ”" is not
 * read as a pair. */
#include "garbled.h"

#include <string.h>

#include "chars.h"

/* The byte a Windows-1252 (or Latin-1) decoder turned into code point c, when it is a UTF-8
 * continuation byte (0x80 to 0xBF); -1 otherwise. */
static int continuation_byte(int32_t c) {
  if (c >= 0x80 && c <= 0xBF) return (int)c; /* C1 controls (Latin-1) and the Latin-1 signs */
  static const int32_t CP1252[32] = {0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
                                     0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0,      0x017D, 0,
                                     0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
                                     0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};
  for (int b = 0; b < 32; b++)
    if (CP1252[b] && CP1252[b] == c) return 0x80 + b;
  return -1;
}

/* At `pos` in [start, end): a garbled sequence? Returns its length in bytes (0 if none) and writes
 * the UTF-8 bytes it stands for to out (up to 3) and their count to *out_n. */
static size_t sequence_at(const char *text, size_t start, size_t pos, size_t end, unsigned char out[3],
                          size_t *out_n) {
  size_t n0, n1, n2;
  int32_t lead = cd_decode(text, end, pos, &n0);
  size_t need = lead >= 0xC2 && lead <= 0xC5 ? 1 : lead == 0xE2 ? 2 : 0;
  if (!need || pos + n0 >= end) return 0;
  int32_t second = cd_decode(text, end, pos + n0, &n1);
  int b1 = continuation_byte(second);
  if (b1 < 0 || (lead == 0xC2 && b1 < 0xA0)) return 0; /* Â and a C1 control stand for a control */
  /* a word in capitals that ends in Ä, Å or Ã before a mark, a dash or a space ("PÄIVÄ”", "GÅ…",
   * "IRMÃ”"): the letter is the word's own; a pair after a capital must be a letter sign */
  size_t ps;
  if (need == 1 && pos > start && cd_is_upper(cd_decode_prev(text, pos, &ps)) && !(second >= 0xA1 && second <= 0xBF))
    return 0;
  out[0] = (unsigned char)lead;
  out[1] = (unsigned char)b1;
  *out_n = 2;
  if (need == 1) return n0 + n1;
  if (pos + n0 + n1 >= end) return 0;
  int b2 = continuation_byte(cd_decode(text, end, pos + n0 + n1, &n2));
  if (b2 < 0) return 0;
  out[2] = (unsigned char)b2;
  *out_n = 3;
  return n0 + n1 + n2;
}

/* The bytes of [s, s + n) with every garbled sequence read back, into the arena; NULL when there
 * is none. */
static char *repaired(cd_arena *arena, const char *s, size_t n) {
  char *out = cd_arena_alloc(arena, n + 1);
  if (!out) return NULL;
  size_t o = 0;
  bool any = false;
  for (size_t i = 0; i < n;) {
    unsigned char b[3];
    size_t bn, k = sequence_at(s, 0, i, n, b, &bn);
    if (k) {
      memcpy(out + o, b, bn); /* bn <= k: a sequence is two or three code points of two bytes or more */
      o += bn;
      i += k;
      any = true;
    } else {
      out[o++] = s[i++];
    }
  }
  out[o] = '\0';
  return any ? out : NULL;
}

/* Does c belong to a word as this rule reads it: a letter, digit or mark, or a character a
 * garbled sequence is made of? */
static bool word_char(int32_t c) {
  if (c == 0xA0 || c == 0xAB || c == 0xBB) return false; /* the no-break space and the guillemets */
  return cd_is_letter(c) || cd_is_digit(c) || cd_is_mark(c) || (c >= 0x80 && c <= 0xFF) || continuation_byte(c) >= 0;
}

static void report(cd_doc *doc, size_t start, size_t end) {
  const char *text = doc->text;
  char *fixed = repaired(doc->arena, text + start, end - start);
  if (!fixed) return;
  /* garbled twice over ("Ã\u0083Â§" is "Ã§" once read back): read back again */
  for (int round = 0; round < 2; round++) {
    char *again = repaired(doc->arena, fixed, strlen(fixed));
    if (!again) break;
    fixed = again;
  }
  const char *as_written = cd_arena_strndup(doc->arena, text + start, end - start);
  if (!as_written) return;
  bool nbsp = strcmp(fixed, "\xC2\xA0") == 0;
  /* a lead left at the word's end ("SégolÃ") or an "â€" left ("longâ€term"): a byte was lost on
   * the way, and no reading back restores it; say so, with nothing to accept blindly ("SÃO" and
   * "CHÂTEAU" read back whole) */
  size_t fl = strlen(fixed);
  bool lead_last = fl >= 2 && (unsigned char)fixed[fl - 2] == 0xC3 && ((unsigned char)fixed[fl - 1] == 0x82 ||
                                                                      (unsigned char)fixed[fl - 1] == 0x83);
  if (lead_last || strstr(fixed, "\xC3\xA2\xE2\x82\xAC")) {
    cd_doc_add_diag(doc, "text.garbled", start, end,
                    cd_arena_printf(doc->arena,
                                    "'%s' is garbled: UTF-8 read in the wrong character set, with characters "
                                    "lost. Retype it, and check the encoding of the copy it came from.",
                                    as_written));
    return;
  }
  cd_diagnostic *d = cd_doc_add_diag(
      doc, "text.garbled", start, end,
      nbsp ? "'\xC3\x82' before a space is a garbled no-break space (UTF-8 read in the wrong character set). "
             "Delete the '\xC3\x82'."
           : cd_arena_printf(doc->arena,
                             "'%s' is garbled: UTF-8 read in the wrong character set. Write '%s', and check "
                             "the encoding of the copy it came from.",
                             as_written, fixed));
  const char *title = nbsp ? "Delete the garbled character" : cd_arena_printf(doc->arena, "Change to '%s'", fixed);
  cd_fix *fx = cd_diag_add_fix(doc, d, title, true);
  if (fx) cd_fix_add_edit(doc, fx, start, end, fixed);
}

void cd_find_garbled(cd_doc *doc) {
  const char *text = doc->text;
  for (size_t pi = 0; pi < doc->paras.len; pi++) {
    const cd_para *p = CD_VEC_AT(&doc->paras, cd_para, pi);
    size_t end = p->span.end, floor = p->span.start;
    for (size_t pos = p->span.start; pos < end;) {
      /* every lead (Â Ã Ä Å â) is a two-byte character whose first byte is 0xC3 */
      const char *lead = memchr(text + pos, 0xC3, end - pos);
      if (!lead) break;
      pos = (size_t)(lead - text);
      unsigned char out[3];
      size_t on, k = sequence_at(text, p->span.start, pos, end, out, &on);
      if (!k) {
        pos++;
        continue;
      }
      /* the whole word around it, which the finding shows and its fix rewrites; a garbled no-break
       * space alone, as it stands between two words */
      size_t ws = pos, we = pos + k, cs, n;
      bool nbsp = on == 2 && out[0] == 0xC2 && out[1] == 0xA0;
      /* never back over the word of the finding before: findings do not overlap */
      while (!nbsp && ws > floor && word_char(cd_decode_prev(text, ws, &cs))) ws = cs;
      while (!nbsp && we < end && word_char(cd_decode(text, end, we, &n))) we += n;
      report(doc, ws, we);
      pos = floor = we;
    }
  }
}
