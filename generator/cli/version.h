#ifndef SAKIP_VERSION_H_
#define SAKIP_VERSION_H_

namespace sakip {
// Part of every cache and version stamp: output made by another generator
// version is never reused.
inline constexpr const char* kVersion = "0.1.0";
}  // namespace sakip

#endif  // SAKIP_VERSION_H_
