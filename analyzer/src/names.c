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
#include <string.h>

#include "doc.h"
#include "namekey.h"
#include "names_lex.h"
#include "names_near.h"
#include "strmap.h"
#include "words.h"

typedef struct names_ctx {
  cd_doc *doc;
  bool *speaker;         /* per entity: named as the speaker of a quote */
  bool *ignored;         /* per entity: configuration says never to flag it */
  const char **tok_keys; /* per token: the name key of its whole text, once asked (tok_key) */
} names_ctx;

static const cd_name_mention *M(const cd_doc *doc, size_t i) { return CD_VEC_AT(&doc->mentions, cd_name_mention, i); }
static const cd_entity *E(const cd_doc *doc, size_t i) { return CD_VEC_AT(&doc->entities, cd_entity, i); }

/* The name key of token i's text up to `end` (a mention may end inside it: "Kelly's"). The steps
 * below ask for the same tokens' keys again and again: whole tokens are keyed once per pass. */
static const char *tok_key(names_ctx *c, size_t i, size_t end) {
  cd_doc *doc = c->doc;
  const cd_token *t = doc_tok(doc, i);
  if (end != t->end || !c->tok_keys) return cd_name_key(doc->arena, doc->text + t->start, end - t->start);
  if (!c->tok_keys[i]) c->tok_keys[i] = cd_name_key(doc->arena, doc->text + t->start, end - t->start);
  return c->tok_keys[i];
}

static bool body(const cd_name_mention *m) { return m->kind == MK_NAME && !m->headline && !m->in_quote; }

static const char *slice(cd_doc *doc, size_t start, size_t end) {
  const char *s = cd_arena_strndup(doc->arena, doc->text + start, end - start);
  return s ? s : "";
}

static const char *name_text(cd_doc *doc, const cd_name_mention *m) { return slice(doc, m->name.start, m->name.end); }

/* "the Trump campaign", "a Biden presidency": a surname used as a modifier, not a reference. */
static bool attributive(const cd_doc *doc, const cd_name_mention *m) {
  if (m->first_tok > 0) {
    const cd_token *p = doc_tok(doc, m->first_tok - 1);
    if (p->kind == TOK_WORD) {
      const char *w = doc->text + p->start;
      size_t n = p->end - p->start;
      if (cd_word_eq(w, n, "the") || cd_word_eq(w, n, "a") || cd_word_eq(w, n, "an")) return true;
    }
  }
  if (m->end_tok < doc_ntok(doc) && !m->possessive) {
    const cd_token *t = doc_tok(doc, m->end_tok);
    if (t->kind == TOK_WORD && (t->flags & TF_LOWER) && cd_is_attributive_head(doc->text + t->start, t->end - t->start))
      return true;
  }
  return false;
}

static bool title_is_given_name_style(const cd_doc *doc, const cd_name_mention *m) {
  if (m->title.start == CD_NONE) return false;
  /* the last word of the title decides: "Crown Prince", "Pope" */
  size_t e = m->title.end;
  while (e > m->title.start && doc->text[e - 1] == '.') e--;
  size_t s = e;
  while (s > m->title.start && doc->text[s - 1] != ' ') s--;
  return cd_is_given_name_title(doc->text + s, e - s);
}

/* ---- name.variant ---------------------------------------------------- */

