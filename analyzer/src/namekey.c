#include "namekey.h"

#include <assert.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "copydesk/analyzer.h"
#include "strmap.h"
#include "words.h"

/* Letters that utf8proc does not decompose into a base letter and a mark, folded by hand
 * (after case folding, so only the lower-case forms appear). */
static const struct {
  const char *from, *to;
} EXTRA_FOLDS[] = {
    {"\xC5\x82", "l"},  /* ł */
    {"\xC3\xB8", "o"},  /* ø */
    {"\xC4\x91", "d"},  /* đ */
    {"\xC3\xB0", "d"},  /* ð */
    {"\xC3\xBE", "th"}, /* þ */
    {"\xC3\xA6", "ae"}, /* æ */
    {"\xC5\x93", "oe"}, /* œ */
    {"\xC4\xB1", "i"},  /* dotless ı */
    {"\xC4\xA7", "h"},  /* ħ */
};

/* Most names are ASCII: fold them without utf8proc's allocation and decomposition (a quarter of
 * all instructions on a long article went there). Same result as the general path. Writes at
 * most n bytes to out; returns how many. */
size_t cd_name_key_fold_ascii(char *out, const char *text, size_t n) {
  size_t k = 0;
  for (size_t i = 0; i < n; i++) {
    char c = text[i];
    if (c == '.' || c == '-' || c == ' ' || c == '\'' || c == '\t' || c == '\n' || c == '\r') continue;
    out[k++] = c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
  }
  return k;
}

/* ASCII but for the apostrophes and hyphens the key drops (’ ‘ U+2010 U+2011: E2 80 99, 98, 90,
 * 91), and no NUL: the general path below leaves those letters as they are and then drops them, so
 * such a text is folded as ASCII is, without utf8proc's allocation and decomposition. They are most
 * of the non-ASCII spans the passes ask about ("O’Brien", "Trump’s"). */
static bool ascii_but_dropped(const char *text, size_t n) {
  for (size_t i = 0; i < n; i++) {
    unsigned char c = (unsigned char)text[i];
    if (c >= 0x80) {
      if (c != 0xE2 || i + 2 >= n || (unsigned char)text[i + 1] != 0x80) return false;
      unsigned char c2 = (unsigned char)text[i + 2];
      if (!(c2 == 0x99 || c2 == 0x90 || c2 == 0x91 || c2 == 0x98)) return false;
      i += 2;
    } else if (c == 0) {
      return false;
    }
  }
  return true;
}

/* cd_name_key_fold_ascii for a text that ascii_but_dropped accepts. */
static size_t fold_ascii_dropping(char *out, const char *text, size_t n) {
  size_t k = 0;
  for (size_t i = 0, from = 0; i <= n; i++) {
    if (i < n && (unsigned char)text[i] != 0xE2) continue;
    k += cd_name_key_fold_ascii(out + k, text + from, i - from);
    from = i + 3;
    i += 2;
  }
  return k;
}

static char *ascii_key(cd_arena *arena, const char *text, size_t n) {
  char *out = cd_arena_alloc(arena, n + 1);
  if (out) out[cd_name_key_fold_ascii(out, text, n)] = 0;
  return out;
}

bool cd_name_key_is_ascii(const char *text, size_t n) {
  if (n >= CD_NAME_KEY_ASCII_MAX) return false;
  uint64_t any = 0; /* the bytes or'ed together, eight at a time */
  size_t i = 0;
  for (; i + 8 <= n; i += 8) {
    uint64_t x;
    memcpy(&x, text + i, 8);
    any |= x;
  }
  if (n - i >= 4) { /* the last four to seven bytes as two loads that overlap */
    uint32_t a, b;
    memcpy(&a, text + i, 4);
    memcpy(&b, text + n - 4, 4);
    any |= a | b;
  } else {
    for (; i < n; i++) any |= (unsigned char)text[i];
  }
  return !(any & 0x8080808080808080ull);
}

