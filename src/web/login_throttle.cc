#include "web/login_throttle.h"

#include <algorithm>

namespace ringback::web {
namespace {

constexpr std::size_t kForgetAbove = 10000;  // entries before expired streaks are swept

}  // namespace

Seconds LoginThrottle::DelayAfter(int failures) {
  if (failures < kFreeFailures) return Seconds(0);
  Seconds delay = kFirstDelay;
  for (int i = kFreeFailures; i < failures && delay < kMaxDelay; ++i) delay *= 2;
  return std::min(delay, kMaxDelay);
}

void LoginThrottle::Add(Count& c, Timestamp now) {
  if (now - c.last >= kWindow) c.failures = 0;  // an old streak does not count against today
  ++c.failures;
  c.last = now;
}

Seconds LoginThrottle::Wait(const std::string& login, const std::string& address, Timestamp now) {
  std::lock_guard<std::mutex> lock(mu_);
  Seconds wait{0};
  if (auto it = by_pair_.find({login, address}); it != by_pair_.end() && now - it->second.last < kWindow)
    wait = std::max(wait, it->second.last + DelayAfter(it->second.failures) - now);
  if (auto it = by_address_.find(address);
      it != by_address_.end() && it->second.failures >= kMaxAddressFailures && now - it->second.last < kWindow)
    wait = std::max(wait, it->second.last + kWindow - now);
  return wait;
}

void LoginThrottle::RecordFailure(const std::string& login, const std::string& address, Timestamp now) {
  std::lock_guard<std::mutex> lock(mu_);
  Add(by_pair_[{login, address}], now);
  Add(by_address_[address], now);
  // Bounded memory under a flood of made-up logins: forget streaks that have run out.
  auto stale = [&](const auto& kv) { return now - kv.second.last >= kWindow; };
  if (by_pair_.size() > kForgetAbove) std::erase_if(by_pair_, stale);
  if (by_address_.size() > kForgetAbove) std::erase_if(by_address_, stale);
}

void LoginThrottle::RecordSuccess(const std::string& login, const std::string& address) {
  std::lock_guard<std::mutex> lock(mu_);
  by_pair_.erase({login, address});
}

}  // namespace ringback::web
