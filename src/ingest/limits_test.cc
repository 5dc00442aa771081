// What one input may cost (ingest/limits.h), on the hostile inputs measured in issue 22, each
// built here by code: a phone cell of 20,000 and 100,000 digits, a megabyte shared string used
// as the date of hundreds of rows, a 10 MB mail body, a zip bomb, oversized cells, rows and
// shared-string tables. Each finishes with bounded output; what it costs in time and memory
// is measured by bench/hostile, never asserted here.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fstream>

#include "core/text.h"
#include "ingest/importer.h"
#include "ingest/limits.h"
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
  out.status = ImportFile(path, name, TestCompany(), ImportOptions(), out.sink, &out.stats);
  return out;
}

// Every reject's reason is short: a refused value is quoted to kMaxQuotedBytes at most.
void ExpectShortRejects(const Imported& r) {
  for (const Reject& reject : r.sink.rejects) {
    EXPECT_LE(reject.reason.size(), 400u) << reject.reason.substr(0, 100);
    EXPECT_TRUE(IsValidUtf8(reject.reason));
  }
}

TEST(Limits, QuoteValueCutsLongValuesAtACharacterBoundary) {
  EXPECT_EQ(QuoteValue("13/45/2026"), "\"13/45/2026\"");
  const std::string accents = std::string(199, 'a') + "é" + std::string(1000, 'b');  // é straddles byte 200
  const std::string quoted = QuoteValue(accents);
  EXPECT_EQ(quoted, "\"" + std::string(199, 'a') + "…\" (1201 bytes)");
  EXPECT_TRUE(IsValidUtf8(quoted));
  EXPECT_EQ(Utf8Prefix("añb", 2), "a");
  EXPECT_EQ(Utf8Prefix("añb", 3), "añ");
}

TEST(Limits, PhonesLongerThanAnyNumberAreRejectedBeforeParsing) {
  TempDir dir;
  for (std::size_t digits : {std::size_t{20000}, std::size_t{100000}, kMaxFieldBytes}) {
    const std::string path = dir.Write("forms.csv",
                                       "Entry Id,Entry Date,Name,Phone,Email,Message\n"
                                       "1,2026-11-16 09:40:12,Dale Kessler,(254) 555-0183,,Roof leak\n"
                                       "2,2026-11-16 09:41:12,Long Phone," + std::string(digits, '5') +
                                           ",,Call me\n"
                                       "3,2026-11-16 09:42:12,Mail Too," + std::string(digits, '5') +
                                           ",mail.too@example.com,Call me\n"
                                       "4,2026-11-16 09:43:12,Glenn Harper,512-555-0176,,Gutters\n");
    Imported r = Import(path, "forms.csv");
    ASSERT_TRUE(r.status.ok()) << r.status.ToString();
    ASSERT_EQ(r.sink.rejects.size(), 1u) << digits;
    EXPECT_EQ(r.sink.rejects[0].line, 3);
    EXPECT_EQ(r.sink.rejects[0].field, "phone");
    EXPECT_THAT(r.sink.rejects[0].reason, HasSubstr("too long for a phone number (" + std::to_string(digits)));
    ExpectShortRejects(r);
    ASSERT_EQ(r.sink.signals.size(), 3u) << "the good rows, and the row with an email, still import";
    EXPECT_EQ(r.sink.signals[1].email, "mail.too@example.com");
    EXPECT_EQ(r.sink.signals[1].phone_raw, "") << "no number to check is kept";
    EXPECT_EQ(r.sink.signals[2].phone, "+15125550176");
  }
}

