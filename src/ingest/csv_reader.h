// CsvReader: a streaming RFC 4180 reader. Reads one record at a time from a stream (quoted
// fields, doubled quotes, embedded newlines, a UTF-8 byte-order mark), so memory stays flat
// however long the export is. The delimiter is detected from the header line.
#pragma once

#include <cstdint>
#include <istream>
#include <string>
#include <vector>

#include "ingest/limits.h"

namespace ringback {

class CsvReader {
 public:
  // Fields longer than this are an error for the record (a runaway quote reads to EOF).
  static constexpr std::size_t kMaxRecordBytes = kMaxRowBytes;

  explicit CsvReader(std::istream& in, char delimiter = 0);

  // Reads the next record into `fields`. Returns false at end of input. When the record is
  // malformed (a quote that never closes, text after a closing quote), error() says why and
  // the reader resynchronizes at the next line.
  bool Next(std::vector<std::string>& fields);

  // 1-based line on which the last record started.
  std::int64_t line() const { return record_line_; }
  // Empty when the last record was well formed.
  const std::string& error() const { return error_; }
  char delimiter() const { return delimiter_; }

 private:
  int Get();
  int Peek();
  void DetectDelimiter();
  void Resync();

  std::istream& in_;
  char delimiter_;
  std::int64_t line_ = 1;
  std::int64_t record_line_ = 0;
  std::string error_;
  std::string raw_;      // the current record's bytes, for Resync
  std::string pending_;  // bytes to read before the stream: the sniffed first line, a resync
  std::size_t pending_pos_ = 0;
  bool started_ = false;
};

}  // namespace ringback
