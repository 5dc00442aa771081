// Live intake through the store: a webhook's signal becomes that contact's queue rows at once,
// with the same result a full rebuild gives; repeats change nothing; a stop holds at once;
// Twilio's callbacks in any order never move a call backwards.
#include <filesystem>
#include <fstream>
#include <functional>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "config/config_loader.h"
#include "ingest/importer.h"
#include "pipeline/audit.h"
#include "pipeline/contact_rebuild.h"
#include "pipeline/live_intake.h"

namespace ringback {
namespace {

using ::testing::HasSubstr;

const Timestamp kNow = *ParseUtc("2026-11-23T14:05:00Z");  // Monday 08:05 in the company's zone

class LiveIntakeTest : public ::testing::Test {
 protected:
  void SetUp() override {
    StatusOr<CompanyConfig> loaded = LoadConfig(std::string(RINGBACK_SOURCE_DIR) + "/config/company.example.toml");
    ASSERT_TRUE(loaded.ok()) << loaded.status().ToString();
    config_ = *loaded;
    StatusOr<std::shared_ptr<const Classifier>> classifier = Classifier::Create(config_);
    ASSERT_TRUE(classifier.ok());
    classifier_ = *classifier;
    StatusOr<std::unique_ptr<Store>> store = OpenSqliteStore(":memory:");
    ASSERT_TRUE(store.ok());
    store_ = std::move(store).value();
    ctx_ = {&config_, classifier_.get(), kNow, false};
  }

  Signal Text(const std::string& sid, const std::string& from, const std::string& body) {
    Signal s;
    s.id = SourceRowId(SourceKind::kSms, sid);
    s.channel = Channel::kSms;
    s.received_at = kNow;
    s.phone_raw = from;
    s.phone = from;
    s.text = body;
    s.source = {kTwilioSmsSource, 0};
    return s;
  }

  static LiveCall Call(const std::string& sid, const std::string& status, std::int64_t duration = -1,
                       const std::string& from = "+15125550177") {
    LiveCall c;
    c.sid = sid;
    c.direction = "inbound";
    c.from = from;
    c.to = "+15125550100";
    c.status = status;
    c.duration = duration;
    c.started_at = *ParseUtc("2026-11-23T13:48:00Z");
    return c;
  }

  LiveResult Record(const LiveCall& update) {
    StatusOr<LiveResult> r = RecordLiveCall(*store_, ctx_, update);
    EXPECT_TRUE(r.ok()) << r.status().ToString();
    return r.ok() ? *r : LiveResult{};
  }

  LiveResult Record(const Signal& signal, bool stop = false) {
    StatusOr<LiveResult> r = RecordLiveSignal(*store_, ctx_, signal, stop);
    EXPECT_TRUE(r.ok()) << r.status().ToString();
    return r.ok() ? *r : LiveResult{};
  }

  std::vector<Opportunity> RowsOf(const std::string& contact_key) {
    std::vector<Opportunity> rows;
    EXPECT_TRUE(store_->ForEachOpportunity([&](const Opportunity& o) {
      if (o.contact_key == contact_key) rows.push_back(o);
      return Status::Ok();
    }).ok());
    return rows;
  }

  std::vector<Opportunity> AllRows() {
    std::vector<Opportunity> rows;
    EXPECT_TRUE(store_->ForEachOpportunity([&](const Opportunity& o) {
      rows.push_back(o);
      return Status::Ok();
    }).ok());
    return rows;
  }

  // The escalations of `rows`, each as "opportunity at kind actor detail".
  std::vector<std::string> EventsOf(const std::vector<Opportunity>& rows) {
    std::vector<std::string> out;
    for (const Opportunity& o : rows) {
      StatusOr<std::vector<TimelineEvent>> events = store_->EventsFor(o.id);
      EXPECT_TRUE(events.ok());
      if (!events.ok()) continue;
      for (const TimelineEvent& e : *events)
        out.push_back(e.opportunity_id + " " + FormatUtc(e.at) + " " + e.kind + " " + e.actor + " " + e.detail);
    }
    return out;
  }

