// Mapping files (`--mapping FILE`: TOML naming the kind, the header row and each column).
// Invariants: an error names the file and is valid UTF-8 and short; a mapping that loads
// applies to a header holding the columns it names, and every mapped column is one of that
// header's.
#include "fuzz/fuzz_support.h"
#include "ingest/mapping_file.h"

using namespace ringback;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  StatusOr<MappingOverride> mapping = ParseMappingOverride(input, "map.toml");
  if (!mapping.ok()) {
    fuzz::RequireUtf8(mapping.status().message(), "mapping error is not UTF-8");
    fuzz::Require(mapping.status().message().starts_with("map.toml"), "mapping error does not name the file",
                  mapping.status().message());
    return 0;
  }
  std::vector<std::string> header = {"Call Date", "Customer #", "Direction", "Duration", "Notes"};
  for (const auto& [field, column] : mapping->columns) header.push_back(column);
  StatusOr<ColumnMap> map = ApplyMappingOverride(header, *mapping);
  if (!map.ok()) {
    fuzz::RequireUtf8(map.status().message(), "mapping error is not UTF-8");
    return 0;
  }
  for (int col : map->column) fuzz::Require(col >= -1 && col < static_cast<int>(header.size()), "mapped column out of range");
  for (const auto& [field, col] : map->fallbacks) fuzz::Require(col >= 0 && col < static_cast<int>(header.size()), "fallback out of range");
  for (const auto& [field, col] : map->extra) fuzz::Require(col >= 0 && col < static_cast<int>(header.size()), "extra column out of range");
  fuzz::RequireUtf8(map->profile, "mapping profile is not UTF-8");
  return 0;
}
