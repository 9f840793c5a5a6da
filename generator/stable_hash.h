// A hash of bytes that is the same on every machine and in every build:
// for cache keys stored in the output (PDF cache, page keys, stamps).
#ifndef SAKIP_STABLE_HASH_H_
#define SAKIP_STABLE_HASH_H_

#include <cstdio>
#include <string>

namespace sakip {

// FNV-1a, 64 bit, as 16 hex digits.
inline std::string StableHash(const std::string& bytes) {
  unsigned long long hash = 1469598103934665603ULL;
  for (unsigned char c : bytes) {
    hash ^= c;
    hash *= 1099511628211ULL;
  }
  char out[17];
  std::snprintf(out, sizeof out, "%016llx", hash);
  return out;
}

}  // namespace sakip

#endif  // SAKIP_STABLE_HASH_H_
