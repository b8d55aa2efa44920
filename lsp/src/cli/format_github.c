/* GitHub Actions workflow commands, one per shown finding:
 *   ::warning file=PATH,line=L,col=C,endLine=L2,endColumn=C2,title=CODE::MESSAGE
 * error -> error, warning -> warning, info and hint -> notice. GitHub shows them as annotations on
 * the pull request. Files that could not be read become ::error commands. */
#include <stdlib.h>
#include <string.h>

#include "output.h"

/* Workflow command escaping: data escapes %, CR and LF; properties also : and ,. */
static void put_escaped(FILE *out, const char *s, bool property) {
  for (; *s; s++) {
    switch (*s) {
    case '%': fputs("%25", out); break;
    case '\r': fputs("%0D", out); break;
    case '\n': fputs("%0A", out); break;
    case ':': property ? fputs("%3A", out) : fputc(':', out); break;
    case ',': property ? fputs("%2C", out) : fputc(',', out); break;
    default: fputc(*s, out);
    }
  }
}

static const char *command_of(cd_severity s) {
  return s == CD_SEVERITY_ERROR ? "error" : s == CD_SEVERITY_WARNING ? "warning" : "notice";
}

static void github_file(cd_cli_output *o, cd_cli_file *f) {
  for (size_t i = 0; i < f->n_diags; i++) {
    if (!cd_cli_file_shows(f, i)) continue;
    const cd_diagnostic *d = &f->diags[i];
    const cd_cli_range *r = &f->pos[i].span;
    fprintf(o->out, "::%s file=", command_of(d->severity));
    put_escaped(o->out, f->path, true);
    fprintf(o->out, ",line=%zu,col=%zu,endLine=%zu,endColumn=%zu,title=", r->line, r->col, r->end_line, r->end_col);
    put_escaped(o->out, d->code, true);
    fputs("::", o->out);
    put_escaped(o->out, d->message, false);
    fputc('\n', o->out);
  }
}

static void github_file_error(cd_cli_output *o, const char *path, const char *message) {
  fputs("::error file=", o->out);
  put_escaped(o->out, path, true);
  fputs(",title=copydesk::", o->out);
  put_escaped(o->out, message, false);
  fputc('\n', o->out);
}

static void github_config_error(cd_cli_output *o, const cd_config_error *e) {
  fputs("::error", o->out);
  if (e->file) {
    fputs(" file=", o->out);
    put_escaped(o->out, e->file, true);
    if (e->line > 0) fprintf(o->out, ",line=%d,col=%d", e->line, e->column);
    fputs(",title=copydesk configuration", o->out);
  }
  fputs("::", o->out);
  put_escaped(o->out, e->message, false);
  fputc('\n', o->out);
}

static void github_finish(cd_cli_output *o, const cd_cli_totals *t, bool successful) {
  (void)o;
  (void)t;
  (void)successful;
}

static void github_free(cd_cli_output *o) { free(o); }

cd_cli_output *cd_cli_github_output(FILE *out, const cd_cli_options *opt) {
  (void)opt;
  cd_cli_output *o = calloc(1, sizeof *o);
  if (o)
    *o = (cd_cli_output){out, github_config_error, github_file, github_file_error, cd_cli_ignore_event, github_finish,
                         github_free};
  return o;
}
