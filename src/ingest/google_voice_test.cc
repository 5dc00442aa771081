// Google Voice Takeout pages read by ImportGoogleVoice: text that is not UTF-8 arrives as UTF-8.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "ingest/importer.h"
#include "ingest/test_support.h"
#include "ingest/text_decoder.h"

namespace ringback {
namespace {

using namespace ::ringback::testing;

// A voicemail page as Google writes it, with `name` and `words` put in as given.
std::string VoicemailPage(const std::string& name, const std::string& words) {
  return "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=UTF-8\" /></head>\n"
         "<body><div class=\"haudio\"><span class=\"fn\">Voicemail from " + name + "</span>\n"
         "<div class=\"contributor vcard\"><a class=\"tel\" href=\"tel:+15125550187\"><span class=\"fn\">" + name +
         "</span></a></div>\n"
         "<abbr class=\"published\" title=\"2026-11-19T08:05:00.000-06:00\">Nov 19, 2026</abbr>\n"
         "<span class=\"description\"><span class=\"full-text\">" + words + "</span></span>\n"
         "<abbr class=\"duration\" title=\"PT24S\">(00:00:24)</abbr>\n"
         "<div class=\"tags\"><a rel=\"tag\" href=\"http://www.google.com/voice#voicemail\">Voicemail</a></div>"
         "</div></body></html>\n";
}

// A page saved again by an editor in Windows-1252 says UTF-8 in its meta tag: told UTF-8,
// libxml2 passed its bytes through, and a name reached the queue as invalid UTF-8.
TEST(GoogleVoice, APageThatIsNotUtf8IsReadAsWindows1252) {
  TempDir dir;
  const std::string path = dir.Write("Jos\xc3\xa9 - Voicemail.html", VoicemailPage("Jos\xe9 Pe\xf1" "a", "No heat, se\xf1or"));
  RecordingSink sink;
  ImportStats stats;
  ASSERT_TRUE(ImportGoogleVoice(path, "Jose - Voicemail.html", TestCompany(), sink, &stats).ok());
  ASSERT_EQ(sink.signals.size(), 1u);
  EXPECT_EQ(sink.signals[0].name, "Jos\xc3\xa9 Pe\xc3\xb1" "a");
  EXPECT_THAT(sink.signals[0].text, ::testing::HasSubstr("se\xc3\xb1or"));
  EXPECT_EQ(sink.signals[0].source.line, 2) << "line numbers are the file's";
  EXPECT_EQ(stats.encoding, "windows-1252");
}

TEST(GoogleVoice, APageOverTheLimitIsRefused) {
  TempDir dir;
  const std::string path = dir.Write("big.html", VoicemailPage("Mara Quinn", std::string(17 << 20, 'a')));
  RecordingSink sink;
  const Status s = ImportGoogleVoice(path, "big.html", TestCompany(), sink, nullptr);
  EXPECT_FALSE(s.ok());
  EXPECT_THAT(s.message(), ::testing::HasSubstr("larger than 16 MiB"));
  EXPECT_TRUE(sink.signals.empty());
}

}  // namespace
}  // namespace ringback
