// MapColumns: recognising each export of the sample week from its header row alone.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "ingest/column_map.h"

namespace ringback {
namespace {

std::vector<std::string> Split(const std::string& header) {
  std::vector<std::string> out(1);
  for (char c : header) {
    if (c == ',') out.emplace_back();
    else out.back() += c;
  }
  return out;
}

TEST(FoldHeader, LowerCasesAndFoldsPunctuationToSingleSpaces) {
  EXPECT_EQ(FoldHeader("Duration (sec)"), "duration sec");
  EXPECT_EQ(FoldHeader("Name (First)"), "name first");
  EXPECT_EQ(FoldHeader("  Caller   Name "), "caller name");
  EXPECT_EQ(FoldHeader("Total ($)"), "total $");
  EXPECT_EQ(FoldHeader("Quote #"), "quote #");
  EXPECT_EQ(FoldHeader("E-mail"), "e mail");
  EXPECT_EQ(FoldHeader("SentDate"), "sentdate");
  EXPECT_EQ(FoldHeader(""), "");
}

TEST(MapColumns, CallLog) {
  auto map = MapColumns(Split("Start Time,Direction,From,Caller Name,To,Result,Duration (sec),Agent"));
  ASSERT_TRUE(map.has_value());
  EXPECT_EQ(map->kind, SourceKind::kCallLog);
  EXPECT_EQ((*map)[Field::kTime], 0);
  EXPECT_EQ((*map)[Field::kDirection], 1);
  EXPECT_EQ((*map)[Field::kFrom], 2);
  EXPECT_EQ((*map)[Field::kName], 3);
  EXPECT_EQ((*map)[Field::kTo], 4);
  EXPECT_EQ((*map)[Field::kResult], 5);
  EXPECT_EQ((*map)[Field::kDuration], 6);
  EXPECT_EQ((*map)[Field::kAgent], 7);
  EXPECT_FALSE(map->has(Field::kClock));
  EXPECT_FALSE(map->has(Field::kText));
}

TEST(MapColumns, VoicemailTranscripts) {
  auto map = MapColumns(Split("Received,From,Caller Name,Duration (sec),Transcription"));
  ASSERT_TRUE(map.has_value());
  EXPECT_EQ(map->kind, SourceKind::kVoicemail);
  EXPECT_EQ((*map)[Field::kTime], 0);
  EXPECT_EQ((*map)[Field::kFrom], 1);
  EXPECT_EQ((*map)[Field::kName], 2);
  EXPECT_EQ((*map)[Field::kDuration], 3);
  EXPECT_EQ((*map)[Field::kText], 4);
}

TEST(MapColumns, WebForms) {
  auto map = MapColumns(
      Split("Entry Id,Entry Date,Name (First),Name (Last),Phone,Email,Service,Street Address,Message"));
  ASSERT_TRUE(map.has_value());
  EXPECT_EQ(map->kind, SourceKind::kForm);
  EXPECT_EQ((*map)[Field::kNumber], 0);
  EXPECT_EQ((*map)[Field::kTime], 1);
  EXPECT_EQ((*map)[Field::kFirstName], 2);
  EXPECT_EQ((*map)[Field::kLastName], 3);
  EXPECT_EQ((*map)[Field::kPhone], 4);
  EXPECT_EQ((*map)[Field::kEmail], 5);
  EXPECT_EQ((*map)[Field::kService], 6);
  EXPECT_EQ((*map)[Field::kAddress], 7);
  EXPECT_EQ((*map)[Field::kText], 8);
}

TEST(MapColumns, TwilioTextMessages) {
  auto map = MapColumns(Split("From,To,Body,Status,SentDate,Direction,Sid"));
  ASSERT_TRUE(map.has_value());
  EXPECT_EQ(map->kind, SourceKind::kSms);
  EXPECT_EQ((*map)[Field::kFrom], 0);
  EXPECT_EQ((*map)[Field::kTo], 1);
  EXPECT_EQ((*map)[Field::kText], 2);
  EXPECT_EQ((*map)[Field::kStatus], 3);
  EXPECT_EQ((*map)[Field::kTime], 4);
  EXPECT_EQ((*map)[Field::kDirection], 5);
  EXPECT_EQ((*map)[Field::kNumber], 6);
}

TEST(MapColumns, Estimates) {
  auto map = MapColumns(
      Split("Quote #,Client name,Client phone,Client email,Salesperson,Service,Status,Total ($),Sent date"));
  ASSERT_TRUE(map.has_value());
  EXPECT_EQ(map->kind, SourceKind::kEstimates);
  EXPECT_EQ((*map)[Field::kNumber], 0);
  EXPECT_EQ((*map)[Field::kName], 1);
  EXPECT_EQ((*map)[Field::kPhone], 2);
  EXPECT_EQ((*map)[Field::kEmail], 3);
  EXPECT_EQ((*map)[Field::kEstimator], 4);
  EXPECT_EQ((*map)[Field::kService], 5);
  EXPECT_EQ((*map)[Field::kStatus], 6);
  EXPECT_EQ((*map)[Field::kTotal], 7);
  EXPECT_EQ((*map)[Field::kTime], 8);
}

TEST(MapColumns, HeadersAreMatchedWhateverTheirCase) {
  auto map = MapColumns(Split("START TIME,direction,FROM,caller name,TO,RESULT,duration (SEC),agent"));
  ASSERT_TRUE(map.has_value());
  EXPECT_EQ(map->kind, SourceKind::kCallLog);
  EXPECT_EQ((*map)[Field::kFrom], 2);
}

TEST(MapColumns, SeparateDateAndTimeColumns) {
  auto map = MapColumns(Split("Date,Time,Caller ID,Call Duration,Disposition"));
  ASSERT_TRUE(map.has_value());
  EXPECT_EQ(map->kind, SourceKind::kCallLog);
  EXPECT_EQ((*map)[Field::kTime], 0);
  EXPECT_EQ((*map)[Field::kClock], 1);
  EXPECT_EQ((*map)[Field::kFrom], 2);
}

TEST(MapColumns, UnrelatedHeadersAreNotRecognised) {
  EXPECT_FALSE(MapColumns(Split("Product,Quantity,Color")).has_value());
  EXPECT_FALSE(MapColumns(Split("Date,Notes")).has_value()) << "no phone, email or From column";
  EXPECT_FALSE(MapColumns(Split("Phone,Email,Name")).has_value()) << "no date column";
  EXPECT_FALSE(MapColumns({}).has_value());
  EXPECT_FALSE(MapColumns({""}).has_value());
}

TEST(SourceKindName, NamesEveryKind) {
  EXPECT_EQ(SourceKindName(SourceKind::kCallLog), "call log");
  EXPECT_EQ(SourceKindName(SourceKind::kVoicemail), "voicemail transcripts");
  EXPECT_EQ(SourceKindName(SourceKind::kForm), "web forms");
  EXPECT_EQ(SourceKindName(SourceKind::kSms), "text messages");
  EXPECT_EQ(SourceKindName(SourceKind::kEstimates), "estimates");
}

TEST(FieldName, NamesFieldsForRejects) {
  EXPECT_EQ(FieldName(Field::kTime), "time");
  EXPECT_EQ(FieldName(Field::kPhone), "phone");
  EXPECT_EQ(FieldName(Field::kEstimator), "estimator");
}

}  // namespace
}  // namespace ringback
