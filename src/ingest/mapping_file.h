// A mapping file: the user's own word on which column is which, for an export Ringback does
// not recognise or reads wrongly. A small TOML file:
//
//   kind = "call log"          # optional: call log | voicemail | web forms | text messages | estimates,
//                              #   or a channel alias: "text", "vm", "gbp" (Business Profile messages)...
//   name = "Acme PBX export"   # optional: how inspect names the source
//   header_row = 3             # optional: the header's line (CSV) or row (XLSX); else found
//   sheet = "Calls"            # optional, XLSX: only this sheet
//   [columns]
//   time = "Call Date"         # field = header text as the file writes it (case and
//   from = "Customer #"        #   punctuation do not matter)
//
// Fields are those of FieldName(): time, clock, direction, from, to, phone, email, name,
// first_name, last_name, result, duration, agent, text, subject, service, address, status,
// total, number, estimator, parent. Columns not named keep their recognised meaning.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/category.h"
#include "core/status.h"
#include "ingest/column_map.h"

namespace ringback {

struct MappingOverride {
  std::string path;  // for messages
  std::optional<SourceKind> kind;
  // kind = "gbp" (or another Business Profile alias): every row is a Business Profile message.
  std::optional<Channel> channel;
  std::string name;
  std::int64_t header_row = 0;
  std::string sheet;
  std::vector<std::pair<Field, std::string>> columns;  // in file order
};

// Reads and validates the file; errors name the file and line ("map.toml:4: unknown field ...").
StatusOr<MappingOverride> LoadMappingOverride(const std::string& path);
StatusOr<MappingOverride> ParseMappingOverride(std::string_view toml, const std::string& path);

// The column map for `headers` with the override applied over what recognition found. An
// error names the missing column and lists the header.
StatusOr<ColumnMap> ApplyMappingOverride(const std::vector<std::string>& headers, const MappingOverride& mapping);

}  // namespace ringback
