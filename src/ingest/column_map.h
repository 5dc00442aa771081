// Column mapping: which export a header row comes from, and which column holds which field.
// Headers are matched by synonyms ("Caller", "From", "Customer Phone Number" are all the
// caller's phone), after folding case and punctuation.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ringback {

// The kinds of tabular export Ringback reads.
enum class SourceKind { kCallLog, kVoicemail, kForm, kSms, kEstimates };
std::string_view SourceKindName(SourceKind kind);

// The fields a row can carry.
enum class Field {
  kTime,        // date and time (or the date alone, with kClock beside it)
  kClock,       // a time-of-day column next to a date-only kTime
  kDirection,
  kFrom,
  kTo,
  kPhone,
  kEmail,
  kName,
  kFirstName,
  kLastName,
  kResult,
  kDuration,
  kAgent,
  kText,
  kSubject,
  kService,
  kAddress,
  kStatus,
  kTotal,
  kNumber,      // the source's own row id: Sid, Entry Id, Quote #
  kEstimator,
  kCount
};
std::string_view FieldName(Field f);

struct ColumnMap {
  SourceKind kind = SourceKind::kCallLog;
  std::array<int, static_cast<std::size_t>(Field::kCount)> column{};  // -1 when absent

  int operator[](Field f) const { return column[static_cast<std::size_t>(f)]; }
  bool has(Field f) const { return (*this)[f] >= 0; }
};

// "Duration (sec)" -> "duration sec".
std::string FoldHeader(std::string_view header);

// Recognises the export from its header row. nullopt when no kind fits: the error then says
// which columns were expected.
std::optional<ColumnMap> MapColumns(const std::vector<std::string>& headers);

}  // namespace ringback
