// Counters for /metrics, in the Prometheus text exposition format (version 0.0.4).
#pragma once

#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <utility>

namespace ringback::web {

class Metrics {
 public:
  // One finished request: its route pattern (not the raw path, so ids do not explode the
  // label set), method, status code and how long it took.
  void RecordRequest(const std::string& route, const std::string& method, int status, double seconds);
  void RecordLogin(bool ok);
  void RecordThrottled();
  // One webhook delivery and what came of it: "accepted", "duplicate", "unsigned" (no
  // signature), "bad_signature", "bad_request", "unusable" (no one to call back), "ignored",
  // "off" (no secret configured), "error".
  void RecordHook(const std::string& hook, const std::string& result);

  // The exposition text; `gauges` are point-in-time figures the caller reads from the store
  // (name -> {help, value}).
  std::string Render(const std::map<std::string, std::pair<std::string, double>>& gauges) const;

 private:
  struct Latency {
    std::uint64_t count = 0;
    double sum = 0;
    std::uint64_t buckets[6] = {};  // <= 5, 10, 25, 50, 100, 250 ms
  };
  mutable std::mutex mu_;
  std::map<std::tuple<std::string, std::string, int>, std::uint64_t> requests_;
  std::map<std::string, Latency> latency_;
  std::uint64_t logins_ok_ = 0, logins_failed_ = 0, throttled_ = 0;
  std::map<std::pair<std::string, std::string>, std::uint64_t> hooks_;
};

}  // namespace ringback::web
