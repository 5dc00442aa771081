// Google Voice Takeout pages (libxml2's HTML parser, then the calls, voicemails and texts).
// Invariants: UTF-8 everywhere, no record both delivered and rejected (counted: a line may
// hold several records), short rejects, stats agree with what was delivered.
#include <filesystem>

#include "fuzz/fuzz_support.h"

using namespace ringback;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const CompanyConfig config = fuzz::FuzzCompany();
  (void)LooksLikeGoogleVoicePage(std::string_view(reinterpret_cast<const char*>(data), size));
  const std::string path = fuzz::WriteTempFile(data, size, ".html");
  fuzz::CheckingSink sink;
  sink.lines_are_records = false;  // a page may hold several messages on one line
  ImportStats stats;
  (void)ImportGoogleVoice(path, "Calls/fuzz.html", config, sink, &stats);
  sink.CheckStats(stats);
  // Each call or message is delivered or set aside at most once.
  fuzz::Require(stats.signals + stats.attempts + stats.rejects <= stats.records,
                "more rows delivered and set aside than records read");
  std::filesystem::remove(path);
  return 0;
}
