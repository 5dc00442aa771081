#include "ingest/importer.h"

#include <cctype>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>
#include <vector>

#include "identity/phone.h"
#include "ingest/csv_reader.h"
#include "ingest/sanitizing_sink.h"
#include "ingest/table_import.h"
#include "ingest/text_decoder.h"

namespace ringback {

std::string StableId(std::string_view kind, std::string_view content) {
  std::uint64_t h = 1469598103934665603ULL;
  auto mix = [&h](std::string_view s) {
    for (unsigned char c : s) {
      h ^= c;
      h *= 1099511628211ULL;
    }
    h ^= 0xff;
    h *= 1099511628211ULL;
  };
  mix(kind);
  mix(content);
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out(16, '0');
  for (int i = 15; i >= 0; --i, h >>= 4) out[static_cast<std::size_t>(i)] = kHex[h & 0xf];
  return out;
}

std::string SourceRowId(SourceKind kind, std::string_view source_id) {
  return StableId(SourceKindName(kind), "#" + std::string(source_id));
}

namespace {

// An mbox starts with a "From sender date" separator line followed by header lines; a CSV
// whose first column is "From Number" does not.
bool LooksLikeMbox(std::string_view head) {
  if (head.rfind("From ", 0) != 0) return false;
  const std::size_t nl = head.find('\n');
  if (nl == std::string_view::npos) return false;
  const std::string_view first = head.substr(0, nl);
  if (first.find(',') != std::string_view::npos || first.find('\t') != std::string_view::npos) return false;
  const std::string_view next = head.substr(nl + 1);
  const std::size_t colon = next.find(':');
  const std::size_t eol = next.find('\n');
  return colon != std::string_view::npos && colon > 0 && (eol == std::string_view::npos || colon < eol) &&
         next.substr(0, colon).find(' ') == std::string_view::npos;
}

// A single message starts with RFC 5322 header lines ("Name: value"), one of them From:.
bool LooksLikeMail(std::string_view head) {
  std::string_view first = head.substr(0, head.find('\n'));
  auto colon = first.find(':');
  if (colon == std::string_view::npos || colon == 0) return false;
  for (char c : first.substr(0, colon))
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '-')) return false;
  std::string lower(head);
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return lower.rfind("from:", 0) == 0 || lower.find("\nfrom:") != std::string::npos;
}

// The start of the file as UTF-8 text, for sniffing.
std::string DecodedHead(const std::string& head) {
  std::istringstream raw(head);
  DecodingStream text(raw);
  std::ostringstream out;
  out << text.rdbuf();
  return out.str();
}

