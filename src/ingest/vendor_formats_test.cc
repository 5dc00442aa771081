// One fixture per vendor export (tests/fixtures/ingest/, headers as the vendor writes them; see
// column_map.cc for what each header set is based on): the export is recognised by name, its
// columns mean what the vendor means, and outbound rows become attempts.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <set>

#include "ingest/importer.h"
#include "ingest/test_support.h"

namespace ringback {
namespace {

using ::testing::HasSubstr;
using namespace ::ringback::testing;

struct Imported {
  Status status;
  ImportStats stats;
  RecordingSink sink;
};

Imported Import(const std::string& fixture, const ImportOptions& options = {}) {
  Imported out;
  out.status = ImportFile(kIngestFixtures + fixture, fixture, TestCompany(), options, out.sink, &out.stats);
  return out;
}

std::string MappedField(const ImportStats& stats, const std::string& header) {
  if (stats.tables.empty() || !stats.tables[0].map) return "(no map)";
  const TableReport& t = stats.tables[0];
  for (std::size_t i = 0; i < t.header.size(); ++i)
    if (t.header[i] == header) {
      auto f = t.map->FieldOf(static_cast<int>(i));
      return f ? std::string(FieldName(*f)) : "";
    }
  return "(no such header)";
}

TEST(CallRail, CallLogCustomerNumberIsTheContactBothWays) {
  Imported r = Import("callrail_calls.csv");
  ASSERT_TRUE(r.status.ok()) << r.status.ToString();
  EXPECT_EQ(r.stats.source, "CallRail call log");
  EXPECT_EQ(r.stats.kind, "call log");
  EXPECT_EQ(MappedField(r.stats, "Customer Phone Number"), "phone");
  // The tracking number is the business's own line: read as the number called (it tells a
  // Business Profile lead by its tracking number), never as the contact.
  EXPECT_EQ(MappedField(r.stats, "Tracking Number"), "to");
  EXPECT_EQ(MappedField(r.stats, "Call Status"), "result");
  ASSERT_EQ(r.sink.signals.size(), 3u);
  const Signal& missed = r.sink.signals[0];
  EXPECT_EQ(missed.phone, "+15125550178");
  EXPECT_EQ(missed.name, "Dwayne Mitchell");
  EXPECT_EQ(missed.received_at, Utc("2026-11-16T14:03:00Z"));
  EXPECT_FALSE(missed.answered);
  EXPECT_TRUE(r.sink.signals[1].answered) << "\"Answered Call\"";
  EXPECT_EQ(r.sink.signals[1].duration_seconds, 214);
  EXPECT_FALSE(r.sink.signals[2].answered) << "\"Voicemail\"";
  ASSERT_EQ(r.sink.attempts.size(), 1u);
  EXPECT_EQ(r.sink.attempts[0].phone, "+15125550178") << "the callback reached the customer, not the tracking line";
  EXPECT_EQ(r.sink.attempts[0].actor, "Dana Brooks");
  EXPECT_EQ(r.sink.attempts[0].at, Utc("2026-11-16T15:10:00Z"));
  ASSERT_EQ(r.sink.rejects.size(), 1u);
  EXPECT_EQ(r.sink.rejects[0].line, 6);
  EXPECT_EQ(r.sink.rejects[0].field, "phone");
}

TEST(Twilio, CallLogSkipsForwardedLegsAndKeepsCallbacks) {
  Imported r = Import("twilio_calls.csv");
  ASSERT_TRUE(r.status.ok()) << r.status.ToString();
  EXPECT_EQ(r.stats.source, "Twilio call log");
  EXPECT_EQ(r.stats.skipped, 1) << "the outbound-dial leg with a Parent Call Sid is the same call";
  ASSERT_EQ(r.sink.signals.size(), 3u);
  EXPECT_EQ(r.sink.signals[0].phone, "+15125550178");
  EXPECT_EQ(r.sink.signals[0].name, "MITCHELL DWAYNE");
  EXPECT_EQ(r.sink.signals[0].received_at, Utc("2026-11-16T14:03:00Z"));
  EXPECT_FALSE(r.sink.signals[0].answered) << "no-answer";
  EXPECT_TRUE(r.sink.signals[1].answered) << "completed";
  EXPECT_FALSE(r.sink.signals[2].answered) << "busy";
  ASSERT_EQ(r.sink.attempts.size(), 1u);
  EXPECT_EQ(r.sink.attempts[0].phone, "+15125550178");
  EXPECT_EQ(r.sink.attempts[0].duration_seconds, 95);
  EXPECT_TRUE(r.sink.rejects.empty());
  EXPECT_THAT(r.stats.notes, ::testing::Contains(HasSubstr("forwarded call leg")));
}

TEST(Twilio, CallsApiJsonIsReadLikeTheCsv) {
  Imported json = Import("twilio_calls.json");
  ASSERT_TRUE(json.status.ok()) << json.status.ToString();
  EXPECT_EQ(json.stats.format, "json");
  EXPECT_EQ(json.stats.source, "Twilio call log");
  ASSERT_EQ(json.sink.signals.size(), 1u);
  ASSERT_EQ(json.sink.attempts.size(), 1u);
  EXPECT_EQ(json.sink.signals[0].source.line, 3) << "the line where the record's object starts";
  EXPECT_EQ(json.sink.attempts[0].source.line, 20);
  Imported csv = Import("twilio_calls.csv");
  ASSERT_FALSE(csv.sink.signals.empty());
  EXPECT_EQ(json.sink.signals[0].id, csv.sink.signals[0].id) << "same Call Sid, same row identity";
  EXPECT_EQ(json.sink.signals[0].received_at, csv.sink.signals[0].received_at);
}

TEST(Twilio, MessageLogInboundAreSignalsOutboundAreAttempts) {
  Imported r = Import("twilio_messages.csv");
  ASSERT_TRUE(r.status.ok()) << r.status.ToString();
  EXPECT_EQ(r.stats.source, "Twilio message log");
  EXPECT_EQ(r.stats.kind, "text messages");
  ASSERT_EQ(r.sink.signals.size(), 2u);
  EXPECT_EQ(r.sink.signals[0].channel, Channel::kSms);
  EXPECT_EQ(r.sink.signals[0].phone, "+17375550135");
  EXPECT_THAT(r.sink.signals[0].text, HasSubstr("Water is coming through the ceiling"));
  EXPECT_EQ(r.sink.signals[1].text, "STOP");
  ASSERT_EQ(r.sink.attempts.size(), 2u);
  EXPECT_EQ(r.sink.attempts[0].phone, "+17375550135");
  EXPECT_EQ(r.sink.attempts[0].at, Utc("2026-11-22T20:05:40Z"));
  EXPECT_EQ(r.sink.attempts[1].phone, "+15125550196");
}

TEST(Twilio, BulkExportJsonLinesStreamAndRejectABrokenLine) {
  Imported r = Import("twilio_messages_bulkexport.jsonl");
  ASSERT_TRUE(r.status.ok()) << r.status.ToString();
  EXPECT_EQ(r.stats.format, "jsonl");
  EXPECT_EQ(r.stats.source, "Twilio message log");
  EXPECT_EQ(MappedField(r.stats, "date_sent"), "time");
  ASSERT_EQ(r.sink.signals.size(), 3u);
  EXPECT_EQ(r.sink.signals[0].source.line, 1);
  EXPECT_EQ(r.sink.signals[0].received_at, Utc("2026-11-22T19:40:09Z"));
  EXPECT_EQ(r.sink.signals[1].source.line, 3);
  EXPECT_EQ(r.sink.signals[2].source.line, 5) << "the row after the broken line still imports";
  ASSERT_EQ(r.sink.attempts.size(), 1u);
  ASSERT_EQ(r.sink.rejects.size(), 1u);
  EXPECT_EQ(r.sink.rejects[0].line, 4);
  EXPECT_THAT(r.sink.rejects[0].reason, HasSubstr("not valid JSON"));
  // The console CSV and the BulkExport hold the same message under the same Sid.
  Imported csv = Import("twilio_messages.csv");
  ASSERT_FALSE(csv.sink.signals.empty());
  EXPECT_EQ(r.sink.signals[0].id, csv.sink.signals[0].id);
}

TEST(RingCentral, CallLogWithSeparateDateAndTime) {
  Imported r = Import("ringcentral_calls.csv");
  ASSERT_TRUE(r.status.ok()) << r.status.ToString();
  EXPECT_EQ(r.stats.source, "RingCentral call log");
  EXPECT_EQ(MappedField(r.stats, "Action Result"), "result");
  EXPECT_EQ(MappedField(r.stats, "Call Length"), "duration");
  EXPECT_EQ(MappedField(r.stats, "Time"), "clock");
  ASSERT_EQ(r.sink.signals.size(), 3u);
  EXPECT_EQ(r.sink.signals[0].received_at, Utc("2026-11-16T14:03:00Z"));
  EXPECT_FALSE(r.sink.signals[0].answered) << "Missed";
  EXPECT_TRUE(r.sink.signals[1].answered) << "Accepted";
  EXPECT_EQ(r.sink.signals[1].duration_seconds, 214) << "0:03:34";
  EXPECT_FALSE(r.sink.signals[2].answered) << "Voicemail";
  ASSERT_EQ(r.sink.attempts.size(), 1u);
  EXPECT_EQ(r.sink.attempts[0].phone, "+15125550178");
  EXPECT_EQ(r.sink.attempts[0].duration_seconds, 95);
  ASSERT_EQ(r.sink.rejects.size(), 1u);
  EXPECT_EQ(r.sink.rejects[0].line, 6);
  EXPECT_EQ(r.sink.rejects[0].field, "time");
  EXPECT_THAT(r.sink.rejects[0].reason, HasSubstr("10:61 AM"));
}

TEST(WebForms, GravityFormsUtf16Export) {
  Imported r = Import("gravityforms_entries.csv");
  ASSERT_TRUE(r.status.ok()) << r.status.ToString();
  EXPECT_EQ(r.stats.source, "Gravity Forms entries");
  EXPECT_EQ(r.stats.encoding, "utf-16le (BOM)");
  ASSERT_EQ(r.sink.signals.size(), 2u);
  const Signal& s = r.sink.signals[0];
  EXPECT_EQ(s.channel, Channel::kForm);
  EXPECT_EQ(s.name, "Jos\xC3\xA9 N\xC3\xBA\xC3\xB1" "ez");
  EXPECT_EQ(s.phone, "+15125550171");
  EXPECT_EQ(s.email, "jose.nunez@example.com");
  EXPECT_EQ(s.subject, "Roof Repair");
  EXPECT_EQ(s.text, "Shingles blew off in Tuesday\xE2\x80\x99s storm \xE2\x80\x93 tarp is up");
  EXPECT_EQ(s.received_at, Utc("2026-11-17T14:15:02Z"));
  EXPECT_EQ(r.sink.signals[1].name, "Zo\xC3\xAB Park");
}

TEST(WebForms, WpFormsEntries) {
  Imported r = Import("wpforms_entries.csv");
  ASSERT_TRUE(r.status.ok()) << r.status.ToString();
  EXPECT_EQ(r.stats.source, "WPForms entries");
  EXPECT_EQ(MappedField(r.stats, "Comment or Message"), "text");
  EXPECT_EQ(MappedField(r.stats, "Entry ID"), "number");
  ASSERT_EQ(r.sink.signals.size(), 2u);
  EXPECT_EQ(r.sink.signals[0].name, "Dale Kessler");
  EXPECT_EQ(r.sink.signals[0].phone, "+12545550183");
  EXPECT_EQ(r.sink.signals[0].text, "Do you service the Temple / Belton area?");
  EXPECT_EQ(r.sink.signals[0].received_at, Utc("2026-11-16T15:40:00Z"));
  EXPECT_EQ(r.sink.signals[1].subject, "Roof Repair");
  ASSERT_EQ(r.sink.rejects.size(), 1u);
  EXPECT_EQ(r.sink.rejects[0].line, 4);
  EXPECT_EQ(r.sink.rejects[0].field, "phone");
}

TEST(WebForms, ContactForm7FlamingoExport) {
  Imported r = Import("flamingo_inbound.csv");
  ASSERT_TRUE(r.status.ok()) << r.status.ToString();
  EXPECT_EQ(r.stats.source, "Contact Form 7 (Flamingo) messages");
  EXPECT_EQ(MappedField(r.stats, "your-message"), "text");
  ASSERT_EQ(r.sink.signals.size(), 2u);
  EXPECT_EQ(r.sink.signals[0].email, "dale@example.net");
  EXPECT_EQ(r.sink.signals[0].subject, "Service area");
  EXPECT_EQ(r.sink.signals[0].received_at, Utc("2026-11-16T15:40:12Z"));
  EXPECT_EQ(r.sink.signals[1].phone, "+15125550176");
  EXPECT_EQ(r.sink.signals[1].source.line, 3) << "CRLF rows, no newline at the end";
}

TEST(Estimates, JobberQuotesReportWithTitleLines) {
  Imported r = Import("jobber_quotes.csv");
  ASSERT_TRUE(r.status.ok()) << r.status.ToString();
  EXPECT_EQ(r.stats.source, "Jobber quotes");
  ASSERT_EQ(r.stats.tables.size(), 1u);
  EXPECT_EQ(r.stats.tables[0].header_line, 3) << "\"Quotes Report\" and the date range are not the header";
  ASSERT_EQ(r.sink.estimates.size(), 3u);
  const Estimate& e = r.sink.estimates[0];
  EXPECT_EQ(e.number, "3930");
  EXPECT_EQ(e.phone, "+15125550163");
  EXPECT_EQ(e.status, "awaiting response");
  EXPECT_EQ(e.total_cents, 185000);
  EXPECT_EQ(e.trade, "Roof repair - north slope");
  EXPECT_EQ(e.estimator, "Rick Hollis");
  EXPECT_EQ(e.sent_at, Utc("2026-11-13T06:00:00Z"));
  EXPECT_EQ(r.sink.estimates[2].sent_at, Utc("2026-11-15T06:00:00Z")) << "a draft has no sent date: created date";
  ASSERT_EQ(r.sink.rejects.size(), 1u);
  EXPECT_EQ(r.sink.rejects[0].line, 7);
}

TEST(Estimates, HousecallProOutcomeAndValueColumns) {
  Imported r = Import("housecallpro_estimates.csv");
  ASSERT_TRUE(r.status.ok()) << r.status.ToString();
  EXPECT_EQ(r.stats.source, "Housecall Pro estimates");
  EXPECT_EQ(MappedField(r.stats, "Outcome"), "status") << "the decision, not the visit's status";
  ASSERT_EQ(r.sink.estimates.size(), 3u);
  EXPECT_EQ(r.sink.estimates[0].status, "open");
  EXPECT_EQ(r.sink.estimates[0].total_cents, 185000);
  EXPECT_EQ(r.sink.estimates[1].status, "won");
  EXPECT_EQ(r.sink.estimates[1].total_cents, 1248000) << "from Won value";
  EXPECT_EQ(r.sink.estimates[1].phone, "+15125550123") << "Home Phone when Mobile Phone is blank";
  EXPECT_EQ(r.sink.estimates[2].status, "lost");
  EXPECT_EQ(r.sink.estimates[2].total_cents, 42000);
  EXPECT_EQ(r.sink.estimates[0].estimator, "Rick Hollis");
  EXPECT_EQ(r.sink.estimates[0].name, "Russell Ames");
  EXPECT_EQ(r.sink.estimates[0].sent_at, Utc("2026-11-10T06:00:00Z"));
}

TEST(Estimates, ServiceTitanEstimates) {
  Imported r = Import("servicetitan_estimates.csv");
  ASSERT_TRUE(r.status.ok()) << r.status.ToString();
  EXPECT_EQ(r.stats.source, "ServiceTitan estimates");
  ASSERT_EQ(r.sink.estimates.size(), 3u);
  const Estimate& e = r.sink.estimates[1];
  EXPECT_EQ(e.number, "88013");
  EXPECT_EQ(e.status, "sold");
  EXPECT_EQ(e.total_cents, 1248000);
  EXPECT_EQ(e.estimator, "Priya Shah");
  EXPECT_EQ(e.trade, "HVAC - Replacement");
  EXPECT_EQ(e.sent_at, Utc("2026-11-12T20:30:00Z")) << "Created On, not Sold On";
  EXPECT_EQ(r.sink.estimates[2].status, "dismissed");
}

TEST(ImportFile, ReimportingAnyFixtureGivesTheSameIds) {
  for (const char* fixture : {"callrail_calls.csv", "twilio_calls.csv", "ringcentral_calls.csv", "wpforms_entries.csv",
                              "jobber_quotes.csv", "gravityforms_entries.csv", "twilio_messages_bulkexport.jsonl"}) {
    Imported a = Import(fixture), b = Import(fixture);
    std::vector<std::string> ids_a, ids_b;
    for (const Signal& s : a.sink.signals) ids_a.push_back(s.id);
    for (const Attempt& x : a.sink.attempts) ids_a.push_back(x.id);
    for (const Estimate& e : a.sink.estimates) ids_a.push_back(e.id);
    for (const Signal& s : b.sink.signals) ids_b.push_back(s.id);
    for (const Attempt& x : b.sink.attempts) ids_b.push_back(x.id);
    for (const Estimate& e : b.sink.estimates) ids_b.push_back(e.id);
    EXPECT_EQ(ids_a, ids_b) << fixture;
    EXPECT_EQ(std::set<std::string>(ids_a.begin(), ids_a.end()).size(), ids_a.size()) << fixture;
  }
}

}  // namespace
}  // namespace ringback
