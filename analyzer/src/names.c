/* Names pass: name.* diagnostics from the mentions and entities.
 *
 * Only body text counts: headlines follow their own style and names inside quotation marks are the
 * speaker's words, so neither is reported (both may still be the "other place" a finding points at).
 * Precision first: every rule needs positive evidence and stays silent when something else explains
 * what it sees.
 *  - name.variant: one entity written in forms that differ only in case, diacritics, hyphens or full
 *    stops ("US"/"U.S.", "Brudziński"/"Brudzinski"), as two different abbreviations ("US"/"USA"), or
 *    in singular and plural ("Indian Railway"/"Indian Railways"). The full name beside one
 *    abbreviation is normal. The house form (configuration) or else the majority form is the target.
 *  - name.spelling: a name word that nearly spells another name word of the article, when it is no
 *    established name itself and nothing else explains the pair; the minority form is reported.
 *  - name.courtesy-title: one person's surname with and without Mr/Mrs/Ms/Dr (job titles do not
 *    count), or against the configured courtesy style; "Mr" and "Mr." mixed.
 *  - name.no-first-reference: a person (a title or a verb of saying says so) never named in full.
 *  - name.first-reference-late: the surname alone before the first full-name reference. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "doc.h"
#include "incremental.h"
#include "lexicon.h"
#include "namekey.h"
#include "names_lex.h"
#include "names_near.h"
#include "names_short.h"
#include "quotes_kind.h"
#include "strmap.h"
#include "words.h"

typedef struct names_ctx {
  cd_doc *doc;
  bool *speaker;         /* per entity: named as the speaker of a quote; filled by cd_pass_names_end, after
                          * attribution: read it only where speakers_known says so (first_reference) */
  bool *ignored;         /* per entity: configuration says never to flag it */
  const cd_strmap *multi_words; /* every word of a name of two or more words */
  const cd_strmap *org_words;   /* first words of companies named after someone ("Bloomberg L.P.") */
  size_t titled_refs, plain_refs; /* lone references to people with and without a courtesy title */
  bool *aside;           /* per mention: not running body text (dateline, heading, handle, front matter) */
  bool *counted;         /* per mention of a person: courtesy_counted, as courtesy_totals found it */
  uint8_t *on_name;      /* per mention: courtesy_on_name's answer + 1, once asked (0: not yet) */
  const char **titled;   /* per person: titled_key, as courtesy_totals found it */
  /* the quotes' speakers are in `speaker` (cd_pass_names_end); until then first_reference puts
   * the people whose answer turns on them in `deferred` (entity indexes) */
  bool speakers_known;
  cd_vec deferred; /* deferred_ref */
} names_ctx;

typedef struct deferred_ref {
  size_t entity, first_body;
} deferred_ref;

static const cd_name_mention *M(const cd_doc *doc, size_t i) { return CD_VEC_AT(&doc->mentions, cd_name_mention, i); }
static const cd_entity *E(const cd_doc *doc, size_t i) { return CD_VEC_AT(&doc->entities, cd_entity, i); }

/* The name key of token i's text up to `end` (a mention may end inside it: "Kelly's"). The steps
 * below ask for the same tokens' keys again and again; keys are interned (cd_doc_name_key), so
 * asking again costs a fold and a lookup, and no per-token table is kept. */
__attribute__((always_inline)) static inline const char *tok_key(names_ctx *c, size_t i, size_t end) {
  cd_doc *doc = c->doc;
  const cd_token *t = doc_tok(doc, i);
  /* the whole token: kept per token with a handle (without one, the same span's key) */
  if (doc->kept_keys && end == cd_tok_end(t)) return cd_doc_token_key(doc, i);
  return cd_doc_name_key(doc, doc->text + t->start, end - t->start);
}

/* Where a name's word ends: the token's end, or the name's when the name ends inside the token
 * ("Kelly's"). */
static size_t word_end_in_name(const cd_token *t, const cd_name_mention *m) {
  return cd_tok_end(t) < m->name.end ? cd_tok_end(t) : m->name.end;
}

/* The key of a part of a mention (cd_doc_mention_key): its name or its surname. */
static inline const char *name_key(cd_doc *doc, const cd_name_mention *m) {
  return cd_doc_mention_key(doc, (size_t)(m - M(doc, 0)), CD_MKEY_NAME, m->name.start, m->name.end);
}
static inline const char *surname_key(cd_doc *doc, const cd_name_mention *m) {
  return cd_doc_mention_key(doc, (size_t)(m - M(doc, 0)), CD_MKEY_SURNAME, m->surname.start, m->surname.end);
}

static bool body(const names_ctx *c, const cd_name_mention *m) {
  const cd_name_mention *first = M(c->doc, 0);
  return m->kind == MK_NAME && !m->headline && !m->in_quote && !(c->aside && c->aside[m - first]);
}

static const char *slice(cd_doc *doc, size_t start, size_t end) {
  const char *s = cd_arena_strndup(doc->arena, doc->text + start, end - start);
  return s ? s : "";
}

static const char *name_text(cd_doc *doc, const cd_name_mention *m) { return slice(doc, m->name.start, m->name.end); }

/* Is token t "the", "a" or "an"? */
static bool article_tok(const cd_doc *doc, const cd_token *t) {
  const char *w = doc->text + t->start;
  return t->kind == TOK_WORD && (CD_WORD_IS(w, t->len, "the") || CD_WORD_IS(w, t->len, "a") || CD_WORD_IS(w, t->len, "an"));
}

/* "the Trump campaign", "a Biden presidency": a surname used as a modifier, not a reference. */
static bool attributive(const cd_doc *doc, const cd_name_mention *m) {
  if (m->first_tok > 0 && article_tok(doc, doc_tok(doc, m->first_tok - 1))) return true;
  if (m->end_tok < doc_ntok(doc) && !m->possessive) {
    const cd_token *t = doc_tok(doc, m->end_tok);
    if (t->kind == TOK_WORD && (t->flags & TF_LOWER) && cd_is_attributive_head(doc->text + t->start, t->len))
      return true;
  }
  return false;
}

static bool title_is_given_name_style(const cd_doc *doc, const cd_name_mention *m) {
  if (m->title.start == CD_NONE32) return false;
  /* the last word of the title decides: "Crown Prince", "Pope" */
  size_t e = m->title.end;
  while (e > m->title.start && doc->text[e - 1] == '.') e--;
  size_t s = e;
  while (s > m->title.start && doc->text[s - 1] != ' ') s--;
  return cd_is_given_name_title(doc->text + s, e - s);
}

/* ---- name.variant ---------------------------------------------------- */

enum { ROLE_NOUN = 1, ROLE_MODIFIER = 2 };

typedef struct vform {
  const char *text;
  size_t len;        /* strlen(text) */
  const char *key;   /* folded, no alias */
  size_t count;      /* body mentions */
  size_t first;      /* first body mention */
  cd_span first_span;
  size_t group;
  bool acronym;
  bool org;
  bool accepted;     /* a configured form of a known name */
  uint8_t roles;     /* ROLE_NOUN, ROLE_MODIFIER: how the mentions of an abbreviation use it */
  uint8_t n_parts;
  size_t by_role[4]; /* body mentions per role (0: none, the start of a name of its own) */
} vform;

static bool only_first_case_differs(const char *a, const char *b) {
  if (strlen(a) != strlen(b) || !*a) return false;
  if (strcmp(a + 1, b + 1) != 0) return false;
  char x = a[0], y = b[0];
  if (x >= 'A' && x <= 'Z') x = (char)(x + 32);
  if (y >= 'A' && y <= 'Z') y = (char)(y + 32);
  return x == y;
}

/* A form the desk lists for a known name (configuration names.known): accepted, never a finding. */
static bool accepted_form(const cd_doc *doc, const char *s, size_t n) {
  const cd_config *cfg = doc->config;
  if (!cfg) return false;
  for (size_t i = 0; i < cfg->n_names; i++) {
    const cd_name_entry *e = &cfg->names[i];
    if ((e->canonical && strlen(e->canonical) == n && memcmp(e->canonical, s, n) == 0) ||
        cd_strlist_contains_ci(&e->forms, s, n))
      return true;
  }
  return false;
}

/* The length of a space (' ' or a no-break space) or an apostrophe (' or a typographic one) at s;
 * `kind` says which of the two it is. */
static size_t typo_char(const char *s, int *kind) {
  const unsigned char *u = (const unsigned char *)s;
  if (u[0] == ' ') return *kind = 1, 1;
  if (u[0] == 0xC2 && u[1] == 0xA0) return *kind = 1, 2;
  if (u[0] == '\'') return *kind = 2, 1;
  if (u[0] == 0xE2 && u[1] == 0x80 && u[2] == 0x99) return *kind = 2, 3;
  return *kind = 0, 0;
}

/* The texts differ only in the kind of space or apostrophe ("O'Neill", "O’Neill"): typography a
 * CMS or a keyboard chose, not two spellings of the name. */
static bool same_but_typography(const char *a, const char *b) {
  while (*a && *b) {
    int ka, kb;
    size_t na = typo_char(a, &ka), nb = typo_char(b, &kb);
    if (na && nb && ka == kb) {
      a += na;
      b += nb;
      continue;
    }
    if (*a != *b) return false;
    a++;
    b++;
  }
  return *a == *b;
}

/* Two abbreviations of one name in different roles are a style, not a variant: "the USA" as a noun
 * and "U.S. troops" as a modifier. */
static bool roles_overlap(const vform *a, const vform *b) { return (a->roles & b->roles) != 0; }

/* "BEIJING" beside "Beijing": a word of five letters or more set in capitals where the article
 * also writes it as a word is typesetting (a credit line, emphasis), not a second spelling. Short
 * ones may be acronyms written two ways ("NASA", "Nasa"). */
static bool capitals_of_word(const char *caps, const char *word) {
  size_t n = 0;
  for (const char *p = caps; *p; p++) {
    if (*p >= 'a' && *p <= 'z') return false;
    if (*p >= 'A' && *p <= 'Z') n++;
  }
  bool lower = false;
  for (const char *p = word; *p; p++) lower |= *p >= 'a' && *p <= 'z';
  return n >= 5 && lower;
}

static bool variant_pair(const vform *a, const vform *b) {
  if (strcmp(a->text, b->text) == 0 || same_but_typography(a->text, b->text)) return false;
  if (strlen(a->key) < 2 || strlen(b->key) < 2) return false; /* a stray letter: "Ã" */
  if (a->accepted && b->accepted) return false; /* two forms the desk accepts */
  if (strcmp(a->key, b->key) == 0)
    return !only_first_case_differs(a->text, b->text) && !capitals_of_word(a->text, b->text) &&
           !capitals_of_word(b->text, a->text);
  if (a->acronym && b->acronym) return roles_overlap(a, b); /* US / USA */
  if (a->n_parts >= 2 && b->n_parts >= 2 && a->org && b->org) {
    size_t an = strlen(a->key), bn = strlen(b->key);
    if (an + 1 == bn && b->key[an] == 's' && strncmp(a->key, b->key, an) == 0) return true;
    if (bn + 1 == an && a->key[bn] == 's' && strncmp(a->key, b->key, bn) == 0) return true;
  }
  return false;
}

/* The configured house form for this entity, or NULL. */
static const char *preferred_form(const cd_doc *doc, size_t e, const vform *forms, size_t nf) {
  const cd_config *cfg = doc->config;
  if (!cfg || !cfg->preferred_entity.len) return NULL;
  const cd_entity *ent = E(doc, e);
  const char *ck = cd_alias_key(cd_name_key(doc->arena, ent->name, strlen(ent->name)));
  for (size_t i = 0; i < cfg->preferred_entity.len; i++) {
    const char *pe = cfg->preferred_entity.items[i];
    const char *pk = cd_alias_key(cd_name_key(doc->arena, pe, strlen(pe)));
    bool match = strcmp(pk, ck) == 0;
    for (size_t f = 0; f < nf && !match; f++) match = strcmp(cd_alias_key(forms[f].key), pk) == 0;
    if (match) return cfg->preferred_form.items[i];
  }
  return NULL;
}

enum { MAX_FORMS = 24 };

/* The forms of one entity: each mention's name, and for a person named in full also the surname
 * inside the full name ("Brudziński" in "Joachim Brudziński" against a lone "Brudzinski"). */
typedef struct vset {
  vform f[MAX_FORMS + 1];
  size_t n;
} vset;

/* The form written as the n bytes at s, or CD_NONE. */
static size_t find_form(const vset *v, const char *s, size_t n) {
  for (size_t i = 0; i < v->n; i++)
    if (v->f[i].len == n && memcmp(v->f[i].text, s, n) == 0) return i;
  return CD_NONE;
}

/* The form written text[start, end). Asked once per mention: the text is compared in place, and
 * copied into the report only when it is a new form. */
static size_t form_index(const cd_doc *doc, const vset *v, size_t start, size_t end) {
  return find_form(v, doc->text + start, end - start);
}

/* A name before a word or a hyphen modifies it ("U.S. troops", "U.S.-made"); otherwise it is a noun. */
static uint8_t mention_role(const cd_doc *doc, const cd_name_mention *m) {
  if (m->end_tok >= doc_ntok(doc) || m->possessive) return ROLE_NOUN;
  const cd_token *t = doc_tok(doc, m->end_tok);
  bool same_sent = t->sent == doc_tok(doc, m->first_tok)->sent;
  /* "USA Today", "U.S. Army Corps": the abbreviation begins a name of its own, in no role */
  if (m->acronym && t->kind == TOK_WORD && (t->flags & TF_CAP) && same_sent) return 0;
  /* "Florida, US with ...", "the US and ...": a function word after it, so a noun */
  if (t->kind == TOK_WORD && same_sent &&
      (cd_lex_has(CD_LEX_FUNCTION_WORDS, doc->text + t->start, t->len) ||
       cd_lex_has(CD_LEX_PREPOSITIONS, doc->text + t->start, t->len)))
    return ROLE_NOUN;
  if (t->kind == TOK_WORD && same_sent) return ROLE_MODIFIER;
  if (t->kind == TOK_PUNCT && doc->text[t->start] == '-' && t->start == m->span.end) return ROLE_MODIFIER;
  return ROLE_NOUN;
}

/* Copies form x's text out of the document and gives it its key (the same bytes, asked in place:
 * the text's spans have their keys remembered). False when out of memory. */
static bool form_key(cd_doc *doc, vform *x) {
  if (x->key) return true;
  const char *at = x->text;
  const char *t = cd_arena_strndup(doc->arena, at, x->len);
  x->text = t ? t : "";
  const cd_name_mention *m = x->first == CD_NONE ? NULL : M(doc, x->first);
  cd_span s = x->first_span;
  if (!m || x->len != s.end - s.start) /* not a mention's span's bytes (a NUL inside) */
    x->key = cd_doc_name_key(doc, at, x->len);
  else if (s.start == m->name.start && s.end == m->name.end)
    x->key = name_key(doc, m);
  else if (s.start == m->surname.start && s.end == m->surname.end)
    x->key = surname_key(doc, m);
  else
    x->key = cd_doc_name_key(doc, at, x->len);
  return x->key != NULL;
}

static void add_form(cd_doc *doc, vset *v, const cd_name_mention *m, size_t mi, cd_span32 span, uint8_t parts) {
  size_t f = form_index(doc, v, span.start, span.end);
  if (f == CD_NONE) {
    if (v->n == MAX_FORMS) return;
    vform *x = &v->f[v->n];
    /* the text in place, up to a NUL as its copy would be; copied and keyed (form_keys) only when
     * the entity has a second form: most have one */
    x->text = doc->text + span.start;
    x->len = strnlen(x->text, span.end - span.start);
    x->key = NULL;
    x->first = mi;
    x->first_span = (cd_span){span.start, span.end};
    if (x->len != span.end - span.start && !form_key(doc, x)) return; /* not the span the entities pass keyed */
    x->count = 0;
    x->acronym = m->acronym;
    x->org = m->org_hint;
    x->accepted = accepted_form(doc, x->text, x->len);
    x->n_parts = parts;
    x->roles = 0;
    memset(x->by_role, 0, sizeof x->by_role);
    x->group = v->n;
    f = v->n++;
  }
  v->f[f].count++;
  if (!v->f[f].acronym) return; /* roles are asked of abbreviations only */
  uint8_t role = mention_role(doc, m);
  v->f[f].roles |= role;
  v->f[f].by_role[role]++;
}

