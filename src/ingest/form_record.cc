// A website form's fields pushed to `ringback serve` (POST /hooks/form/SOURCE), read as one row
// of a web form export: the field names are the header, the values the row below it.
#include "ingest/importer.h"
#include "ingest/table_import.h"
#include "ingest/text_decoder.h"

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
  // A site's form bodies are UTF-8, but an old one may send Windows-1252 (%E9 for é): read a
  // name or value that is not valid UTF-8 as that, as a file's line is (text_decoder.h).
  auto utf8 = [](const std::string& text) { return IsValidUtf8(text) ? text : Windows1252ToUtf8(text); };
  for (const auto& [name, value] : fields) {
    if (name == kReceivedColumn) continue;
    header.push_back(utf8(name));
    row.push_back(utf8(value));
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
