/* `.copydesk.json`: discovery, loading with positioned errors, precedence. */
#include "config_file.h"
#include "record_files.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* ---- discovery ------------------------------------------------------------ */

char *cd_config_find(const char *dir) {
  char *path = NULL;
  char *cur = realpath(dir && *dir ? dir : ".", NULL);
  if (!cur) return NULL;
  for (;;) {
    size_t n = strlen(cur) + sizeof "/" CD_CONFIG_FILE_NAME;
    char *candidate = malloc(n);
    if (!candidate) break;
    snprintf(candidate, n, "%s/%s", strcmp(cur, "/") == 0 ? "" : cur, CD_CONFIG_FILE_NAME);
    struct stat st;
    if (stat(candidate, &st) == 0 && S_ISREG(st.st_mode)) {
      path = candidate;
      break;
    }
    free(candidate);
    if (strcmp(cur, "/") == 0) break;
    char *slash = strrchr(cur, '/');
    if (!slash) break;
    if (slash == cur) slash[1] = 0; /* "/news" -> "/" */
    else *slash = 0;
  }
  free(cur);
  return path;
}

char *cd_config_find_for_file(const char *path) {
  if (!path || strcmp(path, "-") == 0) return cd_config_find(".");
  char *dir = strdup(path);
  if (!dir) return NULL;
  char *slash = strrchr(dir, '/');
  char *found;
  if (!slash) found = cd_config_find(".");
  else {
    if (slash == dir) slash[1] = 0;
    else *slash = 0;
    found = cd_config_find(dir);
  }
  free(dir);
  return found;
}

/* ---- locating a JSON Pointer in the text ------------------------------------- */

typedef struct scan {
  const char *s;
  size_t len, pos;
  int depth;
} scan;

static void ws(scan *sc) {
  while (sc->pos < sc->len &&
         (sc->s[sc->pos] == ' ' || sc->s[sc->pos] == '\t' || sc->s[sc->pos] == '\n' || sc->s[sc->pos] == '\r'))
    sc->pos++;
}

