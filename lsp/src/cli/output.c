#include "output.h"

cd_severity cd_cli_min_severity(const cd_cli_options *opt) {
  if (opt->min_severity != CD_SEVERITY_OFF) return opt->min_severity;
  return opt->format == CD_CLI_TEXT || opt->format == CD_CLI_GITHUB ? CD_SEVERITY_INFO : CD_SEVERITY_HINT;
}

void cd_cli_ignore_event(cd_cli_output *o, const char *path, const char *message) {
  (void)o;
  (void)path;
  (void)message;
}
