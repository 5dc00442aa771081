// Column mapping: which export a header row comes from, and which column holds which field.
// Known vendor exports (CallRail, Twilio, RingCentral, Gravity Forms, WPForms, Flamingo,
// Jobber, Housecall Pro, ServiceTitan) are recognised by a signature of their headers and
// get the vendor's own column meanings; anything else is mapped by header synonyms
// ("Caller", "From", "Customer Phone Number" are all the caller's phone), after folding case
// and punctuation. The header sets and where they come from are listed in column_map.cc.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "ingest/time_parse.h"

namespace ringback {

// The kinds of tabular export Ringback reads.
enum class SourceKind { kCallLog, kVoicemail, kForm, kSms, kEstimates };
std::string_view SourceKindName(SourceKind kind);
// "call log", "calls", "voicemail", "web form", "forms", "sms", "texts", "estimates", "quotes"...
std::optional<SourceKind> ParseSourceKind(std::string_view text);

// The fields a row can carry.
enum class Field {
  kTime,        // date and time (or the date alone, with kClock beside it)
  kClock,       // a time-of-day column next to a date-only kTime
  kDirection,
  kFrom,
  kTo,
  kPhone,       // the customer's phone whatever the direction (CallRail, CRMs, forms)
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
  kParent,      // Twilio "Parent Call Sid": a forwarded leg of another call, not a new contact
  kLeadSource,  // where the lead came from: "Lead Source", "utm_source", "How did you hear about us?"
  kChannel,     // the row's own channel: "Lead Type" (Phone call / Message), "Channel" (sms, vm, gbp)
  kCount
};
std::string_view FieldName(Field f);
// The inverse of FieldName ("first_name" -> kFirstName); nullopt for an unknown name.
std::optional<Field> ParseFieldName(std::string_view name);

struct ColumnMap {
  SourceKind kind = SourceKind::kCallLog;
  // The vendor export recognised ("CallRail call log"), "mapping file …" for an override,
  // empty when the columns were mapped by generic synonyms.
  std::string profile;
  std::array<int, static_cast<std::size_t>(Field::kCount)> column{};  // -1 when absent
  // Second choices, in order, read when the primary column's cell is empty (Home Phone when
  // Mobile Phone is blank, Created date when Sent date is).
  std::vector<std::pair<Field, int>> fallbacks;
  // More columns of a field that gathers several: every free-text column feeds the text, and
  // utm_source + utm_medium together are the lead source.
  std::vector<std::pair<Field, int>> extra;
  // Columns whose role was found from their values, not their header (for inspect).
  std::vector<int> by_content;
  // Numeric dates ("04/11/2026"): month or day first, decided for the whole file; and why.
  DateOrder date_order = DateOrder::kMonthFirst;
  std::string date_order_reason;
  // The date column's header says UTC ("Submit Date (UTC)"): times without an offset are UTC.
  bool time_is_utc = false;
  // Every row of this export has this lead source (a Local Services Ads lead export).
  std::string lead_source;

  ColumnMap() { column.fill(-1); }
  int operator[](Field f) const { return column[static_cast<std::size_t>(f)]; }
  bool has(Field f) const { return (*this)[f] >= 0; }
  void set(Field f, int col) { column[static_cast<std::size_t>(f)] = col; }
  // The field that column `col` feeds, primary or fallback; nullopt when the column is unused.
  std::optional<Field> FieldOf(int col) const;
};

// "Duration (sec)" -> "duration sec".
std::string FoldHeader(std::string_view header);

// Recognises the export from its header row. nullopt when no kind fits: the error then says
// which columns were expected.
std::optional<ColumnMap> MapColumns(const std::vector<std::string>& headers);

// The same, and from the values of the rows below the header (`sample`): a column whose values
// are dates, times of day, phones, emails, channels, lead sources or free text gets that role
// whatever its header says; a date column and a time-of-day column are joined; the order of
// numeric dates is decided from every sampled value (`default_order` when none decides).
std::optional<ColumnMap> MapColumns(const std::vector<std::string>& headers,
                                    const std::vector<std::vector<std::string>>& sample, DateOrder default_order);

// Fills the roles a mapping left open from the sample (used after a mapping file): text, lead
// source, a time-of-day column beside the date, the date order.
void InferFromContent(ColumnMap& map, const std::vector<std::string>& headers,
                      const std::vector<std::vector<std::string>>& sample, DateOrder default_order);

// Whether a result or status value says the caller left a voicemail ("Voicemail", "VM",
// "voice-mail", "Left message").
bool SaysVoicemail(std::string_view value);

// The kind a set of mapped columns suggests (used after a mapping file assigned columns by
// hand); nullopt when it is neither a call log, voicemail, form, text or estimate export.
std::optional<SourceKind> GuessKind(const ColumnMap& map, const std::vector<std::string>& folded_headers);

// Whether `map` has what a row of its kind needs: a date and a way to reach the person
// (estimates: a total and a status). Empty when it does, else what is missing.
std::string MissingColumns(const ColumnMap& map);

// Every vendor export recognised by its header signature, for documentation and inspect.
std::vector<std::string> KnownProfiles();

}  // namespace ringback
