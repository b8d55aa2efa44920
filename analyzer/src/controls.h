/* Inline controls: "copydesk-disable CODE ...", "copydesk-enable [CODE ...]" and
 * "copydesk-disable-next-line CODE ...", inside an HTML comment (Markdown) or on a line of
 * their own (plain text). No code means every rule. A control naming an unknown rule is
 * reported (control.unknown-rule). */
#ifndef CD_CONTROLS_H
#define CD_CONTROLS_H
#include "doc.h"

/* Switches diagnostics off (severity OFF) where controls say so, and reports bad controls. */
void cd_apply_controls(cd_doc *doc);

#endif
