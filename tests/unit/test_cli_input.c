/* Reading an article for `copydesk check`: the size limit, for files and for a pipe that goes on
 * (the limit is made small here; the real one is CD_MAX_TEXT_LEN). */
#include <pthread.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "cli/input.h"

static char *temp_file(size_t n) {
  char *path = strdup("/tmp/cd-input-XXXXXX");
  int fd = mkstemp(path);
  assert_true(fd >= 0);
  char *bytes = malloc(n + 1);
  memset(bytes, 'a', n);
  assert_int_equal(write(fd, bytes, n), (ssize_t)n);
  free(bytes);
  close(fd);
  return path;
}

static void test_file_limit(void **state) {
  (void)state;
  char *at = temp_file(1000), *over = temp_file(1001);
  size_t len = 0;
  const char *error = NULL;
  char *text = cd_cli_read_file_max(at, 1000, &len, &error);
  assert_non_null(text);
  assert_int_equal(len, 1000);
  assert_int_equal(text[len], 0);
  free(text);
  assert_null(cd_cli_read_file_max(over, 1000, &len, &error));
  assert_non_null(strstr(error, "too large"));
  unlink(at);
  unlink(over);
  free(at);
  free(over);
}

enum { STREAM = 4 << 20 };

static void *write_stream(void *arg) {
  int fd = *(int *)arg;
  char block[4096];
  memset(block, 'b', sizeof block);
  for (size_t sent = 0; sent < STREAM; sent += sizeof block)
    if (write(fd, block, sizeof block) != (ssize_t)sizeof block) break;
  close(fd);
  return NULL;
}

/* Standard input longer than the limit is refused once the limit is passed, not read to its end
 * first: `yes | copydesk check -` must not fill the memory. */
static void test_stream_stops_at_limit(void **state) {
  (void)state;
  int fds[2];
  assert_int_equal(pipe(fds), 0);
  int saved = dup(0);
  assert_true(saved >= 0);
  assert_true(dup2(fds[0], 0) == 0);
  close(fds[0]);
  pthread_t writer;
  assert_int_equal(pthread_create(&writer, NULL, write_stream, &fds[1]), 0);
  size_t len = 0;
  const char *error = NULL;
  assert_null(cd_cli_read_file_max("-", 100000, &len, &error));
  assert_non_null(strstr(error, "too large"));
  size_t left = 0; /* what the reader left in the pipe */
  char buf[65536];
  for (ssize_t k; (k = read(0, buf, sizeof buf)) > 0;) left += (size_t)k;
  pthread_join(writer, NULL);
  assert_true(left > STREAM - 100000 - 2 * 65536);
  assert_true(dup2(saved, 0) == 0);
  close(saved);
  clearerr(stdin);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_file_limit),
      cmocka_unit_test(test_stream_stops_at_limit),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
