/* Entity pass: clusters name mentions into entities.
 *
 * Keys are folded (namekey.c); configured names and built-in aliases map several keys to one.
 * In order of certainty:
 *  1. Multi-part names and acronyms with the same key are one entity; a person's full name also
 *     joins one with the same given name and surname ("Donald Trump" = "Donald J. Trump").
 *  2. A lone word joins, in this order: a configured or built-in alias; for an acronym, the name
 *     whose initials it spells ("SWR" = "South West Railway"); the most recent person whose surname
 *     it is (any person with that surname when none came before: "Putin ... Vladimir Putin"); the one
 *     person already named in full whose given name it is ("Jon" after "Jon Huber").
 *  3. Near-miss spellings, only when nothing else explains the pair: a lone word that is no
 *     established name joins the person whose surname, or the lone word, it nearly spells
 *     ("Macierewitz" -> "Antoni Macierewicz"). Two people who share a surname but not a given name
 *     never merge: full names only join on the same given name.
 * The canonical name is the fullest form the article gives. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "doc.h"
#include "incremental.h"
#include "lexicon.h"
#include "namekey.h"
#include "names_lex.h"
#include "names_near.h"
#include "strmap.h"
#include "words.h"

#define AMBIGUOUS ((size_t)-2)
#define NOBODY_YET ((size_t)-3) /* a key asked about, no cluster for it yet */

typedef struct mwork {
  const char *key;  /* folded name key, aliases applied */
  const char *skey; /* folded surname key */
  const char *gkey; /* folded given-name key (first name word) for a person's full name, else NULL */
  bool person_full; /* a person's full name: "Vladimir Putin" */
  bool aliased;     /* the key came from a configured or built-in alias */
  bool particle;    /* a surname led by its particle: "De Luca", "Van Nistelrooy", "St. Jean" */
  const char *suffix; /* the generation after a person's name ("jr", "iii"), folded, or NULL */
  const char *bare_skey; /* the surname without its hyphened particle ("sisi" for "el-Sisi"), or NULL */
  bool two_surnames;     /* a person's name of two parts, maybe two surnames: "López Obrador" */
  bool family_first;     /* the family name comes first and stands alone later: "Xi Jinping" */
  bool couple;           /* "Harold" in "Harold and Betty Kowalczyk": a person of Betty's surname */
} mwork;

typedef struct cluster {
  size_t parent;
  size_t n_mentions;
  size_t first_mention;
  size_t first_full;    /* first multi-part mention, or CD_NONE */
  bool has_full;        /* a multi-part or aliased mention */
  bool person_full;
  bool surname_used;    /* a person whose surname is also used alone */
  bool unsuffixed;      /* a person named in full without a generation ("Donald Trump", not "... Jr.") */
  bool titled;          /* named in full after a job or courtesy title ("Prime Minister Abiy Ahmed") */
  bool family;          /* named in full, as is another person of the same surname ("Henri Moreau" and
                           "Margaret Moreau"): the article tells them apart by given name */
  bool placed;          /* a lone word written after "in", "near" ...: a place ("in Varno"), no near
                           miss of a person's surname ("Varga") */
} cluster;

/* aliased_key's answer for one key (interned: one pointer per spelling), a direct-mapped slot */
typedef struct alias_memo {
  const char *key, *to;
  bool aliased;
} alias_memo;

typedef struct ent_ctx {
  cd_doc *doc;
  alias_memo *am; /* a power of two of slots, or NULL */
  size_t am_mask;
  cd_vec clusters; /* cluster */
  mwork *mw;
  cd_strmap cfg;   /* configured form key -> canonical key index into cfg_keys */
  cd_arena *scratch; /* the pass's own strings (initials, "given|surname" keys), freed with it */
  cd_vec cfg_keys; /* const char * */
} ent_ctx;

static size_t find(ent_ctx *c, size_t x) {
  while (CD_VEC_AT(&c->clusters, cluster, x)->parent != x) {
    cluster *k = CD_VEC_AT(&c->clusters, cluster, x);
    k->parent = CD_VEC_AT(&c->clusters, cluster, k->parent)->parent;
    x = k->parent;
  }
  return x;
}

static size_t new_cluster(ent_ctx *c) {
  cluster *k = cd_vec_push_raw(&c->clusters);
  *k = (cluster){.parent = c->clusters.len - 1, .first_full = CD_NONE, .first_mention = CD_NONE};
  return c->clusters.len - 1;
}

static void unite(ent_ctx *c, size_t into, size_t from) {
  into = find(c, into);
  from = find(c, from);
  if (into != from) CD_VEC_AT(&c->clusters, cluster, from)->parent = into;
}

static const cd_name_mention *M(const cd_doc *doc, size_t i) { return CD_VEC_AT(&doc->mentions, cd_name_mention, i); }

static const char *key_of(cd_doc *doc, size_t start, size_t end) {
  const char *k = cd_doc_name_key(doc, doc->text + start, end - start);
  return k && *k ? k : ""; /* one empty key: the surname maps ask by address */
}

/* key_of for a part of mention i (cd_doc_mention_key). */
static inline const char *part_key(cd_doc *doc, size_t i, unsigned part, size_t start, size_t end) {
  const char *k = cd_doc_mention_key(doc, i, part, start, end);
  return k && *k ? k : "";
}

/* A name particle ("de", "van"), or "St" / "Ste" for Saint. */
static bool particle_word(const cd_doc *doc, const cd_token *t) {
  const char *s = doc->text + t->start;
  return cd_lex_has(CD_LEX_NAME_PARTICLES, s, t->len) || cd_is_saint_abbreviation(s, t->len);
}

/* The end of the first name word (the given name) of a mention. */
static size_t first_word_end(const cd_doc *doc, const cd_name_mention *m) {
  for (size_t i = m->first_tok; i < m->end_tok; i++) {
    const cd_token *t = doc_tok(doc, i);
    if (t->start >= m->name.start && t->kind == TOK_WORD) return cd_tok_end(t);
  }
  return m->name.end;
}

/* Does the name open with a given name ("Elizabeth II")? */
static bool given_first(const cd_doc *doc, const cd_name_mention *m) {
  return cd_is_given_name(doc->text + m->name.start, first_word_end(doc, m) - m->name.start);
}

/* "Xi Jinping", "Yoon Suk Yeol", "Lee Jae-myung": a family name first (family_first_surnames.txt),
 * which stands for the person alone later, when the rest of the name is written the Korean way (a
 * hyphened given name, or two short words) or is no English given name nor ordinary word ("Kim
 * Kardashian", "Lee Anderson" go by their last word). */
static bool family_name_first(const cd_doc *doc, const cd_name_mention *m) {
  if (m->n_parts < 2 || m->n_parts > 3 || m->courtesy) return false;
  size_t f = m->first_tok;
  while (f < m->end_tok && (doc_tok(doc, f)->start < m->name.start || doc_tok(doc, f)->kind != TOK_WORD)) f++;
  if (f + 1 >= m->end_tok) return false;
  const cd_token *fam = doc_tok(doc, f), *g = doc_tok(doc, f + 1);
  if (!cd_lex_has(CD_LEX_FAMILY_FIRST_SURNAMES, doc->text + fam->start, fam->len) || g->kind != TOK_WORD) return false;
  const char *gs = doc->text + g->start;
  bool hyphened = memchr(gs, '-', g->len) != NULL;
  if (m->n_parts == 3) /* "Yoon Suk Yeol", "Moon Jae In" */
    return f + 2 < m->end_tok && g->len <= 5 && doc_tok(doc, f + 2)->len <= 5 && doc_tok(doc, f + 2)->kind == TOK_WORD;
  if (hyphened) return true;
  return !cd_is_given_name(doc->text + fam->start, fam->len) && !cd_is_given_name(gs, g->len) &&
         !cd_is_common_word(gs, g->len);
}

/* Does this multi-part mention look like a person's name (no place or organisation word)? */
static bool person_like(const cd_doc *doc, const cd_name_mention *m) {
  if (m->kind != MK_NAME || m->acronym || m->org_hint || m->n_parts < 2) return false;
  for (size_t i = m->first_tok; i < m->end_tok; i++) {
    const cd_token *t = doc_tok(doc, i);
    if (t->start < m->name.start || t->kind != TOK_WORD) continue;
    size_t n = t->len;
    const char *w = doc->text + t->start;
    if (n > 2 && w[n - 2] == '\'') n -= 2;
    if (t->start > m->name.start && i + 2 < m->end_tok && particle_word(doc, t)) continue; /* "Dan St. Jean" */
    /* a nickname inside the name, in its marks, is no word of it: "Jamal "The Postman" Whitlock" */
    if ((t->flags & TF_QUOTED) && !(doc_tok(doc, m->first_tok)->flags & TF_QUOTED)) continue;
    if (cd_is_not_person_word(w, n)) return false;
    /* "RAF Croughton", "KSR Bangalore"; not "Harold Whitcombe III" (a generation after a name
     * that opens with a given name: not "Article II", "World War II") */
    if ((t->flags & TF_ALLCAPS) && n > 1 &&
        !(i + 1 == m->end_tok && cd_is_name_suffix(w, n) && given_first(doc, m)) && !(i + 1 < m->end_tok && cd_is_initials(w, n)))
      return false;
  }
  return true;
}

/* The word before token t inside mention m, over the stop of "St." (a token index), or CD_NONE. */
static size_t word_before(const cd_doc *doc, const cd_name_mention *m, size_t t) {
  while (t > m->first_tok) {
    const cd_token *k = doc_tok(doc, --t);
    if (k->start < m->name.start) return CD_NONE;
    if (k->kind == TOK_WORD) return t;
    if (!(k->kind == TOK_PUNCT && doc->text[k->start] == '.')) return CD_NONE;
  }
  return CD_NONE;
}