const char *cd_name_key_in(cd_strmap *keys, const char *text, size_t n) {
  char buf[CD_NAME_KEY_ASCII_MAX];
  if (cd_name_key_is_ascii(text, n)) return cd_strmap_intern(keys, buf, cd_name_key_fold_ascii(buf, text, n));
  if (n < CD_NAME_KEY_ASCII_MAX && ascii_but_dropped(text, n))
    return cd_strmap_intern(keys, buf, fold_ascii_dropping(buf, text, n));
  if (!keys->arena && !(keys->arena = keys->own = cd_arena_new())) return NULL;
  const char *key = cd_name_key(keys->arena, text, n);
  return key ? cd_strmap_intern(keys, key, strlen(key)) : NULL;
}

const char *cd_name_key_known(cd_strmap *keys, const char *text, size_t n) {
  char buf[CD_NAME_KEY_ASCII_MAX];
  if (cd_name_key_is_ascii(text, n)) return cd_strmap_key(keys, buf, cd_name_key_fold_ascii(buf, text, n));
  return cd_name_key_in(keys, text, n);
}

char *cd_name_key(cd_arena *arena, const char *text, size_t n) {
  bool ascii = true;
  for (size_t i = 0; i < n && ascii; i++) ascii = (unsigned char)text[i] < 0x80;
  if (ascii) return ascii_key(arena, text, n);
  if (ascii_but_dropped(text, n)) {
    char *out = cd_arena_alloc(arena, n + 1);
    if (out) out[fold_ascii_dropping(out, text, n)] = 0;
    return out;
  }
  utf8proc_uint8_t *folded = NULL;
  utf8proc_ssize_t r = utf8proc_map((const utf8proc_uint8_t *)text, (utf8proc_ssize_t)n, &folded,
                                    UTF8PROC_DECOMPOSE | UTF8PROC_CASEFOLD | UTF8PROC_STRIPMARK |
                                        UTF8PROC_COMPAT);
  char *out;
  if (r < 0) {
    out = cd_arena_strndup(arena, text, n); /* invalid UTF-8: compare the bytes as they are */
    return out;
  }
  out = cd_arena_alloc(arena, (size_t)r * 2 + 1);
  size_t k = 0;
  for (utf8proc_ssize_t i = 0; out && i < r; i++) {
    unsigned char c = folded[i];
    if (c == '.' || c == '-' || c == ' ' || c == '\'' || c == '\t' || c == '\n' || c == '\r') continue;
    if (c == 0xE2 && i + 2 < r && folded[i + 1] == 0x80 &&
        (folded[i + 2] == 0x99 || folded[i + 2] == 0x90 || folded[i + 2] == 0x91 || folded[i + 2] == 0x98)) {
      i += 2; /* ’ ‘ and the Unicode hyphens */
      continue;
    }
    if (c >= 0xC0 && i + 1 < r) {
      bool done = false;
      for (size_t x = 0; x < sizeof EXTRA_FOLDS / sizeof EXTRA_FOLDS[0]; x++) {
        if ((unsigned char)EXTRA_FOLDS[x].from[0] == c && (unsigned char)EXTRA_FOLDS[x].from[1] == folded[i + 1]) {
          for (const char *t = EXTRA_FOLDS[x].to; *t; t++) out[k++] = *t;
          i++;
          done = true;
          break;
        }
      }
      if (done) continue;
    }
    out[k++] = (char)c;
  }
  if (out) out[k] = 0;
  free(folded);
  return out;
}

/* The tables below are scanned for every name word: the first byte settles almost every entry
 * without a call to strcmp. */
static bool same(const char *entry, const char *key) { return entry[0] == key[0] && strcmp(entry, key) == 0; }

/* Built-in aliases for common country and organisation forms; configuration adds more. Sorted by
 * the alias: looked up by binary search (every entity's key is asked). */