/* A form used this often against another is a mixed style: one finding at its first use names the
 * others and fixes them all, instead of a warning at each. */
enum { MIXED_USES = 3 };

typedef struct mixed_state {
  size_t diag[MAX_FORMS + 1]; /* per form: its one finding (index in doc->diags), or CD_NONE */
  cd_fix *fix[MAX_FORMS + 1];
} mixed_state;

static void report_variant(cd_doc *doc, size_t e, const vset *v, size_t f, size_t target, bool house, cd_span32 span,
                           mixed_state *mx) {
  const vform *t = &v->f[target];
  const char *txt = v->f[f].text;
  bool mixed = v->f[f].count >= MIXED_USES;
  if (mixed && mx->diag[f] != CD_NONE) {
    cd_diagnostic *d = CD_VEC_AT(&doc->diags, cd_diagnostic, mx->diag[f]);
    cd_diag_add_related(doc, d, span.start, span.end, cd_arena_printf(doc->arena, "'%s' is used here too", txt));
    if (mx->fix[f]) cd_fix_add_edit(doc, mx->fix[f], span.start, span.end, t->text);
    return;
  }
  const char *msg;
  if (mixed && !house)
    msg = cd_arena_printf(doc->arena,
                          "'%s' (%zu times) and '%s' (%zu times) are %s. Write '%s' throughout.", txt,
                          v->f[f].count, t->text, t->count,
                          strcmp(v->f[f].key, t->key) != 0 && v->f[f].acronym && t->acronym
                              ? "two abbreviations of one name"
                              : "the same name written two ways",
                          t->text);
  else if (house)
    msg = cd_arena_printf(doc->arena, "'%s' is written '%s' in house style%s. Write '%s'.", txt, t->text,
                          t->count ? " and elsewhere in this article" : "", t->text);
  else
    msg = cd_arena_printf(doc->arena,
                          "'%s' and '%s' are %s. Write '%s' as elsewhere (used %zu time%s).", txt, t->text,
                          strcmp(v->f[f].key, t->key) != 0 && v->f[f].acronym && t->acronym
                              ? "two abbreviations of one name"
                              : "the same name written two ways",
                          t->text, t->count, t->count == 1 ? "" : "s");
  cd_diagnostic *d = cd_doc_add_diag(doc, "name.variant", span.start, span.end, msg);
  d->entity = e;
  if (t->first != CD_NONE)
    cd_diag_add_related(doc, d, t->first_span.start, t->first_span.end,
                        cd_arena_printf(doc->arena, "'%s' is used here", t->text));
  cd_fix *fx = cd_diag_add_fix(doc, d,
                               mixed ? cd_arena_printf(doc->arena, "Change every '%s' to '%s'", txt, t->text)
                                     : cd_arena_printf(doc->arena, "Change '%s' to '%s'", txt, t->text),
                               true);
  if (fx) cd_fix_add_edit(doc, fx, span.start, span.end, t->text);
  if (mixed) {
    mx->diag[f] = doc->diags.len - 1;
    mx->fix[f] = fx;
  }
}

/* How often form f is used in a role another form of its group is used in too. Between two
 * abbreviations used equally often, the one written more often where they clash is the one to keep
 * ("US space program" beside two "U.S. flag", with "Florida, US" as a noun). Other forms: all
 * their uses. */
static size_t shared_role_uses(const vset *v, size_t f) {
  const vform *x = &v->f[f];
  uint8_t others = 0;
  bool abbreviated = false; /* another abbreviation in the group */
  for (size_t k = 0; k < v->n; k++) {
    if (k == f || v->f[k].group != x->group || !v->f[k].acronym) continue;
    others |= v->f[k].roles;
    abbreviated = true;
  }
  if (!x->acronym || !abbreviated) return x->count;
  size_t n = 0;
  for (uint8_t r = 1; r < 4; r++)
    if (r & others) n += x->by_role[r];
  return n;
}

static size_t accented_letters(const char *s) {
  size_t n = 0;
  for (; *s; s++) n += (*s & 0xC0) == 0xC0; /* a multi-byte character's first byte */
  return n;
}

/* Of two forms used equally often, the one to keep: the one with its accents ("Peña" beside
 * "Pena": accents are lost by keyboards and systems, never added by chance), else the first used. */
static bool better_tie(const vform *a, const vform *b) {
  if (strcmp(a->key, b->key) == 0) {
    size_t aa = accented_letters(a->text), ba = accented_letters(b->text);
    if (aa != ba) return aa > ba;
  }
  return a->first < b->first;
}

static void variant_entity(names_ctx *c, size_t e, const size_t *mentions, size_t n) {
  cd_doc *doc = c->doc;
  vset v;
  v.n = 0;
  bool person = E(doc, e)->kind == CD_ENTITY_PERSON;
  const cd_config *cfg = doc->config;
  if (n == 1 && !(cfg && cfg->preferred_entity.len)) { /* one mention: one form, unless a surname is another */
    const cd_name_mention *m = M(doc, mentions[0]);
    if (!(person && m->n_parts >= 2 && m->surname.start > m->name.start)) return;
  }
  for (size_t k = 0; k < n; k++) {
    const cd_name_mention *m = M(doc, mentions[k]);
    if (!body(c, m)) continue;
    add_form(doc, &v, m, mentions[k], m->name, m->n_parts);
    if (person && m->n_parts >= 2 && m->surname.start > m->name.start)
      add_form(doc, &v, m, mentions[k], m->surname, 1);
  }
  if (v.n < 2 && !(cfg && cfg->preferred_entity.len)) return; /* one form, and no house form */
  for (size_t f = 0; f < v.n; f++)
    if (!form_key(doc, &v.f[f])) return;
  const char *pref = preferred_form(doc, e, v.f, v.n);
  size_t pref_idx = CD_NONE;
  if (pref) {
    size_t f = find_form(&v, pref, strlen(pref));
    if (f == CD_NONE) { /* the house form, not used in the article: a virtual form */
      vform *x = &v.f[v.n];
      x->text = pref;
      x->len = strlen(pref);
      x->key = cd_doc_name_key(doc, pref, strlen(pref));
      if (!x->key) return;
      x->count = 0;
      x->first = CD_NONE;
      x->acronym = true;
      for (const char *p = pref; *p; p++)
        if (*p >= 'a' && *p <= 'z') x->acronym = false;
      x->n_parts = 1;
      x->org = false;
      x->accepted = false;
      x->roles = ROLE_NOUN | ROLE_MODIFIER;
      memset(x->by_role, 0, sizeof x->by_role);
      x->group = v.n;
      f = v.n++;
    }
    pref_idx = f;
  }
  if (v.n < 2) return;
  mixed_state mx;
  for (size_t f = 0; f <= MAX_FORMS; f++) {
    mx.diag[f] = CD_NONE;
    mx.fix[f] = NULL;
  }
  if (pref_idx != CD_NONE && !person) {
    /* a configured house form: every other form of this name is written the house way */
    for (size_t k = 0; k < n; k++) {
      const cd_name_mention *m = M(doc, mentions[k]);
      if (!body(c, m)) continue;
      size_t f = form_index(doc, &v, m->name.start, m->name.end);
      if (f != CD_NONE && f != pref_idx) report_variant(doc, e, &v, f, pref_idx, true, m->name, &mx);
    }
    return;
  }
  /* groups: forms linked by the variant relation (tiny sets: pairwise is fine) */
  bool linked = false;
  for (size_t a = 0; a < v.n; a++)
    for (size_t b = a + 1; b < v.n; b++)
      if (variant_pair(&v.f[a], &v.f[b])) {
        linked = true;
        size_t ga = v.f[a].group, gb = v.f[b].group;
        if (ga == gb) continue;
        for (size_t x = 0; x < v.n; x++)
          if (v.f[x].group == gb) v.f[x].group = ga;
      }
  if (!linked) return;
  size_t target_of[MAX_FORMS + 1], weight[MAX_FORMS + 1];
  for (size_t f = 0; f < v.n; f++) weight[f] = shared_role_uses(&v, f);
  for (size_t g = 0; g < v.n; g++) {
    size_t members = 0, target = CD_NONE;
    for (size_t f = 0; f < v.n; f++) {
      if (v.f[f].group != g) continue;
      members++;
      if (pref_idx == f) {
        target = f;
      } else if (target == CD_NONE ||
                 (pref_idx != target &&
                  (v.f[f].count > v.f[target].count ||
                   (v.f[f].count == v.f[target].count &&
                    (weight[f] > weight[target] || (weight[f] == weight[target] && better_tie(&v.f[f], &v.f[target]))))))) {
        target = f;
      }
    }
    target_of[g] = members >= 2 ? target : CD_NONE;
  }
  for (size_t k = 0; k < n; k++) {
    const cd_name_mention *m = M(doc, mentions[k]);
    if (!body(c, m)) continue;
    size_t f = form_index(doc, &v, m->name.start, m->name.end);
    if (f != CD_NONE && target_of[v.f[f].group] != CD_NONE && target_of[v.f[f].group] != f) {
      size_t t = target_of[v.f[f].group];
      /* "Florida, US" beside "U.S. troops" and "US space program": only the modifier clashes */
      if (v.f[f].acronym && v.f[t].acronym && strcmp(v.f[f].key, v.f[t].key) != 0 &&
          !(mention_role(doc, m) & v.f[t].roles))
        continue;
      report_variant(doc, e, &v, f, t, t == pref_idx, m->name, &mx);
      continue;
    }
    if (person && m->n_parts >= 2 && m->surname.start > m->name.start) {
      f = form_index(doc, &v, m->surname.start, m->surname.end);
      if (f != CD_NONE && target_of[v.f[f].group] != CD_NONE && target_of[v.f[f].group] != f) {
        size_t t = target_of[v.f[f].group];
        report_variant(doc, e, &v, f, t, t == pref_idx, m->surname, &mx);
      }
    }
  }
}

/* ---- name.courtesy-title --------------------------------------------- */

static void title_word(const cd_doc *doc, const cd_name_mention *m, size_t *s, size_t *e);

static bool title_has_period(const cd_doc *doc, const cd_name_mention *m) {
  return m->title.end > m->title.start && doc->text[m->title.end - 1] == '.';
}

/* The courtesy title word of a mention ("Mr", without a full stop). */
static const char *courtesy_word(cd_doc *doc, const cd_name_mention *m) {
  size_t e = m->title.end;
  while (e > m->title.start && doc->text[e - 1] == '.') e--;
  size_t s = e;
  while (s > m->title.start && doc->text[s - 1] != ' ') s--;
  return slice(doc, s, e);
}

/* The mention's one word is `key` (no key: any word). */
static bool same_word(names_ctx *c, const cd_name_mention *m, const char *key) {
  if (!key) return true;
  const char *k = tok_key(c, m->end_tok - 1, m->name.end);
  return k == key; /* both interned */
}

/* A lone surname that may name someone else: two people named in full share it, or a company is
 * named after it in the article ("Bloomberg L.P." beside "Mr. Bloomberg"). */
static bool shared_word(names_ctx *c, const cd_name_mention *m, const cd_strmap *shared) {
  const char *k = tok_key(c, m->end_tok - 1, m->name.end);
  return k && (cd_strmap_get(shared, k) != CD_NONE || cd_strmap_get(c->org_words, k) != CD_NONE);
}

/* "Miss Universe": a courtesy title before an ordinary word names a thing, unless the article gives
 * the word as part of someone's name ("Emmanuel Macron", "Mr Macron"). */
static bool courtesy_on_name(const names_ctx *c, const cd_name_mention *m) {
  if (!m->courtesy) return false;
  cd_doc *doc = c->doc;
  /* asked of one person's mentions again and again (its title, its counts, its findings) */
  uint8_t *memo = &c->on_name[m - M(doc, 0)];
  if (*memo) return *memo == 2;
  const char *w = doc->text + m->name.start;
  size_t n = m->name.end - m->name.start;
  const char *key = name_key(doc, m);
  bool on = key && (!cd_is_common_word(w, n) || cd_doc_key_proper(doc, key) ||
                    (c->multi_words && cd_strmap_get(c->multi_words, key) != CD_NONE));
  *memo = on ? 2 : 1;
  return on;
}

/* "Fishermen in Haverlo gave the ruling a welcome", before "the Haverlo Fishermen's
 * Cooperative": an ordinary word that opens its sentence has its capital from where it stands. */
static bool common_word_opening(cd_doc *doc, const cd_name_mention *m) {
  const cd_sentence *s = CD_VEC_AT(&doc->sentences, cd_sentence, m->sent);
  size_t f = s->first_tok;
  while (f < m->first_tok && doc_tok(doc, f)->kind == TOK_MARK) f++;
  if (f != m->first_tok || m->title.start != CD_NONE32 ||
      !cd_is_common_word(doc->text + m->name.start, m->name.end - m->name.start))
    return false;
  const char *key = name_key(doc, m);
  return key && !cd_doc_key_proper(doc, key);
}

/* "a formidable woman called Mrs Pike": someone brought in by what they were called, as a letter
 * or a memoir remembers them; the full name is not to be had. An indefinite article within three
 * words before "called" or "named" (not "The council named Mr Hale"). */
static bool called_by(const cd_doc *doc, const cd_name_mention *m) {
  size_t f = m->first_tok;
  if (f < 3) return false;
  const cd_token *v = doc_tok(doc, f - 1);
  const char *vs = doc->text + v->start;
  if (v->kind != TOK_WORD || !(CD_WORD_IS(vs, v->len, "called") || CD_WORD_IS(vs, v->len, "named"))) return false;
  for (size_t k = f - 1; k > 0 && f - 1 - k < 3; k--) {
    const cd_token *t = doc_tok(doc, k - 1);
    if (t->kind != TOK_WORD || t->sent != v->sent) return false;
    const char *ts = doc->text + t->start;
    if (CD_WORD_IS(ts, t->len, "a") || CD_WORD_IS(ts, t->len, "an")) return true;
    if (!(t->flags & TF_LOWER)) return false;
  }
  return false;
}

/* "Mrs Justice Ashcombe", "Mr Justice Hale", "Lord Justice Bean": how an English judge is named,
 * the full reference there is. */
static bool judge_styled(const cd_doc *doc, const cd_name_mention *m) {
  if (m->title.start == CD_NONE32) return false;
  const char *t = doc->text + m->title.start;
  size_t n = m->title.end - m->title.start;
  if (n < 8 || memcmp(t + n - 7, "Justice", 7) != 0) return false;
  static const char *const LEADS[] = {"Mr", "Mr.", "Mrs", "Mrs.", "Ms", "Ms.", "Lord", "Lady", NULL};
  for (size_t k = 0; LEADS[k]; k++) {
    size_t l = strlen(LEADS[k]);
    if (n == l + 8 && memcmp(t, LEADS[k], l) == 0 && t[l] == ' ') return true;
  }
  return false;
}

/* A word of a clause's frame or a verb of saying: "for Trump", "Trump said". */
static bool clause_word(const cd_doc *doc, const cd_token *t) {
  const char *w = doc->text + t->start;
  size_t n = t->len;
  return cd_lex_has(CD_LEX_CLAUSE_WORDS, w, n) || cd_lex_has(CD_LEX_SPEECH_VERBS, w, n) ||
         cd_lex_has(CD_LEX_IRREGULAR_PAST_VERBS, w, n) ||
         cd_lex_has(CD_LEX_SPEECH_PARTICIPLES, w, n) || cd_lex_has(CD_LEX_STANCE_VERBS, w, n) ||
         (n > 3 && w[n - 2] == 'e' && w[n - 1] == 'd');
}

