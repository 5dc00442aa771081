// The SQLite Store: facts inserted once, contacts merged by handle, stops kept, the derived
// queue round-tripped and ordered, and the schema migrated once per file.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/time.h"
#include "store/migrations.h"
#include "store/sqlite_db.h"
#include "store/store.h"

namespace ringback {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

const std::string kJaneTel = "tel:+15125550142";
const std::string kJaneMail = "mailto:jane@example.com";
const std::string kBobTel = "tel:+15125550143";

Timestamp At(const char* text) {
  auto t = ParseUtc(text);
  EXPECT_TRUE(t.has_value()) << "bad test time " << text;
  return t.value_or(Timestamp{});
}

std::unique_ptr<Store> OpenMemory() {
  auto store = OpenSqliteStore(":memory:");
  EXPECT_TRUE(store.ok()) << store.status().ToString();
  return store.ok() ? std::move(store).value() : nullptr;
}

Signal MakeSignal(std::string id, Timestamp at, std::string phone = "+15125550142", std::string email = "") {
  Signal s;
  s.id = std::move(id);
  s.channel = Channel::kVoicemail;
  s.received_at = at;
  s.name = "Jane Doe";
  s.phone_raw = "(512) 555-0142";
  s.phone = std::move(phone);
  s.email = std::move(email);
  s.subject = "Roof";
  s.text = "leak over the garage";
  s.trade = "roofing";
  s.duration_seconds = 42;
  s.answered = false;
  s.source = {"voicemails.csv", 7};
  return s;
}

StoreCounts Counts(Store& store) {
  auto c = store.Counts();
  EXPECT_TRUE(c.ok()) << c.status().ToString();
  return c.ok() ? *c : StoreCounts{};
}

// contact key -> signal ids in the order ForEachContactHistory gives them.
std::vector<std::pair<std::string, std::vector<std::string>>> Contacts(Store& store) {
  std::vector<std::pair<std::string, std::vector<std::string>>> out;
  Status s = store.ForEachContactHistory({}, [&](ContactHistory& h) {
    std::vector<std::string> ids;
    for (const Signal& sig : h.signals) ids.push_back(sig.id);
    out.emplace_back(h.key, ids);
    return Status::Ok();
  });
  EXPECT_TRUE(s.ok()) << s.ToString();
  return out;
}

class TempDir {
 public:
  TempDir() {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    path_ = std::filesystem::temp_directory_path() /
            ("ringback_store_" + std::string(info->name()) + "_" + std::to_string(::getpid()));
    std::filesystem::remove_all(path_);
    std::filesystem::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  std::string Path(const std::string& name) const { return (path_ / name).string(); }

 private:
  std::filesystem::path path_;
};

TEST(OpenSqliteStore, InMemoryStartsEmpty) {
  auto store = OpenMemory();
  ASSERT_NE(store, nullptr);
  StoreCounts c = Counts(*store);
  EXPECT_EQ(c.signals, 0);
  EXPECT_EQ(c.attempts, 0);
  EXPECT_EQ(c.estimates, 0);
  EXPECT_EQ(c.rejects, 0);
  EXPECT_EQ(c.contacts, 0);
  EXPECT_EQ(c.suppressions, 0);
  EXPECT_EQ(c.opportunities, 0);
}

TEST(OpenSqliteStore, UnwritablePathIsAnError) {
  TempDir dir;
  auto store = OpenSqliteStore(dir.Path("no/such/dir/ringback.db"));
  EXPECT_FALSE(store.ok());
  EXPECT_FALSE(store.status().message().empty());
}

TEST(SqliteStore, PutSignalTwiceInsertsOnce) {
  auto store = OpenMemory();
  ASSERT_NE(store, nullptr);
  bool inserted = false;
  ASSERT_TRUE(store->PutSignal(MakeSignal("s1", At("2026-11-16T14:05:00Z")), kJaneTel, &inserted).ok());
  EXPECT_TRUE(inserted);
  ASSERT_TRUE(store->PutSignal(MakeSignal("s1", At("2026-11-16T14:05:00Z")), kJaneTel, &inserted).ok());
  EXPECT_FALSE(inserted);
  ASSERT_TRUE(store->PutSignal(MakeSignal("s2", At("2026-11-16T15:05:00Z")), kJaneTel, nullptr).ok());
  EXPECT_EQ(Counts(*store).signals, 2);
}

TEST(SqliteStore, SignalFieldsRoundTrip) {
  auto store = OpenMemory();
  ASSERT_NE(store, nullptr);
  Signal in = MakeSignal("abc123", At("2026-11-16T14:05:00Z"), "+15125550142", "jane@example.com");
  in.channel = Channel::kForm;
  in.answered = true;
  in.text = "line one\nline two, with \"quotes\" and 'apostrophes'; DROP TABLE signals;";
  ASSERT_TRUE(store->PutSignal(in, kJaneTel, nullptr).ok());
  ASSERT_TRUE(store->LinkHandles({kJaneTel}).ok());
  std::vector<Signal> got;
  ASSERT_TRUE(store->ForEachContactHistory({}, [&](ContactHistory& h) {
                     got = h.signals;
                     return Status::Ok();
                   }).ok());
  ASSERT_EQ(got.size(), 1u);
  const Signal& out = got[0];
  EXPECT_EQ(out.id, in.id);
  EXPECT_EQ(out.channel, Channel::kForm);
  EXPECT_EQ(out.received_at, in.received_at);
  EXPECT_EQ(out.name, in.name);
  EXPECT_EQ(out.phone_raw, in.phone_raw);
  EXPECT_EQ(out.phone, in.phone);
  EXPECT_EQ(out.email, in.email);
  EXPECT_EQ(out.subject, in.subject);
  EXPECT_EQ(out.text, in.text);
  EXPECT_EQ(out.trade, in.trade);
  EXPECT_EQ(out.duration_seconds, 42);
  EXPECT_TRUE(out.answered);
  EXPECT_EQ(out.source.file, "voicemails.csv");
  EXPECT_EQ(out.source.line, 7);
}

TEST(SqliteStore, LinkHandlesMergesContactsUnderThePhoneHandle) {
  auto store = OpenMemory();
  ASSERT_NE(store, nullptr);
  ASSERT_TRUE(store->PutSignal(MakeSignal("call", At("2026-11-16T14:05:00Z")), kJaneTel, nullptr).ok());
  ASSERT_TRUE(store->PutSignal(MakeSignal("mail", At("2026-11-16T16:00:00Z"), "", "jane@example.com"), kJaneMail,
                               nullptr)
                  .ok());
  ASSERT_TRUE(store->LinkHandles({kJaneTel}).ok());
  ASSERT_TRUE(store->LinkHandles({kJaneMail}).ok());
  EXPECT_EQ(Counts(*store).contacts, 2);
  // A web form carrying both the phone and the email says they are one person.
  ASSERT_TRUE(store->LinkHandles({kJaneTel, kJaneMail}).ok());
  EXPECT_EQ(Counts(*store).contacts, 1);
  auto contacts = Contacts(*store);
  ASSERT_EQ(contacts.size(), 1u);
  EXPECT_EQ(contacts[0].first, kJaneTel) << "a phone is preferred as the contact key";
  EXPECT_THAT(contacts[0].second, ElementsAre("call", "mail"));
}

TEST(SqliteStore, ContactKeyDoesNotDependOnImportOrder) {
  const std::vector<std::vector<std::vector<std::string>>> orders = {
      {{kJaneTel}, {kJaneMail}, {kJaneTel, kJaneMail}},
      {{kJaneMail}, {kJaneTel}, {kJaneMail, kJaneTel}},
      {{kJaneTel, kJaneMail}},
      {{kJaneMail, kJaneTel}},
      {{kJaneTel}, {kJaneTel, kJaneMail}},
  };
  for (const auto& order : orders) {
    auto store = OpenMemory();
    ASSERT_NE(store, nullptr);
    ASSERT_TRUE(store->PutSignal(MakeSignal("call", At("2026-11-16T14:05:00Z")), kJaneTel, nullptr).ok());
    for (const auto& link : order) ASSERT_TRUE(store->LinkHandles(link).ok());
    auto contacts = Contacts(*store);
    ASSERT_EQ(contacts.size(), 1u);
    EXPECT_EQ(contacts[0].first, kJaneTel);
  }
}

TEST(SqliteStore, ContactKeyPrefersPhoneThenEmailThenRawText) {
  struct Case {
    std::vector<std::string> handles;
    std::string key;
  };
  const std::string raw = "raw:15551234567";
  const std::vector<Case> cases = {
      {{raw, kJaneMail}, kJaneMail},
      {{kJaneMail, raw}, kJaneMail},
      {{raw, kJaneTel}, kJaneTel},
      {{raw, kJaneMail, kJaneTel}, kJaneTel},
      {{"tel:+15125550199", kJaneTel}, kJaneTel},  // alphabetical within phones
      {{"mailto:zed@example.com", "mailto:amy@example.com"}, "mailto:amy@example.com"},
  };
  for (const Case& c : cases) {
    auto store = OpenMemory();
    ASSERT_NE(store, nullptr);
    ASSERT_TRUE(store->PutSignal(MakeSignal("s", At("2026-11-16T14:05:00Z")), c.handles.front(), nullptr).ok());
    for (const std::string& h : c.handles) ASSERT_TRUE(store->LinkHandles({h}).ok());
    ASSERT_TRUE(store->LinkHandles(c.handles).ok());
    auto contacts = Contacts(*store);
    ASSERT_EQ(contacts.size(), 1u);
    EXPECT_EQ(contacts[0].first, c.key) << c.handles.front() << " + " << c.handles.back();
    EXPECT_EQ(Counts(*store).contacts, 1);
  }
}

TEST(SqliteStore, LinkingTwoGroupsMergesAllOfTheirHandles) {
  auto store = OpenMemory();
  ASSERT_NE(store, nullptr);
  const std::string a = "tel:+15125550101", b = "tel:+15125550102", c = "tel:+15125550103",
                    d = "tel:+15125550104";
  int n = 0;
  for (const std::string& h : {a, b, c, d}) {
    Signal s = MakeSignal("sig" + std::to_string(n), At("2026-11-16T14:00:00Z") + std::chrono::minutes(n));
    ++n;
    ASSERT_TRUE(store->PutSignal(s, h, nullptr).ok());
  }
  ASSERT_TRUE(store->LinkHandles({d, c}).ok());
  ASSERT_TRUE(store->LinkHandles({b, a}).ok());
  EXPECT_EQ(Counts(*store).contacts, 2);
  ASSERT_TRUE(store->LinkHandles({c, b}).ok());
  EXPECT_EQ(Counts(*store).contacts, 1);
  auto contacts = Contacts(*store);
  ASSERT_EQ(contacts.size(), 1u);
  EXPECT_EQ(contacts[0].first, a);
  EXPECT_THAT(contacts[0].second, ElementsAre("sig0", "sig1", "sig2", "sig3"));
}

TEST(SqliteStore, ForEachContactGroupsByContactInTimeOrder) {
  auto store = OpenMemory();
  ASSERT_NE(store, nullptr);
  // Inserted out of time order, interleaved between two people.
  ASSERT_TRUE(store->PutSignal(MakeSignal("jane-3", At("2026-11-18T10:00:00Z")), kJaneTel, nullptr).ok());
  ASSERT_TRUE(store->PutSignal(MakeSignal("bob-2", At("2026-11-17T10:00:00Z"), "+15125550143"), kBobTel, nullptr).ok());
  ASSERT_TRUE(store->PutSignal(MakeSignal("jane-1", At("2026-11-16T10:00:00Z")), kJaneTel, nullptr).ok());
  ASSERT_TRUE(store->PutSignal(MakeSignal("bob-1", At("2026-11-16T09:00:00Z"), "+15125550143"), kBobTel, nullptr).ok());
  ASSERT_TRUE(store->PutSignal(MakeSignal("jane-2", At("2026-11-17T10:00:00Z")), kJaneTel, nullptr).ok());
  ASSERT_TRUE(store->LinkHandles({kJaneTel}).ok());
  ASSERT_TRUE(store->LinkHandles({kBobTel}).ok());
  auto contacts = Contacts(*store);
  ASSERT_EQ(contacts.size(), 2u);
  EXPECT_EQ(contacts[0].first, kJaneTel);  // "...0142" < "...0143"
  EXPECT_THAT(contacts[0].second, ElementsAre("jane-1", "jane-2", "jane-3"));
  EXPECT_EQ(contacts[1].first, kBobTel);
  EXPECT_THAT(contacts[1].second, ElementsAre("bob-1", "bob-2"));
}

TEST(SqliteStore, ForEachContactStopsOnTheCallbacksError) {
  auto store = OpenMemory();
  ASSERT_NE(store, nullptr);
  ASSERT_TRUE(store->PutSignal(MakeSignal("a", At("2026-11-16T10:00:00Z")), kJaneTel, nullptr).ok());
  ASSERT_TRUE(store->PutSignal(MakeSignal("b", At("2026-11-16T10:00:00Z"), "+15125550143"), kBobTel, nullptr).ok());
  ASSERT_TRUE(store->LinkHandles({kJaneTel}).ok());
  ASSERT_TRUE(store->LinkHandles({kBobTel}).ok());
  int calls = 0;
  Status s = store->ForEachContactHistory({}, [&](ContactHistory&) {
    ++calls;
    return Status::Internal("stop here");
  });
  EXPECT_FALSE(s.ok());
  EXPECT_THAT(s.message(), HasSubstr("stop here"));
  EXPECT_EQ(calls, 1);
}

TEST(SqliteStore, AttemptsForFindsAttemptsOnAnyLinkedHandle) {
  auto store = OpenMemory();
  ASSERT_NE(store, nullptr);
  Attempt call;
  call.id = "att-call";
  call.channel = Channel::kCall;
  call.at = At("2026-11-16T15:10:00Z");
  call.actor = "Dana Brooks";
  call.duration_seconds = 95;
  call.source = {"calls.csv", 4};
  Attempt mail;
  mail.id = "att-mail";
  mail.channel = Channel::kEmail;
  mail.at = At("2026-11-16T14:00:00Z");
  mail.actor = "Rick Hollis";
  mail.from_email = "rick.hollis@example.net";
  mail.source = {"inbox.mbox", 72};
  bool inserted = false;
  ASSERT_TRUE(store->PutAttempt(call, kJaneTel, &inserted).ok());
  EXPECT_TRUE(inserted);
  ASSERT_TRUE(store->PutAttempt(call, kJaneTel, &inserted).ok());
  EXPECT_FALSE(inserted);
  ASSERT_TRUE(store->PutAttempt(mail, kJaneMail, nullptr).ok());
  ASSERT_TRUE(store->LinkHandles({kJaneTel, kJaneMail}).ok());

  auto attempts = store->AttemptsFor(kJaneTel);
  ASSERT_TRUE(attempts.ok()) << attempts.status().ToString();
  ASSERT_EQ(attempts->size(), 2u);
  EXPECT_EQ((*attempts)[0].id, "att-mail") << "in time order";
  EXPECT_EQ((*attempts)[0].email, "jane@example.com");
  EXPECT_EQ((*attempts)[0].channel, Channel::kEmail);
  EXPECT_EQ((*attempts)[0].from_email, "rick.hollis@example.net");
  EXPECT_EQ((*attempts)[1].id, "att-call");
  EXPECT_EQ((*attempts)[1].phone, "+15125550142");
  EXPECT_EQ((*attempts)[1].actor, "Dana Brooks");
  EXPECT_EQ((*attempts)[1].duration_seconds, 95);
  EXPECT_EQ((*attempts)[1].at, At("2026-11-16T15:10:00Z"));
  EXPECT_EQ((*attempts)[1].source.file, "calls.csv");
  EXPECT_EQ((*attempts)[1].source.line, 4);
  EXPECT_EQ(Counts(*store).attempts, 2);

  auto none = store->AttemptsFor(kBobTel);
  ASSERT_TRUE(none.ok());
  EXPECT_TRUE(none->empty());
}

TEST(SqliteStore, EstimatesForMatchesByPhoneOrEmailOfTheContact) {
  auto store = OpenMemory();
  ASSERT_NE(store, nullptr);
  Estimate by_phone;
  by_phone.id = "est-1";
  by_phone.number = "3930";
  by_phone.name = "Jane Doe";
  by_phone.phone = "+15125550142";
  by_phone.estimator = "Rick Hollis";
  by_phone.trade = "Roof Repair";
  by_phone.status = "awaiting response";
  by_phone.total_cents = 185000;
  by_phone.sent_at = At("2026-11-13T06:00:00Z");
  by_phone.source = {"estimates.csv", 2};
  Estimate by_email = by_phone;
  by_email.id = "est-2";
  by_email.number = "3925";
  by_email.phone = "";
  by_email.email = "jane@example.com";
  by_email.sent_at = At("2026-11-10T06:00:00Z");
  Estimate other = by_phone;
  other.id = "est-3";
  other.phone = "+15125550143";
  bool inserted = false;
  ASSERT_TRUE(store->PutEstimate(by_phone, &inserted).ok());
  EXPECT_TRUE(inserted);
  ASSERT_TRUE(store->PutEstimate(by_phone, &inserted).ok());
  EXPECT_FALSE(inserted);
  ASSERT_TRUE(store->PutEstimate(by_email, nullptr).ok());
  ASSERT_TRUE(store->PutEstimate(other, nullptr).ok());
  ASSERT_TRUE(store->LinkHandles({kJaneTel}).ok());
  ASSERT_TRUE(store->LinkHandles({kJaneMail}).ok());

  auto phone_only = store->EstimatesFor(kJaneTel);
  ASSERT_TRUE(phone_only.ok()) << phone_only.status().ToString();
  ASSERT_EQ(phone_only->size(), 1u);
  const Estimate& e = (*phone_only)[0];
  EXPECT_EQ(e.id, "est-1");
  EXPECT_EQ(e.number, "3930");
  EXPECT_EQ(e.estimator, "Rick Hollis");
  EXPECT_EQ(e.trade, "Roof Repair");
  EXPECT_EQ(e.status, "awaiting response");
  EXPECT_EQ(e.total_cents, 185000);
  EXPECT_EQ(e.sent_at, At("2026-11-13T06:00:00Z"));
  EXPECT_EQ(e.source.line, 2);

  ASSERT_TRUE(store->LinkHandles({kJaneTel, kJaneMail}).ok());
  auto both = store->EstimatesFor(kJaneTel);
  ASSERT_TRUE(both.ok());
  ASSERT_EQ(both->size(), 2u);
  EXPECT_EQ((*both)[0].id, "est-2") << "oldest first";
  EXPECT_EQ((*both)[1].id, "est-1");
  EXPECT_EQ(Counts(*store).estimates, 3);
}

TEST(SqliteStore, SuppressionsGiveTheEarliestStopOfAnyLinkedHandle) {
  auto store = OpenMemory();
  ASSERT_NE(store, nullptr);
  ASSERT_TRUE(store->LinkHandles({kJaneTel, kJaneMail}).ok());
  auto none = store->StopFor(kJaneTel);
  ASSERT_TRUE(none.ok()) << none.status().ToString();
  EXPECT_FALSE(none->has_value());

  Suppression later{kJaneTel, At("2026-11-20T10:00:00Z"), Channel::kSms, "STOP", "sig-sms"};
  Suppression earlier{kJaneMail, At("2026-11-18T10:00:00Z"), Channel::kEmail, "please take me off your list",
                      "sig-mail"};
  ASSERT_TRUE(store->PutSuppression(later).ok());
  ASSERT_TRUE(store->PutSuppression(earlier).ok());
  ASSERT_TRUE(store->PutSuppression(earlier).ok()) << "the same stop twice is not an error";
  EXPECT_EQ(Counts(*store).suppressions, 2);

  auto stop = store->StopFor(kJaneTel);
  ASSERT_TRUE(stop.ok()) << stop.status().ToString();
  ASSERT_TRUE(stop->has_value());
  EXPECT_EQ((*stop)->handle, kJaneMail);
  EXPECT_EQ((*stop)->at, At("2026-11-18T10:00:00Z"));
  EXPECT_EQ((*stop)->channel, Channel::kEmail);
  EXPECT_EQ((*stop)->words, "please take me off your list");
  EXPECT_EQ((*stop)->signal_id, "sig-mail");

  auto bob = store->StopFor(kBobTel);
  ASSERT_TRUE(bob.ok());
  EXPECT_FALSE(bob->has_value()) << "a stop belongs to its own contact";
}

TEST(SqliteStore, StopFollowsAContactMergedAfterwards) {
  auto store = OpenMemory();
  ASSERT_NE(store, nullptr);
  ASSERT_TRUE(store->LinkHandles({kJaneMail}).ok());
  ASSERT_TRUE(store->PutSuppression({kJaneMail, At("2026-11-20T10:00:00Z"), Channel::kEmail, "unsubscribe", "s"}).ok());
  auto before = store->StopFor(kJaneMail);
  ASSERT_TRUE(before.ok());
  EXPECT_TRUE(before->has_value());
  // Later a form links her phone: the contact is now keyed by the phone, and the stop she
  // sent by email still covers it.
  ASSERT_TRUE(store->LinkHandles({kJaneMail, kJaneTel}).ok());
  auto stop = store->StopFor(kJaneTel);
  ASSERT_TRUE(stop.ok());
  ASSERT_TRUE(stop->has_value()) << "the emailed stop covers her phone too";
  EXPECT_EQ((*stop)->words, "unsubscribe");
}

Opportunity FullOpportunity() {
  Opportunity o;
  o.id = "R-0123456789";
  o.contact_key = kJaneTel;
  o.contact_display = "Jane Doe (512) 555-0142";
  o.signal_ids = {"0123456789abcdef", "fedcba9876543210"};
  o.channels = {Channel::kCall, Channel::kVoicemail, Channel::kSms};
  o.channel = Channel::kCall;
  o.received_at = At("2026-11-16T14:03:00Z");
  o.category = Category::kActiveEstimate;
  o.confidence = 0.875;
  o.reasons = {"asks for an estimate", "upgraded by a later voicemail (2026-11-16T14:05:00Z)"};
  o.trade = "roofing";
  o.owner = "Rick Hollis";
  o.backup_owner = "Maria Alvarez";
  o.next_action = "Call to book the inspection; if no answer, text 2 inspection slots";
  o.deadline = At("2026-11-16T16:03:00Z");
  o.first_attempt_at = At("2026-11-16T15:10:00Z");
  o.status = OpportunityStatus::kAttempted;
  o.duplicate_of = "";
  o.draft = "Hi Jane, this is Rick with Summit Ridge Roofing & Air. Reply STOP to opt out.";
  o.draft_channel = "sms";
  o.summary = "flat roof on my garage, \"soft spots\"";
  return o;
}

std::vector<Opportunity> AllOpportunities(Store& store) {
  std::vector<Opportunity> out;
  Status s = store.ForEachOpportunity([&](const Opportunity& o) {
    out.push_back(o);
    return Status::Ok();
  });
  EXPECT_TRUE(s.ok()) << s.ToString();
  return out;
}

TEST(SqliteStore, OpportunityRoundTripsEveryField) {
  auto store = OpenMemory();
  ASSERT_NE(store, nullptr);
  const Opportunity in = FullOpportunity();
  ASSERT_TRUE(store->PutOpportunity(in).ok());
  auto rows = AllOpportunities(*store);
  ASSERT_EQ(rows.size(), 1u);
  const Opportunity& out = rows[0];
  EXPECT_EQ(out.id, in.id);
  EXPECT_EQ(out.contact_key, in.contact_key);
  EXPECT_EQ(out.contact_display, in.contact_display);
  EXPECT_EQ(out.signal_ids, in.signal_ids);
  EXPECT_EQ(out.channels, in.channels);
  EXPECT_EQ(out.channel, in.channel);
  EXPECT_EQ(out.received_at, in.received_at);
  EXPECT_EQ(out.category, in.category);
  EXPECT_DOUBLE_EQ(out.confidence, in.confidence);
  EXPECT_EQ(out.reasons, in.reasons);
  EXPECT_EQ(out.trade, in.trade);
  EXPECT_EQ(out.owner, in.owner);
  EXPECT_EQ(out.backup_owner, in.backup_owner);
  EXPECT_EQ(out.next_action, in.next_action);
  EXPECT_EQ(out.deadline, in.deadline);
  EXPECT_EQ(out.first_attempt_at, in.first_attempt_at);
  EXPECT_EQ(out.status, in.status);
  EXPECT_EQ(out.duplicate_of, in.duplicate_of);
  EXPECT_EQ(out.draft, in.draft);
  EXPECT_EQ(out.draft_channel, in.draft_channel);
  EXPECT_EQ(out.summary, in.summary);
}

TEST(SqliteStore, OpportunityWithoutDeadlineOrAttemptKeepsThemEmpty) {
  auto store = OpenMemory();
  ASSERT_NE(store, nullptr);
  Opportunity in = FullOpportunity();
  in.deadline.reset();
  in.first_attempt_at.reset();
  in.status = OpportunityStatus::kDoNotContact;
  in.category = Category::kStop;
  in.duplicate_of = "R-aaaaaaaaaa";
  in.reasons = {};
  ASSERT_TRUE(store->PutOpportunity(in).ok());
  auto rows = AllOpportunities(*store);
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_FALSE(rows[0].deadline.has_value());
  EXPECT_FALSE(rows[0].first_attempt_at.has_value());
  EXPECT_EQ(rows[0].status, OpportunityStatus::kDoNotContact);
  EXPECT_EQ(rows[0].category, Category::kStop);
  EXPECT_EQ(rows[0].duplicate_of, "R-aaaaaaaaaa");
  EXPECT_TRUE(rows[0].reasons.empty());
}

TEST(SqliteStore, PutOpportunityReplacesTheRowWithTheSameId) {
  auto store = OpenMemory();
  ASSERT_NE(store, nullptr);
  Opportunity o = FullOpportunity();
  ASSERT_TRUE(store->PutOpportunity(o).ok());
  o.status = OpportunityStatus::kReached;
  ASSERT_TRUE(store->PutOpportunity(o).ok());
  auto rows = AllOpportunities(*store);
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].status, OpportunityStatus::kReached);
}