static int hexval(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

static bool hex4(scan *sc, size_t at, unsigned *out) {
  if (at + 4 > sc->len) return false;
  unsigned v = 0;
  for (size_t i = 0; i < 4; i++) {
    int h = hexval(sc->s[at + i]);
    if (h < 0) return false;
    v = v * 16 + (unsigned)h;
  }
  *out = v;
  return true;
}

static size_t put_utf8(char *out, unsigned cp) {
  if (cp < 0x80) {
    out[0] = (char)cp;
    return 1;
  }
  if (cp < 0x800) {
    out[0] = (char)(0xC0 | (cp >> 6));
    out[1] = (char)(0x80 | (cp & 0x3F));
    return 2;
  }
  if (cp < 0x10000) {
    out[0] = (char)(0xE0 | (cp >> 12));
    out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
    out[2] = (char)(0x80 | (cp & 0x3F));
    return 3;
  }
  out[0] = (char)(0xF0 | (cp >> 18));
  out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
  out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
  out[3] = (char)(0x80 | (cp & 0x3F));
  return 4;
}

/* A string at sc->pos; decoded into a new buffer when `out` is given. */
static bool read_string(scan *sc, char **out, size_t *out_len) {
  if (sc->pos >= sc->len || sc->s[sc->pos] != '"') return false;
  size_t start = ++sc->pos;
  char *buf = NULL;
  size_t n = 0;
  if (out) {
    size_t e = start;
    while (e < sc->len && sc->s[e] != '"') e += sc->s[e] == '\\' ? 2 : 1;
    buf = malloc(e - start + 1);
    if (!buf) return false;
  }
  while (sc->pos < sc->len && sc->s[sc->pos] != '"') {
    char ch = sc->s[sc->pos];
    if (ch != '\\') {
      if (buf) buf[n++] = ch;
      sc->pos++;
      continue;
    }
    if (sc->pos + 1 >= sc->len) break;
    char esc = sc->s[sc->pos + 1];
    sc->pos += 2;
    unsigned cp = 0;
    switch (esc) {
    case 'b': cp = '\b'; break;
    case 'f': cp = '\f'; break;
    case 'n': cp = '\n'; break;
    case 'r': cp = '\r'; break;
    case 't': cp = '\t'; break;
    case 'u':
      if (!hex4(sc, sc->pos, &cp)) goto fail;
      sc->pos += 4;
      if (cp >= 0xD800 && cp < 0xDC00 && sc->pos + 6 <= sc->len && sc->s[sc->pos] == '\\' &&
          sc->s[sc->pos + 1] == 'u') {
        unsigned lo;
        if (hex4(sc, sc->pos + 2, &lo) && lo >= 0xDC00 && lo < 0xE000) {
          cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
          sc->pos += 6;
        }
      }
      break;
    default: cp = (unsigned char)esc; break;
    }
    if (buf) n += put_utf8(buf + n, cp);
  }
  if (sc->pos >= sc->len) goto fail;
  sc->pos++; /* closing quote */
  if (out) {
    buf[n] = 0;
    *out = buf;
    *out_len = n;
  }
  return true;
fail:
  free(buf);
  return false;
}

static bool skip_value(scan *sc) {
  ws(sc);
  if (sc->pos >= sc->len || sc->depth > 1000) return false;
  char ch = sc->s[sc->pos];
  if (ch == '"') return read_string(sc, NULL, NULL);
  if (ch == '{' || ch == '[') {
    char close = ch == '{' ? '}' : ']';
    sc->pos++;
    sc->depth++;
    ws(sc);
    if (sc->pos < sc->len && sc->s[sc->pos] == close) {
      sc->pos++;
      sc->depth--;
      return true;
    }
    for (;;) {
      if (ch == '{') {
        ws(sc);
        if (!read_string(sc, NULL, NULL)) return false;
        ws(sc);
        if (sc->pos >= sc->len || sc->s[sc->pos] != ':') return false;
        sc->pos++;
      }
      if (!skip_value(sc)) return false;
      ws(sc);
      if (sc->pos >= sc->len) return false;
      if (sc->s[sc->pos] == ',') {
        sc->pos++;
        continue;
      }
      if (sc->s[sc->pos] != close) return false;
      sc->pos++;
      sc->depth--;
      return true;
    }
  }
  /* number, true, false, null */
  size_t start = sc->pos;
  while (sc->pos < sc->len && !strchr(" \t\r\n,]}:", sc->s[sc->pos])) sc->pos++;
  return sc->pos > start;
}

/* The next reference token of a JSON Pointer, unescaped, into a new buffer. */
static char *next_token(const char **p) {
  const char *s = *p + 1, *e = strchr(s, '/');
  if (!e) e = s + strlen(s);
  char *tok = malloc((size_t)(e - s) + 1);
  if (!tok) return NULL;
  size_t n = 0;
  for (const char *q = s; q < e; q++) {
    if (*q == '~' && q + 1 < e && (q[1] == '0' || q[1] == '1')) {
      tok[n++] = q[1] == '0' ? '~' : '/';
      q++;
    } else {
      tok[n++] = *q;
    }
  }
  tok[n] = 0;
  *p = e;
  return tok;
}

bool cd_json_locate(const char *text, size_t len, const char *pointer, bool key, size_t *start, size_t *end) {
  scan sc = {text, len, 0, 0};
  const char *p = pointer ? pointer : "";
  size_t key_start = CD_NONE, key_end = CD_NONE;
  if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0) sc.pos = 3;
  while (*p == '/') {
    char *tok = next_token(&p);
    if (!tok) return false;
    ws(&sc);
    bool found = false;
    if (sc.pos < len && text[sc.pos] == '{') {
      sc.pos++;
      ws(&sc);
      if (sc.pos < len && text[sc.pos] == '}') goto done;
      for (;;) {
        ws(&sc);
        size_t ks = sc.pos, klen = 0;
        char *k = NULL;
        if (!read_string(&sc, &k, &klen)) goto done;
        size_t ke = sc.pos;
        bool match = klen == strlen(tok) && memcmp(k, tok, klen) == 0;
        free(k);
        ws(&sc);
        if (sc.pos >= len || text[sc.pos] != ':') goto done;
        sc.pos++;
        if (match) {
          key_start = ks;
          key_end = ke;
          found = true;
          break;
        }
        if (!skip_value(&sc)) goto done;
        ws(&sc);
        if (sc.pos < len && text[sc.pos] == ',') {
          sc.pos++;
          continue;
        }
        goto done;
      }
    } else if (sc.pos < len && text[sc.pos] == '[') {
      char *endp;
      unsigned long idx = strtoul(tok, &endp, 10);
      if (!*tok || *endp) goto done;
      sc.pos++;
      ws(&sc);
      if (sc.pos < len && text[sc.pos] == ']') goto done;
      for (unsigned long i = 0;; i++) {
        ws(&sc);
        if (i == idx) {
          found = true;
          break;
        }
        if (!skip_value(&sc)) goto done;
        ws(&sc);
        if (sc.pos < len && text[sc.pos] == ',') {
          sc.pos++;
          continue;
        }
        goto done;
      }
    }
  done:
    free(tok);
    if (!found) return false;
  }
  ws(&sc);
  size_t vs = sc.pos;
  if (!skip_value(&sc)) return false;
  if (key && key_start != CD_NONE) {
    *start = key_start;
    *end = key_end;
  } else {
    *start = vs;
    *end = sc.pos;
  }
  return true;
}

