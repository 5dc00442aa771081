// /metrics: the Prometheus text exposition format (0.0.4) that a scraper accepts.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "web/metrics.h"

namespace ringback::web {
namespace {

using ::testing::HasSubstr;

struct Sample {
  std::string name;
  std::map<std::string, std::string> labels;  // values unescaped
  double value = 0;
};

struct Exposition {
  std::map<std::string, std::string> help;  // family -> help text
  std::map<std::string, std::string> type;  // family -> counter | gauge | histogram ...
  std::vector<Sample> samples;
  std::vector<std::string> errors;  // lines that are not valid exposition text
};

// The family a sample belongs to: histograms add _bucket, _sum and _count to the family name.
std::string FamilyOf(const std::string& name, const Exposition& e) {
  for (const char* suffix : {"_bucket", "_sum", "_count"}) {
    const std::string s = suffix;
    if (name.size() > s.size() && name.compare(name.size() - s.size(), s.size(), s) == 0) {
      const std::string base = name.substr(0, name.size() - s.size());
      auto it = e.type.find(base);
      if (it != e.type.end() && it->second == "histogram") return base;
    }
  }
  return name;
}

// A strict reader of the text format: HELP and TYPE once per family, before its samples;
// sample lines are NAME{label="value",...} VALUE with escaped label values.
Exposition Parse(const std::string& text) {
  static const std::regex kHelp(R"(# HELP ([a-zA-Z_:][a-zA-Z0-9_:]*) (.*))");
  static const std::regex kType(R"(# TYPE ([a-zA-Z_:][a-zA-Z0-9_:]*) (counter|gauge|histogram|summary|untyped))");
  static const std::regex kSample(R"(([a-zA-Z_:][a-zA-Z0-9_:]*)(\{(.*)\})? ([-+]?[0-9.]+(?:[eE][-+]?[0-9]+)?|[-+]Inf|NaN))");
  static const std::regex kLabel(R"(([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\\n]|\\[\\"n])*)\"(,|$))");
  Exposition e;
  if (text.empty() || text.back() != '\n') e.errors.push_back("the text must end with a newline");
  std::istringstream in(text);
  std::string line;
  std::set<std::string> families_with_samples;
  while (std::getline(in, line)) {
    std::smatch m;
    if (std::regex_match(line, m, kHelp)) {
      if (e.help.count(m[1]) || families_with_samples.count(m[1])) e.errors.push_back("HELP again or late: " + line);
      e.help[m[1]] = m[2];
    } else if (std::regex_match(line, m, kType)) {
      if (e.type.count(m[1]) || families_with_samples.count(m[1])) e.errors.push_back("TYPE again or late: " + line);
      e.type[m[1]] = m[2];
    } else if (std::regex_match(line, m, kSample)) {
      Sample s;
      s.name = m[1];
      s.value = std::stod(m[4]);
      std::string labels = m[3];
      while (!labels.empty()) {
        std::smatch l;
        if (!std::regex_search(labels, l, kLabel, std::regex_constants::match_continuous)) {
          e.errors.push_back("bad labels: " + line);
          break;
        }
        std::string value;
        const std::string raw = l[2];
        for (std::size_t i = 0; i < raw.size(); ++i) {
          if (raw[i] == '\\' && i + 1 < raw.size()) {
            ++i;
            value += raw[i] == 'n' ? '\n' : raw[i];
          } else {
            value += raw[i];
          }
        }
        if (s.labels.count(l[1])) e.errors.push_back("label twice: " + line);
        s.labels[l[1]] = value;
        labels = l.suffix();
      }
      const std::string family = FamilyOf(s.name, e);
      if (!e.type.count(family) || !e.help.count(family)) e.errors.push_back("sample before HELP/TYPE: " + line);
      families_with_samples.insert(family);
      e.samples.push_back(std::move(s));
    } else {
      e.errors.push_back("not exposition text: " + line);
    }
  }
  return e;
}

std::vector<Sample> Find(const Exposition& e, const std::string& name, const std::map<std::string, std::string>& labels) {
  std::vector<Sample> out;
  for (const Sample& s : e.samples) {
    if (s.name != name) continue;
    bool all = true;
    for (const auto& [k, v] : labels) {
      auto it = s.labels.find(k);
      all &= it != s.labels.end() && it->second == v;
    }
    if (all) out.push_back(s);
  }
  return out;
}

TEST(Metrics, EmptyRenderIsValidText) {
  Metrics m;
  const Exposition e = Parse(m.Render({}));
  EXPECT_TRUE(e.errors.empty()) << ::testing::PrintToString(e.errors);
  EXPECT_EQ(e.type.at("ringback_http_requests_total"), "counter");
  EXPECT_EQ(e.type.at("ringback_http_request_duration_seconds"), "histogram");
  EXPECT_EQ(e.type.at("ringback_logins_total"), "counter");
  ASSERT_EQ(Find(e, "ringback_logins_total", {{"result", "ok"}}).size(), 1u);
  EXPECT_EQ(Find(e, "ringback_logins_total", {{"result", "ok"}})[0].value, 0);
}

