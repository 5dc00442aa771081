// The seven-day plan: one step a day from collecting the exports to deciding what to fix, each
// with what the week's figures say about it. report.html prints it; the web app ticks it off.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "review/weekly_review.h"

namespace ringback {

struct PlanDay {
  std::string what;     // "Collect", "Classify; remove spam, duplicates and stops", ...
  std::string says;     // "160 signals read, 3 rows set aside (rejects.csv)."
  std::string section;  // the section of report.html with the details: "Where the handoff failed"
  std::string anchor;   // its id in report.html: "handoff"
};

// Seven days, in order. `drafts`: callback drafts written for the queue.
std::vector<PlanDay> SevenDayPlan(const WeekMetrics& week, std::int64_t signals, std::int64_t rejected, int drafts);

}  // namespace ringback