static const char *const ALIASES[][2] = {
    {"america", "unitedstates"}, {"bbc", "britishbroadcastingcorporation"},
    {"britain", "unitedkingdom"}, {"cia", "centralintelligenceagency"},
    {"dc", "districtofcolumbia"}, {"dprk", "northkorea"}, {"drc", "democraticrepublicofthecongo"},
    {"eu", "europeanunion"}, {"fbi", "federalbureauofinvestigation"}, {"gop", "republicanparty"},
    {"greatbritain", "unitedkingdom"}, {"imf", "internationalmonetaryfund"},
    {"nasa", "nationalaeronauticsandspaceadministration"},
    {"nato", "northatlantictreatyorganization"}, {"nhs", "nationalhealthservice"},
    {"opec", "organizationofthepetroleumexportingcountries"}, {"peoplesrepublicofchina", "china"},
    {"prc", "china"}, {"rok", "southkorea"}, {"uae", "unitedarabemirates"}, {"uk", "unitedkingdom"},
    {"un", "unitednations"},
    {"unesco", "unitednationseducationalscientificandculturalorganization"},
    {"unicef", "unitednationschildrensfund"}, {"unitedstatesofamerica", "unitedstates"},
    {"us", "unitedstates"}, {"usa", "unitedstates"}, {"ussr", "sovietunion"},
    {"washingtondc", "districtofcolumbia"}, {"who", "worldhealthorganization"},
    {"wto", "worldtradeorganization"},
};

static size_t n_aliases(void) { return sizeof ALIASES / sizeof ALIASES[0]; }

/* A key's first letter and length, against a table's: for each first letter a-z (capitals taken
 * as small, as cd_word_cmp_folded does), bit n is set when an entry of n bytes begins with it. A
 * key that no entry matches so is in no table, without a search: almost every key asked (each
 * name word's and entity's) is in none. Builds without NDEBUG check that every entry is covered. */
static bool may_be_in(const uint64_t first_len[26], const char *key, size_t n) {
  unsigned c = (unsigned char)key[0];
  if (c - 'A' < 26u) c += 'a' - 'A';
  return c - 'a' < 26u && n < 64 && (first_len[c - 'a'] >> n & 1);
}

/* ALIASES' aliases (the first column) */
static const uint64_t ALIAS_SHAPES[26] = {
    0x80u, 0x88u, 0x8u, 0x1cu, 0x4u, 0x8u, 0x1008u, 0x0u, 0x8u, 0x0u, 0x0u, 0x0u, 0x0u, 0x18u,
    0x10u, 0x400008u, 0x0u, 0x8u, 0x0u, 0x0u, 0x20005cu, 0x0u, 0x1008u, 0x0u, 0x0u, 0x0u,
};
/* both columns of ALIASES */
static const uint64_t ALIAS_KNOWN_SHAPES[26] = {
    0x80u, 0x40000088u, 0x2000028u, 0x1004001cu, 0x2004u, 0x10000008u, 0x1008u, 0x0u, 0x2000008u,
    0x0u, 0x0u, 0x0u, 0x0u, 0x20080200418u, 0x100000000010u, 0x400008u, 0x0u, 0x8008u, 0xc00u, 0x0u,
    0x20000000424305cu, 0x0u, 0xc01008u, 0x0u, 0x0u, 0x0u,
};
/* RENAMED's old names */
static const uint64_t RENAMED_SHAPES[26] = {
    0x2c0u, 0x12e0u, 0x2540u, 0x20u, 0x0u, 0x40u, 0x80u, 0x0u, 0x400u, 0x0u, 0x90u, 0x200u, 0x240u,
    0x0u, 0x40u, 0x860u, 0x0u, 0x80u, 0x660u, 0x440u, 0x0u, 0x0u, 0x0u, 0x0u, 0x0u, 0x20u,
};
/* CURRENT_NAMES */
static const uint64_t CURRENT_SHAPES[26] = {
    0x40u, 0x380u, 0xc80u, 0x10000020u, 0x100u, 0x0u, 0x300u, 0x2040u, 0x0u, 0x0u, 0xd0u, 0x0u,
    0x2c0u, 0x200u, 0x20u, 0x610u, 0x0u, 0x0u, 0x8140u, 0x40080u, 0x0u, 0x300u, 0x0u, 0x0u, 0x40u,
    0x0u,
};

const char *cd_alias_key(const char *key) {
#ifndef NDEBUG
  for (size_t i = 0; i < n_aliases(); i++) {
    assert((i == 0 || strcmp(ALIASES[i - 1][0], ALIASES[i][0]) < 0) && "ALIASES out of order");
    for (int col = 0; col < 2; col++)
      assert(may_be_in(ALIAS_KNOWN_SHAPES, ALIASES[i][col], strlen(ALIASES[i][col])) && "ALIAS_KNOWN_SHAPES");
    assert(may_be_in(ALIAS_SHAPES, ALIASES[i][0], strlen(ALIASES[i][0])) && "ALIAS_SHAPES misses an alias");
  }
#endif
  if (!may_be_in(ALIAS_SHAPES, key, strlen(key))) return key;
  size_t lo = 0, hi = n_aliases(); /* the bytes as they are, as strcmp orders them */
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    int c = strcmp(key, ALIASES[mid][0]);
    if (c == 0) return ALIASES[mid][1];
    if (c < 0)
      hi = mid;
    else
      lo = mid + 1;
  }
  return key;
}

