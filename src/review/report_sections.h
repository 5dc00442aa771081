// Internal to src/review: the weekly-review and recovery sections of report.html, as template
// data. Every value is text that the template engine escapes.
#pragma once

#include <kainjow/mustache.hpp>

#include "review/report.h"

namespace ringback::report_internal {

// Sets "review" (figures, response times, failures, leak, SVG bars, seven-day plan) when
// input.week is set.
void AddReviewSections(kainjow::mustache::data& data, const ReportInput& input);

// Sets "recovery" (age bands, exclusions, value at stake, recovered) when input.recovery is set.
void AddRecoverySection(kainjow::mustache::data& data, const ReportInput& input);

// "$12,480" (whole dollars, thousands separated).
std::string Dollars(std::int64_t cents);

}  // namespace ringback::report_internal
