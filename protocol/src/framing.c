/* Content-Length framing with resynchronisation and a size limit. */
#define _POSIX_C_SOURCE 200809L
#include "copydesk/framing.h"

#include <errno.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/uio.h>
#include <unistd.h>

/* A header block longer than this without its blank line is garbage. */
#define HEADER_MAX 8192
#define READ_CHUNK 65536
/* How long an oversized message's answer waits for the start of its body (to find its id). */
#define PREFIX_WAIT_MS 50

struct cd_frame_reader {
  int fd;
  size_t max_body;
  char *buf;
  size_t used;   /* bytes in buf */
  size_t cap;
  bool resync;   /* discarding up to the next Content-Length header */
  bool eof;
};

cd_frame_reader *cd_frame_reader_new(int fd, size_t max_body) {
  cd_frame_reader *r = calloc(1, sizeof *r);
  if (r == NULL) return NULL;
  r->fd = fd;
  r->max_body = max_body ? max_body : CD_FRAME_DEFAULT_MAX;
  r->cap = READ_CHUNK;
  r->buf = malloc(r->cap);
  if (r->buf == NULL) {
    free(r);
    return NULL;
  }
  return r;
}

void cd_frame_reader_free(cd_frame_reader *reader) {
  if (reader == NULL) return;
  free(reader->buf);
  free(reader);
}

static void set_error(char *error, size_t size, const char *msg) {
  if (error != NULL && size > 0) snprintf(error, size, "%s", msg);
}

static void drop(cd_frame_reader *r, size_t n) {
  if (n > r->used) n = r->used;
  memmove(r->buf, r->buf + n, r->used - n);
  r->used -= n;
}

/* After one huge message, give the memory back instead of keeping it for the session.
 * Called only when a message has just been taken (never while one is accumulating). */
static void shrink(cd_frame_reader *r) {
  if (r->cap > 16 * READ_CHUNK && r->used < r->cap / 8) {
    size_t ncap = r->used * 2 > READ_CHUNK ? r->used * 2 : READ_CHUNK;
    char *nb = realloc(r->buf, ncap);
    if (nb != NULL) {
      r->buf = nb;
      r->cap = ncap;
    }
  }
}

/* Reads more bytes. 1: got some; 0: would block (non-blocking); -1: EOF; -2: error. */
static int fill(cd_frame_reader *r, bool block, size_t want) {
  if (r->eof) return -1;
  if (want > r->cap) {
    size_t ncap = r->cap;
    while (ncap < want) ncap *= 2;
    char *nb = realloc(r->buf, ncap);
    if (nb == NULL) return -2;
    r->buf = nb;
    r->cap = ncap;
  } else if (r->used == r->cap) {
    char *nb = realloc(r->buf, r->cap * 2);
    if (nb == NULL) return -2;
    r->buf = nb;
    r->cap *= 2;
  }
  if (!block) {
    struct pollfd p = {.fd = r->fd, .events = POLLIN};
    int rc;
    do rc = poll(&p, 1, 0);
    while (rc < 0 && errno == EINTR);
    if (rc == 0) return 0;
  }
  for (;;) {
    ssize_t n = read(r->fd, r->buf + r->used, r->cap - r->used);
    if (n > 0) {
      r->used += (size_t)n;
      return 1;
    }
    if (n == 0) {
      r->eof = true;
      return -1;
    }
    if (errno == EINTR) continue;
    if (errno == EAGAIN || errno == EWOULDBLOCK) return 0;
    return -2;
  }
}

/* Position of the next "content-length" (any case) at or after `from`, or SIZE_MAX. */
static size_t find_content_length(const cd_frame_reader *r, size_t from) {
  static const char key[] = "content-length";
  size_t klen = sizeof key - 1;
  for (size_t i = from; i + klen <= r->used; i++) {
    if (strncasecmp(r->buf + i, key, klen) == 0) return i;
  }
  return (size_t)-1;
}

/* Parses the header block buf[0, end). 0 and *length on success, -1 with error. */
static int parse_header(const char *h, size_t end, size_t *length, char *error, size_t esize) {
  bool have_length = false;
  size_t i = 0;
  while (i < end) {
    size_t eol = i;
    while (eol < end && h[eol] != '\n') eol++;
    size_t line_end = eol;
    if (line_end > i && h[line_end - 1] == '\r') line_end--;
    const char *colon = memchr(h + i, ':', line_end - i);
    if (colon == NULL) {
      set_error(error, esize, "malformed header line (no ':')");
      return -1;
    }
    size_t name_len = (size_t)(colon - (h + i));
    const char *v = colon + 1;
    const char *v_end = h + line_end;
    while (v < v_end && (*v == ' ' || *v == '\t')) v++;
    while (v_end > v && (v_end[-1] == ' ' || v_end[-1] == '\t')) v_end--;
    if (name_len == 14 && strncasecmp(h + i, "Content-Length", 14) == 0) {
      size_t n = 0;
      if (v == v_end) {
        set_error(error, esize, "empty Content-Length");
        return -1;
      }
      for (const char *p = v; p < v_end; p++) {
        if (*p < '0' || *p > '9' || n > ((size_t)-1 - 9) / 10) {
          set_error(error, esize, "Content-Length is not a valid length");
          return -1;
        }
        n = n * 10 + (size_t)(*p - '0');
      }
      if (have_length && n != *length) {
        set_error(error, esize, "conflicting Content-Length headers");
        return -1;
      }
      *length = n;
      have_length = true;
    }
    /* Content-Type and unknown headers are accepted and ignored: we only speak UTF-8. */
    i = eol + 1;
  }
  if (!have_length) {
    set_error(error, esize, "missing Content-Length header");
    return -1;
  }
  return 0;
}

