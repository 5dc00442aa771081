// Mapping files, sanitizing on import, progress, streaming at size, malformed inputs (never a
// crash; the good rows still import) and MIME mail (multipart, encodings, broken boundary).
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <sstream>

#include "identity/phone.h"
#include "ingest/importer.h"
#include "ingest/mapping_file.h"
#include "ingest/progress.h"
#include "ingest/sanitizing_sink.h"
#include "ingest/test_support.h"

namespace ringback {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;
using namespace ::ringback::testing;

struct Imported {
  Status status;
  ImportStats stats;
  RecordingSink sink;
};

Imported Import(const std::string& path, const std::string& name, const ImportOptions& options = {}) {
  Imported out;
  out.status = ImportFile(path, name, TestCompany(), options, out.sink, &out.stats);
  return out;
}

Imported Fixture(const std::string& fixture, const ImportOptions& options = {}) {
  return Import(kIngestFixtures + fixture, fixture, options);
}

// ---- mapping files ----

TEST(MappingFile, UnknownExportIsReadByItsValuesAndAMappingSaysTheRest) {
  // "Customer #" names no field, but its values are phone numbers.
  Imported without = Fixture("custom_pbx_calls.csv");
  ASSERT_TRUE(without.status.ok()) << without.status.ToString();
  EXPECT_EQ(without.sink.signals.size(), 3u);
  ASSERT_FALSE(without.stats.tables.empty());
  EXPECT_THAT(without.stats.tables[0].unused, ::testing::Contains("Secs")) << "a column no field reads is named";

  // Headers that say nothing and values that do not decide: still an error naming the header.
  TempDir dir;
  Imported unreadable = Import(dir.Write("opaque.csv", "Thing,Other\nabc,def\nghi,jkl\n"), "opaque.csv");
  EXPECT_FALSE(unreadable.status.ok());
  EXPECT_THAT(unreadable.status.message(), HasSubstr("Thing")) << "the error shows the header it saw";
  EXPECT_THAT(unreadable.status.message(), HasSubstr("--mapping"));

  StatusOr<MappingOverride> mapping = LoadMappingOverride(kIngestFixtures + "custom_pbx.mapping.toml");
  ASSERT_TRUE(mapping.ok()) << mapping.status().ToString();
  ImportOptions options;
  options.mapping = *mapping;
  Imported r = Fixture("custom_pbx_calls.csv", options);
  ASSERT_TRUE(r.status.ok()) << r.status.ToString();
  EXPECT_EQ(r.stats.source, "Acme PBX call report");
  EXPECT_EQ(r.stats.kind, "call log");
  ASSERT_EQ(r.sink.signals.size(), 3u);
  EXPECT_EQ(r.sink.signals[0].phone, "+15125550151");
  EXPECT_EQ(r.sink.signals[0].name, "ELLIS MARA");
  EXPECT_FALSE(r.sink.signals[0].answered);
  EXPECT_TRUE(r.sink.signals[1].answered);
  EXPECT_EQ(r.sink.signals[1].duration_seconds, 125);
}

TEST(MappingFile, OverridesARecognisedColumn) {
  TempDir dir;
  const std::string csv = dir.Write("calls.csv",
                                    "Start Time,From,Callback Number,Result\n"
                                    "11/16/2026 08:03 AM,(512) 555-0100,(512) 555-0178,Missed\n");
  StatusOr<MappingOverride> m = ParseMappingOverride("[columns]\nfrom = \"callback number\"\n", "map.toml");
  ASSERT_TRUE(m.ok()) << m.status().ToString();
  ImportOptions options;
  options.mapping = *m;
  Imported r = Import(csv, "calls.csv", options);
  ASSERT_TRUE(r.status.ok()) << r.status.ToString();
  ASSERT_EQ(r.sink.signals.size(), 1u);
  EXPECT_EQ(r.sink.signals[0].phone, "+15125550178");
  EXPECT_EQ(r.stats.source, "mapping file map.toml");
}

TEST(MappingFile, ErrorsNameTheFileLineAndWhatIsWrong) {
  auto error = [](const std::string& toml) {
    StatusOr<MappingOverride> m = ParseMappingOverride(toml, "map.toml");
    return m.ok() ? std::string("(accepted)") : m.status().message();
  };
  EXPECT_THAT(error("kind = \"call log\"\n[columns]\nphonee = \"Tel\"\n"), HasSubstr("map.toml:3: columns.phonee: unknown field"));
  EXPECT_THAT(error("kind = \"calls\"\n[columns]\nphone = \"Tel\"\n"), Not(HasSubstr("unknown")));
  EXPECT_THAT(error("kind = \"faxes\"\n"), HasSubstr("map.toml:1: kind"));
  EXPECT_THAT(error("[columns]\ntime = 3\n"), HasSubstr("must be the column's header text"));
  EXPECT_THAT(error("header_row = 0\nkind = \"estimates\"\n"), HasSubstr("header_row"));
  EXPECT_THAT(error("colums = 1\n"), HasSubstr("unknown key \"colums\""));
  EXPECT_THAT(error("kind = \"call log\"\n[columns\n"), HasSubstr("map.toml:2"));
  EXPECT_THAT(error(""), HasSubstr("says nothing"));

  StatusOr<MappingOverride> m = ParseMappingOverride("[columns]\nfrom = \"Customer #\"\n", "map.toml");
  ASSERT_TRUE(m.ok());
  StatusOr<ColumnMap> applied = ApplyMappingOverride({"Date", "Phone #", "Notes"}, *m);
  ASSERT_FALSE(applied.ok());
  EXPECT_THAT(applied.status().message(), HasSubstr("columns.from = \"Customer #\": no such column"));
  EXPECT_THAT(applied.status().message(), HasSubstr("\"Phone #\""));
}

TEST(MappingFile, HeaderRowAndSheet) {
  TempDir dir;
  const std::string csv = dir.Write("calls.csv",
                                    "Phone report,,\n"
                                    "Date,Caller,Disposition\n"
                                    "11/16/2026 08:03 AM,(512) 555-0178,Missed\n");
  StatusOr<MappingOverride> m =
      ParseMappingOverride("header_row = 2\nkind = \"call log\"\n[columns]\nfrom = \"Caller\"\n", "map.toml");
  ASSERT_TRUE(m.ok()) << m.status().ToString();
  ImportOptions options;
  options.mapping = *m;
  Imported r = Import(csv, "calls.csv", options);
  ASSERT_TRUE(r.status.ok()) << r.status.ToString();
  ASSERT_EQ(r.stats.tables.size(), 1u);
  EXPECT_EQ(r.stats.tables[0].header_line, 2);
  EXPECT_EQ(r.sink.signals.size(), 1u);
}

// ---- sanitizing ----

TEST(Sanitize, HashedHandlesStillLinkAndShowOnlyTheLastFourDigits) {
  ImportOptions options;
  options.sanitize_key = "test-key-1";
  Imported r = Fixture("callrail_calls.csv", options);
  ASSERT_TRUE(r.status.ok()) << r.status.ToString();
  ASSERT_EQ(r.sink.signals.size(), 3u);
  const Signal& s = r.sink.signals[0];
  EXPECT_EQ(s.name, "D.M.");
  EXPECT_EQ(s.phone_raw, "***-***-0178");
  EXPECT_EQ(s.phone.rfind("h:", 0), 0u) << s.phone;
  EXPECT_EQ(s.phone.substr(s.phone.size() - 5), "-0178");
  EXPECT_EQ(MaskPhone(s.phone), "***-***-0178") << "what the report shows";
  EXPECT_EQ(PhoneHandle(s.phone).rfind("tel:h:", 0), 0u);
  for (char c : s.phone.substr(0, s.phone.size() - 4))
    EXPECT_FALSE(std::isdigit(static_cast<unsigned char>(c))) << "no other digit of the number is kept: " << s.phone;
  ASSERT_EQ(r.sink.attempts.size(), 1u);
  EXPECT_EQ(r.sink.attempts[0].phone, s.phone) << "the callback still links to the same person";
  EXPECT_NE(r.sink.signals[1].phone, s.phone);

  ImportOptions other;
  other.sanitize_key = "test-key-2";
  Imported r2 = Fixture("callrail_calls.csv", other);
  ASSERT_EQ(r2.sink.signals.size(), 3u);
  EXPECT_NE(r2.sink.signals[0].phone, s.phone) << "another key, another hash";
  EXPECT_EQ(r2.sink.signals[0].id, s.id) << "row identity does not depend on the key";
}

TEST(Sanitize, FreeTextAndEmailsAreScrubbed) {
  ImportOptions options;
  options.sanitize_key = "k";
  Imported r = Fixture("wpforms_entries.csv", options);
  ASSERT_TRUE(r.status.ok()) << r.status.ToString();
  ASSERT_EQ(r.sink.signals.size(), 2u);
  const Signal& glenn = r.sink.signals[1];
  EXPECT_EQ(glenn.name, "G.H.");
  EXPECT_THAT(glenn.email, HasSubstr("@sanitized.invalid"));
  EXPECT_THAT(glenn.email, Not(HasSubstr("glenn")));
  EXPECT_EQ(glenn.email, SanitizedEmail("glenn.harper@example.com", "k")) << "stable for linking";

  TempDir dir;
  const std::string csv = dir.Write(
      "forms.csv",
      "Entry Date,Name,Phone,Email,Message\n"
      "2026-11-16 08:00,Jane Doe,512-555-0142,jane@example.com,\"Call me at 512-555-0142 or jane@example.com, "
      "I'm at 4410 Oak Hollow Dr\"\n"
      "2026-11-16 09:00,Anonymous,555-12,,no phone\n");
  Imported forms = Import(csv, "forms.csv", options);
  ASSERT_EQ(forms.sink.signals.size(), 1u);
  const std::string& text = forms.sink.signals[0].text;
  EXPECT_THAT(text, Not(HasSubstr("0142")));
  EXPECT_THAT(text, Not(HasSubstr("jane@")));
  EXPECT_THAT(text, Not(HasSubstr("Oak Hollow")));
  EXPECT_THAT(text, HasSubstr("[phone]"));
  ASSERT_EQ(forms.sink.rejects.size(), 1u);
}

TEST(Sanitize, InvalidRawNumbersStillLinkWithoutShowingThem) {
  RecordingSink sink;
  SanitizingSink sanitizing(sink, "k");
  Signal a;
  a.phone_raw = "+1 (555) 123-4567";
  Signal b = a;
  Signal c;
  c.phone_raw = "+1 (555) 123-9999";
  ASSERT_TRUE(sanitizing.OnSignal(a).ok());
  ASSERT_TRUE(sanitizing.OnSignal(b).ok());
  ASSERT_TRUE(sanitizing.OnSignal(c).ok());
  EXPECT_EQ(sink.signals[0].phone_raw, sink.signals[1].phone_raw);
  EXPECT_NE(sink.signals[0].phone_raw, sink.signals[2].phone_raw);
  EXPECT_EQ(sink.signals[0].phone_raw.rfind("***-***-4567", 0), 0u) << sink.signals[0].phone_raw;
  EXPECT_THAT(sink.signals[0].phone_raw, Not(HasSubstr("123")));
}

// ---- progress ----

TEST(Progress, CallbackReachesTheFileSizeAndABarIsSilentOffATerminal) {
  std::vector<std::pair<std::int64_t, std::int64_t>> calls;
  ImportOptions options;
  options.progress = [&calls](std::int64_t done, std::int64_t total) { calls.emplace_back(done, total); };
  Imported r = Fixture("twilio_messages.csv", options);
  ASSERT_TRUE(r.status.ok());
  ASSERT_FALSE(calls.empty());
  const auto size = static_cast<std::int64_t>(std::filesystem::file_size(kIngestFixtures + "twilio_messages.csv"));
  EXPECT_EQ(calls.back().first, size);
  EXPECT_EQ(calls.back().second, size);
  for (std::size_t i = 1; i < calls.size(); ++i) EXPECT_GE(calls[i].first, calls[i - 1].first);

  std::ostringstream err;
  {
    ProgressBar bar(err, /*enabled=*/false);
    bar.Begin("calls.csv");
    ProgressFn update = bar.Callback();
    for (int i = 0; i <= 100; ++i) update(i, 100);
    bar.End();
  }
  EXPECT_EQ(err.str(), "") << "no bar when output is not a terminal";
}

// ---- size and malformed input ----

// Generates `rows` call-log rows on the fly, so the test holds no big file in memory.
class GeneratedCsv : public std::streambuf {
 public:
  explicit GeneratedCsv(int rows) : rows_(rows) { Refill(); }