TEST(SqliteStore, ForEachOpportunityListsOpenWorkByDeadlineFirst) {
  auto store = OpenMemory();
  ASSERT_NE(store, nullptr);
  auto make = [](std::string id, OpportunityStatus status, std::optional<Timestamp> deadline, const char* received) {
    Opportunity o = FullOpportunity();
    o.id = std::move(id);
    o.status = status;
    o.deadline = deadline;
    o.received_at = At(received);
    return o;
  };
  // Inserted in an order unrelated to the queue order.
  const std::vector<Opportunity> rows = {
      make("closed", OpportunityStatus::kClosed, std::nullopt, "2026-11-16T08:00:00Z"),
      make("open-late", OpportunityStatus::kOpen, At("2026-11-18T15:00:00Z"), "2026-11-16T09:00:00Z"),
      make("attempted", OpportunityStatus::kAttempted, At("2026-11-16T10:00:00Z"), "2026-11-16T09:30:00Z"),
      make("open-no-deadline", OpportunityStatus::kOpen, std::nullopt, "2026-11-16T07:00:00Z"),
      make("overdue", OpportunityStatus::kOverdue, At("2026-11-16T11:00:00Z"), "2026-11-16T10:00:00Z"),
      make("open-soon", OpportunityStatus::kOpen, At("2026-11-17T12:00:00Z"), "2026-11-16T12:00:00Z"),
      make("dnc", OpportunityStatus::kDoNotContact, std::nullopt, "2026-11-16T06:00:00Z"),
  };
  for (const Opportunity& o : rows) ASSERT_TRUE(store->PutOpportunity(o).ok());
  std::vector<std::string> ids;
  for (const Opportunity& o : AllOpportunities(*store)) ids.push_back(o.id);
  ASSERT_EQ(ids.size(), rows.size());
  EXPECT_THAT(std::vector<std::string>(ids.begin(), ids.begin() + 4),
              ElementsAre("overdue", "open-soon", "open-late", "open-no-deadline"));
  // Everything after the open work: attempted, closed, do-not-contact.
  std::vector<std::string> rest(ids.begin() + 4, ids.end());
  std::sort(rest.begin(), rest.end());
  EXPECT_THAT(rest, ElementsAre("attempted", "closed", "dnc"));
}

