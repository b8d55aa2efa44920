/* Starts `copydesk lsp` with pipes on its standard input and output, for the benchmarks that
 * drive the real server. Header-only: each bench is one executable. */
#ifndef CD_BENCH_SPAWN_H
#define CD_BENCH_SPAWN_H
#include <libgen.h>
#include <limits.h>
#include <stdio.h>
#include <sys/types.h>
#include <unistd.h>

/* The server to start: argv[1] when given, else the copydesk built beside this bench
 * (build/bench/NAME -> build/copydesk). False when neither can be found. */
static inline int bench_server_binary(int argc, char **argv, char binary[PATH_MAX]) {
  if (argc > 1) return snprintf(binary, PATH_MAX, "%s", argv[1]) > 0;
  char self[PATH_MAX];
  ssize_t n = readlink("/proc/self/exe", self, sizeof self - 1);
  if (n <= 0) return 0;
  self[n] = '\0';
  snprintf(binary, PATH_MAX, "%s/../copydesk", dirname(self));
  return 1;
}

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
