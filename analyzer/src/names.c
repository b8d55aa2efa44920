/* Names pass: name.* diagnostics from the entities. */
#include "doc.h"

void cd_pass_names(cd_doc *doc) { (void)doc; }