TEST(SqliteStore, ClearOpportunitiesEmptiesTheQueueButKeepsFacts) {
  auto store = OpenMemory();
  ASSERT_NE(store, nullptr);
  ASSERT_TRUE(store->PutSignal(MakeSignal("s1", At("2026-11-16T14:05:00Z")), kJaneTel, nullptr).ok());
  ASSERT_TRUE(store->PutOpportunity(FullOpportunity()).ok());
  EXPECT_EQ(Counts(*store).opportunities, 1);
  ASSERT_TRUE(store->ClearOpportunities().ok());
  EXPECT_EQ(Counts(*store).opportunities, 0);
  EXPECT_EQ(Counts(*store).signals, 1);
}

TEST(SqliteStore, RejectsAreDeduplicatedAndListedByFileAndLine) {
  auto store = OpenMemory();
  ASSERT_NE(store, nullptr);
  const Reject bad_date{"calls.csv", 14, "time", "not a date: \"13/45/2026 25:99\""};
  const Reject anonymous{"calls.csv", 6, "phone", "no usable phone or email: \"Anonymous\""};
  const Reject form{"forms.csv", 2, "phone", "no phone or email to call back"};
  ASSERT_TRUE(store->PutReject(bad_date).ok());
  ASSERT_TRUE(store->PutReject(form).ok());
  ASSERT_TRUE(store->PutReject(anonymous).ok());
  ASSERT_TRUE(store->PutReject(bad_date).ok()) << "re-importing the same file";
  EXPECT_EQ(Counts(*store).rejects, 3);
  std::vector<Reject> got;
  ASSERT_TRUE(store->ForEachReject([&](const Reject& r) {
                     got.push_back(r);
                     return Status::Ok();
                   }).ok());
  ASSERT_EQ(got.size(), 3u);
  EXPECT_EQ(got[0].line, 6);
  EXPECT_EQ(got[1].line, 14);
  EXPECT_EQ(got[1].field, "time");
  EXPECT_EQ(got[1].reason, bad_date.reason);
  EXPECT_EQ(got[2].file, "forms.csv");
}

