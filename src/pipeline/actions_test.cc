// What a person does to the queue (record an outcome, reassign, reclassify, lift a stop): each
// is stored as a fact, and the next RebuildQueue shows it.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "config/config_loader.h"
#include "pipeline/actions.h"
#include "pipeline/audit.h"
#include "pipeline/store_sink.h"

namespace ringback {
namespace {

using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::Not;

std::string Joined(const std::vector<std::string>& lines) {
  std::string out;
  for (const std::string& l : lines) out += l + "\n";
  return out;
}

class ActionsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    StatusOr<CompanyConfig> loaded = LoadConfig(std::string(RINGBACK_SOURCE_DIR) + "/config/company.example.toml");
    ASSERT_TRUE(loaded.ok()) << loaded.status().ToString();
    config_ = *loaded;
    StatusOr<std::unique_ptr<Store>> store = OpenSqliteStore(":memory:");
    ASSERT_TRUE(store.ok());
    store_ = std::move(store).value();
    result_.as_of = now_;
  }

  void Add(std::string id, Channel channel, const char* utc, std::string phone, std::string email, std::string text,
           std::string name = "Jane Doe") {
    Signal s;
    s.id = std::move(id);
    s.channel = channel;
    s.received_at = *ParseUtc(utc);
    s.phone = phone;
    s.phone_raw = phone;
    s.email = std::move(email);
    s.text = std::move(text);
    s.name = std::move(name);
    StoreSink sink(*store_);
    ASSERT_TRUE(sink.OnSignal(s).ok());
  }

  void Rebuild() { ASSERT_TRUE(RebuildQueue(*store_, config_, options_, result_).ok()); }

  // The one primary opportunity of the contact, after a rebuild.
  Opportunity Row(const std::string& contact_key) {
    Rebuild();
    Opportunity row;
    int found = 0;
    EXPECT_TRUE(store_->ForEachOpportunity([&](const Opportunity& o) {
      if (o.contact_key == contact_key && o.duplicate_of.empty()) {
        row = o;
        ++found;
      }
      return Status::Ok();
    }).ok());
    EXPECT_EQ(found, 1) << contact_key;
    return row;
  }

  // A roofing estimate request: open work with an owner and a draft.
  Opportunity RoofRequest() {
    Add("roof-1", Channel::kForm, "2026-11-20T16:00:00Z", "+15125550161", "pat@example.com",
        "Can I get a quote for a new roof?", "Pat Quinn");
    Opportunity row = Row("tel:+15125550161");
    EXPECT_FALSE(row.owner.empty());
    EXPECT_FALSE(row.draft.empty());
    return row;
  }

  // The timeline entries people made (not the rebuild's escalations).
  std::vector<TimelineEvent> Events(const std::string& id) {
    StatusOr<std::vector<TimelineEvent>> events = store_->EventsFor(id);
    EXPECT_TRUE(events.ok());
    std::vector<TimelineEvent> out;
    if (events.ok())
      for (const TimelineEvent& e : *events)
        if (e.kind != "escalated") out.push_back(e);
    return out;
  }

  // The stop in force for the contact that `handle` belongs to.
  std::optional<Suppression> StopOfHandle(const std::string& handle) {
    StatusOr<std::string> key = store_->ContactKeyFor(handle);
    EXPECT_TRUE(key.ok()) << handle;
    if (!key.ok()) return std::nullopt;
    StatusOr<std::optional<Suppression>> stop = store_->StopFor(*key);
    EXPECT_TRUE(stop.ok());
    return stop.ok() ? *stop : std::nullopt;
  }

  // Someone else on the roster than `who`, preferring an estimator-free office name.
  std::string SomeoneOtherThan(const std::string& who) const {
    for (const char* name : {"Dana Brooks", "Tom Nguyen"})
      if (who != name) return name;
    return "";
  }

  CompanyConfig config_;
  std::unique_ptr<Store> store_;
  AuditOptions options_;
  AuditResult result_;
  const Timestamp now_ = *ParseUtc("2026-11-23T14:00:00Z");
};

