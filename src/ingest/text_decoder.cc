#include "ingest/text_decoder.h"

#include <unicode/ucnv.h>

#include <algorithm>
#include <stdexcept>

namespace ringback {
namespace {

constexpr std::size_t kReadChunk = 64 * 1024;
// Lines longer than this are decoded in pieces (cut on a UTF-8 character boundary).
constexpr std::size_t kMaxUnit = 1024 * 1024;
constexpr std::int64_t kProgressStep = 1024 * 1024;

UConverter* Open(const char* name) {
  UErrorCode err = U_ZERO_ERROR;
  UConverter* c = ucnv_open(name, &err);
  if (U_FAILURE(err)) throw std::runtime_error(std::string("ICU converter ") + name + ": " + u_errorName(err));
  return c;
}

// Converts `in` with `from` -> `to` through a pivot, appending to `out`. `reset` starts a new
// text; `flush` ends it (a partial character at the end is then replaced, not kept).
void Convert(UConverter* from, UConverter* to, std::string_view in, std::string& out, UChar* pivot,
             std::size_t pivot_size, UChar** pivot_source, UChar** pivot_target, bool reset, bool flush) {
  const char* src = in.data();
  const char* src_end = in.data() + in.size();
  for (bool first = true;; first = false) {
    const std::size_t old = out.size();
    out.resize(old + in.size() * 2 + 64);
    char* target = out.data() + old;
    char* target_end = out.data() + out.size();
    UErrorCode err = U_ZERO_ERROR;
    ucnv_convertEx(to, from, &target, target_end, &src, src_end, pivot, pivot_source, pivot_target,
                   pivot + pivot_size, reset && first, flush, &err);
    out.resize(static_cast<std::size_t>(target - out.data()));
    if (err == U_BUFFER_OVERFLOW_ERROR) continue;
    return;  // other errors cannot happen with the default substitution callbacks
  }
}

// Byte length of the UTF-8 sequence led by `c`, 0 when `c` cannot lead one.
int SequenceLength(unsigned char c) {
  if (c < 0x80) return 1;
  if (c >= 0xC2 && c <= 0xDF) return 2;
  if (c >= 0xE0 && c <= 0xEF) return 3;
  if (c >= 0xF0 && c <= 0xF4) return 4;
  return 0;
}

bool AllAscii(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

}  // namespace

namespace {

// The length of the well-formed UTF-8 sequence at s[i] (no overlong forms, surrogates or
// values past U+10FFFF); 0 when there is none.
std::size_t ValidSequenceAt(std::string_view s, std::size_t i) {
  const unsigned char c = static_cast<unsigned char>(s[i]);
  const int len = SequenceLength(c);
  if (len == 0 || i + static_cast<std::size_t>(len) > s.size()) return 0;
  for (int k = 1; k < len; ++k)
    if ((static_cast<unsigned char>(s[i + static_cast<std::size_t>(k)]) & 0xC0) != 0x80) return 0;
  if (len >= 3) {
    const unsigned char c1 = static_cast<unsigned char>(s[i + 1]);
    if (c == 0xE0 && c1 < 0xA0) return 0;  // overlong
    if (c == 0xED && c1 > 0x9F) return 0;  // surrogates
    if (c == 0xF0 && c1 < 0x90) return 0;  // overlong
    if (c == 0xF4 && c1 > 0x8F) return 0;  // past U+10FFFF
  }
  return static_cast<std::size_t>(len);
}

}  // namespace

bool IsValidUtf8(std::string_view s) {
  for (std::size_t i = 0, len = 0; i < s.size(); i += len)
    if ((len = ValidSequenceAt(s, i)) == 0) return false;
  return true;
}

std::string ReplaceInvalidUtf8(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    if (const std::size_t len = ValidSequenceAt(s, i); len > 0) {
      out.append(s.substr(i, len));
      i += len;
    } else {
      out += "\xEF\xBF\xBD";  // U+FFFD
      ++i;
    }
  }
  return out;
}

EncodingGuess DetectEncoding(std::string_view head) {
  if (head.substr(0, 3) == "\xEF\xBB\xBF") return {TextEncoding::kUtf8, 3};
  if (head.substr(0, 2) == "\xFF\xFE") return {TextEncoding::kUtf16Le, 2};
  if (head.substr(0, 2) == "\xFE\xFF") return {TextEncoding::kUtf16Be, 2};
  // Without a BOM, UTF-16 text that is mostly ASCII has a NUL in every other byte.
  const std::size_t pairs = std::min<std::size_t>(head.size(), 4096) / 2;
  if (pairs < 2) return {};
  std::size_t zero_even = 0, zero_odd = 0;
  for (std::size_t i = 0; i < pairs; ++i) {
    if (head[2 * i] == '\0') ++zero_even;
    if (head[2 * i + 1] == '\0') ++zero_odd;
  }
  if (zero_odd * 10 >= pairs * 3 && zero_even * 20 < pairs) return {TextEncoding::kUtf16Le, 0};
  if (zero_even * 10 >= pairs * 3 && zero_odd * 20 < pairs) return {TextEncoding::kUtf16Be, 0};
  return {};
}

std::string Windows1252ToUtf8(std::string_view bytes) {
  UConverter* from = Open("windows-1252");
  UConverter* to = Open("UTF-8");
  UChar pivot[1024];
  UChar* ps = pivot;
  UChar* pt = pivot;
  std::string out;
  Convert(from, to, bytes, out, pivot, 1024, &ps, &pt, true, true);
  ucnv_close(from);
  ucnv_close(to);
  return out;
}

std::string DecodeReport::Describe() const {
  switch (encoding) {
    case TextEncoding::kUtf16Le: return bom ? "utf-16le (BOM)" : "utf-16le (no BOM)";
    case TextEncoding::kUtf16Be: return bom ? "utf-16be (BOM)" : "utf-16be (no BOM)";
    case TextEncoding::kUtf8: break;
  }
  if (cp1252_lines == 0) return bom ? "utf-8 (BOM)" : "utf-8";
  if (utf8_lines == 0) return "windows-1252";
  return "mixed: utf-8, with " + std::to_string(cp1252_lines) + " line" + (cp1252_lines == 1 ? "" : "s") +
         " read as windows-1252 (first: line " + std::to_string(first_cp1252_line) + ")";
}

struct DecodingStreambuf::Icu {
  UConverter* utf8 = nullptr;
  UConverter* from = nullptr;  // UTF-16LE/BE, or windows-1252 for lines that are not UTF-8
  UChar pivot[4096];
  UChar* pivot_source = pivot;
  UChar* pivot_target = pivot;
  ~Icu() {
    if (utf8) ucnv_close(utf8);
    if (from) ucnv_close(from);
  }
};

DecodingStreambuf::DecodingStreambuf(std::istream& source, std::function<void(std::int64_t)> progress)
    : source_(source), progress_(std::move(progress)), icu_(std::make_unique<Icu>()) {}

DecodingStreambuf::~DecodingStreambuf() = default;

void DecodingStreambuf::Count(std::size_t n) {
  raw_bytes_ += static_cast<std::int64_t>(n);
  if (progress_ && (raw_bytes_ - reported_ >= kProgressStep || (eof_ && raw_bytes_ != reported_))) {
    reported_ = raw_bytes_;
    progress_(raw_bytes_);
  }
}

bool DecodingStreambuf::FillRaw() {
  if (eof_) return false;
  if (raw_pos_ > 0) {
    raw_.erase(0, raw_pos_);
    raw_pos_ = 0;
  }
  const std::size_t old = raw_.size();
  raw_.resize(old + kReadChunk);
  source_.read(raw_.data() + old, static_cast<std::streamsize>(kReadChunk));
  const std::size_t got = static_cast<std::size_t>(source_.gcount());
  raw_.resize(old + got);
  if (got < kReadChunk) eof_ = true;
  Count(got);
  if (eof_ && progress_ && raw_bytes_ != reported_) {
    reported_ = raw_bytes_;
    progress_(raw_bytes_);
  }
  return got > 0;
}

// One line (or a piece of a very long one), passed through when it is UTF-8, else read as
// Windows-1252.
bool DecodingStreambuf::ProduceUtf8() {
  std::size_t nl;
  while ((nl = raw_.find('\n', raw_pos_)) == std::string::npos && raw_.size() - raw_pos_ <= kMaxUnit && !eof_)
    FillRaw();
  const std::size_t avail = raw_.size() - raw_pos_;
  if (avail == 0) return false;
  std::size_t len;
  if (nl != std::string::npos && nl - raw_pos_ < kMaxUnit) {
    len = nl - raw_pos_ + 1;
  } else if (eof_ && avail <= kMaxUnit) {
    len = avail;
  } else {
    len = std::min(avail, kMaxUnit);
    // Do not cut a UTF-8 character in two.
    for (int back = 0; back < 3 && len > 1 &&
                       (static_cast<unsigned char>(raw_[raw_pos_ + len]) & 0xC0) == 0x80;
         ++back)
      --len;
  }
  const std::string_view unit(raw_.data() + raw_pos_, len);
  const bool line_start = line_start_;
  if (AllAscii(unit)) {
    out_.assign(unit);
  } else if (IsValidUtf8(unit)) {
    out_.assign(unit);
    if (line_start) ++report_.utf8_lines;
  } else {
    if (!icu_->from) icu_->from = Open("windows-1252");
    out_.clear();
    Icu& icu = *icu_;
    icu.pivot_source = icu.pivot_target = icu.pivot;
    Convert(icu.from, icu.utf8, unit, out_, icu.pivot, 4096, &icu.pivot_source, &icu.pivot_target, true, true);
    if (last_cp1252_line_ != line_) {
      last_cp1252_line_ = line_;
      ++report_.cp1252_lines;
      if (report_.first_cp1252_line == 0) report_.first_cp1252_line = line_;
    }
  }
  line_start_ = unit.back() == '\n';
  if (line_start_) ++line_;
  raw_pos_ += len;
  return true;
}

bool DecodingStreambuf::ProduceUtf16() {
  if (raw_pos_ >= raw_.size() && !FillRaw()) {
    if (!eof_) return false;
  }
  const std::string_view in(raw_.data() + raw_pos_, raw_.size() - raw_pos_);
  raw_pos_ = raw_.size();
  out_.clear();
  Icu& icu = *icu_;
  Convert(icu.from, icu.utf8, in, out_, icu.pivot, 4096, &icu.pivot_source, &icu.pivot_target, false, eof_);
  return !out_.empty() || !eof_;
}

DecodingStreambuf::int_type DecodingStreambuf::underflow() {
  if (gptr() < egptr()) return traits_type::to_int_type(*gptr());
  if (!started_) {
    started_ = true;
    icu_->utf8 = Open("UTF-8");
    while (raw_.size() < 4096 && FillRaw()) {
    }
    const EncodingGuess guess = DetectEncoding(raw_);
    report_.encoding = guess.encoding;
    report_.bom = guess.bom_bytes > 0;
    raw_pos_ = guess.bom_bytes;
    if (guess.encoding == TextEncoding::kUtf16Le) icu_->from = Open("UTF-16LE");
    if (guess.encoding == TextEncoding::kUtf16Be) icu_->from = Open("UTF-16BE");
  }
  for (;;) {
    out_.clear();
    const bool more = report_.encoding == TextEncoding::kUtf8 ? ProduceUtf8() : ProduceUtf16();
    if (!out_.empty()) {
      setg(out_.data(), out_.data(), out_.data() + out_.size());
      return traits_type::to_int_type(*gptr());
    }
    if (!more) return traits_type::eof();
  }
}

}  // namespace ringback