TEST(SqliteStore, RollbackUndoesAnImport) {
  auto store = OpenMemory();
  ASSERT_NE(store, nullptr);
  ASSERT_TRUE(store->Begin().ok());
  ASSERT_TRUE(store->PutSignal(MakeSignal("s1", At("2026-11-16T14:05:00Z")), kJaneTel, nullptr).ok());
  ASSERT_TRUE(store->Rollback().ok());
  EXPECT_EQ(Counts(*store).signals, 0);
  ASSERT_TRUE(store->Begin().ok());
  ASSERT_TRUE(store->PutSignal(MakeSignal("s1", At("2026-11-16T14:05:00Z")), kJaneTel, nullptr).ok());
  ASSERT_TRUE(store->Commit().ok());
  EXPECT_EQ(Counts(*store).signals, 1);
}

TEST(SqliteStore, CallbackMayQueryTheStoreWhileIterating) {
  auto store = OpenMemory();
  ASSERT_NE(store, nullptr);
  ASSERT_TRUE(store->PutSignal(MakeSignal("a", At("2026-11-16T10:00:00Z")), kJaneTel, nullptr).ok());
  ASSERT_TRUE(store->PutSignal(MakeSignal("b", At("2026-11-16T10:00:00Z"), "+15125550143"), kBobTel, nullptr).ok());
  Attempt a;
  a.id = "att";
  a.at = At("2026-11-16T11:00:00Z");
  ASSERT_TRUE(store->PutAttempt(a, kBobTel, nullptr).ok());
  ASSERT_TRUE(store->LinkHandles({kJaneTel}).ok());
  ASSERT_TRUE(store->LinkHandles({kBobTel}).ok());
  std::map<std::string, std::size_t> attempts;
  Status s = store->ForEachContactHistory({}, [&](ContactHistory& h) {
    auto found = store->AttemptsFor(h.key);
    if (!found.ok()) return found.status();
    attempts[h.key] = found->size();
    if (h.attempts.size() != found->size()) return Status::Internal("the history and AttemptsFor disagree");
    return store->PutOpportunity(FullOpportunity());
  });
  ASSERT_TRUE(s.ok()) << s.ToString();
  EXPECT_EQ(attempts[kJaneTel], 0u);
  EXPECT_EQ(attempts[kBobTel], 1u);
}

