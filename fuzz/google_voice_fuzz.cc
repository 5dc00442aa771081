// Google Voice Takeout pages (libxml2's HTML parser, then the calls, voicemails and texts).
// Invariants: UTF-8 everywhere, no record both delivered and rejected, short rejects, stats
// agree with what was delivered.
#include <filesystem>

#include "fuzz/fuzz_support.h"

using namespace ringback;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const CompanyConfig config = fuzz::FuzzCompany();
  (void)LooksLikeGoogleVoicePage(std::string_view(reinterpret_cast<const char*>(data), size));
  const std::string path = fuzz::WriteTempFile(data, size, ".html");
  fuzz::CheckingSink sink;
  ImportStats stats;
  (void)ImportGoogleVoice(path, "Calls/fuzz.html", config, sink, &stats);
  sink.CheckStats(stats);
  std::filesystem::remove(path);
  return 0;
}
