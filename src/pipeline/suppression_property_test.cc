// Property: whatever the order of signals and re-imports, no draft, owner or next action ever
// targets a contact with a stop in force.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <random>
#include <set>

#include "config/config_loader.h"
#include "pipeline/audit.h"
#include "pipeline/store_sink.h"

namespace ringback {
namespace {

const char* const kRequests[] = {
    "Water is coming through the ceiling in the kitchen, please call asap",
    "Can I get a quote for a new roof?",
    "Our furnace is making a loud noise, can someone come look",
    "Do you service Round Rock?",
    "",  // a missed call
};
const char* const kStops[] = {"STOP", "Please take me off your list", "wrong number",
                              "Not interested, do not contact me again"};

struct Generated {
  Signal signal;
  bool is_stop = false;
};

std::vector<Generated> Week(std::mt19937& rng, int contacts) {
  std::vector<Generated> out;
  const Timestamp monday = FromUnix(1794838800);  // 2026-11-16T14:20:00Z
  std::uniform_int_distribution<int> per_contact(1, 5), minute(0, 6 * 24 * 60), pick(0, 99);
  for (int c = 0; c < contacts; ++c) {
    const std::string phone = "+151255501" + std::string(c < 10 ? "0" : "") + std::to_string(c);
    const int n = per_contact(rng);
    for (int i = 0; i < n; ++i) {
      Generated g;
      const bool stop = pick(rng) < 20;
      const char* text = stop ? kStops[pick(rng) % 4] : kRequests[pick(rng) % 5];
      g.is_stop = stop;
      g.signal.channel = std::string(text).empty() ? Channel::kCall : (pick(rng) % 2 ? Channel::kSms : Channel::kVoicemail);
      g.signal.received_at = monday + std::chrono::minutes(minute(rng));
      g.signal.phone = phone;
      g.signal.phone_raw = phone;
      g.signal.text = text;
      g.signal.id = "sig-" + std::to_string(c) + "-" + std::to_string(i);
      g.signal.source = {"generated.csv", static_cast<std::int64_t>(out.size() + 2)};
      out.push_back(g);
    }
  }
  return out;
}

class SuppressionProperty : public ::testing::TestWithParam<int> {};

TEST_P(SuppressionProperty, NoOutreachToAStoppedContact) {
  StatusOr<CompanyConfig> config = LoadConfig(std::string(RINGBACK_SOURCE_DIR) + "/config/company.example.toml");
  ASSERT_TRUE(config.ok()) << config.status().ToString();
  static const std::shared_ptr<const Classifier> classifier = *Classifier::Create(*config);
  std::mt19937 rng(static_cast<unsigned>(GetParam()));
  std::vector<Generated> week = Week(rng, 12);
  std::shuffle(week.begin(), week.end(), rng);
  StatusOr<std::unique_ptr<Store>> store = OpenSqliteStore(":memory:");
  ASSERT_TRUE(store.ok());
  StoreSink sink(**store);
  AuditOptions options;
  AuditResult result;
  result.as_of = FromUnix(1795442400);  // the Monday after
  std::set<std::string> stopped;  // contact keys whose imported signals include a stop
  std::uniform_int_distribution<std::size_t> batch(1, 6);
  std::size_t next = 0;
  while (next < week.size()) {
    // A batch of new signals, plus a re-import of some earlier ones.
    const std::size_t end = std::min(week.size(), next + batch(rng));
    std::size_t again = next > 0 ? std::uniform_int_distribution<std::size_t>(0, next - 1)(rng) : 0;
    ASSERT_TRUE((*store)->Begin().ok());
    for (std::size_t i = next; i < end; ++i) {
      ASSERT_TRUE(sink.OnSignal(week[i].signal).ok());
      if (week[i].is_stop) stopped.insert("tel:" + week[i].signal.phone);
    }
    for (std::size_t i = again; i < next; ++i) ASSERT_TRUE(sink.OnSignal(week[i].signal).ok());
    ASSERT_TRUE((*store)->Commit().ok());
    next = end;
    ASSERT_TRUE(RebuildQueue(**store, *config, options, result, classifier).ok());
    int rows = 0;
    ASSERT_TRUE((*store)->ForEachOpportunity([&](const Opportunity& o) {
      ++rows;
      if (stopped.count(o.contact_key)) {
        EXPECT_TRUE(o.draft.empty()) << o.id << " drafted to a stopped contact";
        EXPECT_TRUE(o.owner.empty()) << o.id << " assigned a callback to a stopped contact";
        EXPECT_TRUE(o.next_action.empty()) << o.id;
        EXPECT_TRUE(o.status == OpportunityStatus::kDoNotContact || o.status == OpportunityStatus::kClosed)
            << o.id << " " << StatusName(o.status);
      }
      return Status::Ok();
    }).ok());
    EXPECT_GT(rows, 0);
  }
}

INSTANTIATE_TEST_SUITE_P(Seeds, SuppressionProperty, ::testing::Range(1, 31));

TEST(Suppression, ManualStopBlocksAndLiftRestoresWithAReason) {
  StatusOr<CompanyConfig> config = LoadConfig(std::string(RINGBACK_SOURCE_DIR) + "/config/company.example.toml");
  ASSERT_TRUE(config.ok());
  StatusOr<std::unique_ptr<Store>> store = OpenSqliteStore(":memory:");
  ASSERT_TRUE(store.ok());
  Store& st = **store;
  StoreSink sink(st);
  Signal s;
  s.id = "a1";
  s.channel = Channel::kSms;
  s.received_at = FromUnix(1794838800);
  s.phone = "+15125550142";
  s.text = "Can I get a quote for a new roof?";
  ASSERT_TRUE(sink.OnSignal(s).ok());
  AuditOptions options;
  AuditResult result;
  result.as_of = FromUnix(1795442400);
  auto only_row = [&st]() {
    Opportunity row;
    EXPECT_TRUE(st.ForEachOpportunity([&](const Opportunity& o) { row = o; return Status::Ok(); }).ok());
    return row;
  };
  ASSERT_TRUE(RebuildQueue(st, *config, options, result).ok());
  EXPECT_FALSE(only_row().draft.empty());

  ASSERT_TRUE(st.PutSuppression({"tel:+15125550142", FromUnix(1794765600), Channel::kCall, "asked on the phone",
                                 "manual:Dana:1"}).ok());
  ASSERT_TRUE(RebuildQueue(st, *config, options, result).ok());
  Opportunity blocked = only_row();
  EXPECT_EQ(blocked.status, OpportunityStatus::kDoNotContact);
  EXPECT_TRUE(blocked.draft.empty());
  std::string reasons;
  for (const auto& r : blocked.reasons) reasons += r + ";";
  EXPECT_NE(reasons.find("asked to stop on 2026-11-15"), std::string::npos) << reasons;

  ASSERT_TRUE(st.LiftStops("tel:+15125550142", FromUnix(1794938400), "Maria", "called back asking for the quote").ok());
  EXPECT_EQ(st.LiftStops("tel:+15125550142", FromUnix(1794938401), "Maria", "again").code(), Status::Code::kNotFound);
  ASSERT_TRUE(RebuildQueue(st, *config, options, result).ok());
  Opportunity restored = only_row();
  EXPECT_NE(restored.status, OpportunityStatus::kDoNotContact);
  EXPECT_FALSE(restored.draft.empty());
}

TEST(Suppression, LiftedStopWordsNoLongerMakeTheOpportunityAStop) {
  StatusOr<CompanyConfig> config = LoadConfig(std::string(RINGBACK_SOURCE_DIR) + "/config/company.example.toml");
  ASSERT_TRUE(config.ok());
  StatusOr<std::unique_ptr<Store>> store = OpenSqliteStore(":memory:");
  ASSERT_TRUE(store.ok());
  Store& st = **store;
  StoreSink sink(st);
  Signal stop;
  stop.id = "s1";
  stop.channel = Channel::kSms;
  stop.received_at = FromUnix(1794838800);
  stop.phone = "+15125550143";
  stop.text = "STOP";
  ASSERT_TRUE(sink.OnSignal(stop).ok());
  AuditOptions options;
  AuditResult result;
  result.as_of = FromUnix(1795442400);
  ASSERT_TRUE(RebuildQueue(st, *config, options, result).ok());
  ASSERT_TRUE(st.LiftStops("tel:+15125550143", FromUnix(1794938400), "Maria", "texted START").ok());
  // A re-import of the same STOP must not bring the stop back: it is stored, not recomputed.
  ASSERT_TRUE(sink.OnSignal(stop).ok());
  ASSERT_TRUE(RebuildQueue(st, *config, options, result).ok());
  StatusOr<std::optional<Suppression>> in_force = st.StopFor("tel:+15125550143");
  ASSERT_TRUE(in_force.ok());
  EXPECT_FALSE(in_force->has_value());
  ASSERT_TRUE(st.ForEachOpportunity([&](const Opportunity& o) {
    EXPECT_NE(o.category, Category::kStop);
    EXPECT_NE(o.status, OpportunityStatus::kDoNotContact);
    return Status::Ok();
  }).ok());
}

}  // namespace
}  // namespace ringback