bool cd_alias_known(const char *key) {
  if (!may_be_in(ALIAS_KNOWN_SHAPES, key, strlen(key))) return false;
  for (size_t i = 0; i < n_aliases(); i++)
    if (same(ALIASES[i][0], key) || same(ALIASES[i][1], key)) return true;
  return false;
}

/* Places known by an old and a new name: one place, and writing both is a finding (the key of the
 * current name is canonical). */
static const char *const RENAMED[][2] = {
    /* sorted by the old name: looked up by binary search */
    {"allahabad", "prayagraj"}, {"almaata", "almaty"}, {"astana", "nursultan"}, {"bangalore", "bengaluru"},
    {"baroda", "vadodara"}, {"bechuanaland", "botswana"}, {"belgaum", "belagavi"}, {"benares", "varanasi"},
    {"bombay", "mumbai"}, {"burma", "myanmar"}, {"calcutta", "kolkata"}, {"canton", "guangzhou"},
    {"cawnpore", "kanpur"}, {"ceylon", "srilanka"}, {"chittagong", "chattogram"},
    {"czechrepublic", "czechia"}, {"dacca", "dhaka"}, {"frunze", "bishkek"}, {"gurgaon", "gurugram"},
    {"ivorycoast", "cotedivoire"}, {"kharkov", "kharkiv"}, {"kiev", "kyiv"}, {"leningrad", "saintpetersburg"},
    {"madras", "chennai"}, {"mangalore", "mangaluru"}, {"mysore", "mysuru"}, {"odessa", "odesa"},
    {"peking", "beijing"}, {"pondicherry", "puducherry"}, {"poona", "pune"}, {"rangoon", "yangon"},
    {"saigon", "hochiminhcity"}, {"salisbury", "harare"}, {"simla", "shimla"}, {"stalingrad", "volgograd"},
    {"swaziland", "eswatini"}, {"tiflis", "tbilisi"}, {"trivandrum", "thiruvananthapuram"},
    {"zaire", "democraticrepublicofthecongo"},
};

/* The current names of RENAMED, sorted (builds without NDEBUG check that the two agree). */
static const char *const CURRENT_NAMES[] = {
    "almaty", "beijing", "belagavi", "bengaluru", "bishkek", "botswana", "chattogram", "chennai",
    "cotedivoire", "czechia", "democraticrepublicofthecongo", "dhaka", "eswatini", "guangzhou", "gurugram",
    "harare", "hochiminhcity", "kanpur", "kharkiv", "kolkata", "kyiv", "mangaluru", "mumbai", "myanmar",
    "mysuru", "nursultan", "odesa", "prayagraj", "puducherry", "pune", "saintpetersburg", "shimla",
    "srilanka", "tbilisi", "thiruvananthapuram", "vadodara", "varanasi", "volgograd", "yangon", NULL};

static size_t n_renamed(void) { return sizeof RENAMED / sizeof RENAMED[0]; }

/* The RENAMED row whose old name is `key`, or CD_NONE. */
static size_t find_old_name(const char *key, size_t n) {
  return may_be_in(RENAMED_SHAPES, key, n) ? cd_sorted_index(key, n, &RENAMED[0][0], n_renamed(), 2) : CD_NONE;
}

const char *cd_rename_key(const char *key) {
  size_t i = find_old_name(key, strlen(key));
  return i == CD_NONE ? key : RENAMED[i][1];
}

