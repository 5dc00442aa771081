// `ringback inspect`: on every vendor fixture it names the source and maps the columns a
// person would expect; it shows parsed rows and rejects, reads mapping files, speaks JSON, and
// exits 1 on an unreadable file and 2 on bad usage.
#include "cli/inspect_command.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <sstream>

#include "cli/commands.h"
#include "ingest/test_support.h"

namespace ringback::cli {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;
using ringback::testing::kIngestFixtures;
using ringback::testing::TempDir;
using ringback::testing::TestCompany;

struct Outcome {
  int code = -1;
  std::string out, err;
};

Outcome Inspect(std::vector<std::string> args) {
  std::ostringstream out, err;
  Outcome r;
  r.code = InspectCommand(args, TestCompany(), out, err);
  r.out = out.str();
  r.err = err.str();
  return r;
}

// The "Columns:" line of `header` in the text output, e.g. "C  Customer Phone Number  -> phone".
std::string ColumnLine(const std::string& out, const std::string& header) {
  std::istringstream in(out);
  bool in_columns = false;
  for (std::string line; std::getline(in, line);) {
    if (line == "Columns:") in_columns = true;
    else if (in_columns && (line.empty() || line[0] != ' ')) in_columns = false;
    else if (in_columns && line.find(" " + header + " ") != std::string::npos) return line;
  }
  return "(no column " + header + ")";
}

struct Expected {
  const char* fixture;
  const char* source;
  std::vector<std::pair<const char*, const char*>> columns;  // header -> field ("" for not used)
};

TEST(Inspect, EveryVendorFixtureShowsItsSourceAndMapping) {
  const std::vector<Expected> cases = {
      {"callrail_calls.csv", "CallRail call log (call log)",
       {{"Start Time", "time"}, {"Customer Phone Number", "phone"}, {"Tracking Number", "to"}, {"Call Status", "result"},
        {"Call ID", "number"}}},
      {"twilio_calls.csv", "Twilio call log (call log)",
       {{"Call Sid", "number"}, {"Parent Call Sid", "parent"}, {"From", "from"}, {"Status", "result"}}},
      {"twilio_messages.csv", "Twilio message log (text messages)",
       {{"SentDate", "time"}, {"Body", "text"}, {"Sid", "number"}, {"Direction", "direction"}}},
      {"twilio_messages_bulkexport.jsonl", "Twilio message log (text messages)",
       {{"date_sent", "time"}, {"body", "text"}, {"sid", "number"}}},
      {"ringcentral_calls.csv", "RingCentral call log (call log)",
       {{"Date", "time"}, {"Time", "clock"}, {"Action Result", "result"}, {"Call Length", "duration"}}},
      {"gravityforms_entries.csv", "Gravity Forms entries (web forms)",
       {{"Name (First)", "first_name"}, {"Entry Date", "time"}, {"Message", "text"}, {"User IP", ""}}},
      {"wpforms_entries.csv", "WPForms entries (web forms)",
       {{"Comment or Message", "text"}, {"Entry Date", "time"}, {"Name", "name"}}},
      {"flamingo_inbound.csv", "Contact Form 7 (Flamingo) messages (web forms)",
       {{"your-email", "email"}, {"your-message", "text"}, {"Date", "time"}}},
      {"jobber_quotes.csv", "Jobber quotes (estimates)",
       {{"Sent date", "time"}, {"Created date", "time"}, {"Total ($)", "total"}, {"Salesperson", "estimator"}}},
      {"housecallpro_estimates.csv", "Housecall Pro estimates (estimates)",
       {{"Outcome", "status"}, {"Estimate status", ""}, {"Open value", "total"}, {"Mobile Phone", "phone"}}},
      {"servicetitan_estimates.csv", "ServiceTitan estimates (estimates)",
       {{"Estimate ID", "number"}, {"Created On", "time"}, {"Sold By", "estimator"}, {"Subtotal", "total"}}},
  };
  for (const Expected& c : cases) {
    Outcome r = Inspect({kIngestFixtures + c.fixture});
    EXPECT_EQ(r.code, kExitOk) << c.fixture << "\n" << r.err;
    EXPECT_THAT(r.out, HasSubstr("Source:    " + std::string(c.source))) << c.fixture << "\n" << r.out;
    for (const auto& [header, field] : c.columns) {
      const std::string line = ColumnLine(r.out, header);
      if (std::string(field).empty()) EXPECT_THAT(line, HasSubstr("(not used)")) << c.fixture << ": " << header;
      else EXPECT_THAT(line, HasSubstr("-> " + std::string(field))) << c.fixture << ": " << header << "\n" << r.out;
    }
  }
}

TEST(Inspect, ShowsFormatEncodingRowsRejectsAndNotes) {
  Outcome r = Inspect({kIngestFixtures + "forms_mixed_encoding.csv"});
  ASSERT_EQ(r.code, kExitOk) << r.err;
  EXPECT_THAT(r.out, HasSubstr("Format:    csv"));
  EXPECT_THAT(r.out, HasSubstr("Encoding:  mixed: utf-8, with 1 line read as windows-1252 (first: line 3)"));
  EXPECT_THAT(r.out, HasSubstr("line 3  form  2026-11-18 10:00 CST  +15125550133  Ren\xC3\xA9" "e Holt  \"We\xE2\x80\x99" "re seeing"));
  EXPECT_THAT(r.out, HasSubstr("Read 3 rows: 3 signals, 0 attempts, 0 estimates, 0 rejected."));

  Outcome calls = Inspect({kIngestFixtures + "callrail_calls.csv", "--rows", "2"});
  ASSERT_EQ(calls.code, kExitOk);
  EXPECT_THAT(calls.out, HasSubstr("First 2 rows as parsed:"));
  EXPECT_THAT(calls.out, HasSubstr("line 2  call  2026-11-16 08:03 CST  +15125550178  Dwayne Mitchell  missed  0 s"));
  EXPECT_THAT(calls.out, Not(HasSubstr("line 4  attempt"))) << "only two rows shown";
  EXPECT_THAT(calls.out, HasSubstr("Rejected rows: 1"));
  EXPECT_THAT(calls.out, HasSubstr("callrail_calls.csv:6  phone: no phone or email to call back"));

  Outcome outbound = Inspect({kIngestFixtures + "callrail_calls.csv"});
  EXPECT_THAT(outbound.out, HasSubstr("line 4  attempt (call)  2026-11-16 09:10 CST  to +15125550178  by Dana Brooks"));

  Outcome jobber = Inspect({kIngestFixtures + "jobber_quotes.csv"});
  EXPECT_THAT(jobber.out, HasSubstr("Header:    line 3"));
  EXPECT_THAT(jobber.out, HasSubstr("estimate #3930  2026-11-13 00:00 CST  +15125550163 russell.ames@example.com  Russell Ames  awaiting response  $1850.00"));

  Outcome twilio = Inspect({kIngestFixtures + "twilio_calls.csv"});
  EXPECT_THAT(twilio.out, HasSubstr("forwarded call leg"));
  EXPECT_THAT(twilio.out, HasSubstr("1 skipped"));
}

TEST(Inspect, WorkbookShowsEverySheet) {
  TempDir dir;
  const std::string path = dir.Path("book.xlsx");
  ASSERT_TRUE(ringback::testing::WriteXlsx(
      path,
      {{"Notes", "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>read me</t></is></c></row>"},
       {"Calls",
        "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"s\"><v>1</v></c><c r=\"C1\" t=\"s\"><v>2</v></c></row>"
        "<row r=\"2\"><c r=\"A2\" s=\"2\"><v>46342.335416666669</v></c><c r=\"B2\"><v>5125550178</v></c>"
        "<c r=\"C2\" t=\"s\"><v>3</v></c></row>"}},
      {"Start Time", "From", "Result", "Missed"}));
  Outcome r = Inspect({path});
  ASSERT_EQ(r.code, kExitOk) << r.err;
  EXPECT_THAT(r.out, HasSubstr("Format:    xlsx"));
  EXPECT_THAT(r.out, HasSubstr("Sheet:     Notes"));
  EXPECT_THAT(r.out, HasSubstr("Sheet:     Calls"));
  EXPECT_THAT(r.out, HasSubstr("Header:    row 1"));
  EXPECT_THAT(ColumnLine(r.out, "From"), HasSubstr("-> from"));
  EXPECT_THAT(r.out, HasSubstr("line 2  call  2026-11-16 08:03 CST  +15125550178"));
}

TEST(Inspect, JsonOutput) {
  Outcome r = Inspect({kIngestFixtures + "housecallpro_estimates.csv", "--json", "--rows=1"});
  ASSERT_EQ(r.code, kExitOk) << r.err;
  const nlohmann::json j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["format"], "csv");
  EXPECT_EQ(j["source"], "Housecall Pro estimates");
  ASSERT_EQ(j["tables"].size(), 1u);
  bool found = false;
  for (const auto& c : j["tables"][0]["columns"])
    if (c["header"] == "Outcome") {
      EXPECT_EQ(c["field"], "status");
      EXPECT_EQ(c["column"], "L");
      found = true;
    }
  EXPECT_TRUE(found);
  ASSERT_EQ(j["rows"].size(), 1u);
  EXPECT_EQ(j["rows"][0]["type"], "estimate");
  EXPECT_EQ(j["rows"][0]["total_cents"], 185000);
  EXPECT_EQ(j["counts"]["estimates"], 3);
}