  void FullRebuild() {
    AuditOptions options;
    AuditResult result;
    result.as_of = kNow;
    ASSERT_TRUE(RebuildQueue(*store_, config_, options, result, classifier_).ok());
  }

  CompanyConfig config_;
  std::shared_ptr<const Classifier> classifier_;
  std::unique_ptr<Store> store_;
  QueueContext ctx_;
};

TEST_F(LiveIntakeTest, AMissedCallHasAnOwnerBackupDeadlineAndDraftAtOnce) {
  const LiveResult r = Record(Call("CA01", "no-answer", 0));
  EXPECT_EQ(r.what, "missed call");
  EXPECT_TRUE(r.changed);
  const std::vector<Opportunity> rows = RowsOf("tel:+15125550177");
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].channel, Channel::kCall);
  EXPECT_FALSE(rows[0].owner.empty());
  EXPECT_FALSE(rows[0].backup_owner.empty());
  EXPECT_TRUE(rows[0].deadline.has_value());
  EXPECT_FALSE(rows[0].draft.empty());
  EXPECT_EQ(rows[0].received_at, *ParseUtc("2026-11-23T13:48:00Z"));
  EXPECT_EQ(r.opportunity_ids, std::vector<std::string>{rows[0].id});
}

TEST_F(LiveIntakeTest, CallbacksInAnyOrderNeverMoveTheCallBackwards) {
  EXPECT_EQ(Record(Call("CA02", "ringing")).what, "pending");
  EXPECT_TRUE(AllRows().empty()) << "a ringing call is nothing to call back yet";
  EXPECT_EQ(Record(Call("CA02", "no-answer", 0)).what, "missed call");
  EXPECT_EQ(Record(Call("CA02", "in-progress")).what, "missed call") << "a late in-progress does not make it answered";
  EXPECT_EQ(Record(Call("CA02", "ringing")).what, "duplicate") << "a late ringing changes nothing at all";
  ASSERT_EQ(RowsOf("tel:+15125550177").size(), 1u);
  EXPECT_NE(RowsOf("tel:+15125550177")[0].status, OpportunityStatus::kReached);
}

TEST_F(LiveIntakeTest, TheTranscriptBecomesTheVoicemailsTextAndItIsClassifiedAgain) {
  Record(Call("CA03", "completed", 0));
  ASSERT_EQ(RowsOf("tel:+15125550177").size(), 1u);
  const Category before = RowsOf("tel:+15125550177")[0].category;
  LiveCall words;
  words.sid = "CA03";
  words.voicemail = true;
  words.transcript = "Water is pouring through the ceiling into the kitchen, please call right away";
  words.transcript_status = "completed";
  EXPECT_EQ(Record(words).what, "voicemail");
  const std::vector<Opportunity> rows = RowsOf("tel:+15125550177");
  ASSERT_EQ(rows.size(), 1u) << "the same call: one signal, one opportunity";
  EXPECT_EQ(rows[0].channel, Channel::kVoicemail);
  EXPECT_EQ(rows[0].category, Category::kEmergency);
  EXPECT_NE(before, Category::kEmergency);
  EXPECT_THAT(rows[0].summary, HasSubstr("ceiling"));
  StatusOr<std::vector<Signal>> signals = store_->SignalsFor("tel:+15125550177");
  ASSERT_EQ(signals->size(), 1u);
  EXPECT_EQ((*signals)[0].id, SourceRowId(SourceKind::kCallLog, "CA03")) << "as an import of Twilio's call log names it";
}

