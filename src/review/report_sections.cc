#include "review/report_sections.h"

#include "review/seven_day_plan.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace ringback::report_internal {
namespace {

namespace mustache = kainjow::mustache;
using mustache::data;

std::string Number(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, v == std::floor(v) ? "%.0f" : "%.1f", v);
  return buf;
}

std::string Signed(std::string text, double v) { return (v > 0 ? "+" : "") + text; }

// A figure as a person reads it: "42%", "3h 10m", "$12,480", "17"; "–" when nothing was timed.
std::string Show(const ReviewFigure& f, double v, bool measured = true) {
  if (!measured) return "–";
  if (f.money) return (v < 0 ? "-" : "") + Dollars(static_cast<std::int64_t>(std::llround(std::fabs(v) * 100)));
  if (f.seconds) return (v < 0 ? "-" : "") + FormatDelay(Seconds{static_cast<std::int64_t>(std::fabs(v))});
  if (f.percent) return Number(std::round(v * 1000) / 10) + "%";
  return Number(v);
}

// A week with no imported signals has no figures: "no data", not zeros and a change.
data Figures(const WeekMetrics& week, const WeekMetrics& previous) {
  data list{data::type::list};
  for (const ReviewFigure& f : ReviewFigures(week, previous)) {
    const double change = f.this_week - f.last_week;
    const bool both = week.has_data() && previous.has_data() && f.this_measured && f.last_measured;
    data row;
    row.set("metric", f.metric);
    row.set("this_week", week.has_data() ? Show(f, f.this_week, f.this_measured) : "no data");
    row.set("last_week", previous.has_data() ? Show(f, f.last_week, f.last_measured) : "no data");
    row.set("change", !both ? "" : change == 0 ? "=" : Signed(Show(f, change), change));
    list.push_back(row);
  }
  return list;
}

template <typename Key, typename Name>
data DelayRows(const std::map<Key, DelayStats>& clock, const std::map<Key, DelayStats>& business, Name name) {
  data list{data::type::list};
  for (const auto& [key, c] : clock) {
    const auto b = business.find(key);
    data row;
    row.set("name", name(key));
    row.set("count", std::to_string(c.count));
    row.set("median", FormatDelay(c.median));
    row.set("p90", FormatDelay(c.p90));
    row.set("business_median", b == business.end() ? "" : FormatDelay(b->second.median));
    row.set("business_p90", b == business.end() ? "" : FormatDelay(b->second.p90));
    list.push_back(row);
  }
  return list;
}

// Horizontal bars as inline SVG rectangles: label, value, bar width (0..kBarWidth), y.
constexpr int kBarWidth = 320, kBarHeight = 18, kBarGap = 6;
data Bars(const std::vector<std::pair<std::string, double>>& values, const std::string& unit) {
  double max = 0;
  for (const auto& [label, v] : values) max = std::max(max, v);
  data list{data::type::list};
  int y = 0;
  for (const auto& [label, v] : values) {
    data bar;
    bar.set("label", label);
    bar.set("value", Number(v) + unit);
    bar.set("width", std::to_string(max > 0 ? std::max(2, static_cast<int>(v / max * kBarWidth)) : 2));
    bar.set("y", std::to_string(y));
    bar.set("text_y", std::to_string(y + 13));
    list.push_back(bar);
    y += kBarHeight + kBarGap;
  }
  return list;
}

data FailureSection(const WeekMetrics& week) {
  data list{data::type::list};
  std::vector<std::pair<HandoffPoint, int>> points(week.failures_by_point.begin(), week.failures_by_point.end());
  std::stable_sort(points.begin(), points.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
  for (const auto& [point, count] : points) {
    data entry;
    entry.set("point", std::string(HandoffName(point)));
    entry.set("count", std::to_string(count));
    data examples{data::type::list};
    for (const HandoffFailure& f : week.failures) {
      if (f.point != point) continue;
      data ex;
      ex.set("contact", f.contact);
      ex.set("category", std::string(CategoryName(f.category)));
      ex.set("owner", f.owner.empty() ? "(no owner)" : f.owner);
      ex.set("why", f.why);
      ex.set("id", f.opportunity_id);
      examples.push_back(ex);
    }
    entry.set("examples", examples);
    list.push_back(entry);
  }
  return list;
}

data LeakSection(const WeekMetrics& week, const LeakAssumptions& assumptions) {
  data leak;
  data lines{data::type::list};
  for (const LeakLine& l : week.leak.lines) {
    data row;
    row.set("category", std::string(CategoryName(l.category)));
    row.set("missed", std::to_string(l.missed));
    row.set("booking_rate", Number(std::round(l.booking_rate * 100)) + "%");
    row.set("job_value", Dollars(l.job_value_cents));
    row.set("leak", Dollars(l.leak_cents));
    lines.push_back(row);
  }
  leak.set("lines", lines);
  leak.set("total", Dollars(week.leak.total_cents));
  leak.set("missed", std::to_string(week.leak.missed_total));
  leak.set("booking_rate", Number(std::round(assumptions.booking_rate * 100)) + "%");
  if (week.median_reach_chance) {
    leak.set("median_delay", FormatDelay(week.clock_all.median));
    const double chance = *week.median_reach_chance;
    leak.set("reach_chance", chance >= 0.1 ? Number(std::round(chance * 100)) + "%" : "1 in " + Number(std::round(1 / chance)));
  }
  return leak;
}

int Failures(const WeekMetrics& w, HandoffPoint p) {
  auto it = w.failures_by_point.find(p);
  return it == w.failures_by_point.end() ? 0 : it->second;
}

data Plan(const WeekMetrics& w, const ReportInput& in) {
  int drafts = 0;
  for (const Opportunity& o : in.queue) drafts += !o.draft.empty();
  const std::vector<PlanDay> days = SevenDayPlan(w, in.signals, in.rejected, drafts);
  data list{data::type::list};
  int day = 1;
  for (const PlanDay& d : days) {
    data row;
    row.set("day", std::to_string(day++));
    row.set("what", d.what);
    row.set("says", d.says);
    row.set("section", d.section);
    row.set("anchor", d.anchor);
    list.push_back(row);
  }
  return list;
}

std::string CategoryLabel(Category c) { return std::string(CategoryName(c)); }

}  // namespace

