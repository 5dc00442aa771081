// JSON import (an array of objects, an object holding one, JSON lines) and JsonObjectFields
// (the webhook's and the form hook's reading of one object).
// Invariants: UTF-8 everywhere, no record both delivered and rejected (the reject of the rest
// after a break may share the line of the last record read), short rejects, stats
// agree; every field name and value JsonObjectFields gives is valid UTF-8.
#include <sstream>

#include "fuzz/fuzz_support.h"

using namespace ringback;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const CompanyConfig config = fuzz::FuzzCompany();
  const std::string input(reinterpret_cast<const char*>(data), size);
  {
    std::istringstream in(input);
    fuzz::CheckingSink sink;
    sink.rest_of_file_reason = "the JSON breaks off here";
    ImportStats stats;
    (void)ImportJson(in, "fuzz.json", config, ImportOptions{}, sink, &stats);
    sink.CheckStats(stats);
  }
  StatusOr<std::vector<std::pair<std::string, std::string>>> fields = JsonObjectFields(input);
  if (fields.ok()) {
    for (const auto& [name, value] : *fields) {
      fuzz::RequireUtf8(name, "JSON field name is not UTF-8");
      fuzz::RequireUtf8(value, "JSON field value is not UTF-8");
    }
  } else {
    fuzz::RequireUtf8(fields.status().message(), "JSON error is not UTF-8");
  }
  return 0;
}
