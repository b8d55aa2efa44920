/* Framing over a pipe: good messages, Content-Type, malformed headers with
 * resync, oversized bodies, EOF, non-blocking reads; and the writer. */
#define _POSIX_C_SOURCE 200809L
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <stdio.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cmocka.h>

#include "copydesk/framing.h"

typedef struct pipe_pair {
  int r, w;
} pipe_pair;

static pipe_pair open_pipe(void) {
  int fds[2];
  assert_int_equal(pipe(fds), 0);
  pipe_pair p = {fds[0], fds[1]};
  return p;
}

static void put(pipe_pair p, const char *s) {
  assert_int_equal(write(p.w, s, strlen(s)), (ssize_t)strlen(s));
}

static void expect_body(cd_frame_reader *r, bool block, const char *want) {
  char *body;
  size_t len;
  char err[128];
  assert_int_equal(cd_frame_read(r, block, &body, &len, err, sizeof err), CD_FRAME_OK);
  assert_int_equal(len, strlen(want));
  assert_memory_equal(body, want, len);
  free(body);
}

static cd_frame_status read_status(cd_frame_reader *r, bool block, char *err, size_t esz) {
  char *body;
  size_t len;
  cd_frame_status st = cd_frame_read(r, block, &body, &len, err, esz);
  free(body);
  return st;
}

static void test_two_messages_and_content_type(void **state) {
  (void)state;
  pipe_pair p = open_pipe();
  put(p, "Content-Length: 2\r\n\r\n{}content-length: 3\r\nContent-Type: application/vscode-jsonrpc; "
         "charset=utf-8\r\n\r\n[1]");
  close(p.w);
  cd_frame_reader *r = cd_frame_reader_new(p.r, 0);
  expect_body(r, true, "{}");
  expect_body(r, true, "[1]");
  assert_int_equal(read_status(r, true, NULL, 0), CD_FRAME_EOF);
  cd_frame_reader_free(r);
  close(p.r);
}

static void test_bad_headers_resync(void **state) {
  (void)state;
  char err[128];
  pipe_pair p = open_pipe();
  put(p, "Content-Type: text/plain\r\n\r\n{\"lost\":1}"   /* no length */
         "Content-Length: 2\r\n\r\n{}"                    /* good */
         "Content-Length: x1\r\n\r\n{\"lost\":2}"         /* not a number */
         "Content-Length: 3\r\n\r\n[2]"                   /* good */
         "garbage line\r\n\r\n"                           /* no colon */
         "Content-Length: 3\r\n\r\n[3]");
  close(p.w);
  cd_frame_reader *r = cd_frame_reader_new(p.r, 0);
  assert_int_equal(read_status(r, true, err, sizeof err), CD_FRAME_BAD_HEADER);
  assert_non_null(strstr(err, "Content-Length"));
  expect_body(r, true, "{}");
  assert_int_equal(read_status(r, true, err, sizeof err), CD_FRAME_BAD_HEADER);
  expect_body(r, true, "[2]");
  assert_int_equal(read_status(r, true, err, sizeof err), CD_FRAME_BAD_HEADER);
  expect_body(r, true, "[3]");
  assert_int_equal(read_status(r, true, err, sizeof err), CD_FRAME_EOF);
  cd_frame_reader_free(r);
  close(p.r);
}

static void test_too_large_is_skipped(void **state) {
  (void)state;
  char err[128];
  pipe_pair p = open_pipe();
  put(p, "Content-Length: 40\r\n\r\n{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"x\"}   "
         "Content-Length: 2\r\n\r\n{}");
  close(p.w);
  cd_frame_reader *r = cd_frame_reader_new(p.r, 16);
  char *body;
  size_t len;
  assert_int_equal(cd_frame_read(r, true, &body, &len, err, sizeof err), CD_FRAME_TOO_LARGE);
  assert_non_null(strstr(err, "40 bytes"));
  assert_true(len > 0 && strncmp(body, "{\"jsonrpc\"", 10) == 0);
  free(body);
  expect_body(r, true, "{}");
  cd_frame_reader_free(r);
  close(p.r);
}

/* A declared length far past the limit and far past what is sent: the refusal comes at once,
 * without waiting for the body, and the next message is read, not swallowed as its body. */
static void test_huge_length_answers_at_once(void **state) {
  (void)state;
  char err[128];
  pipe_pair p = open_pipe();
  cd_frame_reader *r = cd_frame_reader_new(p.r, 4096);
  put(p, "Content-Length: 99999999999\r\n\r\n{\"jsonrpc\":\"2.0\",\"id\":3}");
  char *body;
  size_t len;
  assert_int_equal(cd_frame_read(r, false, &body, &len, err, sizeof err), CD_FRAME_TOO_LARGE); /* pipe still open */
  assert_non_null(strstr(err, "99999999999 bytes"));
  assert_int_equal(len, strlen("{\"jsonrpc\":\"2.0\",\"id\":3}"));
  free(body);
  assert_int_equal(read_status(r, false, NULL, 0), CD_FRAME_AGAIN);
  put(p, "Content-Length: 2\r\n\r\n{}");
  expect_body(r, false, "{}");
  /* with no body at all yet: refused with an empty prefix, then the next message */
  put(p, "Content-Length: 99999999999999\r\n\r\n");
  assert_int_equal(cd_frame_read(r, true, &body, &len, err, sizeof err), CD_FRAME_TOO_LARGE);
  assert_int_equal(len, 0);
  free(body);
  put(p, "Content-Length: 3\r\n\r\n[4]");
  expect_body(r, true, "[4]");
  close(p.w);
  assert_int_equal(read_status(r, true, NULL, 0), CD_FRAME_EOF);
  cd_frame_reader_free(r);
  close(p.r);
}

