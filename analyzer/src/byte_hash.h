/* A fast 64-bit hash of n bytes, eight at a time: the keys hashed are names, words and quotes,
 * most of them one or a few such blocks. Not for anything an attacker could exploit. */
#ifndef CD_BYTE_HASH_H
#define CD_BYTE_HASH_H
#include <stddef.h>
#include <stdint.h>
#include <string.h>

/* The r < 8 bytes at s as the low bytes of a number (the first lowest), the rest zero: two
 * overlapping loads, whose common bytes agree, instead of one a byte. */
static inline uint64_t cd_hash_tail(const char *s, size_t r) {
  if (r >= 4) {
    uint32_t lo, hi;
    memcpy(&lo, s, 4);
    memcpy(&hi, s + r - 4, 4);
    return lo | (uint64_t)hi << (8 * (r - 4));
  }
  if (r == 0) return 0;
  const unsigned char *u = (const unsigned char *)s;
  return u[0] | (uint64_t)u[r / 2] << (8 * (r / 2)) | (uint64_t)u[r - 1] << (8 * (r - 1));
}

static inline uint64_t cd_hash_as_is(uint64_t x) { return x; }

/* The hash of the n bytes at s, each block of eight (the last padded with zero bytes) passed
 * through `each` first: as they are (cd_hash_bytes), or folded (word_hash.h). */
static inline uint64_t cd_hash_blocks(const char *s, size_t n, uint64_t (*each)(uint64_t)) {
  uint64_t h = 0x9e3779b97f4a7c15ull ^ n;
  size_t i = 0;
  for (; i + 8 <= n; i += 8) {
    uint64_t x;
    memcpy(&x, s + i, 8);
    h = (h ^ each(x)) * 0xff51afd7ed558ccdull;
    h ^= h >> 32;
  }
  h = (h ^ each(cd_hash_tail(s + i, n - i))) * 0xc4ceb9fe1a85ec53ull;
  h ^= h >> 29;
  return h;
}

static inline uint64_t cd_hash_bytes(const char *s, size_t n) { return cd_hash_blocks(s, n, cd_hash_as_is); }

#endif
