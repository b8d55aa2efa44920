/* The fuzz targets that read a descriptor get their input through one: a temporary file
 * rewritten for each input, read from the start to its end. Header-only, one per target. */
#ifndef CD_FUZZ_INPUT_H
#define CD_FUZZ_INPUT_H
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

/* A descriptor positioned at the start of exactly these bytes. Aborts when /tmp fails. */
static inline int fuzz_input_fd(const uint8_t *data, size_t size) {
  static FILE *file;
  if (!file && !(file = tmpfile())) abort();
  int fd = fileno(file);
  if (ftruncate(fd, 0) != 0) abort();
  size_t done = 0;
  while (done < size) {
    ssize_t w = pwrite(fd, data + done, size - done, (off_t)done);
    if (w <= 0) abort();
    done += (size_t)w;
  }
  if (lseek(fd, 0, SEEK_SET) != 0) abort();
  return fd;
}

#define FUZZ_CHECK(cond) \
  do {                   \
    if (!(cond)) abort(); \
  } while (0)

#endif
