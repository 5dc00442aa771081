// Login throttling: after kMaxFailures wrong passwords for one login, or kMaxAddressFailures
// from one address, within kWindow, further tries are refused until kWindow has passed since
// the last failure. Counting per login stops guessing one account from many addresses; per
// address stops spraying many accounts from one. The address limit is higher because a whole
// office (or everyone behind a TLS proxy) shares one address: a few typos must not lock every
// account out. In memory: a restart forgets, which only helps a person.
#pragma once

#include <map>
#include <mutex>
#include <string>

#include "core/time.h"

namespace ringback::web {

class LoginThrottle {
 public:
  static constexpr int kMaxFailures = 5;
  static constexpr int kMaxAddressFailures = 30;
  static constexpr Seconds kWindow = std::chrono::minutes(15);

  // True when a try for `login` from `address` must be refused now.
  bool Blocked(const std::string& login, const std::string& address, Timestamp now);
  void RecordFailure(const std::string& login, const std::string& address, Timestamp now);
  // A correct password clears the login's count (not the address's).
  void RecordSuccess(const std::string& login);

 private:
  struct Count {
    int failures = 0;
    Timestamp last{};
  };
  bool Over(const std::map<std::string, Count>& counts, const std::string& key, int limit, Timestamp now) const;
  void Add(std::map<std::string, Count>& counts, const std::string& key, Timestamp now);

  std::mutex mu_;
  std::map<std::string, Count> by_login_;
  std::map<std::string, Count> by_address_;
};

}  // namespace ringback::web
