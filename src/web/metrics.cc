#include "web/metrics.h"

#include <sstream>
#include <tuple>

namespace ringback::web {
namespace {

constexpr double kBounds[6] = {0.005, 0.01, 0.025, 0.05, 0.1, 0.25};

// Label values are route patterns and methods we chose, but escape anyway (format rule).
std::string Label(const std::string& v) {
  std::string out;
  for (char c : v) {
    if (c == '\\' || c == '"') out += '\\';
    if (c == '\n') {
      out += "\\n";
      continue;
    }
    out += c;
  }
  return out;
}

}  // namespace

void Metrics::RecordRequest(const std::string& route, const std::string& method, int status, double seconds) {
  std::lock_guard<std::mutex> lock(mu_);
  ++requests_[{route, method, status}];
  Latency& l = latency_[route];
  ++l.count;
  l.sum += seconds;
  for (int i = 0; i < 6; ++i)
    if (seconds <= kBounds[i]) ++l.buckets[i];
}

void Metrics::RecordLogin(bool ok) {
  std::lock_guard<std::mutex> lock(mu_);
  ++(ok ? logins_ok_ : logins_failed_);
}

void Metrics::RecordHook(const std::string& hook, const std::string& result) {
  std::lock_guard<std::mutex> lock(mu_);
  ++hooks_[{hook, result}];
}

void Metrics::RecordThrottled() {
  std::lock_guard<std::mutex> lock(mu_);
  ++throttled_;
}

std::string Metrics::Render(const std::map<std::string, std::pair<std::string, double>>& gauges) const {
  std::lock_guard<std::mutex> lock(mu_);
  std::ostringstream out;
  out << "# HELP ringback_http_requests_total HTTP requests by route, method and status code.\n"
         "# TYPE ringback_http_requests_total counter\n";
  for (const auto& [key, n] : requests_)
    out << "ringback_http_requests_total{route=\"" << Label(std::get<0>(key)) << "\",method=\""
        << Label(std::get<1>(key)) << "\",code=\"" << std::get<2>(key) << "\"} " << n << "\n";
  out << "# HELP ringback_http_request_duration_seconds Time to answer a request, by route.\n"
         "# TYPE ringback_http_request_duration_seconds histogram\n";
  for (const auto& [route, l] : latency_) {
    const std::string r = Label(route);
    for (int i = 0; i < 6; ++i)
      out << "ringback_http_request_duration_seconds_bucket{route=\"" << r << "\",le=\"" << kBounds[i] << "\"} "
          << l.buckets[i] << "\n";
    out << "ringback_http_request_duration_seconds_bucket{route=\"" << r << "\",le=\"+Inf\"} " << l.count << "\n"
        << "ringback_http_request_duration_seconds_sum{route=\"" << r << "\"} " << l.sum << "\n"
        << "ringback_http_request_duration_seconds_count{route=\"" << r << "\"} " << l.count << "\n";
  }
  out << "# HELP ringback_logins_total Sign-in attempts by result.\n# TYPE ringback_logins_total counter\n"
      << "ringback_logins_total{result=\"ok\"} " << logins_ok_ << "\n"
      << "ringback_logins_total{result=\"failed\"} " << logins_failed_ << "\n"
      << "ringback_logins_total{result=\"throttled\"} " << throttled_ << "\n";
  out << "# HELP ringback_webhooks_total Webhook deliveries by hook and result (unsigned and bad_signature were "
         "answered 403).\n# TYPE ringback_webhooks_total counter\n";
  for (const auto& [key, n] : hooks_)
    out << "ringback_webhooks_total{hook=\"" << Label(key.first) << "\",result=\"" << Label(key.second) << "\"} " << n
        << "\n";
  for (const auto& [name, gauge] : gauges)
    out << "# HELP " << name << " " << gauge.first << "\n# TYPE " << name << " gauge\n"
        << name << " " << gauge.second << "\n";
  return out.str();
}

}  // namespace ringback::web