TEST(SqliteStore, FileStoreKeepsDataAcrossReopenAndMigratesOnce) {
  TempDir dir;
  const std::string path = dir.Path("ringback.db");
  {
    auto store = OpenSqliteStore(path);
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    ASSERT_TRUE((*store)->PutSignal(MakeSignal("s1", At("2026-11-16T14:05:00Z")), kJaneTel, nullptr).ok());
    ASSERT_TRUE((*store)->LinkHandles({kJaneTel}).ok());
    ASSERT_TRUE((*store)->PutSuppression({kJaneTel, At("2026-11-20T10:00:00Z"), Channel::kSms, "STOP", "s1"}).ok());
  }
  for (int reopen = 0; reopen < 2; ++reopen) {
    auto store = OpenSqliteStore(path);
    ASSERT_TRUE(store.ok()) << "reopen " << reopen << ": " << store.status().ToString();
    StoreCounts c = Counts(**store);
    EXPECT_EQ(c.signals, 1);
    EXPECT_EQ(c.contacts, 1);
    EXPECT_EQ(c.suppressions, 1);
    bool inserted = true;
    ASSERT_TRUE((*store)->PutSignal(MakeSignal("s1", At("2026-11-16T14:05:00Z")), kJaneTel, &inserted).ok());
    EXPECT_FALSE(inserted) << "the re-imported signal is already there";
  }
  // Each migration is recorded exactly once.
  auto db = sqlite::Database::Open(path);
  ASSERT_TRUE(db.ok()) << db.status().ToString();
  auto count = db->Prepare("SELECT count(*), max(version) FROM schema_migrations");
  ASSERT_TRUE(count.ok()) << count.status().ToString();
  auto row = count->Step();
  ASSERT_TRUE(row.ok());
  ASSERT_TRUE(*row);
  EXPECT_EQ(count->Int(0), static_cast<std::int64_t>(SqliteMigrations().size()));
  EXPECT_EQ(count->Int(1), SqliteMigrations().back().version);
}

