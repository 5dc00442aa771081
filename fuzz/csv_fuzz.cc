// CSV import (ImportCsv: encoding, delimiter, header search, column recognition, rows).
// Invariants: every text delivered or rejected is valid UTF-8; no row is both delivered and
// rejected; a reject quotes at most a few hundred bytes; the stats count what was delivered;
// the raw CsvReader's well-formed records never hold more bytes than it read (a malformed
// record's lines after its first are read again), and its lines only go forward.
#include <sstream>

#include "fuzz/fuzz_support.h"
#include "ingest/csv_reader.h"

using namespace ringback;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string input(reinterpret_cast<const char*>(data), size);
  static const CompanyConfig config = fuzz::FuzzCompany();
  {
    std::istringstream in(input);
    fuzz::CheckingSink sink;
    ImportStats stats;
    (void)ImportCsv(in, "fuzz.csv", config, sink, &stats);
    sink.CheckStats(stats);
  }
  {
    std::istringstream in(input);
    CsvReader reader(in);
    std::vector<std::string> fields;
    std::size_t bytes = 0;
    std::int64_t last_line = 0;
    while (reader.Next(fields)) {
      if (reader.error().empty())
        for (const std::string& f : fields) bytes += f.size();
      fuzz::Require(bytes <= input.size(), "CsvReader returned more bytes than it read");
      fuzz::Require(reader.line() > last_line, "CsvReader's line went backwards");
      last_line = reader.line();
    }
  }
  return 0;
}