/* A lone word that refers to the person, in running text: not a modifier ("the Trump campaign",
 * "a key Clinton supporter"), not the tail of a name the chunker split ("Billy Bush"), not a
 * possessor's thing ("Brolin's Mannix"), not a number's label ("Bush 45"). */
/* The word before the mention, back to the space, begins with a capital and ends in a letter:
 * the mention is the tail of a longer name, whatever the tokens made of that word ("TomÃ¡s
 * Regalado", a given name whose accent was garbled by a wrong encoding). */
static bool after_capital_word(const cd_doc *doc, const cd_name_mention *m) {
  size_t e = m->span.start;
  if (e < 2 || doc->text[e - 1] != ' ') return false;
  unsigned char last = (unsigned char)doc->text[e - 2];
  if (!((last >= 'a' && last <= 'z') || last >= 0x80)) return false;
  size_t s = e - 1;
  while (s > 0 && doc->text[s - 1] != ' ' && doc->text[s - 1] != '\n' && doc->text[s - 1] != '\t') s--;
  return doc->text[s] >= 'A' && doc->text[s] <= 'Z' && s + 1 < e - 1;
}

static bool lone_reference(const cd_doc *doc, const cd_name_mention *m) {
  if (attributive(doc, m) || after_capital_word(doc, m)) return false;
  if (m->first_tok > 0) {
    const cd_token *p = doc_tok(doc, m->first_tok - 1);
    bool same_sent = p->sent == doc_tok(doc, m->first_tok)->sent;
    if (same_sent && p->kind == TOK_WORD && (p->flags & TF_CAP) && cd_tok_end(p) == m->span.start - 1) return false;
    if (same_sent && p->kind == TOK_WORD && (p->flags & TF_LOWER) && m->first_tok > 1 && p->len == 1 &&
        doc->text[p->start] == 's' && doc_tok(doc, m->first_tok - 2)->kind == TOK_MARK)
      return false;
  }
  if (m->end_tok >= doc_ntok(doc) || m->possessive) return true;
  const cd_token *nx = doc_tok(doc, m->end_tok);
  if (nx->kind == TOK_NUMBER) return false;
  /* "older Trump biographies", "the Francis versus Trump dynamic": a lower-case word after the
   * surname must be one of a clause's frame or a verb, or the surname may be a modifier. A courtesy
   * title says a person is meant ("Mr Putin warning"), whatever follows. */
  if (!m->courtesy && nx->kind == TOK_WORD && (nx->flags & TF_LOWER) && nx->sent == doc_tok(doc, m->first_tok)->sent)
    return clause_word(doc, nx);
  return true;
}

/* The courtesy title as the article writes it ("Mr." where it has a full stop), for messages
 * that quote the text. */
static const char *courtesy_as_written(cd_doc *doc, const cd_name_mention *m) {
  size_t s = m->title.end;
  while (s > m->title.start && doc->text[s - 1] == '.') s--;
  while (s > m->title.start && doc->text[s - 1] != ' ') s--;
  return slice(doc, s, m->title.end);
}

/* The titled word of one person: only the same word without the title is compared ("Mr. Cruz" and
 * "Cruz", not "Ted", nor "Mrs. Brennan" and the husband's "Brennan" when the wife's title differs). */
static const char *titled_key(names_ctx *c, const size_t *mentions, size_t n) {
  const char *tkey = NULL;
  for (size_t k = 0; k < n && !tkey; k++) {
    const cd_name_mention *m = M(c->doc, mentions[k]);
    if (m->courtesy && m->n_parts == 1 && courtesy_on_name(c, m) && body(c, m)) tkey = tok_key(c, m->end_tok - 1, m->name.end);
  }
  return tkey;
}

/* A lone reference to the person that counts for the courtesy-title finding: with a title on a
 * name, or plainly by a surname nobody else shares. */
static bool courtesy_counted(names_ctx *c, const cd_name_mention *m, const char *tkey, const cd_strmap *shared) {
  if (!body(c, m) || m->job_title || m->n_parts != 1 || !same_word(c, m, tkey) || !lone_reference(c->doc, m))
    return false;
  /* "whose agency, Fenton, made the ads": the word names a firm there, not the person */
  if (m->org_hint && !m->courtesy) return false;
  if (m->courtesy) return courtesy_on_name(c, m);
  return !shared_word(c, m, shared);
}

/* The article's own style, from every person's lone references: titled and plain ones. */
static void courtesy_totals(names_ctx *c, const size_t *order, const size_t *start, const cd_strmap *shared) {
  cd_doc *doc = c->doc;
  for (size_t e = 0; e < doc->entities.len; e++) {
    if (c->ignored[e] || E(doc, e)->kind != CD_ENTITY_PERSON) continue;
    const size_t *ms = order + start[e];
    size_t n = start[e + 1] - start[e];
    const char *tkey = c->titled[e] = titled_key(c, ms, n);
    for (size_t k = 0; k < n; k++) {
      const cd_name_mention *m = M(doc, ms[k]);
      if (!(c->counted[ms[k]] = courtesy_counted(c, m, tkey, shared))) continue;
      if (m->courtesy) c->titled_refs++;
      else c->plain_refs++;
    }
  }
}

static void courtesy_entity(names_ctx *c, size_t e, const size_t *mentions, size_t n, const cd_strmap *shared) {
  cd_doc *doc = c->doc;
  cd_courtesy_style style = doc->config ? doc->config->courtesy : CD_COURTESY_ANY;
  size_t n_with = 0, n_without = 0, first_with = CD_NONE, first_without = CD_NONE;
  const char *title = NULL;
  const char *tkey = c->titled[e]; /* courtesy_totals asked it of every person not ignored */
  for (size_t k = 0; k < n; k++) {
    const cd_name_mention *m = M(doc, mentions[k]);
    if (m->courtesy && !title && courtesy_on_name(c, m)) title = courtesy_as_written(doc, m);
    if (!body(c, m) || m->job_title) continue;
    if (style == CD_COURTESY_NONE && m->courtesy) {
      cd_diagnostic *d = cd_doc_add_diag(
          doc, "name.courtesy-title", m->span.start, m->span.end,
          cd_arena_printf(doc->arena, "House style uses no courtesy titles. Write '%s' without '%s'.",
                          name_text(doc, m), courtesy_word(doc, m)));
      d->entity = e;
      cd_fix *fx = cd_diag_add_fix(doc, d, cd_arena_printf(doc->arena, "Drop '%s'", courtesy_word(doc, m)), true);
      if (fx) cd_fix_add_edit(doc, fx, m->span.start, m->name.start, "");
      continue;
    }
    /* alone, a surname two people named in full share may be either of them */
    if (!c->counted[mentions[k]]) continue; /* courtesy_totals asked it with the same tkey */
    if (m->courtesy) {
      if (!n_with++) first_with = mentions[k];
    } else {
      if (!n_without++) first_without = mentions[k];
    }
  }
  if (style == CD_COURTESY_NONE) return;
  bool report_without;
  if (style == CD_COURTESY_ANY) {
    if (!n_with || !n_without) return;
    /* the majority is the person's style; on a tie, the article's with everyone else ("Mr. Hale"
     * once beside "Hale" once, where nobody else has a title), then the form used first */
    size_t others_with = c->titled_refs - n_with, others_without = c->plain_refs - n_without;
    report_without = n_with > n_without ||
                     (n_with == n_without && (others_with > others_without ||
                                              (others_with == others_without && first_with < first_without)));
  } else {
    if (!n_without) return;
    report_without = true;
  }
  for (size_t k = 0; k < n; k++) {
    const cd_name_mention *m = M(doc, mentions[k]);
    if (!body(c, m) || m->job_title || m->n_parts != 1 || !same_word(c, m, tkey) || !lone_reference(doc, m)) continue;
    if (m->courtesy == report_without || (m->courtesy && !courtesy_on_name(c, m))) continue;
    if (!m->courtesy && shared_word(c, m, shared)) continue;
    const char *name = name_text(doc, m);
    cd_diagnostic *d;
    if (report_without && !title) {
      /* the article never gives this person a title: offer the common ones */
      d = cd_doc_add_diag(doc, "name.courtesy-title", m->span.start, m->span.end,
                          cd_arena_printf(doc->arena,
                                          "House style gives the courtesy title %s. Write 'Mr %s', 'Ms %s' "
                                          "or 'Dr %s'.",
                                          style == CD_COURTESY_ALWAYS ? "on every reference"
                                                                      : "after the first reference",
                                          name, name, name));
      static const char *const TITLES[] = {"Mr", "Ms", "Mrs", "Dr"};
      for (size_t x = 0; x < sizeof TITLES / sizeof TITLES[0]; x++) {
        cd_fix *fx = cd_diag_add_fix(doc, d, cd_arena_printf(doc->arena, "Add '%s'", TITLES[x]), false);
        if (fx) cd_fix_add_edit(doc, fx, m->name.start, m->name.start, cd_arena_printf(doc->arena, "%s ", TITLES[x]));
      }
    } else if (report_without) {
      const char *with = cd_arena_printf(doc->arena, "%s %s", title, name);
      d = cd_doc_add_diag(
          doc, "name.courtesy-title", m->span.start, m->span.end,
          style == CD_COURTESY_ANY
              ? cd_arena_printf(doc->arena,
                                "'%s' is '%s' %zu time%s elsewhere. Write '%s' as elsewhere, or drop the "
                                "title everywhere.",
                                name, with, n_with, n_with == 1 ? "" : "s", with)
              : cd_arena_printf(doc->arena, "House style gives the courtesy title %s. Write '%s'.",
                                style == CD_COURTESY_ALWAYS ? "on every reference" : "after the first reference",
                                with));
      if (first_with != CD_NONE) {
        const cd_name_mention *o = M(doc, first_with);
        cd_diag_add_related(doc, d, o->span.start, o->span.end, cd_arena_printf(doc->arena, "'%s' here", with));
      }
      cd_fix *fx = cd_diag_add_fix(doc, d, cd_arena_printf(doc->arena, "Add '%s'", title), true);
      if (fx) cd_fix_add_edit(doc, fx, m->name.start, m->name.start, cd_arena_printf(doc->arena, "%s ", title));
    } else {
      const char *cw = courtesy_as_written(doc, m);
      d = cd_doc_add_diag(doc, "name.courtesy-title", m->span.start, m->span.end,
                          cd_arena_printf(doc->arena,
                                          "'%s %s' here, but plain '%s' %zu time%s elsewhere. Write '%s' as "
                                          "elsewhere, or give the title everywhere.",
                                          cw, name, name, n_without, n_without == 1 ? "" : "s", name));
      if (first_without != CD_NONE) {
        const cd_name_mention *o = M(doc, first_without);
        cd_diag_add_related(doc, d, o->name.start, o->name.end, cd_arena_printf(doc->arena, "'%s' here", name));
      }
      cd_fix *fx = cd_diag_add_fix(doc, d, cd_arena_printf(doc->arena, "Drop '%s'", cw), true);
      if (fx) cd_fix_add_edit(doc, fx, m->span.start, m->name.start, "");
    }
    d->entity = e;
  }
}

/* A courtesy title that is written with or without a full stop by house style: not "Miss", which
 * never takes one ("Miss." is Mississippi), nor a title before an ordinary word ("Miss Universe"). */
static bool period_varies(const names_ctx *c, const cd_name_mention *m) {
  const cd_doc *doc = c->doc;
  size_t s, e;
  title_word(doc, m, &s, &e);
  /* (India's Smt., Kum. and Shri go their own way: "Dr Saxena" beside "Smt. Yadav" is one style) */
  return !CD_WORD_IS(doc->text + s, e - s, "miss") && !CD_WORD_IS(doc->text + s, e - s, "smt") &&
         !CD_WORD_IS(doc->text + s, e - s, "kum") && !CD_WORD_IS(doc->text + s, e - s, "shri") && courtesy_on_name(c, m);
}

/* "Mr" and "Mr." in one article. */
static void title_periods(names_ctx *c) {
  cd_doc *doc = c->doc;
  size_t n_dot = 0, n_plain = 0, first_dot = CD_NONE, first_plain = CD_NONE;
  for (size_t i = 0; i < doc->mentions.len; i++) {
    const cd_name_mention *m = M(doc, i);
    if (!body(c, m) || !m->courtesy || !period_varies(c, m)) continue;
    if (m->entity != CD_NONE && c->ignored[m->entity]) continue;
    if (title_has_period(doc, m)) {
      if (!n_dot++) first_dot = i;
    } else {
      if (!n_plain++) first_plain = i;
    }
  }
  int want = doc->config ? doc->config->title_period : -1;
  if (want < 0) {
    if (!n_dot || !n_plain) return;
    want = n_dot > n_plain || (n_dot == n_plain && first_dot < first_plain);
  }
  for (size_t i = 0; i < doc->mentions.len; i++) {
    const cd_name_mention *m = M(doc, i);
    if (!body(c, m) || !m->courtesy || !period_varies(c, m) || title_has_period(doc, m) == (want == 1)) continue;
    if (m->entity != CD_NONE && c->ignored[m->entity]) continue;
    const char *w = courtesy_word(doc, m);
    size_t other = want == 1 ? first_dot : first_plain;
    const char *msg =
        other != CD_NONE
            ? cd_arena_printf(doc->arena, "'%s' here, '%s%s' elsewhere. Write '%s%s' as elsewhere.",
                              slice(doc, m->title.start, m->title.end), w, want ? "." : "", w, want ? "." : "")
            : cd_arena_printf(doc->arena, "House style writes '%s%s'.", w, want ? "." : "");
    cd_diagnostic *d = cd_doc_add_diag(doc, "name.courtesy-title", m->span.start, m->span.end, msg);
    d->entity = m->entity;
    if (other != CD_NONE) {
      const cd_name_mention *o = M(doc, other);
      cd_diag_add_related(doc, d, o->title.start, o->title.end, "the other form is used here");
    }
    cd_fix *fx = cd_diag_add_fix(doc, d, want ? "Add the full stop" : "Drop the full stop", true);
    if (!fx) continue;
    if (want)
      cd_fix_add_edit(doc, fx, m->title.end, m->title.end, ".");
    else
      cd_fix_add_edit(doc, fx, m->title.end - 1, m->title.end, "");
  }
}

/* ---- first references ------------------------------------------------ */

/* "WalesOnline", "Wikinews", "PolitiFact": a capital inside the word (other than Mc, Mac, O', De, Di,
 * La, Le) or a media ending makes a one-word name an outlet or a brand, not a surname. */
static bool org_shaped(const char *w, size_t n, const char *key) {
  static const char *const PREFIXES[] = {"Mc", "Mac", "O'", "O\xE2\x80\x99", "De", "Di", "Da", "La", "Le", "Du", "Van", "Von", "Fitz", NULL};
  for (size_t i = 1; i < n; i++) {
    if (!(w[i] >= 'A' && w[i] <= 'Z')) continue;
    bool ok = false;
    for (const char *const *p = PREFIXES; *p && !ok; p++) ok = strlen(*p) == i && strncmp(w, *p, i) == 0;
    if (!ok) return true;
  }
  static const char *const ENDINGS[] = {"news", "online", "times", "post", "daily", "today", "tv", "radio",
                                        "media", "press", "wire", "net", "com", NULL};
  size_t kn = strlen(key);
  for (const char *const *e = ENDINGS; *e; e++) {
    size_t en = strlen(*e);
    if (kn > en && strcmp(key + kn - en, *e) == 0) return true;
  }
  return false;
}

/* The last word of a mention's title, without a full stop. */
static void title_word(const cd_doc *doc, const cd_name_mention *m, size_t *s, size_t *e) {
  *e = m->title.end;
  while (*e > m->title.start && doc->text[*e - 1] == '.') (*e)--;
  *s = *e;
  while (*s > m->title.start && doc->text[*s - 1] != ' ') (*s)--;
}