// In order from 1. A number may be skipped: branches built at once take numbers apart (the
// forget tables are 11 while 9 and 10 are elsewhere); a database records each one it ran.
TEST(SqliteMigrations, NumberedInOrderFromOne) {
  const auto& migrations = SqliteMigrations();
  ASSERT_FALSE(migrations.empty());
  EXPECT_EQ(migrations[0].version, 1);
  for (std::size_t i = 0; i < migrations.size(); ++i) {
    if (i > 0) {
      EXPECT_GT(migrations[i].version, migrations[i - 1].version);
    }
    EXPECT_FALSE(migrations[i].sql.empty());
  }
}

TEST(SqliteDatabase, BoundValuesAreNeverSpliced) {
  auto db = sqlite::Database::Open(":memory:");
  ASSERT_TRUE(db.ok());
  ASSERT_TRUE(db->Exec("CREATE TABLE t (v TEXT, n INTEGER, r REAL)").ok());
  auto insert = db->Prepare("INSERT INTO t VALUES (?, ?, ?)");
  ASSERT_TRUE(insert.ok());
  const std::string nasty = "x'); DROP TABLE t; --";
  ASSERT_TRUE(insert->Bind(1, nasty).Bind(2, std::int64_t{-7}).Bind(3, 2.5).Run().ok());
  ASSERT_TRUE(insert->Bind(1, std::string_view("null n")).Bind(2, std::optional<std::int64_t>{}).Bind(3, 0.0).Run().ok());
  auto select = db->Prepare("SELECT v, n, r FROM t ORDER BY rowid");
  ASSERT_TRUE(select.ok());
  auto row = select->Step();
  ASSERT_TRUE(row.ok() && *row);
  EXPECT_EQ(select->Text(0), nasty);
  EXPECT_EQ(select->Int(1), -7);
  EXPECT_DOUBLE_EQ(select->Real(2), 2.5);
  row = select->Step();
  ASSERT_TRUE(row.ok() && *row);
  EXPECT_TRUE(select->IsNull(1));
  EXPECT_FALSE(select->IsNull(0));
}

TEST(SqliteDatabase, BadSqlIsAnErrorNotACrash) {
  auto db = sqlite::Database::Open(":memory:");
  ASSERT_TRUE(db.ok());
  EXPECT_FALSE(db->Exec("CREATE TABLE (").ok());
  auto st = db->Prepare("SELECT * FROM no_such_table");
  EXPECT_FALSE(st.ok());
  EXPECT_THAT(st.status().message(), HasSubstr("no_such_table"));
}


// --- the web app's records (migration 6) ----------------------------------------------

User MakeUser(std::string login, std::string person, AccessRole role) {
  User u;
  u.login = std::move(login);
  u.person = std::move(person);
  u.role = role;
  u.password_hash = "$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0c2FsdA$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g";
  u.created_at = At("2026-11-20T10:00:00Z");
  return u;
}

std::vector<User> AllUsers(Store& store) {
  std::vector<User> out;
  Status s = store.ForEachUser([&](const User& u) {
    out.push_back(u);
    return Status::Ok();
  });
  EXPECT_TRUE(s.ok()) << s.ToString();
  return out;
}

TEST(SqliteStore, UserRoundTripsEveryField) {
  auto store = OpenMemory();
  ASSERT_NE(store, nullptr);
  User in = MakeUser("jake", "Jake Turner", AccessRole::kTechnician);
  in.disabled = true;
  ASSERT_TRUE(store->PutUser(in).ok());
  auto out = store->GetUser("jake");
  ASSERT_TRUE(out.ok()) << out.status().ToString();
  EXPECT_EQ(out->login, "jake");
  EXPECT_EQ(out->person, "Jake Turner");
  EXPECT_EQ(out->role, AccessRole::kTechnician);
  EXPECT_EQ(out->password_hash, in.password_hash);
  EXPECT_EQ(out->created_at, in.created_at);
  EXPECT_TRUE(out->disabled);
  for (AccessRole role : {AccessRole::kAdmin, AccessRole::kOffice, AccessRole::kEstimator}) {
    ASSERT_TRUE(store->PutUser(MakeUser("r", "R", role)).ok());
    EXPECT_EQ(store->GetUser("r")->role, role);
  }
}

TEST(SqliteStore, UnknownUserIsNotFound) {
  auto store = OpenMemory();
  ASSERT_NE(store, nullptr);
  EXPECT_EQ(store->GetUser("nobody").status().code(), Status::Code::kNotFound);
  ASSERT_TRUE(store->PutUser(MakeUser("maria", "Maria Alvarez", AccessRole::kAdmin)).ok());
  EXPECT_EQ(store->GetUser("Maria").status().code(), Status::Code::kNotFound) << "logins are stored lower case";
  EXPECT_EQ(store->GetUser("mari").status().code(), Status::Code::kNotFound);
}

TEST(SqliteStore, PutUserReplacesTheSameLogin) {
  auto store = OpenMemory();
  ASSERT_NE(store, nullptr);
  ASSERT_TRUE(store->PutUser(MakeUser("dana", "Dana Brooks", AccessRole::kOffice)).ok());
  User reset = MakeUser("dana", "Dana Brooks", AccessRole::kEstimator);
  reset.password_hash = "$argon2id$v=19$m=19456,t=2,p=1$bmV3c2FsdG5ld3NhbHQ$bmV3aGFzaG5ld2hhc2huZXdoYXNobmV3aGFzaA";
  ASSERT_TRUE(store->PutUser(reset).ok());
  std::vector<User> users = AllUsers(*store);
  ASSERT_EQ(users.size(), 1u);
  EXPECT_EQ(users[0].password_hash, reset.password_hash);
  EXPECT_EQ(users[0].role, AccessRole::kEstimator);
}

TEST(SqliteStore, ForEachUserListsByLogin) {
  auto store = OpenMemory();
  ASSERT_NE(store, nullptr);
  EXPECT_TRUE(AllUsers(*store).empty());
  for (const char* login : {"tom", "dana", "maria", "jake"})
    ASSERT_TRUE(store->PutUser(MakeUser(login, login, AccessRole::kOffice)).ok());
  std::vector<std::string> logins;
  for (const User& u : AllUsers(*store)) logins.push_back(u.login);
  EXPECT_THAT(logins, ElementsAre("dana", "jake", "maria", "tom"));
  int seen = 0;
  Status stopped = store->ForEachUser([&](const User&) {
    ++seen;
    return Status::Internal("enough");
  });
  EXPECT_EQ(stopped.code(), Status::Code::kInternal);
  EXPECT_EQ(seen, 1) << "the callback's error stops the walk";
}

