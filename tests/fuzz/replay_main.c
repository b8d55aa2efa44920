/* Runs a fuzz target's entry point on files, without libFuzzer: the regression tests replay
 * tests/fuzz/regressions/<target>/ and the seeds through every build (plain, ASan, valgrind).
 * Arguments are files or directories (their files, not recursive). Exit 0 when every input ran;
 * a failed check aborts, as under the fuzzer. */
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int run_file(const char *path) {
  FILE *f = fopen(path, "rb");
  if (!f) {
    fprintf(stderr, "replay: cannot open %s\n", path);
    return 1;
  }
  size_t cap = 1 << 16, len = 0;
  uint8_t *buf = malloc(cap);
  size_t n;
  while (buf && (n = fread(buf + len, 1, cap - len, f)) > 0) {
    len += n;
    if (len == cap) {
      uint8_t *nb = realloc(buf, cap *= 2);
      if (!nb) free(buf);
      buf = nb;
    }
  }
  fclose(f);
  if (!buf) return 1;
  /* exactly `len` bytes, so that a read past the end is caught */
  uint8_t *exact = malloc(len ? len : 1);
  if (!exact) return 1;
  memcpy(exact, buf, len);
  free(buf);
  LLVMFuzzerTestOneInput(exact, len);
  free(exact);
  return 0;
}

int main(int argc, char **argv) {
  int failed = 0, ran = 0;
  for (int i = 1; i < argc; i++) {
    struct stat st;
    if (stat(argv[i], &st) != 0) continue; /* an absent directory holds no regressions yet */
    if (!S_ISDIR(st.st_mode)) {
      failed |= run_file(argv[i]);
      ran++;
      continue;
    }
    DIR *d = opendir(argv[i]);
    if (!d) return 1;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
      if (e->d_name[0] == '.') continue;
      char path[4096];
      snprintf(path, sizeof path, "%s/%s", argv[i], e->d_name);
      failed |= run_file(path);
      ran++;
    }
    closedir(d);
  }
  printf("replayed %d inputs\n", ran);
  return failed;
}