/* "Mr Macierewicz", "President Trump": a title that says a surname follows. Not "MS Although",
 * "General Assembly", "Foreign Affairs", "Captain America". */
static bool strong_title(const cd_doc *doc, const cd_name_mention *m) {
  if (m->title.start == CD_NONE32 || m->n_parts != 1 || m->acronym || m->org_hint) return false;
  size_t s, e;
  title_word(doc, m, &s, &e);
  if (e <= s) return false;
  const cd_token *tt = NULL;
  for (size_t i = m->first_tok; i < m->end_tok; i++)
    if (doc_tok(doc, i)->start == s) tt = doc_tok(doc, i);
  if (!tt || (tt->flags & TF_ALLCAPS)) return false;
  if (!(m->courtesy || cd_is_person_title(doc->text + s, e - s))) return false;
  const char *w = doc->text + m->name.start;
  size_t n = m->name.end - m->name.start;
  const cd_token *nt = doc_tok(doc, m->end_tok - 1);
  if (nt->flags & TF_ALLCAPS) return false;
  const char *key = cd_name_key(doc->arena, w, n);
  return (!cd_is_common_word(w, n) || (key && cd_is_proper_word(key))) && !cd_is_job_title(w, n) &&
         !cd_is_not_person_word(w, n) && !cd_is_calendar_word(w, n);
}

/* "professor Hale", "senator Okafor": a role in lower case right before a lone capitalised word
 * says a person is meant, as a capitalised title would. */
static bool role_before(const cd_doc *doc, const cd_name_mention *m) {
  if (m->title.start != CD_NONE32 || m->n_parts != 1 || m->acronym || m->org_hint || m->first_tok == 0) return false;
  const cd_token *p = doc_tok(doc, m->first_tok - 1), *t = doc_tok(doc, m->first_tok);
  if (p->kind != TOK_WORD || !(p->flags & TF_LOWER) || p->sent != t->sent || (t->flags & TF_ALLCAPS)) return false;
  if (!cd_is_person_title(doc->text + p->start, p->len)) return false;
  /* "prime minister John Major": the name runs on past the mention */
  if (m->end_tok < doc_ntok(doc)) {
    const cd_token *nx = doc_tok(doc, m->end_tok);
    if (nx->kind == TOK_WORD && (nx->flags & TF_CAP) && nx->sent == t->sent) return false;
  }
  const char *w = doc->text + m->name.start;
  size_t n = m->name.end - m->name.start;
  /* a capitalised word after a lower-case role is a name even when it is also a word ("Hale") */
  return !cd_is_job_title(w, n) && !cd_is_person_title(w, n) && !cd_is_not_person_word(w, n) &&
         !cd_is_calendar_word(w, n);
}

/* "President Obama", "former President Carter": a current or former U.S. president by title and
 * surname, which house styles that allow it (cd_config_set_presidents_by_title; AP style since 2008
 * does not) take for a first reference, when the surname names one president only
 * (us_presidents.txt). The title is "President", with nothing before it but "former", "late",
 * "then" or "U.S." (not "Vice President Biden"), or a lower-case "president" right before the
 * name ("former president Carter"). */
static bool president_by_title(cd_doc *doc, const cd_name_mention *m) {
  if (m->n_parts != 1 || m->acronym) return false;
  static const char *const BEFORE[] = {"former", "late", "then", "u.s.", "us", NULL};
  if (m->title.start != CD_NONE32) {
    size_t s, e;
    title_word(doc, m, &s, &e);
    if (!CD_WORD_IS(doc->text + s, e - s, "president")) return false;
    for (size_t i = m->first_tok; i < m->end_tok && doc_tok(doc, i)->start < s; i++) {
      const cd_token *t = doc_tok(doc, i);
      if (t->kind != TOK_WORD || !cd_word_in(doc->text + t->start, t->len, BEFORE)) return false;
    }
  } else {
    if (m->first_tok == 0) return false;
    const cd_token *p = doc_tok(doc, m->first_tok - 1), *t = doc_tok(doc, m->first_tok);
    if (p->kind != TOK_WORD || p->sent != t->sent || !CD_WORD_IS(doc->text + p->start, p->len, "president"))
      return false;
    /* not "Vice president Biden", "vice president Biden", "Student Body president Lind" */
    const cd_token *pp = m->first_tok >= 2 ? doc_tok(doc, m->first_tok - 2) : NULL;
    if (pp && pp->kind == TOK_WORD && pp->sent == t->sent && !cd_word_in(doc->text + pp->start, pp->len, BEFORE) &&
        (!(pp->flags & TF_LOWER) || CD_WORD_IS(doc->text + pp->start, pp->len, "vice")))
      return false;
  }
  const char *key = name_key(doc, m);
  return key && cd_lex_has(CD_LEX_US_PRESIDENTS, key, strlen(key));
}

/* president_by_title, where house style takes it for a first reference. */
static bool president_named(cd_doc *doc, const cd_name_mention *m) {
  return doc->config && doc->config->presidents_by_title && president_by_title(doc, m);
}

/* Given names that are ordinary words too and are in neither list of given names: "Will Hurd",
 * "Pat Toomey". */
static const char *const WORD_GIVEN_NAMES[] = {"will", "faith", "dawn", "summer", "rich", "art", "pat", "sandy",
                                               "chase", "hunter", "glen", "dale", "earl", "max", "don", "sue",
                                               "buck", "chip", "rusty", "penny", "ivy", "hazel", "lily", "bud",
                                               "cliff", "drew", "rob", "carol", "june", "april", "august", NULL};

/* A word that may be a given name: no ordinary word, or one the given-name lists have. */
static bool given_name_word(const cd_doc *doc, const cd_token *t) {
  const char *w = doc->text + t->start;
  return !cd_is_common_word(w, t->len) || cd_is_given_name(w, t->len) || cd_word_in(w, t->len, WORD_GIVEN_NAMES);
}

/* Is a name of two parts or more a person's full name, the first reference a lone surname should
 * have come after? Not a people or a faith ("Native Americans", "Rohingya Muslims": the last word a
 * demonym), and not capitalised words all of which but the last are ordinary words no given name
 * is ("Neutral Switzerland", "Closing Dinner", "Super PACs", "For Our Future"); "Engineer Chidera
 * Okonjo" has a given name. */
static bool person_full_name(const cd_doc *doc, const cd_name_mention *m) {
  const cd_token *last = NULL;
  bool given = false;
  for (size_t i = m->first_tok; i < m->end_tok; i++) {
    const cd_token *t = doc_tok(doc, i);
    if (t->kind != TOK_WORD || t->start < m->name.start || t->start >= m->name.end) continue; /* "Trump's" */
    if (last && !given) given = given_name_word(doc, last);
    last = t;
  }
  if (!last) return true;
  const char *lw = doc->text + last->start;
  size_t ln = cd_tok_end(last) > m->name.end ? m->name.end - last->start : last->len; /* "Muslims'" */
  if (cd_is_demonym(lw, ln, (last->flags & TF_ALLCAPS) != 0)) return false;
  return given;
}


/* "the website Politco", "the newspaper Haaretz", "Xinhua, the news agency,": a mention that a
 * noun for a thing introduces or describes names no person. */
static bool named_thing(const cd_doc *doc, const cd_name_mention *m) {
  static const char *const THINGS[] = {"website", "site", "blog", "newspaper", "paper", "magazine", "outlet",
                                       "network", "channel", "station", "firm", "company", "agency", "publication",
                                       "podcast", "app", "group", "organization", "organisation", NULL};
  size_t t = m->first_tok;
  if (t >= 2) {
    const cd_token *w = doc_tok(doc, t - 1);
    if (w->kind == TOK_WORD && w->sent == doc_tok(doc, m->first_tok)->sent &&
        cd_word_in(doc->text + w->start, w->len, THINGS) && article_tok(doc, doc_tok(doc, t - 2)))
      return true;
  }
  /* "an Aeroluna flight", "the Strideline app": a name between an article and a noun for a
   * company's thing is the company's */
  static const char *const PRODUCTS[] = {"aircraft", "airliner", "app", "flight", "flights", "jet", "plane", "shares",
                                         "store", "stores", "website", NULL};
  if (t >= 1 && m->end_tok < doc_ntok(doc) && article_tok(doc, doc_tok(doc, t - 1))) {
    const cd_token *after = doc_tok(doc, m->end_tok);
    if (after->kind == TOK_WORD && (after->flags & TF_LOWER) && cd_word_in(doc->text + after->start, after->len, PRODUCTS))
      return true;
  }
  /* "Xinhua, the official Chinese news agency, wrote": an appositive of a few words after it */
  size_t e = m->end_tok, n = doc_ntok(doc);
  if (e + 2 >= n || doc_tok(doc, e)->kind != TOK_PUNCT || doc->text[doc_tok(doc, e)->start] != ',' ||
      !article_tok(doc, doc_tok(doc, e + 1)))
    return false;
  /* the appositive's head, its last word before a comma or its end: "the official news agency,",
   * not "a network engineer," or "a spokeswoman for the agency," */
  size_t k = e + 2;
  while (k < n && k < e + 7 && doc_tok(doc, k)->kind == TOK_WORD &&
         !cd_lex_has(CD_LEX_PREPOSITIONS, doc->text + doc_tok(doc, k)->start, doc_tok(doc, k)->len))
    k++;
  /* (or before a phrase after it: "the running and cycling app with 40 million users,") */
  if (k == e + 2 || k >= n ||
      (doc_tok(doc, k)->kind != TOK_PUNCT &&
       !(doc_tok(doc, k)->kind == TOK_WORD && (doc_tok(doc, k)->flags & TF_LOWER) && k > e + 3)))
    return false;
  const cd_token *h = doc_tok(doc, k - 1);
  return cd_word_in(doc->text + h->start, h->len, THINGS);
}

/* "Dean Baker, co-director of ...", "Dean Johnson, a 55-year-old salesman": a title of one word
 * with no full stop that is a given name too names the person in full as often as it is a title. */
static bool title_is_given_name(const cd_doc *doc, const cd_name_mention *m) {
  if (m->title.start == CD_NONE32) return false;
  const char *w = doc->text + m->title.start;
  size_t n = m->title.end - m->title.start;
  if (memchr(w, ' ', n) || memchr(w, '.', n)) return false;
  return cd_is_given_name(w, n);
}

/* Is the mention the given name before a nickname or the surname after one ('Juan "Chico"
 * Manriquez', two mentions either side of the quote)? The person is named in full there. */
static bool nickname_half(const cd_doc *doc, const cd_name_mention *m) {
  return (m->end_tok < doc_ntok(doc) && cd_nickname_mark_at(doc, m->end_tok, true)) ||
         (m->first_tok > 0 && cd_nickname_mark_at(doc, m->first_tok - 1, false));
}

/* "Marisela, 31, who asked that only her first name be used", "Sutrisno, who uses only one name":
 * the sentence of mention m says why the full name is not given ("first name", "surname", "last
 * name", "one name"). */
static bool names_withheld(const cd_doc *doc, const cd_name_mention *m) {
  const cd_sentence *s = CD_VEC_AT(&doc->sentences, cd_sentence, m->sent);
  for (size_t k = m->end_tok; k + 1 < s->end_tok && k < m->end_tok + 40; k++) {
    const cd_token *t = doc_tok(doc, k), *u = doc_tok(doc, k + 1);
    if (t->kind != TOK_WORD) continue;
    const char *w = doc->text + t->start;
    if (CD_WORD_IS(w, t->len, "surname")) return true;
    /* (and a person who has one name: "uses only one name", "goes by a single name") */
    if ((CD_WORD_IS(w, t->len, "first") || CD_WORD_IS(w, t->len, "last") || CD_WORD_IS(w, t->len, "full") ||
         CD_WORD_IS(w, t->len, "one") || CD_WORD_IS(w, t->len, "single")) &&
        u->kind == TOK_WORD && CD_WORD_IS(doc->text + u->start, u->len, "name"))
      return true;
  }
  return false;
}

/* name.no-first-reference for person e, known by one word only, whose first mention in the body
 * is first_body; `person` when its mentions call it a person, else it is one if it is quoted. */
static void no_first_reference(names_ctx *c, size_t e, const size_t *mentions, size_t n, size_t first_body,
                               bool person) {
  cd_doc *doc = c->doc;
  const cd_name_mention *m = M(doc, first_body);
  if (!person && c->speaker[e]) {
    /* a speaker named by one word: a person unless the word is an established name (Reuters, Moscow)
     * or an ordinary word, or a mention calls it a thing ("the website Politco says") */
    const char *key = name_key(doc, m);
    const cd_token *t = doc_tok(doc, m->end_tok - 1);
    person = !cd_doc_key_proper(doc, key) && !cd_doc_key_common(doc, key) && !(t->flags & TF_ALLCAPS) &&
             !m->org_hint && !cd_doc_key_alias_known(doc, key) &&
             !org_shaped(doc->text + m->name.start, m->name.end - m->name.start, key);
    for (size_t k = 0; k < n && person; k++) person = !named_thing(doc, M(doc, mentions[k]));
  }
  if (!person) return;
  const char *form = slice(doc, m->span.start, m->span.end);
  /* "President Obama": the house style may name presidents so; say so where it is the choice */
  const char *msg =
      president_by_title(doc, m)
          ? cd_arena_printf(doc->arena,
                            "'%s' is the only name given for this president. Give the full name on first "
                            "reference (AP style), unless house style names presidents by title and surname.",
                            form)
          : cd_arena_printf(doc->arena,
                            "'%s' is the only name given for this person. Give the full name on first reference.",
                            form);
  cd_diagnostic *d = cd_doc_add_diag(doc, "name.no-first-reference", m->span.start, m->span.end, msg);
  d->entity = e;
}

