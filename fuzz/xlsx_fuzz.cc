// XLSX import (zip, shared strings, sheets, inline strings, dates, the zip-bomb bounds).
// Invariants: as for CSV (UTF-8 everywhere, no row both delivered and rejected, short rejects,
// stats agree); and a workbook never costs more memory than the limits allow (libFuzzer's
// -rss_limit_mb, set by scripts/fuzz).
#include <filesystem>

#include "fuzz/fuzz_support.h"

using namespace ringback;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const CompanyConfig config = fuzz::FuzzCompany();
  const std::string path = fuzz::WriteTempFile(data, size, ".xlsx");
  fuzz::CheckingSink sink;
  ImportStats stats;
  (void)ImportXlsx(path, "fuzz.xlsx", config, ImportOptions{}, sink, &stats);
  sink.CheckStats(stats);
  std::filesystem::remove(path);
  return 0;
}