TEST(Inspect, MappingFileMakesAnUnknownExportReadable) {
  // Without a mapping, only what the values show is read, and the rest is named as unused.
  Outcome without = Inspect({kIngestFixtures + "custom_pbx_calls.csv"});
  EXPECT_EQ(without.code, kExitOk) << without.err;
  EXPECT_THAT(ColumnLine(without.out, "Customer #"), HasSubstr("-> phone (by its values)"));
  EXPECT_THAT(without.out, HasSubstr("Unused:    \"Who\", \"Secs\", \"Line\""));

  Outcome with = Inspect({kIngestFixtures + "custom_pbx_calls.csv", "--mapping", kIngestFixtures + "custom_pbx.mapping.toml"});
  ASSERT_EQ(with.code, kExitOk) << with.err;
  EXPECT_THAT(with.out, HasSubstr("Source:    Acme PBX call report (call log)"));
  EXPECT_THAT(ColumnLine(with.out, "Customer #"), HasSubstr("-> from"));
  EXPECT_THAT(ColumnLine(with.out, "Line"), HasSubstr("(not used)"));

  TempDir dir;
  const std::string bad = dir.Write("bad.toml", "[columns]\nphonee = \"Tel\"\n");
  Outcome broken = Inspect({kIngestFixtures + "custom_pbx_calls.csv", "--mapping", bad});
  EXPECT_EQ(broken.code, kExitFatal);
  EXPECT_THAT(broken.err, HasSubstr("bad.toml:2: columns.phonee: unknown field"));
}

