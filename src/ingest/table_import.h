// TableImport: rows of a table (a CSV file, an XLSX sheet, JSON records) turned into signals,
// attempts, estimates and rejects. Readers push one record at a time, so any size streams.
// The header is the first record whose columns are recognised (title lines above it, as in
// Jobber's reports, are passed over), or the one a mapping file names.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/company_config.h"
#include "core/status.h"
#include "ingest/column_map.h"
#include "ingest/import_sink.h"
#include "ingest/importer.h"
#include "ingest/limits.h"

namespace date {
class time_zone;
}

namespace ringback {


// Rows read below a header candidate before its columns are decided: their values decide the
// roles a header does not name, and the order of numeric dates. Bounded in rows and bytes.
inline constexpr std::size_t kSampleRows = 500;
inline constexpr std::size_t kSampleBytes = 4 * 1024 * 1024;

struct TableOptions {
  const MappingOverride* mapping = nullptr;
  int max_header_search = 10;  // records tried as the header (title lines above it)
  std::string table_name;      // XLSX sheet name, for the report
  // The order of numeric dates when a pass over the whole file decided it (CSV files are read
  // twice for this); unset: decided from the sampled rows.
  std::optional<DateOrder> date_order;
  std::string date_order_reason;
  // Every row is of this kind whatever its header suggests (a form hook's fields are a form).
  std::optional<SourceKind> kind;
  // This column is the row's time, whatever else the header or the values say (-1: none).
  int time_column = -1;
  // A survey pass (SurveyDateOrder): count the date column's evidence and stop there; rows are
  // not converted or delivered, which would parse every phone of the file for nothing.
  bool dates_only = false;
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

  // What the numeric dates of the date column said, over every row read: values that can only
  // be month first, only day first (for a survey pass).
  std::int64_t month_first_dates() const { return month_first_; }
  std::int64_t day_first_dates() const { return day_first_; }
  std::string month_first_example() const { return month_first_example_; }
  std::string day_first_example() const { return day_first_example_; }

  // Decides the header now from the records held so far (before Finish, when a reader must
  // know whether the table was recognised). A non-ok Status means the sink failed.
  Status Flush() { return decided_ ? Status::Ok() : Decide(); }

  bool mapped() const { return mapped_; }
  const ColumnMap& map() const { return map_; }

 private:
  struct Pending {
    std::vector<std::string> fields;
    std::int64_t line = 0;
    std::string error;
  };
  Status Decide();
  bool TryHeader(std::size_t index);
  Status Process(const std::vector<std::string>& fields, std::int64_t line, const std::string& error);
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
  std::vector<Pending> pending_;  // records held until the header and its columns are decided
  std::size_t pending_bytes_ = 0;
  bool decided_ = false;
  std::int64_t month_first_ = 0, day_first_ = 0;
  std::string month_first_example_, day_first_example_;
  std::int64_t contradicting_line_ = 0;  // first row whose date says the other order
  bool transcript_column_ = false;       // the text column is a voicemail transcript
  std::int64_t unknown_channels_ = 0;
  std::string unknown_channel_example_;
};

}  // namespace ringback