typedef struct vform {
  const char *text;
  const char *key;   /* folded, no alias */
  size_t count;      /* body mentions */
  size_t first;      /* first body mention */
  cd_span first_span;
  size_t group;
  bool acronym;
  bool org;
  bool accepted;     /* a configured form of a known name */
  uint8_t n_parts;
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

static bool variant_pair(const vform *a, const vform *b) {
  if (strcmp(a->text, b->text) == 0) return false;
  if (a->accepted && b->accepted) return false; /* two forms the desk accepts */
  if (strcmp(a->key, b->key) == 0) return !only_first_case_differs(a->text, b->text);
  if (a->acronym && b->acronym) return true; /* US / USA */
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

static size_t form_index(const vset *v, const char *text) {
  for (size_t i = 0; i < v->n; i++)
    if (strcmp(v->f[i].text, text) == 0) return i;
  return CD_NONE;
}

static void add_form(cd_doc *doc, vset *v, const cd_name_mention *m, size_t mi, cd_span span, uint8_t parts) {
  const char *t = slice(doc, span.start, span.end);
  size_t f = form_index(v, t);
  if (f == CD_NONE) {
    if (v->n == MAX_FORMS) return;
    vform *x = &v->f[v->n];
    x->text = t;
    x->key = cd_name_key(doc->arena, t, strlen(t));
    if (!x->key) return;
    x->count = 0;
    x->first = mi;
    x->first_span = span;
    x->acronym = m->acronym;
    x->org = m->org_hint;
    x->accepted = accepted_form(doc, t, strlen(t));
    x->n_parts = parts;
    x->group = v->n;
    f = v->n++;
  }
  v->f[f].count++;
}

static void report_variant(cd_doc *doc, size_t e, const vset *v, size_t f, size_t target, bool house, cd_span span) {
  const vform *t = &v->f[target];
  const char *txt = v->f[f].text;
  const char *msg;
  if (house)
    msg = cd_arena_printf(doc->arena, "'%s' is written '%s' in house style%s. Write '%s'.", txt, t->text,
                          t->count ? " and elsewhere in this article" : "", t->text);
  else
    msg = cd_arena_printf(doc->arena,
                          "'%s' and '%s' are %s; '%s' is used %zu time%s elsewhere. Write '%s' as elsewhere.",
                          txt, t->text,
                          strcmp(v->f[f].key, t->key) != 0 && v->f[f].acronym && t->acronym
                              ? "two abbreviations of one name"
                              : "the same name written two ways",
                          t->text, t->count, t->count == 1 ? "" : "s", t->text);
  cd_diagnostic *d = cd_doc_add_diag(doc, "name.variant", span.start, span.end, msg);
  d->entity = e;
  if (t->first != CD_NONE)
    cd_diag_add_related(doc, d, t->first_span.start, t->first_span.end,
                        cd_arena_printf(doc->arena, "'%s' is used here", t->text));
  cd_fix *fx = cd_diag_add_fix(doc, d, cd_arena_printf(doc->arena, "Change '%s' to '%s'", txt, t->text), true);
  if (fx) cd_fix_add_edit(doc, fx, span.start, span.end, t->text);
}

static void variant_entity(names_ctx *c, size_t e, const size_t *mentions, size_t n) {
  cd_doc *doc = c->doc;
  vset v;
  v.n = 0;
  bool person = E(doc, e)->kind == CD_ENTITY_PERSON;
  for (size_t k = 0; k < n; k++) {
    const cd_name_mention *m = M(doc, mentions[k]);
    if (!body(m)) continue;
    add_form(doc, &v, m, mentions[k], m->name, m->n_parts);
    if (person && m->n_parts >= 2 && m->surname.start > m->name.start)
      add_form(doc, &v, m, mentions[k], m->surname, 1);
  }
  const char *pref = preferred_form(doc, e, v.f, v.n);
  size_t pref_idx = CD_NONE;
  if (pref) {
    size_t f = form_index(&v, pref);
    if (f == CD_NONE) { /* the house form, not used in the article: a virtual form */
      vform *x = &v.f[v.n];
      x->text = pref;
      x->key = cd_name_key(doc->arena, pref, strlen(pref));
      if (!x->key) return;
      x->count = 0;
      x->first = CD_NONE;
      x->acronym = true;
      for (const char *p = pref; *p; p++)
        if (*p >= 'a' && *p <= 'z') x->acronym = false;
      x->n_parts = 1;
      x->org = false;
      x->accepted = false;
      x->group = v.n;
      f = v.n++;
    }
    pref_idx = f;
  }
  if (v.n < 2) return;
  if (pref_idx != CD_NONE && !person) {
    /* a configured house form: every other form of this name is written the house way */
    for (size_t k = 0; k < n; k++) {
      const cd_name_mention *m = M(doc, mentions[k]);
      if (!body(m)) continue;
      size_t f = form_index(&v, slice(doc, m->name.start, m->name.end));
      if (f != CD_NONE && f != pref_idx) report_variant(doc, e, &v, f, pref_idx, true, m->name);
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
  size_t target_of[MAX_FORMS + 1];
  for (size_t g = 0; g < v.n; g++) {
    size_t members = 0, target = CD_NONE;
    for (size_t f = 0; f < v.n; f++) {
      if (v.f[f].group != g) continue;
      members++;
      if (pref_idx == f) {
        target = f;
      } else if (target == CD_NONE ||
                 (pref_idx != target && (v.f[f].count > v.f[target].count ||
                                         (v.f[f].count == v.f[target].count && v.f[f].first < v.f[target].first)))) {
        target = f;
      }
    }
    target_of[g] = members >= 2 ? target : CD_NONE;
  }
  for (size_t k = 0; k < n; k++) {
    const cd_name_mention *m = M(doc, mentions[k]);
    if (!body(m)) continue;
    size_t f = form_index(&v, slice(doc, m->name.start, m->name.end));
    if (f != CD_NONE && target_of[v.f[f].group] != CD_NONE && target_of[v.f[f].group] != f) {
      size_t t = target_of[v.f[f].group];
      report_variant(doc, e, &v, f, t, t == pref_idx, m->name);
      continue;
    }
    if (person && m->n_parts >= 2 && m->surname.start > m->name.start) {
      f = form_index(&v, slice(doc, m->surname.start, m->surname.end));
      if (f != CD_NONE && target_of[v.f[f].group] != CD_NONE && target_of[v.f[f].group] != f) {
        size_t t = target_of[v.f[f].group];
        report_variant(doc, e, &v, f, t, t == pref_idx, m->surname);
      }
    }
  }
}

/* ---- name.courtesy-title --------------------------------------------- */

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

/* The courtesy title as the article writes it ("Mr." where it has a full stop), for messages
 * that quote the text. */
static const char *courtesy_as_written(cd_doc *doc, const cd_name_mention *m) {
  size_t s = m->title.end;
  while (s > m->title.start && doc->text[s - 1] == '.') s--;
  while (s > m->title.start && doc->text[s - 1] != ' ') s--;
  return slice(doc, s, m->title.end);
}

static void courtesy_entity(names_ctx *c, size_t e, const size_t *mentions, size_t n) {
  cd_doc *doc = c->doc;
  cd_courtesy_style style = doc->config ? doc->config->courtesy : CD_COURTESY_ANY;
  size_t n_with = 0, n_without = 0, first_with = CD_NONE, first_without = CD_NONE;
  const char *title = NULL;
  for (size_t k = 0; k < n; k++) {
    const cd_name_mention *m = M(doc, mentions[k]);
    if (m->courtesy && !title) title = courtesy_as_written(doc, m);
    if (!body(m) || m->job_title) continue;
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
    if (m->n_parts != 1 || attributive(doc, m)) continue;
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
    /* the majority is the article's style; a tie goes to the form used first */
    report_without = n_with > n_without || (n_with == n_without && first_with < first_without);
  } else {
    if (!n_without) return;
    report_without = true;
  }
  for (size_t k = 0; k < n; k++) {
    const cd_name_mention *m = M(doc, mentions[k]);
    if (!body(m) || m->job_title || m->n_parts != 1 || attributive(doc, m)) continue;
    if (m->courtesy == report_without) continue;
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

/* "Mr" and "Mr." in one article. */
static void title_periods(names_ctx *c) {
  cd_doc *doc = c->doc;
  size_t n_dot = 0, n_plain = 0, first_dot = CD_NONE, first_plain = CD_NONE;
  for (size_t i = 0; i < doc->mentions.len; i++) {
    const cd_name_mention *m = M(doc, i);
    if (!body(m) || !m->courtesy) continue;
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
    if (!body(m) || !m->courtesy || title_has_period(doc, m) == (want == 1)) continue;
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
  if (m->title.start == CD_NONE || m->n_parts != 1 || m->acronym || m->org_hint) return false;
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

static void first_reference(names_ctx *c, size_t e, const size_t *mentions, size_t n, const cd_strmap *shared,
                            const cd_strmap *multi_words) {
  cd_doc *doc = c->doc;
  size_t first_full = CD_NONE, first_body = CD_NONE, first_person_full = CD_NONE;
  bool titled = false, given_style = false, acronym = false;
  for (size_t k = 0; k < n; k++) {
    const cd_name_mention *m = M(doc, mentions[k]);
    if (m->headline) continue;
    if (m->acronym) acronym = true;
    if (title_is_given_name_style(doc, m)) given_style = true;
    if (m->n_parts >= 2 && first_full == CD_NONE) first_full = mentions[k];
    if (m->n_parts >= 2 && first_person_full == CD_NONE && !m->org_hint) first_person_full = mentions[k];
    if (m->in_quote) continue;
    if (first_body == CD_NONE) first_body = mentions[k];
    if (strong_title(doc, m)) titled = true;
  }
  if (first_body == CD_NONE || acronym || given_style) return;
  const cd_entity *ent = E(doc, e);
  if (first_full == CD_NONE) {
    /* name.no-first-reference: a person never named in full */
    const cd_name_mention *m = M(doc, first_body);
    const char *key = cd_name_key(doc->arena, doc->text + m->name.start, m->name.end - m->name.start);
    if (!key || strlen(key) < 2 || ent->kind == CD_ENTITY_ORGANIZATION) return;
    /* the word is part of a longer name somewhere ("Senate Minority Whip Dick Durbin", "Tong Yung-soo"):
     * the full name was given, in a form the clustering did not tie to this one */
    if (cd_strmap_get(multi_words, key) != CD_NONE || cd_alias_known(key)) return;
    bool person = titled;
    if (!person && c->speaker[e]) {
      /* a speaker named by one word: a person unless the word is an established name (Reuters, Moscow)
       * or an ordinary word */
      const cd_token *t = doc_tok(doc, m->end_tok - 1);
      person = !cd_is_proper_word(key) && !cd_is_common_word(key, strlen(key)) && !(t->flags & TF_ALLCAPS) &&
               !m->org_hint && !cd_alias_known(key) && !org_shaped(doc->text + m->name.start, m->name.end - m->name.start, key);
    }
    if (!person) return;
    const char *form = slice(doc, m->span.start, m->span.end);
    cd_diagnostic *d = cd_doc_add_diag(
        doc, "name.no-first-reference", m->span.start, m->span.end,
        cd_arena_printf(doc->arena,
                        "'%s' is the only name this person is given. Give the full name (given name and "
                        "surname) on first reference.",
                        form));
    d->entity = e;
    return;
  }
  if (ent->kind != CD_ENTITY_PERSON || first_person_full == CD_NONE) return;
  /* name.first-reference-late: the surname alone before the full name */
  const cd_name_mention *full = M(doc, first_person_full);
  for (size_t k = 0; k < n; k++) {
    const cd_name_mention *m = M(doc, mentions[k]);
    if (m->span.start >= full->span.start) break;
    if (!body(m) || m->n_parts != 1 || attributive(doc, m)) continue;
    const char *sk = cd_name_key(doc->arena, doc->text + m->surname.start, m->surname.end - m->surname.start);
    if (!sk || cd_strmap_get(shared, sk) != CD_NONE) continue; /* two people share this surname */
    const char *fullname = name_text(doc, full);
    const char *form = name_text(doc, m);
    cd_diagnostic *d = cd_doc_add_diag(
        doc, "name.first-reference-late", m->name.start, m->name.end,
        cd_arena_printf(doc->arena,
                        "'%s' is used before the full name '%s' is given. Give the full name here, at the "
                        "first reference, and the surname after it.",
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

typedef struct sword {
  const char *key;
  size_t count;      /* body occurrences */
  size_t first;      /* first body occurrence: mention index */
  size_t first_tok;  /* its token */
  bool given;        /* the given name of a person named in full */
  size_t given_surname_entity;
  bool ignored;
  bool person_surname; /* the surname of a person */
  size_t ents[4];      /* entities of the mentions it is in (the first four) */
  size_t n_ents;
} sword;

/* The pair is tied by more than spelling: one entity holds both words, or both are people's
 * surnames ("Anne Sacoolas", "the Socoolas family"). Not "Polak" (a person) and "Poland". */
static bool spelling_linked(const sword *a, const sword *b) {
  if (a->person_surname && b->person_surname) return true;
  for (size_t i = 0; i < a->n_ents; i++)
    for (size_t j = 0; j < b->n_ents; j++)
      if (a->ents[i] == b->ents[j]) return true;
  return false;
}

/* A place under its former and its current name ("Bangalore", "Bengaluru"): the name used less
 * (the later one on a tie) is reported. */
static void renamed_places(names_ctx *c, const cd_vec *words, const size_t *tok_word, const size_t *tok_mention) {
  cd_doc *doc = c->doc;
  cd_strmap best;
  cd_strmap_init(&best, doc->arena);
  for (size_t i = 0; i < words->len; i++) {
    const sword *w = CD_VEC_AT(words, sword, i);
    if (!w->count || w->ignored || !cd_is_renamed(w->key)) continue;
    const char *r = cd_rename_key(w->key);
    size_t b = cd_strmap_get(&best, r);
    const sword *bw = b == CD_NONE ? NULL : CD_VEC_AT(words, sword, b);
    if (!bw || w->count > bw->count || (w->count == bw->count && w->first < bw->first)) cd_strmap_put(&best, r, i);
  }
  if (!best.len) goto out;
  for (size_t t = 0; t < doc_ntok(doc); t++) {
    size_t id = tok_word[t];
    if (id == CD_NONE) continue;
    const sword *w = CD_VEC_AT(words, sword, id);
    if (!cd_is_renamed(w->key)) continue;
    size_t b = cd_strmap_get(&best, cd_rename_key(w->key));
    if (b == CD_NONE || b == id) continue;
    const sword *bw = CD_VEC_AT(words, sword, b);
    const cd_token *tk = doc_tok(doc, t), *bt = doc_tok(doc, bw->first_tok);
    const cd_name_mention *m = M(doc, tok_mention[t]), *bm = M(doc, bw->first);
    size_t end = tk->end < m->name.end ? tk->end : m->name.end;
    size_t bend = bt->end < bm->name.end ? bt->end : bm->name.end;
    const char *form = slice(doc, tk->start, end), *other = slice(doc, bt->start, bend);
    bool current = strcmp(cd_rename_key(w->key), w->key) == 0;
    cd_diagnostic *d = cd_doc_add_diag(
        doc, "name.variant", tk->start, end,
        cd_arena_printf(doc->arena,
                        "'%s' is the %s name of %s, and this article uses both. Write '%s' as elsewhere, or "
                        "'%s' throughout.",
                        form, current ? "current" : "former", other, other, form));
    d->entity = m->entity;
    cd_diag_add_related(doc, d, bt->start, bend, cd_arena_printf(doc->arena, "'%s' is used here", other));
    cd_fix *fx = cd_diag_add_fix(doc, d, cd_arena_printf(doc->arena, "Change '%s' to '%s'", form, other), true);
    if (fx) cd_fix_add_edit(doc, fx, tk->start, end, other);
  }
out:
  cd_strmap_free(&best);
}

static void spelling(names_ctx *c) {
  cd_doc *doc = c->doc;
  cd_strmap ids;
  cd_strmap_init(&ids, doc->arena);
  cd_vec words;
  cd_vec_init(&words, sizeof(sword));
  size_t *tok_word = cd_arena_alloc(doc->arena, (doc_ntok(doc) + 1) * sizeof(size_t));
  size_t *tok_mention = cd_arena_alloc(doc->arena, (doc_ntok(doc) + 1) * sizeof(size_t));
  if (!tok_word || !tok_mention) goto out;
  for (size_t i = 0; i <= doc_ntok(doc); i++) tok_word[i] = tok_mention[i] = CD_NONE;
  for (size_t i = 0; i < doc->mentions.len; i++) {
    const cd_name_mention *m = M(doc, i);
    if (m->kind != MK_NAME || m->acronym || m->headline) continue;
    bool first_word = true;
    for (size_t t = m->first_tok; t < m->end_tok; t++) {
      const cd_token *tk = doc_tok(doc, t);
      if (tk->start < m->name.start || tk->kind != TOK_WORD || !(tk->flags & TF_CAP) || (tk->flags & TF_ALLCAPS)) continue;
      size_t end = tk->end < m->name.end ? tk->end : m->name.end;
      const char *key = tok_key(c, t, end);
      bool is_given = first_word && m->n_parts >= 2;
      first_word = false;
      if (!key || (strlen(key) < 5 && !cd_is_renamed(key))) continue;
      size_t id = cd_strmap_get(&ids, key);
      if (id == CD_NONE) {
        sword *w = cd_vec_push(&words);
        w->key = key;
        w->first = CD_NONE;
        w->given_surname_entity = CD_NONE;
        id = words.len - 1;
        cd_strmap_put(&ids, key, id);
      }
      sword *w = CD_VEC_AT(&words, sword, id);
      if (m->entity != CD_NONE && c->ignored[m->entity]) w->ignored = true;
      if (m->entity != CD_NONE) {
        bool have = false;
        for (size_t x = 0; x < w->n_ents && !have; x++) have = w->ents[x] == m->entity;
        if (!have && w->n_ents < 4) w->ents[w->n_ents++] = m->entity;
        if (t + 1 == m->end_tok && E(doc, m->entity)->kind == CD_ENTITY_PERSON) w->person_surname = true;
      }
      if (is_given) {
        if (w->given && w->given_surname_entity != m->entity) w->given_surname_entity = CD_NONE - 1;
        else w->given_surname_entity = m->entity;
        w->given = true;
      }
      if (m->in_quote) continue;
      tok_word[t] = id;
      tok_mention[t] = i;
      if (!w->count++) {
        w->first = i;
        w->first_tok = t;
      }
    }
  }
  cd_near_index ix;
  cd_near_init(&ix);
  const char **keys = cd_arena_alloc(doc->arena, (words.len + 1) * sizeof(const char *));
  /* minority[i]: the word it probably misspells, or CD_NONE */
  size_t *majority = cd_arena_alloc(doc->arena, (words.len + 1) * sizeof(size_t));
  cd_vec cand;
  cd_vec_init(&cand, sizeof(size_t));
  if (!keys || !majority) goto out2;
  for (size_t i = 0; i < words.len; i++) keys[i] = CD_VEC_AT(&words, sword, i)->key;
  cd_near_add_all(&ix, keys, words.len);
  for (size_t i = 0; i < words.len; i++) majority[i] = CD_NONE;
  for (size_t i = 0; i < words.len; i++) {
    const sword *a = CD_VEC_AT(&words, sword, i);
    if (!a->count || a->ignored || cd_is_proper_word(a->key) || cd_is_common_word(a->key, strlen(a->key))) continue;
    cand.len = 0;
    cd_near_candidates(&ix, a->key, &cand);
    size_t best = CD_NONE;
    bool ambiguous = false;
    for (size_t x = 0; x < cand.len; x++) {
      size_t j = *CD_VEC_AT(&cand, size_t, x);
      const sword *b = CD_VEC_AT(&words, sword, j);
      if (j == i || !b->count || b->ignored) continue;
      if (!cd_near_miss(a->key, b->key) || cd_spelling_explained(a->key, b->key)) continue;
      /* a is the minority: b is used more often, and more than once (one use against one use says
       * nothing about which is right, and is as often two people: "Joe Schriner", "Pam Shriver") */
      if (b->count <= a->count || b->count < 2) continue;
      /* two people's given names ("Maria Lopez", "Mario Rossi") */
      if (a->given && b->given && a->given_surname_entity != b->given_surname_entity) continue;
      if (!spelling_linked(a, b)) continue;
      if (best != CD_NONE) ambiguous = true;
      best = j;
    }
    if (!ambiguous) majority[i] = best;
  }
  renamed_places(c, &words, tok_word, tok_mention);
  for (size_t t = 0; t < doc_ntok(doc); t++) {
    size_t id = tok_word[t];
    if (id == CD_NONE || majority[id] == CD_NONE) continue;
    const sword *b = CD_VEC_AT(&words, sword, majority[id]);
    const cd_token *tk = doc_tok(doc, t);
    const cd_name_mention *m = M(doc, tok_mention[t]);
    size_t end = tk->end < m->name.end ? tk->end : m->name.end;
    const cd_token *bt = doc_tok(doc, b->first_tok);
    const cd_name_mention *bm = M(doc, b->first);
    size_t bend = bt->end < bm->name.end ? bt->end : bm->name.end;
    const char *form = slice(doc, tk->start, end), *other = slice(doc, bt->start, bend);
    if (accepted_form(doc, form, strlen(form))) continue;
    cd_diagnostic *d = cd_doc_add_diag(
        doc, "name.spelling", tk->start, end,
        cd_arena_printf(doc->arena,
                        "'%s' is probably a misspelling of '%s', used %zu time%s elsewhere. Check the name "
                        "and use one spelling.",
                        form, other, b->count, b->count == 1 ? "" : "s"));
    d->entity = m->entity;
    cd_diag_add_related(doc, d, bt->start, bend, cd_arena_printf(doc->arena, "'%s' is spelled so here", other));
    cd_fix *fx = cd_diag_add_fix(doc, d, cd_arena_printf(doc->arena, "Change '%s' to '%s'", form, other), true);
    if (fx) cd_fix_add_edit(doc, fx, tk->start, end, other);
  }
out2:
  cd_vec_free(&cand);
  cd_near_free(&ix);
out:
  cd_vec_free(&words);
  cd_strmap_free(&ids);
}

/* ---- capitalisation variants outside the mentions ---------------------- */

typedef struct cform {
  size_t mention;
  size_t next; /* next form with the same first word, or CD_NONE */
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

/* "European union" where the article writes "European Union": a multi-word name (not a person's)
 * written with a word in lower case, mid-sentence. The chunker sees only "European" there, so the
 * words after each name-initial word are compared with the names the article uses. */
static void case_variants(names_ctx *c) {
  cd_doc *doc = c->doc;
  cd_strmap first_word, seen;
  cd_strmap_init(&first_word, doc->arena);
  cd_strmap_init(&seen, doc->arena);
  cd_vec forms;
  cd_vec_init(&forms, sizeof(cform));
  for (size_t i = 0; i < doc->mentions.len; i++) {
    const cd_name_mention *m = M(doc, i);
    if (!body(m) || m->n_parts < 2 || m->entity == CD_NONE || c->ignored[m->entity]) continue;
    if (E(doc, m->entity)->kind == CD_ENTITY_PERSON) continue;
    size_t ft, nw;
    if (!form_words(doc, m, &ft, &nw)) continue;
    const char *key = cd_name_key(doc->arena, doc->text + m->name.start, m->name.end - m->name.start);
    if (!key || cd_strmap_get(&seen, key) != CD_NONE) continue;
    cd_strmap_put(&seen, key, 1);
    const char *fk = tok_key(c, ft, doc_tok(doc, ft)->end);
    if (!fk) continue;
    cform *cf = cd_vec_push(&forms);
    cf->mention = i;
    cf->next = cd_strmap_get(&first_word, fk);
    cd_strmap_put(&first_word, fk, forms.len - 1);
  }
  if (!forms.len) goto out;
  for (size_t i = 0; i < doc_ntok(doc); i++) {
    const cd_token *t = doc_tok(doc, i);
    if (t->kind != TOK_WORD || !(t->flags & TF_CAP) || t->quote != NO_QUOTE) continue;
    if (CD_VEC_AT(&doc->paras, cd_para, t->para)->headline) continue;
    const char *tk = tok_key(c, i, t->end);
    if (!tk) continue;
    for (size_t f = cd_strmap_get(&first_word, tk); f != CD_NONE; f = CD_VEC_AT(&forms, cform, f)->next) {
      const cd_name_mention *m = M(doc, CD_VEC_AT(&forms, cform, f)->mention);
      size_t ft, nw;
      form_words(doc, m, &ft, &nw);
      if (i + nw > doc_ntok(doc)) continue;
      bool match = true, lowered = false;
      for (size_t k = 0; k < nw && match; k++) {
        const cd_token *a = doc_tok(doc, ft + k), *b = doc_tok(doc, i + k);
        if (b->kind != TOK_WORD || b->sent != t->sent || b->quote != NO_QUOTE) {
          match = false;
          break;
        }
        const char *ak = tok_key(c, ft + k, a->end);
        const char *bk = tok_key(c, i + k, b->end);
        match = ak && bk && strcmp(ak, bk) == 0;
        if ((a->flags & TF_CAP) && (b->flags & TF_LOWER)) lowered = true;
      }
      if (!match || !lowered) continue;
      /* the words after must not carry the name on ("European union law" is fine to report; a longer
       * capitalised name is not this one) */
      size_t end = doc_tok(doc, i + nw - 1)->end;
      const char *form = slice(doc, t->start, end), *target = name_text(doc, m);
      cd_diagnostic *d = cd_doc_add_diag(
          doc, "name.variant", t->start, end,
          cd_arena_printf(doc->arena, "'%s' is written '%s' elsewhere in this article. Write '%s' as elsewhere.",
                          form, target, target));
      d->entity = m->entity;
      cd_diag_add_related(doc, d, m->name.start, m->name.end, cd_arena_printf(doc->arena, "'%s' is used here", target));
      cd_fix *fx = cd_diag_add_fix(doc, d, cd_arena_printf(doc->arena, "Change '%s' to '%s'", form, target), true);
      if (fx) cd_fix_add_edit(doc, fx, t->start, end, target);
      i += nw - 1;
      break;
    }
  }
out:
  cd_vec_free(&forms);
  cd_strmap_free(&first_word);
  cd_strmap_free(&seen);
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

void cd_pass_names(cd_doc *doc) {
  size_t ne = doc->entities.len, nm = doc->mentions.len;
  if (!ne) return;
  names_ctx c = {.doc = doc};
  c.speaker = cd_arena_alloc(doc->arena, ne * sizeof(bool));
  c.tok_keys = cd_arena_alloc(doc->arena, (doc_ntok(doc) + 1) * sizeof(const char *));
  c.ignored = cd_arena_alloc(doc->arena, ne * sizeof(bool));
  /* mention indexes grouped by entity (counting sort: mentions stay in text order) */
  size_t *start = cd_arena_alloc(doc->arena, (ne + 1) * sizeof(size_t));
  size_t *order = cd_arena_alloc(doc->arena, (nm + 1) * sizeof(size_t));
  size_t *fill = cd_arena_alloc(doc->arena, (ne + 1) * sizeof(size_t));
  if (!c.speaker || !c.ignored || !start || !order || !fill) return;
  for (size_t i = 0; i < nm; i++) {
    const cd_name_mention *m = M(doc, i);
    if (m->entity != CD_NONE) start[m->entity + 1]++;
  }
  for (size_t e = 0; e < ne; e++) start[e + 1] += start[e];
  for (size_t i = 0; i < nm; i++) {
    const cd_name_mention *m = M(doc, i);
    if (m->entity != CD_NONE) order[start[m->entity] + fill[m->entity]++] = i;
  }
  for (size_t q = 0; q < doc->quotes.len; q++) {
    const cd_quote *qt = CD_VEC_AT(&doc->quotes, cd_quote, q);
    if (qt->entity != CD_NONE && qt->entity < ne &&
        (qt->method == CD_ATTR_EXPLICIT || qt->method == CD_ATTR_ACCORDING_TO))
      c.speaker[qt->entity] = true;
  }
  /* surnames that two people named in full share ("David Turpin", "Louise Turpin"); every word of a
   * multi-part name */
  cd_strmap surnames, shared, multi_words;
  cd_strmap_init(&surnames, doc->arena);
  cd_strmap_init(&shared, doc->arena);
  cd_strmap_init(&multi_words, doc->arena);
  for (size_t i = 0; i < nm; i++) {
    const cd_name_mention *m = M(doc, i);
    if (m->kind == MK_NAME && m->n_parts >= 2 && !m->headline) {
      for (size_t t = m->first_tok; t < m->end_tok; t++) {
        const cd_token *tk = doc_tok(doc, t);
        if (tk->kind != TOK_WORD || tk->start < m->name.start) continue;
        size_t end = tk->end < m->name.end ? tk->end : m->name.end;
        const char *wk = tok_key(&c, t, end);
        if (wk && *wk) cd_strmap_put(&multi_words, wk, 1);
      }
    }
    if (m->kind != MK_NAME || m->n_parts < 2 || m->entity == CD_NONE) continue;
    const char *sk = cd_name_key(doc->arena, doc->text + m->surname.start, m->surname.end - m->surname.start);
    if (!sk) continue;
    size_t prev = cd_strmap_get(&surnames, sk);
    if (prev == CD_NONE)
      cd_strmap_put(&surnames, sk, m->entity);
    else if (prev != m->entity)
      cd_strmap_put(&shared, sk, 1);
  }
  for (size_t e = 0; e < ne; e++) c.ignored[e] = entity_ignored(doc, E(doc, e), order + start[e], start[e + 1] - start[e]);
  for (size_t e = 0; e < ne; e++) {
    if (c.ignored[e]) continue;
    const size_t *ms = order + start[e];
    size_t n = start[e + 1] - start[e];
    variant_entity(&c, e, ms, n);
    if (E(doc, e)->kind == CD_ENTITY_PERSON) courtesy_entity(&c, e, ms, n);
    first_reference(&c, e, ms, n, &shared, &multi_words);
  }
  title_periods(&c);
  spelling(&c);
  case_variants(&c);
  cd_strmap_free(&surnames);
  cd_strmap_free(&shared);
  cd_strmap_free(&multi_words);
}