TEST_F(ActionsTest, ReassignNeedsAReasonAndARosterName) {
  const Opportunity row = RoofRequest();
  const std::string to = SomeoneOtherThan(row.owner);
  EXPECT_EQ(Reassign(*store_, config_, row.id, to, "dana", "", now_).code(), Status::Code::kInvalidArgument);
  EXPECT_EQ(Reassign(*store_, config_, row.id, to, "dana", " \t\n", now_).code(), Status::Code::kInvalidArgument);
  EXPECT_EQ(Reassign(*store_, config_, row.id, "Nobody Known", "dana", "covering", now_).code(),
            Status::Code::kInvalidArgument);
  EXPECT_EQ(Reassign(*store_, config_, row.id, "dana brooks", "dana", "covering", now_).code(),
            Status::Code::kInvalidArgument)
      << "the roster name as written";
  EXPECT_EQ(Reassign(*store_, config_, "R-ffffffffff", to, "dana", "covering", now_).code(), Status::Code::kNotFound);
  StatusOr<std::vector<Override>> stored = store_->OverridesFor(row.id);
  ASSERT_TRUE(stored.ok());
  EXPECT_THAT(*stored, IsEmpty()) << "a refused reassign stores nothing";
  EXPECT_EQ(Row(row.contact_key).owner, row.owner);
}

TEST_F(ActionsTest, ReassignMovesTheWorkAndSaysWhy) {
  const Opportunity row = RoofRequest();
  const std::string to = SomeoneOtherThan(row.owner);
  ASSERT_TRUE(Reassign(*store_, config_, row.id, to, "dana", "  Rick is out sick  ", now_).ok());
  const Opportunity moved = Row(row.contact_key);
  EXPECT_EQ(moved.owner, to);
  EXPECT_THAT(Joined(moved.reasons),
              HasSubstr("reassigned from " + row.owner + " to " + to + " by dana: Rick is out sick\n"));
  const std::vector<TimelineEvent> events = Events(row.id);
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].kind, "reassigned");
  EXPECT_EQ(events[0].actor, "dana");
  EXPECT_EQ(events[0].detail, "from " + row.owner + " to " + to + ": Rick is out sick");
  // Facts: the next rebuild keeps both.
  const Opportunity again = Row(row.contact_key);
  EXPECT_EQ(again.owner, to);
  EXPECT_EQ(Events(row.id).size(), 1u);
}

TEST_F(ActionsTest, TheDraftOfReassignedWorkIsSignedByTheNewOwner) {
  // An email draft is signed with the owner's name (a text may leave it out to fit one segment).
  Add("roof-2", Channel::kForm, "2026-11-20T16:00:00Z", "+15125550162", "lee@example.com",
      "Can I get a quote for a new roof? Email is best.", "Lee Park");
  const Opportunity row = Row("tel:+15125550162");
  ASSERT_EQ(row.draft_channel, "email") << row.draft;
  const std::string to = SomeoneOtherThan(row.owner);
  const std::string old_first = row.owner.substr(0, row.owner.find(' '));
  const std::string new_first = to.substr(0, to.find(' '));
  ASSERT_THAT(row.draft, HasSubstr(old_first)) << "the built-in draft names who calls back";
  ASSERT_TRUE(Reassign(*store_, config_, row.id, to, "dana", "covering", now_).ok());
  const Opportunity moved = Row(row.contact_key);
  EXPECT_THAT(moved.draft, HasSubstr(new_first)) << moved.draft;
  EXPECT_THAT(moved.draft, Not(HasSubstr(old_first))) << moved.draft;
}

TEST_F(ActionsTest, TheLatestReassignWins) {
  const Opportunity row = RoofRequest();
  ASSERT_TRUE(Reassign(*store_, config_, row.id, "Dana Brooks", "maria", "first", now_ - std::chrono::hours(2)).ok());
  ASSERT_TRUE(Reassign(*store_, config_, row.id, "Tom Nguyen", "maria", "second", now_ - std::chrono::hours(1)).ok());
  EXPECT_EQ(Row(row.contact_key).owner, "Tom Nguyen");
  // A change dated after "now" (the rebuild's as-of) is not applied yet.
  ASSERT_TRUE(Reassign(*store_, config_, row.id, "Dana Brooks", "maria", "later", now_ + std::chrono::hours(1)).ok());
  EXPECT_EQ(Row(row.contact_key).owner, "Tom Nguyen");
}

