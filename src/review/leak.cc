#include "review/leak.h"

#include <chrono>
#include <cmath>

namespace ringback {
namespace {

using std::chrono::hours;
using std::chrono::minutes;

constexpr std::int64_t kDollar = 100;

// Rounds a money amount computed in floating point to whole cents.
std::int64_t RoundCents(double cents) { return static_cast<std::int64_t>(std::llround(cents)); }

double ToDouble(Seconds s) { return static_cast<double>(s.count()); }

}  // namespace

LeakAssumptions DefaultLeakAssumptions() {
  LeakAssumptions a;
  a.booking_rate = 0.35;
  a.average_job_value_cents = {
      {Category::kEmergency, 850 * kDollar},     {Category::kActiveEstimate, 9'500 * kDollar},
      {Category::kOldEstimate, 9'500 * kDollar}, {Category::kRoutine, 350 * kDollar},
      {Category::kWarranty, 0},
  };
  a.default_job_value_cents = 1'200 * kDollar;
  return a;
}

std::int64_t JobValueCents(const LeakAssumptions& assumptions, Category category) {
  auto it = assumptions.average_job_value_cents.find(category);
  return it != assumptions.average_job_value_cents.end() ? it->second : assumptions.default_job_value_cents;
}

LeakEstimate EstimateLeak(const std::map<Category, int>& missed_by_category, const LeakAssumptions& assumptions) {
  LeakEstimate estimate;
  for (const auto& [category, missed] : missed_by_category) {
    if (!IsReal(category) || missed <= 0) continue;
    LeakLine line;
    line.category = category;
    line.missed = missed;
    line.booking_rate = assumptions.booking_rate;
    line.job_value_cents = JobValueCents(assumptions, category);
    line.leak_cents = RoundCents(missed * assumptions.booking_rate * static_cast<double>(line.job_value_cents));
    estimate.total_cents += line.leak_cents;
    estimate.missed_total += missed;
    estimate.lines.push_back(line);
  }
  return estimate;
}

const std::vector<ResponseTimeAnchor>& ResponseTimeAnchors() {
  // Both studies report qualification, so their ratios chain: the 2011 ratios are taken
  // relative to the 1-hour point, which holds the 2007 30-minute value. Sources in full:
  // docs/response-time.md.
  static const std::vector<ResponseTimeAnchor> anchors = {
      {minutes(5), 1.0, "baseline: first response within 5 minutes (Lead Response Management study, 2007)"},
      {minutes(30), 1.0 / 21,
       "odds of qualifying fall 21-fold from 5 to 30 minutes (Lead Response Management study, "
       "Oldroyd with InsideSales.com, 2007)"},
      {hours(1), 1.0 / 21,
       "no published figure between 30 minutes and 1 hour: the 30-minute value is held, the most "
       "generous choice that keeps the model from rising"},
      {hours(2), 1.0 / (21 * 7),
       "contact within an hour is nearly 7x as likely to qualify as an hour later (Oldroyd, "
       "McElheran & Elkington, HBR, March 2011): 1/21 divided by 7"},
      {hours(24), 1.0 / (21 * 60),
       "contact within an hour is over 60x as likely to qualify as 24 hours or more (Oldroyd, "
       "McElheran & Elkington, HBR, March 2011): 1/21 divided by 60; flat after"},
  };
  return anchors;
}

double RelativeReachChance(Seconds delay) {
  const std::vector<ResponseTimeAnchor>& anchors = ResponseTimeAnchors();
  if (delay <= anchors.front().delay) return anchors.front().relative;
  for (std::size_t i = 1; i < anchors.size(); ++i) {
    const ResponseTimeAnchor& a = anchors[i - 1];
    const ResponseTimeAnchor& b = anchors[i];
    if (delay >= b.delay) continue;
    // Straight line between the anchors on log-log axes: the same factor per doubling.
    const double t = std::log(ToDouble(delay) / ToDouble(a.delay)) / std::log(ToDouble(b.delay) / ToDouble(a.delay));
    return a.relative * std::pow(b.relative / a.relative, t);
  }
  return anchors.back().relative;
}

DelayLeak LeakFromDelay(int opportunities, Seconds delay, double booking_rate, std::int64_t job_value_cents) {
  DelayLeak leak;
  leak.relative_chance = RelativeReachChance(delay);
  leak.bookings_at_5_min = opportunities * booking_rate;
  leak.bookings = leak.bookings_at_5_min * leak.relative_chance;
  leak.bookings_lost = leak.bookings_at_5_min - leak.bookings;
  leak.lost_cents = RoundCents(leak.bookings_lost * static_cast<double>(job_value_cents));
  return leak;
}

}  // namespace ringback
