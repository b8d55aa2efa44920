/* A fast 64-bit hash of n bytes, eight at a time: the keys hashed are names, words and quotes,
 * most of them one or a few such blocks. Not for anything an attacker could exploit. */
#ifndef CD_BYTE_HASH_H
#define CD_BYTE_HASH_H
#include <stddef.h>
#include <stdint.h>
#include <string.h>

static inline uint64_t cd_hash_bytes(const char *s, size_t n) {
  uint64_t h = 0x9e3779b97f4a7c15ull ^ n;
  size_t i = 0;
  for (; i + 8 <= n; i += 8) {
    uint64_t x;
    memcpy(&x, s + i, 8);
    h = (h ^ x) * 0xff51afd7ed558ccdull;
    h ^= h >> 32;
  }
  uint64_t x = 0;
  for (size_t k = n; k-- > i;) x = (x << 8) | (unsigned char)s[k];
  h = (h ^ x) * 0xc4ceb9fe1a85ec53ull;
  h ^= h >> 29;
  return h;
}

#endif