TEST_F(LiveIntakeTest, AForwardedLegAnsweredReachesTheCaller) {
  Record(Text("SM01", "+15125550177", "Can someone look at my furnace? It is making a banging noise"));
  ASSERT_EQ(RowsOf("tel:+15125550177")[0].status, OpportunityStatus::kOpen);
  LiveCall parent = Call("CA04", "completed", 95);
  parent.started_at = kNow + std::chrono::minutes(1);
  ctx_.now = kNow + std::chrono::minutes(5);
  LiveCall leg = Call("CA05", "in-progress");
  leg.parent_sid = "CA04";
  leg.direction = "outbound-dial";
  EXPECT_EQ(Record(leg).what, "pending") << "the parent has not ended";
  EXPECT_EQ(Record(parent).what, "answered call");
  const std::vector<Opportunity> rows = RowsOf("tel:+15125550177");
  ASSERT_EQ(rows.size(), 1u) << "an answered call is not a request";
  EXPECT_EQ(rows[0].status, OpportunityStatus::kReached);
}

TEST_F(LiveIntakeTest, LegsThatNobodyAnsweredMakeAMissedCall) {
  LiveCall leg = Call("CA07", "no-answer", 0);
  leg.parent_sid = "CA06";
  leg.direction = "outbound-dial";
  Record(leg);
  EXPECT_EQ(Record(Call("CA06", "completed", 28)).what, "missed call")
      << "the number's TwiML answered (28 s), nobody in the office did";
  ASSERT_EQ(RowsOf("tel:+15125550177").size(), 1u);
}

TEST_F(LiveIntakeTest, AWithheldNumberIsKeptAsARejectNotLost) {
  LiveCall call = Call("CA08", "no-answer", 0, "+266696687");
  EXPECT_EQ(Record(call).what, "no caller ID");
  EXPECT_TRUE(AllRows().empty());
  std::vector<Reject> rejects;
  ASSERT_TRUE(store_->ForEachReject([&](const Reject& r) {
    rejects.push_back(r);
    return Status::Ok();
  }).ok());
  ASSERT_EQ(rejects.size(), 1u);
  EXPECT_THAT(rejects[0].reason, HasSubstr("CA08"));
  EXPECT_EQ(rejects[0].file, kTwilioVoiceSource);
}

TEST_F(LiveIntakeTest, AnOutboundCallIsAnAttemptOnTheContactsOpportunity) {
  Record(Text("SM02", "+15125550177", "Need a quote for gutters"));
  LiveCall out = Call("CA09", "completed", 45, "+15125550100");
  out.direction = "outbound-api";
  out.to = "+15125550177";
  out.started_at = kNow + std::chrono::minutes(2);
  ctx_.now = kNow + std::chrono::minutes(5);
  EXPECT_EQ(Record(out).what, "outbound call");
  ASSERT_EQ(RowsOf("tel:+15125550177").size(), 1u);
  EXPECT_EQ(RowsOf("tel:+15125550177")[0].status, OpportunityStatus::kReached) << "45 s reached the person";
}

TEST_F(LiveIntakeTest, TheSameMessageTwiceIsOneSignalAndOneCard) {
  EXPECT_TRUE(Record(Text("SM03", "+15125550177", "Do you install heat pumps?")).changed);
  const LiveResult again = Record(Text("SM03", "+15125550177", "Do you install heat pumps?"));
  EXPECT_FALSE(again.changed);
  EXPECT_EQ(again.what, "duplicate");
  EXPECT_EQ(store_->SignalsFor("tel:+15125550177")->size(), 1u);
  EXPECT_EQ(RowsOf("tel:+15125550177").size(), 1u);
}