Status Dispatch(std::ifstream& in, const std::string& head, const std::string& path, const std::string& display_name,
                const CompanyConfig& config, const ImportOptions& options, ImportSink& sink, ImportStats* stats) {
  if (head.empty()) return Status::InvalidArgument(display_name + ":0: the file is empty");
  if (head.rfind("PK\x03\x04", 0) == 0 || head.rfind("PK\x05\x06", 0) == 0)
    return ImportXlsx(path, display_name, config, options, sink, stats);
  if (head.rfind("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 0) == 0)
    return Status::InvalidArgument(display_name +
                                   ":0: an Excel 97-2003 workbook (.xls); open it and save it as .xlsx or CSV");
  const EncodingGuess guess = DetectEncoding(head);
  const std::string text = guess.encoding == TextEncoding::kUtf8 ? head.substr(guess.bom_bytes) : DecodedHead(head);
  const std::size_t start = text.find_first_not_of(" \t\r\n");
  if (start == std::string::npos)
    return Status::InvalidArgument(display_name + ":0: the file holds only blank space");
  if (text[start] == '{' || text[start] == '[') return ImportJson(in, display_name, config, options, sink, stats);
  if (text[start] == '<') {
    if (LooksLikeGoogleVoicePage(text)) return ImportGoogleVoice(path, display_name, config, sink, stats);
    return Status::InvalidArgument(display_name +
                                   ":1: an HTML or XML page, not an export Ringback reads (Google Voice Takeout "
                                   "pages are: Takeout/Voice/Calls/*.html)");
  }
  if (guess.encoding == TextEncoding::kUtf8 && guess.bom_bytes == 0) {
    if (LooksLikeMbox(head)) return ImportMail(path, display_name, config, options, sink, stats);
    if (LooksLikeMail(head)) return ImportMail(path, display_name, config, options, sink, stats);
  }
  if (text.find('\0') != std::string::npos)
    return Status::InvalidArgument(display_name + ":0: a binary file, not a CSV, XLSX, JSON or mail export");
  return ImportCsv(in, display_name, config, options, sink, stats);
}

}  // namespace

Status ImportFile(const std::string& path, const std::string& display_name, const CompanyConfig& config,
                  ImportSink& sink, ImportStats* stats) {
  return ImportFile(path, display_name, config, ImportOptions(), sink, stats);
}

Status ImportFile(const std::string& path, const std::string& display_name, const CompanyConfig& config,
                  const ImportOptions& options, ImportSink& sink, ImportStats* stats) {
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec))
    return Status::InvalidArgument(display_name + ":0: a folder, not a file");
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return Status::IoError(display_name + ":0: cannot read the file (" + std::strerror(errno) + ")");
  }
  std::string head(4096, '\0');
  in.read(head.data(), static_cast<std::streamsize>(head.size()));
  head.resize(static_cast<std::size_t>(in.gcount()));
  in.clear();
  in.seekg(0);
  ImportOptions opts = options;
  if (opts.progress) {
    const auto size = std::filesystem::file_size(path, ec);
    const std::int64_t total = ec ? 0 : static_cast<std::int64_t>(size);
    opts.progress = [progress = options.progress, total](std::int64_t done, std::int64_t t) {
      progress(done, t > 0 ? t : total);
    };
  }
  if (options.sanitize_key.empty()) return Dispatch(in, head, path, display_name, config, opts, sink, stats);
  SanitizingSink sanitized(sink, options.sanitize_key);
  return Dispatch(in, head, path, display_name, config, opts, sanitized, stats);
}

Status ImportCsv(std::istream& in, const std::string& display_name, const CompanyConfig& config,
                 ImportSink& sink, ImportStats* stats) {
  return ImportCsv(in, display_name, config, ImportOptions(), sink, stats);
}

namespace {

// Keeps nothing: the survey pass only reads.
class NullSink : public ImportSink {
 public:
  Status OnSignal(const Signal&) override { return Status::Ok(); }
  Status OnAttempt(const Attempt&) override { return Status::Ok(); }
  Status OnEstimate(const Estimate&) override { return Status::Ok(); }
  Status OnReject(const Reject&) override { return Status::Ok(); }
};

// A first pass over a seekable CSV: the order of its numeric dates ("04/11/2026") from every
// value of its date column, not only the sampled rows. nullopt when no value decides.
std::optional<std::pair<DateOrder, std::string>> SurveyDateOrder(std::istream& in, const std::string& display_name,
                                                                 const CompanyConfig& config,
                                                                 const TableOptions& table_options) {
  const std::streampos start = in.tellg();
  if (start == std::streampos(-1)) return std::nullopt;
  NullSink nothing;
  std::optional<std::pair<DateOrder, std::string>> out;
  {
    DecodingStream text(in);
    CsvReader reader(text);
    TableOptions dates_only = table_options;
    dates_only.dates_only = true;
    TableImport survey(display_name, config, nothing, nullptr, dates_only);
    std::vector<std::string> fields;
    while (reader.Next(fields))
      if (!survey.Record(fields, reader.line(), reader.error()).ok()) break;
    (void)survey.Finish();
    const std::int64_t month = survey.month_first_dates(), day = survey.day_first_dates();
    if (month > 0 && day == 0)
      out = {DateOrder::kMonthFirst, "month/day, from the whole file: \"" + survey.month_first_example() +
                                         "\" can only be month first"};
    else if (day > 0 && month == 0)
      out = {DateOrder::kDayFirst,
             "day/month, from the whole file: \"" + survey.day_first_example() + "\" can only be day first"};
    else if (day > 0 && month > 0)
      out = {day > month ? DateOrder::kDayFirst : DateOrder::kMonthFirst,
             "mixed: " + std::to_string(month) + " date(s) only month first (\"" + survey.month_first_example() +
                 "\"), " + std::to_string(day) + " only day first (\"" + survey.day_first_example() +
                 "\"); ambiguous ones read " + (day > month ? "day/month" : "month/day")};
  }
  in.clear();
  in.seekg(start);
  if (!in) return std::nullopt;
  return out;
}

}  // namespace