bool cd_is_renamed(const char *key) {
#ifndef NDEBUG
  for (size_t i = 0; i < n_renamed(); i++) {
    assert((i == 0 || strcmp(RENAMED[i - 1][0], RENAMED[i][0]) < 0) && "RENAMED out of order");
    assert(CD_SORTED_IN(RENAMED[i][1], strlen(RENAMED[i][1]), CURRENT_NAMES) && "a current name is missing");
    assert(may_be_in(RENAMED_SHAPES, RENAMED[i][0], strlen(RENAMED[i][0])) && "RENAMED_SHAPES misses a name");
  }
  for (const char *const *c = CURRENT_NAMES; *c; c++)
    assert(may_be_in(CURRENT_SHAPES, *c, strlen(*c)) && "CURRENT_SHAPES misses a name");
#endif
  size_t n = strlen(key);
  return find_old_name(key, n) != CD_NONE || (may_be_in(CURRENT_SHAPES, key, n) && CD_SORTED_IN(key, n, CURRENT_NAMES));
}

/* Only the cells within `limit` of the diagonal are worked out: a cell farther off costs more than
 * `limit` whatever the strings, so those it reads stand at limit + 1 ("more than enough"). A text
 * full of new names asks this tens of thousands of times for keys of ten bytes or more. */
size_t cd_edit_distance(const char *a, size_t an, const char *b, size_t bn, size_t limit) {
  if (an > bn ? an - bn > limit : bn - an > limit) return limit + 1;
  if (an > 63 || bn > 63) return limit + 1; /* names are short; longer strings are no near miss */
  const size_t big = limit + 1;
  size_t d[64][64];
  for (size_t i = 0; i <= an; i++) d[i][0] = i < big ? i : big;
  for (size_t j = 0; j <= bn; j++) d[0][j] = j < big ? j : big;
  for (size_t i = 1; i <= an; i++) {
    size_t lo = i > limit ? i - limit : 1, hi = i + limit < bn ? i + limit : bn;
    if (lo > 1) d[i][lo - 1] = big;   /* left of the band */
    if (i + limit <= bn) d[i - 1][i + limit] = big; /* above it: past the row before's band */
    size_t row_min = big;
    for (size_t j = lo; j <= hi; j++) {
      size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      size_t v = d[i - 1][j] + 1;
      if (d[i][j - 1] + 1 < v) v = d[i][j - 1] + 1;
      if (d[i - 1][j - 1] + cost < v) v = d[i - 1][j - 1] + cost;
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] && d[i - 2][j - 2] + 1 < v)
        v = d[i - 2][j - 2] + 1;
      if (v > big) v = big;
      d[i][j] = v;
      if (v < row_min) row_min = v;
    }
    if (row_min > limit) return big;
  }
  return d[an][bn] > limit ? big : d[an][bn];
}

double cd_jaro_winkler(const char *a, size_t an, const char *b, size_t bn) {
  if (an == 0 && bn == 0) return 1.0;
  if (an == 0 || bn == 0 || an > 63 || bn > 63) return 0.0;
  size_t window = (an > bn ? an : bn) / 2;
  window = window > 0 ? window - 1 : 0;
  bool am[64] = {false}, bm[64] = {false};
  size_t matches = 0;
  for (size_t i = 0; i < an; i++) {
    size_t lo = i > window ? i - window : 0, hi = i + window + 1 < bn ? i + window + 1 : bn;
    for (size_t j = lo; j < hi; j++) {
      if (bm[j] || a[i] != b[j]) continue;
      am[i] = bm[j] = true;
      matches++;
      break;
    }
  }
  if (!matches) return 0.0;
  size_t k = 0, trans = 0;
  for (size_t i = 0; i < an; i++) {
    if (!am[i]) continue;
    while (!bm[k]) k++;
    if (a[i] != b[k]) trans++;
    k++;
  }
  double m = (double)matches;
  double jaro = (m / (double)an + m / (double)bn + (m - (double)trans / 2.0) / m) / 3.0;
  size_t prefix = 0;
  while (prefix < 4 && prefix < an && prefix < bn && a[prefix] == b[prefix]) prefix++;
  return jaro + (double)prefix * 0.1 * (1.0 - jaro);
}

bool cd_near_miss(const char *a, const char *b) {
  size_t an = strlen(a), bn = strlen(b);
  if (an < 5 || bn < 5 || (an == bn && memcmp(a, b, an) == 0)) return false;
  if (a[0] == b[0] && cd_edit_distance(a, an, b, bn, 2) <= 2) return true;
  return cd_jaro_winkler(a, an, b, bn) >= 0.92;
}
