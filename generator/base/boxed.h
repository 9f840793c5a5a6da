// An optional value held on the heap: the size of a pointer when absent.
// For the rarely given parts of a record kept by the ten thousand (an
// indicator's `rumus` and `anggaran`, 72 and 112 bytes, given for few of
// 90,000 indicators in a large tree). Copies are deep, as with
// std::optional, so a record keeps its value semantics.
#ifndef SAKIP_BOXED_H_
#define SAKIP_BOXED_H_

#include <memory>
#include <optional>
#include <utility>

namespace sakip {

template <typename T>
class Boxed {
 public:
  Boxed() = default;
  Boxed(std::nullopt_t) {}  // NOLINT(runtime/explicit)
  Boxed(T value)            // NOLINT(runtime/explicit)
      : value_(std::make_unique<T>(std::move(value))) {}
  Boxed(const std::optional<T>& value)  // NOLINT(runtime/explicit)
      : value_(value ? std::make_unique<T>(*value) : nullptr) {}
  Boxed(const Boxed& other)
      : value_(other.value_ ? std::make_unique<T>(*other.value_) : nullptr) {}
  Boxed(Boxed&& other) noexcept = default;
  Boxed& operator=(Boxed other) noexcept {
    value_ = std::move(other.value_);
    return *this;
  }

  bool has_value() const { return value_ != nullptr; }
  explicit operator bool() const { return has_value(); }
  T& operator*() { return *value_; }
  const T& operator*() const { return *value_; }
  T* operator->() { return value_.get(); }
  const T* operator->() const { return value_.get(); }
  T& emplace() {
    value_ = std::make_unique<T>();
    return *value_;
  }

 private:
  std::unique_ptr<T> value_;
};

}  // namespace sakip

#endif  // SAKIP_BOXED_H_