 protected:
  int_type underflow() override {
    if (gptr() < egptr()) return traits_type::to_int_type(*gptr());
    return Refill() ? traits_type::to_int_type(*gptr()) : traits_type::eof();
  }

 private:
  bool Refill() {
    buf_.clear();
    if (next_ == 0) buf_ = "Start Time,Direction,From,Caller Name,Result,Duration (sec),Notes\n";
    while (buf_.size() < 60000 && next_ < rows_) {
      const int i = next_++;
      buf_ += "11/16/2026 08:" + std::string(i % 60 < 10 ? "0" : "") + std::to_string(i % 60) + " AM," +
              (i % 5 == 0 ? "Outbound" : "Inbound") + ",(512) 555-01" + std::to_string(10 + i % 90) +
              ",CALLER " + std::to_string(i) + ",Missed,0,\"note, with comma\"\n";
    }
    setg(buf_.data(), buf_.data(), buf_.data() + buf_.size());
    return !buf_.empty();
  }
  int rows_;
  int next_ = 0;
  std::string buf_;
};

class CountingSink : public ImportSink {
 public:
  Status OnSignal(const Signal& s) override {
    ++signals;
    last_line = s.source.line;
    return Status::Ok();
  }
  Status OnAttempt(const Attempt&) override {
    ++attempts;
    return Status::Ok();
  }
  Status OnEstimate(const Estimate&) override { return Status::Ok(); }
  Status OnReject(const Reject&) override {
    ++rejects;
    return Status::Ok();
  }
  std::int64_t signals = 0, attempts = 0, rejects = 0, last_line = 0;
};

TEST(Streaming, SixtyThousandRowsStreamThroughAGeneratedStream) {
  constexpr int kRows = 60000;
  GeneratedCsv gen(kRows);
  std::istream in(&gen);
  CountingSink sink;
  ImportStats stats;
  ASSERT_TRUE(ImportCsv(in, "big.csv", TestCompany(), sink, &stats).ok());
  EXPECT_EQ(stats.records, kRows);
  EXPECT_EQ(sink.attempts, kRows / 5);
  EXPECT_EQ(sink.signals, kRows - kRows / 5);
  EXPECT_EQ(sink.rejects, 0);
  EXPECT_EQ(sink.last_line, kRows + 1);
}

TEST(Malformed, ATenMegabyteFieldIsARejectAndTheOtherRowsImport) {
  TempDir dir;
  const std::string big(10 * 1000 * 1000, 'x');
  const std::string path = dir.Write("vm.csv",
                                     "Received,From,Caller Name,Duration (sec),Transcription\n"
                                     "2026-11-16 08:05,+15125550178,A,12,one\n"
                                     "2026-11-16 08:06,+15125550179,B,12,\"" + big + "\"\n"
                                     "2026-11-16 08:07,+15125550180,C,12," + big + "\n"
                                     "2026-11-16 08:08,+15125550181,D,12,four\n");
  Imported r = Import(path, "vm.csv");
  ASSERT_TRUE(r.status.ok()) << r.status.ToString();
  ASSERT_EQ(r.sink.signals.size(), 2u);
  EXPECT_EQ(r.sink.signals[1].source.line, 5);
  ASSERT_EQ(r.sink.rejects.size(), 2u);
  EXPECT_EQ(r.sink.rejects[0].line, 3);
  EXPECT_EQ(r.sink.rejects[0].field, "text");
  EXPECT_THAT(r.sink.rejects[0].reason, HasSubstr("10.0 MB"));
  EXPECT_EQ(r.sink.rejects[1].line, 4);
}

TEST(Malformed, AnUnquotedRecordPast16MiBIsSkippedToItsLineEnd) {
  TempDir dir;
  const std::string huge(17 * 1024 * 1024, 'y');
  const std::string path = dir.Write("vm.csv",
                                     "Received,From,Caller Name,Duration (sec),Transcription\n"
                                     "2026-11-16 08:05,+15125550178,A,12," + huge + "\n"
                                     "2026-11-16 08:08,+15125550181,D,12,after\n");
  Imported r = Import(path, "vm.csv");
  ASSERT_TRUE(r.status.ok()) << r.status.ToString();
  ASSERT_EQ(r.sink.signals.size(), 1u);
  EXPECT_EQ(r.sink.signals[0].text, "after");
  EXPECT_EQ(r.sink.signals[0].source.line, 3);
  ASSERT_EQ(r.sink.rejects.size(), 1u);
  EXPECT_THAT(r.sink.rejects[0].reason, HasSubstr("16 MiB"));
}

TEST(Malformed, EmptyBlankAndBinaryFilesAreClearErrors) {
  TempDir dir;
  Imported empty = Import(dir.Write("empty.csv", ""), "empty.csv");
  EXPECT_THAT(empty.status.message(), HasSubstr("empty.csv:0: the file is empty"));
  Imported blank = Import(dir.Write("blank.csv", "  \r\n\n"), "blank.csv");
  EXPECT_THAT(blank.status.message(), HasSubstr("blank space"));
  static constexpr char kJpeg[] = "\xFF\xD8\xFF\xE0\0\x10JFIF\0\x01\x02\0\0\x01\0\x01";
  Imported binary = Import(dir.Write("photo.jpg", std::string(kJpeg, sizeof kJpeg - 1)), "photo.jpg");
  EXPECT_FALSE(binary.status.ok());
  Imported xls = Import(dir.Write("old.xls", std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\0\0\0\0", 12)), "old.xls");
  EXPECT_THAT(xls.status.message(), HasSubstr(".xls"));
  Imported folder = Import(dir.Path(""), "folder");
  EXPECT_FALSE(folder.status.ok());
}

// ---- mail ----

TEST(Mail, MultipartQuotedPrintableEncodedWordsAndQuotedReplies) {
  Imported r = Fixture("mail_multipart.mbox");
  ASSERT_TRUE(r.status.ok()) << r.status.ToString();
  EXPECT_EQ(r.stats.format, "mbox");
  ASSERT_EQ(r.sink.signals.size(), 3u);
  const Signal& reply = r.sink.signals[0];
  EXPECT_EQ(reply.name, "Zo\xC3\xAB Park") << "RFC 2047 B-encoded name";
  EXPECT_EQ(reply.email, "zoe.park@example.com");
  EXPECT_EQ(reply.subject, "Re: Leak in the caf\xC3\xA9 ceiling") << "RFC 2047 Q-encoded subject";
  EXPECT_EQ(reply.text, "Yes, Thursday at 9 works \xE2\x80\x94 the leak is worse today.")
      << "only the new reply, from the plain part";
  EXPECT_EQ(reply.received_at, Utc("2026-11-16T18:12:40Z"));

  const Signal& html = r.sink.signals[1];
  EXPECT_EQ(html.subject, "No heat");
  EXPECT_THAT(html.text, HasSubstr("Our furnace stopped working last night & it\xE2\x80\x99s 55"));
  EXPECT_THAT(html.text, HasSubstr("Please call 512-555-0131."));
  EXPECT_THAT(html.text, Not(HasSubstr("<")));
  EXPECT_THAT(html.text, Not(HasSubstr("color")));

  const Signal& latin = r.sink.signals[2];
  EXPECT_EQ(latin.name, "Ren\xC3\xA9" "e Holt");
  EXPECT_EQ(latin.subject, "Devis toiture \xC3\xA0 refaire");
  EXPECT_EQ(latin.text, "Bonjour, pouvez-vous venir mardi? Le toit fuit pr\xC3\xA8s de la chemin\xC3\xA9" "e.");
  EXPECT_THAT(latin.text, Not(HasSubstr("attachment")));
}

TEST(Mail, BrokenBoundaryStillYieldsTheMessage) {
  Imported r = Fixture("mail_broken_boundary.eml");
  ASSERT_TRUE(r.status.ok()) << r.status.ToString();
  EXPECT_EQ(r.stats.format, "eml");
  ASSERT_EQ(r.sink.signals.size(), 1u);
  EXPECT_EQ(r.sink.signals[0].subject, "Skylight dripping");
  EXPECT_EQ(r.sink.signals[0].text, "The skylight over the kitchen is dripping again when it rains.");
}

TEST(Mail, TruncatedMailboxKeepsWhatItHas) {
  TempDir dir;
  std::ifstream in(kIngestFixtures + "mail_multipart.mbox", std::ios::binary);
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  const std::string cut = dir.Write("cut.mbox", bytes.substr(0, bytes.find("From hank@") + 200));
  Imported r = Import(cut, "cut.mbox");
  ASSERT_TRUE(r.status.ok()) << r.status.ToString();
  EXPECT_GE(r.sink.signals.size(), 1u);
  EXPECT_EQ(r.sink.signals[0].name, "Zo\xC3\xAB Park");
}

}  // namespace
}  // namespace ringback

namespace ringback {
namespace {

// A mapping file's kind takes channel aliases: "gbp" reads every row as a Business Profile
// message, with that lead source.
TEST(MappingFile, KindTakesChannelAliases) {
  StatusOr<MappingOverride> gbp = ParseMappingOverride("kind = \"gbp\"\n", "gbp.mapping.toml");
  ASSERT_TRUE(gbp.ok()) << gbp.status().ToString();
  EXPECT_EQ(gbp->kind, SourceKind::kForm);
  EXPECT_EQ(gbp->channel, Channel::kProfile);
  StatusOr<MappingOverride> text = ParseMappingOverride("kind = \"TXT\"\n", "t.mapping.toml");
  ASSERT_TRUE(text.ok());
  EXPECT_EQ(text->kind, SourceKind::kSms);

  TempDir dir;
  const std::string csv = dir.Write("chats.csv", "Date,Customer,Phone,Message\n"
                                                 "2023-05-02 10:14,Ann Lee,(512) 555-0141,Do you repair hail damage?\n");
  ImportOptions options;
  options.mapping = *gbp;
  RecordingSink sink;
  ImportStats stats;
  ASSERT_TRUE(ImportFile(csv, "chats.csv", testing::TestCompany(), options, sink, &stats).ok());
  ASSERT_EQ(sink.signals.size(), 1u);
  EXPECT_EQ(sink.signals[0].channel, Channel::kProfile);
  EXPECT_EQ(sink.signals[0].lead_source, "Google Business Profile");
}

}  // namespace
}  // namespace ringback