TEST(Inspect, UnreadableFilesAndBadUsage) {
  TempDir dir;
  Outcome empty = Inspect({dir.Write("empty.csv", "")});
  EXPECT_EQ(empty.code, kExitFatal);
  EXPECT_THAT(empty.err, HasSubstr("the file is empty"));
  Outcome missing = Inspect({dir.Path("nope.csv")});
  EXPECT_EQ(missing.code, kExitFatal);
  EXPECT_THAT(missing.err, HasSubstr("cannot read"));

  EXPECT_EQ(Inspect({}).code, kExitUsage);
  EXPECT_EQ(Inspect({"a.csv", "b.csv"}).code, kExitUsage);
  EXPECT_EQ(Inspect({"a.csv", "--rows", "many"}).code, kExitUsage);
  EXPECT_EQ(Inspect({"a.csv", "--bogus"}).code, kExitUsage);
  EXPECT_EQ(Inspect({"a.csv", "--mapping"}).code, kExitUsage);
  Outcome help = Inspect({"--help"});
  EXPECT_EQ(help.code, kExitOk);
  EXPECT_THAT(help.out, HasSubstr("usage: ringback inspect FILE"));
  Outcome config = Inspect({kIngestFixtures + "callrail_calls.csv", "--config", "company.toml"});
  EXPECT_EQ(config.code, kExitOk) << "--config is read by the main program";
}

}  // namespace
}  // namespace ringback::cli