// The workbook of issue 22: one 1,000,000-character shared string as the date of 500 rows.
// Each row is a reject quoting 200 characters of it, not the megabyte; past kMaxUnzipBytes of
// resolved text the sheet stops with its reason.
TEST(Limits, AMegabyteSharedStringUsedInEveryRowIsQuotedShort) {
  TempDir dir;
  std::string rows =
      "<row r=\"1\"><c t=\"inlineStr\"><is><t>Entry Date</t></is></c><c t=\"inlineStr\"><is><t>Name</t></is></c>"
      "<c t=\"inlineStr\"><is><t>Phone</t></is></c><c t=\"inlineStr\"><is><t>Message</t></is></c></row>";
  for (int i = 2; i <= 501; ++i)
    rows += "<row r=\"" + std::to_string(i) + "\"><c t=\"s\"><v>0</v></c><c t=\"inlineStr\"><is><t>Person " +
            std::to_string(i) + "</t></is></c><c t=\"inlineStr\"><is><t>512-555-01" + std::to_string(10 + i % 80) +
            "</t></is></c><c t=\"inlineStr\"><is><t>Roof leak</t></is></c></row>";
  const std::string path = dir.Path("leads.xlsx");
  ASSERT_TRUE(WriteXlsx(path, {{"Leads", rows}}, {std::string(1000000, '7')}));
  Imported r = Import(path, "leads.xlsx");
  ASSERT_TRUE(r.status.ok()) << r.status.ToString();
  EXPECT_TRUE(r.sink.signals.empty());
  ASSERT_GT(r.sink.rejects.size(), 200u);
  EXPECT_THAT(r.sink.rejects[0].reason, HasSubstr("not a date: \"7777"));
  EXPECT_THAT(r.sink.rejects[0].reason, HasSubstr("(1000000 bytes)"));
  EXPECT_THAT(r.sink.rejects.back().reason, HasSubstr("MiB of text with the shared strings resolved"));
  EXPECT_LT(r.sink.rejects.size(), 300u) << "the sheet stops at the bound, not after every row";
  ExpectShortRejects(r);
}

TEST(Limits, ACellOrARowPastItsBoundIsARejectWithItsReason) {
  TempDir dir;
  const std::string head =
      "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>Entry Date</t></is></c>"
      "<c r=\"B1\" t=\"inlineStr\"><is><t>Phone</t></is></c><c r=\"C1\" t=\"inlineStr\"><is><t>Message</t></is></c></row>";
  // Row 2: an inline cell past 1 MiB. Row 3: a 1 MB shared string in 17 columns (17 MB).
  std::string wide = "<row r=\"3\"><c r=\"A3\" t=\"inlineStr\"><is><t>2026-11-16 09:00</t></is></c>";
  for (int c = 0; c < 17; ++c) wide += "<c t=\"s\"><v>0</v></c>";
  wide += "</row>";
  const std::string rows = head +
                           "<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>2026-11-16 09:00</t></is></c>"
                           "<c r=\"B2\" t=\"inlineStr\"><is><t>512-555-0123</t></is></c>"
                           "<c r=\"C2\" t=\"inlineStr\"><is><t>" + std::string(kMaxFieldBytes + 10, 'x') +
                           "</t></is></c></row>" + wide +
                           "<row r=\"4\"><c r=\"A4\" t=\"inlineStr\"><is><t>2026-11-16 09:05</t></is></c>"
                           "<c r=\"B4\" t=\"inlineStr\"><is><t>512-555-0124</t></is></c></row>";
  const std::string path = dir.Path("wide.xlsx");
  ASSERT_TRUE(WriteXlsx(path, {{"Leads", rows}}, {std::string(1000000, 'z')}));
  Imported r = Import(path, "wide.xlsx");
  ASSERT_TRUE(r.status.ok()) << r.status.ToString();
  ASSERT_EQ(r.sink.signals.size(), 1u);
  EXPECT_EQ(r.sink.signals[0].phone, "+15125550124");
  ASSERT_EQ(r.sink.rejects.size(), 2u);
  EXPECT_EQ(r.sink.rejects[0].line, 2);
  EXPECT_THAT(r.sink.rejects[0].reason, HasSubstr("a cell longer than 1 MiB"));
  EXPECT_EQ(r.sink.rejects[1].line, 3);
  EXPECT_THAT(r.sink.rejects[1].reason, HasSubstr("a row longer than 16 MiB"));
}

// The reject for a long cell names its column by the header's first 100 bytes: a header cell
// may be as long as any other.
TEST(Limits, ALongCellUnderALongHeaderIsQuotedShort) {
  TempDir dir;
  const std::string path = dir.Write("calls.csv", "Date,Phone,Notes " + std::string(500000, 'n') + "\n" +
                                                      "2026-11-16 09:00,512-555-0123," +
                                                      std::string(kMaxFieldBytes + 10, 'x') + "\n" +
                                                      "2026-11-16 09:05,512-555-0124,ok\n");
  Imported r = Import(path, "calls.csv");
  ASSERT_TRUE(r.status.ok()) << r.status.ToString();
  ASSERT_EQ(r.sink.rejects.size(), 1u);
  EXPECT_THAT(r.sink.rejects[0].reason, HasSubstr("the longest accepted is 1 MB"));
  EXPECT_LE(r.sink.rejects[0].field.size(), 100u);
  ExpectShortRejects(r);
}

