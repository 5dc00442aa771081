// A website form's fields pushed to `ringback serve` (POST /hooks/form/SOURCE), read as one row
// of a web form export: the field names are the header, the values the row below it.
#include "ingest/importer.h"
#include "ingest/table_import.h"

namespace ringback {
namespace {

// The column that carries the time the hook received the record. A name no export uses, so it
// never takes a field's place.
constexpr const char* kReceivedColumn = "Ringback Received At (UTC)";

}  // namespace

Status ImportFormRecord(const std::vector<std::pair<std::string, std::string>>& fields, const std::string& display_name,
                        Timestamp received_at, const CompanyConfig& config, ImportSink& sink, ImportStats* stats,
                        std::string* source_id) {
  if (source_id) source_id->clear();
  std::vector<std::string> header, row;
  for (const auto& [name, value] : fields) {
    if (name == kReceivedColumn) continue;
    header.push_back(name);
    row.push_back(value);
  }
  if (header.empty()) return Status::InvalidArgument(display_name + ": the record has no fields");
  header.push_back(kReceivedColumn);
  row.push_back(FormatUtc(received_at));
  TableOptions options;
  options.max_header_search = 1;  // the field names are the header: never a title line
  options.kind = SourceKind::kForm;
  options.time_column = static_cast<int>(header.size()) - 1;
  TableImport table(display_name, config, sink, stats, options);
  if (Status s = table.Record(header, 1); !s.ok()) return s;
  if (Status s = table.Record(row, 2); !s.ok()) return s;
  if (Status s = table.Finish(); !s.ok()) return s;
  if (source_id && table.mapped() && table.map().has(Field::kNumber)) {
    const std::size_t col = static_cast<std::size_t>(table.map()[Field::kNumber]);
    if (col < row.size()) *source_id = row[col];
  }
  return Status::Ok();
}

}  // namespace ringback
