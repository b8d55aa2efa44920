/* Claims pass: claim.* diagnostics. */
#include "doc.h"

void cd_pass_claims(cd_doc *doc) { (void)doc; }
