// The two calculators of the weekly review: the missed-call revenue leak and the lead response
// time model. Pure arithmetic on figures the caller measured or assumed; money is in cents.
//
// The leak is an estimate, not a ledger: missed real opportunities × booking rate × average job
// value, per category. The response time model is an interpolation between published anchor
// points (docs/response-time.md cites every constant), not a fitted curve.
#pragma once

#include <cstdint>
#include <map>
#include <vector>

#include "core/category.h"
#include "core/time.h"

namespace ringback {

// What one missed opportunity is worth, before anyone knows how it would have gone. The
// defaults (DefaultLeakAssumptions) are round placeholder figures for a residential roofing and
// HVAC contractor, from no study; a company overrides them with its own numbers.
struct LeakAssumptions {
  // Share of real opportunities, answered promptly, that become a booked job. In [0, 1].
  double booking_rate = 0.35;
  // Average job value per category; a category not listed uses default_job_value_cents.
  std::map<Category, std::int64_t> average_job_value_cents;
  std::int64_t default_job_value_cents = 0;
};

// booking_rate 0.35 and: emergency $850 (a repair call-out), active_estimate and old_estimate
// $9,500 (a roof or system replacement), routine $350 (maintenance, small repair), warranty $0
// (warranty work is not billed: a missed warranty call costs reputation, which this does not
// price), and $1,200 for anything else, such as unknown (a missed call with nothing to go on).
LeakAssumptions DefaultLeakAssumptions();

// The average job value `assumptions` give `category` (its own, else the default).
std::int64_t JobValueCents(const LeakAssumptions& assumptions, Category category);

struct LeakLine {
  Category category = Category::kUnknown;
  int missed = 0;
  double booking_rate = 0;
  std::int64_t job_value_cents = 0;
  std::int64_t leak_cents = 0;  // missed × booking_rate × job_value_cents, rounded to a cent
};

struct LeakEstimate {
  std::vector<LeakLine> lines;  // one per real category with missed > 0, in Category order
  std::int64_t total_cents = 0;
  int missed_total = 0;         // real opportunities only
};

// The revenue that missed opportunities probably took elsewhere. Only real opportunities count
// (IsReal: emergency, active_estimate, old_estimate, warranty, routine, unknown): spam,
// duplicate and stop rows are never a lost job, so they are left out of lines and totals, as
// are counts of zero or less.
LeakEstimate EstimateLeak(const std::map<Category, int>& missed_by_category, const LeakAssumptions& assumptions);

// --- Lead response time model ---
//
// How the chance of reaching and qualifying a buyer falls with the delay of the first
// response, relative to answering within 5 minutes. Built from published qualification ratios
// (Lead Response Management study, 2007; Oldroyd, McElheran & Elkington, HBR 2011):
//
//   delay    relative   from
//   5 min    1          baseline
//   30 min   1/21       qualifying odds fall 21-fold from 5 to 30 minutes (2007)
//   1 h      1/21       no published figure in between: the 30-minute value is held
//   2 h      1/147      within an hour is ~7x as likely to qualify as an hour later (2011)
//   24 h     1/1260     within an hour is 60x+ as likely as 24 hours or more (2011); flat after
//
// Between two anchors the chance falls by the same factor every time the delay doubles
// (a straight line on log-log axes). Faster than 5 minutes is 1: the studies do not resolve it.

struct ResponseTimeAnchor {
  Seconds delay{0};
  double relative = 1;  // chance relative to answering within 5 minutes
  const char* source = "";
};

// The anchor points above, earliest first; the model passes through each exactly.
const std::vector<ResponseTimeAnchor>& ResponseTimeAnchors();

// The chance of reaching and qualifying a buyer first answered after `delay`, relative to
// answering within 5 minutes: 1 at 5 minutes or less, never increasing with delay, flat after
// 24 hours. A negative delay counts as none.
double RelativeReachChance(Seconds delay);

// What a slow first response costs, for `opportunities` real opportunities all first answered
// after the same delay.
struct DelayLeak {
  double relative_chance = 1;     // RelativeReachChance(delay)
  double bookings_at_5_min = 0;   // opportunities × booking_rate
  double bookings = 0;            // bookings_at_5_min × relative_chance
  double bookings_lost = 0;       // bookings_at_5_min − bookings
  std::int64_t lost_cents = 0;    // bookings_lost × job_value_cents, rounded to a cent
};

// opportunities × booking_rate × job_value × (1 − RelativeReachChance(delay)): the bookings,
// and their value, lost because the first response came after `delay` instead of within 5 min.
DelayLeak LeakFromDelay(int opportunities, Seconds delay, double booking_rate, std::int64_t job_value_cents);

}  // namespace ringback
