// SharedCache: values computed from a text key, remembered for every thread of the process.
// For pure functions that are costly per distinct input (libphonenumber's parse and geocoder
// take tens of microseconds a number) and asked about the same inputs from several threads:
// the audit classifies contacts on one thread and writes their rows on another.
#pragma once

#include <cstddef>
#include <functional>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>

namespace ringback {

template <typename Value>
class SharedCache {
 public:
  // At most `capacity` values: when full, the cache starts afresh, so a long-running server
  // or a huge import keeps its memory bounded (the values are recomputed, never wrong).
  explicit SharedCache(std::size_t capacity) : capacity_(capacity) {}

  // The value for `key`, from `make()` the first time. `make` runs outside the lock: two
  // threads may both compute a value for the same new key, and since `make` is pure for the
  // key, either result is the same.
  template <typename Make>
  Value Get(std::string_view key, Make&& make) {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      if (auto it = map_.find(key); it != map_.end()) return it->second;
    }
    Value value = make();
    std::lock_guard<std::mutex> lock(mutex_);
    if (map_.size() >= capacity_) map_.clear();
    map_.emplace(std::string(key), value);
    return value;
  }

  std::size_t size() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return map_.size();
  }

 private:
  // Transparent, so a lookup by string_view allocates no key.
  struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };

  const std::size_t capacity_;
  mutable std::mutex mutex_;
  std::unordered_map<std::string, Value, Hash, std::equal_to<>> map_;
};

}  // namespace ringback
