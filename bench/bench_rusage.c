/* Runs a command and prints its CPU time and peak memory: "<user+system microseconds> <peak RSS
 * bytes> <exit status>". bench/speed_table.py measures every command through it because Linux
 * carries a process's peak RSS across exec: a child forked from the Python interpreter would
 * report the interpreter's memory as its own. This program is small, so the figure it reports is
 * the command's. Standard input and output are the command's; the figures go to stderr.
 *
 * usage: bench_rusage COMMAND [ARG...] */
#define _DEFAULT_SOURCE
#include <stdio.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <unistd.h>

int main(int argc, char **argv) {
  if (argc < 2) {
    fprintf(stderr, "usage: %s COMMAND [ARG...]\n", argv[0]);
    return 2;
  }
  pid_t pid = fork();
  if (pid < 0) return 2;
  if (pid == 0) {
    execvp(argv[1], argv + 1);
    _exit(127);
  }
  int status;
  struct rusage ru;
  if (wait4(pid, &status, 0, &ru) != pid) return 2;
  long long us = (long long)(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) * 1000000LL + ru.ru_utime.tv_usec +
                 ru.ru_stime.tv_usec;
  fprintf(stderr, "%lld %lld %d\n", us, (long long)ru.ru_maxrss * 1024LL,
          WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status));
  return 0;
}