TEST_F(LiveIntakeTest, AStopTextStopsEveryChannelBeforeItReturns) {
  Signal form;
  form.id = "form-1";
  form.channel = Channel::kForm;
  form.received_at = kNow - std::chrono::hours(1);
  form.phone = "+15125550177";
  form.email = "jane@example.com";
  form.text = "Please send a quote for a new roof";
  Record(form);
  Record(Call("CA10", "no-answer", 0));
  ASSERT_FALSE(RowsOf("tel:+15125550177").empty());
  Record(Text("SM04", "+15125550177", "STOP"));
  StatusOr<std::optional<Suppression>> stop = store_->StopFor("tel:+15125550177");
  ASSERT_TRUE(stop.ok());
  ASSERT_TRUE(stop->has_value()) << "stored in the same transaction";
  for (const Opportunity& o : RowsOf("tel:+15125550177")) {
    EXPECT_TRUE(o.draft.empty()) << o.id;
    EXPECT_TRUE(o.owner.empty()) << o.id;
    EXPECT_TRUE(o.status == OpportunityStatus::kDoNotContact || o.status == OpportunityStatus::kClosed) << o.id;
  }
}

TEST_F(LiveIntakeTest, TwiliosOptOutTypeStopsEvenWordsTheClassifierWouldNotRead) {
  Record(Text("SM05", "+15125550177", "Need a quote"));
  Record(Text("SM06", "+15125550177", "ARRET"), true);
  ASSERT_TRUE(store_->StopFor("tel:+15125550177")->has_value());
  for (const Opportunity& o : RowsOf("tel:+15125550177")) EXPECT_TRUE(o.draft.empty()) << o.id;
}

TEST_F(LiveIntakeTest, ASignalThatJoinsTwoContactsLeavesNoRowsUnderTheOldKey) {
  Signal mail;
  mail.id = "mail-1";
  mail.channel = Channel::kEmail;
  mail.received_at = kNow - std::chrono::hours(3);
  mail.email = "sam@example.org";
  mail.text = "Do you service Round Rock?";
  Record(mail);
  ASSERT_EQ(RowsOf("mailto:sam@example.org").size(), 1u);
  Signal form = mail;
  form.id = "form-2";
  form.channel = Channel::kForm;
  form.received_at = kNow - std::chrono::hours(1);
  form.phone = "+15125550190";
  Record(form);
  EXPECT_TRUE(RowsOf("mailto:sam@example.org").empty()) << "the contact's key is now its phone";
  EXPECT_EQ(RowsOf("tel:+15125550190").size(), 2u);
}

TEST_F(LiveIntakeTest, ANumberNobodyCanCallIsRefused) {
  Signal s = Text("SM07", "", "hello");
  s.phone_raw = "SHORTCODE";
  StatusOr<LiveResult> r = RecordLiveSignal(*store_, ctx_, s);
  EXPECT_EQ(r.status().code(), Status::Code::kInvalidArgument);
}

// The one-contact rebuild and the full rebuild agree on everything but whom the work went to
// (the assigner balances against different loads: docs/web.md, "Live intake").
TEST_F(LiveIntakeTest, AOneContactRebuildAgreesWithTheFullRebuild) {
  Record(Text("SM10", "+15125550111", "Our AC is out and it is 95 in here, we have a newborn"));
  Record(Call("CA11", "busy", 0, "+15125550112"));
  Record(Text("SM12", "+15125550113", "Can I get an estimate for siding?"));
  Record(Text("SM13", "+15125550111", "Hello? anyone?"));
  Record(Call("CA14", "no-answer", 0, "+15125550113"));
  Record(Text("SM15", "+15125550114", "Please take me off your list"));
  const std::vector<Opportunity> live = AllRows();
  FullRebuild();
  const std::vector<Opportunity> full = AllRows();
  ASSERT_EQ(live.size(), full.size());
  for (const Opportunity& a : live) {
    auto it = std::find_if(full.begin(), full.end(), [&](const Opportunity& b) { return b.id == a.id; });
    ASSERT_NE(it, full.end()) << a.id;
    EXPECT_EQ(a.contact_key, it->contact_key);
    EXPECT_EQ(a.category, it->category) << a.id;
    EXPECT_EQ(a.status, it->status) << a.id;
    EXPECT_EQ(a.duplicate_of, it->duplicate_of) << a.id;
    EXPECT_EQ(a.signal_ids, it->signal_ids) << a.id;
    EXPECT_EQ(a.deadline, it->deadline) << a.id;
    EXPECT_EQ(a.draft.empty(), it->draft.empty()) << a.id;
    EXPECT_EQ(a.owner.empty(), it->owner.empty()) << a.id;
  }
}

