/* Starts `copydesk lsp` with pipes on its standard input and output, for the benchmarks that
 * drive the real server. Header-only: each bench is one executable. */
#ifndef CD_BENCH_SPAWN_H
#define CD_BENCH_SPAWN_H
#include <sys/types.h>
#include <unistd.h>

/* The server's pid, or -1; *to_server and *from_server are our ends of its pipes. */
static inline pid_t bench_spawn_server(const char *binary, int *to_server, int *from_server) {
  int in[2], out[2];
  if (pipe(in) != 0 || pipe(out) != 0) return -1;
  pid_t pid = fork();
  if (pid == 0) {
    dup2(in[0], 0);
    dup2(out[1], 1);
    close(in[1]);
    close(out[0]);
    execl(binary, binary, "lsp", (char *)NULL);
    _exit(127);
  }
  close(in[0]);
  close(out[1]);
  *to_server = in[1];
  *from_server = out[0];
  return pid;
}

#endif