std::string Dollars(std::int64_t cents) {
  std::string digits = std::to_string((std::llabs(cents) + 50) / 100);  // to the nearest dollar
  for (int i = static_cast<int>(digits.size()) - 3; i > 0; i -= 3) digits.insert(static_cast<std::size_t>(i), ",");
  return (cents < 0 ? "-$" : "$") + digits;
}

void AddReviewSections(data& out, const ReportInput& in) {
  if (!in.week) return;
  const WeekMetrics& w = *in.week;
  const WeekMetrics empty;
  const WeekMetrics& p = in.previous ? *in.previous : empty;
  data review;
  review.set("week", w.week.Label());
  review.set("previous_week", in.previous ? p.week.Label() : "the week before");
  review.set("period", FormatLocal(w.week.start, in.time_zone, "%a %m/%d") + " – " +
                           FormatLocal(w.week.end - Seconds{1}, in.time_zone, "%a %m/%d/%Y"));
  review.set("figures", Figures(w, p));
  review.set("by_category", DelayRows(w.clock_by_category, w.business_by_category, CategoryLabel));
  review.set("by_owner", DelayRows(w.clock_by_owner, w.business_by_owner, [](const std::string& s) { return s; }));
  std::vector<std::pair<std::string, double>> failure_bars, delay_bars;
  for (HandoffPoint point : kHandoffPoints) failure_bars.emplace_back(std::string(HandoffName(point)), Failures(w, point));
  for (const auto& [cat, d] : w.clock_by_category)
    delay_bars.emplace_back(CategoryLabel(cat), std::round(static_cast<double>(d.median.count()) / 60.0));
  review.set("failure_bars", Bars(failure_bars, ""));
  review.set("failure_svg_height", std::to_string(static_cast<int>(failure_bars.size()) * (kBarHeight + kBarGap)));
  review.set("delay_bars", Bars(delay_bars, " min"));
  review.set("delay_svg_height", std::to_string(static_cast<int>(delay_bars.size()) * (kBarHeight + kBarGap)));
  review.set("has_delays", !delay_bars.empty());
  review.set("failures", FailureSection(w));
  review.set("leak", LeakSection(w, in.leak_assumptions));
  review.set("plan", Plan(w, in));
  review.set("no_previous_data", !p.has_data());
  if (in.heat_map) review.set("heat_map_html", RenderHeatMap(*in.heat_map, "heatmap"));
  out.set("review", review);
}

void AddRecoverySection(data& out, const ReportInput& in) {
  if (!in.recovery) return;
  const RecoveryPlan& plan = *in.recovery;
  data r;
  r.set("follow_ups", std::to_string(plan.follow_ups));
  r.set("consent_checks", std::to_string(plan.consent_checks));
  r.set("excluded", std::to_string(plan.excluded));
  r.set("at_stake", Dollars(plan.at_stake_cents));
  r.set("expected", Dollars(plan.expected_cents));
  r.set("recovered", std::to_string(in.recovered));
  r.set("recovered_value", Dollars(in.recovered_cents));
  data bands{data::type::list};
  for (const auto& [band, n] : plan.count_by_band) {
    data row;
    row.set("band", band);
    row.set("count", std::to_string(n));
    bands.push_back(row);
  }
  r.set("bands", bands);
  data reasons{data::type::list};
  for (const auto& [reason, n] : plan.excluded_by_reason) {
    data row;
    row.set("reason", reason);
    row.set("count", std::to_string(n));
    reasons.push_back(row);
  }
  r.set("exclusions", reasons);
  data owners{data::type::list};
  for (const auto& [owner, cents] : plan.value_by_owner) {
    data row;
    row.set("owner", owner);
    row.set("value", Dollars(cents));
    owners.push_back(row);
  }
  r.set("owners", owners);
  out.set("recovery", r);
}

}  // namespace ringback::report_internal