namespace {

// Records read ahead of the table, so their phones can be parsed on another thread.
struct CsvRecord {
  std::vector<std::string> fields;
  std::int64_t line = 0;
  std::string error;
};
constexpr std::size_t kReadAhead = 512;

// The cells of the table's phone columns, once its header is known: what Row::Phone parses.
std::vector<int> PhoneColumns(const TableImport& table) {
  std::vector<int> out;
  if (!table.mapped()) return out;
  const ColumnMap& map = table.map();
  for (Field f : {Field::kPhone, Field::kFrom, Field::kTo}) {
    if (map.has(f)) out.push_back(map[f]);
    for (const auto& [field, col] : map.fallbacks)
      if (field == f) out.push_back(col);
  }
  return out;
}

// Parsing a phone is most of a row's cost (libphonenumber's regular expressions), and
// ParsePhone remembers each text for every thread: a helper parses the phones of the next
// records while this thread stores the current ones. The rows themselves are handled in
// order, as read, so nothing but the timing changes.
class PhoneReadAhead {
 public:
  explicit PhoneReadAhead(std::string region) : region_(std::move(region)) {}
  ~PhoneReadAhead() { Wait(); }
  PhoneReadAhead(const PhoneReadAhead&) = delete;
  PhoneReadAhead& operator=(const PhoneReadAhead&) = delete;

  void Start(const std::vector<CsvRecord>& records, std::vector<int> columns) {
    Wait();
    if (columns.empty() || records.empty()) return;
    helper_ = std::thread([this, &records, columns = std::move(columns)] {
      for (const CsvRecord& r : records)
        for (int col : columns)
          if (col >= 0 && static_cast<std::size_t>(col) < r.fields.size()) (void)ParsePhone(r.fields[col], region_);
    });
  }

  void Wait() {
    if (helper_.joinable()) helper_.join();
  }

 private:
  const std::string region_;
  std::thread helper_;
};

}  // namespace

Status ImportCsv(std::istream& in, const std::string& display_name, const CompanyConfig& config,
                 const ImportOptions& options, ImportSink& sink, ImportStats* stats) {
  std::function<void(std::int64_t)> progress;
  if (options.progress) progress = [&options](std::int64_t done) { options.progress(done, 0); };
  TableOptions table_options;
  table_options.mapping = options.mapping ? &*options.mapping : nullptr;
  if (auto order = SurveyDateOrder(in, display_name, config, table_options)) {
    table_options.date_order = order->first;
    table_options.date_order_reason = order->second;
  }
  DecodingStream text(in, progress);
  CsvReader reader(text);
  TableImport table(display_name, config, sink, stats, table_options);
  // Up to kReadAhead more records; false at the end of the file.
  const auto fill = [&reader](std::vector<CsvRecord>& records) {
    records.clear();
    CsvRecord record;
    while (records.size() < kReadAhead) {
      if (!reader.Next(record.fields)) return false;
      records.push_back({record.fields, reader.line(), reader.error()});
    }
    return true;
  };
  std::vector<CsvRecord> current, next;
  bool more = fill(current);
  PhoneReadAhead ahead(config.phone_region);
  while (!current.empty()) {
    if (more) {
      more = fill(next);
    } else {
      next.clear();
    }
    ahead.Start(next, PhoneColumns(table));  // next's phones, while this thread stores current
    for (const CsvRecord& r : current)
      if (Status s = table.Record(r.fields, r.line, r.error); !s.ok()) return s;
    ahead.Wait();
    std::swap(current, next);
  }
  if (stats) {
    stats->format = reader.delimiter() == '\t' ? "tsv" : "csv";
    if (reader.delimiter() == ';' || reader.delimiter() == '|')
      stats->notes.push_back(display_name + ": columns separated by \"" + std::string(1, reader.delimiter()) + "\"");
    const DecodeReport& report = text.report();
    stats->encoding = report.Describe();
    if (report.cp1252_lines > 0 && report.utf8_lines > 0)
      stats->notes.push_back(display_name + ": the file mixes encodings: " + std::to_string(report.cp1252_lines) +
                             " line(s) were not UTF-8 and were read as Windows-1252 (first: line " +
                             std::to_string(report.first_cp1252_line) + ")");
  }
  return table.Finish();
}

}  // namespace ringback