static void first_reference(names_ctx *c, size_t e, const size_t *mentions, size_t n, const cd_strmap *shared,
                            const cd_strmap *multi_words) {
  cd_doc *doc = c->doc;
  size_t first_full = CD_NONE, first_body = CD_NONE, first_person_full = CD_NONE;
  bool given_style = false, acronym = false;
  const cd_entity *ent = E(doc, e);
  for (size_t k = 0; k < n; k++) {
    const cd_name_mention *m = M(doc, mentions[k]);
    if (m->headline || c->aside[mentions[k]]) continue;
    if (m->acronym) acronym = true;
    if (title_is_given_name_style(doc, m)) given_style = true;
    if (first_full == CD_NONE && (m->n_parts >= 2 || (m->n_parts == 1 && cd_couple_partner(doc, mentions[k]) != CD_NONE)))
      first_full = mentions[k]; /* "Harold and Betty Kowalczyk" names Harold in full */
    /* only a person's full name makes a surname late: asked of people only (the word lists it
     * reads cost a keystroke on every entity otherwise) */
    if (m->n_parts >= 2 && first_person_full == CD_NONE && !m->org_hint && ent->kind == CD_ENTITY_PERSON &&
        person_full_name(doc, m))
      first_person_full = mentions[k];
    if (m->in_quote) continue;
    /* "the Obama administration", "an Obama nominee": a surname used as a modifier refers to no one */
    if (first_body == CD_NONE && !attributive(doc, m)) first_body = mentions[k];
  }
  if (first_body == CD_NONE || acronym || given_style) return;
  if (first_full == CD_NONE) {
    /* name.no-first-reference: a person never named in full */
    const cd_name_mention *m = M(doc, first_body);
    const char *key = name_key(doc, m);
    if (!key || strlen(key) < 2 || ent->kind == CD_ENTITY_ORGANIZATION) return;
    /* the word is part of a longer name somewhere ("Senate Minority Whip Dick Durbin", "Tong Yung-soo"):
     * the full name was given, in a form the clustering did not tie to this one */
    if (cd_strmap_get(multi_words, key) != CD_NONE || cd_doc_key_alias_known(doc, key)) return;
    for (size_t k = 0; k < n; k++)
      if (nickname_half(doc, M(doc, mentions[k]))) return;
    /* "his wife, Ghazala": a relative named by the given name, the family's name given already;
     * "Priya, 29,": a given name and an age, the way people who keep their surnames out are quoted */
    for (size_t k = 0; k < n; k++) {
      const cd_name_mention *b = M(doc, mentions[k]);
      if (b->n_parts == 1 && cd_kin_before(doc, b->first_tok) >= 0) return;
      if (b->n_parts == 1 && cd_age_after(doc, b->end_tok) && cd_is_given_name(doc->text + b->name.start, b->name.end - b->name.start))
        return;
      if (b->n_parts == 1 && names_withheld(doc, b)) return;
      if (called_by(doc, b)) return;
    }
    /* "President Obama" is a first reference where house style says so; "Dean Halvorsen" may be a
     * full name */
    for (size_t k = 0; k < n; k++) {
      const cd_name_mention *b = M(doc, mentions[k]);
      if (!b->headline && (president_named(doc, b) || title_is_given_name(doc, b) || judge_styled(doc, b))) return;
    }
    /* titled: a body mention has a strong title or a role before it (asked only here, where it counts) */
    bool person = false;
    for (size_t k = 0; k < n && !person; k++) {
      const cd_name_mention *b = M(doc, mentions[k]);
      if (b->headline || c->aside[mentions[k]] || b->in_quote) continue;
      person = strong_title(doc, b) || role_before(doc, b);
    }
    if (!person && !c->speakers_known) { /* asked once the speakers are known (cd_pass_names_end) */
      *(deferred_ref *)cd_vec_push(&c->deferred) = (deferred_ref){e, first_body};
      return;
    }
    no_first_reference(c, e, mentions, n, first_body, person);
    return;
  }
  if (ent->kind != CD_ENTITY_PERSON || first_person_full == CD_NONE) return;
  /* name.first-reference-late: the surname alone before the full name */
  const cd_name_mention *full = M(doc, first_person_full);
  for (size_t k = 0; k < n; k++) {
    const cd_name_mention *m = M(doc, mentions[k]);
    if (m->span.start >= full->span.start) break;
    if (!body(c, m) || m->n_parts != 1 || attributive(doc, m) || nickname_half(doc, m)) continue;
    if (common_word_opening(doc, m)) continue;
    if (president_named(doc, m)) break; /* a first reference where house style says so */
    if (cd_couple_partner(doc, mentions[k]) != CD_NONE) break; /* "David and Louise Turpin": named in full */
    const char *sk = surname_key(doc, m);
    if (!sk || cd_strmap_get(shared, sk) != CD_NONE) continue; /* two people share this surname */
    const char *fullname = name_text(doc, full);
    const char *form = name_text(doc, m);
    cd_diagnostic *d = cd_doc_add_diag(
        doc, "name.first-reference-late", m->name.start, m->name.end,
        cd_arena_printf(doc->arena,
                        "'%s' comes before the full name '%s'. Give the full name here and the surname after.",
                        form, fullname));
    d->entity = e;
    cd_diag_add_related(doc, d, full->name.start, full->name.end,
                        cd_arena_printf(doc->arena, "the full name '%s' is first given here", fullname));
    cd_fix *fx = cd_diag_add_fix(doc, d, cd_arena_printf(doc->arena, "Change '%s' to '%s'", form, fullname), true);
    if (fx) cd_fix_add_edit(doc, fx, m->name.start, m->name.end, fullname);
    break; /* the first one says it all */
  }
}

/* ---- name.spelling --------------------------------------------------- */

/* Indexes of mentions, tokens, entities and words are below 2^32 - 2 (token offsets are 32-bit):
 * a word keeps them in 32 bits, CD_NONE and CD_NONE - 1 as the two largest values. */
static uint32_t index32(size_t v) {
  return v == CD_NONE ? CD_NONE32 : v == CD_NONE - 1 ? CD_NONE32 - 1 : (uint32_t)v;
}

typedef struct sword { /* one per distinct name word: a text full of new names has many (72 bytes) */
  const char *key;
  uint32_t count;    /* body occurrences outside quotations */
  uint32_t quoted;   /* body occurrences inside them */
  uint32_t first;    /* first body occurrence outside quotations (inside them if none): mention index */
  uint32_t first_tok; /* its token */
  uint32_t seen_tok;  /* the first body occurrence's token */
  uint32_t given_surname_entity; /* index32 */
  uint32_t ents[4];  /* entities of the mentions it is in (the first four) */
  /* the name words next to it inside a name, the first four: word ids, BESIDE_AFTER set for a word
   * after it ("Sturgeon" beside "Nicola" in "Nicola Sturgeon"), clear for one before */
  uint32_t beside[4];
  uint8_t n_ents;
  uint8_t n_beside;
  bool given;          /* the given name of a person named in full */
  bool ignored;
  bool person_surname; /* the surname of a person */
  bool introduced;     /* the last word of a name given in full ("Ana Kessel") */
  bool renamed;        /* a place's former or current name (cd_is_renamed), asked once per word */
} sword;
_Static_assert(sizeof(sword) <= 72, "a word of name.spelling stays small");

/* The slip of a typist: one letter dropped, added, changed or two swapped ("Brenan", "Brennnan",
 * "Bernnan"), the first letter kept. Two such slips only in a long name ("Stephanopolous"): between
 * short names two edits are as often two different names ("Trump", "Tripp", "Trumka"). */
static bool typo_shaped(const char *a, const char *b) {
  size_t an = strlen(a), bn = strlen(b);
  if (a[0] != b[0]) return false;
  size_t d = cd_edit_distance(a, an, b, bn, 2);
  return d == 1 || (d == 2 && an >= 9 && bn >= 9);
}

/* The pair is tied by more than spelling: one entity holds both words, or both are people's
 * surnames ("Anne Sacoolas", "the Socoolas family"). Not "Polak" (a person) and "Poland". */
/* The two keys agree but for their last two letters. */
static bool ending_differs(const char *a, const char *b) {
  size_t an = strlen(a), bn = strlen(b), n = an < bn ? an : bn, same = 0;
  while (same < n && a[same] == b[same]) same++;
  return same + 2 >= n;
}

/* One use against one: the form a first name introduces ("Hillary Clinton") is the spelling, and a
 * later lone form ("Clitnon said") that is no introduction itself is the slip. */
static bool introduction_decides(const sword *a, const sword *b) {
  return a->count == 1 && b->count == 1 && b->introduced && !a->introduced && !a->given;
}

static bool shares_entity(const sword *a, const sword *b) {
  for (size_t i = 0; i < a->n_ents; i++)
    for (size_t j = 0; j < b->n_ents; j++)
      if (a->ents[i] == b->ents[j]) return true;
  return false;
}

/* The side the two words share a neighbour on: '<' (the same word before both: "Hillary Clinton",
 * "Hillary Clnton"), '>' (the same word after both: "Nicola Sturgeon", "Nicoola Sturgeon"), or 0. */
static const uint32_t BESIDE_AFTER = 0x80000000u;

static char shared_neighbour(const sword *a, const sword *b) {
  char side = 0;
  for (size_t i = 0; i < a->n_beside; i++)
    for (size_t j = 0; j < b->n_beside; j++)
      if (a->beside[i] == b->beside[j] && side != '<') side = a->beside[i] & BESIDE_AFTER ? '>' : '<';
  return side;
}

/* Notes that word `other` (a word id) is next to w, on `side` ('<' before it, '>' after it). */
static void add_neighbour(sword *w, char side, size_t other) {
  if (w->n_beside >= 4) return;
  uint32_t x = (uint32_t)other | (side == '>' ? BESIDE_AFTER : 0);
  for (size_t i = 0; i < w->n_beside; i++)
    if (w->beside[i] == x) return;
  w->beside[w->n_beside++] = x;
}

/* The longer word is the shorter with one letter doubled ("Nicoola", "Nicola"). */
static bool doubled_letter(const char *a, const char *b) {
  size_t an = strlen(a), bn = strlen(b);
  if (an < bn) return doubled_letter(b, a);
  if (an != bn + 1) return false;
  size_t i = 0;
  while (i < bn && a[i] == b[i]) i++;
  return i > 0 && a[i] == a[i - 1] && strcmp(a + i + 1, b + i) == 0;
}

/* Two forms of one name written beside the same word, one a slip of the other: "Hillary Clnton"
 * beside "Hillary Clinton", "Saudi Araba" beside "Saudi Arabia". The same neighbour is the
 * evidence that one thing is meant, so a single use of each is enough; a is the slip when b is
 * used more, or as often and first; one letter apart. Given names that differ at the end are two people's ("Maria
 * Lopez", "Mario Lopez"; "Ivana Trump", "Ivanka Trump"), unless a letter is doubled. */
static bool neighbour_slip(const sword *a, const sword *b) {
  char side = shared_neighbour(a, b);
  if (!side) return false;
  size_t at = a->count + a->quoted, bt = b->count + b->quoted;
  if (bt < at || (bt == at && b->seen_tok > a->seen_tok)) return false;
  if (side == '>' && ending_differs(a->key, b->key) && !doubled_letter(a->key, b->key)) return false;
  /* one slip only: two differences between long words beside one word are as often two handles
   * glued to a byline's words */
  return cd_edit_distance(a->key, strlen(a->key), b->key, strlen(b->key), 1) == 1;
}

static bool spelling_linked(const sword *a, const sword *b) {
  return (a->person_surname && b->person_surname) || shares_entity(a, b);
}

/* The words just before token t introduce another name for something: "also known as", "formerly",
 * "now called", "renamed", "or", an opening parenthesis. */
static bool rename_explained(const cd_doc *doc, size_t t) {
  size_t sent = doc_tok(doc, t)->sent;
  for (size_t k = 1; k <= 3 && k <= t; k++) {
    const cd_token *p = doc_tok(doc, t - k);
    if (p->sent != sent) break;
    const char *w = doc->text + p->start;
    size_t n = p->len;
    if (p->kind == TOK_PUNCT && *w == '(') return true;
    if (p->kind == TOK_WORD &&
        (CD_WORD_IS(w, n, "known") || CD_WORD_IS(w, n, "formerly") || CD_WORD_IS(w, n, "called") ||
         CD_WORD_IS(w, n, "renamed") || CD_WORD_IS(w, n, "or") || CD_WORD_IS(w, n, "aka")))
      return true;
  }
  return false;
}

/* A word used once, never given with a first name or inside a longer name: no introduction says
 * it is someone else ("Clintn" beside "Hillary Clinton", "Clinton"), so a typist's slip of a
 * person's surname that the article uses far more often is the likely story. */
static bool lone_slip(const names_ctx *c, const sword *a) {
  return a->count == 1 && !a->given && !a->person_surname && cd_strmap_get(c->multi_words, a->key) == CD_NONE;
}

/* A token of a name keyed as a word of the spelling check: which word, in which mention. */
typedef struct word_use {
  uint32_t tok, word, mention;
} word_use;

/* Records that token t is word `word` of mention `mention`, keeping `uses` in token order with
 * one entry a token (a later mention over the same token takes it over). */
static void note_use(cd_vec *uses, size_t t, size_t word, size_t mention) {
  size_t at = uses->len;
  while (at > 0 && CD_VEC_AT(uses, word_use, at - 1)->tok >= t) at--;
  if (at < uses->len && CD_VEC_AT(uses, word_use, at)->tok == t) {
    CD_VEC_AT(uses, word_use, at)->word = (uint32_t)word;
    CD_VEC_AT(uses, word_use, at)->mention = (uint32_t)mention;
    return;
  }
  cd_vec_push_raw(uses); /* written below */
  word_use *w = CD_VEC_AT(uses, word_use, at);
  if (at + 1 < uses->len) memmove(w + 1, w, (uses->len - 1 - at) * sizeof *w); /* mostly appended */
  *w = (word_use){(uint32_t)t, (uint32_t)word, (uint32_t)mention};
}

/* A place under its former and its current name ("Bangalore", "Bengaluru"): the name used less
 * (the later one on a tie) is reported. */
static void renamed_places(names_ctx *c, const cd_vec *words, const cd_vec *uses) {
  cd_doc *doc = c->doc;
  cd_strmap best;
  cd_strmap_init_borrowed(&best);
  for (size_t i = 0; i < words->len; i++) {
    const sword *w = CD_VEC_AT(words, sword, i);
    if (!w->count || w->ignored || !w->renamed) continue;
    const char *r = cd_rename_key(w->key);
    size_t b = cd_strmap_get(&best, r);
    const sword *bw = b == CD_NONE ? NULL : CD_VEC_AT(words, sword, b);
    if (!bw || w->count > bw->count || (w->count == bw->count && w->first < bw->first)) cd_strmap_put(&best, r, i);
  }
  if (!best.len) goto out;
  /* "Burma, also known as Myanmar", "Mumbai (formerly Bombay)": the article explains the two names
   * and uses both on purpose */
  cd_strmap explained;
  cd_strmap_init_borrowed(&explained);
  for (size_t u = 0; u < uses->len; u++) {
    const word_use *wu = CD_VEC_AT(uses, word_use, u);
    size_t id = wu->word, t = wu->tok;
    if (!CD_VEC_AT(words, sword, id)->renamed) continue;
    if (rename_explained(doc, t)) cd_strmap_put(&explained, cd_rename_key(CD_VEC_AT(words, sword, id)->key), 1);
  }
  for (size_t u = 0; u < uses->len; u++) {
    const word_use *wu = CD_VEC_AT(uses, word_use, u);
    size_t id = wu->word, t = wu->tok;
    if (M(doc, wu->mention)->in_quote) continue;
    const sword *w = CD_VEC_AT(words, sword, id);
    if (!w->renamed || cd_strmap_get(&explained, cd_rename_key(w->key)) != CD_NONE) continue;
    size_t b = cd_strmap_get(&best, cd_rename_key(w->key));
    if (b == CD_NONE || b == id) continue;
    const sword *bw = CD_VEC_AT(words, sword, b);
    const cd_token *tk = doc_tok(doc, t), *bt = doc_tok(doc, bw->first_tok);
    const cd_name_mention *m = M(doc, wu->mention), *bm = M(doc, bw->first);
    size_t end = word_end_in_name(tk, m);
    size_t bend = word_end_in_name(bt, bm);
    const char *form = slice(doc, tk->start, end), *other = slice(doc, bt->start, bend);
    bool current = strcmp(cd_rename_key(w->key), w->key) == 0;
    cd_diagnostic *d = cd_doc_add_diag(
        doc, "name.variant", tk->start, end,
        cd_arena_printf(doc->arena,
                        "'%s' is the %s name of %s; both are used. Write '%s' as elsewhere, or '%s' throughout.",
                        form, current ? "current" : "former", other, other, form));
    d->entity = m->entity;
    cd_diag_add_related(doc, d, bt->start, bend, cd_arena_printf(doc->arena, "'%s' is used here", other));
    cd_fix *fx = cd_diag_add_fix(doc, d, cd_arena_printf(doc->arena, "Change '%s' to '%s'", form, other), true);
    if (fx) cd_fix_add_edit(doc, fx, tk->start, end, other);
  }
  cd_strmap_free(&explained);
out:
  cd_strmap_free(&best);
}

