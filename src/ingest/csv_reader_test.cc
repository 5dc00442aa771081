// CsvReader: RFC 4180 records from a stream, line numbers that match the file, and recovery
// from a malformed record without losing the good rows after it.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <vector>

#include "ingest/csv_reader.h"

namespace ringback {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;
using ::testing::Not;

struct Record {
  std::vector<std::string> fields;
  std::int64_t line = 0;
  std::string error;
};

std::vector<Record> ReadAll(const std::string& text, char delimiter = 0) {
  std::istringstream in(text);
  CsvReader reader(in, delimiter);
  std::vector<Record> out;
  std::vector<std::string> fields;
  while (reader.Next(fields)) {
    out.push_back({fields, reader.line(), reader.error()});
    if (out.size() > 100000) break;  // a reader that never ends must not hang the test
  }
  return out;
}

TEST(CsvReader, PlainRecordsWithLineNumbers) {
  auto records = ReadAll("a,b,c\n1,2,3\n4,5,6\n");
  ASSERT_EQ(records.size(), 3u);
  EXPECT_THAT(records[0].fields, ElementsAre("a", "b", "c"));
  EXPECT_THAT(records[1].fields, ElementsAre("1", "2", "3"));
  EXPECT_THAT(records[2].fields, ElementsAre("4", "5", "6"));
  EXPECT_EQ(records[0].line, 1);
  EXPECT_EQ(records[1].line, 2);
  EXPECT_EQ(records[2].line, 3);
  for (const Record& r : records) EXPECT_EQ(r.error, "");
}

TEST(CsvReader, EmptyInputHasNoRecords) {
  EXPECT_THAT(ReadAll(""), IsEmpty());
}

TEST(CsvReader, LastLineWithoutNewline) {
  auto records = ReadAll("a,b\n1,2");
  ASSERT_EQ(records.size(), 2u);
  EXPECT_THAT(records[1].fields, ElementsAre("1", "2"));
}

TEST(CsvReader, EmptyFieldsAreKept) {
  auto records = ReadAll("a,b,c\n,,\n1,,3\n");
  ASSERT_EQ(records.size(), 3u);
  EXPECT_THAT(records[1].fields, ElementsAre("", "", ""));
  EXPECT_THAT(records[2].fields, ElementsAre("1", "", "3"));
}

TEST(CsvReader, QuotedFieldsMayHoldCommas) {
  auto records = ReadAll("Name,Address\n\"Doe, Jane\",\"2208 Prairie Dove Ln, Temple, TX 76502\"\n");
  ASSERT_EQ(records.size(), 2u);
  EXPECT_THAT(records[1].fields, ElementsAre("Doe, Jane", "2208 Prairie Dove Ln, Temple, TX 76502"));
  EXPECT_EQ(records[1].error, "");
}

TEST(CsvReader, DoubledQuotesAreOneQuote) {
  auto records = ReadAll("a,b\n\"she said \"\"call me\"\"\",x\n\"\"\"\",\"\"\n");
  ASSERT_EQ(records.size(), 3u);
  EXPECT_THAT(records[1].fields, ElementsAre("she said \"call me\"", "x"));
  EXPECT_THAT(records[2].fields, ElementsAre("\"", ""));
}

TEST(CsvReader, EmbeddedNewlinesKeepTheFollowingLineNumbersRight) {
  const std::string text =
      "Received,Transcription\n"                    // line 1
      "2026-11-16,\"first line\nsecond line\n\"\n"  // lines 2-4
      "2026-11-17,next\n"                           // line 5
      "2026-11-18,\"a\nb\"\n"                       // lines 6-7
      "2026-11-19,last\n";                          // line 8
  auto records = ReadAll(text);
  ASSERT_EQ(records.size(), 5u);
  EXPECT_EQ(records[1].line, 2);
  EXPECT_THAT(records[1].fields, ElementsAre("2026-11-16", "first line\nsecond line\n"));
  EXPECT_EQ(records[2].line, 5);
  EXPECT_THAT(records[2].fields, ElementsAre("2026-11-17", "next"));
  EXPECT_EQ(records[3].line, 6);
  EXPECT_THAT(records[3].fields, ElementsAre("2026-11-18", "a\nb"));
  EXPECT_EQ(records[4].line, 8);
}

TEST(CsvReader, ByteOrderMarkIsNotPartOfTheFirstHeader) {
  auto records = ReadAll("\xEF\xBB\xBFStart Time,From\n11/16/2026 08:03 AM,(512) 555-0178\n");
  ASSERT_EQ(records.size(), 2u);
  EXPECT_THAT(records[0].fields, ElementsAre("Start Time", "From"));
  EXPECT_EQ(records[1].line, 2);
}

TEST(CsvReader, DetectsSemicolonDelimiter) {
  std::istringstream in("Datum;Name;Phone\n16.11.2026;\"Doe, Jane\";512-555-0142\n");
  CsvReader reader(in);
  std::vector<std::string> fields;
  ASSERT_TRUE(reader.Next(fields));
  EXPECT_EQ(reader.delimiter(), ';');
  EXPECT_THAT(fields, ElementsAre("Datum", "Name", "Phone"));
  ASSERT_TRUE(reader.Next(fields));
  EXPECT_THAT(fields, ElementsAre("16.11.2026", "Doe, Jane", "512-555-0142"));
}

TEST(CsvReader, DetectsTabDelimiter) {
  std::istringstream in("Date\tName\tNote\n2026-11-16\tJane Doe\tcall, please\n");
  CsvReader reader(in);
  std::vector<std::string> fields;
  ASSERT_TRUE(reader.Next(fields));
  EXPECT_EQ(reader.delimiter(), '\t');
  EXPECT_THAT(fields, ElementsAre("Date", "Name", "Note"));
  ASSERT_TRUE(reader.Next(fields));
  EXPECT_THAT(fields, ElementsAre("2026-11-16", "Jane Doe", "call, please"));
}

TEST(CsvReader, CommaWinsWhenTheHeaderHasMostCommas) {
  std::istringstream in("a,b,c;d\n1,2,3;4\n");
  CsvReader reader(in);
  std::vector<std::string> fields;
  ASSERT_TRUE(reader.Next(fields));
  EXPECT_EQ(reader.delimiter(), ',');
  EXPECT_THAT(fields, ElementsAre("a", "b", "c;d"));
}

TEST(CsvReader, ExplicitDelimiterIsUsed) {
  auto records = ReadAll("a|b,c\n1|2,3\n", '|');
  ASSERT_EQ(records.size(), 2u);
  EXPECT_THAT(records[1].fields, ElementsAre("1", "2,3"));
}

TEST(CsvReader, CrlfLineEndingsLeaveNoCarriageReturns) {
  auto records = ReadAll("a,b\r\n1,2\r\n\"x\r\ny\",3\r\n4,5\r\n");
  ASSERT_EQ(records.size(), 4u);
  EXPECT_THAT(records[0].fields, ElementsAre("a", "b"));
  EXPECT_THAT(records[1].fields, ElementsAre("1", "2"));
  EXPECT_THAT(records[2].fields, ElementsAre("x\r\ny", "3"));
  EXPECT_THAT(records[3].fields, ElementsAre("4", "5"));
  EXPECT_EQ(records[1].line, 2);
  EXPECT_EQ(records[2].line, 3);
  EXPECT_EQ(records[3].line, 5);
}

// Found by fuzz/csv_fuzz.cc (tests/fuzz/csv/bare-cr-line-numbers): a file whose lines end in a
// bare CR (classic Mac, some exports) named every row "line 1" in its rejects, and a quote
// that never closed swallowed every row after it.
TEST(CsvReader, BareCarriageReturnsEndLinesAndRecords) {
  auto records = ReadAll("a,b\r1,2\r3,4\r");
  ASSERT_EQ(records.size(), 3u);
  EXPECT_THAT(records[2].fields, ElementsAre("3", "4"));
  EXPECT_EQ(records[1].line, 2);
  EXPECT_EQ(records[2].line, 3);

  records = ReadAll("From,Body\r+15125550101,\"never closed\r+15125550102,ok\r");
  ASSERT_EQ(records.size(), 3u);
  EXPECT_THAT(records[1].error, Not(IsEmpty()));
  EXPECT_EQ(records[2].error, "");
  EXPECT_EQ(records[2].line, 3);
  EXPECT_THAT(records[2].fields, ElementsAre("+15125550102", "ok"));
}

TEST(CsvReader, UnclosedQuoteDoesNotSwallowTheFollowingRows) {
  const std::string text =
      "From,Body\n"                  // line 1
      "+15125550101,ok one\n"        // line 2
      "+15125550102,\"never closed\n"  // line 3: the quote never closes
      "+15125550103,ok three\n"      // line 4
      "+15125550104,ok four\n";      // line 5
  auto records = ReadAll(text);
  ASSERT_EQ(records.size(), 5u);
  EXPECT_EQ(records[1].error, "");
  EXPECT_EQ(records[2].line, 3);
  EXPECT_THAT(records[2].error, Not(IsEmpty()));
  EXPECT_EQ(records[3].error, "");
  EXPECT_EQ(records[3].line, 4);
  EXPECT_THAT(records[3].fields, ElementsAre("+15125550103", "ok three"));
  EXPECT_EQ(records[4].error, "");
  EXPECT_EQ(records[4].line, 5);
  EXPECT_THAT(records[4].fields, ElementsAre("+15125550104", "ok four"));
}

TEST(CsvReader, UnclosedQuoteBeforeManyRowsLosesNone) {
  // Generated at size: one runaway quote, then thousands of good rows.
  std::string text = "From,Body\n+15125550101,\"runaway\n";
  constexpr int kRows = 5000;
  for (int i = 0; i < kRows; ++i) text += "+1512555010" + std::to_string(i % 10) + ",row " + std::to_string(i) + "\n";
  auto records = ReadAll(text);
  ASSERT_EQ(records.size(), static_cast<std::size_t>(kRows) + 2);
  EXPECT_THAT(records[1].error, Not(IsEmpty()));
  for (int i = 0; i < kRows; ++i) {
    const Record& r = records[static_cast<std::size_t>(i) + 2];
    ASSERT_EQ(r.error, "") << "row " << i;
    ASSERT_EQ(r.line, i + 3) << "row " << i;
    ASSERT_EQ(r.fields.size(), 2u);
    ASSERT_EQ(r.fields[1], "row " + std::to_string(i));
  }
}

TEST(CsvReader, TextAfterAClosingQuoteIsAnErrorForThatRecordOnly) {
  auto records = ReadAll("a,b\n\"abc\"def,1\n2,3\n");
  ASSERT_EQ(records.size(), 3u);
  EXPECT_THAT(records[1].error, Not(IsEmpty()));
  EXPECT_EQ(records[2].error, "");
  EXPECT_THAT(records[2].fields, ElementsAre("2", "3"));
  EXPECT_EQ(records[2].line, 3);
}

TEST(CsvReader, ErrorIsClearedForTheNextGoodRecord) {
  std::istringstream in("a,b\n\"x\"y,1\n2,3\n");
  CsvReader reader(in);
  std::vector<std::string> fields;
  ASSERT_TRUE(reader.Next(fields));
  ASSERT_TRUE(reader.Next(fields));
  EXPECT_FALSE(reader.error().empty());
  ASSERT_TRUE(reader.Next(fields));
  EXPECT_TRUE(reader.error().empty());
  EXPECT_FALSE(reader.Next(fields));
}

TEST(CsvReader, QuoteInsideAnUnquotedFieldIsLiteral) {
  auto records = ReadAll("a,b\n5\" pipe,2\n");
  ASSERT_EQ(records.size(), 2u);
  EXPECT_THAT(records[1].fields, ElementsAre("5\" pipe", "2"));
}

}  // namespace
}  // namespace ringback