TEST_F(ActionsTest, ReclassifyNeedsAReason) {
  const Opportunity row = RoofRequest();
  EXPECT_EQ(Reclassify(*store_, row.id, Category::kSpam, "dana", "", now_).code(), Status::Code::kInvalidArgument);
  EXPECT_EQ(Reclassify(*store_, row.id, Category::kSpam, "dana", "   ", now_).code(), Status::Code::kInvalidArgument);
  EXPECT_EQ(Reclassify(*store_, "R-ffffffffff", Category::kSpam, "dana", "robocall", now_).code(),
            Status::Code::kNotFound);
  EXPECT_EQ(Row(row.contact_key).category, row.category);
}

TEST_F(ActionsTest, ReclassifyingAsSpamClosesTheRow) {
  const Opportunity row = RoofRequest();
  ASSERT_TRUE(Reclassify(*store_, row.id, Category::kSpam, "dana", "robocall selling roofs", now_).ok());
  const Opportunity spam = Row(row.contact_key);
  EXPECT_EQ(spam.category, Category::kSpam);
  EXPECT_EQ(spam.status, OpportunityStatus::kClosed);
  EXPECT_TRUE(spam.owner.empty());
  EXPECT_TRUE(spam.draft.empty());
  EXPECT_THAT(Joined(spam.reasons), HasSubstr("reclassified as spam by dana: robocall selling roofs"));
  const std::vector<TimelineEvent> events = Events(row.id);
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].kind, "reclassified");
  EXPECT_THAT(events[0].detail, HasSubstr("to spam: robocall selling roofs"));
}

TEST_F(ActionsTest, WorkWithNoOwnerCannotBeReassigned) {
  const Opportunity row = RoofRequest();
  ASSERT_TRUE(Reclassify(*store_, row.id, Category::kSpam, "dana", "robocall selling roofs", now_).ok());
  ASSERT_TRUE(Row(row.contact_key).owner.empty());  // rebuilt: closed, nobody owns it
  const Status s = Reassign(*store_, config_, row.id, "Dana Brooks", "maria", "covering", now_);
  EXPECT_EQ(s.code(), Status::Code::kInvalidArgument) << "a closed row has nobody to take the work from";
  EXPECT_THAT(s.message(), HasSubstr("no owner"));
}

TEST_F(ActionsTest, ReclassifyingBackReopensTheWork) {
  const Opportunity row = RoofRequest();
  ASSERT_TRUE(Reclassify(*store_, row.id, Category::kSpam, "dana", "looked like a robocall", now_ - std::chrono::hours(1)).ok());
  ASSERT_EQ(Row(row.contact_key).status, OpportunityStatus::kClosed);
  ASSERT_TRUE(Reclassify(*store_, row.id, Category::kRoutine, "maria", "a real customer after all", now_).ok());
  const Opportunity back = Row(row.contact_key);
  EXPECT_EQ(back.category, Category::kRoutine);
  EXPECT_NE(back.status, OpportunityStatus::kClosed);
  EXPECT_FALSE(back.owner.empty());
  EXPECT_FALSE(back.draft.empty());
}

