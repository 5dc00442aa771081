// ImportCsv / ImportFile: tabular exports turned into signals, attempts, estimates and rejects,
// through a recording sink.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstdio>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "core/company_config.h"
#include "core/time.h"
#include "ingest/import_sink.h"
#include "identity/phone.h"
#include "ingest/importer.h"

namespace ringback {
namespace {

using ::testing::HasSubstr;

const std::string kFixtures = std::string(RINGBACK_SOURCE_DIR) + "/tests/fixtures/ingest/";

class RecordingSink : public ImportSink {
 public:
  Status OnSignal(const Signal& s) override {
    signals.push_back(s);
    return Status::Ok();
  }
  Status OnAttempt(const Attempt& a) override {
    attempts.push_back(a);
    return Status::Ok();
  }
  Status OnEstimate(const Estimate& e) override {
    estimates.push_back(e);
    return Status::Ok();
  }
  Status OnReject(const Reject& r) override {
    rejects.push_back(r);
    return Status::Ok();
  }
  std::vector<Signal> signals;
  std::vector<Attempt> attempts;
  std::vector<Estimate> estimates;
  std::vector<Reject> rejects;
};

// A sink whose store has failed: the import must stop and report it.
class FailingSink : public RecordingSink {
 public:
  Status OnSignal(const Signal& s) override {
    (void)RecordingSink::OnSignal(s);  // recorded, then the failure
    return Status::IoError("disk full");
  }
};

CompanyConfig Config() {
  CompanyConfig c;
  c.name = "Summit Ridge Roofing & Air";
  c.time_zone = "America/Chicago";
  c.phone_region = "US";
  return c;
}

Timestamp At(const char* text) {
  auto t = ParseUtc(text);
  EXPECT_TRUE(t.has_value()) << "bad test time " << text;
  return t.value_or(Timestamp{});
}

struct Imported {
  Status status;
  ImportStats stats;
  RecordingSink sink;
};

Imported FromText(const std::string& text, const std::string& name = "export.csv") {
  Imported out;
  std::istringstream in(text);
  out.status = ImportCsv(in, name, Config(), out.sink, &out.stats);
  return out;
}

// A file in a private temporary directory, removed with the fixture.
class TempDir {
 public:
  TempDir() {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    path_ = std::filesystem::temp_directory_path() /
            ("ringback_ingest_" + std::string(info->name()) + "_" + std::to_string(::getpid()));
    std::filesystem::remove_all(path_);
    std::filesystem::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  std::string Write(const std::string& name, const std::string& bytes) const {
    const std::string file = (path_ / name).string();
    std::ofstream(file, std::ios::binary) << bytes;
    return file;
  }
  std::string Path(const std::string& name) const { return (path_ / name).string(); }

 private:
  std::filesystem::path path_;
};

// The survey pass reads every date of the file, past the sampled rows: one day-first date on
// row 900 decides the order of all the ambiguous ones before it.
TEST(ImportCsv, TheWholeFileDecidesTheDateOrder) {
  std::string text = "Received,From,Caller Name,Duration (sec),Transcription\n";
  for (int i = 0; i < 900; ++i) text += "04/11/2026 08:10,(512) 555-0" + std::to_string(100 + i % 800) + ",A,12,hi\n";
  text += "16/11/2026 08:10,(512) 555-0199,B,12,hi\n";
  Imported r = FromText(text, "vm.csv");
  ASSERT_TRUE(r.status.ok()) << r.status.ToString();
  ASSERT_EQ(r.sink.signals.size(), 901u);
  EXPECT_EQ(r.sink.signals.front().received_at, r.sink.signals.back().received_at - std::chrono::days(12));
}

// Phones are parsed ahead on another thread, a few hundred records at a time: every row keeps
// its own phone, order and line, and a bad row is still named by its line, at any position.
TEST(ImportCsv, RowsReadAheadKeepTheirPhonesOrderAndLines) {
  std::string text = "Received,From,Caller Name,Duration (sec),Transcription\n";
  constexpr int kRows = 1300;
  const char* formats[] = {"(%03d) 555-%04d", "+1%03d555%04d", "%03d.555.%04d", "1 %03d 555 %04d"};
  const int kAreas[] = {512, 737, 254, 212, 415};
  for (int i = 0; i < kRows; ++i) {
    char phone[32];
    std::snprintf(phone, sizeof phone, formats[i % 4], kAreas[i % 5], i);
    text += i == 700 ? std::string("not a time") : "2026-11-16 08:" + std::to_string(10 + i % 40);
    text += std::string(",") + phone + ",Caller,12,hi\n";
  }
  Imported r = FromText(text, "vm.csv");
  ASSERT_TRUE(r.status.ok()) << r.status.ToString();
  ASSERT_EQ(r.sink.rejects.size(), 1u);
  EXPECT_EQ(r.sink.rejects[0].line, 702);  // the header is line 1
  ASSERT_EQ(r.sink.signals.size(), static_cast<std::size_t>(kRows - 1));
  for (std::size_t k = 0; k < r.sink.signals.size(); ++k) {
    const Signal& s = r.sink.signals[k];
    EXPECT_EQ(s.phone, ParsePhone(s.phone_raw, "US").e164) << s.phone_raw;
    const int row = static_cast<int>(k) + (k >= 700 ? 1 : 0);
    char digits[16];
    std::snprintf(digits, sizeof digits, "555%04d", row);
    EXPECT_NE(s.phone.find(digits), std::string::npos) << "row " << row << ": " << s.phone_raw;
  }
}

TEST(ImportFile, CallLogFixture) {
  RecordingSink sink;
  ImportStats stats;
  Status s = ImportFile(kFixtures + "calls_small.csv", "calls.csv", Config(), sink, &stats);
  ASSERT_TRUE(s.ok()) << s.ToString();
  EXPECT_EQ(stats.format, "csv");
  EXPECT_EQ(stats.kind, "call log");
  EXPECT_EQ(stats.records, 6);
  EXPECT_EQ(stats.signals, 3);
  EXPECT_EQ(stats.attempts, 1);
  EXPECT_EQ(stats.rejects, 2);
  EXPECT_EQ(stats.estimates, 0);

  ASSERT_EQ(sink.signals.size(), 3u);
  const Signal& missed = sink.signals[0];
  EXPECT_EQ(missed.channel, Channel::kCall);
  EXPECT_EQ(missed.received_at, At("2026-11-16T14:03:00Z"));
  EXPECT_EQ(missed.phone, "+15125550178");
  EXPECT_EQ(missed.phone_raw, "(512) 555-0178");
  EXPECT_EQ(missed.name, "MITCHELL DWAYNE");
  EXPECT_EQ(missed.duration_seconds, 36);
  EXPECT_FALSE(missed.answered) << "a call that went to voicemail was not answered";
  EXPECT_EQ(missed.source.file, "calls.csv");
  EXPECT_EQ(missed.source.line, 2);
  EXPECT_EQ(missed.id.size(), 16u);

  const Signal& answered = sink.signals[1];
  EXPECT_TRUE(answered.answered);
  EXPECT_EQ(answered.phone, "+15125550162");
  EXPECT_EQ(answered.duration_seconds, 214);
  EXPECT_EQ(answered.source.line, 3);

  EXPECT_EQ(sink.signals[2].phone, "+15125550144");
  EXPECT_FALSE(sink.signals[2].answered);
  EXPECT_EQ(sink.signals[2].source.line, 7) << "good rows after rejects still import";

  ASSERT_EQ(sink.attempts.size(), 1u);
  const Attempt& callback = sink.attempts[0];
  EXPECT_EQ(callback.channel, Channel::kCall);
  EXPECT_EQ(callback.phone, "+15125550178") << "an outbound call reaches the number it dialled";
  EXPECT_EQ(callback.at, At("2026-11-16T15:10:00Z"));
  EXPECT_EQ(callback.actor, "Dana Brooks");
  EXPECT_EQ(callback.duration_seconds, 95);
  EXPECT_EQ(callback.source.line, 4);

  ASSERT_EQ(sink.rejects.size(), 2u);
  EXPECT_EQ(sink.rejects[0].file, "calls.csv");
  EXPECT_EQ(sink.rejects[0].line, 5);
  EXPECT_EQ(sink.rejects[0].field, "time");
  EXPECT_THAT(sink.rejects[0].reason, HasSubstr("13/45/2026 25:99"));
  EXPECT_EQ(sink.rejects[1].file, "calls.csv");
  EXPECT_EQ(sink.rejects[1].line, 6);
  EXPECT_EQ(sink.rejects[1].field, "phone");
  EXPECT_THAT(sink.rejects[1].reason, HasSubstr("Anonymous"));
}

TEST(ImportFile, SameContentGivesTheSameIdsTwice) {
  RecordingSink a, b;
  ASSERT_TRUE(ImportFile(kFixtures + "calls_small.csv", "calls.csv", Config(), a, nullptr).ok());
  ASSERT_TRUE(ImportFile(kFixtures + "calls_small.csv", "calls-again.csv", Config(), b, nullptr).ok());
  ASSERT_EQ(a.signals.size(), b.signals.size());
  std::set<std::string> ids;
  for (std::size_t i = 0; i < a.signals.size(); ++i) {
    EXPECT_EQ(a.signals[i].id, b.signals[i].id);
    ids.insert(a.signals[i].id);
  }
  EXPECT_EQ(ids.size(), a.signals.size()) << "different rows get different ids";
  ASSERT_EQ(a.attempts.size(), 1u);
  ASSERT_EQ(b.attempts.size(), 1u);
  EXPECT_EQ(a.attempts[0].id, b.attempts[0].id);
}

// Imports one inbound call with `result` and says whether it counted as answered live.
bool AnsweredFor(const std::string& result) {
  Imported r = FromText("Start Time,Direction,From,Result\n11/16/2026 08:03 AM,Inbound,(512) 555-0178," + result + "\n");
  EXPECT_TRUE(r.status.ok());
  EXPECT_EQ(r.sink.signals.size(), 1u) << result;
  return !r.sink.signals.empty() && r.sink.signals[0].answered;
}

TEST(ImportCsv, AnsweredFlagFollowsTheCallResult) {
  for (const char* answered : {"Answered", "answered", "Completed", "Connected", "Accepted", "Call Answered"}) {
    EXPECT_TRUE(AnsweredFor(answered)) << answered;
  }
  for (const char* missed : {"Missed", "Voicemail", "No Answer", "Unanswered", "Abandoned", "Busy",
                             "Hang Up", "Hung up", "", "Declined"}) {
    EXPECT_FALSE(AnsweredFor(missed)) << '"' << missed << '"';
  }
}

// BUG: csv_importer.cc IsAnswered checks for "no answer" and "unanswered" but not "not answered",
// and then finds "answer" in "Not Answered", so such a missed call is marked answered live and
// drops out of the callback queue. Expected answered == false; actual true.
TEST(ImportCsv, NotAnsweredIsAMissedCall) {
  EXPECT_FALSE(AnsweredFor("Not Answered"));
  EXPECT_FALSE(AnsweredFor("Call not answered"));
}

TEST(ImportCsv, OverlappingExportsShareTheIdsOfTheRowsTheyShare) {
  const std::string header = "Start Time,Direction,From,Caller Name,To,Result,Duration (sec),Agent\n";
  const std::string row1 = "11/16/2026 08:03 AM,Inbound,(512) 555-0178,MITCHELL DWAYNE,(512) 555-0100,Missed,0,\n";
  const std::string row2 = "11/17/2026 09:15 AM,Inbound,(512) 555-0163,AMES RUSSELL,(512) 555-0100,Missed,0,\n";
  const std::string row3 = "11/18/2026 10:20 AM,Inbound,(512) 555-0164,,(512) 555-0100,Missed,0,\n";
  Imported week1 = FromText(header + row1 + row2, "week1.csv");
  Imported week2 = FromText(header + row3 + row2, "week2.csv");
  ASSERT_TRUE(week1.status.ok());
  ASSERT_TRUE(week2.status.ok());
  ASSERT_EQ(week1.sink.signals.size(), 2u);
  ASSERT_EQ(week2.sink.signals.size(), 2u);
  EXPECT_EQ(week1.sink.signals[1].id, week2.sink.signals[1].id);
  EXPECT_NE(week1.sink.signals[0].id, week2.sink.signals[0].id);
}

TEST(ImportCsv, VoicemailTranscripts) {
  Imported r = FromText(
      "Received,From,Caller Name,Duration (sec),Transcription\n"
      "2026-11-16 08:05,+15125550178,MITCHELL DWAYNE,12,\"hi this is dwayne, call me back at 512 555 0178\"\n",
      "voicemails.csv");
  ASSERT_TRUE(r.status.ok()) << r.status.ToString();
  EXPECT_EQ(r.stats.kind, "voicemail transcripts");
  ASSERT_EQ(r.sink.signals.size(), 1u);
  const Signal& s = r.sink.signals[0];
  EXPECT_EQ(s.channel, Channel::kVoicemail);
  EXPECT_EQ(s.received_at, At("2026-11-16T14:05:00Z"));
  EXPECT_EQ(s.phone, "+15125550178");
  EXPECT_EQ(s.name, "MITCHELL DWAYNE");
  EXPECT_EQ(s.duration_seconds, 12);
  EXPECT_EQ(s.text, "hi this is dwayne, call me back at 512 555 0178");
}

TEST(ImportCsv, WebForms) {
  Imported r = FromText(
      "Entry Id,Entry Date,Name (First),Name (Last),Phone,Email,Service,Street Address,Message\n"
      "2319,2026-11-16 12:03:44,Glenn,Harper,512-555-0176,Glenn.Harper@Example.com,Roof Repair,"
      "\"5308 Whitetail Run, Buda, TX 78610\",Drip edge is coming loose over the garage.\n"
      "2320,2026-11-16 12:10:00,Dale,Kessler,,dale@example.net,Other,,Do you service Temple?\n",
      "web-forms.csv");
  ASSERT_TRUE(r.status.ok()) << r.status.ToString();
  EXPECT_EQ(r.stats.kind, "web forms");
  ASSERT_EQ(r.sink.signals.size(), 2u);
  const Signal& s = r.sink.signals[0];
  EXPECT_EQ(s.channel, Channel::kForm);
  EXPECT_EQ(s.received_at, At("2026-11-16T18:03:44Z"));
  EXPECT_EQ(s.name, "Glenn Harper");
  EXPECT_EQ(s.phone, "+15125550176");
  EXPECT_EQ(s.email, "glenn.harper@example.com");
  EXPECT_EQ(s.subject, "Roof Repair");
  EXPECT_EQ(s.text, "Drip edge is coming loose over the garage.");
  const Signal& email_only = r.sink.signals[1];
  EXPECT_EQ(email_only.phone, "");
  EXPECT_EQ(email_only.email, "dale@example.net");
  EXPECT_EQ(email_only.name, "Dale Kessler");
}

TEST(ImportCsv, TwoSubmissionsWithTheSameWordsAreTwoSignals) {
  Imported r = FromText(
      "Entry Id,Entry Date,Name (First),Name (Last),Phone,Email,Service,Street Address,Message\n"
      "2401,2026-11-16 12:03:44,Jane,Doe,512-555-0142,,Other,,Leak\n"
      "2402,2026-11-16 12:03:44,Jane,Doe,512-555-0142,,Other,,Leak\n");
  ASSERT_TRUE(r.status.ok());
  ASSERT_EQ(r.sink.signals.size(), 2u);
  EXPECT_NE(r.sink.signals[0].id, r.sink.signals[1].id) << "the form's own entry ids differ";
}

TEST(ImportCsv, FormRowWithNoWayToCallBackIsRejected) {
  Imported r = FromText(
      "Entry Id,Entry Date,Name (First),Name (Last),Phone,Email,Service,Street Address,Message\n"
      "2401,2026-11-16 12:03:44,Jane,Doe,,,Other,,Please call\n"
      "2402,2026-11-16 12:05:00,Jane,Doe,512-555-0142,,Other,,Please call\n",
      "forms.csv");
  ASSERT_TRUE(r.status.ok());
  ASSERT_EQ(r.sink.rejects.size(), 1u);
  EXPECT_EQ(r.sink.rejects[0].file, "forms.csv");
  EXPECT_EQ(r.sink.rejects[0].line, 2);
  EXPECT_EQ(r.sink.rejects[0].field, "phone");
  ASSERT_EQ(r.sink.signals.size(), 1u);
  EXPECT_EQ(r.sink.signals[0].source.line, 3);
}

TEST(ImportCsv, InvalidNumberWithDigitsIsKeptRaw) {
  Imported r = FromText(
      "Received,From,Caller Name,Duration (sec),Transcription\n"
      "2026-11-16 08:05,+1 (555) 123-4567,SOMEONE,12,please call back\n");
  ASSERT_TRUE(r.status.ok());
  ASSERT_EQ(r.sink.signals.size(), 1u);
  EXPECT_EQ(r.sink.signals[0].phone, "");
  EXPECT_EQ(r.sink.signals[0].phone_raw, "+1 (555) 123-4567");
}

TEST(ImportCsv, TwilioTextMessagesInboundAndOutbound) {
  Imported r = FromText(
      "From,To,Body,Status,SentDate,Direction,Sid\n"
      "+17375550135,+15125550100,Hi do you work in Kyle/Buda?,received,2026-11-22T19:40:09Z,inbound,"
      "SM93121f5e6d3ecf0ead67c07510ef2d69\n"
      "+15125550100,+17375550135,\"Yes, 8 to noon. - Tom\",delivered,2026-11-22T20:05:40Z,outbound-reply,"
      "SM2f3eae057499b1787c6f4fdeef40626e\n"
      "+15125550100,+17375550135,Reminder,delivered,2026-11-22T21:00:00Z,outbound-api,"
      "SM0000000000000000000000000000000a\n",
      "sms.csv");
  ASSERT_TRUE(r.status.ok()) << r.status.ToString();
  EXPECT_EQ(r.stats.kind, "text messages");
  ASSERT_EQ(r.sink.signals.size(), 1u);
  const Signal& in = r.sink.signals[0];
  EXPECT_EQ(in.channel, Channel::kSms);
  EXPECT_EQ(in.phone, "+17375550135");
  EXPECT_EQ(in.text, "Hi do you work in Kyle/Buda?");
  EXPECT_EQ(in.received_at, At("2026-11-22T19:40:09Z"));
  ASSERT_EQ(r.sink.attempts.size(), 2u);
  for (const Attempt& a : r.sink.attempts) {
    EXPECT_EQ(a.channel, Channel::kSms);
    EXPECT_EQ(a.phone, "+17375550135") << "a text out reaches its To number";
  }
  EXPECT_EQ(r.sink.attempts[0].at, At("2026-11-22T20:05:40Z"));
  EXPECT_NE(r.sink.attempts[0].id, r.sink.attempts[1].id);
}

TEST(ImportCsv, Estimates) {
  Imported r = FromText(
      "Quote #,Client name,Client phone,Client email,Salesperson,Service,Status,Total ($),Sent date\n"
      "3930,Russell Ames,512-555-0163,Russell.Ames@example.com,Rick Hollis,Roof Repair,Awaiting response,"
      "\"1,850.00\",2026-11-13\n"
      "3925,Beverly Tran,(512) 555-0123,,Priya Shah,Heat Pump Replacement,Declined,$12480.5,2026-11-12\n"
      "3926,No Contact,,,Priya Shah,Heat Pump,Sent,100,2026-11-12\n",
      "estimates.csv");
  ASSERT_TRUE(r.status.ok()) << r.status.ToString();
  EXPECT_EQ(r.stats.kind, "estimates");
  ASSERT_EQ(r.sink.estimates.size(), 2u);
  const Estimate& e = r.sink.estimates[0];
  EXPECT_EQ(e.number, "3930");
  EXPECT_EQ(e.name, "Russell Ames");
  EXPECT_EQ(e.phone, "+15125550163");
  EXPECT_EQ(e.email, "russell.ames@example.com");
  EXPECT_EQ(e.estimator, "Rick Hollis");
  EXPECT_EQ(e.trade, "Roof Repair");
  EXPECT_EQ(e.status, "awaiting response");
  EXPECT_EQ(e.total_cents, 185000);
  EXPECT_EQ(e.sent_at, At("2026-11-13T06:00:00Z"));
  EXPECT_EQ(e.source.line, 2);
  EXPECT_EQ(r.sink.estimates[1].total_cents, 1248050);
  EXPECT_EQ(r.sink.estimates[1].status, "declined");
  ASSERT_EQ(r.sink.rejects.size(), 1u);
  EXPECT_EQ(r.sink.rejects[0].line, 4);
  EXPECT_EQ(r.sink.rejects[0].field, "phone");
  EXPECT_TRUE(r.sink.signals.empty());
}

TEST(ImportCsv, SeparateDateAndTimeColumnsAreCombined) {
  Imported r = FromText(
      "Date,Time,Caller ID,Call Duration,Disposition\n"
      "11/16/2026,07:42 AM,512-555-0142,1:35,No Answer\n");
  ASSERT_TRUE(r.status.ok()) << r.status.ToString();
  ASSERT_EQ(r.sink.signals.size(), 1u) << (r.sink.rejects.empty() ? "" : r.sink.rejects[0].reason);
  EXPECT_EQ(r.sink.signals[0].received_at, At("2026-11-16T13:42:00Z"));
  EXPECT_EQ(r.sink.signals[0].duration_seconds, 95);
  EXPECT_FALSE(r.sink.signals[0].answered);
}

TEST(ImportCsv, BlankLinesAreSkippedNotRejected) {
  Imported r = FromText(
      "Received,From,Caller Name,Duration (sec),Transcription\n"
      "\n"
      "2026-11-16 08:05,+15125550178,A,12,one\n"
      "\n"
      "2026-11-16 09:05,+15125550179,B,12,two\n");
  ASSERT_TRUE(r.status.ok());
  EXPECT_TRUE(r.sink.rejects.empty());
  ASSERT_EQ(r.sink.signals.size(), 2u);
  EXPECT_EQ(r.sink.signals[0].source.line, 3);
  EXPECT_EQ(r.sink.signals[1].source.line, 5);
}

// BUG: csv_importer.cc skips a blank line only when it has a single empty field; the rows of
// bare delimiters that Excel leaves after the data (",,,,") are each reported as a reject
// ("time: no date"), inflating "rows could not be imported" with rows that hold nothing.
// Expected: no rejects, 1 signal. Actual: one reject per empty row.
TEST(ImportCsv, RowsOfOnlyDelimitersAreSkippedLikeBlankLines) {
  Imported r = FromText(
      "Received,From,Caller Name,Duration (sec),Transcription\n"
      "2026-11-16 08:05,+15125550178,A,12,one\n"
      ",,,,\n"
      " , , , ,\n");
  ASSERT_TRUE(r.status.ok());
  EXPECT_EQ(r.sink.signals.size(), 1u);
  EXPECT_TRUE(r.sink.rejects.empty()) << r.sink.rejects.size() << " rejects, first: "
                                      << (r.sink.rejects.empty() ? "" : r.sink.rejects[0].reason);
}

TEST(ImportCsv, MalformedRecordIsARejectAndTheRestImports) {
  Imported r = FromText(
      "Received,From,Caller Name,Duration (sec),Transcription\n"
      "2026-11-16 08:05,+15125550178,A,12,\"never closed\n"
      "2026-11-16 09:05,+15125550179,B,12,two\n"
      "2026-11-16 10:05,+15125550180,C,12,three\n",
      "vm.csv");
  ASSERT_TRUE(r.status.ok()) << r.status.ToString();
  ASSERT_EQ(r.sink.rejects.size(), 1u);
  EXPECT_EQ(r.sink.rejects[0].file, "vm.csv");
  EXPECT_EQ(r.sink.rejects[0].line, 2);
  EXPECT_FALSE(r.sink.rejects[0].reason.empty());
  ASSERT_EQ(r.sink.signals.size(), 2u);
  EXPECT_EQ(r.sink.signals[0].source.line, 3);
  EXPECT_EQ(r.sink.signals[1].source.line, 4);
}

TEST(ImportCsv, HeaderOnlyIsAnEmptyImportNotAnError) {
  Imported r = FromText("Received,From,Caller Name,Duration (sec),Transcription\n");
  EXPECT_TRUE(r.status.ok()) << r.status.ToString();
  EXPECT_EQ(r.stats.records, 0);
  EXPECT_TRUE(r.sink.signals.empty());
}

TEST(ImportCsv, EmptyStreamIsAnError) {
  Imported r = FromText("", "calls.csv");
  EXPECT_FALSE(r.status.ok());
  EXPECT_THAT(r.status.message(), HasSubstr("calls.csv"));
}

TEST(ImportCsv, UnrecognisedColumnsAreAnErrorNamingTheFile) {
  Imported r = FromText("Product,Quantity,Color\nwidget,2,red\n", "inventory.csv");
  EXPECT_FALSE(r.status.ok());
  EXPECT_EQ(r.status.code(), Status::Code::kInvalidArgument);
  EXPECT_THAT(r.status.message(), HasSubstr("inventory.csv:1"));
  EXPECT_THAT(r.status.message(), HasSubstr("not recognised"));
  EXPECT_TRUE(r.sink.signals.empty());
  EXPECT_TRUE(r.sink.rejects.empty());
}

TEST(ImportCsv, SinkFailureStopsTheImportAndIsReturned) {
  const std::string text =
      "Received,From,Caller Name,Duration (sec),Transcription\n"
      "2026-11-16 08:05,+15125550178,A,12,one\n"
      "2026-11-16 09:05,+15125550179,B,12,two\n";
  std::istringstream in(text);
  FailingSink sink;
  Status s = ImportCsv(in, "vm.csv", Config(), sink, nullptr);
  EXPECT_FALSE(s.ok());
  EXPECT_THAT(s.message(), HasSubstr("disk full"));
  EXPECT_EQ(sink.signals.size(), 1u) << "nothing is delivered after the sink failed";
}

TEST(ImportFile, EmptyFileIsAClearError) {
  TempDir dir;
  RecordingSink sink;
  Status s = ImportFile(dir.Write("empty.csv", ""), "empty.csv", Config(), sink, nullptr);
  EXPECT_FALSE(s.ok());
  EXPECT_THAT(s.message(), HasSubstr("empty.csv"));
  EXPECT_THAT(s.message(), HasSubstr("empty"));
}

TEST(ImportFile, XlsxWorkbookIsAClearError) {
  TempDir dir;
  RecordingSink sink;
  std::string xlsx("PK\x03\x04\x14\x00\x06\x00", 8);
  xlsx += "[Content_Types].xml";
  Status s = ImportFile(dir.Write("calls.xlsx", xlsx), "calls.xlsx", Config(), sink, nullptr);
  EXPECT_FALSE(s.ok());
  EXPECT_THAT(s.message(), HasSubstr("calls.xlsx"));
  EXPECT_THAT(s.message(), HasSubstr("XLSX"));
  EXPECT_THAT(s.message(), HasSubstr("CSV"));
  EXPECT_TRUE(sink.rejects.empty());
}

// UTF-16 was refused before; it is read now (Excel's "Unicode text" and old Gravity Forms
// exports are UTF-16).
TEST(ImportFile, Utf16TextIsRead) {
  TempDir dir;
  RecordingSink sink;
  ImportStats stats;
  const std::string text = "Received,From,Transcription\n2026-11-16 08:05,+15125550178,call me\n";
  std::string utf16 = "\xFF\xFE";
  for (char c : text) utf16 += std::string(1, c) + std::string(1, '\0');
  Status s = ImportFile(dir.Write("calls.csv", utf16), "calls.csv", Config(), sink, &stats);
  ASSERT_TRUE(s.ok()) << s.ToString();
  EXPECT_EQ(stats.encoding, "utf-16le (BOM)");
  ASSERT_EQ(sink.signals.size(), 1u);
  EXPECT_EQ(sink.signals[0].text, "call me");
}

TEST(ImportFile, MissingFileIsAnIoError) {
  TempDir dir;
  RecordingSink sink;
  Status s = ImportFile(dir.Path("nope.csv"), "nope.csv", Config(), sink, nullptr);
  EXPECT_FALSE(s.ok());
  EXPECT_EQ(s.code(), Status::Code::kIoError);
  EXPECT_THAT(s.message(), HasSubstr("nope.csv"));
}

TEST(ImportFile, FormatIsRecognisedByContentNotName) {
  TempDir dir;
  RecordingSink sink;
  ImportStats stats;
  const std::string path = dir.Write(
      "export.txt", "Received,From,Caller Name,Duration (sec),Transcription\n2026-11-16 08:05,+15125550178,A,12,one\n");
  ASSERT_TRUE(ImportFile(path, "export.txt", Config(), sink, &stats).ok());
  EXPECT_EQ(stats.format, "csv");
  EXPECT_EQ(stats.kind, "voicemail transcripts");
  EXPECT_EQ(sink.signals.size(), 1u);
}

TEST(ImportFile, CsvWithByteOrderMarkAndCrlf) {
  TempDir dir;
  RecordingSink sink;
  ImportStats stats;
  const std::string path = dir.Write(
      "vm.csv",
      "\xEF\xBB\xBFReceived,From,Caller Name,Duration (sec),Transcription\r\n"
      "2026-11-16 08:05,+15125550178,A,12,one\r\n2026-11-16 09:05,+15125550179,B,12,two\r\n");
  Status s = ImportFile(path, "vm.csv", Config(), sink, &stats);
  ASSERT_TRUE(s.ok()) << s.ToString();
  EXPECT_EQ(stats.kind, "voicemail transcripts");
  ASSERT_EQ(sink.signals.size(), 2u);
  EXPECT_EQ(sink.signals[1].text, "two");
  EXPECT_EQ(sink.signals[1].source.line, 3);
}

// BUG: importer.cc ImportFile treats any file starting with "From " as an mbox, so a call log
// whose header row starts with the recognised column "From Number" (column_map.cc lists
// "from number" as a kFrom synonym) is handed to GMime. Expected: imported as a CSV call log
// with one signal. Actual: error "calls.csv:1: not a readable mail message". The mbox check
// could require the mbox separator shape ("From <addr> <date>", no comma in the line).
TEST(ImportFile, CsvWhoseFirstHeaderIsFromNumberIsStillACsv) {
  // "From Number" is a recognised caller column; a header row starting with it must not be
  // mistaken for an mbox "From " separator line.
  TempDir dir;
  RecordingSink sink;
  ImportStats stats;
  const std::string path = dir.Write(
      "calls.csv",
      "From Number,Start Time,Result,Duration\n(512) 555-0142,11/16/2026 07:42 AM,Missed,0\n");
  Status s = ImportFile(path, "calls.csv", Config(), sink, &stats);
  ASSERT_TRUE(s.ok()) << s.ToString();
  EXPECT_EQ(stats.format, "csv");
  ASSERT_EQ(sink.signals.size(), 1u);
  EXPECT_EQ(sink.signals[0].phone, "+15125550142");
}

TEST(StableId, SixteenHexDigitsDependingOnKindAndContent) {
  const std::string id = StableId("call log", "row");
  ASSERT_EQ(id.size(), 16u);
  EXPECT_EQ(id.find_first_not_of("0123456789abcdef"), std::string::npos);
  EXPECT_EQ(StableId("call log", "row"), id);
  EXPECT_NE(StableId("call log", "row2"), id);
  EXPECT_NE(StableId("web forms", "row"), id);
  EXPECT_NE(StableId("ab", "c"), StableId("a", "bc")) << "kind and content must not run together";
}

}  // namespace
}  // namespace ringback
