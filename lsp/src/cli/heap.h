/* How `copydesk check` asks the C library for memory: set once, before the first file. */
#ifndef CD_CLI_HEAP_H
#define CD_CLI_HEAP_H

void cd_cli_heap_setup(void);

#endif