/* ---- loading ------------------------------------------------------------------ */

/* 1-based line and column (in code points, as jansson counts) of a byte offset. */
static void line_col(const char *text, size_t len, size_t off, int *line, int *col) {
  int l = 1, c = 1;
  if (off > len) off = len;
  for (size_t i = 0; i < off; i++) {
    if (text[i] == '\n') {
      l++;
      c = 1;
    } else if (((unsigned char)text[i] & 0xC0) != 0x80) {
      c++;
    }
  }
  *line = l;
  *col = c;
}

bool cd_config_apply_text(cd_config *config, cd_server_settings *server, const char *text, size_t len,
                          const char *name, cd_config_errors *errors) {
  json_error_t jerr;
  const char *source = name ? name : CD_CONFIG_FILE_NAME;
  size_t bom = len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0; /* Windows editors write one */
  json_t *root = json_loadb(text + bom, len - bom, JSON_REJECT_DUPLICATES, &jerr);
  if (!root) {
    if (!errors) return false;
    char detail[300];
    snprintf(detail, sizeof detail, "invalid JSON: %s", jerr.text);
    cd_config_error *e = cd_config_errors_add(errors, source, source, "", false, detail);
    if (e) {
      /* jansson's position is just past what it could not take */
      size_t pos = (jerr.position > 0 ? (size_t)jerr.position : 0) + bom;
      if (pos > len) pos = len;
      e->start = pos > 0 ? pos - 1 : 0;
      e->end = pos > e->start ? pos : (e->start < len ? e->start + 1 : e->start);
      e->line = jerr.line > 0 ? jerr.line : 1;
      e->column = jerr.column > 0 ? jerr.column : 1;
      cd_config_error_set_source(e, source);
    }
    return false;
  }
  size_t first = errors ? errors->len : 0;
  bool ok = cd_settings_apply_json(config, server, root, source, true, errors);
  json_decref(root);
  for (size_t i = first; errors && i < errors->len; i++) {
    cd_config_error *e = &errors->items[i];
    size_t s, en;
    if (cd_json_locate(text, len, e->pointer, e->at_key, &s, &en)) {
      e->start = s;
      e->end = en;
      line_col(text, len, s, &e->line, &e->column);
      cd_config_error_set_source(e, source);
    }
  }
  return ok;
}

