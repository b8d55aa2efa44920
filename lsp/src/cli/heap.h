/* How `copydesk check` asks the C library for memory: set once, before the first file is read.
 * largest_input is the size in bytes of the largest text the main thread will analyse (0 when
 * worker threads share the files, whose heaps are their own, or when the sizes are not known before
 * the texts are read): the heap keeps room for it in huge pages. */
#ifndef CD_CLI_HEAP_H
#define CD_CLI_HEAP_H

#include <stddef.h>

void cd_cli_heap_setup(size_t largest_input);
/* Gives back what the setup keeps (before exit: so that a leak checker finds nothing held). */
void cd_cli_heap_done(void);

#endif
