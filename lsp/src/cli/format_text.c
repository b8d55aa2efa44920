/* Text output: `path:line:column: severity: message [code]` per diagnostic, then a summary. */
#include <stdlib.h>

#include "output.h"

static void text_config_error(cd_cli_output *o, const cd_config_error *e) {
  (void)o;
  (void)e; /* already on stderr */
}

static void text_file(cd_cli_output *o, cd_cli_file *f) {
  for (size_t i = 0; i < f->n_diags; i++) {
    const cd_diagnostic *d = &f->diags[i];
    fprintf(o->out, "%s:%zu:%zu: %s: %s [%s]\n", f->path, f->pos[i].span.line, f->pos[i].span.col,
            cd_severity_name(d->severity), d->message, d->code);
  }
}

static void text_file_error(cd_cli_output *o, const char *path, const char *message) {
  (void)o;
  (void)path;
  (void)message; /* already on stderr */
}

static const char *plural(size_t n) { return n == 1 ? "" : "s"; }

static void text_finish(cd_cli_output *o, const cd_cli_totals *t, bool successful) {
  (void)successful;
  const size_t *c = t->counts;
  fprintf(o->out, "%zu file%s checked: %zu quote%s (%zu unattributed); %zu error%s, %zu warning%s, %zu info, %zu hint%s\n",
          t->files, plural(t->files), t->quotes, plural(t->quotes), t->unattributed, c[CD_SEVERITY_ERROR],
          plural(c[CD_SEVERITY_ERROR]), c[CD_SEVERITY_WARNING], plural(c[CD_SEVERITY_WARNING]), c[CD_SEVERITY_INFO],
          c[CD_SEVERITY_HINT], plural(c[CD_SEVERITY_HINT]));
}

static void text_free(cd_cli_output *o) { free(o); }

cd_cli_output *cd_cli_text_output(FILE *out) {
  cd_cli_output *o = calloc(1, sizeof *o);
  if (!o) return NULL;
  *o = (cd_cli_output){out, text_config_error, text_file, text_file_error, text_finish, text_free};
  return o;
}
