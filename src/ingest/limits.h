// What one input may cost. Every export is written by someone else's software, so each
// reader refuses, with its reason, what no real export holds, instead of spending time or
// memory on it. The same bounds are listed for users in README.md ("Limits").
#pragma once

#include <cstddef>
#include <cstdint>

namespace ringback {

// A cell (CSV field, XLSX cell or shared string, JSON value): longer makes its row a reject.
inline constexpr std::size_t kMaxFieldBytes = 1024 * 1024;

// A row (a CSV record, an XLSX row with its shared strings resolved): longer is a reject.
inline constexpr std::size_t kMaxRowBytes = 16 * 1024 * 1024;

// An XLSX shared-string table: the text of all its strings, and how many there are. It is
// held in memory while the sheets are read, so a larger one refuses the workbook (a CSV
// export of the same data streams and has no such bound).
inline constexpr std::size_t kMaxSharedStringBytes = 32 * 1024 * 1024;
inline constexpr std::size_t kMaxSharedStrings = 4 * 1024 * 1024;

// One zip part (XLSX XML) expanded: at most this many bytes, and at most kMaxUnzipRatio times
// its compressed size once past kUnzipRatioFloor. Checked against the sizes the archive
// declares before anything is expanded, and against the bytes actually read while it is.
inline constexpr std::int64_t kMaxUnzipBytes = 256LL * 1024 * 1024;
inline constexpr std::int64_t kMaxUnzipRatio = 200;
inline constexpr std::int64_t kUnzipRatioFloor = 8LL * 1024 * 1024;

// A mail text part (as encoded in the file): larger refuses the message. Its text is kept up
// to kMaxFieldBytes (the rest is cut, at a character boundary).
inline constexpr std::size_t kMaxMailPartBytes = 16 * 1024 * 1024;

// A Google Voice Takeout page (one call, or one text thread): larger is refused. A year's
// thread of texts with one person is a few hundred KB.
inline constexpr std::size_t kMaxHtmlPageBytes = 16 * 1024 * 1024;

}  // namespace ringback
