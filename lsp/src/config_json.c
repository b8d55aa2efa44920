/* Settings JSON -> cd_config, with an error for every key that is unknown or badly typed. */
#include "config_json.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* ---- errors ------------------------------------------------------------ */

void cd_config_errors_init(cd_config_errors *e) { memset(e, 0, sizeof *e); }

void cd_config_errors_free(cd_config_errors *e) {
  if (!e) return;
  for (size_t i = 0; i < e->len; i++) {
    free(e->items[i].message);
    free(e->items[i].detail);
    free(e->items[i].file);
    free(e->items[i].pointer);
  }
  free(e->items);
  memset(e, 0, sizeof *e);
}

static char *dup_or_null(const char *s) { return s ? strdup(s) : NULL; }

void cd_config_error_set_source(cd_config_error *err, const char *source) {
  char pos[48] = "";
  if (err->line > 0) snprintf(pos, sizeof pos, ":%d:%d", err->line, err->column);
  const char *detail = err->detail ? err->detail : "";
  size_t n = strlen(source ? source : "") + strlen(pos) + strlen(detail) + 4;
  char *m = malloc(n);
  if (!m) return;
  snprintf(m, n, "%s%s: %s", source ? source : "", pos, detail);
  free(err->message);
  err->message = m;
}

cd_config_error *cd_config_errors_add(cd_config_errors *e, const char *source, const char *file,
                                      const char *pointer, bool at_key, const char *detail) {
  if (e->len == e->cap) {
    size_t cap = e->cap ? e->cap * 2 : 8;
    cd_config_error *p = realloc(e->items, cap * sizeof *p);
    if (!p) return NULL;
    e->items = p;
    e->cap = cap;
  }
  cd_config_error *err = &e->items[e->len];
  memset(err, 0, sizeof *err);
  err->detail = strdup(detail);
  err->file = dup_or_null(file);
  err->pointer = strdup(pointer ? pointer : "");
  err->at_key = at_key;
  err->start = err->end = CD_NONE;
  cd_config_error_set_source(err, source);
  if (!err->detail || !err->pointer || !err->message || (file && !err->file)) {
    free(err->detail);
    free(err->file);
    free(err->pointer);
    free(err->message);
    return NULL;
  }
  e->len++;
  return err;
}

size_t cd_config_errors_format(const cd_config_errors *e, char *buf, size_t size) {
  size_t len = 0;
  if (size) buf[0] = 0;
  if (!e || !e->len) return 0;
  /* A file that cannot be read or parsed (pointer "": the whole document) applies not at all;
   * the message must not promise that the rest of it does. */
  size_t whole = 0;
  for (size_t i = 0; i < e->len; i++) {
    if (e->items[i].file != NULL && e->items[i].pointer != NULL && e->items[i].pointer[0] == '\0') whole++;
  }
  char head[200];
  if (whole == e->len) {
    snprintf(head, sizeof head,
             "copydesk: the configuration file cannot be used, so none of it applies (defaults and "
             "editor settings do) until it is fixed:");
  } else if (whole > 0) {
    snprintf(head, sizeof head,
             "copydesk: %zu problems in the configuration; a file that cannot be used applies not at "
             "all, and the other bad settings are skipped:", e->len);
  } else {
    snprintf(head, sizeof head, "copydesk: %zu problem%s in the configuration; %s skipped, the rest applies:",
             e->len, e->len == 1 ? "" : "s", e->len == 1 ? "that setting is" : "those settings are");
  }
  for (size_t i = 0; i <= e->len; i++) {
    const char *sep = i ? "\n" : "", *text = i ? e->items[i - 1].message : head;
    if (len < size) snprintf(buf + len, size - len, "%s%s", sep, text);
    len += strlen(sep) + strlen(text);
  }
  return len;
}

/* ---- walking the settings ------------------------------------------------ */

typedef struct ctx {
  cd_config *config;
  cd_server_settings *server;
  cd_config_errors *errors;
  const char *source;
  const char *file;
  char disp[768]; /* "names.known[0].forms[1]" */
  size_t disp_len;
  char ptr[1024]; /* "/names/known/0/forms/1" */
  size_t ptr_len;
  bool ok;
  size_t reported, dropped; /* errors added, and those left out past CD_CONFIG_MAX_ERRORS */
} ctx;

typedef struct mark {
  size_t disp, ptr;
} mark;

