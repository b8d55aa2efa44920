/* Inline controls: "copydesk-disable [CODE ...]", "copydesk-enable [CODE ...]" and
 * "copydesk-disable-next-line [CODE ...]", in an HTML comment on a line of its own (Markdown and
 * plain text) or as a bare line (plain text). No code means every rule, "name.*" a group, and
 * " -- " starts a reason. A control naming an unknown rule is reported (control.unknown-rule).
 * The rules in full are at the top of controls.c and in docs/configuration.md. */
#ifndef CD_CONTROLS_H
#define CD_CONTROLS_H
#include "doc.h"

/* Switches diagnostics off (severity OFF) where controls say so, and reports bad controls. */
void cd_apply_controls(cd_doc *doc);

#endif