static void test_non_blocking_and_partial(void **state) {
  (void)state;
  pipe_pair p = open_pipe();
  cd_frame_reader *r = cd_frame_reader_new(p.r, 0);
  assert_int_equal(read_status(r, false, NULL, 0), CD_FRAME_AGAIN);
  put(p, "Content-Length: 4\r\n\r\n[1");
  assert_int_equal(read_status(r, false, NULL, 0), CD_FRAME_AGAIN);
  put(p, "0]");
  expect_body(r, false, "[10]");
  put(p, "Content-Length: 9\r\n\r\n[1"); /* truncated by EOF */
  close(p.w);
  assert_int_equal(read_status(r, true, NULL, 0), CD_FRAME_EOF);
  cd_frame_reader_free(r);
  close(p.r);
}

static void test_stray_newlines_and_bare_lf(void **state) {
  (void)state;
  pipe_pair p = open_pipe();
  put(p, "\r\n\nContent-Length: 2\n\n{}");
  close(p.w);
  cd_frame_reader *r = cd_frame_reader_new(p.r, 0);
  expect_body(r, true, "{}");
  cd_frame_reader_free(r);
  close(p.r);
}

static void test_writer(void **state) {
  (void)state;
  pipe_pair p = open_pipe();
  assert_int_equal(cd_frame_write(p.w, "{\"a\":1}", 7), 0);
  close(p.w);
  char buf[64] = {0};
  ssize_t n = read(p.r, buf, sizeof buf - 1);
  assert_true(n > 0);
  assert_string_equal(buf, "Content-Length: 7\r\n\r\n{\"a\":1}");
  close(p.r);
}

/* Messages trickling in one byte at a time come out whole and in order. */
static void test_byte_by_byte(void **state) {
  (void)state;
  pipe_pair p = open_pipe();
  cd_frame_reader *r = cd_frame_reader_new(p.r, 0);
  const char *stream = "Content-Length: 3\r\n\r\n[1]Content-Length: 5\r\nContent-Type: x\r\n\r\n[2,3]"
                       "Content-Length: 2\r\n\r\n{}";
  const char *want[] = {"[1]", "[2,3]", "{}"};
  size_t got = 0;
  for (size_t i = 0; stream[i] != '\0'; i++) {
    assert_int_equal(write(p.w, stream + i, 1), 1);
    char *body;
    size_t len;
    cd_frame_status st = cd_frame_read(r, false, &body, &len, NULL, 0);
    if (st == CD_FRAME_OK) {
      assert_true(got < 3);
      assert_int_equal(len, strlen(want[got]));
      assert_memory_equal(body, want[got], len);
      got++;
      free(body);
    } else {
      assert_int_equal(st, CD_FRAME_AGAIN);
    }
  }
  assert_int_equal(got, 3);
  cd_frame_reader_free(r);
  close(p.w);
  close(p.r);
}

/* A big message (from a writer process, the pipe holds only 64 KiB) comes
 * out whole, and small ones after it still work once the buffer shrinks. */
static void test_big_then_small(void **state) {
  (void)state;
  pipe_pair p = open_pipe();
  size_t big = 3 * 1024 * 1024;
  pid_t pid = fork();
  assert_true(pid >= 0);
  if (pid == 0) {
    close(p.r);
    char header[64];
    int n = snprintf(header, sizeof header, "Content-Length: %zu\r\n\r\n", big);
    char *body = malloc(big);
    memset(body, 'b', big);
    if (write(p.w, header, (size_t)n) != n) _exit(1);
    for (size_t off = 0; off < big;) {
      ssize_t w = write(p.w, body + off, big - off);
      if (w <= 0) _exit(1);
      off += (size_t)w;
    }
    const char *small = "Content-Length: 2\r\n\r\n{}";
    if (write(p.w, small, strlen(small)) != (ssize_t)strlen(small)) _exit(1);
    free(body);
    _exit(0);
  }
  close(p.w);
  cd_frame_reader *r = cd_frame_reader_new(p.r, 0);
  char *body;
  size_t len;
  assert_int_equal(cd_frame_read(r, true, &body, &len, NULL, 0), CD_FRAME_OK);
  assert_int_equal(len, big);
  assert_true(body[0] == 'b' && body[big - 1] == 'b');
  free(body);
  expect_body(r, true, "{}");
  assert_int_equal(read_status(r, true, NULL, 0), CD_FRAME_EOF);
  int status;
  waitpid(pid, &status, 0);
  assert_int_equal(WEXITSTATUS(status), 0);
  cd_frame_reader_free(r);
  close(p.r);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_two_messages_and_content_type),
      cmocka_unit_test(test_bad_headers_resync),
      cmocka_unit_test(test_too_large_is_skipped),
      cmocka_unit_test(test_huge_length_answers_at_once),
      cmocka_unit_test(test_non_blocking_and_partial),
      cmocka_unit_test(test_stray_newlines_and_bare_lf),
      cmocka_unit_test(test_writer),
      cmocka_unit_test(test_byte_by_byte),
      cmocka_unit_test(test_big_then_small),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