static void append(char *buf, size_t size, size_t *len, const char *s, size_t n) {
  if (*len + n >= size) n = *len + 1 < size ? size - 1 - *len : 0;
  memcpy(buf + *len, s, n);
  *len += n;
  buf[*len] = 0;
}

static bool plain_key(const char *k) {
  if (!*k) return false;
  for (const char *p = k; *p; p++)
    if (!isalnum((unsigned char)*p) && *p != '_' && *p != '-' && *p != '$') return false;
  return true;
}

static mark push_key(ctx *c, const char *key) {
  mark m = {c->disp_len, c->ptr_len};
  if (plain_key(key)) {
    if (c->disp_len) append(c->disp, sizeof c->disp, &c->disp_len, ".", 1);
    append(c->disp, sizeof c->disp, &c->disp_len, key, strlen(key));
  } else {
    append(c->disp, sizeof c->disp, &c->disp_len, "[\"", 2);
    append(c->disp, sizeof c->disp, &c->disp_len, key, strlen(key));
    append(c->disp, sizeof c->disp, &c->disp_len, "\"]", 2);
  }
  append(c->ptr, sizeof c->ptr, &c->ptr_len, "/", 1);
  for (const char *p = key; *p; p++) {
    if (*p == '~') append(c->ptr, sizeof c->ptr, &c->ptr_len, "~0", 2);
    else if (*p == '/') append(c->ptr, sizeof c->ptr, &c->ptr_len, "~1", 2);
    else append(c->ptr, sizeof c->ptr, &c->ptr_len, p, 1);
  }
  return m;
}

static mark push_index(ctx *c, size_t i) {
  mark m = {c->disp_len, c->ptr_len};
  char buf[32];
  int n = snprintf(buf, sizeof buf, "[%zu]", i);
  append(c->disp, sizeof c->disp, &c->disp_len, buf, (size_t)n);
  n = snprintf(buf, sizeof buf, "/%zu", i);
  append(c->ptr, sizeof c->ptr, &c->ptr_len, buf, (size_t)n);
  return m;
}

static void pop(ctx *c, mark m) {
  c->disp_len = m.disp;
  c->disp[m.disp] = 0;
  c->ptr_len = m.ptr;
  c->ptr[m.ptr] = 0;
}