/* A two-part name that opens with a capitalised particle, particles after it and then the
 * surname: the surname alone, particles and all, as a sentence opens with it ("De Gaulle", "Van
 * Nistelrooy", "De la Fuente") or as some write it ("De Luca"). Its first token, or CD_NONE. */
static size_t leading_particle(const cd_doc *doc, const cd_name_mention *m) {
  if (m->n_parts != 2) return CD_NONE;
  size_t t = m->end_tok - 1, p = CD_NONE;
  while ((t = word_before(doc, m, t)) != CD_NONE) {
    if (!particle_word(doc, doc_tok(doc, t))) return CD_NONE;
    p = t;
  }
  return p != CD_NONE && doc_tok(doc, p)->start == m->name.start && (doc_tok(doc, p)->flags & TF_CAP) ? p : CD_NONE;
}

/* Does the full name m end in the particles of the surname mention s, in any case, after a name
 * of its own ("Charles de Gaulle" for "De Gaulle", "Lucia de la Fuente" for "De la Fuente")? */
static bool ends_in_particles(const cd_doc *doc, const cd_name_mention *m, const cd_name_mention *s) {
  size_t a = m->end_tok - 1, b = s->end_tok - 1;
  while ((b = word_before(doc, s, b)) != CD_NONE) {
    if ((a = word_before(doc, m, a)) == CD_NONE) return false;
    const cd_token *x = doc_tok(doc, a), *y = doc_tok(doc, b);
    if (x->len != y->len || strncasecmp(doc->text + x->start, doc->text + y->start, x->len) != 0) return false;
  }
  return word_before(doc, m, a) != CD_NONE;
}

/* The generation a person's name ends in ("Jr.", "III"), as a key, or NULL: the mentions pass took
 * the surname from the word before it. */
static const char *generation(cd_doc *doc, const cd_name_mention *m) {
  const cd_token *t = doc_tok(doc, m->end_tok - 1);
  return m->surname.start == t->start ? NULL : key_of(doc, t->start, cd_tok_end(t));
}

/* The last word of a mention's title, without its full stop: [*s, *e). */
static void title_word(const cd_doc *doc, const cd_name_mention *m, size_t *s, size_t *e) {
  *e = m->title.end;
  while (*e > m->title.start && doc->text[*e - 1] == '.') (*e)--;
  *s = *e;
  while (*s > m->title.start && doc->text[*s - 1] != ' ') (*s)--;
}

/* Is the mention's title one that goes with the given name ("Sir Edward", "Prince Mohammed",
 * "Pope Francis"), not a peer's or a saint's with a name of another kind ("Lord Ashworth")? */
static bool knighted(const cd_doc *doc, const cd_name_mention *m) {
  if (m->title.start == CD_NONE32) return false;
  size_t ts, te;
  title_word(doc, m, &ts, &te);
  const char *t = doc->text + ts;
  size_t n = te - ts;
  static const char *const peers[] = {"lord", "lady", "baron", "baroness", "earl", "count", "countess", "duke",
                                      "duchess", "archduke", "saint", "st", "father", "mother", "sister",
                                      "brother", "uncle", "aunt", "rabbi", "imam", "ayatollah", NULL};
  for (size_t k = 0; peers[k]; k++)
    if (strlen(peers[k]) == n && strncasecmp(t, peers[k], n) == 0) return false;
  return cd_is_given_name_title(t, n);
}

/* The key of a surname without the particle hyphened to it ("Sisi" for "el-Sisi", "Assad" for
 * "al-Assad"), which the surname alone may drop; NULL for any other surname. */
static const char *bare_surname(cd_doc *doc, const cd_name_mention *m) {
  const char *s = doc->text + m->surname.start;
  size_t n = m->surname.end - m->surname.start, k = 0;
  while (k < n && k < 5 && s[k] != '-') k++;
  if (k == 0 || k + 2 > n || s[k] != '-' || !(s[k + 1] >= 'A' && s[k + 1] <= 'Z') || !cd_lex_has(CD_LEX_NAME_PARTICLES, s, k))
    return NULL;
  const char *key = key_of(doc, m->surname.start + k + 1, m->surname.end);
  return *key ? key : NULL;
}

/* Is the mention a form a name cluster starts from (step 1 of the pass): a name of two parts or
 * more, or one an alias gave? Its keys are asked whether or not the clustering is kept. */
static bool full_form(const cd_name_mention *m, const mwork *w) {
  return m->kind == MK_NAME && *w->key && (m->n_parts >= 2 || w->aliased || w->couple);
}

/* The key of the title of a named mention when it is one a given name can stand for ("Queen
 * Elizabeth II" is "the Queen" later on), else NULL. */
static const char *style_key(cd_doc *doc, const cd_name_mention *m) {
  if (m->title.start == CD_NONE32 || m->n_parts < 1) return NULL;
  size_t ts, te;
  title_word(doc, m, &ts, &te);
  return cd_is_given_name_title(doc->text + ts, te - ts) ? key_of(doc, ts, te) : NULL;
}

/* The configured names, flattened for cd_keylist: per name a tag (whether it has a canonical form,
 * and how many forms), then the canonical form and the forms. NULL when out of memory. */
static const char **config_names(const cd_config *cfg, size_t *n, char (*tags)[24]) {
  size_t total = 0;
  for (size_t i = 0; cfg && i < cfg->n_names; i++) total += 2 + cfg->names[i].forms.len;
  const char **out = malloc((total + 1) * sizeof *out);
  if (!out) return NULL;
  size_t k = 0;
  for (size_t i = 0; cfg && i < cfg->n_names; i++) {
    const cd_name_entry *e = &cfg->names[i];
    snprintf(tags[i], sizeof tags[i], "%c%zu", e->canonical ? 'c' : 'n', e->forms.len);
    out[k++] = tags[i];
    out[k++] = e->canonical ? e->canonical : "";
    for (size_t f = 0; f < e->forms.len; f++) out[k++] = e->forms.items[f];
  }
  *n = k;
  return out;
}

/* Is the previous version's clustering this version's? cd_incr_mentions_same, and the same
 * configured names: all the clustering reads (the alias and word tables aside, which are fixed).
 * Otherwise the kept results are dropped, and the names noted for the ones this version keeps. */
static bool kept_clusters_hold(cd_doc *doc, cd_ents_kept *kept) {
  const cd_config *cfg = doc->config;
  size_t nn = cfg ? cfg->n_names : 0, n = 0;
  char(*tags)[24] = malloc((nn + 1) * sizeof *tags);
  const char **names = tags ? config_names(cfg, &n, tags) : NULL;
  bool same = names && cd_keylist_same(&kept->names, names, n);
  bool hold = same && kept->valid && cd_incr_mentions_same(doc);
  kept->valid = kept->taken = false;
  if (!same && names) cd_keylist_set(&kept->names, names, n);
  if (!names) kept->names.have = false; /* out of memory: the next version keeps nothing */
  free(names);
  free(tags);
  return hold;
}

/* The entities of the previous version, whose clustering kept_clusters_hold found to be this
 * version's: the same entities and mention lists, with this version's spans and copies. */
static bool restore_entities(cd_doc *doc, const cd_ents_kept *kept) {
  size_t nm = doc->mentions.len, ne = kept->ents.len;
  const char **text = malloc((nm + 1) * sizeof *text);
  if (!text) return false; /* the clustering is done afresh */
  cd_vec_reserve(&doc->entities, ne + 1);
  for (size_t e = 0; e < ne; e++) {
    const cd_kept_entity *k = CD_VEC_AT(&kept->ents, cd_kept_entity, e);
    const cd_name_mention *b = M(doc, k->best);
    cd_entity *ent = cd_vec_push(&doc->entities);
    ent->name = cd_arena_strndup(doc->arena, doc->text + b->name.start, b->name.end - b->name.start);
    ent->kind = (cd_entity_kind)k->kind;
    ent->mentions = cd_arena_alloc(doc->arena, (k->n_mentions + 1) * sizeof(cd_mention));
    ent->n_mentions = 0;
    ent->first_full = k->first_full == UINT32_MAX ? CD_NONE : k->first_full;
  }
  const uint32_t *of = kept->of_mention.data, *first = kept->text_first.data;
  for (size_t i = 0; i < nm; i++) {
    if (of[i] == UINT32_MAX) continue;
    cd_name_mention *m = CD_VEC_AT(&doc->mentions, cd_name_mention, i);
    m->entity = of[i];
    cd_entity *ent = CD_VEC_AT(&doc->entities, cd_entity, of[i]);
    cd_mention *out = (cd_mention *)ent->mentions;
    if (!out) continue;
    cd_mention *x = &out[ent->n_mentions++];
    x->span = (cd_span){m->span.start, m->span.end};
    text[i] = first[i] >= i ? cd_arena_strndup(doc->arena, doc->text + m->span.start, m->span.end - m->span.start)
                            : text[first[i]];
    x->text = text[i];
    x->in_quote = m->in_quote;
    x->headline = m->headline;
  }
  free(text);
  return true;
}

/* Keeps this version's clustering for the next (cd_ents_kept). */
static void keep_entities(cd_doc *doc, cd_ents_kept *kept, const size_t *best, const uint32_t *text_first) {
  size_t nm = doc->mentions.len, ne = doc->entities.len;
  cd_vec_reserve(&kept->of_mention, nm + 1);
  cd_vec_reserve(&kept->text_first, nm + 1);
  cd_vec_reserve(&kept->ents, ne + 1);
  kept->of_mention.len = kept->text_first.len = nm;
  kept->ents.len = ne;
  uint32_t *of = kept->of_mention.data;
  for (size_t i = 0; i < nm; i++) of[i] = M(doc, i)->entity == CD_NONE ? UINT32_MAX : (uint32_t)M(doc, i)->entity;
  memcpy(kept->text_first.data, text_first, nm * sizeof *text_first);
  for (size_t e = 0; e < ne; e++) {
    const cd_entity *ent = CD_VEC_AT(&doc->entities, cd_entity, e);
    *CD_VEC_AT(&kept->ents, cd_kept_entity, e) = (cd_kept_entity){
        (uint32_t)best[e], (uint32_t)ent->n_mentions,
        ent->first_full == CD_NONE ? UINT32_MAX : (uint32_t)ent->first_full, (uint8_t)ent->kind};
  }
  kept->valid = true;
}

