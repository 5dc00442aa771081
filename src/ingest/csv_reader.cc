#include "ingest/csv_reader.h"

#include <algorithm>
#include <array>
#include <string_view>

namespace ringback {

CsvReader::CsvReader(std::istream& in, char delimiter) : in_(in), delimiter_(delimiter) {}

int CsvReader::Get() {
  int c = pending_pos_ < pending_.size() ? static_cast<unsigned char>(pending_[pending_pos_++]) : in_.get();
  if (c != EOF) raw_ += static_cast<char>(c);
  return c;
}

// A quote that never closes must not swallow the rest of the file: report the record, then
// read again from the line after the one it started on.
void CsvReader::Resync() {
  std::size_t nl = raw_.find_first_of("\r\n");
  if (nl != std::string::npos && raw_[nl] == '\r' && nl + 1 < raw_.size() && raw_[nl + 1] == '\n') ++nl;
  std::string replay = nl == std::string::npos ? std::string() : raw_.substr(nl + 1);
  replay += pending_.substr(std::min(pending_pos_, pending_.size()));
  pending_ = std::move(replay);
  pending_pos_ = 0;
  line_ = record_line_ + 1;
}

int CsvReader::Peek() {
  if (pending_pos_ < pending_.size()) return static_cast<unsigned char>(pending_[pending_pos_]);
  return in_.peek();
}

namespace {

constexpr std::array<char, 4> kCandidates = {',', '\t', ';', '|'};

bool HasCandidate(std::string_view line) {
  return line.find_first_of(",\t;|") != std::string_view::npos;
}

}  // namespace

// The delimiter is the candidate seen most often outside quotes on the header line. Title
// lines above the header ("Quotes Report", "Date range: All time") have none and are skipped
// for this count; they are still read as records.
void CsvReader::DetectDelimiter() {
  constexpr std::size_t kSniffBytes = 64 * 1024;
  std::string_view line;
  for (int n = 0; n < 10 && pending_.size() < kSniffBytes; ++n) {
    const std::size_t start = pending_.size();
    int c = EOF;
    while (pending_.size() < kSniffBytes && (c = in_.get()) != EOF) {
      pending_ += static_cast<char>(c);
      if (c == '\n') break;
    }
    if (start == 0 && pending_.rfind("\xEF\xBB\xBF", 0) == 0) pending_.erase(0, 3);
    line = std::string_view(pending_).substr(std::min(start, pending_.size()));
    if (HasCandidate(line) || c == EOF) break;
  }
  if (delimiter_) return;
  std::array<int, 4> counts{};
  bool quoted = false;
  for (char c : line) {
    if (c == '"') quoted = !quoted;
    for (std::size_t i = 0; i < kCandidates.size(); ++i)
      if (!quoted && c == kCandidates[i]) ++counts[i];
  }
  std::size_t best = 0;
  for (std::size_t i = 1; i < counts.size(); ++i)
    if (counts[i] > counts[best]) best = i;
  delimiter_ = kCandidates[best];
}

bool CsvReader::Next(std::vector<std::string>& fields) {
  if (!started_) {
    started_ = true;
    DetectDelimiter();
  }
  fields.clear();
  error_.clear();
  if (Peek() == EOF) return false;
  record_line_ = line_;
  raw_.clear();
  std::string field;
  std::size_t bytes = 0;
  bool quoted = false, after_quote = false, any = false;
  for (;;) {
    int c = Get();
    if (c == EOF) {
      if (quoted) {
        error_ = "a quoted field is never closed";
        fields.push_back(std::move(field));
        Resync();
        return true;
      }
      break;
    }
    any = true;
    if (++bytes > kMaxRecordBytes && !quoted) {
      // An unquoted record this long is not a spreadsheet row: skip to the end of its line.
      error_ = "a record longer than 16 MiB";
      while (c != EOF && c != '\n') {
        c = Get();
        if (raw_.size() > 4096) raw_.clear();
      }
      if (c == '\n') ++line_;
      raw_.clear();
      fields.push_back(std::string());
      return true;
    }
    if (bytes > kMaxRecordBytes && quoted) {
      error_ = "a quoted field longer than 16 MiB (a quote that never closes?)";
      fields.push_back(std::move(field));
      Resync();
      return true;
    }
    if (c == '\n') ++line_;
    if (quoted) {
      if (c == '"') {
        if (Peek() == '"') {
          Get();
          field += '"';
        } else {
          quoted = false;
          after_quote = true;
        }
      } else if (error_.empty()) {
        field += static_cast<char>(c);
      }
      continue;
    }
    if (c == delimiter_) {
      fields.push_back(std::move(field));
      field.clear();
      after_quote = false;
    } else if (c == '\n' || c == '\r') {
      if (c == '\r' && Peek() == '\n') continue;
      if (c == '\r') ++line_;  // a bare CR ends a line too (classic Mac files)
      break;
    } else if (c == '"' && field.empty() && !after_quote) {
      quoted = true;
    } else if (after_quote) {
      if (error_.empty()) error_ = "text after a closing quote";
      field += static_cast<char>(c);
    } else if (error_.empty()) {
      field += static_cast<char>(c);
    }
  }
  if (!any) return false;
  fields.push_back(std::move(field));
  return true;
}

}  // namespace ringback
