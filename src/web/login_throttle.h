// Sign-in throttling that a stranger cannot turn against an account's owner. Wrong passwords
// are counted per (login, address) pair: after kFreeFailures of them the pair must wait before
// its next try, kFirstDelay at first and twice as long after each further failure, up to
// kMaxDelay. The same login from another address (the owner at the office, when someone else
// guesses from elsewhere) is not slowed at all. Across logins, kMaxAddressFailures failures from
// one address within kWindow block that address until kWindow after its last failure: that
// slows password spraying, and is loose because an office shares one address. A streak is
// forgotten kWindow after its last failure; a correct password clears its pair. In memory: a
// restart forgets, which only helps a person.
//
// The address is the connection's, or behind a TLS proxy the one it forwards (serve
// --trust-proxy): without it every client shares the proxy's address, and so every pair.
#pragma once

#include <map>
#include <mutex>
#include <string>
#include <utility>

#include "core/time.h"

namespace ringback::web {

class LoginThrottle {
 public:
  static constexpr int kFreeFailures = 5;  // a person's typos and half-remembered passwords
  static constexpr Seconds kFirstDelay{30};
  static constexpr Seconds kMaxDelay = std::chrono::minutes(15);
  static constexpr int kMaxAddressFailures = 30;
  static constexpr Seconds kWindow = std::chrono::minutes(15);

  // How long a try for `login` from `address` must still wait; zero when it may go ahead.
  Seconds Wait(const std::string& login, const std::string& address, Timestamp now);
  bool Blocked(const std::string& login, const std::string& address, Timestamp now) {
    return Wait(login, address, now) > Seconds(0);
  }
  void RecordFailure(const std::string& login, const std::string& address, Timestamp now);
  // A correct password clears the pair's count (not the address's).
  void RecordSuccess(const std::string& login, const std::string& address);

  // The wait after `failures` failures in a row of one pair: 0 up to kFreeFailures, then
  // kFirstDelay, doubling, capped at kMaxDelay.
  static Seconds DelayAfter(int failures);

 private:
  struct Count {
    int failures = 0;
    Timestamp last{};
  };
  static void Add(Count& c, Timestamp now);

  std::mutex mu_;
  std::map<std::pair<std::string, std::string>, Count> by_pair_;  // (login, address)
  std::map<std::string, Count> by_address_;
};

}  // namespace ringback::web