static void load_config_names(ent_ctx *c) {
  const cd_config *cfg = c->doc->config;
  if (!cfg) return;
  for (size_t i = 0; i < cfg->n_names; i++) {
    const cd_name_entry *e = &cfg->names[i];
    if (!e->canonical) continue;
    const char *ck = cd_doc_name_key(c->doc, e->canonical, strlen(e->canonical));
    if (!ck || !*ck) continue;
    *(const char **)cd_vec_push(&c->cfg_keys) = ck;
    size_t idx = c->cfg_keys.len - 1;
    cd_strmap_put(&c->cfg, ck, idx);
    for (size_t f = 0; f < e->forms.len; f++) {
      const char *fk = cd_doc_name_key(c->doc, e->forms.items[f], strlen(e->forms.items[f]));
      if (fk && *fk) cd_strmap_put(&c->cfg, fk, idx);
    }
  }
}

static const char *aliased_key_of(ent_ctx *c, const char *key, bool *aliased);

/* aliased_key_of, remembered per key: an article names the same few hundred people and places
 * again and again, and each answer scans the alias and renaming tables. */
static const char *aliased_key(ent_ctx *c, const char *key, bool *aliased) {
  if (!c->am) return aliased_key_of(c, key, aliased);
  uintptr_t h = (uintptr_t)key;
  alias_memo *m = &c->am[((h >> 3) * 0x9e3779b97f4a7c15ull >> 40) & c->am_mask];
  if (m->key != key) {
    m->key = key;
    m->to = aliased_key_of(c, key, &m->aliased);
  }
  *aliased = m->aliased;
  return m->to;
}

static const char *aliased_key_of(ent_ctx *c, const char *key, bool *aliased) {
  size_t idx = c->cfg.len ? cd_strmap_get(&c->cfg, key) : CD_NONE; /* no configured names: no look-up */
  if (idx != CD_NONE) {
    *aliased = true;
    return *CD_VEC_AT(&c->cfg_keys, const char *, idx);
  }
  const char *a = cd_doc_key_builtin_alias(c->doc, key);
  *aliased = a != key;
  /* the alias's canonical key, interned like every other: the clustering's maps compare pointers */
  if (*aliased) {
    const char *in = cd_doc_intern_key(c->doc, a, strlen(a));
    if (in) a = in;
  }
  return a;
}

/* Initials of a non-person multi-part name: "South West Railway" -> "swr", "European Court of
 * Justice" -> "ecj". `all` keeps the small words too ("dotc" is not wanted, so only capitalised
 * words count either way; `skip_first` drops the first word: "United States Commission on
 * Presidential Debates" -> "cpd"). */
