// XLSX workbooks (written here with libzip) and JSON exports.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "ingest/importer.h"
#include "ingest/test_support.h"
#include "ingest/text_decoder.h"

namespace ringback {
namespace {

using ::testing::HasSubstr;
using namespace ::ringback::testing;

struct Imported {
  Status status;
  ImportStats stats;
  RecordingSink sink;
};

Imported Import(const std::string& path, const std::string& name) {
  Imported out;
  out.status = ImportFile(path, name, TestCompany(), out.sink, &out.stats);
  return out;
}

const std::vector<std::string> kStrings = {"Start Time", "Direction", "From", "Caller Name", "Result",
                                           "Duration (sec)", "Inbound", "Missed", "Outbound", "Completed"};

const char* kCallHeader =
    "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"s\"><v>1</v></c><c r=\"C1\" t=\"s\"><v>2</v></c>"
    "<c r=\"D1\" t=\"s\"><v>3</v></c><c r=\"E1\" t=\"s\"><v>4</v></c><c r=\"F1\" t=\"s\"><v>5</v></c></row>";

// Three data rows: a date-time serial, a phone stored as a number, an inline string; a custom
// date format, a formula's text result and an empty cell by reference (no D3); row 4 absent;
// a date-only serial, a phone in scientific notation, a number format that is not a date.
std::string CallRows() {
  return std::string(kCallHeader) +
         "<row r=\"2\"><c r=\"A2\" s=\"2\"><v>46342.335416666669</v></c><c r=\"B2\" t=\"s\"><v>6</v></c>"
         "<c r=\"C2\"><v>5125550178</v></c><c r=\"D2\" t=\"inlineStr\"><is><t>MITCHELL DWAYNE</t></is></c>"
         "<c r=\"E2\" t=\"s\"><v>7</v></c><c r=\"F2\"><v>0</v></c></row>"
         "<row r=\"3\"><c r=\"A3\" s=\"3\"><v>46342.381944444445</v></c><c r=\"B3\" t=\"s\"><v>8</v></c>"
         "<c r=\"C3\" t=\"str\"><f>\"(512) 555-\"&amp;\"0178\"</f><v>(512) 555-0178</v></c>"
         "<c r=\"E3\" t=\"s\"><v>9</v></c><c r=\"F3\"><v>95</v></c></row>"
         "<row r=\"5\"><c r=\"A5\" s=\"1\"><v>46343</v></c><c r=\"B5\" t=\"s\"><v>6</v></c>"
         "<c r=\"C5\"><v>5.125550162E9</v></c><c r=\"E5\" t=\"s\"><v>7</v></c><c r=\"F5\" s=\"5\"><v>12</v></c></row>";
}

TEST(Xlsx, SharedInlineNumberDateAndEmptyCells) {
  TempDir dir;
  const std::string path = dir.Path("calls.xlsx");
  ASSERT_TRUE(WriteXlsx(path, {{"Call log", CallRows()}}, kStrings));
  Imported r = Import(path, "calls.xlsx");
  ASSERT_TRUE(r.status.ok()) << r.status.ToString();
  EXPECT_EQ(r.stats.format, "xlsx");
  EXPECT_EQ(r.stats.kind, "call log");
  ASSERT_EQ(r.sink.signals.size(), 2u);
  const Signal& first = r.sink.signals[0];
  EXPECT_EQ(first.received_at, Utc("2026-11-16T14:03:00Z")) << "serial 46342.3354 in the company's zone";
  EXPECT_EQ(first.phone, "+15125550178") << "a phone typed as a number";
  EXPECT_EQ(first.name, "MITCHELL DWAYNE");
  EXPECT_EQ(first.source.line, 2) << "the sheet's row number";
  EXPECT_EQ(first.source.file, "calls.xlsx");
  const Signal& second = r.sink.signals[1];
  EXPECT_EQ(second.received_at, Utc("2026-11-17T06:00:00Z")) << "a date-only cell is local midnight";
  EXPECT_EQ(second.phone, "+15125550162") << "5.125550162E9";
  EXPECT_EQ(second.duration_seconds, 12) << "a number format is not a date";
  EXPECT_EQ(second.source.line, 5);
  ASSERT_EQ(r.sink.attempts.size(), 1u);
  EXPECT_EQ(r.sink.attempts[0].at, Utc("2026-11-16T15:10:00Z")) << "custom m/d/yyyy h:mm AM/PM";
  EXPECT_EQ(r.sink.attempts[0].phone, "+15125550178") << "a formula's cached text";
  EXPECT_EQ(r.sink.attempts[0].duration_seconds, 95);
  EXPECT_TRUE(r.sink.rejects.empty());
}

TEST(Xlsx, SeparateDateAndTimeCells) {
  TempDir dir;
  const std::string path = dir.Path("calls.xlsx");
  const std::string rows =
      "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"s\"><v>1</v></c><c r=\"C1\" t=\"s\"><v>2</v></c>"
      "<c r=\"D1\" t=\"s\"><v>3</v></c></row>"
      "<row r=\"2\"><c r=\"A2\" s=\"1\"><v>46342</v></c><c r=\"B2\" s=\"4\"><v>0.33541666666666664</v></c>"
      "<c r=\"C2\"><v>5125550178</v></c><c r=\"D2\" t=\"s\"><v>4</v></c></row>";
  ASSERT_TRUE(WriteXlsx(path, {{"Sheet1", rows}}, {"Date", "Time", "Caller ID", "Disposition", "No Answer"}));
  Imported r = Import(path, "calls.xlsx");
  ASSERT_TRUE(r.status.ok()) << r.status.ToString();
  ASSERT_EQ(r.sink.signals.size(), 1u);
  EXPECT_EQ(r.sink.signals[0].received_at, Utc("2026-11-16T14:03:00Z"));
}

// Excel's 1900 system counts a 29 February 1900 that never was: serial 59 is 28 February,
// 61 is 1 March, 60 is the day that does not exist. The 1904 system starts at 1 January 1904.
TEST(Xlsx, ExcelDateSystemsAndTheLeapYearBug) {
  TempDir dir;
  auto rows = [](const std::vector<std::string>& serials) {
    std::string out =
        "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"s\"><v>1</v></c><c r=\"C1\" t=\"s\"><v>2</v></c></row>";
    int r = 2;
    for (const std::string& s : serials) {
      const std::string n = std::to_string(r++);
      out += "<row r=\"" + n + "\"><c r=\"A" + n + "\" s=\"1\"><v>" + s + "</v></c><c r=\"B" + n +
             "\"><v>5125550178</v></c><c r=\"C" + n + "\" t=\"s\"><v>3</v></c></row>";
    }
    return out;
  };
  const std::vector<std::string> strings = {"Date", "From", "Result", "Missed"};
  const std::string path1900 = dir.Path("1900.xlsx");
  ASSERT_TRUE(WriteXlsx(path1900, {{"Calls", rows({"59", "60", "61"})}}, strings));
  Imported r = Import(path1900, "1900.xlsx");
  ASSERT_TRUE(r.status.ok()) << r.status.ToString();
  ASSERT_EQ(r.sink.signals.size(), 2u);
  EXPECT_EQ(r.sink.signals[0].received_at, Utc("1900-02-28T06:00:00Z"));
  EXPECT_EQ(r.sink.signals[1].received_at, Utc("1900-03-01T06:00:00Z"));
  ASSERT_EQ(r.sink.rejects.size(), 1u);
  EXPECT_THAT(r.sink.rejects[0].reason, HasSubstr("1900-02-29"));

  const std::string path1904 = dir.Path("1904.xlsx");
  ASSERT_TRUE(WriteXlsx(path1904, {{"Calls", rows({"0", "8401"})}}, strings, /*date1904=*/true));
  Imported r4 = Import(path1904, "1904.xlsx");
  ASSERT_TRUE(r4.status.ok()) << r4.status.ToString();
  ASSERT_EQ(r4.sink.signals.size(), 2u);
  EXPECT_EQ(r4.sink.signals[0].received_at, Utc("1904-01-01T06:00:00Z"));
  EXPECT_EQ(r4.sink.signals[1].received_at, Utc("1927-01-01T06:00:00Z"));
}

TEST(Xlsx, EverySheetThatMapsIsImported) {
  TempDir dir;
  const std::string path = dir.Path("book.xlsx");
  const std::string summary =
      "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>Weekly summary</t></is></c></row>"
      "<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>Calls</t></is></c><c r=\"B2\"><v>3</v></c></row>";
  const std::string calls = std::string(kCallHeader) +
                            "<row r=\"2\"><c r=\"A2\" s=\"2\"><v>46342.335416666669</v></c><c r=\"B2\" t=\"s\"><v>6</v></c>"
                            "<c r=\"C2\"><v>5125550178</v></c><c r=\"E2\" t=\"s\"><v>7</v></c></row>"
                            "<row r=\"3\"><c r=\"A3\" t=\"inlineStr\"><is><t>not a date</t></is></c>"
                            "<c r=\"C3\"><v>5125550179</v></c></row>";
  const std::string quotes =
      "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>Quote #</t></is></c><c r=\"B1\" t=\"inlineStr\"><is><t>Client "
      "name</t></is></c><c r=\"C1\" t=\"inlineStr\"><is><t>Client phone</t></is></c><c r=\"D1\" t=\"inlineStr\"><is>"
      "<t>Status</t></is></c><c r=\"E1\" t=\"inlineStr\"><is><t>Total ($)</t></is></c><c r=\"F1\" t=\"inlineStr\">"
      "<is><t>Sent date</t></is></c></row>"
      "<row r=\"2\"><c r=\"A2\"><v>3930</v></c><c r=\"B2\" t=\"inlineStr\"><is><t>Russell Ames</t></is></c>"
      "<c r=\"C2\" t=\"inlineStr\"><is><t>(512) 555-0163</t></is></c><c r=\"D2\" t=\"inlineStr\"><is><t>Awaiting "
      "response</t></is></c><c r=\"E2\" s=\"5\"><v>1850</v></c><c r=\"F2\" s=\"1\"><v>46339</v></c></row>";
  ASSERT_TRUE(WriteXlsx(path, {{"Summary", summary}, {"Calls", calls}, {"Quotes", quotes}}, kStrings));
  Imported r = Import(path, "book.xlsx");
  ASSERT_TRUE(r.status.ok()) << r.status.ToString();
  EXPECT_EQ(r.stats.kind, "call log, estimates");
  EXPECT_EQ(r.stats.source, "Jobber quotes");
  ASSERT_EQ(r.stats.tables.size(), 3u);
  EXPECT_EQ(r.stats.tables[0].name, "Summary");
  EXPECT_FALSE(r.stats.tables[0].map.has_value());
  EXPECT_EQ(r.stats.tables[1].name, "Calls");
  EXPECT_EQ(r.stats.tables[2].name, "Quotes");
  EXPECT_THAT(r.stats.notes, ::testing::Contains(HasSubstr("sheet \"Summary\" skipped")));
  ASSERT_EQ(r.sink.signals.size(), 1u);
  ASSERT_EQ(r.sink.estimates.size(), 1u);
  EXPECT_EQ(r.sink.estimates[0].total_cents, 185000);
  EXPECT_EQ(r.sink.estimates[0].sent_at, Utc("2026-11-13T06:00:00Z"));
  ASSERT_EQ(r.sink.rejects.size(), 1u);
  EXPECT_EQ(r.sink.rejects[0].file, "book.xlsx (Calls)") << "which sheet, when the workbook has several";
  EXPECT_EQ(r.sink.rejects[0].line, 3);
}

TEST(Xlsx, TruncatedWorkbookIsAClearError) {
  TempDir dir;
  const std::string good = dir.Path("good.xlsx");
  ASSERT_TRUE(WriteXlsx(good, {{"Calls", CallRows()}}, kStrings));
  std::ifstream in(good, std::ios::binary);
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  const std::string cut = dir.Write("cut.xlsx", bytes.substr(0, bytes.size() / 2));
  Imported r = Import(cut, "cut.xlsx");
  EXPECT_FALSE(r.status.ok());
  EXPECT_THAT(r.status.message(), HasSubstr("cut.xlsx"));
  EXPECT_THAT(r.status.message(), HasSubstr("XLSX"));
  EXPECT_THAT(r.status.message(), HasSubstr("truncated"));
  EXPECT_TRUE(r.sink.signals.empty());
}

TEST(Xlsx, DamagedSheetKeepsTheRowsBeforeTheDamage) {
  TempDir dir;
  auto parts = XlsxParts({{"Calls", CallRows()}}, kStrings);
  std::string& sheet = parts["xl/worksheets/sheet1.xml"];
  sheet = sheet.substr(0, sheet.find("<row r=\"3\">") + 30);  // cut inside row 3
  const std::string path = dir.Path("damaged.xlsx");
  ASSERT_TRUE(WriteZip(path, parts));
  Imported r = Import(path, "damaged.xlsx");
  ASSERT_TRUE(r.status.ok()) << r.status.ToString();
  ASSERT_EQ(r.sink.signals.size(), 1u);
  ASSERT_EQ(r.sink.rejects.size(), 1u);
  EXPECT_THAT(r.sink.rejects[0].reason, HasSubstr("damaged after row 2"));
  EXPECT_EQ(r.sink.rejects[0].line, 3);
}

// Damaged row numbers (a row numbered before the one above it, or past Excel's last row)
// are numbered as the next row: the set-aside damage never shares a line with an imported row.
TEST(Xlsx, RowNumbersOutOfOrderNeverShareALine) {
  TempDir dir;
  std::string rows = CallRows();
  rows.replace(rows.find("<row r=\"5\">"), 11, "<row r=\"2\">");         // 2 again, after 3
  rows += "<row r=\"99999999999\"><c r=\"A6\" s=\"1\"><v>46343</v></c>";  // cut inside it
  auto parts = XlsxParts({{"Calls", rows}}, kStrings);
  const std::string path = dir.Path("renumbered.xlsx");
  ASSERT_TRUE(WriteZip(path, parts));
  Imported r = Import(path, "renumbered.xlsx");
  ASSERT_TRUE(r.status.ok()) << r.status.ToString();
  ASSERT_EQ(r.sink.signals.size(), 2u);
  EXPECT_EQ(r.sink.signals[0].source.line, 2);
  EXPECT_EQ(r.sink.signals[1].source.line, 4) << "the second row 2 follows row 3";
  ASSERT_EQ(r.sink.rejects.size(), 1u);
  EXPECT_THAT(r.sink.rejects[0].reason, HasSubstr("damaged after row 4"));
  EXPECT_EQ(r.sink.rejects[0].line, 5);
}

TEST(Xlsx, ZipWithoutAWorkbookIsAClearError) {
  TempDir dir;
  const std::string path = dir.Path("photos.zip");
  ASSERT_TRUE(WriteZip(path, {{"readme.txt", "hello"}}));
  Imported r = Import(path, "photos.zip");
  EXPECT_FALSE(r.status.ok());
  EXPECT_THAT(r.status.message(), HasSubstr("without a workbook"));
}

TEST(Json, NestedObjectsBecomeDottedKeys) {
  TempDir dir;
  const std::string path = dir.Write(
      "calls.json",
      "[\n"
      "  {\"id\": \"1\", \"sessionId\": \"4070\", \"startTime\": \"2026-11-16T14:03:00.000Z\", \"direction\": "
      "\"Inbound\",\n   \"result\": \"Missed\", \"duration\": 0,\n"
      "   \"from\": {\"phoneNumber\": \"+15125550178\", \"name\": \"MITCHELL DWAYNE\"}, \"to\": {\"phoneNumber\": "
      "\"+15125550100\"},\n   \"legs\": [{\"x\": 1}], \"tags\": [\"new\", \"ads\"]},\n"
      "  {\"id\": \"2\", \"sessionId\": \"4071\", \"startTime\": \"2026-11-16T15:10:00.000Z\", \"direction\": "
      "\"Outbound\", \"result\": \"Call connected\", \"duration\": 95.0, \"from\": {\"phoneNumber\": \"+15125550100\"}, "
      "\"to\": {\"phoneNumber\": \"+15125550178\"}}\n"
      "]\n");
  Imported r = Import(path, "calls.json");
  ASSERT_TRUE(r.status.ok()) << r.status.ToString();
  EXPECT_EQ(r.stats.format, "json");
  ASSERT_EQ(r.stats.tables.size(), 1u);
  EXPECT_THAT(r.stats.tables[0].header, ::testing::Contains("from.phoneNumber"));
  ASSERT_EQ(r.sink.signals.size(), 1u);
  EXPECT_EQ(r.sink.signals[0].phone, "+15125550178");
  EXPECT_EQ(r.sink.signals[0].name, "MITCHELL DWAYNE");
  EXPECT_EQ(r.sink.signals[0].received_at, Utc("2026-11-16T14:03:00Z"));
  EXPECT_EQ(r.sink.signals[0].source.line, 2);
  ASSERT_EQ(r.sink.attempts.size(), 1u);
  EXPECT_EQ(r.sink.attempts[0].phone, "+15125550178");
  EXPECT_EQ(r.sink.attempts[0].duration_seconds, 95);
}

TEST(Json, BrokenArrayKeepsTheRecordsBeforeTheBreak) {
  TempDir dir;
  const std::string path = dir.Write(
      "sms.json",
      "[{\"sid\": \"SM1\", \"from\": \"+15125550178\", \"to\": \"+15125550100\", \"body\": \"Leak!\", \"direction\": "
      "\"inbound\", \"date_sent\": \"2026-11-16T14:03:00Z\"},\n"
      " {\"sid\": \"SM2\", \"from\": \"+15125550179\", \"body\": \"cut off here");
  Imported r = Import(path, "sms.json");
  ASSERT_TRUE(r.status.ok()) << r.status.ToString();
  ASSERT_EQ(r.sink.signals.size(), 1u);
  EXPECT_EQ(r.sink.signals[0].text, "Leak!");
  ASSERT_EQ(r.sink.rejects.size(), 1u);
  EXPECT_EQ(r.sink.rejects[0].line, 2);
  EXPECT_THAT(r.sink.rejects[0].reason, HasSubstr("breaks off"));
}

// Found by fuzz/json_fuzz.cc (tests/fuzz/json/error-cut-inside-character): the parser's
// "last read: '…'" ended inside a character, so the reject, and rejects.csv, held invalid UTF-8;
// and it may quote a whole long token.
TEST(Json, BreakInsideACharacterGivesAShortUtf8Reason) {
  const std::string first =
      "[{\"sid\": \"SM1\", \"from\": \"+15125550178\", \"body\": \"Leak!\", \"direction\": \"inbound\", "
      "\"date_sent\": \"2026-11-16T14:03:00Z\"},\n {\"sid\": \"SM2\", \"caller_name\": null,\n";
  // The parser stops at the first byte of "é", and at a control character after a long string.
  for (const std::string& rest : {std::string("\xC3\xA9\": 1}]"), "\"" + std::string(5000, 'x') + "\x01\": 1}]"}) {
    TempDir dir;
    Imported r = Import(dir.Write("sms.json", first + rest), "sms.json");
    ASSERT_TRUE(r.status.ok()) << r.status.ToString();
    ASSERT_EQ(r.sink.rejects.size(), 1u);
    EXPECT_THAT(r.sink.rejects[0].reason, HasSubstr("breaks off"));
    EXPECT_TRUE(IsValidUtf8(r.sink.rejects[0].reason)) << r.sink.rejects[0].reason;
    EXPECT_LT(r.sink.rejects[0].reason.size(), 500u);
  }
}

TEST(Json, NotJsonAfterAllIsAClearError) {
  TempDir dir;
  Imported r = Import(dir.Write("x.json", "[oops, this is not json"), "x.json");
  EXPECT_FALSE(r.status.ok());
  EXPECT_THAT(r.status.message(), HasSubstr("x.json:1: not valid JSON"));
}

TEST(Json, ScalarsInTheArrayAreRejectedAndObjectsStillImport) {
  TempDir dir;
  Imported r = Import(dir.Write("x.json",
                                "[{\"date\": \"2026-11-16 08:03\", \"phone\": \"512-555-0178\", \"message\": \"hi\"},\n"
                                " 42,\n"
                                " {\"date\": \"2026-11-16 09:03\", \"phone\": \"512-555-0179\", \"message\": \"yo\"}]"),
                      "x.json");
  ASSERT_TRUE(r.status.ok()) << r.status.ToString();
  EXPECT_EQ(r.sink.signals.size(), 2u);
  ASSERT_EQ(r.sink.rejects.size(), 1u);
  EXPECT_EQ(r.sink.rejects[0].line, 2);
}

// A long text where an object belongs is quoted short, never cut inside a character: here the
// file is Windows-1252 (0xFF is "ÿ", two bytes in UTF-8) and the cut falls between them.
TEST(Json, AScalarInTheArrayIsQuotedWithWholeCharacters) {
  TempDir dir;
  Imported r = Import(dir.Write("x.json", "[\" pr" + std::string(79, '\xff') +
                                              "\",\n {\"date\": \"2026-11-16 09:03\", \"phone\": \"512-555-0179\", \"message\": \"yo\"}]"),
                      "x.json");
  ASSERT_TRUE(r.status.ok()) << r.status.ToString();
  ASSERT_EQ(r.sink.rejects.size(), 1u);
  const std::string& reason = r.sink.rejects[0].reason;
  EXPECT_TRUE(IsValidUtf8(reason)) << reason;
  EXPECT_THAT(reason, HasSubstr("not an object:  pr\xc3\xbf\xc3\xbf"));
}

TEST(Json, ALoneObjectIsOneRecord) {
  TempDir dir;
  Imported r = Import(dir.Write("one.json", "{\"Entry Date\": \"2026-11-16 08:03\", \"Phone\": \"512-555-0178\", "
                                            "\"Message\": \"Please call\"}"),
                      "one.json");
  ASSERT_TRUE(r.status.ok()) << r.status.ToString();
  ASSERT_EQ(r.sink.signals.size(), 1u);
  EXPECT_EQ(r.sink.signals[0].channel, Channel::kForm);
}

}  // namespace
}  // namespace ringback
