// Core value types: category and channel names, urgency order, status text, and the time
// helpers every stage uses (UTC text, local ISO time with offset).
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "core/category.h"
#include "core/company_config.h"
#include "core/opportunity.h"
#include "core/status.h"
#include "core/time.h"

namespace ringback {
namespace {

const Category kAllCategories[] = {
    Category::kEmergency, Category::kActiveEstimate, Category::kOldEstimate,
    Category::kWarranty,  Category::kRoutine,        Category::kUnknown,
    Category::kDuplicate, Category::kSpam,           Category::kStop,
};

const Channel kAllChannels[] = {Channel::kCall, Channel::kVoicemail, Channel::kForm,
                                Channel::kSms,  Channel::kEmail,     Channel::kProfile};

TEST(CategoryName, UsesTheQueueCsvSpelling) {
  EXPECT_EQ(CategoryName(Category::kEmergency), "emergency");
  EXPECT_EQ(CategoryName(Category::kActiveEstimate), "active_estimate");
  EXPECT_EQ(CategoryName(Category::kOldEstimate), "old_estimate");
  EXPECT_EQ(CategoryName(Category::kWarranty), "warranty");
  EXPECT_EQ(CategoryName(Category::kRoutine), "routine");
  EXPECT_EQ(CategoryName(Category::kUnknown), "unknown");
  EXPECT_EQ(CategoryName(Category::kDuplicate), "duplicate");
  EXPECT_EQ(CategoryName(Category::kSpam), "spam");
  EXPECT_EQ(CategoryName(Category::kStop), "stop");
}

TEST(CategoryName, EveryCategoryRoundTripsThroughItsName) {
  std::vector<std::string> seen;
  for (Category c : kAllCategories) {
    const std::string name(CategoryName(c));
    auto parsed = ParseCategory(name);
    ASSERT_TRUE(parsed.has_value()) << name;
    EXPECT_EQ(*parsed, c) << name;
    seen.push_back(name);
  }
  std::sort(seen.begin(), seen.end());
  EXPECT_EQ(std::unique(seen.begin(), seen.end()), seen.end()) << "two categories share a name";
}

TEST(ParseCategory, RejectsUnknownAndDifferentlySpelledNames) {
  EXPECT_FALSE(ParseCategory("").has_value());
  EXPECT_FALSE(ParseCategory("urgent").has_value());
  EXPECT_FALSE(ParseCategory("Emergency").has_value());
  EXPECT_FALSE(ParseCategory("active estimate").has_value());
  EXPECT_FALSE(ParseCategory("emergency ").has_value());
}

TEST(ChannelName, EveryChannelRoundTripsThroughItsName) {
  EXPECT_EQ(ChannelName(Channel::kCall), "call");
  EXPECT_EQ(ChannelName(Channel::kVoicemail), "voicemail");
  EXPECT_EQ(ChannelName(Channel::kForm), "form");
  EXPECT_EQ(ChannelName(Channel::kSms), "sms");
  EXPECT_EQ(ChannelName(Channel::kEmail), "email");
  EXPECT_EQ(ChannelName(Channel::kProfile), "profile");
  for (Channel c : kAllChannels) {
    auto parsed = ParseChannel(ChannelName(c));
    ASSERT_TRUE(parsed.has_value()) << ChannelName(c);
    EXPECT_EQ(*parsed, c);
  }
  EXPECT_FALSE(ParseChannel("fax").has_value());
  EXPECT_FALSE(ParseChannel("").has_value());
  EXPECT_FALSE(ParseChannel("SMS").has_value());
}

TEST(Urgency, StopIsMostUrgentThenEmergencyThenTheDocumentedOrder) {
  // stop < emergency < warranty < active_estimate < old_estimate < routine < unknown < spam.
  const Category order[] = {Category::kStop,        Category::kEmergency, Category::kWarranty,
                            Category::kActiveEstimate, Category::kOldEstimate, Category::kRoutine,
                            Category::kUnknown,     Category::kSpam};
  for (std::size_t i = 1; i < std::size(order); ++i) {
    EXPECT_LT(Urgency(order[i - 1]), Urgency(order[i]))
        << CategoryName(order[i - 1]) << " should be more urgent than " << CategoryName(order[i]);
  }
  // A duplicate is never more urgent than a real request.
  EXPECT_GT(Urgency(Category::kDuplicate), Urgency(Category::kUnknown));
}

TEST(Urgency, EveryCategoryHasItsOwnRank) {
  std::vector<int> ranks;
  for (Category c : kAllCategories) ranks.push_back(Urgency(c));
  std::sort(ranks.begin(), ranks.end());
  EXPECT_EQ(std::unique(ranks.begin(), ranks.end()), ranks.end());
}

TEST(IsReal, OnlyRequestsSomeoneMustCallBackAreReal) {
  for (Category c : {Category::kEmergency, Category::kActiveEstimate, Category::kOldEstimate,
                     Category::kWarranty, Category::kRoutine, Category::kUnknown}) {
    EXPECT_TRUE(IsReal(c)) << CategoryName(c);
  }
  for (Category c : {Category::kDuplicate, Category::kSpam, Category::kStop}) {
    EXPECT_FALSE(IsReal(c)) << CategoryName(c);
  }
}

TEST(StatusName, UsesTheQueueCsvSpelling) {
  EXPECT_EQ(StatusName(OpportunityStatus::kOpen), "open");
  EXPECT_EQ(StatusName(OpportunityStatus::kOverdue), "overdue");
  EXPECT_EQ(StatusName(OpportunityStatus::kAttempted), "attempted");
  EXPECT_EQ(StatusName(OpportunityStatus::kReached), "reached");
  EXPECT_EQ(StatusName(OpportunityStatus::kClosed), "closed");
  EXPECT_EQ(StatusName(OpportunityStatus::kDoNotContact), "do_not_contact");
}

TEST(RoleName, NamesEveryRole) {
  EXPECT_EQ(RoleName(Role::kOwner), "owner");
  EXPECT_EQ(RoleName(Role::kDispatcher), "dispatcher");
  EXPECT_EQ(RoleName(Role::kEstimator), "estimator");
  EXPECT_EQ(RoleName(Role::kTechnician), "technician");
  EXPECT_EQ(RoleName(Role::kOffice), "office");
}

TEST(Status, OkByDefaultAndErrorsCarryCodeAndMessage) {
  Status ok;
  EXPECT_TRUE(ok.ok());
  EXPECT_EQ(ok.ToString(), "ok");
  Status bad = Status::InvalidArgument("calls.csv:14: caller phone: not a phone number");
  EXPECT_FALSE(bad.ok());
  EXPECT_EQ(bad.code(), Status::Code::kInvalidArgument);
  EXPECT_EQ(bad.message(), "calls.csv:14: caller phone: not a phone number");
  EXPECT_EQ(bad.ToString(), "invalid argument: calls.csv:14: caller phone: not a phone number");
  EXPECT_EQ(Status::NotFound("x").code(), Status::Code::kNotFound);
  EXPECT_EQ(Status::IoError("x").ToString(), "I/O error: x");
  EXPECT_EQ(Status::Corruption("x").ToString(), "corruption: x");
  EXPECT_EQ(Status::Internal("x").ToString(), "internal error: x");
}

TEST(StatusOr, HoldsAValueOrTheStatus) {
  StatusOr<int> value = 42;
  ASSERT_TRUE(value.ok());
  EXPECT_EQ(*value, 42);
  StatusOr<int> error = Status::NotFound("no such contact");
  EXPECT_FALSE(error.ok());
  EXPECT_EQ(error.status().code(), Status::Code::kNotFound);
  EXPECT_EQ(error.status().message(), "no such contact");
}

TEST(UnixSeconds, RoundTrip) {
  EXPECT_EQ(ToUnix(FromUnix(0)), 0);
  EXPECT_EQ(ToUnix(FromUnix(1794836520)), 1794836520);
  EXPECT_EQ(FromUnix(-60) + Seconds(60), FromUnix(0));
}

TEST(FormatUtc, WritesIsoWithZ) {
  EXPECT_EQ(FormatUtc(FromUnix(0)), "1970-01-01T00:00:00Z");
  // 2026-11-17T14:05:00Z: 20774 days after the epoch, plus 14:05.
  const Timestamp t = FromUnix(20774LL * 86400 + 14 * 3600 + 5 * 60);
  EXPECT_EQ(FormatUtc(t), "2026-11-17T14:05:00Z");
}

TEST(ParseUtc, ReadsWhatFormatUtcWrites) {
  for (std::int64_t s : {0LL, 1794836520LL, 1794836521LL, 4102444799LL}) {
    const Timestamp t = FromUnix(s);
    auto back = ParseUtc(FormatUtc(t));
    ASSERT_TRUE(back.has_value()) << FormatUtc(t);
    EXPECT_EQ(*back, t);
  }
}

TEST(ParseUtc, AcceptsAnOffsetAndConvertsToUtc) {
  auto t = ParseUtc("2026-11-16T07:42:00-06:00");
  ASSERT_TRUE(t.has_value());
  EXPECT_EQ(FormatUtc(*t), "2026-11-16T13:42:00Z");
  auto plus = ParseUtc("2026-11-16T15:42:00+02:00");
  ASSERT_TRUE(plus.has_value());
  EXPECT_EQ(FormatUtc(*plus), "2026-11-16T13:42:00Z");
}

TEST(ParseUtc, RejectsLocalTimesAndJunk) {
  EXPECT_FALSE(ParseUtc("").has_value());
  EXPECT_FALSE(ParseUtc("yesterday").has_value());
  EXPECT_FALSE(ParseUtc("11/16/2026 07:42 AM").has_value());
  EXPECT_FALSE(ParseUtc("2026-11-16T13:42:00Z trailing").has_value());
  EXPECT_FALSE(ParseUtc("2026-13-16T13:42:00Z").has_value());
}

TEST(FormatLocalIso, ChicagoInNovemberIsSixHoursBehind) {
  auto t = ParseUtc("2026-11-16T13:42:00Z");
  ASSERT_TRUE(t.has_value());
  EXPECT_EQ(FormatLocalIso(*t, "America/Chicago"), "2026-11-16T07:42:00-06:00");
}

TEST(FormatLocalIso, ChicagoInSummerIsFiveHoursBehind) {
  auto t = ParseUtc("2026-07-01T17:00:00Z");
  ASSERT_TRUE(t.has_value());
  EXPECT_EQ(FormatLocalIso(*t, "America/Chicago"), "2026-07-01T12:00:00-05:00");
}

TEST(FormatLocalIso, ParsesBackToTheSameInstant) {
  auto t = ParseUtc("2026-11-17T03:14:05Z");
  ASSERT_TRUE(t.has_value());
  const std::string local = FormatLocalIso(*t, "America/Chicago");
  EXPECT_EQ(local, "2026-11-16T21:14:05-06:00");
  auto back = ParseUtc(local);
  ASSERT_TRUE(back.has_value()) << local;
  EXPECT_EQ(*back, *t);
}

TEST(FormatLocal, FormatsWallClockTime) {
  auto t = ParseUtc("2026-11-16T13:42:00Z");
  ASSERT_TRUE(t.has_value());
  EXPECT_EQ(FormatLocal(*t, "America/Chicago", "%a %m/%d %I:%M %p"), "Mon 11/16 07:42 AM");
}

TEST(FormatLocal, FallsBackToUtcForAnUnknownZone) {
  auto t = ParseUtc("2026-11-16T13:42:00Z");
  ASSERT_TRUE(t.has_value());
  EXPECT_EQ(FormatLocal(*t, "Mars/Olympus_Mons", "%F %R"), "2026-11-16 13:42");
}

}  // namespace
}  // namespace ringback