TEST(Metrics, RequestsAreCountedByRouteMethodAndCode) {
  Metrics m;
  m.RecordRequest("/o/(R-[0-9a-f]{1,40})", "GET", 200, 0.003);
  m.RecordRequest("/o/(R-[0-9a-f]{1,40})", "GET", 200, 0.020);
  m.RecordRequest("/o/(R-[0-9a-f]{1,40})", "GET", 404, 0.001);
  m.RecordRequest("/login", "POST", 303, 0.4);
  const std::string text = m.Render({});
  const Exposition e = Parse(text);
  ASSERT_TRUE(e.errors.empty()) << ::testing::PrintToString(e.errors) << "\n" << text;
  auto ok = Find(e, "ringback_http_requests_total",
                 {{"route", "/o/(R-[0-9a-f]{1,40})"}, {"method", "GET"}, {"code", "200"}});
  ASSERT_EQ(ok.size(), 1u) << text;
  EXPECT_EQ(ok[0].value, 2);
  auto missing = Find(e, "ringback_http_requests_total", {{"route", "/o/(R-[0-9a-f]{1,40})"}, {"code", "404"}});
  ASSERT_EQ(missing.size(), 1u);
  EXPECT_EQ(missing[0].value, 1);
  auto login = Find(e, "ringback_http_requests_total", {{"route", "/login"}, {"method", "POST"}, {"code", "303"}});
  ASSERT_EQ(login.size(), 1u);
  EXPECT_EQ(login[0].value, 1);
}

TEST(Metrics, LatencyHistogramIsCumulativeAndEndsAtTheCount) {
  Metrics m;
  const std::string route = "/";
  for (double seconds : {0.001, 0.007, 0.03, 0.2, 3.0}) m.RecordRequest(route, "GET", 200, seconds);
  const Exposition e = Parse(m.Render({}));
  ASSERT_TRUE(e.errors.empty()) << ::testing::PrintToString(e.errors);
  std::vector<Sample> buckets = Find(e, "ringback_http_request_duration_seconds_bucket", {{"route", route}});
  ASSERT_EQ(buckets.size(), 7u);
  std::map<std::string, double> by_le;
  double previous = 0;
  for (const Sample& b : buckets) {
    EXPECT_GE(b.value, previous) << "bucket le=" << b.labels.at("le") << " is cumulative";
    previous = b.value;
    by_le[b.labels.at("le")] = b.value;
  }
  EXPECT_EQ(by_le.at("0.005"), 1);
  EXPECT_EQ(by_le.at("0.01"), 2);
  EXPECT_EQ(by_le.at("0.05"), 3);
  EXPECT_EQ(by_le.at("0.25"), 4);
  EXPECT_EQ(by_le.at("+Inf"), 5) << "the slow request is only in +Inf";
  auto count = Find(e, "ringback_http_request_duration_seconds_count", {{"route", route}});
  auto sum = Find(e, "ringback_http_request_duration_seconds_sum", {{"route", route}});
  ASSERT_EQ(count.size(), 1u);
  ASSERT_EQ(sum.size(), 1u);
  EXPECT_EQ(count[0].value, 5);
  EXPECT_NEAR(sum[0].value, 3.238, 1e-3);
}

TEST(Metrics, LoginsAndThrottlesAreCounted) {
  Metrics m;
  m.RecordLogin(true);
  m.RecordLogin(false);
  m.RecordLogin(false);
  m.RecordThrottled();
  const Exposition e = Parse(m.Render({}));
  ASSERT_TRUE(e.errors.empty()) << ::testing::PrintToString(e.errors);
  EXPECT_EQ(Find(e, "ringback_logins_total", {{"result", "ok"}}).at(0).value, 1);
  EXPECT_EQ(Find(e, "ringback_logins_total", {{"result", "failed"}}).at(0).value, 2);
  EXPECT_EQ(Find(e, "ringback_logins_total", {{"result", "throttled"}}).at(0).value, 1);
}

TEST(Metrics, LabelValuesAreEscaped) {
  Metrics m;
  const std::string nasty = "/a\"b\\c\nd";
  m.RecordRequest(nasty, "GET", 200, 0.001);
  const std::string text = m.Render({});
  const Exposition e = Parse(text);
  ASSERT_TRUE(e.errors.empty()) << ::testing::PrintToString(e.errors) << "\n" << text;
  EXPECT_EQ(Find(e, "ringback_http_requests_total", {{"route", nasty}}).size(), 1u) << text;
}

TEST(Metrics, GaugesHaveTheirOwnHelpAndType) {
  Metrics m;
  const std::string text = m.Render({{"ringback_queue_overdue", {"Opportunities past their deadline.", 7}},
                                     {"ringback_signals", {"Signals in the database.", 160}}});
  const Exposition e = Parse(text);
  ASSERT_TRUE(e.errors.empty()) << ::testing::PrintToString(e.errors) << "\n" << text;
  EXPECT_EQ(e.type.at("ringback_queue_overdue"), "gauge");
  EXPECT_EQ(e.help.at("ringback_queue_overdue"), "Opportunities past their deadline.");
  EXPECT_EQ(Find(e, "ringback_queue_overdue", {}).at(0).value, 7);
  EXPECT_EQ(Find(e, "ringback_signals", {}).at(0).value, 160);
}

}  // namespace
}  // namespace ringback::web