static void spelling(names_ctx *c) {
  cd_doc *doc = c->doc;
  cd_strmap ids;
  cd_strmap_init_interned(&ids);
  cd_incr_map_room(doc, CD_MAP_NAMES_SPELLING, &ids);
  cd_vec words;
  cd_vec_init(&words, sizeof(sword));
  /* each token of a name that is a word here, in token order (freed below) */
  cd_vec name_uses;
  cd_vec_init(&name_uses, sizeof(word_use));
  /* a document edited version after version: room for a word and two uses a mention, so that the
   * tables are not copied as they grow on every keystroke (as in the entities pass) */
  if (doc->incr) {
    cd_vec_reserve(&words, doc->mentions.len + 1);
    cd_vec_reserve(&name_uses, 2 * doc->mentions.len + 1);
  }
  for (size_t i = 0; i < doc->mentions.len; i++) {
    const cd_name_mention *m = M(doc, i);
    if (m->kind != MK_NAME || m->acronym || m->headline || c->aside[i]) continue;
    if (m->thing_hint && m->n_parts == 1) continue; /* "Pruett" of "Pruett and Calvert counties" */
    bool first_word = true;
    size_t prev = CD_NONE; /* the word just before, inside this name */
    for (size_t t = m->first_tok; t < m->end_tok; t++) {
      const cd_token *tk = doc_tok(doc, t);
      if (tk->start < m->name.start || tk->kind != TOK_WORD || !(tk->flags & TF_CAP) || (tk->flags & TF_ALLCAPS)) {
        if (tk->start >= m->name.start) prev = CD_NONE;
        continue;
      }
      size_t end = word_end_in_name(tk, m);
      const char *key = tok_key(c, t, end);
      bool is_given = first_word && m->n_parts >= 2;
      first_word = false;
      /* three letters: only ever the slip of a longer name ("Cuz" for "Cruz"), see below */
      if (!key || ((!key[0] || !key[1] || !key[2]) && !cd_doc_key_renamed(doc, key))) { /* under three bytes */
        prev = CD_NONE;
        continue;
      }
      size_t id = cd_strmap_get(&ids, key);
      if (id == CD_NONE) {
        sword *w = cd_vec_push(&words);
        w->key = key;
        w->first = CD_NONE32;
        w->seen_tok = CD_NONE32;
        w->given_surname_entity = CD_NONE32;
        w->renamed = cd_doc_key_renamed(doc, key);
        id = words.len - 1;
        if (id >= BESIDE_AFTER) abort(); /* two billion distinct words: no document gets here */
        cd_strmap_put(&ids, key, id);
      }
      sword *w = CD_VEC_AT(&words, sword, id);
      if (m->entity != CD_NONE && c->ignored[m->entity]) w->ignored = true;
      if (m->entity != CD_NONE) {
        bool have = false;
        for (size_t x = 0; x < w->n_ents && !have; x++) have = w->ents[x] == index32(m->entity);
        if (!have && w->n_ents < 4) w->ents[w->n_ents++] = index32(m->entity);
        if (t + 1 == m->end_tok && E(doc, m->entity)->kind == CD_ENTITY_PERSON) w->person_surname = true;
        if (t + 1 == m->end_tok && m->n_parts >= 2 && !m->org_hint) w->introduced = true;
      }
      if (is_given) {
        if (w->given && w->given_surname_entity != index32(m->entity)) w->given_surname_entity = index32(CD_NONE - 1);
        else w->given_surname_entity = index32(m->entity);
        w->given = true;
      }
      if (prev != CD_NONE) {
        add_neighbour(CD_VEC_AT(&words, sword, prev), '>', id);
        add_neighbour(w, '<', prev);
      }
      prev = id;
      note_use(&name_uses, t, id, i);
      if (w->seen_tok == CD_NONE32) {
        w->seen_tok = index32(t);
        w->first = index32(i);
        w->first_tok = index32(t);
      }
      if (m->in_quote) {
        w->quoted++;
        continue;
      }
      if (!w->count++) {
        w->first = index32(i);
        w->first_tok = index32(t);
      }
    }
  }
  cd_incr_map_filled(doc, CD_MAP_NAMES_SPELLING, &ids);
  cd_near_index ix;
  cd_near_init(&ix);
  cd_short_index sx; /* "Holt" misspelled "Hlot" */
  cd_short_init(&sx, NULL);
  const char **keys = calloc(words.len + 1, sizeof(const char *)); /* these five: freed below */
  /* the four-letter keys, which the short index holds under their place in this list */
  const char **four = calloc(words.len + 1, sizeof(const char *));
  size_t *four_id = calloc(words.len + 1, sizeof(size_t)), n_four = 0;
  /* majority[i]: the word it probably misspells, or CD_NONE; by_neighbour[i]: a shared neighbour
   * said so, and its uses inside quotations are reported too */
  size_t *majority = calloc(words.len + 1, sizeof(size_t));
  bool *by_neighbour = calloc(words.len + 1, sizeof(bool));
  /* asked[i]: word i may be a slip of another (used, not ignored, in no dictionary): only they are
   * asked for their near words */
  bool *asked = calloc(words.len + 1, sizeof(bool));
  cd_vec cand, short_cand;
  cd_vec_init(&cand, sizeof(size_t));
  cd_vec_init(&short_cand, sizeof(size_t));
  if (!keys || !majority || !by_neighbour || !four || !four_id || !asked) goto out2;
  for (size_t i = 0; i < words.len; i++) {
    const sword *a = CD_VEC_AT(&words, sword, i);
    keys[i] = a->key;
    asked[i] = (a->count + a->quoted) && !a->ignored && !cd_doc_key_proper(doc, a->key) && !cd_doc_key_common(doc, a->key);
  }
  const cd_near_index *near = cd_incr_near_index(doc, CD_INCR_NEAR_SPELLING, keys, words.len, 4, asked, &ix);
  for (size_t i = 0; i < words.len; i++)
    if (strlen(keys[i]) == 4) four_id[n_four] = i, four[n_four++] = keys[i];
  const cd_short_index *shorts = cd_incr_short_index(doc, four, n_four, &sx);
  for (size_t i = 0; i < words.len; i++) majority[i] = CD_NONE, by_neighbour[i] = false;
  size_t majorities = 0; /* words given a majority spelling below */
  for (size_t i = 0; i < words.len; i++) {
    const sword *a = CD_VEC_AT(&words, sword, i);
    if (!asked[i]) continue;
    cand.len = 0;
    cd_near_candidates(near, i, &cand);
    short_cand.len = 0; /* the short index's ids never are the near index's: four bytes, not five or more */
    cd_short_candidates(shorts, a->key, &short_cand);
    for (size_t x = 0; x < short_cand.len; x++)
      *(size_t *)cd_vec_push_raw(&cand) = four_id[*CD_VEC_AT(&short_cand, size_t, x)];
    size_t best = CD_NONE;
    bool ambiguous = false, neighbour = false;
    for (size_t x = 0; x < cand.len; x++) {
      size_t j = *CD_VEC_AT(&cand, size_t, x);
      const sword *b = CD_VEC_AT(&words, sword, j);
      if (j == i || b->ignored) continue;
      /* a pair that could pass neither way below (a shared neighbour, or the counts) is left before
       * its edit distance is measured */
      bool by_count = a->count && b->count && !((b->count <= a->count || b->count < 2) && !introduction_decides(a, b));
      if (!by_count && !shared_neighbour(a, b)) continue;
      if (!typo_shaped(a->key, b->key) || cd_spelling_explained(a->key, b->key)) continue;
      if (neighbour_slip(a, b)) {
        if (best != CD_NONE) ambiguous = true;
        best = j;
        neighbour = true;
        continue;
      }
      if (!a->count || !b->count) continue;
      /* three letters are a name only as the single, lone slip of a person's surname used more
       * ("Cuz said" where "Ted Cruz" and "Cruz" are written) */
      if (strlen(a->key) < 4 && !(lone_slip(c, a) && b->person_surname && b->count >= 2)) continue;
      /* a is the minority: b is used more often, and more than once (one use against one use says
       * nothing about which is right, and is as often two people: "Joe Schriner", "Pam Shriver"),
       * unless b is given with a first name and a is not */
      if ((b->count <= a->count || b->count < 2) && !introduction_decides(a, b)) continue;
      /* two people's given names ("Maria Lopez", "Mario Rossi") */
      if (a->given && b->given && a->given_surname_entity != b->given_surname_entity) continue;
      /* two people, each introduced in full, whose surnames differ at the end ("Ana Kessel",
       * "Tom Kessler"; "Hansen", "Hanson"): surnames of a stem differ there. A slip inside the
       * word ("Anne Sacoolas", "Jonathan Socoolas") is still reported, but for one beside a
       * surname the dictionary knows: "Former Reagan chief of staff Don Regan" is another family's
       * name beside a famous one, not a slip of it. */
      if (a->introduced && b->introduced && !shares_entity(a, b) &&
          (ending_differs(a->key, b->key) || cd_doc_key_proper(doc, b->key)))
        continue;
      /* a name given in full ("Commissioner Rudi Hartono") after another person has gone by a
       * word alone from before it ("the head of the rescue office, Harsono, who like many
       * Indonesians uses only one name") is that other person's name, not a slip of the word */
      if (a->introduced && !b->introduced && !shares_entity(a, b) && b->seen_tok < a->seen_tok) continue;
      if (!spelling_linked(a, b) &&
          !(lone_slip(c, a) && b->person_surname && (b->count >= 2 * a->count || introduction_decides(a, b))))
        continue;
      if (best != CD_NONE) ambiguous = true;
      best = j;
    }
    if (!ambiguous) majority[i] = best, by_neighbour[i] = neighbour;
    majorities += !ambiguous && best != CD_NONE;
  }
  /* two words of one name are two words, however alike: "Trần Thu Trang" (the family name, then
   * the given name she goes by) */
  /* (the uses of a mention are next to each other; few words have a majority to check) */
  for (size_t x = 0; majorities && x < name_uses.len; x++) {
    const word_use *ux = CD_VEC_AT(&name_uses, word_use, x);
    if (majority[ux->word] == CD_NONE) continue;
    for (size_t y = x; y > 0 && CD_VEC_AT(&name_uses, word_use, y - 1)->mention == ux->mention; y--)
      if (CD_VEC_AT(&name_uses, word_use, y - 1)->word == majority[ux->word]) majority[ux->word] = CD_NONE;
    for (size_t y = x + 1; y < name_uses.len && CD_VEC_AT(&name_uses, word_use, y)->mention == ux->mention; y++)
      if (CD_VEC_AT(&name_uses, word_use, y)->word == majority[ux->word]) majority[ux->word] = CD_NONE;
  }
  renamed_places(c, &words, &name_uses);
  for (size_t u = 0; u < name_uses.len; u++) {
    const word_use *wu = CD_VEC_AT(&name_uses, word_use, u);
    size_t id = wu->word, t = wu->tok;
    if (majority[id] == CD_NONE) continue;
    const sword *b = CD_VEC_AT(&words, sword, majority[id]);
    const cd_token *tk = doc_tok(doc, t);
    const cd_name_mention *m = M(doc, wu->mention);
    if (m->in_quote && !by_neighbour[id]) continue;
    size_t end = word_end_in_name(tk, m);
    const cd_token *bt = doc_tok(doc, b->first_tok);
    const cd_name_mention *bm = M(doc, b->first);
    size_t bend = word_end_in_name(bt, bm);
    const char *form = slice(doc, tk->start, end), *other = slice(doc, bt->start, bend);
    if (accepted_form(doc, form, strlen(form))) continue;
    size_t uses = by_neighbour[id] ? b->count + b->quoted : b->count;
    cd_diagnostic *d = cd_doc_add_diag(
        doc, "name.spelling", tk->start, end,
        cd_arena_printf(doc->arena,
                        "'%s' is probably a misspelling of '%s', used %zu time%s elsewhere. Check the name "
                        "and use one spelling.",
                        form, other, uses, uses == 1 ? "" : "s"));
    d->entity = m->entity;
    cd_diag_add_related(doc, d, bt->start, bend, cd_arena_printf(doc->arena, "'%s' is spelled so here", other));
    cd_fix *fx = cd_diag_add_fix(doc, d, cd_arena_printf(doc->arena, "Change '%s' to '%s'", form, other), true);
    if (fx) cd_fix_add_edit(doc, fx, tk->start, end, other);
  }
out2:
  free(keys);
  free(four);
  free(four_id);
  cd_vec_free(&short_cand);
  free(majority);
  free(by_neighbour);
  free(asked);
  cd_vec_free(&cand);
  cd_near_free(&ix);
  cd_short_free(&sx);
  cd_vec_free(&name_uses);
  cd_vec_free(&words);
  cd_strmap_free(&ids);
}

/* ---- capitalisation variants outside the mentions ---------------------- */

typedef struct cform {
  size_t mention;
  size_t next;     /* next form with the same first word, or CD_NONE */
  size_t first, n; /* its word tokens (form_words) */
  size_t keys;     /* where the keys of its words after the first start in case_variants' keys */
} cform;

/* The name's word tokens: the first, and how many (all words, none other between). */
static bool form_words(const cd_doc *doc, const cd_name_mention *m, size_t *first, size_t *n) {
  *first = CD_NONE;
  *n = 0;
  for (size_t t = m->first_tok; t < m->end_tok; t++) {
    const cd_token *tk = doc_tok(doc, t);
    if (tk->start < m->name.start) continue;
    if (tk->kind != TOK_WORD) return false;
    if (*first == CD_NONE) *first = t;
    (*n)++;
  }
  return *n >= 2;
}

/* The name runs on after the mention: "Senate Majority Leader Mitch McConnell", "U.S. District
 * Judge", "Citizenship and Immigration Services". Its words in lower case are then a description
 * ("the Senate majority", "a U.S. district judge"), not this name miswritten. */
static bool begins_longer_name(const names_ctx *c, const cd_name_mention *m) {
  const cd_doc *doc = c->doc;
  size_t n = doc_ntok(doc), sent = doc_tok(doc, m->first_tok)->sent;
  for (size_t i = m->end_tok; i < n && i < m->end_tok + 2; i++) {
    const cd_token *t = doc_tok(doc, i);
    if (t->kind != TOK_WORD || t->sent != sent) return false;
    if (t->flags & TF_CAP) return true;
    const char *w = doc->text + t->start;
    size_t len = t->len;
    if (!(CD_WORD_IS(w, len, "of") || CD_WORD_IS(w, len, "on") || CD_WORD_IS(w, len, "and") ||
          CD_WORD_IS(w, len, "for")))
      return false;
  }
  return false;
}

/* "a Senate subcommittee", "the top British medical journal", "gain United States citizenship": an
 * article or a describing word before the lower-case form makes it a common noun phrase. Only
 * "the" (and a clause's frame) leave it the name. */
static bool generic_use(const cd_doc *doc, size_t first) {
  if (first == 0) return false;
  const cd_token *p = doc_tok(doc, first - 1);
  if (p->sent != doc_tok(doc, first)->sent) return false;
  if (p->kind == TOK_NUMBER) return true;
  if (p->kind != TOK_WORD) return false;
  const char *w = doc->text + p->start;
  size_t n = p->len;
  if (CD_WORD_IS(w, n, "a") || CD_WORD_IS(w, n, "an")) return true;
  return (p->flags & TF_LOWER) && !CD_WORD_IS(w, n, "the") && !clause_word(doc, p);
}

/* "Muslim advocates hailed the nomination" beside the group "Muslim Advocates": a nationality or
 * faith before a group of people in lower case ("advocates", "analysts") describes people, it does
 * not miswrite the name ("Indian railways" still does). */
static bool described_group(const cd_doc *doc, size_t first, size_t n) {
  const cd_token *t = doc_tok(doc, first);
  if (n != 2 || !cd_is_demonym(doc->text + t->start, t->len, (t->flags & TF_ALLCAPS) != 0)) return false;
  const cd_token *w = doc_tok(doc, first + 1);
  return (w->flags & TF_LOWER) && cd_lex_has(CD_LEX_CLAIM_GROUP_HEADS, doc->text + w->start, w->len);
}

/* "stabbed in Kelby town centre" beside the club "Kelby Town": a place's noun in lower case that
 * a noun of its own follows ("town centre", "city hall", "county line") names the place, not the
 * club or body written with the capital. */
