// A hash of bytes that is the same on every machine and in every build:
// for cache keys stored in the output (PDF cache, page keys, stamps).
#ifndef SAKIP_STABLE_HASH_H_
#define SAKIP_STABLE_HASH_H_

#include <xxhash.h>

#include <cstdio>
#include <string>
#include <string_view>

namespace sakip {

// XXH3, 64 bit (libxxhash), as 16 hex digits. Its output is fixed by the
// XXH3 specification (stable since xxHash 0.8.0), so stored keys stay
// valid across machines. It replaced a byte-at-a-time FNV-1a: a rebuild
// hashes every content file and every sealed state file, and FNV-1a was
// 8 % of a rebuild's CPU on the 15,000-jabatan bench (docs/decisions.md).
inline std::string StableHash(std::string_view bytes) {
  unsigned long long hash = XXH3_64bits(bytes.data(), bytes.size());
  char out[17];
  std::snprintf(out, sizeof out, "%016llx", hash);
  return out;
}

// The generator's own files (caches, manifests) end with the line
// `# end <bytes before it> <StableHash of them>`: a file cut short by a
// killed build or damaged later fails the check and is not trusted.
inline std::string Sealed(std::string text) {
  std::string hash = StableHash(text);
  text += "# end " + std::to_string(text.size()) + " " + hash + "\n";
  return text;
}

// True when `*text` ends with a matching trailer, which is then cut off.
inline bool Unseal(std::string_view* text) {
  std::string_view all = *text;
  if (all.size() < 2 || all.back() != '\n') return false;
  size_t start = all.rfind("# end ", all.size() - 2);
  if (start == std::string_view::npos) return false;
  std::string_view body = all.substr(0, start);
  std::string expected =
      "# end " + std::to_string(body.size()) + " " + StableHash(body) + "\n";
  if (all.substr(start) != expected) return false;
  *text = body;
  return true;
}

}  // namespace sakip

#endif  // SAKIP_STABLE_HASH_H_
