#include "commands.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "copydesk/analyzer.h"
#include "options.h"
#include "rule_docs.h"

int cd_cli_rules(int argc, char **argv) {
  (void)argv;
  if (argc > 1) {
    fprintf(stderr, "usage: copydesk rules\n");
    return 2;
  }
  size_t n;
  const cd_rule_info *rules = cd_rules(&n);
  for (size_t i = 0; i < n; i++)
    printf("%-27s %-8s %s\n", rules[i].code, cd_severity_name(rules[i].default_severity), rules[i].summary);
  printf("\n'copydesk explain CODE' prints a rule's page.\n");
  return 0;
}

int cd_cli_explain(int argc, char **argv) {
  if (argc != 2) {
    fprintf(stderr, "usage: copydesk explain CODE   (copydesk rules lists the codes)\n");
    return 2;
  }
  const char *doc = cd_rule_doc(argv[1]);
  if (!doc || !cd_rule_find(argv[1])) {
    fprintf(stderr, "copydesk: no rule '%s' (copydesk rules lists them)\n", argv[1]);
    return 2;
  }
  fputs(doc, stdout);
  return 0;
}

/* The starter configuration: the common settings at their defaults, explained in "$comment"
 * (JSON has no comments; copydesk and the schema accept and ignore that key). */
static const char STARTER[] =
    "{\n"
    "  \"$comment\": [\n"
    "    \"copydesk configuration: the nearest .copydesk.json in an article's directory or above applies.\",\n"
    "    \"rules: a severity per rule code (off, hint, info, warning or error); 'copydesk rules' lists the codes.\",\n"
    "    \"style.courtesyTitles: any, none, after-first-reference or always. style.titlePeriod: Mr, Mr. or any.\",\n"
    "    \"style.presidentFirstReference: full-name (President Barack Obama, AP) or title-and-surname (President Obama).\",\n"
    "    \"style.preferredForms: the house form of a name written in several forms, e.g. {\\\"United States\\\": \\\"U.S.\\\"}.\",\n"
    "    \"names.known: names the desk knows, e.g. {\\\"name\\\": \\\"Recep Tayyip Erdogan\\\", \\\"forms\\\": [\\\"Erdogan\\\"]}; names.ignore: names never to flag.\",\n"
    "    \"attribution.verbs: extra one-word verbs of saying. Every setting: docs/configuration.md.\"\n"
    "  ],\n"
    "  \"rules\": {\n"
    "    \"quote.attributed\": \"hint\",\n"
    "    \"quote.unattributed\": \"warning\"\n"
    "  },\n"
    "  \"style\": {\n"
    "    \"courtesyTitles\": \"any\",\n"
    "    \"titlePeriod\": \"any\",\n"
    "    \"presidentFirstReference\": \"full-name\",\n"
    "    \"preferredForms\": {}\n"
    "  },\n"
    "  \"names\": {\n"
    "    \"known\": [],\n"
    "    \"ignore\": []\n"
    "  },\n"
    "  \"attribution\": {\n"
    "    \"verbs\": []\n"
    "  }\n"
    "}\n";

int cd_cli_init(int argc, char **argv) {
  bool force = false;
  for (int i = 1; i < argc; i++) {
    if (strcmp(argv[i], "--force") == 0) {
      force = true;
    } else {
      fprintf(stderr, "usage: copydesk init [--force]   (writes .copydesk.json in the current directory)\n");
      return 2;
    }
  }
  int fd = open(".copydesk.json", O_WRONLY | O_CREAT | (force ? O_TRUNC : O_EXCL), 0644);
  if (fd < 0) {
    if (errno == EEXIST) fprintf(stderr, "copydesk: .copydesk.json already exists (--force replaces it)\n");
    else fprintf(stderr, "copydesk: .copydesk.json: %s\n", strerror(errno));
    return 2;
  }
  size_t n = sizeof STARTER - 1;
  bool ok = write(fd, STARTER, n) == (ssize_t)n;
  ok = close(fd) == 0 && ok;
  if (!ok) {
    fprintf(stderr, "copydesk: .copydesk.json: could not write it\n");
    return 2;
  }
  printf("wrote .copydesk.json: edit it to the desk's house style, then run 'copydesk check'\n");
  return 0;
}