static bool place_compound(const cd_doc *doc, size_t first, size_t n) {
  static const char *const PLACES[] = {"town", "city", "county", "village", "borough", "district", "state", NULL};
  const cd_token *last = doc_tok(doc, first + n - 1);
  if (!(last->flags & TF_LOWER) || !cd_word_in(doc->text + last->start, last->len, PLACES)) return false;
  if (first + n >= doc_ntok(doc)) return false;
  const cd_token *after = doc_tok(doc, first + n);
  return after->kind == TOK_WORD && (after->flags & TF_LOWER) && after->sent == last->sent &&
         !cd_lex_has(CD_LEX_CLAUSE_WORDS, doc->text + after->start, after->len) &&
         !cd_lex_has(CD_LEX_SPEECH_VERBS, doc->text + after->start, after->len);
}

/* The key of token t when it is a key the passes interned (cd_doc_name_key_known); with a handle,
 * its key (kept per token): only compared with interned keys, which it equals either way. */
static inline const char *known_key(cd_doc *doc, size_t t) {
  if (doc->kept_keys) return cd_doc_token_key(doc, t);
  const cd_token *tk = doc_tok(doc, t);
  return cd_doc_name_key_known(doc, doc->text + tk->start, tk->len);
}

/* name.variant at [start, end), which reads `form`, where the article writes `target` (as mention
 * `used` does): "'European union' is written 'European Union' elsewhere", with the related use
 * and the fix. The finding's entity is `used`'s. */
static cd_diagnostic *written_elsewhere(cd_doc *doc, size_t start, size_t end, const char *form,
                                        const cd_name_mention *used, const char *target) {
  cd_diagnostic *d = cd_doc_add_diag(
      doc, "name.variant", start, end,
      cd_arena_printf(doc->arena, "'%s' is written '%s' elsewhere in this article. Write '%s' as elsewhere.", form,
                      target, target));
  d->entity = used->entity;
  cd_diag_add_related(doc, d, used->name.start, used->name.end, cd_arena_printf(doc->arena, "'%s' is used here", target));
  cd_fix *fx = cd_diag_add_fix(doc, d, cd_arena_printf(doc->arena, "Change '%s' to '%s'", form, target), true);
  if (fx) cd_fix_add_edit(doc, fx, start, end, target);
  return d;
}

/* "Friends of Sandleigh Library": a name that follows "of" after a capitalised word is the end of a
 * longer name, which the chunker parts at "of"; its capitals are that name's, so "the Sandleigh
 * library" elsewhere miswrites nothing. */
static bool tail_of_longer_name(const cd_doc *doc, const cd_name_mention *m) {
  if (m->first_tok < 2) return false;
  const cd_token *of = doc_tok(doc, m->first_tok - 1), *before = doc_tok(doc, m->first_tok - 2);
  return of->kind == TOK_WORD && CD_WORD_IS(doc->text + of->start, of->len, "of") && before->kind == TOK_WORD &&
         (before->flags & TF_CAP) && before->sent == m->sent && of->sent == m->sent;
}

/* "European union" where the article writes "European Union": a multi-word name (not a person's)
 * written with a word in lower case, mid-sentence. The chunker sees only "European" there, so the
 * words after each name-initial word are compared with the names the article uses. */
static void case_variants(names_ctx *c) {
  cd_doc *doc = c->doc;
  cd_strmap first_word, seen;
  cd_strmap_init_interned(&first_word);
  cd_strmap_init_interned(&seen);
  cd_vec forms, keys; /* keys: const char *, the interned keys of each form's words after the first */
  cd_vec_init(&forms, sizeof(cform));
  cd_vec_init(&keys, sizeof(const char *));
  for (size_t i = 0; i < doc->mentions.len; i++) {
    const cd_name_mention *m = M(doc, i);
    if (!body(c, m) || m->n_parts < 2 || m->entity == CD_NONE || c->ignored[m->entity]) continue;
    if (E(doc, m->entity)->kind == CD_ENTITY_PERSON || tail_of_longer_name(doc, m)) continue;
    size_t ft, nw;
    if (!form_words(doc, m, &ft, &nw)) continue;
    const char *key = name_key(doc, m);
    if (!key || cd_strmap_get(&seen, key) != CD_NONE) continue;
    cd_strmap_put(&seen, key, 1);
    const char *fk = tok_key(c, ft, cd_tok_end(doc_tok(doc, ft)));
    if (!fk) continue;
    cform *cf = cd_vec_push(&forms);
    cf->mention = i;
    cf->first = ft;
    cf->n = nw;
    cf->keys = keys.len;
    for (size_t k = 1; k < nw; k++)
      *(const char **)cd_vec_push_raw(&keys) = tok_key(c, ft + k, cd_tok_end(doc_tok(doc, ft + k)));
    cf->next = cd_strmap_get(&first_word, fk);
    cd_strmap_put(&first_word, fk, forms.len - 1);
  }
  if (!forms.len) goto out;
  /* Every capitalised word of the text is a candidate: its key, and those of the words after it,
   * are only looked up among the interned keys (a key never interned is no form's word), and
   * interned keys are equal when their pointers are. */
  enum { NEXT_KEYS = 8 };
  const char *next_keys[NEXT_KEYS]; /* keys of the words after token i, once asked (NULL: none) */
  bool next_asked[NEXT_KEYS];
  for (size_t i = 0; i < doc_ntok(doc); i++) {
    const cd_token *t = doc_tok(doc, i);
    if (t->kind != TOK_WORD || !(t->flags & TF_CAP) || (t->flags & TF_QUOTED)) continue;
    if (CD_VEC_AT(&doc->paras, cd_para, doc_tok_para(doc, t))->headline) continue;
    const char *tk = known_key(doc, i);
    if (!tk) continue;
    memset(next_asked, 0, sizeof next_asked);
    for (size_t f = cd_strmap_get(&first_word, tk); f != CD_NONE; f = CD_VEC_AT(&forms, cform, f)->next) {
      const cform *cf = CD_VEC_AT(&forms, cform, f);
      const cd_name_mention *m = M(doc, cf->mention);
      size_t ft = cf->first, nw = cf->n;
      if (i + nw > doc_ntok(doc)) continue;
      bool match = true, lowered = false;
      for (size_t k = 0; k < nw && match; k++) {
        const cd_token *a = doc_tok(doc, ft + k), *b = doc_tok(doc, i + k);
        if (b->kind != TOK_WORD || b->sent != t->sent || (b->flags & TF_QUOTED)) {
          match = false;
          break;
        }
        if (k > 0) { /* the first words' keys are equal: the form was found by them */
          const char *ak = *CD_VEC_AT(&keys, const char *, cf->keys + k - 1), *bk;
          if (k <= NEXT_KEYS && next_asked[k - 1]) {
            bk = next_keys[k - 1];
          } else {
            bk = known_key(doc, i + k);
            if (k <= NEXT_KEYS) {
              next_keys[k - 1] = bk;
              next_asked[k - 1] = true;
            }
          }
          match = ak && ak == bk;
          if (!match) break; /* most candidates part here: the rest is not asked */
        }
        /* "the Obama administration", "the Clinton foundation": a name before a common noun it
         * modifies, the usual description, not the organisation's title miswritten */
        if ((a->flags & TF_CAP) && (b->flags & TF_LOWER) && !cd_is_attributive_head(doc->text + b->start, b->len))
          lowered = true;
        else if ((a->flags & TF_CAP) && (b->flags & TF_LOWER))
          match = false;
      }
      if (!match || !lowered || begins_longer_name(c, m) || generic_use(doc, i) || described_group(doc, i, nw) ||
          place_compound(doc, i, nw))
        continue;
      /* the words after must not carry the name on ("European union law" is fine to report; a longer
       * capitalised name is not this one) */
      size_t end = cd_tok_end(doc_tok(doc, i + nw - 1));
      written_elsewhere(doc, t->start, end, slice(doc, t->start, end), m, name_text(doc, m));
      i += nw - 1;
      break;
    }
  }
out:
  cd_vec_free(&forms);
  cd_vec_free(&keys);
  cd_strmap_free(&first_word);
  cd_strmap_free(&seen);
}

/* The key of a name of two words or more as plural_variants compares it: ASCII letters in lower
 * case, each word without a final "s" ("eastmoor hospital trust" for "Eastmoor Hospitals Trust");
 * NULL for one word, a name too long, or out of memory. In the arena. */
static const char *singular_key(cd_doc *doc, const char *name) {
  size_t n = strlen(name);
  if (!memchr(name, ' ', n) || n > 120) return NULL;
  char buf[128];
  size_t k = 0, w = 0; /* w: where the current word starts */
  for (size_t i = 0; i < n; i++) {
    char ch = name[i];
    if (ch == ' ') w = i + 1;
    bool word_end = i + 1 == n || name[i + 1] == ' ';
    /* "Hospitals" -> "hospital"; not "Glass", "Kansas" (ss, as) nor a short word ("Bus") */
    if (word_end && (ch == 's' || ch == 'S') && i - w >= 3 && name[i - 1] != 's' && name[i - 1] != 'a') continue;
    buf[k++] = (char)(ch >= 'A' && ch <= 'Z' ? ch + 32 : ch);
  }
  buf[k] = '\0';
  return cd_arena_strndup(doc->arena, buf, k);
}

/* Names a and b, whose singular keys are equal, differ by a plural inside them, not in the last
 * word: "Eastmoor Hospitals Trust" / "Eastmoor Hospital Trust", but not "African Americans" /
 * "African American" or "Wyoming Republicans", where the last word makes a group of people. */
static bool plural_inside(const char *a, const char *b) {
  if (strlen(a) == strlen(b)) return false; /* the same words */
  const char *la = strrchr(a, ' '), *lb = strrchr(b, ' ');
  return la && lb && strcmp(la, lb) == 0; /* the last words alike: the plural is before them */
}

/* Does a word of the name before its last end in "s" (not "ss"): "Eastmoor Hospitals Trust"? */
static bool inner_plural(const char *name) {
  const char *last = strrchr(name, ' ');
  for (const char *sp = name; last && (sp = strchr(sp, ' ')) != NULL && sp <= last; sp++)
    if (sp - name >= 4 && (sp[-1] == 's' || sp[-1] == 'S') && sp[-2] != 's') return true;
  return false;
}

/* "Eastmoor Hospitals Trust" twice and "the Eastmoor Hospital Trust" once: two names of an
 * organisation or thing that differ only by a plural word, which the entities pass keeps apart
 * (the spelling check explains "Railway"/"Railways" away as two words). The form used less (the
 * later on a tie) is reported at each of its uses in running text. */
static void plural_variants(names_ctx *c, const size_t *order, const size_t *start) {
  cd_doc *doc = c->doc;
  /* most articles name no organisation with a plural word inside: then nothing to compare (asked
   * on every keystroke, over every entity) */
  enum { LASTS = 16 };
  const char *lasts[LASTS]; /* the last words of the names with a plural inside (a pair shares it) */
  size_t n_lasts = 0;
  bool many = false;
  for (size_t e = 0; e < doc->entities.len && !many; e++) {
    const cd_entity *ent = E(doc, e);
    if (c->ignored[e] || ent->kind == CD_ENTITY_PERSON || !ent->name || !inner_plural(ent->name)) continue;
    if (n_lasts == LASTS) many = true;
    else lasts[n_lasts++] = strrchr(ent->name, ' ');
  }
  if (!n_lasts) return;
  cd_strmap seen; /* singular key -> entity */
  cd_strmap_init_borrowed(&seen);
  for (size_t e = 0; e < doc->entities.len; e++) {
    const cd_entity *ent = E(doc, e);
    if (c->ignored[e] || ent->kind == CD_ENTITY_PERSON || !ent->name) continue;
    const char *last = strrchr(ent->name, ' ');
    bool may_pair = many;
    for (size_t k = 0; k < n_lasts && !may_pair && last; k++) may_pair = strcmp(last, lasts[k]) == 0;
    if (!may_pair) continue;
    const char *key = singular_key(doc, ent->name);
    if (!key) continue;
    size_t other = cd_strmap_get(&seen, key);
    if (other == CD_NONE) {
      cd_strmap_put(&seen, key, e);
      continue;
    }
    /* the pair: the entity with fewer uses is the slip */
    size_t a = start[e + 1] - start[e], b = start[other + 1] - start[other];
    size_t slip = a <= b ? e : other, kept = slip == e ? other : e;
    if (!plural_inside(E(doc, slip)->name, E(doc, kept)->name)) continue;
    const char *target = E(doc, kept)->name;
    const cd_name_mention *km = M(doc, order[start[kept]]);
    for (size_t k = start[slip]; k < start[slip + 1]; k++) {
      const cd_name_mention *m = M(doc, order[k]);
      if (!body(c, m) || c->aside[order[k]]) continue;
      const char *form = name_text(doc, m);
      if (!memchr(form, ' ', strlen(form))) continue; /* a lone word of the name says nothing */
      cd_diagnostic *d = written_elsewhere(doc, m->name.start, m->name.end, form, km, target);
      d->entity = m->entity;
    }
    cd_strmap_put(&seen, key, kept);
  }
  cd_strmap_free(&seen);
}

/* ---- text that is not running body copy -------------------------------- */

static bool is_word(const cd_token *t) { return t->kind == TOK_WORD; }

/* A short paragraph in capitals ending in a full stop or colon ("ABSTRACT.", "FULL TEXT."): a section
 * label of an archive or wire export. */
static bool label_para(const cd_doc *doc, const cd_para *p) {
  size_t words = 0;
  for (size_t i = p->first_tok; i < p->end_tok; i++) {
    const cd_token *t = doc_tok(doc, i);
    if (is_word(t)) {
      if (!(t->flags & TF_ALLCAPS) || ++words > 3) return false;
    } else if (t->kind != TOK_PUNCT) {
      return false;
    }
  }
  if (!words) return false;
  char last = doc->text[cd_tok_end(doc_tok(doc, p->end_tok - 1)) - 1];
  return last == '.' || last == ':';
}

/* Where the front matter ends: everything up to the last section label among the first paragraphs
 * (headline, deck, abstract) is written to its own style. 0 when the text has no such labels. */
static size_t front_matter_end(const cd_doc *doc) {
  enum { FRONT_PARAS = 8 };
  size_t end = 0;
  for (size_t i = 0; i < doc->paras.len && i < FRONT_PARAS; i++) {
    const cd_para *p = CD_VEC_AT(&doc->paras, cd_para, i);
    if (p->end_tok > p->first_tok && label_para(doc, p)) end = p->span.end;
  }
  return end;
}

/* A name in capitals that opens its paragraph before a dateline's punctuation ("RIVERTON (AP) -",
 * "RIVERTON, Ore. -"), or that sits among other words in capitals (a heading, a shouted slogan). */
static bool shouted(const cd_doc *doc, const cd_name_mention *m) {
  size_t first = CD_NONE, last = CD_NONE;
  for (size_t i = m->first_tok; i < m->end_tok; i++) {
    const cd_token *t = doc_tok(doc, i);
    if (t->start < m->name.start || !is_word(t)) continue;
    if (!(t->flags & TF_ALLCAPS)) return false;
    if (first == CD_NONE) first = i;
    last = i;
  }
  if (first == CD_NONE) return false;
  if (last > first) return true; /* "STEALING AMERICA", "LOS ANGELES": set in capitals, not an acronym */
  const cd_token *ft = doc_tok(doc, first);
  const cd_para *p = CD_VEC_AT(&doc->paras, cd_para, doc_tok_para(doc, ft));
  bool opens = true, alone = true;
  for (size_t i = p->first_tok; i < first && opens; i++) opens = !is_word(doc_tok(doc, i));
  for (size_t i = last + 1; i < p->end_tok && alone; i++) alone = doc_tok(doc, i)->kind == TOK_PUNCT;
  if (opens && alone) return true; /* a heading of one word: "SUPERDELEGATES." */
  if (opens && m->end_tok < p->end_tok) {
    const cd_token *nx = doc_tok(doc, m->end_tok);
    if (nx->kind == TOK_PUNCT && strchr(",(-\xE2", doc->text[nx->start])) return true;
  }
  /* the words right beside it, within the paragraph: not across a dateline's dash ("GENEVA --
   * U.S. and European negotiators") */
  if (first > p->first_tok) {
    const cd_token *t = doc_tok(doc, first - 1);
    if (is_word(t) && (t->flags & TF_ALLCAPS)) return true;
  }
  if (last + 1 < p->end_tok) {
    const cd_token *t = doc_tok(doc, last + 1);
    if (t->kind == TOK_PUNCT && doc->text[t->start] == '.' && last + 2 < p->end_tok) t = doc_tok(doc, last + 2);
    return is_word(t) && (t->flags & TF_ALLCAPS);
  }
  return false;
}