// A stopped contact's spam row is closed, not do-not-contact: reclassifying it must not
// reopen it with an owner and a draft while the stop is in force.
TEST_F(ActionsTest, NoReclassificationReopensAContactWhoAskedToStop) {
  Add("pitch-1", Channel::kSms, "2026-11-20T15:00:00Z", "+15125550177", "",
      "Hi! Noticed you're not on page 1 for roofer Austin. We help contractors get 3x more calls.", "");
  Add("stop-1", Channel::kSms, "2026-11-21T15:00:00Z", "+15125550177", "", "STOP", "");
  Rebuild();
  std::string spam_id;
  ASSERT_TRUE(store_->ForEachOpportunity([&](const Opportunity& o) {
    if (o.contact_key == "tel:+15125550177" && o.category == Category::kSpam) spam_id = o.id;
    return Status::Ok();
  }).ok());
  ASSERT_FALSE(spam_id.empty()) << "the pitch is spam";
  ASSERT_TRUE(Reclassify(*store_, spam_id, Category::kRoutine, "dana", "looked like a customer", now_).ok());
  Rebuild();
  ASSERT_TRUE(store_->ForEachOpportunity([&](const Opportunity& o) {
    if (o.contact_key != "tel:+15125550177") return Status::Ok();
    EXPECT_TRUE(o.draft.empty()) << o.id << " " << StatusName(o.status);
    EXPECT_TRUE(o.owner.empty()) << o.id;
    EXPECT_TRUE(o.status == OpportunityStatus::kClosed || o.status == OpportunityStatus::kDoNotContact) << o.id;
    return Status::Ok();
  }).ok());
}

TEST_F(ActionsTest, ReclassifyingAsStopStopsTheContactAndWithdrawsTheDraft) {
  const Opportunity row = RoofRequest();
  ASSERT_TRUE(Reclassify(*store_, row.id, Category::kStop, "dana", "asked on the phone not to be called", now_).ok());
  for (const char* handle : {"tel:+15125550161", "mailto:pat@example.com"}) {
    const std::optional<Suppression> stop = StopOfHandle(handle);
    ASSERT_TRUE(stop.has_value()) << handle;
    EXPECT_EQ(stop->words, "asked on the phone not to be called");
  }
  const Opportunity stopped = Row(row.contact_key);
  EXPECT_EQ(stopped.status, OpportunityStatus::kDoNotContact);
  EXPECT_TRUE(stopped.draft.empty());
  EXPECT_TRUE(stopped.owner.empty());
  EXPECT_TRUE(stopped.next_action.empty());
}

TEST_F(ActionsTest, LiftStopNeedsAReasonAndAStop) {
  const Opportunity row = RoofRequest();
  EXPECT_EQ(LiftStop(*store_, row.id, "maria", "she asked again", now_).code(), Status::Code::kNotFound)
      << "no stop to lift";
  Add("roof-2", Channel::kSms, "2026-11-21T16:00:00Z", "+15125550161", "", "STOP");
  ASSERT_EQ(Row(row.contact_key).status, OpportunityStatus::kDoNotContact);
  EXPECT_EQ(LiftStop(*store_, row.id, "maria", "", now_).code(), Status::Code::kInvalidArgument);
  EXPECT_EQ(LiftStop(*store_, row.id, "maria", "  ", now_).code(), Status::Code::kInvalidArgument);
  EXPECT_EQ(LiftStop(*store_, "R-ffffffffff", "maria", "why", now_).code(), Status::Code::kNotFound);
  EXPECT_EQ(Row(row.contact_key).status, OpportunityStatus::kDoNotContact) << "still stopped";
}

TEST_F(ActionsTest, LiftStopMakesTheContactCallableAgain) {
  const Opportunity row = RoofRequest();
  Add("roof-2", Channel::kSms, "2026-11-21T16:00:00Z", "+15125550161", "", "STOP");
  ASSERT_EQ(Row(row.contact_key).status, OpportunityStatus::kDoNotContact);
  ASSERT_TRUE(LiftStop(*store_, row.id, "maria", "she called and asked for the quote", now_).ok());
  StatusOr<std::optional<Suppression>> stop = store_->StopFor(row.contact_key);
  ASSERT_TRUE(stop.ok());
  EXPECT_FALSE(stop->has_value());
  const Opportunity lifted = Row(row.contact_key);
  EXPECT_NE(lifted.status, OpportunityStatus::kDoNotContact);
  EXPECT_FALSE(lifted.owner.empty());
  EXPECT_FALSE(lifted.draft.empty());
  const std::vector<TimelineEvent> events = Events(row.id);
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].kind, "stop lifted");
  EXPECT_EQ(events[0].actor, "maria");
  EXPECT_EQ(events[0].detail, "she called and asked for the quote");
}

