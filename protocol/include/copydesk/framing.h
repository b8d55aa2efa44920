/* copydesk framing: LSP base protocol messages over a file descriptor.
 *
 * A message is a header block ("Content-Length: N", optionally
 * "Content-Type: ...", each line ended by "\r\n"; bare "\n" tolerated), a
 * blank line, then N bytes of body. The reader never gives up on a bad
 * stream: a malformed header is reported once and the reader resynchronises
 * on the next "Content-Length" header; a body over the size limit is
 * reported at once (with the part of it already arrived) and the reader
 * resynchronises the same way, never buffering it nor trusting its length.
 */
#ifndef COPYDESK_FRAMING_H
#define COPYDESK_FRAMING_H

#include <stdbool.h>
#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Default limit on one message body: 64 MiB. */
#define CD_FRAME_DEFAULT_MAX ((size_t)64 * 1024 * 1024)
/* How much of an oversized body is kept for the caller (to find its id). */
#define CD_FRAME_PREFIX_MAX 1024

typedef enum cd_frame_status {
  CD_FRAME_OK = 0,      /* *body holds one message */
  CD_FRAME_AGAIN,       /* non-blocking read: no complete message yet */
  CD_FRAME_EOF,         /* end of input (a partial message at the end is dropped) */
  CD_FRAME_BAD_HEADER,  /* malformed header; error says why; resynchronising */
  CD_FRAME_TOO_LARGE,   /* body over the limit; *body holds its first bytes (maybe none); resynchronising */
  CD_FRAME_IO_ERROR     /* read() failed (not EINTR/EAGAIN) or out of memory */
} cd_frame_status;

typedef struct cd_frame_reader cd_frame_reader;

/* A reader of `fd` (borrowed, never closed) refusing bodies over `max_body`
 * bytes (0 for CD_FRAME_DEFAULT_MAX). NULL when out of memory. */
cd_frame_reader *cd_frame_reader_new(int fd, size_t max_body);
void cd_frame_reader_free(cd_frame_reader *reader);

/* Reads the next message. With `block` false it only uses bytes already
 * buffered or readable without waiting, and returns CD_FRAME_AGAIN when that
 * is not a whole message. On CD_FRAME_OK and CD_FRAME_TOO_LARGE, *body is a
 * NUL-terminated malloc'd buffer of *len bytes that the caller frees; else
 * *body is NULL. `error` (size `error_size`, may be NULL) gets a message for
 * CD_FRAME_BAD_HEADER, CD_FRAME_TOO_LARGE and CD_FRAME_IO_ERROR. */
cd_frame_status cd_frame_read(cd_frame_reader *reader, bool block, char **body, size_t *len,
                              char *error, size_t error_size);

/* Writes one message (header and body), retrying short writes and EINTR.
 * 0 on success, -1 when the descriptor fails (e.g. the peer went away). */
int cd_frame_write(int fd, const char *body, size_t len);

#ifdef __cplusplus
}
#endif

#endif
