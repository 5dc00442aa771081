// Encodings as spreadsheets write them: detected, converted to UTF-8, never mangled.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <sstream>

#include "ingest/importer.h"
#include "ingest/test_support.h"
#include "ingest/text_decoder.h"

namespace ringback {
namespace {

using ::testing::HasSubstr;
using namespace ::ringback::testing;

std::string DecodeAll(const std::string& bytes, DecodeReport* report = nullptr) {
  std::istringstream raw(bytes);
  DecodingStream text(raw);
  std::ostringstream out;
  out << text.rdbuf();
  if (report) *report = text.report();
  return out.str();
}

TEST(DetectEncoding, ByteOrderMarks) {
  EXPECT_EQ(DetectEncoding("\xEF\xBB\xBFStart").bom_bytes, 3u);
  EXPECT_EQ(DetectEncoding("\xEF\xBB\xBFStart").encoding, TextEncoding::kUtf8);
  EXPECT_EQ(DetectEncoding(std::string("\xFF\xFES\0", 4)).encoding, TextEncoding::kUtf16Le);
  EXPECT_EQ(DetectEncoding(std::string("\xFE\xFF\0S", 4)).encoding, TextEncoding::kUtf16Be);
  EXPECT_EQ(DetectEncoding("Start Time,From").encoding, TextEncoding::kUtf8);
  EXPECT_EQ(DetectEncoding("").encoding, TextEncoding::kUtf8);
}

TEST(DetectEncoding, Utf16WithoutBomByItsNulBytes) {
  EXPECT_EQ(DetectEncoding(std::string("S\0t\0a\0r\0t\0,\0", 12)).encoding, TextEncoding::kUtf16Le);
  EXPECT_EQ(DetectEncoding(std::string("\0S\0t\0a\0r\0t\0,", 12)).encoding, TextEncoding::kUtf16Be);
  EXPECT_EQ(DetectEncoding(std::string("Start\0Time,From,To\n", 20)).encoding, TextEncoding::kUtf8)
      << "a stray NUL is not UTF-16";
}

TEST(IsValidUtf8, RejectsWhatIsNotUtf8) {
  EXPECT_TRUE(IsValidUtf8("plain"));
  EXPECT_TRUE(IsValidUtf8("Caf\xC3\xA9 \xE2\x80\x99 \xF0\x9F\x8F\xA0 \xE4\xB8\xAD"));
  EXPECT_FALSE(IsValidUtf8("Ren\xE9" "e"));               // Windows-1252 é
  EXPECT_FALSE(IsValidUtf8("\xC0\xAF"));                  // overlong
  EXPECT_FALSE(IsValidUtf8("\xED\xA0\x80"));              // a surrogate
  EXPECT_FALSE(IsValidUtf8("\xF4\x90\x80\x80"));          // past U+10FFFF
  EXPECT_FALSE(IsValidUtf8("\xE2\x80"));                  // cut short
}

TEST(Windows1252ToUtf8, SmartQuotesDashesAndAccents) {
  EXPECT_EQ(Windows1252ToUtf8("\x93hi\x94 \x96 Ren\xE9" "e \x80" "5"),
            "\xE2\x80\x9Chi\xE2\x80\x9D \xE2\x80\x93 Ren\xC3\xA9" "e \xE2\x82\xAC" "5");
}

TEST(DecodingStream, ValidUtf8IsPassedThroughByteForByte) {
  std::string text = "id,text\n";
  for (int i = 0; i < 2000; ++i)
    text += std::to_string(i) + ",Caf\xC3\xA9 \xF0\x9F\x8F\xA0 \xE4\xB8\xAD\xE6\x96\x87 \xE2\x80\x9Cquoted\xE2\x80\x9D\r\n";
  DecodeReport report;
  EXPECT_TRUE(DecodeAll(text, &report) == text);
  EXPECT_EQ(report.Describe(), "utf-8");
  EXPECT_EQ(report.cp1252_lines, 0);
}

TEST(DecodingStream, AVeryLongUtf8LineIsNotCutInsideACharacter) {
  std::string line;
  while (line.size() < 3 * 1024 * 1024 + 1) line += "\xC3\xA9";  // é, two bytes, across every piece boundary
  line += "\n";
  DecodeReport report;
  EXPECT_TRUE(DecodeAll("\xE2\x82\xAC" + line, &report) == "\xE2\x82\xAC" + line);
  EXPECT_EQ(report.cp1252_lines, 0);
}

TEST(DecodingStream, Utf16IsConvertedAcrossChunkBoundaries) {
  std::u16string text;
  for (int i = 0; i < 50000; ++i) text += u"Z\u00F6\u00EB \U0001F3E0,";  // a surrogate pair too
  std::string le = "\xFF\xFE";
  for (char16_t c : text) {
    le += static_cast<char>(c & 0xff);
    le += static_cast<char>(c >> 8);
  }
  std::string expected;
  for (int i = 0; i < 50000; ++i) expected += "Z\xC3\xB6\xC3\xAB \xF0\x9F\x8F\xA0,";
  DecodeReport report;
  EXPECT_TRUE(DecodeAll(le, &report) == expected);
  EXPECT_EQ(report.Describe(), "utf-16le (BOM)");
}

TEST(DecodingStream, MixedFileIsDecidedLineByLine) {
  DecodeReport report;
  const std::string out = DecodeAll("Caf\xC3\xA9\nRen\xE9" "e\nplain\n\x93quoted\x94\nZo\xC3\xAB", &report);
  EXPECT_EQ(out, "Caf\xC3\xA9\nRen\xC3\xA9" "e\nplain\n\xE2\x80\x9Cquoted\xE2\x80\x9D\nZo\xC3\xAB");
  EXPECT_EQ(report.cp1252_lines, 2);
  EXPECT_EQ(report.first_cp1252_line, 2);
  EXPECT_EQ(report.utf8_lines, 2);
  EXPECT_THAT(report.Describe(), HasSubstr("mixed"));
}

struct Imported {
  Status status;
  ImportStats stats;
  RecordingSink sink;
};

Imported Import(const std::string& fixture) {
  Imported out;
  out.status = ImportFile(kIngestFixtures + fixture, fixture, TestCompany(), out.sink, &out.stats);
  return out;
}

TEST(Encodings, ExcelUnicodeTextIsUtf16TabSeparated) {
  Imported r = Import("calls_unicode_text_utf16le.txt");
  ASSERT_TRUE(r.status.ok()) << r.status.ToString();
  EXPECT_EQ(r.stats.format, "tsv");
  EXPECT_EQ(r.stats.encoding, "utf-16le (BOM)");
  ASSERT_EQ(r.sink.signals.size(), 2u);
  EXPECT_EQ(r.sink.signals[0].name, "JOS\xC3\x89 N\xC3\x9A\xC3\x91" "EZ");
  EXPECT_EQ(r.sink.signals[0].phone, "+15125550174");
  EXPECT_EQ(r.sink.signals[1].source.line, 3);
}

TEST(Encodings, Utf16BigEndianAndWithoutBom) {
  for (const char* fixture : {"calls_utf16be.csv", "calls_utf16le_nobom.csv", "calls_utf8_bom.csv"}) {
    Imported r = Import(fixture);
    ASSERT_TRUE(r.status.ok()) << fixture << ": " << r.status.ToString();
    ASSERT_EQ(r.sink.signals.size(), 2u) << fixture;
    EXPECT_EQ(r.sink.signals[0].name, "Caf\xC3\xA9 Ol\xC3\xA9 LLC") << fixture;
    EXPECT_EQ(r.sink.signals[1].name, "Zo\xC3\xAB Park") << fixture;
    EXPECT_EQ(r.sink.signals[0].received_at, Utc("2026-11-17T14:03:00Z")) << fixture;
  }
  EXPECT_EQ(Import("calls_utf16be.csv").stats.encoding, "utf-16be (BOM)");
  EXPECT_EQ(Import("calls_utf16le_nobom.csv").stats.encoding, "utf-16le (no BOM)");
  EXPECT_EQ(Import("calls_utf8_bom.csv").stats.encoding, "utf-8 (BOM)");
}

TEST(Encodings, Windows1252Export) {
  Imported r = Import("forms_windows1252.csv");
  ASSERT_TRUE(r.status.ok()) << r.status.ToString();
  EXPECT_EQ(r.stats.encoding, "windows-1252");
  ASSERT_EQ(r.sink.signals.size(), 2u);
  EXPECT_EQ(r.sink.signals[0].name, "Ren\xC3\xA9" "e Holt");
  EXPECT_EQ(r.sink.signals[0].text, "We\xE2\x80\x99re seeing a stain on the ceiling \xE2\x80\x93 2nd floor");
  EXPECT_EQ(r.sink.signals[1].text, "Price for a new roof? Budget ~ $9,000 \xE2\x80\x9Cgive or take\xE2\x80\x9D");
}

TEST(Encodings, MixedEncodingsAreReadLineByLineAndSaidSo) {
  Imported r = Import("forms_mixed_encoding.csv");
  ASSERT_TRUE(r.status.ok()) << r.status.ToString();
  EXPECT_THAT(r.stats.encoding, HasSubstr("mixed"));
  EXPECT_THAT(r.stats.notes, ::testing::Contains(HasSubstr("Windows-1252 (first: line 3)")));
  ASSERT_EQ(r.sink.signals.size(), 3u);
  EXPECT_EQ(r.sink.signals[0].name, "Zo\xC3\xAB Park");
  EXPECT_EQ(r.sink.signals[0].text, "Caf\xC3\xA9 roof leak");
  EXPECT_EQ(r.sink.signals[1].name, "Ren\xC3\xA9" "e Holt");
  EXPECT_EQ(r.sink.signals[2].name, "Jos\xC3\xA9 N\xC3\xBA\xC3\xB1" "ez");
  EXPECT_EQ(r.sink.signals[2].text, "Se\xC3\xB1or, call me");
}

}  // namespace
}  // namespace ringback