/* Finds the blank line ending the header: *hdr_end = end of the last header
 * line, *body_start = first body byte. False when not buffered yet. */
static bool find_header_end(const cd_frame_reader *r, size_t *hdr_end, size_t *body_start) {
  for (size_t i = 0; i < r->used; i++) {
    if (r->buf[i] != '\n') continue;
    size_t j = i + 1;
    if (j < r->used && r->buf[j] == '\r') j++;
    if (j < r->used && r->buf[j] == '\n') {
      *hdr_end = i;
      *body_start = j + 1;
      return true;
    }
  }
  return false;
}

cd_frame_status cd_frame_read(cd_frame_reader *r, bool block, char **body, size_t *len,
                              char *error, size_t error_size) {
  *body = NULL;
  *len = 0;
  for (;;) {
    size_t want = 0;
    if (r->resync) {
      size_t at = find_content_length(r, 0);
      if (at != (size_t)-1) {
        drop(r, at);
        r->resync = false;
      } else if (r->used > 16) {
        drop(r, r->used - 16); /* keep a possible partial "Content-Length" */
      }
    }
    if (!r->resync) {
      size_t lead = 0; /* stray line breaks between messages are harmless */
      while (lead < r->used && (r->buf[lead] == '\r' || r->buf[lead] == '\n')) lead++;
      drop(r, lead);
      size_t hdr_end, body_start, length = 0;
      if (find_header_end(r, &hdr_end, &body_start)) {
        if (parse_header(r->buf, hdr_end, &length, error, error_size) != 0) {
          drop(r, 1);
          r->resync = true;
          return CD_FRAME_BAD_HEADER;
        }
        if (length > r->max_body) {
          /* Answer at once with what has arrived (to find the id), then resynchronise on the
           * next Content-Length header: a declared length is not trusted to skip by, since a
           * client that lied about it would have the rest of its session swallowed. */
          if (r->used - body_start < CD_FRAME_PREFIX_MAX && !r->eof) {
            struct pollfd pf = {.fd = r->fd, .events = POLLIN}; /* a moment for the body's start */
            if (poll(&pf, 1, PREFIX_WAIT_MS) > 0) (void)fill(r, false, 0);
          }
          size_t prefix = r->used - body_start;
          if (prefix > length) prefix = length;
          if (prefix > CD_FRAME_PREFIX_MAX) prefix = CD_FRAME_PREFIX_MAX;
          char *p = malloc(prefix + 1);
          if (p == NULL) {
            set_error(error, error_size, "out of memory");
            return CD_FRAME_IO_ERROR;
          }
          memcpy(p, r->buf + body_start, prefix);
          p[prefix] = '\0';
          drop(r, body_start);
          r->resync = true;
          *body = p;
          *len = prefix;
          if (error != NULL && error_size > 0) {
            snprintf(error, error_size, "message of %zu bytes refused: the limit is %zu bytes", length,
                     r->max_body);
          }
          return CD_FRAME_TOO_LARGE;
        } else if (r->used - body_start >= length) {
          char *p = malloc(length + 1);
          if (p == NULL) {
            set_error(error, error_size, "out of memory");
            return CD_FRAME_IO_ERROR;
          }
          memcpy(p, r->buf + body_start, length);
          p[length] = '\0';
          drop(r, body_start + length);
          shrink(r);
          *body = p;
          *len = length;
          return CD_FRAME_OK;
        } else {
          want = body_start + length;
        }
      } else if (r->used > HEADER_MAX) {
        set_error(error, error_size, "header block too long or not terminated");
        drop(r, 1);
        r->resync = true;
        return CD_FRAME_BAD_HEADER;
      }
    }
    int rc = fill(r, block, want);
    if (rc == 0) return CD_FRAME_AGAIN;
    if (rc == -1) return CD_FRAME_EOF;
    if (rc == -2) {
      set_error(error, error_size, "read failed or out of memory");
      return CD_FRAME_IO_ERROR;
    }
  }
}

static int write_all(int fd, const char *p, size_t n) {
  while (n > 0) {
    ssize_t w = write(fd, p, n);
    if (w < 0) {
      if (errno == EINTR) continue;
      return -1;
    }
    p += w;
    n -= (size_t)w;
  }
  return 0;
}

/* Header and body leave in one writev, so the reader wakes once for a message, not first for its
 * header alone; what a partial write leaves goes out with write_all. */
int cd_frame_write(int fd, const char *body, size_t len) {
  char header[64];
  int hl = snprintf(header, sizeof header, "Content-Length: %zu\r\n\r\n", len);
  struct iovec iov[2] = {{header, (size_t)hl}, {(void *)body, len}};
  ssize_t w;
  do {
    w = writev(fd, iov, 2);
  } while (w < 0 && errno == EINTR);
  if (w < 0) return -1;
  size_t done = (size_t)w;
  if (done < (size_t)hl) {
    if (write_all(fd, header + done, (size_t)hl - done) != 0) return -1;
    done = (size_t)hl;
  }
  return write_all(fd, body + (done - (size_t)hl), len - (done - (size_t)hl));
}