static void error_at(ctx *c, bool at_key, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static void error_at(ctx *c, bool at_key, const char *fmt, ...) {
  char text[1024], detail[1900];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(text, sizeof text, fmt, ap);
  va_end(ap);
  if (c->disp_len) snprintf(detail, sizeof detail, "%s: %s", c->disp, text);
  else snprintf(detail, sizeof detail, "%s", text);
  c->ok = false;
  if (!c->errors) return;
  if (c->reported >= CD_CONFIG_MAX_ERRORS) {
    c->dropped++;
    return;
  }
  c->reported++;
  cd_config_errors_add(c->errors, c->source, c->file, c->ptr, at_key, detail);
}

static const char *type_name(const json_t *v) {
  if (!v) return "nothing";
  switch (json_typeof(v)) {
  case JSON_OBJECT: return "an object";
  case JSON_ARRAY: return "a list";
  case JSON_STRING: return "a string";
  case JSON_INTEGER:
  case JSON_REAL: return "a number";
  case JSON_TRUE:
  case JSON_FALSE: return "true/false";
  case JSON_NULL: return "null";
  }
  return "something else";
}

/* What a bad value was, for messages: the string itself (shortened) or its type. */
static const char *got(const json_t *v, char *buf, size_t size) {
  if (!json_is_string(v)) return type_name(v);
  const char *s = json_string_value(v);
  size_t n = strlen(s);
  if (n > 40) snprintf(buf, size, "\"%.37s...\"", s);
  else snprintf(buf, size, "\"%s\"", s);
  return buf;
}

/* Edit distance, case-insensitive, for "did you mean". */
static size_t distance(const char *a, const char *b) {
  size_t na = strlen(a), nb = strlen(b), row[65];
  if (na > 64 || nb > 64) return (size_t)-1;
  for (size_t j = 0; j <= nb; j++) row[j] = j;
  for (size_t i = 1; i <= na; i++) {
    size_t diag = row[0];
    row[0] = i;
    for (size_t j = 1; j <= nb; j++) {
      size_t up = row[j];
      size_t best = diag + (tolower((unsigned char)a[i - 1]) != tolower((unsigned char)b[j - 1]));
      if (up + 1 < best) best = up + 1;
      if (row[j - 1] + 1 < best) best = row[j - 1] + 1;
      row[j] = best;
      diag = up;
    }
  }
  return row[nb];
}

const char *cd_nearest_name(const char *key, const char *const *known, size_t n) {
  size_t best = (size_t)-1;
  const char *found = NULL;
  for (size_t i = 0; i < n; i++) {
    size_t d = distance(key, known[i]);
    if (d < best) {
      best = d;
      found = known[i];
    }
  }
  size_t len = strlen(key);
  return best <= (len <= 3 ? 1u : len < 8 ? 2u : 3u) ? found : NULL;
}

/* Reports an unknown key of an object whose keys are `known`. */
static void unknown_key(ctx *c, const char *key, const char *const *known, size_t n) {
  mark m = push_key(c, key);
  pop(c, (mark){m.disp, c->ptr_len}); /* the message names the parent; the pointer, the key */
  const char *near = cd_nearest_name(key, known, n);
  char list[512] = "";
  size_t len = 0;
  for (size_t i = 0; i < n; i++) {
    if (known[i][0] == '$') continue;
    if (len) append(list, sizeof list, &len, ", ", 2);
    append(list, sizeof list, &len, known[i], strlen(known[i]));
  }
  if (near) error_at(c, true, "unknown setting '%s' (did you mean '%s'?)", key, near);
  else error_at(c, true, "unknown setting '%s' (known: %s)", key, list);
  pop(c, m);
}

/* Expects an object; false (with an error) for anything else but null. */
static bool want_object(ctx *c, const json_t *v, const char *what) {
  if (json_is_object(v)) return true;
  if (json_is_array(v) && json_array_size(v) == 0) return false; /* an empty Lua table: nothing */
  if (!json_is_null(v)) error_at(c, false, "expected %s, got %s", what, type_name(v));
  return false;
}

static bool want_array(ctx *c, const json_t *v, const char *what) {
  if (json_is_array(v)) return true;
  if (!json_is_null(v)) error_at(c, false, "expected %s, got %s", what, type_name(v));
  return false;
}

/* A non-empty string; NULL with an error otherwise. */
static const char *want_string(ctx *c, const json_t *v, const char *what) {
  if (!json_is_string(v)) {
    error_at(c, false, "expected %s, got %s", what, type_name(v));
    return NULL;
  }
  const char *s = json_string_value(v);
  size_t k = 0;
  while (s[k] == ' ' || s[k] == '\t' || s[k] == '\n' || s[k] == '\r') k++;
  if (!s[k]) {
    error_at(c, false, "expected %s, got an empty string", what);
    return NULL;
  }
  if (strlen(s) != json_string_length(v)) {
    error_at(c, false, "expected %s without NUL characters", what);
    return NULL;
  }
  return s;
}

static void out_of_memory(ctx *c) { error_at(c, false, "out of memory"); }

/* ---- rules --------------------------------------------------------------- */

static void set_rule(ctx *c, const char *code, const json_t *value) {
  char gbuf[64];
  mark m = push_key(c, code);
  cd_severity sev;
  if (json_is_null(value)) {
    /* not set */
  } else if (!json_is_string(value) || !cd_severity_parse(json_string_value(value), &sev)) {
    error_at(c, false, "expected one of \"off\", \"hint\", \"info\", \"warning\", \"error\", got %s",
             got(value, gbuf, sizeof gbuf));
  } else if (c->config) {
    size_t n;
    const cd_rule_info *rules = cd_rules(&n);
    size_t len = strlen(code);
    bool group = len >= 2 && strcmp(code + len - 2, ".*") == 0;
    for (size_t i = 0; i < n; i++)
      if (group ? strncmp(rules[i].code, code, len - 1) == 0 : strcmp(rules[i].code, code) == 0)
        cd_config_set_severity(c->config, rules[i].code, sev);
  }
  pop(c, m);
}

static bool rule_key_known(const char *code) {
  size_t n, len = strlen(code);
  const cd_rule_info *rules = cd_rules(&n);
  if (len >= 2 && strcmp(code + len - 2, ".*") == 0) {
    for (size_t i = 0; i < n; i++)
      if (strncmp(rules[i].code, code, len - 1) == 0) return true;
    return false;
  }
  return cd_rule_find(code) != NULL;
}

static void apply_rules(ctx *c, const json_t *rules) {
  if (!want_object(c, rules, "an object of rule codes and severities")) return;
  size_t n;
  const cd_rule_info *table = cd_rules(&n);
  const char *codes[64];
  size_t nc = 0;
  for (size_t i = 0; i < n && nc < 64; i++) codes[nc++] = table[i].code;
  const char *code;
  json_t *value;
  /* groups ("name.*") first, so that a rule named on its own wins whatever the key order */
  for (int pass = 0; pass < 2; pass++) {
    json_object_foreach((json_t *)rules, code, value) {
      size_t len = strlen(code);
      bool group = len >= 2 && strcmp(code + len - 2, ".*") == 0;
      if (group != (pass == 0)) continue;
      if (!rule_key_known(code)) {
        mark m = push_key(c, code);
        pop(c, (mark){m.disp, c->ptr_len});
        const char *near = cd_nearest_name(code, codes, nc);
        if (near) error_at(c, true, "unknown rule '%s' (did you mean '%s'?)", code, near);
        else error_at(c, true, "unknown rule '%s' (the rules are listed in docs/configuration.md)", code);
        pop(c, m);
        continue;
      }
      set_rule(c, code, value);
    }
  }
}

/* ---- style ----------------------------------------------------------------- */

static void apply_courtesy(ctx *c, const json_t *v) {
  char gbuf[64];
  static const struct {
    const char *name;
    cd_courtesy_style style;
  } styles[] = {{"any", CD_COURTESY_ANY},
                {"none", CD_COURTESY_NONE},
                {"after-first-reference", CD_COURTESY_AFTER_FIRST_REFERENCE},
                {"always", CD_COURTESY_ALWAYS}};
  if (json_is_null(v)) return;
  if (json_is_string(v)) {
    for (size_t i = 0; i < sizeof styles / sizeof styles[0]; i++) {
      if (strcmp(json_string_value(v), styles[i].name) == 0) {
        if (c->config) cd_config_set_courtesy_style(c->config, styles[i].style);
        return;
      }
    }
  }
  error_at(c, false, "expected one of \"none\", \"after-first-reference\", \"always\", \"any\", got %s",
           got(v, gbuf, sizeof gbuf));
}

static void apply_title_period(ctx *c, const json_t *v) {
  char gbuf[64];
  if (json_is_null(v)) return;
  const char *s = json_is_string(v) ? json_string_value(v) : NULL;
  if (s && strcmp(s, "Mr.") == 0) {
    if (c->config) cd_config_set_title_period(c->config, true);
  } else if (s && strcmp(s, "Mr") == 0) {
    if (c->config) cd_config_set_title_period(c->config, false);
  } else if (s && strcmp(s, "any") == 0) {
    if (c->config) cd_config_clear_title_period(c->config);
  } else {
    error_at(c, false, "expected \"Mr\" (no full stop), \"Mr.\" (full stop) or \"any\", got %s",
             got(v, gbuf, sizeof gbuf));
  }
}

static void apply_presidents(ctx *c, const json_t *v) {
  char gbuf[64];
  if (json_is_null(v)) return;
  const char *s = json_is_string(v) ? json_string_value(v) : NULL;
  if (s && strcmp(s, "full-name") == 0) {
    if (c->config) cd_config_set_presidents_by_title(c->config, false);
  } else if (s && strcmp(s, "title-and-surname") == 0) {
    if (c->config) cd_config_set_presidents_by_title(c->config, true);
  } else {
    error_at(c, false, "expected \"full-name\" (\"President Barack Obama\") or \"title-and-surname\" (\"President Obama\"), got %s",
             got(v, gbuf, sizeof gbuf));
  }
}

static void apply_preferred(ctx *c, const json_t *forms) {
  if (!want_object(c, forms, "an object of names and their house forms ({\"United States\": \"U.S.\"})"))
    return;
  const char *entity;
  json_t *form;
  json_object_foreach((json_t *)forms, entity, form) {
    mark m = push_key(c, entity);
    const char *f = json_is_null(form) ? NULL : want_string(c, form, "the house form as a string");
    size_t k = 0;
    while (entity[k] == ' ') k++;
    if (f && !entity[k]) error_at(c, true, "the name must not be empty");
    else if (f && c->config && !cd_config_add_preferred_form(c->config, entity, f)) out_of_memory(c);
    pop(c, m);
  }
}

static void apply_style(ctx *c, const json_t *style) {
  static const char *const known[] = {"courtesyTitles", "titlePeriod", "presidentFirstReference", "preferredForms"};
  if (!want_object(c, style, "an object")) return;
  const char *key;
  json_t *v;
  json_object_foreach((json_t *)style, key, v) {
    mark m = push_key(c, key);
    if (strcmp(key, "courtesyTitles") == 0) apply_courtesy(c, v);
    else if (strcmp(key, "titlePeriod") == 0) apply_title_period(c, v);
    else if (strcmp(key, "presidentFirstReference") == 0) apply_presidents(c, v);
    else if (strcmp(key, "preferredForms") == 0) apply_preferred(c, v);
    else {
      pop(c, m);
      unknown_key(c, key, known, sizeof known / sizeof known[0]);
      continue;
    }
    pop(c, m);
  }
}

/* ---- lists ----------------------------------------------------------------- */

typedef bool (*string_fn)(ctx *c, const char *s);

/* A list of non-empty strings, each handed to `fn` (which reports its own errors). */
static void apply_string_list(ctx *c, const json_t *list, const char *what, string_fn fn) {
  if (!want_array(c, list, "a list of strings")) return;
  size_t i;
  json_t *v;
  json_array_foreach((json_t *)list, i, v) {
    mark m = push_index(c, i);
    const char *s = want_string(c, v, what);
    if (s) fn(c, s);
    pop(c, m);
  }
}

static bool add_ignored_name(ctx *c, const char *s) {
  if (c->config && !cd_config_add_ignored_name(c->config, s)) out_of_memory(c);
  return true;
}

static bool add_verb(ctx *c, const char *s) {
  for (const char *p = s; *p; p++) {
    if (*p == ' ' || *p == '\t' || *p == '\n') {
      error_at(c, false, "'%s': a verb of saying is one word (\"quipped\"), not a phrase", s);
      return false;
    }
  }
  if (c->config && !cd_config_add_speech_verb(c->config, s)) out_of_memory(c);
  return true;
}

static bool add_disabled_claim(ctx *c, const char *s) {
  if (c->config && !cd_config_disable_claim_phrase(c->config, s)) out_of_memory(c);
  return true;
}

/* "sources": globs of the record's files, read by the layer that loads them (record_files.c). */
static bool check_source_glob(ctx *c, const char *s) {
  if (!*s) error_at(c, false, "a source is a path or a glob (\"transcripts\", \"notes/a.txt\"), not an empty string");
  return true;
}

static bool add_ignore_pattern(ctx *c, const char *s) {
  char err[512];
  cd_config *target = c->config ? c->config : cd_config_new();
  if (!target) {
    out_of_memory(c);
    return false;
  }
  bool ok = cd_config_add_ignore_pattern(target, s, err, sizeof err);
  if (target != c->config) cd_config_free(target);
  if (!ok) error_at(c, false, "%s", err[0] ? err : "out of memory");
  return ok;
}

/* ---- names ----------------------------------------------------------------- */

static void apply_known_name(ctx *c, const json_t *v) {
  static const char *const known[] = {"name", "forms"};
  if (json_is_string(v)) {
    const char *name = want_string(c, v, "a name");
    if (name && c->config && !cd_config_add_name(c->config, name, NULL, 0)) out_of_memory(c);
    return;
  }
  if (!json_is_object(v)) {
    error_at(c, false, "expected a name or {\"name\": ..., \"forms\": [...]}, got %s", type_name(v));
    return;
  }
  const char *key;
  json_t *item;
  const char *name = NULL;
  const char *forms[64];
  size_t n_forms = 0;
  bool bad = false;
  json_object_foreach((json_t *)v, key, item) {
    if (strcmp(key, "name") == 0 || strcmp(key, "forms") == 0) continue;
    unknown_key(c, key, known, 2);
  }
  json_t *jname = json_object_get(v, "name");
  if (!jname) {
    error_at(c, false, "missing \"name\": the name in full, as the desk writes it");
    return;
  }
  mark m = push_key(c, "name");
  name = want_string(c, jname, "the name as a string");
  pop(c, m);
  json_t *jforms = json_object_get(v, "forms");
  if (jforms && !json_is_null(jforms)) {
    m = push_key(c, "forms");
    if (!json_is_array(jforms)) {
      error_at(c, false, "expected a list of strings, got %s", type_name(jforms));
      bad = true;
    } else if (json_array_size(jforms) > sizeof forms / sizeof forms[0]) {
      error_at(c, false, "at most %zu forms of one name", sizeof forms / sizeof forms[0]);
      bad = true;
    } else {
      size_t i;
      json_t *f;
      json_array_foreach(jforms, i, f) {
        mark mi = push_index(c, i);
        const char *s = want_string(c, f, "a form of the name");
        if (s) forms[n_forms++] = s;
        else bad = true;
        pop(c, mi);
      }
    }
    pop(c, m);
  }
  (void)bad; /* good forms are kept even when others are bad */
  if (name && c->config && !cd_config_add_name(c->config, name, forms, n_forms)) out_of_memory(c);
}

static void apply_names(ctx *c, const json_t *names) {
  static const char *const known[] = {"known", "ignore"};
  if (!want_object(c, names, "an object")) return;
  const char *key;
  json_t *v;
  json_object_foreach((json_t *)names, key, v) {
    if (strcmp(key, "known") == 0) {
      mark m = push_key(c, key);
      if (want_array(c, v, "a list of names")) {
        size_t i;
        json_t *item;
        json_array_foreach(v, i, item) {
          mark mi = push_index(c, i);
          apply_known_name(c, item);
          pop(c, mi);
        }
      }
      pop(c, m);
    } else if (strcmp(key, "ignore") == 0) {
      mark m = push_key(c, key);
      apply_string_list(c, v, "a name as a string", add_ignored_name);
      pop(c, m);
    } else {
      unknown_key(c, key, known, 2);
    }
  }
}

/* ---- attribution, claims, markdown ------------------------------------------ */

static void apply_attribution(ctx *c, const json_t *attr) {
  static const char *const known[] = {"verbs"};
  if (!want_object(c, attr, "an object")) return;
  const char *key;
  json_t *v;
  json_object_foreach((json_t *)attr, key, v) {
    if (strcmp(key, "verbs") == 0) {
      mark m = push_key(c, key);
      apply_string_list(c, v, "a verb as a string", add_verb);
      pop(c, m);
    } else {
      unknown_key(c, key, known, 1);
    }
  }
}

static void apply_claim(ctx *c, const json_t *v) {
  static const char *const known[] = {"phrase", "kind", "pattern"};
  const char *phrase = NULL, *kind = "unattributed";
  bool pattern = false;
  if (json_is_string(v)) {
    phrase = want_string(c, v, "a phrase");
  } else if (json_is_object(v)) {
    const char *key;
    json_t *item;
    json_object_foreach((json_t *)v, key, item) {
      if (strcmp(key, "phrase") == 0 || strcmp(key, "kind") == 0 || strcmp(key, "pattern") == 0) continue;
      unknown_key(c, key, known, 3);
    }
    json_t *jp = json_object_get(v, "phrase");
    if (!jp) {
      error_at(c, false, "missing \"phrase\": the words (or the pattern) that make a claim");
      return;
    }
    mark m = push_key(c, "phrase");
    phrase = want_string(c, jp, "the phrase as a string");
    pop(c, m);
    json_t *jk = json_object_get(v, "kind");
    if (jk && !json_is_null(jk)) {
      m = push_key(c, "kind");
      const char *k = json_is_string(jk) ? json_string_value(jk) : NULL;
      char gbuf[64];
      if (k && (strcmp(k, "unattributed") == 0 || strcmp(k, "anonymous-source") == 0)) {
        kind = k;
      } else {
        error_at(c, false, "expected \"unattributed\" or \"anonymous-source\", got %s",
                 got(jk, gbuf, sizeof gbuf));
        phrase = NULL;
      }
      pop(c, m);
    }
    json_t *jpat = json_object_get(v, "pattern");
    if (jpat && !json_is_null(jpat)) {
      m = push_key(c, "pattern");
      if (json_is_boolean(jpat)) {
        pattern = json_is_true(jpat);
      } else {
        error_at(c, false, "expected true (the phrase is a PCRE2 pattern) or false, got %s", type_name(jpat));
        phrase = NULL;
      }
      pop(c, m);
    }
  } else {
    error_at(c, false, "expected a phrase or {\"phrase\": ..., \"kind\": ..., \"pattern\": ...}, got %s",
             type_name(v));
    return;
  }
  if (!phrase) return;
  char err[512] = "";
  cd_config *target = c->config ? c->config : cd_config_new();
  if (!target) {
    out_of_memory(c);
    return;
  }
  if (!cd_config_add_claim_phrase(target, kind, phrase, pattern, err, sizeof err)) {
    mark m = pattern && json_is_object(v) ? push_key(c, "phrase") : (mark){c->disp_len, c->ptr_len};
    error_at(c, false, "%s", err[0] ? err : "out of memory");
    pop(c, m);
  }
  if (target != c->config) cd_config_free(target);
}

static void apply_claims(ctx *c, const json_t *claims) {
  static const char *const known[] = {"add", "disable"};
  if (!want_object(c, claims, "an object")) return;
  const char *key;
  json_t *v;
  json_object_foreach((json_t *)claims, key, v) {
    mark m = push_key(c, key);
    if (strcmp(key, "add") == 0) {
      if (want_array(c, v, "a list of phrases")) {
        size_t i;
        json_t *item;
        json_array_foreach(v, i, item) {
          mark mi = push_index(c, i);
          apply_claim(c, item);
          pop(c, mi);
        }
      }
    } else if (strcmp(key, "disable") == 0) {
      apply_string_list(c, v, "a phrase as a string", add_disabled_claim);
    } else {
      pop(c, m);
      unknown_key(c, key, known, 2);
      continue;
    }
    pop(c, m);
  }
}

static void apply_markdown(ctx *c, const json_t *md) {
  static const char *const known[] = {"ignorePatterns"};
  if (!want_object(c, md, "an object")) return;
  const char *key;
  json_t *v;
  json_object_foreach((json_t *)md, key, v) {
    if (strcmp(key, "ignorePatterns") == 0) {
      mark m = push_key(c, key);
      apply_string_list(c, v, "a PCRE2 pattern as a string", add_ignore_pattern);
      pop(c, m);
    } else {
      unknown_key(c, key, known, 1);
    }
  }
}

/* ---- the server's switches and the client's own keys ------------------------- */

static void apply_switch(ctx *c, const json_t *v, bool *out) {
  if (!v || json_is_null(v)) return;
  const json_t *b = v;
  if (json_is_object(v)) {
    const char *key;
    json_t *item;
    json_object_foreach((json_t *)v, key, item) {
      if (strcmp(key, "enabled") != 0) {
        static const char *const known[] = {"enabled"};
        unknown_key(c, key, known, 1);
      }
    }
    b = json_object_get(v, "enabled");
    if (!b || json_is_null(b)) return;
  }
  if (json_is_boolean(b)) {
    if (out) *out = json_is_true(b);
  } else {
    error_at(c, false, "expected true, false or {\"enabled\": true/false}, got %s", type_name(b));
  }
}

static void apply_count(ctx *c, const json_t *v, size_t limit, size_t *out) {
  if (!v || json_is_null(v)) return;
  if (!json_is_integer(v) || json_integer_value(v) < 0 || (unsigned long long)json_integer_value(v) > limit) {
    error_at(c, false, "expected a whole number from 0 to %zu, got %s", limit, type_name(v));
    return;
  }
  if (out) *out = (size_t)json_integer_value(v);
}

static void apply_trace(ctx *c, const json_t *v) {
  /* vscode-languageclient's own setting (copydesk.trace.server); the server ignores it */
  if (json_is_null(v) || json_is_string(v)) return;
  if (!want_object(c, v, "an object")) return;
  const char *key;
  json_t *item;
  json_object_foreach((json_t *)v, key, item) {
    static const char *const known[] = {"server"};
    if (strcmp(key, "server") != 0) unknown_key(c, key, known, 1);
  }
}

/* ---- the document ------------------------------------------------------------ */

static const char *const TOP_KEYS[] = {"$schema",  "$comment",   "rules",    "style",    "names",    "attribution", "claims",
                                       "markdown", "inlayHints", "codeLens", "maxHints", "trace",    "serverPath", "sources"};

bool cd_settings_apply_json(cd_config *config, cd_server_settings *server, const json_t *settings,
                            const char *source, bool file, cd_config_errors *errors) {
  ctx *c = calloc(1, sizeof *c);
  if (!c) {
    if (errors) cd_config_errors_add(errors, source, file ? source : NULL, "", false, "out of memory");
    return false;
  }
  c->config = config;
  c->server = server;
  c->errors = errors;
  c->source = source ? source : "settings";
  c->file = file ? source : NULL;
  c->ok = true;
  if (!settings || json_is_null(settings)) {
    free(c);
    return true;
  }
  if (json_is_array(settings) && json_array_size(settings) == 0) {
    /* an empty Lua table arrives as [] */
  } else if (!json_is_object(settings)) {
    error_at(c, false, "the settings must be a JSON object ({\"rules\": {...}, \"style\": {...}}), not %s",
             type_name(settings));
  } else {
    const char *key;
    json_t *v;
    json_object_foreach((json_t *)settings, key, v) {
      mark m = push_key(c, key);
      if (strcmp(key, "$schema") == 0) {
        if (!json_is_string(v) && !json_is_null(v)) error_at(c, false, "expected a string, got %s", type_name(v));
      } else if (strcmp(key, "$comment") == 0) {
        /* notes for people (copydesk init writes some); ignored */
      } else if (strcmp(key, "rules") == 0) apply_rules(c, v);
      else if (strcmp(key, "style") == 0) apply_style(c, v);
      else if (strcmp(key, "names") == 0) apply_names(c, v);
      else if (strcmp(key, "attribution") == 0) apply_attribution(c, v);
      else if (strcmp(key, "claims") == 0) apply_claims(c, v);
      else if (strcmp(key, "markdown") == 0) apply_markdown(c, v);
      else if (strcmp(key, "inlayHints") == 0) apply_switch(c, v, server ? &server->inlay_hints : NULL);
      else if (strcmp(key, "codeLens") == 0) apply_switch(c, v, server ? &server->code_lens : NULL);
      else if (strcmp(key, "maxHints") == 0) apply_count(c, v, CD_MAX_HINTS_LIMIT, server ? &server->max_hints : NULL);
      else if (strcmp(key, "trace") == 0) apply_trace(c, v);
      else if (strcmp(key, "sources") == 0) apply_string_list(c, v, "a path or glob as a string", check_source_glob);
      else if (strcmp(key, "serverPath") == 0) {
        /* the VS Code extension's own setting (how to start the server); ignored here */
        if (!json_is_string(v) && !json_is_null(v)) error_at(c, false, "expected a string, got %s", type_name(v));
      }
      else {
        pop(c, m);
        unknown_key(c, key, TOP_KEYS, sizeof TOP_KEYS / sizeof TOP_KEYS[0]);
        continue;
      }
      pop(c, m);
    }
  }
  if (c->dropped && c->errors) {
    char detail[160];
    snprintf(detail, sizeof detail, "%zu more problem%s not shown", c->dropped, c->dropped == 1 ? "" : "s");
    cd_config_errors_add(c->errors, c->source, c->file, "", false, detail);
  }
  bool ok = c->ok;
  free(c);
  return ok;
}

cd_server_settings cd_server_settings_from_json(const json_t *settings) {
  cd_server_settings s = CD_SERVER_SETTINGS_DEFAULT;
  if (json_is_object(settings)) {
    ctx c = {.source = "settings", .ok = true};
    apply_switch(&c, json_object_get(settings, "inlayHints"), &s.inlay_hints);
    apply_switch(&c, json_object_get(settings, "codeLens"), &s.code_lens);
    apply_count(&c, json_object_get(settings, "maxHints"), CD_MAX_HINTS_LIMIT, &s.max_hints);
  }
  return s;
}

/* ---- the first interface ------------------------------------------------------ */

bool cd_config_apply_json(cd_config *config, const json_t *settings, char *error, size_t error_size) {
  cd_config_errors errors;
  cd_config_errors_init(&errors);
  if (error && error_size) error[0] = 0;
  bool ok = cd_settings_apply_json(config, NULL, settings, "settings", false, &errors);
  size_t len = 0;
  for (size_t i = 0; error && error_size && i < errors.len; i++) {
    if (i) append(error, error_size, &len, "; ", 2);
    append(error, error_size, &len, errors.items[i].detail, strlen(errors.items[i].detail));
  }
  if (!ok && error && error_size && !error[0]) snprintf(error, error_size, "out of memory");
  cd_config_errors_free(&errors);
  return ok;
}

cd_config *cd_config_from_json(const json_t *settings, char *error, size_t error_size) {
  cd_config *config = cd_config_new();
  if (!config) return NULL;
  cd_config_apply_json(config, settings, error, error_size);
  return config;
}
