/* Build-time generator of the word tables (see words.h, cd_word_table): reads the entries of one
 * list, one a line, already folded to lower case, sorted and de-duplicated by the cmake script
 * that calls it (offset_table.cmake), and writes C source for them: the entries as one block of
 * characters (no relocations at start-up), their offsets in sorted order, and an open-addressing
 * hash table over them, so a lookup costs one hash and about one probe.
 *
 * usage: gen_word_index NAME ENTRIES.txt > out.c
 * writes NAME_CHARS, NAME_OFFSETS, NAME_SLOTS and `#define NAME_TABLE {...}`, an initialiser of
 * a cd_word_table. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "word_hash.h"

static void fail(const char *what, const char *detail) {
  fprintf(stderr, "gen_word_index: %s%s%s\n", what, detail ? ": " : "", detail ? detail : "");
  exit(1);
}

/* The entry as the body of a C string literal. */
static void put_literal(FILE *out, const char *s, size_t n) {
  for (size_t i = 0; i < n; i++) {
    unsigned char c = (unsigned char)s[i];
    if (c == '"' || c == '\\' || c < 0x20 || c >= 0x7f || c == '?')
      fprintf(out, "\\%03o", c); /* octal: also keeps "??" trigraph-free */
    else
      fputc(c, out);
  }
}

int main(int argc, char **argv) {
  if (argc != 3) fail("usage: gen_word_index NAME ENTRIES.txt", NULL);
  const char *name = argv[1];
  FILE *in = fopen(argv[2], "rb");
  if (!in) fail("cannot read", argv[2]);
  size_t cap = 1 << 16, len = 0;
  char *text = malloc(cap);
  if (!text) fail("out of memory", NULL);
  size_t got;
  while ((got = fread(text + len, 1, cap - len, in)) > 0) {
    len += got;
    if (len == cap && !(text = realloc(text, cap *= 2))) fail("out of memory", NULL);
  }
  fclose(in);
  text[len] = 0; /* fread left room: len < cap */
  /* entries: the lines, each ended by NUL in place */
  size_t count = 0, cap_entries = 1024;
  uint32_t *offsets = malloc(cap_entries * sizeof *offsets);
  uint32_t *lengths = malloc(cap_entries * sizeof *lengths);
  if (!offsets || !lengths) fail("out of memory", NULL);
  for (size_t at = 0; at < len;) {
    char *nl = memchr(text + at, '\n', len - at);
    size_t end = nl ? (size_t)(nl - text) : len;
    if (end > at) {
      if (count == cap_entries) {
        cap_entries *= 2;
        offsets = realloc(offsets, cap_entries * sizeof *offsets);
        lengths = realloc(lengths, cap_entries * sizeof *lengths);
        if (!offsets || !lengths) fail("out of memory", NULL);
      }
      if (memchr(text + at, 0, end - at)) fail("an entry holds a NUL byte", argv[2]);
      text[end] = 0;
      offsets[count] = (uint32_t)at;
      lengths[count] = (uint32_t)(end - at);
      if (count && strcmp(text + offsets[count - 1], text + at) >= 0)
        fail("entries out of order or repeated at", text + at);
      count++;
    }
    at = end + 1;
  }
  if (count == 0) fail("no entries in", argv[2]);

  /* the characters, and each entry's offset in them */
  printf("static const char %s_CHARS[] =", name);
  uint32_t *packed = malloc(count * sizeof *packed);
  if (!packed) fail("out of memory", NULL);
  uint32_t at = 0;
  for (size_t i = 0; i < count; i++) {
    printf("\n  \"");
    put_literal(stdout, text + offsets[i], lengths[i]);
    printf("\\0\"");
    packed[i] = at;
    at += lengths[i] + 1;
  }
  if (at > CD_WORD_SLOT_OFFSET_MASK) fail("too many characters for a slot's offset in", argv[2]);
  printf(";\nstatic const uint32_t %s_OFFSETS[] = {", name);
  for (size_t i = 0; i < count; i++) printf("%s%u,", i % 16 ? "" : "\n  ", packed[i]);

  /* the hash table: a power of two at least twice the entries, linear probing */
  size_t slots = 4;
  while (slots < 2 * count) slots *= 2;
  uint32_t *table = calloc(slots, sizeof *table);
  if (!table) fail("out of memory", NULL);
  for (size_t i = 0; i < count; i++) {
    uint32_t h = cd_word_hash(text + offsets[i], lengths[i]);
    size_t k = h & (slots - 1);
    while (table[k]) k = (k + 1) & (slots - 1);
    table[k] = cd_word_slot_tag(h) | (packed[i] + 1);
  }
  printf("\n};\nstatic const uint32_t %s_SLOTS[] = {", name);
  for (size_t i = 0; i < slots; i++) printf("%s%uu,", i % 8 ? "" : "\n  ", table[i]);
  uint64_t filter[CD_WORD_FILTER_WORDS] = {0};
  for (size_t i = 0; i < count; i++) {
    uint32_t bit = cd_word_filter_bit(text + offsets[i], lengths[i]);
    filter[bit / 64] |= 1ull << (bit % 64);
  }
  printf("\n};\n#define %s_TABLE {%s_CHARS, %s_OFFSETS, %s_SLOTS, %zuu, %zuu, {", name, name, name, name, count,
         slots - 1);
  for (size_t w = 0; w < CD_WORD_FILTER_WORDS; w++) printf("%s%#llxull", w ? ", " : "", (unsigned long long)filter[w]);
  printf("}}\n");
  free(table);
  free(packed);
  free(offsets);
  free(lengths);
  free(text);
  return 0;
}
