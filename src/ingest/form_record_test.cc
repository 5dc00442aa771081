// A website form's fields pushed to the form hook, read like a row of a web form export: the
// same synonyms and value rules find the phone, email, name and message, whatever the site
// calls them; the time is when the hook received it.
#include <gtest/gtest.h>

#include "ingest/importer.h"
#include "ingest/test_support.h"

namespace ringback {
namespace {

using Fields = std::vector<std::pair<std::string, std::string>>;
const Timestamp kNow = *ParseUtc("2026-11-23T14:05:00Z");

struct Read {
  testing::RecordingSink sink;
  std::string entry_id;
  Status status;
};

Read ReadForm(const Fields& fields) {
  Read r;
  ImportStats stats;
  r.status = ImportFormRecord(fields, "form hook: website", kNow, testing::TestCompany(), r.sink, &stats, &r.entry_id);
  return r;
}

TEST(FormRecord, CommonFieldNamesMapLikeAnExportsColumns) {
  Read r = ReadForm({{"your-name", "Jane Doe"}, {"your-email", "Jane@Example.com"}, {"tel-612", "(512) 555-0142"},
                     {"your-message", "Hail hit the roof last night, a few shingles are gone"}});
  ASSERT_TRUE(r.status.ok()) << r.status.ToString();
  ASSERT_EQ(r.sink.signals.size(), 1u);
  const Signal& s = r.sink.signals[0];
  EXPECT_EQ(s.channel, Channel::kForm);
  EXPECT_EQ(s.name, "Jane Doe");
  EXPECT_EQ(s.email, "jane@example.com");
  EXPECT_EQ(s.phone, "+15125550142");
  EXPECT_NE(s.text.find("Hail hit the roof"), std::string::npos);
  EXPECT_EQ(s.received_at, kNow);
  EXPECT_TRUE(r.entry_id.empty());
}

// Found by fuzz/webhook_fuzz.cc (tests/fuzz/webhook/form-field-not-utf8): bytes that are not
// UTF-8 went into the signal, the store and every output as they came.
TEST(FormRecord, FieldsThatAreNotUtf8AreReadAsWindows1252) {
  Read r = ReadForm({{"Name", "Jos\xE9 Pe\xF1" "a"}, {"Tel\xE9" "fono", "(512) 555-0142"},
                     {"Message", "Caf\xE9 roof leaks \x93" "badly\x94"}});
  ASSERT_TRUE(r.status.ok()) << r.status.ToString();
  ASSERT_EQ(r.sink.signals.size(), 1u);
  EXPECT_EQ(r.sink.signals[0].name, "José Peña");
  EXPECT_NE(r.sink.signals[0].text.find("Café roof leaks “badly”"), std::string::npos) << r.sink.signals[0].text;
}

TEST(FormRecord, UnknownNamesAreReadFromTheirValuesAndAFormDateIsNotTheTime) {
  Read r = ReadForm({{"data.field_1", "Sam Ortiz"}, {"data.field_2", "sam.ortiz@example.org"},
                     {"data.field_3", "512 555 0190"}, {"Preferred date", "2026-12-01"},
                     {"data.field_4", "Our AC stopped blowing cold air, can someone come out this week?"}});
  ASSERT_TRUE(r.status.ok()) << r.status.ToString();
  ASSERT_EQ(r.sink.signals.size(), 1u) << (r.sink.rejects.empty() ? "" : r.sink.rejects[0].reason);
  const Signal& s = r.sink.signals[0];
  EXPECT_EQ(s.email, "sam.ortiz@example.org");
  EXPECT_EQ(s.phone, "+15125550190");
  EXPECT_EQ(s.received_at, kNow) << "the arrival, not the visit the buyer would like";
  EXPECT_NE(s.text.find("AC stopped"), std::string::npos);
}

TEST(FormRecord, TheFormsEntryIdIsGivenBack) {
  Read r = ReadForm({{"Entry Id", "4711"}, {"Name", "Jane Doe"}, {"Phone", "5125550142"}, {"Message", "Gutter quote"}});
  ASSERT_TRUE(r.status.ok()) << r.status.ToString();
  ASSERT_EQ(r.sink.signals.size(), 1u);
  EXPECT_EQ(r.entry_id, "4711");
}

TEST(FormRecord, NoPhoneOrEmailIsARejectWithTheReason) {
  Read r = ReadForm({{"Name", "Jane Doe"}, {"Phone", "call me"}, {"Message", "Need a roof quote"}});
  EXPECT_TRUE(r.sink.signals.empty());
  const bool said = !r.status.ok() || !r.sink.rejects.empty();
  EXPECT_TRUE(said) << "the hook must be able to say why";
}

TEST(FormRecord, NoFieldsIsAnError) { EXPECT_FALSE(ReadForm({}).status.ok()); }

TEST(FormRecord, JsonObjectsFlattenLikeJsonExportRows) {
  auto fields = JsonObjectFields(R"({"name":"Jane","data":{"Email":"j@x.org","tags":["roof","urgent"]},"n":3})");
  ASSERT_TRUE(fields.ok()) << fields.status().ToString();
  EXPECT_EQ(*fields, (Fields{{"name", "Jane"}, {"data.Email", "j@x.org"}, {"data.tags", "roof, urgent"}, {"n", "3"}}));
  EXPECT_FALSE(JsonObjectFields("[1,2]").ok());
  EXPECT_FALSE(JsonObjectFields("{nope").ok());
}

}  // namespace
}  // namespace ringback
