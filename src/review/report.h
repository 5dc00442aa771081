// report.html: the weekly review as one self-contained page (no external assets, readable on
// a phone, prints cleanly). Every value is HTML-escaped by the template engine.
#pragma once

#include <string>
#include <vector>

#include "core/opportunity.h"
#include "recovery/recovery.h"
#include "review/heat_map.h"
#include "review/weekly_review.h"
#include "review/weekly_summary.h"

namespace ringback {

struct ReportInput {
  std::string company;
  std::string time_zone;
  Timestamp as_of{};
  std::string period;  // "Mon 11/16 – Sun 11/22"
  std::int64_t signals = 0;
  std::int64_t rejected = 0;
  const WeeklySummary* summary = nullptr;
  std::vector<Opportunity> queue;  // the first rows of the queue, in queue order
  std::vector<std::optional<Timestamp>> send_after;  // per queue row: when its draft may go out
  std::int64_t queue_total = 0;    // all rows, for "showing N of M"
  // The weekly review (outcomes, response time, handoff failures, leak, seven-day plan); the
  // sections are left out when null.
  const WeekMetrics* week = nullptr;
  const WeekMetrics* previous = nullptr;
  LeakAssumptions leak_assumptions;
  // When contacts came in and were lost; the section is left out when null.
  const HeatMap* heat_map = nullptr;
  // Old estimate recovery; the section is left out when null.
  const RecoveryPlan* recovery = nullptr;
  int recovered = 0;
  std::int64_t recovered_cents = 0;
};

std::string RenderReport(const ReportInput& input);

// The largest number of queue rows a report lists; queue.csv always has them all.
inline constexpr std::size_t kReportQueueRows = 1000;

}  // namespace ringback
