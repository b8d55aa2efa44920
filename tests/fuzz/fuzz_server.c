/* Fuzzes a whole server session: the input is the stream a client writes (framed JSON-RPC
 * messages, or anything else), read by cd_server_run to its end, with the answers thrown away.
 * The sanitizers and the timeout judge it: any crash, leak, undefined behaviour or hang is a
 * finding. The seeds are sessions built from our fixtures (initialize, didOpen, edits, requests,
 * shutdown), so mutations start from real traffic. */
#include <fcntl.h>
#include <unistd.h>

#include "fuzz_input.h"
#include "server.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  static int sink = -1;
  if (sink < 0 && (sink = open("/dev/null", O_WRONLY)) < 0) abort();
  int fd = fuzz_input_fd(data, size);
  cd_server_run(fd, sink);
  return 0;
}