// Every field of a queue row, by name, so that a difference says which.
void ExpectSameRow(const Opportunity& live, const Opportunity& full) {
  SCOPED_TRACE(live.id);
  EXPECT_EQ(live.id, full.id);
  EXPECT_EQ(live.contact_key, full.contact_key);
  EXPECT_EQ(live.contact_display, full.contact_display);
  EXPECT_EQ(live.signal_ids, full.signal_ids);
  EXPECT_EQ(live.channels, full.channels);
  EXPECT_EQ(live.channel, full.channel);
  EXPECT_EQ(live.received_at, full.received_at);
  EXPECT_EQ(live.category, full.category);
  EXPECT_EQ(live.confidence, full.confidence);
  EXPECT_EQ(live.reasons, full.reasons);
  EXPECT_EQ(live.trade, full.trade);
  EXPECT_EQ(live.owner, full.owner);
  EXPECT_EQ(live.backup_owner, full.backup_owner);
  EXPECT_EQ(live.next_action, full.next_action);
  EXPECT_EQ(live.deadline, full.deadline);
  EXPECT_EQ(live.first_attempt_at, full.first_attempt_at);
  EXPECT_EQ(live.status, full.status);
  EXPECT_EQ(live.duplicate_of, full.duplicate_of);
  EXPECT_EQ(live.draft, full.draft);
  EXPECT_EQ(live.draft_channel, full.draft_channel);
  EXPECT_EQ(live.summary, full.summary);
  EXPECT_EQ(live.escalations, full.escalations);
  EXPECT_EQ(live.lead_source, full.lead_source);
}

// When the live contact is the last in key order, the full rebuild balances it against exactly
// the load the one-contact rebuild used (every other contact's open work), so the two must
// give the very same rows, owner and draft included: the same stage, nothing re-implemented.
TEST_F(LiveIntakeTest, ALiveSignalThenAFullRebuildGivesTheSameRows) {
  Record(Text("SM40", "+15125550401", "Can I get an estimate for siding?"));
  Record(Text("SM41", "+15125550402", "Our AC is out and it is 95 in here"));
  Record(Call("CA42", "no-answer", 0, "+15125550403"));
  Record(Text("SM43", "+15125550404", "Do you install heat pumps? Estimate please"));
  FullRebuild();
  LiveCall voicemail = Call("CA50", "completed", 0, "+15125550950");
  LiveCall words;
  words.sid = "CA50";
  words.voicemail = true;
  words.transcript = "Hi this is Dana, water is coming through the ceiling, please call me back";
  words.transcript_status = "completed";
  Signal text = Text("SM51", "+15125550951", "Hola, necesito una cotización para un techo nuevo");
  Signal repeat = Text("SM52", "+15125550951", "Hello? any update?");
  Signal stop = Text("SM53", "+15125550952", "STOP");
  const std::vector<std::function<void()>> live_signals = {
      [&] { Record(voicemail); }, [&] { Record(words); }, [&] { Record(text); }, [&] { Record(repeat); },
      [&] { Record(Text("SM54", "+15125550952", "Need someone for a gutter estimate")); },
      [&] { Record(stop); }};
  for (std::size_t i = 0; i < live_signals.size(); ++i) {
    SCOPED_TRACE("live signal " + std::to_string(i));
    live_signals[i]();
    const std::vector<Opportunity> live = AllRows();
    const std::vector<std::string> live_events = EventsOf(live);
    FullRebuild();
    const std::vector<Opportunity> full = AllRows();
    ASSERT_EQ(live.size(), full.size());
    for (std::size_t j = 0; j < live.size(); ++j) ExpectSameRow(live[j], full[j]);
    EXPECT_EQ(live_events, EventsOf(full));
  }
  const std::vector<Opportunity> voicemail_rows = RowsOf("tel:+15125550950");
  ASSERT_EQ(voicemail_rows.size(), 1u);
  EXPECT_EQ(voicemail_rows[0].category, Category::kEmergency) << "the test covers a voicemail's words";
  EXPECT_FALSE(voicemail_rows[0].owner.empty());
  EXPECT_FALSE(voicemail_rows[0].draft.empty());
  for (const Opportunity& o : RowsOf("tel:+15125550952")) EXPECT_TRUE(o.draft.empty()) << "stopped: " << o.id;
}

