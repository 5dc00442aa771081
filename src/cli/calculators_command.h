// `ringback leak` and `ringback response-time`: the weekly review's two calculators, for
// what-if questions ("what if we booked 40% of them?"). `args` are the arguments after the
// command name; `--config FILE` is read by the main program into `config` and skipped here if
// still present. Booking rate and job values start from the company's ([review] in the config,
// LeakAssumptionsFor in pipeline/review_job.h), else DefaultLeakAssumptions() (review/leak.h);
// flags override them. Money flags are in dollars.
//
//   ringback leak --missed N|CATEGORY=N[,...] [--booking-rate R] [--job-value D|CATEGORY=D[,...]]
//                 [--json]
//     The missed-call revenue leak: missed real opportunities × booking rate × average job
//     value, per category, and a total. --missed 12 counts 12 missed calls of unknown category;
//     --missed emergency=3,active_estimate=10 counts per category (repeatable). spam, duplicate
//     and stop may be given but never count (the table notes them). --booking-rate 0.3 or 30%.
//     --job-value 8500 sets every category's average job value; emergency=900,routine=350 sets
//     those categories (repeatable; per-category values win over a plain one).
//     Default output: a table CATEGORY, MISSED, BOOKING RATE, JOB VALUE, LEAK and a total line.
//     --json: {"lines":[{"category","missed","booking_rate","job_value","leak"}],"total",
//     "missed"}, money in dollars as numbers (e.g. 892.5).
//     Exit: 0 done; 2 bad usage (no --missed, an unknown category, a rate outside 0..1, ...).
//
//   ringback response-time [--delay D[,D...]] [--opportunities N] [--booking-rate R]
//                          [--job-value D] [--json]
//     The lead response time model: the chance of reaching and qualifying a buyer after a first
//     response delay D (5m, 90m, 2h, 1h30m, 1d; repeatable), relative to within 5 minutes.
//     With --opportunities N, also the bookings expected within 5 minutes (N × booking rate) and
//     the bookings and revenue lost to each delay. With no --delay, the model's anchor delays,
//     followed by the source of each anchor.
//     Default output: a table DELAY, CHANCE VS 5 MIN [, BOOKINGS LOST, REVENUE LOST].
//     --json: {"delays"|"anchors":[{"delay","seconds","relative_chance"[,"source"]
//     [,"bookings","bookings_lost","revenue_lost"]}][,"opportunities","booking_rate",
//     "job_value","bookings_at_5_min"]}, money in dollars.
//     Exit: 0 done; 2 bad usage (a delay without a unit, a negative count, ...).
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

#include "core/company_config.h"

namespace ringback::cli {

int LeakCommand(const std::vector<std::string>& args, const CompanyConfig& config, std::ostream& out,
                std::ostream& err);

int ResponseTimeCommand(const std::vector<std::string>& args, const CompanyConfig& config, std::ostream& out,
                        std::ostream& err);

}  // namespace ringback::cli
