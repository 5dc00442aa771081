// What the store does for live intake: one contact's history read on its own, one contact's
// derived rows replaced, open work per owner, Twilio call state, rewritable call signals, and
// calendar subscriptions kept as hashes.
#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "core/time.h"
#include "store/store.h"

namespace ringback {
namespace {

Timestamp At(const char* text) { return ParseUtc(text).value_or(Timestamp{}); }

std::unique_ptr<Store> OpenMemory() {
  auto store = OpenSqliteStore(":memory:");
  EXPECT_TRUE(store.ok()) << store.status().ToString();
  return store.ok() ? std::move(store).value() : nullptr;
}

Signal MakeSignal(std::string id, const char* at, std::string phone, std::string email = "") {
  Signal s;
  s.id = std::move(id);
  s.channel = Channel::kSms;
  s.received_at = At(at);
  s.phone = std::move(phone);
  s.phone_raw = s.phone;
  s.email = std::move(email);
  s.text = "roof leak";
  return s;
}

Opportunity Row(std::string id, std::string contact, std::string owner, OpportunityStatus status,
                std::string duplicate_of = "") {
  Opportunity o;
  o.id = std::move(id);
  o.contact_key = std::move(contact);
  o.owner = std::move(owner);
  o.status = status;
  o.duplicate_of = std::move(duplicate_of);
  o.received_at = At("2026-11-20T15:00:00Z");
  return o;
}

// Two contacts with everything a history holds.
void Fill(Store& store) {
  for (const Signal& s : {MakeSignal("b", "2026-11-20T15:00:00Z", "+15125550142", "jane@example.com"),
                          MakeSignal("a", "2026-11-20T15:00:00Z", "+15125550142"),
                          MakeSignal("c", "2026-11-19T15:00:00Z", "", "jane@example.com"),
                          MakeSignal("d", "2026-11-19T15:00:00Z", "+15125550199")}) {
    std::vector<std::string> handles;
    if (!s.phone.empty()) handles.push_back("tel:" + s.phone);
    if (!s.email.empty()) handles.push_back("mailto:" + s.email);
    ASSERT_TRUE(store.LinkHandles(handles).ok());
    ASSERT_TRUE(store.PutSignal(s, handles.front(), nullptr).ok());
  }
  Attempt a;
  a.id = "t1";
  a.at = At("2026-11-20T16:00:00Z");
  a.phone = "+15125550142";
  a.duration_seconds = 40;
  ASSERT_TRUE(store.PutAttempt(a, "tel:+15125550142", nullptr).ok());
  Estimate e;
  e.id = "q1";
  e.email = "jane@example.com";
  e.status = "sent";
  e.sent_at = At("2026-11-01T15:00:00Z");
  ASSERT_TRUE(store.PutEstimate(e, nullptr).ok());
  ASSERT_TRUE(store.PutSuppression({"mailto:jane@example.com", At("2026-11-21T15:00:00Z"), Channel::kEmail, "stop", "c"}).ok());
}

std::vector<std::string> Ids(const std::vector<Signal>& signals) {
  std::vector<std::string> out;
  for (const Signal& s : signals) out.push_back(s.id);
  return out;
}

TEST(LiveStore, OneContactsHistoryIsWhatTheStreamGivesForIt) {
  auto store = OpenMemory();
  ASSERT_NE(store, nullptr);
  Fill(*store);
  int compared = 0;
  ASSERT_TRUE(store->ForEachContactHistory({}, [&](ContactHistory& streamed) {
    StatusOr<ContactHistory> one = store->ContactHistoryFor(streamed.key);
    EXPECT_TRUE(one.ok()) << one.status().ToString();
    if (!one.ok()) return one.status();
    EXPECT_EQ(one->key, streamed.key);
    EXPECT_EQ(Ids(one->signals), Ids(streamed.signals));
    EXPECT_EQ(one->attempts.size(), streamed.attempts.size());
    EXPECT_EQ(one->estimates.size(), streamed.estimates.size());
    EXPECT_EQ(one->stops.size(), streamed.stops.size());
    ++compared;
    return Status::Ok();
  }).ok());
  EXPECT_EQ(compared, 2);
  StatusOr<ContactHistory> jane = store->ContactHistoryFor("tel:+15125550142");
  ASSERT_TRUE(jane.ok());
  EXPECT_EQ(Ids(jane->signals), (std::vector<std::string>{"c", "a", "b"}));  // by time, then id
  EXPECT_EQ(jane->attempts.size(), 1u);
  EXPECT_EQ(jane->estimates.size(), 1u);
  EXPECT_EQ(jane->stops.size(), 1u);
  EXPECT_TRUE(store->ContactHistoryFor("tel:+10000000000")->signals.empty());
}

TEST(LiveStore, ClearingOneContactKeepsOthersAndWhatPeopleSaid) {
  auto store = OpenMemory();
  ASSERT_NE(store, nullptr);
  ASSERT_TRUE(store->PutOpportunity(Row("R-1", "tel:+1", "Tom", OpportunityStatus::kOpen)).ok());
  ASSERT_TRUE(store->PutOpportunity(Row("R-2", "tel:+2", "Tom", OpportunityStatus::kOpen)).ok());
  for (const char* id : {"R-1", "R-2"}) {
    ASSERT_TRUE(store->PutEvent({id, At("2026-11-21T15:00:00Z"), "escalated", "ringback", "moved"}).ok());
    ASSERT_TRUE(store->PutPersonEvent({id, At("2026-11-21T16:00:00Z"), "reassigned", "maria", "x"}).ok());
    ASSERT_TRUE(store->PutOutcome({id, At("2026-11-21T15:00:00Z"), OutcomeKind::kNotReached, "", "", true}).ok());
    ASSERT_TRUE(store->PutOutcome({id, At("2026-11-21T17:00:00Z"), OutcomeKind::kBooked, "maria", "", false}).ok());
  }
  ASSERT_TRUE(store->ClearContactQueue("tel:+1").ok());
  EXPECT_FALSE(store->GetOpportunity("R-1").ok());
  EXPECT_TRUE(store->GetOpportunity("R-2").ok());
  EXPECT_EQ(store->EventsFor("R-1")->size(), 1u) << "the person's event stays, the escalation goes";
  EXPECT_EQ(store->EventsFor("R-2")->size(), 2u);
  ASSERT_EQ(store->OutcomesFor("R-1")->size(), 1u);
  EXPECT_FALSE(store->OutcomesFor("R-1")->front().inferred);
  EXPECT_EQ(store->OutcomesFor("R-2")->size(), 2u);
}

TEST(LiveStore, OpenWorkCountsWaitingFirstRowsWithAnOwnerLeavingContactsOut) {
  auto store = OpenMemory();
  ASSERT_NE(store, nullptr);
  for (const Opportunity& o :
       {Row("R-1", "tel:+1", "Tom", OpportunityStatus::kOpen), Row("R-2", "tel:+1", "Tom", OpportunityStatus::kOverdue),
        Row("R-3", "tel:+2", "Tom", OpportunityStatus::kAttempted), Row("R-4", "tel:+2", "Dana", OpportunityStatus::kOpen),
        Row("R-5", "tel:+3", "Dana", OpportunityStatus::kReached), Row("R-6", "tel:+3", "", OpportunityStatus::kOpen),
        Row("R-7", "tel:+3", "Dana", OpportunityStatus::kOpen, "R-4")})
    ASSERT_TRUE(store->PutOpportunity(o).ok());
  EXPECT_EQ(*store->OpenWorkByOwner({}), (std::map<std::string, int>{{"Dana", 1}, {"Tom", 3}}));
  EXPECT_EQ(*store->OpenWorkByOwner({"tel:+1"}), (std::map<std::string, int>{{"Dana", 1}, {"Tom", 1}}));
  EXPECT_EQ(*store->OpenWorkByOwner({"tel:+1", "tel:+2", "tel:+1"}), (std::map<std::string, int>{}));
}

TEST(LiveStore, LiveCallsRoundTripAndLegsAreFoundByParent) {
  auto store = OpenMemory();
  ASSERT_NE(store, nullptr);
  EXPECT_FALSE(store->GetLiveCall("CA1")->has_value());
  LiveCall call;
  call.sid = "CA1";
  call.direction = "inbound";
  call.from = "+15125550142";
  call.to = "+15125550100";
  call.caller_name = "DOE JANE";
  call.status = "completed";
  call.sequence = 3;
  call.duration = 31;
  call.started_at = At("2026-11-23T13:48:00Z");
  call.answered = true;
  call.dial_status = "no-answer";
  call.voicemail = true;
  call.transcript = "water in the kitchen";
  call.transcript_status = "completed";
  ASSERT_TRUE(store->PutLiveCall(call).ok());
  EXPECT_EQ(**store->GetLiveCall("CA1"), call);
  call.status = "completed";
  call.duration = 40;
  ASSERT_TRUE(store->PutLiveCall(call).ok());
  EXPECT_EQ((*store->GetLiveCall("CA1"))->duration, 40) << "replaced, not added";
  LiveCall leg;
  leg.sid = "CA2";
  leg.parent_sid = "CA1";
  ASSERT_TRUE(store->PutLiveCall(leg).ok());
  ASSERT_EQ(store->LiveCallLegs("CA1")->size(), 1u);
  EXPECT_EQ(store->LiveCallLegs("CA1")->front().sid, "CA2");
  EXPECT_TRUE(store->LiveCallLegs("")->empty()) << "calls without a parent are nobody's legs";
}

TEST(LiveStore, ReplaceSignalRewritesOneSignalAndPutSignalNever) {
  auto store = OpenMemory();
  ASSERT_NE(store, nullptr);
  Signal s = MakeSignal("CAx", "2026-11-23T13:48:00Z", "+15125550142");
  s.channel = Channel::kCall;
  ASSERT_TRUE(store->ReplaceSignal(s, "tel:+15125550142").ok());
  ASSERT_TRUE(store->LinkHandles({"tel:+15125550142"}).ok());
  s.channel = Channel::kVoicemail;
  s.text = "the words";
  bool inserted = true;
  ASSERT_TRUE(store->PutSignal(s, "tel:+15125550142", &inserted).ok());
  EXPECT_FALSE(inserted);
  EXPECT_EQ(store->SignalsFor("tel:+15125550142")->front().channel, Channel::kCall);
  ASSERT_TRUE(store->ReplaceSignal(s, "tel:+15125550142").ok());
  ASSERT_EQ(store->SignalsFor("tel:+15125550142")->size(), 1u);
  EXPECT_EQ(store->SignalsFor("tel:+15125550142")->front().channel, Channel::kVoicemail);
  EXPECT_EQ(store->SignalsFor("tel:+15125550142")->front().text, "the words");
}

TEST(LiveStore, CalendarFeedsAreKeptByHashAndRevokedPerPerson) {
  auto store = OpenMemory();
  ASSERT_NE(store, nullptr);
  EXPECT_EQ(store->GetCalendarFeed("h1").status().code(), Status::Code::kNotFound);
  ASSERT_TRUE(store->PutCalendarFeed({"h1", "Tom Nguyen", At("2026-11-20T15:00:00Z"), "maria", std::nullopt, ""}).ok());
  ASSERT_TRUE(store->PutCalendarFeed({"h2", "Dana Brooks", At("2026-11-21T15:00:00Z"), "maria", std::nullopt, ""}).ok());
  EXPECT_FALSE(store->PutCalendarFeed({"h1", "Dana Brooks", At("2026-11-21T15:00:00Z"), "maria", std::nullopt, ""}).ok())
      << "a token hash is one feed";
  StatusOr<CalendarFeed> tom = store->GetCalendarFeed("h1");
  ASSERT_TRUE(tom.ok());
  EXPECT_EQ(tom->person, "Tom Nguyen");
  EXPECT_EQ(tom->created_by, "maria");
  EXPECT_FALSE(tom->revoked_at.has_value());
  EXPECT_EQ(*store->RevokeCalendarFeeds("Tom Nguyen", At("2026-11-22T15:00:00Z"), "maria"), 1);
  EXPECT_EQ(*store->RevokeCalendarFeeds("Tom Nguyen", At("2026-11-22T15:00:00Z"), "maria"), 0);
  EXPECT_TRUE(store->GetCalendarFeed("h1")->revoked_at.has_value());
  std::vector<std::string> active;
  ASSERT_TRUE(store->ForEachCalendarFeed([&](const CalendarFeed& f) {
    active.push_back(f.person);
    return Status::Ok();
  }).ok());
  EXPECT_EQ(active, std::vector<std::string>{"Dana Brooks"});
}

TEST(LiveStore, DurableCommitsCanBeTurnedOnAndOff) {
  auto store = OpenMemory();
  ASSERT_NE(store, nullptr);
  EXPECT_TRUE(store->SetDurableCommits(true).ok());
  ASSERT_TRUE(store->Begin().ok());
  ASSERT_TRUE(store->PutReject({"f", 1, "x", "y"}).ok());
  EXPECT_TRUE(store->Commit().ok());
  EXPECT_TRUE(store->SetDurableCommits(false).ok());
}

}  // namespace
}  // namespace ringback