SessionRecord MakeSession(std::string hash, std::string login, const char* expires) {
  return {std::move(hash), std::move(login), "csrf-" + std::string(expires), At("2026-11-23T08:00:00Z"), At(expires)};
}

TEST(SqliteStore, SessionsArePutGotAndDeleted) {
  auto store = OpenMemory();
  ASSERT_NE(store, nullptr);
  ASSERT_TRUE(store->PutUser(MakeUser("maria", "Maria Alvarez", AccessRole::kAdmin)).ok());
  const SessionRecord in = MakeSession("hash-1", "maria", "2026-11-23T20:00:00Z");
  ASSERT_TRUE(store->PutSession(in).ok());
  auto out = store->GetSession("hash-1");
  ASSERT_TRUE(out.ok()) << out.status().ToString();
  EXPECT_EQ(out->token_hash, "hash-1");
  EXPECT_EQ(out->login, "maria");
  EXPECT_EQ(out->csrf_token, in.csrf_token);
  EXPECT_EQ(out->created_at, in.created_at);
  EXPECT_EQ(out->expires_at, in.expires_at);
  EXPECT_EQ(store->GetSession("hash-2").status().code(), Status::Code::kNotFound);
  ASSERT_TRUE(store->DeleteSession("hash-1").ok());
  EXPECT_EQ(store->GetSession("hash-1").status().code(), Status::Code::kNotFound);
  EXPECT_TRUE(store->DeleteSession("hash-1").ok()) << "signing out twice is not an error";
}

TEST(SqliteStore, ReplacingAUserSignsOutItsSessions) {
  // A password reset (`ringback user add --replace`) must not leave a stolen session working.
  auto store = OpenMemory();
  ASSERT_NE(store, nullptr);
  ASSERT_TRUE(store->PutUser(MakeUser("maria", "Maria Alvarez", AccessRole::kAdmin)).ok());
  ASSERT_TRUE(store->PutUser(MakeUser("dana", "Dana Brooks", AccessRole::kOffice)).ok());
  ASSERT_TRUE(store->PutSession(MakeSession("maria-1", "maria", "2026-11-23T20:00:00Z")).ok());
  ASSERT_TRUE(store->PutSession(MakeSession("dana-1", "dana", "2026-11-23T20:00:00Z")).ok());
  User reset = MakeUser("maria", "Maria Alvarez", AccessRole::kAdmin);
  reset.password_hash = "$argon2id$v=19$m=19456,t=2,p=1$bmV3c2FsdG5ld3NhbHQ$bmV3aGFzaG5ld2hhc2huZXdoYXNobmV3aGFzaA";
  ASSERT_TRUE(store->PutUser(reset).ok());
  EXPECT_EQ(store->GetSession("maria-1").status().code(), Status::Code::kNotFound);
  EXPECT_TRUE(store->GetSession("dana-1").ok()) << "other accounts stay signed in";
}

TEST(SqliteStore, ASessionBelongsToAnExistingUser) {
  auto store = OpenMemory();
  ASSERT_NE(store, nullptr);
  EXPECT_FALSE(store->PutSession(MakeSession("hash-1", "ghost", "2026-11-23T20:00:00Z")).ok());
  EXPECT_EQ(store->GetSession("hash-1").status().code(), Status::Code::kNotFound);
}

TEST(SqliteStore, ExpiredSessionsAreCleanedUp) {
  auto store = OpenMemory();
  ASSERT_NE(store, nullptr);
  ASSERT_TRUE(store->PutUser(MakeUser("maria", "Maria Alvarez", AccessRole::kAdmin)).ok());
  ASSERT_TRUE(store->PutSession(MakeSession("old", "maria", "2026-11-23T07:59:59Z")).ok());
  ASSERT_TRUE(store->PutSession(MakeSession("edge", "maria", "2026-11-23T08:00:00Z")).ok());
  ASSERT_TRUE(store->PutSession(MakeSession("live", "maria", "2026-11-23T20:00:00Z")).ok());
  ASSERT_TRUE(store->DeleteExpiredSessions(At("2026-11-23T08:00:00Z")).ok());
  EXPECT_EQ(store->GetSession("old").status().code(), Status::Code::kNotFound);
  EXPECT_TRUE(store->GetSession("edge").ok()) << "a session ending exactly now has not expired before now";
  EXPECT_TRUE(store->GetSession("live").ok());
}

TEST(SqliteStore, OverridesAreListedOldestFirstPerOpportunity) {
  auto store = OpenMemory();
  ASSERT_NE(store, nullptr);
  const Override second{"R-1", At("2026-11-23T10:00:00Z"), "category", "spam", "dana", "robocall"};
  const Override first{"R-1", At("2026-11-23T09:00:00Z"), "owner", "Tom Nguyen", "maria", "Rick is out"};
  const Override same_time{"R-1", At("2026-11-23T10:00:00Z"), "owner", "Dana Brooks", "maria", "then Dana"};
  const Override other{"R-2", At("2026-11-23T08:00:00Z"), "owner", "Dana Brooks", "maria", "not R-1's"};
  for (const Override& o : {second, first, same_time, other}) ASSERT_TRUE(store->PutOverride(o).ok());
  auto got = store->OverridesFor("R-1");
  ASSERT_TRUE(got.ok()) << got.status().ToString();
  ASSERT_EQ(got->size(), 3u);
  EXPECT_EQ((*got)[0].value, "Tom Nguyen");
  EXPECT_EQ((*got)[1].value, "spam") << "at equal times, in the order they were made";
  EXPECT_EQ((*got)[2].value, "Dana Brooks");
  EXPECT_EQ((*got)[0].field, "owner");
  EXPECT_EQ((*got)[0].actor, "maria");
  EXPECT_EQ((*got)[0].reason, "Rick is out");
  EXPECT_EQ((*got)[0].at, first.at);
  EXPECT_TRUE(store->OverridesFor("R-3")->empty());
}

TEST(SqliteStore, OverridesSurviveTheQueueRebuild) {
  auto store = OpenMemory();
  ASSERT_NE(store, nullptr);
  ASSERT_TRUE(store->PutOverride({"R-1", At("2026-11-23T09:00:00Z"), "owner", "Tom Nguyen", "maria", "x"}).ok());
  ASSERT_TRUE(store->ClearOpportunities().ok());
  EXPECT_EQ(store->OverridesFor("R-1")->size(), 1u);
}

