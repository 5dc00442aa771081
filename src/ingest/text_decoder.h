// Text as spreadsheets really write it, turned into UTF-8 while streaming: UTF-8 with or
// without a byte-order mark, UTF-16 LE/BE (Excel's "Unicode text", with a BOM or recognised by
// its NUL bytes), Windows-1252 (Excel's "CSV" on Windows). Valid UTF-8 is passed through
// untouched; a line that is not valid UTF-8 is read as Windows-1252, line by line, so a file
// that mixes both keeps every line readable and says how many lines were converted.
// Conversions use ICU.
#pragma once

#include <cstdint>
#include <functional>
#include <istream>
#include <memory>
#include <streambuf>
#include <string>
#include <string_view>

namespace ringback {

enum class TextEncoding { kUtf8, kUtf16Le, kUtf16Be };

struct EncodingGuess {
  TextEncoding encoding = TextEncoding::kUtf8;
  std::size_t bom_bytes = 0;  // byte-order mark to skip
};

// From the first bytes of a file (a few KB are enough).
EncodingGuess DetectEncoding(std::string_view head);

// Whether `bytes` is well-formed UTF-8 (no overlong forms, surrogates or values past U+10FFFF).
bool IsValidUtf8(std::string_view bytes);

// `bytes` with each byte that is not part of a well-formed UTF-8 sequence replaced by U+FFFD:
// for messages that quote what a parser saw (a JSON error's "last read: '…'" may end inside a
// character).
std::string ReplaceInvalidUtf8(std::string_view bytes);

// Windows-1252 bytes as UTF-8.
std::string Windows1252ToUtf8(std::string_view bytes);

// What a decoder saw, for the import report.
struct DecodeReport {
  TextEncoding encoding = TextEncoding::kUtf8;
  bool bom = false;
  std::int64_t utf8_lines = 0;     // lines with non-ASCII text that were valid UTF-8
  std::int64_t cp1252_lines = 0;   // lines read as Windows-1252
  std::int64_t first_cp1252_line = 0;
  // "utf-8", "utf-8 (BOM)", "utf-16le (BOM)", "windows-1252", "utf-8 and windows-1252 (mixed: …)".
  std::string Describe() const;
};

// A streambuf that reads raw bytes from `source` and yields UTF-8. `progress`, when set, is
// called with the raw bytes consumed so far, at most once per MiB.
class DecodingStreambuf : public std::streambuf {
 public:
  explicit DecodingStreambuf(std::istream& source, std::function<void(std::int64_t)> progress = {});
  ~DecodingStreambuf() override;
  DecodingStreambuf(const DecodingStreambuf&) = delete;
  DecodingStreambuf& operator=(const DecodingStreambuf&) = delete;

  const DecodeReport& report() const { return report_; }
  std::int64_t raw_bytes() const { return raw_bytes_; }

 protected:
  int_type underflow() override;

 private:
  bool FillRaw();
  bool ProduceUtf8();
  bool ProduceUtf16();
  void Count(std::size_t n);

  std::istream& source_;
  std::function<void(std::int64_t)> progress_;
  std::int64_t raw_bytes_ = 0;
  std::int64_t reported_ = 0;
  std::string raw_;          // raw bytes read but not yet decoded
  std::size_t raw_pos_ = 0;
  bool eof_ = false;
  bool started_ = false;
  bool line_start_ = true;   // the next UTF-8 unit starts a line
  std::int64_t line_ = 1;
  std::int64_t last_cp1252_line_ = 0;
  std::string out_;          // decoded UTF-8 handed to the reader
  DecodeReport report_;
  struct Icu;
  std::unique_ptr<Icu> icu_;
};

// An istream over a DecodingStreambuf, for the readers that take a std::istream.
class DecodingStream : public std::istream {
 public:
  explicit DecodingStream(std::istream& source, std::function<void(std::int64_t)> progress = {})
      : std::istream(nullptr), buf_(source, std::move(progress)) {
    rdbuf(&buf_);
  }
  const DecodeReport& report() const { return buf_.report(); }
  std::int64_t raw_bytes() const { return buf_.raw_bytes(); }

 private:
  DecodingStreambuf buf_;
};

}  // namespace ringback
