/* Entity pass: clusters name mentions into entities.
 *
 * Keys are folded (namekey.c) and known aliases map to one key. A full name ("Vladimir Putin")
 * makes an entity; a lone surname ("Putin", "Mr Putin") joins the person whose last name it is,
 * the most recently mentioned one when two people share it. The canonical name is the fullest
 * form the article gives. */
#include "doc.h"
#include "namekey.h"
#include "strmap.h"

static size_t new_entity(cd_doc *doc) {
  cd_entity *e = cd_vec_push(&doc->entities);
  e->first_full = CD_NONE;
  e->kind = CD_ENTITY_OTHER;
  return doc->entities.len - 1;
}

typedef struct ent_work {
  size_t n_mentions;
  size_t best_mention; /* fullest */
  size_t last_mention;
  bool person, org;
} ent_work;

void cd_pass_entities(cd_doc *doc) {
  size_t nm = doc->mentions.len;
  cd_strmap full, surname, any_surname;
  cd_strmap_init(&full, doc->arena);
  cd_strmap_init(&surname, doc->arena);
  cd_strmap_init(&any_surname, doc->arena);
  cd_vec work;
  cd_vec_init(&work, sizeof(ent_work));

  /* pass 1: multi-part names and aliases make entities */
  for (size_t i = 0; i < nm; i++) {
    cd_name_mention *m = CD_VEC_AT(&doc->mentions, cd_name_mention, i);
    if (m->n_parts < 2 && !m->acronym) continue;
    const char *key = cd_alias_key(cd_name_key(doc->arena, doc->text + m->name.start, m->name.end - m->name.start));
    if (!*key) continue;
    size_t e = cd_strmap_get(&full, key);
    if (e == CD_NONE) {
      e = new_entity(doc);
      cd_vec_push(&work);
      cd_strmap_put(&full, key, e);
    }
    m->entity = e;
    if (m->n_parts >= 2 && m->person_hint && !m->org_hint) {
      const char *sk = cd_name_key(doc->arena, doc->text + m->surname.start, m->surname.end - m->surname.start);
      if (cd_strmap_get(&any_surname, sk) == CD_NONE) cd_strmap_put(&any_surname, sk, e);
    }
  }
  /* pass 2: single names join a full name by surname, by alias, or make their own entity. Walk in
   * text order, keeping "most recent full name with this surname" current. */
  for (size_t i = 0; i < nm; i++) {
    cd_name_mention *m = CD_VEC_AT(&doc->mentions, cd_name_mention, i);
    const char *sk = cd_name_key(doc->arena, doc->text + m->surname.start, m->surname.end - m->surname.start);
    if (m->entity != CD_NONE) {
      if (m->n_parts >= 2 && m->person_hint && !m->org_hint) cd_strmap_put(&surname, sk, m->entity);
      continue;
    }
    size_t e = cd_strmap_get(&surname, sk);
    if (e == CD_NONE) e = cd_strmap_get(&any_surname, sk); /* "Putin ... Vladimir Putin" */
    if (e == CD_NONE) {
      const char *key = cd_alias_key(cd_name_key(doc->arena, doc->text + m->name.start, m->name.end - m->name.start));
      if (!*key) continue;
      e = cd_strmap_get(&full, key);
      if (e == CD_NONE) {
        e = new_entity(doc);
        cd_vec_push(&work);
        cd_strmap_put(&full, key, e);
      }
    }
    m->entity = e;
  }

  /* canonical names, kinds and mention arrays */
  for (size_t i = 0; i < nm; i++) {
    const cd_name_mention *m = CD_VEC_AT(&doc->mentions, cd_name_mention, i);
    if (m->entity == CD_NONE) continue;
    ent_work *w = CD_VEC_AT(&work, ent_work, m->entity);
    if (w->n_mentions == 0) w->best_mention = i;
    const cd_name_mention *b = CD_VEC_AT(&doc->mentions, cd_name_mention, w->best_mention);
    bool fuller = m->n_parts > b->n_parts ||
                  (m->n_parts == b->n_parts && m->name.end - m->name.start > b->name.end - b->name.start &&
                   !m->acronym && b->acronym);
    if (fuller && !m->headline) w->best_mention = i;
    w->n_mentions++;
    if (m->person_hint) w->person = true;
    if (m->org_hint) w->org = true;
  }
  for (size_t e = 0; e < doc->entities.len; e++) {
    cd_entity *ent = CD_VEC_AT(&doc->entities, cd_entity, e);
    ent_work *w = CD_VEC_AT(&work, ent_work, e);
    const cd_name_mention *b = CD_VEC_AT(&doc->mentions, cd_name_mention, w->best_mention);
    ent->name = cd_arena_strndup(doc->arena, doc->text + b->name.start, b->name.end - b->name.start);
    ent->kind = w->org ? CD_ENTITY_ORGANIZATION : w->person ? CD_ENTITY_PERSON : CD_ENTITY_OTHER;
    ent->mentions = cd_arena_alloc(doc->arena, (w->n_mentions + 1) * sizeof(cd_mention));
    ent->n_mentions = 0;
  }
  for (size_t i = 0; i < nm; i++) {
    const cd_name_mention *m = CD_VEC_AT(&doc->mentions, cd_name_mention, i);
    if (m->entity == CD_NONE) continue;
    cd_entity *ent = CD_VEC_AT(&doc->entities, cd_entity, m->entity);
    ent_work *w = CD_VEC_AT(&work, ent_work, m->entity);
    cd_mention *out = (cd_mention *)ent->mentions;
    if (!out) continue;
    cd_mention *x = &out[ent->n_mentions];
    x->span = m->span;
    x->text = cd_arena_strndup(doc->arena, doc->text + m->span.start, m->span.end - m->span.start);
    x->in_quote = m->in_quote;
    x->headline = m->headline;
    const cd_name_mention *b = CD_VEC_AT(&doc->mentions, cd_name_mention, w->best_mention);
    if (ent->first_full == CD_NONE && !m->headline && m->n_parts == b->n_parts) ent->first_full = ent->n_mentions;
    ent->n_mentions++;
  }
  cd_vec_free(&work);
  cd_strmap_free(&full);
  cd_strmap_free(&surname);
  cd_strmap_free(&any_surname);
}
