#include "web/login_throttle.h"

namespace ringback::web {

bool LoginThrottle::Over(const std::map<std::string, Count>& counts, const std::string& key, int limit,
                         Timestamp now) const {
  auto it = counts.find(key);
  return it != counts.end() && it->second.failures >= limit && now - it->second.last < kWindow;
}

void LoginThrottle::Add(std::map<std::string, Count>& counts, const std::string& key, Timestamp now) {
  Count& c = counts[key];
  if (now - c.last >= kWindow) c.failures = 0;  // an old streak does not count against today
  ++c.failures;
  c.last = now;
}

bool LoginThrottle::Blocked(const std::string& login, const std::string& address, Timestamp now) {
  std::lock_guard<std::mutex> lock(mu_);
  return Over(by_login_, login, kMaxFailures, now) || Over(by_address_, address, kMaxAddressFailures, now);
}

void LoginThrottle::RecordFailure(const std::string& login, const std::string& address, Timestamp now) {
  std::lock_guard<std::mutex> lock(mu_);
  Add(by_login_, login, now);
  Add(by_address_, address, now);
  // Bounded memory under a flood of made-up logins: forget streaks that have run out.
  if (by_login_.size() > 1000) std::erase_if(by_login_, [&](const auto& kv) { return now - kv.second.last >= kWindow; });
  if (by_address_.size() > 1000)
    std::erase_if(by_address_, [&](const auto& kv) { return now - kv.second.last >= kWindow; });
}

void LoginThrottle::RecordSuccess(const std::string& login) {
  std::lock_guard<std::mutex> lock(mu_);
  by_login_.erase(login);
}

}  // namespace ringback::web