bool cd_config_apply_file(cd_config *config, cd_server_settings *server, const char *path,
                          cd_config_errors *errors) {
  char detail[600];
  FILE *f = fopen(path, "rb");
  struct stat st;
  if (!f) {
    snprintf(detail, sizeof detail, "cannot read the configuration file: %s", strerror(errno));
    goto fail;
  }
  if (fstat(fileno(f), &st) != 0 || !S_ISREG(st.st_mode)) {
    snprintf(detail, sizeof detail, "the configuration must be a regular file");
    goto fail;
  }
  if ((unsigned long long)st.st_size > CD_CONFIG_FILE_MAX) {
    snprintf(detail, sizeof detail, "the configuration file is larger than %u bytes", CD_CONFIG_FILE_MAX);
    goto fail;
  }
  size_t cap = (size_t)st.st_size + 1, n = 0;
  char *buf = malloc(cap);
  if (!buf) {
    snprintf(detail, sizeof detail, "out of memory");
    goto fail;
  }
  for (;;) {
    if (n == cap) {
      if (cap > CD_CONFIG_FILE_MAX) { /* grew while we read */
        free(buf);
        snprintf(detail, sizeof detail, "the configuration file is larger than %u bytes", CD_CONFIG_FILE_MAX);
        goto fail;
      }
      char *p = realloc(buf, cap * 2);
      if (!p) {
        free(buf);
        snprintf(detail, sizeof detail, "out of memory");
        goto fail;
      }
      buf = p;
      cap *= 2;
    }
    size_t k = fread(buf + n, 1, cap - n, f);
    n += k;
    if (k == 0) break;
  }
  if (ferror(f)) {
    free(buf);
    snprintf(detail, sizeof detail, "cannot read the configuration file: read error");
    goto fail;
  }
  fclose(f);
  bool ok = cd_config_apply_text(config, server, buf, n, path, errors);
  free(buf);
  return ok;
fail:
  if (f) fclose(f);
  if (errors) cd_config_errors_add(errors, path, path, "", false, detail);
  return false;
}

bool cd_config_load_file(cd_config *config, const char *path, char *error, size_t error_size) {
  cd_config_errors errors;
  cd_config_errors_init(&errors);
  bool ok = cd_config_apply_file(config, NULL, path, &errors);
  if (error && error_size) {
    error[0] = 0;
    size_t len = 0;
    for (size_t i = 0; i < errors.len; i++) {
      int k = snprintf(error + len, error_size - len, "%s%s", i ? "; " : "", errors.items[i].message);
      if (k < 0 || (size_t)k >= error_size - len) break;
      len += (size_t)k;
    }
  }
  cd_config_errors_free(&errors);
  return ok;
}

/* ---- precedence ------------------------------------------------------------------ */

void cd_settings_free(cd_settings *s) {
  if (!s) return;
  cd_config_free(s->config);
  free(s->file);
  cd_record_globs_free(s->record_globs, s->n_record_globs);
  cd_config_errors_free(&s->errors);
  memset(s, 0, sizeof *s);
}

bool cd_settings_build(cd_settings *out, const char *file, const json_t *editor) {
  memset(out, 0, sizeof *out);
  out->server = CD_SERVER_SETTINGS_DEFAULT;
  cd_config_errors_init(&out->errors);
  out->config = cd_config_new();
  if (!out->config) return false;
  if (file) {
    out->file = strdup(file);
    if (!out->file) {
      cd_settings_free(out);
      return false;
    }
    cd_config_apply_file(out->config, &out->server, file, &out->errors);
    cd_record_globs_from_file(file, &out->record_globs, &out->n_record_globs);
  }
  if (json_is_object(editor) && json_is_object(json_object_get(editor, "copydesk")))
    editor = json_object_get(editor, "copydesk"); /* {"copydesk": {...}} as well as {...} */
  if (editor && !json_is_null(editor))
    cd_settings_apply_json(out->config, &out->server, editor, "editor settings", false, &out->errors);
  return true;
}

bool cd_settings_build_for_dir(cd_settings *out, const char *dir, const json_t *editor) {
  char *file = dir ? cd_config_find(dir) : NULL;
  bool ok = cd_settings_build(out, file, editor);
  free(file);
  return ok;
}
