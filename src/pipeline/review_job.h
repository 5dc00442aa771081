// The weekly review over the store: streams the queue with its outcomes, estimates and
// attempts into the review builder (src/review/weekly_review.h) for a week and the week
// before, and writes review.csv and review.xlsx.
#pragma once

#include <string>
#include <vector>

#include "core/company_config.h"
#include "review/heat_map.h"
#include "review/weekly_review.h"
#include "store/store.h"

namespace ringback {

struct ReviewRun {
  WeekMetrics week;
  WeekMetrics previous;
  bool have_estimates = false;
  std::vector<Opportunity> rows;  // the week's queue rows, in queue order (for the Queue sheet)
  std::vector<Outcome> outcomes;  // outcomes of the week's rows, by opportunity then time
  std::int64_t recovered_cents = 0;  // booked old-estimate follow-ups: recovered revenue
  int recovered = 0;
  HeatMap heat_map;  // the week by weekday and hour: contacts in, missed or answered late, roster
  Timestamp as_of{};  // when the review was made: also the workbook's creation time, so a run
                      // with a fixed --as-of writes the same bytes
};

// Computes the review of `week` (and of the week before, for the change), with the signals
// imported for each (WeekMetrics::signals: a week with none has no data) and the heat map of
// `week`. With `sanitize`
// the listed contacts are reduced to initials and the last four digits of the phone.
// `as_of`: when the review is made (rows not yet due are pending, not failures).
StatusOr<ReviewRun> ComputeReview(Store& store, const CompanyConfig& config, const IsoWeek& week, Timestamp as_of,
                                  bool sanitize);

// What a shared report may show of a queue row: the contact as initials and the last four digits
// of the phone, no names, emails, phones or addresses in its text, no draft.
void SanitizeForSharing(Opportunity& o);

// The leak assumptions of the company (config [review]), over the built-in defaults.
LeakAssumptions LeakAssumptionsFor(const CompanyConfig& config);

// review.csv: one row per figure: metric, this_week, last_week, change.
Status WriteReviewCsv(const ReviewRun& run, const std::string& path);

// review.xlsx: Summary, Queue, Outcomes and Failures sheets with real types (dates as dates,
// money as currency). Text from callers is written as text, never as a formula.
Status WriteReviewXlsx(const ReviewRun& run, const CompanyConfig& config, const std::string& path);


}  // namespace ringback