TEST(SqliteStore, TheLatestMarkOfAnItemWins) {
  auto store = OpenMemory();
  ASSERT_NE(store, nullptr);
  ASSERT_TRUE(store->PutMark({"cleanup", "forms-test", true, "dana", At("2026-11-23T09:00:00Z")}).ok());
  ASSERT_TRUE(store->PutMark({"cleanup", "calls-log", true, "dana", At("2026-11-23T09:05:00Z")}).ok());
  ASSERT_TRUE(store->PutMark({"cleanup", "forms-test", false, "maria", At("2026-11-23T10:00:00Z")}).ok());
  ASSERT_TRUE(store->PutMark({"plan-2026-W47", "1", true, "tom", At("2026-11-23T10:00:00Z")}).ok());
  auto marks = store->MarksOf("cleanup");
  ASSERT_TRUE(marks.ok()) << marks.status().ToString();
  ASSERT_EQ(marks->size(), 2u);
  EXPECT_EQ((*marks)[0].item, "calls-log");
  EXPECT_TRUE((*marks)[0].done);
  EXPECT_EQ((*marks)[1].item, "forms-test");
  EXPECT_FALSE((*marks)[1].done) << "unticked later";
  EXPECT_EQ((*marks)[1].actor, "maria");
  EXPECT_EQ((*marks)[1].at, At("2026-11-23T10:00:00Z"));
  EXPECT_EQ(store->MarksOf("plan-2026-W47")->size(), 1u);
  EXPECT_TRUE(store->MarksOf("profile")->empty());
}

TEST(SqliteStore, PersonEventsSurviveTheQueueRebuildButDerivedEventsDoNot) {
  auto store = OpenMemory();
  ASSERT_NE(store, nullptr);
  ASSERT_TRUE(store->PutEvent({"R-1", At("2026-11-23T09:00:00Z"), "escalated", "ringback", "moved"}).ok());
  ASSERT_TRUE(store->PutPersonEvent({"R-1", At("2026-11-23T10:00:00Z"), "reassigned", "maria", "to Dana"}).ok());
  ASSERT_EQ(store->EventsFor("R-1")->size(), 2u);
  ASSERT_TRUE(store->ClearOpportunities().ok());
  auto events = store->EventsFor("R-1");
  ASSERT_TRUE(events.ok());
  ASSERT_EQ(events->size(), 1u);
  EXPECT_EQ((*events)[0].kind, "reassigned");
  EXPECT_EQ((*events)[0].actor, "maria");
  EXPECT_EQ((*events)[0].detail, "to Dana");
  EXPECT_EQ((*events)[0].at, At("2026-11-23T10:00:00Z"));
}

TEST(SqliteStore, SignalsForGivesTheContactsSignalsOldestFirst) {
  auto store = OpenMemory();
  ASSERT_NE(store, nullptr);
  ASSERT_TRUE(store->PutSignal(MakeSignal("late", At("2026-11-17T10:00:00Z")), kJaneTel, nullptr).ok());
  ASSERT_TRUE(store->PutSignal(MakeSignal("mail", At("2026-11-16T10:00:00Z"), "", "jane@example.com"), kJaneMail, nullptr).ok());
  ASSERT_TRUE(store->PutSignal(MakeSignal("bob", At("2026-11-16T09:00:00Z"), "+15125550143"), kBobTel, nullptr).ok());
  ASSERT_TRUE(store->LinkHandles({kJaneTel, kJaneMail}).ok());
  ASSERT_TRUE(store->LinkHandles({kBobTel}).ok());
  auto jane = store->SignalsFor(kJaneTel);
  ASSERT_TRUE(jane.ok()) << jane.status().ToString();
  ASSERT_EQ(jane->size(), 2u);
  EXPECT_EQ((*jane)[0].id, "mail");
  EXPECT_EQ((*jane)[1].id, "late");
  EXPECT_EQ((*jane)[1].text, "leak over the garage");
  EXPECT_TRUE(store->SignalsFor("tel:+10000000000")->empty());
}

// A database written before the web app (schema version 5) gains its tables on open and keeps
// its facts.
TEST(SqliteMigrations, AVersion5DatabaseIsMigratedToTheWebAppsTables) {
  TempDir dir;
  const std::string path = dir.Path("v5.db");
  {
    auto db = sqlite::Database::Open(path);
    ASSERT_TRUE(db.ok()) << db.status().ToString();
    ASSERT_TRUE(db->Exec("CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY)").ok());
    for (const Migration& m : SqliteMigrations()) {
      if (m.version > 5) break;
      ASSERT_TRUE(db->Exec(m.sql).ok()) << "migration " << m.version;
      ASSERT_TRUE(db->Exec("INSERT INTO schema_migrations VALUES (" + std::to_string(m.version) + ")").ok());
    }
    ASSERT_TRUE(db->Exec("INSERT INTO events (opportunity_id, at, kind, actor, detail, derived) "
                         "VALUES ('R-1', 1795442400, 'escalated', 'ringback', 'moved', 1)").ok())
        << "an event written by version 5";
    ASSERT_FALSE(db->Exec("SELECT count(*) FROM users").ok()) << "version 5 has no accounts";
  }
  {
    auto store = OpenSqliteStore(path);
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    ASSERT_TRUE((*store)->PutSignal(MakeSignal("s1", At("2026-11-16T14:05:00Z")), kJaneTel, nullptr).ok());
    ASSERT_TRUE((*store)->PutUser(MakeUser("maria", "Maria Alvarez", AccessRole::kAdmin)).ok());
    ASSERT_TRUE((*store)->PutSession(MakeSession("h", "maria", "2026-11-23T20:00:00Z")).ok());
    ASSERT_TRUE((*store)->PutOverride({"R-1", At("2026-11-23T09:00:00Z"), "owner", "Tom Nguyen", "maria", "x"}).ok());
    ASSERT_TRUE((*store)->PutMark({"cleanup", "calls-log", true, "maria", At("2026-11-23T09:00:00Z")}).ok());
    auto events = (*store)->EventsFor("R-1");
    ASSERT_TRUE(events.ok());
    ASSERT_EQ(events->size(), 1u) << "the old event is still there";
    ASSERT_TRUE((*store)->ClearOpportunities().ok());
    EXPECT_TRUE((*store)->EventsFor("R-1")->empty()) << "an old derived event is rebuilt, not kept";
  }
  auto store = OpenSqliteStore(path);
  ASSERT_TRUE(store.ok()) << "reopening does not migrate again: " << store.status().ToString();
  EXPECT_TRUE((*store)->GetUser("maria").ok());
  EXPECT_EQ(Counts(**store).signals, 1);
  auto db = sqlite::Database::Open(path);
  ASSERT_TRUE(db.ok());
  auto version = db->Prepare("SELECT count(*), max(version) FROM schema_migrations");
  ASSERT_TRUE(version.ok());
  ASSERT_TRUE(*version->Step());
  EXPECT_EQ(version->Int(0), static_cast<std::int64_t>(SqliteMigrations().size()));
  EXPECT_EQ(version->Int(1), SqliteMigrations().back().version);
}

}  // namespace
}  // namespace ringback