// A sheet of repeated rows deflated far past any spreadsheet's ratio is refused from the sizes
// the archive declares, before it is expanded.
TEST(Limits, AZipBombIsRefusedNotExpanded) {
  TempDir dir;
  std::string rows =
      "<row r=\"1\"><c t=\"inlineStr\"><is><t>Entry Date</t></is></c><c t=\"inlineStr\"><is><t>Phone</t></is></c></row>";
  const std::string row =
      "<row><c t=\"inlineStr\"><is><t>2026-11-16 09:00</t></is></c><c t=\"inlineStr\"><is><t>512-555-0123</t></is></c></row>";
  while (rows.size() < 24u * 1024 * 1024) rows += row;
  const std::string path = dir.Path("bomb.xlsx");
  ASSERT_TRUE(WriteXlsx(path, {{"Leads", rows}}, {}));
  rows.clear();
  rows.shrink_to_fit();
  Imported r = Import(path, "bomb.xlsx");
  EXPECT_FALSE(r.status.ok());
  EXPECT_THAT(r.status.message(), HasSubstr("times its compressed size"));
  EXPECT_THAT(r.status.message(), HasSubstr("refused, not expanded"));
  EXPECT_TRUE(r.sink.signals.empty()) << "not one row was read";
  EXPECT_TRUE(r.sink.rejects.empty());
}

// Shared strings past kMaxSharedStringBytes (text that does not compress, so it is this bound
// and not the zip ratio that refuses it) refuse the workbook with the reason.
TEST(Limits, ASharedStringTablePastItsBoundRefusesTheWorkbook) {
  TempDir dir;
  std::vector<std::string> strings;
  std::uint64_t x = 88172645463325252ULL;  // xorshift: text deflate cannot shrink much
  std::size_t total = 0;
  while (total <= kMaxSharedStringBytes) {
    std::string s(1000, ' ');
    for (char& c : s) {
      x ^= x << 13, x ^= x >> 7, x ^= x << 17;
      c = static_cast<char>('a' + x % 26);
    }
    total += s.size();
    strings.push_back(std::move(s));
  }
  const std::string rows =
      "<row r=\"1\"><c t=\"inlineStr\"><is><t>Entry Date</t></is></c><c t=\"inlineStr\"><is><t>Phone</t></is></c></row>";
  const std::string path = dir.Path("strings.xlsx");
  ASSERT_TRUE(WriteXlsx(path, {{"Leads", rows}}, strings));
  Imported r = Import(path, "strings.xlsx");
  EXPECT_FALSE(r.status.ok());
  EXPECT_THAT(r.status.message(), HasSubstr("shared-string table holds shared strings longer than 32 MiB"));
}

std::string Message(const std::string& body) {
  return "From: Dana Poole <dana.poole@example.com>\nTo: office@example.com\nSubject: Leak\n"
         "Date: Mon, 16 Nov 2026 09:15:00 -0600\nMessage-ID: <long-body@example.com>\n"
         "Content-Type: text/plain; charset=utf-8\n\n" +
         body;
}

// A 10 MB body keeps its first MiB (whole characters); a part past 16 MiB is a reject.
TEST(Limits, ALongMailBodyIsCutAndAHugePartIsRefused) {
  TempDir dir;
  std::string body;
  const std::string line = "The ceiling stain keeps growing near the chimney, ñ. \n";
  while (body.size() < 10 * 1000 * 1000) body += line;
  Imported r = Import(dir.Write("long.eml", Message(body)), "long.eml");
  ASSERT_TRUE(r.status.ok()) << r.status.ToString();
  ASSERT_EQ(r.sink.signals.size(), 1u);
  EXPECT_LE(r.sink.signals[0].text.size(), kMaxFieldBytes);
  EXPECT_GT(r.sink.signals[0].text.size(), kMaxFieldBytes - 100);
  EXPECT_TRUE(IsValidUtf8(r.sink.signals[0].text));
  EXPECT_THAT(r.sink.signals[0].text, ::testing::StartsWith("The ceiling stain"));

  while (body.size() <= kMaxMailPartBytes) body += body.substr(0, 1 << 20);
  Imported huge = Import(dir.Write("huge.eml", Message(body)), "huge.eml");
  ASSERT_TRUE(huge.status.ok()) << huge.status.ToString();
  EXPECT_TRUE(huge.sink.signals.empty());
  ASSERT_EQ(huge.sink.rejects.size(), 1u);
  EXPECT_EQ(huge.sink.rejects[0].field, "body");
  EXPECT_THAT(huge.sink.rejects[0].reason, HasSubstr("the largest read is 16 MiB"));
}

}  // namespace
}  // namespace ringback
