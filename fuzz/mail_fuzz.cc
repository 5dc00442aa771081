// Mail import (mbox or one message: headers, MIME parts, charsets, encodings, quoted replies).
// Invariants: UTF-8 everywhere, no message both delivered and rejected, short rejects, stats
// agree with what was delivered.
#include <filesystem>

#include "fuzz/fuzz_support.h"

using namespace ringback;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const CompanyConfig config = fuzz::FuzzCompany();
  const std::string path = fuzz::WriteTempFile(data, size, ".mbox");
  fuzz::CheckingSink sink;
  ImportStats stats;
  (void)ImportMail(path, "fuzz.mbox", config, sink, &stats);
  sink.CheckStats(stats);
  std::filesystem::remove(path);
  return 0;
}