// The weekly review of a store fed by the webhooks is the review of a store that imported
// Twilio's own logs of the same messages and calls: a live signal counts like an imported row.
TEST_F(LiveIntakeTest, LiveSignalsCountInTheWeeklyReviewLikeTheSameRowsImported) {
  const std::filesystem::path dir = std::filesystem::path(::testing::TempDir()) / "live-review";
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  {
    std::ofstream messages(dir / "messages.csv");
    messages << "From,To,Body,Status,SentDate,ApiVersion,NumSegments,ErrorCode,AccountSid,Sid,Direction\n"
                "+15125550601,+15125550100,Our AC is out and it is 95 in here,received,2026-11-23T13:40:00Z,"
                "2010-04-01,1,,AC0,SM601,inbound\n"
                "+15125550602,+15125550100,Can I get an estimate for a new roof?,received,2026-11-23T13:41:00Z,"
                "2010-04-01,1,,AC0,SM602,inbound\n"
                "+15125550601,+15125550100,Hello?,received,2026-11-23T13:45:00Z,2010-04-01,1,,AC0,SM603,inbound\n"
                "+15125550603,+15125550100,Need a gutter quote,received,2026-11-20T15:00:00Z,2010-04-01,1,,AC0,"
                "SM604,inbound\n"
                "+15125550603,+15125550100,STOP,received,2026-11-23T13:50:00Z,2010-04-01,1,,AC0,SM605,inbound\n";
    std::ofstream calls(dir / "calls.csv");
    calls << "Call Sid,Parent Call Sid,Account Sid,From,To,Direction,Status,Start Time,End Time,Duration\n"
             "CA606,,AC0,+15125550604,+15125550100,inbound,no-answer,\"Mon, 23 Nov 2026 13:48:00 +0000\","
             "\"Mon, 23 Nov 2026 13:48:25 +0000\",0\n";
  }
  AuditOptions options;
  options.inputs = {dir.string()};
  options.as_of = kNow;
  AuditResult imported;
  imported.as_of = kNow;
  StatusOr<std::unique_ptr<Store>> import_store = OpenSqliteStore(":memory:");
  ASSERT_TRUE(import_store.ok());
  ASSERT_TRUE(ImportInputs(**import_store, config_, options, imported).ok());
  ASSERT_TRUE(RebuildQueue(**import_store, config_, options, imported, classifier_).ok());
  for (const FileReport& f : imported.files) ASSERT_TRUE(f.error.empty() && f.rejects == 0) << f.file << f.error;

  auto text = [&](const std::string& sid, const std::string& from, const std::string& body, const char* at) {
    Signal s = Text(sid, from, body);
    s.received_at = *ParseUtc(at);
    Record(s);
  };
  text("SM601", "+15125550601", "Our AC is out and it is 95 in here", "2026-11-23T13:40:00Z");
  text("SM602", "+15125550602", "Can I get an estimate for a new roof?", "2026-11-23T13:41:00Z");
  text("SM603", "+15125550601", "Hello?", "2026-11-23T13:45:00Z");
  text("SM604", "+15125550603", "Need a gutter quote", "2026-11-20T15:00:00Z");
  text("SM605", "+15125550603", "STOP", "2026-11-23T13:50:00Z");
  Record(Call("CA606", "no-answer", 0, "+15125550604"));

  const IsoWeek week = IsoWeekOf(kNow, config_.time_zone);
  StatusOr<ReviewRun> live = ComputeReview(*store_, config_, week, kNow, false);
  StatusOr<ReviewRun> file = ComputeReview(**import_store, config_, week, kNow, false);
  ASSERT_TRUE(live.ok() && file.ok());
  EXPECT_EQ(live->week.signals, std::optional<std::int64_t>(5));
  EXPECT_EQ(live->previous.signals, std::optional<std::int64_t>(1));
  EXPECT_EQ(live->week.signals, file->week.signals);
  const std::vector<ReviewFigure> a = ReviewFigures(live->week, live->previous);
  const std::vector<ReviewFigure> b = ReviewFigures(file->week, file->previous);
  ASSERT_EQ(a.size(), b.size());
  for (std::size_t i = 0; i < a.size(); ++i) {
    EXPECT_EQ(a[i].metric, b[i].metric);
    EXPECT_EQ(a[i].this_week, b[i].this_week) << a[i].metric;
    EXPECT_EQ(a[i].last_week, b[i].last_week) << a[i].metric;
  }
  EXPECT_EQ(live->week.rows, 5) << "the AC contact's two texts are one row and a duplicate";
  EXPECT_TRUE(store_->StopFor("tel:+15125550603")->has_value());
  EXPECT_TRUE((*import_store)->StopFor("tel:+15125550603")->has_value());
  ASSERT_EQ(live->rows.size(), file->rows.size());
  for (std::size_t i = 0; i < live->rows.size(); ++i) {
    EXPECT_EQ(live->rows[i].id, file->rows[i].id) << "the same ids as Twilio's logs give";
    EXPECT_EQ(live->rows[i].category, file->rows[i].category) << live->rows[i].id;
    EXPECT_EQ(live->rows[i].status, file->rows[i].status) << live->rows[i].id;
  }
}