/* "GETTY BOMBSHELL Putin": words in capitals glued before a name in ordinary case are a credit or a
 * caption's kicker, not a given name, so the mention introduces nobody in full. */
static bool capitals_glued(const cd_doc *doc, const cd_name_mention *m) {
  for (size_t i = m->first_tok; i + 1 < m->end_tok; i++) {
    const cd_token *t = doc_tok(doc, i);
    if (t->start < m->name.start || !is_word(t) || !(t->flags & TF_ALLCAPS) || t->len < 3) continue;
    const cd_token *nx = doc_tok(doc, i + 1);
    if (is_word(nx) && (nx->flags & TF_CAP) && !(nx->flags & TF_ALLCAPS)) return true;
  }
  return false;
}

/* "@HillaryClinton", "#SanBernardino": a handle or a hashtag; "Facebook/Ann Lee": a picture credit.
 * Not the name as the copy writes it. */
static bool handle(const cd_doc *doc, const cd_name_mention *m) {
  if (m->span.start == 0) return false;
  char p = doc->text[m->span.start - 1];
  return p == '@' || p == '#' || p == '/';
}

/* A surname in a business's name: "Pryce's Hardware", "Marlowe & Daughters", "Pryce & Sons". It
 * names the shop, not the person, so it is no reference to weigh for titles or a first full name. */
static bool business_name(const cd_doc *doc, const cd_name_mention *m) {
  if (m->n_parts != 1 || m->title.start != CD_NONE32 || m->end_tok + 1 >= doc_ntok(doc)) return false;
  size_t i = m->end_tok;
  const cd_token *t = doc_tok(doc, i);
  if (m->possessive && t->kind == TOK_MARK && t->role == MR_APOS && i + 1 < doc_ntok(doc)) t = doc_tok(doc, ++i);
  bool amp = !m->possessive && t->kind == TOK_PUNCT && t->len == 1 && doc->text[t->start] == '&' &&
             i + 1 < doc_ntok(doc);
  if (amp) t = doc_tok(doc, ++i);
  if (!m->possessive && !amp) return false;
  uint32_t sent = doc_tok(doc, m->first_tok)->sent;
  /* "& Daughters": a capitalised common word right after it, in its sentence (not "Clinton's Iowa
   * team"); after a possessive, a trade among the next three capitalised words ("Pryce's
   * Hardware", "Dunning's Fine Jewelry"; not "Kaine's Senate seat") */
  if (amp)
    return is_word(t) && (t->flags & TF_CAP) && t->sent == sent && cd_is_common_word(doc->text + t->start, t->len);
  for (size_t k = 0; k < 3 && is_word(t) && (t->flags & TF_CAP) && t->sent == sent; k++) {
    if (cd_lex_has(CD_LEX_BUSINESS_NOUNS, doc->text + t->start, t->len)) return true;
    if (++i >= doc_ntok(doc)) break;
    t = doc_tok(doc, i);
  }
  /* "Duarte's, the downtown steakhouse": an appositive whose head is a trade */
  if (t->kind == TOK_PUNCT && doc->text[t->start] == ',' && t->sent == sent && i + 1 < doc_ntok(doc) &&
      article_tok(doc, doc_tok(doc, i + 1)))
    for (size_t k = i + 2; k < doc_ntok(doc) && k < i + 6 && is_word(doc_tok(doc, k)); k++)
      if (cd_lex_has(CD_LEX_BUSINESS_NOUNS, doc->text + doc_tok(doc, k)->start, doc_tok(doc, k)->len)) return true;
  return false;
}

/* A paragraph that opens with the name and three more title-case words ("Cruz's Path to
 * Nomination For ..."): a subheading in title case run into the text. */
static bool title_case_opening(const cd_doc *doc, const cd_name_mention *m) {
  const cd_para *p = CD_VEC_AT(&doc->paras, cd_para, doc_tok_para(doc, doc_tok(doc, m->first_tok)));
  if (m->first_tok != p->first_tok) return false;
  size_t caps = 0, words = 0;
  for (size_t i = m->end_tok; i < p->end_tok && words < 3; i++) {
    const cd_token *t = doc_tok(doc, i);
    if (!is_word(t)) continue;
    if (t->len == 1 && doc->text[t->start] == 's' && words == 0) continue; /* the possessive's s */
    /* "Michael Siegel of Boston University declared ...": a person and their affiliation */
    if (words == 0 && CD_WORD_IS(doc->text + t->start, t->len, "of") && !m->possessive) return false;
    words++;
    if (t->flags & TF_CAP) caps++;
    else if (!CD_WORD_IS(doc->text + t->start, t->len, "to") &&
             !CD_WORD_IS(doc->text + t->start, t->len, "of"))
      return false;
  }
  return words == 3 && caps >= 2;
}

/* The end of an embedded post that starts at `at` ("<tweet ...>...</tweet>", "<blockquote>"): someone
 * else's words pasted into the copy. CD_NONE when no such element starts there. */
static size_t embed_end(const cd_doc *doc, size_t at) {
  static const char *const TAGS[] = {"tweet", "blockquote"};
  for (size_t k = 0; k < sizeof TAGS / sizeof TAGS[0]; k++) {
    size_t n = strlen(TAGS[k]);
    if (at + 1 + n > doc->len || strncmp(doc->text + at + 1, TAGS[k], n) != 0) continue;
    char after = at + 1 + n < doc->len ? doc->text[at + 1 + n] : '\0';
    if (after != ' ' && after != '>') continue;
    char close[16];
    snprintf(close, sizeof close, "</%s>", TAGS[k]);
    size_t cn = strlen(close);
    for (size_t i = at + 1 + n; i + cn <= doc->len; i++)
      if (doc->text[i] == '<' && memcmp(doc->text + i, close, cn) == 0) return i + cn;
    return doc->len;
  }
  return CD_NONE;
}

static void mark_aside(names_ctx *c) {
  cd_doc *doc = c->doc;
  size_t front = front_matter_end(doc);
  size_t embed_start = CD_NONE, embed_stop = 0, scan = 0;
  for (size_t i = 0; i < doc->mentions.len; i++) {
    const cd_name_mention *m = M(doc, i);
    /* the embedded posts up to this mention, found in one forward scan of the text */
    while (scan < m->span.start && (embed_start == CD_NONE || embed_stop <= m->span.start)) {
      const char *lt = memchr(doc->text + scan, '<', m->span.start - scan);
      if (!lt) {
        scan = m->span.start;
        break;
      }
      size_t at = (size_t)(lt - doc->text), end = embed_end(doc, at);
      scan = at + 1;
      if (end != CD_NONE) {
        embed_start = at;
        embed_stop = end;
        scan = end;
      }
    }
    bool embedded = embed_start != CD_NONE && m->span.start >= embed_start && m->span.end <= embed_stop;
    c->aside[i] = m->span.end <= front || embedded || handle(doc, m) || shouted(doc, m) || title_case_opening(doc, m) ||
                  business_name(doc, m);
  }
}

/* "Bloomberg L.P.", "Koch Industries": a name that ends in a company's designator. */
static bool company_name(const cd_doc *doc, const cd_name_mention *m) {
  if (m->n_parts < 2) return false;
  size_t e = m->name.end, s;
  while (e > m->name.start && doc->text[e - 1] == '.') e--;
  s = e;
  while (s > m->name.start && doc->text[s - 1] != ' ') s--;
  char buf[16];
  size_t n = 0;
  for (size_t i = s; i < e && n + 1 < sizeof buf; i++)
    if (doc->text[i] != '.') buf[n++] = doc->text[i];
  return n && cd_lex_has(CD_LEX_COMPANY_DESIGNATORS, buf, n);
}

/* ---- the pass -------------------------------------------------------- */

static bool entity_ignored(const cd_doc *doc, const cd_entity *ent, const size_t *mentions, size_t n) {
  const cd_config *cfg = doc->config;
  if (!cfg || !cfg->ignored_names.len) return false;
  if (cd_strlist_contains_ci(&cfg->ignored_names, ent->name, strlen(ent->name))) return true;
  for (size_t k = 0; k < n; k++) {
    const cd_name_mention *m = M(doc, mentions[k]);
    if (cd_strlist_contains_ci(&cfg->ignored_names, doc->text + m->name.start, m->name.end - m->name.start))
      return true;
  }
  return false;
}

/* The names pass between its two steps (cd_pass_names_begin, cd_pass_names_end): what the second
 * reads, the speakers and the people whose first reference waits for them. */
struct cd_names_run {
  names_ctx c;
  size_t *start, *order; /* mention indexes grouped by entity: those of e at order[start[e] ..] */
};

/* The first step's working tables: the second step does not read them. */
static void begin_tables_free(names_ctx *c) {
  free(c->ignored);
  free(c->aside);
  free(c->counted);
  free(c->on_name);
  free(c->titled);
  c->ignored = c->aside = c->counted = NULL;
  c->on_name = NULL;
  c->titled = NULL;
  c->multi_words = c->org_words = NULL;
}

static void run_free(cd_names_run *r) {
  begin_tables_free(&r->c);
  cd_vec_free(&r->c.deferred);
  free(r->c.speaker);
  free(r->start);
  free(r->order);
  free(r);
}

cd_names_run *cd_pass_names_begin(cd_doc *doc) {
  size_t ne = doc->entities.len, nm = doc->mentions.len;
  if (!ne) return NULL;
  cd_names_run *r = calloc(1, sizeof *r);
  if (!r) return NULL;
  names_ctx *c = &r->c;
  c->doc = doc;
  cd_vec_init(&c->deferred, sizeof(deferred_ref));
  /* working tables, not kept in the report's arena: the first step's freed at its end, the rest by
   * cd_pass_names_end */
  c->speaker = calloc(ne, sizeof(bool));
  c->ignored = calloc(ne, sizeof(bool));
  c->aside = calloc(nm + 1, sizeof(bool));
  c->counted = calloc(nm + 1, sizeof(bool));
  c->on_name = calloc(nm + 1, sizeof(uint8_t));
  c->titled = calloc(ne, sizeof(const char *));
  /* mention indexes grouped by entity (counting sort: mentions stay in text order) */
  size_t *start = r->start = calloc(ne + 1, sizeof(size_t));
  size_t *order = r->order = calloc(nm + 1, sizeof(size_t));
  size_t *fill = calloc(ne + 1, sizeof(size_t));
  if (!c->speaker || !c->ignored || !c->aside || !c->counted || !c->on_name || !c->titled || !start || !order ||
      !fill) {
    free(fill);
    run_free(r);
    return NULL;
  }
  mark_aside(c);
  for (size_t i = 0; i < nm; i++) {
    const cd_name_mention *m = M(doc, i);
    if (m->entity != CD_NONE) start[m->entity + 1]++;
  }
  for (size_t e = 0; e < ne; e++) start[e + 1] += start[e];
  for (size_t i = 0; i < nm; i++) {
    const cd_name_mention *m = M(doc, i);
    if (m->entity != CD_NONE) order[start[m->entity] + fill[m->entity]++] = i;
  }
  free(fill);
  /* surnames that two people named in full share ("David Turpin", "Louise Turpin"); every word of a
   * multi-part name */
  cd_strmap surnames_map, shared_map, multi_words_map, org_words_map;
  cd_strmap *surnames = &surnames_map, *shared = &shared_map, *multi_words = &multi_words_map,
            *org_words = &org_words_map;
  cd_strmap_init_interned(org_words);
  cd_strmap_init_interned(surnames);
  cd_strmap_init_interned(shared);
  cd_strmap_init_interned(multi_words);
  cd_incr_map_room(doc, CD_MAP_NAMES_MULTI_WORDS, multi_words);
  cd_incr_map_room(doc, CD_MAP_NAMES_SURNAMES, surnames);
  for (size_t i = 0; i < nm; i++) {
    const cd_name_mention *m = M(doc, i);
    if (m->kind == MK_NAME && m->n_parts >= 2 && !m->headline) {
      for (size_t t = m->first_tok; t < m->end_tok; t++) {
        const cd_token *tk = doc_tok(doc, t);
        if (tk->kind != TOK_WORD || tk->start < m->name.start) continue;
        size_t end = word_end_in_name(tk, m);
        const char *wk = tok_key(c, t, end);
        if (wk && *wk) cd_strmap_put(multi_words, wk, 1);
        if (wk && *wk && t == m->first_tok && company_name(doc, m)) cd_strmap_put(org_words, wk, 1);
      }
    }
    /* a headline's chunks ("Christie Calls Hillary Clinton") and things ("Democrat Hillary Clinton"
     * chunked as one) name nobody new */
    if (m->kind != MK_NAME || m->n_parts < 2 || m->entity == CD_NONE || m->headline || capitals_glued(doc, m) ||
        E(doc, m->entity)->kind != CD_ENTITY_PERSON)
      continue;
    const char *sk = surname_key(doc, m);
    if (!sk) continue;
    size_t prev = cd_strmap_get(surnames, sk);
    if (prev == CD_NONE)
      cd_strmap_put(surnames, sk, m->entity);
    else if (prev != m->entity)
      cd_strmap_put(shared, sk, 1);
  }
  c->multi_words = multi_words;
  cd_incr_map_filled(doc, CD_MAP_NAMES_MULTI_WORDS, multi_words);
  cd_incr_map_filled(doc, CD_MAP_NAMES_SURNAMES, surnames);
  c->org_words = org_words;
  for (size_t e = 0; e < ne; e++) c->ignored[e] = entity_ignored(doc, E(doc, e), order + start[e], start[e + 1] - start[e]);
  courtesy_totals(c, order, start, shared);
  for (size_t e = 0; e < ne; e++) {
    if (c->ignored[e]) continue;
    const size_t *ms = order + start[e];
    size_t n = start[e + 1] - start[e];
    variant_entity(c, e, ms, n);
    if (E(doc, e)->kind == CD_ENTITY_PERSON) courtesy_entity(c, e, ms, n, shared);
    first_reference(c, e, ms, n, shared, multi_words);
  }
  title_periods(c);
  spelling(c);
  case_variants(c);
  plural_variants(c, order, start);
  cd_strmap_free(surnames);
  cd_strmap_free(shared);
  cd_strmap_free(multi_words);
  cd_strmap_free(org_words);
  begin_tables_free(c);
  return r;
}

void cd_pass_names_end(cd_doc *doc, cd_names_run *r) {
  if (!r) return;
  names_ctx *c = &r->c;
  c->doc = doc;
  size_t ne = doc->entities.len;
  for (size_t q = 0; q < doc->quotes.len; q++) {
    const cd_quote *qt = CD_VEC_AT(&doc->quotes, cd_quote, q);
    if (qt->entity != CD_NONE && qt->entity < ne &&
        (qt->method == CD_ATTR_EXPLICIT || qt->method == CD_ATTR_ACCORDING_TO))
      c->speaker[qt->entity] = true;
  }
  c->speakers_known = true;
  for (size_t k = 0; k < c->deferred.len; k++) {
    const deferred_ref *d = CD_VEC_AT(&c->deferred, deferred_ref, k);
    size_t e = d->entity;
    no_first_reference(c, e, r->order + r->start[e], r->start[e + 1] - r->start[e], d->first_body, false);
  }
  run_free(r);
}
