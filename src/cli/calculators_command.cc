#include "cli/calculators_command.h"

#include <nlohmann/json.hpp>

#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <iomanip>
#include <map>
#include <optional>
#include <ostream>
#include <string_view>

#include "cli/commands.h"
#include "cli/parse.h"
#include "pipeline/review_job.h"
#include "review/calculator_input.h"
#include "review/leak.h"

namespace ringback::cli {
namespace {

using Json = nlohmann::ordered_json;

constexpr const char* kLeakFooter =
    "Leak = missed real opportunities x booking rate x average job value, per category.\n"
    "spam, duplicate and stop never count. Without flags the booking rate and job values are the\n"
    "company's ([review] in --config), else Ringback's defaults for a roofing/HVAC contractor.\n"
    "Examples:\n"
    "  ringback leak --missed 12\n"
    "  ringback leak --missed emergency=3,active_estimate=10 --booking-rate 30% --job-value emergency=900\n";

constexpr const char* kResponseTimeFooter =
    "The chance of reaching and qualifying a buyer, relative to a first response within 5 minutes:\n"
    "an interpolation between published anchors (docs/response-time.md). With no --delay, the\n"
    "anchors and their sources.\n"
    "Examples:\n"
    "  ringback response-time\n"
    "  ringback response-time --delay 30m,2h,1d --opportunities 20 --job-value 1200\n";

// Bad usage: what was wrong, and where to read how to do it right.
int Usage(const std::string& command, const std::string& message, std::ostream& err) {
  err << "ringback " << command << ": " << message << "\nRun `ringback " << command << " --help` for usage.\n";
  return kExitUsage;
}

// 300s -> "5m", 5400s -> "1h30m", 86400s -> "24h", 172800s -> "2d".
std::string FormatDelay(Seconds delay) {
  std::int64_t s = delay.count();
  if (s >= 2 * 86400 && s % 86400 == 0) return std::to_string(s / 86400) + "d";
  std::string text;
  for (auto [unit, name] : {std::pair{std::int64_t{3600}, "h"}, std::pair{std::int64_t{60}, "m"}}) {
    if (s >= unit) text += std::to_string(s / unit) + name;
    s %= unit;
  }
  if (s > 0 || text.empty()) text += std::to_string(s) + "s";
  return text;
}

// 1234567 -> "1,234,567".
std::string Grouped(std::int64_t n) {
  std::string digits = std::to_string(n < 0 ? -n : n);
  for (int i = static_cast<int>(digits.size()) - 3; i > 0; i -= 3) digits.insert(static_cast<std::size_t>(i), ",");
  return (n < 0 ? "-" : "") + digits;
}

// Whole dollars for reading: "$8,343". The figures are estimates; cents would be false precision.
std::string Dollars(std::int64_t cents) { return "$" + Grouped((cents + 50) / 100); }

// Dollars for JSON: a whole number when there are no cents, else two decimals.
Json DollarsJson(std::int64_t cents) {
  if (cents % 100 == 0) return cents / 100;
  return static_cast<double>(cents) / 100;
}

// 0.35 -> "35%", 0.325 -> "32.5%".
std::string RatePercent(double rate) {
  char buf[32];
  const double pct = rate * 100;
  std::snprintf(buf, sizeof buf, std::abs(pct - std::round(pct)) < 1e-9 ? "%.0f%%" : "%.1f%%", pct);
  return buf;
}

// A relative chance with two significant figures and, when small, as "1 in N": 1/147 ->
// "0.68% (1 in 147)". The model is an interpolation; more digits would claim what it cannot.
std::string ChanceText(double relative) {
  char buf[48];
  const double pct = relative * 100;
  std::snprintf(buf, sizeof buf, pct >= 10 ? "%.0f%%" : "%.2g%%", pct);
  std::string text = buf;
  if (relative > 0 && relative < 0.5) text += " (1 in " + Grouped(std::llround(1 / relative)) + ")";
  return text;
}

// List flags come as repeats and/or comma lists (CLI11 splits on ','); each item is "VALUE" or
// "CATEGORY=VALUE". Returns {category, value}, category "" when none.
std::pair<std::string, std::string> SplitItem(const std::string& item) {
  const std::size_t eq = item.find('=');
  if (eq == std::string::npos) return {"", item};
  return {item.substr(0, eq), item.substr(eq + 1)};
}

constexpr const char* kRealCategories = "emergency, active_estimate, old_estimate, warranty, routine, unknown";

// --missed items -> counts per category; a plain count is of unknown category. Returns an
// error message on bad input.
std::optional<std::string> ParseMissed(const std::vector<std::string>& items, std::map<Category, int>& missed) {
  for (const std::string& item : items) {
    const auto [name, count_text] = SplitItem(item);
    const std::optional<Category> category = name.empty() ? Category::kUnknown : ParseCategory(name);
    if (!category) return "--missed: unknown category \"" + name + "\" (" + kRealCategories + ")";
    const std::optional<int> count = ParseCount(count_text);
    if (!count) return "--missed: \"" + item + "\": expected a count such as 12 or emergency=3";
    if (!missed.emplace(*category, *count).second)
      return "--missed: " + std::string(CategoryName(*category)) + " is given twice" +
             (name.empty() ? " (a plain count is of unknown category)" : "");
  }
  return std::nullopt;
}

// --job-value items applied to `a`: a plain value sets every category, per-category ones win.
std::optional<std::string> ApplyJobValues(const std::vector<std::string>& items, LeakAssumptions& a) {
  std::map<Category, std::int64_t> per_category;
  bool plain_seen = false;
  for (const std::string& item : items) {
    const auto [name, dollars_text] = SplitItem(item);
    const std::optional<std::int64_t> cents = ParseDollars(dollars_text);
    if (!cents) return "--job-value: \"" + item + "\": expected dollars such as 8500 or emergency=900";
    if (name.empty()) {
      // "8,500" arrives as "8" and "500": refuse rather than silently take $500.
      if (plain_seen) return "--job-value: two plain values; write dollars without commas (8500)";
      plain_seen = true;
      a.average_job_value_cents.clear();
      a.default_job_value_cents = *cents;
      continue;
    }
    const std::optional<Category> category = ParseCategory(name);
    if (!category || !IsReal(*category))
      return "--job-value: \"" + name + "\" is not a category with jobs (" + kRealCategories + ")";
    if (!per_category.emplace(*category, *cents).second) return "--job-value: " + name + " is given twice";
  }
  for (const auto& [category, cents] : per_category) a.average_job_value_cents[category] = cents;
  return std::nullopt;
}

void PrintLeakTable(const LeakEstimate& e, const std::map<Category, int>& missed, const CompanyConfig& config,
                    std::ostream& out) {
  out << "Missed-call revenue leak" << (config.name.empty() ? "" : " - " + config.name) << "\n\n";
  out << std::left << std::setw(17) << "CATEGORY" << std::right << std::setw(7) << "MISSED" << std::setw(14)
      << "BOOKING RATE" << std::setw(12) << "JOB VALUE" << std::setw(12) << "LEAK" << "\n";
  for (const LeakLine& l : e.lines)
    out << std::left << std::setw(17) << CategoryName(l.category) << std::right << std::setw(7) << l.missed
        << std::setw(14) << RatePercent(l.booking_rate) << std::setw(12) << Dollars(l.job_value_cents)
        << std::setw(12) << Dollars(l.leak_cents) << "\n";
  out << std::left << std::setw(17) << "total" << std::right << std::setw(7) << e.missed_total << std::setw(38)
      << Dollars(e.total_cents) << "\n\n";
  std::string ignored;
  for (const auto& [category, count] : missed)
    if (!IsReal(category) && count > 0)
      ignored += (ignored.empty() ? "" : ", ") + std::string(CategoryName(category)) + " " + std::to_string(count);
  if (!ignored.empty()) out << "Not counted (not real opportunities): " << ignored << ".\n";
  out << "Leak = missed real opportunities x booking rate x average job value: an estimate of the work\n"
         "that went to someone else, not a ledger.\n";
}

Json LeakJson(const LeakEstimate& e) {
  Json lines = Json::array();
  for (const LeakLine& l : e.lines)
    lines.push_back({{"category", std::string(CategoryName(l.category))},
                     {"missed", l.missed},
                     {"booking_rate", l.booking_rate},
                     {"job_value", DollarsJson(l.job_value_cents)},
                     {"leak", DollarsJson(l.leak_cents)}});
  return {{"lines", lines}, {"total", DollarsJson(e.total_cents)}, {"missed", e.missed_total}};
}

// The what-if inputs of `ringback response-time`.
struct DelayInputs {
  std::vector<Seconds> delays;
  bool anchors = false;                 // no --delay: the model's own anchor delays
  std::optional<int> opportunities;     // costs only when given
  double booking_rate = 0;
  std::int64_t job_value_cents = 0;
};

void PrintDelayTable(const DelayInputs& in, std::ostream& out) {
  out << "Chance of reaching and qualifying a buyer, relative to a first response within 5 minutes\n"
         "(an interpolation between published anchors; see docs/response-time.md)\n\n";
  if (in.opportunities) {
    const DelayLeak best = LeakFromDelay(*in.opportunities, Seconds(0), in.booking_rate, in.job_value_cents);
    char bookings[32];
    std::snprintf(bookings, sizeof bookings, "%.1f", best.bookings_at_5_min);
    out << *in.opportunities << " opportunities x " << RatePercent(in.booking_rate) << " booking rate = " << bookings
        << " bookings if answered within 5 minutes; average job " << Dollars(in.job_value_cents) << "\n\n";
  }
  // The chance column is padded only when more columns follow: no trailing blanks.
  const int chance_width = in.opportunities ? 22 : 0;
  out << std::left << std::setw(8) << "DELAY" << std::setw(chance_width) << "CHANCE VS 5 MIN";
  if (in.opportunities) out << std::right << std::setw(14) << "BOOKINGS LOST" << std::setw(14) << "REVENUE LOST";
  out << "\n";
  for (Seconds d : in.delays) {
    out << std::left << std::setw(8) << FormatDelay(d) << std::setw(chance_width)
        << ChanceText(RelativeReachChance(d));
    if (in.opportunities) {
      const DelayLeak l = LeakFromDelay(*in.opportunities, d, in.booking_rate, in.job_value_cents);
      char lost[32];
      std::snprintf(lost, sizeof lost, "%.1f", l.bookings_lost);
      out << std::right << std::setw(14) << lost << std::setw(14) << Dollars(l.lost_cents);
    }
    out << "\n";
  }
  if (!in.anchors) return;
  out << "\nSources:\n";
  for (const ResponseTimeAnchor& a : ResponseTimeAnchors())
    out << "  " << std::left << std::setw(5) << FormatDelay(a.delay) << " " << a.source << "\n";
}

Json DelayJson(const DelayInputs& in) {
  Json rows = Json::array();
  for (std::size_t i = 0; i < in.delays.size(); ++i) {
    const Seconds d = in.delays[i];
    Json row = {{"delay", FormatDelay(d)}, {"seconds", d.count()}, {"relative_chance", RelativeReachChance(d)}};
    if (in.anchors) row["source"] = ResponseTimeAnchors()[i].source;
    if (in.opportunities) {
      const DelayLeak l = LeakFromDelay(*in.opportunities, d, in.booking_rate, in.job_value_cents);
      row["bookings"] = l.bookings;
      row["bookings_lost"] = l.bookings_lost;
      row["revenue_lost"] = DollarsJson(l.lost_cents);
    }
    rows.push_back(std::move(row));
  }
  Json j = {{in.anchors ? "anchors" : "delays", rows}};
  if (in.opportunities) {
    j["opportunities"] = *in.opportunities;
    j["booking_rate"] = in.booking_rate;
    j["job_value"] = DollarsJson(in.job_value_cents);
    j["bookings_at_5_min"] = *in.opportunities * in.booking_rate;
  }
  return j;
}

// Options both calculators share. --config is read by the main program; it is accepted and
// ignored here so a caller that leaves it in does not get a usage error.
struct CommonFlags {
  std::string booking_rate;
  std::vector<std::string> job_values;
  std::string ignored_config;
  bool json = false;
};

void AddCommonFlags(CLI::App& app, CommonFlags& flags) {
  app.add_option("--booking-rate", flags.booking_rate, "Share of answered opportunities booked: 0.35 or 35%");
  app.add_flag("--json", flags.json, "JSON instead of a table");
  app.add_option("--config", flags.ignored_config)->group("");
}

}  // namespace

int LeakCommand(const std::vector<std::string>& args, const CompanyConfig& config, std::ostream& out,
                std::ostream& err) {
  CLI::App app("The missed-call revenue leak: missed x booking rate x job value, per category.", "leak");
  app.footer(kLeakFooter);
  CommonFlags flags;
  std::vector<std::string> missed_items;
  app.add_option("--missed", missed_items, "Missed real opportunities: 12, or emergency=3,active_estimate=10")
      ->delimiter(',')
      ->allow_extra_args(false);
  app.add_option("--job-value", flags.job_values, "Average job value in dollars: 8500, or emergency=900,routine=350")
      ->delimiter(',')
      ->allow_extra_args(false);
  AddCommonFlags(app, flags);
  if (auto code = ParseArgs(app, args, out, err)) return *code;

  if (missed_items.empty())
    return Usage("leak", "how many were missed? e.g. --missed 12 or --missed emergency=3,routine=9", err);
  std::map<Category, int> missed;
  if (auto message = ParseMissed(missed_items, missed)) return Usage("leak", *message, err);
  LeakAssumptions assumptions = LeakAssumptionsFor(config);
  if (!flags.booking_rate.empty()) {
    const std::optional<double> rate = ParseRate(flags.booking_rate);
    if (!rate) return Usage("leak", "--booking-rate: expected 0..1 or a percent such as 35%", err);
    assumptions.booking_rate = *rate;
  }
  if (auto message = ApplyJobValues(flags.job_values, assumptions)) return Usage("leak", *message, err);

  const LeakEstimate estimate = EstimateLeak(missed, assumptions);
  if (flags.json) out << LeakJson(estimate).dump() << "\n";
  else PrintLeakTable(estimate, missed, config, out);
  return kExitOk;
}

int ResponseTimeCommand(const std::vector<std::string>& args, const CompanyConfig& config, std::ostream& out,
                        std::ostream& err) {
  CLI::App app("The lead response time model: what a slow first response costs.", "response-time");
  app.footer(kResponseTimeFooter);
  CommonFlags flags;
  std::vector<std::string> delay_items;
  std::string opportunities_text, job_value;
  app.add_option("--delay", delay_items, "First response delay: 5m, 90m, 2h, 1d (repeatable or a comma list)")
      ->delimiter(',')
      ->allow_extra_args(false);
  app.add_option("--opportunities", opportunities_text, "Real opportunities, to count bookings and revenue lost");
  app.add_option("--job-value", job_value, "Average job value in dollars (default: the company's, else 1200)");
  AddCommonFlags(app, flags);
  if (auto code = ParseArgs(app, args, out, err)) return *code;

  const LeakAssumptions defaults = LeakAssumptionsFor(config);
  DelayInputs in;
  in.booking_rate = defaults.booking_rate;
  in.job_value_cents = defaults.default_job_value_cents;
  for (const std::string& item : delay_items) {
    const std::optional<Seconds> d = ParseDelay(item);
    if (!d) return Usage("response-time", "--delay: \"" + item + "\": expected a delay with a unit: 5m, 90m, 2h, 1d", err);
    in.delays.push_back(*d);
  }
  if (!opportunities_text.empty() && !(in.opportunities = ParseCount(opportunities_text)))
    return Usage("response-time", "--opportunities: expected a count such as 20", err);
  if (!flags.booking_rate.empty()) {
    const std::optional<double> rate = ParseRate(flags.booking_rate);
    if (!rate) return Usage("response-time", "--booking-rate: expected 0..1 or a percent such as 35%", err);
    in.booking_rate = *rate;
  }
  if (!job_value.empty()) {
    const std::optional<std::int64_t> cents = ParseDollars(job_value);
    if (!cents) return Usage("response-time", "--job-value: expected dollars such as 1200", err);
    in.job_value_cents = *cents;
  }
  if (in.delays.empty()) {
    in.anchors = true;
    for (const ResponseTimeAnchor& a : ResponseTimeAnchors()) in.delays.push_back(a.delay);
  }

  if (flags.json) out << DelayJson(in).dump() << "\n";
  else PrintDelayTable(in, out);
  return kExitOk;
}

}  // namespace ringback::cli