TEST_F(LiveIntakeTest, NewWorkGoesToWhoeverHoldsLeastInTheStoredQueue) {
  // Estimate follow-ups go to the estimator with the least open work (Rick Hollis and Priya
  // Shah when the trade is unknown). The stored queue says who holds what.
  auto follow_up = [&](const std::string& phone, const std::string& sid) {
    Estimate e;
    e.id = "q-" + sid;
    e.number = sid;
    e.phone = phone;
    e.status = "sent";
    e.sent_at = kNow - std::chrono::hours(24 * 5);
    EXPECT_TRUE(store_->LinkHandles({"tel:" + phone}).ok());
    EXPECT_TRUE(store_->PutEstimate(e, nullptr).ok());
    Record(Text(sid, phone, "Any update on the estimate you sent over?"));
    const std::vector<Opportunity> rows = RowsOf("tel:" + phone);
    EXPECT_EQ(rows.size(), 1u);
    EXPECT_EQ(rows.at(0).category, Category::kActiveEstimate);
    return rows.at(0).owner;
  };
  auto busy = [&](const std::string& person, int n) {
    for (int i = 0; i < n; ++i) {
      Opportunity o;
      o.id = "R-busy" + person.substr(0, 1) + std::to_string(i);
      o.contact_key = "tel:+1999" + person.substr(0, 1) + std::to_string(i);
      o.owner = person;
      o.status = OpportunityStatus::kOpen;
      o.category = Category::kActiveEstimate;
      ASSERT_TRUE(store_->PutOpportunity(o).ok());
    }
  };
  busy("Rick Hollis", 3);
  EXPECT_EQ(follow_up("+15125550301", "SM30"), "Priya Shah");
  busy("Priya Shah", 5);
  EXPECT_EQ(follow_up("+15125550302", "SM31"), "Rick Hollis");
}

}  // namespace
}  // namespace ringback
