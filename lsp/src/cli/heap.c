/* The check command's heap. An analysis touches about 10 bytes of fresh memory per byte of text,
 * and on a virtual machine a first touch of a 4 KB page costs about 10 us (a whole-process check
 * of 1 MB took 4,600 page faults, a third of its time). Transparent huge pages map 2 MB a fault,
 * but Linux gives them only to memory that asks (madvise), and glibc's heap does not ask. So the
 * heap is grown once by a pad, kept that far ahead of its top (M_TOP_PAD, which also keeps a
 * trim from handing it back), and that range is marked for huge pages; large blocks are then cut
 * from the heap's top too, where they fit. Past the pad the heap grows as before. The cost: a 2 MB
 * page is resident as a whole, about 5 MB more peak memory on 1 MB of text.
 * The pad is HEAP_PAD, or room for the largest text the main thread will analyse when that is
 * more: past the pad every table of a long text came from 4 KB pages, and on 16 MB with every name
 * new the faults and the misses of the address cache (a TLB entry maps 4 KB, not 2 MB) took more
 * than half the time, which then grew faster than the text. The pad is address space, not memory:
 * only what the analysis touches is resident. */
#define _DEFAULT_SOURCE /* sbrk, madvise */
#include "heap.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <unistd.h>
#if defined(__GLIBC__)
#include <malloc.h>
#endif
#if defined(__linux__)
#include <sys/mman.h>
#endif

enum { HEAP_PAD = 16 << 20, HUGE_PAGE = 2 << 20 };
/* An analysis's peak is about 8 bytes a byte of real articles and 15 when every name is new. */
enum { PAD_PER_INPUT_BYTE = 16 };
/* M_TOP_PAD is an int; a text past 64 MB grows the heap in pieces of a gigabyte */
#define PAD_MAX ((size_t)1 << 30)

static void *spacer; /* see huge_pages_ahead */

/* The pad for a text of that size: at most a quarter of the machine's memory, for a kernel that
 * counts address space against it (strict overcommit). */
static size_t pad_for(size_t largest_input) {
  size_t max = PAD_MAX;
#if defined(_SC_PHYS_PAGES) && defined(_SC_PAGESIZE)
  long pages = sysconf(_SC_PHYS_PAGES), page = sysconf(_SC_PAGESIZE);
  if (pages > 0 && page > 0 && (size_t)pages / 4 < max / (size_t)page) max = (size_t)pages / 4 * (size_t)page;
#endif
  size_t pad = largest_input > max / PAD_PER_INPUT_BYTE ? max : largest_input * PAD_PER_INPUT_BYTE;
  return pad > HEAP_PAD ? pad & ~(size_t)(HUGE_PAGE - 1) : HEAP_PAD;
}

/* Marks [sbrk before, sbrk after growing the heap by the pad) for huge pages; false when the heap
 * did not grow (the kernel refused that much). */
static bool huge_pages_ahead(size_t pad) {
#if defined(__GLIBC__) && defined(__linux__) && defined(MADV_HUGEPAGE)
  mallopt(M_TOP_PAD, (int)pad);
  char *lo = sbrk(0);
  /* larger than what is free at the heap's top after start-up, below the mmap threshold: the
   * heap grows by it and the pad (volatile: a malloc that is freed unused may be left out) */
  char *volatile probe = malloc(192 * 1024);
  uintptr_t top = (uintptr_t)probe; /* where the heap's free top begins; read before the free */
  free(probe);
  char *hi = sbrk(0); /* after the free, which may hand the probe's own bytes back */
  if (!top || lo == (char *)-1 || hi == (char *)-1 || hi <= lo) return false;
  uintptr_t from = ((uintptr_t)lo + HUGE_PAGE - 1) & ~(uintptr_t)(HUGE_PAGE - 1);
  if ((uintptr_t)hi <= from) return true;
  (void)madvise((void *)from, (uintptr_t)hi - from, MADV_HUGEPAGE);
  /* The heap's free top begins below `from`: what is cut from there first (the text read, the
   * first tables) would have 4 KB pages, a fault each (a quarter of a 1 MB check's faults). A block
   * that reaches `from` takes those bytes instead; it is never written past its header, so it
   * costs one page. */
  if (top < from) spacer = malloc(from - top);
  return true;
#else
  (void)pad;
  return true;
#endif
}

void cd_cli_heap_setup(size_t largest_input) {
#if defined(__GLIBC__)
  /* An analysis's large working tables are freed pass by pass. glibc raises its mmap threshold
   * after the first large free (up to 32 MB), so later large tables would come from the heap,
   * where the free space left between blocks that live on stays resident and adds to the peak: a
   * fixed threshold sends every large block that does not fit in the pad back to the kernel when
   * it is freed. */
  mallopt(M_MMAP_THRESHOLD, 256 * 1024);
#endif
  size_t pad = pad_for(largest_input);
  /* refused: every later growth would ask for as much again; the usual pad instead */
  if (!huge_pages_ahead(pad) && pad > HEAP_PAD) huge_pages_ahead(HEAP_PAD);
}

void cd_cli_heap_done(void) {
  free(spacer);
  spacer = NULL;
}
