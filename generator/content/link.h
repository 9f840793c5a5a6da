// A resolved pointer from one part of the model to another, possibly in
// another unit. Following it records a read of the target's unit on the
// rendering thread (read_record.h), so that the pages made while it is
// followed are keyed by that unit's content too.
#ifndef SAKIP_LINK_H_
#define SAKIP_LINK_H_

#include <cstddef>
#include <type_traits>

#include "read_record.h"

namespace sakip {

struct Unit;
struct Jabatan;

// The unit a link's target belongs to (defined in model.h).
inline const Unit* OwnerUnit(const Unit* unit) { return unit; }
inline const Unit* OwnerUnit(const Jabatan* jabatan);

// As small as a pointer: the parse cache's struct sizes stay as they are.
template <typename T>
class Link {
 public:
  Link() = default;
  Link(T* target) : target_(target) {}  // NOLINT: converts like a pointer

  // Each of these is a read of the target's unit.
  operator T*() const {  // NOLINT: reads like a pointer
    Noted();
    return target_;
  }
  T* operator->() const {
    Noted();
    return target_;
  }
  T& operator*() const {
    Noted();
    return *target_;
  }
  // Without a read: for resolve, compute and the keys themselves.
  T* raw() const { return target_; }

  // Tests and comparisons read nothing of the target.
  explicit operator bool() const { return target_ != nullptr; }
  friend bool operator==(const Link& a, const Link& b) {
    return a.target_ == b.target_;
  }
  template <typename U>
  requires std::is_convertible_v<U*, const T*>
  friend bool operator==(const Link& a, U* b) { return a.target_ == b; }
  friend bool operator==(const Link& a, std::nullptr_t) {
    return a.target_ == nullptr;
  }

 private:
  void Noted() const {
    if (target_) NoteRead(ReadKind::kOwn, OwnerUnit(target_));
  }
  T* target_ = nullptr;
};

}  // namespace sakip

#endif  // SAKIP_LINK_H_
