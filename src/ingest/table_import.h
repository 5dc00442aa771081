// TableImport: rows of a table (a CSV file, an XLSX sheet, JSON records) turned into signals,
// attempts, estimates and rejects. Readers push one record at a time, so any size streams.
// The header is the first record whose columns are recognised (title lines above it, as in
// Jobber's reports, are passed over), or the one a mapping file names.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/company_config.h"
#include "core/status.h"
#include "ingest/column_map.h"
#include "ingest/import_sink.h"
#include "ingest/importer.h"

namespace date {
class time_zone;
}

namespace ringback {

// A field longer than this makes its row a reject: no real cell is a megabyte.
inline constexpr std::size_t kMaxFieldBytes = 1024 * 1024;

struct TableOptions {
  const MappingOverride* mapping = nullptr;
  int max_header_search = 10;  // records tried as the header (title lines above it)
  std::string table_name;      // XLSX sheet name, for the report
};

class TableImport {
 public:
  TableImport(std::string file, const CompanyConfig& config, ImportSink& sink, ImportStats* stats,
              TableOptions options);

  // One record: its fields, its 1-based line (or sheet row), and the reader's complaint about
  // it (empty when it is well formed). A non-ok Status means the sink failed: stop.
  Status Record(const std::vector<std::string>& fields, std::int64_t line, const std::string& error = {});

  // After the last record. An error when no header was recognised (the file's columns are
  // not an export Ringback reads), else ok.
  Status Finish();

  bool mapped() const { return mapped_; }
  const ColumnMap& map() const { return map_; }

 private:
  Status TryHeader(const std::vector<std::string>& fields, std::int64_t line);
  Status Reject(ringback::Reject r);
  Status Convert(const std::vector<std::string>& fields, std::int64_t line);

  std::string file_;
  const CompanyConfig& config_;
  ImportSink& sink_;
  ImportStats* stats_;
  TableOptions options_;
  const date::time_zone* zone_;
  ColumnMap map_;
  std::vector<std::string> header_;
  bool mapped_ = false;
  int header_tries_ = 0;
  std::vector<std::string> first_record_;
  std::int64_t first_line_ = 0;
  std::string header_error_;
  std::int64_t skipped_ = 0;
};

}  // namespace ringback