TEST_F(ActionsTest, LiftingAStopMadeByReclassifyingMakesTheContactCallableAgain) {
  const Opportunity row = RoofRequest();
  ASSERT_NE(row.category, Category::kWarranty);
  ASSERT_TRUE(Reclassify(*store_, row.id, Category::kWarranty, "dana", "roof we put on last year", now_ - std::chrono::hours(3)).ok());
  ASSERT_TRUE(Reclassify(*store_, row.id, Category::kStop, "dana", "said not to call", now_ - std::chrono::hours(2)).ok());
  ASSERT_EQ(Row(row.contact_key).status, OpportunityStatus::kDoNotContact);
  ASSERT_TRUE(LiftStop(*store_, row.id, "maria", "she called back for the quote", now_ - std::chrono::hours(1)).ok());
  const Opportunity lifted = Row(row.contact_key);
  EXPECT_NE(lifted.status, OpportunityStatus::kDoNotContact) << Joined(lifted.reasons);
  EXPECT_EQ(lifted.category, Category::kWarranty) << "the category set before the stop is back";
  EXPECT_FALSE(lifted.owner.empty());
  EXPECT_FALSE(lifted.draft.empty());
}

TEST_F(ActionsTest, AStoppedOutcomeStopsEveryChannel) {
  const Opportunity row = RoofRequest();
  ASSERT_TRUE(RecordOutcome(*store_, {row.id, now_, OutcomeKind::kStopped, "Rick Hollis", "", false}).ok());
  for (const char* handle : {"tel:+15125550161", "mailto:pat@example.com"}) {
    const std::optional<Suppression> stop = StopOfHandle(handle);
    ASSERT_TRUE(stop.has_value()) << handle << ": the phone and the email are one contact";
    EXPECT_EQ(stop->words, "outcome stopped");
  }
  const Opportunity stopped = Row(row.contact_key);
  EXPECT_EQ(stopped.status, OpportunityStatus::kDoNotContact);
  EXPECT_TRUE(stopped.draft.empty());
  EXPECT_TRUE(stopped.owner.empty());
  // A later email from the same person is not drafted either.
  Add("roof-3", Channel::kEmail, "2026-11-22T16:00:00Z", "", "pat@example.com", "Any news on the roof?");
  Rebuild();
  ASSERT_TRUE(store_->ForEachOpportunity([&](const Opportunity& o) {
    if (o.contact_key == row.contact_key) {
      EXPECT_TRUE(o.draft.empty()) << o.id;
    }
    return Status::Ok();
  }).ok());
}

TEST_F(ActionsTest, ADoNotContactOutcomeKeepsThePersonsWords) {
  const Opportunity row = RoofRequest();
  ASSERT_TRUE(
      RecordOutcome(*store_, {row.id, now_, OutcomeKind::kDoNotContact, "Dana Brooks", "hung up, said never again", false}).ok());
  StatusOr<std::optional<Suppression>> stop = store_->StopFor(row.contact_key);
  ASSERT_TRUE(stop.ok() && stop->has_value());
  EXPECT_EQ((*stop)->words, "hung up, said never again");
  EXPECT_EQ(Row(row.contact_key).status, OpportunityStatus::kDoNotContact);
}

TEST_F(ActionsTest, OtherOutcomesStopNobody) {
  const Opportunity row = RoofRequest();
  ASSERT_TRUE(RecordOutcome(*store_, {row.id, now_, OutcomeKind::kReached, "Rick Hollis", "booked", false}).ok());
  StatusOr<std::optional<Suppression>> stop = store_->StopFor(row.contact_key);
  ASSERT_TRUE(stop.ok());
  EXPECT_FALSE(stop->has_value());
  const Opportunity reached = Row(row.contact_key);
  EXPECT_EQ(reached.status, OpportunityStatus::kReached);
  EXPECT_THAT(Joined(reached.reasons), HasSubstr("outcome reached recorded by Rick Hollis: booked"));
  EXPECT_EQ(RecordOutcome(*store_, {"R-ffffffffff", now_, OutcomeKind::kReached, "x", "", false}).code(),
            Status::Code::kNotFound);
}

}  // namespace
}  // namespace ringback