static const char *initials(const cd_doc *doc, cd_arena *scratch, const cd_name_mention *m, size_t skip) {
  char buf[16];
  size_t n = 0, seen = 0;
  for (size_t i = m->first_tok; i < m->end_tok; i++) {
    const cd_token *t = doc_tok(doc, i);
    if (t->start < m->name.start || t->kind != TOK_WORD || !(t->flags & TF_CAP)) continue;
    if (seen++ < skip) continue;
    if (n + 1 >= sizeof buf) return NULL;
    char ch = doc->text[t->start];
    if (ch >= 'A' && ch <= 'Z') ch = (char)(ch - 'A' + 'a');
    if (!((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9'))) return NULL;
    buf[n++] = ch;
  }
  if (n < 2) return NULL;
  buf[n] = 0;
  return cd_arena_strdup(scratch, buf);
}

static void put_unique(ent_ctx *c, cd_strmap *map, const char *key, size_t cl) {
  size_t old = cd_strmap_get(map, key);
  if (old == CD_NONE)
    cd_strmap_put(map, key, cl);
  else if (old != AMBIGUOUS && find(c, old) != find(c, cl))
    cd_strmap_put(map, key, AMBIGUOUS);
}

/* The words of m's name between its first and its last, capitalised and of three letters or more
 * (not "da", "T."), each put in `inner` for cluster cl (put_unique). */
static void put_inner_words(ent_ctx *c, cd_strmap *inner, const cd_name_mention *m, size_t cl) {
  cd_doc *doc = c->doc;
  size_t first = CD_NONE, last = CD_NONE;
  for (size_t t = m->first_tok; t < m->end_tok; t++) {
    const cd_token *tk = doc_tok(doc, t);
    if (tk->start < m->name.start || tk->kind != TOK_WORD) continue;
    if (first == CD_NONE) first = t;
    last = t;
  }
  for (size_t t = first + 1; first != CD_NONE && t < last; t++) {
    const cd_token *tk = doc_tok(doc, t);
    if (tk->kind != TOK_WORD || !(tk->flags & TF_CAP) || tk->len < 3 || particle_word(doc, tk)) continue;
    const char *key = cd_doc_token_key(doc, t);
    if (key && *key) put_unique(c, inner, key, cl);
  }
}

/* The key of the second word of the name of mention m (title left out), unless it is a particle
 * ("Juan de la Cruz"); NULL when there is none. */
static const char *second_name_key(cd_doc *doc, const cd_name_mention *m) {
  size_t seen = 0;
  for (size_t t = m->first_tok; t < m->end_tok; t++) {
    const cd_token *tk = doc_tok(doc, t);
    if (tk->start < m->name.start || tk->kind != TOK_WORD) continue;
    if (++seen < 2) continue;
    if (!(tk->flags & TF_CAP) || particle_word(doc, tk)) return NULL;
    const char *key = cd_doc_token_key(doc, t);
    return key && *key ? key : NULL;
  }
  return NULL;
}

static size_t get_unique(ent_ctx *c, const cd_strmap *map, const char *key) {
  size_t v = cd_strmap_get(map, key);
  return v == CD_NONE || v == AMBIGUOUS ? CD_NONE : find(c, v);
}

/* A set of (key, cluster) pairs: the keys are interned (equal keys, equal pointers), so a pair is
 * two words to hash and compare, with no string made for it. Open addressing over a power of two
 * at most half full; NULL marks an empty slot. */
typedef struct key_cluster {
  const char *key;
  size_t cl;
} key_cluster;

typedef struct pair_set {
  key_cluster *slots;
  size_t mask;
} pair_set;

/* Room for up to n pairs; false out of memory. */
static bool pair_set_init(pair_set *ps, size_t n) {
  size_t cap = 16;
  while (cap < 2 * n) cap *= 2;
  ps->slots = calloc(cap, sizeof *ps->slots);
  ps->mask = cap - 1;
  return ps->slots != NULL;
}

/* Adds (key, cl); false when it was there already. */
static bool pair_set_add(pair_set *ps, const char *key, size_t cl) {
  uint64_t h = ((uint64_t)(uintptr_t)key ^ (uint64_t)cl * 0xff51afd7ed558ccdull) * 0x9e3779b97f4a7c15ull;
  for (size_t at = (size_t)(h >> 32) & ps->mask;; at = (at + 1) & ps->mask) {
    key_cluster *k = &ps->slots[at];
    if (!k->key) {
      *k = (key_cluster){key, cl};
      return true;
    }
    if (k->key == key && k->cl == cl) return false;
  }
}

/* a, b and c end to end in the scratch arena (what "%s%s%s" prints, without the formatter). */
static char *joined(cd_arena *scratch, const char *a, const char *b, const char *c) {
  size_t an = strlen(a), bn = strlen(b), cn = strlen(c);
  char *out = cd_arena_alloc(scratch, an + bn + cn + 1);
  if (!out) return NULL;
  memcpy(out, a, an);
  memcpy(out + an, b, bn);
  memcpy(out + an + bn, c, cn + 1);
  return out;
}

/* How full a name's form is, for the entity's name: its parts ("Harold" of "Harold and Betty
 * Kowalczyk" counts the surname it shares) before all else, then written out over an acronym, then
 * outside the headline, then outside quotations. */
static int fullness(const cd_name_mention *m, const mwork *w) {
  return (int)(m->n_parts + w->couple) * 8 + (m->acronym ? 0 : 4) + (m->headline ? 0 : 2) + (m->in_quote ? 0 : 1);
}

/* "a|b|c" in the scratch arena, or NULL: a person's key with their generation ("donald|trump|jr",
 * "donald||jr", "|trump|jr") */
static char *triple(cd_arena *scratch, const char *a, const char *b, const char *c) {
  char *ab = joined(scratch, a, "|", b);
  return ab ? joined(scratch, ab, "|", c) : NULL;
}

/* One distinct mention text: its copy (as long as the text, or up to a NUL in it), the first
 * mention with it, and the next text of the same key (CD_NONE). */
typedef struct text_group {
  const char *text;
  uint32_t len, first;
  size_t next;
} text_group;

/* The copy of mention i's text, s[0, n), shared by the mentions with the same text, and the first
 * of them in *first: a copy equals the n bytes when it is as long and the bytes agree (a text with
 * a NUL inside is copied up to it, as cd_strmap_intern_value would). NULL when out of memory. */
static const char *mention_text(cd_doc *doc, cd_strmap *texts, cd_vec *groups, const char *key, const char *s,
                                size_t n, size_t i, size_t *first) {
  size_t head = cd_strmap_get(texts, key);
  for (size_t g = head; g != CD_NONE; g = CD_VEC_AT(groups, text_group, g)->next) {
    const text_group *x = CD_VEC_AT(groups, text_group, g);
    if (x->len == n && memcmp(x->text, s, n) == 0) {
      *first = x->first;
      return x->text;
    }
  }
  const char *copy = cd_arena_strndup(doc->arena, s, n);
  if (!copy) return NULL;
  text_group *x = cd_vec_push_raw(groups);
  *x = (text_group){copy, (uint32_t)strlen(copy), (uint32_t)i, head};
  cd_strmap_put(texts, key, groups->len - 1);
  *first = i;
  return copy;
}

/* How far back a titled surname looks for the person of that surname its title fits: a bound, so
 * that a text of many "Mr. X" stays linear. */
enum { TITLE_FIT_MENTIONS = 400 };

/* A name written as a place is ("in Santa Rosa", "the town of Phu Hoa"; not "in Bernie Sanders",
 * whose given name says a person): its last word is no surname for a later lone word to stand for
 * ("Rosa said" after "Maria Rosa, who farms in Santa Rosa,"), and it is no relative of the people
 * who share that word. */
static bool place_form(const cd_doc *doc, const cd_name_mention *m) {
  return (m->thing_hint || (m->placed && !given_first(doc, m))) && !m->courtesy && !m->job_title;
}

/* 1 (a man) or 2 (a woman) when a courtesy title says which ("Mr. Clinton", "Mrs. Clinton"), else 0. */
static int title_gender(const cd_doc *doc, const cd_name_mention *m) {
  if (!m->courtesy || m->title.start == CD_NONE32) return 0;
  return cd_title_gender(doc->text + m->title.start, m->title.end - m->title.start);
}

/* 1 or 2 when the given name of full-name mention m is in one of the lists of given names only
 * ("Hillary" a woman's, "Bill" a man's), else 0. */
static int given_gender(const cd_doc *doc, const cd_name_mention *m) {
  const char *s = doc->text + m->name.start;
  size_t n = first_word_end(doc, m) - m->name.start;
  bool male = cd_lex_has(CD_LEX_GIVEN_NAMES_MALE, s, n), female = cd_lex_has(CD_LEX_GIVEN_NAMES_FEMALE, s, n);
  return male == female ? 0 : male ? 1 : 2;
}

/* The gender of cluster cl's first full name: its given name's, else what its sentence says
 * ("his wife, Margit Lindqvist", "Lindqvist said she"); 0 unknown. */
static int cluster_gender(ent_ctx *c, size_t cl) {
  const cluster *k = CD_VEC_AT(&c->clusters, cluster, find(c, cl));
  if (k->first_full == CD_NONE) return 0;
  const cd_name_mention *f = M(c->doc, k->first_full);
  int gg = given_gender(c->doc, f);
  return gg ? gg : f->said_gender;
}

/* Does gender g (1 a man, 2 a woman, 0 unknown) that a mention's courtesy title or its "said
 * he/she" gives contradict the given name of cluster cl's first full name: "Mr. Clinton" beside
 * "Hillary Clinton" (in copy that writes "Mr. Clinton" for Bill and "Mrs. Clinton" for Hillary),
 * "Brandt said he" beside "Denise Brandt"? */
static bool gender_contradicts(ent_ctx *c, int g, size_t cl) {
  if (!g || cl == CD_NONE) return false;
  int gg = cluster_gender(c, cl);
  return gg && gg != g;
}

/* The person of surname key `skey` whom courtesy title of gender g stands for at mention i:
 * the one last given a title of that gender, else the most recent named in full known to be of
 * that gender ("Mrs. Lindqvist" after "Gunnar Lindqvist ... his wife, Margit Lindqvist"), within
 * TITLE_FIT_MENTIONS; or CD_NONE. */
static size_t recent_match(ent_ctx *c, const size_t *mcl, size_t i, const char *skey, int g) {
  /* the one last given the same courtesy title ("Mr. Lindqvist said" earlier) first */
  for (size_t k = i; k > 0 && i - k < TITLE_FIT_MENTIONS; k--)
    if (mcl[k - 1] != CD_NONE && c->mw[k - 1].skey == skey && title_gender(c->doc, M(c->doc, k - 1)) == g)
      return mcl[k - 1];
  for (size_t k = i; k > 0 && i - k < TITLE_FIT_MENTIONS; k--)
    if (c->mw[k - 1].person_full && mcl[k - 1] != CD_NONE && c->mw[k - 1].skey == skey && cluster_gender(c, mcl[k - 1]) == g)
      return mcl[k - 1];
  return CD_NONE;
}

/* The most recent person named in full before mention i (within TITLE_FIT_MENTIONS) with
 * surname key `skey` whose given name does not contradict gender g, or CD_NONE. */
static size_t recent_fit(ent_ctx *c, const size_t *mcl, size_t i, const char *skey, int g) {
  for (size_t k = i; k > 0 && i - k < TITLE_FIT_MENTIONS; k--)
    if (c->mw[k - 1].person_full && mcl[k - 1] != CD_NONE && c->mw[k - 1].skey == skey &&
        !gender_contradicts(c, g, mcl[k - 1]))
      return mcl[k - 1];
  return CD_NONE;
}

/* Do mentions a and b bear the same title word ("Cllr", "Dr.", "Judge"), case and stops aside? */
static bool same_title_word(const cd_doc *doc, const cd_name_mention *a, const cd_name_mention *b) {
  if (a->title.start == CD_NONE32 || b->title.start == CD_NONE32) return false;
  size_t as, ae, bs, be;
  title_word(doc, a, &as, &ae);
  title_word(doc, b, &bs, &be);
  return ae - as == be - bs && ae > as && strncasecmp(doc->text + as, doc->text + bs, ae - as) == 0;
}

/* The most recent person named in full before titled mention i (within TITLE_FIT_MENTIONS) with
 * surname key `skey` and mention i's title word, when the most recent person of that surname is
 * not so titled; else CD_NONE. */
static size_t titled_fit(ent_ctx *c, const size_t *mcl, size_t i, const char *skey) {
  const cd_name_mention *m = M(c->doc, i);
  bool latest = true; /* the most recent of that surname: its join stands when its title fits */
  for (size_t k = i; k > 0 && i - k < TITLE_FIT_MENTIONS; k--) {
    if (!c->mw[k - 1].person_full || mcl[k - 1] == CD_NONE || c->mw[k - 1].skey != skey) continue;
    if (same_title_word(c->doc, M(c->doc, k - 1), m)) return latest ? CD_NONE : mcl[k - 1];
    latest = false;
  }
  return CD_NONE;
}

/* The cluster of the person named in full just before lone mention i, when i is the name they go
 * by ("José Ferreira Lima, who is known throughout the valley as Zezinho"), else CD_NONE. */
static size_t known_as(const ent_ctx *c, const size_t *mcl, size_t i) {
  const cd_name_mention *m = i ? M(c->doc, i) : NULL;
  if (!m || !m->known_as) return CD_NONE;
  /* "known as", "nicknamed": the name just before is the one it stands for, a person's or not
   * ("the port of Marlow, also known as Brell" names no person) */
  if (m->known_as == CD_KNOWN_AS_PREV) return c->mw[i - 1].person_full ? mcl[i - 1] : CD_NONE;
  /* a verb of calling: the person named in full before it in the sentence, past a place named in
   * the clause ("Eleanor Varga, whom everyone in Castelle calls Nell") */
  for (size_t k = i; k > 0 && i - k < 3; k--) {
    if (M(c->doc, k - 1)->sent != m->sent) break;
    if (c->mw[k - 1].person_full) return mcl[k - 1];
  }
  return CD_NONE;
}

/* Near-miss spellings: a lone word that no earlier step placed, and that is no established name,
 * joins the one person whose surname (or the one lone word) it nearly spells. */
static void near_miss_merge(ent_ctx *c, size_t nm, size_t *mcl) {
  cd_doc *doc = c->doc;
  cd_near_index ix;
  cd_near_init(&ix);
  cd_vec keys; /* target id -> key */
  cd_vec_init(&keys, sizeof(const char *));
  cd_vec target_cl;
  cd_vec_init(&target_cl, sizeof(size_t));
  cd_vec target_first; /* target id -> the mention it was first met in */
  cd_vec_init(&target_first, sizeof(size_t));
  pair_set seen; /* a key in a cluster is a target once */
  if (!pair_set_init(&seen, nm)) abort(); /* out of memory, as in a pass */
  for (size_t i = 0; i < nm; i++) {
    const cd_name_mention *m = M(doc, i);
    if (mcl[i] == CD_NONE || m->acronym) continue;
    size_t cl = find(c, mcl[i]);
    const cluster *k = CD_VEC_AT(&c->clusters, cluster, cl);
    const char *key = NULL;
    if (c->mw[i].person_full)
      key = c->mw[i].skey;
    else if (m->n_parts == 1 && !k->has_full && !knighted(doc, m)) /* "Sheikh Hamad": a given name */
      key = c->mw[i].key;
    if (!key || strlen(key) < 5) continue;
    if (!c->mw[i].person_full && (m->placed || m->thing_hint)) /* "for Pruett and Calvert counties" */
      CD_VEC_AT(&c->clusters, cluster, cl)->placed = true;
    if (!pair_set_add(&seen, key, cl)) continue;
    *(const char **)cd_vec_push_raw(&keys) = key;
    *(size_t *)cd_vec_push_raw(&target_cl) = cl;
    *(size_t *)cd_vec_push_raw(&target_first) = i;
  }
  /* The lone words that may join another name: the loop below asks only them, and their clusters
   * keep the answer (a cluster is only ever joined to another when it is one of them, and the one
   * it joins stays as it was) */
  bool *asked = calloc(keys.len + 1, sizeof(bool));
  if (!asked) abort(); /* out of memory, as in a pass */
  for (size_t t = 0; t < keys.len; t++) {
    const char *key = *CD_VEC_AT(&keys, const char *, t);
    const cluster *k = CD_VEC_AT(&c->clusters, cluster, find(c, *CD_VEC_AT(&target_cl, size_t, t)));
    asked[t] = !(k->has_full || k->placed || cd_doc_key_proper(doc, key) || cd_doc_key_common(doc, key));
  }
  const cd_near_index *near = cd_incr_near_index(doc, CD_INCR_NEAR_ENTITIES, keys.data, keys.len, 5, asked, &ix);
  cd_vec cand;
  cd_vec_init(&cand, sizeof(size_t));
  for (size_t t = 0; t < keys.len; t++) {
    const char *key = *CD_VEC_AT(&keys, const char *, t);
    size_t cl = find(c, *CD_VEC_AT(&target_cl, size_t, t));
    const cluster *k = CD_VEC_AT(&c->clusters, cluster, cl);
    if (!asked[t] || k->has_full || k->placed) continue;
    cand.len = 0;
    cd_near_candidates(near, t, &cand);
    size_t best = CD_NONE;
    bool ambiguous = false;
    for (size_t x = 0; x < cand.len; x++) {
      size_t u = *CD_VEC_AT(&cand, size_t, x);
      const char *other = *CD_VEC_AT(&keys, const char *, u);
      size_t ocl = find(c, *CD_VEC_AT(&target_cl, size_t, u));
      if (ocl == cl || !cd_near_miss(key, other) || cd_spelling_explained(key, other)) continue;
      const cluster *o = CD_VEC_AT(&c->clusters, cluster, ocl);
      /* a lone word joins another lone word only when that one is used more often */
      if (!o->has_full && o->n_mentions <= k->n_mentions) continue;
      /* and a person named in full only after that name: a slip comes after the name it slips
       * from ("the head of the rescue office, Harsono," long before "Commissioner Rudi Hartono"
       * is another person, with one name) */
      if (o->has_full && *CD_VEC_AT(&target_first, size_t, u) > *CD_VEC_AT(&target_first, size_t, t)) continue;
      if (best != CD_NONE && best != ocl) ambiguous = true;
      best = ocl;
    }
    if (best != CD_NONE && !ambiguous) {
      cluster *b = CD_VEC_AT(&c->clusters, cluster, best);
      b->n_mentions += k->n_mentions;
      unite(c, best, cl);
    }
  }
  cd_vec_free(&cand);
  cd_vec_free(&keys);
  cd_vec_free(&target_cl);
  cd_vec_free(&target_first);
  free(seen.slots);
  free(asked);
  cd_near_free(&ix);
}

/* "De Gaulle" after "Charles de Gaulle": a particle-led surname joins the one person named in full
 * with that particle before that surname (in any case); with two such people, or none, it stays a
 * name of its own. */
static void particle_surnames(ent_ctx *c, size_t nm, const size_t *mcl) {
  cd_doc *doc = c->doc;
  cd_strmap people; /* surname key -> the one person cluster named in full with it, or AMBIGUOUS */
  cd_strmap_init_interned(&people);
  for (size_t i = 0; i < nm; i++) /* the particles' surnames first: only their people are asked */
    if (c->mw[i].particle && mcl[i] != CD_NONE) cd_strmap_put(&people, c->mw[i].skey, NOBODY_YET);
  for (size_t i = 0; i < nm; i++) {
    if (!c->mw[i].person_full || c->mw[i].particle || mcl[i] == CD_NONE) continue;
    size_t had = cd_strmap_get(&people, c->mw[i].skey);
    if (had == CD_NONE) continue;
    if (had == NOBODY_YET) cd_strmap_put(&people, c->mw[i].skey, mcl[i]);
    else put_unique(c, &people, c->mw[i].skey, mcl[i]);
  }
  for (size_t i = 0; i < nm; i++) {
    if (!c->mw[i].particle || mcl[i] == CD_NONE) continue;
    size_t cl = cd_strmap_get(&people, c->mw[i].skey);
    if (cl == CD_NONE || cl == AMBIGUOUS || cl == NOBODY_YET) continue;
    cl = find(c, cl);
    const cluster *k = CD_VEC_AT(&c->clusters, cluster, cl);
    if (k->first_full != CD_NONE && ends_in_particles(doc, M(doc, k->first_full), M(doc, i)))
      unite(c, cl, mcl[i]);
  }
  cd_strmap_free(&people);
}

/* "Donald Jr." and "Trump Jr." join the one person named in full with that given name, or that
 * surname, and that generation ("Donald Trump Jr."). */
static void generations(ent_ctx *c, size_t nm, const size_t *mcl, const cd_strmap *given_sur) {
  for (size_t i = 0; i < nm; i++) {
    const mwork *w = &c->mw[i];
    if (!w->suffix || mcl[i] == CD_NONE || strcmp(w->skey, w->gkey) != 0) continue;
    const char *gx = triple(c->scratch, w->gkey, "", w->suffix), *sx = triple(c->scratch, "", w->skey, w->suffix);
    size_t cl = gx ? get_unique(c, given_sur, gx) : CD_NONE;
    if (cl == CD_NONE && sx) cl = get_unique(c, given_sur, sx);
    if (cl != CD_NONE) unite(c, cl, mcl[i]);
  }
}

/* The start of the last two name words of a full name of three or more ("López Obrador" in
 * "Andrés Manuel López Obrador", "Gutiérrez de la Torre" in "María Fernanda Gutiérrez de la
 * Torre"), or CD_NONE: not after an initial ("George W. Bush") nor with a generation. */
static size_t surname_pair_start(const cd_doc *doc, const cd_name_mention *m) {
  /* a person's name as the body gives it: not a headline's words ("Warren Hammers Wells Fargo") nor a
   * thing's name ("Old San Juan") */
  if (m->n_parts < 3 || m->n_parts > 5 || m->headline) return CD_NONE;
  size_t caps = 0;
  for (size_t t = m->end_tok; t > m->first_tok; t--) {
    const cd_token *k = doc_tok(doc, t - 1);
    if (k->start < m->name.start) break;
    if (k->kind != TOK_WORD) {
      if (caps) return CD_NONE; /* a stop inside the pair: an initial */
      continue;
    }
    if (!(k->flags & TF_CAP)) continue;
    if (k->len < 2 || cd_is_name_suffix(doc->text + k->start, k->len)) return CD_NONE;
    if (++caps == 2) {
      /* the words before the pair are given names, or words that are nothing else */
      for (size_t g = m->first_tok; g + 1 < t; g++) {
        const cd_token *w = doc_tok(doc, g);
        const char *ws = doc->text + w->start;
        if (w->start < m->name.start || w->kind != TOK_WORD || !(w->flags & TF_CAP)) continue;
        if (cd_is_job_title(ws, w->len) || (cd_is_common_word(ws, w->len) && !cd_is_given_name(ws, w->len)))
          return CD_NONE;
      }
      return k->start;
    }
  }
  return CD_NONE;
}

/* An Icelandic name, whose bearer goes by the given name ("Katrín Magnúsdóttir ... Katrín said"):
 * a last word in -dóttir, or in -son with an Icelandic letter or an accent in the name
 * ("Magnús Einarsson", "Þórhallur Guðmundsson"; not "Erik Johansson"). */
static bool patronymic(const cd_doc *doc, const cd_name_mention *m) {
  const char *s = doc->text + m->name.start;
  size_t n = m->name.end - m->name.start;
  if (m->n_parts < 2 || n < 8) return false;
  if ((n >= 7 && memcmp(s + n - 7, "d\xC3\xB3ttir", 7) == 0) || memcmp(s + n - 6, "dottir", 6) == 0) return true;
  if (memcmp(s + n - 3, "son", 3) != 0) return false;
  for (size_t k = 0; k + 1 < n; k++) {
    unsigned char a = (unsigned char)s[k], b = (unsigned char)s[k + 1];
    /* ð Ð þ Þ æ Æ, and á é í ó ú ý Á É Í Ó Ú Ý: two-byte letters led by 0xC3 */
    if (a == 0xC3 && (b == 0xB0 || b == 0x90 || b == 0xBE || b == 0x9E || b == 0xA6 || b == 0x86 || b == 0xA1 ||
                      b == 0xA9 || b == 0xAD || b == 0xB3 || b == 0xBA || b == 0xBD || b == 0x81 || b == 0x89 ||
                      b == 0x8D || b == 0x93 || b == 0x9A || b == 0x9D))
      return true;
  }
  return false;
}
/* "López Obrador" after "Andrés Manuel López Obrador": a name of two surnames joins the one person
 * whose full name ends in them. */
static void surname_pairs(ent_ctx *c, size_t nm, const size_t *mcl) {
  cd_doc *doc = c->doc;
  cd_strmap pairs; /* key of the last two name words -> the one person, or AMBIGUOUS */
  cd_strmap_init_interned(&pairs);
  for (size_t i = 0; i < nm; i++) {
    if (!c->mw[i].person_full || c->mw[i].two_surnames || mcl[i] == CD_NONE) continue;
    const cd_name_mention *m = M(doc, i);
    size_t from = surname_pair_start(doc, m);
    if (from != CD_NONE) put_unique(c, &pairs, key_of(doc, from, m->name.end), mcl[i]);
  }
  for (size_t i = 0; i < nm && pairs.len; i++) {
    if (!c->mw[i].two_surnames || mcl[i] == CD_NONE) continue;
    size_t cl = get_unique(c, &pairs, c->mw[i].key);
    if (cl == CD_NONE) continue;
    /* neither word a given name or an ordinary word ("Red Sox" is no pair of surnames) */
    const cd_name_mention *m = M(doc, i);
    if (!given_first(doc, m) && !cd_is_common_word(doc->text + m->name.start, first_word_end(doc, m) - m->name.start))
      unite(c, cl, mcl[i]);
  }
  cd_strmap_free(&pairs);
}

void cd_pass_entities(cd_doc *doc) {
  size_t nm = doc->mentions.len;
  ent_ctx c = {.doc = doc};
  cd_vec_init(&c.clusters, sizeof(cluster));
  /* a document edited version after version: at most a cluster a mention (and an entity a cluster,
   * below), reserved so that the tables are not copied as they grow on every keystroke (a single
   * long analysis lets them grow: on a megabyte of distinct names the room moved the allocator's
   * later blocks, and zeroing them cost more than the copies) */
  if (doc->incr) cd_vec_reserve(&c.clusters, nm + 1);
  cd_vec_init(&c.cfg_keys, sizeof(const char *));
  /* every key below is an interned name key (cd_doc_name_key) or a string of c.scratch */
  cd_strmap_init_borrowed(&c.cfg);
  cd_strmap full, given_sur, any_surname, surname, given, inits, styles;
  /* the inner words of people's names of three parts or more ("García" of "Gabriel García
   * Márquez", "Lula" of "Luiz Inácio Lula da Silva"), for a lone word no other step places */
  cd_strmap inner;
  cd_strmap_init_interned(&inner);
  /* keyed by interned keys (key_of's, and the aliases' canonical keys interned too), compared by
   * address; a string made here is looked up among the interned keys first (cd_doc_find_key): one
   * that no pass interned is no mention's key */
  cd_strmap_init_interned(&full);
  cd_strmap_init_borrowed(&given_sur);
  cd_strmap_init_interned(&any_surname);
  cd_strmap_init_interned(&surname);
  cd_strmap_init_interned(&given);
  cd_strmap_init_interned(&inits);
  cd_strmap_init_interned(&styles);
  /* each mention's text, one copy per distinct text: the texts of a mention's key (interned: equal
   * texts have equal keys) are a chain of text_group, compared byte for byte */
  cd_strmap texts;
  cd_strmap_init_interned(&texts);
  cd_vec groups;
  cd_vec_init(&groups, sizeof(text_group));
  /* working tables, freed at the end of the pass (not kept in the report's arena) */
  size_t *mcl = NULL, *ent_of = NULL, *best = NULL, *count = NULL, *n_acr = NULL, *n_long = NULL, *acr = NULL;
  uint8_t *told = NULL;
  bool *person = NULL, *org = NULL, *courtesy = NULL, *thing = NULL;
  uint32_t *text_first = NULL;
  c.mw = malloc((nm + 1) * sizeof(mwork)); /* each written below */
  c.am_mask = 255;
  while (c.am_mask + 1 < nm && c.am_mask < 65535) c.am_mask = c.am_mask * 2 + 1;
  /* none: every key is looked up; the kept keys remember their built-in alias, and without
   * configured names that is the whole answer */
  bool cfg_names = doc->config && doc->config->n_names;
  c.am = doc->kept_keys && !cfg_names ? NULL : calloc(c.am_mask + 1, sizeof *c.am);
  mcl = malloc((nm + 1) * sizeof(size_t)); /* each written below */
  c.scratch = cd_arena_new();
  /* mentions of a particle and a surname; with a generation; of two surnames */
  size_t n_particle = 0, n_generation = 0, n_two_surnames = 0, n_full3 = 0, n_couples = 0;
  if (!c.mw || !mcl || !c.scratch) goto done;
  load_config_names(&c);

  for (size_t i = 0; i < nm; i++) {
    const cd_name_mention *m = M(doc, i);
    mwork *w = &c.mw[i];
    *w = (mwork){0};
    mcl[i] = CD_NONE;
    if (m->kind != MK_NAME) continue;
    w->key = aliased_key(&c, part_key(doc, i, CD_MKEY_NAME, m->name.start, m->name.end), &w->aliased);
    w->skey = part_key(doc, i, CD_MKEY_SURNAME, m->surname.start, m->surname.end);
    w->person_full = person_like(doc, m);
    if (w->person_full) w->gkey = part_key(doc, i, CD_MKEY_GIVEN, m->name.start, first_word_end(doc, m));
    size_t partner = m->n_parts == 1 ? cd_couple_partner(doc, i) : CD_NONE;
    if (partner != CD_NONE && person_like(doc, M(doc, partner))) {
      const cd_name_mention *pm = M(doc, partner);
      n_couples++;
      w->couple = w->person_full = true;
      w->gkey = w->key;
      w->skey = part_key(doc, partner, CD_MKEY_SURNAME, pm->surname.start, pm->surname.end);
    }
  }

  /* a keystroke that leaves every mention as it was leaves the clustering as it was; the keys the
   * steps below would ask for are asked all the same, for the passes after this one (a key is
   * "known" to them when this version asked for it) */
  cd_ents_kept *kept = cd_incr_entities(doc);
  bool hold = kept && kept_clusters_hold(doc, kept);
  if (hold && restore_entities(doc, kept)) {
    for (size_t i = 0; i < nm; i++)
      if (full_form(M(doc, i), &c.mw[i])) style_key(doc, M(doc, i));
    kept->valid = kept->taken = true;
    goto done;
  }

  /* the forms the steps below join in ways of their own (not asked when the clustering is kept) */
  for (size_t i = 0; i < nm; i++) {
    const cd_name_mention *m = M(doc, i);
    mwork *w = &c.mw[i];
    if (m->kind != MK_NAME) continue;
    if (m->n_parts == 2 && !m->acronym && !m->org_hint && leading_particle(doc, m) != CD_NONE) w->particle = true, n_particle++;
    if (!w->person_full) continue;
    if ((w->suffix = generation(doc, m)) != NULL) n_generation++;
    w->bare_skey = bare_surname(doc, m);
    if (m->n_parts == 2 && !w->particle && !w->suffix) w->two_surnames = true, n_two_surnames++;
    w->family_first = !w->particle && !w->suffix && family_name_first(doc, m);
    if (m->n_parts >= 3 && !m->headline) n_full3++;
  }

  /* room for the previous version's keys (only here: a kept clustering fills no map) */
  cd_strmap *maps[] = {&full, &given_sur, &any_surname, &surname, &given, &inits, &styles, &texts};
  for (size_t k = 0; k < sizeof maps / sizeof maps[0]; k++) cd_incr_map_room(doc, CD_MAP_ENT_FULL + k, maps[k]);

  /* 1. multi-part names, aliases and acronyms */
  for (size_t i = 0; i < nm; i++) {
    const cd_name_mention *m = M(doc, i);
    mwork *w = &c.mw[i];
    if (!full_form(m, w)) continue;
    size_t cl = cd_strmap_get(&full, w->key);
    if (cl == CD_NONE && m->n_parts >= 2 && m->org_hint) {
      /* "Indian Railway" and "Indian Railways": one organisation written in singular and plural */
      size_t kn = strlen(w->key);
      const char *other = NULL;
      if (kn > 3 && w->key[kn - 1] == 's') {
        other = cd_doc_find_key(doc, w->key, kn - 1);
      } else {
        char *plur = joined(c.scratch, w->key, "s", "");
        if (plur) other = cd_doc_find_key(doc, plur, kn + 1);
      }
      if (other) cl = cd_strmap_get(&full, other);
    }
    char *gs = NULL;
    if (w->person_full && !w->particle) { /* a particle is no given name: "De Luca" joins below */
      /* "Donald Trump Jr." is not "Donald Trump"; "Donald Jr." and "Trump Jr." join him after this
       * step (generations), whichever comes first */
      gs = !w->suffix ? joined(c.scratch, w->gkey, "|", w->skey)
           : strcmp(w->skey, w->gkey) == 0 ? NULL
                                           : triple(c.scratch, w->gkey, w->skey, w->suffix);
      if (cl == CD_NONE && gs) cl = get_unique(&c, &given_sur, gs);
    }
    if (cl == CD_NONE) cl = new_cluster(&c);
    cl = find(&c, cl);
    /* a couple's lone given name is no key of its own: a later "David" alone may be anyone */
    if (!w->couple && cd_strmap_get(&full, w->key) == CD_NONE) cd_strmap_put(&full, w->key, cl);
    mcl[i] = cl;
    cluster *k = CD_VEC_AT(&c.clusters, cluster, cl);
    k->has_full = true;
    if (k->first_full == CD_NONE && (m->n_parts >= 2 || w->couple)) k->first_full = i;
    const char *style = style_key(doc, m);
    if (style) put_unique(&c, &styles, style, cl);
    if (w->person_full) {
      k->person_full = true;
      if (m->job_title || m->courtesy) k->titled = true;
      if (!w->suffix) k->unsuffixed = true;
      if (!w->particle) {
        if (gs) put_unique(&c, &given_sur, gs, cl);
        if (w->suffix && strcmp(w->skey, w->gkey) != 0) { /* for "Donald Jr." and "Trump Jr." */
          const char *gx = triple(c.scratch, w->gkey, "", w->suffix), *sx = triple(c.scratch, "", w->skey, w->suffix);
          if (gx) put_unique(&c, &given_sur, gx, cl);
          if (sx) put_unique(&c, &given_sur, sx, cl);
        }
        /* "Halla Björk" for "Halla Björk Sigurðardóttir", "Sarah Jessica" for "Sarah Jessica
         * Parker": the two given names alone name the person */
        /* (not a headline's Title Case run: "Dennis Prager Tells ...", "Corinne Vahl Wrote") */
        bool three = m->n_parts == 3 && !w->suffix && !w->family_first && !m->headline;
        bool plain_last = three && !cd_is_common_word(doc->text + m->surname.start, m->surname.end - m->surname.start);
        const char *second = plain_last ? second_name_key(doc, m) : NULL;
        char *g2 = second ? joined(c.scratch, w->gkey, "|", second) : NULL;
        if (g2) put_unique(&c, &given_sur, g2, cl);
        /* the surname alone is the person without a generation, when there is one ("Trump" for
         * "Donald Trump", not "Donald Trump Jr.") */
        /* (not a couple's first: "Kowalczyk" alone is the one named in full, unless a title says
         * otherwise, gender_contradicts) */
        size_t had = cd_strmap_get(&any_surname, w->skey);
        if (had != CD_NONE && find(&c, had) != find(&c, cl) && !place_form(doc, m)) {
          k->family = true;
          CD_VEC_AT(&c.clusters, cluster, find(&c, had))->family = true;
        }
        if (!w->couple && !place_form(doc, m) &&
            (had == CD_NONE || (!w->suffix && !CD_VEC_AT(&c.clusters, cluster, find(&c, had))->unsuffixed)))
          cd_strmap_put(&any_surname, w->skey, cl);
        if (w->bare_skey && cd_strmap_get(&any_surname, w->bare_skey) == CD_NONE)
          cd_strmap_put(&any_surname, w->bare_skey, cl);
        if (w->family_first && cd_strmap_get(&any_surname, w->gkey) == CD_NONE) cd_strmap_put(&any_surname, w->gkey, cl);
        put_unique(&c, &given, w->gkey, cl); /* (a couple's too: "Segun said" after "Segun and Abimbola Adeyemi") */
        /* (a given name first or a title before: a person's, not a Title Case headline's) */
        if (m->n_parts >= 3 && m->n_parts <= 5 && !m->headline && (given_first(doc, m) || m->job_title || m->courtesy))
          put_inner_words(&c, &inner, m, cl);
      }
    } else if (m->n_parts >= 2) {
      const char *in = initials(doc, c.scratch, m, 0), *key;
      if (in && (key = cd_doc_find_key(doc, in, strlen(in))) != NULL) put_unique(&c, &inits, key, cl);
      if (m->n_parts >= 4 && (in = initials(doc, c.scratch, m, 1)) != NULL && strlen(in) >= 3 &&
          (key = cd_doc_find_key(doc, in, strlen(in))) != NULL)
        put_unique(&c, &inits, key, cl);
    }
  }

  /* a couple ("Segun and Abimbola Adeyemi") is a family: told apart by given name */
  for (size_t i = 0; n_couples && i + 1 < nm; i++)
    if (c.mw[i].couple && mcl[i] != CD_NONE && mcl[i + 1] != CD_NONE)
      CD_VEC_AT(&c.clusters, cluster, find(&c, mcl[i]))->family = CD_VEC_AT(&c.clusters, cluster, find(&c, mcl[i + 1]))->family = true;
  if (n_particle) particle_surnames(&c, nm, mcl);
  if (n_generation) generations(&c, nm, mcl, &given_sur);
  if (n_two_surnames && n_full3) surname_pairs(&c, nm, mcl);

  /* a person named in full whose surname is also used alone is certainly a person: only such a
   * person's given name may stand for them ("Jon" for "Jon Huber"; not "Cyprus" for "Cyprus Mail") */
  for (size_t i = 0; i < nm; i++) {
    const cd_name_mention *m = M(doc, i);
    if (m->kind != MK_NAME || m->n_parts != 1 || m->acronym || !*c.mw[i].skey) continue;
    size_t cl = cd_strmap_get(&any_surname, c.mw[i].skey);
    if (cl != CD_NONE) CD_VEC_AT(&c.clusters, cluster, find(&c, cl))->surname_used = true;
  }

  /* 2. lone words, in text order, keeping "the most recent person with this surname" current */
  /* per cluster, how the body has named the person again so far: by the surname alone (1), by the
   * given name alone or the full name again (2), the way an article tells a family apart; 4: named
   * in full once */
  told = calloc(nm + 1, 1);
  if (!told) goto done;
  for (size_t i = 0; i < nm; i++) {
    const cd_name_mention *m = M(doc, i);
    mwork *w = &c.mw[i];
    if (m->kind != MK_NAME || !*w->key) continue;
    if (mcl[i] != CD_NONE) {
      size_t root = find(&c, mcl[i]);
      /* (in the body: a headline's full name and the lede's are one naming) */
      if (w->person_full && root < nm && !m->headline && !m->in_quote) told[root] |= told[root] & 4 ? 2 : 4;
      if (w->person_full && !w->couple && !place_form(doc, m)) {
        size_t had = w->suffix ? cd_strmap_get(&surname, w->skey) : CD_NONE;
        /* "Leon Haverty ... His wife, Carol Haverty,": a relative brought in by the noun leaves the
         * bare surname to the person named before ("Haverty recalls" is still Leon) */
        /* (not when that person has died: "the late Harold Garside ... his son Neil Garside"; nor
         * when the text has told them apart by given name or full name and never by the surname
         * alone: "Mateo said ... Mateo's father, Sione Falaniko, said ... Falaniko said" is the
         * father) */
        /* (only the introduction: "Bill Clinton spoke ... Clinton said" is Bill again, after
         * "her husband, Bill Clinton," earlier) */
        size_t before = m->relative ? cd_strmap_get(&surname, w->skey) : CD_NONE;
        if (before != CD_NONE && find(&c, before) != find(&c, mcl[i])) {
          size_t br = find(&c, before);
          const cluster *k = CD_VEC_AT(&c.clusters, cluster, br);
          bool apart = br < nm && (told[br] & 3) == 2;
          if (!apart && (k->first_full == CD_NONE || !M(doc, k->first_full)->deceased)) continue;
        }
        if (had == CD_NONE || !CD_VEC_AT(&c.clusters, cluster, find(&c, had))->unsuffixed) {
          cd_strmap_put(&surname, w->skey, mcl[i]);
          if (w->bare_skey) cd_strmap_put(&surname, w->bare_skey, mcl[i]);
          if (w->family_first) cd_strmap_put(&surname, w->gkey, mcl[i]);
        }
      }
      continue;
    }
    size_t cl = CD_NONE;
    if (m->acronym) {
      cl = cd_strmap_get(&full, w->key);
      if (cl == CD_NONE) cl = get_unique(&c, &inits, w->key);
    } else if (m->n_parts == 1 && m->title.start == CD_NONE32 &&
               cd_is_given_name_title(doc->text + m->name.start, m->name.end - m->name.start) &&
               (cl = get_unique(&c, &styles, w->key)) != CD_NONE) {
      /* "the Queen" */
    } else if (m->n_parts == 1 && m->name.end - m->name.start == 1 && doc->text[m->name.start] == 'I') {
      /* the pronoun "I": nobody's surname, not even "Charles I"'s */
    } else if (m->n_parts == 1 && (cl = known_as(&c, mcl, i)) != CD_NONE) {
      /* "José Ferreira Lima, who is known throughout the valley as Zezinho": his, from here on */
      if (cd_strmap_get(&full, w->key) == CD_NONE) cd_strmap_put(&full, w->key, cl);
    } else if (m->n_parts == 1) {
      cl = cd_strmap_get(&surname, w->skey);
      if (cl == CD_NONE) cl = cd_strmap_get(&any_surname, w->skey);
      /* the person the title contradicts is someone else: the first of that surname if the title
       * fits them, else a person of their own ("Mr. Clinton" apart from "Hillary Clinton") */
      int tg = title_gender(doc, m);
      size_t match = tg && cl != CD_NONE && CD_VEC_AT(&c.clusters, cluster, find(&c, cl))->family
                         ? recent_match(&c, mcl, i, w->skey, tg)
                         : CD_NONE;
      if (match != CD_NONE && cluster_gender(&c, cl) != tg) {
        /* a family: the title's gender picks the one of them known to be so */
        cl = match;
      } else if (gender_contradicts(&c, tg, cl)) {
        /* the most recent person of that surname named in full before it whom the title fits;
         * with none, a woman's title beside a man's given name ("Mrs. Kessler" after "James
         * Kessler": his wife) is a person of her own, but a man's title beside a woman's given
         * name joins her ("Mr. Barry" and "Marion Barry": the lists of women's names hold names
         * that men bear too) */
        size_t fit = recent_fit(&c, mcl, i, w->skey, tg);
        if (fit != CD_NONE || tg == 2) cl = fit;
      } else if (!m->courtesy && gender_contradicts(&c, m->said_gender, cl)) {
        /* "Brandt said he ..." after "Tyler Brandt" and his mother "Denise Brandt": the most
         * recent person of that surname named in full whose given name fits; with none, the join
         * stands (a pronoun is weaker evidence than a title) */
        size_t fit = recent_fit(&c, mcl, i, w->skey, m->said_gender);
        if (fit != CD_NONE) cl = fit;
      } else if (cl != CD_NONE && (m->job_title || (m->courtesy && !tg))) {
        /* "Cllr Fairclough said" after "Cllr Desmond Fairclough, and his wife, Janet Fairclough",
         * "Dr. Lindqvist" after "Dr. Freya Lindqvist": the person of that surname named in full
         * with the same title */
        size_t fit = titled_fit(&c, mcl, i, w->skey);
        if (fit != CD_NONE) cl = fit;
      }
      if (cl == CD_NONE) {
        size_t g = get_unique(&c, &given, w->key);
        if (g != CD_NONE) {
          const cluster *k = CD_VEC_AT(&c.clusters, cluster, g);
          /* "Mr Tong" for "Tong Yung-soo": a family name written first; "Sir Edward" for "Sir
           * Edward Pembroke": a knight goes by the given name */
          /* "Prime Minister Abiy Ahmed ... Abiy said": a person named in full after a title, the
           * only one with that given name, who goes by it (Ethiopian, Icelandic, Indonesian names) */
          bool by_given = (k->titled || (k->first_full != CD_NONE && patronymic(doc, M(doc, k->first_full)))) &&
                          k->person_full && m->title.start == CD_NONE32 &&
                          !cd_is_common_word(doc->text + m->name.start, m->name.end - m->name.start);
          /* (also with the title the full name had: "Commissioner Rudi" after "Senior Commissioner
           * Rudi Hartono") */
          by_given = by_given || (k->titled && k->person_full && m->job_title && k->first_full != CD_NONE &&
                                  same_title_word(doc, M(doc, k->first_full), m));
          if (k->first_full != CD_NONE && k->first_full < i &&
              (k->surname_used || k->family || m->courtesy || knighted(doc, m) || by_given))
            cl = g;
        }
      }
      if (cl == CD_NONE && m->title.start == CD_NONE32) {
        /* "García" after "Gabriel García Márquez", "Lula" after "Luiz Inácio Lula da Silva": the
         * one person named in full before with that word inside the name, when it is no given
         * name nor ordinary word */
        size_t g = get_unique(&c, &inner, w->key);
        const char *s0 = doc->text + m->name.start;
        size_t n0 = m->name.end - m->name.start;
        if (g != CD_NONE && CD_VEC_AT(&c.clusters, cluster, g)->first_full < i && !cd_is_given_name(s0, n0) &&
            !cd_is_common_word(s0, n0))
          cl = g;
      }
    }
    if (cl == CD_NONE) cl = cd_strmap_get(&full, w->key);
    if (cl == CD_NONE) {
      cl = new_cluster(&c);
      cd_strmap_put(&full, w->key, cl);
    }
    mcl[i] = find(&c, cl);
    {
      const cluster *k = CD_VEC_AT(&c.clusters, cluster, mcl[i]);
      if (mcl[i] < nm && m->n_parts == 1 && k->first_full != CD_NONE && k->first_full < i && !m->headline && !m->in_quote)
        told[mcl[i]] |= c.mw[k->first_full].skey == w->key ? 1 : 2;
    }
    /* "Mrs Fairbrother kept trading ... "...," Fairbrother said": a titled surname that found its
     * person makes them the most recent of that surname, as naming them in full would */
    if (m->n_parts == 1 && m->courtesy && !m->in_quote && *w->skey && cd_strmap_get(&surname, w->skey) != CD_NONE &&
        CD_VEC_AT(&c.clusters, cluster, mcl[i])->person_full)
      cd_strmap_put(&surname, w->skey, mcl[i]);
  }

  for (size_t i = 0; i < nm; i++) {
    if (mcl[i] == CD_NONE) continue;
    cluster *k = CD_VEC_AT(&c.clusters, cluster, find(&c, mcl[i]));
    k->n_mentions++;
    if (k->first_mention == CD_NONE) k->first_mention = i;
  }

  /* 3. near-miss spellings */
  near_miss_merge(&c, nm, mcl);

  /* entities in order of first mention */
  ent_of = calloc(c.clusters.len + 1, sizeof(size_t));
  best = calloc(c.clusters.len + 1, sizeof(size_t));
  count = calloc(c.clusters.len + 1, sizeof(size_t));
  if (!ent_of || !best || !count) goto done;
  for (size_t k = 0; k < c.clusters.len; k++) ent_of[k] = CD_NONE;
  if (doc->incr) cd_vec_reserve(&doc->entities, c.clusters.len + 1);
  for (size_t i = 0; i < nm; i++) {
    if (mcl[i] == CD_NONE) continue;
    size_t r = find(&c, mcl[i]);
    cd_name_mention *m = CD_VEC_AT(&doc->mentions, cd_name_mention, i);
    if (ent_of[r] == CD_NONE) {
      ent_of[r] = doc->entities.len;
      cd_entity *e = cd_vec_push(&doc->entities);
      e->first_full = CD_NONE;
      e->kind = CD_ENTITY_OTHER;
      best[ent_of[r]] = i;
      count[ent_of[r]] = 0;
    }
    size_t e = ent_of[r];
    m->entity = e;
    count[e]++;
    const cd_name_mention *b = M(doc, best[e]);
    /* the fullest form: more name parts, then a written-out name over an acronym, then body text over
     * the headline and quotations, then the longer */
    int score_m = fullness(m, &c.mw[i]), score_b = fullness(b, &c.mw[best[e]]);
    if (!m->acronym && b->acronym) score_m += 16;
    if (score_m > score_b ||
        (score_m == score_b && m->name.end - m->name.start > b->name.end - b->name.start))
      best[e] = i;
  }
  person = calloc(doc->entities.len + 1, sizeof(bool));
  org = calloc(doc->entities.len + 1, sizeof(bool));
  courtesy = calloc(doc->entities.len + 1, sizeof(bool));
  thing = calloc(doc->entities.len + 1, sizeof(bool));
  if (!person || !org || !courtesy || !thing) goto done;
  for (size_t i = 0; i < nm; i++) {
    const cd_name_mention *m = M(doc, i);
    if (m->entity == CD_NONE) continue;
    if (m->courtesy) courtesy[m->entity] = true;
    /* (and a given name with an age or a relative's noun beside it: "Maria, 34,", "his wife, Jane,") */
    if (c.mw[i].person_full || m->job_title || (m->n_parts == 1 && m->person_hint && !m->org_hint && !m->in_quote))
      person[m->entity] = true;
    if (m->org_hint) org[m->entity] = true;
    if (m->thing_hint) thing[m->entity] = true;
  }
  /* an organisation the article mostly calls by its acronym ("AEW", after "All Elite Wrestling" once)
   * goes by the acronym */
  n_acr = calloc(doc->entities.len + 1, sizeof(size_t));
  n_long = calloc(doc->entities.len + 1, sizeof(size_t));
  acr = calloc(doc->entities.len + 1, sizeof(size_t));
  if (!n_acr || !n_long || !acr) goto done;
  for (size_t i = 0; i < nm; i++) {
    const cd_name_mention *m = M(doc, i);
    if (m->entity == CD_NONE || m->headline || m->in_quote) continue;
    if (m->acronym) {
      if (!n_acr[m->entity]++) acr[m->entity] = i;
    } else {
      n_long[m->entity]++;
    }
  }
  for (size_t e = 0; e < doc->entities.len; e++) {
    cd_entity *ent = CD_VEC_AT(&doc->entities, cd_entity, e);
    if (!person[e] && !courtesy[e] && n_acr[e] > n_long[e] && n_long[e] > 0 && !c.mw[acr[e]].aliased)
      best[e] = acr[e];
    const cd_name_mention *b = M(doc, best[e]);
    size_t end = b->name.end;
    ent->name = cd_arena_strndup(doc->arena, doc->text + b->name.start, end - b->name.start);
    ent->kind = courtesy[e] ? CD_ENTITY_PERSON
                : org[e]    ? CD_ENTITY_ORGANIZATION
                : thing[e]  ? CD_ENTITY_OTHER /* "the Corran Playhouse." */
                : person[e] ? CD_ENTITY_PERSON
                            : CD_ENTITY_OTHER;
    ent->mentions = cd_arena_alloc(doc->arena, (count[e] + 1) * sizeof(cd_mention));
    ent->n_mentions = 0;
  }
  /* with a handle, per mention the first with its text (UINT32_MAX: no entity), for the next version */
  text_first = kept ? malloc((nm + 1) * sizeof *text_first) : NULL;
  if (kept && !text_first) goto done;
  for (size_t i = 0; i < nm; i++) {
    const cd_name_mention *m = M(doc, i);
    if (text_first) text_first[i] = UINT32_MAX;
    if (m->entity == CD_NONE) continue;
    cd_entity *ent = CD_VEC_AT(&doc->entities, cd_entity, m->entity);
    cd_mention *out = (cd_mention *)ent->mentions;
    if (!out) continue;
    cd_mention *x = &out[ent->n_mentions];
    x->span = (cd_span){m->span.start, m->span.end};
    size_t first = i;
    x->text = mention_text(doc, &texts, &groups, c.mw[i].key, doc->text + m->span.start, m->span.end - m->span.start,
                           i, &first);
    if (text_first) text_first[i] = (uint32_t)first;
    x->in_quote = m->in_quote;
    x->headline = m->headline;
    const cd_name_mention *b = M(doc, best[m->entity]);
    if (ent->first_full == CD_NONE && !m->headline && m->n_parts == b->n_parts &&
        (b->n_parts >= 2 || ent->kind != CD_ENTITY_PERSON))
      ent->first_full = ent->n_mentions;
    ent->n_mentions++;
  }
  if (kept) keep_entities(doc, kept, best, text_first);
  for (size_t k = 0; k < sizeof maps / sizeof maps[0]; k++) cd_incr_map_filled(doc, CD_MAP_ENT_FULL + k, maps[k]);
done:
  free(text_first);
  free(c.am);
  free(c.mw);
  free(mcl);
  free(told);
  free(ent_of);
  free(best);
  free(count);
  free(person);
  free(org);
  free(courtesy);
  free(thing);
  free(n_acr);
  free(n_long);
  free(acr);
  cd_vec_free(&c.clusters);
  cd_vec_free(&c.cfg_keys);
  cd_strmap_free(&c.cfg);
  cd_strmap_free(&full);
  cd_strmap_free(&given_sur);
  cd_strmap_free(&any_surname);
  cd_strmap_free(&surname);
  cd_strmap_free(&given);
  cd_strmap_free(&inner);
  cd_strmap_free(&inits);
  cd_strmap_free(&styles);
  cd_strmap_free(&texts); /* the texts stay in the arena */
  cd_vec_free(&groups);
  cd_arena_free(c.scratch);
}
