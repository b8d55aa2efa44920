/* The check command's heap. An analysis touches about 10 bytes of fresh memory per byte of text,
 * and on a virtual machine a first touch of a 4 KB page costs about 10 us (a whole-process check
 * of 1 MB took 4,600 page faults, a third of its time). Transparent huge pages map 2 MB a fault,
 * but Linux gives them only to memory that asks (madvise), and glibc's heap does not ask. So the
 * heap is grown once by HEAP_PAD, kept that far ahead of its top (M_TOP_PAD, which also keeps a
 * trim from handing it back), and that range is marked for huge pages; large blocks are then cut
 * from the heap's top too, where they fit. Past the pad the heap grows as before. The cost: a 2 MB
 * page is resident as a whole, about 5 MB more peak memory on 1 MB of text. */
#define _DEFAULT_SOURCE /* sbrk, madvise */
#include "heap.h"

#include <stdint.h>
#include <stdlib.h>
#if defined(__GLIBC__)
#include <malloc.h>
#endif
#if defined(__linux__)
#include <sys/mman.h>
#include <unistd.h>
#endif

enum { HEAP_PAD = 16 << 20, HUGE_PAGE = 2 << 20 };

/* Marks [sbrk before, sbrk after growing the heap by the pad) for huge pages. */
static void huge_pages_ahead(void) {
#if defined(__GLIBC__) && defined(__linux__) && defined(MADV_HUGEPAGE)
  mallopt(M_TOP_PAD, HEAP_PAD);
  char *lo = sbrk(0);
  /* larger than what is free at the heap's top after start-up, below the mmap threshold: the
   * heap grows by it and the pad (volatile: a malloc that is freed unused may be left out) */
  void *volatile probe = malloc(192 * 1024);
  char *hi = sbrk(0);
  free(probe);
  if (lo == (char *)-1 || hi == (char *)-1) return;
  uintptr_t from = ((uintptr_t)lo + HUGE_PAGE - 1) & ~(uintptr_t)(HUGE_PAGE - 1);
  if ((uintptr_t)hi > from) (void)madvise((void *)from, (uintptr_t)hi - from, MADV_HUGEPAGE);
#endif
}

void cd_cli_heap_setup(void) {
#if defined(__GLIBC__)
  /* An analysis's large working tables are freed pass by pass. glibc raises its mmap threshold
   * after the first large free (up to 32 MB), so later large tables would come from the heap,
   * where the free space left between blocks that live on stays resident and adds to the peak: a
   * fixed threshold sends every large block that does not fit in the pad back to the kernel when
   * it is freed. */
  mallopt(M_MMAP_THRESHOLD, 256 * 1024);
#endif
  huge_pages_ahead();
}
